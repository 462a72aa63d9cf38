"""The project's own dev gold: well-formed, dev-half only, evidence spans resolve in the corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ghotona.model import EVENT_TYPES

GOLD = Path(__file__).parent / "gold"
CORPUS = (GOLD / "../../../shared/corpus/bn_news.jsonl").resolve()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


ARTICLES = _lines(GOLD / "articles.jsonl")
EVENTS = _lines(GOLD / "events.jsonl")


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    ids = {a["article_id"] for a in ARTICLES}
    texts = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in ids:
                texts[record["id"]] = record["text"]
    return texts


def test_gold_size_and_spread():
    assert len(ARTICLES) >= 40
    assert len({a["outlet"] for a in ARTICLES}) >= 5
    assert sum(not e["optional"] for e in EVENTS) >= 150


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["article_id"])
def test_gold_article_is_in_development_half(article):
    digest = hashlib.sha1(article["article_id"].encode("utf-8")).hexdigest()
    assert digest[0] in "01234567"


def test_every_gold_event_is_well_formed_and_its_evidence_resolves(corpus_texts):
    assert set(corpus_texts) == {a["article_id"] for a in ARTICLES}
    ids = set()
    for event in EVENTS:
        assert event["id"] not in ids
        ids.add(event["id"])
        assert event["event_type"] in EVENT_TYPES
        assert event["date_precision"] in {"day", "week", "month", "year", "none"}
        assert (event["date"] is None) == (event["date_precision"] == "none")
        text = corpus_texts[event["article_id"]]
        start, end = event["evidence"]["corpus_start"], event["evidence"]["corpus_end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
