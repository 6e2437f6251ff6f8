"""/fait: moderators add, correct, delete, restore and undo facts, and read their history.

Discord's default_permissions only hides the group from members without Manage Messages; it is a hint
the server can override, so every path that writes checks the member's rights again when it runs,
including modal submissions, which anyone could replay.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import describe, reply_with_error
from bot.render import EPHEMERAL, change_message, history_message
from bot.settings import Settings
from facts import editing
from facts.catalog import Catalog
from facts.editing import Editor
from facts.forms import BOXES, form_from_fact, record_from_form
from facts.model import KINDS, STATUSES

KIND_CHOICES = [app_commands.Choice(name=kind, value=kind) for kind in KINDS]
STATUS_CHOICES = [
    app_commands.Choice(name=status, value=status) for status in dict.fromkeys(s for v in STATUSES.values() for s in v)
]


def is_moderator(interaction: discord.Interaction, settings: Settings) -> bool:
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return False
    permissions = interaction.permissions
    if permissions.manage_messages or permissions.administrator:
        return True
    # Role ids straight from the interaction: the server's role cache is not needed, nor kept.
    member_roles = set(interaction.user._roles)
    return bool(member_roles & set(settings.mod_role_ids))


def editor_for(interaction: discord.Interaction) -> Editor:
    return Editor(f"{interaction.user.name} ({interaction.user.id})", interaction.guild_id)


async def confirm(bot: commands.Bot, interaction: discord.Interaction, fact_id: int, action: str) -> None:
    """Tells the moderator what changed and posts it to the log channel."""
    catalog = await bot.catalog_for(interaction.guild_id)
    fact = catalog.by_id.get(fact_id) or await bot.read(lambda store: store.get(fact_id))
    payload = change_message(catalog, fact, action, editor_for(interaction).name)
    embed = payload["embeds"][0]
    await interaction.response.send_message(
        embed=discord.Embed.from_dict(embed), ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
    )
    await bot.log_change(embed)


class FactForm(discord.ui.Modal):
    """The five-box form of facts.forms, to add a fact or to correct one at a known version."""

    def __init__(
        self,
        bot: commands.Bot,
        kind: str,
        status: str | None = None,
        fact_id: int | None = None,
        version: int | None = None,
        values: dict[str, str] | None = None,
    ) -> None:
        title = f"Nouveau fait : {kind}" if fact_id is None else f"Corriger le fait n°{fact_id}"
        super().__init__(title=title[:45], timeout=900)
        self.bot, self.kind, self.status, self.fact_id, self.version = bot, kind, status, fact_id, version
        self.boxes: dict[str, discord.ui.TextInput] = {}
        for box in BOXES:
            text_input = discord.ui.TextInput(
                label=box.label,
                placeholder=box.placeholder[:100],
                style=discord.TextStyle.paragraph if box.multiline else discord.TextStyle.short,
                max_length=box.max_length,
                required=box.required,
                default=(values or {}).get(box.key),
            )
            self.boxes[box.key] = text_input
            self.add_item(text_input)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        if not is_moderator(interaction, self.bot.settings):
            raise app_commands.CheckFailure("not a moderator")
        record = record_from_form(self.kind, {key: box.value for key, box in self.boxes.items()}, self.status)
        editor = editor_for(interaction)
        if self.fact_id is None:
            fact = await self.bot.write(editing.add, record, editor)
            await confirm(self.bot, interaction, fact.id, "ajouté")
        else:
            fact = await self.bot.write(editing.modify, self.fact_id, record, editor, self.version)
            await confirm(self.bot, interaction, fact.id, "modifié")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await reply_with_error(interaction, describe(error))


class FactGroup(app_commands.Group):
    def __init__(self, bot: commands.Bot) -> None:
        super().__init__(
            name="fait",
            description="Gérer les faits (modérateurs).",
            guild_only=True,
            default_permissions=discord.Permissions(manage_messages=True),
        )
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if not is_moderator(interaction, self.bot.settings):
            raise app_commands.CheckFailure("not a moderator")
        return True

    async def _catalog(self, interaction: discord.Interaction) -> Catalog:
        return await self.bot.catalog_for(interaction.guild_id)

    @app_commands.command(name="ajouter", description="Ajouter un fait (formulaire).")
    @app_commands.describe(type="Accord, visite ou rencontre.", statut="Statut, si ce n'est pas le statut habituel.")
    @app_commands.choices(type=KIND_CHOICES, statut=STATUS_CHOICES)
    async def ajouter(self, interaction: discord.Interaction, type: str, statut: str | None = None) -> None:
        if statut is not None and statut not in STATUSES[type]:
            allowed = ", ".join(STATUSES[type])
            raise editing.EditRefused(f"Le statut « {statut} » ne convient pas à un(e) {type} ({allowed}).")
        await interaction.response.send_modal(FactForm(self.bot, type, statut))

    @app_commands.command(name="modifier", description="Corriger un fait de ce serveur (formulaire).")
    @app_commands.describe(numero="Numéro du fait (en pied de fiche).")
    async def modifier(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        editor = editor_for(interaction)
        fact = await self.bot.read(editing.owned_fact, numero, editor)
        catalog = await self._catalog(interaction)
        values = form_from_fact(fact, catalog.name)
        await interaction.response.send_modal(
            FactForm(self.bot, fact.kind, fact_id=fact.id, version=fact.version, values=values)
        )

    @app_commands.command(name="supprimer", description="Supprimer un fait (ou masquer ici un fait commun).")
    @app_commands.describe(numero="Numéro du fait (en pied de fiche).")
    async def supprimer(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        fact = await self.bot.write(editing.delete, numero, editor_for(interaction))
        await confirm(self.bot, interaction, numero, "masqué sur ce serveur" if fact.guild_id is None else "supprimé")

    @app_commands.command(name="restaurer", description="Rétablir un fait supprimé ou masqué.")
    @app_commands.describe(numero="Numéro du fait (en pied de fiche).")
    async def restaurer(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await self.bot.write(editing.restore, numero, editor_for(interaction))
        await confirm(self.bot, interaction, numero, "rétabli")

    @app_commands.command(name="historique", description="Qui a changé quoi, et quand.")
    @app_commands.describe(numero="Numéro du fait (en pied de fiche).")
    async def historique(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        changes = await self.bot.read(editing.history, numero, editor_for(interaction))
        payload = history_message(numero, changes)
        await interaction.response.send_message(
            embed=discord.Embed.from_dict(payload["embeds"][0]),
            ephemeral=bool(payload["flags"] & EPHEMERAL),
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @app_commands.command(name="annuler", description="Annuler la dernière modification d'un fait.")
    @app_commands.describe(numero="Numéro du fait (en pied de fiche).")
    async def annuler(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await self.bot.write(editing.undo, numero, editor_for(interaction))
        await confirm(self.bot, interaction, numero, "rétabli dans sa version précédente")


async def setup(bot: commands.Bot) -> None:
    bot.tree.add_command(FactGroup(bot))


async def teardown(bot: commands.Bot) -> None:
    bot.tree.remove_command("fait")
