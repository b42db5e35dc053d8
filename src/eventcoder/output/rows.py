"""Flatten a coded event, its resolved date and place, and the run's identity into one output row."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from eventcoder.coding.event import Event
from eventcoder.dictionaries.model import CodebookEntry


class ResolvedDate(Protocol):
    date: date
    precision: str
    source: str
    text: str | None


class ResolvedPlace(Protocol):
    text: str | None
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    source: str


@dataclass(frozen=True, slots=True)
class RunIdentity:
    """What every row of a run carries: the coder, dictionaries and parser that made it."""

    coder_version: str
    dict_hash: str
    nlp_model: str


def event_id(event: Event) -> str:
    """A deterministic id: the same document, sentence, verb, actor spans and code give the same id."""
    key = "\x1f".join(map(str, (
        event.doc_id, event.sentence_idx, event.verb_index, event.source.start_char, event.source.end_char,
        event.target.start_char, event.target.end_char, event.source.code, event.target.code, event.cameo_code,
    )))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def event_row(event: Event, *, pub_date: date | None, sentence_text: str, when: ResolvedDate | None,
              where: ResolvedPlace | None, codebook: dict[str, CodebookEntry], run: RunIdentity,
              news_source: str | None) -> dict[str, Any]:
    entry = codebook.get(event.cameo_code)
    code = event.cameo_code
    return {
        "event_id": event_id(event),
        "doc_id": event.doc_id,
        "sentence_idx": event.sentence_idx,
        "pub_date": pub_date,
        "event_date": when.date if when else pub_date,
        "date_precision": when.precision if when else "day",
        "date_source": when.source if when else "publication",
        "date_text": when.text if when else None,
        "source_text": event.source.text,
        "source_code": event.source.code,
        "source_country": event.source.country,
        "source_agent": event.source.agent,
        "source_entry": _entry(event.source.actor_id, event.source.agent_ids),
        "target_text": event.target.text,
        "target_code": event.target.code,
        "target_country": event.target.country,
        "target_agent": event.target.agent,
        "target_entry": _entry(event.target.actor_id, event.target.agent_ids),
        "cameo_code": code,
        "cameo_root": entry.root if entry else code[:2],
        "quad_class": entry.quad_class if entry else None,
        "goldstein": entry.goldstein if entry else None,
        "plover_event": entry.plover_event if entry else None,
        "plover_mode": entry.plover_mode if entry else None,
        "geo_text": where.text if where else None,
        "geo_name": where.name if where else None,
        "geo_country": where.country if where else None,
        "geo_admin1": where.admin1 if where else None,
        "geo_lat": where.lat if where else None,
        "geo_lon": where.lon if where else None,
        "geo_geonameid": where.geonameid if where else None,
        "geo_precision": where.precision if where else None,
        "geo_source": where.source if where else None,
        "sentence_text": sentence_text,
        "verb_lemma": event.verb_lemma,
        "pattern_id": event.pattern_id,
        "source_start": event.source.start_char,
        "source_end": event.source.end_char,
        "verb_start": event.verb_start_char,
        "verb_end": event.verb_end_char,
        "target_start": event.target.start_char,
        "target_end": event.target.end_char,
        "news_source": news_source,
        "coder_version": run.coder_version,
        "dict_hash": run.dict_hash,
        "nlp_model": run.nlp_model,
    }


def _entry(actor_id: str | None, agent_ids: tuple[str, ...]) -> str | None:
    parts = ([actor_id] if actor_id else []) + list(agent_ids)
    return "+".join(parts) or None
