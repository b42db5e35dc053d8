"""Event dates: temporal expressions in the event's sentence, resolved against the publication date.

Rule (in order):

1. Candidate phrases are found by a cheap token scan (:func:`temporal_phrases`): weekday and month names,
   ``yesterday``/``today``/``tonight``/``tomorrow``, ``last``/``next``/``this``/``past`` + ``week``/``month``/
   ``year``/``night``, ``N days/weeks/... ago`` and years (1900-2099) used as dates (``in 2006``, ``March 2006``).
   A sentence without any of these words costs a set look-up per word: no dateparser call.
2. A phrase heading a ``compound``/``amod``/``flat`` is part of a name ("the September 11 Panel") and is skipped.
   A phrase is *attached to the verb* when the nearest clause head above it in the dependency tree is the event's
   verb ("Khamenei **on Sunday** stressed ..."); those are tried first (nearest to the verb first), then the other
   phrases of the sentence (``source="sentence"``), then the article's lead date (``source="lead"``, below),
   then the publication date (``source="publication"``).
3. A phrase resolves with dateparser (English only, relative to the publication date, preferring the past);
   a bare weekday ("on Sunday") is the latest such day on or before the publication date (news usage: on the
   publication day itself it means that day), and a bare year is that year. Results are cached per
   (phrase, publication date).
4. The lead date (:func:`lead_date`): when the article's first sentence dates its main verb to a day
   ("Khamenei **on Sunday** stressed ..."), the later sentences with no temporal expression of their own
   report the same news and take that day. A sentence with its own expression keeps it.
5. ``date`` is the first day of the period: the Monday of a week, the 1st of a month, 1 January of a year.
   Times of day ("last night", "Thursday morning") are day precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from eventcoder.parse.sentence import ParsedSentence, Word

Precision = Literal["day", "week", "month", "year"]
DateSource = Literal["verb", "sentence", "lead", "publication"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = {"tues.": 1, "wed.": 2, "thurs.": 3, "thu.": 3, "fri.": 4}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = frozenset({"jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.", "aug", "aug.", "sep", "sep.", "sept",
                         "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."})
_DEICTIC = frozenset({"yesterday", "today", "tonight", "tomorrow"})
_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "night", "weekend"})
_RELATIVE = frozenset({"last", "next", "this", "past"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_COUNTS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "several", "few"})
_COUNTS_THE = _COUNTS | {"the"}
# Prepositions that make a month name or a bare year a date ("in May", "since 2006").
_DATE_PREPS = frozenset({"in", "on", "since", "until", "till", "by", "during", "before", "after", "from", "through",
                         "of", "early", "late", "mid", "last", "next", "this", "between", "to", "and"})
_CLAUSE_RELS = frozenset({"root", "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj"})
# Bare-noun temporal modifiers: UD v2 before 2.12 (tmod, npmod) and after (unmarked).
_TEMPORAL_RELS = frozenset({"obl", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod:tmod", "nmod:npmod",
                            "nmod:unmarked"})
# A phrase heading one of these modifies a name, not the event: "the September 11 Panel".
_NAME_PART_RELS = frozenset({"compound", "amod", "flat", "flat:name", "fixed"})

# Lower-cased word forms that can start a temporal phrase; everything else is skipped in the fast path.
ANCHORS = frozenset((*WEEKDAYS, *_WEEKDAY_ABBR, *MONTHS, *_MONTH_ABBR, *_DEICTIC, *_UNITS, "ago"))
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: ``date`` is the first day of a period of ``precision``; ``text`` the phrase used."""

    date: dt.date
    precision: Precision
    source: DateSource
    text: str | None = None


@dataclass(frozen=True, slots=True)
class TemporalPhrase:
    """A candidate temporal expression: 1-based word indices (contiguous) and its dependency head word."""

    text: str
    indices: tuple[int, ...]
    head: int


def has_temporal_anchor(sentence: ParsedSentence) -> bool:
    """The fast path: does any word look like the start of a temporal expression?"""
    for w in sentence.words:
        t = w.text
        if t.lower() in ANCHORS or (len(t) == 4 and _YEAR.match(t)):
            return True
    return False


