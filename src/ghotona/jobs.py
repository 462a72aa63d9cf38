"""Library entry points the CLI (and later the API) call: one function per command."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.model import Article, Failure, Result
from ghotona.pipeline import process
from ghotona.readers import read_inputs
from ghotona.store import Store, WriteStats
from ghotona.store.stories import assign_stories, duplicate_index, record_duplicates
from ghotona.stories.dedup import skip_duplicates

LOGGER = logging.getLogger(__name__)


def extract(paths: Iterable[str | Path], *, published: dt.date | None = None,
            settings: Settings = DEFAULT_SETTINGS) -> Iterator[Result]:
    """Read ``paths`` and stream one Result per article (failures included)."""
    return process(read_inputs(paths, published), settings)


def ingest(paths: Iterable[str | Path], db: str | Path, *, published: dt.date | None = None,
           settings: Settings = DEFAULT_SETTINGS,
           on_batch: Callable[[list[Result]], None] | None = None) -> WriteStats:
    """Extract ``paths`` and write the results to ``db``, one transaction per batch.

    Near-duplicates of stored or earlier articles (syndicated copies) are skipped and their
    link recorded; after the last batch the new events are clustered into stories.
    """
    total = WriteStats()
    with Store(db) as store:
        items: Iterable[Article | Failure] = read_inputs(paths, published)
        index = skipped = None
        if settings.dedup:
            index, skipped = duplicate_index(store), {}
            items = skip_duplicates(items, index, on_duplicate=lambda a, _orig: skipped.__setitem__(a.article_id, a))
        batch: list[Result] = []
        for res in process(items, settings):
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
        if index is not None:
            total.duplicates = len(skipped)
            record_duplicates(store, index, skipped)
        if settings.stories:
            total.stories = assign_stories(store).events_assigned
    LOGGER.info("ingest done: %s", total)
    return total
