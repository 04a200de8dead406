"""Build parsed documents with hand-made actor mentions.

Why: frame logic must be testable without the actors resolver (and independently of its
dictionary), and a benchmark can hand the coder gold actors to separate frame errors from actor
errors. Each alias is matched as a whole word, longest first, and becomes a Mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dyadline.model import Actor, Document, Mention, Sentence

ActorSpec = str | tuple[str | None, str | None] | tuple[str | None, str | None, str]


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
