"""Print the README's accuracy section: the three gold sets scored with the shared scorer.

    .venv/bin/python benchmarks/accuracy.py > /tmp/accuracy.md

Seeds (../shared/eval/dev), dev2 (../shared/eval/dev2) and our own dev gold (tests/gold):
precision, recall, F1, field accuracies on matched events, story pairwise scores, a per-type
table and a reliability table (confidence bin -> share of events that matched gold).
"""

from __future__ import annotations

from pathlib import Path

from ghotona.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = [("seeds (`eval/dev`, 5 articles)", SHARED / "eval" / "dev", None),
        ("dev2 (`eval/dev2`, 24 articles)", SHARED / "eval" / "dev2", None),
        ("own dev gold (`tests/gold`, 40 articles)", ROOT / "tests" / "gold", SHARED / "eval" / "score.py")]
FIELDS = ("precision", "recall", "f1", "status_accuracy", "date_exact_accuracy", "location_accuracy",
          "actor_name_accuracy", "evidence_valid", "story_pairwise_precision", "story_pairwise_recall")


def fmt(v: object) -> str:
    return "—" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> None:
    reports = [(name, evaluate(gold, scorer=scorer)) for name, gold, scorer in SETS]
    print("| metric | " + " | ".join(n for n, _ in reports) + " |")
    print("|---|" + "---:|" * len(reports))
    for f in ("gold_required", "predicted", "matched", *FIELDS):
        print(f"| {f} | " + " | ".join(fmt(r.get(f)) for _, r in reports) + " |")
    types = sorted({t for _, r in reports for t in r.get("per_type", {})})
    print("\nPer type, matched / false positives / missed:\n")
    print("| type | " + " | ".join(n.split(" (")[0] for n, _ in reports) + " |")
    print("|---|" + "---:|" * len(reports))
    for t in types:
        cells = []
        for _, r in reports:
            row = r.get("per_type", {}).get(t)
            cells.append(f"{row['matched']} / {row['false_positives']} / {row['missed']}" if row else "—")
        print(f"| {t} | " + " | ".join(cells) + " |")
    print("\nReliability (calibrated confidence bin: events, share that matched gold):\n")
    print("| confidence | " + " | ".join(n.split(" (")[0] for n, _ in reports) + " |")
    print("|---|" + "---:|" * len(reports))
    for i, row in enumerate(reports[0][1]["reliability"]):
        cells = []
        for _, r in reports:
            b = r["reliability"][i]
            cells.append(f"{b['n']}: {fmt(b['precision'])}" if b["n"] else "—")
        print(f"| {row['bin']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
