"""Schema v3: the actor/dyad lists and the page card on ``events`` stay equal to what
``event_actors`` and the reports say -- after merges, bridging renames, copies, in the
generator -- and an older database is brought forward with the same values."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from dyadline.model import Document
from dyadline.store import queries as q
from dyadline.store.db import ACTOR_LIST_COLUMNS, SCHEMA_VERSION, Store, StoreError
from dyadline.store.synthetic import generate, make_document, sample_documents
from dyadline.store.writer import event_rows_sql

DERIVED = [c for c, _ in ACTOR_LIST_COLUMNS] + ["card", "report_texts"]


def assert_consistent(s: Store) -> None:
    """Every stored events row equals the row recomputed from scratch from reports and actors."""
    cols = ", ".join(DERIVED)
    stored = s.execute(f"SELECT event_id, {cols} FROM events ORDER BY event_id").fetchall()
    fresh = s.execute(f"SELECT event_id, {cols} FROM ({event_rows_sql()}) ORDER BY event_id").fetchall()
    assert stored == fresh
    # and the lists say what the old joins over event_actors said
    pairs = set(s.execute("""SELECT DISTINCT x.event_id, x.code || '>' || y.code FROM event_actors x
                             JOIN event_actors y ON x.report_id = y.report_id
                             WHERE x.role = 'source' AND y.role = 'target' AND x.code IS NOT NULL
                               AND y.code IS NOT NULL""").fetchall())
    assert pairs == set(s.execute("SELECT event_id, unnest(dyad_codes) FROM events").fetchall())
    srcs = set(s.execute("SELECT DISTINCT event_id, code FROM event_actors WHERE role = 'source' "
                         "AND code IS NOT NULL").fetchall())
    assert srcs == set(s.execute("SELECT event_id, unnest(src_codes) FROM events").fetchall())


def doc(i: str, day: str, site: str = "Wire", **kw: object) -> Document:
    sent = f"Lukashenko met Xi Jinping in Beijing ({i})."
    ev = dict(sentence=sent, type="CONSULT", source=("BLR", "GOV"), target="CHN", mode="visit")
    ev.update(kw)
    return make_document(sent, doc_id=i, site=site, date=day, events=[ev])


def test_columns_follow_merges_renames_and_copies(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch(sample_documents())
        assert_consistent(s)
        s.write_batch([doc("a", "2024-08-01", "OutletA")])
        s.write_batch([doc("c", "2024-08-03", "OutletC", target=("CHN", "MIL"))])
        assert_consistent(s)
        # a report in between bridges both events: one is renamed into the other
        s.write_batch([doc("b", "2024-08-02", "OutletB", reciprocal=True)])
        assert s.count("event_aliases") >= 1
        assert_consistent(s)
        ev = s.one("SELECT src_keys, tgt_keys, dyad_keys FROM events WHERE list_contains(tgt_keys, 'CHN MIL')")
        assert ev is not None and "BLR GOV>CHN MIL" in ev[2] and "BLR GOV>CHN" in ev[2]
        # the filters read the lists: a sector-level dyad and a code-with-sector dyad (the join path)
        assert q.events(s, q.EventFilter(dyad=("BLR GOV", "CHN MIL"))).total == 1
        assert q.events(s, q.EventFilter(dyad=("BLR", "CHN MIL"))).total == 1
        assert q.events(s, q.EventFilter(dyad=("CHN", "BLR"))).total >= 2
        # text search: one word reads report_texts; several must share one report's sentence
        assert q.events(s, q.EventFilter(text="XI (b)")).total == 1
        assert q.events(s, q.EventFilter(text="(a) (b)")).total == 0  # in two reports of one event, not one
        assert q.events(s, q.EventFilter(text="(A)")).total == 1
        # the page card gives the same record as the columns do
        for sort in q.SORTS:
            page = q.events(s, limit=3, offset=1, sort=sort, descending=sort != "type")
            rows = q._rows(s, f"SELECT {q.EVENT_COLUMNS} FROM events e WHERE list_contains(?, e.event_id)",
                           [[r["event_id"] for r in page.items]])
            by_id = {r["event_id"]: r for r in q.contract_records(s, rows)}
            assert [json.dumps(r) for r in page.items] == [json.dumps(by_id[r["event_id"]]) for r in page.items]


def test_generated_store_has_the_same_columns_as_the_writer(tmp_path: Path) -> None:
    generate(tmp_path / "g.duckdb", 2000, seed=3)
    with Store(tmp_path / "g.duckdb") as s:
        assert_consistent(s)


def _downgrade_to_v2(path: Path) -> None:
    """What a v2 database looked like: no derived columns, dyads_v over event_actors, no v3 row."""
    from dyadline.store.db import MIGRATIONS

    with Store(path) as s:
        for c in DERIVED:
            s.execute(f"ALTER TABLE events DROP COLUMN {c}")
        s.execute([st for st in MIGRATIONS[1].statements if "dyads_v" in st][0])
        s.execute("DELETE FROM schema_version WHERE version >= 3")


def test_v3_database_gains_report_texts(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with Store(path) as s:
        s.write_batch(sample_documents())
        want = s.execute("SELECT event_id, report_texts FROM events ORDER BY event_id").fetchall()
        s.execute("ALTER TABLE events DROP COLUMN report_texts")
        s.execute("DELETE FROM schema_version WHERE version >= 4")
    with pytest.raises(StoreError, match="open it once writable"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.execute("SELECT event_id, report_texts FROM events ORDER BY event_id").fetchall() == want
        assert_consistent(s)


def test_old_database_upgrades_with_the_same_values(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.write_batch(sample_documents())
        s.write_batch([doc("a", "2024-08-01"), doc("b", "2024-08-02", target=("CHN", "MIL"))])
        want = s.execute(f"SELECT event_id, {', '.join(DERIVED)} FROM events ORDER BY event_id").fetchall()
        dyads = s.execute("SELECT * FROM dyads_v ORDER BY ALL").fetchall()
    _downgrade_to_v2(path)
    con = duckdb.connect(str(path), read_only=True)  # the v2 view over event_actors gives the same rows
    assert con.execute("SELECT * FROM dyads_v ORDER BY ALL").fetchall() == dyads
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (2,)
    con.close()
    with pytest.raises(StoreError, match="open it once writable"):
        Store(path, read_only=True)
    with Store(path) as s:  # migrates
        assert s.schema_version() == SCHEMA_VERSION
        got = s.execute(f"SELECT event_id, {', '.join(DERIVED)} FROM events ORDER BY event_id").fetchall()
        assert got == want
        assert s.execute("SELECT * FROM dyads_v ORDER BY ALL").fetchall() == dyads
        assert_consistent(s)
        s.write_batch([doc("c", "2024-08-03")])  # and the writer goes on from there
        assert_consistent(s)
    with Store(path, read_only=True) as s:
        assert q.events(s, q.EventFilter(dyad=("BLR", "CHN"))).total >= 1
