"""The store most tests of the storage start from."""

from pathlib import Path

import pytest

from facts.store import FactStore
from tests.facts.sample import make_fact


@pytest.fixture
def db(tmp_path) -> Path:
    """A store file holding one fact, alone in its directory."""
    path = tmp_path / "db.json"
    store = FactStore.create_empty(path)
    store.add_fact(make_fact("Accord initial"), who="test")
    store.close()
    return path
