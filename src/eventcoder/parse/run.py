"""Parse a corpus into a parse cache, with one or several worker processes."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.corpus import Document, ReaderOptions, Rejection, RejectsWriter, read_corpus
from eventcoder.parse.cache import ParseCache, parse_key
from eventcoder.parse.models import ModelSet, resolve_model
from eventcoder.parse.pipeline import StanzaParser
from eventcoder.parse.sentence import ParsedSentence

ProgressCallback = Callable[[int, int], None]  # (documents done, sentences done)


@dataclass(slots=True)
class ParseSummary:
    documents: int = 0
    parsed: int = 0
    cached: int = 0
    rejected: int = 0
    sentences: int = 0
    words: int = 0
    elapsed_s: float = 0.0
    model_id: str = ""
    rejects_path: Path | None = None
    reject_reasons: dict[str, int] = field(default_factory=dict)


def parse_corpus(
    inputs: Sequence[Path | str],
    out: Path | str,
    *,
    model: str | Path | None = None,
    reader_options: ReaderOptions | None = None,
    rejects_path: Path | str | None = None,
    workers: int = 1,
    docs_per_batch: int = 16,
    docs_per_part: int = 512,
    on_progress: ProgressCallback | None = None,
) -> ParseSummary:
    """Parse every document of ``inputs`` that the cache at ``out`` does not hold yet.

    Rejected records go to ``rejects_path`` (default ``OUT/rejects.jsonl``). Documents already parsed
    with the same text and model are counted as ``cached`` and not parsed again.
    """
    started = time.perf_counter()
    model_set = resolve_model(model)
    cache = ParseCache(out, create=True)
    known = cache.known_keys()
    summary = ParseSummary(model_id=model_set.model_id)
    rejects = RejectsWriter(rejects_path or Path(out) / "rejects.jsonl")
    summary.rejects_path = rejects.path

    def todo() -> Iterator[tuple[Document, str]]:
        for item in read_corpus(inputs, reader_options):
            summary.documents += 1
            if isinstance(item, Rejection):
                rejects.add(item)
                continue
            key = parse_key(item.text, summary.model_id)
            if known.get(item.doc_id) == key:
                summary.cached += 1
                continue
            yield item, key

    pending: list[tuple[Document, str, str, list[ParsedSentence]]] = []
    with rejects:
        for batch, parsed in _parse_batches(_batched(todo(), docs_per_batch), model_set, workers):
            for (document, key), sentences in zip(batch, parsed, strict=True):
                pending.append((document, summary.model_id, key, sentences))
                summary.parsed += 1
                summary.sentences += len(sentences)
                summary.words += sum(len(s.words) for s in sentences)
            if len(pending) >= docs_per_part:
                cache.write_part(pending)
                pending = []
            if on_progress is not None:
                on_progress(summary.parsed + summary.cached, summary.sentences)
        cache.write_part(pending)
    summary.rejected = rejects.total
    summary.reject_reasons = dict(rejects.counts)
    summary.elapsed_s = time.perf_counter() - started
    return summary


def _batched(items: Iterable[tuple[Document, str]], size: int) -> Iterator[list[tuple[Document, str]]]:
    batch: list[tuple[Document, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_batches(
    batches: Iterator[list[tuple[Document, str]]], model: ModelSet, workers: int
) -> Iterator[tuple[list[tuple[Document, str]], list[list[ParsedSentence]]]]:
    with ParserPool(model, workers) as pool:
        kept: dict[int, list[tuple[Document, str]]] = {}

        def payloads() -> Iterator[list[tuple[str, str]]]:
            for number, batch in enumerate(batches):
                kept[number] = batch
                yield [(doc.doc_id, doc.text) for doc, _ in batch]

        for number, parsed in enumerate(pool.imap(payloads())):
            yield kept.pop(number), parsed


class ParserPool:
    """Parses batches of (doc_id, text) in this process (1 worker) or in N spawned worker processes.

    Each worker loads the model set once and uses ``threads`` torch threads (default ``cores // workers``;
    one worker: torch's default). Results come back in input order.
    """

    def __init__(self, model: ModelSet, workers: int = 1, threads: int | None = None) -> None:
        self.workers = max(1, workers)
        self._parser: StanzaParser | None = None
        self._pool = None
        if self.workers == 1:
            self._parser = StanzaParser(model, threads=threads)
        else:
            threads = threads or max(1, (os.cpu_count() or 1) // self.workers)
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=_init_worker,
                                      initargs=(str(model.directory), threads))

    def warm_up(self) -> None:
        """Block until every worker has loaded its model (for benchmarks)."""
        if self._pool is not None:
            self._pool.map(_worker_parse, [[("warm-up", "Ready.")]] * self.workers, chunksize=1)

    def imap(self, batches: Iterable[list[tuple[str, str]]]) -> Iterator[list[list[ParsedSentence]]]:
        if self._parser is not None:
            for batch in batches:
                yield self._parser.parse_many(batch)
        else:
            assert self._pool is not None
            yield from self._pool.imap(_worker_parse, batches, chunksize=1)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None and exc[0] is not None:
            self._pool.terminate()
        self.close()


_WORKER_PARSER: StanzaParser | None = None  # one per worker process, set by its initializer


def _init_worker(model_dir: str, threads: int) -> None:
    global _WORKER_PARSER
    _WORKER_PARSER = StanzaParser(resolve_model(model_dir), threads=threads)


def _worker_parse(items: list[tuple[str, str]]) -> list[list[ParsedSentence]]:
    assert _WORKER_PARSER is not None, "worker not initialised"
    return _WORKER_PARSER.parse_many(items)
