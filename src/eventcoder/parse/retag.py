"""Re-tag the parser's training and dev data with a trained tagger (a step of ``models train``).

    python -m eventcoder.parse.retag TAGGER.pt DATA_ROOT OUT_ROOT

reads ``DATA_ROOT/depparse/en_ewt.{train,dev,test}.in.conllu`` (gold tags) and writes the same files under
``OUT_ROOT/depparse/`` with the tagger's predicted UPOS/XPOS/features (train and dev; test is copied).
Stanza's own ``prepare_depparse_treebank --predicted`` looks up word vectors online, so the tagger's
predict mode is called directly instead.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def retag(tagger: Path, data_root: Path, out_root: Path, short: str = "en_ewt") -> None:
    source = data_root / "depparse"
    target = out_root / "depparse"
    target.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "train"):
        subprocess.run(
            [sys.executable, "-m", "stanza.models.tagger", "--mode", "predict", "--lang", short.split("_")[0],
             "--shorthand", short, "--save_dir", str(tagger.parent), "--save_name", tagger.name, "--no_pretrain",
             "--eval_file", str(source / f"{short}.{split}.in.conllu"),
             "--output_file", str(target / f"{short}.{split}.in.conllu")],
            check=True,
        )
    shutil.copyfile(source / f"{short}.test.in.conllu", target / f"{short}.test.in.conllu")


if __name__ == "__main__":
    retag(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
