"""Article body extraction: trafilatura, with readability as a second opinion.

Why two extractors: trafilatura in precision mode is the better extractor on most pages,
but it sometimes keeps only the first part of an article (it judged the rest to be
boilerplate) or grabs the wrong block entirely. readability scores the DOM differently
and rarely fails on the same page. Running both on every page would halve throughput,
so readability runs only when a cheap check on the page says trafilatura may have missed
text: long ``<p>`` paragraphs on the page that are absent from its output, or an output
too short to be an article. The two are then merged paragraph by paragraph: trafilatura's
text is the base, and readability adds only paragraphs that read as prose (long,
sentence-like, not repeated, not a photo caption); if trafilatura found almost nothing,
readability's text is used instead.
"""

from __future__ import annotations

import copy
import re
from typing import Any

_WORD_RE = re.compile(r"\w+")
_CAPTION_RE = re.compile(r"\b(?:credit|photo|photograph|image|pictured|getty images|ap photo|afp|reuters)\b\s*[:/(]?",
                         re.I)
BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "blockquote", "tr", "pre", "table", "ul",
              "ol", "section", "article", "figcaption", "dd", "dt")
MIN_ARTICLE_WORDS = 50  # below this, trafilatura's output is not an article
MISSING_RATIO = 0.25  # long page paragraphs missing from the output, relative to its length, that trigger readability


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def _paragraphs(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def trafilatura_text(tree: Any, url: str | None) -> str:
    import trafilatura

    text = trafilatura.extract(
        tree, url=url, favor_precision=True, include_comments=False, include_tables=True, with_metadata=False,
        deduplicate=False, output_format="txt",
    )
    return text or ""


def readability_text(tree: Any, url: str | None) -> str:
    """readability's main block as text, one line per block element (it mutates the tree: pass a copy)."""
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(tree, url=url).summary(html_partial=True)
    return fragment_text(summary)


def fragment_text(fragment: str) -> str:
    """All text of an HTML fragment, one line per block element, scripts and styles dropped.

    Used for readability's output and for feed entries, whose short summaries are not
    pages an article extractor could score.
    """
    from lxml import etree
    from lxml import html as lxml_html

    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + el.tail if el.tail else "\n"
        if el.tag != "br":
            el.text = "\n" + el.text if el.text else "\n"
    return root.text_content()


def missing_long_paragraphs(tree: Any, text_norm: str, min_words: int = 25) -> int:
    """Words in long ``<p>`` paragraphs of the page that the extracted text does not contain."""
    missing = 0
    for p in tree.iter("p"):
        words = _WORD_RE.findall(p.text_content().lower())
        if len(words) < min_words:
            continue
        key = " ".join(words[:12])
        if key not in text_norm:
            missing += len(words)
    return missing


def _is_prose(par: str) -> bool:
    words = _WORD_RE.findall(par)
    if len(words) < 20:
        return False
    if _CAPTION_RE.search(par[-80:]) or _CAPTION_RE.match(par):
        return False
    return par.rstrip()[-1:] in ".!?\"”’»)" or len(words) >= 40


def merge(base: str, other: str) -> str:
    """Trafilatura's text plus readability's extra prose paragraphs, in readability's order."""
    base_pars, other_pars = _paragraphs(base), _paragraphs(other)
    base_keys = [_norm(p) for p in base_pars]
    joined = " ".join(base_keys)
    n_base = len(joined.split())
    other_keys = [_norm(p) for p in other_pars]
    n_other = sum(len(k.split()) for k in other_keys)
    if n_base < MIN_ARTICLE_WORDS and n_other > n_base:
        return other
    # readability must have found the same article: most of the base text is in its output
    other_joined = " ".join(other_keys)
    shared = sum(len(k.split()) for k in base_keys if k and k in other_joined)
    if n_base and shared / n_base < 0.6:
        return base
    counts: dict[str, int] = {}
    for k in other_keys:
        counts[k] = counts.get(k, 0) + 1
    # offsets of base paragraphs in `joined`, to place additions between them
    starts, pos = [], 0
    for k in base_keys:
        starts.append(pos)
        pos += len(k) + 1
    out: list[str] = []
    emitted = 0  # base paragraphs already written
    added = False
    for par, key in zip(other_pars, other_keys, strict=True):
        if not key:
            continue
        at = joined.find(key)
        if at >= 0:
            while emitted < len(base_pars) and starts[emitted] <= at:
                out.append(base_pars[emitted])
                emitted += 1
            continue
        if counts[key] == 1 and _is_prose(par):
            out.append(par)
            added = True
    out.extend(base_pars[emitted:])
    return "\n".join(out) if added else base


def extract_body(tree: Any, url: str | None = None) -> str:
    """The article text of a parsed page (see the module docstring for the strategy)."""
    base = trafilatura_text(tree, url)
    base_norm = _norm(base)
    n_base = len(base_norm.split())
    if n_base >= MIN_ARTICLE_WORDS and missing_long_paragraphs(tree, base_norm) < MISSING_RATIO * n_base:
        return base
    try:
        other = readability_text(copy.deepcopy(tree), url)
    except Exception:  # readability gives up on some pages; trafilatura's text stands
        return base
    return merge(base, other)
