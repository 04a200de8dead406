"""Gazetteer data and user dictionaries (CSV and YAML) that add or override actors without code."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from dyadline.actors import gazetteer as G
from dyadline.actors.places import lookup_place
from dyadline.actors.resolver import Resolver, get_resolver

DATA = Path(G.__file__).parent / "data"


def test_every_un_member_and_observer_has_a_state_row() -> None:
    rows = list(csv.DictReader(line for line in (DATA / "states.csv").open(encoding="utf-8")
                               if not line.startswith("#")))
    codes = {r["code"] for r in rows}
    # 193 UN members + 2 observers; pycountry knows all of them under ISO alpha-3
    assert {"VAT", "PSE", "TWN", "XKX"} <= codes and len(codes) >= 195
    for r in rows:
        assert r["capital"] and r["adjectives"], r["code"]
        if r["code"] != "XKX":
            assert pycountry.countries.get(alpha_3=r["code"]) is not None, r["code"]


def test_leader_terms_are_ordered_dates() -> None:
    for r in csv.DictReader(line for line in (DATA / "leaders.csv").open(encoding="utf-8")
                            if not line.startswith("#")):
        assert len(r["start"]) == 10, r
        assert not r["end"] or r["start"] <= r["end"], r
        assert r["office"] in G.OFFICE_RANK, r


def test_holder_by_date() -> None:
    gz = get_resolver().gz
    assert gz.holder("USA", "hos", "2010-05-05").name == "Barack Obama"
    assert gz.holder("USA", "fm", "2010-05-05").name == "Hillary Clinton"
    assert gz.holder("RUS", "top", "2024-09-08").name == "Vladimir Putin"
    assert gz.holder("BLR", "hos", "1990-01-01") is None


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- name: Nikola Mikovich\n  kind: person\n  code: SRB\n  sector: MED\n  aliases: [Mikovich]\n"
        "  start: 2010-01-01\n"
        "- name: Minsk City Council\n  code: BLR\n  sector: GOV\n  kind: org\n  aliases: Minsk council|Mingorispolkom\n"
        "- name: Kremlin Watchers\n  code: XKW\n  kind: org\n  aliases: [Kremlin]\n",
        encoding="utf-8",
    )
    r = Resolver(G.build(f))
    m = r.lookup("Mikovich", "2024-09-08")[0]
    assert (m.actor.code, m.actor.sector, m.actor.kind) == ("SRB", "MED", "person")
    assert r.lookup("The Minsk council met.", "2024-09-08")[0].actor.code == "BLR"
    assert r.lookup("Kremlin", "2024-09-08")[0].actor.code == "XKW"  # the user's meaning wins


def test_user_csv_overrides_person(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text("name,code,sector,kind,aliases,office,start,end\n"
                 "Alexander Lukashenko,BLR,MIL,person,Lukashenko|Lucashenko,hos,1994-07-20,\n", encoding="utf-8")
    r = Resolver(G.build(f))
    assert r.lookup("Lukashenko", "2024-09-08")[0].actor.sector == "MIL"
    assert r.lookup("the Belarusian president", "2024-09-08")[0].actor.sector == "MIL"


def test_user_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        G.build(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- code: XXX\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no name"):
        G.build(bad)


def test_lookup_place() -> None:
    loc = lookup_place("Minsk")
    assert loc is not None and loc.code == "BLR" and abs(loc.lat - 53.9) < 0.1
    assert lookup_place("Kharkov").code == "UKR"
    assert lookup_place("Brussels").code == "BEL"  # as a place Brussels is in Belgium
    assert lookup_place("the Kremlin").code == "RUS"
    assert lookup_place("Ukraine").lat is not None
    assert lookup_place("Atlantis") is None
