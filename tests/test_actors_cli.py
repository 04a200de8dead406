"""`dyadline actors lookup` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadline.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "code"),
    [("Lukashenko", "BLR"), ("Lucasheno", "BLR"), ("the Belarusian dictator", "BLR"), ("official Minsk", "BLR"),
     ("the owner of the Kremlin", "RUS"), ("Xi Jinping", "CHN"), ("Kiev", "UKR"), ("Brussels", "EUR")],
)
def test_lookup_json(text: str, code: str) -> None:
    res = runner.invoke(app, ["actors", "lookup", text, "--date", "2024-09-08", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows[0]["code"] == code and {"sector", "name", "rule", "confidence"} <= rows[0].keys()


def test_lookup_sentence_table() -> None:
    res = runner.invoke(app, ["actors", "lookup", "Washington and Brussels warned Lukashenko.", "--date", "2024-09-08"])
    assert res.exit_code == 0
    for part in ("USA", "EUR", "BLR", "Alexander Lukashenko", "alias"):
        assert part in res.output


def test_lookup_with_user_file(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("name,code,sector,kind,aliases\nFoo Bar Institute,SRB,EDU,org,FBI-S\n", encoding="utf-8")
    res = runner.invoke(app, ["actors", "lookup", "Foo Bar Institute", "--actors", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["code"] == "SRB"


def test_lookup_bad_date_and_file() -> None:
    assert runner.invoke(app, ["actors", "lookup", "Putin", "--date", "8 Sept"]).exit_code == 2
    res = runner.invoke(app, ["actors", "lookup", "Putin", "--actors", "/nonexistent/x.yaml"])
    assert res.exit_code == 2
