"""The FastAPI app: a read-only JSON API over the store, and the dashboard that uses it.

Design choices, and why:
- The database is opened read-only once per app; each server thread reads through its own
  DuckDB cursor (see :mod:`dyadline.serve.data`).
- Endpoints are plain ``def`` functions: DuckDB calls block, so they run in the threadpool
  rather than on the event loop.
- Every error is JSON ``{"error": {"code", "message", "param"?}}`` with a 4xx status; an
  unexpected exception becomes a 500 with a generic message, never a stack trace.
- ``/docs`` serves vendored Swagger UI (npm ``swagger-ui-dist``) over ``/openapi.json``:
  FastAPI's default page loads its JS from a CDN and uses an inline script, neither of which
  works offline under our CSP.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyadline import __version__
from dyadline.serve import schemas
from dyadline.serve.cache import ResponseCache
from dyadline.serve.data import PERIODS, SORTS, Data, NotFound
from dyadline.serve.filters import BadParameter, Page, build_filters
from dyadline.serve.security import SecurityMiddleware
from dyadline.store.queries import EVENT_FACTUALITIES, EventFilter, QueryError

log = logging.getLogger("dyadline.serve")
STATIC = Path(__file__).parent / "static"
MAX_PAGE_SIZE = 200
MAX_OFFSET = 1_000_000  # deeper than this, narrow the filters: OFFSET cost grows with depth
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": schemas.Error, "description": "bad parameter"}}
ERRORS_404: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": schemas.Error, "description": "not found"}}


def _err(status: int, code: str, message: str, param: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if param is not None:
        body["param"] = param
    return JSONResponse({"error": body}, status_code=status)


def _ok(body: Any) -> JSONResponse:
    """The data layer already yields JSON-ready values: skip FastAPI's jsonable_encoder (~1 ms a page)."""
    return JSONResponse(body)


# -- shared parameters ---------------------------------------------------------------------------
def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="actor code, optionally with sector: "
                                       "'RUS' (also RUS GOV, RUS MIL...) or 'RUS GOV'")] = None,
    source: Annotated[str | None, Query(max_length=200, description="actor as source (who acts)")] = None,
    target: Annotated[str | None, Query(max_length=200, description="actor as target (acted upon)")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="two actors, comma-separated, either "
                                      "direction: 'BLR,CHN'")] = None,
    type: Annotated[str | None, Query(max_length=200, description="PLOVER event type(s), comma-separated: "
                                      "CONSULT or ACCUSE,REJECT")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop, 2 material coop, "
                                      "3 verbal conflict, 4 material conflict")] = None,
    factuality: Annotated[str | None, Query(max_length=64, description=" | ".join(EVENT_FACTUALITIES))] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="outlet or site that reported it")] = None,
    attribution: Annotated[str | None, Query(max_length=200, description="attributed source (substring or code); "
                                             "'none' for events the outlet asserts itself")] = None,
    since: Annotated[dt.date | None, Query(description="first event date, YYYY-MM-DD (inclusive)")] = None,
    until: Annotated[dt.date | None, Query(description="last event date, YYYY-MM-DD (inclusive)")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words that the evidence of a report contains")] = None,
    min_reports: Annotated[int | None, Query(ge=1, le=100_000, description="at least this many reports")] = None,
) -> EventFilter:
    return build_filters(actor=actor, source=source, target=target, dyad=dyad, type=type, quad=quad,
                         factuality=factuality, outlet=outlet, attribution=attribution, since=since, until=until,
                         q=q, min_reports=min_reports)


def paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number")] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"items per page (max {MAX_PAGE_SIZE})")] = 25,
) -> Page:
    if (page - 1) * page_size > MAX_OFFSET:
        raise BadParameter("page", f"too deep (offset over {MAX_OFFSET}); narrow the filters")
    return Page(page=page, size=page_size)


Filters = Annotated[EventFilter, Depends(event_filters)]
Paging = Annotated[Page, Depends(paging)]


