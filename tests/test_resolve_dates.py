"""Event dates from hand-built UD v2 parses (real parses: test_resolve_seed.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.resolve.dates import EventDate, resolve_event_date, resolve_phrase, temporal_phrases
from tests.test_resolve_helpers import sent

PUB = dt.date(2007, 1, 29)  # a Monday

ON_SUNDAY = sent("""
Khamenei PROPN 4 nsubj
on ADP 3 case
Sunday PROPN 4 obl
stressed VERB 0 root
cooperation NOUN 4 obj
. PUNCT 4 punct
""")

# "He said Monday that rebels attacked the base on Saturday ."
SAID_MONDAY = sent("""
He PRON 2 nsubj
said VERB 0 root
Monday PROPN 2 obl:tmod
that SCONJ 6 mark
rebels NOUN 6 nsubj
attacked VERB 2 ccomp
the DET 8 det
base NOUN 6 obj
on ADP 10 case
Saturday PROPN 6 obl
. PUNCT 2 punct
""")

# "He said Monday that rebels attacked the base ."
SAID_MONDAY_ONLY = sent("""
He PRON 2 nsubj
said VERB 0 root
Monday PROPN 2 obl:tmod
that SCONJ 6 mark
rebels NOUN 6 nsubj
attacked VERB 2 ccomp
the DET 8 det
base NOUN 6 obj
. PUNCT 2 punct
""")


def _simple(tail: str) -> object:
    """ "Police arrested him <tail>" with the tail's words attached to the verb (word 2) as UD would."""
    return sent("Police NOUN 2 nsubj\narrested VERB 0 root\nhim PRON 2 obj\n" + tail)


CASES = [
    ("yesterday ADV 2 advmod", dt.date(2007, 1, 28), "day", "yesterday"),
    ("last ADJ 5 amod\nweek NOUN 2 obl:tmod", dt.date(2007, 1, 22), "week", "last week"),
    ("Jan. PROPN 2 obl:tmod\n5 NUM 4 nummod", dt.date(2007, 1, 5), "day", "Jan. 5"),
    ("in ADP 5 case\nMarch PROPN 2 obl\n2006 NUM 5 nmod:tmod", dt.date(2006, 3, 1), "month", "March 2006"),
    ("two NUM 5 nummod\ndays NOUN 6 obl:npmod\nago ADV 2 advmod", dt.date(2007, 1, 27), "day", "two days ago"),
    ("in ADP 5 case\n2006 NUM 2 obl", dt.date(2006, 1, 1), "year", "2006"),
    ("last ADJ 5 amod\nmonth NOUN 2 obl:tmod", dt.date(2006, 12, 1), "month", "last month"),
    ("on ADP 5 case\n5 NUM 6 nummod\nJan. PROPN 2 obl\n2007 NUM 6 nmod:tmod", dt.date(2007, 1, 5), "day",
     "5 Jan. 2007"),
    ("today NOUN 2 obl:tmod", PUB, "day", "today"),
    ("on ADP 6 case\nSunday PROPN 6 compound\nJan. PROPN 2 obl\n28 NUM 6 nummod", dt.date(2007, 1, 28), "day",
     "Sunday Jan. 28"),
]


def test_on_sunday_is_the_day_before_a_monday_publication():
    assert resolve_event_date(ON_SUNDAY, 4, PUB) == EventDate(dt.date(2007, 1, 28), "day", "verb", "Sunday")


@pytest.mark.parametrize(("tail", "date", "precision", "text"), CASES)
def test_expressions_attached_to_the_verb(tail, date, precision, text):
    assert resolve_event_date(_simple(tail), 2, PUB) == EventDate(date, precision, "verb", text)


def test_no_temporal_phrase_takes_the_publication_date():
    s = _simple("in ADP 5 case\nTehran PROPN 2 obl")
    assert temporal_phrases(s) == ()
    assert resolve_event_date(s, 2, PUB) == EventDate(PUB, "day", "publication", None)


