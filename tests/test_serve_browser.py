"""Browser tests: the dashboard in Debian's chromium, driven by Playwright for Python.

The server runs in a thread on 127.0.0.1 (a free port); every request the page makes to any
other address is aborted and recorded, which proves the dashboard and /docs need no CDN.
Skipped when /usr/bin/chromium is absent, unless CI is set (then missing chromium fails:
`.ci/install-browser.sh` installs it).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from dyadline.serve.fixtures import BLR_CHN_1, XSS_SENTENCE, XSS_TITLE, build_fixture_db

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing and CI is set: run .ci/install-browser.sh", pytrace=False)
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium, or .ci/install-browser.sh)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    server: Any
    thread: threading.Thread


def _start(db: Path) -> Server:
    import uvicorn

    from dyadline.serve.app import create_app

    port = _free_port()
    app = create_app(db, allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    return Server(f"http://127.0.0.1:{port}", server, thread)


def _stop(s: Server) -> None:
    s.server.should_exit = True
    s.thread.join(timeout=10)


@pytest.fixture(scope="module")
def corpus_server(corpus_db: Path) -> Iterator[Server]:
    s = _start(corpus_db)
    yield s
    _stop(s)


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("browser") / "fixture.duckdb"
    build_fixture_db(db)
    s = _start(db)
    yield s
    _stop(s)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did that it must not: dialogs, script errors, requests off the machine."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[tuple[Any, Watch]]:
    # bypass_csp (via indirect parametrize) takes the CSP away, so a test shows that escaping
    # alone keeps an article inert; the CSP header itself is checked in test_serve_api.py.
    bypass = bool(getattr(request, "param", False))
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=bypass)
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    watch = Watch()

    def on_dialog(d: Any) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
            r.continue_()
        else:
            watch.external.append(url)
            r.abort()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    ctx.route("**/*", route)
    yield pg, watch
    ctx.close()


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_dashboard_on_the_sample_corpus_with_a_dyad_filter(corpus_server: Server, page: tuple[Any, Watch]) -> None:
    pg, watch = page
    pg.goto(corpus_server.base + "/")
    pg.wait_for_selector("#events tbody tr[data-event-id]")
    pg.fill("input[name=dyad_a]", "BLR")
    pg.fill("input[name=dyad_b]", "CHN")
    pg.click("#filters button[type=submit]")
    expect(pg.locator("#timeline-title")).to_contain_text("BLR")
    expect(pg.locator("#network-svg text.label", has_text="CHN")).to_have_count(1)
    # timeline: periods with data drawn as bars, cooperation and conflict
    busy = pg.locator("#timeline-svg g.period:not([data-count='0'])")
    assert busy.count() >= 2
    assert pg.locator("#timeline-svg rect.bar").count() >= busy.count()
    assert pg.locator("#timeline-svg rect.bar.q1, #timeline-svg rect.bar.q2").count() >= 1
    # network: both actors as nodes with labels, at least one coloured edge
    labels = set(pg.locator("#network-svg text.label").all_text_contents())
    assert {"BLR", "CHN"} <= labels
    assert pg.locator("#network-svg path.edge").count() >= 1
    assert (pg.locator("#network-svg path.edge").first.get_attribute("stroke") or "").startswith("rgb(")
    # the table lists only BLR-CHN events
    api = httpx.get(corpus_server.base + "/api/events", params={"dyad": "BLR,CHN"}).json()
    expect(pg.locator("#page-info")).to_contain_text(f"{api['total']} events")
    rows = pg.locator("#events tbody tr[data-event-id]")
    assert rows.count() == min(25, api["total"])
    for src, tgt in zip(rows.locator("td:nth-child(4)").all_text_contents(),
                        rows.locator("td:nth-child(5)").all_text_contents(), strict=True):
        assert {src.split()[0], tgt.split()[0]} == {"BLR", "CHN"}, (src, tgt)
    _shot(pg, "dashboard-corpus-dyad.png")

    # click a period: the table narrows to its events
    period = busy.first
    label, n = period.get_attribute("data-period"), int(period.get_attribute("data-count") or 0)
    period.locator("rect.hit").click()
    pg.wait_for_selector("#period-chip:not([hidden])")
    expect(pg.locator("#page-info")).to_contain_text(f" {n} events")
    assert label in pg.locator("#period-chip").text_content()
    assert all(d.startswith(label[:4]) for d in pg.locator("#events tbody td:first-child").all_text_contents())

    # click a node: it becomes the actor filter
    pg.locator("#network-svg g.node-g[data-actor='CHN'] circle").click()
    expect(pg.locator("input[name=actor]")).to_have_value("CHN")
    assert "actor=CHN" in pg.url
    assert not watch.dialogs and not watch.errors and not watch.external, watch


def test_event_page_highlights_the_evidence(fixture_server: Server, page: tuple[Any, Watch]) -> None:
    pg, watch = page
    pg.goto(fixture_server.base + "/#/?type=CONSULT")
    row = pg.locator("#events tbody tr[data-event-id]").first
    row.wait_for()
    row.click()
    mark = pg.locator("#ev-doc mark.evidence")
    mark.wait_for()
    assert mark.text_content() == BLR_CHN_1
    expect(pg.locator("#dashboard")).to_be_hidden()  # the event page replaces the dashboard
    assert pg.locator("#ev-doc mark.evidence .trigger").text_content() == "met"
    meta = dict(zip(pg.locator("#ev-meta dt").all_text_contents(), pg.locator("#ev-meta dd").all_text_contents(),
                    strict=True))
    assert meta["type"] == "CONSULT" and meta["mode"] == "visit" and meta["factuality"] == "asserted"
    assert meta["place"] == "Beijing" and meta["date"].startswith("2024-09-08") and meta["confidence"] == "0.80"
    assert meta["reports / outlets"].startswith("2 / 2")
    reports = pg.locator("#ev-reports li")
    assert reports.count() == 2
    assert pg.locator("#ev-reports a[href='https://english.news.cn/20240908/a.html']").count() == 1
    # the explanation is rendered (as text)
    assert "leader-with-term" in pg.locator("#ev-explain").text_content()
    # switching report shows the other document with its own evidence highlighted
    reports.nth(1).locator("button").click()
    expect(pg.locator("#ev-doc-title")).to_contain_text("Xi holds talks")
    assert pg.locator("#ev-doc mark.evidence").text_content() == BLR_CHN_1
    _shot(pg, "event-page.png")
    assert not watch.dialogs and not watch.errors and not watch.external, watch


@pytest.mark.parametrize("page", [False, True], indirect=True, ids=["with-csp", "without-csp"])
def test_hostile_article_shows_as_text_and_nothing_executes(fixture_server: Server, page: tuple[Any, Watch]) -> None:
    pg, watch = page
    ev = httpx.get(fixture_server.base + "/api/events", params={"type": "ACCUSE"}).json()["items"][0]
    # in the table
    pg.goto(fixture_server.base + "/#/?type=ACCUSE")
    cell = pg.locator("#events tbody td.evidence").first
    cell.wait_for()
    assert cell.text_content() == XSS_SENTENCE
    # on the event page: title, text, outlet, attribution and link all inert
    pg.goto(fixture_server.base + f"/#/event/{ev['event_id']}")
    pg.locator("#ev-doc mark.evidence").wait_for()
    assert pg.locator("#ev-doc mark.evidence").text_content() == XSS_SENTENCE
    assert XSS_TITLE in pg.locator("#ev-doc-title").text_content()
    assert "<svg onload=" in pg.locator("#ev-reports").text_content()
    assert "<img src=x onerror=" in pg.locator("#ev-meta").text_content()
    assert "<script>" in pg.locator("#ev-doc").text_content()
    # no element made from the article: no script, img, svg, anchors with javascript:
    assert pg.locator("#ev-doc script, #ev-doc img, #ev-doc p, #ev-reports img, #ev-reports svg, #ev-meta img").count() == 0
    assert pg.locator("a[href^='javascript']").count() == 0
    pg.locator("#about-toggle").click()
    expect(pg.locator("#about-body")).to_contain_text("Languages set aside")
    pg.locator("#ev-doc").hover()  # an injected onmouseover (there must be none) would fire now
    assert pg.evaluate("window.__xss") is None
    assert not watch.dialogs, watch.dialogs
    assert not watch.errors and not watch.external, watch
    _shot(pg, "xss-event.png")


def test_api_docs_render_offline(fixture_server: Server, page: tuple[Any, Watch]) -> None:
    pg, watch = page
    pg.goto(fixture_server.base + "/docs")
    pg.wait_for_selector(".opblock-summary-path")
    paths = set(pg.locator(".opblock-summary-path").all_text_contents())
    assert "/api/events" in {p.replace("\u200b", "") for p in paths}
    assert not watch.external and not watch.errors, watch
