"""Pronouns and other references resolved to an actor of the same article, only where the evidence is clear.

A reference is a personal pronoun (he, she, it, they and their object/possessive forms) or a "two sides"
phrase ("the two sides", "both countries", "the two leaders"). Candidates are the known actor mentions
earlier in the same sentence, else those of the previous sentence of the article:

- he/she/him/her/his: mentions of people or organisations (an agent code, or an actor code longer than a
  country code);
- it/its: country-level mentions (no agent);  they/them/their: any mention;
- "the group", "the movement", "the militia", "the organisation" (with only "the"): non-state groups
  (rebels, militants, insurgents, radicals, separatists, an opposition, international militarized groups);
- "the country", "the kingdom", "the nation", "the island" (with only "the"): as "it";
- "the two sides" and the like: exactly two distinct actors.

The reference is resolved only if the candidates name exactly one actor code (two for "two sides"), or,
for the pronoun subject of a clausal complement (or the possessive pronoun of that subject), if exactly
one of them is the subject of the verb that governs it ("Iraq said it would allow ...", "the Israeli
military said its aircraft struck ..."), or, for a pronoun subject resolved in the previous sentence,
if exactly one of them was the subject of that sentence's main clause (a subject continues the previous
subject), or, for an object pronoun, if exactly one of them is not the subject of its own clause
("Saudi Arabia cut ties with Qatar, accusing it of ...": "it" is Qatar); otherwise it stays unresolved and
makes no event (the trace says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from eventcoder.coding.event import Mention
from eventcoder.coding.view import SentenceView

PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
THING = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their", "theirs"})
# "the group", "the movement": a non-state group (rebels, insurgents, militants, radicals, opposition)
GROUPS = frozenset({"group", "movement", "militia", "organisation", "organization"})
GROUP_CODES = frozenset({"REB", "UAF", "INS", "RAD", "OPP", "SEP"})
# "the country", "the kingdom", "the island": a country named before, as "it"
COUNTRY_NOUNS = frozenset({"country", "kingdom", "nation", "island", "republic", "emirate", "sultanate"})
SIDES = frozenset({"side", "sides", "country", "countries", "nation", "nations", "party", "parties", "leader",
                   "leaders", "government", "governments", "neighbor", "neighbors", "neighbour", "neighbours"})


@dataclass
class ReferenceContext:
    """The actor mentions of the article so far: ``previous`` are those of the last sentence that had any
    (with its index); ``surnames`` the people named in full so far."""

    previous: list[Mention] = field(default_factory=list)
    previous_idx: int | None = None
    surnames: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # see actors.learn_surnames

    previous_subjects: frozenset[str] = frozenset()  # codes of the main clause's subject in that sentence

    def advance(self, sentence_idx: int, mentions: list[Mention], view: SentenceView | None = None) -> None:
        known = [m for m in mentions if m.known]
        if known:
            self.previous, self.previous_idx = known, sentence_idx
            self.previous_subjects = frozenset(main_subject_codes(view, known)) if view is not None else frozenset()


def main_subject_codes(view: SentenceView, mentions: list[Mention]) -> set[str]:
    """The codes of the mentions that are the subject of the sentence's main clause (the root verb and the
    verbs coordinated with it)."""
    roots = [w.index for w in view.words if w.deprel == "root"]
    if not roots:
        return set()
    heads = _subject_heads(view, view.conjuncts(roots[0]))
    return {m.code for m in mentions if m.head in heads}


def _subject_heads(view: SentenceView, verbs: list[int]) -> set[int]:
    """The head words of the subjects of ``verbs``, with their conjuncts."""
    return {k for v in verbs for c in view.children[v] if view.deprel(c) in ("nsubj", "nsubj:pass")
            for k in view.conjuncts(c)}


def _clause_subject_heads(view: SentenceView, verb: int, depth: int = 0) -> set[int]:
    """The head words of the subject of ``verb``'s clause: its own, else (a subjectless participle,
    infinitive or conjunct) its governor's."""
    own = _subject_heads(view, [verb])
    if own or depth > 4 or not view.head(verb):
        return own
    if view.deprel(verb) in ("advcl", "xcomp", "conj"):
        return _clause_subject_heads(view, view.head(verb), depth + 1)
    return set()


