"""Writing pipeline batches into the store, one transaction per batch.

``write_batch`` is the only writer: documents, their reports (one per coded Event), the
actors of each report, the near-duplicate signatures, and the merged event rows all land
in a single transaction. If anything fails the whole batch rolls back, so the database
never holds a document without its events, or reports without their event.

Event rows are aggregates recomputed in SQL from their reports (``AGGREGATE_EVENTS_SQL``),
so the same code serves incremental ingest and the bulk synthetic generator.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlparse

import pyarrow as pa

from dyadline.model import Document, Event
from dyadline.store.db import Store, actor_columns_select, actor_columns_sql, card_sql
from dyadline.store.merge import MAX_WINDOW, PRECISION_RANK, LinkReport, MergeConfig, dyad_keys, plan_merge

_RANK_SQL = " ".join(f"WHEN '{k}' THEN {v}" for k, v in PRECISION_RANK.items())

# One row per event from its reports. The canonical report is the one whose id is the event id
# (the smallest), so every choice below is deterministic whatever order reports arrived in.
AGGREGATE_EVENTS_SQL = f"""
SELECT r.event_id,
       any_value(r.type) AS type,
       arg_min_null(r.mode, r.report_id) AS mode,
       arg_min_null(r.quad, r.report_id) AS quad,
       arg_min_null(r.score, r.report_id) AS score,
       arg_min_null(r.source_code, r.report_id) AS source_code,
       arg_min_null(r.source_sector, r.report_id) AS source_sector,
       arg_min_null(r.target_code, r.report_id) AS target_code,
       arg_min_null(r.target_sector, r.report_id) AS target_sector,
       string_split(split_part(arg_min_null(r.direction, r.report_id), '>', 1), ',') AS source_codes,
       string_split(split_part(arg_min_null(r.direction, r.report_id), '>', 2), ',') AS target_codes,
       any_value(r.pair_key) AS pair_key,
       bool_or(r.reciprocal) AS reciprocal,
       CASE WHEN bool_or(r.factuality = 'asserted') AND bool_or(r.factuality = 'negated') THEN 'contested'
            WHEN bool_or(r.factuality = 'asserted') THEN 'asserted'
            WHEN bool_or(r.factuality = 'negated') THEN 'negated'
            ELSE coalesce(min(r.factuality), 'possible') END AS factuality,
       arg_min_null(r.date, (r.date IS NULL, CASE r.date_precision {_RANK_SQL} ELSE 9 END, r.date,
                    r.report_id)) AS date,
       arg_min_null(r.date_precision, (r.date IS NULL, CASE r.date_precision {_RANK_SQL} ELSE 9 END, r.date,
                    r.report_id)) AS date_precision,
       min(coalesce(r.doc_date, r.date)) AS first_seen,
       max(coalesce(r.doc_date, r.date)) AS last_seen,
       count(*) AS n_reports,
       count(DISTINCT r.doc_id) AS n_documents,
       count(DISTINCT r.outlet) AS n_outlets,
       coalesce(list(DISTINCT r.outlet ORDER BY r.outlet) FILTER (WHERE r.outlet IS NOT NULL), []) AS outlets,
       arg_min_null(r.doc_id, r.report_id) AS doc_id,
       arg_min_null(r.sentence, r.report_id) AS sentence,
       arg_min_null(r.ev_start, r.report_id) AS ev_start,
       arg_min_null(r.ev_end, r.report_id) AS ev_end,
       arg_min_null(r.attribution_text, r.report_id) AS attribution_text,
       arg_min_null(r.attribution_code, r.report_id) AS attribution_code,
       arg_min(r.location_text, r.report_id) FILTER (WHERE r.location_text IS NOT NULL) AS location_text,
       arg_min_null(r.location_code, r.report_id) FILTER (WHERE r.location_text IS NOT NULL) AS location_code,
       arg_min_null(r.lat, r.report_id) FILTER (WHERE r.location_text IS NOT NULL) AS lat,
       arg_min_null(r.lon, r.report_id) FILTER (WHERE r.location_text IS NOT NULL) AS lon,
       max(r.confidence) AS confidence,
       lower(string_agg(r.sentence, chr(10) ORDER BY r.report_id)) AS report_texts,
       current_timestamp::TIMESTAMP AS updated_at
