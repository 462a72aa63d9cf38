"""Acts between states and armed groups: argument attachment on short constructed sentences."""

import pytest

from test_coding import events

# One act each: the text, and an event (type, source code, target code, status) it must yield.
INTERNATIONAL = [
    pytest.param(
        "সীমান্তে বাংলাদেশের নিরাপত্তা জোরদার করা হয়েছে। "
        "মিয়ানমারের বিদ্রোহী গোষ্ঠী আরাকান আর্মির সঙ্গে দেশটির সেনাবাহিনীর সংঘর্ষ চলছে।",
        ("ASSAULT", "MMR", "MMR", "occurred"), id="country_anaphor_beside_a_rebel_group_of_that_country_is_that_country"),
    pytest.param(
        "লোহিত সাগরে মায়ার্সকের একটি পণ্যবাহী জাহাজে হামলা চালিয়েছে হুতিরা।",
        ("ASSAULT", "YEM", "DNK", "occurred"), id="owner_of_a_struck_ship_is_the_target"),
    pytest.param(
        "মায়ার্সক সিলেটার নামের যে জাহাজে হুতিরা হামলা চালিয়েছিল, সেটি বন্দরে ফিরেছে।",
        ("ASSAULT", "YEM", "DNK", "occurred"), id="company_naming_a_struck_ship_is_the_target"),
    pytest.param(
        "হুতি বিদ্রোহীরা জাহাজটিতে ওঠার চেষ্টা করলে মার্কিন হেলিকপ্টার থেকে গুলি করে তিনজনকে হত্যা করা হয়।",
        ("ASSAULT", "USA", "YEM", "occurred"), id="who_fires_from_a_craft_fires_at_the_subject_of_the_if_clause"),
    pytest.param(
        "তালেবানের সঙ্গে চীনের আলোচনায় অগ্রগতি হয়েছে।",
        ("CONSULT", "CHN", "AFG", "occurred"), id="talks_noun_with_a_comitative_partner"),
    pytest.param(
        "পুতিন ও এরদোয়ান জানিয়েছেন, সোচিতে তাদের আলোচনায় অগ্রগতি হয়েছে।",
        ("CONSULT", "RUS", "TUR", "occurred"), id="their_talks_are_between_the_two_subjects"),
    pytest.param(
        "ইউক্রেনের কয়েকটি শহর এখন রাশিয়ার নিয়ন্ত্রণে।",
        ("ASSAULT", "RUS", "UKR", "occurred"), id="land_of_one_state_in_the_hands_of_another_is_occupied"),
    pytest.param(
        "যুক্তরাষ্ট্র ও ব্রিটেন উদ্বেগ জানিয়েছে। বোকো হারাম গত বছর শত শত মানুষকে হত্যা করেছে।",
        ("ASSAULT", "NGA", "NGA", "occurred"), id="people_killed_by_an_armed_group_are_its_states_people"),
    pytest.param(
        "ফ্রান্সের সেনাবাহিনী জানায়, নাইজারের সঙ্গে সমন্বয় করে এসব অভিযান চালানো হয়েছে।",
        ("COOPERATE", "FRA", "NER", "occurred"), id="cooperation_without_a_subject_after_x_said_is_x_s"),
    pytest.param(
        "মার্কিন প্রতিরক্ষামন্ত্রীর নির্দেশে ক্যারিবীয় সাগরে একটি নৌযানের ওপর হামলা চালানো হয়েছে।",
        ("ASSAULT", "USA", None, "occurred"), id="attack_on_an_unnamed_vessel_keeps_its_doer"),
    pytest.param(
        "মস্কোতে নিযুক্ত জার্মানির রাষ্ট্রদূতকে বার্লিনে তলব করা হয়েছে।",
        ("SANCTION", "DEU", "RUS", "occurred"), id="own_envoy_called_home_from_a_host_state_is_a_recall"),
]


