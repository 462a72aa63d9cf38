"""The date stage: find and resolve date expressions, and detect publication dates.

Public API::

    find_dates(text, published) -> list[Mention]      # kind="date", rule 4 of the spec
    detect_published(raw, html=None) -> date | None   # the page's own publication stamp

``find_dates`` should get the whole cleaned article (offsets index into it, and the
"আজ/গতকাল + weekday" pairs anywhere in it move the anchor of every relative expression).
Each mention carries ``date`` (the past or only reading) and ``future`` (the forward reading
of a bare weekday, month or day+month, else None); ``resolved_by`` is one of the
``RESOLVED_*`` values: ``absolute``, ``year-from-published``, ``published``, ``weekday``,
``weekday+relative``, ``weekday+date`` or ``unresolved`` (no publication date given).

Also exported: :func:`find_anchor` (the day relative expressions count from) and the
Bangla calendar conversion (:mod:`ghotona.dates.bengali_calendar`).
"""

from ghotona.dates.bengali_calendar import BanglaDate, from_gregorian, to_gregorian
from ghotona.dates.expressions import (
    RESOLVED_ABSOLUTE,
    RESOLVED_PUBLISHED,
    RESOLVED_UNRESOLVED,
    RESOLVED_WEEKDAY,
    RESOLVED_WEEKDAY_DATE,
    RESOLVED_WEEKDAY_RELATIVE,
    RESOLVED_YEAR_FROM_PUBLISHED,
    find_anchor,
    find_dates,
)
from ghotona.dates.published import detect_published

__all__ = [
    "RESOLVED_ABSOLUTE", "RESOLVED_PUBLISHED", "RESOLVED_UNRESOLVED", "RESOLVED_WEEKDAY",
    "RESOLVED_WEEKDAY_DATE", "RESOLVED_WEEKDAY_RELATIVE", "RESOLVED_YEAR_FROM_PUBLISHED",
    "BanglaDate", "detect_published", "find_anchor", "find_dates", "from_gregorian", "to_gregorian",
]
