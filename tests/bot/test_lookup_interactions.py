"""Lookup commands through real discord.Interaction objects; every request checked against the spec."""

import pytest

from bot.commands import COMMANDS
from tests.bot.conftest import OTHER_SERVER, SERVER
from tests.bot.discord_double import (
    chat_input,
    interaction,
    member,
    message_object,
    string_option,
)

EU_JAPAN = "Partenariat de sécurité et de défense UE–Japon"
MENU_MESSAGES: dict[str, tuple[str, int]] = {}  # component interaction id → (command interaction id, message id)


async def test_accord_japon_ue_answers_with_the_partnership(harness):
    callback = await harness.slash("accord", "Japon UE")
    assert callback["type"] == 4
    embed = callback["data"]["embeds"][0]
    assert EU_JAPAN in embed["title"]
    assert callback["data"]["allowed_mentions"]["parse"] == []
    assert not callback["data"].get("flags", 0) & 64


@pytest.mark.parametrize("name", sorted(COMMANDS))
async def test_every_lookup_answers(harness, name):
    callback = await harness.slash(name, None if name == "aide" else "Japon Ukraine")
    assert callback["type"] == 4
    assert callback["data"]["embeds"]


async def test_nothing_found_is_private_and_french(harness):
    callback = await harness.slash("accord", "Xylophone")
    assert callback["data"]["flags"] & 64
    assert "Je ne trouve" in callback["data"]["embeds"][0]["description"]


async def test_the_same_answer_as_the_console(harness, catalog):
    from bot.commands import answer

    callback = await harness.slash("visite", "Iwaya")
    expected = answer(catalog, "visite", "Iwaya").payload
    # discord.py adds its defaults ("type": "rich", "flags": 0); the content is the console's, key for key.
    sent = [{k: v for k, v in embed.items() if k not in ("type", "flags")} for embed in callback["data"]["embeds"]]
    assert sent == expected["embeds"]

    def options(components):
        return [(o["label"], o["value"], o.get("default", False)) for o in components[0]["components"][0]["options"]]

    assert options(callback["data"]["components"]) == options(expected["components"])


@pytest.mark.parametrize(("command", "typed"), [("accord", "jap"), ("personne", "zel"), ("chronologie", "")])
async def test_autocomplete_offers_choices_within_limits(harness, command, typed):
    data = chat_input(command, [string_option("recherche", typed, focused=True)])
    callback = await harness.send(interaction(4, data, SERVER, member(1)))
    assert callback["type"] == 8
    choices = callback["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert all(len(choice["name"]) <= 100 for choice in choices)


async def test_results_menu_shows_another_fact_in_place(harness):
    first = await harness.slash("accord", "Japon Ukraine")
    menu = first["data"]["components"][0]["components"][0]
    other = next(option for option in menu["options"] if not option.get("default"))
    clicked = await _click(harness, first, menu["custom_id"], other["value"])
    assert clicked["type"] == 7
    assert other["label"][:40] in clicked["data"]["embeds"][0]["title"]


async def _click(harness, callback_body, custom_id, value, who=None):
    """Selects `value` in the menu of the message `callback_body` created (or updated, for type 7)."""
    sent = next(s for s in reversed(harness.double.sent) if s.body is callback_body)
    interaction_id = sent.path.split("/")[2]
    origin, message_id = MENU_MESSAGES.get(interaction_id, (interaction_id, harness.double.message_ids[interaction_id]))
    message = message_object(message_id, callback_body["data"]) | {
        "interaction_metadata": {"id": origin, "type": 2, "user": member(1)["user"],
                                 "authorizing_integration_owners": {}}
    }  # fmt: skip
    data = {"custom_id": custom_id, "component_type": 3, "values": [value]}
    payload = interaction(3, data, SERVER, who or member(1), message=message)
    reply = await harness.send(payload)
    if reply["type"] == 7:  # an update keeps the message it updates
        MENU_MESSAGES[payload["id"]] = (origin, message_id)
    return reply


async def test_related_facts_from_a_message(harness):
    target = message_object(555, {"content": "Borrell a signé un truc avec les Japonais, non ?"})
    target["author"] = member(2)["user"]
    data = chat_input("Faits liés", command_type=3) | {
        "target_id": "555",
        "resolved": {"messages": {"555": target}},
    }
    callback = await harness.send(interaction(2, data, SERVER, member(1)))
    assert EU_JAPAN in callback["data"]["embeds"][0]["title"]
    assert "Josep Borrell" in callback["data"]["content"]


async def test_a_server_does_not_see_another_servers_facts(harness):
    from facts import editing
    from facts.editing import Editor

    record = {
        "kind": "accord", "title": "Accord secret du serveur A", "parties": ["France", "Maroc"],
        "sources": [{"article": "note interne", "quote": "Signé hier."}],
    }  # fmt: skip
    await harness.bot.write(editing.add, record, Editor("modo", SERVER))
    seen = await harness.slash("accord", "France Maroc", guild=SERVER)
    unseen = await harness.slash("accord", "France Maroc", guild=OTHER_SERVER)
    assert "Accord secret" in seen["data"]["embeds"][0]["title"]
    assert unseen["data"]["flags"] & 64


async def test_the_menu_can_be_used_again_and_again(harness):
    first = await harness.slash("accord", "Japon Ukraine")
    menu = first["data"]["components"][0]["components"][0]
    values = [option["value"] for option in menu["options"]]
    second = await _click(harness, first, menu["custom_id"], values[1])
    third = await _click(harness, second, menu["custom_id"], values[2])
    assert third["type"] == 7
    assert menu["options"][2]["label"][:30] in third["data"]["embeds"][0]["title"]


async def test_someone_elses_pick_is_answered_privately(harness):
    first = await harness.slash("accord", "Japon Ukraine")
    menu = first["data"]["components"][0]["components"][0]
    other = menu["options"][1]
    reply = await _click(harness, first, menu["custom_id"], other["value"], who=member(2))
    assert reply["type"] == 4 and reply["data"]["flags"] & 64
    assert other["label"][:30] in reply["data"]["embeds"][0]["title"]
