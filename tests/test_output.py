"""The event table: schema, single-file and partitioned writing, read_events, daily."""

from __future__ import annotations

from datetime import date

import polars as pl

from eventcoder import daily, read_events
from eventcoder.output.reader import read_run_settings
from eventcoder.output.schema import SCHEMA
from eventcoder.output.writer import rows_to_frame, write_events


def row(event_id: str, doc: str, pub: date, code: str = "036", src: str = "IRNGOV", tgt: str = "RUSGOV",
        news: str | None = "Fars News Agency") -> dict:
    base = {name: None for name in SCHEMA}
    base.update(event_id=event_id, doc_id=doc, sentence_idx=0, pub_date=pub, event_date=pub, date_precision="day",
                date_source="publication", source_text="Iran", source_code=src, source_country=src[:3],
                source_agent=src[3:], target_text="Russia", target_code=tgt, target_country=tgt[:3],
                target_agent=tgt[3:], cameo_code=code, cameo_root=code[:2], quad_class=1, goldstein=4.0,
                sentence_text="Iran met Russia.", verb_lemma="meet", news_source=news, coder_version="0.1.0",
                dict_hash="abc", nlp_model="m@1")
    return base


ROWS = [row("e1", "d1", date(2007, 1, 29)), row("e2", "d2", date(2007, 1, 29), news="Reuters"),
        row("e3", "d3", date(2007, 2, 3), code="190", src="RUSMIL", tgt="GEO")]


def test_single_file_round_trip_keeps_types_and_metadata(tmp_path):
    out = tmp_path / "events.parquet"
    write_events(rows_to_frame(ROWS), out, {"engine": "local"})
    frame = read_events(out).collect()
    assert frame.schema == pl.Schema(SCHEMA)
    assert frame.schema["cameo_code"] == pl.Categorical() and frame.schema["event_date"] == pl.Date()
    assert frame["cameo_code"].to_list() == ["036", "036", "190"]  # codes stay strings with leading zeros
    settings = read_run_settings(out)
    assert settings["engine"] == "local" and settings["schema_version"] == "1"


def test_directory_is_partitioned_by_publication_year_and_month(tmp_path):
    out = tmp_path / "events"
    write_events(rows_to_frame(ROWS), out, {})
    parts = sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    assert parts == ["year=2007/month=1/part-0.parquet", "year=2007/month=2/part-0.parquet"]
    frame = read_events(out).collect().sort("event_id")
    assert frame["event_id"].to_list() == ["e1", "e2", "e3"] and frame.schema == pl.Schema(SCHEMA)
    write_events(rows_to_frame(ROWS[:1]), out, {})  # re-writing replaces the dataset
    assert read_events(out).collect().height == 1


def test_empty_output_still_has_the_schema(tmp_path):
    for out in (tmp_path / "e.parquet", tmp_path / "e"):
        write_events(rows_to_frame([]), out, {})
        assert read_events(out).collect().schema == pl.Schema(SCHEMA)


def test_daily_counts_mentions_documents_and_sources(tmp_path):
    out = tmp_path / "events.parquet"
    write_events(rows_to_frame(ROWS), out, {})
    table = daily(out).collect()
    first = table.row(0, named=True)
    assert (first["event_date"], first["source_code"], first["cameo_code"]) == (date(2007, 1, 29), "IRNGOV", "036")
    assert (first["mentions"], first["documents"], first["sources"]) == (2, 2, 2)
    assert table.height == 2
