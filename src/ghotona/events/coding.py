"""The event coder: who did what to whom, per clause, then merged per article.

For each sentence: find lexicon predicates; cut the sentence into clauses at each
predicate; give each predicate the actors of its clause by their case roles
(``roles.role_of``); expand coordinated subjects and objects (rule 2); decide status
(``status``), date (nearest date in the clause, then the sentence lead, then the paragraph
lead, then the day the article's lead reports on; an act told in the present progressive is
going on the day the outlet publishes — never the publication date merely by default), place
and attribution; finally keep one event per (type, source, target, date) in the article
(rule 1), telling apart same-state acts on differently named targets.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib.resources
import logging
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from ghotona.actors.gazetteer import GazetteerError, Institution, load_gazetteer, read_tsv
from ghotona.actors.text import normalize_surface
from ghotona.events.lexicon import Predicate, PredicateMatch, load_lexicon
from ghotona.events.roles import OBJECT_ENDINGS, conjunct_role, coordinated, role_of
from ghotona.errors import DataFileError
from ghotona.events.status import VERBAL_NOUN, WORD, status_of
from ghotona.model import Actor, Article, DateValue, Event, Evidence, Mention, Place, Sentence, stable_id

LOGGER = logging.getLogger(__name__)

TARGET_ROLES = ("OBJ", "COM", "AGAINST", "ON", "TO", "BETWEEN")
REPORTING = regex.compile(
    r"(?:বলেছে|বলেছেন|বলেন|বলেছিল|বলেছিলেন|বলছে|বলছেন|বললেন|জানালেন|জানিয়েছে|জানিয়েছেন|জানিয়েছিল|জানিয়েছিলেন|জানান|জানায়"
    r"|জানাচ্ছে|জানাচ্ছেন|লিখেছেন|লিখেছে|নিশ্চিত\s+করেছে|উল্লেখ\s+করেন)"
    r"\s*,?\s*(?:যে\s+)?")
# Where a new clause's arguments start: after a reporting verb (X বলেছে যে …), after a
# subordinate clause closed by a comma (… সফরের পর, / … কারণে,), after a semicolon.
BREAKS = regex.compile(
    REPORTING.pattern
    + r"|(?<![\p{L}\p{M}])(?:পর|পরে|আগে|কারণে|সময়|ফলে|হলে|লক্ষ্যে|উপলক্ষে|মধ্যেই|মধ্যে|বলে)\s*,\s*"
    + r"|(?<![\p{L}\p{M}])(?:অভিযোগ|দাবি|দাবী)\s*,\s*"
    # (a word run starts after a non-letter, or where the search or the last match left off:
    # the same matches as without the guard, without retrying at every letter of every word)
    + r"|(?:(?<![\p{L}\p{M}])|\G)[\p{L}\p{M}]+(?:ার|ের|নোর)\s+(?:পর|পরে|আগে)(?:ই|ও)?\s+"
    + r"|;\s*|(?:(?<![\p{L}\p{M}])|\G)[\p{L}\p{M}]+(?:ে|য়ে)\s*,\s+(?=\S)"
    + r"|(?<![\p{L}\p{M}])(?:এদিকে|অন্যদিকে)\s+"  # a new thread of the story starts here
    + r"|(?<![\p{L}\p{M}])(?:করলে|চাইলে|দিলে|নিলে|গেলে|এলে|থাকলে|চালালে)\s+")  # X ওঠার চেষ্টা করলে, Y …
# A subject pronoun anywhere in a sentence (… আহ্বান জানিয়েছেন তিনি।, বৈঠকও করেন তিনি।).
PRONOUN_ANYWHERE = regex.compile(r"(?<![\p{L}\p{M}])(?:তিনি|তারা|তাঁরা)(?:ও|ই)?(?![\p{L}\p{M}])")
LEAD_DATE = regex.compile(r"^\s*\S+(?:\s+\S+){0,3}\s*,")


@dataclass(frozen=True, slots=True)
class _Clause:
    pred: PredicateMatch
    start: int        # absolute offset where the clause's arguments may start
    end: int          # absolute offset after the predicate
    after_end: int    # absolute offset up to which post-verbal subjects may stand
    sent_end: int = 0  # absolute end of the sentence
    sent_start: int = 0  # absolute start of the sentence


class _ByStart(list):  # type: ignore[type-arg]
    """An article's mentions in order of start, with the starts, so :func:`_within` can bisect
    (the coder asks for the mentions of a span some hundred times per article)."""

    __slots__ = ("starts",)

    def __init__(self, ms: Iterable[Mention]) -> None:
        super().__init__(sorted(ms, key=lambda m: m.start))  # (stable: ties keep their order)
        self.starts = [m.start for m in self]


def _within(ms: Sequence[Mention], start: int, end: int) -> list[Mention]:
    """The mentions of ``ms`` inside ``[start, end)``, in the order of ``ms``."""
    if type(ms) is not _ByStart:
        return [m for m in ms if m.start >= start and m.end <= end]
    out = []
    for i in range(bisect.bisect_left(ms.starts, start), len(ms)):
        m = ms[i]
        if m.start > end:
            break
        if m.end <= end:
            out.append(m)
    return out


# A verbal noun followed by these names a topic (দেওয়ার প্রসঙ্গে, থাকার বক্তব্যের), not an act.
TOPIC_AFTER = regex.compile(r"\s+(?:(?:একটি|এই|ওই)\s+)?(?:প্রসঙ্গ|বক্তব্য|মন্তব্য|বিষয়ে|বিষয়টি|ব্যাপারে\s+প্রশ্ন"
                            r"|প্রক্রিয়া|রূপরেখা|(?:অভ্যন্তরীণ\s+|আন্তর্জাতিক\s+)?চাপে|(?:অভ্যন্তরীণ\s+|আন্তর্জাতিক\s+)?চাপের\s+মুখে"
                            r")[\p{L}\p{M}]*")  # (সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে: under pressure to, not done)  # হস্তান্তরের প্রক্রিয়া: the process, not the act


LIGHT_VN_AFTER = regex.compile(r"\s+(?:করার|দেওয়ার|দেয়ার|নেওয়ার|নেয়ার|চালানোর)(?![\p{L}\p{M}])")


def _verbal_noun(p: PredicateMatch, text: str) -> bool:
    """A predicate ending in a genitive verbal noun (উৎক্ষেপণের, চালানোর, করার): not finite."""
    return bool(VERBAL_NOUN.search(text[p.start:p.end]))


def _clauses(sent: Sentence, preds: list[PredicateMatch], text: str) -> list[_Clause]:
    """One clause per predicate.

    A verb predicate's arguments stand between the previous verb predicate (or a
    reporting verb, or a subordinate-clause break) and it; predicate nouns (বৈঠকের পর,
    সফরের সময়) do not cut verb clauses, and get a short window of their own.
    """
    out: list[_Clause] = []
    prev_verb_end = sent.start
    prev_any_end = sent.start
    verbs = [p for p in preds if p.predicate.pos == "verb"]
    for p in preds:
        p_start, p_end = sent.start + p.start, sent.start + p.end
        start = prev_verb_end if p.predicate.pos == "verb" else prev_any_end
        start = min(start, p_start)
        for m in BREAKS.finditer(text, start, p_start):
            start = m.end()
        later = [sent.start + v.start for v in verbs if sent.start + v.start >= p_end]
        out.append(_Clause(p, start, p_end, later[0] if later else sent.end, sent.end, sent.start))
        prev_any_end = max(prev_any_end, p_end)
        if p.predicate.pos == "verb" and not _verbal_noun(p, sent.text):
            prev_verb_end = p_end  # a verbal noun (উৎক্ষেপণের জন্য) leaves its clause open
    return out


DAY_ANAPHOR = regex.compile(r"(?<![\p{L}\p{M}])(?:সেদিন|সেদিনই|একই\s+দিনে?|এদিন|ওইদিন|ওই\s+দিন|ঐদিন|ওই\s+দিনই)"
                            r"(?![\p{L}\p{M}])")


SAID = regex.compile(r"(?<![\p{L}\p{M}])বলে(?![\p{L}\p{M}])")
# "২২ হাজারের বেশি ফিলিস্তিনি নিহত হয়েছেন", "এ পর্যন্ত … নিহত": a running total of a war or a
# campaign, not an act of the news day.
RUNNING_TOTAL = regex.compile(r"[\p{N}]+\s*(?:হাজার|লাখ|লক্ষ)|(?<![\p{L}\p{M}])(?:এ|এখন)\s+পর্যন্ত(?![\p{L}\p{M}])"
                              r"|(?<![\p{L}\p{M}])সর্বমোট(?![\p{L}\p{M}])")
# "অস্বীকার করে আসছে", "দাবি করে আসছেন": an act kept up over time, not one of the news day.
HABITUAL = regex.compile(r"\s*(?:করে\s+)?আস(?:ছে|ছেন|ছিল|ছিলেন|ছিলো)(?![\p{L}\p{M}])")

# Dates that point back (গত সপ্তাহে, দুই দিন আগে, গতকাল): never the date of a planned act.
PAST_DATE = regex.compile(r"গত|আগে|পূর্বে|গতকাল")
SAME_DAY = regex.compile(r"(?<![\p{L}\p{M}])(?:একই\s+দিনে?|এদিন)(?![\p{L}\p{M}])")


def _pick_date(dates: list[Mention], clause: _Clause, sent: Sentence, para_lead: Mention | None,
               text: str, lead_day: Mention | None = None, future: bool = False) -> Mention | None:
    """The nearest date before the predicate in its clause, else for একই দিনে/এদিন the day the
    article's lead reports on, else (for সেদিন/ওইদিন) the last day-precise date before it,
    else the sentence's lead date, else the paragraph's lead date; never the publication date."""
    in_clause = _within(dates, clause.start, clause.end)
    if in_clause:
        return in_clause[-1]
    if lead_day is not None and lead_day.end <= clause.start and SAME_DAY.search(text, clause.start, clause.end):
        return lead_day
    if DAY_ANAPHOR.search(text, clause.start, clause.end):
        earlier = [d for d in dates if d.end <= clause.start and d.date is not None and d.date.precision == "day"]
        if earlier:
            return earlier[-1]
    in_sent = [d for d in _within(dates, sent.start, sent.end) if d.end <= clause.end]
    if future:  # a planned act is not dated by a past date of another clause (গত সপ্তাহে … দেখা করতে সম্মত)
        in_sent = [d for d in in_sent if d.future is not None or PAST_DATE.search(d.text) is None]
    if in_sent:
        return in_sent[0]
    after = _within(dates, clause.end, clause.after_end)  # গ্রেপ্তার হন ২০১৮ সালে: a post-verbal adjunct
    if after and "," not in text[clause.end:after[0].start] and not SAID.search(text, clause.end, after[0].start):
        return after[0]  # (but "<act> বলে বুধবার অভিযোগ করেছে": that day is the claim's)
    return para_lead


def _date_value(m: Mention | None, future: bool) -> DateValue:
    if m is None or m.date is None:
        return DateValue.none()
    dv = m.future if (future and m.future is not None) else m.date
    if dv.date is None:
        return DateValue.none()
    return DateValue(dv.date, dv.precision, m.text)


@dataclass(slots=True)
class _Args:
    sources: list[Mention]
    target: Mention | None
    symmetric: bool
    more: list[Mention] = field(default_factory=list)  # further conjoined targets (X ও Y-কে)


PASSIVE = regex.compile(r"^\s*(?:করা|দেওয়া|দেয়া|নেওয়া|হয়|হয়েছে|হয়েছিল|হবে|হচ্ছে)")


def _coordinated_run(first: Mention, pool: list[Mention], text: str) -> list[Mention]:
    run = [first]
    for m in pool:
        if m.start > run[-1].start and coordinated(text, run[-1], m):
            run.append(m)
    return run


MODIFIER_GAP = regex.compile(r"\s+(?:(?:ড্রোন|বিমান|বোমা|রকেট|ক্ষেপণাস্ত্র|সামরিক|সেনা)\s+)?$")


def _pred_start(clause: _Clause) -> int:
    return clause.end - (clause.pred.end - clause.pred.start)


# X-এর সমালোচনা, X-এর আবেদনের নিন্দা: nothing, or one genitive noun, between X and the predicate
GEN_OBJECT = regex.compile(r"\s*(?:[\p{L}\p{M}]+(?:ের|ার|র)\s+)?(?:(?:এক|একটি)\s+)?$"
                           # X-এর (ওই) বক্তব্য প্রত্যাখ্যান, X-এর সিদ্ধান্তকে স্বাগত: what X said or did
                           r"|\s*(?:(?:ওই|এই|সেই|ঐ)\s+)?(?:বক্তব্য|দাবি|দাবী|প্রস্তাব|অভিযোগ|আহ্বান|সিদ্ধান্ত|মন্তব্য"
                           r"|পরিকল্পনা|উদ্যোগ|ঘোষণা|আবেদন|অনুরোধ|আমন্ত্রণ)(?:টি|গুলো|গুলি|সমূহ)?(?:কে|ও)?"
                           # X-এর এই বক্তব্যের সাথে একমত: agreeing with what X said
                           r"(?:(?:ের|র)\s+(?:সাথে|সঙ্গে)(?:ও|ই)?)?\s+$"
                           # দিল্লির ভূমিকাকে সম্পূর্ণ 'অগ্রহণযোগ্য' বলে, X-এর পদক্ষেপকে স্বাগত: what X does, judged
                           r"|\s*(?:(?:ওই|এই|সেই|ঐ)\s+)?(?:ভূমিকা|পদক্ষেপ|আচরণ|কর্মকাণ্ড|অবস্থান|হস্তক্ষেপ|তৎপরতা)"
                           r"(?:টি|গুলো|গুলি|সমূহ)?(?:কে)\s+(?:[\p{L}\p{M}]+\s+){0,2}[\'‘\"“]?$")
# X-এর <up to three words>-এর জন্য <predicate>: what the thanks are for is X's
GEN_FOR = regex.compile(r"(?:\s+[\p{L}\p{M}]+){1,3}?(?:ের|র)\s+জন্য\s+$")
COM_BEFORE = regex.compile(r"\s*(?:সঙ্গে|সাথে)\s*$")  # X-এর সঙ্গে Y-এর <noun>
NEAR_NOUN = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,1}$")


def _noun_arguments(window: list[Mention], roles: dict[int, str], text: str, end: int = 0,
                    frame: str = "st") -> _Args | None:
    """A predicate noun needs its arguments spelled out next to it: X ও Y-এর মধ্যে বৈঠক,
    X-এর Y সফর, X কর্তৃক নিষেধাজ্ঞা, X-এর বিরুদ্ধে হামলা."""
    between = [m for m in window if roles[id(m)] == "BETWEEN"]
    if between:
        partner = between[-1]
        left = [m for m in window if m.end <= partner.start and coordinated(text, m, partner)]
        if left:
            return _Args([left[-1]], partner, True)
        return None
    agents = [m for m in window if roles[id(m)] == "AGENT"]
    gens = [m for m in window if roles[id(m)] == "GEN"]
    targets = [m for m in window if roles[id(m)] in TARGET_ROLES and roles[id(m)] != "COM"]
    noms = [m for m in window if roles[id(m)] == "NOM"]
    objs = [m for m in window if roles[id(m)] == "OBJ"]
    # "তেহরানের অতিথি হানিয়াকে হত্যার জবাব": a genitive before the noun's object is not its doer
    gens = [g for g in gens if not any(o.start > g.end for o in objs)]
    source = agents[-1] if agents else (gens[-1] if gens else None)
    adjacent = [m for m in noms if m.actor is not None and m.actor.code and MODIFIER_GAP.match(text, m.end, end)]
    if not agents and adjacent and gens and gens[-1].end <= adjacent[-1].start and frame == "st" \
            and not targets and MODIFIER_GAP.match(text, gens[-1].end, adjacent[-1].start):
        # "পুতিনের উত্তর কোরিয়া সফর", "ইসরায়েলের গাজা হামলা": the genitive is the doer, the bare
        # name beside the noun what it is done to
        return _Args([gens[-1]], adjacent[-1], False)
    if not agents and adjacent:  # ইসরায়েলি ড্রোন হামলা, মার্কিন নিষেধাজ্ঞা: the modifier is the doer
        source = adjacent[-1]
        noms = [m for m in noms if m is not source]
    if source is None:
        return None
    if frame == "s":  # শেখ হাসিনার পদত্যাগের পর: the doer stands right before the noun
        country = source.resolved_by == "gazetteer" and source.actor is not None and \
            load_gazetteer().code_name(source.actor.code or "") == source.actor.name
        near = NEAR_NOUN.match(text, source.end, end)
        return _Args([source], None, False) if near and not country else None  # বাংলাদেশের বিক্ষোভ: a place
    target = targets[-1] if targets else next((m for m in noms if m.start > source.start), None)
    coms = [m for m in window if roles[id(m)] == "COM" and m is not source
            and (m.start > source.start or COM_BEFORE.match(text, m.end, source.start))]
    if target is None and coms:
        return _Args([source], coms[-1], True)
    if target is None:
        return None
    return _Args([source], target, False)


# পরস্পরকে, একে অপরকে: each of the joined subjects does it to the other.
RECIPROCAL = regex.compile(r"(?<![\p{L}\p{M}])(?:পরস্পর|একে\s+অপর|একে\s+অন্য)[\p{L}\p{M}]*")


# দুই পক্ষের পররাষ্ট্রমন্ত্রীরা, দেশ দুটি, উভয় দেশ as a subject: the two states last named.
PAIR_ANAPHOR = regex.compile(r"(?<![\p{L}\p{M}])(?:(?:দুই|২|উভয়)\s+(?:দেশ|পক্ষ|নেতা|রাষ্ট্র)(?:ই|ও|ের\s+(?!মধ্যে)\S+(?:রা|গণ)"
                             # দুই দেশের মধ্যে সমঝোতা হয়েছে: between the two, the two do it together
                             r"|ের\s+(?:মধ্যে|মধ্যকার|মাঝে)(?:ও)?)?"
                             r"|(?:দেশ|পক্ষ|নেতা)\s+দুটি(?:ও|ই)?)(?![\p{L}\p{M}])")


def _last_pair(actors: list[Mention], before: int) -> tuple[Mention, Mention] | None:
    """The last two different states named before ``before``: whom "the two sides" means."""
    picked: list[Mention] = []
    for m in reversed([m for m in actors if m.end <= before and m.actor is not None and m.actor.code]):
        if all(p.actor is not None and p.actor.code != m.actor.code for p in picked):
            picked.append(m)
        if len(picked) == 2:
            return picked[1], picked[0]
    return None


def _side(m: Mention, anaphor: regex.Match[str]) -> Mention:
    """A state named by "দুই পক্ষ", coded as that state and spanning the anaphor's words."""
    assert m.actor is not None
    code = m.actor.code or ""
    name = load_gazetteer().code_name(code) or m.actor.name
    return Mention("actor", anaphor.start(), anaphor.end(), anaphor.group(),
                   actor=Actor(m.actor.code, name, "GOV", anaphor.group()), resolved_by="anaphor")


# "এই ২ দেশকে", "ওই দুই অঞ্চলকে": the two just named, as the object.
OBJECT_PAIR = regex.compile(r"(?<![\p{L}\p{M}])(?:এই|ওই|ঐ)\s+(?:২|দুই|দুটি)\s+(?:দেশ|অঞ্চল|প্রদেশ|রাষ্ট্র)(?:কে|কেও)"
                            r"(?![\p{L}\p{M}])")


# Endings of non-finite predicates (করা, করার, চালানোর, করতে) whose objects may follow them.
NON_FINITE_END = regex.compile(r"(?:া|ার|ের|নোর|তে)$")
# At most two words between a finite verb and an object after it.
SHORT_GAP = regex.compile(r"^\s*(?:[\p{L}\p{M}]+\s+){0,2}$")


# Object pronouns (তাকে, তাঁদেরকে) that stand for an actor named before.
OBJ_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:তাকে|তাঁকে|তাদেরকে|তাঁদেরকে|তাকেও|তাঁকেও)(?![\p{L}\p{M}])")


# তাদের right before the predicate is its object (তাদের গ্রেপ্তার করে পুলিশ).
BARE_OBJ_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:তাদের|তাঁদের)\s*$")
# তার/তাঁর right before a noun-and-light-verb predicate of these types is its object.
BARE_POSSESSIVE = regex.compile(r"(?<![\p{L}\p{M}])(?:তার|তাঁর)\s*$")
POSSESSED_OBJECT_TYPES = frozenset({"CONCEDE", "COERCE", "ACCUSE", "SUPPORT", "SANCTION"})
# "X-এর সঙ্গে" standing (at most two words) right before a one-sided predicate is its target.
# "X-এর সঙ্গে কাজ করতে প্রতিশ্রুতিবদ্ধ/প্রস্তুত": committed to working with X is an intent toward X.
WORK_WITH = regex.compile(r"(?:\s*(?:ও|এবং)\s+(?:[\p{L}\p{M}]+\s+){0,2}[\p{L}\p{M}]+(?:ের|র|দের))?\s*(?:সঙ্গে|সাথে)(?:ও|ই)?\s+(?:একসঙ্গে\s+|একযোগে\s+)?(?:কাজ|সহযোগিতা)\s+(?:করতে|করার)"
                          r"(?:\s+[\p{L}\p{M}]+){0,3}?\s+$")
NEAR_COM = regex.compile(r"\s*(?:সঙ্গে|সাথে|সংগে)(?:ও|ই)?\s+(?:[\p{L}\p{M}]+\s+){0,2}$")


# Types whose doer may be named as the owner of the forces moved (মার্কিন সেনাদের প্রত্যাহার).
OWNED_FORCES_TYPES = frozenset({"MOBILIZE", "RETREAT"})
FORCES_BEFORE = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,1}(?:সেনা|সৈন্য|সদস্য|বাহিনী|যুদ্ধজাহাজ|যুদ্ধবিমান|রণতরী"
                           r"|সাবমেরিন|ডুবোজাহাজ|ট্যাংক|ট্যাঙ্ক)[\p{L}\p{M}]*"
                           r"(?:\s+(?:ও|এবং)(?=\s*$))?\s*$")  # চীনের যুদ্ধজাহাজ ও যুদ্ধবিমান মোতায়েন


# Types whose goal may be named by a locative (ইসরায়েলে হামলা, গাজায় অভিযান, সীমান্তে সেনা মোতায়েন).
LOCATIVE_GOAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "AID"})
LOCATIVE = ("য়", "এ", "তে", "ে", "য়", "য়ও", "তেও", "েও")


IN_AREA = regex.compile(r"(?:\s+[\p{L}\p{M}\p{N},]+){0,3}?\s+(?:[\p{L}\p{M}]*(?:অঞ্চলে|শহরে|এলাকায়|ভূখণ্ডে"
                       r"|সীমান্তে|অভ্যন্তরে|উপকূলে|আকাশসীমায়|জলসীমায়|স্থানে|স্থাপনায়|ঘাঁটিতে)|ভেতরে|ভিতরে"
                       r"|বাইরে|কাছে)(?![\p{L}\p{M}])")
# An attack noun in the instrumental-locative (হামলায়, আক্রমণে, গোলাবর্ষণে): what it did follows.
IN_ATTACK = regex.compile(r"(?:য়|তে|ণে|র্ষণে)$")


# A charge named by its crime (গণহত্যার অভিযোগ, দুর্নীতির মামলা), not a bare অভিযোগ.
CRIME_CHARGE = regex.compile(r"(?!অভিযোগ)[\p{L}\p{M}]+(?:ের|র)\s+(?:অভিযোগ|মামলা)")
CALLED_BY = regex.compile(r"\s+(?:আহূত|আহুত|ঘোষিত)\s+$")
ANNOUNCED = regex.compile(r"\s+(?:(?:পালনের|পালন|করার|শুরুর)\s+)?(?:ঘোষণা|ডাক)\s+(?:দি|দে)[\p{L}\p{M}]*")
ARRIVE = regex.compile(r"\s+(?:এসেছে|এসেছেন|এসেছিল|এসেছিলেন|আসছে|আসছেন|আসবে|আসবেন|গেছে|গেছেন|গিয়েছে|গিয়েছেন"
                    r"|যাচ্ছে|যাচ্ছেন|যাবে|যাবেন|পৌঁছেছে|পৌঁছেছেন|পৌঁছায়|পৌঁছান)(?![\p{L}\p{M}])")
HOSTILE_GOAL_TYPES = frozenset({"ASSAULT", "SANCTION", "THREATEN", "MOBILIZE"})
BARE_COUNTRY = regex.compile(r"(?<![\p{L}\p{M}])দেশটি(?:র|তে|কে)(?:ও)?(?![\p{L}\p{M}])")


