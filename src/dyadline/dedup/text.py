"""Text normalisation shared by the near-duplicate and story-cluster indexes.

Both indexes must see through the differences that syndication introduces (case,
punctuation, whitespace, quote styles), so they work on a token stream rather than on
the raw characters. Scripts written without spaces (Chinese, Japanese, Thai-like runs)
are split into single characters so that they still yield useful shingles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

# A CJK / kana character on its own, else a run of letters and digits. Underscore is
# excluded on purpose: "share_bar" style furniture tokens should not glue to words.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+", re.UNICODE)

# Words that say nothing about which story a text reports: function words plus the
# verbs, time words and units every news article uses. Kept short and hand-written;
# the running document frequencies in StoryClusterer down-weight the rest.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above across after afterwards again against all almost alone along already also although always am
    among an and another any anyone anything anyway are around as at back be became because become becomes been
    before being below beside besides between beyond both but by can cannot could did do does doing done down
    during each either else elsewhere enough etc even ever every everyone everything except few for former from
    further had has have having he her here hers herself him himself his how however i if in into is it its itself
    just last least less many may me might more most mostly much must my myself neither never nevertheless next no
    nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves
    out over own per perhaps please put rather same see seem seemed seems several she should since so some someone
    something sometime sometimes still such than that the their theirs them themselves then there thereby therefore
    these they this those though through throughout thus to together too toward towards under until up upon us very
    via was we well were what whatever when whenever where whereas whether which while who whoever whole whom whose
    why will with within without would yet you your yours yourself yourselves
    said says say saying told tell tells according reported reports report reporting added adds asked new news
    would could year years month months week weeks day days today yesterday tomorrow time times ago later earlier
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
    january february march april june july august september october november december
    mr mrs ms dr percent people get got make made like take took know known go going went come came two three first
    second another including include includes included told statement spokesman spokeswoman official officials
    http https www com html htm org net index php
    """.split()
)


def tokens(text: str) -> list[str]:
    """Case-folded word tokens (CJK split per character); punctuation and spacing dropped."""
    return [m.group(0).casefold() for m in _TOKEN.finditer(text)]


def shingles(text: str, size: int) -> list[bytes]:
    """Distinct word ``size``-grams as bytes (the MinHash input).

    A text shorter than ``size`` words yields one shingle of all its words, so a short
    text still has a signature (and an identical short copy still matches).
    """
    toks = tokens(text)
    if not toks:
        return []
    if len(toks) < size:
        return [" ".join(toks).encode("utf-8")]
    return list({" ".join(toks[i : i + size]).encode("utf-8") for i in range(len(toks) - size + 1)})


def term_hash(term: str) -> int:
    """32-bit id of a keyword. crc32 is stable across processes (unlike ``hash``), so
    keyword fingerprints written today compare with those computed tomorrow."""
    return zlib.crc32(term.encode("utf-8"))


def content_terms(text: str) -> Iterator[tuple[str, bool]]:
    """Candidate story keywords with a flag saying whether this occurrence looks like a
    proper noun (capitalised and not sentence-initial).

    Names are what tell two stories of the same kind apart (Tara Reid's rehab versus
    Lindsay Lohan's), so the clusterer gives them extra weight.
    """
    prev_end = 0
    sentence_start = True
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        gap = text[prev_end : m.start()]
        if any(c in ".!?\n\"“" for c in gap):
            sentence_start = True
        prev_end = m.end()
        term = raw.casefold()
        capital = raw[0].isupper() and not sentence_start
        sentence_start = False
        if term in STOPWORDS:
            continue
        if term.isdigit():
            if len(term) < 2:
                continue
        elif len(term) < 3 and not ("\u3040" <= term[0] <= "\u9fff"):
            continue
        yield term, capital
