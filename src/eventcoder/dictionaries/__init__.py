"""Editable YAML dictionaries (actors, agents, verbs and patterns, discards, issues, the CAMEO codebook),
the PETRARCH importer, validation, and the compiled index the coder uses.

    from eventcoder.dictionaries import load_dictionaries
    d = load_dictionaries([Path("my-dicts")])   # built-in set + overlay, cached on disk
    d.dict_hash, d.match_actor(["Ayatollah", "Khamenei"], day=date(2007, 1, 28))
"""

from eventcoder.dictionaries.compiled import CompiledDictionaries, PhraseIndex, PhraseMatch, VerbRef
from eventcoder.dictionaries.loader import (
    builtin_dir,
    cache_dir,
    default_dictionaries,
    dict_hash,
    load_dictionaries,
    validate_dirs,
)
from eventcoder.dictionaries.problems import DictionaryError, Problem

__all__ = [
    "CompiledDictionaries",
    "DictionaryError",
    "PhraseIndex",
    "PhraseMatch",
    "Problem",
    "VerbRef",
    "builtin_dir",
    "cache_dir",
    "default_dictionaries",
    "dict_hash",
    "load_dictionaries",
    "validate_dirs",
]
