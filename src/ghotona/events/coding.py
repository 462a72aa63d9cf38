"""The event coder: who did what to whom, per clause, then merged per article.

For each sentence: find lexicon predicates; cut the sentence into clauses at each
predicate; give each predicate the actors of its clause by their case roles
(``roles.role_of``); expand coordinated subjects (rule 2); decide status (``status``),
date (nearest date in the clause, then the sentence lead, then the paragraph lead — never
the publication date by default), place and attribution; finally keep one event per
(type, source, target, date) in the article (rule 1).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import regex

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
EMBEDDED_END = regex.compile(r"\s+বলে\s")
PRONOUN_SUBJECT = regex.compile(r"^(?:তিনি|তারা|তাঁরা|তিনিও)\s")
LEAD_DATE = regex.compile(r"^\s*\S+(?:\s+\S+){0,3}\s*,")


@dataclass(frozen=True, slots=True)
class _Clause:
    pred: PredicateMatch
    start: int        # absolute offset where the clause's arguments may start
    end: int          # absolute offset after the predicate
    after_end: int    # absolute offset up to which post-verbal subjects may stand


def _within(ms: Sequence[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in ms if m.start >= start and m.end <= end]


def _clauses(sent: Sentence, preds: list[PredicateMatch], text: str) -> list[_Clause]:
    """One clause per predicate: from the previous predicate (or a reporting verb) to it."""
    out: list[_Clause] = []
    prev_end = sent.start
    for i, p in enumerate(preds):
        p_start, p_end = sent.start + p.start, sent.start + p.end
        start = prev_end
        for m in REPORTING.finditer(text, start, p_start):
            start = m.end()
        nxt = sent.start + preds[i + 1].start if i + 1 < len(preds) else sent.end
        out.append(_Clause(p, start, p_end, nxt))
        prev_end = p_end
    return out


def _pick_date(dates: list[Mention], clause: _Clause, sent: Sentence, para_lead: Mention | None,
               future: bool) -> Mention | None:
    in_clause = _within(dates, clause.start, clause.after_end)
    if in_clause:
        before = [d for d in in_clause if d.end <= clause.end]
        return before[-1] if before else in_clause[0]
    in_sent = [d for d in _within(dates, sent.start, sent.end) if d.end <= clause.end]
    if in_sent:
        return in_sent[0]
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


def _arguments(clause: _Clause, actors: list[Mention], text: str, carried: Mention | None) -> _Args | None:
    pred = clause.pred.predicate
    window = [m for m in _within(actors, clause.start, clause.end) if m.actor is not None]
    roles = {id(m): role_of(m, text) for m in window}
    noms = [m for m in window if roles[id(m)] in SOURCE_ROLES]
    agents = [m for m in window if roles[id(m)] == "AGENT"]
    targets = [m for m in window if roles[id(m)] in TARGET_ROLES]
    gens = [m for m in window if roles[id(m)] == "GEN"]
    locs = [m for m in window if roles[id(m)] == "LOC"]
    symmetric = pred.symmetric

    between = [m for m in window if roles[id(m)] == "BETWEEN"]
    if between:
        partner = between[-1]
        left = [m for m in window if m.end <= partner.start and coordinated(text, m, partner)]
        if left:
            return _Args([left[-1]], partner, True)

    sources: list[Mention] = []
    if agents:
        sources = [agents[0]]
    elif noms:
        first = noms[0]
        sources = [first]
        for m in noms[1:]:
            if coordinated(text, sources[-1], m):
                sources.append(m)
            else:
                break
    target: Mention | None = targets[0] if targets else None
    if pred.pos == "noun" and gens:
        gen = gens[-1]
        if not sources or sources[0].start > gen.start:
            # "পুতিনের উত্তর কোরিয়া সফর": the genitive is the doer, the bare noun the goal.
            if sources and target is None:
                target = sources[0]
            sources = [gen]
    if target is None and len(sources) > 1 and symmetric:
        sources, target = [sources[0]], sources[1]
    if target is None and len(noms) > len(sources):
        rest = [m for m in noms if m not in sources]
        target = rest[0] if rest else None
    if target is None and locs and pred.mode in ("visit", "meet"):
        target = locs[-1]
    if not sources:
        post = [m for m in _within(actors, clause.end, clause.after_end)
                if m.actor is not None and role_of(m, text) == "NOM"]
        if post:
            sources = [post[0]]
        elif carried is not None:
            sources = [carried]
    if pred.frame == "ts" and target is not None and sources:
        sources, target = [target], sources[0]
    if pred.frame == "s":
        target = None
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


def _as_actor(m: Mention) -> Actor:
    a = m.actor
    assert a is not None
    return Actor(a.code, a.name, a.sector, m.text)


def _paragraph_leads(sentences: list[Sentence], dates: list[Mention]) -> dict[int, Mention]:
    """Dates that open a paragraph ("১৩ সেপ্টেম্বর, …") and govern what follows in it."""
    leads: dict[int, Mention] = {}
    for s in sentences:
        if s.paragraph in leads:
            continue
        first = _within(dates, s.start, s.end)
        if first and first[0].start - s.start <= 2 and LEAD_DATE.match(s.text):
            leads[s.paragraph] = first[0]
    return leads


def code_sentence(article: Article, sent: Sentence, actors: list[Mention], dates: list[Mention],
                  places: list[Mention], para_lead: Mention | None, carried: Mention | None) -> list[Event]:
    """All events of one sentence (before article-level merging)."""
    text = article.text
    preds = load_lexicon().find(sent.text)
    events: list[Event] = []
    attributed = _attribution(sent, actors, text)
    for clause in _clauses(sent, preds, text):
        args = _arguments(clause, actors, text, carried)
        if args is None:
            continue
        pm, pred = clause.pred, clause.pred.predicate
        words = WORD.findall(sent.text[pm.start:pm.end])
        status = status_of(sent.text, pm.start, pm.end, words[-1] if words else "", pred.type)
        dmention = _pick_date(dates, clause, sent, para_lead, status in ("planned", "hypothetical"))
        dv = _date_value(dmention, status in ("planned", "hypothetical"))
        place = _place(places, clause, args.target, pred.mode)
        target = _as_actor(args.target) if args.target is not None else None
        for src_m in args.sources:
            source = _as_actor(src_m)
            if source.code is None or (target is not None and target.code == source.code):
                continue
            events.append(Event(
                event_id=stable_id(article.article_id, pred.type, source.code, target.code if target else None,
                                   dv.date, sent.start, pm.start),
                article_id=article.article_id, event_type=pred.type, mode=pred.mode or None,
                cameo=pred.cameo, goldstein=pred.goldstein, quad_class=pred.quad_class,
                source=source, target=target, symmetric=args.symmetric,
                date=dv.date, date_precision=dv.precision, date_text=dv.text if dv.date else None,
                location=place, status=status, attributed_to=attributed,
                evidence=Evidence(sent.text, sent.start, sent.end),
                confidence=_confidence(source, target, pm, dv),
            ))
    return events


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


def code_events(article: Article, sentences: list[Sentence], mentions: list[Mention]) -> list[Event]:
    """Stage: the merged events of one article."""
    actors = [m for m in mentions if m.kind == "actor"]
    dates = [m for m in mentions if m.kind == "date"]
    places = [m for m in mentions if m.kind == "place"]
    leads = _paragraph_leads(sentences, dates)
    out: list[Event] = []
    last_subject: Mention | None = None
    for sent in sentences:
        carried = last_subject if PRONOUN_SUBJECT.match(sent.text) else None
        out.extend(code_sentence(article, sent, actors, dates, places, leads.get(sent.paragraph), carried))
        subjects = [m for m in _within(actors, sent.start, sent.end)
                    if m.actor is not None and m.actor.name and role_of(m, article.text) == "NOM"]
        if subjects:
            last_subject = subjects[0]
    kinds = {s.start: s.kind for s in sentences}
    return merge_events(out, kinds)
