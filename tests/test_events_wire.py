"""Constructions of international wire copy that the coder learned in the 2026-11 wire-copy round: violence with no
side named, forces moving into a place, two-word nationality adjectives. Sentences written for these tests; the
full pipeline (own actors) codes each one."""

from __future__ import annotations

import pytest

from dyadline.events.lexicon import get_lexicon
from dyadline.events.testing import coded_rows


def events(text: str) -> list[tuple[str, str, str, str]]:
    return coded_rows(text, "1995-05-01")


def top(text: str) -> tuple[str, str, str, str]:
    got = events(text)
    assert got, f"no event for {text!r}"
    return got[0]


def test_two_word_nationality_adjectives_are_read_whole() -> None:
    # "North Korean" is PRK; its last word alone would be South Korea's adjective
    assert top("The Security Council condemned the North Korean missile test.")[:3] == ("ACCUSE", "UNO", "PRK")
    assert top("Zimbabwe denounced the South African trade restrictions.")[:3] == ("ACCUSE", "ZWE", "ZAF")


@pytest.mark.parametrize("text, code", [
    ("Fighting between rival militias in Mogadishu left at least 30 people dead on Sunday.", "SOM"),
    ("Street battles raged in Monrovia for a third day.", "LBR"),
    ("Heavy fighting was reported in Kabul on Tuesday.", "AFG"),
])
def test_violence_with_nobody_named_is_coded_inside_the_state_where_it_happened(text: str, code: str) -> None:
    assert top(text)[:3] == ("ASSAULT", code, code)


def test_violence_without_a_place_or_a_side_codes_nothing() -> None:
    assert events("Heavy fighting continued for a third day.") == []


@pytest.mark.parametrize("text, expected", [
    ("Turkish troops pushed into northern Iraq on Monday in pursuit of Kurdish guerrillas.", ("ASSAULT", "TUR", "IRQ")),
    ("Rwandan soldiers crossed into Zaire overnight, aid workers said.", ("ASSAULT", "RWA", "COD")),
])
def test_a_force_moving_into_a_country_is_an_incursion(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_an_incursion_sense_needs_a_fighting_force_as_its_subject() -> None:
    # the lexicon's "subj" constraint: the same verb and preposition with other doers is no attack
    assert not [e for e in events("Chinese investors pushed into Turkish bonds after the rate rise.") if e[0] == "ASSAULT"]
    lex = get_lexicon()
    assert lex.verb("push", None, set(), {"into"}, None, {"troop", "turkish"}).type == "ASSAULT"
    entry = lex.verb("push", None, set(), {"into"}, None, {"investor"})
    assert entry is None or entry.type != "ASSAULT"


@pytest.mark.parametrize("text, expected", [
    # a conflictual act announced as planned, or as readily done, is a threat
    ("Greece plans to close its border crossings with Albania unless Tirana releases the five men, a spokesman said.",
     ("THREATEN", "GRC", "ALB", "asserted")),
    ("Cohen said the United States would not hesitate to use military force against Iraq.",
     ("THREATEN", "USA", "IRQ", "asserted")),
    # a conditional "may" with the actor's own official speaking after the clause
    ("The EU may cut aid to Kenya if the government fails to act, the European Commissioner said in Nairobi.",
     ("THREATEN", "EUR", "KEN", "asserted")),
    # ultimatums
    ("NATO gave Bosnian Serb commanders until midnight on Monday to pull their tanks out of the zone.",
     ("THREATEN", "NATO", "BIH", "asserted")),
    ("The UN told Iraq to readmit the inspectors or face military action.", ("THREATEN", "UNO", "IRQ", "asserted")),
])
def test_threats_of_wire_copy(text: str, expected: tuple[str, str, str, str]) -> None:
    assert top(text) == expected


def test_not_hesitating_is_readiness_not_negation() -> None:
    # the negation on "hesitate" does not negate the act it governs
    assert not [e for e in events("Russia would not hesitate to attack Ukraine.") if e[3] == "negated"]


def test_war_games_without_a_partner_are_a_show_of_force() -> None:
    assert top("China staged war games off the coast of Taiwan before the election.")[:3] == ("MOBILIZE", "CHN", "TWN")
    assert top("China staged war games with Russia in the Sea of Japan.")[:3] == ("COOPERATE", "CHN", "RUS")


def test_a_deployment_faces_the_state_of_the_place_it_is_sent_to() -> None:
    assert top("Russia sent 2,000 more troops to Chechnya on Sunday.")[:3] == ("MOBILIZE", "RUS", "RUS")


def test_an_unknown_person_named_with_a_title_acts_for_the_state_concerned() -> None:
    # the actors stage took "Toledo" for an unlisted place; the title says it is a person of the opposition
    assert top("Opposition candidate Alejandro Toledo called on Alberto Fujimori to step aside.")[:3] == \
        ("REQUEST", "PER", "PER")


@pytest.mark.parametrize("text, expected", [
    ("A team from the International Atomic Energy Agency arrived in Pyongyang on Monday to examine operating records.",
     ("ACCUSE", "IAEA", "PRK")),
    ("A United Nations human rights team arrived in Kigali to investigate reports of killings.", ("ACCUSE", "UNO", "RWA")),
    ("The IAEA rushed inspectors to North Korea to monitor the freeze of its graphite reactor.", ("ACCUSE", "IAEA", "PRK")),
])
def test_a_trip_made_to_investigate_is_the_investigation(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_a_trip_made_to_meet_stays_a_visit() -> None:
    assert top("Clinton flew to Moscow to meet Yeltsin.")[:3] == ("CONSULT", "USA", "RUS")


def test_monitoring_needs_someone_monitored() -> None:
    assert events("The Polish foreign ministry said it was monitoring the situation closely.") == []


@pytest.mark.parametrize("text", [
    "Saturday marks the fifth anniversary of Iraq's invasion of Kuwait, officials in Kuwait City said.",
    "Historians still debate the role of the Soviet Union in the Korean War.",
    "The Iran-Iraq war of the 1980s cost hundreds of thousands of lives on both sides.",
])
def test_remembered_wars_and_anniversaries_are_no_events(text: str) -> None:
    assert not [e for e in events(text) if e[0] == "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    # letting foreign inspectors, missions or peacekeepers in (CAMEO 086)
    ("Iran allowed IAEA inspectors to take environmental samples at the Natanz plant.", ("RETREAT", "IRN", "IAEA")),
    ("Ethiopia let UNMEE peacekeepers into the 25-km buffer zone along its border with Eritrea, the U.N. mission said"
     " in Addis Ababa.",
     ("RETREAT", "ETH", "UNO")),
    ("Indonesia allowed the United Nations to organise a ballot on independence in East Timor.", ("RETREAT", "IDN", "UNO")),
    # captives and held places given back (CAMEO 084)
    ("FARC rebels handed over 62 captured soldiers to a Red Cross team on Saturday.", ("RETREAT", "COL", "ICRC")),
    ("The United States handed over control of the Panama Canal to Panama at noon.", ("RETREAT", "USA", "PAN")),
    # forces leaving, fighting halted, sanctions waived (CAMEO 087 / 085)
    ("The last Russian troops left Estonia on Wednesday, Estonian officials said.", ("RETREAT", "RUS", "EST")),
    ("Washington waived the sanctions imposed on India after its nuclear tests.", ("RETREAT", "USA", "IND")),
    # leaders yielding to their own people (CAMEO 083x)
    ("Argentine President Fernando de la Rua resigned on Thursday after two days of rioting.", ("CONCEDE", "ARG", "ARG")),
    ("Malawi's President Hastings Banda legalised opposition parties on Monday.", ("CONCEDE", "MWI", "MWI")),
])
def test_yielding_and_retreating_in_wire_copy(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_halting_the_fighting_is_mutual_for_two_named_sides() -> None:
    got = events("Ethiopia and Eritrea halted fighting along their border on Sunday.")
    assert got[0][0] == "RETREAT" and {got[0][1], got[0][2]} == {"ETH", "ERI"}


def test_a_plain_allowance_at_home_stays_a_concession() -> None:
    assert not [e for e in events("Iraq allowed its farmers to sell wheat abroad.") if e[0] == "RETREAT"]


def test_joint_patrols_are_an_activity_not_a_unit() -> None:
    got = events("The United States and the Philippines conducted joint patrols in the South China Sea.")
    assert got and got[0][0] == "COOPERATE" and {got[0][1], got[0][2]} == {"USA", "PHL"}


@pytest.mark.parametrize("text, expected", [
    ("Japan expressed deep regret on Wednesday over the French decision to resume nuclear testing.", ("ACCUSE", "JPN", "FRA")),
    ("China voiced strong dissatisfaction with Washington's decision to grant a visa to Lee Teng-hui.",
     ("ACCUSE", "CHN", "USA")),
    ("China used its Security Council veto on Friday to block the dispatch of UN ceasefire observers to Guatemala.",
     ("REJECT", "CHN", "UNO")),
    ("The British government ruled out any direct talks with Sinn Fein until the IRA began handing over its weapons.",
     ("REJECT", "GBR", "IRL")),
    ("Croatia said it would not comply with a subpoena from the Hague war crimes tribunal.", ("REJECT", "HRV", "ICTY")),
    ("Security forces rounded up hundreds of suspected Islamic fundamentalists in the poor districts of Algiers.",
     ("COERCE", "DZA", "DZA")),
    ("Malaysia sent about 300 illegal Indonesian workers back to Sumatra by ship on Monday.", ("COERCE", "MYS", "IDN")),
    ("Turkey massed some 10,000 troops on its border with Syria in October 1998.", ("MOBILIZE", "TUR", "SYR")),
    ("The Tamil Tigers pulled out of peace talks with the Sri Lankan government on Monday.", ("SANCTION", "LKA", "LKA")),
    ("President Andres Pastrana broke off the three-year peace process with the FARC on Wednesday.",
     ("SANCTION", "COL", "COL")),
    # a crowd attacking or burning is rioting (CAMEO 145); armed men doing it are assaulting
    ("Uighur youths in the Xinjiang city of Yining attacked police and set vehicles alight, exiled groups said.",
     ("PROTEST", "CHN", "CHN")),
    ("Gunmen attacked a police station in Srinagar, killing three policemen.", ("ASSAULT", "IND", "IND")),
])
def test_more_wire_senses(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text", [
    "South Korea's won closed at 1,695 to the dollar in Seoul on Tuesday.",
    "Turkey and Greece, both NATO members, share a land border along the Evros river.",
    "Pakistan's cricketers arrive in Chennai on Wednesday for their first Test series in India in twelve years.",
])
def test_markets_geography_and_sport_are_no_events(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Japan said on Friday it would not provide the assistance North Korea had sought.", ("REJECT", "JPN")),
    # he yields to the one whose pressure is named (the doer's own possessive "Haiti's" is no second party)
    ("Haiti's military leader Lieutenant-General Raoul Cedras stepped down under U.S. pressure.", ("CONCEDE", "HTI", "USA")),
    ("Yugoslav authorities transferred Slobodan Milosevic to the U.N. war crimes tribunal in The Hague.",
     ("COOPERATE", "SRB", "ICTY")),
    ("Turkish rescue workers flew to Athens after Tuesday's earthquake.", ("AID", "TUR", "GRC")),
    ("Yugoslav army reinforcements rolled into Kosovo from southern Serbia on Wednesday.", ("MOBILIZE", "SRB", "XKX")),
    ("Opposition legislators and clergy staged a sit-in at Nairobi's All Saints Cathedral.", ("PROTEST", "KEN", "KEN")),
    ("Hundreds of thousands of South Korean workers walked out in a nationwide strike against a labour law.",
     ("PROTEST", "KOR", "KOR")),
    ("A general strike demanding the resignation of President Didier Ratsiraka paralysed Antananarivo.",
     ("PROTEST", "MDG", "MDG")),
])
def test_wire_senses_round_three(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_a_month_is_no_march() -> None:
    assert not [e for e in events("Iraq's oil ministry said exports from terminals near Basra averaged 3.3 million "
                                  "barrels per day in March.") if e[0] == "PROTEST"]


def test_signing_a_domestic_order_is_no_diplomatic_signature() -> None:
    assert not [e for e in events("President Bill Clinton signed an executive order banning all US trade with Iran.")
                if e[0] == "SUPPORT"]


def test_talks_travelled_to_are_held_by_the_travellers() -> None:
    got = top("Greek and Turkish diplomats travelled to Bern on Monday for a second round of talks on the Aegean.")
    assert got[0] == "CONSULT" and {got[1], got[2]} == {"GRC", "TUR"}


@pytest.mark.parametrize("text", [
    "Thousands of Armenians gathered in Yerevan on Friday to mark the anniversary of the 1988 earthquake.",
    "An opinion poll published in Yediot Ahronot showed 52 percent of Israelis backing the Oslo accords with the "
    "Palestine Liberation Organisation.",
    "The Security Council is scheduled to review the sanctions on Libya on Thursday.",
])
def test_commemorations_polls_and_sanctions_as_topics_are_no_events(text: str) -> None:
    assert events(text) == []


def test_a_gathering_to_demand_is_still_a_protest() -> None:
    assert top("Thousands of Armenians gathered in Yerevan on Friday to demand the resignation of the government.")[:3] \
        == ("PROTEST", "ARM", "ARM")


@pytest.mark.parametrize("text, pair", [
    ("Ecuadorean and Peruvian army engineers began jointly clearing landmines from the Cordillera del Condor, officials "
     "in Quito said.", {"ECU", "PER"}),
    ("Joint American-Vietnamese search teams excavated a crash site in Quang Binh province, the U.S. embassy in Hanoi "
     "said.", {"USA", "VNM"}),
])
def test_an_act_done_jointly_by_two_states_is_cooperation(text: str, pair: set[str]) -> None:
    got = top(text)
    assert got[0] == "COOPERATE" and {got[1], got[2]} == pair


def test_what_two_states_are_together_is_no_joint_act() -> None:
    assert events("Russia and Ukraine together accounted for nearly a third of world wheat exports last season.") == []


@pytest.mark.parametrize("text, code", [
    ("Mortar rounds slammed into the marketplace in Sarajevo, killing 68 people.", "BIH"),
    ("President Juvenal Habyarimana of Rwanda was killed when his plane was shot down over Kigali.", "RWA"),
])
def test_unclaimed_violence_by_weapons_and_over_a_place(text: str, code: str) -> None:
    assert top(text)[:3] == ("ASSAULT", code, code)


@pytest.mark.parametrize("text, expected", [
    ("Syria insisted that Israel withdraw from the Golan Heights.", ("REQUEST", "SYR", "ISR")),
    ("The opposition demanded that President Daniel arap Moi hold free elections.", ("REQUEST", "KEN", "KEN")),
])
def test_demands_address_the_subject_of_the_demanded_clause(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text, expected", [
    ("Amnesty International called for the release of all political prisoners in Burma.", ("REQUEST", "AMN", "MMR")),
    ("Britain urged the release of the detained journalists in Zimbabwe.", ("REQUEST", "GBR", "ZWE")),
])
def test_a_request_with_no_addressee_asks_the_state_where_it_applies(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text, expected", [
    ("Algeria lifted the state of emergency imposed in 1992.", ("CONCEDE", "DZA", "DZA")),
    ("Russian troops withdrew from Grozny.", ("RETREAT", "RUS", "RUS")),
])
def test_concessions_and_withdrawals_with_nobody_named(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_leaving_a_treaty_is_a_sanction_and_announcing_it_a_threat() -> None:
    assert top("North Korea withdrew from the Nuclear Non-Proliferation Treaty on Friday.")[0] == "SANCTION"
    assert top("North Korea said it would withdraw from the Nuclear Non-Proliferation Treaty.")[0] == "THREATEN"
    assert top("Iraq withdrew from Kuwait.")[:3] == ("RETREAT", "IRQ", "KWT")


def test_a_guest_welcomed_to_a_place_is_hosted_and_a_welcomed_deal_endorsed() -> None:
    assert top("Putin welcomed Lukashenko to the Kremlin.")[:3] == ("CONSULT", "RUS", "BLR")
    assert top("Germany welcomed the agreement between Serbia and Kosovo.")[0] == "SUPPORT"


def test_insisting_on_ones_own_conduct_is_no_demand() -> None:
    got = events("Beijing insists that it does not supply weapons to either side of the war.")
    assert not [e for e in got if e[0] == "REQUEST"]
    assert ("AID", "CHN", "-", "negated") in got


def test_a_sentence_naming_only_a_place_codes_only_violence_or_protest_there() -> None:
    assert events("The visit comes as Western pressure on Minsk grows.") == []


def test_a_nationality_adjective_makes_a_sentence_codeable() -> None:
    # no actor mention at all: "Belarusian" on the noun names the side
    assert top("The Belarusian mission in Geneva rejected the resolution.")[:2] == ("REJECT", "BLR")


def test_coordinated_of_objects_are_both_parties() -> None:
    got = top("The envoys of Armenia and Azerbaijan met in Moscow under Russian mediation.")
    assert got[0] == "CONSULT" and {got[1], got[2]} == {"ARM", "AZE"}


def test_prisoners_of_war_are_no_fighting() -> None:
    got = events("Iranian and Iraqi officials held a fresh round of negotiations on prisoners of war in Geneva.")
    assert not [e for e in got if e[0] == "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    ("Indian armoured divisions moved toward the Pakistani frontier in Rajasthan, defence analysts said.",
     ("MOBILIZE", "IND", "PAK")),
    ("Libya froze its participation in the Arab Maghreb Union, the Libyan news agency JANA said.", ("SANCTION", "LBY")),
    ("The Jordanian government rescinded the fuel price increases that had sparked rioting in Maan.",
     ("CONCEDE", "JOR", "JOR")),
    ("Abu Sayyaf rebels seized a group of foreign tourists from a Malaysian island resort, officials said.",
     ("ASSAULT", "PHL", "MYS")),
    ("Defense Secretary Dick Cheney authorised the call-up of reservists for the build-up against Iraq.",
     ("MOBILIZE", "USA", "IRQ")),
    ("West African leaders slapped an embargo on arms deliveries to Sierra Leone's junta.", ("SANCTION",)),
])
def test_wire_senses_round_four(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_a_trailing_allegation_is_the_news() -> None:
    got = top("China tortured and detained dissidents on a wide scale last year, the State Department charged in its "
              "annual human rights report.")
    assert got[:3] == ("ACCUSE", "USA", "CHN")


def test_an_act_that_draws_condemnation_is_condemned_by_its_critics() -> None:
    got = top("NATO air strikes on Bosnian Serb positions drew sharp condemnation from the Russian foreign ministry.")
    assert got[:3] == ("ACCUSE", "RUS", "NATO")


@pytest.mark.parametrize("text, typ", [
    ("Israel handed over the Red Sea resort of Taba to Egypt on Wednesday.", "RETREAT"),
    ("Japan handed over emergency supplies to the Red Cross in Kobe.", "AID"),
    ("Colombia handed over the suspect to the United States.", "COOPERATE"),
])
def test_what_is_handed_over_decides_the_type(text: str, typ: str) -> None:
    assert top(text)[0] == typ


@pytest.mark.parametrize("text, expected", [
    ("Japan is deeply concerned about North Korea's missile tests.", ("ACCUSE", "JPN", "PRK")),
    ("The State Department said it was troubled by Israel's decision to build new homes.", ("ACCUSE", "USA", "ISR")),
    ("European Union foreign ministers said they were disappointed by Ankara's handling of the Kurdish question.",
     ("ACCUSE", "EUR", "TUR")),
])
def test_stated_displeasure_with_someone_is_disapproval(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_displeasure_with_no_one_is_no_event() -> None:
    assert events("Germany was concerned about the flooding.") == []


@pytest.mark.parametrize("text, expected", [
    ("Martial law on Taiwan, in force for 38 years, was lifted at midnight, the Kuomintang government said.",
     ("CONCEDE", "TWN", "TWN")),
    ("A curfew was imposed in Dili on Monday.", ("COERCE", "TLS", "TLS")),
])
def test_a_measure_in_the_passive_with_nobody_named_is_the_states_own(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text, expected", [
    ("Syrian jets bombed the western outskirts of Beirut on Thursday.", ("ASSAULT", "SYR", "LBN")),
    ("The shelling of Dubrovnik by Yugoslav gunboats went on overnight.", ("ASSAULT", "SRB", "HRV")),
])
def test_a_place_attacked_is_its_states_target(text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_a_place_elsewhere_in_the_sentence_is_not_the_place_attacked() -> None:
    # the object is not a place: Geneva, where it was reported, names no target
    assert top("Iraqi gunners shelled the convoy, diplomats in Geneva said.")[:3] == ("ASSAULT", "IRQ", "-")


@pytest.mark.parametrize("text, expected", [
    ("Kenyan police detained the opposition lawyer Gibson Kamau Kuria in Nairobi on Monday.", ("COERCE", "KEN", "KEN")),
    ("President Suharto told students to end their sit-in at the parliament.", ("REQUEST", "IDN", "IDN")),
])
def test_people_nobody_codes_take_the_state_of_the_place_or_the_only_state_named(
        text: str, expected: tuple[str, str, str]) -> None:
    assert top(text)[:3] == expected


def test_uncoded_people_stay_uncoded_when_another_state_is_named() -> None:
    # Japan or Peru: the victims' state is not said, so no state is guessed
    assert top("Peruvian police arrested dozens of demonstrators outside the Japanese ambassador's residence.")[2] \
        in ("?", "-", "PER")


def test_the_force_put_on_alert_is_the_doers_own_not_the_target() -> None:
    got = top("Saddam Hussein ordered the Republican Guard to full readiness as American warships steamed into the Gulf.")
    assert got[:3] == ("MOBILIZE", "IRQ", "USA")


def test_police_on_alert_at_home_face_their_own_country() -> None:
    assert top("Manila police raised their state of alert before the verdict.")[:3] == ("MOBILIZE", "PHL", "PHL")


def test_a_recipient_after_back_is_the_target() -> None:
    assert top("Britain handed the colony back to China at midnight.")[:3] == ("RETREAT", "GBR", "CHN")


def test_a_call_received_is_made_by_the_caller() -> None:
    assert top("Chancellor Kohl received a telephone call from President Yeltsin on Friday.")[:3] == ("CONSULT", "RUS", "DEU")


def test_a_third_party_that_brokers_talks_mediates_between_the_parties() -> None:
    got = events("Swiss diplomats facilitated indirect talks between Washington and Havana.")
    assert got[0][:3] == ("CONSULT", "CHE", "USA")
    assert ("CONSULT", "CHE", "CUB", "asserted") in got


def test_coordinated_doers_lead_in_the_order_written() -> None:
    assert top("American and British warplanes struck radar sites around Basra.")[:3] == ("ASSAULT", "USA", "IRQ")
    assert top("U.S. and North Korean negotiators bargained late into the night in Geneva.")[:3] == \
        ("CONSULT", "USA", "PRK")


# words of wire copy added in the third wire round: one sentence each, written for these tests
@pytest.mark.parametrize("text, expected", [
    ("Ankara laid the blame for the bombing squarely on Damascus.", ("ACCUSE", "TUR", "SYR")),
    ("Mubarak scorned Libya's offer of a merger, Egyptian radio said.", ("REJECT", "EGY", "LBY")),
    ("The Knesset threw out the Syrian proposal for a phased withdrawal.", ("REJECT", "ISR", "SYR")),
    ("Norway volunteered two hundred soldiers for the force in Bosnia.", ("AGREE", "NOR")),
    ("Romania vouched for Moldova's commitment to reform, officials said.", ("SUPPORT", "ROU", "MDA")),
    ("Senegal switched its recognition from Beijing to Taipei.", ("SUPPORT", "SEN", "TWN")),
    ("Chilean jets strafed Argentine positions on the island.", ("ASSAULT", "CHL", "ARG")),
    ("Britain proscribed the Ulster Freedom Fighters.", ("COERCE", "GBR")),
    ("Egyptian police charged a procession of students in Cairo, witnesses said.", ("ASSAULT", "EGY", "EGY")),
    ("Moroccan patrol boats intercepted four Spanish trawlers off the coast.", ("COERCE", "MAR", "ESP")),
    ("Sri Lanka set free 112 Indian fishermen on Tuesday.", ("RETREAT", "LKA", "IND")),
    ("South Africa relinquished the enclave of Walvis Bay to Namibia.", ("RETREAT", "ZAF", "NAM")),
    ("France cancelled Senegal's debt, the ministry said.", ("AID", "FRA", "SEN")),
    ("Israel's Mossad tipped off Egyptian security about the plot.", ("COOPERATE", "ISR", "EGY")),
    ("The Arab League closed ranks behind Libya.", ("SUPPORT", "ARL", "LBY")),
    ("Colombian President Cesar Gaviria paid a call on Venezuela's Carlos Andres Perez in Caracas.",
     ("CONSULT", "COL", "VEN")),
    ("Tunisia snapped diplomatic links with Iran on Friday.", ("SANCTION", "TUN", "IRN")),
    ("The ANC quit the constitutional negotiations with the government.", ("SANCTION", "ZAF")),
    ("Britain scrapped its remaining curbs on imports from Argentina.", ("RETREAT", "GBR")),
])
def test_wire_words_round_three(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_riot_police_are_no_riot() -> None:
    got = events("Paris flew 3,000 extra gendarmes and riot police into Corsica after the bombings.")
    assert not [e for e in got if e[0] == "PROTEST"]


def test_a_trip_to_nowhere_visits_nobody() -> None:
    assert not [e for e in events("Athens went from capital to capital seeking allies.") if e[0] == "CONSULT"]


def test_a_hinted_conditional_sanction_is_a_threat() -> None:
    got = top("Seoul hinted it might recall its ambassador from Tokyo if the textbooks were approved.")
    assert got[:3] == ("THREATEN", "KOR", "JPN")


def test_a_capitalised_plural_role_noun_opening_the_sentence_is_a_crowd() -> None:
    assert top("Pensioners marched through central Moscow on Sunday.")[:3] == ("PROTEST", "RUS", "RUS")


def test_war_veterans_are_no_war() -> None:
    got = events("War veterans laid wreaths at the memorial in Kiev.")
    assert not [e for e in got if e[0] == "ASSAULT"]


def test_standing_by_someone_is_support() -> None:
    assert top("The Arab League stood by Syria in its dispute with Turkey.")[:3] == ("SUPPORT", "ARL", "SYR")


@pytest.mark.parametrize("text", [
    "Soldiers from Niger and Mali carried out their first joint desert patrols along the frontier.",
    "Thai and Malaysian police mounted combined sweeps against the guerrillas.",
])
def test_a_joint_act_named_by_the_object_is_cooperation(text: str) -> None:
    got = top(text)
    assert got[0] == "COOPERATE" and {got[1], got[2]} in ({"NER", "MLI"}, {"THA", "MYS"})


@pytest.mark.parametrize("text, expected", [
    ("Slovakia's foreign ministry called in the Hungarian ambassador to complain.", ("ACCUSE", "SVK", "HUN")),
    ("Japan summoned the Russian ambassador on Friday.", ("ACCUSE", "JPN", "RUS")),
    ("Mahathir shot down an Australian proposal for a regional trade grouping.", ("REJECT", "MYS", "AUS")),
    ("The Group of Seven gave short shrift to Gorbachev's plea for aid.", ("REJECT", "G7", "RUS")),
    ("President Iliescu gave an assurance to Hungary that the schools would reopen.", ("AGREE", "ROU", "HUN")),
    ("Soviet transport planes ferried tanks and artillery to Ethiopia.", ("AID", "RUS", "ETH")),
    ("Germany's Federal Criminal Office gave Turkish police the names of PKK fundraisers.",
     ("COOPERATE", "DEU", "TUR")),
    ("Thailand received the first $1.6 billion of its IMF rescue credit on Wednesday.", ("AID", "IMF", "THA")),
])
def test_wire_words_round_three_b(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Tens of thousands of demonstrators packed the streets of Belgrade to demand Milosevic's resignation.",
     ("PROTEST", "SRB", "SRB")),
    ("Nepal's home minister told student leaders that they must call off their campaign.", ("REQUEST", "NPL", "NPL")),
    ("Chad told France it must send more anti-aircraft missiles.", ("REQUEST", "TCD", "FRA")),
    ("A black detainee was beaten to death by South African security police.", ("ASSAULT", "ZAF")),
    ("Chechen fighters fired grenade launchers at a Russian army convoy.", ("ASSAULT",)),
    ("Peru stripped Baruch Ivcher of his Peruvian citizenship.", ("COERCE", "PER")),
    ("Rabat called its ambassador home from Madrid on Saturday.", ("SANCTION", "MAR", "ESP")),
    ("Some 50 Russian diplomats were ordered out of the United States.", ("SANCTION", "-", "RUS")),
    ("Britain ordered five Soviet diplomats out of the country.", ("SANCTION", "GBR", "RUS")),
    ("Qatar has closed the Israeli trade office in Doha.", ("SANCTION", "QAT", "ISR")),
    ("Russia lobbied Security Council members on behalf of Serbia.", ("SUPPORT", "RUS", "SRB")),
    ("The Soviet Union expressed regret to Norway after the incident.", ("SUPPORT", "RUS", "NOR")),
    ("North Korea sent a South Korean fishing boat and its crew back across the sea border.", ("RETREAT", "PRK", "KOR")),
    ("The last Renamo fighters handed over their guns at assembly areas.", ("RETREAT", "MOZ")),
    ("South Korea and China opened direct shipping routes between Inchon and Tianjin.", ("COOPERATE", "KOR", "CHN")),
    ("British troops joined Omani units in the Swift Sword exercise.", ("COOPERATE", "GBR", "OMN")),
])
def test_wire_sentences_round_four(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_contests_of_sport_and_markets_are_no_attacks() -> None:
    assert events("Czechoslovakia's Ivan Lendl beat Sweden's Mats Wilander in four sets to win the U.S. Open.") == []
    assert not [e for e in events("The Deutsche mark hit a record high against the French franc in Frankfurt.")
                if e[0] == "ASSAULT"]


def test_fighting_fires_is_no_attack() -> None:
    assert not [e for e in events("Chinese and Russian firefighters fought forest fires along the Amur river.")
                if e[0] == "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    ("Venezuela ordered its frigates back to port on Sunday.", ("RETREAT", "VEN")),
    ("Azerbaijan has blocked rail and gas supplies to Armenia.", ("COERCE", "AZE", "ARM")),
    ("Singapore would not heed American calls for greater press freedom, Lee Kuan Yew said.", ("REJECT", "SGP", "USA")),
    ("Burma's military government will not let Red Cross delegates into its prisons.", ("REJECT", "MMR", "ICRC")),
    ("Greek Cypriots voted overwhelmingly against the UN reunification plan.", ("REJECT", "CYP", "UNO")),
    ("Pyongyang said it would use its nuclear deterrent against the United States if Washington struck first.",
     ("THREATEN", "PRK", "USA")),
])
def test_wire_sentences_round_four_b(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_a_military_strike_launched_is_no_labour_strike() -> None:
    assert not [e for e in events("Washington launched a preventive strike on the reactor.") if e[0] == "PROTEST"]


def test_a_readiness_to_impose_martial_law_threatens_the_own_country() -> None:
    got = top("Lebanon's caretaker cabinet said that it is ready to declare a state of emergency.")
    assert got[:3] == ("THREATEN", "LBN", "LBN")


def test_a_place_inside_the_object_phrase_is_the_place_struck() -> None:
    assert top("Afghan guerrillas destroyed two electricity pylons on the road into Kabul.")[1:3] == ("AFG", "AFG")


@pytest.mark.parametrize("text, expected", [
    ("New Zealand lifted the trade restrictions on Fiji.", ("RETREAT", "NZL")),
    ("Latvia lifted restrictions on the use of Russian.", ("CONCEDE", "LVA")),
    ("France delivered a suspected Basque gunman to the Spanish Civil Guard.", ("COOPERATE", "FRA", "ESP")),
    ("Turkish intelligence gave German police the addresses of PKK fund-raisers.", ("COOPERATE", "TUR", "DEU")),
    ("Japan gave way to Australian pressure on the tuna catch.", ("CONCEDE", "JPN", "AUS")),
    ("Thailand gave back to Burma a navy patrol boat.", ("RETREAT", "THA", "MMR")),
    ("Charles Taylor gave Guinean troops 72 hours to leave Lofa county.", ("THREATEN", "LBR", "GIN")),
    ("A bomb went off in a crowded Peshawar bazaar, killing 14 people, Pakistani officials said, "
     "blaming agents of the Afghan secret police.", ("ASSAULT", "AFG", "PAK")),
])
def test_wire_sentences_round_five(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Iran stayed away from an OPEC committee meeting in Vienna in protest at Saudi Arabia's refusal to cut output.",
     ("PROTEST", "IRN")),
    ("Malawian opposition groups called a nationwide stay-away to press Hastings Banda to quit.", ("PROTEST", "MWI")),
    ("Tamil Tiger guerrillas hacked to death 34 Sinhalese villagers in an overnight raid.", ("ASSAULT", "LKA", "LKA")),
    ("Youths rampaged through Dakar, burning buses and looting shops.", ("PROTEST", "SEN", "SEN")),
    ("A bomb went off in Lahore railway station, killing seven people, and Pakistani police blamed Indian agents.",
     ("ASSAULT", "IND", "PAK")),
])
def test_wire_sentences_round_six(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_a_protest_as_motive_is_no_demonstration() -> None:
    got = events("Iran stayed away from the meeting in Vienna in protest at Saudi policy.")
    assert not [e for e in got if e[1] == "AUT"]


@pytest.mark.parametrize("text, expected", [
    ("Paraguay's Colorado Party agreed to opposition demands for a new electoral register.", ("CONCEDE", "PRY", "PRY")),
    ("Uganda ordered about 40 Libyan military advisers to leave the country within a week.", ("SANCTION", "UGA", "LBY")),
    ("Athens postponed indefinitely its confidence-building talks with Ankara.", ("SANCTION", "GRC", "TUR")),
    ("King Hassan pardoned 150 political prisoners.", ("RETREAT", "MAR", "MAR")),
    ("Saudi warplanes flew low over Yemeni border posts.", ("MOBILIZE", "SAU", "YEM")),
    ("Pakistan's army has assembled a team of computer experts to counter Indian hackers.", ("MOBILIZE", "PAK", "IND")),
])
def test_wire_sentences_round_six_b(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Moroccan and Algerian foreign ministers held an hour of private talks in Tunis.", ("CONSULT", "MAR", "DZA")),
    ("Cameroon's territorial administration ministry approved the registration of four new opposition parties.",
     ("CONCEDE", "CMR", "CMR")),
])
def test_wire_sentences_round_six_c(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


@pytest.mark.parametrize("text", [
    "Ghana's cocoa shipments to the Netherlands fell by a fifth.",
    "Libya and Algeria together supplied about a quarter of Italy's crude oil imports last year.",
])
def test_trade_figures_are_no_aid(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Zambian and Zimbabwean veterinary teams vaccinated cattle along the Zambezi in a joint drive.", {"ZMB", "ZWE"}),
    ("South African and Botswana soldiers have begun coordinated patrols along the Limpopo.", {"ZAF", "BWA"}),
])
def test_acts_in_a_joint_drive_are_cooperation(text: str, expected: set[str]) -> None:
    got = top(text)
    assert got[0] == "COOPERATE" and {got[1], got[2]} == expected


def test_equipment_handed_over_is_aid() -> None:
    assert top("The United States handed four patrol boats to the Honduran navy.")[:3] == ("AID", "USA", "HND")


def test_output_figures_of_two_states_are_no_joint_act() -> None:
    assert events("North Sea oil output from Norway and Britain together topped six million barrels a day.") == []


def test_recognition_extended_and_relations_set_up_are_support() -> None:
    assert top("Uruguay extended formal recognition to Ukraine as a sovereign state.")[:3] == ("SUPPORT", "URY", "UKR")
    assert top("Kazakhstan and Israel set up full diplomatic relations on Wednesday.")[0] == "SUPPORT"


def test_squash_and_other_sports_are_no_events() -> None:
    assert events("Pakistan's Jansher Khan beat Australia's Rodney Eyles in straight games to win the British Open.") == []


def test_forces_massed_are_a_build_up() -> None:
    assert top("Ethiopia has massed tens of thousands of soldiers along its border with Eritrea.")[:3] == \
        ("MOBILIZE", "ETH", "ERI")


def test_a_country_surrounded_on_three_sides_is_geography() -> None:
    assert events("The Gambia is surrounded on three sides by Senegal.") == []


@pytest.mark.parametrize("text, expected", [
    ("Israel's security cabinet refused to halt its offensive despite American appeals for a pause.",
     ("REJECT", "ISR", "USA")),
    ("Slobodan Milosevic refused to resign despite weeks of street protests in Belgrade.", ("REJECT", "SRB", "SRB")),
])
def test_a_refusal_despite_appeals_refuses_whoever_asked(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_a_show_of_force_faces_the_state_named_by_an_adjective() -> None:
    got = top("Pakistan's air force went on high alert amid fears of an Indian strike on militant camps.")
    assert got[:3] == ("MOBILIZE", "PAK", "IND")


def test_relations_with_a_state_name_the_target_over_a_nearer_own_actor() -> None:
    got = top("Britain broke off diplomatic relations with Syria after a London court found Syrian officials guilty.")
    assert got[:3] == ("SANCTION", "GBR", "SYR")


def test_a_demand_on_another_state_is_not_addressed_to_the_own_citizens_it_concerns() -> None:
    assert top("Thailand demanded that Cambodia free 20 Thai fishermen detained off Koh Kong.")[:3] == \
        ("REQUEST", "THA", "KHM")


def test_an_investigation_of_the_own_citizens_stays_domestic() -> None:
    got = top("Serbia is probing suspected atrocities by Serbian paramilitaries against Bosniak villagers.")
    assert got[:3] == ("ACCUSE", "SRB", "SRB")


@pytest.mark.parametrize("text, expected", [
    # relief goods delivered to a place are aid to its state
    ("Indian air force helicopters dropped food and tents on Wednesday to hill villages in western Nepal.",
     ("AID", "IND", "NPL")),
    # money received from a lender: the lender gives it
    ("Zambia received 55 million dollars from the International Monetary Fund on Friday.", ("AID", "IMF", "ZMB")),
    # military training and equipment handed over
    ("Turkish officers are teaching Azerbaijani cadets at the military academy in Baku.", ("AID", "TUR", "AZE")),
    ("Australia handed Papua New Guinea's defence force two landing craft at Lae on Friday.", ("AID", "AUS", "PNG")),
    # letting people stay is asylum, not a concession
    ("West Germany let a Czechoslovak ice hockey player stay as a political refugee.", ("AID", "DEU", "CZE")),
])
def test_aid_in_kind_training_money_and_asylum(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text", [
    "British and Omani troops wound up a three-week desert exercise near Thumrait on Sunday.",
    "Chinese and Pakistani fighter pilots flew combined air combat drills over Sargodha this week.",
])
def test_an_exercise_held_by_two_sides_is_joint(text: str) -> None:
    got = top(text)
    assert got[0] == "COOPERATE" and {got[1], got[2]} <= {"GBR", "OMN", "CHN", "PAK"} and got[1] != got[2]


