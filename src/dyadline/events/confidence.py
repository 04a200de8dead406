"""Event confidence: how far to trust one coded event, from the path that produced it.

Why a product of factors and not a learned score: each factor is visible in ``explain`` and can be
checked against the reliability table (benchmarks/events.py). The factors:

- the lexicon entry's own confidence (how much the word alone says about the type: "attack" 0.8,
  "give" 0.6 because most giving is not aid);
- the path: a verb frame with its own arguments beats a bare nominal ("the attack") or a light verb;
- the actors: the mean resolution confidence of the participants (alias > fuzzy > pronoun);
- completeness: an event with both source and target beats one with only a source;
- the clause: an event in the main line of the sentence beats one buried in a relative clause.
"""

from __future__ import annotations

from typing import Any

PATH_WEIGHT = {"verb": 1.0, "passive": 0.95, "wrapper": 1.0, "intent": 0.92, "light": 0.95, "noun": 0.72}
MAIN_LINE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "parataxis", "acomp"})


def score(entry_conf: float, path: str, actor_confs: list[float], has_source: bool, has_target: bool,
          trigger: Any) -> tuple[float, dict[str, float]]:
    """Return the confidence in [0, 1] and its factors (for ``explain``)."""
    actors = sum(actor_confs) / len(actor_confs) if actor_confs else 0.5
    complete = 1.0 if (has_source and has_target) else 0.75 if has_source else 0.6
    main = 1.0 if trigger.dep_ in MAIN_LINE_DEPS or trigger.head is trigger else 0.9
    path_w = PATH_WEIGHT.get(path, 0.8)
    value = entry_conf * path_w * actors * complete * main
    factors = {"lexicon": entry_conf, "path": path_w, "actors": round(actors, 3), "complete": complete,
               "clause": main}
    return max(0.0, min(1.0, value)), factors
