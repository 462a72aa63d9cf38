import datetime as dt
import json

import pytest

from conftest import HTML_DIR, SEEDS, is_dev_half
from ghotona.model import Article, Failure
from ghotona.readers import decode_bytes, parse_date, read_inputs, read_jsonl, read_path

DEV_HTML = sorted(p for p in HTML_DIR.glob("*.html") if is_dev_half(p.stem))


def test_text_file_id_is_stem():
    path = SEEDS / "000_e51bf2022168d2be.txt"
    art = next(read_path(path, dt.date(2024, 2, 7)))
    assert isinstance(art, Article)
    assert art.article_id == "000_e51bf2022168d2be"
    assert art.published == dt.date(2024, 2, 7) and art.published_source == "given"
    assert art.raw == path.read_text(encoding="utf-8")


def test_folder_reads_every_file_sorted():
    arts = list(read_path(SEEDS))
    assert [a.article_id for a in arts] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "text": "রাশিয়া", "published": "2024-01-02", "outlet": "X", "title": "t"}),
        "{not json",
        json.dumps({"id": "a3", "text": 5}),
        json.dumps(["list"]),
        json.dumps({"id": "a5", "text": "ঢাকা", "published": "yesterday"}),
        json.dumps({"text": "কোনো আইডি নেই"}),
    ]), encoding="utf-8")
    out = list(read_jsonl(p))
    assert isinstance(out[0], Article) and out[0].published == dt.date(2024, 1, 2) and out[0].outlet == "X"
    assert isinstance(out[1], Failure) and "line 2" in out[1].reason and "JSON" in out[1].reason
    assert isinstance(out[2], Failure) and "'text' must be a string" in out[2].reason and out[2].article_id == "a3"
    assert isinstance(out[3], Failure) and "expected a JSON object" in out[3].reason
    assert isinstance(out[4], Failure) and "published" in out[4].reason
    assert isinstance(out[5], Article) and len(out[5].article_id) == 16  # content hash


def test_jsonl_given_date_fills_only_missing(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "ক", "published": "2020-01-01"}) + "\n"
                 + json.dumps({"id": "b", "text": "খ"}) + "\n", encoding="utf-8")
    a, b = read_jsonl(p, dt.date(2024, 5, 5))
    assert a.published == dt.date(2020, 1, 1) and b.published == dt.date(2024, 5, 5)


@pytest.mark.parametrize("path", DEV_HTML, ids=[p.stem for p in DEV_HTML])
def test_real_html_pages(path):
    art = next(read_path(path))
    assert isinstance(art, Article)
    assert art.article_id == path.stem
    assert len(art.raw) > 300 and "<" not in art.raw[:200]
    assert art.published is not None and art.published_source == "page"
    assert art.title


def test_binary_empty_and_missing(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    out = {x.article_id: x for x in read_inputs([tmp_path, tmp_path / "nope.txt"])}
    assert "binary" in out["bin"].reason
    assert "UTF-8" in out["latin"].reason
    assert "empty" in out["empty"].reason
    assert "no such file" in out["nope"].reason


def test_decode_utf16_bom():
    assert decode_bytes("রাশিয়া".encode("utf-16")) == "রাশিয়া"


def test_parse_date():
    assert parse_date("2023-09-01T21:21:00+06:00") == dt.date(2023, 9, 1)
    assert parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date(20230901)
