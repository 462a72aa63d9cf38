"""Place recognition: countries, capitals, cities, Bangladeshi divisions and districts, seas
and named sites in Bengali text, with coordinates and the country they lie in.

``find_places(text)`` matches the gazetteer (``countries.tsv`` and ``places.tsv``) with the
same normalisation and case-ending rules as the actor stage, so locative forms (``সিউলে``,
``ঢাকায়``, ``গাজায়``) match and the ending is kept in ``Mention.suffix``. Names of people and
organisations that contain a place name (``ইসরায়েল কাৎজ``, ``ওয়াশিংটন পোস্ট``) block it.
"""

from __future__ import annotations

import logging

from ghotona.actors.gazetteer import Country, PlaceRec
from ghotona.actors.matcher import Atom, place_matcher, select
from ghotona.actors.text import normalize
from ghotona.model import Mention, Place

__all__ = ["find_places"]

logger = logging.getLogger(__name__)


def _place(atom: Atom, span: str) -> Place | None:
    """The Place an atom stands for (a named place before a country), None for blockers."""
    e = atom.first("place")
    if e is not None:
        p: PlaceRec = e.ref  # type: ignore[assignment]
        return Place(p.name, p.code, p.lat, p.lon, span)
    e = atom.first("country")
    if e is not None:
        c: Country = e.ref  # type: ignore[assignment]
        return Place(c.name, c.code, c.lat, c.lon, span)
    return None


def find_places(text: str) -> list[Mention]:
    """Place mentions in ``text``: non-overlapping, sorted by start, longest match wins."""
    if not text:
        return []
    norm = normalize(text)
    out: list[Mention] = []
    for atom in select(place_matcher().atoms(norm.text)):
        start, end = norm.span(atom.start, atom.end)
        span = text[start:end]
        place = _place(atom, span)
        if place is None:
            continue
        out.append(Mention(kind="place", start=start, end=end, text=span, place=place,
                           suffix=atom.suffix, resolved_by="gazetteer"))
    return out
