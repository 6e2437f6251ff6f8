"""Tests of the Discord spec helper itself: it must accept what Discord accepts and reject the rest."""

from __future__ import annotations

import copy
import datetime as dt

import discord
import jsonschema
import pytest
from discord import app_commands

from tests.discord_spec import (
    _SPEC_GAPS,
    load_spec,
    validate_autocomplete,
    validate_command,
    validate_embed,
    validate_message,
    validate_schema,
)


def make_embed() -> dict:
    return {
        "title": "Accord de Paris",
        "description": "Signature de l'accord sur le climat.",
        "url": "https://example.org/accord",
        "color": 0x2B5797,
        "timestamp": "2015-12-12T18:00:00+00:00",
        "fields": [
            {"name": "Pays", "value": "France, États-Unis", "inline": True},
            {"name": "Date", "value": "12 décembre 2015", "inline": True},
        ],
        "footer": {"text": "Source : ONU"},
        "author": {"name": "diplobot"},
    }


def make_message() -> dict:
    return {
        "content": "Voici ce que j'ai trouvé :",
        "embeds": [make_embed()],
        "allowed_mentions": {"parse": []},
        "flags": 64,
    }


def make_command() -> dict:
    return {
        "name": "cherche",
        "description": "Cherche un fait diplomatique",
        "description_localizations": {"en-US": "Search a diplomatic fact"},
        "type": 1,
        "options": [
            {
                "type": 3,
                "name": "pays",
                "description": "Pays concerné",
                "required": True,
                "autocomplete": True,
            },
            {
                "type": 3,
                "name": "genre",
                "description": "Genre de fait",
                "required": False,
                "choices": [{"name": "Accord", "value": "accord"}, {"name": "Visite", "value": "visite"}],
            },
        ],
    }


def expect_invalid(validate, payload, *fragments: str) -> str:
    with pytest.raises(AssertionError) as info:
        validate(payload)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


# --------------------------------------------------------------------------- valid payloads


def test_valid_embed_passes() -> None:
    validate_embed(make_embed())


def test_valid_message_passes() -> None:
    validate_message(make_message())


def test_valid_autocomplete_passes() -> None:
    validate_autocomplete([{"name": "France", "value": "FR"}, {"name": "Allemagne", "value": "DE"}])
    # Discord accepts an empty answer, which the bot sends when nothing matches.
    validate_autocomplete([])


def test_valid_command_passes() -> None:
    validate_command(make_command())


def test_discord_py_embed_validates() -> None:
    # Proves the helper and the library agree, including the "flags" key the spec forgot.
    embed = discord.Embed(
        title="Visite d'État",
        description="Visite officielle à Berlin.",
        colour=discord.Colour.blurple(),
        url="https://example.org/visite",
        timestamp=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC),
    )
    embed.add_field(name="Pays", value="Allemagne", inline=False)
    embed.set_footer(text="Source : Élysée", icon_url="https://example.org/logo.png")
    embed.set_author(name="diplobot")
    embed.set_thumbnail(url="https://example.org/flag.png")
    payload = embed.to_dict()
    validate_embed(payload)
    validate_message({"embeds": [payload], "allowed_mentions": discord.AllowedMentions.none().to_dict()})


def test_discord_py_command_validates() -> None:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))

    @tree.command(name="cherche", description="Cherche un fait")
    @app_commands.describe(pays="Pays concerné")
    async def cherche(interaction: discord.Interaction, pays: str, limite: app_commands.Range[int, 1, 10] = 5):
        pass

    validate_command(cherche.to_dict(tree))


def test_spec_patches_are_valid_json_schema() -> None:
    schemas = load_spec()["components"]["schemas"]
    for name in _SPEC_GAPS:
        jsonschema.Draft202012Validator.check_schema(schemas[name])


# --------------------------------------------------------------------------- embeds


def test_embed_title_too_long_fails() -> None:
    embed = make_embed() | {"title": "t" * 257}
    expect_invalid(validate_embed, embed, "$.title", "257 characters", "256")


def test_embed_with_26_fields_fails() -> None:
    embed = make_embed() | {"fields": [{"name": f"n{i}", "value": "v"} for i in range(26)]}
    expect_invalid(validate_embed, embed, "$.fields", "26 items")


def test_embed_total_over_6000_fails() -> None:
    # Each field is within its own limits; only the sum breaks Discord's 6000 budget.
    fields = [{"name": f"champ {i}", "value": "v" * 1000} for i in range(6)]
    embed = make_embed() | {"fields": fields}
    expect_invalid(validate_embed, embed, "more than the 6000 allowed")


def test_embed_empty_field_value_fails() -> None:
    embed = make_embed() | {"fields": [{"name": "Pays", "value": ""}]}
    expect_invalid(validate_embed, embed, "$.fields[0].value", "empty")


def test_embed_color_as_string_fails() -> None:
    embed = make_embed() | {"color": "#2b5797"}
    expect_invalid(validate_embed, embed, "$.color", "expected integer or null")


def test_embed_unknown_property_fails() -> None:
    # The spec does not close RichEmbed; the helper does, so a typo cannot silently drop the colour.
    embed = make_embed() | {"colour": 0x2B5797}
    expect_invalid(validate_embed, embed, "unknown property 'colour'")


def test_embed_bad_timestamp_fails() -> None:
    expect_invalid(validate_embed, make_embed() | {"timestamp": "2015-12-12"}, "$.timestamp", "date-time")


