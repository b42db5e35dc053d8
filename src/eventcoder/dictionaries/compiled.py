"""The compiled dictionaries: an immutable index built once from the records and cached on disk.

Nothing here is mutated after ``compile_dictionaries`` returns (dicts are built, then only read). Phrase
look-up is longest-match over a token sequence: words are keyed lower-cased; each name is indexed under
its surface words, and a name that may be inflected (``plural=True``) also under its lemma words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import NamedTuple

from eventcoder.dictionaries.model import (
    Actor,
    Agent,
    CodebookEntry,
    Discard,
    IssuePhrase,
    Name,
    Pattern,
    Synset,
    Transformation,
    VerbBlock,
    VerbForm,
)
from eventcoder.dictionaries.problems import Problem
from eventcoder.dictionaries.schema import regular_plural

Candidates = tuple[tuple[tuple[str, ...], int], ...]


class PhraseMatch(NamedTuple):
    start: int
    length: int
    target: int  # index into the entries tuple (actors, agents...)
    by_lemma: bool


class PhraseIndex(NamedTuple):
    """first word -> candidates ``(words, target)``, longest first, for surface tokens and for lemmas."""

    surface: dict[str, Candidates]
    lemma: dict[str, Candidates]

    def longest(self, tokens: Sequence[str], start: int = 0, lemmas: Sequence[str] | None = None) -> PhraseMatch | None:
        """The longest name starting at ``start``: over lower-cased ``tokens`` and, for names that may be
        inflected, over ``lemmas`` (same length as ``tokens``). Ties go to the surface match."""
        best: PhraseMatch | None = None
        for table, seq, by_lemma in ((self.surface, tokens, False), (self.lemma, lemmas, True)):
            if seq is None or start >= len(seq):
                continue
            for words, target in table.get(seq[start].lower(), ()):
                n = len(words)
                if best is not None and n <= best.length:
                    break
                if start + n <= len(seq) and all(seq[start + k].lower() == words[k] for k in range(1, n)):
                    best = PhraseMatch(start, n, target, by_lemma)
                    break
        return best

    def find_all(self, tokens: Sequence[str], lemmas: Sequence[str] | None = None) -> list[PhraseMatch]:
        """Greedy left-to-right longest matches that do not overlap."""
        out = []
        i = 0
        while i < len(tokens):
            m = self.longest(tokens, i, lemmas)
            if m is None:
                i += 1
            else:
                out.append(m)
                i += m.length
        return out


def as_ud_tokens(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name as a UD English tokenizer writes it: hyphens and possessive endings are tokens of their own
    ("al-Qaeda" is "al - Qaeda", "Kurdistan Workers' Party" is "Kurdistan Workers ' Party", "People's
    Liberation Army" is "People 's Liberation Army")."""
    out: list[str] = []
    for w in words:
        tail: tuple[str, ...] = ()
        for ending in ("'s", "'"):
            if len(w) > len(ending) and w.endswith(ending):
                w, tail = w[: -len(ending)], (ending,)
                break
        parts = w.split("-")
        if len(parts) < 2 or not all(parts):
            out.append(w)
        else:
            for k, part in enumerate(parts):
                out.extend((part,) if k == 0 else ("-", part))
        out.extend(tail)
    return tuple(out)


def hyphenated_given_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """A three-word name with its last two words hyphenated, as news writes Korean names that the
    dictionaries spell with spaces ("MOON JAE IN": "Moon Jae-in", tokenized "Moon Jae - in")."""
    if len(words) != 3 or not all(w.isalpha() for w in words):
        return words
    return (words[0], words[1], "-", words[2])


# American and British spellings of the words of names ("World Health Organization" / "Organisation",
# "Defense" / "Defence", "Labor" / "Labour"): a name is also found in the other spelling
_SPELLINGS = {"defense": "defence", "labor": "labour", "center": "centre", "centers": "centres",
              "program": "programme", "programs": "programmes", "armor": "armour", "armored": "armoured",
              "honor": "honour", "harbor": "harbour"}
_SPELLINGS |= {b: a for a, b in _SPELLINGS.items()}


