"""Lane E: false events found on unannotated dev-half articles, on short invented Bengali
sentences in the register of a Dhaka paper (no corpus text)."""

import datetime as dt

from ghotona.events.status import conditional, status_of
from ghotona.model import Article
from ghotona.pipeline import analyse

PUB = dt.date(2025, 12, 30)  # a Tuesday


def events(text: str, published: dt.date = PUB, title: str | None = None):
    res = analyse(Article(article_id="t", raw=text, title=title, published=published, published_source="given"),
                  on_error="raise")
    return res.events


def _status(sent: str, pred: str, last: str, typ: str) -> str:
    start = sent.index(pred)
    return status_of(sent, start, start + len(pred), last, typ)


def test_contest_between_candidates_is_no_assault():
    # লড়াই of candidates, teams or medal tables is a contest, not fighting
    evs = events("ঢাকা-১৪ আসনে আওয়ামী লীগ ও বিএনপির প্রার্থীর মধ্যে হাড্ডাহাড্ডি লড়াই হবে। "
                 "অলিম্পিকে পদক তালিকায় যুক্তরাষ্ট্র ও চীনের মধ্যে লড়াই শুরু হয়।")
    assert not [e for e in evs if e.event_type == "ASSAULT"]


def test_conditional_with_a_future_main_clause_is_hypothetical():
    sent = "কর্মকর্তারা বলেছেন, যুদ্ধবিরতি হলে বিদ্রোহীরা আবার সংগঠিত হবে।"
    assert _status(sent, "যুদ্ধবিরতি", "যুদ্ধবিরতি", "RETREAT") == "hypothetical"
    sent = "তিনি বলেন, সীমান্তে হামলা চালালে কড়া জবাব দেওয়া হতে পারে।"
    assert _status(sent, "হামলা চালালে", "চালালে", "ASSAULT") == "hypothetical"


def test_temporal_participle_with_a_past_main_clause_is_occurred():
    # "পুলিশ বাধা দিলে সংঘর্ষ বাধে": when it happened, not if; a locative in -ত্বে/-াবে is no future
    sent = "সরকারের পতন হলে বৃহস্পতিবার অধ্যাপক রহমানের নেতৃত্বে নতুন সরকার গঠিত হয়।"
    start = sent.index("পতন")
    assert not conditional(sent, start + len("পতন"), ["পতন", "হলে"])
    assert _status(sent, "পতন", "পতন", "RETREAT") == "occurred"
    sent = "মিছিলে পুলিশ হামলা চালালে দুই পক্ষের সংঘর্ষ বাধে, পরে নেতাদের প্রভাবে তা থামে।"
    assert _status(sent, "হামলা চালালে", "চালালে", "ASSAULT") == "occurred"


def test_demanded_resignation_is_not_a_resignation():
    # "X-এর পদত্যাগের এক দফা দাবি": the resignation is what is demanded
    sent = "ছাত্রনেতারা মন্ত্রীর পদত্যাগের এক দফা দাবি ঘোষণা করেন।"
    assert _status(sent, "পদত্যাগের", "পদত্যাগের", "RETREAT") == "hypothetical"


def test_imperative_appeal_is_not_an_act_done():
    sent = "তিনি বলেন, ‘আপনারা এ নির্বাচন বর্জন করুন।’"
    assert _status(sent, "বর্জন", "বর্জন", "PROTEST") == "hypothetical"
    sent = "বিরোধী দল চায়, সমর্থকেরা এ নির্বাচন বর্জন করুক।"
    assert _status(sent, "বর্জন", "বর্জন", "PROTEST") == "hypothetical"


def test_welcome_and_victory_processions_are_no_protest():
    evs = events("মঙ্গলবার দলের কার্যালয়ের সামনে হাজারো নেতাকর্মী অবস্থান নিয়ে দলীয় প্রধানকে স্বাগত জানান। "
                 "ফল ঘোষণার পর মঙ্গলবার জেলা শহরে আনন্দ মিছিল করেছে বিএনপি।")
    assert not [e for e in evs if e.event_type == "PROTEST"]


def test_campaign_rally_processions_are_no_protest_but_a_protest_there_is():
    title = "পল্টন ময়দানে আওয়ামী লীগের নির্বাচনী জনসভা"
    evs = events("আজ মঙ্গলবার পল্টন ময়দানে আওয়ামী লীগের জনসভা শুরু হয়েছে। "
                 "প্রার্থীরা নেতা-কর্মীদের নিয়ে মিছিল করে জনসভায় যোগ দিচ্ছেন।", title=title)
    assert not [e for e in evs if e.event_type == "PROTEST"]
    evs = events("আজ মঙ্গলবার বেতন বৃদ্ধির দাবিতে রাজধানীতে বিক্ষোভ মিছিল করেছে বিএনপি।", title=title)
    assert [e for e in evs if e.event_type == "PROTEST"]


def test_pluperfect_act_keeps_only_the_year_of_the_news_day():
    # the news day (আজ মঙ্গলবার) is the day reported on; an act told in the pluperfect was before it
    evs = events("আজ মঙ্গলবার ঢাকায় বিএনপি সমাবেশ করেছে। "
                 "পুলিশ বিএনপি মহাসচিব মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করেছিল।")
    coerce = [e for e in evs if e.event_type == "COERCE"]
    assert [(e.date, e.date_precision) for e in coerce] == [("2025", "year")]
    evs = events("আজ মঙ্গলবার ঢাকায় বিএনপি সমাবেশ করেছে। "
                 "পুলিশ বিএনপি মহাসচিব মির্জা ফখরুল ইসলাম আলমগীরকে গ্রেপ্তার করেছে।")
    assert [(e.date, e.date_precision) for e in evs if e.event_type == "COERCE"] == [("2025-12-30", "day")]
    # a procession (মিছিল) is no pluperfect verb
    from ghotona.events.coding import PLUPERFECT
    assert PLUPERFECT.match("মিছিল") is None and PLUPERFECT.match("হয়েছিল") is not None


def test_genitive_doer_of_an_attack_that_hurt_others_is_not_its_target():
    # "X-দের হামলায় আহত সেনাদের দেখতে যান Y": the protesters attacked; the army chief who visits
    # the wounded did not attack the protesters
    evs = events("আইএসপিআর জানায়, সেনাবাহিনী প্রধান জেনারেল ওয়াকার-উজ-জামান খুলনার দিঘলিয়ায় "
                 "বিক্ষোভকারীদের হামলায় আহত কর্মকর্তা ও সৈনিকদের দেখতে সোমবার যশোর সিএমএইচ যান।")
    assert not [e for e in evs if e.event_type == "ASSAULT" and e.source.name == "Waker-uz-Zaman"]
