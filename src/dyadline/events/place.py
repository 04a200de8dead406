"""Where the event happened, when the sentence says so.

Why only stated places: the capital of the source country is not where a phone call happened. We look
for a place in a locative phrase of the trigger ("talks in Beijing", "a blast in Minsk"), the place
visited ("visited China"), then any location mention in the sentence, and geocode it with the actors
gazetteer (``dyadline.actors.places.lookup_place``: country code, coordinates for capitals and major cities).
"""

from __future__ import annotations

from typing import Any

from dyadline.events.frames import MentionIndex
from dyadline.model import Location, Mention

LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "along", "into")


def _lookup(text: str) -> Location | None:
    try:
        from dyadline.actors.places import lookup_place
    except ImportError:  # the gazetteer is optional at import time; no place is better than a crash
        return None
    try:
        return lookup_place(text)
    except Exception:
        return None


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
    if mode == "visit" and targets:
        for m in targets:
            loc = _lookup(m.text)
            if loc is not None:
                return loc, f"place visited '{m.text}'"
    seen: set[int] = set()
    for i in range(trigger.sent.start, trigger.sent.end):
        m = idx.location.get(i)
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            loc = _lookup(m.text)
            if loc is not None:
                return loc, f"location mention '{m.text}'"
    return None, ""
