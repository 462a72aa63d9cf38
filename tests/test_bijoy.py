"""Bijoy / SutonnyMJ legacy encoding: the glyph table, conversion and detection.

The Bijoy strings below were typed from the standard Bijoy keyboard / SutonnyMJ glyph map
(K = ক, v = া, w = ি before its consonant, ‡ † = ে before its consonant, © = reph after its
consonant, ¨ = য-ফলা, Ö ª = র-ফলা, š = ন্, ¯ = স্ …).
"""

from __future__ import annotations

import unicodedata

import pytest

from ghotona.errors import DataFileError
from ghotona.lang.bijoy import (
    BIJOY_THRESHOLD,
    ENCODING_NAME,
    bijoy_table,
    bijoy_to_unicode,
    detect_bijoy,
    is_bijoy,
    parse_table,
)
from ghotona.lang.normalise import normalise

WORDS = [
    ("evsjv‡`k", "বাংলাদেশ"),          # ‡ (e-kar) typed before দ
    ("XvKv", "ঢাকা"),
    ("Avgvi †mvbvi evsjv", "আমার সোনার বাংলা"),
    ("wbe©vPb", "নির্বাচন"),            # w before ন, © after ব
    ("Kg©x", "কর্মী"),
    ("KxwZ©", "কীর্তি"),                 # i-kar and reph on one cluster
    ("AvšÍR©vwZK", "আন্তর্জাতিক"),       # š (ন্) + Í (্ত): the doubled hasanta is kept once
    ("Avš—R©vwZK", "আন্তর্জাতিক"),
    ("cÖavbgš¿x", "প্রধানমন্ত্রী"),       # Ö ra-phala, ¿ ্ত্র
    ("ivóªcwZ", "রাষ্ট্রপতি"),
    ("iv‡óªi", "রাষ্ট্রের"),               # e-kar moves past a three-consonant cluster
    ("‡cÖm", "প্রেস"),
    ("†hvM¨", "যোগ্য"),                  # ‡ … v = ো
    ("‡gŠjfx", "মৌলভী"),                # ‡ … Š = ৌ
    ("‰Zwi", "তৈরি"),
    ("w`‡q", "দিয়ে"),                    # য় = য + nukta
    ("†LvuR", "খোঁজ"),
    ("¸iæZ¡c~Y©", "গুরুত্বপূর্ণ"),
    ("e¨¯Í", "ব্যস্ত"),
    ("m~²", "সূক্ষ্ম"),
    ("cwiw¯’wZ", "পরিস্থিতি"),
    ("mk¯¿", "সশস্ত্র"),
    ("Av‡›`vjb", "আন্দোলন"),
    ("†kL nvwmbv", "শেখ হাসিনা"),
    ("AvIqvgx jxM", "আওয়ামী লীগ"),
    ("weGbwc", "বিএনপি"),
    ("e„n¯úwZevi", "বৃহস্পতিবার"),
    ("‡m‡Þ¤^i", "সেপ্টেম্বর"),
    ("Rvbyqvwi", "জানুয়ারি"),
    ("12 †g 2024", "১২ মে ২০২৪"),
]

SENTENCE = ("XvKvq AvR ivR‰bwZK `j¸‡jvi ˆeVK nq| cÖavbgš¿x e„n¯úwZevi †`‡ki wbe©vPb wb‡q K_v e‡j‡Qb|",
            "ঢাকায় আজ রাজনৈতিক দলগুলোর বৈঠক হয়। প্রধানমন্ত্রী বৃহস্পতিবার দেশের নির্বাচন নিয়ে কথা বলেছেন।")


@pytest.mark.parametrize(("bijoy", "unicode"), [*WORDS, SENTENCE])
def test_known_pairs(bijoy: str, unicode: str) -> None:
    got = bijoy_to_unicode(bijoy)
    assert got == unicodedata.normalize("NFC", unicode)
    assert unicodedata.is_normalized("NFC", got)


