"""``eventcoder dict``: import PETRARCH dictionaries, validate and look up YAML dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from eventcoder.cli.common import console, fail

app = typer.Typer(help="YAML dictionaries: import from PETRARCH, validate, look up.", no_args_is_help=True)

DictDirs = Annotated[
    list[Path] | None,
    typer.Option("--dictionaries", help="Dictionary directory overlaid on the built-in set (repeatable)."),
]


@app.command("import-petrarch")
def import_command(
    verbs: Annotated[Path, typer.Option("--verbs", help="PETRARCH-2 verb dictionary (e.g. CAMEO.2.0.txt).")],
    actors: Annotated[list[Path], typer.Option("--actors", help="Actor dictionary (repeatable, in order).")],
    agents: Annotated[Path, typer.Option("--agents", help="Agent dictionary.")],
    discards: Annotated[Path, typer.Option("--discards", help="Discard list.")],
    out: Annotated[Path, typer.Option("--out", help="Directory to write the YAML set into.")],
    issues: Annotated[Path | None, typer.Option("--issues", help="Issue coding file.")] = None,
    codebook: Annotated[Path | None, typer.Option("--codebook", help="Codebook YAML (default: built-in).")] = None,
    no_code_check: Annotated[bool, typer.Option("--no-code-check",
                                                help="Keep patterns whose codes are not in the codebook.")] = False,
) -> None:
    """Convert PETRARCH-2 / Phoenix dictionaries into a YAML set that --dictionaries accepts as it is."""
    from eventcoder.dictionaries.petrarch_import import import_petrarch

    try:
        result = import_petrarch(verbs=verbs, actors=actors, agents=agents, discards=discards, out=out,
                                 issues=issues, codebook=codebook, check_codes=not no_code_check)
    except (FileNotFoundError, OSError) as exc:
        raise fail(str(exc)) from None
    errors = sum(p.severity == "error" for p in result.problems)
    console.print(", ".join(f"{k}={v}" for k, v in result.counts.items()))
    console.print(f"wrote {len(result.files)} files to {out}; {errors} line(s) not converted, "
                  f"{len(result.problems) - errors} converted with a fix: see {out / 'import-report.txt'}")


@app.command("validate")
def validate_command(
    dirs: Annotated[list[Path] | None, typer.Argument(help="Directories, in overlay order (none: built-in).")]
    = None,
    warnings: Annotated[bool, typer.Option("--warnings", help="Also print warnings.")] = False,
) -> None:
    """Check the schema and the semantics; print file:line: message; exit 1 on errors."""
    from eventcoder.dictionaries import validate_dirs

    problems = validate_dirs(dirs or [])
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        if p.severity == "error" or warnings:
            typer.echo(str(p))
    console.print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
    if errors:
        raise typer.Exit(1)


@app.command("lookup")
def lookup_command(
    phrase: Annotated[str, typer.Argument(help="A name or verb, e.g. \"Ayatollah Khamenei\".")],
    on: Annotated[str | None, typer.Option("--date", help="Show the code in force on this date (YYYY-MM-DD).")]
    = None,
    dirs: DictDirs = None,
) -> None:
    """Show the entry a phrase finds, where it is defined (file:line) and the code in force on a date."""
    from eventcoder.dictionaries import DictionaryError, load_dictionaries
    from eventcoder.dictionaries.lookup import lookup

    day = None
    if on is not None:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            raise typer.BadParameter(f"{on!r} is not YYYY-MM-DD", param_hint="--date") from None
    try:
        d = load_dictionaries(dirs or [])
    except DictionaryError as exc:
        raise fail(str(exc)) from None
    result = lookup(d, phrase, day)
    if not (result.actors or result.agents or result.verbs):
        raise fail(f"{phrase!r}: no actor, agent or verb found (dict_hash {d.dict_hash})", code=1)
    for hit in result.actors:
        table = Table("code", "from", "until", "in force" + (f" on {day}" if day else ""),
                      title=f"actor {hit.actor.id}" + ("" if hit.exact else f" (matched {hit.name.text!r})"))
        for c in hit.all_codes:
            table.add_row(c.code, str(c.from_ or ""), str(c.until or ""), "yes" if c.code in hit.in_force else "")
        console.print(table)
        console.print(f"defined at {hit.actor.source}" + (f" (from {hit.actor.origin})" if hit.actor.origin else ""))
        console.print(f"names: {'; '.join(n.text for n in hit.actor.names)}")
        console.print(f"code{' on ' + str(day) if day else ''}: {', '.join(hit.in_force) or '(none)'}")
    for ahit in result.agents:
        sign = f"~{ahit.agent.code}" if ahit.agent.attach == "suffix" else f"{ahit.agent.code}~"
        console.print(f"agent {ahit.agent.id}: [{sign}] defined at {ahit.agent.source}")
    for vhit in result.verbs:
        console.print(f"verb {vhit.verb.lemma} in block {vhit.block.id}: code {vhit.code}, "
                      f"{len(vhit.block.patterns)} patterns, defined at {vhit.verb.source}")
    console.print(f"dict_hash {d.dict_hash}")
