"""Distributed extraction on Dask: same results as one process, failures kept, a real cluster.

The corpus sample is 60 development-half articles of the shared corpus (read by path, written
to a temporary JSONL, never into the repository) plus records that must fail with a reason.
"""

from __future__ import annotations

import json
import operator
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, is_dev_half

from ghotona import jobs
from ghotona.config import Settings
from ghotona.distributed import ClusterError, cluster, run_on
from ghotona.errors import ConfigError
from ghotona.model import Article
from ghotona.pipeline import process
from ghotona.readers import read_inputs
from ghotona.store import Store

BIN = Path(sys.executable).parent
SAMPLE = 60
BAD_LINES = [
    json.dumps({"id": "zz-english", "text": "This page is written in English only, with no Bengali at all. " * 4}),
    json.dumps({"id": "zz-empty", "text": "   "}),
    "{this is not json",
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 dev-half corpus articles and three bad records, as one JSONL file."""
    lines = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if is_dev_half(json.loads(line)["id"]):
                lines.append(line.rstrip("\n"))
            if len(lines) == SAMPLE:
                break
    assert len(lines) == SAMPLE
    path = tmp_path_factory.mktemp("sample") / "sample.jsonl"
    lines[20:20] = BAD_LINES  # failures in the middle of a batch, not only at the end
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client():
    with cluster(workers=2) as c:
        yield c


def _key(results) -> list[tuple]:
    return [(r.article.article_id, [e.to_dict() for e in r.events], r.failure) for r in results]


def test_distributed_results_equal_single_process(sample: Path, client) -> None:
    settings = Settings(batch_size=8)  # several batches in flight on two workers
    single = list(process(read_inputs([sample]), settings))
    dist = list(run_on(client, read_inputs([sample]), settings, max_in_flight=3))
    assert [r.article.article_id for r in dist] == [r.article.article_id for r in single]  # input order
    assert _key(dist) == _key(single)
    assert [(r.sentences, r.mentions) for r in dist] == [(r.sentences, r.mentions) for r in single]
    events = {e.event_id for r in dist for e in r.events}
    assert len(events) >= 10  # the sample really codes events
    failed = {r.article.article_id: r.failure for r in dist if r.failure}
    assert len(failed) == 3 and {"zz-english", "zz-empty"} <= set(failed)
    assert [f.stage for k, f in failed.items() if not k.startswith("zz-")] == ["read"]  # the bad JSON line
    assert failed["zz-english"].stage == "check" and "not Bengali" in failed["zz-english"].reason
    assert failed["zz-empty"].reason


class _Unloadable:
    """An input whose unpickling fails on the worker, so its whole batch task fails."""

    article_id = "zz-unloadable"
    source_path = "memory"

    def __reduce__(self):
        return (operator.truediv, (1, 0))


def test_failed_batch_becomes_recorded_failures(client) -> None:
    arts = [Article(article_id=f"a{i}", raw="ঢাকায় আজ প্রধানমন্ত্রী বৈঠক করেছেন। " * 3) for i in range(5)]
    items = [*arts[:2], _Unloadable(), *arts[2:]]
    out = list(run_on(client, items, Settings(batch_size=2)))  # batches: [a0 a1] [bad a2] [a3 a4]
    assert [r.article.article_id for r in out] == ["a0", "a1", "zz-unloadable", "a2", "a3", "a4"]
    assert [r.failure is None for r in out] == [True, True, False, False, True, True]
    for r in out[2:4]:
        assert r.failure.stage == "distributed" and "worker task failed" in r.failure.reason


def test_cluster_arguments_are_checked() -> None:
    with pytest.raises(ConfigError):
        with cluster():
            pass
    with pytest.raises(ConfigError):
        with cluster(scheduler="tcp://127.0.0.1:1", workers=2):
            pass
    with pytest.raises(ClusterError):
        with cluster(scheduler=f"tcp://127.0.0.1:{_free_port()}", timeout=2):
            pass


def test_scheduler_without_workers_is_an_error_not_a_hang() -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", scheduler_port=0,
                      dashboard_address=":0") as empty:
        t0 = time.monotonic()
        with pytest.raises(ClusterError, match="no Dask worker"):
            with cluster(scheduler=empty.scheduler_address, timeout=2):
                pass
        assert time.monotonic() - t0 < 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _db_rows(db: Path) -> tuple[dict, dict, list]:
    with Store(db) as store:
        evs = store.events()
        fails = store.failures()
    events = {e.event_id: {**e.to_dict(), "story": None} for e in evs}
    stories: dict[str, set[str]] = {}
    for e in evs:
        if e.story is not None:
            stories.setdefault(e.story, set()).add(e.event_id)
    return events, stories, sorted((f["article_id"], f["stage"], f["reason"]) for f in fails)


@pytest.fixture(scope="module")
def single_ingest(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, list]:
    """Events, stories and failures of a single-process ingest of the sample."""
    db = tmp_path_factory.mktemp("single") / "single.db"
    jobs.ingest([sample], db)
    return _db_rows(db)


def test_ingest_on_local_workers_stores_the_same(sample: Path, tmp_path: Path, single_ingest) -> None:
    db = tmp_path / "local.db"
    stats = jobs.ingest([sample], db, workers=1)
    assert stats.failures == 3 and stats.events > 0
    assert _db_rows(db) == single_ingest


def test_ingest_through_real_scheduler_and_worker(sample: Path, tmp_path: Path, single_ingest) -> None:
    """`dask scheduler` + `dask worker` subprocesses; `ghotona ingest --scheduler` writes the
    same events, stories and failures as a single-process ingest."""
    dask_cli, ghotona_cli = shutil.which("dask", path=str(BIN)), shutil.which("ghotona", path=str(BIN))
    assert dask_cli and ghotona_cli, f"dask and ghotona scripts expected in {BIN}"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = tmp_path / "dask.log"
    procs = []
    with logs.open("w") as log:
        try:
            procs.append(subprocess.Popen([dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                           "--no-dashboard"], stdout=log, stderr=log, env=env))
            procs.append(subprocess.Popen([dask_cli, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                           "--nworkers", "1", "--no-dashboard"], stdout=log, stderr=log, env=env))
            _wait_for_worker(address, procs, logs)
            db = tmp_path / "distributed.db"
            done = subprocess.run([ghotona_cli, "ingest", str(sample), "--db", str(db), "--scheduler", address],
                                  capture_output=True, text=True, timeout=180, env=env)
            assert done.returncode == 0, done.stderr[-3000:]
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in reversed(procs):
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
    assert "failures: 3" in done.stderr, done.stderr[-2000:]
    d_events, d_stories, d_fail = _db_rows(db)
    s_events, s_stories, s_fail = single_ingest
    assert len(d_events) >= 10
    assert d_events == s_events
    assert d_stories == s_stories and d_stories  # the same stories, with the same ids
    assert d_fail == s_fail and len(d_fail) == 3
    assert {f[0] for f in d_fail} >= {"zz-english", "zz-empty"}


def _wait_for_worker(address: str, procs: list[subprocess.Popen], logs: Path, timeout: float = 60) -> None:
    from distributed import Client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise AssertionError(f"dask process exited early:\n{logs.read_text()[-3000:]}")
        try:
            with Client(address, timeout=5, set_as_default=False) as c:
                c.wait_for_workers(1, timeout=max(1, deadline - time.monotonic()))
                return
        except (OSError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(f"no dask worker joined {address}:\n{logs.read_text()[-3000:]}")


def test_cli_rejects_scheduler_and_workers_together(sample: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ghotona.cli import app

    res = CliRunner().invoke(app, ["ingest", str(sample), "--db", str(tmp_path / "x.db"),
                                   "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"])
    assert res.exit_code != 0
    assert not (tmp_path / "x.db").exists()

