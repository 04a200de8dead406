"""Pipeline of batch stages.

A stage is a callable over a batch of documents that returns the batch (DESIGN.md §1).
Batching matters: spaCy is fast only on ``nlp.pipe`` over many texts. A document whose
``skip_reason`` is set is carried through untouched by every later stage, so the run can
count it and say why at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol, runtime_checkable

from dyadline.model import Document


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]: ...


@dataclass
class RunStats:
    """Per-stage counters and the reasons documents were skipped."""

    read: int = 0
    processed: int = 0
    events: int = 0
    stored: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    languages_set_aside: Counter[str] = field(default_factory=Counter)
    stage_counts: Counter[str] = field(default_factory=Counter)

    def record(self, doc: Document) -> None:
        self.read += 1
        if doc.skip_reason:
            kind = doc.skip_reason.split(":", 1)[0]
            self.skipped[kind] += 1
            if kind == "error":
                self.errors.append((doc.origin, doc.skip_reason.split(":", 1)[1].strip()))
            elif kind == "language":
                self.languages_set_aside[doc.language or "unknown"] += 1
        else:
            self.processed += 1
            self.events += len(doc.events)

    def summary_lines(self) -> list[str]:
        lines = [f"read {self.read} document(s), processed {self.processed}, events {self.events}"]
        if self.stored:
            lines.append(f"stored {self.stored} new document(s)")
        for reason, n in sorted(self.skipped.items()):
            lines.append(f"skipped {n}: {reason}")
        for lang, n in sorted(self.languages_set_aside.items()):
            lines.append(f"set aside (language {lang}): {n}")
        for origin, reason in self.errors:
            lines.append(f"error: {origin}: {reason}")
        return lines


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Pipeline:
    """Runs documents through stages in batches and keeps the counters.

    ``run`` is a generator: it yields finished documents batch by batch, so a caller can
    stream a 1 GB input with flat memory, and a crash loses at most the batch in flight
    (the store writes each batch in one transaction).
    """

    def __init__(self, stages: Sequence[Stage], batch_size: int = 32) -> None:
        self.stages = list(stages)
        self.batch_size = batch_size
        self.stats = RunStats()

    def run(self, docs: Iterable[Document], progress: bool = False, total: int | None = None) -> Iterator[Document]:
        if progress:
            yield from self._run_with_progress(docs, total)
            return
        for batch in batched(docs, self.batch_size):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> list[Document]:
        out: Sequence[Document] = batch
        for stage in self.stages:
            out = stage(out)
            self.stats.stage_counts[stage.name] += sum(1 for d in out if not d.skip_reason)
        for doc in out:
            self.stats.record(doc)
        return list(out)

    def _run_with_progress(self, docs: Iterable[Document], total: int | None) -> Iterator[Document]:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("coding", total=total)
            for batch in batched(docs, self.batch_size):
                done = self._run_batch(batch)
                bar.update(task, advance=len(done), description=f"coding ({self.stats.events} events)")
                yield from done

    def run_all(self, docs: Iterable[Document], **kw: object) -> list[Document]:
        return list(self.run(docs, **kw))  # type: ignore[arg-type]
