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
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadline.events.domestic import crowd_mention
from dyadline.events.lexicon import LIGHT_VERBS, WRAPPER_ADJECTIVES, LexEntry, Lexicon
from dyadline.model import Actor, Mention
from dyadline.ontology import TYPES

SUBJ_DEPS = ("nsubj", "csubj", "expl")
OBJ_DEPS = ("dobj", "dative", "iobj", "obj", "oprd")
CLAUSE_DEPS = ("xcomp", "ccomp")
# dependency labels we may walk through when looking for the actor inside an argument phrase
# ("Thousands of Iraqi Kurds", "the government of Belarus", "Israeli troops")
NP_DEPS = ("compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod", "det", "prep", "pobj", "quantmod")
NP_PREPS = ("of", "in", "from")
PRONOUNS = frozenset("it he she they we i its his her their them him us".split())
# Verbs with a weak frame of their own that mostly carry the event of their object noun: "extended the curfew",
# "struck a deal", "gave a warning", "issued an ultimatum". When the object noun has a frame, the noun types it.
LIGHT_OVERRIDE = frozenset("give extend deliver strike issue make send begin start continue resume stage declare".split())
# "went on strike", "remained on alert", "put its troops on alert": a state noun after "on" carries the event
STATE_VERBS = frozenset("go remain stay be put place keep".split())
# nouns that measure out an event noun: "a package of sanctions", "a wave of attacks", "a round of talks"
MEASURE_NOUNS = frozenset("package round rounds set series wave string spate number batch raft tranche "
                          "barrage volley flurry".split())


@lru_cache(maxsize=1)
def nationality_codes() -> dict[str, str]:
    """Nationality adjective -> state code, read from the actors gazetteer's state table ("Indian" -> IND).

    Used for event arguments the actors stage leaves alone because they are not actors by themselves:
    "rejected an Indian proposal", "shelled Iraqi towns". PLOVER codes such arguments by the adjective's state.
    """
    import csv

    from dyadline.actors import gazetteer

    out: dict[str, str] = {}
    path = Path(gazetteer.__file__).parent / "data" / "states.csv"
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for adj in (row.get("adjectives") or "").split("|"):
                adj = adj.strip()
                if adj and adj[0].isupper() and not adj.endswith("s"):
                    out.setdefault(adj.lower(), row["code"])
    return out


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
        self.derived: dict[int, Mention] = {}
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

    def _derived(self, c: Any, code: str) -> Mention:
        m = self.derived.get(c.i)
        if m is None:
            m = Mention(text=c.text, start=c.idx, end=c.idx + len(c.text), sent_idx=0,
                        actor=Actor(code=code, kind="state"), token_start=c.i, token_end=c.i + 1,
                        rule="nationality-of-argument", confidence=0.6)
            self.derived[c.i] = m
        return m

    def nationality(self, tok: Any) -> Mention | None:
        """A state named only by a nationality adjective on the argument noun ("an Indian proposal",
        "Iraqi towns"): a derived, lower-confidence participant. Never for pronouns or actor mentions."""
        if tok.i in self.location or tok.i in self.actor:
            return None
        table = nationality_codes()
        if tok.dep_ in ("amod", "compound") and tok.lower_ in table:  # the noun frame's own "amod" slot
            return self._derived(tok, table[tok.lower_])
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.i < tok.i and c.lower_ in table:
                if c.i in self.actor:
                    return self.actor[c.i]
                return self._derived(c, table[c.lower_])
        return None

    def crowd(self, tok: Any) -> Mention | None:
        """A bare crowd or force noun the actors stage left alone ("students", "workers"): an uncoded
        role mention with a sector; the coder may give it a country later (events/domestic.py)."""
        if tok.i in self.location or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
            return None
        m = self.derived.get(-1 - tok.i)
        if m is None:
            m = crowd_mention(tok)
            if m is None:
                return None
            if m.token_start in self.actor:
                return self.actor[m.token_start]
            self.derived[-1 - tok.i] = m
        return m

    def actors(self, tok: Any, derived: bool = True) -> list[Mention]:
        """Mentions for an argument head and every phrase coordinated with it ("Washington and Brussels")."""
        out: list[Mention] = []
        for h in (tok, *tok.conjuncts):
            m = self.find(h)
            if m is None and derived:
                m = self.nationality(h) or self.crowd(h)
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