def test_verb_attached_phrase_wins_over_the_sentence():
    assert resolve_event_date(SAID_MONDAY, 6, PUB) == EventDate(dt.date(2007, 1, 27), "day", "verb", "Saturday")
    assert resolve_event_date(SAID_MONDAY, 2, PUB).text == "Monday"
    # With nothing on the verb, the sentence's phrase dates it; a weekday on the publication day is that day.
    assert resolve_event_date(SAID_MONDAY_ONLY, 6, PUB) == EventDate(PUB, "day", "sentence", "Monday")


def test_false_friends_are_not_dates():
    may = sent("Theresa PROPN 3 nsubj\nMay PROPN 1 flat\nvisited VERB 0 root\nParis PROPN 3 obj")
    modal = sent("Iran PROPN 3 nsubj\nmay AUX 3 aux\nattack VERB 0 root")
    troops = sent("They PRON 2 nsubj\nsent VERB 0 root\n2000 NUM 4 nummod\ntroops NOUN 2 obj")
    the_last = sent("It PRON 2 nsubj\nwas AUX 0 root\nthe DET 4 det\nlast ADJ 2 amod\ntime NOUN 2 obl")
    for s in (may, modal, troops, the_last):
        assert resolve_event_date(s, 3 if s is not the_last else 2, PUB).source == "publication", s.text


def test_phrases_resolve_against_the_publication_date():
    assert resolve_phrase("Jan. 5", dt.date(2007, 1, 3)) == (dt.date(2006, 1, 5), "day")  # the past is preferred
    assert resolve_phrase("Sunday", dt.date(2007, 1, 28)) == (dt.date(2007, 1, 28), "day")
    assert resolve_phrase("last Sunday", PUB) == (dt.date(2007, 1, 28), "day")
    assert resolve_phrase("this year", PUB) == (dt.date(2007, 1, 1), "year")
    assert resolve_phrase("past week", PUB) == (dt.date(2007, 1, 22), "week")
    assert resolve_phrase("gibberish", PUB) is None


def test_a_dateline_date_is_ignored_when_asked():
    # "TEHRAN , Jan. 29 ( IRNA ) - Iran said ..." with the dateline ending at the dash.
    s = sent("TEHRAN PROPN 9 nsubj\n, PUNCT 3 punct\nJan. PROPN 1 nmod:tmod\n29 NUM 3 nummod\n( PUNCT 6 punct\n"
             "IRNA PROPN 1 appos\n) PUNCT 6 punct\n- PUNCT 9 punct\nsaid VERB 0 root")
    assert resolve_event_date(s, 9, PUB).text == "Jan. 29"
    dash = s.words[7]
    assert resolve_event_date(s, 9, PUB, ignore_before=dash.end_char) == EventDate(PUB, "day", "publication")
    assert resolve_event_date(s, 9, dt.datetime(2007, 1, 29, 10, 0), ignore_before=99).date == PUB


def test_lead_date_needs_a_day_on_the_lead_verb():
    from eventcoder.coding import sentence_from_conllu
    from eventcoder.resolve.dates import lead_date

    pub = dt.date(2007, 1, 29)
    lead = sentence_from_conllu("""
    1 Khamenei Khamenei PROPN 4 nsubj
    2 on on ADP 3 case
    3 Sunday Sunday PROPN 4 obl
    4 stressed stress VERB 0 root
    5 cooperation cooperation NOUN 4 obj
    """)
    undated = sentence_from_conllu("""
    1 Russia Russia PROPN 2 nsubj
    2 agreed agree VERB 0 root
    """, index=1)
    found = lead_date([lead, undated], pub)
    assert found is not None and found[0].date == dt.date(2007, 1, 28) and found[0].source == "lead"
    assert found[1] == 0
    assert lead_date([undated, lead], pub) is None  # the lead sentence itself must be dated
