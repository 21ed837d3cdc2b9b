"""Standard output fits the tools it is piped into: JSON one object per line, text pages
separated and titled."""

import json

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.paths import ROOT, SEED_FILES, SEEDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args, input=None):
    return CliRunner().invoke(main, [*map(str, args)], input=input, catch_exceptions=False)


def articles():
    return [json.loads(line) for line in run("clean", SEEDS, "--format", "jsonl", "-q").stdout.splitlines()]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_on_stdout_is_one_compact_object_per_line(fmt):
    result = run("clean", SEEDS, "-o", "-", "--format", fmt, "-q")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_FILES)
    assert [json.loads(line) for line in lines] == articles()
    assert "one compact JSON object per line" in README


def test_json_files_stay_indented(tmp_path):
    run("clean", SEED_FILES[0], "-o", tmp_path, "-q")
    assert (tmp_path / f"{SEED_FILES[0].stem}.json").read_text(encoding="utf-8").startswith('{\n  "source"')
