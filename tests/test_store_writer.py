"""The store: schema and migrations, idempotent batches, one transaction per batch, merging, stable ids."""

from __future__ import annotations

import itertools
from pathlib import Path

import duckdb
import pytest

from dyadline.model import Document
from dyadline.store import writer
from dyadline.store.db import MIGRATIONS, SCHEMA_VERSION, Store, StoreError
from dyadline.store.merge import LinkReport, linked
from dyadline.store.synthetic import make_document

MEET = "Belarusian President Alexander Lukashenko met Chinese President Xi Jinping in Beijing on Monday."
MEET2 = "Xi Jinping held talks with Lukashenko in Beijing, Chinese state media reported."
MEET_NEG = "Lukashenko did not meet Xi Jinping in Beijing, the Belarusian opposition claimed."
SANCTION = "The European Union imposed new sanctions on Belarus over the crackdown."


def belta(**kw: object) -> Document:
    return make_document(
        f"Minsk, 9 September. {MEET} The leaders discussed trade. {SANCTION}", doc_id="belta-1", site="BelTA",
        date="2024-09-09",
        events=[dict(sentence=MEET, type="CONSULT", source=("BLR", "GOV"), target=("CHN", "GOV"), mode="visit",
                     trigger="met", location="Beijing"),
                dict(sentence=SANCTION, type="SANCTION", source="EUR", target="BLR", trigger="imposed")],
        **kw,  # type: ignore[arg-type]
    )


def xinhua() -> Document:
    return make_document(f"Beijing. {MEET2}", doc_id="xinhua-1", site="Xinhua", date="2024-09-09",
                         events=[dict(sentence=MEET2, type="CONSULT", source="CHN", target="BLR", reciprocal=True,
                                      trigger="held talks", location="Beijing")])


def syndicated() -> Document:
    # the same story republished with different furniture, one day later
    return make_document(f"Share | Comments (3)\nMinsk, 9 September. {MEET} The leaders discussed trade. {SANCTION}"
                         "\nRead in Russian", doc_id="sputnik-1", url="https://www.sputnik.example/x", date="2024-09-10",
                         dup_of="belta-1",
                         events=[dict(sentence=MEET, type="CONSULT", source=("BLR", "GOV"), target=("CHN", "GOV"),
                                      mode="visit", trigger="met", location="Beijing", date="2024-09-10")])


def denial() -> Document:
    return make_document(f"Vilnius. {MEET_NEG}", doc_id="charter-1", site="Charter97", date="2024-09-09",
                         events=[dict(sentence=MEET_NEG, type="CONSULT", source=("BLR", "GOV"), target="CHN",
                                      factuality="negated", trigger="meet", location="Beijing",
                                      attribution="the Belarusian opposition")])


def events(store: Store) -> list[tuple]:
    return store.execute(
        "SELECT event_id, type, n_reports, n_outlets, outlets, factuality FROM events ORDER BY event_id").fetchall()


