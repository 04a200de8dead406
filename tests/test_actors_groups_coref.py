"""Groups coded by where they live, place phrases, organisations by context, and it/they coreference."""

from __future__ import annotations

from dyadline.actors import gazetteer as G
from dyadline.actors.resolver import get_resolver

DATE = "2024-09-08"


def mentions(text: str, date: str = DATE):
    return get_resolver().lookup(text, date)


def by_text(text: str, date: str = DATE):
    return {m.text: m for m in mentions(text, date)}


# -- groups ------------------------------------------------------------------------------------------


def test_ethnic_group_is_coded_where_it_lives() -> None:
    m = by_text("Ethnic Albanians in southern Serbia demanded autonomy.")["Ethnic Albanians"]
    assert (m.actor.code, m.actor.kind, m.rule) == ("SRB", "group", "group_place")


def test_demonym_of_place_is_coded_by_place() -> None:
    m = by_text("The Hungarians of northern Serbia are seeking self-rule.")["Hungarians"]
    assert (m.actor.code, m.rule) == ("SRB", "group_place")


def test_plain_adjective_role_keeps_nationality_when_placed() -> None:
    # troops abroad stay their own state's troops: the residence rule is for groups, not for state sectors
    m = by_text("Russian troops in Ukraine shelled the city.")["Russian troops"]
    assert (m.actor.code, m.actor.sector) == ("RUS", "MIL")


def test_group_with_one_country() -> None:
    ms = by_text("Yoruba leaders announced their support.")
    assert (ms["Yoruba leaders"].actor.code, ms["Yoruba leaders"].rule) == ("NGA", "group")
    m = by_text("Chechen rebels attacked a convoy.")["Chechen rebels"]
    assert (m.actor.code, m.actor.sector) == ("RUS", "REB")


def test_group_of_several_countries_takes_the_one_the_sentence_names() -> None:
    m = by_text("Hutu rebels attacked villages, Burundi's army said.")["Hutu rebels"]
    assert (m.actor.code, m.actor.sector, m.rule) == ("BDI", "REB", "group_context")


def test_religious_group_without_context_has_no_country() -> None:
    m = by_text("Muslim leaders met on Sunday.")["Muslim leaders"]
    assert m.actor.code is None and m.actor.kind == "group" and m.confidence < 0.5


def test_misspelt_group_fuzzy_matches() -> None:
    m = by_text("A group of Chechnen refugees staged a sit-in.")["Chechnen refugees"]
    assert (m.actor.code, m.rule) == ("RUS", "fuzzy") and m.confidence < 1


def test_group_word_inside_a_longer_name_is_left_to_the_name() -> None:
    ms = by_text("Algerian police raided the offices of the Islamic Renewal Front on Monday.")
    assert "Islamic" not in ms


def test_groups_file_is_loaded() -> None:
    gz = get_resolver().gz
    assert any(s.entry.category == G.GROUP for s in gz.surfaces[G.fold("Kurds")])
    assert set(gz.group_codes["group:kurdish"]) >= {"TUR", "IRQ"}


# -- places and organisations -----------------------------------------------------------------------------


def test_adjective_place_phrase_is_a_located_place() -> None:
    m = by_text("U.N. helicopters flew the injured out of the encircled Bosnian town of Srebrenica.")[
        "Bosnian town of Srebrenica"]
    assert (m.actor.code, m.role, m.rule) == ("BIH", "location", "place_adjective")


def test_city_is_a_place_never_an_actor() -> None:
    ms = [m for m in mentions("A roadside bomb exploded near Samarra on Sunday.") if m.text == "Samarra"]
    assert ms and ms[0].role == "location" and ms[0].actor.code == "IRQ"


def test_unlisted_domestic_organisation_takes_the_sentence_country() -> None:
    m = by_text("Algerian police raided the offices of the National Renewal Front on Monday.")[
        "the National Renewal Front"]
    assert (m.actor.code, m.rule) == ("DZA", "org_unlisted") and m.confidence < 0.4


def test_igos_and_old_blocs() -> None:
    ms = by_text("The Non-Aligned Movement and the Warsaw Pact met.")
    assert ms["Non-Aligned Movement"].actor.kind == "igo"
    assert ms["Non-Aligned Movement"].actor.code != "NAM"  # NAM is Namibia
    assert ms["Warsaw Pact"].actor.kind == "igo"


def test_person_titled_by_an_igo_takes_its_code() -> None:
    m = by_text("Arab League Secretary-General Chedli Klibi called for calm.")["Chedli Klibi"]
    assert (m.actor.code, m.actor.sector, m.actor.kind) == ("ARL", "GOV", "person")


def test_older_state_names() -> None:
    for name, code in [("Yugoslavia", "SRB"), ("Zaire", "COD"), ("Burma", "MMR"), ("Ivory Coast", "CIV")]:
        ms = [m for m in mentions(f"{name} said on Monday that talks would resume.") if m.role == "actor"]
        assert ms and ms[0].actor.code == code, name


# -- it / its / they -------------------------------------------------------------------------------------


def test_it_and_its_refer_to_the_state_subject_with_exact_offsets() -> None:
    text = "Poland said it would close its border."
    ms = [m for m in mentions(text) if m.rule == "coref"]
    assert [(m.text, m.actor.code) for m in ms] == [("it", "POL"), ("its", "POL")]
    for m in ms:
        assert text[m.start:m.end] == m.text and m.token_end == m.token_start + 1
        assert m.sent_idx == 0 and m.role == "actor" and m.confidence < 1


def test_it_in_the_next_sentence() -> None:
    text = "Russia closed its embassy. It said the move was temporary."
    it = [m for m in mentions(text) if m.text == "It"][0]
    assert (it.actor.code, it.rule, it.sent_idx) == ("RUS", "coref", 1)
    assert text[it.start:it.end] == "It"


def test_organisation_antecedent() -> None:
    it = [m for m in mentions("NATO said on Monday that it would send more troops.") if m.text == "it"][0]
    assert it.actor.code == "NATO" and it.actor.kind == "igo"


def test_they_refers_to_a_plural_group() -> None:
    they = [m for m in mentions("Chechen rebels said they would fight on.") if m.text == "they"][0]
    assert (they.actor.code, they.rule) == ("RUS", "coref")


def test_trap_expletive_it_is_no_actor() -> None:
    assert not [m for m in mentions("It is clear that Poland will win.") if m.rule == "coref"]


def test_trap_it_that_names_an_intervening_thing() -> None:
    # 'it' is the plan, not Poland
    assert not [m for m in mentions("Poland rejected the plan, saying it was unfair.") if m.rule == "coref"]


def test_trap_singular_it_never_takes_a_plural_antecedent() -> None:
    assert not [m for m in mentions("Russian troops said it was over.") if m.rule == "coref"]
