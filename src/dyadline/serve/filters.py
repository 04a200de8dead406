"""The API's event filters: validated here, then handed to the store's ``EventFilter``.

Why validate again when ``dyadline.store.queries`` also checks: an HTTP client deserves an
error that names the query parameter it sent (``type``, ``dyad``...) and lists the allowed
values, before any SQL runs. The SQL itself is built only by ``EventFilter.where`` in the
store (``?`` placeholders; values never become SQL text), so the filter semantics of the
API and the CLI are the same by construction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyadline.ontology.plover import TYPE_NAMES
from dyadline.store.queries import EVENT_FACTUALITIES, EventFilter, QueryError, parse_actor

MAX_FILTER_LEN = 200


class BadParameter(ValueError):
    """A request parameter that cannot be used; becomes a 400 JSON error naming the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def _clean(param: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_FILTER_LEN:
        raise BadParameter(param, f"longer than {MAX_FILTER_LEN} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise BadParameter(param, "contains control characters")
    return value


def _actor(param: str, value: str | None) -> str | None:
    value = _clean(param, value)
    if value is None:
        return None
    try:
        return parse_actor(value).label
    except QueryError as exc:
        raise BadParameter(param, "expected an actor code, optionally with a sector, e.g. 'RUS' or 'RUS GOV'") from exc


def _many(param: str, value: str | None, allowed: tuple[str, ...], upper: bool) -> list[str] | None:
    """Comma-separated values, each checked against ``allowed`` (``type=ACCUSE,REJECT``)."""
    value = _clean(param, value)
    if value is None:
        return None
    out = [(v.upper() if upper else v.lower()) for v in (p.strip() for p in value.split(",")) if v]
    bad = [v for v in out if v not in allowed]
    if bad:
        raise BadParameter(param, f"unknown value {bad[0]!r}; one of {', '.join(allowed)}")
    return out or None


def build_filters(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    dyad: str | None = None,
    type: str | None = None,
    quad: int | None = None,
    factuality: str | None = None,
    outlet: str | None = None,
    attribution: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    q: str | None = None,
    min_reports: int | None = None,
) -> EventFilter:
    """Validate raw query parameters into the store's filter; raises BadParameter a user can act on."""
    dyad_pair: tuple[str, str] | None = None
    dyad_s = _clean("dyad", dyad)
    if dyad_s is not None:
        parts = dyad_s.split(",")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise BadParameter("dyad", "expected two actors separated by a comma, e.g. 'BLR,CHN'")
        a, b = _actor("dyad", parts[0]), _actor("dyad", parts[1])
        assert a is not None and b is not None
        dyad_pair = (a, b)
    if quad is not None and quad not in (1, 2, 3, 4):
        raise BadParameter("quad", "1, 2, 3 or 4")
    if since is not None and until is not None and since > until:
        raise BadParameter("since", "is after until")
    return EventFilter(
        actor=_actor("actor", actor),
        source=_actor("source", source),
        target=_actor("target", target),
        dyad=dyad_pair,
        type=_many("type", type, TYPE_NAMES, upper=True),
        quad=quad,
        factuality=_many("factuality", factuality, EVENT_FACTUALITIES, upper=False),
        outlet=_clean("outlet", outlet),
        attribution=_clean("attribution", attribution),
        since=since,
        until=until,
        text=_clean("q", q),
        min_reports=min_reports,
    )


@dataclass(frozen=True, slots=True)
class Page:
    """1-based page number and size; ``offset`` for SQL."""

    page: int = 1
    size: int = 25

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size
