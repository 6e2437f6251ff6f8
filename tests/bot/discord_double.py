"""Discord as the bot's HTTP layer sees it, with no network: a stand-in for discord.py's aiohttp session.

Every request discord.py would send (interaction callbacks, webhook edits and follow-ups, channel
messages, command registration) goes through `DiscordDouble.request`, is matched to a route of Discord's
OpenAPI spec, has its body validated against that route's schema, and is recorded for the test to read.
Interactions come in as raw gateway payloads, parsed by discord.py's own ConnectionState.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tests.discord_spec import CALLBACK_PATH, match_route, validate_request

APPLICATION_ID = 900_000_000_000_000_001
BOT_USER = {"id": str(APPLICATION_ID), "username": "diplobot", "discriminator": "0", "global_name": None,
            "avatar": None, "bot": True}  # fmt: skip
APPLICATION = {
    "id": str(APPLICATION_ID), "name": "diplobot", "icon": None, "description": "", "bot_public": True,
    "bot_require_code_grant": False, "verify_key": "0" * 64, "flags": 0, "team": None, "owner": BOT_USER,
    "summary": "", "rpc_origins": [], "interactions_endpoint_url": None,
}  # fmt: skip
CHANNEL_ID = 700_000_000_000_000_001
TIMESTAMP = "2026-11-23T12:00:00.000000+00:00"
MANAGE_MESSAGES = 1 << 13
EVERYDAY_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 31)  # view channel, send messages, use app commands
_ids = itertools.count(800_000_000_000_000_001)


@dataclass
class Sent:
    method: str
    path: str
    route: str
    body: Any


class _Response:
    def __init__(self, status: int, payload: Any, raw: bytes | None = None) -> None:
        self.status = status
        self.reason = "OK" if status < 400 else "Bad Request"
        self._text = "" if payload is None else json.dumps(payload)
        self._raw = raw
        self.headers = {"content-type": "application/json"} if payload is not None else {}

    async def text(self, encoding: str = "utf-8") -> str:
        return self._text

    async def read(self) -> bytes:
        return self._raw if self._raw is not None else self._text.encode()

    async def __aenter__(self) -> _Response:
        return self

    async def __aexit__(self, *exc: object) -> bool:
        return False

    def release(self) -> None:
        pass


def message_object(message_id: int, body: dict, channel_id: int = CHANNEL_ID) -> dict:
    return {
        "id": str(message_id), "channel_id": str(channel_id), "author": BOT_USER, "content": body.get("content") or "",
        "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [], "pinned": False, "type": 0,
        "flags": body.get("flags") or 0, "components": body.get("components") or [],
    }  # fmt: skip


@dataclass
class DiscordDouble:
    sent: list[Sent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    message_ids: dict[str, int] = field(default_factory=dict)  # interaction id → message its reply created
    files: dict[str, bytes] = field(default_factory=dict)  # attachment URL → content, served like the CDN
    closed: bool = False

    # aiohttp.ClientSession's surface, as discord.py uses it.
    def request(self, method: str, url: str, **kwargs: Any) -> _Response:
        data = kwargs.get("data")
        body = json.loads(data) if isinstance(data, str | bytes) and data else None
        return _Response(*self.handle(method, urlsplit(url).path, body))

    def handle(self, method: str, url_path: str, body: Any) -> tuple[int, Any]:
        """Checks one request against the spec, records it, and answers as Discord would."""
        path = re.sub(r"^/api/v\d+", "", url_path)
        route = match_route(method, path)
        if route is None:
            self.errors.append(f"route inconnue de la spécification : {method} {path}")
            return 404, {"message": "Unknown route", "code": 0}
        if body is not None:
            try:
                validate_request(method, route, body)
            except AssertionError as error:
                self.errors.append(str(error))
                return 400, {"message": "Invalid Form Body", "code": 50035}
        self.sent.append(Sent(method.upper(), path, route, body))
        return self._answer(method.upper(), route, path, body)

    def get(self, url: str, **kwargs: Any) -> _Response:
        """Attachment downloads (Attachment.read()), from what the test put in `files`."""
        if url in self.files:
            return _Response(200, None, self.files[url])
        self.errors.append(f"fichier inconnu : {url}")
        return _Response(404, None, b"")

    async def close(self) -> None:
        self.closed = True

    def _answer(self, method: str, route: str, path: str, body: Any) -> tuple[int, Any]:
        if route == CALLBACK_PATH:
            interaction_id = path.split("/")[2]
            message_id = next(_ids)
            self.message_ids[interaction_id] = message_id
            flags = (body.get("data") or {}).get("flags") or 0
            answer: dict = {
                "interaction": {
                    "id": interaction_id,
                    "type": 2,
                    "response_message_id": str(message_id),
                    "response_message_loading": body["type"] == 5,
                    "response_message_ephemeral": bool(flags & 64),
                }
            }
            if body["type"] in (4, 7):
                answer["resource"] = {"type": body["type"], "message": message_object(message_id, body["data"])}
            return 200, answer
        if route.endswith("/commands") and method == "PUT":
            defaults = {"description": "", "options": [], "type": 1, "nsfw": False, "default_member_permissions": None}
            commands = [
                defaults | command | {"id": str(next(_ids)), "application_id": str(APPLICATION_ID), "version": "1"}
                for command in body
            ]
            return 200, commands
        if route == "/users/@me":
            return 200, BOT_USER
        if route == "/oauth2/applications/@me":
            return 200, APPLICATION
        if method in ("POST", "PATCH"):
            return 200, message_object(next(_ids), body or {})
        return 204, None

    # What the tests read.

    def commands_registered(self) -> list[Sent]:
        return [sent for sent in self.sent if sent.method == "PUT" and sent.route.endswith("/commands")]

    def callbacks(self, interaction_id: int | None = None) -> list[dict]:
        """Interaction callback bodies, oldest first, for one interaction or all."""
        return [
            sent.body
            for sent in self.sent
            if sent.route == CALLBACK_PATH
            and (interaction_id is None or sent.path.split("/")[2] == str(interaction_id))
        ]

    def replies(self, interaction_id: int, token: str) -> list[dict]:
        """What the user saw, in order: callbacks, then follow-ups sent with the interaction's token
        (a deferred reply arrives as one), each as {"type", "data"}."""
        seen = []
        for sent in self.sent:
            if sent.route == CALLBACK_PATH and sent.path.split("/")[2] == str(interaction_id):
                seen.append(sent.body)
            elif sent.route.startswith("/webhooks/") and sent.path.split("/")[3] == token and sent.method == "POST":
                seen.append({"type": "followup", "data": sent.body})
        return seen

    def to_channel(self, channel_id: int) -> list[dict]:
        return [sent.body for sent in self.sent if sent.path == f"/channels/{channel_id}/messages"]


def member(user_id: int, *, permissions: int = EVERYDAY_PERMISSIONS, roles: tuple[int, ...] = ()) -> dict:
    user = {"id": str(user_id), "username": f"user{user_id % 1000}", "discriminator": "0", "global_name": None,
            "avatar": None}  # fmt: skip
    return {
        "user": user, "roles": [str(role) for role in roles], "permissions": str(permissions), "joined_at": TIMESTAMP,
        "deaf": False, "mute": False, "flags": 0, "nick": None, "avatar": None,
    }  # fmt: skip


def interaction(kind: int, data: dict, guild_id: int | None, who: dict, **extra: Any) -> dict:
    """A raw INTERACTION_CREATE payload, as the gateway delivers it."""
    interaction_id = next(_ids)
    payload = {
        "id": str(interaction_id), "application_id": str(APPLICATION_ID), "type": kind, "data": data,
        "token": f"jeton-{interaction_id}", "version": 1, "locale": "fr", "app_permissions": str(EVERYDAY_PERMISSIONS),
        "entitlements": [], "attachment_size_limit": 10_485_760, "channel_id": str(CHANNEL_ID),
        "channel": {"id": str(CHANNEL_ID), "type": 0, "name": "actualites", "position": 0,
                    "permission_overwrites": [], "nsfw": False, "parent_id": None},
    } | extra  # fmt: skip
    if guild_id is None:
        payload["user"] = who["user"]
        payload["context"] = 1
        payload["channel"] = {"id": str(CHANNEL_ID), "type": 1, "recipients": [who["user"]]}
    else:
        payload |= {"guild_id": str(guild_id), "guild_locale": "fr", "member": who, "context": 0}
        payload["channel"]["guild_id"] = str(guild_id)
    return payload


def chat_input(name: str, options: list[dict] | None = None, *, command_type: int = 1) -> dict:
    return {"id": str(next(_ids)), "name": name, "type": command_type, "options": options or []}


def string_option(name: str, value: str, focused: bool = False) -> dict:
    option = {"name": name, "type": 3, "value": value}
    return option | {"focused": True} if focused else option


TASK_PREFIXES = ("CommandTree-invoker", "discord-ui-view-dispatch", "discord-ui-modal-dispatch")


async def settle(timeout: float = 30.0) -> None:
    """Waits until discord.py has finished handling what was dispatched (views' timers excluded)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await asyncio.sleep(0)
        busy = [
            task
            for task in asyncio.all_tasks()
            if task is not asyncio.current_task() and task.get_name().startswith(TASK_PREFIXES) and not task.done()
        ]
        if not busy:
            return
        if loop.time() > deadline:
            raise TimeoutError(f"interaction toujours en cours : {busy}")
        await asyncio.wait(busy, timeout=0.05)
