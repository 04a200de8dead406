"""Property tests: random bytes and random HTML never crash a reader or the extractor.

The only acceptable failure is the clear one: an error document whose ``skip_reason`` is
one line starting with "error: " and whose origin names the input.
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadline.ingest.decode import DecodeError, decode_bytes
from dyadline.ingest.extract import Extract, clean_text, extract_html
from dyadline.ingest.langid import DetectLanguage
from dyadline.ingest.readers import parse_header, read_paths

SUFFIXES = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".rss", ".xml", ".urls", ".txt.gz", ".jsonl.gz", ".htm.gz"]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["p", "div", "span", "article", "a", "b", "table", "tr", "td", "script", "style", "h1", "li", "ul", "br",
        "meta", "title", "head", "body", "html", "nav", "footer", "!--", "?xml", "template", "svg"]
html_piece = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["<meta charset='koi8-r'>", "<meta property='article:published_time' content='2024-99-99'>",
                     "<link rel=canonical href='::'>", "<script type='application/ld+json'>{\"@graph\": [[{}]]",
                     "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "\x00", "Source: x", "date 2024-01-01 T\n"]),
    st.text(min_size=0, max_size=40),
)
random_html = st.lists(html_piece, max_size=40).map("".join)


def _check(docs: list, path: Path) -> None:
    for doc in docs:
        if doc.skip_reason is None:
            continue
        assert doc.skip_reason.startswith(("error: ", "language: ")), doc.skip_reason
        assert "\n" not in doc.skip_reason
        if doc.skip_reason.startswith("error: "):
            assert str(path) in doc.origin or doc.origin.startswith("http"), doc.origin


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES), gz=st.booleans())
def test_random_bytes_to_every_reader(data: bytes, suffix: str, gz: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if gz and suffix.endswith(".gz") else data)
        docs = list(read_paths([str(path)]))
        docs = list(DetectLanguage()(Extract()(docs)))
        assert docs, "every input yields at least one document (maybe an error)"
        _check(docs, path)


@FUZZ
@given(html=random_html, suffix=st.sampled_from([".html", ".rss", ".xml", ".txt"]))
def test_random_html_to_readers_and_extraction(html: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_text(html, encoding="utf-8", errors="surrogatepass")
        docs = list(DetectLanguage()(Extract()(list(read_paths([str(path)])))))
        _check(docs, path)


@FUZZ
@given(html=random_html, url=st.one_of(st.none(), st.text(max_size=30), st.just("https://x.org/2024/02/30/a")))
def test_extract_html_never_raises(html: str, url: str | None) -> None:
    res = extract_html(html, url)
    assert isinstance(res.text, str)
    assert res.date is None or len(res.date) == 10


@FUZZ
@given(text=st.text(max_size=2000))
def test_text_filters_never_raise(text: str) -> None:
    out = clean_text(text)
    assert len(out) <= len(text) + text.count("·") + 1
    date, title, body = parse_header(text)
    assert date is None or len(date) == 10


@FUZZ
@given(data=st.binary(max_size=2000))
def test_decode_bytes_gives_text_or_clear_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
