"""The ``eventcoder`` command line: thin typer commands over the library, one module per command group."""

from __future__ import annotations

import typer

from eventcoder import __version__
from eventcoder.cli import dicts as dicts_cli
from eventcoder.cli import models as models_cli
from eventcoder.cli.parse import parse_command

app = typer.Typer(
    name="eventcoder",
    help="Code CAMEO events from news text: parse with Stanza, code with YAML dictionaries, write Parquet.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command("parse")(parse_command)
app.add_typer(models_cli.app, name="models")
app.add_typer(dicts_cli.app, name="dict")


@app.command("version")
def version_command() -> None:
    """Print the eventcoder version."""
    typer.echo(__version__)


__all__ = ["app"]
