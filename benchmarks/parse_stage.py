"""What the parse stage's own processing does around the models, measured on EWT.

    python benchmarks/parse_stage.py shared [--sentences 400]   # one transformer pass for tagger and parser
    python benchmarks/parse_stage.py joins                      # sentence splits joined on EWT test and dev

``shared`` parses the same sample (documents of 10 consecutive EWT test sentences, 4 documents per batch,
two torch threads, model loaded beforehand) with and without the shared transformer pass, in one process,
and prints sentences/s of each, their ratio, the seconds the unshared run spent in the transformer, and how
many words' tags, heads or relations differ. ``joins`` tokenizes the raw text of EWT test and dev as
``eventcoder models evaluate`` does and counts the sentence splits ``parse/sentence_splits.py`` would join,
and how many of them the gold sentence boundaries say were wrong splits (a correct join); then the same
for the one-sentence records of the validation suite and the PLOVER gold standard.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from stanza.models.common.doc import Document

from eventcoder.evaluate import read_suite
from eventcoder.parse.evaluate import raw_text_of
from eventcoder.parse.models import resolve_model
from eventcoder.parse.pipeline import StanzaParser
from eventcoder.parse.sentence_splits import should_join

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse_throughput import EWT_TEST, sample_documents  # noqa: E402

EWT = EWT_TEST.parent


def _timed_parse(docs: list[tuple[str, str]], share: bool) -> tuple[list, float, float]:
    """(sentences, seconds, seconds inside the transformer) for one run over ``docs``."""
    parser = StanzaParser(resolve_model("builtin"), threads=2, share_features=share)
    parser.parse_many(docs[:2])  # warm up
    transformer = parser._pipeline.processors["pos"]._trainer.model.bert_model
    inside = [0.0]
    forward = transformer.forward

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return forward(*args, **kwargs)
        finally:
            inside[0] += time.perf_counter() - started

    transformer.forward = timed
    started = time.perf_counter()
    out = [s for i in range(0, len(docs), 4) for d in parser.parse_many(docs[i:i + 4]) for s in d]
    return out, time.perf_counter() - started, inside[0]


def shared(sentences: int) -> None:
    docs = sample_documents(EWT_TEST, sentences)
    runs = {share: _timed_parse(docs, share) for share in (False, True)}
    for share, (out, seconds, inside) in runs.items():
        print(f"share_features={share} sentences={len(out)} seconds={seconds:.1f} "
              f"sentences/s={len(out) / seconds:.1f} transformer_seconds={inside:.1f}")
    (plain, plain_s, _), (one_pass, shared_s, _) = runs[False], runs[True]
    differing = sum(1 for a, b in zip(plain, one_pass, strict=True) for x, y in zip(a.words, b.words, strict=True)
                    if (x.upos, x.head, x.deprel) != (y.upos, y.head, y.deprel))
    print(f"speedup={plain_s / shared_s:.2f}x words_differing={differing} "
          f"words={sum(len(s.words) for s in plain)}")


def joins() -> None:
    parser = StanzaParser(resolve_model("builtin"), threads=2)
    for split in ("test", "dev"):
        conllu = EWT / f"en_ewt-ud-{split}.conllu"
        text = raw_text_of(conllu)
        ends, pos = set(), 0
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                sentence = line[len("# text = "):].strip()
                pos = text.index(sentence, pos) + len(sentence)
                ends.add(pos)
        doc = parser._pipeline(text, processors="tokenize,mwt")  # the splits before joining
        right = wrong = 0
        for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
            gap = text[a.tokens[-1].end_char:b.tokens[0].start_char]
            if should_join([t.text for t in a.tokens], [t.text for t in b.tokens], gap):
                if a.tokens[-1].end_char in ends:
                    wrong += 1
                else:
                    right += 1
        print(f"{split}: splits={len(doc.sentences) - 1} joined={right + wrong} correct={right} wrong={wrong}")
    # one-sentence records: any split the rules join was inside the sentence
    suite = read_suite(EWT.parent / "petrarch" / "validation" / "PETR_Validate_records_2_02.xml").scored()
    gsr = json.loads((EWT.parent / "plover" / "PLOVER_GSR_dev.json").read_text(encoding="utf-8"))
    for name, texts in (("validation suite", [r.text for r in suite]), ("PLOVER GSR", [r["text"] for r in gsr])):
        docs = parser._pipeline([Document([], text=t) for t in texts], processors="tokenize,mwt")
        joined = sum(1 for doc in docs for a, b in zip(doc.sentences, doc.sentences[1:], strict=False)
                     if should_join([t.text for t in a.tokens], [t.text for t in b.tokens],
                                    doc.text[a.tokens[-1].end_char:b.tokens[0].start_char]))
        print(f"{name}: records={len(texts)} records_split={sum(len(d.sentences) > 1 for d in docs)} "
              f"joined={joined}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["shared", "joins"])
    parser.add_argument("--sentences", type=int, default=400)
    args = parser.parse_args(argv)
    shared(args.sentences) if args.what == "shared" else joins()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
