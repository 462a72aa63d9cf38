"""Typed exceptions. Each says what was expected and what arrived."""


class GhotonaError(Exception):
    """Base class of every error ghotona raises on purpose."""


class InputError(GhotonaError):
    """An input file or record cannot be read as an article (missing, binary, bad JSON…)."""


class ArticleRejected(GhotonaError):
    """An article was read but a stage refused it (empty, not Bengali, too large…).

    ``stage`` names the stage that refused it; the message is the reason recorded in the
    failures table.
    """

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason


class ConfigError(GhotonaError):
    """An option has a value outside what it accepts."""


class StoreError(GhotonaError):
    """The database cannot be opened, migrated or written."""


class DataFileError(GhotonaError):
    """A packaged data file (gazetteer, lexicon) has a malformed row."""


class EvalError(GhotonaError):
    """The gold set or the quality gate cannot be evaluated, or a floor was not met."""


class NotFound(GhotonaError):
    """The requested event, article, story or actor is not in the store."""