FROM event_reports r
"""



def event_rows_sql(where_reports: str = "TRUE", where_actors: str = "TRUE") -> str:
    """Whole ``events`` rows: the aggregate of the reports plus the actor and dyad lists (schema v3).

    ``where_reports`` filters ``event_reports r`` and ``where_actors`` filters ``event_actors x``;
    both select the same events (the writer passes the touched event ids to each).
    """
    return f"""
    SELECT ev.*, {card_sql("ev")} AS card
    FROM (SELECT agg.*, {actor_columns_select("act")}
          FROM ({AGGREGATE_EVENTS_SQL} WHERE {where_reports} GROUP BY r.event_id) agg
          LEFT JOIN ({actor_columns_sql(where_actors)}) act ON act.event_id = agg.event_id) ev"""


DOC_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("origin", pa.string()), ("url", pa.string()),
    ("canonical_url", pa.string()), ("title", pa.string()), ("date", pa.date32()), ("date_source", pa.string()),
    ("site", pa.string()), ("author", pa.string()), ("source_outlet", pa.string()), ("outlet", pa.string()),
    ("language", pa.string()), ("dup_of", pa.string()), ("story_id", pa.string()), ("skip_reason", pa.string()),
    ("text", pa.string()), ("n_events", pa.int32()), ("ingested_at", pa.timestamp("us")),
])
SIG_SCHEMA = pa.schema([("doc_id", pa.string()), ("content_hash", pa.string()), ("signature", pa.binary()),
                        ("story_id", pa.string())])
REPORT_SCHEMA = pa.schema([
    ("report_id", pa.string()), ("event_id", pa.string()), ("doc_id", pa.string()), ("outlet", pa.string()),
    ("site", pa.string()), ("is_copy", pa.bool_()), ("type", pa.string()), ("pair_key", pa.string()),
    ("direction", pa.string()), ("reciprocal", pa.bool_()), ("source_code", pa.string()),
    ("source_sector", pa.string()), ("target_code", pa.string()), ("target_sector", pa.string()),
    ("mode", pa.string()), ("quad", pa.int8()), ("score", pa.float64()), ("sent_idx", pa.int32()),
    ("sentence", pa.string()), ("ev_start", pa.int32()), ("ev_end", pa.int32()), ("trigger", pa.string()),
    ("trig_start", pa.int32()), ("trig_end", pa.int32()), ("attribution_text", pa.string()),
    ("attribution_code", pa.string()), ("attribution_kind", pa.string()),
    ("attribution_chain", pa.list_(pa.string())), ("factuality", pa.string()), ("date", pa.date32()),
    ("date_precision", pa.string()), ("doc_date", pa.date32()), ("confidence", pa.float64()),
    ("explanation", pa.string()), ("historical", pa.bool_()), ("location_text", pa.string()),
    ("location_code", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
])
ACTOR_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("report_id", pa.string()), ("role", pa.string()), ("position", pa.int16()),
    ("text", pa.string()), ("code", pa.string()), ("sector", pa.string()), ("name", pa.string()),
    ("actor_id", pa.string()), ("kind", pa.string()), ("rule", pa.string()), ("confidence", pa.float64()),
])


def parse_date(value: str | None) -> date | None:
    """ISO date, or the first day of an ISO month/year; None for anything unreadable."""
    if not value:
        return None
    s = str(value).strip()
    try:
        if len(s) >= 10:
            return date.fromisoformat(s[:10])
        if len(s) == 7:
            return date.fromisoformat(s + "-01")
        if len(s) == 4 and s.isdigit():
            return date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def outlet_of(doc: Document) -> str | None:
    """Who reported it: the credited outlet, else the publishing site, else the URL's host."""
    if doc.source_outlet:
        return doc.source_outlet
    if doc.site:
        return doc.site
    for u in (doc.canonical_url, doc.url):
        if u:
            host = urlparse(u).hostname
            if host:
                return host.removeprefix("www.")
    return None


