"""Reliability: hostile inputs, per-article limits, crash safety (kill -9 and resume).

Everything is real: files read by the real readers, the real pipeline, real SQLite files
and the real PostgreSQL fixture, real ``ghotona`` subprocesses killed with SIGKILL. The
``long`` variants (``make test-long``) run more items, more kills and both backends.
Figures are written to artifacts/robustness/*.json (docs/reliability.md quotes them).
"""

from __future__ import annotations

import collections
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from ghotona.config import Settings
from ghotona.jobs import ingest
from ghotona.limits import TimeLimitExceeded, run_limited
from ghotona.model import Article
from ghotona.pipeline import analyse, undo_mojibake
from ghotona.readers import decode_bytes
from ghotona.store import Store, reason_key, safe_row
from ghotona.store.schema import ingest_log
from hostile import CORPUS, DUP, FAILED, STORED, clear_reason, hostile_items, sentence_pool, write_corpus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "artifacts" / "robustness"
BIN = Path(sys.executable).parent
SEEDS = ROOT / "examples" / "seeds.jsonl"


def _figures(name: str, data: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def _key(item_key: str) -> str:
    return str(safe_row(ingest_log, {"item_key": item_key})["item_key"])


# -- limits ------------------------------------------------------------------------------------

def test_time_limit_stops_waiting_and_names_the_stage():
    def slow(progress):
        progress.stage = "mentions"
        while True:   # pure Python: the abandoned helper stops at its next bytecode
            pass

    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded) as info:
        run_limited(slow, 0.3)
    assert time.monotonic() - started < 5
    assert info.value.stage == "mentions" and "timed out after 0.3s in stage mentions" in str(info.value)
    assert run_limited(lambda p: 42, 5) == 42            # a fresh helper serves the next call
    with pytest.raises(KeyError):
        run_limited(lambda p: {}["x"], 5)                 # exceptions reach the caller


def test_time_limit_works_in_worker_threads():
    """No signals: the limit holds in any thread (Dask workers, the API's thread pool)."""
    out = {}

    def worker(n):
        try:
            run_limited(lambda p: time.sleep(30) if n % 2 else n, 0.5)
            out[n] = "done"
        except TimeLimitExceeded:
            out[n] = "timeout"

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert out == {0: "done", 1: "timeout", 2: "done", 3: "timeout"}


def test_article_time_and_size_limits_are_settings_with_clear_reasons():
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[0])["text"]
    first = text.split("।")[0] + "। "
    res = analyse(Article("rep", first * 3000), Settings(max_article_seconds=0.5))
    assert res.failure is not None and not res.events
    assert re.fullmatch(r"timed out after 0\.5s in stage \w+ \(max_article_seconds\)", res.failure.reason)
    res = analyse(Article("big", text), Settings(max_article_bytes=1000))
    assert res.failure.reason == f"article too large: {len(text.encode())} bytes, limit 1000 bytes (max_article_bytes)"
    assert analyse(Article("ok", text), Settings(max_article_seconds=60)).events   # the next article is coded


def test_encodings_are_repaired_not_lost():
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[1])["text"]
    assert decode_bytes(text.encode("utf-16-le")) == text            # UTF-16 without a BOM
    assert decode_bytes(text.encode("utf-16-be")) == text
    cut = text.encode()[:-1]                                          # cut inside the last character
    assert decode_bytes(cut) == text[:-1]
    assert undo_mojibake(text.encode().decode("latin-1")) == text
    assert undo_mojibake("plain English text, nothing to repair") is None
    for raw in (text.encode().decode("latin-1"), text + "\x00\ud800"):
        res = analyse(Article("x", raw))
        assert res.failure is None and res.events


# -- the hostile corpus ---------------------------------------------------------------------------

