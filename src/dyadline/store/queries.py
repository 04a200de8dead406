"""The query API over the store: one set of functions for the CLI, the JSON API and exports.

Every function takes a :class:`Store` and an :class:`EventFilter`. Filters become
``WHERE`` fragments with ``?`` placeholders; user values never become SQL text, and the
only identifiers that do (sort keys, period units) come from fixed whitelists here. That
makes this file the one place to audit for injection.

Actor semantics: a bare country code matches every sector of it ("RUS" finds RUS GOV and
RUS MIL); "RUS GOV" (or "RUS:GOV", "RUSGOV") narrows to one sector. A dyad is undirected
(A->B and B->A, as in "how have A and B treated each other"); ``source``/``target`` give
a direction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from dyadline.store.db import Store

EVENT_FACTUALITIES = ("asserted", "negated", "possible", "contested")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SORTS: dict[str, str] = {
    "date": "e.date", "reports": "e.n_reports", "outlets": "e.n_outlets", "score": "e.score",
    "confidence": "e.confidence", "type": "e.type", "first_seen": "e.first_seen", "event_id": "e.event_id",
}
PERIODS = ("day", "week", "month", "year")
DIRECT_TOP_N = 20_000  # matching events up to which a page is one top-N (see ``events``)
KNOWN_SECTORS = frozenset("GOV MIL COP REB OPP BUS MED CVL JUD LEG EDU REF NGO IGO SPY ELI LAB HLH CRM UAF "
                          "IMG REL AGR ENV PTY MOD RAD INS SET".split())


class QueryError(ValueError):
    """A filter value that cannot be used; the message names the filter and what it expects."""


@dataclass(frozen=True, slots=True)
class ActorRef:
    code: str
    sector: str | None = None

    @property
    def label(self) -> str:
        return f"{self.code} {self.sector}" if self.sector else self.code


def parse_actor(value: str) -> ActorRef:
    """'RUS' | 'RUS GOV' | 'rus:gov' | 'RUSGOV' -> ActorRef (codes are stored upper-case)."""
    parts = value.replace(":", " ").replace("/", " ").split()
    if len(parts) == 1 and len(parts[0]) == 6 and parts[0][3:].upper() in KNOWN_SECTORS:
        parts = [parts[0][:3], parts[0][3:]]
    if not parts or len(parts) > 2 or any(len(p) > 40 for p in parts):
        raise QueryError(f"actor {value!r}: expected a code, optionally with a sector, e.g. 'RUS' or 'RUS GOV'")
    return ActorRef(parts[0].upper(), parts[1].upper() if len(parts) == 2 else None)


def _as_date(name: str, v: str | dt.date | None) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    s = str(v).strip()
    try:
        if len(s) == 4 and s.isdigit():
            return dt.date(int(s), 1, 1)
        if len(s) == 7:
            return dt.date.fromisoformat(s + "-01")
        return dt.date.fromisoformat(s)
    except ValueError as exc:
        raise QueryError(f"{name} {v!r}: expected YYYY-MM-DD (or YYYY-MM, YYYY)") from exc


@dataclass
class EventFilter:
    """Every filter of `dyadline events`, the API and `export`; all optional, all combined with AND.

    ``type``, ``quad``, ``factuality`` and ``outlet`` accept one value or several (any of them).
    ``attribution``: a substring of the attributed source or its code; "none" keeps events the
    outlet asserts itself. ``text``: every word must occur in the evidence of some report.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | Sequence[str] | None = None
    quad: int | Sequence[int] | None = None
    factuality: str | Sequence[str] | None = None
    outlet: str | Sequence[str] | None = None
    attribution: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    text: str | None = None
    min_reports: int | None = None
    event_ids: Sequence[str] | None = field(default=None, repr=False)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, (), []) for f in fields(self))

    def where(self, a: str = "e") -> tuple[str, list[Any]]:
        """SQL condition over ``events`` (or ``events_v``) aliased ``a``, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append(_actor_cond(a, None, parse_actor(self.actor), params))
        if self.source:
            clauses.append(_actor_cond(a, "source", parse_actor(self.source), params))
        if self.target:
            clauses.append(_actor_cond(a, "target", parse_actor(self.target), params))
        if self.dyad:
            if len(self.dyad) != 2:
                raise QueryError("dyad: expected two actors")
            x, y = parse_actor(self.dyad[0]), parse_actor(self.dyad[1])
            clauses.append(_dyad_cond(a, x, y, params))
        if self.type:
            types = [t.upper() for t in _many(self.type)]
            clauses.append(f"list_contains(?, {a}.type)")
            params.append(types)
        if self.quad:
            quads = [int(q) for q in _many(self.quad)]
            if not all(q in QUAD_NAMES for q in quads):
                raise QueryError("quad: 1, 2, 3 or 4")
            clauses.append(f"list_contains(?, {a}.quad::INTEGER)")
            params.append(quads)
        if self.factuality:
            facts = [f.lower() for f in _many(self.factuality)]
            bad = [f for f in facts if f not in EVENT_FACTUALITIES]
            if bad:
                raise QueryError(f"factuality {bad[0]!r}: one of {', '.join(EVENT_FACTUALITIES)}")
            clauses.append(f"list_contains(?, {a}.factuality)")
            params.append(facts)
        if self.outlet:
            clauses.append(f"{a}.event_id IN (SELECT event_id FROM event_reports WHERE list_contains(?, lower(outlet))"
                           " OR list_contains(?, lower(site)))")
            outs = [o.lower() for o in _many(self.outlet)]
            params += [outs, outs]
        if self.attribution:
            if self.attribution.strip().lower() == "none":
                clauses.append(f"{a}.event_id IN (SELECT event_id FROM event_reports WHERE attribution_text IS NULL)")
            else:
                clauses.append(f"{a}.event_id IN (SELECT event_id FROM event_reports WHERE "
                               "contains(lower(attribution_text), lower(?)) OR upper(attribution_code) = upper(?))")
                params += [self.attribution, self.attribution]
        since, until = _as_date("since", self.since), _as_date("until", self.until)
        if since:
            clauses.append(f"{a}.date >= ?")
            params.append(since)
        if until:
            clauses.append(f"{a}.date <= ?")
            params.append(until)
        if self.text:
            words = self.text.split()
            if words:
                # contains() takes each word literally: no LIKE wildcards to escape, nothing to inject.
                # report_texts (schema v4) holds every report's sentence, lower-cased, one per line: a word
                # (no whitespace) is in some report's sentence iff it is in report_texts, so one word needs
                # no join; several words must share one sentence, which only the join over reports checks.
                if len(words) == 1:
                    clauses.append(f"contains({a}.report_texts, lower(?))")
                else:
                    conds = " AND ".join("contains(lower(sentence), lower(?))" for _ in words)
                    clauses.append(f"{a}.event_id IN (SELECT event_id FROM event_reports WHERE {conds})")
                params += words
        if self.min_reports:
            clauses.append(f"{a}.n_reports >= ?")
            params.append(int(self.min_reports))
        if self.event_ids is not None:
            clauses.append(f"{a}.event_id IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.event_ids))
        return (" AND ".join(clauses) or "TRUE"), params


def _many(v: Any) -> list[Any]:
    if isinstance(v, str):
        return [p.strip() for p in v.split(",") if p.strip()]
    if isinstance(v, int):
        return [v]
    return list(v)


def _actor_match(alias: str, ref: ActorRef, params: list[Any]) -> str:
    cond = f"{alias}.code = ?"
    params.append(ref.code)
    if ref.sector:
        cond += f" AND {alias}.sector = ?"
        params.append(ref.sector)
    return cond


def _actor_cond(a: str, role: str | None, ref: ActorRef, params: list[Any]) -> str:
    """Events with an actor ``ref`` (in ``role``, else in any role) in some report.

    Read from the event's own lists (schema v3: ``src_codes``/``tgt_codes`` for a bare code,
    ``src_keys``/``tgt_keys`` -- "RUS GOV" -- for code and sector), which the writer keeps equal
    to what ``event_actors`` says; no join.
    """
    kind, value = ("keys", ref.label) if ref.sector else ("codes", ref.code)
    if role in ("source", "target"):
        params.append(value)
        return f"list_contains({a}.{'src' if role == 'source' else 'tgt'}_{kind}, ?)"
    params += [value, value]
    return f"(list_contains({a}.src_{kind}, ?) OR list_contains({a}.tgt_{kind}, ?))"


def _dyad_cond(a: str, x: ActorRef, y: ActorRef, params: list[Any]) -> str:
    """Events with a report in which x acts on y or y on x (source and target of the same report).

    Two bare codes (the common case) or two sector-level actors read the event's pair list
    (``dyad_codes`` / ``dyad_keys``: ``source>target`` within one report); a code paired with a
    sector-level actor joins ``event_actors`` as before.
    """
    if bool(x.sector) == bool(y.sector):
        col = "dyad_keys" if x.sector else "dyad_codes"
        params += [f"{x.label}>{y.label}", f"{y.label}>{x.label}"]
        return f"(list_contains({a}.{col}, ?) OR list_contains({a}.{col}, ?))"  # 4x faster than list_has_any
    return f"{a}.event_id IN ({_pair_sql(x, y, params)} UNION {_pair_sql(y, x, params)})"


def _pair_sql(src: ActorRef, tgt: ActorRef, params: list[Any]) -> str:
    """Events with a report in which ``src`` is a source and ``tgt`` a target (same report)."""
    s = _actor_match("s", src, params)
    t = _actor_match("t", tgt, params)
    return (f"SELECT s.event_id FROM event_actors s JOIN event_actors t ON s.report_id = t.report_id "
            f"WHERE s.role = 'source' AND t.role = 'target' AND {s} AND {t}")


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, list(params))
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, (_iso(v) for v in row), strict=True)) for row in cur.fetchall()]


# -- events --------------------------------------------------------------------------------------
EVENT_COLUMNS = """e.event_id, e.doc_id, e.sentence, e.ev_start, e.ev_end, e.type, e.mode, e.quad, e.score,
    e.reciprocal, e.factuality, e.date, e.date_precision, e.attribution_text, e.attribution_code,
    e.location_text, e.location_code, e.lat, e.lon, e.confidence, e.n_reports, e.n_documents, e.n_outlets,
    e.outlets, e.first_seen, e.last_seen, e.source_actors, e.target_actors"""


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def count_events(store: Store, f: EventFilter | None = None) -> int:
    """How many events match the filters."""
    where, params = (f or EventFilter()).where("e")
    return int(store.one(f"SELECT count(*) FROM events e WHERE {where}", params)[0])


def events(store: Store, f: EventFilter | None = None, *, limit: int = 50, offset: int = 0, sort: str = "date",
           descending: bool = True, with_reports: bool = False, count: bool | int = True) -> Page:
    """One page of events as contract records (plus ``reports``, ``outlets``, first/last seen) and the total.

    ``count``: True counts the matching events, False leaves the total at -1, and an int is a
    total the caller already knows (the API keeps one per filter; see ``serve.data``).
    """
    f = f or EventFilter()
    if sort not in SORTS:
        raise QueryError(f"sort {sort!r}: one of {', '.join(SORTS)}")
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    where, params = f.where("e")
    if count is True:
        total = count_events(store, f)
    else:
        total = -1 if count is False else int(count)
    d = "DESC" if descending else "ASC"
    key = SORTS[sort]
    # Three cheap steps instead of one top-N that carries every column (3-4x the cost):
    # 1. the sort key of the page's last row (a top-N over that one column);
    # 2. the page's ids among the rows on the right side of it (the same rows come first whatever the
    #    tie-breaker, so the page is exactly what ORDER BY ... LIMIT ... OFFSET gives);
    # 3. the page's rows by id.
    # (With few matches -- the total is known -- one top-N over them is cheaper than two filter passes.)
    bound, bparams = "", []
    if limit > 0 and not 0 <= total <= DIRECT_TOP_N:
        last = store.con.execute(f"SELECT {key} FROM events e WHERE {where} ORDER BY {key} {d} NULLS LAST "
                                 "LIMIT 1 OFFSET ?", [*params, offset + limit - 1]).fetchall()
        if last and last[0][0] is not None:  # a NULL bound (paging into the NULLs) narrows nothing
            bound, bparams = f" AND {key} {'>=' if descending else '<='} ?", [last[0][0]]
    ids = [i for (i,) in store.con.execute(
        f"SELECT e.event_id FROM events e WHERE {where}{bound} "
        f"ORDER BY {key} {d} NULLS LAST, e.event_id {d} LIMIT ? OFFSET ?", [*params, *bparams, limit, offset]
    ).fetchall()] if limit > 0 else []
    if with_reports:
        by_id = {r["event_id"]: r for r in _rows(
            store, f"SELECT {EVENT_COLUMNS} FROM events e WHERE list_contains(?, e.event_id)", [ids])} if ids else {}
        return Page(total, limit, offset, contract_records(store, [by_id[i] for i in ids], with_reports=True))
    return Page(total, limit, offset, records_by_ids(store, ids))


def records_by_ids(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Contract records (``reports`` = count) for these event ids, in the order given.

    Read from each row's ``card`` (schema v3): 3 columns instead of 28, the same records as
    ``contract_records``. (No range bound here: a pushed-down filter makes DuckDB fetch columns slowly.)
    """
    if not ids:
        return []
    cards = {i: (sentence, card) for i, sentence, card in store.con.execute(
        "SELECT e.event_id, e.sentence, e.card FROM events e WHERE list_contains(?, e.event_id)", [list(ids)]
    ).fetchall()}
    return [card_record(*cards[i]) for i in ids if i in cards]


