"""The actor network: who acts on whom, how often, and how friendly.

Nodes are actors (a country or IGO code, or code + sector with ``by_sector``); directed
edges carry the event count, the mean score, and per quad class the count and mean score,
so a layout can weight by volume and colour by tone. Built with networkx so users get
GraphML/GEXF for Gephi or Cytoscape and a JSON node-link form for the web.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from dyadline.store.db import Store
from dyadline.store.queries import QUAD_NAMES, EventFilter, network_edges

FORMATS = ("json", "graphml", "gexf")


def build_network(store: Store, f: EventFilter | None = None, min_events: int = 1,
                  by_sector: bool = False) -> nx.DiGraph:
    g = nx.DiGraph()
    for e in network_edges(store, f, min_events=min_events, by_sector=by_sector):
        for node in (e["source"], e["target"]):
            if node not in g:
                code, _, sector = node.partition(" ")
                g.add_node(node, code=code, sector=sector or "", out_events=0, in_events=0)
        attrs: dict[str, Any] = {"weight": e["events"], "events": e["events"], "mean_score": e["mean_score"]}
        for q in QUAD_NAMES:
            attrs[f"n_q{q}"] = e[f"n_q{q}"]
            # GraphML/GEXF have no null: a quad without events gets mean 0.0 and count 0
            attrs[f"score_q{q}"] = e[f"score_q{q}"] if e[f"score_q{q}"] is not None else 0.0
        g.add_edge(e["source"], e["target"], **attrs)
        g.nodes[e["source"]]["out_events"] += e["events"]
        g.nodes[e["target"]]["in_events"] += e["events"]
    return g


def to_json(g: nx.DiGraph) -> dict[str, Any]:
    return {
        "directed": True,
        "nodes": [{"id": n, **d} for n, d in sorted(g.nodes(data=True))],
        "edges": [{"source": s, "target": t, **d} for s, t, d in sorted(g.edges(data=True), key=lambda x: x[:2])],
    }


def write_network(g: nx.DiGraph, fmt: str, out: str | Path | None) -> str | None:
    """Write to ``out`` (a path) or return the text when ``out`` is None or '-'."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "json":
        text = json.dumps(to_json(g), ensure_ascii=False, indent=1)
    elif fmt == "graphml":
        text = "\n".join(nx.generate_graphml(g))
    else:
        text = "\n".join(nx.generate_gexf(g))
    if out is None or str(out) == "-":
        return text
    Path(out).write_text(text + "\n", encoding="utf-8")
    return None
