"""Fixtures shared across the suite: the shipped seed store, copied into a fresh file per test; and the
Hypothesis profiles (CI replays the same examples every run, so a red build is never a dice roll)."""

import os

import pytest
from hypothesis import HealthCheck, settings

from facts.catalog import Catalog
from facts.store import FactStore

# Fixtures here are shared by the examples of a test on purpose (a catalog, a bot): each example
# checks the store itself instead of relying on a fresh one.
settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def seed_store(tmp_path) -> FactStore:
    return FactStore.open(tmp_path / "diplobot.json")


@pytest.fixture
def catalog(seed_store) -> Catalog:
    return Catalog.from_store(seed_store)
