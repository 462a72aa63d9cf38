"""The web UI in a real headless Chromium (Debian's chromium + chromium-driver, Selenium),
against a real uvicorn server over SQLite and PostgreSQL filled by the real pipeline.

Screenshots go to artifacts/screenshots/. These tests fail, never skip, when Chromium or
its driver is missing (``make install`` installs them).
"""

from __future__ import annotations

import json
import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from ghotona.api import create_app
from ghotona.config import Settings
from ghotona.jobs import ingest
from ghotona.store import Store
from ghotona.store.stories import assign_stories

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds.jsonl"
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
BENGALI = re.compile(r"[\u0980-\u09FF]")
XSS_TITLE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> শিরোনাম'
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=en-US")


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: apt-get install chromium (make install does it)"
    assert CHROMEDRIVER.exists(), f"{CHROMEDRIVER} is missing: apt-get install chromium-driver"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never try to download anything
    os.environ["SE_AVOID_BROWSER_DOWNLOAD"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="ghotona-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Site:
    """A uvicorn server on 127.0.0.1 over one database, and what the tests need of it."""

    def __init__(self, db: str, kind: str) -> None:
        self.db, self.kind = db, kind
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)

    def api(self, path: str, **params: object) -> dict:
        r = httpx.get(self.base + path, params=params, timeout=30)
        r.raise_for_status()
        return r.json()


