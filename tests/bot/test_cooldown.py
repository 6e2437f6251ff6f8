"""A member's burst of heavy commands is answered in full: within the rate as usual, beyond it by a polite
private message saying when to try again; other members and light commands are not held back."""

import dataclasses
import re

import pytest

from bot.settings import Rate
from tests.bot.conftest import SERVER
from tests.bot.discord_double import chat_input, interaction, member, message_object, settle, string_option
from tests.bot.test_moderation_interactions import MODERATOR

MEMBER, OTHER_MEMBER = member(12), member(13)
RATE = Rate(2, 60.0)


@pytest.fixture
def settings(settings):
    return dataclasses.replace(settings, cooldown=RATE)


def related_facts(who: dict) -> dict:
    message = message_object(990_000_000_000_000_001, {"content": "Le Japon et l'UE"}) | {"author": who["user"]}
    data = chat_input("Faits liés", command_type=3) | {
        "target_id": message["id"],
        "resolved": {"messages": {message["id"]: message}},
    }
    return interaction(2, data, SERVER, who)


HEAVY = {
    "chercher": lambda who: interaction(2, chat_input("chercher", [string_option("recherche", "Japon")]), SERVER, who),
    "Faits liés": related_facts,
    "revue": lambda who: interaction(2, chat_input("revue"), SERVER, who),
    "article": lambda who: interaction(2, chat_input("article"), SERVER, who),
}


async def burst(harness, payloads: list[dict]) -> list[list[dict]]:
    """Delivers every interaction before the bot handles any, as a fast member's clicks arrive."""
    for payload in payloads:
        harness.bot._connection.parse_interaction_create(payload)
    await settle()
    return [harness.double.replies(int(payload["id"]), payload["token"]) for payload in payloads]


def is_cooldown(reply: dict) -> bool:
    embeds = (reply.get("data") or {}).get("embeds") or [{}]
    return embeds[0].get("title") == "Un instant"


@pytest.mark.parametrize("name", sorted(HEAVY))
async def test_a_burst_is_answered_in_full_and_politely(harness, name):
    who = MODERATOR if name in ("revue", "article") else MEMBER
    replies = await burst(harness, [HEAVY[name](who) for _ in range(RATE.uses + 3)])
    assert all(replies), "une interaction est restée sans réponse"
    held_back = [answers[0] for answers in replies if is_cooldown(answers[0])]
    assert len(held_back) == 3
    for reply in held_back:
        assert reply["type"] == 4 and reply["data"]["flags"] & 64
        assert re.fullmatch(r"Doucement… réessayez dans \d+ s\.", reply["data"]["embeds"][0]["description"])


async def test_other_members_and_light_commands_are_not_held_back(harness):
    await burst(harness, [HEAVY["chercher"](MEMBER) for _ in range(RATE.uses + 1)])
    others = [await harness.send(HEAVY["chercher"](OTHER_MEMBER)), await harness.slash("accord", "Japon", who=MEMBER)]
    others += [await harness.slash("accord", "Japon UE", who=MEMBER) for _ in range(RATE.uses + 1)]
    assert not any(is_cooldown(reply) for reply in others)
