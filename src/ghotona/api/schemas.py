"""Request bodies of the write routes (pydantic models, validated before any work)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["ArticleIn", "ExtractIn", "IngestIn"]


class ExtractIn(BaseModel):
    """Text to code, without storing anything."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text (Bengali)")
    published: dt.date | None = Field(None, description="publication date YYYY-MM-DD, to resolve relative dates")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)


class ArticleIn(BaseModel):
    """One article to store, like one line of an input JSONL file: ``text`` or ``html``."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = Field(None, min_length=1, max_length=200, description="article id (default: a hash)")
    text: str | None = None
    html: str | None = None
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    published: dt.date | None = None

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if not (self.text or self.html):
            raise ValueError("each article needs a non-empty 'text' or 'html'")
        return self


class IngestIn(BaseModel):
    """A batch of articles to extract and store."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)