POSITIVE_PREDICATES = frozenset("""constructive positive productive fruitful useful successful success historic
    good great excellent important significant welcome encouraging promising friendly cordial breakthrough
    milestone step partner ally friend hero""".split())
NEGATIVE_PREDICATES = frozenset("""not no unacceptable unjustified illegal threat provocation farce""".split())


def _predicate_words(v: Any) -> set[str]:
    """Lemmas of a verb's predicative complement ("called the talks constructive", "... as a step forward")."""
    out: set[str] = set()
    objs = [c for c in v.children if c.dep_ == "dobj"]
    for c in v.children:
        heads = []
        if c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")):
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ == "as":
            heads += [g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]
        elif c.dep_ == "dobj" and len(objs) >= 2 and c is objs[-1]:
            heads.append(c)
        for h in heads:
            out |= {t.lemma_.lower() for t in h.subtree}
    return out


_KNOWN_VERBS: set[str] = set(LIGHT_VERBS) | set(STATE_VERBS)


def vlemma(tok: Any) -> str:
    """A verb's lemma, repaired where the small model cuts a silent -e ("staged" -> "stag", "cautioned" is
    fine): when the lemma is unknown to the lexicon but lemma+"e" is known and the word starts with the
    lemma, the longer one is meant."""
    low = tok.lemma_.lower()
    if low in _KNOWN_VERBS or not tok.tag_.startswith("VB"):
        return low
    if low + "e" in _KNOWN_VERBS and tok.lower_.startswith(low):
        return low + "e"
    return low


