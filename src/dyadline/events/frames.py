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
from dyadline.events.factuality import MODALS, gerund_preposition
from dyadline.events.lexicon import LIGHT_VERBS, NOT_AN_EVENT, WRAPPER_ADJECTIVES, LexEntry, Lexicon
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
                          "barrage volley flurry hour hours day days week weeks minute minutes".split())
# generic heads that an event noun modifies as a compound: "a mediation effort", "a bombing campaign",
# "an aid package", "a peace mission". The head stands in for the event noun as a light verb's object and its
# prepositions may name the target ("a mediation effort between A and B")
CARRIER_HEADS = frozenset("effort campaign mission operation process initiative bid drive programme program "
                          "package".split())
# verbs that only promise the act their object noun names: "pledged aid", "offered a loan", "promised talks".
# PLOVER (CAMEO 03: 033 express intent to provide material aid, 036 intent to meet) codes the promise, AGREE;
# a verbal act offered is performed by offering it ("offered condolences", "pledged its support"): the noun wins
PLEDGE_VERBS = frozenset("promise pledge offer commit guarantee vow undertake propose suggest float".split())
PROPOSAL_VERBS = frozenset("propose suggest float".split())
# verbs that only say an event noun took place: "fighting broke out between", "talks resumed with"
HAPPEN_VERBS = frozenset("break erupt flare rage continue resume occur start begin end take intensify escalate "
                         "spread".split())
# prepositions that give a reason ("for its support of", "over the attacks", "in retaliation for", "because of")
REASON_PREPS = frozenset("for over of".split())
# types whose event commonly states a motive: punishing, blaming, praising, refusing, retaliating
REASON_TAKERS = frozenset({"ACCUSE", "SANCTION", "SUPPORT", "REJECT", "THREATEN", "COERCE", "ASSAULT", "PROTEST",
                           "CONCEDE"})
# objects of a giving verb that are material even when the lexicon has no AID noun for them ("transfer them")
GIVEN_THINGS = frozenset("it them this these those money fund dollar euro mark franc pound yen rouble ruble".split())
# objects of a giving verb that make it speech, not aid
NOT_GIVEN = frozenset("answer response reply statement speech interview briefing signal message explanation detail "
                      "comment indication hint impression view opinion account press conference".split())
# request / threat nouns that govern a clause: "its demand that Japan withdraw", "a call for Y to accept"
CLAUSE_NOUN_TYPES = frozenset({"REQUEST", "THREATEN"})
# motion / action verbs whose "to"-clause (parsed as xcomp) is a purpose, not a complement: "went to Minsk to talk"
PURPOSE_HEADS = frozenset("go come travel fly arrive march rally gather assemble protest demonstrate strike "
                          "meet return".split())


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


ULTIMATUM_VERBS = frozenset("face risk suffer incur".split())
ALLEGE_VERBS = frozenset("charge allege accuse claim".split())
# stated displeasure: "said it was troubled by", "is deeply concerned about" (CAMEO 110/111)
DISAPPROVE_ADJECTIVES = frozenset("""troubled concerned disappointed dismayed alarmed unhappy dissatisfied angry outraged
indignant displeased upset worried angered incensed""".split())
JOINT_MODIFIERS = frozenset("joint combined bilateral trilateral multinational coordinated synchronised synchronized "
                            "concerted".split())
# verbs of measure and state that say what two states are or have together, not what they do together
STATIVE_VERBS = frozenset("""be have account make represent hold own total comprise constitute produce export import
share border form remain control possess rank number spend earn lose face supply consume contain top exceed reach
rise fall grow climb drop double triple""".split())
# motion and dispatch verbs whose purpose clause is the act they serve ("arrived to investigate")
ERRAND_VERBS = frozenset("go come travel fly arrive return sail steam head send dispatch despatch deploy".split())


def _or_face(v: Any) -> bool:
    """Does a clause the verb governs end in "or face / or risk ..." ("to pull back or face air strikes")?"""
    for c in v.children:
        if c.dep_ not in ("xcomp", "advcl", "ccomp"):
            continue
        for g in c.children:
            if g.dep_ == "conj" and g.lemma_.lower() in ULTIMATUM_VERBS \
                    and any(x.dep_ == "cc" and x.lower_ == "or" for x in c.children):
                return True
    return False


# nouns that make an event noun under them a memory, not news: "the anniversary of the invasion", "the end of
# the Falklands war", "the story of the war", "the legacy of the accords"
MEMORY_HEADS = frozenset("""anniversary story history end outcome memory memorial legacy aftermath commemoration
museum veteran lesson remembrance centenary jubilee""".split())


WAR_PHRASE_HEADS = frozenset("prisoner crime criminal veteran ministry minister widow orphan cabinet council game "
                             "room spoils art".split())


def _subject_sources(f: Frame, toks: list[Any], slot: str, idx: MentionIndex) -> None:
    """An adjective frame's doers: the first subject token that names an actor; a pronoun ("it was troubled
    by ...") stands for the speaker of the reporting verb above it."""
    for tok in toks:
        ms = idx.actors(tok, derived=False)
        if not ms and tok.lower_ in PRONOUNS:
            ms = _speaker_for_pronoun(tok, idx)
            if ms:
                f.notes.append(f"pronoun '{tok.text}' read as the speaker of the reporting verb")
        if ms:
            f.sources, f.source_slot = ms, slot
            return


def _remembered(n: Any) -> bool:
    """An event noun named as history: under a memory noun ("the fifth anniversary of Iraq's invasion of
    Kuwait"), or a named war ("the Korean War", "the Second World War", "the Iran-Iraq war of the 1980s")."""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and (
            n.head.head.lemma_.lower() in MEMORY_HEADS
            or (n.lemma_.lower() == "war" and n.head.head.lemma_.lower() in WAR_PHRASE_HEADS)):
        return True  # ("prisoners of war", "war crimes" name a status, not the fighting)
    if n.lemma_.lower() == "war" and (n.text[0].isupper() and n.i > n.sent.start or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "DATE" for g in c.subtree) for c in n.children)):
        return True
    return False


# what a crowd gathers for when it is not protesting: "gathered to mark the anniversary", "to mourn the victims"
COMMEMORATE_VERBS = frozenset("""mark commemorate celebrate mourn honour honor remember pray worship welcome greet
cheer watch attend""".split())
POLL_NOUNS = frozenset("poll survey referendum census".split())


def _commemoration_or_poll(f: Frame) -> bool:
    """A gathering to commemorate ("thousands gathered in Yerevan to mark the anniversary") is no protest; an act
    found by an opinion poll ("a poll showed 52 percent of Israelis backing the accords") is an opinion, not an
    event."""
    t = f.trigger
    if f.type == "PROTEST" and any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in COMMEMORATE_VERBS
                                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                   for c in t.children):
        return True
    for a in t.ancestors:
        if a.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in POLL_NOUNS
                                    for c in a.children):
            return True
    return False


def adjective_code(tok: Any) -> str | None:
    """The state of a nationality adjective, reading a two-word one whole: "North Korean" is PRK, not the
    KOR of its last word; "Sri Lankan" and "South African" exist only as two words."""
    table = nationality_codes()
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        two = f"{prev.lower_} {tok.lower_}"
        if two in table:
            return table[two]
    return table.get(tok.lower_)


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
    purpose_of: Frame | None = None  # "marched to demand ...": the main predicate's frame this clause serves
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


# "the two sides", "both countries": a pair of parties named just before (MentionIndex.pair)
PAIR_NOUNS = frozenset("side country nation state government leader president capital neighbour neighbor".split())


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

    def adjective(self, tok: Any) -> Mention | None:
        """The derived state mention of a nationality adjective token ("Peruvian"), or None."""
        code = adjective_code(tok)
        return self._derived(tok, code) if code else None

    def nationality(self, tok: Any) -> Mention | None:
        """A state named only by a nationality adjective on the argument noun ("an Indian proposal",
        "Iraqi towns"): a derived, lower-confidence participant. Never for pronouns or actor mentions."""
        if tok.i in self.location or tok.i in self.actor:
            return None
        if tok.dep_ in ("amod", "compound") and adjective_code(tok):  # the noun frame's own "amod" slot
            return self.adjective(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.i < tok.i and adjective_code(c):
                if c.i in self.actor:
                    return self.actor[c.i]
                return self.adjective(c)
        return None

    def crowd(self, tok: Any) -> Mention | None:
        """A bare crowd or force noun the actors stage left alone ("students", "workers"): an uncoded
        role mention with a sector; the coder may give it a country later (events/domestic.py)."""
        if tok.pos_ not in ("NOUN", "PROPN", "NUM") or (tok.i in self.location and (
                self.location[tok.i].actor.code or tok.pos_ != "PROPN")):
            return None  # (an unknown name the actors stage took for an unlisted place may still be a titled person)
        m = self.derived.get(-1 - tok.i)
        if m is None:
            m = crowd_mention(tok)
            if m is None:
                return None
            if m.token_start in self.actor:
                return self.actor[m.token_start]
            self.derived[-1 - tok.i] = m
        return m

    def pair(self, tok: Any) -> list[Mention]:
        """ "The two sides discussed ...", "both countries agreed ...": the last two states or organisations
        named in this sentence or the one before, as two derived participants (rule "pair-from-context")."""
        if tok.lemma_.lower() not in PAIR_NOUNS or not any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in tok.children):
            return []
        sents = list(tok.doc.sents)
        k = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        lo = sents[max(0, k - 1)].start
        codes: list[Mention] = []
        for i in range(tok.i - 1, lo - 1, -1):
            m = self.actor.get(i)
            if m is None or not m.actor.code or m.actor.kind not in ("state", "igo", "person") \
                    or any(m.actor.code == o.actor.code for o in codes) or m.token_start <= tok.i < m.token_end:
                continue
            codes.append(m)
            if len(codes) == 2:
                break
        if len(codes) < 2:
            return []
        out = []
        for m in reversed(codes):
            key = -100000 - tok.i * 10 - len(out)
            d = self.derived.get(key)
            if d is None:
                d = Mention(text=f"{tok.text} ({m.actor.code})", start=tok.idx, end=tok.idx + len(tok.text),
                            sent_idx=k, actor=Actor(code=m.actor.code, kind="state"), token_start=tok.i,
                            token_end=tok.i + 1, rule="pair-from-context", confidence=0.5)
                self.derived[key] = d
            out.append(d)
        return out

    def actors(self, tok: Any, derived: bool = True) -> list[Mention]:
        """Mentions for an argument head and every phrase coordinated with it ("Washington and Brussels")."""
        if derived:
            both = self.pair(tok)
            if both:
                return both
        out: list[Mention] = []
        for h in (tok, *tok.conjuncts):
            m = self.find(h)
            if m is not None and derived and h.i not in self.actor and m.rule == "coref" \
                    and any(c.dep_ == "poss" and c.i in self.actor and self.actor[c.i] is m for c in h.children):
                # "their Italian counterparts": the nationality on the noun names the party, the possessive
                # pronoun only relates it back to the subject
                n = self.nationality(h)
                if n is not None and n.actor.code and n.actor.code != m.actor.code:
                    m = n
            extra: list[Mention] = []
            if m is None and derived:
                m = self.nationality(h)
                if m is not None and m.rule == "nationality-of-argument":
                    # "Indian and Pakistani troops": each coordinated adjective names a party
                    adj = self.doc_token(h, m)
                    for c in (adj.conjuncts if adj is not None else ()):
                        if c.i in self.actor:
                            extra.append(self.actor[c.i])
                        elif c.i not in self.location and self.adjective(c) is not None:
                            extra.append(self.adjective(c))  # type: ignore[arg-type]
                m = m or self.crowd(h)
            elif m is not None and derived:
                extra = self._coordinated_modifiers(h, m)
                # "the envoys of Armenia and Azerbaijan": each coordinated "of" object names a party
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for g in c.children:
                            if g.dep_ == "pobj" and g.i in self.actor and self.actor[g.i].actor.code == m.actor.code:
                                extra += [self.actor[x.i] for x in g.conjuncts if x.i in self.actor
                                          and self.actor[x.i].actor.code not in (None, m.actor.code)]
            for x in ([m] if m is not None else []) + extra:
                if all(x is not o for o in out):
                    out.append(x)
        return out

    def _coordinated_modifiers(self, h: Any, m: Mention) -> list[Mention]:
        """ "Hungarian and Romanian officials", "the Turkish and Greek sides": the actors stage may give the
        head noun only the nearest adjective's state; every coordinated nationality modifier of the same
        head names a party of its own."""
        out: list[Mention] = []
        for c in h.children:
            if c.dep_ not in ("amod", "compound") or c.i > h.i or not c.conjuncts:
                continue
            for x in (c, *c.conjuncts):
                if x.i in self.location:
                    continue
                o = self.actor.get(x.i)
                if o is None:
                    o = self.adjective(x)
                if o is not None and o is not m and o.actor.code and o.actor.code != m.actor.code \
                        and all(o is not e for e in out):
                    out.append(o)
        return out

    @staticmethod
    def doc_token(h: Any, m: Mention) -> Any:
        return h.doc[m.token_start] if 0 <= m.token_start < len(h.doc) else None


def _children(tok: Any, deps: Iterable[str]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


DIRECTION_ADVERBS = frozenset({"back", "home", "away", "over", "out"})
JOINT_LIGHT_VERBS = frozenset("carry conduct hold mount stage launch undertake begin start run make".split())
# heads an event noun only classifies when it modifies them ("riot police", "attack helicopter", "protest song")
EQUIPPED_HEADS = frozenset("""police policeman squad unit gear shield helmet helicopter aircraft plane jet submarine
force troop vehicle dog song banner sign boat craft group cop officer veteran widow orphan memorial cemetery grave
museum correspondent reporter hero criminal crime tribunal chest footing""".split())


# verbs of handing weapons over: "supplied mortars and mines to the rebels" is arms transfer (AID), not an attack
TRADE_VERBS = frozenset("""supply sell deliver send ship smuggle provide give transfer export import buy purchase
acquire stockpile store manufacture produce arm""".split())
LIST_POS = frozenset({"NOUN", "PROPN", "ADJ", "PUNCT", "CCONJ", "DET", "NUM"})  # the words of a list of things
BROKER_WORDS = frozenset("broker brokered mediate mediated sponsor sponsored facilitate facilitated".split())
ARGUING_VERBS = frozenset("argue say allege claim charge assert contend insist warn".split())
PARTNER_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "AID"})  # (not a truce: its target is the foe)
OPPOSING_VERBS = frozenset("counter defeat fight combat degrade destroy confront oppose resist tackle eliminate "
                           "eradicate crush".split())
TOPIC_VERBS = frozenset("discuss address review consider examine debate".split())
ALONGSIDE_NOUNS = frozenset("support backing coordination cooperation co-operation partnership help assistance "
                            "conjunction concert".split())
BACKING_VERBS = frozenset("support help assist back bolster reinforce protect defend aid prop".split())
ATTACK_NOUNS = frozenset("strike airstrike air-strike raid attack bombardment shelling bombing".split())
WEAPON_PLATFORMS = frozenset("""aircraft warplane jet bomber drone helicopter gunship artillery tank missile rocket
mortar""".split())
STRIKE_DONE_VERBS = frozenset("conduct carry launch order mount execute authorize authorise".split())
STRIKE_DOES_VERBS = frozenset("hit destroy kill engage target suppress damage wound struck".split())


def _complaint_argued(f: Frame, idx: MentionIndex) -> None:
    """ "filed a complaint with the UN, saying its neighbour was preparing to invade": the
    body complained to is where the complaint went; the one accused is the subject of the argued clause."""
    if not f.targets or not all(m.actor.kind == "igo" for m in f.targets) or not f.target_slot.endswith(("with", "to")):
        return
    src = {m.actor.code for m in f.sources}
    for adv in (c for c in f.trigger.children if c.dep_ == "advcl" and vlemma(c) in ARGUING_VERBS):
        for clause in (c for c in adv.children if c.dep_ == "ccomp"):
            for subj in _children(clause, ("nsubj", "nsubjpass")):
                m = next((x for x in idx.actors(subj) if x.actor.code and x.actor.code not in src), None)
                if m is not None:
                    f.targets, f.target_slot = [m], f"accused in '{adv.text}'"
                    f.notes.append(f"the one accused is who the complaint argues about ('{adv.text} that ...')")
                    return


