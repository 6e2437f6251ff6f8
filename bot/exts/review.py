"""/revue and /article: moderators feed articles to the extractor and review what it proposes.

Proposals extracted in a server belong to it and stay out of every answer until a moderator approves
them. Buttons and forms re-check the moderator's rights and the server: a component custom_id can be
replayed by anyone, from anywhere.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

from bot.cooldown import heavy
from bot.exts.moderation import FactForm, ModeratorsOfItsServer, editor_for, ensure_moderator
from bot.render import decision_entry, proposals_message, review_card
from bot.replies import send_payload
from facts import editing
from facts.forms import form_from_fact
from facts.model import Fact

MAX_ARTICLE_BYTES = 2_000_000


def _queue(store, guild_id: int | None) -> list[Fact]:
    from facts.ingestion import pending

    return pending(store, guild_id)


class ReviewView(ModeratorsOfItsServer, discord.ui.View):
    """One proposal at a time: approve, correct, reject or skip; the next one replaces it."""

    def __init__(self, bot: commands.Bot, fact: Fact, skipped: frozenset[int] = frozenset()) -> None:
        super().__init__(timeout=900)
        self.bot, self.fact, self.skipped = bot, fact, skipped
        self.guild_id = fact.guild_id  # a proposal's own server

    async def _decide(self, interaction: discord.Interaction, approve: bool) -> None:
        # Acknowledged first: the write waits its turn behind other writes (an ingestion can take seconds).
        await interaction.response.defer()
        await self.bot.write(editing.review, self.fact.id, editor_for(interaction), approve)
        entry = decision_entry(self.fact, "approuvé" if approve else "rejeté", editor_for(interaction).name)
        await self.bot.log_change(entry, interaction.guild_id)
        await show_next(self.bot, interaction, edit=True, skipped=self.skipped)
        self.stop()

    @discord.ui.button(label="Approuver", style=discord.ButtonStyle.success)
    async def approve(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._decide(interaction, approve=True)

    @discord.ui.button(label="Corriger", style=discord.ButtonStyle.primary)
    async def correct(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        # A modal must be the first response: no waiting on the store lock, the shown version is used and a
        # change made meanwhile is caught as a stale edit.
        catalog = await self.bot.catalog_for(interaction.guild_id)
        fact = self.fact
        values = form_from_fact(fact, catalog.name)
        form = FactForm(self.bot, fact.guild_id, fact.kind, fact_id=fact.id, version=fact.version, values=values)
        await interaction.response.send_modal(form)

    @discord.ui.button(label="Rejeter", style=discord.ButtonStyle.danger)
    async def reject(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._decide(interaction, approve=False)

    @discord.ui.button(label="Suivant", style=discord.ButtonStyle.secondary)
    async def skip(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await show_next(self.bot, interaction, edit=True, skipped=self.skipped | {self.fact.id})
        self.stop()


async def show_next(
    bot: commands.Bot, interaction: discord.Interaction, edit: bool, skipped: frozenset[int] = frozenset()
) -> None:
    """The most confident proposal not skipped in this review session."""
    queue = [fact for fact in await bot.read(_queue, interaction.guild_id) if fact.id not in skipped]
    none = discord.AllowedMentions.none()

    async def show(embed: discord.Embed, view: discord.ui.View | None) -> None:
        if not edit:
            await interaction.response.send_message(
                embed=embed, view=view or discord.utils.MISSING, ephemeral=True, allowed_mentions=none
            )
        elif interaction.response.is_done():  # deferred by a decision button
            await interaction.edit_original_response(embed=embed, view=view, allowed_mentions=none)
        else:
            await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=none)

    fact = queue[0] if queue else None
    card = review_card(await bot.catalog_for(interaction.guild_id), fact, len(queue))
    await show(discord.Embed.from_dict(card), ReviewView(bot, fact, skipped) if fact else None)


class ArticleText(ModeratorsOfItsServer, discord.ui.Modal, title="Coller un article"):
    text = discord.ui.TextInput(label="Texte de l'article", style=discord.TextStyle.paragraph, max_length=4000)
    published = discord.ui.TextInput(label="Date de publication (AAAA-MM-JJ)", required=False, max_length=10)

    def __init__(self, bot: commands.Bot, guild_id: int | None) -> None:
        super().__init__(timeout=900)
        self.bot, self.guild_id = bot, guild_id

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        text = self.text.value.encode()
        await propose(self.bot, interaction, "article-colle.txt", text, self.published.value or None)


async def propose(bot, interaction: discord.Interaction, name: str, content: bytes, published: str | None) -> None:
    """Reads and extracts off the event loop from a snapshot of the server's facts, then stores the
    proposals with the other writes: a long article never holds the store. The reply was deferred."""
    from facts.articles import read_article  # trafilatura and spaCy: loaded on the first article only
    from facts.extraction import extract
    from facts.ingestion import store_extraction

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(content)
        try:
            article = await asyncio.to_thread(read_article, path, published)
        except ValueError as error:
            raise editing.EditRefused(str(error)) from None
    catalog = await bot.catalog_for(interaction.guild_id)
    extraction = await asyncio.to_thread(extract, article, catalog)
    who = editor_for(interaction).name
    report = await bot.write(store_extraction, extraction, article.name, who, False, interaction.guild_id, started)
    await send_payload(interaction, proposals_message(report))


@heavy
@app_commands.command(name="revue", description="Relire les faits proposés par l'extraction (modérateurs).")
@app_commands.guild_only()
@app_commands.default_permissions(manage_messages=True)
async def revue(interaction: discord.Interaction) -> None:
    bot = interaction.client
    ensure_moderator(interaction, bot.settings)
    await show_next(bot, interaction, edit=False)


@heavy
@app_commands.command(name="article", description="Proposer les faits d'un article (fichier .txt/.html ou texte).")
@app_commands.describe(fichier="L'article en .txt ou .html ; sans fichier, un formulaire pour coller le texte.")
@app_commands.guild_only()
@app_commands.default_permissions(manage_messages=True)
async def article(interaction: discord.Interaction, fichier: discord.Attachment | None = None) -> None:
    bot = interaction.client
    ensure_moderator(interaction, bot.settings)
    if fichier is None:
        await interaction.response.send_modal(ArticleText(bot, interaction.guild_id))
        return
    if not fichier.filename.lower().endswith((".txt", ".html", ".htm")) or fichier.size > MAX_ARTICLE_BYTES:
        raise editing.EditRefused("Joignez un fichier .txt ou .html de moins de 2 Mo.")
    await interaction.response.defer(ephemeral=True, thinking=True)  # before the download, which can be slow
    await propose(bot, interaction, fichier.filename, await fichier.read(), None)


async def setup(bot: commands.Bot) -> None:
    bot.tree.add_command(revue)
    bot.tree.add_command(article)


async def teardown(bot: commands.Bot) -> None:
    bot.tree.remove_command("revue")
    bot.tree.remove_command("article")
