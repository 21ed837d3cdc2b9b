"""The optional engines say which extra to install when it is missing (no Ray or datatrove needed)."""

import importlib
import sys
import types

import pytest
from click.testing import CliRunner

from cleaner.cli.app import main
from tests.paths import SEEDS


def test_ray_without_ray_data_is_a_usage_error_naming_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", types.ModuleType("ray"))  # Ray itself is there...
    monkeypatch.setitem(sys.modules, "ray.data", None)  # ...but not its `data` extra
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "out"), "--engine", "ray"])
    assert result.exit_code == 2
    assert result.stderr.strip() == 'Error: --engine ray needs Ray, which is not installed: pip install ".[ray]"'


def test_the_datatrove_step_without_datatrove_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "datatrove", None)
    monkeypatch.delitem(sys.modules, "cleaner.engines.datatrove", raising=False)
    with pytest.raises(ImportError, match=r'pip install "\.\[datatrove\]"'):
        importlib.import_module("cleaner.engines.datatrove")
