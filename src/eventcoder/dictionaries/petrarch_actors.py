"""Converting PETRARCH actor (``.actors``) and agent (``.agents``) files to YAML-ready entries.

Actors: a base line ``NAME [CODE ...]`` starts an entry, ``+NAME`` lines add synonyms, ``[CODE ...]``
lines (usually indented) add codes; a line may hold several ``[...]`` groups. Agents: ``PHRASE {PLURALS}
[~CODE]`` with ``!MACRO! = A, B`` substitution sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventcoder.dictionaries.petrarch_lines import (
    ImportLog,
    bad_words,
    make_id,
    parse_actor_code,
    phrase_words,
    read_lines,
    split_codes,
)

_ACTOR_CODE = re.compile(r"^(---|\+\+\+|[A-Z0-9]+(/[A-Z0-9]+)*)$")


@dataclass
class _Entry:
    line: int
    names: list[tuple[tuple[str, ...], bool, int]] = field(default_factory=list)
    codes: list[dict[str, Any]] = field(default_factory=list)
    comment: str = ""
    # names read off a name written with its acronym: "LIBERATION TIGERS OF TAMIL EELAM (LTTE)" (a word news
    # never writes, "(LTTE)" is three tokens) also stands as "LIBERATION TIGERS OF TAMIL EELAM" and "LTTE"
    derived: list[tuple[tuple[str, ...], str, int]] = field(default_factory=list)  # (name, acronym, line)
    code_lines: int = 0  # codes written for the entry, converted or not


# "(MILF)", "(CPN-M)": an acronym in parentheses at the end of a name, its letters the initials of the
# name's words in order (not "DIRECT ACTION (GREECE)"). The acronym of an armed group (a rebel or militant
# code) also stands alone when it has four letters or more, as news writes MILF, LTTE or PIRA (shorter ones
# are other names too often: IRA, HUM, ANA; the acronyms of companies and NGOs are often words: DAWN)
_ACRONYM = re.compile(r"^\(([A-Z][A-Z-]+)\)$")
_ACRONYM_ALONE = 4


def _acronym_of(words: tuple[str, ...]) -> str | None:
    found = _ACRONYM.match(words[-1]) if len(words) > 2 else None
    if found is None:
        return None
    initials = iter(w[0] for word in words[:-1] for w in word.split("-") if w)
    letters = found.group(1).replace("-", "")
    return found.group(1) if all(letter in initials for letter in letters) else None


_DOUBLED = re.compile(r"(?<!\d)(19|20)((?:19|20)\d{6})(?!\d)")


def _undoubled_century(body: str) -> str | None:
    """``IRQOCC 1920030320-20060520`` -> ``IRQOCC 20030320-20060520`` when that reads; else None."""
    fixed = _DOUBLED.sub(r"\2", body)
    if fixed == body:
        return None
    try:
        parse_actor_code(fixed)
    except ValueError:
        return None
    return fixed


def _add_codes(entry: _Entry, bodies: list[str], file: str, number: int, log: ImportLog) -> None:
    for body in bodies:
        entry.code_lines += 1
        try:
            spec = parse_actor_code(body)
        except ValueError as exc:
            fixed = _undoubled_century(body)
            if fixed is None:
                log.error(file, number, f"{exc}; code not converted")
                continue
            spec = parse_actor_code(fixed)
            log.warning(file, number, f"{exc}; read as [{fixed}] (the century written twice)")
        code = spec.code
        if not _ACTOR_CODE.match(code):
            if _ACTOR_CODE.match(code.upper()):
                log.warning(file, number, f"code {code!r} is not upper case; converted as {code.upper()!r}")
                code = code.upper()
            else:
                log.error(file, number, f"code {code!r} is not an actor code; not converted")
                continue
        item: dict[str, Any] = {"code": code}
        if spec.from_:
            item["from"] = spec.from_
        if spec.until:
            item["until"] = spec.until
        if item not in entry.codes:
            entry.codes.append(item)
        else:
            log.warning(file, number, f"code [{body}] repeated in the entry; kept once")


def _add_name(entry: _Entry, text: str, file: str, number: int, log: ImportLog) -> None:
    parts = [text]
    if "+" in text:
        parts = [p for p in text.split("+") if p.strip("_ ")]
        log.warning(file, number, f"'+' inside name {text!r}: read as {len(parts)} names")
    for part in parts:
        words, plural = phrase_words(part)
        if not words:
            log.error(file, number, f"empty name {text!r}; not converted")
            continue
        bad = bad_words(words)
        if bad:
            log.warning(file, number, f"name {part!r} has unusual characters in {bad}; kept as written")
        entry.names.append((words, plural, number))
        acronym = _acronym_of(words)
        if acronym:
            entry.derived.append((words[:-1], acronym, number))


def read_actor_file(path: Path, log: ImportLog) -> list[_Entry]:
    file = path.name
    entries: list[_Entry] = []
    current: _Entry | None = None
    for raw in read_lines(path, log):
        text = raw.text
        if text.startswith("["):
            if current is None:
                log.error(file, raw.number, "code line before any actor; not converted")
                continue
            _, bodies = split_codes(text)
            _add_codes(current, bodies, file, raw.number, log)
            continue
        if text.startswith("+"):
            if current is None:
                log.error(file, raw.number, "synonym line before any actor; not converted")
                continue
            name, bodies = split_codes(text[1:])
            _add_name(current, name, file, raw.number, log)
            _add_codes(current, bodies, file, raw.number, log)
            continue
        name, bodies = split_codes(text)
        if current is not None and not current.code_lines and current.names:
            # consecutive base lines: PETRARCH-2 gives the earlier ones no code at all; they are evidently
            # synonyms missing their '+', so they join the entry whose codes follow
            log.warning(file, current.line, f"actor {' '.join(current.names[0][0])!r} has no code before the "
                        f"next actor at line {raw.number}; read as a synonym of it")
            _add_name(current, name, file, raw.number, log)
            # the later line becomes the primary name (it is where the codes follow)
            current.names.insert(0, current.names.pop())
            current.line = raw.number
            current.comment = current.comment or raw.comment
            _add_codes(current, bodies, file, raw.number, log)
            continue
        current = _Entry(raw.number, comment=raw.comment)
        entries.append(current)
        _add_name(current, name, file, raw.number, log)
        _add_codes(current, bodies, file, raw.number, log)
    return entries


def convert_actor_files(paths: list[Path], log: ImportLog) -> dict[str, list[dict[str, Any]]]:
    """Each file's entries as YAML-ready dicts. PETRARCH-2 keeps the *last* definition of a name (a later
    entry overwrites the earlier one in its name tree), so a name defined again is removed from the earlier
    entry, and reported; an entry left with no names or no codes is reported and not converted."""
    per_file = {p.name: read_actor_file(p, log) for p in paths}
    owner: dict[tuple[str, ...], tuple[str, _Entry, int]] = {}
    dropped: set[tuple[int, int]] = set()  # (id(entry), name index)
    for file, entries in per_file.items():
        for entry in entries:
            for k, (words, _, number) in enumerate(entry.names):
                previous = owner.get(words)
                if previous is not None:
                    pfile, pentry, pk = previous
                    if pentry is entry:
                        log.warning(file, number, f"name {' '.join(words)!r} repeated in the entry; kept once")
                        dropped.add((id(entry), k))
                        continue
                    if sorted(map(str, pentry.codes)) == sorted(map(str, entry.codes)):
                        log.warning(file, number, f"name {' '.join(words)!r} is already defined with the same "
                                    f"codes at {pfile}:{pentry.names[pk][2]}; this repetition is dropped")
                        dropped.add((id(entry), k))
                        continue
                    log.warning(pfile, pentry.names[pk][2],
                                f"name {' '.join(words)!r} is defined again at {file}:{number} with other codes "
                                f"({_codes_text(pentry)} here, {_codes_text(entry)} there); PETRARCH-2 uses the "
                                "later one, so it is dropped here")
                    dropped.add((id(pentry), pk))
                owner[words] = (file, entry, k)
    derived = _derived_names(per_file, set(owner), log)
    taken: dict[str, int] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for file, entries in per_file.items():
        rows = out.setdefault(file, [])
        for entry in entries:
            names = [n for k, n in enumerate(entry.names) if (id(entry), k) not in dropped]
            if not entry.names:
                continue
            primary = entry.names[0][0]
            if not names:
                log.warning(file, entry.line, f"actor {' '.join(primary)!r}: all its names are defined elsewhere "
                            "(see above); entry not converted")
                continue
            if not entry.codes:
                log.error(file, entry.line, f"actor {' '.join(primary)!r} has no code; not converted")
                continue
            row: dict[str, Any] = {
                "id": make_id(primary, taken),
                "source": f"{file}:{entry.line}",
                "names": [" ".join(words) for words, plural, _ in names if plural],
                "exact_names": [" ".join(words) for words, plural, _ in names if not plural]
                + derived.get(id(entry), []),
                "codes": _merge_ranges(entry, file, log),
            }
            if entry.comment:
                row["comment"] = entry.comment
            rows.append(row)
    return out


def _derived_names(per_file: dict[str, list[_Entry]], written: set[tuple[str, ...]],
                   log: ImportLog) -> dict[int, list[str]]:
    """The names read off acronyms (``_Entry.derived``) that no entry writes out (``written``; a name another
    entry writes takes its acronym with it) and no entry with other codes derives too (both are then left
    out: "(MCC)" names two groups), by ``id(entry)``."""
    claims: dict[tuple[str, ...], list[tuple[str, _Entry, int]]] = {}
    for file, entries in per_file.items():
        for entry in entries:
            armed = all("REB" in c["code"] or c["code"].startswith("IMG") for c in entry.codes)
            for name, acronym, number in entry.derived:
                if name in written:
                    continue
                alone = armed and len(acronym.replace("-", "")) >= _ACRONYM_ALONE and (acronym,) not in written
                for words in [name, *([(acronym,)] if alone else [])]:
                    if all(e is not entry for _, e, _ in claims.get(words, [])):
                        claims.setdefault(words, []).append((file, entry, number))
    out: dict[int, list[str]] = {}
    for words, owners in claims.items():
        if len({_codes_text(e) for _, e, _ in owners}) > 1:
            where = ", ".join(f"{f}:{n}" for f, _, n in owners)
            log.warning(owners[0][0], owners[0][2], f"name {' '.join(words)!r} read off the acronyms of several "
                        f"actors ({where}); left out")
            continue
        out.setdefault(id(owners[-1][1]), []).append(" ".join(words))  # the later one, as PETRARCH-2
    return out


def _merge_ranges(entry: _Entry, file: str, log: ImportLog) -> list[dict[str, Any]]:
    """Overlapping or adjacent date ranges of the same code become one range (reported): the same days are
    covered, and two ranges of one code are not left to disagree."""
    out: list[dict[str, Any]] = [c for c in entry.codes if "from" not in c and "until" not in c]
    by_code: dict[str, list[tuple[date, date]]] = {}
    for c in entry.codes:
        if "from" in c or "until" in c:
            by_code.setdefault(c["code"], []).append((c.get("from") or date.min, c.get("until") or date.max))
    for code, ranges in by_code.items():
        ranges.sort()
        merged = [list(ranges[0])]
        for lo, hi in ranges[1:]:
            if lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        if len(merged) < len(ranges):
            log.warning(file, entry.line, f"actor {' '.join(entry.names[0][0])!r}: overlapping ranges of {code} "
                        "merged into one")
        for lo, hi in merged:
            item: dict[str, Any] = {"code": code}
            if lo != date.min:
                item["from"] = lo
            if hi != date.max:
                item["until"] = hi
            out.append(item)
    order = {c["code"]: k for k, c in reversed(list(enumerate(entry.codes)))}
    return sorted(out, key=lambda c: (order[c["code"]], c.get("from") or date.min))


def _codes_text(entry: _Entry) -> str:
    return " ".join(c["code"] for c in entry.codes) or "(none)"


# ---------------------------------------------------------------- agents

_MACRO_DEF = re.compile(r"^!([A-Z0-9_]+)!\s*=\s*(.+)$", re.IGNORECASE)
_MACRO_USE = re.compile(r"!([A-Z0-9_]+)!", re.IGNORECASE)
_AGENT_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")


def convert_agent_file(path: Path, log: ImportLog) -> list[dict[str, Any]]:
    """Agents as YAML-ready dicts. A ``{...}`` after the phrase gives its plural(s) (``{}``: none);
    without it the regular plural is generated when the dictionaries are compiled. ``!PERSON!`` macros are
    expanded into one name per member, with no plural formed (as PETRARCH-2 does)."""
    file = path.name
    macros: dict[str, list[str]] = {}
    rows: list[dict[str, Any]] = []
    taken: dict[str, int] = {}
    seen: dict[tuple[str, ...], int] = {}
    for raw in read_lines(path, log):
        text = raw.text
        m = _MACRO_DEF.match(text)
        if m:
            macros[m[1].upper()] = [x.strip().upper() for x in m[2].split(",") if x.strip()]
            continue
        phrase, bodies = split_codes(text)
        if not bodies:
            log.error(file, raw.number, f"agent {text!r} has no [code]; not converted")
            continue
        if len(bodies) > 1:
            log.warning(file, raw.number, f"several codes {bodies}; the first is used")
        code_text = bodies[0].strip().upper()
        if not _AGENT_CODE.match(code_text):
            log.error(file, raw.number, f"agent code [{bodies[0]}] is not ~CODE or CODE~; not converted")
            continue
        attach = "suffix" if code_text.startswith("~") else "prefix"
        plurals: list[str] | None = None
        if "{" in phrase:
            if "}" not in phrase:
                log.error(file, raw.number, "missing '}'; not converted")
                continue
            inner = phrase[phrase.find("{") + 1:phrase.find("}")]
            plurals = [" ".join(phrase_words(p)[0]) for p in inner.split() if p.strip("_")]
            phrase = phrase[:phrase.find("{")]
        phrases = [phrase]
        use = _MACRO_USE.search(phrase)
        if use:
            members = macros.get(use[1].upper())
            if members is None:
                log.error(file, raw.number, f"macro !{use[1]}! is not defined; not converted")
                continue
            phrases = [phrase[:use.start()] + member + phrase[use.end():] for member in members]
            plurals = []
        names = []
        for p in phrases:
            words, _ = phrase_words(p)
            if not words:
                continue
            if words in seen:
                log.warning(file, raw.number, f"agent {' '.join(words)!r} already defined at line {seen[words]}; "
                            "PETRARCH-2 uses the later one")
            seen[words] = raw.number
            names.append(" ".join(words))
        if not names:
            log.error(file, raw.number, "empty agent phrase; not converted")
            continue
        row: dict[str, Any] = {"id": make_id(tuple(names[0].split()), taken), "source": f"{file}:{raw.number}",
                               "names": names, "code": code_text.strip("~"), "attach": attach}
        if plurals is not None:
            row["plurals"] = plurals
        if raw.comment:
            row["comment"] = raw.comment
        rows.append(row)
    # the earlier of two definitions of a phrase never applies: drop it from its entry
    last = {}
    for row in rows:
        for name in row["names"]:
            last[name] = row["id"]
    kept = []
    for row in rows:
        row["names"] = [n for n in row["names"] if last[n] == row["id"]]
        if row["names"]:
            kept.append(row)
    return kept
