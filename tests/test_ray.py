"""Cleaning on Ray gives the same outputs as cleaning locally (slow: starts a Ray runtime)."""

import json

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import SEEDS

pytestmark = pytest.mark.slow


def test_ray_engine_matches_the_local_engine(tmp_path):
    pytest.importorskip("ray", reason="CI installs cleaner[ray] for the slow tests")
    runner = CliRunner()
    local = runner.invoke(main, ["clean", str(SEEDS), "--format", "jsonl", "-q"])
    distributed = runner.invoke(main, ["clean", str(SEEDS), "--format", "jsonl", "-q", "--engine", "ray"])
    assert distributed.exit_code == 0, distributed.output
    assert [json.loads(line) for line in distributed.stdout.splitlines()] == [
        json.loads(line) for line in local.stdout.splitlines()
    ]
