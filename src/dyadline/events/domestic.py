"""Domestic actors: a country for role nouns that name no state ("farmers", "students", "police").

Why: CAMEO and PLOVER code a domestic actor by the state it acts in. "Farmers blocked roads in Paris" is a
protest by French farmers (FRA, sector AGR), "Security forces in Guinea tortured refugees" is GIN (COP).
Left uncoded, such events say nothing about any dyad and were dropped, although they are a large part of
the news (protests, strikes, riots, insurgent attacks, police raids).

The rule, in order (the first that gives one code wins; each is recorded in the explanation):

1. ``noun-phrase place``: a place inside the actor's own phrase ("students throughout Indonesia",
   "police in Kyiv", "farmers from Brittany").
2. ``sentence place``: the places the sentence names agree on one state ("... blocked roads in Paris").
3. ``context state``: the one state that dominates the actor mentions of this sentence and the previous
   one ("Students protested against the Indonesian government").

A crowd (civilian, labour, farmers, students ...) never gets a country for types a crowd cannot perform
(SANCTION, AID): those stay uncoded. The inferred participant carries a lower confidence (``DOMESTIC_CONF``)
so the event ranks below one whose actors were named.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadline.actors.resolver import FOREIGN_FORCE, foreign_force, is_weapon
from dyadline.model import Actor, Mention

DOMESTIC_CONF = 0.55
# sectors of people who are not the state: a crowd of them does not sanction or give aid as a state does
CIVIL_SECTORS = frozenset({"CVL", "EDU", "AGR", "LAB", "REF", "BUS", "MED", "HLH", "LEG", "REL", "OPP", "HRI", "ENV"})
CIVIL_EXCLUDED_TYPES = frozenset({"SANCTION", "AID"})
IGO_CODES = frozenset({"EUR", "NATO", "UNO", "IAEA", "OSCE", "AU", "ARL", "ASEAN", "APEC", "OPEC", "ICRC", "IRC",
                       "WTO", "IMF", "WBK", "CIS", "CSTO", "SCO", "EEU", "OAS", "ECOWAS", "GCC", "OIC", "ICC", "WST",
                       "IGO", "NGO", "G7", "G20", "BRICS"})
# bare nouns for crowds and forces that the actors stage leaves alone as too vague to be an actor by themselves
# ("students", "workers", "civilians"): as the argument of an event predicate they are an actor of a sector.
EXTRA_ROLES = {
    "student": "EDU", "worker": "LAB", "employee": "LAB", "miner": "LAB", "striker": "LAB", "unionist": "LAB",
    "civilian": "CVL", "citizen": "CVL", "resident": "CVL", "villager": "CVL", "protester": "CVL",
    "protestor": "CVL", "demonstrator": "CVL", "marcher": "CVL", "rioter": "CVL", "crowd": "CVL", "mob": "CVL",
    "activist": "CVL", "youth": "CVL", "supporter": "CVL", "follower": "CVL", "mourner": "CVL", "pensioner": "CVL",
    "woman": "CVL", "teacher": "EDU", "farmer": "AGR", "peasant": "AGR", "trucker": "LAB", "driver": "LAB",
    "doctor": "HLH", "nurse": "HLH", "lawyer": "LEG", "journalist": "MED", "reporter": "MED",
    "refugee": "REF", "migrant": "REF", "police": "COP", "policeman": "COP", "troop": "MIL", "soldier": "MIL",
    "army": "MIL", "military": "MIL", "rebel": "REB", "insurgent": "REB", "guerrilla": "REB", "militant": "REB",
    "gunman": "REB", "separatist": "REB", "militiaman": "REB", "militia": "REB", "fighter": "REB",
    "authority": "GOV", "government": "GOV", "official": "GOV", "opposition": "OPP", "dissident": "OPP",
    # an office named without its state ("called on the president to resign") is the office of the state in
    # context; the actors stage leaves these alone because alone they could be anyone's
    "president": "GOV", "premier": "GOV", "minister": "GOV", "governor": "GOV", "mayor": "GOV",
    "grower": "AGR", "producer": "AGR", "veteran": "CVL", "inmate": "CVL", "prisoner": "CVL", "hunter": "CVL",
    "trader": "BUS", "shopkeeper": "BUS", "exile": "REF", "haulier": "LAB", "docker": "LAB", "environmentalist": "ENV",
}


def _role_keys(tok: Any) -> tuple[str, ...]:
    """Spellings to look a role noun up by: its lemma, its text, and for a capitalised plural the parser left
    unlemmatised ("Pensioners" opening a sentence, tagged as a proper noun) its singular."""
    low = tok.lower_
    keys = [tok.lemma_.lower(), low]
    if tok.tag_ == "NNPS" or (tok.pos_ == "PROPN" and low.endswith("s")):
        if low.endswith("ies"):
            keys.append(low[:-3] + "y")
        elif low.endswith("men"):
            keys.append(low[:-3] + "man")
        elif low.endswith("s"):
            keys.append(low[:-1])
    return tuple(keys)
# offices take their state from a place only: "The president met the Chinese ambassador" is not China's president
OFFICE_NOUNS = frozenset("president premier minister governor mayor".split())
QUANTITY_HEADS = frozenset("thousand thousands hundred hundreds dozen dozens million millions tens scores group "
                           "groups crowd crowds number some many most all several few members member band".split())


@lru_cache(maxsize=1)
def role_sectors() -> dict[str, str]:
    """Single-word role noun -> sector: the actors gazetteer's roles.csv plus the crowd nouns above."""
    out: dict[str, str] = {}
    try:
        from dyadline.actors import gazetteer

        path = Path(gazetteer.__file__).parent / "data" / "roles.csv"
        with path.open(encoding="utf-8") as fh:
            rows = [r for r in fh if not r.startswith("#")]
        for row in csv.DictReader(rows):
            term, sector = (row.get("term") or "").strip(), (row.get("sector") or "").strip()
            if term and sector and " " not in term and sector not in ("GOV",):
                out.setdefault(term, sector)
    except (ImportError, OSError):
        pass
    out.update(EXTRA_ROLES)
    return out


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    try:
        from dyadline.actors import gazetteer

        path = Path(gazetteer.__file__).parent / "data" / "states.csv"
        with path.open(encoding="utf-8") as fh:
            return frozenset(r["code"] for r in csv.DictReader(fh))
    except (ImportError, OSError, KeyError):
        return frozenset()


