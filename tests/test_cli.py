import json

from typer.testing import CliRunner

from conftest import DEV, ROOT, SEEDS
from ghotona.cli import app

runner = CliRunner()
SEED = str(SEEDS / "003_49b6c1c4f05628d4.txt")


def test_extract_jsonl_and_articles_out(tmp_path):
    arts = tmp_path / "cleaned.jsonl"
    res = runner.invoke(app, ["extract", SEED, "--published", "2023-09-13", "--articles-out", str(arts)])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert events and all(e["article_id"] == "003_49b6c1c4f05628d4" for e in events)
    cleaned = [json.loads(line) for line in arts.read_text(encoding="utf-8").splitlines()]
    assert cleaned[0]["published"] == "2023-09-13" and cleaned[0]["published_source"] == "given"
    assert "[বিজ্ঞাপন_২]" not in cleaned[0]["text"] and cleaned[0]["failure"] is None


def test_extract_table_and_output_file(tmp_path):
    out = tmp_path / "e.jsonl"
    res = runner.invoke(app, ["extract", SEED, "--published", "2023-09-13", "-o", str(out)])
    assert res.exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") >= 1
    res = runner.invoke(app, ["extract", SEED, "--published", "2023-09-13", "--format", "table"])
    assert res.exit_code == 0 and "CONSULT" in res.stdout


def test_bad_date_option_is_a_clear_error():
    res = runner.invoke(app, ["extract", SEED, "--published", "13/09/2023"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_all_inputs_failing_exits_1(tmp_path):
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "e.txt")])
    assert res.exit_code == 1 and "empty" in res.output


def test_ingest_is_idempotent_and_events_lists(tmp_path):
    db = str(tmp_path / "g.db")
    seeds = str(ROOT / "examples" / "seeds.jsonl")
    first = runner.invoke(app, ["ingest", seeds, "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 new" in first.output
    second = runner.invoke(app, ["ingest", seeds, "--db", db])
    assert "0 new, 0 replaced, 5 unchanged, 0 near-duplicates skipped; events: 0 " in " ".join(second.output.split()) + " "
    res = runner.invoke(app, ["events", "--db", db, "--actor", "PRK", "--format", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all("PRK" in (e["source"]["code"], (e["target"] or {}).get("code")) for e in rows)
    res = runner.invoke(app, ["events", "--db", db, "--type", "CONSULT", "--since", "2023-09-01",
                              "--until", "2023-09-30", "--format", "jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all(e["event_type"] == "CONSULT" and e["date"].startswith("2023-09") for e in rows)


def test_ingest_records_failures(tmp_path):
    db = str(tmp_path / "g.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x00")
    (tmp_path / "in" / "ok.txt").write_text((SEEDS / "001_7f330cefc62f35d8.txt").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--published", "2023-09-22"])
    assert res.exit_code == 0 and "failures: 1" in res.output and "1 new" in res.output


def test_eval_gate(tmp_path):
    base = tmp_path / "b.json"
    res = runner.invoke(app, ["eval", "--gold", str(DEV), "--baseline", str(base), "--update-baseline"])
    assert res.exit_code == 0, res.output
    floors = json.loads(base.read_text())["dev"]["floors"]
    assert floors["f1"] > 0
    res = runner.invoke(app, ["eval", "--gold", str(DEV), "--baseline", str(base)])
    assert res.exit_code == 0 and "quality gate passed" in res.output
    data = json.loads(base.read_text())
    data["dev"]["floors"]["f1"] = 0.999
    base.write_text(json.dumps(data))
    res = runner.invoke(app, ["eval", "--gold", str(DEV), "--baseline", str(base)])
    assert res.exit_code == 1 and "below its floor" in res.output
    res = runner.invoke(app, ["eval", "--gold", str(DEV), "--baseline", str(base), "--update-baseline"])
    assert res.exit_code == 1 and "refusing to lower" in res.output


def test_ingest_skips_near_duplicates_and_clusters_stories(tmp_path):
    """A syndicated copy (same text, other id and outlet) is linked, not coded twice."""
    db = str(tmp_path / "d.db")
    seeds = [json.loads(line) for line in (ROOT / "examples" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    copy = dict(seeds[1], id="copy-of-" + seeds[1]["id"], outlet="Another Outlet",
                text=seeds[1]["text"] + "\nআরও খবর পড়ুন।")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [*seeds, copy]), encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "5 new" in out and "1 near-duplicates skipped" in out
    from ghotona.store import Store
    from ghotona.store.stories import list_stories
    import sqlalchemy as sa
    with Store(db) as store:
        with store.engine.connect() as conn:
            links = conn.execute(sa.text("select article_id, original_id from article_duplicates")).all()
            unassigned = conn.execute(sa.text("select count(*) from events where story is null")).scalar()
        assert links == [(copy["id"], seeds[1]["id"])]
        assert unassigned == 0
        assert list_stories(store)
