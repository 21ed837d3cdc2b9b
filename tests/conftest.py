"""Hypothesis profiles: "fast" by default, "thorough" in CI (HYPOTHESIS_PROFILE=thorough)."""

import os

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
