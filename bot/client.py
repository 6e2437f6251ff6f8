"""The Discord bot process: one client, the lookup commands as an extension, no work at import time."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import discord
from discord.ext import commands

from bot.settings import Settings
from facts.catalog import Catalog
from facts.store import FactStore

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.exts.lookup",)


class Diplobot(commands.Bot):
    def __init__(self, settings: Settings, store: FactStore) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.settings = settings
        self.store = store
        self.catalog = Catalog.from_store(store)

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.settings.guild_id:
            guild = discord.Object(id=self.settings.guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("%d commandes synchronisées sur le serveur %s", len(synced), self.settings.guild_id)
        else:
            log.warning("DIPLOBOT_GUILD_ID non défini : commandes non synchronisées à ce démarrage.")

    async def catalog_for(self, guild_id: int | None) -> Catalog:
        if guild_id is None:
            return self.catalog
        return await asyncio.to_thread(Catalog.from_store, self.store, guild_id)


def run_bot(settings: Settings, db: str | None = None) -> int:
    store = FactStore.open(Path(db) if db else settings.db)
    bot = Diplobot(settings, store)
    bot.run(settings.token, log_handler=None)
    return 0
