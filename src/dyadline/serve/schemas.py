"""Response shapes, for the OpenAPI schema at /docs.

Why documentation-only (``responses=`` rather than ``response_model=``): the data layer
already builds the exact JSON contract (DESIGN.md §3), and re-validating every event of every
page through pydantic would cost latency under load for no gain. These models tell API users
what each field means; tests check that real responses carry these fields.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="machine-readable: bad_parameter, not_found, request_too_large, internal, ...")
    message: str = Field(description="one line a person can act on")
    param: str | None = Field(None, description="the offending query parameter, when there is one")


class Error(BaseModel):
    error: ErrorBody


class ActorOut(BaseModel):
    text: str | None = Field(description="the mention as written in the article")
    code: str | None = Field(description="ISO-3166 alpha-3 for states, IGO code (EUR, NATO, UNO), WST")
    sector: str | None = Field(description="PLOVER/CAMEO sector: GOV, MIL, COP, REB, OPP, BUS, MED, CVL, ...")
    name: str | None = Field(description="the resolved person or organisation name, when known")


class AttributionOut(BaseModel):
    text: str
    code: str | None = None


class LocationOut(BaseModel):
    text: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventOut(BaseModel):
    """The public JSON contract of one event, plus the cross-article merge fields."""

    doc_id: str = Field(description="the document of the event's main report")
    event_id: str
    sentence: str = Field(description="evidence sentence of the main report")
    evidence: list[int] | None = Field(description="[start, end) character offsets of the sentence in the document text")
    type: str = Field(description="one of the 16 PLOVER event types")
    mode: str | None
    quad: int = Field(description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    score: float = Field(description="cooperation (+10) to conflict (-10)")
    source: list[ActorOut]
    target: list[ActorOut]
    reciprocal: bool
    factuality: str = Field(description="asserted | negated | possible | contested (reports disagree)")
    attribution: AttributionOut | None = Field(description="who says so; null when the outlet itself asserts it")
    date: str | None
    date_precision: str = Field(description="day | month | year | document")
    location: LocationOut | None
    confidence: float | None
    n_reports: int = Field(description="number of reports behind the event (one per document)")
    n_outlets: int = Field(description="number of distinct outlets that reported it")
    outlets: list[str] = Field(description="distinct outlets that reported it")
    first_seen: str | None = Field(None, description="date of the earliest report")
    last_seen: str | None = Field(None, description="date of the latest report")
    reports: int = Field(description="in lists: the number of reports (as in `dyadline events --format jsonl`)")


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    pages: int
    items: list[EventOut]


class ReportOut(BaseModel):
    report_id: str
    doc_id: str
    outlet: str | None
    site: str | None
    is_copy: bool = Field(description="a syndicated copy of another document: adds a report, never an event")
    copy_of: str | None
    title: str | None
    url: str | None = Field(description="link to the article (shown only when it is http or https)")
    published: str | None
    date: str | None
    type: str
    mode: str | None
    factuality: str | None = Field(description="factuality as this outlet reported it")
    sentence: str
    sent_idx: int | None
    evidence: list[int | None]
    trigger: str | None
    trigger_span: list[int] | None
    attribution: dict[str, Any] | None = Field(description="text, code, kind and chain (outermost first)")
    confidence: float | None
    location: str | None
    explanation: Any = Field(description="how the coder reached each decision for this report")


class EventDetail(EventOut):
    reports: list[ReportOut] = Field(  # type: ignore[assignment]
        description="in one event: every report, the canonical one first (as in the store's export with reports)")
    merged_from: str | None = Field(None, description="the id asked for, when a merge absorbed it into this event")
    explain: Any = Field(description="the canonical report's explanation, or null")


class Period(BaseModel):
    period: str = Field(description="first day of the period (as `dyadline dyad`)")
    label: str = Field(description="2024-09-08, 2024-W36, 2024-09 or 2024")
    start: str
    end: str = Field(description="last day of the period, inclusive")
    events: int
    reports: int
    cooperation: int = Field(description="reported (asserted or contested) events in quads 1 and 2")
    conflict: int = Field(description="reported (asserted or contested) events in quads 3 and 4")
    quad: dict[str, int]
    types: dict[str, int]
    factuality: dict[str, int]
    score_sum: float = Field(description="sum of PLOVER scores of reported events: the cooperation-conflict "
                                         "index (negated and possible events are counted in events only)")
    score_mean: float | None


class Series(BaseModel):
    by: str
    periods: list[Period]


class Node(BaseModel):
    id: str = Field(description="actor code, or 'code sector' with by_sector")
    code: str
    sector: str | None
    events: int
    as_source: int
    as_target: int
    mean_score: float | None


class Edge(BaseModel):
    source: str
    target: str
    events: int
    mean_score: float = Field(description="mean PLOVER score of the events on this edge")
    quad: dict[str, int]
    quad_score: dict[str, float | None]


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge] = Field(description="strongest first")
    edges_total: int = Field(description="edges among these nodes before the max_edges cut")


class ActorItem(BaseModel):
    id: str = Field(description="'code' or 'code sector', usable as the actor filter")
    code: str
    sector: str | None
    name: str | None
    events: int


class Actors(BaseModel):
    items: list[ActorItem]


class DocEvent(BaseModel):
    event_id: str
    report_id: str
    type: str
    mode: str | None
    quad: int
    factuality: str | None
    sent_idx: int | None
    sentence: str
    evidence: list[int | None]
    trigger_span: list[int] | None


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    canonical_url: str | None
    date: str | None
    site: str | None
    outlet: str | None
    source_outlet: str | None
    author: str | None
    language: str | None
    dup_of: str | None
    story_id: str | None
    skip_reason: str | None
    is_duplicate: bool
    set_aside: bool
    n_chars: int | None
    n_events: int | None


class DocumentDetail(DocumentOut):
    text: str = Field(description="the extracted article text; evidence offsets index into it")
    events: list[DocEvent]


class DocumentPage(BaseModel):
    total: int
    page: int
    page_size: int
    pages: int
    items: list[DocumentOut]


class Summary(BaseModel):
    documents: int = Field(description="documents ingested (including duplicates and documents set aside)")
    duplicates: int
    set_aside: int
    languages_set_aside: dict[str, int]
    languages: dict[str, int]
    skipped: dict[str, int]
    events: int
    multi_report: int = Field(description="events with more than one report")
    contested: int = Field(description="events whose reports disagree on factuality")
    reports: int
    outlets: int
    first_date: str | None
    last_date: str | None
    by_quad: dict[str, int]
    by_type: dict[str, int]
