"""Rebuilds the shipped store (facts/data/seed_store.json) from the curated seed facts.

The curated files say what the two seed articles state; the articles themselves stay in ../shared/seeds
and are read here only to anchor each quote at its character offsets. Run with `make seed-store`.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

from facts.interchange import import_document
from facts.storage import read_store, snapshot_line, write_atomically
from facts.store import FactStore, shipped_store_path

SEEDS_ENV = "DIPLOBOT_SEEDS"


def seeds_dir() -> Path:
    """The seed articles: $DIPLOBOT_SEEDS, or ../shared/seeds beside the checkout."""
    configured = os.environ.get(SEEDS_ENV)
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "seeds"


def curated_document() -> dict:
    data = resources.files("facts") / "data"
    entities = json.loads((data / "entities.json").read_text(encoding="utf-8"))
    leaders = json.loads((data / "leaders.json").read_text(encoding="utf-8"))
    facts = json.loads((data / "seed_facts.json").read_text(encoding="utf-8"))
    return {"entities": entities["entities"] + _leader_entities(leaders["people"]), "facts": facts["facts"]}


def _leader_entities(rows: list[list]) -> list[dict]:
    """Heads of state, of government and of diplomacy with their country: an article that names
    "Emmanuel Macron" without saying "français" still tells which side he speaks for. The import names
    their ids as it names every new entity's ("pers:emmanuel-macron")."""
    return [
        {"kind": "personne", "name": name, "country": iso, "aliases": aliases, "roles": [role]}
        for name, iso, role, aliases in rows
    ]  # fmt: skip


def build(target: Path, articles: Path) -> FactStore:
    """Writes a fresh store at `target` holding the curated entities and seed facts."""
    target.unlink(missing_ok=True)
    store = FactStore.create_empty(target)
    import_document(store, curated_document(), who="seed", articles_dir=articles)
    unanchored = [s.quote for fact in store.facts() for s in fact.sources if s.start is None]
    if unanchored:
        raise SystemExit(f"Citations introuvables dans les articles de {articles} : {unanchored}")
    return store


def main() -> None:
    articles = seeds_dir()
    if not articles.is_dir():
        sys.exit(f"Articles sources introuvables : {articles} (définissez {SEEDS_ENV}).")
    target = shipped_store_path()
    staging = target.with_name(f".{target.name}.build")
    build(staging, articles).close()
    # Shipped as one snapshot line: a copy cut short is then refused as corrupt, not read as the changes
    # that reached it.
    data, _, _ = read_store(staging)
    write_atomically(target, snapshot_line(data))
    staging.unlink()
    print(f"{target} reconstruit depuis {articles}.")


if __name__ == "__main__":
    main()
