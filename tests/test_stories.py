"""Stories: clustering (hand-built gold mirrors, properties), store, CLI, real pipeline, MinHash."""

import datetime as dt
import importlib.util
import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DEV, ROOT
from ghotona.cli import app
from ghotona.jobs import ingest
from ghotona.model import EVENT_TYPES, Actor, Article, Event, Evidence, Failure, Place, Result
from ghotona.store import Store
from ghotona.store.schema import article_duplicates
from ghotona.store.stories import assign_stories, list_stories, record_duplicates, story_events
from ghotona.stories import (
    FAMILIES, ClusterConfig, StoryIndex, StoryMention, assign, default_config, family_of, status_summary,
)
from ghotona.stories.cluster import compatible, interval, make_item, peer_compatible, story_id, strongly_compatible
from ghotona.stories.dedup import DuplicateIndex, optimal_params, shingles, skip_duplicates, words

PUB = {"000": dt.date(2024, 2, 7), "001": dt.date(2023, 9, 22), "002": dt.date(2022, 8, 15),
       "003": dt.date(2023, 9, 13), "004": dt.date(2023, 9, 1)}
CFG = ClusterConfig(person_names=frozenset({"Vladimir Putin", "Kim Jong Un", "Sergei Lavrov", "Khaleda Zia",
                                           "Sheikh Hasina", "Muhammad Yunus"}),
                    org_names=frozenset({"Inqilab Mancha", "BNP", "Awami League"}),
                    state_names=frozenset({"Government of Bangladesh", "Bangladesh", "Russia", "North Korea"}))


def _actor(a):
    """``(code, name)`` or ``(code, name, sector)``; the sector defaults to GOV."""
    return None if a is None else Actor(a[0], a[1], a[2] if len(a) > 2 else "GOV", a[1] or "")


def ev(eid, etype, src, tgt, date=None, prec="none", *, sym=False, status="occurred", loc=None, by=None,
       article=None):
    """A hand-built event; ``src``/``tgt`` are (code, name) pairs; the article defaults to the id's prefix."""
    return Event(event_id=eid, article_id=article or eid[:3], event_type=etype, mode=None, cameo=None,
                 goldstein=None, quad_class=None, source=_actor(src), target=_actor(tgt), symmetric=sym, date=date,
                 date_precision=prec, date_text=None, location=Place(None, loc, None, None, "") if loc else None,
                 status=status, attributed_to=by, evidence=Evidence("বাক্য।", 0, 6), confidence=0.9)


def mention(e):
    return StoryMention(e, PUB.get(e.article_id[:3]), f"outlet-{e.article_id[:3]}")


PUTIN, KIM, LAVROV = ("RUS", "Vladimir Putin"), ("PRK", "Kim Jong Un"), ("RUS", "Sergei Lavrov")
RUSSIA, NK, USA = ("RUS", "Russia"), ("PRK", "North Korea"), ("USA", "United States")
# inside one country the code tells nobody apart: persons, named organisations, generic bodies
BD_GOV, BD_POLICE, BD_COURT = ("BGD", "Government of Bangladesh"), ("BGD", "Bangladesh Police"), \
    ("BGD", "courts of Bangladesh", "JUD")
KHALEDA, HASINA, YUNUS = ("BGD", "Khaleda Zia", "PTY"), ("BGD", "Sheikh Hasina", "GOV"), ("BGD", "Muhammad Yunus")
MANCHA, BNP = ("BGD", "Inqilab Mancha", "CVL"), ("BGD", "BNP", "PTY")
BD_PROTESTERS, BD_TRADERS = ("BGD", "Bangladeshi protesters", "CVL"), ("BGD", "Bangladeshi traders", "BUS")
BD_SUPPORTERS = ("BGD", "Bangladeshi party supporters", "PTY")
GOLD_MIRROR = [
    ev("000-e04", "CONSULT", KIM, PUTIN, "2023-09", "month", sym=True, loc="RUS"),
    ev("001-e02", "CONSULT", PUTIN, KIM, "2023-09-11", "week", sym=True, loc="RUS"),
    ev("003-e01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", sym=True, loc="RUS"),
    ev("003-e02", "CONSULT", KIM, RUSSIA, "2023-09-12", "day", loc="RUS"),
    ev("002-e03", "CONSULT", PUTIN, KIM, "2019", "year", sym=True, loc="RUS"),
    ev("000-e10", "CONSULT", LAVROV, NK, "2023-10", "month", loc="PRK"),
]


