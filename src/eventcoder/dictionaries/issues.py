"""Expanding PETRARCH issue phrases: ``n:`` noun forms, ``v:`` verb forms, ``+`` space or hyphen."""

from __future__ import annotations

from eventcoder.dictionaries.model import IssuePhrase, Source


def _noun(word: str) -> list[str]:
    return [word, word[:-1] + "IES" if word.endswith("Y") else word + "S"]


def _verb(word: str) -> list[str]:
    if word.endswith("E"):
        return [word, word + "S", word + "D", word[:-1] + "ING"]
    return [word, word + "S", word + "ED", word + "ING"]


def expand_phrase(text: str) -> tuple[tuple[str, ...], ...]:
    """All word sequences a phrase stands for, e.g. ``pre+n:school`` -> PRE SCHOOL, PRE SCHOOLS,
    PRE-SCHOOL, PRE-SCHOOLS."""
    variants: list[list[str]] = [[]]
    for token in text.upper().split():
        options: list[list[str]] = []
        for joined in _plus_variants(token):
            # each joined option is a list of words (space variant) or a single hyphenated word
            options.append(joined)
        expanded: list[list[str]] = []
        for option in options:
            words_options: list[list[str]] = [[]]
            for w in option:
                forms = _forms(w)
                words_options = [prev + [f] for prev in words_options for f in forms]
            expanded.extend(words_options)
        variants = [v + e for v in variants for e in expanded]
    return tuple(dict.fromkeys(tuple(v) for v in variants if v))


def _plus_variants(token: str) -> list[list[str]]:
    if "+" not in token:
        return [[token]]
    parts = token.split("+")
    return [parts, ["-".join(parts)]]


def _forms(word: str) -> list[str]:
    if "-" in word and ("N:" in word or "V:" in word):
        pieces = word.split("-")
        combos: list[str] = [""]
        for k, piece in enumerate(pieces):
            combos = [c + ("-" if k else "") + f for c in combos for f in _forms(piece)]
        return combos
    if word.startswith("N:"):
        return _noun(word[2:])
    if word.startswith("V:"):
        return _verb(word[2:])
    return [word]


def expand_issue(ident: str, category: str, text: str, code: str | None, ignore: str | None,
                 source: Source) -> IssuePhrase:
    return IssuePhrase(ident, category, text, code, ignore, expand_phrase(text), source)
