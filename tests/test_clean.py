import pytest

from conftest import DEV, dev_gold_articles
from ghotona.clean import bengali_ratio, clean_text

ARTICLES = dev_gold_articles()


@pytest.mark.parametrize("gold", ARTICLES, ids=[a["article_id"] for a in ARTICLES])
def test_seed_cleaning_checks(gold):
    raw = (DEV / gold["file"]).read_text(encoding="utf-8")
    text = " ".join(clean_text(raw).split())
    for s in gold["must_keep"]:
        assert " ".join(s.split()) in text, f"dropped body text: {s}"
    for s in gold["must_drop"]:
        assert " ".join(s.split()) not in text, f"kept chrome: {s}"
    for s in gold.get("at_most_once", []):
        assert text.count(" ".join(s.split())) <= 1, f"duplicated: {s}"


@pytest.mark.parametrize("line", [
    "[বিজ্ঞাপন_২]", "উৎস", "বিভাগ : আন্তর্জাতিক", "4h ago",
    "ঢাকা\u00a0\u00a0 মঙ্গলবার, ২১ জানুয়ারি ২০২৫ | ৭ মাঘ ১৪৩১",
    "০১ সেপ্টেম্বর ২০২৩, ০৯:২১ পিএম | আপডেট: ০২ সেপ্টেম্বর ২০২৩, ১২:০১ এএম",
    "The Daily Star  | English",
])
def test_chrome_lines_dropped(line):
    assert clean_text(f"রাশিয়া উত্তর কোরিয়ার সঙ্গে সম্পর্ক গভীর করতে চায়।\n{line}\nশেষ বাক্য এখানে।") == \
        "রাশিয়া উত্তর কোরিয়ার সঙ্গে সম্পর্ক গভীর করতে চায়।\nশেষ বাক্য এখানে।"


@pytest.mark.parametrize("marker", ["মন্তব্য করুন", "মন্তব্য (0)", "এই বিভাগের আরও", "Comments"])
def test_tail_markers_cut_the_rest(marker):
    raw = f"প্রথম অনুচ্ছেদ এখানে।\n{marker}\nসম্পর্কিত শিরোনাম এক\nসম্পর্কিত শিরোনাম দুই"
    assert clean_text(raw) == "প্রথম অনুচ্ছেদ এখানে।"


def test_duplicate_caption_kept_once():
    cap = "২০১৯ সালে রাশিয়ায় বৈঠক করেন পুতিন ও কিম জং। ফাইল ছবি: রয়টার্স"
    raw = f"শিরোনাম\n{cap}\n{cap}\nমূল লেখা।\n{cap}\n{cap}"
    assert clean_text(raw).count(cap) == 1


def test_body_lines_are_verbatim_substrings_of_raw(seed_texts):
    for raw in seed_texts.values():
        for line in clean_text(raw).split("\n"):
            assert line in raw


def test_bengali_ratio():
    assert bengali_ratio("abc") == 0.0
    assert bengali_ratio("") == 0.0
    assert bengali_ratio("রাশিয়া") == 1.0
