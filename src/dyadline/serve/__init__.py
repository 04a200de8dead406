"""dyadline.serve: the read-only JSON API and the dashboard (``dyadline serve``).

``create_app(db_path)`` builds the FastAPI app; the static dashboard ships in ``static/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_path: Any, **kw: Any) -> FastAPI:
    """Imported lazily so `import dyadline.serve` stays cheap for the CLI."""
    from dyadline.serve.app import create_app as _create

    return _create(db_path, **kw)


__all__ = ["create_app"]
