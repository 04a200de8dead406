"""`dyadline serve`: the JSON API and dashboard over a database, opened read-only.

Binds to loopback by default: the dashboard shows whatever the database holds, so exposing
it on a network is a decision the user makes explicitly with --host.
"""

from __future__ import annotations

import ipaddress
import json
import os

import typer

from dyadline.cli import app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: str = typer.Option("dyadline.duckdb", "--db", help="DuckDB database file (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; loopback unless you say otherwise."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port (0 picks a free one)."),
    threads: int = typer.Option(0, "--threads", min=0, help="DuckDB threads per query (0: one per core)."),
    cache_mb: int = typer.Option(64, "--cache-mb", min=0, help="Response cache size in MiB (0: off)."),
    workers: int = typer.Option(0, "--db-workers", min=0, help="Queries run at once (0: two per core)."),
    processes: int = typer.Option(1, "--processes", min=1, max=64,
                                  help="Server processes, each with its own read-only connection and cache."),
) -> None:
    """Serve the JSON API (OpenAPI docs at /docs) and the dashboard at http://HOST:PORT/."""
    import uvicorn

    from dyadline.serve import create_app
    from dyadline.serve.app import SERVE_ENV
    from dyadline.store.db import StoreError

    if not _is_loopback(host):
        typer.echo(f"serve: warning: binding {host}: anyone who can reach this address can read the database",
                   err=True)
    # On loopback, accept only loopback Host headers: a web page elsewhere cannot use DNS
    # rebinding to read the API through the user's browser.
    allowed = frozenset({"127.0.0.1", "localhost", "[::1]"}) if _is_loopback(host) else None
    try:
        application = create_app(db, allowed_hosts=allowed, threads=threads or None, cache_bytes=cache_mb << 20,
                                 db_workers=workers or None)
    except StoreError as exc:
        typer.echo(f"serve: {exc}", err=True)
        raise typer.Exit(1) from exc
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"dyadline: dashboard at http://{shown}:{port}/  API docs at http://{shown}:{port}/docs", err=True)
    common = {"host": host, "port": port, "log_level": "warning", "access_log": False, "limit_concurrency": 512,
              "timeout_keep_alive": 5}
    if processes == 1:
        uvicorn.run(application, **common)  # type: ignore[arg-type]
        return
    # Several processes: the app above proved the options and the database; each worker builds
    # its own from the same options (a DuckDB connection cannot cross a fork).
    del application
    os.environ[SERVE_ENV] = json.dumps({"db": db, "allowed_hosts": sorted(allowed) if allowed is not None else None,
                                        "threads": threads or None, "cache_bytes": cache_mb << 20,
                                        "db_workers": workers or None})
    uvicorn.run("dyadline.serve.app:app_from_env", factory=True, workers=processes, **common)  # type: ignore[arg-type]
