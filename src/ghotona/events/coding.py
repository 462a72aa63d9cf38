"""The event coder: who did what to whom, per clause, then merged per article.

For each sentence: find lexicon predicates; cut the sentence into clauses at each
predicate; give each predicate the actors of its clause by their case roles
(``roles.role_of``); expand coordinated subjects (rule 2); decide status (``status``),
date (nearest date in the clause, then the sentence lead, then the paragraph lead — never
the publication date by default), place and attribution; finally keep one event per
(type, source, target, date) in the article (rule 1).
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ghotona.actors.gazetteer import Institution, load_gazetteer
from ghotona.actors.text import normalize_surface
from ghotona.events.lexicon import PredicateMatch, load_lexicon
from ghotona.events.roles import coordinated, role_of
from ghotona.events.status import WORD, status_of
from ghotona.model import Actor, Article, DateValue, Event, Evidence, Mention, Place, Sentence, stable_id

LOGGER = logging.getLogger(__name__)

SOURCE_ROLES = ("AGENT", "NOM")
TARGET_ROLES = ("OBJ", "COM", "AGAINST", "ON", "TO", "BETWEEN")
REPORTING = regex.compile(
    r"(?:বলেছে|বলেছেন|বলেন|বলেছিল|বলেছিলেন|জানিয়েছে|জানিয়েছেন|জানান|জানায়|নিশ্চিত\s+করেছে|উল্লেখ\s+করেন)"
    r"\s*,?\s*(?:যে\s+)?")
# Where a new clause's arguments start: after a reporting verb (X বলেছে যে …), after a
# subordinate clause closed by a comma (… সফরের পর, / … কারণে,), after a semicolon.
BREAKS = regex.compile(
    REPORTING.pattern
    + r"|(?<![\p{L}\p{M}])(?:পর|পরে|আগে|কারণে|সময়|ফলে|হলে|লক্ষ্যে|উপলক্ষে|মধ্যেই|বলে)\s*,\s*"
    + r"|(?<![\p{L}\p{M}])(?:অভিযোগ|দাবি|দাবী)\s*,\s*"
    + r"|[\p{L}\p{M}]+(?:ার|ের|নোর)\s+(?:পর|পরে|আগে)(?:ই|ও)?\s+"
    + r"|;\s*|[\p{L}\p{M}]+(?:ে|য়ে)\s*,\s+(?=\S)")
PRONOUN_SUBJECT = regex.compile(r"^(?:তিনি|তারা|তাঁরা|তিনিও)\s")
LEAD_DATE = regex.compile(r"^\s*\S+(?:\s+\S+){0,3}\s*,")


@dataclass(frozen=True, slots=True)
class _Clause:
    pred: PredicateMatch
    start: int        # absolute offset where the clause's arguments may start
    end: int          # absolute offset after the predicate
    after_end: int    # absolute offset up to which post-verbal subjects may stand
    sent_end: int = 0  # absolute end of the sentence


def _within(ms: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in ms if m.start >= start and m.end <= end]


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
        out.append(_Clause(p, start, p_end, later[0] if later else sent.end, sent.end))
        prev_any_end = max(prev_any_end, p_end)
        if p.predicate.pos == "verb":
            prev_verb_end = p_end
    return out


DAY_ANAPHOR = regex.compile(r"(?<![\p{L}\p{M}])(?:সেদিন|সেদিনই|একই\s+দিনে?|এদিন|ওইদিন|ওই\s+দিন|ঐদিন|ওই\s+দিনই)"
                            r"(?![\p{L}\p{M}])")


SAME_DAY = regex.compile(r"(?<![\p{L}\p{M}])(?:একই\s+দিনে?|এদিন)(?![\p{L}\p{M}])")


def _pick_date(dates: list[Mention], clause: _Clause, sent: Sentence, para_lead: Mention | None,
               text: str, lead_day: Mention | None = None) -> Mention | None:
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
    if in_sent:
        return in_sent[0]
    after = _within(dates, clause.end, clause.after_end)  # গ্রেপ্তার হন ২০১৮ সালে: a post-verbal adjunct
    if after and "," not in text[clause.end:after[0].start]:
        return after[0]
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


def _noun_arguments(window: list[Mention], roles: dict[int, str], text: str, end: int = 0) -> _Args | None:
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
    source = agents[-1] if agents else (gens[-1] if gens else None)
    adjacent = [m for m in noms if m.actor is not None and m.actor.code and MODIFIER_GAP.match(text, m.end, end)]
    if not agents and adjacent:  # ইসরায়েলি ড্রোন হামলা, মার্কিন নিষেধাজ্ঞা: the modifier is the doer
        source = adjacent[-1]
        noms = [m for m in noms if m is not source]
    if source is None:
        return None
    target = targets[-1] if targets else next((m for m in noms if m.start > source.start), None)
    coms = [m for m in window if roles[id(m)] == "COM" and m.start > source.start]
    if target is None and coms:
        return _Args([source], coms[-1], True)
    if target is None:
        return None
    return _Args([source], target, False)


# Types whose goal may be named by a locative (ইসরায়েলে হামলা, গাজায় অভিযান, সীমান্তে সেনা মোতায়েন).
LOCATIVE_GOAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "AID"})
LOCATIVE = ("য়", "এ", "তে", "ে", "য়", "য়ও", "তেও", "েও")


IN_AREA = regex.compile(r"(?:\s+[\p{L}\p{M}\p{N},]+){0,3}?\s+(?:[\p{L}\p{M}]*(?:অঞ্চলে|শহরে|এলাকায়|ভূখণ্ডে"
                       r"|সীমান্তে|অভ্যন্তরে|উপকূলে|আকাশসীমায়|জলসীমায়)|ভেতরে|ভিতরে)(?![\p{L}\p{M}])")


def _locative_goal(window: list[Mention], roles: dict[int, str], places: list[Mention], clause: _Clause,
                   source: Mention | None, text: str = "") -> Mention | None:
    locs = [m for m in window if roles[id(m)] == "LOC"]
    if locs:
        return locs[-1]
    src_code = source.actor.code if source is not None and source.actor is not None else None
    for m in reversed(window):  # রাশিয়ার কুরস্কসহ একাধিক অঞ্চলে, দেশটির ৩০ কিলোমিটার ভেতরে
        if roles[id(m)] == "GEN" and m.actor is not None and m.actor.code and m.actor.code != src_code \
                and IN_AREA.match(text, m.end, clause.end):
            return m
    src_code = source.actor.code if source is not None and source.actor is not None else None
    for m in reversed(_within(places, clause.start, clause.end)):
        if m.place is not None and m.place.code and m.place.code != src_code and (m.suffix or "").endswith(LOCATIVE):
            return Mention("actor", m.start, m.end, m.text, actor=Actor(m.place.code, m.place.name, None, m.text),
                           suffix=m.suffix, resolved_by="place")
    return None


def _struck_place(places: Sequence[Mention], clause: _Clause, doer: Mention) -> Mention | None:
    code = doer.actor.code if doer.actor is not None else None
    for m in reversed(_within(places, clause.start, clause.after_end)):
        if m.place is not None and m.place.code and m.place.code != code:
            return Mention("actor", m.start, m.end, m.text, actor=Actor(m.place.code, m.place.name, None, m.text),
                           suffix=m.suffix, resolved_by="place")
    return None


# "X-এর/X-ই (ড্রোন|বিমান) হামলায়/গুলিতে …": X is the doer of what befell the subject.
BY_MEANS = regex.compile(r"(?:র|এর|ের)?\s+(?:(?:পাল্টা|ড্রোন|বিমান|বোমা|রকেট|ক্ষেপণাস্ত্র|সেনাদের|সেনাবাহিনীর|বাহিনীর|পুলিশের"
                         r"|বিমান|গুলি|সন্ত্রাসী|হামলাকারীদের)\s+){0,2}(?:হামলায়|হামলাতে|আক্রমণে|গুলিতে|গোলায়|গোলাবর্ষণে"
                         r"|বোমাবর্ষণে|বোমা\s+হামলায়|বিমান\s+হামলায়|ড্রোন\s+হামলায়|হাতে|অভিযানে)(?![\p{L}\p{M}])")


PARTICIPLE = regex.compile(r"(?:করে|দিয়ে|জানিয়ে|চালিয়ে|তুলে)$")


IMPLIED_AGENT_TYPES = frozenset({"COERCE", "CONCEDE", "ASSAULT"})
PREMISES_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN"})
PASSIVE_IN = regex.compile(r"(?:করা|দেওয়া|দেয়া|চালানো|পাঠানো|নেওয়া)\s+(?:হয়|হল|হলো|হবে|হচ্ছ|হত|হয়ে)")
OBJECT_WORD = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:কে|কেও|দেরকে)(?![\p{L}\p{M}])")


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


def _object_target(clause: _Clause, actors: list[Mention], text: str, home: str) -> Mention | None:
    """An unlisted person or group in the object case (আবদুল কুদ্দুছকে আটক করে) of an
    arrest or an attack by the article's own authorities: one of that state's people."""
    covered = [(m.start, m.end) for m in actors]
    objs = [o for o in OBJECT_WORD.finditer(text, clause.start, _pred_start(clause))
            if not any(s <= o.start() < e for s, e in covered)]
    if not objs:
        return None
    o = objs[-1]
    country = load_gazetteer().countries.get(home)
    name = f"unnamed people ({country.name if country is not None else home})"
    return Mention("actor", o.start(), o.end(), o.group(), actor=Actor(home, name, "CVL", o.group()),
                   suffix="কে", resolved_by="object")


def _arguments(clause: _Clause, actors: list[Mention], text: str, carried: Mention | None,
               places: Sequence[Mention] = (), home: str | None = None, domestic: bool = False) -> _Args | None:
    pred = clause.pred.predicate
    window = [m for m in _within(actors, clause.start, clause.end) if m.actor is not None]
    roles = {id(m): role_of(m, text) for m in window}
    if pred.pos == "noun":
        args = _noun_arguments(window, roles, text, _pred_start(clause))
        if args is not None and pred.frame == "ts":
            args = _Args([args.target], args.sources[0], args.symmetric) if args.target else None
        return args
    passive = bool(PASSIVE.match(text[clause.end:clause.end + 12]))
    noms = [m for m in window if roles[id(m)] == "NOM" or (roles[id(m)] == "AGENT" and passive)]
    if any(m.actor is not None and m.actor.code for m in noms):
        # generic code-less nouns (বাহিনী, সেনা, আদালত) do not compete with named subjects
        noms = [m for m in noms if m.actor is not None and m.actor.code]
    target_roles = (*TARGET_ROLES, "PREMISES") if pred.type in PREMISES_TYPES else TARGET_ROLES
    targets = [m for m in window if roles[id(m)] in target_roles]
    for t in [t for t in targets if roles[id(t)] in ("AGAINST", "ON", "TO")]:
        # "X, Y ও Z-এর বিরুদ্ধে": every conjunct before the postposition is governed by it
        conj = [m for m in window if m.end <= t.start and m in _coordinated_run(m, [*window], text) and
                t in _coordinated_run(m, [*window], text)]
        noms = [m for m in noms if m not in conj]
    locs = [m for m in window if roles[id(m)] == "LOC"]
    symmetric = pred.symmetric
    passive = passive or bool(PASSIVE_IN.search(text, _pred_start(clause), clause.end))

    between = [m for m in window if roles[id(m)] == "BETWEEN"]
    if between:
        partner = between[-1]
        left = [m for m in window if m.end <= partner.start and coordinated(text, m, partner)]
        if left and (pred.symmetric or pred.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT")):
            return _Args([left[-1]], partner, True)
        # "X ও Y-এর মধ্যে <deal>-এ নিষেধাজ্ঞা দিয়েছে Z": X and Y are no one's subject here
        noms = [m for m in noms if m not in left]
        targets = [m for m in targets if m is not partner]

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
    target: Mention | None = targets[0] if targets else None
    if target is not None and roles[id(target)] == "COM":
        symmetric = True
    if target is None and len(sources) > 1 and symmetric:
        sources, target = [sources[0]], sources[1]
    if target is None:
        rest = [m for m in noms if m not in sources and m.start > sources[-1].end] if sources else []
        target = rest[0] if rest else None
    if target is None and locs and pred.mode == "visit":
        target = locs[-1]
    if target is None and pred.mode == "visit":  # X পিয়ংইয়ং সফর করেন: the visited capital's state
        src_code = sources[0].actor.code if sources and sources[0].actor is not None else None
        visited = [m for m in _within(list(places), clause.start, clause.end)
                   if m.place is not None and m.place.code and m.place.code != src_code]
        if visited:
            v = visited[-1]
            target = Mention("actor", v.start, v.end, v.text, actor=Actor(v.place.code, v.place.name, None, v.text),
                             suffix=v.suffix, resolved_by="place")
    if not sources:
        # a conjunctive participle (X-কে দায়ী করে … হুমকি দেন Y) shares the subject of the
        # verb it leads into, which may stand after that verb
        until = clause.sent_end if PARTICIPLE.search(text, clause.start, clause.end) else clause.after_end
        post = [m for m in _within(actors, clause.end, until)
                if m.actor is not None and m.actor.code and role_of(m, text) == "NOM"]
        if post:
            sources = _coordinated_run(post[0], post, text)
        elif carried is not None:
            sources = [carried]
    if target is None and pred.type in LOCATIVE_GOAL_TYPES and pred.frame != "ts":
        target = _locative_goal(window, roles, list(places), clause, sources[0] if sources else None, text)
    if pred.frame == "ts" and target is not None and sources:
        sources, target = [target], sources[0]
    elif pred.frame == "ts" and target is None and home is not None and pred.type in ("COERCE", "CONCEDE"):
        # খালেদা জিয়া মুক্তি পান / গ্রেফতার করা হয় খালেদা জিয়াকে: the state's authorities did it
        patient = sources[0] if sources else next(
            (m for m in _within(actors, clause.end, clause.after_end) if m.actor is not None
             and m.actor.code and role_of(m, text) in ("NOM", "OBJ")), None)
        if patient is not None and patient.actor is not None and patient.actor.code == home:
            sources, target = [_implied(home, pred.type, clause.start)], patient
    if (not sources and (passive or pred.frame == "ts") and home is not None and pred.type in IMPLIED_AGENT_TYPES
            and (pred.type != "ASSAULT" or domestic)
            and target is not None and target.actor is not None and target.actor.code == home):
        sources = [_implied(home, pred.type, clause.start)]
    if (sources and target is None and home is not None and pred.type in ("COERCE", "ASSAULT")
            and pred.frame == "st" and sources[0].actor is not None and sources[0].actor.code == home):
        target = _object_target(clause, actors, text, home)
    if pred.frame == "s":
        against = [m for m in window if roles[id(m)] == "AGAINST" and m not in sources]
        target = against[-1] if pred.type == "PROTEST" and against else None
    if not sources:
        return None
    return _Args(sources, target, symmetric)


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


def _attribution(sent: Sentence, actors: list[Mention], text: str) -> str | None:
    for m in _within(actors, sent.start, sent.end):
        if m.actor is not None and role_of(m, text) == "ATTRIB":
            return m.actor.name or m.text
    tail = text[sent.start:sent.end]
    src = regex.search(r"সূত্র\s*:\s*([^)।,]+)", tail)
    if src:
        for m in _within(actors, sent.start + src.start(1), sent.end):
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
    return Actor(a.code, a.name, a.sector, m.text)


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


EMBEDDED = regex.compile(r"^[\s\"”’'।]*(?:[\p{L}\p{M}]+\s+){0,1}বলে(?:\s|$)")
FOR_CLAIM = regex.compile(r"^[\s\"”’']*(?:এর\s+)?(?:জন্য|দায়ে|অভিযোগে)(?:\s|$)")
CLAIM_TYPES = ("ACCUSE",)


def _name(m: Mention) -> str | None:
    return m.actor.name if m.actor is not None else None


def _link_claims(coded: list[_Coded], text: str) -> list[_Coded]:
    """Rule 5: "<act> বলে অভিযোগ করেছে X" — the act is alleged and attributed to X, and
    X's accusation is aimed at the act's doers. "X Y-কে <act>-এর জন্য অভিযুক্ত করে" — the
    act's doer is Y."""
    out = list(coded)
    for i, c in enumerate(coded):
        nxt = next((d for d in coded[i + 1:] if d.clause.pred.predicate.pos == "verb"), None)
        if nxt is None or nxt.clause.pred.predicate.type not in CLAIM_TYPES:
            continue
        after = text[c.clause.end:c.clause.end + 40]
        accuser = nxt.args.sources[0] if nxt.args.sources else None
        if EMBEDDED.match(after):
            c.status = "alleged"
            c.attributed_to = _name(accuser) if accuser else c.attributed_to
            if nxt.args.target is None or nxt.args.target in c.args.sources:
                doers = [*c.args.sources, *([c.args.target] if c.args.symmetric and c.args.target else [])]
                extra = [_Coded(nxt.clause, _Args(nxt.args.sources, d, False), nxt.status, nxt.attributed_to,
                                nxt.date) for d in doers[1:]]
                nxt.args = _Args(nxt.args.sources, doers[0], False)
                out.extend(extra)
        elif c.clause.pred.predicate.pos == "noun" and FOR_CLAIM.match(after) and nxt.args.target is not None:
            c.status = "alleged"
            c.attributed_to = _name(accuser) if accuser else None
            c.args = _Args([nxt.args.target], None if c.clause.pred.predicate.frame == "s" else c.args.target,
                           c.args.symmetric)
            c.date = c.date or nxt.date
    return out


