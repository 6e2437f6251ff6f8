"""Operations: timeouts, slow writes, unexpected errors, sync from the command line, secrets in logs."""

import asyncio
import json
import logging
import threading

import discord
import pytest

import bot.client
from bot.cli import main
from bot.commands import answer
from facts import catalog_cache, editing, storage
from facts.backups import backups_of
from facts.catalog import Catalog
from facts.store import FactStore
from tests.bot.conftest import SERVER
from tests.bot.discord_double import DiscordDouble, interaction, member
from tests.bot.environment import unset_settings
from tests.bot.test_moderation_interactions import MODERATOR


async def test_the_results_menu_is_disabled_when_it_times_out(harness, monkeypatch):
    # load_extension imports its own copy of the module: patch the class the bot really uses.
    results_view = harness.bot.extensions["bot.exts.lookup"].ResultsView
    views = []
    build = results_view.__init__

    def remembered(self, *args, **kwargs):
        build(self, *args, **kwargs)
        views.append(self)

    monkeypatch.setattr(results_view, "__init__", remembered)
    await harness.slash("accord", "Japon Ukraine")
    await views[-1].on_timeout()
    edit = harness.double.sent[-1]
    assert edit.method == "PATCH" and edit.path.endswith("/messages/@original")
    assert all(item["disabled"] for row in edit.body["components"] for item in row["components"])


async def test_a_slow_write_does_not_hold_up_lookups(harness, monkeypatch):
    release = threading.Event()

    def slowed(original):
        def slow_write(*args):
            release.wait(5)
            original(*args)

        return slow_write

    # Whichever way the change reaches the disk: a fresh snapshot or a line appended to the journal.
    monkeypatch.setattr(storage, "write_atomically", slowed(storage.write_atomically))
    monkeypatch.setattr(storage, "append_durably", slowed(storage.append_durably))
    await harness.slash("accord", "Japon UE")  # the server's catalog is cached from here on
    record = {"kind": "accord", "title": "Accord lent", "parties": ["France"],
              "sources": [{"article": "a", "quote": "q"}]}  # fmt: skip
    writing = asyncio.create_task(harness.bot.write(editing.add, record, editing.Editor("modo", SERVER)))
    await asyncio.sleep(0.05)
    looked_up = await asyncio.wait_for(harness.slash("visite", "Iwaya"), timeout=2)
    assert not writing.done()
    assert "Iwaya" in looked_up["data"]["embeds"][0]["title"]
    release.set()
    fact = await writing
    assert (await harness.bot.catalog_for(SERVER)).by_id[fact.id].title == "Accord lent"


async def test_an_unexpected_failure_gets_a_french_reply_and_a_log_line(harness, monkeypatch, caplog):
    def broken(*args):
        raise RuntimeError("panne")

    monkeypatch.setattr(editing, "history", broken)
    moderator = member(10, permissions=(1 << 13) | (1 << 31))
    numero = {"name": "numero", "type": 4, "value": 1}
    data = {"id": "1", "name": "fait", "type": 1, "options": [{"name": "historique", "type": 1, "options": [numero]}]}
    with caplog.at_level(logging.ERROR):
        reply = await harness.send(interaction(2, data, SERVER, moderator))
    assert reply["data"]["flags"] & 64
    assert "erreur inattendue" in reply["data"]["embeds"][0]["description"]
    assert any("panne" in (record.exc_text or str(record.exc_info)) for record in caplog.records)


def test_sync_command_registers_even_when_nothing_changed(tmp_path, monkeypatch, capsys):
    double = DiscordDouble()
    monkeypatch.setattr(discord.http.aiohttp, "ClientSession", lambda **_: double)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "jeton-de-test")
    monkeypatch.delenv("DIPLOBOT_GUILD_ID", raising=False)
    for _ in range(2):
        assert main(["sync", "--db", str(tmp_path / "db.json")]) == 0
    assert len(double.commands_registered()) == 2
    assert double.errors == []


def test_commands_json_prints_the_registration_payloads(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["commands", "--json", "--db", str(tmp_path / "db.json")]) == 0
    payloads = json.loads(capsys.readouterr().out)
    assert {payload["name"] for payload in payloads} >= {"accord", "fait", "Faits liés"}


