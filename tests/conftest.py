"""Fixtures shared across the suite: the shipped seed store, copied into a fresh file per test."""

import pytest

from facts.catalog import Catalog
from facts.store import FactStore


@pytest.fixture
def seed_store(tmp_path) -> FactStore:
    return FactStore.open(tmp_path / "diplobot.json")


@pytest.fixture
def catalog(seed_store) -> Catalog:
    return Catalog.from_store(seed_store)
