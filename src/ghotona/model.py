"""The contract every stage reads and writes (shared/spec/events.md).

All records are frozen, slotted dataclasses; they travel through the pipeline unchanged
except by ``dataclasses.replace``. ``to_dict``/``from_dict`` give the JSON shapes the spec
defines, so the store, exports, API and scorer all see the same field names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "alleged", "denied", "hypothetical")
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "none")
SECTORS: tuple[str, ...] = ("GOV", "MIL", "LEG", "JUD", "PTY", "MED", "BUS", "CVL", "IGO", "REB")
PUBLISHED_SOURCES: tuple[str, ...] = ("given", "page", "none")

Precision = Literal["day", "week", "month", "year", "none"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of ``parts`` (used for event and article ids)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"))  # lone surrogates hash too
    return digest.hexdigest()[:length]


MAX_ID_CHARS = 200
"""Article ids are at most this long (the store's column width)."""


def sanitise_text(text: str) -> str:
    """``text`` without NUL characters and with lone surrogates replaced (no database stores them)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def storable_id(value: str) -> str:
    """``value`` as an article id every backend stores unchanged: sanitised, at most
    ``MAX_ID_CHARS`` characters. Articles apply it on creation, so the duplicate index, the
    ingest log and the store all see the same id."""
    return sanitise_text(value)[:MAX_ID_CHARS]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: ``code`` is ISO 3166-1 alpha-3 or UN/NATO/EU/WEST, or None if unknown."""

    code: str | None
    name: str | None
    sector: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "sector": self.sector, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(code=d.get("code"), name=d.get("name"), sector=d.get("sector"), text=d.get("text") or "")


@dataclass(frozen=True, slots=True)
class Place:
    """Where: a named place with its country code and coordinates when known."""

    name: str | None
    code: str | None
    lat: float | None
    lon: float | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "code": self.code, "lat": self.lat, "lon": self.lon, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(name=d.get("name"), code=d.get("code"), lat=d.get("lat"), lon=d.get("lon"),
                   text=d.get("text") or "")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The verbatim sentence an event came from and its offsets into the cleaned text."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    kind: Literal["title", "caption", "body"] = "body"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: ``date`` is YYYY-MM-DD (day, week=its Monday), YYYY-MM or YYYY."""

    date: str | None
    precision: Precision
    text: str | None = None

    @classmethod
    def none(cls) -> DateValue:
        return cls(None, "none", None)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the cleaned text recognised as an actor, a place or a date.

    ``kind`` says which; ``actor``/``place``/``date`` carry the identity. ``suffix`` is the
    Bengali case ending or particle found after the name (``কে``, ``র``, ``ের``…), which the
    event coder uses to attach arguments. ``resolved_by`` says how the identity was found.
    For bare weekday dates, ``future`` holds the forward reading (rule 4 of the spec).
    """

    kind: Literal["actor", "place", "date"]
    start: int
    end: int
    text: str
    actor: Actor | None = None
    place: Place | None = None
    date: DateValue | None = None
    future: DateValue | None = None
    suffix: str = ""
    role: str | None = None
    resolved_by: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, exactly the record of shared/spec/events.md."""

    event_id: str
    article_id: str
    event_type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    source: Actor | None
    target: Actor | None
    symmetric: bool
    date: str | None
    date_precision: Precision
    date_text: str | None
    location: Place | None
    status: str
    attributed_to: str | None
    evidence: Evidence
    confidence: float
    story: str | None = None

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"event_type must be one of the 16 PLOVER types, got {self.event_type!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")
        if self.date_precision not in PRECISIONS:
            raise ValueError(f"date_precision must be one of {PRECISIONS}, got {self.date_precision!r}")
        if (self.date is None) != (self.date_precision == "none"):
            raise ValueError(f"date {self.date!r} does not fit precision {self.date_precision!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "article_id": self.article_id,
            "event_type": self.event_type, "mode": self.mode, "cameo": self.cameo,
            "goldstein": self.goldstein, "quad_class": self.quad_class,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "symmetric": self.symmetric, "date": self.date, "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status, "attributed_to": self.attributed_to,
            "evidence": self.evidence.to_dict(), "confidence": self.confidence, "story": self.story,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = d["evidence"]
        return cls(
            event_id=d["event_id"], article_id=d["article_id"], event_type=d["event_type"],
            mode=d.get("mode"), cameo=d.get("cameo"), goldstein=d.get("goldstein"),
            quad_class=d.get("quad_class"), source=Actor.from_dict(d.get("source")),
            target=Actor.from_dict(d.get("target")), symmetric=bool(d.get("symmetric")),
            date=d.get("date"), date_precision=d.get("date_precision") or "none",
            date_text=d.get("date_text"), location=Place.from_dict(d.get("location")),
            status=d["status"], attributed_to=d.get("attributed_to"),
            evidence=Evidence(ev["sentence"], int(ev["start"]), int(ev["end"])),
            confidence=float(d.get("confidence", 0.5)), story=d.get("story"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read (``raw``) and, after cleaning, as coded (``text``).

    ``published`` is the date used to resolve relative expressions; ``published_source``
    says where it came from (``given`` by the caller, found on the ``page``, or ``none``).
    """

    article_id: str
    raw: str
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: str = "none"
    language: str | None = None
    source_path: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.article_id, str):
            object.__setattr__(self, "article_id", storable_id(self.article_id))

    @property
    def content_hash(self) -> str:
        return stable_id(self.raw, self.title, self.published, length=40)

    def to_dict(self, failure: str | None = None) -> dict[str, Any]:
        """The cleaned-article record of the spec (``--articles-out``)."""
        return {
            "article_id": self.article_id, "title": self.title, "outlet": self.outlet,
            "url": self.url, "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source, "language": self.language,
            "text": self.text, "failure": failure,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """Why an article produced no events: the stage that refused it and a readable reason."""

    article_id: str
    stage: str
    reason: str
    source_path: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.article_id, str):
            object.__setattr__(self, "article_id", storable_id(self.article_id))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Result:
    """What the pipeline yields per article: the cleaned article, its analysis and events."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failure: Failure | None = None
    input_hash: str = ""   # content_hash of the article as it came in (stages may rewrite raw/published)

    @property
    def ok(self) -> bool:
        return self.failure is None
