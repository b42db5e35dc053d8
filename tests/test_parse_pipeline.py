"""Real Stanza parses with the built-in models: structure, offsets, and nothing downloaded."""

from __future__ import annotations

import json

import pytest

from eventcoder.parse.models import ModelError, builtin_dir, load_model_set, resolve_model

SEED_SENTENCE = ("Supreme Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei on Sunday stressed the "
                 "point that active cooperation between Iran and Russia on regional issues within a defined "
                 "framework can be effective in foiling the US unilateral plans.")


def test_builtin_model_set_is_complete_and_small():
    model = resolve_model("builtin")
    assert set(model.files) == {"tokenize", "mwt", "pos", "lemma", "depparse"}
    total = sum(p.stat().st_size for p in builtin_dir().iterdir())
    assert total < 55 * 1024 * 1024
    assert model.model_id.startswith("en_ewt_minilm@")
    manifest = json.loads((builtin_dir() / "model.json").read_text())
    assert manifest["transformer"] == "sentence-transformers/all-MiniLM-L6-v2"


def test_simple_sentence_has_subject_verb_object(builtin_parser):
    (sentence,) = builtin_parser.parse("d", "Iran attacked Russia.")
    by_text = {w.text: w for w in sentence.words}
    assert by_text["attacked"].deprel == "root" and by_text["attacked"].lemma == "attack"
    assert by_text["Iran"].deprel == "nsubj" and by_text["Iran"].head == by_text["attacked"].index
    assert by_text["Russia"].deprel == "obj" and by_text["Russia"].head == by_text["attacked"].index
    assert by_text["Iran"].upos == "PROPN"


def test_offsets_point_into_the_document_text(builtin_parser):
    text = "TEHRAN (FNA)- " + SEED_SENTENCE + " He didn't say more.\n\nIvanov left Tehran on Monday."
    sentences = builtin_parser.parse("seed", text)
    assert len(sentences) >= 3
    for sentence in sentences:
        assert text[sentence.start_char:sentence.end_char] == sentence.text
        for word in sentence.words:
            span = text[word.start_char:word.end_char]
            assert word.text == span or word.text in ("do", "n't", "not") or span in ("didn't",)
        assert [w.index for w in sentence.words] == list(range(1, len(sentence.words) + 1))
        assert sum(w.head == 0 for w in sentence.words) == 1
        assert all(0 <= w.head <= len(sentence.words) for w in sentence.words)
    start = text.index("didn't")
    split = [w for s in sentences for w in s.words if start <= w.start_char and w.end_char <= start + 6]
    assert [w.text for w in split] == ["did", "n't"]  # a token or a multi-word token, split into two words


@pytest.mark.xfail(strict=True, reason=(
    "parser: dev LAS 75.4 after 450 steps; 'Leader', 'Khamenei' and 'Sunday' all become "
    "subjects (issue 2 target LAS >= 80 not met)"
))
def test_seed_sentence_subject_and_clause(builtin_parser):
    (sentence,) = builtin_parser.parse("seed", SEED_SENTENCE)
    by_text = {w.text: w for w in sentence.words}
    stressed = by_text["stressed"]
    assert stressed.deprel == "root"
    subjects = [w for w in sentence.children(stressed.index) if w.deprel == "nsubj"]
    assert len(subjects) == 1, "title and name must form one subject"

    def ancestors(word):
        while word.head != 0:
            word = sentence.word(word.head)
            yield word

    assert subjects[0] is by_text["Khamenei"] or subjects[0] in ancestors(by_text["Khamenei"])
    assert by_text["that"].upos == "SCONJ"
    assert by_text["Iran"].upos == by_text["Russia"].upos == "PROPN"


def test_missing_model_set_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="no model.json"):
        load_model_set(tmp_path)
    (tmp_path / "model.json").write_text('{"name": "x", "kind": "files", "files": {"tokenize": "t.pt"}}')
    with pytest.raises(ModelError, match="no model file listed"):
        load_model_set(tmp_path)


def test_official_models_need_a_download(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
    with pytest.raises(ModelError, match="eventcoder models download"):
        resolve_model("stanza-en")
