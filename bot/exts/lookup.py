"""Lookup slash commands with autocomplete, the results menu, and the "Faits liés" message command.

Commands are generated from the shared table in bot.commands, so Discord and the console cannot drift.
"""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands import COMMANDS, Command, Reply, answer, related, show_result
from bot.cooldown import heavy
from bot.errors import describe, reply_with_error, title_for
from bot.render import RESULTS_MENU_ID
from bot.replies import send_payload
from facts.completion import complete

log = logging.getLogger(__name__)

RESULTS_TIMEOUT = 600  # seconds; well inside the 15 minutes an interaction token stays valid


class ResultsView(discord.ui.View):
    """The menu under a reply that found several facts: picking one shows it in place of the first."""

    def __init__(self, bot: commands.Bot, origin: discord.Interaction, menu: dict) -> None:
        super().__init__(timeout=RESULTS_TIMEOUT)
        self.bot = bot
        self.origin = origin  # the interaction whose message carries the menu; its token edits it later
        self.owner_id = origin.user.id
        self.fact_ids = [int(option["value"]) for option in menu["options"]]
        select = discord.ui.Select(
            custom_id=RESULTS_MENU_ID,
            placeholder=menu.get("placeholder"),
            options=[
                discord.SelectOption(
                    label=option["label"],
                    value=option["value"],
                    description=option.get("description"),
                    emoji=option.get("emoji", {}).get("name"),
                    default=option.get("default", False),
                )
                for option in menu["options"]
            ],
        )
        select.callback = self.show
        self.add_item(select)

    async def show(self, interaction: discord.Interaction) -> None:
        chosen = int(interaction.data["values"][0])
        catalog = await self.bot.catalog_for(interaction.guild_id)
        reply = await asyncio.to_thread(show_result, catalog, self.fact_ids, chosen)
        if not reply.ok or interaction.user.id != self.owner_id:
            # The fact is gone, or the menu is someone else's: answer the picker alone, keep the message.
            await send_reply(self.bot, interaction, reply, private=True)
            return
        # Stop first: the new view takes over the same message and custom_id, and stopping after
        # would unregister it too.
        self.stop()
        payload = reply.payload
        components = payload.get("components")
        await interaction.response.edit_message(
            content=payload.get("content"),
            embeds=[discord.Embed.from_dict(embed) for embed in payload["embeds"]],
            view=ResultsView(self.bot, interaction, components[0]["components"][0]) if components else None,
            allowed_mentions=discord.AllowedMentions.none(),
        )

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        await reply_with_error(interaction, describe(error), title_for(error))

    async def on_timeout(self) -> None:
        for item in self.children:
            item.disabled = True
        try:
            await self.origin.edit_original_response(view=self)
        except discord.HTTPException:
            log.debug("menu de résultats expiré sur un message disparu")


async def send_reply(bot: commands.Bot, interaction: discord.Interaction, reply: Reply, private: bool = False) -> None:
    """Sends a core payload as the interaction's response, pinging nobody; `private` makes it visible to
    the user alone and without a menu."""
    payload = reply.payload
    components = None if private else payload.get("components")
    view = ResultsView(bot, interaction, components[0]["components"][0]) if components else discord.utils.MISSING
    await send_payload(interaction, payload, view, private)


def slash_command(bot: commands.Bot, command: Command) -> app_commands.Command:
    async def respond(interaction: discord.Interaction, query: str) -> None:
        catalog = await bot.catalog_for(interaction.guild_id)
        await send_reply(bot, interaction, await asyncio.to_thread(answer, catalog, command.name, query))

    if not command.option_description:

        async def without_option(interaction: discord.Interaction) -> None:
            await respond(interaction, "")

        return app_commands.Command(name=command.name, description=command.description, callback=without_option)

    @app_commands.describe(recherche=command.option_description)
    async def with_option(interaction: discord.Interaction, recherche: app_commands.Range[str, 1, 200]) -> None:
        await respond(interaction, recherche)

    slash = app_commands.Command(name=command.name, description=command.description, callback=with_option)
    if command.heavy:
        heavy(slash)

    @slash.autocomplete("recherche")
    async def suggest(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            catalog = await bot.catalog_for(interaction.guild_id)
            choices = await asyncio.to_thread(complete, catalog, command.name, current)
        except Exception:
            # An empty list is still an answer; an exception would show the user a failure.
            log.exception("autocomplétion en échec pour /%s %r", command.name, current)
            return []
        return [app_commands.Choice(name=choice.name, value=choice.value) for choice in choices]

    return slash


def related_facts_menu(bot: commands.Bot) -> app_commands.ContextMenu:
    async def related_facts(interaction: discord.Interaction, message: discord.Message) -> None:
        catalog = await bot.catalog_for(interaction.guild_id)
        await send_reply(bot, interaction, await asyncio.to_thread(related, catalog, message.content))

    return heavy(app_commands.ContextMenu(name="Faits liés", callback=related_facts))


async def setup(bot: commands.Bot) -> None:
    for command in COMMANDS.values():
        bot.tree.add_command(slash_command(bot, command))
    bot.tree.add_command(related_facts_menu(bot))


async def teardown(bot: commands.Bot) -> None:
    for name in COMMANDS:
        bot.tree.remove_command(name)
    bot.tree.remove_command("Faits liés", type=discord.AppCommandType.message)
