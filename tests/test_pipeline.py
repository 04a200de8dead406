"""The pipeline core: batching, skip-through, counters."""

from __future__ import annotations

from collections.abc import Sequence

from dyadline.model import CONTRACT_FIELDS, Actor, Document, Event, Participant, content_hash
from dyadline.pipeline import Pipeline, batched


class Upper:
    name = "upper"

    def __init__(self) -> None:
        self.batch_sizes: list[int] = []

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        self.batch_sizes.append(len(docs))
        for d in docs:
            if not d.skip_reason:
                d.text = d.text.upper()
        return docs


class FailEmpty:
    name = "fail_empty"

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        for d in docs:
            if not d.skip_reason and not d.text:
                d.skip_reason = "error: empty"
        return docs


def test_stages_run_in_batches_and_skip_passes_through() -> None:
    upper = Upper()
    docs = [Document(origin=f"d{i}", text=f"text {i}" if i != 3 else "") for i in range(10)]
    p = Pipeline([FailEmpty(), upper], batch_size=4)
    result = p.run_all(docs)
    assert upper.batch_sizes == [4, 4, 2]
    assert [d.origin for d in result] == [f"d{i}" for i in range(10)]
    assert result[0].text == "TEXT 0"
    assert result[3].skip_reason == "error: empty" and result[3].text == ""
    assert p.stats.read == 10 and p.stats.processed == 9
    assert p.stats.errors == [("d3", "empty")]
    assert any("error: d3: empty" in line for line in p.stats.summary_lines())


def test_language_skips_are_counted_per_language() -> None:
    docs = [Document(origin="a", text="x", language="uk", skip_reason="language: uk"),
            Document(origin="b", text="y", language="uk", skip_reason="language: uk")]
    p = Pipeline([Upper()])
    p.run_all(docs)
    assert p.stats.languages_set_aside["uk"] == 2
    assert "set aside (language uk): 2" in p.stats.summary_lines()


def test_batched_streams_lazily() -> None:
    def gen():  # type: ignore[no-untyped-def]
        for i in range(5):
            yield Document(origin=str(i))

    batches = batched(gen(), 2)
    assert [len(b) for b in batches] == [2, 2, 1]


def test_content_hash_ignores_whitespace_and_case() -> None:
    assert content_hash("Belarus  and\nChina") == content_hash("belarus and china")
    assert content_hash("Belarus and China") != content_hash("Belarus and Russia")


def test_event_contract_has_exactly_the_public_fields_and_a_stable_id() -> None:
    ev = Event(
        doc_id="d1", sent_idx=0, sentence="Lukashenko visited China.", evidence=(0, 25), type="CONSULT",
        mode="visit", quad=1, score=1.0,
        source=[Participant("Lukashenko", Actor("BLR", "GOV", "Alexander Lukashenko"))],
        target=[Participant("China", Actor("CHN"))], trigger="visited",
    )
    rec = ev.to_contract()
    assert tuple(rec) == CONTRACT_FIELDS
    assert rec["source"] == [{"text": "Lukashenko", "code": "BLR", "sector": "GOV", "name": "Alexander Lukashenko"}]
    twin = Event(**{**{f: getattr(ev, f) for f in ev.__slots__}, "event_id": ""})  # type: ignore[attr-defined]
    assert twin.make_id() == rec["event_id"]


def test_spacy_model_can_be_chosen_and_a_missing_one_is_named(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from dyadline.nlp import annotate

    monkeypatch.setenv("DYADLINE_SPACY_MODEL", "no_such_spacy_model_xyz")
    annotate.get_nlp.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="no English spaCy model"):
            annotate.get_nlp()
    finally:
        monkeypatch.delenv("DYADLINE_SPACY_MODEL")
        annotate.get_nlp.cache_clear()
    assert annotate.get_nlp().lang == "en"
