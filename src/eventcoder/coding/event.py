"""The event record: what the coder emits and the batch runner writes to Parquet.

An :class:`Event` is one directed CAMEO event (source -> code -> target) found in one sentence, with the
evidence for it: the actor mentions (text, code, dictionary entries, character spans), the verb (lemma,
word index, span), the verb block and pattern that gave the code, and flags. ``Event.row()`` flattens it
into the column layout of :data:`EVENT_COLUMNS` (one Parquet row).
"""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "---"  # the country / actor code of a mention whose actor is not known (PETRARCH's ---)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: a noun phrase (or a resolved reference) that the dictionaries code.

    ``code`` is the full code (``IRNCOP``, ``RUSGOV``, ``---GOV`` when only an agent is known);
    ``country`` the actor part (``IRN``; ``---`` if unknown), ``agent`` the agent codes joined
    (``COP``, ``NGO+GOV`` style order preserved as written: ``"COP"``; empty if none).
    ``actor_id``/``agent_ids`` are the dictionary entry ids; ``head`` the 1-based index of the phrase
    head word, ``first``/``last`` its word range; ``start_char``/``end_char`` document offsets.
    ``resolved_from`` is set when the mention is a pronoun or other reference resolved to an actor of
    the article (it then holds a description of the antecedent: ``"sentence 0: Iran (IRN)"``)."""

    text: str
    code: str
    country: str
    agent: str
    actor_id: str | None
    agent_ids: tuple[str, ...]
    head: int
    first: int
    last: int
    start_char: int
    end_char: int
    resolved_from: str | None = None

    @property
    def known(self) -> bool:
        return self.country != UNKNOWN

    def describe(self) -> str:
        entry = self.actor_id or "+".join(self.agent_ids) or "?"
        ref = f" <= {self.resolved_from}" if self.resolved_from else ""
        return f"{self.text!r} [{self.start_char}:{self.end_char}] -> {entry} -> {self.code}{ref}"


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event. ``pattern_id`` is None when the code is the verb block's base code (no pattern
    matched); ``paired`` is True for the reciprocal half of a paired code (``042:043``), ``how`` says how
    source and target were found (``subject-object``, ``passive``, ``xcomp``, ``conj``, ``compound``,
    ``transformation T1`` ...). ``negated`` is True when the verb is negated and either a pattern that
    names the negation gave the code or the set's negation table re-coded it; ``modality`` holds a modal
    auxiliary of the verb (``will``, ``may``)."""

    doc_id: str
    sentence_idx: int
    source: Mention
    target: Mention
    cameo_code: str
    verb_lemma: str
    verb_index: int
    verb_start_char: int
    verb_end_char: int
    block_id: str
    pattern_id: str | None
    paired: bool = False
    negated: bool = False
    modality: str | None = None
    how: str = "subject-object"

    def triple(self) -> tuple[str, str, str]:
        return (self.source.code, self.cameo_code, self.target.code)

    def describe(self) -> str:
        pat = self.pattern_id or f"{self.block_id} (base code)"
        return (f"{self.source.code} {self.cameo_code} {self.target.code}  via {self.verb_lemma!r} "
                f"[{self.verb_start_char}:{self.verb_end_char}] {pat}; {self.how}")

    def row(self) -> dict[str, object]:
        """The flat Parquet row (keys are :data:`EVENT_COLUMNS`)."""
        out: dict[str, object] = {"doc_id": self.doc_id, "sentence_idx": self.sentence_idx}
        for role, m in (("source", self.source), ("target", self.target)):
            out[f"{role}_text"] = m.text
            out[f"{role}_code"] = m.code
            out[f"{role}_country"] = m.country
            out[f"{role}_agent"] = m.agent
            out[f"{role}_actor_id"] = m.actor_id
            out[f"{role}_agent_ids"] = list(m.agent_ids)
            out[f"{role}_start_char"] = m.start_char
            out[f"{role}_end_char"] = m.end_char
            out[f"{role}_resolved_from"] = m.resolved_from
        out.update(cameo_code=self.cameo_code, verb_lemma=self.verb_lemma, verb_index=self.verb_index,
                   verb_start_char=self.verb_start_char, verb_end_char=self.verb_end_char,
                   block_id=self.block_id, pattern_id=self.pattern_id, paired=self.paired,
                   negated=self.negated, modality=self.modality, how=self.how)
        return out


_MENTION_COLUMNS = ("text", "code", "country", "agent", "actor_id", "agent_ids", "start_char", "end_char",
                    "resolved_from")
EVENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "sentence_idx",
    *(f"source_{c}" for c in _MENTION_COLUMNS),
    *(f"target_{c}" for c in _MENTION_COLUMNS),
    "cameo_code", "verb_lemma", "verb_index", "verb_start_char", "verb_end_char", "block_id", "pattern_id",
    "paired", "negated", "modality", "how",
)
