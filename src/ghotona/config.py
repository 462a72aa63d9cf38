"""One validated options object (``Settings``) with packaged defaults.

Settings are read once and never mutated during a run; pass a new object to change them.
Every field is documented in ``SETTINGS_HELP`` (a test checks that none is missing).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ghotona.errors import ConfigError

SETTINGS_HELP: dict[str, str] = {
    "batch_size": "articles processed per batch by pipeline.process (and written per transaction)",
    "max_article_bytes": "articles (and input files, JSONL lines, HTML pages) larger than this many bytes are "
                         "rejected with a recorded reason, before they are parsed",
    "max_article_seconds": "an article (or an HTML page's extraction) still running after this many seconds is "
                           "abandoned with a recorded reason and the batch goes on; 0 disables the limit",
    "min_bengali_ratio": "share of letters that must be Bengali for an article to be coded",
    "min_text_chars": "cleaned articles shorter than this are rejected as empty",
    "favor_precision": "trafilatura option for HTML pages: prefer dropping chrome over keeping text",
    "min_confidence": "events below this (calibrated) confidence are not emitted",
    "calibrate": "map the coder's raw confidence to its measured precision (data/events/calibration.tsv)",
    "dedup": "skip near-duplicates of stored articles at ingest (the link is recorded)",
    "stories": "cluster newly stored events into cross-article stories after an ingest",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for a run. Construct with keywords; ``Settings.from_dict`` validates a dict."""

    batch_size: int = 64
    max_article_bytes: int = 5_000_000
    max_article_seconds: float = 30.0
    min_bengali_ratio: float = 0.5
    min_text_chars: int = 20
    favor_precision: bool = True
    min_confidence: float = 0.0
    calibrate: bool = True
    dedup: bool = True        # skip near-duplicate articles (syndicated copies) at ingest
    stories: bool = True      # cluster new events into cross-article stories after ingest

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.max_article_bytes < 1:
            raise ConfigError(f"max_article_bytes must be >= 1, got {self.max_article_bytes}")
        if not 0 <= self.max_article_seconds < 86_400:
            raise ConfigError(f"max_article_seconds must be in [0, 86400) (0 = no limit), got {self.max_article_seconds}")
        if not 0.0 <= self.min_bengali_ratio <= 1.0:
            raise ConfigError(f"min_bengali_ratio must be in [0, 1], got {self.min_bengali_ratio}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Settings:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s) {unknown}; expected some of {sorted(known)}")
        return cls(**values)


DEFAULT_SETTINGS = Settings()
