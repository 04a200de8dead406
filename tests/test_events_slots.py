"""Slot filling with the actors stage's habits: a nationality modifier coordinated inside one noun phrase, a
country read as a place after a recipient preposition, a possessive pronoun beside a nationality, and
recipient-needing events with nobody addressed. Sentences written for these tests."""

from __future__ import annotations

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions


def code(text: str, actors: dict, locations: dict | None = None, coref: tuple[str, ...] = ()) -> list:
    doc = doc_with_mentions(text, actors, locations=locations)
    for m in doc.mentions:
        if m.text in coref:
            m.rule = "coref"  # as the actors stage marks a resolved pronoun
    return EventCoder().code(doc)


def triples(events: list) -> set[tuple[str, str, str]]:
    return {(e.type, ",".join(p.actor.code or "?" for p in e.source) or "-",
             ",".join(p.actor.code or "?" for p in e.target) or "-")
            for e in events}


def test_coordinated_nationality_modifiers_give_a_reciprocal_event() -> None:
    # the actors stage gives "Finnish diplomats" one state and "Estonian" another
    evs = code("Senior Estonian and Finnish diplomats agreed on Monday to share radar data.",
               {"Estonian": "EST", "Finnish diplomats": "FIN"})
    top = evs[0]
    assert top.type == "AGREE" and top.reciprocal
    assert {p.actor.code for p in top.source + top.target} == {"EST", "FIN"}


def test_place_after_recipient_preposition_is_the_target_state() -> None:
    evs = code("Hungary agreed to return the seized trucks to Serbia.", {"Hungary": "HUN"}, {"Serbia": "SRB"})
    assert ("AGREE", "HUN", "SRB") in triples(evs)


def test_withdrawal_from_a_place_targets_its_state() -> None:
    evs = code("Chile withdrew its ambassador from Peru.", {"Chile": "CHL"}, {"Peru": "PER"})
    assert ("RETREAT", "CHL", "PER") in triples(evs)


def test_arrival_in_a_capital_is_a_visit_to_its_state() -> None:
    evs = code("The Kenyan president arrived in Tokyo for talks.", {"The Kenyan president": "KEN"}, {"Tokyo": "JPN"})
    assert ("CONSULT", "KEN", "JPN") in triples(evs)


def test_aid_does_not_take_a_place_as_recipient() -> None:
    evs = code("Japan sent blankets to Gaza.", {"Japan": "JPN"}, {"Gaza": "PSE"})
    assert ("AID", "JPN", "PSE") not in triples(evs)


def test_nationality_beats_a_possessive_pronoun_of_the_subject() -> None:
    evs = code("Spanish police worked with their Moroccan counterparts.",
               {"Spanish police": "ESP", "their": "ESP"}, coref=("their",))
    assert ("COOPERATE", "ESP", "MAR") in triples(evs)
    assert ("COOPERATE", "ESP", "ESP") not in triples(evs)


def test_possessive_of_another_actor_still_counts() -> None:
    evs = code("Spanish police worked with Morocco's border guards.", {"Spanish police": "ESP", "Morocco": "MAR"})
    assert ("COOPERATE", "ESP", "MAR") in triples(evs)


def test_request_support_cooperation_addressed_to_nobody_are_dropped() -> None:
    assert not [e for e in code("Norway demanded sweeping reforms.", {"Norway": "NOR"}) if e.type == "REQUEST"]
    assert not [e for e in code("Canada supported the plan.", {"Canada": "CAN"}) if e.type == "SUPPORT"]
    evs = code("Norway demanded that Sweden release the activists.", {"Norway": "NOR", "Sweden": "SWE"})
    assert ("REQUEST", "NOR", "SWE") in triples(evs)


def test_mobilization_and_protest_keep_an_empty_target() -> None:
    assert any(e.type == "MOBILIZE" for e in code("Norway called up reservists.", {"Norway": "NOR"}))
