"""Exports read back with independent readers (pandas, pyarrow, json) from real stores: ``seed_db``
(the real pipeline on examples/seeds.jsonl) and ``crafted_db`` (hand-made events via ``Store.write``:
shared stories, planned CONSULT, ``<script>`` in evidence and names, tabs in a place, undated events)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from conftest import ROOT, SHARED
from ghotona.cli import app
from ghotona.export import FORMATS, export, write_report
from ghotona.jobs import ingest
from ghotona.lang.segment import segment
from ghotona.model import Actor, Article, Event, Evidence, Place, Result
from ghotona.store import EventFilter, Store

GDELT_INT = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
             "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"]
GDELT_FLOAT = ["FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
               "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"]
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_NAMES = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
               + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
               + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                  "NumMentions", "NumSources", "NumArticles", "AvgTone"]
               + [f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in _GEO]
               + ["DATEADDED", "SOURCEURL"])
GDELT_DTYPES = {c: ("int64" if c in GDELT_INT else "float64" if c in GDELT_FLOAT else str) for c in GDELT_NAMES}
MENTION_NAMES = ["GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                 "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                 "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"]
MENTION_DTYPES = {c: "int64" for c in MENTION_NAMES}
MENTION_DTYPES.update({c: str for c in ("MentionSourceName", "MentionIdentifier", "MentionDocTranslationInfo",
                                        "Extras")}, MentionDocTone="float64")
FIPS = {"RUS": "RS", "PRK": "KN", "KOR": "KS", "USA": "US", "UKR": "UP", "JPN": "JA", "BGD": "BG", "CHN": "CH"}
NAMES = {"RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea", "USA": "United States", "UKR": "Ukraine",
         "JPN": "Japan", "BGD": "Bangladesh", "CHN": "China"}
runner = CliRunner()


def read_gdelt(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=GDELT_NAMES, dtype=GDELT_DTYPES)


def read_mentions(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=MENTION_NAMES, dtype=MENTION_DTYPES)


def gid(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def test_column_lists_are_the_official_ones():
    from ghotona.export.gdelt import EVENT_COLUMNS
    from ghotona.export.gdelt_mentions import MENTION_COLUMNS

    readme = (SHARED / "reference" / "gdelt" / "README.md").read_text(encoding="utf-8")
    events_part, mentions_part = readme.split("## Mentions table")
    official = [[ln.split(". ", 1)[1] for ln in part.splitlines() if ln[:1].isdigit()]
                for part in (events_part, mentions_part)]
    assert official == [GDELT_NAMES, MENTION_NAMES] == [list(EVENT_COLUMNS), list(MENTION_COLUMNS)]


def first_day(ev: Event) -> dt.date:
    y, m, d = ([int(p) for p in ev.date.split("-")] + [1, 1])[:3]
    return dt.date(y, m, d)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    assert ingest([ROOT / "examples" / "seeds.jsonl"], db).events > 0
    return db


def _ev(art: Article, eid: str, sentence: str, **kw) -> Event:
    start = art.text.index(sentence)
    base = dict(event_id=eid, article_id=art.article_id, event_type="CONSULT", mode=None, cameo="040",
                goldstein=1.0, quad_class=1, source=Actor("RUS", "Vladimir Putin", "GOV", "পুতিন"),
                target=Actor("PRK", "North Korea", "GOV", "পিয়ংইয়ং"), symmetric=False, date="2024-03-09",
                date_precision="day", date_text=None, location=None, status="occurred", attributed_to=None,
                evidence=Evidence(sentence, start, start + len(sentence)), confidence=0.8, story=None)
    return Event(**{**base, **kw})


def _crafted_results() -> list[Result]:
    s1 = "পুতিন <script>alert(1)</script> আগামী মাসে পিয়ংইয়ং সফর করবেন।"
    s2 = "যুক্তরাষ্ট্র <script>alert(2)</script> রাশিয়ার বিরুদ্ধে অভিযোগ করেছে।"
    s3 = "রাশিয়া ইউক্রেনে হামলার হুমকি দিয়েছে।"
    a1 = Article("x1", raw="r1", text=f"রাশিয়া ও উত্তর কোরিয়া\n{s1} {s2}\n{s3}", outlet="Prothom Alo",
                 url="https://example.org/a1", published=dt.date(2024, 3, 10), language="bn")
    b1 = "পুতিন ও কিম আগামী মাসে পিয়ংইয়ংয়ে বৈঠক করবেন।"
    b2 = "রাশিয়া উত্তর কোরিয়াকে সহায়তা দেবে।"
    a2 = Article("x2", "r2", f"{b1}\n{b2}", outlet="BBC Bangla", published=dt.date(2024, 3, 11), language="bn")
    a3 = Article("x3", raw="r3", text=(c1 := "জাতিসংঘ উত্তর কোরিয়ার প্রশংসা করেছে।"), language="bn")
    odd = Place('Old "Dhaka"\tTown\nNorth', "BGD", 23.7, 90.4, "ঢাকায়")
    return [
        Result(a1, events=[
            _ev(a1, "e-planned", s1, status="planned", mode="visit", cameo="042", symmetric=True, story="s1",
                source=Actor("RUS", "Vladimir <script>Putin</script>", "GOV", "পুতিন"), date="2024-04",
                date_precision="month", location=Place("Pyongyang", "PRK", 39.03, 125.75, "পিয়ংইয়ং")),
            _ev(a1, "e-accuse", s2, event_type="ACCUSE", cameo="112", goldstein=-2.0, quad_class=3,
                source=Actor("USA", "United <script>States</script>", "GOV", "যুক্তরাষ্ট্র"),
                target=Actor("RUS", "Russia", "GOV", "রাশিয়ার"), location=odd),
            _ev(a1, "e-threat", s3, event_type="ASSAULT", cameo="190", goldstein=-10.0, quad_class=4,
                status="planned", date=None, date_precision="none", source=Actor("RUS", "Russia", "GOV", "রাশিয়া"),
                target=Actor("UKR", "Ukraine", "GOV", "ইউক্রেনে"))]),
        Result(a2, events=[
            _ev(a2, "e-meet2", b1, status="planned", symmetric=True, story="s1", date="2024-04",
                date_precision="month", source=Actor("RUS", "Vladimir Putin", "GOV", "পুতিন"),
                target=Actor("PRK", "Kim Jong Un", "GOV", "কিম")),
            _ev(a2, "e-aid", b2, event_type="AID", cameo="070", goldstein=7.4, quad_class=2, status="planned",
                story="s1", source=Actor("RUS", "Russia", "GOV", "রাশিয়া"))]),
        Result(a3, events=[
            _ev(a3, "e-un", c1, event_type="SUPPORT", cameo="051", goldstein=3.4, date=None, date_precision="none",
                source=Actor("UN", "United Nations", "IGO", "জাতিসংঘ"), target=None)]),
    ]


@pytest.fixture(scope="module")
def crafted_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("crafted") / "crafted.db")
    with Store(db) as store:
        store.write(_crafted_results())
    return db


def _events(db: str, flt: EventFilter | None = None) -> list[Event]:
    with Store(db) as store:
        return store.events(flt)


def _articles(db: str) -> dict[str, dict]:
    with Store(db) as store, store.engine.connect() as conn:
        return {r["article_id"]: dict(r) for r in conn.execute(sa.text("SELECT * FROM articles")).mappings()}


def _expected_gdelt(ev: Event, art: dict, evs: list[Event], arts: dict[str, dict]) -> dict:
    day = first_day(ev)
    same = [e for e in evs if ev.story and e.story == ev.story] or [ev]
    outlets = {arts[e.article_id]["outlet"] for e in same} - {None}
    exp = {"GLOBALEVENTID": gid(ev.event_id), "SQLDATE": int(day.strftime("%Y%m%d")),
           "MonthYear": day.year * 100 + day.month, "Year": day.year,
           "EventCode": ev.cameo, "EventBaseCode": ev.cameo[:3], "EventRootCode": ev.cameo[:2],
           "QuadClass": ev.quad_class, "GoldsteinScale": ev.goldstein, "NumMentions": len(same),
           "NumSources": max(1, len(outlets)), "NumArticles": len({e.article_id for e in same}), "AvgTone": 0.0,
           "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,
           "DATEADDED": int(pd.Timestamp(art["ingested_at"]).strftime("%Y%m%d%H%M%S")),
           "SOURCEURL": art["url"] or f"ghotona:{ev.article_id}"}
    for i, a in ((1, ev.source), (2, ev.target)):
        if a is not None:
            # a place or demonym standing for a state has a code but no sector
            exp.update({f"Actor{i}Code": a.code + (a.sector or ""), f"Actor{i}Name": a.name.upper(),
                        f"Actor{i}CountryCode": a.code})
            if a.sector:
                exp[f"Actor{i}Type1Code"] = a.sector
    loc = ev.location
    if loc is not None:
        city = loc.name != NAMES[loc.code]
        exp.update({"ActionGeo_Type": 4 if city else 1, "ActionGeo_CountryCode": FIPS[loc.code],
                    "ActionGeo_FullName": f"{loc.name}, {NAMES[loc.code]}" if city else NAMES[loc.code],
                    "ActionGeo_ADM1Code": FIPS[loc.code], "ActionGeo_Lat": loc.lat, "ActionGeo_Long": loc.lon})
        exp.update({} if city else {"ActionGeo_FeatureID": FIPS[loc.code]})
    return exp


def _check_row(row: pd.Series, exp: dict) -> None:
    for col in GDELT_NAMES:
        if col in exp:
            assert row[col] == exp[col], (col, row[col], exp[col])
        elif col in GDELT_INT:
            assert col in ("IsRootEvent", "ActionGeo_Type"), col
        elif col != "FractionDate":
            assert pd.isna(row[col]), (col, row[col])


def _row(df: pd.DataFrame, event_id: str) -> pd.Series:
    rows = df[df["GLOBALEVENTID"] == gid(event_id)]
    assert len(rows) == 1, event_id
    return rows.iloc[0]


def test_gdelt_events_typed_and_equal_to_store(seed_db, tmp_path):
    out = tmp_path / "events.tsv"
    n = export(seed_db, "gdelt", out)
    evs, arts = _events(seed_db), _articles(seed_db)
    dated = [e for e in evs if e.date_precision != "none"]
    df = read_gdelt(out)
    assert n == len(df) == len(dated) and df.shape[1] == 61
    assert all(pd.api.types.is_integer_dtype(df[c]) for c in GDELT_INT)
    assert all(pd.api.types.is_float_dtype(df[c]) for c in GDELT_FLOAT)
    assert set(df["GLOBALEVENTID"]) == {gid(e.event_id) for e in dated} and df["GLOBALEVENTID"].max() < 2**63
    assert df["IsRootEvent"].isin([0, 1]).all() and (df["AvgTone"] == 0).all()
    full = [e for e in dated if e.location and e.target
            and {e.location.code, e.source.code, e.target.code} <= set(FIPS)]
    assert full, "the seeds should give at least one dated event between known countries, with a place"
    for ev in full[:3]:
        _check_row(row := _row(df, ev.event_id), _expected_gdelt(ev, arts[ev.article_id], evs, arts))
        doy = first_day(ev).timetuple().tm_yday
        assert row["FractionDate"] == pytest.approx(first_day(ev).year + min(doy / 365, 0.9999), abs=1e-4)


def test_gdelt_crafted_stories_orgs_and_text_cells(crafted_db, tmp_path):
    out = tmp_path / "events.tsv"
    export(crafted_db, "gdelt", out)
    df = read_gdelt(out)
    evs, arts = _events(crafted_db), _articles(crafted_db)
    for ev in evs:
        if ev.date_precision != "none" and ev.event_id != "e-accuse":
            _check_row(_row(df, ev.event_id), _expected_gdelt(ev, arts[ev.article_id], evs, arts))
    planned = _row(df, "e-planned")
    assert (planned["NumMentions"], planned["NumSources"], planned["NumArticles"]) == (3, 2, 2)
    assert planned["ActionGeo_FullName"] == "Pyongyang, North Korea" and planned["ActionGeo_Type"] == 4
    assert planned["Actor1Name"] == "VLADIMIR <SCRIPT>PUTIN</SCRIPT>" and planned["IsRootEvent"] == 1
    odd = _row(df, "e-accuse")
    assert odd["ActionGeo_FullName"] == "Old 'Dhaka' Town North, Bangladesh" and odd["ActionGeo_CountryCode"] == "BG"
    aid = _row(df, "e-aid")
    assert aid["IsRootEvent"] == 0 and aid["Actor2Code"] == "PRKGOV" and aid["SOURCEURL"] == "ghotona:x2"


def test_gdelt_undated_policy(crafted_db, tmp_path):
    skip, keep = tmp_path / "skip.tsv", tmp_path / "keep.tsv"
    assert export(crafted_db, "gdelt", skip) == 4
    assert gid("e-threat") not in set(read_gdelt(skip)["GLOBALEVENTID"])
    assert export(crafted_db, "gdelt", keep, include_undated=True) == 5  # e-un's article has no date
    assert _row(read_gdelt(keep), "e-threat")["SQLDATE"] == 20240310
    ment = tmp_path / "m.tsv"
    export(crafted_db, "gdelt-mentions", ment, include_undated=True)
    extras = read_mentions(ment).set_index("GLOBALEVENTID")["Extras"]
    assert extras[gid("e-threat")] == "event_id=e-threat;date_precision=none;date_source=published"
    assert extras[gid("e-planned")] == "event_id=e-planned;date_precision=month;date_source=event"


def test_gdelt_mentions_typed_and_pointing_into_text(seed_db, tmp_path):
    ev_out, m_out = tmp_path / "e.tsv", tmp_path / "m.tsv"
    export(seed_db, "gdelt", ev_out)
    n = export(seed_db, "gdelt-mentions", m_out)
    df = read_mentions(m_out)
    assert n == len(df) and df.shape[1] == 16
    assert list(df["GLOBALEVENTID"]) == list(read_gdelt(ev_out)["GLOBALEVENTID"])
    evs = {gid(e.event_id): e for e in _events(seed_db)}
    arts = _articles(seed_db)
    for _, row in df.iterrows():
        ev, art = evs[row["GLOBALEVENTID"]], arts[evs[row["GLOBALEVENTID"]].article_id]
        text = art["text"]
        stamp = int(pd.Timestamp(art["ingested_at"]).strftime("%Y%m%d%H%M%S"))
        assert row["EventTimeDate"] == row["MentionTimeDate"] == stamp and row["MentionType"] == 1
        assert row["MentionIdentifier"] == (art["url"] or f"ghotona:{ev.article_id}")
        assert (row["MentionSourceName"] if isinstance(row["MentionSourceName"], str) else None) == art["outlet"]
        assert text[row["ActionCharOffset"]:].startswith(ev.evidence.sentence)
        sentences = segment(text)
        hit = sentences[row["SentenceID"] - 1]
        assert hit.start <= ev.evidence.start < hit.end
        for off, actor in ((row["Actor1CharOffset"], ev.source), (row["Actor2CharOffset"], ev.target)):
            if off != -1:
                assert text[off:off + len(actor.text)] == actor.text
                assert ev.evidence.start <= off < ev.evidence.end
            else:
                assert actor is None or actor.text not in ev.evidence.sentence
        assert row["InRawText"] == 1 and row["Confidence"] == round(ev.confidence * 100)
        assert row["MentionDocLen"] == len(text) and row["MentionDocTone"] == 0
        assert row["MentionDocTranslationInfo"] == "srclc:ben"


def _flat_to_event(r: dict) -> Event:
    def actor(p: str) -> Actor | None:
        if r[f"{p}_code"] is None and r[f"{p}_name"] is None and r[f"{p}_text"] is None:
            return None
        return Actor(r[f"{p}_code"], r[f"{p}_name"], r[f"{p}_sector"], r[f"{p}_text"] or "")
    loc = None
    if r["location_text"] is not None or r["location_code"] is not None:
        loc = Place(r["location_name"], r["location_code"], r["location_lat"], r["location_lon"], r["location_text"])
    keep = ("event_id", "article_id", "event_type", "mode", "cameo", "goldstein", "quad_class", "symmetric", "date",
            "date_precision", "date_text", "status", "attributed_to", "confidence", "story")
    return Event(**{k: r[k] for k in keep}, source=actor("source"), target=actor("target"), location=loc,
                 evidence=Evidence(r["evidence_sentence"], r["evidence_start"], r["evidence_end"]))


@pytest.mark.parametrize("db_name", ["seed_db", "crafted_db"])
def test_parquet_round_trip_typed(db_name, request, tmp_path):
    db = request.getfixturevalue(db_name)
    out = tmp_path / "e.parquet"
    n = export(db, "parquet", out)
    table = pq.read_table(out)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["quad_class"] == pa.int8() and types["evidence_start"] == pa.int32()
    assert types["goldstein"] == pa.float64() and types["symmetric"] == pa.bool_()
    assert types["date_start"] == pa.date32() and types["event_id"] == pa.string()
    rows = table.to_pylist()
    assert n == len(rows) and [_flat_to_event(r) for r in rows] == _events(db)
    assert all(r["date_start"] == (first_day(_flat_to_event(r)) if r["date"] else None) for r in rows)


def test_csv_read_back_with_pandas(seed_db, tmp_path):
    out = tmp_path / "e.csv"
    n = export(seed_db, "csv", out)
    df = pd.read_csv(out, dtype={"cameo": str, "quad_class": "Int64", "evidence_start": "int64",
                                 "evidence_end": "int64", "date": str}, keep_default_na=True)
    evs = _events(seed_db)
    assert n == len(df) == len(evs)
    assert df["symmetric"].dtype == bool and pd.api.types.is_float_dtype(df["goldstein"])
    for col, get in (("event_id", lambda e: e.event_id), ("evidence_sentence", lambda e: e.evidence.sentence),
                     ("evidence_start", lambda e: e.evidence.start), ("cameo", lambda e: e.cameo),
                     ("confidence", lambda e: e.confidence), ("symmetric", lambda e: e.symmetric)):
        assert list(df[col]) == [get(e) for e in evs], col


def test_jsonl_is_the_contract_record(seed_db, tmp_path):
    out = tmp_path / "e.jsonl"
    export(seed_db, "jsonl", out)
    back = [Event.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert back == _events(seed_db)


def test_plover_fields_and_planned_to_agree(seed_db, crafted_db, tmp_path):
    out = tmp_path / "p.jsonl"
    export(crafted_db, "plover", out)
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    required = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                "quad_code", "event_scale", "link", "text_info", "cite_info", "coder", "coded_date", "comment"}
    assert all(required <= set(r) for r in recs.values())
    meet = recs["e-planned"]
    assert meet["event"] == ["AGREE"] and meet["mode"] == [] and meet["quad_code"] == 1
    assert meet["recipient"] == [] and [a["code"] for a in meet["actor"]] == ["RUS", "PRK"]  # symmetric
    assert meet["link"] == "s1" and meet["date"] == "2024-04-01" and meet["date_precision"] == "month"
    assert "CONSULT" in meet["comment"] and meet["event_loc"]["resolution"] == 4
    assert recs["e-aid"]["event"] == ["AGREE"] and recs["e-meet2"]["event"] == ["AGREE"]
    threat = recs["e-threat"]  # planned, but not a cooperative type: kept, with the future context
    assert threat["event"] == ["ASSAULT"] and threat["context"] == ["future"] and threat["date"] is None
    assert recs["e-accuse"]["event"] == ["ACCUSE"] and recs["e-accuse"]["recipient"][0]["code"] == "RUS"
    assert recs["e-un"]["actor"][0] == {"code": "UNO", "sector": "IGO", "entity_text": "জাতিসংঘ",
                                         "identifier_text": "United Nations", "ghotona_code": "UN"}
    export(seed_db, "plover", out)
    seed = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for ev in _events(seed_db):
        kind = seed[ev.event_id]["event"][0]
        cooperative = ev.event_type in ("CONSULT", "SUPPORT", "COOPERATE", "AID")
        assert kind == ("AGREE" if ev.status == "planned" and cooperative else ev.event_type)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("flt", [EventFilter(actor="PRK"), EventFilter(event_type="consult", status="occurred"),
                                 EventFilter(since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31))])
def test_filters_apply_to_every_format(seed_db, tmp_path, fmt, flt):
    out = tmp_path / f"out.{fmt}"
    n = export(seed_db, fmt, out, flt, include_undated=True)
    with_pub = {a for a, r in _articles(seed_db).items() if r["published"] is not None}
    expected = [e for e in _events(seed_db, flt)
                if not fmt.startswith("gdelt") or e.date_precision != "none" or e.article_id in with_pub]
    assert n == len(expected)


def test_report_is_self_contained_and_escaped(crafted_db, tmp_path):
    out = tmp_path / "r.html"
    data = write_report(crafted_db, out, actor="RUS")
    page = out.read_text(encoding="utf-8")
    assert data.total == 5 and "<script" not in page.lower()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page and "(United &lt;script&gt;States&lt;/script&gt;)" in page
    assert "<svg" in page and "<style>" in page and "src=" not in page and "<link" not in page
    assert "2024-04" in page and "PRK ↔ RUS" in page


def test_cli_export_and_report(seed_db, tmp_path):
    out = tmp_path / "e.tsv"
    res = runner.invoke(app, ["export", "--db", seed_db, "--format", "gdelt", "--actor", "RUS", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert f"{len(read_gdelt(out))} gdelt rows written" in res.output
    res = runner.invoke(app, ["export", "--db", seed_db, "--format", "xml", "-o", str(out)])
    assert res.exit_code == 2 and "gdelt" in res.output
    res = runner.invoke(app, ["report", "--db", seed_db, "--actor", "RUS", "--since", "2023-01-01", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


UNTIMED = {"gdelt": lambda ln: ln.split("\t")[:59] + ln.split("\t")[60:],  # ingest times differ per store
           "gdelt-mentions": lambda ln: ln.split("\t")[3:], "plover": lambda ln: {**json.loads(ln), "coded_date": 0}}


def test_every_format_is_the_same_on_each_backend(db_url, crafted_db, tmp_path):
    with Store(db_url) as store:
        store.write(_crafted_results())
    for fmt in sorted(FORMATS):
        here, there = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert export(db_url, fmt, here, include_undated=True) == export(crafted_db, fmt, there, include_undated=True)
        if fmt == "parquet":
            assert pq.read_table(here).equals(pq.read_table(there))
            continue
        untimed = UNTIMED.get(fmt, lambda ln: ln)
        a, b = ([untimed(ln) for ln in p.read_text(encoding="utf-8").splitlines()] for p in (here, there))
        assert a == b, fmt
