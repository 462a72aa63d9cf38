"""Library entry points the CLI (and later the API) call: one function per command."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.model import Article, Failure, Result
from ghotona.pipeline import comparable_text, process
from ghotona.readers import read_inputs
from ghotona.store import Store, WriteStats
from ghotona.store.stories import assign_stories, duplicate_index, record_duplicates
from ghotona.stories.dedup import skip_duplicates

LOGGER = logging.getLogger(__name__)


def extract(paths: Iterable[str | Path], *, published: dt.date | None = None,
            settings: Settings = DEFAULT_SETTINGS) -> Iterator[Result]:
    """Read ``paths`` and stream one Result per article (failures included)."""
    return process(read_inputs(paths, published, settings=settings), settings)


def ingest(paths: Iterable[str | Path], db: str | Path, *, published: dt.date | None = None,
           settings: Settings = DEFAULT_SETTINGS,
           on_batch: Callable[[list[Result]], None] | None = None,
           scheduler: str | None = None, workers: int | None = None) -> WriteStats:
    """Extract ``paths`` and write the results to ``db``, one transaction per batch.

    Near-duplicates of stored or earlier articles (syndicated copies) are skipped and their
    link recorded; after the last batch the new events are clustered into stories.
    With ``scheduler`` (``tcp://HOST:PORT``) or ``workers`` (a local cluster of N processes)
    the extraction runs on Dask (``ghotona.distributed``); reading, duplicate skipping,
    writing and story clustering stay here, in the one writer.
    """
    total = WriteStats()
    with Store(db) as store:
        items: Iterable[Article | Failure] = read_inputs(paths, published, settings=settings)
        index = skipped = None
        pending: list[tuple[Article, str]] = []  # skipped duplicates, logged with the next batch written

        def _dup(art: Article, original: str) -> None:
            skipped[art.article_id] = art  # type: ignore[index]
            pending.append((art, original))

        def _pending() -> list[tuple[Article, str]]:
            out = pending[:]
            pending.clear()
            return out

        if settings.dedup:
            index, skipped = duplicate_index(store), {}
            items = skip_duplicates(items, index, on_duplicate=_dup, text_of=lambda a: comparable_text(a, settings))
        items = store.skip_logged(items, total)  # the ingest log: a resumed ingest skips finished items
        results: Iterable[Result]
        if scheduler is not None or workers is not None:
            from ghotona.distributed import run as run_distributed
            results = run_distributed(items, settings, scheduler=scheduler, workers=workers, slim=True)
        else:
            results = process(items, settings)
        batch: list[Result] = []
        for res in results:
            batch.append(res)
            if len(batch) >= settings.batch_size:
                total.add(store.write(batch, duplicates=_pending()))
                if on_batch:
                    on_batch(batch)
                batch = []
        if batch or pending:
            total.add(store.write(batch, duplicates=_pending()))
            if on_batch and batch:
                on_batch(batch)
        if index is not None:
            total.duplicates = len(skipped)
            record_duplicates(store, index, skipped)
        if settings.stories:
            total.stories = assign_stories(store).events_assigned
    LOGGER.info("ingest done: %s", total)
    return total
