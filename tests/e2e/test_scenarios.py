"""End to end: the unmodified bot process, talking to the Discord double exactly as it would to Discord."""

import asyncio
import signal

from tests.bot.discord_double import chat_input, interaction, member, message_object, string_option
from tests.bot.test_moderation_interactions import fait, submission
from tests.e2e.conftest import LOG_CHANNEL, MOD_ROLE, SERVER, BotProcess, answer_to


def slash(name: str, query: str, who: dict | None = None) -> dict:
    return interaction(2, chat_input(name, [string_option("recherche", query)]), SERVER, who or member(1))


async def test_startup_logs_in_connects_and_syncs_once(discord_server, tmp_path):
    bot = BotProcess(discord_server, tmp_path / "diplobot.json", tmp_path)
    await bot.start()
    routes = [(sent.method, sent.route) for sent in discord_server.double.sent]
    assert ("GET", "/users/@me") in routes
    assert len(discord_server.double.commands_registered()) == 1
    await bot.stop()
    await bot.start()
    assert len(discord_server.double.commands_registered()) == 1, "second start must not sync again"
    assert discord_server.identifies == 2
    await bot.stop()


async def test_accord_and_autocomplete(bot, discord_server):
    data = chat_input("accord", [string_option("recherche", "Japon UE")])
    callback = await answer_to(discord_server, interaction(2, data, SERVER, member(1)))
    assert "UE–Japon" in callback["data"]["embeds"][0]["title"]
    data = chat_input("accord", [string_option("recherche", "jap", focused=True)])
    choices = (await answer_to(discord_server, interaction(4, data, SERVER, member(1))))["data"]["choices"]
    assert 1 <= len(choices) <= 25 and all(len(choice["name"]) <= 100 for choice in choices)


async def test_the_results_menu_answers_a_click(bot, discord_server):
    first = await answer_to(discord_server, slash("accord", "Japon Ukraine"))
    menu = first["data"]["components"][0]["components"][0]
    other = next(option for option in menu["options"] if not option.get("default"))
    sent = next(s for s in discord_server.double.sent if s.body is first)
    interaction_id = sent.path.split("/")[2]
    message = message_object(discord_server.double.message_ids[interaction_id], first["data"]) | {
        "interaction_metadata": {"id": interaction_id, "type": 2, "user": member(1)["user"],
                                 "authorizing_integration_owners": {}}
    }  # fmt: skip
    click = {"custom_id": menu["custom_id"], "component_type": 3, "values": [other["value"]]}
    updated = await answer_to(discord_server, interaction(3, click, SERVER, member(1), message=message))
    assert updated["type"] == 7
    assert other["label"][:30] in updated["data"]["embeds"][0]["title"]


MODERATOR = member(10, roles=(MOD_ROLE,))
FORM = {
    "Titre": "Accord France–Maroc sur l'eau",
    "Parties": "France, Maroc",
    "Date": "28 octobre 2024, Rabat",
    "Source": "« La France et le Maroc ont signé un accord sur l'eau. »\nhttps://exemple.fr/eau",
}


async def add_through_the_form(server, who=MODERATOR) -> dict:
    opened = await answer_to(server, interaction(2, fait("ajouter", type="accord"), SERVER, who))
    assert opened["type"] == 9, opened
    return await answer_to(server, interaction(5, submission(opened["data"], FORM), SERVER, who))


async def test_a_moderator_adds_a_fact_and_the_log_channel_hears_of_it(bot, discord_server):
    confirmation = await add_through_the_form(discord_server)
    assert "ajouté" in confirmation["data"]["embeds"][0]["title"]
    found = await answer_to(discord_server, slash("accord", "France Maroc", member(2)))
    assert "France–Maroc" in found["data"]["embeds"][0]["title"]
    posted = discord_server.double.to_channel(LOG_CHANNEL)
    assert posted and "ajouté" in posted[-1]["embeds"][0]["title"]


async def test_a_member_without_rights_changes_nothing(bot, discord_server):
    db = bot.db
    opened = await answer_to(discord_server, interaction(2, fait("ajouter", type="accord"), SERVER, MODERATOR))
    before = db.read_bytes()
    outsider = member(99)
    for subcommand, options in (("ajouter", {"type": "accord"}), ("modifier", {"numero": 1}),
                                ("supprimer", {"numero": 1}), ("restaurer", {"numero": 1}),
                                ("annuler", {"numero": 1})):  # fmt: skip
        refused = await answer_to(discord_server, interaction(2, fait(subcommand, **options), SERVER, outsider))
        assert "réservée aux modérateurs" in refused["data"]["embeds"][0]["description"]
    replayed = await answer_to(discord_server, interaction(5, submission(opened["data"], FORM), SERVER, outsider))
    assert "réservée aux modérateurs" in replayed["data"]["embeds"][0]["description"]
    assert db.read_bytes() == before


async def test_an_acknowledged_add_survives_a_kill(bot, discord_server):
    confirmation = await add_through_the_form(discord_server)
    assert "ajouté" in confirmation["data"]["embeds"][0]["title"]
    await bot.stop(signal.SIGKILL)
    await bot.start()
    found = await answer_to(discord_server, slash("accord", "France Maroc", member(2)))
    assert "France–Maroc" in found["data"]["embeds"][0]["title"]


async def test_a_dropped_gateway_connection_is_resumed(bot, discord_server):
    await discord_server.drop_connection()
    await asyncio.wait_for(discord_server.connected.wait(), timeout=30)
    assert discord_server.resumes == 1 and discord_server.identifies == 1
    callback = await answer_to(discord_server, slash("visite", "Iwaya"))
    assert "Iwaya" in callback["data"]["embeds"][0]["title"]


async def test_a_burst_of_200_interactions_is_answered_in_full(bot, discord_server):
    queries = ["Japon UE", "Iwaya", "Kyiv", "Zelensky", "Japon Ukraine", "jap", "Xylophone", "Borrell"]
    commands = ["accord", "visite", "rencontre", "chercher", "chronologie", "personne"]  # 6 × 8 combinations
    payloads = [slash(commands[n % 6], queries[n % 8], member(1000 + n % 17)) for n in range(200)]
    for payload in payloads:
        await discord_server.dispatch_interaction(payload)
    deadline = asyncio.get_running_loop().time() + 60
    while any(not discord_server.double.callbacks(int(p["id"])) for p in payloads):
        assert asyncio.get_running_loop().time() < deadline, "interactions sans réponse"
        await asyncio.sleep(0.05)
    assert all(len(discord_server.double.callbacks(int(p["id"]))) == 1 for p in payloads)
    assert bot.logged_errors() == []
    assert discord_server.heartbeats > 0, "le bot n'a envoyé aucun heartbeat"
