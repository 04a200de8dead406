"""The hand-written challenge set (benchmarks/data/challenge.yaml) as a regression floor.

~12 news-style sentences per PLOVER type, written for dyadline (passives, nominalisations, appositions,
headlines, reported speech, conditional threats, one-sided events), coded with dyadline's own actors.
The floors sit 0.05 under the figures reached when the set was written (type@1 0.867, match@1 0.697,
coverage 0.944): a change that loses more than that fails CI. Raise them when the coder improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadline.events.testing import load_challenge, run_challenge

CHALLENGE = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "challenge.yaml"


@pytest.fixture(scope="module")
def result() -> tuple[dict, list]:
    return run_challenge(CHALLENGE)


def test_challenge_set_is_balanced() -> None:
    recs = load_challenge(CHALLENGE)
    types = {r["type"] for r in recs}
    assert len(types) == 16
    assert all(sum(r["type"] == t for r in recs) >= 10 for t in types)
    assert len({r["text"] for r in recs}) == len(recs)


def test_challenge_floor(result: tuple[dict, list]) -> None:
    m, _ = result
    assert m["type_accuracy_top1"] >= 0.81, m
    assert m["event_match_top1"] >= 0.64, m
    assert m["coverage"] >= 0.89, m
    assert m["factuality_on_type_correct"] >= 0.95, m
