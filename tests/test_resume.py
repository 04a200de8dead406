"""A killed ingest resumes: re-running the same command finishes the job, nothing lost or doubled.

The child process SIGKILLs itself right after its second batch is committed (a hard kill, no
cleanup, like a power cut), so the test is deterministic without depending on timing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

from dyadline.cli.core import run_ingest

PLACES = ["Minsk", "Vilnius", "Warsaw", "Riga", "Tallinn", "Ankara", "Paris", "Berlin", "Rome", "Madrid"]
PAIRS = [("Poland", "Belarus"), ("Lithuania", "Russia"), ("France", "Germany"), ("Turkey", "Ukraine"),
         ("China", "Belarus"), ("Japan", "China"), ("Latvia", "Estonia"), ("Italy", "Spain")]
VERBS = ["accused {b} of spying", "signed a trade agreement with {b}", "criticised {b} over the border closure",
         "sent humanitarian aid to {b}", "expelled two diplomats of {b}", "praised {b} for its mediation"]

KILLER = """
import os, signal, sys
import dyadline.store.writer as writer
calls = {"n": 0}
original = writer.StoreStage.__call__
def dying(self, docs):
    out = original(self, docs)
    calls["n"] += 1
    if calls["n"] == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return out
writer.StoreStage.__call__ = dying
from dyadline.cli.core import run_ingest
run_ingest([sys.argv[1]], sys.argv[2], progress=False)
"""


def write_wire(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = PAIRS[i % len(PAIRS)]
            verb = VERBS[(i // len(PAIRS)) % len(VERBS)].format(b=b)
            text = (f"{a} {verb} on day {i} of the dispute, officials in {PLACES[i % len(PLACES)]} said. "
                    f"The statement number {i * 7919} followed talks that lasted {i % 9 + 2} hours. "
                    f"Observers counted {i * 13 + 5} delegates and {i * 3 + 1} reporters at session {i}.")
            fh.write(json.dumps({"id": f"w{i}", "date": f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "text": text}) + "\n")


def counts(db: Path) -> tuple[int, int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT content_hash) FROM "
                          "documents), (SELECT count(*) FROM events), (SELECT count(*) FROM event_reports)").fetchone()
    finally:
        con.close()
    assert row is not None
    return row  # type: ignore[return-value]


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    write_wire(wire, 100)  # 4 batches of 32
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    proc = subprocess.run([sys.executable, "-c", KILLER, str(wire), str(killed_db)], capture_output=True,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"}, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    partial = counts(killed_db)
    assert partial[0] == 64, partial  # two whole batches survived the kill, nothing of the third

    stats = run_ingest([str(wire)], str(killed_db), progress=False)  # the same command, again
    assert stats.skipped["duplicate"] == 64  # the stored part is recognised, not re-coded
    run_ingest([str(wire)], str(clean_db), progress=False)
    resumed, clean = counts(killed_db), counts(clean_db)
    assert resumed == clean
    assert resumed[0] == resumed[1] == 100
