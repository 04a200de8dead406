"""Acceptance of cross-article merging, through the real pipeline and CLI.

The DEVELOPERS.md example, a syndicated copy of it and an independent article that reports
one of its events, ingested into a fresh database one after the other.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from dyadline.cli import app

runner = CliRunner()


def ingest(db: Path, path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


def q(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_copy_adds_reports_not_events_and_independent_report_merges(corpus_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    ingest(db, corpus_dir / "developers_example.txt")
    (n_events,), = q(db, "SELECT count(*) FROM events")
    (n_reports,), = q(db, "SELECT count(*) FROM event_reports")
    assert n_events > 0

    ingest(db, corpus_dir / "developers_example_syndicated.html")
    assert q(db, "SELECT count(*) FROM events") == [(n_events,)]  # no extra events from the copy
    (copy_reports,), = q(db, "SELECT count(*) FROM event_reports")
    assert copy_reports > n_reports  # ... but more reports
    (dup_of,), = q(db, "SELECT dup_of FROM documents WHERE origin LIKE '%syndicated%'")
    assert dup_of is not None

    ingest(db, corpus_dir / "independent_visit_report.html")
    visits = q(db, "SELECT n_reports, n_outlets FROM events_v WHERE type = 'CONSULT' "
                   "AND list_contains(source_codes, 'BLR') AND list_contains(target_codes, 'CHN')")
    assert visits and max(v[0] for v in visits) >= 2

    series = runner.invoke(app, ["dyad", "BLR", "CHN", "--db", str(db), "--format", "json"])
    assert series.exit_code == 0, series.output
    periods = json.loads(series.stdout)
    periods = periods["periods"] if isinstance(periods, dict) else periods
    assert periods and sum(p["events"] for p in periods) >= 1

    out = tmp_path / "events.parquet"
    exported = runner.invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    (total,), = q(db, "SELECT count(*) FROM events")
    assert pq.read_table(out).num_rows == total
