"""``code_corpus``: the batch job. Corpus (or parse cache) -> shards -> parse, code, resolve -> Parquet.

Every input document is accounted for: it is rejected (rejects file), coded (at least one event) or
has no event, and ``documents == coded + no_event + rejected``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder import __version__
from eventcoder.corpus import Document, ReaderOptions, Rejection, RejectsWriter, read_corpus
from eventcoder.corpus.readers import expand_inputs
from eventcoder.output.schema import SCHEMA_VERSION
from eventcoder.output.writer import write_events
from eventcoder.parse.cache import ParseCache, parse_key
from eventcoder.parse.models import resolve_model
from eventcoder.run.engines import run_dask, run_local
from eventcoder.run.shards import RunConfig, Shard, ShardDocument, ShardResult
from eventcoder.run.workdir import WorkDir

ProgressCallback = Callable[["CodeSummary"], None]


@dataclass(slots=True)
class CodeSummary:
    documents: int = 0
    coded: int = 0
    no_event: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    resumed_shards: int = 0
    elapsed_s: float = 0.0
    out: Path | None = None
    rejects_path: Path | None = None
    reject_reasons: dict[str, int] = field(default_factory=dict)
    dict_hash: str = ""
    nlp_model: str = ""

    @property
    def line(self) -> str:
        return (f"documents={self.documents} coded={self.coded} no_event={self.no_event} "
                f"rejected={self.rejected} events={self.events}")


def code_corpus(
    inputs: Sequence[Path | str],
    out: Path | str,
    *,
    dictionaries: Sequence[Path | str] = (),
    model: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    parses: Path | str | None = None,
    from_parses: Path | str | None = None,
    reader_options: ReaderOptions | None = None,
    rejects_path: Path | str | None = None,
    shard_docs: int = 16,
    on_progress: ProgressCallback | None = None,
) -> CodeSummary:
    """Code ``inputs`` (or the parse cache ``from_parses``) into the event table at ``out``."""
    from eventcoder.dictionaries import load_dictionaries

    started = time.perf_counter()
    out = Path(out)
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    dict_dirs = tuple(str(Path(d).resolve()) for d in dictionaries)
    dicts = load_dictionaries([Path(d) for d in dict_dirs])  # compiles and caches once, before the workers
    model_set = None if from_parses is not None else resolve_model(model)
    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    config = RunConfig(dictionaries=dict_dirs, model_dir=str(model_set.directory.resolve()) if model_set else None,
                       torch_threads=threads)
    summary = CodeSummary(out=out, dict_hash=dicts.dict_hash,
                          nlp_model=model_set.model_id if model_set else f"parse cache {from_parses}")
    fingerprint = {
        "coder_version": __version__, "schema_version": SCHEMA_VERSION, "dict_hash": dicts.dict_hash,
        "model": summary.nlp_model, "shard_docs": shard_docs, "inputs": _describe_inputs(inputs, from_parses),
        "reader_options": repr(reader_options),
    }
    workdir = WorkDir(out)
    committed = workdir.open(fingerprint)
    cache = ParseCache(parses, create=True) if parses is not None and from_parses is None else None
    known = cache.known_keys() if cache is not None else {}
    rejects = None
    if from_parses is None:
        rejects = RejectsWriter(rejects_path or out.parent / f"{out.stem}.rejects.jsonl")
        summary.rejects_path = rejects.path
    pending_docs: dict[int, dict[str, Document]] = {}

    def shards() -> Iterator[Shard]:
        batch: list[ShardDocument] = []
        originals: dict[str, Document] = {}
        index = 0
        for item in _documents(inputs, from_parses, reader_options, cache, known, model_set):
            summary.documents += 1
            if isinstance(item, Rejection):
                assert rejects is not None
                rejects.add(item)
                summary.rejected += 1
                continue
            shard_doc, original = item
            batch.append(shard_doc)
            if original is not None:
                originals[shard_doc.doc_id] = original
            if len(batch) >= shard_docs:
                yield from _emit(index, batch, originals)
                index += 1
                batch, originals = [], {}
        if batch:
            yield from _emit(index, batch, originals)

    def _emit(index: int, batch: list[ShardDocument], originals: dict[str, Document]) -> Iterator[Shard]:
        if index in committed:
            summary.resumed_shards += 1
            _count(summary, workdir.statuses(index))
            return
        pending_docs[index] = originals
        yield Shard(index, tuple(batch))

    def commit(result: ShardResult) -> None:
        originals = pending_docs.pop(result.index, {})
        if cache is not None and result.parsed and model_set is not None:
            cache.write_part([(originals[doc_id], model_set.model_id,
                               parse_key(originals[doc_id].text, model_set.model_id), list(sentences))
                              for doc_id, sentences in result.parsed])
        workdir.commit(result)
        _count(summary, result.statuses)
        if on_progress is not None:
            on_progress(summary)

    try:
        if engine == "dask":
            results = run_dask(shards(), config, workers, scheduler)
        else:
            results = run_local(shards(), config, workers)
        for result in results:
            commit(result)
    finally:
        if rejects is not None:
            rejects.close()
    frame = workdir.events()
    settings = {**fingerprint, "engine": engine, "workers": workers, "dictionaries": list(dict_dirs),
                "out": str(out)}
    write_events(frame, out, settings)
    workdir.remove()
    if rejects is not None:
        summary.reject_reasons = dict(rejects.counts)
    summary.elapsed_s = time.perf_counter() - started
    return summary


def _count(summary: CodeSummary, statuses: Sequence) -> None:
    for status in statuses:
        summary.events += status.events
        summary.sentences += status.sentences
        if status.status == "coded":
            summary.coded += 1
        else:
            summary.no_event += 1


def _documents(inputs: Sequence[Path | str], from_parses: Path | str | None, options: ReaderOptions | None,
               cache: ParseCache | None, known: dict[str, str], model_set) -> Iterator:  # type: ignore[no-untyped-def]
    """(ShardDocument, original Document | None) or Rejection, in input order."""
    if from_parses is not None:
        for cached in ParseCache(from_parses).iter_documents():
            if cached.pub_date is None:
                yield Rejection(cached.source_file, cached.line, cached.doc_id, "missing date",
                                "the cached document has no publication date")
                continue
            yield ShardDocument(cached.doc_id, cached.pub_date, None, cached.sentences, cached.title,
                                cached.source, cached.model_id), None
        return
    cached_sentences = {}
    if cache is not None and known:
        wanted = set(known.values())
        cached_sentences = {d.parse_key: d.sentences for d in cache.iter_documents() if d.parse_key in wanted}
    for item in read_corpus(inputs, options):
        if isinstance(item, Rejection):
            yield item
            continue
        key = parse_key(item.text, model_set.model_id) if cache is not None else None
        sentences = cached_sentences.get(key) if key is not None and known.get(item.doc_id) == key else None
        yield ShardDocument(item.doc_id, item.pub_date, item.text if sentences is None else None, sentences,
                            item.title, item.source), item


def _describe_inputs(inputs: Sequence[Path | str], from_parses: Path | str | None) -> list:
    if from_parses is not None:
        cache = Path(from_parses)
        return [[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns]
                for p in sorted((cache / "documents").glob("*.parquet"))]
    files, _ = expand_inputs(Path(p) for p in inputs)
    return [[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns] for p in files]
