"""Near-duplicate articles: MinHash LSH over Bengali word 3-gram shingles.

A syndicated copy (the same agency text with a header added or a few words changed) must
be coded once. ``DuplicateIndex`` keeps one MinHash signature per article in a datasketch
``MinHashLSH``; a new article's LSH candidates are verified by their estimated Jaccard
similarity, and articles linked by a verified pair form one group (union-find). The
*original* of a group is its earliest published article, ties (and unknown dates, which
sort last) broken by id, so the final grouping does not depend on the order of ``add``.

Determinism is explicit: the seed, the permutation scheme and the hash function are
parameters (datasketch style), and the band/row choice for the threshold is computed by
the pure functions below, never inside the class.
"""

from __future__ import annotations

import datetime as dt
import logging
import types
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping

import regex
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from ghotona.clean import clean_text
from ghotona.model import Article, Failure

LOGGER = logging.getLogger(__name__)

__all__ = [
    "DuplicateIndex", "candidate_probability", "false_negative_probability",
    "false_positive_probability", "normalise", "optimal_params", "shingles", "skip_duplicates", "words",
]

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Bengali digits read as ASCII digits; zero-width (non-)joiners only change rendering.
_FOLD: Mapping[int, int | None] = types.MappingProxyType({
    **{0x09E6 + i: ord(str(i)) for i in range(10)}, 0x200C: None, 0x200D: None,
})
_SCHEME = "affine32"   # datasketch's 32-bit affine permutations (pinned: signatures stay comparable)
_INTEGRATION_STEPS = 64


# -- text -> shingles ---------------------------------------------------------------------

def normalise(text: str) -> str:
    """NFC, case-folded, Bengali digits as ASCII, zero-width joiners removed."""
    return unicodedata.normalize("NFC", text).casefold().translate(_FOLD)


def words(text: str) -> list[str]:
    """Words of the normalised text: runs of letters, marks (Bengali vowel signs) and digits."""
    found: list[str] = WORD.findall(normalise(text))
    return found


def shingles(text: str, size: int = 3) -> set[str]:
    """The set of word ``size``-grams of ``text`` (one shingle for a shorter text)."""
    ws = words(text)
    if len(ws) < size:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + size]) for i in range(len(ws) - size + 1)}


# -- LSH band math (pure) -------------------------------------------------------------------

def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that two sets of Jaccard ``similarity`` share at least one LSH band."""
    return 1.0 - (1.0 - similarity ** rows) ** bands


def _integrate(f: Callable[[float], float], a: float, b: float, steps: int = _INTEGRATION_STEPS) -> float:
    """Simpson's rule with an even number of steps (deterministic, no scipy)."""
    if b <= a:
        return 0.0
    h = (b - a) / steps
    total = f(a) + f(b)
    for i in range(1, steps):
        total += (4 if i % 2 else 2) * f(a + i * h)
    return total * h / 3


def false_positive_probability(threshold: float, bands: int, rows: int) -> float:
    """Area under the S-curve below ``threshold``: dissimilar pairs that become candidates."""
    return _integrate(lambda s: candidate_probability(s, bands, rows), 0.0, threshold)


def false_negative_probability(threshold: float, bands: int, rows: int) -> float:
    """Area above the S-curve from ``threshold`` to 1: similar pairs that are missed."""
    return _integrate(lambda s: 1.0 - candidate_probability(s, bands, rows), threshold, 1.0)


