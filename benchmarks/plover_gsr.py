"""Real-dictionary check: code the PLOVER gold-standard records and compare event types and source actors.

    python benchmarks/plover_gsr.py [--dictionaries DIR] [--model M] [--json FILE] [--show]

Each record of ../shared/data/plover/PLOVER_GSR_dev.json (143 sentences with a gold PLOVER 0.5 event and
source/target actors with country codes) is parsed with the project's Stanza pipeline and coded with the
shipped dictionaries (plus any overlay), dated by the record. Every event's CAMEO code is mapped to PLOVER
with the codebook's CAMEO->PLOVER columns (CAMEO2PLOVER-2021); the gold names are PLOVER 0.5, so
DEMAND = REQUEST, DISAPPROVE = ACCUSE, FIGHT = ASSAULT, and INVESTIGATE is CAMEO root 09. Prints the share
of records whose events include the gold event type with a source whose country code is one of the gold
source codes ("type+source"; a Phoenix sub-state code such as SCGSRB counts for SRB), the share with the
gold type at all, and the share with any event. By default events need a known source and target (the
coder's default); ``--no-require-dyad`` also counts events with an unknown target (many gold records have
no actor target: "X resigned", "X demonstrated").
No sentence is special-cased.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_dev.json"
ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}


def plover_types(code: str, codebook) -> set[str]:  # type: ignore[no-untyped-def]
    out: set[str] = set()
    entry = codebook.get(code)
    if entry is not None and entry.plover_event:
        out.add(entry.plover_event)
    elif entry is not None and entry.root in codebook and codebook[entry.root].plover_event:
        out.add(codebook[entry.root].plover_event)
    if code.startswith("09"):
        out.add("INVESTIGATE")
    return out


def _countries(code: str) -> set[str]:
    """The country part of an actor code: its first three letters, and the next three for Phoenix's
    sub-state codes (SCGSRB = Serbia within Serbia and Montenegro)."""
    return {code[:3], code[3:6]} - {""}


def gold_codes(actors) -> set[str]:  # type: ignore[no-untyped-def]
    if not isinstance(actors, list):
        return set()
    return {a.get("code", "")[:3] for a in actors if isinstance(a, dict) and a.get("code")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionaries", type=Path, action="append", default=[])
    ap.add_argument("--model", default="builtin")
    ap.add_argument("--json", type=Path, help="write per-record results here")
    ap.add_argument("--show", action="store_true", help="print the records that miss")
    ap.add_argument("--no-require-dyad", action="store_true",
                    help="CodingOptions(require_dyad=False): events with an unknown target count too")
    args = ap.parse_args()
    from eventcoder.coding import CodingOptions, code_document
    from eventcoder.dictionaries import load_dictionaries
    from eventcoder.parse.models import resolve_model
    from eventcoder.parse.pipeline import StanzaParser

    dicts = load_dictionaries(args.dictionaries)
    options = CodingOptions(require_dyad=not args.no_require_dyad)
    parser = StanzaParser(resolve_model(args.model))
    records = json.loads(GSR.read_text(encoding="utf-8"))
    n = typed = type_and_source = any_event = 0
    rows = []
    t0 = time.perf_counter()
    for rec in records:
        n += 1
        gold = ALIASES.get(rec["event"], rec["event"])
        day = date.fromisoformat(rec["date"]) if rec.get("date") else None
        sentences = parser.parse(rec["id"], rec["text"])
        events = [e for c in code_document(sentences, day, dicts, options=options) for e in c.events]
        src = gold_codes(rec.get("source"))
        has_type = [e for e in events if gold in plover_types(e.cameo_code, dicts.codebook)]
        hit = any(_countries(e.source.code) & src for e in has_type)
        typed += bool(has_type)
        type_and_source += hit
        any_event += bool(events)
        rows.append({"id": rec["id"], "gold": gold, "gold_source": sorted(src), "hit": hit,
                     "events": [" ".join(e.triple()) for e in events], "text": rec["text"]})
        if args.show and not hit:
            print(f"{rec['id']}: gold {gold} {sorted(src)}; got {[' '.join(e.triple()) for e in events]}\n"
                  f"    {rec['text']}")
    elapsed = time.perf_counter() - t0
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"{n} records in {elapsed:.1f} s (parse + code); dictionaries {dicts.dict_hash}, model {parser.model_id}, "
          f"require_dyad={options.require_dyad}")
    print(f"gold type with matching source: {type_and_source}/{n} = {100 * type_and_source / n:.1f}%")
    print(f"gold type at all: {typed}/{n} = {100 * typed / n:.1f}%")
    print(f"any event: {any_event}/{n} = {100 * any_event / n:.1f}%")
    print(f"records={n} type_source={100 * type_and_source / n:.1f} type={100 * typed / n:.1f} "
          f"any={100 * any_event / n:.1f}")


if __name__ == "__main__":
    sys.exit(main())
