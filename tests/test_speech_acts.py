"""Speech acts (ACCUSE, REJECT, REQUEST, THREATEN): who speaks, whom at, and the day the words
were said (shared/spec/events.md rules 4 and 5). Constructed sentences in the news register."""

import datetime as dt

from ghotona.model import Article
from ghotona.pipeline import analyse

PUB = dt.date(2024, 8, 13)  # a Tuesday


def events(text: str, published: dt.date = PUB) -> list[tuple[str, str | None, str | None, str, str | None]]:
    res = analyse(Article(article_id="t", raw=text, published=published, published_source="given"),
                  on_error="raise")
    return [(e.event_type, e.source.code, e.target.code if e.target else None, e.status, e.date)
            for e in res.events]


def test_words_going_on_from_a_dated_speaker_are_dated_the_day_he_spoke():
    # (the lead's আজ সোমবার is the day the article reports on, not the day he spoke)
    got = events("আজ সোমবার মস্কোয় নিরাপত্তা বৈঠক হয়েছে। "
                 "রাশিয়ার উপ-পররাষ্ট্রমন্ত্রী সের্গেই রিয়াবকভ গত শুক্রবার বলেন, আলোচনা চলছে। "
                 "তিনি আরও বলেন, ইউক্রেন শান্তি আলোচনা ভণ্ডুল করার চেষ্টা করছে।")
    assert ("ACCUSE", "RUS", "UKR", "occurred", "2024-08-09") in got


def test_a_call_made_together_with_a_dated_rejection_has_its_day():
    got = events("আজ সোমবার ঢাকায় সংবাদ সম্মেলন হয়েছে। "
                 "পররাষ্ট্র উপদেষ্টা তৌহিদ হোসেন গত রোববার ভারতের অভিযোগ প্রত্যাখ্যান করেন। "
                 "একই সঙ্গে তিনি ভারতকে অপপ্রচার থেকে বিরত থাকার আহ্বান জানান।")
    assert ("REQUEST", "BGD", "IND", "occurred", "2024-08-11") in got


def test_a_body_reporting_for_its_owner_says_what_the_paragraph_says():
    got = events("শনিবার ট্রাম্পের প্রচারশিবির জানিয়েছে, তাদের কিছু তথ্য চুরি হয়েছে। এই হ্যাকিংয়ের পেছনে রয়েছে ইরান।")
    assert [e[:3] for e in got if e[0] == "ACCUSE"] == [("ACCUSE", "USA", "IRN")]


def test_a_day_inside_an_earlier_sentence_of_a_quotation_does_not_date_the_saying():
    got = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। "
                 "বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর বলেছিলেন, “আমরা ১০ আগস্ট পর্যন্ত সরকারকে সময় "
                 "দিয়েছিলাম। সরকার ব্যর্থ হয়েছে।”")
    accusations = [e for e in got if e[0] == "ACCUSE"]
    assert accusations and all(e[4] != "2024-08-10" for e in accusations)


def test_a_quoted_claim_of_an_act_is_also_the_claimants_accusation():
    got = events("\"উত্তর কোরিয়া রাশিয়াকে অস্ত্র সরবরাহ করছে,\" দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো বলেন।")
    assert ("AID", "PRK", "RUS", "alleged") in [e[:4] for e in got]
    assert ("ACCUSE", "KOR", "PRK", "occurred") in [e[:4] for e in got]


def test_a_quoted_cooperative_act_accuses_no_one():
    got = events("\"উত্তর কোরিয়া রাশিয়ার সঙ্গে বৈঠক করেছে,\" দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো বলেন।")
    assert not any(e[0] == "ACCUSE" for e in got)


def test_a_call_named_as_a_noun_in_a_speakers_words_is_the_speakers_call():
    got = events("ঢাকায় বিএনপির সমাবেশ হয়েছে। জামায়াতের আমির শফিকুর রহমান বলেন, আইনশৃঙ্খলা বাহিনীর প্রতি আহ্বান থাকবে— চাঁদাবাজদের প্রতিহত করুন।")
    assert ("REQUEST", "BGD", "BGD", "occurred") in [e[:4] for e in got]


def test_a_pronoun_speaker_mid_sentence_is_the_last_person_who_spoke():
    got = events("ভারতের কংগ্রেস নেতা শশী থারুর বলেন, বাংলাদেশ আমাদের বন্ধু। জামায়াতে ইসলামী সেখানে সক্রিয়। "
                 "সীমান্তে ‘উত্তেজনা বাড়ছে’ উল্লেখ করে তিনি আরও বলেন, বিক্ষোভের কিছু ঘটনায় পাকিস্তানের হাত থাকতে পারে।")
    assert ("ACCUSE", "IND", "PAK", "occurred") in [e[:4] for e in got]


def test_a_call_takes_no_actor_from_another_sentence_of_the_quotation():
    got = events("রোববার সাবেক প্রধানমন্ত্রী শেখ হাসিনা বলেছেন, ‘আমি আমেরিকাকে কোনো সুবিধা দিইনি। আমি দেশের জনগণের "
                 "কাছে অনুরোধ করছি, শান্ত থাকুন। সমর্থক ও কর্মীরা মনোবল হারাবেন না।’")
    assert not any(e[0] == "REQUEST" and e[2] == "USA" for e in got)


def test_saying_ones_side_does_not_do_an_act_denies_it_to_the_accuser():
    got = events("শনিবার যুক্তরাষ্ট্র জানিয়েছে, এই হ্যাকিংয়ের পেছনে রয়েছে ইরান।\n\n"
                 "তবে জাতিসংঘে ইরানের মিশন বলেছে, নির্বাচন দেশটির অভ্যন্তরীণ বিষয়। কখনোই এতে হস্তক্ষেপ করে না ইরান।")
    assert ("REJECT", "IRN", "USA", "occurred") in [e[:4] for e in got]