def other_spelling(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name's words in the other (American or British) spelling: "-ization" / "-isation" and the words
    of ``_SPELLINGS``; the name itself when it has none."""
    out = []
    for w in words:
        for a, b in (("ization", "isation"), ("izations", "isations"), ("isation", "ization"),
                     ("isations", "izations")):
            if w.endswith(a) and len(w) > len(a):
                w = w[: -len(a)] + b
                break
        else:
            w = _SPELLINGS.get(w, w)
        out.append(w)
    return tuple(out)


def hyphen_joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """A two- or three-word name as news writes it with hyphens, tokenized ("NAGORNO KARABAKH":
    "Nagorno-Karabakh", "Nagorno - Karabakh"; "PORT AU PRINCE": "Port-au-Prince"); the name itself for others."""
    if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return words
    out: list[str] = []
    for w in words:
        out.extend(("-", w) if out else (w,))
    return tuple(out)


def name_forms(words: tuple[str, ...], hyphenated_given_names: bool = False
               ) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """The token sequences a name is found by: its own forms (as written, as tokenized, a Korean name
    hyphenated) and its alternate forms (the other spelling, hyphen-joined words), which yield to a name
    some entry writes that way. ``words`` are lower case."""
    own = (words, as_ud_tokens(words)) + ((hyphenated_given_name(words),) if hyphenated_given_names else ())
    other = other_spelling(words)
    alternate = (other, as_ud_tokens(other), hyphen_joined(words))
    return tuple(dict.fromkeys(own)), tuple(v for v in dict.fromkeys(alternate) if v not in own)


def build_phrase_index(entries: Sequence[tuple[Sequence[Name], int]],
                       hyphenated_given_names: bool = False) -> PhraseIndex:
    surface: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    lemma: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    alternates: list[tuple[tuple[str, ...], int, bool]] = []

    def add(variant: tuple[str, ...], target: int, plural: bool) -> None:
        surface.setdefault(variant[0], []).append((variant, target))
        if plural:
            lemma.setdefault(variant[0], []).append((variant, target))

    for names, target in entries:
        for name in names:
            own, alternate = name_forms(tuple(w.lower() for w in name.words), hyphenated_given_names)
            for variant in own:
                add(variant, target, name.plural)
            alternates.extend((v, target, name.plural) for v in alternate)
    written = {v for cands in surface.values() for v, _ in cands}
    for variant, target, plural in alternates:  # a name some entry writes that way keeps its entry
        if variant not in written:
            add(variant, target, plural)

    def freeze(table: dict[str, list[tuple[tuple[str, ...], int]]]) -> dict[str, Candidates]:
        return {k: tuple(sorted(dict.fromkeys(v), key=lambda c: -len(c[0]))) for k, v in table.items()}

    return PhraseIndex(freeze(surface), freeze(lemma))


class VerbRef(NamedTuple):
    block: int  # index into CompiledDictionaries.blocks
    verb: int  # index into that block's verbs


@dataclass(frozen=True)
class CompiledDictionaries:
    """The dictionaries as the coder uses them. ``dict_hash`` identifies the YAML inputs (it is written
    on every output row); ``files`` are the YAML files read, in overlay order."""

    dict_hash: str
    files: tuple[str, ...]
    actors: tuple[Actor, ...]
    actor_index: PhraseIndex
    agents: tuple[Agent, ...]
    agent_index: PhraseIndex
    synsets: dict[str, Synset]
    synset_phrases: dict[str, tuple[tuple[str, ...], ...]]  # "&X" -> upper-case word sequences, plurals added
    blocks: tuple[VerbBlock, ...]
    verbs_by_lemma: dict[str, tuple[VerbRef, ...]]  # lower-case lemma -> verbs (multiword ones first)
    verbs_by_form: dict[str, tuple[VerbRef, ...]]  # lower-case inflected form -> verbs
    transformations: tuple[Transformation, ...]
    discards: tuple[Discard, ...]
    discard_index: PhraseIndex
    issues: tuple[IssuePhrase, ...]
    codebook: dict[str, CodebookEntry]
    warnings: tuple[Problem, ...] = ()
    overrides: tuple[str, ...] = ()  # "kind id: <new source> overrides <old source>"
    intent: bool = False  # the set's convention: announced actions are coded as intentions (coding/intent.py)
    negation: dict[str, str] = field(default_factory=dict)  # a negated verb's code -> the code it becomes
    _by_id: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)

    # -- look-ups -------------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor | None:
        k = self._by_id.get("actors", {}).get(actor_id)
        return None if k is None else self.actors[k]

    @cached_property
    def agent_codes(self) -> frozenset[str]:
        """Every agent code of the set (GOV, MIL, REB ...)."""
        return frozenset(a.code for a in self.agents)

    def agent(self, agent_id: str) -> Agent | None:
        k = self._by_id.get("agents", {}).get(agent_id)
        return None if k is None else self.agents[k]

    def block(self, block_id: str) -> VerbBlock | None:
        k = self._by_id.get("blocks", {}).get(block_id)
        return None if k is None else self.blocks[k]

    def verbs_for(self, lemma: str) -> tuple[tuple[VerbBlock, VerbForm], ...]:
        refs = self.verbs_by_lemma.get(lemma.lower(), ()) or self.verbs_by_form.get(lemma.lower(), ())
        return tuple((self.blocks[r.block], self.blocks[r.block].verbs[r.verb]) for r in refs)

    def verb_code(self, ref: VerbRef) -> str:
        """The code of the bare verb: its own code, else its block's code."""
        block = self.blocks[ref.block]
        return block.verbs[ref.verb].code or block.code

    def patterns(self, block_id: str) -> tuple[Pattern, ...]:
        block = self.block(block_id)
        return () if block is None else block.patterns

    def match_actor(self, tokens: Sequence[str], start: int = 0, lemmas: Sequence[str] | None = None,
                    day: date | None = None) -> tuple[PhraseMatch, Actor, tuple[str, ...]] | None:
        m = self.actor_index.longest(tokens, start, lemmas)
        if m is None:
            return None
        actor = self.actors[m.target]
        return m, actor, actor.codes_on(day)

    def match_agent(self, tokens: Sequence[str], start: int = 0,
                    lemmas: Sequence[str] | None = None) -> tuple[PhraseMatch, Agent] | None:
        m = self.agent_index.longest(tokens, start, lemmas)
        return None if m is None else (m, self.agents[m.target])

    @staticmethod
    def combine_agent(actor_code: str, agent: Agent) -> str:
        """PETRARCH's ``~`` semantics: ``[~GOV]`` appends (USA -> USAGOV), ``[NGO~]`` prepends (NGOUSA);
        an agent code already in the actor code is not repeated."""
        if agent.code in actor_code:
            return actor_code
        return actor_code + agent.code if agent.attach == "suffix" else agent.code + actor_code

    @property
    def counts(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "actor_names": sum(len(a.names) for a in self.actors),
            "agents": len(self.agents),
            "synsets": len(self.synsets),
            "verb_blocks": len(self.blocks),
            "verbs": sum(len(b.verbs) for b in self.blocks),
            "patterns": sum(len(b.patterns) for b in self.blocks),
            "transformations": len(self.transformations),
            "discards": len(self.discards),
            "issue_phrases": len(self.issues),
            "codes": len(self.codebook),
        }


def synset_phrases(synset: Synset) -> tuple[tuple[str, ...], ...]:
    """Members and, unless marked ``plural: false``, their regular plurals (PETRARCH-2 rules)."""
    out: list[tuple[str, ...]] = []
    for member in synset.members:
        out.append(member.words)
        if member.plural:
            out.append(regular_plural(member.words))
    return tuple(dict.fromkeys(out))


def compile_dictionaries(*, dict_hash: str, files: Sequence[str], actors: Sequence[Actor],
                         agents: Sequence[Agent], synsets: Sequence[Synset], blocks: Sequence[VerbBlock],
                         transformations: Sequence[Transformation], discards: Sequence[Discard],
                         issues: Sequence[IssuePhrase], codebook: Sequence[CodebookEntry],
                         warnings: Sequence[Problem] = (), overrides: Sequence[str] = (),
                         intent: bool = False, negation: dict[str, str] | None = None) -> CompiledDictionaries:
    actors_t, agents_t, blocks_t = tuple(actors), tuple(agents), tuple(blocks)
    by_lemma: dict[str, list[VerbRef]] = {}
    by_form: dict[str, list[VerbRef]] = {}
    for b, block in enumerate(blocks_t):
        for v, verb in enumerate(block.verbs):
            ref = VerbRef(b, v)
            by_lemma.setdefault(verb.lemma.lower(), []).append(ref)
            for form in verb.forms:
                by_form.setdefault(form.lower(), []).append(ref)

    def multiword_first(refs: list[VerbRef]) -> tuple[VerbRef, ...]:
        def width(r: VerbRef) -> int:
            verb = blocks_t[r.block].verbs[r.verb]
            return -(len(verb.before) + len(verb.after))
        return tuple(sorted(refs, key=width))

    # a generated plural never hides a phrase another agent gives explicitly
    explicit_agent_names = {n.words for a in agents_t for n in a.names[:a.explicit]}
    discard_names = [((Name(d.words, not d.exact),), k) for k, d in enumerate(discards)]
    return CompiledDictionaries(
        dict_hash=dict_hash,
        files=tuple(files),
        actors=actors_t,
        actor_index=build_phrase_index([(a.names, k) for k, a in enumerate(actors_t)], hyphenated_given_names=True),
        agents=agents_t,
        agent_index=build_phrase_index([(a.names[:a.explicit] + tuple(n for n in a.names[a.explicit:]
                                                                     if n.words not in explicit_agent_names), k)
                                        for k, a in enumerate(agents_t)]),
        synsets={s.id: s for s in synsets},
        synset_phrases={s.id: synset_phrases(s) for s in synsets},
        blocks=blocks_t,
        verbs_by_lemma={k: multiword_first(v) for k, v in by_lemma.items()},
        verbs_by_form={k: multiword_first(v) for k, v in by_form.items()},
        transformations=tuple(transformations),
        discards=tuple(discards),
        discard_index=build_phrase_index(discard_names),
        issues=tuple(issues),
        codebook={c.code: c for c in codebook},
        warnings=tuple(warnings),
        overrides=tuple(overrides),
        intent=intent,
        negation=dict(negation or {}),
        _by_id={
            "actors": {a.id: k for k, a in enumerate(actors_t)},
            "agents": {a.id: k for k, a in enumerate(agents_t)},
            "blocks": {b.id: k for k, b in enumerate(blocks_t)},
        },
    )
