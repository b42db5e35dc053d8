"""`eventcoder parse` end to end on the seed article and on a corpus with bad records."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.corpus.rejects import read_rejects
from eventcoder.parse.cache import ParseCache
from eventcoder.parse.models import builtin_dir, resolve_model
from tests.conftest import SEEDS

runner = CliRunner()


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_parse_seeds_then_rerun_uses_the_cache(tmp_path, builtin_parser):
    out = tmp_path / "parses"
    first = runner.invoke(app, ["parse", str(SEEDS), "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert last_line(first.output).startswith("documents=1 parsed=1 cached=0 rejected=0 sentences=")
    (doc,) = list(ParseCache(out).iter_documents())
    assert doc.doc_id == "000_9954faef3985d261" and str(doc.pub_date) == "2007-01-29"
    # the reader gives back exactly what the parser produced
    text = json.loads((SEEDS / "seed.jsonl").read_text())["text"]
    assert list(doc.sentences) == builtin_parser.parse(doc.doc_id, text)
    again = runner.invoke(app, ["parse", str(SEEDS), "--out", str(out)])
    assert last_line(again.output) == "documents=1 parsed=0 cached=1 rejected=0 sentences=0"


def test_a_different_model_reparses(tmp_path):
    out = tmp_path / "parses"
    runner.invoke(app, ["parse", str(SEEDS), "--out", str(out)])
    other = tmp_path / "other-model"
    other.mkdir()
    for path in builtin_dir().iterdir():
        (other / path.name).symlink_to(path)
    (other / "model.json").unlink()
    manifest = json.loads((builtin_dir() / "model.json").read_text())
    manifest["name"] = "renamed"
    (other / "model.json").write_text(json.dumps(manifest))
    assert resolve_model(str(other)).model_id != resolve_model("builtin").model_id
    result = runner.invoke(app, ["parse", str(SEEDS), "--out", str(out), "--model", str(other)])
    assert last_line(result.output).startswith("documents=1 parsed=1 cached=0"), result.output
    (doc,) = list(ParseCache(out).iter_documents())
    assert doc.model_id.startswith("renamed@")


def test_bad_records_are_counted_and_written_to_rejects(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\n".join([
        json.dumps({"id": "a", "date": "2007-01-29", "text": "Iran attacked Russia."}).encode(),
        b"{not json",
        json.dumps({"id": "a", "date": "2007-01-29", "text": "Duplicate."}).encode(),
        json.dumps({"id": "b", "date": "someday", "text": "Bad date."}).encode(),
        json.dumps({"id": "c", "date": "2007-01-29", "text": ""}).encode(),
    ]) + b"\n")
    rejects = tmp_path / "rejects.parquet"
    result = runner.invoke(app, ["parse", str(corpus), "--out", str(tmp_path / "p"), "--rejects", str(rejects)])
    assert result.exit_code == 0, result.output
    assert last_line(result.output).startswith("documents=5 parsed=1 cached=0 rejected=4 ")
    frame = read_rejects(rejects)
    assert sorted(frame["reason"].to_list()) == ["duplicate id", "empty text", "invalid JSON", "unparseable date"]
    assert frame.filter(frame["reason"] == "invalid JSON")["line"].to_list() == [2]


def test_txt_folder_with_default_date_and_fields(tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    shutil.copy(SEEDS / "000_9954faef3985d261.txt", folder / "seed.txt")
    result = runner.invoke(app, ["parse", str(folder), "--out", str(tmp_path / "p"), "--date", "2007-01-29"])
    assert result.exit_code == 0, result.output
    assert last_line(result.output).startswith("documents=1 parsed=1 ")


def test_errors_are_clear(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "p")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    result = runner.invoke(app, ["parse", str(SEEDS), "--out", str(tmp_path / "p"), "--model", str(tmp_path)])
    assert result.exit_code == 2 and "no model.json" in result.output