@pytest.mark.parametrize("text", [
    "Russian crude deliveries to Belarus and Ukraine dropped by nearly a fifth in the first quarter.",
    "The OAU summit in Addis Ababa closed without any reference to the Western Sahara, delegates from Algeria noted.",
    "Foreign ministers of the six Gulf Cooperation Council states are due to gather in Riyadh on December 20.",
])
def test_statistics_meetings_ending_and_ministers_gathering_are_no_events(text: str) -> None:
    assert events(text) == []


def test_pressure_that_grows_is_still_an_event() -> None:
    assert top("Moscow's pressure on Lukashenko grew.")[:3] == ("COERCE", "RUS", "BLR")


@pytest.mark.parametrize("text, sides", [
    ("Chinese and Russian firefighters fought forest fires together along the Amur river this week.", {"CHN", "RUS"}),
    ("Hungarian and Austrian fire brigades fought a reed fire side by side on the shore of Lake Neusiedl.",
     {"HUN", "AUT"}),
    ("Chilean and Argentine mountain rescue teams worked side by side for three days in the Andes.", {"CHL", "ARG"}),
])
def test_work_done_together_or_side_by_side_is_cooperation(text: str, sides: set[str]) -> None:
    got = top(text)
    assert got[0] == "COOPERATE" and {got[1], got[2]} == sides


