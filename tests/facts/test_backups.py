"""Rotating backups beside the store, the refusal of an unreadable store naming the way back, and restore."""

import os
import subprocess
from pathlib import Path

import pytest

import facts.storage
from facts.backups import Backups, backups_of, loads, open_backed_up, opened, restore
from facts.storage import CorruptStore, StoreError
from facts.store import FactStore
from tests.facts.sample import make_fact

KEEP = 3


def titles(path: Path) -> list[str]:
    return [fact.title for fact in FactStore(path).facts()]


def corrupt(path: Path) -> bytes:
    """Cuts the store in the middle of its snapshot line, as a disk or a careless copy might."""
    content = path.read_bytes()
    content = content[: content.index(b"\n") // 2]
    path.write_bytes(content)
    return content


def test_opening_a_store_that_loads_backs_it_up(db):
    content = db.read_bytes()
    open_backed_up(db, KEEP).close()
    [backup] = backups_of(db)
    assert backup.name.startswith("db.json.sauvegarde-")
    assert backup.read_bytes() == content


def test_opening_an_unchanged_store_again_takes_no_second_backup(db):
    open_backed_up(db, KEEP).close()
    open_backed_up(db, KEEP).close()
    assert len(backups_of(db)) == 1


def test_each_new_snapshot_is_backed_up(db, monkeypatch):
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)  # every change folded into a new snapshot
    monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)
    store = open_backed_up(db, KEEP)
    store.add_fact(make_fact("Suivant"), who="test")
    newest = backups_of(db)[0]
    assert newest.read_bytes() == db.read_bytes()
    assert titles(newest) == ["Accord initial", "Suivant"]


def test_rotation_keeps_the_newest_backups_only(db, monkeypatch):
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)
    store = open_backed_up(db, KEEP)
    for number in range(3 * KEEP):
        store.add_fact(make_fact(f"Accord {number}"), who="test")
        assert len(backups_of(db)) <= KEEP
    backups = backups_of(db)
    assert len(backups) == KEEP
    assert [len(titles(backup)) for backup in backups] == [10, 9, 8]  # the newest, newest first


def test_opening_removes_the_temporary_files_that_killed_writers_left_only(db):
    dead_writer = subprocess.Popen(["true"])  # a process id that no longer runs
    dead_writer.wait()
    left = [db.with_name(f".db.json{kind}.{dead_writer.pid}.tmp") for kind in ("", ".sauvegarde-20240101T000000.0Z")]
    in_progress = db.with_name(f".db.json.{os.getpid()}.tmp")
    for temporary in [*left, in_progress]:
        temporary.write_bytes(b"{")
    open_backed_up(db, KEEP).close()
    assert not any(temporary.exists() for temporary in left)
    assert in_progress.exists()


def test_no_backup_is_taken_of_an_unreadable_store(db):
    open_backed_up(db, KEEP).close()
    before = {backup: backup.read_bytes() for backup in backups_of(db)}
    content = corrupt(db)
    with pytest.raises(CorruptStore):
        open_backed_up(db, KEEP)
    assert {backup: backup.read_bytes() for backup in backups_of(db)} == before
    assert db.read_bytes() == content


def test_an_unreadable_store_is_refused_naming_its_newest_backup_that_loads(db):
    open_backed_up(db, KEEP).close()
    [good] = backups_of(db)
    unreadable = good.with_name("db.json.sauvegarde-29991231T235959.000000Z")  # newer, but cut short
    unreadable.write_bytes(b'{"facts": {"1": {"kind": "acc')
    corrupt(db)
    with pytest.raises(CorruptStore) as refused:
        opened(db)
    message = str(refused.value)
    assert message.startswith(f"La base {db} est illisible")
    assert f"Dernière sauvegarde lisible : {good}." in message
    assert f"diplobot restore --db {db}" in message


def test_an_unreadable_store_without_backup_says_so(db):
    corrupt(db)
    with pytest.raises(CorruptStore, match="Aucune sauvegarde lisible"):
        opened(db)


def test_restore_puts_the_newest_good_backup_back_and_keeps_the_unreadable_store_aside(db):
    open_backed_up(db, KEEP).close()
    [backup] = backups_of(db)
    content = corrupt(db)
    restored = restore(db)
    assert restored.source == backup
    assert restored.facts == 1
    assert db.read_bytes() == backup.read_bytes()
    assert titles(db) == ["Accord initial"]
    assert restored.kept_aside.name.startswith("db.json.corrompu-")
    assert restored.kept_aside.read_bytes() == content
    assert not loads(restored.kept_aside)


def test_restore_leaves_a_store_that_loads_unless_a_backup_is_named(db):
    open_backed_up(db, KEEP).close()
    [backup] = backups_of(db)
    store = FactStore(db)
    store.add_fact(make_fact("Ajout à défaire"), who="test")
    content = db.read_bytes()
    with pytest.raises(StoreError, match="se lit sans erreur"):
        restore(db)
    assert db.read_bytes() == content
    restored = restore(db, backup)
    assert titles(db) == ["Accord initial"]
    assert restored.kept_aside.name.startswith("db.json.avant-restauration-")
    assert restored.kept_aside.read_bytes() == content
    assert [fact.title for fact in store.facts()] == ["Accord initial"]  # a running store follows the file


def test_restore_refuses_an_unreadable_backup_and_changes_nothing(db, tmp_path):
    content = corrupt(db)
    with pytest.raises(StoreError, match="Aucune sauvegarde lisible"):
        restore(db)
    bad = tmp_path / "autre.json"
    bad.write_bytes(b"[]")
    with pytest.raises(StoreError, match="illisible"):
        restore(db, bad)
    assert db.read_bytes() == content
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["autre.json", "db.json"]


def test_a_store_cut_to_nothing_is_refused_not_backed_up_and_restored(db):
    open_backed_up(db, KEEP).close()
    [backup] = backups_of(db)
    db.write_bytes(b"")
    with pytest.raises(CorruptStore) as refused:
        open_backed_up(db, KEEP)
    assert f"La base {db} est vide" in str(refused.value)
    assert f"Dernière sauvegarde lisible : {backup}." in str(refused.value)
    assert backups_of(db) == [backup]
    assert restore(db).source == backup
    assert titles(db) == ["Accord initial"]


def test_a_deleted_store_that_has_backups_is_not_started_afresh_and_restore_brings_it_back(db):
    open_backed_up(db, KEEP).close()
    [backup] = backups_of(db)
    db.unlink()
    with pytest.raises(StoreError) as refused:
        open_backed_up(db, KEEP)
    assert f"La base {db} a disparu" in str(refused.value)
    assert f"Dernière sauvegarde lisible : {backup}." in str(refused.value)
    assert not db.exists() and backups_of(db) == [backup]
    restored = restore(db)
    assert restored.kept_aside is None
    assert titles(db) == ["Accord initial"]


def test_a_backup_that_fails_does_not_fail_the_change_it_follows(db, monkeypatch, caplog):
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)
    store = open_backed_up(db, KEEP)

    def disk_full(self, payload: bytes) -> None:
        raise OSError(28, "Aucun espace disponible sur le périphérique")

    monkeypatch.setattr(Backups, "take", disk_full)
    store.add_fact(make_fact("Suivant"), who="test")
    assert titles(db) == ["Accord initial", "Suivant"]
    assert "sauvegarde de" in caplog.text and "Aucun espace disponible" in caplog.text
