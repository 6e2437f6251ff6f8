"""Settings come from the environment and `.env`; the environment wins and the token never shows."""

from pathlib import Path

import pytest

from bot.settings import DEFAULT_BACKUPS, DEFAULT_COOLDOWN, DEFAULT_DB, Rate, SettingsError, load_settings
from tests.bot.environment import unset_settings

TOKEN = "MTIzNDU2Nzg5.secret-token-value"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    unset_settings(monkeypatch)


def write_env(directory: Path, **values: str) -> Path:
    path = directory / ".env"
    path.write_text("".join(f"{name}={value}\n" for name, value in values.items()), encoding="utf-8")
    return path


def test_reads_every_setting_from_env_file(tmp_path):
    env = write_env(
        tmp_path,
        DISCORD_TOKEN=TOKEN,
        DIPLOBOT_DB="ailleurs/faits.json",
        DIPLOBOT_GUILD_ID="123456789012345678",
        DIPLOBOT_MOD_ROLE_IDS="11, 22;33",
        DIPLOBOT_LOG_CHANNEL_ID="44",
    )
    settings = load_settings(env)
    assert settings.token == TOKEN
    assert settings.db == Path("ailleurs/faits.json")
    assert settings.guild_id == 123456789012345678
    assert settings.mod_role_ids == (11, 22, 33)
    assert settings.log_channel_id == 44


def test_reads_env_file_of_the_working_directory_by_default(tmp_path, monkeypatch):
    write_env(tmp_path, DIPLOBOT_GUILD_ID="42")
    monkeypatch.chdir(tmp_path)
    assert load_settings().guild_id == 42


def test_real_environment_wins_over_env_file(tmp_path, monkeypatch):
    env = write_env(tmp_path, DISCORD_TOKEN="from-file", DIPLOBOT_GUILD_ID="1", DIPLOBOT_DB="file.json")
    monkeypatch.setenv("DISCORD_TOKEN", "from-env")
    monkeypatch.setenv("DIPLOBOT_GUILD_ID", "2")
    settings = load_settings(env)
    assert settings.token == "from-env"
    assert settings.guild_id == 2
    assert settings.db == Path("file.json")


def test_defaults_without_env_file(tmp_path):
    settings = load_settings(tmp_path / ".env")
    assert settings.token is None
    assert settings.db == DEFAULT_DB
    assert settings.guild_id is None
    assert settings.mod_role_ids == ()
    assert settings.log_channel_id is None


def test_blank_values_mean_unset(tmp_path):
    env = write_env(tmp_path, DISCORD_TOKEN="  ", DIPLOBOT_GUILD_ID="", DIPLOBOT_MOD_ROLE_IDS=" , ;")
    settings = load_settings(env)
    assert settings.token is None
    assert settings.guild_id is None
    assert settings.mod_role_ids == ()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DIPLOBOT_GUILD_ID", "mon-serveur"),
        ("DIPLOBOT_GUILD_ID", "12.5"),
        ("DIPLOBOT_GUILD_ID", "-7"),
        ("DIPLOBOT_MOD_ROLE_IDS", "11,modérateurs"),
        ("DIPLOBOT_MOD_ROLE_IDS", "abc"),
        ("DIPLOBOT_LOG_CHANNEL_ID", "#journal"),
    ],
)
def test_malformed_id_names_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings(None)


def test_malformed_id_in_env_file_names_the_variable(tmp_path):
    with pytest.raises(SettingsError, match="DIPLOBOT_GUILD_ID"):
        load_settings(write_env(tmp_path, DIPLOBOT_GUILD_ID="mon-serveur"))


def test_repr_never_shows_the_token(tmp_path):
    settings = load_settings(write_env(tmp_path, DISCORD_TOKEN=TOKEN, DIPLOBOT_GUILD_ID="5"))
    assert settings.token == TOKEN
    for shown in (repr(settings), str(settings), f"{settings}", f"{settings!r}", repr([settings])):
        assert TOKEN not in shown
        assert "secret" not in shown
    assert "guild_id=5" in repr(settings)


def test_the_test_endpoints_only_point_at_this_machine(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIPLOBOT_API_BASE", "http://127.0.0.1:8000/api/v10")
    assert load_settings(None).api_base == "http://127.0.0.1:8000/api/v10"
    monkeypatch.setenv("DIPLOBOT_API_BASE", "https://ailleurs.example/api/v10")
    with pytest.raises(SettingsError, match="DIPLOBOT_API_BASE"):
        load_settings(None)


def test_the_cooldown_reads_uses_per_seconds(monkeypatch):
    assert load_settings(None).cooldown == DEFAULT_COOLDOWN
    monkeypatch.setenv("DIPLOBOT_COOLDOWN", " 3/10 ")
    assert load_settings(None).cooldown == Rate(3, 10.0)


@pytest.mark.parametrize("value", ["vite", "5", "0/60", "5/0", "5/-1", "5/nan", "5/inf", "1.5/60", "/60"])
def test_a_malformed_cooldown_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("DIPLOBOT_COOLDOWN", value)
    with pytest.raises(SettingsError, match="DIPLOBOT_COOLDOWN"):
        load_settings(None)


def test_the_number_of_backups_is_read(monkeypatch):
    assert load_settings(None).backups == DEFAULT_BACKUPS
    monkeypatch.setenv("DIPLOBOT_BACKUPS", " 12 ")
    assert load_settings(None).backups == 12


@pytest.mark.parametrize("value", ["cinq", "0", "-3", "2.5", "1e3"])
def test_a_malformed_number_of_backups_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("DIPLOBOT_BACKUPS", value)
    with pytest.raises(SettingsError, match="DIPLOBOT_BACKUPS") as refused:
        load_settings(None)
    assert f"« {value} »" in str(refused.value)


@pytest.mark.parametrize("value", ["Bot MTIz.abc.def", '"MTIz.abc" x', "MTIz\u200b.abc"])
def test_a_malformed_token_names_the_variable_and_never_shows_it(monkeypatch, value):
    monkeypatch.setenv("DISCORD_TOKEN", value)
    with pytest.raises(SettingsError, match="DISCORD_TOKEN") as refused:
        load_settings(None)
    assert "MTIz" not in str(refused.value)


def test_env_files_are_ignored_by_git_but_the_example():
    ignored = (Path(__file__).resolve().parents[2] / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".env", ".env.*", "!.env.example"} <= set(ignored)