@pytest.fixture
def every_log_line(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


async def test_the_token_never_reaches_the_logs(every_log_line, harness, settings):
    """`every_log_line` comes first: the bot logs in with every line captured, down to DEBUG."""
    await harness.slash("accord", "Japon UE")
    await harness.slash("fait", None)
    await harness.slash("chercher", "Japon")
    await harness.slash("revue", who=MODERATOR)
    logged = "\n".join(
        record.getMessage() for phase in ("setup", "call") for record in every_log_line.get_records(phase)
    )
    assert "logging in using static token" in logged, "la connexion n'a pas été journalisée"
    assert settings.token not in logged
    assert settings.token not in repr(harness.bot.settings)


async def test_an_import_from_the_command_line_reaches_the_running_bot(harness, seed_store):
    from facts.interchange import import_document
    from facts.store import FactStore

    await harness.slash("accord", "France Maroc")  # cached while the store has no such fact
    outside = FactStore(seed_store.path)
    record = {"kind": "accord", "title": "Accord importé à côté", "parties": ["France", "Maroc"],
              "sources": [{"article": "a", "quote": "q"}]}  # fmt: skip
    import_document(outside, {"facts": [record]}, who="cli")
    found = await harness.slash("accord", "France Maroc")
    assert "Accord importé à côté" in found["data"]["embeds"][0]["title"]


async def test_a_refused_edit_keeps_the_catalogs(harness):
    """Nothing was written: no server has to wait for its catalog to be rebuilt."""
    before = await harness.bot.catalog_for(None)

    def refuse(store):
        raise editing.EditRefused("refusé avant toute écriture")

    with pytest.raises(editing.EditRefused):
        await harness.bot.write(refuse)
    assert await harness.bot.catalog_for(None) is before


async def test_a_servers_catalog_is_kept_for_the_next_start_up_once_it_has_answered(harness, seed_store):
    catalog = await harness.bot.catalog_for(SERVER)
    await asyncio.gather(*harness.bot._background)  # written in the background, after the first answer
    assert catalog_cache.cache_path(seed_store.path, SERVER).exists()
    restarted, built_from = catalog_cache.load_or_build(FactStore(seed_store.path), SERVER)
    assert built_from is None  # taken from the cache, which covered the whole file
    assert restarted.derivation() == catalog.derivation()


RESTART_QUERIES = (("accord", "Japon UE"), ("visite", "Iwaya"), ("chercher", "accord de défense"), ("accord", "France"))


def answers(catalog: Catalog) -> list[dict]:
    return [answer(catalog, command, query).payload for command, query in RESTART_QUERIES]


def assert_next_start_is_warm(path, guild_id: int | None) -> None:
    """The next start-up takes the server's catalog from a cache covering the whole store file, and it is
    the catalog a cold start builds: same structures, same answers."""
    store = FactStore(path)
    catalog, built_from = catalog_cache.load_or_build(store, guild_id)
    assert built_from is None  # nothing derived from the store that a cache did not hold
    cold = Catalog.from_store(store, guild_id).warm()
    assert catalog.derivation() == cold.derivation()
    assert answers(catalog) == answers(cold)


def snapshot_on_every_write(monkeypatch) -> None:
    monkeypatch.setattr(storage, "COMPACT_MIN_BYTES", 0)
    monkeypatch.setattr(storage, "COMPACT_SHARE", 0)


async def hide_as_moderator(harness, numero: int) -> None:
    """`/fait supprimer` of a global fact through the bot, as a moderator of the server: a write (the fact
    hidden on this server), replied to."""
    options = [{"name": "supprimer", "type": 1, "options": [{"name": "numero", "type": 4, "value": numero}]}]
    data = {"id": "1", "name": "fait", "type": 1, "options": options}
    reply = await harness.send(interaction(2, data, SERVER, MODERATOR))
    assert f"Fait n°{numero} masqué sur ce serveur" in reply["data"]["embeds"][0]["title"]


async def started_and_cached(harness) -> None:
    """The server's catalog in use, and its cache written as at any start-up."""
    await harness.slash("accord", "Japon UE")
    await asyncio.gather(*harness.bot._background)


async def test_after_a_new_snapshot_the_caches_are_written_again_once_writes_pause(harness, seed_store, monkeypatch):
    monkeypatch.setattr(bot.client, "CACHE_WRITE_PAUSE", 0)
    await started_and_cached(harness)
    snapshot_on_every_write(monkeypatch)
    before = seed_store.extent()
    await hide_as_moderator(harness, 1)
    assert catalog_cache.outdates_caches(before, FactStore(seed_store.path).extent())
    writer = harness.bot._cache_writer
    if writer is not None:  # not already done while the reply was awaited
        await writer
    assert_next_start_is_warm(seed_store.path, SERVER)


async def test_the_caches_a_snapshot_outdated_wait_for_the_pause_or_the_bot_closing(harness, seed_store, monkeypatch):
    """Not while the write's reply is being sent (writing a cache holds the GIL); written when the bot
    closes if it closes first."""
    await started_and_cached(harness)
    snapshot_on_every_write(monkeypatch)
    await hide_as_moderator(harness, 1)
    store = FactStore(seed_store.path)
    assert catalog_cache._restored(store, SERVER, store.extent()) is None  # the cache of the old snapshot
    assert harness.bot._cache_writer is not None and not harness.bot._cache_writer.done()
    await harness.bot.close()
    assert_next_start_is_warm(seed_store.path, SERVER)


@pytest.mark.parametrize("failure", ["disk full", "bug"])
async def test_a_cache_that_cannot_be_written_after_a_write_is_logged_not_raised(
    harness, seed_store, monkeypatch, caplog, failure
):
    await started_and_cached(harness)
    cache = catalog_cache.cache_path(seed_store.path, SERVER)
    written_at_start = cache.read_bytes()
    snapshot_on_every_write(monkeypatch)
    await hide_as_moderator(harness, 1)  # the store written: from here on, only the cache writes

    def disk_full(_descriptor):
        raise OSError(28, "No space left on device")

    def bug(*args):
        raise RuntimeError("panne")

    if failure == "disk full":
        monkeypatch.setattr(storage.os, "fsync", disk_full)
    else:
        monkeypatch.setattr(catalog_cache, "save", bug)
    files = sorted(entry.name for entry in seed_store.path.parent.iterdir())
    with caplog.at_level(logging.WARNING):
        await harness.bot.close()  # the outdated cache written now, and failing
    assert ("non écrit" if failure == "disk full" else "non réécrits") in caplog.text
    assert cache.read_bytes() == written_at_start  # nothing half-written in its place, nothing left beside
    assert sorted(entry.name for entry in seed_store.path.parent.iterdir()) == files
    assert harness.bot._cache_writer is None and not harness.bot._outdated_caches


async def test_after_an_import_from_the_command_line_the_bots_first_start_is_warm(
    harness, seed_store, tmp_path, monkeypatch
):
    unset_settings(monkeypatch)
    monkeypatch.chdir(tmp_path)
    document = tmp_path / "faits.json"
    record = {"kind": "accord", "title": "Accord importé avant le démarrage", "parties": ["France", "Maroc"],
              "sources": [{"article": "a", "quote": "q"}]}  # fmt: skip
    document.write_text(json.dumps({"facts": [record]}))
    assert main(["import", str(document), "--db", str(seed_store.path)]) == 0
    built = []
    build = Catalog.from_store

    def spied(store, guild_id=None):
        built.append(guild_id)
        return build(store, guild_id)

    monkeypatch.setattr(Catalog, "from_store", spied)
    found = await harness.slash("accord", "France Maroc")  # the bot's first catalog
    assert built == []  # taken from the cache the import left, not built from the store
    assert "Accord importé avant le démarrage" in found["data"]["embeds"][0]["title"]
    monkeypatch.undo()
    assert_next_start_is_warm(seed_store.path, SERVER)


def test_a_restore_from_the_command_line_leaves_a_cache_of_the_restored_store_only(tmp_path, monkeypatch):
    unset_settings(monkeypatch)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "diplobot.json"
    FactStore.open(path).close()
    document = tmp_path / "faits.json"
    record = {"kind": "accord", "title": "Accord écrit après la sauvegarde", "parties": ["France", "Maroc"],
              "sources": [{"article": "a", "quote": "q"}]}  # fmt: skip
    document.write_text(json.dumps({"facts": [record]}))
    assert main(["import", str(document), "--db", str(path)]) == 0  # backs up the store as it was, first
    store = FactStore(path)
    for guild_id in (None, SERVER):  # caches of the store the restore puts aside
        catalog_cache.save(store, Catalog.from_store(store, guild_id).warm(), guild_id, store.extent())
        assert catalog_cache._restored(store, guild_id, store.extent()) is not None
    backup = backups_of(path)[-1]
    assert main(["restore", "--from", str(backup), "--db", str(path)]) == 0
    store = FactStore(path)
    assert catalog_cache._restored(store, SERVER, store.extent()) is None
    assert "Accord écrit après la sauvegarde" not in [fact.title for fact in store.facts()]
    assert_next_start_is_warm(path, SERVER)
    assert_next_start_is_warm(path, None)