def _military_strike(n: Any, idx: MentionIndex) -> bool:
    """Is an unmodified "strike" a military one? Counted strikes ("conducted 15 strikes"), strikes conducted or
    launched, strikes that hit, destroy or engage something, and a state's strike ("a U.S. strike") are attacks;
    workers' strikes are called, held, staged or joined."""
    if any(c.dep_ == "nummod" and c.like_num for c in n.children):
        return True
    if n.dep_ == "dobj" and vlemma(n.head) in STRIKE_DONE_VERBS:
        return True
    if n.dep_ == "nsubj" and vlemma(n.head) in STRIKE_DOES_VERBS:
        return True
    return any(c.dep_ in ("compound", "amod", "nmod") and any(m.actor.kind == "state" for m in idx.actors(c))
               for c in n.children)


def _traded(n: Any) -> bool:
    """Is the weapon noun ``n`` in the list of things a verb of trade takes ("supplying ammunition, landmines and
    mortars")? Read along the words, not the tree: the small parser often hangs the later items elsewhere."""
    for t in reversed(n.doc[n.sent.start:n.i]):
        if t.pos_ in ("VERB", "AUX"):
            return vlemma(t) in TRADE_VERBS
        if t.pos_ not in LIST_POS and t.text != "-":
            return False
    return False


def _alongside(f: Frame, tok: Any) -> bool:
    """Is ``tok`` the noun of "in support of", "in coordination with" on a hostile act? Those named there are on
    the doer's side ("in support of the Iraqi forces, aircraft struck ..."), not its target."""
    return TYPES[f.type].quad in (3, 4) and tok.lemma_.lower() in ALONGSIDE_NOUNS


def _no_recipient_in(f: Frame, c: Any) -> bool:
    """Does the phrase at ``c`` name no recipient of the act, however near it is? The court a lawsuit is filed in;
    for a cooperative act, a common enemy ("meets to coordinate efforts to counter ISIL") or a topic discussed;
    for a hostile one, the side it is done alongside."""
    if c.dep_ == "pobj" and c.head.lower_ in ("in", "at", "before") and any(
            w.lower_ in ("court", "tribunal") for w in c.subtree):
        return True
    if f.type in PARTNER_TYPES and (
            (c.dep_ == "prep" and c.lower_ == "against")
            or (c.dep_ in ("xcomp", "advcl", "acl", "ccomp", "pcomp", "relcl", "conj") and c.pos_ in ("VERB", "AUX")
                and vlemma(c) in OPPOSING_VERBS)
            or (c.dep_ == "dobj" and c.head.pos_ in ("VERB", "AUX") and vlemma(c.head) in TOPIC_VERBS)):
        return True
    return c.dep_ == "prep" and TYPES[f.type].quad in (3, 4) and (
        c.lower_ == "alongside" or (c.lower_ in ("in", "with") and any(g.dep_ == "pobj" and _alongside(f, g)
                                                                       for g in c.children)))


def _claimed(n: Any) -> Any | None:
    """The verb "claim" whose object is the attack noun ``n`` ("claimed the attacks"), directly or through
    "responsibility for" ("claimed responsibility for the bombing"), or None."""
    t = n
    if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() == "responsibility":
        t = t.head.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX") and vlemma(t.head) == "claim":
        return t.head
    return None


def _broker(m: Any, doc: Any) -> bool:
    """Is the mention written as the broker of what follows it ("Egypt-brokered", "UN-sponsored")?"""
    end = m.token_end
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in BROKER_WORDS


def _prep_objects(tok: Any, prep: str) -> list[Any]:
    """Objects of a named preposition under ``tok`` ("to Russia", "on Belarus", "according to")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            if c.i > 0 and c.nbor(-1).lower_ == "according":
                continue  # "according to X" names a speaker, not a recipient
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        elif c.dep_ in ("advmod", "prt") and c.lower_ in DIRECTION_ADVERBS:
            # "handed Hong Kong back to China", "sent the refugees home to Rwanda": the parser hangs the
            # recipient phrase on the direction adverb
            out += [g for p in c.children if p.dep_ == "prep" and p.lower_ == prep
                    for g in p.children if g.dep_ in ("pobj", "pcomp")]
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
# prepositions of circumstance: their object is when or despite what something happened, never a party or the act
CIRCUMSTANCE_PREPS = frozenset("after before following during since despite without amid amidst until".split())
PERMIT_VERBS = frozenset("allow let permit authorize authorise".split())
CARRY_ON_VERBS = frozenset("press push forge carry go continue proceed persist".split())
JOINT_ADVERBS = frozenset("together jointly alongside".split())
# slots that hold the doer itself, which a lexicon entry's subject constraint asks about ("ministers are due to
# gather" is asked about the ministers; a relative clause's head or a controlling object is not asked)
SUBJECT_SLOTS = ("subj", "by-agent", "controller-subj")
# past tenses the small tagger reads as adjectives ("Sweden froze part of its aid": froze/ADJ/ROOT)
MISTAGGED_PAST = {"froze": "freeze", "unfroze": "unfreeze"}


def vlemma(tok: Any) -> str:
    """A verb's lemma, repaired where the small model cuts a silent -e ("staged" -> "stag", "cautioned" is
    fine): when the lemma is unknown to the lexicon but lemma+"e" is known and the word starts with the
    lemma, the longer one is meant."""
    low = tok.lemma_.lower()
    if tok.lower_ in MISTAGGED_PAST:
        return MISTAGGED_PAST[tok.lower_]
    if "-" in low and low not in _KNOWN_VERBS and low[:-1] in _KNOWN_VERBS:
        return low[:-1]  # "test-launched" is lemmatised "test-launche" (a tokenizer special case, nlp/annotate)
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "test":
        return f"test-{low}"  # "test-fired two missiles": the tokenizer splits the compound verb
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
        if c.dep_ == "oprd" and c.pos_ != "PROPN":  # "which Argentina calls the Malvinas" names, it judges nothing
            out.add("pred")
        elif c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or any(g.dep_ == "aux" for g in c.children)):
            out.add("clause")
            out.add(f"clause:{vlemma(c)}")  # "allowed the refugees to stay": what the governed clause does
            if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                out.add("to-clause")  # "told Y to leave" (an order), not "told reporters that ..." (a statement)
        elif c.dep_ in ("xcomp", "ccomp", "acomp") and c.pos_ in ("ADJ", "NOUN") and objs:
            out.add("pred")
        elif c.dep_ in ("prep", "agent", "dative"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ == "as" and objs:
                out.add("pred")
            if not pobj or not all(g.ent_type_ in ("DATE", "TIME") for g in pobj):
                out.add(c.lower_)
            out |= {f"{c.lower_}:{g.lemma_.lower()}" for g in pobj}  # "took to the streets" -> "to:street"
        elif c.dep_ == "prt" and c.lower_ in ("on", "upon"):
            out.add(c.lower_)
        elif c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS:
            out.add("together")  # "worked together", "jointly patrolled"
        elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            out.add("for")  # "lobbying hard for Germany (to) back its proposal": a "for" clause
    for c in kids:
        if c.lower_ in ("out", "away") and c.dep_ in ("prep", "prt", "advmod"):
            # "pulled out of the talks", "were ordered out of the United States": the "of" phrase hangs under
            # the particle
            out.add(c.lower_)
            for g in c.children:
                if g.dep_ == "prep":
                    out.add(g.lower_)
                    out |= {f"{g.lower_}:{x.lemma_.lower()}" for x in g.children if x.dep_ == "pobj"}
        elif c.dep_ in ("advmod", "prt") and c.lower_ in DIRECTION_ADVERBS:
            out.add(c.lower_)  # "called its ambassador home", "sent the crew back"
    for g in (objs[0].children if objs else ()):
        if g.dep_ == "prep" and g.lower_ in ("to", "against", "between"):
            out.add(f"obj-{g.lower_}")  # "expressed regret to Norway": the addressee hangs on the object
        elif g.dep_ == "prep" and g.lower_ == "in":  # "joined Omani units in the exercise"
            out |= {f"in:{x.lemma_.lower()}" for x in g.children if x.dep_ == "pobj"}
    if len(objs) >= 2 and objs[-1].pos_ != "PROPN":
        out.add("pred")  # "branded the move a provocation": the parser gives two objects
    if object_of(v):
        out.add("obj")  # "returned the prisoners" (vs "returned to Geneva")
    return out


def is_passive(v: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)




def _force_owner(g: Any, idx: MentionIndex) -> list[Mention] | None:
    """Whose force the phrase ``g`` names ("Syrian troops", "a Chinese naval task force"): its coded mentions, else
    its nationality adjectives; [] for a force of nobody named, None when ``g`` names no force at all."""
    if not {t.lemma_.lower() for t in g.subtree} & FORCE_WORDS:
        return None
    return [m for m in idx.actors(g) if m.actor.code] or [
        m for m in (idx.adjective(t) for t in g.subtree if t.dep_ in ("amod", "compound")) if m is not None]


def _moved_force_is_the_doer(f: Frame, g: Any, owners: list[Mention], slot: str) -> None:
    f.sources, f.source_slot = owners[:1], slot
    f.targets = [m for m in f.targets if m.actor.code != owners[0].actor.code]
    f.notes.append(f"the force moved ('{g.text}') is the doer's own")


def _warned_about_a_deed(v: Any) -> bool:
    """A "that" clause under "warn" that reports an act under way or done ("was tarnishing", "had violated"), with
    no modal, condition or future: the warning reproaches, it threatens nothing."""
    for c in v.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        if auxes & (MODALS | {"wo"}):
            return False
        if any(a.dep_ == "mark" and a.lower_ in ("if", "unless") for a in c.subtree):
            return False
        if c.tag_ == "VBG" and auxes & {"was", "were", "is", "are"}:
            return True
        if c.tag_ == "VBN" and auxes & {"had", "has", "have"}:
            return True
    return False


def _reduced_passive(v: Any) -> bool:
    """A past participle the parser gave a subject but no auxiliary and no object: a casualty count or a
    headline in the passive ("640 Palestinians killed since ...", "New York woman killed in crash")."""
    if v.tag_ != "VBN" or v.dep_ not in ("acl", "ROOT", "conj") or any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in v.children):
        return False
    # (the tagger also calls plain past tenses VBN: "Teachers across the country protested" keeps its subject)
    return v.lemma_.lower() in DONE_TO_VERBS or any(
        c.dep_ == "nummod" for s in v.children if s.dep_ in ("nsubj", "nsubjpass") for c in s.children)


DONE_TO_VERBS = frozenset("""kill injure wound hurt arrest detain jail shoot kidnap abduct execute behead charge
capture indict convict sentence expel deport""".split())


# "used his speech to denounce ...", "took the opportunity to thank ...": the object is the means, the subject acts
MEANS_VERBS = frozenset("use take seize exploit employ spend grab".split())


def subject_of(v: Any, seen: int = 0) -> tuple[list[Any], str]:
    """Logical subject tokens of a verb, following conjunction, control and relative clauses."""
    if seen > 4:
        return [], ""
    if is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN" and not _children(v, SUBJ_DEPS)):
        # (a reduced relative is a passive too: "atrocities committed by Serb forces", "sanctions imposed by the EU")
        agents = _prep_objects(v, "by")
        if agents:
            return agents, "by-agent"
    else:
        subs = _children(v, SUBJ_DEPS)
        if subs and _reduced_passive(v):
            return [], ""  # "more than 640 Palestinians killed since ...": the noun is who it was done to
        if subs:
            return subs, "subj"
    if v.dep_ == "conj" and (v.head.pos_ in ("VERB", "AUX") or _children(v.head, SUBJ_DEPS)):
        # the head may be a verb the tagger read as a noun ("a gunman shot and wounded the Pope")
        toks, slot = subject_of(v.head, seen + 1)
        return toks, slot + "(conj)" if toks else ""
    if v.dep_ == "xcomp" and is_passive(v):
        return [], ""  # "refugees risked being deported", "wants to be invited": the controller is done to
    if v.dep_ == "xcomp":
        head = v.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp",):  # "X is willing to ..."
            head = head.head
        objs = _children(head, OBJ_DEPS)
        if objs and head.lemma_ not in ("promise",) and head.lemma_.lower() not in MEANS_VERBS:  # "urged Y to"
            return objs, "controller-obj"
        if is_passive(head) and (raised := _children(head, ("nsubjpass",))):
            # "IS fighters are reported to have killed ...", "the army was ordered to withdraw": the subject of a
            # passive raising or control verb does what its clause says
            return raised, "raised-subj"
        toks, slot = subject_of(head, seen + 1)
        return toks, "controller-subj" if toks else ""
    if v.dep_ == "pcomp" and v.head.lower_ == "to" and _self_binding(v.head.head) and v.head.head.dep_ == "acomp":
        toks, slot = subject_of(v.head.head.head, seen + 1)  # "al-Qaida remains committed to carrying out attacks"
        return toks, "controller-subj" if toks else ""
    inverted = _inverted_subject(v)
    if inverted:
        return inverted, "subj"  # "Condemning the execution in the harshest terms was President Mandela"
    if _verb_read_as_modifier(v):
        return [c for c in v.children if c.dep_ in ("npadvmod", "nsubj", "compound") and c.i < v.i], "subj"
    if not is_passive(v):
        named = [c for c in v.children if c.dep_ == "npadvmod" and c.i < v.i and c.ent_type_ not in ("DATE", "TIME")
                 and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))]
        if named:
            return named, "subj"  # "Turkey massed troops ..." with the name read as an adverbial
    if v.dep_ == "acl" and _main_verb_misread(v) and not (v.tag_ == "VBN" and v.lemma_.lower() in DONE_TO_VERBS):
        # ("more than 200 Somalis killed since ...": the noun is who it was done to, left to the acl rule below)
        return [v.head], "subj"  # "Turkey, which built the dam, threatened on Thursday to ...": no other verb
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
        if v.dep_ == "acl" and v.tag_ == "VBN":  # "troops deployed in X": the noun is the object
            return [], ""
        if v.dep_ == "relcl" and is_passive(v):
            return [], ""  # "the service member who was killed in Syria": the noun is who it was done to
        return [v.head], "relcl-head"
    if v.dep_ == "advcl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        toks, slot = subject_of(v.head, seen + 1)  # purpose: "staged demonstrations to demand reforms"
        return toks, "purpose-subj" if toks else ""
    if v.dep_ == "advcl" and v.tag_ == "VBG":  # ", killing one person"
        toks, slot = subject_of(v.head, seen + 1)
        return toks, "advcl-subj" if toks else ""
    prep = gerund_preposition(v)
    if v.tag_ == "VBG" and prep is not None and v.head.head.pos_ in ("VERB", "AUX") and (
            prep in GERUND_PREPS or (prep == "to" and vlemma(v.head.head) in OWN_DEED_VERBS)):
        # "Russia responded by expelling 23 diplomats", "the court deliberated before convicting them": the doer
        # of a gerund after a preposition on a verb is that verb's subject
        toks, slot = subject_of(v.head.head, seen + 1)
        return toks, "gerund-subj" if toks else ""
    return [], ""


# prepositions whose gerund shares the subject of the verb they hang on (not "for", "of": "arrested for
# stealing", "accused of plotting" name someone else's act)
GERUND_PREPS = frozenset("by after before while when since upon without".split()) | {"instead of"}
# verbs whose "to" + gerund is the subject's own deed: "confessed to killing", "admitted to shelling", "resorted to
# bombing" (not "objected to", "referred to")
OWN_DEED_VERBS = frozenset("confess admit resort plead".split())


def _inverted_subject(v: Any) -> list[Any]:
    """The doer of a fronted participle clause ("Leading the criticism was Sweden", "Expelling the reporter was
    Russia's FSB"): the complement of the "be" the clause is the subject of (or, misparsed, hangs on)."""
    if v.tag_ != "VBG":
        return []
    if v.dep_ == "csubj" and v.head.lemma_ == "be":
        return _children(v.head, ("attr",))
    for c in v.children:
        if c.dep_ == "aux" and c.lemma_ == "be" and c.i > v.i:
            return _children(c, ("attr",))
    return []


COUNTED_EVENTS = frozenset("war conflict battle campaign clash".split())
SHARE_NOUNS = frozenset("percent percentage share proportion".split())


def _not_an_act(v: Any, objs: list[Any], subj: list[Any]) -> bool:
    """Predicates that describe a state of affairs, not an act between actors:
    - a count of past events: "India and Pakistan have fought three wars since independence";
    - a statistic as the subject: "nearly 70 percent of Mexico's exports go to the United States";
    - a mass of people: "some 1.9 million Germans visited Turkey's beaches last year";
    - geography: "Lesotho is entirely surrounded by South Africa" (a present-tense passive of surround);
    - the future "is going to": "Israel is going to retaliate" goes nowhere; the verb under it is the act."""
    if _going_to_future(v):
        return True
    for o in objs:
        if o.lemma_.lower() in COUNTED_EVENTS and o.tag_ == "NNS" and any(
                c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in ("several", "many", "numerous"))
                for c in o.children):
            return True
    for t in subj:
        lemma = t.lemma_.lower()
        if lemma in SHARE_NOUNS or (lemma == "cent" and any(c.lower_ == "per" for c in t.children)):
            return True
        if any(c.dep_ in ("nummod", "quantmod") and c.lower_ in ("million", "millions", "thousand", "thousands")
               for x in (t, *t.children) for c in x.children) and vlemma(v) in ("visit", "tour", "travel", "go"):
            return True
    if vlemma(v) in ("surround", "encircle", "border") and is_passive(v) and any(
            c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in v.children):
        return True
    return _road_accident(v, objs, subj)


