"""`dyadline explain "SENTENCE" [--date D] [--json]`: show how one sentence is coded, and why."""

from __future__ import annotations

import json

import typer

from dyadline.cli import app


@app.command("explain")
def explain_command(
    sentence: str = typer.Argument(..., help="The sentence to code."),
    date: str = typer.Option(None, "--date", help="Document date (YYYY-MM-DD) for relative dates."),
    as_json: bool = typer.Option(False, "--json", help="Print the full decision record as JSON."),
) -> None:
    """Print the parse frame, the lexicon entry that typed it, each actor's resolution rule,
    the factuality cues, the attribution, date and place of every event in SENTENCE."""
    from dyadline.events.explain import explain, render

    result = explain(sentence, date)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo(render(result))
