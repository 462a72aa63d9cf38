"""Load and validate the actor/place gazetteer (``ghotona/data/gazetteer/*.tsv``).

Every row is checked when the gazetteer is loaded: codes must be ISO 3166-1 alpha-3 (via
pycountry) or one of :data:`BLOC_CODES`, sectors one of :data:`ghotona.model.SECTORS`, dates
ISO dates, coordinates numbers in range, and cross-references (tenure → person, role, scope)
must resolve. A bad row raises :class:`GazetteerError` naming ``file:line``.

The loaded :class:`Gazetteer` is immutable and cached per directory (:func:`load_gazetteer`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pycountry

from ghotona import tsv
from ghotona.actors.text import normalize_surface
from ghotona.model import SECTORS

logger = logging.getLogger(__name__)

#: Non-state codes accepted besides ISO alpha-3: the spec's UN/NATO/EU/WEST plus the blocs and
#: international bodies Bengali news names (the dev gold uses OIC and ARAB_LEAGUE).
BLOC_CODES: frozenset[str] = frozenset({
    "UN", "NATO", "EU", "WEST", "AU", "ASEAN", "OIC", "ARAB_LEAGUE", "GCC", "SAARC", "BIMSTEC",
    "BRICS", "SCO", "G7", "G20", "OPEC", "ICC", "ADB", "COMMONWEALTH",
})
TITLE_KINDS = ("honorific", "former", "generic", "modifier", "place_noun", "local_unit", "role_blocker", "block",
               "eponym")
PLACE_KINDS = ("capital", "city", "district", "division", "region", "site", "water", "area")
ACTOR_MODES = ("full", "strict")


class GazetteerError(ValueError):
    """A gazetteer file has a bad row; the message starts with ``file:line``."""


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    adjective: str
    people: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Org:
    key: str
    code: str | None
    name: str
    sector: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    code: str | None
    sector: str


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    sector: str
    default_scope: str | None


@dataclass(frozen=True, slots=True)
class Institution:
    key: str
    sector: str
    template: str
    bare: bool


@dataclass(frozen=True, slots=True)
class PlaceRec:
    name: str
    code: str | None
    lat: float | None
    lon: float | None
    kind: str
    actor: str | None
    actor_mode: str | None


@dataclass(frozen=True, slots=True)
class Tenure:
    scope: str
    role: str
    name: str
    start: dt.date
    end: dt.date | None
    sector: str

    def holds(self, when: dt.date) -> bool:
        """True when the tenure covers ``when`` (start inclusive, end exclusive)."""
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface stands for: ``kind`` and the record (or title kind string)."""

    kind: str  # country, demonym, org, person, role, title, institution, place, block
    ref: object


@dataclass(frozen=True)
class Gazetteer:
    """The whole gazetteer, immutable after loading."""

    countries: Mapping[str, Country]
    orgs: Mapping[str, Org]
    people: Mapping[str, Person]
    roles: tuple[Role, ...]
    institutions: Mapping[str, Institution]
    institution_names: Mapping[tuple[str, str], str]
    places: tuple[PlaceRec, ...]
    tenures: Mapping[tuple[str, str], tuple[Tenure, ...]]
    person_tenures: Mapping[str, tuple[Tenure, ...]]
    actor_surfaces: tuple[tuple[str, Entry], ...]
    place_surfaces: tuple[tuple[str, Entry], ...]
    place_nouns: tuple[str, ...]
    eponym_nouns: tuple[str, ...]
    local_units: frozenset[str]
    role_blockers: frozenset[str]

    def eponym(self, word: str) -> bool:
        """Whether ``word`` after a person's bare name makes it a thing named after them
        (জিয়া অরফানেজ ট্রাস্ট, ট্রাস্টের), not the person (খালেদা জিয়া হাসপাতালে: to hospital)."""
        return any(word == n or word in (n + "ের", n + "র") for n in self.eponym_nouns)

    def code_name(self, code: str | None) -> str | None:
        """Canonical name for an actor code: the country, or the organisation keyed so."""
        if code is None:
            return None
        if code in self.countries:
            return self.countries[code].name
        org = self.orgs.get(code)
        return org.name if org else None

    def holder(self, scope: str, role: str, when: dt.date) -> Tenure | None:
        """Who held ``role`` in ``scope`` on ``when`` (the latest-starting tenure if several)."""
        live = [t for t in self.tenures.get((scope, role), ()) if t.holds(when)]
        return max(live, key=lambda t: t.start) if live else None

    def sector_at(self, person: Person, when: dt.date | None) -> str:
        """The person's sector on ``when``: from a state office then held, else the default."""
        if when is not None:
            for t in self.person_tenures.get(person.name, ()):
                if t.holds(when) and t.scope.split(":")[0] in self.countries:
                    return t.sector
        return person.sector