def storable(doc: Document) -> bool:
    """Stored: every document with a content hash that is neither an error nor an exact duplicate."""
    reason = doc.skip_reason or ""
    return bool(doc.content_hash) and not reason.startswith(("error", "duplicate"))


def _codes(parts: Sequence[Any]) -> list[str]:
    return [p.actor.code or p.text.upper() for p in parts]


def _insert(con: Any, table: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    if not rows:
        return
    tbl = pa.Table.from_pylist(rows, schema=schema)
    con.register("_dl_rows", tbl)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _dl_rows")
    finally:
        con.unregister("_dl_rows")


def _report_row(ev: Event, rid: str, doc: Document, outlet: str | None, is_copy: bool) -> dict[str, Any]:
    pair_key, direction = dyad_keys(_codes(ev.source), _codes(ev.target))
    src = ev.source[0].actor if ev.source else None
    tgt = ev.target[0].actor if ev.target else None
    att = ev.attribution
    loc = ev.location
    return {
        "report_id": rid, "event_id": None, "doc_id": doc.doc_id, "outlet": outlet, "site": doc.site,
        "is_copy": is_copy, "type": ev.type, "pair_key": pair_key, "direction": direction,
        "reciprocal": bool(ev.reciprocal),
        "source_code": src.code if src else None, "source_sector": src.sector if src else None,
        "target_code": tgt.code if tgt else None, "target_sector": tgt.sector if tgt else None,
        "mode": ev.mode, "quad": ev.quad, "score": ev.score, "sent_idx": ev.sent_idx, "sentence": ev.sentence,
        "ev_start": ev.evidence[0], "ev_end": ev.evidence[1], "trigger": ev.trigger,
        "trig_start": ev.trigger_span[0], "trig_end": ev.trigger_span[1],
        "attribution_text": att.text if att else None, "attribution_code": att.code if att else None,
        "attribution_kind": att.kind if att else None, "attribution_chain": list(att.chain) if att else None,
        "factuality": ev.factuality, "date": parse_date(ev.date) or parse_date(doc.date),
        "date_precision": ev.date_precision if ev.date else "document", "doc_date": parse_date(doc.date),
        "confidence": float(ev.confidence), "explanation": json.dumps(ev.explanation, default=str, sort_keys=True),
        "historical": bool(ev.historical),
        "location_text": loc.text if loc else None, "location_code": loc.code if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
    }


def _link(row: dict[str, Any], dup_of: str | None) -> LinkReport:
    return LinkReport(
        report_id=row["report_id"], event_id=row.get("event_id"), doc_id=row["doc_id"], type=row["type"],
        pair_key=row["pair_key"], direction=row["direction"], reciprocal=bool(row["reciprocal"]),
        date=row["date"], date_precision=row["date_precision"] or "document", sentence=row["sentence"] or "",
        mode=row["mode"], trigger=row["trigger"] or "", location=row["location_code"] or row["location_text"],
        dup_of=dup_of, is_copy=bool(row.get("is_copy")),
    )


def _stored_candidates(con: Any, new_rows: list[dict[str, Any]], dup_targets: set[str]) -> list[LinkReport]:
    """Stored reports that could link to the new ones: same type and pair, dates within the widest window."""
    keys = pa.Table.from_pylist(
        [{"type": r["type"], "pair_key": r["pair_key"], "date": r["date"]} for r in new_rows],
        schema=pa.schema([("type", pa.string()), ("pair_key", pa.string()), ("date", pa.date32())]),
    )
    con.register("_dl_keys", keys)
    try:
        rows = con.execute(
            f"""SELECT DISTINCT r.report_id, r.event_id, r.doc_id, r.type, r.pair_key, r.direction, r.reciprocal,
                       r.date, r.date_precision, r.sentence, r.mode, r.trigger, r.location_code, r.location_text,
                       r.is_copy, d.dup_of
                FROM event_reports r JOIN (SELECT DISTINCT * FROM _dl_keys) k
                  ON r.type = k.type AND r.pair_key = k.pair_key
                LEFT JOIN documents d ON d.doc_id = r.doc_id
                WHERE r.date IS NULL OR k.date IS NULL OR abs(date_diff('day', r.date, k.date)) <= {MAX_WINDOW}
                   OR list_contains(?, r.doc_id)""",
            [sorted(dup_targets)],
        ).fetchall()
    finally:
        con.unregister("_dl_keys")
    cols = ["report_id", "event_id", "doc_id", "type", "pair_key", "direction", "reciprocal", "date",
            "date_precision", "sentence", "mode", "trigger", "location_code", "location_text", "is_copy", "dup_of"]
    out = []
    for row in rows:
        d = dict(zip(cols, row, strict=True))
        out.append(_link(d, d["dup_of"]))
    return out


def write_batch(store: Store, docs: Sequence[Document], merge: MergeConfig | None = None) -> int:
    """Write one batch in one transaction; returns the number of new documents written.

    A document whose content hash is already stored (or seen earlier in the batch) changes
    nothing, which makes re-ingesting the same input a no-op.
    """
    con = store.con
    cands = [d for d in docs if storable(d)]
    if not cands:
        return 0
    hashes = sorted({d.content_hash for d in cands})
    known = {h for (h,) in con.execute(
        "SELECT content_hash FROM documents WHERE list_contains(?, content_hash)", [hashes]).fetchall()}
    seen: set[str] = set()
    new_docs: list[Document] = []
    for d in cands:
        if d.content_hash in known or d.content_hash in seen:
            continue
        seen.add(d.content_hash)
        if not d.doc_id:
            d.doc_id = d.given_id or d.content_hash[:16]
        new_docs.append(d)
    if not new_docs:
        return 0
    _resolve_id_clashes(con, new_docs)

    con.begin()
    try:
        _write_documents(con, new_docs)
        _write_events(con, new_docs, merge)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(new_docs)


def _resolve_id_clashes(con: Any, docs: list[Document]) -> None:
    """Two different texts given the same id (e.g. reused JSONL ids) must not collide on the key."""
    ids = sorted({d.doc_id for d in docs})
    taken = {i for (i,) in con.execute("SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [ids]).fetchall()}
    used: set[str] = set()
    for d in docs:
        if d.doc_id in taken or d.doc_id in used:
            new_id = f"{d.doc_id}-{d.content_hash[:8]}"
            for ev in d.events:
                ev.doc_id = new_id
                ev.event_id = ""
            d.doc_id = new_id
        used.add(d.doc_id)


def _write_documents(con: Any, docs: list[Document]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    rows, sigs = [], []
    for d in docs:
        rows.append({
            "doc_id": d.doc_id, "content_hash": d.content_hash, "origin": d.origin, "url": d.url,
            "canonical_url": d.canonical_url, "title": d.title, "date": parse_date(d.date),
            "date_source": d.date_source, "site": d.site, "author": d.author, "source_outlet": d.source_outlet,
            "outlet": outlet_of(d), "language": d.language, "dup_of": d.dup_of, "story_id": d.story_id,
            "skip_reason": d.skip_reason, "text": d.text, "n_events": 0 if d.skip_reason else len(d.events),
            "ingested_at": now,
        })
        sig = d.meta.get("minhash") if d.meta else None
        if sig is not None or d.story_id is not None:
            sigs.append({"doc_id": d.doc_id, "content_hash": d.content_hash,
                         "signature": bytes(sig) if sig is not None else None, "story_id": d.story_id})
    _insert(con, "documents", rows, DOC_SCHEMA)
    _insert(con, "doc_signatures", sigs, SIG_SCHEMA)


def _write_events(con: Any, docs: list[Document], merge: MergeConfig | None) -> None:
    """Reports of the batch, merged with each other and with stored events, in the open transaction."""
    batch_ids = {d.doc_id for d in docs}
    dup_targets = {d.dup_of for d in docs if d.dup_of}
    stored_dup_targets = set()
    if dup_targets:
        stored_dup_targets = {i for (i,) in con.execute(
            "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [sorted(dup_targets)]).fetchall()}
    rows: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    links: list[LinkReport] = []
    n_written: dict[str, int] = {}
    for d in docs:
        if d.skip_reason or not d.events:
            continue
        outlet = outlet_of(d)
        is_copy = bool(d.dup_of) and (d.dup_of in stored_dup_targets or d.dup_of in batch_ids)
        used: set[str] = set()
        for ev in d.events:
            rid = ev.event_id or ev.make_id()
            k = 2
            while rid in used:
                rid = f"{ev.event_id or ev.make_id()}-{k}"
                k += 1
            used.add(rid)
            row = _report_row(ev, rid, d, outlet, is_copy)
            rows.append(row)
            links.append(_link(row, d.dup_of))
            for role, parts in (("source", ev.source), ("target", ev.target)):
                for pos, p in enumerate(parts):
                    a = p.actor
                    actors.append({"event_id": None, "report_id": rid, "role": role, "position": pos,
                                   "text": p.text, "code": a.code, "sector": a.sector, "name": a.name,
                                   "actor_id": a.actor_id, "kind": a.kind, "rule": p.rule,
                                   "confidence": float(p.confidence)})
    if not rows:
        return
    stored = _stored_candidates(con, rows, dup_targets)
    plan = plan_merge(links, stored, merge)
    dropped = set(plan.dropped)
    keep = []
    for r in rows:
        if r["report_id"] in dropped:
            continue
        r["event_id"] = plan.assign[r["report_id"]]
        keep.append(r)
        n_written[r["doc_id"]] = n_written.get(r["doc_id"], 0) + 1
    by_report = {r["report_id"]: r["event_id"] for r in keep}
    actors = [dict(a, event_id=by_report[a["report_id"]]) for a in actors if a["report_id"] in by_report]

    if plan.renamed:
        remap = pa.Table.from_pylist([{"old": o, "new": n} for o, n in sorted(plan.renamed.items())],
                                     schema=pa.schema([("old", pa.string()), ("new", pa.string())]))
        con.register("_dl_remap", remap)
        try:
            con.execute("UPDATE event_reports SET event_id = m.new FROM _dl_remap m WHERE event_reports.event_id = m.old")
            con.execute("UPDATE event_actors SET event_id = m.new FROM _dl_remap m WHERE event_actors.event_id = m.old")
            con.execute("UPDATE event_aliases SET event_id = m.new FROM _dl_remap m WHERE event_aliases.event_id = m.old")
            con.execute("DELETE FROM events WHERE event_id IN (SELECT old FROM _dl_remap)")
            con.execute("INSERT OR REPLACE INTO event_aliases SELECT old, new FROM _dl_remap")
        finally:
            con.unregister("_dl_remap")
    _insert(con, "event_reports", keep, REPORT_SCHEMA)
    _insert(con, "event_actors", actors, ACTOR_SCHEMA)
    touched = sorted(plan.touched)
    con.execute("DELETE FROM events WHERE list_contains(?, event_id)", [touched])
    rows_sql = event_rows_sql("list_contains($ids, r.event_id)", "list_contains($ids, x.event_id)")
    con.execute(f"INSERT INTO events BY NAME {rows_sql}", {"ids": touched})
    if dropped:
        # n_events counts the reports a document actually contributed
        for doc_id, n in {d.doc_id: n_written.get(d.doc_id, 0) for d in docs if not d.skip_reason}.items():
            con.execute("UPDATE documents SET n_events = ? WHERE doc_id = ?", [n, doc_id])


class StoreStage:
    """Pipeline stage: writes each batch into the store in one transaction.

    Counts what it wrote in ``written`` so the run summary can report stored documents;
    the batch itself passes through unchanged.
    """

    name = "store"

    def __init__(self, store: Store, merge: MergeConfig | None = None) -> None:
        self.store = store
        self.merge = merge
        self.written = 0

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        self.written += write_batch(self.store, docs, self.merge)
        return docs
