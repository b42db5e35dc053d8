"""The PETRARCH-2 verb-pattern language, parsed into data.

A pattern is ``PRE * POST``: ``*`` is the verb; elements are noun heads (``AID``, ``_``-joined words are
consecutive), synsets (``&CURRENCY``), noun phrases ``{MODIFIER... HEAD}``, prepositional phrases
``(PREP OBJECT...)`` and markers ``$`` (source), ``+`` (target), ``^`` (skip), ``%`` (compound) and ``|``.
Codes are ``[CODE]``, ``[CODE:PAIRED]``, ``[:PAIRED]``, ``[---]`` (null: no event) or ``[###]`` (discard).
"""

from __future__ import annotations

import re

from eventcoder.dictionaries.model import (
    MARKERS,
    Element,
    Marker,
    NounPhrase,
    PrepPhrase,
    SynsetRef,
    Transformation,
    Word,
)
from eventcoder.dictionaries.model import Source as Src


class PatternError(ValueError):
    pass


_TOKEN = re.compile(r"[{}()]|[^\s{}()]+")
_WORD = re.compile(r"^[A-Z0-9][A-Z0-9'.\-_/]*$|^[.'][A-Z0-9'.\-_/]*$")
_SYNSET = re.compile(r"^&[A-Z0-9_\-]+$")
CODE_RE = re.compile(r"^(---|###|\d{2,4}[A-Z]?)$")


def _atom(token: str) -> Word | SynsetRef | Marker:
    if token in MARKERS:
        return Marker(MARKERS[token])
    if token.startswith("&"):
        if not _SYNSET.match(token):
            raise PatternError(f"bad synset name {token!r}")
        return SynsetRef(token)
    if token == "*":
        raise PatternError("'*' (the verb) inside a phrase")
    if not _WORD.match(token):
        raise PatternError(f"unexpected {token!r}")
    words = tuple(w for w in token.split("_") if w)
    if not words:
        raise PatternError(f"empty word {token!r}")
    return Word(words)


def _noun_phrase(tokens: list[str], i: int) -> tuple[NounPhrase, int]:
    parts: list[Word | SynsetRef] = []
    i += 1
    while i < len(tokens) and tokens[i] != "}":
        if tokens[i] in "{()":
            raise PatternError(f"{tokens[i]!r} inside a {{noun phrase}}")
        atom = _atom(tokens[i])
        if isinstance(atom, Marker):
            raise PatternError(f"marker {tokens[i]!r} inside a {{noun phrase}}")
        parts.append(atom)
        i += 1
    if i >= len(tokens):
        raise PatternError("'{' is not closed")
    if not parts:
        raise PatternError("empty {}")
    return NounPhrase(tuple(parts[:-1]), parts[-1]), i + 1


def _prep_phrase(tokens: list[str], i: int) -> tuple[PrepPhrase, int]:
    i += 1
    if i >= len(tokens) or tokens[i] in "{}()":
        raise PatternError("'(' must be followed by a preposition")
    prep = tokens[i]
    if not (_WORD.match(prep) or _SYNSET.match(prep)):
        raise PatternError(f"bad preposition {prep!r}")
    i += 1
    objects: list[Element] = []
    while i < len(tokens) and tokens[i] != ")":
        tok = tokens[i]
        if tok == "{":
            np, i = _noun_phrase(tokens, i)
            objects.append(np)
            continue
        if tok in "(}":
            raise PatternError(f"{tok!r} inside a (prepositional phrase)")
        objects.append(_atom(tok))
        i += 1
    if i >= len(tokens):
        raise PatternError("'(' is not closed")
    return PrepPhrase(prep, tuple(objects)), i + 1


def _sequence(tokens: list[str]) -> tuple[Element, ...]:
    out: list[Element] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "{":
            np, i = _noun_phrase(tokens, i)
            out.append(np)
        elif tok == "(":
            pp, i = _prep_phrase(tokens, i)
            out.append(pp)
        elif tok in "})":
            raise PatternError(f"unmatched {tok!r}")
        else:
            out.append(_atom(tok))
            i += 1
    return tuple(out)


def parse_pattern(text: str) -> tuple[tuple[Element, ...], tuple[Element, ...]]:
    """``"&MILITARY * (TO BORDER)"`` -> (pre elements, post elements)."""
    tokens = _TOKEN.findall(text.upper())
    stars = [k for k, t in enumerate(tokens) if t == "*"]
    if len(stars) != 1:
        raise PatternError("a pattern needs exactly one '*' (the verb)" if not stars else "more than one '*'")
    star = stars[0]
    return _sequence(tokens[:star]), _sequence(tokens[star + 1:])


def parse_code(text: str) -> tuple[str, str | None]:
    """``"042:043"`` -> ("042", "043"); ``":173"`` -> ("", "173"); ``"---"`` -> ("---", None)."""
    main, sep, paired = text.strip().partition(":")
    main, paired = main.strip(), paired.strip()
    if main and not CODE_RE.match(main):
        raise PatternError(f"bad code {text!r}")
    if sep:
        if not paired or not CODE_RE.match(paired):
            raise PatternError(f"bad paired code {text!r}")
        return main, paired
    if not main:
        raise PatternError("empty code")
    return main, None


_TRANSFORM = re.compile(
    r"^\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s*$")


def parse_transformation(text: str, tid: str, source: Src) -> Transformation:
    """``"a (a b ATTACK) SAY = a b 015"``."""
    m = _TRANSFORM.match(text.upper().replace("~", " ", 1) if text.lstrip().startswith("~") else text.upper())
    if not m:
        raise PatternError("transformation must read 'x (x y VERB) VERB = x y CODE'")
    g = [s.lower() if len(s) == 1 and s.isalpha() and s != "Q" else s for s in m.groups()]
    code = g[7]
    if code != "Q" and not CODE_RE.match(code):
        raise PatternError(f"bad result code {code!r}")
    return Transformation(tid, g[0], g[1], g[2], g[3], g[4], g[5], g[6], code, text.strip(), source)
