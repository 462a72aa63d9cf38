"""``ghotona dates``: every expression with its span, resolution, precision, forward reading
and anchor; and the library call behind it."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from ghotona.cli import app
from ghotona.dates.report import explain

runner = CliRunner()
TEXT = "বৃহস্পতিবার ঢাকায় বৈঠক হয়। গত মাসে ২০২৩ সালের ১২\u00a0জানুয়ারী নিয়ে কথা হয়।"


def test_plain_output() -> None:
    res = runner.invoke(app, ["dates", TEXT, "--published", "2023-09-01"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "published 2023-09-01, anchor 2023-09-01"
    assert lines[1] == "0:11\tবৃহস্পতিবার\t→ 2023-08-31 (day, forward 2023-09-07)\tweekday"
    assert "গত মাসে\t→ 2023-08 (month)\tpublished" in lines[2]
    assert "২০২৩ সালের ১২\u00a0জানুয়ারী\t→ 2023-01-12 (day)\tabsolute" in lines[3]


def test_json_output_spans_index_the_input() -> None:
    res = runner.invoke(app, ["dates", TEXT, "--published", "2023-09-01", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["text"] for r in rows] == ["বৃহস্পতিবার", "গত মাসে", "২০২৩ সালের ১২\u00a0জানুয়ারী"]
    for r in rows:
        assert TEXT[r["start"]:r["end"]] == r["text"]
        assert r["anchor"] == "2023-09-01" and r["published"] == "2023-09-01" and r["encoding"] == "unicode"
    assert rows[2]["normalised"] == "2023 সালের 12 জানুয়ারি"
    assert (rows[0]["future"], rows[0]["future_precision"], rows[0]["resolved_by"]) == ("2023-09-07", "day", "weekday")


def test_anchor_moves_with_the_article_weekday() -> None:
    # stored Tuesday 6 August; "গতকাল মঙ্গলবার" says the print day is Wednesday 7 August
    rows = explain("গতকাল মঙ্গলবার সমাবেশ হয়। আজ আবার বৈঠক।", dt.date(2024, 8, 6))
    assert [(r["text"], r["date"], r["anchor"]) for r in rows] == [
        ("গতকাল মঙ্গলবার", "2024-08-06", "2024-08-07"), ("আজ", "2024-08-07", "2024-08-07")]


def test_without_publication_date() -> None:
    res = runner.invoke(app, ["dates", "গতকাল বৈঠক হয়, ১৩ সেপ্টেম্বর ২০২৩ সফর"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "published —, anchor —"
    assert "গতকাল\t→ unresolved (none)\tunresolved" in lines[1]
    assert "→ 2023-09-13 (day)\tabsolute" in lines[2]


def test_stdin_and_no_expressions() -> None:
    res = runner.invoke(app, ["dates", "-", "--published", "2024-01-01"], input="আগামী শুক্রবার নির্বাচন")
    assert res.exit_code == 0 and "আগামী শুক্রবার\t→ 2024-01-05 (day)" in res.stdout
    res = runner.invoke(app, ["dates", "রাশিয়া ও উত্তর কোরিয়া", "--published", "2024-01-01"])
    assert res.exit_code == 0 and "no date expressions found" in res.output


def test_bijoy_input_is_converted() -> None:
    bijoy = "XvKvq e„n¯úwZevi ˆeVK nq| AvMvgx gv‡m Avevi Avjvc n‡e e‡j Rvwb‡q‡Q miKvi|"
    res = runner.invoke(app, ["dates", bijoy, "--published", "2023-09-01", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["text"], r["date"], r["encoding"]) for r in rows][:2] == [
        ("বৃহস্পতিবার", "2023-08-31", "bijoy"), ("আগামী মাসে", "2023-10", "bijoy")]
    res = runner.invoke(app, ["dates", "e„n¯úwZevi", "--published", "2023-09-01", "--bijoy"])
    assert "(input converted from Bijoy/SutonnyMJ)" in res.stdout and "2023-08-31" in res.stdout


def test_bad_date_is_a_clear_error() -> None:
    res = runner.invoke(app, ["dates", TEXT, "--published", "01/09/2023"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
