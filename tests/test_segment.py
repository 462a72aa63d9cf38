import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ghotona.clean import clean_text
from ghotona.lang.segment import segment


def _assert_tiles(text):
    sents = segment(text)
    pos = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert text[s.start:s.end] == s.text
        assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
        assert text[pos:s.start].strip() == "", "non-space text between sentences"
        pos = s.end
    assert text[pos:].strip() == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("অআকখগরাশিয়ে।?!\"“”‘’ \n,.-০১")), max_size=200))
def test_sentences_tile_any_text(text):
    _assert_tiles(text)


def test_sentences_tile_seeds(seed_texts):
    for raw in seed_texts.values():
        _assert_tiles(clean_text(raw))


def test_danda_and_question_marks_split():
    texts = [s.text for s in segment("প্রথম বাক্য। দ্বিতীয় বাক্য? তৃতীয়!")]
    assert texts == ["প্রথম বাক্য।", "দ্বিতীয় বাক্য?", "তৃতীয়!"]


def test_quote_keeps_reporting_verb():
    text = '"আলোচনা হয়নি। প্যাকেজ ভালো হবে," রাষ্ট্রদূত বলেন। পরের বাক্য।'
    assert [s.text for s in segment(text)] == ['"আলোচনা হয়নি। প্যাকেজ ভালো হবে," রাষ্ট্রদূত বলেন।', "পরের বাক্য।"]


def test_curly_quotes_and_line_breaks():
    text = "তিনি বলেন, ‘সম্পর্ক ভালো। আরও উচ্চ পর্যায়ে নিতে চাই।’ শেষ।\nনতুন অনুচ্ছেদ"
    sents = segment(text)
    assert [s.text for s in sents] == ["তিনি বলেন, ‘সম্পর্ক ভালো। আরও উচ্চ পর্যায়ে নিতে চাই।’", "শেষ।",
                                       "নতুন অনুচ্ছেদ"]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_title_and_caption_kinds():
    text = "শিরোনাম এখানে\n২০১৯ সালে বৈঠক করেন পুতিন ও কিম জং। ফাইল ছবি: রয়টার্স\nমূল লেখা।"
    kinds = [s.kind for s in segment(text)]
    assert kinds == ["title", "caption", "caption", "body"]
    assert all(regex.search(r"\S", s.text) for s in segment(text))
