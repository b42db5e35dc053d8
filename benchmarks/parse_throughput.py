"""Parse throughput of a model set on a fixed sample of EWT test sentences, for 1..N worker processes.

    python benchmarks/parse_throughput.py [--model builtin] [--sentences 600] [--workers 1 2]

Prints sentences/s, tokens/s and peak RSS (the largest process: this one or a worker) per worker
count, and the speed-up of each over one worker. Model loading is excluded (workers are warmed up
first). The sample is documents of 10 consecutive test sentences each.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from eventcoder.parse.models import resolve_model
from eventcoder.parse.run import ParserPool

EWT_TEST = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu"


def sample_documents(conllu: Path, sentences: int, per_doc: int = 10) -> list[tuple[str, str]]:
    texts = [line[len("# text = "):].strip() for line in conllu.read_text(encoding="utf-8").splitlines()
             if line.startswith("# text = ")][:sentences]
    return [(f"ewt-test-{i // per_doc:04d}", " ".join(texts[i:i + per_doc])) for i in range(0, len(texts), per_doc)]


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024.0


def run(model: str, docs: list[tuple[str, str]], workers: int, batch_docs: int,
        threads: int | None = None) -> tuple[float, float, int, int]:
    model_set = resolve_model(model)
    batches = [docs[i:i + batch_docs] for i in range(0, len(docs), batch_docs)]
    with ParserPool(model_set, workers, threads=threads) as pool:
        pool.warm_up()
        started = time.perf_counter()
        parsed = [doc for batch in pool.imap(batches) for doc in batch]
        elapsed = time.perf_counter() - started
    n_sentences = sum(len(doc) for doc in parsed)
    n_tokens = sum(len(s.words) for doc in parsed for s in doc)
    return elapsed, peak_rss_mb(), n_sentences, n_tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="builtin")
    parser.add_argument("--sentences", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-docs", type=int, default=4, help="documents per parse batch")
    parser.add_argument("--treebank", type=Path, default=EWT_TEST)
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads per worker (default: cores // workers)")
    args = parser.parse_args(argv)
    docs = sample_documents(args.treebank, args.sentences)
    print(f"sample: {args.sentences} EWT test sentences in {len(docs)} documents; model {args.model}; "
          f"torch threads per worker: {args.threads or 'cores // workers'}")
    base = None
    for workers in args.workers:
        elapsed, rss, n_sentences, n_tokens = run(args.model, docs, workers, args.batch_docs, args.threads)
        rate = n_sentences / elapsed
        base = base or rate
        print(f"workers={workers} sentences={n_sentences} tokens={n_tokens} seconds={elapsed:.1f} "
              f"sentences/s={rate:.1f} tokens/s={n_tokens / elapsed:.0f} peak_rss_mb={rss:.0f} "
              f"speedup={rate / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