def _country_anaphor(actors: list[Mention], text: str, clause: _Clause, doer: Mention) -> Mention | None:
    """A bare দেশটির/দেশটিতে/দেশটিকে in the clause, not part of a named actor: the state last named
    before it other than the doer's, as an actor."""
    gaz = load_gazetteer()
    for hit in BARE_COUNTRY.finditer(text, clause.start, _pred_start(clause)):
        if hit.start() < doer.end or any(m.start <= hit.start() < m.end for m in actors):
            continue
        before = [m for m in actors if m.end <= hit.start() and m.actor is not None and m.actor.code
                  and m.actor.code != doer.actor.code and gaz.code_name(m.actor.code) == m.actor.name]
        if before:
            b = before[-1]
            return Mention("actor", hit.start(), hit.end(), hit.group(), resolved_by="anaphor",
                           actor=Actor(b.actor.code, b.actor.name, b.actor.sector, hit.group()))
    return None


SHIELDED = regex.compile(r"\s+(?:সম্ভাব্য|সম্ভব্য|সম্ভাব্য\s+পাল্টা|পাল্টা|যেকোনো|যে\s+কোনো)?\s*(?:হামলা|আক্রমণ)\s+"
                         r"(?:ঠেকাতে|ঠেকানোর|প্রতিরোধে|প্রতিরোধের|মোকাবিলায়|মোকাবিলার)(?![\p{L}\p{M}])")


def _locative_goal(window: list[Mention], roles: dict[int, str], places: list[Mention], clause: _Clause,
                   source: Mention | None, text: str = "") -> Mention | None:
    # (not the place shielded: "ইসরাইলে সম্ভাব্য হামলা ঠেকাতে … সাবমেরিন পাঠিয়েছে" is aimed at the attacker)
    locs = [m for m in window if roles[id(m)] == "LOC" and not (text and SHIELDED.match(text, m.end))]
    if locs:
        return locs[-1]
    src_code = source.actor.code if source is not None and source.actor is not None else None
    for m in reversed(window):  # রাশিয়ার কুরস্কসহ একাধিক অঞ্চলে, দেশটির ৩০ কিলোমিটার ভেতরে
        if roles[id(m)] == "GEN" and m.actor is not None and m.actor.code and m.actor.code != src_code \
                and IN_AREA.match(text, m.end, clause.end):
            return m
    src_code = source.actor.code if source is not None and source.actor is not None else None
    for m in reversed(_within(places, clause.start, clause.end)):
        if m.place is not None and m.place.code and m.place.code != src_code and (m.suffix or "").endswith(LOCATIVE) \
                and not (text and SHIELDED.match(text, m.end)):
            return _place_actor(m)
    return None


@functools.cache
def _seats() -> dict[str, str]:
    """Place name -> the state it stands for, for capitals and seats of government."""
    return {p.name: p.actor for p in load_gazetteer().places if p.actor and p.kind == "capital"}


def _place_actor(m: Mention) -> Mention:
    """A place taken as an actor (পিয়ংইয়ং সফর করেন, হামলা চালানো হয় খারকিভে): it stands for
    its state; a capital is named as the state itself (rule 6: the canonical name of the
    actor, not of the city), other places keep their own name."""
    assert m.place is not None
    state = _seats().get(m.place.name or "")
    name = load_gazetteer().code_name(state) if state else m.place.name
    return Mention("actor", m.start, m.end, m.text, actor=Actor(m.place.code, name, None, m.text),
                   suffix=m.suffix, resolved_by="place")


def _struck_place(places: Sequence[Mention], clause: _Clause, doer: Mention) -> Mention | None:
    code = doer.actor.code if doer.actor is not None else None
    for m in reversed(_within(places, clause.start, clause.after_end)):
        if m.place is not None and m.place.code and m.place.code != code:
            return _place_actor(m)
    return None


# "X-এর/X-ই (ড্রোন|বিমান) হামলায়/গুলিতে …": X is the doer of what befell the subject.
BY_MEANS = regex.compile(r"(?:র|এর|ের)?\)?\s+(?:(?:পাল্টা|ড্রোন|বিমান|বোমা|রকেট|ক্ষেপণাস্ত্র|সেনাদের|সেনাবাহিনীর|বাহিনীর|পুলিশের"
                         r"|বিমান|গুলি|সন্ত্রাসী|হামলাকারীদের)\s+){0,2}(?:হামলায়|হামলাতে|আক্রমণে|গুলিতে|গোলায়|গোলাবর্ষণে"
                         r"|বোমাবর্ষণে|বোমা\s+হামলায়|বিমান\s+হামলায়|ড্রোন\s+হামলায়|হাতে|অভিযানে)(?![\p{L}\p{M}])")


PARTICIPLE = regex.compile(r"(?:করে|দিয়ে|জানিয়ে|চালিয়ে|তুলে|করতে|দিতে|নিতে|জানাতে|চালাতে)$")


IMPLIED_AGENT_TYPES = frozenset({"COERCE", "CONCEDE", "ASSAULT"})
FROM_PLACE = regex.compile(r"\s*থেকে(?![\p{L}\p{M}])")
PREMISES_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN"})
PASSIVE_IN = regex.compile(r"(?:করা|দেওয়া|দেয়া|চালানো|পাঠানো|নেওয়া)\s+(?:হয়|হল|হলো|হবে|হচ্ছ|হত|হয়ে)")
OBJECT_WORD = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:কে|কেও|দেরকে)(?![\p{L}\p{M}])")


# "কারাদণ্ড দেওয়া হলে": a passive in the conditional/temporal form; "সাজা পরোয়ানা দিয়ে … কারাগারে
# পাঠানো হয়": a conjunctive participle takes the voice of the finite verb its chain ends in
PASSIVE_WHEN = regex.compile(r"\s*(?:হলে|হলেও|হওয়ার\s+পর|হওয়ার\s+পরে)(?![\p{L}\p{M}])")
CHAIN_PARTICIPLE = regex.compile(r"(?:দিয়ে|করে|নিয়ে)$")
CHAIN_TO_PASSIVE = regex.compile(r"[^,।;:\"“”‘’]{0,80}?(?:করা|দেওয়া|দেয়া|পাঠানো|নেওয়া|নেয়া|রাখা)\s+(?:হয়|হয়েছে|হয়েছিল|হলো|হল)"
                              r"(?![\p{L}\p{M}])")


def _passive_chain(clause: _Clause, text: str) -> bool:
    """Whether an active-looking predicate is passive by what follows it: the conditional
    passive (তাকে কারাদণ্ড দেওয়া হলে) or a participle chain that ends in a passive verb
    (তাকে সাজা পরোয়ানা দিয়ে কারাগারে পাঠানো হয়), so that the unnamed doer is implied."""
    pred_text = text[_pred_start(clause):clause.end]
    if PASSIVE_WHEN.match(text, clause.end) and pred_text.endswith(("দেওয়া", "দেয়া", "করা", "নেওয়া")):
        return True
    return bool(CHAIN_PARTICIPLE.search(pred_text)) and bool(CHAIN_TO_PASSIVE.match(text, clause.end, clause.sent_end))


ATTACK_SUFFERED = ("গুলিবিদ্ধ", "হামলার|আক্রমণের|হামলায়", "হত্যা$ করা$")


def _attack_suffered(pred: Predicate) -> bool:
    """A passive of being shot, attacked or murdered (not নিহত হন, which accidents also say)."""
    return pred.pattern.startswith(ATTACK_SUFFERED)


# "৩ বারই", "পাঁচবার", "সাত বার", "কয়েকবার", "একাধিকবার": how many times, not one act
TIMES = regex.compile(r"(?<![\p{L}\p{M}])(?:[\p{N}]+|এক|দুই|তিন|চার|পাঁচ|ছয়|সাত|আট|নয়|দশ|কয়েক|একাধিক|বহু|অনেক)"
                      r"\s*বার(?:ই|ও)?(?![\p{L}\p{M}])")


def _tally(clause: _Clause, args: _Args, text: str) -> bool:
    """An undated arrest or release by unnamed authorities told as a number of times."""
    return clause.pred.predicate.type in ("COERCE", "CONCEDE") \
        and any(m.resolved_by == "implied" for m in args.sources) \
        and TIMES.search(text, clause.start, _pred_start(clause)) is not None


ELECTION_ANAPHOR = regex.compile(r"(?<![\p{L}\p{M}])(?:সেই|ওই|ঐ)\s+নির্বাচন")
DATED_ELECTION = regex.compile(r"\s*(?:[\p{L}\p{M}]+\s+){0,2}?নির্বাচন")


def _election_date(clause: _Clause, dates: list[Mention], text: str) -> Mention | None:
    """"সেই নির্বাচন বর্জন করেছিল X" with no date of its own: the year of the election last named
    with one before it ("২০১৪ সালের একতরফা নির্বাচনের আগে …")."""
    if ELECTION_ANAPHOR.search(text, clause.start, clause.end) is None:
        return None
    named = [d for d in dates if d.end <= clause.start and d.date is not None and d.date.date
             and d.date.precision == "year" and DATED_ELECTION.match(text, d.end, d.end + 40)]
    return named[-1] if named else None


RAID_MODES = frozenset({"destroy"})


def _raid_on_home(pred: Predicate, text: str, clause: _Clause) -> bool:
    """A finite arson or vandalism verb (আগুন দেয়, ভাঙচুর করে) with no subject in its sentence:
    in a story wholly about one state, done by unnamed raiders of it."""
    return pred.mode in RAID_MODES and not PRONOUN_ANYWHERE.search(text, clause.sent_start, clause.sent_end)


def _called_protest(clause: _Clause, text: str) -> bool:
    """"বিএনপি ও জামায়াত আহূত হরতালের প্রসঙ্গ": a protest named with who called it is told as
    done even where it is only the topic of the sentence."""
    return clause.pred.predicate.type == "PROTEST" and bool(CALLED_BY.search(text, clause.start, _pred_start(clause)))


def _implied(home: str, pred_type: str, at: int) -> Mention:
    """The unnamed doer of an agentless act on the article's own state's people: its
    authorities arrest, jail and release (COERCE, CONCEDE); unnamed attackers attack."""
    gaz = load_gazetteer()
    country = gaz.countries.get(home)
    cname = country.name if country is not None else home
    if pred_type == "ASSAULT":
        actor = Actor(home, f"unidentified attackers ({cname})", "CVL", "")
    else:
        actor = Actor(home, f"authorities of {cname}", "GOV", "")
    return Mention("actor", at, at, "", actor=actor, resolved_by="implied")


AIMED_WORD = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:র|এর|ের|দের)(?=\s+(?:বিরুদ্ধে|ওপর|উপর|প্রতি)(?![\p{L}\p{M}]))")


# An unlisted owner right before a penalty noun (X-এর রিমান্ড, X'র পাঁচ দিনের রিমান্ড, X-এর কারাদণ্ড).
PENALTY_OWNER = regex.compile(r"(?<![\p{L}\p{M}])(?!(?:দিনের|মাসের|বছরের|মেয়াদের)\s)[\p{L}\p{M}]+(?:['’]র|এর|ের|র)\s+(?:(?:[\p{N}\p{L}\p{M}]+\s+)?দিনের\s+)?"
                              r"$")
PENALTY_NOUN = regex.compile(r"(?:রিমান্ড|কারাদণ্ড|সাজা|জেল|কারাবাস)")
UNLISTED_PARTNER = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:দের|ের|র)\s+(?:সঙ্গে|সাথে)(?:ও|ই)?\s+$")
OWN_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:তাঁর|তার|নিজের|নিজ)\s+(?:[\p{L}\p{M}]+\s+){0,3}$")


def _own_partner(clause: _Clause, actors: list[Mention], text: str, source: Mention,
                 home: str | None) -> Mention | None:
    """The unlisted partner of a meeting (…-দের সঙ্গে বৈঠক) right before the predicate: people of
    the article's own state when the doer is of it, or the doer's own (তাঁর প্রশাসনের কর্মকর্তাদের)."""
    p0 = _pred_start(clause)
    m = UNLISTED_PARTNER.search(text, max(clause.start, p0 - 60), p0)
    code = source.actor.code if source.actor is not None else None
    if m is None or code is None or any(m.start() < a.end and a.start < m.end() for a in actors):
        return None
    if code != home and OWN_BEFORE.search(text, max(clause.start, m.start() - 80), m.start()) is None:
        return None
    country = load_gazetteer().countries.get(code)
    name = f"unnamed people ({country.name if country is not None else code})"
    words = m.group().strip()
    return Mention("actor", m.start(), m.end(), words, actor=Actor(code, name, "CVL", words),
                   suffix="", resolved_by="object")


def _object_target(clause: _Clause, actors: list[Mention], text: str, home: str,
                   domestic: bool = False) -> Mention | None:
    """An unlisted person or group in the object case (আবদুল কুদ্দুছকে আটক করে) of an
    arrest or an attack by the article's own authorities: one of that state's people."""
    covered = [(m.start, m.end) for m in actors]
    found = [*OBJECT_WORD.finditer(text, clause.start, _pred_start(clause))]
    if domestic:  # (X-এর বিরুদ্ধে/ওপর: in a story wholly about one state, one of its people)
        found += [*AIMED_WORD.finditer(text, clause.start, _pred_start(clause))]
    objs = sorted((o for o in found if not any(s <= o.start() < e for s, e in covered)), key=lambda o: o.start())
    if not objs and domestic and clause.pred.predicate.type == "COERCE":
        # "আহসান উল্লাহ'র পাঁচ দিনের রিমান্ড মঞ্জুর করেছেন আদালত": whose remand, whose sentence
        owner = PENALTY_OWNER.search(text, clause.start, _pred_start(clause)) \
            if PENALTY_NOUN.match(text, _pred_start(clause)) else None
        if owner is not None and not any(s <= owner.start() < e for s, e in covered):
            objs = [owner]
    if not objs:
        return None
    o = objs[-1]
    country = load_gazetteer().countries.get(home)
    name = f"unnamed people ({country.name if country is not None else home})"
    return Mention("actor", o.start(), o.end(), o.group(), actor=Actor(home, name, "CVL", o.group()),
                   suffix="কে", resolved_by="object")


PREMISES_WORD = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:র|এর|ের)\s+(?:[\p{L}\p{M}]+\s+)?"
                              r"(?:বাড়ি|বাসা|বাসভবন|কার্যালয়|অফিস|দোকান)(?:তে|য়|য়|ে|টিতে)(?![\p{L}\p{M}])")


CROWD_WORD = regex.compile(r"(?<![\p{L}\p{M}])(?!তারা|তাঁরা|অন্যরা|যারা|কারা)[\p{L}\p{M}]{3,}(?:রা|েরা)(?![\p{L}\p{M}])")


def _crowd(clause: _Clause, actors: list[Mention], text: str, home: str) -> Mention | None:
    """An unlisted group in the nominative plural (ধর্মাবলম্বীরা, ব্যবসায়ীরা) protesting in the
    article's own state."""
    covered = [(m.start, m.end) for m in actors]
    hits = [h for h in [*CROWD_WORD.finditer(text, clause.start, _pred_start(clause)),
                        *CROWD_WORD.finditer(text, clause.end, clause.after_end)]
            if not any(s <= h.start() < e for s, e in covered)]
    if not hits:
        return None
    h = hits[0]
    country = load_gazetteer().countries.get(home)
    name = f"protesters ({country.name if country is not None else home})"
    return Mention("actor", h.start(), h.end(), h.group(), actor=Actor(home, name, "CVL", h.group()),
                   suffix="রা", resolved_by="crowd")


def _premises_target(clause: _Clause, actors: list[Mention], text: str, home: str) -> Mention | None:
    """The unlisted owner of a home or office attacked in the article's own state."""
    covered = [(m.start, m.end) for m in actors]
    hits = [h for h in [*PREMISES_WORD.finditer(text, clause.end, clause.after_end),
                        *PREMISES_WORD.finditer(text, clause.start, _pred_start(clause))]
            if not any(s <= h.start() < e for s, e in covered)]  # … আগুন দেওয়া হয় X-এর বাসায়
    if not hits:
        return None
    h = hits[-1]
    country = load_gazetteer().countries.get(home)
    name = f"unnamed people ({country.name if country is not None else home})"
    return Mention("actor", h.start(), h.end(), h.group(), actor=Actor(home, name, "CVL", h.group()),
                   suffix="", resolved_by="premises")


def _modifier(m: Mention, window: list[Mention], roles: dict[int, str], text: str) -> bool:
    """A bare demonym (ইরানি, মার্কিন) before a few words and a case-marked actor modifies that
    phrase (ইরানি পরমাণু বিজ্ঞানী মোহসেন ফাকরিহজাদেহকে): it is no subject."""
    if m.resolved_by != "demonym":
        return False
    nxt = next((n for n in window if n.start >= m.end), None)
    return (nxt is not None and roles[id(nxt)] != "NOM"
            and bool(DEMONYM_PHRASE.match(text[m.end:nxt.start])))


DEMONYM_PHRASE = regex.compile(r"^(?:\s+[\p{L}\p{M}]+){0,4}\s+$")  # (0: পাকিস্তানি আইএসআইয়ের)
# A bare demonym before (ও <word>) <noun>-কে: it and the noun are the object (ইসরাইলি ও বিদেশি নাগরিককে).
DEMONYM_OBJECT = regex.compile(r"(?:\s+(?:ও|এবং)\s+[\p{L}\p{M}]+)?\s+[\p{L}\p{M}]+(?:কে|দেরকে)(?![\p{L}\p{M}])")


# What may stand between a meeting noun and the subject of the verb it leads into: a
# postposition of time (শেষে, পর, সময়), a participle (কথা স্মরণ করে), a few adjuncts.
AFTER_MEETING = regex.compile(r"(?:ের|র)?\s+(?:শেষে|পর|পরে|সময়|সময়|কথা\s+(?:স্মরণ|উল্লেখ)\s+করে)(?:ই|ও)?"
                              r"(?:\s+[\p{L}\p{M}\p{N}]+){0,3}?\s*,?\s*$")


def _meeting_subject(window: list[Mention], roles: dict[int, str], actors: list[Mention], clause: _Clause,
                     text: str) -> _Args | None:
    partner = [m for m in window if roles[id(m)] == "COM" and m.actor is not None and m.actor.code]
    if not partner:
        return None
    post = [m for m in _within(actors, clause.end, clause.sent_end) if m.actor is not None]
    subject = post[0] if post else None
    if subject is None or not subject.actor.code or role_of(subject, text) != "NOM" \
            or subject.actor.name == partner[-1].actor.name or not AFTER_MEETING.match(text, clause.end, subject.start):
        return None
    return _Args([subject], partner[-1], True)


def _mediation(window: list[Mention], roles: dict[int, str], actors: list[Mention], clause: _Clause,
               text: str) -> _Args | None:
    """"X ও Y-এর মধ্যে মধ্যস্থতা করছে Z": the mediator Z consults each of the two sides."""
    between = [m for m in window if roles[id(m)] == "BETWEEN"]
    if not between:
        return None
    partner = between[-1]
    left = [m for m in window if m.end <= partner.start and coordinated(text, m, partner)]
    if not left or left[-1].actor is None or partner.actor is None:
        return None
    sides = {left[-1].actor.code, partner.actor.code}
    mediators = [m for m in [*window, *_within(actors, clause.end, clause.after_end)]
                 if m.start > partner.end and m.actor is not None and m.actor.code and m.actor.code not in sides
                 and role_of(m, text) == "NOM"]
    return _Args([mediators[0]], left[-1], False, [partner]) if mediators else None


# "মায়ার্সকের একটি জাহাজে", "X হাংঝু নামের যে জাহাজে", "ইসরায়েলের পণ্যবাহী জাহাজের ওপর": the
# company or state a struck ship belongs to, named right before the ship.
VESSEL_AFTER = regex.compile(r"\s*(?:[\p{L}\p{M}\-]+\s+)?(?:নামের|নামে|নামক)\s+(?:(?:যে|একটি|এক|ওই)\s+)?"
                             r"(?:[\p{L}\p{M}]+\s+)?(?:জাহাজ|ট্যাংকার|ট্যাঙ্কার|নৌযান|রণতরী|যুদ্ধজাহাজ)"
                             r"(?:টি|টিতে|টির|ে|ের|তে)?(?![\p{L}\p{M}])"
                             r"|\s+(?:(?:একটি|এক|দুটি|তিনটি|[\p{N}]+টি|ওই|আরও\s+একটি)\s+)?(?:[\p{L}\p{M}]+\s+)?"
                             r"(?:জাহাজ|ট্যাংকার|ট্যাঙ্কার|নৌযান|রণতরী|যুদ্ধজাহাজ)(?:গুলোতে|গুলোর|টিতে|টির|ে|ের|তে)"
                             r"(?:\s+(?:ওপর|উপর))?(?![\p{L}\p{M}])")


def _vessel_owners(window: list[Mention], roles: dict[int, str], text: str) -> None:
    """The owner of a ship attacked (in the locative or with ওপর) is struck, not the attacker."""
    for m in window:
        hit = VESSEL_AFTER.match(text, m.end) if roles[id(m)] in ("NOM", "GEN") else None
        if hit is None:
            continue
        # a subject in the nominative (হুতিরা একটি জাহাজে হামলা চালায়) owns no ship; only a genitive
        # owner, a demonym (মার্কিন জাহাজে) or a company naming the ship (X হাংঝু নামের জাহাজে) does
        if roles[id(m)] == "GEN" or m.resolved_by == "demonym" or regex.search(r"নাম", hit.group()):
            roles[id(m)] = "PREMISES"


# "মার্কিন সামরিক হেলিকপ্টার থেকে গুলি করে": who fires from a craft is the one that owns it.
FIRED_FROM = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+)?(?:হেলিকপ্টার|যুদ্ধবিমান|বিমান|ড্রোন|যুদ্ধজাহাজ|রণতরী|জাহাজ)"
                           r"(?:টি|গুলো)?\s+থেকে\s+(?:[\p{L}\p{M}]+\s+)?$")
# "X জাহাজে ওঠার চেষ্টা করলে …": the subject of a conditional clause before, whom the fire met.
IF_CLAUSE = regex.compile(r"(?<![\p{L}\p{M}])(?:করলে|চাইলে|এলে|গেলে|হলে)(?![\p{L}\p{M}])")


def _fired_from(window: list[Mention], roles: dict[int, str], actors: list[Mention], text: str,
                clause: _Clause) -> _Args | None:
    """"X … চেষ্টা করলে Y-এর হেলিকপ্টার থেকে গুলি করা হয়": Y fired at X."""
    p0 = _pred_start(clause)
    doer = next((m for m in window if m.actor is not None and m.actor.code and roles[id(m)] in ("NOM", "GEN")
                 and FIRED_FROM.match(text, m.end, p0)), None)
    if doer is None:
        return None
    named = [m for m in window if roles[id(m)] in TARGET_ROLES and m.start > doer.end and m.actor is not None
             and m.actor.code and m.actor.code != doer.actor.code]
    if named:
        return _Args([doer], named[0], False)
    cond = [*IF_CLAUSE.finditer(text, clause.sent_start, doer.start)]
    before = [m for m in _within(actors, clause.sent_start, doer.start) if cond and m.end <= cond[-1].start()
              and role_of(m, text) == "NOM" and m.actor is not None and m.actor.code
              and m.actor.code != doer.actor.code]
    return _Args([doer], before[-1], False) if before else None


# "তাদের আলোচনায়", "তাঁদের বৈঠকে": the meeting of the pair the sentence opens with.
THEIR_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:তাদের|তাঁদের|দুজনের|দু’জনের|দুই\s+নেতার)\s+(?:[\p{L}\p{M}]+\s+)?$")


def _their_meeting(actors: list[Mention], clause: _Clause, text: str) -> _Args | None:
    """"ট্রাম্প ও জেলেনস্কি বলেছেন, ফ্লোরিডায় তাদের আলোচনায় অগ্রগতি হয়েছে": the two subjects of
    the sentence, of two states, met each other."""
    p0 = _pred_start(clause)
    if THEIR_BEFORE.search(text, max(clause.sent_start, p0 - 30), p0) is None:
        return None
    noms = [m for m in _within(actors, clause.sent_start, p0) if m.actor is not None and m.actor.code
            and role_of(m, text) == "NOM"]
    if not noms:
        return None
    run = _coordinated_run(noms[0], noms, text)
    if len(run) != 2 or run[0].actor.code == run[1].actor.code:
        return None
    return _Args([run[0]], run[1], True)


# "ইউক্রেনের ২০ শতাংশ ভূখণ্ড এখন রাশিয়ার নিয়ন্ত্রণে/দখলে": X's land in Y's hands.
OWNED_LAND = regex.compile(r"\s+(?:[\p{L}\p{M}\p{N}]+\s+){0,3}(?:ভূখণ্ড|ভূমি|এলাকা|অঞ্চল|শহর|গ্রাম|অংশ|জেলা"
                           r"|প্রদেশ)[\p{L}\p{M}]*(?:\s+(?:এখন|এখনো|এখনও|বর্তমানে|এরই\s+মধ্যে))?\s+$")