def test_schema_created_with_version_and_views(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert [v for v, _ in s.migrations_applied()] == [m.version for m in MIGRATIONS]
        names = {r[0] for r in s.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"documents", "events", "event_reports", "event_actors", "doc_signatures", "schema_version",
                "events_v", "reports_v", "dyads_v", "documents_v"} <= names
    with Store(tmp_path / "a.duckdb") as s:  # reopening applies nothing twice
        assert len(s.migrations_applied()) == len(MIGRATIONS)


def test_old_database_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)")
    for stmt in MIGRATIONS[0].statements:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version (version, description) VALUES (1, 'v1')")
    con.close()
    with pytest.raises(StoreError, match="open it once writable"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.write_batch([belta()])
        assert s.execute("SELECT count(*) FROM events_v").fetchone() == (2,)


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as s:
        s.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_contract_lookups_and_idempotent_rewrite(tmp_path: Path) -> None:
    doc = belta(minhash=b"\x01\x02\x03", story_id="story-1")
    with Store(tmp_path / "a.duckdb") as s:
        assert s.write_batch([doc]) == 1
        before = (s.count("documents"), s.count("events"), s.count("event_reports"), s.count("event_actors"))
        assert s.has_content_hash(doc.content_hash) == "belta-1"
        assert s.has_content_hash("nope") is None
        assert list(s.iter_signatures()) == [("belta-1", doc.content_hash, b"\x01\x02\x03", "story-1")]
        assert s.write_batch([belta(), belta()]) == 0  # same content again, twice in a batch: nothing changes
        after = (s.count("documents"), s.count("events"), s.count("event_reports"), s.count("event_actors"))
        assert before == after == (1, 2, 2, 4)


def test_which_documents_are_stored(tmp_path: Path) -> None:
    uk = make_document("Текст українською мовою про зустріч.", doc_id="uk-1", language="uk",
                       skip_reason="language: uk")
    err = make_document("garbage", doc_id="bad", skip_reason="error: binary file")
    dup = make_document("exact copy text", doc_id="dup", skip_reason="duplicate: of belta-1")
    with Store(tmp_path / "a.duckdb") as s:
        assert s.write_batch([uk, err, dup, belta()]) == 2
        rows = dict(s.execute("SELECT doc_id, n_events FROM documents").fetchall())
        assert rows == {"uk-1": 0, "belta-1": 2}
        assert s.execute("SELECT set_aside FROM documents_v WHERE doc_id = 'uk-1'").fetchone() == (True,)


def test_failure_mid_batch_leaves_nothing_of_that_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.duckdb"
    with Store(path) as s:
        s.write_batch([belta()])

        def boom(con: object, docs: object, merge: object) -> None:  # documents are already inserted here
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(writer, "_write_events", boom)
        with pytest.raises(RuntimeError):
            s.write_batch([xinhua(), denial()])
    monkeypatch.undo()
    with Store(path, read_only=True) as s:  # the earlier batch is intact, nothing of the failed one persists
        assert [r[0] for r in s.execute("SELECT doc_id FROM documents").fetchall()] == ["belta-1"]
        assert s.count("event_reports") == 2 and s.count("events") == 2
    with Store(path) as s:  # and the failed batch can simply be written again
        assert s.write_batch([xinhua(), denial()]) == 2


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    with Store(path) as s:
        s.write_batch([belta()])
    with Store(path, read_only=True) as s:
        with pytest.raises(StoreError):
            s.write_batch([xinhua()])
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_independent_articles_merge_into_one_event(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch([belta()])
        s.write_batch([xinhua()])
        consult = s.execute("SELECT n_reports, n_documents, outlets, factuality, reciprocal FROM events "
                            "WHERE type = 'CONSULT'").fetchall()
        assert consult == [(2, 2, ["BelTA", "Xinhua"], "asserted", True)]
        assert s.count("events") == 2


def test_syndicated_copy_adds_report_and_outlet_never_an_event(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch([belta()])
        s.write_batch([syndicated()])
        assert s.count("events") == 2
        row = s.execute("SELECT n_reports, outlets, first_seen::VARCHAR, last_seen::VARCHAR FROM events "
                        "WHERE type = 'CONSULT'").fetchone()
        assert row == (2, ["BelTA", "sputnik.example"], "2024-09-09", "2024-09-10")
        # the copy coded no SANCTION, and a copy event that matches nothing founds nothing
        stray = make_document("Copy. Russia threatened Poland.", doc_id="sputnik-2", site="Sputnik", dup_of="belta-1",
                              date="2024-09-10",
                              events=[dict(sentence="Russia threatened Poland.", type="THREATEN", source="RUS",
                                           target="POL")])
        s.write_batch([stray])
        assert s.count("events") == 2
        assert s.execute("SELECT n_events FROM documents WHERE doc_id = 'sputnik-2'").fetchone() == (0,)


def test_disagreeing_reports_make_a_contested_event(tmp_path: Path) -> None:
    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch([belta(), denial()])
        row = s.execute("SELECT n_reports, factuality FROM events WHERE type = 'CONSULT'").fetchone()
        assert row == (2, "contested")
        facts = sorted(r[0] for r in s.execute("SELECT factuality FROM event_reports WHERE type = 'CONSULT'").fetchall())
        assert facts == ["asserted", "negated"]


def test_different_happenings_stay_apart(tmp_path: Path) -> None:
    later = make_document(f"Later. {MEET}", doc_id="later", site="TASS", date="2024-10-20",
                          events=[dict(sentence=MEET, type="CONSULT", source="BLR", target="CHN")])
    other_type = make_document(f"Other. {MEET}", doc_id="other", site="TASS", date="2024-09-09",
                               events=[dict(sentence=MEET, type="AGREE", source="BLR", target="CHN")])
    other_dir = make_document("Xi praised Lukashenko.", doc_id="dir", site="TASS", date="2024-09-09",
                              events=[dict(sentence="Xi praised Lukashenko.", type="SUPPORT", source="CHN",
                                           target="BLR")])
    praise = make_document("Lukashenko praised Xi.", doc_id="dir2", site="TASS", date="2024-09-09",
                           events=[dict(sentence="Lukashenko praised Xi.", type="SUPPORT", source="BLR",
                                        target="CHN")])
    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch([belta(), later, other_type, other_dir, praise])
        assert s.count("events") == 6


def test_coarse_dates_widen_the_window() -> None:
    from datetime import date

    def rep(rid: str, d: date, prec: str) -> LinkReport:
        return LinkReport(rid, None, rid, "CONSULT", "BLR|CHN", "BLR>CHN", False, d, prec, MEET, mode="visit")

    assert not linked(rep("a", date(2024, 9, 1), "day"), rep("b", date(2024, 9, 20), "day"))
    assert linked(rep("a", date(2024, 9, 1), "month"), rep("b", date(2024, 9, 20), "day"))
    assert linked(rep("a", date(2024, 9, 1), "day"), rep("b", date(2024, 9, 2), "day"))


def _snapshot(path: Path, batches: list[list[Document]]) -> tuple[list[tuple], list[tuple]]:
    with Store(path) as s:
        for b in batches:
            s.write_batch(b)
        evs = [tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in s.execute(
            "SELECT event_id, type, n_reports, outlets, factuality, date FROM events ORDER BY event_id").fetchall()]
        reps = s.execute("SELECT report_id, event_id FROM event_reports ORDER BY report_id").fetchall()
    return evs, reps


def test_event_ids_are_stable_under_reordered_ingest(tmp_path: Path) -> None:
    makers = [belta, xinhua, denial]
    snaps = set()
    for i, order in enumerate(itertools.permutations(makers)):
        evs, reps = _snapshot(tmp_path / f"p{i}.duckdb", [[m()] for m in order] + [[syndicated()]])
        snaps.add((tuple(evs), tuple(reps)))
    # one batch with everything, and a re-run: same ids again
    evs, reps = _snapshot(tmp_path / "all.duckdb", [[syndicated(), denial(), xinhua(), belta()]])
    snaps.add((tuple(evs), tuple(reps)))
    assert len(snaps) == 1
    (evs, _), = snaps
    assert sorted((e[1], e[2], e[4]) for e in evs) == [("CONSULT", 4, "contested"), ("SANCTION", 1, "asserted")]


def test_bridging_report_merges_events_and_keeps_an_alias(tmp_path: Path) -> None:
    # two reports 2 days apart do not link; a third in between links to both
    def doc(i: str, day: str) -> Document:
        sent = f"Lukashenko met Xi Jinping in Beijing ({i})."
        return make_document(sent, doc_id=i, site=f"Outlet{i}", date=day,
                             events=[dict(sentence=sent, type="CONSULT", source="BLR", target="CHN", mode="visit")])

    with Store(tmp_path / "a.duckdb") as s:
        s.write_batch([doc("a", "2024-09-01")])
        s.write_batch([doc("c", "2024-09-03")])
        assert s.count("events") == 2
        before = {r[0] for r in s.execute("SELECT event_id FROM events").fetchall()}
        s.write_batch([doc("b", "2024-09-02")])
        after = [r[0] for r in s.execute("SELECT event_id FROM events").fetchall()]
        assert len(after) == 1 and after[0] == min(before | {after[0]})
        aliases = s.execute("SELECT alias_id, event_id FROM event_aliases ORDER BY alias_id").fetchall()
        assert aliases == sorted((old, after[0]) for old in before if old != after[0])
        assert s.execute("SELECT count(DISTINCT event_id) FROM event_actors").fetchone() == (1,)
