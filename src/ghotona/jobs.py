"""Library entry points the CLI (and later the API) call: one function per command."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.model import Result
from ghotona.pipeline import process
from ghotona.readers import read_inputs
from ghotona.store import Store, WriteStats

LOGGER = logging.getLogger(__name__)


def extract(paths: Iterable[str | Path], *, published: dt.date | None = None,
            settings: Settings = DEFAULT_SETTINGS) -> Iterator[Result]:
    """Read ``paths`` and stream one Result per article (failures included)."""
    return process(read_inputs(paths, published), settings)


def ingest(paths: Iterable[str | Path], db: str | Path, *, published: dt.date | None = None,
           settings: Settings = DEFAULT_SETTINGS,
           on_batch: Callable[[list[Result]], None] | None = None) -> WriteStats:
    """Extract ``paths`` and write the results to ``db``, one transaction per batch."""
    total = WriteStats()
    with Store(db) as store:
        batch: list[Result] = []
        for res in extract(paths, published=published, settings=settings):
            batch.append(res)
            if len(batch) >= settings.batch_size:
                total.add(store.write(batch))
                if on_batch:
                    on_batch(batch)
                batch = []
        if batch:
            total.add(store.write(batch))
            if on_batch:
                on_batch(batch)
    LOGGER.info("ingest done: %s", total)
    return total
