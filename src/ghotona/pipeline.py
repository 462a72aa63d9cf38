"""The thin orchestrator: articles in, ``Result``s out, in batches.

``process`` streams; it keeps no module-level state, so Dask workers and tests run the
same function. Each stage is a plain function over the contract, named in ``STAGES`` with
what it requires and assigns (a test checks the order). A failure in one article becomes
a recorded ``Failure`` (or is re-raised with ``on_error="raise"``); the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from ghotona.actors import find_actors
from ghotona.actors.coref import resolve_coreference
from ghotona.clean import bengali_ratio, clean
from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.dates import detect_published
from ghotona.dates.report import find_dates_normalised
from ghotona.errors import ArticleRejected
from ghotona.events import code_events
from ghotona.lang.bijoy import BIJOY_THRESHOLD, ENCODING_NAME, bijoy_to_unicode, detect_bijoy
from ghotona.lang.segment import segment
from ghotona.model import Article, Failure, Result
from ghotona.places import find_places

LOGGER = logging.getLogger(__name__)

__all__ = ["STAGES", "Stage", "analyse", "process"]

# A Bijoy score between this and BIJOY_THRESHOLD is suspicious: rejected with the encoding named.
BIJOY_SUSPECT = 0.3


@dataclass(frozen=True, slots=True)
class Stage:
    """A named pipeline stage: what it needs on the Result and what it fills in."""

    name: str
    func: Callable[[Result, Settings], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _check_input(res: Result, settings: Settings) -> None:
    raw = res.article.raw
    if len(raw.encode("utf-8", "surrogatepass")) > settings.max_article_bytes:
        raise ArticleRejected("check", f"article too large: {len(raw)} characters, limit "
                                       f"{settings.max_article_bytes} bytes (max_article_bytes)")
    if not raw.strip():
        raise ArticleRejected("check", "empty article: no text")
    ratio = bengali_ratio(raw)
    if ratio < settings.min_bengali_ratio:
        score = detect_bijoy(raw)
        if score >= BIJOY_THRESHOLD:
            # Legacy ASCII-typed Bengali: convert, then judge the converted text.
            LOGGER.info("%s: %s (score %.2f), converted to Unicode", res.article.article_id, ENCODING_NAME, score)
            res.article = replace(res.article, raw=bijoy_to_unicode(raw))
            ratio = bengali_ratio(res.article.raw)
            if ratio >= settings.min_bengali_ratio:
                return
        elif score >= BIJOY_SUSPECT:
            raise ArticleRejected("check", f"looks like {ENCODING_NAME} (score {score:.2f}) but not clearly "
                                           "enough to convert; convert it to Unicode first")
        raise ArticleRejected("check", f"not Bengali: {ratio:.0%} of letters are Bengali "
                                       f"(min_bengali_ratio {settings.min_bengali_ratio:.0%})")


def _clean(res: Result, settings: Settings) -> None:
    art = clean(res.article)
    if len(art.text.strip()) < settings.min_text_chars:
        raise ArticleRejected("clean", f"no article text left after cleaning ({len(art.text.strip())} characters)")
    res.article = replace(art, language="bn")


def _published(res: Result, _settings: Settings) -> None:
    art = res.article
    if art.published is None:
        found = detect_published(art.raw)
        if found is not None:
            res.article = replace(art, published=found, published_source="page")


def _segment(res: Result, _settings: Settings) -> None:
    res.sentences = segment(res.article.text)


def _mentions(res: Result, _settings: Settings) -> None:
    text, published = res.article.text, res.article.published
    actors = resolve_coreference(text, find_actors(text, when=published))
    found = [*find_dates_normalised(text, published), *actors, *find_places(text)]
    res.mentions = sorted(found, key=lambda m: (m.start, m.end, m.kind))


def _events(res: Result, settings: Settings) -> None:
    evs = code_events(res.article, res.sentences, res.mentions)
    res.events = [e for e in evs if e.confidence >= settings.min_confidence]


STAGES: tuple[Stage, ...] = (
    Stage("check", _check_input, ("article.raw",), ()),
    Stage("clean", _clean, ("article.raw",), ("article.text", "article.language")),
    Stage("published", _published, ("article.raw",), ("article.published",)),
    Stage("segment", _segment, ("article.text",), ("sentences",)),
    Stage("mentions", _mentions, ("article.text", "article.published"), ("mentions",)),
    Stage("events", _events, ("sentences", "mentions"), ("events",)),
)


def analyse(article: Article, settings: Settings = DEFAULT_SETTINGS,
            on_error: Literal["record", "raise"] = "record") -> Result:
    """Run every stage on one article; a refusal or crash becomes ``Result.failure``."""
    res = Result(article=article)
    for stage in STAGES:
        try:
            stage.func(res, settings)
        except ArticleRejected as exc:
            if on_error == "raise":
                raise
            res.failure = Failure(article.article_id, exc.stage, exc.reason, article.source_path)
            break
        except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the batch
            if on_error == "raise":
                raise
            LOGGER.exception("stage %s failed on %s", stage.name, article.article_id)
            res.failure = Failure(article.article_id, stage.name,
                                  f"internal error in stage {stage.name}: {exc.__class__.__name__}: {exc}",
                                  article.source_path)
            break
    if res.failure is not None:
        res.events = []
    return res


def _failed(f: Failure) -> Result:
    return Result(article=Article(article_id=f.article_id, raw="", source_path=f.source_path), failure=f)


def process(items: Iterable[Article | Failure], settings: Settings = DEFAULT_SETTINGS, *,
            batch_size: int | None = None,
            on_error: Literal["record", "raise"] = "record") -> Iterator[Result]:
    """Stream articles (and reader failures) through the stages, ``batch_size`` at a time.

    Yields one ``Result`` per input, in input order.
    """
    size = batch_size or settings.batch_size
    batch: list[Article | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield from _run_batch(batch, settings, on_error)
            batch = []
    if batch:
        yield from _run_batch(batch, settings, on_error)


def _run_batch(batch: list[Article | Failure], settings: Settings,
               on_error: Literal["record", "raise"]) -> Iterator[Result]:
    for item in batch:
        yield _failed(item) if isinstance(item, Failure) else analyse(item, settings, on_error)