def _is_anchor(words: tuple[Word, ...], i: int) -> bool:
    """Whether words[i] (0-based) anchors a temporal phrase, using its neighbours to reject false friends."""
    w = words[i]
    low = w.text.lower()
    prev = words[i - 1].text.lower() if i > 0 else ""
    nxt = words[i + 1].text if i + 1 < len(words) else ""
    if low in _DEICTIC:
        return True
    if low in WEEKDAYS or low in _WEEKDAY_ABBR:
        return w.text[0].isupper()
    if low in MONTHS or low in _MONTH_ABBR:
        if not w.text[0].isupper() or w.upos in ("VERB", "AUX"):
            return False  # "may", "march"
        # A month name needs a day or year beside it or a preposition before it ("Theresa May" is no date).
        return bool(_DAY.match(nxt) or _YEAR.match(nxt) or _DAY.match(prev) or prev in _DATE_PREPS)
    if low in _UNITS:
        return prev in _RELATIVE or (prev == "the" and i > 1 and words[i - 2].text.lower() in _RELATIVE) or (
            nxt.lower() == "ago")
    if low == "ago":
        return i > 0 and words[i - 1].text.lower() in _UNITS
    if len(w.text) == 4 and _YEAR.match(w.text):
        if prev in _DATE_PREPS or (i > 0 and (words[i - 1].text.lower() in MONTHS
                                              or words[i - 1].text.lower() in _MONTH_ABBR)):
            return True
        return w.deprel in _TEMPORAL_RELS
    return False


def _extend(words: tuple[Word, ...], start: int, end: int) -> tuple[int, int]:
    """Grow words[start:end] over the rest of a date ("Sunday, Jan. 28, 2007", "two days ago", "last week")."""
    n = len(words)
    while True:
        grown = False
        if start > 0:
            low = words[start - 1].text.lower()
            first = words[start].text.lower()
            if low in _RELATIVE or (_DAY.match(low) and (first in MONTHS or first in _MONTH_ABBR)) or (
                    low in _COUNTS_THE and first in _UNITS) or (low.isdigit() and first in _UNITS):
                start -= 1
                grown = True
            elif low == "of" and start > 1 and _DAY.match(words[start - 2].text):  # "5th of January"
                start -= 2
                grown = True
        if end < n:
            t = words[end].text
            low = t.lower()
            last = words[end - 1].text.lower()
            if (low in ANCHORS and _is_anchor(words, end)) or low in _PARTS_OF_DAY or low == "ago" or (
                    _YEAR.match(t)) or (_DAY.match(t) and (last in MONTHS or last in _MONTH_ABBR)):
                end += 1
                grown = True
            elif low in (",", "of") and end + 1 < n and (
                    _is_anchor(words, end + 1) or _YEAR.match(words[end + 1].text)):
                end += 2
                grown = True
        if not grown:
            return start, end


def _phrase_head(sentence: ParsedSentence, indices: tuple[int, ...]) -> int:
    inside = set(indices)
    for i in indices:
        if sentence.words[i - 1].head not in inside:
            return i
    return indices[0]


def temporal_phrases(sentence: ParsedSentence) -> tuple[TemporalPhrase, ...]:
    """The candidate temporal phrases of a sentence, left to right (empty, fast, when it has no anchor word)."""
    if not has_temporal_anchor(sentence):
        return ()
    words = sentence.words
    phrases: list[TemporalPhrase] = []
    i = 0
    while i < len(words):
        if not _is_anchor(words, i):
            i += 1
            continue
        start, end = _extend(words, i, i + 1)
        while end > start + 1 and words[end - 1].text in (",", "of"):
            end -= 1
        indices = tuple(range(start + 1, end + 1))
        text = " ".join(w.text for w in words[start:end])
        phrases.append(TemporalPhrase(text, indices, _phrase_head(sentence, indices)))
        i = end
    return tuple(phrases)


def clause_head(sentence: ParsedSentence, index: int) -> int:
    """The nearest clause head at or above word ``index`` (a verb, or a clausal dependent such as a predicate)."""
    seen = 0
    w = sentence.words[index - 1]
    while seen < len(sentence.words):
        if w.head == 0:
            return w.index
        parent = sentence.words[w.head - 1]
        if parent.upos in ("VERB", "AUX") or parent.head == 0 or parent.deprel.split(":")[0] in _CLAUSE_RELS or (
                parent.deprel == "conj" and parent.upos in ("VERB", "AUX")):
            return parent.index
        w = parent
        seen += 1
    return index