def _run_hostile(tmp_path: Path, db: str, *, n: int, huge: int, repeated: int, name: str) -> None:
    rng = random.Random(20240601)
    items = list(hostile_items(n, rng, sentence_pool(), huge=huge, repeated=repeated))
    assert len(items) >= 1000
    write_corpus(items, tmp_path / "in")
    settings = Settings(max_article_seconds=5)
    started = time.monotonic()
    stats = ingest([tmp_path / "in"], db, settings=settings)        # must not raise
    seconds = time.monotonic() - started
    with Store(db) as store:
        log = {r["item_key"]: r for r in store.ingest_log()}
        counts = store.counts()
        failures = {f["article_id"]: f for f in store.failures()}
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_reason: collections.Counter = collections.Counter()
    problems = []
    for it in items:
        row = log.get(_key(it.key))
        if row is None:
            problems.append(f"{it.kind} {it.key!r}: lost (no ingest-log row)")
            continue
        by_kind[it.kind][row["outcome"]] += 1
        if row["outcome"] not in it.expect:
            problems.append(f"{it.kind} {it.key!r}: {row['outcome']} ({row['reason']}), expected {sorted(it.expect)}")
        if row["outcome"] == FAILED:
            by_reason[reason_key(row["reason"])] += 1
            if not clear_reason(row["reason"]) or (it.reason and not re.search(it.reason, row["reason"])):
                problems.append(f"{it.kind} {it.key!r}: unclear or unexpected reason {row['reason']!r}")
            if _key(it.key) not in failures:
                problems.append(f"{it.kind} {it.key!r}: failure not in the failures table")
    assert not problems, "\n".join(problems[:30])
    outcomes = collections.Counter(r["outcome"] for r in log.values())
    assert outcomes[STORED] == counts["articles"] and outcomes[FAILED] == counts["failures"]
    assert stats.events == counts["events"]
    # re-ingesting the same input is a no-op
    again = ingest([tmp_path / "in"], db, settings=settings)
    with Store(db) as store:
        assert store.counts() == counts
    assert again.articles_new == again.articles_replaced == again.events == 0
    _figures(name, {"items": len(items), "kinds": len(by_kind), "seconds": round(seconds, 1),
                    "outcomes": dict(outcomes), "events": counts["events"],
                    "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
                    "failure_reasons": dict(by_reason.most_common()),
                    "reingest_seconds": None})


def test_hostile_corpus(tmp_path):
    """≥ 1,000 hostile items through the real readers, pipeline and SQLite store."""
    _run_hostile(tmp_path, str(tmp_path / "h.db"), n=60, huge=2, repeated=1, name="hostile")


@pytest.mark.long
def test_hostile_corpus_long(tmp_path, db_url):
    """~3,000 hostile items, 50 MB pages in every format, on SQLite and PostgreSQL."""
    backend = "postgresql" if db_url.startswith("postgres") else "sqlite"
    _run_hostile(tmp_path, db_url, n=180, huge=6, repeated=3, name=f"hostile-long-{backend}")


# -- crash safety ---------------------------------------------------------------------------------

DRIVER = """
import sys
from ghotona.config import Settings
from ghotona.jobs import ingest
ingest([sys.argv[1]], sys.argv[2], settings=Settings(batch_size=int(sys.argv[3]), max_article_seconds=20))
"""