def _held_land(window: list[Mention], roles: dict[int, str], text: str, p0: int) -> _Args | None:
    """The holder (the genitive right before দখলে/নিয়ন্ত্রণে) occupies the state whose land is held."""
    holder = next((m for m in reversed(window) if roles[id(m)] == "GEN" and m.actor is not None and m.actor.code
                   and text[m.end:p0].isspace()), None)
    if holder is None:
        return None
    owner = next((m for m in reversed(window) if m.end <= holder.start and roles[id(m)] == "GEN"
                  and m.actor is not None and m.actor.code and m.actor.code != holder.actor.code
                  and OWNED_LAND.match(text, m.end, holder.start)), None)
    return _Args([holder], owner, False) if owner is not None else None


def _rebels_victims(clause: _Clause, actors: list[Mention], text: str, source: Mention,
                    target: Mention | None) -> Mention | None:
    """"বোকো হারাম … হাজার হাজার মানুষকে হত্যা করেছে": the unnamed people an armed group of a state
    kills are that state's people."""
    s = source.actor
    if s is None or s.sector != "REB" or not s.code or s.code not in load_gazetteer().countries:
        return target
    if any(m.actor is not None and m.actor.code and m.actor.code != s.code
           for m in _within(actors, clause.sent_start, clause.sent_end)):
        return target  # (another state named beside it: the people killed may be that state's)
    if target is None:
        return _object_target(clause, actors, text, s.code)
    t = target.actor
    if t is None or t.code or t.sector != "CVL" or target.resolved_by != "generic":
        return target
    country = load_gazetteer().countries.get(s.code)
    name = f"unnamed people ({country.name if country is not None else s.code})"
    return replace(target, actor=replace(t, code=s.code, name=name))


# "রাশিয়ার পাল্টা আক্রমণের জন্য প্রস্তুতি নিচ্ছে ইউক্রেন": readiness for another's attack.
OTHERS_ATTACK = regex.compile(r"\s+(?:(?:পাল্টা|সম্ভাব্য|সম্ভব্য|যেকোনো|আসন্ন)\s+)?$")


def _braced_for(window: list[Mention], roles: dict[int, str], text: str, clause: _Clause) -> _Args | None:
    """Readying for an attack whose owner (the genitive before the attack noun) is someone other
    than the subject is readying against that owner."""
    p0 = _pred_start(clause)
    owner = next((m for m in reversed(window) if roles[id(m)] == "GEN" and m.actor is not None and m.actor.code
                  and OTHERS_ATTACK.match(text, m.end, p0)), None)
    if owner is None or not text.startswith(("আক্রমণ", "হামলা"), p0):
        return None
    subj = [m for m in window if roles[id(m)] == "NOM" and m.actor is not None and m.actor.code]
    if not subj or any(m.actor.code == owner.actor.code for m in subj):
        return None
    return _Args([subj[0]], owner, False)


# "ইসরায়েলের বিরুদ্ধে দক্ষিণ আফ্রিকার আইনি পদক্ষেপ নেওয়াকে সমর্থন": the genitive doer of the act
# backed, in the object case right before the predicate.
BACKED_ACT = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,3}[\p{L}\p{M}]+(?:কে|টিকে)\s+(?:[\p{L}\p{M}]+\s+)?$")


def _backed_doer(window: list[Mention], roles: dict[int, str], text: str, clause: _Clause,
                 target: Mention) -> Mention:
    """Backing X's act against Y is backing X, not Y."""
    doer = next((m for m in window if m.start > target.end and roles[id(m)] == "GEN" and m.actor is not None
                 and m.actor.code and m.actor.code != (target.actor.code if target.actor else None)
                 and BACKED_ACT.match(text, m.end, _pred_start(clause))), None)
    return doer or target


GONE_TO = regex.compile(r"\s+(?:পালাতে|পালিয়ে|পালানোর|যেতে|যাওয়ার|ঢুকতে|প্রবেশ\s+করতে|পৌঁছাতে|পাচার)(?![\p{L}\p{M}])")


# "ওই মিশনগুলোতে ভিসা কার্যক্রম বন্ধ": the missions named before, "ভারতে অবস্থিত … মিশনগুলো".
MISSIONS_ANAPHOR = regex.compile(r"(?<![\p{L}\p{M}])(?:ওই|এসব|সেসব|এই|সেই)\s+(?:কূটনৈতিক\s+)?(?:মিশন|দূতাবাস|হাইকমিশন"
                                 r"|উপহাইকমিশন|কনস্যুলেট)[\p{L}\p{M}]*")
HOSTED_IN = regex.compile(r"\s+(?:অবস্থিত|নিযুক্ত)\s+(?:[\p{L}\p{M}]+\s+){0,3}(?:মিশন|দূতাবাস|হাইকমিশন|উপহাইকমিশন"
                          r"|কনস্যুলেট)")


def _missions_host(clause: _Clause, places: Sequence[Mention], text: str, source: Mention) -> Mention | None:
    """A measure at "those missions" is aimed at the state they were last said to be in."""
    if source.actor is None or MISSIONS_ANAPHOR.search(text, clause.start, _pred_start(clause)) is None:
        return None
    hosts = [m for m in places if m.end <= clause.start and clause.start - m.end < 600 and m.place is not None
             and m.place.code and m.place.code != source.actor.code and (m.suffix or "").endswith(LOCATIVE)
             and HOSTED_IN.match(text, m.end)]
    return _place_actor(hosts[-1]) if hosts else None


# "রাশিয়া ২০১৪ সালে ওই উপত্যকা দখল করে নিয়েছিল": the land just named, struck or taken.
THAT_LAND = regex.compile(r"(?<![\p{L}\p{M}])(?:ওই|সেই|ঐ)\s+(?:উপত্যকা|উপদ্বীপ|অঞ্চল|এলাকা|শহর|দ্বীপ|প্রদেশ|ভূখণ্ড)"
                          r"(?:টি|টিতে|টিকে|য়|ে|কে)?\s+(?:[\p{L}\p{M}]+\s+)?$")


def _that_land(clause: _Clause, places: Sequence[Mention], text: str, source: Mention) -> Mention | None:
    """"ওই উপত্যকা দখল করে": the place named last before, in this sentence or the one before, if another
    state's."""
    if source.actor is None or THAT_LAND.search(text, clause.start, _pred_start(clause)) is None:
        return None
    gaz = load_gazetteer()
    before = [m for m in places if m.end <= clause.start and clause.start - m.end < 300 and m.place is not None
              and m.place.code and gaz.code_name(m.place.code) != m.place.name]  # (a region, not a state)
    if not before or before[-1].place.code == source.actor.code:
        return None
    return _place_actor(before[-1])


PAIR_GAP = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,2}$")


def _joint_pair(window: list[Mention], roles: dict[int, str], text: str, p0: int) -> _Args | None:
    """"দক্ষিণ কোরিয়া ও যুক্তরাষ্ট্রের যৌথ সামরিক মহড়া": the two owners of a mutual act, joined by ও/এবং
    with only the last in the genitive, do it together."""
    gens = [m for m in window if roles[id(m)] == "GEN" and m.actor is not None and m.actor.code
            and PAIR_GAP.match(text, m.end, p0)]
    if not gens:
        return None
    g = gens[-1]
    first = [m for m in window if m.end <= g.start and m.actor is not None and m.actor.code
             and m.actor.code != g.actor.code and coordinated(text, m, g)]
    return _Args([first[-1]], g, True) if first else None


# "আলোচনায় বসতে রাজি হয়েছে ইরান": an infinitive agreed to, whose subject follows the verb of agreeing.
AGREED_INFINITIVE = regex.compile(r"(?<=তে)\s+(?:রাজি|সম্মত|প্রস্তুত|আগ্রহী|প্রতিশ্রুতিবদ্ধ)(?![\p{L}\p{M}])")


def _withdrawn_from(clause: _Clause, places: Sequence[Mention], text: str, source: Mention,
                    target: Mention) -> Mention | None:
    """"ইসরায়েল গাজা থেকে সেনা প্রত্যাহার করেছে": the doer's own forces withdrawn are no target; the
    place they leave (X থেকে) is."""
    if source.actor is None or target.actor is None or target.actor.code != source.actor.code:
        return target
    left = [m for m in _within(list(places), clause.start, _pred_start(clause)) if m.place is not None
            and m.place.code and m.place.code != source.actor.code and FROM_PLACE.match(text, m.end)]
    return _place_actor(left[-1]) if left else target


# "তাইওয়ান প্রণালিতে", "জাপান সাগরে": a bare country name that names a sea or strait.
SEA_AFTER = regex.compile(r"\s*(?:প্রণালি|প্রণালী|উপসাগর|সাগর|মহাসাগর)(?:তে|য়|ে|র|ের)?(?![\p{L}\p{M}])")


def _sea_names(window: list[Mention], roles: dict[int, str], text: str) -> None:
    """The bare name of a strait or sea is where, neither who acts nor whom it is aimed at."""
    for m in window:
        if roles[id(m)] == "NOM" and not m.suffix and SEA_AFTER.match(text, m.end) is not None:
            roles[id(m)] = "MOD"


# "X-এর দূতাবাসের সামনে", "X-এর কূটনৈতিক মিশনগুলোকে কেন্দ্র করে": a protest at a state's mission.
MISSION_SITE = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,2}(?:দূতাবাস|হাইকমিশন|উপহাইকমিশন|মিশন|কনস্যুলেট|কার্যালয়)"
                             r"[\p{L}\p{M}]*\s+(?:সামনে|ঘেরাও|কেন্দ্র\s+করে|লক্ষ্য\s+করে)(?![\p{L}\p{M}])")
SITE_AFTER = regex.compile(r"\s+(?:সামনে|ঘেরাও|কেন্দ্র\s+করে)(?![\p{L}\p{M}])")


def _protest_site(window: list[Mention], roles: dict[int, str], text: str, source: Mention) -> Mention | None:
    """A protest held at a state's embassy or mission is aimed at that state."""
    src = source.actor.code if source.actor is not None else None
    return next((m for m in window if roles[id(m)] in ("GEN", "PREMISES") and m.actor is not None and m.actor.code
                 and m.actor.code != src and (MISSION_SITE.match(text, m.end) or (
                     regex.search(r"দূতাবাস|হাইকমিশন|মিশন|কনস্যুলেট", m.text) and SITE_AFTER.match(text, m.end)))),
                None)  # (or the mission named as an actor itself: যুক্তরাষ্ট্রের দূতাবাসের সামনে)


