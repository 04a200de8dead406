"""The fallback event typer: a classifier on sentence embeddings, for sentences the lexicon leaves uncoded.

Why: the lexicon types what it has a frame for and stays silent otherwise ("Indian navy ships conveyed drinking
water and rice to Bangladesh"). With the fallback on, a sentence that names an actor but matches no
frame gets one more look: a multinomial logistic regression (C = 8) trained on the example sentences in
``data/examples/`` (5,705 written for dyadline, one block per CAMEO sub-code; the ``wire*.yaml`` and
``modern*.yaml`` files are invented wire copy and online news added in the 2026-11 rounds; 804 sentences with
actors and no event, class NONE, let the classifier abstain).

Features (768 numbers, one all-MiniLM-L6-v2 forward pass): the mean-pooled embedding of the masked sentence,
and the model's contextual reading of the predicate, the mean of the token states of the main verb and its
particle ("called off"; under a reporting verb, the verb of the reported clause, as the coder picks it).
The sentence vector is dominated by topic (talks, troops, trade); the predicate vector says what was done.
Actor names are masked before embedding ("Russia shelled Kharkiv" -> "Country shelled Place"), so the
vectors speak of the act, not of who did it.

Measured (5-fold cross-validation on the examples as ``benchmarks/events.py`` runs it: unshuffled folds,
so mostly whole sub-codes are held out): typed accuracy 0.828 on the 5,705 examples (0.801 on 4,075, 0.783 on
2,146, 0.627 on the 1,160 before the wire files); at MIN_PROB 0.3 it fires on 97 % of typed examples (0.85 right
there) and on 9 % of the no-event ones; at 0.5 on 87 % (0.90 right) and 7 %. Invented sentences flatter it: on
the PLOVER-GSR dev half, which it never saw, its best type is right for 0.70 of the sentences.
Tried and dropped, no gain in cross-validation or on those sets: a second block for the object's head, a
separate embedding of the verb phrase's words, sparse lemma features (verb, verb+particle, verb+object),
other C values, balanced class weights and rescaled or standardised blocks.

The classifier only types. Who did it to whom comes from the parse (the subject's actor first), and
factuality, time, place and attribution go through the same code as a lexicon event. Its events carry
path "fallback" and a confidence of at most 0.5, so ``--min-confidence 0.5`` removes them all.

It is OFF by default (``--fallback`` or DYADLINE_FALLBACK=1 turns it on). In the whole pipeline (README,
Benchmarks -> Event coding) it lifts PLOVER-GSR held-out type@1 from 0.702 to 0.727 (every GSR sentence holds an
event), our own held-out set's from 0.896 to 0.927 while its no-event sentences with a false event go from
5.8 % to 11.7 %, and the wire held-out set's from 0.797 to 0.853 with no more false events (3 of 40 either
way). On our sample corpus of real articles it adds 44 events to 189 (it was kept off predicates that say
nothing between actors, see ``coder.FALLBACK_SILENT``, after a reading of the 44 it added before found about a
third right and the rest lines such as "X refused to comment", "X did not comment" or "X returned to Minsk").
Precision matters as much as recall, so the default stays rules-only.

Train after changing the examples or the features: ``python -m dyadline.events.fallback train`` (needs
scikit-learn); ``check`` says whether the shipped weights match the examples. The weights are tied to the
embedder and to FEATURES.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dyadline.ontology import TYPES

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
EXAMPLES = DATA / "examples"
WEIGHTS = DATA / "fallback.npz"
MIN_PROB = 0.3  # below this the classifier abstains (see README: false events on no-event sentences)
CONFIDENCE_SCALE = 0.5  # a fallback event's lexicon factor is 0.5 x its probability
MASK_VERSION = "ents-v1"
FEATURES = "sent+verb-v1"  # what the weights were trained on; part of the examples digest
MASKS = {"GPE": "Country", "NORP": "national", "PERSON": "Someone", "ORG": "Group", "LOC": "Place", "FAC": "Place"}


def mask_span(span: Any) -> str:
    """The span's text with named actors and places replaced by placeholders."""
    return masked(span)[0]


def masked(span: Any, keep: Any = ()) -> tuple[str, list[tuple[int, int]]]:
    """The masked text of the span and the character ranges, in that text, of the tokens in ``keep``
    (a token inside a masked name stands for the whole placeholder)."""
    base = span.start_char
    text = span.text
    want = {t.i for t in keep}
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    last = pos = 0  # last: offset in the original text; pos: length of the masked text so far

    def copy_upto(end: int) -> None:
        nonlocal last, pos
        for t in span[:]:
            if t.i in want and last <= t.idx - base < end:
                ranges.append((pos + t.idx - base - last, pos + t.idx - base - last + len(t.text)))
        parts.append(text[last:end])
        pos += end - last
        last = end

    for ent in span.ents:
        if ent.label_ in MASKS:
            copy_upto(ent.start_char - base)
            label = MASKS[ent.label_]
            if want & {t.i for t in ent}:
                ranges.append((pos, pos + len(label)))
            parts.append(label)
            pos += len(label)
            last = ent.end_char - base
    copy_upto(len(text))
    return "".join(parts), ranges


def predicate(span: Any) -> list[Any]:
    """The tokens that name the sentence's act: the main verb (the verb of the reported clause under a
    reporting verb, as the coder picks it) and its particle ("called off", "stepped up")."""
    from dyadline.events.frames import REPORTING

    clause = span.root
    if clause.lemma_.lower() in REPORTING:
        inner = [c for c in clause.children if c.dep_ == "ccomp"]
        clause = inner[0] if inner else clause
    return [clause] + [c for c in clause.children if c.dep_ == "prt"]


