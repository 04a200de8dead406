"""Resolver rules, one test per rule kind, including the traps the issue names."""

from __future__ import annotations

import pytest

from dyadline.actors.resolver import ResolveActors, get_resolver
from dyadline.model import Document

DATE = "2024-09-08"


def one(text: str, date: str | None = DATE):
    ms = [m for m in get_resolver().lookup(text, date) if m.role == "actor"]
    assert len(ms) == 1, [(m.text, m.actor.code, m.rule) for m in ms]
    return ms[0]


def by_text(text: str, date: str | None = DATE):
    return {m.text: m for m in get_resolver().lookup(text, date)}


@pytest.mark.parametrize(
    ("text", "code"),
    [("Lukashenko", "BLR"), ("Lukashenka", "BLR"), ("Lucasheno", "BLR"), ("official Minsk", "BLR"),
     ("the Belarusian dictator", "BLR"), ("the owner of the Kremlin", "RUS"), ("Kremlin", "RUS"), ("Putin", "RUS"),
     ("Xi Jinping", "CHN"), ("Beijing", "CHN"), ("Kiev", "UKR"), ("Kyiv", "UKR"), ("Washington", "USA"),
     ("Brussels", "EUR")],
)
def test_acceptance_aliases(text: str, code: str) -> None:
    assert one(text).actor.code == code


def test_alias_gives_person_and_offsets() -> None:
    text = "On Monday Lukashenko met Putin."
    ms = by_text(text)
    m = ms["Lukashenko"]
    assert (m.actor.code, m.actor.sector, m.actor.kind, m.rule) == ("BLR", "GOV", "person", "alias")
    assert text[m.start:m.end] == "Lukashenko" and m.token_end - m.token_start == 1 and m.sent_idx == 0


def test_native_spelling() -> None:
    assert one("Лукашенко").actor.name == "Alexander Lukashenko"


def test_fuzzy_misspelling() -> None:
    m = one("Lucasheno")
    assert m.rule == "fuzzy" and m.actor.name == "Alexander Lukashenko" and m.confidence < 1


def test_trap_common_word_never_fuzzy_matches_a_name() -> None:
    # "Putting" is two edits from "Putin"; an English word must not become the Russian president
    ms = get_resolver().lookup("Putting the plan aside, Russel said nothing.", DATE)
    assert all(m.actor.code != "RUS" for m in ms)


def test_adjective_role_sectors() -> None:
    ms = by_text("Russian troops, Chinese investors and Ukrainian protesters met Belarusian police.")
    assert (ms["Russian troops"].actor.code, ms["Russian troops"].actor.sector) == ("RUS", "MIL")
    assert (ms["Chinese investors"].actor.code, ms["Chinese investors"].actor.sector) == ("CHN", "BUS")
    assert (ms["Ukrainian protesters"].actor.code, ms["Ukrainian protesters"].actor.sector) == ("UKR", "CVL")
    assert ms["Belarusian police"].actor.sector == "COP"
    assert ms["Russian troops"].rule == "adjective_role"


def test_adjective_office_holder_depends_on_date() -> None:
    assert one("the Ukrainian president", "2005-06-01").actor.name == "Viktor Yushchenko"
    assert one("the Ukrainian president", DATE).actor.name == "Volodymyr Zelensky"
    assert one("the Belarusian dictator").actor.name == "Alexander Lukashenko"


def test_trap_leader_outside_term() -> None:
    m = one("Poroshenko", DATE)
    assert m.actor.code == "UKR" and m.actor.sector is None and m.rule.endswith("out_of_term")
    assert m.confidence < 1
    assert one("Poroshenko", "2016-01-01").actor.sector == "GOV"
    # Medvedev was president in 2010 and is not in 2024; the title 'President' follows the date
    assert one("Russian President", "2010-01-01").actor.name == "Dmitry Medvedev"


def test_title_and_description() -> None:
    m = one("President Putin said so.")
    assert (m.text, m.rule, m.actor.name) == ("President Putin", "title", "Vladimir Putin")
    m = one("The head of the Belarusian regime spoke.")
    assert m.rule == "description" and m.actor.code == "BLR" and m.actor.name == "Alexander Lukashenko"
    m = one("the owner of the Kremlin")
    assert m.rule == "description" and m.actor.name == "Vladimir Putin"


