"""Operations: timeouts, slow writes, unexpected errors, sync from the command line, secrets in logs."""

import asyncio
import json
import logging
import threading

import discord
import pytest

from bot.cli import main
from facts import catalog_cache, editing, storage
from facts.store import FactStore
from tests.bot.conftest import SERVER
from tests.bot.discord_double import DiscordDouble, interaction, member
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
