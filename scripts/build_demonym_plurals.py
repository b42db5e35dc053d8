"""Build the shipped demonym plurals (``actors/eventcoder-demonym-plurals.yaml``).

Phoenix writes country names and demonyms without plurals (``ALBANIAN_``: the trailing ``_`` means no
plural), so "Albanians", "Israelis", "Palestinians" code nothing. This script adds, for every country
entry (its codes are one country's: IRQ, maybe IRQOCC; or a dated succession: USRARM, then ARM) and
every one-word name of it that is a demonym -- ending in AN/IAN/EAN or I, sharing its first four letters
with the entry's id or another of its one-word names --
the plural with S, coded like the
entry, unless that word is already a name in the actor dictionaries.

    python scripts/build_demonym_plurals.py        # rewrites the file; the output is deterministic
"""

from __future__ import annotations

from pathlib import Path

import yaml

from eventcoder.dictionaries.yamlio import flow, q

ACTORS = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "resources" / "dictionaries" / "actors"
OUT = ACTORS / "eventcoder-demonym-plurals.yaml"
SOURCE = ACTORS / "phoenix-countries.yaml"


def is_demonym(name: str, stems: set[str]) -> bool:
    """A one-word name ending in AN/IAN/EAN or I whose first four letters are those of the entry's id or of
    another one-word name of the entry ("AMERICAN" beside "AMERICA")."""
    if " " in name or "-" in name or "'" in name or len(name) < 5 or name[:4] not in stems:
        return False
    return name.endswith(("AN", "I")) and not name.endswith("STAN")


def is_country_entry(codes: list[dict]) -> bool:
    """One country's codes (IRQ, maybe with sub-codes: IRQOCC), or a state's dated succession of codes
    (ARMENIA: USRARM until 1990, ARM from 1991)."""
    if not any(len(c["code"]) == 3 for c in codes):
        return False
    return len({c["code"][:3] for c in codes}) == 1 or all(
        len(c["code"]) in (3, 6) and (c.get("from") or c.get("until")) for c in codes)


def plural(name: str) -> str:
    return name[:-3] + "MEN" if name.endswith("MAN") else name + "S"  # ENGLISHMAN -> ENGLISHMEN


def main() -> None:
    taken: set[str] = set()
    for path in sorted(ACTORS.glob("*.yaml")):
        if path == OUT:
            continue
        for e in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["entries"]:
            taken.update(e.get("names", []))
            taken.update(e.get("exact_names", []))
    lines = ["# Plurals of the Phoenix country demonyms (\"Albanians\" -> ALB), made by",
             "# scripts/build_demonym_plurals.py from phoenix-countries.yaml (MIT, (c) Open Event Data Alliance).",
             "# Phoenix marks demonyms as no-plural; this eventcoder addition codes the plural like the country.",
             "kind: actors", "version: 1", "entries:"]
    count = 0
    for e in yaml.load(SOURCE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["entries"]:
        codes = e.get("codes") or []
        if not is_country_entry(codes):
            continue
        words = [n for n in e.get("names", []) + e.get("exact_names", []) if " " not in n]
        stems = {e["id"][:4]} | {w[:4] for w in words if not w.endswith(("AN", "I"))}
        plurals = [p for p in (plural(n) for n in e.get("exact_names", []) if is_demonym(n, stems)) if p not in taken]
        if not plurals:
            continue
        taken.update(plurals)
        lines.append(f"- id: {q(e['id'] + '_DEMONYM_PLURALS')}")
        lines.append(f"  comment: {q('plurals of demonyms of ' + e['id'])}")
        lines.append(f"  exact_names: [{', '.join(q(p) for p in plurals)}]")
        lines.append("  codes:")
        lines.extend("  - " + flow({k: c[k] for k in ("code", "from", "until") if c.get(k)}) for c in codes)
        count += len(plurals)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {count} plurals")


if __name__ == "__main__":
    main()
