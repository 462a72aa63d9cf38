"""Compiled regular expressions for date expressions (Bengali and English).

Digits are matched in both scripts (``<D>``). Patterns that begin with optional prefixes
are slow to scan over a whole article, so each has a *gate*: the words every match must
contain (a month name, a weekday …), all found in one Aho–Corasick pass (:func:`gate_hits`).
Only windows around gate hits are scanned (:func:`windows`). Named groups are read by the
handlers in :mod:`ghotona.dates.expressions`:

``pre`` past/this/next modifier, ``yrel`` modifier of an enclosing "year" (গত বছরের …),
``y0``/``y`` explicit years, ``dn``/``dw`` day as number / ordinal word, ``mon`` month,
``msuf`` case ending, ``wd`` weekday, ``rel`` relative day word, ``unit`` period unit,
``n``/``nw`` count as number / word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import ahocorasick
import regex

from ghotona.dates import lexicon as lx

_FRAGMENTS: dict[str, str] = {
    "D": lx.D, "WS": lx.WS, "OWS": lx.OWS, "SEP": lx.SEP, "LB": lx.LB, "RB": lx.RB,
    "YEAR": lx.YEAR, "YEARS": lx.YEAR_STRICT, "YTAIL": lx.YEAR_TAIL, "CASE": lx.CASE_SUFFIX,
    "MON": lx.MONTH_BN_ALT, "BMON": lx.MONTH_BANGLA_ALT, "WDAY": lx.WEEKDAY_BN_ALT,
    "ORD": lx.ORDINAL_BN_ALT, "NUMW": lx.NUMBER_BN_ALT, "DNUM": lx.DAY_NUM, "DORD": lx.DAY_ORD,
    "PAST": lx.PAST_ALT, "THIS": lx.THIS_ALT, "NEXT": lx.NEXT_ALT,
    "YWORD": lx.YEAR_WORD_ALT, "OUTGOING": lx.nukta("বিদায়ী"),
    "BOCHOR": lx.nukta("বছর"), "JURE": lx.nukta("জুড়ে"),
    "SAL_GEN": r"(?:সালের|সনের|খ্রিস্টাব্দের|খ্রিষ্টাব্দের)",
    "MONEN": lx.alternation(w.title() for ws in lx.MONTHS_EN.values() for w in ws),
    "WDAYEN": lx.alternation(w.title() for ws in lx.WEEKDAYS_EN.values() for w in ws),
}


def _compile(template: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile ``template`` after substituting ``<NAME>`` fragments (verbose mode)."""
    for name, fragment in _FRAGMENTS.items():
        template = template.replace(f"<{name}>", fragment)
    return regex.compile(template, regex.VERBOSE | regex.V0 | flags)


_DAY = r"(?: (?P<dn><DNUM>)<DORD> | <LB>(?P<dw><ORD>)<RB> )"

DAY_MONTH = _compile(r"""
    <LB>(?:
        <LB>(?P<pre><PAST>|<NEXT>|চলতি)<WS>
      | <LB>(?P<yrel><PAST>|<THIS>|<NEXT>|<OUTGOING>)<WS><BOCHOR>(?:ের)?<WS>
      | (?P<y0><YEAR>)(?:<OWS><SAL_GEN>|[-‐’']?এর)<WS>
      | <LB>(?P<yw><YWORD>)<WS>
    )?
    (?: <LB>(?:(?P<rel>আজ|গতকাল|আগামীকাল)<WS>)?(?P<wd1><WDAY>)(?: <OWS>(?P<open>\()<OWS> | <SEP> ) )?
    (?: (?P<dfrom><DNUM>)<DORD><OWS>(?:[-–—]|থেকে<WS>)<OWS> )?
    """ + _DAY + r"""
    <OWS>(?P<mon><MON>)(?P<msuf><CASE>)?<RB>
    (?(msuf)|(?: <SEP>(?P<y><YEARS>)(?P<ytail><YTAIL>)? )?)
    (?(open)<OWS>\))
    (?: <SEP>\(?(?P<wd2><WDAY>)\)?<RB> )?
    (?: <WS>তারিখ(?:ে|ের)?<RB> )?
""")
"""১৩ সেপ্টেম্বর; ২০শে সেপ্টেম্বর; ১৩ সেপ্টেম্বর, ২০২৩ তারিখে; গত ৭ অক্টোবর; মঙ্গলবার (৩০ ডিসেম্বর);
গত বছরের ৪ ডিসেম্বর; ১৯৮৪ সালের ১০ মে; সাতই জুন."""

