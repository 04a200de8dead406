"""The extract stage: HTML to article text plus metadata; plain text through the same filter.

Pages are parsed once with lxml; the tree feeds both the body extractor and the metadata
reader. The body comes from :mod:`dyadline.ingest.body` (trafilatura and readability
combined), then the line-level furniture filter removes what both let through, and
cuts the page where other stories begin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyadline.ingest.furniture import _join, filter_lines, split_lines
from dyadline.ingest.metadata import dateline_date, page_meta, parse_html, url_date
from dyadline.model import Document

TRUSTED_DATE_SOURCES = ("header", "given", "feed")


@dataclass(slots=True)
class ExtractResult:
    text: str
    title: str | None = None
    date: str | None = None
    site: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    source_outlet: str | None = None
    date_source: str | None = None
    language: str | None = None  # the page's declared language (<html lang>), a hint only


def clean_text(text: str) -> str:
    """The furniture filter for plain text (see :mod:`dyadline.ingest.furniture`)."""
    from dyadline.ingest.furniture import clean_text as _clean

    return _clean(text)


def extract_html(html: str, url: str | None = None) -> ExtractResult:
    """Article text and metadata of one page. Never raises on bad HTML: text is "" instead."""
    from dyadline.ingest.body import extract_body

    tree = parse_html(html)
    if tree is None:
        return ExtractResult(text="")
    meta = page_meta(tree, url)
    body = extract_body(tree, url)
    res = filter_lines(split_lines(body), meta.title, split_stories=False)
    text = _join(res.lines)
    out = ExtractResult(
        text=text, title=meta.title, date=meta.date, date_source=meta.date_source, site=meta.site,
        author=meta.author, canonical_url=meta.canonical_url, source_outlet=res.source_outlet, language=meta.language,
    )
    if not out.date and text:
        # before filtering: a dateline standing on its own line is dropped as furniture
        d = dateline_date(body[: body.find(text[:40]) + 400 if text[:40] in body else 400])
        if d:
            out.date, out.date_source = d, "dateline"
    return out


class Extract:
    """Stage "extract": fills ``text`` and metadata, then the document ids."""

    name = "extract"

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        for doc in docs:
            if doc.skip_reason:
                continue
            try:
                self._one(doc)
            except Exception as exc:  # a page that breaks a library must not stop the batch
                doc.skip_reason = f"error: extraction failed ({type(exc).__name__}: {str(exc)[:120]})".replace(
                    "\n", " "
                )
                continue
            if not doc.text.strip():
                doc.skip_reason = "error: no article text"
                continue
            doc.finalize_ids()
        return docs

    def _one(self, doc: Document) -> None:
        if doc.html is not None and not doc.text and doc.meta.get("format") == "feed-entry":
            from dyadline.ingest.body import fragment_text

            doc.text = fragment_text(doc.html)  # a feed summary: all of it is the story, no page to extract
        if doc.html is not None and not doc.text:
            res = extract_html(doc.html, doc.url)
            doc.text = res.text
            doc.title = doc.title or res.title
            doc.canonical_url = doc.canonical_url or res.canonical_url
            doc.site = doc.site or res.site
            doc.author = doc.author or res.author
            doc.source_outlet = doc.source_outlet or res.source_outlet
            if res.language:
                doc.meta.setdefault("html_lang", res.language)
            if res.date and doc.date_source not in TRUSTED_DATE_SOURCES:
                doc.date, doc.date_source = res.date, res.date_source
        else:
            raw = doc.text
            res = filter_lines(split_lines(raw), doc.title)
            doc.text = _join(res.lines)
            doc.source_outlet = doc.source_outlet or res.source_outlet
            if not doc.date:
                d = url_date(doc.url)
                if d:
                    doc.date, doc.date_source = d, "url"
                else:
                    d = dateline_date(raw[:600])
                    if d:
                        doc.date, doc.date_source = d, "dateline"
        if not doc.site and doc.url:
            from urllib.parse import urlsplit

            host = urlsplit(doc.url).hostname
            if host:
                doc.site = host.removeprefix("www.")
