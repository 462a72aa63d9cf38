"""When the coder dates an act (spec rule 4): what the text says, never the page's day by default."""

import datetime as dt

from ghotona.model import Article
from ghotona.pipeline import analyse

FRIDAY = dt.date(2023, 9, 1)


def dated(text: str, published: dt.date = FRIDAY):
    res = analyse(Article(article_id="t", raw=text, published=published, published_source="given"),
                  on_error="raise")
    return {(e.event_type, e.source.code, e.target.code if e.target else None): (e.status, e.date, e.date_precision)
            for e in res.events}


def test_an_act_kept_up_over_time_is_not_dated_by_the_lead_day():
    got = dated("বৃহস্পতিবার এক ব্রিফিংয়ে উত্তর কোরিয়ার নিন্দা জানিয়েছে যুক্তরাষ্ট্র। "
                "তবে উত্তর কোরিয়া এই অভিযোগ অস্বীকার করে আসছে।")
    assert got[("REJECT", "PRK", "USA")] == ("occurred", None, "none")
    # the same denial told as done on a named day keeps that day
    got = dated("বৃহস্পতিবার এক ব্রিফিংয়ে উত্তর কোরিয়ার নিন্দা জানিয়েছে যুক্তরাষ্ট্র। "
                "তবে উত্তর কোরিয়া এই অভিযোগ অস্বীকার করেছে।")
    assert got[("REJECT", "PRK", "USA")] == ("occurred", "2023-08-31", "day")


def test_the_day_of_a_claim_is_not_the_day_of_the_act_it_alleges():
    got = dated("রাশিয়া এবং উত্তর কোরিয়ার মধ্যে অস্ত্র কেনা-বেচা সংক্রান্ত আলোচনা চলছে বলে বুধবার "
                "এক বিবৃতিতে অভিযোগ করেছে যুক্তরাষ্ট্র।")
    accuse = {k: v for k, v in got.items() if k[0] == "ACCUSE"}
    assert accuse and all(v == ("occurred", "2023-08-30", "day") for v in accuse.values())
    consult = [v for k, v in got.items() if k[0] == "CONSULT"]
    assert consult == [("alleged", None, "none")]


def test_an_act_after_the_one_just_dated_lies_between_it_and_publication():
    text = ("জুলাইতে উত্তর কোরিয়া দোনেৎস্ক ও লুহানস্ককে স্বীকৃতি দেয়। "
            "এ ঘটনার পর ইউক্রেন উত্তর কোরিয়ার সঙ্গে কূটনৈতিক সম্পর্ক ছিন্ন করে।")
    assert dated(text, dt.date(2022, 8, 15))[("SANCTION", "UKR", "PRK")] == ("occurred", "2022", "year")
    assert dated(text, dt.date(2022, 7, 30))[("SANCTION", "UKR", "PRK")] == ("occurred", "2022-07", "month")
    # a year earlier than publication: nothing holds both, so no date
    assert dated(text, dt.date(2023, 2, 1))[("SANCTION", "UKR", "PRK")][1:] == (None, "none")


def test_present_progressive_in_the_outlets_voice_is_the_publication_day():
    got = dated("ইসরায়েল দক্ষিণ আফ্রিকার আবেদনের নিন্দা জানাচ্ছে।")
    assert got[("ACCUSE", "ISR", "ZAF")] == ("occurred", "2023-09-01", "day")
    got = dated("ইসরায়েল দক্ষিণ আফ্রিকার আবেদনের নিন্দা জানিয়েছে।")  # the perfect says no day
    assert got[("ACCUSE", "ISR", "ZAF")][1:] == (None, "none")


def test_an_act_named_by_a_noun_takes_no_lead_day():
    # the lead names Thursday; a condemned attack, named by a noun, is not said to be of that day
    got = dated("বৃহস্পতিবার পুতিন কিমের সঙ্গে বৈঠক করেছেন।\n\nবৈঠকটি দীর্ঘ সময় ধরে চলে।\n\n"
                "এতে নানা বিষয় উঠে আসে।\n\nইউক্রেনের বিরুদ্ধে রাশিয়ার হামলার নিন্দা জানিয়েছে জাপান।")
    assert got[("CONSULT", "RUS", "PRK")][1:] == ("2023-08-31", "day")
    assert got[("ASSAULT", "RUS", "UKR")] == ("occurred", None, "none")
    assert [v[1:] for k, v in got.items() if k[:2] == ("ACCUSE", "JPN")] == [("2023-08-31", "day")]


