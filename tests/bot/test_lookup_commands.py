"""Registration payloads of the lookup commands, as discord.py would send them, against Discord's spec."""

import pytest

from bot.client import Diplobot
from bot.commands import COMMANDS
from bot.settings import Settings
from tests.discord_spec import validate_command


@pytest.fixture
async def bot(seed_store, tmp_path):
    settings = Settings(
        token=None, db=tmp_path / "db.json", guild_id=None, mod_role_ids=(), log_channel_id=None
    )
    client = Diplobot(settings, seed_store)
    from bot.exts.lookup import setup

    await setup(client)
    yield client
    await client.close()


async def test_every_command_registers_with_a_valid_payload(bot):
    payloads = [command.to_dict(bot.tree) for command in bot.tree.get_commands()]
    assert {payload["name"] for payload in payloads} == set(COMMANDS)
    for payload in payloads:
        validate_command(payload)
        assert len(payload["description"]) <= 100
