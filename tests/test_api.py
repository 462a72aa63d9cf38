"""The REST API through an in-process client, on SQLite and a real PostgreSQL server,
with data from the real pipeline (the seed articles)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from ghotona.api import create_app
from ghotona.jobs import ingest
from ghotona.store import Store
from ghotona.store import queries, summary
from ghotona.store.stories import assign_stories

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds.jsonl"
TOKEN = "s3cret-token"
ERROR_KEYS = {"ok", "error", "status"}
INJECTIONS = ["' OR 1=1 --", "RUS'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "\\", "%' --",
              "RUS) UNION SELECT * FROM articles --", "<script>alert(1)</script>", "১; DELETE FROM events",
              "\x00", "\ud800", "a" * 5000, "NULL", "../../etc/passwd"]


def seed_records() -> list[dict]:
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def db(db_url, monkeypatch):
    monkeypatch.delenv("GHOTONA_API_TOKEN", raising=False)
    stats = ingest([SEEDS], db_url)
    assert stats.events > 0, "the pipeline produced no events from the seeds"
    with Store(db_url) as store:
        assign_stories(store)
    return db_url


@pytest.fixture
def client(db):
    app = create_app(db, api_token=TOKEN, max_extract_bytes=50_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def all_events(db) -> list[dict]:
    with Store(db) as store:
        return [e.to_dict() for e in store.events()]


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in body["error"] and 'File "' not in body["error"]
    return body


def walk(client, path: str, key: str, **params) -> list[dict]:
    items, cursor, pages = [], None, 0
    while True:
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body[key]) <= body["limit"]
        items += body[key]
        cursor, pages = body["next_cursor"], pages + 1
        if cursor is None:
            return items
        assert pages < 10_000


def involves(e: dict, code: str) -> bool:
    return any(e[side] and e[side]["code"] == code for side in ("source", "target"))


def a_code(all_events: list[dict]) -> str:
    codes = [e["source"]["code"] for e in all_events if e["source"] and e["source"]["code"]]
    return max(sorted(set(codes)), key=codes.count)


# -- lists, filters, pagination ---------------------------------------------------------------
@pytest.mark.parametrize("limit", [1, 2, 7, 500])
def test_events_pagination_walks_every_event_once(client, all_events, limit):
    got = walk(client, "/events", "events", limit=limit)
    ids = [e["event_id"] for e in got]
    assert len(ids) == len(set(ids)) == len(all_events)
    assert set(ids) == {e["event_id"] for e in all_events}
    dated = [e for e in got if e["date"]]
    assert got[:len(dated)] == dated, "dated events first, undated last"
    starts = [_start(e["date"]) for e in dated]
    assert starts == sorted(starts, reverse=True), "newest first"


def _start(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def test_event_items_follow_the_contract_and_carry_their_article(client):
    e = client.get("/events", params={"limit": 1}).json()["events"][0]
    for key in ("event_id", "article_id", "event_type", "source", "target", "date", "date_precision", "status",
                "evidence", "confidence", "goldstein", "quad_class", "story"):
        assert key in e
    assert set(e["article"]) == {"title", "outlet", "url", "published"}


def test_actor_filter_by_code_and_by_name(client, all_events):
    code = a_code(all_events)
    got = walk(client, "/events", "events", actor=code.lower(), limit=3)
    assert got and all(involves(e, code) for e in got)
    assert len(got) == sum(involves(e, code) for e in all_events)
    name = next(e["source"]["name"] for e in all_events if e["source"] and e["source"]["name"])
    part = name.split()[-1].lower()
    by_name = walk(client, "/events", "events", actor=part, limit=5)
    assert by_name and all(any(e[s] and part in (e[s]["name"] or "").lower() + (e[s]["text"] or "").lower()
                               for s in ("source", "target")) for e in by_name)


def test_dyad_filter_matches_both_directions(client, all_events):
    pairs = {(e["source"]["code"], e["target"]["code"]) for e in all_events
             if e["source"] and e["target"] and e["source"]["code"] and e["target"]["code"]
             and e["source"]["code"] != e["target"]["code"]}
    a, b = sorted(pairs)[0]
    got = walk(client, "/events", "events", dyad=f"{a},{b}", limit=2)
    expected = [e for e in all_events if e["source"] and e["target"]
                and {e["source"]["code"], e["target"]["code"]} == {a, b}]
    assert {e["event_id"] for e in got} == {e["event_id"] for e in expected}
    assert walk(client, "/events", "events", dyad=f"{b},{a}") == got


def test_type_status_date_text_and_story_filters(client, all_events):
    etype, status = all_events[0]["event_type"], all_events[0]["status"]
    got = walk(client, "/events", "events", type=etype.lower(), status=status)
    assert {e["event_id"] for e in got} == {e["event_id"] for e in all_events
                                            if e["event_type"] == etype and e["status"] == status}
    dated = sorted(e["date"] for e in all_events if e["date_precision"] == "day")
    if dated:
        since, until = dated[0], dated[len(dated) // 2]
        got = walk(client, "/events", "events", since=since, until=until)
        assert got and all(_start(since) <= _start(e["date"]) <= _start(until) for e in got)
    word = all_events[0]["evidence"]["sentence"].split()[1]
    got = walk(client, "/events", "events", q=word)
    assert got and all(word in e["evidence"]["sentence"] for e in got)
    assert {e["event_id"] for e in got} == {e["event_id"] for e in all_events if word in e["evidence"]["sentence"]}
    story = next(e["story"] for e in all_events if e["story"])
    got = walk(client, "/events", "events", story=story)
    assert got and all(e["story"] == story for e in got)


def test_filters_combine_with_pagination(client, all_events):
    code = a_code(all_events)
    one_by_one = walk(client, "/events", "events", actor=code, status="occurred", limit=1)
    at_once = client.get("/events", params={"actor": code, "status": "occurred", "limit": 500}).json()["events"]
    assert [e["event_id"] for e in one_by_one] == [e["event_id"] for e in at_once]


# -- single records ---------------------------------------------------------------------------
def test_event_detail_has_article_text_and_evidence_offsets(client, all_events):
    for e in all_events[:10]:
        body = client.get(f"/events/{e['event_id']}").json()
        assert body["event"]["event_id"] == e["event_id"]
        text, ev = body["article"]["text"], body["evidence"]
        assert " ".join(text[ev["start"]:ev["end"]].split()) == " ".join(ev["sentence"].split())
        assert ev["offsets_match"] is True


def test_article_route_lists_its_events_with_spans(client, all_events):
    article_id = all_events[0]["article_id"]
    body = client.get(f"/articles/{article_id}").json()
    assert body["article"]["article_id"] == article_id
    mine = {e["event_id"] for e in all_events if e["article_id"] == article_id}
    assert {e["event_id"] for e in body["events"]} == mine
    assert all(s["offsets_match"] for s in body["evidence"])
    assert any("\u0980" <= ch <= "\u09ff" for ch in body["article"]["text"]), "Bengali text comes back as text"


def test_stories_list_and_story_page(client, all_events):
    stories = walk(client, "/stories", "stories", limit=2)
    ids = [s["story"] for s in stories]
    assert ids and len(ids) == len(set(ids))
    assert set(ids) == {e["story"] for e in all_events if e["story"]}
    story = client.get(f"/stories/{ids[0]}").json()
    members = [e for e in all_events if e["story"] == ids[0]]
    assert story["n_events"] == len(members)
    assert {m["article_id"] for m in story["mentions"]} == {e["article_id"] for e in members}
    code = a_code(all_events)
    filtered = walk(client, "/stories", "stories", actor=code)
    assert filtered and {s["story"] for s in filtered} == {e["story"] for e in all_events
                                                           if e["story"] and involves(e, code)}


def test_actors_with_counts(client, all_events):
    actors = walk(client, "/actors", "actors", limit=3)
    codes = [a["code"] for a in actors]
    assert len(codes) == len(set(codes))
    top = a_code(all_events)
    row = next(a for a in actors if a["code"] == top)
    assert row["n_events"] == sum(involves(e, top) for e in all_events)
    assert row["cooperation"] + row["conflict"] == sum(involves(e, top) and e["quad_class"] is not None
                                                       for e in all_events)
    assert [a["code"] for a in client.get("/actors", params={"q": top.lower()}).json()["actors"]][0] == top


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_actor_timeline(client, all_events, interval):
    code = a_code(all_events)
    body = client.get(f"/actors/{code}/timeline", params={"interval": interval}).json()
    total = sum(involves(e, code) for e in all_events)
    assert body["n_events"] + body["n_excluded"] == total
    for b in body["buckets"]:
        assert b["cooperation"] + b["conflict"] <= b["n"]
        assert b["mean_goldstein"] is None or -10 <= b["mean_goldstein"] <= 10
        if interval == "week":
            assert dt.date.fromisoformat(b["period"]).weekday() == 0
        if interval == "month":
            assert b["period"].endswith("-01")
    periods = [b["period"] for b in body["buckets"]]
    assert periods == sorted(periods)


def test_actor_timeline_partners_and_summaries_match_the_events(client, db, all_events):
    code = a_code(all_events)
    body = client.get(f"/actors/{code}/timeline").json()
    assert body["partners"], "the busiest seed actor has no partner"
    for p in body["partners"]:
        assert p["code"] != code
        assert p["n"] == sum(involves(e, code) and involves(e, p["code"]) for e in all_events)
    with Store(db) as store, store.engine.connect() as conn:   # after ingest, duplicates and stories
        have, want = summary.stored(conn), summary.compute(conn)
    assert have.days and have.days == want.days and have.pairs == want.pairs


def test_dyad_counts_both_directions(client, all_events):
    pairs = [(e["source"]["code"], e["target"]["code"]) for e in all_events
             if e["source"] and e["target"] and e["source"]["code"] and e["target"]["code"]
             and e["source"]["code"] != e["target"]["code"]]
    a, b = max(sorted(set(pairs)), key=pairs.count)
    body = client.get(f"/dyads/{a}/{b}", params={"interval": "month"}).json()
    between = [e for e in all_events if e["source"] and e["target"]
               and {e["source"]["code"], e["target"]["code"]} == {a, b}]
    by_type = sum(t["a_to_b"] + t["b_to_a"] + t["mutual"] for t in body["types"])
    assert by_type == len(between)
    assert sum(t["a_to_b"] for t in body["types"]) == sum(e["source"]["code"] == a and not e["symmetric"]
                                                          for e in between)


def test_network_nodes_and_edges(client, all_events):
    body = client.get("/network").json()
    codes = {n["code"] for n in body["nodes"]}
    assert codes and all(e["source"] in codes and e["target"] in codes for e in body["edges"])
    assert sum(e["weight"] for e in body["edges"]) == sum(
        1 for e in all_events if e["source"] and e["target"] and e["source"]["code"] and e["target"]["code"]
        and e["source"]["code"] != e["target"]["code"])
    assert client.get("/network", params={"since": "2999-01-01"}).json() == {
        "since": "2999-01-01", "until": None, "nodes": [], "edges": []}


# -- writes -----------------------------------------------------------------------------------
def test_extract_codes_text_without_storing(client):
    rec = seed_records()[0]
    before = client.get("/events", params={"limit": 500}).json()["events"]
    r = client.post("/extract", json={"text": rec["text"], "published": rec["published"]})
    assert r.status_code == 200, r.text
    assert r.json()["events"] and r.json()["article"]["language"] == "bn"
    assert client.get("/events", params={"limit": 500}).json()["events"] == before


def test_extract_refuses_non_bengali_and_bad_bodies(client):
    assert_error(client.post("/extract", json={"text": "just some English words, nothing else here"}), 422)
    assert_error(client.post("/extract", json={}), 422)
    assert_error(client.post("/extract", content=b"{not json", headers={"content-type": "application/json"}), 422)


def test_extract_oversized_is_413(client):
    assert_error(client.post("/extract", json={"text": "ক" * 60_000}), 413)

    def chunks():  # no Content-Length: the limit is counted while reading
        for _ in range(100):
            yield b"x" * 1000

    assert_error(client.post("/extract", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_ingest_needs_the_token(client, db):
    body = {"articles": [{"id": "api-1", "text": seed_records()[1]["text"], "published": "2024-02-07"}]}
    assert_error(client.post("/ingest", json=body), 401)
    assert_error(client.post("/ingest", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(client.post("/ingest", json=body, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    assert_error(client.get("/articles/api-1"), 404)
    r = client.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["articles_new"] == 1 and r.json()["events"] > 0
    assert client.get("/articles/api-1").json()["article"]["published"] == "2024-02-07"


def test_ingest_is_disabled_without_a_configured_token(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        body = assert_error(c.post("/ingest", json={"articles": [{"text": "ক"}]},
                                   headers={"Authorization": "Bearer anything"}), 401)
        assert "GHOTONA_API_TOKEN" in body["error"]


def test_ingest_token_from_environment(db, monkeypatch):
    monkeypatch.setenv("GHOTONA_API_TOKEN", "from-env")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.post("/ingest", json={"articles": [{"id": "env-1", "text": seed_records()[2]["text"]}]},
                   headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 200, r.text


def test_ingest_reports_rejected_articles(client):
    r = client.post("/ingest", json={"articles": [{"id": "en-1", "text": "English only, not coded."}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    assert r.json()["rejected"][0]["article_id"] == "en-1" and r.json()["failures"] == 1


# -- errors, injection, escaping ------------------------------------------------------------------
@pytest.mark.parametrize(("path", "status"), [
    ("/events?limit=0", 422), ("/events?limit=100000", 422), ("/events?since=2024-02-30", 422),
    ("/events?type=MEET", 400), ("/events?status=rumoured", 400), ("/events?dyad=RUS", 400),
    ("/events?cursor=not-a-cursor", 400), ("/events?since=2024-05-01&until=2024-01-01", 400),
    ("/events/does-not-exist", 404), ("/articles/nope", 404), ("/stories/nope", 404),
    ("/actors/ZZZ/timeline", 404), ("/actors/RUS/timeline?interval=year", 422), ("/dyads/RUS/ZZZ", 404),
    ("/network?max_nodes=0", 422), ("/no/such/route", 404), ("/stories?cursor=WyJlIiwxXQ", 400),
])
def test_errors_have_one_shape(client, path, status):
    assert_error(client.get(path), status)


def test_unexpected_errors_are_500_without_details(client, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(queries, "list_events", boom)
    body = assert_error(client.get("/events"), 500)
    assert "secret" not in body["error"]


def url_part(value: str) -> str:
    """Percent-encode any string, lone surrogates included (as a hostile client could)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@pytest.mark.parametrize("param", ["actor", "dyad", "type", "status", "q", "story", "cursor", "since", "until"])
