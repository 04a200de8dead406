"""The verb and noun frame lexicon (events/data/*.yaml), loaded once.

Why a data file: analysts disagree about individual verbs ("sign" as AGREE or SUPPORT, "expel" as
SANCTION or COERCE) and newsrooms have their own vocabulary; an entry they can read and add to beats
weights they cannot. Extra entries come from files named in ``DYADLINE_LEXICON`` (os.pathsep separated),
loaded after the bundled ones so they win on equal specificity.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dyadline.ontology import TYPES, normalise_type

DATA = Path(__file__).parent / "data"

DEFAULT_VERB_SOURCE = ("subj",)
DEFAULT_VERB_TARGET = ("obj",)
DEFAULT_NOUN_SOURCE = ("poss", "amod", "compound", "by")
DEFAULT_NOUN_TARGET = ("to", "against", "on")

# Verbs that carry no event of their own but pass one from their object noun to their subject:
# "imposed sanctions on", "paid a visit to", "held talks with", "launched an attack on".
LIGHT_VERBS = frozenset(
    """make hold pay launch carry conduct stage impose issue give express begin start continue mount
    deliver level lodge file hold have open resume announce extend offer voice reach sign conclude
    seal strike order step up intensify escalate renew declare send observe adopt approve introduce unveil authorize authorise
    slap enact expand tighten provide wage unleash initiate accelerate speed hasten complete finish pursue repeat reiterate
    set form establish create run lay put exert apply bring""".split()
)

# Adjectives that govern a clause like a wrapper verb: "X is willing / ready / prepared to ...".
WRAPPER_ADJECTIVES: dict[str, str] = {
    "willing": "AGREE", "ready": "AGREE", "prepared": "AGREE", "eager": "AGREE", "keen": "AGREE",
    "determined": "THREATEN",
}


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One frame: a lemma, what it codes, and where its actors are found."""

    lemma: str
    pos: str  # "verb" | "noun"
    type: str
    mode: str | None = None
    source: tuple[str, ...] = DEFAULT_VERB_SOURCE
    target: tuple[str, ...] = DEFAULT_VERB_TARGET
    prt: str | None = None
    obj: frozenset[str] = field(default_factory=frozenset)
    wrapper: bool = False
    coop: str | None = None
    conflict: str | None = None
    # a wrapper that codes only through an event in the clause under it ("stopped funding the agency" is a
    # sanction; "ceased to be a great power" is nothing)
    needs_event: bool = False
    complement_target: bool = False
    needs_target: bool = False  # no event without a target ("called Frei" is a call, "called elections" is not)
    reciprocal: bool = False
    civil: str | None = None  # the type when the doers are a crowd or civil society ("students protested")
    crowd: str | None = None  # the type when every doer is a crowd ("rioters torched", "crowds demanded")
    needs: frozenset[str] = field(default_factory=frozenset)  # "pred", "clause" or prepositions: one must be there
    subj: frozenset[str] = field(default_factory=frozenset)  # the subject phrase must hold one of these lemmas
    confidence: float = 0.8
    origin: str = ""

    @property
    def specificity(self) -> int:
        """Entries with a particle, object, ``needs`` or subject constraint are tried before plain ones; a subject
        constraint names who acts, which says more than a preposition being there ("ministers gathered in Riyadh"
        is a meeting, whatever a crowd gathering in a place is)."""
        return (2 if self.prt else 0) + (1 if self.obj else 0) + (1 if self.needs else 0) + (2 if self.subj else 0)

    def describe(self) -> dict[str, Any]:
        return {
            "lemma": self.lemma + (f" {self.prt}" if self.prt else ""), "pos": self.pos, "type": self.type,
            "mode": self.mode, "source": list(self.source), "target": list(self.target),
            "obj": sorted(self.obj) or None, "subj": sorted(self.subj) or None, "wrapper": self.wrapper,
            "origin": self.origin,
        }


# A lexicon entry of this type blocks a sense: "hosts military bases", "forest fires", "beat X 2-1" match a more
# specific entry that says the word codes no event here, so the general frame of the same word does not fire.
NOT_AN_EVENT = "NONE"


