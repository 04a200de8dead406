"""Records that flow between pipeline stages.

One plain record type per stage boundary, so a stage can run in-process, in a pool,
or on a distributed engine. Everything an event says carries provenance: the
document id, the sentence index and character offsets into the document text.

Transient, non-serialisable working state (the spaCy ``Doc``) lives in
``Document.nlp`` and is never written anywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Factuality = Literal["asserted", "negated", "possible"]
DatePrecision = Literal["day", "month", "year", "document"]

FACTUALITIES: tuple[str, ...] = ("asserted", "negated", "possible")


def content_hash(text: str) -> str:
    """Stable key of a document's content: whitespace-normalised, case-folded text.

    Ingesting the same article twice (even re-wrapped or re-spaced) yields the same key,
    which is what makes ingestion idempotent.
    """
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Actor:
    """A resolved actor: who, in coded form.

    ``code`` is ISO-3166 alpha-3 for states, an IGO code for organisations (EUR, NATO,
    UNO...), WST for the West. ``sector`` is a PLOVER/CAMEO sector (GOV, MIL, COP, ...).
    ``kind`` says what the entity is: state, igo, group, person, org, unknown.
    """

    code: str | None
    sector: str | None = None
    name: str | None = None
    actor_id: str | None = None
    kind: str = "unknown"

    def to_json(self, text: str) -> dict[str, Any]:
        return {"text": text, "code": self.code, "sector": self.sector, "name": self.name}


@dataclass(slots=True)
class Mention:
    """A span of text that names an actor (or a place).

    Offsets are characters in ``Document.text``; token offsets index the spaCy Doc.
    ``role`` separates actors from places: "a blast in Minsk" gives a location mention.
    ``rule`` names the resolver rule that fired (alias, fuzzy, adjective+role, metonym,
    coref, ...), so every decision can be explained.
    """

    text: str
    start: int
    end: int
    sent_idx: int
    actor: Actor
    token_start: int = -1
    token_end: int = -1
    rule: str = "alias"
    confidence: float = 1.0
    role: Literal["actor", "location"] = "actor"


@dataclass(slots=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Attribution:
    """Who says an event happened. ``chain`` runs outermost first:
    page outlet -> credited outlet -> named source."""

    text: str
    code: str | None = None
    kind: str = "speaker"  # speaker | outlet | document
    chain: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code}


@dataclass(slots=True)
class Location:
    text: str
    code: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class Participant:
    """An actor as it takes part in one event: the mention text plus its resolution."""

    text: str
    actor: Actor
    rule: str = "alias"
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return self.actor.to_json(self.text)


@dataclass(slots=True)
class Event:
    """One coded event. ``to_contract()`` gives the public JSON (DESIGN.md §3).

    ``evidence`` is the [start, end) character span of the evidence sentence inside the
    document text; ``trigger`` holds the predicate word(s) and its span for highlighting.
    ``explanation`` records how the coder reached each decision (``dyadline explain``).
    """

    doc_id: str
    sent_idx: int
    sentence: str
    evidence: tuple[int, int]
    type: str
    mode: str | None
    quad: int
    score: float
    source: list[Participant]
    target: list[Participant]
    reciprocal: bool = False
    factuality: str = "asserted"
    attribution: Attribution | None = None
    date: str | None = None
    date_precision: str = "document"
    location: Location | None = None
    confidence: float = 0.5
    trigger: str = ""
    trigger_span: tuple[int, int] = (0, 0)
    historical: bool = False
    event_id: str = ""
    explanation: dict[str, Any] = field(default_factory=dict)

    def make_id(self) -> str:
        """Content-derived id: stable across runs and ingest order for the same report."""
        key = "|".join(
            [
                self.doc_id,
                str(self.sent_idx),
                self.type,
                ",".join(sorted(p.actor.code or p.text for p in self.source)),
                ",".join(sorted(p.actor.code or p.text for p in self.target)),
                self.trigger,
            ]
        )
        return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_contract(self) -> dict[str, Any]:
        if not self.event_id:
            self.event_id = self.make_id()
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "sentence": self.sentence,
            "evidence": [self.evidence[0], self.evidence[1]],
            "type": self.type,
            "mode": self.mode,
            "quad": self.quad,
            "score": self.score,
            "source": [p.to_json() for p in self.source],
            "target": [p.to_json() for p in self.target],
            "reciprocal": self.reciprocal,
            "factuality": self.factuality,
            "attribution": self.attribution.to_json() if self.attribution else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_json() if self.location else None,
            "confidence": round(self.confidence, 3),
        }


CONTRACT_FIELDS: tuple[str, ...] = (
    "doc_id", "event_id", "sentence", "evidence", "type", "mode", "quad", "score", "source",
    "target", "reciprocal", "factuality", "attribution", "date", "date_precision", "location",
    "confidence",
)


@dataclass(slots=True)
class Document:
    """A document as it moves through the pipeline.

    Readers fill ``raw``/``html``/``text`` and what metadata the input carries; the
    extract stage fills ``text`` and metadata from HTML; later stages add language,
    duplicate links, sentences, mentions and events. ``skip_reason`` set by any stage
    means later stages pass the document through untouched (and the run counts it).
    """

    origin: str  # file path, URL or "<stdin>:N": names the input in every error message
    text: str = ""
    html: str | None = None
    doc_id: str = ""
    given_id: str | None = None
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    date: str | None = None  # ISO date of publication
    date_source: str | None = None  # header | meta | jsonld | url | dateline | given
    site: str | None = None  # outlet that published the page
    author: str | None = None
    source_outlet: str | None = None  # credited original outlet ("Source: online.ua")
    language: str | None = None
    content_hash: str = ""
    dup_of: str | None = None
    story_id: str | None = None
    skip_reason: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    nlp: Any = None  # transient spaCy Doc, never serialised

    def finalize_ids(self) -> None:
        """Set content hash and document id once the article text is known."""
        self.content_hash = content_hash(self.text)
        if not self.doc_id:
            self.doc_id = self.given_id or self.content_hash[:16]

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("nlp", "html", "sentences", "mentions", "events"):
            d.pop(k, None)
        return d


class InputError(Exception):
    """Bad input: the message names the input and says what is wrong, in one line."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