def test_trap_place_of_event_is_not_an_actor() -> None:
    ms = get_resolver().lookup("A blast in Minsk killed two people.", DATE)
    minsk = [m for m in ms if m.text == "Minsk"]
    assert minsk and minsk[0].role == "location" and minsk[0].actor.code == "BLR"
    assert not any(m.role == "actor" and m.actor.code == "BLR" for m in ms)


def test_capital_as_actor() -> None:
    ms = by_text("Minsk said it would respond, and Beijing warned Washington.")
    assert ms["Minsk"].role == "actor" and ms["Minsk"].rule == "capital"
    assert ms["Beijing"].role == "actor" and ms["Washington"].role == "actor"
    assert ms["Washington"].actor.code == "USA"


def test_brussels_is_eu_as_actor_and_belgium_as_place() -> None:
    assert by_text("Brussels warned Minsk.")["Brussels"].actor.code == "EUR"
    place = by_text("A summit took place in Brussels.")["Brussels"]
    assert place.role == "location" and place.actor.code == "BEL"


def test_seat_metonym() -> None:
    m = one("The Kremlin denied the report.")
    assert (m.actor.code, m.actor.sector, m.rule) == ("RUS", "GOV", "metonym")
    assert one("The Pentagon said").actor.sector == "MIL"


def test_organisations_and_groups() -> None:
    ms = by_text("NATO and the EU criticised the West, the UN and the OSCE.")
    codes = {m.text.removeprefix("the "): m.actor.code for m in ms.values()}
    assert codes == {"NATO": "NATO", "EU": "EUR", "West": "WST", "UN": "UNO", "OSCE": "OSCE"}
    assert ms["OSCE"].actor.kind == "igo"


def test_case_guard_on_acronyms() -> None:
    assert not any(m.actor.code == "USA" for m in get_resolver().lookup("Let us go to the west bank.", DATE))


def test_role_nouns_without_nationality() -> None:
    ms = by_text("Police detained activists while rebels attacked the army.")
    assert ms["Police"].actor.sector == "COP" and ms["Police"].rule == "role_noun"
    assert ms["rebels"].actor.sector == "REB"


def test_role_noun_takes_country_from_phrase() -> None:
    m = by_text("Opposition groups in Zimbabwe demanded change.")["Opposition groups"]
    assert (m.actor.code, m.actor.sector) == ("ZWE", "OPP")


def test_unlisted_person_keeps_text_and_country() -> None:
    ms = get_resolver().lookup("Serbian columnist Nikola Mikovich said the talks had failed.", DATE)
    p = [m for m in ms if m.actor.kind == "person"][0]
    assert p.text == "Nikola Mikovich" and p.rule == "person_unlisted"
    assert p.actor.code == "SRB" and p.actor.sector == "MED"


def test_coref_surname_and_pronoun() -> None:
    text = "Columnist Nikola Mikovich wrote a piece. Mikovich argued that sanctions failed. He also said more."
    ms = get_resolver().lookup(text, DATE)
    corefs = [m for m in ms if m.rule == "coref"]
    assert [m.text for m in corefs] == ["Mikovich", "He"]
    assert all(m.actor.name == "Nikola Mikovich" for m in corefs)
    ms = get_resolver().lookup("Putin arrived late. He said the West was to blame.", DATE)
    he = [m for m in ms if m.text == "He"][0]
    assert he.actor.name == "Vladimir Putin" and he.sent_idx == 1


def test_pro_russian_is_not_russia() -> None:
    ms = get_resolver().lookup("Pro-Russian separatists seized the building.", DATE)
    assert not any(m.actor.code == "RUS" for m in ms)


def test_stage_fills_mentions_and_skips() -> None:
    from dyadline.nlp.annotate import Annotate

    live = Document(origin="t1", text="Lukashenko met Putin in Minsk.", date="2024-09-08")
    skipped = Document(origin="t2", text="Putin spoke.", skip_reason="language: de")
    out = ResolveActors()(Annotate()([live, skipped]))
    assert [m.actor.code for m in out[0].mentions] == ["BLR", "RUS", "BLR"]
    assert out[0].mentions[2].role == "location"
    assert out[1].mentions == []
    assert ResolveActors.name == "actors"