def featurize(spans: list[Any], embedder: Any) -> np.ndarray:
    """One row per sentence: the embedding of the masked sentence, then the model's contextual reading of
    its predicate: the mean of the predicate tokens' states in the same forward pass."""
    texts: list[str] = []
    groups: list[list[list[tuple[int, int]]]] = []
    for s in spans:
        text, ranges = masked(s, predicate(s))
        texts.append(text)
        groups.append([ranges])
    sent, parts = embedder.embed_with_spans(texts, groups)
    if not texts:
        return np.zeros((0, 2 * sent.shape[1]), dtype=np.float32)
    return np.hstack([sent, parts[:, 0]]).astype(np.float32)


def load_examples(folder: Path = EXAMPLES) -> list[dict[str, Any]]:
    import yaml

    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for rec in yaml.safe_load(path.read_text("utf-8")) or []:
            t = str(rec.get("type", "")).upper()
            if t != "NONE" and t not in TYPES:
                raise ValueError(f"{path.name}: unknown type {t!r} in example {rec.get('text', '')[:60]!r}")
            out.append({"text": rec["text"], "type": t})
    return out


def examples_digest(model_id: str, folder: Path = EXAMPLES) -> str:
    h = hashlib.sha256(f"{model_id}|{MASK_VERSION}|{FEATURES}".encode())
    for path in sorted(folder.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class Prediction:
    type: str
    prob: float
    ranked: list[tuple[str, float]]  # top three, for explain
    probs: dict[str, float]  # every class, for arbitrating between the rules' candidate types


class FallbackClassifier:
    def __init__(self, weights: Path = WEIGHTS, embedder: Any = None) -> None:
        from dyadline.nlp.embed import get_embedder

        with np.load(weights, allow_pickle=False) as z:
            self.W = z["W"]
            self.b = z["b"]
            self.classes = [str(c) for c in z["classes"]]
            self.model_id = str(z["model_id"])
            self.digest = str(z["digest"])
            features = str(z["features"]) if "features" in z.files else "sent-v0"
        if features != FEATURES:
            raise ValueError(f"fallback weights were trained on features {features!r}, not {FEATURES!r}; "
                             "retrain: python -m dyadline.events.fallback train")
        self.embedder = embedder or get_embedder()
        if self.embedder.model_id != self.model_id:
            raise ValueError(f"fallback weights were trained for {self.model_id}, not {self.embedder.model_id}; "
                             "retrain: python -m dyadline.events.fallback train")

    def predict_matrix(self, X: np.ndarray) -> list[Prediction]:
        if not len(X):
            return []
        logits = X @ self.W.T + self.b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        out = []
        for row in probs:
            order = np.argsort(-row)
            ranked = [(self.classes[i], round(float(row[i]), 3)) for i in order[:3]]
            out.append(Prediction(type=ranked[0][0], prob=ranked[0][1], ranked=ranked,
                                  probs={c: float(p) for c, p in zip(self.classes, row, strict=True)}))
        return out

    def predict_spans(self, spans: list[Any]) -> list[Prediction]:
        return self.predict_matrix(featurize(spans, self.embedder))

    def predict_span(self, span: Any) -> Prediction:
        return self.predict_spans([span])[0]


_UNAVAILABLE: list[str] = []


@lru_cache(maxsize=1)
def get_classifier() -> FallbackClassifier | None:
    """The shipped classifier, or None (logged once) when the embedder or the weights are missing."""
    try:
        return FallbackClassifier()
    except Exception as exc:  # noqa: BLE001 - any failure here only disables the fallback
        _UNAVAILABLE.append(str(exc))
        log.warning("event fallback classifier disabled: %s", exc)
        return None


def unavailable_reason() -> str:
    """Why ``get_classifier()`` returned None (empty when it did not)."""
    return _UNAVAILABLE[-1] if _UNAVAILABLE else ""


def example_matrix(embedder: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """The examples as the classifier sees them (``featurize`` on their parse) and their labels."""
    from dyadline.nlp.annotate import get_nlp
    from dyadline.nlp.embed import get_embedder

    recs = load_examples()
    spans = [d[:] for d in get_nlp().pipe([r["text"] for r in recs])]
    return featurize(spans, embedder or get_embedder()), np.array([r["type"] for r in recs])


def train(out: Path = WEIGHTS, c: float = 8.0) -> dict[str, Any]:
    """Fit the classifier on the examples and write its weights (deterministic: lbfgs, fixed data order)."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise SystemExit("training the fallback needs scikit-learn: pip install scikit-learn") from exc
    from dyadline.nlp.embed import get_embedder

    emb = get_embedder()
    X, y = example_matrix(emb)
    model = LogisticRegression(C=c, max_iter=5000).fit(X, y)
    np.savez_compressed(out, W=model.coef_.astype(np.float32), b=model.intercept_.astype(np.float32),
                        classes=np.array(model.classes_), model_id=np.array(emb.model_id),
                        features=np.array(FEATURES),
                        digest=np.array(examples_digest(emb.model_id)))
    return {"examples": len(y), "classes": len(model.classes_), "train_accuracy": float(model.score(X, y))}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    cmd = args[0] if args else "check"
    if cmd == "train":
        print(train())
        return 0
    if cmd == "check":
        from dyadline.nlp.embed import get_embedder

        with np.load(WEIGHTS, allow_pickle=False) as z:
            shipped = str(z["digest"])
        current = examples_digest(get_embedder().model_id)
        print("fallback weights are current" if shipped == current else
              "fallback weights are STALE: run python -m dyadline.events.fallback train")
        return 0 if shipped == current else 1
    print("usage: python -m dyadline.events.fallback [train|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