def ordered_event_ids(store: Store, f: EventFilter | None = None, *, sort: str = "date", descending: bool = True,
                      limit: int = 1000) -> list[str]:
    """The first ``limit`` matching event ids in page order: ``events`` pages are slices of this list.

    The order (sort key, NULLs last, then event id) is the one ``events`` uses, so a caller that
    keeps this list (the API server, over a read-only database) can answer page after page of
    one filter with a single lookup by id each.
    """
    f = f or EventFilter()
    if sort not in SORTS:
        raise QueryError(f"sort {sort!r}: one of {', '.join(SORTS)}")
    where, params = f.where("e")
    d = "DESC" if descending else "ASC"
    key = SORTS[sort]
    return [i for (i,) in store.con.execute(
        f"SELECT e.event_id FROM events e WHERE {where} ORDER BY {key} {d} NULLS LAST, e.event_id {d} LIMIT ?",
        [*params, limit]).fetchall()]


def card_record(sentence: str | None, card: str) -> dict[str, Any]:
    """An events row's ``card`` -> the contract record that ``contract_records`` gives (``reports`` = count)."""
    c = json.loads(card)
    conf = c["confidence"]
    return {
        "doc_id": c["doc_id"], "event_id": c["event_id"], "sentence": sentence, "evidence": c["evidence"],
        "type": c["type"], "mode": c["mode"], "quad": c["quad"], "score": c["score"], "source": c["source"],
        "target": c["target"], "reciprocal": c["reciprocal"], "factuality": c["factuality"],
        "attribution": c["attribution"], "date": c["date"], "date_precision": c["date_precision"],
        "location": c["location"], "confidence": round(conf, 3) if conf is not None else None,
        "n_reports": c["n_reports"], "n_outlets": c["n_outlets"], "outlets": c["outlets"],
        "first_seen": c["first_seen"], "last_seen": c["last_seen"], "reports": c["n_reports"],
    }