MONTH_DAY_YEAR = _compile(r"""
    <LB>(?P<mon><MON>)<WS>(?P<dn><DNUM>)<SEP>(?P<y><YEARS>)(?P<ytail><YTAIL>)?
""")
"""সেপ্টেম্বর ১৩, ২০২৩ (month first: only with a year)."""

MONTH = _compile(r"""
    <LB>(?:
        <LB>(?P<pre><PAST>|<NEXT>|<THIS>)<WS>
      | <LB>(?P<yrel><PAST>|<THIS>|<NEXT>|<OUTGOING>)<WS><BOCHOR>(?:ের|ে)?<WS>
      | (?P<y0><YEAR>)(?:<OWS>(?:<SAL_GEN>|সালে)|[-‐’']?এর)<WS>
      | <LB>(?P<yw><YWORD>)<WS>
    )?
    (?: <LB>(?P<mfrom><MON>)<OWS>[-–—]<OWS> )?
    <LB>(?<!লং[ \u00a0])(?P<mon><MON>)(?P<msuf><CASE>)?<RB>
    (?(msuf)|(?: <SEP>(?P<y><YEARS>)(?P<ytail><YTAIL>)? )?)
    (?: <WS>(?P<mas>মাস(?:ের|ে|টি|টা|<JURE>)?(?:ই|ও)?)<RB> )?
    (?: <WS>(?P<dn><DNUM>)<DORD><WS>তারিখ(?:ে|ের)?(?:ই|ও)?<RB> )?
    (?: <WS>(?:মাঝামাঝি|শুরুতে|শুরুর<WS>দিকে|শেষে|শেষের<WS>দিকে|শেষ<WS>দিকে|মধ্যভাগে)<RB> )?
""")
"""অক্টোবরে; ২০২৩ সালের অক্টোবরে; গত বছরের সেপ্টেম্বরে; গত মে মাসে; জানুয়ারির মাঝামাঝি; ফেব্রুয়ারি ২০২৪."""

YEAR = _compile(r"""
    <LB>(?: <LB>(?P<pre><PAST>|<NEXT>)<WS> )?
    (?P<y><YEAR>)(?P<ytail> <YTAIL> | [-‐’']?(?:এর|এ)(?:ই|ও)?<RB> | <WS>এর<RB> )
  | <LB>(?P<yw><YWORD>)<RB>
""")
"""২০১৯ সালে; ২০২৩ সাল; ১৯৭১-এ; ২০২২ খ্রিস্টাব্দে; একাত্তরের."""

BANGLA = _compile(r"""
    """ + _DAY + r"""<OWS>(?P<bmon><BMON>)(?P<msuf><CASE>)?<RB>
    (?: <SEP>(?P<by>[1১][3-5৩-৫]<D>{2})(?!<D>)(?:<WS>(?:বঙ্গাব্দ|সন|সাল)(?:ে|ের)?<RB>)? )?
""")
"""৭ মাঘ ১৪৩১; পহেলা বৈশাখ; ১ বৈশাখে."""

WEEKDAY = _compile(r"""
    <LB>(?:
        <LB>(?P<rel>আজ|গতকাল|আগামীকাল|গত<WS>পরশু|আগামী<WS>পরশু)
            (?: <OWS>(?P<open>\()<OWS> | <SEP> )
      | <LB>(?P<wk><PAST>|<THIS>|<NEXT>)<WS>সপ্তাহের<WS>
      | <LB>(?P<pre><PAST>|<NEXT>)<WS>
    )?
    <LB>(?P<wd><WDAY>)(?P<wsuf>(?:ের|এর|র|ে)?(?:ই|ও)?)<RB>
    (?(open)<OWS>\))
""")
"""সোমবার; বৃহস্পতিবারের; গত বুধবার; আগামী বৃহস্পতিবার; আজ সোমবার; গতকাল (বুধবার)."""