def _arguments(clause: _Clause, actors: list[Mention], text: str, carried: Mention | None,
               places: Sequence[Mention] = (), home: str | None = None, domestic: bool = False,
               antecedent: Mention | None = None) -> _Args | None:
    pred = clause.pred.predicate
    # "তাঁকে জামিন দেন আদালত", "তাকে গ্রেপ্তার করা হয়": an object pronoun stands for the last named subject
    pron = OBJ_PRONOUN.search(text, clause.start, clause.end) or \
        BARE_OBJ_PRONOUN.search(text, clause.start, clause.end - (clause.pred.end - clause.pred.start))
    if pron is None and pred.type in POSSESSED_OBJECT_TYPES:
        # "তার সাজা স্থগিত করে সরকার", "তাঁর সমালোচনা করেন": whose sentence, whom criticised
        pron = BARE_POSSESSIVE.search(text, clause.start, _pred_start(clause))
    pron_obj = None
    if pron is not None:
        # the nearest actor named earlier in the sentence (… শেখ হাসিনার সঙ্গে দেখা করে তাকে অভিনন্দন),
        # else the last named subject before it
        earlier = [m for m in _within(actors, clause.sent_start, pron.start()) if m.actor is not None
                   and m.actor.code and m.start < clause.start and role_of(m, text) in ("NOM", "OBJ", "GEN", "COM")]
        pron_obj = earlier[-1] if earlier else antecedent
    window = [m for m in _within(actors, clause.start, clause.end) if m.actor is not None]
    roles = {id(m): role_of(m, text) for m in window}
    for m in window:
        if roles[id(m)] == "NOM":
            roles[id(m)] = conjunct_role(m, text, actors) or "NOM"
    braced = _braced_for(window, roles, text, clause) if pred.type == "MOBILIZE" else None
    if braced is not None:
        return braced
    if pred.type in ("MOBILIZE", "ASSAULT", "RETREAT"):
        _sea_names(window, roles, text)
    if pred.type == "ASSAULT":
        _vessel_owners(window, roles, text)
        if pred.frame == "st":
            fired = _fired_from(window, roles, actors, text, clause)
            if fired is not None:
                return fired
    if pred.mode == "third-party":
        mediated = _mediation(window, roles, actors, clause, text)
        if mediated is None and pred.pos == "noun":
            # "X ও Y-এর মধ্যে আলোচনায় মধ্যস্থতার ক্ষেত্রে Z …": the pair named before, in the clause of
            # what is mediated
            wide = [m for m in _within(actors, clause.sent_start, clause.end) if m.actor is not None]
            mediated = _mediation(wide, {id(m): role_of(m, text) for m in wide}, actors, clause, text)
        if mediated is not None:
            return mediated
    if pred.pos == "noun":
        args = _noun_arguments(window, roles, text, _pred_start(clause), pred.frame)
        if args is not None and pred.type == "ACCUSE" and args.sources and roles.get(id(args.sources[0])) == "GEN" \
                and CRIME_CHARGE.match(text, _pred_start(clause), clause.end) \
                and text[args.sources[0].end:_pred_start(clause)].isspace():
            # "ইসরায়েলের গণহত্যার অভিযোগ", "খালেদা জিয়ার দুর্নীতির মামলা": whose crime is charged is
            # the accused; the accuser is the clause's subject named before, if any
            accused = args.sources[0]
            accusers = [m for m in window if roles[id(m)] == "NOM" and m.end <= accused.start and m.actor is not None
                        and m.actor.code and m.actor.code != (accused.actor.code if accused.actor else None)]
            return _Args([accusers[-1]], accused, False) if accusers else None
        if args is None and pred.symmetric:
            # "X-এর সঙ্গে বৈঠক শেষে Y বলেন", "X-এর সঙ্গে সাক্ষাতের কথা স্মরণ করে Y": the subject of
            # the verb the meeting leads into met X
            args = _meeting_subject(window, roles, actors, clause, text)
        if args is None and pred.symmetric:
            args = _their_meeting(actors, clause, text)
        if args is None and pred.symmetric:
            args = _joint_pair(window, roles, text, _pred_start(clause))
        if args is None and pred.symmetric and carried is not None and carried.actor is not None:
            # "কিম জানান, ২০১৯ সালে রাশিয়ার সঙ্গে সাক্ষরিত চুক্তি …": the speaker's side and its partner
            partner = [m for m in window if roles[id(m)] == "COM" and m.actor is not None and m.actor.code
                       and m.actor.code != carried.actor.code]
            if partner:  # the speaker's side: the state, not the speaker (who only tells of it)
                side = replace(carried, actor=replace(carried.actor, name=load_gazetteer().code_name(carried.actor.code),
                                                      sector="GOV"))
                args = _Args([side], partner[-1], True)
        if args is None and home is not None and pred.type in ("COERCE", "CONCEDE") and pred.frame == "st" \
                and VERBAL_NOUN.search(text, _pred_start(clause), clause.end) \
                and not any(m.actor is not None and m.actor.code and roles[id(m)] in ("NOM", "GEN", "AGENT") for m in window):
            # "২০০৭ সালের ৩ সেপ্টেম্বর খালেদা জিয়াকে … গ্রেপ্তারের পর": an arrest told with its object and no
            # doer is the state's authorities' act on one of its own
            obj = next((m for m in reversed(window) if roles[id(m)] == "OBJ" and m.actor is not None
                        and m.actor.code == home), None)
            if obj is not None:
                args = _Args([_implied(home, pred.type, clause.start)], obj, False)
        if args is None and pred.type == "ASSAULT":
            args = _held_land(window, roles, text, _pred_start(clause))
        if args is None and pred.type == "PROTEST":
            # "বিএনপি ও জামায়াত আহূত হরতাল", "X-এর … শাখা অবস্থান কর্মসূচি পালনের ঘোষণা দিয়েছে": who
            # called or announced the protest holds it
            p0 = _pred_start(clause)
            called = CALLED_BY.search(text, clause.start, p0)
            announced = ANNOUNCED.match(text, clause.end)
            callers = [m for m in window if roles[id(m)] == "NOM" and m.actor is not None and m.actor.code
                       and (called is not None and m.end <= called.start() or announced is not None)]
            if callers:
                first = callers[-1] if called is not None else callers[0]
                run = _coordinated_run(first, callers, text) if called is None else \
                    [m for m in callers if first in _coordinated_run(m, callers, text)]
                args = _Args(run or [first], None, False)
        if args is not None and pred.frame == "ts":
            args = _Args([args.target], args.sources[0], args.symmetric) if args.target else None
        named_victim = any(m.actor is not None and m.actor.code and role_of(m, text) == "NOM"
                           for m in _within(actors, clause.end, clause.sent_end))
        if args is None and pred.type == "ASSAULT" and not named_victim \
                and IN_ATTACK.search(text, _pred_start(clause), clause.end):
            # "কিয়েভের বাইরে রাশিয়ার বিমান হামলায় দুইজন নিহত": the attack struck the place's state
            p0 = _pred_start(clause)
            doer = next((m for m in reversed(window) if m.actor is not None and m.actor.code
                         and roles[id(m)] in ("GEN", "AGENT", "NOM") and MODIFIER_GAP.match(text, m.end, p0)), None)
            if doer is not None:
                goal = _locative_goal(window, roles, list(places), clause, doer, text) or \
                    _struck_place(places, clause, doer)
                args = _Args([doer], goal, False) if goal is not None else None
        return args
    if pred.type == "PROTEST" and NOUN_BE.search(text, _pred_start(clause), clause.end):
        # "জর্ডানে ব্যাপক বিক্ষোভ হচ্ছে": protests that happen in a country are its people's
        gaz = load_gazetteer()
        where = [m for m in window if roles[id(m)] == "LOC" and m.actor is not None and m.actor.code
                 and gaz.code_name(m.actor.code) == m.actor.name]
        if where:
            w = where[-1]
            country = gaz.countries.get(w.actor.code or "")
            crowd = Actor(w.actor.code, f"protesters ({country.name if country is not None else w.actor.code})",
                          "CVL", w.text)
            return _Args([Mention("actor", w.start, w.end, w.text, actor=crowd, resolved_by="crowd")], None, False)
    passive = bool(PASSIVE.match(text[clause.end:clause.end + 12]))
    # (X-এর নির্দেশে … হামলা চালানো হয়েছে: the passive may be inside the predicate too)
    by_agent = passive or bool(PASSIVE_IN.search(text, _pred_start(clause), clause.end))
    noms = [m for m in window if roles[id(m)] == "NOM" or (roles[id(m)] == "AGENT" and by_agent)]
    noms = [m for m in noms if not _modifier(m, window, roles, text)]
    for m in noms:
        if m.resolved_by == "demonym" and DEMONYM_OBJECT.match(text, m.end):
            roles[id(m)] = "OBJ"  # "২৫০ ইসরাইলি ও বিদেশি নাগরিককে বন্দি করে": the demonym heads the object
    noms = [m for m in noms if roles[id(m)] != "OBJ"]
    if any(m.actor is not None and m.actor.code for m in noms):
        # generic code-less nouns (বাহিনী, সেনা, আদালত) do not compete with named subjects
        noms = [m for m in noms if m.actor is not None and m.actor.code]
    target_roles = (*TARGET_ROLES, "PREMISES") if pred.type in PREMISES_TYPES else TARGET_ROLES
    targets = [m for m in window if roles[id(m)] in target_roles]
    if not pred.symmetric:
        # a one-sided act's "X-এর সঙ্গে" belongs to a noun before it (রাশিয়ার সাথে সম্পর্ক উন্নয়নের জন্য
        # … অনুরোধ) unless it stands right before the predicate (ইসরায়েলের সঙ্গে সম্পর্ক ছিন্ন)
        targets = [m for m in targets if roles[id(m)] != "COM" or NEAR_COM.match(text, m.end, _pred_start(clause))
                   or (pred.type == "AGREE" and WORK_WITH.match(text, m.end, _pred_start(clause)))]
    conj_targets: list[Mention] = []
    for t in [t for t in targets if roles[id(t)] in ("AGAINST", "ON", "TO", "OBJ", "COM")]:
        # "X, Y ও Z-এর বিরুদ্ধে", "X ও Y-কে": Bengali marks only the last conjunct; every
        # conjunct before it is governed by the same case or postposition
        conj = [m for m in window if m.end <= t.start and t in _coordinated_run(m, [*window], text)]
        if roles[id(t)] == "COM" and conj and not [m for m in noms if m not in conj] and not any(
                m.actor is not None and m.actor.code and role_of(m, text) == "NOM"
                for m in _within(actors, clause.end, clause.after_end)):
            continue  # "X এবং Y-এর সঙ্গে কথা বলেছিলেন" with no other subject: X and Y talked
        noms = [m for m in noms if m not in conj]
        conj_targets += [m for m in conj if m not in targets and m not in conj_targets
                         and m.actor is not None and m.actor.code and roles[id(m)] in ("NOM", "GEN")]
    if pred.type in OWNED_FORCES_TYPES and not any(m.actor is not None and m.actor.code for m in noms):
        # "মার্কিন সেনাদের প্রত্যাহার", "X-এর সদস্যদের মোতায়েন করা হয়": whose forces move acts
        p0 = _pred_start(clause)
        owner = [m for m in window if m.actor is not None and m.actor.code and roles[id(m)] in ("GEN", "OBJ")
                 and (m.start < p0 < m.end or FORCES_BEFORE.match(text, m.end, p0))]
        if owner:
            noms = [owner[-1]]
            targets = [t for t in targets if t is not owner[-1]]
    if pred.type == "RETREAT" and pred.mode == "withdraw" and not targets:
        targets = [m for m in window if roles[id(m)] == "FROM"]  # withdraw from X
    locs = [m for m in window if roles[id(m)] == "LOC"]
    symmetric = pred.symmetric
    passive = passive or bool(PASSIVE_IN.search(text, _pred_start(clause), clause.end)) \
        or (pred.type in IMPLIED_AGENT_TYPES and _passive_chain(clause, text))

    between = [m for m in window if roles[id(m)] == "BETWEEN"]
    pair: tuple[Mention, Mention] | None = None
    if between:
        partner = between[-1]
        left = [m for m in window if m.end <= partner.start and coordinated(text, m, partner)]
        own_subject = [m for m in noms if m.start > partner.end and m.actor is not None and m.actor.code]
        if left and not own_subject and (pred.symmetric or pred.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT")):
            # (but "X ও Y-এর মধ্যে উত্তেজনা নিরসনে কাজ করা কাতারও …": the pair is not the subject)
            return _Args([left[-1]], partner, True)
        # "X ও Y-এর মধ্যে <deal>-এ নিষেধাজ্ঞা দিয়েছে Z": X and Y are no one's subject here, nor
        # (an earlier pair named with মধ্যে no more than the last) its target
        paired = set(map(id, between)) | {id(m) for b in between for m in window
                                          if m.end <= b.start and coordinated(text, m, b)}
        noms = [m for m in noms if id(m) not in paired]
        targets = [m for m in targets if id(m) not in paired]
        pair = (left[-1], partner) if left else None

    if pred.frame == "ts":
        doer = next((m for m in window if m.actor is not None and m.actor.code
                     and BY_MEANS.match(text, m.end, clause.end)), None)
        if doer is not None:  # ইসরায়েলি ড্রোন হামলায় নিহত হয়েছেন Y / X-এর গুলিতে Y নিহত
            post = [m for m in _within(actors, clause.end, clause.after_end)
                    if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
            victims = [m for m in noms if m is not doer and m.start > doer.start] + post
            if victims:
                return _Args([doer], victims[0], False)
            # X-এর হামলায় <place>-এ N জন নিহত: the attack struck the place's state
            struck = _struck_place(places, clause, doer)
            return _Args([doer], struck, False) if struck is not None else None

    sources: list[Mention] = _coordinated_run(noms[0], noms, text) if noms else []
    if len(sources) > 1 and RECIPROCAL.search(text, clause.start, clause.end):
        # "মস্কো এবং কিয়েভ পরস্পরকে দোষারোপ করেছে": each does it to the other
        return _Args(sources, sources[0], False, sources[1:])
    if pred.type in ("ACCUSE", "REQUEST", "SANCTION", "THREATEN"):
        # "হানিয়াকে হত্যার ঘটনায় X-এর পক্ষ থেকে Y-এর বিরুদ্ধে ক্ষোভ": the postposition names whom the
        # act is aimed at; a bare object may belong to a verbal noun before it
        targets.sort(key=lambda m: roles[id(m)] == "OBJ")
    target: Mention | None = targets[0] if targets else None
    if target is not None and roles[id(target)] == "COM":
        symmetric = True
    if target is None and len(sources) > 1 and symmetric:
        sources, target = [sources[0]], sources[1]
    if target is None and pred.type == "CONSULT" and len(sources) == 2 and not targets \
            and len({m.actor.code for m in sources if m.actor is not None}) == 2:
        # "পুতিন এবং কিম … কসমোড্রোম পরিদর্শন করেন": leaders of two states visiting together meet
        sources, target, symmetric = [sources[0]], sources[1], True
    if target is None and pred.frame == "st" and " " in pred.pattern and pred.type not in OWNED_FORCES_TYPES:
        # "X-এর সমালোচনা করেছে", "X-এর প্রশংসা করেন", "কিম জং-উনের আমন্ত্রণ গ্রহণ করেন": the
        # genitive before a noun + light verb is its object (before any bare noun further left:
        # "উত্তর কোরিয়া সফরের জন্য" only says what the invitation was for)
        p0 = _pred_start(clause)
        gen = [m for m in window if roles[id(m)] == "GEN" and m not in sources and m.actor is not None
               and m.actor.code and GEN_OBJECT.match(text, m.end, p0)]
        if gen:
            target = gen[-1]
    if target is None and pred.type == "SUPPORT" and pred.frame == "st":
        # "নাইজেরিয়ান সরকারের সমর্থন ও সহযোগিতার জন্য কৃতজ্ঞ", "X-এর সহায়তার জন্য ধন্যবাদ জানান": thanks
        # for what X gave go to X
        p0 = _pred_start(clause)
        gen = [m for m in window if roles[id(m)] == "GEN" and m not in sources and m.actor is not None
               and m.actor.code and GEN_FOR.match(text, m.end, p0)]
        if gen:
            target = gen[-1]
    if target is None:
        rest = [m for m in noms if m not in sources and m.start > sources[-1].end] if sources else []
        target = rest[0] if rest else None
    if target is None and locs and pred.mode == "visit":
        target = locs[-1]
    if target is None and pred.mode == "visit":  # X পিয়ংইয়ং সফর করেন: the visited capital's state
        src_code = sources[0].actor.code if sources and sources[0].actor is not None else None
        visited = [m for m in _within(list(places), clause.start, clause.end)
                   if m.place is not None and m.place.code and m.place.code != src_code
                   and not any(a.start <= m.start and m.end <= a.end for a in window)]  # (not the উত্তর
        # কোরিয়ার of "উত্তর কোরিয়ার চেয়ারম্যান কিম": part of an actor's name)
        if visited:
            v = visited[-1]
            target = _place_actor(v)
    if not sources:
        # a conjunctive participle (X-কে দায়ী করে … হুমকি দেন Y) shares the subject of the
        # verb it leads into, which may stand after that verb
        until = clause.sent_end if PARTICIPLE.search(text, clause.start, clause.end) \
            or AGREED_INFINITIVE.match(text, clause.end) else clause.after_end  # (… আলোচনায় বসতে রাজি হয়েছে X)
        post = [m for m in _within(actors, clause.end, until)
                if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
        if post:
            sources = _coordinated_run(post[0], post, text)
            if len(sources) > 1 and RECIPROCAL.search(text, clause.start, clause.end):
                return _Args(sources, sources[0], False, sources[1:])  # একে অপরকে দোষারোপ করছে X ও Y
            if target is None and len(sources) > 1 and symmetric:  # বৈঠক করেন পুতিন ও কিম
                sources, target = [sources[0]], sources[1]
        elif target is None and pred.symmetric and PAIR_ANAPHOR.search(text, clause.start, _pred_start(clause)):
            # "দুই পক্ষের পররাষ্ট্রমন্ত্রীরা দেখা করতে সম্মত হয়েছেন", "দেশ দুটি একসঙ্গে কাজ করবে": the
            # two states last named do it together
            anaphor = PAIR_ANAPHOR.search(text, clause.start, _pred_start(clause))
            two = _last_pair(actors, clause.start if anaphor is None else anaphor.start())
            if two is not None and anaphor is not None:
                # the two sides are the states (their ministers, not the leaders named before)
                a, b = (_side(m, anaphor) for m in two)
                return _Args([a], b, True)
        elif pred.frame == "st" and (NOUN_BE.search(text, _pred_start(clause), clause.end)
                                     or pred.symmetric and NOUN_GOES_ON.search(text, _pred_start(clause), clause.end)) \
                and (told := _noun_arguments(window, roles, text, _pred_start(clause), pred.frame)) is not None:
            # "ওআইসির সঙ্গে ইরানের বৈঠক হয়েছে", "পুলিশের সঙ্গে আন্দোলনকারীদের সংঘর্ষ হয়": a predicate noun
            # that merely "happens" takes its arguments as a noun does
            return told
        elif carried is not None:
            sources = [carried]
    if target is None and pred.type == "CONSULT" and sources and sources[0].actor is not None \
            and text[_pred_start(clause):clause.end].endswith("করতে"):
        # "আলোচনা করতে বুধবার মিসরে এসেছে ইসরায়েলের একটি প্রতিনিধিদল": came to a state to talk there,
        # with that state
        dest = next((m for m in _within(actors, clause.end, clause.after_end) if m.actor is not None and m.actor.code
                     and m.actor.code != sources[0].actor.code and role_of(m, text) == "LOC"
                     and ARRIVE.match(text, m.end)), None)
        target = dest or target
    if target is None and pred.frame == "st" and not NON_FINITE_END.search(text, _pred_start(clause), clause.end):
        # "সমর্থন দিয়ে আসছে নেতানিয়াহু সরকারকে": an object right after a finite verb
        post_obj = [m for m in _within(actors, clause.end, clause.after_end) if m.actor is not None
                    and m.actor.code and role_of(m, text) in target_roles and m not in sources
                    and SHORT_GAP.match(text[clause.end:m.start])]
        if post_obj:
            target = post_obj[0]
    if target is None and pred.frame == "st" and pron_obj is not None and pron_obj not in sources \
            and not any(m.actor is not None and pron_obj.actor is not None and m.actor.name == pron_obj.actor.name
                        for m in sources):  # (আদালত তাদেরকে কারাদণ্ড দেন: "them" is not the court itself)
        target = pron_obj
    if target is None and pred.frame == "st" and sources:
        # "দোনেৎস্ক ও লুহানস্ককে স্বাধীন দেশের মর্যাদা দেয়": a place as object stands for its authorities
        src_code = sources[0].actor.code if sources[0].actor is not None else None
        objs = [m for m in _within(list(places), clause.start, clause.end) if m.place is not None and m.place.code
                and m.place.code != src_code and (m.suffix or "").endswith(OBJECT_ENDINGS)]
        if objs:
            o = objs[-1]
            target = _place_actor(o)
    pair_obj = OBJECT_PAIR.search(text, clause.start, _pred_start(clause)) \
        if target is None and pred.frame == "st" and sources else None
    if pair_obj is not None and sources[0].actor is not None:
        # "উত্তর কোরিয়াও এই ২ দেশকে স্বীকৃতি দেয়": the two last named before, other than the doer
        src_code = sources[0].actor.code
        spans = {(m.start, m.end) for m in actors}
        named = sorted((m for m in [*actors, *(p for p in places if (p.start, p.end) not in spans)]
                        if m.end <= pair_obj.start()
                        and (m.actor.code if m.actor is not None else m.place.code if m.place is not None else None)
                        not in (None, src_code)), key=lambda m: m.end)[-2:]
        two = [m if m.actor is not None else _place_actor(m) for m in named if m.actor is not None or m.place is not None]
        if len(two) == 2:
            target = two[1]
            conj_targets = [two[0]] if two[0].actor.code != two[1].actor.code else []
    if target is None and pred.type in HOSTILE_GOAL_TYPES and pred.frame == "st" and sources \
            and sources[0].actor is not None and sources[0].actor.code:
        # "ইউক্রেনের সেনারা দেশটির ৩০ কিলোমিটার ভেতরে ঢুকে গেছে": a bare "the country" struck is the
        # country last named other than the doer's
        target = _country_anaphor(actors, text, clause, sources[0]) or target
    if target is None and pred.type in LOCATIVE_GOAL_TYPES and pred.frame != "ts":
        target = _locative_goal(window, roles, list(places), clause, sources[0] if sources else None, text)
        if target is not None and pred.type == "AID" and GONE_TO.match(text, target.end):
            target = None  # "ভারতে পালাতে সহায়তা করেছে": where someone was helped to go is no recipient
    if target is None and pred.type == "ACCUSE" and sources and sources[0].actor is not None:
        # "বাংলাদেশে সংখ্যালঘুদের বিরুদ্ধে সহিংস ঘটনার অভিযোগ করেন X": a foreign state in whose land the
        # wrongs are alleged is the one accused (a court or a hall in the locative is only where)
        gaz = load_gazetteer()
        target = next((m for m in reversed(window) if roles[id(m)] == "LOC" and m.actor is not None and m.actor.code
                       and m.actor.code != sources[0].actor.code and gaz.code_name(m.actor.code) == m.actor.name), None)
    if pred.frame == "ts" and target is None and sources:
        # "রাশিয়া উত্তর কোরিয়ার কাছ থেকে অস্ত্র কিনছে": who it is received from is the doer
        givers = [m for m in window if roles[id(m)] == "FROM" and m not in sources and m.actor is not None
                  and m.actor.code]
        target = givers[-1] if givers else None
    if pred.frame == "ts" and target is not None and sources:
        sources, target = [target], sources[0]
    elif pred.frame == "ts" and target is None and home is not None and pred.type in ("COERCE", "CONCEDE"):
        # খালেদা জিয়া মুক্তি পান / গ্রেফতার করা হয় খালেদা জিয়াকে: the state's authorities did it
        patient = sources[0] if sources else next(
            (m for m in _within(actors, clause.end, clause.after_end) if m.actor is not None
             and m.actor.code and role_of(m, text) in ("NOM", "OBJ")), pron_obj)
        if patient is not None and patient.actor is not None and patient.actor.code == home:
            sources, target = [_implied(home, pred.type, clause.start)], patient
        elif patient is None and domestic and pred.type == "COERCE":
            # "তার সহযোগীকে ধরা হয়েছে", "আবদুল কুদ্দুছকে গ্রেপ্তার করা হয়": an unlisted person arrested
            # in a story wholly about one state is one of its people, by its authorities
            unlisted = _object_target(clause, actors, text, home)
            if unlisted is not None:
                sources, target = [_implied(home, pred.type, clause.start)], unlisted
    if (target is None or target.actor is None or target.actor.code is None) and sources and pred.type == "CONSULT" \
            and sources[0].actor is not None and sources[0].actor.code and not passive:
        # "সংখ্যালঘু সম্প্রদায়ের প্রতিনিধিদের সঙ্গে বৈঠক করবেন ইউনূস", "তাঁর প্রশাসনের জ্যেষ্ঠ কর্মকর্তাদের
        # সঙ্গে বৈঠক করেন বাইডেন": an unlisted group met at home, or the doer's own people
        target = _own_partner(clause, actors, text, sources[0], home) or target
    if not sources and pred.type == "ASSAULT" and target is not None and target.actor is not None:
        # "গাজা উপত্যকা থেকে … রকেট ছোড়া হয়েছে": an attack with no named doer came from the
        # place it was launched from, another state's
        origin = [m for m in _within(list(places), clause.start, clause.end) if m.place is not None
                  and m.place.code and m.place.code != target.actor.code and FROM_PLACE.match(text, m.end)]
        if origin:
            sources = [_place_actor(origin[-1])]
    if not sources and home is not None and domestic and pred.type == "PROTEST":
        # "শাহবাগ মোড় অবরোধ করেছেন সমাতন ধর্মাবলম্বীরা": an unlisted crowd of the article's own state
        crowd = _crowd(clause, actors, text, home)
        sources = [crowd] if crowd is not None else sources
    if target is None and not sources and home is not None and domestic and pred.type == "ASSAULT":
        # "সিটি মেয়র রেজাউল করিম চৌধুরীর বাড়িতে ভাঙচুর করা হয়": an unlisted local person's home
        target = _premises_target(clause, actors, text, home)
    if (pred.frame == "ts" and target is None and home is not None and pred.type == "ASSAULT" and sources
            and sources[0] is not carried and _attack_suffered(pred)
            and sources[0].actor is not None and sources[0].actor.code == home):
        # "X … গুলিবিদ্ধ হন", "X হামলার শিকার হন": one of the story's own state's people shot or
        # attacked by no one named; unidentified attackers of that state
        sources, target = [_implied(home, pred.type, clause.start)], sources[0]
    if (not sources and domestic and pred.type == "ASSAULT" and pred.pos == "verb" and target is not None
            and roles.get(id(target)) == "PREMISES" and _raid_on_home(pred, text, clause)):
        passive = True  # "X-এর বাড়িতে ভাঙচুর ও আগুন দেয়": a raid told with no subject, unnamed raiders
    if (not sources and (passive or pred.frame == "ts") and home is not None and pred.type in IMPLIED_AGENT_TYPES
            and (pred.type != "ASSAULT" or domestic)
            and target is not None and target.actor is not None and target.actor.code == home):
        sources = [_implied(home, pred.type, clause.start)]
    if (sources and target is None and home is not None and pred.type in ("COERCE", "ASSAULT")
            and pred.frame == "st" and sources[0].actor is not None and sources[0].actor.code == home):
        target = _object_target(clause, actors, text, home, domestic)
    if (sources and target is None and domestic and home is not None and pred.type == "REQUEST"
            and pred.pattern.startswith("নির্দেশ") and sources[0].actor is not None and sources[0].actor.code == home):
        # "জাতীয় সাইবার সুরক্ষা অ্যাজেন্সিকে নির্দেশ দিয়েছেন প্রধান উপদেষ্টা": an order to an unlisted
        # body of the story's own state
        target = _object_target(clause, actors, text, home)
    if (target is None and sources and home is not None and pred.type in ("REQUEST", "ACCUSE", "THREATEN")
            and sources[0].actor is not None and sources[0].actor.code not in (None, home)):
        # "আমরা সব পক্ষকে সহিংসতা থেকে বিরত থাকার আহ্বান জানাই" (a foreign voice on the story's state):
        # all its parties
        every = ALL_PARTIES.search(text, clause.sent_start, _pred_start(clause))
        if every is not None:
            country = load_gazetteer().countries.get(home)
            target = Mention("actor", every.start(), every.end(), every.group(), resolved_by="object",
                             actor=Actor(home, f"all parties ({country.name if country is not None else home})",
                                         None, every.group()))
    if pred.frame == "s":
        against = [m for m in window if roles[id(m)] == "AGAINST" and m not in sources]
        target = against[-1] if pred.type in ("PROTEST", "MOBILIZE") and against else None
    if target is None and pair is not None and sources and sources[0].actor is not None:
        # "X … Y ও X-এর মধ্যে সমন্বয় বৃদ্ধির আহ্বান": X's call is aimed at its partner Y
        codes = [m.actor.code if m.actor is not None else None for m in pair]
        if sources[0].actor.code in codes:
            target = pair[1] if codes[0] == sources[0].actor.code else pair[0]
    if target is not None and target.actor is not None and target.actor.code is None and target.actor.name \
            and sources and sources[0].actor is not None:
        # "নাইজেরিয়ার উত্তর-পশ্চিমাঞ্চলে আইএস গোষ্ঠীর বিরুদ্ধে হামলা": a stateless group is coded by
        # the one country it is fought in
        src_code = sources[0].actor.code
        where = {m.place.code for m in _within(list(places), clause.start, clause.after_end)
                 if m.place is not None and m.place.code and m.place.code != src_code}
        if len(where) == 1:
            target = replace(target, actor=replace(target.actor, code=where.pop()))
    if pred.type == "ASSAULT" and pred.frame == "st" and sources:
        target = _rebels_victims(clause, actors, text, sources[0], target)
    if pred.type == "SANCTION" and target is None and sources:
        target = _missions_host(clause, places, text, sources[0])
    if pred.type == "ASSAULT" and pred.frame == "st" and target is None and sources:
        target = _that_land(clause, places, text, sources[0])
    if pred.type == "RETREAT" and pred.mode == "withdraw" and sources and target is not None:
        target = _withdrawn_from(clause, places, text, sources[0], target)
    if pred.type == "SUPPORT" and target is not None and roles.get(id(target)) == "AGAINST":
        target = _backed_doer(window, roles, text, clause, target)
    if not sources:
        return None
    more = [m for m in conj_targets if target is not None and m is not target and m not in sources]
    return _Args(sources, target, symmetric, more)


def _place(places: list[Mention], clause: _Clause, target: Mention | None, mode: str | None) -> Place | None:
    near = [m for m in _within(places, clause.start, clause.after_end) if m.place is not None]
    loc = [m for m in near if (m.suffix or "").endswith(("য়", "এ", "তে", "ে", "য়")) or "কসমোড্রোম" in m.text]
    if loc:
        return loc[-1].place
    if mode == "visit" and target is not None:
        for m in near:
            if m.start == target.start and m.place is not None:
                return m.place
    return None


SOURCE_NOTE = regex.compile(r"সূত্র\s*:\s*([^)।,]+)")


def _attribution(sent: Sentence, actors: list[Mention], text: str) -> str | None:
    for m in _within(actors, sent.start, sent.end):
        if m.actor is not None and role_of(m, text) == "ATTRIB":
            return m.actor.name or m.text
    src = SOURCE_NOTE.search(text, sent.start, sent.end)
    if src:
        for m in _within(actors, src.start(1), sent.end):
            if m.actor is not None:
                return m.actor.name or m.text
    return None


def _confidence(source: Actor, target: Actor | None, pred: PredicateMatch, date: DateValue) -> float:
    score = 0.45
    score += 0.15 if pred.predicate.pos == "verb" else 0.0
    score += 0.15 if target is not None and target.code else 0.0
    score += 0.1 if source.name else 0.0
    score += 0.1 if date.precision != "none" else 0.0
    return round(min(score, 0.95), 2)


def _same_actor(a: Actor, b: Actor | None, home: str | None = None) -> bool:
    """Self-directed or state-level self-loops are not events; domestic dyads between
    different bodies (police → party) are — in the article's own state, or where the two
    sides are plainly different kinds of body (a government and an armed group)."""
    if b is None or a.code != b.code:
        return False
    people = load_gazetteer().people
    if a.name != b.name and a.name in people and b.name in people:
        return False  # two named people of one state are two sides (বাইডেন কমলা হ্যারিসকে সমর্থন দেন)
    kinds = {a.sector, b.sector}
    if a.code != home and not (None not in kinds and len(kinds) == 2 and not kinds <= {"GOV", "MIL"}):
        return True
    if a.sector is None or b.sector is None:
        return True  # the state itself and one of its own bodies or people are one side
    # two bodies of one state's government or military are one side; two different
    # parties, groups or courts are not (বিএনপি আওয়ামী লীগের বিরুদ্ধে বিক্ষোভ করেছে)
    return a.name == b.name or (a.sector == b.sector and a.sector in (None, "GOV", "MIL"))


def _as_actor(m: Mention) -> Actor:
    a = m.actor
    assert a is not None
    name = a.name
    if name is None and a.code:  # দেশটির সেনারা resolved to a state: its institution, or the state
        name = _institution_name(COUNTRY_ANAPHOR.sub("", m.text).strip(), a.code) or load_gazetteer().code_name(a.code)
    return Actor(a.code, name, a.sector, m.text)


NEWS_DAY_ANCHORS = frozenset({"weekday", "weekday+relative", "published"})
LEAD_SENTENCES = 3


def _governing_dates(sentences: list[Sentence], dates: list[Mention]) -> dict[int, Mention]:
    """Dates that govern sentences with none of their own, as Bengali news uses them:
    a sentence opening with a date ("১৩ সেপ্টেম্বর, …") governs the rest of its paragraph;
    the one day named in the article's lead (আজ সোমবার, গতকাল, বৃহস্পতিবার) governs the lead's
    other sentences. Never the publication date itself."""
    governing: dict[int, Mention] = {}
    current: tuple[int, Mention] | None = None
    for s in sentences:
        first = _within(dates, s.start, s.end)
        if first and first[0].start - s.start <= 2 and LEAD_DATE.match(s.text):
            current = (s.paragraph, first[0])
        if current is not None and current[0] == s.paragraph:
            governing[s.index] = current[1]
    news_day = _news_day(sentences, dates)
    if news_day is not None:
        for s in [s for s in sentences if s.kind == "body"][:LEAD_SENTENCES]:
            governing.setdefault(s.index, news_day)
    return governing


# "সোমবার (২৯ ডিসেম্বর) বেলা সোয়া ১১টার দিকে … এই ঘটনা ঘটে": the day of what the lead told
INCIDENT = regex.compile(r"(?<![\p{L}\p{M}])(?:এই|এ|ওই)\s+ঘটনা(?:টি)?\s+(?:ঘটে|ঘটেছে|ঘটেছিল|ঘটলে)(?![\p{L}\p{M}])")
INCIDENT_SENTENCES = 6


def _incident_day(sentences: list[Sentence], dates: list[Mention]) -> Mention | None:
    """The day an early sentence gives for "this incident" (the act the lead told), when
    no other sentence of the lead names the day it reports on."""
    for s in [s for s in sentences if s.kind == "body"][:INCIDENT_SENTENCES]:
        if INCIDENT.search(s.text):
            days = [d for d in _within(dates, s.start, s.end) if d.date is not None and d.date.precision == "day"]
            return days[0] if days else None
    return None


def _lead_day(sentences: list[Sentence], dates: list[Mention]) -> Mention | None:
    """The first day-precise date of the article's lead: the day its story happened."""
    for s in [s for s in sentences if s.kind == "body"][:LEAD_SENTENCES]:
        for d in _within(dates, s.start, s.end):
            if d.date is not None and d.date.precision == "day":
                return d
    return None


def _news_day(sentences: list[Sentence], dates: list[Mention]) -> Mention | None:
    """The one day the article's lead names by আজ/গতকাল/a weekday: the day it reports on."""
    lead = [s for s in sentences if s.kind == "body"][:LEAD_SENTENCES]
    days = {d.date.date: d for s in lead for d in _within(dates, s.start, s.end)
            if d.date is not None and d.date.precision == "day" and d.resolved_by in NEWS_DAY_ANCHORS}
    return next(iter(days.values())) if len(days) == 1 else None


@dataclass(slots=True)
class _Coded:
    """A clause with its arguments and factuality, before it becomes events."""

    clause: _Clause
    args: _Args
    status: str
    attributed_to: str | None
    date: Mention | None


EMBEDDED = regex.compile(r"^[\s\"”’'।]*(?:[\p{L}\p{M}]+\s+){0,2}বলে(?:\s|$)")
FOR_CLAIM = regex.compile(r"^[\s\"”’']*(?:এর\s+)?(?:জন্য|দায়ে|অভিযোগে)(?:\s|$)")
CLAIM_TYPES = ("ACCUSE",)
WARNING_TYPES = ("THREATEN", "REQUEST")


def _name(m: Mention) -> str | None:
    return m.actor.name if m.actor is not None else None


def _link_claims(coded: list[_Coded], text: str, actors: Sequence[Mention] = ()) -> list[_Coded]:
    """Rule 5: "<act> বলে অভিযোগ করেছে X" — the act is alleged and attributed to X, and
    X's accusation is aimed at the act's doers. "X Y-কে <act>-এর জন্য অভিযুক্ত করে" — the
    act's doer is Y."""
    out = list(coded)
    for i, c in enumerate(coded):
        if c.clause.pred.predicate.frame == "sp":
            continue  # an accusation said of someone (_said_of) is the claim itself, not an act claimed
        nxt = next((d for d in coded[i + 1:] if d.clause.pred.predicate.pos == "verb"), None)
        if nxt is not None and nxt.clause.pred.predicate.type in WARNING_TYPES and nxt.args.target is None \
                and c.args.target is not None and c.args.target not in nxt.args.sources \
                and EMBEDDED.match(text[c.clause.end:c.clause.end + 40]):
            # "কিয়েভকে ‘উপযুক্ত জবাব’ দেওয়া হবে বলে হুঁশিয়ারি দিয়েছেন পুতিন": the warning is aimed at
            # whom the warned act is aimed at; a warned act of the warning's own type is its content
            nxt.args = _Args(nxt.args.sources, c.args.target, False)
            if c.clause.pred.predicate.type == nxt.clause.pred.predicate.type and c in out:
                out.remove(c)
            continue
        if nxt is None or nxt.clause.pred.predicate.type not in CLAIM_TYPES:
            continue
        after = text[c.clause.end:c.clause.end + 40]
        accuser = nxt.args.sources[0] if nxt.args.sources else None
        if EMBEDDED.match(after):
            c.args = _embedded_doer(c, accuser, text, actors)
            c.status = "alleged"
            if c.date is not None and not c.clause.start <= c.date.start < c.clause.end:
                c.date = None  # a lead's or the claim's day dates the claim, not the act it alleges
            c.attributed_to = _name(accuser) if accuser else c.attributed_to
            doers = [*c.args.sources, *([c.args.target] if c.args.symmetric and c.args.target else [])]
            if doers and (nxt.args.target is None or nxt.args.target in c.args.sources
                          or nxt.args.target is c.args.target):  # (whom the act is done to is not the accused)
                extra = [_Coded(nxt.clause, _Args(nxt.args.sources, d, False), nxt.status, nxt.attributed_to,
                                nxt.date) for d in doers[1:]]
                nxt.args = _Args(nxt.args.sources, doers[0], False)
                out.extend(extra)
        elif (c.clause.pred.predicate.pos == "noun" or VERBAL_NOUN.search(text, c.clause.start, c.clause.end)) \
                and FOR_CLAIM.match(after) and nxt.args.target is not None:
            c.status = "alleged"
            c.attributed_to = _name(accuser) if accuser else None
            c.args = _Args([nxt.args.target], None if c.clause.pred.predicate.frame == "s" else c.args.target,
                           c.args.symmetric)
            c.date = c.date or nxt.date
    return out


def _embedded_doer(c: _Coded, accuser: Mention | None, text: str, actors: Sequence[Mention]) -> _Args:
    """"X … কিয়েভ ‘…ভয় দেখানোর’ চেষ্টা করছে বলে অভিযোগ করেছেন": the claimed act's subject is the
    one named inside the claim after its accuser, not the accuser who opens the sentence."""
    if accuser is None or accuser.actor is None or not c.args.sources or c.args.sources[0].actor is None \
            or c.args.sources[0].actor.code != accuser.actor.code:
        return c.args
    inner = [m for m in _within(list(actors), c.clause.start, _pred_start(c.clause)) if m.start >= accuser.end and m.actor is not None and m.actor.code
             and m.actor.code != accuser.actor.code and role_of(m, text) == "NOM"]
    if not inner:
        return c.args
    target = c.args.target if c.args.target is not inner[0] else None
    return _Args([inner[0]], target, c.args.symmetric)


def _warned_object(clause: _Clause, actors: list[Mention], text: str) -> Mention | None:
    """The object of a doer-less act reported by a following warning or call (…-কে <act> বলে
    হুঁশিয়ারি দিয়েছেন X), which the warning is aimed at."""
    if not EMBEDDED.match(text[clause.end:clause.end + 40]):
        return None
    objs = [m for m in _within(actors, clause.start, clause.end) if m.actor is not None and m.actor.code
            and role_of(m, text) in ("OBJ", "AGAINST", "ON", "TO")]
    return objs[-1] if objs else None


def _noun_claim_placeholder(clause: _Clause) -> _Args:
    return _Args([], None, clause.pred.predicate.symmetric)


# A light verb right after a predicate noun makes it a verb clause (আহ্বান জানিয়েছে,
# হামলা চালিয়েছে, নিন্দা জানান): its subject stands in the clause, not beside the noun. Bare
# নিয়ে/দিয়ে/হয়ে are postpositions (about, by, via), not light verbs.
LIGHT_VERB = regex.compile(
    r"[\s’'\"”]*(?!(?:নিয়ে|দিয়ে|হয়ে)(?![\p{L}\p{M}]))"
    r"(?:কর|জানা|জানি|দিয়|দিচ্ছ|দিল|দিত|দেন|দেয়|দেব|দেও|চালা|চালি|নিয়|নেয়|নেন|তুল|তোল"
    r"|হয়|হল|হলো|হবে|হচ্ছ|হত|হওয়া|শুরু\s+(?:কর|হয়|হল|হলো|হবে))[\p{L}\p{M}]*")  # … আগ্রাসন শুরু করেছিল


def _verbalise(preds: list[PredicateMatch], text: str) -> list[PredicateMatch]:
    out: list[PredicateMatch] = []
    for i, p in enumerate(preds):
        nxt = preds[i + 1].start if i + 1 < len(preds) else len(text)
        m = LIGHT_VERB.match(text, p.end, nxt) if p.predicate.pos == "noun" else None
        if m is not None and m.end() <= nxt:
            p = PredicateMatch(replace(p.predicate, pos="verb"), p.start, m.end())
        out.append(p)
    return out


# "X-এর অভিযোগ, <clause>" / "X-এর দাবি, <clause>": X claims the clause (rule 5).
CLAIM_LEAD = regex.compile(r"\s*(?:অভিযোগ|দাবি|দাবী)\s*,\s*")
# Acts a speaker performs by speaking: "X বলেছেন, <Y-কে জবাব দেওয়া হবে>" is X's threat.
SPEECH_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AGREE"})


def _claim_lead(sent: Sentence, actors: list[Mention], text: str) -> tuple[Mention, int] | None:
    """The claimant of a sentence opening "X-এর অভিযোগ, …" and where the claim starts."""
    for m in _within(actors, sent.start, sent.end):
        if m.actor is None or not m.actor.code or m.start - sent.start > 40:
            continue
        lead = CLAIM_LEAD.match(text, m.end, sent.end)
        if lead is not None:
            return m, lead.end()
    return None


QUOTE_OPEN = regex.compile(r"\s*([\"“‘])")
QUOTE_CLOSE = {'"': '"', "“": "”", "‘": "’"}
# after the closing quote: ", তিনি বলেন।" / "বলেছেন মন্ত্রী।" — who said it, and nothing else
SAID_AFTER = regex.compile(r"\s*,?\s*(?:[^।,\"“”‘’]{0,60}?)(?:বলেন|বলেছেন|বলেছে|বলছেন|জানান|জানিয়েছেন|জানিয়েছে)"
                           r"(?:\s+[^।,\"“”‘’]{0,60}?)?\s*[।.]?\s*$")


def _quoted_claim(sent: Sentence, actors: list[Mention], text: str) -> tuple[Mention, int, int] | None:
    """For a sentence that is a quotation followed by who said it ('"…," তিনি বলেন।'): the
    speaker and the quotation's span."""
    q = QUOTE_OPEN.match(text, sent.start, sent.end)
    if q is None:
        return None
    close = text.rfind(QUOTE_CLOSE[q.group(1)], q.end(), sent.end)
    if close < 0 or not SAID_AFTER.match(text, close + 1, sent.end):
        return None
    who = [m for m in _within(actors, close + 1, sent.end) if m.actor is not None and m.actor.code]
    return (who[0], q.end(), close) if who else None


def _speaker(sent: Sentence, actors: list[Mention], text: str, start: int) -> Mention | None:
    """The named subject of a reporting verb that ends right where a clause starts."""
    for r in REPORTING.finditer(text, sent.start, start):
        if r.end() != start:
            continue
        subj = [m for m in _within(actors, sent.start, r.start())
                if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
        if subj:
            return subj[0]
    return None


# "<Y …> বলে(ও) অভিযোগ/দাবি/মন্তব্য করেছেন X": the one who says it stands after the clause
SAID_BEHIND = regex.compile(r"[’'\"”]?\s*(?:[\p{L}\p{M}]+\s+){0,5}?বলে(?:ও|ই)?\s+(?:[^,।\s]+\s+){0,3}?"
                            r"(?:দাবি|দাবী|অভিযোগ|মন্তব্য|উল্লেখ)\s+(?:কর|জানা)[\p{L}\p{M}]*")


def _said_of(clause: _Clause, sent: Sentence, actors: list[Mention], text: str,
             claim: tuple[Mention, int] | None, quoted: tuple[Mention, int, int] | None,
             places: Sequence[Mention], home: str | None, domestic: bool,
             voice: Mention | None = None) -> _Args | None:
    """A predicate of frame ``sp`` (ভণ্ডুল করার চেষ্টা করছে, অপপ্রচার চালাচ্ছে) is an accusation
    only when someone named says it: "X বলেন, Y …", "X-এর অভিযোগ, Y …", '"Y …," X বলেন' — X is
    the source, the clause's own subject Y the target."""
    at = sent.start + clause.pred.start
    speaker = _speaker(sent, actors, text, clause.start)
    if speaker is None and claim is not None and at >= claim[1]:
        speaker = claim[0]
    if speaker is None and quoted is not None and quoted[1] <= at < quoted[2]:
        speaker = quoted[0]
    speaker = speaker or voice  # "তিনি আরও বলেন, …"
    behind = SAID_BEHIND.match(text, sent.start + clause.pred.end, sent.end) if speaker is None else None
    if behind is not None:
        speaker = next((m for m in _within(actors, behind.end(), sent.end) if m.actor is not None
                        and m.actor.code and role_of(m, text) == "NOM"), None)
    if speaker is None or speaker.actor is None:
        return None
    as_st = replace(clause, pred=replace(clause.pred, predicate=replace(clause.pred.predicate, frame="st")))
    args = _arguments(as_st, actors, text, None, places, home, domestic, None)
    if args is None or not args.sources:
        # (the act's own object may leave it no arguments: its named subject is still whom it is said of)
        noms = [m for m in _within(actors, clause.start, sent.start + clause.pred.start)
                if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
        if not noms:
            return None
        args = _Args(noms[:1], None, False)
    said = args.sources[0]
    at_end = sent.start + clause.pred.end
    if "।" in text[min(said.end, at_end):max(said.start, at):]:
        return None  # a subject across a danda (inside a long quotation) is another sentence's
    if said is speaker or said.actor is None or said.resolved_by == "implied" \
            or _same_actor(_as_actor(said), _as_actor(speaker), home):
        return None
    more = [m for m in args.sources[1:] if m.actor is not None and not _same_actor(_as_actor(m), _as_actor(speaker), home)]
    return _Args([speaker], said, False, more)


# "বৃহস্পতিবার এক ব্রিফিংয়ে এই তথ্য জানিয়েছেন X": X told what the sentence before says.
TOLD_THIS = regex.compile(r"(?<![\p{L}\p{M}])(?:এই|এ|এসব|এমন)\s+(?:তথ্য|কথা|খবর)(?![\p{L}\p{M}])[^।]{0,60}?"
                          r"(?:জানিয়েছেন|জানিয়েছে|জানান|জানায়|বলেছেন|বলেন|বলেছে)(?![\p{L}\p{M}])")


def _tellers(sentences: list[Sentence], actors: list[Mention], text: str) -> dict[int, Mention]:
    """Sentence index -> who the following sentence says told it."""
    out: dict[int, Mention] = {}
    for prev, s in zip(sentences, sentences[1:]):
        if TOLD_THIS.search(s.text):
            who = [m for m in _within(actors, s.start, s.end)
                   if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
            if who:
                out[prev.index] = who[-1]
    return out


# Words that make an AGREE a stated intent (wants, is ready, will), not a past agreement.
INTENT = regex.compile(r"(?<![\p{L}\p{M}])(?:চায়|চাই|চান|চাইছে|চাচ্ছে|চাইছেন|প্রস্তুত|আগ্রহী|ইচ্ছুক|ইচ্ছা|"
                       r"[\p{L}\p{M}]*(?:বে|বেন))(?![\p{L}\p{M}])")


PHRASE_STOP = regex.compile(r"[,।]")


def _phrase_end(s: str, at: int, span: int = 40) -> int:
    """Where the verb phrase after ``at`` ends: the next comma or danda, at most ``span`` on."""
    stop = PHRASE_STOP.search(s, at, min(at + span, len(s)))
    return stop.start() if stop else min(at + span, len(s))


def _state_level(m: Mention) -> bool:
    return m.actor is None or m.actor.name is None or m.actor.name == load_gazetteer().code_name(m.actor.code)


def _intent_by_speaker(args: _Args, sent: Sentence, actors: list[Mention], text: str, start: int,
                       teller: Mention | None = None) -> _Args:
    """An intent stated by someone (রাশিয়ার পররাষ্ট্র মন্ত্রণালয় বলেছে যে মস্কো … সহযোগিতা
    উন্নত করতে চায়; গোল্ডবার্গের মতে, যুক্তরাষ্ট্র … প্রস্তুত) is that speaker's act (PLOVER AGREE:
    expressing intent): when the clause names only the speaker's state, the speaker is the
    source (rule 6, the most specific actor), and one told it (পুতিন কিমকে জানিয়েছেন, … দেশ
    দুটি) is the target when of the target's state."""
    if not args.sources or not all(_state_level(m) for m in args.sources):
        return args
    speaker: Mention | None = None
    addressee: Mention | None = None
    for r in REPORTING.finditer(text, sent.start, start):
        before = [m for m in _within(actors, sent.start, r.start()) if m.actor is not None and m.actor.code]
        subj = [m for m in before if role_of(m, text) == "NOM"]
        if subj:
            speaker = subj[0]
            addressee = next((m for m in before if m.start > speaker.start and role_of(m, text) == "OBJ"), None)
            break
    if speaker is None:
        speaker = next((m for m in _within(actors, sent.start, start)
                        if m.actor is not None and m.actor.code and role_of(m, text) == "ATTRIB"), None)
    speaker = speaker or teller
    if speaker is None or speaker.actor is None or _state_level(speaker):
        return args
    codes = {m.actor.code for m in args.sources if m.actor is not None}
    if speaker.actor.code not in codes and not (args.target is not None and args.target.actor is not None
                                                and {speaker.actor.code, args.target.actor.code} >= codes):
        return args
    target = args.target
    if addressee is not None and addressee.actor is not None and not _state_level(addressee) \
            and addressee.actor.code != speaker.actor.code \
            and (target is None or target.actor is None or target.actor.code == addressee.actor.code):
        target = addressee
    elif target is not None and target.actor is not None and target.actor.code == speaker.actor.code:
        return args
    return _Args([speaker], target, args.symmetric)


INFINITIVE = regex.compile(r"তে$")
# "থাইল্যান্ডের সঙ্গে কম্বোডিয়ার লড়াই চলছে": a mutual act that goes on takes its arguments as a noun does.
NOUN_GOES_ON = regex.compile(r"\s(?:চলছে|চলছিল|চলেছে|চলে|চলমান|চলতে\s+থাকে|চলতে\s+থাকবে)$")
NOUN_BE = regex.compile(r"\s(?:হয়|হল|হলো|হবে|হচ্ছ|হত|হওয়া|হয়েছ|হয়নি)[\p{L}\p{M}]*$")
ALL_PARTIES = regex.compile(r"(?<![\p{L}\p{M}])(?:সব|সকল|সংশ্লিষ্ট\s+সব)\s+(?:পক্ষ|পক্ষে|দল)(?:কে|কেই|কেও|ের\s+প্রতি)"
                         r"(?![\p{L}\p{M}])")
THEIR_COUNTRY = regex.compile(r"(?<![\p{L}\p{M}])(?:তাঁদের|তাদের|তার|তাঁর|নিজেদের)\s+দেশ(?:ের|কে|ে)?(?![\p{L}\p{M}])")
THEN = regex.compile(r"\s*,\s*তখন(?![\p{L}\p{M}])")
INTERCEPTED = regex.compile(r"(?:ক্ষেপণাস্ত্র|মিসাইল|ড্রোন|রকেট)[\p{L}\p{M}]*\s*$")
ACCUSAL = regex.compile(r"অভিযুক্ত|অভিযোগ|দোষারোপ|দায়ী")
REPORTER_TALK = regex.compile(r"\s*জানা\s+(?:যায়|গেছে|গিয়েছে)")
PURPOSE = regex.compile(r"(?:ার|ের|নোর)$")
FOR = regex.compile(r"[\s\"”’']+জন্য(?![\p{L}\p{M}])")


def _drop_requested(coded: list[_Coded], text: str) -> list[_Coded]:
    """An act in an infinitive or purpose clause governed by a request or an incitement
    (Y-কে হামলা না চালাতে আহ্বান জানান, হামলা করার জন্য চীনকে উসকানি দিচ্ছেন) is asked of
    someone, not done: it is no event of the clause's subject; an act someone is thanked or
    praised for (উষ্ণ অভ্যর্থনার জন্য ধন্যবাদ জানান) was done by the one thanked."""
    out = []
    for i, c in enumerate(coded):
        nxt = coded[i + 1] if i + 1 < len(coded) else None
        pm = c.clause.pred
        last = text[c.clause.end - (pm.end - pm.start):c.clause.end]
        nonfinite = bool(INFINITIVE.search(last)) or (bool(PURPOSE.search(last)) and bool(FOR.match(text, c.clause.end)))
        if (nxt is not None and pm.predicate.type == nxt.clause.pred.predicate.type == "REQUEST"
                and PURPOSE.search(last) and not text[c.clause.end:_pred_start(nxt.clause)].strip()):
            continue  # "বিরত থাকার আহ্বান জানান": what is called for, inside the one call
        if (nxt is not None and nonfinite and pm.predicate.pos == "verb"
                and (nxt.clause.pred.predicate.type in ("REQUEST", "ACCUSE")
                     or (nxt.clause.pred.predicate.type == "SUPPORT" and FOR.match(text, c.clause.end)))
                and (pm.predicate.type not in ("REQUEST", "ACCUSE", "SUPPORT")
                     or pm.predicate.mode == "investigate"  # X-কে … খতিয়ে দেখার জন্য আবেদন: asked of X
                     or (pm.predicate.type == nxt.clause.pred.predicate.type == "REQUEST"
                         and INFINITIVE.search(last)))  # বিরত থাকতে আহ্বান: one request
                and "," not in text[c.clause.end:nxt.clause.end]
                and not (FOR.match(text, c.clause.end) and nxt.clause.pred.predicate.type == "ACCUSE"
                         and ACCUSAL.search(text, _pred_start(nxt.clause), nxt.clause.end))):
            continue  # (but "Y-কে <act>-এর জন্য অভিযুক্ত করে" alleges the act: _link_claims)
        out.append(c)
    return out


def _announced(clause: _Clause, text: str) -> bool:
    """A protest named as what was announced (… করার ঘোষণা দিয়েছেন, … পালনের ঘোষণা দিয়েছে)."""
    light = LIGHT_VN_AFTER.match(text, clause.end)
    return bool(VERBAL_NOUN.search(text, _pred_start(clause), clause.end) or light is not None
                or clause.pred.predicate.pos == "noun") \
        and ANNOUNCED.match(text, light.end() if light is not None else clause.end) is not None


# "… রাস্তায় নেমে আসবেন বলেও হুঁশিয়ারি দেওয়া হয়": what a threat says will be done
THREAT_AFTER = regex.compile(r"[^,।]{0,30}?বলে(?:ও|ই)?\s+(?:হুঁশিয়ারি|হুশিয়ারি|হুমকি|আল্টিমেটাম)")


def _drop_threatened(coded: list[_Coded], text: str) -> list[_Coded]:
    """A protest or an attack told only as what will happen if a demand is not met ("X-কে গ্রেফতার
    করা না হলে ব্যবসায়ীরা রাস্তায় নেমে আসবেন বলে হুঁশিয়ারি") is what the threat says, not an act of
    its own (the threat is the event)."""
    return [c for c in coded
            if not (c.clause.pred.predicate.type in ("PROTEST", "ASSAULT") and c.status in ("planned", "hypothetical")
                    and THREAT_AFTER.match(text, c.clause.end))]


# "মানববন্ধনে হামলা", "সমাবেশে হামলা চালায়", "মিছিলে গুলি": an attack on a gathering
ON_GATHERING = regex.compile(r"(?:ে|য়|তে)\s*$")


def _gathering_day(coded: list[_Coded], text: str) -> list[_Coded]:
    """A protest named only as what was attacked (ব্যবসায়ীদের মানববন্ধনে হামলা চালিয়েছে একদল দুর্বৃত্ত)
    was being held when the attack came: undated, it takes the attack's date."""
    for i, c in enumerate(coded[:-1]):
        nxt = coded[i + 1]
        if (c.date is None and nxt.date is not None and c.clause.pred.predicate.type == "PROTEST"
                and c.clause.pred.predicate.pos == "noun" and nxt.clause.pred.predicate.type == "ASSAULT"
                and c.status == nxt.status == "occurred"
                and ON_GATHERING.search(text, c.clause.start, c.clause.end)
                and not text[c.clause.end:_pred_start(nxt.clause)].strip()):
            c.date = nxt.date
    return coded


def _drop_chained_protest(coded: list[_Coded], text: str) -> list[_Coded]:
    """"শাহবাগ অবরোধ করে বিক্ষোভ করার ঘোষণা দিয়েছেন": a protest participle leading straight into
    another, announced protest is the manner of that one act, and shares its status and date."""
    out = []
    for i, c in enumerate(coded):
        nxt = coded[i + 1] if i + 1 < len(coded) else None
        if (nxt is not None and c.clause.pred.predicate.type == nxt.clause.pred.predicate.type == "PROTEST"
                and CHAIN_PARTICIPLE.search(text, c.clause.start, c.clause.end)
                and not text[c.clause.end:_pred_start(nxt.clause)].strip()
                and c.status != nxt.status and _announced(nxt.clause, text)):
            continue
        out.append(c)
    return out


# Present progressive (আলোচনা করছেন, হামলা চালাচ্ছে, অগ্রসর হচ্ছে), not the perfect (করেছে).
PROGRESSIVE = regex.compile(r"^[\p{L}\p{M}]*(?:চ্ছ|[^\u09c7\u09cd]ছ)(?:ে|েন)$")


def _ongoing(published: dt.date, sent: Sentence, pm: PredicateMatch) -> Mention | None:
    """An act the outlet reports in its own voice in the present progressive (ইসরায়েল … নিন্দা
    জানাচ্ছে) is going on as it publishes: it happens on the publication day (a reading of the
    verb's tense, not a default; not for an alleged act or one kept up over time)."""
    after = WORD.findall(sent.text[pm.end:pm.end + 20])[:1]
    words = [*WORD.findall(sent.text[pm.start:pm.end])[-1:], *after]
    verb = next((w for w in words if PROGRESSIVE.match(w)), None)
    if verb is None:
        return None
    at = sent.start + pm.start
    return Mention("date", at, at, verb, date=DateValue(published.isoformat(), "day", verb))


# A pluperfect (বর্জন করেছিল, মোতায়েন করা হয়েছিল): the act is told as earlier than the day the
# article reports on, so that day gives it no more than its year.
PLUPERFECT = regex.compile(r"^[\p{L}\p{M}]+েছিল(?:েন|ো|াম)?$")  # not মিছিল


def _pluperfect(sent: Sentence, pm: PredicateMatch) -> bool:
    """The predicate's verb is pluperfect (করেছিল, হয়েছিল): done before the day reported on."""
    words = [*WORD.findall(sent.text[pm.start:pm.end])[-1:], *WORD.findall(sent.text[pm.end:pm.end + 24])[:2]]
    return any(PLUPERFECT.match(w) for w in words)


def _year_of(m: Mention | None) -> Mention | None:
    """The year of a day: all that the news day says of an act told in the pluperfect."""
    if m is None or m.date is None or not m.date.date:
        return m
    return replace(m, date=DateValue(m.date.date[:4], "year", m.text))


# "X-এর হামলায় আহত/নিহত": X is the attack's doer, whoever the sentence's subject is.
ATTACK_HURT = regex.compile(r"(?:হামলায়|হামলাতে|আক্রমণে)\s+(?:আহত|নিহত|হতাহত|জখম)(?![\p{L}\p{M}])")
GENITIVE_TEXT = regex.compile(r"(?:র|ের|দের)$")


def _doer_as_target(clause: _Clause, args: _Args, text: str) -> bool:
    """An attack noun right after its genitive doer and before its casualties (বিক্ষোভকারীদের
    হামলায় আহত সেনাদের দেখতে যান সেনাপ্রধান) whose doer the coder made the target."""
    t = args.target
    if clause.pred.predicate.type != "ASSAULT" or t is None or t.actor is None:
        return False
    p0 = _pred_start(clause)
    return (ATTACK_HURT.match(text, p0) is not None and GENITIVE_TEXT.search(t.text) is not None
            and MODIFIER_GAP.match(text, t.end, p0) is not None)


# A sentence that opens "after that": its act follows the one the text has just dated.
AFTER_THAT = regex.compile(r"\s*(?:(?:এ|এই|ওই|সেই)\s+ঘটনার\s+(?:পরপরই|পরই|পর|পরে)|এরপর|এর\s+পর|তারপর|এরপরই)"
                           r"(?![\p{L}\p{M}])")


def _after_earlier(dates: list[Mention], sent: Sentence, published: dt.date) -> Mention | None:
    """An act told as following the last dated act before it (and reported by ``published``)
    lies between the two: dated by the finest period holding both (month or year), else none."""
    earlier = [d for d in dates if d.end <= sent.start and d.date is not None and d.date.date]
    if not earlier:
        return None
    d = earlier[-1]
    assert d.date is not None and d.date.date is not None
    start, pub = d.date.date, published.isoformat()
    if start > pub:
        return None
    if start[:7] == pub[:7] and d.date.precision in ("day", "week", "month"):
        value = DateValue(pub[:7], "month", d.text)
    elif start[:4] == pub[:4]:
        value = DateValue(pub[:4], "year", d.text)
    else:
        return None
    return Mention("date", d.start, d.end, d.text, date=value)


DATE_AND = regex.compile(r"^\s*(?:,|এবং|ও|আর)\s*$|^\s*,\s*(?:এবং|ও)\s*$")


def _conjoined_dates(dates: list[Mention], clause: _Clause, date: Mention | None, text: str) -> list[Mention]:
    """Dates coordinated with the clause's picked date (X এবং Y): each dates its own act."""
    in_clause = _within(dates, clause.start, clause.end)
    if date is None or not in_clause or in_clause[-1] is not date:
        return []
    out: list[Mention] = []
    right = date
    for d in reversed(in_clause[:-1]):
        if d.date is None or not DATE_AND.match(text[d.end:right.start]):
            break
        out.append(d)
        right = d
    return out


def _participle_doer(args: _Args | None, clause: _Clause, prev: _Coded | None, text: str) -> _Args | None:
    """"X গুলি করে ১০ জনকে হত্যা করা হয়": a passive attack after an attack participle with no comma
    between is the participle's doer's act on the same side (not one by unnamed attackers)."""
    if (prev is None or clause.pred.predicate.type != "ASSAULT" or clause.pred.predicate.frame != "ts"
            or prev.clause.pred.predicate.type != "ASSAULT" or prev.clause.pred.predicate.pos != "verb"
            or not prev.args.sources or prev.args.target is None
            or not PARTICIPLE.search(text, prev.clause.start, prev.clause.end)
            or "," in text[prev.clause.end:clause.end]):
        return args
    if args is not None and any(m.actor is not None and m.actor.code and m.resolved_by not in ("implied", "home", "generic")
                                for m in args.sources):
        return args  # (a named doer of its own)
    return _Args(prev.args.sources, prev.args.target, False)


def _speaker_partner(clause: _Clause, actors: list[Mention], text: str) -> _Args | None:
    """"যুক্তরাষ্ট্রের আফ্রিকা কমান্ড জানায়, নাইজেরিয়ার সঙ্গে সমন্বয় করে … হামলা চালানো হয়েছে": a
    cooperation told with its partner and no subject of its own, right after "X জানায়,", is X's."""
    partner = [m for m in _within(actors, clause.start, _pred_start(clause)) if m.actor is not None
               and m.actor.code and role_of(m, text) == "COM"]
    if not partner:
        return None
    for r in REPORTING.finditer(text, clause.sent_start, clause.start):
        if r.end() != clause.start or "," not in r.group():
            continue
        subj = [m for m in _within(actors, clause.sent_start, r.start())
                if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
        if subj and subj[0].actor.code != partner[-1].actor.code:
            return _Args([subj[0]], partner[-1], True)
    return None


# "দিল্লিতে নিযুক্ত বাংলাদেশের হাইকমিশনারকে … ঢাকায় তলব/ডেকে আনা": an envoy posted abroad, called home.
POSTED_ENVOY = regex.compile(r"\s+(?:নিযুক্ত|অবস্থিত|কর্মরত)\s+")
# "… ঢাকায় তলব", "… দেশে ডেকে আনা": called to the envoy's own capital or country, not to the host's
# foreign ministry (ঢাকায় নিযুক্ত ভারতের হাইকমিশনারকে তলব করেছে বাংলাদেশ is a summons of a foreign envoy)
HOME_WORD = regex.compile(r"(?<![\p{L}\p{M}])(?:দেশে|স্বদেশে|নিজ\s+দেশে)\s+$")
ENVOY_AFTER = regex.compile(r"\s*(?:হাইকমিশনার|রাষ্ট্রদূত|দূত|হাই\s+কমিশনার)")
CALLED_HOME = regex.compile(r"(?:তলব|ডেকে\s+আনা|ডেকে\s+পাঠানো|ফিরিয়ে\s+আনা|দেশে\s+ফেরত)")


def _recalled_envoy(clause: _Clause, actors: list[Mention], places: list[Mention], text: str) -> _Args | None:
    """A summons of a state's own envoy posted in another state: that state recalls him."""
    p0 = _pred_start(clause)
    if not CALLED_HOME.match(text, p0):
        return None
    for host in _within(places, clause.start, p0):
        if host.place is None or not host.place.code or not (host.suffix or "").endswith(LOCATIVE) \
                or not POSTED_ENVOY.match(text, host.end):
            continue
        owner = next((m for m in _within(actors, host.end, p0) if m.actor is not None and m.actor.code
                      and m.actor.code != host.place.code and m.start - host.end <= 12), None)
        gen_end = owner.start + len(owner.text.split()[0]) if owner is not None else 0
        if owner is None or not ENVOY_AFTER.match(text, gen_end):
            continue
        called_to = [m for m in _within(places, owner.end, p0) if m.place is not None
                     and m.place.code == owner.actor.code and (m.suffix or "").endswith(LOCATIVE)]
        if not called_to and not HOME_WORD.search(text, owner.end, p0):
            continue
        src = replace(owner, actor=replace(owner.actor, name=load_gazetteer().code_name(owner.actor.code), sector="GOV"))
        return _Args([src], _place_actor(host), False)
    return None


AT_RISK = regex.compile(r"\s+(?:ঝুঁকি|আশঙ্কা|শঙ্কা|সম্ভাবনা)(?![\p{L}\p{M}])")
FUTURE_END = regex.compile(r"(?:বে|বেন|বো)$")
HELD_STATE = regex.compile(r"(?:দখলে|নিয়ন্ত্রণে)\s+(?:রয়েছে|আছে)(?![\p{L}\p{M}])")


TRYING_NOW = regex.compile(r"\s+চেষ্টা\s+(?:চালিয়ে\s+যাচ্ছ|চালাচ্ছ)[\p{L}\p{M}]*")
TRYING = regex.compile(r"\s+চেষ্টা\s+(?:চালিয়ে\s+যা|চালা|চালি|অব্যাহত)")
COUNTER = regex.compile(r"(?<![\p{L}\p{M}])(?:পাল্টা|প্রতি)\s*(?:হামলা|আক্রমণ)")


def _counter_target(c: _Coded, text: str, attackers: dict[str, Mention] | None, actors: list[Mention],
                    published: dt.date | None = None) -> None:
    """"রুশ বাহিনী এখনো পাল্টা হামলার চেষ্টা চালিয়ে যাচ্ছে": a counter-attack with no named target is
    aimed at whoever was last told attacking the doer's state."""
    pred = c.clause.pred.predicate
    if (not attackers or pred.type != "ASSAULT" or c.args.target is not None
            or COUNTER.search(text, c.clause.start, c.clause.end) is None):
        return
    trying = c.status == "hypothetical" and TRYING.match(text, c.clause.end) is not None
    if c.status not in ("occurred", "alleged") and not trying:
        return
    sources = c.args.sources or [m for m in _within(actors, c.clause.start, _pred_start(c.clause))
                                 if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"][:1]
    if not sources or sources[0].actor is None:
        return
    foe = attackers.get(sources[0].actor.code or "")
    if foe is not None:
        c.args = _Args(sources, Mention("actor", foe.start, foe.end, foe.text, actor=foe.actor,
                                        resolved_by="attacker"), False)
        if trying:
            c.status = "occurred"  # (… পাল্টা হামলার চেষ্টা চালিয়ে যাচ্ছে: the attempts are being made)
            going = TRYING_NOW.match(text, c.clause.end)
            if going is not None and c.date is None and published is not None:  # on the day it is told
                c.date = Mention("date", c.clause.end, c.clause.end, going.group().strip(),
                                 date=DateValue(published.isoformat(), "day", going.group().strip()))


def _agreed_with(coded: list[_Coded], text: str) -> None:
    """"যুক্তরাষ্ট্রের সঙ্গে আলোচনায় বসতে রাজি হয়েছে ইরান": agreeing to meet someone is agreeing with
    them (the partner of the infinitive just before)."""
    for before, c in zip(coded, coded[1:]):
        if (c.clause.pred.predicate.type == "AGREE" and c.args.target is None and c.args.sources
                and before.clause.pred.predicate.type in ("CONSULT", "COOPERATE") and before.args.target is not None
                and AGREED_INFINITIVE.match(text, before.clause.end)
                and text[before.clause.end:_pred_start(c.clause)].isspace()):
            c.args = _Args(c.args.sources, before.args.target, False)


def _shielded_from(c: _Coded, text: str, attackers: dict[str, Mention] | None, named: list[Mention]) -> None:
    """"ইসরাইলে সম্ভাব্য হামলা ঠেকাতে যুক্তরাষ্ট্র একটি সাবমেরিন পাঠিয়েছে": a deployment to ward off an
    attack on X is aimed at whoever was last told attacking X."""
    if not attackers or c.clause.pred.predicate.type != "MOBILIZE" or c.args.target is not None or not c.args.sources:
        return
    for m in _within(named, c.clause.sent_start, c.clause.sent_end):
        code = m.actor.code if m.actor is not None else m.place.code if m.place is not None else None
        foe = attackers.get(code or "") if SHIELDED.match(text, m.end) else None
        if foe is not None and foe.actor is not None and c.args.sources[0].actor is not None \
                and foe.actor.code != c.args.sources[0].actor.code:
            c.args = _Args(c.args.sources, Mention("actor", foe.start, foe.end, foe.text, actor=foe.actor,
                                                   resolved_by="attacker"), False)
            return


# "অভিযানের প্রস্তুতি নিতে", "মোতায়েনের": what an order to one's own forces asks them to ready.
READY_FOR = regex.compile(r"(?:অভিযান|হামলা|আক্রমণ|যুদ্ধ)(?:ের|র)\s+(?:জন্য\s+)?প্রস্তুত|মোতায়েন|সর্বোচ্চ\s+সতর্ক")


def _ordered_to_ready(clause: _Clause, args: _Args | None, text: str) -> _Args | None:
    """An order (নির্দেশ) to the doer's own armed forces to ready an operation: the doer mobilises."""
    if args is None or not args.sources or args.target is None or args.sources[0].actor is None \
            or args.target.actor is None or not text.startswith("নির্দেশ", _pred_start(clause)):
        return None
    src, tgt = args.sources[0].actor, args.target.actor
    if tgt.sector != "MIL" or tgt.code != src.code or READY_FOR.search(text, clause.start, _pred_start(clause)) is None:
        return None
    return _Args(args.sources, None, False)


def _agreed_with_partner(c: _Coded, partners: dict[str, Mention] | None, named: set[str | None]) -> None:
    """"জেলেনস্কি বলেন, … ৯০ ভাগের বিষয়েই সমঝোতা হয়েছে": an agreement reached, its other party
    unnamed, is with the one the doer's side was last told meeting or agreeing with (not when the
    sentence ``named`` another side: "মস্কো এবং পিয়ংইয়ংয়ের সম্পর্ক … নিয়ে যেতে চাই")."""
    pred = c.clause.pred.predicate
    if (not partners or pred.type != "AGREE" or not pred.symmetric or c.args.target is not None
            or not c.args.sources or c.args.sources[0].actor is None or c.status != "occurred"
            or named - {None, c.args.sources[0].actor.code}):
        return
    other = partners.get(c.args.sources[0].actor.code or "")
    if other is not None and other.actor is not None and other.actor.code != c.args.sources[0].actor.code:
        c.args = _Args(c.args.sources, Mention("actor", other.start, other.end, other.text, actor=other.actor,
                                               resolved_by="partner"), True)


# "এর আগে … সতর্ক করেছিলেন": said before the day the article reports on, on a day it does not name.
EARLIER_SAID = regex.compile(r"(?<![\p{L}\p{M}])(?:এর\s+আগে|আগেই|এর\s+আগেও|আগেও)(?![\p{L}\p{M}])")


# Acts whose telling by a third party, in its own quoted words, accuses their doer (rule 5):
# '"উত্তর কোরিয়া … রাশিয়াকে অস্ত্র সরবরাহ করছে," তিনি বলেন'.
CLAIMED_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID"})


def _claim_accusation(clause: _Clause, args: _Args, claimant: Mention, day: Mention | None) -> list[_Coded]:
    """The accusation a quoted claim makes: the claimant accuses each doer of the act it tells
    (status occurred, dated the day the words were said), besides the act itself (alleged)."""
    pred = replace(clause.pred.predicate, type="ACCUSE", mode="allege", cameo="112", goldstein=-2.0,
                   quad_class=3, symmetric=False, frame="st", pos="verb")
    accusation = replace(clause, pred=replace(clause.pred, predicate=pred))
    return [_Coded(accusation, _Args([claimant], doer, False), "occurred", None, day)
            for doer in args.sources if doer.actor is not None and doer.actor.code
            and doer.actor.code != (claimant.actor.code if claimant.actor is not None else None)]


def _spoken_noun(clause: _Clause, actors: list[Mention], text: str, speaker: Mention) -> _Args | None:
    """A call or a charge named as a noun in a speaker's own words, aimed at someone and with no
    one else's act around it ("তিনি বলেন, আইনশৃঙ্খলা বাহিনীর প্রতি আহ্বান থাকবে"): the speaker's."""
    if speaker.actor is None or not speaker.actor.code:
        return None
    window = [m for m in _within(actors, clause.start, _pred_start(clause)) if m.actor is not None and m.actor.code]
    if any(role_of(m, text) in ("NOM", "GEN", "AGENT") for m in window):
        return None
    aimed = [m for m in window if role_of(m, text) in ("TO", "AGAINST")]
    if not aimed or _same_actor(_as_actor(aimed[-1]), _as_actor(speaker)):
        return None
    return _Args([speaker], aimed[-1], False)


def _all_parties(args: _Args, clause: _Clause, text: str, story: str) -> _Args:
    """"আমরা সব পক্ষকে সহিংসতা থেকে বিরত থাকার আহ্বান জানাই" by a foreign voice in an article
    mostly about one state (with no home, as :func:`_arguments` needs): all that state's parties."""
    src = args.sources[0].actor
    every = ALL_PARTIES.search(text, clause.sent_start, _pred_start(clause))
    if src is None or src.code in (None, story) or every is None:
        return args
    country = load_gazetteer().countries.get(story)
    target = Mention("actor", every.start(), every.end(), every.group(), resolved_by="object",
                     actor=Actor(story, f"all parties ({country.name if country is not None else story})",
                                 None, every.group()))
    return _Args(args.sources, target, args.symmetric, args.more)


def _rejected_owner(args: _Args, clause: _Clause, actors: list[Mention], text: str) -> _Args:
    """Whose proposal, claim or advice is refused ("ভারতের তরফ থেকে দেওয়া 'নসিহতের' প্রয়োজন নেই",
    "যুক্তরাষ্ট্রের প্রস্তাব প্রত্যাখ্যান করেছে X"): the one named in the genitive before it."""
    src = args.sources[0].actor
    owners = [m for m in _within(actors, clause.start, _pred_start(clause)) if m.actor is not None and m.actor.code
              and role_of(m, text) == "GEN" and src is not None and m.actor.code != src.code]
    return _Args(args.sources, owners[-1], args.symmetric, args.more) if owners else args


def _across_danda(args: _Args, clause: _Clause, text: str) -> bool:
    """Whether a named argument stands in another sentence of a quotation than its predicate
    (a quotation of several sentences is one sentence here)."""
    p0, p1 = _pred_start(clause), clause.end
    for m in [*args.sources, args.target]:
        if m is None or m.resolved_by in ("implied", "anaphor", "accuser", "object") \
                or not (clause.sent_start <= m.start < clause.sent_end):
            continue
        if "।" in (text[m.end:p0] if m.end <= p0 else text[p1:m.start]):
            return True
    return False


DENIABLE = CLAIMED_HOSTILE | {"THREATEN"}


def _denial(clause: _Clause, denier: Mention, day: Mention | None) -> _Coded:
    """A speaker's denial that its side did an act (REJECT, CAMEO 016 deny), aimed for now at no
    one: the accusers fallback of :func:`code_sentence` names whom it answers."""
    pred = replace(clause.pred.predicate, type="REJECT", mode=None, cameo="016", goldstein=-2.0,
                   quad_class=3, symmetric=False, frame="st", pos="verb")
    return _Coded(replace(clause, pred=replace(clause.pred, predicate=pred)), _Args([denier], None, False),
                  "occurred", None, day)


def code_sentence(article: Article, sent: Sentence, actors: list[Mention], dates: list[Mention],
                  places: list[Mention], para_lead: Mention | None, carried: Mention | None,
                  news_day: Mention | None = None, home: str | None = None,
                  lead_day: Mention | None = None, accusers: dict[str, Mention] | None = None,
                  domestic: bool = False, antecedent: Mention | None = None,
                  teller: Mention | None = None, voice: Mention | None = None,
                  attackers: dict[str, Mention] | None = None,
                  partners: dict[str, Mention] | None = None,
                  speech_day: Mention | None = None, said_by: Mention | None = None,
                  said_here: tuple[Mention, int] | None = None, story: str | None = None) -> list[Event]:
    """All events of one sentence (before article-level merging); ``teller`` is who the next
    sentence says told it (এই তথ্য জানিয়েছেন X); ``voice`` who speaks in it when it opens with
    "তিনি আরও বলেন, …" or speaks as "আমরা" in a paragraph opened so; ``speech_day`` the day
    its speaker spoke when an earlier sentence names it (… গত শুক্রবার বলেন, … তিনি আরও বলেন, …),
    which dates what the speaker does by speaking (rule 4: the day the words were said); ``said_by``
    who the paragraph reports (… জানিয়েছে, …), whom an accusation said of someone (frame sp) is by;
    ``said_here`` who a pronoun mid-sentence says speaks (… উল্লেখ করে তিনি আরও বলেন, …), and where
    the words start; ``story`` the state the article is mostly about, when it has no home."""
    text = article.text
    preds = _verbalise(load_lexicon().find(sent.text), sent.text)
    if not preds:
        return []  # no predicate, no event (and no need for the sentence's attribution or claim)
    attributed = _attribution(sent, actors, text)
    claim = _claim_lead(sent, actors, text)
    quoted = _quoted_claim(sent, actors, text)
    coded: list[_Coded] = []
    last_sources: Mention | None = carried
    for clause in _clauses(sent, preds, text):
        pm, pred = clause.pred, clause.pred.predicate
        if pred.type == "ASSAULT" and pred.mode == "destroy" and INTERCEPTED.search(text, clause.start, _pred_start(clause)):
            continue  # "ক্ষেপণাস্ত্র ধ্বংস করে": missiles shot down in flight, no attack on their sender
        if pred.type == "CONSULT" and sent.text[pm.start:pm.end].endswith("বলে") \
                and REPORTER_TALK.match(text, sent.start + pm.end):
            continue  # "X-এর সঙ্গে কথা বলে জানা যায়": the reporter's source, not a meeting
        subject = last_sources
        claimant: Mention | None = None
        said_now = False
        spoken = _speaker(sent, actors, text, clause.start) if pred.type in SPEECH_TYPES else None
        if spoken is None and pred.type in SPEECH_TYPES and said_here is not None \
                and said_here[1] <= clause.start and "।" not in text[said_here[1]:clause.start]:
            spoken = said_here[0]
        if spoken is not None:
            subject = spoken
        spoken = spoken or (voice if pred.type in SPEECH_TYPES else None)
        if pred.frame == "sp":
            args = _said_of(clause, sent, actors, text, claim, quoted, places, home, domestic,
                            voice or (said_here[0] if said_here is not None and said_here[1] <= clause.start else None)
                            or said_by)
            if args is None:
                continue  # said by no one named (or the outlet's own words): no accusation
        else:
            args = _arguments(clause, actors, text, subject, places, home, domestic, antecedent)
            if args is None and pred.type == "COOPERATE":
                args = _speaker_partner(clause, actors, text)
            if args is not None and args.target is None and args.sources and pred.type == "PROTEST":
                window = [m for m in _within(actors, clause.start, clause.end) if m.actor is not None]
                site = _protest_site(window, {id(m): role_of(m, text) for m in window}, text, args.sources[0])
                args = _Args(args.sources, site, False, args.more) if site is not None else args
        if args is not None and args.target is None and home is None and story is not None and args.sources \
                and pred.type in ("REQUEST", "ACCUSE", "THREATEN"):
            args = _all_parties(args, clause, text, story)
        if args is not None and args.target is None and pred.type == "REJECT" and args.sources:
            args = _rejected_owner(args, clause, actors, text)
        if args is not None and pred.type in SPEECH_TYPES and pred.frame != "sp" and _across_danda(args, clause, text):
            continue  # '‘… আমেরিকাকে … দিতাম। আমি … অনুরোধ করছি, … সমর্থক …’': another sentence's actors
        if claim is not None and sent.start + pm.end <= claim[1] and pred.type == "ACCUSE":
            # X-এর অভিযোগ, Y …: X accuses the subject of the claimed clause
            accused = [m for m in _within(actors, claim[1], sent.end)
                       if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
            args = _Args([claim[0]], accused[0], False) if accused else None
            if args is None:
                continue
        prev = coded[-1] if coded else None
        if (args is not None and args.target is None and pred.frame == "st" and prev is not None
                and prev.args.target is not None and prev.clause.pred.predicate.pos == "verb"
                and PARTICIPLE.search(text, prev.clause.start, prev.clause.end)
                and "," not in text[prev.clause.end:clause.end]):
            # X-কে দায়ী করে প্রতিশোধের হুমকি দেন Y: the threat is aimed at whom the participle names
            args = _Args(args.sources, prev.args.target, args.symmetric)
        readied = _ordered_to_ready(clause, args, text) if pred.type == "REQUEST" else None
        if readied is not None:
            # "নাইজেরিয়ায় অভিযানের প্রস্তুতি নিতে মার্কিন সেনাবাহিনীকে নির্দেশ দেন ট্রাম্প": ordering one's
            # own forces to ready an operation puts them on alert (CAMEO 150), no request between sides
            args = readied
            pred = replace(pred, type="MOBILIZE", mode="troops", cameo="150", goldstein=-7.2, quad_class=4,
                           symmetric=False)
            pm = replace(pm, predicate=pred)
            clause = replace(clause, pred=pm)
        recalled = _recalled_envoy(clause, actors, places, text) if pred.type == "ACCUSE" else None
        if recalled is not None:
            # "দিল্লিতে নিযুক্ত বাংলাদেশের হাইকমিশনারকে ঢাকায় তলব করা হয়েছে": a state calling its own
            # envoy home from another reduces relations with that state (CAMEO 161), no accusation
            args = recalled
            pred = replace(pred, type="SANCTION", mode="withdraw", cameo="161", goldstein=-4.0, quad_class=4,
                           symmetric=False)
            pm = replace(pm, predicate=pred)
            clause = replace(clause, pred=pm)
        args = _participle_doer(args, clause, next((c for c in reversed(coded) if c.clause.pred.predicate.pos == "verb"), None), text)
        if (args is not None and args.target is None and pred.type == "REQUEST" and args.sources
                and sent.text[pm.start:pm.end].endswith("চাইলে")):
            # "রাষ্ট্রপতি মতামত চাইলে সুপ্রিম কোর্ট বলেন": whoever answers what was asked was asked
            asked = next((m for m in _within(actors, clause.end, clause.sent_end) if m.actor is not None
                          and m.actor.code and role_of(m, text) == "NOM" and m not in args.sources), None)
            if asked is not None:
                args = _Args(args.sources, asked, args.symmetric)
        if (args is not None and args.target is None and claim is not None and sent.start + pm.start >= claim[1]
                and args.sources and args.sources[0].actor is not None and claim[0].actor is not None
                and args.sources[0].actor.code != claim[0].actor.code
                and THEIR_COUNTRY.search(text, clause.start, clause.end)):
            # "তাইওয়ানের নেতাদের অভিযোগ, চীন তাঁদের দেশের নির্বাচনে হস্তক্ষেপ করছে": "their country" is
            # the claimants' own
            args = _Args(args.sources, claim[0], args.symmetric)
        if (args is not None and args.target is None and pred.type in ("SUPPORT", "AID") and prev is not None
                and prev.args.sources and args.sources and prev.args.sources[0].actor is not None
                and args.sources[0].actor is not None and prev.args.sources[0].actor.code != args.sources[0].actor.code
                and THEN.match(text, prev.clause.end, clause.end)):
            # "যখন গাম্বিয়া মামলা করেছিল, তখন আরব লিগ এবং ওআইসি পূর্ণাঙ্গ সমর্থন দিয়েছিল": backing whoever
            # acted in the when-clause
            args = _Args(args.sources, prev.args.sources[0], args.symmetric)
        if args is None and pred.pos == "noun" and spoken is not None and pred.type in ("REQUEST", "ACCUSE"):
            args = _spoken_noun(clause, actors, text, spoken)  # "তিনি বলেন, X-এর প্রতি আহ্বান থাকবে"
            said_now = args is not None
            if args is not None:
                pred = replace(pred, pos="verb")
                pm = replace(pm, predicate=pred)
                clause = replace(clause, pred=pm)
        if args is None:
            if pred.pos != "noun":
                aimed = _warned_object(clause, actors, text)
                if aimed is None:
                    continue
                args = _Args([], aimed, False)  # "কিয়েভকে জবাব দেওয়া হবে বলে হুঁশিয়ারি": whom the warning is aimed at
            else:
                args = _noun_claim_placeholder(clause)  # may get its doer from a following accusation
        elif pred.pos == "verb" and pred.frame not in ("ts", "sp"):
            last_sources = args.sources[0]  # (the speaker of a said-of clause is not the subject after it)
        words = WORD.findall(sent.text[pm.start:pm.end])
        status = status_of(sent.text, pm.start, pm.end, words[-1] if words else "", pred.type)
        if status == "planned" and pred.type == "ASSAULT" and HELD_STATE.match(sent.text, pm.start):
            status = "occurred"  # "রাশিয়ার দখলে রয়েছে": land held now, not an act to come
        if status == "occurred" and pred.type == "ASSAULT" and AT_RISK.match(text, clause.end):
            status = "hypothetical"  # "… সর্বাত্মক যুদ্ধ শুরুর ঝুঁকি তৈরি করেছে": a war risked, not begun
        if status == "planned" and readied is not None and not FUTURE_END.search(sent.text, pm.start, pm.end):
            status = "occurred"  # the order was given; only the operation it readies lies ahead
        if said_now or pred.frame == "sp" or (pred.type == "ACCUSE" and status == "hypothetical" and spoken is not None
                                  and args is not None and args.sources and args.sources[0].actor == spoken.actor):
            # the accusation is the saying, done (rule 5), whatever the mood of what is said
            # (X বলেন, … Y-এর হাত থাকতে পারে)
            status = "occurred"
        if (pred.type == "AGREE" and status == "planned" and pred.cameo.startswith("03")
                and REPORTING.search(text, sent.start, sent.start + pm.start)):
            # "X জানিয়েছেন, দেশ দুটি একসঙ্গে কাজ করবে": saying they will cooperate is the intent
            # to cooperate, expressed now (PLOVER AGREE); only the act itself lies ahead
            status = "occurred"
        if pred.type == "AGREE" and pred.cameo.startswith("03") and status in ("occurred", "planned") \
                and INTENT.search(sent.text, pm.start, _phrase_end(sent.text, pm.end)):
            args = _intent_by_speaker(args, sent, actors, text, clause.start, teller)
        if pred.type == "AGREE" and status == "denied" and pred.pos == "verb":
            # not accepting, not agreeing (প্রস্তাব গ্রহণ করেনি, রাজি হয়নি) is a refusal
            pred = replace(pred, type="REJECT", mode=None, cameo="120", goldstein=-4.0, quad_class=3,
                           symmetric=False)
            pm = replace(pm, predicate=pred)
            clause = replace(clause, pred=pm)
            status = "occurred"
        if pred.type == "PROTEST" and status == "occurred" and _announced(clause, text):
            status = "planned"  # "বিক্ষোভ করার ঘোষণা দিয়েছেন": a protest announced is yet to be held
        attribution = attributed
        if claim is not None and sent.start + pm.start >= claim[1]:
            attribution = _name(claim[0]) or claim[0].text
            status = "alleged" if status == "occurred" else status
        if quoted is not None and quoted[1] <= sent.start + pm.start < quoted[2] and status == "occurred" \
                and pred.type not in SPEECH_TYPES and quoted[0].actor is not None and args is not None \
                and quoted[0].actor.code not in {m.actor.code for m in [*args.sources, args.target]
                                                 if m is not None and m.actor is not None}:
            # '"উত্তর কোরিয়া … রাশিয়াকে অস্ত্র সরবরাহ করছে," তিনি বলেন': an act of others told in
            # a third party's own words is that party's claim
            attribution = _name(quoted[0]) or quoted[0].text
            status = "alleged"
            claimant = quoted[0] if pred.type in CLAIMED_HOSTILE else None
        if status not in ("occurred", "alleged") and any(m.resolved_by == "implied" for m in args.sources):
            continue  # an unnamed doer is supplied only for acts reported as done
        habitual = HABITUAL.match(sent.text, pm.end) is not None or sent.text[pm.start:pm.end].endswith("আসছে")
        before_day = pred.type in SPEECH_TYPES and bool(EARLIER_SAID.search(sent.text, 0, pm.start)) \
            and bool(PLUPERFECT.search(words[-1] if words else ""))  # "এর আগে … সতর্ক করেছিলেন"
        lead = para_lead if status not in ("planned", "hypothetical", "alleged") and not habitual \
            and not before_day else None
        date = _pick_date(dates, clause, sent, lead, text, lead_day, status in ("planned", "hypothetical"))
        if date is not None and date is lead and _pluperfect(sent, pm):
            date = _year_of(date)  # a pluperfect act in a paragraph of the news day: before that day
        if (date is None or date.date is None or not date.date.date) and status == "occurred":
            # "সেই নির্বাচন বর্জন করেছিল বিএনপি": that election's year
            date = _election_date(clause, dates, text) or date
        said_at = REPORTING.search(text, sent.start, sent.start + pm.start) if date is not None else None
        if said_at is not None and pred.type in SPEECH_TYPES and date.start >= said_at.end() \
                and "।" in text[date.end:sent.start + pm.start]:
            date = None  # '… বলেন, “আমরা ২৫ ডিসেম্বর পর্যন্ত সময় দিয়েছিলাম। সরকার ব্যর্থ হয়েছে”': a day inside
            # an earlier sentence of the quotation is not the day the words were said
        if date is None and status == "occurred" and AFTER_THAT.match(sent.text) and article.published is not None:
            date = _after_earlier(dates, sent, article.published)  # "এ ঘটনার পর …": after the act just told
        if date is None and status == "occurred" and not habitual and pred.pos == "verb" \
                and not RUNNING_TOTAL.search(sent.text, 0, pm.start) and not before_day:
            # the day the article reports on, named in its lead (not for an alleged act: that
            # is the day of the claim), else, for the present progressive, the publication day
            date = speech_day if speech_day is not None and pred.type in SPEECH_TYPES \
                else _year_of(news_day) if _pluperfect(sent, pm) else news_day
            if date is None and article.published is not None:
                date = _ongoing(article.published, sent, pm)
        if (date is None and status in ("occurred", "alleged") and pred.pos == "noun" and args.target is not None
                and not args.target.suffix and MODIFIER_GAP.match(text, args.target.end, _pred_start(clause))):
            continue  # "কিম জং উনের রাশিয়া সফর …", undated: a past act named again, told where it is dated
        if _doer_as_target(clause, args, text):
            continue  # "X-এর হামলায় আহত সেনাদের দেখতে যান Y": X attacked, Y did not attack X
        if date is None and _tally(clause, args, text):
            continue  # "পাঁচবারের মধ্যে ৩ বারই তিনি আটক হন": a count of acts told one by one elsewhere
        light = LIGHT_VN_AFTER.match(text, clause.end)
        if ((VERBAL_NOUN.search(text, _pred_start(clause), clause.end) and TOPIC_AFTER.match(text, clause.end))
                or (light is not None and TOPIC_AFTER.match(text, light.end()))) and not _called_protest(clause, text):
            # (also "সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে": the light verb's verbal noun after the predicate)
            continue  # "আশ্রয় দেওয়ার প্রসঙ্গে", "পাশে থাকার বক্তব্যের বিষয়ে": a topic named, no act told
        if pred.type == "REJECT" and status == "denied":
            continue  # not denying (স্বীকার কিংবা অস্বীকার করেনি) is no act
        coded.append(_Coded(clause, args, status, attribution, date))
        if claimant is not None and args.sources:
            coded.extend(_claim_accusation(clause, args, claimant, news_day))
        if status == "denied" and pred.type in DENIABLE and args.sources:
            denier = _speaker(sent, actors, text, clause.start) or voice or said_by
            if denier is not None and denier.actor is not None and args.sources[0].actor is not None \
                    and denier.actor.code and denier.actor.code == args.sources[0].actor.code:
                # "ইরানের মিশন বলেছে, … কখনোই এতে হস্তক্ষেপ করে না ইরান": saying one's side does not do
                # what it is accused of denies the accusation, to its accuser (below)
                coded.append(_denial(clause, denier, speech_day or news_day))
        for other in _conjoined_dates(dates, clause, date, text):
            # "১৯৮৪ সালের ৩ মে এবং ১৯৮৭ সালের ১১ নভেম্বর গ্রেফতার করা হয়": one act per date
            coded.append(_Coded(clause, args, status, attribution, other))
    coded = _gathering_day(_drop_threatened(_drop_chained_protest(_drop_requested(coded, text), text), text), text)
    for c in coded:
        if (c.clause.pred.predicate.type == "REJECT" and c.args.target is None and c.args.sources
                and accusers and c.args.sources[0].actor is not None):
            # "উভয়ই এই অভিযোগ অস্বীকার করে": they deny what was last said against them, to its sayer
            said = accusers.get(c.args.sources[0].actor.code or "")
            if said is not None:
                c.args = _Args(c.args.sources, Mention("actor", said.start, said.end, said.text, actor=said.actor,
                                                       resolved_by="accuser"), False)
    for c in coded:
        _counter_target(c, text, attackers, actors, article.published)
        _shielded_from(c, text, attackers, [*actors, *places])
    _agreed_with(coded, text)
    named = {m.actor.code for m in _within(actors, sent.start, sent.end) if m.actor is not None}
    for c in coded:
        _agreed_with_partner(c, partners, named)
    events: list[Event] = []
    for c in _link_claims(coded, text, actors):
        events.extend(_events_of(article, sent, c, places, home))
    return events


def _own_government(m: Mention) -> Actor | None:
    """Whom a protest with no named target is against: the protesters' own government (a
    party, group or crowd protests to its state; a government does not protest to itself)."""
    a = m.actor
    if a is None or a.code is None or a.sector in ("GOV", "MIL") or a.code not in load_gazetteer().countries:
        return None
    return Actor(a.code, _institution_name("সরকার", a.code), "GOV", "")


# Acts that need no one they are done to: a deployment or alert on one's own ground, a
# withdrawal or resignation (the spec: "target may be null (a missile launch)").
TARGETLESS_TYPES = frozenset({"MOBILIZE", "RETREAT"})


COOPERATIVE_TYPES = frozenset({"SUPPORT", "AGREE", "CONSULT", "AID", "COOPERATE"})


def _population(a: Actor | None) -> bool:
    """A generic civilian population (people of Bangladesh, supporters, residents): canonical
    names of such groups are common nouns, lower case; named bodies and people are not."""
    return a is not None and a.sector == "CVL" and bool(a.name) and a.name[:1].islower() \
        and not a.name.startswith("unnamed")  # (an unlisted group met, named by its own words, is no population)


# "তিনটি কোম্পানির ওপর নিষেধাজ্ঞা": sanctions on someone named but not an actor we know
ON_UNNAMED = regex.compile(r"[\p{L}\p{M}]+(?:র|এর|ের)\s+(?:ওপর|উপর)(?![\p{L}\p{M}])")
COUNTED = regex.compile(r"(?:(?P<count>বেশ\s+কয়েকটি|[\p{L}\p{M}\p{N}]+)\s+)?(?P<word>(?P<noun>[\p{L}\p{M}]+?)"
                        r"(?:এর|ের|র))\s+(?:ওপর|উপর)$")


@functools.cache
def _unnamed_words() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(count word -> English, noun -> (English plural, sector)) from data/events/unnamed.tsv."""
    numbers: dict[str, str] = {}
    nouns: dict[str, tuple[str, str]] = {}
    path = Path(str(importlib.resources.files("ghotona") / "data" / "events" / "unnamed.tsv"))
    try:
        for where, r in read_tsv(path, ("kind", "bengali", "english", "sector")):
            if r["kind"] not in ("number", "noun") or not r["bengali"] or not r["english"]:
                raise DataFileError(f"{where}: expected kind (number|noun), bengali, english: {r!r}")
            bengali = unicodedata.normalize("NFC", r["bengali"])
            if r["kind"] == "number":
                numbers[bengali] = r["english"]
            else:
                nouns[bengali] = (r["english"], r["sector"])
    except GazetteerError as exc:  # the shared TSV reader's header and column checks
        raise DataFileError(str(exc)) from exc
    return numbers, nouns


def _unnamed_goal(text: str, start: int, end: int) -> Actor | None:
    """The unnamed target "X-এর ওপর" before ``end`` names, in English ("three companies",
    code null), when its noun is one the data file knows."""
    hits = list(ON_UNNAMED.finditer(text, start, end))
    if not hits:
        return None
    m = COUNTED.search(text, max(start, hits[-1].start() - 30), hits[-1].end())
    if m is None:
        return None
    numbers, nouns = _unnamed_words()
    noun = nouns.get(m.group("noun"))
    if noun is None:
        return None
    count = m.group("count") or ""
    digits = count.removesuffix("টি")  # ৩টি; int() reads Bengali digits too
    number = numbers.get(" ".join(count.split())) or (str(int(digits)) if digits.isdigit() else None)
    english, sector = noun
    if number == "one":  # one company, not one companies
        english = english[:-3] + "y" if english.endswith("ies") else english.removesuffix("s")
    start = m.start("count") if number else m.start("noun")
    return Actor(None, f"{number} {english}" if number else english, sector or None, text[start:m.end("word")])


VESSEL_ON = regex.compile(r"(?<![\p{L}\p{M}])(?:নৌযান|জাহাজ|নৌকা|ট্যাংকার|ট্যাঙ্কার)(?:টির|গুলোর|ের|র)\s+(?:ওপর|উপর)\s*$")


# Gatherings that welcome, celebrate or campaign (স্বাগত জানান, আনন্দ মিছিল, নির্বাচনী জনসভা) are
# no protest, unless the sentence names what is protested (দাবিতে, বিরুদ্ধে, প্রতিবাদে).
FESTIVE = regex.compile(r"স্বাগত|অভ্যর্থনা|আনন্দ\s*মিছিল|বিজয়\s*মিছিল|শোভাযাত্রা|উল্লাস|শুভেচ্ছা|প্রচারণা|গণসংযোগ"
                        r"|নির্বাচনী\s+(?:জনসভা|সমাবেশ|প্রচার|মিছিল)")
CAMPAIGN_TITLE = regex.compile(r"নির্বাচনী\s+(?:জনসভা|সমাবেশ|প্রচার)")
PROTESTED = regex.compile(r"বিক্ষোভ|প্রতিবাদ|দাবি|দাবী|বিরুদ্ধে|অবরোধ|হরতাল|ধর্মঘট|বর্জন|নিন্দা")


def _festive_gathering(article: Article, sent: Sentence) -> bool:
    """A procession or rally told in a sentence (or an article titled so) that welcomes, celebrates
    or campaigns, and names nothing protested."""
    if PROTESTED.search(sent.text):
        return False
    return FESTIVE.search(sent.text) is not None or CAMPAIGN_TITLE.search(article.title or "") is not None


def _events_of(article: Article, sent: Sentence, c: _Coded, places: list[Mention],
               home: str | None = None) -> list[Event]:
    pm, pred, args = c.clause.pred, c.clause.pred.predicate, c.args
    if args.target is not None and (args.target.actor is None or args.target.actor.code is None):
        return []  # whom it is done to is named but not known
    unnamed_goal = pred.type == "SANCTION" and bool(ON_UNNAMED.search(article.text, c.clause.start, _pred_start(c.clause)))
    if pred.type == "ASSAULT" and args.target is None and args.sources:
        # "ওই নৌযানের ওপর হামলা চালানো হয়": a boat or ship struck, unnamed and of no known state
        unnamed_goal = bool(VESSEL_ON.search(article.text, c.clause.start, _pred_start(c.clause)))
    if pred.frame != "s" and args.target is None and not unnamed_goal \
            and (pred.type not in TARGETLESS_TYPES or pred.mode is None):
        return []  # the spec's events name whom they are done to; few gold events lack a target
    dv = _date_value(c.date, c.status in ("planned", "hypothetical"))
    place = _place(places, c.clause, args.target, pred.mode)
    target = _as_actor(args.target) if args.target is not None else None
    if target is None and unnamed_goal:
        target = _unnamed_goal(article.text, c.clause.start, _pred_start(c.clause))
    if pred.type == "PROTEST" and target is None and args.sources:
        target = _own_government(args.sources[0])
    more = [_as_actor(m) for m in args.more if m.actor is not None and m.actor.code]
    out = []
    for src_m, target in [(s, t) for s in args.sources for t in [target, *more]]:
        source = _as_actor(src_m)
        if source.code is None:
            continue
        if _same_actor(source, target, home):
            if pred.type not in TARGETLESS_TYPES or pred.mode is None or target is None or more:
                continue
            target = None  # "বিজিবি ও কোস্ট গার্ডের সদস্যরা টহল বৃদ্ধি করেছে": a deployment of one's own
        if pred.type in COOPERATIVE_TYPES and _population(target):
            continue  # condolences to "the people of X": not an act between political actors
        if pred.type == "RETREAT" and pred.mode == "resign" and src_m.resolved_by in ("home", "generic", "implied"):
            continue  # people resign, not "the police" standing in for an unresolved তিনি
        if pred.type == "PROTEST" and pred.mode != "boycott" and (
                source.sector == "GOV" or src_m.resolved_by == "metonym"
                or source.name == load_gazetteer().code_name(source.code)):
            continue  # a state, its government or its capital does not march or block roads
        if pred.type == "PROTEST" and pred.mode == "demo" and _festive_gathering(article, sent):
            continue  # "নেতাকর্মীরা অবস্থান নিয়ে তাঁকে স্বাগত জানান": a welcome, not a protest
        out.append(Event(
            # names and words too: two domestic acts of one type, one sentence and one pair of
            # codes (police -> two different people) are two events with two ids
            event_id=stable_id(article.article_id, pred.type, source.code, target.code if target else None,
                               dv.date, sent.start, pm.start, source.name, source.text,
                               target.name if target else None, target.text if target else None),
            article_id=article.article_id, event_type=pred.type, mode=pred.mode or None,
            cameo=pred.cameo, goldstein=pred.goldstein, quad_class=pred.quad_class,
            source=source, target=target, symmetric=args.symmetric,
            date=dv.date, date_precision=dv.precision, date_text=dv.text if dv.date else None,
            location=place, status=c.status, attributed_to=c.attributed_to,
            evidence=Evidence(sent.text, sent.start, sent.end),
            confidence=_confidence(source, target, pm, dv),
        ))
    return out


ROLE_TAIL = regex.compile(r"(?:ের|র)\s+(?:[\p{L}\p{M}]+\s+)?(?:সম্পাদক|সভাপতি|সদস্য|নেতা|চেয়ারম্যান|মেয়র|কাউন্সিলর"
                          r"|প্রার্থী|মহাসচিব|আহ্বায়ক)[\p{L}\p{M}]*$")


def _merge_key(e: Event) -> tuple[object, ...]:
    s = e.source.code if e.source else None
    t = e.target.code if e.target else None
    pair = tuple(sorted((s or "", t or ""))) if e.symmetric else (s, t)
    # inside one state (police → a party, attackers → a councillor's home) codes alone do not tell
    # the acts apart: different named targets are different events
    whom: object = None
    if e.target is not None and s is not None and s == t:
        # an unnamed target is told apart by its words (… চৌধুরীর বাড়িতে)
        tname = e.target.text if (e.target.name or "").startswith("unnamed") or ROLE_TAIL.search(e.target.text or "") \
            else e.target.name  # (so is a party's office-holder named only by role: আওয়ামী লীগের সাংগঠনিক সম্পাদক)
        whom = tuple(sorted((e.source.name or "", tname or ""))) if e.symmetric else tname
        if not e.symmetric and e.event_type in PARTY_SPLIT_TYPES and _party_side(e.source):
            # "বিএনপি ও জামায়াত আহূত হরতাল": two parties of one state acting on the same side are two acts
            whom = (e.source.name, tname)
    elif e.date is None and e.target is not None and _specificity(e) == 2:
        # undated, no day ties two tellings together: "letters between Putin and Kim" is not
        # "talks between Russia and North Korea"; acts named by their states (or a state and a
        # person) are not told apart
        whom = "named on both sides"
    return (e.event_type, pair, e.date, e.date_precision, whom)


PARTY_SPLIT_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})


def _party_side(a: Actor | None) -> bool:
    """A political party (or a group of one) named as the doer: parties of one state are told
    apart by name, as different named targets are."""
    return a is not None and a.sector == "PTY" and bool(a.name) and a.name in _party_names()


@functools.cache
def _party_names() -> frozenset[str]:
    """Canonical names of the political parties in the gazetteer."""
    return frozenset(o.name for o in load_gazetteer().orgs.values() if o.sector == "PTY")


IMPLIED_NAME = regex.compile(r"^(?:authorities of |unidentified attackers )")


def _same_doer(e: Event, doer: str | None) -> bool:
    """Whether a less precisely dated act may be the same as one done by ``doer``: not when both
    sides are of one state and the less precise act names a doer other than the precise one's
    ("রাষ্ট্রপতির নির্বাহী আদেশে সাজা লঘু" in 2024 is not the acquittal "খালাস পান" of 27 November
    2024); an act with an unnamed, implied doer may be any of them."""
    name = e.source.name if e.source else None
    if not name or not doer or name == doer or e.target is None or e.source.code != e.target.code:
        return True
    return bool(IMPLIED_NAME.match(name))


def _dyad_key(e: Event) -> tuple[object, ...]:
    """The merge key without the date: the same act by the same sides, whenever."""
    key = _merge_key(e)
    return (key[0], key[1], key[4])


def _specificity(e: Event) -> int:
    """How many of the event's sides are named more specifically than their state (a person,
    a ministry): rule 6 wants the most specific actor, so of two mentions of one act the
    one that names who acted is kept."""
    gaz = load_gazetteer()
    return sum(1 for a in (e.source, e.target)
               if a is not None and a.code and a.name and a.name != gaz.code_name(a.code))


def merge_events(events: list[Event], kinds: dict[int, str]) -> list[Event]:
    """Rule 1: one event per (type, source, target, date); keep the best evidence."""
    # "ছাত্র-জনতা মিছিল সমাবেশ করে": two predicates of one sentence telling one act by the same
    # sides, one of them dated, are that dated act
    dated_here = {(e.evidence.start, _dyad_key(e), e.status) for e in events if e.date is not None}
    events = [e for e in events if not (e.date is None and (e.evidence.start, _dyad_key(e), e.status) in dated_here)]
    best: dict[tuple[object, ...], Event] = {}
    rank = {"body": 2, "title": 1, "caption": 0}
    for e in events:
        key = _merge_key(e)
        cur = best.get(key)
        if cur is None:
            best[key] = e
            continue
        new_score = (_specificity(e), e.confidence, rank.get(kinds.get(e.evidence.start, "body"), 2), -e.evidence.start)
        cur_score = (_specificity(cur), cur.confidence, rank.get(kinds.get(cur.evidence.start, "body"), 2),
                     -cur.evidence.start)
        if new_score > cur_score:
            best[key] = e
    # "গ্রেপ্তার হন ২০১৮ সালে" beside "২০১৮ সালের ৮ ফেব্রুয়ারি গ্রেপ্তার": a year or month that holds
    # the day of the same act by the same sides is that act told less precisely, not a second one
    finer: dict[tuple[object, ...], list[tuple[str, str | None]]] = {}
    for e in best.values():
        if e.date is not None and e.date_precision in ("day", "week", "month"):
            finer.setdefault(_dyad_key(e), []).append((e.date, e.source.name if e.source else None))
    kept = [e for e in best.values()
            if not (e.date is not None and e.date_precision in ("year", "month")
                    and any(d != e.date and d.startswith(e.date) and _same_doer(e, doer)
                            for d, doer in finer.get(_dyad_key(e), ())))]
    return sorted(kept, key=lambda e: (e.evidence.start, e.event_type, e.event_id))


PAREN_GAP = regex.compile(r"^\s*\(\s*$")
COUNTRY_ANAPHOR = regex.compile(r"^(?:দেশটির|দেশটি|দেশটিও|দেশটিকে)(?![\p{L}\p{M}])")
POSSESSIVE = regex.compile(r"(?<![\p{L}\p{M}])(?:তাদের|তাঁদের|নিজেদের|তাঁর|তার|নিজের)\s+$")


# "মিয়ানমারের বিচ্ছিন্নতাবাদী সংগঠন আরাকান আর্মি": a state's name as the genitive before (at most
# three words and) one of its own non-state groups only says whose group it is.
GROUP_OF = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){0,3}$")
NON_STATE = frozenset({"REB", "PTY", "CVL", "BUS", "MED"})


def _group_of_state(a: Mention, actors: list[Mention], text: str) -> bool:
    """State X's name used only as the modifier of one of X's own non-state groups, or that
    group so modified: neither names X as a side, so "দেশটির সেনাবাহিনী" beside them may
    still be X's (a rebel group fighting its own country's army)."""
    def modifies(c: Mention, g: Mention) -> bool:
        return (c.actor is not None and g.actor is not None and bool(c.actor.code)
                and load_gazetteer().code_name(c.actor.code) == c.actor.name
                and (c.suffix or "").endswith(("র", "ের")) and g.actor.code == c.actor.code
                and g.actor.sector in NON_STATE and bool(GROUP_OF.match(text[c.end:g.start])))
    i = next((k for k, b in enumerate(actors) if b is a), None)
    if i is None:
        return False
    return (i + 1 < len(actors) and modifies(a, actors[i + 1])) or (i > 0 and modifies(actors[i - 1], a))


def _resolve_anaphors(actors: list[Mention], sentences: list[Sentence], text: str) -> list[Mention]:
    """Give code-less mentions the state they stand for when the text says which:
    "দেশটির সেনারা" (the country just named, other than the ones named beside it in the same
    sentence), "তাদের বাহিনী" after "X বলেছে," (the speaker's own forces)."""
    out: list[Mention] = []
    for m in actors:
        prev = out[-1] if out else None
        if prev is not None and m.actor is not None and PAREN_GAP.match(text[prev.end:m.start]) \
                and text[m.end:m.end + 1] == ")":
            # "র‌্যাপিড সাপোর্ট ফোর্সের (আরএসএফ)": the abbreviation in brackets names the same actor
            if prev.actor is None or prev.actor.code is None:
                span = text[prev.start:m.end + 1]
                out[-1] = replace(prev, end=m.end + 1, text=span, actor=replace(m.actor, text=span),
                                  resolved_by=m.resolved_by)
            continue
        if m.actor is None or m.actor.code is not None:
            out.append(m)
            continue
        if (prev is not None and prev.actor is not None and prev.actor.code and not prev.suffix
                and m.resolved_by == "generic" and text[prev.end:m.start].isspace()):
            # "বেনিয়ামিন নেতানিয়াহু সরকারকে", "বাইডেন প্রশাসন": a named leader's or state's body is
            # one actor, of that state
            code = prev.actor.code
            name = _institution_name(m.text, code) or prev.actor.name
            out[-1] = Mention("actor", prev.start, m.end, text[prev.start:m.end],
                              actor=Actor(code, name, m.actor.sector or prev.actor.sector, text[prev.start:m.end]),
                              suffix=m.suffix, resolved_by="anaphor")
            continue
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        code: str | None = None
        if COUNTRY_ANAPHOR.match(m.text) and sent is not None:
            here = {a.actor.code for a in actors
                    if sent.start <= a.start < sent.end and a is not m and a.actor is not None
                    and not _group_of_state(a, actors, text)}
            before = [a for a in out if a.end <= m.start and a.actor is not None and a.actor.code]
            pick = next((a for a in reversed(before) if a.actor.code not in here), None)
            pick = pick or (before[-1] if before else None)
            code = pick.actor.code if pick is not None and pick.actor is not None else None
        elif sent is not None and POSSESSIVE.search(text, max(sent.start, m.start - 12), m.start):
            speech = REPORTING.search(text, sent.start, m.start)
            if speech is not None:
                speakers = [a for a in out if sent.start <= a.start and a.end <= speech.start()
                            and a.actor is not None and a.actor.code and role_of(a, text) == "NOM"]
                code = speakers[0].actor.code if speakers and speakers[0].actor is not None else None
        if code is not None:
            m = replace(m, actor=replace(m.actor, code=code), resolved_by="anaphor")
        out.append(m)
    return out


HOME_SHARE = 0.6
DOMESTIC_SHARE = 0.85  # an article this much about one state has no foreign side to attack it


def home_country(mentions: Sequence[Mention], share: float = HOME_SHARE) -> str | None:
    """The state an article is about: the code of at least 60% (and two) of its named actor and
    place mentions. Its bare institutions (পুলিশ, সরকার, আদালত) are that state's, as a Dhaka paper's
    domestic news writes them."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.kind == "actor" and m.actor is not None and m.actor.code and m.resolved_by != "generic" \
                and m.actor.sector != "MED":  # outlets quoted (বিবিসি, রয়টার্স) say nothing of the story's state
            counts[m.actor.code] += 1
        elif m.kind == "place" and m.place is not None and m.place.code:
            counts[m.place.code] += 1
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 2 and n >= share * sum(counts.values()) else None


@functools.lru_cache(maxsize=1)
def _institution_surfaces() -> tuple[tuple[str, Institution], ...]:
    gaz = load_gazetteer()
    surf = [(normalize_surface(s).replace("-", " "), e.ref) for s, e in gaz.actor_surfaces
            if e.kind == "institution" and isinstance(e.ref, Institution)]
    return tuple(sorted(surf, key=lambda t: -len(t[0])))


def _institution_name(text: str, code: str) -> str | None:
    """The canonical name of a bare institution (পুলিশ, আদালত) of state ``code``."""
    gaz = load_gazetteer()
    norm = normalize_surface(text).replace("-", " ")
    inst = next((i for s, i in _institution_surfaces() if norm.startswith(s)), None)
    country = gaz.countries.get(code)
    if inst is None or country is None:
        return None
    fixed = gaz.institution_names.get((code, inst.key))
    if fixed:
        return fixed
    return inst.template.format(name=country.name, adj=country.adjective, people=country.people)


def _resolve_home_roles(actors: list[Mention], home: str | None, when: dt.date | None) -> list[Mention]:
    """A bare office (রাষ্ট্রপতির নির্বাহী আদেশে) is its holder in the article's own state on the
    article date (else that state), as a Dhaka paper writes of its own president."""
    if home is None:
        return actors
    gaz = load_gazetteer()
    out = []
    for m in actors:
        if m.actor is not None and m.actor.code is None and m.resolved_by == "generic" and m.role:
            held = gaz.holder(home, m.role, when) if when is not None else None
            person = gaz.people.get(held.name) if held is not None else None
            actor = Actor(home, person.name, m.actor.sector, m.text) if person is not None \
                else Actor(home, gaz.code_name(home), m.actor.sector, m.text)
            m = replace(m, actor=actor, resolved_by="role@date" if person is not None else "home")
        out.append(m)
    return out


def _resolve_home(actors: list[Mention], home: str | None) -> list[Mention]:
    """Bare institutions and groups (পুলিশ, সরকার, আন্দোলনকারীরা) act for the article's state."""
    if home is None:
        return actors
    out = []
    for m in actors:
        if m.actor is not None and m.actor.code is None and m.resolved_by == "generic":
            name = _institution_name(m.text, home) or load_gazetteer().code_name(home)
            m = replace(m, actor=replace(m.actor, code=home, name=name), resolved_by="home")
        out.append(m)
    return out


STORY_SHARE = 0.45
"""Share of the named actor and place mentions that makes a state the story's, for "all parties"."""
PERSON_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])তিনি(?:ও|ই)?(?![\p{L}\p{M}])")
PLURAL_PRONOUN = regex.compile(r"(?<![\p{L}\p{M}])(?:তারা|তাঁরা)(?:ও|ই)?(?![\p{L}\p{M}])")
# A sentence opening with its speaker and a reporting verb: "তিনি আরও বলেন, …", "মিলার বলেন, …".
# Up to ten words and then the reporting verb a speaker's words follow (… আরও বলেন, …).
_LEAD_WORDS = r"^\s*(?:[\p{L}\p{M}\p{N}.\-–]+\s+){0,10}?(?:আরও\s+|আরো\s+)?"
_SAYS = r"(?:বলেন|বলেছেন|জানান|জানিয়েছেন)"
SPEECH_LEAD = regex.compile(_LEAD_WORDS + _SAYS + r"\s*,")
WE = regex.compile(r"(?<![\p{L}\p{M}])আমরা(?:ও|ই)?(?![\p{L}\p{M}])")
# A person's object or possessive pronoun (তাকে, তার সাজা): it stands for the last named person, not
# a body (সরকার) named since.
PERSON_OBJECT = regex.compile(r"(?<![\p{L}\p{M}])(?:তাকে|তাঁকে|তার|তাঁর)(?:ও)?(?![\p{L}\p{M}])")
# A sentence opening with who reports and a reporting verb, a body's too (… প্রচারশিবির জানিয়েছে, …):
# whom the paragraph's accusations said of someone (frame sp) are said by.
SAY_LEAD = regex.compile(_LEAD_WORDS + r"(?:বলেন|বলেছেন|বলেছিলেন|বলেছে|জানান|জানিয়েছেন|জানিয়েছে|জানায়)\s*,")
# "… উল্লেখ করে তিনি আরও বলেন, …", "…, এর জবাবে তিনি বলেন, …": a pronoun speaker mid-sentence.
PRONOUN_SAYS = regex.compile(r"(?<![\p{L}\p{M}])তিনি\s+(?:আরও\s+|আরো\s+)?" + _SAYS + r"\s*,")
BODY_BEFORE = regex.compile(r"\s+(?:[\p{L}\p{M}]+\s+){1,2}$")


def _said_by(sent: Sentence, actors: list[Mention], text: str, person_ref: Mention | None) -> Mention | None:
    """Who a sentence opening "X বলেন, …" / "X-এর <body> জানিয়েছে, …" / "তিনি বলেন, …" reports."""
    if sent.kind != "body" or ("বল" not in sent.text and "জান" not in sent.text):
        return None  # (no reporting verb at all: the common case, without the regex's backtracking)
    lead = SAY_LEAD.match(sent.text)
    if lead is None:
        return None
    end = sent.start + lead.end()
    inside = [m for m in _within(actors, sent.start, end) if m.actor is not None and m.actor.code]
    named = [m for m in inside if role_of(m, text) == "NOM"]
    if named:
        return named[0]
    verb = REPORTING.search(text, sent.start, end)
    owner = [m for m in inside if role_of(m, text) == "GEN" and verb is not None
             and BODY_BEFORE.fullmatch(text, m.end, verb.start())]
    if owner:
        return owner[-1]  # (ট্রাম্পের প্রচারশিবির জানিয়েছে: the campaign speaks for its owner's side)
    return person_ref if PERSON_PRONOUN.search(lead.group()) else None


def _speech_day(sent: Sentence, dates: list[Mention]) -> Mention | None:
    """The day-precise date of a sentence that reports speech ("সোমবার … এসব কথা বলেন X")."""
    day = next((d for d in _within(dates, sent.start, sent.end) if d.date is not None and d.date.precision == "day"),
               None)
    return day if day is not None and REPORTING.search(sent.text) is not None else None


def _narrative_day(sent: Sentence, dates: list[Mention]) -> Mention | None:
    """The past date a narrative sentence names (গত মাসে, ২০১৮ সালে, রোববার), if it names one."""
    return next((d for d in _within(dates, sent.start, sent.end) if d.date is not None and d.future is None), None)


def _told_day(sent: Sentence, actors: list[Mention], dates: list[Mention], text: str, speaker: Mention | None,
              spoke: Mention | None, said: Sequence[Event] = ()) -> tuple[int, Mention, Mention] | None:
    """(sentence index, speaker, day) when a sentence reports its named speaker's words with the
    day they were said (… রিয়াবকভ গত শুক্রবার বলেন, …), or goes on with the words of a speaker
    whose day is known; None otherwise."""
    if spoke is not None and speaker is not None:
        return sent.index, speaker, spoke
    day = _speech_day(sent, dates)
    for e in said:  # "… গত রোববার … প্রত্যাখ্যান করেন": an act done by speaking, dated
        if day is None and e.event_type in SPEECH_TYPES and e.date_precision == "day" and e.source is not None:
            day = next((d for d in _within(dates, sent.start, sent.end)
                        if d.date is not None and d.date.date == e.date and d.date.precision == "day"), None)
    if day is None:
        return None
    subj = [m for m in _within(actors, sent.start, sent.end)
            if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
    return (sent.index, subj[0], day) if subj else None


def _spoke_on(sent: Sentence, speaker: Mention | None, told: tuple[int, Mention, Mention] | None,
              dates: list[Mention]) -> Mention | None:
    """The day a sentence's speaker spoke, when the sentence names no date and goes on with the
    words of the speaker the sentence just before dated (… গত শুক্রবার বলেন, …। তিনি আরও বলেন, …;
    … গত রোববার প্রত্যাখ্যান করেন। একই সঙ্গে তিনি … আহ্বান জানান)."""
    if speaker is None or speaker.actor is None or told is None or told[0] != sent.index - 1 \
            or told[1].actor is None:
        return None
    if _within(dates, sent.start, sent.end) \
            or (told[1].actor.code, told[1].actor.name) != (speaker.actor.code, speaker.actor.name):
        return None
    return told[2]


def _drop_undated_repeats(events: list[Event]) -> list[Event]:
    """An undated call, charge, refusal or threat between the same two sides as a dated one of the
    same type ("সকল পক্ষের প্রতি আহ্বান জানিয়েছে যুক্তরাষ্ট্র" summing up "আমরা সব পক্ষকে … আহ্বান
    জানাই", told on its day) is that act told again (rule 1)."""
    def key(e: Event) -> tuple[object, ...]:
        # (whom it is aimed at by name too: two calls on different bodies of one state are two acts)
        return (e.event_type, e.source.code if e.source else None, e.target.code if e.target else None,
                e.target.name if e.target else None)
    dated = {key(e) for e in events if e.date is not None}
    return [e for e in events if e.date is not None or e.event_type not in SPEECH_ACT_TYPES or key(e) not in dated]


SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def _person(m: Mention) -> bool:
    """Not a bare body (সরকার, পুলিশ, আদালত) nor a state named as such: who তিনি may stand for."""
    if m.actor is None or m.resolved_by in ("home", "generic", "demonym", "place", "implied"):
        return False
    return m.resolved_by == "role" or load_gazetteer().code_name(m.actor.code or "") != m.actor.name


def _crowd_subject(events: list[Event]) -> Mention | None:
    """The unlisted crowd that protested in a sentence with no named subject (সনাতন ধর্মাবলম্বীরা):
    whom a following তারা stands for."""
    for e in events:
        if e.event_type == "PROTEST" and e.source.name.startswith("protesters (") and e.source.text:
            return Mention("actor", e.evidence.start, e.evidence.start, e.source.text, actor=e.source,
                           resolved_by="crowd")
    return None


def _lead_act_day(article: Article, events: list[Event], sentences: list[Sentence],
                  dates: list[Mention]) -> list[Event]:
    """The day of an act the lead tells undated, given by the next sentence, which goes on with
    the story's when ("… বিএসএফের গুলিতে এক বাংলাদেশি নিহত হয়েছেন। রোববার দিবাগত রাতে …
    গুলিবিদ্ধ হয়ে তার মৃত্যু হয়।"): one day named there, not after publication."""
    body = [s for s in sentences if s.kind == "body"][:2]
    if len(body) < 2:
        return events
    lead, nxt = body
    days = {d.date.date: d for d in _within(dates, nxt.start, nxt.end)
            if d.date is not None and d.date.date and d.date.precision == "day"}
    if len(days) != 1:
        return events
    day = next(iter(days.values()))
    assert day.date is not None
    out = []
    for e in events:
        if e.date is None and e.status == "occurred" and e.evidence.start == lead.start \
                and (article.published is None or day.date.date <= article.published.isoformat()):
            e = replace(e, event_id=stable_id(e.event_id, day.date.date), date=day.date.date,
                        date_precision="day", date_text=day.text)
        out.append(e)
    return out


# "এতে জর্ডানের বিমানও অংশ নিয়েছে": someone took part in the attack just told.
JOINED_IN = regex.compile(r"^\s*(?:এতে|এই\s+(?:হামলা|অভিযান)(?:য়|ে)|ওই\s+(?:হামলা|অভিযান)(?:য়|ে))(?:ও)?\s+(?P<rest>.*?)"
                          r"অংশ\s*(?:নিয়েছে|নিয়েছেন|নেয়|নেন|নিয়েছিল|নিয়েছিলেন|গ্রহণ\s+কর[\p{L}\p{M}]*)\s*।?\s*$")


def _joined_in(article: Article, sent: Sentence, actors: list[Mention], out: list[Event],
               sentences: list[Sentence]) -> list[Event]:
    """A sentence saying X took part in it (এতে), after an attack told in the two sentences before:
    X attacked the same target too, and acted together with the attacker (COOPERATE)."""
    hit = JOINED_IN.match(sent.text) if "অংশ" in sent.text else None
    if hit is None:
        return []
    joiner = next((m for m in _within(actors, sent.start, sent.end) if m.actor is not None and m.actor.code
                   and role_of(m, article.text) in ("NOM", "GEN")), None)
    earlier = {s.start for s in sentences if sent.index - 2 <= s.index < sent.index}
    last = next((e for e in reversed(out) if e.event_type == "ASSAULT" and e.evidence.start in earlier
                 and e.status == "occurred" and e.source is not None and e.target is not None), None)
    if joiner is None or joiner.actor is None or last is None or last.source is None \
            or joiner.actor.code in (last.source.code, last.target.code if last.target else None):
        return []
    side = _as_actor(joiner)
    made = []
    for kind, target, cameo, goldstein, quad in (("ASSAULT", last.target, last.cameo, last.goldstein, last.quad_class),
                                                 ("COOPERATE", last.source, "062", 7.4, 2)):
        made.append(replace(
            last, event_id=stable_id(article.article_id, kind, side.code, target.code if target else None,
                                     last.date, sent.start, side.name, side.text),
            event_type=kind, mode=None if kind == "COOPERATE" else last.mode, cameo=cameo, goldstein=goldstein,
            quad_class=quad, source=side, target=target, symmetric=kind == "COOPERATE",
            evidence=Evidence(sent.text, sent.start, sent.end), confidence=min(last.confidence, 0.75)))
    return made


def code_events(article: Article, sentences: list[Sentence], mentions: list[Mention]) -> list[Event]:
    """Stage: the merged events of one article."""
    actors = _resolve_anaphors([m for m in mentions if m.kind == "actor"], sentences, article.text)
    home = home_country(mentions)
    domestic = home is not None and home_country(mentions, DOMESTIC_SHARE) == home
    story = home or home_country(mentions, STORY_SHARE)
    actors = _resolve_home(_resolve_home_roles(actors, home, article.published), home)
    actors = _ByStart(actors)
    dates = _ByStart(m for m in mentions if m.kind == "date")
    places = _ByStart(m for m in mentions if m.kind == "place")
    governing = _governing_dates(sentences, dates)
    tellers = _tellers(sentences, actors, article.text)
    lead_day = _lead_day(sentences, dates)
    news_day = _news_day(sentences, dates)
    if news_day is None and lead_day is not None and lead_day.date is not None and article.published is not None \
            and lead_day.date.date == article.published.isoformat():
        news_day = lead_day  # "২২ সেপ্টেম্বর, …" opening an article of 22 September: the day it reports on
    news_day = news_day or _incident_day(sentences, dates)
    accusers: dict[str, Mention] = {}
    attackers: dict[str, Mention] = {}  # state -> who last attacked it (for a counter-attack)
    partners: dict[str, Mention] = {}  # state -> whom it last met or agreed with
    out: list[Event] = []
    last_subject: Mention | None = None
    last_person: Mention | None = None
    last_crowd: Mention | None = None
    voice: Mention | None = None
    voice_para = -1
    voice_day: Mention | None = None
    prev_sent: Sentence | None = None
    told: tuple[int, Mention, Mention] | None = None
    said_by: Mention | None = None
    said_para = -1
    last_said: Mention | None = None  # the last person named saying something: whom a later "তিনি বলেন" means
    for sent in sentences:
        # a subject pronoun (তিনি, তারা) anywhere in the sentence stands for the last named subject;
        # a person's pronoun (তিনি, তাঁকে) for the last named person when a body (সরকার) came since
        person_ref = last_subject
        if last_person is not None and last_subject is not None and not _person(last_subject):
            person_ref = last_person
        carried = None
        if PRONOUN_ANYWHERE.search(sent.text):
            carried = person_ref if PERSON_PRONOUN.search(sent.text) and not PLURAL_PRONOUN.search(sent.text) \
                else last_subject
        if carried is None and last_crowd is not None and PLURAL_PRONOUN.search(sent.text):
            carried = last_crowd  # "… অবরোধ করেছেন সনাতন ধর্মাবলম্বীরা। … বিক্ষোভ শুরু করেন তারা।"
        antecedent = person_ref if PERSON_OBJECT.search(sent.text) else last_subject
        lead = SPEECH_LEAD.match(sent.text)
        if voice is not None and sent.paragraph != voice_para and lead is None:
            voice = None
        if lead is not None and sent.kind == "body":
            # "X বলেন, …" / "তিনি আরও বলেন, …" opens what X says in this paragraph
            named = [m for m in _within(actors, sent.start, sent.start + lead.end())
                     if m.actor is not None and m.actor.code and role_of(m, article.text) == "NOM"]
            before = voice
            voice = named[0] if named else (person_ref if PERSON_PRONOUN.search(lead.group()) else None)
            voice_para = sent.paragraph
            # the day the words were said: named in this sentence, or in the one just before that named
            # the speaker, or the day the same speaker's words went on from ("তিনি আরও বলেন")
            same = before is not None and voice is not None and before.actor == voice.actor
            earlier = _speech_day(prev_sent, dates) if prev_sent is not None and prev_sent.index == sent.index - 1 \
                else None
            earlier = earlier or (voice_day if same else None)
            voice_day = next((d for d in _within(dates, sent.start, sent.end)
                              if d.date is not None and d.date.precision == "day"), earlier)
        if sent.paragraph != said_para:
            said_by = None
        reporter = _said_by(sent, actors, article.text, person_ref)
        if reporter is not None:
            said_by, said_para = reporter, sent.paragraph
            last_said = reporter if _person(reporter) else last_said
        day = news_day
        if carried is not None and prev_sent is not None and prev_sent.index == sent.index - 1 \
                and carried is last_subject and prev_sent.start <= carried.start < prev_sent.end:
            # "গত মাসের শেষের দিকে … সরে আসেন বাইডেন। … সমর্থন দেন তিনি।": তিনি goes on with the story of the
            # sentence just before, and so with its date when it names one
            day = _narrative_day(prev_sent, dates) or day
        if voice is not None and WE.search(sent.text) and not carried:
            carried = voice  # "আমরা … আহ্বান জানাই" in the speaker's words: the speaker's side,
            day = news_day or voice_day  # and the day they spoke
        says = PRONOUN_SAYS.search(sent.text) if lead is None and sent.kind == "body" else None
        said_here = (last_said, sent.start + says.end()) if says is not None and last_said is not None else None
        if said_here is not None:
            said_by, said_para = said_here[0], sent.paragraph  # (… তিনি আরও বলেন, …: the paragraph's speaker)
        speaker = voice if lead is not None else carried
        spoke = _spoke_on(sent, speaker, told, dates)
        n_before = len(out)
        out.extend(code_sentence(article, sent, actors, dates, places, governing.get(sent.index), carried,
                                 day, home, lead_day, accusers, domestic, antecedent, tellers.get(sent.index),
                                 voice if lead is not None or WE.search(sent.text) else None,
                                 attackers, partners, spoke, said_by, said_here, story))
        if len(out) == n_before:
            out.extend(_joined_in(article, sent, actors, out, sentences))
        told = _told_day(sent, actors, dates, article.text, speaker, spoke, out[n_before:])
        prev_sent = sent
        for e in out[n_before:]:
            if e.event_type in ("ACCUSE", "REQUEST", "THREATEN") and e.target is not None and e.target.code \
                    and e.source is not None and e.source.code != e.target.code:
                accusers[e.target.code] = Mention("actor", e.evidence.start, e.evidence.start, e.source.text,
                                                  actor=e.source)
            if e.event_type in ("CONSULT", "AGREE") and e.status == "occurred" and e.target is not None \
                    and e.target.code and e.source is not None and e.source.code and e.source.code != e.target.code:
                for a, b in ((e.source, e.target), (e.target, e.source)):
                    partners[a.code] = Mention("actor", e.evidence.start, e.evidence.start, b.text, actor=b)
            if e.event_type == "ASSAULT" and e.status == "occurred" and e.target is not None and e.target.code \
                    and e.source is not None and e.source.code and e.source.code != e.target.code:
                attackers[e.target.code] = Mention("actor", e.evidence.start, e.evidence.start, e.source.text,
                                                   actor=e.source)
        subjects = [m for m in _within(actors, sent.start, sent.end)
                    if m.actor is not None and (m.actor.name or (m.resolved_by == "unlinked" and m.actor.code))
                    and role_of(m, article.text) == "NOM"]  # (an unlinked person of a known side too)
        if subjects:
            last_subject = subjects[0]
            last_person = next((m for m in subjects if _person(m)), last_person)
        last_crowd = None if subjects else _crowd_subject(out[n_before:]) or last_crowd
    out = _lead_act_day(article, out, sentences, dates)
    kinds = {s.start: s.kind for s in sentences}
    return _drop_undated_repeats(merge_events(out, kinds))
