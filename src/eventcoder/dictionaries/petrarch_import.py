"""``eventcoder dict import-petrarch``: PETRARCH-2 / Phoenix files -> a directory of dictionary YAML.

The output directory is a complete set (``dictionaries.yaml`` says ``extends: none``) that
``--dictionaries DIR`` accepts as it is; ``import-report.txt`` lists every source line that was not
converted, or was converted with a fix, and why.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.dictionaries.petrarch_actors import convert_actor_files, convert_agent_file
from eventcoder.dictionaries.petrarch_lines import ImportLog
from eventcoder.dictionaries.petrarch_misc import convert_discard_file, convert_issue_file
from eventcoder.dictionaries.petrarch_verbs import convert_verb_file
from eventcoder.dictionaries.problems import Problem
from eventcoder.dictionaries.yamlio import flow, q, scalar

HEADER = ("# Converted by `eventcoder dict import-petrarch` from {sources}.\n"
          "# The PETRARCH-2 / Phoenix dictionaries are MIT licensed (c) Open Event Data Alliance.\n"
          "# Format: dictionaries/README.md (JSON Schema: dictionaries/dictionary.schema.json).\n")


@dataclass(frozen=True)
class ImportResult:
    out: Path
    files: tuple[Path, ...]
    problems: tuple[Problem, ...]
    counts: dict[str, int]


def _yaml_name(source: Path) -> str:
    stem = source.name
    for suffix in (".txt", ".actors", ".agents", ".verbs"):
        stem = stem.removesuffix(suffix)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") + ".yaml"


def _header(kind: str, sources: list[Path]) -> list[str]:
    return [HEADER.format(sources=", ".join(s.name for s in sources), kind=kind).rstrip("\n"),
            f"kind: {kind}", "version: 1"]


def _name_item(name: Any) -> str:
    return flow(name) if isinstance(name, dict) else q(name)


def write_actors(rows: list[dict[str, Any]], source: Path, out: Path) -> None:
    lines = _header("actors", [source]) + ["entries:"]
    for row in rows:
        lines.append(f"- id: {q(row['id'])}")
        lines.append(f"  origin: {q(row['source'])}")
        if "comment" in row:
            lines.append(f"  comment: {q(row['comment'])}")
        if row["names"]:
            lines.append(f"  names: [{', '.join(q(n) for n in row['names'])}]")
        if row["exact_names"]:
            lines.append(f"  exact_names: [{', '.join(q(n) for n in row['exact_names'])}]")
        lines.append("  codes:")
        lines.extend(f"  - {flow(c)}" for c in row["codes"])
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_agents(rows: list[dict[str, Any]], source: Path, out: Path) -> None:
    lines = _header("agents", [source]) + ["entries:"]
    for row in rows:
        lines.append(f"- id: {q(row['id'])}")
        lines.append(f"  origin: {q(row['source'])}")
        lines.append(f"  code: {q(row['code'])}")
        lines.append(f"  attach: {row['attach']}")
        lines.append(f"  names: [{', '.join(q(n) for n in row['names'])}]")
        if "plurals" in row:
            lines.append(f"  plurals: [{', '.join(q(n) for n in row['plurals'])}]")
        if "comment" in row:
            lines.append(f"  comment: {q(row['comment'])}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_verbs(data: dict[str, Any], source: Path, out: Path) -> None:
    lines = _header("verbs", [source]) + ["synsets:"]
    for syn in data["synsets"]:
        lines.append(f"- id: {q(syn['id'])}")
        lines.append(f"  origin: {q(syn['source'])}")
        if not syn["plural"]:
            lines.append("  plural: false")
        lines.append("  members:")
        lines.extend(f"  - {_name_item(m)}" for m in syn["members"])
    lines.append("blocks:")
    for block in data["blocks"]:
        lines.append(f"- id: {q(block['id'])}")
        lines.append(f"  origin: {q(block['source'])}")
        lines.append(f"  code: {q(block['code'])}")
        lines.append("  verbs:")
        for verb in block["verbs"]:
            item = {k: verb[k] for k in ("lemma", "before", "after", "forms", "code") if k in verb}
            item["origin"] = verb["source"]
            lines.append(f"  - {flow(item)}")
        if block["patterns"]:
            lines.append("  patterns:")
            for pat in block["patterns"]:
                item = {"id": pat["id"], "pattern": pat["pattern"], "code": pat["code"]}
                if "verbs" in pat:
                    item["verbs"] = pat["verbs"]
                item["origin"] = pat["source"]
                if "comment" in pat:
                    item["comment"] = pat["comment"]
                lines.append(f"  - {flow(item)}")
    lines.append("transformations:")
    for t in data["transformations"]:
        lines.append(f"- {flow({'id': t['id'], 'rule': t['rule'], 'origin': t['source']})}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_discards(rows: list[dict[str, Any]], source: Path, out: Path) -> None:
    lines = _header("discards", [source]) + ["entries:"]
    for row in rows:
        item = {"text": row["text"], "level": row["level"]}
        if row.get("exact"):
            item["exact"] = True
        item["origin"] = row["source"]
        lines.append(f"- {flow(item)}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_issues(categories: list[dict[str, Any]], source: Path, out: Path) -> None:
    lines = _header("issues", [source]) + ["categories:"]
    for cat in categories:
        lines.append(f"- category: {q(cat['category'])}")
        if "type" in cat:
            lines.append(f"  type: {q(cat['type'])}")
        lines.append(f"  origin: {q(cat['source'])}")
        lines.append("  phrases:" if cat["phrases"] else "  phrases: []")
        for ph in cat["phrases"]:
            item = {"text": ph["text"]}
            if "code" in ph:
                item["code"] = ph["code"]
            else:
                item["ignore"] = ph["ignore"]
            item["origin"] = ph["source"]
            lines.append(f"  - {flow(item)}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_codebook(rows: list[dict[str, Any]], sources: list[Path], out: Path, note: str = "") -> None:
    lines = _header("codebook", sources)
    if note:
        lines.insert(1, "# " + note)
    lines.append("codes:")
    for row in rows:
        lines.append(f"- {flow({k: v for k, v in row.items() if v is not None})}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_set_manifest(out: Path, name: str, extends: str, description: str, intent: bool = False,
                       negation: Sequence[tuple[str, str, str]] = ()) -> None:
    lines = ["# A dictionary set: every *.yaml file under this directory is read (see dictionaries/README.md).",
             "kind: set", "version: 1", f"name: {q(name)}", f"extends: {extends}", f"description: {q(description)}"]
    if intent:
        lines += ["# announced actions (\"will support\") are coded as CAMEO intentions (03x) / threats (13x)",
                  "intent: true"]
    if negation:
        lines += ["# a negated verb (not, n't, never) whose pattern does not name the negation: its code becomes",
                  "# 'negated'; a code not listed makes no event",
                  "negation:"]
        lines += [f"  - {flow({'code': c, 'negated': n, 'comment': why})}" for c, n, why in negation]
    out.write_text("\n".join([*lines, ""]), encoding="utf-8")


def write_report(problems: list[Problem], counts: dict[str, int], out: Path) -> None:
    errors = sum(p.severity == "error" for p in problems)
    lines = ["# eventcoder dict import-petrarch report",
             "# 'error': the line was not converted; 'warning': converted with the fix described.",
             "# counts: " + ", ".join(f"{k}={v}" for k, v in counts.items()),
             f"# {errors} error(s), {len(problems) - errors} warning(s)", ""]
    lines.extend(str(p) for p in problems)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def import_petrarch(*, verbs: Path, actors: list[Path], agents: Path, discards: Path, out: Path,
                    issues: Path | None = None, codebook: Path | None = None, name: str = "petrarch",
                    description: str = "", check_codes: bool = True, intent: bool = False,
                    negation: Sequence[tuple[str, str, str]] = ()) -> ImportResult:
    """Convert the PETRARCH files into ``out`` (created; existing YAML files of the same names are
    replaced). ``codebook`` is a codebook YAML to copy in (default: the built-in one); with
    ``check_codes`` a pattern whose code is not in it is reported and not converted. ``intent`` is the
    set's coding convention for announced actions (False: PETRARCH-2's, the action's own code)."""
    from eventcoder.dictionaries.loader import builtin_dir

    for path in [verbs, *actors, agents, discards, *([issues] if issues else [])]:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file")
    out.mkdir(parents=True, exist_ok=True)
    (out / "actors").mkdir(exist_ok=True)
    log = ImportLog()
    written: list[Path] = []
    counts: dict[str, int] = {}

    actor_rows = convert_actor_files(actors, log)
    for source in actors:
        target = out / "actors" / _yaml_name(source)
        write_actors(actor_rows[source.name], source, target)
        written.append(target)
    counts["actors"] = sum(len(r) for r in actor_rows.values())
    counts["actor_names"] = sum(len(row["names"]) + len(row["exact_names"]) for r in actor_rows.values() for row in r)

    agent_rows = convert_agent_file(agents, log)
    write_agents(agent_rows, agents, out / "agents.yaml")
    written.append(out / "agents.yaml")
    counts["agents"] = len(agent_rows)

    codebook_src = codebook or builtin_dir() / "codebook.yaml"
    known = set(re.findall(r'code: "([^"]+)"', codebook_src.read_text(encoding="utf-8"))) if codebook_src.is_file() \
        else None
    verb_data = convert_verb_file(verbs, log, known if check_codes else None)
    write_verbs(verb_data, verbs, out / "verbs.yaml")
    written.append(out / "verbs.yaml")
    counts["verb_blocks"] = len(verb_data["blocks"])
    counts["verbs"] = sum(len(b["verbs"]) for b in verb_data["blocks"])
    counts["patterns"] = sum(len(b["patterns"]) for b in verb_data["blocks"])
    counts["synsets"] = len(verb_data["synsets"])
    counts["transformations"] = len(verb_data["transformations"])

    discard_rows = convert_discard_file(discards, log)
    write_discards(discard_rows, discards, out / "discards.yaml")
    written.append(out / "discards.yaml")
    counts["discards"] = len(discard_rows)

    if issues is not None:
        categories = convert_issue_file(issues, log)
        write_issues(categories, issues, out / "issues.yaml")
        written.append(out / "issues.yaml")
        counts["issue_phrases"] = sum(len(c["phrases"]) for c in categories)

    if codebook_src.is_file() and codebook_src.resolve() != (out / "codebook.yaml").resolve():
        shutil.copyfile(codebook_src, out / "codebook.yaml")
    if (out / "codebook.yaml").is_file():
        written.append(out / "codebook.yaml")
    write_set_manifest(out / "dictionaries.yaml", name, "none",
                       description or f"converted from {verbs.name}, {', '.join(a.name for a in actors)}",
                       intent, negation)
    written.append(out / "dictionaries.yaml")
    write_report(log.items, counts, out / "import-report.txt")
    return ImportResult(out, tuple(written), tuple(log.items), counts)


__all__ = ["ImportResult", "import_petrarch", "scalar"]
