"""Broken sentence splits (inside a name, after a title) are joined before tagging; real ones are kept."""

from __future__ import annotations

import pytest
from stanza.models.common.doc import Document

from eventcoder.parse.cache import parse_key
from eventcoder.parse.sentence_splits import join_broken_sentences, should_join


@pytest.mark.parametrize(("first", "second", "gap", "joined"), [
    ("Chinese Foreign Minister Wang", "Yi met Lavrov .", " ", True),
    ("the U.N.", "Security Council backed it .", " ", True),
    ("U.S.", "officials said so .", " ", True),
    ("said Gen.", "Smith left .", " ", True),
    ("relations with the U.S.", "The minister left .", " ", False),
    ("relations with the U.S.", "Iran replied .", " ", False),
    ("He met Wang", "Yi .", "\n", False),  # a line break: headline, dateline, list
    ("He arrived .", "Yi met him .", " ", False),
    ("Thanks Rodgers", "As we discussed , here it is .", " ", False),  # an opener, not a name
    ("Sent 10:53 PM", "Mary Hain wrote .", " ", False),  # all capitals: not a name word
    ("they met in Santa", "Fe on Monday .", " ", True),
])
def test_should_join(first, second, gap, joined):
    assert should_join(first.split(), second.split(), gap) is joined


def test_join_renumbers_words_and_keeps_offsets_and_multi_word_tokens():
    text = "Minister Wang Yi didn't come. Gen. Smith left."
    doc = Document([
        [{"id": 1, "text": "Minister", "start_char": 0, "end_char": 8},
         {"id": 2, "text": "Wang", "start_char": 9, "end_char": 13}],
        [{"id": 1, "text": "Yi", "start_char": 14, "end_char": 16},
         {"id": (2, 3), "text": "didn't", "start_char": 17, "end_char": 23},
         {"id": 2, "text": "did", "start_char": 17, "end_char": 20},
         {"id": 3, "text": "n't", "start_char": 20, "end_char": 23},
         {"id": 4, "text": "come", "start_char": 24, "end_char": 28},
         {"id": 5, "text": ".", "start_char": 28, "end_char": 29}],
        [{"id": 1, "text": "Gen.", "start_char": 30, "end_char": 34}],
        [{"id": 1, "text": "Smith", "start_char": 35, "end_char": 40},
         {"id": 2, "text": "left", "start_char": 41, "end_char": 45},
         {"id": 3, "text": ".", "start_char": 45, "end_char": 46}],
    ], text=text)
    joined = join_broken_sentences(doc)
    assert [[w.text for w in s.words] for s in joined.sentences] == [
        ["Minister", "Wang", "Yi", "did", "n't", "come", "."], ["Gen.", "Smith", "left", "."]]
    first = joined.sentences[0]
    assert [w.id for w in first.words] == [1, 2, 3, 4, 5, 6, 7]
    assert [t.id for t in first.tokens][3] == (4, 5)
    assert [(t.start_char, t.end_char) for t in first.tokens][2:4] == [(14, 16), (17, 23)]
    for sentence in joined.sentences:
        for token in sentence.tokens:
            assert text[token.start_char:token.end_char] == token.text


def test_nothing_to_join_returns_the_same_document():
    doc = Document([[{"id": 1, "text": "Hi", "start_char": 0, "end_char": 2},
                     {"id": 2, "text": ".", "start_char": 2, "end_char": 3}],
                    [{"id": 1, "text": "Bye", "start_char": 4, "end_char": 7}]], text="Hi. Bye")
    assert join_broken_sentences(doc) is doc


def test_builtin_parser_keeps_an_abbreviated_institution_in_its_sentence(builtin_parser):
    text = "Hungary has said it will support a U.N. Security Council resolution that aims to tighten sanctions."
    (sentence,) = builtin_parser.parse("gsr", text)
    by_text = {w.text: w for w in sentence.words}
    assert by_text["resolution"].head == by_text["support"].index
    assert text[sentence.start_char:sentence.end_char] == sentence.text


def test_parse_key_carries_the_parse_revision(monkeypatch):
    import eventcoder.parse.cache as cache

    before = parse_key("text", "model@1")
    monkeypatch.setattr(cache, "PARSE_REVISION", cache.PARSE_REVISION + 1)
    assert parse_key("text", "model@1") != before
