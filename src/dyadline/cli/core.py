"""The everyday commands: ingest, code, extract, demo.

They only wire stages together (dyadline.api) and print; the work lives in the stages.
Errors about inputs go to stderr, one line each, naming the input; results go to stdout
so they can be piped.
"""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.table import Table

from dyadline.cli import app

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DB_OPTION = typer.Option("dyadline.duckdb", "--db", help="DuckDB database file.")
ACTORS_OPTION = typer.Option(None, "--actors", help="Extra actor dictionary (YAML or CSV) that adds or overrides actors.")


def _print_summary(stats, title: str) -> None:  # type: ignore[no-untyped-def]
    """One line per counter and per failed input, on stderr (stdout stays pipeable)."""
    for line in stats.summary_lines():
        err.print(f"{title}: {line}", markup=False, style="red" if line.startswith("error:") else "dim")


def run_ingest(paths: list[str], db: str, actors: str | None = None, fetch: bool = False, progress: bool = True,  # type: ignore[no-untyped-def]
               fallback: bool | None = None):
    """Read, code and store; returns the pipeline's RunStats. Shared by `ingest` and `demo`."""
    from dyadline.api import coding_stages, read_inputs
    from dyadline.dedup import Deduplicate
    from dyadline.pipeline import Pipeline
    from dyadline.store.db import Store
    from dyadline.store.writer import StoreStage

    with Store(db) as store:
        store_stage = StoreStage(store)
        pipeline = Pipeline(coding_stages(actors, dedup=Deduplicate(store), fallback=fallback) + [store_stage])
        for _ in pipeline.run(read_inputs(paths, fetch=fetch), progress=progress):
            pass
        pipeline.stats.stored = int(getattr(store_stage, "written", 0))
    return pipeline.stats


FALLBACK_OPTION = typer.Option(
    False, "--fallback",
    help="Also type sentences that match no lexicon frame with the embedding classifier (more recall, much lower "
         "precision; its events have confidence <= 0.5). Same as DYADLINE_FALLBACK=1.")


def _require_fallback(on: bool) -> None:
    """--fallback on a machine without the embedding model: say so once, before any work is done."""
    if not on:
        return
    from dyadline.events.fallback import get_classifier, unavailable_reason

    if get_classifier() is None:
        err.print(f"--fallback: the event fallback cannot run: {unavailable_reason()}", markup=False)
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), or - for JSONL on stdin."),
    db: str = DB_OPTION,
    actors: str | None = ACTORS_OPTION,
    fetch: bool = typer.Option(False, "--fetch", help="Fetch the articles that feeds and URL lists link to."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    fallback: bool = FALLBACK_OPTION,
) -> None:
    """Ingest articles into the store: extract, detect language, deduplicate, code events, store.

    Re-running the same command changes nothing; a killed run resumes where it stopped.
    Exits non-zero only if nothing at all could be read.
    """
    _require_fallback(fallback)
    stats = run_ingest(paths, db, actors=actors, fetch=fetch, progress=not quiet, fallback=fallback or None)
    _print_summary(stats, "ingest")
    if stats.errors and stats.read == len(stats.errors):
        raise typer.Exit(1)


