"""Discard phrases: whole sentences or stories that are not coded, and time phrases that drop one clause.

Section 1 of docs/algorithm.md. ``find_discards`` looks the phrases up once per sentence (the words of the
parse); ``past_clause_verbs`` says which verbs a retrospective time phrase ("in 1988", "YEARS AGO") dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventcoder.coding.view import SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.parse.sentence import ParsedSentence


@dataclass(frozen=True)
class Discards:
    """The discard phrases of one sentence: the first sentence-level and story-level phrase (described), and
    the time phrases that date only their own clause: (word index, description)."""

    sentence: str | None = None
    story: str | None = None
    clause: tuple[tuple[int, str], ...] = ()


NO_DISCARDS = Discards()
_TIME_WORDS = frozenset({"ago", "later", "earlier"})
# prepositions that make a phrase a time expression: "during World War Two", "since the Second World War"
TIME_PREPOSITIONS = frozenset({"during", "since", "after", "before", "until", "following", "throughout"})


def _is_time_phrase(words: tuple[str, ...]) -> bool:
    """A year ("1988") or a retrospective time phrase ("YEARS AGO", "MONTHS LATER")."""
    if len(words) == 1 and words[0].isdigit() and len(words[0]) == 4:
        return True
    return words[-1].lower() in _TIME_WORDS


def find_discards(sentence: ParsedSentence, dicts: CompiledDictionaries, pub_date: date | None) -> Discards:
    """The discard phrases found in the sentence. Time phrases (Phoenix's years 1914-2013, "YEARS AGO") are
    its way to drop retrospective reports; they date the clause they are in, not the whole sentence ("Libya
    offered to hand over two men suspected of blowing up a plane in 1988" still codes "offered"), so they are
    kept with their word and applied to that clause's verb (section 1 of docs/algorithm.md); so is any
    sentence-level phrase that is the object of a time preposition ("during World War Two"). A year applies
    only to articles published after it, so a 2007 article's "in March 2007" is not discarded."""
    if not dicts.discards:
        return NO_DISCARDS
    index = dicts.discard_index
    tokens = [w.text.lower() for w in sentence.words]
    lemmas = [(w.lemma or w.text).lower() for w in sentence.words]
    if not any(t in index.surface or m in index.lemma for t, m in zip(tokens, lemmas, strict=True)):
        return NO_DISCARDS
    levels: dict[str, str] = {}
    clause: list[tuple[int, str]] = []
    for m in index.find_all(tokens, lemmas):
        d = dicts.discards[m.target]
        described = f"discard phrase {' '.join(d.words)!r} ({d.source})"
        if d.level == "sentence" and (_is_time_phrase(d.words) or _after_time_preposition(sentence, m.start, m.length)):
            if pub_date is not None and d.words[0].isdigit() and int(d.words[0]) >= pub_date.year:
                continue
            clause.append((sentence.words[m.start + m.length - 1].index, described))
            continue
        levels.setdefault(d.level, described)
    return Discards(levels.get("sentence"), levels.get("story"), tuple(clause))


def _after_time_preposition(sentence: ParsedSentence, start: int, length: int) -> bool:
    """Whether the phrase at words ``start .. start+length`` is the object of a time preposition ("during
    World War Two"): its head (the word whose head lies outside it) has a ``case`` dependent among
    ``TIME_PREPOSITIONS``, or the word just before it is one."""
    words = sentence.words
    span = {w.index for w in words[start:start + length]}
    heads = [w.index for w in words[start:start + length] if w.head not in span]
    for w in words:
        if w.head in heads and w.deprel == "case" and w.text.lower() in TIME_PREPOSITIONS:
            return True
    return start > 0 and words[start - 1].text.lower() in TIME_PREPOSITIONS


def _clause_verb(view: SentenceView, i: int) -> int:
    """The verb whose clause word ``i`` is in: the first VERB on its way to the root (else the root)."""
    seen = set()
    while i and i not in seen:
        seen.add(i)
        if view.word(i).upos == "VERB":
            return i
        if not view.head(i):
            return i
        i = view.head(i)
    return i


def past_clause_verbs(view: SentenceView, clause: tuple[tuple[int, str], ...]) -> dict[int, str]:
    """verb index -> why its events are dropped, for each retrospective time phrase of the sentence."""
    return {_clause_verb(view, word): f"discarded: {view.word(word).text!r} dates its clause in the past "
                                      f"({described})" for word, described in clause}