def create_app(db_path: str | Path, *, allowed_hosts: frozenset[str] | None = None, threads: int | None = None,
               cache_bytes: int = 64 << 20, db_workers: int | None = None) -> FastAPI:
    """Build the app over ``db_path`` (opened read-only now, so a bad path fails before serving).

    ``allowed_hosts``: Host header names to accept (DNS-rebinding protection); None accepts any.
    ``threads``: DuckDB threads per query (None: DuckDB's default, one per core).
    ``cache_bytes``: size of the response cache (0 turns it off); see :mod:`dyadline.serve.cache`.
    ``db_workers``: threads that run endpoint code (and so DuckDB queries) at once; None: 2 per core.
    """
    data = Data(db_path, threads=threads)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # DuckDB queries are CPU-bound: running more at once than ~2 per core only thrashes (measured:
        # 50 clients on 2 cores gave more throughput and a lower p95 with 4 workers than anyio's 40).
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = db_workers or 2 * (os.cpu_count() or 2)
        try:
            yield
        finally:
            data.close()

    app = FastAPI(
        title="dyadline API",
        version=__version__,
        description="Read-only JSON API over a dyadline database: PLOVER-coded political events, the reports and "
        "documents behind them, dyad series and the actor network. Field names follow the public JSON contract "
        "(DESIGN.md §3). Errors are `{\"error\": {\"code\", \"message\", \"param\"}}`.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.data = data
    # Added last = outermost: the security layer wraps cached answers too.
    app.add_middleware(ResponseCache, max_bytes=cache_bytes)
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)

    # -- errors: always JSON, never a trace ---------------------------------------------------------
    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        param = loc[0] if loc else None
        msg = str(first.get("msg", "invalid parameter"))
        return _err(400, "bad_parameter", f"{param}: {msg}" if param else msg, param)

    @app.exception_handler(BadParameter)
    async def _bad(_req: Request, exc: BadParameter) -> JSONResponse:
        return _err(400, "bad_parameter", str(exc), exc.param)

    @app.exception_handler(QueryError)
    async def _query(_req: Request, exc: QueryError) -> JSONResponse:
        return _err(400, "bad_parameter", str(exc))

    @app.exception_handler(NotFound)
    async def _nf(_req: Request, exc: NotFound) -> JSONResponse:
        return _err(404, "not_found", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return _err(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail))

    @app.exception_handler(Exception)
    async def _internal(_req: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")  # the trace goes to the server log, not to the client
        return _err(500, "internal", "internal error; see the server log")

    # -- API ----------------------------------------------------------------------------------------
    @app.get("/api/meta", tags=["meta"], summary="Vocabularies: event types, quads, factualities, sorts, periods")
    def meta() -> JSONResponse:
        from dyadline.ontology.plover import TYPES

        return _ok({
            "types": list(TYPES),
            "type_info": {n: {"quad": t.quad, "score": t.score, "modes": list(t.modes)} for n, t in TYPES.items()},
            "quads": {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
                      "4": "material conflict"},
            "factualities": list(EVENT_FACTUALITIES),
            "sorts": list(SORTS),
            "periods": list(PERIODS),
            "max_page_size": MAX_PAGE_SIZE,
        })

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page",
             responses={200: {"model": schemas.EventPage}, **ERRORS})
    def events(
        f: Filters,
        p: Paging,
        sort: Annotated[str, Query(description=" | ".join(SORTS))] = "date",
        order: Annotated[str, Query(pattern="^(asc|desc)$", description="asc | desc")] = "desc",
    ) -> JSONResponse:
        if sort not in SORTS:
            raise BadParameter("sort", f"one of {', '.join(SORTS)}")
        return _ok(data.events(f, p, sort=sort, order=order))

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with all its reports, evidence and "
             "explanation", responses={200: {"model": schemas.EventDetail}, **ERRORS_404})
    def event(event_id: Annotated[str, PathParam(max_length=100)]) -> JSONResponse:
        return _ok(data.event(event_id))

    @app.get("/api/events/{event_id}/explain", tags=["events"], summary="How the event was coded",
             responses={**ERRORS_404})
    def explain(event_id: Annotated[str, PathParam(max_length=100)]) -> JSONResponse:
        ev = data.event(event_id)
        if ev.get("explain"):
            return _ok({"event_id": ev["event_id"], "source": "stored", "explain": ev["explain"]})
        try:  # re-run the coder on the sentence: slow the first time (loads spaCy), so on demand only
            from dyadline.events.explain import explain as run_explain
        except ImportError:
            return _ok({"event_id": ev["event_id"], "source": None, "explain": None})
        return _ok({"event_id": ev["event_id"], "source": "live",
                    "explain": json.loads(json.dumps(run_explain(ev["sentence"], ev["date"]), default=str))})

    @app.get("/api/series", tags=["analytics"], summary="Event counts and scores per period (the dyad series "
             "when `dyad` is set)", responses={200: {"model": schemas.Series}, **ERRORS})
    def series(f: Filters, by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month") -> JSONResponse:
        return _ok(data.series(f, by=by))

    @app.get("/api/dyad/{a}/{b}", tags=["analytics"], summary="The dyad series of A and B (both directions)",
             responses={200: {"model": schemas.Series}, **ERRORS})
    def dyad(
        a: Annotated[str, PathParam(max_length=64)],
        b: Annotated[str, PathParam(max_length=64)],
        f: Filters,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
    ) -> JSONResponse:
        if f.dyad is not None:
            raise BadParameter("dyad", "given twice (path and query)")
        pair = build_filters(dyad=f"{a},{b}").dyad
        assert pair is not None
        f.dyad = pair
        return _ok({"a": pair[0], "b": pair[1], **data.series(f, by=by)})

    @app.get("/api/network", tags=["analytics"], summary="Directed actor network: nodes by activity, edges by "
             "count and mean score", responses={200: {"model": schemas.Network}, **ERRORS})
    def network(
        f: Filters,
        min_events: Annotated[int, Query(ge=1, le=1_000_000, description="drop edges with fewer events")] = 1,
        limit: Annotated[int, Query(ge=1, le=300, description="most active actors to keep")] = 50,
        by_sector: Annotated[bool, Query(description="one node per actor and sector (RUS GOV, RUS MIL)")] = False,
        max_edges: Annotated[int, Query(ge=1, le=20_000, description="keep the strongest edges only")] = 2000,
    ) -> JSONResponse:
        return _ok(data.network(f, min_events=min_events, limit=limit, by_sector=by_sector, max_edges=max_edges))

    @app.get("/api/actors", tags=["actors"], summary="Actors by activity; search by code prefix or name",
             responses={200: {"model": schemas.Actors}, **ERRORS})
    def actors(
        q: Annotated[str | None, Query(max_length=100)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
    ) -> JSONResponse:
        q = q.strip() if q else None
        return _ok(data.actors(q or None, limit=limit))

    @app.get("/api/documents", tags=["documents"], summary="Documents (metadata, no text), newest first", responses={200: {"model": schemas.DocumentPage}, **ERRORS})
    def documents(
        p: Paging,
        language: Annotated[str | None, Query(max_length=16, description="ISO 639-1 code, e.g. en")] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        q: Annotated[str | None, Query(max_length=200, description="text in the title or body")] = None,
        duplicates: Annotated[bool | None, Query(description="only (true) or no (false) syndicated copies")] = None,
        set_aside: Annotated[bool | None, Query(description="only (true) or no (false) documents set aside "
                                                "(e.g. other languages)")] = None,
    ) -> JSONResponse:
        f = build_filters(outlet=outlet, q=q)
        lang = (language or "").strip().lower() or None
        return _ok(data.documents(p, language=lang, outlet=f.outlet, text=f.text, duplicates=duplicates,
                                  set_aside=set_aside))

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document: extracted text and the "
             "evidence offsets of every event in it", responses={200: {"model": schemas.DocumentDetail}, **ERRORS_404})
    def document(doc_id: Annotated[str, PathParam(max_length=100)]) -> JSONResponse:
        return _ok(data.document(doc_id))

    @app.get("/api/summary", tags=["meta"], summary="Counts: documents, duplicates, languages set aside, events",
             responses={200: {"model": schemas.Summary}})
    def summary() -> JSONResponse:
        return _ok(data.summary())

    # -- dashboard and docs ------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


SERVE_ENV = "DYADLINE_SERVE_CONFIG"


def app_from_env() -> FastAPI:
    """App factory for multi-process serving (`dyadline serve --processes N`).

    uvicorn starts each worker process by importing this factory, so the options travel as
    JSON in an environment variable. Every process opens the database read-only on its own:
    DuckDB allows many read-only openers, and the cores then share the Python work too.
    """
    cfg = json.loads(os.environ[SERVE_ENV])
    hosts = cfg.get("allowed_hosts")
    return create_app(cfg["db"], allowed_hosts=frozenset(hosts) if hosts is not None else None,
                      threads=cfg.get("threads"), cache_bytes=int(cfg.get("cache_bytes", 64 << 20)),
                      db_workers=cfg.get("db_workers"))
