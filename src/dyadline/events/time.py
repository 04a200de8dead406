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


MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_HEDGE = re.compile(r"^(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|first half|second half|"
                    r"spring|summer|autumn|fall|winter)(?:\s*-\s*|\s+of\s+(?:the\s+)?|\s+))+", re.I)
_REL = re.compile(r"^(this|last|next|past|previous|coming|current|the\s+past|the\s+last|the\s+previous|the\s+coming|"
                  r"the\s+current|the\s+next|the)\s+(?:fiscal\s+|financial\s+|calendar\s+|school\s+|academic\s+)?"
                  r"(year|month)$", re.I)
_FISCAL = re.compile(r"^(?:the\s+)?(?:fiscal|financial|calendar|budget|tax)(?:\s+year)?\s+((?:19|20)\d\d)$", re.I)
_MONTH_DAY = re.compile(r"^(?:(this|last|next|on)\s+)?([a-z]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?$", re.I)
_DAY_MONTH = re.compile(r"^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?$", re.I)
# a span of days ("November 16 - 17", "16-17 November 2015", "between 3 and 5 May"): the event starts on the first;
# left to dateparser, "16 - 17" reads as the year 1917
_RANGE_TO = r"\s*(?:-|\u2013|to|through|until|and)\s*"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:\s*,?\s*((?:19|20)\d\d))?$"
_MONTH_RANGE = re.compile(rf"^(?:(?:on|from|between)\s+)?([a-z]+)\.?\s+(\d{{1,2}}){_ORD}{_RANGE_TO}\d{{1,2}}{_ORD}{_YEAR_TAIL}",
                          re.I)
_DAY_RANGE = re.compile(rf"^(?:(?:on|from|between)\s+)?(?:the\s+)?(\d{{1,2}}){_ORD}{_RANGE_TO}\d{{1,2}}{_ORD}\s+(?:of\s+)?"
                        rf"([a-z]+)\.?{_YEAR_TAIL}", re.I)
_WEEKDAY = re.compile(r"^(?:(on|this|last|next|this\s+past|this\s+coming|early|late)\s+)?"
                      r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I)


def _nearest_year(month: int, day: int, base: datetime) -> int:
    """The year that puts month/day nearest the document date, preferring the past: news mostly reports
    what happened, so a date ahead counts twice its distance and a tie goes to the past ("June" in a March
    article is this June, "August" is last August)."""
    best = None
    for y in (base.year - 1, base.year, base.year + 1):
        try:
            d = datetime(y, month, day)
        except ValueError:
            d = datetime(y, month, 28)
        delta = (d - base).days
        cost = delta * 2.0 if delta > 0 else -delta
        if best is None or cost < best[0] or (cost == best[0] and y < best[1]):
            best = (cost, y)
    return best[1] if best else base.year


