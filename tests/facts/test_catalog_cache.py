"""A catalog taken from its cache beside the store is the catalog built from the store, whatever was written
since; a cache that does not fit the store, or that is damaged or foreign, is ignored."""

import logging
import os
import pickle
import random
import shutil

import pytest

import facts.storage
from facts import catalog_cache
from facts.backups import open_backed_up, restore
from facts.catalog import Catalog
from facts.matching import search
from facts.store import FactStore
from tests.facts.sample import make_fact
from tests.facts.test_catalog import GUILD, observed, random_write

QUERIES = ("Japon UE", "Japon", "accord de défense", "Iwaya", "Corée du Sud France 2024")


def seen(catalog: Catalog) -> dict:
    """Everything a lookup reads, what the cache keeps, and the answers to a few queries."""
    return {
        **observed(catalog),
        "derivation": catalog.derivation(),
        "answers": {query: [(r.fact.id, r.covered, r.direct, r.text_score) for r in search(catalog, query).results]
                    for query in QUERIES},
    }  # fmt: skip


def cached(store: FactStore, guild_id: int | None = GUILD) -> Catalog:
    """The catalog as a start-up gets it, asserting it came from the cache."""
    restored = catalog_cache._restored(store, guild_id, store.extent())
    assert restored is not None
    return restored[0]


def first_start(path, guild_id: int | None = GUILD) -> None:
    """A start-up that builds the catalog and leaves its cache, as the bot does."""
    store = FactStore(path)
    catalog, built_from = catalog_cache.load_or_build(store, guild_id)
    assert built_from is not None
    catalog_cache.save(store, catalog, guild_id, built_from)
    store.close()


@pytest.fixture
def store_path(seed_store):
    """The shipped store with writes of every kind in its journal, closed, no cache yet."""
    rng = random.Random(5)
    for _ in range(30):
        random_write(seed_store, rng)
    seed_store.close()
    return seed_store.path


@pytest.mark.parametrize("guild_id", [None, GUILD])
def test_a_cached_catalog_is_the_catalog_built_from_the_store(store_path, guild_id):
    first_start(store_path, guild_id)
    store = FactStore(store_path)
    catalog, built_from = catalog_cache.load_or_build(store, guild_id)
    assert built_from is None  # the cache covered the whole file: nothing to write again
    assert seen(catalog) == seen(Catalog.from_store(store, guild_id).warm())
    assert seen(cached(store, guild_id)) == seen(Catalog.from_store(store, guild_id).warm())


@pytest.mark.parametrize("seed", range(4))
def test_writes_after_the_cache_are_taken_into_account(store_path, seed):
    """Journal records appended since, by this process or another (a second store on the same file):
    adds, edits, deletions, reviews, masks, in this server and others."""
    first_start(store_path)
    rng = random.Random(seed)
    writer, other_process = FactStore(store_path), FactStore(store_path)
    for _ in range(20):
        random_write(rng.choice((writer, other_process)), rng)
    store = FactStore(store_path)
    assert seen(cached(store)) == seen(Catalog.from_store(store, GUILD).warm())
    catalog, built_from = catalog_cache.load_or_build(writer, GUILD)
    assert built_from is not None  # the journal grew past the cache: written again for the next start
    assert seen(catalog) == seen(Catalog.from_store(writer, GUILD).warm())


def test_a_catalog_cached_after_writes_follows_the_next_ones(store_path):
    first_start(store_path)
    rng = random.Random(9)
    store = FactStore(store_path)
    for _ in range(10):
        random_write(store, rng)
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    catalog_cache.save(store, catalog, GUILD, built_from)
    for _ in range(10):
        random_write(store, rng)
    assert seen(cached(FactStore(store_path))) == seen(Catalog.from_store(store, GUILD).warm())


def test_a_cache_of_a_snapshot_rewritten_since_is_ignored(store_path, monkeypatch):
    first_start(store_path)
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)  # the next write is a new snapshot
    random_write(FactStore(store_path), random.Random(1))
    store = FactStore(store_path)
    assert catalog_cache._restored(store, GUILD, store.extent()) is None
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    assert built_from is not None
    assert seen(catalog) == seen(Catalog.from_store(store, GUILD).warm())