def optimal_params(threshold: float, num_perm: int,
                   weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """The (bands, rows) with ``bands * rows <= num_perm`` minimising the weighted error.

    ``weights`` = (false-positive weight, false-negative weight); ties go to fewer bands.
    """
    _check_threshold(threshold)
    if num_perm < 2:
        raise ValueError(f"num_perm must be >= 2, got {num_perm}")
    if len(weights) != 2 or min(weights) < 0 or abs(sum(weights) - 1.0) > 1e-9:
        raise ValueError(f"weights must be two non-negative numbers summing to 1, got {weights!r}")
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            err = (weights[0] * false_positive_probability(threshold, bands, rows)
                   + weights[1] * false_negative_probability(threshold, bands, rows))
            if best is None or err < best[0] - 1e-12:
                best = (err, bands, rows)
    assert best is not None
    return best[1], best[2]


def _check_threshold(threshold: float) -> None:
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be in (0, 1), got {threshold!r}")


# -- the index ------------------------------------------------------------------------------

def _order_key(published: dt.date | None, article_id: str) -> tuple[bool, dt.date, str]:
    return (published is None, published or dt.date.min, article_id)


class DuplicateIndex:
    """Near-duplicate groups of articles, deterministic and independent of insertion order.

    Args:
        threshold: estimated Jaccard similarity of shingle sets at or above which two
            articles are duplicates (also the LSH design point). 0.7 because a duplicate is
            not coded: on the corpus dev half, short updates of a developing story that
            reuse the outlet's background paragraphs reach 0.58-0.60 while being different
            news, and re-published or syndicated copies score 0.72-0.96.
        num_perm: MinHash permutations (signature length).
        seed: permutation seed; signatures from different seeds are never compared.
        shingle_size: words per shingle.
        hashfunc: ``bytes -> int`` 32-bit hash of a shingle (injected; datasketch's sha1 default).
        weights: (false positive, false negative) weights for choosing bands and rows.
        min_shingles: texts with fewer shingles are never called duplicates.
    """

    def __init__(self, *, threshold: float = 0.7, num_perm: int = 128, seed: int = 1, shingle_size: int = 3,
                 hashfunc: Callable[[bytes], int] = sha1_hash32, weights: tuple[float, float] = (0.5, 0.5),
                 min_shingles: int = 5) -> None:
        _check_threshold(threshold)
        if not callable(hashfunc):
            raise ValueError("hashfunc must be a callable bytes -> int")
        if shingle_size < 1:
            raise ValueError(f"shingle_size must be >= 1, got {shingle_size}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self.shingle_size = shingle_size
        self.min_shingles = min_shingles
        self.hashfunc = hashfunc
        self.bands, self.rows = optimal_params(threshold, num_perm, weights)
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=hashfunc, scheme=_SCHEME)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=(self.bands, self.rows))
        self._sigs: dict[str, MinHash] = {}
        self._published: dict[str, dt.date | None] = {}
        self._parent: dict[str, str] = {}
        self._original: dict[str, str] = {}   # group root -> its original

    # -- signatures --
    def signature(self, text: str) -> MinHash | None:
        """The MinHash of ``text``'s shingles, or None when it has fewer than ``min_shingles``."""
        sh = shingles(text, self.shingle_size)
        if len(sh) < self.min_shingles:
            return None
        m = MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=self.hashfunc,
                    permutations=self._template.permutations, scheme=_SCHEME)
        m.update_batch([s.encode("utf-8") for s in sorted(sh)])
        return m

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed articles (0.0 if either is too short)."""
        sa, sb = self._sigs.get(a), self._sigs.get(b)
        if sa is None or sb is None:
            return 0.0
        return float(sa.jaccard(sb))

    # -- groups --
    def _find(self, x: str) -> str:
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if ra > rb:          # deterministic root choice (any choice gives the same groups)
            ra, rb = rb, ra
        self._parent[rb] = ra
        oa, ob = self._original[ra], self._original.pop(rb)
        self._original[ra] = min(oa, ob, key=lambda i: _order_key(self._published[i], i))

    def add(self, article_id: str, text: str, published: dt.date | None = None) -> str | None:
        """Index an article; return the id of the original it duplicates, or None.

        Adding an id again changes nothing and returns its current original.
        """
        if article_id in self._parent:
            orig = self.original_of(article_id)
            return None if orig == article_id else orig
        self._parent[article_id] = article_id
        self._original[article_id] = article_id
        self._published[article_id] = published
        sig = self.signature(text)
        if sig is None:
            return None
        for other in sorted(self._lsh.query(sig)):
            if float(sig.jaccard(self._sigs[other])) >= self.threshold:
                self._union(article_id, other)
        self._sigs[article_id] = sig
        self._lsh.insert(article_id, sig)
        orig = self.original_of(article_id)
        if orig != article_id:
            LOGGER.debug("%s duplicates %s", article_id, orig)
        return None if orig == article_id else orig

    def original_of(self, article_id: str) -> str:
        """The original of the article's group (the article itself if it is the original)."""
        if article_id not in self._parent:
            raise KeyError(f"article {article_id!r} is not in the index")
        return self._original[self._find(article_id)]

    def duplicates(self) -> dict[str, str]:
        """Every duplicate article id -> its original, sorted by id."""
        out = {}
        for aid in sorted(self._parent):
            orig = self.original_of(aid)
            if orig != aid:
                out[aid] = orig
        return out

    def groups(self) -> list[tuple[str, ...]]:
        """Groups of two or more articles, each sorted original-first, sorted by original."""
        by_root: dict[str, list[str]] = {}
        for aid in self._parent:
            by_root.setdefault(self._find(aid), []).append(aid)
        out = [tuple(sorted(m, key=lambda i: _order_key(self._published[i], i)))
               for m in by_root.values() if len(m) > 1]
        return sorted(out)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._parent

    def __len__(self) -> int:
        return len(self._parent)


def _cleaned_text(article: Article) -> str:
    """The text the pipeline's clean stage would code (so dedup and coding see the same text)."""
    return article.text or clean_text(article.raw)


def skip_duplicates(items: Iterable[Article | Failure], index: DuplicateIndex, *,
                    text_of: Callable[[Article], str] | None = None,
                    on_duplicate: Callable[[Article, str], None] | None = None) -> Iterator[Article | Failure]:
    """Pass articles through, dropping those that duplicate an already indexed article.

    ``text_of`` gives the text to compare (default: the cleaned text, as the pipeline cleans
    it); ``on_duplicate(article, original_id)`` is told about every dropped article so the
    caller can record the link. Failures pass through unchanged.
    """
    get_text = text_of or _cleaned_text
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        original = index.add(item.article_id, get_text(item), item.published)
        if original is None:
            yield item
        elif on_duplicate is not None:
            on_duplicate(item, original)
