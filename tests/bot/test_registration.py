"""What a sync registers, exactly as discord.py builds it, checked against Discord's spec."""

import pytest

from bot.client import command_payloads
from bot.commands import COMMANDS
from bot.settings import Settings
from tests.discord_spec import validate_command


@pytest.fixture(scope="module")
def payloads(tmp_path_factory):
    db = tmp_path_factory.mktemp("registration") / "db.json"
    settings = Settings(token=None, db=db, guild_id=None, mod_role_ids=(), log_channel_id=None)
    return {payload["name"]: payload for payload in command_payloads(settings, str(db))}


def test_every_payload_is_valid(payloads):
    assert set(COMMANDS) | {"fait", "Faits liés", "revue", "article"} == set(payloads)
    for payload in payloads.values():
        validate_command(payload)


def test_lookups_have_an_autocompleted_search_option(payloads):
    for name in set(COMMANDS) - {"aide"}:
        (option,) = payloads[name]["options"]
        assert (option["name"], option["autocomplete"], option["required"]) == ("recherche", True, True)


def test_english_users_see_english_names(payloads):
    assert payloads["accord"]["name_localizations"]["en-US"] == "agreement"
    assert payloads["accord"]["options"][0]["name_localizations"]["en-GB"] == "query"
    assert payloads["Faits liés"]["name_localizations"]["en-US"] == "Related facts"
    subcommands = {option["name"]: option for option in payloads["fait"]["options"]}
    assert subcommands["annuler"]["name_localizations"]["en-US"] == "undo"


def test_moderation_is_hidden_from_members_without_manage_messages(payloads):
    fait = payloads["fait"]
    assert int(fait["default_member_permissions"]) == 1 << 13
    assert fait["dm_permission"] is False
    assert {option["name"] for option in fait["options"]} == {
        "ajouter", "modifier", "supprimer", "restaurer", "historique", "annuler",
    }  # fmt: skip


def test_related_facts_is_a_message_command(payloads):
    assert payloads["Faits liés"]["type"] == 3


async def _login_once(settings, store, monkeypatch):
    import discord

    from bot.client import Diplobot
    from tests.bot.discord_double import DiscordDouble

    double = DiscordDouble()
    monkeypatch.setattr(discord.http.aiohttp, "ClientSession", lambda **_: double)
    async with Diplobot(settings, store) as bot:
        await bot.login(settings.token)
    assert double.errors == [], "\n".join(double.errors)
    return double.commands_registered()


async def test_commands_are_synced_once_then_only_when_they_change(settings, seed_store, monkeypatch):
    first = await _login_once(settings, seed_store, monkeypatch)
    assert [sent.path for sent in first] == ["/applications/900000000000000001/commands"]
    assert await _login_once(settings, seed_store, monkeypatch) == []


async def test_a_dev_server_gets_the_commands_instead_of_everyone(settings, seed_store, monkeypatch):
    from dataclasses import replace

    registered = await _login_once(replace(settings, guild_id=123), seed_store, monkeypatch)
    assert [sent.path for sent in registered] == ["/applications/900000000000000001/guilds/123/commands"]
