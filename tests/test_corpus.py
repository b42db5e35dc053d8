"""Corpus readers: every format, configurable fields, and every kind of bad input goes to the rejects."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from eventcoder.corpus import Document, FieldMap, ReaderOptions, Rejection, RejectsWriter, read_corpus
from eventcoder.corpus.dates import DateError, parse_pub_date
from eventcoder.corpus.readers import CorpusError, expand_inputs
from eventcoder.corpus.rejects import read_rejects

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejection)]


def write_jsonl(path: Path, lines: list[bytes | dict]) -> Path:
    with path.open("wb") as handle:
        for line in lines:
            handle.write(line if isinstance(line, bytes) else json.dumps(line).encode())
            handle.write(b"\n")
    return path


def test_seed_folder_reads_the_jsonl_record_once():
    files, skipped = expand_inputs([SEEDS])
    assert [f.name for f in files] == ["seed.jsonl"]
    assert [f.name for f in skipped] == ["000_9954faef3985d261.txt"]
    docs, rejects = split(read_corpus([SEEDS]))
    assert rejects == []
    (doc,) = docs
    assert doc.doc_id == "000_9954faef3985d261"
    assert doc.pub_date == date(2007, 1, 29)
    assert doc.source == "Fars News Agency"
    assert doc.title == "Iran-Russia Cooperation Hinders US Unilateralism"
    assert doc.text.startswith("A00150997.jpgTEHRAN (Fars News Agency)- Supreme Leader")
    verbatim = (SEEDS / "000_9954faef3985d261.txt").read_text(encoding="utf-8")
    assert doc.text in verbatim


def test_txt_file_takes_its_stem_as_id_and_the_default_date():
    docs, rejects = split(read_corpus([SEEDS / "000_9954faef3985d261.txt"],
                                      ReaderOptions(default_date=date(2007, 1, 29))))
    assert rejects == []
    assert docs[0].doc_id == "000_9954faef3985d261"
    assert docs[0].pub_date == date(2007, 1, 29)
    assert docs[0].text == (SEEDS / "000_9954faef3985d261.txt").read_text(encoding="utf-8")


def test_txt_without_date_is_rejected_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text("Iran met Russia.", encoding="utf-8")
    docs, rejects = split(read_corpus([tmp_path]))
    assert docs == []
    assert rejects[0].reason == "missing date" and rejects[0].record_id == "a"


def test_jsonl_bad_records_each_rejected_with_line_and_reason(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "ok1", "date": "2007-01-29", "text": "Iran met Russia."},
        b'{"id": "broken", "text": ',                                       # line 2: invalid JSON
        {"id": "nt", "date": "2007-01-29"},                                 # line 3: missing text
        {"id": "et", "date": "2007-01-29", "text": "   \n"},                # line 4: empty text
        {"id": "bd", "date": "the day after", "text": "Iran met Russia."},  # line 5: unparseable date
        b'{"id": "bytes", "date": "2007-01-29", "text": "caf\xe9"}',        # line 6: not UTF-8
        {"id": "ok1", "date": "2007-01-30", "text": "Again."},              # line 7: duplicate id
        {"id": "big", "date": "2007-01-29", "text": "x" * (5 * 1024 * 1024)},  # line 8: 5 MB
        b"[1, 2]",                                                          # line 9: not an object
        {"date": "2007-01-29", "text": "No id."},                           # line 10: missing id
        {"id": "ok2", "date": "Jan. 30, 2007", "text": "Russia met Iran."},
    ])
    docs, rejects = split(read_corpus([path]))
    assert [d.doc_id for d in docs] == ["ok1", "ok2"]
    assert docs[1].pub_date == date(2007, 1, 30)
    got = {(r.line, r.reason) for r in rejects}
    assert got == {
        (2, "invalid JSON"), (3, "missing text"), (4, "empty text"), (5, "unparseable date"),
        (6, "undecodable bytes"), (7, "duplicate id"), (8, "document too large"), (9, "invalid JSON"),
        (10, "missing id"),
    }
    duplicate = next(r for r in rejects if r.reason == "duplicate id")
    assert duplicate.record_id == "ok1" and duplicate.detail == f"first seen at {path}:1"
    assert all(r.source_file == str(path) for r in rejects)


def test_csv_with_configured_fields_and_bad_rows(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(
        b"story_id,published,body,headline\n"
        b'a1,29 January 2007,"Iran, he said, met Russia.",Title A\n'
        b"a2,01/30/2007,Russia met Iran.,\n"
        b"a3,2007-01-31,caf\xe9 latte,T\n"
        b"a4,2007-01-31,,T\n"
        b"a5,2007-01-31,\"multi\nline text\",T\n"
        b"a6,2007-02-01,Too,many,cells\n"
    )
    fields = FieldMap(id="story_id", date="published", text="body", title="headline")
    docs, rejects = split(read_corpus([path], ReaderOptions(fields=fields)))
    assert [(d.doc_id, d.pub_date) for d in docs] == [
        ("a1", date(2007, 1, 29)), ("a2", date(2007, 1, 30)), ("a5", date(2007, 1, 31))]
    assert docs[0].text == "Iran, he said, met Russia." and docs[0].title == "Title A"
    assert docs[2].text == "multi\nline text"
    assert {(r.record_id, r.line, r.reason) for r in rejects} == {
        ("a3", 4, "undecodable bytes"), ("a4", 5, "empty text"), ("a6", 8, "malformed CSV row")}


def test_parquet_input(tmp_path):
    path = tmp_path / "c.parquet"
    pl.DataFrame({"doc": ["p1", "p2"], "day": [date(2007, 1, 29), None], "content": ["Iran met Russia.", "X."]}
                 ).write_parquet(path)
    options = ReaderOptions(fields=FieldMap(id="doc", date="day", text="content"), default_date=date(2007, 2, 1))
    docs, rejects = split(read_corpus([path], options))
    assert rejects == []
    assert [(d.doc_id, d.pub_date, d.line) for d in docs] == [("p1", date(2007, 1, 29), 1), ("p2", date(2007, 2, 1), 2)]


def test_undecodable_txt_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    docs, rejects = split(read_corpus([tmp_path], ReaderOptions(default_date=date(2007, 1, 1))))
    assert [d.doc_id for d in docs] == ["good"]
    assert (rejects[0].record_id, rejects[0].reason) == ("bad", "undecodable bytes")


def test_unknown_inputs_fail_clearly(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        list(read_corpus([tmp_path / "missing.jsonl"]))
    (tmp_path / "x.docx").write_bytes(b"")
    with pytest.raises(CorpusError, match="unknown corpus file type"):
        list(read_corpus([tmp_path / "x.docx"]))


@pytest.mark.parametrize(("text", "expected"), [
    ("2007-01-29", date(2007, 1, 29)),
    ("2007-01-29T23:10:00Z", date(2007, 1, 29)),
    ("Mon, 29 Jan 2007 10:00:00 GMT", date(2007, 1, 29)),
    ("Jan. 29, 2007", date(2007, 1, 29)),
    ("January 29, 2007", date(2007, 1, 29)),
    ("29 January 2007", date(2007, 1, 29)),
    ("01/29/2007", date(2007, 1, 29)),
    ("2007/01/29", date(2007, 1, 29)),
])
def test_publication_date_formats(text, expected):
    assert parse_pub_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "January 2007", "2007-13-45", "not a date"])
def test_bad_publication_dates(text):
    with pytest.raises(DateError):
        parse_pub_date(text)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_rejects_file_round_trip(tmp_path, suffix):
    path = tmp_path / f"rejects{suffix}"
    with RejectsWriter(path) as writer:
        writer.add(Rejection("c.jsonl", 3, "x", "missing text", "no field 'text'"))
        writer.add(Rejection("c.jsonl", 4, None, "invalid JSON"))
    frame = read_rejects(path)
    assert frame.height == 2 and writer.total == 2
    assert frame.row(0, named=True) == {"source_file": "c.jsonl", "line": 3, "record_id": "x",
                                        "reason": "missing text", "detail": "no field 'text'"}
