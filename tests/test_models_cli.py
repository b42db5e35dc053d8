"""`eventcoder models evaluate|list`, and parsing with worker processes."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.parse.cache import ParseCache
from eventcoder.parse.evaluate import raw_text_of
from eventcoder.parse.run import parse_corpus

runner = CliRunner()


def first_sentences(conllu_text: str, n: int) -> str:
    blocks = conllu_text.strip().split("\n\n")[:n]
    return "\n\n".join(blocks) + "\n\n"


def test_evaluate_prints_scores_and_the_summary_line(tmp_path, ewt_test):
    small = tmp_path / "small.conllu"
    small.write_text(first_sentences(ewt_test.read_text(encoding="utf-8"), 40), encoding="utf-8")
    result = runner.invoke(app, ["models", "evaluate", "--treebank", str(small)])
    assert result.exit_code == 0, result.output
    match = re.fullmatch(r"upos=(\d+\.\d\d) uas=(\d+\.\d\d) las=(\d+\.\d\d)", result.output.strip().splitlines()[-1])
    assert match, result.output
    upos, uas, las = map(float, match.groups())
    assert upos > 85 and uas > 70 and las > 65 and uas >= las
    assert "Tokens" in result.output and "Lemmas" in result.output


def test_raw_text_keeps_paragraphs(tmp_path):
    conllu = tmp_path / "x.conllu"
    conllu.write_text("# newdoc id = a\n# newpar\n# text = One.\n1\tOne\n\n# text = Two.\n1\tTwo\n\n"
                      "# newpar\n# text = Three.\n1\tThree\n\n", encoding="utf-8")
    assert raw_text_of(conllu) == "One. Two.\n\nThree.\n"


def test_models_list_shows_the_builtin_set():
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert "builtin" in result.output and "en_ewt_minilm@" in result.output


def test_two_workers_give_the_same_parses_as_one(tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = ["Iran attacked Russia.", "Putin met Khamenei in Tehran on Sunday.", "Moscow praised Tehran.",
             "The two sides signed an agreement. Ivanov left."]
    corpus.write_text("\n".join(json.dumps({"id": f"d{i}", "date": "2007-01-29", "text": t})
                                for i, t in enumerate(texts)) + "\n", encoding="utf-8")
    one = parse_corpus([corpus], tmp_path / "one", workers=1, docs_per_batch=1)
    two = parse_corpus([corpus], tmp_path / "two", workers=2, docs_per_batch=1)
    assert (one.parsed, two.parsed) == (4, 4)
    docs_one = [(d.doc_id, d.sentences) for d in ParseCache(tmp_path / "one").iter_documents()]
    docs_two = [(d.doc_id, d.sentences) for d in ParseCache(tmp_path / "two").iter_documents()]
    assert docs_one == docs_two
