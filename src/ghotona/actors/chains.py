"""Assemble matched atoms into actor mentions: role chains, institutions, metonyms.

Atoms (gazetteer hits) are classified as

- ``S`` scope: a country, demonym, organisation or capital used for its government;
- ``T`` title: ``সাবেক`` (former) and other qualifiers; ``H`` honorific (``মিঃ``, ``ড.``);
- ``R`` role (``রাষ্ট্রপতি``), ``I`` institution (``পররাষ্ট্র মন্ত্রণালয়``), ``P`` person.

Adjacent atoms (separated by spaces only) that follow the grammar
``T* S? T* (I-gen R | I | R+)? H* P?`` form one chain and give one mention, e.g.
``রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন`` = S R P → Vladimir Putin. A role without a person is
resolved to its holder on the article date (tenures.tsv), unless a ``former`` title precedes.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from ghotona.actors.gazetteer import Country, Gazetteer, Institution, Org, Person, PlaceRec, Role
from ghotona.actors.matcher import Atom
from ghotona.actors.text import (
    GENITIVE, LOCATIVE, PLURAL_PEOPLE, gap_is_conj, gap_is_space, next_token, prev_token,
)
from ghotona.model import Actor

logger = logging.getLogger(__name__)

STRICT_METONYM_SUFFIXES = frozenset({"কে", "কেও", "কেই"})
GROUP_SECTORS = frozenset({"PTY", "REB", "IGO", "MED", "CVL"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """An actor identity for a chain, before offsets are attached.

    ``upto`` is how many atoms of the chain the mention covers (None: all of them).
    """

    actor: Actor
    role: str | None
    resolved_by: str
    upto: int | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """What an S atom (or an institution inside a country) contributes to a chain."""

    key: str | None
    code: str | None
    name: str | None
    sector: str | None
    country: Country | None
    org: Org | None


def category(atom: Atom) -> str | None:
    """The grammatical category of an atom (see the module docstring); None for blockers."""
    if atom.has("person"):
        return "P"
    title = atom.first("title")
    if title is not None:
        return "H" if title.ref == "honorific" else "T"
    for kind, cat in (("role", "R"), ("institution", "I"), ("org", "S"), ("country", "S"),
                      ("demonym", "S"), ("place", "S")):
        if atom.has(kind):
            return cat
    return None


def _metonym(atom: Atom) -> PlaceRec | None:
    """The metonymic place of an S atom that is only a place (a capital), else None."""
    if atom.has("org") or atom.has("country") or atom.has("demonym"):
        return None
    e = atom.first("place")
    return e.ref if e is not None else None  # type: ignore[return-value]


def _can_follow(chain: list[Atom], cats: list[str], nxt: Atom, nc: str) -> bool:
    """Whether ``nxt`` (category ``nc``) continues ``chain`` (see the module grammar)."""
    prev, pc = chain[-1], cats[-1]
    seen = set(cats)
    if pc == "P":
        return False
    if pc == "S":
        if _metonym(prev) is not None and _metonym(prev).actor_mode == "strict":  # type: ignore[union-attr]
            return False
        if prev.suffix in GENITIVE:
            return nc in ("T", "R", "I", "H", "P")
        return prev.suffix == "" and nc in ("T", "R", "I")
    if prev.suffix:
        return pc == "I" and prev.suffix in GENITIVE and nc == "R" and "R" not in seen
    if pc == "T":
        if nc == "S":
            return not seen & {"S", "R", "I", "H"}
        if nc == "I":
            return not seen & {"R", "I", "H"}
        return nc in ("T", "R", "H", "P")
    if pc == "R":
        return nc in ("R", "H", "P")
    if pc == "H":
        return nc in ("H", "P")
    return False  # an institution without a genitive ends its chain


def atom_code(atom: Atom) -> str | None:
    """The state or bloc code an S or P atom stands for."""
    for kind in ("person", "org", "country", "demonym"):
        e = atom.first(kind)
        if e is not None:
            return e.ref.code  # type: ignore[attr-defined,no-any-return]
    p = _metonym(atom)
    return p.actor if p is not None else None


def _same_side(chain: list[Atom], cats: list[str], person: Atom) -> bool:
    """False when the chain's scope and the person belong to different states
    (``উত্তর কোরিয়ার নেতা পুতিনকে`` is two actors, not one)."""
    pcode = atom_code(person)
    for a, c in zip(chain, cats):
        if c == "S":
            scode = atom_code(a)
            return pcode is None or scode is None or pcode == scode
    return True


def build_chains(atoms: list[Atom], text: str) -> list[list[Atom]]:
    """Group sorted, non-overlapping atoms into chains of adjacent, grammatical atoms."""
    out: list[list[Atom]] = []
    i, n = 0, len(atoms)
    while i < n:
        c0 = category(atoms[i])
        if c0 is None:
            i += 1
            continue
        chain, cats = [atoms[i]], [c0]
        conj_at: int | None = None  # index of the first atom joined by "ও"/"এবং"
        j = i + 1
        while j < n:
            nc = category(atoms[j])
            if nc is None:
                break
            if gap_is_space(text, chain[-1].end, atoms[j].start):
                if not _can_follow(chain, cats, atoms[j], nc):
                    break
            elif (cats[-1] == "R" and not chain[-1].suffix and nc in ("R", "T")
                  and gap_is_conj(text, chain[-1].end, atoms[j].start)):
                conj_at = len(chain) if conj_at is None else conj_at
            else:
                break
            if nc == "P" and not _same_side(chain, cats, atoms[j]):
                break
            chain.append(atoms[j])
            cats.append(nc)
            j += 1
        if conj_at is not None and cats[-1] != "P":  # "প্রেসিডেন্ট ও প্রধানমন্ত্রী": two people
            j -= len(chain) - conj_at
            chain, cats = chain[:conj_at], cats[:conj_at]
        head = max((k for k, c in enumerate(cats) if c in "PRIS"), default=-1)
        if head < 0 and cats[-1] == "H":  # "মিঃ …": an honorific before a name we do not know
            head = len(cats) - 1
        if head >= 0:
            chain, cats = chain[: head + 1], cats[: head + 1]
            if not set(cats) & set("PRIH"):  # a lone scope: drop leading titles from the span
                chain = chain[cats.index("S"):]
            elif not set(cats) & set("PRIS"):  # honorifics only: keep them, from the first one
                chain = chain[cats.index("H"):]
            out.append(chain)
        i = j
    return out


class ChainResolver:
    """Turns chains into :class:`Resolved` actors for one article date."""

    def __init__(self, gaz: Gazetteer, when: dt.date | None, text: str) -> None:
        self.gaz = gaz
        self.when = when
        self.text = text

    def is_local_branch(self, chain: list[Atom], scope: Scope | None) -> bool:
        """A party preceded by ``জেলা``/``উপজেলা``… is a local branch (``উপজেলা বিএনপির সভাপতি``)."""
        if scope is None or scope.org is None or scope.org.sector == "GOV":
            return False
        return prev_token(self.text, chain[0].start) in self.gaz.local_units

    # ---------------------------------------------------------------- scopes and names

    def scope_of(self, atom: Atom) -> Scope:
        """The scope an S atom stands for (organisation > country > demonym > metonym)."""
        e = atom.first("org")
        if e is not None:
            o: Org = e.ref  # type: ignore[assignment]
            return Scope(o.key, o.code, o.name, o.sector, self.gaz.countries.get(o.code or ""), o)
        e = atom.first("country") or atom.first("demonym")
        if e is not None:
            c: Country = e.ref  # type: ignore[assignment]
            return Scope(c.code, c.code, c.name, "GOV", c, None)
        p = _metonym(atom)
        assert p is not None and p.actor is not None
        org = self.gaz.orgs.get(p.actor)
        return Scope(p.actor, p.actor, self.gaz.code_name(p.actor), org.sector if org else "GOV",
                     self.gaz.countries.get(p.actor), org)

    def institution_name(self, inst: Institution, scope: Scope | None) -> str | None:
        """Canonical name of an institution of ``scope`` (None when the country is unknown)."""
        if scope is None:
            return None
        if scope.org is not None and scope.org.sector != "GOV":
            o = scope.org.name  # a party's government, a group's leaders: "Awami League government"
            return f"{o} government" if inst.key == "government" else inst.template.format(name=o, adj=o, people=o)
        if scope.code is None:
            return None
        fixed = self.gaz.institution_names.get((scope.code, inst.key))
        if fixed:
            return fixed
        c = scope.country
        if c is None:
            return None
        return inst.template.format(name=c.name, adj=c.adjective, people=c.people)

    def person_actor(self, p: Person, text: str) -> Actor:
        return Actor(p.code, p.name, self.gaz.sector_at(p, self.when), text)

    # ---------------------------------------------------------------- resolution

    def resolve(self, chain: list[Atom], text: str) -> Resolved | None:
        """The actor a chain stands for, or None when it is not an actor mention."""
        cats = [category(a) for a in chain]
        roles = [a.first("role").ref for a, c in zip(chain, cats) if c == "R"]  # type: ignore[union-attr]
        role: Role | None = roles[-1] if roles else None  # type: ignore[assignment]
        role_id = role.role if role else None
        if cats[-1] == "P":
            if len(chain) == 1 and not chain[-1].suffix and self.gaz.eponym(next_token(self.text, chain[-1].end)):
                return None  # "জিয়া অরফানেজ ট্রাস্ট", "শেখ মুজিব মেডিকেল কলেজ": named after the person
            person: Person = chain[-1].first("person").ref  # type: ignore[union-attr,assignment]
            return Resolved(self.person_actor(person, text), role_id, "gazetteer")
        s_atoms = [a for a, c in zip(chain, cats) if c == "S"]
        scope = self.scope_of(s_atoms[0]) if s_atoms else None
        inst_atoms = [a for a, c in zip(chain, cats) if c == "I"]
        inst: Institution | None = inst_atoms[0].first("institution").ref if inst_atoms else None  # type: ignore[union-attr,assignment]
        if cats[-1] in ("I", "S") and self.office_only(chain[-1]) and self.legislature(chain[-1]):
            return None  # "জাতীয় সংসদ নির্বাচন", "সংসদ নির্বাচনে": an election, not the parliament acting
        if role is not None and cats[-1] == "R" and self.office_only(chain[-1]):
            if scope is None or s_atoms[0] is not chain[0]:
                return None
            res = self.resolve_scope(chain[0], scope, text)
            return Resolved(res.actor, None, res.resolved_by, 1) if res else None
        if role is not None:
            former = any(a.first("title").ref in ("former", "generic")  # type: ignore[union-attr]
                         for a, c in zip(chain, cats) if c == "T")
            former = former or self.is_local_branch(chain, scope)
            return self.resolve_role(role, scope, inst, former, text)
        if inst is not None:
            return self.resolve_institution(inst, scope, text)
        if scope is not None and len(chain) == 1:
            return self.resolve_scope(chain[0], scope, text)
        return None

    @staticmethod
    def legislature(atom: Atom) -> bool:
        """Whether the atom names a parliament (an organisation or institution of sector LEG)."""
        for kind in ("institution", "org"):
            e = atom.first(kind)
            if e is not None and getattr(e.ref, "sector", None) == "LEG":
                return True
        return False

    def office_only(self, atom: Atom) -> bool:
        """``প্রেসিডেন্ট নির্বাচন``: the role names an office or an election, not a person."""
        return not atom.suffix and next_token(self.text, atom.end) in self.gaz.role_blockers

    def scope_keys(self, role: Role, scope: Scope | None, inst: Institution | None) -> list[str]:
        """Tenure scopes to try, most specific first."""
        keys: list[str] = []
        if scope is not None:
            if inst is not None and scope.code:
                keys.append(f"{scope.code}:{inst.key}")
            if scope.key:
                keys.append(scope.key)
            if scope.code and scope.code not in keys and (scope.org is None or scope.org.sector == "GOV"):
                keys.append(scope.code)
        elif role.default_scope:
            keys.append(role.default_scope)
        return keys

    def resolve_role(self, role: Role, scope: Scope | None, inst: Institution | None,
                     former: bool, text: str) -> Resolved | None:
        """A role without a named person: its holder on the article date, else the scope."""
        if not former and self.when is not None:
            for key in self.scope_keys(role, scope, inst):
                t = self.gaz.holder(key, role.role, self.when)
                if t is not None:
                    return Resolved(self.person_actor(self.gaz.people[t.name], text), role.role, "role@date")
        if scope is None and role.default_scope:
            code = role.default_scope if role.default_scope in self.gaz.countries else None
            org = self.gaz.orgs.get(role.default_scope)
            code = code or (org.code if org else None)
            return Resolved(Actor(code, self.gaz.code_name(code), role.sector, text), role.role, "role")
        if scope is None:
            return None  # a bare role ("প্রধানমন্ত্রী") names nobody we can identify
        sector = scope.sector if scope.sector in GROUP_SECTORS else role.sector
        return Resolved(Actor(scope.code, scope.name, sector, text), role.role, "role")

    def resolve_institution(self, inst: Institution, scope: Scope | None, text: str) -> Resolved | None:
        if scope is None:
            if not inst.bare:
                return None
            return Resolved(Actor(None, None, inst.sector, text), None, "generic")
        sector = inst.sector
        if scope.org is not None and scope.org.sector in GROUP_SECTORS and inst.key in ("leaders", "officials"):
            sector = scope.org.sector
        return Resolved(Actor(scope.code, self.institution_name(inst, scope), sector, text),
                        None, "institution")

    def resolve_scope(self, atom: Atom, scope: Scope, text: str) -> Resolved | None:
        """A lone country, demonym, organisation or capital."""
        if scope.org is not None and atom.has("org"):
            return Resolved(Actor(scope.code, scope.name, scope.sector, text), None, "gazetteer")
        if atom.has("country"):
            return Resolved(Actor(scope.code, scope.name, "GOV", text), None, "gazetteer")
        if atom.has("demonym"):
            c = scope.country
            if atom.suffix in PLURAL_PEOPLE and c is not None:
                return Resolved(Actor(c.code, c.people, "CVL", text), None, "demonym")
            return Resolved(Actor(scope.code, scope.name, None, text), None, "demonym")
        return self.resolve_metonym(atom, scope, text)

    def resolve_metonym(self, atom: Atom, scope: Scope, text: str) -> Resolved | None:
        """A capital or seat standing for its government; locative forms are places."""
        place = _metonym(atom)
        if place is None or atom.suffix in LOCATIVE:
            return None
        if place.actor_mode == "strict" and atom.suffix not in STRICT_METONYM_SUFFIXES:
            return None
        following = next_token(self.text, atom.end)
        if following and following.startswith(self.gaz.place_nouns):
            return None
        return Resolved(Actor(scope.code, scope.name, scope.sector or "GOV", text), None, "metonym")

