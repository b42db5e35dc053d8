"""The PETRARCH / UD-PETRARCH validation-suite format.

``<Validation>`` holds an ``<Environment>`` (the dictionary files it was written for, and ``<Include>``:
the categories that are scored) and ``<Sentence category date id evaluate>`` records, each with
``<EventCoding sourcecode targetcode eventcode>`` lines (``noevents="True"`` or ``error=...``: no event
expected) and the ``<Text>``. The published file is not well-formed XML (comments hold ``<Sentence ...>``
and ``--``), so it is read with a tolerant scanner rather than an XML parser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class SuiteError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Expected:
    """An expected event. A code with ``/`` is matched whole (the fictional dictionaries define the actor
    code ``FRO/BIL/SAM``) or as a list of alternatives."""

    source: str
    code: str
    target: str

    def accepts(self, source: str, code: str, target: str) -> bool:
        def ok(got: str, want: str) -> bool:
            return got == want or got in want.split("/")

        return ok(source, self.source) and ok(code, self.code) and ok(target, self.target)

    def __str__(self) -> str:
        return f"{self.source} {self.code} {self.target}"


@dataclass(frozen=True, slots=True)
class SuiteRecord:
    id: str
    category: str
    date: date | None
    evaluate: bool
    text: str
    expected: tuple[Expected, ...]  # empty: no event expected
    line: int


@dataclass(frozen=True)
class Suite:
    path: str
    records: tuple[SuiteRecord, ...]
    include: tuple[str, ...] | None  # None: every category is scored
    environment: dict[str, str]

    @property
    def is_petr_validate(self) -> bool:
        """Written for the fictional PETR_Validate dictionaries (Arnor = ARN ...)."""
        return any("petr_validate" in v.lower() for k, v in self.environment.items() if k.endswith("file"))

    def scored(self) -> list[SuiteRecord]:
        """The records that count: ``evaluate`` true and, when the suite has ``<Include>``, in an included
        category."""
        inc = set(self.include) if self.include is not None else None
        return [r for r in self.records if r.evaluate and (inc is None or r.category in inc)]


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise SuiteError(f"{where}: bad date {value!r} (expected YYYYMMDD)") from None


def read_suite(path: Path | str) -> Suite:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SuiteError(f"{path}: {exc.strerror or exc}") from None
    if "<Sentence" not in raw:
        raise SuiteError(f"{path}: no <Sentence> records: not a PETRARCH validation suite")
    env: dict[str, str] = {}
    envm = re.search(r"<Environment>(.*?)</Environment>", _COMMENT.sub("", raw), re.S)
    include: tuple[str, ...] | None = None
    if envm:
        for tag, value in re.findall(r"<(\w+)>([^<]*)</\1>", envm.group(1)):
            if tag == "Include":
                include = tuple(value.split())
            else:
                env[tag] = value.strip()
    # blank comments out, keeping line numbers
    body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), raw)
    records = []
    for m in _SENTENCE.finditer(body):
        line = body.count("\n", 0, m.start()) + 1
        attrs = dict(_ATTR.findall(m.group(1)))
        rid = attrs.get("id", f"line-{line}")
        where = f"{path}:{line} ({rid})"
        tm = _TEXT.search(m.group(2))
        if tm is None:
            raise SuiteError(f"{where}: record has no <Text>")
        expected = []
        for cm in _CODING.finditer(m.group(2)):
            c = dict(_ATTR.findall(cm.group(1)))
            if "eventcode" in c:
                expected.append(Expected(c.get("sourcecode", "---"), c["eventcode"], c.get("targetcode", "---")))
        text = " ".join(html.unescape(tm.group(1)).split())
        records.append(SuiteRecord(rid, attrs.get("category", ""), _date(attrs.get("date", ""), where),
                                   attrs.get("evaluate", "true").lower() != "false", text, tuple(expected), line))
    return Suite(str(path), tuple(records), include, env)
