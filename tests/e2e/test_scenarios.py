"""End to end: the unmodified bot process, talking to the Discord double exactly as it would to Discord."""

from tests.bot.discord_double import chat_input, interaction, member, string_option
from tests.e2e.conftest import SERVER, BotProcess, answer_to


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