def test_a_cache_of_a_store_replaced_by_a_restore_is_ignored(store_path):
    backed_up = open_backed_up(store_path, keep=3)  # backs up the store as it is now
    backed_up.add_fact(make_fact("Après la sauvegarde"), who="test")
    backed_up.close()
    first_start(store_path)
    restore(store_path, source=next(store_path.parent.glob("*.sauvegarde-*")))
    store = FactStore(store_path)
    assert catalog_cache._restored(store, GUILD, store.extent()) is None
    assert seen(catalog_cache.load_or_build(store, GUILD)[0]) == seen(Catalog.from_store(store, GUILD).warm())


def test_a_store_rewritten_with_other_bytes_of_the_same_length_is_noticed(store_path):
    first_start(store_path)
    raw = bytearray(store_path.read_bytes())
    at = raw.index(b'"title":"') + len(b'"title":"')
    raw[at] = ord("X") if raw[at] != ord("X") else ord("Y")  # another title, same size
    store_path.write_bytes(bytes(raw))
    store = FactStore(store_path)
    assert catalog_cache._restored(store, GUILD, store.extent()) is None


def test_a_cache_for_another_server_or_other_code_is_ignored(store_path, monkeypatch):
    first_start(store_path, None)
    shutil.copyfile(catalog_cache.cache_path(store_path, None), catalog_cache.cache_path(store_path, GUILD))
    store = FactStore(store_path)
    assert catalog_cache._restored(store, GUILD, store.extent()) is None
    assert catalog_cache._restored(store, None, store.extent()) is not None
    monkeypatch.setattr(catalog_cache, "_code_digest", lambda: "autre code")
    assert catalog_cache._restored(store, None, store.extent()) is None


class _Planted:
    """What a hostile cache file would make a plain `pickle.load` run: here, create a directory."""

    def __init__(self, target) -> None:
        self.target = target

    def __reduce__(self):
        return (os.mkdir, (str(self.target),))


