"""Behaviour of the event coder on short constructed Bengali sentences."""

import datetime as dt

from ghotona.model import Article
from ghotona.pipeline import analyse

PUB = dt.date(2024, 8, 13)  # a Tuesday


def events(text: str, published: dt.date = PUB):
    res = analyse(Article(article_id="t", raw=text, published=published, published_source="given"),
                  on_error="raise")
    return [(e.event_type, e.source.code, e.target.code if e.target else None, e.status) for e in res.events], res


def test_comma_list_subject_expands_and_noun_with_light_verb_is_a_verb_clause():
    got, _ = events("যুক্তরাজ্য, ফ্রান্স এবং জার্মানি ইরানের প্রতি হামলা বন্ধের আহ্বান জানিয়েছে।")
    assert {(t, s, o) for t, s, o, _ in got} >= {("REQUEST", "GBR", "IRN"), ("REQUEST", "FRA", "IRN"),
                                                ("REQUEST", "DEU", "IRN")}


def test_bare_adjacent_names_are_not_coordinated():
    got, _ = events("বেলারুশ ইউক্রেন সীমান্তে আরও সেনা মোতায়েন করেছে।")
    # ইউক্রেন before সীমান্তে names a place: the border is the goal, Belarus the only source
    assert [(t, s, o) for t, s, o, _ in got] == [("MOBILIZE", "BLR", "UKR")]


def test_claim_lead_accuses_the_claimed_clause_subject_and_makes_it_alleged():
    got, res = events("বেলারুশের অভিযোগ, ইউক্রেন বেলারুশে হামলা চালিয়েছে।")
    assert ("ACCUSE", "BLR", "UKR", "occurred") in got
    assault = [e for e in res.events if e.event_type == "ASSAULT"]
    assert assault and assault[0].source.code == "UKR" and assault[0].status == "alleged"
    assert assault[0].attributed_to == "Belarus"


def test_country_anaphor_takes_the_country_named_before_not_beside_it():
    got, _ = events("ইউক্রেনের সেনাবাহিনী গত সপ্তাহে আক্রমণ শুরু করে। "
                    "রাশিয়ার কুরস্কসহ একাধিক অঞ্চলে অগ্রসর হচ্ছে দেশটির সেনারা।")
    assert ("ASSAULT", "UKR", "RUS", "occurred") in got


def test_doer_named_by_instrumental_attack_phrase():
    got, _ = events("ইসরায়েলি ড্রোন হামলায় নিহত হয়েছেন হামাস নেতা ইসমাইল হানিয়া।")
    assert [(t, s, o) for t, s, o, _ in got] == [("ASSAULT", "ISR", "PSE")]


def test_act_requested_of_someone_is_not_the_requester_act():
    got, _ = events("যুক্তরাজ্যের প্রধানমন্ত্রী ইসরাইলে হামলা না চালাতে ইরানের প্রতি আহ্বান জানিয়েছেন।")
    types = {(t, s) for t, s, _, _ in got}
    assert ("REQUEST", "GBR") in types
    assert not any(t == "ASSAULT" and s == "GBR" for t, s in types)


def test_participle_shares_the_post_verbal_subject():
    got, _ = events("হানিয়া নিহত হওয়ার পর ইসরায়েলকে দায়ী করে হামলার হুমকি দেন ইরানের সর্বোচ্চ নেতা আলি খামেনি।")
    assert ("ACCUSE", "IRN", "ISR", "occurred") in got
    assert not any(s == "PSE" for _, s, _, _ in got)  # the victim of the earlier clause is no agent


def test_protest_keeps_the_target_named_with_birudhe():
    got, _ = events("বিএনপি আওয়ামী লীগের বিরুদ্ধে বিক্ষোভ করেছে।")
    assert [(t, s, o) for t, s, o, _ in got] == [("PROTEST", "BGD", "BGD")]


def test_place_left_with_theke_is_not_a_target():
    got, _ = events("যুক্তরাষ্ট্র লেবানন থেকে তাদের নাগরিকদের সরে যেতে বলেছে।")
    assert not any(o == "LBN" for _, _, o, _ in got)


def test_news_day_from_lead_dates_undated_reported_acts_but_not_planned_ones():
    text = ("আজ মঙ্গলবার ঢাকায় বিক্ষোভ হয়েছে। যুক্তরাষ্ট্র ইরানের বিরুদ্ধে অভিযোগ করেছে। "
            "যুক্তরাষ্ট্র ইরানের সঙ্গে বৈঠক করবে।")
    _, res = events(text)
    by_type = {e.event_type: e for e in res.events}
    assert by_type["ACCUSE"].date == "2024-08-13" and by_type["ACCUSE"].date_text
    assert by_type["CONSULT"].status == "planned" and by_type["CONSULT"].date is None


def test_no_news_day_no_date():
    _, res = events("যুক্তরাষ্ট্র ইরানের বিরুদ্ধে অভিযোগ করেছে।")
    assert [e.date for e in res.events] == [None]


def test_negated_act_is_denied():
    got, _ = events("চীন তাইওয়ানে হামলা করেনি।")
    assert got and all(st == "denied" for *_, st in got)
