"""Page metadata: title, canonical URL, publication date, outlet, author, credited source.

Why our own code rather than trafilatura's metadata pass: the date needs an explicit
order of trust that we can record (``date_source``): a header line the user wrote beats
``<meta>`` tags, which beat JSON-LD, which beats a date in the URL path, which beats a
dateline found in the text. htmldate's heuristics are also the slowest part of
trafilatura, and the extraction benchmark has a speed target.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as _date
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

# <meta> names/properties that carry the publication date, most specific first.
DATE_META = (
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.created", "dc.date",
    "date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "og:published_time",
    "article:published", "datecreated", "originalpublicationdate", "citation_publication_date",
)
AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl")
SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
TITLE_META = ("og:title", "twitter:title", "dc.title", "headline", "title")

_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_URL_DATE_RE = re.compile(r"/(20\d{2}|19\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:/|[_-]|\b)")
_URL_DATE_COMPACT_RE = re.compile(r"/(20\d{2})(\d{2})(\d{2})(?:/|[_-])")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATELINE_RES = (
    re.compile(_MONTH_RE + r"\s+(\d{1,2}),?\s+(\d{4})"),  # September 8, 2024
    re.compile(r"(\d{1,2})\s+" + _MONTH_RE + r",?\s+(\d{4})"),  # 8 September 2024
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),  # 2024-09-08
    re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"),  # 08.09.2024 (day first, as in most of Europe)
)
# "Source: online.ua", "Originally published by The Kyiv Independent", "Republished from ..."
SOURCE_CREDIT_RE = re.compile(
    r"^\s*(?:(?:source|sources|джерело|источник|via)\s*[:\-–—]|"  # a label needs its colon: "Sources said..." is prose
    r"(?:originally\s+(?:published|appeared)|this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+|first\s+)?"
    r"(?:published|appeared)|first\s+published|republished|reprinted)\s+(?:with\s+permission\s+)?"
    r"(?:by|in|on|at|from|of)\s*:?)"
    r"\s*(?P<outlet>[^\n]{2,80}?)\s*[.;]?\s*(?:read the original(?: article)?\.?)?\s*$",
    re.I,
)


def normalise_date(value: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` from a meta/JSON-LD/feed value, or None if it is not a plausible date."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_RE.search(value[:40])
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if value.isdigit() and len(value) == 8:
        return _valid(int(value[:4]), int(value[4:6]), int(value[6:]))
    return dateline_date(value[:80])


def _valid(y: int, m: int, d: int) -> str | None:
    if not (1900 <= y <= 2100):
        return None
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    """A date in the URL path (``/2024/09/08/``, ``/20240908/``)."""
    if not url:
        return None
    path = urlsplit(url).path
    m = _URL_DATE_RE.search(path) or _URL_DATE_COMPACT_RE.search(path)
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def dateline_date(text: str) -> str | None:
    """The first explicit calendar date in a short stretch of text (a dateline or byline)."""
    for i, rx in enumerate(_DATELINE_RES):
        m = rx.search(text)
        if not m:
            continue
        g = m.groups()
        if i == 0:
            return _valid(int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1]))
        if i == 1:
            return _valid(int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0]))
        if i == 2:
            return _valid(int(g[0]), int(g[1]), int(g[2]))
        return _valid(int(g[2]), int(g[1]), int(g[0]))
    return None


def source_credit(lines: list[str]) -> str | None:
    """The credited original outlet of a republished article, from a short credit line."""
    for line in lines:
        if len(line) > 120:
            continue
        m = SOURCE_CREDIT_RE.match(line)
        if m:
            outlet = m.group("outlet").strip(" .:;\"'«»")
            if outlet and len(outlet.split()) <= 8:
                return outlet
    return None


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    canonical_url: str | None = None
    date: str | None = None
    date_source: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None


def _metas(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        val = el.get("content")
        if key and val and key not in out:
            out[key] = val.strip()
    return out


def _jsonld_items(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(items) < 50:
            cur = stack.pop()
            if isinstance(cur, list):
                stack.extend(cur)
            elif isinstance(cur, dict):
                items.append(cur)
                if "@graph" in cur:
                    stack.append(cur["@graph"])
    return items


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value[:5]) if n]
        return ", ".join(names) or None
    return None


def page_meta(tree: Any, url: str | None = None) -> PageMeta:
    """Metadata from a parsed page; ``url`` is where it was fetched from (or None)."""
    meta = PageMeta()
    metas = _metas(tree)
    ld = [i for i in _jsonld_items(tree) if "datePublished" in i or "headline" in i or "author" in i]

    for key in TITLE_META:
        if metas.get(key):
            meta.title = metas[key]
            break
    if not meta.title:
        for item in ld:
            if isinstance(item.get("headline"), str):
                meta.title = item["headline"].strip()
                break
    if not meta.title:
        h1 = next(tree.iter("h1"), None)
        t = next(tree.iter("title"), None)
        for el in (h1, t):
            if el is not None:
                txt = " ".join(el.text_content().split())
                if txt:
                    meta.title = txt
                    break

    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.canonical_url = urljoin(url or "", el.get("href").strip())
            break
    if not meta.canonical_url and metas.get("og:url"):
        meta.canonical_url = urljoin(url or "", metas["og:url"])

    for key in DATE_META:
        d = normalise_date(metas.get(key))
        if d:
            meta.date, meta.date_source = d, "meta"
            break
    if not meta.date:
        for el in tree.iter("time"):
            if (el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None:
                d = normalise_date(el.get("datetime") or el.text_content())
                if d:
                    meta.date, meta.date_source = d, "meta"
                    break
    if not meta.date:
        for item in ld:
            d = normalise_date(item.get("datePublished") if isinstance(item.get("datePublished"), str) else None)
            if d:
                meta.date, meta.date_source = d, "jsonld"
                break
    if not meta.date:
        d = url_date(meta.canonical_url) or url_date(url)
        if d:
            meta.date, meta.date_source = d, "url"

    for key in AUTHOR_META:
        v = metas.get(key)
        if v and not v.startswith("http") and len(v) < 120:
            meta.author = v
            break
    if not meta.author:
        for item in ld:
            name = _ld_name(item.get("author"))
            if name and len(name) < 120:
                meta.author = name
                break

    for key in SITE_META:
        if metas.get(key):
            meta.site = metas[key].lstrip("@")
            break
    if not meta.site:
        for item in ld:
            name = _ld_name(item.get("publisher"))
            if name:
                meta.site = name
                break
    if not meta.site:
        host = urlsplit(meta.canonical_url or url or "").hostname
        if host:
            meta.site = host.removeprefix("www.")

    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        meta.language = lang.split("-")[0].lower()[:3]
    return meta


def parse_html(html: str) -> Any:
    """Parse a page the way trafilatura does (comments and processing instructions dropped).

    Returns None when nothing parseable is left; never raises on malformed markup.
    """
    from trafilatura import load_html

    try:
        tree = load_html(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        tree = None
    if tree is None and html.strip():
        try:  # a fragment (trafilatura rejects a lone "<p>x</p>"): wrap it
            tree = load_html(f"<html><body><div>{html}</div></body></html>")
        except (ValueError, TypeError, lxml_html.etree.ParserError):
            tree = None
    return tree
