"""Frames from the dependency parse: predicate, agent (source) and recipient (target).

Why rules on the parse and not a classifier: an analyst must be able to see why "sanctions were
imposed on Belarus by the EU" gives EUR -> BLR and not the reverse, and the parse already says who
is the agent. The lexicon (events/data) says *what* a predicate codes and *where* its actors sit; this
module only knows English grammar: voice, control, coordination, light verbs and nominalisations.

A frame is found for every token whose lemma is in the lexicon; its arguments are mapped onto the
actor mentions that the actors stage left on the document (``Mention.token_start/token_end``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyadline.events.lexicon import LIGHT_VERBS, WRAPPER_ADJECTIVES, LexEntry, Lexicon
from dyadline.model import Mention
from dyadline.ontology import TYPES

SUBJ_DEPS = ("nsubj", "csubj", "expl")
OBJ_DEPS = ("dobj", "dative", "iobj", "obj", "oprd")
CLAUSE_DEPS = ("xcomp", "ccomp")
# dependency labels we may walk through when looking for the actor inside an argument phrase
# ("Thousands of Iraqi Kurds", "the government of Belarus", "Israeli troops")
NP_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod", "det", "prep", "pobj", "quantmod")
NP_PREPS = ("of", "in", "from")
PRONOUNS = frozenset("it he she they we i its his her their them him us".split())


@dataclass
class Frame:
    """One predicate with its typed arguments, before factuality, time and place are added."""

    trigger: Any  # spaCy Token: the predicate's head word
    entry: LexEntry
    type: str
    mode: str | None
    path: str  # verb | passive | noun | light | wrapper | intent
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    source_slot: str = ""
    target_slot: str = ""
    reciprocal: bool = False
    extra_tokens: list[Any] = field(default_factory=list)  # particle, light verb, object noun
    inner: Frame | None = None  # the clause a wrapper governs
    embedded: bool = False  # governed by a speech-act wrapper: coded through it, not on its own
    notes: list[str] = field(default_factory=list)

    @property
    def trigger_text(self) -> str:
        toks = sorted([self.trigger, *self.extra_tokens], key=lambda t: t.i)
        return " ".join(t.text for t in toks)

    @property
    def trigger_span(self) -> tuple[int, int]:
        toks = [self.trigger, *self.extra_tokens]
        return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))

    def describe(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger_text, "path": self.path, "type": self.type, "mode": self.mode,
            "source_slot": self.source_slot, "target_slot": self.target_slot,
            "sources": [m.text for m in self.sources], "targets": [m.text for m in self.targets],
            "lexicon": self.entry.describe(), "inner": self.inner.describe() if self.inner else None,
            "notes": list(self.notes),
        }


class MentionIndex:
    """Token index -> actor mention, for one spaCy Doc. Location mentions are kept apart."""

    def __init__(self, sdoc: Any, mentions: Iterable[Mention]) -> None:
        self.actor: dict[int, Mention] = {}
        self.location: dict[int, Mention] = {}
        for m in mentions:
            ts, te = m.token_start, m.token_end
            if ts < 0 or te <= ts:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                ts, te = span.start, span.end
            table = self.location if m.role == "location" else self.actor
            for i in range(ts, te):
                table.setdefault(i, m)

    def find(self, tok: Any, depth: int = 3) -> Mention | None:
        """The actor an argument phrase names: the mention on its head, else the nearest one inside it."""
        if tok.i in self.actor:
            return self.actor[tok.i]
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ not in NP_DEPS:
                        continue
                    if c.dep_ == "prep" and c.lower_ not in NP_PREPS:
                        continue
                    if c.i in self.actor:
                        return self.actor[c.i]
                    nxt.append(c)
            frontier = nxt
        return None

    def actors(self, tok: Any) -> list[Mention]:
        """Mentions for an argument head and every phrase coordinated with it ("Washington and Brussels")."""
        out: list[Mention] = []
        for h in (tok, *tok.conjuncts):
            m = self.find(h)
            if m is not None and all(m is not o for o in out):
                out.append(m)
        return out


def _children(tok: Any, deps: Iterable[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Any, prep: str) -> list[Any]:
    """Objects of a named preposition under ``tok`` ("to Russia", "on Belarus", "according to")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            if c.i > 0 and c.nbor(-1).lower_ == "according":
                continue  # "according to X" names a speaker, not a recipient
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        elif c.dep_ == "prt" and c.lower_ == prep:  # "called on Russia": spaCy may tag "on" as particle
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.head == tok and nxt.dep_ in OBJ_DEPS:
                out.append(nxt)
    return out


