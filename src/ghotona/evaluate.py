"""Evaluation against a gold folder (shared/spec/events.md, "Gold files") and the
quality gate that pins floors in a committed baseline file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import itertools
import json
import logging
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.errors import EvalError
from ghotona.events.calibration import Calibration, fit
from ghotona.model import Article, Result
from ghotona.pipeline import process
from ghotona.readers import parse_date, read_text
from ghotona.stories import attach_stories

LOGGER = logging.getLogger(__name__)

# Pinned by the gate. Field accuracies on matched pairs (status, date) move whenever the
# set of matches changes, so they are reported but not pinned.
GATED_METRICS = ("f1", "precision", "recall", "evidence_valid", "cleaning_checks_passed",
                 "published_date_accuracy", "story_pairwise_precision", "story_pairwise_recall")


def _corpus_index(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in wanted:
                found[rec["id"]] = rec
    return found


def gold_articles(gold_dir: Path) -> Iterator[Article]:
    """The gold folder's articles, read as a user would pass them.

    A published date is given to the pipeline only where the page itself does not state
    it (``published_in_text`` false); otherwise the pipeline must find it on the page.
    """
    path = gold_dir / "articles.jsonl"
    if not path.exists():
        raise EvalError(f"no articles.jsonl in gold folder {gold_dir}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpora: dict[Path, dict[str, dict[str, Any]]] = {}
    for row in rows:
        if row.get("corpus"):
            cpath = (gold_dir / row["corpus"]).resolve()
            corpora.setdefault(cpath, {})
    for cpath in corpora:
        ids = {r["article_id"] for r in rows if r.get("corpus") and (gold_dir / r["corpus"]).resolve() == cpath}
        corpora[cpath] = _corpus_index(cpath, ids)
    for row in rows:
        given = None if row.get("published_in_text") else parse_date(row.get("published"))
        if row.get("file"):
            art = read_text(gold_dir / row["file"], given)
            if not isinstance(art, Article):
                raise EvalError(f"gold article {row['article_id']}: {art.reason}")
            yield Article(article_id=row["article_id"], raw=art.raw, outlet=row.get("outlet"),
                          published=given, published_source="given" if given else "none",
                          source_path=art.source_path)
        else:
            rec = corpora[(gold_dir / row["corpus"]).resolve()].get(row["article_id"])
            if rec is None:
                raise EvalError(f"gold article {row['article_id']} not found in {row['corpus']}")
            yield Article(article_id=rec["id"], raw=rec["text"], title=rec.get("title"), url=rec.get("url"),
                          outlet=rec.get("outlet"), published=given,
                          published_source="given" if given else "none")


def write_outputs(results: list[Result], events_path: Path, articles_path: Path) -> None:
    """Events JSONL and cleaned-articles JSONL, as ``ghotona extract`` writes them."""
    with events_path.open("w", encoding="utf-8") as ev, articles_path.open("w", encoding="utf-8") as ar:
        for res in results:
            for e in res.events:
                ev.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            ar.write(json.dumps(res.article.to_dict(res.failure.reason if res.failure else None),
                                ensure_ascii=False) + "\n")


def default_scorer(gold_dir: Path) -> Path:
    return gold_dir.resolve().parent / "score.py"


def evaluate(gold_dir: Path, *, scorer: Path | None = None, settings: Settings = DEFAULT_SETTINGS,
             keep_dir: Path | None = None, with_explain: bool = False) -> dict[str, Any]:
    """Extract the gold articles and score them with the shared scorer; the report dict."""
    scorer = scorer or default_scorer(gold_dir)
    if not scorer.exists():
        raise EvalError(f"scorer not found at {scorer}; pass --scorer")
    # Stories are clustered across the gold set, as an ingest would, so the scorer's story
    # pairwise precision/recall measure the clustering too.
    results = attach_stories(process(gold_articles(gold_dir), settings))
    with tempfile.TemporaryDirectory() as tmp:
        out = keep_dir or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        ev_path, ar_path = out / "events.jsonl", out / "articles.jsonl"
        write_outputs(results, ev_path, ar_path)
        proc = subprocess.run([sys.executable, str(scorer), "--gold", str(gold_dir), "--pred", str(ev_path),
                               "--articles", str(ar_path), "--json"],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise EvalError(f"scorer failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        report: dict[str, Any] = json.loads(proc.stdout.splitlines()[0])
        report["reliability"] = reliability(gold_dir, ev_path, scorer)
        if with_explain:
            report["explain"] = explain(gold_dir, ev_path, scorer)
    report["failures"] = {r.article.article_id: r.failure.reason for r in results if r.failure}
    return report


RELIABILITY_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def _load_scorer(scorer: Path) -> Any:
    spec = importlib.util.spec_from_file_location("_ghotona_scorer", scorer)
    if spec is None or spec.loader is None:
        raise EvalError(f"cannot load the scorer at {scorer}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _matched(gold_dir: Path, pred_path: Path, scorer: Path) -> Iterator[tuple[str, list[dict], list[dict], dict[int, int]]]:
    """Per gold article: (id, predictions, gold events, {pred index: gold index}), by the
    scorer's own matching (``compatible``, ``closeness``, ``max_matching``)."""
    mod = _load_scorer(scorer)
    arts = {a["article_id"] for a in mod.load_jsonl(gold_dir / "articles.jsonl")}
    gold = [g for g in mod.load_jsonl(gold_dir / "events.jsonl") if g["article_id"] in arts]
    preds = [p for p in mod.load_jsonl(pred_path) if p.get("article_id") in arts]
    for aid in sorted(arts):
        P = [p for p in preds if p["article_id"] == aid]
        G = [g for g in gold if g["article_id"] == aid]
        req = [i for i, g in enumerate(G) if not g.get("optional")]
        opt = [i for i, g in enumerate(G) if g.get("optional")]
        pairs = mod.max_matching(len(P), req, opt, lambda i, j: mod.compatible(P[i], G[j]),
                                 lambda i, j: mod.closeness(P[i], G[j]))
        yield aid, P, G, pairs


