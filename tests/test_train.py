"""A miniature run of `models train`: Stanza's training entry points, packaging, then parsing with the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.parse.models import load_model_set
from eventcoder.parse.pipeline import StanzaParser
from eventcoder.parse.train import TrainSettings, train_models
from tests.conftest import SHARED

TINY = TrainSettings(tokenize_steps=50, mwt_epochs=1, lemma_epochs=1, lemma_hidden=20, pos_steps=20,
                     pos_eval_interval=10, pos_hidden=20, depparse_steps=20, depparse_eval_interval=10,
                     depparse_batch=500, depparse_hidden=20, depparse_biaffine=20)


def tiny_treebank(folder: Path, sizes: dict[str, int]) -> Path:
    folder.mkdir()
    source = SHARED / "data" / "ud-english-ewt"
    for split, n in sizes.items():
        blocks = (source / f"en_ewt-ud-{split}.conllu").read_text(encoding="utf-8").strip().split("\n\n")[:n]
        (folder / f"en_ewt-ud-{split}.conllu").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_tiny_training_run_produces_a_usable_model_set(tmp_path):
    treebank = tiny_treebank(tmp_path / "tb", {"train": 300, "dev": 40, "test": 40})
    out = tmp_path / "model"
    manifest = train_models(treebank, out, work=tmp_path / "work", settings=TINY, name="tiny", log=lambda _: None)
    assert manifest["files"] == {p: f"{p}.pt" for p in ("tokenize", "mwt", "pos", "lemma", "depparse")}
    assert json.loads((out / "model.json").read_text())["transformer"] == "sentence-transformers/all-MiniLM-L6-v2"
    model = load_model_set(out)
    sentences = StanzaParser(model).parse("d", "Iran attacked Russia. Moscow replied.")
    assert sentences and all(w.deprel for s in sentences for w in s.words)
