"""Where the event happened, when the sentence says so.

Why only stated places: the capital of the source country is not where a phone call happened. We look
for a place in a locative phrase attached to the event's own clause ("talks in Beijing", "a blast in
Minsk") or the place visited ("visited China"), never a place that only names a source or goal of some
other noun ("consent from China"), and geocode it with the actors gazetteer (``dyadline.actors.places.lookup_place``: country code, coordinates for capitals and major cities).
"""

from __future__ import annotations

from typing import Any

from dyadline.actors.places import lookup_place
from dyadline.events.frames import MentionIndex
from dyadline.model import Location, Mention

LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "along", "into", "over")


def _lookup(text: str) -> Location | None:
    return lookup_place(text)


def _mention_at(tok: Any, idx: MentionIndex) -> Mention | None:
    return idx.location.get(tok.i) or idx.actor.get(tok.i)


def event_location(trigger: Any, mode: str | None, targets: list[Mention], idx: MentionIndex) -> tuple[Location | None, str]:
    """(location, how it was found) for the event at ``trigger``."""
    heads = [trigger]
    if trigger.head is not trigger and trigger.dep_ in ("dobj", "xcomp", "conj"):
        heads.append(trigger.head)
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    m = _mention_at(pobj, idx) or idx.find(pobj, depth=2)
                    text = m.text if m is not None else (pobj.text if pobj.ent_type_ in ("GPE", "LOC", "FAC") else None)
                    if text:
                        loc = _lookup(text)
                        if loc is not None:
                            return loc, f"locative '{prep.text} {text}'"
    if mode == "visit":
        visited = [*targets, *(m for m in (idx.location.get(c.i) for c in trigger.children if c.dep_ == "dobj") if m)]
        for m in visited:
            loc = _lookup(m.text)
            if loc is not None:
                return loc, f"place visited '{m.text}'"
    # a place in a locative phrase elsewhere in the predicate's clause ("... on Sunday in Minsk", "bombed targets
    # in the Russian city of Saratov"); a place in a source, goal, "for" or "from" phrase of another word
    # ("without consent from China", "aid to Gaza", "sanctions against Iran") is not where the act happened
    scope = _clause_scope(trigger)
    seen: set[int] = set()
    for i in range(trigger.sent.start, trigger.sent.end):
        m = idx.location.get(i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        prep = _locative_prep(trigger.doc[i])
        if prep is None or prep.head.i not in scope:
            continue
        loc = _lookup(m.text)
        if loc is not None:
            return loc, f"locative '{prep.text} {m.text}' in the clause"
    return None, ""


def _locative_prep(tok: Any) -> Any | None:
    """The locative preposition that governs a place token ("in [the city of] Saratov", "outside Tbilisi"),
    through compounds, appositions, coordination and "the city of X"; None for any other phrase."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("compound", "amod", "appos", "conj", "flat", "nmod") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head  # "in the Russian city of Saratov"
        else:
            break
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in LOCATIVE_PREPS and t.head.lower_ != "into":
        return t.head
    return None


def _clause_scope(trigger: Any) -> set[int]:
    """Tokens whose locative phrase places the event: the trigger's own phrase, and the verbs it climbs to
    through clause links or as a light verb's object ("held talks ... in Beijing", "went to Minsk to talk"),
    never through a subject ("the visit ... drew criticism in Seoul" is not placed in Seoul)."""
    scope = {t.i for t in trigger.subtree}
    cur = trigger
    for _ in range(4):
        if cur.dep_ not in ("dobj", "nsubjpass", "xcomp", "conj", "advcl", "pobj", "prep") or cur.head is cur:
            break
        cur = cur.head
        scope.add(cur.i)
        scope |= {c.i for c in cur.children if c.dep_ == "prep"}
    return scope
