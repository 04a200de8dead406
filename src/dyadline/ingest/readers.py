"""Readers: every supported input becomes a stream of Documents.

Why generators all the way down: a 1 GB JSONL dump or WARC must go through with flat
memory, so nothing here reads more than one document (capped at ``max_bytes``) at a
time. Why errors become documents instead of exceptions: one bad file in a folder of
ten thousand must not stop the run; an error document (``skip_reason="error: ..."``,
``origin`` naming the file, line or record) is counted and reported in the summary.

Supported: ``.txt`` (optional ``date YYYY-MM-DD Title`` header), ``.html``/``.htm``,
``.jsonl``, WARC (``.warc``, ``.warc.gz``), RSS/Atom (``.rss``, ``.atom``, ``.xml``), URL
lists (``.urls`` or a ``.txt`` of URLs; fetched only with ``fetch=True``), ``.gz`` of any
of these, directories (recursive, sorted, hidden files skipped, ``.md`` ignored), ``-``
(JSONL on stdin) and http(s) URLs (with ``fetch=True``).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from dyadline.ingest.decode import DecodeError, decode_bytes, looks_binary
from dyadline.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher, FetchError
from dyadline.model import Document

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
WARC_EXT = {".warc", ".arc"}
FEED_EXT = {".rss", ".atom", ".xml", ".feed"}
URLS_EXT = {".urls", ".url"}
IGNORED_EXT = {".md", ".markdown"}  # docs shipped next to corpora (README, EXPECTED): not articles

HEADER_RE = re.compile(r"^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b\s*[·•|:\-–—]?\s*(.*)$", re.I)
URL_LINE_RE = re.compile(r"^https?://\S+$", re.I)


def error_doc(origin: str, reason: str, **fields: Any) -> Document:
    """A document that only carries a one-line error; later stages pass it through."""
    one_line = " ".join(str(reason).split())[:300]
    return Document(origin=origin, skip_reason=f"error: {one_line}", **fields)


class ReadOptions:
    """Limits shared by all readers (one object so a reader signature stays short)."""

    def __init__(self, fetch: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 15.0,
                 fetcher: Fetcher | None = None) -> None:
        self.fetch = fetch
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None

    def close(self) -> None:
        if self._fetcher is not None and self._own_fetcher:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(timeout=self.timeout, max_bytes=self.max_bytes)
        return self._fetcher


def read_paths(paths: Sequence[str], fetch: bool = False, **options: Any) -> Iterator[Document]:
    """Stream Documents from files, directories, ``-`` (JSONL on stdin) and URLs.

    Options: ``max_bytes`` (per document, default 10 MiB), ``timeout`` (seconds per
    request), ``fetcher`` (a ready :class:`Fetcher`), ``stdin`` (a text stream instead of
    ``sys.stdin``, for tests).
    """
    stdin = options.pop("stdin", None)
    opts = ReadOptions(fetch=fetch, **options)
    try:
        for p in paths:
            if p == "-":
                yield from _jsonl_lines(_text_lines(stdin or sys.stdin), "<stdin>")
            elif URL_LINE_RE.match(p):
                yield from _read_url(p, opts)
            else:
                yield from _read_path(Path(p), opts)
    finally:
        opts.close()


def _read_path(path: Path, opts: ReadOptions) -> Iterator[Document]:
    if path.is_dir():
        yield from _walk(path, opts)
        return
    if not path.exists():
        yield error_doc(str(path), "no such file or directory")
        return
    yield from read_file(path, opts)


def _walk(root: Path, opts: ReadOptions) -> Iterator[Document]:
    """Recursive, sorted (reproducible order), skipping hidden files and folders."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if _kind(path) == "ignored":
                continue
            yield from read_file(path, opts)


