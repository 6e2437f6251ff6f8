"""Settings from the environment and `.env`, read when asked for, never at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import load_dotenv

DEFAULT_DB = Path("data") / "diplobot.json"


class SettingsError(ValueError):
    """A malformed setting; the message names the variable, in French."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    db: Path
    guild_id: int | None
    mod_role_ids: tuple[int, ...]
    log_channel_id: int | None
    # For tests only: a local Discord double's HTTP API base and gateway URL instead of Discord's.
    api_base: str | None = None
    gateway_url: str | None = None

    def __repr__(self) -> str:  # the token must never reach a log line
        return f"Settings(db={self.db!s}, guild_id={self.guild_id}, token={'***' if self.token else None})"


def _snowflake(name: str, raw: str | None) -> int | None:
    if raw is None or not raw.strip():
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} doit être un identifiant Discord numérique, pas « {raw} ».") from None
    if value <= 0:
        raise SettingsError(f"{name} doit être un identifiant Discord positif.")
    return value


def _loopback_url(name: str, raw: str | None) -> str | None:
    """The test-only endpoints may only point at this machine: the bot sends its token there."""
    if raw is None or not raw.strip():
        return None
    host = urlsplit(raw.strip()).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SettingsError(f"{name} est réservé aux tests et doit viser 127.0.0.1, pas « {host} ».")
    return raw.strip()


def load_settings(env_file: Path | None = Path(".env")) -> Settings:
    if env_file is not None and env_file.is_file():
        load_dotenv(env_file, override=False)
    roles = os.environ.get("DIPLOBOT_MOD_ROLE_IDS", "")
    role_ids = tuple(
        value for part in roles.replace(";", ",").split(",") if (value := _snowflake("DIPLOBOT_MOD_ROLE_IDS", part))
    )
    return Settings(
        token=os.environ.get("DISCORD_TOKEN", "").strip() or None,
        db=Path(os.environ.get("DIPLOBOT_DB", "").strip() or DEFAULT_DB),
        guild_id=_snowflake("DIPLOBOT_GUILD_ID", os.environ.get("DIPLOBOT_GUILD_ID")),
        mod_role_ids=role_ids,
        log_channel_id=_snowflake("DIPLOBOT_LOG_CHANNEL_ID", os.environ.get("DIPLOBOT_LOG_CHANNEL_ID")),
        api_base=_loopback_url("DIPLOBOT_API_BASE", os.environ.get("DIPLOBOT_API_BASE")),
        gateway_url=_loopback_url("DIPLOBOT_GATEWAY_URL", os.environ.get("DIPLOBOT_GATEWAY_URL")),
    )