# -- clustering rules ------------------------------------------------------------------------

@pytest.mark.parametrize("date,prec,first,last", [
    ("2023-09-13", "day", "2023-09-13", "2023-09-13"), ("2023-09-13", "week", "2023-09-11", "2023-09-17"),
    ("2023-02", "month", "2023-02-01", "2023-02-28"), ("2024", "year", "2024-01-01", "2024-12-31"),
])
def test_interval_and_families(date, prec, first, last):
    lo, hi = interval(date, prec)
    assert (dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat()) == (first, last)
    assert interval(None, "none") is None and interval("2023-13-40", "day") is None
    assert set(FAMILIES) == set(EVENT_TYPES)
    assert family_of("AID") == family_of("AGREE") == family_of("COOPERATE") != family_of("CONSULT")
    with pytest.raises(ValueError, match="unknown event type"):
        family_of("MEET")


def test_vostochny_summit_is_one_story_and_other_meetings_are_not():
    got = assign([mention(e) for e in GOLD_MIRROR], CFG)
    summit = {got[i] for i in ("000-e04", "001-e02", "003-e01", "003-e02")}
    assert len(summit) == 1
    assert got["002-e03"] not in summit and got["000-e10"] not in summit and got["002-e03"] != got["000-e10"]


def test_story_id_is_a_hash_of_the_canonical_key_and_the_canonical_is_the_precise_summit():
    index = StoryIndex(CFG)
    index.add(mention(e) for e in GOLD_MIRROR)
    story = next(s for s in index.stories() if "003-e01" in s.event_ids)
    assert story.canonical.event_id == "003-e01" and story.canonical.story == story.story_id
    assert (story.first_report, story.last_report) == (PUB["003"], PUB["000"]) and story.n_mentions == 4
    assert story.articles == ("000", "001", "003") and story.outlets == ("outlet-000", "outlet-001", "outlet-003")
    again = assign([mention(e) for e in reversed(GOLD_MIRROR)], CFG)
    assert again["003-e01"] == story.story_id
    evs = [ev("a", "AID", NK, RUSSIA, status="alleged", by="White House"), ev("b", "AID", NK, RUSSIA, status="denied"),
           ev("c", "AID", NK, RUSSIA, status="alleged", by="South Korea"), ev("d", "AID", NK, RUSSIA)]
    assert status_summary(evs) == "occurred; alleged by South Korea, White House; denied by PRK, RUS"


def test_vague_mentions_and_other_persons_do_not_bridge_stories():
    evs = [ev("a01", "CONSULT", PUTIN, KIM, "2023-09-05", "day", sym=True),
           ev("b01", "CONSULT", PUTIN, KIM, "2023-09-25", "day", sym=True),
           ev("c01", "CONSULT", RUSSIA, NK, "2023-09", "month", sym=True),
           ev("d01", "CONSULT", RUSSIA, NK, "2023-09-25", "week", sym=True)]
    got = assign([mention(e) for e in evs], CFG)
    assert len({got["a01"], got["b01"], got["c01"]}) == 3 and got["d01"] == got["b01"]
    evs = [ev("a01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", sym=True),        # two persons of one
           ev("b01", "CONSULT", LAVROV, KIM, "2023-09-13", "day", sym=True),       # country: two actors
           ev("c01", "CONSULT", RUSSIA, NK, "2023-09-13", "day", sym=True),        # could be either: alone
           ev("d01", "CONSULT", KIM, PUTIN, "2023-09-14", "day", sym=True)]
    got = assign([mention(e) for e in evs], CFG)
    assert got["a01"] == got["d01"] and len({got["a01"], got["b01"], got["c01"]}) == 3


def test_direction_location_and_type_family():
    evs = [ev("a01", "ACCUSE", USA, RUSSIA, "2023-08-30", "day"), ev("b01", "ACCUSE", RUSSIA, USA, "2023-08-30", "day"),
           ev("c01", "THREATEN", USA, RUSSIA, "2023-08-30", "day"),
           ev("d01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", loc="RUS"),
           ev("e01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", loc="PRK"),
           ev("f01", "AGREE", RUSSIA, NK, "2023-09-13", "day"), ev("g01", "COOPERATE", NK, RUSSIA, "2023-09-13", "day")]
    got = assign([mention(e) for e in evs], CFG)
    assert got["a01"] == got["c01"] != got["b01"]       # ACCUSE/THREATEN one family; direction matters
    assert got["d01"] != got["e01"] and got["f01"] == got["g01"] != got["d01"]


