"""DurableStorage, through FactStore on real files: it never loses, half-writes or overwrites a store."""

import os
from dataclasses import replace
from pathlib import Path

import pytest

import facts.storage
from facts.model import Entity, Fact, Participant, Source
from facts.storage import CorruptStore, NewerStore
from facts.store import FactStore


def make_fact(title: str) -> Fact:
    return Fact(
        id=0,
        kind="accord",
        title=title,
        status="signé",
        parties=("org:ue", "pays:JP"),
        date="2024-11-01",
        sources=(Source(article="a.txt", quote="Une phrase de l'article.", start=0, end=24),),
    )


def state(store: FactStore) -> tuple:
    return store.facts(include_deleted=True), store.entities(), store.history()


@pytest.fixture
def db(tmp_path) -> Path:
    """A store file holding one fact, alone in its directory."""
    path = tmp_path / "db.json"
    store = FactStore.create_empty(path)
    store.add_fact(make_fact("Accord initial"), who="test")
    store.close()
    return path


@pytest.fixture
def writes(monkeypatch) -> list[Path]:
    """Paths passed to write_atomically, which still writes."""
    calls = []
    original = facts.storage.write_atomically

    def counting(path: Path, payload: bytes) -> None:
        calls.append(path)
        original(path, payload)

    monkeypatch.setattr(facts.storage, "write_atomically", counting)
    return calls


def test_round_trip(tmp_path):
    path = tmp_path / "db.json"
    store = FactStore.create_empty(path)
    store.put_entity(
        Entity(
            id="pers:jean-dupont",
            kind="personne",
            name="Jean Dupont",
            aliases=("Dupont",),
            roles=("diplomate",),
            country="FR",
        ),
        "test",
    )
    signed = replace(
        make_fact("Accord signé"),
        people=(Participant("pers:jean-dupont", "ministre", "signataire"),),
        place="lieu:tokyo",
        date_in_force="2025-23",
        topics=("défense", "sécurité maritime"),
        nature="bilatéral",
        summary="Résumé « entre guillemets ».",
    )
    first = store.add_fact(signed, who="alice")
    second = store.add_fact(make_fact("Accord retiré"), who="bob")
    store.update_fact(first.id, {"summary": "Nouveau résumé"}, who="carol")
    store.delete_fact(second.id, who="dave")
    facts, entities, history = state(store)
    store.close()

    reopened = FactStore(path)
    assert [len(facts), len(entities), len(history)] == [2, 1, 5]  # the entity is in the history too
    assert reopened.facts(include_deleted=True) == facts
    assert reopened.entities() == entities
    assert reopened.history() == history


CORRUPT = {
    "truncated JSON": b'{"facts": {"1": {"kind": "acc',
    "list at top level": b"[1,2]",
    "table is a list": b'{"facts": [{"kind": "accord"}]}',
    "record missing its fields": b'{"facts": {"1": {"kind": "accord"}}}',
    "document is not an object": b'{"_meta": {"1": {"schema": 1}}, "facts": {"1": 5}}',
    "schema is not a number": b'{"_meta": {"1": {"schema": "99"}}, "facts": {}}',
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_refused_and_kept(tmp_path, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(CorruptStore) as refused:
        FactStore.open(path).add_fact(make_fact("Écrase tout"), who="test")
    message = str(refused.value)
    assert message.startswith(f"La base {path} ")
    assert "conservée" in message
    assert path.read_bytes() == content


@pytest.mark.parametrize("opener", [FactStore, FactStore.create_empty], ids=["constructor", "create_empty"])
def test_corrupt_file_refused_by_every_opener(tmp_path, opener):
    path = tmp_path / "db.json"
    path.write_bytes(CORRUPT["truncated JSON"])
    with pytest.raises(CorruptStore, match="illisible"):
        opener(path)
    assert path.read_bytes() == CORRUPT["truncated JSON"]


def test_newer_schema_refused_and_kept(tmp_path):
    path = tmp_path / "db.json"
    content = b'{"_meta": {"1": {"schema": 99}}, "facts": {}, "futur": {}}'
    path.write_bytes(content)
    with pytest.raises(NewerStore) as refused:
        FactStore.open(path).add_fact(make_fact("Écrase tout"), who="test")
    message = str(refused.value)
    assert message.startswith(f"La base {path} est au format 99")
    assert "Mettez diplobot à jour" in message
    assert path.read_bytes() == content


@pytest.mark.parametrize("crashing", ["fsync", "replace"])
def test_failed_write_keeps_old_file(db, monkeypatch, crashing):
    store = FactStore(db)
    content, before = db.read_bytes(), state(store)

    def crash(*args):
        raise OSError("disque plein")

    with monkeypatch.context() as patch:
        patch.setattr(os, crashing, crash)
        with pytest.raises(OSError, match="disque plein"):
            store.add_fact(make_fact("Perdu"), who="test")

    assert db.read_bytes() == content
    assert [entry.name for entry in db.parent.iterdir()] == [db.name]
    assert state(store) == before
    store.add_fact(make_fact("Suivant"), who="test")
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Suivant"]
    assert [entry.name for entry in db.parent.iterdir()] == [db.name]


def test_change_is_one_write(db, writes):
    store = FactStore(db)
    store.add_fact(make_fact("Accord"), who="test")
    store.update_fact(1, {"title": "Accord renommé"}, who="test")
    assert writes == [db, db]


def test_batch_writes_once_at_the_end(db, writes):
    store = FactStore(db)
    content = db.read_bytes()
    with store.batch():
        store.add_fact(make_fact("Premier"), who="test")
        store.add_fact(make_fact("Second"), who="test")
        store.update_fact(1, {"title": "Renommé"}, who="test")
        assert writes == []
        assert db.read_bytes() == content
    assert writes == [db]
    assert [fact.title for fact in FactStore(db).facts()] == ["Renommé", "Premier", "Second"]


def test_failed_batch_changes_nothing(db, writes):
    store = FactStore(db)
    content, before = db.read_bytes(), state(store)
    with pytest.raises(RuntimeError, match="interrompu"), store.batch():
        store.add_fact(make_fact("Premier"), who="test")
        store.update_fact(1, {"title": "Renommé"}, who="test")
        raise RuntimeError("interrompu")
    assert writes == []
    assert db.read_bytes() == content
    assert state(store) == before
