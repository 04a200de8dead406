"""Event location comes only from where the act happened, and conditional threats are THREATEN.

Location: a locative phrase (in / at / near / outside + place, "talks in Beijing"), the place visited, or
a place in a locative phrase of the predicate's own clause; never a source, goal, "for" or "from" phrase of
another word ("without consent from China"). Threats: "X will attack Y if ..." is a conditional threat
stated by X (PLOVER THREATEN, asserted); "If Minsk joins the war, Ukraine will have to fight" is not.
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions

ACTORS = {"Minsk": "BLR", "Russia": "RUS", "Ukraine": "UKR", "Kyiv": "UKR", "Lukashenko": "BLR", "the EU": "EUR",
          "Iran": "IRN", "Belarus": "BLR", "Israel": "ISR"}
PLACES = {"China": "CHN", "Beijing": "CHN", "Tbilisi": "GEO", "Gaza": "PSE", "Pyongyang": "PRK", "Seoul": "KOR",
          "Brussels": "BEL"}


def code(text: str) -> list[Any]:
    doc = doc_with_mentions(text, ACTORS, locations=PLACES)
    return EventCoder().code(doc)


def loc(ev: Any) -> str | None:
    return ev.location.text if ev.location else None


@pytest.mark.parametrize("text", [
    "Minsk cannot transfer the launchers to Russia without consent from China.",
    "Russia sent a request for weapons to Iran after approval from China.",
    "The EU imposed sanctions on Iran for its support for Russia, officials from China said.",
])
def test_no_location_from_source_or_goal_phrases(text: str) -> None:
    evs = code(text)
    assert evs
    assert all(loc(e) != "China" for e in evs), [(e.type, loc(e), e.explanation["location_rule"]) for e in evs]


@pytest.mark.parametrize("text,place", [
    ("Lukashenko met Russia's foreign minister in Beijing on Monday.", "Beijing"),
    ("Lukashenko visited China last week.", "China"),
    ("Russia held talks with Ukraine in Beijing.", "Beijing"),
    ("Russia attacked Ukraine near Tbilisi.", "Tbilisi"),
])
def test_location_from_locative_or_visit(text: str, place: str) -> None:
    evs = code(text)
    assert evs and loc(evs[0]) == place, [(e.type, loc(e)) for e in evs]


def test_location_not_from_a_subject_phrase() -> None:
    # the visit happened in Pyongyang; the criticism in Seoul is another act
    evs = [e for e in code("Lukashenko's visit to Pyongyang drew criticism in Seoul.") if e.type == "CONSULT"]
    assert evs and loc(evs[0]) != "Seoul"


def test_explain_cli_example_has_no_china_location() -> None:
    from dyadline.events.explain import explain

    out = explain("According to columnist Nikola Mikovich, official Minsk cannot transfer the launchers to Russia "
                  "without consent from China.", "2024-09-08")
    assert out["events"]
    assert all(not e.get("location") for e in out["events"]), out["events"]


@pytest.mark.parametrize("text,src,tgt", [
    ("Russia will attack Ukraine if Kyiv uses Western missiles.", "RUS", "UKR"),
    ("If Belarus joins the war, Ukraine will strike Belarus.", "UKR", "BLR"),
    ("Iran said it will attack Israel unless the strikes stop.", "IRN", "ISR"),
])
def test_conditional_threat_is_threaten(text: str, src: str, tgt: str) -> None:
    evs = code(text)
    top = max(evs, key=lambda e: e.confidence)
    assert top.type == "THREATEN" and top.factuality == "asserted", [(e.type, e.factuality) for e in evs]
    assert top.source[0].actor.code == src and top.target[0].actor.code == tgt
    assert not [e for e in evs if e.type == "ASSAULT" and e.factuality == "asserted"]


@pytest.mark.parametrize("text", [
    "If Minsk joins the war, Ukraine will have to fight.",
    "Russia would attack Ukraine if Kyiv used Western missiles.",
    "Will Russia attack Ukraine if Kyiv uses Western missiles?",
])
def test_not_a_threat(text: str) -> None:
    evs = code(text)
    assert not [e for e in evs if e.type == "THREATEN"], [(e.type, e.factuality) for e in evs]
    assert not [e for e in evs if e.type == "ASSAULT" and e.factuality == "asserted"]
