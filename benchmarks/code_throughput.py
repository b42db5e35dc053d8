"""Coding throughput: sentences/s of the coder alone (parses in, events out), one core, and peak memory.

    python benchmarks/code_throughput.py [--cache PARSE_CACHE] [--dictionaries DIR] [--repeat N] [--limit N] [--calls]

Input: the sentences of a parse cache (``eventcoder parse ... --out DIR``) when ``--cache`` is given, else
the gold parses of UD English EWT test (../shared/data/ud-english-ewt/en_ewt-ud-test.conllu, 2,077
sentences), read into ``ParsedSentence`` values before the clock starts. The full shipped dictionaries
are loaded (plus any overlay) before the clock starts. Each document is coded with ``code_document``
(no trace), as the batch runner does. Prints sentences/s, events, and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EWT = ROOT.parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu"


def ewt_documents(path: Path) -> Iterator[tuple[str, list]]:
    from eventcoder.coding import sentence_from_conllu

    block: list[str] = []
    doc: list = []
    doc_id = "ewt-0"
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newdoc"):
            if doc:
                yield doc_id, doc
            doc, doc_id = [], f"ewt-{n}"
            n += 1
        if line.strip():
            block.append(line)
        elif block:
            offset = doc[-1].end_char + 1 if doc else 0
            doc.append(sentence_from_conllu("\n".join(block), doc_id, len(doc), offset))
            block = []
    if doc:
        yield doc_id, doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="a parse cache directory (default: EWT test gold parses)")
    ap.add_argument("--dictionaries", type=Path, action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="at most this many documents")
    ap.add_argument("--calls", action="store_true",
                    help="also count the Python function calls of one coding pass (cProfile): a measure of the "
                         "work done that the machine's speed and noise do not move")
    args = ap.parse_args()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from eventcoder.coding import code_document
    from eventcoder.dictionaries import load_dictionaries

    t0 = time.perf_counter()
    dicts = load_dictionaries(args.dictionaries)
    load_s = time.perf_counter() - t0
    if args.cache:
        from eventcoder.parse.cache import ParseCache

        docs = [(d.doc_id, list(d.sentences), d.pub_date) for d in ParseCache(args.cache).iter_documents()]
        source = str(args.cache)
    else:
        docs = [(i, s, date(2016, 6, 1)) for i, s in ewt_documents(EWT)]
        source = str(EWT)
    if args.limit:
        docs = docs[:args.limit]
    n_sent = sum(len(s) for _, s, _ in docs)
    print(f"input: {source}: {len(docs)} documents, {n_sent} sentences; dictionaries {dicts.dict_hash} "
          f"loaded in {load_s:.2f} s ({dicts.counts['actor_names']} actor names, {dicts.counts['patterns']} patterns)")
    best = float("inf")
    events = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        events = 0
        for _doc_id, sentences, day in docs:
            for coding in code_document(sentences, day, dicts):
                events += len(coding.events)
        best = min(best, time.perf_counter() - t)
    if args.calls:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for _doc_id, sentences, day in docs:
            code_document(sentences, day, dicts)
        profile.disable()
        print(f"function_calls={pstats.Stats(profile).total_calls}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"coded {n_sent} sentences in {best:.3f} s (best of {args.repeat}): {n_sent / best:,.0f} sentences/s, "
          f"{events} events; peak RSS {rss:.0f} MiB")
    print(f"sentences_per_s={n_sent / best:.0f} events={events} peak_rss_mib={rss:.0f}")


if __name__ == "__main__":
    sys.exit(main())
