"""Readers: files, folders, JSONL and HTML pages -> ``Article`` (raw text + metadata).

Each reader yields ``Article`` for what it could read and ``Failure`` for what it could
not, so one bad file never stops a batch. I/O lives here and nowhere in the stages.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.limits import TimeLimitExceeded, run_limited
from ghotona.model import Article, Failure, stable_id
from ghotona.readers.html import article_from_html

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

__all__ = ["decode_bytes", "parse_date", "read_inputs", "read_jsonl", "read_path", "read_text"]

MAX_ID_CHARS = 200      # the width of articles.article_id


def parse_date(value: object) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (or an ISO timestamp); None for null/empty; ValueError else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date string YYYY-MM-DD, got {type(value).__name__}")
    return dt.date.fromisoformat(value.strip()[:10])


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 (LE or BE), recognised by its high bytes, or None.

    In UTF-16 Bengali and ASCII text every second byte is 0x09 or 0x00; the text must also
    decode cleanly and be mostly printable.
    """
    sample = data[:65536]
    if len(sample) < 4 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in high if b in (0, 9)) < 0.9 * len(high):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            return None
        printable = sum(1 for ch in text[:20000] if ch.isprintable() or ch in "\n\r\t")
        return text if printable >= 0.95 * min(len(text), 20000) else None
    return None


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 (with or without BOM).

    UTF-8 text cut inside its last character (a truncated download) loses that character.
    Raises ValueError naming the problem for binary data or another encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-16 text despite its byte-order mark ({exc.reason} at byte "
                             f"{exc.start})") from exc
    if b"\x00" in data[:65536]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise ValueError("binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if (exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
                and max(data[:exc.start], default=0) >= 0x80):  # UTF-8 multibyte text before the cut
            LOGGER.info("UTF-8 text truncated inside its last character: dropped %d bytes", len(data) - exc.start)
            return data[:exc.start].decode("utf-8-sig")
        raise ValueError(f"not valid UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 4]!r})") from exc


def _failure(path: Path, reason: str, article_id: str | None = None) -> Failure:
    return Failure(article_id=article_id or path.stem, stage="read", reason=reason, source_path=str(path))


def _too_large(size: int, what: str, settings: Settings) -> str | None:
    if size > settings.max_article_bytes:
        return f"{what} too large: {size} bytes, limit {settings.max_article_bytes} bytes (max_article_bytes)"
    return None


def _file_bytes(path: Path, settings: Settings) -> bytes:
    """The bytes of ``path``; ValueError (not read at all) when it is larger than the limit."""
    big = _too_large(path.stat().st_size, "file", settings)
    if big:
        raise ValueError(big)
    return path.read_bytes()


def _file_id(path: Path) -> str:
    return path.stem if len(path.stem) <= MAX_ID_CHARS else f"{path.stem[:MAX_ID_CHARS - 17]}~{stable_id(path.stem)}"


def extract_html(html: str, *, article_id: str, published: dt.date | None, source_path: str | None,
                 settings: Settings = DEFAULT_SETTINGS) -> Article | Failure:
    """``article_from_html`` within the size and time limits of ``settings``."""
    big = _too_large(len(html.encode("utf-8", "surrogatepass")), "HTML page", settings)
    if big:
        return Failure(article_id, "read", big, source_path)
    try:
        return run_limited(lambda _p: article_from_html(html, article_id=article_id, published=published,
                                                        favor_precision=settings.favor_precision,
                                                        source_path=source_path),
                           settings.max_article_seconds, "read")
    except TimeLimitExceeded as exc:
        return Failure(article_id, "read", f"HTML extraction {exc} (max_article_seconds)", source_path)


def read_text(path: Path, published: dt.date | None = None, *,
              settings: Settings = DEFAULT_SETTINGS) -> Article | Failure:
    """One plain-text article; its id is the file stem."""
    try:
        raw = decode_bytes(_file_bytes(path, settings))
    except (OSError, ValueError) as exc:
        return _failure(path, str(exc), _file_id(path))
    return Article(article_id=_file_id(path), raw=raw, published=published,
                   published_source="given" if published else "none", source_path=str(path))


def read_html_file(path: Path, published: dt.date | None = None, *,
                   settings: Settings = DEFAULT_SETTINGS) -> Article | Failure:
    """One raw HTML page, extracted with trafilatura; its id is the file stem."""
    try:
        html = decode_bytes(_file_bytes(path, settings))
    except (OSError, ValueError) as exc:
        return _failure(path, str(exc), _file_id(path))
    try:
        return extract_html(html, article_id=_file_id(path), published=published, source_path=str(path),
                            settings=settings)
    except ValueError as exc:
        return _failure(path, str(exc), _file_id(path))


