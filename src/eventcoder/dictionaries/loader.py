"""Loading dictionary directories (with overlays) into ``CompiledDictionaries``, through an on-disk cache.

``load_dictionaries([A, B])`` reads the built-in set, then A, then B; an entry of a later directory
replaces the entry with the same id (actors, agents, verb blocks, synsets, transformations, codebook
codes by code, discards by level+text, issue phrases by category+text) or adds to the set. A directory
whose ``dictionaries.yaml`` says ``extends: none`` is a complete set: what came before it is not read.

The compiled index is pickled under ``$EVENTCODER_CACHE/dictionaries/`` (default
``~/.cache/eventcoder``), keyed by ``dict_hash``: a SHA-256 of the YAML inputs (relative path and bytes
of every file, in overlay order).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder.dictionaries.compiled import CompiledDictionaries, compile_dictionaries
from eventcoder.dictionaries.model import Pattern, VerbBlock, VerbForm
from eventcoder.dictionaries.problems import DictionaryError, Problem, errors_in
from eventcoder.dictionaries.schema import Records, read_document
from eventcoder.dictionaries.validate import check_all
from eventcoder.dictionaries.yamlio import YamlFileError, read_yaml

INDEX_VERSION = 11  # bump when the compiled structures change: old cache files are then ignored
_KIND_ORDER = ("codebook", "actors", "agents", "verbs", "discards", "issues")


def builtin_dir() -> Path:
    """The shipped dictionary set (package data, present after ``pip install .``)."""
    return Path(__file__).resolve().parents[1] / "resources" / "dictionaries"


def cache_dir() -> Path:
    root = os.environ.get("EVENTCODER_CACHE")
    if root:
        return Path(root).expanduser() / "dictionaries"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "eventcoder" / "dictionaries"


@dataclass(frozen=True)
class InputFile:
    directory: Path
    path: Path
    relative: str
    data: bytes

    @property
    def display(self) -> str:
        return str(self.path)


def _yaml_files(directory: Path) -> list[Path]:
    found = (p for p in directory.rglob("*.yaml") if p.is_file())
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _extends_none(directory: Path) -> bool:
    manifest = directory / "dictionaries.yaml"
    if not manifest.is_file():
        return False
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.split("#", 1)[0].strip().replace(" ", "") == "extends:none":
            return True
    return False


def effective_dirs(dirs: Sequence[Path] | None) -> list[Path]:
    """The directories actually read, in order: the built-in set first unless a directory says
    ``extends: none`` (then reading starts at the last such directory)."""
    chosen = [builtin_dir(), *[Path(d) for d in (dirs or [])]]
    start = 0
    for k, d in enumerate(chosen):
        if k and _extends_none(d):
            start = k
    return chosen[start:]


def gather_inputs(dirs: Sequence[Path] | None) -> list[InputFile]:
    out = []
    for d in effective_dirs(dirs):
        if not d.is_dir():
            raise DictionaryError([Problem(str(d), 0, "no such dictionary directory")])
        for path in _yaml_files(d):
            out.append(InputFile(d, path, path.relative_to(d).as_posix(), path.read_bytes()))
    return out


def hash_inputs(inputs: Iterable[InputFile]) -> str:
    h = hashlib.sha256(b"eventcoder-dictionaries\0")
    for f in inputs:
        h.update(f.relative.encode() + b"\0")
        h.update(hashlib.sha256(f.data).digest())
    return h.hexdigest()[:16]


def dict_hash(dirs: Sequence[Path] | None = None) -> str:
    """The content hash of the YAML inputs of ``load_dictionaries(dirs)``, without loading them."""
    return hash_inputs(gather_inputs(dirs))


def _cache_file(digest: str) -> Path:
    return cache_dir() / f"{digest}-v{INDEX_VERSION}.pickle"


def _read_cache(digest: str) -> CompiledDictionaries | None:
    """The compiled index from the on-disk cache; a process that loads the same set again (a re-code after
    a run, a notebook) gets the object it already unpickled (memo keyed by file and modification time)."""
    path = _cache_file(digest)
    try:
        stat = path.stat()
    except OSError:
        return None
    return _unpickle(str(path), stat.st_mtime_ns, stat.st_size, digest)


@lru_cache(maxsize=2)
def _unpickle(file: str, mtime_ns: int, size: int, digest: str) -> CompiledDictionaries | None:
    path = Path(file)
    enabled = gc.isenabled()
    gc.disable()  # unpickling ~10^5 small immutable objects: the cycle collector would only slow it down
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    if isinstance(value, CompiledDictionaries) and value.dict_hash == digest:
        return value
    return None


def _write_cache(value: CompiledDictionaries) -> None:
    path = _cache_file(value.dict_hash)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def read_one(f: InputFile) -> tuple[Records | None, list[Problem]]:
    """Parse and schema-check one file (a pure function: it runs in a helper process for big sets)."""
    problems: list[Problem] = []
    try:
        text = f.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(f.display, 0, f"not UTF-8: {exc}")]
    try:
        data = read_yaml(text, f.display)
    except YamlFileError as exc:
        return None, [exc.problem]
    if data is None:
        return None, problems
    return read_document(data, f.display, problems), problems


def _read_many(files: Sequence[InputFile]) -> list[tuple[Records | None, list[Problem]]]:
    return [read_one(f) for f in files]


PARALLEL_MIN_BYTES = 2_000_000  # below this a helper process costs more than it saves


def _helper_count(inputs: Sequence[InputFile]) -> int:
    """Helper processes for reading: only for big sets, on a multi-core machine, from a single-threaded
    process (forking a threaded process, e.g. one running torch, is unsafe), and never from a daemon."""
    import multiprocessing
    import threading

    if len(inputs) < 2 or sum(len(f.data) for f in inputs) < PARALLEL_MIN_BYTES:
        return 0
    if threading.active_count() > 1 or multiprocessing.current_process().daemon:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(0, min(cores, 4) - 1)


def read_inputs(inputs: Sequence[InputFile]) -> tuple[list[tuple[InputFile, Records]], list[Problem]]:
    """Parse and schema-check every file; all problems are collected, in input order.

    Composing YAML is most of a cold load, so a big set is split by size into bins: this process reads one
    bin while helper processes read the others (the result is the same as reading them one by one)."""
    helpers = _helper_count(inputs)
    results: dict[int, tuple[Records | None, list[Problem]]] = {}
    if helpers:
        import concurrent.futures
        import multiprocessing
        from concurrent.futures.process import BrokenProcessPool

        bins: list[list[int]] = [[] for _ in range(helpers + 1)]
        sizes = [0] * (helpers + 1)
        for i in sorted(range(len(inputs)), key=lambda i: -len(inputs[i].data)):
            k = sizes.index(min(sizes))
            bins[k].append(i)
            sizes[k] += len(inputs[i].data)
        try:
            with concurrent.futures.ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context("fork")) as ex:
                futures = [(b, ex.submit(_read_many, [inputs[i] for i in b])) for b in bins[1:] if b]
                for i, res in zip(bins[0], _read_many([inputs[i] for i in bins[0]]), strict=True):
                    results[i] = res
                for b, fut in futures:
                    results.update(zip(b, fut.result(), strict=True))
        except (OSError, ValueError, BrokenProcessPool):
            results = {}  # no helper processes here: read them all in this process
    if len(results) != len(inputs):
        results = dict(enumerate(_read_many(inputs)))
    problems: list[Problem] = []
    docs: list[tuple[InputFile, Records]] = []
    for i, f in enumerate(inputs):
        records, found = results[i]
        problems.extend(found)
        if records is not None:
            docs.append((f, records))
    return docs, problems


def _key(kind: str, item: Any) -> tuple[str, str]:
    name = type(item).__name__
    if kind == "codebook":
        return name, item.code
    return name, item.id


def merge(docs: Sequence[tuple[InputFile, Records]]) -> tuple[dict[str, dict[tuple[str, str], Any]], list[str]]:
    """Overlay: per kind, later items replace earlier ones with the same id; a verb block marked ``extend``
    adds its verbs and patterns to the earlier block instead (a verb of the same words replaces the
    block's own: "MEDIATE" with a code of its own; so does a pattern of the same id)."""
    merged: dict[str, dict[tuple[str, str], Any]] = {k: {} for k in _KIND_ORDER}
    overrides: list[str] = []
    for _, records in docs:
        if records.kind == "set":
            continue
        table = merged[records.kind]
        for item in records.items:
            key = _key(records.kind, item)
            old = table.get(key)
            if isinstance(item, VerbBlock) and item.extend and old is not None:
                overrides.append(f"block {item.id}: {item.source} extends {old.source}")
                patterns, replaced = _extended_patterns(old.patterns, item.patterns)
                overrides += [f"pattern {new.id}: {new.source} replaces {was.source}" for was, new in replaced]
                table[key] = old._replace(verbs=_extended_verbs(old.verbs, item.verbs), patterns=patterns)
                continue
            if old is not None and old.source.file != item.source.file:
                overrides.append(f"{key[0].lower()} {key[1]}: {item.source} overrides {old.source}")
            table[key] = item
    return merged, overrides


def _extended_verbs(old: tuple[VerbForm, ...], new: tuple[VerbForm, ...]) -> tuple[VerbForm, ...]:
    """A block's verbs with an extension's: a verb written with the same words (lemma and particles)
    replaces the block's own, in its place; the others are added."""
    def words(v: VerbForm) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        return v.lemma.upper(), v.before, v.after
    by_words = {words(v): v for v in new}
    kept = tuple(by_words.pop(words(v), v) for v in old)
    return kept + tuple(v for v in new if words(v) in by_words)


def _extended_patterns(old: tuple[Pattern, ...], new: tuple[Pattern, ...]
                       ) -> tuple[tuple[Pattern, ...], list[tuple[Pattern, Pattern]]]:
    """A block's patterns with an extension's, and the (replaced, replacing) pairs: a pattern with the id
    of one of the block's replaces it, in its place (re-coded, or limited to one verb); the others are
    added. An id written twice in the extension replaces nothing (the duplicate check reports it)."""
    counts = Counter(p.id for p in new)
    by_id = {p.id: p for p in new if counts[p.id] == 1}
    replaced = [(p, by_id[p.id]) for p in old if p.id in by_id]
    done = {was.id for was, _ in replaced}
    kept = tuple(by_id.get(p.id, p) if p.id in done else p for p in old)
    return kept + tuple(p for p in new if p.id not in done), replaced


def _duplicate_pattern_ids(blocks: Sequence[VerbBlock]) -> list[Problem]:
    """A pattern id is written on every event it codes: within a block (an extension included) it must be
    unique."""
    out = []
    for b in blocks:
        seen: dict[str, Pattern] = {}
        for p in b.patterns:
            first = seen.setdefault(p.id, p)
            if first is not p:
                out.append(Problem(p.source.file, p.source.line,
                                   f"pattern id {p.id!r} is already used by {first.text!r} ({first.source})"))
    return out


def build(inputs: Sequence[InputFile], digest: str) -> CompiledDictionaries:
    docs, problems = read_inputs(inputs)
    if errors_in(problems):
        raise DictionaryError(problems)
    merged, overrides = merge(docs)
    # a coding convention of the set: the last set file that states it wins (an overlay may change it)
    intent = next((r.manifest["intent"] for _, r in reversed(docs) if r.kind == "set" and "intent" in r.manifest),
                  False)
    negation: dict[str, str] = {}  # each set file's entries add to (or replace) those of the files before it
    for _, r in docs:
        if r.kind == "set":
            negation.update(r.manifest.get("negation", {}))

    def of(kind: str, type_name: str) -> list[Any]:
        return [v for (t, _), v in merged[kind].items() if t == type_name]

    actors, agents = of("actors", "Actor"), of("agents", "Agent")
    synsets = {s.id: s for s in of("verbs", "Synset")}
    blocks, transformations = of("verbs", "VerbBlock"), of("verbs", "Transformation")
    problems += [Problem(b.source.file, b.source.line, f"block {b.id!r} extends no block of an earlier file")
                 for b in blocks if b.extend]
    problems += _duplicate_pattern_ids(blocks)
    codebook = {c.code: c for c in of("codebook", "CodebookEntry")}
    problems += check_all(actors=actors, agents=agents, blocks=blocks, synsets=synsets,
                          transformations=transformations, codebook=codebook)
    problems += [Problem(f.display, 0, f"negation: code {c!r} is not in the codebook")
                 for f, r in docs if r.kind == "set" for pair in r.manifest.get("negation", {}).items()
                 for c in pair if codebook and c not in codebook]
    if errors_in(problems):
        raise DictionaryError(problems)
    return compile_dictionaries(
        dict_hash=digest, files=[f.display for f in inputs], actors=actors, agents=agents,
        synsets=list(synsets.values()), blocks=blocks, transformations=transformations,
        discards=of("discards", "Discard"), issues=of("issues", "IssuePhrase"), codebook=list(codebook.values()),
        warnings=problems, overrides=overrides, intent=intent, negation=negation)


def load_dictionaries(dirs: Sequence[Path] | None = None, *, use_cache: bool = True) -> CompiledDictionaries:
    """Load the built-in dictionaries overlaid with ``dirs`` (see the module docstring). Raises
    ``DictionaryError`` listing every schema and semantic error; nothing is half loaded."""
    inputs = gather_inputs(dirs)
    digest = hash_inputs(inputs)
    if use_cache:
        cached = _read_cache(digest)
        if cached is not None:
            return cached
    value = build(inputs, digest)
    if use_cache:
        _write_cache(value)
    return value


def default_dictionaries() -> CompiledDictionaries:
    """The shipped set alone."""
    return load_dictionaries([])


def validate_dirs(dirs: Sequence[Path] | None) -> list[Problem]:
    """Every problem (errors and warnings) of ``load_dictionaries(dirs)``, without caching."""
    try:
        inputs = gather_inputs(dirs)
        value = build(inputs, hash_inputs(inputs))
    except DictionaryError as exc:
        return list(exc.problems)
    return list(value.warnings)
