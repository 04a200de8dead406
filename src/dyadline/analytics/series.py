"""Dyad time series: how two actors have treated each other, period by period, and a plot of it.

The numbers come from :func:`dyadline.store.queries.dyad_series`; this module fills empty
periods (so time on the x axis is time), flattens the series for tables and CSV, and draws
it. The plot puts cooperation above the axis and conflict below, with the four quad
classes labelled on the bars' side, so a reader sees the balance without a legend hunt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dyadline.store.queries import QUAD_NAMES

MAX_FILLED = 2000

QUAD_COLORS = {1: "#8fd18f", 2: "#1f8a3a", 3: "#f4a3a3", 4: "#c0262d"}


def next_period_start(d: dt.date, by: str) -> dt.date:
    """Start of the period after the one starting at ``d`` (day, week, month or year)."""
    if by == "day":
        return d + dt.timedelta(days=1)
    if by == "week":
        return d + dt.timedelta(days=7)
    if by == "month":
        return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return dt.date(d.year + 1, 1, 1)


def empty_period(period: str) -> dict[str, Any]:
    return {"period": period, "events": 0, "reports": 0, "cooperation": 0, "conflict": 0,
            "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "types": {}, "factuality": {}, "score_sum": 0.0,
            "score_mean": None}


def fill_periods(series: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Insert the periods without events between the first and the last (capped at MAX_FILLED periods)."""
    if len(series) < 2:
        return series
    have = {p["period"]: p for p in series}
    cur, last = dt.date.fromisoformat(series[0]["period"]), dt.date.fromisoformat(series[-1]["period"])
    out: list[dict[str, Any]] = []
    while cur <= last:
        if len(out) >= MAX_FILLED:
            return series
        out.append(have.get(cur.isoformat()) or empty_period(cur.isoformat()))
        cur = next_period_start(cur, by)
    return out


def period_label(period: str, by: str) -> str:
    d = dt.date.fromisoformat(period)
    if by == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if by == "month":
        return d.strftime("%Y-%m")
    if by == "year":
        return str(d.year)
    return period


def flat_rows(series: list[dict[str, Any]], by: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for a table or CSV: one column per quad, type and factuality seen anywhere."""
    types = sorted({t for p in series for t in p["types"]})
    facts = sorted({f for p in series for f in p["factuality"]})
    header = (["period", "events", "reports", "cooperation", "conflict", "score_sum", "score_mean"]
              + [f"q{q}" for q in QUAD_NAMES] + types + facts)
    rows = []
    for p in series:
        rows.append([period_label(p["period"], by), p["events"], p["reports"], p["cooperation"], p["conflict"],
                     p["score_sum"], p["score_mean"]] + [p["quad"][str(q)] for q in QUAD_NAMES]
                    + [p["types"].get(t, 0) for t in types] + [p["factuality"].get(f, 0) for f in facts])
    return header, rows


def compact_rows(series: list[dict[str, Any]], by: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for a terminal table: counts by type and factuality folded into one cell each."""
    header = ["period", "events", "reports", "coop", "conflict", "q1", "q2", "q3", "q4", "score sum", "mean",
              "types", "factuality"]
    rows = []
    for p in series:
        rows.append([period_label(p["period"], by), p["events"], p["reports"], p["cooperation"], p["conflict"]]
                    + [p["quad"][str(q)] for q in QUAD_NAMES] + [p["score_sum"], p["score_mean"],
                    " ".join(f"{t}:{n}" for t, n in p["types"].items()),
                    " ".join(f"{f}:{n}" for f, n in p["factuality"].items())])
    return header, rows


def plot_dyad(series: list[dict[str, Any]], a: str, b: str, by: str, path: str | Path) -> Path:
    """Draw the series to PNG or SVG (chosen by the file suffix) with matplotlib's Agg backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    series = fill_periods(series, by)
    labels = [period_label(p["period"], by) for p in series]
    x = list(range(len(series)))
    fig, ax = plt.subplots(figsize=(max(6.0, min(16.0, 0.35 * len(series) + 3)), 4.5), dpi=110)
    up = [0.0] * len(series)
    down = [0.0] * len(series)
    for q in (1, 2, 3, 4):
        vals = [p["quad"][str(q)] for p in series]
        if q <= 2:
            ax.bar(x, vals, bottom=up, color=QUAD_COLORS[q], width=0.8)
            up = [u + v for u, v in zip(up, vals, strict=True)]
        else:
            neg = [-v for v in vals]
            ax.bar(x, neg, bottom=down, color=QUAD_COLORS[q], width=0.8)
            down = [d + v for d, v in zip(down, neg, strict=True)]
    ax.axhline(0, color="black", linewidth=0.8)
    # symmetric limits so the bars' zero and the score line's zero are the same line
    lim = max(up + [-d for d in down] + [1.0]) * 1.3
    ax.set_ylim(-lim, lim)
    # direct labels instead of a legend: the quad names sit in their own colour at the left
    ax.text(0.01, 0.97, "▲ cooperation: " + " · ".join(QUAD_NAMES[q].split()[0] for q in (1, 2)),
            transform=ax.transAxes, va="top", ha="left", color=QUAD_COLORS[2], fontsize=9, fontweight="bold")
    ax.text(0.01, 0.03, "▼ conflict: " + " · ".join(QUAD_NAMES[q].split()[0] for q in (3, 4)),
            transform=ax.transAxes, va="bottom", ha="left", color=QUAD_COLORS[4], fontsize=9, fontweight="bold")
    ax.text(0.99, 0.97, "light = verbal, dark = material", transform=ax.transAxes, va="top", ha="right",
            color="#555555", fontsize=8)
    ax2 = ax.twinx()
    means = [p["score_mean"] if p["score_mean"] is not None else float("nan") for p in series]
    ax2.plot(x, means, color="#222222", marker="o", markersize=3, linewidth=1.2)
    ax2.axhline(0, color="#222222", linewidth=0.4, linestyle=":")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("mean score (line): −10 conflict … +10 cooperation", fontsize=8)
    ax.set_ylabel("events per " + by + " (bars)")
    step = max(1, len(labels) // 12)
    ax.set_xticks(x[::step], labels[::step], rotation=45 if len(labels) > 6 else 0, ha="right" if len(labels) > 6
                  else "center", fontsize=8)
    ax.set_title(f"{a} – {b}: cooperation and conflict by {by}")
    for spine in ("top",):
        ax.spines[spine].set_visible(False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png")
    plt.close(fig)
    return path
