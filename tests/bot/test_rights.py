"""Every path that writes checks the member's rights when it runs, and the server the fact, form or button
belongs to: a member who is not a moderator, or a moderator replaying another server's custom_id,
changes nothing and learns nothing of that server's facts."""

import discord
import pytest

from bot.commands import COMMANDS
from tests.bot.conftest import OTHER_SERVER, SERVER
from tests.bot.discord_double import chat_input, interaction, member
from tests.bot.test_moderation_interactions import FORM, MODERATOR, add_fact, open_form, submission, submit
from tests.bot.test_review_interactions import click, paste_article

MEMBER = member(12)
PUBLIC = {*COMMANDS, "Faits liés"}  # lookups anyone may use; everything else is for moderators
ELSEWHERE = "vient d'un autre serveur"


def invocation(command: discord.app_commands.Command) -> dict:
    """The command's interaction data with a plausible value for each required option."""
    values = []
    for parameter in command.parameters:
        if not parameter.required:
            continue
        if parameter.choices:
            value = parameter.choices[0].value
        else:
            value = 1 if parameter.type == discord.AppCommandOptionType.integer else "x"
        values.append({"name": parameter.name, "type": parameter.type.value, "value": value})
    if command.parent is None:
        return chat_input(command.name, values)
    return chat_input(command.parent.name, [{"name": command.name, "type": 1, "options": values}])


async def test_every_command_that_is_not_a_lookup_refuses_a_member(harness, seed_store):
    before = seed_store.path.read_bytes()
    commands = [
        command
        for command in harness.bot.tree.walk_commands()
        if isinstance(command, discord.app_commands.Command) and (command.parent or command).name not in PUBLIC
    ]
    assert {(command.parent or command).name for command in commands} == {"fait", "revue", "article"}
    for command in commands:
        reply = await harness.send(interaction(2, invocation(command), SERVER, MEMBER))
        assert reply["data"]["flags"] & 64, command.qualified_name
        assert "réservée aux modérateurs" in reply["data"]["embeds"][0]["description"], command.qualified_name
    assert seed_store.path.read_bytes() == before


@pytest.mark.parametrize("label", ["Approuver", "Corriger", "Rejeter", "Suivant"])
@pytest.mark.parametrize(("who", "guild", "refusal"), [(MEMBER, SERVER, "réservée aux modérateurs"),
                                                       (MODERATOR, OTHER_SERVER, ELSEWHERE)])  # fmt: skip
async def test_review_buttons_refuse_members_and_other_servers(harness, seed_store, label, who, guild, refusal):
    await paste_article(harness)
    review = await harness.send(interaction(2, chat_input("revue"), SERVER, MODERATOR))
    before = seed_store.path.read_bytes()
    reply = await click(harness, review, label, who=who, guild=guild)
    assert reply["type"] == 4 and reply["data"]["flags"] & 64  # a private refusal, no form, no edit
    assert refusal in reply["data"]["embeds"][0]["description"]
    assert review["data"]["embeds"][0]["title"] not in str(reply)
    assert seed_store.path.read_bytes() == before


@pytest.mark.parametrize("subcommand", ["ajouter", "modifier"])
async def test_a_form_replayed_from_another_server_changes_nothing(harness, seed_store, subcommand):
    fact_id = await add_fact(harness)
    options = {"type": "accord"} if subcommand == "ajouter" else {"numero": fact_id}
    form = await open_form(harness, subcommand=subcommand, **options)
    before = seed_store.path.read_bytes()
    reply = await submit(harness, form, FORM | {"Titre": "Autre titre"}, guild=OTHER_SERVER)
    assert ELSEWHERE in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_a_pasted_article_replayed_from_another_server_changes_nothing(harness, seed_store):
    opened = await harness.send(interaction(2, chat_input("article"), SERVER, MODERATOR))
    before = seed_store.path.read_bytes()
    text = {"Texte": "La France et l'Inde ont signé mardi un partenariat sur l'hydrogène vert à New Delhi."}
    reply = await harness.send(interaction(5, submission(opened["data"], text), OTHER_SERVER, MODERATOR))
    assert ELSEWHERE in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_a_refused_form_reopens_only_in_its_own_server(harness):
    form = await open_form(harness, subcommand="ajouter", type="accord")
    refusal = await submit(harness, form, FORM | {"Date": "31 février 2024, Rabat"})
    reopened = await click(harness, refusal, "Rouvrir le formulaire", guild=OTHER_SERVER)
    assert ELSEWHERE in reopened["data"]["embeds"][0]["description"]
    assert "31 février" not in str(reopened)
