"""Build a :class:`ParsedSentence` from CoNLL-U-like text: hand-made parses for tests and ``explain``.

Each non-empty line is ``ID FORM LEMMA UPOS HEAD DEPREL`` (whitespace separated, six columns) or a full
ten-column CoNLL-U line (tab separated). Lines starting ``#`` and multiword-token ranges are skipped.
Character offsets are computed by joining the forms with single spaces (``SpaceAfter=No`` honoured).
"""

from __future__ import annotations

from eventcoder.parse.sentence import ParsedSentence, Word


def sentence_from_conllu(text: str, doc_id: str = "doc", index: int = 0, offset: int = 0) -> ParsedSentence:
    rows: list[tuple[int, str, str, str, str, int, str, bool]] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t") if line.count("\t") >= 9 else line.split()
        if "-" in cols[0] or "." in cols[0]:
            continue
        if len(cols) >= 10:
            idx, form, lemma, upos, xpos, feats, head, deprel = cols[:8]
            space_after = "SpaceAfter=No" not in cols[9]
        elif len(cols) == 6:
            idx, form, lemma, upos, head, deprel = cols
            xpos, feats, space_after = "_", "_", True
        else:
            raise ValueError(f"expected 6 or 10 columns: {line!r}")
        rows.append((int(idx), form, lemma, upos, xpos, int(head), deprel, space_after, feats))  # type: ignore[arg-type]
    words: list[Word] = []
    pos = offset
    parts: list[str] = []
    for idx, form, lemma, upos, xpos, head, deprel, space_after, feats in rows:  # type: ignore[misc]
        words.append(Word(idx, form, lemma, upos, xpos, feats, head, deprel, pos, pos + len(form)))
        parts.append(form + (" " if space_after else ""))
        pos += len(form) + (1 if space_after else 0)
    sent_text = "".join(parts).rstrip()
    return ParsedSentence(doc_id, index, sent_text, offset, offset + len(sent_text), tuple(words))
