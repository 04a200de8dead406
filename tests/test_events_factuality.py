"""Factuality cues: a negated or hypothetical event must never be stored as an asserted one."""

from __future__ import annotations

import pytest

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions

ACTORS = {"Belarus": "BLR", "Minsk": "BLR", "Lukashenko": "BLR", "Russia": "RUS", "Moscow": "RUS",
          "China": "CHN", "Ukraine": "UKR", "Kyiv": "UKR", "Poland": "POL"}


def facts(text: str, typ: str) -> list[str]:
    evs = EventCoder().code(doc_with_mentions(text, ACTORS))
    return [e.factuality for e in evs if e.type == typ]


@pytest.mark.parametrize(
    "text, typ",
    [
        ("Belarus cannot hand over the launchers to Russia.", "AID"),
        ("Belarus is unable to transfer the launchers to Russia.", "AID"),
        ("Belarus has not received consent from China.", "AGREE"),
        ("Russia did not attack Ukraine.", "ASSAULT"),
        ("Russia never attacked Ukraine.", "ASSAULT"),
    ],
)
def test_negation(text: str, typ: str) -> None:
    assert facts(text, typ) == ["negated"]


def test_refused_is_a_rejection_not_a_transfer() -> None:
    evs = EventCoder().code(doc_with_mentions("Belarus refused to hand over the launchers to Russia.", ACTORS))
    assert [(e.type, e.factuality) for e in evs] == [("REJECT", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia may attack Ukraine.",
        "Russia could attack Ukraine.",
        "Russia would attack Ukraine.",
        "Russia wants to attack Ukraine.",
        "Russia will attack Ukraine.",
    ],
)
def test_modality_and_wants_are_possible(text: str) -> None:
    assert facts(text, "ASSAULT") == ["possible"]


def test_a_plan_is_possible_and_a_planned_attack_is_a_threat() -> None:
    # "plans to" leaves the planned act unasserted; for a conflictual act the announced plan is itself a
    # threat (CAMEO 13), as "is ready to" is
    assert facts("Russia plans to send aid to Ukraine.", "AID") == ["possible"]
    evs = EventCoder().code(doc_with_mentions("Russia plans to attack Ukraine.", ACTORS))
    assert ("THREATEN", "asserted") in [(e.type, e.factuality) for e in evs]
    assert ("ASSAULT", "asserted") not in [(e.type, e.factuality) for e in evs]


def test_ready_to_attack_is_a_threat_and_the_attack_is_not_asserted() -> None:
    evs = EventCoder().code(doc_with_mentions("Russia is ready to attack Ukraine.", ACTORS))
    assert ("THREATEN", "asserted") in [(e.type, e.factuality) for e in evs]
    assert not any(e.type == "ASSAULT" and e.factuality == "asserted" for e in evs)


def test_threatens_to_codes_a_threat_and_no_attack() -> None:
    evs = EventCoder().code(doc_with_mentions("Russia threatens to attack Ukraine.", ACTORS))
    assert [(e.type, e.factuality) for e in evs] == [("THREATEN", "asserted")]
    assert evs[0].target[0].actor.code == "UKR"


def test_conditional_both_clauses_possible() -> None:
    evs = EventCoder().code(doc_with_mentions("If Minsk attacks Poland, Ukraine will have to fight.", ACTORS))
    assert evs and all(e.factuality == "possible" for e in evs)
    assert not any(e.type == "ASSAULT" and e.factuality == "asserted" for e in evs)


def test_question_is_possible() -> None:
    assert facts("Will Russia attack Ukraine?", "ASSAULT") == ["possible"]
    assert facts("Did Russia attack Ukraine?", "ASSAULT") == ["possible"]


def test_reported_belief_is_possible() -> None:
    assert facts("Kyiv believes that Lukashenko will attack Ukraine.", "ASSAULT") == ["possible"]


def test_plain_report_is_asserted() -> None:
    assert facts("Russia attacked Ukraine on Monday.", "ASSAULT") == ["asserted"]


def test_weak_modal_with_negation_stays_possible() -> None:
    assert facts("Russia may not attack Ukraine.", "ASSAULT") == ["possible"]


def test_cues_are_explained() -> None:
    evs = EventCoder().code(doc_with_mentions("Belarus cannot hand over the launchers to Russia.", ACTORS))
    assert any("not" in c for c in evs[0].explanation["factuality_cues"])
