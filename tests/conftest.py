"""Hypothesis profiles: "ci" (the default: reproducible, no deadline) and "dev" (more examples).

Choose one with HYPOTHESIS_PROFILE=dev.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds, still runs in CI (deselect with -m 'not slow')")