def _article_from_record(rec: object, where: str, path: Path, settings: Settings) -> Article | Failure:
    line_id = f"{_file_id(path)[:MAX_ID_CHARS - 20]}:{where}"
    if not isinstance(rec, dict):
        return _failure(path, f"{where}: expected a JSON object, got {type(rec).__name__}", line_id)
    text = rec.get("text")
    html = rec.get("html")
    rid = rec.get("id") or rec.get("article_id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, str | int)):
        return _failure(path, f"{where}: field 'id' must be a string, got {type(rid).__name__}", line_id)
    if rid is not None and len(str(rid)) > MAX_ID_CHARS:
        return _failure(path, f"{where}: field 'id' is longer than {MAX_ID_CHARS} characters", line_id)
    if not isinstance(text, str) and not isinstance(html, str):
        got = type(text).__name__ if text is not None else "nothing"
        return _failure(path, f"{where}: field 'text' must be a string, got {got}", str(rid or line_id))
    article_id = str(rid) if rid is not None else stable_id(text or html)
    try:
        published = parse_date(rec.get("published"))
    except ValueError as exc:
        return _failure(path, f"{where}: bad 'published' ({exc})", article_id)
    meta = {k: rec.get(k) if isinstance(rec.get(k), str) else None for k in ("title", "url", "outlet")}
    if isinstance(html, str) and not isinstance(text, str):
        try:
            art = extract_html(html, article_id=article_id, published=published, source_path=str(path),
                               settings=settings)
        except ValueError as exc:
            return _failure(path, f"{where}: {exc}", article_id)
        if isinstance(art, Article):
            return replace(art, title=meta["title"] or art.title, url=meta["url"] or art.url,
                           outlet=meta["outlet"] or art.outlet)
        return art
    return Article(article_id=article_id, raw=str(text), title=meta["title"], url=meta["url"],
                   outlet=meta["outlet"], published=published,
                   published_source="given" if published else "none", source_path=str(path))


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """(line, size) pairs; a line longer than ``limit`` bytes is skipped over, not kept (b"")."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while True:  # read past the rest of the over-long line without keeping it
                more = handle.readline(1 << 20)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield b"", size
        else:
            yield line, size


def read_jsonl(path: Path, published: dt.date | None = None, *,
               settings: Settings = DEFAULT_SETTINGS) -> Iterator[Article | Failure]:
    """Articles from a JSONL file (``id, text, published, url, outlet, title``), one per line.

    A caller-given ``published`` fills in only records that have none. Lines above
    ``settings.max_article_bytes`` are recorded as failures without being parsed.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _failure(path, str(exc))
        return
    with handle:
        for n, (line, size) in enumerate(_lines(handle, settings.max_article_bytes), 1):
            where = f"line {n}"
            line_id = f"{_file_id(path)[:MAX_ID_CHARS - 20]}:{where}"
            big = _too_large(size, f"{where}: JSON line", settings)
            if big:
                yield _failure(path, big, line_id)
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(decode_bytes(line))
            except (ValueError, RecursionError) as exc:
                yield _failure(path, f"{where}: not a JSON object ({str(exc)[:80]})", line_id)
                continue
            art = _article_from_record(rec, where, path, settings)
            if isinstance(art, Article) and art.published is None and published is not None:
                art = replace(art, published=published, published_source="given")
            yield art


def read_path(path: Path, published: dt.date | None = None, *,
              settings: Settings = DEFAULT_SETTINGS) -> Iterator[Article | Failure]:
    """Whatever ``path`` is: a folder (recursively, sorted), a JSONL, an HTML or a text file."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child, published, settings=settings)
        return
    if not path.exists():
        yield _failure(path, f"no such file: {path}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published, settings=settings)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, published, settings=settings)
    else:
        yield read_text(path, published, settings=settings)


def read_inputs(paths: Iterable[str | Path], published: dt.date | None = None, *,
                settings: Settings = DEFAULT_SETTINGS) -> Iterator[Article | Failure]:
    """All articles under ``paths``, in order; failures are yielded, not raised.

    ``settings`` gives the size and time limits (``max_article_bytes``, ``max_article_seconds``).
    """
    for p in paths:
        yield from read_path(Path(p), published, settings=settings)
