"""An in-memory LRU cache of successful API responses, as pure-ASGI middleware.

Why caching is correct here: the server opens the database read-only and DuckDB's file lock
keeps any writer out while it does, so an answer cannot go stale during the server's life.
Why it matters: a dashboard asks the same few questions again and again (each filter change
fetches the series, the network and page 1 of the table; colleagues share links), and on a
small machine the aggregate queries cost tens of milliseconds each, while a cached answer is
served from the event loop without touching the thread pool or the database.

Keyed by path and the *sorted* query string, so ``?a=1&b=2`` and ``?b=2&a=1`` share an entry.
Only 200 responses under ``MAX_ENTRY_BYTES`` are kept; the total is bounded by ``max_bytes``.
"""

from __future__ import annotations

from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from dyadline.serve.security import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRY_BYTES = 1 << 20


class ResponseCache:
    """LRU of (status, headers, body) for GET /api/* requests; ``hits``/``misses`` for the curious."""

    def __init__(self, app: ASGIApp, max_bytes: int = 64 << 20, prefix: str = "/api/") -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.prefix = prefix
        self.entries: OrderedDict[str, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or self.max_bytes <= 0
                or not str(scope.get("path", "")).startswith(self.prefix)):
            await self.app(scope, receive, send)
            return
        qs = (scope.get("query_string") or b"").decode("latin-1")
        key = scope["path"] + "?" + urlencode(sorted(parse_qsl(qs, keep_blank_values=True)))
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        self.misses += 1
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        too_big = False

        async def capture(message: Message) -> None:
            nonlocal status, headers, too_big
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers") or [])
            elif message["type"] == "http.response.body" and not too_big:
                chunks.append(bytes(message.get("body", b"")))
                too_big = sum(map(len, chunks)) > MAX_ENTRY_BYTES
            await send(message)

        await self.app(scope, receive, capture)
        if status == 200 and not too_big and scope["method"] == "GET":
            body = b"".join(chunks)
            self.entries[key] = (headers, body)
            self.size += len(body) + len(key)
            while self.size > self.max_bytes and self.entries:
                k, (_, b) = self.entries.popitem(last=False)
                self.size -= len(b) + len(k)