def _noun_claim_placeholder(clause: _Clause) -> _Args:
    return _Args([], None, clause.pred.predicate.symmetric)


# A light verb right after a predicate noun makes it a verb clause (আহ্বান জানিয়েছে,
# হামলা চালিয়েছে, নিন্দা জানান): its subject stands in the clause, not beside the noun. Bare
# নিয়ে/দিয়ে/হয়ে are postpositions (about, by, via), not light verbs.
LIGHT_VERB = regex.compile(
    r"[\s’'\"”]*(?!(?:নিয়ে|দিয়ে|হয়ে)(?![\p{L}\p{M}]))"
    r"(?:কর|জানা|জানি|দিয়|দিচ্ছ|দিল|দিত|দেন|দেয়|দেব|দেও|চালা|চালি|নিয়|নেয়|নেন|তুল|তোল"
    r"|হয়|হল|হলো|হবে|হচ্ছ|হত|হওয়া)[\p{L}\p{M}]*")


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


INFINITIVE = regex.compile(r"তে$")
REPORTER_TALK = regex.compile(r"\s*জানা\s+(?:যায়|গেছে|গিয়েছে)")
PURPOSE = regex.compile(r"(?:ার|ের|নোর)$")
FOR = regex.compile(r"\s+জন্য(?![\p{L}\p{M}])")


