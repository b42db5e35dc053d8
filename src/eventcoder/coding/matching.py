"""Verb patterns matched against a dependency parse.

A pattern ``PRE * POST`` is tried against two word sequences of the verb's clause (see docs/algorithm.md):
the *pre* region (the verb's dependents before it, its ancestors and their dependents before it) and the
*post* region (the verb's dependents after it, excluding the subject, coordinated and adverbial clauses).
Elements are matched left to right; words that are not in the pattern may lie between matched elements.

- ``WORD`` (``_``-joined: consecutive words) matches a word's surface form or lemma, case-insensitively.
- ``&SYNSET`` matches any member phrase (plurals included; a member may itself be a synset).
- ``{MOD ... HEAD}`` matches a noun ``HEAD`` whose phrase holds the modifiers in order; only adjectives,
  adverbs, determiners and numbers may stand between them.
- ``(PREP OBJ ...)`` matches a preposition and the words of the phrase it introduces.
- ``$`` / ``+`` mark where the source / target is: the first actor phrase at or after that point.
- ``%`` requires the subject to be a coordination of actors (reciprocal events among them).
- ``^`` (skip) passes over the next phrase (``(IN ^) +``: the target is after the place).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventcoder.coding.view import TIME_NAMES, SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.dictionaries.model import Element, Marker, NounPhrase, Pattern, PrepPhrase, SynsetRef, Word

NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})
PREP_RELS = frozenset({"case", "mark", "compound:prt", "advmod"})
SKIP_UP = frozenset({"case", "det", "amod", "compound", "flat", "nummod", "nmod:poss", "nmod:desc", "fixed", "advmod"})


@dataclass
class MatchState:
    used: set[int] = field(default_factory=set)
    source_at: int | None = None  # word index from which to look for the source
    target_at: int | None = None  # word index from which to look for the target
    target_scope: int | None = None  # a phrase head that must contain the target (a '+' in a PP)
    compound: bool = False
    skipped: set[int] = field(default_factory=set)  # words passed over by '^'
    depth: int = 0  # how many elements matched before failing (for the explanation)
    failed: Element | None = None


class PatternIndex:
    """Per dictionary set: the flattened synset phrases and each pattern's required words."""

    def __init__(self, dicts: CompiledDictionaries) -> None:
        self.dicts = dicts
        self._synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._by_first: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        self._synset_refs: dict[str, tuple[str, ...]] = {}
        self._required: dict[str, frozenset[str]] = {}
        self._weight: dict[str, int] = {}

    def synset(self, name: str) -> tuple[tuple[str, ...], ...]:
        hit = self._synsets.get(name)
        if hit is not None:
            return hit
        self._synsets[name] = ()  # recursion guard
        out: list[tuple[str, ...]] = []
        for phrase in self.dicts.synset_phrases.get(name, ()):
            words = tuple(w.strip("()") for w in phrase if w.strip("()"))
            if len(words) == 1 and words[0].startswith("&"):
                out.extend(self.synset(words[0]))
            elif words:
                out.append(words)
        # longest first, so that a multiword member wins
        res = tuple(sorted(dict.fromkeys(out), key=lambda p: -len(p)))
        self._synsets[name] = res
        return res

    def by_first(self, name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """A synset's phrases keyed by their first word (longest first)."""
        hit = self._by_first.get(name)
        if hit is None:
            table: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.synset(name):
                table.setdefault(phrase[0], []).append(phrase)
            hit = {k: tuple(v) for k, v in table.items()}
            self._by_first[name] = hit
        return hit

    def possible(self, p: Pattern, keys: set[str]) -> bool:
        """Every word the pattern needs is in the sentence, and for every synset one member's first word."""
        if not self.required(p) <= keys:
            return False
        refs = self._synset_refs.get(p.id)
        if refs is None:
            refs = p.synsets
            self._synset_refs[p.id] = refs
        return all(not keys.isdisjoint(self.by_first(name)) for name in refs)

    def required(self, p: Pattern) -> frozenset[str]:
        hit = self._required.get(p.id)
        if hit is None:
            hit = frozenset(_words(p.pre + p.post))
            self._required[p.id] = hit
        return hit

    def weight(self, p: Pattern) -> int:
        """Specificity: the number of words, synsets and phrases in the pattern (markers count half)."""
        hit = self._weight.get(p.id)
        if hit is None:
            hit = _weight(p.pre + p.post)
            self._weight[p.id] = hit
        return hit


def _words(elements: tuple[Element, ...]) -> list[str]:
    out: list[str] = []
    for el in elements:
        if isinstance(el, Word):
            out.extend(el.words)
        elif isinstance(el, NounPhrase):
            out.extend(_words((*el.modifiers, el.head)))
        elif isinstance(el, PrepPhrase):
            if not el.prep.startswith("&"):
                out.append(el.prep)
            out.extend(_words(el.objects))
    return out


def _weight(elements: tuple[Element, ...]) -> int:
    w = 0
    for el in elements:
        if isinstance(el, Word):
            w += 2 * len(el.words)
        elif isinstance(el, SynsetRef):
            w += 2
        elif isinstance(el, NounPhrase):
            w += 1 + _weight((*el.modifiers, el.head))
        elif isinstance(el, PrepPhrase):
            w += 2 + _weight(el.objects)
        elif isinstance(el, Marker):
            w += 1
    return w


def render(el: Element) -> str:
    if isinstance(el, Word):
        return "_".join(el.words)
    if isinstance(el, SynsetRef):
        return el.name
    if isinstance(el, NounPhrase):
        return "{" + " ".join(render(e) for e in (*el.modifiers, el.head)) + "}"
    if isinstance(el, PrepPhrase):
        return "(" + " ".join([el.prep, *(render(e) for e in el.objects)]) + ")"
    return {"source": "$", "target": "+", "skip": "^", "compound": "%", "alt": "|"}[el.kind]


class Matcher:
    """Matches the pattern elements of one verb against its regions."""

    def __init__(self, view: SentenceView, index: PatternIndex) -> None:
        self.view = view
        self.index = index

    # -- atoms ------------------------------------------------------------------------------------------
    def _is(self, idx: int, word: str) -> bool:
        v = self.view
        return v.upper[idx] == word or v.lemma_upper[idx] == word

    def atom_ends(self, region: list[int], k: int, atom: Word | SynsetRef) -> list[int]:
        """Positions just after ``atom`` if it matches ``region`` starting at position ``k``."""
        v = self.view
        idx = region[k]
        up, lem = v.upper[idx], v.lemma_upper[idx]
        if isinstance(atom, Word):
            words = atom.words
            if words[0] != up and words[0] != lem:
                return []
            n = len(words)
            if k + n <= len(region) and all(self._is(region[k + j], words[j]) for j in range(1, n)):
                return [k + n]
            return []
        table = self.index.by_first(atom.name)
        phrases = table.get(up, ())
        if lem != up:
            phrases = phrases + table.get(lem, ())
        out = []
        for words in phrases:
            n = len(words)
            if k + n <= len(region) and all(self._is(region[k + j], words[j]) for j in range(1, n)):
                out.append(k + n)
        return out

    # -- sequences ------------------------------------------------------------------------------------------
    def match(self, elements: tuple[Element, ...], region: list[int], state: MatchState) -> bool:
        return self._seq(elements, 0, region, 0, state)

    def _seq(self, els: tuple[Element, ...], ei: int, region: list[int], pos: int, st: MatchState) -> bool:
        if ei == len(els):
            return True
        if ei >= st.depth:
            st.depth, st.failed = ei, els[ei]
        el = els[ei]
        if isinstance(el, Marker):
            if el.kind == "alt":
                return False
            if el.kind == "skip":  # '^': pass over the next phrase (if any)
                end, skipped = self._skip(region, pos)
                before = set(st.skipped)
                st.skipped |= skipped
                if self._seq(els, ei + 1, region, end, st):
                    return True
                st.skipped = before
                return False
            saved = (st.source_at, st.target_at, st.compound)
            at = region[pos] if pos < len(region) else None
            if el.kind == "source":
                if at is None:
                    return False
                st.source_at = at
            elif el.kind == "target":
                if at is None:
                    return False
                st.target_at = at
            elif el.kind == "compound":
                st.compound = True
            if self._seq(els, ei + 1, region, pos, st):
                return True
            st.source_at, st.target_at, st.compound = saved
            return False
        for k in range(pos, len(region)):
            for end, used, extra in self._element_at(el, region, k):
                before = set(st.used)
                saved_target = (st.target_at, st.target_scope)
                st.used |= used
                if extra is not None:
                    st.target_at, st.target_scope = extra
                if self._seq(els, ei + 1, region, end, st):
                    return True
                st.used = before
                st.target_at, st.target_scope = saved_target
        return False

    def _element_at(self, el: Element, region: list[int], k: int):  # type: ignore[no-untyped-def]
        """Yield (end position, words used, target slot or None) for each way ``el`` matches at ``k``."""
        if isinstance(el, Word | SynsetRef):
            for end in self.atom_ends(region, k, el):
                yield end, set(region[k:end]), None
        elif isinstance(el, NounPhrase):
            for end in self.atom_ends(region, k, el.head):
                head_idx = region[end - 1]
                if self.view.word(head_idx).upos in ("VERB", "AUX"):
                    continue  # a {noun phrase} is headed by a noun
                used = self._modifiers(el.modifiers, head_idx)
                if used is not None:
                    yield end, used | set(region[k:end]), None
        elif isinstance(el, PrepPhrase):
            idx = region[k]
            v = self.view
            prep_ok = (self.atom_ends(region, k, SynsetRef(el.prep)) if el.prep.startswith("&")
                       else ([k + 1] if self._is(idx, el.prep) else []))
            if not prep_ok or (v.word(idx).upos not in ("ADP", "SCONJ", "ADV", "PART")
                               and v.deprel(idx) not in PREP_RELS):
                return
            if v.word(idx).upos == "PART" and v.deprel(idx) == "mark":
                return  # the "to" of an infinitive ("efforts to improve") is not a preposition
            obj = v.head(idx) if v.deprel(idx) in ("case", "mark") else idx
            start = prep_ok[0]
            if not el.objects:
                if obj and obj != idx and (v.word(obj).lemma or v.word(obj).text).lower() in TIME_NAMES:
                    return  # "telephoned Rouhani on Saturday" is no "* (ON)": a time, not a phrase of the verb
                yield start, {idx}, None
                return
            scope = set(v.subtree(obj)) if obj else set()
            sub = [w for w in region[start:] if w in scope] or region[start:]
            st = MatchState()
            if self._seq(el.objects, 0, sub, 0, st):
                last = max(st.used | st.skipped) if st.used or st.skipped else idx
                end = next((j for j in range(start, len(region)) if region[j] > last), len(region))
                target = (st.target_at, obj) if st.target_at is not None else None
                yield end, st.used | {idx}, target

    def _skip(self, region: list[int], pos: int) -> tuple[int, set[int]]:
        """The position after the phrase that starts at ``region[pos]`` and the words it holds."""
        if pos >= len(region):
            return pos, set()
        v = self.view
        inside = set(region)
        h = region[pos]
        while v.head(h) in inside and v.head(h) > h and v.deprel(h) in SKIP_UP:
            h = v.head(h)
        # the phrase up to its head: what follows the head (its prepositional phrases) stays matchable
        words = {k for k in v.subtree(h) if k in inside and region[pos] <= k <= h}
        last = max(words)
        end = next((j for j in range(pos, len(region)) if region[j] > last), len(region))
        return end, words

    def _modifiers(self, mods: tuple[Word | SynsetRef, ...], head_idx: int) -> set[int] | None:
        """Match ``mods`` in order among the words of ``head_idx``'s phrase before it; only non-nouns
        may stand between matched modifiers and between the last one and the head."""
        if not mods:
            return set()
        v = self.view
        cand = [w for w in v.subtree(head_idx, frozenset({"acl", "conj", "punct", "appos"})) if w < head_idx]
        # a participle modifier parsed as a verb governing the noun ("abandon improved relations": improved
        # -obj-> relations) still modifies it when nothing else stands between them
        gov = v.head(head_idx)
        if 0 < gov < head_idx and v.deprel(head_idx) == "obj" and v.word(gov).xpos in ("VBN", "VBG") \
                and set(range(gov + 1, head_idx)) <= set(cand):
            cand = [gov, *cand]
        return self._mods_from(mods, len(mods) - 1, cand, len(cand), head_idx)

    def _mods_from(self, mods, mi: int, cand: list[int], limit: int, right: int) -> set[int] | None:  # type: ignore[no-untyped-def]
        if mi < 0:
            return set()
        v = self.view
        for j in range(limit - 1, -1, -1):
            for end in self.atom_ends(cand, j, mods[mi]):
                # the words between this modifier and the word to its right must not be nouns
                gap = [w for w in cand[end:] if w < right] if end <= len(cand) else []
                if any(v.word(w).upos in NOUNISH for w in gap):
                    continue
                rest = self._mods_from(mods, mi - 1, cand, j, cand[j])
                if rest is not None:
                    return rest | set(cand[j:end])
            if v.word(cand[j]).upos in NOUNISH:
                return None  # cannot skip a noun
        return None
