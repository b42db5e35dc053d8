"""``eventcoder eval``: run a PETRARCH-format validation suite through the parser and the coder."""

from __future__ import annotations

import json as jsonlib
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from eventcoder.cli.common import console, fail


def validation_dictionaries_dir() -> Path:
    """The built-in PETR_Validate set (fictional actors: Arnor = ARN ...)."""
    from eventcoder.dictionaries import builtin_dir

    return builtin_dir().parent / "dictionaries-validation"


def eval_command(
    suite_path: Annotated[Path, typer.Argument(help="Validation suite XML (PETRARCH format).")],
    dictionaries: Annotated[list[Path] | None, typer.Option(
        "--dictionaries", help="Dictionary directory overlaid on the built-in set (repeatable). Default: the "
                               "built-in set, or the built-in PETR_Validate set for a suite written for it.")] = None,
    validation_dictionaries: Annotated[bool, typer.Option(
        "--validation-dictionaries", help="Use the built-in PETR_Validate dictionaries.")] = False,
    model: Annotated[str, typer.Option("--model", help="builtin, stanza-en, or a model-set directory.")] = "builtin",
    as_json: Annotated[bool, typer.Option("--json", help="Print the results (per record too) as JSON.")] = False,
    show: Annotated[bool, typer.Option("--show-errors", help="List the records with uncoded or extra events.")]
    = False,
) -> None:
    """Score the coder on a validation suite: Correct, Uncoded, Extra per category and in total."""
    from eventcoder.dictionaries import DictionaryError, load_dictionaries
    from eventcoder.evaluate import SuiteError, read_suite, run_suite
    from eventcoder.parse.models import ModelError, resolve_model
    from eventcoder.parse.pipeline import StanzaParser

    try:
        suite = read_suite(suite_path)
    except SuiteError as exc:
        raise fail(str(exc)) from None
    dirs = list(dictionaries or [])
    if validation_dictionaries or (not dirs and suite.is_petr_validate):
        if not validation_dictionaries and not as_json:
            console.print("[yellow]note:[/] the suite is written for the PETR_Validate dictionaries: using the "
                          "built-in validation set (give --dictionaries to override)")
        dirs = [validation_dictionaries_dir(), *dirs]
    try:
        dicts = load_dictionaries(dirs)
        parser = StanzaParser(resolve_model(model))
    except (DictionaryError, ModelError) as exc:
        raise fail(str(exc)) from None
    result = run_suite(suite, dicts, parse_many=parser.parse_many)
    if as_json:
        typer.echo(jsonlib.dumps({"suite": str(suite_path), "dict_hash": dicts.dict_hash,
                                  "model": parser.model_id, **result.as_dict()}, indent=2, ensure_ascii=False))
        return
    table = Table("category", "records", "correct", "uncoded", "extra", "TP%", "FP%")
    for name, t in [*sorted(result.by_category.items()), ("total", result.total)]:
        table.add_row(name, str(t.records), str(t.correct), str(t.uncoded), str(t.extra), f"{t.tp:.1f}",
                      f"{t.fp:.1f}")
    console.print(table)
    if show:
        for r in result.results:
            if not r.ok:
                console.print(f"[bold]{r.id}[/] missing: {', '.join(r.missing) or '-'}; extra: "
                              f"{', '.join(' '.join(t) for t in r.unexpected) or '-'}\n    {r.text}", highlight=False)
    typer.echo(result.summary_line())
