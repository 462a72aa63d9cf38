"""Which actor names an event carries (spec rule 6: the most specific actor, a person where
one is named; a capital standing for its state is named as the state)."""

import datetime as dt

from ghotona.model import Article
from ghotona.pipeline import analyse


def named(text: str, published: dt.date = dt.date(2023, 9, 1)):
    res = analyse(Article(article_id="t", raw=text, published=published, published_source="given"),
                  on_error="raise")
    return [(e.event_type, e.source.name, e.target.name if e.target else None) for e in res.events]


def test_a_visited_capital_is_named_as_its_state():
    got = named("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ পিয়ংইয়ং সফর করেছিলেন।")
    assert ("CONSULT", "Sergei Lavrov", "North Korea") in got


def test_an_intent_stated_by_a_body_of_the_state_is_that_body_act():
    got = named("রাশিয়ার পররাষ্ট্র মন্ত্রণালয় বলেছে যে মস্কো পিয়ংইয়ংয়ের সাথে সহযোগিতা আরও উন্নত করতে চায়।")
    assert [s for t, s, _ in got if t == "AGREE"] == ["Ministry of Foreign Affairs (Russia)"]


def test_a_speaker_telling_of_a_past_agreement_is_not_its_party():
    got = named("কিম জানান, ২০১৯ সালে রাশিয়ার সঙ্গে সাক্ষরিত চুক্তি অনুযায়ী সহযোগিতা বাড়বে।")
    agree = [(s, t) for typ, s, t in got if typ == "AGREE"]
    assert agree and all("Kim Jong Un" not in (s, t) for s, t in agree)
    assert {"North Korea", "Russia"} <= {n for pair in agree for n in pair}


def test_the_teller_named_in_the_next_sentence_states_the_intent():
    got = named("উত্তর কোরিয়ার সঙ্গে দ্বিপাক্ষিক সম্পর্ক আরও গভীর করতে চায় রাশিয়া। "
                "বৃহস্পতিবার এক ব্রিফিংয়ে এই তথ্য জানিয়েছেন ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ।")
    assert ("AGREE", "Dmitry Peskov", "North Korea") in got
    # without the teller sentence the state is all the text names
    got = named("উত্তর কোরিয়ার সঙ্গে দ্বিপাক্ষিক সম্পর্ক আরও গভীর করতে চায় রাশিয়া।")
    assert ("AGREE", "Russia", "North Korea") in got


def test_the_one_told_is_the_target_of_a_promise():
    got = named("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়ার নেতা কিম জং উনকে জানিয়েছেন, "
                "দ্বিপাক্ষিক সম্পর্কের উন্নয়নের জন্য দেশ দুটি সমন্বিত ভাবে কাজ করবে।", dt.date(2022, 8, 15))
    assert ("AGREE", "Vladimir Putin", "Kim Jong Un") in got


def test_of_two_mentions_of_one_act_the_one_naming_people_is_kept():
    got = named("১৩ সেপ্টেম্বর রাশিয়া ও উত্তর কোরিয়া বৈঠক করেছে। "
                "১৩ সেপ্টেম্বর পুতিন ও কিম জং উন বৈঠক করেন।", dt.date(2023, 9, 14))
    consult = [(s, t) for typ, s, t in got if typ == "CONSULT"]
    assert len(consult) == 1 and set(consult[0]) == {"Vladimir Putin", "Kim Jong Un"}


def test_whose_invitation_is_accepted_is_the_target():
    got = named("গত বছর, রাষ্ট্রপতি পুতিন উত্তর কোরিয়া সফরের জন্য নেতা কিম জং-উনের আমন্ত্রণ গ্রহণ করেছিলেন।",
                dt.date(2024, 2, 7))
    assert ("AGREE", "Vladimir Putin", "Kim Jong Un") in got