def resolve_phrase(text: str, pub_date: dt.date) -> tuple[dt.date, Precision] | None:
    """Resolve one temporal phrase against the publication date (None when it is no date)."""
    return _resolve_cached(" ".join(text.lower().split()), pub_date)


@lru_cache(maxsize=65536)
def _resolve_cached(text: str, pub_date: dt.date) -> tuple[dt.date, Precision] | None:
    words = text.replace(",", " ").split()
    if words and words[0] in ("on", "in"):
        words = words[1:]
    if not words:
        return None
    # Hand rules for the commonest forms: a bare weekday ("Sunday", "Sunday morning") and a bare year.
    if len(words) <= 2 and (words[0] in WEEKDAYS or words[0] in _WEEKDAY_ABBR) and (
            len(words) == 1 or words[1] in _PARTS_OF_DAY):
        wd = WEEKDAYS.index(words[0]) if words[0] in WEEKDAYS else _WEEKDAY_ABBR[words[0]]
        return pub_date - dt.timedelta(days=(pub_date.weekday() - wd) % 7), "day"
    if len(words) == 1 and _YEAR.match(words[0]):
        return dt.date(int(words[0]), 1, 1), "year"
    if words[0] == "past":
        words[0] = "last"
    if words[-1] in ("weekend",):
        return None
    parsed = _dateparser(" ".join(words), pub_date)
    if parsed is None:
        return None
    day, period = parsed
    if day.year < 1900 or day > pub_date + dt.timedelta(days=366):
        return None
    if period == "year":
        return dt.date(day.year, 1, 1), "year"
    if period == "month":
        return dt.date(day.year, day.month, 1), "month"
    if period == "week":
        return day - dt.timedelta(days=day.weekday()), "week"
    return day, "day"


def _dateparser(text: str, pub_date: dt.date) -> tuple[dt.date, str] | None:
    data = _parser_for(pub_date).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=256)
def _parser_for(pub_date: dt.date):  # -> dateparser.date.DateDataParser
    from dateparser.date import DateDataParser  # imported on first use (~0.1 s): only dated sentences need it

    base = dt.datetime(pub_date.year, pub_date.month, pub_date.day, 12, 0)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


def resolve_event_date(sentence: ParsedSentence, verb_index: int, pub_date: dt.date,
                       ignore_before: int = -1) -> EventDate:
    """The date of the event whose verb is word ``verb_index`` (1-based) of ``sentence``.

    Words starting before document offset ``ignore_before`` are not read: pass the end of the article's dateline
    (``ArticlePlaces.dateline.end_char``) so that "TEHRAN, Jan. 29 (IRNA) -" does not date the first sentence.
    """
    if isinstance(pub_date, dt.datetime):
        pub_date = pub_date.date()
    phrases = temporal_phrases(sentence)
    if phrases:
        attached: list[tuple[int, int, TemporalPhrase]] = []
        for p in phrases:
            if sentence.words[p.indices[0] - 1].start_char < ignore_before:
                continue
            if sentence.words[p.head - 1].deprel in _NAME_PART_RELS:
                continue
            on_verb = clause_head(sentence, p.head) == verb_index
            distance = min(abs(i - verb_index) for i in p.indices)
            attached.append((0 if on_verb else 1, distance, p))
        attached.sort(key=lambda t: (t[0], t[1]))
        for rank, _, p in attached:
            resolved = resolve_phrase(p.text, pub_date)
            if resolved is not None:
                return EventDate(resolved[0], resolved[1], "verb" if rank == 0 else "sentence", p.text)
    return EventDate(pub_date, "day", "publication", None)


def lead_date(sentences: Sequence[ParsedSentence], pub_date: dt.date,
              ignore_before: int = -1) -> tuple[EventDate, int] | None:
    """The day the article's lead (its first sentence after the dateline) gives its main verb, if it gives one
    ("Khamenei on Sunday stressed ..."), as ``source="lead"``, with the lead sentence's index; None otherwise."""
    for sentence in sentences:
        if sentence.end_char <= ignore_before:
            continue
        root = next((w.index for w in sentence.words if w.deprel == "root"), None)
        if root is None:
            return None
        when = resolve_event_date(sentence, root, pub_date, ignore_before=ignore_before)
        if when.source != "verb" or when.precision != "day":
            return None
        return EventDate(when.date, "day", "lead", when.text), sentence.index
    return None
