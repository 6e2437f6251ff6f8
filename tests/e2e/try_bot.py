"""Try the bot without a Discord account: the Discord double on 127.0.0.1, the real bot process, and a
prompt that sends what you type as slash commands and prints the bot's replies.

    .venv/bin/python -m tests.e2e.try_bot [--db PATH]

Type "/accord Japon UE", "/visite Iwaya"… exactly as in Discord; Ctrl-D to quit. Every request the bot
makes is checked against Discord's OpenAPI spec; a rejected one is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from rich.console import Console

from bot.console import print_payload
from tests.bot.discord_double import CHANNEL_ID, chat_input, interaction, member, string_option
from tests.e2e.conftest import SERVER, BotProcess, answer_to
from tests.e2e.discord_server import DiscordServer


async def session(db: Path) -> None:
    console = Console()
    server = DiscordServer({SERVER: CHANNEL_ID})
    await server.start()
    bot = BotProcess(server, db, db.parent)
    console.print(f"Double de Discord sur {server.api_base} ; démarrage du bot (journal : {bot.log})…")
    await bot.start()
    console.print("Connecté. Tapez une commande (/accord Japon UE), Ctrl-D pour quitter.")
    loop = asyncio.get_running_loop()
    try:
        while line := await loop.run_in_executor(None, sys.stdin.readline):
            name, _, query = line.strip().lstrip("/").partition(" ")
            if not name:
                continue
            options = [string_option("recherche", query.strip())] if query.strip() else []
            payload = interaction(2, chat_input(name, options), SERVER, member(1))
            try:
                callback = await answer_to(server, payload, timeout=5)
            except AssertionError as error:
                console.print(f"[red]{error}[/]")
                continue
            print_payload(console, callback.get("data") or {})
            for problem in server.double.errors:
                console.print(f"[red]Requête refusée par la spécification :[/] {problem}")
            server.double.errors.clear()
    finally:
        await bot.stop()
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="data/essai.json", help="base de faits du bot (créée si absente)")
    db = Path(parser.parse_args().db).resolve()
    db.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(session(db))


if __name__ == "__main__":
    main()
