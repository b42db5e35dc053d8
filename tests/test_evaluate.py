"""The validation-suite reader and scorer (no parser: parses are hand-built here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.coding import sentence_from_conllu
from eventcoder.dictionaries import load_dictionaries
from eventcoder.evaluate import SuiteError, read_suite, run_suite, score_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUITE = SHARED / "data" / "petrarch" / "validation" / "PETR_Validate_records_2_02.xml"
VALIDATION = ROOT / "src" / "eventcoder" / "resources" / "dictionaries-validation"

MINI = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a comment with <Sentence ... evaluate="false"> inside -- and dashes -->
<Environment>
    <Verbfile>PETR_Validate_verbs_2_02.txt</Verbfile>
    <Include>DEMO AGENT</Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="D-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor restored ties with Gondor.</Text>
<Parse></Parse></Sentence>
<Sentence category="DEMO" date="19950101" id="D-2" evaluate="true">
<EventCoding noevents="True" />
<Text>Arnor restored ties with Gondor &amp; friends.</Text>
</Sentence>
<Sentence category="DEMO" date="19950101" id="D-3" evaluate="false">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Skipped.</Text>
</Sentence>
<Sentence category="PARSING" date="19950101" id="P-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Not included.</Text>
</Sentence>
<Sentence category="AGENT" date="19950101" id="A-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="FRO/BIL" targetcode="GON" />
<EventCoding eventcode="043" sourcecode="GON" targetcode="ARN" />
<Text>The Shire restored ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
"""

RESTORED = """
1 Arnor Arnor PROPN 2 nsubj
2 restored restore VERB 0 root
3 ties tie NOUN 2 obj
4 with with ADP 5 case
5 Gondor Gondor PROPN 3 nmod
6 . . PUNCT 2 punct
"""


@pytest.fixture
def mini(tmp_path):
    p = tmp_path / "suite.xml"
    p.write_text(MINI, encoding="utf-8")
    return read_suite(p)


def test_reader_honours_include_evaluate_and_noevents(mini):
    assert mini.include == ("DEMO", "AGENT") and mini.is_petr_validate
    assert [r.id for r in mini.records] == ["D-1", "D-2", "D-3", "P-1", "A-1"]
    assert [r.id for r in mini.scored()] == ["D-1", "D-2", "A-1"]
    d1, d2 = mini.records[0], mini.records[1]
    assert d1.date == date(1995, 1, 1) and [str(e) for e in d1.expected] == ["ARN 050 GON"]
    assert d2.expected == () and d2.text.endswith("Gondor & friends.")


def test_reader_errors(tmp_path):
    bad = tmp_path / "x.xml"
    bad.write_text("<Validation></Validation>")
    with pytest.raises(SuiteError, match="no <Sentence>"):
        read_suite(bad)
    with pytest.raises(SuiteError):
        read_suite(tmp_path / "missing.xml")


def test_score_counts_everything_emitted(mini):
    dicts = load_dictionaries([VALIDATION])

    def parse(doc_id, text):
        return [sentence_from_conllu(RESTORED, doc_id, 0)]

    result = run_suite(mini, dicts, parse)
    by_id = {r.id: r for r in result.results}
    assert (by_id["D-1"].correct, by_id["D-1"].uncoded, by_id["D-1"].extra) == (1, 0, 0)
    # a record that expects no event: every event produced is extra
    assert (by_id["D-2"].correct, by_id["D-2"].extra) == (0, 1)
    # alternatives: FRO/BIL does not accept ARN; both expected events are uncoded, the produced one extra
    assert (by_id["A-1"].correct, by_id["A-1"].uncoded, by_id["A-1"].extra) == (0, 2, 1)
    t = result.total
    assert (t.records, t.correct, t.uncoded, t.extra) == (3, 1, 2, 2)
    assert round(t.tp, 1) == 33.3 and round(t.fp, 1) == 66.7
    assert result.summary_line() == "records=3 correct=1 uncoded=2 extra=2 tp=33.3 fp=66.7"
    assert result.as_dict()["categories"]["DEMO"]["records"] == 2


def test_alternatives_and_duplicates(mini):
    rec = mini.records[4]

    class E:
        def __init__(self, t):
            self.t = t

        def triple(self):
            return self.t

    r = score_record(rec, [E(("BIL", "050", "GON")), E(("BIL", "050", "GON")), E(("GON", "043", "ARN"))])
    assert (r.correct, r.uncoded, r.extra) == (2, 0, 1)


def test_the_published_suite_reads():
    suite = read_suite(SUITE)
    scored = suite.scored()
    assert len(suite.records) >= 270 and 240 <= len(scored) <= 260
    assert suite.include is not None and "SYNSET" in suite.include and "PARSING" not in suite.include
    assert all(r.evaluate for r in scored)
    assert sum(1 for r in scored if not r.expected) >= 5
