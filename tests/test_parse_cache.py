"""The parse cache: a round trip loses nothing; keys follow text and model; parts are atomic."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from eventcoder.corpus import Document
from eventcoder.parse.cache import CacheError, ParseCache, parse_key
from eventcoder.parse.sentence import ParsedSentence, Word


def make_sentence(doc_id: str, index: int, text: str, offset: int) -> ParsedSentence:
    words = []
    position = offset
    for i, token in enumerate(text.rstrip(".").split(), start=1):
        words.append(Word(index=i, text=token, lemma=token.lower(), upos="PROPN" if i != 2 else "VERB",
                          xpos="NNP", feats="Number=Sing" if i != 2 else "_", head=0 if i == 2 else 2,
                          deprel="root" if i == 2 else ("nsubj" if i == 1 else "obj"),
                          start_char=position, end_char=position + len(token)))
        position += len(token) + 1
    return ParsedSentence(doc_id=doc_id, index=index, text=text, start_char=offset, end_char=offset + len(text),
                          words=tuple(words))


def make_doc(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text, pub_date=date(2007, 1, 29), source_file="c.jsonl", line=1,
                    title="T", source="Fars News Agency", url=None)


def test_round_trip_preserves_every_field(tmp_path):
    cache = ParseCache(tmp_path / "p", create=True)
    doc = make_doc("d1", "Iran met Russia. Russia thanked Iran.")
    sentences = [make_sentence("d1", 0, "Iran met Russia.", 0), make_sentence("d1", 1, "Russia thanked Iran.", 17)]
    key = parse_key(doc.text, "m@1")
    cache.write_part([(doc, "m@1", key, sentences)])
    (back,) = list(ParseCache(tmp_path / "p").iter_documents())
    assert back.sentences == tuple(sentences)
    assert (back.doc_id, back.parse_key, back.model_id, back.pub_date, back.title, back.source) == (
        "d1", key, "m@1", date(2007, 1, 29), "T", "Fars News Agency")
    frame = pl.read_parquet(tmp_path / "p" / "sentences" / "part-000000.parquet")
    assert frame.columns == ["doc_id", "parse_key", "sentence_idx", "text", "start_char", "end_char", "words"]
    assert frame["words"][0][0]["deprel"] == "nsubj"


def test_key_depends_on_text_and_model():
    assert parse_key("a", "m1") == parse_key("a", "m1")
    assert parse_key("a", "m1") != parse_key("a", "m2")
    assert parse_key("a", "m1") != parse_key("b", "m1")


def test_latest_part_wins_and_documents_with_same_text_share_a_parse(tmp_path):
    cache = ParseCache(tmp_path, create=True)
    s_old = [make_sentence("d1", 0, "Iran met Russia.", 0)]
    s_new = [make_sentence("d1", 0, "Iran hit Russia.", 0)]
    cache.write_part([(make_doc("d1", "Iran met Russia."), "m", parse_key("Iran met Russia.", "m"), s_old)])
    cache.write_part([(make_doc("d1", "Iran hit Russia."), "m", parse_key("Iran hit Russia.", "m"), s_new),
                      (make_doc("d2", "Iran hit Russia."), "m", parse_key("Iran hit Russia.", "m"), s_new)])
    docs = {d.doc_id: d for d in cache.iter_documents()}
    assert docs["d1"].sentences[0].text == "Iran hit Russia."
    assert docs["d2"].sentences[0].doc_id == "d2"
    assert cache.known_keys()["d1"] == parse_key("Iran hit Russia.", "m")
    assert cache.documents().height == 2


def test_uncommitted_part_is_ignored(tmp_path):
    cache = ParseCache(tmp_path, create=True)
    cache.write_part([(make_doc("d1", "x"), "m", "k", [make_sentence("d1", 0, "Iran met Russia.", 0)])])
    # a crash after the sentences file but before the documents file of part 1
    (tmp_path / "sentences" / "part-000001.parquet").write_bytes(
        (tmp_path / "sentences" / "part-000000.parquet").read_bytes())
    assert [d.doc_id for d in cache.iter_documents()] == ["d1"]


def test_refuses_a_foreign_directory(tmp_path):
    (tmp_path / "other.txt").write_text("x")
    with pytest.raises(CacheError, match="not empty"):
        ParseCache(tmp_path, create=True)
    with pytest.raises(CacheError, match="no parse cache"):
        ParseCache(tmp_path / "nothing")
