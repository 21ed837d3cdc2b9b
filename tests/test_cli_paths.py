"""Where `cleaner clean` writes: file modes, output targets that cannot work, outputs inside
inputs, symlinked directories."""

import os
import stat

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.paths import SEED_FILES

KI_SEED = SEED_FILES[0]


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


@pytest.fixture
def restore_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_honour_the_umask(tmp_path, restore_umask, mask, expected):
    os.umask(mask)
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    assert run("clean", KI_SEED, "-o", out, "--report", report, "-q").exit_code == 0
    assert run("clean", KI_SEED, "-o", tmp_path / "all.jsonl", "--format", "jsonl", "-q").exit_code == 0
    assert mode(out / f"{KI_SEED.stem}.json") == expected
    assert mode(report) == expected
    assert mode(tmp_path / "all.jsonl") == expected
