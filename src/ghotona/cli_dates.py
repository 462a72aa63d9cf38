"""CLI command ``ghotona dates``: every date expression of a text and its resolution.

Registered on ``ghotona.cli.app``; one library call (:func:`ghotona.dates.report.explain`).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from ghotona.cli import _date, app, err
from ghotona.dates.report import explain


def _line(row: dict[str, object]) -> str:
    forward = f", forward {row['future']}" if row["future"] else ""
    date = row["date"] or "unresolved"
    return (f"{row['start']}:{row['end']}\t{row['text']}\t→ {date} ({row['precision']}{forward})"
            f"\t{row['resolved_by']}")


@app.command("dates")
def dates_cmd(
    text: Annotated[str, typer.Argument(help="the text to search ('-' reads standard input)")],
    published: Annotated[Optional[str], typer.Option(
        help="publication date YYYY-MM-DD that relative expressions resolve against")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON list, one object per expression")] = False,
    bijoy: Annotated[Optional[bool], typer.Option(
        "--bijoy/--no-bijoy", help="convert Bijoy/SutonnyMJ-encoded input first (default: detect)")] = None,
) -> None:
    """Print every date expression in TEXT with its span, resolved date, precision,
    forward reading and anchor."""
    pub = _date(published, "--published")
    source = sys.stdin.read() if text == "-" else text
    rows = explain(source, pub, bijoy=bijoy)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    anchor = rows[0]["anchor"] if rows else (pub.isoformat() if pub else None)
    typer.echo(f"published {pub.isoformat() if pub else '—'}, anchor {anchor or '—'}"
               + (" (input converted from Bijoy/SutonnyMJ)" if rows and rows[0]["encoding"] == "bijoy" else ""))
    for row in rows:
        typer.echo(_line(row))
    if not rows:
        err.print("no date expressions found")