def _kind(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    for kind, exts in (("text", TEXT_EXT), ("html", HTML_EXT), ("jsonl", JSONL_EXT), ("warc", WARC_EXT),
                       ("feed", FEED_EXT), ("urls", URLS_EXT), ("ignored", IGNORED_EXT)):
        if ext in exts:
            return kind
    return "unknown"


def _is_gz(path: Path) -> bool:
    return path.suffix.lower() in (".gz", ".gzip")


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if _is_gz(path) else open(path, "rb")  # noqa: SIM115


def read_file(path: Path, opts: ReadOptions | None = None) -> Iterator[Document]:
    """Dispatch one file on its extension (``.gz`` looks at the extension before it)."""
    opts = opts or ReadOptions()
    origin = str(path)
    kind = _kind(path)
    try:
        if kind == "jsonl":
            with _open(path) as fh:
                yield from _jsonl_lines(_binary_lines(fh, opts.max_bytes, origin), origin)
            return
        if kind == "warc":
            yield from _read_warc(path, opts)
            return
        if kind in ("unknown", "ignored"):
            yield error_doc(origin, f"unsupported file type {''.join(path.suffixes) or '(no extension)'!r}")
            return
        data = _read_capped(path, opts.max_bytes)
        if kind == "text":
            yield from _text_doc(data, origin, opts)
        elif kind == "html":
            yield _html_doc(data, origin)
        elif kind == "feed":
            yield from _read_feed(data, origin, opts)
        elif kind == "urls":
            yield from _read_url_list(data, origin, opts)
    except _InputProblem as exc:
        yield error_doc(origin, str(exc))
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield error_doc(origin, f"truncated or corrupt gzip ({_short(exc)})")
    except OSError as exc:
        yield error_doc(origin, f"cannot read file ({exc.strerror or _short(exc)})")


class _InputProblem(Exception):
    """Internal: a one-line reason that becomes an error document."""


def _short(exc: BaseException) -> str:
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _read_capped(path: Path, max_bytes: int) -> bytes:
    if not _is_gz(path):
        size = path.stat().st_size
        if size > max_bytes:
            raise _InputProblem(f"file too large ({size / 1e6:.1f} MB > cap {max_bytes / 1e6:.1f} MB)")
    with _open(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _InputProblem(f"file too large (uncompressed over cap {max_bytes / 1e6:.1f} MB)")
    return data


def _decode(data: bytes, hint: str | None = None) -> str:
    try:
        return decode_bytes(data, hint)
    except DecodeError as exc:
        raise _InputProblem(str(exc)) from None


# ---------------------------------------------------------------- plain text


def parse_header(text: str) -> tuple[str | None, str | None, str]:
    """Split an optional ``date 2024-09-08 Title words`` first line off a plain-text article.

    Returns (date, title, body). A title that ends like a sentence (".", "!", "?") is
    the article's lead rather than a headline, so it stays in the body as well: dropping
    it would lose whatever event it reports.
    """
    stripped = text.lstrip("\ufeff")
    first, _, rest = stripped.partition("\n")
    m = HEADER_RE.match(first)
    if not m:
        return None, None, text
    date, title = m.group(1), m.group(2).strip() or None
    if title and len(title) > 200:  # a whole paragraph on the date line: it is body, headline is its first sentence
        lead = re.split(r"(?<=[.!?])\s+", title, maxsplit=1)[0]
        return date, lead[:200], title + "\n" + rest
    if title and title[-1:] in ".!?":
        return date, title, title + "\n" + rest
    return date, title, rest


def _text_doc(data: bytes, origin: str, opts: ReadOptions) -> Iterator[Document]:
    text = _decode(data)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and all(URL_LINE_RE.match(ln) or ln.startswith("#") for ln in lines) and any(
        URL_LINE_RE.match(ln) for ln in lines
    ):
        yield from _url_list(lines, origin, opts)
        return
    yield text_document(text, origin)


def text_document(text: str, origin: str) -> Document:
    """A plain-text article, with the date header line parsed if present."""
    date, title, body = parse_header(text)
    doc = Document(origin=origin, text=body.strip(), title=title)
    if date:
        doc.date, doc.date_source = date, "header"
    doc.meta["format"] = "text"
    return doc


# ---------------------------------------------------------------- HTML


def _html_doc(data: bytes, origin: str, url: str | None = None, hint: str | None = None) -> Document:
    html = _decode(data, hint)
    doc = Document(origin=origin, html=html, url=url)
    doc.meta["format"] = "html"
    return doc


# ---------------------------------------------------------------- JSONL


def _binary_lines(fh: IO[bytes], max_bytes: int, origin: str) -> Iterator[str | _InputProblem]:
    """Lines of a (possibly gzipped) byte stream, decoded; a truncated stream ends with an error item."""
    try:
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            if len(line) > max_bytes and not line.endswith(b"\n"):
                yield _InputProblem(f"line longer than cap {max_bytes} bytes")
                # skip the rest of this over-long line
                while line and not line.endswith(b"\n"):
                    line = fh.readline(1 << 20)
                continue
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError:
                yield _InputProblem("line is not valid UTF-8")
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield _InputProblem(f"truncated or corrupt gzip ({_short(exc)}); stopped here")


def _text_lines(stream: IO[str]) -> Iterator[str | _InputProblem]:
    try:
        yield from stream
    except UnicodeDecodeError:
        yield _InputProblem("stdin is not valid UTF-8")


def _jsonl_lines(lines: Iterator[str | _InputProblem], origin: str) -> Iterator[Document]:
    n = 0
    produced = 0
    for n, line in enumerate(lines, start=1):  # noqa: B007
        produced += 1
        where = f"{origin}:{n}"
        if isinstance(line, _InputProblem):
            yield error_doc(where, str(line))
            continue
        if not line.strip():
            produced -= 1
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield error_doc(where, f"invalid JSON ({exc.msg if hasattr(exc, 'msg') else 'too deeply nested'})")
            continue
        yield jsonl_document(rec, where)
    if not produced:
        yield error_doc(origin, "empty file (no JSON lines)")


def jsonl_document(rec: Any, origin: str) -> Document:
    """One JSONL record: ``id?``, ``url?``, ``title?``, ``date?``, ``source?``, and ``text`` or ``html``."""
    if not isinstance(rec, dict):
        return error_doc(origin, f"expected a JSON object, got {type(rec).__name__}")

    def s(key: str) -> str | None:
        v = rec.get(key)
        if v is None:
            return None
        return v if isinstance(v, str) else str(v) if isinstance(v, int | float) else None

    text, html = s("text"), s("html")
    if not (text and text.strip()) and not (html and html.strip()):
        return error_doc(origin, "record has neither 'text' nor 'html'")
    doc = Document(origin=origin, given_id=s("id"), url=s("url"), title=s("title"), site=s("source"))
    if html and html.strip() and not (text and text.strip()):
        doc.html = html
        doc.meta["format"] = "html"
    else:
        date, title, body = parse_header(text or "")
        doc.text = body.strip()
        doc.title = doc.title or title
        if date:
            doc.date, doc.date_source = date, "header"
        doc.meta["format"] = "text"
    date = s("date")
    if date:
        from dyadline.ingest.metadata import normalise_date

        iso = normalise_date(date)
        if iso:
            doc.date, doc.date_source = iso, "given"
    return doc


# ---------------------------------------------------------------- WARC


def _read_warc(path: Path, opts: ReadOptions) -> Iterator[Document]:
    """HTML response (and resource) records of a WARC; warcio handles per-record gzip itself."""
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    n = 0
    found = 0
    try:
        if not _is_gz(path) and path.stat().st_size == 0:
            yield error_doc(origin, "empty file")
            return
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for n, rec in enumerate(records, start=1):  # noqa: B007
                if rec.rec_type not in ("response", "resource"):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                if rec.http_headers is not None:
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                where = f"{origin}#{n}"
                data = rec.content_stream().read(opts.max_bytes + 1)
                if len(data) > opts.max_bytes:
                    yield error_doc(where, f"record too large (over cap {opts.max_bytes / 1e6:.1f} MB)", url=url)
                    continue
                if getattr(rec.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length
                    yield error_doc(where, "truncated or corrupt WARC (record shorter than its Content-Length); "
                                    "stopped here", url=url)
                    return
                m = re.search(r"charset=([\w.:-]+)", ctype, re.I)
                try:
                    doc = _html_doc(data, where, url=url, hint=m.group(1) if m else None)
                except _InputProblem as exc:
                    yield error_doc(where, str(exc), url=url)
                    continue
                found += 1
                date = rec.rec_headers.get_header("WARC-Date")
                if date:
                    doc.meta["crawl_date"] = date[:10]
                yield doc
            # warcio stops quietly when the last gzip member is cut off: unread bytes left mean truncation
            leftover = path.stat().st_size - getattr(records, "offset", 0)
            if leftover > 0:
                yield error_doc(f"{origin}#{n + 1}", f"truncated or corrupt WARC ({leftover} trailing bytes "
                                "unreadable); stopped here")
            elif not found:
                yield error_doc(origin, f"no HTML response records in WARC ({n} record(s))")
    except OSError as exc:
        yield error_doc(f"{origin}#{n + 1}", f"cannot read WARC ({exc.strerror or _short(exc)})")
    except Exception as exc:  # warcio raises many types on truncated/corrupt archives
        yield error_doc(f"{origin}#{n + 1}", f"truncated or corrupt WARC ({_short(exc)}); stopped here")


# ---------------------------------------------------------------- feeds and URLs


def _looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _read_feed(data: bytes, origin: str, opts: ReadOptions) -> Iterator[Document]:
    import feedparser

    if looks_binary(data):
        raise _InputProblem("binary content, not a feed")
    if not _looks_like_feed(data):
        raise _InputProblem("not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> element)")
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        why = _short(parsed.bozo_exception) if parsed.get("bozo") else "no entries"
        raise _InputProblem(f"feed has no readable entries ({why})")
    for i, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        where = link or f"{origin}#{i}"
        meta = _entry_meta(entry)
        if opts.fetch and link:
            for doc in _read_url(link, opts, follow_feeds=False):
                doc.meta["feed"] = origin
                if not doc.skip_reason:
                    _apply_feed_meta(doc, meta)
                yield doc
            continue
        body = _entry_body(entry)
        if not body.strip():
            yield error_doc(where, "feed entry has no text (use fetch to download the article)", url=link)
            continue
        doc = Document(origin=where, url=link, html=body)
        doc.meta.update(format="feed-entry", feed=origin)
        _apply_feed_meta(doc, meta)
        yield doc


def _entry_meta(entry: Any) -> dict[str, str]:
    import time

    meta: dict[str, str] = {}
    if entry.get("title"):
        meta["title"] = entry["title"]
    if entry.get("author"):
        meta["author"] = entry["author"]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        meta["date"] = time.strftime("%Y-%m-%d", parsed)
    return meta


def _apply_feed_meta(doc: Document, meta: dict[str, str]) -> None:
    doc.title = doc.title or meta.get("title")
    doc.author = doc.author or meta.get("author")
    if meta.get("date") and not doc.date:
        doc.date, doc.date_source = meta["date"], "feed"


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _read_url_list(data: bytes, origin: str, opts: ReadOptions) -> Iterator[Document]:
    text = _decode(data)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    yield from _url_list(lines, origin, opts)


def _url_list(lines: list[str], origin: str, opts: ReadOptions) -> Iterator[Document]:
    if not opts.fetch:
        yield error_doc(origin, f"URL list with {len(lines)} URL(s): pass fetch (--fetch) to download them")
        return
    for i, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        if not URL_LINE_RE.match(line):
            yield error_doc(f"{origin}:{i}", f"not an http(s) URL: {line[:80]!r}")
            continue
        yield from _read_url(line, opts)


def _read_url(url: str, opts: ReadOptions, follow_feeds: bool = True) -> Iterator[Document]:
    """Fetch one URL: an HTML page becomes one document, a feed its entries.

    A feed entry that links to another feed is an error rather than a recursion, so a
    hostile feed cannot make us crawl.
    """
    if not opts.fetch:
        yield error_doc(url, "URL input needs fetch (--fetch) to download it", url=url)
        return
    try:
        got = opts.fetcher.get(url)
    except FetchError as exc:
        yield error_doc(url, str(exc), url=url)
        return
    try:
        ctype = got.content_type
        if "html" in ctype or (not ctype and b"<html" in got.content[:4096].lower()):
            doc = _html_doc(got.content, url, url=got.url, hint=got.charset)
            yield doc
        elif "xml" in ctype or "rss" in ctype or "atom" in ctype or _looks_like_feed(got.content):
            if not follow_feeds:
                yield error_doc(url, "feed entry links to another feed, not an article", url=url)
                return
            yield from _read_feed(got.content, url, opts)
        elif ctype.startswith("text/"):
            yield text_document(_decode(got.content, got.charset), url)
        else:
            yield error_doc(url, f"unsupported content type {ctype or 'unknown'!r}", url=url)
    except _InputProblem as exc:
        yield error_doc(url, str(exc), url=url)
