"""`eventcoder code` end to end: the seed article, accounting, engines, resuming after SIGKILL, re-coding."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from eventcoder import read_events
from eventcoder.cli import app
from eventcoder.run import code_corpus
from tests.conftest import ROOT, SEEDS

runner = CliRunner()

SENTENCES = [
    "Iran attacked Russia.", "Russia condemned Iran on Monday.", "The weather was fine.",
    "Putin met Khamenei in Tehran.", "Iranian police arrested Russian protesters.", "Nothing happened here.",
    "Russia praised Iran.", "Iran accused Russia of lying.", "China and Russia signed an agreement.",
    "The United States criticized Iran.", "Israel threatened Lebanon.", "France visited Germany.",
]


def write_corpus(path: Path, bad: bool = False) -> Path:
    lines = [json.dumps({"id": f"d{i:02d}", "date": "2007-01-29", "text": t, "source": "Test Wire"})
             for i, t in enumerate(SENTENCES)]
    if bad:
        lines += ["{broken", json.dumps({"id": "d00", "date": "2007-01-29", "text": "duplicate"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


def counts(line: str) -> dict[str, int]:
    return {k: int(v) for k, v in (part.split("=") for part in line.split())}


def test_seed_article_events(tmp_path):
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["code", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    c = counts(last_line(result.output))
    assert (c["documents"], c["coded"], c["rejected"]) == (1, 1, 0) and c["events"] > 0
    events = read_events(out).collect()
    countries = set(events["source_country"].cast(pl.String)) | set(events["target_country"].cast(pl.String))
    assert {"IRN", "RUS"} <= countries
    assert (events["source_country"].cast(pl.String).is_in(["IRN", "RUS"])).all()
    assert date(2007, 1, 28) in events["event_date"].to_list()
    assert (events["pub_date"] == date(2007, 1, 29)).all()
    assert "Tehran" in events["geo_name"].to_list()
    assert events["event_id"].n_unique() == events.height


def test_every_document_is_accounted_for(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", bad=True)
    parses = tmp_path / "parses"
    out = tmp_path / "events"
    summary = code_corpus([corpus], out, parses=parses, shard_docs=4)
    assert summary.documents == len(SENTENCES) + 2
    assert summary.documents == summary.coded + summary.no_event + summary.rejected
    assert summary.rejected == 2 and summary.no_event >= 2
    events = read_events(out).collect()
    assert events.height == summary.events
    assert set(events["doc_id"]) <= {f"d{i:02d}" for i in range(len(SENTENCES))}
    assert list(out.glob("year=2007/month=1/*.parquet"))
    # re-coding the parse cache gives the same events without parsing
    again = code_corpus([], tmp_path / "again.parquet", from_parses=parses)
    assert again.events == summary.events
    same = read_events(tmp_path / "again.parquet").collect()
    assert sorted(same["event_id"]) == sorted(events["event_id"])


def test_local_and_dask_engines_give_identical_rows(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl")
    parses = tmp_path / "parses"
    code_corpus([corpus], tmp_path / "first.parquet", parses=parses, shard_docs=3)
    local = code_corpus([], tmp_path / "local.parquet", from_parses=parses, shard_docs=3, workers=2)
    dask = code_corpus([], tmp_path / "dask.parquet", from_parses=parses, shard_docs=3, workers=2, engine="dask")
    assert local.events == dask.events > 0
    a = read_events(tmp_path / "local.parquet").collect().drop("nlp_model").sort("event_id")
    b = read_events(tmp_path / "dask.parquet").collect().drop("nlp_model").sort("event_id")
    assert a.equals(b)


def test_edited_dictionaries_recode_from_parses(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl")
    parses = tmp_path / "parses"
    code_corpus([corpus], tmp_path / "before.parquet", parses=parses)
    before = read_events(tmp_path / "before.parquet").collect()
    overlay = tmp_path / "my-dicts"
    overlay.mkdir()
    (overlay / "actors.yaml").write_text(
        'kind: actors\nversion: 1\nentries:\n- id: "FRANCE"  # the shipped entry\'s id: this overrides it\n'
        '  names: ["FRANCE"]\n  codes: [{code: "XFR"}]\n', encoding="utf-8")
    after_summary = code_corpus([], tmp_path / "after.parquet", from_parses=parses, dictionaries=[overlay])
    after = read_events(tmp_path / "after.parquet").collect()
    assert after_summary.dict_hash != before["dict_hash"][0]
    assert "XFR" in set(after["source_code"].cast(pl.String))
    assert "XFR" not in set(before["source_code"].cast(pl.String))


def test_sigkill_then_rerun_finishes_without_loss_or_duplicates(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl")
    reference = code_corpus([corpus], tmp_path / "reference.parquet", shard_docs=1)
    out = tmp_path / "events.parquet"
    command = [sys.executable, "-m", "eventcoder.cli", "code", str(corpus), "--out", str(out),
               "--shard-size", "1", "--show", "0"]
    work = out.parent / f".{out.name}.eventcoder-work"
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.time() + 300
    while time.time() < deadline and len(list(work.glob("shard-*.parquet"))) < 3:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = len(list(work.glob("shard-*.parquet")))
    assert 3 <= done < len(SENTENCES), "the run must be killed part-way"
    assert not out.exists()
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert f"resumed: {done}" in result.stdout or "resumed:" in result.stdout
    c = counts(last_line(result.stdout))
    assert c["documents"] == len(SENTENCES) and c["events"] == reference.events
    events = read_events(out).collect()
    expected = read_events(tmp_path / "reference.parquet").collect()
    assert sorted(events["event_id"]) == sorted(expected["event_id"])
    assert events["event_id"].n_unique() == events.height
    assert not work.exists()


def test_schema_command_lists_the_columns():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    for column in ("event_id", "event_date", "date_precision", "source_code", "geo_precision", "dict_hash"):
        assert column in result.output
