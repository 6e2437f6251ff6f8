"""/fait: moderators add, correct, delete, restore and undo facts, and read their history.

Discord's default_permissions only hides the group from members without Manage Messages; it is a hint
the server can override, so every path that writes checks the member's rights again when it runs,
including modal submissions and buttons, which anyone could replay, and only in the server where the
form or button was opened. Replies are deferred before any write: writes
wait their turn behind one lock and must not outlast Discord's three seconds.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import describe, reply_with_error, title_for
from bot.render import change_message, history_message
from bot.replies import send_payload
from bot.settings import Settings
from facts import editing
from facts.editing import Editor
from facts.forms import BOXES, form_from_fact, record_from_form
from facts.interchange import InvalidDocument
from facts.model import KINDS, STATUSES, Fact

KIND_CHOICES = [app_commands.Choice(name=kind, value=kind) for kind in KINDS]
STATUS_CHOICES = [
    app_commands.Choice(name=status, value=status) for status in dict.fromkeys(s for v in STATUSES.values() for s in v)
]
NUMBER = "Numéro du fait (en pied de fiche)."
MAX_BOX = {box.key: box.max_length for box in BOXES}


def is_moderator(interaction: discord.Interaction, settings: Settings) -> bool:
    if interaction.guild_id is None or not isinstance(interaction.user, discord.Member):
        return False
    permissions = interaction.permissions
    if permissions.manage_messages or permissions.administrator:
        return True
    # Role ids straight from the interaction: the server's role cache is not needed, nor kept.
    return bool(set(interaction.user._roles) & set(settings.mod_role_ids))


def ensure_moderator(interaction: discord.Interaction, settings: Settings) -> None:
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    if not is_moderator(interaction, settings):
        raise app_commands.CheckFailure("not a moderator")


def ensure_moderator_in(interaction: discord.Interaction, settings: Settings, guild_id: int | None) -> None:
    """For a form or a button: the member's rights now, in the server it was opened in. A custom_id
    replayed from another server must neither change that server's facts nor show them."""
    ensure_moderator(interaction, settings)
    if interaction.guild_id != guild_id:
        raise editing.EditRefused("Ce formulaire ou ce bouton vient d'un autre serveur : rien n'a été modifié.")


class ModeratorsOfItsServer:
    """Mixed into a form or a view: only the moderators of the server it was opened in may use it (the
    custom_id can be replayed by anyone, from anywhere), and a failure becomes the usual French reply."""

    bot: commands.Bot
    guild_id: int | None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        ensure_moderator_in(interaction, self.bot.settings, self.guild_id)
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item | None = None
    ) -> None:
        await reply_with_error(interaction, describe(error), title_for(error))


def editor_for(interaction: discord.Interaction) -> Editor:
    return Editor(f"{interaction.user.name} ({interaction.user.id})", interaction.guild_id)


async def announce(
    bot: commands.Bot, interaction: discord.Interaction, fact: Fact, action: str, known_before: set[str] = frozenset()
) -> None:
    """Posts the change to the log channel, then tells the moderator (whose reply was deferred)."""
    catalog = await bot.catalog_for(interaction.guild_id)
    new_names = [catalog.name(entity_id) for entity_id in sorted(fact.entity_ids() - known_before) if known_before]
    where = f"serveur {interaction.guild.name if interaction.guild else ''} ({interaction.guild_id})"
    payload = change_message(catalog, fact, action, editor_for(interaction).name, where, new_names)
    await bot.log_change(payload["embeds"][0], interaction.guild_id)
    await send_payload(interaction, payload)


class FactForm(ModeratorsOfItsServer, discord.ui.Modal):
    """The five-box form of facts.forms, to add a fact or to correct one at a known version."""

    def __init__(
        self,
        bot: commands.Bot,
        guild_id: int | None,
        kind: str,
        status: str | None = None,
        fact_id: int | None = None,
        version: int | None = None,
        values: dict[str, str] | None = None,
    ) -> None:
        title = f"Nouveau fait : {kind}" if fact_id is None else f"Corriger le fait n°{fact_id}"
        super().__init__(title=title[:45], timeout=900)
        self.bot, self.guild_id, self.kind, self.status = bot, guild_id, kind, status
        self.fact_id, self.version = fact_id, version
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
        record = record_from_form(self.kind, {key: box.value for key, box in self.boxes.items()}, self.status)
        await interaction.response.defer(ephemeral=True, thinking=True)
        known_before = set((await self.bot.catalog_for(interaction.guild_id)).entities)
        editor = editor_for(interaction)
        if self.fact_id is None:
            fact = await self.bot.write(editing.add, record, editor)
            await announce(self.bot, interaction, fact, "ajouté", known_before)
        else:
            fact = await self.bot.write(editing.modify, self.fact_id, record, editor, self.version)
            await announce(self.bot, interaction, fact, "modifié", known_before)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        # What was typed is not lost: a button reopens the form as it was submitted.
        retry = ReopenForm(self) if isinstance(error, InvalidDocument) else discord.utils.MISSING
        await reply_with_error(interaction, describe(error), title_for(error), retry)