def match_outcomes(gold_dir: Path, pred_path: Path, scorer: Path) -> list[tuple[float, bool]]:
    """(confidence, matched a required gold event) for every prediction, so "matched" here is
    exactly a true positive for the scorer; predictions matched to an optional gold event are
    left out, like the scorer does."""
    outcomes: list[tuple[float, bool]] = []
    for _aid, P, G, pairs in _matched(gold_dir, pred_path, scorer):
        for i, p in enumerate(P):
            if i in pairs and G[pairs[i]].get("optional"):
                continue
            outcomes.append((float(p.get("confidence") or 0.0), i in pairs))
    return outcomes


def _brief(e: dict[str, Any]) -> str:
    def actor(a: dict[str, Any] | None) -> str:
        return f"{a.get('code')}:{a.get('name')}" if a else "-"
    return (f"{e.get('event_type')} {actor(e.get('source'))} -> {actor(e.get('target'))} "
            f"{e.get('status')} {e.get('date')}/{e.get('date_precision')}")


def explain(gold_dir: Path, pred_path: Path, scorer: Path) -> list[str]:
    """Lines that say, per article, which required gold events were missed, which
    predictions matched nothing, and on matched pairs which fields (status, date, actor
    names, story) disagree: the working list for improving the coder."""
    lines: list[str] = []
    storied: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for aid, P, G, pairs in _matched(gold_dir, pred_path, scorer):
        storied += [(P[i], G[j]) for i, j in pairs.items() if G[j].get("story") and not G[j].get("optional")]
        got = set(pairs.values())
        for j, g in enumerate(G):
            if not g.get("optional") and j not in got:
                lines.append(f"{aid} MISSED  {_brief(g)} | {(g.get('evidence') or {}).get('sentence', '')[:90]}")
        for i, p in enumerate(P):
            if i not in pairs:
                lines.append(f"{aid} EXTRA   {_brief(p)} | {(p.get('evidence') or {}).get('sentence', '')[:90]}")
                continue
            g = G[pairs[i]]
            if g.get("optional"):
                continue
            diffs = []
            if p.get("status") not in [g.get("status"), *g.get("alt_status", [])]:
                diffs.append(f"status {p.get('status')} != {g.get('status')}")
            if (p.get("date"), p.get("date_precision")) != (g.get("date"), g.get("date_precision")):
                diffs.append(f"date {p.get('date')}/{p.get('date_precision')} != "
                             f"{g.get('date')}/{g.get('date_precision')}")
            names = lambda e: sorted((a or {}).get("name", "") for a in (e.get("source"), e.get("target")) if a)
            if [n.casefold() for n in names(p)] != [n.casefold() for n in names(g)]:
                diffs.append(f"names {names(p)} != {names(g)}")
            if diffs:
                lines.append(f"{aid} DIFF    {_brief(g)} : " + "; ".join(diffs))
    for (p1, g1), (p2, g2) in itertools.combinations(storied, 2):
        same_gold = g1["story"] == g2["story"]
        same_pred = p1.get("story") is not None and p1.get("story") == p2.get("story")
        if same_gold != same_pred:
            lines.append(f"{'STORY-SPLIT' if same_gold else 'STORY-JOIN'} {p1['article_id']} {_brief(p1)} "
                         f"[{p1.get('story')}] ~ {p2['article_id']} {_brief(p2)} [{p2.get('story')}]")
    return lines


