"""Actor recognition: who is named in a Bengali news text, as spec actors (rule 6).

``find_actors(text, when)`` finds countries, demonyms, capitals used for their governments,
organisations, institutions and people from the gazetteer (``ghotona/data/gazetteer``),
joins role chains (``রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন``) into one mention, and resolves a
role without a name to the office holder on ``when`` (``রাশিয়ার রাষ্ট্রপতি`` on 2023-06-01 →
Vladimir Putin). A name the gazetteer does not know, written after a role word, an honorific
or a country genitive, is linked across scripts to an English identity
(:mod:`ghotona.actors.fuzzy`, ``resolved_by="fuzzy"``); after an honorific an unknown name
stays an unlinked actor (``resolved_by="unlinked"``). Mentions are non-overlapping, sorted,
and ``text[m.start:m.end] == m.text``.

:func:`resolve_coreference` (``ghotona.actors.coref``) then gives repeated mentions
(``মিঃ ল্যাভরভ``, ``তিনি``) the identity of the full mention earlier in the article, and
:func:`explain` lists actors and places with how each was resolved (``ghotona actors``).
"""

from __future__ import annotations

import datetime as dt
import logging

from ghotona.actors.chains import ChainResolver, Resolved, build_chains, category
from ghotona.actors.coref import resolve_coreference
from ghotona.actors.explain import Explanation, explain
from ghotona.actors.fuzzy import (
    UNLINKED_HONORIFICS,
    FuzzyLink,
    link_after,
    other_name,
    unlinked_name,
)
from ghotona.actors.gazetteer import GazetteerError, load_gazetteer
from ghotona.actors.matcher import Atom, actor_matcher, select
from ghotona.actors.text import GENITIVE, NormText, normalize
from ghotona.model import Actor, Mention

__all__ = ["Explanation", "GazetteerError", "explain", "find_actors", "load_gazetteer",
           "resolve_coreference"]

logger = logging.getLogger(__name__)


# Roles that, bare, name the holder of the office in the story's own state (resolved by the coder).
HOME_ROLES = frozenset({"president"})


def _as_date(when: dt.date | None) -> dt.date | None:
    if isinstance(when, dt.datetime):
        return when.date()
    return when


def _linked(link: FuzzyLink, when: dt.date | None) -> Actor:
    code, sector = link.candidate.at(when)
    return Actor(code, link.candidate.name, sector, "")


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
        limit = chains[k + 1][0].start if k + 1 < len(chains) else len(norm.text)
        m = _chain_mention(text, norm, chain, resolver, limit, when)
        if m is not None:
            out.append(m)
    return out


def _chain_mention(text: str, norm: NormText, chain: list[Atom], resolver: ChainResolver,
                   limit: int, when: dt.date | None) -> Mention | None:
    """The mention one chain gives (None when it names no actor)."""
    start, end = norm.span(chain[0].start, chain[-1].end)
    last = category(chain[-1])
    res = resolver.resolve(chain, text[start:end])
    if res is None and last == "R":  # a bare role: a variant-spelled name may follow
        res = Resolved(Actor(None, None, None, ""), chain[-1].first("role").ref.role, "unresolved")  # type: ignore[union-attr]
    if res is None and last == "H":
        res = Resolved(Actor(None, None, None, ""), None, "unresolved")
    if res is None:
        return None
    if res.upto is not None:
        chain = chain[: res.upto]
        start, end = norm.span(chain[0].start, chain[-1].end)
    suffix, by, actor = chain[-1].suffix, res.resolved_by, res.actor
    name_next = res.upto is None and (
        (last in ("R", "H") and not suffix)                      # রাষ্ট্রদূত …, মিঃ …
        or (last == "S" and len(chain) == 1 and suffix in GENITIVE))  # ইসরায়েলের …
    if name_next:
        code = actor.code if last != "H" else None
        link = link_after(norm.text, chain[-1].end, limit, code, when)
        if link is not None:
            end = norm.offset(link.end)
            actor, suffix, by = _linked(link, when), link.suffix, "fuzzy"
        elif last == "H" and norm.text[chain[-1].start:chain[-1].end] in UNLINKED_HONORIFICS:
            name = unlinked_name(norm.text, chain[-1].end, limit)
            if name is not None:  # keep the person as an unlinked actor with its text
                end = norm.offset(name[0])
                actor, suffix, by = Actor(None, None, None, ""), name[1], "unlinked"
        elif by == "role@date" and (name := other_name(norm.text, chain[-1].end, limit)) is not None:
            # "হামাস নেতা সালেহ আল-আরৌরি": the role names someone other than its holder, who is
            # kept as an unlinked person of the role's side
            end = norm.offset(name[0])
            actor, suffix, by = Actor(actor.code, None, actor.sector, ""), name[1], "unlinked"
    if by == "unresolved":
        if last == "R" and len(chain) == 1 and res.role in HOME_ROLES and not resolver.office_only(chain[-1]):
            # a bare "রাষ্ট্রপতি" (the president, no country named): the head of the story's own
            # state, which the event coder resolves once it knows that state
            span = text[start:end]
            return Mention(kind="actor", start=start, end=end, text=span, actor=Actor(None, None, "GOV", span),
                           suffix=suffix, role=res.role, resolved_by="generic")
        return None
    span = text[start:end]
    return Mention(kind="actor", start=start, end=end, text=span,
                   actor=Actor(actor.code, actor.name, actor.sector, span),
                   suffix=suffix, role=res.role, resolved_by=by)
