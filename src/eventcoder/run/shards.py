"""A shard: a few documents coded together by one worker, from text (parse first) or from cached parses.

``process_shard`` is the unit of work of both engines. It is a pure function of the shard and the run
configuration; the worker's heavy resources (Stanza, the compiled dictionaries, the gazetteer) are
loaded once per process by ``worker_resources`` and reused for every shard that process gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder.coding.coder import code_document
from eventcoder.output.rows import RunIdentity, event_row
from eventcoder.parse.sentence import ParsedSentence


@dataclass(frozen=True, slots=True)
class ShardDocument:
    """A document to code: its text (to be parsed) or its cached sentences (already parsed)."""

    doc_id: str
    pub_date: date
    text: str | None
    sentences: tuple[ParsedSentence, ...] | None
    title: str | None = None
    news_source: str | None = None
    nlp_model: str | None = None  # the model that made cached sentences


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    documents: tuple[ShardDocument, ...]


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything a worker needs to build its resources; hashable, so a process builds them once."""

    dictionaries: tuple[str, ...]
    model_dir: str | None  # None: coding from cached parses only
    gazetteer: str | None = None
    torch_threads: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    doc_id: str
    status: str  # "coded" or "no_event"
    events: int
    sentences: int


@dataclass(frozen=True, slots=True)
class ShardResult:
    index: int
    rows: tuple[dict[str, Any], ...]
    statuses: tuple[DocumentStatus, ...]
    parsed: tuple[tuple[str, tuple[ParsedSentence, ...]], ...]  # (doc_id, sentences) parsed in this shard


@dataclass(frozen=True)
class WorkerResources:
    parser: Any  # StanzaParser | None
    dicts: Any  # CompiledDictionaries
    gazetteer: Any  # Gazetteer
    run: RunIdentity


@lru_cache(maxsize=2)
def worker_resources(config: RunConfig) -> WorkerResources:
    """Load Stanza (if parsing), the dictionaries and the gazetteer once per worker process."""
    from eventcoder import __version__
    from eventcoder.dictionaries import load_dictionaries
    from eventcoder.parse.models import load_model_set
    from eventcoder.parse.pipeline import StanzaParser
    from eventcoder.resolve.gazetteer import load_gazetteer

    parser = None
    model_id = "cached-parses"
    if config.model_dir is not None:
        model = load_model_set(Path(config.model_dir))
        parser = StanzaParser(model, threads=config.torch_threads)
        model_id = model.model_id
    dicts = load_dictionaries([Path(d) for d in config.dictionaries])
    gazetteer = load_gazetteer(config.gazetteer)
    return WorkerResources(parser, dicts, gazetteer, RunIdentity(__version__, dicts.dict_hash, model_id))


def process_shard(shard: Shard, config: RunConfig) -> ShardResult:
    """Parse (where needed), code and resolve every document of ``shard``."""
    from eventcoder.resolve.dates import lead_date, resolve_event_date
    from eventcoder.resolve.places import ArticlePlaces, resolve_place

    res = worker_resources(config)
    to_parse = [d for d in shard.documents if d.sentences is None]
    parsed: dict[str, tuple[ParsedSentence, ...]] = {}
    if to_parse:
        if res.parser is None:
            raise RuntimeError("documents without parses, but the run has no parser (--from-parses)")
        for doc, sentences in zip(to_parse, res.parser.parse_many([(d.doc_id, d.text or "") for d in to_parse]),
                                  strict=True):
            parsed[doc.doc_id] = tuple(sentences)
    rows: list[dict[str, Any]] = []
    statuses: list[DocumentStatus] = []
    for doc in shard.documents:
        sentences = doc.sentences if doc.sentences is not None else parsed[doc.doc_id]
        run = res.run if doc.nlp_model is None else RunIdentity(res.run.coder_version, res.run.dict_hash,
                                                                     doc.nlp_model)
        codings = code_document(sentences, doc.pub_date, res.dicts)
        article = ArticlePlaces.from_document(sentences, res.gazetteer, title=doc.title)
        lead = lead_date(sentences, doc.pub_date, ignore_before=article.dateline_end)
        n_events = 0
        for sentence, coding in zip(sentences, codings, strict=True):
            for event in coding.events:
                when = resolve_event_date(sentence, event.verb_index, doc.pub_date,
                                          ignore_before=article.dateline_end)
                if when.source == "publication" and lead is not None and sentence.index > lead[1]:
                    when = lead[0]  # a later sentence with no date of its own reports the lead's news
                where = resolve_place(sentence, event.verb_index, article,
                                      [event.source.country, event.target.country])
                rows.append(event_row(event, pub_date=doc.pub_date, sentence_text=sentence.text, when=when,
                                      where=where, codebook=res.dicts.codebook, run=run,
                                      news_source=doc.news_source))
                n_events += 1
        statuses.append(DocumentStatus(doc.doc_id, "coded" if n_events else "no_event", n_events, len(sentences)))
    return ShardResult(shard.index, tuple(rows), tuple(statuses), tuple(parsed.items()))