def _as_tuple(v: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    if v is None:
        return default
    if isinstance(v, str | bool):
        v = [v]
    # YAML 1.1 reads a bare `on` as True: users should not have to quote prepositions.
    return tuple("on" if x is True else "off" if x is False else str(x) for x in v)


def _entries(raw: list[dict[str, Any]], pos: str, origin: str) -> list[LexEntry]:
    out: list[LexEntry] = []
    for i, item in enumerate(raw or []):
        typ = normalise_type(str(item["type"]))
        if typ not in TYPES and typ != NOT_AN_EVENT:
            raise ValueError(f"{origin}: entry {i + 1}: unknown PLOVER type {item['type']!r} "
                             f"(or {NOT_AN_EVENT} for a sense that is no event)")
        lemmas = item["lemma"] if isinstance(item["lemma"], list) else [item["lemma"]]
        # one entry per lemma and per particle: "prt: [aside, off]" is "brush aside" and "brush off"
        for lemma, prt in ((lm, p) for lm in lemmas for p in _as_tuple(item.get("prt"), ("",))):
            out.append(
                LexEntry(
                    lemma=str(lemma).lower(), pos=pos, type=typ, mode=item.get("mode"),
                    source=_as_tuple(item.get("source"), DEFAULT_VERB_SOURCE if pos == "verb" else DEFAULT_NOUN_SOURCE),
                    target=_as_tuple(item.get("target"), DEFAULT_VERB_TARGET if pos == "verb" else DEFAULT_NOUN_TARGET),
                    prt=prt or None, obj=frozenset(str(o).lower() for o in item.get("obj") or ()),
                    wrapper=bool(item.get("wrapper", False)),
                    coop=normalise_type(item["coop"]) if item.get("coop") else None,
                    conflict=normalise_type(item["conflict"]) if item.get("conflict") else None,
                    needs_event=bool(item.get("needs_event", False)),
                    complement_target=bool(item.get("complement_target", False)),
                    needs_target=bool(item.get("needs_target", False)),
                    reciprocal=bool(item.get("reciprocal", False)),
                    civil=normalise_type(item["civil"]) if item.get("civil") else None,
                    crowd=normalise_type(item["crowd"]) if item.get("crowd") else None,
                    needs=frozenset(_as_tuple(item.get("needs"), ())),
                    subj=frozenset(str(o).lower() for o in item.get("subj") or ()),
                    confidence=float(item.get("confidence", 0.8 if pos == "verb" else 0.6)),
                    origin=f"{origin}#{i + 1}",
                )
            )
    return out


class Lexicon:
    """Lemma -> candidate frames, most specific first."""

    def __init__(self, verbs: list[LexEntry], nouns: list[LexEntry]) -> None:
        self.verbs: dict[str, list[LexEntry]] = {}
        self.nouns: dict[str, list[LexEntry]] = {}
        for table, entries in ((self.verbs, verbs), (self.nouns, nouns)):
            for e in entries:
                table.setdefault(e.lemma, []).insert(0, e)  # later files first
            for lst in table.values():
                lst.sort(key=lambda e: -e.specificity)

    @classmethod
    def load(cls, extra: list[Path] | None = None) -> Lexicon:
        verbs = _entries(yaml.safe_load((DATA / "verbs.yaml").read_text("utf-8")), "verb", "verbs.yaml")
        nouns = _entries(yaml.safe_load((DATA / "nouns.yaml").read_text("utf-8")), "noun", "nouns.yaml")
        for path in extra or []:
            data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
            verbs += _entries(data.get("verbs", []), "verb", Path(path).name)
            nouns += _entries(data.get("nouns", []), "noun", Path(path).name)
        return cls(verbs, nouns)

    def verb(self, lemma: str, prt: str | None, obj_lemmas: set[str] | str | None = None,
             features: set[str] | None = None, head: str | None = None,
             subj_lemmas: set[str] | None = None) -> LexEntry | None:
        """The most specific entry whose particle, object and ``needs`` constraints the clause meets.

        ``features`` names what the clause has: "pred" (a predicative complement: "called the decision
        unjustified"), "clause" (a governed clause: "allowed Ukraine to use"), and its prepositions.
        ``head`` is the object's head when it is an event noun: an entry whose object list names it beats one
        that only names a modifier ("ended its trade embargo" is about an embargo, not about trade).
        ``subj_lemmas`` are the active subject's lemmas, for entries that only hold for some doers ("troops
        pushed into Iraq" is an incursion, "investors pushed into bonds" is not)."""
        objs = {obj_lemmas} if isinstance(obj_lemmas, str) else (obj_lemmas or set())
        feats = features or set()
        fits = [e for e in self.verbs.get(lemma, ())
                if (not e.prt or e.prt == prt) and (not e.obj or e.obj & objs) and (not e.needs or e.needs & feats)
                and (not e.subj or bool(e.subj & (subj_lemmas or set())))]
        def about(e: LexEntry) -> bool:
            """Does the entry match what the object is about or what kind it is ("on:import", "trade
            restriction"), not only the object's head?"""
            return any(":" in o or " " in o for o in e.obj & objs)

        if fits and fits[0].obj and not about(fits[0]):
            # "scrapped its curbs on imports from Argentina": an entry that names what the object is about
            # ("on:import", an economic sanction eased) beats one that only names the object ("curb")
            better = next((e for e in fits if e.specificity == fits[0].specificity and e.obj and about(e)), None)
            if better is not None:
                return better
        if head and fits and fits[0].obj and head not in fits[0].obj and not about(fits[0]):
            by_head = next((e for e in fits if e.obj and head in e.obj), None)
            if by_head is not None and by_head.specificity >= fits[0].specificity:
                return by_head
        return fits[0] if fits else None

    def noun(self, lemma: str, modifiers: set[str] | None = None) -> LexEntry | None:
        """For nouns, ``obj`` constrains the modifiers: "hunger strike" vs "missile strike"."""
        mods = modifiers or set()
        for e in self.nouns.get(lemma, ()):
            if e.obj and not (e.obj & mods):
                continue
            return e
        return None


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    extra = [Path(p) for p in os.environ.get("DYADLINE_LEXICON", "").split(os.pathsep) if p]
    return Lexicon.load(extra)
