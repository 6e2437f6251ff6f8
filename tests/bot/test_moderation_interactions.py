"""The moderators' workflow through real interactions: forms, rights, stale edits, history, undo."""

import pytest

from tests.bot.conftest import LOG_CHANNEL, MOD_ROLE, OTHER_SERVER, SERVER
from tests.bot.discord_double import MANAGE_MESSAGES, chat_input, interaction, member, message_object

MODERATOR = member(10, permissions=MANAGE_MESSAGES | (1 << 31))
ROLE_MODERATOR = member(11, roles=(MOD_ROLE,))
MEMBER = member(12)
FORM = {
    "Titre": "Accord France–Maroc sur l'eau",
    "Parties": "France, Maroc",
    "Personnes": "Aziz Akhannouch — chef du gouvernement marocain [signataire]",
    "Date": "28 octobre 2024, Rabat",
    "Source": "« La France et le Maroc ont signé un accord sur l'eau. »\nhttps://exemple.fr/eau",
}


def fait(subcommand: str, **options) -> dict:
    values = [{"name": k, "type": 4 if k == "numero" else 3, "value": v} for k, v in options.items()]
    return chat_input("fait", [{"name": subcommand, "type": 1, "options": values}])


def text_inputs(modal: dict) -> list[dict]:
    """The text inputs of a modal callback, whichever layout discord.py used (rows or labels)."""
    inputs = []
    for component in modal["components"]:
        inner = component.get("components") or [component.get("component")]
        inputs += [item for item in inner if item and item.get("type") == 4]
    return inputs


def submission(modal: dict, values: dict[str, str]) -> dict:
    """The modal-submit data a member would send after typing `values` (matched by label start)."""
    rows = []
    for text_input in text_inputs(modal):
        label = text_input.get("label") or ""
        typed = next((v for key, v in values.items() if label.startswith(key)), text_input.get("value") or "")
        rows.append({"type": 1, "components": [{"type": 4, "custom_id": text_input["custom_id"], "value": typed}]})
    return {"custom_id": modal["custom_id"], "components": rows}


async def open_form(harness, who=MODERATOR, guild=SERVER, **options) -> dict:
    callback = await harness.send(interaction(2, fait(**options), guild, who))
    assert callback["type"] == 9, callback
    return callback["data"]


async def submit(harness, modal, values, who=MODERATOR, guild=SERVER) -> dict:
    return await harness.send(interaction(5, submission(modal, values), guild, who))


async def add_fact(harness, who=MODERATOR) -> int:
    modal = await open_form(harness, who, subcommand="ajouter", type="accord")
    reply = await submit(harness, modal, FORM, who)
    assert reply["data"]["flags"] & 64
    title = reply["data"]["embeds"][0]["title"]
    assert "ajouté" in title
    return int(title.split("n°")[1].split()[0])


async def test_a_moderator_adds_a_fact_through_the_form(harness):
    fact_id = await add_fact(harness)
    found = await harness.slash("accord", "France Maroc")
    assert "Accord France–Maroc sur l'eau" in found["data"]["embeds"][0]["title"]
    assert harness.double.to_channel(LOG_CHANNEL), "le salon de journal n'a rien reçu"
    assert f"n°{fact_id}" in harness.double.to_channel(LOG_CHANNEL)[-1]["embeds"][0]["title"]


async def test_a_role_listed_in_settings_makes_a_moderator(harness):
    await add_fact(harness, who=ROLE_MODERATOR)


async def test_a_bad_form_names_the_field_and_changes_nothing(harness, seed_store):
    before = seed_store.path.read_bytes()
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    reply = await submit(harness, modal, FORM | {"Date": "31 février 2024, Rabat"})
    assert reply["data"]["flags"] & 64
    assert "« Date, lieu »" in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


@pytest.mark.parametrize(
    "options",
    [{"subcommand": "ajouter", "type": "accord"}, {"subcommand": "supprimer", "numero": 1},
     {"subcommand": "annuler", "numero": 1}, {"subcommand": "historique", "numero": 1}],
)  # fmt: skip
async def test_members_without_rights_are_refused(harness, seed_store, options):
    before = seed_store.path.read_bytes()
    reply = await harness.send(interaction(2, fait(**options), SERVER, MEMBER))
    assert reply["type"] == 4 and reply["data"]["flags"] & 64
    assert "réservée aux modérateurs" in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_a_replayed_form_from_a_member_changes_nothing(harness, seed_store):
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    before = seed_store.path.read_bytes()
    reply = await submit(harness, modal, FORM, who=MEMBER)
    assert "réservée aux modérateurs" in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_a_stale_edit_is_refused(harness, seed_store):
    fact_id = await add_fact(harness)
    first = await open_form(harness, subcommand="modifier", numero=fact_id)
    second = await open_form(harness, who=ROLE_MODERATOR, subcommand="modifier", numero=fact_id)
    await submit(harness, first, {"Titre": "Accord France–Maroc sur l'eau (corrigé)"})
    refused = await submit(harness, second, {"Titre": "Autre correction"}, who=ROLE_MODERATOR)
    assert "modifié entre-temps" in refused["data"]["embeds"][0]["description"]
    assert seed_store.get(fact_id).title == "Accord France–Maroc sur l'eau (corrigé)"