def iter_events(store: Store, f: EventFilter | None = None, *, batch: int = 5000,
                with_reports: bool = True) -> Any:
    """Every matching event as a contract record, streamed in date order (for exports)."""
    f = f or EventFilter()
    where, params = f.where("e")
    cur = store.con.cursor()
    try:
        cur.execute(f"SELECT {EVENT_COLUMNS} FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id",
                    params)
        cols = [c[0] for c in cur.description or []]
        while chunk := cur.fetchmany(batch):
            rows = [dict(zip(cols, (_iso(v) for v in r), strict=True)) for r in chunk]
            yield from contract_records(store, rows, with_reports=with_reports)
    finally:
        cur.close()


def contract_records(store: Store, rows: list[dict[str, Any]], with_reports: bool = False) -> list[dict[str, Any]]:
    """Event rows -> the DESIGN.md §3 contract, plus ``reports``/``outlets``/``first_seen``/``last_seen``.

    Source and target lists come from the canonical report (whose id is the event id), so
    they show the mention text the way `dyadline code` would.
    """
    if not rows:
        return []
    ids = [r["event_id"] for r in rows]
    # the canonical report's actors are kept on the event row (schema v3): no second query
    parts = {r["event_id"]: {"source": list(r["source_actors"] or []), "target": list(r["target_actors"] or [])}
             for r in rows}
    reports: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if with_reports:
        for r in report_rows(store, ids):
            reports[r.pop("event_id")].append(r)
    out = []
    for r in rows:
        rec = {
            "doc_id": r["doc_id"], "event_id": r["event_id"], "sentence": r["sentence"],
            "evidence": [r["ev_start"], r["ev_end"]], "type": r["type"], "mode": r["mode"], "quad": r["quad"],
            "score": r["score"], "source": parts[r["event_id"]]["source"], "target": parts[r["event_id"]]["target"],
            "reciprocal": bool(r["reciprocal"]), "factuality": r["factuality"],
            "attribution": {"text": r["attribution_text"], "code": r["attribution_code"]}
            if r["attribution_text"] else None,
            "date": r["date"], "date_precision": r["date_precision"],
            "location": {"text": r["location_text"], "code": r["location_code"], "lat": r["lat"], "lon": r["lon"]}
            if r["location_text"] else None,
            "confidence": round(r["confidence"], 3) if r["confidence"] is not None else None,
            "n_reports": r["n_reports"], "n_outlets": r["n_outlets"], "outlets": list(r["outlets"] or []),
            "first_seen": r["first_seen"], "last_seen": r["last_seen"],
        }
        rec["reports"] = reports[r["event_id"]] if with_reports else r["n_reports"]
        out.append(rec)
    return out


