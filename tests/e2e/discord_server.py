"""A test double of Discord served on 127.0.0.1: the HTTP API and the gateway, for a real bot process.

HTTP requests go through the same DiscordDouble as the in-process tests (route matched in Discord's
OpenAPI spec, body validated, recorded, answered). The gateway speaks Discord's protocol: HELLO, IDENTIFY →
READY and GUILD_CREATE, heartbeats and their ACKs, dispatches with sequence numbers, and RESUME, which
replays what a dropped connection missed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

from tests.bot.discord_double import APPLICATION_ID, BOT_USER, EVERYDAY_PERMISSIONS, TIMESTAMP, DiscordDouble

# Discord asks for about 41 s; a short interval makes heartbeats happen within a test.
HEARTBEAT_INTERVAL_MS = 500
DROPPED = 4000  # Discord's "unknown error": clients reconnect and resume


@dataclass
class GatewaySession:
    session_id: str
    sequence: int = 0
    events: list[dict] = field(default_factory=list)


def guild_payload(guild_id: int, channel_id: int) -> dict:
    everyone = {
        "id": str(guild_id), "name": "@everyone", "permissions": str(EVERYDAY_PERMISSIONS), "position": 0, "color": 0,
        "hoist": False, "managed": False, "mentionable": False, "flags": 0,
    }  # fmt: skip
    channel = {"id": str(channel_id), "type": 0, "name": "actualites", "position": 0, "permission_overwrites": [],
               "nsfw": False, "parent_id": None, "guild_id": str(guild_id)}  # fmt: skip
    return {
        "id": str(guild_id), "name": "Salle de rédaction", "icon": None, "owner_id": "1", "roles": [everyone],
        "channels": [channel], "threads": [], "members": [], "member_count": 3, "unavailable": False,
        "features": [], "emojis": [], "stickers": [], "joined_at": TIMESTAMP, "large": False, "voice_states": [],
        "presences": [], "stage_instances": [], "guild_scheduled_events": [], "premium_tier": 0,
        "preferred_locale": "fr", "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "system_channel_flags": 0,
        "afk_timeout": 300, "premium_progress_bar_enabled": False,
    }  # fmt: skip


def _json(payload: object, status: int = 200) -> web.Response:
    # discord.py reads JSON only under exactly "application/json", as Discord sends it (no charset).
    return web.Response(body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json"})


class DiscordServer:
    def __init__(self, guilds: dict[int, int]) -> None:
        """`guilds` maps each server the bot is in to its one text channel."""
        self.double = DiscordDouble()
        self.guilds = guilds
        self.sessions: dict[str, GatewaySession] = {}
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self.connected = asyncio.Event()
        self._socket: web.WebSocketResponse | None = None
        self._session: GatewaySession | None = None
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._http)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # HTTP

    async def _http(self, request: web.Request) -> web.Response:
        if request.path.endswith("/gateway/bot"):
            payload = {"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}  # fmt: skip
            return _json(payload)
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        status, payload = self.double.handle(request.method, request.path, body)
        if payload is None:
            return web.Response(status=status)
        return _json(payload, status)

    # Gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._socket = socket
        await socket.send_json({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": None, "t": None})
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            frame = json.loads(message.data)
            match frame["op"]:
                case 1:
                    self.heartbeats += 1
                    await socket.send_json({"op": 11, "d": None, "s": None, "t": None})
                case 2:
                    await self._identify(socket, frame["d"])
                case 6:
                    await self._resume(socket, frame["d"])
        if self._socket is socket:
            self._socket = None
            self.connected.clear()
        return socket

    async def _identify(self, socket: web.WebSocketResponse, data: dict) -> None:
        if data.get("token") != self.expected_token:
            await socket.close(code=4004, message=b"Authentication failed")
            return
        self.identifies += 1
        session = GatewaySession(f"session-{next(self._ids)}")
        self.sessions[session.session_id] = session
        self._session = session
        ready = {
            "v": 10, "user": BOT_USER, "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": session.session_id, "resume_gateway_url": self.gateway_url, "shard": [0, 1],
            "application": {"id": str(APPLICATION_ID), "flags": 0},
        }  # fmt: skip
        await self._send(session, "READY", ready)
        for guild_id, channel_id in self.guilds.items():
            await self._send(session, "GUILD_CREATE", guild_payload(guild_id, channel_id))
        self.connected.set()

    async def _resume(self, socket: web.WebSocketResponse, data: dict) -> None:
        session = self.sessions.get(data.get("session_id"))
        if session is None or data.get("token") != self.expected_token:
            await socket.send_json({"op": 9, "d": False, "s": None, "t": None})
            return
        self.resumes += 1
        self._session = session
        for event in session.events:
            if event["s"] > (data.get("seq") or 0):
                await socket.send_json(event)
        await self._send(session, "RESUMED", {})
        self.connected.set()

    async def _send(self, session: GatewaySession, name: str, data: object) -> None:
        session.sequence += 1
        event = {"op": 0, "t": name, "s": session.sequence, "d": data}
        session.events.append(event)
        if self._socket is not None and not self._socket.closed:
            await self._socket.send_json(event)

    expected_token = "jeton-e2e"

    # What the scenarios do

    async def dispatch_interaction(self, payload: dict) -> None:
        assert self._session is not None, "aucune session ouverte"
        await self._send(self._session, "INTERACTION_CREATE", payload)

    async def drop_connection(self) -> None:
        self.connected.clear()
        if self._socket is not None:
            await self._socket.close(code=DROPPED, message=b"test: connexion coupee")
