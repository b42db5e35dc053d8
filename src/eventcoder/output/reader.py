"""Read the event table back: ``read_events`` and the Phoenix one-a-day table ``daily``."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from eventcoder.output.schema import PARTITION_COLUMNS, SCHEMA


def read_events(path: str | Path) -> pl.LazyFrame:
    """A polars LazyFrame of the events in ``path`` (a ``.parquet`` file or a partitioned directory).

    Codes come back categorical and dates as dates, exactly as written; a directory's ``year`` and
    ``month`` partition columns are dropped (``pub_date`` carries them).
    """
    path = Path(path)
    if path.is_dir():
        frame = pl.scan_parquet(path / "**" / "*.parquet", hive_partitioning=True, missing_columns="insert",
                                extra_columns="ignore")
        return frame.select(list(SCHEMA)).cast(SCHEMA)
    return pl.scan_parquet(path).cast(SCHEMA)


def read_run_settings(path: str | Path) -> dict:
    """The settings recorded in the file metadata (``eventcoder.run``) and the schema version."""
    path = Path(path)
    file = path if path.is_file() else next(p for p in sorted(path.rglob("*.parquet")))
    meta = pl.read_parquet_metadata(file)
    settings = json.loads(meta.get("eventcoder.run", "{}"))
    settings["schema_version"] = meta.get("eventcoder.schema_version", "")
    return settings


def daily(events: pl.LazyFrame | pl.DataFrame | str | Path) -> pl.LazyFrame:
    """Phoenix-style one-a-day events: one row per (event_date, source_code, target_code, cameo_code),
    with the number of mentions (event rows), distinct documents and distinct news sources, and the
    first event id as a representative."""
    frame = events if isinstance(events, pl.LazyFrame | pl.DataFrame) else read_events(events)
    lazy = frame.lazy()
    return (
        lazy.group_by("event_date", "source_code", "target_code", "cameo_code")
        .agg(
            pl.len().alias("mentions"),
            pl.col("doc_id").n_unique().alias("documents"),
            pl.col("news_source").drop_nulls().n_unique().alias("sources"),
            pl.col("event_id").sort().first().alias("event_id"),
            pl.col("cameo_root").first(),
            pl.col("quad_class").first(),
            pl.col("goldstein").first(),
        )
        .sort("event_date", "source_code", "target_code", "cameo_code")
    )


__all__ = ["PARTITION_COLUMNS", "daily", "read_events", "read_run_settings"]