# what a car hits or is driven into: with a person (not a force or a weapon) as the driver, a road accident
ROAD_OBJECTS = frozenset("vehicle car truck lorry van bus taxi motorcycle pedestrian cyclist motorist".split())
ROAD_PEOPLE = frozenset("man woman boy girl teenager youth suspect resident driver motorist".split())
ROAD_MEANS = frozenset("car truck lorry van vehicle suv jeep pickup sedan minivan motorcycle".split())


def _road_accident(v: Any, objs: list[Any], subj: list[Any]) -> bool:
    """ "he hit another vehicle", "he struck Chohan with his Toyota": a person at the wheel who hits a car, a
    pedestrian or anyone with a car is in a road accident, not an attack. A drone or a unit that strikes a car is
    not a person, and the lexicon's accident entry already covers named drivers ("a truck driver hit ...")."""
    if vlemma(v) not in ("hit", "strike") or not subj or any(
            t.pos_ != "PRON" and t.ent_type_ != "PERSON" and t.lemma_.lower() not in ROAD_PEOPLE for t in subj):
        return False
    if any(o.lemma_.lower() in ROAD_OBJECTS for o in objs):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" and (g.lemma_.lower() in ROAD_MEANS or g.ent_type_ == "PRODUCT") for g in c.children)
        for c in v.children)


def _going_to_future(v: Any) -> bool:
    """ "is going to send troops": a progressive "go" governing a to-infinitive and no place of its own."""
    return v.lower_ in ("going", "gon") and any(c.dep_ == "aux" and c.lemma_ == "be" for c in v.children) \
        and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(m.lower_ == "to" for m in c.children)
                for c in v.children) \
        and not any(c.dep_ == "prep" for c in v.children)


def _verb_read_as_modifier(v: Any) -> bool:
    """ "Turkey massed troops along its border" parsed as "[Turkey] massed-troops" (the verb an adjective of a root
    noun, the doer hanging on it): the verb is the clause's main verb and the noun its object."""
    return v.dep_ == "amod" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v.head.pos_ == "NOUN" \
        and any(c.dep_ in ("npadvmod", "nsubj", "compound") and c.i < v.i for c in v.children)


def _main_verb_misread(v: Any) -> bool:
    """A participle hung on the sentence's root noun when the sentence has no verb above it: the parser's
    reading of "Turkey, which built the dam, threatened to ..." (the clause's main verb, not a modifier)."""
    return v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") and v.tag_ in ("VBD", "VBN") \
        and (v.tag_ == "VBD" or any(t.lower_ == "," for t in v.doc[v.head.i:v.i]) or _only_verb_phrase(v)) \
        and not any(c.dep_ == "agent" for c in v.children)


def _only_verb_phrase(v: Any) -> bool:
    """Is the participle's phrase the only verbal one in its sentence ("A Kenyan envoy shuttled between ...")?"""
    inside = {t.i for t in v.subtree}
    return not any(t.pos_ in ("VERB", "AUX") for t in v.sent if t.i not in inside)


def object_of(v: Any) -> list[Any]:
    if is_passive(v):
        subj = _children(v, ("nsubjpass",))
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN") and all(
                t.lower_ in ("who", "which", "that", "whom") for t in subj):
            return [v.head]  # "the soldier who was killed": the relative pronoun stands for the noun
        if not subj and v.dep_ == "xcomp":
            # "Russian diplomats risk being expelled": the controller is the one it is done to
            return _children(v.head, ("nsubj",)) or _children(v.head, ("nsubjpass",))
        return subj
    objs = _children(v, OBJ_DEPS)
    if not objs and _verb_read_as_modifier(v):
        return [v.head]
    if not objs and v.dep_ in ("acl",) and v.tag_ == "VBN" and not _main_verb_misread(v):
        objs = [v.head]
    return objs


# a subject that is a text speaks for its author: "A report by the UN rapporteur accused ...", "a UN study found"
DOCUMENT_NOUNS = frozenset("""report statement study resolution letter communique communiqué declaration audit ruling
verdict document paper survey inquiry probe review memo memorandum note editorial commentary article dossier
assessment decree""".split())


# what one accepts, rejects or answers is someone's: the author of "the accusations from Kyiv" is the target
CLAIM_NOUNS = DOCUMENT_NOUNS | frozenset("""accusation claim charge allegation demand proposal offer call plan request
criticism condemnation ultimatum appeal plea warning threat suggestion initiative bid overture invitation
apology assurance protest complaint objection condition terms""".split())


# a subject who speaks or acts for someone stands for them: "a spokesman for the rebels apologised to Ghana"
PROXY_NOUNS = frozenset("""spokesman spokeswoman spokesperson representative envoy delegate emissary negotiator
delegation""".split())


AUTHORED_SUBJECTS = DOCUMENT_NOUNS | PROXY_NOUNS


def _authors(t: Any) -> list[Any]:
    """The author slots of a document noun ("by X", "from X", "X's report", "a UN report"), or whom a
    spokesperson speaks for ("a spokesman for X")."""
    out = [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
    for prep in ("by", "from", "of", "for"):
        for o in _prep_objects(t, prep):  # "by the UN special rapporteur": the office, else whom it serves
            out += [o, *(c for c in o.children if c.dep_ in ("poss", "compound", "amod", "nmod"))]
    return out


def _slot_tokens(v: Any, slot: str, nominal: bool) -> list[Any]:
    if slot == "subj":
        if nominal:
            return []
        toks = subject_of(v)[0]
        return [*toks, *(a for t in toks if t.lemma_.lower() in AUTHORED_SUBJECTS for a in _authors(t))]
    if slot == "obj":
        if nominal:
            return []
        toks = object_of(v)  # "rejected the accusations from Kyiv", "accepted Russia's offer": whose they are
        return [*toks, *(a for t in toks if t.lemma_.lower() in CLAIM_NOUNS for a in _authors(t))]
    if nominal and slot in ("poss", "amod", "compound"):
        return _children(v, (slot,))
    if slot == "by" and not nominal:
        return []  # the passive agent is the subject already
    out = _prep_objects(v, slot)
    if not out and not nominal and slot in OBJECT_PP_SLOTS:
        # "withdrew its ambassador from Peru": the parser often hangs the verb's recipient phrase on its object
        for o in object_of(v):
            out += _prep_objects(o, slot)
    return out


OBLIGATION = frozenset({"must", "should", "ought"})
# "threw its weight behind Damascus", "brokered talks between Khartoum and the rebels", "broke off relations with
# Syria"
OBJECT_PP_SLOTS = frozenset({"to", "into", "from", "behind", "between", "against", "with"})
PLACE_SLOTS = frozenset({"obj", "at", "against", "on", "into", "onto"})
OBLIGATION_REPORTERS = frozenset("say tell declare insist reiterate remind stress state announce add repeat emphasize "
                                 "emphasise argue write".split())
GOAL_PLACE_TYPES = frozenset({"MOBILIZE"})
GOAL_SLOTS = frozenset({"to", "into"})
# prepositional recipient slots where a place names the recipient state for any type ("agreed to return villages
# to Azerbaijan", "withdrew from Lebanon"); AID keeps to actor recipients (a place after "to" lowered held-out
# GSR type accuracy when tried, twice)
PLACE_RECIPIENT_SLOTS = frozenset({"to", "into", "from", "with", "against", "on", "behind"})
VISIT_PLACE_SLOTS = frozenset({"obj", "in", "at", "to", "into"})
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN"})
INSTRUMENT_VERBS = frozenset("use employ fire launch deploy drop".split())


def _against_in_instrument(f: Frame, idx: MentionIndex) -> None:
    """An attack's target named at the end of its instrument phrase: "carried out six raids using fighter and
    remotely piloted aircraft against Hezbollah targets". The parser hangs "against" on the last weapon, deeper
    than the nearest-actor search goes; what the weapons were used against is what was attacked."""
    carrier = f.extra_tokens[-1] if f.path == "light" and f.extra_tokens else f.trigger
    for c in carrier.children:
        if not (c.dep_ == "advcl" and c.tag_ == "VBG" and vlemma(c) in INSTRUMENT_VERBS):
            continue
        inside = {x.i for x in c.subtree}
        for t in c.subtree:
            if t.dep_ != "prep" or t.lower_ != "against" or any(
                    a.dep_ in ("relcl", "ccomp", "acl") for a in t.ancestors if a.i in inside):
                continue
            for o in t.children:
                if o.dep_ == "pobj" and (m := idx.find(o) or idx.nationality(o)) is not None and m.actor.code \
                        and all(m is not s for s in f.sources):
                    f.targets, f.target_slot = [m], "against (instrument)"
                    f.notes.append(f"target: what the weapons of '{c.text}' were used against")
                    return
REPORTING = frozenset("say tell announce state declare add claim insist warn told report".split())


FIRST_PERSON = frozenset("i we us our me my".split())
# participles whose passive binds its subject to act ("is committed to", "is determined to"), as verb lemmas and as
# the adjectives the tagger sometimes makes of them
SELF_BINDING = frozenset("commit determine resolve dedicate devote pledge".split())
SELF_BINDING_ADJECTIVES = frozenset("committed determined resolved dedicated devoted pledged".split())


def _self_binding(tok: Any) -> bool:
    return vlemma(tok) in SELF_BINDING or tok.lower_ in SELF_BINDING_ADJECTIVES


def _speaker_for_pronoun(tok: Any, idx: MentionIndex) -> list[Mention]:
    """ "Palestinian leaders said they would ...": a pronoun subject of a clause under a reporting
    verb stands for that verb's subject. Used only when the actors stage left the pronoun unresolved."""
    cur = tok.head
    for _ in range(4):
        if cur.dep_ in ("ccomp", "xcomp", "conj") and cur.head.lemma_.lower() in REPORTING:
            verb = cur.head
            lo, hi = sorted((tok.i, verb.i))
            if tok.lower_ not in FIRST_PERSON and any(t.is_quote for t in tok.doc[lo:hi]):
                # a direct quote: '"They promised us a lot," said the spokesman' - only "I" and "we" are the speaker
                return []
            for c in verb.children:
                if c.dep_ == "nsubj":
                    return idx.actors(c)
            return []
        if cur.head is cur:
            break
        cur = cur.head
    if tok.lower_ in ("we", "us", "our"):
        return _statement_speaker(tok, idx)
    return []


STATEMENT_LOOKBACK = 3  # sentences


def _statement_speaker(tok: Any, idx: MentionIndex) -> list[Mention]:
    """ 'Tobias Ellwood said:' then 'We condemn the attack ...': a "we" in the statement a colon introduced, within
    a few sentences after it, is the speaker's side (official statements quote whole paragraphs this way)."""
    doc = tok.doc
    start = tok.sent.start
    seen = 0
    for i in range(start - 1, max(-1, start - 400), -1):
        t = doc[i]
        if t.is_sent_start:
            seen += 1
            if seen > STATEMENT_LOOKBACK:
                return []
        if t.text == ":" and i > 0 and doc[i - 1].lemma_.lower() in REPORTING:
            verb = doc[i - 1]
            for c in verb.children:
                if c.dep_ == "nsubj":
                    return [m for m in idx.actors(c) if m.actor.code]
            return []
    return []


def _at_the_hands_of(v: Any, idx: MentionIndex) -> list[Mention]:
    """The actors of "at the hands of X" hung on ``v`` (each of a coordination: "of Assad and ISIL")."""
    for h in _prep_objects(v, "at"):
        if h.lemma_.lower() == "hand":
            out: list[Mention] = []
            for x in _prep_objects(h, "of"):
                for t in (x, *x.conjuncts):
                    out += [m for m in idx.actors(t) if m.actor.code and m not in out]
            return out
    return []


POSSESSIVE_PRONOUNS = frozenset("its their his her our".split())


def _own_possessives(ms: list[Mention], sources: list[Mention], doc: Any) -> list[Mention]:
    """Mentions among ``ms`` that are a possessive pronoun standing for one of the sources, or a phrase the
    doer owns by one ("withdrew its troops from Lebanon": its troops are not the target)."""
    codes = {s.actor.code for s in sources if s.actor.code}

    def owned(m: Mention) -> bool:
        toks = doc[m.token_start:m.token_end]
        if len(toks) == 1 and toks[0].lower_ in POSSESSIVE_PRONOUNS:
            return True
        return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in toks.root.children)

    return [m for m in ms if m.actor.code in codes and m.token_start >= 0 and owned(m)]


BORDER_NOUNS = frozenset("border frontier boundary line".split())
INSTRUMENT_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
EXERCISE_WORDS = frozenset("exercise drill manoeuvre maneuver game wargame".split())
TRAVEL_VERBS = frozenset("fly sail travel arrive go enter cross steam land".split())
WAR_MACHINES = frozenset("""jet bomber warplane warship destroyer carrier aircraft submarine frigate drone helicopter
gunship cruiser corvette tank convoy""".split())
RELIEF_WORDS = frozenset("relief aid humanitarian food medical rescue".split())
PEACE_FORCE_WORDS = frozenset("peacekeeper peacekeeping monitor stabilisation stabilization helmet kfor ifor sfor "
                              "unifil unprofor interfet ecomog".split())
RESCUE_WORDS = frozenset("rescue rescuer medic paramedic firefighter relief".split())
TROOP_WORDS = frozenset("troop soldier force marine paratrooper battalion brigade commando contingent unit fighter "
                         "mercenary militiaman guerrilla".split())
# what troops arriving "to ..." come for when they come as protectors (CAMEO 0744 military protection)
PROTECT_VERBS = frozenset("restore keep maintain protect secure stabilise stabilize police supervise guard halt "
                          "end separate".split())
FORCE_WORDS = TROOP_WORDS | WAR_MACHINES | {"navy", "army", "peacekeeper", "garrison", "fleet"}


