"""Cross-script linking: a Bengali name the gazetteer does not know → a known English person.

Bengali spellings of foreign names vary (``ব্যাচেস্লাভ গ্লাদকভ`` / ``ভিয়াচেস্লাভ গ্লাদকভ``), and
most names in the news are in no Bengali list at all. A candidate name (the words after a
role word or an honorific, or after a country genitive) is

1. romanised: anyascii per character plus the Bengali inherent vowel (``কমলা`` → ``kamala``);
2. reduced to a coarse phonetic key shared with English (:func:`bn_key`, :func:`en_key`:
   ``bh``/``v``/``w`` → ``v``, ``ph`` → ``f``, aspirates dropped, ``z`` → ``j``, doubled
   letters and vowel runs collapsed), so ``সের্গেই ল্যাভরভ`` and ``Sergey Lavrov`` meet;
3. compared (rapidfuzz) with the keys of every known person: the English names and the
   romanised Bengali surfaces of ``people.tsv``, and the English Phoenix office holders of
   ``phoenix_people.tsv`` (built by :mod:`ghotona.actors.build_phoenix`).

A link is made only when all of these hold (a wrong link is worse than none):

* the name key has two words and at least :data:`MIN_KEY_LETTERS` letters, and no word of
  the name is a common Bengali word (:data:`STOPWORDS`);
* the whole key scores at least :data:`THRESHOLD` and the name has as many words as the
  candidate (or one fewer, two of them written together: জমির উদ্দিন / Jamiruddin); each word
  scores at least :data:`TOKEN_THRESHOLD` with its counterpart, and short words
  (:data:`SHORT_WORD`), name parts many people share and the words of Bangladeshi names
  (:data:`LOCAL_CODES`) must be equal;
* the best identity beats any other identity by :data:`MARGIN`;
* the person acted for the state of the context when one is known (the chain's country);
  with no state in the context only curated gazetteer people are candidates
  (:data:`PHOENIX_WITHOUT_CONTEXT`);
* a Bangladeshi name holding a very common part (:data:`COMMON_LOCAL_NAME_PARTS`: রহমান,
  আহমেদ, চৌধুরী…) links only to a gazetteer person, never to a Phoenix namesake.

These rules were calibrated on ``tests/data/person_links.tsv``, a held-aside list of Bengali
names from the development half of the corpus, none of which is a gazetteer surface
(precision and recall: ``docs/actors.md``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex
from anyascii import anyascii
from rapidfuzz import fuzz, process

from ghotona.actors.gazetteer import (
    BLOC_CODES,
    Gazetteer,
    Person,
    iso_codes,
    load_gazetteer,
    read_tsv,
)
from ghotona.actors.text import SUFFIXES

logger = logging.getLogger(__name__)

#: Minimum rapidfuzz ratio (0–100) of the whole name key (calibrated, see module docstring).
THRESHOLD = 86.0
#: Minimum ratio of each word of the name with the word of the candidate it aligns with.
TOKEN_THRESHOLD = 75.0
#: Words of at most this many key letters must match exactly (Qinwen ≠ Qingwei: kinin/kini).
SHORT_WORD = 4
#: A name part shared by this many known people must match exactly.
COMMON_TOKEN_PEOPLE = 8
#: Names of people of these states must match word for word.
LOCAL_CODES = frozenset({"BGD"})
#: Name parts that very many Bangladeshis bear (a name holding one is "generic": it is linked
#: to the curated gazetteer people only, never to a Phoenix namesake).
COMMON_LOCAL_NAME_PARTS = frozenset(["রহমান", "ইসলাম", "হোসেন", "হোসাইন", "হোসেইন", "আহমেদ", "আহমদ", "আহম্মেদ", "আলী", "আলি", "খান", "চৌধুরী", "উদ্দিন", "উদ্দীন", "মিয়া", "হক", "আলম", "কবির", "কবীর", "মোহাম্মদ", "মুহাম্মদ", "মোহাম্মাদ", "আব্দুল", "আবদুল", "শেখ", "সৈয়দ", "কাজী", "মোল্লা", "সরকার", "তালুকদার", "ভূঁইয়া", "ভুঁইয়া", "মজুমদার", "হাসান", "মাহমুদ", "আক্তার", "আখতার", "খাতুন", "সুলতানা", "রশিদ", "রশীদ", "করিম", "জামান", "কামাল", "ফারুক", "নূর", "আমিন", "রহিম", "ইকবাল", "শাহ", "মির্জা", "বিশ্বাস", "দাস", "রায়", "সাহা", "পাল", "হুমায়ুন", "হুমায়ূন", "মজিবুর", "মুজিবুর", "হাবিবুর", "মতিউর", "আতাউর", "জিল্লুর", "শফিকুর", "শফিকুল", "সাইফুল", "রফিকুল", "আনিসুর", "আনিসুল", "মিজানুর", "আজিজুর", "হাফিজুর"])
#: Whether a Phoenix office holder may be linked with no state in the context. Bengali news
#: introduces foreign people with their state ("জার্মান পররাষ্ট্রমন্ত্রী জশকা ফিশার"), and a
#: name standing alone is mostly a local namesake (a registrar called Humayun Kabir): without
#: a state only the curated gazetteer people are linked.
PHOENIX_WITHOUT_CONTEXT = False
#: A name part shared by this many local people marks a name as local (see :meth:`Linker.link`).
LOCAL_COMMON_PEOPLE = 3
#: The best identity must beat the best other identity by this much.
MARGIN = 3.0
#: Shorter keys (letters) are never linked: ``আহাদ আলী`` and ``Ayad Allawi`` share the key ``ad ali``.
MIN_KEY_LETTERS = 7
PHOENIX_FILE = "phoenix_people.tsv"
#: Common Bengali words that romanise like names (``সঙ্গে তিন`` ~ Soe Thein): a window holding
#: one is not a name.
STOPWORDS = frozenset(["ও", "এবং", "বা", "কিংবা", "সঙ্গে", "সাথে", "সঙ্গেও", "সাথেও", "জন্য", "হয়ে", "হয়", "হলে", "হতে", "হওয়ার", "হলো", "হল", "যেন", "এসব", "এই", "ওই", "সেই", "এ", "সে", "তা", "করে", "করা", "করেন", "করেছেন", "করেছে", "করার", "করতে", "কর্মী", "কর্মীরা", "কর্মীদের", "কর্মীকে", "দলীয়", "দলের", "দল", "বিভিন্ন", "স্থানীয়", "প্রতিটি", "প্রতি", "হাজার", "নাম", "দিকে", "অনেক", "আরও", "আর", "এক", "একটি", "একটা", "একজন", "সব", "সকল", "তার", "তাঁর", "তাদের", "তাঁদের", "তিনি", "তারা", "নিজ", "নিজে", "প্রথম", "দ্বিতীয়", "পাশে", "বাইরে", "মধ্যে", "থেকে", "কারণে", "কারণ", "হিসেবে", "হিসাবে", "বলেন", "বলেছেন", "জানান", "জানিয়েছেন", "কথা", "কাছে", "কাছ", "ওপর", "উপর", "পর", "আগে", "সময়", "বিষয়ে", "নিয়ে", "দিয়ে", "কোনো", "কোনও", "কোন", "যখন", "যে", "যা", "যারা", "সামনে", "মাধ্যমে", "কার্যালয়", "কার্যালয়ে", "কার্যালয়ের", "সদস্য", "সদস্যরা", "প্রার্থী", "পদে", "পদ", "মামলা", "মামলার", "আসন", "জেলা", "জেলার", "থানা", "শহর", "শহরে", "সড়ক", "বিমান", "হামলা", "হামলায়", "নিহত", "আহত", "আটক", "ছিলেন", "ছিল", "রয়েছে", "রয়েছেন", "আছে", "আছেন", "নেই", "না", "নয়", "সম্পাদক", "সভাপতি", "নেতা", "নেতারা", "মন্ত্রী", "উপদেষ্টা", "সরকার", "সরকারের", "দেশ", "দেশের", "জাতীয়", "কেন্দ্রীয়", "নারী", "বড়", "আপনি", "আপনার", "আমি", "আমরা", "আমাদের", "তুমি", "আপনারা"])

_WORDS = regex.compile(r"[\p{L}\p{M}.]+(?: [\p{L}\p{M}.]+){0,3}")

# --------------------------------------------------------------------------- phonetic keys

_BN_CONSONANT = regex.compile(r"[\u0995-\u09b9\u09dc-\u09df]")
_BN_SIGN = regex.compile(r"[\u09be-\u09cc\u09d7\u09cd\u09bc]")
_BN_PRE = (
    ("অ্যা", "আ"), ("এ্যা", "আ"), ("\u09cd\u09af\u09be", "\u09be"), ("\u09cd\u09af", ""),
    ("ং", "ঙ্"), ("ঁ", ""), ("ঃ", ""), ("ৎ", "ত্"), ("য়", "y"), ("\u09af\u09bc", "y"),
)
_EN_PRE = (
    ("ck", "k"), ("kh", "k"), ("ph", "f"), ("q", "k"), ("x", "ks"), ("c", "k"), ("w", "u"), ("oo", "u"), ("ee", "i"), ("ou", "u"),
)
_COMMON = (
    ("bh", "v"), ("w", "v"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"),
    ("sh", "s"), ("jh", "j"), ("z", "j"), ("ng", "n"), ("y", "i"),
)
_VOWELS = regex.compile(r"[aeiou]+")
_DOUBLE = regex.compile(r"([a-z])\1+")
_NON_ALPHA = regex.compile(r"[^a-z ]+")
_SOFT_C = regex.compile(r"c(?=[eiy])")
_CH_K = regex.compile(r"ch(?=[rl]|ae)")
_FINAL_E = regex.compile(r"(?<=[a-z][^aeiouy\W])e\b")
_ER = regex.compile(r"(?<=[a-z])er(?=s?\b)")


def romanise(bengali: str, inherent: bool = True) -> str:
    """anyascii romanisation of Bengali, with the inherent vowel between consonants when
    ``inherent`` (``কমলা হ্যারিস`` → ``kamala haris``; without: ``kmla haris``)."""
    s = unicodedata.normalize("NFC", bengali)
    for a, b in _BN_PRE:
        s = s.replace(a, b)
    out: list[str] = []
    n = len(s)
    for i, ch in enumerate(s):
        out.append(anyascii(ch))
        if _BN_CONSONANT.fullmatch(ch):
            nxt = s[i + 1] if i + 1 < n else " "
            final = nxt in " .-" or i + 1 >= n
            if inherent and not final and not _BN_SIGN.fullmatch(nxt):
                out.append("a")
    return "".join(out).lower().replace("'", "")


_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "o": "a", "u": "u"}


def _vowel(run: str) -> str:
    """A vowel run as one class, that of its last vowel (``ou`` → ``u``, ``ai`` → ``i``)."""
    return _VOWEL_CLASS[run[-1]]


def _common_key(s: str) -> str:
    for a, b in _COMMON:
        s = s.replace(a, b)
    s = _VOWELS.sub(lambda m: _vowel(m.group()), s)
    words = []
    for w in s.split():
        w = w[:1] + w[1:].replace("h", "")  # Sarah, John, রহমান/Rahman: h is too unstable
        w = _DOUBLE.sub(r"\1", w)
        if len(w) > 1:  # initials carry too little to compare
            words.append(w)
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def bn_keys(bengali: str) -> tuple[str, str]:
    """The phonetic keys of a Bengali name, with and without inherent vowels (Bengali
    writes no vowel where it is pronounced, ``জন`` John, and none where it is not,
    ``উইনস্টন`` Winston). Abbreviations such as ``ডি.`` are dropped."""
    words = " ".join(w for w in bengali.split() if not w.endswith("."))
    return (_common_key(_NON_ALPHA.sub(" ", romanise(words))),
            _common_key(_NON_ALPHA.sub(" ", romanise(words, inherent=False))))


def bn_key(bengali: str) -> str:
    """The phonetic key of a Bengali name (with inherent vowels)."""
    return bn_keys(bengali)[0]


@functools.cache
def en_key(english: str) -> str:
    """The phonetic key of an English (Latin-script) name."""
    s = anyascii(english).lower().replace("-", " ")
    s = _CH_K.sub("k", s.replace("sch", "s"))  # Christian, Michael: ch is ক
    s = s.replace("tch", "\x01").replace("ch", "\x01")  # other ch is চ; other c: k or s
    s = _FINAL_E.sub("", s)  # Karine, Albanese: a silent final e
    s = _SOFT_C.sub("s", s)
    s = _ER.sub("ar", s)  # Fischer → ফিশার, Peters → পিটার্স
    for a, b in _EN_PRE:
        s = s.replace(a, b)
    return _common_key(_NON_ALPHA.sub(" ", s.replace("\x01", "c")))


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True, slots=True)
class Tenure:
    code: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def holds(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person a name may link to: a gazetteer person or a Phoenix office holder."""

    name: str
    code: str | None
    sector: str | None
    tenures: tuple[Tenure, ...]
    source: str  # "gazetteer" or "phoenix"
    person: Person | None = None

    def at(self, when: dt.date | None) -> tuple[str | None, str | None]:
        """The ``(code, sector)`` the person acts for on ``when`` (else the default)."""
        if when is not None:
            live = [t for t in self.tenures if t.holds(when) and t.code]
            if live:
                t = max(live, key=lambda t: t.start or dt.date.min)
                return t.code, t.sector or self.sector
        return self.code, self.sector

    def codes(self) -> frozenset[str]:
        return frozenset({c for c in (self.code, *(t.code for t in self.tenures)) if c})