class ReopenForm(ModeratorsOfItsServer, discord.ui.View):
    def __init__(self, form: FactForm) -> None:
        super().__init__(timeout=600)
        self.form, self.bot, self.guild_id = form, form.bot, form.guild_id

    @discord.ui.button(label="Rouvrir le formulaire", style=discord.ButtonStyle.primary)
    async def reopen(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        old = self.form
        typed = {key: box.value for key, box in old.boxes.items()}
        await interaction.response.send_modal(
            FactForm(old.bot, old.guild_id, old.kind, old.status, old.fact_id, old.version, values=typed)
        )


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
        ensure_moderator(interaction, self.bot.settings)
        return True

    @app_commands.command(name="ajouter", description="Ajouter un fait (formulaire).")
    @app_commands.describe(type="Accord, visite ou rencontre.", statut="Statut, si ce n'est pas le statut habituel.")
    @app_commands.choices(type=KIND_CHOICES, statut=STATUS_CHOICES)
    async def ajouter(self, interaction: discord.Interaction, type: str, statut: str | None = None) -> None:
        if statut is not None and statut not in STATUSES[type]:
            raise editing.EditRefused(
                f"Le statut « {statut} » ne convient pas à ce type ({', '.join(STATUSES[type])})."
            )
        await interaction.response.send_modal(FactForm(self.bot, interaction.guild_id, type, statut))

    @app_commands.command(name="modifier", description="Corriger un fait de ce serveur (formulaire).")
    @app_commands.describe(numero=NUMBER, statut="Nouveau statut, s'il change.")
    @app_commands.choices(statut=STATUS_CHOICES)
    async def modifier(
        self, interaction: discord.Interaction, numero: app_commands.Range[int, 1], statut: str | None = None
    ) -> None:
        # A modal must be the first response, so this reads the cached catalog rather than waiting on writes.
        catalog = await self.bot.catalog_for(interaction.guild_id)
        fact = catalog.by_id.get(numero)
        if fact is None:
            raise editing.UnknownFact(
                f"Aucun fait n°{numero} modifiable sur ce serveur (supprimé ? /fait restaurer {numero})."
            )
        editing.check_owned(fact, editor_for(interaction))
        if statut is not None and statut not in STATUSES[fact.kind]:
            raise editing.EditRefused(f"Le statut « {statut} » ne convient pas ({', '.join(STATUSES[fact.kind])}).")
        values = form_from_fact(fact, catalog.name)
        too_long = [key for key, value in values.items() if len(value) > MAX_BOX[key]]
        if too_long:
            raise editing.EditRefused(
                f"Le fait n°{numero} est trop long pour le formulaire de Discord ; corrigez-le par import."
            )
        form = FactForm(
            self.bot, interaction.guild_id, fact.kind, statut, fact_id=fact.id, version=fact.version, values=values
        )
        await interaction.response.send_modal(form)

    @app_commands.command(name="supprimer", description="Supprimer un fait (ou masquer ici un fait commun).")
    @app_commands.describe(numero=NUMBER)
    async def supprimer(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        fact = await self.bot.write(editing.delete, numero, editor_for(interaction))
        action = "masqué sur ce serveur" if fact.guild_id is None else "supprimé"
        await announce(self.bot, interaction, fact, f"{action} (/fait restaurer {numero} pour revenir en arrière)")

    @app_commands.command(name="restaurer", description="Rétablir un fait supprimé ou masqué.")
    @app_commands.describe(numero=NUMBER)
    async def restaurer(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        fact = await self.bot.write(editing.restore, numero, editor_for(interaction))
        await announce(self.bot, interaction, fact, "rétabli")

    @app_commands.command(name="historique", description="Qui a changé quoi, et quand.")
    @app_commands.describe(numero=NUMBER)
    async def historique(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        editor = editor_for(interaction)
        changes = await self.bot.read(editing.history, numero, editor)
        fact = await self.bot.read(editing.visible_fact, numero, editor)
        catalog = await self.bot.catalog_for(interaction.guild_id)
        await send_payload(interaction, history_message(catalog, numero, changes, shared=fact.guild_id is None))

    @app_commands.command(name="annuler", description="Annuler la dernière modification d'un fait.")
    @app_commands.describe(numero=NUMBER)
    async def annuler(self, interaction: discord.Interaction, numero: app_commands.Range[int, 1]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        fact = await self.bot.write(editing.undo, numero, editor_for(interaction))
        action = "supprimé (son ajout est annulé)" if fact.deleted else "rétabli dans sa version précédente"
        await announce(self.bot, interaction, fact, action)


async def setup(bot: commands.Bot) -> None:
    bot.tree.add_command(FactGroup(bot))


async def teardown(bot: commands.Bot) -> None:
    bot.tree.remove_command("fait")
