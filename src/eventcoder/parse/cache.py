"""The parse cache: parsed sentences as Parquet, keyed by a hash of the document text and the model id.

Layout of a cache directory::

    cache.json                     format marker
    sentences/part-NNNNNN.parquet  one row per sentence (doc_id, parse_key, sentence_idx, text, offsets,
                                   words: list of structs with text, lemma, upos, xpos, feats, head, deprel,
                                   start_char, end_char)
    documents/part-NNNNNN.parquet  one row per document (doc_id, parse_key, model_id, metadata, counts)

A part is committed when its documents file exists (written after its sentences file, each by an
atomic rename), so an interrupted run leaves nothing half-read. A document whose text and model are
unchanged is never parsed again; a changed text or model gives a new ``parse_key`` and a re-parse,
and the latest part wins for a document id.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from eventcoder.corpus.document import Document
from eventcoder.parse.sentence import ParsedSentence, Word

CACHE_FORMAT = "eventcoder-parse-cache"
CACHE_VERSION = 1
# the parse stage's own processing around the models; part of every parse key, so a change re-parses
# (2: broken sentence splits joined before tagging, see parse/sentence_splits.py)
PARSE_REVISION = 2
_PART = re.compile(r"^part-(\d{6})\.parquet$")

WORD_STRUCT = pl.Struct({
    "index": pl.Int32, "text": pl.String, "lemma": pl.String, "upos": pl.String, "xpos": pl.String,
    "feats": pl.String, "head": pl.Int32, "deprel": pl.String, "start_char": pl.Int64, "end_char": pl.Int64,
})
SENTENCE_SCHEMA = {
    "doc_id": pl.String, "parse_key": pl.String, "sentence_idx": pl.Int32, "text": pl.String,
    "start_char": pl.Int64, "end_char": pl.Int64, "words": pl.List(WORD_STRUCT),
}
DOCUMENT_SCHEMA = {
    "doc_id": pl.String, "parse_key": pl.String, "model_id": pl.String, "text_hash": pl.String,
    "pub_date": pl.Date, "title": pl.String, "source": pl.String, "url": pl.String,
    "source_file": pl.String, "line": pl.Int64, "n_sentences": pl.Int32, "n_words": pl.Int32,
}


def parse_key(text: str, model_id: str) -> str:
    """Cache key of a document: a hash of its text and the model that parses it."""
    digest = hashlib.sha256()
    digest.update(model_id.encode("utf-8"))
    digest.update(f"\0{PARSE_REVISION}\0".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class CachedDocument:
    """A document's metadata as stored in the cache, with its parsed sentences."""

    doc_id: str
    parse_key: str
    model_id: str
    pub_date: date | None
    title: str | None
    source: str | None
    url: str | None
    source_file: str
    line: int | None
    sentences: tuple[ParsedSentence, ...]


class CacheError(RuntimeError):
    """A directory that is not a parse cache, or a corrupt one."""


