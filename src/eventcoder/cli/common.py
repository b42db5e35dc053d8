"""Options shared by commands that read a corpus, and error reporting."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.console import Console

from eventcoder.corpus import FieldMap, ReaderOptions
from eventcoder.corpus.dates import DateError, parse_pub_date
from eventcoder.corpus.readers import DEFAULT_MAX_CHARS

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

IdField = Annotated[str, typer.Option("--id-field", help="Field holding the document id.")]
DateField = Annotated[str, typer.Option("--date-field", help="Field holding the publication date.")]
TextField = Annotated[str, typer.Option("--text-field", help="Field holding the article text.")]
TitleField = Annotated[str, typer.Option("--title-field", help="Optional field holding the title.")]
SourceField = Annotated[str, typer.Option("--source-field", help="Optional field holding the news source.")]
UrlField = Annotated[str, typer.Option("--url-field", help="Optional field holding the URL.")]
DefaultDate = Annotated[
    str | None,
    typer.Option("--date", help="Publication date for documents that have none (e.g. .txt files), YYYY-MM-DD."),
]
MaxChars = Annotated[int, typer.Option("--max-chars", help="Reject documents longer than this many characters.")]


def reader_options(id_field: str, date_field: str, text_field: str, title_field: str, source_field: str,
                   url_field: str, default_date: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> ReaderOptions:
    parsed_default: date | None = None
    if default_date is not None:
        try:
            parsed_default = parse_pub_date(default_date)
        except DateError as exc:
            raise typer.BadParameter(str(exc), param_hint="--date") from None
    fields = FieldMap(id=id_field, date=date_field, text=text_field, title=title_field or None,
                      source=source_field or None, url=url_field or None)
    return ReaderOptions(fields=fields, default_date=parsed_default, max_chars=max_chars)


def fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)