def reliability(gold_dir: Path, pred_path: Path, scorer: Path) -> list[dict[str, Any]]:
    """A reliability table: per confidence bin, how many predictions and what share matched."""
    outcomes = match_outcomes(gold_dir, pred_path, scorer)
    rows = []
    for lo, hi in zip(RELIABILITY_EDGES, RELIABILITY_EDGES[1:]):
        inside = [ok for c, ok in outcomes if lo <= c < hi]
        confs = [c for c, _ in outcomes if lo <= c < hi]
        rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                     "mean_confidence": round(sum(confs) / len(confs), 3) if confs else None,
                     "precision": round(sum(inside) / len(inside), 3) if inside else None})
    return rows


def fit_calibration(gold_dir: Path, *, scorer: Path | None = None) -> Calibration:
    """Fit the confidence calibration on ``gold_dir``: extract it with raw (uncalibrated)
    confidences, match with the scorer, isotonic fit of match rate on raw confidence."""
    scorer = scorer or default_scorer(gold_dir)
    with tempfile.TemporaryDirectory() as tmp:
        evaluate(gold_dir, scorer=scorer, settings=dataclasses.replace(DEFAULT_SETTINGS, calibrate=False),
                 keep_dir=Path(tmp))
        return fit(match_outcomes(gold_dir, Path(tmp) / "events.jsonl", scorer))


def check_gate(report: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Metrics of ``report`` below their floor or their target in ``baseline`` (empty when the
    gate passes). Floors are the last accepted run's values (``update_baseline`` raises them);
    targets are fixed requirements (an issue's "done when"), kept by hand and never moved by a
    run, so a metric that is not pinned (status, date, names on matched events) still cannot
    fall below what was promised."""
    problems = []
    for kind in ("floors", "targets"):
        for metric, floor in baseline.get(kind, {}).items():
            value = report.get(metric)
            if value is None or value + 1e-9 < floor:
                problems.append(f"{metric} {value} is below its {kind[:-1]} {floor}")
    return problems


def update_baseline(path: Path, name: str, report: dict[str, Any], *, allow_lower: bool = False,
                    reason: str | None = None) -> dict[str, Any]:
    """Raise the floors of gold set ``name`` in the baseline file to the report's values.

    Lowering any floor needs ``allow_lower`` and a ``reason``, which is recorded.
    """
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    entry = data.get(name, {"floors": {}})
    new = {m: round(float(report[m]), 4) for m in GATED_METRICS if report.get(m) is not None}
    lowered = [m for m, v in new.items() if v < entry["floors"].get(m, 0.0)]
    if lowered and not (allow_lower and reason):
        raise EvalError(f"refusing to lower floors {lowered} of {name!r}: pass --allow-lower and --reason")
    entry["floors"] = new
    history = entry.setdefault("history", [])
    history.append({"date": dt.date.today().isoformat(), "floors": new, **({"reason": reason} if reason else {})})
    data[name] = entry
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return data
