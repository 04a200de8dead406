"""Security headers and request limits, as one pure-ASGI middleware.

Why pure ASGI rather than Starlette's BaseHTTPMiddleware: it adds no task or stream copy per
request, which matters under the 50-client load test, and it can refuse an oversized request
before any application code (or body parsing) runs.

Every article is untrusted input: the dashboard escapes everything it shows, and the CSP here
is the second wall. ``script-src 'self'`` forbids inline script and event-handler attributes,
so even a missed escape cannot execute an article's ``<script>`` or ``onerror=``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI (vendored, /docs only) sets style attributes from its React code's markup, so that one
# page allows inline *styles*; inline *script* stays forbidden everywhere.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)

MAX_BODY_BYTES = 16 * 1024  # the API is read-only GET; nothing legitimate sends a body this size
MAX_URL_BYTES = 4096  # path + query string


class SecurityMiddleware:
    """Adds security headers to every response; refuses oversized requests and unknown hosts."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        # None: no Host check (tests, explicit public binds). A set: DNS-rebinding protection for loopback.
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        url_len = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string") or b"")
        if url_len > MAX_URL_BYTES:
            await _error(send, 414, "uri_too_long", f"request URL longer than {MAX_URL_BYTES} bytes")
            return
        try:
            length = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES or b"transfer-encoding" in headers:
            await _error(send, 413, "request_too_large", f"request body larger than {MAX_BODY_BYTES} bytes")
            return
        if self.allowed_hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").lower()
            name = host.split("]")[0] + "]" if host.startswith("[") else host.split(":")[0]
            if name not in self.allowed_hosts:
                await _error(send, 400, "bad_host", "unexpected Host header")
                return
        csp = (CSP_DOCS if scope.get("path") == "/docs" else CSP).encode()
        is_api = str(scope.get("path", "")).startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                hdrs = list(message.get("headers") or [])
                hdrs.append((b"content-security-policy", csp))
                hdrs.extend(HEADERS)
                if is_api:
                    hdrs.append((b"cache-control", b"no-store"))
                message["headers"] = hdrs
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"content-security-policy", CSP.encode()), *HEADERS],
    })
    await send({"type": "http.response.body", "body": body})
