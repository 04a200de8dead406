"""The `dyadline` command: one sub-command per user task.

Each command group lives in its own module and registers itself on the apps defined
here, so the stages' owners can extend the CLI without touching each other's code.
"""

from __future__ import annotations

import importlib

import typer

from dyadline import __version__

app = typer.Typer(
    help="Political event data from news articles: who did what to whom, when, where, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
actors_app = typer.Typer(help="Look up and rank actors.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")

# Modules that add commands to `app` / `actors_app` when imported.
COMMAND_MODULES = ("core", "actor_commands", "explain", "analytics", "serve")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dyadline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """dyadline: turn news articles into PLOVER-coded political events."""


for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"dyadline.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command group not written yet must not break the rest
        if exc.name != f"dyadline.cli.{_name}":
            raise


def main() -> None:
    """Entry point: store errors (a locked or unreadable database) become one line on stderr, exit 1."""
    import sys

    from dyadline.store.db import StoreError

    try:
        app()
    except StoreError as exc:
        print(f"dyadline: {exc}", file=sys.stderr)
        sys.exit(1)