def test_nested_union_reports_the_inner_error() -> None:
    # author is oneOf [null, RichEmbedAuthor]; the report must point inside the object branch.
    message = expect_invalid(
        validate_embed,
        make_embed() | {"author": {"name": 5}},
        "$.author.name: expected string or null, got integer 5",
    )
    assert "$.author:" not in message, message


# --------------------------------------------------------------------------- messages


def test_message_without_allowed_mentions_fails() -> None:
    payload = make_message()
    del payload["allowed_mentions"]
    expect_invalid(validate_message, payload, "allowed_mentions")


def test_message_with_permissive_allowed_mentions_fails() -> None:
    payload = make_message() | {"allowed_mentions": {"parse": ["users"]}}
    expect_invalid(validate_message, payload, "$.allowed_mentions")


def test_message_unknown_key_fails() -> None:
    expect_invalid(validate_message, make_message() | {"tts": True}, "$.tts", "unexpected key")


def test_message_content_over_2000_fails() -> None:
    # MessageCreateRequest allows 4000 (the Nitro limit); bots are held to 2000.
    expect_invalid(validate_message, make_message() | {"content": "x" * 2001}, "$.content", "2001 characters")


def test_message_embeds_total_over_6000_fails() -> None:
    embed = {"description": "d" * 4000}
    payload = make_message() | {"embeds": [embed, copy.deepcopy(embed)]}
    expect_invalid(validate_message, payload, "embeds total 8000 characters")


def test_message_invalid_embed_is_reported_once_with_every_source() -> None:
    payload = make_message() | {"embeds": [make_embed() | {"color": "rouge"}]}
    message = expect_invalid(validate_message, payload, "$.embeds[0].color")
    assert message.count("$.embeds[0].color") == 1, message
    assert "spec interaction callback" in message and "spec message create" in message, message


def test_message_empty_fails() -> None:
    expect_invalid(validate_message, {"allowed_mentions": {"parse": []}}, "empty message")


def test_message_components_are_validated() -> None:
    bad_button = {"type": 1, "components": [{"type": 2, "style": 9, "label": "Source"}]}
    payload = make_message() | {"components": [bad_button]}
    expect_invalid(validate_message, payload, "$.components[0].components[0].style")


# --------------------------------------------------------------------------- autocomplete


def test_autocomplete_with_26_choices_fails() -> None:
    choices = [{"name": f"Pays {i}", "value": str(i)} for i in range(26)]
    expect_invalid(validate_autocomplete, choices, "26 items")


def test_autocomplete_with_101_char_name_fails() -> None:
    expect_invalid(validate_autocomplete, [{"name": "n" * 101, "value": "x"}], "$[0].name", "101 characters")


def test_autocomplete_non_string_value_fails() -> None:
    # The spec accepts integer choices (another branch of its union); the bot's options are strings.
    expect_invalid(validate_autocomplete, [{"name": "France", "value": 250}], "$[0].value", "expected string")


def test_autocomplete_value_over_100_fails() -> None:
    # The spec allows 6000 characters here; Discord documents 100.
    expect_invalid(validate_autocomplete, [{"name": "France", "value": "v" * 101}], "$[0].value")


# --------------------------------------------------------------------------- commands


def test_command_uppercase_name_fails() -> None:
    expect_invalid(validate_command, make_command() | {"name": "Cherche"}, "$.name", "lowercase")


def test_command_101_char_description_fails() -> None:
    expect_invalid(validate_command, make_command() | {"description": "d" * 101}, "$.description", "101")


def test_command_option_rules_apply_recursively() -> None:
    command = make_command()
    command["options"][0]["name"] = "Pays"
    command["options"][1]["description"] = ""
    expect_invalid(validate_command, command, "$.options[0].name", "$.options[1].description")


def test_command_name_with_space_fails() -> None:
    expect_invalid(validate_command, make_command() | {"name": "cherche fait"}, "$.name", "' '")


def test_command_accepts_accented_and_devanagari_names() -> None:
    validate_command(make_command() | {"name": "événement"})
    validate_command(make_command() | {"name": "खोज"})


def test_command_localization_rules() -> None:
    command = make_command() | {"name_localizations": {"fr-FR": "cherche", "en-US": "Search"}}
    expect_invalid(
        validate_command,
        command,
        "unknown locale 'fr-FR' (did you mean 'fr'?)",
        "$.name_localizations['en-US']",
    )


def test_command_required_after_optional_fails() -> None:
    command = make_command()
    command["options"].reverse()
    expect_invalid(validate_command, command, "required options must come before optional ones")


def test_context_menu_command_may_have_spaces_and_capitals() -> None:
    validate_command({"name": "Signaler ce fait", "type": 3})


# --------------------------------------------------------------------------- generic


def test_validate_schema_rejects_wrong_type() -> None:
    with pytest.raises(AssertionError, match=r"\$\.custom_id"):
        validate_schema({"type": 2, "style": 1, "custom_id": 42}, "ButtonComponentForMessageRequest")


def test_validate_schema_snowflakes_are_strings() -> None:
    validate_schema({"parse": [], "users": ["80351110224678912"]}, "MessageAllowedMentionsRequest")
    with pytest.raises(AssertionError, match="users"):
        validate_schema({"parse": [], "users": [80351110224678912]}, "MessageAllowedMentionsRequest")


def test_validate_schema_unknown_name_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="RichEmbed"):
        validate_schema({}, "RichEmbedd")
