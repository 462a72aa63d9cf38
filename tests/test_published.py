"""Publication dates stated on the page: labelled stamps, header lines and HTML metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from ghotona.dates import detect_published
from ghotona.dates.published import parse_iso

SHARED = Path(os.environ.get("GHOTONA_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SHARED / "seeds"
HTML = SHARED / "corpus" / "html"


def _seed(seed: str) -> str:
    [path] = SEEDS.glob(f"{seed}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds not available")
@pytest.mark.parametrize(("seed", "expected"), [
    ("000", None), ("001", None), ("002", None), ("003", None),  # no stamp; body dates do not count
    ("004", dt.date(2023, 9, 1)),                                # not the masthead's 21 January 2025
])
def test_seeds(seed: str, expected: dt.date | None) -> None:
    assert detect_published(_seed(seed)) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # seed 004's header, masthead with U+00A0 first
    ("ঢাকা\u00a0\u00a0 মঙ্গলবার, ২১ জানুয়ারি ২০২৫ | ৭ মাঘ ১৪৩১\n\nশিরোনাম\n\n"
     "০১ সেপ্টেম্বর ২০২৩, ০৯:২১ পিএম | আপডেট: ০২ সেপ্টেম্বর ২০২৩, ১২:০১ এএম\n\nখবর।", dt.date(2023, 9, 1)),
    # the update stamp first on the line: still the publication stamp wins
    ("আপডেট: ০২ সেপ্টেম্বর ২০২৩, ১২:০১ এএম | ০১ সেপ্টেম্বর ২০২৩, ০৯:২১ পিএম\nখবর।", dt.date(2023, 9, 1)),
    # whitespace-collapsed page (Samakal): masthead, then the labelled stamp
    ("ঢাকা মঙ্গলবার, ৩০ ডিসেম্বর ২০২৫ স্পোর্টস ডেস্ক প্রকাশ: ২৮ ডিসেম্বর ২০২৫ | ১৩:১২ রোনালদোর জোড়া গোল",
     dt.date(2025, 12, 28)),
    ("প্রকাশ: ২৬ ডিসেম্বর ২০২৫ | ১৮:২৩ | আপডেট: ২৬ ডিসেম্বর ২০২৫ | ১৯:০৬", dt.date(2025, 12, 26)),
    # a labelled stamp wins over an earlier unlabelled one
    ("১০ আগস্ট ২০২৬, ০১:১২ এএম\nপ্রকাশিত: ০৯ আগস্ট ২০২৬, ১২:০০ এএম", dt.date(2026, 8, 9)),
    ("প্রিন্ট: ১০ আগস্ট ২০২৬, ০১:১২ এএম\nপ্রকাশ: ০৯ আগস্ট ২০২৬, ১২:০০ এএম", dt.date(2026, 8, 9)),
    ("প্রকাশিত: ০৪:৫৭ পিএম, ১২ আগস্ট ২০২৪, সোমবার", dt.date(2024, 8, 12)),  # time before the date
    ("প্রকাশের সময় : ১২ আগস্ট ২০২৪", dt.date(2024, 8, 12)),
    ("প্রকাশ: ০৫ আগস্ট ২৪ । ২১:৩১", dt.date(2024, 8, 5)),                    # two-digit year, labelled
    ("Published: 12 August 2024, 10:00 AM\nUpdated: 13 August 2024", dt.date(2024, 8, 12)),
    ("Updated: 13 August 2024\nPublished on August 12, 2024", dt.date(2024, 8, 12)),
    ("Last updated 13 Aug 2024, 09:00\nstory", None),
    ("ঢাকা, মঙ্গলবার ৩০ ডিসেম্বর ২০২৫\nখবর।", None),                         # masthead only: the crawl day
    ("মঙ্গলবার, ৩০ ডিসেম্বর, ২০২৫ ১৫ পৌষ, ১৪৩২ বঙ্গাব্দ\nখবর।", None),
    ("১ জানুয়ারি ২০০৭\nকোম্পানির নাম থেকে শব্দটি বাদ দিল অ্যাপল", None),     # a dateline, not a stamp
    ("১৩ সেপ্টেম্বর, রাশিয়ার রাষ্ট্রপতি পুতিন কিমকে স্বাগত জানান।", None),
    ("গেজেট গত ২৪ ডিসেম্বর প্রকাশ করা হয়েছে।", None),
    ("বিজ্ঞপ্তি প্রকাশ করেছে ১২ আগস্ট ২০২৪ তারিখে।", None),
    ("", None),
])
def test_text_stamps(raw: str, expected: dt.date | None) -> None:
    assert detect_published(raw) == expected


PAGE = """<!doctype html><html><head>
<meta property="og:title" content="শিরোনাম">
<meta content="2024-08-12T22:30:00+06:00" property="article:published_time">
<meta property="article:modified_time" content="2024-08-13T10:00:00+06:00">
<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-08-14T01:00:00+06:00",
"datePublished":"2024-08-12T22:30:00+06:00"}</script>
</head><body><p class="time">ঢাকা, মঙ্গলবার ১৩ আগস্ট ২০২৪</p><p>খবর।</p></body></html>"""


def test_html_metadata() -> None:
    assert detect_published(PAGE) == dt.date(2024, 8, 12)
    text = "খবর। বৃহস্পতিবার বৈঠক হয়।"
    assert detect_published(text, html=PAGE) == dt.date(2024, 8, 12)
    only_json_ld = '<html><script>{"datePublished": "2024-01-01T18:30:00Z"}</script></html>'
    assert detect_published(only_json_ld) == dt.date(2024, 1, 2)  # 00:30 in Dhaka


def test_visible_label_beats_metadata() -> None:
    page = PAGE.replace("<p>খবর।</p>", "<p>প্রকাশ: ১১ আগস্ট ২০২৪, ১০:০০</p><p>খবর।</p>")
    assert detect_published(page) == dt.date(2024, 8, 11)


def test_script_text_is_not_read_as_a_stamp() -> None:
    page = "<html><script>var d = 'Published: 01 January 2020';</script><p>খবর।</p></html>"
    assert detect_published(page) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-08-17T12:14:01+06:00", dt.date(2026, 8, 17)),
    ("2026-08-09T00:00:00+06:00", dt.date(2026, 8, 9)),
    ("2024-08-12T19:00:00Z", dt.date(2024, 8, 13)),
    ("2024-08-12T17:59:59+0000", dt.date(2024, 8, 12)),
    ("2024-08-12", dt.date(2024, 8, 12)),
    ("not a date", None),
    ("2024-02-30", None),
])
def test_parse_iso(value: str, expected: dt.date | None) -> None:
    assert parse_iso(value) == expected


@pytest.mark.skipif(not HTML.exists(), reason="corpus pages not available")
@pytest.mark.parametrize(("page_id", "expected"), [
    ("html-6581644223", dt.date(2026, 8, 17)),  # Prothom Alo: JSON-LD only
    ("html-b4b0d31bbd", dt.date(2026, 8, 9)),   # Jugantor: "প্রকাশ:" after a "প্রিন্ট:" stamp of the 10th
])
def test_corpus_pages(page_id: str, expected: dt.date) -> None:
    assert hashlib.sha1(page_id.encode()).hexdigest()[0] in "01234567"  # the dev half only
    raw = (HTML / f"{page_id}.html").read_text(encoding="utf-8")
    assert detect_published(raw) == expected


def test_english_label_only_at_a_line_start() -> None:
    assert detect_published("The video was posted on 12 August 2024 by the ministry.") is None
    assert detect_published("Dhaka Tribune | Published at 09:00 PM, 12 August 2024") == dt.date(2024, 8, 12)
