"""Converting PETRARCH discard and issue files, and the CAMEO/PLOVER lookup tables, to YAML-ready data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from eventcoder.dictionaries.petrarch_lines import ImportLog, read_lines

# ---------------------------------------------------------------- discards


def convert_discard_file(path: Path, log: ImportLog) -> list[dict[str, Any]]:
    """``PHRASE`` discards the sentence, ``+PHRASE`` the story; a trailing ``_`` means the last word must
    end there (otherwise it is a stem). Matching is case-insensitive."""
    file = path.name
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    for raw in read_lines(path, log):
        text = raw.text
        level = "sentence"
        if text.startswith("+"):
            level, text = "story", text[1:]
        exact = text.rstrip().endswith("_")
        words = [w.upper() for w in re.split(r"[\s]+", text.strip().rstrip("_")) if w]
        if not words:
            log.error(file, raw.number, "empty discard phrase; not converted")
            continue
        phrase = " ".join(words)
        key = (phrase, level)
        if key in seen:
            log.warning(file, raw.number, f"discard {phrase!r} repeats line {seen[key]}; kept once")
            continue
        seen[key] = raw.number
        row: dict[str, Any] = {"text": phrase, "level": level, "source": f"{file}:{raw.number}"}
        if exact:
            row["exact"] = True
        rows.append(row)
    return rows


# ---------------------------------------------------------------- issues

_CATEGORY = re.compile(r'^<ISSUE\s+CATEGORY="([^"]*)"(?:\s+TYPE="([^"]*)")?\s*>$', re.IGNORECASE)


def convert_issue_file(path: Path, log: ImportLog) -> list[dict[str, Any]]:
    """Categories ``<ISSUE CATEGORY="..." TYPE="...">`` ... ``</ISSUE>`` holding ``phrase [CODE]`` lines and
    ``~phrase`` / ``~~phrase`` exclusions (sentence / story). Phrase syntax is kept as written: ``n:`` noun
    forms, ``v:`` verb forms, ``+`` space-or-hyphen; the compiler expands it."""
    file = path.name
    categories: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for raw in read_lines(path, log):
        text = raw.text
        m = _CATEGORY.match(text)
        if m:
            current = {"category": m[1], "source": f"{file}:{raw.number}", "phrases": [], "seen": {}}
            if m[2]:
                current["type"] = m[2]
            categories.append(current)
            continue
        if text.upper().startswith("</ISSUE"):
            current = None
            continue
        if current is None:
            log.error(file, raw.number, f"issue line outside <ISSUE>: {text!r}; not converted")
            continue
        row: dict[str, Any] = {"source": f"{file}:{raw.number}"}
        if text.startswith("~~"):
            row.update(text=text[2:].strip().lower(), ignore="story")
        elif text.startswith("~"):
            row.update(text=text[1:].strip().lower(), ignore="sentence")
        else:
            if "[" not in text or "]" not in text:
                log.error(file, raw.number, f"issue phrase {text!r} has no [CODE]; not converted")
                continue
            code = text[text.find("[") + 1:text.find("]")].strip()
            phrase = text[:text.find("[")].strip().lower()
            if not code or not phrase:
                log.error(file, raw.number, f"cannot read issue line {text!r}; not converted")
                continue
            row.update(text=phrase, code=code)
        key = (row["text"], row.get("code"), row.get("ignore"))
        if key in current["seen"]:
            log.warning(file, raw.number, f"issue phrase {row['text']!r} repeats line {current['seen'][key]} of "
                        "its category; kept once")
            continue
        current["seen"][key] = raw.number
        current["phrases"].append(row)
    return categories


# ---------------------------------------------------------------- codebook

QUAD_CLASS = {  # GDELT 1.0/2.0 convention, by CAMEO root code
    **{f"{r:02d}": 1 for r in range(1, 6)},  # verbal cooperation
    **{f"{r:02d}": 2 for r in range(6, 10)},  # material cooperation
    **{f"{r:02d}": 3 for r in range(10, 15)},  # verbal conflict
    **{f"{r:02d}": 4 for r in range(15, 21)},  # material conflict
}


def _table(path: Path, log: ImportLog) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    text = path.read_bytes().decode("latin-1")
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1 or not line.strip():
            continue
        code, _, value = line.partition("\t")
        out[code.strip()] = (value.strip(), number)
    return out


def convert_codebook(eventcodes: Path, goldstein: Path, plover: Path | None, log: ImportLog) -> list[dict[str, Any]]:
    """Every CAMEO code with its name (GDELT ``CAMEO.eventcodes.txt``), Goldstein value (GDELT
    ``CAMEO.goldsteinscale.txt``), QuadClass (GDELT convention, from the root) and PLOVER event/mode/context
    (``CAMEO2PLOVER-2021.txt``); each row says where each value came from."""
    names = _table(eventcodes, log)
    scores = _table(goldstein, log)
    mapping: dict[str, tuple[str | None, str | None, str | None, int]] = {}
    if plover is not None:
        for number, line in enumerate(plover.read_text(encoding="utf-8").splitlines(), start=1):
            body = line.split("#", 1)[0].strip()
            if not body or ":" not in body:
                continue
            code, _, rest = body.partition(":")
            fields = [f.strip() or None for f in rest.split(",")] + [None, None, None]
            mapping[code.strip()] = (fields[0], fields[1], fields[2], number)
    rows = []
    for code, (event, _mode, _context, pline) in mapping.items():
        if code not in names and re.fullmatch(r"\d{2,4}", code):
            comment = plover.read_text(encoding="utf-8").splitlines()[pline - 1].partition("#")[2].strip() \
                if plover else ""
            names[code] = (comment or f"PLOVER {event}", 0)
    for code, (name, number) in names.items():
        if any(0x80 <= ord(ch) <= 0xFF for ch in name):
            fixed = re.sub(r"[\x80-\xff]+", " ", name).replace("  ", " ")
            log.warning(eventcodes.name, number, f"name {name!r} has stray latin-1 bytes; converted as {fixed!r}")
            name = fixed
        row: dict[str, Any] = {"code": code, "name": name, "root": code[:2]}
        sources = [f"name: {eventcodes.name}:{number}" if number else
                   f"name: {plover.name if plover else ''} comment (code not in {eventcodes.name})"]
        score = scores.get(code)
        if score is None:
            log.warning(goldstein.name, 0, f"no Goldstein value for {code}")
        else:
            row["goldstein"] = float(score[0])
            sources.append(f"goldstein: {goldstein.name}:{score[1]}")
        row["quad_class"] = QUAD_CLASS.get(code[:2])
        sources.append("quad_class: GDELT convention by root code")
        if code in mapping:
            event, mode, context, pline = mapping[code]
            row.update({k: v for k, v in (("plover_event", event), ("plover_mode", mode),
                                          ("plover_context", context)) if v})
            sources.append(f"plover: {plover.name if plover else ''}:{pline}")
        row["from"] = "; ".join(sources)
        rows.append(row)
    return rows
