"""``ghotona actors TEXT [--date D] [--json]``: who and where a Bengali text names, and how.

One library call (:func:`ghotona.actors.explain`); this module only parses and prints.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ghotona.actors import explain
from ghotona.cli import _date, app


@app.command()
def actors(
    text: Annotated[str, typer.Argument(help="Bengali text (use - to read standard input)")],
    date: Annotated[str | None, typer.Option("--date", help="article date YYYY-MM-DD: resolves roles to office holders")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
) -> None:
    """Print each actor mention (identity, code, sector, how resolved) and each place."""
    when = _date(date, "--date")
    if text == "-":
        text = sys.stdin.read()
    result = explain(text, when)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    out = Console()
    table = Table(title=f"actors ({len(result.actors)})" + (f" on {when}" if when else ""))
    for col in ("span", "text", "code", "name", "sector", "role", "suffix", "resolved_by"):
        table.add_column(col, overflow="fold")
    for m in result.actors:
        a = m.actor
        table.add_row(f"{m.start}-{m.end}", m.text, (a.code if a else None) or "—", (a.name if a else None) or "—",
                      (a.sector if a else None) or "—", m.role or "—", m.suffix or "—", m.resolved_by)
    out.print(table)
    places = Table(title=f"places ({len(result.places)})")
    for col in ("span", "text", "code", "name", "lat", "lon", "suffix"):
        places.add_column(col, overflow="fold")
    for m in result.places:
        p = m.place
        places.add_row(f"{m.start}-{m.end}", m.text, (p.code if p else None) or "—", (p.name if p else None) or "—",
                       "—" if p is None or p.lat is None else f"{p.lat:.2f}",
                       "—" if p is None or p.lon is None else f"{p.lon:.2f}", m.suffix or "—")
    out.print(places)
