"""Publication dates: ISO first (fast), then RFC 2822 and the common news formats via dateparser."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be present
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],  # a publication date is never relative ("yesterday")
}


class DateError(ValueError):
    """A publication date that cannot be read as a calendar date."""


def parse_pub_date(value: object) -> date:
    """Read a publication date from a corpus field.

    Accepts ``date``/``datetime`` objects, ISO 8601 strings (``2007-01-29``, ``2007-01-29T10:00:00Z``),
    RFC 2822 (``Mon, 29 Jan 2007 10:00:00 GMT``) and common news formats (``Jan. 29, 2007``,
    ``29 January 2007``, ``01/29/2007``). Raises :class:`DateError` for anything else, including
    dates without a day, month and year.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(f"expected a date string, got {type(value).__name__} {value!r}")
    text = value.strip()
    if not text:
        raise DateError("empty date")
    return _parse_date_text(text)


@lru_cache(maxsize=65536)
def _parse_date_text(text: str) -> date:
    if _ISO_DATE.match(text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return date.fromisoformat(text[:10])
            except ValueError as exc:
                raise DateError(f"invalid ISO date {text!r}: {exc}") from None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # imported lazily: it takes ~0.5 s to load its language data

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise DateError(f"unrecognised date {text!r}")
    return parsed.date()