def is_state_code(code: str | None) -> bool:
    if not code or code in IGO_CODES:
        return False
    states = state_codes()
    return code in states if states else len(code) == 3 and code.isalpha()


def crowd_head(tok: Any) -> Any | None:
    """The role noun an argument phrase names: the head itself, or through quantities
    ("tens of thousands of students", "a group of farmers")."""
    table = role_sectors()
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("NOUN", "PROPN") and any(k in table for k in _role_keys(cur)):
            return cur
        if cur.pos_ == "PROPN":
            # "Opposition candidate Alejandro Toledo", "rebel leader Foday Sankoh": an unknown person named with
            # a title; the title says the role
            titles = [x for c in cur.lefts if c.dep_ == "compound" for x in c.subtree
                      if x.pos_ in ("NOUN", "PROPN") and (x.lemma_.lower() in table or x.lower_ in table)]
            return titles[-1] if titles else None
        if cur.lower_ not in QUANTITY_HEADS and cur.lemma_.lower() not in QUANTITY_HEADS and cur.pos_ != "NUM":
            return None
        nxt = None
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                nxt = next((g for g in c.children if g.dep_ == "pobj"), None)
        if nxt is None:
            return None
        cur = nxt
    return None


def sector_of(tok: Any) -> str | None:
    table = role_sectors()
    return next((table[k] for k in _role_keys(tok) if k in table), None)


def role_sector(m: Mention, sdoc: Any | None = None) -> str | None:
    """The sector of an uncoded mention: the resolver's, else the one its head noun names ("farmers" -> AGR).
    None for an armed force its own words call foreign or multinational: CAMEO codes a domestic actor by the state it
    acts in, and a coalition's aircraft over Syria are not Syria's."""
    if m.actor.code is not None or m.actor.kind in ("person", "igo", "state"):
        return None
    head = _head_token(sdoc, m) if sdoc is not None else None
    sector = m.actor.sector or (sector_of(head) if head is not None else None)
    if sector == "MIL" and (FOREIGN_FORCE.search(m.text) or (head is not None and foreign_force(head))):
        return None  # ("Coalition military forces", "Joint Task Force", the mention being "military forces", "Force")
    return sector


def is_uncoded_role(m: Mention, sdoc: Any | None = None) -> bool:
    return role_sector(m, sdoc) is not None


def _head_token(sdoc: Any, m: Mention) -> Any | None:
    if m.token_start < 0 or m.token_end <= m.token_start:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else None
    return sdoc[m.token_start:m.token_end].root


