"""The API's event filters: parsed and validated once, then turned into parameterised SQL.

Why here and not in each endpoint: every endpoint (events, series, network, documents)
takes the same filters as the CLI, and one place that turns them into ``WHERE`` clauses
with ``?`` placeholders is one place to audit for injection. Values never reach SQL text;
only fixed fragments chosen by this module do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dyadline.model import FACTUALITIES
from dyadline.ontology.plover import TYPE_NAMES

# "contested" is the store's factuality for events whose reports disagree (issue 6).
EVENT_FACTUALITIES: tuple[str, ...] = (*FACTUALITIES, "contested")
MAX_FILTER_LEN = 200


class BadParameter(ValueError):
    """A request parameter that cannot be used; becomes a 400 JSON error naming the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor filter: a code, optionally narrowed to one sector ("RUS" also finds RUS GOV, RUS MIL)."""

    code: str
    sector: str | None = None

    @property
    def label(self) -> str:
        return f"{self.code} {self.sector}" if self.sector else self.code


def parse_actor(param: str, value: str) -> ActorRef:
    """"RUS", "RUS GOV", "rus:gov" -> ActorRef. Codes are upper-cased: the store keeps them so."""
    parts = value.replace(":", " ").replace("/", " ").split()
    if not parts or len(parts) > 2:
        raise BadParameter(param, "expected an actor code, optionally followed by a sector, e.g. 'RUS' or 'RUS GOV'")
    return ActorRef(parts[0].upper(), parts[1].upper() if len(parts) == 2 else None)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Filters shared by every event-based endpoint (the same set as `dyadline events`)."""

    actor: ActorRef | None = None
    dyad: tuple[ActorRef, ActorRef] | None = None
    type: str | None = None
    quad: int | None = None
    factuality: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f) is None for f in self.__slots__)  # type: ignore[attr-defined]

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """SQL condition over the ``events`` table aliased ``alias``, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        a = alias
        if self.actor is not None:
            clauses.append(_actor_exists(a, None, self.actor, params))
        if self.dyad is not None:
            x, y = self.dyad
            # Undirected: "how have A and B treated each other" counts A->B and B->A.
            one = f"({_actor_exists(a, 'source', x, params)} AND {_actor_exists(a, 'target', y, params)})"
            two = f"({_actor_exists(a, 'source', y, params)} AND {_actor_exists(a, 'target', x, params)})"
            clauses.append(f"({one} OR {two})")
        if self.type is not None:
            clauses.append(f"{a}.type = ?")
            params.append(self.type)
        if self.quad is not None:
            clauses.append(f"{a}.quad = ?")
            params.append(self.quad)
        if self.factuality is not None:
            clauses.append(f"{a}.factuality = ?")
            params.append(self.factuality)
        if self.outlet is not None:
            clauses.append(
                f"EXISTS (SELECT 1 FROM event_reports r_o WHERE r_o.event_id = {a}.event_id"
                " AND (lower(r_o.outlet) = lower(?) OR lower(r_o.site) = lower(?)))"
            )
            params += [self.outlet, self.outlet]
        if self.since is not None:
            clauses.append(f"{a}.date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"{a}.date <= ?")
            params.append(self.until)
        if self.q is not None:
            # contains() takes the text literally: no LIKE wildcards to escape, nothing to inject.
            clauses.append(
                f"EXISTS (SELECT 1 FROM event_reports r_q WHERE r_q.event_id = {a}.event_id"
                " AND contains(lower(r_q.sentence), lower(?)))"
            )
            params.append(self.q)
        return (" AND ".join(clauses) or "TRUE"), params


def _actor_exists(alias: str, role: str | None, ref: ActorRef, params: list[Any]) -> str:
    cond = f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = {alias}.event_id AND x.code = ?"
    params.append(ref.code)
    if role is not None:
        cond += " AND x.role = ?"
        params.append(role)
    if ref.sector is not None:
        cond += " AND x.sector = ?"
        params.append(ref.sector)
    return cond + ")"


def _clean(param: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_FILTER_LEN:
        raise BadParameter(param, f"longer than {MAX_FILTER_LEN} characters")
    if any(ord(c) < 32 for c in value):
        raise BadParameter(param, "contains control characters")
    return value


def build_filters(
    *,
    actor: str | None = None,
    dyad: str | None = None,
    type: str | None = None,
    quad: int | None = None,
    factuality: str | None = None,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    q: str | None = None,
) -> EventFilters:
    """Validate raw query parameters; raises BadParameter with a message a user can act on."""
    actor_s = _clean("actor", actor)
    dyad_s = _clean("dyad", dyad)
    type_s = _clean("type", type)
    fact_s = _clean("factuality", factuality)
    dyad_refs: tuple[ActorRef, ActorRef] | None = None
    if dyad_s is not None:
        parts = [p for p in dyad_s.split(",")]
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise BadParameter("dyad", "expected two actors separated by a comma, e.g. 'BLR,CHN'")
        dyad_refs = (parse_actor("dyad", parts[0]), parse_actor("dyad", parts[1]))
    if type_s is not None:
        type_s = type_s.upper()
        if type_s not in TYPE_NAMES:
            raise BadParameter("type", f"unknown PLOVER type; one of {', '.join(TYPE_NAMES)}")
    if fact_s is not None:
        fact_s = fact_s.lower()
        if fact_s not in EVENT_FACTUALITIES:
            raise BadParameter("factuality", f"one of {', '.join(EVENT_FACTUALITIES)}")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise BadParameter("quad", "1, 2, 3 or 4")
    if since is not None and until is not None and since > until:
        raise BadParameter("since", "is after until")
    return EventFilters(
        actor=parse_actor("actor", actor_s) if actor_s is not None else None,
        dyad=dyad_refs,
        type=type_s,
        quad=quad,
        factuality=fact_s,
        outlet=_clean("outlet", outlet),
        since=since,
        until=until,
        q=_clean("q", q),
    )


@dataclass(frozen=True, slots=True)
class Page:
    """1-based page number and size; ``offset`` for SQL."""

    page: int = 1
    size: int = 25

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size
