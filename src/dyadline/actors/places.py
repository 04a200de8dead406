"""Place lookup for event locations: a place name to its country code and coordinates.

The event coder needs "Minsk" -> BLR (53.9, 27.57) without caring whether Minsk acted in the
sentence; this reads the same gazetteer as the resolver (capitals, major cities, countries and
their variants), so a spelling the resolver knows ("Kiev", "Київ") is known here too.
"""

from __future__ import annotations

import re

from dyadline.actors import gazetteer as G
from dyadline.model import Location

_PLACE_ORDER = {G.CITY: 0, G.CAPITAL: 1, G.SEAT: 2, G.STATE: 3}
_LEAD = re.compile(r"^(?:the\s+|in\s+|at\s+|near\s+|outside\s+)+", re.I)


def lookup_place(text: str) -> Location | None:
    """Country code and lat/lon of a capital, city, seat of power or country named by ``text``.

    A country gives its approximate centroid; a capital or city its own coordinates. Text that
    names no known place returns None (the caller keeps the place text without coordinates).
    """
    from dyadline.actors.resolver import get_resolver

    gz = get_resolver().gz
    raw = text.strip().strip(".,;:!?\"'()")
    for candidate in (raw, _LEAD.sub("", raw)):
        key = G.fold(candidate)
        if key.endswith("'s"):
            key = key[:-2]
        surfaces = [s for s in gz.surfaces.get(key, ()) if s.entry.category in _PLACE_ORDER]
        if not surfaces:
            continue
        e = min((s.entry for s in surfaces), key=lambda e: (not e.user, _PLACE_ORDER[e.category]))
        lat, lon = e.lat, e.lon
        if e.category == G.STATE and lat is None:
            return Location(text=text, code=e.place_code, lat=None, lon=None)
        return Location(text=text, code=e.place_code or e.code, lat=lat, lon=lon)
    return None
