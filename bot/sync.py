"""Registers the slash commands with Discord only when they changed.

Discord rate-limits command registration, and a global sync takes up to an hour to spread, so the bot
keeps a hash of what it last registered beside the store and syncs again only when the payload differs
(or on `diplobot sync`). With DIPLOBOT_GUILD_ID set, commands go to that server only (instant, for
development); otherwise they are global.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import discord
import orjson
from discord.ext import commands

from facts.storage import write_atomically

log = logging.getLogger(__name__)


async def registration_payloads(bot: commands.Bot) -> list[dict]:
    """Exactly what a sync sends: one payload per command, with its translations."""
    translator = bot.tree.translator
    payloads = []
    for command in bot.tree.get_commands():
        payload = (
            await command.get_translated_payload(bot.tree, translator) if translator else command.to_dict(bot.tree)
        )
        payloads.append(payload)
    return sorted(payloads, key=lambda payload: (payload.get("type", 1), payload["name"]))


def state_path(bot: commands.Bot) -> Path:
    store_path = bot.store.path
    return store_path.with_name(f"{store_path.name}.commands.sha256")


def _fingerprint(bot: commands.Bot, payloads: list[dict]) -> str:
    """What was registered, where and for which application: another token or API means a new sync."""
    target = {"application": bot.application_id, "api": discord.http.Route.BASE, "guild": bot.settings.guild_id}
    blob = orjson.dumps({"target": target, "commands": payloads}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(blob).hexdigest()


async def sync(bot: commands.Bot) -> int:
    """Registers the commands now; returns how many Discord accepted."""
    guild_id = bot.settings.guild_id
    guild = discord.Object(id=guild_id) if guild_id else None
    if guild:
        bot.tree.copy_global_to(guild=guild)
    synced = await bot.tree.sync(guild=guild)
    fingerprint = _fingerprint(bot, await registration_payloads(bot))
    write_atomically(state_path(bot), fingerprint.encode())
    log.info("%d commandes synchronisées (%s)", len(synced), f"serveur {guild_id}" if guild_id else "globales")
    return len(synced)


async def sync_if_changed(bot: commands.Bot) -> bool:
    fingerprint = _fingerprint(bot, await registration_payloads(bot))
    path = state_path(bot)
    if path.is_file() and path.read_text().strip() == fingerprint:
        log.info("commandes inchangées : pas de synchronisation")
        return False
    await sync(bot)
    return True
