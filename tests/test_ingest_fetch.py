"""Fetching feeds and URL lists against a local HTTP server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dyadline.ingest.extract import Extract
from dyadline.ingest.fetch import USER_AGENT, Fetcher, FetchError
from dyadline.ingest.readers import read_paths

STORY = ("Lukashenko visited China and met Xi Jinping in Beijing on Monday. Washington and Brussels warned Beijing "
         "not to sell arms to Russia, officials said. ") * 3
SEEN_AGENTS: list[str] = []


def page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title><meta property='article:published_time' content='2024-09-09'>"
            f"</head><body><article><h1>{title}</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        host = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/a1": (200, "text/html; charset=utf-8", page("First story")),
            "/a2": (200, "text/html", page("Second story")),
            "/feed.xml": (200, "application/rss+xml", f"""<?xml version="1.0"?><rss version="2.0"><channel>
<title>Wire</title><item><title>First</title><link>{host}/a1</link><pubDate>Sun, 08 Sep 2024 10:00:00 GMT</pubDate></item>
<item><title>Dead</title><link>{host}/gone</link></item>
<item><title>Second</title><link>{host}/a2</link></item></channel></rss>""".encode()),
            "/big": (200, "text/html", b"<html><body>" + b"x" * 300_000 + b"</body></html>"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/a1")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        status, ctype, body = routes[self.path]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_fetches_each_article_and_reports_the_dead_link(server: str) -> None:
    docs = list(read_paths([f"{server}/feed.xml"], fetch=True, timeout=5))
    assert [d.origin for d in docs] == [f"{server}/a1", f"{server}/gone", f"{server}/a2"]
    first, dead, second = docs
    assert dead.skip_reason == f"error: HTTP 404 from {server}/gone"
    first, second = Extract()([first, second])
    assert first.title == "First" and "Xi Jinping" in first.text
    assert first.date == "2024-09-08" and first.date_source == "feed"  # the feed's date beats the page's
    assert second.date == "2024-09-09" and second.date_source == "meta"
    assert SEEN_AGENTS and all(a == USER_AGENT for a in SEEN_AGENTS)


def test_local_feed_file_with_fetch(server: str, tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(f"""<rss version="2.0"><channel><item><title>A</title><link>{server}/redirect</link></item>
<item><title>B</title><link>http://127.0.0.1:9/closed-port</link></item></channel></rss>""", encoding="utf-8")
    docs = list(read_paths([str(f)], fetch=True, timeout=5))
    assert docs[0].skip_reason is None and docs[0].url == f"{server}/a1"
    assert docs[1].skip_reason.startswith("error: cannot fetch http://127.0.0.1:9/closed-port")


def test_url_list_with_fetch(server: str, tmp_path: Path) -> None:
    f = tmp_path / "list.urls"
    f.write_text(f"{server}/a1\n# comment\n{server}/a2\nftp://example.org/x\n", encoding="utf-8")
    docs = list(read_paths([str(f)], fetch=True, timeout=5))
    assert [d.skip_reason is None for d in docs] == [True, True, False]
    assert "not an http(s) URL" in docs[2].skip_reason


def test_fetcher_limits(server: str) -> None:
    with Fetcher(timeout=5, max_bytes=100_000, max_redirects=3) as fetcher:
        with pytest.raises(FetchError, match="too many redirects"):
            fetcher.get(f"{server}/loop")
        with pytest.raises(FetchError, match="refusing to fetch non-http"):
            fetcher.get(f"{server}/to-file")
        with pytest.raises(FetchError, match="too large"):
            fetcher.get(f"{server}/big")
        with pytest.raises(FetchError, match="refusing"):
            fetcher.get("file:///etc/passwd")
        assert fetcher.get(f"{server}/redirect").url == f"{server}/a1"
