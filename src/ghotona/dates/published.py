"""Detect the publication date an article page states about itself.

Order of trust:

1. a labelled publication stamp in the text ("প্রকাশ:", "প্রকাশিত:", "Published:",
   "Published on …"), the first one on the page;
2. HTML metadata, when HTML is given (``article:published_time`` and similar meta tags,
   JSON-LD ``datePublished``), read in Asia/Dhaka time;
3. an unlabelled stamp on a short header line near the top that is mostly a date and a time
   ("০১ সেপ্টেম্বর ২০২৩, ০৯:২১ পিএম | আপডেট: …").

Never trusted: update / print stamps ("আপডেট:", "হালনাগাদ", "Updated", "প্রিন্ট:") and the
masthead line with the day's date ("ঢাকা মঙ্গলবার, ২১ জানুয়ারি ২০২৫ | ৭ মাঘ ১৪৩১"), which
is the crawl day, not the publication day. Dates inside body sentences are ignored.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import logging

import regex

from ghotona.dates import lexicon as lx

logger = logging.getLogger(__name__)

DHAKA = dt.timezone(dt.timedelta(hours=6), "Asia/Dhaka")

_HEADER_LINES = 25          # unlabelled stamps must sit in the first non-empty lines …
_HEADER_LINE_MAX = 160      # … which must be short
_LEFTOVER_MAX = 8           # letters allowed besides the date/time in a header segment
_LABEL_REACH = 40           # a labelled stamp's date must start this close to the label

_MON = lx.MONTH_BN_ALT
_MON_EN = lx.alternation(w.title() for ws in lx.MONTHS_EN.values() for w in ws)

STAMP_DATE = regex.compile(
    r"""(?<![0-9০-৯])(?:
        (?P<d>[0-3০-৩]?[0-9০-৯])(?:[ \u00a0]?(?:লা|রা|ঠা|শে|ই|st|nd|rd|th))?[ \u00a0,.-]*
            (?P<mon>""" + _MON + "|" + _MON_EN + r""")\.?[ \u00a0,.-]*(?P<y>[12১২][0-9০-৯]{3}|[0-9০-৯]{2})(?![0-9০-৯])
      | (?P<mon2>""" + _MON + "|" + _MON_EN + r""")\.?[ \u00a0]+(?P<d2>[0-3০-৩]?[0-9০-৯])(?:st|nd|rd|th)?,?[ \u00a0]+
            (?P<y2>[12১২][0-9০-৯]{3})(?![0-9০-৯])
      | (?P<y3>[12১২][0-9০-৯]{3})-(?P<m3>[01০১][0-9০-৯])-(?P<d3>[0-3০-৩][0-9০-৯])(?![0-9০-৯])
      | (?P<d4>[0-3০-৩]?[0-9০-৯])[/.](?P<m4>[01০১]?[0-9০-৯])[/.](?P<y4>[12১২][0-9০-৯]{3})(?![0-9০-৯])
    )""",
    regex.VERBOSE,
)
"""A date as publication stamps write it (two-digit years allowed: "০৫ আগস্ট ২৪")."""

LABEL = regex.compile(
    r"""(?:
        (?<![\p{L}\p{M}])(?:প্রথম[ \u00a0]+)?প্রকাশ(?:িত|ের|কাল)?(?:[ \u00a0]+(?:<SOMOY>|তারিখ))?
            [ \u00a0]*[:ঃ：]
      | (?:^|(?<=[|•]))[ \t\u00a0]*(?i:first[ \u00a0]+)?(?i:published|posted)(?:[ \u00a0]+(?i:on|at))?[ \u00a0]*:?
    )""".replace("<SOMOY>", lx.nukta("সময়")),
    regex.VERBOSE | regex.MULTILINE,
)
"""A publication label: প্রকাশ:, প্রকাশিত:, প্রকাশের সময়:; Published:/Published on at a line start."""

LOSER = regex.compile(
    r"(?:আপডেট|হালনাগাদ|সর্বশেষ|সংশোধিত|প্রিন্ট|মুদ্রণ|(?i:updated|update|modified|last[ \u00a0]+updated|print))"
)
"""Stamps that never give the publication date."""

MASTHEAD = regex.compile(
    r"(?:^|[ \u00a0|])ঢাকা[ \u00a0,]+" + lx.WEEKDAY_BN_ALT
    + r"|[0-9০-৯]{1,2}[ \u00a0]*" + lx.MONTH_BANGLA_ALT + r"(?![\p{L}\p{M}])"
    + r"|(?:মহররম|সফর|রবিউল|জমাদিউল|জমাদিউস|রজব|শাবান|রমজান|শাওয়াল|জিলকদ|জিলহজ|হিজরি)"
)
"""A masthead line: "ঢাকা <weekday>", a Bangla-calendar or a Hijri date beside today's."""

_TIME = regex.compile(r"[0-9০-৯]{1,2}[ \u00a0]*[:.ঃ][ \u00a0]*[0-9০-৯]{2}(?:[ \u00a0]*(?:পিএম|এএম|(?i:am|pm)|মিনিট))?")
_NOISE = regex.compile(r"[\p{P}\p{S}\s\d]|" + lx.WEEKDAY_BN_ALT + r"|" + lx.alternation(
    w.title() for ws in lx.WEEKDAYS_EN.values() for w in ws) + r"|" + lx.nukta("সময়") + "|তারিখ|ইং|বাংলাদেশ")

