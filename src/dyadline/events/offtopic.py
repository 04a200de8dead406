"""Sentences about sport or accidents: their verbs of contest ("beat", "crushed", "clash") are not political events.

Why: national teams are named like states ("Brazil beat Argentina 2-1", "India crushed Pakistan by eight
wickets in the Asia Cup clash"), and an event coder that reads them as assaults fills dyad timelines with
football. GDELT is known for exactly this. A sentence is set aside when it has an unambiguous sports word or
a score next to a sports noun; words that are common in politics too ("final", "match", "goal", "striker")
count only with a score. Only predicates of contest are set aside ("beat", "crushed", "shared", "hosted"):
"police jailed 52 activists for playing in a football tournament" is still an arrest. A whole article
about sport (two or more sentences with a cue) sets aside the contest verbs of all its sentences, because
most of its sentences name no sport ("Klitschko had beaten Thompson in 2008").

Deaths and injuries in accidents and natural disasters ("killed in a hit-and-run crash", "injured when the
quake struck") have no attacker, nor do those in an article about a quake whose sentence names no attack ("five
people were injured in Takengon"); the coder's rule that codes unattributed violence by the place it happened
would otherwise turn an earthquake into the state's internal violence.
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
    r"(?:british|french|australian) open|referee|unbeaten|undefeated|nfl|nba|nhl|mlb|ncaa|super bowl|"
    r"quarterbacks?|running backs?|linebackers?|wide receivers?|touchdowns?|interceptions?|injured reserve|"
    r"free agents?|head coach|bouts?|knockouts?|slam dunks?|home runs?|world series|stanley cup|grand final|"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)) "
    r"rounds?(?! of (?:talks|negotiations|sanctions|voting|votes?|elections?|consultations|discussions|peace|"
    r"strikes|air|the talks))|title fight|world titles?)\b",
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


SPORTS_DOC_MIN = 2  # sentences with a sports cue that make the whole article a sports article
# predicates that, in a sports article, describe the game or the team, not politics
SPORTS_DOC_WORDS = frozenset("""defend retain regain claim land extend dominate urge injure sideline sign release
let trade draft score pull withdraw call blast bomb floor hit knock stop fire sack dismiss give offer seek guard
lean""".split())

ACCIDENT = re.compile(
    r"\b(crash(?:es|ed)?|collisions?|collided|accidents?|accidental(?:ly)?|earthquakes?|quakes?|tremors?|tsunamis?|"
    r"floods?|flooding|landslides?|mudslides?|avalanches?|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|"
    r"lightning|derail(?:ed|ment)|collapsed?|collapse|hit-and-run|hit - and - run|drown(?:ed|ing)?|fell|falling|"
    r"overdose|heart attack|blaze|wildfires?)\b", re.IGNORECASE)
ATTACK = re.compile(
    r"\b(attack\w*|bomb\w*|shot|shoot\w*|gun\w*|missiles?|rockets?|shell(?:s|ed|ing)|strikes?|raid\w*|"
    r"militants?|rebels?|insurgents?|soldiers?|troops|forces|army|police|murder\w*|stabb\w*|grenades?|"
    r"explosives?|mortars?|fir(?:ed|ing) on|assassin\w*|clash\w*|fighting)\b", re.IGNORECASE)
CASUALTY_WORDS = frozenset("kill injure wound hurt die dead death fatality casualty".split())


ACCIDENT_DOC_MIN = 2  # sentences with an accident or disaster cue that make the article a disaster report


def attack_cue(text: str) -> bool:
    """Does ``text`` name an attack, a weapon or armed men?"""
    return ATTACK.search(text) is not None


def accident_cue(text: str) -> str | None:
    """The word that marks ``text`` as reporting an accident or a disaster with no attack in it, or None."""
    m = ACCIDENT.search(text)
    if m and not ATTACK.search(text):
        return m.group(0)
    return None
