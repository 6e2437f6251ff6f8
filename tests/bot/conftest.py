"""A real Diplobot with its real extensions, talking to the Discord double instead of Discord."""

import discord
import pytest

from bot.client import Diplobot
from bot.settings import Settings
from tests.bot import discord_double
from tests.bot.discord_double import DiscordDouble, settle

SERVER, OTHER_SERVER = 100_000_000_000_000_001, 100_000_000_000_000_002
MOD_ROLE, LOG_CHANNEL = 300_000_000_000_000_001, 400_000_000_000_000_001


class Harness:
    def __init__(self, bot: Diplobot, double: DiscordDouble) -> None:
        self.bot, self.double = bot, double

    async def send(self, payload: dict) -> dict:
        """Delivers a raw interaction as the gateway would, waits for the bot, returns its last callback."""
        self.bot._connection.parse_interaction_create(payload)
        await settle()
        replies = self.double.replies(int(payload["id"]), payload["token"])
        assert replies, f"aucune réponse à l'interaction {payload['data'].get('name')}"
        return replies[-1]

    async def send_together(self, payloads: list[dict]) -> list[dict]:
        """Delivers raw interactions in one burst, before the bot handles any; returns each one's last
        callback, in order."""
        for payload in payloads:
            self.bot._connection.parse_interaction_create(payload)
        await settle()
        return [self.double.replies(int(payload["id"]), payload["token"])[-1] for payload in payloads]

    async def slash(self, name: str, query: str | None = None, *, guild=SERVER, who=None, **options) -> dict:
        values = [discord_double.string_option("recherche", query)] if query is not None else []
        values += [{"name": key, "type": 3, "value": value} for key, value in options.items()]
        data = discord_double.chat_input(name, values)
        return await self.send(discord_double.interaction(2, data, guild, who or discord_double.member(1)))


@pytest.fixture
def settings(seed_store) -> Settings:
    return Settings(
        token="jeton-de-test", db=seed_store.path, guild_id=None, mod_role_ids=(MOD_ROLE,), log_channel_id=LOG_CHANNEL
    )


@pytest.fixture
async def harness(seed_store, settings, monkeypatch):
    """The bot logged in for real (setup hook, extensions, command sync), its HTTP session being the double."""
    double = DiscordDouble()
    monkeypatch.setattr(discord.http.aiohttp, "ClientSession", lambda **_: double)
    async with Diplobot(settings, seed_store) as bot:
        await bot.login(settings.token)
        yield Harness(bot, double)
    assert double.errors == [], "\n".join(double.errors)
