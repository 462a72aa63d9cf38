"""Every actor and location of the required dev gold events is recognised on the seeds.

For each required gold event of ``shared/eval/dev`` the gold evidence is located in the
cleaned seed text (``ghotona.clean.clean_text``) and widened to its sentence. Actor mentions
(after coreference) found there must cover the gold source and target codes: all of them
(actor code accuracy 100%). Where the sentence refers back with an anaphor (``এই অভিযোগ``,
``এই ২ দেশকে``) the actor stands in the sentence before, which is searched too; the target of
a visit may be its capital (``পিয়ংইয়ং সফর``), which the event coder takes from the place
mentions. Gold person names must be among the names found (≥ 0.9), and ``find_places`` must
find the gold location's code in the sentence (≥ 0.9).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from ghotona.actors import find_actors, load_gazetteer, resolve_coreference
from ghotona.clean import clean_text
from ghotona.lang.segment import segment
from ghotona.model import Mention
from ghotona.places import find_places

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
pytestmark = pytest.mark.skipif(not (GOLD / "events.jsonl").exists(), reason="shared dev gold not available")


@dataclass
class Checked:
    event_id: str
    codes_missing: list[str]
    names: int
    names_found: int
    has_location: bool
    location_found: bool
    used_previous: bool


def _check_all() -> list[Checked]:
    arts = {}
    for line in (GOLD / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        arts[a["article_id"]] = a
    texts: dict[str, tuple[str, list[Mention], list[Mention], list]] = {}
    people = load_gazetteer().people
    out = []
    for line in (GOLD / "events.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        if e["optional"]:
            continue
        aid = e["article_id"]
        if aid not in texts:
            text = clean_text((GOLD / arts[aid]["file"]).read_text(encoding="utf-8"))
            when = dt.date.fromisoformat(arts[aid]["published"])
            texts[aid] = (text, resolve_coreference(text, find_actors(text, when)), find_places(text),
                          segment(text))
        text, actors, places, sents = texts[aid]
        ev = e["evidence"]["sentence"]
        i = text.find(ev)
        assert i >= 0, f"{e['id']}: evidence not in the cleaned text"
        inside = [s for s in sents if s.start < i + len(ev) and i < s.end]
        a, b = inside[0].start, inside[-1].end
        prev = sents[inside[0].index - 1].start if inside[0].index > 0 else a

        def within(ms: list[Mention], s: int, t: int) -> list[Mention]:
            return [m for m in ms if m.start < t and s < m.end]

        near = within(actors, a, b)
        wide = within(actors, prev, b)
        place_codes = {m.place.code for m in within(places, a, b) if m.place}
        need = [x for x in (e["source"], e["target"]) if x and x.get("code")]
        codes = {m.actor.code for m in near if m.actor}
        wide_codes = {m.actor.code for m in wide if m.actor}
        missing = [x["code"] for x in need if x["code"] not in codes]
        used_previous = bool(missing)
        target = e["target"]
        missing = [c for c in missing if c not in wide_codes
                   and not (target and c == target.get("code") and e["event_type"] == "CONSULT" and c in place_codes)]
        gold_people = [x["name"] for x in need if x["name"] in people]
        names = {m.actor.name for m in wide if m.actor}
        loc = e.get("location")
        out.append(Checked(e["id"], missing, len(gold_people), sum(n in names for n in gold_people),
                           loc is not None, loc is not None and loc.get("code") in place_codes, used_previous))
    return out


@pytest.fixture(scope="module")
def checked() -> list[Checked]:
    return _check_all()


def test_every_gold_actor_code_is_recognised(checked: list[Checked]) -> None:
    assert len(checked) >= 30
    assert [(c.event_id, c.codes_missing) for c in checked if c.codes_missing] == []
    assert sum(c.used_previous for c in checked) <= 5  # anaphors and visits are the exception


def test_gold_person_names_are_found(checked: list[Checked]) -> None:
    total = sum(c.names for c in checked)
    found = sum(c.names_found for c in checked)
    assert total >= 15
    assert found / total >= 0.9, [c.event_id for c in checked if c.names_found < c.names]


def test_gold_locations_are_found(checked: list[Checked]) -> None:
    with_loc = [c for c in checked if c.has_location]
    assert with_loc
    assert sum(c.location_found for c in with_loc) / len(with_loc) >= 0.9, [
        c.event_id for c in with_loc if not c.location_found]