@pytest.mark.parametrize(
    "damage",
    ["cut", "garbled", "empty", "not a pickle", "code", "header only", "wrong shape"],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_the_store_untouched(store_path, damage, tmp_path, caplog):
    first_start(store_path)
    cache = catalog_cache.cache_path(store_path, GUILD)
    raw = cache.read_bytes()
    header = pickle.loads(raw)
    planted = tmp_path / "planted"
    replacement = {
        "cut": raw[: len(raw) // 2],
        "garbled": raw[:200] + bytes(reversed(raw[200:])),
        "empty": b"",
        "not a pickle": b'{"facts": {}}\n',
        "code": pickle.dumps(header) + pickle.dumps(_Planted(planted)),
        "header only": pickle.dumps(header),
        "wrong shape": pickle.dumps(header) + pickle.dumps(([], {"ids": [1], "countries": {}})),
    }[damage]
    cache.write_bytes(replacement)
    before = store_path.read_bytes()
    store = FactStore(store_path)
    with caplog.at_level(logging.WARNING):
        catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    assert built_from is not None
    assert seen(catalog) == seen(Catalog.from_store(store, GUILD).warm())
    assert store_path.read_bytes() == before
    assert not planted.exists()


def test_a_cache_that_fails_to_be_written_leaves_nothing_half_written(store_path, monkeypatch, caplog):
    store = FactStore(store_path)
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    files = sorted(entry.name for entry in store_path.parent.iterdir())

    def disk_full(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(facts.storage.os, "fsync", disk_full)
    with caplog.at_level(logging.WARNING):
        catalog_cache.save(store, catalog, GUILD, built_from)  # reported, not raised
    assert "non écrit" in caplog.text
    assert sorted(entry.name for entry in store_path.parent.iterdir()) == files


def test_no_cache_is_written_for_a_store_written_since_the_catalog_was_built(store_path):
    store = FactStore(store_path)
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    FactStore(store_path).add_fact(make_fact("Écrit par un autre processus"), who="test")
    catalog_cache.save(store, catalog, GUILD, built_from)
    assert not catalog_cache.cache_path(store_path, GUILD).exists()


def _snapshot_on_next_write(monkeypatch) -> None:
    monkeypatch.setattr(facts.storage, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(facts.storage, "COMPACT_SHARE", 0)


def test_only_a_new_snapshot_line_or_another_file_outdates_the_caches(store_path, monkeypatch):
    store = FactStore(store_path)
    before = store.extent()
    store.add_fact(make_fact("Ajouté au journal"), who="test")
    appended = store.extent()
    assert appended != before and not catalog_cache.outdates_caches(before, appended)
    _snapshot_on_next_write(monkeypatch)
    store.add_fact(make_fact("Dans un nouvel instantané"), who="test")
    assert catalog_cache.outdates_caches(appended, store.extent())
    store.close()
    backed_up = open_backed_up(store_path, keep=3)
    backed_up.add_fact(make_fact("Après la sauvegarde"), who="test")
    before_restore = backed_up.extent()
    restore(store_path, source=next(store_path.parent.glob("*.sauvegarde-*")))
    assert catalog_cache.outdates_caches(before_restore, FactStore(store_path).extent())


def test_a_server_without_a_cache_of_its_own_starts_from_the_global_one(store_path):
    """Its own facts and the facts it hides, which the global cache lacks or holds, are derived again."""
    first_start(store_path, None)
    store = FactStore(store_path)
    assert store.hidden_in(GUILD) and any(fact.guild_id == GUILD for fact in store.facts())
    assert catalog_cache._restored_from(store, GUILD, None, store.extent()) is not None
    catalog, built_from = catalog_cache.load_or_build(store, GUILD)
    assert built_from is None  # the global cache covered the whole file
    assert seen(catalog) == seen(Catalog.from_store(store, GUILD).warm())
    assert not catalog_cache.cache_path(store_path, GUILD).exists()


def test_refresh_leaves_a_cache_that_fits_after_a_new_snapshot(store_path, monkeypatch):
    first_start(store_path, None)
    store = FactStore(store_path)
    before = store.extent()
    _snapshot_on_next_write(monkeypatch)
    store.add_fact(make_fact("Dans un nouvel instantané"), who="test")
    assert catalog_cache._restored(store, None, store.extent()) is None
    catalog_cache.refresh(store, before)
    restarted = FactStore(store_path)
    catalog, built_from = catalog_cache.load_or_build(restarted, None)
    assert built_from is None
    assert seen(catalog) == seen(Catalog.from_store(restarted).warm())


def test_refresh_leaves_a_cache_that_still_fits_as_it_is(store_path):
    """Only appended to the journal behind it: a start-up derives those facts again, no need to write."""
    first_start(store_path, None)
    cache = catalog_cache.cache_path(store_path, None)
    written = cache.read_bytes()
    store = FactStore(store_path)
    before = store.extent()
    catalog_cache.refresh(store, before)  # nothing written: nothing to do either
    store.add_fact(make_fact("Ajouté au journal"), who="test")
    catalog_cache.refresh(store, before)
    assert cache.read_bytes() == written
    assert seen(cached(FactStore(store_path), None)) == seen(Catalog.from_store(store).warm())


def test_refresh_writes_the_missing_cache_even_after_a_mere_append(store_path):
    """A store no bot has opened yet (just imported into): its first start-up is warm."""
    store = FactStore(store_path)
    before = store.extent()
    store.add_fact(make_fact("Ajouté au journal"), who="test")
    catalog_cache.refresh(store, before)
    assert seen(cached(FactStore(store_path), None)) == seen(Catalog.from_store(store).warm())


def test_refresh_replaces_a_cache_that_no_longer_fits_even_after_a_mere_append(store_path, monkeypatch):
    """A new snapshot line another process wrote since the cache: the command's own append does not hide it."""
    first_start(store_path, None)
    _snapshot_on_next_write(monkeypatch)
    FactStore(store_path).add_fact(make_fact("Dans un nouvel instantané"), who="test")
    monkeypatch.undo()
    store = FactStore(store_path)
    before = store.extent()
    store.add_fact(make_fact("Ajouté au journal"), who="test")
    assert not catalog_cache.outdates_caches(before, store.extent())
    catalog_cache.refresh(store, before)
    assert seen(cached(FactStore(store_path), None)) == seen(Catalog.from_store(store).warm())
