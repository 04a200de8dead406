"""Explain one coding decision: the parse, the frames, the lexicon entries, the actor rules, the
factuality cues, the attribution, the date and the place.

This is how an analyst audits one event and how a developer debugs a hundred: every field of an
event can be traced to a rule shown here. Used by ``dyadline explain`` and the dashboard.
"""

from __future__ import annotations

from typing import Any

from dyadline.model import Document


def _resolve_actors(docs: list[Document]) -> str:
    """Run the actors stage when it is installed; report which resolver was used."""
    try:
        from dyadline.actors.resolver import ResolveActors
    except ImportError:
        return "none (dyadline.actors.resolver not available)"
    ResolveActors()(docs)
    return "dyadline.actors.resolver"


def explain(sentence: str, date: str | None = None, doc: Document | None = None) -> dict[str, Any]:
    """Code ``sentence`` (as a one-sentence document dated ``date``) and return every decision.

    Pass ``doc`` to explain a document that already has a parse and mentions (tests, the dashboard).
    """
    from dyadline.events.coder import EventCoder
    from dyadline.events.offtopic import sports_cue
    from dyadline.nlp.annotate import Annotate

    resolver = "given"
    if doc is None:
        doc = Document(origin="<explain>", text=sentence, date=date)
        doc.finalize_ids()
        Annotate()([doc])
        resolver = _resolve_actors([doc])
    coder = EventCoder()
    sdoc = doc.nlp
    parse = [
        {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "tag": t.tag_, "dep": t.dep_, "head": t.head.i,
         "ent": t.ent_type_ or None}
        for t in sdoc
    ]
    frames = []
    for sent_idx, _span, fs in coder.frames(doc):
        for f in fs:
            d = f.describe()
            d["sentence"] = sent_idx
            d["emitted"] = not f.embedded
            frames.append(d)
    events = coder.code(doc)
    return {
        "text": doc.text,
        "date": date,
        "actor_resolver": resolver,
        "mentions": [
            {"text": m.text, "start": m.start, "end": m.end, "role": m.role, "code": m.actor.code,
             "sector": m.actor.sector, "kind": m.actor.kind, "name": m.actor.name, "rule": m.rule,
             "confidence": round(m.confidence, 3)}
            for m in doc.mentions
        ],
        "parse": parse,
        "frames": frames,
        "events": [{**ev.to_contract(), "trigger": ev.trigger, "historical": ev.historical,
                    "explanation": ev.explanation} for ev in events],
        "set_aside": [f"sentence {i}: a sports sentence (cue '{cue}'): its words of contest are not coded"
                      for i, s in enumerate(sdoc.sents) if (cue := sports_cue(s.text))],
    }


def render(result: dict[str, Any]) -> str:
    """A plain-text report of ``explain``'s result, one decision per line."""
    lines = [f"sentence: {result['text']}", f"date: {result['date'] or '(none)'}   actors: {result['actor_resolver']}", ""]
    lines.append("parse:")
    for t in result["parse"]:
        ent = f" [{t['ent']}]" if t["ent"] else ""
        lines.append(f"  {t['i']:3d} {t['text']:<16} {t['lemma']:<14} {t['pos']:<6} {t['dep']:<10} -> {t['head']}{ent}")
    lines.append("")
    lines.append("actor mentions:")
    for m in result["mentions"] or [{"text": "(none)", "code": None, "role": "", "rule": "", "confidence": 0}]:
        lines.append(f"  {m['text']!r}: code={m['code']} role={m['role']} rule={m['rule']} conf={m['confidence']}")
    lines.append("")
    lines.append("frames:")
    for f in result["frames"] or [{"trigger": "(none)"}]:
        if "path" not in f:
            lines.append("  (none)")
            continue
        lex = f["lexicon"]
        lines.append(f"  '{f['trigger']}' {f['type']}/{f['mode']} via {f['path']}; lexicon {lex['origin']} "
                     f"(lemma '{lex['lemma']}'); source[{f['source_slot']}]={f['sources']} "
                     f"target[{f['target_slot']}]={f['targets']}" + ("" if f["emitted"] else "  (coded through its wrapper)"))
        for n in f["notes"]:
            lines.append(f"      note: {n}")
    lines.append("")
    lines.append("events:")
    if not result["events"]:
        reasons = result.get("set_aside") or ["no lexicon frame with an actor"]
        lines.append(f"  (none: {'; '.join(reasons)})")
    for ev in result["events"]:
        src = ",".join(p["code"] or p["text"] for p in ev["source"]) or "-"
        tgt = ",".join(p["code"] or p["text"] for p in ev["target"]) or "-"
        x = ev["explanation"]
        lines.append(f"  {ev['type']} ({ev['mode'] or '-'}) {src} -> {tgt}  {ev['factuality']}  conf={ev['confidence']}"
                     + ("  reciprocal" if ev["reciprocal"] else ""))
        lines.append(f"      trigger: '{ev['trigger']}' path={x['path']}")
        lines.append(f"      factuality cues: {x['factuality_cues'] or ['none: asserted']}")
        att = ev["attribution"]
        lines.append(f"      attribution: {att['text'] if att else 'none (the outlet asserts it)'} "
                     f"{x['attribution_cues']} chain={x['attribution_chain']}")
        lines.append(f"      date: {ev['date']} ({ev['date_precision']}) from {x['date_expression']!r}"
                     + ("  historical" if ev["historical"] else ""))
        loc = ev["location"]
        lines.append(f"      location: {loc['text'] + ' ' + str(loc['code']) if loc else 'none'} {x['location_rule']}")
        lines.append(f"      confidence factors: {x['confidence_factors']}")
        for n in x["notes"]:
            lines.append(f"      note: {n}")
    return "\n".join(lines)
