"""Sentences about sport: their verbs of contest ("beat", "crushed", "clash") are not political events.

Why: national teams are named like states ("Brazil beat Argentina 2-1", "India crushed Pakistan by eight
wickets in the Asia Cup clash"), and an event coder that reads them as assaults fills dyad timelines with
football. GDELT is known for exactly this. A sentence is set aside when it has an unambiguous sports word or
a score next to a sports noun; words that are common in politics too ("final", "match", "goal", "striker")
count only with a score. Only predicates of contest are set aside ("beat", "crushed", "shared", "hosted"):
"police jailed 52 activists for playing in a football tournament" is still an arrest.
"""

from __future__ import annotations

import re

STRONG = re.compile(
    r"\b(wickets?|innings|tournaments?|championships?|olympics?|olympic games|medals?|medallists?|"
    r"qualifiers?|qualifying|semi-finals?|quarter-finals?|semifinals?|quarterfinals?|play-?offs?|footballers?|"
    r"football|soccer|cricket(?:ers)?|rugby|tennis|basketball|hockey|volleyball|handball|world cup|asia cup|"
    r"africa cup|copa america|euro 20\d\d|grand prix|grand slam|formula one|test series|t20|odi|fifa|uefa|"
    r"ioc|goalkeeper|midfielder|hat-trick|straight sets|in (?:two|three|four|five) sets|u\.?s\.? open|"
    r"wimbledon|chess|grandmaster|marathon|boxing|heavyweight|golf|squash|badminton|snooker|straight games|"
    r"(?:british|french|australian) open)\b",
    re.IGNORECASE,
)
SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b(?!\s*(?:days?|weeks?|months?|years?|hours?|per\s?cent|percent|%|km|"
                   r"kilomet|miles?|votes?|seats?|members?|majority|decision|ruling))")
WEAK = re.compile(r"\b(match(?:es)?|game|games|final|cup|league|goals?|points?|sets?|team|teams|squad|coach|stadium|"
                  r"friendly|stoppage time|extra time|penalties|penalty shoot-?out)\b",
                  re.IGNORECASE)


def sports_cue(text: str) -> str | None:
    """The word that marks ``text`` as a sports sentence, or None."""
    m = STRONG.search(text)
    if m:
        return m.group(0)
    s = SCORE.search(text)
    if s:
        w = WEAK.search(text)
        if w:
            return f"{s.group(0)} ... {w.group(0)}"
    return None


CONTEST_WORDS = frozenset("""beat defeat crush thrash rout edge clash draw tie host face play meet win lose share hold
knock eliminate top down overcome stun upset trounce whip outplay hammer qualify battle fight attack strike storm
humiliate demolish destroy sink see dump oust match game final contest encounter showdown derby fixture rivalry
victory win defeat loss triumph""".split())
