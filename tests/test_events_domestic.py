"""Domestic actors, embedded requests, evaluations, one frame per act, evidence offsets and dates.

Sentences written for these tests; actors given by hand (events.testing) so the actors resolver's
dictionary does not decide them, except where the full pipeline is the point (evidence offsets).
"""

from __future__ import annotations

import pytest

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions
from dyadline.events.time import normalise

ACTORS = {
    "Belarus": "BLR", "Russia": "RUS", "EU": "EUR", "Ukraine": "UKR", "Poland": "POL", "Lithuania": "LTU",
    "Germany": "DEU", "Kenya": "KEN", "Erdogan": "TUR", "Putin": "RUS", "the ministry": "BLR", "China": "CHN",
    "Farmers": (None, "AGR", "group"), "farmers": (None, "AGR", "group"), "police": (None, "COP", "group"),
    "Protesters": (None, "CVL", "group"), "Rebels": (None, "REB", "group"),
    "the Spanish government": ("ESP", "GOV", "state"),
}
PLACES = {"Lyon": "FRA", "Madrid": "ESP", "Kharkiv": "UKR", "Mali": "MLI", "Ohio": "USA", "Bavaria": "DEU"}


def code(text: str, date: str | None = "2024-09-08") -> list:
    return EventCoder().code(doc_with_mentions(text, ACTORS, date=date, locations=PLACES))


def triples(events: list) -> set[tuple[str, str, str]]:
    return {(e.type, ",".join(p.actor.code or "?" for p in e.source) or "-",
             ",".join(p.actor.code or "?" for p in e.target) or "-") for e in events}


# -- 1. domestic actors ---------------------------------------------------------------------------------------
def test_crowd_takes_the_country_of_the_place_named() -> None:
    evs = code("Farmers blocked the main roads in Lyon on Tuesday.")
    top = max(evs, key=lambda e: e.confidence)
    assert top.type == "PROTEST"
    assert top.source[0].actor.code == "FRA" and top.source[0].actor.sector == "AGR"
    assert any("domestic" in n for n in top.explanation["notes"])
    assert top.confidence < 0.6  # an inferred country is trusted less than a named one


def test_crowd_noun_without_a_mention_and_protest_against_own_government() -> None:
    evs = code("Thousands of students marched through Madrid on Sunday.")
    assert ("PROTEST", "ESP", "ESP") in triples(evs)


def test_crowd_country_from_the_only_state_in_the_sentence() -> None:
    evs = code("Teachers across the country protested against the Spanish government.")
    assert ("PROTEST", "ESP", "ESP") in triples(evs)


def test_government_protest_stays_accuse() -> None:
    assert ("ACCUSE", "POL", "UKR") in triples(code("Poland protested to Ukraine about the grain ban."))


def test_clash_of_crowd_and_police_is_domestic() -> None:
    evs = code("Protesters clashed with police in Kharkiv.")
    assert {(t, s, g) for t, s, g in triples(evs)} & {("PROTEST", "UKR", "UKR"), ("ASSAULT", "UKR", "UKR")}


def test_rebels_take_the_country_of_the_place_attacked() -> None:
    assert ("ASSAULT", "MLI", "MLI") in triples(code("Rebels attacked an army base in Mali."))


def test_crowd_gets_no_country_for_aid() -> None:
    evs = code("Farmers in Ohio sent food aid to Kenya.")
    assert not any(p.actor.code == "USA" for e in evs for p in e.source)


def test_no_role_no_country() -> None:
    """An uncoded mention without a role sector is never given a country."""
    doc = doc_with_mentions("The group attacked a convoy in Mali.", {"The group": (None, None, "group")},
                            locations=PLACES)
    assert not any(p.actor.code for e in EventCoder().code(doc) for p in e.source)


# -- 2. requests, evaluations, one frame per act -------------------------------------------------------------
@pytest.mark.parametrize("text, req, embedded", [
    ("Lithuania urged the EU to impose new sanctions on Belarus.", ("REQUEST", "LTU", "EUR"), "SANCTION"),
    ("Poland asked Germany to send more tanks to Ukraine.", ("REQUEST", "POL", "DEU"), "AID"),
    ("Ukraine called on the EU to cut trade with Russia.", ("REQUEST", "UKR", "EUR"), "SANCTION"),
])
def test_event_under_a_request_is_never_asserted(text: str, req: tuple, embedded: str) -> None:
    evs = code(text)
    assert req in triples([e for e in evs if e.factuality == "asserted"])
    assert not any(e.type == embedded and e.factuality == "asserted" for e in evs)