def report_rows(store: Store, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Every report of the given events with its document's title, URL and date; provenance in full."""
    rows = _rows(store, """
        SELECT r.event_id, r.report_id, r.doc_id, r.outlet, r.site, r.is_copy, d.dup_of AS copy_of,
               d.title, coalesce(d.canonical_url, d.url) AS url, d.date AS published, r.date, r.date_precision,
               r.mode, r.factuality, r.sent_idx, r.sentence, r.ev_start, r.ev_end, r.trigger, r.trig_start,
               r.trig_end, r.attribution_text, r.attribution_code, r.attribution_kind, r.attribution_chain,
               r.confidence, r.explanation, r.location_text
        FROM event_reports r LEFT JOIN documents d USING (doc_id)
        WHERE r.event_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY r.event_id, r.report_id <> r.event_id, r.is_copy, d.date NULLS LAST, r.doc_id, r.report_id""",
                 [list(event_ids)])
    out = []
    for r in rows:
        out.append({
            "event_id": r["event_id"], "report_id": r["report_id"], "doc_id": r["doc_id"], "outlet": r["outlet"],
            "site": r["site"], "is_copy": bool(r["is_copy"]), "copy_of": r["copy_of"], "title": r["title"],
            "url": r["url"], "published": r["published"], "date": r["date"], "date_precision": r["date_precision"],
            "mode": r["mode"], "factuality": r["factuality"], "sent_idx": r["sent_idx"], "sentence": r["sentence"],
            "evidence": [r["ev_start"], r["ev_end"]], "trigger": r["trigger"],
            "trigger_span": [r["trig_start"], r["trig_end"]],
            "attribution": {"text": r["attribution_text"], "code": r["attribution_code"],
                            "kind": r["attribution_kind"], "chain": list(r["attribution_chain"] or [])}
            if r["attribution_text"] else None,
            "confidence": r["confidence"], "location": r["location_text"],
            "explanation": json.loads(r["explanation"]) if r["explanation"] else None,
        })
    return out


def resolve_event_id(store: Store, event_id: str) -> str | None:
    """The current id of an event: itself, or the event that absorbed it in a merge."""
    if store.one("SELECT 1 FROM events WHERE event_id = ?", [event_id]):
        return event_id
    row = store.one("SELECT event_id FROM event_aliases WHERE alias_id = ?", [event_id])
    return str(row[0]) if row else None


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with all its reports (outlet, link, evidence, attribution chain, explanation)."""
    eid = resolve_event_id(store, event_id)
    if eid is None:
        return None
    rows = _rows(store, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id = ?", [eid])
    rec = contract_records(store, rows, with_reports=True)[0]
    if eid != event_id:
        rec["merged_from"] = event_id
    return rec


# -- dyad series -----------------------------------------------------------------------------------
def dyad_series(store: Store, a: str, b: str, by: str = "month", f: EventFilter | None = None,
                directed: bool = False) -> list[dict[str, Any]]:
    """Per period: event counts by type, quad and factuality; sum and mean score (cooperation-conflict index).

    Undirected by default (A->B and B->A); ``directed`` keeps A->B only. Periods without
    events are left out; ``fill_periods`` adds them for plotting.
    """
    if by not in PERIODS:
        raise QueryError(f"by {by!r}: one of {', '.join(PERIODS)}")
    f = f or EventFilter()
    base = EventFilter(**{k.name: getattr(f, k.name) for k in fields(f)})
    if directed:
        base.source, base.target = a, b
    else:
        base.dyad = (a, b)
    where, params = base.where("e")
    rows = _rows(store, f"""
        SELECT date_trunc('{by}', e.date)::DATE AS period, {SERIES_AGGREGATES}
        FROM events e WHERE e.date IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1""", params)
    return [series_period(r) for r in rows]


# Factualities that count towards cooperation, conflict and the score: "Beijing did not send weapons" and
# "Minsk may join the war" are kept and counted as events, but they add nothing to the index.
REPORTED = "('asserted', 'contested')"
# One period's aggregates (over events ``e``), shared by the CLI series and the API timeline.
SERIES_AGGREGATES = f"""count(*) AS events, sum(e.n_reports) AS reports,
        round(coalesce(sum(e.score) FILTER (WHERE e.factuality IN {REPORTED}), 0), 3) AS score_sum,
        round(avg(e.score) FILTER (WHERE e.factuality IN {REPORTED}), 3) AS score_mean,
        {", ".join(f"count(*) FILTER (WHERE e.quad = {q} AND e.factuality IN {REPORTED}) AS q{q}" for q in (1, 2, 3, 4))},
        list(e.type) AS types, list(e.factuality) AS factuality"""


def _histogram(values: Sequence[Any] | None) -> dict[str, int]:
    """What SQL histogram() gives (counts of non-null values), sorted; counted here: list() + Counter is
    about twice as fast as histogram() in DuckDB."""
    return dict(sorted(Counter(v for v in values or () if v is not None).items()))


def series_period(r: dict[str, Any]) -> dict[str, Any]:
    """One period of a series from a row with period, events, reports, score_sum/mean, q1..q4, types, factuality."""
    return {
        "period": r["period"], "events": r["events"], "reports": int(r["reports"] or 0),
        "cooperation": r["q1"] + r["q2"], "conflict": r["q3"] + r["q4"],
        "quad": {"1": r["q1"], "2": r["q2"], "3": r["q3"], "4": r["q4"]},
        "types": _histogram(r["types"]), "factuality": _histogram(r["factuality"]),
        "score_sum": r["score_sum"], "score_mean": r["score_mean"],
    }


# -- actors, dyads, network --------------------------------------------------------------------------
def top_actors(store: Store, f: EventFilter | None = None, limit: int = 20, by_sector: bool = False
               ) -> list[dict[str, Any]]:
    """The most active actors: events as source and as target, and their mean score.

    Read from the events' own actor lists (one row per event, role and actor, as the distinct
    ``event_actors`` rows would give): one scan of ``events``, no join.
    """
    where, params = (f or EventFilter()).where("e")
    kind = "keys" if by_sector else "codes"
    return _rows(store, f"""
        WITH fe AS (SELECT e.event_id, e.score, e.src_{kind} AS src, e.tgt_{kind} AS tgt FROM events e WHERE {where}),
        ea AS (SELECT event_id, score, 'source' AS role, unnest(src) AS actor FROM fe
               UNION ALL
               SELECT event_id, score, 'target' AS role, unnest(tgt) AS actor FROM fe)
        SELECT ea.actor, count(DISTINCT ea.event_id) AS events,
               count(*) FILTER (WHERE ea.role = 'source') AS as_source,
               count(*) FILTER (WHERE ea.role = 'target') AS as_target,
               round(avg(ea.score), 3) AS mean_score
        FROM ea GROUP BY ea.actor ORDER BY events DESC, ea.actor LIMIT ?""", [*params, limit])


def _pairs_sql(where: str, by_sector: bool) -> str:
    """Distinct (event, source, target) rows of the filtered events, from their ``dyad_codes``/``dyad_keys``."""
    col = "dyad_keys" if by_sector else "dyad_codes"
    return f"""SELECT event_id, score, quad, factuality, split_part(pair, '>', 1) AS source,
                      split_part(pair, '>', 2) AS target
               FROM (SELECT e.event_id, e.score, e.quad, e.factuality, unnest(e.{col}) AS pair
                     FROM events e WHERE {where}) u
               WHERE split_part(pair, '>', 1) <> split_part(pair, '>', 2)"""


def top_dyads(store: Store, f: EventFilter | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The busiest directed dyads with counts of cooperation and conflict and the mean score."""
    where, params = (f or EventFilter()).where("e")
    return _rows(store, f"""
        SELECT p.source, p.target, count(*) AS events,
               count(*) FILTER (WHERE p.quad IN (1, 2) AND p.factuality IN {REPORTED}) AS cooperation,
               count(*) FILTER (WHERE p.quad IN (3, 4) AND p.factuality IN {REPORTED}) AS conflict,
               round(avg(p.score) FILTER (WHERE p.factuality IN {REPORTED}), 3) AS mean_score
        FROM ({_pairs_sql(where, False)}) p
        GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ?""", [*params, limit])


