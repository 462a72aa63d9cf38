"""The reliability table uses the shared scorer's own matching."""

from __future__ import annotations

import json
from pathlib import Path

from ghotona.evaluate import reliability

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def _event(eid: str, etype: str, src: str, tgt: str, conf: float | None = None, **extra) -> dict:
    ev = {"id": eid, "article_id": "a1", "event_type": etype, "source": {"code": src}, "target": {"code": tgt},
          "symmetric": False, "date": None, "date_precision": "none", "status": "occurred"}
    if conf is not None:
        ev["confidence"] = conf
    ev.update(extra)
    return ev


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_bins_count_true_and_false_positives_and_skip_optional_matches(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    _write(gold / "articles.jsonl", [{"article_id": "a1", "file": "a1.txt"}])
    _write(gold / "events.jsonl", [_event("g1", "CONSULT", "RUS", "PRK"),
                                   _event("g2", "ASSAULT", "ISR", "PSE", optional=True)])
    preds = tmp_path / "pred.jsonl"
    _write(preds, [_event("p1", "CONSULT", "RUS", "PRK", 0.95),     # true positive
                   _event("p2", "ACCUSE", "USA", "RUS", 0.93),      # false positive
                   _event("p3", "ASSAULT", "ISR", "PSE", 0.55),     # matches an optional gold: left out
                   _event("p4", "PROTEST", "BGD", "BGD", 0.72)])    # false positive
    rows = {r["bin"]: r for r in reliability(gold, preds, SCORER)}
    assert rows["0.9-1.0"]["n"] == 2 and rows["0.9-1.0"]["precision"] == 0.5
    assert rows["0.9-1.0"]["mean_confidence"] == 0.94
    assert rows["0.7-0.8"]["n"] == 1 and rows["0.7-0.8"]["precision"] == 0.0
    assert rows["0.5-0.6"]["n"] == 0 and rows["0.5-0.6"]["precision"] is None
    assert sum(r["n"] for r in rows.values()) == 3