def test_dates_join_within_the_slack_and_only_weeks_are_loose():
    evs = [ev("a01", "PROTEST", MANCHA, BD_GOV, "2025-12-26", "day"),     # a blockade reported for days
           ev("b01", "PROTEST", MANCHA, BD_GOV, "2025-12-29", "day"),     # 3 days on: the same story
           ev("c01", "PROTEST", MANCHA, BD_GOV, "2026-01-03", "day"),     # 5 days after that: another
           ev("d01", "ASSAULT", USA, RUSSIA, "2024-08-05", "week"),        # the week before a Tuesday
           ev("e01", "ASSAULT", USA, RUSSIA, "2024-08-13", "day"),
           ev("g01", "ASSAULT", USA, RUSSIA, "2024-07-29", "week"),        # two weeks never chain
           ev("h01", "SANCTION", USA, RUSSIA, "2024-08-01", "day"),        # 1 day after July
           ev("i01", "SANCTION", USA, RUSSIA, "2024-07", "month")]
    got = assign([mention(e) for e in evs], CFG)
    assert got["a01"] == got["b01"] != got["c01"]
    assert got["d01"] == got["e01"] != got["g01"]
    assert got["h01"] != got["i01"]
    tight = assign([mention(e) for e in evs], replace(CFG, day_slack=1))
    assert tight["a01"] != tight["b01"] and tight["d01"] != tight["e01"]


def test_domestic_dyads_tell_actors_apart_by_name_and_sector():
    day = ("2025-12-29", "day")
    evs = [ev("a01", "COERCE", BD_GOV, KHALEDA, *day), ev("b01", "COERCE", BD_COURT, KHALEDA, *day),   # the state
           ev("c01", "COERCE", BD_POLICE, BD_SUPPORTERS, *day),          # another target: another act
           ev("d01", "PROTEST", MANCHA, BD_GOV, *day), ev("e01", "PROTEST", BD_TRADERS, BD_GOV, *day),
           ev("f01", "PROTEST", BD_PROTESTERS, BD_GOV, "2025-12-28", "day"),   # generic protesters: Mancha's
           ev("g01", "PROTEST", BNP, BD_GOV, *day),                      # two named organisations
           ev("h01", "SUPPORT", YUNUS, KHALEDA, *day), ev("i01", "SUPPORT", BD_GOV, KHALEDA, *day),   # roll-up
           ev("j01", "SUPPORT", HASINA, KHALEDA, *day),                  # another person: another act
           ev("k01", "ASSAULT", BD_SUPPORTERS, BD_POLICE, *day), ev("l01", "ASSAULT", BD_POLICE, BD_SUPPORTERS, *day),
           ev("p01", "COERCE", BD_COURT, ("BGD", "Bangladesh Jamaat-e-Islami", "PTY"), "2025-12-30", "day")]
    got = assign([mention(e) for e in evs], CFG)
    assert got["a01"] == got["b01"] != got["c01"] and got["p01"] != got["a01"]     # not Khaleda's party either
    # the state stands for any organ; two organs (a court, the police) are two acts
    organs = [ev("m01", "COERCE", BD_COURT, BNP, *day), ev("n01", "COERCE", BD_POLICE, BNP, *day)]
    got_organs = assign([mention(e) for e in organs], CFG)
    with_state = assign([mention(e) for e in [organs[0], ev("o01", "COERCE", BD_GOV, BNP, *day)]], CFG)
    assert got_organs["m01"] != got_organs["n01"] and with_state["m01"] == with_state["o01"]
    assert got["d01"] == got["f01"] and len({got["d01"], got["e01"], got["g01"]}) == 3
    assert len({got["h01"], got["i01"], got["j01"]}) == 3 and got["k01"] != got["l01"]   # direction counts too
    # the government could be either person's act: with only one person it is that person's story
    one = assign([mention(e) for e in evs if e.event_id != "j01"], CFG)
    assert one["h01"] == one["i01"]
    assert len({got[e] for e in ("c01", "e01", "g01", "k01", "l01")}) == 5          # seeds of one day, distinct ids
    # abroad the code still rolls a person up to the country and different countries stay apart
    intl = assign([mention(e) for e in [ev("m01", "ACCUSE", USA, PUTIN, *day), ev("n01", "ACCUSE", USA, RUSSIA, *day)]],
                  CFG)
    assert intl["m01"] == intl["n01"]


