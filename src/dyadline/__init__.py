"""dyadline: political event data from news articles.

Python API::

    import dyadline
    events = dyadline.code_text("Lukashenko visited China ...", date="2024-09-08")
    pipeline = dyadline.Pipeline([...])
"""

from __future__ import annotations

__version__ = "0.1.0"

from dyadline.model import Actor, Attribution, Document, Event, Mention, Sentence  # noqa: E402
from dyadline.pipeline import Pipeline  # noqa: E402


def code_text(text: str, date: str | None = None, doc_id: str | None = None) -> list[Event]:
    """Code one article text and return its events (stateless, nothing stored)."""
    from dyadline.api import code_documents

    doc = Document(origin="<text>", text=text, date=date, given_id=doc_id)
    return [e for d in code_documents([doc]) for e in d.events]


__all__ = ["Actor", "Attribution", "Document", "Event", "Mention", "Pipeline", "Sentence", "code_text", "__version__"]
