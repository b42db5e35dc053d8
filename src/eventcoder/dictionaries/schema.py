"""Checking one dictionary YAML document against the format and turning it into records.

Each ``read_*`` function takes a parsed document (``YMap``) and its display name, appends every schema
problem it finds (``file:line: message``) and returns the records it could build. Codes must be YAML
strings: an unquoted ``0231`` (YAML 1.1: the octal integer 153) or ``NO`` (``False``) is an error that
quotes what was written.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, NamedTuple

from eventcoder.dictionaries.model import (
    Actor,
    Agent,
    CodebookEntry,
    DatedCode,
    Discard,
    Name,
    Pattern,
    Source,
    Synset,
    Transformation,
    VerbBlock,
    VerbForm,
)
from eventcoder.dictionaries.patterns import PatternError, parse_code, parse_pattern, parse_transformation
from eventcoder.dictionaries.problems import Problem
from eventcoder.dictionaries.yamlio import YList, YMap

KINDS = ("set", "actors", "agents", "verbs", "discards", "issues", "codebook")
_ACTOR_CODE = re.compile(r"^(---|\+\+\+|[A-Z0-9]+(/[A-Z0-9]+)*)$")
_AGENT_CODE = re.compile(r"^[A-Z0-9]+$")


class Doc:
    """A document being read: its display name and the problems found so far."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def src(self, line: int) -> Source:
        return Source(self.file, line)

    # -- typed field access ------------------------------------------------------------------------

    def _not_string(self, where: YMap | YList, key: Any, what: str) -> None:
        raw = where.raw.get(key)
        value = where[key]
        line = where.line_of(key) if isinstance(where, YMap) else where.lines[key]
        if raw is not None:
            self.error(line, f"{what} {raw} must be a quoted string: YAML reads the unquoted {raw} as "
                             f"{type(value).__name__} {value!r}; write \"{raw}\"")
        else:
            self.error(line, f"{what} must be a string, not {type(value).__name__}")

    def string(self, m: YMap, key: str, what: str, required: bool = True) -> str | None:
        if key not in m or m[key] is None:
            if required:
                self.error(m.line, f"missing {key!r}")
            return None
        if not isinstance(m[key], str):
            self._not_string(m, key, what)
            return None
        return m[key]

    def strings(self, m: YMap, key: str, what: str, required: bool = True) -> list[str] | None:
        if key not in m:
            if required:
                self.error(m.line, f"missing {key!r}")
            return None
        value = m[key]
        if not isinstance(value, YList):
            self.error(m.line_of(key), f"{key!r} must be a list")
            return None
        out = []
        for k, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                self._not_string(value, k, what)
        return out

    def items(self, m: YMap, key: str, required: bool = False) -> list[YMap]:
        if key not in m or m[key] is None:
            if required:
                self.error(m.line, f"missing {key!r}")
            return []
        value = m[key]
        if not isinstance(value, YList):
            self.error(m.line_of(key), f"{key!r} must be a list")
            return []
        out = []
        for k, item in enumerate(value):
            if isinstance(item, YMap):
                out.append(item)
            else:
                self.error(value.lines[k], f"each item of {key!r} must be a mapping")
        return out

    def known_keys(self, m: YMap, allowed: set[str]) -> None:
        for key in m:
            if key not in allowed:
                self.error(m.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")

    def flag(self, m: YMap, key: str, default: bool) -> bool:
        if key not in m:
            return default
        if not isinstance(m[key], bool):
            self.error(m.line_of(key), f"{key!r} must be true or false")
            return default
        return bool(m[key])

    def day(self, m: YMap, key: str) -> date | None:
        if key not in m or m[key] is None:
            return None
        value = m[key]
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.error(m.line_of(key), f"{key!r} must be a date YYYY-MM-DD, not {value!r}")
        return None

    def name(self, value: Any, line: int, what: str) -> Name | None:
        if isinstance(value, str):
            words = tuple(value.upper().split())
            plural = True
        elif isinstance(value, YMap):
            self.known_keys(value, {"text", "plural"})
            text = self.string(value, "text", f"{what} text")
            if text is None:
                return None
            words = tuple(text.upper().split())
            plural = self.flag(value, "plural", True)
        else:
            self.error(line, f"{what} must be a string or {{text: ..., plural: false}}")
            return None
        if not words:
            self.error(line, f"empty {what}")
            return None
        return Name(words, plural)

    def names(self, m: YMap, key: str, what: str, required: bool = True) -> tuple[Name, ...]:
        if key not in m:
            if required:
                self.error(m.line, f"missing {key!r}")
            return ()
        value = m[key]
        if not isinstance(value, YList) or (required and not value):
            self.error(m.line_of(key), f"{key!r} must be a non-empty list")
            return ()
        out = []
        for k, item in enumerate(value):
            if not isinstance(item, str | YMap):
                self._not_string(value, k, what)
                continue
            n = self.name(item, value.lines[k], what)
            if n is not None:
                out.append(n)
        return tuple(out)


class Records(NamedTuple):
    """Everything one document defines, by kind; ids are checked unique within the document."""

    kind: str
    items: list[Any]
    manifest: dict[str, Any]


def read_document(data: Any, file: str, problems: list[Problem]) -> Records | None:
    doc = Doc(file, problems)
    if not isinstance(data, YMap):
        doc.error(1, "a dictionary file must be a mapping with a 'kind' key")
        return None
    kind = doc.string(data, "kind", "kind")
    if kind not in KINDS:
        if kind is not None:
            doc.error(data.line_of("kind"), f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        return None
    version = data.get("version", 1)
    if version != 1:
        doc.error(data.line_of("version"), f"unsupported version {version!r} (this eventcoder reads version 1)")
        return None
    reader = {"set": _read_set, "actors": _read_actors, "agents": _read_agents, "verbs": _read_verbs,
              "discards": _read_discards, "issues": _read_issues, "codebook": _read_codebook}[kind]
    records = reader(doc, data)
    _check_unique_ids(doc, records)
    return records


def _check_unique_ids(doc: Doc, records: Records) -> None:
    seen: dict[tuple[str, str], int] = {}
    for item in records.items:
        ident = getattr(item, "id", None) or getattr(item, "code", None)
        if ident is None:
            continue
        key = (type(item).__name__, ident)
        if key in seen:
            doc.error(item.source.line, f"{type(item).__name__.lower()} id {ident!r} is already used at line "
                                        f"{seen[key]} of this file")
        else:
            seen[key] = item.source.line


def _read_set(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "name", "extends", "description", "intent", "negation"})
    extends = data.get("extends", "builtin")
    if extends not in ("builtin", "none"):
        doc.error(data.line_of("extends"), "'extends' must be builtin or none")
        extends = "builtin"
    manifest = {"name": data.get("name", ""), "extends": extends, "description": data.get("description", "")}
    if "intent" in data:
        manifest["intent"] = doc.flag(data, "intent", False)
    if "negation" in data:
        manifest["negation"] = _negation_table(doc, data)
    return Records("set", [], manifest)


def _negation_table(doc: Doc, data: YMap) -> dict[str, str]:
    """``negation: [{code: "010", negated: "011"}, ...]``: what a negated verb's code becomes."""
    table: dict[str, str] = {}
    for m in doc.items(data, "negation"):
        doc.known_keys(m, {"code", "negated", "comment"})
        code, negated = doc.string(m, "code", "code"), doc.string(m, "negated", "code")
        if code is None or negated is None:
            continue
        for c, key in ((code, "code"), (negated, "negated")):
            if not re.fullmatch(r"\d{2,4}", c):
                doc.error(m.line_of(key), f"negation {key} {c!r} must be a CAMEO code of 2-4 digits")
        if code in table:
            doc.error(m.line_of("code"), f"negation code {code!r} is listed twice")
        table[code] = negated
    return table


def _dated_code(doc: Doc, m: YMap) -> DatedCode | None:
    doc.known_keys(m, {"code", "from", "until", "comment"})
    code = doc.string(m, "code", "code")
    if code is None:
        return None
    if not _ACTOR_CODE.match(code):
        doc.error(m.line_of("code"), f"actor code {code!r} must be upper-case letters/digits (or --- for none)")
    lo, hi = doc.day(m, "from"), doc.day(m, "until")
    return DatedCode(code, lo, hi)


def _read_actors(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "entries"})
    out = []
    for m in doc.items(data, "entries", required=True):
        doc.known_keys(m, {"id", "names", "exact_names", "codes", "origin", "comment"})
        ident = doc.string(m, "id", "id")
        names = doc.names(m, "names", "name", required=False) + tuple(
            Name(n.words, False) for n in doc.names(m, "exact_names", "name", required=False))
        if not names:
            doc.error(m.line, "an actor needs 'names' or 'exact_names'")
        codes = [c for c in (_dated_code(doc, c) for c in doc.items(m, "codes", required=True)) if c]
        if "codes" in m and not m["codes"]:
            doc.error(m.line_of("codes"), "an actor needs at least one code")
        if ident is None or not names or not codes:
            continue
        out.append(Actor(ident, names, tuple(codes), doc.src(m.line), str(m.get("comment") or ""),
                         str(m.get("origin") or "")))
    return Records("actors", out, {})


