"""Undo the tokenizer's sentence splits inside a name or after a title, for news text.

The built-in tokenizer learned sentence splitting from web text (EWT), where many sentences end without
punctuation; in news it sometimes ends a sentence in the middle of a name ("Chinese Foreign Minister
Wang | Yi met ...") or after an abbreviation that starts a name ("the U.N. | Security Council", "Gen. |
Smith"), and the coder then loses the event. After tokenizing (and before tagging and parsing), two
neighbouring sentences of one document are joined back when nothing but spaces separates them and

* the first ends with a title abbreviation (``Gen.``, ``Dr.``, ``Sen.``): these always precede a name; or
* the first ends with a dotted initialism (``U.N.``, ``U.S.``) and the second starts with a lower-case word
  ("U.S. | officials said") or with a word that continues an institution or a title ("Security Council",
  "Secretary of State", "Army"); or
* the first ends with a capitalised word and no closing punctuation at all, and the second starts with a
  capitalised word that is not a usual sentence opener (a pronoun, determiner, conjunction, ...): the
  middle of a name.

Measured on the raw text of EWT test (web text, where sentences ending without punctuation are common):
see ``benchmarks/RESULTS.md``. Sentences separated by a line break are never joined (headlines,
datelines, lists).
"""

from __future__ import annotations

import re
from typing import Any

TITLE_ABBREVIATIONS = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "gen.", "gens.", "lt.", "col.", "maj.", "capt.", "adm.", "cmdr.", "sgt.",
    "cpl.", "pvt.", "brig.", "sen.", "sens.", "rep.", "reps.", "gov.", "govs.", "pres.", "prof.", "rev.",
    "sec.", "amb.", "supt.", "insp.", "fr.", "hon.", "st.", "mt.", "ft.",
})
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
# words that follow "U.N.", "U.S.", "E.U." inside one name or title
INSTITUTION_WORDS = frozenset({
    "security", "general", "secretary", "secretary-general", "special", "human", "president", "vice",
    "ambassador", "envoy", "army", "navy", "air", "marine", "marines", "coast", "state", "department",
    "senate", "congress", "house", "treasury", "embassy", "forces", "force", "mission", "command", "central",
    "defense", "defence", "justice", "supreme", "federal", "trade", "representative", "commission", "council",
    "high", "peacekeeping", "peacekeepers", "refugee", "attorney", "intelligence", "military", "officials",
    "troops", "soldiers", "diplomats", "delegation", "sanctions", "resolution", "charter", "agency",
    "development", "food", "world", "relief", "nuclear", "naval", "foreign", "border", "customs",
    "immigration", "homeland", "national", "joint", "chiefs", "administration", "government", "parliament",
})
# capitalised words that usually open a sentence rather than continue a name
SENTENCE_OPENERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "and", "but", "or", "so", "yet", "nor",
    "if", "when", "while", "as", "after", "before", "since", "because", "although", "though", "however",
    "meanwhile", "also", "then", "thus", "still", "in", "on", "at", "for", "from", "with", "by", "to", "of",
    "about", "under", "over", "during", "according", "last", "earlier", "later", "today", "yesterday",
    "tomorrow", "now", "some", "many", "most", "all", "both", "each", "other", "another", "no", "not",
    "what", "who", "which", "where", "why", "how", "please", "thanks", "thank", "yes", "do", "does", "did",
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must", "let",
    "dear", "hi", "hello", "regards", "best", "sincerely", "cheers", "ok", "okay", "well", "oh", "sent",
    "subject", "re", "fw", "fwd", "cc", "date", "am", "pm", "one", "two", "three",
})
CLOSING = frozenset(".!?…")


def should_join(first_tokens: list[str], second_tokens: list[str], gap: str) -> bool:
    """Whether two neighbouring sentences (their token texts, and the text between them) are one sentence."""
    if not first_tokens or not second_tokens or "\n" in gap or "\r" in gap:
        return False
    last, following = first_tokens[-1], second_tokens[0]
    if last.lower() in TITLE_ABBREVIATIONS:
        return following[:1].isupper()
    if INITIALISM.match(last):
        return (following[:1].islower() and following.isalpha()) or following.lower() in INSTITUTION_WORDS
    closed = any(token[-1:] in CLOSING for token in first_tokens[-2:])
    return (not closed and _capitalised_word(last) and _capitalised_word(following)
            and following.lower() not in SENTENCE_OPENERS)


def _capitalised_word(token: str) -> bool:
    return token[:1].isupper() and token.replace("-", "").replace("'", "").isalpha() and not token.isupper()


def join_broken_sentences(document: Any) -> Any:
    """A Stanza Document (tokenized, multi-word tokens expanded, nothing else) with broken splits joined.

    Returns the same object when nothing is joined.
    """
    sentences = document.sentences
    if len(sentences) < 2:
        return document
    groups: list[list[Any]] = [[sentences[0]]]
    for previous, sentence in zip(sentences, sentences[1:], strict=False):
        gap = document.text[previous.tokens[-1].end_char:sentence.tokens[0].start_char]
        if should_join([t.text for t in previous.tokens], [t.text for t in sentence.tokens], gap):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    if len(groups) == len(sentences):
        return document
    from stanza.models.common.doc import Document

    return Document([_joined(group) for group in groups], text=document.text)


def _joined(group: list[Any]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    offset = 0
    for sentence in group:
        for entry in sentence.to_dict():
            moved = dict(entry)
            ident = entry["id"]
            moved["id"] = tuple(i + offset for i in ident) if isinstance(ident, tuple) else ident + offset
            entries.append(moved)
        offset += len(sentence.words)
    return entries