def test_sentence_leaves_no_latin_and_is_stable_under_normalisation() -> None:
    got = bijoy_to_unicode(SENTENCE[0])
    assert not any("a" <= ch.lower() <= "z" for ch in got)
    assert normalise(got).text == got


def test_c1_controls_read_as_windows_1252() -> None:
    # a page decoded as Latin-1 turns ‡ (0x87 in Windows-1252) into U+0087
    assert bijoy_to_unicode("evsjv\x87`k") == "বাংলাদেশ"
    assert detect_bijoy("Avgvi \x86mvbvi evsjv, Avwg \x87Zvgvq fvjevwm|") >= BIJOY_THRESHOLD


def test_punctuation_and_quotes() -> None:
    assert bijoy_to_unicode("ÒXvKvÓ, ÔbvÕ?") == "“ঢাকা”, ‘না’?"
    assert bijoy_to_unicode("10t30") == "১০:৩০"  # the visarga key typed for a colon


def test_table_is_packaged_data() -> None:
    table = bijoy_table()
    assert len(table) > 150
    assert table["K"] == "ক" and table["©"] == "র্" and table["\u00ad"] == "্ল"
    assert all(unicodedata.is_normalized("NFC", v) for v in table.values())


@pytest.mark.parametrize(("text", "message"), [
    ("K\tক\n", "header"),
    ("bijoy\tunicode\tnote\nK\n", "expected"),
    ("bijoy\tunicode\tnote\nK\tক\tx\nK\tখ\tx\n", "twice"),
    ("# only a comment\nbijoy\tunicode\tnote\n", "no rows"),
])
def test_malformed_table_raises(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_table(text, "test.tsv")


# ---- detection ------------------------------------------------------------------------------

BIJOY_TEXTS = [
    SENTENCE[0],
    "Avgvi †mvbvi evsjv, Avwg †Zvgvq fvjevwm| wPiw`b †Zvgvi AvKvk, †Zvgvi evZvm, Avgvi cÖv‡Y ev‡R evuwk|",
    "XvKv, 12 †m‡Þ¤^i| AvMvgx gvm †_‡K bZzb wbqg Pvjy n‡e e‡j Rvwb‡q‡Q miKvi|",
]

NOT_BIJOY = [
    ("The Prime Minister met the President of the United States on Thursday to discuss trade, security "
     "and climate change, officials said after the talks in Washington."),
    ("McDonald's opened a new store in New York; the iPhone maker's shares rose. We will review the "
     "evidence with care, the spokesperson told AFP and Reuters on Monday."),
    "Kyiv and Tel Aviv: Zelenskyy visited; TASS, KCNA and the BBC reported. GDP grew 5.2% in Q3 2024 (IMF).",
    "Das ist ein deutscher Satz über Häuser und Straßen. Très bien, mon ami, où est la gare? ¿Dónde está?",
    "def main(argv): return os.path.join(base_dir, 'x') if argv else None  # a code snippet",
    "ঢাকায় আজ রাজনৈতিক দলগুলোর বৈঠক হয়। রয়টার্স (Reuters) জানায়, প্রধানমন্ত্রী বৃহস্পতিবার কথা বলেছেন।",
    "১২ সেপ্টেম্বর ২০২৩",
    "",
]


@pytest.mark.parametrize("text", BIJOY_TEXTS)
def test_bijoy_text_is_detected(text: str) -> None:
    assert detect_bijoy(text) >= 0.7
    assert is_bijoy(text)


@pytest.mark.parametrize("text", NOT_BIJOY)
def test_other_text_is_not_flagged(text: str) -> None:
    assert detect_bijoy(text) < 0.3
    assert not is_bijoy(text)


def test_short_text_scores_low_and_score_is_bounded() -> None:
    assert detect_bijoy("XvKv") < BIJOY_THRESHOLD  # one word is too little to tell
    assert 0.0 <= detect_bijoy("‡‡‡ ©©© ¨¨¨ ÔÕ ÒÓ " * 50) <= 1.0


def test_encoding_is_named() -> None:
    assert ENCODING_NAME == "Bijoy/SutonnyMJ-encoded Bengali"
