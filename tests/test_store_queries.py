"""The query API: every filter, paging and sorting, one event, aliases, injection, read-only SQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.store import queries as q
from dyadline.store.db import Store
from dyadline.store.synthetic import sample_documents


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as s:
        s.write_batch(sample_documents())
    return path


@pytest.fixture()
def store(db: Path):  # type: ignore[no-untyped-def]
    with Store(db, read_only=True) as s:
        yield s


def types(store: Store, **kw: object) -> list[str]:
    page = q.events(store, q.EventFilter(**kw), limit=100)  # type: ignore[arg-type]
    assert page.total == len(page.items)
    return sorted(e["type"] for e in page.items)


def test_no_filter_lists_merged_events(store: Store) -> None:
    assert types(store) == ["ACCUSE", "AID", "ASSAULT", "CONSULT", "SANCTION"]


@pytest.mark.parametrize(("kw", "expected"), [
    ({"actor": "RUS"}, ["ACCUSE", "ASSAULT"]),  # a country code matches all its sectors
    ({"actor": "RUS MIL"}, ["ASSAULT"]),
    ({"actor": "rus:gov"}, ["ACCUSE"]),
    ({"actor": "RUSGOV"}, ["ACCUSE"]),
    ({"actor": "BLR"}, ["AID", "CONSULT", "SANCTION"]),
    ({"dyad": ("BLR", "CHN")}, ["AID", "CONSULT"]),
    ({"dyad": ("CHN", "BLR")}, ["AID", "CONSULT"]),
    ({"source": "CHN", "target": "BLR"}, ["AID", "CONSULT"]),  # Xinhua reported CHN->BLR
    ({"source": "BLR"}, ["CONSULT"]),
    ({"target": "USA"}, ["ACCUSE"]),
    ({"type": "ASSAULT"}, ["ASSAULT"]),
    ({"type": "assault,aid"}, ["AID", "ASSAULT"]),
    ({"quad": 4}, ["ASSAULT", "SANCTION"]),
    ({"quad": [1, 2]}, ["AID", "CONSULT"]),
    ({"factuality": "contested"}, ["CONSULT"]),
    ({"factuality": "possible"}, ["AID"]),
    ({"outlet": "xinhua"}, ["CONSULT"]),
    ({"outlet": "sputnik.example"}, ["CONSULT"]),
    ({"outlet": "BelTA"}, ["CONSULT", "SANCTION"]),
    ({"attribution": "General Staff"}, ["ASSAULT"]),
    ({"attribution": "none"}, ["ACCUSE", "CONSULT", "SANCTION"]),
    ({"since": "2024-09-01"}, ["AID", "CONSULT", "SANCTION"]),
    ({"until": "2024-06-30"}, ["ACCUSE", "ASSAULT"]),
    ({"since": "2024-09", "until": "2024-09-30"}, ["CONSULT", "SANCTION"]),
    ({"text": "loan Belarus"}, ["AID"]),
    ({"text": "BEIJING"}, ["CONSULT"]),
    ({"text": "loan Kharkiv"}, []),
    ({"min_reports": 2}, ["CONSULT"]),
    ({"actor": "BLR", "quad": 4, "since": "2024-01-01"}, ["SANCTION"]),
])
def test_every_filter(store: Store, kw: dict[str, object], expected: list[str]) -> None:
    assert types(store, **kw) == expected


@pytest.mark.parametrize("evil", [
    "'; DROP TABLE events; --", "RUS' OR '1'='1", "x%' OR 1=1 --", "%", "_", "\\", "RUS\" OR \"1\"=\"1",
])
def test_injection_strings_are_just_values(store: Store, evil: str) -> None:
    for field in ("outlet", "attribution", "text", "type", "factuality_ok"):
        kw = {field: evil} if field != "factuality_ok" else {}
        assert q.events(store, q.EventFilter(**kw)).total == (5 if not kw else 0)  # type: ignore[arg-type]
    try:
        assert q.events(store, q.EventFilter(actor=evil)).total == 0
    except q.QueryError:
        pass  # several words: refused as not an actor code
    assert store.count("events") == 5


def test_bad_values_are_refused_with_a_message(store: Store) -> None:
    with pytest.raises(q.QueryError, match="factuality"):
        q.events(store, q.EventFilter(factuality="maybe"))
    with pytest.raises(q.QueryError, match="since"):
        q.events(store, q.EventFilter(since="last tuesday"))
    with pytest.raises(q.QueryError, match="quad"):
        q.events(store, q.EventFilter(quad=7))
    with pytest.raises(q.QueryError, match="sort"):
        q.events(store, sort="date; DROP TABLE events")


def test_paging_and_sorting(store: Store) -> None:
    by_date = [e["date"] for e in q.events(store, limit=100).items]
    assert by_date == sorted(by_date, reverse=True)
    asc = [e["date"] for e in q.events(store, limit=100, descending=False).items]
    assert asc == sorted(asc)
    p1, p2 = q.events(store, limit=2), q.events(store, limit=2, offset=2)
    assert p1.total == p2.total == 5
    assert not {e["event_id"] for e in p1.items} & {e["event_id"] for e in p2.items}
    assert q.events(store, sort="reports", limit=1).items[0]["type"] == "CONSULT"


def test_contract_fields_and_one_event_with_reports(store: Store) -> None:
    from dyadline.model import CONTRACT_FIELDS

    consult = q.events(store, q.EventFilter(type="CONSULT"), with_reports=True).items[0]
    assert set(CONTRACT_FIELDS) <= set(consult)
    assert consult["outlets"] == ["BelTA", "Charter97", "Xinhua", "sputnik.example"]
    assert len(consult["reports"]) == 4 and consult["n_reports"] == 4
    assert consult["factuality"] == "contested"
    full = q.event(store, consult["event_id"])
    assert full is not None
    reps = {r["doc_id"]: r for r in full["reports"]}
    assert reps["sputnik-1"]["is_copy"] and reps["sputnik-1"]["copy_of"] == "belta-1"
    assert reps["charter-1"]["factuality"] == "negated"
    assert reps["charter-1"]["attribution"]["text"] == "the Belarusian opposition"
    assert reps["belta-1"]["url"] == "https://www.belta.by/1"
    # evidence offsets point into the stored document text
    text = store.one("SELECT text FROM documents WHERE doc_id = 'belta-1'")[0]  # type: ignore[index]
    s, e = reps["belta-1"]["evidence"]
    assert text[s:e] == reps["belta-1"]["sentence"]
    assert q.event(store, "ev_nope") is None


def test_actors_dyads_documents_summary(store: Store) -> None:
    top = {r["actor"]: r for r in q.top_actors(store)}
    assert top["BLR"]["events"] == 3 and top["RUS"]["events"] == 2
    assert {r["actor"] for r in q.top_actors(store, by_sector=True)} >= {"RUS MIL", "RUS GOV", "BLR GOV"}
    dyads = {(r["source"], r["target"]): r["events"] for r in q.top_dyads(store)}
    assert dyads[("CHN", "BLR")] == 2 and dyads[("EUR", "BLR")] == 1
    assert [r["code"] for r in q.search_actors(store, "RU")] == ["RUS", "RUS"]
    docs = q.documents(store, limit=100)
    assert docs.total == 7
    assert q.documents(store, set_aside=True).items[0]["doc_id"] == "uk-1"
    assert q.documents(store, duplicates=True).items[0]["doc_id"] == "sputnik-1"
    s = q.summary(store)
    assert (s["documents"], s["duplicates"], s["set_aside"], s["events"], s["reports"]) == (7, 1, 1, 5, 8)
    assert s["languages_set_aside"] == {"uk": 1} and s["contested"] == 1


@pytest.mark.parametrize("stmt", [
    "INSERT INTO events (event_id) VALUES ('x')", "DELETE FROM events", "DROP TABLE events",
    "UPDATE events SET type = 'X'", "CREATE TABLE t AS SELECT 1", "COPY events TO '/tmp/dyadline-leak.csv'",
    "ATTACH '/tmp/other.duckdb' AS o", "SELECT 1; DROP TABLE events", "PRAGMA enable_profiling",
    "SET threads = 1", "INSTALL httpfs", "CHECKPOINT",
])
def test_sql_refuses_to_write(db: Path, stmt: str) -> None:
    with pytest.raises(q.QueryError):
        q.read_only_sql(str(db), stmt)
    with Store(db, read_only=True) as s:
        assert s.count("events") == 5


def test_sql_reads_views_but_no_files(db: Path) -> None:
    cols, rows = q.read_only_sql(str(db), "SELECT type, n_reports FROM events_v ORDER BY n_reports DESC, type")
    assert cols == ["type", "n_reports"] and rows[0] == ("CONSULT", 4)
    cols, rows = q.read_only_sql(str(db), "SELECT source_code, target_code, count(*), sum(n_reports) FROM dyads_v "
                                           "WHERE source_code = 'CHN' AND target_code = 'BLR' GROUP BY 1, 2")
    assert rows == [("CHN", "BLR", 2, 5)]
    with pytest.raises(Exception, match="disabled|Permission"):
        q.read_only_sql(str(db), "SELECT * FROM read_csv('/etc/hostname')")