def is_passive(v: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def subject_of(v: Any, seen: int = 0) -> tuple[list[Any], str]:
    """Logical subject tokens of a verb, following conjunction, control and relative clauses."""
    if seen > 4:
        return [], ""
    if is_passive(v):
        agents = _prep_objects(v, "by")
        if agents:
            return agents, "by-agent"
    else:
        subs = _children(v, SUBJ_DEPS)
        if subs:
            return subs, "subj"
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        toks, slot = subject_of(v.head, seen + 1)
        return toks, slot + "(conj)" if toks else ""
    if v.dep_ == "xcomp":
        head = v.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp",):  # "X is willing to ..."
            head = head.head
        objs = _children(head, OBJ_DEPS)
        if objs and head.lemma_ not in ("promise",):  # object control: "urged Y to"
            return objs, "controller-obj"
        toks, slot = subject_of(head, seen + 1)
        return toks, "controller-subj" if toks else ""
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
        if v.dep_ == "acl" and v.tag_ == "VBN":  # "troops deployed in X": the noun is the object
            return [], ""
        return [v.head], "relcl-head"
    if v.dep_ == "advcl" and v.tag_ == "VBG":  # ", killing one person"
        toks, slot = subject_of(v.head, seen + 1)
        return toks, "advcl-subj" if toks else ""
    return [], ""


def object_of(v: Any) -> list[Any]:
    if is_passive(v):
        return _children(v, ("nsubjpass",))
    objs = _children(v, OBJ_DEPS)
    if not objs and v.dep_ in ("acl",) and v.tag_ == "VBN":
        objs = [v.head]
    return objs


def _slot_tokens(v: Any, slot: str, nominal: bool) -> list[Any]:
    if slot == "subj":
        return subject_of(v)[0] if not nominal else []
    if slot == "obj":
        return object_of(v) if not nominal else []
    if nominal and slot in ("poss", "amod", "compound"):
        return _children(v, (slot,))
    if slot == "by" and not nominal:
        return []  # the passive agent is the subject already
    return _prep_objects(v, slot)


REPORTING = frozenset("say tell announce state declare add claim insist warn told report".split())


def _speaker_for_pronoun(tok: Any, idx: MentionIndex) -> list[Mention]:
    """ "Palestinian leaders said they would ...": a pronoun subject of a clause under a reporting
    verb stands for that verb's subject. Used only when the actors stage left the pronoun unresolved."""
    cur = tok.head
    for _ in range(4):
        if cur.dep_ in ("ccomp", "xcomp", "conj") and cur.head.lemma_.lower() in REPORTING:
            for c in cur.head.children:
                if c.dep_ == "nsubj":
                    return idx.actors(c)
            return []
        if cur.head is cur:
            return []
        cur = cur.head
    return []


def _phrase_lemmas(tok: Any) -> set[str]:
    """Lemmas that may satisfy an object constraint: the head, its compounds and an "of" object
    ("suspended part of a military aid program" -> part, program, aid)."""
    out = {tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            out.add(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= {g.lemma_.lower(), *(x.lemma_.lower() for x in g.children if x.dep_ in ("compound", "amod"))}
    return out


class FrameFinder:
    """Find every lexicon frame in a sentence span and attach its actors."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    # -- argument filling ---------------------------------------------------------------------
    def _fill(self, f: Frame, v: Any, idx: MentionIndex, nominal: bool) -> None:
        for slot in f.entry.source:
            for tok in _slot_tokens(v, slot, nominal):
                ms = idx.actors(tok)
                if not ms and tok.lower_ in PRONOUNS:
                    ms = _speaker_for_pronoun(tok, idx)
                    if ms:
                        f.notes.append(f"pronoun '{tok.text}' read as the speaker of the reporting verb")
                if ms:
                    f.sources, f.source_slot = ms, slot
                    break
            if f.sources:
                break
        if not nominal and f.sources and f.source_slot == "subj":
            f.source_slot = subject_of(v)[1] or "subj"
        for slot in f.entry.target:
            for tok in _slot_tokens(v, slot, nominal):
                ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                if ms:
                    f.targets, f.target_slot = ms, slot
                    break
            if f.targets:
                break

    # -- frame kinds --------------------------------------------------------------------------
    def _verb_frame(self, v: Any, idx: MentionIndex) -> Frame | None:
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
        objs = object_of(v)
        obj_lemmas = _phrase_lemmas(objs[0]) if objs else set()
        entry = self.lex.verb(v.lemma_.lower(), prt, obj_lemmas)
        if entry is None and prt is not None:
            entry = self.lex.verb(v.lemma_.lower(), None, obj_lemmas)
        if entry is None:
            return None
        f = Frame(v, entry, entry.type, entry.mode, "passive" if is_passive(v) else "verb")
        if entry.prt:
            f.extra_tokens += [c for c in v.children if c.dep_ == "prt"]
        if entry.obj and objs:
            f.extra_tokens.append(objs[0])
        self._fill(f, v, idx, nominal=False)
        return f

    def _noun_frame(self, n: Any, idx: MentionIndex) -> Frame | None:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        entry = self.lex.noun(n.lemma_.lower(), mods)
        if entry is None:
            return None
        f = Frame(n, entry, entry.type, entry.mode, "noun")
        self._fill(f, n, idx, nominal=True)
        v = n.head
        if n.dep_ in ("dobj", "nsubjpass") and v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in LIGHT_VERBS:
            f.path = "light"
            f.extra_tokens.append(v)
            if not f.sources:
                toks, slot = subject_of(v)
                for tok in toks:
                    ms = idx.actors(tok)
                    if ms:
                        f.sources, f.source_slot = ms, f"light-{slot}"
                        break
            if not f.targets:
                for slot in entry.target:
                    for tok in _prep_objects(v, slot):
                        ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                        if ms:
                            f.targets, f.target_slot = ms, f"light-{slot}"
                            break
                    if f.targets:
                        break
        return f

    def _adj_wrapper(self, a: Any, idx: MentionIndex) -> Frame | None:
        typ = WRAPPER_ADJECTIVES.get(a.lemma_.lower())
        if typ is None or not _children(a, ("xcomp",)):
            return None
        entry = LexEntry(lemma=a.lemma_.lower(), pos="adj", type=typ, wrapper=True, target=("with", "to"),
                         conflict="THREATEN", confidence=0.75, origin="adjective")
        f = Frame(a, entry, typ, None, "wrapper")
        head = a.head if a.dep_ in ("acomp", "amod") else a
        toks, slot = subject_of(head)
        for tok in toks:
            ms = idx.actors(tok)
            if ms:
                f.sources, f.source_slot = ms, slot
                break
        return f

    # -- the sentence ---------------------------------------------------------------------------
    def find(self, span: Any, idx: MentionIndex) -> list[Frame]:
        frames: dict[int, Frame] = {}
        for tok in span:
            f: Frame | None = None
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                f = self._verb_frame(tok, idx)
            elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in idx.actor:
                f = self._noun_frame(tok, idx)
            elif tok.pos_ == "ADJ":
                f = self._adj_wrapper(tok, idx)
            if f is not None:
                frames[tok.i] = f
        # a noun that is the object of a verb frame is part of that frame ("imposed sanctions")
        for i, f in list(frames.items()):
            if f.path in ("noun",) and f.trigger.dep_ in ("dobj", "nsubjpass", "pobj"):
                head = f.trigger.head if f.trigger.dep_ != "pobj" else f.trigger.head.head
                if head.i in frames and frames[head.i].path in ("verb", "passive"):
                    del frames[i]
        self._wrappers(frames, idx)
        for f in frames.values():
            if f.sources and not f.targets and not (f.entry.reciprocal and len(f.sources) > 1):
                self._fallback_target(f, idx)
        return list(frames.values())

    @staticmethod
    def _fallback_target(f: Frame, idx: MentionIndex) -> None:
        """No target in the lexicon's slots: take the closest other actor inside the predicate's phrase.

        Why: news packs the recipient into clauses the lexicon cannot list ("demanded that the US
        cancel ...", "launched an offensive in its war with Iraq"). We search the trigger's own
        subtree breadth-first (so the closest phrase wins), never crossing into a relative clause or
        a reported speaker, and mark the slot so confidence drops and ``explain`` shows it.
        """
        frontier = [f.trigger]
        seen = {f.trigger.i}
        for depth in range(5):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.dep_ in ("relcl", "punct", "parataxis") or c.lower_ == "according":
                        continue
                    if c.dep_ == "prep" and c.lower_ in ("without", "despite", "after", "before", "during", "since"):
                        continue  # circumstances, not recipients ("without consent from China")
                    if any(a.lower_ == "according" for a in c.ancestors):
                        continue  # the speaker of "according to X" is not a participant
                    if c.dep_ == "nsubj" and c.head.lemma_.lower() in ("say", "tell", "report", "add"):
                        continue
                    seen.add(c.i)
                    m = idx.actor.get(c.i)
                    if m is not None and all(m is not s for s in f.sources):
                        f.targets, f.target_slot = [m], f"nearest-in-phrase(depth {depth + 1})"
                        f.notes.append("target taken from the closest actor inside the predicate's phrase")
                        return
                    nxt.append(c)
            frontier = nxt

    def _wrappers(self, frames: dict[int, Frame], idx: MentionIndex) -> None:
        """Type speech-act verbs by the clause they govern and hand that clause's target up."""
        for f in frames.values():
            if not f.entry.wrapper:
                continue
            comps = [c for c in f.trigger.children if c.dep_ in CLAUSE_DEPS]
            for c in list(comps):  # "called on Y to ...": the clause may hang under the particle/prep
                comps += [g for g in c.children if g.dep_ == "xcomp"]
            inner = next((frames[c.i] for c in comps if c.i in frames), None)
            if f.entry.complement_target:
                # "X wants Y to open a second front": Y is the subject of the clause (or the object)
                cand = []
                for c in comps:
                    cand += _children(c, ("nsubj",))
                cand += object_of(f.trigger)
                f.targets = []
                for tok in cand:
                    ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                    if ms:
                        f.targets, f.target_slot = ms, "clause-subject"
                        break
            if inner is not None:
                f.inner = inner
                inner.embedded = True
                quad = TYPES[inner.type].quad
                if quad in (1, 2) and f.entry.coop:
                    f.type = f.entry.coop
                elif quad in (3, 4) and f.entry.conflict:
                    f.type = f.entry.conflict
                if not f.targets and inner.targets and not f.entry.complement_target:
                    f.targets, f.target_slot = inner.targets, f"clause-{inner.target_slot}"
                if not f.targets and inner.sources and not f.entry.complement_target and all(s is not m for s in f.sources for m in inner.sources):
                    if f.entry.type in ("REQUEST", "THREATEN"):  # "warned that Y would ..." addresses Y
                        f.targets, f.target_slot = inner.sources, "clause-subject"
                if f.mode is None:
                    f.mode = inner.mode if f.type == inner.type else None
                f.path = "wrapper"
            if f.entry.complement_target and not f.targets:
                f.embedded = True  # "X wants to ...": a modal, not a request; the clause codes itself
                if inner is not None:
                    inner.embedded = False
