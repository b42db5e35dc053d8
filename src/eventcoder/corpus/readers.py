"""Corpus readers. Each yields :class:`Document` or :class:`Rejection`, never raises on bad records.

Supported inputs: ``.jsonl`` (also ``.ndjson``), ``.csv``, ``.parquet`` and ``.txt`` files, and
directories. A directory is read as a dataset: its JSONL, CSV and Parquet files when it has any,
otherwise its ``.txt`` files (one document each, id = file name without ``.txt``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventcoder.corpus.dates import DateError, parse_pub_date
from eventcoder.corpus.document import Document, Rejection

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
TEXT_SUFFIX = ".txt"
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Names of the corpus fields. ``title``, ``source`` and ``url`` are optional."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    title: str | None = "title"
    source: str | None = "source"
    url: str | None = "url"


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    default_date: date | None = None
    max_chars: int = DEFAULT_MAX_CHARS


class CorpusError(ValueError):
    """An input path that cannot be read at all (missing, or of an unknown kind)."""


def expand_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Expand inputs into corpus files. Returns (files to read, .txt files skipped in record directories)."""
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            records = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES)
            texts = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == TEXT_SUFFIX)
            if records:
                files.extend(records)
                skipped.extend(texts)
            else:
                files.extend(texts)
        elif path.is_file():
            if path.suffix.lower() not in (*RECORD_SUFFIXES, TEXT_SUFFIX):
                raise CorpusError(
                    f"{path}: unknown corpus file type {path.suffix!r} (expected .jsonl, .csv, .parquet or .txt)"
                )
            files.append(path)
        else:
            raise CorpusError(f"{path}: no such file or directory")
    return files, skipped


def read_corpus(paths: Iterable[Path | str], options: ReaderOptions | None = None) -> Iterator[Document | Rejection]:
    """Read every document of the inputs, in order, rejecting bad records and duplicate ids."""
    options = options or ReaderOptions()
    files, _ = expand_inputs(Path(p) for p in paths)
    seen: dict[str, str] = {}
    for path in files:
        for item in _read_file(path, options):
            if isinstance(item, Document):
                first = seen.get(item.doc_id)
                if first is not None:
                    yield Rejection(item.source_file, item.line, item.doc_id, "duplicate id",
                                    f"first seen at {first}")
                    continue
                seen[item.doc_id] = item.origin
            yield item


def _read_file(path: Path, options: ReaderOptions) -> Iterator[Document | Rejection]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, options)
    elif suffix == ".csv":
        yield from _read_csv(path, options)
    elif suffix == ".parquet":
        yield from _read_parquet(path, options)
    else:
        yield _read_txt(path, options)


def _read_jsonl(path: Path, options: ReaderOptions) -> Iterator[Document | Rejection]:
    name = str(path)
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Rejection(name, lineno, None, "undecodable bytes", f"not UTF-8 at byte {exc.start}")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejection(name, lineno, None, "invalid JSON", exc.msg + f" (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Rejection(name, lineno, None, "invalid JSON", f"expected an object, got {type(record).__name__}")
                continue
            yield _make_document(record, name, lineno, options)


def _read_csv(path: Path, options: ReaderOptions) -> Iterator[Document | Rejection]:
    name = str(path)
    with path.open("rb") as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        if reader.fieldnames is None:
            return
        start_line = 2  # line 1 is the header; records can span several physical lines
        for record in reader:
            lineno = start_line
            start_line = reader.line_num + 1
            bad = [k for k, v in record.items() if isinstance(v, str) and _has_surrogates(v)]
            if bad:
                yield Rejection(name, lineno, _clean_id(record.get(options.fields.id)), "undecodable bytes",
                                f"not UTF-8 in field(s) {', '.join(map(str, bad))}")
                continue
            if None in record:  # more cells than header columns
                yield Rejection(name, lineno, _clean_id(record.get(options.fields.id)), "malformed CSV row",
                                f"{len(record[None])} cell(s) more than the header")
                continue
            yield _make_document(record, name, lineno, options)


def _read_parquet(path: Path, options: ReaderOptions) -> Iterator[Document | Rejection]:
    import pyarrow.parquet as pq

    name = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - any pyarrow failure means the whole file is unreadable
        yield Rejection(name, None, None, "unreadable Parquet file", str(exc))
        return
    row = 0
    for batch in parquet.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield _make_document(record, name, row, options)


def _read_txt(path: Path, options: ReaderOptions) -> Document | Rejection:
    name = str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(name, None, path.stem, "undecodable bytes", f"not UTF-8 at byte {exc.start}")
    record: dict[str, Any] = {options.fields.id: path.stem, options.fields.text: text}
    return _make_document(record, name, None, options)


def _make_document(record: dict[str, Any], name: str, line: int | None, options: ReaderOptions) -> Document | Rejection:
    fields = options.fields
    doc_id = _clean_id(record.get(fields.id))
    if doc_id is None:
        return Rejection(name, line, None, "missing id", f"no value in field {fields.id!r}")
    text = record.get(fields.text)
    if text is None:
        return Rejection(name, line, doc_id, "missing text", f"no field {fields.text!r}")
    if not isinstance(text, str):
        return Rejection(name, line, doc_id, "invalid text", f"field {fields.text!r} is {type(text).__name__}")
    if not text.strip():
        return Rejection(name, line, doc_id, "empty text")
    if len(text) > options.max_chars:
        return Rejection(name, line, doc_id, "document too large",
                         f"{len(text):,} characters > limit {options.max_chars:,} (--max-chars)")
    raw_date = record.get(fields.date)
    if raw_date is None or (isinstance(raw_date, str) and not raw_date.strip()):
        if options.default_date is None:
            return Rejection(name, line, doc_id, "missing date",
                             f"no value in field {fields.date!r} and no --date default")
        pub_date = options.default_date
    else:
        try:
            pub_date = parse_pub_date(raw_date)
        except DateError as exc:
            return Rejection(name, line, doc_id, "unparseable date", str(exc))
    return Document(
        doc_id=doc_id,
        text=text,
        pub_date=pub_date,
        source_file=name,
        line=line,
        title=_optional_str(record, fields.title),
        source=_optional_str(record, fields.source),
        url=_optional_str(record, fields.url),
    )


def _clean_id(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _optional_str(record: dict[str, Any], key: str | None) -> str | None:
    if key is None:
        return None
    value = record.get(key)
    return None if value is None else str(value)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
