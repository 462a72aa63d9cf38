"""One call for ``ghotona actors``: the actors and places of a text, and how each was found.

:func:`explain` runs :func:`ghotona.actors.find_actors`, :func:`ghotona.actors.resolve_coreference`
and :func:`ghotona.places.find_places` on one text and returns them together, with
:meth:`Explanation.to_dict` giving a JSON-ready form. ``resolved_by`` is one of
``gazetteer`` (a listed name), ``role@date`` (a role resolved to its holder on the date),
``role``/``institution``/``demonym``/``metonym``/``generic`` (a body, not a person),
``fuzzy`` (linked across scripts), ``coref`` (the identity of an earlier mention),
``unlinked`` (a person we could not identify; only its text is known).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ghotona.model import Mention

__all__ = ["Explanation", "explain"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """The actor mentions (after coreference) and place mentions of one text."""

    text: str
    when: dt.date | None
    actors: tuple[Mention, ...]
    places: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        def actor(m: Mention) -> dict[str, Any]:
            a = m.actor
            return {"start": m.start, "end": m.end, "text": m.text, "code": a.code if a else None,
                    "name": a.name if a else None, "sector": a.sector if a else None,
                    "role": m.role, "suffix": m.suffix, "resolved_by": m.resolved_by}

        def place(m: Mention) -> dict[str, Any]:
            p = m.place
            return {"start": m.start, "end": m.end, "text": m.text, "code": p.code if p else None,
                    "name": p.name if p else None, "lat": p.lat if p else None,
                    "lon": p.lon if p else None, "suffix": m.suffix, "resolved_by": m.resolved_by}

        return {"when": self.when.isoformat() if self.when else None,
                "actors": [actor(m) for m in self.actors], "places": [place(m) for m in self.places]}


def explain(text: str, when: dt.date | None = None) -> Explanation:
    """Actors (with coreference) and places of ``text`` as of ``when`` (the article date)."""
    from ghotona.actors import find_actors
    from ghotona.actors.coref import resolve_coreference
    from ghotona.places import find_places

    actors = resolve_coreference(text, find_actors(text, when))
    return Explanation(text, when, tuple(actors), tuple(find_places(text)))
