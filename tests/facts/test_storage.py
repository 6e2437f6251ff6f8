"""DurableStorage, through FactStore on real files: it never loses, half-writes or overwrites a store."""

import os
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

import facts.storage
from facts.model import Entity, Participant
from facts.storage import CorruptStore, NewerStore, StoreError
from facts.store import FactStore, compact_fact_doc, fact_to_doc
from tests.facts.sample import make_fact


def state(store: FactStore) -> tuple:
    return store.facts(include_deleted=True), store.entities(), store.history()


@pytest.fixture
def writes(monkeypatch) -> list[Path]:
    """Paths written durably (a journal append or a new snapshot), which are still written."""
    calls = []
    for name in ("write_atomically", "append_durably"):
        original = getattr(facts.storage, name)

        def counting(path: Path, *args, original=original) -> None:
            calls.append(path)
            original(path, *args)

        monkeypatch.setattr(facts.storage, name, counting)
    return calls


def as_single_document(path: Path) -> None:
    """Rewrites the store as stores were written before the journal: one indented JSON document."""
    tables, _, _ = facts.storage.read_store(path)
    path.write_bytes(orjson.dumps(tables, option=orjson.OPT_INDENT_2))


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


# A change is appended to the journal (pwrite, fsync) or, for a store from before the journal, written
# as a new snapshot (temporary file, fsync, rename): a crash at any step leaves the file as it was.
@pytest.mark.parametrize(
    ("single_document", "crashing"),
    [(False, "pwrite"), (False, "fsync"), (True, "fsync"), (True, "replace")],
    ids=["append-write", "append-fsync", "snapshot-fsync", "snapshot-replace"],
)
def test_failed_write_keeps_old_file(db, monkeypatch, single_document, crashing):
    if single_document:
        as_single_document(db)
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


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines()


def test_each_change_is_one_journal_line_replayed_on_opening(db):
    store = FactStore(db)
    before = len(lines(db))
    first = store.add_fact(make_fact("Premier"), who="test")
    store.update_fact(first.id, {"title": "Premier renommé"}, who="test")
    with store.batch():
        store.add_fact(make_fact("Deuxième"), who="test")
        store.delete_fact(1, who="test")
    assert len(lines(db)) == before + 3
    assert state(FactStore(db)) == state(store)


def test_a_torn_last_record_is_ignored_then_cut_off(db):
    store = FactStore(db)
    store.add_fact(make_fact("Acquis"), who="test")
    acknowledged = state(store)
    with open(db, "ab") as handle:
        handle.write(b'{"facts": {"9": {"kind": "acc')  # a crash in the middle of an append
    reopened = FactStore(db)
    assert state(reopened) == acknowledged
    reopened.add_fact(make_fact("Après la panne"), who="test")
    assert b'"acc\n' not in db.read_bytes() and not db.read_bytes().endswith(b"acc")
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Acquis", "Après la panne"]


def test_an_unreadable_record_inside_the_journal_is_refused_and_kept(db):
    FactStore(db).add_fact(make_fact("Acquis"), who="test")
    with open(db, "ab") as handle:
        handle.write(b"pas du JSON\n")
    content = db.read_bytes()
    with pytest.raises(CorruptStore, match="journal invalide") as refused:
        FactStore(db)
    assert "conservée" in str(refused.value)
    assert db.read_bytes() == content


def test_the_journal_is_folded_into_a_new_snapshot_when_it_grows(db, monkeypatch):
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 4000)
    store = FactStore(db)
    for number in range(12):
        store.add_fact(make_fact(f"Accord {number}"), who="test")
    assert len(lines(db)) < 1 + 12  # folded at least once
    assert len(db.read_bytes()) - len(lines(db)[0]) - 1 <= 4000
    assert state(FactStore(db)) == state(store)
    assert [entry.name for entry in db.parent.iterdir()] == [db.name]


def test_a_snapshot_writes_the_facts_kept_in_memory_as_their_compact_documents(db):
    """The cached facts table holds `Fact`s, not the documents they were read from: a new snapshot writes each
    as the document a write appends for it, defaults left out."""
    as_single_document(db)  # rewritten as a snapshot on its first change
    store = FactStore(db)
    store.update_fact(1, {"title": "Accord initial révisé"}, who="test")
    snapshot = orjson.loads(lines(db)[0])["facts"]
    assert snapshot == {str(fact.id): compact_fact_doc(fact_to_doc(fact)) for fact in store.facts()}
    assert "version" in snapshot["1"] and "deleted" not in snapshot["1"]


def test_a_store_from_before_the_journal_is_read_and_rewritten_on_its_first_change(db):
    as_single_document(db)
    store = FactStore(db)
    assert [fact.title for fact in store.facts()] == ["Accord initial"]
    store.add_fact(make_fact("Suivant"), who="test")
    assert len(lines(db)) == 1  # the whole store as one snapshot line, the journal empty
    store.add_fact(make_fact("Encore"), who="test")
    assert len(lines(db)) == 2
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Suivant", "Encore"]


def test_another_process_change_is_seen(db):
    bot, cli = FactStore(db), FactStore(db)
    assert len(bot.facts()) == 1
    cli.add_fact(make_fact("Importé"), who="cli")
    assert [fact.title for fact in bot.facts()] == ["Accord initial", "Importé"]
    added = bot.add_fact(make_fact("Par le bot"), who="bot")
    assert added.id == 3
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Importé", "Par le bot"]


def test_new_records_take_fresh_ids_after_another_process_added_some(db):
    bot, cli = FactStore(db), FactStore(db)
    bot.add_fact(make_fact("Par le bot"), who="bot")  # the bot's tables have counted their ids
    cli.add_fact(make_fact("Importé"), who="cli")
    assert bot.add_fact(make_fact("Encore par le bot"), who="bot").id == 4
    reopened = FactStore(db)
    assert [fact.title for fact in reopened.facts()] == ["Accord initial", "Par le bot", "Importé", "Encore par le bot"]
    assert len(reopened.history()) == 4


@pytest.mark.parametrize("snapshots", [False, True], ids=["journal", "snapshot"])
def test_a_write_from_a_copy_another_process_outdated_loses_nothing(db, monkeypatch, snapshots):
    if snapshots:  # every change folded into a new snapshot: the file is replaced, not appended to
        monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)
        monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)
    bot, cli = FactStore(db), FactStore(db)
    assert len(bot.facts()) == 1
    cli.add_fact(make_fact("Importé"), who="cli")
    bot.add_fact(make_fact("Par le bot"), who="bot")  # without reading first
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Importé", "Par le bot"]


def test_a_change_overtaken_by_another_process_is_refused_and_theirs_kept(db):
    bot, cli = FactStore(db), FactStore(db)
    with pytest.raises(StoreError, match="modifiée par un autre processus"), bot.batch():
        bot.add_fact(make_fact("Par le bot"), who="bot")
        cli.add_fact(make_fact("Importé"), who="cli")
    assert [fact.title for fact in FactStore(db).facts()] == ["Accord initial", "Importé"]
    assert [fact.title for fact in bot.facts()] == ["Accord initial", "Importé"]


def test_watchers_see_each_change(db):
    store = FactStore(db)
    with store.watch() as changes:
        added = store.add_fact(make_fact("Nouveau"), who="test")
        updated = store.update_fact(added.id, {"title": "Renommé"}, who="test")
        store.set_hidden(1, guild_id=5, hidden=True, who="test")
    assert [(c.before, c.after, c.masked_in) for c in changes] == [
        (None, added, None),
        (added, updated, None),
        (None, store.get(1), 5),
    ]
