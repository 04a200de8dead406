"""Acceptance (issue 5): the real pipeline (extract, annotate, dyadline's own actors, events) on the
DEVELOPERS.md example article shipped in the sample corpus."""

from __future__ import annotations

from typing import Any

import pytest

from dyadline.api import code_documents, example_corpus, read_inputs


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    docs = list(code_documents(read_inputs([str(example_corpus() / "developers_example.txt")])))
    assert len(docs) == 1
    return [e.to_contract() for e in docs[0].events]


def _codes(side: list[dict[str, Any]]) -> set[str | None]:
    return {p["code"] for p in side}


def _find(events: list[dict[str, Any]], src: str, tgt: str, types: set[str]) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] in types and src in _codes(e["source"]) and tgt in _codes(e["target"])]


def test_launcher_transfer_is_negated_and_attributed(events: list[dict[str, Any]]) -> None:
    hits = [e for e in events if "launchers to Russia" in e["sentence"] and _codes(e["source"]) == {"BLR"}
            and _codes(e["target"]) == {"RUS"}]
    assert hits, events
    assert all(e["factuality"] == "negated" for e in hits)
    assert any((e["attribution"] or {}).get("text", "").endswith("Mikovich") for e in hits)


def test_no_asserted_transfer_blr_rus(events: list[dict[str, Any]]) -> None:
    assert not [e for e in _find(events, "BLR", "RUS", {"AID"}) if e["factuality"] == "asserted"]


def test_visit_is_consult_blr_chn(events: list[dict[str, Any]]) -> None:
    hits = [e for e in _find(events, "BLR", "CHN", {"CONSULT"}) if "visited China" in e["sentence"]]
    assert hits and hits[0]["factuality"] == "asserted"


@pytest.mark.parametrize("src", ["USA", "EUR"])
def test_warning_to_beijing(events: list[dict[str, Any]], src: str) -> None:
    assert _find(events, src, "CHN", {"THREATEN", "REQUEST"})


def test_no_asserted_assault_from_the_conditional(events: list[dict[str, Any]]) -> None:
    cond = [e for e in events if e["sentence"].startswith("If Minsk joins the war")]
    assert not [e for e in cond if e["type"] == "ASSAULT" and e["factuality"] == "asserted"]
    assert not [e for e in events if e["type"] == "ASSAULT" and e["factuality"] == "asserted"]


def test_furniture_yields_nothing(events: list[dict[str, Any]]) -> None:
    assert not [e for e in events if e["sentence"].startswith(("Read also", "Tags"))]
