"""The hand-written tables in `facts/data/`: JSON objects whose keys starting with "_" explain the table."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def table(name: str) -> dict:
    """The entries of `facts/data/<name>`, without its explanations."""
    entries = json.loads((DATA / name).read_text(encoding="utf-8"))
    return {key: value for key, value in entries.items() if not key.startswith("_")}
