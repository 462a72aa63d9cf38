"""API security: injection strings in every query parameter of every route, the token on
every write route, no stack traces, CORS off by default, and script tags inside article
text and actor names rendered inert in every page of the UI (real headless Chromium).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from selenium.webdriver.common.by import By

from ghotona.api import create_app
from ghotona.jobs import ingest
from ghotona.model import Actor, Article, Event, Evidence, Place, Result
from ghotona.store import Store
from ghotona.store.stories import assign_stories
from test_api import INJECTIONS, url_part
from test_web_ui import Site, driver, open_page  # noqa: F401 - the driver fixture

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds.jsonl"
TOKEN = "tok-" + "x" * 20
MORE = ["1; SELECT pg_sleep(5)", "' AND SLEEP(5) --", "$1", "?", ":name", "%(x)s", "{}", "' || (SELECT 1) || '",
        "\u202e", "ক' OR 'ক'='ক", "1e309", "-1", "0", "99999999999999999999", "2023-02-30", "9999-12-31"]
STRINGS = INJECTIONS + MORE

# Every read route and every query parameter it takes (path parameters are filled in too).
ROUTES = {
    "/events": ["actor", "dyad", "type", "status", "since", "until", "q", "story", "cursor", "limit"],
    "/stories": ["actor", "type", "status", "since", "until", "q", "cursor", "limit"],
    "/actors": ["q", "since", "until", "cursor", "limit"],
    "/actors/RUS/timeline": ["interval", "since", "until"],
    "/dyads/RUS/PRK": ["interval", "since", "until"],
    "/network": ["since", "until", "type", "status", "max_nodes", "min_weight"],
}
PATHS = ["/events/{}", "/articles/{}", "/stories/{}", "/actors/{}/timeline", "/dyads/{}/RUS", "/dyads/RUS/{}"]


@pytest.fixture
def client(db_url, monkeypatch):
    monkeypatch.delenv("GHOTONA_API_TOKEN", raising=False)
    ingest([SEEDS], db_url)
    with TestClient(create_app(db_url, api_token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def _no_trace(r) -> None:
    assert "Traceback" not in r.text and 'File "' not in r.text and "sqlalchemy" not in r.text.lower(), r.text[:300]


def test_injection_in_every_parameter_of_every_route(client):
    with Store(client.app.state.store.url) as store:
        before = store.counts()
    tried = 0
    for route, params in ROUTES.items():
        for param in params:
            for value in STRINGS:
                r = client.get(f"{route}?{param}={url_part(value)}")
                tried += 1
                assert r.status_code in (200, 400, 404, 422), (route, param, value, r.status_code, r.text[:300])
                _no_trace(r)
    for path in PATHS:
        for value in STRINGS:
            if value in ("", "\x00"):
                continue
            r = client.get(path.format(url_part(value)))
            tried += 1
            assert r.status_code in (200, 400, 404, 422), (path, value, r.status_code, r.text[:300])
            _no_trace(r)
    with Store(client.app.state.store.url) as store:
        assert store.counts() == before, "tables are intact"
    assert tried > 800
    out = ROOT / "artifacts" / "robustness"
    out.mkdir(parents=True, exist_ok=True)
    (out / "injection.json").write_text(json.dumps({"strings": len(STRINGS), "requests": tried,
                                                    "routes": len(ROUTES) + len(PATHS)}), encoding="utf-8")


def test_every_write_route_needs_the_token(client):
    spec = client.get("/openapi.json").json()["paths"]
    writes = sorted(p for p, ops in spec.items() if set(ops) & {"post", "put", "patch", "delete"})
    assert "/ingest" in writes
    text = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[0])["text"]
    body = {"articles": [{"id": "w", "text": text}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": "Bearer " + TOKEN[:-1]}, {"Authorization": "Bearer"}):
        r = client.post("/ingest", json=body, headers=headers)
        assert r.status_code == 401, (headers, r.status_code)
        _no_trace(r)
    assert client.post("/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    # /extract stores nothing (and is size-limited); every other POST route must be token-guarded
    assert set(writes) <= {"/ingest", "/extract"}, writes


def test_size_limits_and_validation(client):
    big = "ক" * 600_000
    assert client.post("/extract", json={"text": big}).status_code == 413
    r = client.get("/events?actor=" + "a" * 10_000)
    assert r.status_code == 422
    r = client.post("/ingest", content=b"{" * 100_000, headers={"Authorization": f"Bearer {TOKEN}",
                                                                 "Content-Type": "application/json"})
    assert r.status_code in (400, 422), r.status_code
    _no_trace(r)
    r = client.post("/ingest", json={"articles": [{"id": "x" * 201, "text": "ক"}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    r = client.post("/ingest", json={"articles": [{"id": str(i), "text": "ক"} for i in range(1001)]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422


def test_cors_is_off_by_default(client):
    r = client.options("/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


# -- HTML escaping in every page, in a real browser ------------------------------------------

SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def _hostile_store(db: str) -> None:
    """Real seed events, plus an article whose text and actors carry script tags."""
    ingest([SEEDS], db)
    text = f"{SCRIPT} ঢাকায় বৈঠক হয়েছে। {SCRIPT}"
    start = text.index("ঢাকায়")
    ev = lambda n, src, tgt: Event(  # noqa: E731
        event_id=f"xss-{n}", article_id="xss-art", event_type="CONSULT", mode="meet", cameo="043", goldstein=1.0,
        quad_class=1, source=Actor(src, f"{SCRIPT} name", "GOV", SCRIPT), target=Actor(tgt, SCRIPT, "GOV", SCRIPT),
        symmetric=True, date="2023-09-13", date_precision="day", date_text=SCRIPT,
        location=Place(SCRIPT, "BGD", 23.7, 90.4, SCRIPT), status="occurred", attributed_to=SCRIPT,
        evidence=Evidence(text[start:start + 18], start, start + 18), confidence=0.9)
    art = Article(article_id="xss-art", raw=text, text=text, title=SCRIPT, outlet=SCRIPT, url="javascript:alert(1)",
                  published=dt.date(2023, 9, 13), published_source="given", language="bn")
    with Store(db) as store:
        store.write([Result(article=art, events=[ev(1, "RUS", "PRK"), ev(2, "PRK", "RUS")])])
        assign_stories(store)


def test_script_tags_in_text_and_actor_names_are_inert_in_every_page(driver, tmp_path):  # noqa: F811
    db = str(tmp_path / "xss.db")
    _hostile_store(db)
    with Store(db) as store:
        story = next(e.story for e in store.events() if e.article_id == "xss-art")
    pages = ["/ui/", "/ui/index.html?actor=RUS", f"/ui/index.html?q={url_part(SCRIPT)}", "/ui/actors.html",
             "/ui/actor.html?code=RUS", "/ui/dyad.html?a=RUS&b=PRK", "/ui/network.html", "/ui/stories.html",
             f"/ui/story.html?id={story}", "/ui/article.html?id=xss-art",
             f"/ui/article.html?id={url_part(SCRIPT)}", f"/ui/actor.html?code={url_part(SCRIPT)}"]
    with Site(db, "sqlite") as site:
        shown = 0
        for page in pages:
            driver.get(site.base + page)
            driver.implicitly_wait(0)
            import time
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and driver.execute_script(
                    "return !(document.readyState === 'complete' && document.body.dataset.state)"):
                time.sleep(0.05)
            assert driver.execute_script("return window.__xss") is None, page
            assert not driver.find_elements(By.CSS_SELECTOR, "img[src='x'], body script:not([src])"), page
            shown += SCRIPT in driver.find_element(By.TAG_NAME, "body").text
        assert shown >= 4, "the script text is shown as text on the pages that carry it"