RELATIVE_DAY = _compile(r"""
    <LB>(?P<rel>গত<WS>পরশু|আগামী<WS>পরশু|আগামীকাল|গতকাল|গতরাতে|গত<WS>রাতে|আজ|পরশু)
    (?P<rsuf>কের|কে|ের|এর|ই|ও)?<RB>(?!<WS>পত্রিকা)
""")
"""আজ; আজকের; গতকাল; আগামীকাল; পরশু; গত রাতে (not the paper "আজকের পত্রিকা")."""

PERIOD = _compile(r"""
    <LB>(?P<pre><PAST>|<THIS>|<NEXT>|<OUTGOING>)<WS>(?P<unit>সপ্তাহ|মাস|<BOCHOR>)
    (?P<psuf>(?:ের|ে|টি|টা)?(?:ই|ও)?)<RB>
""")
"""গত সপ্তাহে; চলতি মাসে; গত বছর; আগামী বছরের; এই বছর; বিদায়ী বছরে."""

AGO = _compile(r"""
    (?: (?<![0-9০-৯.,])(?P<n><D>{1,3}) | <LB>(?P<nw><NUMW>) )<WS>
    (?P<unit>দিন|সপ্তাহ|মাস|<BOCHOR>)<WS>আগে(?:ই|ও)?<RB>
  | <LB>(?P<unit1>দিন|সপ্তাহ|মাস|<BOCHOR>)খানেক<WS>আগে(?:ই|ও)?<RB>
""")
"""দুই দিন আগে; তিন সপ্তাহ আগে; ৩ মাস আগে; সপ্তাহখানেক আগে."""

NUMERIC = _compile(r"""
    (?<![0-9০-৯.,:/-])(?:
        (?P<y>[12১২]<D>{3})-(?P<m>[01০১]?<D>)-(?P<dn>[0-3০-৩]?<D>)
      | (?P<dn2>[0-3০-৩]?<D>)[/.-](?P<m2>[01০১]?<D>)[/.-](?P<y2>[12১২]<D>{3})
    )(?![.:/-]?<D>)
""")
"""2023-09-13; ১৩/০৯/২০২৩; 13.09.2023 (day/month/year, the Bangladeshi order)."""

EN_DATE = _compile(r"""
    \b(?:
        (?P<dn>[0-3০-৩]?<D>)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon><MONEN>)\.?(?:,?\s+(?P<y>[12১২]<D>{3}))?
      | (?P<mon2><MONEN>)\.?\s+(?P<dn2>[0-3০-৩]?<D>)(?:st|nd|rd|th)?(?!<D>)(?:,?\s+(?P<y2>[12১২]<D>{3}))?
      | (?P<mon3><MONEN>)\.?,?\s+(?P<y3>[12১২]<D>{3})
      | (?<=\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s)(?P<mon4>(?!May\b)<MONEN>)
      | (?<=\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s)(?P<y4>[12১২]<D>{3})
    )\b
""")
"""13 September 2023; September 13, 2023; Sept 13; September 2023; in September; in 2019."""

EN_RELATIVE = _compile(r"""
    \b(?:
        (?:(?P<pre>(?i:last|next|this))\s+)?(?P<wd><WDAYEN>)
      | (?P<rel>(?i:today|yesterday|tomorrow))
      | (?P<pre2>(?i:last|this|next|previous|coming))\s+(?P<unit>(?i:week|month|year))
      | (?P<n><D>{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a|an))\s+
        (?P<unit2>(?i:day|week|month|year))s?\s+(?i:ago)
    )\b
""")
"""Monday; last Friday; today; yesterday; last week; this year; three days ago."""


def _spellings(words: Iterable[str]) -> set[str]:
    """Each word in NFC and with precomposed nukta letters (pages use both)."""
    out: set[str] = set()
    for word in words:
        nfc = unicodedata.normalize("NFC", word)
        out.add(nfc)
        out.add(nfc.replace("\u09af\u09bc", "\u09df").replace("\u09a1\u09bc", "\u09dc")
                .replace("\u09a2\u09bc", "\u09dd"))
    return out


