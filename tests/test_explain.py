"""`cleaner explain`: kept and removed blocks side by side, with the rule ids."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli.app import main
from cleaner.extract.lines import split_lines
from tests.paths import SEED_FILES

ANSI = "\x1b["


def invoke(*args: str, color: bool = False):
    return CliRunner().invoke(main, ["explain", *args], color=color, catch_exceptions=False)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_every_removed_block_is_shown_with_its_rule(seed):
    result = invoke(str(seed), "--wide")
    assert result.exit_code == 0
    article = clean(seed.read_bytes(), source=str(seed))
    shown = result.output.splitlines()
    for removal in article.removed:
        assert any(
            line.lstrip().startswith(f"{removal.line}  DROP {removal.rule} ") and line.endswith(removal.text)
            for line in shown
        ), removal
    for block in article.blocks:
        assert any(f"KEEP {block.type}" in line and line.endswith(block.text) for line in shown)
    assert "no rule" not in result.output


def test_plain_when_piped_coloured_on_request():
    seed = str(SEED_FILES[0])
    assert ANSI not in invoke(seed).output
    assert ANSI in invoke(seed, color=True).output


def test_json_has_one_row_per_input_line():
    seed = SEED_FILES[1]
    data = json.loads(invoke(str(seed), "--json").output)
    lines = split_lines(seed.read_text(encoding="utf-8"))
    assert [row["text"] for row in data["rows"]] == [line.text for line in lines]
    assert data["site"] == "euromaidan_press"
    assert data["summary"]["unattributed"] == 0
    assert {row["label"] for row in data["rows"] if row["kept"]} <= {"paragraph", "heading", "quote", "list_item"}
    assert data["summary"]["removed_by_rule"]["patreon_appeal"]["spans"] == 1


def test_forced_site_and_unknown_site():
    seed = str(SEED_FILES[3])
    forced = json.loads(invoke(seed, "--site", "generic", "--json").output)
    assert forced["site"] == "generic" and "generic_fallback" in forced["warnings"]
    result = CliRunner().invoke(main, ["explain", seed, "--site", "nope"])
    assert result.exit_code == 2
    # One line, as `clean` gives it: no usage block.
    assert result.output.strip().splitlines() == [
        "Error: --site: no rule for site 'nope' (known: euromaidan_press, kyiv_independent, moscow_times)"
    ]
