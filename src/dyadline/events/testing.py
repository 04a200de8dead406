"""Build parsed documents with hand-made actor mentions.

Why: frame logic must be testable without the actors resolver (and independently of its
dictionary), and a benchmark can hand the coder gold actors to separate frame errors from actor
errors. Each alias is matched as a whole word, longest first, and becomes a Mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dyadline.model import Actor, Document, Mention, Sentence

ActorSpec = str | tuple[str | None, str | None] | tuple[str | None, str | None, str]


def coded_rows(text: str, date: str | None = None) -> list[tuple[str, str, str, str]]:
    """Code ``text`` through the whole pipeline (own actors) and return each event as (type, source codes, target
    codes, factuality), highest confidence first; "?" is an uncoded actor, "-" an empty side. The compact form the
    rule tests compare against."""
    from dyadline import code_text

    evs = sorted(code_text(text, date=date), key=lambda e: -e.confidence)
    return [(e.type, ",".join(p.actor.code or "?" for p in e.source) or "-",
             ",".join(p.actor.code or "?" for p in e.target) or "-", e.factuality) for e in evs]


def doc_with_mentions(text: str, actors: Mapping[str, ActorSpec], date: str | None = "2024-09-08",
                      site: str | None = None, source_outlet: str | None = None,
                      locations: Mapping[str, str] | None = None) -> Document:
    """Parse ``text`` with the shared spaCy model and attach mentions for each alias in ``actors``.

    ``actors`` maps alias -> code, or (code, sector), or (code, sector, kind). ``locations`` maps a
    place alias -> country code and gives role="location" mentions.
    """
    from dyadline.nlp.annotate import get_nlp

    doc = Document(origin="<test>", text=text, date=date, site=site, source_outlet=source_outlet)
    doc.finalize_ids()
    sdoc = get_nlp()(text)
    doc.nlp = sdoc
    doc.sentences = []
    for i, s in enumerate(sdoc.sents):  # trimmed as the annotate stage trims them
        lead = len(s.text) - len(s.text.lstrip())
        body = s.text.strip()
        doc.sentences.append(Sentence(idx=i, start=s.start_char + lead, end=s.start_char + lead + len(body), text=body))
    sent_starts = [s.start_char for s in sdoc.sents]
    taken: list[tuple[int, int]] = []
    specs: list[tuple[str, ActorSpec, str]] = [(a, s, "actor") for a, s in actors.items()]
    specs += [(a, (c, None, "state"), "location") for a, c in (locations or {}).items()]
    for alias, spec, role in sorted(specs, key=lambda x: -len(x[0])):
        if spec is None or isinstance(spec, str):
            code, sector, kind = spec, None, "state"
        elif len(spec) == 2:
            code, sector, kind = spec[0], spec[1], "state"
        else:
            code, sector, kind = spec  # type: ignore[misc]
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            span = sdoc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            taken.append((s, e))
            sent_idx = max(i for i, st in enumerate(sent_starts) if st <= s)
            doc.mentions.append(Mention(text=m.group(0), start=s, end=e, sent_idx=sent_idx,
                                        actor=Actor(code=code, sector=sector, kind=kind), token_start=span.start,
                                        token_end=span.end, rule="test", confidence=1.0, role=role))  # type: ignore[arg-type]
    doc.mentions.sort(key=lambda m: m.start)
    return doc


# ------------------------------------------------------------------------------------------- challenge set
def load_challenge(path: str | Path) -> list[dict[str, Any]]:
    """The hand-written challenge set (benchmarks/data/challenge.yaml): text, type, source, target, factuality.
    ``source`` / ``target`` are a code, a list of acceptable codes, or null (no actor expected on that side)."""
    import yaml

    recs = yaml.safe_load(Path(path).read_text("utf-8")) or []
    for r in recs:
        for side in ("source", "target"):
            v = r.get(side)
            r[side] = [] if v is None else [v] if isinstance(v, str) else list(v)
    return recs


def _side_matches(gold: list[str], pred: list[Any]) -> bool:
    if not gold:
        return not pred
    return any((p.actor.code or "")[:len(g)] == g for g in gold for p in pred)


def challenge_match(rec: dict[str, Any], ev: Any) -> bool:
    """Type, a source code and a target code all agree (either direction for a reciprocal event)."""
    if ev.type != rec["type"]:
        return False
    if _side_matches(rec["source"], ev.source) and _side_matches(rec["target"], ev.target):
        return True
    return ev.reciprocal and _side_matches(rec["source"], ev.target) and _side_matches(rec["target"], ev.source)


def run_challenge(path: str | Path, date: str = "2024-09-08") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Code every challenge sentence with dyadline's own actors; (metrics, per-sentence rows).

    Metrics as for the GSR: type@1 and match@1 on the highest-confidence event (no event = wrong),
    coverage, and factuality accuracy of the top event where its type is right."""
    from collections import Counter, defaultdict

    from dyadline.actors.resolver import ResolveActors
    from dyadline.events.coder import CodeEvents
    from dyadline.nlp.annotate import Annotate

    recs = load_challenge(path)
    docs = []
    for i, r in enumerate(recs):
        d = Document(origin=f"challenge-{i}", text=r["text"], date=date, given_id=f"challenge-{i}")
        d.finalize_ids()
        docs.append(d)
    Annotate()(docs)
    ResolveActors()(docs)
    CodeEvents()(docs)
    n = len(recs)
    covered = type_ok = match_ok = fact_ok = 0
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confusion: Counter[tuple[str, str]] = Counter()
    rows = []
    for r, d in zip(recs, docs, strict=True):
        evs = sorted(d.events, key=lambda e: -e.confidence)
        top = evs[0] if evs else None
        t_ok = top is not None and top.type == r["type"]
        m_ok = top is not None and challenge_match(r, top)
        f_ok = t_ok and top is not None and top.factuality == r.get("factuality", "asserted")
        covered += top is not None
        type_ok += t_ok
        match_ok += m_ok
        fact_ok += f_ok
        per_type[r["type"]][0] += t_ok
        per_type[r["type"]][1] += m_ok
        per_type[r["type"]][2] += 1
        confusion[(r["type"], top.type if top else "-")] += 1
        rows.append({"text": r["text"], "gold": f"{r['type']} {','.join(r['source']) or '-'}->{','.join(r['target']) or '-'}",
                     "type_ok": t_ok, "match": m_ok, "factuality_ok": f_ok,
                     "pred": [f"{e.type} {','.join(p.actor.code or p.text for p in e.source) or '-'}->"
                              f"{','.join(p.actor.code or p.text for p in e.target) or '-'} [{e.trigger}] {e.factuality} "
                              f"{e.confidence:.2f}" for e in evs]})
    metrics = {
        "sentences": n, "coverage": round(covered / max(n, 1), 3), "type_accuracy_top1": round(type_ok / max(n, 1), 3),
        "event_match_top1": round(match_ok / max(n, 1), 3),
        "factuality_on_type_correct": round(fact_ok / max(type_ok, 1), 3),
        "per_type": {t: {"type@1": round(a / k, 2), "match@1": round(m / k, 2)} for t, (a, m, k) in sorted(per_type.items())},
        "top_confusions": [[g, p, c] for (g, p), c in confusion.most_common() if g != p][:12],
    }
    return metrics, rows