class ParseCache:
    """Read and append to a parse-cache directory."""

    def __init__(self, directory: Path | str, *, create: bool = False) -> None:
        self.directory = Path(directory)
        marker = self.directory / "cache.json"
        if marker.exists():
            info = json.loads(marker.read_text(encoding="utf-8"))
            if info.get("format") != CACHE_FORMAT:
                raise CacheError(f"{self.directory}: not an eventcoder parse cache ({marker} says otherwise)")
        elif create:
            if self.directory.exists() and any(self.directory.iterdir()):
                raise CacheError(f"{self.directory}: exists, is not empty and is not a parse cache")
            (self.directory / "sentences").mkdir(parents=True, exist_ok=True)
            (self.directory / "documents").mkdir(parents=True, exist_ok=True)
            _atomic_write_text(marker, json.dumps({"format": CACHE_FORMAT, "version": CACHE_VERSION}))
        else:
            raise CacheError(f"{self.directory}: no parse cache here (no cache.json)")

    # ---- reading -------------------------------------------------------------------------------
    def committed_parts(self) -> list[int]:
        numbers = []
        for path in (self.directory / "documents").glob("part-*.parquet"):
            match = _PART.match(path.name)
            if match:
                numbers.append(int(match.group(1)))
        return sorted(numbers)

    def known_keys(self) -> dict[str, str]:
        """doc_id -> parse_key of its latest committed parse."""
        keys: dict[str, str] = {}
        for part in self.committed_parts():
            frame = pl.read_parquet(self._path("documents", part), columns=["doc_id", "parse_key"])
            keys.update(zip(frame["doc_id"].to_list(), frame["parse_key"].to_list(), strict=True))
        return keys

    def documents(self) -> pl.DataFrame:
        """The latest row of every document, as a polars frame."""
        parts = self.committed_parts()
        if not parts:
            return pl.DataFrame(schema=DOCUMENT_SCHEMA)
        frames = [pl.read_parquet(self._path("documents", p)).with_columns(pl.lit(p).alias("_part")) for p in parts]
        return pl.concat(frames).unique("doc_id", keep="last", maintain_order=True).drop("_part")

    def iter_documents(self) -> Iterator[CachedDocument]:
        """Every document's latest parse, with its sentences, in the order they were cached."""
        parts = self.committed_parts()
        latest: dict[str, int] = {}
        for part in parts:
            for doc_id in pl.read_parquet(self._path("documents", part), columns=["doc_id"])["doc_id"]:
                latest[doc_id] = part
        for part in parts:
            docs = pl.read_parquet(self._path("documents", part))
            by_key: dict[str, list[ParsedSentence]] = {}
            sentence_rows = pl.read_parquet(self._path("sentences", part)).iter_rows(named=True)
            for row in sentence_rows:
                by_key.setdefault(row["parse_key"], []).append(_sentence_from_row(row))
            for row in docs.iter_rows(named=True):
                if latest.get(row["doc_id"]) != part:
                    continue
                sentences = tuple(
                    s if s.doc_id == row["doc_id"] else _with_doc_id(s, row["doc_id"])
                    for s in by_key.get(row["parse_key"], [])
                )
                yield CachedDocument(
                    doc_id=row["doc_id"], parse_key=row["parse_key"], model_id=row["model_id"],
                    pub_date=row["pub_date"], title=row["title"], source=row["source"], url=row["url"],
                    source_file=row["source_file"], line=row["line"], sentences=sentences,
                )

    def iter_sentences(self) -> Iterator[ParsedSentence]:
        for document in self.iter_documents():
            yield from document.sentences

    # ---- writing -------------------------------------------------------------------------------
    def write_part(self, parsed: Iterable[tuple[Document, str, str, list[ParsedSentence]]]) -> int | None:
        """Commit one part: (document, model_id, parse_key, sentences) tuples. Returns the part number."""
        sentence_rows: list[dict] = []
        document_rows: list[dict] = []
        for document, model_id, key, sentences in parsed:
            for sentence in sentences:
                sentence_rows.append(_sentence_to_row(sentence, key))
            document_rows.append({
                "doc_id": document.doc_id, "parse_key": key, "model_id": model_id,
                "text_hash": document.text_hash, "pub_date": document.pub_date, "title": document.title,
                "source": document.source, "url": document.url, "source_file": document.source_file,
                "line": document.line, "n_sentences": len(sentences),
                "n_words": sum(len(s.words) for s in sentences),
            })
        if not document_rows:
            return None
        parts = self.committed_parts()
        part = (parts[-1] + 1) if parts else 0
        _atomic_write_parquet(pl.DataFrame(sentence_rows, schema=SENTENCE_SCHEMA), self._path("sentences", part))
        _atomic_write_parquet(pl.DataFrame(document_rows, schema=DOCUMENT_SCHEMA), self._path("documents", part))
        return part

    def _path(self, table: str, part: int) -> Path:
        return self.directory / table / f"part-{part:06d}.parquet"


def _sentence_to_row(sentence: ParsedSentence, key: str) -> dict:
    return {
        "doc_id": sentence.doc_id, "parse_key": key, "sentence_idx": sentence.index, "text": sentence.text,
        "start_char": sentence.start_char, "end_char": sentence.end_char,
        "words": [
            {"index": w.index, "text": w.text, "lemma": w.lemma, "upos": w.upos, "xpos": w.xpos,
             "feats": w.feats, "head": w.head, "deprel": w.deprel, "start_char": w.start_char,
             "end_char": w.end_char}
            for w in sentence.words
        ],
    }


def _sentence_from_row(row: dict) -> ParsedSentence:
    return ParsedSentence(
        doc_id=row["doc_id"], index=row["sentence_idx"], text=row["text"], start_char=row["start_char"],
        end_char=row["end_char"], words=tuple(Word(**w) for w in row["words"]),
    )


def _with_doc_id(sentence: ParsedSentence, doc_id: str) -> ParsedSentence:
    return ParsedSentence(doc_id=doc_id, index=sentence.index, text=sentence.text,
                          start_char=sentence.start_char, end_char=sentence.end_char, words=sentence.words)


def _atomic_write_parquet(frame: pl.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp, compression="zstd")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
