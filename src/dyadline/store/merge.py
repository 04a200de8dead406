"""Cross-article event merging: many reports of one happening become one event.

GDELT counts one meeting reported by five outlets and copied by twenty as 25 events. Here
two reports belong to the same event when they are *linked*:

- same PLOVER type;
- same dyad: the same set of source codes and target codes, either way round when either
  report is reciprocal ("A and B agreed" vs "B agreed with A");
- dates within a window that widens with the coarser of the two date precisions (a day
  for day-precise dates, a month for month-precise, ...);
- similar evidence: word overlap of the evidence sentences, helped by the same mode,
  trigger or place. Independent outlets word things differently, so the threshold is low:
  type + dyad + date already narrow the candidates to very few.

A syndicated copy (``dup_of`` set) links to its original's reports of the same type and
dyad whatever the dates, and never founds an event of its own.

Events are the connected components of the "linked" relation. Linking is a property of a
*pair* of reports only, so the components -- and so the events -- do not depend on the
order in which reports arrive. An event's id is the smallest report id in its component,
which makes ids stable across re-runs and ingest orders; when a new report bridges two
events, the merged event keeps the smaller id and the other is recorded in
``event_aliases`` so links handed out earlier still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

# Days two reports' dates may differ by, per precision; a pair uses the wider of the two.
# "document" means the date is the publication date: the event happened that day or shortly before.
DATE_WINDOWS: dict[str, int] = {"day": 1, "document": 2, "month": 31, "year": 366}
MAX_WINDOW = max(DATE_WINDOWS.values())
PRECISION_RANK: dict[str, int] = {"day": 0, "document": 1, "month": 2, "year": 3}

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset(
    """the and for that with from this was were are has have had will would said says say its their his her
    they them than then also but not into over after before about which while when where who whom what been
    being on in of to by at as an or it be is""".split()
)


@dataclass(frozen=True)
class MergeConfig:
    """Knobs of the link test; defaults tuned on the sample corpus (see docs/store.md)."""

    threshold: float = 0.25
    date_windows: dict[str, int] = field(default_factory=lambda: dict(DATE_WINDOWS))
    undated_threshold: float = 0.6  # two undated reports must say nearly the same thing


@dataclass
class LinkReport:
    """The fields of one report that the link test reads."""

    report_id: str
    event_id: str | None  # None for a report not yet stored
    doc_id: str
    type: str
    pair_key: str
    direction: str
    reciprocal: bool
    date: date | None
    date_precision: str
    sentence: str
    mode: str | None = None
    trigger: str = ""
    location: str | None = None
    dup_of: str | None = None  # of the report's document
    is_copy: bool = False  # the document is a syndicated copy whose original is stored
    _words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = content_words(self.sentence)
        return self._words


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).casefold() for m in _WORD.finditer(text or "")) if w not in _STOP)


def dyad_keys(source_codes: Iterable[str], target_codes: Iterable[str]) -> tuple[str, str]:
    """(pair_key, direction): the unordered pair for candidate lookup and the directed form."""
    s = ",".join(sorted(set(source_codes))) or "?"
    t = ",".join(sorted(set(target_codes))) or "?"
    return "|".join(sorted((s, t))), f"{s}>{t}"


def similarity(a: LinkReport, b: LinkReport) -> float:
    """Evidence similarity in [0, 1]: word overlap coefficient plus agreement on mode, trigger, place."""
    wa, wb = a.words, b.words
    overlap = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    score = 0.6 * overlap
    if a.mode and a.mode == b.mode:
        score += 0.15
    if a.trigger and a.trigger.casefold() == b.trigger.casefold():
        score += 0.1
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        score += 0.15
    return min(score, 1.0)


def linked(a: LinkReport, b: LinkReport, cfg: MergeConfig | None = None) -> bool:
    """Whether two reports describe the same happening (symmetric, order-free)."""
    cfg = cfg or MergeConfig()
    if a.type != b.type or a.pair_key != b.pair_key:
        return False
    if not (a.reciprocal or b.reciprocal or a.direction == b.direction):
        return False
    if (a.dup_of and a.dup_of == b.doc_id) or (b.dup_of and b.dup_of == a.doc_id):
        return True  # a syndicated copy and its original: same text, whatever date the copy carries
    if a.date is None or b.date is None:
        return a.date is None and b.date is None and similarity(a, b) >= cfg.undated_threshold
    window = max(cfg.date_windows.get(a.date_precision, 1), cfg.date_windows.get(b.date_precision, 1))
    if abs((a.date - b.date).days) > window:
        return False
    return similarity(a, b) >= cfg.threshold


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the smaller id as root: the root is then the component's event id
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass
class MergePlan:
    """What a batch does to the events: new reports' event ids, and stored events renamed by a merge."""

    assign: dict[str, str]  # new report_id -> event_id
    renamed: dict[str, str]  # old stored event_id -> new event_id
    touched: set[str]  # event ids whose aggregate row must be recomputed
    dropped: list[str]  # new copy reports that matched nothing (a copy never founds an event)


def plan_merge(new: list[LinkReport], stored: list[LinkReport], cfg: MergeConfig | None = None) -> MergePlan:
    """Link new reports to each other and to stored candidate reports, then name the components.

    Stored reports already sit in events whose id is their component's smallest report id; a
    stored event is a node here too (via its id), so merging two stored events through a new
    bridging report renames the larger id.
    """
    cfg = cfg or MergeConfig()
    uf = UnionFind()
    for s in stored:
        assert s.event_id is not None
        uf.union(s.event_id, s.event_id)
    for r in new:
        uf.find(r.report_id)
    # block by (type, pair_key): only those can link
    blocks: dict[tuple[str, str], tuple[list[LinkReport], list[LinkReport]]] = {}
    for r in new:
        blocks.setdefault((r.type, r.pair_key), ([], []))[0].append(r)
    for s in stored:
        if (s.type, s.pair_key) in blocks:
            blocks[(s.type, s.pair_key)][1].append(s)
    for news, olds in blocks.values():
        for i, a in enumerate(news):
            for b in news[i + 1:]:
                if linked(a, b, cfg):
                    uf.union(a.report_id, b.report_id)
            for s in olds:
                if linked(a, s, cfg):
                    uf.union(a.report_id, s.event_id)  # type: ignore[arg-type]

    # components: a copy that reached no non-copy report founds nothing
    members: dict[str, list[LinkReport]] = {}
    for r in new:
        members.setdefault(uf.find(r.report_id), []).append(r)
    stored_roots = {uf.find(s.event_id) for s in stored if s.event_id}
    dropped: list[str] = []
    assign: dict[str, str] = {}
    for root, rs in members.items():
        if root not in stored_roots and all(r.is_copy for r in rs):
            dropped += [r.report_id for r in rs]
            continue
        for r in rs:
            assign[r.report_id] = root
    renamed: dict[str, str] = {}
    for s in stored:
        root = uf.find(s.event_id)  # type: ignore[arg-type]
        if root != s.event_id:
            renamed[s.event_id] = root  # type: ignore[index]
    touched = set(assign.values()) | set(renamed.values())
    return MergePlan(assign=assign, renamed=renamed, touched=touched, dropped=sorted(dropped))


def event_factuality(values: Iterable[str]) -> str:
    """The event's factuality from its reports': 'contested' when one says it happened and another it did not."""
    vs = set(values)
    if "asserted" in vs and "negated" in vs:
        return "contested"
    for f in ("asserted", "negated", "possible"):
        if f in vs:
            return f
    return next(iter(sorted(vs)), "asserted")
