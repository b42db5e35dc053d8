"""Validation suites (PETRARCH format) and their scoring."""

from eventcoder.evaluate.score import RecordResult, SuiteResult, Tally, run_suite, score_record
from eventcoder.evaluate.suite import Expected, Suite, SuiteError, SuiteRecord, read_suite

__all__ = ["Expected", "RecordResult", "Suite", "SuiteError", "SuiteRecord", "SuiteResult", "Tally", "read_suite",
           "run_suite", "score_record"]
