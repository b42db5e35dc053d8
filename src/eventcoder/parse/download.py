"""``eventcoder models download``: fetch the official Stanza English models (the only network access)."""

from __future__ import annotations

import json
from pathlib import Path

from eventcoder.parse.models import OFFICIAL, PROCESSORS, ModelError, user_model_root


def download_official(target: Path | None = None, package: str = "default") -> Path:
    """Download Stanza's English tokenize/mwt/pos/lemma/depparse models and write their ``model.json``."""
    import stanza

    directory = target or user_model_root() / OFFICIAL
    directory.mkdir(parents=True, exist_ok=True)
    try:
        stanza.download("en", model_dir=str(directory), package=package, processors=",".join(PROCESSORS),
                        verbose=False)
    except Exception as exc:  # noqa: BLE001 - requests/stanza raise many kinds; all mean "could not download"
        raise ModelError(f"could not download the Stanza English models into {directory}: {exc}") from exc
    manifest = {"name": f"stanza-en-{package}", "kind": "stanza-resources", "lang": "en", "package": package,
                "stanza_version": stanza.__version__}
    (directory / "model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return directory