# --------------------------------------------------------------------------- file reading


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of a gazetteer TSV as ``(where, row)`` (:func:`ghotona.tsv.read`, raising
    :class:`GazetteerError`)."""
    return tsv.read(path, columns, GazetteerError)


@functools.lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-3 codes known to pycountry."""
    return frozenset(c.alpha_3 for c in pycountry.countries)


def check_code(value: str, where: str, *, allow_empty: bool = True) -> str | None:
    """Validate an actor/place code; returns None for an empty value when allowed."""
    if not value:
        if allow_empty:
            return None
        raise GazetteerError(f"{where}: code is required")
    if value in BLOC_CODES or value in iso_codes():
        return value
    raise GazetteerError(f"{where}: {value!r} is neither ISO 3166-1 alpha-3 nor one of {sorted(BLOC_CODES)}")


def check_sector(value: str, where: str) -> str:
    if value not in SECTORS:
        raise GazetteerError(f"{where}: sector {value!r} is not one of {SECTORS}")
    return value


def check_date(value: str, where: str, *, allow_empty: bool = False) -> dt.date | None:
    if not value and allow_empty:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise GazetteerError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def check_coord(value: str, where: str, limit: float) -> float | None:
    if not value:
        return None
    try:
        x = float(value)
    except ValueError:
        raise GazetteerError(f"{where}: {value!r} is not a number") from None
    if not -limit <= x <= limit:
        raise GazetteerError(f"{where}: coordinate {x} out of range ±{limit}")
    return x


def check_surfaces(value: str, where: str, *, allow_empty: bool = False) -> list[str]:
    """Split a '|'-separated surface list; every surface must normalise to something."""
    if not value:
        if allow_empty:
            return []
        raise GazetteerError(f"{where}: no surface forms")
    out = []
    for s in value.split("|"):
        norm = normalize_surface(s)
        if not norm:
            raise GazetteerError(f"{where}: empty surface form in {value!r}")
        out.append(norm)
    return out


def check_unique(key: str, seen: set[str], where: str, what: str) -> None:
    if key in seen:
        raise GazetteerError(f"{where}: duplicate {what} {key!r}")
    seen.add(key)


# --------------------------------------------------------------------------- the files


