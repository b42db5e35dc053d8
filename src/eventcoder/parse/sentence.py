"""The parsed sentence: what the parse stage produces, the cache stores and the coder consumes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word (UD), 1-based ``index`` within its sentence; ``head`` 0 is the root.

    Character offsets are relative to the document text. Words of a multi-word token ("don't" ->
    "do" + "n't") share the span of their token.
    """

    index: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A dependency-parsed sentence of one document."""

    doc_id: str
    index: int
    text: str
    start_char: int
    end_char: int
    words: tuple[Word, ...]

    def word(self, index: int) -> Word:
        """The word with 1-based UD index ``index``."""
        return self.words[index - 1]

    def children(self, index: int) -> list[Word]:
        return [w for w in self.words if w.head == index]

    def root(self) -> Word | None:
        return next((w for w in self.words if w.head == 0), None)
