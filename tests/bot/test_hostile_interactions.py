"""Hostile text in every option, suggestion request, message and form field, through discord.py as
Discord delivers it: every interaction gets an answer the spec accepts (the double checks each request),
no exception reaches the logs, and a refused form leaves the store byte for byte as it was."""

import dataclasses
import logging

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.commands import COMMANDS
from bot.settings import Rate
from facts.forms import LABELS
from tests.bot.conftest import SERVER
from tests.bot.discord_double import CHANNEL_ID, chat_input, interaction, member, message_object, string_option
from tests.bot.test_hostile_input import forms
from tests.bot.test_moderation_interactions import MODERATOR, fait, submission
from tests.hostile import assert_inert, hostile_text

SEARCHABLE = sorted(name for name, command in COMMANDS.items() if command.option_description)
MEMBER = member(12)


@pytest.fixture
def settings(settings):
    """These tests are about what is typed, not how often: one member sends every example."""
    return dataclasses.replace(settings, cooldown=Rate(10_000, 1.0))


@pytest.fixture
def errors_logged(caplog):
    caplog.set_level(logging.ERROR)
    return caplog


def answered_cleanly(harness, caplog, reply: dict) -> dict:
    """The reply is on the wire (so the double validated it), inert, and nothing failed on the way."""
    assert harness.double.errors == []
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
    data = reply.get("data") or {}
    if reply.get("type") in (4, 7, "followup"):
        assert_inert(data)
    return data


@hypothesis.settings(max_examples=40)
@given(name=st.sampled_from(SEARCHABLE), query=hostile_text(min_size=1))
async def test_any_option_value_is_answered(harness, errors_logged, name, query):
    reply = await harness.slash(name, query, who=MEMBER)
    answered_cleanly(harness, errors_logged, reply)


@hypothesis.settings(max_examples=40)
@given(name=st.sampled_from(SEARCHABLE), typed=hostile_text())
async def test_any_text_being_typed_gets_suggestions(harness, errors_logged, name, typed):
    data = chat_input(name, [string_option("recherche", typed, focused=True)])
    reply = await harness.send(interaction(4, data, SERVER, MEMBER))
    assert reply["type"] == 8
    answered_cleanly(harness, errors_logged, reply)


@hypothesis.settings(max_examples=25)
@given(content=hostile_text())
async def test_any_message_gets_its_related_facts(harness, errors_logged, content):
    message = message_object(990_000_000_000_000_001, {"content": content}) | {"author": MEMBER["user"]}
    data = chat_input("Faits liés", command_type=3) | {
        "target_id": message["id"],
        "resolved": {"messages": {message["id"]: message | {"channel_id": str(CHANNEL_ID)}}},
    }
    reply = await harness.send(interaction(2, data, SERVER, MEMBER))
    answered_cleanly(harness, errors_logged, reply)


@hypothesis.settings(max_examples=40)
@given(form=forms)
async def test_any_form_is_answered_and_a_refused_one_changes_nothing(harness, seed_store, errors_logged, form):
    opened = await harness.send(interaction(2, fait("ajouter", type="accord"), SERVER, MODERATOR))
    before = seed_store.path.read_bytes()
    typed = {LABELS[key]: value for key, value in form.items()}
    reply = await harness.send(interaction(5, submission(opened["data"], typed), SERVER, MODERATOR))
    data = answered_cleanly(harness, errors_logged, reply)
    if "ajouté" not in data["embeds"][0]["title"]:
        assert seed_store.path.read_bytes() == before


async def test_a_pasted_page_without_text_is_refused_in_french_and_logs_no_error(harness, errors_logged):
    opened = await harness.send(interaction(2, chat_input("article"), SERVER, MODERATOR))
    page = "<p>"  # trafilatura logs "empty HTML tree" at ERROR for it
    reply = await harness.send(interaction(5, submission(opened["data"], {"Texte": page}), SERVER, MODERATOR))
    data = answered_cleanly(harness, errors_logged, reply)
    assert data["flags"] & 64
    assert data["embeds"][0]["description"] == "aucun texte d'article dans « article-colle.txt »"


@hypothesis.settings(max_examples=8)
@given(text=hostile_text(min_size=1, max_size=4000))
async def test_any_pasted_article_is_answered(harness, errors_logged, text):
    opened = await harness.send(interaction(2, chat_input("article"), SERVER, MODERATOR))
    reply = await harness.send(interaction(5, submission(opened["data"], {"Texte": text}), SERVER, MODERATOR))
    answered_cleanly(harness, errors_logged, reply)
