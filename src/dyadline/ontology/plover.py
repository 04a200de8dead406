"""The 16 PLOVER event types: quad class, a conflict/cooperation score, and the modes.

Why a table in code rather than a data file: the type inventory is the public contract
(DESIGN.md §3); users extend the *lexicon* (events/data), not the ontology. The modes
follow the PLOVER manual (openeventdata/PLOVER); the score is dyadline's own
Goldstein-like intensity on [-10, 10] (PLOVER itself leaves intensity to the coder),
chosen so that sorting by score orders types from most cooperative to most violent.

Quad classes (CAMEO convention): 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad: int
    score: float
    modes: tuple[str, ...]
    definition: str

    @property
    def cooperative(self) -> bool:
        return self.quad in (1, 2)


_TYPES: tuple[PloverType, ...] = (
    PloverType("AGREE", 1, 3.0, ("diplomatic", "economic", "military", "humanitarian", "legal", "intelligence"),
               "Agree to, promise or express intent to cooperate, meet, settle, yield or give aid."),
    PloverType("CONSULT", 1, 2.0, ("phone", "visit", "host", "meet", "third-party", "mediate", "negotiate"),
               "Meet, talk, negotiate or mediate; visits and host visits."),
    PloverType("SUPPORT", 1, 3.5, ("diplomatic", "praise", "defend", "recognize", "apologize", "forgive", "sign"),
               "Verbal or diplomatic backing: praise, endorse, defend, recognise, apologise, sign a formal agreement."),
    PloverType("CONCEDE", 1, 4.0, ("policy", "rights", "leadership", "dissent", "sanctions"),
               "Yield verbally or by policy: ease restrictions, accede to demands, apologise in substance."),
    PloverType("COOPERATE", 2, 5.0, ("economic", "military", "legal", "intelligence", "diplomatic"),
               "Material cooperation: joint action, trade, intelligence sharing, judicial cooperation."),
    PloverType("AID", 2, 6.0, ("economic", "military", "humanitarian", "peacekeeping", "asylum"),
               "Give material aid: money, weapons, relief, protection, asylum."),
    PloverType("RETREAT", 2, 5.5, ("release", "return", "ease", "access", "disarm", "ceasefire", "withdraw"),
               "Material de-escalation: release, return, withdraw, ceasefire, allow access, lift sanctions."),
    PloverType("REQUEST", 3, -1.0, ("assist", "change", "yield", "meet"),
               "Ask, appeal, urge or demand that the target do something."),
    PloverType("ACCUSE", 3, -2.0, ("disapprove", "allege", "investigate", "legal"),
               "Criticise, condemn, blame, accuse, investigate or sue."),
    PloverType("REJECT", 3, -4.0, ("assist", "change", "yield", "meet", "veto"),
               "Refuse, reject, deny or defy a request, proposal, accusation or norm."),
    PloverType("THREATEN", 3, -6.0, ("relations", "restrict", "ban", "violence", "expel", "territory", "ultimatum"),
               "Threaten or warn of coercion, sanctions or force; give an ultimatum."),
    PloverType("PROTEST", 4, -6.5, ("demo", "hunger", "boycott", "obstruct", "riot"),
               "Demonstrate, strike, boycott, blockade in protest, riot."),
    PloverType("SANCTION", 4, -7.0, ("withdraw", "discontinue", "expel", "restrict"),
               "Reduce or break relations, cut aid, expel diplomats, impose sanctions or embargoes."),
    PloverType("MOBILIZE", 4, -7.5, ("troops", "police", "weapons", "alert"),
               "Show or raise military or police force: deploy, mobilise, put on alert, manoeuvre."),
    PloverType("COERCE", 4, -8.0, ("arrest", "deport", "seize", "restrict", "ban", "curfew", "martial-law", "cyber"),
               "Non-lethal coercion: arrest, detain, deport, seize, blockade, ban, occupy."),
    PloverType("ASSAULT", 4, -9.5, ("firearms", "heavy-weapons", "aerial", "explosives", "abduct", "beat",
                                     "assassinate", "massacre", "unconventional", "cleansing"),
               "Use of violence: attack, shell, bomb, kill, abduct, torture, massacre."),
)

TYPES: dict[str, PloverType] = {t.name: t for t in _TYPES}
TYPE_NAMES: tuple[str, ...] = tuple(TYPES)

# The 18-type labels of the 2016 PLOVER draft (used by the GSR) and their current type.
OLD_LABELS: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# CAMEO two-digit root -> PLOVER type (root 08 splits: verbal yielding vs material retreat;
# the finer CAMEO codes 084-087 are RETREAT, 163 is COERCE-like but we keep SANCTION).
CAMEO_ROOTS: dict[str, str | None] = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}


def normalise_type(label: str) -> str:
    """Map an old or lower-case label onto the 16 current types (unknown labels pass through upper-cased)."""
    up = label.strip().upper()
    return OLD_LABELS.get(up, up)


def cameo_to_plover(code: str) -> str | None:
    """Coarse CAMEO event code -> PLOVER type; 084-087 (return, release, de-escalate) are RETREAT."""
    code = code.strip()
    if code[:3] in ("084", "085", "086", "087"):
        return "RETREAT"
    return CAMEO_ROOTS.get(code[:2])


def get(name: str) -> PloverType:
    return TYPES[normalise_type(name)]
