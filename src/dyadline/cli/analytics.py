"""Commands over the store: events, dyad, network, export, sql, and `actors top`.

They read through :mod:`dyadline.store.queries` (the same functions the JSON API uses) and
open the database read-only, so they can run while nothing writes. Results go to stdout
in the chosen format (table for people; csv, json, jsonl for pipes); messages to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from dyadline.cli import actors_app, app

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def _db_option() -> Any:
    return typer.Option("dyadline.duckdb", "--db", help="DuckDB database file.")


def _open(db: str) -> Any:
    from dyadline.store.db import Store, StoreError

    try:
        return Store(db, read_only=True)
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc


def _fail(msg: str) -> typer.Exit:
    err.print(f"error: {msg}", markup=False)
    return typer.Exit(2)


def _filters(actor: str | None, dyad: tuple[str | None, str | None] | None, source: str | None, target: str | None,
             type_: str | None, quad: str | None, factuality: str | None, outlet: str | None,
             attribution: str | None, since: str | None, until: str | None, text: str | None,
             min_reports: int | None = None) -> Any:
    from dyadline.store.queries import EventFilter

    if dyad is not None and not all(dyad):
        dyad = None
    try:
        quads = [int(q) for q in quad.split(",")] if quad else None
    except ValueError as exc:
        raise _fail(f"--quad {quad!r}: 1, 2, 3 or 4") from exc
    return EventFilter(actor=actor, dyad=(str(dyad[0]), str(dyad[1])) if dyad else None, source=source, target=target,
                       type=type_, quad=quads, factuality=factuality, outlet=outlet, attribution=attribution,
                       since=since, until=until, text=text, min_reports=min_reports)


# Filter options, shared by `events` and `export`.
ACTOR = typer.Option(None, "--actor", help="Actor code; a country code matches all its sectors (RUS finds RUS GOV).")
DYAD = typer.Option(None, "--dyad", help="Two actors, either direction: --dyad BLR CHN.", metavar="A B")
SOURCE = typer.Option(None, "--source", help="Source actor (directed).")
TARGET = typer.Option(None, "--target", help="Target actor (directed).")
TYPE = typer.Option(None, "--type", help="PLOVER type(s), comma-separated: CONSULT,AGREE.")
QUAD = typer.Option(None, "--quad", help="Quad class(es) 1-4: 1 verbal coop, 2 material coop, 3 verbal conflict, "
                                         "4 material conflict.")
FACT = typer.Option(None, "--factuality", help="asserted, negated, possible or contested (comma-separated).")
OUTLET = typer.Option(None, "--outlet", help="Events reported by this outlet (case-insensitive).")
ATTRIB = typer.Option(None, "--attribution", help="Attributed source contains this text; 'none' = outlet's own claim.")
SINCE = typer.Option(None, "--since", help="From this date (YYYY-MM-DD, YYYY-MM or YYYY).")
UNTIL = typer.Option(None, "--until", help="Up to this date, inclusive.")
TEXT = typer.Option(None, "--text", help="Words that must all occur in a report's evidence sentence.")
MINREP = typer.Option(None, "--min-reports", help="Only events with at least this many reports.")


def _actors_str(parts: list[dict[str, Any]]) -> str:
    return ", ".join(f"{p['code'] or p['text']}{' ' + p['sector'] if p.get('sector') else ''}" for p in parts)


@app.command()
def events(
    actor: str | None = ACTOR, dyad: tuple[str, str] | None = DYAD, source: str | None = SOURCE,
    target: str | None = TARGET, type_: str | None = TYPE, quad: str | None = QUAD,
    factuality: str | None = FACT, outlet: str | None = OUTLET, attribution: str | None = ATTRIB,
    since: str | None = SINCE, until: str | None = UNTIL, text: str | None = TEXT,
    min_reports: int | None = MINREP,
    limit: int = typer.Option(50, "--limit", help="At most this many events (0 = all)."),
    offset: int = typer.Option(0, "--offset", help="Skip this many first."),
    sort: str = typer.Option("date", "--sort", help="date, reports, outlets, score, confidence, type."),
    asc: bool = typer.Option(False, "--asc", help="Ascending order (default: descending)."),
    fmt: str = typer.Option("table", "--format", help="table, csv or jsonl (contract fields + reports + outlets)."),
    db: str = _db_option(),
) -> None:
    """Query stored events: merged across articles, with their reports and outlets."""
    from dyadline.store.queries import QueryError
    from dyadline.store.queries import events as q_events

    if fmt not in ("table", "csv", "jsonl"):
        raise _fail("--format must be table, csv or jsonl")
    f = _filters(actor, dyad, source, target, type_, quad, factuality, outlet, attribution, since, until, text,
                 min_reports)
    with _open(db) as store:
        try:
            page = q_events(store, f, limit=limit or 10**12, offset=offset, sort=sort, descending=not asc,
                            with_reports=fmt == "jsonl")
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    if fmt == "jsonl":
        for rec in page.items:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["event_id", "date", "type", "mode", "quad", "score", "source", "target", "factuality",
                    "attribution", "n_reports", "n_outlets", "outlets", "doc_id", "sentence"])
        for r in page.items:
            w.writerow([r["event_id"], r["date"], r["type"], r["mode"], r["quad"], r["score"],
                        _actors_str(r["source"]), _actors_str(r["target"]), r["factuality"],
                        r["attribution"]["text"] if r["attribution"] else "", r["n_reports"], r["n_outlets"],
                        ";".join(r["outlets"]), r["doc_id"], r["sentence"]])
    else:
        table = Table(title=f"{len(page.items)} of {page.total} event(s)")
        for col in ("date", "type", "source", "target", "factuality", "reports", "outlets", "evidence"):
            table.add_column(col, overflow="fold")
        for r in page.items:
            table.add_row(r["date"] or "", r["type"] + (f"/{r['mode']}" if r["mode"] else ""),
                          _actors_str(r["source"]), _actors_str(r["target"]), r["factuality"],
                          str(r["n_reports"]), ", ".join(r["outlets"]), (r["sentence"] or "")[:160])
        out.print(table)


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor, e.g. BLR (or 'BLR GOV')."),
    b: str = typer.Argument(..., help="Second actor, e.g. CHN."),
    by: str = typer.Option("month", "--by", help="day, week, month or year."),
    since: str | None = SINCE, until: str | None = UNTIL,
    directed: bool = typer.Option(False, "--directed", help="Only A acting on B (default: both directions)."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    plot: str | None = typer.Option(None, "--plot", help="Also draw the series to FILE.png or FILE.svg."),
    db: str = _db_option(),
) -> None:
    """How two actors treated each other over time: counts by type and quad, score, factuality."""
    from dyadline.analytics.series import compact_rows, flat_rows, plot_dyad
    from dyadline.store.queries import EventFilter, QueryError, dyad_series

    if fmt not in ("table", "json", "csv"):
        raise _fail("--format must be table, json or csv")
    if plot and not plot.lower().endswith((".png", ".svg")):
        raise _fail("--plot needs a .png or .svg file name")
    with _open(db) as store:
        try:
            series = dyad_series(store, a, b, by=by, f=EventFilter(since=since, until=until), directed=directed)
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps({"a": a, "b": b, "by": by, "directed": directed, "periods": series},
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        header, rows = flat_rows(series, by) if fmt == "csv" else compact_rows(series, by)
        if fmt == "csv":
            w = csv.writer(sys.stdout)
            w.writerow(header)
            w.writerows(rows)
        else:
            arrow = "→" if directed else "↔"
            table = Table(title=f"{a} {arrow} {b} by {by}: score = cooperation (+) / conflict (−)")
            for col in header:
                table.add_column(col, justify="left" if col in ("period", "types", "factuality") else "right",
                                 overflow="fold")
            for row in rows:
                table.add_row(*("" if v is None else str(v) for v in row))
            out.print(table)
            if not rows:
                err.print(f"no dated events between {a} and {b}", markup=False)
    if plot:
        path = plot_dyad(series, a, b, by, plot)
        err.print(f"plot written to {path}", markup=False)


@app.command()
def network(
    since: str | None = SINCE, until: str | None = UNTIL,
    min_events: int = typer.Option(1, "--min-events", help="Keep edges with at least this many events."),
    sectors: bool = typer.Option(False, "--sectors", help="Nodes are code + sector (RUS GOV) instead of codes."),
    type_: str | None = TYPE, quad: str | None = QUAD, factuality: str | None = FACT,
    fmt: str = typer.Option("json", "--format", help="json (node-link), graphml or gexf."),
    out_path: str | None = typer.Option(None, "--out", help="Write to this file instead of stdout."),
    db: str = _db_option(),
) -> None:
    """The directed actor network: edges weighted by event count, with mean score per quad."""
    from dyadline.analytics.network import FORMATS, build_network, write_network
    from dyadline.store.queries import QueryError

    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}")
    f = _filters(None, None, None, None, type_, quad, factuality, None, None, since, until, None)
    with _open(db) as store:
        try:
            g = build_network(store, f, min_events=min_events, by_sector=sectors)
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    text = write_network(g, fmt, out_path)
    if text is not None:
        sys.stdout.write(text + "\n")
    err.print(f"network: {g.number_of_nodes()} actors, {g.number_of_edges()} directed edges", markup=False)


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", help="csv, parquet, jsonl, plover (PLOVER JSON lines) or gdelt (TSV)."),
    out_path: str = typer.Option(..., "--out", help="Output file."),
    actor: str | None = ACTOR, dyad: tuple[str, str] | None = DYAD, source: str | None = SOURCE,
    target: str | None = TARGET, type_: str | None = TYPE, quad: str | None = QUAD,
    factuality: str | None = FACT, outlet: str | None = OUTLET, attribution: str | None = ATTRIB,
    since: str | None = SINCE, until: str | None = UNTIL, text: str | None = TEXT,
    min_reports: int | None = MINREP,
    db: str = _db_option(),
) -> None:
    """Export the matching events to a file (all events without filters)."""
    from dyadline.export.formats import FORMATS, export_events
    from dyadline.store.queries import QueryError

    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}")
    f = _filters(actor, dyad, source, target, type_, quad, factuality, outlet, attribution, since, until, text,
                 min_reports)
    with _open(db) as store:
        try:
            n = export_events(store, fmt, out_path, f)
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    err.print(f"export: {n} event(s) written to {out_path} ({fmt})", markup=False)


@app.command()
def sql(
    query: str = typer.Argument(..., help="SELECT over events_v, reports_v, dyads_v, documents_v (docs/store.md)."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json or jsonl."),
    limit: int = typer.Option(0, "--limit", help="At most this many rows (0 = all)."),
    db: str = _db_option(),
) -> None:
    """Run a read-only SQL query; anything that could write is refused."""
    from dyadline.store.db import StoreError
    from dyadline.store.queries import SqlRefused, read_only_sql

    if fmt not in ("table", "csv", "json", "jsonl"):
        raise _fail("--format must be table, csv, json or jsonl")
    try:
        cols, rows = read_only_sql(db, query, limit=limit or None)
    except (SqlRefused, StoreError) as exc:
        raise _fail(str(exc)) from exc
    except Exception as exc:  # a SQL error in the user's query: one line, not a traceback
        raise _fail(str(exc).splitlines()[0]) from exc
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    elif fmt in ("json", "jsonl"):
        recs = [dict(zip(cols, r, strict=True)) for r in rows]
        if fmt == "json":
            sys.stdout.write(json.dumps(recs, ensure_ascii=False, default=str, indent=1) + "\n")
        else:
            for rec in recs:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    else:
        table = Table()
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        out.print(table)


@actors_app.command("top")
def actors_top(
    limit: int = typer.Option(15, "--limit", help="How many actors and dyads."),
    sectors: bool = typer.Option(False, "--sectors", help="Rank code + sector (RUS GOV) instead of codes."),
    since: str | None = SINCE, until: str | None = UNTIL, type_: str | None = TYPE, quad: str | None = QUAD,
    fmt: str = typer.Option("table", "--format", help="table or json."),
    db: str = _db_option(),
) -> None:
    """The most active actors and the busiest dyads."""
    from dyadline.store.queries import QueryError, top_actors, top_dyads

    f = _filters(None, None, None, None, type_, quad, None, None, None, since, until, None)
    with _open(db) as store:
        try:
            actors = top_actors(store, f, limit=limit, by_sector=sectors)
            dyads = top_dyads(store, f, limit=limit)
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    if fmt == "json":
        sys.stdout.write(json.dumps({"actors": actors, "dyads": dyads}, ensure_ascii=False, indent=1) + "\n")
        return
    t1 = Table(title="Most active actors")
    for col in ("actor", "events", "as source", "as target", "mean score"):
        t1.add_column(col, justify="left" if col == "actor" else "right")
    for r in actors:
        t1.add_row(r["actor"], str(r["events"]), str(r["as_source"]), str(r["as_target"]), str(r["mean_score"]))
    t2 = Table(title="Busiest dyads")
    for col in ("source", "target", "events", "cooperation", "conflict", "mean score"):
        t2.add_column(col, justify="left" if col in ("source", "target") else "right")
    for r in dyads:
        t2.add_row(r["source"], r["target"], str(r["events"]), str(r["cooperation"]), str(r["conflict"]),
                   str(r["mean_score"]))
    out.print(t1)
    out.print(t2)
