"""REST API and web UI over a ghotona store (FastAPI): ``create_app(db)``."""

from ghotona.api.app import create_app

__all__ = ["create_app"]
