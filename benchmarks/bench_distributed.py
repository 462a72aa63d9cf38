"""Dask scaling benchmark (not a unit test): 1 worker vs 2 workers, and a separate scheduler.

Reads the corpus by path, repeats it to ``--articles`` articles and runs the extraction

* in this process (``pipeline.process``: the single-core reference);
* on a local cluster of 1 and of 2 single-threaded worker processes (``--workers``);
* on a cluster started as on a real one: a ``dask scheduler`` process and a ``dask worker``
  process with ``--nworkers 2 --nthreads 1``, reached by address (``--scheduler``).

This process reads the articles and receives the results (slim: articles, events and
failures, as ``jobs.ingest`` uses them), exactly as the single writer of an ingest does.
Every worker is warmed up (data loaded) before the clock starts. Prints a JSON summary last.

    .venv/bin/python benchmarks/bench_distributed.py --articles 10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import CORPUS, repeated_jsonl  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def busy_cores(seconds: float) -> float:
    """How many cores the machine kept busy over the next ``seconds``."""
    b0, t0 = _cpu_jiffies()
    time.sleep(seconds)
    b1, t1 = _cpu_jiffies()
    return (b1 - b0) / max(1, t1 - t0) * (os.cpu_count() or 1)


def wait_until_idle(max_busy: float, patience: float) -> float:
    """Wait (up to ``patience`` seconds) until other processes use at most ``max_busy`` cores."""
    deadline = time.monotonic() + patience
    while True:
        busy = busy_cores(3)
        if busy <= max_busy or time.monotonic() > deadline:
            return busy
        print(f"  machine busy ({busy:.2f} cores in use by others), waiting…", flush=True)


def _cpu_time() -> float:
    return time.process_time()


def timed_run(client, path: Path) -> tuple[int, int, float, float, float, float]:
    """(articles, events, seconds, cores the whole machine kept busy meanwhile, CPU seconds
    of this process (reader + writer + client), CPU seconds of all workers)."""
    from ghotona.distributed import run_on, warm_up
    from ghotona.readers import read_inputs

    client.run(warm_up)
    w0 = sum(client.run(_cpu_time).values())
    b0, j0 = _cpu_jiffies()
    c0 = time.process_time()
    t0 = time.perf_counter()
    n = events = 0
    for res in run_on(client, read_inputs([path]), slim=True):
        n += 1
        events += len(res.events)
    secs = time.perf_counter() - t0
    mine = time.process_time() - c0
    b1, j1 = _cpu_jiffies()
    workers = sum(client.run(_cpu_time).values()) - w0
    return n, events, secs, (b1 - b0) / max(1, j1 - j0) * (os.cpu_count() or 1), mine, workers


def _report(name: str, n: int, events: int, secs: float, busy: float, mine: float, workers: float,
            idle_wait: float | None) -> dict[str, object]:
    print(f"{name}: {n / secs:7.1f} articles/s ({events} events); machine busy {busy:.2f} cores; "
          f"this process {mine / n * 1000:.2f} ms CPU per article; workers {n / workers:.1f} articles "
          f"per worker-CPU-second, on CPU {workers / secs:.2f} of the run", flush=True)
    return {"seconds": round(secs, 2), "articles_per_s": round(n / secs, 1), "events": events,
            "machine_busy_cores": round(busy, 2), "others_busy_before": idle_wait,
            "writer_cpu_ms_per_article": round(mine / n * 1000, 3),
            "articles_per_worker_cpu_s": round(n / workers, 1), "worker_cores_used": round(workers / secs, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/ghotona-bench"))
    ap.add_argument("--skip-single", action="store_true")
    ap.add_argument("--wait-idle", type=float, default=0.0,
                    help="before each run wait up to this many seconds for the machine to be idle")
    args = ap.parse_args()
    args.tmp.mkdir(parents=True, exist_ok=True)
    path = repeated_jsonl(args.corpus, args.articles, args.tmp)
    out: dict[str, object] = {"articles": args.articles, "cpus": os.cpu_count(), "load_before": os.getloadavg()}
    print(f"{args.articles} articles; {os.cpu_count()} CPUs; load average {os.getloadavg()}")

    from ghotona.distributed import cluster, warm_up
    from ghotona.pipeline import process
    from ghotona.readers import read_inputs

    if not args.skip_single:
        warm_up()
        if args.wait_idle:
            wait_until_idle(0.3, args.wait_idle)
        t0 = time.perf_counter()
        n = sum(1 for _ in process(read_inputs([path])))
        secs = time.perf_counter() - t0
        out["single_process"] = {"seconds": round(secs, 2), "articles_per_s": round(n / secs, 1)}
        print(f"single process:           {n / secs:7.1f} articles/s")

    for workers in (1, 2):
        with cluster(workers=workers) as client:
            client.run(warm_up)
            idle_wait = wait_until_idle(0.3, args.wait_idle) if args.wait_idle else None
            n, events, secs, busy, mine, wcpu = timed_run(client, path)
        out[f"local_{workers}_workers"] = _report(f"local cluster, {workers} worker(s)", n, events, secs, busy,
                                                  mine, wcpu, idle_wait)
    one = out["local_1_workers"]["articles_per_s"]  # type: ignore[index]
    two = out["local_2_workers"]["articles_per_s"]  # type: ignore[index]
    out["speedup_2_over_1"] = round(two / one, 2)
    print(f"2 workers / 1 worker: {two / one:.2f}x")

    dask_cli = shutil.which("dask", path=str(Path(sys.executable).parent))
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    log = (args.tmp / "dask-bench.log").open("w")
    procs = [subprocess.Popen([dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              stdout=log, stderr=log, env=env)]
    procs.append(subprocess.Popen([dask_cli, "worker", address, "--host", "127.0.0.1", "--nworkers", "2",
                                   "--nthreads", "1", "--no-dashboard"], stdout=log, stderr=log, env=env))
    try:
        time.sleep(2)
        with cluster(scheduler=address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            client.run(warm_up)
            idle_wait = wait_until_idle(0.3, args.wait_idle) if args.wait_idle else None
            n, events, secs, busy, mine, wcpu = timed_run(client, path)
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=30)
    out["separate_scheduler_2_workers"] = _report("separate scheduler + 2 worker processes", n, events, secs,
                                                  busy, mine, wcpu, idle_wait)
    out["load_after"] = os.getloadavg()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