@pytest.fixture
def site(db_url, tmp_path) -> Iterator[Site]:
    extra = tmp_path / "xss.jsonl"
    seed = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[3])
    extra.write_text(json.dumps({"id": "xss-article", "title": XSS_TITLE, "text": seed["text"],
                                 "published": seed["published"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    # The XSS article deliberately copies a seed's text: keep it (no near-duplicate skipping).
    assert ingest([SEEDS, extra], db_url, settings=Settings(dedup=False)).events > 0, "the pipeline produced no events from the seeds"
    with Store(db_url) as store:
        assign_stories(store)
    kind = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    with Site(db_url, kind) as s:
        yield s


def open_page(driver: WebDriver, site: Site, path: str) -> None:
    driver.get(site.base + path)
    wait_ready(driver)


def wait_ready(driver: WebDriver, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState === 'complete' && document.body.dataset.state")
        in ("ready", "error"))
    state = driver.execute_script("return document.body.dataset.state")
    error = driver.find_element(By.ID, "error").text
    assert state == "ready", f"page error: {error}"


def wait_settled(driver: WebDriver) -> None:
    """Wait until the network's force layout has stopped moving."""
    settled = "return document.getElementById('graph').dataset.settled"
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(settled))


def shot(driver: WebDriver, site: Site, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{site.kind}_{name}.png"))


def no_console_errors(driver: WebDriver) -> None:
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not severe, severe


def bengali_font_loaded(driver: WebDriver) -> bool:
    return bool(driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.load(\"16px 'Noto Sans Bengali'\", 'বাংলা').then(f => done(f.length > 0), () => done(false));"))


def rows(driver: WebDriver, table: str = "#events") -> list:
    return [r for r in driver.find_elements(By.CSS_SELECTOR, f"{table} tbody tr") if r.get_attribute("data-event")]


def top_code(site: Site) -> str:
    return str(site.api("/actors", limit=1)["actors"][0]["code"])


def submit(driver: WebDriver, form: str = "filters") -> None:
    driver.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()
    wait_ready(driver)
    load_all(driver)


def load_all(driver: WebDriver) -> None:
    """Click "Load more" until the last page is shown."""
    for _ in range(1000):
        more = driver.find_elements(By.ID, "more")
        if not more or not more[0].is_displayed():
            return
        more[0].click()
        wait_ready(driver)


def test_events_page_lists_filters_and_pages(driver, site):
    driver.get_log("browser")
    open_page(driver, site, "/ui/")
    total = len(site.api("/events", limit=500)["events"])
    assert len(rows(driver)) == min(total, 50)
    evidence = driver.find_elements(By.CSS_SELECTOR, "#events td.evidence")
    assert any(BENGALI.search(td.text) for td in evidence), "Bengali evidence is shown"
    assert bengali_font_loaded(driver), "the bundled Noto Sans Bengali font loads"
    shot(driver, site, "events")

    open_page(driver, site, "/ui/index.html?limit=5")  # walk the pages with the button
    load_all(driver)
    ids = [r.get_attribute("data-event") for r in rows(driver)]
    assert len(ids) == len(set(ids)) == total

    code = top_code(site)
    box = driver.find_element(By.NAME, "actor")
    box.clear()
    box.send_keys(code)
    submit(driver)
    assert rows(driver) and all(code in r.text for r in rows(driver))
    assert f"actor={code}" in driver.current_url

    etype = site.api("/events", actor=code, limit=1)["events"][0]["event_type"]
    Select(driver.find_element(By.NAME, "type")).select_by_value(etype)
    Select(driver.find_element(By.NAME, "status")).select_by_value("occurred")
    submit(driver)
    expected = site.api("/events", actor=code, type=etype, status="occurred", limit=500)["events"]
    assert [r.get_attribute("data-event") for r in rows(driver)] == [e["event_id"] for e in expected]

    driver.find_element(By.CSS_SELECTOR, "#filters button[type=reset]").click()
    wait_ready(driver)
    word = site.api("/events", limit=1)["events"][0]["evidence"]["sentence"].split()[1]
    driver.find_element(By.NAME, "q").send_keys(word)
    driver.execute_script("document.querySelector('[name=since]').value = '1900-01-01';"
                          "document.querySelector('[name=until]').value = '2100-12-31';")
    submit(driver)
    found = rows(driver)
    assert found and all(word in r.find_element(By.CSS_SELECTOR, "td.evidence").text for r in found)
    shot(driver, site, "events_filtered")
    no_console_errors(driver)


def test_actor_page_timeline_chart(driver, site):
    code = top_code(site)
    open_page(driver, site, f"/ui/actor.html?code={code}&interval=month")
    assert code in driver.find_element(By.ID, "title").text
    timeline = site.api(f"/actors/{code}/timeline", interval="month")
    assert driver.find_elements(By.CSS_SELECTOR, "#chart svg.chart")
    bars = driver.find_elements(By.CSS_SELECTOR, "#chart svg g.bar")
    assert len({b.get_attribute("data-period") for b in bars} & {b["period"] for b in timeline["buckets"]}) \
        == len(timeline["buckets"])
    if any(b["cooperation"] or b["conflict"] for b in timeline["buckets"]):
        assert driver.find_elements(By.CSS_SELECTOR, "#chart svg g.bar rect")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#partners tbody tr")) == len(timeline["partners"])
    assert rows(driver), "the actor's events are listed"
    shot(driver, site, "actor")
    Select(driver.find_element(By.NAME, "interval")).select_by_value("week")
    submit(driver, "controls")
    assert "interval=week" in driver.current_url
    no_console_errors(driver)


def test_dyad_page_both_directions(driver, site):
    edge = site.api("/network")["edges"][0]
    a, b = edge["source"], edge["target"]
    open_page(driver, site, f"/ui/dyad.html?a={a}&b={b}")
    assert driver.find_elements(By.CSS_SELECTOR, "#chart svg.chart")
    types = driver.find_elements(By.CSS_SELECTOR, "#types tbody tr")
    assert len(types) == len(site.api(f"/dyads/{a}/{b}")["types"])
    for r in rows(driver):
        assert a in r.text and b in r.text
    shot(driver, site, "dyad")
    no_console_errors(driver)


def test_network_drag_and_click_opens_actor(driver, site):
    open_page(driver, site, "/ui/network.html")
    wait_settled(driver)
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg.network g.node")
    assert len(nodes) == len(site.api("/network")["nodes"]) >= 2
    shot(driver, site, "network")
    first = nodes[0]
    before = first.get_attribute("transform")
    ActionChains(driver).drag_and_drop_by_offset(first, 60, 40).perform()
    assert first.get_attribute("transform") != before and "network.html" in driver.current_url
    wait_settled(driver)
    target = driver.find_elements(By.CSS_SELECTOR, "svg.network g.node")[1]
    code = target.get_attribute("data-code")
    target.click()
    WebDriverWait(driver, 15).until(lambda d: "actor.html" in d.current_url)
    wait_ready(driver)
    assert f"code={code}" in driver.current_url and code in driver.find_element(By.ID, "title").text
    no_console_errors(driver)


def test_stories_and_story_page(driver, site):
    open_page(driver, site, "/ui/stories.html")
    listed = driver.find_elements(By.CSS_SELECTOR, "#stories tbody tr[data-story]")
    assert listed and any(BENGALI.search(r.text) for r in listed)
    shot(driver, site, "stories")
    best = max(site.api("/stories", limit=500)["stories"], key=lambda s: (s["n_articles"], s["n_events"]))
    open_page(driver, site, f"/ui/story.html?id={best['story']}")
    cards = driver.find_elements(By.CSS_SELECTOR, "#mentions section.card[data-article]")
    assert len(cards) == best["n_articles"]
    assert all(BENGALI.search(c.find_element(By.CSS_SELECTOR, "blockquote").text) for c in cards)
    shot(driver, site, "story")
    no_console_errors(driver)


def test_article_page_highlights_evidence_and_escapes_html(driver, site):
    event = site.api("/events", actor=top_code(site), limit=1)["events"][0]
    open_page(driver, site, f"/ui/article.html?id={event['article_id']}&event={event['event_id']}")
    current = driver.find_elements(By.CSS_SELECTOR, "mark.evidence.current")
    assert current, "the selected event's evidence is highlighted"
    shown = " ".join(" ".join(m.text for m in current).split())
    assert shown == " ".join(event["evidence"]["sentence"].split())
    assert BENGALI.search(driver.find_element(By.ID, "text").text)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#event-list li")) == len(
        site.api(f"/articles/{event['article_id']}")["events"])
    shot(driver, site, "article")

    open_page(driver, site, "/ui/article.html?id=xss-article")
    assert driver.find_element(By.ID, "title").text == XSS_TITLE
    assert not driver.find_elements(By.CSS_SELECTOR, "main img, main script")
    assert driver.execute_script("return window.__xss === undefined")
    assert driver.find_elements(By.CSS_SELECTOR, "mark.evidence"), "its evidence is highlighted too"
    shot(driver, site, "article_escaped")
    no_console_errors(driver)


def test_actors_page(driver, site):
    open_page(driver, site, "/ui/actors.html")
    listed = [r.get_attribute("data-code")
              for r in driver.find_elements(By.CSS_SELECTOR, "#actors tbody tr[data-code]")]
    assert listed == [a["code"] for a in site.api("/actors", limit=50)["actors"]]
    shot(driver, site, "actors")
    no_console_errors(driver)


@pytest.mark.parametrize(("page", "current"), [("index.html", "Events"), ("stories.html", "Stories"),
                                               ("actors.html", "Actors"), ("network.html", "Network")])
def test_every_page_has_the_shared_header_with_its_link_marked(driver, site, page, current):
    open_page(driver, site, f"/ui/{page}")
    links = driver.find_elements(By.CSS_SELECTOR, "header.top nav a")
    assert [a.text for a in links] == ["Events", "Stories", "Actors", "Network", "API"]
    marked = [a.text for a in links if a.get_attribute("aria-current") == "page"]
    assert marked == [current]
    assert driver.find_element(By.CSS_SELECTOR, "header.top a.brand").text.endswith("ghotona")