def _cases(words: Iterable[str]) -> set[str]:
    """English words in lower, Title and UPPER case."""
    return {v for w in words for v in (w.lower(), w.title(), w.upper())}


_GATE_WORDS: dict[str, set[str]] = {
    "month": _spellings(w for ws in lx.MONTHS_BN.values() for w in ws),
    "bangla": _spellings(w for ws in lx.MONTHS_BANGLA.values() for w in ws),
    "weekday": _spellings(w for ws in lx.WEEKDAYS_BN.values() for w in ws),
    "year": _spellings(lx.YEAR_WORDS_BN),
    "relative": {"আজ", "গতকাল", "আগামীকাল", "পরশু", "রাতে", "গতরাতে"},
    "period": _spellings(("সপ্তাহ", "মাস", "বছর")),
    "ago": {"আগে"},
    "en_date": {w.title() for ws in lx.MONTHS_EN.values() for w in ws} | {"In ", "in ", "Since ", "since ",
                                                                          "During ", "during "},
    "en_relative": {w.title() for ws in lx.WEEKDAYS_EN.values() for w in ws}
    | _cases(("today", "yesterday", "tomorrow", "week", "month", "year", "ago")),
}
_DIGIT_GATES: dict[str, regex.Pattern[str]] = {
    "year": regex.compile(r"[0-9০-৯]{4}"),
    "numeric": regex.compile(r"[0-9০-৯][/.-][0-9০-৯]"),
}


def _automaton() -> ahocorasick.Automaton:
    """One Aho–Corasick automaton over every gate word (value: the gate names it opens)."""
    names: dict[str, set[str]] = {}
    for gate, words in _GATE_WORDS.items():
        for word in words:
            names.setdefault(word, set()).add(gate)
    automaton = ahocorasick.Automaton()
    for word, gates in names.items():
        automaton.add_word(word, (len(word), tuple(sorted(gates))))
    automaton.make_automaton()
    return automaton


GATES = _automaton()
"""Built once at import and only read afterwards."""

REACH_BEFORE = 64
"""How far before a gate hit a match may start (prefixes: গত বছরের মঙ্গলবার (১৫-…)."""
REACH_AFTER = 72
"""How far after a gate hit a match may end (suffixes: …, ২০২৩ সালের), মঙ্গলবার তারিখে)."""

_FOLLOWERS_OK = frozenset("েরতযএকইও\u09bc\u09df")
"""Letters that may follow a month name directly (case endings: -ে, -র, -তে, -য়ে, -এর, -কে …)."""


def _wordy(char: str) -> bool:
    """True for a letter or a combining mark (part of a word)."""
    return char.isalpha() or unicodedata.category(char)[0] == "M"


def _plausible(text: str, start: int, end: int, gates: tuple[str, ...]) -> bool:
    """Cheap boundary check for a Bengali gate word at ``text[start:end]``."""
    if "\u0980" <= text[start] <= "\u09ff" and start > 0 and _wordy(text[start - 1]):
        return False
    if "month" in gates and end < len(text) and _wordy(text[end]):
        return text[end] in _FOLLOWERS_OK
    return True


def gate_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Hit spans of each gate in ``text`` (one Aho–Corasick pass plus two digit scans)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for last, (length, gates) in GATES.iter(text):
        start, end = last + 1 - length, last + 1
        if _plausible(text, start, end, gates):
            for gate in gates:
                hits.setdefault(gate, []).append((start, end))
    for gate, pattern in _DIGIT_GATES.items():
        for m in pattern.finditer(text):
            hits.setdefault(gate, []).append(m.span())
    return hits


def windows(hits: list[tuple[int, int]], size: int, before: int = REACH_BEFORE,
            after: int = REACH_AFTER) -> list[tuple[int, int]]:
    """Disjoint (start, end) windows of a text of length ``size`` around gate ``hits``."""
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end in sorted(hits):
        start, end = max(0, hit_start - before), min(size, hit_end + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans
