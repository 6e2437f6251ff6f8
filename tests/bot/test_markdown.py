"""Stored text is shown letter for letter and never as markup: a fact cannot pass for another field, link
somewhere else, mention anyone or reorder the line it is in."""

import re

from hypothesis import given, settings
from rich.console import Console

from bot import render
from bot.commands import answer
from bot.console import discord_text, print_payload
from bot.markdown import inert, link, plain
from facts import editing
from facts.catalog import Catalog
from facts.interchange import import_document
from tests.discord_spec import validate_message
from tests.hostile import active_markup, assert_inert, hostile_text

SPOOF = {
    "kind": "accord",
    "title": "Accord piège\n**Date :** 1999 @everyone <@123456789012345678>",
    "parties": ["Japon", "[Cliquez ici](https://exemple.invalid/piege)"],
    "people": [{"name": "<@&300000000000000001> Dupont", "role": "# Ministre\n> cité", "part": "signataire"}],
    "date": "2024-11-01",
    "summary": "Résumé.\n- liste\n```\ncode\n```\n||spoiler|| \u202eesrever",
    "sources": [{"article": "`article`", "quote": "**Lieu :** Paris", "url": "https://exemple.invalid/a_b"}],
}


@settings(max_examples=200)
@given(text=hostile_text())
def test_what_discord_shows_is_the_text_itself(text):
    assert not active_markup(inert(text))
    assert "\n" not in inert(text)
    assert discord_text(inert(text)).plain == plain(text)


@settings(max_examples=100)
@given(text=hostile_text())
def test_multiline_text_keeps_its_lines_and_nothing_else(text):
    shown = discord_text(inert(text, multiline=True)).plain
    assert not active_markup(inert(text, multiline=True))
    assert shown == "\n".join(plain(line) for line in text.splitlines()).strip("\n")


def test_controls_and_bidi_overrides_are_dropped_and_lines_joined():
    assert plain("a\u202eb\u2066c\x00d\x1b[31me\u2028f") == "abc d [31me f"
    assert inert("Titre\n**Date :** 1999") == r"Titre \*\*Date :\*\* 1999"


def test_only_plain_urls_are_left_as_links():
    assert link("https://exemple.fr/a_b?x=1") == "https://exemple.fr/a_b?x=1"
    assert link("https://x.invalid/)[piège](https://y.invalid") != "https://x.invalid/)[piège](https://y.invalid"
    assert not active_markup(link("[a](https://y.invalid)"))
    # An "@" inside a URL could start a mention ("…/@everyone"): such a URL is shown as text.
    assert not active_markup(link("https://exemple.fr/eau@"))
    assert not active_markup(link("https://exemple.fr/@everyone"))


def test_a_fact_written_to_spoof_cannot(seed_store):
    import_document(seed_store, {"facts": [SPOOF]}, who="import")
    catalog = Catalog.from_store(seed_store)
    reply = answer(catalog, "chercher", "quand accord piège")
    payload = reply.payload
    validate_message(payload)
    assert_inert(payload)
    embed = payload["embeds"][0]
    assert "\n" not in embed["title"]
    assert [field["name"] for field in embed["fields"]].count("Date") == 1
    assert "1er novembre 2024" in next(field["value"] for field in embed["fields"] if field["name"] == "Date")
    # The console (which shows what Discord shows) reads the title as typed, on one line.
    console = Console(record=True, width=200)
    print_payload(console, payload)
    assert "Accord piège **Date :** 1999 @everyone <@123456789012345678>" in console.export_text()


def test_the_focus_sentence_keeps_the_title_inside_its_bold(seed_store):
    import_document(seed_store, {"facts": [SPOOF]}, who="import")
    content = answer(Catalog.from_store(seed_store), "chercher", "quand accord piège").payload["content"]
    assert "\n" not in content
    assert content.startswith("**Accord piège") and content.endswith("\\>** : signé le 1er novembre 2024.")


def test_history_shows_who_and_what_inert(seed_store):
    fact = import_document(seed_store, {"facts": [SPOOF]}, who="<@1> [x](https://y.invalid)").facts[0]
    changes = editing.history(seed_store, fact.id, editing.Editor("console"))
    payload = render.history_message(Catalog.from_store(seed_store), fact.id, changes)
    validate_message(payload)
    own_timestamps = re.sub(r"<t:\d+:f>", "", payload["embeds"][0]["description"])
    assert not active_markup(own_timestamps)
