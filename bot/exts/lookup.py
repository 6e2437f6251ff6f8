"""The lookup slash commands, generated from the shared command table so the bot and the console agree."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands import COMMANDS, Command, answer
from bot.render import EPHEMERAL


async def send_payload(interaction: discord.Interaction, payload: dict) -> None:
    """Sends a core payload as the interaction's response, pinging nobody."""
    await interaction.response.send_message(
        content=payload.get("content"),
        embeds=[discord.Embed.from_dict(embed) for embed in payload.get("embeds", [])],
        ephemeral=bool(payload.get("flags", 0) & EPHEMERAL),
        allowed_mentions=discord.AllowedMentions.none(),
    )


def slash_command(bot: commands.Bot, command: Command) -> app_commands.Command:
    async def respond(interaction: discord.Interaction, query: str) -> None:
        catalog = await bot.catalog_for(interaction.guild_id)
        reply = await asyncio.to_thread(answer, catalog, command.name, query)
        await send_payload(interaction, reply.payload)

    if not command.option_description:

        async def without_option(interaction: discord.Interaction) -> None:
            await respond(interaction, "")

        return app_commands.Command(
            name=command.name, description=command.description, callback=without_option
        )

    @app_commands.rename(recherche="recherche")
    @app_commands.describe(recherche=command.option_description[:100])
    async def with_option(
        interaction: discord.Interaction, recherche: app_commands.Range[str, 1, 200]
    ) -> None:
        await respond(interaction, recherche)

    return app_commands.Command(name=command.name, description=command.description, callback=with_option)


async def setup(bot: commands.Bot) -> None:
    for command in COMMANDS.values():
        bot.tree.add_command(slash_command(bot, command))
