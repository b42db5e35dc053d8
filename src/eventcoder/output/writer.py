"""Write the event table: one Parquet file, or a directory hive-partitioned by publication year and month.

Both are written to a temporary path and renamed into place, so a reader never sees half a file. The
Parquet key-value metadata carries ``eventcoder.schema_version`` and ``eventcoder.run`` (the settings).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import polars as pl

from eventcoder.output.schema import PARTITION_COLUMNS, SCHEMA, SCHEMA_VERSION


def rows_to_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMA, orient="row") if rows else pl.DataFrame(schema=SCHEMA)


def file_metadata(settings: dict[str, Any]) -> dict[str, str]:
    return {"eventcoder.schema_version": SCHEMA_VERSION, "eventcoder.run": json.dumps(settings, sort_keys=True)}


def is_single_file(out: Path) -> bool:
    return out.suffix.lower() == ".parquet"


def write_events(frame: pl.DataFrame, out: Path, settings: dict[str, Any]) -> None:
    """Write ``frame`` (columns of :data:`SCHEMA`) to ``out`` atomically, replacing what was there."""
    metadata = file_metadata(settings)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    if is_single_file(out):
        frame.write_parquet(tmp, metadata=metadata, statistics=True)
        os.replace(tmp, out)
        return
    tmp.mkdir()
    partitioned = frame.with_columns(
        pl.col("pub_date").dt.year().alias(PARTITION_COLUMNS[0]),
        pl.col("pub_date").dt.month().alias(PARTITION_COLUMNS[1]),
    )
    if partitioned.height:
        for (year, month), part in partitioned.group_by(PARTITION_COLUMNS, maintain_order=True):
            folder = tmp / f"year={year}" / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            part.drop(PARTITION_COLUMNS).write_parquet(folder / "part-0.parquet", metadata=metadata)
    else:  # an empty dataset still has a file that carries the schema
        frame.write_parquet(tmp / "empty.parquet", metadata=metadata)
    if out.exists():
        old = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.old")
        os.replace(out, old)
        os.replace(tmp, out)
        shutil.rmtree(old)
    else:
        os.replace(tmp, out)
