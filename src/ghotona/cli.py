"""Command line: each command parses its options, makes one library call and prints."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from tqdm import tqdm

from ghotona import jobs
from ghotona.errors import GhotonaError
from ghotona.evaluate import check_gate, evaluate, fit_calibration, update_baseline
from ghotona.model import Event, Result
from ghotona.readers import parse_date
from ghotona.store import EventFilter, Store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="ghotona: Bengali news in, dated political events out.")
err = Console(stderr=True)
DEFAULT_DB = "ghotona.db"


def _date(value: Optional[str], option: str) -> Optional[dt.date]:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{option} expects YYYY-MM-DD, got {value!r}") from exc


def _fail(exc: Exception) -> None:
    err.print(f"[red]Error:[/red] {exc}")
    raise typer.Exit(1)


def _event_table(events: list[Event], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("date", "prec", "type", "source", "target", "status", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(e.date or "—", e.date_precision, e.event_type,
                      f"{e.source.code} {e.source.name or ''}" if e.source else "—",
                      f"{e.target.code} {e.target.name or ''}" if e.target else "—",
                      e.status, e.evidence.sentence[:80])
    return table


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="text/HTML files, folders or JSONL files")],
    published: Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD for all inputs")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="write events here")] = None,
    articles_out: Annotated[Optional[Path], typer.Option(help="write cleaned articles (JSONL) here")] = None,
) -> None:
    """Extract events from articles and print them (JSONL by default)."""
    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    pub = _date(published, "--published")
    results: list[Result] = []
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    arts = articles_out.open("w", encoding="utf-8") if articles_out else None
    try:
        for res in jobs.extract(paths, published=pub):
            results.append(res)
            if fmt == "jsonl":
                for e in res.events:
                    out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            if arts:
                arts.write(json.dumps(res.article.to_dict(res.failure.reason if res.failure else None),
                                      ensure_ascii=False) + "\n")
            if res.failure:
                err.print(f"[yellow]skipped[/yellow] {res.failure.article_id}: {res.failure.reason}")
    except GhotonaError as exc:
        _fail(exc)
    finally:
        if output:
            out.close()
        if arts:
            arts.close()
    if fmt == "table":
        Console(file=out if output else None).print(
            _event_table([e for r in results for e in r.events], "events"))
    failed = sum(1 for r in results if r.failure)
    err.print(f"{len(results)} articles, {sum(len(r.events) for r in results)} events, {failed} failed")
    if results and failed == len(results):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="text/HTML files, folders or JSONL files")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = DEFAULT_DB,
    published: Annotated[Optional[str], typer.Option(help="publication date YYYY-MM-DD")] = None,
    scheduler: Annotated[Optional[str], typer.Option(help="extract on this Dask cluster (tcp://HOST:PORT)")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, help="extract on a local Dask cluster of N processes")] = None,
) -> None:
    """Extract and store articles and events; re-ingesting unchanged articles is a no-op."""
    pub = _date(published, "--published")
    if scheduler and workers:
        raise typer.BadParameter("give --scheduler or --workers, not both")
    bar = tqdm(unit="article", desc="ingest", file=sys.stderr, disable=None)
    try:
        stats = jobs.ingest(paths, db, published=pub, on_batch=lambda b: bar.update(len(b)),
                            scheduler=scheduler, workers=workers)
    except GhotonaError as exc:
        bar.close()
        _fail(exc)
        return
    bar.close()
    err.print(f"articles: {stats.articles_new} new, {stats.articles_replaced} replaced, "
              f"{stats.articles_unchanged} unchanged, {stats.duplicates} near-duplicates skipped; "
              f"events: {stats.events} ({stats.stories} newly clustered into stories); failures: {stats.failures}")
    for reason, n in sorted(stats.failure_reasons.items()):
        err.print(f"  {n} × {reason}")


@app.command()
def events(
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = DEFAULT_DB,
    actor: Annotated[Optional[str], typer.Option(help="actor code (RUS) or name part")] = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT")] = None,
    status: Annotated[Optional[str], typer.Option(help="occurred, planned, alleged, denied, hypothetical")] = None,
    since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    limit: Annotated[Optional[int], typer.Option(help="at most this many")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
) -> None:
    """List stored events, oldest first (undated last)."""
    flt = EventFilter(actor=actor, event_type=event_type, status=status, since=_date(since, "--since"),
                      until=_date(until, "--until"), limit=limit)
    try:
        with Store(db) as store:
            found = store.events(flt)
    except GhotonaError as exc:
        _fail(exc)
        return
    if fmt == "jsonl":
        for e in found:
            typer.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    else:
        Console().print(_event_table(found, f"{len(found)} events"))


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option(help="gold folder with articles.jsonl and events.jsonl")],
    scorer: Annotated[Optional[Path], typer.Option(help="score.py (default: beside the gold folder)")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="baseline JSON with pinned floors")] = None,
    name: Annotated[Optional[str], typer.Option(help="gold set name in the baseline (default: folder name)")] = None,
    update: Annotated[bool, typer.Option("--update-baseline", help="raise the floors to this run")] = False,
    allow_lower: Annotated[bool, typer.Option(help="allow --update-baseline to lower floors")] = False,
    reason: Annotated[Optional[str], typer.Option(help="why floors are lowered (required with --allow-lower)")] = None,
    keep: Annotated[Optional[Path], typer.Option(help="keep predicted events/articles in this folder")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    show_explain: Annotated[bool, typer.Option("--explain", help="also list missed, extra and mismatched events")] = False,
    calibration_out: Annotated[Optional[Path], typer.Option("--fit-calibration",
        help="fit the confidence calibration on this gold set and write it to this TSV, then stop")] = None,
) -> None:
    """Extract the gold articles, score them with the shared scorer, check the gate."""
    set_name = name or gold.resolve().name
    if calibration_out is not None:
        try:
            cal = fit_calibration(gold, scorer=scorer)
        except GhotonaError as exc:
            _fail(exc)
            return
        calibration_out.write_text(cal.to_tsv(f"Fitted {dt.date.today()} on {set_name} with raw confidences "
                                              "(ghotona eval --fit-calibration)"), encoding="utf-8")
        for raw, value, n in zip(cal.raw_upto, cal.calibrated, cal.n):
            err.print(f"raw ≤ {raw:.2f} -> {value:.3f}  ({n} events)")
        return
    try:
        report = evaluate(gold, scorer=scorer, keep_dir=keep, with_explain=show_explain)
        if update and baseline:
            update_baseline(baseline, set_name, report, allow_lower=allow_lower, reason=reason)
    except GhotonaError as exc:
        _fail(exc)
        return
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        for k, v in report.items():
            if k not in ("per_type", "failures", "reliability", "explain"):
                typer.echo(f"{k:28} {v}")
        typer.echo(f"{'type':10} {'matched':>7} {'fp':>4} {'missed':>6}")
        for t, row in report.get("per_type", {}).items():
            typer.echo(f"{t:10} {row['matched']:7} {row['false_positives']:4} {row['missed']:6}")
        typer.echo(f"{'confidence':10} {'n':>5} {'mean':>6} {'precision':>9}")
        for row in report.get("reliability", []):
            mean = "—" if row["mean_confidence"] is None else f"{row['mean_confidence']:.3f}"
            prec = "—" if row["precision"] is None else f"{row['precision']:.3f}"
            typer.echo(f"{row['bin']:10} {row['n']:5} {mean:>6} {prec:>9}")
        for line in report.get("explain", []):
            typer.echo(line)
        typer.echo(f"F1 {report['f1']}")
    if baseline and not update:
        floors = json.loads(baseline.read_text(encoding="utf-8")).get(set_name)
        if floors is None:
            _fail(Exception(f"no floors for {set_name!r} in {baseline}"))
        problems = check_gate(report, floors)
        if problems:
            for p in problems:
                err.print(f"[red]quality gate:[/red] {set_name}: {p}")
            raise typer.Exit(1)
        err.print(f"quality gate passed for {set_name}")



# Commands that live in their own modules (cli_<name>.py) register themselves on `app`
# when imported here, one import line each.
from ghotona import cli_export  # noqa: E402,F401
from ghotona import cli_stories  # noqa: E402,F401
from ghotona import cli_serve  # noqa: E402,F401
from ghotona import cli_dates  # noqa: E402,F401
from ghotona import cli_actors  # noqa: E402,F401


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
