"""Attribution, time, place and explanations around one event."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dyadline.events.coder import EventCoder
from dyadline.events.testing import doc_with_mentions
from dyadline.events.time import is_historical, normalise
from dyadline.model import Location

ACTORS = {"Belarus": "BLR", "Minsk": "BLR", "Lukashenko": "BLR", "Russia": "RUS", "China": "CHN", "Beijing": "CHN",
          "Ukraine": "UKR", "Kyiv": "UKR", "Poland": "POL", "the Kremlin": "RUS", "The Kremlin": "RUS"}


def events(text: str, **kw: object) -> list:
    return EventCoder().code(doc_with_mentions(text, ACTORS, **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------ attribution
def test_according_to_names_the_speaker_not_the_title() -> None:
    ev = events("According to columnist Nikola Mikovich, Belarus cannot hand over the launchers to Russia.")[0]
    assert ev.attribution is not None and ev.attribution.text == "Nikola Mikovich"


def test_said_gives_the_speaker_and_wrote_in_gives_the_publication() -> None:
    ev = events("The Kremlin asked Minsk for more weapons, Mikovich wrote in an article for the Global Outlook portal.")[0]
    assert ev.type == "REQUEST" and ev.attribution is not None
    assert ev.attribution.chain[-1] == "Mikovich" and "Global Outlook" in ev.attribution.chain[-2]


def test_chain_runs_page_outlet_credited_outlet_speaker() -> None:
    ev = events("Officials said Russia attacked Ukraine.", site="news.example", source_outlet="online.ua")[0]
    assert ev.attribution is not None and ev.attribution.chain == ["news.example", "online.ua", "Officials"]


def test_credited_outlet_alone_is_the_attribution() -> None:
    ev = events("Russia attacked Ukraine.", site="news.example", source_outlet="online.ua")[0]
    assert ev.attribution is not None and ev.attribution.text == "online.ua" and ev.attribution.kind == "outlet"


def test_outlet_itself_asserting_gives_null() -> None:
    assert events("Russia attacked Ukraine.", site="news.example")[0].attribution is None


def test_a_time_clause_of_a_future_has_not_happened() -> None:
    # "would take effect only after the EU lifts sanctions": the lifting is expected, not reported
    evs = events("Russia said the deal would take effect only after Poland lifts its sanctions on Belarus.")
    lifted = [e for e in evs if e.type == "RETREAT"]
    assert lifted and lifted[0].factuality == "possible"


def test_a_declaring_verb_is_not_its_own_attribution() -> None:
    # "declared" is a reporting verb, but as the event's own trigger it reports nothing: the outlet asserts it
    evs = [e for e in events("Poland declared a state of emergency along the border with Belarus.") if e.type == "COERCE"]
    assert evs and evs[0].attribution is None


def test_lede_inherits_attribution_of_restating_sentence() -> None:
    text = ("Belarus cannot hand over the launchers to Russia. According to columnist Nikola Mikovich, "
            "Minsk cannot transfer them without consent from China.")
    first = [e for e in events(text) if e.sent_idx == 0 and e.type == "AID"][0]
    assert first.factuality == "negated" and first.attribution is not None
    assert first.attribution.text == "Nikola Mikovich"


# ------------------------------------------------------------------ time
@pytest.mark.parametrize(
    "expr, value, precision",
    [
        ("on 5 September", "2024-09-05", "day"),
        ("last Tuesday", "2024-09-03", "day"),
        ("in May", "2024-05", "month"),
        ("in 1988", "1988", "year"),
        ("yesterday", "2024-09-07", "day"),
        # a span of days starts on its first day; "16 - 17" is no year 1917
        ("August 16 - 17", "2024-08-16", "day"),
        ("3-5 September", "2024-09-03", "day"),
        ("between 2 and 4 July", "2024-07-02", "day"),
        ("March 12 to 14, 2021", "2021-03-12", "day"),
    ],
)
def test_normalise_relative_to_document_date(expr: str, value: str, precision: str) -> None:
    assert normalise(expr, "2024-09-08") == (value, precision)


def test_span_of_days_is_not_a_historical_event() -> None:
    ev = [e for e in events("Lukashenko visited China on August 16 - 17.", date="2024-09-08") if e.type == "CONSULT"][0]
    assert (ev.date, ev.historical) == ("2024-08-16", False)


def test_durations_are_not_dates() -> None:
    assert normalise("three years", "2024-09-08") is None


def test_event_date_and_precision() -> None:
    ev = events("Lukashenko visited China on 5 September.", date="2024-09-08")[0]
    assert (ev.date, ev.date_precision, ev.historical) == ("2024-09-05", "day", False)
    ev = events("Lukashenko visited China.", date="2024-09-08")[0]
    assert (ev.date, ev.date_precision) == ("2024-09-08", "document")


def test_historical_reference() -> None:
    ev = events("In 1988 Russia attacked Ukraine.", date="2024-09-08")[0]
    assert ev.date == "1988" and ev.historical
    assert not is_historical("2024-09", "2024-09-08")


# ------------------------------------------------------------------ place
def test_location_from_locative_and_visit(monkeypatch: pytest.MonkeyPatch) -> None:
    import dyadline.events.place as place

    table = {"Minsk": Location("Minsk", "BLR", 53.9, 27.57), "China": Location("China", "CHN", 35.0, 103.0)}
    monkeypatch.setattr(place, "_lookup", lambda text: table.get(text))
    ev = events("Lukashenko met Putin in Minsk.", locations={"Minsk": "BLR"})[0]
    assert ev.location is not None and ev.location.text == "Minsk" and ev.location.code == "BLR"
    ev = events("Lukashenko visited China.")[0]
    assert ev.location is not None and ev.location.code == "CHN"


# ------------------------------------------------------------------ explain
def test_explain_on_given_document_lists_every_decision() -> None:
    from dyadline.events.explain import explain, render

    doc = doc_with_mentions("According to Mikovich, Belarus cannot hand over the launchers to Russia.", ACTORS)
    res = explain(doc.text, "2024-09-08", doc=doc)
    ev = res["events"][0]
    assert ev["factuality"] == "negated" and ev["explanation"]["frame"]["lexicon"]["lemma"] == "hand over"
    assert ev["explanation"]["attribution_cues"] == ["according to"]
    text = render(res)
    assert "negation" in text and "hand over" in text and "Mikovich" in text


def test_explain_cli_runs() -> None:
    from dyadline.cli import app

    result = CliRunner().invoke(app, ["explain", "Russia attacked Ukraine.", "--date", "2024-09-08", "--json"])
    assert result.exit_code == 0, result.output
    assert '"parse"' in result.output