async def test_history_then_undo(harness, seed_store):
    fact_id = await add_fact(harness)
    form = await open_form(harness, subcommand="modifier", numero=fact_id)
    await submit(harness, form, {"Titre": "Titre erroné"})
    history = await harness.send(interaction(2, fait("historique", numero=fact_id), SERVER, MODERATOR))
    text = history["data"]["embeds"][0]["description"]
    assert "création" in text and "modification" in text and "Titre erroné" in text
    await harness.send(interaction(2, fait("annuler", numero=fact_id), SERVER, MODERATOR))
    assert seed_store.get(fact_id).title == FORM["Titre"]


async def test_another_servers_fact_cannot_be_touched(harness, seed_store):
    fact_id = await add_fact(harness)
    before = seed_store.path.read_bytes()
    for options in ({"numero": fact_id},):
        for subcommand in ("modifier", "supprimer", "annuler", "historique"):
            reply = await harness.send(interaction(2, fait(subcommand, **options), OTHER_SERVER, MODERATOR))
            assert f"Aucun fait n°{fact_id}" in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_a_shared_fact_is_hidden_for_one_server_only(harness):
    await harness.send(interaction(2, fait("supprimer", numero=1), SERVER, MODERATOR))
    here = await harness.slash("accord", "Japon UE", guild=SERVER)
    elsewhere = await harness.slash("accord", "Japon UE", guild=OTHER_SERVER)
    assert "UE–Japon" not in here["data"]["embeds"][0].get("title", "")
    assert "UE–Japon" in elsewhere["data"]["embeds"][0]["title"]


async def test_a_servers_new_names_stay_in_that_server(harness):
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    await submit(harness, modal, FORM | {"Personnes": "Jeanne Martin — négociatrice [signataire]"})
    here = await harness.slash("personne", "Jeanne Martin", guild=SERVER)
    elsewhere = await harness.slash("personne", "Jeanne Martin", guild=OTHER_SERVER)
    assert "Jeanne Martin" in here["data"]["embeds"][0]["title"]
    assert elsewhere["data"]["flags"] & 64


async def test_a_misspelt_name_is_refused_with_a_suggestion(harness, seed_store):
    before = seed_store.path.read_bytes()
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    reply = await submit(harness, modal, FORM | {"Parties": "Japn, Maroc"})
    assert "vouliez-vous dire « Japon »" in reply["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_ordinary_french_phrasing_finds_the_known_names(harness, seed_store):
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    typed = {"Parties": "la France et le Maroc", "Date": "28 octobre 2024 à Tiznit"}
    reply = await submit(harness, modal, FORM | typed)
    fact_id = int(reply["data"]["embeds"][0]["title"].split("n°")[1].split()[0])
    fact = seed_store.get(fact_id)
    assert (fact.parties, fact.place) == (("pays:FR", "pays:MA"), "lieu:tiznit")
    assert "Tiznit" in reply["data"]["content"]  # the one name that was new is listed


async def test_history_reads_as_french(harness):
    fact_id = await add_fact(harness)
    form = await open_form(harness, subcommand="modifier", numero=fact_id)
    await submit(harness, form, {"Date": "29 octobre 2024, Rabat"})
    history = await harness.send(interaction(2, fait("historique", numero=fact_id), SERVER, MODERATOR))
    text = history["data"]["embeds"][0]["description"]
    assert "Date : 28 octobre 2024 → 29 octobre 2024" in text
    assert "pays:" not in text and "<t:" in text


async def test_an_unchanged_form_is_refused(harness, seed_store):
    fact_id = await add_fact(harness)
    form = await open_form(harness, subcommand="modifier", numero=fact_id)
    reply = await submit(harness, form, {})
    assert "Aucun changement" in reply["data"]["embeds"][0]["description"]
    assert seed_store.get(fact_id).version == 1


async def test_undoing_an_addition_says_the_fact_is_deleted(harness):
    fact_id = await add_fact(harness)
    reply = await harness.send(interaction(2, fait("annuler", numero=fact_id), SERVER, MODERATOR))
    assert "supprimé (son ajout est annulé)" in reply["data"]["embeds"][0]["title"]


async def test_moderation_in_a_direct_message_says_it_needs_a_server(harness):
    reply = await harness.send(interaction(2, fait("supprimer", numero=1), None, MODERATOR))
    assert "sur un serveur" in reply["data"]["embeds"][0]["description"]


async def test_a_refused_form_can_be_reopened_as_typed(harness):
    modal = await open_form(harness, subcommand="ajouter", type="accord")
    typed = FORM | {"Date": "31 février 2024, Rabat"}
    submitted = interaction(5, submission(modal, typed), SERVER, MODERATOR)
    refusal = await harness.send(submitted)
    assert refusal["data"]["embeds"][0]["title"] == "Formulaire à corriger"
    button = refusal["data"]["components"][0]["components"][0]
    message = message_object(harness.double.message_ids[submitted["id"]], refusal["data"]) | {
        "interaction_metadata": {"id": submitted["id"], "type": 5, "user": MODERATOR["user"],
                                 "authorizing_integration_owners": {}}
    }  # fmt: skip
    click = {"custom_id": button["custom_id"], "component_type": 2}
    reopened = await harness.send(interaction(3, click, SERVER, MODERATOR, message=message))
    assert reopened["type"] == 9
    values = {item["custom_id"]: item.get("value") for item in text_inputs(reopened["data"])}
    assert "31 février 2024, Rabat" in values.values()
