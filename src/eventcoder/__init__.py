"""eventcoder: CAMEO event coding of news text from Stanza dependency parses.

In a notebook::

    import eventcoder
    events = eventcoder.read_events("events.parquet")   # polars LazyFrame, categorical codes
    one_a_day = eventcoder.daily(events).collect()       # Phoenix-style one-a-day table
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventcoder")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from eventcoder.output.reader import daily, read_events  # noqa: E402 - after __version__, which output uses

__all__ = ["__version__", "daily", "read_events"]
