"""Confidence calibration: isotonic fit, the shipped table, and its use on events."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghotona.errors import DataFileError
from ghotona.events.calibration import fit, load_calibration, parse


def test_fit_pools_violators_and_thin_steps():
    outcomes = ([(0.7, False)] * 6 + [(0.7, True)] * 4 + [(0.8, True)] * 3 + [(0.8, False)] * 7
                + [(0.95, True)] * 9 + [(0.95, False)] + [(0.99, True)])
    cal = fit(outcomes)
    # 0.7 (40%) and 0.8 (30%) violate monotonicity: pooled to 7/20; the lone 0.99 joins 0.95.
    assert cal.raw_upto == (0.8, 0.99) and cal.calibrated == (0.35, 0.9091) and cal.n == (20, 11)
    assert cal(0.5) == 0.35 and cal(0.8) == 0.35 and cal(0.85) == 0.9091 and cal(1.0) == 0.9091


@given(st.lists(st.tuples(st.sampled_from([0.5, 0.6, 0.7, 0.8, 0.9, 0.95]), st.booleans()), min_size=1))
def test_fit_is_monotone_and_counts_every_outcome(outcomes):
    cal = fit(outcomes)
    assert list(cal.calibrated) == sorted(cal.calibrated)
    assert sum(cal.n) == len(outcomes)
    assert all(0.0 <= c <= 1.0 for c in cal.calibrated)
    assert parse(cal.to_tsv()) == cal


def test_shipped_table_loads_and_is_monotone():
    cal = load_calibration()
    assert cal.raw_upto, "the shipped calibration table has no rows"
    assert list(cal.calibrated) == sorted(cal.calibrated)
    assert sum(cal.n) >= 50


@pytest.mark.parametrize("bad", [
    "raw\tcalibrated\n",                                              # wrong header
    "raw_upto\tcalibrated\tn\n0.9\t0.8\t10\n0.8\t0.9\t10\n",          # raw not rising
    "raw_upto\tcalibrated\tn\n0.8\t0.9\t10\n0.9\t0.5\t10\n",          # value falls
    "raw_upto\tcalibrated\tn\n0.8\tx\t10\n",                          # not a number
    "raw_upto\tcalibrated\tn\n0.8\t1.5\t10\n",                        # out of range
])
def test_bad_tables_are_refused_with_the_line(bad):
    with pytest.raises(DataFileError, match="calibration.tsv:"):
        parse(bad, "calibration.tsv")