class _Builder:
    """Accumulates records and surfaces while the files are read (load-time only)."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.countries: dict[str, Country] = {}
        self.orgs: dict[str, Org] = {}
        self.people: dict[str, Person] = {}
        self.roles: list[Role] = []
        self.institutions: dict[str, Institution] = {}
        self.inst_names: dict[tuple[str, str], str] = {}
        self.places: list[PlaceRec] = []
        self.tenures: list[Tenure] = []
        self.actor_surf: list[tuple[str, Entry]] = []
        self.place_surf: list[tuple[str, Entry]] = []
        self.place_nouns: list[str] = []
        self.eponym_nouns: list[str] = []
        self.local_units: set[str] = set()
        self.role_blockers: set[str] = set()

    def rows(self, name: str, columns: str) -> Iterator[tuple[str, dict[str, str]]]:
        return read_tsv(self.dir / name, tuple(columns.split()))

    def load_countries(self) -> None:
        seen: set[str] = set()
        for where, r in self.rows("countries.tsv", "code name adjective people lat lon surfaces demonyms"):
            code = check_code(r["code"], where, allow_empty=False)
            assert code is not None
            if code not in iso_codes():
                raise GazetteerError(f"{where}: country code {code!r} is not ISO 3166-1 alpha-3")
            check_unique(code, seen, where, "country")
            if not r["name"]:
                raise GazetteerError(f"{where}: country name is required")
            c = Country(code, r["name"], r["adjective"] or r["name"], r["people"] or f"people of {r['name']}",
                        check_coord(r["lat"], where, 90), check_coord(r["lon"], where, 180))
            self.countries[code] = c
            for s in check_surfaces(r["surfaces"], where):
                self.actor_surf.append((s, Entry("country", c)))
                self.place_surf.append((s, Entry("country", c)))
            for s in check_surfaces(r["demonyms"], where, allow_empty=True):
                self.actor_surf.append((s, Entry("demonym", c)))

    def load_orgs(self) -> None:
        seen: set[str] = set()
        for where, r in self.rows("orgs.tsv", "key code name sector surfaces"):
            check_unique(r["key"], seen, where, "organisation key")
            if not r["key"] or not r["name"]:
                raise GazetteerError(f"{where}: key and name are required")
            o = Org(r["key"], check_code(r["code"], where), r["name"], check_sector(r["sector"], where))
            self.orgs[o.key] = o
            for s in check_surfaces(r["surfaces"], where):
                self.actor_surf.append((s, Entry("org", o)))
                self.place_surf.append((s, Entry("block", o)))

    def load_people(self) -> None:
        seen: set[str] = set()
        for where, r in self.rows("people.tsv", "name code sector surfaces"):
            check_unique(r["name"], seen, where, "person")
            p = Person(r["name"], check_code(r["code"], where), check_sector(r["sector"], where))
            self.people[p.name] = p
            for s in check_surfaces(r["surfaces"], where):
                self.actor_surf.append((s, Entry("person", p)))
                self.place_surf.append((s, Entry("block", p)))

    def load_roles(self) -> None:
        for where, r in self.rows("roles.tsv", "role sector default_scope surfaces"):
            if not r["role"]:
                raise GazetteerError(f"{where}: role id is required")
            role = Role(r["role"], check_sector(r["sector"], where), r["default_scope"] or None)
            self.roles.append(role)
            for s in check_surfaces(r["surfaces"], where):
                self.actor_surf.append((s, Entry("role", role)))

    def load_titles(self) -> None:
        for where, r in self.rows("titles.tsv", "kind surfaces"):
            if r["kind"] not in TITLE_KINDS:
                raise GazetteerError(f"{where}: title kind {r['kind']!r} is not one of {TITLE_KINDS}")
            for s in check_surfaces(r["surfaces"], where):
                if r["kind"] == "place_noun":
                    self.place_nouns.append(s)
                elif r["kind"] == "eponym":
                    self.eponym_nouns.append(s)
                elif r["kind"] == "local_unit":
                    self.local_units.add(s)
                elif r["kind"] == "role_blocker":
                    self.role_blockers.add(s)
                elif r["kind"] == "block":
                    self.actor_surf.append((s, Entry("block", s)))
                    self.place_surf.append((s, Entry("block", s)))
                else:
                    self.actor_surf.append((s, Entry("title", r["kind"])))

    def load_institutions(self) -> None:
        seen: set[str] = set()
        for where, r in self.rows("institutions.tsv", "key sector template bare surfaces"):
            check_unique(r["key"], seen, where, "institution")
            if r["bare"] not in ("yes", "no"):
                raise GazetteerError(f"{where}: bare must be yes or no, got {r['bare']!r}")
            try:
                r["template"].format(name="x", adj="x", people="x")
            except (KeyError, IndexError, ValueError) as exc:
                raise GazetteerError(f"{where}: bad template {r['template']!r}: {exc}") from None
            inst = Institution(r["key"], check_sector(r["sector"], where), r["template"], r["bare"] == "yes")
            self.institutions[inst.key] = inst
            for s in check_surfaces(r["surfaces"], where):
                self.actor_surf.append((s, Entry("institution", inst)))
        for where, r in self.rows("institution_names.tsv", "code key name"):
            code = check_code(r["code"], where, allow_empty=False)
            if r["key"] not in self.institutions:
                raise GazetteerError(f"{where}: unknown institution {r['key']!r}")
            if not r["name"]:
                raise GazetteerError(f"{where}: name is required")
            self.inst_names[(code or "", r["key"])] = r["name"]

    def load_places(self) -> None:
        cols = "name code lat lon kind actor actor_mode surfaces"
        for where, r in self.rows("places.tsv", cols):
            if r["kind"] not in PLACE_KINDS:
                raise GazetteerError(f"{where}: place kind {r['kind']!r} is not one of {PLACE_KINDS}")
            actor = check_code(r["actor"], where)
            mode = r["actor_mode"] or None
            if (actor is None) != (mode is None) or (mode and mode not in ACTOR_MODES):
                raise GazetteerError(f"{where}: actor and actor_mode ({ACTOR_MODES}) go together")
            p = PlaceRec(r["name"], check_code(r["code"], where), check_coord(r["lat"], where, 90),
                         check_coord(r["lon"], where, 180), r["kind"], actor, mode)
            if not p.name:
                raise GazetteerError(f"{where}: name is required")
            self.places.append(p)
            for s in check_surfaces(r["surfaces"], where):
                self.place_surf.append((s, Entry("place", p)))
                self.actor_surf.append((s, Entry("place" if actor else "block", p)))

    def scope_ok(self, scope: str) -> bool:
        head, _, inst = scope.partition(":")
        if inst:
            return head in self.countries and inst in self.institutions
        return head in self.countries or head in self.orgs

    def role_sector(self, role: str, scope: str) -> str | None:
        rows = [r for r in self.roles if r.role == role]
        for r in rows:
            if r.default_scope == scope:
                return r.sector
        for r in rows:
            if r.default_scope is None:
                return r.sector
        return rows[0].sector if rows else None

    def load_tenures(self) -> None:
        for where, r in self.rows("tenures.tsv", "scope role name start end"):
            if not self.scope_ok(r["scope"]):
                raise GazetteerError(f"{where}: unknown scope {r['scope']!r} (country code, orgs.tsv key or CODE:institution)")
            sector = self.role_sector(r["role"], r["scope"])
            if sector is None:
                raise GazetteerError(f"{where}: unknown role {r['role']!r}")
            if r["name"] not in self.people:
                raise GazetteerError(f"{where}: {r['name']!r} is not in people.tsv")
            start = check_date(r["start"], where)
            end = check_date(r["end"], where, allow_empty=True)
            assert start is not None
            if end is not None and end <= start:
                raise GazetteerError(f"{where}: end {end} is not after start {start}")
            self.tenures.append(Tenure(r["scope"], r["role"], r["name"], start, end, sector))
        for role in self.roles:
            if role.default_scope and not self.scope_ok(role.default_scope):
                raise GazetteerError(f"roles.tsv: unknown default_scope {role.default_scope!r} for {role.role}")

    def build(self) -> Gazetteer:
        for step in (self.load_countries, self.load_orgs, self.load_people, self.load_roles,
                     self.load_titles, self.load_institutions, self.load_places, self.load_tenures):
            step()
        by_key: dict[tuple[str, str], list[Tenure]] = {}
        by_person: dict[str, list[Tenure]] = {}
        for t in self.tenures:
            by_key.setdefault((t.scope, t.role), []).append(t)
            by_person.setdefault(t.name, []).append(t)
        freeze = lambda d: MappingProxyType({k: tuple(v) for k, v in d.items()})  # noqa: E731
        return Gazetteer(
            countries=MappingProxyType(dict(self.countries)), orgs=MappingProxyType(dict(self.orgs)),
            people=MappingProxyType(dict(self.people)), roles=tuple(self.roles),
            institutions=MappingProxyType(dict(self.institutions)),
            institution_names=MappingProxyType(dict(self.inst_names)), places=tuple(self.places),
            tenures=freeze(by_key), person_tenures=freeze(by_person),
            actor_surfaces=tuple(self.actor_surf), place_surfaces=tuple(self.place_surf),
            place_nouns=tuple(self.place_nouns), eponym_nouns=tuple(self.eponym_nouns),
            local_units=frozenset(self.local_units),
            role_blockers=frozenset(self.role_blockers),
        )


def default_directory() -> Path:
    """The packaged gazetteer directory."""
    return Path(str(resources.files("ghotona") / "data" / "gazetteer"))


@functools.lru_cache(maxsize=4)
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Load, validate and cache the gazetteer (the packaged one by default)."""
    d = directory or default_directory()
    gaz = _Builder(d).build()
    logger.debug("gazetteer %s: %d countries, %d people, %d organisations, %d places, %d tenures",
                 d, len(gaz.countries), len(gaz.people), len(gaz.orgs), len(gaz.places),
                 sum(len(v) for v in gaz.tenures.values()))
    return gaz
