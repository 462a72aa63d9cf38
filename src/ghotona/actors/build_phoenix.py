"""Build ``data/gazetteer/phoenix_people.tsv`` from the Phoenix/PETRARCH2 actor dictionaries.

The English Phoenix dictionaries (``shared/reference/phoenix``, MIT, see its README) name
~15,000 office holders with CAMEO codes and tenures (``[RUSGOV 120507-...]``). ghotona uses
them as the English side of cross-script linking (:mod:`ghotona.actors.fuzzy`): a Bengali
name that the gazetteer does not know is romanised and compared with these names.

The packaged file is generated, never edited by hand::

    python -m ghotona.actors.build_phoenix ../shared/reference/phoenix \\
        src/ghotona/data/gazetteer/phoenix_people.tsv

It is run at development time only; nothing reads the Phoenix files at run time.

Output (UTF-8 TSV, ``#`` comment lines, one person a line)::

    name    codes                                   variants
    Vladimir Putin  RUSELI:19700101:19990809 RUSGOV:19991231:20080507 ...  Vladimir Vladimirovich Putin|...

``codes`` are space-separated ``CAMEO:start:end`` (``YYYYMMDD``, empty = open); ``variants``
are the other plain spellings of the name (titles such as PRESIDENT_ are dropped).

How the TABARI format is read (as PETRARCH2's ``read_actor_dictionary`` does): a line not
starting with ``+`` or a tab opens an entry (its ``[CODE ...]`` may follow on the same line),
``+`` lines add synonyms, tab-indented ``[CODE date]`` lines add codes; an entry without any
code shares the codes of the next entry that has some. An entry counts as a person when one
of its codes is date-restricted or it comes from CountryInfo (``# CountryInfo.txt``).
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

logger = logging.getLogger(__name__)

#: Phoenix files read, in order.
SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")

#: Tokens that make a synonym a title phrase, not a plain name.
TITLE_TOKENS = frozenset(["PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "AMBASSADOR", "FOREIGN", "DEFENSE", "DEFENCE", "CHIEF", "LEADER", "KING", "QUEEN", "PRINCE", "EMIR", "SHEIKH", "SULTAN", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "SIR", "LORD", "VICE", "DEPUTY", "GOVERNOR", "SENATOR", "SEN.", "REP.", "CONGRESSMAN", "CONGRESSWOMAN", "JUDGE", "JUSTICE", "ADMIRAL", "COLONEL", "COL.", "GEN.", "LT.", "MAJOR", "CAPTAIN", "COMMANDER", "MARSHAL", "SPEAKER", "CHAIRMAN", "CHAIRWOMAN", "CHANCELLOR", "MAYOR", "POPE", "CARDINAL", "ARCHBISHOP", "BISHOP", "AYATOLLAH", "IMAM", "REV.", "REVEREND", "FORMER", "EX", "SPOKESMAN", "SPOKESWOMAN", "ENVOY", "OFFICIAL", "U.N.", "UN", "UNITED", "NATIONS", "STATE", "STATES", "US", "U.S.", "THE", "OF", "AND", "FOR", "RUSSIAN", "AMERICAN", "CHINESE", "BRITISH", "FRENCH", "GERMAN", "INDIAN", "PAKISTANI", "ISRAELI", "IRANIAN", "IRAQI", "SYRIAN", "NORTH", "SOUTH", "KOREAN", "JAPANESE", "TURKISH", "EGYPTIAN", "SAUDI", "AFGHAN", "UKRAINIAN", "PALESTINIAN", "BANGLADESHI", "PREMIER", "MINISTRY", "PARTY", "GOVERNMENT", "ARMY", "COUNCIL", "COMMITTEE"])

_CODE_RX = regex.compile(r"\[([^\]\[]*)\]")
_DIGITS = regex.compile(r"\d{6,8}")


@dataclass
class _Entry:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)
    country_info: bool = False
    dated: bool = False


def _date(raw: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` as ``YYYYMMDD`` (two-digit years ≤ 30 are 20xx)."""
    if len(raw) == 8:
        return raw
    raw = raw[-6:]
    yy = int(raw[:2])
    return f"{2000 + yy if yy <= 30 else 1900 + yy}{raw[2:]}"


def parse_code(inside: str) -> tuple[str, str, str] | None:
    """``"RUSGOV 120507-130101"`` → ``("RUSGOV", "20120507", "20130101")``; None if unusable."""
    parts = inside.strip().split(None, 1)
    if not parts or not regex.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code, rest = parts[0], (parts[1] if len(parts) > 1 else "").strip()
    dates = _DIGITS.findall(rest)
    if not rest:
        return code, "", ""
    if rest.startswith(">") and dates:
        return code, _date(dates[0]), ""
    if rest.startswith("<") and dates:
        return code, "", _date(dates[0])
    if "-" in rest and len(dates) == 2:
        return code, _date(dates[0]), _date(dates[1])
    return None


