"""`ghotona serve` as a user runs it: a real uvicorn process (one or several workers) over SQLite."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from ghotona.api.app import SERVE_OPTIONS_ENV, app_from_environment
from ghotona.cli import app
from ghotona.errors import ConfigError

GHOTONA = [str(Path(sys.executable).with_name("ghotona"))]   # the installed command, as a user runs it


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "g.db"
    res = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_with_its_workers(seeded_db, workers):
    port = _free_port()
    proc = subprocess.Popen([*GHOTONA, "serve", "--db", str(seeded_db), "--port", str(port),
                             "--workers", str(workers), "--keep-alive", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{base}/events", params={"limit": 5}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.3)
        assert r.status_code == 200 and len(r.json()["events"]) == 5
        with httpx.Client(base_url=base, timeout=10) as client:   # many requests, one kept-alive connection
            codes = {client.get("/actors").status_code for _ in range(20)}
        assert codes == {200}
        if workers > 1:   # uvicorn's supervisor runs one process per worker
            assert len(_children(proc.pid)) >= workers
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve_refuses_a_bad_database_before_starting_workers(tmp_path):
    res = subprocess.run([*GHOTONA, "serve", "--db", "nosuchdriver://x", "--workers", "2",
                          "--port", str(_free_port())], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and "Error" in res.stderr


def test_the_worker_factory_needs_its_options(monkeypatch, tmp_path):
    monkeypatch.delenv(SERVE_OPTIONS_ENV, raising=False)
    with pytest.raises(ConfigError, match="--workers"):
        app_from_environment()
    monkeypatch.setenv(SERVE_OPTIONS_ENV, "not json")
    with pytest.raises(ConfigError, match="JSON object"):
        app_from_environment()
    monkeypatch.setenv(SERVE_OPTIONS_ENV, f'{{"db": "{tmp_path / "w.db"}", "max_ingest_bytes": 10}}')
    application = app_from_environment()
    try:
        assert application.state.store.url.endswith("w.db")
    finally:
        application.state.store.close()
