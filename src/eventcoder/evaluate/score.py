"""Scoring a validation suite: every event the coder emits counts.

Per record, the expected events are matched one to one with the events produced (source, code and
target; an expected code may list ``/`` alternatives). ``correct`` = expected events produced,
``uncoded`` = expected events not produced, ``extra`` = produced events not expected (every one of them:
events in a record that expects none, duplicates, events with an unknown ``---`` actor).
TP% = correct / (correct + uncoded); FP% = extra / records (both x100).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from eventcoder.coding import Event, code_document
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.evaluate.suite import Suite, SuiteRecord
from eventcoder.parse.sentence import ParsedSentence

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class RecordResult:
    id: str
    category: str
    text: str
    expected: tuple[str, ...]
    produced: tuple[Triple, ...]
    correct: int
    uncoded: int
    extra: int
    missing: tuple[str, ...]  # expected events not produced
    unexpected: tuple[Triple, ...]  # produced events not expected
    events: tuple[Event, ...] = ()

    @property
    def ok(self) -> bool:
        return self.uncoded == 0 and self.extra == 0


@dataclass
class Tally:
    records: int = 0
    correct: int = 0
    uncoded: int = 0
    extra: int = 0

    def add(self, r: RecordResult) -> None:
        self.records += 1
        self.correct += r.correct
        self.uncoded += r.uncoded
        self.extra += r.extra

    @property
    def tp(self) -> float:
        n = self.correct + self.uncoded
        return 100.0 * self.correct / n if n else 0.0

    @property
    def fp(self) -> float:
        return 100.0 * self.extra / self.records if self.records else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"records": self.records, "correct": self.correct, "uncoded": self.uncoded, "extra": self.extra,
                "tp": round(self.tp, 1), "fp": round(self.fp, 1)}


@dataclass
class SuiteResult:
    results: list[RecordResult] = field(default_factory=list)
    by_category: dict[str, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)

    def add(self, r: RecordResult) -> None:
        self.results.append(r)
        self.by_category.setdefault(r.category, Tally()).add(r)
        self.total.add(r)

    def summary_line(self) -> str:
        t = self.total
        return (f"records={t.records} correct={t.correct} uncoded={t.uncoded} extra={t.extra} "
                f"tp={t.tp:.1f} fp={t.fp:.1f}")

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total.as_dict(),
            "categories": {k: v.as_dict() for k, v in sorted(self.by_category.items())},
            "records": [{"id": r.id, "category": r.category, "text": r.text, "expected": list(r.expected),
                         "produced": [" ".join(t) for t in r.produced], "correct": r.correct,
                         "uncoded": r.uncoded, "extra": r.extra, "missing": list(r.missing),
                         "unexpected": [" ".join(t) for t in r.unexpected]} for r in self.results],
        }


def score_record(record: SuiteRecord, events: Sequence[Event]) -> RecordResult:
    produced = [e.triple() for e in events]
    left = list(produced)
    missing = []
    for exp in record.expected:
        k = next((j for j, t in enumerate(left) if exp.accepts(*t)), None)
        if k is None:
            missing.append(str(exp))
        else:
            left.pop(k)
    correct = len(record.expected) - len(missing)
    return RecordResult(record.id, record.category, record.text, tuple(str(e) for e in record.expected),
                        tuple(produced), correct, len(missing), len(left), tuple(missing), tuple(left),
                        tuple(events))


def run_suite(suite: Suite, dicts: CompiledDictionaries,
              parse: Callable[[str, str], list[ParsedSentence]] | None = None, *,
              parse_many: Callable[[list[tuple[str, str]]], list[list[ParsedSentence]]] | None = None,
              records: Iterable[SuiteRecord] | None = None, batch: int = 32,
              on_record: Callable[[RecordResult], None] | None = None) -> SuiteResult:
    """Parse each scored record's text (``parse(doc_id, text)``, or ``parse_many`` in batches), code it as
    one article dated by the record, and score it."""
    if parse is None and parse_many is None:
        raise ValueError("run_suite needs parse or parse_many")
    todo = list(suite.scored() if records is None else records)
    out = SuiteResult()
    for start in range(0, len(todo), batch):
        chunk = todo[start:start + batch]
        if parse_many is not None:
            parsed = parse_many([(r.id, r.text) for r in chunk])
        else:
            assert parse is not None
            parsed = [parse(r.id, r.text) for r in chunk]
        for rec, sentences in zip(chunk, parsed, strict=True):
            codings = code_document(sentences, rec.date, dicts)
            r = score_record(rec, [e for c in codings for e in c.events])
            out.add(r)
            if on_record is not None:
                on_record(r)
    return out