def _kill_input(path: Path, n_articles: int) -> list[str]:
    """Real articles (seeds, corpus development half), some near-duplicate copies, some bad lines."""
    recs = [json.loads(x) for x in SEEDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    if CORPUS.exists():
        import hashlib
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if hashlib.sha1(rec["id"].encode()).hexdigest()[0] in "01234567" and len(rec.get("text") or "") < 6000:
                    recs.append({k: rec.get(k) for k in ("id", "text", "published", "title", "outlet", "url")})
                if len(recs) >= n_articles:
                    break
    rng = random.Random(7)
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    for r in rng.sample(recs, max(2, len(recs) // 15)):       # syndicated copies
        lines.insert(rng.randrange(len(lines)), json.dumps({**r, "id": r["id"] + "-copy",
                                                            "text": "(এএফপি) " + r["text"]}, ensure_ascii=False))
    for k in range(max(2, len(recs) // 20)):                  # failures
        lines.insert(rng.randrange(len(lines)), json.dumps({"id": f"bad-{k}", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(x)["id"] for x in lines]


def _snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "ingest_log" not in tables:
            return {"log": {}, "events": {}}
        log = {r[0]: r[1:] for r in con.execute("SELECT item_key, outcome, events, content_hash FROM ingest_log")}
        arts = {r[0]: r[1] for r in con.execute("SELECT article_id, content_hash FROM articles")}
        evs = collections.Counter(r[0] for r in con.execute("SELECT article_id FROM events"))
        dups = {r[0] for r in con.execute("SELECT article_id FROM article_duplicates")}
        fails = {r[0] for r in con.execute("SELECT article_id FROM failures")}
        ev_rows = sorted(con.execute(
            "SELECT event_id, article_id, event_type, source_code, target_code, date, status, evidence_start "
            "FROM events").fetchall())
    finally:
        con.close()
    # no half-written article: an article, its events and its log row commit together.
    # (A stored article found to copy an article stored later is logged as a duplicate when
    # a resumed run meets it again; its events go when the link is recorded at the end.)
    for aid, chash in arts.items():
        assert aid in log and log[aid][0] in (STORED, DUP) and log[aid][2] == chash, aid
        assert evs.get(aid, 0) in (log[aid][1], 0) if log[aid][0] == DUP or aid in dups else \
            evs.get(aid, 0) == log[aid][1], (aid, evs.get(aid, 0), log[aid])
    for aid, (outcome, _n, _h) in log.items():
        assert outcome != STORED or aid in arts, aid
        assert outcome != FAILED or aid in fails, aid
    assert set(evs) <= set(arts)
    outcomes = {aid: DUP if aid in dups else v[0] for aid, v in log.items()}
    return {"log": log, "outcomes": outcomes, "events": ev_rows, "articles": sorted(arts.items())}


def _kill_and_resume(tmp_path: Path, kills: int, n_articles: int, batch: int) -> dict:
    src = tmp_path / "in.jsonl"
    ids = _kill_input(src, n_articles)
    ref_db, db = tmp_path / "ref.db", tmp_path / "k.db"
    subprocess.run([str(BIN / "python"), "-c", DRIVER, str(src), str(ref_db), str(batch)], check=True, timeout=600)
    ref = _snapshot(ref_db)
    assert set(ref["log"]) == set(ids), "the reference run lost items"
    rng = random.Random(1234)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    killed_at, resumed = [], 0
    # kill points spread over the run: after a random number of logged items (each run resumes
    # the last and is killed further on), the last one once every item is logged (duplicate
    # links and story clustering at the end)
    targets = [*sorted(rng.sample(range(1, len(ids)), kills - 1)), len(ids)]
    for k, target in enumerate(targets):
        # most runs through the driver (small batches: many commits to land between);
        # every fourth through the real console script with its default batch size
        cmd = ([str(BIN / "ghotona"), "ingest", str(src), "--db", str(db)] if k % 4 == 3 else
               [str(BIN / "python"), "-c", DRIVER, str(src), str(db), str(batch)])
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                try:
                    con = sqlite3.connect(db, timeout=1)
                    n = con.execute("SELECT count(*) FROM ingest_log").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    n = 0
                if n >= target:
                    break
            time.sleep(0.05)
        time.sleep(rng.random() * 0.2)     # a random point inside the next batch or its commit
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed_at.append(len(_snapshot(db)["log"]))   # also checks the invariants right after
        else:
            resumed += 1   # it finished before the kill landed
    final = subprocess.run([str(BIN / "ghotona"), "ingest", str(src), "--db", str(db)], capture_output=True,
                           text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    got = _snapshot(db)
    assert set(got["log"]) == set(ids), f"lost: {sorted(set(ids) - set(got['log']))[:10]}"
    assert got["outcomes"] == ref["outcomes"] and got["articles"] == ref["articles"]
    assert got["events"] == ref["events"]                 # same events: none lost, none doubled
    again = subprocess.run([str(BIN / "ghotona"), "ingest", str(src), "--db", str(db)], capture_output=True,
                           text=True, timeout=600)
    assert again.returncode == 0 and " 0 new, 0 replaced" in " ".join(again.stderr.split()), again.stderr[-500:]
    assert _snapshot(db)["events"] == ref["events"]
    return {"items": len(ids), "kills": len(killed_at), "finished_before_kill": resumed,
            "logged_at_kill": killed_at, "events": len(ref["events"]),
            "outcomes": dict(collections.Counter(ref["outcomes"].values()))}


def test_kill_9_and_resume(tmp_path):
    figures = _kill_and_resume(tmp_path, kills=4, n_articles=40, batch=4)
    assert figures["kills"] >= 3
    _figures("kill", figures)


@pytest.mark.long
def test_kill_9_and_resume_long(tmp_path):
    figures = _kill_and_resume(tmp_path, kills=24, n_articles=120, batch=4)
    assert figures["kills"] >= 20
    _figures("kill-long", figures)


def test_edited_article_replaces_its_events_and_reingest_is_noop(tmp_path, db_url):
    recs = [json.loads(x) for x in SEEDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    first = ingest([src], db_url)
    with Store(db_url) as store:
        before = {e.event_id: e for e in store.events()}
        log_before = store.ingest_log()
    again = ingest([src], db_url)
    assert (again.articles_new, again.articles_replaced, again.events) == (0, 0, 0)
    assert again.articles_unchanged == first.articles_new
    with Store(db_url) as store:
        assert {e.event_id for e in store.events()} == set(before)
        assert [r["content_hash"] for r in store.ingest_log()] == [r["content_hash"] for r in log_before]
    # edit one article: keep only its first paragraph
    edited = dict(recs[1], text=recs[1]["text"].split("\n\n")[0] + "\n\n" + recs[1]["text"].split("\n\n")[1])
    src.write_text(json.dumps(edited, ensure_ascii=False) + "\n", encoding="utf-8")
    stats = ingest([src], db_url)
    assert stats.articles_replaced == 1
    with Store(db_url) as store:
        now = store.events()
        texts = {r["item_key"]: r for r in store.ingest_log()}
    old_ids = {i for i, e in before.items() if e.article_id == recs[1]["id"]}
    new_ids = {e.event_id for e in now if e.article_id == recs[1]["id"]}
    assert not (old_ids - new_ids) or old_ids != new_ids
    assert all(e.evidence.sentence in edited["text"] for e in now if e.article_id == recs[1]["id"])
    assert {e.event_id for e in now if e.article_id != recs[1]["id"]} == {i for i in before if i not in old_ids}
    assert texts[recs[1]["id"]]["outcome"] == STORED


def test_bad_rows_never_stop_a_postgresql_batch(db_url):
    """Values PostgreSQL refuses (NUL, lone surrogates, over-wide strings) are made safe."""
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[0])["text"]
    arts = [Article("nul\x00id", text + "\x00"), Article("sur\ud800", text.replace("।", "।\udc00", 1), title="\ud800"),
            Article("wide", text, outlet="o" * 900, title="t" * 100_000), Article("k" * 250, text)]
    from ghotona.pipeline import process
    with Store(db_url) as store:
        stats = store.write(process(arts))
        assert stats.articles_new + stats.articles_unchanged + stats.failures == 4, stats
        assert {r["outcome"] for r in store.ingest_log()} <= {STORED, FAILED}
        assert len(store.ingest_log()) == 4


def test_reader_limits_skip_huge_inputs_without_reading_them(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(60 << 20)          # a 60 MB sparse file: never read into memory
    line = tmp_path / "lines.jsonl"
    with line.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "huge", "text": "ক" * (6 << 20)}) + "\n")
        fh.write(json.dumps({"id": "ok", "text": "ঢাকায় আজ বৈঠক হয়েছে। " * 5}) + "\n")
    from ghotona.readers import read_inputs
    out = list(read_inputs([tmp_path]))
    reasons = {x.article_id: getattr(x, "reason", None) for x in out}
    assert reasons["big"].startswith("file too large: 62914560 bytes, limit 5000000 bytes (max_article_bytes)")
    assert re.match(r"line 1: JSON line too large: \d+ bytes", reasons["lines:line 1"])
    assert reasons["ok"] is None


def test_api_ingest_logs_items_too(tmp_path):
    from fastapi.testclient import TestClient
    from ghotona.api import create_app

    db = tmp_path / "api.db"
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[0])["text"]
    with TestClient(create_app(db, api_token="t")) as c:
        r = c.post("/ingest", json={"articles": [{"id": "a", "text": text}, {"id": "b", "text": "  \u200b "},
                                                 {"id": "c", "html": "<html><body>" + "<div>" * 3000 + f"<p>{text}</p>"
                                                  + "</div>" * 3000 + "</body></html>"}]},
                   headers={"Authorization": "Bearer t"})
        assert r.status_code == 200, r.text
    with Store(db) as store:
        assert {r["item_key"]: r["outcome"] for r in store.ingest_log()} == {"a": STORED, "b": FAILED, "c": DUP} or \
            {r["item_key"]: r["outcome"] for r in store.ingest_log()}["c"] == STORED


def test_settings_validation_for_limits():
    from ghotona.errors import ConfigError
    with pytest.raises(ConfigError):
        Settings(max_article_seconds=-1)
    assert Settings(max_article_seconds=0).max_article_seconds == 0   # 0 = no limit
    _ = sa  # (sqlalchemy imported for the PostgreSQL fixture helpers)
