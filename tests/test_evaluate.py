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