def _drop_requested(coded: list[_Coded], text: str) -> list[_Coded]:
    """An act in an infinitive or purpose clause governed by a request or an incitement
    (Y-কে হামলা না চালাতে আহ্বান জানান, হামলা করার জন্য চীনকে উসকানি দিচ্ছেন) is asked of
    someone, not done: it is no event of the clause's subject."""
    out = []
    for i, c in enumerate(coded):
        nxt = coded[i + 1] if i + 1 < len(coded) else None
        pm = c.clause.pred
        last = text[c.clause.end - (pm.end - pm.start):c.clause.end]
        nonfinite = bool(INFINITIVE.search(last)) or (bool(PURPOSE.search(last)) and bool(FOR.match(text, c.clause.end)))
        if (nxt is not None and nonfinite and pm.predicate.pos == "verb"
                and nxt.clause.pred.predicate.type in ("REQUEST", "ACCUSE")
                and pm.predicate.type not in ("REQUEST", "ACCUSE")
                and "," not in text[c.clause.end:nxt.clause.end]):
            continue
        out.append(c)
    return out


def code_sentence(article: Article, sent: Sentence, actors: list[Mention], dates: list[Mention],
                  places: list[Mention], para_lead: Mention | None, carried: Mention | None,
                  news_day: Mention | None = None, home: str | None = None,
                  lead_day: Mention | None = None, accusers: dict[str, Mention] | None = None,
                  domestic: bool = False) -> list[Event]:
    """All events of one sentence (before article-level merging)."""
    text = article.text
    preds = _verbalise(load_lexicon().find(sent.text), sent.text)
    attributed = _attribution(sent, actors, text)
    claim = _claim_lead(sent, actors, text)
    coded: list[_Coded] = []
    last_sources: Mention | None = carried
    for clause in _clauses(sent, preds, text):
        pm, pred = clause.pred, clause.pred.predicate
        if pred.type == "CONSULT" and sent.text[pm.start:pm.end].endswith("বলে") \
                and REPORTER_TALK.match(text, sent.start + pm.end):
            continue  # "X-এর সঙ্গে কথা বলে জানা যায়": the reporter's source, not a meeting
        subject = last_sources
        if pred.type in SPEECH_TYPES:
            subject = _speaker(sent, actors, text, clause.start) or subject
        args = _arguments(clause, actors, text, subject, places, home, domestic)
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
        if args is None:
            if pred.pos != "noun":
                continue
            args = _noun_claim_placeholder(clause)  # may get its doer from a following accusation
        elif pred.pos == "verb" and pred.frame != "ts":
            last_sources = args.sources[0]
        words = WORD.findall(sent.text[pm.start:pm.end])
        status = status_of(sent.text, pm.start, pm.end, words[-1] if words else "", pred.type)
        if pred.type == "AGREE" and status == "denied" and pred.pos == "verb":
            # not accepting, not agreeing (প্রস্তাব গ্রহণ করেনি, রাজি হয়নি) is a refusal
            pred = replace(pred, type="REJECT", mode=None, cameo="120", goldstein=-4.0, quad_class=3,
                           symmetric=False)
            pm = replace(pm, predicate=pred)
            clause = replace(clause, pred=pm)
            status = "occurred"
        attribution = attributed
        if claim is not None and sent.start + pm.start >= claim[1]:
            attribution = _name(claim[0]) or claim[0].text
            status = "alleged" if status == "occurred" else status
        if status not in ("occurred", "alleged") and any(m.resolved_by == "implied" for m in args.sources):
            continue  # an unnamed doer is supplied only for acts reported as done
        lead = para_lead if status not in ("planned", "hypothetical") else None
        date = _pick_date(dates, clause, sent, lead, text, lead_day)
        if date is None and status in ("occurred", "alleged"):
            date = news_day  # the day the article reports on, named in its lead
        coded.append(_Coded(clause, args, status, attribution, date))
    coded = _drop_requested(coded, text)
    for c in coded:
        if (c.clause.pred.predicate.type == "REJECT" and c.args.target is None and c.args.sources
                and accusers and c.args.sources[0].actor is not None):
            # "উভয়ই এই অভিযোগ অস্বীকার করে": they deny what was last said against them, to its sayer
            said = accusers.get(c.args.sources[0].actor.code or "")
            if said is not None:
                c.args = _Args(c.args.sources, Mention("actor", said.start, said.end, said.text, actor=said.actor,
                                                       resolved_by="accuser"), False)
    events: list[Event] = []
    for c in _link_claims(coded, text):
        events.extend(_events_of(article, sent, c, places, home))
    return events


