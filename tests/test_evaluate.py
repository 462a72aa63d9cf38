"""`ghotona eval --explain`: the per-event working list, by the shared scorer's own matching."""

from __future__ import annotations

import json
from pathlib import Path

from ghotona.evaluate import explain

SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"


def _actor(code, name):
    return {"code": code, "name": name, "sector": "GOV", "text": name}


def _event(aid, etype, src, tgt, date, prec, story=None, status="occurred", **extra):
    return {"article_id": aid, "event_type": etype, "source": src, "target": tgt, "status": status,
            "date": date, "date_precision": prec, "story": story,
            "evidence": {"sentence": f"{etype} sentence", "start": 0, "end": 1}, **extra}


def _write(path: Path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_explain_lists_missed_extra_field_and_story_differences(tmp_path):
    putin, russia, kim, prk = (_actor("RUS", "Vladimir Putin"), _actor("RUS", "Russia"),
                               _actor("PRK", "Kim Jong Un"), _actor("PRK", "North Korea"))
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    _write(tmp_path / "articles.jsonl", [{"article_id": a, "published": "2023-09-14", "file": "a.txt"}
                                         for a in ("A", "B")])
    _write(tmp_path / "events.jsonl", [
        _event("A", "CONSULT", putin, kim, "2023-09-13", "day", story="s1", symmetric=True),
        _event("A", "SANCTION", _actor("USA", "United States"), russia, None, "none"),
        _event("B", "CONSULT", russia, prk, "2023-09", "month", story="s1", symmetric=True),
    ])
    pred = tmp_path / "pred.jsonl"
    _write(pred, [
        _event("A", "CONSULT", putin, prk, "2023-09-13", "day", story="x"),   # name differs
        _event("A", "THREATEN", prk, russia, None, "none"),                    # matches nothing
        _event("B", "CONSULT", prk, russia, "2023-09-20", "day", story="y"),   # symmetric; date finer
    ])
    lines = explain(tmp_path, pred, SCORER)
    assert any(l.startswith("A MISSED  SANCTION USA:United States -> RUS:Russia") for l in lines)
    assert any(l.startswith("A EXTRA   THREATEN PRK:North Korea") for l in lines)
    assert any("A DIFF" in l and "names ['North Korea', 'Vladimir Putin'] != ['Kim Jong Un', 'Vladimir Putin']" in l
               for l in lines)
    assert any("B DIFF" in l and "date 2023-09-20/day != 2023-09/month" in l for l in lines)
    assert sum(l.startswith("STORY-SPLIT") for l in lines) == 1


def test_the_gate_checks_fixed_targets_beside_the_floors(tmp_path):
    from ghotona.evaluate import check_gate, update_baseline

    report = {"f1": 0.8, "precision": 0.9, "recall": 0.7, "status_accuracy": 0.85, "date_exact_accuracy": 0.95}
    baseline = {"floors": {"f1": 0.8}, "targets": {"status_accuracy": 0.9, "date_exact_accuracy": 0.9}}
    assert check_gate(report, baseline) == ["status_accuracy 0.85 is below its target 0.9"]
    assert check_gate({**report, "status_accuracy": 0.9}, baseline) == []
    # raising the floors after a run keeps the targets as they were
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"dev": baseline}), encoding="utf-8")
    update_baseline(path, "dev", {**report, "f1": 0.85})
    saved = json.loads(path.read_text(encoding="utf-8"))["dev"]
    assert saved["targets"] == baseline["targets"] and saved["floors"]["f1"] == 0.85


def test_the_shipped_baseline_keeps_the_issues_targets():
    """The seeds keep the coder's, dates' and actors' promises; dev2 and our own gold F1 0.70 at
    precision 0.80 (issues 4, 5, 6)."""
    data = json.loads((Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8"))
    want = {"dev": {"f1": 0.85, "status_accuracy": 0.9, "date_exact_accuracy": 0.9, "actor_name_accuracy": 0.9},
            "dev2": {"f1": 0.7, "precision": 0.8}, "gold": {"f1": 0.7, "precision": 0.8}}
    for name, targets in want.items():
        for metric, value in targets.items():
            assert data[name]["targets"][metric] >= value, (name, metric)
