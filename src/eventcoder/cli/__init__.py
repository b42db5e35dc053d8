"""The ``eventcoder`` command line: thin typer commands over the library, one module per command group."""

from __future__ import annotations

import typer

from eventcoder import __version__
from eventcoder.cli import dicts as dicts_cli
from eventcoder.cli import models as models_cli
from eventcoder.cli.code import code_command, schema_command
from eventcoder.cli.evaluate import eval_command
from eventcoder.cli.explain import explain_command
from eventcoder.cli.parse import parse_command

app = typer.Typer(
    name="eventcoder",
    help="Code CAMEO events from news text: parse with Stanza, code with YAML dictionaries, write Parquet.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.command("code")(code_command)
app.command("explain")(explain_command)
app.command("eval")(eval_command)
app.command("parse")(parse_command)
app.command("schema")(schema_command)
app.add_typer(models_cli.app, name="models")
app.add_typer(dicts_cli.app, name="dict")


@app.command("version")
def version_command() -> None:
    """Print the eventcoder version."""
    typer.echo(__version__)


__all__ = ["app"]
