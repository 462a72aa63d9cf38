"""Date finding on normalised text, and a readable account of every expression found.

:func:`find_dates_normalised` is :func:`~ghotona.dates.find_dates` run on the
:func:`~ghotona.lang.normalise.normalise`-d text (so ``জানুয়ারী``, precomposed য়, a
no-break space or a ZWNJ inside an expression do not matter) with every mention mapped
back to the offsets and characters of the text it was given.

:func:`explain` is the one library call behind ``ghotona dates``: every expression with its
span, resolved date, precision, forward reading and anchor, as plain dicts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from ghotona.dates.expressions import find_anchor, find_dates
from ghotona.lang.bijoy import BIJOY_THRESHOLD, ENCODING_NAME, bijoy_to_unicode, detect_bijoy
from ghotona.lang.normalise import Normalised, normalise
from ghotona.model import DateValue, Mention

logger = logging.getLogger(__name__)

__all__ = ["explain", "find_dates_normalised"]


def _remap(norm: Normalised, m: Mention) -> Mention:
    """``m`` (found in ``norm.text``) with the offsets and text of ``norm.original``."""
    start, end = norm.span_to_original(m.start, m.end)
    span = norm.original[start:end]

    def value(v: DateValue | None) -> DateValue | None:
        return None if v is None else dataclasses.replace(v, text=span)

    return dataclasses.replace(m, start=start, end=end, text=span, date=value(m.date), future=value(m.future))


def find_dates_normalised(text: str, published: dt.date | None, *,
                          norm: Normalised | None = None) -> list[Mention]:
    """:func:`find_dates` on the normalised ``text``; offsets and texts refer to ``text``.

    Pass ``norm`` when ``normalise(text)`` is already at hand.
    """
    norm = norm if norm is not None else normalise(text)
    found = find_dates(norm.text, published)
    if not norm.changed:
        return found
    return [_remap(norm, m) for m in found]


def explain(text: str, published: dt.date | None, *, bijoy: bool | None = None) -> list[dict[str, Any]]:
    """Every date expression of ``text`` and how it was resolved against ``published``.

    One dict per expression, in text order: ``start``/``end``/``text`` (the span of the text
    searched), ``normalised`` (the span as matched), ``date`` and ``precision`` (the past or
    only reading), ``future`` and ``future_precision`` (the forward reading of a bare
    weekday, month or day + month, else None), ``resolved_by`` (how: ``absolute``,
    ``weekday+relative`` …), ``anchor`` (the day relative expressions count from: the
    publication date, or the day the article's own "আজ/গতকাল + weekday" point to),
    ``published``, ``suffix`` (the case ending glued on) and ``encoding``.

    ``bijoy``: None detects Bijoy/SutonnyMJ-encoded input and converts it first (offsets then
    refer to the converted text and ``encoding`` says so); True always converts, False never.
    """
    encoding = "unicode"
    if bijoy or (bijoy is None and detect_bijoy(text) >= BIJOY_THRESHOLD):
        logger.info("converting %s input (%d characters) before finding dates", ENCODING_NAME, len(text))
        text, encoding = bijoy_to_unicode(text), "bijoy"
    norm = normalise(text)
    anchor = find_anchor(norm.text, published)
    rows: list[dict[str, Any]] = []
    for m in find_dates(norm.text, published):
        start, end = norm.span_to_original(m.start, m.end)
        date, future = m.date or DateValue.none(), m.future
        rows.append({
            "start": start, "end": end, "text": text[start:end], "normalised": m.text,
            "date": date.date, "precision": date.precision,
            "future": future.date if future else None, "future_precision": future.precision if future else None,
            "resolved_by": m.resolved_by, "anchor": anchor.isoformat() if anchor else None,
            "published": published.isoformat() if published else None, "suffix": m.suffix,
            "encoding": encoding,
        })
    return rows