@app.command()
def code(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for JSONL on stdin."),
    date: str | None = typer.Option(None, "--date", help="Document date (YYYY-MM-DD) for inputs that carry none."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (the public contract) or table."),
    actors: str | None = ACTORS_OPTION,
    fallback: bool = FALLBACK_OPTION,
) -> None:
    """Code inputs statelessly and print one JSON object per event (nothing is stored)."""
    from dyadline.api import code_documents, read_inputs

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    _require_fallback(fallback)
    if date is not None:
        _check_date(date)

    def with_date():  # type: ignore[no-untyped-def]
        for doc in read_inputs(paths):
            if date and not doc.date:
                doc.date, doc.date_source = date, "given"
            yield doc

    table = _event_table() if fmt == "table" else None
    n_docs = n_events = 0
    errors = 0
    for doc in code_documents(with_date(), actors_file=actors, fallback=fallback or None):
        n_docs += 1
        if doc.skip_reason:
            if doc.skip_reason.startswith("error"):
                errors += 1
                err.print(f"{doc.origin}: {doc.skip_reason.split(':', 1)[1].strip()}", markup=False)
            else:
                err.print(f"{doc.origin}: skipped ({doc.skip_reason})", markup=False)
            continue
        for event in doc.events:
            n_events += 1
            rec = event.to_contract()
            if table is None:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                _add_event_row(table, rec)
    if table is not None:
        out.print(table)
    err.print(f"[dim]code: {n_docs} document(s), {n_events} event(s)[/dim]")
    if errors and errors == n_docs:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for JSONL on stdin."),
    fmt: str = typer.Option("text", "--format", help="text (article text only) or jsonl (text with metadata)."),
) -> None:
    """Print the article text of each input, page furniture removed."""
    from dyadline.api import read_inputs
    from dyadline.ingest.extract import Extract
    from dyadline.ingest.langid import DetectLanguage
    from dyadline.pipeline import Pipeline

    if fmt not in ("text", "jsonl"):
        raise typer.BadParameter("--format must be text or jsonl")
    pipeline = Pipeline([Extract(), DetectLanguage()])
    n_ok = n_err = 0
    for doc in pipeline.run(read_inputs(paths)):
        if doc.skip_reason and doc.skip_reason.startswith("error"):
            n_err += 1
            err.print(f"{doc.origin}: {doc.skip_reason.split(':', 1)[1].strip()}", markup=False)
            continue
        n_ok += 1
        if fmt == "text":
            sys.stdout.write(doc.text.rstrip("\n") + "\n\n")
        else:
            rec = {
                "file": doc.origin, "text": doc.text, "title": doc.title, "date": doc.date,
                "language": doc.language, "source": doc.site, "source_outlet": doc.source_outlet,
                "url": doc.canonical_url or doc.url, "author": doc.author,
            }
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if n_err and not n_ok:
        raise typer.Exit(1)


@app.command()
def demo(
    db: str = typer.Option("dyadline-demo.duckdb", "--db", help="Database to create or update."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest the bundled sample corpus, then show the busiest dyads and a few coded events."""
    from dyadline.api import example_corpus
    from dyadline.store.db import Store

    corpus = example_corpus()
    out.print(f"[bold]dyadline demo[/bold]: ingesting the sample corpus from {corpus}")
    stats = run_ingest([str(corpus)], db, progress=not quiet)
    _print_summary(stats, "ingest")
    from dyadline.store.queries import REPORTED

    with Store(db, read_only=True) as store:
        con = store.con
        dyads = con.execute(
            "SELECT source_code, target_code, count(*) AS n, "
            f"round(avg(score) FILTER (WHERE factuality IN {REPORTED}), 2) AS mean_score "
            "FROM dyads_v GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 8"
        ).fetchall()
        table = Table(title="Busiest dyads (events; the mean score counts reported events only)")
        for col in ("source", "target", "events", "mean score"):
            table.add_column(col)
        for s, t, n, m in dyads:
            table.add_row(str(s), str(t), str(n), str(m))
        out.print(table)
        rows = con.execute(
            "SELECT type, source_codes, target_codes, factuality, date, n_reports, sentence "
            "FROM events_v ORDER BY n_reports DESC, confidence DESC, event_id LIMIT 8"
        ).fetchall()
        out.print("[bold]A few events with their evidence:[/bold]")
        for typ, src, tgt, fact, date, n_rep, sentence in rows:
            dyad = f"{'+'.join(src or ['?'])} -> {'+'.join(tgt or ['-'])}"
            out.print(f"  {typ:<9} {dyad:<16} {fact:<9} {date}  reports={n_rep}", markup=False, style="cyan")
            out.print(f"    “{' '.join(sentence.split())}”", markup=False)
    out.print(f"\nExplore: [bold]dyadline events --db {db} --actor BLR[/bold] · "
              f"[bold]dyadline dyad BLR CHN --db {db}[/bold]")
    out.print(f"Open the dashboard: [bold]dyadline serve --db {db}[/bold]  (then http://127.0.0.1:8000/)")


def _check_date(value: str) -> None:
    from datetime import date as _date

    try:
        _date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"--date {value!r} is not YYYY-MM-DD") from exc


def _event_table() -> Table:
    table = Table(show_lines=False)
    for col in ("type", "mode", "source", "target", "factuality", "date", "attribution", "sentence"):
        table.add_column(col, overflow="fold")
    return table


def _add_event_row(table: Table, rec: dict) -> None:  # type: ignore[type-arg]
    def actors(parts: list[dict]) -> str:  # type: ignore[type-arg]
        return ", ".join(f"{p['code'] or '?'}{'/' + p['sector'] if p.get('sector') else ''}" for p in parts)

    attribution = rec["attribution"]["text"] if rec["attribution"] else ""
    table.add_row(
        rec["type"], rec["mode"] or "", actors(rec["source"]), actors(rec["target"]), rec["factuality"],
        rec["date"] or "", attribution, rec["sentence"][:160],
    )