def test_taking_advantage_said_of_someone_is_an_accusation():
    got = events("ভারতের কংগ্রেস নেতা শশী থারুর বলেন, চীন এই পরিস্থিতির সুযোগ নিতে পারে।")
    assert ("ACCUSE", "IND", "CHN", "occurred") in [e[:4] for e in got]
    got = events("চীন এই পরিস্থিতির সুযোগ নিতে পারে।")
    assert not any(e[0] == "ACCUSE" for e in got)


def test_an_act_claimed_with_a_try_is_done_by_the_one_named_inside_the_claim():
    got = events("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র মারিয়া জাখারোভা এই হামলার মাধ্যমে কিয়েভ রুশ জনগণকে "
                 "‘ভয় দেখানোর’ চেষ্টা করছে বলে অভিযোগ করেছেন।")
    assert ("ACCUSE", "RUS", "UKR", "occurred") in [e[:4] for e in got]
    assert not any(e[0] == "THREATEN" and e[1] == "RUS" for e in got)


STORY = ("বাংলাদেশে সহিংসতা চলছে। ঢাকায় বিক্ষোভ হয়েছে। যুক্তরাষ্ট্র বাংলাদেশের পরিস্থিতি পর্যবেক্ষণ করছে।\n\n"
         "সোমবার মার্কিন পররাষ্ট্র দপ্তরের মুখপাত্র ম্যাথিউ মিলার বলেন, আমরা পরিস্থিতি দেখছি। "
         "আমরা সব পক্ষকে সহিংসতা থেকে বিরত থাকার আহ্বান জানাই।\n\n"
         "এছাড়া সকল পক্ষের প্রতি আহ্বান জানিয়েছে যুক্তরাষ্ট্র।")


def test_a_foreign_call_on_all_parties_is_aimed_at_the_state_the_story_is_mostly_about():
    # (Bangladesh is under the share that makes it the article's home, but the most named state)
    assert ("REQUEST", "USA", "BGD", "occurred", "2024-08-12") in events(STORY)


def test_an_undated_call_repeating_a_dated_one_is_the_same_act():
    assert [e for e in events(STORY) if e[:3] == ("REQUEST", "USA", "BGD")] == [
        ("REQUEST", "USA", "BGD", "occurred", "2024-08-12")]


def test_joining_a_genocide_case_against_a_state_accuses_it():
    got = events("আন্তর্জাতিক আদালতে ইসরায়েলের বিরুদ্ধে দক্ষিণ আফ্রিকার করা গণহত্যা মামলায় যুক্ত হয়েছে তুরস্ক।")
    assert ("ACCUSE", "TUR", "ISR", "occurred") in [e[:4] for e in got]


def test_urging_is_a_request_and_what_is_urged_is_not_done():
    got = events("যুক্তরাষ্ট্র ইরানকে আলোচনায় বসার তাগিদ দিয়েছে।")
    assert ("REQUEST", "USA", "IRN", "occurred") in [e[:4] for e in got]
    assert ("CONSULT", "USA", "IRN", "occurred") not in [e[:4] for e in got]


def test_brushing_off_an_accusation_rejects_it():
    got = events("যুক্তরাষ্ট্র রাশিয়ার বিরুদ্ধে হামলার অভিযোগ করেছে। তবে রাশিয়া এই অভিযোগ উড়িয়ে দিয়েছে।")
    assert ("REJECT", "RUS", "USA", "occurred") in [e[:4] for e in got]
    # a match won by a score is no rejection
    got = events("ফাইনালে আর্জেন্টিনাকে ৪-০ গোলে উড়িয়ে দিয়েছে ব্রাজিল।")
    assert not any(e[0] == "REJECT" for e in got)


def test_a_word_containing_a_modal_is_no_hedge():
    from ghotona.events.status import status_of
    s = "তবে এর আগে তিনি সীমান্তে হামলার ব্যাপারে ইসরায়েলকে সতর্ক করেছিলেন।"
    i = s.index("সতর্ক")
    # ব্যাপারে (about) holds পারে (may) but hedges nothing
    assert status_of(s, i, i + len("সতর্ক করেছিলেন"), "করেছিলেন", "ACCUSE") == "occurred"
    s = "তিনি ইসরায়েলকে সতর্ক করতে পারেন।"
    i = s.index("সতর্ক")
    assert status_of(s, i, i + len("সতর্ক করতে"), "করতে", "ACCUSE") == "hypothetical"


def test_a_warning_given_earlier_is_not_dated_the_day_reported_on():
    got = events("আজ সোমবার বৈরুতে হামলা হয়েছে। তবে এর আগে হিজবুল্লাহপ্রধান হাসান নাসরাল্লাহ লেবাননে হামলার "
                 "ব্যাপারে ইসরায়েলকে সতর্ক করেছিলেন।")
    warned = [e for e in got if e[0] == "ACCUSE" and e[2] == "ISR"]
    assert warned and all(e[3] == "occurred" and e[4] is None for e in warned)


def test_needing_no_advice_from_someone_rejects_it_to_them():
    got = events("পররাষ্ট্র উপদেষ্টা তৌহিদ হোসেন বলেন, ভারতের তরফ থেকে দেওয়া 'নসিহতের' প্রয়োজন নেই।")
    assert ("REJECT", "BGD", "IND", "occurred") in [e[:4] for e in got]


def test_a_refused_proposal_is_refused_to_its_owner():
    got = events("রাশিয়া যুক্তরাষ্ট্রের শান্তি প্রস্তাব প্রত্যাখ্যান করেছে।")
    assert ("REJECT", "RUS", "USA", "occurred") in [e[:4] for e in got]
