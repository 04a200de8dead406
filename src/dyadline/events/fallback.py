"""The fallback event typer: a classifier on sentence embeddings, for sentences the lexicon leaves uncoded.

Why: the lexicon types what it has a frame for and stays silent otherwise ("Kenyan and Ugandan rangers
launched a combined sweep", "Lima says sorry to Quito"). With the fallback on, a sentence that names an actor but matches no
frame gets one more look: a multinomial logistic regression over all-MiniLM-L6-v2 embeddings, trained on
the example sentences in ``data/examples/`` (written for dyadline, one block per CAMEO sub-code, plus
sentences with actors and no event, class NONE, so the classifier can abstain).

Actor names are masked before embedding ("Russia shelled Kharkiv" -> "Country shelled Place"): the
embedding then speaks of the act, not of who did it, which measured better on our own examples and on
the GSR dev half than raw text.

The classifier only types. Who did it to whom comes from the parse (the subject's actor first), and
factuality, time, place and attribution go through the same code as a lexicon event. Its events carry
path "fallback" and a confidence of at most 0.5, so ``--min-confidence 0.5`` removes them all.

It is OFF by default (``--fallback`` or DYADLINE_FALLBACK=1 turns it on). Measured: it lifts PLOVER-GSR
held-out type@1 by about 0.025, because every GSR sentence holds an event; on our sample corpus of real
articles it adds about 60 events to about 170 and most of them are wrong ("X did not comment", "X wants
to export"). A stricter variant (a coded target and p >= 0.5) kept precision near 45 % but its GSR gain
vanished. Precision matters as much as recall, so the default stays rules-only.

Train after changing the examples: ``python -m dyadline.events.fallback train`` (needs scikit-learn);
``check`` says whether the shipped weights match the examples. The weights are tied to the embedder.
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
MASKS = {"GPE": "Country", "NORP": "national", "PERSON": "Someone", "ORG": "Group", "LOC": "Place", "FAC": "Place"}


def mask_span(span: Any) -> str:
    """The span's text with named actors and places replaced by placeholders."""
    parts: list[str] = []
    base = span.start_char
    text = span.text
    last = 0
    for ent in span.ents:
        if ent.label_ in MASKS:
            parts.append(text[last:ent.start_char - base])
            parts.append(MASKS[ent.label_])
            last = ent.end_char - base
    parts.append(text[last:])
    return "".join(parts)


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
    h = hashlib.sha256(f"{model_id}|{MASK_VERSION}".encode())
    for path in sorted(folder.glob("*.yaml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class Prediction:
    type: str
    prob: float
    ranked: list[tuple[str, float]]  # top three, for explain


class FallbackClassifier:
    def __init__(self, weights: Path = WEIGHTS, embedder: Any = None) -> None:
        from dyadline.nlp.embed import get_embedder

        with np.load(weights, allow_pickle=False) as z:
            self.W = z["W"]
            self.b = z["b"]
            self.classes = [str(c) for c in z["classes"]]
            self.model_id = str(z["model_id"])
            self.digest = str(z["digest"])
        self.embedder = embedder or get_embedder()
        if self.embedder.model_id != self.model_id:
            raise ValueError(f"fallback weights were trained for {self.model_id}, not {self.embedder.model_id}; "
                             "retrain: python -m dyadline.events.fallback train")

    def predict_texts(self, texts: list[str]) -> list[Prediction]:
        if not texts:
            return []
        logits = self.embedder.embed(texts) @ self.W.T + self.b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        out = []
        for row in probs:
            order = np.argsort(-row)
            ranked = [(self.classes[i], round(float(row[i]), 3)) for i in order[:3]]
            out.append(Prediction(type=ranked[0][0], prob=ranked[0][1], ranked=ranked))
        return out

    def predict_span(self, span: Any) -> Prediction:
        return self.predict_texts([mask_span(span)])[0]


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
    """The examples as the classifier sees them: masked-sentence embeddings and their labels."""
    from dyadline.nlp.annotate import get_nlp
    from dyadline.nlp.embed import get_embedder

    recs = load_examples()
    texts = [mask_span(d[:]) for d in get_nlp().pipe([r["text"] for r in recs])]
    return (embedder or get_embedder()).embed(texts), np.array([r["type"] for r in recs])


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
