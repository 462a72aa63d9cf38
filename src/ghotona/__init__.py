"""ghotona: Bengali news in, dated and deduplicated political events out."""

import logging

from ghotona.model import Actor, Article, DateValue, Event, Evidence, Failure, Mention, Place, Result, Sentence

__all__ = ["Actor", "Article", "DateValue", "Event", "Evidence", "Failure", "Mention", "Place", "Result",
           "Sentence", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