def read_entries(lines: Iterable[str]) -> Iterator[_Entry]:
    """Entries of one TABARI actor file (see the module docstring)."""
    pending: list[_Entry] = []  # entries without codes yet: they share the next codes
    current: _Entry | None = None

    def flush() -> Iterator[_Entry]:
        if current is not None and current.codes:
            for p in pending:
                p.codes = list(current.codes)
                p.dated = p.dated or current.dated
                p.country_info = p.country_info or current.country_info
                yield p
            pending.clear()
            yield current
        elif current is not None:
            pending.append(current)

    for raw in lines:
        line = raw.rstrip("\n")
        body, _, comment = line.partition("#")
        if "---STOP---" in line:
            break
        if not body.strip():
            if not line.strip():  # a blank line ends a group of code-less entries
                yield from flush()
                pending.clear()
                current = None
            elif current is not None and "countryinfo" in comment.lower():
                current.country_info = True
            continue
        if body[0] in " \t":
            if current is not None:
                _add_codes(current, body)
            continue
        if body[0] == "+":
            if current is not None:
                current.names.append(body[1:].split("[")[0].strip())
            continue
        yield from flush()
        current = _Entry(names=[body.split("[")[0].strip()],
                         country_info="countryinfo" in comment.lower())
        _add_codes(current, body)
    yield from flush()


def _add_codes(entry: _Entry, body: str) -> None:
    for inside in _CODE_RX.findall(body):
        c = parse_code(inside)
        if c is not None:
            entry.codes.append(c)
            entry.dated = entry.dated or bool(c[1] or c[2])


def plain_name(phrase: str) -> str | None:
    """``"SERGEY_V._LAVROV_"`` → ``"Sergey V. Lavrov"``; None for title phrases and one word."""
    tokens = [t for t in regex.split(r"[_\s]+", phrase.strip().strip("_")) if t]
    if len(tokens) < 2 or any(t.upper() in TITLE_TOKENS for t in tokens):
        return None
    if not all(regex.fullmatch(r"[A-Za-z][A-Za-z.'\-]*", t) for t in tokens):
        return None
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in t.split("-")) for t in tokens)


def people(entries: Iterable[_Entry]) -> Iterator[tuple[str, list[tuple[str, str, str]], list[str]]]:
    """``(name, codes, variants)`` for the entries that are people."""
    for e in entries:
        if not (e.dated or e.country_info) or not e.codes:
            continue
        names: list[str] = []
        for n in e.names:
            p = plain_name(n)
            if p is not None and p not in names:
                names.append(p)
        if not names:
            continue
        codes = sorted(set(e.codes), key=lambda c: (c[1] or "0", c[0], c[2]))
        yield names[0], codes, names[1:]


def build(source_dir: Path, out: Path) -> int:
    """Write the person table from the Phoenix files in ``source_dir``; returns the row count."""
    merged: dict[str, tuple[list[tuple[str, str, str]], list[str]]] = {}
    for name in SOURCES:
        with (source_dir / name).open(encoding="utf-8", errors="replace") as fh:
            for person, codes, variants in people(read_entries(fh)):
                if person in merged:
                    old_codes, old_vars = merged[person]
                    old_codes.extend(c for c in codes if c not in old_codes)
                    old_vars.extend(v for v in variants if v not in old_vars)
                else:
                    merged[person] = (codes, variants)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Generated by ghotona.actors.build_phoenix from the PETRARCH2 Phoenix actor\n"
                 "# dictionaries (MIT, openeventdata/petrarch2 676801c). Do not edit by hand.\n"
                 "# codes: CAMEO:start:end (YYYYMMDD, empty = open); variants: other spellings.\n")
        fh.write("name\tcodes\tvariants\n")
        for person in sorted(merged):
            codes, variants = merged[person]
            fh.write(f"{person}\t{' '.join(':'.join(c) for c in codes)}\t{'|'.join(variants)}\n")
    logger.info("wrote %d people to %s", len(merged), out)
    return len(merged)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source_dir", type=Path, help="folder holding the Phoenix *.actors.txt files")
    ap.add_argument("out", type=Path, help="the TSV to write (phoenix_people.tsv)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    build(args.source_dir, args.out)


if __name__ == "__main__":
    main()
