"""Fourth pass: which event a sentence reports (main clause vs purpose / governed clause), the PLOVER rules for
promises, signing and reasons, and conflict-verb coverage. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions

ACTORS = {
    "Belarus": "BLR", "Minsk": "BLR", "Russia": "RUS", "Moscow": "RUS", "China": "CHN", "Beijing": "CHN",
    "Washington": "USA", "EU": "EUR", "Ukraine": "UKR", "Kyiv": "UKR", "Poland": "POL", "Japan": "JPN",
    "Kenya": "KEN", "Peru": "PER", "Chile": "CHL", "Norway": "NOR", "Sudan": "SDN", "Serbia": "SRB",
    "Kosovo": "XKX", "Polish farmers": ("POL", "AGR"), "Chilean miners": ("CHL", "LAB"),
}


def code(text: str) -> list:
    return sorted(EventCoder().code(doc_with_mentions(text, ACTORS, date="2000-01-01")), key=lambda e: -e.confidence)


def top(text: str) -> tuple[str, str, str, str]:
    evs = code(text)
    assert evs, text
    e = evs[0]
    return (e.type, ",".join(p.actor.code or "?" for p in e.source) or "-",
            ",".join(p.actor.code or "?" for p in e.target) or "-", e.factuality)


def types(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.factuality) for e in code(text)}


# ------------------------------------------------------------------ main clause vs purpose / governed clause
@pytest.mark.parametrize("text", [
    "Polish farmers blocked the border roads to press their demands on the EU.",
    "Chilean miners went on strike to demand higher wages.",
])
def test_purpose_clause_never_outranks_the_main_act(text: str) -> None:
    assert top(text)[0] == "PROTEST"


def test_agree_to_hold_talks_is_one_agree() -> None:
    evs = code("Russia agreed to hold talks with Ukraine.")
    assert [(e.type, e.factuality) for e in evs] == [("AGREE", "asserted")]


def test_urge_to_allow_to_strike_codes_only_the_request() -> None:
    evs = code("Kyiv urged Washington to allow Ukraine to strike targets in Russia.")
    assert [e.type for e in evs] == ["REQUEST"]


def test_obligation_clause_is_coded_through_the_demand() -> None:
    assert top("Poland said the EU must be willing to support Ukraine.")[:3] == ("REQUEST", "POL", "EUR")


@pytest.mark.parametrize("text", [
    "China renewed its demand that Japan withdraw its troops.",
    "Serbia repeated its call for Kosovo to accept the terms.",
])
def test_clause_under_a_request_noun_is_not_an_asserted_event(text: str) -> None:
    evs = code(text)
    assert evs[0].type == "REQUEST"
    assert not any(e.type in ("RETREAT", "CONCEDE") and e.factuality == "asserted" for e in evs)


def test_clause_under_an_accusation_noun_is_only_possible() -> None:
    evs = code("Russia rejected accusations by Ukraine that it had shelled Kyiv.")
    assert evs[0].type == "REJECT"
    assert all(e.factuality != "asserted" for e in evs if e.type == "ASSAULT")


# ------------------------------------------------------------------ stated intent
def test_conditional_offer_under_a_reporting_verb_is_agree() -> None:
    assert top("Russia said it would meet Ukraine if Kyiv withdrew its troops.")[:3] == ("AGREE", "RUS", "UKR")


def test_conditional_attack_under_a_reporting_verb_is_threaten() -> None:
    assert top("Russia said it would attack Ukraine if Kyiv joined the alliance.")[:3] == ("THREATEN", "RUS", "UKR")


def test_bare_conditional_stays_possible() -> None:
    assert all(f == "possible" for _, f in types("If Minsk attacks Poland, Ukraine will have to respond."))


def test_future_grant_announced_by_an_unnamed_speaker_is_agree() -> None:
    assert top("Japan will give Kenya a grant of five million dollars, a statement said.")[:3] == ("AGREE", "JPN", "KEN")


# ------------------------------------------------------------------ promises (CAMEO 03: intent to give aid is AGREE)
@pytest.mark.parametrize("text", [
    "Japan pledged 20 million dollars in aid to Kenya.",
    "Japan promised Kenya humanitarian assistance.",
    "Norway offered Sudan a loan of five million dollars.",
])
def test_promised_aid_is_agree_not_aid(text: str) -> None:
    evs = code(text)
    assert evs[0].type == "AGREE" and evs[0].target
    assert not any(e.type == "AID" and e.factuality == "asserted" for e in evs)


def test_given_aid_with_indirect_object_is_aid() -> None:
    assert top("Japan gave Kenya a grant of five million dollars.")[:3] == ("AID", "JPN", "KEN")


def test_offered_support_is_support() -> None:
    assert top("Washington offered its support to Kyiv.")[:3] == ("SUPPORT", "USA", "UKR")


def test_signing_an_agreement_is_support_sign() -> None:
    evs = code("Peru signed a trade agreement with Chile.")
    assert (evs[0].type, evs[0].mode) == ("SUPPORT", "sign")


def test_proposed_talks_keep_their_source() -> None:
    t = top("Kyiv proposed talks with Minsk.")
    assert t[0] == "AGREE" and t[1] == "UKR"


def test_proposed_measure_is_only_possible() -> None:
    evs = [e for e in code("The EU proposed new limits on imports from Ukraine.") if e.type == "SANCTION"]
    assert evs and all(e.factuality == "possible" for e in evs)


# ------------------------------------------------------------------ a reason is not an event of its own
def test_reason_phrase_nominals_are_not_events() -> None:
    evs = code("The EU imposed sanctions on Belarus for its support of Russia's war against Ukraine.")
    assert {e.type for e in evs} == {"SANCTION"}


def test_gave_no_answer_is_not_aid() -> None:
    assert not any(e.type == "AID" for e in code("Moscow did not give a clear answer to Kyiv."))


# ------------------------------------------------------------------ conflict coverage
@pytest.mark.parametrize("text, expected", [
    ("Russia fired rockets at Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("Russia hurled grenades at Ukraine's positions.", ("ASSAULT", "RUS", "UKR")),
    ("Serbia took ten Kosovo policemen hostage.", ("ASSAULT", "SRB", "XKX")),
    ("Russia exchanged fire with Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("Russia retaliated against Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("Poland lodged a formal protest with Belarus.", ("ACCUSE", "POL", "BLR")),
    ("Japan expressed concern over China's buildup.", ("ACCUSE", "JPN", "CHN")),
    ("Washington lashed out at Moscow.", ("ACCUSE", "USA", "RUS")),
    ("Serbia held Kosovo responsible for the violence.", ("ACCUSE", "SRB", "XKX")),
    ("Kyiv said Moscow was responsible for the attack.", ("ACCUSE", "UKR", "RUS")),
    ("Serbia objected to Kosovo's membership.", ("ACCUSE", "SRB", "XKX")),
])
def test_conflict_verb_classes(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_fighting_between_two_parties_is_reciprocal() -> None:
    evs = code("Heavy fighting broke out between Russia and Ukraine.")
    assert evs and evs[0].type == "ASSAULT" and evs[0].reciprocal
    assert {evs[0].source[0].actor.code, evs[0].target[0].actor.code} == {"RUS", "UKR"}


def test_talks_between_two_parties_are_one_reciprocal_event() -> None:
    evs = code("Talks between Peru and Chile ended on Monday.")
    assert len(evs) == 1 and evs[0].reciprocal and evs[0].type == "CONSULT"


def test_coordinated_nationality_adjectives_give_both_parties() -> None:
    evs = code("Heavy fighting broke out between Indian and Pakistani troops.")
    assert evs and {evs[0].source[0].actor.code, evs[0].target[0].actor.code} == {"IND", "PAK"}


def test_explosion_as_subject_keeps_the_victim() -> None:
    evs = code("An explosion killed two Russian soldiers.")
    assert evs and evs[0].type == "ASSAULT" and evs[0].target[0].actor.code == "RUS"


def test_return_to_a_city_is_not_a_release() -> None:
    assert not any(e.type == "RETREAT" for e in code("Peru and Chile return to Lima for talks."))