@pytest.mark.parametrize("text, expected", [
    # a fronted participle clause: the doer comes after "was"
    ("Condemning the execution of the Ogoni writer Ken Saro-Wiwa in the harshest terms was President Nelson "
     "Mandela, who told reporters in Auckland that Nigeria's rulers had acted with contempt.", ("ACCUSE", "ZAF", "NGA")),
    ("Demanding that Athens extradite three suspected PKK militants arrested on Crete was Turkish Foreign Minister "
     "Ismail Cem.", ("REQUEST", "TUR", "GRC")),
    # a main verb the parser hangs on the subject noun after a relative clause
    ("Turkey, which built the Ataturk dam over fierce Arab objections, threatened on Thursday to cut water "
     "releases to Syria.", ("THREATEN", "TUR", "SYR")),
    # the force whose withdrawal or deployment is named is the doer's
    ("The withdrawal of Syrian troops from Lebanon began on Monday.", ("RETREAT", "SYR", "LBN")),
    ("The deployment of a Chinese naval task force near the Spratly reef claimed by the Philippines prompted an "
     "emergency cabinet meeting in Manila.", ("MOBILIZE", "CHN", "PHL")),
    # an offer stated as readiness is no military alert
    ("Brazil declared its readiness for closer cooperation with Argentina on nuclear safeguards.",
     ("AGREE", "BRA", "ARG")),
    # what crowds and civil groups do in protest is a protest
    ("Bangladeshi dockers refused on Monday to unload Indian ships at Chittagong, in protest at New Delhi's "
     "refusal to release more of the Ganges waters.", ("PROTEST", "BGD", "IND")),
    ("The Israeli embassy in Amman was besieged for a second day by thousands of Jordanian demonstrators.",
     ("PROTEST", "JOR", "ISR")),
    ("Nigeria flew 1,500 more peacekeeping troops into Liberia on Thursday.", ("AID", "NGA", "LBR")),
])
def test_role_traps_of_wire_copy(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_a_threat_with_a_condition_was_made() -> None:
    # the condition belongs to the threatened act; the threat itself is reported as fact
    got = top("Turkey threatened on Thursday to cut water releases to Syria unless Damascus stopped aiding Kurdish "
              "rebels.")
    assert got == ("THREATEN", "TUR", "SYR", "asserted")
    assert top("If Minsk joins the war, Ukraine will have to fight.")[3] == "possible"


@pytest.mark.parametrize("text, expected", [
    ("Hackers of North Korea's Lazarus group broke into the servers of a South Korean defence contractor and stole "
     "drone blueprints.", "COERCE"),
    ("Lithuania declared two Russian diplomats persona non grata on Monday.", "SANCTION"),
    ("Somalia ordered Ethiopian troops serving under the African Union mission to leave three bases in the Hiraan "
     "region.", "SANCTION"),
    ("Tanzania recalled its high commissioner from Nairobi for consultations.", "SANCTION"),
    ("Japan handed over coastal surveillance radars and rescue boats to Bangladesh's navy.", "AID"),
    ("Rwanda sent an additional battalion to protect gas installations in Mozambique's Cabo Delgado province.", "AID"),
])
def test_modern_news_idiom(text: str, expected: str) -> None:
    assert top(text)[0] == expected


def test_troops_sent_to_pressure_a_neighbour_are_still_a_build_up() -> None:
    assert top("Russia sent troops to the Ukrainian border to pressure Kyiv.")[:3] == ("MOBILIZE", "RUS", "UKR")


def test_a_football_friendly_is_sport() -> None:
    assert events("Nigeria's Super Eagles beat Ghana 2-1 in a friendly in Marrakech, with Victor Osimhen scoring "
                  "the winner deep into stoppage time.") == []


@pytest.mark.parametrize("text, expected", [
    # the accused is the doer of the act complained of, not its victim or the body addressed
    ("Madrid condemned the boarding of a Galician trawler by Canada's fisheries patrol boats in international waters "
     "off Newfoundland as 'an act of piracy'.", ("ACCUSE", "ESP", "CAN")),
    ("Iraq complained to the Security Council about Turkish air raids on villages near Zakho.", ("ACCUSE", "IRQ", "TUR")),
    # an uncoded target whose phrase says where it comes from
    ("Saudi police launched a crackdown on undocumented workers from Yemen on Monday.", ("COERCE", "SAU", "YEM")),
    # coordinated nationalities of the target: one event each, the first written first
    ("Malaysia deported some 400 Indonesian and Filipino illegal workers from Sabah on Tuesday.",
     ("COERCE", "MYS", "IDN")),
    ("Iraqi anti-aircraft gunners opened fire on American and British jets.", ("ASSAULT", "IRQ", "USA")),
])
def test_targets_of_wire_copy(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_each_coordinated_target_nationality_gets_its_event() -> None:
    got = events("Malaysia deported some 400 Indonesian and Filipino illegal workers from Sabah on Tuesday.")
    assert [g[2] for g in got] == ["IDN", "PHL"]


@pytest.mark.parametrize("text, expected", [
    # the small parser reads "Turkey massed troops" with the verb as an adjective or the name as an adverbial
    ("Turkey massed troops and armour along its border with Syria, Western diplomats said in Ankara.",
     ("MOBILIZE", "TUR", "SYR")),
    ("Azerbaijan massed troops and artillery along the border with Armenia's Syunik province.",
     ("MOBILIZE", "AZE", "ARM")),
    # advisers and peacekeepers called home cut a tie (CAMEO 166); troops pulled back retreat
    ("The Soviet Union withdrew its remaining military advisers from Iraq.", ("SANCTION", "RUS", "IRQ")),
    ("Syria withdrew its troops from Lebanon.", ("RETREAT", "SYR", "LBN")),
    # inspectors expelled (CAMEO 1662) are a sanction, people deported are coerced
    ("Iraq expelled the American members of the U.N. weapons inspection team.", ("SANCTION", "IRQ", "UNO")),
    ("Security forces in Kashmir forced shopkeepers in Srinagar to reopen their businesses at gunpoint.",
     ("COERCE", "IND", "IND")),
    ("Bangladesh sent 800 troops to join the UN peacekeeping force in Sierra Leone.", ("AID", "BGD", "UNO")),
])
def test_forces_advisers_and_inspectors(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_an_offer_to_send_troops_to_guard_is_aid_offered() -> None:
    assert top("Pakistan is ready to send troops to guard UN relief operations in Somalia.")[0] == "AGREE"


@pytest.mark.parametrize("text, expected", [
    # violence by doers nobody names is coded inside the state where it happened, as for a passive
    ("Armed men killed at least 30 villagers in Burundi's Cibitoke province, church sources said.",
     ("ASSAULT", "BDI", "BDI")),
    ("Gunmen killed a police officer in Karachi.", ("ASSAULT", "PAK", "PAK")),
    # support idiom and go-betweens
    ("Moscow came to the defence of Serbia at the United Nations.", ("SUPPORT", "RUS", "SRB")),
    # a capital in the "of" phrase of a stance noun is the government, not the place
    ("Moscow came to the defence of Belgrade at the United Nations.", ("SUPPORT", "RUS", "SRB")),
    ("The French foreign minister spoke out in defence of Chad's president.", ("SUPPORT", "FRA", "TCD")),
    ("Swiss diplomats have been relaying messages between Washington and Tehran on the fate of American hostages.",
     ("CONSULT", "CHE", "USA")),
    ("A Kenyan envoy shuttled between Khartoum and John Garang's rebel headquarters in southern Sudan this week.",
     ("CONSULT", "KEN", "SDN")),
    ("Mongolia and South Africa exchanged notes opening diplomatic relations on Tuesday.", ("SUPPORT", "MNG", "ZAF")),
])
def test_unnamed_attackers_support_and_mediation_idiom(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_buses_running_between_capitals_are_no_mediation() -> None:
    assert events("Buses run between Delhi and Lahore.") == []


@pytest.mark.parametrize("text, expected", [
    ("Sweden voiced concern over Turkey's treatment of jailed Kurdish members of parliament.", ("ACCUSE", "SWE", "TUR")),
    ("Cameroon said on Tuesday it had taken Nigeria to the International Court of Justice over the oil-rich Bakassi "
     "peninsula.", ("ACCUSE", "CMR", "NGA")),
    ("The Bolivian government has filed suit in a New York court against a U.S. commodities firm it accuses of "
     "rigging tin prices.", ("ACCUSE", "BOL", "USA")),
    ("Iraqi Republican Guard units staged a show of force near the Kuwaiti border, Pentagon officials said.",
     ("MOBILIZE", "IRQ", "KWT")),
    ("Some 3,000 extra police officers were drafted into Durban ahead of the Commonwealth summit.",
     ("MOBILIZE", "ZAF", "ZAF")),
    ("Israel created a cyber warfare unit to penetrate Iranian computer networks.", ("MOBILIZE", "ISR", "IRN")),
])
def test_legal_action_shows_of_force_and_police_drafted(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text, expected", [
    ("Britain paid 50 million pounds in budget support into Malawi's treasury.", ("AID", "GBR", "MWI")),
    # a coordinated object says what was given too ("tablets and food")
    ("The Red Cross distributed water purification tablets and food to flood victims in Mozambique's Sofala province.",
     ("AID", "ICRC", "MOZ")),
])
def test_money_paid_and_goods_distributed_are_aid(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


@pytest.mark.parametrize("text", [
    "India and Pakistan have fought three wars since independence, two of them over Kashmir.",
    "Nearly 70 percent of Mexico's exports go to the United States, economists said.",
    "Some 1.9 million Germans visited Turkey's beaches and ruins last year.",
    "Lesotho is entirely surrounded by South Africa, which carries almost all of its trade.",
    "Wildfires burned more than 18 million hectares of forest in Canada this year.",
    "An Aeroflot Tupolev made an emergency landing at Tashkent after an engine caught fire, Uzbek officials said.",
    "The Polish foreign ministry said it was monitoring the situation closely.",
])
def test_states_of_affairs_are_no_events(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russia and Ukraine fought a fierce battle near Bakhmut.", "ASSAULT"),
    ("Iraqi troops surrounded the Kurdish town of Kirkuk.", "COERCE"),
    ("A German delegation visited Turkey.", "CONSULT"),
])
def test_the_same_verbs_still_code_acts(text: str, expected: str) -> None:
    assert top(text)[0] == expected


def test_a_place_after_a_locative_preposition_is_no_person() -> None:
    # "Galilee" read by the tagger as a person would hide the Israeli towns there
    assert top("Hezbollah guerrillas fired a barrage of Katyusha rockets at Israeli towns in western Galilee on "
               "Monday.")[:3] == ("ASSAULT", "LBN", "ISR")


def test_a_name_run_into_an_opening_preposition_is_no_person() -> None:
    # the tagger reads "Near Ar Ramadi" as a person and the subject: no uncoded doer "Near Ar Ramadi"
    got = events("Near Ar Ramadi, four strikes hit three ISIL fighting positions and destroyed a bulldozer.")
    assert got and got[0][0] == "ASSAULT" and got[0][1] != "?", got


def test_an_embedded_whether_question_is_only_possible() -> None:
    got = events("Whether Iran and the International Atomic Energy Agency can settle on a new inspection regime will "
                 "be the main question when the board meets in Vienna.")
    assert got and all(g[3] == "possible" for g in got if g[0] == "AGREE")


@pytest.mark.parametrize("text, expected", [
    # a capital after the recipient preposition of a light verb's noun is the government
    ("Lebanon's prime minister made a fresh appeal to Damascus on Thursday, a government statement said.",
     ("REQUEST", "LBN", "SYR")),
    ("Thailand turned to the International Monetary Fund for emergency financial assistance as the baht plunged.",
     ("REQUEST", "THA", "IMF")),
])
def test_appeals_to_a_capital_and_turning_to_a_lender(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:3] == expected


def test_a_statement_of_intent_is_addressed_to_the_one_told() -> None:
    assert top("Iran told the United States that it would retaliate against any attack.")[:3] == \
        ("THREATEN", "IRN", "USA")


def test_a_veiled_conditional_threat_is_made() -> None:
    got = top("Moscow said it would take appropriate measures if Latvia went ahead with a citizenship law.")
    assert got == ("THREATEN", "RUS", "LVA", "asserted")


def test_going_ahead_with_a_law_is_no_trip() -> None:
    assert events("Latvia went ahead with the citizenship law.") == []
