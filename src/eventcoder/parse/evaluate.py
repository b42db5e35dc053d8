"""Score a model set on a CoNLL-U treebank from raw text, with the CoNLL 2018 shared-task scorer."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from eventcoder.parse.models import ModelSet
from eventcoder.parse.pipeline import StanzaParser

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS", "CLAS")


@dataclass(frozen=True, slots=True)
class ParseScores:
    """F1 percentages per metric, plus parse time."""

    scores: dict[str, float]
    sentences: int
    words: int
    parse_seconds: float

    @property
    def summary_line(self) -> str:
        return f"upos={self.scores['UPOS']:.2f} uas={self.scores['UAS']:.2f} las={self.scores['LAS']:.2f}"


def raw_text_of(conllu: Path) -> str:
    """The raw text of a CoNLL-U file: sentences' ``# text`` joined, paragraphs and documents split by blank lines."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or line.startswith("# newpar"):
            if current:
                paragraphs.append(current)
                current = []
        elif line.startswith("# text = "):
            current.append(line[len("# text = "):].strip())
    if current:
        paragraphs.append(current)
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def evaluate_model(model: ModelSet, treebank: Path) -> ParseScores:
    """Parse the raw text of ``treebank`` with ``model`` and score it against the gold annotation."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    text = raw_text_of(treebank)
    parser = StanzaParser(model)
    started = time.perf_counter()
    doc = parser.process_text(text)
    elapsed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        predicted = Path(tmp) / "predicted.conllu"
        CoNLL.write_doc2conll(doc, str(predicted))
        evaluation = ud_scores(str(treebank), str(predicted))
    scores = {metric: 100.0 * evaluation[metric].f1 for metric in METRICS if metric in evaluation}
    return ParseScores(scores=scores, sentences=len(doc.sentences), words=doc.num_words, parse_seconds=elapsed)
