"""``ghotona serve``: the REST API and the web UI over a database (uvicorn)."""

from __future__ import annotations

import json
import os
from typing import Annotated

import typer

from ghotona.api.app import DEFAULT_MAX_EXTRACT_BYTES, DEFAULT_MAX_INGEST_BYTES
from ghotona.cli import DEFAULT_DB, app, err
from ghotona.errors import GhotonaError


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="address to listen on (keep 127.0.0.1 unless behind a proxy)")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    cors_origin: Annotated[list[str], typer.Option(help="allow browser calls from this origin (repeatable); "
                                                        "CORS is off by default")] = [],  # noqa: B006
    max_extract_bytes: Annotated[int, typer.Option(help="POST /extract bodies above this get 413")]
    = DEFAULT_MAX_EXTRACT_BYTES,
    max_ingest_bytes: Annotated[int, typer.Option(help="POST /ingest bodies above this get 413")]
    = DEFAULT_MAX_INGEST_BYTES,
    workers: Annotated[int, typer.Option(min=1, help="worker processes (more serve more clients at once; "
                                                     "each opens its own database connections)")] = 1,
    keep_alive: Annotated[int, typer.Option(min=1, help="seconds an idle HTTP keep-alive connection stays open")]
    = 5,
) -> None:
    """Serve the REST API (docs at /docs) and the web UI (at /). POST /ingest needs GHOTONA_API_TOKEN."""
    import uvicorn

    from ghotona.api import create_app
    from ghotona.api.app import SERVE_OPTIONS_ENV

    try:   # built here even with workers: a bad database or option fails now, with its message
        application = create_app(db, cors_origins=tuple(cors_origin), max_extract_bytes=max_extract_bytes,
                                 max_ingest_bytes=max_ingest_bytes)
    except GhotonaError as exc:
        err.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from exc
    writes = "enabled (token from GHOTONA_API_TOKEN)" if os.environ.get("GHOTONA_API_TOKEN") else "disabled"
    err.print(f"ghotona on http://{host}:{port}/  (API docs: /docs; POST /ingest {writes}; {workers} worker(s))")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="info", timeout_keep_alive=keep_alive)
        return
    application.state.store.close()
    os.environ[SERVE_OPTIONS_ENV] = json.dumps({"db": db, "cors_origins": cors_origin,
                                                "max_extract_bytes": max_extract_bytes,
                                                "max_ingest_bytes": max_ingest_bytes})
    uvicorn.run("ghotona.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="info", timeout_keep_alive=keep_alive)
