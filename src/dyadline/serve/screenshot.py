"""Take the README's dashboard screenshot: ``python -m dyadline.serve.screenshot --db DB --out docs/dashboard.png``.

Why a module: the screenshot is reproducible from a database (normally the sample corpus
from `dyadline demo`) with the same server and browser setup the browser tests use, instead
of a hand-made image that drifts from the real dashboard. Needs /usr/bin/chromium and the
dev dependency playwright; no network.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default="docs/dashboard.png")
    ap.add_argument("--hash", default="#/?dyad_a=BLR&dyad_b=CHN&by=month",
                    help="dashboard view (the URL hash holds the filters)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)

    import uvicorn
    from playwright.sync_api import expect, sync_playwright

    from dyadline.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1050}, device_scale_factor=1)
            page.goto(f"http://127.0.0.1:{port}/{args.hash}")
            expect(page.locator("#events tbody tr[data-event-id]").first).to_be_visible()
            expect(page.locator("#network-svg circle.node").first).to_be_visible()
            page.locator("#about-toggle").click()
            expect(page.locator("#about-body .stat").first).to_be_visible()
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=args.out, full_page=False)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
