"""Sending render's payloads through discord.py: one place turns a payload into a response or, once the
interaction was answered or deferred, a follow-up, with its content, embeds and privacy as render set
them, and never a notification."""

from __future__ import annotations

import discord

from bot.render import EPHEMERAL


async def send_payload(
    interaction: discord.Interaction,
    payload: dict,
    view: discord.ui.View = discord.utils.MISSING,
    private: bool = False,
) -> None:
    """`private` makes a payload render meant for everyone visible to the user alone."""
    options = {
        "content": payload.get("content"),
        "embeds": [discord.Embed.from_dict(embed) for embed in payload.get("embeds", [])],
        "ephemeral": private or bool(payload.get("flags", 0) & EPHEMERAL),
        "allowed_mentions": discord.AllowedMentions.none(),
        "view": view,
    }
    if interaction.response.is_done():
        await interaction.followup.send(**options)
    else:
        await interaction.response.send_message(**options)
