"""Tests for the event predicate lexicon (data/events/lexicon.tsv) and its matcher."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from ghotona.events.lexicon import (
    COLUMNS,
    MAX_GAP,
    QUAD_OF_TYPE,
    Lexicon,
    LexiconError,
    Predicate,
    PredicateMatch,
    load_lexicon,
    parse_lexicon,
    words,
)
from ghotona.model import EVENT_TYPES

LEX = load_lexicon()
HEADER = "\t".join(COLUMNS)

# The standard CAMEO Goldstein scale (GDELT's CAMEO.goldsteinscale.txt), grouped by value.
GOLDSTEIN_GROUPS: list[tuple[float, str]] = [
    (-10.0, "1823 183 1831 1832 1833 186 19 190 193 194 195 20 200 202 203 204 2041 2042"),
    (-9.5, "182 191 192 196 201"),
    (-9.2, "171 1711 1712"),
    (-9.0, "175 18 180 181 1821 1822"),
    (-8.0, "163 184 185"),
    (-7.5, "144 1441 1442 1443 1444 145 1451 1452 1453 1454"),
    (-7.2, "15 150 151 152 153 154"),
    (-7.0, "136 137 138 1381 1382 1383 1384 1385 139 164 166 1661 1662 1663 17 170"),
    (-6.5, ("14 140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 "
            "1434 165")),
    (-6.0, "13"),
    (-5.8, "131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135"),
    (-5.6, "162 1621 1622 1623"),
    (-5.0, ("10 100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 "
            "1043 1044 105 1051 1052 1053 1054 1055 1056 106 107 108 125 126 127 128 129 "
            "172 1721 1722 1723 1724 173 174")),
    (-4.4, "130"),
    (-4.0, ("12 120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234 124 "
            "1241 1242 1243 1244 1245 1246 16 160 161")),
    (-2.0, ("016 09 090 091 092 093 094 11 110 111 112 1121 1122 1123 1124 1125 113 114 "
            "115 116")),
    (-0.4, "012"),
    (-0.3, "024 0241 0242 0243 0244 025 0251 0252 0253 0254 0255 0256"),
    (-0.1, "011"),
    (0.0, "01 010 014 015 017"),
    (0.4, "013"),
    (1.0, "04 040 041"),
    (1.9, "042"),
    (2.5, "044"),
    (2.8, "043"),
    (3.0, "02 020"),
    (3.2, "022"),
    (3.4, "018 019 021 0211 0212 0213 0214 023 0231 0232 0233 0234 051"),
    (3.5, "05 050 052"),
    (3.8, "053"),
    (4.0, "026 027 028 03 030 036"),
    (4.5, "032"),
    (5.0, "037 039 045 08 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834"),
    (5.2, "031 0311 0312 0313 0314 033 0331 0332 0333"),
    (6.0, "0334 054 06 060"),
    (6.4, "061"),
    (7.0, ("034 0341 0342 0343 0344 035 0351 0352 0353 0354 0355 0356 038 046 055 056 "
            "064 07 070 075 084 0841 0842 085")),
    (7.4, "062 063 071 073"),
    (8.0, "057"),
    (8.3, "072"),
    (8.5, "074"),
    (9.0, "086 0861 0862 0863 087 0871 0872 0873"),
    (10.0, "0874"),
]
GOLDSTEIN = {code: value for value, codes in GOLDSTEIN_GROUPS for code in codes.split()}

# Gold events (shared/eval dev + dev2) whose evidence sentence must yield the gold type. The
# sentences are read from the gold files at test time: corpus text stays out of the repository.
GOLD_EVIDENCE: list[tuple[str, str]] = [
    ("000-e01", "CONSULT"), ("000-e02", "CONSULT"), ("000-e03", "AGREE"), ("000-e04", "CONSULT"),
    ("000-e05", "AGREE"), ("000-e09", "CONSULT"), ("000-e12", "SANCTION"), ("001-e01", "AGREE"),
    ("001-e03", "AGREE"), ("001-e09", "AID"), ("001-e10", "REQUEST"), ("002-e06", "ASSAULT"),
    ("002-e07", "SUPPORT"), ("002-e08", "SUPPORT"), ("002-e09", "SANCTION"),
    ("003-e04", "ACCUSE"), ("003-e05", "MOBILIZE"), ("004-e02", "ACCUSE"), ("004-e03", "ACCUSE"),
    ("004-e09", "REJECT"), ("004-e10", "REJECT"), ("004-e11", "SANCTION"),
    ("bn-0c484b07fa-e01", "ASSAULT"), ("bn-0c484b07fa-e05", "ASSAULT"),
    ("bn-0c484b07fa-e06", "ASSAULT"), ("bn-56b3ed94bf-e02", "THREATEN"),
    ("bn-56b3ed94bf-e03", "MOBILIZE"), ("bn-56b3ed94bf-e05", "ACCUSE"),
    ("bn-56b3ed94bf-e06", "COERCE"), ("bn-56b3ed94bf-e07", "REJECT"),
    ("bn-855215ddbb-e07", "SUPPORT"), ("bn-855215ddbb-e08", "SUPPORT"),
    ("bn-70f38ab39f-e01", "COERCE"), ("bn-70f38ab39f-e02", "CONCEDE"),
    ("bn-70f38ab39f-e04", "REJECT"), ("bn-70f38ab39f-e09", "PROTEST"),
    ("bn-1647a50445-e08", "MOBILIZE"), ("bn-1647a50445-e09", "MOBILIZE"),
    ("bn-1647a50445-e17", "REQUEST"), ("bn-2be6a41fca-e01", "THREATEN"),
    ("bn-2be6a41fca-e15", "REQUEST"), ("bn-8da40f51ae-e06", "THREATEN"),
    ("bn-45f094c011-e01", "REQUEST"), ("bn-8afecd4619-e02", "AID"),
    ("bn-a17852da27-e03", "THREATEN"), ("bn-50d596b41e-e06", "RETREAT"),
    ("bn-5458bdb6a4-e08", "PROTEST"), ("bn-ac7161a1ef-e04", "RETREAT"),
    ("bn-24bf78e1d9-e05", "COERCE"), ("bn-1d047d8d74-e02", "COERCE"),
]
SHARED = Path(os.environ.get("GHOTONA_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def _row(pattern: str = "সফর কর", **over: str) -> str:
    cells = dict(zip(COLUMNS, ["CONSULT", "visit", "042", "1.9", "1", "n", "st", "verb", pattern,
                               "ex"]))
    cells.update(over)
    return "\t".join(cells[c] for c in COLUMNS)


def _lex(*rows: str) -> Lexicon:
    return parse_lexicon("\n".join([HEADER, *rows]) + "\n", "t.tsv")


# ------------------------------------------------------------------ the packaged lexicon

def test_size_and_coverage_of_all_16_types() -> None:
    counts = Counter(p.type for p in LEX.predicates)
    assert len(LEX) >= 400
    assert set(counts) == set(EVENT_TYPES)
    assert min(counts.values()) >= 10, counts


def test_rows_are_consistent() -> None:
    for p in LEX.predicates:
        assert isinstance(p, Predicate)
        assert p.quad_class == QUAD_OF_TYPE[p.type]
        assert p.goldstein == GOLDSTEIN[p.cameo], (p.line, p.cameo)
        assert p.example.strip(), p.line


def test_constructed_examples_are_a_minority() -> None:
    constructed = sum(p.example.startswith("*") for p in LEX.predicates)
    assert constructed < len(LEX) * 0.15


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bn_news.jsonl"
_CORPUS_TEXTS: dict[str, dict] = {}


def _example_text(example: str) -> str:
    """The clause an example names: a constructed or seed clause itself, or a corpus span."""
    if not example.startswith("@"):
        return example.lstrip("*")
    if not _CORPUS_TEXTS:
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                _CORPUS_TEXTS[record["id"]] = record
    article_id, _, span = example[1:].partition(":")
    field = "text"
    if span.startswith("title:"):
        field, span = "title", span[len("title:"):]
    start, end = (int(x) for x in span.split("-"))
    record = _CORPUS_TEXTS[article_id]
    assert int(hashlib.sha1(article_id.encode()).hexdigest()[0], 16) < 8, "held-out article"
    assert 0 <= start < end <= len(record[field])
    return record[field][start:end]


@pytest.mark.parametrize("pred", LEX.predicates, ids=[str(p.line) for p in LEX.predicates])
def test_example_is_matched_by_its_own_pattern(pred: Predicate) -> None:
    example = _example_text(pred.example)
    found = [m for m in LEX.find(example) if m.predicate is pred]
    assert found, f"line {pred.line} {pred.pattern!r} not found in {example!r}: " + repr(
        [(m.predicate.line, m.predicate.pattern) for m in LEX.find(example)])
    m = found[0]
    assert example[m.start:m.end].strip() == example[m.start:m.end]


def test_default_load_is_cached_and_path_load_works(tmp_path: Path) -> None:
    assert load_lexicon() is LEX
    f = tmp_path / "mini.tsv"
    f.write_text(HEADER + "\n" + _row() + "\n", encoding="utf-8")
    lex = load_lexicon(f)
    assert len(lex) == 1 and load_lexicon(str(f)) is lex


# ------------------------------------------------------------------ gold sentences

SEED_SENTENCES: list[tuple[str, str]] = [
    (("কিম জং-উন দূরপ্রাচ্যের ভোস্টোচনি কসমোড্রোমে রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিনের সাথে "
     "দেখা করেছেন"),
     "CONSULT"),
    ("দুই পক্ষের পররাষ্ট্রমন্ত্রীরা অদূর ভবিষ্যতে দেখা করতে সম্মত হয়েছেন", "AGREE"),
    ("দুই পক্ষের পররাষ্ট্রমন্ত্রীরা অদূর ভবিষ্যতে দেখা করতে সম্মত হয়েছেন", "CONSULT"),
    ("উত্তর কোরিয়া এই সুযোগের সদ্ব্যবহার করছে এবং রাশিয়াকে অস্ত্র সরবরাহ করছে", "AID"),
    (("ইউক্রেন যুদ্ধের জন্য রাশিয়া উত্তর কোরিয়ার কাছ থেকে অস্ত্র কিনছে বলে এর আগেও একাধিকবার "
     "অভিযোগ করেছে যুক্তরাষ্ট্র"), "AID"),
    ("এ ঘটনার পর ইউক্রেন পিয়ংইয়ংয়ের সঙ্গে কূটনীতিক সম্পর্ক ছিন্ন করে", "SANCTION"),
    ("২০১৯ সালে বৈঠকের আগে পুতিনকে একটি তলোয়ার উপহার দেন কিম জং উন", "SUPPORT"),
    ("উত্তর কোরিয়ার নেতা পুতিনকে আমন্ত্রণ এবং \"খুব উষ্ণ অভ্যর্থনার\" জন্য ধন্যবাদ জানান",
     "SUPPORT"),
    ("মার্কিন যুক্তরাষ্ট্র এখনও উত্তর কোরিয়ার সাথে পূর্বশর্ত ছাড়াই সংলাপে অংশ নিতে প্রস্তুত",
     "AGREE"),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED_SENTENCES)
def test_seed_sentences(sentence: str, expected: str) -> None:
    assert expected in {m.predicate.type for m in LEX.find(sentence)}


# Every predicate the lexicon brief names, in a short constructed clause -> the type it codes.
BRIEF_PHRASES: list[tuple[str, str]] = [
    ("প্রধানমন্ত্রী ভারত সফর করেন", "CONSULT"), ("দুই নেতা বৈঠক করেন", "CONSULT"),
    ("দুই দেশের বৈঠক হয়েছে", "CONSULT"), ("তিনি রাষ্ট্রদূতের সঙ্গে দেখা করেন", "CONSULT"),
    ("তিনি প্রধান উপদেষ্টার সঙ্গে সাক্ষাৎ করেন", "CONSULT"), ("দুই পক্ষ আলোচনা করেছে", "CONSULT"),
    ("দুই নেতার ফোনালাপ হয়েছে", "CONSULT"), ("তিনি প্রেসিডেন্টকে চিঠি পাঠিয়েছেন", "CONSULT"),
    ("দুই নেতা চিঠি বিনিময় করেছেন", "CONSULT"), ("তিনি অতিথিদের অভ্যর্থনা জানান", "CONSULT"),
    ("দুই পক্ষ সংলাপে বসেছে", "CONSULT"),
    ("যুক্তরাষ্ট্র এই সিদ্ধান্তকে স্বাগত জানিয়েছে", "SUPPORT"),
    ("দুই দেশ চুক্তি স্বাক্ষর করেছে", "AGREE"), ("দুই দেশ চুক্তিতে সই করেছে", "AGREE"),
    ("তারা আলোচনায় বসতে সম্মত হয়েছে", "AGREE"), ("তিনি আমন্ত্রণ গ্রহণ করেছেন", "AGREE"),
    ("তিনি প্রেসিডেন্টকে ঢাকা সফরের আমন্ত্রণ জানিয়েছেন", "REQUEST"),
    ("জাতিসংঘ সংযমের আহ্বান জানিয়েছে", "REQUEST"), ("তিনি সরকারকে অনুরোধ করেছেন", "REQUEST"),
    ("বিএনপি নির্বাচনের দাবি জানিয়েছে", "REQUEST"),
    ("বিক্ষোভকারীরা প্রধানমন্ত্রীর পদত্যাগের দাবি জানিয়েছে", "REQUEST"),
    ("বিরোধী দল অভিযোগ করেছে", "ACCUSE"), ("তারা অভিযোগ তুলেছে", "ACCUSE"),
    ("সিউল পিয়ংইয়ংকে অভিযুক্ত করেছে", "ACCUSE"), ("তুরস্ক হামলার নিন্দা জানিয়েছে", "ACCUSE"),
    ("তিনি সরকারের সমালোচনা করেন", "ACCUSE"), ("যুক্তরাষ্ট্র সতর্ক করেছে", "ACCUSE"),
    ("দক্ষিণ কোরিয়া সতর্কবার্তা দিয়েছে", "ACCUSE"),
    ("রাশিয়া এই দাবি অস্বীকার করেছে", "REJECT"), ("ইরান প্রস্তাব প্রত্যাখ্যান করেছে", "REJECT"),
    ("ইরান ইসরায়েলকে হুমকি দিয়েছে", "THREATEN"),
    ("শিক্ষার্থীরা ২৪ ঘণ্টার আল্টিমেটাম দিয়েছে", "THREATEN"),
    ("যুক্তরাষ্ট্র নিষেধাজ্ঞা আরোপ করেছে", "SANCTION"), ("ইইউ নিষেধাজ্ঞা জারি করেছে", "SANCTION"),
    ("দুই দেশ সম্পর্ক ছিন্ন করেছে", "SANCTION"), ("তাকে দল থেকে বহিষ্কার করা হয়েছে", "SANCTION"),
    ("রাশিয়া দুই অঞ্চলকে স্বীকৃতি দেয়", "SUPPORT"), ("তিনি সরকারকে ধন্যবাদ জানান", "SUPPORT"),
    ("তিনি সেনাবাহিনীর প্রশংসা করেন", "SUPPORT"), ("চীন এই উদ্যোগে সমর্থন জানিয়েছে", "SUPPORT"),
    ("তিনি পুতিনকে তলোয়ার উপহার দেন", "SUPPORT"),
    ("উত্তর কোরিয়া অস্ত্র সরবরাহ করছে", "AID"), ("জাপান সহায়তা দেবে", "AID"),
    ("সৌদি আরব সহায়তা পাঠিয়েছে", "AID"), ("ত্রাণ পাঠানো হয়েছে", "AID"),
    ("চীন মহড়া চালাচ্ছে", "MOBILIZE"), ("উত্তর কোরিয়া ক্ষেপণাস্ত্র উৎক্ষেপণ করেছে", "MOBILIZE"),
    ("বেলারুশ সীমান্তে সেনা মোতায়েন করেছে", "MOBILIZE"),
    ("পুলিশ তাকে গ্রেপ্তার করেছে", "COERCE"), ("পুলিশ তাকে গ্রেফতার করে", "COERCE"),
    ("বিজিবি দুজনকে আটক করেছে", "COERCE"), ("তাকে পাঁচ দিনের রিমান্ডে নেওয়া হয়েছে", "COERCE"),
    ("ইসরায়েল গাজায় হামলা চালিয়েছে", "ASSAULT"), ("কাবুলে বোমা হামলা হয়েছে", "ASSAULT"),
    ("পুলিশ গুলি চালায়", "ASSAULT"), ("তাকে হত্যা করা হয়েছে", "ASSAULT"),
    ("রাশিয়া ক্রিমিয়া দখল করে", "ASSAULT"),
    ("শিক্ষার্থীরা বিক্ষোভ করেছে", "PROTEST"), ("প্রেসক্লাবের সামনে মানববন্ধন করা হয়", "PROTEST"),
    ("শ্রমিকেরা মহাসড়ক অবরোধ করেছে", "PROTEST"), ("বিএনপি হরতাল ডেকেছে", "PROTEST"),
    ("পরিবহন শ্রমিকেরা ধর্মঘট পালন করছে", "PROTEST"),
    ("দুই পক্ষ যুদ্ধবিরতি ঘোষণা করেছে", "RETREAT"), ("রাশিয়া সেনা প্রত্যাহার করেছে", "RETREAT"),
    ("ইসরায়েল বন্দিদের মুক্তি দিয়েছে", "CONCEDE"), ("হামাস জিম্মি মুক্তি দিয়েছে", "CONCEDE"),
    ("তিনি জাতির কাছে ক্ষমা চেয়েছেন", "CONCEDE"),
    ("দুই দেশের সামরিক সহযোগিতা বাড়ছে", "COOPERATE"),
    ("অর্থনৈতিক সহযোগিতা জোরদার হবে", "COOPERATE"),
    ("দুই দেশের দ্বিপক্ষীয় বাণিজ্য বেড়েছে", "COOPERATE"),
]


@pytest.mark.parametrize(("phrase", "expected"), BRIEF_PHRASES)
def test_brief_predicates_are_covered(phrase: str, expected: str) -> None:
    assert expected in {m.predicate.type for m in LEX.find(phrase)}


def _gold_events() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for part in ("dev", "dev2"):
        path = SHARED / "eval" / part / "events.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    event = json.loads(line)
                    out[event["id"]] = event
    return out


GOLD = _gold_events()


@pytest.mark.skipif(not GOLD, reason="shared/eval gold files not available")
@pytest.mark.parametrize(("gold_id", "expected"), GOLD_EVIDENCE, ids=[g for g, _ in GOLD_EVIDENCE])
def test_gold_evidence_sentence_yields_gold_type(gold_id: str, expected: str) -> None:
    event = GOLD[gold_id]
    assert event["event_type"] == expected
    sentence = event["evidence"]["sentence"]  # type: ignore[index]
    types = {m.predicate.type for m in LEX.find(sentence)}
    assert expected in types, (sentence, types)


def test_gold_evidence_table_is_large_enough() -> None:
    assert len(GOLD_EVIDENCE) >= 30
    assert len({t for _, t in GOLD_EVIDENCE}) >= 14


# ------------------------------------------------------------------ matcher semantics

def test_prefix_alternatives_match_inflections() -> None:
    lex = _lex(_row("সফর কর"))
    for text in ("তিনি ঢাকা সফর করেন", "সফর করেছিলেন", "সফরে করবেন"):
        assert len(lex.find(text)) == 1, text


def test_dollar_means_whole_word() -> None:
    lex = _lex(_row("আটক$ কর", type="COERCE", mode="arrest", cameo="173", goldstein="-5.0",
                    quad="4"))
    assert lex.find("তাকে আটক করা হয়")
    assert not lex.find("যানজটে আটকে করুণ অবস্থা")


def test_at_most_two_words_between_tokens() -> None:
    lex = _lex(_row("নিষেধাজ্ঞা জারি", type="SANCTION", mode="", cameo="163",
                    goldstein="-8.0", quad="4"))
    assert lex.find("নিষেধাজ্ঞা জারি করেছে")
    assert lex.find("নিষেধাজ্ঞা নতুন করে জারি করেছে")
    assert MAX_GAP == 2
    assert not lex.find("নিষেধাজ্ঞা এক দুই তিন জারি করেছে")


def test_matches_do_not_cross_sentence_ends() -> None:
    lex = _lex(_row("হামলা চালা", type="ASSAULT", mode="", cameo="190", goldstein="-10.0",
                    quad="4"))
    assert lex.find("তারা হামলা চালায়।")
    assert not lex.find("তারা হামলা করে। চালানো হলো")


def test_offsets_point_at_first_and_last_word() -> None:
    text = "গতকাল রাশিয়ার প্রেসিডেন্ট উত্তর কোরিয়া সফর করেন।"
    (m,) = _lex(_row()).find(text)
    assert isinstance(m, PredicateMatch)
    assert text[m.start:m.end] == "সফর করেন"


def test_zero_width_joiners_and_normalisation() -> None:
    lex = _lex(_row("র্যাব মোতায়েন", type="MOBILIZE", mode="police", cameo="153",
                    goldstein="-7.2", quad="4"))
    text = "এলাকায় র\u200d্যাব মোতায়েন করা হয়েছে"          # ZWJ as news sites write it
    (m,) = lex.find(text)
    assert text[m.start:m.end].startswith("র\u200d্যাব")
    assert lex.find("র্যাব মোতা\u09dfেন")                 # precomposed য় (U+09DF)
    assert [w for w, *_ in words("কূটনৈতিক-সম্পর্ক")] == ["কূটনৈতিক", "সম্পর্ক"]


def test_overlap_keeps_the_more_specific_match() -> None:
    hum = _row("হুমকি দ", type="THREATEN", mode="", cameo="130", goldstein="-4.4", quad="3")
    attack = _row("হামলার হুমকি", type="THREATEN", mode="violence", cameo="138",
                  goldstein="-7.0", quad="3")
    noun = _row("হামলা", type="ASSAULT", mode="", cameo="190", goldstein="-10.0", quad="4",
                pos="noun")
    lex = _lex(hum, attack, noun)
    (m,) = lex.find("ইসরায়েলকে হামলার হুমকি")
    assert m.predicate.pattern == "হামলার হুমকি"
    found = lex.find("তারা হামলার হুমকি দিয়েছে")
    assert [p.predicate.pattern for p in found] == ["হামলার হুমকি"]


def test_longer_pattern_wins_and_results_are_sorted() -> None:
    found = LEX.find("সিউল পিয়ংইয়ংকে আরেকটি ক্ষেপণাস্ত্র উৎক্ষেপণের জন্য অভিযুক্ত করে। "
                     "গ্রেপ্তার করা হয়েছে তাকে।")
    assert [m.start for m in found] == sorted(m.start for m in found)
    types = [m.predicate.type for m in found]
    assert types[:2] == ["MOBILIZE", "ACCUSE"]
    passive = [m for m in found if m.predicate.type == "COERCE"]
    assert passive and passive[0].predicate.frame == "ts"


def test_negated_agreement_is_a_rejection() -> None:
    types = {m.predicate.type for m in LEX.find("বিএনপি এই প্রস্তাবে রাজি হয়নি")}
    assert types == {"REJECT"}


def test_find_is_fast() -> None:
    text = " ".join(s for s, _ in SEED_SENTENCES) * 8           # ~5 KB
    LEX.find(text)
    t0 = time.perf_counter()
    for _ in range(20):
        LEX.find(text)
    per_article = (time.perf_counter() - t0) / 20
    assert per_article < 0.05, per_article


# ------------------------------------------------------------------ loader errors

@pytest.mark.parametrize(("row", "message"), [
    (_row(type="PRAISE"), "unknown type 'PRAISE'"),
    (_row(mode="hug"), "mode 'hug' is not a PLOVER mode of CONSULT"),
    (_row(cameo="04x"), "cameo '04x' is not a CAMEO code"),
    (_row(cameo="1234567"), "cameo '1234567' is not a CAMEO code"),
    (_row(cameo="190"), "cameo 190 does not fit CONSULT"),
    (_row(goldstein="high"), "goldstein 'high' is not a number"),
    (_row(goldstein="12.5"), "goldstein 12.5 outside [-10, 10]"),
    (_row(quad="5"), "quad '5', expected 1, 2, 3 or 4"),
    (_row(quad="4"), "quad 4 is inconsistent with CONSULT, expected 1"),
    (_row(symmetric="yes"), "symmetric 'yes', expected y or n"),
    (_row(frame="ab"), "frame 'ab', expected st, ts, s or sp"),
    (_row(pos="adj"), "pos 'adj', expected verb or noun"),
    (_row(""), "empty pattern"),
    (_row("সফর  কর"), "stray spaces"),
    (_row("সফর-কর"), "is not a word"),
    (_row("কর|করে"), "only light verbs"),
    (_row() + "\textra", "11 columns, expected 10"),
])
def test_bad_rows_raise_with_line_number(row: str, message: str) -> None:
    with pytest.raises(ValueError, match=r"^t\.tsv:3: ") as info:
        parse_lexicon(f"# comment\n{HEADER}\n{row}\n", "t.tsv")
    assert message in str(info.value)
    assert isinstance(info.value, LexiconError)


def test_duplicate_pattern_same_type_raises_but_other_type_is_allowed() -> None:
    with pytest.raises(ValueError, match=r"t\.tsv:3: duplicate pattern 'সফর কর' for CONSULT, "
                                         r"first defined on line 2"):
        _lex(_row(), _row())
    other = _row(type="AGREE", mode="", cameo="036", goldstein="4.0", quad="1")
    assert len(_lex(_row(), other)) == 2


def test_header_is_required(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^t\.tsv:1: header"):
        parse_lexicon(_row() + "\n", "t.tsv")
    with pytest.raises(ValueError, match=r"^t\.tsv:1: no header row"):
        parse_lexicon("# only comments\n", "t.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "\n" + _row(type="X") + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^bad\.tsv:2: unknown type"):
        load_lexicon(bad)
