"""Dyad series, plot, network, and the analytics commands end to end (Typer runner)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from dyadline.analytics.network import build_network, to_json
from dyadline.analytics.series import fill_periods, flat_rows
from dyadline.cli import app
from dyadline.store import queries as q
from dyadline.store.db import Store
from dyadline.store.synthetic import sample_documents

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("a") / "a.duckdb"
    with Store(path) as s:
        s.write_batch(sample_documents())
    return path


def test_dyad_series_counts(db: Path) -> None:
    with Store(db, read_only=True) as s:
        by_month = q.dyad_series(s, "BLR", "CHN", by="month")
        assert [p["period"] for p in by_month] == ["2024-09-01", "2024-11-01"]
        sep = by_month[0]
        assert sep["events"] == 1 and sep["reports"] == 4 and sep["quad"]["1"] == 1
        assert sep["types"] == {"CONSULT": 1} and sep["factuality"] == {"contested": 1}
        assert by_month[1]["types"] == {"AID": 1} and by_month[1]["factuality"] == {"possible": 1}
        # a possible event is counted as an event but adds nothing to cooperation or the score;
        # a contested one (reports disagree) still counts
        assert by_month[1]["events"] == 1 and by_month[1]["score_sum"] == 0 and by_month[1]["cooperation"] == 0
        assert by_month[1]["score_mean"] is None and sep["score_sum"] > 0 and sep["cooperation"] == 1
        directed = q.dyad_series(s, "BLR", "CHN", directed=True)
        assert [p["types"] for p in directed] == [{"CONSULT": 1}]
        assert q.dyad_series(s, "BLR", "CHN", by="year")[0]["events"] == 2
        assert q.dyad_series(s, "RUS", "UKR", by="day")[0]["score_mean"] < 0
    filled = fill_periods(by_month, "month")
    assert [p["period"] for p in filled] == ["2024-09-01", "2024-10-01", "2024-11-01"]
    header, rows = flat_rows(filled, "month")
    assert rows[1][:3] == ["2024-10", 0, 0] and "CONSULT" in header and "contested" in header


def test_network(db: Path) -> None:
    with Store(db, read_only=True) as s:
        g = build_network(s)
        assert g.has_edge("CHN", "BLR") and g.has_edge("RUS", "UKR") and g.has_edge("EUR", "BLR")
        assert g["CHN"]["BLR"]["events"] == 2 and g["RUS"]["UKR"]["n_q4"] == 1
        assert g["RUS"]["UKR"]["score_q4"] < 0
        assert not build_network(s, min_events=2).has_edge("EUR", "BLR")
        gs = build_network(s, by_sector=True)
        assert gs.has_edge("RUS MIL", "UKR") and gs.nodes["RUS MIL"]["sector"] == "MIL"
    assert to_json(g)["directed"] is True


def test_events_command_formats(db: Path) -> None:
    r = runner.invoke(app, ["events", "--db", str(db), "--dyad", "BLR", "CHN", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert sorted(x["type"] for x in recs) == ["AID", "CONSULT"]
    consult = next(x for x in recs if x["type"] == "CONSULT")
    assert len(consult["reports"]) == 4 and "Xinhua" in consult["outlets"]
    r = runner.invoke(app, ["events", "--db", str(db), "--actor", "RUS", "--format", "csv"])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == 3
    r = runner.invoke(app, ["events", "--db", str(db), "--factuality", "maybe"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["events", "--db", str(db / "missing.duckdb")])
    assert r.exit_code == 2


def test_dyad_command_and_plot(db: Path, tmp_path: Path) -> None:
    png, svg = tmp_path / "d.png", tmp_path / "d.svg"
    r = runner.invoke(app, ["dyad", "BLR", "CHN", "--db", str(db), "--format", "json", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [p["events"] for p in data["periods"]] == [1, 1]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    r = runner.invoke(app, ["dyad", "BLR", "CHN", "--db", str(db), "--by", "week", "--format", "csv",
                            "--plot", str(svg)])
    assert r.exit_code == 0 and r.stdout.startswith("period,events")
    assert b"<svg" in svg.read_bytes()[:500]
    assert runner.invoke(app, ["dyad", "BLR", "CHN", "--db", str(db), "--by", "decade"]).exit_code == 2


def test_network_command_graphml_and_gexf(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.graphml"
    r = runner.invoke(app, ["network", "--db", str(db), "--format", "graphml", "--out", str(out)])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    assert g.is_directed() and int(g["CHN"]["BLR"]["events"]) == 2
    r = runner.invoke(app, ["network", "--db", str(db), "--format", "gexf", "--since", "2024-09-01"])
    assert r.exit_code == 0 and "<gexf" in r.stdout
    r = runner.invoke(app, ["network", "--db", str(db), "--format", "json", "--min-events", "2"])
    assert [(e["source"], e["target"]) for e in json.loads(r.stdout)["edges"]] == [("CHN", "BLR")]


def test_actors_top_export_and_sql_commands(db: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["actors", "top", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["actors"][0]["actor"] == "BLR" and data["dyads"]
    out = tmp_path / "e.parquet"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(out), "--quad", "4"])
    assert r.exit_code == 0, r.output
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 2
    r = runner.invoke(app, ["sql", "--db", str(db), "--format", "json", "SELECT count(*) AS n FROM events_v"])
    assert r.exit_code == 0 and json.loads(r.stdout) == [{"n": 5}]
    r = runner.invoke(app, ["sql", "--db", str(db), "DELETE FROM events"])
    assert r.exit_code == 2 and "only SELECT" in r.output
    r = runner.invoke(app, ["sql", "--db", str(db), "SELECT nonsense FROM nowhere"])
    assert r.exit_code == 2
