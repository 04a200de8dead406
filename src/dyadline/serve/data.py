"""Read-only data access for the API: every page and aggregate is computed in DuckDB.

Why a layer of its own: the endpoints stay thin (validate, call, return); the queries are
the store's own (:mod:`dyadline.store.queries`, shared with the CLI and exports), so the API
and `dyadline events` agree by construction. Only what the store does not offer lives here,
as parameterised SQL over the stable views: the series without a dyad (the dashboard's
timeline for any filter), period labels and bounds, one document with its text, and the
extra "about this data" counts.

Concurrency: a DuckDB connection must not be shared by threads, so each server thread gets
its own cursor (``con.cursor()``: a cheap second connection to the same database), wrapped
in :class:`_Reader`, which offers the two members the query functions use (``con``, ``one``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from dyadline.analytics.series import next_period_start
from dyadline.serve.filters import Page
from dyadline.store import queries as Q
from dyadline.store.queries import EventFilter

SORTS: tuple[str, ...] = tuple(Q.SORTS)
PERIODS: tuple[str, ...] = tuple(Q.PERIODS)
MAX_FILLED_PERIODS = 1000
MAX_TOTALS = 10_000  # remembered filter totals (a few hundred bytes each)
ID_LIST_LEN = 1_000  # ordered ids kept per (filter, sort): the first 40 pages of 25
MAX_ID_LISTS = 2_000  # remembered id lists (about 30 kB each: ~60 MB at most)


class NotFound(LookupError):
    """No such event / document; becomes a 404 JSON error."""


class _Reader:
    """A per-thread stand-in for ``Store`` that the store's query functions accept (duck typing)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def one(self, sql: str, params: Any = None) -> tuple[Any, ...] | None:
        rows = self.con.execute(sql, list(params or [])).fetchall()
        return rows[0] if rows else None


