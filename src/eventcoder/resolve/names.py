"""Place-name keys: the one normalisation shared by the gazetteer build, its loader and the matcher."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", ".": None})


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Lower-cased, accent-free, period-free, single-spaced: "São Paulo" -> "sao paulo", "U.S." -> "us"."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.translate(_PUNCT).lower().split())
