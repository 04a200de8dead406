"""Event dates from the sentence, relative to the document date.

Why dateparser with the document date as base: news says "last Tuesday" and "on 5 September", and
only the publication date turns those into days. When the sentence gives no date the event carries
the publication date with precision ``document``, so analysts can tell a stated date from a guess.
A date well before publication ("in 1988") is a *historical* reference, not today's news.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

HISTORICAL_DAYS = 365  # a stated date more than a year before publication is background, not news
_YEAR = re.compile(r"^(?:in\s+|the\s+)?((?:1[5-9]|20)\d\d)s?$", re.I)
_SKIP = re.compile(
    r"^(?:the\s+)?(?:past|last|next|coming|recent|previous)?\s*(?:few|several|many)?\s*"
    r"(?:years?|months?|weeks?|decades?|days?|centur(?:y|ies))$|^(?:today|now|recently|currently)$",
    re.I,
)
_UNDATED = re.compile(r"\b(?:\d+|a|an|one|two|three|several|few)\s+(?:years?|months?|weeks?|days?)\s*(?:long|old)?$",
                      re.I)


def _parse_base(doc_date: str | None) -> datetime | None:
    if not doc_date:
        return None
    try:
        return datetime.fromisoformat(doc_date[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def normalise(text: str, doc_date: str | None) -> tuple[str, str] | None:
    """(ISO value, precision) for a date expression, or None when it names no calendar date.

    Precision is day, month or year; the value is truncated to it ("2013-03", "1988").
    """
    t = " ".join(text.split()).strip(" ,.")
    if not t or _SKIP.match(t) or _UNDATED.search(t):
        return None
    base = _parse_base(doc_date)
    m = _YEAR.match(t)
    if m:
        return m.group(1), "year"
    low = t.lower()
    if base is not None:
        if low in ("today", "this morning", "this afternoon", "this evening", "tonight"):
            return base.date().isoformat(), "day"
        if low == "yesterday":
            from datetime import timedelta

            return (base.date() - timedelta(days=1)).isoformat(), "day"
        if low in ("this year",):
            return f"{base.year:04d}", "year"
        if low in ("last year",):
            return f"{base.year - 1:04d}", "year"
        if low in ("this month",):
            return f"{base.year:04d}-{base.month:02d}", "month"
    import dateparser
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        ddp = DateDataParser(languages=["en"], settings=settings)
        dd = ddp.get_date_data(t)
    except Exception:  # dateparser raises on odd input; an unparsed date is simply no date
        return None
    if dd is None or dd.date_obj is None:
        return None
    d = dd.date_obj
    period = dd.period or "day"
    if period == "year":
        return f"{d.year:04d}", "year"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if period == "week":
        return d.date().isoformat(), "day"
    _ = dateparser  # imported for its side effect of loading language data once
    return d.date().isoformat(), "day"


def is_historical(value: str, doc_date: str | None) -> bool:
    base = _parse_base(doc_date)
    if base is None:
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return parts[0] < base.year - 1
        if len(parts) == 2:
            d = date(parts[0], parts[1], 28)
        else:
            d = date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return (base.date() - d).days > HISTORICAL_DAYS


def event_date(trigger: Any, doc_date: str | None) -> tuple[str | None, str, bool, str | None]:
    """(date, precision, historical, the expression used) for the event at ``trigger``.

    The DATE entity closest to the trigger in the parse wins: "visited China on 8 September after
    talks in 1988" dates the visit, not the talks.
    """
    sent = trigger.sent
    best: tuple[int, Any] | None = None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        dist = _tree_distance(trigger, ent.root)
        if best is None or dist < best[0]:
            best = (dist, ent)
    if best is not None:
        got = normalise(best[1].text, doc_date)
        if got is not None:
            value, precision = got
            return value, precision, is_historical(value, doc_date), best[1].text
    return (doc_date[:10] if doc_date else None), "document", False, None


def _tree_distance(a: Any, b: Any) -> int:
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    pos = {t.i: k for k, t in enumerate(anc_a)}
    for k, t in enumerate(anc_b):
        if t.i in pos:
            return pos[t.i] + k
    return 99
