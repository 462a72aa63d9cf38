"""Per-article time limits, in process, without signals (so they work in any thread).

``run_limited(fn, seconds)`` runs ``fn(progress)`` on a helper thread owned by the calling
thread and waits at most ``seconds``. If ``fn`` is still running then, the caller gets
``TimeLimitExceeded`` (naming the stage ``fn`` last reported through ``progress.stage``) and
goes on with its batch at once; the helper is abandoned and an ``_Abandoned`` exception is
injected into it (``PyThreadState_SetAsyncExc``) so it stops at its next Python bytecode.
A fresh helper serves the next call. Work stuck inside one C call (a regex backtracking
without a timeout) stops only when that call returns; the caller does not wait for it.

Signals would be simpler but only work in the main thread; the pipeline also runs inside
Dask worker threads and uvicorn's thread pool.
"""

from __future__ import annotations

import ctypes
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

LOGGER = logging.getLogger(__name__)

__all__ = ["Progress", "TimeLimitExceeded", "abandoned_threads", "run_limited"]

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """``fn`` did not finish within the limit; ``stage`` is what it last reported."""

    def __init__(self, seconds: float, stage: str) -> None:
        super().__init__(f"timed out after {seconds:g}s in stage {stage}")
        self.seconds, self.stage = seconds, stage


class _Abandoned(BaseException):
    """Injected into an abandoned helper thread; a BaseException so ``except Exception`` lets it pass."""


class Progress:
    """What the limited function reports: the stage it is in (read by the caller on a timeout)."""

    __slots__ = ("stage",)

    def __init__(self, stage: str = "start") -> None:
        self.stage = stage


class _Job(Generic[T]):
    __slots__ = ("done", "error", "fn", "progress", "result")

    def __init__(self, fn: Callable[[Progress], T], stage: str) -> None:
        self.fn, self.progress = fn, Progress(stage)
        self.done = threading.Event()
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn(self.progress)
        except Exception as exc:  # noqa: BLE001 - handed to the caller, who decides
            self.error = exc
        finally:
            self.done.set()


class _Helper(threading.Thread):
    def __init__(self) -> None:
        super().__init__(name="ghotona-limited", daemon=True)
        self.jobs: queue.SimpleQueue[_Job[object] | None] = queue.SimpleQueue()

    def run(self) -> None:
        try:
            while True:
                job = self.jobs.get()
                if job is None:
                    for _ in range(1000):  # a pending _Abandoned fires here, not in threading's teardown
                        pass
                    return
                job.run()
        except _Abandoned:
            return

    def abandon(self) -> None:
        """Stop this helper: an exception at its next bytecode, and a wake-up if it is idle."""
        if self.ident is not None:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.ident), ctypes.py_object(_Abandoned))
        self.jobs.put(None)


_local = threading.local()
_abandoned: list[_Helper] = []
_abandoned_lock = threading.Lock()


def abandoned_threads() -> int:
    """How many abandoned helpers are still running (stuck in a C call, or finishing)."""
    with _abandoned_lock:
        _abandoned[:] = [h for h in _abandoned if h.is_alive()]
        return len(_abandoned)


def run_limited(fn: Callable[[Progress], T], seconds: float, stage: str = "start") -> T:
    """``fn(progress)``, or ``TimeLimitExceeded`` after ``seconds`` (0 or less: no limit, run inline).

    Exceptions of ``fn`` are re-raised in the caller.
    """
    if seconds <= 0:
        return fn(Progress(stage))
    helper: _Helper | None = getattr(_local, "helper", None)
    if helper is None or not helper.is_alive():
        helper = _local.helper = _Helper()
        helper.start()
    job: _Job[T] = _Job(fn, stage)
    started = time.monotonic()
    helper.jobs.put(job)  # type: ignore[arg-type]
    if not job.done.wait(seconds):
        _local.helper = None
        helper.abandon()
        with _abandoned_lock:
            _abandoned.append(helper)
        LOGGER.warning("abandoned work after %.1fs in stage %s (%d helper threads still running)",
                       time.monotonic() - started, job.progress.stage, abandoned_threads())
        raise TimeLimitExceeded(seconds, job.progress.stage)
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[return-value]
