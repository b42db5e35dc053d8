"""The output stage: the event table's schema, the Parquet writer, ``read_events`` and ``daily``."""

from eventcoder.output.reader import daily, read_events, read_run_settings
from eventcoder.output.schema import COLUMNS, SCHEMA, SCHEMA_VERSION

__all__ = ["COLUMNS", "SCHEMA", "SCHEMA_VERSION", "daily", "read_events", "read_run_settings"]
