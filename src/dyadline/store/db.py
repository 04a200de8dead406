"""The DuckDB store: schema, versioned migrations, and the connection wrapper.

One embedded file (``dyadline.duckdb`` by default) holds documents, merged events, the
reports behind each event, the actors of each report and the near-duplicate index. The
schema is created and migrated on open, so a database written by an older dyadline is
brought forward the first time a newer one opens it writable; a read-only open (``serve``,
``sql``) never changes the file and refuses a database it does not understand.

Writes go through :meth:`Store.write_batch`, which wraps each pipeline batch in one
transaction (see :mod:`dyadline.store.writer`): a crash mid-run loses at most the batch
in flight and never leaves half a batch behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from dyadline.model import Document

DEFAULT_DB = "dyadline.duckdb"


class StoreError(Exception):
    """A store that cannot be opened or used as asked; the message says why in one line."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


# Version 1: the tables. Everything a report says is kept (provenance), and the event row
# is an aggregate recomputed from its reports, so merging never loses information.
_V1 = (
    """CREATE TABLE documents (
        doc_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        origin VARCHAR, url VARCHAR, canonical_url VARCHAR, title VARCHAR,
        date DATE, date_source VARCHAR, site VARCHAR, author VARCHAR, source_outlet VARCHAR,
        outlet VARCHAR, language VARCHAR, dup_of VARCHAR, story_id VARCHAR, skip_reason VARCHAR,
        text VARCHAR, n_events INTEGER, ingested_at TIMESTAMP)""",
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        type VARCHAR, mode VARCHAR, quad TINYINT, score DOUBLE,
        source_code VARCHAR, source_sector VARCHAR, target_code VARCHAR, target_sector VARCHAR,
        source_codes VARCHAR[], target_codes VARCHAR[],
        pair_key VARCHAR, reciprocal BOOLEAN, factuality VARCHAR,
        date DATE, date_precision VARCHAR, first_seen DATE, last_seen DATE,
        n_reports INTEGER, n_documents INTEGER, n_outlets INTEGER, outlets VARCHAR[],
        doc_id VARCHAR, sentence VARCHAR, ev_start INTEGER, ev_end INTEGER,
        attribution_text VARCHAR, attribution_code VARCHAR,
        location_text VARCHAR, location_code VARCHAR, lat DOUBLE, lon DOUBLE,
        confidence DOUBLE, updated_at TIMESTAMP)""",
    """CREATE TABLE event_reports (
        report_id VARCHAR PRIMARY KEY,
        event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, outlet VARCHAR, site VARCHAR, is_copy BOOLEAN,
        type VARCHAR, pair_key VARCHAR, direction VARCHAR, reciprocal BOOLEAN,
        source_code VARCHAR, source_sector VARCHAR, target_code VARCHAR, target_sector VARCHAR,
        mode VARCHAR, quad TINYINT, score DOUBLE,
        sent_idx INTEGER, sentence VARCHAR, ev_start INTEGER, ev_end INTEGER,
        trigger VARCHAR, trig_start INTEGER, trig_end INTEGER,
        attribution_text VARCHAR, attribution_code VARCHAR, attribution_kind VARCHAR, attribution_chain VARCHAR[],
        factuality VARCHAR, date DATE, date_precision VARCHAR, doc_date DATE,
        confidence DOUBLE, explanation JSON, historical BOOLEAN,
        location_text VARCHAR, location_code VARCHAR, lat DOUBLE, lon DOUBLE)""",
    """CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL, report_id VARCHAR NOT NULL, role VARCHAR NOT NULL, position SMALLINT,
        text VARCHAR, code VARCHAR, sector VARCHAR, name VARCHAR, actor_id VARCHAR, kind VARCHAR,
        rule VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE doc_signatures (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR, signature BLOB, story_id VARCHAR)""",
    """CREATE TABLE event_aliases (alias_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL)""",
)

# Version 2: the stable views that `dyadline sql` and users query (docs/store.md documents
# every column). Kept apart from the tables so a view can evolve without touching data.
_V2 = (
    """CREATE OR REPLACE VIEW events_v AS
    SELECT event_id, date, date_precision, type, mode, quad,
           CASE quad WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN 'material cooperation'
                     WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict' END AS quad_name,
           score, source_code, source_sector, target_code, target_sector, source_codes, target_codes,
           reciprocal, factuality,
           n_reports, n_documents, n_outlets, outlets, first_seen, last_seen,
           doc_id, sentence, attribution_text, attribution_code,
           location_text, location_code, lat, lon, confidence
    FROM events""",
    """CREATE OR REPLACE VIEW reports_v AS
    SELECT r.report_id, r.event_id, r.doc_id, r.outlet, r.site, r.is_copy, r.type, r.mode, r.quad, r.score,
           r.factuality, r.date, r.date_precision, r.sent_idx, r.sentence, r.ev_start, r.ev_end,
           r.trigger, r.trig_start, r.trig_end, r.attribution_text, r.attribution_code, r.attribution_kind,
           r.attribution_chain, r.confidence, r.location_text, r.location_code, r.lat, r.lon,
           d.title AS doc_title, d.url AS doc_url, d.date AS doc_date, d.dup_of AS doc_dup_of
    FROM event_reports r LEFT JOIN documents d USING (doc_id)""",
    """CREATE OR REPLACE VIEW dyads_v AS
    WITH pairs AS (
        SELECT DISTINCT s.event_id, s.code AS source_code, t.code AS target_code
        FROM event_actors s JOIN event_actors t ON s.report_id = t.report_id
        WHERE s.role = 'source' AND t.role = 'target' AND s.code IS NOT NULL AND t.code IS NOT NULL)
    SELECT p.source_code, p.target_code, e.event_id, e.date, e.type, e.mode, e.quad, e.score, e.factuality,
           e.reciprocal, e.n_reports, e.n_outlets
    FROM pairs p JOIN events e USING (event_id)""",
    """CREATE OR REPLACE VIEW documents_v AS
    SELECT doc_id, content_hash, origin, url, canonical_url, title, date, date_source, site, author,
           source_outlet, outlet, language, dup_of, story_id, skip_reason,
           dup_of IS NOT NULL AS is_duplicate, coalesce(skip_reason LIKE 'language%', false) AS set_aside,
           length(text) AS n_chars, n_events, ingested_at, text
    FROM documents""",
)

# Version 3: read-path columns on ``events``, derived from ``event_actors`` and maintained by the
# writer in the same transaction as the event row (see ``event_rows_sql``). They let every
# actor, dyad and network query read the events table alone instead of joining millions of
# actor rows per request, and let an event page carry its actor lists without a second query:
# - source_actors, target_actors: the canonical report's participants (text, code, sector, name),
#   in position order: the ``source``/``target`` lists of the JSON contract;
# - src_codes, tgt_codes: distinct codes as source / target in any report of the event;
# - src_keys, tgt_keys: the same as ``code`` or ``code SECTOR`` (sector-level actors);
# - dyad_codes, dyad_keys: distinct ``source>target`` pairs taken within one report, by code and by key;
# - card: the event page's fields as one JSON text (see ``card_sql``).
# (Version 4 adds report_texts: the evidence sentences of all its reports, lower-cased, one per line.)
ACTOR_STRUCT = "STRUCT(text VARCHAR, code VARCHAR, sector VARCHAR, name VARCHAR)"
ACTOR_LIST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("source_actors", f"{ACTOR_STRUCT}[]"), ("target_actors", f"{ACTOR_STRUCT}[]"),
    ("src_codes", "VARCHAR[]"), ("tgt_codes", "VARCHAR[]"), ("src_keys", "VARCHAR[]"), ("tgt_keys", "VARCHAR[]"),
    ("dyad_codes", "VARCHAR[]"), ("dyad_keys", "VARCHAR[]"),
)
_KEY = "{x}.code || coalesce(' ' || {x}.sector, '')"


def actor_columns_sql(where: str = "TRUE") -> str:
    """Per event: the ``ACTOR_LIST_COLUMNS`` from ``event_actors`` (``where`` filters ``x``, e.g. by event_id).

    Events without a coded actor get no row here; callers coalesce to empty lists.
    """
    ks, kt = _KEY.format(x="s"), _KEY.format(x="t")
    part = "struct_pack(text := x.text, code := x.code, sector := x.sector, name := x.name)"
    return f"""
    SELECT a.event_id, a.source_actors, a.target_actors, a.src_codes, a.tgt_codes, a.src_keys, a.tgt_keys,
           p.dyad_codes, p.dyad_keys
    FROM (SELECT x.event_id,
                 list({part} ORDER BY x.position) FILTER (WHERE x.report_id = x.event_id AND x.role = 'source')
                     AS source_actors,
                 list({part} ORDER BY x.position) FILTER (WHERE x.report_id = x.event_id AND x.role = 'target')
                     AS target_actors,
                 list(DISTINCT x.code ORDER BY x.code) FILTER (WHERE x.role = 'source' AND x.code IS NOT NULL)
                     AS src_codes,
                 list(DISTINCT x.code ORDER BY x.code) FILTER (WHERE x.role = 'target' AND x.code IS NOT NULL)
                     AS tgt_codes,
                 list(DISTINCT {_KEY.format(x="x")} ORDER BY {_KEY.format(x="x")})
                     FILTER (WHERE x.role = 'source' AND x.code IS NOT NULL) AS src_keys,
                 list(DISTINCT {_KEY.format(x="x")} ORDER BY {_KEY.format(x="x")})
                     FILTER (WHERE x.role = 'target' AND x.code IS NOT NULL) AS tgt_keys
          FROM event_actors x WHERE {where} GROUP BY x.event_id) a
    LEFT JOIN (SELECT s.event_id,
                      list(DISTINCT s.code || '>' || t.code ORDER BY s.code || '>' || t.code) AS dyad_codes,
                      list(DISTINCT ({ks}) || '>' || ({kt}) ORDER BY ({ks}) || '>' || ({kt})) AS dyad_keys
               FROM (SELECT * FROM event_actors x WHERE {where} AND x.role = 'source' AND x.code IS NOT NULL) s
               JOIN (SELECT * FROM event_actors x WHERE {where} AND x.role = 'target' AND x.code IS NOT NULL) t
                 ON s.report_id = t.report_id
               GROUP BY s.event_id) p ON p.event_id = a.event_id"""


def card_sql(x: str) -> str:
    """The event's JSON-contract fields but the sentence, as one JSON text, from an events row aliased ``x``.

    An event page reads this one column (plus ``sentence``) instead of 27: DuckDB's cost of fetching
    a page's scattered rows grows with the number of columns read. ``confidence`` is stored
    unrounded (the reader rounds it as the contract says); doubles are written round-trip exact.
    """
    return f"""to_json({{
        'doc_id': {x}.doc_id, 'event_id': {x}.event_id, 'evidence': [{x}.ev_start, {x}.ev_end], 'type': {x}.type,
        'mode': {x}.mode, 'quad': {x}.quad, 'score': {x}.score,
        'source': coalesce({x}.source_actors, []::{ACTOR_STRUCT}[]),
        'target': coalesce({x}.target_actors, []::{ACTOR_STRUCT}[]),
        'reciprocal': coalesce({x}.reciprocal, false), 'factuality': {x}.factuality,
        'attribution': CASE WHEN coalesce({x}.attribution_text, '') <> ''
                            THEN {{'text': {x}.attribution_text, 'code': {x}.attribution_code}} END,
        'date': {x}.date, 'date_precision': {x}.date_precision,
        'location': CASE WHEN coalesce({x}.location_text, '') <> ''
                         THEN {{'text': {x}.location_text, 'code': {x}.location_code, 'lat': {x}.lat,
                               'lon': {x}.lon}} END,
        'confidence': {x}.confidence, 'n_reports': {x}.n_reports, 'n_outlets': {x}.n_outlets,
        'outlets': coalesce({x}.outlets, []::VARCHAR[]), 'first_seen': {x}.first_seen, 'last_seen': {x}.last_seen
    }})::VARCHAR"""


def actor_columns_select(alias: str = "act") -> str:
    """``coalesce(alias.col, [])`` for every actor list column: events without actors get empty lists."""
    return ", ".join(f"coalesce({alias}.{c}, []::{t}) AS {c}" for c, t in ACTOR_LIST_COLUMNS)


_V3 = (
    *(f"ALTER TABLE events ADD COLUMN {c} {t}" for c, t in ACTOR_LIST_COLUMNS),
    f"""UPDATE events SET {", ".join(f"{c} = act.{c}" for c, _ in ACTOR_LIST_COLUMNS)}
        FROM ({actor_columns_sql()}) act WHERE events.event_id = act.event_id""",
    f"""UPDATE events SET {", ".join(f"{c} = coalesce({c}, []::{t})" for c, t in ACTOR_LIST_COLUMNS)}
        WHERE source_actors IS NULL OR dyad_codes IS NULL""",
    "ALTER TABLE events ADD COLUMN card VARCHAR",
    f"UPDATE events SET card = {card_sql('events')}",
    # the same rows as before (distinct event, source code, target code within one report), read from events
    """CREATE OR REPLACE VIEW dyads_v AS
    SELECT split_part(pair, '>', 1) AS source_code, split_part(pair, '>', 2) AS target_code,
           event_id, date, type, mode, quad, score, factuality, reciprocal, n_reports, n_outlets
    FROM (SELECT unnest(dyad_codes) AS pair, event_id, date, type, mode, quad, score, factuality, reciprocal,
                 n_reports, n_outlets FROM events)""",
)

# Version 4: text search without a join (see ``EventFilter.where``).
_V4 = (
    "ALTER TABLE events ADD COLUMN report_texts VARCHAR",
    """UPDATE events SET report_texts = t.texts
       FROM (SELECT event_id, lower(string_agg(sentence, chr(10) ORDER BY report_id)) AS texts
             FROM event_reports GROUP BY event_id) t WHERE events.event_id = t.event_id""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables: documents, events, event_reports, event_actors, doc_signatures, event_aliases", _V1),
    Migration(2, "stable views: events_v, reports_v, dyads_v, documents_v", _V2),
    Migration(3, "events: denormalised actor and dyad lists and page card (kept by the writer); dyads_v reads them",
              _V3),
    Migration(4, "events: report_texts, every report's evidence lower-cased (text search)", _V4),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


