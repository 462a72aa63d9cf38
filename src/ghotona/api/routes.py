"""The REST routes: each parses its parameters and makes one library call.

Reads are public; ``POST /ingest`` needs ``Authorization: Bearer <GHOTONA_API_TOKEN>``.
Errors are raised as typed exceptions and turned into the one error shape in
``ghotona.api.errors``.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ghotona.api.errors import Unauthorized
from ghotona.api.schemas import ExtractIn, IngestIn
from ghotona.api.service import extract_text, ingest_articles
from ghotona.config import Settings
from ghotona.errors import InputError
from ghotona.store import Store
from ghotona.store import aggregates as agg
from ghotona.store import queries as qry

__all__ = ["router"]

router = APIRouter()
_bearer = HTTPBearer(auto_error=False, description="the server's GHOTONA_API_TOKEN")

Limit = Annotated[int, Query(ge=1, le=qry.MAX_LIMIT, description=f"page size (at most {qry.MAX_LIMIT})")]
Cursor = Annotated[str | None, Query(max_length=400, description="next_cursor of the previous page")]
Since = Annotated[dt.date | None, Query(description="first day, YYYY-MM-DD")]
Until = Annotated[dt.date | None, Query(description="last day, YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=qry.MAX_TEXT)]
ActorQ = Annotated[str | None, Query(max_length=qry.MAX_TEXT,
                                     description="actor code (RUS, UN…) or part of a name (Putin, পুতিন)")]
TypeQ = Annotated[str | None, Query(alias="type", max_length=20, description="PLOVER type, e.g. CONSULT")]
StatusQ = Annotated[str | None, Query(max_length=20, description="occurred, planned, alleged, denied, hypothetical")]
Interval = Annotated[str, Query(pattern="^(day|week|month)$", description="bucket size: day, week or month")]
Code = Annotated[str, Path(max_length=12, description="actor code, e.g. RUS")]
Id = Annotated[str, Path(max_length=200)]


def _json(body: dict[str, Any]) -> JSONResponse:
    """The library already returns JSON-ready dicts: skip FastAPI's re-encoding (a few ms a page)."""
    return JSONResponse(body)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def require_token(request: Request,
                  creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None) -> None:
    """Refuse writes without the configured bearer token (compared in constant time)."""
    token: str | None = request.app.state.api_token
    if not token:
        raise Unauthorized("writes are disabled: start the server with GHOTONA_API_TOKEN set")
    given = creds.credentials if creds is not None and creds.scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("this route needs the header 'Authorization: Bearer <token>'")


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    a, sep, b = value.partition(",")
    if not sep or "," in b:
        raise InputError(f"dyad expects two actor codes like RUS,PRK, got {value[:60]!r}")
    return a.strip(), b.strip()


@router.get("/events", tags=["events"], summary="List events (filters, cursor pagination)")
def events(request: Request, actor: ActorQ = None,
           dyad: Annotated[str | None, Query(max_length=60, description="two codes: RUS,PRK (both directions)")] = None,
           event_type: TypeQ = None, status: StatusQ = None, since: Since = None, until: Until = None,
           q: Annotated[str | None, Query(max_length=qry.MAX_TEXT, description="text in the evidence")] = None,
           story: Text = None, cursor: Cursor = None, limit: Limit = qry.DEFAULT_LIMIT) -> JSONResponse:
    """Events newest first (undated last). Pass `next_cursor` back as `cursor` for the next page."""
    query = qry.EventQuery(actor=actor, dyad=_dyad(dyad), event_type=event_type, status=status, since=since,
                           until=until, q=q, story=story)
    return _json(qry.list_events(_store(request), query, cursor=cursor, limit=limit).to_dict("events"))


@router.get("/events/{event_id}", tags=["events"], summary="One event with its article and evidence span")
def event(request: Request, event_id: Id) -> JSONResponse:
    """The event, its article's cleaned text, and the evidence offsets into that text."""
    return _json(qry.get_event(_store(request), event_id))


@router.get("/articles/{article_id}", tags=["articles"], summary="One article with all its events")
def article(request: Request, article_id: Id) -> JSONResponse:
    return _json(qry.get_article(_store(request), article_id))


@router.get("/stories", tags=["stories"], summary="Stories: one real-world event across articles")
def stories(request: Request, actor: ActorQ = None, event_type: TypeQ = None, status: StatusQ = None,
            since: Since = None, until: Until = None, q: Text = None, cursor: Cursor = None,
            limit: Limit = qry.DEFAULT_LIMIT) -> JSONResponse:
    query = qry.EventQuery(actor=actor, event_type=event_type, status=status, since=since, until=until, q=q)
    return _json(qry.list_stories(_store(request), query, cursor=cursor, limit=limit).to_dict("stories"))


@router.get("/stories/{story}", tags=["stories"], summary="One story and its mentions across outlets")
def story(request: Request, story: Id) -> JSONResponse:
    return _json(qry.get_story(_store(request), story))


@router.get("/actors", tags=["actors"], summary="Actors (by code) with event counts, most active first")
def actors(request: Request, q: Annotated[str | None, Query(max_length=qry.MAX_TEXT, description="code or name part")]
           = None, since: Since = None, until: Until = None, cursor: Cursor = None,
           limit: Limit = qry.DEFAULT_LIMIT) -> JSONResponse:
    page = agg.list_actors(_store(request), q=q, since=since, until=until, cursor=cursor, limit=limit)
    return _json(page.to_dict("actors"))


@router.get("/actors/{code}/timeline", tags=["actors"], summary="An actor's events over time")
def actor_timeline(request: Request, code: Code, interval: Interval = "month", since: Since = None,
                   until: Until = None) -> JSONResponse:
    """Per period: events, mean Goldstein, cooperation (QuadClass 1-2) vs conflict (3-4).

    Only events dated at least as precisely as the interval are counted; `n_excluded` says
    how many were left out as undated or coarser.
    """
    return _json(agg.timeline(_store(request), code, interval=interval, since=since, until=until))


@router.get("/dyads/{a}/{b}", tags=["actors"], summary="Events between two actors, both directions, over time")
def dyad_route(request: Request, a: Code, b: Code, interval: Interval = "month", since: Since = None,
               until: Until = None) -> JSONResponse:
    return _json(agg.dyad(_store(request), a, b, interval=interval, since=since, until=until))


@router.get("/network", tags=["actors"], summary="Weighted actor graph of a period")
def network(request: Request, since: Since = None, until: Until = None, event_type: TypeQ = None,
            status: StatusQ = None, max_nodes: Annotated[int, Query(ge=1, le=300)] = 60,
            min_weight: Annotated[int, Query(ge=1, le=100_000)] = 1) -> JSONResponse:
    """Nodes are actor codes with event counts; edges join actors with the events between them."""
    return _json(agg.network(_store(request), since=since, until=until, event_type=event_type, status=status,
                             max_nodes=max_nodes, min_weight=min_weight))


@router.post("/extract", tags=["write"], summary="Code a text into events (nothing is stored)")
def extract(request: Request, body: ExtractIn) -> JSONResponse:
    """413 above the server's size limit; 422 when the text is refused (empty, not Bengali)."""
    return _json(extract_text(body, _settings(request)))


@router.post("/ingest", tags=["write"], summary="Extract and store articles (needs the API token)",
             dependencies=[Depends(require_token)])
def ingest(request: Request, body: IngestIn) -> JSONResponse:
    return _json(ingest_articles(_store(request), body.articles, _settings(request)))
