"""Hypothesis profiles: "fast" by default, "thorough" in CI (HYPOTHESIS_PROFILE=thorough);
shared fixtures."""

import os

import pytest
from hypothesis import HealthCheck, settings

# Two noisy cores: no per-example deadline; speed is measured in bench/, not asserted here.
settings.register_profile(
    "fast",
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture
def locked_dir(tmp_path, monkeypatch):
    """A folder nobody may write into. Root writes anywhere, so there ``os.access`` is made to
    answer as it would for a user."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, how: str(path) != str(locked) and real_access(path, how))
    yield locked
    locked.chmod(0o755)
