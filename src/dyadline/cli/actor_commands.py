"""`dyadline actors lookup`: show how a phrase or a sentence resolves, rule by rule.

Analysts use it to check the gazetteer before trusting a run ("is 'the owner of the Kremlin'
still Putin on 2024-09-08?") and to test a user dictionary (``--actors FILE``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer

from dyadline.cli import actors_app

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@actors_app.command("lookup")
def lookup(
    text: str = typer.Argument(..., help="A phrase ('the owner of the Kremlin') or a whole sentence."),
    date: str | None = typer.Option(None, "--date", help="Article date YYYY-MM-DD (office terms); default today."),
    fmt: str = typer.Option("table", "--format", help="json or table."),
    actors: Path | None = typer.Option(None, "--actors", help="User dictionary (YAML or CSV) added on top."),
) -> None:
    """Resolve TEXT to actors: code, sector, name, rule, confidence."""
    if date is not None and not _DATE.match(date):
        typer.echo(f"error: --date must be YYYY-MM-DD, got {date!r}", err=True)
        raise typer.Exit(2)
    if fmt not in ("json", "table"):
        typer.echo(f"error: --format must be json or table, got {fmt!r}", err=True)
        raise typer.Exit(2)
    from dyadline.actors.resolver import get_resolver

    try:
        resolver = get_resolver(actors)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    mentions = resolver.lookup(text, date)
    rows = [
        {"text": m.text, "code": m.actor.code, "sector": m.actor.sector, "name": m.actor.name, "kind": m.actor.kind,
         "rule": m.rule, "confidence": m.confidence, "role": m.role, "start": m.start, "end": m.end}
        for m in mentions
    ]
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no actor found")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("text", "code", "sector", "name", "rule", "confidence", "role")
    for r in rows:
        table.add_row(r["text"], r["code"] or "-", r["sector"] or "-", r["name"] or "-", r["rule"],
                      f"{r['confidence']:.2f}", r["role"])
    Console(width=140).print(table)
