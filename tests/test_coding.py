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


# ---- domestic actors, implied doers and discourse links

def test_bare_police_in_a_domestic_article_acts_for_the_home_state():
    got, res = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করেছে।")
    assert ("COERCE", "BGD", "BGD", "occurred") in got
    coerce = next(e for e in res.events if e.event_type == "COERCE")
    assert coerce.source.name == "Bangladesh Police"


def test_bare_police_without_a_dominant_state_stays_uncoded():
    got, _ = events("পুলিশ রুশ নাগরিককে গ্রেপ্তার করেছে। চীন ও ভারত বৈঠক করেছে।")
    assert not any(t == "COERCE" for t, *_ in got)


def test_passive_arrest_of_a_domestic_actor_has_the_state_as_implied_doer():
    got, res = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। ২০০৭ সালে গ্রেফতার করা হয় খালেদা জিয়াকে।")
    assert ("COERCE", "BGD", "BGD", "occurred") in got
    e = next(e for e in res.events if e.event_type == "COERCE")
    assert e.source.text == "" and e.date == "2007"


def test_no_implied_doer_for_a_conditional_arrest():
    got, _ = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। খালেদা জিয়াকে গ্রেপ্তার না করা পর্যন্ত অবরোধ চলবে।")
    assert not any(t == "COERCE" for t, *_ in got)


def test_unlisted_object_of_an_arrest_by_home_police_is_a_home_person():
    got, _ = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ রাতে আবদুল কুদ্দুছকে আটক করে।")
    assert ("COERCE", "BGD", "BGD", "occurred") in got


def test_genitive_before_a_home_or_office_is_the_target_of_an_attack():
    got, _ = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। আওয়ামী লীগের কার্যালয়ে ভাঙচুর ও আগুন দেওয়া হয়।")
    assert ("ASSAULT", "BGD", "BGD", "occurred") in got


def test_protest_without_a_named_target_is_against_the_own_government():
    got, res = events("ইনকিলাব মঞ্চ শাহবাগ মোড় অবরোধ করেছে।")
    assert [(t, s, o) for t, s, o, _ in got] == [("PROTEST", "BGD", "BGD")]
    assert res.events[0].target.name == "Government of Bangladesh"


def test_same_state_dyads_only_inside_the_home_state_or_between_different_bodies():
    from ghotona.events.coding import _same_actor
    from ghotona.model import Actor
    army, israelis = Actor("ISR", "Israel Defense Forces", "MIL", ""), Actor("ISR", "Israelis", "CVL", "")
    assert _same_actor(army, Actor("ISR", "Israel", "GOV", ""), home=None)
    assert not _same_actor(army, israelis, home="ISR")
    assert _same_actor(army, Actor("ISR", "Israel", None, ""), home="ISR")  # a state and its own army
    assert not _same_actor(Actor("LBN", "Government of Lebanon", "GOV", ""), Actor("LBN", "Hezbollah", "REB", ""))


def test_refused_agreement_is_a_rejection():
    got, _ = events("ইরান যুক্তরাষ্ট্রের সঙ্গে চুক্তিতে সম্মত হয়নি।")
    assert ("REJECT", "IRN", "USA", "occurred") in got
    assert not any(t == "AGREE" for t, *_ in got)


def test_same_day_anaphor_takes_the_lead_day_not_a_flashback_date():
    text = ("২২ সেপ্টেম্বর, রাশিয়া উত্তর কোরিয়ার সঙ্গে বৈঠক করেছে।\n"
            "২০ সেপ্টেম্বর, চীন ভারতের সঙ্গে বৈঠক করে।\n"
            "একই দিনে আরেকটি ঘটনায়, জাপান দক্ষিণ কোরিয়ার সঙ্গে বৈঠক করেছে।")
    _, res = events(text, published=dt.date(2023, 9, 22))
    jpn = next(e for e in res.events if e.source.code == "JPN")
    assert jpn.date == "2023-09-22"


def test_denial_is_aimed_at_the_last_accuser():
    got, _ = events("যুক্তরাষ্ট্র রাশিয়ার বিরুদ্ধে অস্ত্র কেনার অভিযোগ করেছে। তবে রাশিয়া এই অভিযোগ অস্বীকার করে আসছে।")
    assert ("REJECT", "RUS", "USA", "occurred") in got


def test_visit_to_a_bare_capital_targets_its_state():
    got, _ = events("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ পিয়ংইয়ং সফর করেছেন।")
    assert ("CONSULT", "RUS", "PRK", "occurred") in got


def test_attack_with_unnamed_victims_targets_the_struck_place():
    got, _ = events("রাশিয়ার বিমান হামলায় কিয়েভে দুইজন নিহত হয়েছেন।")
    assert ("ASSAULT", "RUS", "UKR", "occurred") in got


def test_participle_object_is_the_target_of_the_following_threat():
    got, _ = events("ইসরায়েলকে দায়ী করে কঠোর জবাব দেওয়ার অঙ্গীকার করেছে ইরান।")
    assert ("THREATEN", "IRN", "ISR", "occurred") in got


def test_pair_named_with_modhye_is_no_subject_of_a_one_sided_act():
    got, _ = events("রাশিয়া ও উত্তর কোরিয়ার মধ্যে অস্ত্র কেনাবেচায় জড়িত তিনটি কোম্পানির ওপর নিষেধাজ্ঞা দিয়েছে যুক্তরাষ্ট্র।")
    assert not any(t == "SANCTION" and s in ("RUS", "PRK") for t, s, *_ in got)


def test_post_verbal_year_dates_the_act():
    _, res = events("যুক্তরাষ্ট্র ইরানের ওপর নিষেধাজ্ঞা আরোপ করে ২০১৮ সালে।")
    assert [(e.event_type, e.date) for e in res.events] == [("SANCTION", "2018")]


def test_talking_with_someone_is_consultation():
    got, _ = events("মার্কিন প্রেসিডেন্ট জো বাইডেন নিয়মিত কাতারের আমিরের সঙ্গে কথা বলে যাচ্ছেন।")
    assert ("CONSULT", "USA", "QAT", "occurred") in got


def test_every_conjunct_before_birudhe_is_a_target_not_a_subject():
    got, _ = events("যুক্তরাষ্ট্র রাশিয়া ও উত্তর কোরিয়ার বিরুদ্ধে নিষেধাজ্ঞা আরোপ করেছে।")
    assert ("SANCTION", "USA", "PRK", "occurred") in got
    assert not any(s == "RUS" for _, s, _, _ in got)


def test_until_not_done_is_hypothetical():
    from ghotona.events.status import status_of
    sent = "খুনিরা গ্রেপ্তার না হওয়া পর্যন্ত অবরোধ চলবে।"
    start = sent.index("গ্রেপ্তার")
    assert status_of(sent, start, start + len("গ্রেপ্তার না হওয়া"), "হওয়া", "COERCE") == "hypothetical"


def test_participle_with_jachhe_is_progressive_not_planned():
    got, _ = events("মার্কিন প্রেসিডেন্ট জো বাইডেন কাতারের আমিরের সঙ্গে কথা বলে যাচ্ছেন।")
    assert got and got[0][3] == "occurred"


def test_reporter_talking_to_a_source_is_no_consultation():
    got, _ = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। বিএনপির কর্মীরা ও পুলিশের সঙ্গে কথা বলে জানা যায়, সংঘর্ষ হয়েছে।")
    assert not any(t == "CONSULT" for t, *_ in got)
