"""A generated hostile-input corpus: what the web serves a monitor left alone for months.

``hostile_items(n_per_kind, rng)`` yields ``Item``s of many kinds (empty, binary, broken
encodings, legacy Bijoy, pages without a body, 50 MB pages, deep markup, broken JSONL, wrong
field types, absurd dates, 10,000 repeated sentences, mixed scripts, bidi marks…), each
with the outcomes it may have. ``write_corpus`` lays them out as real files (text, HTML and
JSONL) for the real readers; ``expected_key`` says under which id the ingest log records
each. Bengali text comes from examples/seeds.jsonl and, read at run time, the development
half of the shared corpus (never copied into the repository).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "bn_news.jsonl"
HTML_DIR = ROOT.parent / "shared" / "corpus" / "html"
MB = 1 << 20

STORED, FAILED, DUP = "stored", "failed", "duplicate"
OK = frozenset({STORED, DUP})            # Bengali text: coded (a random copy may be a near-duplicate)
ANY = frozenset({STORED, FAILED, DUP})

# Legacy Bijoy (ASCII-typed Bengali) words: generated test data, as in tests/test_bijoy.py.
BIJOY_WORDS = ["evsjv‡`k", "XvKvq", "AvR", "ivR‰bwZK", "`j¸‡jvi", "ˆeVK", "nq", "cÖavbgš¿x", "e„n¯úwZevi",
               "†`‡ki", "wbe©vPb", "wb‡q", "K_v", "e‡j‡Qb", "miKvi", "AvMvgx", "gvm", "†_‡K", "bZzb", "wbqg",
               "Pvjy", "n‡e", "Rvwb‡q‡Q", "ivóªcwZ", "AvIqvgx", "jxM", "weGbwc", "Av‡›`vjb", "cwiw¯’wZ", "mk¯¿"]
HINDI = ["भारत सरकार ने आज नई नीति की घोषणा की।", "प्रधानमंत्री ने दिल्ली में बैठक की।",
         "चुनाव आयोग ने तारीखों का ऐलान किया।"]
ENGLISH = ["The minister said talks would continue next week.", "Police fired tear gas at protesters in Dhaka.",
           "Officials declined to comment on the report."]
BIDI = ["\u200f", "\u200e", "\u202e", "\u202b", "\u061c", "\u2067", "\u2069", "\u202c"]
FAR_DATES = ["0001-01-01", "0999-06-15", "1066-10-14", "1799-12-31", "2201-01-01", "2999-01-01", "9999-12-31"]
FAR_TEXT_DATES = ["৩০০০ সালের ১ জানুয়ারি", "১ জানুয়ারি ১০০০", "১২ ডিসেম্বর ৯৯৯৯", "৯৯৯৯৯৯৯৯৯৯ সালে",
                  "০০০১ সালের ৩১ ফেব্রুয়ারি", "২০২৩ সালের ৪৫ মার্চ", "গত ৫০০০ বছর আগে", "আগামী ১০০০০ বছর পরে"]

# Reasons a failure may give: each names its cause. Anything else is an unclear reason.
CLEAR_REASONS = [
    r"^empty article: no text( \(only whitespace, invisible or punctuation characters\))?$", r"^empty HTML page$", r"^HTML page has no extractable article text$",
    r"binary data \(NUL bytes\)", r"not valid UTF-8 text \(byte \d+", r"not valid UTF-16 text",
    r"too large: \d+ bytes, limit \d+ bytes \(max_article_bytes\)$",
    r"timed out after [\d.]+s in stage \w+ \(max_article_seconds\)$",
    r"^line \d+: not a JSON object \(", r"^line \d+: expected a JSON object, got \w+$",
    r"^line \d+: field 'text' must be a string, got \w+$", r"^line \d+: field 'id' must be a string, got \w+$",
    r"^line \d+: field 'id' is longer than \d+ characters$", r"^line \d+: bad 'published' \(",
    r"^not Bengali: \d+% of letters are Bengali \(min_bengali_ratio \d+%\)$",
    r"^looks like Bijoy .* convert it to Unicode first$",
    r"^no article text left after cleaning \(\d+ characters\)$", r"HTML could not be parsed: ",
]
_CLEAR = [re.compile(p) for p in CLEAR_REASONS]


def clear_reason(reason: str) -> bool:
    return any(p.search(reason) for p in _CLEAR)


@dataclass
class Item:
    """One hostile input: a file (``txt``/``html``/``bin``) or a JSONL line (``jsonl``)."""

    kind: str                   # the hostile category
    name: str                   # file stem, or the record id of a JSONL line
    fmt: str                    # txt | html | jsonl
    payload: bytes              # the file's bytes, or the JSONL line's bytes (no newline)
    expect: frozenset[str]      # outcomes it may have
    reason: str | None = None   # when it must fail: a regex its reason must match
    key: str = ""               # its ingest-log id (set by write_corpus)
    meta: dict[str, object] = field(default_factory=dict)


def sentence_pool(max_corpus_articles: int = 400) -> list[str]:
    """Bengali sentences: the seeds, plus the development half of the shared corpus when present."""
    texts = [json.loads(x)["text"] for x in SEEDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if hashlib.sha1(rec["id"].encode()).hexdigest()[0] in "01234567":
                    texts.append(rec.get("text") or "")
                    if len(texts) >= max_corpus_articles:
                        break
    out = []
    for t in texts:
        for s in re.split(r"(?<=[।?!])\s+", t):
            s = s.strip()
            if 40 <= len(s) <= 400 and sum("\u0980" <= c <= "\u09ff" for c in s) > len(s) / 2:
                out.append(s)
    return sorted(set(out))


class Gen:
    """Random Bengali articles made of pool sentences (distinct, so not near-duplicates)."""

    def __init__(self, rng: random.Random, pool: list[str]) -> None:
        self.rng, self.pool = rng, pool

    def article(self, n: int = 5) -> str:
        return "\n\n".join(self.rng.sample(self.pool, n))

    def bijoy(self) -> str:
        words = [self.rng.choice(BIJOY_WORDS) for _ in range(self.rng.randint(25, 60))]
        for i in range(8, len(words), 9):
            words[i] += "|"
        return " ".join(words) + "|"


def _jl(rec: object) -> bytes:
    return json.dumps(rec, ensure_ascii=False).encode("utf-8")


def hostile_items(n: int, rng: random.Random, pool: list[str], *, huge: int = 2, repeated: int = 1,
                  huge_mb: int = 50) -> Iterator[Item]:
    """``n`` items of each hostile kind (fewer of the expensive ``huge``/``repeated`` ones)."""
    g = Gen(rng, pool)
    html_seeds = [p.read_bytes().decode("utf-8", "replace") for p in sorted(HTML_DIR.glob("*.html"))]
    empty_reason = r"empty|no extractable|no article text left"
    for i in range(n):
        # -- nothing there ------------------------------------------------------------------
        yield Item("empty", f"empty-{i}", rng.choice(["txt", "html"]), b"", frozenset({FAILED}), empty_reason)
        ws = "".join(rng.choice([" ", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\u3000", "\u2028", "\ufeff"])
                     for _ in range(rng.randint(1, 400)))
        if i % 2:
            yield Item("whitespace", f"ws-{i}", "txt", ws.encode("utf-8"), frozenset({FAILED}), empty_reason)
        else:
            yield Item("whitespace", f"ws-{i}", "jsonl", _jl({"id": f"ws-{i}", "text": ws}), frozenset({FAILED}),
                       empty_reason)
        # -- not text -----------------------------------------------------------------------
        blob = rng.choice([b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08\x00", b"%PDF-1.7\n", b"PK\x03\x04", b""])
        blob += bytes(rng.getrandbits(8) for _ in range(rng.randint(16, 4000)))
        if i % 3 == 0:
            blob = blob.replace(b"\x00", b"\x01")  # invalid UTF-8 without NUL bytes
            yield Item("binary", f"bin-{i}", "txt", blob + b"\xff\xfe\xfa", frozenset({FAILED}),
                       r"UTF-8|binary|UTF-16|Bengali|empty|no article text")
        else:
            yield Item("binary", f"bin-{i}", rng.choice(["txt", "html"]), blob + b"\x00\x00\x01",
                       frozenset({FAILED}), r"binary|UTF-8|UTF-16|Bengali|empty|no article text|no extractable")
        # -- broken encodings of real Bengali ------------------------------------------------
        data = g.article().encode("utf-8")
        cut = rng.randint(len(data) // 2, len(data) - 1)
        while data[cut] & 0xC0 == 0x80 or data[cut] < 0x80:   # cut inside a multibyte character
            cut -= 1
        yield Item("truncated-utf8", f"trunc-{i}", "txt", data[:cut + rng.randint(1, 2)], OK)
        text = g.article()
        enc = ["utf-16", "utf-16-le", "utf-16-be"][i % 3]
        yield Item("utf16-bom" if enc == "utf-16" else "utf16-no-bom", f"u16-{i}", "txt", text.encode(enc), OK)
        text = g.article()
        moj = text.encode("utf-8").decode("latin-1") if i % 2 else "".join(
            bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))
        if i % 3 == 0:
            yield Item("mojibake", f"moj-{i}", "jsonl", _jl({"id": f"moj-{i}", "text": moj}), OK)
        else:
            yield Item("mojibake", f"moj-{i}", "txt", moj.encode("utf-8"), OK)
        yield Item("bijoy", f"bijoy-{i}", "txt" if i % 2 else "jsonl",
                   g.bijoy().encode("utf-8") if i % 2 else _jl({"id": f"bijoy-{i}", "text": g.bijoy()}), OK)
        # -- HTML without an article ---------------------------------------------------------
        head = f"<html><head><title>{rng.choice(pool)[:50]}</title><meta charset='utf-8'></head>"
        page = rng.choice([head + "</html>", head + "<body></body></html>", "<html></html>", "<!doctype html>",
                           head + "<body><nav><a href='/'>প্রচ্ছদ</a></nav></body></html>", "<p></p>" * 50])
        yield Item("html-no-body", f"nobody-{i}", "html", page.encode("utf-8"), frozenset({FAILED}),
                   r"no extractable|empty|no article text|Bengali")
        script = "".join(f"<script>var a{j}='{rng.choice(pool)}';document.write(a{j});</script>"
                         for j in range(rng.randint(1, 30)))
        page = rng.choice([f"<html><head>{script}</head><body>{script}</body></html>", script,
                           f"<html><body><noscript></noscript>{script}<style>p{{color:red}}</style></body></html>"])
        yield Item("script-only", f"script-{i}", "html", page.encode("utf-8"), frozenset({FAILED}),
                   r"no extractable|empty|no article text|Bengali")
        # -- deep markup ---------------------------------------------------------------------
        depth = rng.choice([200, 1000, 5000, 20000, 100000])
        tag = rng.choice(["div", "span", "b", "table><tr><td", "ul><li"])
        close = "".join(f"</{t}>" for t in reversed(tag.split("><")))
        body = f"<p>{g.article(3)}</p>"
        page = f"<html><body>{('<' + tag + '>') * depth}{body}{close * depth}<article><p>{g.article(4)}</p></article></body></html>"
        yield Item("deep-markup", f"deep-{i}", "html" if i % 2 else "jsonl",
                   page.encode("utf-8") if i % 2 else _jl({"id": f"deep-{i}", "html": page}), ANY,
                   r"no extractable|HTML could not be parsed|timed out|too large", meta={"depth": depth})
        # -- broken JSONL --------------------------------------------------------------------
        good = _jl({"id": f"x-{i}", "text": g.article()})
        bad = rng.choice([good[: rng.randint(1, len(good) - 2)], good + b" trailing", b"{'id': 1}", b"NaN",
                          b"[1, 2, 3]", b'"just a string"', b"null", b"{" * 5000, b"[" * 100000 + b"]" * 100000,
                          good.replace(b'"text"', b"text"), b"\xff\xfe{}", b'{"id": "a", "text": "\xc3\x28"}',
                          b"{}garbage{}", b"\x00{}"])
        yield Item("invalid-jsonl", f"badjson-{i}", "jsonl", bad, frozenset({FAILED}),
                   r"not a JSON object|expected a JSON object|field 'text' must be|binary|UTF")
        # -- wrong field types ---------------------------------------------------------------
        rid = f"types-{i}"
        wrong = rng.choice([
            ({"id": rid, "text": 12345}, "field 'text' must be a string"),
            ({"id": rid, "text": ["a", "b"]}, "field 'text' must be a string"),
            ({"id": rid, "text": {"bn": g.article()}}, "field 'text' must be a string"),
            ({"id": rid, "text": None}, "field 'text' must be a string"),
            ({"id": rid, "text": True}, "field 'text' must be a string"),
            ({"id": [rid], "text": g.article()}, "field 'id' must be a string"),
            ({"id": {"x": 1}, "text": g.article()}, "field 'id' must be a string"),
            ({"id": 1.5, "text": g.article()}, "field 'id' must be a string"),
            ({"id": True, "text": g.article()}, "field 'id' must be a string"),
            ({"id": rid * 40, "text": g.article()}, "field 'id' is longer than"),
            ({"id": rid, "text": g.article(), "published": 20230901}, "bad 'published'"),
            ({"id": rid, "text": g.article(), "published": "not a date"}, "bad 'published'"),
            ({"id": rid, "text": g.article(), "published": "2023-13-45"}, "bad 'published'"),
            ({"id": rid, "text": g.article(), "published": ["2023-01-01"]}, "bad 'published'"),
            ({"id": rid, "text": g.article(), "title": 5, "url": {"a": 1}, "outlet": ["x"] * 3}, None),
            ({"id": rid, "text": g.article(), "title": "শিরোনাম" * 300, "outlet": "o" * 1000,
              "url": "http://x/" + "a" * 5000}, None),
            ({"id": rid, "text": g.article() + "\u0000" + g.article(2)}, None),
            ({"id": rid, "text": g.article() + "\ud800\udfff\udc00"}, None),
        ])
        rec, why = wrong
        line = json.dumps(rec).encode("ascii")   # \\uXXXX escapes: lone surrogates survive
        yield Item("wrong-types", rid, "jsonl", line, frozenset({FAILED}) if why else OK, why,
                   meta={"id_ok": isinstance(rec["id"], str) and len(rec["id"]) <= 200})
        # -- absurd dates --------------------------------------------------------------------
        far = rng.choice(FAR_DATES)
        txt = g.article(3) + "\n\n" + f"{rng.choice(FAR_TEXT_DATES)} {rng.choice(pool)}"
        yield Item("far-dates", f"far-{i}", "jsonl", _jl({"id": f"far-{i}", "text": txt, "published": far}), OK)
        # -- mixed scripts and bidi marks ----------------------------------------------------
        parts = [g.article(2), rng.choice(ENGLISH), rng.choice(HINDI), g.article(2), rng.choice(ENGLISH)]
        rng.shuffle(parts)
        yield Item("mixed-bn-en-hi", f"mixed-{i}", "txt", " ".join(parts).encode("utf-8"), ANY,
                   r"not Bengali|no article text")
        words = g.article().split(" ")
        marked = " ".join(w + (rng.choice(BIDI) if rng.random() < 0.3 else "") for w in words)
        yield Item("bidi-marks", f"rtl-{i}", "txt" if i % 2 else "jsonl",
                   marked.encode("utf-8") if i % 2 else _jl({"id": f"rtl-{i}", "text": marked}), OK)
        # -- hostile ids and real pages ------------------------------------------------------
        nasty = rng.choice(["'; DROP TABLE events; --", "../../etc/passwd", "<script>alert(1)</script>",
                            "%00", "a\u0000b", "ক" * 150, "\u202eevil", " ", "🙂" * 10])
        yield Item("nasty-id", f"nasty-{i}", "jsonl",
                   _jl({"id": f"{nasty}-{i}", "text": g.article()}), OK)
        if html_seeds:
            page = rng.choice(html_seeds)
            cut = rng.randint(len(page) // 3, len(page))
            yield Item("truncated-html", f"trhtml-{i}", "html", page[:cut].encode("utf-8"), ANY,
                       r"no extractable|Bengali|no article text")
    # -- the expensive ones --------------------------------------------------------------------
    for i in range(huge):
        filler = ("<div>" + "ক" * 1000 + "</div>\n") * (huge_mb * MB // 3100 + 1)
        page = f"<html><body>{filler}</body></html>".encode()
        yield Item("huge-page", f"huge-{i}", ["html", "txt", "jsonl"][i % 3],
                   page if i % 3 != 2 else _jl({"id": f"huge-{i}", "html": page.decode()}),
                   frozenset({FAILED}), r"too large: \d+ bytes, limit \d+ bytes \(max_article_bytes\)")
    for i in range(repeated):
        sentence = rng.choice(pool)
        sep = "\n" if i % 2 else " "   # one paragraph each, or one paragraph of them all
        yield Item("repeated-10000", f"rep-{i}", "txt", (sep.join([sentence] * 10_000)).encode("utf-8"), ANY,
                   r"timed out after|too large")


def write_corpus(items: list[Item], folder: Path, per_jsonl: int = 200) -> None:
    """Write the items as files under ``folder``; set each item's ``key`` (its ingest-log id)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[Item] = []
    for n, it in enumerate(items):
        if it.fmt == "jsonl":
            lines.append(it)
            continue
        stem = f"{n:05d}_{it.name}"
        (folder / f"{stem}.{'html' if it.fmt == 'html' else 'txt'}").write_bytes(it.payload)
        it.key = stem
    for start in range(0, len(lines), per_jsonl):
        stem = f"lines_{start // per_jsonl:03d}"
        with (folder / f"{stem}.jsonl").open("wb") as fh:
            for k, it in enumerate(lines[start:start + per_jsonl], 1):
                fh.write(it.payload.replace(b"\n", b" ") + b"\n")
                try:
                    rec = json.loads(it.payload)
                except (ValueError, RecursionError):
                    rec = None
                rid = rec.get("id") if isinstance(rec, dict) else None
                valid_id = isinstance(rid, str) and rid and len(rid) <= 200
                if len(it.payload) > 5_000_000:   # refused unparsed (max_article_bytes): logged by line
                    valid_id = False
                it.key = rid if valid_id else f"{stem}:line {k}"
