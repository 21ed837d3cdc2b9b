"""The optional engines say which extra to install when it is missing (no Ray needed)."""

import sys
import types

from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import SEEDS


def test_ray_without_ray_data_is_a_usage_error_naming_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", types.ModuleType("ray"))  # Ray itself is there...
    monkeypatch.setitem(sys.modules, "ray.data", None)  # ...but not its `data` extra
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "out"), "--engine", "ray"])
    assert result.exit_code == 2
    assert result.stderr.strip() == 'Error: --engine ray needs Ray, which is not installed: pip install ".[ray]"'
