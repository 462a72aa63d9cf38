"""Stories: near-duplicate articles and cross-article clustering of events.

``cluster`` holds the rules (type families, compatibility, story ids), ``state`` applies
them to one block unit by unit, ``index`` keeps stories up to date incrementally,
``summary`` describes a story and ``dedup`` finds near-duplicate articles (import
``ghotona.stories.dedup`` explicitly: it loads datasketch and numpy). Store functions
live in ``ghotona.store.stories``.
"""

from ghotona.stories.cluster import FAMILIES, ClusterConfig, StoryMention, default_config, family_of
from ghotona.stories.index import StoryIndex, UpdateStats, assign, attach_stories
from ghotona.stories.summary import Story, status_summary

__all__ = [
    "FAMILIES", "ClusterConfig", "Story", "StoryIndex", "StoryMention", "UpdateStats", "assign",
    "attach_stories", "default_config", "family_of", "status_summary",
]
