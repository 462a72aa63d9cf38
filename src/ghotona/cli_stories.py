"""``ghotona stories``: list cross-article stories (registered on ``ghotona.cli.app``)."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ghotona.cli import DEFAULT_DB, app, err
from ghotona.errors import GhotonaError
from ghotona.readers import parse_date
from ghotona.store import Store
from ghotona.store.stories import StoryRow, assign_stories, list_stories


def _story_table(rows: list[StoryRow], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("story", "date", "type", "actors", "mentions", "reported", "outlets", "status"):
        table.add_column(col, overflow="fold")
    for r in rows:
        reported = "—"
        if r.first_report:
            reported = r.first_report.isoformat()
            if r.last_report and r.last_report != r.first_report:
                reported += f" … {r.last_report.isoformat()}"
        counts = f"{r.n_mentions} in {r.n_articles} art." + (f" +{r.copies} copies" if r.copies else "")
        outlets = ", ".join(sorted({*r.outlets, *r.copy_outlets})) or "—"
        date = f"{r.date} ({r.date_precision})" if r.date else "undated"
        actors = f"{r.source} {'↔' if r.symmetric else '→'} {r.target}"
        table.add_row(r.story_id, date, r.event_type, actors, counts, reported, outlets, r.status_summary)
    return table


@app.command()
def stories(
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = DEFAULT_DB,
    actor: Annotated[Optional[str], typer.Option(help="actor code (RUS) or name part, either side")] = None,
    since: Annotated[Optional[str], typer.Option(help="last reported on or after YYYY-MM-DD")] = None,
    limit: Annotated[Optional[int], typer.Option(help="at most this many")] = None,
    min_mentions: Annotated[int, typer.Option(help="only stories with at least this many mentions")] = 1,
    assign: Annotated[bool, typer.Option("--assign", help="first cluster events that have no story yet")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
    """List stories (one real-world event reported by several articles), latest report first."""
    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("--format must be table or jsonl")
    try:
        since_date = parse_date(since)
    except ValueError as exc:
        raise typer.BadParameter(f"--since expects YYYY-MM-DD, got {since!r}") from exc
    try:
        with Store(db) as store:
            if assign:
                stats = assign_stories(store)
                err.print(f"stories: {stats.events_assigned} events assigned, {stats.stories_written} stories "
                          f"written, {stats.stories_removed} removed")
            rows = list_stories(store, actor=actor, since=since_date, limit=limit, min_mentions=min_mentions)
    except GhotonaError as exc:
        err.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from exc
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r.to_dict(), ensure_ascii=False))
    else:
        Console().print(_story_table(rows, f"{len(rows)} stories"))
