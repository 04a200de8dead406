"""Polite, bounded HTTP fetching for feeds and URL lists.

A URL in a feed is untrusted input: it may point at a 2 GB file, a redirect loop, a
``file://`` path or a server that never answers. So only http/https are fetched, with a
connect/read timeout, a cap on redirects (each hop re-checked for its scheme), a cap on
the body size enforced while streaming, and a user agent that says who we are.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from dyadline import __version__

USER_AGENT = f"dyadline/{__version__} (+https://github.com/dyadline/dyadline; news event coding)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_REDIRECTS = 5


class FetchError(Exception):
    """Fetching failed; the message is a one-line reason."""


@dataclass(slots=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str
    charset: str | None


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refusing to fetch non-http(s) URL {url!r}")
    if not parts.netloc:
        raise FetchError(f"URL has no host: {url!r}")


class Fetcher:
    """One httpx client reused across requests (connection pooling), redirects followed by hand."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
    ) -> None:
        import httpx

        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=False, headers={"User-Agent": USER_AGENT}, trust_env=False
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        httpx = self._httpx
        for _ in range(self.max_redirects + 1):
            check_url(url)
            try:
                with self._client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {resp.status_code} redirect without Location from {url}")
                        url = urljoin(url, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} from {url}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.max_bytes:
                        raise FetchError(f"page too large ({int(declared)} bytes > cap {self.max_bytes}) at {url}")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            raise FetchError(f"page too large (over cap {self.max_bytes} bytes) at {url}")
                        chunks.append(chunk)
                    ctype = resp.headers.get("content-type", "")
                    return Fetched(str(resp.url), b"".join(chunks), ctype.split(";")[0].strip().lower(),
                                   resp.charset_encoding)
            except httpx.TimeoutException:
                raise FetchError(f"timed out fetching {url}") from None
            except httpx.HTTPError as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise FetchError(f"cannot fetch {url}: {reason}") from None
        raise FetchError(f"too many redirects (> {self.max_redirects}) from {url}")