def _own_government(m: Mention) -> Actor | None:
    """Whom a protest with no named target is against: the protesters' own government (a
    party, group or crowd protests to its state; a government does not protest to itself)."""
    a = m.actor
    if a is None or a.code is None or a.sector in ("GOV", "MIL") or a.code not in load_gazetteer().countries:
        return None
    return Actor(a.code, _institution_name("সরকার", a.code), "GOV", "")


def _events_of(article: Article, sent: Sentence, c: _Coded, places: list[Mention],
               home: str | None = None) -> list[Event]:
    pm, pred, args = c.clause.pred, c.clause.pred.predicate, c.args
    if pred.frame != "s" and (args.target is None or args.target.actor is None or args.target.actor.code is None):
        return []  # the spec's events name whom they are done to; few gold events lack a target
    dv = _date_value(c.date, c.status in ("planned", "hypothetical"))
    place = _place(places, c.clause, args.target, pred.mode)
    target = _as_actor(args.target) if args.target is not None else None
    if pred.type == "PROTEST" and target is None and args.sources:
        target = _own_government(args.sources[0])
    out = []
    for src_m in args.sources:
        source = _as_actor(src_m)
        if source.code is None or _same_actor(source, target, home):
            continue
        out.append(Event(
            event_id=stable_id(article.article_id, pred.type, source.code, target.code if target else None,
                               dv.date, sent.start, pm.start),
            article_id=article.article_id, event_type=pred.type, mode=pred.mode or None,
            cameo=pred.cameo, goldstein=pred.goldstein, quad_class=pred.quad_class,
            source=source, target=target, symmetric=args.symmetric,
            date=dv.date, date_precision=dv.precision, date_text=dv.text if dv.date else None,
            location=place, status=c.status, attributed_to=c.attributed_to,
            evidence=Evidence(sent.text, sent.start, sent.end),
            confidence=_confidence(source, target, pm, dv),
        ))
    return out


