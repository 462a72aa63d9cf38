"""Text normalisation: a table per variant class, offsets back to the original, idempotence,
and the date table run through normalisation."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dates import REAL

from ghotona.dates import find_dates
from ghotona.dates.report import find_dates_normalised
from ghotona.lang.normalise import SPELLINGS, Normalised, normalise

PRECOMPOSED_YA = "\u09df"  # য় as one code point (not NFC)
YA = "\u09af\u09bc"  # য় as NFC keeps it: য + nukta


@pytest.mark.parametrize(("raw", "expected"), [
    # Unicode NFC: precomposed nukta letters decompose, split vowel signs compose
    (f"জানু{PRECOMPOSED_YA}ারি", f"জানু{YA}ারি"),
    ("\u09dcাকা", "\u09a1\u09bcাকা"),
    ("\u09ddাকা", "\u09a2\u09bcাকা"),
    ("ক\u09c7\u09be", "কো"),
    ("ক\u09c7\u09d7", "কৌ"),
    # ZWJ / ZWNJ and other invisible characters
    ("র\u200c্যাব", "র্যাব"),
    ("র\u200d্যাব", "র্যাব"),
    ("উদ্\u200cযাপন", "উদ্যাপন"),
    ("বাং\u200bলা\u00ad", "বাংলা"),
    ("\ufeffঢাকা", "ঢাকা"),
    # ৎ: ত + hasanta + ZWJ, the encoding before Unicode 4.1
    ("উত্\u200dসব", "উৎসব"),
    ("হঠাত্\u200d", "হঠাৎ"),
    # hasanta and sign-order slips
    ("ক্্ষ", "ক্ষ"),
    ("ড\u09bc\u09bc", "ড\u09bc"),
    ("পঁাচ", "পাঁচ"),
    ("ড\u09be\u09bc", "ড\u09bc\u09be"),
    ("অামরা", "আমরা"),
    # ি/ী spellings CLDR and the news disagree on
    ("জানুয়ারী", "জানুয়ারি"),
    ("ফেব্রুয়ারীর", "ফেব্রুয়ারির"),
    ("বেসরকারী", "বেসরকারি"),
    ("পাকিস্তানী সেনা", "পাকিস্তানি সেনা"),
    ("প্রতিবেশী দেশ", "প্রতিবেশী দেশ"),  # tatsama ী stays
    # digits
    ("২০২৪ সালে ১২ জন", "2024 সালে 12 জন"),
    ("２０２４", "2024"),
    # quotes, hyphens, danda
    ("“আমরা” ‘না’ বলি", "\"আমরা\" 'না' বলি"),
    ("২০২৪’র", "2024'র"),
    ("রাশিয়া\u2010ইউক্রেন \u2212৫", "রাশিয়া-ইউক্রেন -5"),
    ("জুন–জুলাই — শেষ", "জুন–জুলাই — শেষ"),
    ("বৈঠক হয়৷", "বৈঠক হয়।"),
    # spaces and line breaks
    ("০১ সেপ্টেম্বর\u00a0২০২৩", "01 সেপ্টেম্বর 2023"),
    ("ক  \u00a0\t খ", "ক খ"),
    ("ক \u200c খ", "ক খ"),
    ("এক\r\nদুই\rতিন\u2028চার", "এক\nদুই\nতিন\nচার"),
    ("এক\n\nদুই", "এক\n\nদুই"),
    # untouched
    ("", ""),
    ("Reuters জানায়, ১৩ সেপ্টেম্বর।", "Reuters জানায়, 13 সেপ্টেম্বর।"),
])
def test_variants(raw: str, expected: str) -> None:
    norm = normalise(raw)
    assert norm.text == expected
    assert norm.original == raw
    assert unicodedata.is_normalized("NFC", norm.text)
    assert normalise(norm.text).text == norm.text


def test_clean_text_is_returned_as_is() -> None:
    text = "রাশিয়ার প্রেসিডেন্ট পুতিন বলেন, তারা আলোচনা করেছেন।\nদ্বিতীয় অনুচ্ছেদ।"
    norm = normalise(text)
    assert norm.text is text and not norm.changed
    assert [norm.to_original(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_offsets_of_a_mixed_text() -> None:
    raw = f"\u200cআজ\u00a0\u00a0জানু{PRECOMPOSED_YA}ারী ২০২৪\r\nউত্\u200dসব"
    norm = normalise(raw)
    assert norm.text == f"আজ জানু{YA}ারি 2024\nউৎসব"
    month = norm.text.index("জানু")
    assert norm.span_to_original(month, month + len("জানুয়ারি")) == (raw.index("জানু"), raw.index(" ২০২৪"))
    assert norm.span_to_original(0, 2) == (1, 3)                     # the dropped ZWNJ is left out
    year = norm.text.index("2024")
    assert raw[slice(*norm.span_to_original(year, year + 4))] == "২০২৪"
    utsab = norm.text.index("উৎসব")
    assert raw[slice(*norm.span_to_original(utsab, utsab + 4))] == "উত্\u200dসব"
    # a span ending inside the spelling unit is widened to the whole word
    assert raw[slice(*norm.span_to_original(month, month + 3))] == f"জানু{PRECOMPOSED_YA}ারী"
    assert not norm.is_boundary(month + 3) and norm.is_boundary(month)
    assert norm.to_normalised(raw.index("২০২৪")) == year
    assert norm.span_to_normalised(raw.index("উত্"), len(raw)) == (utsab, len(norm.text))


def test_offsets_reject_out_of_range() -> None:
    norm = normalise("ক  খ")
    for call in (lambda: norm.to_original(5), lambda: norm.to_original(-1), lambda: norm.to_normalised(9),
                 lambda: norm.span_to_original(2, 1), lambda: norm.span_to_normalised(3, 1)):
        with pytest.raises(ValueError):
            call()


def test_spellings_are_safe_to_replace_anywhere() -> None:
    words = list(SPELLINGS)
    for variant, canonical in SPELLINGS.items():
        assert len(variant) == len(canonical) and variant != canonical
        assert unicodedata.is_normalized("NFC", variant) and unicodedata.is_normalized("NFC", canonical)
        assert normalise(canonical).text == canonical
    for a in words:   # no entry inside another, no entry overlapping another
        for b in words:
            if a != b:
                assert a not in b
                assert not any(a.endswith(b[:k]) for k in range(1, len(b)))


# ---- properties ---------------------------------------------------------------------------

_BENGALI = [chr(c) for c in range(0x0980, 0x0A00) if unicodedata.category(chr(c)) != "Cn"]
_EXTRA = list("\u200c\u200d\u200b\u00ad\ufeff\u00a0\u2009\u202f\t\r\n  “”‘’\"'-\u2010\u2013।৷abAZ09,.()") + [
    "\u09a4\u09cd\u200d", "\u0985\u09be", "\u09c7\u09be", "\u09df", "\u09dc", "\u0981\u09be", "\u09be\u09bc"]
PIECES = st.one_of(st.sampled_from(_BENGALI + _EXTRA), st.sampled_from(sorted(SPELLINGS)),
                   st.sampled_from([row[2] for row in REAL]))
BENGALI_TEXT = st.lists(PIECES, max_size=30).map("".join)


def _check_spans(raw: str, norm: Normalised, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        a, b = norm.span_to_original(start, end)
        assert 0 <= a <= b <= len(raw)
        again = normalise(raw[a:b]).text
        if norm.is_boundary(start) and norm.is_boundary(end):
            assert again == norm.text[start:end], (raw, start, end)
        else:  # a span inside a unit maps to the whole unit
            assert norm.text[start:end] in again, (raw, start, end)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BENGALI_TEXT, st.data())
def test_idempotent_and_offsets_map_back(raw: str, data: st.DataObject) -> None:
    norm = normalise(raw)
    assert normalise(norm.text).text == norm.text
    n = len(norm.text)
    points = st.integers(min_value=0, max_value=n)
    spans = [tuple(sorted(data.draw(st.tuples(points, points)))) for _ in range(8)]
    _check_spans(raw, norm, [(0, n), *spans])  # type: ignore[list-item]
    for j in range(len(raw) + 1):
        assert 0 <= norm.to_normalised(j) <= n
    for i in range(n + 1):
        if norm.is_boundary(i):
            assert norm.to_normalised(norm.to_original(i)) == i


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_idempotent_on_any_text(raw: str) -> None:
    norm = normalise(raw)
    assert normalise(norm.text).text == norm.text
    _check_spans(raw, norm, [(0, len(norm.text)), (0, len(norm.text) // 2), (len(norm.text) // 2, len(norm.text))])


# ---- the date table through normalisation ----------------------------------------------------

def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def test_date_table_is_large_enough() -> None:
    assert len(REAL) >= 150  # the bar: >= 150 real expressions with their resolution


def _variants(expression: str) -> list[str]:
    """Spellings of ``expression`` seen in the wild that normalise to the same text."""
    out = [expression.replace(" ", "\u00a0"), expression.replace(YA, PRECOMPOSED_YA),
           expression.replace("জানুয়ারি", "জানুয়ারী").replace("ফেব্রুয়ারি", "ফেব্রুয়ারী")]
    translated = expression.translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    out.append(translated)
    if len(expression) > 3:
        out.append(expression[:2] + "\u200c" + expression[2:])
    return out


@pytest.mark.parametrize(("source", "published", "expression", "date", "precision", "future"), REAL,
                         ids=[f"{row[0]}:{row[2]}" for row in REAL])
def test_real_expression_after_normalisation(source: str, published: str | None, expression: str, date: str,
                                             precision: str, future: str | None) -> None:
    for text in [expression, *_variants(expression)]:
        [mention] = find_dates_normalised(text, _day(published))
        assert (mention.start, mention.end, mention.text) == (0, len(text), text), (source, text)
        assert mention.date is not None and (mention.date.date, mention.date.precision) == (date, precision)
        assert mention.date.text == text
        assert (mention.future.date if mention.future else None) == future


@pytest.mark.parametrize(("text", "span", "date"), [
    ("জানু\u200cয়ারির ৫ তারিখে বৈঠক", "জানু\u200cয়ারির ৫ তারিখে", "2024-01-05"),
    ("বৃহস্পতি\u200cবার বৈঠক", "বৃহস্পতি\u200cবার", "2024-02-01"),
])
def test_normalisation_finds_what_variants_hide(text: str, span: str, date: str) -> None:
    assert find_dates(text, dt.date(2024, 2, 7)) == []  # a ZWNJ inside a word hides it from the raw patterns
    [mention] = find_dates_normalised(text, dt.date(2024, 2, 7))
    assert mention.text == span and mention.date is not None and mention.date.date == date


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds not available")
def test_seeds_normalise_and_map_back(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        norm = normalise(text)
        assert normalise(norm.text).text == norm.text
        for m in find_dates_normalised(text, dt.date(2023, 9, 1), norm=norm):
            assert text[m.start:m.end] == m.text
    header = seed_texts["004_185ffdcbebb80747"]
    assert "\u00a0" in header and "\u00a0" not in normalise(header).text  # seed 004's header uses U+00A0