def test_two_leaders_visiting_together_meet_and_a_place_inside_a_name_is_no_target():
    got = named("রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন এবং উত্তর কোরিয়ার চেয়ারম্যান কিম জং উন ১৩ সেপ্টেম্বর "
                "ভোস্টোচনি কসমোড্রোমের স্থাপনা পরিদর্শন করেন।", dt.date(2023, 9, 14))
    consult = [(s, t) for typ, s, t in got if typ == "CONSULT"]
    assert len(consult) == 1 and set(consult[0]) == {"Vladimir Putin", "Kim Jong Un"}


def test_undated_acts_of_the_states_and_of_their_leaders_stay_two():
    got = named("রাশিয়া এবং উত্তর কোরিয়ার মধ্যে অস্ত্র কেনা-বেচা সংক্রান্ত আলোচনা চলছে বলে অভিযোগ করেছে যুক্তরাষ্ট্র। "
                "বিবৃতিতে আরও বলা হয়েছে, পারস্পরিক সম্পর্কের আওতা বাড়াতে চিঠি বিনিময় করছেন পুতিন-কিম।")
    consult = {frozenset((s, t)) for typ, s, t in got if typ == "CONSULT"}
    assert consult == {frozenset({"Russia", "North Korea"}), frozenset({"Vladimir Putin", "Kim Jong Un"})}


def test_a_genitive_doer_and_a_bare_name_before_a_noun_act():
    res = analyse(Article(article_id="t", raw="রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিনের উত্তর কোরিয়া সফরের সময় স্বাক্ষরিত "
                          "হতে যাওয়া চুক্তির একটি প্যাকেজ নিয়ে মস্কো এবং পিয়ংইয়ং আলোচনা করছে।",
                          published=dt.date(2024, 2, 7), published_source="given"), on_error="raise")
    visit = [e for e in res.events if e.source.name == "Vladimir Putin"]
    assert [(e.event_type, e.target.name, e.status) for e in visit] == [("CONSULT", "North Korea", "planned")]
    # a past act named again by a noun, with no date of its own, is not coded again
    assert named("বিশেষ করে, জনাব কিম জং উনের রাশিয়া সফর দ্বিপাক্ষিক সম্পর্ককে নতুন উচ্চতায় নিয়ে গেছে।") == []
    assert named("গত সপ্তাহে উত্তর কোরিয়ার নেতা কিম জং উনের রাশিয়া সফর দ্বিপাক্ষিক সম্পর্ককে নতুন উচ্চতায় নিয়ে গেছে।") \
        == [("CONSULT", "Kim Jong Un", "Russia")]


def test_unnamed_sanctioned_targets_are_named_in_english_with_no_code():
    from ghotona.events.coding import _unnamed_words

    numbers, nouns = _unnamed_words()  # every row of data/events/unnamed.tsv loads
    assert numbers["তিনটি"] == "three" and nouns["কোম্পানি"] == ("companies", "BUS")
    res = analyse(Article(article_id="t", raw="যুক্তরাষ্ট্র তিনটি কোম্পানির ওপর নিষেধাজ্ঞা জারি করেছে।",
                          published=dt.date(2023, 9, 1), published_source="given"), on_error="raise")
    [e] = [e for e in res.events if e.event_type == "SANCTION"]
    assert (e.target.code, e.target.name, e.target.sector, e.target.text) == \
        (None, "three companies", "BUS", "তিনটি কোম্পানির")
    assert named("যুক্তরাষ্ট্র ৩টি ব্যাংকের ওপর নিষেধাজ্ঞা দিয়েছে।") == [("SANCTION", "United States", "3 banks")]
    assert named("যুক্তরাষ্ট্র একটি কোম্পানির ওপর নিষেধাজ্ঞা দিয়েছে।") == [("SANCTION", "United States", "one company")]
    assert named("যুক্তরাষ্ট্র ইরানের ওপর নিষেধাজ্ঞা দিয়েছে।") == [("SANCTION", "United States", "Iran")]
