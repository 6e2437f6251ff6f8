"""Ingestion and edits apply whole or not at all: a failure on the last write of a change (the disk,
a bug) leaves neither the file nor what the store reads with a part of it. (Imports: test_interchange.)"""

import pytest

from facts import editing
from facts.articles import Article
from facts.ingestion import ingest
from facts.store import FactStore

ARTICLE = Article(
    name="deux-faits.txt",
    text="Le président sénégalais Bassirou Diomaye Faye a effectué une visite officielle au Mali le 12 mars "
    "2024. La France et l'Inde ont signé mardi un partenariat sur l'hydrogène vert à New Delhi.",
    published="2024-12-07",
    url=None,
)
SERVER = 100_000_000_000_000_001
RECORD = {
    "kind": "accord",
    "title": "Accord de test",
    "parties": ["France", "Pays Entièrement Nouveau"],
    "people": [{"name": "Jeanne Nouvelle", "role": "négociatrice", "part": "signataire"}],
    "sources": [{"article": "test.txt", "quote": "Ils ont signé."}],
}


def failing_on_call(monkeypatch, method: str, call: int) -> None:
    """FactStore.`method` fails on its `call`-th call, after the earlier ones went through."""
    real, calls = getattr(FactStore, method), []

    def flaky(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == call:
            raise OSError("disque plein")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FactStore, method, flaky)


def snapshot(store: FactStore) -> tuple:
    return store.path.read_bytes(), store.facts(include_deleted=True), store.entities(), store.history()


def test_an_ingestion_failing_on_its_last_fact_stores_none(seed_store, monkeypatch):
    before = snapshot(seed_store)
    failing_on_call(monkeypatch, "add_fact", 2)
    with pytest.raises(OSError):
        ingest(seed_store, ARTICLE, who="ingestion", guild_id=SERVER)
    assert snapshot(seed_store) == before
    assert snapshot(FactStore(seed_store.path)) == before


@pytest.mark.parametrize("method", ["put_entity", "add_fact"])
def test_an_addition_failing_after_its_new_names_stores_neither(seed_store, monkeypatch, method):
    before = snapshot(seed_store)
    failing_on_call(monkeypatch, method, 2 if method == "put_entity" else 1)
    with pytest.raises(OSError):
        editing.add(seed_store, RECORD, editing.Editor("modo", SERVER))
    assert snapshot(seed_store) == before
    assert snapshot(FactStore(seed_store.path)) == before


def test_a_correction_failing_after_its_new_names_stores_neither(seed_store, monkeypatch):
    fact = editing.add(seed_store, RECORD, editing.Editor("modo", SERVER))
    before = snapshot(seed_store)
    failing_on_call(monkeypatch, "update_fact", 1)
    with pytest.raises(OSError):
        changed = {"parties": ["France", "Autre Pays Inventé"]}
        editing.modify(seed_store, fact.id, changed, editing.Editor("modo", SERVER), fact.version)
    assert snapshot(seed_store) == before
    assert snapshot(FactStore(seed_store.path)) == before
