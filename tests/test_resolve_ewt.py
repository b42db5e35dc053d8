"""Dates and places on real sentences with gold UD parses (UD English EWT test set, from ../shared)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.parse.sentence import ParsedSentence, Word
from eventcoder.resolve.dates import resolve_event_date
from eventcoder.resolve.gazetteer import Gazetteer, load_gazetteer
from eventcoder.resolve.places import ArticlePlaces, resolve_place

FALLUJA = "weblog-juancole.com_juancole_20030914114200_ENG_20030914_114200-0001"
BUSH = "weblog-blogspot.com_aggressivevoicedaily_20060811122000_ENG_20060811_122000-0003"
PANEL = "weblog-juancole.com_juancole_20040722101300_ENG_20040722_101300-0001"
HOUSTON = "email-enronsent18_01-0013"
DOW = "email-enronsent28_01-0007"
EMAIL_DATE = dt.date(2001, 6, 15)  # a Friday; the e-mails carry no date of their own


def read_conllu(path: Path, wanted: set[str]) -> dict[str, ParsedSentence]:
    """The sentences with ids in ``wanted`` (multi-word token lines skipped; offsets within the sentence)."""
    found: dict[str, ParsedSentence] = {}
    sent_id = text = ""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id, rows = line[12:], []
        elif line.startswith("# text = "):
            text = line[9:]
        elif not line and sent_id in wanted:
            words, pos = [], 0
            for c in rows:
                start = text.find(c[1], pos)
                start = pos if start < 0 else start
                pos = start + len(c[1])
                words.append(Word(int(c[0]), c[1], c[2], c[3], c[4], c[5], int(c[6]), c[7], start, pos))
            found[sent_id] = ParsedSentence(sent_id, 0, text, 0, len(text), tuple(words))
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    return found


@pytest.fixture(scope="module")
def ewt(ewt_test) -> dict[str, ParsedSentence]:
    return read_conllu(ewt_test, {FALLUJA, BUSH, PANEL, HOUSTON, DOW})


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _verb(s: ParsedSentence, text: str) -> int:
    return next(w.index for w in s.words if w.text == text)


def test_falluja(ewt, gaz):
    s = ewt[FALLUJA]  # "Angry crowds chanted anti-American slogans in the western city of Falluja ..."
    place = resolve_place(s, _verb(s, "chanted"), ArticlePlaces.from_document([s], gaz), [])
    assert place is not None
    assert (place.text, place.country, place.admin1, place.precision, place.source) == (
        "Falluja", "IRQ", "Anbar", "city", "verb")


def test_on_thursday(ewt):
    s = ewt[BUSH]  # "U.S. Muslim groups criticized President Bush on Thursday for calling ..."
    date = resolve_event_date(s, _verb(s, "criticized"), dt.date(2006, 8, 11))
    assert (date.date, date.precision, date.source, date.text) == (dt.date(2006, 8, 10), "day", "verb", "Thursday")


def test_a_date_inside_a_name_is_no_event_date(ewt):
    s = ewt[PANEL]  # "The September 11 Panel will issue its findings on Thursday."
    date = resolve_event_date(s, _verb(s, "issue"), dt.date(2004, 7, 22))
    assert (date.date, date.source, date.text) == (dt.date(2004, 7, 22), "verb", "Thursday")


def test_last_week_in_houston(ewt, gaz):
    s = ewt[HOUSTON]  # "I met you at the Risk conference last week in Houston."
    met = _verb(s, "met")
    date = resolve_event_date(s, met, EMAIL_DATE)
    assert (date.date, date.precision, date.source) == (dt.date(2001, 6, 4), "week", "verb")
    place = resolve_place(s, met, ArticlePlaces.from_document([s], gaz), ["USA"])
    assert place is not None and (place.name, place.admin1, place.source) == ("Houston", "Texas", "verb")


def test_month_of_year(ewt):
    s = ewt[DOW]  # "The Dow topped out in February of 1966 at 995."
    date = resolve_event_date(s, _verb(s, "topped"), EMAIL_DATE)
    assert (date.date, date.precision, date.text) == (dt.date(1966, 2, 1), "month", "February of 1966")