def regular_plural(words: tuple[str, ...]) -> tuple[str, ...]:
    """PETRARCH-2's agent/synset plural of the last word: -Y -> -IES, -S -> -SES, else -S."""
    last = words[-1]
    if last.endswith("Y"):
        plural = last[:-1] + "IES"
    elif last.endswith("S"):
        plural = last + "ES"
    else:
        plural = last + "S"
    return (*words[:-1], plural)


def _read_agents(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "entries"})
    out = []
    for m in doc.items(data, "entries", required=True):
        doc.known_keys(m, {"id", "names", "plurals", "code", "attach", "origin", "comment"})
        ident = doc.string(m, "id", "id")
        names = doc.names(m, "names", "name")
        code = doc.string(m, "code", "agent code")
        attach = m.get("attach", "suffix")
        if attach not in ("suffix", "prefix"):
            doc.error(m.line_of("attach"), "'attach' must be suffix (PETRARCH [~GOV]) or prefix ([NGO~])")
        if code and not _AGENT_CODE.match(code):  # "": the agent adds nothing (a spokesman is his owner's)
            doc.error(m.line_of("code"), f"agent code {code!r} must be upper-case letters/digits without '~'")
        if "plurals" in m:
            # the plurals are given (``[]``: none, PETRARCH's ``POLICE {}``): the names match as written, not
            # by lemma ("polices" is not POLICE)
            plurals = doc.names(m, "plurals", "plural", required=False)
            names = tuple(Name(n.words, False) for n in names)
        else:
            plurals = tuple(Name(regular_plural(n.words), False) for n in names)
        if ident is None or not names or code is None:
            continue
        all_names = names + tuple(Name(p.words, False) for p in plurals if p.words not in {n.words for n in names})
        out.append(Agent(ident, all_names, code, attach, doc.src(m.line), str(m.get("comment") or ""), len(names)))
    return Records("agents", out, {})