@pytest.mark.parametrize(("text", "expected"), INTERNATIONAL)
def test_international(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    got, _ = events(text)
    assert expected in got


def test_rebel_group_beside_the_anaphor_does_not_make_it_the_neighbour():
    got, _ = events("সীমান্তে বাংলাদেশের নিরাপত্তা জোরদার করা হয়েছে। "
                    "মিয়ানমারের বিদ্রোহী গোষ্ঠী আরাকান আর্মির সঙ্গে দেশটির সেনাবাহিনীর সংঘর্ষ চলছে।")
    assert not any(e[0] == "ASSAULT" and "BGD" in (e[1], e[2]) for e in got)


def test_ship_owner_named_before_the_ship_is_not_the_attacker():
    got, _ = events("মায়ার্সক সিলেটার নামের যে জাহাজে হুতিরা হামলা চালিয়েছিল, সেটি বন্দরে ফিরেছে।")
    assert ("ASSAULT", "DNK", "YEM", "occurred") not in got


def test_passive_killing_after_a_firing_participle_is_the_firers_act():
    got, _ = events("হুতি বিদ্রোহীরা জাহাজটিতে ওঠার চেষ্টা করলে মার্কিন হেলিকপ্টার থেকে গুলি করে তিনজনকে হত্যা করা হয়।")
    assert all(e[1] != "YEM" for e in got if e[0] == "ASSAULT")


def test_summons_of_a_foreign_envoy_is_no_recall():
    got, _ = events("ঢাকায় নিযুক্ত ভারতের হাইকমিশনারকে তলব করেছে বাংলাদেশ।")
    assert not any(e[0] == "SANCTION" for e in got)
    assert ("ACCUSE", "BGD", "IND", "occurred") in got


def test_territory_under_control_needs_the_owner_of_the_land():
    got, _ = events("সরকারের নিয়ন্ত্রণে থাকা গণমাধ্যম এ খবর প্রকাশ করেনি।")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_preparing_for_anothers_attack_is_readiness_against_that_attacker():
    got, _ = events("এদিকে, ইউক্রেনও রাশিয়ার পাল্টা আক্রমণের জন্য প্রস্তুতি নিচ্ছে।")
    assert ("MOBILIZE", "UKR", "RUS", "occurred") in got
    assert not any(e[0] == "MOBILIZE" and e[2] is None for e in got)
    got, _ = events("রাশিয়া ইউক্রেনে আক্রমণের প্রস্তুতি নিচ্ছে।")
    assert ("MOBILIZE", "RUS", "UKR", "occurred") in got


def test_backing_an_act_against_y_backs_its_doer():
    got, _ = events("আইসিজেতে ইসরায়েলের বিরুদ্ধে দক্ষিণ আফ্রিকার আইনি পদক্ষেপ নেওয়াকে ওআইসি সমর্থন দিয়েছে।")
    assert ("SUPPORT", "OIC", "ZAF", "occurred") in got
    assert not any(e[0] == "SUPPORT" and e[2] == "ISR" for e in got)


def test_place_someone_was_helped_to_flee_to_is_no_aid_recipient():
    got, _ = events("হত্যাকারীদের ভারতে পালাতে যারা সহায়তা করেছে, তাদের বিচার করতে হবে।")
    assert not any(e[0] == "AID" and e[2] == "IND" for e in got)


def test_mutual_fighting_that_goes_on_has_both_sides():
    # (not লড়াই: mostly a contest, in sport and elections, so the lexicon leaves it out)
    got, _ = events("থাইল্যান্ডের সঙ্গে কম্বোডিয়ার সঙ্ঘর্ষ চলছে।")
    assert any(e[0] == "ASSAULT" and {e[1], e[2]} == {"THA", "KHM"} for e in got)
    got, _ = events("বাংলাদেশের সঙ্গে ভারতের তুমুল লড়াই চলছে।")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_taking_part_in_the_attack_just_told_joins_it():
    got, _ = events("গত সপ্তাহে সিরিয়ায় ইসলামিক স্টেটের বিরুদ্ধে বড় ধরনের হামলা চালিয়েছে যুক্তরাষ্ট্র। "
                    "এতে জর্ডানের বিমানও অংশ নিয়েছে।")
    assert any(e[0] == "ASSAULT" and e[1] == "JOR" and e[2] == "SYR" for e in got)
    assert any(e[0] == "COOPERATE" and e[1] == "JOR" and e[2] == "USA" for e in got)


def test_taking_part_with_no_attack_before_is_nothing():
    got, _ = events("দুই দেশের প্রতিনিধিরা ঢাকায় বৈঠক করেছেন। এতে জর্ডানের প্রতিনিধিও অংশ নিয়েছেন।")
    assert not any(e[0] in ("ASSAULT", "COOPERATE") and e[1] == "JOR" for e in got)


def test_land_held_now_is_no_planned_act():
    got, _ = events("ইউক্রেনের বেশ কিছু এলাকা রাশিয়ার দখলে রয়েছে।")
    assert ("ASSAULT", "RUS", "UKR", "occurred") in got


def test_measure_at_those_missions_is_aimed_at_their_host_state():
    got, _ = events("সম্প্রতি পাকিস্তানে অবস্থিত বাংলাদেশের কূটনৈতিক মিশনগুলোর সামনে বিক্ষোভ হয়েছে। "
                    "এরপর বাংলাদেশ ওই মিশনগুলোতে ভিসা কার্যক্রম বন্ধ করেছে।")
    assert ("SANCTION", "BGD", "PAK", "occurred") in got


def test_that_land_taken_is_the_region_named_before():
    got, _ = events("কিয়েভের কর্মকর্তারা বলেছেন, তাদের হামলায় ক্রিমিয়ায় রাশিয়ার একটি ঘাঁটি ধ্বংস হয়েছে। "
                    "রাশিয়া ২০১৪ সালে ওই উপদ্বীপ দখল করে নিয়েছিল।")
    assert ("ASSAULT", "RUS", "UKR", "occurred") in got


def test_attacker_before_a_ship_in_the_locative_is_no_owner():
    got, _ = events("হুতিরা একটি জাহাজে হামলা চালিয়েছে।")
    assert not any(e[0] == "ASSAULT" and e[2] == "YEM" for e in got)
    got, _ = events("হুতিরা একটি মার্কিন জাহাজে হামলা চালিয়েছে।")
    assert ("ASSAULT", "YEM", "USA", "occurred") in got


def test_counter_attack_is_aimed_at_the_last_attacker_of_the_doers_state():
    got, _ = events("গত সপ্তাহে ইউক্রেনের সেনাবাহিনী রাশিয়ার কুরস্ক অঞ্চলে হামলা চালায়। "
                    "রুশ বাহিনী এখনো পাল্টা হামলার চেষ্টা চালিয়ে যাচ্ছে।")
    assert ("ASSAULT", "RUS", "UKR", "occurred") in got


def test_counter_attack_with_no_attacker_before_is_nothing():
    got, _ = events("রুশ বাহিনী এখনো পাল্টা হামলার চেষ্টা চালিয়ে যাচ্ছে।")
    assert not any(e[0] == "ASSAULT" for e in got)


def test_joint_act_of_a_genitive_pair_is_between_them():
    got, _ = events("দক্ষিণ কোরিয়া ও যুক্তরাষ্ট্রের যৌথ সামরিক মহড়ার নিন্দা জানিয়েছে উত্তর কোরিয়া।")
    assert any(e[0] == "COOPERATE" and {e[1], e[2]} == {"KOR", "USA"} for e in got)


def test_agreeing_to_meet_someone_is_agreeing_with_them():
    got, _ = events("যুক্তরাষ্ট্রের সঙ্গে আলোচনায় বসতে রাজি হয়েছে ইরান।")
    assert ("AGREE", "IRN", "USA", "occurred") in got
    assert ("CONSULT", "IRN", "USA", "planned") in got


def test_own_forces_withdrawn_are_no_target_the_place_left_is():
    got, _ = events("ইসরায়েল গাজা থেকে সেনা প্রত্যাহার করেছে।")
    assert ("RETREAT", "ISR", "PSE", "occurred") in got
    assert ("RETREAT", "ISR", "ISR", "occurred") not in got


def test_bare_name_of_a_strait_is_no_subject():
    got, _ = events("চীনের যুদ্ধজাহাজ তাইওয়ান প্রণালিতে টহল দিচ্ছে।")
    assert not any(e[1] == "TWN" for e in got)


@pytest.mark.parametrize("text", [
    "এর জেরে কলকাতায় অবস্থিত বাংলাদেশের কূটনৈতিক মিশনগুলোকে কেন্দ্র করে হিন্দুত্ববাদী সংগঠনগুলোর বিক্ষোভ দেখা যায়।",
    "নয়াদিল্লিতে বাংলাদেশের হাইকমিশনের সামনে বিক্ষোভ করেছে হিন্দুত্ববাদী সংগঠনগুলো।",
])
def test_protest_at_a_states_mission_is_aimed_at_that_state(text: str):
    got, _ = events(text)
    assert any(e[0] == "PROTEST" and e[1] == "IND" and e[2] == "BGD" for e in got)


def test_deployment_to_ward_off_an_attack_is_aimed_at_the_attacker():
    got, _ = events("ইরানের হামলার পর ইসরায়েলে নতুন করে হামলা চালিয়েছে ইরান। "
                    "ইসরায়েলে সম্ভাব্য হামলা ঠেকাতে রোববার যুক্তরাষ্ট্র একটি সাবমেরিন পাঠিয়েছে।")
    assert ("MOBILIZE", "USA", "IRN", "occurred") in got
    assert ("MOBILIZE", "USA", "ISR", "occurred") not in got


def test_order_to_own_forces_to_ready_an_operation_is_a_mobilisation():
    got, _ = events("গত মাসে সিরিয়ায় অভিযানের প্রস্তুতি নিতে মার্কিন সেনাবাহিনীকে নির্দেশ দিয়েছিলেন প্রেসিডেন্ট জো বাইডেন।")
    assert ("MOBILIZE", "USA", None, "occurred") in got
    assert not any(e[0] == "REQUEST" for e in got)


def test_launching_on_another_states_rocket_is_cooperation():
    got, _ = events("ইরান রাশিয়ার একটি উৎক্ষেপণযান ব্যবহার করে দুটি স্যাটেলাইট কক্ষপথে পাঠিয়েছে।")
    assert ("COOPERATE", "IRN", "RUS", "occurred") in got


def test_agreement_reached_with_no_named_party_is_with_the_last_partner():
    got, _ = events("পুতিন ও এরদোয়ান জানিয়েছেন, সোচিতে তাদের আলোচনায় অগ্রগতি হয়েছে। "
                    "সাংবাদিকদের এরদোয়ান বলেন, বেশির ভাগ বিষয়েই সমঝোতা হয়েছে।")
    assert any(e[0] == "AGREE" and {e[1], e[2]} == {"RUS", "TUR"} for e in got)


def test_agreement_with_no_party_and_no_partner_before_is_nothing():
    got, _ = events("সাংবাদিকদের এরদোয়ান বলেন, বেশির ভাগ বিষয়েই সমঝোতা হয়েছে।")
    assert not any(e[0] == "AGREE" for e in got)


def test_war_at_risk_of_starting_is_hypothetical():
    got, _ = events("ইসরায়েল ও লেবাননের মধ্যে সর্বাত্মক যুদ্ধ শুরুর ঝুঁকি তৈরি হয়েছে।")
    assert not any(e[0] == "ASSAULT" and e[3] == "occurred" for e in got)


def test_people_killed_by_an_armed_group_in_another_state_are_not_its_own():
    got, _ = events("হামাস গত বছর ইসরায়েলে ১২০০ জনকে হত্যা করেছে।")
    assert ("ASSAULT", "PSE", "ISR", "occurred") in got
    assert not any(e[0] == "ASSAULT" and e[1] == "PSE" and e[2] == "PSE" for e in got)


def test_mediating_role_in_talks_between_a_pair_consults_both():
    got, _ = events("হামাস ও ইসরায়েলের মধ্যে আলোচনায় মধ্যস্থতার ক্ষেত্রে কাতার গুরুত্বপূর্ণ ভূমিকা রেখেছে।")
    assert ("CONSULT", "QAT", "PSE", "occurred") in got
    assert ("CONSULT", "QAT", "ISR", "occurred") in got