def _merge_key(e: Event) -> tuple[object, ...]:
    s = e.source.code if e.source else None
    t = e.target.code if e.target else None
    pair = tuple(sorted((s or "", t or ""))) if e.symmetric else (s, t)
    return (e.event_type, pair, e.date, e.date_precision)


def merge_events(events: list[Event], kinds: dict[int, str]) -> list[Event]:
    """Rule 1: one event per (type, source, target, date); keep the best evidence."""
    best: dict[tuple[object, ...], Event] = {}
    rank = {"body": 2, "title": 1, "caption": 0}
    for e in events:
        key = _merge_key(e)
        cur = best.get(key)
        if cur is None:
            best[key] = e
            continue
        new_score = (e.confidence, rank.get(kinds.get(e.evidence.start, "body"), 2), -e.evidence.start)
        cur_score = (cur.confidence, rank.get(kinds.get(cur.evidence.start, "body"), 2), -cur.evidence.start)
        if new_score > cur_score:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e.evidence.start, e.event_type, e.event_id))


COUNTRY_ANAPHOR = regex.compile(r"^(?:দেশটির|দেশটি|দেশটিও|দেশটিকে)(?![\p{L}\p{M}])")
POSSESSIVE = regex.compile(r"(?<![\p{L}\p{M}])(?:তাদের|তাঁদের|নিজেদের)\s+$")


