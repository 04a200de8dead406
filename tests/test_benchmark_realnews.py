"""The real-news benchmark's scoring (benchmarks/realnews.py): precision from verdicts, recall from blind
annotations. Synthetic events and annotations, so the test needs no gold data."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import realnews  # noqa: E402


def _ev(key: str, typ: str, src: list[list[str | None]], tgt: list[list[str | None]]) -> dict:
    return {"sentence_key": key, "type": typ, "sides": [src, tgt]}


ANNOTATED = {
    "s1": {"split": "dev", "events": [
        {"type": "ASSAULT", "source": "ISR", "target": "PSE", "factuality": "asserted"},
        {"type": "ACCUSE", "source": "PSE", "target": None, "factuality": "asserted"},
    ]},
    "s2": {"split": "dev", "events": [{"type": "ASSAULT", "source": None, "target": None, "factuality": "asserted"}]},
    "s3": {"split": "dev", "events": []},
    "s4": {"split": "dev", "events": [{"type": "ASSAULT", "source": "IMG", "target": "IRQ", "factuality": "asserted"}]},
}


def test_recall_counts_type_and_sides_and_leaves_out_uncoded_gold() -> None:
    ours = [
        _ev("s1", "ASSAULT", [["ISR", "MIL"]], [["SYR", None]]),  # type right, target wrong
        _ev("s1", "ACCUSE", [["PSE", "GOV"]], [["ISR", "GOV"]]),  # a gold side with no code matches anything
        _ev("s3", "CONSULT", [["USA", "GOV"]], []),  # a false event on a sentence with none
        _ev("s4", "ASSAULT", [["LBN", "REB"]], [["IRQ", "MIL"]]),  # CAMEO codes an armed group by its state
    ]
    r = realnews.recall(ours, ANNOTATED)
    assert r["gold_events"] == 3 and r["gold_events_without_a_coded_side"] == 1
    assert r["recall_type"] == 1.0
    assert r["recall"] == round(2 / 3, 3)
    assert r["false_on_empty_sentences"] == 1.0  # s3 is the one empty sentence, and it got an event
    assert r["our_events"] == 4 and r["precision"] == 0.5


def test_a_joint_act_matches_either_way_round() -> None:
    gold = {"type": "CONSULT", "source": "USA", "target": "CHN", "factuality": "asserted"}
    assert realnews._event_matches(gold, _ev("k", "CONSULT", [["CHN", "GOV"]], [["USA", "GOV"]]), True)
    assert not realnews._event_matches(gold, _ev("k", "CONSULT", [["CHN", "GOV"]], [["RUS", "GOV"]]), True)


def test_precision_from_verdicts() -> None:
    events = [{"key": "a"}, {"key": "b"}, {"key": "c"}, {"key": "d"}]
    verdicts = {"a": {"verdict": "correct"}, "b": {"verdict": "wrong_actors"}, "c": {"verdict": "no_event"}}
    s = realnews.score(events, verdicts)
    assert (s["judged"], s["unjudged"]) == (3, 1)
    assert s["precision"] == round(1 / 3, 3) and s["type_precision"] == round(2 / 3, 3)
    assert s["false_events"] == round(1 / 3, 3)
