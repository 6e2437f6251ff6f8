"""A per-member rate on the heavy commands (free search, a whole message's related facts, article
extraction, the review queue), so that one member's burst cannot hold the store or the workers for
everyone. Beyond the rate (DIPLOBOT_COOLDOWN) the member is told privately when to try again, by
bot.errors: no interaction goes unanswered."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.settings import Rate


class Cooldowns:
    """The buckets of one bot, per command and member, timed by Discord's clock (the interaction id)."""

    def __init__(self, rate: Rate) -> None:
        self.rate = rate
        self._buckets: dict[tuple[str, int], app_commands.Cooldown] = {}

    def check(self, interaction: discord.Interaction) -> bool:
        now = interaction.created_at.timestamp()
        # Full buckets hold nothing worth keeping: forgetting them keeps memory bounded by active members.
        self._buckets = {key: b for key, b in self._buckets.items() if b.get_tokens(now) < self.rate.uses}
        key = (interaction.command.qualified_name, interaction.user.id)
        bucket = self._buckets.setdefault(key, app_commands.Cooldown(self.rate.uses, self.rate.seconds))
        retry_after = bucket.update_rate_limit(now)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(bucket, retry_after)
        return True


heavy = app_commands.check(lambda interaction: interaction.client.cooldowns.check(interaction))
