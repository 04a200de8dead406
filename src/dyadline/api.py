"""Assembles the standard pipelines from the stages that each package provides.

Data flows one way: read -> extract -> language -> dedup -> annotate -> actors -> events
-> store. ``coding_stages`` is the stateless part (``dyadline code``); ``ingest`` adds the
duplicate index and the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from dyadline.model import Document
from dyadline.pipeline import Pipeline, Stage


def coding_stages(actors_file: str | Path | None = None, dedup: Stage | None = None,
                  fallback: bool | None = None) -> list[Stage]:
    """Extract, language, (dedup), annotate, actors, events: everything but reading and storing.

    ``fallback`` turns on the embedding fallback typer (events/fallback.py); None reads DYADLINE_FALLBACK."""
    from dyadline.actors.resolver import ResolveActors
    from dyadline.events.coder import CodeEvents
    from dyadline.ingest.extract import Extract
    from dyadline.ingest.langid import DetectLanguage
    from dyadline.nlp.annotate import Annotate

    stages: list[Stage] = [Extract(), DetectLanguage()]
    if dedup is not None:
        stages.append(dedup)
    stages += [Annotate(), ResolveActors(actors_file=actors_file), CodeEvents(fallback=fallback)]
    return stages


def code_documents(docs: Iterable[Document], actors_file: str | Path | None = None,
                   fallback: bool | None = None) -> Iterator[Document]:
    """Code documents statelessly: nothing is stored, nothing deduplicated against a store."""
    pipeline = Pipeline(coding_stages(actors_file, fallback=fallback))
    yield from pipeline.run(docs)


def example_corpus() -> Path:
    """The bundled sample corpus (shipped inside the package so `make demo` finds it)."""
    return Path(__file__).parent / "examples" / "corpus"


def read_inputs(paths: Sequence[str], **kw: object) -> Iterator[Document]:
    from dyadline.ingest.readers import read_paths

    return read_paths(paths, **kw)  # type: ignore[arg-type]
