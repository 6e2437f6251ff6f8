"""Settings from the environment and `.env`, read when asked for, never at import time."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import load_dotenv

DEFAULT_DB = Path("data") / "diplobot.json"


class SettingsError(ValueError):
    """A malformed setting; the message names the variable, in French."""


@dataclass(frozen=True, slots=True)
class Rate:
    """At most `uses` calls in `seconds`, per member and per heavy command."""

    uses: int
    seconds: float


DEFAULT_COOLDOWN = Rate(5, 60.0)
DEFAULT_BACKUPS = 5


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    db: Path
    guild_id: int | None
    mod_role_ids: tuple[int, ...]
    log_channel_id: int | None
    cooldown: Rate = DEFAULT_COOLDOWN
    backups: int = DEFAULT_BACKUPS  # rotating backups of the store kept beside it (facts/backups.py)
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


def _token(name: str, raw: str | None) -> str | None:
    """The bot token, or None when unset. Its value is never put in a message: a message may be logged."""
    token = (raw or "").strip() or None
    if token is not None and (any(char.isspace() for char in token) or not token.isprintable()):
        raise SettingsError(
            f"{name} contient des espaces ou des caractères invisibles : collez le jeton seul, "
            "sans guillemets ni « Bot » devant."
        )
    return token


def _rate(name: str, raw: str | None) -> Rate:
    if raw is None or not raw.strip():
        return DEFAULT_COOLDOWN
    uses, _, seconds = raw.strip().partition("/")
    problem = SettingsError(
        f"{name} doit s'écrire N/S, au plus N appels en S secondes par membre (par exemple 5/60), pas « {raw} »."
    )
    try:
        rate = Rate(int(uses), float(seconds))
    except ValueError:
        raise problem from None
    if rate.uses < 1 or not (math.isfinite(rate.seconds) and rate.seconds > 0):
        raise problem
    return rate


def _backups(name: str, raw: str | None) -> int:
    if raw is None or not raw.strip():
        return DEFAULT_BACKUPS
    try:
        count = int(raw.strip())
    except ValueError:
        count = 0
    if count < 1:
        raise SettingsError(
            f"{name} doit être le nombre de sauvegardes de la base à garder, un entier d'au moins 1 "
            f"(par exemple {DEFAULT_BACKUPS}), pas « {raw} »."
        )
    return count


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
        token=_token("DISCORD_TOKEN", os.environ.get("DISCORD_TOKEN")),
        db=Path(os.environ.get("DIPLOBOT_DB", "").strip() or DEFAULT_DB),
        guild_id=_snowflake("DIPLOBOT_GUILD_ID", os.environ.get("DIPLOBOT_GUILD_ID")),
        mod_role_ids=role_ids,
        log_channel_id=_snowflake("DIPLOBOT_LOG_CHANNEL_ID", os.environ.get("DIPLOBOT_LOG_CHANNEL_ID")),
        cooldown=_rate("DIPLOBOT_COOLDOWN", os.environ.get("DIPLOBOT_COOLDOWN")),
        backups=_backups("DIPLOBOT_BACKUPS", os.environ.get("DIPLOBOT_BACKUPS")),
        api_base=_loopback_url("DIPLOBOT_API_BASE", os.environ.get("DIPLOBOT_API_BASE")),
        gateway_url=_loopback_url("DIPLOBOT_GATEWAY_URL", os.environ.get("DIPLOBOT_GATEWAY_URL")),
    )
