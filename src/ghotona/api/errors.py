"""One error shape for every API error, and the one place typed errors become statuses.

Every error response is ``{"ok": false, "error": "<readable message>", "status": N}``;
stack traces go to the server log, never into a response.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ghotona.errors import ArticleRejected, ConfigError, GhotonaError, InputError, NotFound, StoreError


LOGGER = logging.getLogger(__name__)

__all__ = ["PayloadTooLarge", "STATUS_OF", "Unauthorized", "error_body", "error_response", "install_handlers"]


class Unauthorized(GhotonaError):
    """A write route was called without the right ``Authorization: Bearer`` token."""


class PayloadTooLarge(GhotonaError):
    """A request body is larger than the route's configured limit."""


# Typed error -> HTTP status, first match wins (subclasses before their bases).
STATUS_OF: tuple[tuple[type[Exception], int], ...] = (
    (Unauthorized, 401),
    (PayloadTooLarge, 413),
    (NotFound, 404),
    (ArticleRejected, 422),
    (InputError, 400),
    (ConfigError, 400),
    (StoreError, 500),
    (GhotonaError, 500),
)
_PUBLIC_500 = "internal server error (details are in the server log)"


def error_body(message: str, status: int) -> dict[str, Any]:
    """The canonical error shape."""
    return {"ok": False, "error": message, "status": status}


def error_response(message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, status), status_code=status, headers=headers)


def status_of(exc: Exception) -> int:
    for cls, status in STATUS_OF:
        if isinstance(exc, cls):
            return status
    return 500


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = [str(x) for x in err.get("loc", ())]
        where = f"{loc[0]} {'.'.join(loc[1:])}".strip() if loc else "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


async def _ghotona_error(_request: Request, exc: Exception) -> JSONResponse:
    status = status_of(exc)
    if status >= 500:
        LOGGER.error("request failed: %s: %s", exc.__class__.__name__, exc)
        return error_response(_PUBLIC_500, status)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return error_response(str(exc), status, headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(_validation_message(exc), 422)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = "no such route; the API is described at /docs"
    return error_response(message, exc.status_code, dict(exc.headers or {}) or None)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    LOGGER.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(_PUBLIC_500, 500)


def install_handlers(app: FastAPI) -> None:
    """Route every error through the canonical shape."""
    app.add_exception_handler(GhotonaError, _ghotona_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
