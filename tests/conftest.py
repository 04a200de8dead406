"""Shared fixtures. The sample corpus is ingested once per test session (spaCy is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "src" / "dyadline" / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the ingested sample corpus. Read it; never write to it."""
    from dyadline.cli.core import run_ingest

    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    run_ingest([str(CORPUS)], str(db), progress=False)
    return db
