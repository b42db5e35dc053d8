"""End-to-end cost of `eventcoder code` against Stanza parsing alone, and the re-code speed-up.

    python benchmarks/end_to_end.py [--documents 40] [--sentences-per-doc 8]

On the same documents (consecutive EWT test sentences grouped into articles, dated 2007-01-29) it times:
1. Stanza parsing alone (the parse stage, one process, model already loaded);
2. the full `code_corpus` run (parse + code + resolve + write), one process;
3. `code_corpus --from-parses` on the parse cache the full run kept (the edit-and-re-code loop).
It prints each time, the overhead of coding+resolution+writing over parsing (target: at most 10%) and
the re-code speed-up over the full run (target: at least 20x). Start-up (loading Stanza, the dictionaries
and the gazetteer, and one 1-document run to import the other stages) is timed separately and excluded
from the ratios. ``--cli`` also times the two commands a user types, in fresh processes, start-up included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from eventcoder.dictionaries import load_dictionaries
from eventcoder.parse.models import resolve_model
from eventcoder.parse.pipeline import StanzaParser
from eventcoder.run import code_corpus
from eventcoder.run.shards import RunConfig, worker_resources

EWT_TEST = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu"


def documents(n_docs: int, per_doc: int) -> list[tuple[str, str]]:
    texts = [line[len("# text = "):].strip() for line in EWT_TEST.read_text(encoding="utf-8").splitlines()
             if line.startswith("# text = ")]
    return [(f"doc{i:04d}", " ".join(texts[i * per_doc:(i + 1) * per_doc])) for i in range(n_docs)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--sentences-per-doc", type=int, default=8)
    parser.add_argument("--cli", action="store_true", help="also time the two CLI commands in fresh processes")
    args = parser.parse_args(argv)
    docs = documents(args.documents, args.sentences_per_doc)
    model = resolve_model("builtin")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps({"id": i, "date": "2007-01-29", "text": t}) + "\n" for i, t in docs),
                          encoding="utf-8")
        started = time.perf_counter()
        dicts = load_dictionaries([])
        config = RunConfig(dictionaries=(), model_dir=str(model.directory.resolve()), torch_threads=os.cpu_count() or 1)
        worker_resources(config)  # Stanza, dictionaries and gazetteer loaded once, as a worker does
        # one-off start-up of the other stages too (imports of dateparser, polars writers): a 1-document run
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text(json.dumps({"id": "warm", "date": "2007-01-29", "text": docs[0][1]}) + "\n", encoding="utf-8")
        code_corpus([warm], Path(tmp) / "warm.parquet")
        load_s = time.perf_counter() - started
        stanza_only = StanzaParser(model)
        started = time.perf_counter()
        for i in range(0, len(docs), 16):
            stanza_only.parse_many(docs[i:i + 16])
        parse_s = time.perf_counter() - started
        started = time.perf_counter()
        full = code_corpus([corpus], Path(tmp) / "events.parquet", parses=Path(tmp) / "parses")
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        recode = code_corpus([], Path(tmp) / "recoded.parquet", from_parses=Path(tmp) / "parses")
        recode_s = time.perf_counter() - started
        cli = _cli_times(corpus, Path(tmp)) if args.cli else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents={len(docs)} sentences={full.sentences} events={full.events} dict_hash={dicts.dict_hash}")
    print(f"load (Stanza, dictionaries, gazetteer): {load_s:.1f} s")
    print(f"stanza parsing alone: {parse_s:.1f} s ({full.sentences / parse_s:.1f} sentences/s)")
    print(f"full code run:        {full_s:.1f} s ({full.sentences / full_s:.1f} sentences/s)")
    print(f"re-code from parses:  {recode_s:.2f} s ({recode.sentences / recode_s:.0f} sentences/s)")
    print(f"overhead of coding+resolution+writing over parsing: {100 * (full_s / parse_s - 1):.1f}%")
    print(f"re-code speed-up over the full run: {full_s / recode_s:.1f}x")
    print(f"peak RSS {rss:.0f} MiB")
    if cli is not None:
        full_cli, recode_cli = cli
        print(f"CLI wall times (fresh processes, start-up included): eventcoder code {full_cli:.1f} s, "
              f"eventcoder code --from-parses {recode_cli:.1f} s: {full_cli / recode_cli:.1f}x")
    return 0


def _cli_times(corpus: Path, tmp: Path) -> tuple[float, float]:
    """Wall time of the two commands a user runs: the full job keeping parses, then the re-code."""
    import subprocess

    cmd = [sys.executable, "-m", "eventcoder.cli", "code"]
    started = time.perf_counter()
    subprocess.run([*cmd, str(corpus), "--parses", str(tmp / "cli-parses"), "--out", str(tmp / "cli.parquet")],
                   check=True, capture_output=True)
    full = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([*cmd, "--from-parses", str(tmp / "cli-parses"), "--out", str(tmp / "cli-recode.parquet")],
                   check=True, capture_output=True)
    return full, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
