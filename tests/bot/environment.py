"""The variables a user may set in the environment or `.env`: tests clear them so the machine's own
configuration never leaks into a test."""

SETTINGS_VARIABLES = (
    "DISCORD_TOKEN",
    "DIPLOBOT_DB",
    "DIPLOBOT_GUILD_ID",
    "DIPLOBOT_MOD_ROLE_IDS",
    "DIPLOBOT_LOG_CHANNEL_ID",
    "DIPLOBOT_COOLDOWN",
    "DIPLOBOT_BACKUPS",
)


def unset_settings(monkeypatch) -> None:
    """Every setting unset; whatever load_dotenv adds during the test is removed again after it."""
    for name in SETTINGS_VARIABLES:
        # Set first so that monkeypatch records it: what load_dotenv adds during the test is then undone.
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
