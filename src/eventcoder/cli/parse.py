"""``eventcoder parse``: corpus in, parse cache out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

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
from eventcoder.parse.cache import CacheError
from eventcoder.parse.models import ModelError
from eventcoder.parse.run import parse_corpus


def parse_command(
    inputs: Annotated[list[Path], typer.Argument(help="Corpus files (.jsonl, .csv, .parquet, .txt) or directories.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Parse-cache directory (created or extended).")],
    model: Annotated[str, typer.Option("--model", help="builtin, stanza-en, or a model-set directory.")] = "builtin",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parser worker processes.")] = 1,
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="Rejects file (.jsonl or .parquet); default OUT/rejects.jsonl.")
    ] = None,
    id_field: IdField = "id",
    date_field: DateField = "date",
    text_field: TextField = "text",
    title_field: TitleField = "title",
    source_field: SourceField = "source",
    url_field: UrlField = "url",
    default_date: DefaultDate = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Parse a corpus with Stanza into a Parquet parse cache; unchanged documents are not parsed again."""
    options = reader_options(id_field, date_field, text_field, title_field, source_field, url_field,
                             default_date, max_chars)
    try:
        _, skipped = expand_inputs(inputs)
    except CorpusError as exc:
        raise fail(str(exc)) from None
    for path in skipped:
        console.print(f"[yellow]note:[/] skipped {path}: its folder is read through its JSONL/CSV/Parquet files")
    progress = Progress(TextColumn("[bold]parsing"), BarColumn(bar_width=None), TextColumn("{task.description}"),
                        TimeElapsedColumn(), console=console, transient=True)
    with progress:
        task = progress.add_task("", total=None)

        def report(documents: int, sentences: int) -> None:
            elapsed = max(progress.tasks[0].elapsed or 0.0, 1e-6)
            progress.update(task, description=f"{documents} docs, {sentences} sentences "
                                              f"({sentences / elapsed:.1f} sent/s)")

        try:
            summary = parse_corpus(inputs, out, model=model, reader_options=options, rejects_path=rejects,
                                   workers=workers, on_progress=report)
        except (ModelError, CacheError, CorpusError) as exc:
            raise fail(str(exc)) from None
    console.print(f"model {summary.model_id}; parse cache {out}")
    if summary.rejected:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.reject_reasons.items()))
        console.print(f"[yellow]rejected {summary.rejected}[/] ({reasons}); see {summary.rejects_path}")
    rate = summary.sentences / summary.elapsed_s if summary.elapsed_s else 0.0
    console.print(f"{summary.sentences} sentences, {summary.words} words in {summary.elapsed_s:.1f} s "
                  f"({rate:.1f} sentences/s)")
    typer.echo(f"documents={summary.documents} parsed={summary.parsed} cached={summary.cached} "
               f"rejected={summary.rejected} sentences={summary.sentences}")