def _resolve_anaphors(actors: list[Mention], sentences: list[Sentence], text: str) -> list[Mention]:
    """Give code-less mentions the state they stand for when the text says which:
    "দেশটির সেনারা" (the country just named, other than the ones named beside it in the same
    sentence), "তাদের বাহিনী" after "X বলেছে," (the speaker's own forces)."""
    out: list[Mention] = []
    for m in actors:
        if m.actor is None or m.actor.code is not None:
            out.append(m)
            continue
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        code: str | None = None
        if COUNTRY_ANAPHOR.match(m.text) and sent is not None:
            here = {a.actor.code for a in actors
                    if sent.start <= a.start < sent.end and a is not m and a.actor is not None}
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
        if m.kind == "actor" and m.actor is not None and m.actor.code and m.resolved_by != "generic":
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


def code_events(article: Article, sentences: list[Sentence], mentions: list[Mention]) -> list[Event]:
    """Stage: the merged events of one article."""
    actors = _resolve_anaphors([m for m in mentions if m.kind == "actor"], sentences, article.text)
    home = home_country(mentions)
    domestic = home is not None and home_country(mentions, DOMESTIC_SHARE) == home
    actors = _resolve_home(actors, home)
    dates = [m for m in mentions if m.kind == "date"]
    places = [m for m in mentions if m.kind == "place"]
    governing = _governing_dates(sentences, dates)
    news_day = _news_day(sentences, dates)
    lead_day = _lead_day(sentences, dates)
    accusers: dict[str, Mention] = {}
    out: list[Event] = []
    last_subject: Mention | None = None
    for sent in sentences:
        carried = last_subject if PRONOUN_SUBJECT.match(sent.text) else None
        n_before = len(out)
        out.extend(code_sentence(article, sent, actors, dates, places, governing.get(sent.index), carried,
                                 news_day, home, lead_day, accusers, domestic))
        for e in out[n_before:]:
            if e.event_type in ("ACCUSE", "REQUEST", "THREATEN") and e.target is not None and e.target.code \
                    and e.source is not None and e.source.code != e.target.code:
                accusers[e.target.code] = Mention("actor", e.evidence.start, e.evidence.start, e.source.text,
                                                  actor=e.source)
        subjects = [m for m in _within(actors, sent.start, sent.end)
                    if m.actor is not None and m.actor.name and role_of(m, article.text) == "NOM"]
        if subjects:
            last_subject = subjects[0]
    kinds = {s.start: s.kind for s in sentences}
    return merge_events(out, kinds)