def _np_place(head: Any, idx: Any) -> Mention | None:
    """A place inside the actor's own phrase: "students throughout Indonesia", "police in Kyiv"."""
    frontier = [head]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "punct", "appos", "conj", "cc"):
                    continue
                m = idx.location.get(c.i)
                if m is not None and is_state_code(m.actor.code):
                    return m
                a = idx.actor.get(c.i)
                if a is not None and c.dep_ in ("pobj",) and is_state_code(a.actor.code) and a.actor.kind == "state" \
                        and t.lower_ in ("in", "throughout", "across", "from", "of", "inside"):
                    return a
                nxt.append(c)
        frontier = nxt
    return None


def _sentence_place(span: Any, idx: Any) -> Mention | None:
    found: dict[str, Mention] = {}
    for i in range(span.start, span.end):
        m = idx.location.get(i)
        if m is not None and is_state_code(m.actor.code):
            found.setdefault(m.actor.code, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _context_state(span: Any, prev: Any | None, idx: Any) -> str | None:
    counts: Counter[str] = Counter()
    for sp, w in ((span, 2), (prev, 1)):
        if sp is None:
            continue
        seen: set[int] = set()
        for i in range(sp.start, sp.end):
            m = idx.actor.get(i)
            if m is None or id(m) in seen or not is_state_code(m.actor.code):
                continue
            seen.add(id(m))
            counts[m.actor.code] += w  # type: ignore[index]
    if not counts:
        return None
    top = counts.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def localise(m: Mention, typ: str, span: Any, prev: Any | None, idx: Any,
             as_target: bool = False) -> tuple[Mention, str] | None:
    """A coded copy of the uncoded role mention ``m`` and the rule that coded it, or None.

    A target (often the victims: "people were killed") takes a country only from a place, never from the
    context: the state that dominates the context is as often the attacker as the victim's."""
    sector = role_sector(m, span.doc)
    if sector is None:
        return None
    if sector in CIVIL_SECTORS and typ in CIVIL_EXCLUDED_TYPES:
        return None
    head = _head_token(span.doc, m)
    code, how = None, ""
    if head is not None:
        p = _np_place(head, idx)
        if p is not None:
            code, how = p.actor.code, f"domestic: place in the actor's phrase '{p.text}'"
    # (a weapon named without its owner is not the state of the place it struck: "missiles hit a school in Gaza")
    if code is None and not (head is not None and is_weapon(head)):
        p = _sentence_place(span, idx)
        if p is not None:
            code, how = p.actor.code, f"domestic: the sentence's place '{p.text}'"
    if code is None and not as_target and not (head is not None and head.lemma_.lower() in OFFICE_NOUNS):
        c = _context_state(span, prev, idx)
        if c is not None:
            code, how = c, f"domestic: the state that dominates the context ({c})"
    if code is None:
        return None
    return recoded(m, code, sector, "domestic", DOMESTIC_CONF), how


def recoded(m: Mention, code: str, sector: str | None, why: str, cap: float, kind: str = "group") -> Mention:
    """A copy of the uncoded mention ``m`` as an actor of state ``code``: the rule says why, and the confidence
    is at most ``cap`` (an inferred participant ranks below a named one)."""
    actor = Actor(code=code, sector=sector, name=m.actor.name, actor_id=m.actor.actor_id, kind=kind)  # type: ignore[arg-type]
    return Mention(text=m.text, start=m.start, end=m.end, sent_idx=m.sent_idx, actor=actor,
                   token_start=m.token_start, token_end=m.token_end, rule=f"{m.rule}+{why}",
                   confidence=min(m.confidence, cap) if m.confidence else cap, role="actor")


def crowd_mention(tok: Any) -> Mention | None:
    """A derived, uncoded role mention for a bare crowd noun the actors stage left alone."""
    head = crowd_head(tok)
    if head is None:
        return None
    sector = sector_of(head)
    if sector is None:
        return None
    start = min([head.idx] + [c.idx for c in head.lefts if c.dep_ in ("compound", "amod")])
    text = tok.doc.text[start:head.idx + len(head.text)]
    return Mention(text=text, start=start, end=head.idx + len(head.text), sent_idx=0,
                   actor=Actor(code=None, sector=sector, kind="group"), token_start=head.i, token_end=head.i + 1,
                   rule="role-noun(events)", confidence=0.45)
