"""Reading PETRARCH-2 / TABARI dictionary files line by line: comments, dates and phrases.

Comments follow PETRARCH-2's ``read_FIN_line``: a line starting with ``#`` or ``<!`` is skipped, ``#``
ends a line's content (its text is kept as the line's comment), ``<!-- ... -->`` is removed inside a line,
and an unclosed ``<!--`` in the middle of a line skips to the line holding ``-->``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

from eventcoder.dictionaries.problems import Problem


class RawLine(NamedTuple):
    number: int
    text: str  # content without comments, stripped
    comment: str
    original: str


class ImportLog:
    """What the importer could not convert, fixed, or noticed: one entry per source line."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, message, "error"))

    def warning(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, message, "warning"))


def read_lines(path: Path, log: ImportLog, encoding: str = "utf-8") -> Iterator[RawLine]:
    name = path.name
    raw = path.read_bytes()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        log.warning(name, 0, f"not valid {encoding} ({exc}); read as latin-1")
        text = raw.decode("latin-1")
    in_comment = False
    for number, original in enumerate(text.splitlines(), start=1):
        line = original
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
            continue
        while "<!--" in line:
            head, _, tail = line.partition("<!--")
            if "-->" in tail:
                line = head + tail[tail.find("-->") + 3:]
            else:
                line = head
                in_comment = True
        comment = ""
        cut = _comment_start(line)
        if cut >= 0:
            line, comment = line[:cut], line[cut + 1:]
        line = line.strip()
        if line:
            yield RawLine(number, line, comment.strip(), original)


def _comment_start(line: str) -> int:
    """The first ``#`` outside ``[...]`` (so the discard code ``[###]`` is not a comment), or -1."""
    depth = 0
    for k, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return k
    return -1


_DATE = re.compile(r"^(\d{6}|\d{8})$")


def parse_date(text: str) -> date:
    """``yymmdd`` (years 00-30 are 20yy, others 19yy, as in KEDS/TABARI/PETRARCH) or ``yyyymmdd``."""
    if not _DATE.match(text):
        raise ValueError(f"date {text!r} is neither yymmdd nor yyyymmdd")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {text!r}: {exc}") from None


_CODE_GROUP = re.compile(r"\[([^\[\]]*)\]")
_CODE_BODY = re.compile(
    r"^\s*(?P<code>[^\s<>\]]+)\s*(?:(?P<op>[<>])\s*(?P<d>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+))?\s*$")


class CodeSpec(NamedTuple):
    code: str
    from_: date | None
    until: date | None


def split_codes(text: str) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B 770101-120812]`` into the text before the first ``[`` and the bracket bodies."""
    first = text.find("[")
    if first < 0:
        return text, []
    bodies = _CODE_GROUP.findall(text[first:])
    return text[:first], bodies


def parse_actor_code(body: str) -> CodeSpec:
    """``IRNGOV``, ``IRNGOV >19890604``, ``EGYGOV > 140608``, ``HOB < 950601``, ``EGYMIL 770101-120812``."""
    m = _CODE_BODY.match(body)
    if not m:
        raise ValueError(f"cannot read code [{body}]")
    code = m["code"]
    if m["op"] == ">":
        return CodeSpec(code, parse_date(m["d"]), None)
    if m["op"] == "<":
        return CodeSpec(code, None, parse_date(m["d"]))
    if m["a"]:
        lo, hi = parse_date(m["a"]), parse_date(m["b"])
        if lo >= hi:
            raise ValueError(f"date range [{body}] ends before it starts")
        return CodeSpec(code, lo, hi)
    return CodeSpec(code, None, None)


_WORD_OK = re.compile(r"^[^\s\[\]{}()<>#!~&*$^%|+]+$")


def phrase_words(text: str) -> tuple[tuple[str, ...], bool]:
    """``ISLAMIC_REPUBLIC_OF_AFGHANISTAN_`` -> (words, plural=False): ``_`` and spaces join words, a
    trailing ``_`` is PETRARCH's no-plural / not-a-stem marker."""
    text = text.strip()
    plural = not text.endswith("_")
    words = tuple(w.upper() for w in re.split(r"[_\s]+", text) if w)
    return words, plural


def bad_words(words: tuple[str, ...]) -> list[str]:
    return [w for w in words if not _WORD_OK.match(w)]


def make_id(words: tuple[str, ...], taken: dict[str, int]) -> str:
    """A stable id from the primary name; a repeated name gets ``~2``, ``~3``... in file order."""
    base = "_".join(words) or "ENTRY"
    n = taken.get(base, 0) + 1
    taken[base] = n
    return base if n == 1 else f"{base}~{n}"
