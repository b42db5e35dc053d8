"""``eventcoder code``: the main job, corpus in, events out; and ``eventcoder schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventcoder.cli.common import (
    DateField,
    DefaultDate,
    IdField,
    MaxChars,
    SourceField,
    TextField,
    TitleField,
    UrlField,
    console,
    fail,
    reader_options,
)
from eventcoder.corpus.readers import DEFAULT_MAX_CHARS, CorpusError, expand_inputs
from eventcoder.dictionaries import DictionaryError
from eventcoder.parse.cache import CacheError
from eventcoder.parse.models import ModelError


def code_command(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Corpus files (.jsonl, .csv, .parquet, .txt) or folders.")]
    = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output: FILE.parquet, or a folder (partitioned by "
                                                          "publication year and month).")] = Path("events.parquet"),
    dictionaries: Annotated[list[Path] | None, typer.Option("--dictionaries", help="Dictionary folder overlaid on "
                                                            "the built-in set; repeatable.")] = None,
    model: Annotated[str, typer.Option("--model", help="builtin, stanza-en, or a model-set folder.")] = "builtin",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (local or dask).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="dask scheduler address (default: a "
                                                                      "LocalCluster of --workers processes).")] = None,
    parses: Annotated[Path | None, typer.Option("--parses", help="Keep the parses in this parse cache (reused when "
                                                                 "a document is unchanged).")] = None,
    from_parses: Annotated[Path | None, typer.Option("--from-parses", help="Re-code this parse cache instead of "
                                                                          "parsing a corpus.")] = None,
    rejects: Annotated[Path | None, typer.Option("--rejects", help="Rejects file (.jsonl or .parquet); default "
                                                               "OUT-stem.rejects.jsonl beside OUT.")] = None,
    id_field: IdField = "id",
    date_field: DateField = "date",
    text_field: TextField = "text",
    title_field: TitleField = "title",
    source_field: SourceField = "source",
    url_field: UrlField = "url",
    default_date: DefaultDate = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Documents per shard (the unit of work "
                                                                        "and of resumption).")] = 16,
    show: Annotated[int, typer.Option("--show", help="Print up to this many events at the end.")] = 20,
) -> None:
    """Code a corpus into CAMEO events (parse, code, resolve dates and places, write Parquet)."""
    from eventcoder.run import code_corpus

    if not inputs and from_parses is None:
        raise fail("give corpus INPUT files or folders, or --from-parses DIR")
    if inputs and from_parses is not None:
        raise fail("give either corpus INPUTs or --from-parses, not both")
    if engine not in ("local", "dask"):
        raise fail(f"--engine must be local or dask, not {engine!r}")
    options = reader_options(id_field, date_field, text_field, title_field, source_field, url_field,
                             default_date, max_chars)
    try:
        for path in expand_inputs(inputs or [])[1]:
            console.print(f"[yellow]note:[/] skipped {path}: its folder is read through its JSONL/CSV/Parquet files")
    except CorpusError as exc:
        raise fail(str(exc)) from None
    progress = Progress(TextColumn("[bold]coding"), BarColumn(bar_width=None), TextColumn("{task.description}"),
                        TimeElapsedColumn(), console=console, transient=True)
    with progress:
        task = progress.add_task("", total=None)

        def report(summary) -> None:  # type: ignore[no-untyped-def]
            elapsed = max(progress.tasks[0].elapsed or 0.0, 1e-6)
            done = summary.coded + summary.no_event
            progress.update(task, description=f"{done} docs ({done / elapsed:.1f}/s), {summary.sentences} sentences "
                                              f"({summary.sentences / elapsed:.1f}/s), {summary.events} events")

        try:
            summary = code_corpus(inputs or [], out, dictionaries=dictionaries or [], model=model, workers=workers,
                                  engine=engine, scheduler=scheduler, parses=parses, from_parses=from_parses,
                                  reader_options=options, rejects_path=rejects, shard_docs=shard_size,
                                  on_progress=report)
        except (ModelError, CacheError, CorpusError, DictionaryError) as exc:
            raise fail(str(exc)) from None
    _print_events(out, show)
    if summary.resumed_shards:
        console.print(f"resumed: {summary.resumed_shards} shard(s) were already done")
    if summary.rejected:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.reject_reasons.items()))
        console.print(f"[yellow]rejected {summary.rejected}[/] ({reasons}); see {summary.rejects_path}")
    console.print(f"wrote {summary.events} events to {out} in {summary.elapsed_s:.1f} s "
                  f"(dictionaries {summary.dict_hash}, parser {summary.nlp_model})")
    typer.echo(summary.line)


def _print_events(out: Path, limit: int) -> None:
    if limit <= 0:
        return
    from eventcoder.output import read_events

    frame = read_events(out).head(limit).collect()
    if frame.height == 0:
        console.print("no events were coded")
        return
    table = Table("date", "source", "code", "target", "place", "verb", title=f"events in {out}")
    for row in frame.iter_rows(named=True):
        table.add_row(str(row["event_date"]), f"{row['source_code']} ({row['source_text']})", row["cameo_code"],
                      f"{row['target_code']} ({row['target_text']})", row["geo_name"] or "", row["verb_lemma"])
    console.print(table)


def schema_command() -> None:
    """Print the columns of the event table."""
    from eventcoder.output.schema import SCHEMA_VERSION, describe

    table = Table("column", "type", "meaning", title=f"event table, schema version {SCHEMA_VERSION}")
    for name, dtype, text in describe():
        table.add_row(name, dtype, text)
    console.print(table)
