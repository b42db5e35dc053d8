"""``eventcoder explain``: code one sentence (or a short text) and show every decision."""

from __future__ import annotations

import dataclasses
import json as jsonlib
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from eventcoder.cli.common import console, fail


def explain_command(
    text: Annotated[str, typer.Argument(help="The sentence (or a short text) to code.")],
    pub_date: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD (selects "
                                                               "date-restricted actor codes).")] = None,
    dictionaries: Annotated[list[Path] | None, typer.Option(
        "--dictionaries", help="Dictionary directory overlaid on the built-in set (repeatable).")] = None,
    model: Annotated[str, typer.Option("--model", help="builtin, stanza-en, or a model-set directory.")] = "builtin",
    as_json: Annotated[bool, typer.Option("--json", help="Print the trace as JSON.")] = False,
) -> None:
    """Show the parse, the actors found, each verb with the patterns tried, and the events (or why none)."""
    from eventcoder.coding import code_document
    from eventcoder.corpus.dates import DateError, parse_pub_date
    from eventcoder.dictionaries import DictionaryError, load_dictionaries
    from eventcoder.parse.models import ModelError, resolve_model
    from eventcoder.parse.pipeline import StanzaParser

    day: date | None = None
    if pub_date:
        try:
            day = parse_pub_date(pub_date)
        except DateError as exc:
            raise fail(f"--date: {exc}") from None
    try:
        dicts = load_dictionaries(dictionaries or [])
    except DictionaryError as exc:
        raise fail(str(exc)) from None
    try:
        parser = StanzaParser(resolve_model(model))
    except ModelError as exc:
        raise fail(str(exc)) from None
    sentences = parser.parse("explain", text)
    if not sentences:
        raise fail("the text has no sentence")
    codings = code_document(sentences, day, dicts, trace=True)
    if as_json:
        out = {"date": day.isoformat() if day else None, "dict_hash": dicts.dict_hash,
               "sentences": [{"events": [dataclasses.asdict(e) for e in c.events],
                              "trace": dataclasses.asdict(c.trace) if c.trace else None} for c in codings]}
        typer.echo(jsonlib.dumps(out, indent=2, ensure_ascii=False, default=str))
        return
    for c in codings:
        _render(c)


def _render(coding) -> None:  # type: ignore[no-untyped-def]
    tr = coding.trace
    console.rule(f"sentence {tr.sentence_idx}" + (f" (date {tr.date})" if tr.date else " (no date)"))
    console.print(tr.text, highlight=False)
    parse = Table("#", "word", "lemma", "upos", "head", "deprel", title="parse", title_justify="left")
    for w in tr.words:
        parse.add_row(str(w.index), w.text, w.lemma, w.upos, str(w.head), w.deprel)
    console.print(parse)
    console.print("[bold]dictionary phrases[/]" if tr.hits else "[bold]dictionary phrases:[/] none")
    for h in tr.hits:
        console.print(f"  {h.describe()}", highlight=False)
    console.print("[bold]actor mentions[/]" if tr.mentions else "[bold]actor mentions:[/] none")
    for m in tr.mentions:
        console.print(f"  {m.describe()}" + ("" if m.known else "  (unknown actor: never an event)"),
                      highlight=False)
    for v in tr.verbs:
        console.print(f"[bold]verb[/] {v.text!r} [{v.start_char}:{v.end_char}] -> block {v.block_id} "
                      f"(verb {v.verb_entry}, base code {v.base_code})", highlight=False)
        for p in v.patterns:
            mark = "[green]matched[/]" if p.matched else "[dim]no[/]"
            console.print(f"    {mark} {p.pattern_id} {p.text!r} [{p.code}]: {p.why}", highlight=False)
        if not v.patterns:
            console.print("    (no patterns in this block)")
        console.print(f"    code {v.code} ({v.pattern_id or 'base code'}); sources: "
                      f"{', '.join(m.code for m in v.sources) or '-'}; targets: "
                      f"{', '.join(m.code for m in v.targets) or '-'} ({v.how})", highlight=False)
        console.print(f"    -> {v.outcome}", highlight=False)
    if tr.other_verbs:
        console.print(f"[bold]verbs not in the dictionary:[/] {', '.join(tr.other_verbs)}", highlight=False)
    for note in tr.notes:
        console.print(f"[bold]note:[/] {note}", highlight=False)
    if coding.events:
        console.print("[bold]events[/]")
        for e in coding.events:
            console.print(f"  {e.describe()}", highlight=False)
    else:
        console.print(f"[bold]no event:[/] {tr.reason}", highlight=False)