def test_default_config_knows_the_coders_generic_state_and_group_names():
    cfg = default_config()
    assert {"authorities of Bangladesh", "Government of Bangladesh", "Bangladesh"} <= cfg.state_names
    assert {"Bangladeshi protesters", "protesters (Bangladesh)", "Bangladesh Police"} <= cfg.generic_names
    assert "BNP party supporters" not in cfg.generic_names and "Awami League" in cfg.org_names
    day = ("2024-08-05", "day")
    bnp_men, al_men = ("BGD", "BNP party supporters", "PTY"), ("BGD", "Awami League party supporters", "PTY")
    evs = [ev("a01", "ASSAULT", bnp_men, BD_POLICE, *day), ev("b01", "ASSAULT", al_men, BD_POLICE, *day),
           ev("c01", "ASSAULT", ("BGD", "Awami League", "PTY"), BD_POLICE, *day),
           ev("d01", "PROTEST", BD_PROTESTERS, ("BGD", "authorities of Bangladesh"), *day),
           ev("e01", "PROTEST", ("BGD", "protesters (Bangladesh)", "CVL"), BD_GOV, *day)]
    got = assign([mention(e) for e in evs], cfg)
    assert len({got["a01"], got["b01"], got["c01"]}) == 3          # one party's men are not another's
    assert got["d01"] == got["e01"]                                # generic protesters, the state


def test_undated_domestic_mentions_need_the_same_named_actor():
    dated = [ev("001-e01", "PROTEST", MANCHA, BD_GOV, "2023-09-20", "day"),
             ev("001-e02", "COERCE", BD_GOV, KHALEDA, "2023-09-20", "day")]
    undated = [ev("004-e01", "PROTEST", MANCHA, BD_GOV),            # all published two days later
               ev("000-e01", "PROTEST", BD_PROTESTERS, BD_GOV)]
    ms = [mention(e) for e in dated] + [StoryMention(undated[0], dt.date(2023, 9, 22), "x"),
                                        StoryMention(undated[1], dt.date(2023, 9, 22), "y"),
                                        StoryMention(ev("002-e01", "COERCE", BD_POLICE, KHALEDA),
                                                     dt.date(2023, 9, 23), "z"),
                                        StoryMention(ev("003-e01", "COERCE", YUNUS, KHALEDA),
                                                     dt.date(2023, 9, 23), "w")]
    got = assign(ms, CFG)
    assert got["004-e01"] == got["001-e01"] and got["000-e01"] != got["001-e01"]   # a named group only
    assert got["002-e01"] == got["001-e02"] and got["003-e01"] != got["001-e02"]   # a person only itself


def test_undated_mentions_join_only_one_strong_candidate():
    base = [ev("000-e10", "CONSULT", LAVROV, NK, "2023-10", "month"),
            ev("003-e01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", sym=True)]
    planned = ev("001-e04", "CONSULT", RUSSIA, NK, sym=True, status="planned")     # ahead of 2023-09-22
    occurred = ev("001-e99", "CONSULT", RUSSIA, NK, sym=True)                       # before 2023-09-22
    other = ev("001-e98", "SUPPORT", RUSSIA, NK)
    got = assign([mention(e) for e in [*base, planned, occurred, other]], CFG)
    assert got["001-e04"] == got["000-e10"] and got["001-e99"] == got["003-e01"]
    lavrov_sep = ev("000-e97", "CONSULT", LAVROV, NK, "2023-09-20", "day")
    both = assign([mention(e) for e in [*base, lavrov_sep, occurred]], CFG)
    assert both["001-e99"] not in (both["003-e01"], both["000-e97"])   # two candidates: alone
    own = assign([mention(e) for e in [*base, ev("001-e02", "CONSULT", PUTIN, KIM, "2023-09-11", "week", sym=True),
                                       occurred]], CFG)     # its own article dates that story: alone
    assert own["001-e99"] != own["003-e01"]


def test_undated_mentions_without_a_dated_story_group_by_publication():
    evs = [ev("001-e09", "AID", NK, RUSSIA, status="alleged"), ev("004-e07", "AID", RUSSIA, NK, sym=True),
           ev("000-e99", "AID", NK, RUSSIA)]                                      # published months later
    got = assign([mention(e) for e in evs], CFG)
    assert got["001-e09"] == got["004-e07"] != got["000-e99"]


