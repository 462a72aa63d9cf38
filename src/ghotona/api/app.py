"""``create_app``: the FastAPI application serving the REST API, its docs and the web UI."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from ghotona import __version__
from ghotona.api.errors import error_response, install_handlers
from ghotona.api.routes import router
from ghotona.config import DEFAULT_SETTINGS, Settings
from ghotona.errors import ConfigError
from ghotona.store import Store

LOGGER = logging.getLogger(__name__)

__all__ = ["DEFAULT_MAX_EXTRACT_BYTES", "DEFAULT_MAX_INGEST_BYTES", "create_app"]

DEFAULT_MAX_EXTRACT_BYTES = 1_000_000
DEFAULT_MAX_INGEST_BYTES = 20_000_000
WEB_DIR = Path(__file__).resolve().parents[1] / "web" / "static"
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The UI loads nothing but its own files: no inline script, no other origin.
UI_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class BodyLimit:
    """Refuse POST bodies above a per-path limit with 413, before anything parses them."""

    def __init__(self, app: ASGIApp, limits: dict[str, int]) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limits.get(scope.get("path", "")) if scope["type"] == "http" else None
        if limit is None or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            if not message.get("more_body"):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error_response(f"request body too large: the limit for {scope['path']} is {limit} bytes", 413)
        await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


class SecurityHeaders:
    """nosniff and no referrer everywhere; a strict Content-Security-Policy on the UI."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        if scope.get("path", "").startswith("/ui"):
            extra += [(b"content-security-policy", UI_CSP.encode()), (b"x-frame-options", b"DENY")]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str | Path | Store, *, api_token: str | None = None, cors_origins: tuple[str, ...] = (),
               max_extract_bytes: int = DEFAULT_MAX_EXTRACT_BYTES, max_ingest_bytes: int = DEFAULT_MAX_INGEST_BYTES,
               settings: Settings = DEFAULT_SETTINGS) -> FastAPI:
    """The API + UI over ``db`` (a path, a URL or an open ``Store``).

    ``api_token`` (default: the ``GHOTONA_API_TOKEN`` environment variable) enables
    ``POST /ingest``; without one, writes are refused. CORS is off unless origins are given.
    """
    if max_extract_bytes < 1 or max_ingest_bytes < 1:
        raise ConfigError(f"body limits must be >= 1 byte, got {max_extract_bytes} and {max_ingest_bytes}")
    own = not isinstance(db, Store)
    store = Store(db) if not isinstance(db, Store) else db

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own:
            store.close()

    app = FastAPIOffline(title="ghotona", version=__version__, lifespan=lifespan, redoc_url=None,
                         description="Who did what to whom: political events from Bengali news. "
                                     "Reads are public; POST /ingest needs a bearer token. The web UI is at /ui/.")
    app.state.store, app.state.settings = store, settings
    app.state.api_token = api_token if api_token is not None else (os.environ.get("GHOTONA_API_TOKEN") or None)
    install_handlers(app)
    app.include_router(router)
    app.mount("/ui", StaticFiles(directory=WEB_DIR, html=True), name="ui")
    app.add_api_route("/", lambda: RedirectResponse("/ui/"), include_in_schema=False)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, limits={"/extract": max_extract_bytes, "/ingest": max_ingest_bytes})
    app.add_middleware(SecurityHeaders)
    LOGGER.info("API over %s; writes %s", store.url.split("@")[-1], "enabled" if app.state.api_token else "disabled")
    return app


#: The environment variable ``ghotona serve --workers N`` hands the app's options in, as JSON:
#: each uvicorn worker process builds its own app (and its own database pool) from it.
SERVE_OPTIONS_ENV = "GHOTONA_SERVE_OPTIONS"


def app_from_environment() -> FastAPI:
    """An app factory for uvicorn workers: ``create_app`` with the options in ``GHOTONA_SERVE_OPTIONS``
    (keys ``db``, ``cors_origins``, ``max_extract_bytes``, ``max_ingest_bytes``)."""
    raw = os.environ.get(SERVE_OPTIONS_ENV)
    if not raw:
        raise ConfigError(f"{SERVE_OPTIONS_ENV} is not set: start workers with `ghotona serve --workers N`")
    try:
        options = json.loads(raw)
        return create_app(options["db"], cors_origins=tuple(options.get("cors_origins", ())),
                          max_extract_bytes=int(options.get("max_extract_bytes", DEFAULT_MAX_EXTRACT_BYTES)),
                          max_ingest_bytes=int(options.get("max_ingest_bytes", DEFAULT_MAX_INGEST_BYTES)))
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{SERVE_OPTIONS_ENV} must be a JSON object with a 'db': {exc}") from exc

