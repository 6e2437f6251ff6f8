"""The `diplobot` command: ask and console give the bot's answers; bad input gives French, not tracebacks."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import PROMPT, main
from bot.commands import answer_line
from facts.backups import backups_of
from facts.catalog import Catalog
from facts.store import FactStore, shipped_store_path
from tests.bot.environment import SETTINGS_VARIABLES, unset_settings
from tests.discord_spec import validate_message

EU_JAPAN = "Partenariat de sécurité et de défense UE–Japon"
KYIV_VISIT = "Visite inopinée de Takeshi Iwaya à Kyiv"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No setting from the developer's shell or .env, and a wide terminal so titles are not wrapped."""
    unset_settings(monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "db.json"
    FactStore.open(path).close()
    return path


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_ask_prints_the_answer(db, capsys):
    assert main(["ask", "/accord Japon UE", "--db", str(db)]) == 0
    assert EU_JAPAN in capsys.readouterr().out


def test_ask_joins_unquoted_words(db, capsys):
    assert main(["ask", "/accord", "Japon", "UE", "--db", str(db)]) == 0
    assert EU_JAPAN in capsys.readouterr().out


def test_ask_json_is_the_payload_sent_to_discord(db, capsys):
    assert main(["ask", "/accord Japon UE", "--json", "--db", str(db)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == answer_line(Catalog.from_store(FactStore.open(db)), "/accord Japon UE").payload
    assert printed["allowed_mentions"] == {"parse": []}
    validate_message(printed)


@pytest.mark.parametrize("line", ["/accord zzzqqqwww", "/inconnue Japon", "/source 999", "/chercher"])
def test_ask_without_answer_exits_non_zero(db, capsys, line):
    assert main(["ask", line, "--db", str(db)]) != 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("line", ["/accord zzzqqqwww", "/inconnue Japon", "/source 999", "/chercher"])
def test_ask_json_without_answer_still_prints_a_valid_payload(db, capsys, line):
    assert main(["ask", line, "--json", "--db", str(db)]) != 0
    printed = json.loads(capsys.readouterr().out)
    validate_message(printed)
    assert printed["allowed_mentions"] == {"parse": []}
    assert printed["flags"] == 64


def test_missing_db_is_created_from_the_shipped_store(tmp_path, capsys):
    path = tmp_path / "nouveau" / "dossier" / "db.json"
    assert main(["ask", "/visite Iwaya", "--db", str(path)]) == 0
    assert KYIV_VISIT in capsys.readouterr().out
    assert path.read_bytes() == shipped_store_path().read_bytes()


def test_db_option_before_the_command_is_used(tmp_path, capsys):
    path = tmp_path / "global.json"
    assert main(["--db", str(path), "ask", "/accord Japon UE"]) == 0
    assert path.exists()
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{pas du json",
        b"\xff\xfe\x00\x01",
        b"[]",
        b'{"facts": []}',
        b'{"facts": {"1": {}}}',
        b'{"entities": {"1": {"id": "pays:XX"}}}',
    ],
    ids=["invalid-json", "binary", "list", "table-not-object", "fact-without-fields", "entity-without-kind"],
)
def test_corrupt_db_gives_a_french_message_and_is_left_alone(tmp_path, capsys, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    assert main(["ask", "/accord Japon UE", "--db", str(path)]) != 0
    err = capsys.readouterr().err
    assert "La base" in err
    assert "Traceback" not in err
    assert path.read_bytes() == content


def test_db_path_that_is_a_directory_gives_a_french_message(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    assert main(["ask", "/aide", "--db", str(tmp_path / "data")]) != 0
    err = capsys.readouterr().err
    assert str(tmp_path / "data") in err
    assert "Traceback" not in err


def test_console_answers_each_line_like_ask(db, capsys, monkeypatch):
    lines = ["/accord Japon UE", "/visite Iwaya", "/inconnue"]
    expected = ""
    for line in lines:
        main(["ask", line, "--json", "--db", str(db)])
        expected += capsys.readouterr().out
    stdin(monkeypatch, "\n".join(lines) + "\n")
    assert main(["console", "--json", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert expected in out.replace(PROMPT, "")


def test_console_renders_answers_and_exits_on_end_of_input(db, capsys, monkeypatch):
    stdin(monkeypatch, "/accord Japon UE\n\n   \n/visite Iwaya\n")
    assert main(["console", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert EU_JAPAN in out
    assert KYIV_VISIT in out
    assert "Traceback" not in out


@pytest.mark.parametrize("word", ["quit", "exit", "/quitter"])
def test_console_stops_at_quit_word(db, capsys, monkeypatch, word):
    stdin(monkeypatch, f"{word}\n/accord Japon UE\n")
    assert main(["console", "--db", str(db)]) == 0
    assert EU_JAPAN not in capsys.readouterr().out


def test_console_exits_cleanly_on_ctrl_c(db, monkeypatch):
    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    assert main(["console", "--db", str(db)]) == 0


def test_console_shows_a_db_path_with_brackets(tmp_path, capsys, monkeypatch):
    path = tmp_path / "sauvegarde[/]2024" / "db.json"
    stdin(monkeypatch, "")
    assert main(["console", "--db", str(path)]) == 0
    assert str(path) in capsys.readouterr().out.replace("\n", "")


def test_no_command_without_token_opens_the_console(capsys, monkeypatch):
    stdin(monkeypatch, "/accord Japon UE\n")
    assert main([]) == 0
    assert EU_JAPAN in capsys.readouterr().out


@pytest.mark.parametrize("env_file", [None, "DISCORD_TOKEN=\n"], ids=["no-env-file", "empty-token"])
def test_run_without_token_explains_how_to_set_it(tmp_path, capsys, env_file):
    if env_file is not None:
        (tmp_path / ".env").write_text(env_file, encoding="utf-8")
    assert main(["run"]) != 0
    captured = capsys.readouterr()
    message = captured.err.strip()
    assert "\n" not in message
    assert ".env" in message
    assert "DISCORD_TOKEN n'est pas défini" in message
    assert captured.out == ""


def test_installed_command_answers_end_to_end(tmp_path):
    executable = Path(sys.executable).with_name("diplobot")
    path = tmp_path / "e2e" / "db.json"
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES} | {"COLUMNS": "200"}
    result = subprocess.run(
        [str(executable), "ask", "/visite Iwaya", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert KYIV_VISIT in result.stdout
    assert path.exists()


def test_ingest_then_review_in_the_console(tmp_path, monkeypatch, capsys):
    from facts.interchange import import_document
    from facts.seed_store import curated_document, seeds_dir
    from facts.store import FactStore

    monkeypatch.chdir(tmp_path)
    db = tmp_path / "vide.json"
    store = FactStore.create_empty(db)
    import_document(store, {"facts": [], "entities": curated_document()["entities"]}, who="test")
    article = seeds_dir() / "000_a87b4a9185fd4aff.txt"
    assert main(["ingest", str(article), "--date", "2024-11-01", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "proposé(s)" in out and "mots/s" in out
    answers = iter(["a", "r", "q"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(["review", "--db", str(db)]) == 0
    reviews = sorted(fact.review for fact in FactStore(db).facts())
    assert reviews.count("approuvé") == 1 and reviews.count("rejeté") == 1


def test_ingest_refuses_a_bad_date_in_french(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Le Japon et la France ont signé un accord.", encoding="utf-8")
    assert main(["ingest", str(article), "--date", "hier", "--db", str(tmp_path / "db.json")]) == 1
    assert "date" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "variable"),
    [("DIPLOBOT_GUILD_ID=mon-serveur", "DIPLOBOT_GUILD_ID"),
     ("DIPLOBOT_MOD_ROLE_IDS=11,modos", "DIPLOBOT_MOD_ROLE_IDS"),
     ("DIPLOBOT_LOG_CHANNEL_ID=#journal", "DIPLOBOT_LOG_CHANNEL_ID"),
     ("DIPLOBOT_COOLDOWN=vite", "DIPLOBOT_COOLDOWN"),
     ("DIPLOBOT_BACKUPS=cinq", "DIPLOBOT_BACKUPS"),
     ("DISCORD_TOKEN=Bot MTIzNDU2.secret", "DISCORD_TOKEN")],
)  # fmt: skip
def test_a_malformed_env_file_stops_start_up_naming_the_variable(tmp_path, capsys, line, variable):
    token = "" if line.startswith("DISCORD_TOKEN") else "DISCORD_TOKEN=MTIzNDU2.secret\n"
    (tmp_path / ".env").write_text(token + line + "\n", encoding="utf-8")
    assert main(["run"]) == 2
    captured = capsys.readouterr()
    assert variable in captured.err and "secret" not in captured.err + captured.out


@pytest.mark.parametrize(
    ("argv", "token"), [(["run"], "MTIzNDU2.secret"), ([], None)], ids=["diplobot-run", "make-run-console"]
)
def test_start_up_refuses_an_unreadable_store_naming_its_backup_then_restore_brings_it_back(
    db, capsys, monkeypatch, argv, token
):
    if token:
        monkeypatch.setenv("DISCORD_TOKEN", token)
        monkeypatch.setenv("DIPLOBOT_API_BASE", "http://127.0.0.1:9/api/v10")  # never Discord, should it start
    stdin(monkeypatch, "")
    assert main(["console", "--db", str(db)]) == 0  # a start-up that backs the store up
    [backup] = backups_of(db)
    cut = db.read_bytes()[:1000]
    db.write_bytes(cut)
    capsys.readouterr()

    assert main(["--db", str(db), *argv]) == 2
    refusal = capsys.readouterr().err
    assert f"La base {db} est illisible" in refusal
    assert f"Dernière sauvegarde lisible : {backup}." in refusal
    assert f"diplobot restore --db {db}" in refusal
    assert "Traceback" not in refusal
    assert db.read_bytes() == cut and backups_of(db) == [backup]

    assert main(["restore", "--db", str(db)]) == 0
    said = capsys.readouterr().out
    [kept] = db.parent.glob("db.json.corrompu-*")
    assert f"Base {db} restaurée depuis {backup}" in said and str(kept) in said
    assert kept.read_bytes() == cut
    assert main(["ask", "/accord Japon UE", "--db", str(db)]) == 0
    assert EU_JAPAN in capsys.readouterr().out


def test_restore_from_a_named_backup_keeps_the_current_store_aside(db, tmp_path, capsys):
    chosen = tmp_path / "copie.json"
    chosen.write_bytes(db.read_bytes())
    FactStore(db).delete_fact(1, who="test")
    current = db.read_bytes()
    assert main(["restore", "--db", str(db)]) == 2
    assert "se lit sans erreur" in capsys.readouterr().err
    assert main(["restore", "--db", str(db), "--from", str(chosen)]) == 0
    [kept] = tmp_path.glob("db.json.avant-restauration-*")
    assert kept.read_bytes() == current
    assert not FactStore(db).get(1).deleted
