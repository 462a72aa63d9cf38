"""Behaviour of the event coder on short constructed Bengali sentences."""

import datetime as dt

import pytest

from ghotona.model import Article
from ghotona.pipeline import analyse

PUB = dt.date(2024, 8, 13)  # a Tuesday


def events(text: str, published: dt.date = PUB):
    res = analyse(Article(article_id="t", raw=text, published=published, published_source="given"),
                  on_error="raise")
    return [(e.event_type, e.source.code, e.target.code if e.target else None, e.status) for e in res.events], res


# One act each: the text, and an event (type, source code, target code, status) it must yield.
CODED = [
    pytest.param(
        "ইউক্রেনের সেনাবাহিনী গত সপ্তাহে আক্রমণ শুরু করে। "
        "রাশিয়ার কুরস্কসহ একাধিক অঞ্চলে অগ্রসর হচ্ছে দেশটির সেনারা।",
        ("ASSAULT", "UKR", "RUS", "occurred"), id="country_anaphor_takes_the_country_named_before_not_beside_it"),
    pytest.param(
        "ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ রাতে আবদুল কুদ্দুছকে আটক করে।",
        ("COERCE", "BGD", "BGD", "occurred"), id="unlisted_object_of_an_arrest_by_home_police_is_a_home_person"),
    pytest.param(
        "ঢাকায় বিএনপির সমাবেশ হয়েছে। আওয়ামী লীগের কার্যালয়ে ভাঙচুর ও আগুন দেওয়া হয়।",
        ("ASSAULT", "BGD", "BGD", "occurred"), id="genitive_before_a_home_or_office_is_the_target_of_an_attack"),
    pytest.param(
        "যুক্তরাষ্ট্র রাশিয়ার বিরুদ্ধে অস্ত্র কেনার অভিযোগ করেছে। তবে রাশিয়া এই অভিযোগ অস্বীকার করে আসছে।",
        ("REJECT", "RUS", "USA", "occurred"), id="denial_is_aimed_at_the_last_accuser"),
    pytest.param(
        "রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ পিয়ংইয়ং সফর করেছেন।",
        ("CONSULT", "RUS", "PRK", "occurred"), id="visit_to_a_bare_capital_targets_its_state"),
    pytest.param(
        "রাশিয়ার বিমান হামলায় কিয়েভে দুইজন নিহত হয়েছেন।",
        ("ASSAULT", "RUS", "UKR", "occurred"), id="attack_with_unnamed_victims_targets_the_struck_place"),
    pytest.param(
        "ইসরায়েলকে দায়ী করে কঠোর জবাব দেওয়ার অঙ্গীকার করেছে ইরান।",
        ("THREATEN", "IRN", "ISR", "occurred"), id="participle_object_is_the_target_of_the_following_threat"),
    pytest.param(
        "মার্কিন প্রেসিডেন্ট জো বাইডেন নিয়মিত কাতারের আমিরের সঙ্গে কথা বলে যাচ্ছেন।",
        ("CONSULT", "USA", "QAT", "occurred"), id="talking_with_someone_is_consultation"),
    pytest.param(
        "২০২১ সালে আফগানিস্তান থেকে মার্কিন সেনাদের প্রত্যাহার করা হয়।",
        ("RETREAT", "USA", "AFG", "occurred"), id="withdrawal_of_owned_forces_from_a_country"),
    pytest.param(
        "ভারতের সীমান্তরক্ষী বাহিনী বিএসএফ সীমান্তে টহল জোরদার করেছে।",
        ("MOBILIZE", "IND", None, "occurred"), id="deployment_without_a_target_is_kept"),
    pytest.param(
        "প্রধানমন্ত্রীর পদ থেকে শেখ হাসিনার পদত্যাগের পর ঢাকায় উল্লাস হয়।",
        ("RETREAT", "BGD", None, "occurred"), id="resignation_noun_names_its_doer_in_the_genitive"),
    pytest.param(
        "২০২০ সালে ইরানি পরমাণু বিজ্ঞানী মোহসেন ফাকরিহজাদেহকে হত্যা করেছিল মোসাদ।",
        ("ASSAULT", "ISR", "IRN", "occurred"), id="demonym_modifying_the_object_is_no_subject"),
    pytest.param(
        "প্রেসিডেন্ট জো বাইডেন জর্ডানের বাদশাহ দ্বিতীয় আব্দুল্লাহর সঙ্গেও বৈঠক করেছেন।",
        ("CONSULT", "USA", "JOR", "occurred"), id="postposition_with_a_particle_keeps_its_role"),
    pytest.param(
        "ভারতের পররাষ্ট্রসচিব সুজাতা সিং ঢাকায় আসেন। এরশাদের সাথে বৈঠকও করেন তিনি।",
        ("CONSULT", "IND", "BGD", "occurred"), id="pronoun_subject_after_the_verb_is_the_last_named_subject"),
    pytest.param(
        "ইসরায়েল দক্ষিণ আফ্রিকার আবেদনের নিন্দা জানিয়েছে।",
        ("ACCUSE", "ISR", "ZAF", "occurred"), id="genitive_before_a_noun_and_light_verb_is_its_object"),
    pytest.param(
        "কিয়েভের বাইরে রাশিয়ার বিমান হামলায় দুইজন নিহত ও তিনজন আহত হয়েছেন।",
        ("ASSAULT", "RUS", "UKR", "occurred"), id="attack_noun_with_unnamed_victims_strikes_the_place_named_before"),
    pytest.param(
        "মার্কিন প্রশাসন গাজা যুদ্ধে সমর্থন দিয়ে আসছে বেনিয়ামিন নেতানিয়াহু সরকারকে।",
        ("SUPPORT", "USA", "ISR", "occurred"), id="object_right_after_a_finite_verb_is_the_target"),
    pytest.param(
        "তাইওয়ানকে ঘিরে সোমবার সামরিক মহড়া শুরু করেছে চীন।",
        ("MOBILIZE", "CHN", "TWN", "occurred"), id="exercise_around_a_country_targets_it"),
    pytest.param(
        "ভারতের প্রধানমন্ত্রী শেখ হাসিনার সঙ্গে দেখা করে তাকে অভিনন্দন জানান।",
        ("SUPPORT", "IND", "BGD", "occurred"), id="object_pronoun_prefers_an_actor_named_earlier_in_its_sentence"),
    pytest.param(
        "রাশিয়া দোনেৎস্ক ও লুহানস্ককে স্বাধীন দেশের মর্যাদা দেয়।",
        ("SUPPORT", "RUS", "UKR", "occurred"), id="place_as_object_stands_for_its_authorities"),
    pytest.param(
        "তিনটি কোম্পানির ওপর নিষেধাজ্ঞা জারি করেছে মার্কিন সরকার।",
        ("SANCTION", "USA", None, "occurred"), id="sanction_on_unlisted_companies_has_no_target"),
    pytest.param(
        "রাশিয়া ২০২২ সালে ইউক্রেনে পূর্ণ মাত্রায় আগ্রাসন শুরু করেছিল।",
        ("ASSAULT", "RUS", "UKR", "occurred"), id="noun_with_shuru_kora_is_a_verb_clause"),
    pytest.param(
        "নাইজেরিয়ার উত্তর-পশ্চিমাঞ্চলে আইএসের বিরুদ্ধে যুক্তরাষ্ট্র হামলা চালিয়েছে।",
        ("ASSAULT", "USA", "NGA", "occurred"), id="stateless_group_is_coded_by_the_country_it_is_fought_in"),
    pytest.param(
        "নাইজেরিয়ার উত্তর-পশ্চিমাঞ্চলে আইএস গোষ্ঠীর বিরুদ্ধে যুক্তরাষ্ট্র হামলা চালিয়েছে।",
        ("ASSAULT", "USA", "NGA", "occurred"), id="group_name_takes_the_case_of_its_classifier_noun"),
    pytest.param(
        "আলোচনা চূড়ান্ত পর্যায়ে পৌঁছেছে বলে মার্কিন প্রেসিডেন্ট ডোনাল্ড ট্রাম্পের এই বক্তব্যের সাথে "
        "একমত হয়েছে ক্রেমলিন।",
        ("SUPPORT", "RUS", "USA", "occurred"), id="agreeing_with_what_someone_said_supports_them"),
    pytest.param(
        "মাস কয়েক আগে তাইওয়ানের কাছে চীনের যুদ্ধজাহাজ ও যুদ্ধবিমান মোতায়েন করা হয়েছিল।",
        ("MOBILIZE", "CHN", "TWN", "occurred"), id="owner_of_warships_deployed_is_the_doer"),
    pytest.param(
        "ইসরায়েলের দক্ষিণাঞ্চল ও তেল আবিব শহরকে লক্ষ্য করে গাজা উপত্যকা থেকে কয়েকটি রকেট "
        "ছোড়া হয়েছে।",
        ("ASSAULT", "PSE", "ISR", "occurred"), id="agentless_attack_comes_from_the_place_it_was_launched_from"),
    pytest.param(
        "টেকনাফে নাফ নদীতে বর্ডার গার্ড বাংলাদেশ বিজিবি ও বাংলাদেশ কোস্ট-গার্ডের সদস্যরা দিনরাত "
        "সীমান্ত সড়কে টহল বৃদ্ধি করেছে।",
        ("MOBILIZE", "BGD", None, "occurred"), id="own_forces_patrolling_is_a_targetless_deployment"),
    pytest.param(
        "বাংলাদেশের পরিস্থিতি নিয়ে জাতিসংঘ মহাসচিব আন্তোনিও গুতেরেস উদ্বেগ জানিয়েছেন। "
        "বাংলাদেশের ঢাকায় সহিংসতা চলছে। তিনি সব পক্ষকে শান্ত ও সংযত থাকার আহ্বান জানিয়েছেন।",
        ("REQUEST", "UN", "BGD", "occurred"), id="a_foreign_call_on_all_parties_is_on_the_storys_state"),
    pytest.param(
        "বৃহস্পতিবার বৈধতা প্রশ্নে রাষ্ট্রপতি মোঃ সাহাবুদ্দিন মতামত চাইলে সুপ্রিম কোর্ট বলেন, "
        "এর ভিন্ন কোনো পথ খোলা নেই। বাংলাদেশের ঢাকায় এ শুনানি হয়।",
        ("REQUEST", "BGD", "BGD", "occurred"), id="whoever_answers_was_asked"),
    pytest.param(
        "সাইবার নিরাপত্তা নিশ্চিত করতে জাতীয় সাইবার সুরক্ষা অ্যাজেন্সিকে নির্দেশ দিয়েছেন প্রধান উপদেষ্টা "
        "অধ্যাপক ড. মুহাম্মদ ইউনূস। বাংলাদেশের ঢাকায় এ বৈঠক হয়। বাংলাদেশের পুলিশ উপস্থিত ছিল।",
        ("REQUEST", "BGD", "BGD", "occurred"), id="an_order_to_an_unlisted_body_at_home_is_a_request_to_the_states_own"),
    pytest.param(
        "ভারতের পররাষ্ট্রমন্ত্রী এক বিবৃতি দেন। এরপর বাংলাদেশের পররাষ্ট্র উপদেষ্টা তৌহিদ হোসেন "
        "দিল্লির ভূমিকাকে সম্পূর্ণ 'অগ্রহণযোগ্য' বলে মন্তব্য করেন।",
        ("ACCUSE", "BGD", "IND", "occurred"), id="what_a_state_does_judged_names_the_state_as_target"),
    pytest.param(
        "মার্কিন প্রতিরক্ষামন্ত্রী পিট হেগসেথ বলেছেন, তিনি নাইজেরিয়ান সরকারের সমর্থন ও সহযোগিতার জন্য কৃতজ্ঞ।",
        ("SUPPORT", "USA", "NGA", "occurred"), id="thanks_for_what_a_government_gave_go_to_that_government"),
    pytest.param(
        "ঢাকার কেরানীগঞ্জে বিস্ফোরণের মামলায় আহসান উল্লাহ'র পাঁচ দিনের রিমান্ড মঞ্জুর করেছেন আদালত। "
        "বাংলাদেশের পুলিশ তাকে আদালতে হাজির করে। বাংলাদেশের ঢাকায় এ শুনানি হয়।",
        ("COERCE", "BGD", "BGD", "occurred"), id="whose_remand_a_home_court_grants_is_one_of_the_states_people"),
    pytest.param(
        "মার্কিন বার্তা সংস্থা এপি জানায়, যুদ্ধবিরতির প্রস্তাব নিয়ে আলোচনা করতে বুধবার মিসরে এসেছে "
        "ইসরায়েলের একটি প্রতিনিধিদল।",
        ("CONSULT", "ISR", "EGY", "occurred"), id="coming_to_a_state_to_talk_is_talking_with_that_state"),
    pytest.param(
        "এ বিষয়ে ৫৩ বিজিবি ব্যাটালিয়নের অধিনায়ক লেফটেন্যান্ট কর্নেল মনির-উজ-জামান জানান, আমরা ঘটনার "
        "খবর পেয়েছি। কারণ আমরা বিএসএফের সঙ্গে যোগাযোগ করেছি।",
        ("CONSULT", "BGD", "IND", "occurred"), id="we_after_a_long_speech_lead_is_the_speakers_side"),
    pytest.param(
        "নাইজেরিয়ার প্রেসিডেন্ট বোলা তিনুবু বলেন, যুক্তরাষ্ট্র ও আন্তর্জাতিক সম্প্রদায়ের সঙ্গে কাজ করতে তার সরকার "
        "প্রতিশ্রুতিবদ্ধ।",
        ("AGREE", "NGA", "USA", "occurred"), id="committed_to_working_with_a_state_is_an_intent_toward_it"),
    pytest.param(
        "বাংলাদেশের ঢাকায় এ ঘটনা। ২০০৭ সালের ৩ সেপ্টেম্বর ভোরে খালেদা জিয়াকে বাসভবন থেকে গ্রেপ্তারের পর "
        "সোজা নিয়ে যাওয়া হয় আদালতে।",
        ("COERCE", "BGD", "BGD", "occurred"), id="an_arrest_told_by_its_object_alone_is_the_home_authorities_act"),
    pytest.param(
        "ইরান বলেছে, যুক্তরাষ্ট্রের অভিযোগ ভিত্তিহীন।",
        ("REJECT", "IRN", "USA", "occurred"), id="calling_an_accusation_baseless_rejects_the_accuser"),
]


