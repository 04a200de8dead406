"""Actor resolution: from a parsed sentence to coded actors (who is who, as of the article date).

The work happens in passes over one spaCy ``Doc``, each a small rule that names itself in
``Mention.rule`` so every decision can be explained:

1. *Gazetteer hits*: one Aho-Corasick pass over the case-folded text finds every known
   form (names, aliases, demonyms, capitals, seats of power, organisations, office holders)
   that starts and ends on token boundaries; letter case is then checked against the data
   ("US" is a state, "us" is not) and the longest non-overlapping hits win.
2. *Fuzzy*: capitalised proper nouns that hit nothing are compared with single-word names
   (rapidfuzz); a word the English lexicon knows never fuzzy-matches ("Putting" is not Putin).
3. *People* first, because a person hit pulls in its title ("Belarusian President Alexander
   Lukashenko"); a term check against the article date decides whether the title still holds.
   A one-word name ("Moi", "President Moi") is a second reference: the person the article already
   named, else the one person of that surname in office on the date; an ordinary word needs a title.
4. *States, organisations, places*: an adjective or a name followed by a role noun becomes a
   sector ("Russian troops" -> RUS MIL); an office noun becomes its holder on that date ("the
   Ukrainian president"); "the owner of the Kremlin" is a description of the leader; capitals
   and seats are actors only where the syntax makes them act ("Minsk said", "official Minsk")
   and stay places otherwise ("a blast in Minsk").
5. *Leftovers*: people and organisations spaCy found but the gazetteer does not know stay
   actors (with a country when the noun phrase gives one), bare role nouns give a sector, and
   surnames and "he"/"she" refer back to people already seen.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadline.actors import gazetteer as G
from dyadline.actors.gazetteer import Entry, Gazetteer, Surface, fold
from dyadline.model import Actor, Document, Mention

FUZZY_CUTOFF = 80.0  # rapidfuzz ratio; "Lucasheno" ~ "Lukashenko" scores 84
FUZZY_MIN_LEN = 5
OFFICES = {"hos", "hog", "fm", "dm", "vp", "top", "sg"}
FORCE_LOOKBACK = 300  # tokens (a few paragraphs) within which "the military" is the force named last
MIN_SENTENCES_FOREIGN = 3  # an article this long that names no country of an old leader is about someone else
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "comrade"}
FORMER = {"former", "ex", "late", "then", "erstwhile"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
# role nouns too vague to stand alone as an actor without a nationality in front of them
VAGUE_ROLES = {"side", "state", "head", "owner", "master", "boss", "chief", "tenant", "occupant", "force", "unit",
               "units", "people", "party", "parties", "court", "press", "television", "tv", "media", "intelligence",
               "union", "bank", "business", "firm", "company", "leader", "official", "minister", "general",
               "government", "administration", "authority", "cabinet", "ministry", "presidency", "kremlin",
               "spokesman", "spokeswoman", "spokesperson", "president", "premier", "chancellor", "king", "queen",
               "expert", "observers", "analyst", "citizen", "citizens", "student", "worker", "civilian",
               "administrator"}
# vague as a single person, fine as a group: "a student was hurt" vs "students protested"
PLURAL_OK_ROLES = {"student", "worker", "civilian"}
# vague role nouns that still name an actor once a country is attached: "the ministry of finance of Finland"
VAGUE_WITH_COUNTRY = {"government", "administration", "authority", "cabinet", "ministry", "presidency", "court",
                      "parliament", "force", "unit", "units", "bank", "company", "firm", "union", "media", "press",
                      "television", "tv", "intelligence", "official", "side", "administrator"}
# "tens of thousands of students", "members of the opposition": the role noun is the real head
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "ten",
                  "tens", "score", "scores", "number", "numbers", "group", "groups", "crowd", "crowds", "band",
                  "bands", "handful", "majority", "member", "members", "some", "many", "most", "all", "several",
                  "few", "unit", "contingent", "delegation", "team", "body", "bodies"}
# things that are never actors though spaCy often calls them ORG: documents, agreements, abstract nouns
NON_ACTOR_HEADS = {"agreement", "agreements", "accord", "accords", "treaty", "treaties", "memorandum", "mou", "mou.",
                   "protocol", "resolution", "declaration", "charter", "convention", "pact", "cessation", "ceasefire",
                   "cease-fire", "truce", "plan", "initiative", "roadmap", "deal", "act", "law", "bill",
                   "constitution", "doctrine", "process", "hostilities", "understanding", "framework", "statute",
                   "communique", "communiqué", "sanctions", "embargo", "program", "programme", "strategy", "summit",
                   "talks", "war", "operation", "campaign", "election", "elections", "referendum", "award", "prize"}
NON_ACTOR_ACRONYMS = {"MOU", "MoU", "NPT", "CTBT", "START", "GDP", "CFE", "SALT", "INF", "JCPOA", "TPP", "NAFTA"}
# "the town of Samarra", "the Medyka crossing": a proper noun in these frames is a place
PLACE_OF_NOUNS = {"town", "city", "village", "port", "crossing", "district", "province", "region", "island",
                  "municipality", "settlement", "camp", "suburb", "neighbourhood", "neighborhood", "enclave",
                  "hamlet", "county", "commune", "governorate", "oblast", "valley", "river", "capital",
                  "stronghold", "outpost", "area", "border", "state", "prefecture", "township", "resort",
                  "harbour", "harbor", "airport", "base", "airbase", "seaport", "refugee camp"}
# nouns whose "of" phrase names who holds or is served by them, not a place: "the defence of Belgrade"
OF_ACTOR_NOUNS = frozenset("""defence defense support position policy stance demand demands request offer proposal
criticism accusation accusations warning threat decision refusal rejection recognition ally allies backing behalf
side government leadership envoy ambassador representative delegation view views objection objections
concerns""".split())
# prepositions of place, and direction words that may stand between them and a place name
PLACE_PREPOSITIONS = frozenset("in near at into off across over around outside along inside towards toward".split())
DIRECTION_WORDS = frozenset("""northern southern eastern western central north south east west northeastern
northwestern southeastern southwestern upper lower""".split())
PLACE_AFTER_NOUNS = {"crossing", "crossings", "checkpoint", "checkpoints", "airport", "airbase", "border", "river",
                     "valley", "province", "district", "region", "refugee", "camp", "camps", "port", "harbour",
                     "harbor", "pass", "strait", "straits", "peninsula", "island", "islands", "mountains", "sea",
                     "ocean", "gulf", "bay", "lake", "oblast", "governorate", "county", "prefecture", "canal",
                     "desert", "plain", "plains", "hills", "heights"}
# name particles inside a person's name: "Hans van den Broek", "Osama bin Laden", "Abdullah al-Hashimi"
NAME_PARTICLES = {"van", "den", "der", "de", "del", "della", "di", "da", "das", "dos", "du", "von", "zu", "la", "le",
                  "al", "el", "bin", "ibn", "ben", "bint", "abu", "abd", "ter", "ten", "mac", "st", "st.", "y", "e"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "dative", "agent", "appos", "ROOT", "attr", "iobj", "csubj"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "into", "within",
                  "from", "via", "through", "beyond", "off", "along", "past", "onto", "over", "behind",
                  "under", "above", "below", "beside", "next", "opposite", "amid", "among"}
COUNTRY_ACTOR_PREPS = {"with", "against", "between", "by", "toward", "towards", "on", "for", "of", "upon", "to",
                       "than", "like", "versus", "vs", "vs.", "including", "as"}
CAPITAL_ACTOR_PREPS = {"with", "against", "between", "by", "toward", "towards", "upon", "versus", "vs", "vs.",
                       "than", "like"}
# nouns whose "from X" names who sent them: X acts ("pressure from Brussels", "a request from Kyiv")
FROM_SENDER_NOUNS = {"pressure", "call", "demand", "request", "proposal", "offer", "criticism", "threat", "warning",
                     "appeal", "invitation", "message", "letter", "plea", "ultimatum", "condemnation", "protest",
                     "complaint", "objection", "support", "backing", "aid", "assistance", "help", "loan", "grant",
                     "envoy", "delegation", "official", "diplomat", "order", "instruction", "note", "response",
                     "reply", "answer", "signal", "approval", "permission", "consent", "guarantee", "assurance"}
# giving verbs whose "to <country>" names a recipient; a city after them stays a place ("sent aid to Gaza")
TRANSFER_VERBS = {"send", "ship", "deliver", "supply", "transfer", "airlift", "sell", "export", "donate", "hand",
                  "give", "provide", "lend", "extradite", "return", "repatriate", "deport"}
MOTION_VERBS = {"go", "travel", "fly", "arrive", "return", "come", "move", "head", "drive", "march", "flee",
                "relocate", "deploy", "send", "evacuate", "bring", "take", "transport", "ship", "walk", "sail",
                "advance", "retreat", "withdraw", "escape", "trip", "visit", "journey", "route", "bus", "train"}
# sectors of non-governmental bodies, and the nouns that make a role phrase an organisation rather than people
NGO_SECTORS = {"NGO", "HRI"}
ORG_NOUNS = {"group", "organization", "organisation", "agency", "charity", "watchdog", "society", "committee",
             "foundation", "association"}
# words that make a force foreign to the place it acts in: "Coalition aircraft struck ISIL near Mosul" are not Iraq's
FOREIGN_FORCE = re.compile(r"\b(coalition|allied|allies|multinational|multi-national|international|foreign|nato|"
                           r"task force|\w+-led)\b", re.IGNORECASE)  # (not peacekeepers: "peacekeepers in Iraq" go to Iraq)


def foreign_force(tok: Any) -> bool:
    """Do the words before the force noun ``tok`` (its own phrase and up to three words to its left, the parser
    splitting names such as "Combined Joint Task Force") call it foreign or multinational?"""
    return bool(FOREIGN_FORCE.search(tok.doc[max(0, min(tok.left_edge.i, tok.i - 3)):tok.i + 1].text))


# weapons named without their owner ("missiles hit a market in Gaza"): where they strike is not whose
WEAPON_HEADS = frozenset("""warplane jet drone artillery tank helicopter gunship warship gunboat bomber aircraft missile
rocket shell bomb plane""".split())


def is_weapon(tok: Any) -> bool:
    """Is the noun a weapon ("drones", "Missiles" opening a sentence, whose lemma the tagger leaves plural)?"""
    lem = tok.lemma_.lower()
    return lem in WEAPON_HEADS or lem.rstrip("s") in WEAPON_HEADS

# "a Moscow-based analyst", "Russian-made rockets": the name says where a person or a thing comes from, it does
# not act (a city or a state stays a place). "Rwandan-backed rebels" are not among them: the challenge set codes
# the backer.
QUALIFIER_WORDS = {"based", "made", "built", "era"}  # ("a Bush-era rule", "Soviet-era tanks": a time, not the actor)
SETTLER_WORDS = {"settler", "settlers", "colonist", "colonists"}
# verbs of flight: "refugees escaping from Somalia" are Somalis
FLEE_VERBS = {"flee", "escape", "leave", "evacuate"}
PERSON_PRONOUNS = {"he", "she"}
SPEECH_AFTER_NAME = frozenset("say tell add announce insist warn declare urge vow promise".split())
# "pro-Assad forces", "pro-Gaddafi militias": armed men loyal to a leader fight for that leader's state
LOYAL_FORCE_HEADS = frozenset("forces troops militia militias fighters gunmen soldiers units loyalists".split())
# nouns after a leader's surname that make it the leader's: "the Bush administration", "the Major government"
LEADER_HEADS = frozenset("administration government cabinet presidency regime camp aides era".split())
# surnames that are also ordinary words the lexicon files as nouns only (adjectives, adverbs and verbs are found
# there), or foreign words wire copy quotes: "Moi" (French "me"), "King", "Wood". Alone they are no one; a title
# ("President Moi", "Mr Wood"), a given name or an earlier full name in the article makes them a person.
COMMON_SURNAMES = {"moi", "king", "wood", "may", "lake", "hill", "parts", "gates", "doe", "bishop", "rice", "young",
                   "major", "brown", "bush", "white", "black", "green", "long", "little", "rich", "hope", "said"}
# abbreviated titles spaCy keeps with their full stop ("Gen. Mladic", "Lt. Col. X")
ABBREV_TITLES = {"gen.", "lt.", "col.", "maj.", "capt.", "adm.", "brig.", "sgt.", "cmdr.", "gov.", "sen.", "rep.",
                 "amb.", "pres.", "prof."}
# words before a surname that are titles, not given names: "Sheikh Yassin", "Gen. Mladic" (see _namesake)
NAME_TITLES = {"sheikh", "sheik", "prince", "princess", "king", "queen", "emir", "sultan", "ayatollah", "imam", "mullah",
               "cardinal", "pope", "archbishop", "bishop", "rev", "father", "general", "gen", "colonel", "col", "lt",
               "major", "maj", "captain", "capt", "admiral", "adm", "marshal", "commander", "lord", "lady", "dame",
               "president", "premier", "chancellor", "minister", "senator", "sen", "rep", "governor", "gov", "judge",
               "justice", "crown", "chairman", "secretary", "ambassador", "envoy", "comrade", "hojatoleslam", "begum"}
# what an army holds: "attacked Israeli positions", "an Iraqi outpost" name the state's military as the target
MILITARY_HOLDINGS = {"position", "positions", "outpost", "outposts", "garrison", "garrisons", "emplacement",
                     "emplacements", "trench", "trenches", "line", "lines"}
# words that make "American" a region or a community: "Latin American", "South American", "African American"
REGION_PREFIXES = {"latin", "south", "central", "north", "pan", "native", "african", "-"}
# "the bloc" / "the alliance" back to the last international organisation named (rule "coref")
BLOC_NOUNS = {"bloc", "alliance", "union", "organisation", "organization", "body"}
# "it"/"they" back to the last state, organisation or group that was a subject (rule "coref")
SINGULAR_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "their", "them"}
# "it" that names no one: "it is clear that", "it seems", "it was reported"
EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "take", "rain", "matter", "follow", "emerge", "turn", "look",
                   "become", "happen", "mean", "make", "cost"}
# place nouns: "the Bosnian town of Gorazde" is a place of that country, not a nationality
PLACE_NOUNS = {"town", "city", "village", "capital", "port", "republic", "province", "region", "district", "enclave",
               "island", "islands", "state", "territory", "county", "municipality", "settlement", "camp", "border",
               "oblast", "governorate", "area", "valley", "peninsula", "resort", "suburb", "neighbourhood",
               "neighborhood", "stronghold", "outpost", "base", "harbour", "harbor", "strip"}
# a role noun in front of these names a thing, not its owner acting: "an army post", "refugee camps", "a press release"
NOT_ACTOR_NOUNS = PLACE_NOUNS | PLACE_OF_NOUNS | PLACE_AFTER_NOUNS | NON_ACTOR_HEADS | {
    "post", "station", "headquarters", "barracks", "building", "office", "compound", "checkpoint", "vehicle",
    "truck", "car", "jeep", "convoy", "bus", "train", "plane", "release", "statement", "report", "document",
    "budget", "reform", "policy", "spending", "zone", "position", "positions", "installation", "facility",
    "depot", "target", "property", "land", "school", "hospital", "prison", "jail", "center", "centre",
    # acts, not actors: "terrorist attacks in Baghdad", "a rebel offensive", "militant violence"
    "attack", "bombing", "raid", "offensive", "assault", "violence", "plot", "threat", "activity", "campaign",
    "killing", "shooting", "kidnapping", "ambush", "incursion", "insurgency", "uprising", "crackdown", "act"}
# the last word of an organisation's name: "the Uganda Human Rights Commission", "the Ghana Bar Association"
ORG_HEAD_NOUNS = {"commission", "committee", "council", "association", "union", "federation", "authority", "agency",
                  "bureau", "board", "institute", "party", "front", "movement", "congress", "league", "society",
                  "corporation", "company", "bank", "airways", "airlines", "service", "ministry", "department",
                  "office", "court", "tribunal", "assembly", "parliament", "senate", "chamber", "foundation",
                  "organisation", "organization", "network", "alliance", "coalition", "forum", "centre", "center"}
# words that make an unknown organisation international rather than domestic
INTERNATIONAL_WORDS = {"international", "world", "global", "united", "nations", "african", "european", "asian",
                       "regional", "transnational"}
# the place a group is in: "Albanians of southern Serbia", "ethnic Albanians in Serbia"
GROUP_PLACE_PREPS = ("in", "of", "from", "inside", "within")
# nouns for a single person: a proper noun right after one is a person even if spaCy says ORG
PERSON_NOUNS = {"columnist", "journalist", "reporter", "correspondent", "editor", "blogger", "analyst", "expert",
                "activist", "spokesman", "spokeswoman", "spokesperson", "lawyer", "professor", "researcher",
                "commentator", "writer", "author", "economist", "politician", "lawmaker", "senator", "mp",
                "opposition", "leader", "businessman", "tycoon", "oligarch", "general", "colonel", "commander",
                "minister", "ambassador", "envoy", "diplomat", "adviser", "advisor", "aide", "president", "governor",
                "mayor", "judge", "prosecutor", "priest", "cleric", "dissident", "candidate", "official"}


_ROMAN_LOWER = re.compile(r"[ivxlcdm]+")


def _today() -> str:
    return _dt.date.today().isoformat()


@dataclass(slots=True)
class Hit:
    """A gazetteer hit over tokens [start, end) with the meanings that survived the case check."""

    start: int
    end: int
    cands: list[Surface]
    rule: str = "alias"
    confidence: float = 1.0

    def categories(self) -> set[str]:
        return {s.entry.category for s in self.cands}

    def of(self, *cats: str) -> list[Entry]:
        return [s.entry for s in self.cands if s.entry.category in cats]


class Resolver:
    """Resolves the actors of parsed text against one gazetteer (built once per process)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gz = gazetteer
        self._common: frozenset[str] | None = None
        self._plain: frozenset[str] | None = None
        self._fuzzy_index: dict[str, list[tuple[str, str]]] | None = None
        self._name_tokens: dict[str, frozenset[str]] | None = None

    # -- public API ------------------------------------------------------------------------------
    def resolve(self, sdoc: Any, date: str | None = None) -> list[Mention]:
        """All actor and place mentions of a spaCy Doc, in text order."""
        return _DocPass(self, sdoc, (date or _today())[:10]).run()

    def lookup(self, text: str, date: str | None = None) -> list[Mention]:
        """Resolve a phrase ("the owner of the Kremlin") or a sentence (every actor in it)."""
        from dyadline.nlp.annotate import get_nlp

        return self.resolve(get_nlp()(text), date)

    def hits(self, sdoc: Any) -> list[tuple[int, int, str, str | None]]:
        """Raw gazetteer hits as (token_start, token_end, category, code): for evaluation and ``explain``."""
        p = _DocPass(self, sdoc, _today())
        out = []
        for h in p.find_hits():
            e = p.choose(h)
            out.append((h.start, h.end, e.category, e.code))
        return out

    # -- resources -------------------------------------------------------------------------------
    @property
    def common_words(self) -> frozenset[str]:
        """Lower-case English words and inflections (WordNet lemma index of the spaCy lemmatizer).

        This is the guard that keeps ordinary words out of fuzzy matching and that makes
        single-word surnames which are also words ("Rice", "Bush") need a personal context.
        """
        if self._common is None:
            words: set[str] = set()
            try:
                from dyadline.nlp.annotate import get_nlp

                lookups = get_nlp().get_pipe("lemmatizer").lookups
                for table in ("lemma_index", "lemma_exc"):
                    if lookups.has_table(table):
                        for part in lookups.get_table(table).values():
                            words.update(w.lower() for w in part)
            except Exception:  # noqa: BLE001 - a pipeline without the rule lemmatizer: no lexicon guard
                pass
            self._common = frozenset(words)
        return self._common

    @property
    def plain_words(self) -> frozenset[str]:
        """Ordinary words a surname may also be ("Bush", "Major", "Rice", "Moi"): the lexicon's adjectives, adverbs
        and verbs plus ``COMMON_SURNAMES``. Its noun list is no guide here: it also files "Mandela" and "Arafat".
        Roman numerals ("Xi" is also eleven) are names, not words."""
        if self._plain is None:
            words: set[str] = set(COMMON_SURNAMES)
            try:
                from dyadline.nlp.annotate import get_nlp

                lookups = get_nlp().get_pipe("lemmatizer").lookups
                if lookups.has_table("lemma_index"):
                    table = lookups.get_table("lemma_index")
                    for pos in ("adj", "adv", "verb"):
                        words.update(w.lower() for w in table.get(pos, ()) if not _ROMAN_LOWER.fullmatch(w.lower()))
            except Exception:  # noqa: BLE001 - a pipeline without the rule lemmatizer: the short list only
                pass
            self._plain = frozenset(words)
        return self._plain

    @property
    def name_tokens(self) -> dict[str, frozenset[str]]:
        """Person actor_id -> every word of every form the data gives for that person (folded)."""
        if self._name_tokens is None:
            acc: dict[str, set[str]] = {}
            for surfaces in self.gz.surfaces.values():
                for s in surfaces:
                    if s.entry.category == G.PERSON:
                        words = fold(s.form).replace("-", " ").replace(".", " ").split()
                        acc.setdefault(s.entry.actor_id, set()).update(words)
            self._name_tokens = {k: frozenset(v) for k, v in acc.items()}
        return self._name_tokens

    @property
    def fuzzy_index(self) -> dict[str, list[tuple[str, str]]]:
        """Single-word names by first letter: (folded form, key) pairs that fuzzy matching may reach."""
        if self._fuzzy_index is None:
            idx: dict[str, list[tuple[str, str]]] = {}
            for key, surfaces in self.gz.surfaces.items():
                if len(key) < FUZZY_MIN_LEN or not key.isalpha() or not key.isascii():
                    continue
                if not any(s.entry.category in (G.PERSON, G.STATE, G.CAPITAL) and s.form[:1].isupper()
                           and not s.derived for s in surfaces) and not (len(key) >= 7 and any(
                               s.entry.category in (G.ADJECTIVE, G.GROUP) and s.form[:1].isupper()
                               for s in surfaces)):
                    continue  # a misspelt nationality or group must be long to be told apart ("Chenchen")
                idx.setdefault(key[0], []).append((key, key))
            self._fuzzy_index = idx
        return self._fuzzy_index

    @lru_cache(maxsize=4096)  # noqa: B019 - the resolver lives for the whole process
    def fuzzy(self, word: str) -> tuple[str, float] | None:
        """The known single-word name closest to ``word`` above the cutoff, or None."""
        from rapidfuzz import fuzz

        w = fold(word)
        if len(w) < FUZZY_MIN_LEN or w in self.common_words or w in self.gz.surfaces:
            return None
        best: tuple[str, float] | None = None
        for key, _ in self.fuzzy_index.get(w[0], ()):
            if abs(len(key) - len(w)) > 2:
                continue
            score = fuzz.ratio(w, key)
            # short names need a closer match: one letter in five is already 80
            cutoff = FUZZY_CUTOFF if len(w) >= 8 else (85.0 if len(w) >= 6 else 90.0)
            if score >= cutoff and (best is None or score > best[1]):
                best = (key, score)
        return best


