"""Sentences that name states but report no political event must code nothing (precision guards).
Sentences written for these tests; the full pipeline codes each one."""

from __future__ import annotations

import pytest

from dyadline import code_text
from dyadline.events.lexicon import Lexicon
from dyadline.events.offtopic import sports_cue


@pytest.mark.parametrize("text", [
    "Brazil beat Argentina 2-1 in Rio de Janeiro on Tuesday to move top of the qualifying group.",
    "India crushed Pakistan by eight wickets in the Asia Cup clash in Colombo.",
    "Japan and Germany shared the bronze medals at the table tennis world championships.",
    "Djibouti hosts military bases belonging to the United States, France and China.",
    "Smoke from forest fires in Indonesia blanketed Singapore and parts of Malaysia for a week.",
    "Vietnam's foreign ministry spokeswoman declined to comment on the reports from Beijing.",
    "Brazil's soybean harvest is expected to reach a record, with most of the crop destined for China.",
    "Police defused a bomb outside the Russian embassy in Kyiv.",
    "Russia said it would return to the deal if the West meets its obligations.",
    "Ukraine will defend its sovereignty with all available means.",
])
def test_no_event(text: str) -> None:
    assert code_text(text, date="2024-05-01") == []


def test_a_real_conflict_near_a_stadium_is_still_coded() -> None:
    evs = code_text("Russia attacked Ukrainian positions near the stadium in Donetsk.", date="2024-05-01")
    assert [(e.type, e.source[0].actor.code) for e in evs][:1] == [("ASSAULT", "RUS")]


def test_sports_cues() -> None:
    assert sports_cue("Croatia won 3-1 in the final") is not None
    assert sports_cue("the final agreement was signed in 2-3 days") is None  # a score-like span alone is not enough
    assert sports_cue("talks on the final status of Kosovo") is None


def test_schedule_makes_an_act_possible() -> None:
    evs = code_text("The Japanese prime minister is due to arrive in Canberra on Sunday.", date="2024-05-01")
    assert evs and all(e.factuality == "possible" for e in evs)


def test_refusing_other_things_is_still_a_rejection() -> None:
    evs = code_text("Iran refused to hand over the suspects to France.", date="2024-05-01")
    assert [(e.type, e.source[0].actor.code, e.target[0].actor.code) for e in evs][:1] == [("REJECT", "IRN", "FRA")]


def test_none_entries_block_a_sense_and_unknown_types_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    lex = Lexicon.load()
    assert lex.verb("host", None, {"base"}).type == "NONE"  # type: ignore[union-attr]
    assert lex.verb("host", None, {"president"}).type == "CONSULT"  # type: ignore[union-attr]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"verbs": [{"lemma": "zap", "type": "ZAPPING"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        Lexicon.load([bad])


def test_political_leagues_are_not_sport() -> None:
    assert sports_cue("The Arab League condemned the strike on Gaza.") is None
    assert sports_cue("The National League for Democracy won 396 seats.") is None


def test_a_political_act_in_a_sports_sentence_is_kept() -> None:
    evs = code_text("Ghanaian police detained 30 opposition supporters for taking part in a charity football match in Accra.",
                    date="2024-05-01")
    assert [e.type for e in evs][:1] == ["COERCE"]