@pytest.mark.parametrize(("text", "expected"), CODED)
def test_coded(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    got, _ = events(text)
    assert expected in got


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


def test_pair_named_with_modhye_is_no_subject_of_a_one_sided_act():
    got, _ = events("রাশিয়া ও উত্তর কোরিয়ার মধ্যে অস্ত্র কেনাবেচায় জড়িত তিনটি কোম্পানির ওপর নিষেধাজ্ঞা দিয়েছে যুক্তরাষ্ট্র।")
    assert not any(t == "SANCTION" and s in ("RUS", "PRK") for t, s, *_ in got)


def test_post_verbal_year_dates_the_act():
    _, res = events("যুক্তরাষ্ট্র ইরানের ওপর নিষেধাজ্ঞা আরোপ করে ২০১৮ সালে।")
    assert [(e.event_type, e.date) for e in res.events] == [("SANCTION", "2018")]


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


# ---- roles across clauses, conjoined targets, target-less acts, tense and outlets

def test_joined_subjects_after_a_symmetric_verb_meet_each_other():
    got, _ = events("২০১৯ সালে রাশিয়ায় বৈঠক করেন পুতিন ও কিম জং উন।")
    assert [(t, s, o) for t, s, o, _ in got] == [("CONSULT", "RUS", "PRK")]


def test_conjuncts_before_an_object_are_all_objects():
    got, _ = events("ইরানের ক্ষেপণাস্ত্র ঠেকাতে যুক্তরাষ্ট্র ও ইসরায়েলকে সাহায্য করেছিল জর্ডান।")
    pairs = {(s, o) for t, s, o, _ in got if t in ("AID", "COOPERATE")}
    assert {("JOR", "USA"), ("JOR", "ISR")} <= pairs
    assert not any(s == "USA" for t, s, o, _ in got if t in ("AID", "COOPERATE"))


def test_conjuncts_before_sange_are_all_partners():
    got, _ = events("মার্কিন পররাষ্ট্রমন্ত্রী অ্যান্টনি ব্লিংকেন কাতার ও মিসরের কর্মকর্তাদের সঙ্গেও আলোচনা করেছেন।")
    assert {(s, o) for t, s, o, _ in got if t == "CONSULT"} == {("USA", "QAT"), ("USA", "EGY")}


def test_country_in_the_genitive_is_no_doer_of_a_protest_noun():
    got, _ = events("তিনি বলেন, বাংলাদেশের সহিংস বিক্ষোভের পেছনে অনেক কারণ আছে।")
    assert not any(t == "PROTEST" for t, *_ in got)


def test_verbal_noun_leaves_the_clause_open_for_the_accusation():
    got, res = events("সিউল পিয়ংইয়ংকে আরেকটি ক্ষেপণাস্ত্র উৎক্ষেপণের জন্য অভিযুক্ত করে।")
    assert ("ACCUSE", "KOR", "PRK", "occurred") in got
    launch = [e for e in res.events if e.event_type == "MOBILIZE"]
    assert launch and launch[0].source.code == "PRK" and launch[0].status == "alleged"


def test_act_someone_is_thanked_for_is_no_act_of_the_thanker():
    got, _ = events("উত্তর কোরিয়ার নেতা পুতিনকে \"খুব উষ্ণ অভ্যর্থনার\" জন্য ধন্যবাদ জানান।")
    assert ("SUPPORT", "PRK", "RUS", "occurred") in got
    assert not any(t == "CONSULT" for t, *_ in got)


def test_genitive_before_lakshya_kore_is_the_target():
    got, _ = events("ইউক্রেন রাশিয়ার একটি বড় বিমানঘাঁটি লক্ষ্য করে হামলা করেছে।")
    assert any(t == "ASSAULT" and o == "RUS" for t, s, o, _ in got)


def test_present_progressive_act_happens_on_the_publication_day():
    _, res = events("মস্কো এবং পিয়ংইয়ং আলোচনা করছে।")
    assert [(e.event_type, e.date, e.date_precision) for e in res.events] == [("CONSULT", "2024-08-13", "day")]
    _, res = events("মস্কো এবং পিয়ংইয়ং আলোচনা করেছে।")  # the perfect gives no date
    assert [e.date for e in res.events] == [None]


def test_reciprocal_blame_goes_both_ways():
    got, _ = events("মস্কো এবং কিয়েভ পরস্পরকে দোষারোপ করেছে।")
    assert {(s, o) for t, s, o, _ in got if t == "ACCUSE"} == {("RUS", "UKR"), ("UKR", "RUS")}
    got, _ = events("আগুনের ঘটনায় একে অপরকে দোষারোপ করছে ইউক্রেন ও রাশিয়া।")  # subjects after the verb
    assert {(s, o) for t, s, o, _ in got if t == "ACCUSE"} == {("RUS", "UKR"), ("UKR", "RUS")}


def test_reporting_in_the_progressive_opens_a_new_clause():
    got, _ = events("ইউক্রেনের প্রেসিডেন্ট বলছেন, ইচ্ছাকৃতভাবে কিয়েভে আগুন দিয়েছে রাশিয়া।")
    assert any(t == "ASSAULT" and s == "RUS" and o == "UKR" for t, s, o, _ in got)


def test_condolences_to_a_population_are_no_event():
    got, _ = events("নরেন্দ্র মোদি বাংলাদেশের জনগণকে আন্তরিক সমবেদনা জানিয়েছেন।")
    assert not any(t == "SUPPORT" for t, *_ in got)


def test_domestic_acts_on_different_named_targets_stay_apart():
    text = ("ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করেছে। "
            "পুলিশ জামায়াতে ইসলামীর আমির শফিকুর রহমানকে গ্রেপ্তার করেছে।")
    _, res = events(text)
    assert len([e for e in res.events if e.event_type == "COERCE"]) == 2


def test_outlet_named_after_a_country_is_no_state():
    got, _ = events("সাউথ চায়না মর্নিং পোস্টের শিরোনাম, ইউনূসকে দোষী সাব্যস্ত করেছে বাংলাদেশ।")
    assert not any(s == "CHN" or o == "CHN" for _, s, o, _ in got)


def test_pronoun_tini_after_the_verb_is_no_negation():
    from ghotona.events.status import status_of
    sent = "এরশাদের সাথে বৈঠকও করেন তিনি।"
    start = sent.index("বৈঠকও")
    assert status_of(sent, start, start + len("বৈঠকও করেন"), "করেন", "CONSULT") == "occurred"


def test_the_two_sides_agree_to_meet_later():
    text = ("গত সপ্তাহে রাশিয়ার প্রেসিডেন্ট পুতিন এবং কিম জং উনের মধ্যে বৈঠকের পর, "
            "দুই পক্ষের পররাষ্ট্রমন্ত্রীরা অদূর ভবিষ্যতে দেখা করতে সম্মত হয়েছেন।")
    _, res = events(text)
    got = {(e.event_type, tuple(sorted((e.source.code, e.target.code))), e.status, e.date) for e in res.events}
    assert ("AGREE", ("PRK", "RUS"), "occurred", "2024-08-05") in got
    # the meeting agreed on lies ahead: planned, and not dated by the past meeting's week
    assert ("CONSULT", ("PRK", "RUS"), "planned", None) in got


def test_reported_intent_to_work_together_is_an_agreement_now():
    _, res = events("পুতিন কিম জং উনকে জানিয়েছেন, দেশ দুটি একসঙ্গে কাজ করবে।")
    agree = [e for e in res.events if e.event_type == "AGREE"]
    assert agree and agree[0].status == "occurred"
    assert {agree[0].source.code, agree[0].target.code} == {"RUS", "PRK"}


def test_call_for_coordination_between_own_state_and_another_is_aimed_at_the_other():
    text = ("দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো রাশিয়া ও উত্তর কোরিয়ার মধ্যে অস্ত্র চুক্তি নিয়ে উদ্বেগ "
            "প্রকাশ করেছেন এবং মার্কিন যুক্তরাষ্ট্র ও দক্ষিণ কোরিয়ার মধ্যে সমন্বয় বৃদ্ধির আহ্বান জানিয়েছেন।")
    got, _ = events(text)
    requests = {(s, o) for t, s, o, _ in got if t == "REQUEST"}
    assert requests == {("KOR", "USA")}


def test_leader_name_before_a_bare_institution_is_that_state_body():
    got, res = events("বাইডেন প্রশাসন ইসরায়েলকে অস্ত্র দিয়েছে।")
    assert ("AID", "USA", "ISR", "occurred") in got
    assert res.events[0].source.text == "বাইডেন প্রশাসন"


def test_object_after_a_verbal_noun_belongs_to_the_next_verb():
    got, _ = events("তিনি লেবাননের মাটিতে গুপ্তহত্যা চালানোর ব্যাপারে ইসরায়েলকে সতর্ক করেছিলেন।")
    assert not any(t == "ASSAULT" for t, *_ in got)


def test_coordinated_dates_give_one_act_each():
    text = "ঢাকায় বিএনপির সমাবেশ হয়েছে। ১৯৮৪ সালের ৩ মে এবং ১৯৮৭ সালের ১১ নভেম্বর গ্রেফতার করা হয় খালেদা জিয়াকে।"
    _, res = events(text)
    assert sorted(e.date for e in res.events if e.event_type == "COERCE") == ["1984-05-03", "1987-11-11"]


def test_bracketed_abbreviation_takes_the_case_of_the_word_before():
    got, _ = events("সুদানের আধা-সামরিক বাহিনীর (আরএসএফ) আক্রমণে গতকাল চাদের দুই সেনা নিহত হয়েছে।")
    assert ("ASSAULT", "SDN", "TCD", "occurred") in got
    assert not any(o == "SDN" for _, _, o, _ in got)


def test_a_government_or_capital_does_not_demonstrate():
    got, _ = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। মিছিলে ‘দিল্লি না ঢাকা’ স্লোগান দিয়েছে।")
    assert not any(t == "PROTEST" and s == "IND" for t, s, _, _ in got)


def test_refrain_infinitive_inside_a_call_is_one_request():
    got, _ = events("ফ্রান্সের প্রেসিডেন্ট এমানুয়েল মাখোঁ লেবাননের সঙ্গে সংঘাত থেকে বিরত থাকতে ইসরায়েলের প্রতি আহ্বান জানিয়েছেন।")
    assert {(t, s, o) for t, s, o, _ in got} == {("REQUEST", "FRA", "ISR")}


def test_pair_named_with_modhye_before_a_subject_is_not_the_meeting():
    got, _ = events("অতীতে যুক্তরাষ্ট্র ও ইরানের মধ্যে উত্তেজনা নিরসনে কাজ করা কাতারও জর্ডানের সঙ্গে আলোচনা করেছে।")
    assert {(t, s, o) for t, s, o, _ in got} == {("CONSULT", "QAT", "JOR")}


def test_postposition_target_wins_over_an_object_of_a_verbal_noun():
    got, _ = events("হানিয়াকে হত্যার ঘটনায় জর্ডানের পক্ষ থেকে ইসরায়েলি প্রধানমন্ত্রী বেনিয়ামিন নেতানিয়াহুর "
                    "বিরুদ্ধে ক্ষোভ জানানো হয়েছে।")
    assert ("ACCUSE", "JOR", "ISR", "occurred") in got
    assert not any(t == "ACCUSE" and o == "PSE" for t, s, o, _ in got)


def test_genitive_before_the_object_of_a_noun_is_not_its_doer():
    got, _ = events("তেহরানের অতিথি হানিয়াকে হত্যার জবাব দেওয়া হবে।")
    assert not any(t == "ASSAULT" and s == "IRN" for t, s, *_ in got)


def test_act_under_pressure_or_feared_is_hypothetical():
    from ghotona.events.status import status_of
    sent = "এখন ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে রয়েছে জর্ডান।"
    start = sent.index("সম্পর্ক ছিন্ন")
    assert status_of(sent, start, start + len("সম্পর্ক ছিন্ন করার"), "করার", "SANCTION") == "hypothetical"


def test_object_pronoun_stands_for_the_last_named_subject():
    text = "ঢাকায় বিএনপির সমাবেশ হয়েছে। ড. মুহাম্মদ ইউনূস আজ শ্রম আদালতে হাজির হন। পরে তাঁকে জামিন দেন আদালত।"
    got, _ = events(text)
    assert ("CONCEDE", "BGD", "BGD", "occurred") in got


def test_quoted_outlets_do_not_decide_the_home_state():
    from ghotona.events.coding import home_country
    from ghotona.model import Actor, Mention
    ms = [Mention("actor", 0, 3, "বিবিসি", actor=Actor("GBR", "BBC", "MED", "বিবিসি")) for _ in range(3)]
    ms += [Mention("actor", 5, 8, "পুলিশ", actor=Actor("BGD", "Bangladesh Police", "GOV", "পুলিশ"),
                   resolved_by="gazetteer") for _ in range(2)]
    assert home_country(ms) == "BGD"


def test_edike_opens_a_new_thread_with_its_own_subjects():
    got, _ = events("যুদ্ধবিরতি সম্ভব, বললেন বাইডেন এদিকে যুক্তরাজ্য, ফ্রান্স এবং জার্মানি ইরানের প্রতি আহ্বান জানিয়েছে।")
    assert {s for t, s, o, _ in got if t == "REQUEST"} == {"GBR", "FRA", "DEU"}


def test_country_naming_a_war_is_no_subject_and_the_seller_supplies():
    _, res = events("ইউক্রেন যুদ্ধের জন্য রাশিয়া উত্তর কোরিয়ার কাছ থেকে অস্ত্র কিনছে।")
    aid = [(e.event_type, e.source.code, e.target.code) for e in res.events if e.event_type == "AID"]
    assert aid == [("AID", "PRK", "RUS")]


def test_agreement_noun_with_a_partner_is_the_speaker_side_and_the_partner():
    got, _ = events("কিম জং উন জানান, ২০১৯ সালে রাশিয়ার সঙ্গে সাক্ষরিত চুক্তি অনুযায়ী সহযোগিতা বাড়বে।")
    assert any(t == "AGREE" and {s, o} == {"PRK", "RUS"} for t, s, o, _ in got)


def test_sange_phrase_inside_the_content_of_a_request_is_no_target():
    got, _ = events("কিম জং উন কর্মকর্তাদের রাশিয়ার সাথে সম্পর্ক উন্নয়নের জন্য দীর্ঘমেয়াদী ব্যবস্থা গ্রহণের অনুরোধ করেন।")
    assert not any(t == "REQUEST" and o == "RUS" for t, s, o, _ in got)
    got, _ = events("জর্ডান ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করেছে।")  # right before the predicate it is the target
    assert any(t == "SANCTION" and {s, o} == {"JOR", "ISR"} for t, s, o, _ in got)


def test_lead_date_equal_to_publication_is_the_news_day():
    text = ("১৩ আগস্ট, রাশিয়া উত্তর কোরিয়ার সঙ্গে বৈঠক করেছে।\n"
            "পরে যুক্তরাষ্ট্র ইরানের বিরুদ্ধে অভিযোগ করেছে।")
    _, res = events(text)
    accuse = next(e for e in res.events if e.event_type == "ACCUSE")
    assert accuse.date == "2024-08-13"


def test_lead_date_before_publication_dates_nothing_else():
    text = ("১০ আগস্ট, রাশিয়া উত্তর কোরিয়ার সঙ্গে বৈঠক করেছে।\n"
            "পরে যুক্তরাষ্ট্র ইরানের বিরুদ্ধে অভিযোগ করেছে।")
    _, res = events(text)
    accuse = next(e for e in res.events if e.event_type == "ACCUSE")
    assert accuse.date is None


def test_domestic_meetings_with_different_partners_stay_apart():
    text = ("ঢাকায় বিএনপির সমাবেশ হয়েছে। জামায়াতে ইসলামী বিএনপির সঙ্গে বৈঠক করেছে। "
            "জামায়াতে ইসলামী জাতীয় পার্টির সঙ্গে বৈঠক করেছে।")
    _, res = events(text)
    assert len([e for e in res.events if e.event_type == "CONSULT"]) == 2


def test_attacks_on_homes_of_unlisted_local_people_stay_apart():
    text = ("ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ জানায়, ঢাকায় আওয়ামী লীগের মিছিল হয়েছে। "
            "এছাড়া সিটি মেয়র রেজাউল করিম চৌধুরীর বাড়িতে ভাঙচুর ও আগুন দেওয়া হয়েছে। "
            "একইভাবে আগুন দেওয়া হয়েছে সংসদ সদস্য ফজলে করিম চৌধুরীর বাসায়।")
    _, res = events(text)
    attacks = [e for e in res.events if e.event_type == "ASSAULT"]
    assert len(attacks) == 2 and all(e.source.code == e.target.code == "BGD" for e in attacks)


def test_his_government_after_a_speaker_is_the_speaker_state():
    got, _ = events("লেবাননের পররাষ্ট্রমন্ত্রী বিবিসিকে জানিয়েছেন, হিজবুল্লাহর সঙ্গে আলোচনা চালাচ্ছে তাঁর সরকার।")
    assert any(t == "CONSULT" and {s, o} == {"LBN"} for t, s, o, _ in got)


def test_country_conjoined_with_an_unlisted_partner_shares_its_case():
    got, _ = events("তিনুবু বলেন, যুক্তরাষ্ট্র ও আন্তর্জাতিক সম্প্রদায়ের সঙ্গে কাজ করবে নাইজেরিয়া।")
    assert not any(s == "USA" for _, s, _, _ in got)


def test_conditional_clause_keeps_its_subject_to_itself():
    got, _ = events("জাহাজে ইয়েমেনের হুতি বিদ্রোহীরা ওঠার চেষ্টা করলে মার্কিন হেলিকপ্টার থেকে গুলি করে হত্যা করা হয়।")
    assert not any(t == "ASSAULT" and s == "YEM" for t, s, *_ in got)


def test_an_institution_does_not_resign():
    text = "ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ সমাবেশে বাধা দেয়। নির্বাচনে অংশ নিতে তিনি চেয়ারম্যানের পদ থেকে পদত্যাগ করেন।"
    got, _ = events(text)
    assert not any(t == "RETREAT" for t, *_ in got)


def test_act_named_as_a_topic_is_no_event():
    got, _ = events("শেখ হাসিনাকে আশ্রয় দেওয়ার প্রসঙ্গে কংগ্রেস নেতা শশী থারুর কথা বলেন।")
    assert not any(t == "AID" for t, *_ in got)


def test_neither_admitting_nor_denying_is_no_rejection():
    got, _ = events("এই হামলার দায় স্বীকার কিংবা অস্বীকার করেনি ইসরায়েল।")
    assert not any(t == "REJECT" for t, *_ in got)


def test_unlisted_crowd_protesting_at_home_is_a_protest_against_its_government():
    text = "ঢাকায় বিএনপির সমাবেশ হয়েছে। পুলিশ সমাবেশে বাধা দেয়। দাবি নিয়ে শাহবাগ মোড় অবরোধ করেছেন সনাতন ধর্মাবলম্বীরা।"
    got, res = events(text)
    assert ("PROTEST", "BGD", "BGD", "occurred") in got
    protest = next(e for e in res.events if e.event_type == "PROTEST")
    assert protest.source.text == "ধর্মাবলম্বীরা" and protest.target.sector == "GOV"


def test_tader_right_before_an_arrest_is_its_object():
    text = "ঢাকায় বিএনপির সমাবেশ হয়েছে। বিএনপির দুই নেতা সমাবেশে বক্তব্য দেন। পরে তাদের গ্রেপ্তার করে পুলিশ।"
    got, _ = events(text)
    assert ("COERCE", "BGD", "BGD", "occurred") in got


def test_genitive_owner_of_a_statement_is_whom_its_rejection_targets():
    # constructed: X-এর (ওই) বক্তব্য / প্রস্তাব প্রত্যাখ্যান — the rejection is aimed at X
    got, res = events("রাশিয়া ইউক্রেনের ওই প্রস্তাব প্রত্যাখ্যান করেছে।")
    assert ("REJECT", "RUS", "UKR", "occurred") in got
    got, _ = events("যুক্তরাষ্ট্র ইরানের বক্তব্য প্রত্যাখ্যান করেছে।")
    assert ("REJECT", "USA", "IRN", "occurred") in got


def test_tini_stands_for_the_last_person_not_a_bare_body_named_since():
    text = ("বিএনপি চেয়ারপারসন খালেদা জিয়া ২০১৮ সালে ঢাকার কারাগারে যান। "
            "২০২০ সালের ২৫ মার্চ শর্তসাপেক্ষে তার সাজা স্থগিত করে সরকার। "
            "২০২৪ সালের ২৭ নভেম্বর দুর্নীতি মামলায় খালাস পান তিনি।")
    _, res = events(text, dt.date(2025, 12, 30))
    conc = {(e.date, e.target.name) for e in res.events if e.event_type == "CONCEDE"}
    # তার right before the sentence stayed is whose sentence it was; তিনি is Khaleda Zia, not সরকার
    assert ("2020-03-25", "Khaleda Zia") in conc
    assert ("2024-11-27", "Khaleda Zia") in conc


def test_name_before_a_bracketed_abbreviation_and_a_place_noun_is_no_subject():
    text = ("খালেদা জিয়া ২০১৮ সালে কারাগারে যান। তাকে বঙ্গবন্ধু শেখ মুজিব মেডিকেল বিশ্ববিদ্যালয় (বিএসএমএমইউ) "
            "হাসপাতালে স্থানান্তর করা হয়। ২০২৪ সালের ২৭ নভেম্বর দুর্নীতি মামলায় খালাস পান তিনি।")
    _, res = events(text, dt.date(2025, 12, 30))
    assert [e.target.name for e in res.events if e.event_type == "CONCEDE"] == ["Khaleda Zia"]


def test_amra_in_reported_words_is_the_speaker_on_the_day_they_spoke():
    text = ("সোমবার সংবাদ সম্মেলনে এসব কথা বলেন মার্কিন পররাষ্ট্র দপ্তরের মুখপাত্র ম্যাথিউ মিলার।\n\n"
            "তিনি বলেন, পরিস্থিতি আমরা পর্যবেক্ষণ করছি। আমরা ইরানের প্রতি সংযমের আহ্বান জানাই।")
    _, res = events(text, dt.date(2024, 8, 6))
    req = [e for e in res.events if e.event_type == "REQUEST"]
    assert [(e.source.name, e.target.code, e.date) for e in req] == [("Matthew Miller", "IRN", "2024-08-05")]
    # outside the speaker's paragraph আমরা names no one
    _, res = events("আমরা ইরানের প্রতি সংযমের আহ্বান জানাই।", dt.date(2024, 8, 6))
    assert not [e for e in res.events if e.event_type == "REQUEST"]


def test_joining_an_alliance_does_not_match_the_start_of_a_country_name():
    # "যুক্ত" (joined) must not match the first letters of যুক্তরাষ্ট্র
    got, _ = events("ন্যাটো জোটের বাইরে যুক্তরাষ্ট্র কয়েকটি দেশকে গুরুত্বপূর্ণ মিত্র হিসেবে আখ্যা দিয়েছে।")
    assert not any(t == "AGREE" for t, *_ in got)


def test_two_sides_agreeing_to_meet_are_the_states_not_the_leaders_named_before():
    text = ("গত সপ্তাহে রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন এবং উত্তর কোরিয়ার নেতা কিম জং উনের মধ্যে বৈঠক হয়েছে। "
            "দুই পক্ষের পররাষ্ট্রমন্ত্রীরা অদূর ভবিষ্যতে দেখা করতে সম্মত হয়েছেন।")
    _, res = events(text)
    planned = [e for e in res.events if e.status == "planned" and e.event_type == "CONSULT"]
    assert [(e.source.name, e.target.name, e.symmetric) for e in planned] == [("Russia", "North Korea", True)]


def test_next_day_gloss_in_a_historical_passage_takes_the_year_told_before():
    from ghotona.dates.expressions import find_dates
    text = "২০০৮ সালের ১৮ জানুয়ারি তার মা মারা যান। পরদিন (১৯ জানুয়ারি) তিনি প্যারোলে মুক্তি পান।"
    got = [(m.text, m.date.date) for m in find_dates(text, dt.date(2025, 12, 30))]
    assert got == [("২০০৮ সালের ১৮ জানুয়ারি", "2008-01-18"), ("১৯ জানুয়ারি", "2008-01-19")]
    # a gloss that is not the day after keeps the usual reading
    got = [m.date.date for m in find_dates("২০০৮ সালের ১৮ জানুয়ারি … পরদিন (২৫ জানুয়ারি)", dt.date(2025, 12, 30))]
    assert got == ["2008-01-18", "2025-01-25"]


def test_glued_related_headline_is_its_own_sentence():
    from ghotona.lang.segment import segment
    text = ("গাজায় যুদ্ধবিরতি সম্ভব, বললেন বাইডেন এদিকে এক যৌথ বিবৃতিতে যুক্তরাজ্য ও ফ্রান্স ইরানের প্রতি "
            "আহ্বান জানিয়েছে। তিনি এদিকে আসেন।")
    got = [s.text for s in segment(text)]
    assert got[0] == "গাজায় যুদ্ধবিরতি সম্ভব, বললেন বাইডেন"
    assert got[1].startswith("এদিকে এক যৌথ বিবৃতিতে") and got[2] == "তিনি এদিকে আসেন।"
    evs, _ = events(text)
    assert {(t, s, o) for t, s, o, _ in evs} >= {("REQUEST", "GBR", "IRN"), ("REQUEST", "FRA", "IRN")}
    assert not any(s == "USA" for _, s, _, _ in evs)


def test_unity_council_demanding_of_the_chief_adviser_is_a_request_to_him():
    text = ("ঢাকায় প্রধান উপদেষ্টা মুহাম্মদ ইউনূসের কাছে এক খোলা চিঠিতে সহিংসতা বন্ধের দাবি জানিয়েছে "
            "বাংলাদেশ হিন্দু, বৌদ্ধ, খ্রিস্টান ঐক্য পরিষদ।")
    _, res = events(text, dt.date(2024, 8, 10))
    req = [(e.source.name, e.target.name) for e in res.events if e.event_type == "REQUEST"]
    assert req == [("Bangladesh Hindu Buddhist Christian Unity Council", "Muhammad Yunus")]


def test_these_two_countries_as_object_are_the_two_named_before_other_than_the_doer():
    text = ("রাশিয়া দোনেৎস্ক ও লুহানস্ককে স্বাধীন দেশের মর্যাদা দেয়। "
            "পরে উত্তর কোরিয়াও এই ২ দেশকে স্বীকৃতি দেয়।")
    got, _ = events(text)
    assert ("SUPPORT", "PRK", "UKR", "occurred") in got
    got, _ = events("চীন ইরান ও ইরাকের সঙ্গে বাণিজ্য বাড়িয়েছে। পরে যুক্তরাষ্ট্র এই দুই দেশকে হুমকি দিয়েছে।")
    assert {(t, s, o) for t, s, o, _ in got if t == "THREATEN"} == {("THREATEN", "USA", "IRN"),
                                                                  ("THREATEN", "USA", "IRQ")}


# ---------------------------------------------------------------- recall rules (issue 6)

def test_two_named_people_of_one_foreign_state_are_two_sides():
    got, _ = events("যুক্তরাষ্ট্রের প্রেসিডেন্ট জো বাইডেন ভাইস প্রেসিডেন্ট কমলা হ্যারিসকে প্রেসিডেন্ট পদে "
                    "নির্বাচনের জন্য সমর্থন দেন।")
    assert ("SUPPORT", "USA", "USA", "occurred") in got
    # (a state and its own government are still one side: no self-loop)
    got, _ = events("যুক্তরাষ্ট্র মার্কিন সরকারের প্রশংসা করেছে।")
    assert not any(s == o for _, s, o, _ in got)


def test_meeting_noun_with_a_partner_is_done_by_the_subject_it_leads_into():
    got, res = events("২০১৫ সালে ঢাকায় খালেদা জিয়ার সঙ্গে ব্যক্তিগত সাক্ষাতের কথা স্মরণ করে মোদি বলেছেন, "
                      "দুই দেশের সম্পর্ক এগিয়ে যাবে।")
    consult = [e for e in res.events if e.event_type == "CONSULT"]
    assert consult and {consult[0].source.code, consult[0].target.code} == {"IND", "BGD"}
    assert consult[0].symmetric


def test_accusation_of_wrongs_in_a_foreign_land_accuses_that_state():
    got, _ = events("ভারতের পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র রণধীর জয়সোয়াল বাংলাদেশে সংখ্যালঘুদের বিরুদ্ধে "
                    "সহিংস ঘটনার অভিযোগ করেন।")
    assert ("ACCUSE", "IND", "BGD", "occurred") in got
    # a court in the locative is where an accusation is made, not whom it accuses
    got, _ = events("আন্তর্জাতিক অপরাধ ট্রাইব্যুনালে মামলা করার দাবি জানিয়েছে ছাত্ররা।")
    assert not any(t == "ACCUSE" for t, _, _, _ in got)


def test_warning_is_aimed_at_whom_the_warned_act_is_aimed_at():
    got, _ = events("এর জন্য কিয়েভকে ‘উপযুক্ত জবাব’ দেওয়া হবে বলে হুঁশিয়ারি দিয়েছেন রাশিয়ার প্রেসিডেন্ট "
                    "ভ্লাদিমির পুতিন।")
    threats = [(s, o) for t, s, o, _ in got if t == "THREATEN"]
    assert threats == [("RUS", "UKR")]  # one threat: the warned act is its content


def test_between_the_two_countries_names_the_two_last_named():
    got, res = events("কাতারে যুক্তরাষ্ট্রের একটি ঘাঁটিতে আরও ১০ বছরের জন্য সামরিক উপস্থিতির মেয়াদ বাড়াতে "
                      "দুই দেশের মধ্যে সমঝোতা হয়েছে।")
    agree = [e for e in res.events if e.event_type == "AGREE"]
    assert agree and {agree[0].source.code, agree[0].target.code} == {"QAT", "USA"} and agree[0].symmetric


def test_missiles_shot_down_are_no_attack_on_their_sender():
    got, _ = events("গত এপ্রিলে জর্ডানের আকাশসীমায় আসা বেশ কিছু ইরানি ক্ষেপণাস্ত্র ধ্বংস করে সৌদি আরব।")
    assert not any(t == "ASSAULT" for t, _, _, _ in got)


def test_hyphened_country_pair_is_a_place_or_a_topic_not_a_subject():
    got, _ = events("বাংলাদেশ-ভারত সীমান্তে ‘হাই অ্যালার্ট’ জারি করেছে ভারতের সীমান্ত রক্ষাবাহিনী বিএসএফ।")
    assert [(t, s) for t, s, _, _ in got] == [("MOBILIZE", "IND")]


def test_domestic_attack_on_an_unlisted_group_is_on_the_state_own_people():
    got, res = events("পুলিশ জানায়, কোটা সংস্কার আন্দোলনের ওপর নির্বিচারে গুলি চালায় পুলিশ। "
                      "বাংলাদেশের ঢাকায় এ ঘটনা ঘটে। ঢাকায় পুলিশ আরও সতর্ক রয়েছে।")
    assert ("ASSAULT", "BGD", "BGD", "occurred") in got


def test_verbal_noun_under_pressure_is_hypothetical():
    got, _ = events("এখন ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে রয়েছে জর্ডান।")
    assert all(st == "hypothetical" for t, _, _, st in got if t == "SANCTION")


def test_coarse_date_of_an_act_told_again_with_its_day_is_one_event():
    got, res = events("২০১৮ সালের ৮ ফেব্রুয়ারি খালেদা জিয়াকে গ্রেপ্তার করে পুলিশ। "
                      "খালেদা জিয়া গ্রেপ্তার হন ২০১৮ সালে।")
    coerce = [e for e in res.events if e.event_type == "COERCE"]
    assert [(e.date, e.date_precision) for e in coerce] == [("2018-02-08", "day")]


def test_doerless_object_clause_before_an_accusation_does_not_break_it():
    got, _ = events("কিয়েভকে অস্ত্র দেওয়া হয়েছে বলে অভিযোগ করেছে রাশিয়া।")
    assert all(s == "RUS" for t, s, _, _ in got if t == "ACCUSE")


def test_demonym_heading_an_object_phrase_is_the_target_not_the_subject():
    got, _ = events("গত ৭ অক্টোবর প্রায় ২৫০ ইসরাইলি ও বিদেশি নাগরিককে গাজায় বন্দি করে নিয়ে আসে হামাস।")
    assert ("ASSAULT", "PSE", "ISR", "occurred") in got
    assert not any(s == "ISR" for _, s, _, _ in got)


def test_object_pronoun_is_not_the_clause_own_subject():
    got, res = events("চট্টগ্রামের আদালত জসিম উদ্দিনকে গ্রেপ্তারের নির্দেশ দেন। পরে আদালত তাদেরকে পাঁচ মাসের "
                      "কারাদণ্ড দেন। বাংলাদেশের ঢাকায় পুলিশ তা জানায়।")
    coerce = [e for e in res.events if e.event_type == "COERCE"]
    assert coerce and all(e.source.name != e.target.name for e in coerce)


def test_unlisted_group_of_a_state_stands_for_it_in_the_group_nouns_case():
    got, _ = events("একই সঙ্গে বাংলাদেশের পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র ভারতের বিভিন্ন মহলকে অপপ্রচার থেকে "
                    "বিরত থাকার আহ্বান জানান।")
    assert [(t, s, o) for t, s, o, _ in got] == [("REQUEST", "BGD", "IND")]  # one call, to India's quarters


def test_verbal_noun_naming_a_process_or_outline_is_no_act():
    got, _ = events("নতুন সরকারের কাছে ক্ষমতা হস্তান্তরের প্রক্রিয়াসহ আরও ৫ মাস প্রেসিডেন্ট হিসেবে সময় "
                    "পাচ্ছেন জো বাইডেন।")
    assert not any(t == "RETREAT" for t, _, _, _ in got)


def test_meeting_an_unlisted_group_at_home_is_a_meeting_with_the_states_own_people():
    got, _ = events("সংখ্যালঘু ইস্যুতে পররাষ্ট্র উপদেষ্টা জানান, প্রধান উপদেষ্টা অধ্যাপক ড. মুহাম্মদ ইউনূস শিগগিরই "
                    "সংখ্যালঘু সম্প্রদায়ের প্রতিনিধিদের সঙ্গে বৈঠক করবেন। বাংলাদেশের ঢাকায় এ বৈঠক হবে।")
    assert ("CONSULT", "BGD", "BGD", "planned") in got
    # abroad, an unlisted group met is nobody's unless it is the doer's own (তাঁর প্রশাসনের কর্মকর্তাদের)
    got, _ = events("মার্কিন প্রেসিডেন্ট জো বাইডেন সোমবার তাঁর প্রশাসনের জ্যেষ্ঠ নিরাপত্তা কর্মকর্তাদের সঙ্গে "
                    "বৈঠক করেন। ইরান ও ইসরায়েলের উত্তেজনা বাড়ছে।")
    assert ("CONSULT", "USA", "USA", "occurred") in got


def test_mediator_consults_each_of_the_two_sides():
    got, _ = events("হামাস ও ইসরায়েলের মধ্যে মধ্যস্থতা করছে কাতার।")
    assert {(t, s, o) for t, s, o, _ in got} == {("CONSULT", "QAT", "PSE"), ("CONSULT", "QAT", "ISR")}


def test_backing_in_a_then_clause_is_for_whoever_acted_in_the_when_clause():
    got, _ = events("মিয়ানমারের বিরুদ্ধে আইসিজেতে যখন গাম্বিয়া মামলা করেছিল, তখন আরব লিগ এবং ওআইসি "
                    "পূর্ণাঙ্গ সমর্থন দিয়েছিল।")
    assert {(t, s, o) for t, s, o, _ in got if t == "SUPPORT"} == {("SUPPORT", "ARAB_LEAGUE", "GMB"),
                                                                  ("SUPPORT", "OIC", "GMB")}


def test_two_predicates_of_one_sentence_telling_one_act_are_one_event():
    got, res = events("গতকাল সোমবার কোটা সংস্কার আন্দোলনে হাজার হাজার ছাত্র-জনতা মিছিল সমাবেশ করে। "
                      "বাংলাদেশের ঢাকায় পুলিশ তা জানায়।")
    protests = [e for e in res.events if e.event_type == "PROTEST"]
    assert len(protests) == 1, [(e.date, e.evidence.sentence) for e in protests]


def test_merge_folds_an_undated_twin_of_the_same_sentence_and_a_coarser_telling():
    from dataclasses import replace

    from ghotona.events.coding import merge_events
    _, res = events("২০১৮ সালের ৮ ফেব্রুয়ারি খালেদা জিয়াকে গ্রেপ্তার করে পুলিশ। "
                    "খালেদা জিয়া গ্রেপ্তার হন ২০১৮ সালে।")
    e = next(e for e in res.events if e.event_type == "COERCE")
    undated_twin = replace(e, event_id="twin", date=None, date_precision="none", date_text=None)
    coarser = replace(e, event_id="coarse", date="2018", date_precision="year",
                      evidence=replace(e.evidence, start=e.evidence.start + 500, end=e.evidence.end + 500))
    other_sentence = replace(undated_twin, event_id="other",
                             evidence=replace(e.evidence, start=e.evidence.start + 900, end=e.evidence.end + 900))
    kept = merge_events([e, undated_twin, coarser, other_sentence], {})
    assert [k.event_id for k in kept] == [e.event_id, "other"]  # an undated telling elsewhere may be another act


def test_struggle_against_a_ruler_is_a_protest_against_him():
    got, _ = events("১৯৮৩ সালে বিএনপি জেনারেল এরশাদের স্বৈরশাসনের বিরুদ্ধে আপসহীন সংগ্রাম শুরু করে। "
                    "বাংলাদেশের ঢাকায় এ আন্দোলন হয়।")
    assert any(t == "PROTEST" and s == "BGD" for t, s, _, _ in got)


def test_predicate_noun_that_happens_takes_noun_arguments():
    got, res = events("শপথ নেয়ার পর বিএনপির সঙ্গে ড. ইউনূসের এটিই প্রথম সাক্ষাৎ হতে যাচ্ছে। "
                      "বাংলাদেশের ঢাকায় এ বৈঠক হবে।")
    consult = [e for e in res.events if e.event_type == "CONSULT"]
    assert consult and consult[0].symmetric and consult[0].status == "planned"
    assert {consult[0].source.name, consult[0].target.name} == {"Muhammad Yunus", "BNP"}


def test_protests_that_happen_in_a_country_are_its_peoples_against_its_government():
    got, res = events("গাজায় ইসরায়েলি হামলায় সমর্থন দেওয়ায় জর্ডানে ব্যাপক বিক্ষোভ হচ্ছে।")
    protests = [e for e in res.events if e.event_type == "PROTEST"]
    assert protests and protests[0].source.code == "JOR" and protests[0].source.sector == "CVL"
    assert protests[0].target is not None and protests[0].target.code == "JOR"


def test_their_country_in_a_claim_is_the_claimants_state():
    got, res = events("তাইওয়ানের নেতাদের অভিযোগ, চীন তাঁদের দেশের নির্বাচনে হস্তক্ষেপ করছে এবং ভুল তথ্য প্রচার করছে।")
    coerce = [e for e in res.events if e.event_type == "COERCE"]
    assert coerce and all(e.source.code == "CHN" and e.target.code == "TWN" for e in coerce)
    assert all(e.status == "alleged" for e in coerce)


def test_bare_the_country_struck_is_the_country_last_named_other_than_the_doers():
    got, _ = events("রাশিয়া জানিয়েছে, ইউক্রেনের সেনারা দেশটির ৩০ কিলোমিটার ভেতরে ঢুকে গেছে।")
    assert ("ASSAULT", "UKR", "RUS", "occurred") in got
    assert not any(t == "ASSAULT" and o == "UKR" for t, _, o, _ in got)


def test_a_charge_named_by_its_crime_accuses_the_crimes_owner():
    got, _ = events("দক্ষিণ আফ্রিকা আন্তর্জাতিক বিচার আদালতকে ইসরায়েলের গণহত্যার অভিযোগকে খতিয়ে দেখার জন্য "
                    "আবেদন জানিয়েছে।")
    assert ("ACCUSE", "ZAF", "ISR", "occurred") in got
    assert not any(t == "ACCUSE" and s == "ISR" for t, s, _, _ in got)  # Israel is charged, not charging
    assert not any(t == "ACCUSE" and o == "UN" for t, _, o, _ in got)  # the court is asked to look into it
    assert ("REQUEST", "ZAF", "UN", "occurred") in got


def test_a_states_weapons_as_subject_are_the_state_acting():
    got, _ = events("কিয়েভের কর্মকর্তারা বলছেন, ইউক্রেনের ড্রোনগুলো রাশিয়ার একটি বড় বিমানঘাঁটি ও তেল সংরক্ষণাগার "
                    "লক্ষ্য করে হামলা করেছে।")
    assert ("ASSAULT", "UKR", "RUS", "occurred") in got
    got, _ = events("ইসরায়েলের ড্রোন হামলায় নিহত হয়েছেন ফিলিস্তিনের হামাস নেতা ইসমাইল হানিয়া।")
    assert [(t, s, o) for t, s, o, _ in got] == [("ASSAULT", "ISR", "PSE")]  # (the drone strike: unchanged)


def test_done_on_someones_order_makes_them_the_doer():
    _, res = events("বাংলাদেশের ঢাকায় খালেদা জিয়া কারাগারে ছিলেন। প্রধানমন্ত্রী শেখ হাসিনার নির্বাহী আদেশে তার সাজা "
                    "স্থগিত করা হয়।")
    concede = [e for e in res.events if e.event_type == "CONCEDE"]
    assert concede and concede[0].source.name == "Sheikh Hasina" and concede[0].target.name == "Khaleda Zia"


def test_the_place_shielded_from_an_attack_is_not_the_target_of_a_deployment():
    got, _ = events("ইসরাইলে সম্ভাব্য হামলা ঠেকাতে রোববার যুক্তরাষ্ট্র একটি সাবমেরিন পাঠিয়েছে।")
    assert not any(o == "ISR" for _, _, o, _ in got)


def test_forces_entering_a_foreign_region_attack_it_but_a_leader_entering_visits():
    got, _ = events("গত সপ্তাহে ইউক্রেনীয় বাহিনী রাশিয়ান সীমান্ত অতিক্রম করে রাশিয়ার কুরস্ক অঞ্চলে প্রবেশ করে।")
    assert ("ASSAULT", "UKR", "RUS", "occurred") in got
    got, _ = events("উত্তর কোরিয়ার নেতা কিম জং উন ১২ সেপ্টেম্বর রাশিয়ার ভূখণ্ডে প্রবেশের পর পুতিনের সঙ্গে বৈঠক করেন।")
    assert not any(t == "ASSAULT" for t, _, _, _ in got)


def test_pressure_to_do_an_act_is_no_act():
    got, _ = events("এখন ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে রয়েছে জর্ডান কর্তৃপক্ষ।")
    assert not any(t == "SANCTION" for t, _, _, _ in got)
    got, _ = events("জর্ডান ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন করেছে।")
    assert ("SANCTION", "JOR", "ISR", "occurred") in got


def test_a_protest_announced_or_called_by_a_body_is_held_by_it():
    got, _ = events("বাংলাদেশের ঢাকায় এ ঘটনা। বাংলাদেশের পুলিশ ছিল। ওদিকে ইনকিলাব মঞ্চের চট্টগ্রাম, সিলেট ও রংপুর শাখা আজ "
                    "স্থানীয়ভাবে অবস্থান কর্মসূচি পালনের ঘোষণা দিয়েছে।")
    assert ("PROTEST", "BGD", "BGD") in {(t, s, o) for t, s, o, _ in got}
    got, _ = events("বাংলাদেশের ঢাকায় এ ঘটনা। বাংলাদেশের পুলিশ ছিল। ১৮ ডিসেম্বর বিএনপি ও জামায়াতে ইসলামী আহূত হরতালে "
                    "দেশ অচল হয়ে পড়ে।")
    assert ("PROTEST", "BGD", "BGD") in {(t, s, o) for t, s, o, _ in got}


def test_an_accusation_said_of_someone_is_the_speaker_s_act():
    # frame sp: "X বলেন, Y … ভণ্ডুল করার চেষ্টা করছে" is X accusing Y, occurred whatever the mood
    got, _ = events("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই লাভরভ বলেন, ইউক্রেন শান্তি আলোচনা ভণ্ডুল করার চেষ্টা করছে।")
    assert ("ACCUSE", "RUS", "UKR", "occurred") in got
    got, _ = events("বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর বলেছেন, আওয়ামী লীগ দেশকে অস্থিতিশীল করার ষড়যন্ত্র করছে।")
    assert ("ACCUSE", "BGD", "BGD", "occurred") in got
    # the outlet's own words name no accuser: no event
    got, _ = events("ইউক্রেন শান্তি আলোচনা ভণ্ডুল করার চেষ্টা করছে।")
    assert not any(t == "ACCUSE" for t, _, _, _ in got)
    # a speaker saying it of himself accuses no one
    got, _ = events("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই লাভরভ বলেন, রাশিয়া ব্যর্থ হয়েছে।")
    assert not any(t == "ACCUSE" for t, _, _, _ in got)


def test_a_spoken_accusation_of_possible_involvement_is_made_not_hypothetical():
    # "X বলেন, … Y-এর হাত থাকতে পারে": the accusation is the saying (rule 5)
    got, _ = events("ভারতের কংগ্রেস নেতা শশী থারুর বলেন, বিক্ষোভের কিছু ঘটনায় পাকিস্তানের হাত থাকতে পারে।")
    assert ("ACCUSE", "IND", "PAK", "occurred") in got


def test_a_demonym_right_before_a_case_marked_actor_modifies_it():
    # "পাকিস্তানি আইএসআইয়ের হাত": the demonym is no subject of its own
    got, _ = events("ভারতের কংগ্রেস নেতা শশী থারুর বলেন, বিক্ষোভের কিছু ঘটনায় পাকিস্তানি আইএসআইয়ের হাত থাকতে পারে।")
    assert ("ACCUSE", "IND", "PAK", "occurred") in got


def test_what_is_behind_an_act_said_by_someone_is_an_accusation():
    got, _ = events("যুক্তরাষ্ট্র বলেছে, এই হামলার পেছনে রয়েছে ইরান।")
    assert ("ACCUSE", "USA", "IRN", "occurred") in got
    got, _ = events("এই হামলার পেছনে রয়েছে ইরান।")
    assert not any(t == "ACCUSE" for t, _, _, _ in got)


def test_an_accusation_said_of_someone_with_the_speaker_after_the_clause():
    # "<Y …> বলে অভিযোগ করেছেন X": X accuses Y once — the clause is the claim itself, not an act alleged
    _, res = events("আওয়ামী লীগ দেশকে অস্থিতিশীল করার ষড়যন্ত্র করছে বলে অভিযোগ করেছেন বিএনপির মহাসচিব "
                    "মির্জা ফখরুল ইসলাম আলমগীর।")
    accs = [(e.source.name, e.target.name if e.target else None, e.status) for e in res.events if e.event_type == "ACCUSE"]
    assert accs == [("Mirza Fakhrul Islam Alamgir", "Awami League", "occurred")]
    got, _ = events("আওয়ামী লীগ দেশকে অস্থিতিশীল করার ষড়যন্ত্র করছে বলে জানা গেছে।")
    assert not any(t == "ACCUSE" for t, _, _, _ in got)


def test_a_pronoun_speaker_after_a_discourse_word_still_speaks():
    # "তবে তিনি বলেন, Y … উপেক্ষা করে চলেছে": তিনি is the person last named
    _, res = events("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন শনিবার মস্কোতে ভাষণ দেন। "
                    "তবে তিনি বলেন, ইউক্রেন শান্তি প্রস্তাব উপেক্ষা করে চলেছে।")
    accs = [(e.source.name, e.target.code if e.target else None) for e in res.events if e.event_type == "ACCUSE"]
    assert ("Vladimir Putin", "UKR") in accs
