"""Benchmark of the store at scale: a synthetic 1M-event database, queried and exported.

Run: ``.venv/bin/python benchmarks/store.py [--events N] [--db PATH] [--keep]``. Prints a
table and writes ``benchmarks/results/store.json``.

What it measures, and why these:
- generation time and database size per million events (disk cost of keeping everything:
  every report with its evidence sentence, every actor mention, documents with text);
- the queries an analyst or the dashboard runs interactively: a page of events under each
  filter, one event with its reports, dyad series by month/week/day, the actor network,
  top actors, summary counts. Target: each under 1 s on 2 cores. Each is timed as the
  median of ``REPEAT`` runs after one warm-up run (DuckDB caches decompressed blocks);
- exports: all events to Parquet/CSV/GDELT, and filtered JSONL/PLOVER (Python-built
  records with their reports, so slower per event);
- incremental ingest into the big store: write_batch of 32 hand-built documents, whose
  merge step looks up candidate reports among millions.
Timings are wall-clock on whatever machine runs it; the JSON records the CPU count.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadline.analytics.network import build_network  # noqa: E402
from dyadline.export.formats import export_events  # noqa: E402
from dyadline.store import queries as q  # noqa: E402
from dyadline.store.db import Store  # noqa: E402
from dyadline.store.synthetic import generate, make_document  # noqa: E402

REPEAT = 5
TARGET_S = 1.0


def timed(fn: Callable[[], Any], repeat: int = REPEAT) -> tuple[float, Any]:
    fn()  # warm-up
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def size_of(result: Any) -> str:
    if isinstance(result, q.Page):
        return f"{len(result.items)} of {result.total}"
    if isinstance(result, list):
        return f"{len(result)} rows"
    if isinstance(result, dict):
        if isinstance(result.get("reports"), list):
            return f"{len(result['reports'])} reports"
        return f"{result.get('events', len(result))} events"
    if hasattr(result, "number_of_edges"):
        return f"{result.number_of_nodes()} nodes, {result.number_of_edges()} edges"
    return str(result)


def ingest_batch(n: int, batch_no: int) -> list[Any]:
    docs = []
    for i in range(n):
        s1 = f"Officials from USA and CHN were reported to consult on 3 March 2024 in the capital (bench {batch_no}-{i})."
        docs.append(make_document(s1 + " Trade was discussed.", doc_id=f"bench-{batch_no}-{i}", site="BenchWire",
                                  date="2024-03-03",
                                  events=[dict(sentence=s1, type="CONSULT", source="USA", target="CHN")]))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=None, help="database path (default: a temp file, removed afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the generated database")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "store.json"))
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dyadline-bench-"))
    db = Path(args.db) if args.db else tmp / "store.duckdb"
    t0 = time.perf_counter()
    counts = generate(db, args.events, seed=0)
    gen_s = time.perf_counter() - t0
    size_mb = db.stat().st_size / 1e6
    print(f"generated {counts} in {gen_s:.1f} s; {size_mb:.0f} MB "
          f"({size_mb / (counts['events'] / 1e6):.0f} MB per million events)", flush=True)

    rows: list[dict[str, Any]] = []

    def bench(group: str, name: str, fn: Callable[[], Any], repeat: int = REPEAT) -> None:
        sec, res = timed(fn, repeat)
        rows.append({"group": group, "name": name, "seconds": round(sec, 4), "result": size_of(res),
                     "under_target": sec < TARGET_S if group not in ("export",) else None})
        print(f"  {group:<8} {name:<52} {sec * 1000:9.1f} ms  {size_of(res)}", flush=True)

    with Store(db, read_only=True) as st:
        some_event = st.one("SELECT event_id FROM events WHERE n_reports >= 3 ORDER BY event_id LIMIT 1")[0]
        F = q.EventFilter
        bench("events", "page 1, no filter, by date (with total)", lambda: q.events(st, limit=50))
        bench("events", "page 200, no filter", lambda: q.events(st, limit=50, offset=10_000))
        bench("events", "--actor RUS", lambda: q.events(st, F(actor="RUS")))
        bench("events", "--actor 'RUS GOV'", lambda: q.events(st, F(actor="RUS GOV")))
        bench("events", "--dyad USA CHN", lambda: q.events(st, F(dyad=("USA", "CHN"))))
        bench("events", "--source RUS --target UKR --type ASSAULT", lambda: q.events(
            st, F(source="RUS", target="UKR", type="ASSAULT")))
        bench("events", "--type SANCTION --since 2023-01-01 --until 2023-12-31", lambda: q.events(
            st, F(type="SANCTION", since="2023-01-01", until="2023-12-31")))
        bench("events", "--quad 4 --factuality contested", lambda: q.events(st, F(quad=4, factuality="contested")))
        bench("events", "--outlet Reuters", lambda: q.events(st, F(outlet="Reuters")))
        bench("events", "--attribution spokesperson --actor IRN", lambda: q.events(
            st, F(attribution="spokesperson", actor="IRN")))
        bench("events", "--text 'sanction capital' --actor EUR", lambda: q.events(
            st, F(text="sanction capital", actor="EUR")))
        bench("events", "--text 'assault' (no other filter)", lambda: q.events(st, F(text="assault")))
        bench("events", "sort by reports, --min-reports 4", lambda: q.events(st, F(min_reports=4), sort="reports"))
        bench("event", "one event with all reports", lambda: q.event(st, some_event))
        bench("series", "dyad USA CHN by month", lambda: q.dyad_series(st, "USA", "CHN", by="month"))
        bench("series", "dyad RUS UKR by week, 2022-2023", lambda: q.dyad_series(
            st, "RUS", "UKR", by="week", f=F(since="2022-01-01", until="2023-12-31")))
        bench("series", "dyad BLR CHN by day", lambda: q.dyad_series(st, "BLR", "CHN", by="day"))
        bench("actors", "top actors", lambda: q.top_actors(st, limit=20))
        bench("actors", "top dyads", lambda: q.top_dyads(st, limit=20))
        bench("actors", "search 'RU'", lambda: q.search_actors(st, "RU"))
        bench("network", "network, 2024, min 5 events", lambda: build_network(
            st, F(since="2024-01-01", until="2024-12-31"), min_events=5), repeat=3)
        bench("network", "network, all years, min 20 events", lambda: build_network(st, None, min_events=20),
              repeat=3)
        bench("summary", "summary counts", lambda: q.summary(st))
        bench("documents", "documents page, duplicates only", lambda: q.documents(st, duplicates=True))
        exp = tmp / "export"
        exp.mkdir(exist_ok=True)
        bench("export", "parquet, all events", lambda: export_events(st, "parquet", exp / "all.parquet"), repeat=1)
        bench("export", "csv, all events", lambda: export_events(st, "csv", exp / "all.csv"), repeat=1)
        bench("export", "gdelt, all events", lambda: export_events(st, "gdelt", exp / "all.tsv"), repeat=1)
        bench("export", "jsonl with reports, --dyad USA CHN", lambda: export_events(
            st, "jsonl", exp / "usa-chn.jsonl", F(dyad=("USA", "CHN"))), repeat=1)
        bench("export", "plover, --actor BLR", lambda: export_events(
            st, "plover", exp / "blr.jsonl", F(actor="BLR")), repeat=1)

    with Store(db) as st:
        k = iter(range(10**6))
        bench("ingest", "write_batch of 32 docs into the big store", lambda: st.write_batch(ingest_batch(32, next(k))),
              repeat=3)

    report = {
        "events": counts["events"], "reports": counts["event_reports"], "documents": counts["documents"],
        "event_actors": counts["event_actors"], "generate_seconds": round(gen_s, 1),
        "db_megabytes": round(size_mb, 1), "db_megabytes_per_million_events": round(size_mb / (counts["events"] / 1e6), 1),
        "cpu_count": os.cpu_count(), "repeat": REPEAT, "target_seconds": TARGET_S, "timings": rows,
        "note": "provisional: CPU shared with other jobs when measured",
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n")

    print()
    print(f"{'group':<10}{'query':<54}{'ms':>10}  {'<1s':<4} result")
    for r in rows:
        print(f"{r['group']:<10}{r['name']:<54}{r['seconds'] * 1000:>10.1f}  {({True: 'yes', False: 'NO', None: '-'})[r['under_target']]:<4} "
              f"{r['result']}")
    print(f"\nDB: {report['db_megabytes']} MB for {counts['events']} events "
          f"({report['db_megabytes_per_million_events']} MB per million); generated in {gen_s:.1f} s. "
          f"Written {args.out}")
    if not args.keep and not args.db:
        for p in sorted(tmp.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        tmp.rmdir()


if __name__ == "__main__":
    main()
