"""The explanation of a coding decision, as data: what was found, what was tried, why nothing coded."""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.coding.actors import PhraseHit
from eventcoder.coding.event import Event, Mention
from eventcoder.parse.sentence import Word


@dataclass(frozen=True, slots=True)
class PatternTrial:
    pattern_id: str
    text: str
    code: str
    matched: bool
    why: str  # why it matched or did not


@dataclass(frozen=True, slots=True)
class VerbTrace:
    """One dictionary verb of the sentence: the entry found, the patterns tried, the arguments and the
    outcome (``"2 events"``, ``"no target actor"``, ``"negated"``, ``"null code ---"`` ...)."""

    index: int
    text: str
    lemma: str
    start_char: int
    end_char: int
    block_id: str
    verb_entry: str  # the dictionary verb, e.g. "CORDON OFF" and its YAML file:line
    base_code: str
    patterns: tuple[PatternTrial, ...]
    pattern_id: str | None
    code: str  # the code in force: the pattern's, else the base code ("a:b" paired codes kept)
    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    how: str
    outcome: str
    negated: bool = False
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceTrace:
    doc_id: str
    sentence_idx: int
    text: str
    date: str | None
    words: tuple[Word, ...]
    hits: tuple[PhraseHit, ...]  # every dictionary phrase found (actors and agents)
    mentions: tuple[Mention, ...]  # the actor mentions composed from them
    verbs: tuple[VerbTrace, ...]
    other_verbs: tuple[str, ...]  # verbs of the sentence not in the verb dictionary
    notes: tuple[str, ...]  # references resolved or not, transformations applied, complements dropped
    discarded_by: str | None
    reason: str | None  # why no event was made (None when there are events)


@dataclass(frozen=True, slots=True)
class SentenceCoding:
    """What ``code_sentence`` returns: the events, and the trace (None when not asked for)."""

    events: tuple[Event, ...]
    trace: SentenceTrace | None = None