def test_gold_as_predictions_scores_full_story_precision():
    gold = [json.loads(line) for line in (DEV / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    evs = [Event.from_dict({**g, "event_id": g["id"], "evidence": {**g["evidence"], "start": 0, "end": 1}})
           for g in gold]
    got = assign([mention(e) for e in evs], CFG)
    storied = [g for g in gold if g.get("story") and not g.get("optional")]
    pairs = [(a["story"] == b["story"], got[a["id"]] == got[b["id"]]) for a, b in itertools.combinations(storied, 2)]
    assert sum(p for _, p in pairs) == sum(g and p for g, p in pairs)                  # precision 1.0
    # recall 4/5: the AID/COOPERATE pair of prk-arms-to-russia is undated and of two types
    assert sum(g and p for g, p in pairs) >= 4 and sum(g for g, _ in pairs) == 5


@pytest.mark.parametrize("gold_dir,min_recall", [
    (DEV, 0.8), (ROOT / "tests" / "gold", 0.45), (DEV.parent / "dev2", 0.48)])
def test_every_gold_set_as_predictions_never_merges_two_gold_stories(gold_dir, min_recall):
    """The annotators' own events (a coder that makes no mistakes), clustered with the default
    gazetteer config: never two gold stories in one (precision 1.0 over required events);
    recall floors are today's: undated acts of a war and campaigns over weeks stay apart, and so
    do actors inside one country that the annotators name freely ("army-backed caretaker
    government", "Bangladeshi courts"), which the coder never does: its names are canonical."""
    articles = {json.loads(line)["article_id"]: json.loads(line)
                for line in (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    gold = [json.loads(line) for line in (gold_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    ms = []
    for i, g in enumerate(gold):
        e = Event.from_dict({**g, "event_id": f"g{i}", "story": None,
                             "evidence": {"sentence": "", "start": 0, "end": 0}})
        pub = articles.get(g["article_id"], {}).get("published")
        ms.append(StoryMention(e, dt.date.fromisoformat(pub) if pub else None, None))
    got = assign(ms)
    storied = [(f"g{i}", g["story"]) for i, g in enumerate(gold) if g.get("story") and not g.get("optional")]
    pairs = [(a[1] == b[1], got[a[0]] == got[b[0]]) for a, b in itertools.combinations(storied, 2)]
    same_pred, both, same_gold = (sum(p for _, p in pairs), sum(g and p for g, p in pairs),
                                  sum(g for g, _ in pairs))
    assert same_pred == both and both / same_gold >= min_recall, (both, same_pred, same_gold)


# -- properties: order independence, incremental == batch == a plain whole-block greedy ------

def reference(ms, cfg):
    """The rules applied plainly, one sorted pass per block: the oracle for ``BlockState``."""
    items = {m.event.event_id: make_item(m, cfg) for m in ms}
    decision = {}

    def decide(e, c, seeds):   # c: candidate seeds as (item, {(article, status)}); None: stays alone
        if c is None or len(c) > 1:
            decision[e.eid] = None
        elif c:
            decision[e.eid] = c[0][0].eid
            c[0][1].add((e.article, e.status))
        else:
            seeds.append((e, {(e.article, e.status)}))
            decision[e.eid] = e.eid

    for block in {it.block for it in items.values()}:
        its = [it for it in items.values() if it.block == block]
        support = Counter((it.level, it.lo) for it in its)
        seeds, pending, peers = [], [], []
        for e in sorted(its, key=lambda i: (i.level, -support[i.level, i.lo], -i.persons, -i.link, i.lo,
                                            -i.confidence, i.eid)):
            if e.level == 4:
                c = [s for s in seeds if strongly_compatible(e, s[0], cfg)] if e.reach else None
                if c == []:
                    pending.append(e)
                else:
                    ok = c and len(c) == 1 and (e.article, e.status) not in c[0][1]
                    decision[e.eid] = c[0][0].eid if ok else None
                continue
            c = [s for s in seeds if compatible(e, s[0], cfg)]
            if e.level == 0 and len(c) > 1:
                c = [s for s in c if abs(s[0].lo - e.lo) == min(abs(t[0].lo - e.lo) for t in c)]
            decide(e, c, seeds)
        for e in pending:
            c = [s for s in peers if peer_compatible(e, s[0], cfg)]
            decide(e, None if any((e.article, e.status) in s[1] for s in c) else c, peers)
    return {eid: story_id(items[eid], closed=True) if d is None else story_id(items[d]) for eid, d in decision.items()}


_ACTORS = [PUTIN, KIM, LAVROV, RUSSIA, NK, USA]
_DOMESTIC = [BD_GOV, BD_COURT, KHALEDA, YUNUS, MANCHA, BD_PROTESTERS, BD_TRADERS]
_DATES = [(None, "none"), ("2023-09-12", "day"), ("2023-09-13", "day"), ("2023-09-15", "day"), ("2023-09-14", "day"),
          ("2023-08-31", "day"), ("2023-09-11", "week"), ("2023-09-25", "week"), ("2023-09", "month"),
          ("2023-10", "month"), ("2023-08", "month"), ("2023", "year"), ("2024-02-01", "day")]


@st.composite
def mentions(draw):
    out = []
    for i in range(draw(st.integers(1, 24))):
        src, tgt = draw(st.sampled_from(list(itertools.permutations(_ACTORS[:5], 2))
                                        + list(itertools.permutations(_DOMESTIC, 2))))
        date, prec = draw(st.sampled_from(_DATES))
        out.append(mention(ev(
            f"{draw(st.sampled_from(list(PUB)))}-x{i:02d}", draw(st.sampled_from(["CONSULT", "AGREE", "AID"])),
            src, tgt, date, prec, sym=draw(st.booleans()), loc=draw(st.sampled_from([None, "RUS", "PRK"])),
            status=draw(st.sampled_from(["occurred", "planned", "alleged"])))))
    return out


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_order_and_incremental_adds_removes_recodes_equal_batch(data):
    original = data.draw(mentions())
    ms = data.draw(st.permutations(original))
    assert assign(ms, CFG) == assign(original, CFG) == reference(original, CFG)   # same partition and ids
    index, i = StoryIndex(CFG), 0
    while i < len(ms):
        step = data.draw(st.integers(1, 4))
        index.add(ms[i:i + step])
        i += step
    assert index.assignments() == reference(ms, CFG)
    drop = {m.event.event_id for m in data.draw(st.lists(st.sampled_from(ms), max_size=4))}
    index.remove(drop)
    rest = [m for m in ms if m.event.event_id not in drop]
    assert index.assignments() == reference(rest, CFG)
    recoded = [StoryMention(replace(m.event, date=None, date_precision="none"), m.published, m.outlet)
               for m in data.draw(st.lists(st.sampled_from(rest), max_size=3))] if rest else []
    index.add(recoded)
    final = {m.event.event_id: m for m in [*rest, *recoded]}
    assert index.assignments() == reference(final.values(), CFG)
    assert sorted(index.assignments()) == sorted(final)


# -- store and CLI -------------------------------------------------------------------------

def _results(evs):
    by_article = {}
    for e in evs:
        by_article.setdefault(e.article_id, []).append(e)
    return [Result(article=Article(article_id=a, raw=f"লেখা {a}", text=f"লেখা {a}", published=PUB[a[:3]],
                                   outlet=f"outlet-{a}", published_source="given", language="bn"), events=es)
            for a, es in sorted(by_article.items())]


def test_assign_stories_incremental_across_restarts_equals_batch(db_url):
    first = [e for e in GOLD_MIRROR if e.article_id in ("001", "003")]
    second = [e for e in GOLD_MIRROR if e not in first]
    with Store(db_url) as store:
        store.write(_results(first))
        stats = assign_stories(store, config=CFG)
        assert stats.events_assigned == 3
    with Store(db_url) as store:        # a restart: the index reloads its blocks from the store
        store.write(_results(second))
        assert assign_stories(store, config=CFG).events_considered == 3
        assert assign_stories(store, config=CFG).events_assigned == 0                  # nothing left
        got = {e.event_id: e.story for e in store.events()}
        summit = next(r for r in list_stories(store, actor="PRK") if r.story_id == got["003-e01"])
        assert summit.n_mentions == 4 and summit.n_articles == 3 and summit.date == "2023-09-13"
        assert summit.outlets == ("outlet-000", "outlet-001", "outlet-003") and summit.status_summary == "occurred"
        assert {r.story_id for r in list_stories(store, since=dt.date(2024, 1, 1))} == {got["003-e01"], got["000-e10"]}
        assert len(list_stories(store, limit=1)) == 1 and list_stories(store, actor="USA") == []
        assert {e.event_id for e in story_events(store, got["003-e01"])} == {"000-e04", "001-e02", "003-e01", "003-e02"}
    assert got == assign([mention(e) for e in GOLD_MIRROR], CFG)


def test_recoded_article_and_duplicates_repair_stories(db_url):
    with Store(db_url) as store:
        store.write(_results(GOLD_MIRROR))
        assign_stories(store, config=CFG)
        recoded = _results([ev("003-e01", "CONSULT", PUTIN, KIM, "2023-09-13", "day", sym=True, loc="RUS")])
        recoded[0].article = replace(recoded[0].article, raw="নতুন লেখা")
        store.write(recoded)                       # 003-e02 is gone
        assert assign_stories(store, config=CFG).blocks_repaired == 1
        index = DuplicateIndex()
        index.add("001", "এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ এগারো বারো", dt.date(2023, 9, 22))
        index.add("001-copy", "শিরোনাম এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ এগারো বারো", dt.date(2023, 9, 23))
        copy = Article(article_id="001-copy", raw="", outlet="Copy Times", published=dt.date(2023, 9, 23))
        assert record_duplicates(store, index, {"001-copy": copy}) == 1
        assert record_duplicates(store, index, {"001-copy": copy}) == 0
        with store.engine.connect() as conn:
            counts = conn.execute(sa.text("SELECT s.n_mentions, (SELECT count(*) FROM events e WHERE e.story = "
                                          "s.story_id) FROM stories s")).all()
            dup = conn.execute(sa.select(article_duplicates)).mappings().one()
        assert all(a == b for a, b in counts) and dup["original_id"] == "001" and dup["similarity"] > 0.5
        summit = next(r for r in list_stories(store) if "003" in "".join(r.outlets) and r.n_mentions > 1)
        assert summit.copies == 1 and summit.copy_outlets == ("Copy Times",)
        index.add("000-early", "লেখা 000 এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ", dt.date(2024, 2, 6))
        index.add("000", "লেখা 000 এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ", dt.date(2024, 2, 7))
        assert record_duplicates(store, index) == 1      # the stored 000 is a later copy: not coded twice
        assert assign_stories(store, config=CFG).blocks_repaired == 1
        assert not {"000-e04", "000-e10"} & {e.event_id for e in store.events()}
        assert all(r.n_mentions == len(story_events(store, r.story_id)) for r in list_stories(store))


def test_cli_stories_lists_jsonl_and_table(tmp_path):
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        store.write(_results(GOLD_MIRROR))
    res = CliRunner().invoke(app, ["stories", "--db", db, "--assign", "--format", "jsonl", "--actor", "RUS"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert rows and max(r["n_mentions"] for r in rows) == 4
    res = CliRunner().invoke(app, ["stories", "--db", db, "--since", "2023-09-01", "--limit", "2"])
    assert res.exit_code == 0 and "2 stories" in res.stdout, res.output
    assert CliRunner().invoke(app, ["stories", "--db", db, "--since", "13/09/2023"]).exit_code == 2


# -- the real pipeline on the seeds, scored like shared/eval/score.py -----------------------

def test_real_pipeline_stories_score_full_pairwise_precision_and_recall(tmp_path):
    db = str(tmp_path / "seeds.db")
    ingest([str(ROOT / "examples" / "seeds.jsonl")], db)
    with Store(db) as store:
        assign_stories(store)
        preds = [e.to_dict() for e in store.events()]
    assert preds and all(p["story"] for p in preds)
    spec = importlib.util.spec_from_file_location("shared_score", DEV.parent / "score.py")
    spec.loader.exec_module(scorer := importlib.util.module_from_spec(spec))
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), "utf-8")
    report = scorer.score(DEV, tmp_path / "p.jsonl", None)
    # never a wrong merge; recall counts only gold pairs whose both events the coder matched
    # (0.33 today: the Lavrov visit in 001 is coded with Putin as its source, see below)
    assert report["story_pairwise_precision"] == 1.0, report
    assert report["story_pairwise_recall"] >= 0.33, report
    summit = {p["article_id"][:3]: p["story"] for p in preds if p["event_type"] == "CONSULT"
              and {p["source"]["code"], (p["target"] or {}).get("code")} == {"RUS", "PRK"}
              and (p["date"] or "").startswith("2023-09-1")}
    others = {p["story"] for p in preds if p["event_type"] == "CONSULT"
              and (p["date"] or "").startswith(("2019", "2023-10"))}
    # the Vostochny summit reported by 001 and 003 is one story; the 2019 Vladivostok summit and
    # the October 2023 Lavrov visit stay apart from it
    assert summit.get("001") and summit.get("001") == summit.get("003"), summit
    assert others and summit["001"] not in others


# -- MinHash near-duplicates ---------------------------------------------------------------

def test_band_math_matches_datasketch_words_keep_vowel_signs_and_bad_parameters_raise():
    from datasketch.lsh import _optimal_param

    assert all(optimal_params(t, 128) == _optimal_param(t, 128, 0.5, 0.5) for t in (0.3, 0.5, 0.8))
    assert words("রাশিয়ায় ‌কিম-জং ২০২৩") == ["রাশিয়ায়", "কিম", "জং", "2023"]   # ZWNJ dropped, digits folded
    assert shingles("এক দুই তিন চার") == {"এক দুই তিন", "দুই তিন চার"} and shingles("এক") == {"এক"}
    for bad in ({"threshold": 1.2}, {"threshold": 0}, {"hashfunc": "sha1"}, {"num_perm": 1}, {"weights": (0.9, 0.9)},
                {"shingle_size": 0}):
        with pytest.raises(ValueError):
            DuplicateIndex(**bad)


def _syndicated(text):   # a header added and three words changed
    words_ = ["পরিবর্তিত" if i in (10, 40, 80) else w for i, w in enumerate(text.split())]
    return "বিশেষ প্রতিনিধি, ঢাকা\n" + " ".join(words_)


def test_syndicated_copy_found_in_any_order_and_unrelated_seeds_are_not(seed_texts):
    original = seed_texts["003_49b6c1c4f05628d4"]
    docs = {**{k: (v, PUB[k[:3]]) for k, v in seed_texts.items()},
            "zz-copy": (_syndicated(original), dt.date(2023, 9, 14)),
            "aa-copy": (_syndicated(original), dt.date(2023, 9, 15))}
    results = []
    for order in itertools.islice(itertools.permutations(sorted(docs)), 0, 720, 97):
        index = DuplicateIndex()
        for aid in order:
            index.add(aid, *docs[aid])
        results.append(index.duplicates())
    assert results[0] == {"zz-copy": "003_49b6c1c4f05628d4", "aa-copy": "003_49b6c1c4f05628d4"}
    assert all(r == results[0] for r in results)
    assert index.similarity("zz-copy", "003_49b6c1c4f05628d4") > 0.7
    assert max(index.similarity(a, b) for a, b in itertools.combinations(sorted(seed_texts), 2)) < 0.1


def test_signatures_are_deterministic_across_processes_and_hash_is_injected(seed_texts):
    text = seed_texts["000_e51bf2022168d2be"]
    here = DuplicateIndex().signature(text).hashvalues.tolist()[:8]
    code = ("import sys; from ghotona.stories.dedup import DuplicateIndex; "
            "print(DuplicateIndex().signature(sys.stdin.read()).hashvalues.tolist()[:8])")
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "123"}).stdout
    assert json.loads(out) == here
    fake = DuplicateIndex(hashfunc=lambda b: int.from_bytes(b[:4].ljust(4, b"\0"), "little"))
    assert fake.signature(text).hashvalues.tolist()[:8] != here


def test_skip_duplicates_and_an_earlier_copy_added_later_becomes_the_original(seed_texts):
    text = seed_texts["003_49b6c1c4f05628d4"]
    items = [Article("orig", raw=text, published=dt.date(2023, 9, 13)), Failure("bad", "read", "unreadable"),
             Article("copy", raw=_syndicated(text), published=dt.date(2023, 9, 14)),
             Article("other", raw=seed_texts["002_5944a38db1557ee5"])]
    seen = []
    kept = list(skip_duplicates(items, DuplicateIndex(), on_duplicate=lambda a, o: seen.append((a.article_id, o))))
    assert [i.article_id for i in kept] == ["orig", "bad", "other"] and seen == [("copy", "orig")]
    index = DuplicateIndex()
    assert index.add("late", text, dt.date(2023, 9, 23)) is None
    assert index.add("early", _syndicated(text), dt.date(2023, 9, 22)) is None
    assert index.original_of("late") == "early" and index.add("late", text) == "early"
    assert index.groups() == [("early", "late")] and "late" in index and len(index) == 2


