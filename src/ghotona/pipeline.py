"""The thin orchestrator: articles in, ``Result``s out, in batches.

``process`` streams; it keeps no module-level state, so Dask workers and tests run the
same function. Each stage is a plain function over the contract, named in ``STAGES`` with
what it requires and assigns (a test checks the order). A failure in one article becomes
a recorded ``Failure`` (or is re-raised with ``on_error="raise"``); the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from ghotona.actors import find_actors
from ghotona.actors.coref import resolve_coreference
from ghotona.clean import bengali_ratio, clean, clean_text
from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.dates import detect_published
from ghotona.dates.report import find_dates_normalised
from ghotona.errors import ArticleRejected
from ghotona.events import code_events
from ghotona.events.calibration import load_calibration
from ghotona.lang.bijoy import BIJOY_THRESHOLD, ENCODING_NAME, bijoy_to_unicode, detect_bijoy
from ghotona.lang.segment import segment
from ghotona.limits import Progress, TimeLimitExceeded, run_limited
from ghotona.model import Article, Failure, Result, sanitise_text
from ghotona.places import find_places

LOGGER = logging.getLogger(__name__)

__all__ = ["STAGES", "Stage", "analyse", "process"]

# A Bijoy score between this and BIJOY_THRESHOLD is suspicious: rejected with the encoding named.
BIJOY_SUSPECT = 0.3
# Publication dates outside these years are metadata garbage: dropped (the article is kept).
PUBLISHED_YEARS = (1800, 2200)
# UTF-8 Bengali read as Windows-1252/Latin-1: U+0980-U+09FF become "à¦x"/"à§x".
MOJIBAKE_MARKS = ("\u00e0\u00a6", "\u00e0\u00a7")
_CP1252_BYTE = {ch: b for b in range(0x80, 0x100)
                for ch in [bytes([b]).decode("cp1252", errors="ignore")] if ch}


def undo_mojibake(text: str) -> str | None:
    """The Bengali text of UTF-8 bytes that were decoded as Windows-1252 or Latin-1, or None.

    Each character goes back to its byte (Windows-1252 first, then Latin-1, which covers the
    five bytes Windows-1252 leaves undefined); the bytes must then decode as UTF-8 with at
    most 1% replacement characters.
    """
    if sum(text.count(m) for m in MOJIBAKE_MARKS) < 3:
        return None
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(code)
        elif ch in _CP1252_BYTE:
            out.append(_CP1252_BYTE[ch])
        elif code < 0x100:
            out.append(code)
        else:
            return None  # a character no single-byte reading produces: not this kind of mojibake
    fixed = out.decode("utf-8", errors="replace")
    if fixed.count("\ufffd") > len(fixed) / 100:
        return None
    return fixed


@dataclass(frozen=True, slots=True)
class Stage:
    """A named pipeline stage: what it needs on the Result and what it fills in."""

    name: str
    func: Callable[[Result, Settings], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _check_input(res: Result, settings: Settings) -> None:
    raw = res.article.raw
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > settings.max_article_bytes:
        raise ArticleRejected("check", f"article too large: {size} bytes, limit "
                                       f"{settings.max_article_bytes} bytes (max_article_bytes)")
    clean_raw = sanitise_text(raw)
    if clean_raw != raw:
        LOGGER.info("%s: removed NUL characters or lone surrogates", res.article.article_id)
        res.article = replace(res.article, raw=clean_raw)
        raw = clean_raw
    pub = res.article.published
    if pub is not None and not PUBLISHED_YEARS[0] <= pub.year <= PUBLISHED_YEARS[1]:
        LOGGER.warning("%s: ignoring implausible publication date %s", res.article.article_id, pub)
        res.article = replace(res.article, published=None, published_source="none")
    if not raw.strip() or not any(ch.isalnum() for ch in raw):
        raise ArticleRejected("check", "empty article: no text" if not raw.strip() else
                                       "empty article: no text (only whitespace, invisible or punctuation characters)")
    ratio = bengali_ratio(raw)
    if ratio < settings.min_bengali_ratio:
        fixed = undo_mojibake(raw)
        if fixed is not None and bengali_ratio(fixed) >= settings.min_bengali_ratio:
            LOGGER.info("%s: UTF-8 read as Windows-1252/Latin-1 (mojibake), repaired", res.article.article_id)
            res.article = replace(res.article, raw=fixed)
            return
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


def comparable_text(article: Article, settings: Settings = DEFAULT_SETTINGS) -> str:
    """The cleaned text near-duplicate detection compares: legacy encodings repaired first
    (as the check stage repairs them), so Bijoy or mojibake articles are not all alike."""
    if article.text:
        return article.text
    raw = article.raw
    if len(raw) > settings.max_article_bytes:
        return ""   # refused by the check stage anyway; never shingled
    if bengali_ratio(raw) < settings.min_bengali_ratio:
        fixed = undo_mojibake(raw)
        if fixed is not None:
            raw = fixed
        elif detect_bijoy(raw) >= BIJOY_THRESHOLD:
            raw = bijoy_to_unicode(raw)
    return clean_text(sanitise_text(raw))


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
    if settings.calibrate:
        cal = load_calibration()
        evs = [replace(e, confidence=cal(e.confidence)) for e in evs]
    res.events = [e for e in evs if e.confidence >= settings.min_confidence]


STAGES: tuple[Stage, ...] = (
    Stage("check", _check_input, ("article.raw",), ()),
    Stage("clean", _clean, ("article.raw",), ("article.text", "article.language")),
    Stage("published", _published, ("article.raw",), ("article.published",)),
    Stage("segment", _segment, ("article.text",), ("sentences",)),
    Stage("mentions", _mentions, ("article.text", "article.published"), ("mentions",)),
    Stage("events", _events, ("sentences", "mentions"), ("events",)),
)


_WARM = threading.Lock()
_warmed = False
WARM_UP_TEXT = ("ঢাকায় গতকাল ৫ জানুয়ারি প্রধানমন্ত্রী শেখ হাসিনা ভারতের প্রধানমন্ত্রীর সঙ্গে বৈঠক করেছেন। "
                "তিনি বলেন, আলোচনা ফলপ্রসূ হয়েছে। পুলিশ বিক্ষোভকারীদের ওপর হামলা চালায়।")


def warm_up() -> None:
    """Load the gazetteers, lexicons and automata once, without a time limit.

    Run before the first time-limited article, so a limit never interrupts (and never
    charges an article for) the one-time loading of shared data.
    """
    global _warmed
    with _WARM:
        if _warmed:
            return
        _analyse(Article(article_id="warm-up", raw=WARM_UP_TEXT, published=dt.date(2024, 1, 6)),
                 DEFAULT_SETTINGS, "record", Progress())
        _warmed = True


def analyse(article: Article, settings: Settings = DEFAULT_SETTINGS,
            on_error: Literal["record", "raise"] = "record") -> Result:
    """Run every stage on one article; a refusal, a crash or a timeout becomes ``Result.failure``.

    ``settings.max_article_seconds`` bounds the whole article (see ``ghotona.limits``).
    """
    limit = settings.max_article_seconds
    if limit <= 0:
        return _analyse(article, settings, on_error, Progress())
    warm_up()
    try:
        return run_limited(lambda progress: _analyse(article, settings, on_error, progress), limit)
    except TimeLimitExceeded as exc:
        reason = f"{exc} (max_article_seconds)"
        if on_error == "raise":
            raise ArticleRejected(exc.stage, reason) from None
        LOGGER.warning("%s: %s", article.article_id, reason)
        return Result(article=article, failure=Failure(article.article_id, exc.stage, reason, article.source_path),
                      input_hash=article.content_hash)


def _analyse(article: Article, settings: Settings, on_error: Literal["record", "raise"],
             progress: Progress) -> Result:
    res = Result(article=article, input_hash=article.content_hash)
    for stage in STAGES:
        progress.stage = stage.name
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
    art = Article(article_id=f.article_id, raw="", source_path=f.source_path)
    return Result(article=art, failure=f, input_hash=art.content_hash)


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
