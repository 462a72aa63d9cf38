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

from ghotona.model import Article, Failure, stable_id
from ghotona.readers.html import article_from_html

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

__all__ = ["decode_bytes", "parse_date", "read_inputs", "read_jsonl", "read_path", "read_text"]


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


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or BOM-marked UTF-16.

    Raises ValueError naming the problem for binary data or another encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:65536]:
        raise ValueError("binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 4]!r})") from exc


def _failure(path: Path, reason: str, article_id: str | None = None) -> Failure:
    return Failure(article_id=article_id or path.stem, stage="read", reason=reason, source_path=str(path))


def read_text(path: Path, published: dt.date | None = None) -> Article | Failure:
    """One plain-text article; its id is the file stem."""
    try:
        raw = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as exc:
        return _failure(path, str(exc))
    return Article(article_id=path.stem, raw=raw, published=published,
                   published_source="given" if published else "none", source_path=str(path))


def read_html_file(path: Path, published: dt.date | None = None, *, favor_precision: bool = True) -> Article | Failure:
    """One raw HTML page, extracted with trafilatura; its id is the file stem."""
    try:
        html = decode_bytes(path.read_bytes())
        return article_from_html(html, article_id=path.stem, published=published,
                                 favor_precision=favor_precision, source_path=str(path))
    except (OSError, ValueError) as exc:
        return _failure(path, str(exc))


def _article_from_record(rec: object, where: str, path: Path) -> Article | Failure:
    if not isinstance(rec, dict):
        return _failure(path, f"{where}: expected a JSON object, got {type(rec).__name__}", f"{path.stem}:{where}")
    text = rec.get("text")
    html = rec.get("html")
    rid = rec.get("id") or rec.get("article_id")
    if rid is not None and not isinstance(rid, str | int):
        return _failure(path, f"{where}: field 'id' must be a string, got {type(rid).__name__}", f"{path.stem}:{where}")
    if not isinstance(text, str) and not isinstance(html, str):
        got = type(text).__name__ if text is not None else "nothing"
        return _failure(path, f"{where}: field 'text' must be a string, got {got}", str(rid or f"{path.stem}:{where}"))
    article_id = str(rid) if rid is not None else stable_id(text or html)
    try:
        published = parse_date(rec.get("published"))
    except ValueError as exc:
        return _failure(path, f"{where}: bad 'published' ({exc})", article_id)
    meta = {k: rec.get(k) if isinstance(rec.get(k), str) else None for k in ("title", "url", "outlet")}
    if isinstance(html, str) and not isinstance(text, str):
        try:
            art = article_from_html(html, article_id=article_id, published=published, source_path=str(path))
        except ValueError as exc:
            return _failure(path, f"{where}: {exc}", article_id)
        if isinstance(art, Article):
            return replace(art, title=meta["title"] or art.title, url=meta["url"] or art.url,
                           outlet=meta["outlet"] or art.outlet)
        return art
    return Article(article_id=article_id, raw=str(text), title=meta["title"], url=meta["url"],
                   outlet=meta["outlet"], published=published,
                   published_source="given" if published else "none", source_path=str(path))


def read_jsonl(path: Path, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """Articles from a JSONL file (``id, text, published, url, outlet, title``), one per line.

    A caller-given ``published`` fills in only records that have none.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _failure(path, str(exc))
        return
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"line {n}"
            try:
                rec = json.loads(decode_bytes(line))
            except (ValueError, RecursionError) as exc:
                yield _failure(path, f"{where}: not a JSON object ({str(exc)[:80]})", f"{path.stem}:{where}")
                continue
            art = _article_from_record(rec, where, path)
            if isinstance(art, Article) and art.published is None and published is not None:
                art = replace(art, published=published, published_source="given")
            yield art


def read_path(path: Path, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """Whatever ``path`` is: a folder (recursively, sorted), a JSONL, an HTML or a text file."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child, published)
        return
    if not path.exists():
        yield _failure(path, f"no such file: {path}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, published)
    else:
        yield read_text(path, published)


def read_inputs(paths: Iterable[str | Path], published: dt.date | None = None) -> Iterator[Article | Failure]:
    """All articles under ``paths``, in order; failures are yielded, not raised."""
    for p in paths:
        yield from read_path(Path(p), published)
