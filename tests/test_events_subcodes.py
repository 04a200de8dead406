"""Frames added for CAMEO sub-codes our example set showed missing, and the general role rules that came with
them. Sentences written for these tests; the full pipeline (own actors) codes each one."""

from __future__ import annotations

import pytest

from dyadline import code_text


def top(text: str) -> tuple[str, str, str, str]:
    evs = sorted(code_text(text, date="2024-05-01"), key=lambda e: -e.confidence)
    assert evs, f"no event for {text!r}"
    e = evs[0]
    return (e.type, ",".join(p.actor.code or "?" for p in e.source) or "-",
            ",".join(p.actor.code or "?" for p in e.target) or "-", e.factuality)


@pytest.mark.parametrize("text, expected", [
    # MOBILIZE: alerts, readiness, police deployments
    ("Ecuador placed its troops on high alert along the border with Peru.", ("MOBILIZE", "ECU", "PER")),
    ("Seoul raised its military readiness posture after the North fired shells at the island.", ("MOBILIZE", "KOR")),
    ("Beijing dispatched thousands of armed police to Urumqi after the riots.", ("MOBILIZE", "CHN", "CHN")),
    ("Belarus's interior ministry bussed riot police into Minsk overnight.", ("MOBILIZE", "BLR", "BLR")),
    ("Seoul put its troops on standby along the border.", ("MOBILIZE", "KOR")),
    # SANCTION vs COERCE for expulsions; SANCTION for halted aid and called-off talks
    ("Poland expelled two Russian diplomats on Tuesday.", ("SANCTION", "POL", "RUS")),
    ("China expelled three American reporters in February.", ("COERCE", "CHN", "USA")),
    ("Australia cut its aid programme for Papua New Guinea by a fifth.", ("SANCTION", "AUS", "PNG")),
    ("Seoul called off the next round of economic talks with Pyongyang.", ("SANCTION", "KOR", "PRK")),
    # COERCE: revocations, seizures of control, sealed borders
    ("Bahrain revoked the citizenship of 72 Bahraini dissidents.", ("COERCE", "BHR")),
    ("Nigerian soldiers took control of several villages on the peninsula.", ("COERCE", "NGA")),
    ("India sealed its border crossings with Nepal.", ("COERCE", "IND", "NPL")),
    # cooperation: intelligence, extradition, joint operations, fighting alongside
    ("Morocco passed intelligence to Spanish police about the plot.", ("COOPERATE", "MAR", "ESP")),
    ("Colombia handed over the suspect to the United States.", ("COOPERATE", "COL", "USA")),
    ("Ugandan troops are fighting alongside South Sudan's army.", ("COOPERATE", "UGA", "SSD")),
    # consultation, support, concession, retreat
    ("Erdogan spoke with Putin by phone on Wednesday.", ("CONSULT", "TUR", "RUS")),
    ("Singapore welcomed the Indonesian president for the annual retreat.", ("CONSULT", "SGP", "IDN")),
    ("Tanzania's president paid tribute to Zimbabwe for its role in the region.", ("SUPPORT", "TZA", "ZWE")),
    ("Russia and Ukraine exchanged prisoners of war on Monday.", ("RETREAT", "RUS", "UKR")),
    ("Wellington gave way to pressure from its neighbours.", ("CONCEDE", "NZL")),
    # crowds: a riot is PROTEST, the same act by settlers or soldiers is not
    ("Rioters torched banks and government offices in Jordan.", ("PROTEST", "JOR")),
    ("Rioters in the Jordanian town of Maan set fire to banks and government offices.", ("PROTEST", "JOR")),
    ("Crowds in Bucharest demanded the removal of former communists from Romania's leadership.", ("PROTEST", "ROU")),
    ("Opposition lawmakers in Peru demanded that the president resign.", ("REQUEST", "PER")),
    ("Opposition lawmakers walked out of Zambia's National Assembly in protest at the new electoral law.",
     ("PROTEST", "ZMB")),
    # ultimatums, rescue teams, calls, joint exercises, alerts
    ("ECOWAS gave Niger's junta one week to reinstate the president or face military intervention.",
     ("THREATEN", "ECOWAS", "NER")),
    ("Mexico dispatched rescue brigades and field hospitals to Ecuador after the earthquake.", ("AID", "MEX", "ECU")),
    ("Angela Merkel and Li Keqiang held a video call on trade and climate policy.", ("CONSULT",)),
    ("Spanish and Moroccan frigates on Tuesday began a week of naval war games off Gibraltar.", ("COOPERATE",)),
    ("Norwegian and Russian coast guard crews carried out a joint rescue operation.", ("COOPERATE",)),
    ("Greek armed forces were put on alert as the standoff with Turkey escalated.", ("MOBILIZE", "GRC")),
    # an order to leave or close is an expulsion: of a mission (SANCTION) or of people (COERCE)
    ("Burundi ordered the United Nations human rights office in Bujumbura to close.", ("SANCTION", "BDI", "UNO")),
    ("Israel ordered Palestinian residents of the village to leave their homes.", ("COERCE", "ISR", "PSE")),
    ("Washington urged Moscow to leave Ukraine.", ("REQUEST", "USA", "RUS")),
    # economic bans lifted are RETREAT; political bans lifted are CONCEDE
    ("Russia lifted its ban on imports of Georgian wine and mineral water.", ("RETREAT", "RUS", "GEO")),
    ("Gabon lifted the ban on three exiled opposition figures.", ("CONCEDE", "GAB")),
    # the sender named by "from" acts; dismissive phrasal verbs reject; warplanes do not visit
    ("Beijing brushed aside calls from Washington to let the yuan appreciate faster.", ("REJECT", "CHN", "USA")),
    ("Wellington gave way to pressure from Suva.", ("CONCEDE", "NZL", "FJI")),
    ("Two Russian strategic bombers flew along the Norwegian coast for several hours.", ("MOBILIZE", "RUS", "NOR")),
    ("Indian Prime Minister Narendra Modi flew to Moscow for talks with Putin.", ("CONSULT", "IND", "RUS")),
    # "sent arms to Pakistan": a country after a giving verb is the recipient, not a destination
    ("Washington kept shipping weapons to Pakistan throughout the year.", ("AID", "USA", "PAK")),
    # an act done in a place with no target named targets that place's state
    ("Yugoslavia eased a dusk-to-dawn curfew in Montenegro on Friday.", ("CONCEDE", "SRB", "MNE")),
    ("Police arrested five opposition activists in Minsk.", ("COERCE", "BLR", "BLR")),
    # a state's own curfew, emergency or ban falls on itself; a show of force faces the state named next to it
    ("Thailand's army chief announced a nationwide curfew from 10 p.m. to 5 a.m.", ("COERCE", "THA", "THA")),
    ("Iraq massed about 30,000 troops along the Kuwaiti border in late July 1990.", ("MOBILIZE", "IRQ", "KWT")),
    ("Greek armed forces were put on alert as the standoff with Turkey escalated.", ("MOBILIZE", "GRC", "TUR")),
    ("Russia deployed thousands of troops in the region.", ("MOBILIZE", "RUS", "-")),
    # a bomb as the subject: whoever planted it is the doer
    ("A roadside bomb planted by the Taliban struck a British patrol in Helmand province.", ("ASSAULT", "AFG", "GBR")),
    # hyphenated verbs the tokenizer used to split; the object's event noun decides between entries
    ("Iran test-fired three cruise missiles near the Strait of Hormuz on Monday.", ("MOBILIZE", "IRN")),
    ("Japan ended its trade embargo on South Africa in 1991.", ("RETREAT", "JPN", "ZAF")),
    ("Canada dispatched rescue teams and field hospitals to Haiti after the storm.", ("AID", "CAN", "HTI")),
    # protest by one's body or one's work; a crowd massing; the demand names whom the protest faces
    ("Dozens of Moroccan prisoners refused food for a third week.", ("PROTEST", "MAR")),
    ("Teachers across Argentina walked off the job on Monday.", ("PROTEST", "ARG")),
    ("Thousands of Kenyan protesters massed outside parliament in Nairobi demanding that President Ruto resign.",
     ("PROTEST", "KEN", "KEN")),
    ("Four Bolivian miners began a hunger strike in La Paz demanding that President Arce step down.",
     ("PROTEST", "BOL", "BOL")),
    # a conditional statement of coercion by the speaker's own government is a threat (CAMEO 13)
    ("Ecuador's interior minister said the government could impose a curfew in Quito if the looting continued.",
     ("THREATEN", "ECU", "ECU", "asserted")),
    # a travel verb's subject decides: peacekeepers or protecting troops (AID), warships (MOBILIZE), people (CONSULT)
    ("Nepalese peacekeepers arrived in Juba on Friday.", ("AID", "NPL", "SSD")),
    ("Nigerian troops arrived in Freetown to restore order after the coup.", ("AID", "NGA", "SLE")),
    ("Turkish troops arrived in Qatar on Sunday.", ("MOBILIZE", "TUR", "QAT")),
    ("Indian soldiers arrived in Mongolia for joint military exercises.", ("COOPERATE", "IND", "MNG")),
    ("Modi landed in Tokyo on Saturday.", ("CONSULT", "IND", "JPN")),
    # joint bodies and joint work; the thing given after "with" decides the kind of giving
    ("Kenya set up a joint security cell with Somalia.", ("COOPERATE", "KEN", "SOM")),
    ("Czech and Slovak firefighters worked side by side for two days.", ("COOPERATE",)),
    ("Spain provided French investigators with phone records of the suspects.", ("COOPERATE", "ESP", "FRA")),
    # the condition ("if the government refused ...") ranks below the threat it conditions
    ("French farmers said they would block the motorways around Paris if the government refused to drop the new "
     "fuel tax.", ("THREATEN", "FRA", "FRA", "asserted")),
])
def test_subcode_frames(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


def test_permission_is_not_an_asserted_act() -> None:
    # "allowed Y to use": the use is permitted, not reported; the weapon's make is not the target
    evs = code_text("Germany allowed Ukraine to use German weapons against targets in Russia.", date="2024-05-31")
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert assault and all(e.factuality == "possible" for e in assault)
    assert {p.actor.code for e in assault for p in e.target} == {"RUS"}


def test_doer_possessive_is_not_the_target() -> None:
    evs = code_text("Denmark scaled back its relations with Moscow after the spy scandal.", date="2024-05-01")
    assert [(e.type, e.source[0].actor.code, e.target[0].actor.code) for e in evs if e.target][:1] == \
        [("SANCTION", "DNK", "RUS")]


@pytest.mark.parametrize("text, expected", [
    # whose claim is rejected or accepted: the author inside the object ("the accusations from Kyiv")
    ("Belgrade dismissed the accusations from Pristina as lies.", ("REJECT", "SRB", "XKX")),
    ("Armenia accepted the proposal from Moscow for a ceasefire.", ("AGREE", "ARM", "RUS")),
    # a text as the subject speaks for its author; "used X to" leaves the subject acting
    ("A report by the Pentagon accused North Korea of stealing cryptocurrency.", ("ACCUSE", "USA", "PRK")),
    ("The Pakistani envoy used his speech at the UN to condemn India's actions in Kashmir.", ("ACCUSE", "PAK", "IND")),
    # harm promised is a threat
    ("Tehran vowed to punish Israel for the killing.", ("THREATEN", "IRN", "ISR", "asserted")),
    # "told Y to leave": an expulsion, SANCTION for diplomats and agencies; "told Y to halt the offensive" asks
    ("Burkina Faso told the French ambassador to leave the country.", ("SANCTION", "BFA", "FRA")),
    # a foreign force sent home goes as a body (CAMEO 166 -> SANCTION); people deported one by one are COERCE
    ("Burkina Faso told the French soldiers to leave the country.", ("SANCTION", "BFA", "FRA")),
    ("Zambia ordered 2,000 Congolese traders to leave the Copperbelt.", ("COERCE", "ZMB", "COD")),
    ("Washington told Israel to halt the offensive in Gaza.", ("REQUEST", "USA", "ISR")),
    ("The junta ordered the French broadcaster to suspend its broadcasts in Mali.", ("COERCE", "MLI", "FRA")),
    # a spokesperson stands for whom they speak; "threw its weight behind" a capital supports its state
    ("A spokesman for the Malian junta apologised to Algeria's government.", ("SUPPORT", "MLI", "DZA")),
    ("Ankara threw its weight behind Baku during the talks.", ("SUPPORT", "TUR", "AZE")),
    # handing over power, revoking an order, easing curbs: concessions
    ("Sudan's generals handed power to a civilian prime minister.", ("CONCEDE", "SDN")),
    ("Singapore revoked a deportation order against an Indonesian activist.", ("CONCEDE", "SGP", "IDN")),
    # a verb the tagger reads as a noun still passes its subject to the verb coordinated with it
    ("A Bulgarian gunman shot and wounded the Greek consul in Sofia.", ("ASSAULT", "BGR", "GRC")),
    # a suicide bomber blowing himself up bombs; closing airspace to a state's airlines is a sanction
    ("A suicide bomber from Afghanistan blew himself up inside a market in Quetta.", ("ASSAULT",)),
    ("Canada banned Russian airlines from its airspace.", ("SANCTION", "CAN", "RUS")),
    # "pressed on with" carries the act it names; a defiance campaign is a protest
    ("Ukraine pressed on with its counteroffensive against Russian forces.", ("ASSAULT", "UKR", "RUS")),
    ("Nigerian workers pressed on with a general strike.", ("PROTEST", "NGA")),
    ("Kenyan church leaders launched a defiance campaign against the new tax law.", ("PROTEST", "KEN")),
    # concentrating troops, exporting weapons, valuing a partner
    ("Belarus has concentrated a large number of soldiers near the border with Ukraine.", ("MOBILIZE", "BLR", "UKR")),
    ("Iran exported drones and ammunition to Russia last year.", ("AID", "IRN", "RUS")),
    ("Vietnam exported rice to the Philippines.", ("COOPERATE", "VNM", "PHL")),
    ("Xi said that China values Serbia as a reliable partner.", ("SUPPORT", "CHN", "SRB")),
    # a warning about one's own act addresses the state it would hit, never the speaker itself
    ("Iran warned that it may strike weapons depots in Iraq.", ("THREATEN", "IRN", "IRQ")),
    # mercenaries travelling deploy, they do not visit
    ("Wagner fighters went to Bamako in December.", ("MOBILIZE", "RUS", "MLI")),
    # a protest by a people or a movement, named by no target, faces its own government (or whom it demands of)
    ("Young Moroccans blocked main avenues in the capital on Saturday.", ("PROTEST", "MAR", "MAR")),
    ("Kenyan students kept up their hunger strike to press for the resignation of President Ruto.",
     ("PROTEST", "KEN", "KEN")),
    # rallying support for someone backs them; a joint mission flown with a partner is cooperation
    ("Turkey rallied support for Azerbaijan at the summit.", ("SUPPORT", "TUR", "AZE")),
    ("Indian warplanes flew joint missions with the French air force.", ("COOPERATE",)),
    # taking part alongside a partner, pooling data: cooperation; warships sailing near a state: a show of force
    ("Kazakh paratroopers took part alongside Kyrgyz units in counter-terrorism exercises.", ("COOPERATE", "KAZ", "KGZ")),
    ("Estonia and Finland pooled surveillance data on Baltic shipping.", ("COOPERATE",)),
    ("Russian warships sailed into the Baltic Sea near Estonia.", ("MOBILIZE", "RUS", "EST")),
    # evacuating the wounded is relief; a promise made after an attack promises the talks, not the attack
    ("UN helicopters evacuated the wounded from Srebrenica.", ("AID", "UNO")),
    ("Turkey offered to mediate between Armenia and Azerbaijan following the clashes.", ("AGREE", "TUR")),
    # sanctions: a mistagged "froze", blacklisting, terrorist designations, walking out of mediation; a state
    # does not sanction itself ("assets they hold in the United States" is no target)
    ("Denmark froze part of its aid to Tanzania.", ("SANCTION", "DNK", "TZA")),
    ("The US Treasury blacklisted three Venezuelan officials.", ("SANCTION", "USA", "VEN")),
    ("Washington designated the Houthis a terrorist organisation.", ("SANCTION", "USA", "YEM")),
    ("Qatar withdrew from mediation between Israel and Hamas.", ("SANCTION", "QAT")),
    # a court finding someone guilty accuses them
    ("A Russian court found the American journalist guilty of espionage.", ("ACCUSE", "RUS", "USA")),
    # a complaint to a third party accuses whom it is about
    ("Serbia complained to the EU about the Croatian border checks.", ("ACCUSE", "SRB", "HRV")),
    # a sanction done in a place, with nobody named, falls on that place's state
    ("The World Food Programme suspended food deliveries in Mogadishu on Monday.", ("SANCTION", "UNO", "SOM")),
    # violence nobody claims is coded by the state where it struck (CAMEO convention), at a low actor confidence
    ("A roadside bomb near Kandahar killed two Canadian soldiers on Sunday.", ("ASSAULT", "AFG", "CAN")),
    # the doer's own troops are not what it withdraws from: the place left is the target
    ("Uganda withdrew its troops from eastern Congo in 2003.", ("RETREAT", "UGA", "COD")),
    ("Ethiopia pulled its soldiers out of Somalia.", ("RETREAT", "ETH", "SOM")),
    # the act outranks the reason trailing it
    ("Norway put its mediation role on hold, blaming Sri Lankan leaders for the deadlock.", ("SANCTION", "NOR", "LKA")),
])
def test_roles_and_ranking(text: str, expected: tuple[str, ...]) -> None:
    assert top(text)[:len(expected)] == expected


@pytest.mark.parametrize("text", [
    "The Nigerian president dismissed the army chief on Friday.",  # a personnel act, not a rejection
    "Ethiopian troops pushed Eritrean forces back across the border.",  # an advance, not a demand
    "Egypt's economy grew by four percent, a team of IMF economists concluded.",  # a finding, not a signing
    "The World Bank expects the economy of Kenya to grow by five percent.",  # a forecast, not a request
])
def test_senses_that_code_nothing(text: str) -> None:
    bad = {"REJECT", "REQUEST", "SUPPORT"}
    assert not [e for e in code_text(text, date="2024-05-01") if e.type in bad]


@pytest.mark.parametrize("text", [
    "The Turkish lira traded at 34 to the US dollar in Istanbul on Monday.",  # a price, not trade relations
    "Thailand received more than 28 million foreign tourists last year.",  # tourism, not a host visit
    "Voters in Chile and Peru go to the polls on Sunday.",  # an election, not a meeting
    "The Danish prime minister spoke to reporters after the cabinet meeting.",  # a meeting with nobody met
    "The Mercosur summit in Asuncion is scheduled to open on Friday.",
])
def test_no_event_between_actors(text: str) -> None:
    assert code_text(text, date="2024-05-01") == []


def test_a_call_needs_someone_called() -> None:
    # "called X" is a phone call only with a callee; naming ("which Argentina calls the Malvinas") and calling
    # elections code nothing
    assert top("Menem called his Chilean counterpart Eduardo Frei on Monday.")[:3] == ("CONSULT", "ARG", "CHL")
    for text in ("The islands, which Argentina calls the Malvinas, export wool.",
                 "Thailand's prime minister called early elections for March."):
        assert not [e for e in code_text(text, date="2024-05-01") if e.type in ("CONSULT", "ACCUSE")], text


def test_the_permission_outranks_what_it_permits() -> None:
    # "allowed the UN team to visit": the permission (CONCEDE or RETREAT by the parse) is the news
    typ, src, tgt, _ = top("Eritrea allowed the UN human rights team to visit two prisons near Asmara.")
    assert typ in ("CONCEDE", "RETREAT") and (src, tgt) == ("ERI", "UNO")


def test_an_office_without_its_state_takes_it_from_a_place_only() -> None:
    # "the president" is the president of the state the sentence places us in, never merely the only state named
    assert top("Opposition lawmakers in Peru called on the president to resign.")[:3] == ("REQUEST", "PER", "PER")
    evs = code_text("The president met the Chinese ambassador on Monday.", date="2024-05-01")
    assert not [e for e in evs if any(p.actor.code == "CHN" for p in e.source)]


def test_a_meeting_topic_is_not_a_party() -> None:
    # what was discussed ("restrictions on Belarusian dairy exports") names no one met
    evs = code_text("The Lithuanian minister discussed the restrictions on Belarusian dairy exports.", date="2024-05-01")
    assert not [e for e in evs if e.type == "CONSULT" and any(p.actor.code == "BLR" for p in e.target)]


def test_the_two_sides_are_the_two_parties_named_before() -> None:
    # "The two sides", "both countries": the last two states named in this sentence or the one before
    evs = code_text("Armenia and Azerbaijan signed a peace deal. The two countries agreed on a ceasefire.",
                    date="2024-05-01")
    second = [e for e in evs if e.sent_idx == 1]
    assert second and second[0].type == "AGREE"
    assert {second[0].source[0].actor.code, second[0].target[0].actor.code} == {"ARM", "AZE"}
    # with fewer than two parties before it, the phrase names nobody
    assert code_text("The two countries agreed on a ceasefire.", date="2024-05-01") == []


def test_a_state_does_not_sanction_itself() -> None:
    evs = code_text("The US froze any assets they hold in the United States.", date="2024-05-01")
    assert not [e for e in evs if e.type == "SANCTION" and [p.actor.code for p in e.target] == ["USA"]]
