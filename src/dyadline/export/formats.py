"""Exports of stored events: csv, parquet, jsonl, PLOVER JSON and a GDELT-2.0-like TSV.

- ``csv`` / ``parquet``: one flat row per merged event (``FLAT_COLUMNS``); lists are
  ``;``-joined in CSV and real lists in Parquet. Written by DuckDB directly (fast at 1M rows).
- ``jsonl``: the public contract of DESIGN.md §3 per event, plus ``reports`` (every report
  with outlet, URL, evidence and attribution) and ``outlets``.
- ``plover``: one PLOVER-style JSON record per line (id, date, actor, recipient, event,
  mode, context, quad, text_info, cite_info, ...), for tools built around the PLOVER spec.
- ``gdelt``: GDELT 2.0 Event table layout, 61 tab-separated columns, no header, so
  existing GDELT tooling reads it. ``GDELT_COLUMNS`` documents what fills each column;
  PLOVER types map to the CAMEO root of the same meaning (``CAMEO_OF_TYPE``). GDELT has no
  factuality: export with ``--factuality asserted`` to keep only events said to have happened.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyadline.store.db import Store
from dyadline.store.queries import QUAD_NAMES, EventFilter, iter_events

FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt")

FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "e.event_id"), ("date", "e.date"), ("date_precision", "e.date_precision"), ("type", "e.type"),
    ("mode", "e.mode"), ("quad", "e.quad"),
    ("quad_name", "CASE e.quad " + " ".join(f"WHEN {q} THEN '{n}'" for q, n in QUAD_NAMES.items()) + " END"),
    ("score", "e.score"), ("source_code", "e.source_code"), ("source_sector", "e.source_sector"),
    ("target_code", "e.target_code"), ("target_sector", "e.target_sector"), ("source_codes", "e.source_codes"),
    ("target_codes", "e.target_codes"), ("reciprocal", "e.reciprocal"), ("factuality", "e.factuality"),
    ("attribution_text", "e.attribution_text"), ("attribution_code", "e.attribution_code"),
    ("location_text", "e.location_text"), ("location_code", "e.location_code"), ("lat", "e.lat"),
    ("lon", "e.lon"), ("confidence", "e.confidence"), ("n_reports", "e.n_reports"),
    ("n_documents", "e.n_documents"), ("n_outlets", "e.n_outlets"), ("outlets", "e.outlets"),
    ("first_seen", "e.first_seen"), ("last_seen", "e.last_seen"), ("doc_id", "e.doc_id"),
    ("sentence", "e.sentence"), ("ev_start", "e.ev_start"), ("ev_end", "e.ev_end"),
)
LIST_COLUMNS = frozenset({"source_codes", "target_codes", "outlets"})

# PLOVER type -> the CAMEO event code of the same meaning (root-level "not specified" codes,
# except RETREAT, which is CAMEO 087 "de-escalate military engagement").
CAMEO_OF_TYPE: dict[str, str] = {
    "REQUEST": "020", "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "087", "ACCUSE": "111", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170", "ASSAULT": "180",
}

# (GDELT 2.0 column, dyadline source). Actor codes are CAMEO-style code+sector ("RUSGOV");
# country and geo codes are ISO-3166 alpha-3 (GDELT uses FIPS for geo: a known difference).
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "('0x' || substr(md5(e.event_id), 1, 15))::BIGINT"),
    ("SQLDATE", "strftime(e.date, '%Y%m%d')"),
    ("MonthYear", "strftime(e.date, '%Y%m')"),
    ("Year", "strftime(e.date, '%Y')"),
    ("FractionDate", "round(year(e.date) + (dayofyear(e.date) - 1) / 365.0, 4)"),
    ("Actor1Code", "coalesce(e.source_code, '') || coalesce(e.source_sector, '')"),
    ("Actor1Name", "regexp_replace(coalesce(sa.name, sa.text, e.source_code), '[\\t\\r\\n]+', ' ', 'g')"),
    ("Actor1CountryCode", "CASE WHEN length(e.source_code) = 3 THEN e.source_code END"),
    ("Actor1KnownGroupCode", "CASE WHEN length(e.source_code) <> 3 THEN e.source_code END"),
    ("Actor1EthnicCode", "NULL"), ("Actor1Religion1Code", "NULL"), ("Actor1Religion2Code", "NULL"),
    ("Actor1Type1Code", "e.source_sector"), ("Actor1Type2Code", "NULL"), ("Actor1Type3Code", "NULL"),
    ("Actor2Code", "coalesce(e.target_code, '') || coalesce(e.target_sector, '')"),
    ("Actor2Name", "regexp_replace(coalesce(ta.name, ta.text, e.target_code), '[\\t\\r\\n]+', ' ', 'g')"),
    ("Actor2CountryCode", "CASE WHEN length(e.target_code) = 3 THEN e.target_code END"),
    ("Actor2KnownGroupCode", "CASE WHEN length(e.target_code) <> 3 THEN e.target_code END"),
    ("Actor2EthnicCode", "NULL"), ("Actor2Religion1Code", "NULL"), ("Actor2Religion2Code", "NULL"),
    ("Actor2Type1Code", "e.target_sector"), ("Actor2Type2Code", "NULL"), ("Actor2Type3Code", "NULL"),
    ("IsRootEvent", "1"),
    ("EventCode", "cm.code"), ("EventBaseCode", "cm.code"), ("EventRootCode", "substr(cm.code, 1, 2)"),
    ("QuadClass", "e.quad"), ("GoldsteinScale", "e.score"),
    ("NumMentions", "e.n_reports"), ("NumSources", "e.n_outlets"), ("NumArticles", "e.n_documents"),
    ("AvgTone", "NULL"),
    *[(f"{g}_{c}", "NULL") for g in ("Actor1Geo", "Actor2Geo") for c in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    ("ActionGeo_Type", "CASE WHEN e.location_text IS NULL THEN NULL WHEN e.lat IS NULL THEN 1 ELSE 4 END"),
    ("ActionGeo_FullName", "regexp_replace(e.location_text, '[\\t\\r\\n]+', ' ', 'g')"), ("ActionGeo_CountryCode", "e.location_code"),
    ("ActionGeo_ADM1Code", "NULL"), ("ActionGeo_ADM2Code", "NULL"),
    ("ActionGeo_Lat", "e.lat"), ("ActionGeo_Long", "e.lon"), ("ActionGeo_FeatureID", "NULL"),
    ("DATEADDED", "strftime(coalesce(e.first_seen, e.date), '%Y%m%d') || '000000'"),
    ("SOURCEURL", "regexp_replace(coalesce(d.canonical_url, d.url, d.origin), '[\\t\\r\\n]+', ' ', 'g')"),
)
assert len(GDELT_COLUMNS) == 61


def gdelt_id(event_id: str) -> int:
    """The integer GLOBALEVENTID of an event (the SQL above, in Python, to join back)."""
    import hashlib

    return int(hashlib.md5(event_id.encode()).hexdigest()[:15], 16)


def _flat_sql(f: EventFilter, for_csv: bool) -> tuple[str, list[Any]]:
    where, params = f.where("e")
    cols = ", ".join(
        (f"array_to_string({expr}, ';') AS {name}" if for_csv and name in LIST_COLUMNS else f"{expr} AS {name}")
        for name, expr in FLAT_COLUMNS
    )
    return f"SELECT {cols} FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id", params


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    """A contract record with reports -> a PLOVER JSON record."""

    def actor(parts: list[dict[str, Any]]) -> str | None:
        if not parts:
            return None
        p = parts[0]
        return (p["code"] or p["text"]) + (p["sector"] or "") if (p["code"] or p["text"]) else None

    reports = ev["reports"] if isinstance(ev["reports"], list) else []
    return {
        "id": ev["event_id"],
        "date": ev["date"],
        "date_precision": ev["date_precision"],
        "actor": actor(ev["source"]),
        "recipient": actor(ev["target"]),
        "event": ev["type"],
        "mode": ev["mode"] or "",
        "context": [],
        "quad": ev["quad"],
        "quad_class": QUAD_NAMES.get(ev["quad"]),
        "intensity": ev["score"],
        "factuality": ev["factuality"],
        "reciprocal": ev["reciprocal"],
        "actor_info": ev["source"],
        "recipient_info": ev["target"],
        "geolocation": {"name": ev["location"]["text"], "country": ev["location"]["code"],
                        "lat": ev["location"]["lat"], "lon": ev["location"]["lon"]} if ev["location"] else None,
        "text_info": {"sentence": ev["sentence"], "doc_id": ev["doc_id"], "evidence": ev["evidence"],
                      "attribution": ev["attribution"]},
        "cite_info": [{"source": r["outlet"], "doc_id": r["doc_id"], "url": r["url"], "title": r["title"],
                       "date": r["published"], "sentence": r["sentence"], "factuality": r["factuality"],
                       "is_copy": r["is_copy"]} for r in reports],
        "code_info": {"coder": "dyadline", "confidence": ev["confidence"], "n_reports": ev["n_reports"],
                      "n_outlets": ev["n_outlets"], "first_seen": ev["first_seen"], "last_seen": ev["last_seen"]},
    }


def export_events(store: Store, fmt: str, out: str | Path, f: EventFilter | None = None) -> int:
    """Write the matching events to ``out`` in ``fmt``; returns the number of events written."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    f = f or EventFilter()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("csv", "parquet"):
        sql, params = _flat_sql(f, for_csv=fmt == "csv")
        rel = store.con.cursor().sql(sql, params=params)  # a fresh cursor: no pending result in the way
        if fmt == "csv":
            rel.write_csv(str(out), header=True)
        else:
            rel.write_parquet(str(out), compression="zstd")
        return _count(store, f)
    if fmt == "gdelt":
        where, params = f.where("e")
        cols = ", ".join(f"{expr} AS {name}" for name, expr in GDELT_COLUMNS)
        cameo = "SELECT * FROM (VALUES " + ", ".join(f"('{t}', '{c}')" for t, c in CAMEO_OF_TYPE.items()) + \
            ") v(type, code)"
        sql = f"""SELECT {cols} FROM events e
                  LEFT JOIN ({cameo}) cm ON cm.type = e.type
                  LEFT JOIN documents d ON d.doc_id = e.doc_id
                  LEFT JOIN event_actors sa ON sa.report_id = e.event_id AND sa.role = 'source' AND sa.position = 0
                  LEFT JOIN event_actors ta ON ta.report_id = e.event_id AND ta.role = 'target' AND ta.position = 0
                  WHERE {where} ORDER BY e.date NULLS LAST, e.event_id"""
        store.con.cursor().sql(sql, params=params).write_csv(str(out), sep="\t", header=False, quotechar="")
        return _count(store, f)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for ev in iter_events(store, f, with_reports=True):
            rec = plover_record(ev) if fmt == "plover" else ev
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _count(store: Store, f: EventFilter) -> int:
    where, params = f.where("e")
    return int(store.one(f"SELECT count(*) FROM events e WHERE {where}", params)[0])
