"""The rejects ledger: every input record that was not used, with where it came from and why."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from types import TracebackType

import polars as pl

from eventcoder.corpus.document import Rejection

REJECT_SCHEMA = {"source_file": pl.String, "line": pl.Int64, "record_id": pl.String, "reason": pl.String,
                 "detail": pl.String}


class RejectsWriter:
    """Collects rejections and writes them to ``.jsonl`` (streamed) or ``.parquet`` (on close).

    The file is always written, empty when nothing was rejected, so a run's rejects are never stale.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.counts: Counter[str] = Counter()
        self._rows: list[dict] = []
        self._parquet = self.path.suffix.lower() == ".parquet"
        if not self._parquet and self.path.suffix.lower() not in (".jsonl", ".ndjson"):
            raise ValueError(f"{self.path}: a rejects file must end in .jsonl or .parquet")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._handle = None if self._parquet else self._tmp.open("w", encoding="utf-8")

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, rejection: Rejection) -> None:
        self.counts[rejection.reason] += 1
        row = {"source_file": rejection.source_file, "line": rejection.line, "record_id": rejection.record_id,
               "reason": rejection.reason, "detail": rejection.detail}
        if self._handle is not None:
            self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            self._handle.flush()
        else:
            self._rows.append(row)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        elif self._parquet:
            pl.DataFrame(self._rows, schema=REJECT_SCHEMA).write_parquet(self._tmp)
        if self._tmp.exists():
            os.replace(self._tmp, self.path)

    def __enter__(self) -> RejectsWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def read_rejects(path: Path | str) -> pl.DataFrame:
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        return pl.read_parquet(path)
    if path.stat().st_size == 0:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    return pl.read_ndjson(path, schema=REJECT_SCHEMA)
