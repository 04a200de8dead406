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

PATH_WEIGHT = {"verb": 1.0, "passive": 0.95, "wrapper": 1.0, "intent": 0.92, "light": 0.95, "noun": 0.72, "fallback": 1.0}
MAIN_LINE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "parataxis", "acomp"})


SUBORDINATE_MARKS = frozenset("after before since when as while following until once because".split())


def clause_weight(trigger: Any) -> float:
    """How central the predicate is in its sentence: the main line (1.0) beats a temporal or causal
    clause ("..., a day after a Croatian gunboat fired on a ferry": 0.55), a condition (0.6), a relative clause (0.55)
    or anything else embedded (0.9). This is what makes the main-clause event the top one."""
    t = trigger
    for _ in range(6):
        if t.dep_ in ("ROOT",) or t.head.i == t.i:
            return 1.0
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATE_MARKS for c in t.children):
            return 0.55
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return 0.6  # the condition: "X said it would strike if Y refused to withdraw" reports the threat
        if t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return 0.6  # purpose: "staged demonstrations to demand reforms"
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i:
            return 0.65  # "..., accusing it of fraud": the reason given trails the act itself
        if t.dep_ == "pcomp" and t.head.lower_ in SUBORDINATE_MARKS:
            return 0.55
        if t.dep_ in ("relcl", "acl"):
            return 0.55  # background: "Y, whom they had seized at a checkpoint last month" (0.75 before the wire round)
        if t.dep_ == "pobj" and t.head.lower_ in SUBORDINATE_MARKS:
            return 0.6
        if t.dep_ not in MAIN_LINE_DEPS and t.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "nsubj", "compound",
                                                            "amod", "attr", "conj"):
            return 0.9
        t = t.head
    return 0.9


def score(entry_conf: float, path: str, actor_confs: list[float], has_source: bool, has_target: bool,
          trigger: Any) -> tuple[float, dict[str, float]]:
    """Return the confidence in [0, 1] and its factors (for ``explain``)."""
    actors = sum(actor_confs) / len(actor_confs) if actor_confs else 0.5
    complete = 1.0 if (has_source and has_target) else 0.75 if has_source else 0.6
    main = clause_weight(trigger)
    path_w = PATH_WEIGHT.get(path, 0.8)
    value = entry_conf * path_w * actors * complete * main
    factors = {"lexicon": entry_conf, "path": path_w, "actors": round(actors, 3), "complete": complete,
               "clause": main}
    return max(0.0, min(1.0, value)), factors
