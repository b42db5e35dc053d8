"""The two things a corpus reader yields: a document to process, or a record rejected with a reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Document:
    """One news article, ready to parse."""

    doc_id: str
    text: str
    pub_date: date | None
    source_file: str
    line: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def origin(self) -> str:
        """Where the document came from, as ``file`` or ``file:line``."""
        return self.source_file if self.line is None else f"{self.source_file}:{self.line}"

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that could not be used, and why. Every rejection is written to the rejects file."""

    source_file: str
    line: int | None
    record_id: str | None
    reason: str
    detail: str = ""

    @property
    def origin(self) -> str:
        return self.source_file if self.line is None else f"{self.source_file}:{self.line}"

    def __str__(self) -> str:
        rid = f" [{self.record_id}]" if self.record_id else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.origin}{rid}: {self.reason}{detail}"
