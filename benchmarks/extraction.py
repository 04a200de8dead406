"""Article-extraction benchmark on the scrapinghub article-extraction-benchmark pages.

Scoring (same for every extractor): lower-case the extracted text and the gold
``articleBody``, tokenise both with the regex ``\\w+`` (Unicode), and compare the two
token multisets: overlap = sum over tokens of min(count in extracted, count in gold);
precision = overlap / extracted tokens, recall = overlap / gold tokens, F1 their
harmonic mean. An empty extraction scores P=R=F1=0 (P=1 if the gold is empty too).
P, R and F1 are computed per page and then averaged over all pages (macro average).

Speed is pages per second of extraction alone (decoding excluded), single process on
one core; on a shared machine the figures are provisional.

Run: ``.venv/bin/python benchmarks/extraction.py [--limit N]``. Gold is read from
``$DYADLINE_GOLD`` or ``<repo>/../shared/gold``; without it the benchmark skips.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("DYADLINE_GOLD", REPO.parent / "shared" / "gold"))
SET = GOLD / "scrapinghub-article-extraction-benchmark"
RESULTS = REPO / "benchmarks" / "results" / "extraction.json"
TOKEN_RE = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN_RE.findall(text.lower()))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p_tok, g_tok = tokens(pred), tokens(gold)
    n_p, n_g = sum(p_tok.values()), sum(g_tok.values())
    if n_p == 0:
        return (1.0 if n_g == 0 else 0.0), (1.0 if n_g == 0 else 0.0), (1.0 if n_g == 0 else 0.0)
    overlap = sum((p_tok & g_tok).values())
    p = overlap / n_p
    r = overlap / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_pages(limit: int | None = None) -> list[dict[str, str]]:
    gt = json.loads((SET / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for h, rec in sorted(gt.items()):
        with gzip.open(SET / "html" / f"{h}.html.gz", "rb") as fh:
            html = fh.read().decode("utf-8", "replace")
        pages.append({"id": h, "url": rec["url"], "html": html, "gold": rec["articleBody"]})
    return pages[:limit] if limit else pages


def _dyadline(html: str, url: str) -> str:
    from dyadline.ingest.extract import extract_html

    return extract_html(html, url).text


def _trafilatura(precision: bool) -> Callable[[str, str], str]:
    def run(html: str, url: str) -> str:
        import trafilatura

        return trafilatura.extract(html, url=url, favor_precision=precision) or ""

    return run


def _readability(html: str, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "dyadline": _dyadline,
    "trafilatura": _trafilatura(False),
    "trafilatura (favor_precision)": _trafilatura(True),
    "readability-lxml": _readability,
}


def evaluate(name: str, fn: Callable[[str, str], str], pages: list[dict[str, str]]) -> dict[str, object]:
    scores, per_page, elapsed, wall = [], {}, 0.0, 0.0
    for page in pages:
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            text = fn(page["html"], page["url"])
        except Exception:  # an extractor crash scores zero on that page
            text = ""
        elapsed += time.process_time() - t0
        wall += time.perf_counter() - w0
        s = prf(text, page["gold"])
        scores.append(s)
        per_page[page["id"]] = round(s[2], 4)
    n = len(scores)
    return {
        "extractor": name,
        "pages": n,
        "precision": round(sum(s[0] for s in scores) / n, 4),
        "recall": round(sum(s[1] for s in scores) / n, 4),
        "f1": round(sum(s[2] for s in scores) / n, 4),
        "pages_per_s": round(n / elapsed, 1) if elapsed else None,
        "wall_pages_per_s": round(n / wall, 1) if wall else None,
        "per_page_f1": per_page,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    ap.add_argument("--only", default=None, help="only this extractor (e.g. dyadline)")
    args = ap.parse_args()
    if not (SET / "ground-truth.json").exists():
        print(f"skip: gold set not found at {SET} (set DYADLINE_GOLD)")
        return 0
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    pages = load_pages(args.limit)
    # warm up imports and lazy loading outside the timed loop
    for fn in EXTRACTORS.values():
        fn(pages[0]["html"], pages[0]["url"])
    results = [
        evaluate(name, fn, pages) for name, fn in EXTRACTORS.items() if args.only in (None, name)
    ]
    print(f"Extraction on scrapinghub article-extraction-benchmark ({len(pages)} pages; token bag-of-words, "
          "macro-averaged per page)")
    print(f"{'extractor':32} {'P':>7} {'R':>7} {'F1':>7} {'pages/s':>9} {'wall p/s':>9}")
    for r in results:
        print(f"{r['extractor']:32} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f} {r['pages_per_s']:>9} "
              f"{r['wall_pages_per_s']:>9}")
    print("pages/s: CPU time of extraction in one single-threaded process (time.process_time); wall p/s: elapsed time."
          " Shared machine: speed figures are provisional.")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"dataset": "scrapinghub-article-extraction-benchmark", "pages": len(pages),
                                   "scoring": "bag of \\w+ lowercased tokens, multiset overlap, macro average",
                                   "results": results}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
