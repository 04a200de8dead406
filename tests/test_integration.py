"""End to end: the sample corpus through ingest, the store and the CLI.

These are the foundation's acceptance checks: known events by dyad and type, idempotent
re-ingest, clear errors for bad files without harm to what is stored, and the public JSON
contract of `dyadline code`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyadline.cli import app
from dyadline.model import CONTRACT_FIELDS

runner = CliRunner()


def counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM event_reports)"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return row[0], row[1], row[2]


def events_of(db: Path, sql_where: str = "true", params: list | None = None) -> list[dict]:  # type: ignore[type-arg]
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM events_v WHERE {sql_where}", params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def has_event(db: Path, typ: str, src: str, tgt: str, factuality: str | None = None) -> bool:
    sql = "type = ? AND list_contains(source_codes, ?) AND list_contains(target_codes, ?)"
    params: list = [typ, src, tgt]  # type: ignore[type-arg]
    if factuality:
        sql += " AND factuality = ?"
        params.append(factuality)
    return bool(events_of(db, sql, params))


def test_corpus_yields_known_events(corpus_db: Path) -> None:
    docs, n_events, n_reports = counts(corpus_db)
    assert docs >= 14 and n_events >= 40 and n_reports >= n_events
    assert has_event(corpus_db, "CONSULT", "BLR", "CHN", "asserted")  # Lukashenko visited China
    assert has_event(corpus_db, "THREATEN", "USA", "CHN") and has_event(corpus_db, "THREATEN", "EUR", "CHN")
    assert has_event(corpus_db, "AID", "BLR", "RUS", "negated")  # cannot hand over the launchers
    assert has_event(corpus_db, "SANCTION", "EUR", "BLR")
    assert has_event(corpus_db, "ASSAULT", "RUS", "UKR")


def test_visit_reported_by_three_outlets_is_one_event(corpus_db: Path) -> None:
    visits = events_of(
        corpus_db, "type = 'CONSULT' AND list_contains(source_codes, 'BLR') AND list_contains(target_codes, 'CHN') "
        "AND date BETWEEN DATE '2024-09-01' AND DATE '2024-09-10'",
    )
    assert max(v["n_reports"] for v in visits) >= 2


def test_negated_transfer_is_never_stored_as_asserted(corpus_db: Path) -> None:
    rows = events_of(corpus_db, "sentence LIKE '%cannot hand over%'")
    assert rows and all(r["factuality"] != "asserted" for r in rows)


def test_ukrainian_page_is_stored_but_not_coded(corpus_db: Path) -> None:
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        rows = con.execute("SELECT language, n_events, set_aside FROM documents_v WHERE origin LIKE '%cp1251%'").fetchall()
    finally:
        con.close()
    assert rows == [("uk", 0, True)] or (rows and rows[0][0] == "uk" and not rows[0][1] and rows[0][2])


def test_reingest_changes_nothing(corpus_db: Path, corpus_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, db)
    before = counts(db)
    result = runner.invoke(app, ["ingest", str(corpus_dir), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert counts(db) == before


def test_bad_files_get_clear_errors_and_the_store_stays_intact(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    shutil.copy(corpus_db, db)
    before = counts(db)
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.html").write_bytes(bytes(range(256)) * 20)
    (bad / "truncated.html").write_text(
        "<html><head><title>Talks</title></head><body><article><p>Poland and Lithuania agreed to coordinate "
        "border controls on Tuesday, the Polish interior ministry said in a statement to reporters in Warsaw"
    )
    (bad / "cp1251.txt").write_bytes(
        "date 2024-03-01 Новини\nБілорусь і Китай підписали угоду про торгівлю у Мінську.\n".encode("cp1251")
    )
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output  # some inputs were fine: the run succeeds
    err_lines = [line for line in result.output.splitlines() if line.startswith("ingest: error:")]
    assert any("empty.txt" in line for line in err_lines)
    assert any("binary.html" in line for line in err_lines)
    docs, n_events, n_reports = counts(db)
    assert docs == before[0] + 2  # the truncated page and the Ukrainian text are stored
    assert n_events >= before[1] and n_reports >= before[2]
    con = duckdb.connect(str(db), read_only=True)
    try:
        lang = con.execute("SELECT language FROM documents WHERE origin LIKE '%cp1251.txt'").fetchone()
    finally:
        con.close()
    assert lang == ("uk",)  # decoded as Cyrillic, identified, set aside

    only_bad = runner.invoke(app, ["ingest", str(bad / "empty.txt"), str(bad / "binary.html"), "--db", str(db), "-q"])
    assert only_bad.exit_code == 1  # nothing at all was ingested
    assert counts(db) == (docs, n_events, n_reports)


def test_code_prints_the_public_contract(corpus_dir: Path) -> None:
    result = runner.invoke(app, ["code", str(corpus_dir / "developers_example.txt")])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert recs
    for rec in recs:
        assert tuple(rec) == CONTRACT_FIELDS
        assert rec["factuality"] in ("asserted", "negated", "possible")
        assert rec["date_precision"] in ("day", "month", "year", "document")
    visit = [r for r in recs if r["type"] == "CONSULT" and r["sentence"].startswith("Lukashenko visited China")]
    assert visit and visit[0]["source"][0]["code"] == "BLR" and visit[0]["target"][0]["code"] == "CHN"
    assert visit[0]["location"] and visit[0]["location"]["code"] == "CHN"


def test_code_jsonl_id_becomes_doc_id(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "wire-42", "date": "2024-05-02", "text": "Poland accused Belarus of "
                               "orchestrating migrant crossings at the border. Lithuania closed two crossings."}) + "\n")
    result = runner.invoke(app, ["code", str(src)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert recs and {r["doc_id"] for r in recs} == {"wire-42"}


def test_code_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["code", "-", "--date", "2024-13-45"], input="")
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_extract_drops_page_furniture(corpus_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus_dir / "developers_example.txt")])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Belarus cannot hand over the Polonez rocket launchers to Russia." in text
    assert "Lukashenko visited China and met Xi Jinping." in text
    for furniture in ("No comments", "Leave Your Comment", "Girish 156", "Today is 12", "Umumi 258434",
                      "Читати українською"):
        assert furniture not in text


def test_extract_jsonl_has_metadata(corpus_dir: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(corpus_dir / "developers_example_syndicated.html")])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout.splitlines()[0])
    assert {"file", "text", "title", "date", "language", "source"} <= set(rec)
    assert rec["date"] == "2024-09-08" and rec["language"] == "en"
    assert rec["source_outlet"] and "online.ua" in rec["source_outlet"]


@pytest.mark.parametrize("cmd", ["ingest", "code", "extract", "demo", "events", "dyad", "network", "export", "sql",
                                 "explain", "serve"])
def test_every_command_has_help(cmd: str) -> None:
    result = runner.invoke(app, [cmd, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and "dyadline" in result.output


def test_python_api_codes_text_without_the_cli() -> None:
    import dyadline

    events = dyadline.code_text("Lukashenko visited China and met Xi Jinping.", date="2024-09-08", doc_id="x1")
    visit = [e for e in events if e.type == "CONSULT"]
    assert visit and visit[0].source[0].actor.code == "BLR" and visit[0].target[0].actor.code == "CHN"
    assert visit[0].doc_id == "x1" and visit[0].to_contract()["date"] == "2024-09-08"


def test_a_locked_database_gives_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A second writer (DuckDB allows one) is told so in one line, not with a traceback."""
    import sys

    from dyadline.cli import main
    from dyadline.store.db import StoreError

    db = tmp_path / "locked.duckdb"

    def locked(*_a: object, **_k: object) -> None:
        raise StoreError(f"{db}: cannot open database: Could not set lock on file")

    monkeypatch.setattr("dyadline.store.db.Store.__init__", locked)
    monkeypatch.setattr(sys, "argv", ["dyadline", "ingest", str(tmp_path), "--db", str(db), "-q"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"dyadline: {db}: cannot open database: Could not set lock on file"]