def clause_features(v: Any) -> set[str]:
    """What a verb's clause has, for lexicon ``needs``: "pred" for a predicative complement ("called the
    decision unjustified", "called Wagner a threat", "described the talks as constructive"), "clause" for a
    governed verbal clause ("allowed Ukraine to use"), and each preposition whose object is not a date."""
    out: set[str] = set()
    kids = list(v.children)
    objs = [c for c in kids if c.dep_ == "dobj"]
    for c in kids:
        if c.dep_ == "oprd":
            out.add("pred")
        elif c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or any(g.dep_ == "aux" for g in c.children)):
            out.add("clause")
        elif c.dep_ in ("xcomp", "ccomp", "acomp") and c.pos_ in ("ADJ", "NOUN") and objs:
            out.add("pred")
        elif c.dep_ in ("prep", "agent", "dative"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ == "as" and objs:
                out.add("pred")
            if not pobj or not all(g.ent_type_ in ("DATE", "TIME") for g in pobj):
                out.add(c.lower_)
        elif c.dep_ == "prt" and c.lower_ in ("on", "upon"):
            out.add(c.lower_)
    if len(objs) >= 2:
        out.add("pred")  # "branded the move a provocation": the parser gives two objects
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
    if v.dep_ == "advcl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        toks, slot = subject_of(v.head, seen + 1)  # purpose: "staged demonstrations to demand reforms"
        return toks, "purpose-subj" if toks else ""
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


OBLIGATION = frozenset({"must", "should", "ought"})
OBLIGATION_REPORTERS = frozenset("say tell declare insist reiterate remind stress state announce add repeat emphasize "
                                 "emphasise argue write".split())
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"})
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
        _KNOWN_VERBS.update(lexicon.verbs)

    # -- argument filling ---------------------------------------------------------------------
    def _fill(self, f: Frame, v: Any, idx: MentionIndex, nominal: bool) -> None:
        # Two passes: an actor with a code in any slot beats an uncoded one ("rebels", "police") in an
        # earlier slot; the uncoded one is kept only when nothing coded is found.
        for coded in (True, False):
            for slot in f.entry.source:
                for tok in _slot_tokens(v, slot, nominal):
                    ms = idx.actors(tok)
                    if not ms and tok.lower_ in PRONOUNS:
                        ms = _speaker_for_pronoun(tok, idx)
                        if ms and coded:
                            f.notes.append(f"pronoun '{tok.text}' read as the speaker of the reporting verb")
                    if coded:
                        ms = [m for m in ms if m.actor.code]
                    if ms:
                        f.sources, f.source_slot = ms, slot
                        break
                if f.sources:
                    break
            if f.sources:
                break
        if not nominal and f.sources and f.source_slot == "subj":
            f.source_slot = subject_of(v)[1] or "subj"
        for coded in (True, False):
            for slot in f.entry.target:
                for tok in _slot_tokens(v, slot, nominal):
                    ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                    if coded:
                        ms = [m for m in ms if m.actor.code]
                    if ms:
                        f.targets, f.target_slot = ms, slot
                        break
                if f.targets:
                    break
            if f.targets:
                break

    # -- frame kinds --------------------------------------------------------------------------
    def _verb_frame(self, v: Any, idx: MentionIndex) -> Frame | None:
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
        objs = object_of(v)
        obj_lemmas = _phrase_lemmas(objs[0]) if objs else set()
        feats = clause_features(v)
        entry = self.lex.verb(vlemma(v), prt, obj_lemmas, feats)
        if entry is None and prt is not None:
            entry = self.lex.verb(vlemma(v), None, obj_lemmas, feats)
        if entry is None:
            return None
        f = Frame(v, entry, entry.type, entry.mode, "passive" if is_passive(v) else "verb")
        if "pred" in entry.needs and entry.type == "ACCUSE":
            pred = _predicate_words(v)
            if pred & POSITIVE_PREDICATES and not pred & NEGATIVE_PREDICATES:
                f.type, f.mode = "SUPPORT", "praise"
                f.notes.append(f"positive evaluation {sorted(pred & POSITIVE_PREDICATES)} -> SUPPORT")
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
        state = (n.dep_ == "pobj" and v.lower_ in ("on", "in") and v.head.pos_ in ("VERB", "AUX")
                 and vlemma(v.head) in STATE_VERBS)
        if state:
            v = v.head
        carrier = n
        if n.dep_ == "pobj" and v.lower_ == "of" and v.head.lemma_.lower() in MEASURE_NOUNS:
            # "adopted a new package of sanctions", "imposed several rounds of sanctions": the measure noun
            # stands in for the event noun as the light verb's object
            carrier, v = v.head, v.head.head
        if state or (carrier.dep_ in ("dobj", "nsubjpass") and v.pos_ in ("VERB", "AUX")
                     and vlemma(v) in LIGHT_VERBS):
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
            ms = idx.actors(tok, derived=False)
            if not ms and tok.lower_ in PRONOUNS:
                ms = _speaker_for_pronoun(tok, idx)
                if ms:
                    f.notes.append(f"pronoun '{tok.text}' read as the speaker of the reporting verb")
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
        # a weak light verb yields to its object noun's frame ("extended the curfew", "struck a deal")
        for i, f in list(frames.items()):
            if f.path == "verb" and vlemma(f.trigger) in LIGHT_OVERRIDE and not f.entry.obj \
                    and not f.entry.wrapper and not f.entry.prt:
                if any(o.i in frames and frames[o.i].path == "light" for o in object_of(f.trigger)):
                    del frames[i]
        # one predicate, one frame: a light or state frame that took a verb as its carrier ("went on strike",
        # "held talks") owns that verb, and a verb frame whose object constraint names the noun ("impose" +
        # "sanctions") owns that noun; the loser would code the same act twice, often with a side missing
        for i, f in list(frames.items()):
            if f.path != "light" or i not in frames:
                continue
            for v in f.extra_tokens:
                vf = frames.get(v.i)
                if vf is None or vf is f or vf.path not in ("verb", "passive") or vf.entry.wrapper:
                    continue
                if f.trigger in vf.extra_tokens:  # "impose sanctions": the verb entry names the noun
                    if vf.sources or vf.targets or not (f.sources or f.targets):
                        del frames[i]
                    else:
                        del frames[v.i]
                    break
                if vlemma(v) in STATE_VERBS | LIGHT_OVERRIDE or not (vf.sources and vf.targets):
                    del frames[v.i]
        # a noun that is the object of a verb frame is part of that frame ("imposed sanctions"); when both
        # code the same type, the verb frame takes the sides only the noun found ("imposed rounds of sanctions
        # on Belarus" where the parse hangs "on Belarus" under the noun)
        for i, f in list(frames.items()):
            if f.path not in ("noun", "light") or f.trigger.dep_ not in ("dobj", "nsubjpass", "pobj"):
                continue
            head = f.trigger.head if f.trigger.dep_ != "pobj" else f.trigger.head.head
            if f.trigger.dep_ == "pobj" and f.trigger.head.lower_ == "of" and head.dep_ in ("dobj", "nsubjpass"):
                head = head.head  # "imposed several rounds of sanctions"
            vf = frames.get(head.i)
            if vf is None or vf is f or vf.path not in ("verb", "passive"):
                continue
            if f.path == "light" and f.type != vf.type:
                continue
            if vf.type == f.type:
                if not vf.sources and f.sources:
                    vf.sources, vf.source_slot = f.sources, f"noun-{f.source_slot}"
                if not vf.targets and f.targets:
                    vf.targets, vf.target_slot = [m for m in f.targets if all(m is not s for s in vf.sources)], \
                        f"noun-{f.target_slot}"
            del frames[i]
        # a transfer noun without a recipient is an object, not an event ("use American weapons")
        for i, f in list(frames.items()):
            if f.path == "noun" and f.type == "AID" and not f.targets:
                del frames[i]
        self._obligations(span, frames, idx)
        self._wrappers(frames, idx)
        for f in frames.values():
            if f.sources and not f.targets and not (f.entry.reciprocal and len(f.sources) > 1):
                self._fallback_target(f, idx)
            if not f.targets and f.type in PLACE_TARGET_TYPES:
                self._place_target(f, idx)
        return list(frames.values())

    @staticmethod
    def _obligations(span: Any, frames: dict[int, Frame], idx: MentionIndex) -> None:
        """ "X said (that) Y must / should do Z": a demand by X on Y (CAMEO 10), whatever Z is.

        The clause under it is coded through the demand, never as an event of its own: an obligation
        does not say that Z happened."""
        for tok in span:
            if tok.i in frames or tok.lemma_.lower() not in OBLIGATION_REPORTERS or tok.pos_ not in ("VERB", "AUX"):
                continue
            for c in tok.children:
                if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
                    continue
                subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
                src: list[Mention] = []
                for x in subject_of(tok)[0]:
                    src = [m for m in idx.actors(x, derived=False) if m.actor.code]
                    if src:
                        break
                tgt = [m for m in idx.actors(subj[0], derived=False) if all(m is not s for s in src)] if subj else []
                if not src or not tgt or {m.actor.code for m in src} == {m.actor.code for m in tgt}:
                    continue
                entry = LexEntry(lemma=tok.lemma_.lower(), pos="verb", type="REQUEST", wrapper=True, confidence=0.7,
                                 origin="rule: obligation under a reporting verb")
                f = Frame(tok, entry, "REQUEST", None, "wrapper", sources=src, targets=tgt, source_slot="subj",
                          target_slot="clause-subject")
                f.notes.append(f"'{tok.text} ... {subj[0].text} must/should ...' is a demand on the clause's subject")
                frames[tok.i] = f
                break

    @staticmethod
    def _place_target(f: Frame, idx: MentionIndex) -> None:
        """Material conflict, protest and threats aimed at a place: "demonstrated in Serbia", "reinforced its
        forces in Lebanon", "threatened to resume attacks in Israel". PLOVER codes the place's state as the
        target when no actor is named. Only a place with a code inside the predicate's own phrase counts."""
        src_codes = {m.actor.code for m in f.sources}
        frontier = [f.trigger, *(t for t in f.extra_tokens if t.pos_ in ("VERB", "AUX"))]
        seen = {t.i for t in frontier}
        for depth in range(4):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.dep_ in ("relcl", "punct", "parataxis", "advcl", "nsubj", "nsubjpass"):
                        continue
                    if c.dep_ == "prep" and c.lower_ in ("without", "despite", "after", "before", "during", "since",
                                                         "from", "of", "over", "following"):
                        continue
                    seen.add(c.i)
                    m = idx.location.get(c.i)
                    if m is not None and m.actor.code and m.actor.code not in src_codes | {None}:
                        f.targets, f.target_slot = [m], f"place(depth {depth + 1})"
                        f.notes.append(f"no actor target: the place '{m.text}' gives the target state")
                        return
                    nxt.append(c)
            frontier = nxt

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
                    if m is None and c.pos_ in ("NOUN", "PROPN"):
                        m = idx.nationality(c)  # "close to the Ukrainian border"
                    # an uncoded mention ("troops", "rebels") is not a usable target: keep looking
                    if m is not None and m.actor.code and all(m is not s for s in f.sources):
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
