"""The five seed pages produce exactly the expected outputs in fixtures/seeds/."""

import json

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli.app import main
from tests.paths import GOLD, SEED_FILES


def gold_for(seed):
    return json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))


def test_every_seed_has_gold():
    assert len(SEED_FILES) == 5
    assert all((GOLD / f"{seed.stem}.json").is_file() for seed in SEED_FILES)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_library_output_equals_gold(seed):
    article = clean(seed.read_bytes(), source=seed.name).to_dict()
    gold = gold_for(seed)
    for key, expected in gold.items():
        assert article[key] == expected, key


def test_cli_directory_run_equals_gold(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(SEED_FILES[0].parent), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    for seed in SEED_FILES:
        written = json.loads((out / f"{seed.stem}.json").read_text(encoding="utf-8"))
        for key, expected in gold_for(seed).items():
            assert written[key] == expected, (seed.name, key)
        assert written["warnings"] == []