@dataclass(frozen=True, slots=True)
class Link:
    """A name linked to a candidate, with the score that justified it."""

    candidate: Candidate
    score: float
    key: str


_SECTOR_OF = {
    "GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "OPP": "PTY", "PTY": "PTY",
    "BUS": "BUS", "MED": "MED", "CVL": "CVL", "REB": "REB", "INS": "REB", "SEP": "REB",
    "COP": "GOV", "SPY": "GOV", "IGO": "IGO", "EDU": "CVL", "HLH": "CVL", "HRI": "CVL",
    "LAB": "CVL", "REL": "CVL", "ENV": "CVL", "AGR": "GOV", "DEV": "GOV", "REF": "CVL",
}
_IGO_OF = (("UNO", "UN"), ("WSTNAT", "NATO"), ("EUREEC", "EU"), ("MEAARL", "ARAB_LEAGUE"),
           ("SEAASN", "ASEAN"), ("AFRAFU", "AU"), ("MOSOIC", "OIC"))


def cameo_code(cameo: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code as ``(spec code, sector)``: ``RUSGOVMIL`` → ``("RUS", "GOV")``."""
    head, rest = cameo[:3], cameo[3:]
    if head == "IGO":
        for key, code in _IGO_OF:
            if rest.startswith(key):
                return code, "IGO"
        return None, "IGO"
    if head not in iso_codes():
        return None, None
    sector = None
    for k in range(0, len(rest) - 2, 3):
        sector = _SECTOR_OF.get(rest[k:k + 3])
        if sector is not None:
            break
    return head, sector


def _ymd(s: str) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date(int(s[:4]), int(s[4:6]) or 1, int(s[6:8]) or 1)
    except ValueError:
        return None


def read_phoenix(path: Path) -> Iterable[tuple[str, tuple[Tenure, ...], list[str]]]:
    """Rows of ``phoenix_people.tsv``: ``(name, tenures, variants)``."""
    for _, row in read_tsv(path, ("name", "codes", "variants")):
        tenures = []
        for c in row["codes"].split():
            cameo, start, end = c.split(":")
            code, sector = cameo_code(cameo)
            tenures.append(Tenure(code, sector, _ymd(start), _ymd(end)))
        yield row["name"], tuple(tenures), [v for v in row["variants"].split("|") if v]


def _default(tenures: tuple[Tenure, ...]) -> tuple[str | None, str | None]:
    """The code and sector of the latest coded tenure (state offices first)."""
    coded = [t for t in tenures if t.code]
    if not coded:
        return None, None
    latest = max(coded, key=lambda t: (t.sector is not None, t.start or dt.date.min))
    return latest.code, latest.sector or "GOV"


class Linker:
    """An immutable index of candidate keys; :meth:`link` finds the person a name names."""

    def __init__(self, entries: Iterable[tuple[str, Candidate]]) -> None:
        keys: list[str] = []
        cands: list[Candidate] = []
        seen: set[tuple[str, str]] = set()
        for key, cand in entries:
            words = key.split(" ")
            variants = [key]
            if len(words) >= 3 and not cand.codes() & LOCAL_CODES:
                variants.append(f"{words[0]} {words[-1]}")  # Tedros (Adhanom) Ghebreyesus
            for k in variants:
                if " " not in k or (k, cand.name) in seen:
                    continue  # one-word keys match far too much
                seen.add((k, cand.name))
                keys.append(k)
                cands.append(cand)
        self._keys = tuple(keys)
        self._cands = tuple(cands)
        by_code: dict[str, list[int]] = {}
        for i, cand in enumerate(cands):
            for code in cand.codes():
                by_code.setdefault(code, []).append(i)
        # per-state sub-indexes: a name after "রাশিয়ার" is compared with Russians only
        self._by_code = {c: (tuple(keys[i] for i in ix), tuple(ix)) for c, ix in by_code.items()}
        curated = [i for i, cand in enumerate(cands) if cand.source == "gazetteer"]
        self._curated = (tuple(keys[i] for i in curated), tuple(curated))
        people: dict[str, set[str]] = {}
        for key, cand in zip(keys, cands):
            for tok in key.split(" "):
                people.setdefault(tok, set()).add(cand.name)
        # name parts many people share (mamad, abdul, raman, islam…): only an exact match counts
        self._common = frozenset(t for t, who in people.items() if len(who) >= COMMON_TOKEN_PEOPLE)
        local: dict[str, set[str]] = {}
        for key, cand in zip(keys, cands):
            if cand.codes() & LOCAL_CODES:
                for tok in key.split(" "):
                    local.setdefault(tok, set()).add(cand.name)
        self._local_common = frozenset(t for t, who in local.items() if len(who) >= LOCAL_COMMON_PEOPLE) | {
            k for w in COMMON_LOCAL_NAME_PARTS for k in bn_keys(w)}
        self.size = len(keys)

    def link(self, name: str, code: str | None = None, when: dt.date | None = None,
             *, bengali: bool = True) -> Link | None:
        """The person ``name`` (Bengali by default) names, or None when no link is safe.

        ``code`` restricts candidates to people who acted for that state or bloc.
        """
        if any(w in STOPWORDS for w in name.split()):
            return None
        keys = bn_keys(name) if bengali else (en_key(name),)
        best: Link | None = None
        for key in dict.fromkeys(keys):
            if " " not in key or len(key) - key.count(" ") < MIN_KEY_LETTERS:
                continue
            if all(t in self._local_common for t in key.split(" ")):
                continue  # হুমায়ুন কবীর, মোহাম্মদ আলী: too many people bear such a name
            hit = self._link_key(key, code)
            if hit is not None and (best is None or hit.score > best.score):
                best = hit
        return best

    @functools.lru_cache(maxsize=32768)  # noqa: B019 - the linker lives as long as the process
    def _link_key(self, key: str, code: str | None) -> Link | None:
        if code is None and PHOENIX_WITHOUT_CONTEXT:
            keys, index = self._keys, None
        elif code is None:
            keys, index = self._curated
        elif code in self._by_code:
            keys, index = self._by_code[code]
        else:
            return None
        hits = process.extract(key, keys, scorer=fuzz.ratio, limit=20,
                               score_cutoff=THRESHOLD - MARGIN)
        best: tuple[float, Candidate] | None = None
        rival = 0.0
        # a local name with a widely shared part (রহমান, আহমেদ, কবীর, চৌধুরী…) may be anyone's
        generic = any(t in self._local_common for t in key.split(" "))
        for cand_key, score, pos in hits:
            cand = self._cands[pos if index is None else index[pos]]
            local = bool(cand.codes() & LOCAL_CODES)
            if code is None and cand.source != "gazetteer" and not PHOENIX_WITHOUT_CONTEXT:
                continue
            if local and cand.source != "gazetteer" and generic:
                continue  # a party's "সভাপতি মুজিবুর রহমান" is rarely the Mujibur Rahman of 2009
            if not self._tokens_agree(key, cand_key, local):
                continue
            if best is None:
                best = (score, cand)
            elif cand.name != best[1].name:
                rival = max(rival, score)
        if best is None or best[0] < THRESHOLD or best[0] - rival < MARGIN:
            return None
        return Link(best[1], best[0], key)

    def _tokens_agree(self, key: str, cand_key: str, local: bool) -> bool:
        """Word by word: the same number of words, each close enough (see the module doc)."""
        qs, cs = key.split(" "), cand_key.split(" ")
        if abs(len(qs) - len(cs)) == 1:  # জমির উদ্দিন / Jamiruddin: join two words of the longer
            longer, shorter = (qs, cs) if len(qs) > len(cs) else (cs, qs)
            return any(self._words_agree(longer[:i] + [longer[i] + longer[i + 1]] + longer[i + 2:],
                                         shorter, local) for i in range(len(longer) - 1))
        return self._words_agree(qs, cs, local)

    def _words_agree(self, qs: list[str], cs: list[str], local: bool) -> bool:
        if len(qs) != len(cs):
            return False
        for q, c in zip(qs, cs):
            if q == c:
                continue
            if local or q in self._common or c in self._common or min(len(q), len(c)) <= SHORT_WORD:
                return False
            if fuzz.ratio(q, c) < TOKEN_THRESHOLD:
                return False
        return True


@functools.lru_cache(maxsize=4)
def linker(directory: Path | None = None) -> Linker:
    """The process-wide linker over the gazetteer people and the Phoenix office holders."""
    return Linker(_entries(load_gazetteer(directory), directory))


def _entries(gaz: Gazetteer, directory: Path | None) -> Iterable[tuple[str, Candidate]]:
    by_key: dict[str, Candidate] = {}  # en_key of a canonical name → its candidate
    by_name: dict[str, Candidate] = {}
    for p in gaz.people.values():
        tenures = tuple(Tenure(t.scope.split(":")[0] if t.scope.split(":")[0] in gaz.countries
                               else (gaz.orgs[t.scope].code if t.scope in gaz.orgs else None),
                               t.sector, t.start, t.end) for t in gaz.person_tenures.get(p.name, ()))
        cand = Candidate(p.name, p.code, p.sector, tenures, "gazetteer", p)
        by_name[p.name] = cand
        by_key.setdefault(en_key(p.name), cand)
        yield en_key(p.name), cand
    for surface, entry in gaz.actor_surfaces:
        if entry.kind == "person":
            yield bn_key(surface), by_name[entry.ref.name]  # type: ignore[attr-defined]
    d = directory or Path(str(resources.files("ghotona") / "data" / "gazetteer"))
    path = d / PHOENIX_FILE
    if not path.exists():
        logger.warning("no %s in %s: cross-script linking uses the gazetteer only", PHOENIX_FILE, d)
        return
    for name, tenures, variants in read_phoenix(path):
        keys = [en_key(v) for v in (name, *variants)]
        same = next((by_key[k] for k in keys if k in by_key), None)
        if same is None:  # a new person (not a gazetteer one, nor a Phoenix duplicate)
            code, sector = _default(tenures)
            if code is None or (code not in BLOC_CODES and code not in gaz.countries):
                continue
            same = Candidate(name, code, sector, tenures, "phoenix")
            by_key[keys[0]] = same
        for k in keys:
            yield k, same


# --------------------------------------------------------------------------- in running text


@dataclass(frozen=True, slots=True)
class FuzzyLink:
    """A name found after ``pos`` in normalised text and the person it links to."""

    candidate: Candidate
    end: int  # normalised offset after the name and its ending
    suffix: str
    score: float

    @property
    def person(self) -> Candidate:
        return self.candidate


def strip_suffix(word: str) -> tuple[str, str]:
    """Split a case ending off the last word of a name (longest ending that leaves a stem)."""
    for k in range(min(len(word) - 2, 5), 0, -1):
        if word[-k:] in SUFFIXES:
            return word[:-k], word[-k:]
    return word, ""


def name_words(text: str, pos: int, limit: int) -> list[str]:
    """Up to four words starting after the single space at ``pos`` (none past ``limit``)."""
    if pos >= len(text) or text[pos:pos + 1] != " ":
        return []
    m = _WORDS.match(text, pos + 1, limit)
    return m.group().split(" ") if m else []


def link_after(text: str, pos: int, limit: int, code: str | None,
               when: dt.date | None = None) -> FuzzyLink | None:
    """A known person named by the 2–4 words after ``pos`` (before ``limit``), if any.

    ``code`` is the state of the context (the chain's scope); a person of another state
    is not linked.
    """
    words = name_words(text, pos, limit)
    lk = linker()
    best: FuzzyLink | None = None
    start = pos + 1
    for n in (2, 3, 4):
        if len(words) < n:
            break
        end = start + len(" ".join(words[:n]))
        # the whole word first, then without its ending (a dict, not a set: the order, and so
        # the winner of a tie, must not depend on the process's string hashing)
        for stem, suffix in dict.fromkeys([(words[n - 1], ""), strip_suffix(words[n - 1])]):
            hit = lk.link(" ".join(words[: n - 1] + [stem]), code, when)
            if hit is None or (best is not None and hit.score <= best.score):
                continue
            best = FuzzyLink(hit.candidate, end, suffix, hit.score)
    if best is not None:
        logger.debug("fuzzy link %r -> %s (%.1f)", text[start:best.end], best.candidate.name, best.score)
    return best


#: Honorifics after which an unknown name is still kept, as an unlinked actor (ranks such as
#: জেনারেল or words such as শহীদ also stand alone, so they are not here).
UNLINKED_HONORIFICS = frozenset(
    unicodedata.normalize("NFC", w) for w in (
        "মিঃ", "মি.", "মিস্টার", "জনাব", "ড.", "ডঃ", "ডক্টর", "ডা.", "মিসেস", "মিস", "বেগম", "স্যার",
        "অধ্যাপক", "প্রফেসর", "ব্যারিস্টার", "অ্যাডভোকেট", "এডভোকেট"))
#: Endings that end a name for sure (a bare ``র`` may belong to the name: জাবের).
_CLEAR_ENDINGS = ("কে", "কেও", "ের", "এর", "দের", "েরও", "য়ের")
_VERBISH = regex.compile(r"(?:েন|েছেন|েছে|েছিল|েছিলেন|বে|বেন|তে|লে)$")


@functools.lru_cache(maxsize=1)
def _institution_words() -> tuple[str, ...]:
    extra = ("বিদ্যালয়", "উচ্চবিদ্যালয়", "স্কুল", "ভবন", "হল", "একাডেমি", "ইনস্টিটিউট", "ফাউন্ডেশন")
    return tuple(sorted(set(load_gazetteer().place_nouns) | {unicodedata.normalize("NFC", w) for w in extra}))


def unlinked_name(text: str, pos: int, limit: int) -> tuple[int, str] | None:
    """The extent of an unknown name after an honorific ending at ``pos``: ``(end, suffix)``.

    Up to three words, stopping before a common word or a verb and after a word with a
    clear case ending (whose ending becomes the suffix). None when no word qualifies.
    """
    words = name_words(text, pos, limit)[:3]
    if any(w.startswith(_institution_words()) for w in words):
        return None  # স্যার সলিমুল্লাহ মেডিকেল কলেজ: a place named after a person
    kept, suffix = _name_run(words, lambda w, kept: w in STOPWORDS or bool(kept) and (
        w.endswith(".") or bool(_VERBISH.search(w))))
    if not kept:
        return None
    return pos + 1 + len(" ".join(kept)), suffix


def _name_run(words: list[str], stop: Callable[[str, list[str]], bool]) -> tuple[list[str], str]:
    """The words of a name: up to the first ``stop`` word, or through the first word with a
    clear case ending (which becomes the suffix)."""
    kept: list[str] = []
    for w in words:
        if stop(w, kept):
            break
        kept.append(w)
        ending = next((e for e in _CLEAR_ENDINGS if w.endswith(e) and len(w) > len(e) + 1), None)
        if ending is not None:
            return kept, ending
    return kept, ""


def other_name(text: str, pos: int, limit: int) -> tuple[int, str] | None:
    """An unknown name of two or three words right after a role ending at ``pos`` (``হামাস নেতা
    সালেহ আল-আরৌরি``): ``(end, suffix)``, else None. Stricter than :func:`unlinked_name`:
    no word may be a common word, look like a verb or carry a locative ending, so a role
    followed by the rest of its sentence (প্রধানমন্ত্রী গাজায় যান) keeps its holder."""
    words = name_words(text, pos, limit)[:3]
    kept, suffix = _name_run(words, lambda w, _: w in STOPWORDS or bool(_VERBISH.search(w))
                             or w.endswith(("য়", "তে", "ে", ".")))
    if len(kept) < 2 or any(w.startswith(_institution_words()) for w in kept):
        return None
    return pos + 1 + len(" ".join(kept)), suffix

