"""CAMEO actor codes and GDELT geography cells for the GDELT exports.

``actor_fields`` gives the ten ``Actor{1,2}*`` cells of an actor and ``geo_fields`` the
eight ``*Geo_*`` cells of a place; ``gdelt.py`` documents the choices.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from ghotona.export.common import countries, flat_text
from ghotona.model import Actor, Place

ORGS: dict[str, tuple[str, str, str]] = {
    "UN": ("IGOUNO", "", "UNO"),
    "NATO": ("IGOWSTNAT", "WST", "NAT"),
    "EU": ("IGOEUREEC", "EUR", "EEC"),
    "WEST": ("WST", "WST", ""),
}
"""ghotona's non-state codes → (CAMEO code stem, CAMEO country/region, known group)."""


def cameo_parts(code: str | None) -> tuple[str, str, str]:
    """(CAMEO stem, country code, known group code) for a ghotona actor code."""
    code = (code or "").upper()
    if not code or code in countries():
        return code, code, ""
    if code in ORGS:
        return ORGS[code]
    return "", "", code  # another organisation (ASEAN, G20…): role only, group = its code


def actor_fields(actor: Actor | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
    Type1Code, Type2Code, Type3Code."""
    if actor is None:
        return [""] * 10
    stem, country, group = cameo_parts(actor.code)
    sector = (actor.sector or "").upper()
    role = "" if sector == "IGO" and stem.startswith("IGO") else sector
    known = countries().get(country)
    name = actor.name or (known.name if known else actor.code) or ""
    return [stem + role, flat_text(name.upper()), country, group, "", "", "", sector, "", ""]


@lru_cache(maxsize=512)
def _country_names(iso3: str) -> frozenset[str]:
    names = set()
    if iso3 in countries():
        names.add(countries()[iso3].name)
    rec = pycountry.countries.get(alpha_3=iso3)
    if rec is not None:
        names.update(getattr(rec, a) for a in ("name", "common_name", "official_name") if hasattr(rec, a))
    return frozenset(n.casefold() for n in names)


def is_country(place: Place) -> bool:
    """True when the place is a whole country (its name is the country's, or it has none)."""
    if place.name is None:
        return place.code is not None
    return place.name.casefold() in _country_names((place.code or "").upper())


def _num(value: float | None) -> str:
    return "" if value is None else str(float(value))


def geo_fields(place: Place | None) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if place is None or (place.code is None and place.name is None):
        return ["0", "", "", "", "", "", "", ""]
    known = countries().get((place.code or "").upper())
    fips, country = (known.fips, known.name) if known else ("", "")
    if is_country(place):
        full = country or place.name or ""
        return ["1", flat_text(full), fips, fips, "", _num(place.lat), _num(place.lon), fips]
    full = ", ".join(x for x in (place.name, country) if x)
    return ["4", flat_text(full), fips, fips, "", _num(place.lat), _num(place.lon), ""]