def search_actors(store: Store, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose code starts with ``q`` or whose name or mention text contains it."""
    return _rows(store, """
        SELECT x.code, x.sector, mode(x.name) AS name, count(DISTINCT x.event_id) AS events
        FROM event_actors x
        WHERE x.code IS NOT NULL AND (starts_with(upper(x.code), upper(?))
              OR contains(lower(coalesce(x.name, '')), lower(?)) OR contains(lower(x.text), lower(?)))
        GROUP BY x.code, x.sector ORDER BY events DESC, x.code, x.sector NULLS FIRST LIMIT ?""", [q, q, q, limit])


def network_edges(store: Store, f: EventFilter | None = None, min_events: int = 1, by_sector: bool = False
                  ) -> list[dict[str, Any]]:
    """Directed actor-to-actor edges: event count, mean score, and count and mean score per quad."""
    where, params = (f or EventFilter()).where("e")
    rows = _rows(store, f"""
        SELECT p.source, p.target, count(*) AS events,
               round(avg(p.score) FILTER (WHERE p.factuality IN {REPORTED}), 3) AS mean_score,
               {", ".join(f"count(*) FILTER (WHERE p.quad = {q} AND p.factuality IN {REPORTED}) AS n_q{q}, "
                          f"round(avg(p.score) FILTER (WHERE p.quad = {q} AND p.factuality IN {REPORTED}), 3)"
                          f" AS score_q{q}" for q in QUAD_NAMES)}
        FROM ({_pairs_sql(where, by_sector)}) p
        GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, 1, 2""", [*params, min_events])
    return rows


# -- documents and summary ------------------------------------------------------------------------------
def documents(store: Store, *, limit: int = 50, offset: int = 0, language: str | None = None,
              duplicates: bool | None = None, set_aside: bool | None = None, text: str | None = None,
              outlet: str | None = None) -> Page:
    """Stored documents, newest first, without their text."""
    clauses, params = [], []
    if language:
        clauses.append("language = ?")
        params.append(language)
    if duplicates is not None:
        clauses.append("is_duplicate = ?")
        params.append(duplicates)
    if set_aside is not None:
        clauses.append("set_aside = ?")
        params.append(set_aside)
    if outlet:
        clauses.append("lower(outlet) = lower(?)")
        params.append(outlet)
    if text:
        clauses.append("(contains(lower(coalesce(title, '')), lower(?)) OR contains(lower(coalesce(text, '')), lower(?)))")
        params += [text, text]
    where = " AND ".join(clauses) or "TRUE"
    total = int(store.one(f"SELECT count(*) FROM documents_v WHERE {where}", params)[0])
    rows = _rows(store, f"""SELECT doc_id, title, url, date, site, outlet, source_outlet, language, dup_of, story_id,
                                  skip_reason, is_duplicate, set_aside, n_chars, n_events
                           FROM documents_v WHERE {where} ORDER BY date DESC NULLS LAST, doc_id LIMIT ? OFFSET ?""",
                 [*params, limit, offset])
    return Page(total, limit, offset, rows)


def summary(store: Store) -> dict[str, Any]:
    """Counts for a status line: documents, duplicates, languages set aside, events, reports, outlets."""
    d = _rows(store, """SELECT count(*) AS documents, count(*) FILTER (WHERE is_duplicate) AS duplicates,
                               count(*) FILTER (WHERE set_aside) AS set_aside FROM documents_v""")[0]
    langs = dict(store.con.execute("SELECT coalesce(language, 'unknown'), count(*) FROM documents_v "
                                   "WHERE set_aside GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    e = _rows(store, """SELECT count(*) AS events, count(*) FILTER (WHERE n_reports > 1) AS multi_report,
                               count(*) FILTER (WHERE factuality = 'contested') AS contested,
                               min(date) AS first_date, max(date) AS last_date FROM events""")[0]
    r = _rows(store, "SELECT count(*) AS reports, count(DISTINCT outlet) AS outlets FROM event_reports")[0]
    return {**d, "languages_set_aside": langs, **e, **r}


# -- read-only SQL -----------------------------------------------------------------------------------
class SqlRefused(QueryError):
    """A statement `dyadline sql` will not run: anything but a query."""


def read_only_sql(path: str, query: str, limit: int | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run user SQL over the stable views, refusing anything that could write.

    Three locks, because one is not enough: the database opens read-only (no writes to it);
    every statement must parse as a SELECT (no COPY ... TO, ATTACH, INSTALL, SET, PRAGMA);
    and external access is switched off and the configuration locked, so a SELECT cannot
    read or write other files either.
    """
    import duckdb

    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise SqlRefused(f"cannot parse: {str(exc).splitlines()[0]}") from exc
    if not statements:
        raise SqlRefused("no statement given")
    for st in statements:
        if st.type != duckdb.StatementType.SELECT:
            raise SqlRefused(f"only SELECT queries run here; refused a {st.type.name} statement")
    with Store(path, read_only=True) as store:
        con = store.con
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        cur = None
        for st in statements:
            cur = con.execute(st.query)
        assert cur is not None
        cols = [d[0] for d in cur.description or []]
        rows = cur.fetchmany(limit) if limit else cur.fetchall()
        return cols, rows