def _travelling_force(f: Frame) -> None:
    """A travel verb whose subject is a force or a cargo is no visit (CONSULT is for people who meet).

    "Russian bombers flew along the coast": warplanes and warships show force (MOBILIZE). "Relief flights
    landed in Tonga", "an aid convoy entered Gaza": aid arriving (AID). "Peacekeepers arrived in Monrovia",
    "troops arrived in East Timor to restore order": protection (AID, peacekeeping). Other troops arriving
    are a deployment (MOBILIZE)."""
    subj = subject_of(f.trigger)[0]
    words = {t.lemma_.lower() for s in subj for t in s.subtree}
    objs = object_of(f.trigger)
    if any(a.lower_ in ("joint", "combined") for o in objs for a in o.children) \
            and (_prep_objects(f.trigger, "with") or any(_prep_objects(o, "with") for o in objs)):
        # "Greek jets flew joint missions with the Egyptian air force": a joint act with the partner named
        f.type, f.mode, f.reciprocal = "COOPERATE", "military", True
        f.notes.append("a joint mission flown or sailed with a partner: military cooperation, not a visit")
        return
    purposes = {c.lemma_.lower() for c in f.trigger.children
                if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)}
    if words & RESCUE_WORDS and not words & (TROOP_WORDS | WAR_MACHINES):
        f.type, f.mode = "AID", "humanitarian"
        f.notes.append("rescuers or medics travelling: humanitarian aid, not a visit")
    elif words & RELIEF_WORDS and words & (WAR_MACHINES | {"flight", "plane", "shipment", "truck", "ship", "lorry"}):
        f.type, f.mode = "AID", "humanitarian"
        f.notes.append("aid travelling (a relief flight, an aid convoy): AID arriving, not a visit")
    elif words & PEACE_FORCE_WORDS or (words & TROOP_WORDS and purposes & PROTECT_VERBS):
        f.type, f.mode = "AID", "peacekeeping"
        f.notes.append("a force arriving to protect or keep the peace: AID (peacekeeping), not a visit")
    elif words & (TROOP_WORDS | WAR_MACHINES | {"navy", "army"}) and any(
            o.lemma_.lower() in EXERCISE_WORDS and any(a.lower_ in ("joint", "combined") for a in o.children)
            for prep in ("for", "in", "during") for o in _prep_objects(f.trigger, prep)):
        # "Chinese soldiers arrived in Belarus for joint exercises", "the navy sailed with X in a joint exercise"
        f.type, f.mode = "COOPERATE", "military"
        f.notes.append("a force travelling for or in joint exercises: military cooperation, not a visit")
    elif words & WAR_MACHINES:
        f.type, f.mode = "MOBILIZE", "weapons"
        f.notes.append("military aircraft or ships travelling: a show of force, not a visit")
    elif words & TROOP_WORDS:
        f.type, f.mode = "MOBILIZE", "troops"
        f.notes.append("troops travelling: a deployment, not a visit")


def _coded_place(toks: Any, idx: MentionIndex, exclude: set[str | None]) -> Mention | None:
    """The first of these tokens that the actors stage read as a place with a code not in ``exclude`` (a country
    or a capital after a recipient preposition stands for its state)."""
    for tok in toks:
        m = idx.location.get(tok.i)
        if m is not None and m.actor.code and m.actor.code not in exclude:
            return m
    return None


def _sent_to_protect(f: Frame) -> None:
    """ "Rwanda sent a battalion to protect gas installations in Cabo Delgado", "deployed 1,000 soldiers to help
    Congolese forces protect Uvira": forces sent to protect or keep the peace are aid (CAMEO 0744), not a build-up."""
    for c in f.trigger.children:
        if c.dep_ not in ("advcl", "xcomp") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        purpose = {c.lemma_.lower()} | {g.lemma_.lower() for g in c.children if g.dep_ in ("xcomp", "ccomp")
                                        and c.lemma_.lower() in ("help", "assist")}
        joins_peace_force = c.lemma_.lower() in ("join", "reinforce", "serve", "strengthen") and any(
            t.lemma_.lower() in PEACE_FORCE_WORDS for t in c.subtree)  # "to join the UN peacekeeping force"
        if purpose & PROTECT_VERBS or joins_peace_force:
            f.type, f.mode = "AID", "peacekeeping"
            f.notes.append(f"a force sent to {c.lemma_} protects: AID (peacekeeping), not a build-up")
            return


ORDER_VERBS = frozenset("order tell instruct command direct give".split())
LEAVE_VERBS = frozenset("leave quit depart close shut halt cease vacate exit suspend stop".split())
# whom an order to leave sends away as a body: diplomats, missions and agencies (SANCTION), not people (COERCE)
MISSION_HEADS = frozenset("""ambassador envoy diplomat attache attaché consul chargé charge embassy consulate mission
agency council office bureau organisation organization charity ngo group contingent troop soldier force peacekeeper
battalion garrison""".split())  # (a foreign force sent home is withdrawn as a body, CAMEO 166, like a mission)
STOP_VERBS = frozenset("close shut halt cease suspend stop".split())
HOSTILE_ACTS = frozenset("""offensive attack assault fighting bombing bombardment shelling strike airstrike raid
hostility war incursion invasion advance blockade siege operation""".split())


def _leave_clause(c: Any) -> bool:
    """ "to leave the country", "to close its offices", "to cease publication" (an expulsion or a closure), but
    not "to halt the offensive" (asking for a hostile act to stop is a demand). "Operations" counts as hostile
    only with a military modifier ("its military operations")."""
    lemma = c.lemma_.lower()
    if lemma not in LEAVE_VERBS:
        return False
    if lemma not in STOP_VERBS:
        return True
    for o in object_of(c):
        head = o.lemma_.lower()
        mods = {m.lemma_.lower() for m in o.children if m.dep_ in ("amod", "compound")}
        if head in HOSTILE_ACTS and (head != "operation" or mods & {"military", "combat", "ground", "offensive"}):
            return False
    return True


NO_COMMENT = frozenset("comment elaborate speculate specify respond".split())
NO_COMMENT_TALK = frozenset("discuss talk answer reply".split())  # ... with nobody to talk with
FORECAST_VERBS = frozenset("expect predict forecast project anticipate".split())


WEAPON_NOUNS = frozenset("bomb device explosive mine ied landmine rocket missile shell grenade bomber drone".split())


def _weapon_agent(f: Frame, idx: MentionIndex) -> None:
    """ "A car bomb planted by ETA exploded", "a Taliban roadside bomb struck a patrol": when the subject is a
    weapon, whoever planted, fired or owns it is the doer."""
    for subj in subject_of(f.trigger)[0]:
        if subj.lemma_.lower() not in WEAPON_NOUNS:
            continue
        for t in subj.subtree:
            if t.dep_ == "agent" or (t.dep_ in ("poss", "compound", "amod", "nmod") and t.head is subj):
                for tok in t.subtree:
                    m = idx.actor.get(tok.i)
                    if m is not None and m.actor.code and all(m is not x for x in f.targets):
                        f.sources, f.source_slot = [m], "weapon-owner"
                        f.notes.append(f"the weapon's owner or planter ('{m.text}') is the doer")
                        return


def _in_protest(v: Any) -> bool:
    return any(p.lemma_.lower() == "protest" for p in _prep_objects(v, "in"))


def _joint_modified(tok: Any) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in JOINT_MODIFIERS for c in tok.children)


def _done_jointly(v: Any, subj: list[Any]) -> bool:
    """Does the clause say the act was shared: "jointly / together", a "joint" subject ("joint search teams"),
    a light verb's "joint" object ("carried out joint desert patrols", "mounted combined sweeps") or a joint
    undertaking it is part of ("vaccinated cattle in a joint drive")?"""
    if any(c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS for t in (v, v.head) for c in t.children):
        return True
    if any(_shared_adverb(t) and _clause_verb(t).i == v.i for t in v.subtree):
        return True  # "fought forest fires together along the Amur", "worked side by side": parsed lower down
    if any(_joint_modified(s) for s in subj):
        return True
    if vlemma(v) in JOINT_LIGHT_VERBS and any(_joint_modified(o) or any(_joint_modified(x) for x in o.children)
                                             for o in object_of(v)):
        return True
    if _exercise_object(v):
        return True  # "British and Omani troops wound up a desert exercise": an exercise of two sides is joint
    return any(_joint_modified(g) for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "as")
               for g in p.children if g.dep_ == "pobj")


# verbs that say an amount changed: a flow of goods or money as their subject is a series, not an act ("arms sales
# rose"); pressure or fighting that grows is still news ("Moscow's pressure on Lukashenko grew")
QUANTITY_VERBS = frozenset("""rise fall drop decline increase grow double triple halve slump plunge soar jump climb
dip shrink surge tumble slide sink recover rebound""".split())
FLOW_NOUNS = frozenset("""delivery sale export import shipment purchase investment supply trade transfer remittance
loan lending assistance aid credit flow""".split())


def _shared_adverb(t: Any) -> bool:
    """ "together" / "jointly" / "alongside" as an adverb, or "side by side"."""
    if t.dep_ == "advmod" and t.lower_ in JOINT_ADVERBS:
        return True
    return t.lower_ == "side" and t.i + 2 < len(t.doc) and t.nbor(1).lower_ == "by" and t.nbor(2).lower_ == "side"


def _clause_verb(t: Any) -> Any:
    """The nearest verb above a token (the token itself when it is one)."""
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _exercise_object(v: Any) -> bool:
    """Is the verb's object a military exercise ("held drills", "flew combined air combat drills", "war games")?"""
    return any(o.lemma_.lower() in EXERCISE_WORDS - {"game"} or (o.lemma_.lower() == "game" and any(
        c.lower_ == "war" for c in o.children)) for o in object_of(v))


def _on_behalf(f: Frame, idx: MentionIndex) -> None:
    """ "lobbied Council members on behalf of Serbia", "canvassed its allies on behalf of Azerbaijan": whoever
    acts on someone's behalf backs them (CAMEO 05); the one acted for is the target."""
    for prep in f.trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        for b in prep.children:
            if b.dep_ != "pobj" or b.lemma_.lower() != "behalf":
                continue
            for of in b.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    ms = [m for g in of.children if g.dep_ == "pobj" for m in idx.actors(g) if m.actor.code]
                    if ms:
                        f.type, f.mode, f.targets, f.target_slot = "SUPPORT", None, ms[:1], "on behalf of"
                        f.notes.append(f"acting on behalf of '{ms[0].text}' backs them (CAMEO 05)")
                        return


def _coordinated_in(ms: list[Mention], taken: set[str | None], idx: MentionIndex, doc: Any) -> list[Mention]:
    """Mentions of coordinated nationality modifiers on the heads of ``ms`` ("American and British jets": the
    head's mention carries only the last adjective) whose codes are not in ``taken``."""
    codes = set(taken)
    added = []
    for m in ms:
        if m.token_end <= 0:
            continue
        head = doc[m.token_end - 1]
        for t in head.subtree:
            if t.dep_ not in ("amod", "compound", "nmod", "conj") or t.i >= head.i:
                continue
            if not (t.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in t.children)):
                continue  # ("U.S. and North Korean negotiators": the parser may leave the "and" dangling)
            other = idx.actor.get(t.i)
            if other is not None and other.actor.code and other.actor.code not in codes:
                codes.add(other.actor.code)
                added.append(other)
    return added


def _add_coordinated_targets(f: Frame, idx: MentionIndex) -> None:
    """ "opened fire on American and British jets", "deported Indonesian and Filipino workers": every coordinated
    nationality is a target, in the order written (one event per target, the first one first)."""
    added = _coordinated_in(f.targets, {m.actor.code for m in f.targets} | {m.actor.code for m in f.sources},
                            idx, f.trigger.doc)
    f.targets = sorted([*f.targets, *added], key=lambda m: m.token_end)  # (the head's mention ends last)
    if added:
        f.notes.append("coordinated modifiers of the target are targets too: " + ", ".join(m.text for m in added))


def _add_coordinated_modifiers(f: Frame, idx: MentionIndex) -> None:
    """ "Norwegian and Russian coast guard crews", "French and Egyptian warships": the actors stage finds one
    mention per adjective, and the phrase's head carries only the last; every coordinated one is a doer."""
    added = _coordinated_in(f.sources, {m.actor.code for m in f.sources}, idx, f.trigger.doc)
    if added:
        # in the order written: "U.S. and North Korean negotiators" is USA -> PRK when reciprocal
        f.sources = sorted([*f.sources, *added], key=lambda m: m.token_start)
        f.targets = [m for m in f.targets if m not in added]
        f.notes.append("coordinated modifiers of the doer are doers too: " + ", ".join(m.text for m in added))


def _target_across_border(f: Frame, v: Any, idx: MentionIndex) -> None:
    """ "put its troops on alert along the border with Peru": the state across the border is the target."""
    src = {m.actor.code for m in f.sources}
    for tok in v.subtree:
        if tok.lemma_.lower() not in BORDER_NOUNS:
            continue
        for c in tok.children:  # "along the Kuwaiti border", "near the Chinese frontier" (not "UN lines")
            if c.dep_ in ("amod", "compound", "poss") and tok.lemma_.lower() != "line":
                m = idx.actor.get(c.i) or idx.nationality(c) or idx.location.get(c.i)
                if m is not None and m.actor.code and m.actor.code not in src:
                    f.targets, f.target_slot = [m], "border-of"
                    f.notes.append(f"the state whose border it is ('{m.text}') is the target")
                    return
        for g in _prep_objects(tok, "with"):
            m = idx.actor.get(g.i) or idx.location.get(g.i)
            if m is None:
                m = next((x for x in idx.actors(g) if x.actor.code), None)
            if m is not None and m.actor.code and m.actor.code not in src:
                f.targets, f.target_slot = [m], "border-with"
                f.notes.append(f"the state across the border ('{m.text}') is the target")
                return


def _object_pp_actor(v: Any, slots: Any, idx: MentionIndex, exclude: list[Mention]) -> tuple[list[Mention], str] | None:
    """A coded actor in a prepositional phrase hung on the verb's object ("its relations with Moscow")."""
    for slot in slots:
        if not isinstance(slot, str) or slot in ("obj", "subj"):
            continue
        for o in object_of(v):
            for tok in _prep_objects(o, slot):
                ms = [m for m in idx.actors(tok) if m.actor.code and all(m is not x for x in exclude)]
                if ms:
                    return ms, f"obj-{slot}"
    return None