def _speaker_codes(view: SentenceView, word: int, cands: list[Mention]) -> list[str]:
    """For a pronoun subject of a clausal complement ("Iraq said [it would allow ...]"), the candidate codes
    that are the subject of the verb governing that complement; also for a possessive pronoun of that
    subject ("the Israeli military said [its aircraft struck ...]")."""
    if view.deprel(word) == "nmod:poss" and view.head(word):
        word = view.head(word)
    if view.deprel(word) not in ("nsubj", "nsubj:pass"):
        return []
    clause = view.head(word)
    if not clause or view.deprel(clause) != "ccomp" or not view.head(clause):
        return []
    heads = _subject_heads(view, [view.head(clause)])
    return list(dict.fromkeys(m.code for m in cands if m.head in heads))


def reference_kind(view: SentenceView, word: int) -> str | None:
    w = view.word(word)
    low = w.text.lower()
    if w.upos == "PRON" and low in PERSON | THING | PLURAL:
        return "person" if low in PERSON else "thing" if low in THING else "plural"
    bare = w.upos == "NOUN" and [view.upper[c] for c in view.children[word]
                                 if view.deprel(c) not in ("punct", "case")] == ["THE"]
    if bare and (w.lemma or low).lower() in GROUPS:
        return "group"  # "The group responded by firing rockets": the armed or political group named before
    if bare and (w.lemma or low).lower() in COUNTRY_NOUNS:
        return "thing"  # "The kingdom accused them ...", "the island's defence ministry": the country named before
    if low in SIDES or (w.lemma or "").lower() in SIDES:
        mods = {view.word(c).text.lower() for c in view.children[word]}
        if mods & {"two", "both"}:
            return "two"
    return None


def _candidates(kind: str, mentions: list[Mention]) -> list[Mention]:
    known = [m for m in mentions if m.known and m.resolved_from is None]
    if kind == "person":
        return [m for m in known if m.agent or len(m.code) > 3]
    if kind == "thing":
        return [m for m in known if not m.agent]
    if kind == "group":
        return [m for m in known if m.code.startswith("IMG") or m.code[3:6] in GROUP_CODES]
    return known


def resolve_reference(view: SentenceView, word: int, in_sentence: list[Mention],
                      context: ReferenceContext | None) -> tuple[list[Mention], str]:
    """(resolved mentions, note). ``in_sentence``: the mentions of this sentence."""
    kind = reference_kind(view, word)
    if kind is None:
        return [], ""
    w = view.word(word)
    before = [m for m in in_sentence if m.last < word]
    scopes: list[tuple[str, list[Mention]]] = [("this sentence", before)]
    if context is not None and context.previous:
        scopes.append((f"sentence {context.previous_idx}", context.previous))
    need = 2 if kind == "two" else 1
    for scope_name, pool in scopes:
        cands = _candidates(kind, pool)
        codes = list(dict.fromkeys(m.code for m in cands))
        if need == 1 and pool is before and len(codes) != 1:
            # the subject of a reported clause is its speaker ("Iraq said it would allow ...", "the
            # government announced that it is prepared to ..."): "it" may then be an institution
            wider = cands if kind == "person" else _candidates("plural", pool)
            speaker = _speaker_codes(view, word, wider)
            if len(speaker) == 1:
                cands, codes = wider, speaker
                scope_name += " (the subject of the verb it reports to)"
        if need == 1 and pool is before and len(codes) > 1 and view.deprel(word) in ("obj", "iobj"):
            # an object pronoun is not its own clause's subject ("Saudi Arabia cut ties with Qatar, accusing
            # it of ...": "it" is Qatar; that would be "itself")
            own = _clause_subject_heads(view, view.head(word))
            others = [m for m in cands if m.head not in own]
            if own and len({m.code for m in others}) == 1:
                cands, codes = others, [others[0].code]
                scope_name += " (not its own clause's subject)"
        if not codes:
            continue
        if len(codes) > need and need == 1 and pool is not before and view.deprel(word) in ("nsubj", "nsubj:pass") \
                and context is not None and len(set(codes) & context.previous_subjects) == 1:
            # a pronoun subject continues the previous sentence's subject ("Ivanov stressed ... He assessed")
            codes = [c for c in codes if c in context.previous_subjects]
            scope_name += " (its subject)"
        if len(codes) != need:
            return [], (f"{w.text!r} not resolved: {len(codes)} candidate actors in {scope_name} "
                        f"({', '.join(codes)}), need exactly {need}")
        picked = [next(m for m in cands if m.code == c) for c in codes]
        out = [replace(m, text=w.text, head=word, first=word, last=word, start_char=w.start_char,
                       end_char=w.end_char, resolved_from=f"{scope_name}: {m.text} ({m.code})") for m in picked]
        return out, f"{w.text!r} resolved to {', '.join(codes)} ({scope_name})"
    return [], f"{w.text!r} not resolved: no candidate actor"