def test_an_act_of_others_in_a_third_party_quote_is_its_claim():
    res = analyse(Article(article_id="t", published=FRIDAY, published_source="given", raw=(
        "দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো বৃহস্পতিবার সিউলে সাংবাদিকদের সঙ্গে কথা বলেন। "
        "\"উত্তর কোরিয়া রাশিয়াকে অস্ত্র সরবরাহ করছে,\" তিনি বলেন।")), on_error="raise")
    aid = [e for e in res.events if e.event_type == "AID"]
    assert [(e.source.code, e.target.code, e.status, e.date, e.attributed_to) for e in aid] == \
        [("PRK", "RUS", "alleged", None, "Kim Yung-ho")]
    # the same words from one of the two sides are no third party's claim
    res = analyse(Article(article_id="t", published=FRIDAY, published_source="given", raw=(
        "উত্তর কোরিয়ার নেতা কিম জং উন বৃহস্পতিবার সাংবাদিকদের সঙ্গে কথা বলেন। "
        "\"উত্তর কোরিয়া রাশিয়াকে অস্ত্র সরবরাহ করছে,\" তিনি বলেন।")), on_error="raise")
    assert [e.status for e in res.events if e.event_type == "AID"] == ["occurred"]


def test_the_day_given_for_this_incident_dates_what_the_lead_told():
    lead = "ঢাকায় বিএনপির নেতাকর্মীদের ওপর হামলা চালিয়েছে আওয়ামী লীগ। পরে দুই পক্ষের মধ্যে উত্তেজনা ছড়ায়।"
    got = dated(lead + " সোমবার (২৯ ডিসেম্বর) বেলা ১১টার দিকে এই ঘটনা ঘটে।", dt.date(2025, 12, 30))
    assert got[("ASSAULT", "BGD", "BGD")] == ("occurred", "2025-12-29", "day")
    # without the sentence that dates the incident, the attack is undated
    assert dated(lead, dt.date(2025, 12, 30))[("ASSAULT", "BGD", "BGD")] == ("occurred", None, "none")


def test_a_running_total_takes_no_lead_day():
    lead = "মঙ্গলবার গাজায় ইসরায়েলি হামলায় ২০ জন ফিলিস্তিনি নিহত হয়েছেন।\n\nবৈঠকটি দীর্ঘ সময় ধরে চলে।\n\nএতে নানা বিষয় উঠে আসে।"

    def assaults(last: str) -> list[tuple[str | None, str]]:
        res = analyse(Article(article_id="t", published=dt.date(2024, 1, 3), published_source="given",
                              raw=f"{lead}\n\n{last}"), on_error="raise")
        return [(e.date, e.evidence.sentence[:8]) for e in res.events if e.event_type == "ASSAULT"]

    # the war's running total is no act of Tuesday: a second, undated event
    assert assaults("ইসরায়েলি হামলায় এ পর্যন্ত ২২ হাজারের বেশি ফিলিস্তিনি নিহত হয়েছেন।") == \
        [("2024-01-02", "মঙ্গলবার"), (None, "ইসরায়েল")]
    # the same words without a total tell of the lead's day: one event
    assert assaults("ইসরায়েলি হামলায় ২০ জন ফিলিস্তিনি নিহত হয়েছেন।") == [("2024-01-02", "মঙ্গলবার")]


def test_a_pronoun_going_on_from_a_dated_sentence_takes_its_date():
    # তিনি goes on with the story of the sentence before, told with "গত মাসে"
    text = ("গত মাসে নির্বাচনী দৌড় থেকে সরে দাঁড়ান বাইডেন। "
            "ভাইস প্রেসিডেন্ট কমলা হ্যারিসকে সমর্থন দেন তিনি।")
    support = [v for k, v in dated(text).items() if k[0] == "SUPPORT"]
    assert support == [("occurred", "2023-08", "month")]
    # with nothing dated just before, the same act stays undated
    text = ("নির্বাচনী দৌড় থেকে সরে দাঁড়ান বাইডেন। "
            "ভাইস প্রেসিডেন্ট কমলা হ্যারিসকে সমর্থন দেন তিনি।")
    support = [v for k, v in dated(text).items() if k[0] == "SUPPORT"]
    assert support == [("occurred", None, "none")]


def test_the_next_sentence_s_one_day_dates_the_lead_only():
    text = ("সীমান্তে বিএসএফের গুলিতে এক বাংলাদেশি নিহত হয়েছেন। "
            "রোববার রাতে সীমান্তের ওপারে গুলিবিদ্ধ হয়ে তার মৃত্যু হয়। "
            "সোমবার রাত পর্যন্ত মরদেহ ফেরত দেয়নি বিএসএফ। "
            "বিজিবি বিএসএফের সঙ্গে যোগাযোগ করেছে।")
    got = dated(text, dt.date(2024, 8, 13))
    assert got[("ASSAULT", "IND", "BGD")] == ("occurred", "2024-08-11", "day")
    # what is told after it is not said to be of that day
    assert [v[1:] for k, v in got.items() if k[0] == "CONSULT"] == [(None, "none")]