def _rules(t: str, base: datetime) -> tuple[str, str] | None:
    """Our own rules for what dateparser gets wrong or does not parse (TempEval-3 conventions)."""
    from datetime import timedelta

    low = " ".join(t.lower().replace("-", " - ").split()).replace(" - ", "-")
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight", "now"):
        return (base.date().isoformat(), "day") if low != "now" else None
    if low in ("yesterday", "last night"):
        return (base.date() - timedelta(days=1)).isoformat(), "day"
    if low == "tomorrow":
        return (base.date() + timedelta(days=1)).isoformat(), "day"
    m = re.match(r"^(this|last|next|the\s+coming|the\s+past)\s+(spring|summer|autumn|fall|winter)$", low)
    if m:  # seasons keep year precision (TimeML writes 2013-SU)
        shift = {"this": 0, "last": -1, "the past": -1, "next": 1, "the coming": 1}[m.group(1)]
        return f"{base.year + shift:04d}", "year"
    m = _FISCAL.match(low)
    if m:
        return m.group(1), "year"
    stripped = _HEDGE.sub("", low).strip()  # "early December", "the end of last year", "late last July"
    if stripped and stripped != low:
        got = _rules(stripped, base) if not re.match(r"^(?:19|20)\d\d$", stripped) else (stripped, "year")
        if got is not None:
            return got[0][:7] if got[1] == "day" else got[0], "month" if got[1] == "day" else got[1]
        if stripped in ("year", "the year", "this year"):
            return f"{base.year:04d}", "year"
    m = _REL.match(low)
    if m:
        rel, unit = m.group(1).replace("the ", "").strip(), m.group(2)
        shift = {"this": 0, "current": 0, "the": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
        if unit == "year":
            return f"{base.year + shift:04d}", "year"
        y, mo = base.year, base.month + shift
        if mo < 1:
            y, mo = y - 1, 12
        elif mo > 12:
            y, mo = y + 1, 1
        return f"{y:04d}-{mo:02d}", "month"
    m = _WEEKDAY.match(low)
    if m:
        rel, wd = (m.group(1) or "").strip(), WEEKDAYS[m.group(2)]
        delta = (wd - base.weekday()) % 7
        if rel in ("next", "this coming"):
            d = base + timedelta(days=delta or 7)
        elif rel == "last":
            d = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
        else:  # "Friday" in news: this week's, today included, in the past unless said otherwise
            d = base - timedelta(days=(base.weekday() - wd) % 7)
        return d.date().isoformat(), "day"
    m = _MONTH_RANGE.match(low)
    n = _DAY_RANGE.match(low) if m is None else None
    if (m and m.group(1) in MONTHS) or (n and n.group(2) in MONTHS):
        mo, day, year = (MONTHS[m.group(1)], int(m.group(2)), m.group(3)) if m else \
            (MONTHS[n.group(2)], int(n.group(1)), n.group(3))  # type: ignore[union-attr]
        try:
            return date(int(year) if year else _nearest_year(mo, day, base), mo, day).isoformat(), "day"
        except ValueError:
            return None
    m = _MONTH_DAY.match(low)
    if m and m.group(2) in MONTHS:
        rel, mo, day = m.group(1), MONTHS[m.group(2)], m.group(3)
        if rel == "last":
            y = base.year if mo < base.month else base.year - 1
        elif rel == "next":
            y = base.year if mo > base.month else base.year + 1
        elif rel == "this":
            y = base.year
        else:
            y = _nearest_year(mo, int(day) if day else 15, base)
        if day:
            try:
                return date(y, mo, int(day)).isoformat(), "day"
            except ValueError:
                return None
        return f"{y:04d}-{mo:02d}", "month"
    m = _DAY_MONTH.match(low)
    if m and m.group(2) in MONTHS:
        mo, day = MONTHS[m.group(2)], int(m.group(1))
        try:
            return date(_nearest_year(mo, day, base), mo, day).isoformat(), "day"
        except ValueError:
            return None
    return None


@lru_cache(maxsize=4096)
def normalise(text: str, doc_date: str | None) -> tuple[str, str] | None:
    """(ISO value, precision) for a date expression, or None when it names no calendar date.

    Precision is day, month or year; the value is truncated to it ("2013-03", "1988").
    """
    t = " ".join(text.split()).strip(" ,.")
    base = _parse_base(doc_date)
    if t and base is not None:
        got = _rules(t, base)
        if got is not None:
            return got
    if not t or _SKIP.match(t) or _UNDATED.search(t):
        return None
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
        if ent.label_ != "DATE" or _in_other_noun_clause(ent.root, trigger):
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


def _in_other_noun_clause(t: Any, trigger: Any) -> bool:
    """Is ``t`` inside a clause that modifies a noun (a relative clause or a reduced one) which does not hold the
    trigger? "staged a sit-in to demand land confiscated by troops in the 1960s": the 1960s date the
    seizure, not the strike."""
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    for x in (t, *t.ancestors):
        if x.i in above:
            return False
        if x.dep_ in ("relcl", "acl"):
            return True
    return False


def _tree_distance(a: Any, b: Any) -> int:
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    pos = {t.i: k for k, t in enumerate(anc_a)}
    for k, t in enumerate(anc_b):
        if t.i in pos:
            return pos[t.i] + k
    return 99
