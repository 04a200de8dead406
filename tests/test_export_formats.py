"""Every export format round-trips: read the file back and compare with the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyadline.export.formats import CAMEO_OF_TYPE, FLAT_COLUMNS, GDELT_COLUMNS, export_events, gdelt_id
from dyadline.store import queries as q
from dyadline.store.db import Store
from dyadline.store.synthetic import sample_documents


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("x") / "x.duckdb"
    with Store(path) as s:
        s.write_batch(sample_documents())
    with Store(path, read_only=True) as s:
        yield s


def expected(store: Store, f: q.EventFilter | None = None) -> dict[str, dict]:  # type: ignore[type-arg]
    return {e["event_id"]: e for e in q.iter_events(store, f, with_reports=True)}


def test_csv_round_trip(store: Store, tmp_path: Path) -> None:
    n = export_events(store, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    exp = expected(store)
    assert n == len(rows) == len(exp) == 5
    assert list(rows[0]) == [c for c, _ in FLAT_COLUMNS]
    for r in rows:
        e = exp[r["event_id"]]
        assert r["type"] == e["type"] and float(r["score"]) == e["score"] and int(r["quad"]) == e["quad"]
        assert int(r["n_reports"]) == e["n_reports"] and r["outlets"].split(";") == e["outlets"]
        assert r["sentence"] == e["sentence"] and r["factuality"] == e["factuality"]
        assert r["source_code"] == e["source"][0]["code"] and r["date"] == e["date"]


def test_parquet_round_trip_with_filter(store: Store, tmp_path: Path) -> None:
    f = q.EventFilter(dyad=("BLR", "CHN"))
    n = export_events(store, "parquet", tmp_path / "e.parquet", f)
    tbl = pq.read_table(tmp_path / "e.parquet").to_pylist()
    exp = expected(store, f)
    assert n == len(tbl) == len(exp) == 2
    for r in tbl:
        e = exp[r["event_id"]]
        assert r["outlets"] == e["outlets"] and r["n_reports"] == e["n_reports"]
        assert r["date"].isoformat() == e["date"] and r["target_codes"] == [p["code"] for p in e["target"]]


def test_jsonl_round_trip(store: Store, tmp_path: Path) -> None:
    n = export_events(store, "jsonl", tmp_path / "e.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    exp = expected(store)
    assert n == len(recs) == 5
    for r in recs:
        assert r == json.loads(json.dumps(exp[r["event_id"]], default=str))
    consult = next(r for r in recs if r["type"] == "CONSULT")
    assert len(consult["reports"]) == 4 and len(consult["outlets"]) == 4


def test_plover_round_trip(store: Store, tmp_path: Path) -> None:
    n = export_events(store, "plover", tmp_path / "p.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    exp = expected(store)
    assert n == len(recs) == 5
    for r in recs:
        e = exp[r["id"]]
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "quad", "text_info",
                "cite_info"} <= set(r)
        assert r["event"] == e["type"] and r["date"] == e["date"] and r["quad"] == e["quad"]
        assert len(r["cite_info"]) == e["n_reports"] and r["text_info"]["sentence"] == e["sentence"]
    assault = next(r for r in recs if r["event"] == "ASSAULT")
    assert assault["actor"] == "RUSMIL" and assault["recipient"] == "UKR"


def test_gdelt_round_trip(store: Store, tmp_path: Path) -> None:
    n = export_events(store, "gdelt", tmp_path / "g.tsv")
    lines = (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()
    names = [c for c, _ in GDELT_COLUMNS]
    rows = [dict(zip(names, line.split("\t"), strict=True)) for line in lines]
    exp = {gdelt_id(i): e for i, e in expected(store).items()}
    assert n == len(rows) == 5
    for r in rows:
        e = exp[int(r["GLOBALEVENTID"])]
        assert r["SQLDATE"] == e["date"].replace("-", "") and r["Year"] == e["date"][:4]
        assert r["EventCode"] == CAMEO_OF_TYPE[e["type"]] and r["EventRootCode"] == CAMEO_OF_TYPE[e["type"]][:2]
        assert int(r["QuadClass"]) == e["quad"] and float(r["GoldsteinScale"]) == e["score"]
        assert int(r["NumMentions"]) == e["n_reports"] and int(r["NumSources"]) == e["n_outlets"]
        src = e["source"][0]
        assert r["Actor1Code"] == src["code"] + (src["sector"] or "")
    shell = next(r for r in rows if r["EventRootCode"] == "18")
    assert shell["Actor1Code"] == "RUSMIL" and shell["Actor1CountryCode"] == "RUS"
    assert shell["ActionGeo_FullName"] == "Kharkiv"


def test_unknown_format_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        export_events(store, "xml", tmp_path / "x.xml")