def _code_field(doc: Doc, m: YMap, key: str, required: bool = True) -> tuple[str, str | None] | None:
    text = doc.string(m, key, "code", required)
    if text is None:
        return None
    try:
        return parse_code(text)
    except PatternError as exc:
        doc.error(m.line_of(key), str(exc))
        return None


def _read_verbs(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "synsets", "blocks", "transformations"})
    out: list[Any] = []
    for m in doc.items(data, "synsets"):
        doc.known_keys(m, {"id", "members", "plural", "origin", "comment"})
        ident = doc.string(m, "id", "synset id")
        if ident is not None and not ident.startswith("&"):
            doc.error(m.line_of("id"), f"synset id {ident!r} must start with '&'")
            continue
        members = doc.names(m, "members", "member")
        if not doc.flag(m, "plural", True):
            members = tuple(Name(n.words, False) for n in members)
        if ident is not None and members:
            out.append(Synset(ident.upper(), members, doc.src(m.line)))
    for m in doc.items(data, "blocks"):
        block = _read_block(doc, m)
        if block is not None:
            out.append(block)
    for m in doc.items(data, "transformations"):
        doc.known_keys(m, {"id", "rule", "origin", "comment"})
        ident, rule = doc.string(m, "id", "id"), doc.string(m, "rule", "rule")
        if ident is None or rule is None:
            continue
        try:
            out.append(parse_transformation(rule, ident, doc.src(m.line)))
        except PatternError as exc:
            doc.error(m.line_of("rule"), str(exc))
    return Records("verbs", out, {})


def _read_block(doc: Doc, m: YMap) -> VerbBlock | None:
    doc.known_keys(m, {"id", "code", "extend", "verbs", "patterns", "origin", "comment"})
    ident = doc.string(m, "id", "block id")
    extend = doc.flag(m, "extend", False)
    if extend and "code" in m:
        doc.error(m.line_of("code"), f"block {ident!r} extends another block: its code is that block's")
    code = ("", None) if extend else _code_field(doc, m, "code")
    verbs = []
    for v in doc.items(m, "verbs"):
        doc.known_keys(v, {"lemma", "before", "after", "forms", "code", "origin", "comment"})
        lemma = doc.string(v, "lemma", "lemma")
        before = doc.strings(v, "before", "word", required=False) or []
        after = doc.strings(v, "after", "word", required=False) or []
        forms = doc.strings(v, "forms", "form", required=False)
        vcode = _code_field(doc, v, "code", required=False) if "code" in v else None
        if lemma is None:
            continue
        lemma = lemma.upper()
        forms_t = tuple(f.upper() for f in forms) if forms is not None else regular_verb_forms(lemma)
        code_text = None if vcode is None else (vcode[0] if vcode[1] is None else f"{vcode[0]}:{vcode[1]}")
        verbs.append(VerbForm(lemma, tuple(w.upper() for w in before), tuple(w.upper() for w in after), forms_t,
                              code_text, doc.src(v.line)))
    patterns = []
    for p in doc.items(m, "patterns"):
        doc.known_keys(p, {"id", "pattern", "code", "verbs", "origin", "comment"})
        pid = doc.string(p, "id", "pattern id")
        text = doc.string(p, "pattern", "pattern")
        pcode = _code_field(doc, p, "code")
        only = tuple(w.upper() for w in doc.strings(p, "verbs", "verb lemma", required=False) or [])
        if pid is None or text is None or pcode is None or ident is None:
            continue
        try:
            pre, post = parse_pattern(text)
        except PatternError as exc:
            doc.error(p.line_of("pattern"), f"{exc}: {text!r}")
            continue
        patterns.append(Pattern(pid, ident, text, pre, post, pcode[0], pcode[1], doc.src(p.line),
                                str(p.get("comment") or ""), only))
    if ident is None or code is None:
        return None
    block_code = code[0] if code[1] is None else f"{code[0]}:{code[1]}"
    return VerbBlock(ident, block_code, tuple(verbs), tuple(patterns), doc.src(m.line), str(m.get("comment") or ""),
                     extend)


