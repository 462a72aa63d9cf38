"""Actor recognition: who is named in a Bengali news text, as spec actors (rule 6).

``find_actors(text, when)`` finds countries, demonyms, capitals used for their governments,
organisations, institutions and people from the gazetteer (``ghotona/data/gazetteer``),
joins role chains (``রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন``) into one mention, and resolves a
role without a name to the office holder on ``when`` (``রাশিয়ার রাষ্ট্রপতি`` on 2023-06-01 →
Vladimir Putin). Mentions are non-overlapping, sorted, and ``text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import datetime as dt
import logging

from ghotona.actors.chains import ChainResolver, Resolved, build_chains, category
from ghotona.actors.fuzzy import link_after
from ghotona.actors.gazetteer import GazetteerError, load_gazetteer
from ghotona.actors.matcher import actor_matcher, select
from ghotona.actors.text import normalize
from ghotona.model import Actor, Mention

__all__ = ["find_actors", "GazetteerError", "load_gazetteer"]

logger = logging.getLogger(__name__)


def _as_date(when: dt.date | None) -> dt.date | None:
    if isinstance(when, dt.datetime):
        return when.date()
    return when


def find_actors(text: str, when: dt.date | None = None) -> list[Mention]:
    """Actor mentions in ``text``; ``when`` (the article date) resolves roles to people."""
    if not text:
        return []
    when = _as_date(when)
    norm = normalize(text)
    atoms = select(actor_matcher().atoms(norm.text))
    resolver = ChainResolver(load_gazetteer(), when, norm.text)
    out: list[Mention] = []
    chains = build_chains(atoms, norm.text)
    for k, chain in enumerate(chains):
        start, end = norm.span(chain[0].start, chain[-1].end)
        res = resolver.resolve(chain, text[start:end])
        if res is None and category(chain[-1]) == "R":  # a bare role: a variant-spelled name may follow
            res = Resolved(Actor(None, None, None, ""), chain[-1].first("role").ref.role, "unresolved")  # type: ignore[union-attr]
        if res is None:
            continue
        if res.upto is not None:
            chain = chain[: res.upto]
            start, end = norm.span(chain[0].start, chain[-1].end)
        suffix, by = chain[-1].suffix, res.resolved_by
        actor = res.actor
        if res.role and res.upto is None and category(chain[-1]) == "R" and not suffix:
            limit = chains[k + 1][0].start if k + 1 < len(chains) else len(norm.text)
            link = link_after(norm.text, chain[-1].end, limit, actor.code)
            if link is not None:
                end = norm.offset(link.end)
                person = link.person
                actor = Actor(person.code, person.name, resolver.gaz.sector_at(person, when), "")
                suffix, by = link.suffix, "fuzzy"
        if by == "unresolved":
            continue
        span = text[start:end]
        out.append(Mention(kind="actor", start=start, end=end, text=span,
                           actor=Actor(actor.code, actor.name, actor.sector, span),
                           suffix=suffix, role=res.role, resolved_by=by))
    return out
