"""The Discord bot process: the store behind one lock, catalogs cached per server, features as extensions."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from bot.cooldown import Cooldowns
from bot.errors import handle_app_command_error
from bot.settings import Settings
from bot.sync import registration_payloads, sync, sync_if_changed
from bot.translations import EnglishTranslator
from facts import catalog_cache
from facts.backups import open_backed_up, opened
from facts.catalog import Catalog
from facts.store import FactStore

log = logging.getLogger(__name__)

EXTENSIONS = ("bot.exts.lookup", "bot.exts.moderation", "bot.exts.review")
Result = TypeVar("Result")

# Seconds without a write before the caches a new snapshot outdated are written again: the write's reply
# (and the log channel's message) is out by then, and writing a cache holds the GIL 0.13 s in one piece at
# 100,000 facts. On closing, they are written at once.
CACHE_WRITE_PAUSE = 5.0


class Diplobot(commands.Bot):
    def __init__(self, settings: Settings, store: FactStore, force_sync: bool = False, **options) -> None:
        # A text-only bot: silence discord.py's warning that voice libraries are missing.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents(guilds=True),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self.store = store
        self.force_sync = force_sync
        self.cooldowns = Cooldowns(settings.cooldown)
        self._write_lock = asyncio.Lock()
        self._catalogs: dict[int | None, Catalog] = {}
        self._revision = store.revision()
        self._background: set[asyncio.Task] = set()  # word indexes built and catalog caches written meanwhile
        # Servers whose catalog cache a new snapshot line outdated, and the store as the last write left it
        # (with `_catalogs`, set together: the pair a cache is written from).
        self._outdated_caches: set[int | None] = set()
        self._written_extent: catalog_cache.Extent | None = None
        self._cache_writer: asyncio.Task | None = None
        self._closing = asyncio.Event()

    async def prepare(self) -> None:
        """Everything before talking to Discord: error handler, translations, extensions."""
        # A pasted page with no readable text is the member's mistake, answered in French; trafilatura's own
        # ERROR lines about it ("empty HTML tree") would only fill the bot's log with other people's input.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        self.tree.on_error = handle_app_command_error
        await self.tree.set_translator(EnglishTranslator())
        for extension in EXTENSIONS:
            await self.load_extension(extension)

    async def setup_hook(self) -> None:
        await self.prepare()
        await (sync(self) if self.force_sync else sync_if_changed(self))

    async def catalog_for(self, guild_id: int | None) -> Catalog:
        """What a server sees. Cached, so lookups never wait for a write in progress."""
        if not self._write_lock.locked() and self.store.revision() != self._revision:
            # Someone else wrote the file (an import from the command line): start afresh. Our own write
            # moves the revision too, and brings the catalogs up to date itself.
            self._catalogs, self._revision = {}, self.store.revision()
        catalog = self._catalogs.get(guild_id)
        if catalog is None:
            async with self._write_lock:
                catalog = self._catalogs.get(guild_id)
                if catalog is None:
                    catalog, built_from = await asyncio.to_thread(catalog_cache.load_or_build, self.store, guild_id)
                    self._catalogs[guild_id] = catalog
                    self._warm_words(catalog)
                    if built_from is not None:
                        # For the next start-up, once this one has answered.
                        self._in_background(catalog_cache.save, self.store, catalog, guild_id, built_from)
        return catalog

    def _warm_words(self, catalog: Catalog) -> None:
        """The word index only free-text queries need takes seconds at 100,000 facts: built in the
        background, so the first such query does not pay for it."""
        if not catalog.has_word_index():
            self._in_background(catalog.warm_words)

    def _in_background(self, function: Callable[..., object], *args) -> None:
        task = asyncio.create_task(asyncio.to_thread(function, *args))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def write(self, operation: Callable[..., Result], *args) -> Result:
        """Runs `operation(store, *args)` off the event loop, one write at a time. Each cached catalog is
        replaced by one following the write's changes (not rebuilt), so a lookup sees the old facts or
        the new ones, never a mix, and lookups keep running on the old catalogs meanwhile."""

        def apply() -> tuple[Result, dict[int | None, Catalog], catalog_cache.Extent, bool]:
            before = self.store.extent()
            with self.store.watch() as changes:
                try:
                    result = operation(self.store, *args)
                except BaseException:
                    if changes:  # a change was under way: the catalogs are built again from the file
                        self._catalogs = {}
                    raise
            catalogs = {guild: catalog.following(changes, self.store, guild)
                        for guild, catalog in self._catalogs.items()}  # fmt: skip
            after = self.store.extent()
            return result, catalogs, after, catalog_cache.outdates_caches(before, after)

        async with self._write_lock:
            result, self._catalogs, self._written_extent, outdated = await asyncio.to_thread(apply)
            self._revision = self.store.revision()
            if outdated:
                self._outdated_caches.update(self._catalogs)
            if self._outdated_caches and self._cache_writer is None:
                self._cache_writer = asyncio.create_task(self._write_outdated_caches())
        for catalog in self._catalogs.values():
            self._warm_words(catalog)
        return result

    async def _write_outdated_caches(self) -> None:
        """Writes again the caches a new snapshot line outdated, so that the next start-up is warm: after
        `CACHE_WRITE_PAUSE`, each from the catalog and the store's extent the last write left (a cache of an
        extent the store has moved past since is refused by `save`, and tried again after another pause).
        Never raises: a cache only saves work."""
        try:
            while self._outdated_caches:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), CACHE_WRITE_PAUSE)
                extent, catalogs = self._written_extent, self._catalogs
                for guild_id in list(self._outdated_caches):
                    catalog = catalogs.get(guild_id)
                    # No catalog: another process wrote, and the next lookup builds and saves it afresh.
                    if catalog is None or await asyncio.to_thread(
                        catalog_cache.save, self.store, catalog, guild_id, extent
                    ):
                        self._outdated_caches.discard(guild_id)
                if self._written_extent is extent:  # refused, yet not for a write of ours: not retried
                    self._outdated_caches.clear()
        except Exception:
            log.exception("caches des catalogues non réécrits après un nouvel instantané")
            self._outdated_caches.clear()
        finally:
            self._cache_writer = None

    async def close(self) -> None:
        """No reply is left to wait for: the caches a new snapshot outdated are written now."""
        self._closing.set()
        if self._cache_writer is not None:
            await self._cache_writer
        await super().close()

    async def read(self, operation: Callable[..., Result], *args) -> Result:
        """Runs `operation(store, *args)` off the event loop, never during a write."""
        async with self._write_lock:
            return await asyncio.to_thread(operation, self.store, *args)

    async def log_change(self, embed: dict, guild_id: int | None) -> None:
        """Posts a change to the moderators' log channel, when one is configured. A server's private
        facts never go to a log channel known to belong to another server."""
        channel_id = self.settings.log_channel_id
        if not channel_id:
            return
        known = self.get_channel(channel_id)
        if known is not None and getattr(known, "guild", None) is not None and known.guild.id != guild_id:
            return
        channel = self.get_partial_messageable(channel_id)
        try:
            await channel.send(embed=discord.Embed.from_dict(embed), allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            log.warning("journal des modifications inaccessible (salon %s) : %s", channel_id, error)


def use_endpoints(settings: Settings) -> None:
    """Points discord.py at a local Discord double when the test-only settings say so."""
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def run_bot(settings: Settings, db: str | None = None) -> int:
    use_endpoints(settings)
    bot = Diplobot(settings, open_backed_up(Path(db) if db else settings.db, settings.backups))
    logging.getLogger().setLevel(logging.INFO)  # the CLI installed the one handler
    bot.run(settings.token, log_handler=None)
    return 0


def sync_commands(settings: Settings, db: str | None = None) -> int:
    """`diplobot sync`: logs in over HTTP only, registers the commands, and leaves."""

    async def login_and_sync() -> None:
        async with Diplobot(settings, opened(Path(db) if db else settings.db), force_sync=True) as bot:
            await bot.login(settings.token)

    use_endpoints(settings)
    logging.getLogger().setLevel(logging.INFO)
    asyncio.run(login_and_sync())
    return 0


def command_payloads(settings: Settings, db: str | None = None) -> list[dict]:
    """`diplobot commands --json`: what a sync would register, without any network."""

    async def build() -> list[dict]:
        async with Diplobot(settings, opened(Path(db) if db else settings.db)) as bot:
            await bot.prepare()
            return await registration_payloads(bot)

    return asyncio.run(build())
