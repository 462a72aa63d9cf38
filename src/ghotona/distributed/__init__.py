"""Run the pipeline on a Dask distributed cluster: articles out in batches, Results back in order.

``run(items, settings, scheduler=..., workers=...)`` partitions the input stream into batches
of ``settings.batch_size`` and submits each batch as one task that runs the same pure
``pipeline.process`` on a worker (the pipeline keeps no module-level mutable state, only
read-only data loaded once per process). At most ``max_in_flight`` batches are out at once,
so the input is read lazily and memory stays bounded; Results are yielded in input order, so
a distributed run writes the same rows in the same order as a single-process one.

A batch whose task fails as a whole (worker killed, a result that cannot be sent back…)
does not stop the run: each of its articles becomes a ``Failure`` naming the reason, stage
``distributed`` (stored like any failure; its input hash is not the article's, so a later
ingest of the same input tries it again). Per-article problems are recorded by the pipeline
itself, as always.

Either connect to an existing cluster (``scheduler="tcp://host:port"``) or start a local
one for the run (``workers=N``: N single-threaded worker processes). Workers must have the
same ghotona version installed; inputs are read, and results written, by the caller.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.errors import ConfigError, GhotonaError
from ghotona.model import Article, Failure, Result

if TYPE_CHECKING:  # imported lazily: Dask is only needed for distributed runs
    from distributed import Client

LOGGER = logging.getLogger(__name__)

__all__ = ["ClusterError", "analyse_batch", "cluster", "run", "run_on"]

STAGE = "distributed"


class ClusterError(GhotonaError):
    """The Dask cluster cannot be reached or started."""


def analyse_batch(batch: list[Article | Failure], settings: Settings, slim: bool = False) -> list[Result]:
    """The task a worker runs: the pure pipeline over one batch, in order.

    With ``slim`` the sentences and mentions are dropped before the results travel back
    (the store writes only articles, events and failures).
    """
    from ghotona.pipeline import process

    out = list(process(batch, settings, batch_size=len(batch) or 1))
    if slim:
        for res in out:
            res.sentences = []
            res.mentions = []
    return out


def warm_up(settings: Settings = DEFAULT_SETTINGS) -> bool:
    """Load the gazetteers, lexicons and automata in this process (run on each worker)."""
    from ghotona.pipeline import analyse

    analyse(Article(article_id="warm-up", raw="ঢাকায় গতকাল প্রধানমন্ত্রী শেখ হাসিনা ভারতের প্রধানমন্ত্রীর সঙ্গে "
                                               "বৈঠক করেছেন। তিনি বলেন, আলোচনা ফলপ্রসূ হয়েছে।"), settings)
    return True


def _failed_batch(batch: list[Article | Failure], reason: str) -> list[Result]:
    out = []
    for item in batch:
        if isinstance(item, Failure):
            f = item
        else:
            f = Failure(item.article_id, STAGE, reason, item.source_path)
        out.append(Result(article=Article(article_id=f.article_id, raw="", source_path=f.source_path), failure=f))
    return out


@contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None,
            timeout: float = 60.0) -> Iterator[Client]:
    """A Dask ``Client``: connected to ``scheduler``, or to a local cluster of ``workers``
    single-threaded processes started (and stopped) for the block. Waits up to ``timeout``
    seconds for the connection and for at least one worker."""
    if (scheduler is None) == (workers is None):
        raise ConfigError("give either a scheduler address (tcp://HOST:PORT) or a number of workers, not "
                          f"{'both' if scheduler is not None else 'neither'}")
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be >= 1, got {workers}")
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise ClusterError(f"dask.distributed is not installed: {exc}") from exc
    local = None
    try:
        if scheduler is not None:
            client = Client(scheduler, timeout=timeout, set_as_default=False)
        else:
            local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 scheduler_port=0, dashboard_address=":0", worker_dashboard_address=None,
                                 silence_logs=logging.WARNING)
            client = Client(local, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        if local is not None:
            local.close()
        where = scheduler or f"a local cluster of {workers} workers"
        raise ClusterError(f"cannot connect to {where}: {exc.__class__.__name__}: {exc}") from exc
    try:
        client.wait_for_workers(1, timeout=timeout)  # else tasks would wait for a worker forever
    except (OSError, TimeoutError) as exc:
        client.close()
        if local is not None:
            local.close()
        raise ClusterError(f"no Dask worker joined {scheduler or 'the local cluster'} within {timeout:g} s") from exc
    try:
        yield client
    finally:
        client.close()
        if local is not None:
            local.close()


def run_on(client: Client, items: Iterable[Article | Failure], settings: Settings = DEFAULT_SETTINGS, *,
           batch_size: int | None = None, max_in_flight: int | None = None,
           slim: bool = False) -> Iterator[Result]:
    """Stream ``items`` through the workers of ``client``; one Result per input, in input order."""
    size = batch_size or settings.batch_size
    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = 2 * threads + 1
    pending: deque[tuple[list[Article | Failure], object]] = deque()
    it = iter(items)

    def collect() -> list[Result]:
        batch, fut = pending.popleft()
        try:
            return fut.result()  # type: ignore[attr-defined,no-any-return]
        except Exception as exc:  # noqa: BLE001 - a lost batch becomes recorded failures, the run goes on
            LOGGER.warning("batch of %d articles failed on the cluster: %s", len(batch), exc)
            return _failed_batch(batch, f"worker task failed: {exc.__class__.__name__}: {exc}")
        finally:
            fut.release()  # type: ignore[attr-defined]

    while True:
        batch = list(islice(it, size))
        if batch:
            fut = client.submit(analyse_batch, batch, settings, slim, pure=False)
            pending.append((batch, fut))
        while pending and (len(pending) >= max_in_flight or not batch):
            yield from collect()
        if not batch:
            return


def run(items: Iterable[Article | Failure], settings: Settings = DEFAULT_SETTINGS, *,
        scheduler: str | None = None, workers: int | None = None, batch_size: int | None = None,
        max_in_flight: int | None = None, slim: bool = False) -> Iterator[Result]:
    """Like ``pipeline.process``, on a Dask cluster (``scheduler``) or a local one (``workers``)."""
    with cluster(scheduler, workers) as client:
        yield from run_on(client, items, settings, batch_size=batch_size, max_in_flight=max_in_flight, slim=slim)