_META_TAG = regex.compile(r"<meta\b[^>]*>", regex.IGNORECASE)
_ATTR = regex.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_META_NAMES = frozenset({
    "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "date",
})
_JSON_LD = regex.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = regex.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^>]*\b(?:pubdate|datePublished)",
                          regex.IGNORECASE)
_ISO = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                     r"\s*(Z|[+-]\d{2}:?\d{2})?)?")
_LOOKS_HTML = regex.compile(r"<(?:!doctype|html|head|meta|body|div|p|script)\b", regex.IGNORECASE)
_SCRIPT_STYLE = regex.compile(r"<(script|style|noscript)\b.*?</\1\s*>", regex.IGNORECASE | regex.DOTALL)
_TAG = regex.compile(r"<[^>]+>")


def detect_published(raw: str, html: str | None = None) -> dt.date | None:
    """The first publication date the page states, or None.

    ``raw`` is the article as read (plain text or HTML); ``html`` optionally gives the page
    HTML separately when ``raw`` is already text.
    """
    if not raw and not html:
        return None
    raw_is_html = bool(raw) and _LOOKS_HTML.search(raw[:5000]) is not None
    page_html = html if html is not None else (raw if raw_is_html else None)
    text = html_to_text(raw) if raw_is_html else (raw or "")
    found = labelled_stamp(text)
    if found is None and page_html is not None:
        found = metadata_date(page_html)
    if found is None:
        found = header_stamp(text)
    logger.debug("detected publication date %s", found)
    return found


def html_to_text(page: str) -> str:
    """Visible text of an HTML page, one block per line (good enough for stamps)."""
    page = _SCRIPT_STYLE.sub("\n", page)
    return html_lib.unescape(_TAG.sub("\n", page))


def stamp_date(match: regex.Match[str]) -> dt.date | None:
    """The date of a :data:`STAMP_DATE` match, or None if it is not a valid date."""
    try:
        if match.group("mon") or match.group("mon2"):
            month = lx.MONTH_LOOKUP[lx.key(match.group("mon") or match.group("mon2"))]
            day = int(match.group("d") or match.group("d2"))
            year = int(match.group("y") or match.group("y2"))
            return dt.date(year + 2000 if year < 100 else year, month, day)
        if match.group("y3"):
            return dt.date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
        return dt.date(int(match.group("y4")), int(match.group("m4")), int(match.group("d4")))
    except ValueError:
        return None


# Every LABEL match contains one of these: texts without them skip the (slower) LABEL scan.
_LABEL_WORD = regex.compile(r"প্রকাশ|(?i:published|posted)")


def labelled_stamp(text: str) -> dt.date | None:
    """The date of the first "প্রকাশ: …" / "Published: …" stamp in ``text``."""
    if _LABEL_WORD.search(text) is None:
        return None
    for label in LABEL.finditer(text):
        window = text[label.end():label.end() + _LABEL_REACH + 30]
        stamp = STAMP_DATE.search(window)
        if stamp is None or stamp.start() > _LABEL_REACH or LOSER.search(window[:stamp.start()]):
            continue
        found = stamp_date(stamp)
        if found is not None:
            return found
    return None


def parse_iso(value: str) -> dt.date | None:
    """The Asia/Dhaka calendar date of an ISO 8601 timestamp (date part if no zone given)."""
    m = _ISO.search(value)
    if m is None:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if not m.group(7):
            return day
        zone = m.group(7)
        if zone == "Z":
            offset = dt.timedelta(0)
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        moment = dt.datetime(day.year, day.month, day.day, int(m.group(4)), int(m.group(5)),
                             int(m.group(6) or 0), tzinfo=dt.timezone(offset))
    except ValueError:
        return None
    return moment.astimezone(DHAKA).date()


def metadata_date(page: str) -> dt.date | None:
    """Publication date from meta tags, JSON-LD ``datePublished`` or ``<time pubdate>``."""
    for tag in _META_TAG.finditer(page):
        attrs = {k.lower(): (v1 or v2) for k, v1, v2 in _ATTR.findall(tag.group())}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _META_NAMES and attrs.get("content") and (found := parse_iso(attrs["content"])):
            return found
    for pattern in (_JSON_LD, _TIME_TAG):
        for m in pattern.finditer(page):
            if found := parse_iso(m.group(1)):
                return found
    return None


def _mostly_date(segment: str, stamp: regex.Match[str]) -> bool:
    """True when ``segment`` holds little besides its date stamp, times and weekdays."""
    rest = segment[:stamp.start()] + " " + segment[stamp.end():]
    rest = _NOISE.sub("", _TIME.sub("", rest))
    return len(rest) <= _LEFTOVER_MAX


def header_stamp(text: str) -> dt.date | None:
    """The first unlabelled date stamp on a short header line near the top of the page.

    The stamp must carry a time or share its line with an update stamp: a line that is only
    a date is as often a dateline of the story ("১ জানুয়ারি ২০০৭") as a stamp.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_HEADER_LINES]
    for line in lines:
        if len(line) > _HEADER_LINE_MAX or MASTHEAD.search(line):
            continue
        beside_update = LOSER.search(line) is not None
        for segment in regex.split(r"[|।•]", line):
            if LOSER.search(segment):
                continue
            stamp = STAMP_DATE.search(segment)
            if stamp is None or (stamp.group("y") is not None and len(stamp.group("y")) == 2):
                continue  # two-digit years only with a label
            if not (beside_update or _TIME.search(segment)) or not _mostly_date(segment, stamp):
                continue
            if found := stamp_date(stamp):
                return found
    return None