class Data:
    """All the queries the API runs, over one database opened read-only."""

    def __init__(self, db_path: str | Path, threads: int | None = None) -> None:
        from dyadline.store.db import Store

        self.path = Path(db_path)
        self.store = Store(self.path, read_only=True)
        if threads:
            # Many small concurrent queries: fewer DuckDB threads per query means less contention.
            self.store.con.execute(f"SET threads = {int(threads)}")
        self._local = threading.local()
        self._lock = threading.Lock()  # guards the cursor list
        self._summary_lock = threading.Lock()  # one thread computes the cached summary
        self._summary: dict[str, Any] | None = None
        self._readers: list[_Reader] = []
        # Totals per filter: an event page asks for the same count whatever its page number and sort,
        # and the database is read-only while we serve it, so a total never goes stale.
        self._totals: OrderedDict[str, int] = OrderedDict()
        self._totals_lock = threading.Lock()
        # Ordered event ids per (filter, sort, order), for the same reason: paging through one
        # filter then costs one lookup by id per page instead of a sort over the matches.
        self._id_lists: OrderedDict[str, list[str]] = OrderedDict()

    def close(self) -> None:
        with self._lock:
            for r in self._readers:
                try:
                    r.con.close()
                except duckdb.Error:
                    pass
            self._readers.clear()
        self.store.close()

    @property
    def r(self) -> _Reader:
        reader = getattr(self._local, "reader", None)
        if reader is None:
            with self._lock:
                reader = _Reader(self.store.con.cursor())
                self._readers.append(reader)
            self._local.reader = reader
        return reader

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        return Q._rows(self.r, sql, params or [])  # type: ignore[arg-type]

    # -- events -------------------------------------------------------------------------------
    def events(self, f: EventFilter, page: Page, sort: str = "date", order: str = "desc") -> dict[str, Any]:
        """One page of events in the JSON contract (``reports`` = count here), and the total."""
        if page.offset + page.size <= ID_LIST_LEN:
            ordered = self.ordered_ids(f, sort, order)
            # A list shorter than its cap holds every match: its length is the total, no count needed.
            total = len(ordered) if len(ordered) < ID_LIST_LEN else self.total(f)
            items = Q.records_by_ids(self.r, ordered[page.offset:page.offset + page.size])  # type: ignore[arg-type]
        else:  # deep pages: the store pages them itself
            total = self.total(f)
            items = Q.events(self.r, f, limit=page.size, offset=page.offset, sort=sort,  # type: ignore[arg-type]
                             descending=order != "asc", count=total).items
        return {"total": total, "page": page.page, "page_size": page.size,
                "pages": max(1, -(-total // page.size)), "items": items}

    def ordered_ids(self, f: EventFilter, sort: str, order: str) -> list[str]:
        """The first ``ID_LIST_LEN`` ids of a filter in page order, remembered (the DB is read-only)."""
        where, params = f.where("e")
        key = repr((where, params, sort, order))
        with self._totals_lock:
            ids = self._id_lists.get(key)
            if ids is not None:
                self._id_lists.move_to_end(key)
                return ids
        ids = Q.ordered_event_ids(self.r, f, sort=sort, descending=order != "asc",  # type: ignore[arg-type]
                                  limit=ID_LIST_LEN)
        with self._totals_lock:
            self._id_lists[key] = ids
            while len(self._id_lists) > MAX_ID_LISTS:
                self._id_lists.popitem(last=False)
        return ids

    def total(self, f: EventFilter) -> int:
        """Number of events matching ``f``, remembered for the most recent ``MAX_TOTALS`` filters."""
        where, params = f.where("e")
        key = repr((where, params))
        with self._totals_lock:
            n = self._totals.get(key)
            if n is not None:
                self._totals.move_to_end(key)
                return n
        n = Q.count_events(self.r, f)  # type: ignore[arg-type]
        with self._totals_lock:
            self._totals[key] = n
            while len(self._totals) > MAX_TOTALS:
                self._totals.popitem(last=False)
        return n

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with every report (outlet, link, evidence, attribution, explanation)."""
        rec = Q.event(self.r, event_id)  # type: ignore[arg-type]
        if rec is None:
            raise NotFound(f"no event {event_id!r}")
        # The explanation of the canonical report (listed first) is the event's explanation.
        rec["explain"] = next((r.get("explanation") for r in rec["reports"] if r.get("explanation")), None)
        return rec

    # -- series and network ---------------------------------------------------------------------
    def series(self, f: EventFilter, by: str = "month") -> dict[str, Any]:
        """Per period: counts by quad, type and factuality, score sum and mean; gaps filled.

        With a dyad this is the store's ``dyad_series`` (the same numbers as `dyadline dyad`);
        without one, the same aggregate over all events matching the filters.
        """
        if by not in PERIODS:  # `by` becomes SQL text below: whitelist it here too, not only in the endpoint
            raise Q.QueryError(f"by {by!r}: one of {', '.join(PERIODS)}")
        if f.dyad:
            rest = replace(f, dyad=None)
            rows = Q.dyad_series(self.r, f.dyad[0], f.dyad[1], by=by, f=rest)  # type: ignore[arg-type]
        else:
            where, params = f.where("e")
            rows = self._rows(f"""
                SELECT date_trunc('{by}', e.date)::DATE AS period, {Q.SERIES_AGGREGATES}
                FROM events e WHERE e.date IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1""", params)
            rows = [Q.series_period(r) for r in rows]
        for p in rows:
            start = dt.date.fromisoformat(str(p["period"]))
            p["label"] = _label(start, by)
            p["start"] = start.isoformat()
            p["end"] = _period_end(start, by).isoformat()
        return {"by": by, "periods": _fill_gaps(rows, by)}

    def network(self, f: EventFilter, min_events: int = 1, limit: int = 50, by_sector: bool = False,
                max_edges: int = 2000) -> dict[str, Any]:
        """Directed actor graph: the ``limit`` most active actors and the (``max_edges`` strongest) edges among them.

        ``edges_total`` says how many edges there were before the cut, so a client can say so.
        """
        actors = Q.top_actors(self.r, f, limit=limit, by_sector=by_sector)  # type: ignore[arg-type]
        keep = {a["actor"] for a in actors}
        edges = [
            {"source": e["source"], "target": e["target"], "events": e["events"], "mean_score": e["mean_score"],
             "quad": {str(q): e[f"n_q{q}"] for q in (1, 2, 3, 4)},
             "quad_score": {str(q): e[f"score_q{q}"] for q in (1, 2, 3, 4)}}
            for e in Q.network_edges(self.r, f, min_events=min_events, by_sector=by_sector)  # type: ignore[arg-type]
            if e["source"] in keep and e["target"] in keep
        ]
        total = len(edges)
        edges = edges[:max_edges]  # network_edges sorts by event count, strongest first
        linked = {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = [{"id": a["actor"], "code": a["actor"].split(" ")[0],
                  "sector": a["actor"].split(" ", 1)[1] if " " in a["actor"] else None,
                  "events": a["events"], "as_source": a["as_source"], "as_target": a["as_target"],
                  "mean_score": a["mean_score"]}
                 for a in actors if a["actor"] in linked]
        return {"nodes": nodes, "edges": edges, "edges_total": total}

    # -- actors and documents ----------------------------------------------------------------------
    def actors(self, q: str | None, limit: int = 20) -> dict[str, Any]:
        """Actors (code, or code + sector) by activity; ``q`` matches a code prefix, a name or mention text."""
        rows = Q.search_actors(self.r, q or "", limit=limit)  # type: ignore[arg-type]
        return {"items": [{"id": r["code"] + (" " + r["sector"] if r["sector"] else ""), **r} for r in rows]}

    def documents(self, page: Page, *, language: str | None = None, outlet: str | None = None,
                  text: str | None = None, duplicates: bool | None = None, set_aside: bool | None = None
                  ) -> dict[str, Any]:
        res = Q.documents(self.r, limit=page.size, offset=page.offset, language=language,  # type: ignore[arg-type]
                          duplicates=duplicates, set_aside=set_aside, text=text, outlet=outlet)
        return {"total": res.total, "page": page.page, "page_size": page.size,
                "pages": max(1, -(-res.total // page.size)), "items": res.items}

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document: extracted text, metadata, and every event it reports with evidence offsets.

        Not in the store's query API, so written here (parameterised, over the stable views).
        """
        rows = self._rows(
            """SELECT doc_id, title, url, canonical_url, date, site, outlet, source_outlet, author, language,
                      dup_of, story_id, skip_reason, is_duplicate, set_aside, n_chars, n_events, text
               FROM documents_v WHERE doc_id = ?""", [doc_id])
        if not rows:
            raise NotFound(f"no document {doc_id!r}")
        doc = rows[0]
        doc["events"] = [
            {"event_id": r["event_id"], "report_id": r["report_id"], "type": r["type"], "mode": r["mode"],
             "quad": r["quad"], "factuality": r["factuality"], "sent_idx": r["sent_idx"], "sentence": r["sentence"],
             "evidence": [r["ev_start"], r["ev_end"]],
             "trigger_span": [r["trig_start"], r["trig_end"]] if r["trig_start"] is not None else None}
            for r in self._rows(
                """SELECT event_id, report_id, type, mode, quad, factuality, sent_idx, sentence, ev_start, ev_end,
                          trig_start, trig_end FROM reports_v WHERE doc_id = ? ORDER BY ev_start, report_id""",
                [doc_id])
        ]
        return doc

    # -- summary ---------------------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """The store's summary plus the "about this data" extras; computed once.

        The database is opened read-only and DuckDB's file lock keeps writers out while the
        server holds it, so the counts cannot change under us.
        """
        with self._summary_lock:
            if self._summary is None:
                s = Q.summary(self.r)  # type: ignore[arg-type]
                con = self.r.con
                s["languages"] = dict(con.execute(
                    "SELECT coalesce(language, 'unknown'), count(*) FROM documents_v WHERE NOT set_aside "
                    "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
                s["skipped"] = dict(con.execute(
                    "SELECT skip_reason, count(*) FROM documents_v WHERE skip_reason IS NOT NULL "
                    "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
                by = self._rows("SELECT histogram(quad) AS q, histogram(type) AS t FROM events")[0]
                s["by_quad"] = {str(k): v for k, v in sorted((by["q"] or {}).items())}
                s["by_type"] = dict(sorted((by["t"] or {}).items()))
                self._summary = s
            return dict(self._summary)


def _label(start: dt.date, unit: str) -> str:
    if unit == "day":
        return start.isoformat()
    if unit == "week":
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "month":
        return start.strftime("%Y-%m")
    return str(start.year)


def _period_end(start: dt.date, unit: str) -> dt.date:
    return next_period_start(start, unit) - dt.timedelta(days=1)


def _fill_gaps(periods: list[dict[str, Any]], unit: str) -> list[dict[str, Any]]:
    """Insert empty periods so the timeline's x axis is time, not only the periods with events.

    Left as it is when the span would exceed MAX_FILLED_PERIODS (e.g. a decade by day).
    """
    if len(periods) < 2:
        return periods
    have = {p["start"]: p for p in periods}
    cur = dt.date.fromisoformat(periods[0]["start"])
    last = dt.date.fromisoformat(periods[-1]["start"])
    out: list[dict[str, Any]] = []
    while cur <= last:
        if len(out) > MAX_FILLED_PERIODS:
            return periods
        key = cur.isoformat()
        out.append(have.get(key) or {
            "period": key, "label": _label(cur, unit), "start": key, "end": _period_end(cur, unit).isoformat(),
            "events": 0, "reports": 0, "cooperation": 0, "conflict": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
            "types": {}, "factuality": {}, "score_sum": 0.0, "score_mean": None,
        })
        cur = next_period_start(cur, unit)
    return out
