"""The run's work folder: committed shards and a manifest, so a killed run resumes where it stopped.

Beside the output ``OUT`` lives ``.OUT.eventcoder-work/``:

    manifest.json                 the run's fingerprint (inputs, dictionaries, model, shard size)
    shard-NNNNNNNN.status.json    per-document status of a shard (written first)
    shard-NNNNNNNN.parquet        the shard's events (written last: its presence commits the shard)

Every file is written to a temporary name and renamed. A re-run with the same fingerprint skips the
committed shards; a different fingerprint (edited dictionaries, another model, other inputs) starts
over. The folder is removed once the output is written.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

import polars as pl

from eventcoder.output.schema import SCHEMA
from eventcoder.output.writer import rows_to_frame
from eventcoder.run.shards import DocumentStatus, ShardResult


class WorkDir:
    def __init__(self, out: Path) -> None:
        self.path = out.parent / f".{out.name}.eventcoder-work"

    def open(self, fingerprint: dict[str, Any]) -> set[int]:
        """Prepare the folder for ``fingerprint``; returns the shards already committed."""
        manifest = self.path / "manifest.json"
        if manifest.exists():
            try:
                previous = json.loads(manifest.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                previous = None
            if previous == fingerprint:
                return self.committed()
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        _atomic_write(manifest, json.dumps(fingerprint, indent=2, sort_keys=True))
        return set()

    def committed(self) -> set[int]:
        return {int(p.name[6:14]) for p in self.path.glob("shard-*.parquet")}

    def commit(self, result: ShardResult) -> None:
        stem = self.path / f"shard-{result.index:08d}"
        statuses = [asdict(s) for s in result.statuses]
        _atomic_write(Path(f"{stem}.status.json"), json.dumps(statuses))
        frame = rows_to_frame(list(result.rows))
        tmp = Path(f"{stem}.parquet.tmp")
        frame.write_parquet(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, f"{stem}.parquet")

    def statuses(self, index: int) -> list[DocumentStatus]:
        data = json.loads(Path(self.path / f"shard-{index:08d}.status.json").read_text(encoding="utf-8"))
        return [DocumentStatus(**row) for row in data]

    def events(self) -> pl.DataFrame:
        files = sorted(self.path.glob("shard-*.parquet"))
        if not files:
            return pl.DataFrame(schema=SCHEMA)
        return pl.concat([pl.read_parquet(f).cast(SCHEMA) for f in files], how="vertical")

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
