"""Dates and places on real Stanza parses (the built-in model): the seed article and a few news sentences."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventcoder.parse.sentence import ParsedSentence
from eventcoder.resolve.dates import resolve_event_date
from eventcoder.resolve.gazetteer import Gazetteer, load_gazetteer
from eventcoder.resolve.places import ArticlePlaces, resolve_place
from tests.conftest import SEEDS

PUB = dt.date(2007, 1, 29)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def seed(builtin_parser) -> tuple[dict, list[ParsedSentence]]:
    if builtin_parser.model.name == "tiny":
        pytest.skip("the built-in model is the tiny placeholder: its parses are not real")
    doc = json.loads((SEEDS / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return doc, builtin_parser.parse(doc["id"], doc["text"])


def _verb(sentences: list[ParsedSentence], lemma: str, nth: int = 0) -> tuple[ParsedSentence, int]:
    found = [(s, w.index) for s in sentences for w in s.words if w.lemma == lemma and w.upos == "VERB"]
    assert len(found) > nth, f"no verb {lemma!r} in the parse"
    return found[nth]


def test_seed_on_sunday_in_tehran(seed, gaz):
    doc, sentences = seed
    article = ArticlePlaces.from_document(sentences, gaz, title=doc["title"])
    assert article.dateline is not None
    assert (article.dateline.place.name, article.dateline.place.country, article.dateline.text) == (
        "Tehran", "IRN", "TEHRAN")
    first, stressed = _verb(sentences, "stress")
    date = resolve_event_date(first, stressed, PUB, ignore_before=article.dateline.end_char)
    assert (date.date, date.precision, date.source) == (dt.date(2007, 1, 28), "day", "verb")
    for lemma, nth in (("stress", 0), ("reiterate", 0), ("add", 0), ("voice", 0), ("state", 0), ("point", 0),
                       ("note", 0), ("stress", 1), ("say", 0), ("assess", 0), ("conclude", 0)):
        s, verb = _verb(sentences, lemma, nth)
        place = resolve_place(s, verb, article, ["IRN", "RUS"])
        assert place is not None, lemma
        assert (place.name, place.country, place.precision, place.source) == ("Tehran", "IRN", "city", "dateline"), (
            lemma, place)
        if s is not first:  # no temporal phrase in the later sentences: the publication date
            assert resolve_event_date(s, verb, PUB).source == "publication", lemma


NEWS = [
    # text, verb lemma, actor countries, (date, precision), (place name, country, precision, source)
    ("Police arrested five men in Baghdad yesterday.", "arrest", ["IRQ"],
     (dt.date(2007, 1, 28), "day"), ("Baghdad", "IRQ", "city", {"verb", "sentence"})),  # PP attachment varies
    ("Iranian and Russian officials met in Moscow last week.", "meet", ["IRN", "RUS"],
     (dt.date(2007, 1, 22), "week"), ("Moscow", "RUS", "city", "verb")),
    ("The two countries signed the agreement in March 2006.", "sign", [],
     (dt.date(2006, 3, 1), "month"), None),
    ("Clashes erupted in Tripoli two days ago, Lebanese officials said.", "erupt", ["LBN"],
     (dt.date(2007, 1, 27), "day"), ("Tripoli", "LBN", "city", "verb")),
    ("The ministry announced on January 5 that more troops were deployed in Iraq.", "announce", ["USA"],
     (dt.date(2007, 1, 5), "day"), ("Iraq", "IRQ", "country", "sentence")),
    ("Protesters gathered in Tehran on Sunday.", "gather", ["IRN"],
     (dt.date(2007, 1, 28), "day"), ("Tehran", "IRN", "city", "verb")),
]


@pytest.mark.parametrize(("text", "lemma", "actors", "when", "where"), NEWS, ids=[n[1] for n in NEWS])
def test_news_sentences(builtin_parser, gaz, text, lemma, actors, when, where):
    if builtin_parser.model.name == "tiny":
        pytest.skip("the built-in model is the tiny placeholder: its parses are not real")
    sentences = builtin_parser.parse("news", text)
    s, verb = _verb(sentences, lemma)
    date = resolve_event_date(s, verb, PUB)
    assert (date.date, date.precision) == when
    place = resolve_place(s, verb, ArticlePlaces.from_document(sentences, gaz), actors)
    if where is None:
        assert place is None
    else:
        name, country, precision, source = where
        assert place is not None and (place.name, place.country, place.precision) == (name, country, precision)
        assert place.source in source if isinstance(source, set) else place.source == source


def test_seed_lead_date_carries_to_later_sentences(seed, gaz):
    from eventcoder.resolve.dates import lead_date

    doc, sentences = seed
    article = ArticlePlaces.from_document(sentences, gaz, title=doc["title"])
    found = lead_date(sentences, PUB, ignore_before=article.dateline_end)
    assert found is not None
    lead, index = found
    assert (lead.date, lead.precision, lead.source, index) == (dt.date(2007, 1, 28), "day", "lead", 0)
    later = [s for s in sentences if s.index > index and s.words]
    assert later and all(resolve_event_date(s, 1, PUB).source == "publication" for s in later[:3])