class _DocPass:
    """The state of resolving one Doc: hits, consumed tokens and the mentions made so far."""

    def __init__(self, resolver: Resolver, sdoc: Any, date: str) -> None:
        self.r = resolver
        self.gz = resolver.gz
        self.doc = sdoc
        self.date = date
        self.n = len(sdoc)
        self.sent_of = [0] * self.n
        self.sent_bounds: list[tuple[int, int]] = []
        for i, s in enumerate(sdoc.sents):
            self.sent_bounds.append((s.start, s.end))
            for t in range(s.start, s.end):
                self.sent_of[t] = i
        self.consumed = [False] * self.n
        self.mentions: list[Mention] = []
        self.hit_at: dict[int, Hit] = {}  # token -> hit covering it
        self.deferred: set[int] = set()  # tokens of group words inside a longer name ("Islamic Salvation Front")
        self.abbrevs: dict[str, Actor] = {}  # "MASSOB" -> the organisation it was defined for in parentheses
        self.namesakes: dict[str, int] = {}  # folded surname -> token of a namesake's full name ("Thorvald Stoltenberg")

    # -- pass 1: gazetteer hits ------------------------------------------------------------------
    def _shouted(self, start: int, end: int) -> bool:
        """Whether the words around tokens start..end (inclusive) are in capitals too (a headline, a shouted line)."""
        doc = self.doc
        before = [t for t in doc[max(0, start - 2):start] if t.is_alpha and len(t) > 1]
        after = [t for t in doc[end + 1:end + 3] if t.is_alpha and len(t) > 1]
        near = before[-1:] + after[:1]
        return bool(near) and all(t.text.isupper() for t in near)

    def find_hits(self) -> list[Hit]:
        doc = self.doc
        text = doc.text
        starts = {t.idx: t.i for t in doc}
        ends = {t.idx + len(t.text): t.i for t in doc}
        raw: list[Hit] = []
        for cs, ce, key in self.gz.find(fold(text)):
            ts, te = starts.get(cs), ends.get(ce)
            if ts is None or te is None:
                continue
            span = text[cs:ce]
            cands = [s for s in self.gz.surfaces[key] if _case_ok(s.form, span)]
            if cands and span in WORD_ACRONYMS and self._shouted(ts, te):
                continue  # "THIS IS WAR": a headline in capitals, not the Islamic State
            if cands:
                raw.append(Hit(ts, te + 1, cands))
        raw.extend(self._fuzzy_hits({t for h in raw for t in range(h.start, h.end)}))
        # longest first, by characters without a leading "the": "West Bank" beats "the West"
        def length(h: Hit) -> int:
            span = doc[h.start:h.end].text
            return len(span) - (4 if span[:4].lower() == "the " else 0)

        raw.sort(key=lambda h: (-length(h), h.start))
        taken = [False] * self.n
        hits = []
        for h in raw:
            if any(taken[h.start:h.end]):
                continue
            for t in range(h.start, h.end):
                taken[t] = True
            hits.append(h)
        hits.sort(key=lambda h: h.start)
        return hits

    def _fuzzy_hits(self, covered: set[int]) -> list[Hit]:
        out = []
        short = self.n <= 3  # a looked-up phrase: no tagging context to rely on
        for t in self.doc:
            if t.i in covered or not t.is_alpha or len(t.text) < FUZZY_MIN_LEN or not t.text[0].isupper():
                continue
            if not short and t.tag_ not in ("NNP", "NNPS"):
                continue
            low = t.lower_
            if t.lemma_.lower() in self.r.common_words or (
                    low.endswith("s") and (low[:-1] in self.r.common_words or low[:-2] in self.r.common_words)):
                continue  # ("the Paracel Islands": a plural the tagger left unlemmatised is still a word)
            nxt = self.doc[t.i + 1] if t.i + 1 < self.n else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # "Nikolai Tanaev": a first name, not a misspelt surname ("Nikolic")
            found = self.r.fuzzy(t.text)
            if not found:
                continue
            key, score = found
            cands = [s for s in self.gz.surfaces[key] if not s.derived]  # a misspelt surname must be a listed one
            if t.ent_type_ == "PERSON":  # a person's name never fuzzy-matches a country or a city
                cands = [s for s in cands if s.entry.category == G.PERSON]
            if cands:
                out.append(Hit(t.i, t.i + 1, list(cands), rule="fuzzy", confidence=round(0.9 * score / 100, 3)))
        return out

    def choose(self, h: Hit) -> Entry:
        """The meaning of a hit before context: user entries, then the most specific category."""
        order = {G.PERSON: 0, G.ORG: 1, G.STATE: 2, G.SEAT: 3, G.CAPITAL: 4, G.ADJECTIVE: 5, G.GROUP: 6, G.CITY: 7}
        return min((s.entry for s in h.cands), key=lambda e: (not e.user, order.get(e.category, 9)))

    # -- main --------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        if self.n == 0:
            return []
        hits = [h for h in self.find_hits() if not self._region_adjective(h) and not self._namesake(h)
                and not self._surname_in_person(h)]
        # countries the article names by an exact, non-personal name: a misspelt person's name needs one
        self.named_codes = {s.entry.code for h in hits if h.rule != "fuzzy" for s in h.cands
                            if s.entry.category != G.PERSON}
        self._disambiguate_places(hits)
        for h in hits:
            for t in range(h.start, h.end):
                self.hit_at[t] = h
        persons = [h for h in hits if G.PERSON in h.categories()]
        for h in persons:
            self._person(h)
        for h in hits:
            if self.consumed[h.start] or G.PERSON in h.categories() and self._person_done(h):
                continue
            self._non_person(h)
        self._place_frames()
        self._unlisted_entities()
        self._role_nouns()
        self._coref()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    def _namesake(self, h: Hit) -> bool:
        """'Thorvald Stoltenberg' is not Jens Stoltenberg, 'Roman Herzog' not Chaim Herzog: a one-word surname hit
        right after a given name that none of the known person's forms contain names someone else. Those person
        readings are dropped; True when nothing else is left (the name then stays an unlisted person)."""
        if h.end - h.start != 1 or h.start == 0 or h.rule == "fuzzy":
            return False
        persons = h.of(G.PERSON)
        if not persons:
            return False
        prev = self.doc[h.start - 1]
        low = fold(prev.text)
        if not (prev.is_alpha and len(low) > 2 and prev.text[:1].isupper() and prev.text[1:].islower()
                and prev.ent_type_ == "PERSON" and self.sent_of[h.start - 1] == self.sent_of[h.start]):
            return False
        if low in NAME_TITLES or low in HONORIFICS or low in NAME_PARTICLES or low in self.gz.roles \
                or self.gz.listed(low):
            return False  # a title ("Sheikh"), or a word some list knows ("Hafez" of "Hafez Assad" is a form)
        from rapidfuzz import fuzz

        def known(e: Entry) -> bool:
            words = self.r.name_tokens.get(e.actor_id, frozenset())
            return low in words or any(len(w) > 2 and fuzz.ratio(low, w) >= 80 for w in words)

        keep = [s for s in h.cands if s.entry.category != G.PERSON or known(s.entry)]
        if len(keep) == len(h.cands):
            return False
        self.namesakes.setdefault(fold(self.doc[h.start].text), h.start)
        h.cands = keep
        return not keep

    def _region_adjective(self, h: Hit) -> bool:
        """'Latin American backing', 'South American leaders', 'African American voters': "American" here
        names a region or a community, not the United States."""
        doc = self.doc
        return h.end - h.start == 1 and doc[h.start].lower_ in ("american", "americans") and h.start > 0 \
            and doc[h.start - 1].lower_ in REGION_PREFIXES

    def _disambiguate_places(self, hits: list[Hit]) -> None:
        """'Tripoli' is Libya's capital and a Lebanese port, 'Congolese' two states: when the other places of
        the sentence name one of the readings' countries and not the other ('gunmen in Tripoli fired at a
        Lebanese patrol'), that reading wins; otherwise the usual order (a capital first) decides."""
        place_cats = (G.STATE, G.CAPITAL, G.CITY, G.ADJECTIVE, G.SEAT)

        def codes(h: Hit) -> set[str]:
            return {c for s in h.cands if s.entry.category in place_cats
                    if (c := s.entry.place_code or s.entry.code)}

        for h in hits:
            mine = codes(h)
            if len(mine) < 2:
                continue
            sent = self.sent_of[h.start]
            named: set[str] = set()
            for o in hits:
                if o is not h and self.sent_of[o.start] == sent and len(c := codes(o)) == 1:
                    named |= c
            pick = mine & named
            if pick and pick != mine:
                h.cands = [s for s in h.cands if s.entry.category not in place_cats
                           or (s.entry.place_code or s.entry.code) in pick]

    def _person_done(self, h: Hit) -> bool:
        return any(self.consumed[h.start:h.end])

    # -- helpers -----------------------------------------------------------------------------------
    def _emit(self, start: int, end: int, actor: Actor, rule: str, confidence: float,
              role: str = "actor") -> Mention:
        span = self.doc[start:end]
        m = Mention(text=span.text, start=span.start_char, end=span.end_char, sent_idx=self.sent_of[start],
                    actor=actor, token_start=start, token_end=end, rule=rule, confidence=round(confidence, 3),
                    role=role)  # type: ignore[arg-type]
        self.mentions.append(m)
        for t in range(start, end):
            self.consumed[t] = True
        return m

    def _role_term(self, i: int, j: int) -> tuple[str | None, str | None] | None:
        """Role of the token phrase [i, j] (inclusive), by text or by the last word's lemma."""
        words = [self.doc[k].lower_ for k in range(i, j + 1)]
        phrase = " ".join(words)
        roles = self.gz.roles
        if phrase in roles:
            return roles[phrase]
        lemma = " ".join(words[:-1] + [self.doc[j].lemma_.lower()])
        return roles.get(lemma)

    def _role_after(self, end: int) -> tuple[int, str | None, str | None] | None:
        """A role noun phrase right after a modifier ending at token ``end`` (exclusive).

        Returns (end of the role phrase, sector, office) for the *head* of the noun phrase:
        "Russian army officers" -> officers, "Russian foreign minister" -> foreign minister.
        """
        doc = self.doc
        i = end
        if i < self.n and doc[i].tag_ == "POS":  # Russia 's army
            i += 1
        if i + 2 < self.n and doc[i].text in ("-", "–") and doc[i + 1].lower_ == "led":
            i += 2  # "Saudi-led forces", "a US-led coalition": the leader's
            if (o := self.hit_at.get(i)) is not None and o.start == i and G.ORG in o.categories():
                return None  # "Nigerian-led ECOMOG troops": the organisation's own troops
        if i >= self.n or doc[i].text in ("-", "–") or self.sent_of[i] != self.sent_of[end - 1]:
            return None
        best = None
        for j in range(i, min(i + 4, self.n)):
            t = doc[j]
            if self.consumed[j] or t.pos_ not in ("ADJ", "NOUN", "PROPN") or self.sent_of[j] != self.sent_of[i]:
                break
            if j in self.hit_at and self.hit_at[j].start == j and G.PERSON in self.hit_at[j].categories():
                break
            for k in range(i, j + 1):
                role = self._role_term(k, j)
                if role is not None:
                    sector, office = role
                    # "rebel leaders", "police chief", "student leaders": the modifier's sector wins over
                    # the office noun's, and no single office holder is meant
                    for m in range(i, k):
                        mod = self._role_term(m, m)
                        if mod is not None and mod[0] and mod[0] != "GOV" and (office in OFFICES or sector == "GOV"):
                            sector, office = mod[0], None
                            break
                    if office in OFFICES and doc[j].tag_ in ("NNS", "NNPS"):
                        office = None  # "Afghan leaders": a group, not the one leader
                    best = (j + 1, sector, office)
                    break
            if t.pos_ in ("NOUN", "PROPN") and (j + 1 >= self.n or doc[j + 1].pos_ not in ("NOUN", "PROPN", "ADJ")):
                break
        return best

    def _name_after(self, i: int) -> int | None:
        """End of a person's name that spaCy found starting at token ``i`` and no list knows, or None."""
        doc = self.doc
        if i >= self.n or self.consumed[i] or i in self.hit_at or doc[i].ent_type_ != "PERSON" \
                or doc[i].ent_iob_ != "B" or not doc[i].text[:1].isupper() or self.sent_of[i] != self.sent_of[i - 1]:
            return None
        end = i + 1
        while end < self.n and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
        end = self._extend_name(i, end)
        if any(self.consumed[i:end]) or any(k in self.hit_at and G.PERSON in self.hit_at[k].categories()
                                            for k in range(i, end)):
            return None
        return end

    def _state_named_org(self, h: Hit) -> tuple[int, int] | None:
        """(start, end) of an organisation spaCy found whose name starts with a state name and goes on with
        capitalised words no list knows ('the Uganda Human Rights Commission'), or None."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "ORG" or not (ent.start <= h.start and h.end < ent.end):
                continue
            if any(doc[k].dep_ != "det" for k in range(ent.start, h.start)) or self._non_actor(ent) or (
                    doc[ent.end - 1].lower_ not in ORG_HEAD_NOUNS and self._role_term(ent.end - 1, ent.end - 1) is None):
                return None
            rest = doc[h.end:ent.end]
            if any(self.consumed[k] or k in self.hit_at for k in range(h.end, ent.end)) or not all(
                    t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "on", "-", "&") for t in rest):
                return None
            return h.start, ent.end
        # spaCy often misses such names: a title-case compound ending in an organisation noun will do
        t = doc[h.end - 1]
        head = t.head
        if t.dep_ != "compound" or not 0 < head.i - t.i <= 5 or head.lower_ not in ORG_HEAD_NOUNS:
            return None
        rest = doc[h.end:head.i + 1]
        if any(self.consumed[k] or k in self.hit_at for k in range(h.end, head.i + 1)) or not all(
                x.text[:1].isupper() or x.text in ("-", "&") for x in rest):
            return None
        return h.start, head.i + 1

    def _holding_after(self, h: Hit) -> int | None:
        """End of 'positions', 'outposts'... right after a nationality adjective ('Serb positions'), or None."""
        i = h.end
        if i >= self.n or self.consumed[i] or self.doc[i].lower_ not in MILITARY_HOLDINGS or self.doc[i].pos_ != "NOUN":
            return None
        if self.doc[h.end - 1].dep_ not in ("amod", "compound") or self.doc[h.end - 1].head.i != i:
            return None
        return i + 1

    def _led_noun(self, h: Hit) -> int | None:
        """End of the noun a 'X-led' modifier qualifies ('the US-led coalition'), or None."""
        doc = self.doc
        i = h.end
        if i + 2 >= self.n or doc[i].text not in ("-", "–") or doc[i + 1].lower_ != "led":
            return None
        k = i + 2  # the first noun: "the US-led coalition air strikes" are the coalition's
        while k < min(i + 5, self.n) and doc[k].pos_ == "ADJ":
            k += 1
        if k >= self.n or doc[k].pos_ != "NOUN" or any(self.consumed[i:k + 1]) or doc[k].lemma_.lower() in NOT_ACTOR_NOUNS:
            return None
        return k + 1

    def _shared_role(self, h: Hit) -> tuple[int, str | None, str | None] | None:
        """'U.S. and Russian negotiators', 'French and Egyptian warships': the role noun is shared."""
        doc = self.doc
        i = h.end
        if i + 1 >= self.n or doc[i].lower_ not in ("and", "or", ",", "&"):
            return None
        nxt = self.hit_at.get(i + 1)
        if nxt is None or nxt.start != i + 1 or not ({G.ADJECTIVE, G.STATE} & nxt.categories()):
            return None
        return self._role_after(nxt.end) or self._shared_role(nxt)

    def _holder_actor(self, code: str, sector: str | None, office: str | None) -> tuple[Actor, bool]:
        """The office holder of ``code`` on the article date, or the state itself when unknown."""
        if office in OFFICES:
            e = self.gz.holder(code, office, self.date)
            if e is not None:
                return Actor(e.code, e.sector or sector, e.name, e.actor_id, "person"), True
        state = self.gz.states.get(code)
        kind = "state" if (sector in STATE_SECTORS or sector is None) else "group"
        if state is None:
            kind = "igo"
        return Actor(code, sector, state.name if state else None, state.actor_id if state else None, kind), False

    def _description(self, start: int, end: int, code: str) -> bool:
        """'the owner of the Kremlin', 'the head of the Belarusian regime', 'the president of Ukraine'."""
        doc = self.doc
        root = doc[start:end].root
        if root.dep_ != "pobj" or root.head.lower_ != "of":
            return False
        noun = root.head.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i >= start:
            return False
        first = noun.i
        for left in noun.lefts:
            if left.dep_ in ("compound", "amod") and left.i < first:
                first = left.i
        role = self._role_term(first, noun.i) or self._role_term(noun.i, noun.i)
        if role is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i < noun.i:
            # "the Minister of Foreign Affairs of Iraq": the office is the whole "Minister of Foreign Affairs"
            outer = noun.head.head
            if (got := self._role_term(outer.i, noun.i)) is not None:
                role, first = got, outer.i
        if role is None or role[1] not in OFFICES:
            return False
        if any(self.consumed[noun.i:end]):
            return False
        actor, is_person = self._holder_actor(code, role[0], role[1])
        s = first - 1 if first > 0 and doc[first - 1].dep_ == "det" else first
        self._emit(s, end, actor, "description", 0.9 if is_person else 0.75)
        return True

    def _place_role(self, start: int, end: int, capital: bool) -> str:
        """Is a place name acting ("Minsk said", "talks with Beijing") or the scene ("a blast in Minsk")?"""
        tok = self.doc[start:end].root
        seen = 0
        while tok.dep_ == "conj" and tok.head.i != tok.i and seen < 5:
            tok, seen = tok.head, seen + 1
        dep = tok.dep_
        if dep in ACTOR_DEPS:
            return "actor"
        if dep == "pobj":
            prep = tok.head.lower_
            if prep == "from" and tok.head.head.lemma_.lower() in FROM_SENDER_NOUNS:
                return "actor"  # "pressure from Brussels", "calls from Washington": who sends it, not a place
            if prep == "of" and tok.head.head.lemma_.lower() in OF_ACTOR_NOUNS:
                return "actor"  # "came to the defence of Belgrade", "the position of Moscow": whose, not where
            if prep in LOCATIVE_PREPS:
                return "location"
            if prep == "to":
                verb = tok.head.head
                if not capital and verb.lemma_.lower() in TRANSFER_VERBS:
                    return "actor"  # "sent arms to Pakistan": the country receives, it is not a destination
                return "location" if verb.lemma_.lower() in MOTION_VERBS else ("location" if capital else "actor")
            preps = CAPITAL_ACTOR_PREPS if capital else COUNTRY_ACTOR_PREPS
            return "actor" if prep in preps else "location"
        return "location" if capital else "actor"

    # -- people ------------------------------------------------------------------------------------
    def _title_left(self, start: int) -> tuple[int, str | None, bool, str | None]:
        """Extend a person hit to the left over titles, honorifics, 'former' and a nationality.

        Returns (new start, office named by the title, whether 'former' was seen, code of a
        nationality/state in the title).
        """
        doc = self.doc
        i = start - 1
        office: str | None = None
        former = False
        code: str | None = None
        new_start = start
        sent = self.sent_of[start]
        while i >= 0 and self.sent_of[i] == sent and not self.consumed[i]:
            t = doc[i]
            low = t.lower_
            if low in HONORIFICS:
                new_start, i = i, i - 1
                continue
            if low in ABBREV_TITLES or (low in ("lt", "col", "gen", "maj", "capt", "adm", "brig", "sgt") and t.text[:1].isupper()
                                        and i + 1 < self.n and doc[i + 1].text == "."):
                office = office or "other"  # "Gen. Mladic", "Lt. Gen. X"
                new_start, i = i, i - 1
                continue
            if t.text == "." and i > 0 and doc[i - 1].lower_ in ("lt", "col", "gen", "maj", "capt", "adm", "brig", "sgt"):
                new_start, i = i, i - 1
                continue
            if low in FORMER or (low == "-" and i > 0 and doc[i - 1].lower_ == "ex"):
                former = True
                new_start, i = i, i - 1
                continue
            matched = False
            for length in (4, 3, 2, 1):
                k = i - length + 1
                if k < 0 or self.sent_of[k] != sent:
                    continue
                if not all(doc[m].is_alpha or doc[m].text == "-" for m in range(k, i + 1)):
                    continue
                role = self._role_term(k, i)
                if role is not None and (doc[k].text[:1].isupper() or role[1] in OFFICES or role[0]):
                    if length == 1 and role[1] is None and not doc[k].text[:1].isupper() and low not in (
                            "spokesman", "spokeswoman", "spokesperson", "minister", "envoy", "ambassador"):
                        continue
                    office = office or role[1] or "other"
                    new_start, i, matched = k, k - 1, True
                    break
            if matched:
                continue
            h = self.hit_at.get(i)
            if h is not None and h.end == i + 1 and (G.ADJECTIVE in h.categories() or G.STATE in h.categories()
                                                      or G.ORG in h.categories()):
                e = self.choose(h)
                code = code or e.code
                new_start, i = h.start, h.start - 1
                continue
            if t.tag_ == "POS" and i > 0 and i - 1 in self.hit_at:
                h = self.hit_at[i - 1]
                e = self.choose(h)
                if e.category in (G.STATE, G.ORG):
                    code = code or e.code
                    new_start, i = h.start, h.start - 1
                    continue
            break
        return new_start, office if new_start < start else None, former, code

    def _person(self, h: Hit) -> None:
        doc = self.doc
        persons = h.of(G.PERSON)
        if not persons:
            return
        single = h.end - h.start == 1
        if h.start > 1 and doc[h.start - 1].text == "-" and doc[h.start - 2].lower_ == "pro" and h.end < self.n \
                and doc[h.end].lower_ in LOYAL_FORCE_HEADS and len({e.code for e in persons}) == 1 and persons[0].code:
            self._emit(h.start - 2, h.end + 1, Actor(persons[0].code, "MIL", doc[h.start - 2:h.end + 1].text, None,
                                                    "group"), "loyal_forces", 0.8)
            return
        if self._negated(h):
            return  # "anti-Putin protesters", "a pro-Assad newspaper": a stance towards the man, not the man
        start, office, former, title_code = self._title_left(h.start)
        titled = start < h.start
        if self._inside_other_name(h, persons, titled) or self._qualifier(h) is not None:
            return  # (or "a Bush-era rule": the name dates the rule)
        if title_code and all(e.code != title_code for e in persons):
            # "Kyrgyz Prime Minister X" where X names someone from elsewhere: trust the title
            sector = self.gz.roles.get(office or "", (None, None))[0] if office else None
            self._emit(start, h.end, Actor(title_code, sector or "GOV", doc[h.start:h.end].text, None, "person"),
                       "title", 0.6)
            return
        if title_code and any(e.code == title_code for e in persons):
            persons = [e for e in persons if e.code == title_code]  # "Kenyan President Moi": the Kenyan reading
        if h.rule == "fuzzy" and office is None and not title_code and self.named_codes \
                and not self.named_codes & {e.code for e in persons}:
            # "Nichols" in a story that names Georgia and no Canada is no misspelt Nicholson of Canada: a misspelt
            # name stands alone only in an article that names no country at all
            return
        if all(" " not in s.form for s in h.cands if s.entry.category == G.PERSON):
            self._surname(h, persons, start, office, former)
            return
        if single and fold(doc[h.start].text) in self.r.common_words and not titled and self.n > 3:
            t = doc[h.start]
            if not (t.tag_ in ("NNP", "NNPS") and (t.ent_type_ == "PERSON" or t.i > self.sent_bounds[
                    self.sent_of[t.i]][0])):
                return  # "Rice prices rose": a surname that is also a word needs a personal context
        if single and G.PERSON in h.categories() and len(h.categories()) > 1 and not titled:
            t = doc[h.start]
            if t.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC"):
                return  # e.g. "Jordan": leave it to the state reading
        if title_code and any(e.code == title_code for e in persons):
            persons = [e for e in persons if e.code == title_code]  # "Dutch Foreign Minister X": the Dutch term
        entry, in_term = self._pick_person(persons, office)
        if in_term and not former:
            actor = Actor(entry.code, entry.sector, entry.name, entry.actor_id, "person")
            conf = h.confidence * (0.95 if self._ambiguous(persons) else 1.0)
            rule = h.rule if h.rule == "fuzzy" else ("title" if titled else "alias")
        else:
            actor = Actor(entry.code, None, entry.name, entry.actor_id, "person")
            conf = h.confidence * 0.6
            rule = (h.rule if h.rule == "fuzzy" else ("title" if titled else "alias")) + ":out_of_term"
        self._emit(start, h.end, actor, rule, conf)

    def _force_named_before(self, t: Any) -> str | None:
        """ "Israeli troops pushed into Gaza City ... The military said it had bombed 40 tunnels": a definite
        force ("the military", "its forces") is the state force the article named last, not the state of the
        place it acts in."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in t.children):
            return None
        before = [m for m in self.mentions if m.actor.code and m.actor.sector == "MIL" and m.actor.kind == "state"
                  and m.token_end <= t.i and t.i - m.token_end <= FORCE_LOOKBACK]
        return max(before, key=lambda m: m.token_end).actor.code if before else None

    def _armed_group_named_before(self, t: Any) -> str | None:
        """The code of the transnational armed group (ISIL, al-Qaeda, al-Shabaab: code IMG) the article named last
        before ``t``, within a few paragraphs, or None."""
        before = [m for m in self.mentions if m.actor.code and m.actor.code not in self.gz.states
                  and m.actor.sector == "REB" and m.token_end <= t.i and t.i - m.token_end <= FORCE_LOOKBACK]
        return max(before, key=lambda m: m.token_end).actor.code if before else None

    def _inside_other_name(self, h: Hit, persons: list[Entry], titled: bool) -> bool:
        """Is the hit a date, or one part of a longer name the tagger found, that is not the listed person's?
        "on May 29" is no Theresa May, "Richmond Hill" and "Fort Smith" are places, "Ashley Smith Robinson" is
        another Smith (unless a title says who it is)."""
        doc = self.doc
        ent = next((e for e in doc.ents if e.start <= h.start < e.end), None)
        if ent is None:
            return False
        if ent.label_ in ("DATE", "TIME"):
            return True
        if titled or ent.end - ent.start <= h.end - h.start:
            return False  # a title right before the name ("President Moi") says who it is
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG"):
            return G.STATE not in h.categories() and G.ORG not in h.categories()
        if ent.label_ == "PERSON":
            if self._title_left(ent.start)[0] < ent.start:
                return False  # "Syrian Foreign Minister Farouk al-Sharaa": a title before the full name decides
            known = {fold(w) for e in persons for w in e.name.split()}
            others = [t for t in ent if not (h.start <= t.i < h.end) and t.is_alpha
                      and t.lower_ not in HONORIFICS and fold(t.text) not in known]
            return bool(others) and all(t.text[:1].isupper() and len(t.text) > 1 for t in others)
        return False

    def _surname(self, h: Hit, persons: list[Entry], start: int, office: str | None, former: bool) -> None:
        """A person named by one word: 'Yeltsin', 'President Moi', 'Mr Netanyahu', 'Mobutu'.

        In order: the person this article already named in full ('Daniel arap Moi ... Moi'); nobody, when a
        namesake was named ('Thorvald Stoltenberg ... Stoltenberg', left to the coreference pass); nobody, when
        the word is an ordinary word ('Major', 'Rice', 'Moi') and no title stands before it; then the one person
        of that surname in office on the article date (or, when none is, the only one the data knows). A surname
        several people share at that date ('Bush' in 2000, 'Kim') names no one; the mention keeps their country
        when they all have the same one."""
        doc = self.doc
        t = doc[h.start]
        word = fold(doc[h.start:h.end].text)
        titled = start < h.start
        ids = {e.actor_id for e in persons}
        for m in reversed(self.mentions):
            if m.actor.kind == "person" and m.actor.actor_id in ids and m.token_end <= h.start:
                a = m.actor
                self._emit(start, h.end, Actor(a.code, a.sector, a.name, a.actor_id, "person"), "coref", 0.85)
                return
        earlier = self.namesakes.get(word)
        if earlier is not None and earlier < h.start:
            self.deferred.update(range(h.start, h.end))
            return
        nxt = doc[h.end] if h.end < self.n else None
        if (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.is_alpha
                and self.sent_of[h.end] == self.sent_of[h.start]
                and all(s.derived for s in h.cands if s.entry.category == G.PERSON)):
            self.deferred.update(range(h.start, h.end))  # "Ali Hassan", "Mayor Luzhkov": a given name or a title
            return
        personal = office is not None or any(doc[k].lower_ in HONORIFICS for k in range(start, h.start)) \
            or (nxt is not None and nxt.lower_ in LEADER_HEADS) \
            or (t.text[:1].isupper() and t.tag_ in ("NNP", "NNPS") and (
                t.i > self.sent_bounds[self.sent_of[t.i]][0]
                or (nxt is not None and nxt.lemma_.lower() in SPEECH_AFTER_NAME)))
        # ("the Bush administration"; a capitalised name inside a sentence, or "Bush said ..." opening one)
        if word in self.r.plain_words and not personal and self.n > 3:
            return  # "Major said", "Rice prices": a word, until a title says otherwise
        if word in self.r.common_words and not titled and self.n > 3 and not (
                t.tag_ in ("NNP", "NNPS") and (t.ent_type_ == "PERSON" or t.i > self.sent_bounds[self.sent_of[t.i]][0]
                                               or (t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNP"
                                                   and word not in self.r.plain_words
                                                   and not any(c.dep_ == "det" for c in t.children)))):
            # a surname the lexicon also knows ("Castro") needs a personal context; a bare proper noun opening
            # the sentence as its subject is one ("Mitterrand and Kohl conferred"); ordinary words that are
            # also surnames ("Major", "Rice") are not read so
            return
        if len(h.categories()) > 1 and not titled and t.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC"):
            return  # e.g. "Jordan": leave it to the state reading
        pool = self._surname_pool(persons, office)
        derived = all(s.derived for s in h.cands if s.entry.category == G.PERSON and s.entry.actor_id in pool)
        rule = "fuzzy" if h.rule == "fuzzy" else ("title" if titled else ("surname" if derived else "alias"))
        if len(pool) != 1:
            codes = {e.code for rows in pool.values() for e in rows}
            code = codes.pop() if len(codes) == 1 else None
            self._emit(start, h.end, Actor(code, None, doc[h.start:h.end].text, None, "person"), "surname_ambiguous",
                       h.confidence * (0.5 if code else 0.3))
            return
        entry, in_term = self._pick_person(next(iter(pool.values())), office)
        if not in_term and derived and not titled and not former and office is None and self._foreign_to_article(entry):
            return  # "Lopez and Howard" in a Brooklyn crime story are no Venezuelan or Australian leaders of old
        if in_term and not former:
            self._emit(start, h.end, Actor(entry.code, entry.sector, entry.name, entry.actor_id, "person"), rule,
                       h.confidence * (0.9 if derived else 1.0))
        else:
            self._emit(start, h.end, Actor(entry.code, None, entry.name, entry.actor_id, "person"),
                       rule + ":out_of_term", h.confidence * 0.6)

    def _foreign_to_article(self, entry: Entry) -> bool:
        """An article of several sentences that names countries, none of them this person's: a bare surname of a
        leader out of office there is someone else's. A one-sentence text ("Kohl met Yeltsin in Moscow" dated
        2000) keeps the leader."""
        return len(self.sent_bounds) >= MIN_SENTENCES_FOREIGN and bool(self.named_codes) \
            and entry.code not in self.named_codes

    def _surname_pool(self, persons: list[Entry], office: str | None) -> dict[str, list[Entry]]:
        """The people a surname may name, by actor id: those in office on the article date, or everyone when
        none is; narrowed to the user's own entries, then to the office a title names ('Foreign Minister
        Ivanov'), when that leaves one."""
        by_id: dict[str, list[Entry]] = {}
        for e in persons:
            by_id.setdefault(e.actor_id, []).append(e)
        live = {k: v for k, v in by_id.items() if any(e.in_term(self.date) for e in v)}
        pool = live or by_id
        users = {k: v for k, v in pool.items() if any(e.user for e in v)}
        if users:
            pool = users
        if len(pool) > 1 and office:
            fit = {k: v for k, v in pool.items() if any(
                (e.office == office or (office == "top" and e.top)) and (not live or e.in_term(self.date)) for e in v)}
            if len(fit) == 1:
                pool = fit
        return pool

    def _ambiguous(self, persons: list[Entry]) -> bool:
        live = {e.actor_id for e in persons if e.in_term(self.date)}
        return len(live) > 1

    def _pick_person(self, persons: list[Entry], office: str | None) -> tuple[Entry, bool]:
        date = self.date
        live = [e for e in persons if e.in_term(date)]
        if live:
            def rank(e: Entry) -> tuple[int, int, int]:
                hint = 0 if office and (e.office == office or (office == "top" and e.top)) else 1
                return (0 if e.user else 1, hint, G.OFFICE_RANK.get("top" if e.top else (e.office or "other"), 9))

            return min(live, key=rank), True
        past = [e for e in persons if e.end and e.end < date]
        if past:
            return max(past, key=lambda e: e.end or ""), False
        return min(persons, key=lambda e: e.start or ""), False

    # -- states, organisations, places ----------------------------------------------------------
    def _non_person(self, h: Hit) -> None:
        doc = self.doc
        e = self.choose(h)
        cat = e.category
        conf = h.confidence
        rule_prefix = "fuzzy" if h.rule == "fuzzy" else None
        if cat == G.PERSON:
            return
        if cat == G.CITY:
            if self._inside_longer_name(h, ("ORG",)):  # "the Movement for ... of Biafra": the name wins
                self.deferred.update(range(h.start, h.end))
                return
            self._emit(h.start, h.end, Actor(e.place_code, None, e.name, e.actor_id, "unknown"),
                       rule_prefix or "place", conf, role="location")
            return
        if self._negated(h):
            if self._qualifier(h) is not None and e.place_code and cat != G.ADJECTIVE:  # "Moscow-based": a place
                self._emit(h.start, h.end, Actor(e.place_code, None, doc[h.start:h.end].text, e.actor_id, "unknown"),
                           rule_prefix or "place", conf, role="location")
            return  # "pro-Russian", "anti-Syria", "Russian-made": a stance or an origin, not the state
        if cat == G.GROUP:
            self._group(h, e, self.gz.group_codes.get(e.actor_id, ()))
            return
        if cat == G.ADJECTIVE and e.code and h.start > 0 and doc[h.start - 1].lower_ == "ethnic":
            self._group(h, e, (e.code,))  # "ethnic Albanians in Serbia": coded where they live
            return
        if cat in (G.ADJECTIVE, G.STATE) and e.code and self._place_phrase(h, e.code):
            return
        # "official Minsk", "official Washington"
        if cat in (G.CAPITAL, G.SEAT, G.STATE) and h.start > 0 and doc[h.start - 1].lower_ == "official":
            actor = self._metonym_actor(h, e)
            self._emit(h.start - 1, h.end, actor, rule_prefix or "metonym", conf)
            return
        code = e.code
        if cat == G.CAPITAL:
            seat = self.gz.org_seats.get(fold(doc[h.start:h.end].text))
        else:
            seat = None
        role = self._role_after(h.end)
        if role is None and code and cat == G.STATE and (org := self._state_named_org(h)) is not None:
            start, end = org  # "the Ghana Bar Association": an organisation of that state
            sector = (self._role_term(end - 1, end - 1) or (None, None))[0]
            self._emit(start, end, Actor(code, sector, doc[start:end].text, None, "org"), rule_prefix or "state_org",
                       conf * 0.8)
            return
        if role is None and code and cat in (G.ADJECTIVE, G.STATE) and (led := self._led_noun(h)) is not None:
            actor, _ = self._holder_actor(code, None, None)  # "the US-led coalition", "a Saudi-led alliance"
            self._emit(h.start, led, actor, rule_prefix or "led", conf * 0.9)
            return
        if role is None and cat in (G.ADJECTIVE, G.STATE):
            role = self._shared_role(h)
            if role is not None and code:
                actor, is_person = self._holder_actor(code, role[1], role[2])
                self._emit(h.start, h.end, actor, rule_prefix or "adjective_role", conf * 0.9)
                return
        if role is not None and code:
            r_end, sector, office = role
            if cat == G.CAPITAL and seat is not None:
                code = seat.code or code
            name_end = self._name_after(r_end) if office in OFFICES and cat in (G.ADJECTIVE, G.STATE) else None
            if name_end is not None:
                # "Kenyan Prime Minister Joseph Mwangi": a name the data does not know follows the title, so
                # the title describes that person, not whoever holds the office on the article date
                self._emit(h.start, name_end, Actor(code, sector, doc[r_end:name_end].text, None, "person"),
                           rule_prefix or "title", conf * 0.85)
                return
            actor, is_person = (self._holder_actor(code, sector, office) if cat != G.ORG
                                else self._org_role_actor(e, sector, office))
            if self._description(h.start, r_end, code):
                return
            rule = rule_prefix or ("adjective_role" if cat == G.ADJECTIVE else
                                   "title" if is_person else f"{'metonym' if cat in (G.CAPITAL, G.SEAT) else 'alias'}_role")
            self._emit(h.start, r_end, actor, rule, conf * (0.9 if is_person else 1.0))
            return
        if cat in (G.STATE, G.SEAT, G.CAPITAL, G.ADJECTIVE) and code and self._description(h.start, h.end, code):
            return
        if cat == G.ORG:
            if self._other_name(h):
                self.deferred.update(range(h.start, h.end))  # the longer name is left to the unlisted pass
                return
            self._emit(h.start, h.end, Actor(e.code, e.sector, e.name, e.actor_id, e.kind), rule_prefix or "alias",
                       conf)
            return
        if cat == G.ADJECTIVE and code in self.gz.states and (held := self._holding_after(h)) is not None:
            st = self.gz.states[code]  # "attacked Israeli positions": the state's military is the target
            self._emit(h.start, held, Actor(code, "MIL", st.name, st.actor_id, "state"), rule_prefix or "adjective_role",
                       conf * 0.8)
            return
        if cat == G.ADJECTIVE:
            t = doc[h.end - 1]
            nominal = t.pos_ in ("NOUN", "PROPN") or (t.dep_ in ACTOR_DEPS | {"pobj", "conj"} and t.dep_ != "amod")
            if t.dep_ in ("amod", "compound") and t.head.i > t.i:
                nominal = False
            if nominal or self.n <= 3:
                where = self._group_place(t, ("of",)) if nominal and t.lower_.endswith("s") else None
                if where is None and nominal and t.lower_.endswith("s"):
                    where = self._possessive_state(t)  # "Croatia's Serbs", "Iraq's Kurds"
                if where is not None and where != code:  # "the Albanians of southern Serbia" -> SRB
                    st = self.gz.states.get(where)
                    self._emit(h.start, h.end, Actor(where, None, st.name if st else None,
                                                     st.actor_id if st else None, "group"), "group_place", conf * 0.7)
                    return
                st = self.gz.states.get(code or "")
                self._emit(h.start, h.end, Actor(code, None, st.name if st else e.name, e.actor_id, "group"),
                           rule_prefix or "demonym", conf * 0.9)
            return
        if cat == G.STATE:
            role_kind = self._place_role(h.start, h.end, capital=False)
            self._emit(h.start, h.end, Actor(code, None, e.name, e.actor_id, "state"), rule_prefix or "alias", conf,
                       role=role_kind)
            return
        # capitals and seats of power
        role_kind = self._place_role(h.start, h.end, capital=(cat == G.CAPITAL))
        if cat == G.SEAT and self.doc[h.start:h.end].root.dep_ != "pobj":
            role_kind = "actor"
        if role_kind == "actor":
            self._emit(h.start, h.end, self._metonym_actor(h, e), rule_prefix or ("metonym" if cat == G.SEAT
                                                                                   else "capital"), conf * 0.95)
        else:
            self._emit(h.start, h.end, Actor(e.place_code, None, doc[h.start:h.end].text, e.actor_id, "unknown"),
                       rule_prefix or ("metonym" if cat == G.SEAT else "capital"), conf, role="location")

    def _surname_in_person(self, h: Hit) -> bool:
        """Is the hit a country's name ending a person's name the tagger found, after a given name ("Washington's
        Eddie Jordan", "Michael Jordan")? Then it is a surname, not the state."""
        if G.STATE not in h.categories() or G.PERSON in h.categories():
            return False
        ent = next((e for e in self.doc.ents if e.start <= h.start < e.end), None)
        if ent is None or ent.label_ != "PERSON" or ent.end != h.end or ent.start >= h.start:
            return False
        prev = self.doc[h.start - 1]
        return prev.is_alpha and prev.text[:1].isupper() and prev.lower_ not in HONORIFICS \
            and prev.lower_ not in self.gz.roles

    def _other_name(self, h: Hit) -> bool:
        """An organisation named by an ordinary word ('the Commonwealth') that begins a longer name of something
        else: 'the Commonwealth of Massachusetts', 'the Commonwealth Games' (an event, not the organisation)."""
        doc = self.doc
        words = [t for t in doc[h.start:h.end] if t.lower_ != "the"]
        if len(words) != 1 or words[0].lower_ not in self.r.common_words:
            return False
        if h.end + 1 < self.n and doc[h.end].lower_ == "of" and doc[h.end + 1].text[:1].isupper():
            return True
        return self._inside_longer_name(h, ("EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"))

    def _possessive_state(self, t: Any) -> str | None:
        """The state or place named by a possessive on ``t`` ("Croatia's Serbs"), or None."""
        for c in t.children:
            if c.dep_ != "poss":
                continue
            ph = self.hit_at.get(c.i)
            if ph is None or self._negated(ph):
                continue
            e = self.choose(ph)
            if e.category in (G.STATE, G.CITY, G.CAPITAL) and (e.place_code or e.code):
                return e.place_code or e.code
        return None

    def _inside_longer_name(self, h: Hit, labels: tuple[str, ...] | None = None) -> bool:
        """A group word that is part of a longer proper name spaCy found ('Islamic Salvation Front')."""
        t = self.doc[h.start]
        if not t.ent_type_ or t.ent_type_ in ("NORP", "GPE", "LOC", "PERSON", "DATE", "CARDINAL"):
            return False
        if labels is not None and t.ent_type_ not in labels:
            return False
        for ent in self.doc.ents:
            if ent.start <= h.start and h.end <= ent.end:
                return ent.end - ent.start > h.end - h.start
        return False

    def _group(self, h: Hit, e: Entry, candidates: tuple[str, ...]) -> None:
        """An ethnic, tribal or religious group ('Yoruba leaders', 'ethnic Albanians in Serbia', 'Kurdish rebels').

        CAMEO/PLOVER code a group by the country it lives in: a place attached to the group wins
        ('in/of <place>', or 'in <place>' on the verb it is the subject of), then the group's only
        country, then the one candidate (or, for religions, the one state) the sentence names.
        """
        doc = self.doc
        if self._inside_longer_name(h):
            self.deferred.update(range(h.start, h.end))
            return
        t = doc[h.end - 1]
        role = self._role_after(h.end)
        if role is None and t.dep_ in ("amod", "compound") and t.head.i > t.i:
            # "Tamil civilian refugees": the head noun is not a role noun we know; still the group's noun
            if t.head.pos_ not in ("NOUN", "PROPN"):
                return
        start = h.start - 1 if h.start > 0 and doc[h.start - 1].lower_ == "ethnic" else h.start
        end = role[0] if role else h.end
        sector = role[1] if role and role[2] not in OFFICES else None
        nat = self._nationality_before(start)
        if nat is not None:  # "Iraqi Kurds", "Rwandan Hutu refugees": the nationality says where they are
            n_start, n_code = nat
            st = self.gz.states.get(n_code)
            self._emit(n_start, end, Actor(n_code, sector, st.name if st else e.name, e.actor_id, "group"),
                       "group_place", 0.75 * h.confidence)
            return
        head = doc[start:end].root
        if doc[end - 1].lower_ in SETTLER_WORDS and len(candidates) == 1:
            # "Jewish settlers living in Gaza": coded by the state they come from, not the place they settled
            sector = sector or (self._role_term(end - 1, end - 1) or (None, None))[0]
            st = self.gz.states.get(candidates[0])
            self._emit(start, end, Actor(candidates[0], sector, st.name if st else e.name, e.actor_id, "group"),
                       h.rule if h.rule == "fuzzy" else "group", 0.75 * h.confidence)
            return
        code = self._group_place(head, GROUP_PLACE_PREPS, on_verb=start < h.start or len(candidates) != 1)
        if code is None and role is None and t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN" \
                and 0 < t.head.i - t.i <= 2:
            # "Kurdish clans of Kirkuk": the place hangs on the noun the group word qualifies
            code = self._group_place(t.head, GROUP_PLACE_PREPS, on_verb=start < h.start or len(candidates) != 1)
        rule, conf = "group_place", 0.7
        if code is None and len(candidates) == 1:
            code, rule, conf = candidates[0], "group", 0.75
        if code is None and len(candidates) > 1 and sector == "REB" and not self._sentence_codes(h.start):
            # "Tamil rebels", "Kurdish guerrillas" with no place named: the insurgency the data lists first
            code, rule, conf = candidates[0], "group", 0.5
        if code is None:
            named = self._sentence_codes(h.start)
            pick = [c for c in candidates if c in named] if candidates else sorted(named)
            if len(pick) == 1:
                code, rule, conf = pick[0], "group_context", 0.5
            else:
                rule, conf = "group", 0.3
        st = self.gz.states.get(code or "")
        self._emit(start, end, Actor(code, sector, e.name if code is None or st is None else st.name,
                                     e.actor_id, "group"), h.rule if h.rule == "fuzzy" else rule, conf * h.confidence)

    def _nationality_before(self, start: int) -> tuple[int, str] | None:
        """(start, code) of a state adjective or name right before token ``start`` that no rule has used."""
        if start == 0 or self.consumed[start - 1]:
            return None
        ph = self.hit_at.get(start - 1)
        if ph is None or ph.end != start or self._negated(ph):
            return None
        e = self.choose(ph)
        if e.category not in (G.ADJECTIVE, G.STATE) or not e.code or e.code not in self.gz.states:
            return None
        return ph.start, e.code

    def _place_code_in(self, tok: Any) -> str | None:
        """The country of the place named in the subtree of ``tok`` (a state, capital, city or region)."""
        for t in tok.subtree:
            h = self.hit_at.get(t.i)
            if h is None or self._negated(h):
                continue
            e = self.choose(h)
            if e.category in (G.STATE, G.CAPITAL, G.CITY, G.SEAT, G.ADJECTIVE) and (e.place_code or e.code):
                if e.category == G.ADJECTIVE and t.head.lemma_.lower() not in PLACE_NOUNS:
                    continue  # "in the Serbian capital" yes, "in Serbian hands" no
                if e.category == G.CAPITAL and fold(self.doc[h.start:h.end].text) in self.gz.org_seats:
                    continue
                return e.place_code or e.code
        return None

    def _group_place(self, head: Any, preps: tuple[str, ...], on_verb: bool = False) -> str | None:
        """Where a group is: 'Albanians of southern Serbia', 'guerrillas operating in Macedonia', and, when
        the group is the subject, 'ethnic Albanians demonstrated ... in Serbia'."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj" and (code := self._place_code_in(p)):
                        return code
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("in", "inside", "within"):
                        for q in p.children:
                            if q.dep_ == "pobj" and (code := self._place_code_in(q)):
                                return code
        if on_verb and head.dep_ in ("nsubj", "nsubjpass"):
            for p in head.head.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "inside", "within") and p.i > head.i:
                    for q in p.children:
                        if q.dep_ == "pobj" and (code := self._place_code_in(q)):
                            return code
        return None

    def _place_phrase(self, h: Hit, code: str) -> bool:
        """'the Bosnian town of Gorazde', 'the autonomous Azerbaijani republic of Nakhichevan': a place of
        that country (a location mention with its code), not a nationality or an actor."""
        doc = self.doc
        t = doc[h.end - 1]
        noun = t.head
        if t.dep_ not in ("amod", "compound") or noun.i <= t.i or noun.i - t.i > 3:
            return False
        if noun.lemma_.lower() not in PLACE_NOUNS or noun.pos_ != "NOUN":
            return False
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not of:
            return False
        pobj = [c for c in of[0].children if c.dep_ == "pobj"]
        if not pobj or not pobj[0].text[:1].isupper():
            return False
        end = max(x.i for x in pobj[0].subtree) + 1
        if any(self.consumed[h.start:end]) or self.sent_of[end - 1] != self.sent_of[h.start]:
            return False
        st = self.gz.states.get(code)
        self._emit(h.start, end, Actor(code, None, doc[h.start:end].text, st.actor_id if st else None, "unknown"),
                   "place_adjective", 0.8, role="location")
        return True

    def _metonym_actor(self, h: Hit, e: Entry) -> Actor:
        seat = self.gz.org_seats.get(fold(self.doc[h.start:h.end].text)) if e.category == G.CAPITAL else None
        if seat is not None:
            return Actor(seat.code, seat.sector, seat.name, seat.actor_id, seat.kind)
        if e.category == G.STATE:
            return Actor(e.code, "GOV", e.name, e.actor_id, "state")
        return Actor(e.code, e.sector or "GOV", e.name, e.actor_id, "state")

    def _org_role_actor(self, e: Entry, sector: str | None, office: str | None) -> tuple[Actor, bool]:
        if office in OFFICES and e.code:
            holder = self.gz.holder(e.code, "sg" if office in ("top", "hos") else office, self.date)
            if holder is not None:
                return Actor(holder.code, holder.sector, holder.name, holder.actor_id, "person"), True
        return Actor(e.code, sector or e.sector, e.name, e.actor_id, e.kind), False

    # -- leftovers ---------------------------------------------------------------------------------
    def _negated(self, h: Hit) -> bool:
        """'pro-Russian', 'anti-Western': the adjective names a stance, not a nationality."""
        doc = self.doc
        prev = doc[h.start - 1].lower_ if h.start > 0 else ""
        prev2 = doc[h.start - 2].lower_ if h.start > 1 else ""
        if self._qualifier(h) is not None:
            return True  # "Russian-made rockets", "a Moscow-based analyst": an origin, not the actor
        return (prev == "-" and prev2 in ("pro", "anti", "non")) or prev in ("pro", "anti")

    def _qualifier(self, h: Hit) -> str | None:
        """'based' in 'Moscow-based', 'made' in 'Russian-made': a hyphenated word that makes the name a
        qualifier of what follows."""
        doc = self.doc
        if h.end + 1 < self.n and doc[h.end].text in ("-", "–") and doc[h.end + 1].lower_ in QUALIFIER_WORDS:
            return doc[h.end + 1].lower_
        return None

    def _context_code(self, root: Any, preps: tuple[str, ...] = ("of", "from"), orgs: bool = False,
                      places: bool = False) -> str | None:
        """A country named inside a noun phrase: 'Serbian columnist X', 'X, a Serbian analyst', 'X of Serbia'.

        ``orgs``: an organisation in the phrase gives its code ('Arab League Secretary-General X');
        ``places``: so does a city or capital ('militias in Tripoli', 'police in Basra').
        """
        stack = list(root.children)
        if root.dep_ in ("compound", "appos") and root.head.pos_ in ("NOUN", "PROPN"):
            stack.append(root.head)
        seen = 0
        org_code: str | None = None
        while stack and seen < 30:
            t = stack.pop()
            seen += 1
            if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj"):
                continue
            if t.dep_ == "prep" and t.lower_ not in preps:
                continue
            h = self.hit_at.get(t.i)
            if h is not None and not self._negated(h):
                e = self.choose(h)
                if e.category in (G.ADJECTIVE, G.STATE) and e.code:
                    return e.code
                if orgs and e.category == G.ORG and e.code and t.i < root.i:
                    org_code = org_code or e.code  # a state in the phrase still wins ("Iraq's al-Qaeda frontman")
                if places and e.category in (G.CITY, G.CAPITAL) and e.place_code and t.dep_ == "pobj":
                    return e.place_code
            stack.extend(t.children)
        return org_code

    def _sector_near(self, start: int, root: Any) -> str | None:
        """Sector from a role noun right before a name or in its apposition ('columnist X')."""
        k = start - 1
        if k >= 2 and self.doc[k - 1].text in ("-", "‑") and self.sent_of[k - 2] == self.sent_of[start]:
            hyphenated = f"{self.doc[k - 2].lower_}-{self.doc[k].lower_}"  # "Secretary-General X" is no general
            if hyphenated in self.gz.roles:
                return self.gz.roles[hyphenated][0]
        for k in (start - 1, start - 2):
            if k >= 0 and self.sent_of[k] == self.sent_of[start]:
                role = self._role_term(k, k)
                if role is not None and role[0]:
                    return role[0]
        for c in root.children:
            if c.dep_ == "appos":
                role = self._role_term(c.i, c.i)
                if role is not None and role[0]:
                    return role[0]
        if root.dep_ == "appos":
            role = self._role_term(root.head.i, root.head.i)
            if role is not None and role[0]:
                return role[0]
        return None

    def _sentence_codes(self, tok: int) -> set[str]:
        """The states the sentence of ``tok`` names: by name, adjective, capital, city, or a state's person."""
        lo, hi = self.sent_bounds[self.sent_of[tok]]
        codes = set()
        for h in {id(h): h for t in range(lo, hi) if (h := self.hit_at.get(t)) is not None}.values():
            e = self.choose(h)
            if e.category in (G.STATE, G.ADJECTIVE, G.CAPITAL, G.CITY) and e.code and not self._negated(h):
                nxt = self.doc[h.end] if h.end < self.n else None
                if nxt is not None and (nxt.text == "$" or nxt.lemma_.lower() == "dollar"):
                    continue  # "US $50 million" names a currency
                codes.add(e.place_code or e.code)
        for m in self.mentions:
            if (m.sent_idx == self.sent_of[tok] and m.actor.kind == "person" and m.actor.code in self.gz.states
                    and m.role == "actor" and "out_of_term" not in m.rule and m.rule != "coref"):
                codes.add(m.actor.code)
        return codes

    def _domestic_org_code(self, tok: int) -> str | None:
        """The one country of the national organisations a sentence that names no state mentions: 'President X
        ordered a crackdown on the Shining Path' is about Peru."""
        lo, hi = self.sent_bounds[self.sent_of[tok]]
        codes = {m.actor.code for m in self.mentions if lo <= m.token_start < hi and m.role == "actor"
                 and m.actor.kind in ("org", "group") and m.actor.code in self.gz.states}
        return codes.pop() if len(codes) == 1 else None

    def _sentence_code(self, tok: int) -> str | None:
        """The one state the sentence names, if it names exactly one ('President X ... in Sudan')."""
        codes = self._sentence_codes(tok)
        return codes.pop() if len(codes) == 1 else None

    def _surnames(self) -> dict[str, tuple[int, Actor]]:
        """Surname -> (token after the first full-name mention, actor) for people found so far."""
        out: dict[str, tuple[int, Actor]] = {}
        for m in sorted(self.mentions, key=lambda m: m.token_start):
            if m.actor.kind != "person" or m.rule == "coref":
                continue
            last = self.doc[m.token_end - 1]
            if m.token_end - m.token_start >= 2 and last.text[:1].isupper() and len(last.text) >= 3:
                out.setdefault(last.text, (m.token_end, m.actor))
        return out

    def _looks_like_person(self, ent: Any) -> bool:
        """spaCy sometimes calls 'Nikola Mikovich' an ORG; a person noun right before it says otherwise."""
        if ent.label_ not in ("ORG", "GPE", "NORP") or not all(t.pos_ == "PROPN" for t in ent):
            return False
        k = ent.start - 1
        return k >= 0 and (self.doc[k].lower_ in PERSON_NOUNS or self.doc[k].lower_ in HONORIFICS)

    def _non_actor(self, ent: Any) -> bool:
        """Documents, agreements and abstract nouns spaCy calls ORG ('an MOU', 'the Cessation of Hostilities')."""
        words = [t for t in ent if t.dep_ != "det" and t.lower_ != "the"]
        if not words:
            return True
        if ent.text in NON_ACTOR_ACRONYMS or ent.text.strip("()") in NON_ACTOR_ACRONYMS:
            return True
        return ent.root.lower_ in NON_ACTOR_HEADS or words[0].lower_ in NON_ACTOR_HEADS

    def _role_entity(self, ent: Any) -> bool:
        """'Farmers', 'Security forces', 'the ministry of finance': a role noun spaCy took for a name.
        Left to the role-noun pass, which gives it a sector."""
        lo = self.sent_bounds[self.sent_of[ent.start]][0]
        if not all(t.text.islower() or t.i == lo or t.dep_ == "det" or not t.is_alpha for t in ent):
            return False
        return self._role_term(ent.root.i, ent.root.i) is not None or (
            len(ent) >= 2 and self._role_term(ent.root.i - 1, ent.root.i) is not None)

    def _abbreviation(self, start: int, end: int) -> Mention | None:
        """'the Movement for ... of Biafra (MASSOB)': an abbreviation in parentheses right after a resolved
        organisation or group stands for it."""
        doc = self.doc
        if start < 2 or end >= self.n or doc[start - 1].text != "(" or doc[end].text != ")":
            return None
        text = doc[start:end].text
        if not (2 <= len(text) <= 12 and sum(c.isupper() for c in text) >= 2 and " " not in text):
            return None
        for m in self.mentions:
            if m.token_end == start - 1 and m.role == "actor" and m.actor.kind != "person":
                return m
        return None

    def _extend_name(self, start: int, end: int) -> int:
        """'Hans Van den Broek', 'Osama bin Laden', 'Abdullah al-Hashimi': particles continue a name."""
        doc = self.doc
        e = end
        k = end
        if doc[end - 1].lower_ in NAME_PARTICLES:
            k = end - 1
        while k < self.n and (doc[k].lower_ in NAME_PARTICLES or doc[k].text in ("-", "‑")) and k - start < 8:
            k += 1
            if k < self.n and doc[k].text[:1].isupper() and doc[k].is_alpha and doc[k].lower_ not in NAME_PARTICLES:
                e = k + 1
                k = e
        return max(e, end)

    def _place_frames(self) -> None:
        """'near the town of Samarra', 'the Medyka and Dorohusk crossings': proper nouns in a place frame are
        places even when no list knows them; the country comes from the frame or the sentence."""
        doc = self.doc
        i = 0
        while i < self.n:
            t = doc[i]
            if self.consumed[i] or i in self.hit_at or t.pos_ != "PROPN" or not t.text[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < self.n and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper() and not (
                    self.consumed[j + 1] or j + 1 in self.hit_at):
                j += 1
            code: str | None = None
            place = False
            if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in PLACE_OF_NOUNS and \
                    doc[i - 2].pos_ == "NOUN":
                place = True
                noun = doc[i - 2]
                for c in noun.children:
                    h = self.hit_at.get(c.i)
                    if c.dep_ in ("amod", "compound", "nmod") and h is not None and not self._negated(h):
                        e = self.choose(h)
                        if e.category in (G.ADJECTIVE, G.STATE) and e.code:
                            code = e.code
            else:
                k = j + 1
                while k < self.n and k - j < 8 and (doc[k].lower_ in ("and", "or", ",") or (
                        doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper())):
                    k += 1
                place = k < self.n and doc[k].lower_ in PLACE_AFTER_NOUNS and doc[k].text.islower() and (
                    k == j + 1 or doc[j + 1].lower_ in ("and", "or", ","))
            if place:
                if code is None:
                    code = self._sentence_code(i)
                self._emit(i, j + 1, Actor(code, None, doc[i:j + 1].text, None, "unknown"), "place_frame",
                           0.5 if code else 0.4, role="location")
            i = j + 1

    def _after_place_preposition(self, start: int) -> bool:
        """Does a locative preposition ("in", "near", "off" ...) stand right before this token, past a direction
        word or "the" ("in western Galilee", "off the Spratlys")?"""
        k = start - 1
        while k >= 0 and self.doc[k].lower_ in DIRECTION_WORDS | {"the"}:
            k -= 1
        return k >= 0 and self.doc[k].lower_ in PLACE_PREPOSITIONS

    def _unlisted_entities(self) -> None:
        from spacy.tokens import Span

        surnames = self._surnames()
        for ent in self.doc.ents:
            while len(ent) > 1 and ent[-1].is_punct:  # "the Movement for the Survival of the Ogoni People (" + "MOSOP)"
                ent = Span(self.doc, ent.start, ent.end - 1, label=ent.label_)
            if any(self.consumed[ent.start:ent.end]) or any(
                    t in self.hit_at and t not in self.deferred for t in range(ent.start, ent.end)):
                continue
            if ent.text in self.abbrevs:  # a later use of an abbreviation defined in parentheses
                self._emit_abbreviation(ent.start, ent.end, self.abbrevs[ent.text], 0.6)
                continue
            if (owner := self._abbreviation(ent.start, ent.end)) is not None:
                self.abbrevs[ent.text] = owner.actor
                self._emit_abbreviation(ent.start, ent.end, owner.actor, owner.confidence)
                continue
            if ent.label_ in ("ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT") and (
                    self._non_actor(ent) or self._role_entity(ent)):
                continue
            label = "PERSON" if self._looks_like_person(ent) else ent.label_
            if label == "PERSON" and (self._after_place_preposition(ent.start) or (
                    len(ent) > 1 and ent[0].lower_ in PLACE_PREPOSITIONS)):
                # "towns in western Galilee", "off the Spratlys", "near Yongbyon": a place, not a person; so is a
                # name the tagger ran into a capitalised preposition opening the sentence ("Near Ar Raqqah, ...")
                label = "LOC"
            if label == "PERSON" and len(ent) == 1 and ent.start == self.sent_bounds[self.sent_of[ent.start]][0] \
                    and ent.end < self.n and self._role_term(ent.start, ent.end) is not None:
                continue  # "Riot police fired...": a capital only because it starts the sentence; a role noun
            if label == "PERSON":
                end = self._extend_name(ent.start, ent.end)
                if end > ent.end and not any(self.consumed[ent.end:end]):
                    ent = self.doc[ent.start:end]
            if label == "PERSON" and len(ent) == 1 and ent.text in surnames and surnames[ent.text][0] <= ent.start:
                a = surnames[ent.text][1]
                self._emit(ent.start, ent.end, Actor(a.code, a.sector, a.name, a.actor_id, "person"), "coref", 0.8)
                continue
            if label == "PERSON":
                code = self._context_code(ent.root, orgs=True)
                sector = self._sector_near(ent.start, ent.root)
                if code is None and sector in STATE_SECTORS:
                    code = self._sentence_code(ent.start)
                    if code is None and not self._sentence_codes(ent.start):
                        code = self._domestic_org_code(ent.start)
                m = self._emit(ent.start, ent.end, Actor(code, sector, ent.text, None, "person"), "person_unlisted",
                               0.6 if code else 0.5)
                if len(ent) >= 2 and len(ent[-1].text) >= 3:
                    surnames.setdefault(ent[-1].text, (ent.end, m.actor))
            elif label == "ORG":
                code = self._context_code(ent.root)
                domestic = not INTERNATIONAL_WORDS.intersection(t.lower_ for t in ent)
                if code is None and domestic:  # "the Foreign Ministry in Beijing": the place the phrase names
                    code = self._context_code(ent.root, ("of", "from", "in"), places=True)
                conf = 0.4
                if code is None and domestic:
                    # a domestic organisation is coded with its country: 'ban on Islamic Salvation Front'
                    code, conf = self._sentence_code(ent.start), 0.35
                self._emit(ent.start, ent.end, Actor(code, None, ent.text, None, "org"), "org_unlisted", conf)
            elif label == "NORP":
                self._emit(ent.start, ent.end, Actor(None, None, ent.text, None, "group"), "group_unlisted", 0.3)
            elif label in ("GPE", "LOC", "FAC") and ent.text[:1].isupper():
                code = self._context_code(ent.root)
                self._emit(ent.start, ent.end, Actor(code, None, ent.text, None, "unknown"), "place_unlisted", 0.3,
                           role="location")
        self._untagged_abbreviations()

    def _emit_abbreviation(self, start: int, end: int, a: Actor, conf: float) -> None:
        """An abbreviation stands for the organisation it was defined for: a copy of that actor."""
        self._emit(start, end, Actor(a.code, a.sector, a.name, a.actor_id, a.kind), "abbreviation", conf)

    def _untagged_abbreviations(self) -> None:
        """An abbreviation the tagger did not mark as a name ("... the Ogoni People (MOSOP) ... MOSOP said"): defined
        in parentheses after an organisation, it stands for it there and wherever it comes back."""
        doc = self.doc
        for i in range(1, self.n - 1):
            if self.consumed[i] or doc[i - 1].text != "(" or doc[i + 1].text != ")":
                continue
            owner = self._abbreviation(i, i + 1)
            if owner is not None and doc[i].text not in self.abbrevs:
                self.abbrevs[doc[i].text] = owner.actor
                self._emit_abbreviation(i, i + 1, owner.actor, owner.confidence)
        for t in doc:
            if not self.consumed[t.i] and t.text in self.abbrevs:
                self._emit_abbreviation(t.i, t.i + 1, self.abbrevs[t.text], 0.6)

    def _role_nouns(self) -> None:
        """Bare role nouns as subjects or objects ('police fired', 'the rebels said', 'thousands of students
        staged'): a sector, and a country when the phrase, the possessor, or the place of the verb gives one."""
        doc = self.doc
        for t in doc:
            if self.consumed[t.i] or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue
            if t.pos_ != "NOUN" and not (t.pos_ == "PROPN" and t.i == self.sent_bounds[self.sent_of[t.i]][0]):
                continue  # a capital only because it starts the sentence ("Farmers protested")
            subject = t
            if t.dep_ == "pobj":
                prep = t.head
                if prep.lower_ == "of" and (prep.head.lower_ in QUANTITY_NOUNS or prep.head.pos_ == "NUM"):
                    subject = prep.head  # "thousands of college students ..."
                elif prep.lower_ not in ("by", "against", "with", "between", "to"):
                    continue
            first = t.i
            for left in t.lefts:
                if left.dep_ in ("compound", "amod") and not self.consumed[left.i] and left.i < first and not (
                        left.lower_ in QUALIFIER_WORDS and left.i > 0 and doc[left.i - 1].text in ("-", "–")):
                    first = left.i
                    # "human rights group": a modifier's own modifiers belong to the phrase
                    while first - 1 >= left.left_edge.i and doc[first - 1].dep_ in ("compound", "amod") \
                            and not self.consumed[first - 1]:
                        first -= 1
            role, single = None, False
            for k in range(first, t.i):
                role = self._role_term(k, t.i)
                if role is not None:
                    break
            if role is None:
                role, single = self._role_term(t.i, t.i), True
            if t.dep_ == "pobj" and t.head.lower_ == "to" and (role is None or t.head.head.pos_ != "VERB"):
                continue  # "aid to refugees", not "according to a press release" or "condolences to the families"
            if role is None and t.lemma_.lower() not in NOT_ACTOR_NOUNS:  # "police sources", not "army post"
                for left in t.lefts:
                    if left.dep_ == "compound" and not self.consumed[left.i]:
                        role = self._role_term(left.i, left.i)
                        if role:
                            break
            if role is None or not role[0]:
                continue
            if single and any(x.lower_ in ("joint", "combined", "bilateral", "multinational") for x in t.lefts):
                continue  # "conducted joint patrols": a joint activity, not a unit of one army
            if single:  # "student leaders", "rebel commanders": the modifier's sector, a group
                for left in t.lefts:
                    mod = self._role_term(left.i, left.i) if left.dep_ in ("compound", "amod") else None
                    if mod is not None and mod[0] and mod[0] != "GOV" and (role[1] in OFFICES or role[0] == "GOV"):
                        role, single = (mod[0], None), False
                        break
            lem = t.lemma_.lower()
            vague = single and (t.lower_ in VAGUE_ROLES or (lem in VAGUE_ROLES and lem not in PLURAL_OK_ROLES))
            if vague and lem not in VAGUE_WITH_COUNTRY and t.lower_ not in VAGUE_WITH_COUNTRY:
                continue
            end = t.i + 1
            # "the ministry of finance": a lower-case 'of' complement belongs to the name
            if (end + 1 < self.n and doc[end].lower_ == "of" and doc[end + 1].pos_ in ("NOUN", "PROPN")
                    and doc[end + 1].text.islower() and not self.consumed[end + 1]):
                end += 2
            weapon = role[0] == "MIL" and is_weapon(t) and not foreign_force(t)
            foreign = role[0] == "MIL" and (foreign_force(t) or weapon)
            # ("Coalition aircraft", "foreign troops in Afghanistan", "drones hit a market in Aleppo": where they act
            # says nothing of whose they are)
            group = self._armed_group_named_before(t) if role[0] == "REB" else None
            code = self._context_code(t, ("of", "from") if foreign or group else ("of", "from", "in", "throughout",
                                                                                   "across"),
                                      places=not (foreign or group))
            if code is None and group is not None:
                # "ISIL has seized Tharthar ... militants shot dead three women south of Mosul": the fighters are the
                # armed group the article named, not the state where they fight
                code, rule_group = group, True
            else:
                rule_group = False
            if code is None and not foreign:
                code = self._fled_from(t)
            if code is None:
                code = self._possessor_code(t)
            if code is None and subject.dep_ in ("nsubj", "nsubjpass", "dobj") and not foreign:
                code = self._verb_place(subject)  # "police beat demonstrators in Belgrade"
            rule = "role_noun_armed_group" if rule_group else "role_noun"
            if code is None and role[0] == "MIL" and (weapon or not foreign):
                code = self._force_named_before(t)  # ("Russian forces pushed on. Drones attacked ...")
                rule = "role_noun_earlier_force" if code else rule
            if code is None and (vague or role[0] in STATE_SECTORS) and not foreign:
                code = self._lone_state(t.i)
                rule = "role_noun_context" if code else rule
            if vague and code is None:
                continue
            if code is None and t.dep_ == "pobj" and t.head.lower_ == "to":
                continue  # "aid to refugees" is worth a mention when it says whose; "condolences to the families" is not
            kind = "state" if role[0] in STATE_SECTORS and lem in VAGUE_WITH_COUNTRY else "group"
            if role[0] in NGO_SECTORS and lem in ORG_NOUNS:
                kind = "ngo"  # "a human rights group", "an aid agency": a non-governmental organisation
            st = self.gz.states.get(code or "")
            self._emit(first, end, Actor(code, role[0], st.name if st else None, st.actor_id if st else None, kind),
                       rule, 0.6 if code else 0.45)

    def _possessor_code(self, t: Any) -> str | None:
        """'Zoran Djindjic's opposition coalition', 'Serbia's army', 'the government of President X': the
        possessor's country (an 'of' phrase counts when it names an actor already resolved, a person too)."""
        owners = [c for c in t.children if c.dep_ == "poss"]
        owners += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == t.i + 1
                   for g in c.children if g.dep_ == "pobj"]
        for c in owners:
            for m in self.mentions:
                if m.token_start <= c.i < m.token_end and m.actor.code and (
                        m.role == "actor" or (c.dep_ == "poss" and m.actor.code in self.gz.states)):
                    return m.actor.code  # "Chechnya's rebel president": a place's possessive counts too
            if c.lower_ == "its" and c.dep_ == "poss":
                # "Russia's capacity to hold the city ... while its forces advanced": "its" is the nearest state or
                # organisation named before it in the sentence
                sent = self.sent_of[c.i]
                before = [m for m in self.mentions if m.sent_idx == sent and m.token_end <= c.i and m.role == "actor"
                          and m.actor.code and m.actor.kind in ("state", "igo", "org")]
                if before:
                    return max(before, key=lambda m: m.token_end).actor.code
        return None

    def _fled_from(self, t: Any) -> str | None:
        """'villagers who fled the floods in Chad', 'refugees escaping from Somalia': people are coded by the
        country they fled, named in a participle or relative clause on the noun."""
        for c in t.children:
            if c.dep_ not in ("acl", "relcl") or c.lemma_.lower() not in FLEE_VERBS:
                continue
            for q in c.subtree:
                if q.dep_ == "pobj" and q.head.lower_ in ("from", "in", "of") and (code := self._place_code_in(q)):
                    return code
                if q.dep_ == "dobj" and q.head.i == c.i and (code := self._place_code_in(q)):
                    return code  # "refugees fleeing Burundi"
        return None

    def _verb_place(self, subj: Any) -> str | None:
        """'Workers went on strike in Germany': the place of the verb the role noun is the subject of."""
        for p in subj.head.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "inside", "within", "throughout", "across") and p.i > subj.i:
                for q in p.children:
                    if q.dep_ == "pobj" and (code := self._place_code_in(q)):
                        return code
        return None

    def _lone_state(self, tok: int) -> str | None:
        """The only state the sentence names, unless it is there as the counterpart of an action
        ('the government accused Russia' must not make a Russian government)."""
        code = self._sentence_code(tok)
        if code is None:
            return None
        sent = self.sent_of[tok]
        for m in self.mentions:
            if m.sent_idx != sent or m.actor.code != code or m.role != "actor" or m.actor.kind == "person" \
                    or m.rule == "state_org":  # a national body ("the Uganda Human Rights Commission") is no counterpart
                continue
            root = self.doc[m.token_start:m.token_end].root
            if root.dep_ in ("dobj", "dative", "iobj", "nsubj", "nsubjpass", "conj"):
                return None
            if root.dep_ == "pobj" and root.head.lower_ in COUNTRY_ACTOR_PREPS - {"of"}:
                return None
        return code

    def _coref(self) -> None:
        """Surnames after a full name, and subject 'he'/'she' back to the last person subject."""
        doc = self.doc
        people = sorted((m for m in self.mentions if m.actor.kind == "person"), key=lambda m: m.token_start)
        surname_first = self._surnames()
        new: list[Mention] = []
        for t in doc:
            if self.consumed[t.i]:
                continue
            if t.text in surname_first and t.i >= surname_first[t.text][0] and t.tag_ in ("NNP", "NNPS"):
                a = surname_first[t.text][1]
                new.append(self._emit(t.i, t.i + 1, Actor(a.code, a.sector, a.name, a.actor_id, "person"), "coref",
                                      0.8))
        people = sorted([*people, *new], key=lambda m: m.token_start)
        for t in doc:
            if self.consumed[t.i] or t.lower_ not in PERSON_PRONOUNS or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            want = "m" if t.lower_ == "he" else "f"
            before = [m for m in people if m.token_end <= t.i and self.sent_of[t.i] - m.sent_idx <= 2
                      and self._gender(m) in (want, None)]
            if not before:
                continue
            subjects = [m for m in before if doc[m.token_start:m.token_end].root.dep_ in ("nsubj", "nsubjpass")]
            m = (subjects or before)[-1]
            a = m.actor
            self._emit(t.i, t.i + 1, Actor(a.code, a.sector, a.name, a.actor_id, "person"), "coref",
                       0.6 if subjects else 0.45)
        self._coref_it_they()
        self._coref_the_bloc()

    def _gender(self, m: Mention) -> str | None:
        """'m'/'f' from the leaders data, or from an honorific or title before the name; None when unknown."""
        g = self.gz.genders.get(m.actor.actor_id or "")
        if g is not None:
            return g
        for k in range(max(m.token_start - 1, 0), min(m.token_end, m.token_start + 3)):
            low = self.doc[k].lower_.rstrip(".")
            if low in ("mr", "sir", "king", "prince", "lord", "father", "brother", "sheikh"):
                return "m"
            if low in ("mrs", "ms", "miss", "madam", "madame", "queen", "princess", "lady", "sister", "dame"):
                return "f"
        return None

    # -- "it" / "they" -------------------------------------------------------------------------------
    def _expletive(self, t: Any) -> bool:
        """'It is clear that...', 'it seems', 'it was reported that': an 'it' that names no one."""
        if t.dep_ == "expl":
            return True
        head = t.head
        if t.dep_ == "nsubjpass":
            return any(c.dep_ in ("ccomp", "xcomp") for c in head.children)
        if head.lemma_.lower() not in EXPLETIVE_HEADS:
            return False
        for c in head.children:
            if c.dep_ in ("ccomp", "xcomp", "csubj", "csubjpass"):
                return True
            if c.dep_ in ("acomp", "attr") and any(g.dep_ in ("ccomp", "xcomp", "advcl") for g in c.children):
                return True
        return False

    def _clause_chain(self, t: Any) -> set[int]:
        """Tokens of the verbs that govern ``t``'s clause, up to the sentence root."""
        out = set()
        tok, seen = t.head, 0
        while seen < 12:
            out.add(tok.i)
            if tok.head.i == tok.i:
                break
            tok, seen = tok.head, seen + 1
        return out

    def _coref_it_they(self) -> None:
        """'Poland said it would close its border': 'it'/'its' (and 'they'/'their' for groups and plural
        names) refer back to the last state, organisation or group subject, in the simple cases only:
        a subject of a clause that governs the pronoun in the same sentence, or the subject of the
        previous sentence's main verb when the pronoun is the subject of its own main verb."""
        doc = self.doc
        cands = [m for m in self.mentions if m.role == "actor" and m.actor.code and m.actor.kind != "person"
                 and m.rule != "coref"]
        if not cands:
            return
        cands.sort(key=lambda m: m.token_start)
        for t in doc:
            low = t.lower_
            if self.consumed[t.i] or (low not in SINGULAR_PRONOUNS and low not in PLURAL_PRONOUNS):
                continue
            possessive = low in ("its", "their")
            if possessive and t.dep_ != "poss":
                continue
            if not possessive and (t.dep_ not in ("nsubj", "nsubjpass") or low == "them" or self._expletive(t)):
                continue
            plural = low in PLURAL_PRONOUNS
            sent = self.sent_of[t.i]
            verb = t.head.head if possessive else t.head
            chain = self._clause_chain(t)
            best = None
            same = [m for m in cands if m.sent_idx == sent and m.token_end <= t.i]
            for m in reversed(same):
                root = doc[m.token_start:m.token_end].root
                if self._number(m, root) == plural and root.dep_ in ("nsubj", "nsubjpass") and (
                        root.head.i in chain or (possessive and root.head.i == verb.i)):
                    best = m
                    break
            pp = self._pp_possessor(t, same, plural) if possessive and t.head.dep_ == "pobj" else None
            best = pp or best
            owner_role = possessive and self._role_term(t.head.i, t.head.i) is not None  # "its troops"
            if best is not None and pp is None and not owner_role and self._intervening(best.token_end, t.i,
                                                                                          plural):
                continue  # "Poland rejected the plan, saying it was unfair": 'it' is the plan
            if best is None and not same and sent > 0:
                lo, hi = self.sent_bounds[sent]
                main = doc[lo:hi].root
                if (t.head if not possessive else t.head.head).i == main.i:
                    for m in cands:
                        root = doc[m.token_start:m.token_end].root
                        if (m.sent_idx == sent - 1 and root.dep_ in ("nsubj", "nsubjpass")
                                and root.head.dep_ == "ROOT" and self._number(m, root) == plural):
                            best = m
                            break
            if best is None:
                continue
            a = best.actor
            self._emit(t.i, t.i + 1, Actor(a.code, a.sector, a.name, a.actor_id, a.kind), "coref",
                       0.6 if best.sent_idx == sent else 0.5)
            if possessive:  # "its troops": a role noun takes the antecedent's country, over a place
                for m in self.mentions:  # the phrase names ("Turkey said its forces in Syria..." are Turkish)
                    if (m.rule in ("role_noun", "role_noun_context") and m.token_start <= t.head.i < m.token_end
                            and (m.actor.code is None or t.head.i == m.token_end - 1)):
                        m.actor.code = a.code

    def _coref_the_bloc(self) -> None:
        """'EU officials said that the bloc would not lift sanctions': 'the bloc', 'the alliance', 'the union'
        name the last international organisation mentioned within the two sentences before (rule 'coref')."""
        doc = self.doc
        igos = sorted((m for m in self.mentions if m.role == "actor" and m.actor.code and m.actor.kind == "igo"
                       and m.rule != "coref"), key=lambda m: m.token_start)
        if not igos:
            return
        for t in doc:
            if self.consumed[t.i] or t.lower_ not in BLOC_NOUNS or t.pos_ != "NOUN" \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                    or any(c.dep_ in ("amod", "compound") for c in t.children):
                continue
            sent = self.sent_of[t.i]
            before = [m for m in igos if m.token_end <= t.i and sent - m.sent_idx <= 2]
            if not before:
                continue
            a = before[-1].actor
            self._emit(t.i, t.i + 1, Actor(a.code, a.sector, a.name, a.actor_id, a.kind), "coref", 0.55)

    def _pp_possessor(self, t: Any, same: list[Mention], plural: bool) -> Mention | None:
        """'its'/'their' inside a prepositional phrase ('sanctions on Belarus for its support of ...'): the
        nearest compatible actor in the object of the same clause, not the subject; in a relative clause
        ('the militia that holds the north for its links to ...') the noun the clause describes."""
        doc = self.doc
        verb = t.head.head.head  # its -> noun -> preposition -> what the phrase hangs on
        seen = 0
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and seen < 6:
            verb, seen = verb.head, seen + 1
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who")
                                        for c in verb.children):
            ante = verb.head
            for m in reversed(same):
                if ante.left_edge.i <= m.token_start and m.token_end <= ante.i + 1:
                    return m
            return None
        for m in reversed(same):
            root = doc[m.token_start:m.token_end].root
            if root.i <= verb.i or self._number(m, root) != plural or m.actor.kind == "person":
                continue
            if root.dep_ not in ("dobj", "pobj", "dative"):
                continue
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS | {"of"}:
                continue
            up, seen = root.head, 0
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i and seen < 6:
                up, seen = up.head, seen + 1
            if up.i == verb.i:
                return m
        return None

    def _intervening(self, start: int, end: int, plural: bool) -> bool:
        """A noun between an antecedent and its pronoun that agrees with the pronoun and is no actor."""
        for k in range(start, end):
            t = self.doc[k]
            if self.consumed[k] or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "npadvmod"):
                continue
            if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
                continue
            if t.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj"):
                continue
            if (t.tag_ in ("NNS", "NNPS")) == plural:
                return True
        return False

    def _number(self, m: Mention, root: Any) -> bool:
        """Whether a mention is plural ('Russian troops', 'the rebels', 'Kurds') for it/they agreement."""
        if m.actor.kind in ("state", "igo") and root.tag_ not in ("NNS", "NNPS"):
            return False
        return root.tag_ in ("NNS", "NNPS") or (m.actor.kind == "group" and root.lower_.endswith("s"))


