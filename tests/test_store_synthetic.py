"""The synthetic generator builds a store with the same invariants as incremental ingest."""

from __future__ import annotations

from pathlib import Path

from dyadline.store import queries as q
from dyadline.store.db import Store
from dyadline.store.synthetic import generate, make_document


def test_generated_store_keeps_the_writer_invariants(tmp_path: Path) -> None:
    path = tmp_path / "syn.duckdb"
    counts = generate(path, 3000, seed=1)
    assert counts["events"] == 3000 and counts["event_reports"] > 3000
    with Store(path) as s:
        # every event id is the smallest report id of its reports, and the counts agree
        bad = s.one("""SELECT count(*) FROM events e JOIN (SELECT event_id, min(report_id) m, count(*) n
                       FROM event_reports GROUP BY 1) r USING (event_id)
                       WHERE r.m <> e.event_id OR r.n <> e.n_reports""")
        assert bad == (0,)
        assert s.one("SELECT count(*) FROM event_reports WHERE event_id NOT IN (SELECT event_id FROM events)") == (0,)
        assert s.one("SELECT count(*) FROM documents WHERE dup_of IS NOT NULL "
                     "AND dup_of NOT IN (SELECT doc_id FROM documents)") == (0,)
        assert s.one("SELECT count(*) FROM events WHERE factuality = 'contested'")[0] > 0  # type: ignore[index]
        assert q.events(s, q.EventFilter(actor="USA")).total > 0
        # incremental ingest on top of it still works
        sent = "Officials from USA and CHN were reported to consult in the capital."
        doc = make_document(sent, doc_id="new-1", site="Wire", date="2022-05-05",
                            events=[dict(sentence=sent, type="CONSULT", source="USA", target="CHN")])
        assert s.write_batch([doc]) == 1
    assert generate(tmp_path / "again.duckdb", 3000, seed=1)["event_reports"] == counts["event_reports"]
