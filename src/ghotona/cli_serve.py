"""``ghotona serve``: the REST API and the web UI over a database (uvicorn)."""

from __future__ import annotations

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
) -> None:
    """Serve the REST API (docs at /docs) and the web UI (at /). POST /ingest needs GHOTONA_API_TOKEN."""
    import uvicorn

    from ghotona.api import create_app

    try:
        application = create_app(db, cors_origins=tuple(cors_origin), max_extract_bytes=max_extract_bytes,
                                 max_ingest_bytes=max_ingest_bytes)
    except GhotonaError as exc:
        err.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(1) from exc
    writes = "enabled (token from GHOTONA_API_TOKEN)" if os.environ.get("GHOTONA_API_TOKEN") else "disabled"
    err.print(f"ghotona on http://{host}:{port}/  (API docs: /docs; POST /ingest {writes})")
    uvicorn.run(application, host=host, port=port, log_level="info")
