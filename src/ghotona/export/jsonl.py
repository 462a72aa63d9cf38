"""JSONL export: one contract event record (shared/spec/events.md) per line, UTF-8.

The same records ``ghotona extract`` and ``ghotona events --format jsonl`` print, so a
JSONL export can be scored with ``shared/eval/score.py`` or re-read with
``Event.from_dict``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ghotona.export.common import ExportContext
from ghotona.model import Event


def write(evs: Iterable[Event], path: Path, _ctx: ExportContext) -> int:
    """Write ``evs`` to ``path``, one JSON object per line; return the number written."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for ev in evs:
            out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n
