"""The actor gazetteer: data files in ``actors/data`` turned into one surface-form index.

Why data files and not code: analysts must be able to read, correct and extend who is who
(a new foreign minister, a local militia) without touching Python. Every file is a CSV a
spreadsheet opens; a user file (``--actors FILE``, CSV or YAML) is merged on top and wins.

Every surface form (a name, an alias, a demonym, a capital, a seat of power...) becomes an
``Entry`` that says what the form *means*; the resolver decides, from the sentence, which
meaning applies (a capital is a place in "a blast in Minsk" and an actor in "Minsk said").
All forms go into one Aho-Corasick automaton, so finding them costs one pass over the text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import ahocorasick

DATA_DIR = Path(__file__).parent / "data"

# Category of a surface form: what a match means before context is considered.
STATE, ADJECTIVE, CAPITAL, SEAT, CITY, ORG, PERSON = "state", "adjective", "capital", "seat", "city", "org", "person"
GROUP = "group"  # an ethnic, tribal or religious group: coded by the country it lives in (groups.csv)

OFFICE_RANK = {"top": 0, "hos": 1, "hog": 2, "fm": 3, "dm": 4, "vp": 5, "sg": 6, "other": 7}


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a surface form.

    ``code``/``sector`` are what the form resolves to as an actor; ``place_code`` and
    ``lat``/``lon`` are what it resolves to as a place (a capital is both). Persons carry
    an ``office`` with a term (``start``/``end``, ISO dates, ``end`` None = ongoing) so the
    resolver can check the article date.
    """

    actor_id: str
    name: str
    code: str | None
    category: str
    kind: str
    sector: str | None = None
    office: str | None = None
    start: str | None = None
    end: str | None = None
    top: bool = False
    place_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    user: bool = False

    def in_term(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Surface:
    """A surface form as written in the data (kept to check letter case against the text)."""

    form: str
    entry: Entry
    derived: bool = False  # a surname taken from the person's full name, not a form the data lists


@dataclass
class Gazetteer:
    """All entries, indexed by folded surface form, plus per-state facts the rules need."""

    surfaces: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    states: dict[str, Entry] = field(default_factory=dict)  # code -> the state entry
    org_seats: dict[str, Entry] = field(default_factory=dict)  # folded capital form -> organisation (Brussels -> EU)
    offices: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # role term -> (sector, office)
    genders: dict[str, str] = field(default_factory=dict)  # person actor_id -> "m" / "f" where the data says
    group_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group actor_id -> candidate countries
    _automaton: Any = None

    # -- building ---------------------------------------------------------------------------
    def add(self, form: str, entry: Entry, derived: bool = False) -> None:
        form = form.strip()
        if not form:
            return
        key = fold(form)
        bucket = self.surfaces[key]
        # a user entry replaces shipped meanings of the same surface form of the same category
        if entry.user and not derived:
            bucket[:] = [s for s in bucket if s.entry.user or s.entry.category != entry.category]
        elif any(s.entry.user and s.entry.category == entry.category for s in bucket):
            return
        if any(s.entry == entry and s.form == form for s in bucket):
            return
        bucket.append(Surface(form, entry, derived))
        self._automaton = None

    def add_person(self, entry: Entry, forms: Iterable[str]) -> None:
        for form in forms:
            self.add(form, entry)
        if entry.office and entry.code:
            self.offices[(entry.code, entry.office)].append(entry)
            if entry.top:
                self.offices[(entry.code, "top")].append(entry)

    @property
    def automaton(self) -> Any:
        """The Aho-Corasick automaton over all folded forms, built lazily after the last change."""
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for key in self.surfaces:
                a.add_word(key, key)
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def add_surnames(self) -> None:
        """Every person's surname (the last word of the full name) as a form of that person.

        Wire copy names a leader in full once and then by surname ("Moi", "President Moi"). The resolver
        decides whether the surname is unambiguous at the article date; here a surname is only skipped
        where it is not one: a regnal number ("Abdullah II"), a patronym or place after a particle ("Qaboos
        bin Said", "Hussein of Jordan"), a word another list gives a meaning ("Jordan") or a role noun.
        """
        people = [s for bucket in list(self.surfaces.values()) for s in bucket
                  if s.entry.category == PERSON and not s.derived and s.form == s.entry.name]
        for s in people:
            words = s.form.split()
            if len(words) < 2:
                continue
            last = words[-1]
            if len(last) < 3 or not last[0].isupper() or "." in last or _ROMAN.fullmatch(last) \
                    or fold(words[-2]) in _SURNAME_PARTICLES:
                continue
            key = fold(last)
            if key in self.roles or any(x.entry.category != PERSON for x in self.surfaces.get(key, ())):
                continue
            self.add(last, s.entry, derived=True)

    def listed(self, key: str) -> bool:
        """Whether a folded form is one the data lists (not only a derived surname)."""
        return any(not s.derived for s in self.surfaces.get(key, ()))

    # -- queries ----------------------------------------------------------------------------
    def find(self, folded_text: str) -> Iterator[tuple[int, int, str]]:
        """Every (start, end, key) occurrence of a known form in already-folded text."""
        if not self.surfaces:
            return
        for end, key in self.automaton.iter(folded_text):
            yield end - len(key) + 1, end + 1, key

    def holder(self, code: str, office: str, date: str) -> Entry | None:
        """Who held ``office`` in state/organisation ``code`` on ``date`` (the user's entries first)."""
        found = [e for e in self.offices.get((code, office), ()) if e.in_term(date)]
        if not found and office == "top":
            found = [e for e in self.offices.get((code, "hos"), ()) if e.in_term(date)]
        if not found:
            return None
        found.sort(key=lambda e: (not e.user, e.start or ""), reverse=False)
        users = [e for e in found if e.user]
        return users[0] if users else max(found, key=lambda e: e.start or "")


_ROMAN = re.compile(r"[IVXLC]+")
# a last name after these is a patronym, a place or part of a longer surname the data lists as an alias
_SURNAME_PARTICLES = {"bin", "ibn", "bint", "ben", "of", "al", "el", "van", "von", "de", "den", "der", "del", "da",
                      "di", "du", "la", "le", "abu", "abd", "y", "e"}


# -- text folding ---------------------------------------------------------------------------

_QUOTES = {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"}


def _fold_char(ch: str) -> str:
    """Lower-case one character and drop Latin diacritics, always returning one character.

    Keeping the length identical is what lets the automaton run over folded text while
    reporting offsets into the original text.
    """
    if ch in _QUOTES:
        return _QUOTES[ch]
    low = ch.lower()
    if len(low) != 1:
        return ch
    if ord(low) < 0x250 and not low.isascii():
        base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        if len(base) == 1:
            return base
    return low


_FOLD_CACHE: dict[str, str] = {}


def fold(text: str) -> str:
    out = []
    cache = _FOLD_CACHE
    for ch in text:
        f = cache.get(ch)
        if f is None:
            f = cache[ch] = _fold_char(ch)
        out.append(f)
    return "".join(out)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


# -- loading --------------------------------------------------------------------------------


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """CSV rows, skipping comment lines that start with '#'."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines):
        yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _split(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _with_sector(form: str, default: str | None) -> tuple[str, str | None]:
    """``"Pentagon:MIL"`` -> ("Pentagon", "MIL"): a form may carry its own sector."""
    if ":" in form and form.rsplit(":", 1)[1].isupper() and len(form.rsplit(":", 1)[1]) <= 4:
        f, s = form.rsplit(":", 1)
        return f, s
    return form, default


def load_states(gz: Gazetteer, path: Path) -> None:
    for r in _rows(path):
        code = r["code"]
        lat, lon = _float(r.get("lat")), _float(r.get("lon"))
        state = Entry(f"state:{code}", r["name"], code, STATE, "state", place_code=code, lat=lat, lon=lon)
        gz.states[code] = state
        for form in [r["name"], *_split(r.get("variants"))]:
            gz.add(form, state)
        adj = Entry(f"state:{code}", r["name"], code, ADJECTIVE, "state", place_code=code)
        for form in _split(r.get("adjectives")):
            gz.add(form, adj)
        cap_lat, cap_lon = _float(r.get("cap_lat")), _float(r.get("cap_lon"))
        capital = r.get("capital", "")
        if capital:
            cap = Entry(f"state:{code}", r["name"], code, CAPITAL, "state", sector="GOV", place_code=code,
                        lat=cap_lat, lon=cap_lon)
            for form in [capital, *_split(r.get("capital_variants"))]:
                gz.add(form, replace(cap, name=r["name"]))
        for raw in _split(r.get("seats")):
            form, sector = _with_sector(raw, "GOV")
            gz.add(form, Entry(f"state:{code}", r["name"], code, SEAT, "state", sector=sector, place_code=code,
                               lat=cap_lat, lon=cap_lon))


def load_cities(gz: Gazetteer, path: Path) -> None:
    for r in _rows(path):
        code = r.get("code") or None  # seas and other features belong to no single state
        e = Entry(f"place:{slug(r['name'])}", r["name"], code, CITY, "place", place_code=code,
                  lat=_float(r.get("lat")), lon=_float(r.get("lon")))
        for form in [r["name"], *_split(r.get("variants"))]:
            gz.add(form, e)


def load_orgs(gz: Gazetteer, path: Path, user: bool = False) -> None:
    for r in _rows(path):
        _add_org(gz, r, user)


def _add_org(gz: Gazetteer, r: dict[str, Any], user: bool) -> None:
    code = r.get("code") or None
    name = r["name"]
    base = Entry(f"org:{slug(name)}", name, code, ORG, r.get("kind") or "org", sector=r.get("sector") or None,
                 start=r.get("start") or None, end=r.get("end") or None, user=user)
    for raw in [name, *_split(r.get("aliases"))]:
        form, sector = _with_sector(raw, base.sector)
        gz.add(form, replace(base, sector=sector))
    for seat in _split(r.get("seats")):
        seat_entry = replace(base, category=SEAT)
        if fold(seat) in gz.surfaces and any(s.entry.category == CAPITAL for s in gz.surfaces[fold(seat)]):
            gz.org_seats[fold(seat)] = seat_entry  # a capital that stands for the organisation (Brussels)
        else:
            gz.add(seat, seat_entry)


def load_leaders(gz: Gazetteer, path: Path) -> None:
    for r in _rows(path):
        _add_person(gz, r, user=False)


def _add_person(gz: Gazetteer, r: dict[str, Any], user: bool) -> None:
    name = r["name"]
    e = Entry(f"person:{slug(name)}", name, r.get("code") or None, PERSON, "person",
              sector=r.get("sector") or None, office=r.get("office") or "other",
              start=r.get("start") or None, end=r.get("end") or None,
              top=str(r.get("top", "")).strip() in ("1", "true", "True", "yes"), user=user)
    gz.add_person(e, [name, *_split(r.get("aliases"))])
    gender = str(r.get("gender") or "").strip().lower()[:1]
    if gender in ("m", "f"):
        gz.genders[e.actor_id] = gender


def load_roles(gz: Gazetteer, path: Path) -> None:
    for r in _rows(path):
        gz.roles[r["term"].lower()] = (r.get("sector") or None, r.get("office") or None)


def load_groups(gz: Gazetteer, path: Path) -> None:
    """Ethnic, tribal and religious groups: the forms, and the countries they are chiefly found in."""
    for r in _rows(path):
        forms = _split(r.get("term"))
        if not forms:
            continue
        codes = tuple(_split(r.get("codes")))
        e = Entry(f"group:{slug(forms[0])}", forms[0], codes[0] if len(codes) == 1 else None, GROUP, "group")
        gz.group_codes[e.actor_id] = codes
        for form in forms:
            gz.add(form, e)


def load_user_file(gz: Gazetteer, path: str | Path) -> None:
    """Merge a user dictionary (CSV or YAML) on top of the shipped data.

    Columns / keys: ``name`` (required), ``code``, ``sector``, ``kind`` (state, igo, org,
    group, person...), ``aliases`` (|-separated or a YAML list), and for people ``office``,
    ``start``, ``end``, ``top``, ``gender`` (m/f, used to check "he"/"she"). A row whose kind is ``person`` (or that has an office)
    becomes a person with a term; anything else an organisation-like actor. User forms
    replace shipped meanings of the same form.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: actors file not found")
    rows: list[dict[str, Any]]
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise ValueError(f"{p}: expected a list of actors (or a mapping with an 'actors' list)")
        rows = [dict(d) for d in data if isinstance(d, dict)]
    else:
        rows = list(_rows(p))
    for i, r in enumerate(rows, 1):
        if not r.get("name"):
            raise ValueError(f"{p}: entry {i} has no name")
        r = {k: ("" if v is None else v) for k, v in r.items()}
        for k in ("start", "end"):
            if r.get(k) and not isinstance(r[k], str):
                r[k] = str(r[k])  # YAML reads bare dates as date objects
        if r.get("kind") == "person" or r.get("office"):
            _add_person(gz, r, user=True)
        else:
            r.setdefault("kind", "org")
            _add_org(gz, r, user=True)


def _add_pycountry_extras(gz: Gazetteer) -> None:
    """Territories our states.csv does not list: names only, from pycountry (dependent territories)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - it is a declared dependency
        return
    for c in pycountry.countries:
        if c.alpha_3 in gz.states:
            continue
        name = getattr(c, "common_name", None) or c.name
        e = Entry(f"state:{c.alpha_3}", name, c.alpha_3, STATE, "state", place_code=c.alpha_3)
        gz.states[c.alpha_3] = e
        for form in {name, c.name}:
            if "," not in form:
                gz.add(form, e)


def build(actors_file: str | Path | None = None, data_dir: Path = DATA_DIR) -> Gazetteer:
    gz = Gazetteer()
    load_states(gz, data_dir / "states.csv")
    _add_pycountry_extras(gz)
    if (data_dir / "cities.csv").exists():
        load_cities(gz, data_dir / "cities.csv")
    load_orgs(gz, data_dir / "organisations.csv")
    load_leaders(gz, data_dir / "leaders.csv")
    load_roles(gz, data_dir / "roles.csv")
    if (data_dir / "groups.csv").exists():
        load_groups(gz, data_dir / "groups.csv")
    if actors_file:
        load_user_file(gz, actors_file)
    gz.add_surnames()
    return gz