def regular_verb_forms(lemma: str) -> tuple[str, ...]:
    """PETRARCH-2's regular forms: -S/-ES, -ED/-D, -ING (dropping a final E after a consonant)."""
    s = lemma + "ES" if lemma[-1] in "SXZ" else (lemma[:-1] + "IES" if lemma.endswith("Y") else lemma + "S")
    ed = lemma + "D" if lemma.endswith("E") else lemma + "ED"
    ing = lemma[:-1] + "ING" if lemma.endswith("E") and len(lemma) > 1 and lemma[-2] not in "AEIOU" else lemma + "ING"
    return (s, ed, ing)


def _read_discards(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "entries"})
    out = []
    for m in doc.items(data, "entries", required=True):
        doc.known_keys(m, {"text", "level", "exact", "origin", "comment"})
        text = doc.string(m, "text", "discard text")
        level = m.get("level", "sentence")
        if level not in ("sentence", "story"):
            doc.error(m.line_of("level"), "'level' must be sentence or story")
        if text is None or not text.split():
            continue
        words = tuple(text.upper().split())
        out.append(Discard(f"{level}:{' '.join(words)}", words, level, doc.flag(m, "exact", False), doc.src(m.line)))
    return Records("discards", out, {})


def _read_issues(doc: Doc, data: YMap) -> Records:
    from eventcoder.dictionaries.issues import expand_issue

    doc.known_keys(data, {"kind", "version", "categories"})
    out = []
    for cat in doc.items(data, "categories", required=True):
        doc.known_keys(cat, {"category", "type", "phrases", "origin", "comment"})
        name = doc.string(cat, "category", "category")
        for p in doc.items(cat, "phrases"):
            doc.known_keys(p, {"text", "code", "ignore", "origin", "comment"})
            text = doc.string(p, "text", "issue text")
            code = doc.string(p, "code", "issue code", required=False)
            ignore = p.get("ignore")
            if (code is None) == (ignore is None):
                doc.error(p.line, "an issue phrase has either a 'code' or 'ignore: sentence|story'")
                continue
            if ignore is not None and ignore not in ("sentence", "story"):
                doc.error(p.line_of("ignore"), "'ignore' must be sentence or story")
                continue
            if text is None or name is None:
                continue
            out.append(expand_issue(f"{name}:{text}:{code or '~' + str(ignore)}", name, text, code, ignore,
                                    doc.src(p.line)))
    return Records("issues", out, {})


def _read_codebook(doc: Doc, data: YMap) -> Records:
    doc.known_keys(data, {"kind", "version", "codes"})
    out = []
    for m in doc.items(data, "codes", required=True):
        doc.known_keys(m, {"code", "name", "root", "goldstein", "quad_class", "plover_event", "plover_mode",
                           "plover_context", "from", "comment"})
        code = doc.string(m, "code", "code")
        name = doc.string(m, "name", "name")
        gold = m.get("goldstein")
        if gold is not None and (isinstance(gold, bool) or not isinstance(gold, int | float) or not -10 <= gold <= 10):
            doc.error(m.line_of("goldstein"), f"goldstein must be a number from -10 to 10, not {gold!r}")
            gold = None
        quad = m.get("quad_class")
        if quad is not None and quad not in (0, 1, 2, 3, 4):
            doc.error(m.line_of("quad_class"), "quad_class must be 1-4 (or 0)")
            quad = None
        if code is None or name is None:
            continue
        out.append(CodebookEntry(code, name, None if gold is None else float(gold), quad,
                                 str(m.get("root") or code[:2]), m.get("plover_event"), m.get("plover_mode"),
                                 m.get("plover_context"), doc.src(m.line)))
    return Records("codebook", out, {})


__all__ = ["KINDS", "Records", "Transformation", "read_document", "regular_plural", "regular_verb_forms"]