WORD_ACRONYMS = frozenset({"IS"})  # an acronym that is also a common English word written in capitals


def _case_ok(form: str, span: str) -> bool:
    """Letters the data writes in upper case must be upper case in the text.

    "US"/"us", "Turkey"/"turkey", "the West"/"the west": a form's capitals are what make it
    a name. An all-capitals span (a headline) passes for forms longer than an acronym.
    """
    if len(form) != len(span):
        return False
    if span.isupper() and sum(c.isalpha() for c in form) > 4:
        return True
    return all(not f.isupper() or s.isupper() for f, s in zip(form, span, strict=True))


# -- process-wide cache and the pipeline stage ------------------------------------------------------

_RESOLVERS: dict[str, Resolver] = {}


def get_resolver(actors_file: str | Path | None = None) -> Resolver:
    """The resolver for a user file (or none), built once per process: the gazetteer costs ~0.5 s."""
    key = str(Path(actors_file).resolve()) if actors_file else ""
    r = _RESOLVERS.get(key)
    if r is None:
        r = _RESOLVERS[key] = Resolver(G.build(actors_file))
    return r


class ResolveActors:
    """Pipeline stage: fill ``Document.mentions`` for every live, parsed document."""

    name = "actors"

    def __init__(self, actors_file: str | Path | None = None) -> None:
        self.actors_file = actors_file
        self._resolver: Resolver | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = get_resolver(self.actors_file)
        return self._resolver

    def __call__(self, docs: Sequence[Document]) -> Sequence[Document]:
        for doc in docs:
            if doc.skip_reason or doc.nlp is None:
                continue
            doc.mentions = self.resolver.resolve(doc.nlp, doc.date)
        return docs