def test_wanted_and_proposed_acts_are_not_asserted() -> None:
    for text in ("Poland proposed to impose sanctions on Belarus.", "Lithuania demanded that the EU impose sanctions "
                                                                  "on Belarus."):
        assert not any(e.type == "SANCTION" and e.factuality == "asserted" for e in code(text))


def test_called_x_adjective_is_an_accusation_not_a_request() -> None:
    evs = code("Belarus called the decision unjustified.")
    assert [e.type for e in evs] == ["ACCUSE"]


def test_called_x_positive_is_support() -> None:
    assert ("SUPPORT", "CHN", "BLR") in triples(code("China called Belarus a reliable partner."))


def test_phone_call_is_not_a_request() -> None:
    assert triples(code("Putin called Erdogan on Tuesday.")) == {("CONSULT", "RUS", "TUR")}


def test_allowing_use_of_weapons_is_a_concession_without_stray_aid() -> None:
    evs = code("Germany allowed Ukraine to use German weapons against targets in Russia.")
    assert ("CONCEDE", "DEU", "UKR") in triples(evs)
    assert not any(e.type == "AID" for e in evs)


@pytest.mark.parametrize("text", [
    "The EU adopted a new package of sanctions against Belarus.",
    "The EU has imposed several rounds of sanctions on Belarus.",
    "The EU imposed sanctions on Belarus.",
])
def test_one_complete_event_per_act(text: str) -> None:
    evs = [e for e in code(text) if e.type == "SANCTION"]
    assert triples(evs) == {("SANCTION", "EUR", "BLR")}


def test_state_verb_yields_to_its_event_noun() -> None:
    doc = doc_with_mentions("Workers went on strike in Bavaria.", {}, locations=PLACES)
    evs = EventCoder().code(doc)
    assert [e.type for e in evs] == ["PROTEST"]
    assert evs[0].source[0].actor.code == "DEU"


# -- 3. evidence offsets --------------------------------------------------------------------------------------
def test_evidence_indexes_document_text_exactly() -> None:
    from dyadline.model import Document
    from dyadline.nlp.annotate import Annotate

    text = "Russia attacked Ukraine on Monday.\n\n\nPoland accused Belarus of a provocation.\n\n"
    doc = Document(origin="<t>", text=text, date="2024-09-08")
    doc.finalize_ids()
    Annotate()([doc])
    doc.mentions = doc_with_mentions(text, ACTORS).mentions
    evs = EventCoder().code(doc)
    assert len(evs) == 2
    for e in evs:
        s, t = e.evidence
        assert doc.text[s:t] == e.sentence
        assert e.sentence == e.sentence.strip() and "\n" not in e.sentence


# -- 4. dates -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("expr, value, precision", [
    ("Friday", "2024-09-06", "day"),          # a Sunday article: the Friday just gone
    ("Sunday", "2024-09-08", "day"),          # the article's own weekday is today
    ("last Tuesday", "2024-09-03", "day"),
    ("next Monday", "2024-09-09", "day"),
    ("last year", "2023", "year"),
    ("this year", "2024", "year"),
    ("next year", "2025", "year"),
    ("last month", "2024-08", "month"),
    ("February", "2024-02", "month"),         # past-leaning: this February gone, not the next one
    ("October", "2024-10", "month"),          # a month just ahead is this year's
    ("early August", "2024-08", "month"),
    ("late last July", "2024-07", "month"),
    ("last May", "2024-05", "month"),
    ("March 3", "2024-03-03", "day"),
    ("5 September", "2024-09-05", "day"),
    ("fiscal 2023", "2023", "year"),
    ("this fiscal year", "2024", "year"),
    ("last summer", "2023", "year"),
    ("early 2019", "2019", "year"),
    ("in 1988", "1988", "year"),
])
def test_date_expressions(expr: str, value: str, precision: str) -> None:
    assert normalise(expr, "2024-09-08") == (value, precision)


def test_historical_reference_is_flagged() -> None:
    evs = code("Russia attacked Ukraine in 1988.")
    assert evs and evs[0].date == "1988" and evs[0].historical
