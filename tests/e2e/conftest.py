"""The real bot process (`python -m bot.cli run`) against the Discord double on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.bot.discord_double import CHANNEL_ID
from tests.e2e.discord_server import DiscordServer

SERVER = 100_000_000_000_000_001
MOD_ROLE = 300_000_000_000_000_001
LOG_CHANNEL = 400_000_000_000_000_001
REPO = Path(__file__).resolve().parents[2]


class BotProcess:
    def __init__(self, server: DiscordServer, db: Path, workdir: Path) -> None:
        self.server, self.db, self.workdir = server, db, workdir
        self.log = workdir / "bot.log"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIPLOBOT_"))}
        env |= {
            "DISCORD_TOKEN": self.server.expected_token,
            "DIPLOBOT_DB": str(self.db),
            "DIPLOBOT_API_BASE": self.server.api_base,
            "DIPLOBOT_GATEWAY_URL": self.server.gateway_url,
            "DIPLOBOT_MOD_ROLE_IDS": str(MOD_ROLE),
            "DIPLOBOT_LOG_CHANNEL_ID": str(LOG_CHANNEL),
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(REPO),
        }
        self.server.connected.clear()
        with open(self.log, "a") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", cwd=self.workdir, env=env, stdout=log, stderr=log
            )
        try:
            await asyncio.wait_for(self.server.connected.wait(), timeout=30)
        except TimeoutError:
            raise AssertionError(f"le bot ne s'est pas connecté :\n{self.log.read_text()}") from None
        await asyncio.sleep(0.2)  # READY reaches on_ready handlers

    async def stop(self, how: signal.Signals = signal.SIGINT) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(how)
        try:
            await asyncio.wait_for(self.process.wait(), timeout=10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()

    def logged_errors(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if " ERROR " in line or "Traceback" in line]


async def answer_to(server: DiscordServer, payload: dict, timeout: float = 10) -> dict:
    """Sends an interaction through the gateway and waits for the bot's callback."""
    await server.dispatch_interaction(payload)
    deadline = asyncio.get_running_loop().time() + timeout

    def answered() -> list[dict]:
        # A deferred reply (type 5) is answered by the follow-up that comes after it.
        replies = server.double.replies(int(payload["id"]), payload["token"])
        return replies if replies and replies[-1]["type"] != 5 else []

    while not answered():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"pas de réponse à l'interaction {payload['data'].get('name')}")
        await asyncio.sleep(0.01)
    return answered()[-1]


@pytest.fixture
async def discord_server():
    server = DiscordServer({SERVER: CHANNEL_ID})
    await server.start()
    yield server
    await server.stop()
    assert server.double.errors == [], "\n".join(server.double.errors)


@pytest.fixture
async def bot(discord_server, tmp_path):
    process = BotProcess(discord_server, tmp_path / "diplobot.json", tmp_path)
    await process.start()
    yield process
    await process.stop()
    assert process.logged_errors() == [], process.log.read_text()