class Store:
    """A dyadline database. Use as a context manager; ``read_only`` for readers.

    A DuckDB file takes one writing process or many read-only ones, so the ingest run
    holds it writable and ``serve``/``sql`` open it read-only while nothing writes.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `dyadline ingest` first)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {str(exc).splitlines()[0]}") from exc
        self._migrate()

    # -- life cycle -----------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if getattr(self, "con", None) is not None:
            self.con.close()
            self.con = None  # type: ignore[assignment]

    # -- schema ---------------------------------------------------------------------
    def schema_version(self) -> int:
        has = self.one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
        if not has or not has[0]:
            return 0
        row = self.one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self, upto: int | None = None) -> None:
        """Apply the migrations this file lacks, each in its own transaction."""
        current = self.schema_version()
        target = SCHEMA_VERSION if upto is None else upto
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this dyadline ({SCHEMA_VERSION})")
        if current >= target:
            return
        if self.read_only:
            raise StoreError(
                f"{self.path}: schema version {current} needs migrating to {target}; open it once writable"
            )
        if current == 0:
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)"
            )
        for mig in MIGRATIONS:
            if current < mig.version <= target:
                self.con.begin()
                try:
                    for stmt in mig.statements:
                        self.con.execute(stmt)
                    self.con.execute(
                        "INSERT INTO schema_version (version, description) VALUES (?, ?)", [mig.version, mig.description]
                    )
                    self.con.commit()
                except Exception:
                    self.con.rollback()
                    raise

    def migrations_applied(self) -> list[tuple[int, str]]:
        return [(int(v), str(d)) for v, d in self.con.execute(
            "SELECT version, description FROM schema_version ORDER BY version").fetchall()]

    # -- the contract other stages use ----------------------------------------------
    def has_content_hash(self, h: str) -> str | None:
        """doc_id of a stored document with this content hash, else None (exact-duplicate check)."""
        row = self.one("SELECT doc_id FROM documents WHERE content_hash = ?", [h])
        return str(row[0]) if row else None

    def iter_signatures(self, batch_size: int = 10_000) -> Iterator[tuple[str, str, bytes | None, str | None]]:
        """The persisted near-duplicate index: (doc_id, content_hash, minhash bytes, story_id).

        Streams in batches so rebuilding an LSH index over millions of documents stays flat in memory.
        """
        cur = self.con.cursor()
        try:
            cur.execute("SELECT doc_id, content_hash, signature, story_id FROM doc_signatures ORDER BY doc_id")
            while rows := cur.fetchmany(batch_size):
                for doc_id, h, sig, story in rows:
                    yield str(doc_id), str(h), (bytes(sig) if sig is not None else None), story
        finally:
            cur.close()

    def write_batch(self, docs: Sequence[Document]) -> int:
        """Write a batch of documents and their events in ONE transaction; returns new documents written."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        from dyadline.store.writer import write_batch

        return write_batch(self, docs)

    # -- helpers ----------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql, params or [])

    def one(self, sql: str, params: Sequence[Any] | None = None) -> tuple[Any, ...] | None:
        """First row of a query, with the result fully consumed.

        DuckDB 2 refuses relation work on a connection while a result is still pending, and
        a single-row fetch leaves one pending; fetching all does not.
        """
        rows = self.con.execute(sql, list(params or [])).fetchall()
        return rows[0] if rows else None

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "event_reports", "event_actors", "doc_signatures", "event_aliases"}:
            raise ValueError(f"unknown table {table!r}")
        row = self.one(f"SELECT count(*) FROM {table}")
        return int(row[0]) if row else 0
