"""Calibrated event confidence: the coder's raw score mapped to the precision it earns.

The coder scores each event from how complete its evidence is (a verb predicate, a coded
target, a named source, a date). That raw score orders events but is not a probability.
``data/events/calibration.tsv`` maps it, by isotonic regression (pool adjacent violators),
to the share of events with that score that matched a gold event on our own development
gold (``tests/gold``). ``make calibrate`` refits it; the reliability table of
``ghotona eval`` shows how well it holds on the other gold sets.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ghotona import tsv
from ghotona.errors import DataFileError

__all__ = ["Calibration", "fit", "load_calibration"]

_FILE = "calibration.tsv"
_HEADER = ("raw_upto", "calibrated", "n")


@dataclass(frozen=True, slots=True)
class Calibration:
    """A step function: a raw score ``<= raw_upto[i]`` (and above the previous step) maps to
    ``calibrated[i]``; scores above the last step map to the last value."""

    raw_upto: tuple[float, ...]
    calibrated: tuple[float, ...]
    n: tuple[int, ...]

    def __call__(self, raw: float) -> float:
        if not self.raw_upto:
            return raw
        i = min(bisect.bisect_left(self.raw_upto, raw - 1e-9), len(self.raw_upto) - 1)
        return self.calibrated[i]

    def to_tsv(self, note: str = "") -> str:
        lines = [f"# {line}" for line in (__doc__ or "").strip().splitlines()[:1]]
        if note:
            lines.append(f"# {note}")
        lines.append("\t".join(_HEADER))
        lines += [f"{r:.4f}\t{c:.4f}\t{n}" for r, c, n in zip(self.raw_upto, self.calibrated, self.n)]
        return "\n".join(lines) + "\n"


def parse(text: str, source: str = _FILE) -> Calibration:
    rows: list[tuple[float, float, int]] = []
    for where, row in tsv.rows(text, _HEADER, source):
        try:
            raw, cal, n = float(row["raw_upto"]), float(row["calibrated"]), int(row["n"])
        except ValueError as exc:
            raise DataFileError(f"{where}: bad row {row!r}: {exc}") from exc
        if not (0.0 <= raw <= 1.0 and 0.0 <= cal <= 1.0 and n > 0):
            raise DataFileError(f"{where}: values out of range in {row!r}")
        if rows and (raw <= rows[-1][0] or cal < rows[-1][1]):
            raise DataFileError(f"{where}: steps must rise in raw score and never fall in value")
        rows.append((raw, cal, n))
    return Calibration(tuple(r[0] for r in rows), tuple(r[1] for r in rows), tuple(r[2] for r in rows))


@functools.cache
def load_calibration(path: str | None = None) -> Calibration:
    """The shipped calibration (or the one at ``path``); an identity map if it has no rows."""
    if path is not None:
        return parse(Path(path).read_text(encoding="utf-8"), str(path))
    text = resources.files("ghotona").joinpath(f"data/events/{_FILE}").read_text(encoding="utf-8")
    return parse(text)


def fit(outcomes: Iterable[tuple[float, bool]], min_count: int = 5) -> Calibration:
    """Isotonic (non-decreasing) fit of match rate on raw score, by pool adjacent violators.

    ``outcomes`` are (raw score, matched a gold event) pairs. A step resting on fewer than
    ``min_count`` events is merged into a neighbour (which keeps the steps non-decreasing).
    """
    cells: dict[float, list[float]] = {}
    for raw, ok in outcomes:
        cell = cells.setdefault(round(float(raw), 4), [round(float(raw), 4), 0, 0])
        cell[1] += int(ok)
        cell[2] += 1
    blocks: list[list[float]] = []  # [upper raw score, matched, total]
    for cell in (cells[k] for k in sorted(cells)):
        blocks.append(list(cell))
        while len(blocks) > 1 and blocks[-1][1] / blocks[-1][2] < blocks[-2][1] / blocks[-2][2]:
            _merge(blocks, len(blocks) - 2)
    while len(blocks) > 1:
        thin = next((i for i, b in enumerate(blocks) if b[2] < min_count), None)
        if thin is None:
            break
        _merge(blocks, thin - 1 if thin > 0 else thin)
    return Calibration(tuple(b[0] for b in blocks), tuple(round(b[1] / b[2], 4) for b in blocks),
                       tuple(int(b[2]) for b in blocks))


def _merge(blocks: list[list[float]], i: int) -> None:
    """Merge blocks i and i + 1 (the upper score of the pair is kept)."""
    lo, hi = blocks[i], blocks[i + 1]
    blocks[i:i + 2] = [[hi[0], lo[1] + hi[1], lo[2] + hi[2]]]
