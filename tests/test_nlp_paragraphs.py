"""Paragraph breaks end sentences: headlines, datelines and captions carry no full stop."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dyadline.model import Document
from dyadline.nlp.annotate import Annotate, paragraph_starts


def _sentences(text: str) -> list[str]:
    doc = Document(origin="t", text=text, given_id="t", date=None)
    doc.finalize_ids()
    Annotate()([doc])
    return [s.text for s in doc.sentences]


def test_a_headline_without_a_full_stop_is_its_own_sentence() -> None:
    text = ("Brussels condemns shelling of aid convoy\n\n"
            "Published: 3 March 2011\n\n"
            "Ministers met in Geneva on Tuesday. They agreed to resume talks.")
    assert _sentences(text) == [
        "Brussels condemns shelling of aid convoy",
        "Published: 3 March 2011",
        "Ministers met in Geneva on Tuesday.",
        "They agreed to resume talks.",
    ]


def test_one_paragraph_per_line_breaks_at_every_line() -> None:
    # our HTML extraction writes one paragraph per line, with no blank lines
    assert _sentences("Troops cross the border\nThe army said it had moved two brigades.") == [
        "Troops cross the border",
        "The army said it had moved two brigades.",
    ]


def test_hard_wrapped_plain_text_keeps_its_sentences_whole() -> None:
    text = "The foreign minister said\nthat the talks had gone well.\n\nHe flew home on Friday."
    assert _sentences(text) == [
        "The foreign minister said\nthat the talks had gone well.",
        "He flew home on Friday.",
    ]


def test_paragraph_starts_are_offsets_of_paragraph_text() -> None:
    text = "Title\n\n  Body one.\n\nBody two."
    assert [text[i:i + 4] for i in paragraph_starts(text)] == ["Body", "Body"]
    assert paragraph_starts("One line only.") == []
    assert paragraph_starts("Trailing break\n\n") == []


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t")), max_size=60))
def test_paragraph_starts_never_point_at_whitespace_or_outside_the_text(text: str) -> None:
    for i in paragraph_starts(text):
        assert 0 < i < len(text)
        assert not text[i].isspace()
        assert "\n" in text[:i]
