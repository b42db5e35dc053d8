"""The resolve stage: when (dates) and where (places, from a shipped gazetteer) an event happened.

Pure functions over values: the coder passes a parsed sentence, the word index of the event's verb, the
publication date, and article-level context built once per document.

    gazetteer = load_gazetteer()                                  # once per process (~0.1 s), then passed around
    article = ArticlePlaces.from_document(sentences, gazetteer, title=doc.title)   # once per document
    when = resolve_event_date(sentence, verb_index, pub_date, ignore_before=article.dateline_end)
    where = resolve_place(sentence, verb_index, article, actor_countries=["IRN", "RUS"])
"""

from eventcoder.resolve.dates import EventDate, resolve_event_date, resolve_phrase, temporal_phrases
from eventcoder.resolve.gazetteer import Gazetteer, NameMatch, Place, load_gazetteer, rank_matches
from eventcoder.resolve.places import ArticlePlaces, Dateline, EventPlace, PlaceMention, find_dateline, resolve_place

__all__ = [
    "ArticlePlaces",
    "Dateline",
    "EventDate",
    "EventPlace",
    "Gazetteer",
    "NameMatch",
    "Place",
    "PlaceMention",
    "find_dateline",
    "load_gazetteer",
    "rank_matches",
    "resolve_event_date",
    "resolve_phrase",
    "resolve_place",
    "temporal_phrases",
]
