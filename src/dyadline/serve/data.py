"""Read-only data access for the API: every page and aggregate is computed in DuckDB.

Why a layer of its own: the endpoints stay thin (validate, call, return), the SQL lives in
one file that is easy to audit (parameterised only; identifiers come from fixed whitelists),
and the dashboard never receives more than one page of events, one series or a capped
network, so it stays fast on 100k events.

Reads go through the store's stable views (``events_v``, ``reports_v``, ``documents_v``)
where they carry what is needed, and through ``event_actors``/``event_reports`` for the
per-actor and explanation columns the views leave out.

Concurrency: a DuckDB connection must not be shared by threads, so each worker thread of
the server gets its own cursor (``con.cursor()`` is a cheap second connection to the same
database), created on first use.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import duckdb

from dyadline.serve.filters import EventFilters, Page

# Sort keys the API accepts -> SQL expression over events_v (a whitelist: user text never becomes SQL).
SORTS: dict[str, str] = {
    "date": "e.date",
    "type": "e.type",
    "quad": "e.quad",
    "score": "e.score",
    "confidence": "e.confidence",
    "reports": "e.n_reports",
    "outlets": "e.n_outlets",
}
PERIODS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}
MAX_FILLED_PERIODS = 1000


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


class NotFound(LookupError):
    """No such event / document; becomes a 404 JSON error."""


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
        self._lock = threading.Lock()
        self._cursors: list[duckdb.DuckDBPyConnection] = []

    def close(self) -> None:
        with self._lock:
            for c in self._cursors:
                try:
                    c.close()
                except duckdb.Error:
                    pass
            self._cursors.clear()
        self.store.close()

    # -- plumbing ---------------------------------------------------------------------
    @property
    def cur(self) -> duckdb.DuckDBPyConnection:
        c = getattr(self._local, "cur", None)
        if c is None:
            with self._lock:
                c = self.store.con.cursor()
                self._cursors.append(c)
            self._local.cur = c
        return c

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.cur.execute(sql, list(params))
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, (_iso(v) for v in row), strict=True)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.cur.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    # -- events -------------------------------------------------------------------------
    _EVENT_COLS = """e.event_id, e.doc_id, e.sentence, e.type, e.mode, e.quad, e.score, e.reciprocal, e.factuality,
        e.date, e.date_precision, e.attribution_text, e.attribution_code, e.location_text, e.location_code,
        e.lat, e.lon, e.confidence, e.n_reports, e.n_documents, e.n_outlets, e.outlets, e.first_seen, e.last_seen"""

    def events(self, f: EventFilters, page: Page, sort: str = "date", order: str = "desc") -> dict[str, Any]:
        """One page of events in the JSON contract, plus ``reports``/``outlets``, and the total."""
        where, params = f.where("e")
        total = int(self._one(f"SELECT count(*) FROM events_v e WHERE {where}", params) or 0)
        direction = "ASC" if order == "asc" else "DESC"
        rows = self._rows(
            f"""SELECT {self._EVENT_COLS} FROM events_v e WHERE {where}
                ORDER BY {SORTS[sort]} {direction} NULLS LAST, e.event_id {direction}
                LIMIT ? OFFSET ?""",
            [*params, page.size, page.offset],
        )
        self._attach(rows)
        pages = max(1, -(-total // page.size))
        return {"total": total, "page": page.page, "page_size": page.size, "pages": pages,
                "items": [self._contract(r) for r in rows]}

    def _attach(self, rows: list[dict[str, Any]]) -> None:
        """Add source/target actor lists and the evidence span of each event's main report, in 2 queries."""
        if not rows:
            return
        ids = [r["event_id"] for r in rows]
        marks = ",".join("?" * len(ids))
        actors = self._rows(
            f"""SELECT a.event_id, a.role, a.text, a.code, a.sector, a.name, a.position, r.doc_id
                FROM event_actors a JOIN event_reports r USING (report_id)
                WHERE a.event_id IN ({marks}) ORDER BY a.event_id, r.doc_id, a.report_id, a.position""",
            ids,
        )
        reps = self._rows(
            f"""SELECT event_id, doc_id, ev_start, ev_end, trig_start, trig_end FROM event_reports
                WHERE event_id IN ({marks}) ORDER BY event_id, is_copy, doc_id, report_id""",
            ids,
        )
        by_id = {r["event_id"]: r for r in rows}
        for r in rows:
            r["_source"], r["_target"], r["_seen"] = [], [], set()
        # The representative report is the one whose document the event row names (else the first).
        for rep in reps:
            ev = by_id[rep["event_id"]]
            if "_rep" not in ev or rep["doc_id"] == ev["doc_id"] and ev["_rep"]["doc_id"] != ev["doc_id"]:
                ev["_rep"] = rep
        for a in actors:
            ev = by_id[a["event_id"]]
            key = (a["role"], a["code"] or a["text"], a["sector"])
            if key in ev["_seen"] or a["role"] not in ("source", "target"):
                continue
            ev["_seen"].add(key)
            ev["_" + a["role"]].append({"text": a["text"], "code": a["code"], "sector": a["sector"], "name": a["name"]})

    @staticmethod
    def _contract(r: dict[str, Any]) -> dict[str, Any]:
        """Row -> the public JSON contract (DESIGN.md §3), with the merge fields of issue 6 added."""
        rep = r.get("_rep") or {}
        ev_start = rep.get("ev_start")
        ev_end = rep.get("ev_end")
        return {
            "doc_id": r["doc_id"],
            "event_id": r["event_id"],
            "sentence": r["sentence"],
            "evidence": [ev_start, ev_end] if ev_start is not None else None,
            "type": r["type"],
            "mode": r["mode"],
            "quad": r["quad"],
            "score": r["score"],
            "source": r.get("_source", []),
            "target": r.get("_target", []),
            "reciprocal": bool(r["reciprocal"]),
            "factuality": r["factuality"],
            "attribution": {"text": r["attribution_text"], "code": r["attribution_code"]}
            if r["attribution_text"] else None,
            "date": r["date"],
            "date_precision": r["date_precision"],
            "location": {"text": r["location_text"], "code": r["location_code"], "lat": r["lat"], "lon": r["lon"]}
            if r["location_text"] else None,
            "confidence": round(r["confidence"], 3) if r["confidence"] is not None else None,
            "reports": r["n_reports"],
            "documents": r["n_documents"],
            "outlets": list(r["outlets"] or []),
            "first_seen": r["first_seen"],
            "last_seen": r["last_seen"],
            "trigger_span": [rep["trig_start"], rep["trig_end"]] if rep.get("trig_start") is not None else None,
        }

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with every report (outlet, link, evidence, attribution) and its explanation."""
        rows = self._rows(f"SELECT {self._EVENT_COLS} FROM events_v e WHERE e.event_id = ?", [event_id])
        if not rows:
            # Merged-away ids stay resolvable: event_aliases maps an old id to the event that absorbed it.
            alias = self._one("SELECT event_id FROM event_aliases WHERE alias_id = ?", [event_id])
            if alias is None:
                raise NotFound(f"no event {event_id!r}")
            rows = self._rows(f"SELECT {self._EVENT_COLS} FROM events_v e WHERE e.event_id = ?", [alias])
            if not rows:
                raise NotFound(f"no event {event_id!r}")
        self._attach(rows)
        out = self._contract(rows[0])
        reports = self._rows(
            """SELECT r.report_id, r.doc_id, r.outlet, r.site, r.is_copy, r.type, r.mode, r.factuality, r.date,
                      r.date_precision, r.sent_idx, r.sentence, r.ev_start, r.ev_end, r.trigger, r.trig_start,
                      r.trig_end, r.attribution_text, r.attribution_code, r.attribution_kind, r.confidence,
                      r.doc_title, r.doc_url, r.doc_date, r.doc_dup_of
               FROM reports_v r WHERE r.event_id = ? ORDER BY r.doc_id = ? DESC, r.is_copy, r.doc_date, r.doc_id""",
            [out["event_id"], out["doc_id"]],
        )
        out["reports_count"] = out.pop("reports")
        out["reports"] = [
            {
                "report_id": r["report_id"], "doc_id": r["doc_id"], "outlet": r["outlet"], "site": r["site"],
                "is_copy": bool(r["is_copy"]), "copy_of": r["doc_dup_of"], "title": r["doc_title"],
                "url": r["doc_url"], "published": r["doc_date"], "date": r["date"],
                "date_precision": r["date_precision"], "type": r["type"], "mode": r["mode"],
                "factuality": r["factuality"], "sentence": r["sentence"], "sent_idx": r["sent_idx"],
                "evidence": [r["ev_start"], r["ev_end"]], "trigger": r["trigger"],
                "trigger_span": [r["trig_start"], r["trig_end"]] if r["trig_start"] is not None else None,
                "attribution": {"text": r["attribution_text"], "code": r["attribution_code"],
                                "kind": r["attribution_kind"]} if r["attribution_text"] else None,
                "confidence": r["confidence"],
            }
            for r in reports
        ]
        out["explain"] = self.stored_explanation(out["event_id"], out["doc_id"])
        return out

    def stored_explanation(self, event_id: str, doc_id: str | None = None) -> Any:
        """The explanation JSON the coder stored with the main report (None when there is none)."""
        raw = self._one(
            """SELECT explanation FROM event_reports WHERE event_id = ? AND explanation IS NOT NULL
               ORDER BY doc_id = ? DESC, is_copy, report_id LIMIT 1""",
            [event_id, doc_id],
        )
        if raw is None:
            return None
        try:
            val = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return None
        return val or None

    # -- series and network ---------------------------------------------------------------
    def series(self, f: EventFilters, by: str = "month") -> dict[str, Any]:
        """Counts by quad, type and factuality, and the score sum/mean, per period (dates in the DB)."""
        unit = PERIODS[by]
        where, params = f.where("e")
        rows = self._rows(
            f"""SELECT date_trunc('{unit}', e.date)::DATE AS start, count(*) AS n,
                       sum(e.score) AS score_sum, avg(e.score) AS score_mean,
                       count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2,
                       count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4,
                       histogram(e.type) AS types, histogram(e.factuality) AS facts
                FROM events_v e WHERE e.date IS NOT NULL AND {where}
                GROUP BY 1 ORDER BY 1""",
            params,
        )
        periods = [
            {
                "period": _label(dt.date.fromisoformat(r["start"]), unit),
                "start": r["start"],
                "end": _period_end(dt.date.fromisoformat(r["start"]), unit).isoformat(),
                "count": r["n"],
                "quad": {"1": r["q1"], "2": r["q2"], "3": r["q3"], "4": r["q4"]},
                "types": {k: v for k, v in sorted((r["types"] or {}).items())},
                "factuality": {k: v for k, v in sorted((r["facts"] or {}).items())},
                "score_sum": round(r["score_sum"] or 0.0, 3),
                "score_mean": round(r["score_mean"], 3) if r["score_mean"] is not None else None,
            }
            for r in rows
        ]
        return {"by": unit, "periods": _fill_gaps(periods, unit)}

    def network(self, f: EventFilters, min_events: int = 1, limit: int = 50, by_sector: bool = False) -> dict[str, Any]:
        """Directed actor graph: the ``limit`` most active actors and the edges among them."""
        where, params = f.where("e")
        node = "x.code || coalesce(' ' || x.sector, '')" if by_sector else "x.code"
        rows = self._rows(
            f"""WITH fe AS (SELECT e.event_id, e.score, e.quad FROM events_v e WHERE {where}),
                ea AS (SELECT DISTINCT x.event_id, x.role, {node} AS actor FROM event_actors x
                       JOIN fe USING (event_id) WHERE x.code IS NOT NULL AND x.role IN ('source', 'target')),
                pairs AS (SELECT DISTINCT s.event_id, s.actor AS src, t.actor AS tgt FROM ea s JOIN ea t
                          ON s.event_id = t.event_id AND s.role = 'source' AND t.role = 'target' AND s.actor <> t.actor),
                edges AS (SELECT src, tgt, count(*) AS n, avg(fe.score) AS mean_score,
                                 count(*) FILTER (WHERE fe.quad = 1) AS q1, count(*) FILTER (WHERE fe.quad = 2) AS q2,
                                 count(*) FILTER (WHERE fe.quad = 3) AS q3, count(*) FILTER (WHERE fe.quad = 4) AS q4
                          FROM pairs JOIN fe USING (event_id) GROUP BY src, tgt HAVING count(*) >= ?),
                act AS (SELECT actor, count(DISTINCT event_id) AS n FROM ea GROUP BY actor),
                top AS (SELECT a.actor, a.n FROM act a
                        WHERE a.actor IN (SELECT src FROM edges UNION SELECT tgt FROM edges)
                        ORDER BY a.n DESC, a.actor LIMIT ?)
                SELECT 'node' AS kind, actor AS src, NULL AS tgt, n, NULL AS mean_score,
                       NULL AS q1, NULL AS q2, NULL AS q3, NULL AS q4 FROM top
                UNION ALL
                SELECT 'edge', src, tgt, n, mean_score, q1, q2, q3, q4 FROM edges
                WHERE src IN (SELECT actor FROM top) AND tgt IN (SELECT actor FROM top)""",
            [*params, min_events, limit],
        )
        names = self._names([r["src"].split(" ")[0] for r in rows if r["kind"] == "node"])
        nodes = sorted(
            ({"id": r["src"], "code": r["src"].split(" ")[0],
              "sector": r["src"].split(" ", 1)[1] if " " in r["src"] else None,
              "name": names.get(r["src"].split(" ")[0]), "events": r["n"]} for r in rows if r["kind"] == "node"),
            key=lambda n: (-n["events"], n["id"]),
        )
        edges = sorted(
            ({"source": r["src"], "target": r["tgt"], "count": r["n"], "mean_score": round(r["mean_score"], 3),
              "quad": {"1": r["q1"], "2": r["q2"], "3": r["q3"], "4": r["q4"]}} for r in rows if r["kind"] == "edge"),
            key=lambda e: (-e["count"], e["source"], e["target"]),
        )
        return {"nodes": nodes, "edges": edges}

    def _names(self, codes: Iterable[str]) -> dict[str, str]:
        codes = sorted(set(codes))
        if not codes:
            return {}
        rows = self._rows(
            f"""SELECT code, name FROM (SELECT code, name, count(*) AS n FROM event_actors
                WHERE code IN ({",".join("?" * len(codes))}) AND name IS NOT NULL AND sector IS NULL
                GROUP BY code, name) QUALIFY row_number() OVER (PARTITION BY code ORDER BY n DESC, name) = 1""",
            codes,
        )
        return {r["code"]: r["name"] for r in rows}

    # -- actors -----------------------------------------------------------------------------
    def actors(self, q: str | None, limit: int = 20) -> dict[str, Any]:
        """Actors by activity; ``q`` matches a code prefix or part of a name or mention text."""
        params: list[Any] = []
        cond = "x.code IS NOT NULL"
        if q:
            cond += (" AND (starts_with(upper(x.code), upper(?)) OR contains(lower(coalesce(x.name, '')), lower(?))"
                     " OR contains(lower(coalesce(x.text, '')), lower(?)))")
            params += [q, q, q]
        rows = self._rows(
            f"""SELECT x.code, x.sector, count(DISTINCT x.event_id) AS events,
                       mode(x.name) AS name, count(DISTINCT x.event_id) FILTER (WHERE x.role = 'source') AS as_source,
                       count(DISTINCT x.event_id) FILTER (WHERE x.role = 'target') AS as_target
                FROM event_actors x WHERE {cond}
                GROUP BY GROUPING SETS ((x.code), (x.code, x.sector))
                HAVING x.sector IS NOT NULL OR GROUPING(x.sector) = 1
                ORDER BY events DESC, x.code, x.sector NULLS FIRST LIMIT ?""",
            [*params, limit],
        )
        items = [
            {"id": r["code"] + (" " + r["sector"] if r["sector"] else ""), "code": r["code"], "sector": r["sector"],
             "name": r["name"], "events": r["events"], "as_source": r["as_source"], "as_target": r["as_target"]}
            for r in rows
        ]
        return {"items": items}

    # -- documents ---------------------------------------------------------------------------
    _DOC_COLS = """d.doc_id, d.title, d.url, d.canonical_url, d.date, d.site, d.outlet, d.source_outlet, d.author,
        d.language, d.dup_of, d.story_id, d.skip_reason, d.is_duplicate, d.set_aside, d.n_chars, d.n_events"""

    def documents(self, f: EventFilters, page: Page, language: str | None = None) -> dict[str, Any]:
        """Documents, newest first. Event filters keep the documents that report a matching event."""
        clauses: list[str] = []
        params: list[Any] = []
        rest = EventFilters(actor=f.actor, dyad=f.dyad, type=f.type, quad=f.quad, factuality=f.factuality)
        if f.outlet is not None:
            clauses.append("(lower(d.outlet) = lower(?) OR lower(d.site) = lower(?))")
            params += [f.outlet, f.outlet]
        if f.since is not None:
            clauses.append("d.date >= ?")
            params.append(f.since)
        if f.until is not None:
            clauses.append("d.date <= ?")
            params.append(f.until)
        if f.q is not None:
            clauses.append("(contains(lower(d.text), lower(?)) OR contains(lower(coalesce(d.title, '')), lower(?)))")
            params += [f.q, f.q]
        if language is not None:
            clauses.append("d.language = ?")
            params.append(language)
        if not rest.is_empty():
            w, p = rest.where("e")
            clauses.append(f"d.doc_id IN (SELECT r.doc_id FROM event_reports r JOIN events_v e USING (event_id) WHERE {w})")
            params += p
        where = " AND ".join(clauses) or "TRUE"
        total = int(self._one(f"SELECT count(*) FROM documents_v d WHERE {where}", params) or 0)
        rows = self._rows(
            f"SELECT {self._DOC_COLS} FROM documents_v d WHERE {where} ORDER BY d.date DESC NULLS LAST, d.doc_id "
            "LIMIT ? OFFSET ?",
            [*params, page.size, page.offset],
        )
        return {"total": total, "page": page.page, "page_size": page.size, "pages": max(1, -(-total // page.size)),
                "items": rows}

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document: extracted text, metadata, and every event it reports with evidence offsets."""
        rows = self._rows(f"SELECT {self._DOC_COLS}, d.text FROM documents_v d WHERE d.doc_id = ?", [doc_id])
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
                [doc_id],
            )
        ]
        return doc

    # -- summary -------------------------------------------------------------------------------
    @cached_property
    def _summary(self) -> dict[str, Any]:
        # The database is opened read-only and DuckDB's file lock keeps writers out while we
        # hold it, so the counts cannot change under us: compute them once.
        d = self._rows(
            """SELECT count(*) AS documents, count(*) FILTER (WHERE is_duplicate) AS duplicates,
                      count(*) FILTER (WHERE set_aside) AS set_aside,
                      count(*) FILTER (WHERE skip_reason IS NOT NULL) AS skipped_total,
                      count(DISTINCT outlet) AS doc_outlets
               FROM documents_v"""
        )[0]
        e = self._rows(
            """SELECT count(*) AS events, min(date) AS first_date, max(date) AS last_date,
                      histogram(quad) AS by_quad, histogram(type) AS by_type, histogram(factuality) AS by_factuality
               FROM events_v"""
        )[0]
        reports = int(self._one("SELECT count(*) FROM event_reports") or 0)
        outlets = int(self._one("SELECT count(DISTINCT outlet) FROM event_reports") or 0)
        hist = dict(self.cur.execute(
            "SELECT coalesce(language, 'unknown'), count(*) FROM documents_v WHERE set_aside GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall())
        kept = dict(self.cur.execute(
            "SELECT coalesce(language, 'unknown'), count(*) FROM documents_v WHERE NOT set_aside GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall())
        skipped = dict(self.cur.execute(
            "SELECT skip_reason, count(*) FROM documents_v WHERE skip_reason IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall())
        return {
            "documents": d["documents"], "duplicates": d["duplicates"], "set_aside": d["set_aside"],
            "languages_set_aside": hist, "languages": kept, "skipped": skipped,
            "events": e["events"], "reports": reports, "outlets": outlets,
            "first_date": e["first_date"], "last_date": e["last_date"],
            "by_quad": {str(k): v for k, v in sorted((e["by_quad"] or {}).items())},
            "by_type": dict(sorted((e["by_type"] or {}).items())),
            "by_factuality": dict(sorted((e["by_factuality"] or {}).items())),
        }

    def summary(self) -> dict[str, Any]:
        with self._lock:
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


def _next_start(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def _period_end(start: dt.date, unit: str) -> dt.date:
    return _next_start(start, unit) - dt.timedelta(days=1)


def _fill_gaps(periods: list[dict[str, Any]], unit: str) -> list[dict[str, Any]]:
    """Insert empty periods so the timeline's x axis is time, not just the periods with events.

    Skipped (periods returned as they are) when the span would exceed MAX_FILLED_PERIODS,
    e.g. a decade by day.
    """
    if len(periods) < 2:
        return periods
    first = dt.date.fromisoformat(periods[0]["start"])
    last = dt.date.fromisoformat(periods[-1]["start"])
    have = {p["start"]: p for p in periods}
    out: list[dict[str, Any]] = []
    cur = first
    while cur <= last:
        if len(out) > MAX_FILLED_PERIODS:
            return periods
        key = cur.isoformat()
        out.append(have.get(key) or {
            "period": _label(cur, unit), "start": key, "end": _period_end(cur, unit).isoformat(), "count": 0,
            "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "types": {}, "factuality": {}, "score_sum": 0.0,
            "score_mean": None,
        })
        cur = _next_start(cur, unit)
    return out
