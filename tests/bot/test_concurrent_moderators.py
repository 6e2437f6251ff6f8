"""50 moderators submit a correction of the same fact at once, through the bot's real write path: one
is accepted, the 49 others are told in French that the fact changed meanwhile, and the history holds the
one accepted change."""

from tests.bot.conftest import SERVER
from tests.bot.discord_double import MANAGE_MESSAGES, interaction, member
from tests.bot.test_moderation_interactions import add_fact, open_form, submission

MODERATORS = [member(1000 + number, permissions=MANAGE_MESSAGES | (1 << 31)) for number in range(50)]


async def test_50_moderators_correcting_one_fact_at_once_one_wins_the_others_are_told(harness, seed_store):
    fact_id = await add_fact(harness)
    forms = [await open_form(harness, moderator, subcommand="modifier", numero=fact_id) for moderator in MODERATORS]
    titles = [f"Accord France–Maroc sur l'eau (corrigé par {number})" for number in range(len(MODERATORS))]
    submissions = [
        interaction(5, submission(form, {"Titre": title}), SERVER, moderator)
        for form, title, moderator in zip(forms, titles, MODERATORS, strict=True)
    ]

    replies = await harness.send_together(submissions)

    embeds = [reply["data"]["embeds"][0] for reply in replies]
    accepted = [number for number, embed in enumerate(embeds) if "modifié" in embed.get("title", "")]
    refused = [embed for embed in embeds if "a été modifié entre-temps" in embed.get("description", "")]
    assert len(accepted) == 1 and len(refused) == len(MODERATORS) - 1
    assert all(reply["data"]["flags"] & 64 for reply in replies)
    [winner] = accepted
    assert seed_store.get(fact_id).title == titles[winner]
    history = seed_store.history(fact_id)
    assert [entry["action"] for entry in history] == ["création", "modification"]
    assert history[-1]["after"]["title"] == titles[winner]
    assert history[-1]["who"].endswith(f"({MODERATORS[winner]['user']['id']})")
