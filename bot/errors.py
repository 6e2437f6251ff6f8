"""One handler that turns any failure of a slash command into a short French reply, visible to the user
only, and logs the unexpected ones."""

from __future__ import annotations

import logging
import math

import discord
from discord import app_commands

from bot.render import error_message
from bot.replies import send_payload
from facts.interchange import InvalidDocument
from facts.storage import StoreError

log = logging.getLogger(__name__)


def title_for(error: Exception) -> str:
    original = getattr(error, "original", error)
    if isinstance(original, InvalidDocument):
        return "Formulaire à corriger"
    if isinstance(error, app_commands.CommandOnCooldown):
        return "Un instant"
    if isinstance(original, StoreError):
        return "Modification refusée"
    if isinstance(error, app_commands.CheckFailure):
        return "Accès refusé"
    return "Impossible de répondre"


def describe(error: Exception) -> str:
    """What to tell the user about `error`."""
    original = getattr(error, "original", error)
    if isinstance(original, StoreError | InvalidDocument):
        return str(original)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Doucement… réessayez dans {math.ceil(error.retry_after)} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Cette commande ne s'utilise que sur un serveur."
    if isinstance(error, app_commands.CheckFailure):
        return "Cette commande est réservée aux modérateurs (Gérer les messages ou rôle modérateur)."
    if isinstance(error, app_commands.TransformerError):
        return f"Valeur invalide : « {error.value} »."
    log.error("commande en échec", exc_info=original)
    return "Une erreur inattendue est survenue ; elle a été journalisée. Réessayez ou tapez /aide."


async def reply_with_error(
    interaction: discord.Interaction,
    text: str,
    title: str = "Impossible de répondre",
    view: discord.ui.View = discord.utils.MISSING,
) -> None:
    try:
        await send_payload(interaction, error_message(text, title), view)
    except discord.HTTPException:
        log.warning("réponse d'erreur impossible pour l'interaction %s", interaction.id)


async def handle_app_command_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    await reply_with_error(interaction, describe(error), title_for(error))
