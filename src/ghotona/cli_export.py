"""CLI commands ``ghotona export`` and ``ghotona report`` (registered on ``ghotona.cli.app``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ghotona.cli import DEFAULT_DB, _date, _fail, app, err
from ghotona.errors import GhotonaError
from ghotona.export import FORMATS, export, write_report
from ghotona.store import EventFilter

DbOpt = Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")]
ActorOpt = Annotated[Optional[str], typer.Option(help="actor code (RUS) or name part")]
SinceOpt = Annotated[Optional[str], typer.Option(help="YYYY-MM-DD: events dated from this day")]
UntilOpt = Annotated[Optional[str], typer.Option(help="YYYY-MM-DD: events dated up to this day")]


@app.command("export")
def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="file to write")],
    fmt: Annotated[str, typer.Option("--format", help=" | ".join(FORMATS))],
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT")] = None,
    status: Annotated[Optional[str], typer.Option(help="occurred, planned, alleged, denied, hypothetical")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    include_undated: Annotated[bool, typer.Option(
        help="GDELT formats: date undated events by their publication date instead of skipping them")] = False,
) -> None:
    """Export stored events as gdelt, gdelt-mentions, plover, jsonl, csv or parquet."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    flt = EventFilter(actor=actor, event_type=event_type, status=status,
                      since=_date(since, "--since"), until=_date(until, "--until"))
    try:
        n = export(db, fmt, output, flt, include_undated=include_undated)
    except (GhotonaError, OSError) as exc:
        _fail(exc)
        return
    err.print(f"{n} {fmt} rows written to {output}")


@app.command("report")
def report_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write")],
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    top: Annotated[int, typer.Option(min=1, max=100, help="how many top stories to show")] = 10,
) -> None:
    """Write a self-contained HTML report on an actor's events (timeline, dyads, top stories)."""
    try:
        data = write_report(db, output, actor=actor, since=_date(since, "--since"),
                            until=_date(until, "--until"), top=top)
    except (GhotonaError, OSError) as exc:
        _fail(exc)
        return
    err.print(f"report on {actor or 'all actors'}: {data.total} events, {len(data.months)} months, "
              f"{len(data.top)} top stories → {output}")
