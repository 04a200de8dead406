"""Readers of the gold folder shared by the benchmarks (``../shared/gold``, or $DYADLINE_GOLD).

Why: the dedup and real-news benchmarks both read ECB+ from its token XML; one reader keeps their document ids
and sentences the same.
"""

from __future__ import annotations

import glob
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ.get("DYADLINE_GOLD", REPO.parent / "shared" / "gold"))


def ecbplus_files() -> Iterator[tuple[str, int, str, list[tuple[int, list[str]]]]]:
    """(file name, topic, part, sentences) for each ECB+ article, in file-name order; ``sentences`` are
    (sentence number, tokens) in order, sentence 0 holding the source URL line when the article has one."""
    for fn in sorted(glob.glob(str(GOLD / "ecbplus" / "ECB+" / "*" / "*.xml"))):
        name = os.path.basename(fn)
        m = re.match(r"(\d+)_\d+(ecbplus|ecb)\.xml$", name)
        if not m:
            continue
        sentences: dict[int, list[str]] = {}
        for t in ET.parse(fn).getroot().iter("token"):
            sentences.setdefault(int(t.get("sentence") or 0), []).append(t.text or "")
        yield name, int(m.group(1)), m.group(2), sorted(sentences.items())
