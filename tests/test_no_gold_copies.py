"""The gold data is for evaluation only: no test, rule comment, example or document may carry a gold sentence.

Why: the GSR sentences are the CAMEO manual's examples, and error analysis on a dev half tempts one to paste a
sentence (or a shortened one) into a test or a comment. Eleven sessions in, a check found such near-copies of GSR
and re3d sentences in tests and comments; this test keeps them out. Any run of eight words shared with a GSR
sentence or a re3d document fails, except inside an organisation's name from the gazetteer ("National Union for
the Total Independence of Angola"). ECB+ and the extraction pages are not scanned (their readers live in the
benchmarks). Skipped where the gold folder is absent.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("DYADLINE_GOLD", REPO.parent / "shared" / "gold"))
GSR = GOLD / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json"
N = 8
SCANNED = ("tests/*.py", "src/dyadline/**/*.py", "src/dyadline/**/*.yaml", "benchmarks/*.py", "benchmarks/data/**/*.yaml",
           "benchmarks/data/*.md", "README.md")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


@pytest.mark.skipif(not GSR.exists(), reason="gold folder not present")
def test_no_run_of_eight_words_from_a_gsr_sentence() -> None:
    with open(GSR, encoding="utf-8") as fh:
        records = json.load(fh)
    gold = set().union(*(_grams(_words(r["text"])) for r in records if r.get("text") and "-DOCUMENT-" not in r["id"]))
    for path in sorted((GOLD / "re3d").glob("*/documents.json")):  # the real-news benchmark's war reports too
        with open(path, encoding="utf-8") as fh:
            gold |= set().union(*(_grams(_words(json.loads(line)["text"])) for line in fh if line.strip()))
    names = set()
    with open(REPO / "src" / "dyadline" / "actors" / "data" / "organisations.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(r for r in fh if not r.startswith("#")):
            for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
                names |= _grams(_words(alias.split(":")[0]))
    found = []
    for pattern in SCANNED:
        for path in sorted(REPO.glob(pattern)):
            if path.name == Path(__file__).name:
                continue
            shared = (_grams(_words(path.read_text(encoding="utf-8"))) & gold) - names
            found += [f"{path.relative_to(REPO)}: {' '.join(g)}" for g in sorted(shared)[:3]]
    assert not found, "gold sentences copied into the repo:\n" + "\n".join(found)