def test_injection_strings_in_filters_never_500(client, all_events, param):
    for value in INJECTIONS:
        r = client.get(f"/events?{param}={url_part(value)}")
        assert r.status_code in (200, 400, 422), (param, value, r.status_code, r.text)
        if r.status_code != 200:
            assert_error(r, r.status_code)
        elif param in ("actor", "q", "story"):
            assert len(r.json()["events"]) <= len(all_events)
    with Store(client.app.state.store.url) as store:
        assert store.counts()["events"] == len(all_events), "tables are intact"


@pytest.mark.parametrize("route", ["/events/{}", "/articles/{}", "/stories/{}", "/actors/{}/timeline",
                                   "/dyads/RUS/{}", "/stories?actor={}", "/actors?q={}", "/network?type={}"])
def test_injection_strings_in_routes_never_500(client, route):
    for value in INJECTIONS:
        r = client.get(route.format(url_part(value)))
        assert r.status_code in (200, 400, 404, 422), (route, value, r.status_code, r.text)


def test_html_in_data_is_returned_verbatim_as_json(client):
    title = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = seed_records()[3]["text"]
    r = client.post("/ingest", json={"articles": [{"id": "xss-1", "title": title, "text": text}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    r = client.get("/articles/xss-1")
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["article"]["title"] == title


def test_ui_is_served_with_a_strict_csp(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307) and r.headers["location"] == "/ui/"
    page = client.get("/ui/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in page.text.replace('<script src="', "")  # no inline script
    font = client.get("/ui/fonts/NotoSansBengali-Regular.ttf")
    assert font.status_code == 200 and len(font.content) > 100_000


def test_openapi_docs_are_local(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text
    spec = client.get("/openapi.json").json()
    for path in ("/events", "/events/{event_id}", "/stories", "/actors", "/actors/{code}/timeline",
                 "/dyads/{a}/{b}", "/network", "/articles/{article_id}", "/extract", "/ingest"):
        assert path in spec["paths"]


def test_cors_is_off_by_default_and_configurable(db):
    with TestClient(create_app(db)) as c:
        r = c.get("/events", headers={"Origin": "https://example.org"})
        assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(db, cors_origins=("https://example.org",))) as c:
        r = c.get("/events", headers={"Origin": "https://example.org"})
        assert r.headers["access-control-allow-origin"] == "https://example.org"
