"""Frame kinds: who did what to whom, from the parse (actors given by hand, see events.testing)."""

from __future__ import annotations

import pytest

from dyadline.events.coder import CodeEvents, EventCoder
from dyadline.events.testing import doc_with_mentions
from dyadline.model import Actor, Document, Mention

ACTORS = {
    "Belarus": "BLR", "Minsk": "BLR", "Lukashenko": "BLR", "Russia": "RUS", "Moscow": "RUS", "Putin": "RUS",
    "China": "CHN", "Beijing": "CHN", "Washington": "USA", "Brussels": "EUR", "EU": "EUR", "Ukraine": "UKR",
    "Kyiv": "UKR", "Poland": "POL", "Lithuania": "LTU", "the Belarusian president": "BLR", "Zelensky": "UKR",
}


def code(text: str, date: str | None = "2024-09-08", **kw: object) -> list:
    return EventCoder().code(doc_with_mentions(text, ACTORS, date=date, **kw))  # type: ignore[arg-type]


def triples(events: list) -> set[tuple[str, str, str]]:
    return {(e.type, ",".join(p.actor.code for p in e.source) or "-", ",".join(p.actor.code for p in e.target) or "-")
            for e in events}


def test_active_voice() -> None:
    assert ("ASSAULT", "RUS", "UKR") in triples(code("Russia attacked Ukraine."))


def test_passive_voice_keeps_agent_as_source() -> None:
    evs = code("Sanctions were imposed on Belarus by the EU.")
    assert ("SANCTION", "EUR", "BLR") in triples(evs)
    assert evs[0].explanation["frame"]["path"] == "passive"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Belarus handed over the launchers to Russia.", ("AID", "BLR", "RUS")),
        ("Lukashenko met with Putin.", ("CONSULT", "BLR", "RUS")),
        ("Poland protested against Belarus.", ("ACCUSE", "POL", "BLR")),
        ("The EU imposed new sanctions on Belarus.", ("SANCTION", "EUR", "BLR")),
    ],
)
def test_prepositional_recipients(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text))


def test_control_verb_want_object_is_target() -> None:
    evs = code("Moscow wants Minsk to open a second front.")
    assert ("REQUEST", "RUS", "BLR") in triples(evs)


def test_urge_gives_request() -> None:
    assert ("REQUEST", "USA", "CHN") in triples(code("Washington urged Beijing to stop buying Russian oil."))


def test_warn_that_gives_threaten() -> None:
    assert ("THREATEN", "POL", "BLR") in triples(code("Poland warned Belarus that it would close the border."))


def test_agree_with_to_gives_agree() -> None:
    assert ("AGREE", "BLR", "CHN") in triples(code("Belarus agreed with China to build a new factory."))


def test_coordinated_sources_give_one_event_each() -> None:
    t = triples(code("Washington and Brussels warned Beijing not to sell arms to Russia."))
    assert ("THREATEN", "USA", "CHN") in t and ("THREATEN", "EUR", "CHN") in t
    assert not any(typ == "AID" for typ, _, _ in t)  # the clause under "warned" is coded through it


def test_coordinated_targets_give_one_event_each() -> None:
    t = triples(code("China criticized Russia and Ukraine."))
    assert ("ACCUSE", "CHN", "RUS") in t and ("ACCUSE", "CHN", "UKR") in t


def test_reciprocal_agreement() -> None:
    evs = [e for e in code("Belarus and China agreed to expand trade.") if e.type == "AGREE"]
    assert evs and evs[0].reciprocal
    assert {evs[0].source[0].actor.code, evs[0].target[0].actor.code} == {"BLR", "CHN"}


def test_nominal_visit() -> None:
    evs = code("Putin's visit to Minsk was short.")
    assert ("CONSULT", "RUS", "BLR") in triples(evs)
    assert evs[0].mode == "visit"


def test_nominal_sanctions_and_pressure() -> None:
    assert ("SANCTION", "EUR", "BLR") in triples(code("EU sanctions against Belarus hurt the economy."))
    assert ("COERCE", "RUS", "BLR") in triples(code("Moscow's pressure on Lukashenko grew."))


def test_nominal_mediation_of() -> None:
    t = triples(code("The talks ended without the mediation of the Belarusian president between Russia and Ukraine."))
    assert ("CONSULT", "BLR", "RUS") in t or ("CONSULT", "BLR", "UKR") in t


def test_light_verb_passes_noun_event() -> None:
    assert ("CONSULT", "BLR", "CHN") in triples(code("Lukashenko paid a visit to China."))


def test_pronoun_subject_resolved_by_actor_mention() -> None:
    """The actors stage marks a pronoun with the actor it stands for (rule 'coref'); frames use it."""
    text = "Lukashenko arrived in Beijing. He criticized Lithuania."
    doc = doc_with_mentions(text, {"Lukashenko": "BLR", "Beijing": "CHN", "Lithuania": "LTU"})
    he = text.index("He")
    tok = doc.nlp.char_span(he, he + 2)
    doc.mentions.append(Mention(text="He", start=he, end=he + 2, sent_idx=1, actor=Actor(code="BLR", kind="person"),
                                token_start=tok.start, token_end=tok.end, rule="coref", confidence=0.7))
    evs = [e for e in EventCoder().code(doc) if e.type == "ACCUSE"]
    assert evs and evs[0].source[0].actor.code == "BLR" and evs[0].source[0].rule == "coref"


def test_pronoun_under_reporting_verb_is_the_speaker() -> None:
    evs = code("Poland said it would expel Belarusian diplomats from Lithuania.")
    assert any(e.source and e.source[0].actor.code == "POL" for e in evs)


def test_no_actor_no_event() -> None:
    assert code("The weather was cold and the roads were icy.") == []
    assert code("Rebels attacked the village.") == []  # no actor mention: nothing to code


def test_stage_contract_fields() -> None:
    doc = doc_with_mentions("Belarus cannot hand over the launchers to Russia.", ACTORS, site="example.org")
    skipped = Document(origin="x", text="Russia attacked Ukraine.", skip_reason="language: ru")
    out = CodeEvents()([doc, skipped])
    assert out[1].events == []
    ev = out[0].events[0]
    c = ev.to_contract()
    assert c["type"] == "AID" and c["quad"] == 2 and c["factuality"] == "negated"
    assert c["evidence"] == [0, len(doc.text)]
    assert doc.text[ev.trigger_span[0]:ev.trigger_span[1]].startswith("hand")
    assert c["date"] == "2024-09-08" and c["date_precision"] == "document"
    assert c["event_id"].startswith("ev_")


def test_lexicon_extension_file(tmp_path, monkeypatch) -> None:
    from dyadline.events.lexicon import Lexicon

    extra = tmp_path / "mine.yaml"
    extra.write_text("verbs:\n  - lemma: snub\n    type: SANCTION\n    mode: withdraw\n", encoding="utf-8")
    lex = Lexicon.load([extra])
    doc = doc_with_mentions("Belarus snubbed Lithuania.", ACTORS)
    evs = EventCoder(lex).code(doc)
    assert ("SANCTION", "BLR", "LTU") in triples(evs)
