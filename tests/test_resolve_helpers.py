"""Hand-built UD v2 parses for the resolve tests."""

from __future__ import annotations

from eventcoder.parse.sentence import ParsedSentence, Word


def sent(spec: str, doc_id: str = "d", index: int = 0, offset: int = 0) -> ParsedSentence:
    """Build a sentence from lines ``text upos head deprel`` (1-based heads, 0 = root), one word a line."""
    words: list[Word] = []
    pos = offset
    for i, line in enumerate(x for x in spec.strip().splitlines() if x.strip()):
        text, upos, head, deprel = line.split()
        start = pos
        pos += len(text)
        words.append(Word(i + 1, text, text.lower(), upos, "_", "_", int(head), deprel, start, pos))
        pos += 1
    text = " ".join(w.text for w in words)
    return ParsedSentence(doc_id, index, text, offset, offset + len(text), tuple(words))


def test_sent_builds_offsets_and_heads():
    s = sent("Clashes NOUN 2 nsubj\nerupted VERB 0 root", offset=10)
    assert s.text == "Clashes erupted" and (s.start_char, s.end_char) == (10, 25)
    assert [(w.index, w.head, w.start_char, w.end_char) for w in s.words] == [(1, 2, 10, 17), (2, 0, 18, 25)]
    assert s.text[s.words[1].start_char - s.start_char:s.words[1].end_char - s.start_char] == "erupted"
