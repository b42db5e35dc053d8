"""``eventcoder models``: list, download, train and evaluate Stanza model sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from eventcoder.cli.common import console, fail
from eventcoder.parse.models import ModelError, available_models, resolve_model

app = typer.Typer(help="Stanza model sets: the built-in one, the official one, your own.", no_args_is_help=True)


@app.command("list")
def list_command() -> None:
    """Show the model sets --model can select."""
    table = Table("--model", "directory", "present", "model id")
    for name, directory, present in available_models():
        model_id = resolve_model(name).model_id if present else ""
        table.add_row(name, str(directory), "yes" if present else "no", model_id)
    console.print(table)
    console.print("Any directory with a model.json (e.g. from `eventcoder models train`) can be given too.")


@app.command("download")
def download_command(
    directory: Annotated[Path | None, typer.Option("--dir", help="Where to put them (default: the user data dir).")]
    = None,
    package: Annotated[str, typer.Option("--package", help="Stanza English package.")] = "default",
) -> None:
    """Download the official Stanza English models (needs internet); select them with --model stanza-en."""
    from eventcoder.parse.download import download_official

    try:
        target = download_official(directory, package)
    except ModelError as exc:
        raise fail(str(exc)) from None
    hint = "--model stanza-en" if directory is None else f"--model {target}"
    console.print(f"downloaded to {target}; select with {hint}")


@app.command("train")
def train_command(
    treebank: Annotated[Path, typer.Option("--treebank", help="Folder with en_ewt-ud-{train,dev,test}.conllu.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the trained model set.")],
    work: Annotated[Path | None, typer.Option("--work", help="Working folder (data, checkpoints, logs).")] = None,
) -> None:
    """Train a tokenize/mwt/pos/lemma/depparse model set with Stanza's own training (hours on 2 CPU cores)."""
    from eventcoder.parse.train import TrainError, train_models

    try:
        manifest = train_models(treebank, out, work=work, log=console.print)
    except TrainError as exc:
        raise fail(str(exc)) from None
    console.print(f"model set {manifest['name']} written to {out} in {manifest['total_minutes']} min")


@app.command("evaluate")
def evaluate_command(
    treebank: Annotated[Path, typer.Option("--treebank", help="A CoNLL-U file with gold annotation.")],
    model: Annotated[str, typer.Option("--model", help="builtin, stanza-en, or a model-set directory.")] = "builtin",
) -> None:
    """Parse a CoNLL-U file's raw text and print Stanza's scores (last line: upos=X uas=Y las=Z)."""
    from eventcoder.parse.evaluate import evaluate_model

    if not treebank.is_file():
        raise fail(f"{treebank}: no such CoNLL-U file")
    try:
        model_set = resolve_model(model)
    except ModelError as exc:
        raise fail(str(exc)) from None
    result = evaluate_model(model_set, treebank)
    table = Table("metric", "F1", title=f"{model_set.model_id} on {treebank.name}")
    for metric, value in result.scores.items():
        table.add_row(metric, f"{value:.2f}")
    console.print(table)
    console.print(f"{result.sentences} sentences, {result.words} words parsed in {result.parse_seconds:.1f} s "
                  f"({result.words / max(result.parse_seconds, 1e-9):.0f} words/s)")
    typer.echo(result.summary_line)
