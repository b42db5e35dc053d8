from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def builtin_parser():
    """One Stanza pipeline with the built-in models, shared by the tests that need real parses."""
    from eventcoder.parse.models import resolve_model
    from eventcoder.parse.pipeline import StanzaParser

    return StanzaParser(resolve_model("builtin"))


@pytest.fixture(scope="session")
def ewt_test() -> Path:
    path = SHARED / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu"
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def shared_dicts(tmp_path_factory):
    """The shipped dictionary set, compiled once per session (cached under $EVENTCODER_CACHE when set)."""
    import os

    from eventcoder.dictionaries import load_dictionaries

    mp = pytest.MonkeyPatch()
    if not os.environ.get("EVENTCODER_CACHE"):
        mp.setenv("EVENTCODER_CACHE", str(tmp_path_factory.mktemp("dict-cache")))
    try:
        return load_dictionaries([])
    finally:
        mp.undo()