def _phrase_lemmas(tok: Any) -> set[str]:
    """Lemmas that may satisfy an object constraint: the head, its compounds and an "of" object
    ("froze part of an economic aid package" -> part, package, aid)."""
    out = {tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            out.add(c.lemma_.lower())
            out.add(f"{c.lemma_.lower()} {tok.lemma_.lower()}")  # "trade restriction": what kind of restriction
        if c.dep_ == "appos":  # "designated the Houthis a terrorist organisation" (parsed as an apposition)
            out |= {c.lemma_.lower(), *(x.lemma_.lower() for x in c.children if x.dep_ in ("compound", "amod"))}
        if c.dep_ == "prep" and c.lower_ == "on":
            out |= {f"on:{g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"}  # "its ban on imports"
        if c.dep_ == "acl" and c.lemma_.lower() in SUSPECT_PARTICIPLES:
            out.add("suspect")  # "returned a man accused of robbing a bank", "two Cambodians wanted for murder"
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= {g.lemma_.lower(), *(x.lemma_.lower() for x in g.children if x.dep_ in ("compound", "amod"))}
    return out


# the press as the one a speaker "tells": an audience, never a party to the act
PRESS_NOUNS = frozenset("reporter journalist press newsman correspondent medium media newspaper audience".split())
SUSPECT_PARTICIPLES = frozenset("accuse want suspect charge indict convict".split())
BLAME_WORDS = frozenset("responsible guilty culpable accountable liable behind".split())


def _blame_clause(c: Any) -> str:
    """ "Y was responsible for / guilty of / behind / to blame for ...": the blame word, else ""."""
    if c.lemma_.lower() != "be" or any(a.dep_ == "neg" for a in c.children):
        return ""
    for a in c.children:
        if a.dep_ in ("acomp", "attr") and a.lower_ in BLAME_WORDS:
            return a.lower_
        if a.dep_ == "prep" and a.lower_ == "behind":
            return "behind"
        if a.dep_ == "xcomp" and a.lemma_.lower() == "blame":
            return "to blame"
    return ""


def _frame_at(frames: dict[int, Frame], tok: Any) -> Frame | None:
    """The frame a clause head carries: its own, or the light frame that took it as carrier ("to hold talks")."""
    if tok.i in frames:
        return frames[tok.i]
    for g in frames.values():
        if g.path == "light" and any(x.i == tok.i for x in g.extra_tokens):
            return g
    return None


CLAUSE_BARRIERS = frozenset({"relcl", "appos", "parataxis"})


def _embed_clause(frames: dict[int, Frame], head: Any, owner: Frame) -> None:
    """Mark every frame inside the clause headed by ``head`` as coded through ``owner`` (a request, a
    promise, a threat): the clause says what is asked or promised, not what happened. A relative clause
    or an appended remark inside it is a statement of its own and keeps its frames."""
    for g in frames.values():
        if g is owner or g.embedded:
            continue
        toks = [g.trigger, *(x for x in g.extra_tokens if x.pos_ in ("VERB", "AUX"))]
        for t in toks:
            cur, inside = t, False
            for _ in range(12):
                if cur.i == head.i:
                    inside = True
                    break
                if cur.dep_ in CLAUSE_BARRIERS or cur.head is cur:
                    break
                cur = cur.head
            if inside:
                g.embedded = True
                break


class FrameFinder:
    """Find every lexicon frame in a sentence span and attach its actors."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._blocked: set[int] = set()  # verbs of the sentence the lexicon marks as no event (type NONE)
        self._no_doer: set[int] = set()  # ... because of who their subject is ("floods hit", "a bus struck")
        _KNOWN_VERBS.update(lexicon.verbs)

    # -- argument filling ---------------------------------------------------------------------
    @staticmethod
    def _first_slot(f: Frame, v: Any, idx: MentionIndex, nominal: bool, slots: Any,
                    exclude: Any = (), speaker_pronouns: bool = False) -> tuple[list[Mention], str] | None:
        """The actors of the first of ``slots`` that holds any, and that slot's name.

        Two passes: an actor with a code in any slot beats an uncoded one ("rebels", "police") in an
        earlier slot; the uncoded one is kept only when nothing coded is found. ``speaker_pronouns``
        reads a pronoun under a reporting verb as its speaker ("Poland said it would ...").
        """
        for coded in (True, False):
            for slot in slots:
                for tok in _slot_tokens(v, slot, nominal):
                    ms = [m for m in idx.actors(tok) if all(m is not x for x in exclude)]
                    if not ms and speaker_pronouns and tok.lower_ in PRONOUNS:
                        ms = _speaker_for_pronoun(tok, idx)
                        if ms and coded:
                            f.notes.append(f"pronoun '{tok.text}' read as the speaker of the reporting verb")
                    if coded:
                        ms = [m for m in ms if m.actor.code]
                    if ms:
                        return ms, slot
        return None

    def _fill(self, f: Frame, v: Any, idx: MentionIndex, nominal: bool) -> None:
        found = self._first_slot(f, v, idx, nominal, f.entry.source, speaker_pronouns=True)
        if found:
            f.sources, f.source_slot = found
        elif f.type in ("ASSAULT", "COERCE") and (hands := _at_the_hands_of(v, idx)):
            # "were killed at the hands of the Houthis and al-Qaeda", "deaths at the hands of the police": the agent
            f.sources, f.source_slot = hands, "at-the-hands-of"
        if not nominal and f.sources and f.source_slot == "subj":
            f.source_slot = subject_of(v)[1] or "subj"
        found = self._first_slot(f, v, idx, nominal, f.entry.target, exclude=f.sources)
        if found and f.sources:
            own = _own_possessives(found[0], f.sources, v.doc)
            if own and len(own) == len(found[0]):
                # "cut its aid programme for PNG", "scaled back its relations with Moscow": the possessive is
                # the doer itself; the recipient is named further into the phrase
                again = self._first_slot(f, v, idx, nominal, f.entry.target, exclude=[*f.sources, *own])
                if again is None and not nominal:
                    again = _object_pp_actor(v, f.entry.target, idx, [*f.sources, *own])
                found = again
                f.notes.append("the doer's own possessive ('its', 'their') is not the target")
        if found and f.type == "MOBILIZE" and not any(m.actor.code for m in found[0]):
            found = None  # "massed 30,000 troops": the uncoded force is what is moved, not whom it faces
        if found:
            f.targets, f.target_slot = found
        if not f.targets and f.type != "AID" and f.sources:
            # "moved nuclear weapons to Belarus", "Putin's visit to Pyongyang": the place a deployment or visit
            # goes to stands for its state (the actors stage reads a country after "to" as a location). Not for
            # AID ("sent supplies to Gaza"): tried, and it lowered held-out GSR type accuracy
            if f.mode == "visit":
                allowed = VISIT_PLACE_SLOTS  # "visited China", "arrived in Moscow"
            else:
                allowed = GOAL_SLOTS if f.type in GOAL_PLACE_TYPES else PLACE_RECIPIENT_SLOTS
            self._target_from_place_slot(f, v, idx, nominal, allowed,
                                         "the place '{place}' the act goes to gives the target state")
        if not f.targets and not nominal and TYPES[f.type].quad in (3, 4):
            # "fired rockets at Kyiv", "lashed out at Beijing": a place named in a conflict verb's own target
            # slot stands for its state (the actors stage reads a city after "at" as a location)
            self._target_from_place_slot(f, v, idx, nominal, PLACE_SLOTS,
                                         "the place '{place}' in the '{slot}' slot gives the target state")

    @staticmethod
    def _target_from_preps(f: Frame, v: Any, slots: Any, idx: MentionIndex, via: str) -> None:
        """Targets from the first of ``slots`` (prepositions of ``v``) that names an actor other than a
        source; ``via`` records which verb supplied them ("happen", "light") in ``target_slot``."""
        for slot in slots:
            for tok in _prep_objects(v, slot):
                if _alongside(f, tok):
                    continue  # "in support of the Iraqi forces, aircraft struck ...": on their side, not the target
                ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                if ms:
                    f.targets, f.target_slot = ms, f"{via}-{slot}"
                    return

    @staticmethod
    def _target_from_place_slot(f: Frame, v: Any, idx: MentionIndex, nominal: bool, allowed: Any,
                                note: str) -> None:
        """Take as target the first coded place in one of the frame's target slots that ``allowed`` admits,
        when its state is not a source: the actors stage reads a country or city in these slots as a place."""
        src = {m.actor.code for m in f.sources}
        for slot in f.entry.target:
            if slot not in allowed:
                continue
            m = _coded_place(_slot_tokens(v, slot, nominal), idx, src)
            if m is not None:
                f.targets, f.target_slot = [m], f"{slot}(place)"
                f.notes.append(note.format(place=m.text, slot=slot))
                return

    @staticmethod
    def _between(f: Frame) -> None:
        """ "talks between Peru and Chile", "fighting between A and B": with no other doer the parties named
        by "between" act on each other, one reciprocal event, not two target-only ones."""
        if not f.sources and f.target_slot.endswith("between") and len(f.targets) >= 2:
            f.sources, f.targets = f.targets, []
            f.source_slot, f.target_slot = "between", ""
            f.reciprocal = True
            f.notes.append("the parties named by 'between' act on each other (reciprocal)")

    # -- frame kinds --------------------------------------------------------------------------
    def _verb_frame(self, v: Any, idx: MentionIndex) -> Frame | None:
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None) \
            or next((c.lower_ for c in v.children if c.dep_ == "advmod" and c.lower_ in ("back", "down", "over")), None)
        # ("sent X back", "stepped down", "pulled the driver over": the parser often reads the particle as an adverb)
        objs = object_of(v)
        obj_lemmas = _phrase_lemmas(objs[0]) if objs else set()
        if objs:  # "distributed purification tablets and food": every coordinated object says what was done
            obj_lemmas |= {x for c in objs[0].conjuncts for x in _phrase_lemmas(c)}
        if not objs and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ == "NOUN":
            obj_lemmas.add(v.head.lemma_.lower())  # "atrocities (being) committed by X": the noun is what was done
        # a second object or an "as" phrase completes the object: "took 12 workers hostage", "held them as shields"
        for c in v.children:
            if (c.dep_ in ("oprd", "dobj") or (c.dep_ in ("acomp", "xcomp", "ccomp") and c.pos_ == "ADJ")
                    or (c.dep_ == "npadvmod" and c.pos_ == "NOUN" and not c.ent_type_)) \
                    and objs and c.i != objs[0].i:  # ("handed X four life sentences": the parser's npadvmod)
                obj_lemmas |= _phrase_lemmas(c)
            elif c.dep_ == "ccomp" and c.pos_ == "ADJ" and not objs:
                obj_lemmas.add(c.lemma_.lower())  # "found the journalist guilty": a small clause, parsed as ccomp
            elif c.dep_ == "prep" and c.lower_ in ("as", "with") and objs:
                # "held them as shields"; "provided Nigerian prosecutors with bank records": the thing given
                obj_lemmas |= {x for g in c.children if g.dep_ == "pobj" for x in _phrase_lemmas(g)}
            elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                obj_lemmas.add(c.lemma_.lower())  # "gave the junta one week to ...": the parser's time object
            elif c.dep_ == "prep" and c.lower_ == "on" and objs and c.i == objs[0].right_edge.i + 1:
                # "scrapped its curbs on imports": the parser hangs the object's "on" phrase on the verb
                obj_lemmas |= {f"on:{g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"}
        if not objs and vlemma(v) in PERMIT_VERBS:
            # "allowed IAEA inspectors to take samples" parsed with the permitted party as the clause's subject:
            # the party is what the object constraint asks about
            for c in v.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    obj_lemmas |= {x for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for x in _phrase_lemmas(s)}
        feats = clause_features(v)
        # an object that is itself an event noun decides between entries ("ended its trade embargo" acts on
        # the embargo, not on trade); other heads do not ("dispatched rescue brigades" is rescue work)
        head = objs[0].lemma_.lower() if objs and self.lex.noun(objs[0].lemma_.lower()) is not None else None
        subj_toks, slot = subject_of(v)
        subj_lemmas = {x for t in subj_toks for x in _phrase_lemmas(t)} if slot.startswith(SUBJECT_SLOTS) else set()
        entry = self.lex.verb(vlemma(v), prt, obj_lemmas, feats, head, subj_lemmas)
        if entry is None and prt is not None:
            entry = self.lex.verb(vlemma(v), None, obj_lemmas, feats, head, subj_lemmas)
        if entry is None or entry.type == NOT_AN_EVENT:
            if entry is not None:
                self._blocked.add(v.i)  # the lexicon says this clause is no event ("give all Iraqis new hope")
                if entry.subj:
                    self._no_doer.add(v.i)  # ... because its subject does nothing to anyone (a flood, a driver)
            return None
        if slot == "advcl-subj" and v.head.i in self._no_doer:
            return None  # "a truck driver hit a police car, killing an officer": the crash killed, nobody attacked
        if _not_an_act(v, objs, subj_toks if slot.startswith(SUBJECT_SLOTS) else []):
            return None
        if vlemma(v) in ("deny", "confirm") and any(c.lower_ == "neither" for t in (v, v.head) for c in t.children):
            return None  # "has neither confirmed nor denied that its jets bomb targets": no comment, no denial
        if entry.wrapper and entry.type == "REJECT" and any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in NO_COMMENT for c in v.children):
            return None  # "declined to comment", "refused to elaborate": no statement, not a rejection (CAMEO 012)
        if vlemma(v) in NO_COMMENT_TALK and v.dep_ == "xcomp" and vlemma(v.head) in ("decline", "refuse") and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "to") for c in v.children):
            return None  # "the Kremlin declined to discuss the matter": no comment either, not talks refused
        if vlemma(v) in FORECAST_VERBS and is_passive(v) and not any(c.dep_ == "agent" for c in v.children):
            return None  # "the harvest is expected to reach a record": a forecast, nobody asks anything
        if entry.obj and objs and not entry.prt and not entry.wrapper:
            # "launched a hunger strike": the object noun's own, modifier-specific frame ("hunger strike" is
            # PROTEST) says more than the verb's object list ("launch" + "strike" is an attack); the noun codes it
            mods = {c.lemma_.lower() for c in objs[0].children if c.dep_ in ("compound", "amod", "nmod")}
            ne = self.lex.noun(objs[0].lemma_.lower(), mods)
            partner = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for t in (v, objs[0]) for c in t.children) \
                or bool(mods & JOINT_MODIFIERS) or any(s.conjuncts for s in subject_of(v)[0])
            if ne is not None and ne.obj and ne.obj & mods and ne.type != entry.type \
                    and (partner or not ne.reciprocal):
                # (a reciprocal noun with no partner named yields: "staged war games off Taiwan" is a show of
                # force, "staged war games with Russia" is joint)
                return None
        f = Frame(v, entry, entry.type, entry.mode, "passive" if is_passive(v) else "verb")
        if f.type == "COERCE" and not is_passive(v) and any(t.pos_ == "NOUN" and (
                t.lemma_.lower() in WEAPON_PLATFORMS or (t.lemma_.lower() in ATTACK_NOUNS and (
                    t.lemma_.lower() != "strike" or _military_strike(t, idx)))) for t in subj_toks):
            # "three strikes destroyed four fighting positions", "one strike suppressed an ISIL unit", "coalition
            # aircraft destroyed 14 tanks": what an attack or a warplane does to its target is the attack (CAMEO
            # 18/19), not a seizure or repression
            f.type, f.mode = "ASSAULT", None
            f.notes.append("the subject is an attack: its damage is the attack")
        if entry.subj and f.type == "ASSAULT" and subj_lemmas & PEACE_FORCE_WORDS:
            # "KFOR peacekeepers rolled into Pristina": a peace force entering protects (CAMEO 0744)
            f.type, f.mode = "AID", "peacekeeping"
            f.notes.append("a peace force moving in: AID (peacekeeping), not an incursion")
        elif entry.subj and f.type == "ASSAULT" and "reinforcement" in subj_lemmas:
            f.type, f.mode = "MOBILIZE", "troops"  # "army reinforcements rolled into Kosovo": a deployment
            f.notes.append("reinforcements moving in: a deployment (MOBILIZE)")
        if entry.type == "THREATEN" and vlemma(v) in ("warn", "caution") and _warned_about_a_deed(v):
            # "the EU warned Israel that the blockade was harming its reputation": a reproach about what is being
            # done, with no consequence held out (CAMEO 11 disapprove), not a threat
            f.type, f.mode = "ACCUSE", None
            f.notes.append("a warning about what the addressee is doing, with nothing threatened: ACCUSE")
        if entry.type in ("REQUEST", "THREATEN", "AID") and _or_face(v):
            # "told Iraq to readmit the inspectors or face military action": an ultimatum (CAMEO 13)
            f.type, f.mode = "THREATEN", "ultimatum"
            f.notes.append("'... or face ...' on the demanded act: an ultimatum -> THREATEN")
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
        if not f.sources and f.path == "passive" and f.type in ("RETREAT", "MOBILIZE", "AID"):
            self._passive_force(f, v, idx)
        return f

    @staticmethod
    def _passive_force(f: Frame, v: Any, idx: MentionIndex) -> None:
        """ "American troops were deployed in Somalia", "Syrian troops were withdrawn from Lebanon": with no
        "by" agent, whose force was moved did it; the place it went to or left may be the target."""
        for g in (c for c in v.children if c.dep_ == "nsubjpass"):
            ms = _force_owner(g, idx)
            if ms is None:
                continue
            if ms:
                _moved_force_is_the_doer(f, g, ms, "passive-force")
            return

    def _joint_act(self, v: Any, idx: MentionIndex) -> Frame | None:
        """Any act done jointly by two named states (CAMEO 06, material cooperation): "Ecuadorean and Peruvian
        engineers began jointly clearing landmines", "joint American-Vietnamese search teams excavated a crash
        site". The verb has no frame of its own; "jointly / together" or a "joint" subject says it was shared."""
        subj, slot = subject_of(v)
        if not subj or slot == "by-agent" or is_passive(v) or vlemma(v) in STATIVE_VERBS:
            return None
        if not _done_jointly(v, subj):
            return None
        sides = [m for s in subj for m in idx.actors(s) if m.actor.code]
        for s in subj:  # "joint American-Vietnamese teams": the nationality adjectives name the sides
            for c in s.subtree:  # ("soldiers from Niger and Mali": the states they come from)
                modifier = c.dep_ in ("amod", "compound") or (c.dep_ == "conj" and c.head.dep_ in ("amod", "compound"))
                m = (idx.actor.get(c.i) or idx.adjective(c)) if modifier else (
                    (idx.actor.get(c.i) or idx.location.get(c.i)) if c.dep_ in ("pobj", "conj") and any(
                        a.dep_ == "prep" and a.lower_ in ("from", "of") for a in c.ancestors if a.i > s.i) else None)
                if m is not None and m.actor.code and all(m.actor.code != o.actor.code for o in sides):
                    sides.append(m)
        if len({m.actor.code for m in sides}) < 2:
            return None
        entry = LexEntry(lemma=vlemma(v), pos="verb", type="COOPERATE", reciprocal=True, confidence=0.5,
                         origin="rule:joint-act")
        f = Frame(v, entry, "COOPERATE", None, "verb", sources=sides, source_slot="joint subject",
                  reciprocal=True)
        f.notes.append("an act done jointly by the named sides: material cooperation (CAMEO 06)")
        return f

    def _noun_frame(self, n: Any, idx: MentionIndex) -> Frame | None:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        entry = self.lex.noun(n.lemma_.lower(), mods) or self.lex.noun(n.lower_, mods)  # "fighting" as VBG
        if entry is None or entry.type == NOT_AN_EVENT or _remembered(n) or n.ent_type_ in ("DATE", "TIME"):
            return None  # ("in March" is a month, not a march)
        if n.dep_ == "compound" and n.head.lemma_.lower() in EQUIPPED_HEADS:
            return None  # "riot police", "attack helicopters", "strike force": a kind of force, not an act
        if n.lemma_.lower() == "protest" and n.dep_ == "pobj" and n.head.lower_ == "in":
            return None  # "recalled its envoy in protest at ...": the motive of the act, not a demonstration
        if n.lemma_.lower() == "fire" and n.dep_ == "dobj" and n.head.lemma_.lower() == "catch":
            return None  # "an engine caught fire"
        if n.dep_ == "nsubj" and n.head.pos_ == "VERB" and vlemma(n.head) in QUANTITY_VERBS \
                and n.lemma_.lower() in FLOW_NOUNS:
            return None  # "crude deliveries to Belarus dropped by a fifth": a statistic, not an event
        if entry.mode == "explosives" and _traded(n):
            return None  # "accused it of supplying missiles, mines and mortars to the rebels": arms sent, no blast
        if n.lemma_.lower() in ("support", "backing") and n.dep_ == "pobj" and n.head.lower_ in ("in", "with"):
            return None  # "strikes in support of the SDF", "with the support of the coalition": how, not praise
        if n.lemma_.lower() == "strike" and entry.type == "PROTEST" and not entry.obj and _military_strike(n, idx):
            entry = self.lex.noun("strike", {"air"}) or entry  # "Coalition forces conducted 15 strikes", "a U.S. strike"
        f = Frame(n, entry, entry.type, entry.mode, "noun")
        self._fill(f, n, idx, nominal=True)
        if not f.sources and f.type == "ASSAULT" and (claim := _claimed(n)) is not None:
            # "Da'esh claimed dual attacks in Baghdad", "the Taliban claimed responsibility for the bombing": who
            # claims an attack says it did it
            f.sources = [m for t in subject_of(claim)[0] for m in idx.actors(t)]
            if f.sources:
                f.source_slot = f"claimed by the subject of '{claim.text}'"
        if f.sources and any(_broker(m, n.doc) for m in f.sources):
            # "an Egypt-brokered truce between Hamas and Israel": the broker is no party to the deal it brokered
            f.sources = [m for m in f.sources if not _broker(m, n.doc)]
            f.notes.append("a broker named before the noun ('X-brokered') is no party to it")
        if n.i in idx.actor:  # the event noun read as an unnamed group ("a joint intelligence cell") is no side
            f.sources = [m for m in f.sources if not m.token_start <= n.i < m.token_end]
            f.targets = [m for m in f.targets if not m.token_start <= n.i < m.token_end]
        v = n.head
        if n.dep_ == "nsubj" and v.pos_ in ("VERB", "AUX") and vlemma(v) in HAPPEN_VERBS and not f.targets:
            # "heavy fighting broke out between A and B", "talks resumed with Y": the event noun's parties
            # hang on the verb that says it happened
            self._target_from_preps(f, v, (*entry.target, "between"), idx, "happen")
        self._between(f)
        if not f.sources and f.type in ("RETREAT", "MOBILIZE", "AID"):
            self._force_of(f, n, idx)
        prep = v
        if n.dep_ == "pobj" and v.lower_ == "of" and v.head.lemma_.lower() in MEASURE_NOUNS and v.head.dep_ == "pobj":
            prep = v.head.head  # "for a fresh round of talks"
        if not f.sources and n.dep_ == "pobj" and prep.head.pos_ in ("VERB", "AUX") and not is_passive(prep.head) and (
                (f.type == "PROTEST" and prep.lower_ in ("in", "during"))
                or (f.type == "CONSULT" and prep.lower_ == "for" and vlemma(prep.head) in PURPOSE_HEADS)):
            # "workers walked out in a nationwide strike", "students rioted during the protests", "diplomats
            # travelled to Bern for talks": the event's doers are the subject of the verb its phrase hangs on
            toks, _ = subject_of(prep.head)
            found = [m for t in toks for m in idx.actors(t)]
            if found:
                f.sources, f.source_slot = found, f"subject of '{prep.head.text}'"
        state = (n.dep_ == "pobj" and v.lower_ in ("on", "in") and v.head.pos_ in ("VERB", "AUX")
                 and vlemma(v.head) in STATE_VERBS) or \
            (n.dep_ == "pobj" and v.lower_ == "with" and v.head.pos_ in ("VERB", "AUX")
             and vlemma(v.head) in CARRY_ON_VERBS)  # "pressed on with a general strike"
        if state:
            v = v.head
        carrier = n
        if n.dep_ == "pobj" and v.lower_ == "of" and v.head.lemma_.lower() in MEASURE_NOUNS:
            # "adopted a new package of sanctions", "imposed several rounds of sanctions": the measure noun
            # stands in for the event noun as the light verb's object
            carrier, v = v.head, v.head.head
        elif n.dep_ == "compound" and v.pos_ in ("NOUN", "PROPN") and v.lemma_.lower() in CARRIER_HEADS:
            # "began a mediation bid between A and B", "Russia's bombing campaign against Kyiv"
            carrier, v = v, v.head
            self._fill_from_carrier(f, carrier, n, idx)
        if state or (carrier.dep_ in ("dobj", "nsubjpass") and v.pos_ in ("VERB", "AUX")
                     and vlemma(v) in LIGHT_VERBS):
            f.path = "light"
            f.extra_tokens.append(v)
            if not f.sources:
                toks, slot = subject_of(v)
                if not toks and state and f.type == "MOBILIZE" and is_passive(v):
                    # "police were placed on high alert": the force put in the state is the doer
                    toks, slot = _children(v, ("nsubjpass",)), "passive-subj"
                for tok in toks:
                    ms = idx.actors(tok)
                    if ms:
                        f.sources, f.source_slot = ms, f"light-{slot}"
                        break
            if not f.targets:
                self._target_from_preps(f, v, entry.target, idx, "light")
                self._between(f)  # "a truce was reached between Hamas and Israel"
            if not f.targets and f.sources and f.type != "AID":
                # "made a fresh appeal to Damascus": a capital or country after the recipient preposition of the
                # light verb or of the noun is read as a place by the actors stage; its state is the target
                src = {m.actor.code for m in f.sources}
                for slot in (x for x in entry.target if x in PLACE_RECIPIENT_SLOTS):
                    place = _coded_place((*_prep_objects(v, slot), *_prep_objects(n, slot)), idx, src)
                    if place is not None:
                        f.targets, f.target_slot = [place], f"light-{slot}(place)"
                        f.notes.append(f"the place '{place.text}' after '{slot}' gives the target state")
                        break
            if not f.targets and not state:
                # "gave Kenya a grant", "offered Ukraine a loan": the light verb's indirect object is the recipient
                for tok in _children(v, ("dative", "iobj")) + [o for o in _children(v, ("dobj",)) if o.i != carrier.i]:
                    if tok.dep_ == "dative" and tok.lower_ in ("to", "for"):
                        continue  # a prepositional dative is already a named slot
                    ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                    if ms:
                        f.targets, f.target_slot = ms, "light-indirect-object"
                        break
        return f

    def _accused_doer(self, f: Frame, idx: MentionIndex) -> None:
        """ "condemned the boarding of a Galician trawler by Canada's patrol boats", "complained to the Security
        Council about Turkish air raids": the one accused is whoever did the act complained of (CAMEO 11), not
        its victim nor the body the complaint went to."""
        src = {m.actor.code for m in f.sources}
        heads = list(object_of(f.trigger)) if f.path == "verb" else []
        for prep in ("about", "over", "against", "for", "at"):
            heads += _prep_objects(f.trigger, prep)
        for h in heads:
            for n in h.subtree:
                if n.pos_ not in ("NOUN", "PROPN") or n.i in idx.actor:
                    continue
                e = self.lex.noun(n.lemma_.lower())
                acted = e is not None and e.type != NOT_AN_EVENT and TYPES[e.type].quad in (3, 4)
                if not acted and not (n.i == h.i and _prep_objects(n, "by")):
                    continue  # (any object done "by" someone: "the boarding of a trawler by Canada's boats")
                doers = _prep_objects(n, "by") + (
                    _children(n, ("poss", "amod", "compound")) if acted else [])
                for d in doers:
                    m = next((x for x in idx.actors(d) if x.actor.code and x.actor.code not in src), None) \
                        or (idx.adjective(d) if d.dep_ in ("amod", "compound") else None)
                    if m is not None and m.actor.code and m.actor.code not in src:
                        if not any(t.actor.code == m.actor.code for t in f.targets):
                            f.targets, f.target_slot = [m], f"doer of '{n.text}'"
                            f.notes.append(f"the accused is the doer of the act complained of ('{n.text}')")
                        return
                return  # the first act complained of decides

    @staticmethod
    def _force_of(f: Frame, n: Any, idx: MentionIndex) -> None:
        """ "the withdrawal of Syrian troops from Lebanon", "the deployment of a Chinese naval task force near the
        Spratlys": whose force moves does it; the force is no target, a place it leaves or nears may be."""
        for g in _prep_objects(n, "of"):
            ms = _force_owner(g, idx)
            if not ms:
                continue
            _moved_force_is_the_doer(f, g, ms, "of-force")
            if not f.targets:
                for slot in ("from", "near", "to", "into", "in"):
                    for t in _prep_objects(n, slot) + _prep_objects(g, slot):
                        found = next((m for x in t.subtree if (m := idx.location.get(x.i) or idx.actor.get(x.i))
                                      is not None), None)
                        if found is not None and found.actor.code and found.actor.code != ms[0].actor.code:
                            f.targets, f.target_slot = [found], f"of-force-{slot}"
                            return
            return

    @staticmethod
    def _fill_from_carrier(f: Frame, carrier: Any, n: Any, idx: MentionIndex) -> None:
        """Sides an event noun leaves to the generic head it modifies ("Russia's bombing campaign against Kyiv")."""
        if not f.sources:
            for tok in carrier.children:
                if tok is n or tok.dep_ not in ("poss", "amod", "compound"):
                    continue
                ms = [m for m in idx.actors(tok) if m.actor.code]
                if ms:
                    f.sources, f.source_slot = ms, f"carrier-{tok.dep_}"
                    break
        if not f.targets:
            for slot in f.entry.target:
                for tok in _prep_objects(carrier, slot):
                    ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)]
                    if ms:
                        f.targets, f.target_slot = ms, f"carrier-{slot}"
                        break
                if f.targets:
                    break

    def _protest_frame(self, v: Any, idx: MentionIndex) -> Frame | None:
        """ "walked out of parliament in protest at the law", "signed a letter in protest": whatever the act,
        done "in protest" it is a protest (CAMEO 14); the target is what it protests against."""
        entry = LexEntry(lemma=vlemma(v), pos="verb", type="PROTEST", target=("in:protest", "against", "at", "over"),
                         confidence=0.6, origin="in-protest")
        f = Frame(v, entry, "PROTEST", None, "verb", notes=["done 'in protest': a protest whatever the verb"])
        self._fill(f, v, idx, nominal=False)
        if not f.targets:
            for p in _prep_objects(v, "in"):
                if p.lemma_.lower() == "protest":
                    for q in ("at", "against", "over"):
                        for g in _prep_objects(p, q):
                            ms = [m for m in idx.actors(g) if m.actor.code and all(m is not s for s in f.sources)]
                            if not ms:
                                ms = [m for m in (idx.nationality(x) for x in g.subtree) if m is not None and m.actor.code]
                            if ms:
                                f.targets, f.target_slot = ms[:1], f"in-protest-{q}"
                                return f
        return f if f.sources else None

    def _adj_wrapper(self, a: Any, idx: MentionIndex) -> Frame | None:
        if a.lower_ in DISAPPROVE_ADJECTIVES and a.dep_ in ("acomp", "ccomp", "xcomp"):
            return self._disapproval(a, idx)
        typ = WRAPPER_ADJECTIVES.get(a.lemma_.lower())
        if typ is None or not _children(a, ("xcomp",)):
            return None
        entry = LexEntry(lemma=a.lemma_.lower(), pos="adj", type=typ, wrapper=True, target=("with", "to"),
                         conflict="THREATEN", confidence=0.75, origin="adjective")
        f = Frame(a, entry, typ, None, "wrapper")
        head = a.head if a.dep_ in ("acomp", "amod") else a
        toks, slot = subject_of(head)
        _subject_sources(f, toks, slot, idx)
        return f

    def _disapproval(self, a: Any, idx: MentionIndex) -> Frame | None:
        """ "The State Department said it was troubled by Israel's decision", "Japan is concerned about the
        tests": a stated displeasure with someone's act is verbal disapproval (CAMEO 110/111 -> ACCUSE)."""
        targets = [m for c in a.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "at", "over", "with", "about")
                   for g in c.children if g.dep_ == "pobj" for m in idx.actors(g)]
        if not targets:
            return None
        entry = LexEntry(lemma=a.lower_, pos="adj", type="ACCUSE", mode="disapprove", target=("by", "at", "over"),
                         confidence=0.55, origin="adjective")
        f = Frame(a, entry, "ACCUSE", "disapprove", "verb")
        head = a.head if a.dep_ in ("acomp",) else a
        # ("they were disappointed by ...": the parser may read the adjective as a passive verb)
        subj = _children(a, ("nsubjpass",)) if a.pos_ == "VERB" else subject_of(head)[0]
        _subject_sources(f, subj, "subj", idx)
        src = {m.actor.code for m in f.sources}
        f.targets, f.target_slot = [m for m in targets if m.actor.code not in src], "by/at/over/with/about"
        return f if f.sources and f.targets else None

    # -- the sentence ---------------------------------------------------------------------------
    def find(self, span: Any, idx: MentionIndex) -> list[Frame]:
        frames: dict[int, Frame] = {}
        self._blocked, self._no_doer = set(), set()
        for tok in span:
            f: Frame | None = None
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lower_ in MISTAGGED_PAST:
                f = self._verb_frame(tok, idx)
                if f is not None and f.type == "MOBILIZE" and f.path == "verb":
                    _sent_to_protect(f)  # (before the wrappers: "is ready to send troops to guard ..." offers aid)
                if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                        and (f is None or not (f.sources or f.targets)):
                    # a gerund in a noun's place ("Fighting between A and B killed ...") is an event noun
                    f = self._noun_frame(tok, idx) or f
            elif tok.pos_ in ("NOUN", "PROPN") and (tok.i not in idx.actor or self._uncoded_event_noun(tok, idx)):
                f = self._noun_frame(tok, idx)
            elif tok.pos_ == "ADJ":
                f = self._adj_wrapper(tok, idx)
            if tok.pos_ == "VERB" and (f is None or TYPES[f.type].quad in (1, 2)) and _in_protest(tok):
                f = self._protest_frame(tok, idx) or f
            if f is None and tok.pos_ == "VERB" and tok.lower_ in DISAPPROVE_ADJECTIVES:
                f = self._disapproval(tok, idx)
            if f is None and tok.pos_ == "VERB":
                f = self._joint_act(tok, idx)
            elif f is not None and tok.pos_ == "VERB" and f.type not in ("AGREE", "CONSULT") and (
                    (f.type in ("MOBILIZE", "ASSAULT") and _exercise_object(tok))
                    or not (f.sources and (f.targets or f.type == "COOPERATE"))):
                # an exercise read as a show of force is joint when two sides hold it ("Chinese and Pakistani
                # pilots flew combined drills": CAMEO 0612, not a threat); so is a frame with a side missing that
                # two sides do together ("Jordanian and British special forces trained together")
                f = self._joint_act(tok, idx) or f
            if f is not None:
                frames[tok.i] = f
        # a noun that only modifies another event noun names its kind, not an event of its own: "war games",
        # "aid talks", "arms deal" code the head noun
        for i, f in list(frames.items()):
            if f.path == "noun" and f.trigger.dep_ == "compound" and f.trigger.head.i in frames \
                    and frames[f.trigger.head.i].path in ("noun", "light"):
                del frames[i]
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
                if any(":" in n for n in vf.entry.needs) and vf.type != f.type:
                    # an idiom of the verb ("put the projects with Israel on ice") says more than its object
                    # noun read through a light verb: the idiom keeps the sides the noun found
                    if not vf.targets and f.targets:
                        vf.targets, vf.target_slot = f.targets, f.target_slot
                    del frames[i]
                    break
                if vlemma(v) in STATE_VERBS | LIGHT_OVERRIDE or not (vf.sources and vf.targets):
                    del frames[v.i]
        # a noun that is the object of a verb frame is part of that frame ("imposed sanctions"); when both
        # code the same type, the verb frame takes the sides only the noun found ("imposed rounds of sanctions
        # on Belarus" where the parse hangs "on Belarus" under the noun)
        for i, f in list(frames.items()):
            if f.path not in ("noun", "light") or f.trigger.dep_ not in ("dobj", "nsubjpass", "pobj"):
                continue
            if f.trigger.dep_ == "pobj" and f.trigger.head.lower_ in CIRCUMSTANCE_PREPS:
                continue  # "offered to negotiate following the invasions": a circumstance, not the object
            head = f.trigger.head if f.trigger.dep_ != "pobj" else f.trigger.head.head
            if f.trigger.dep_ == "pobj" and f.trigger.head.lower_ == "of" and head.dep_ in ("dobj", "nsubjpass"):
                head = head.head  # "imposed several rounds of sanctions"
            vf = frames.get(head.i)
            if vf is None or vf is f or vf.path not in ("verb", "passive"):
                continue
            if vf.type == "AGREE" and vlemma(vf.trigger) in PLEDGE_VERBS and f.type != "AGREE":
                self._pledge(frames, i, f, head.i, vf)
                continue
            if f.path == "light" and f.type != vf.type:
                continue
            if vf.type == f.type:
                srcs = f.sources
                own = {m.actor.code for m in vf.targets if m.actor.code}
                if srcs and own and {m.actor.code for m in srcs} <= own:
                    # "Thailand received its IMF credit": the recipient's own possessive is not the giver; a
                    # name inside the noun's phrase is
                    srcs = [m for c in f.trigger.lefts for t in c.subtree if t.dep_ in ("compound", "amod", "nmod")
                            for m in [idx.actor.get(t.i)] if m is not None and m.actor.code not in own]
                if not vf.sources and srcs:
                    vf.sources, vf.source_slot = srcs, f"noun-{f.source_slot}"
                if not vf.targets and f.targets:
                    vf.targets, vf.target_slot = [m for m in f.targets if all(m is not s for s in vf.sources)], \
                        f"noun-{f.target_slot}"
            del frames[i]
        # a transfer noun without a recipient is an object, not an event ("use American weapons")
        for i, f in list(frames.items()):
            if f.path == "noun" and f.type == "AID" and not f.targets:
                del frames[i]
        self._blamed_attack(frames)
        self._reasons(span, frames)
        self._obligations(span, frames, idx)
        self._wrappers(frames, idx)
        self._clause_nouns(frames, idx)
        self._purposes(frames)
        for i, f in list(frames.items()):
            if _commemoration_or_poll(f):
                del frames[i]
        for f in frames.values():
            if f.type == "ACCUSE" and vlemma(f.trigger) in ALLEGE_VERBS and f.trigger.dep_ in ("conj", "parataxis") \
                    and not f.targets and f.sources:
                # "China tortured dissidents, the State Department charged": the parser hangs the trailing
                # allegation on the act alleged; the allegation is the news, aimed at the act's doer
                act = _frame_at(frames, f.trigger.head)
                if act is not None and act is not f and act.sources and f.trigger.head.i < f.trigger.i \
                        and all(m.actor.code != s.actor.code for m in act.sources for s in f.sources):
                    f.targets, f.target_slot = list(act.sources), "doer of the alleged act"
                    act.purpose_of = f
                    act.notes.append(f"alleged by '{f.trigger_text}': ranked below the allegation")
            if f.type == "CONSULT" and f.path == "noun" and f.source_slot.startswith("subject of") \
                    and len({m.actor.code for m in f.sources}) >= 2:
                # "Greek and Turkish diplomats travelled to Bern for talks": the talks between the travellers are
                # the news; the trip to the venue ranks below them
                trip = next((g for g in frames.values() if g is not f and g.type == "CONSULT" and g.path == "verb"
                             and g.trigger in f.trigger.ancestors and g.purpose_of is None
                             and g.target_slot.startswith("to(place)")), None)
                if trip is not None:
                    trip.purpose_of = f
                    trip.notes.append(f"a trip to the venue of '{f.trigger_text}': ranked below the talks")
        for f in frames.values():
            if not f.sources and f.type == "ASSAULT" and f.path in ("verb", "passive"):
                _weapon_agent(f, idx)
            if f.sources and "subj" in f.source_slot:
                _add_coordinated_modifiers(f, idx)
            if f.targets and not f.target_slot.startswith("nearest"):
                _add_coordinated_targets(f, idx)
            if f.path == "verb" and f.type in ("SUPPORT", "REQUEST", "CONSULT"):
                _on_behalf(f, idx)
            if f.type == "ACCUSE" and f.path in ("verb", "noun", "light"):
                self._accused_doer(f, idx)
                _complaint_argued(f, idx)
            if f.type == "CONSULT" and f.path == "verb" and vlemma(f.trigger) in TRAVEL_VERBS:
                _travelling_force(f)
            if f.type == "MOBILIZE" and f.entry.obj & EXERCISE_WORDS and not f.targets \
                    and len({m.actor.code for m in f.sources}) >= 2:
                # "Spanish and Moroccan frigates began war games": an exercise of two states is a joint one
                f.type, f.mode, f.reciprocal = "COOPERATE", "military", True
                f.notes.append("an exercise held by two states together is joint (COOPERATE), not a show of force")
            if f.sources and not f.targets and f.type in PLACE_TARGET_TYPES:
                _target_across_border(f, f.extra_tokens[-1] if f.path == "light" and f.extra_tokens else f.trigger, idx)
            if f.sources and not f.targets and f.type == "ASSAULT":
                _against_in_instrument(f, idx)
            if f.sources and not f.targets and not ((f.entry.reciprocal or f.reciprocal) and len(f.sources) > 1):
                self._fallback_target(f, idx)
            if not f.targets and f.type in PLACE_TARGET_TYPES:
                self._place_target(f, idx)
        # a giving verb with neither a recipient nor anything given is not aid ("did not give a direct answer")
        for i, f in list(frames.items()):
            if f.path == "verb" and f.type == "AID" and any(o.lemma_.lower() in NOT_GIVEN for o in object_of(f.trigger)):
                del frames[i]  # "gave a clear answer to Kyiv", "gave no details": speech, not aid
            elif f.path == "verb" and f.type == "AID" and not f.targets and not f.entry.obj \
                    and not any(o.lower_ in GIVEN_THINGS or o.lemma_.lower() in GIVEN_THINGS or self._is_aid_noun(o) for o in object_of(f.trigger)):
                del frames[i]
        return list(frames.values())

    def _uncoded_event_noun(self, tok: Any, idx: MentionIndex) -> bool:
        """ "a joint intelligence cell", "a joint investigation team": the actors stage may read such a phrase
        as an unnamed group (no code); when a modifier-specific noun entry fits it, it is the event."""
        m = idx.actor.get(tok.i)
        if m is not None and m.rule == "org_unlisted" and m.token_end - m.token_start == 1 and tok.text.islower():
            # "the call-up of reservists": the tagger read a lower-case event noun as an organisation
            return self.lex.noun(tok.lemma_.lower()) is not None
        if m is None or m.actor.code is not None:
            return False
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        entry = self.lex.noun(tok.lemma_.lower(), mods)
        return entry is not None and bool(entry.obj)

    def _is_aid_noun(self, tok: Any) -> bool:
        e = self.lex.noun(tok.lemma_.lower())
        return e is not None and e.type == "AID"

    @staticmethod
    def _pledge(frames: dict[int, Frame], i: int, f: Frame, vi: int, vf: Frame) -> None:
        """ "pledged aid to Kenya", "offered Ukraine a loan", "promised talks": the act is only promised.

        PLOVER (CAMEO 03) codes the promise: an intent to give aid (033), to meet (036) or to yield (035) is
        AGREE, so the verb keeps the event and the noun gives it the recipient. A promised conflictual act
        ("vowed retaliation against") is a threat (CAMEO 13). A verbal act is performed by offering it
        ("offered condolences to", "pledged its support for"): there the noun's SUPPORT wins."""
        if f.type == "SUPPORT" or (TYPES[f.type].quad in (3, 4) and vlemma(vf.trigger) in PROPOSAL_VERBS):
            # "offered condolences" (performed by offering), "proposed new limits on imports" (a measure
            # proposed, coded by its noun as only possible: factuality reads the proposing verb)
            if not f.sources:
                f.sources, f.source_slot = vf.sources, f"promise-{vf.source_slot}"
            if not f.targets:
                f.targets, f.target_slot = [m for m in vf.targets if all(m is not s for s in f.sources)], \
                    f"promise-{vf.target_slot}"
            f.path = "light"
            if vf.trigger not in f.extra_tokens:
                f.extra_tokens.append(vf.trigger)
            f.notes.append(f"'{vf.trigger.text} {f.trigger.text}': a verbal act performed by offering it")
            del frames[vi]
            return
        if TYPES[f.type].quad in (3, 4):
            vf.type = vf.entry.conflict or "THREATEN"
        if not vf.targets and f.targets:
            vf.targets, vf.target_slot = [m for m in f.targets if all(m is not s for s in vf.sources)], \
                f"promised-{f.target_slot}"
        if f.type == "AID" and f.mode in ("economic", "military", "humanitarian"):
            vf.mode = f.mode
        vf.extra_tokens.append(f.trigger)
        vf.notes.append(f"'{vf.trigger.text} ... {f.trigger.text}': a promised {f.type} is coded as {vf.type} "
                        "(PLOVER/CAMEO 03: express intent)")
        del frames[i]

    @staticmethod
    def _blamed_attack(frames: dict[int, Frame]) -> None:
        """ "A bomb went off in a Peshawar bazaar, killing 14, officials said, blaming agents of KHAD": the attack is
        the news and the blamed party is its doer (CAMEO codes the attack, not the officials' blame). A trailing
        "blaming X" participle gives an attack that names no doer its source and is not coded on its own."""
        attacks = [f for f in frames.values() if f.type == "ASSAULT" and not f.sources]
        if not attacks:
            return
        for i, f in list(frames.items()):
            if f.type == "ACCUSE" and f.path == "verb" and vlemma(f.trigger) in ("blame", "accuse") \
                    and f.trigger.dep_ in ("advcl", "xcomp", "conj") and f.targets \
                    and (f.trigger.tag_ == "VBG" or f.trigger.dep_ == "conj"):  # ("..., and police blamed X")
                for a in attacks:
                    a.sources, a.source_slot = list(f.targets), "blamed"
                    a.notes.append(f"the doer is the one blamed ('{f.trigger_text}')")
                del frames[i]
                return

    @staticmethod
    def _obligations(span: Any, frames: dict[int, Frame], idx: MentionIndex) -> None:
        """ "X said (that) Y must / should do Z": a demand by X on Y (CAMEO 10), whatever Z is.

        The clause under it is coded through the demand, never as an event of its own: an obligation
        does not say that Z happened."""
        for tok in span:
            if tok.i in frames or tok.lemma_.lower() not in OBLIGATION_REPORTERS or tok.pos_ not in ("VERB", "AUX"):
                continue
            for c in tok.children:
                if c.dep_ != "ccomp":
                    continue
                obligation = any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children)
                blame = not obligation and _blame_clause(c)
                if not obligation and not blame:
                    continue
                subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
                src: list[Mention] = []
                for x in subject_of(tok)[0]:
                    src = [m for m in idx.actors(x, derived=False) if m.actor.code]
                    if src:
                        break
                tgt = [m for m in idx.actors(subj[0], derived=False) if all(m is not s for s in src)] if subj else []
                told = [x for x in tok.children if x.dep_ in ("dobj", "dative", "iobj")] if tok.lemma_.lower() == "tell" else []
                if told and told[0].lemma_.lower() in PRESS_NOUNS:
                    if subj and subj[0].pos_ == "PRON":
                        continue  # "They should adhere to the law, he told reporters": who "they" are is unsaid
                    told = []  # the press is not the one who must
                if subj and subj[0].pos_ == "PRON" and told:
                    # "told France it must send more missiles", "told student leaders they must call off their
                    # campaign": the pronoun is the one told
                    tgt = [m for m in idx.actors(told[0]) if all(m is not s for s in src)] or tgt
                if not src or not tgt or {m.actor.code for m in src} == {m.actor.code for m in tgt}:
                    continue
                if blame:
                    # "X said Y was responsible for / behind the attack": an accusation (CAMEO 112)
                    entry = LexEntry(lemma=tok.lemma_.lower(), pos="verb", type="ACCUSE", mode="allege", wrapper=True,
                                     confidence=0.7, origin="rule: blame under a reporting verb")
                    f = Frame(tok, entry, "ACCUSE", "allege", "wrapper", sources=src, targets=tgt, source_slot="subj",
                              target_slot="clause-subject")
                    f.notes.append(f"'{tok.text} ... {subj[0].text} was {blame} ...' accuses the clause's subject")
                else:
                    entry = LexEntry(lemma=tok.lemma_.lower(), pos="verb", type="REQUEST", wrapper=True,
                                     confidence=0.7, origin="rule: obligation under a reporting verb")
                    f = Frame(tok, entry, "REQUEST", None, "wrapper", sources=src, targets=tgt, source_slot="subj",
                              target_slot="clause-subject")
                    f.notes.append(f"'{tok.text} ... {subj[0].text} must/should ...' is a demand on the clause's "
                                   "subject")
                inner = _frame_at(frames, c)
                if inner is not None:
                    f.inner = inner
                _embed_clause(frames, c, f)
                frames[tok.i] = f
                break

    def _reasons(self, span: Any, frames: dict[int, Frame]) -> None:
        """ "imposed sanctions on Belarus for its support of Russia's war", "accused X over the attacks": an
        event noun in a phrase giving the reason for another event is that event's motive, not news of its
        own; every frame inside the phrase is left to the main event. A "for" phrase naming an actor ("sanctions
        for Belarus") is a recipient, not a reason, and is left alone."""
        for prep in span:
            if prep.dep_ != "prep" or prep.lower_ not in REASON_PREPS:
                continue
            if prep.lower_ == "of" and prep.head.lower_ != "because":
                continue  # only "because of"
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or not (pobj.tag_ == "VBG" or self.lex.noun(pobj.lemma_.lower()) is not None):
                continue
            owner, cur = None, prep.head
            for _ in range(4):  # the phrase hangs on the main predicate or inside its object phrase
                owner = _frame_at(frames, cur)
                if owner is not None and owner.trigger.i != pobj.i:
                    break
                owner = None
                if cur.head is cur:
                    break
                cur = cur.head
            if owner is None or owner.type not in REASON_TAKERS or owner.embedded:
                continue
            inside = [g for g in frames.values() if g is not owner and pobj.left_edge.i <= g.trigger.i <= pobj.right_edge.i]
            for g in inside:
                g.embedded = True
                g.notes.append(f"the reason for '{owner.trigger_text}' ('{prep.text} {pobj.text} ...'), "
                               "not an event of its own")

    @staticmethod
    def _clause_nouns(frames: dict[int, Frame], idx: MentionIndex) -> None:
        """A request or threat noun governs the clause it introduces: "renewed its demand that Japan withdraw
        its troops", "issued an appeal to Y to release ...", "repeated its call for Y to accept the terms".

        The clause is what is demanded, not something that happened, so its frames are coded through the
        noun (never as asserted events); the clause's subject is whom the demand addresses."""
        for f in list(frames.values()):
            if f.embedded or f.path not in ("noun", "light") or f.type not in CLAUSE_NOUN_TYPES:
                continue
            n = f.trigger
            heads = [c for c in n.children if c.dep_ in ("acl", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")]
            if n.dep_ == "dobj":  # the parser often hangs "to ..." on the verb: "repeated its call for Y to accept"
                heads += [c for c in n.head.children if c.dep_ == "advcl" and c.i > n.i and c.tag_ == "VB"
                          and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            for c in heads:
                inner = _frame_at(frames, c)
                if inner is None or inner is f:
                    continue
                f.inner = inner
                if not f.targets:
                    subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
                    ms = [m for m in idx.actors(subj[0]) if all(m is not s for s in f.sources)] if subj else []
                    if ms:
                        f.targets, f.target_slot = ms, "clause-subject"
                f.notes.append(f"'{n.text}' governs the clause '{c.text} ...': coded through the {f.type.lower()}")
                _embed_clause(frames, c, f)
                break

    @staticmethod
    def _purposes(frames: dict[int, Frame]) -> None:
        """ "Students marched to demand reforms", "blocked roads to press their demands": a purpose clause
        says why the main predicate's act was done. The main act is the event the sentence reports; the
        purpose stays an event of its own but never outranks it (coder caps its confidence)."""
        for f in frames.values():
            if f.embedded:
                continue
            t = f.trigger
            if f.path == "light":
                t = next((x for x in f.extra_tokens if x.pos_ in ("VERB", "AUX")), t)
            permit = t.head if t.dep_ in ("xcomp", "ccomp") else t.head.head if (
                t.dep_ in ("acl", "relcl") and t.head.dep_ == "dobj"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)) else None  # parse of "let Y to V"
            if permit is not None and permit.lemma_.lower() in PERMIT_VERBS:
                # "Myanmar allowed the UN rapporteur to visit": the permission is the news, the visit only permitted
                owner = _frame_at(frames, permit)
                if owner is not None and owner is not f and not owner.embedded:
                    f.purpose_of = owner
                    f.notes.append(f"permitted by '{owner.trigger_text}': ranked below it")
                continue
            if f.type == "REQUEST" and t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i:
                # "began a hunger strike demanding that the president step down": the demand is what the
                # protest is for (CAMEO 14); the protest is the event and faces whom the demand addresses
                owner = _frame_at(frames, t.head)
                if owner is not None and owner is not f and not owner.embedded and owner.type == "PROTEST":
                    f.purpose_of = owner
                    f.notes.append(f"the demand of the protest '{owner.trigger_text}': ranked below it")
                    if not owner.targets and f.targets:
                        owner.targets, owner.target_slot = list(f.targets), "demand-target"
                        owner.notes.append(f"target from its demand ('{f.trigger_text}')")
                continue
            if t.dep_ not in ("advcl", "xcomp") or t.tag_ != "VB" \
                    or not any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                continue
            if t.dep_ == "xcomp" and t.head.lemma_.lower() not in PURPOSE_HEADS:
                continue
            owner = _frame_at(frames, t.head)
            if owner is not None and owner is not f and not owner.embedded and owner.purpose_of is None \
                    and (f.mode == "investigate" or f.type == "PROTEST") and vlemma(owner.trigger) in ERRAND_VERBS:
                # "a UN team arrived in Kigali to investigate reports ...", "boats sailed toward the islands to
                # protest": the trip or the dispatch is how the act is done; the act is the news (CAMEO 09 / 14)
                owner.purpose_of = f
                owner.notes.append(f"the errand of '{f.trigger_text}': ranked below it")
                if not f.targets and owner.targets:
                    f.targets, f.target_slot = list(owner.targets), f"errand-target ({owner.target_slot})"
                continue
            if owner is not None and owner is not f and not owner.embedded and owner.type == "MOBILIZE" \
                    and vlemma(f.trigger) in BACKING_VERBS and f.targets \
                    and {m.actor.code for m in f.targets} - {m.actor.code for m in owner.sources}:
                # "Iran has sent hundreds of advisers to Syria to back Assad's army": forces sent to
                # back someone are military aid (CAMEO 072/074), not a show of force; the backing is that aid
                owner.type, owner.mode = "AID", "military"
                owner.targets, owner.target_slot = list(f.targets), f"backed in '{f.trigger_text}'"
                owner.notes.append(f"forces sent to '{f.trigger_text}' someone: military aid")
                f.embedded = True
                continue
            if owner is not None and owner is not f and not owner.embedded:
                f.purpose_of = owner
                f.notes.append(f"purpose clause of '{owner.trigger_text}': ranked below it")
                if owner.type == "PROTEST" and f.type == "REQUEST" and not owner.targets and f.targets:
                    # "pressed on with their hunger strike to demand that President X resign": the protest faces X
                    owner.targets, owner.target_slot = list(f.targets), "demand-target"
                    owner.notes.append(f"target from its demand ('{f.trigger_text}')")

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
                    if c.dep_ == "prep" and (c.lower_ in CIRCUMSTANCE_PREPS or c.lower_ in ("from", "of", "over")):
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
        src_codes = {s.actor.code for s in f.sources if s.actor.code}
        reserve: tuple[Mention, int] | None = None
        if f.type in INSTRUMENT_TYPES and f.entry.obj and f.path in ("verb", "passive"):
            # "used German weapons against ...", "fired Iranian-made rockets": the object is the instrument,
            # and whose make it is says nothing about the target
            seen |= {t.i for o in object_of(f.trigger) for c in o.children
                     if c.dep_ in ("amod", "compound", "nmod", "poss") for t in c.subtree}
            instrument = {o.i for o in object_of(f.trigger)}
        else:
            instrument = set()
        if f.sources:  # the subject's phrase says who the doer is ("Palestinian Authority President Abbas backed
            # ...", "the Obama administration revoked ...", "peacekeepers serving with the UN took up positions in
            # Lebanon"), it names no second party
            seen |= {t.i for c in f.trigger.children if c.dep_ == "nsubj" for t in c.subtree}
        # a demand names whom it is made of deep inside what it asks for ("called for the lifting of sanctions on
        # Iraq", "demanded the release of its diplomats held by Iraq"); a request with no addressee is dropped
        for depth in range(7 if f.type == "REQUEST" else 5):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.dep_ in ("relcl", "punct", "parataxis") or c.lower_ == "according":
                        continue
                    if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS:
                        continue  # circumstances, not recipients ("without consent from China")
                    if any(a.lower_ == "according" for a in c.ancestors):
                        continue  # the speaker of "according to X" is not a participant
                    if _no_recipient_in(f, c):
                        continue  # a court as venue, a common enemy, a topic, a side fought alongside
                    if c.dep_ == "nsubj" and c.head.lemma_.lower() in ("say", "tell", "report", "add"):
                        continue
                    seen.add(c.i)
                    m = idx.actor.get(c.i)
                    if m is None and c.pos_ in ("NOUN", "PROPN") and c.i not in instrument and f.type != "CONSULT":
                        # "close to the Ukrainian border"; but what a meeting discusses is its topic, not a party
                        # ("discussed the restrictions on Belarusian dairy exports")
                        m = idx.nationality(c)
                    # an uncoded mention ("troops", "rebels") is not a usable target: keep looking
                    if m is not None and m.rule == "coref" and m.actor.code in {s.actor.code for s in f.sources}:
                        m = None  # "lashed out at Beijing over its record": the actor's own pronoun is no target
                    if m is not None and _own_possessives([m], f.sources, c.doc):
                        m = None  # "pulled its soldiers out of Somalia": the doer's own soldiers are no target
                    if m is not None and m.actor.code and all(m is not s for s in f.sources):
                        if m.actor.code in src_codes and f.type not in ("ACCUSE", "COERCE", "CONCEDE"):
                            # "broke off relations with Syria after a London court found ...": an actor of the
                            # doer's own state is kept only if no other state is in the phrase
                            reserve = reserve or (m, depth)
                        else:
                            f.targets, f.target_slot = [m], f"nearest-in-phrase(depth {depth + 1})"
                            f.notes.append("target taken from the closest actor inside the predicate's phrase")
                            return
                    nxt.append(c)
            frontier = nxt
        if reserve is not None:
            f.targets, f.target_slot = [reserve[0]], f"nearest-in-phrase(depth {reserve[1] + 1})"
            f.notes.append("target taken from the closest actor inside the predicate's phrase")

    def _wrappers(self, frames: dict[int, Frame], idx: MentionIndex) -> None:
        """Type speech-act verbs by the clause they govern and hand that clause's target up."""
        for f in frames.values():
            if not f.entry.wrapper:
                continue
            if _self_binding(f.trigger) and not f.sources:
                # "the EU is committed to contribute", "Britain is committed to helping": the one bound is the doer
                t = f.trigger
                bound = [c for c in t.children if c.dep_ == "nsubjpass"]
                if t.dep_ == "acomp" and t.head.lemma_ == "be":
                    bound += [c for c in t.head.children if c.dep_ == "nsubj"]
                for c in bound:
                    ms = idx.actors(c)
                    if ms:
                        f.sources, f.source_slot = ms, "bound-subject"
                        f.targets = [m for m in f.targets if all(m is not x for x in ms)]
                        break
            comps = [c for c in f.trigger.children if c.dep_ in CLAUSE_DEPS]
            for c in list(comps):  # "called on Y to ...": the clause may hang under the particle/prep
                comps += [g for g in c.children if g.dep_ == "xcomp"]
            if _self_binding(f.trigger):  # "committed to helping Iraq": the gerund after "to"
                comps += [g for c in f.trigger.children if c.dep_ == "prep" and c.lower_ == "to"
                          for g in c.children if g.dep_ == "pcomp"]
            inner = next((g for g in (_frame_at(frames, c) for c in comps) if g is not None and g is not f), None)
            if inner is None and f.entry.needs_event:
                f.embedded = True  # "ceased to be the dominant power": no act stopped, no event
                continue
            if inner is None and f.entry.pos == "adj" and any(c.i in self._blocked for c in comps):
                f.embedded = True  # "determined to give all Iraqis new hope": a resolve towards what the lexicon
                continue  # calls no event is none either
            if vlemma(f.trigger) == "insist" and inner is not None and inner.sources and f.sources \
                    and {m.actor.code for m in inner.sources} <= {m.actor.code for m in f.sources}:
                # "Beijing insists that it does not supply weapons": insisting on one's own conduct is a claim,
                # not a demand; the clause codes itself
                f.embedded = True
                continue
            if f.entry.complement_target:
                # "X wants Y to open a second front": Y is the subject of the clause (or the object)
                cand = []
                for c in comps:
                    cand += _children(c, ("nsubj",))
                cand += object_of(f.trigger)
                f.targets = []
                src_codes = {s.actor.code for s in f.sources if s.actor.code}
                for tok in cand:
                    # ("Beijing insists that it does not ...": the pronoun is the speaker again, nobody asked)
                    ms = [m for m in idx.actors(tok) if all(m is not s for s in f.sources)
                          and not (tok.pos_ == "PRON" and m.actor.code in src_codes)]
                    if ms:
                        f.targets, f.target_slot = ms, "clause-subject"
                        break
            if f.entry.type == "REQUEST" and vlemma(f.trigger) in ORDER_VERBS and f.targets \
                    and any(_leave_clause(c) for c in comps) \
                    and (inner is None or _leave_clause(inner.trigger)):
                if inner is not None:
                    inner.embedded = True
                # "ordered the UN office to close", "told the French soldiers to leave the country": an expulsion
                # (CAMEO 166: organisations and missions are SANCTION; people sent away are COERCE, 174)
                orgs = any(m.actor.kind in ("igo", "ngo", "org", "organisation", "organization") for m in f.targets) \
                    or any(o.lemma_.lower() in MISSION_HEADS for o in object_of(f.trigger))
                f.type, f.mode = ("SANCTION", "expel") if orgs else ("COERCE", "deport")
                f.notes.append(f"an order to leave or close is an expulsion ({f.type})")
                f.path = "wrapper"
                continue
            if inner is not None:
                f.inner = inner
                inner.embedded = True
                quad = TYPES[inner.type].quad
                if quad in (1, 2) and f.entry.coop:
                    f.type = f.entry.coop
                elif quad in (3, 4) and f.entry.conflict:
                    f.type = f.entry.conflict
                if not f.targets and f.entry.type == "REQUEST" and not f.entry.complement_target \
                        and inner.sources and all(m.actor.code for m in inner.sources) \
                        and all(s is not m and s.actor.code != m.actor.code for s in f.sources for m in inner.sources):
                    # "demanded that Sweden release the activists": a demand addresses the clause's doer
                    f.targets, f.target_slot = inner.sources, "clause-subject"
                if not f.targets and inner.targets and not f.entry.complement_target:
                    f.targets, f.target_slot = inner.targets, f"clause-{inner.target_slot}"
                if not f.targets and inner.sources and not f.entry.complement_target and all(
                        s is not m and (s.actor.code is None or s.actor.code != m.actor.code)
                        for s in f.sources for m in inner.sources):  # "Russia warned that it may strike": not itself
                    if f.entry.type in ("REQUEST", "THREATEN"):  # "warned that Y would ..." addresses Y
                        f.targets, f.target_slot = inner.sources, "clause-subject"
                if f.mode is None:
                    f.mode = inner.mode if f.type == inner.type else None
                f.path = "wrapper"
            if inner is None and not f.targets and f.entry.type == "REQUEST" and not f.entry.complement_target:
                # "demanded that President Moi hold free elections" (no frame for the demanded act): the demand
                # addresses the subject of the clause it governs
                for c in comps:
                    ms = [m for t in _children(c, ("nsubj",)) for m in idx.actors(t)
                          if m.actor.code and all(m is not s and m.actor.code != s.actor.code for s in f.sources)]
                    if ms:
                        f.targets, f.target_slot = ms, "clause-subject"
                        break
            if f.entry.complement_target and not f.targets:
                f.embedded = True  # "X wants to ...": a modal, not a request; the clause codes itself
                if inner is not None:
                    inner.embedded = False
            elif inner is not None:
                # everything inside the governed clause is coded through the wrapper: "urged Y to allow Z to
                # strike" is one request, not a request and a (possible) strike
                for c in comps:
                    if _frame_at(frames, c) is inner:
                        _embed_clause(frames, c, f)
