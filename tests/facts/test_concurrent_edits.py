"""50 moderators edit the same fact at once: exactly one edit wins per version, the others are refused as
stale edits (in French) and, once they read the fact again, get theirs in; the history holds every
accepted edit, each built on the one before, and no edit is lost.

Each edit adds its moderator's name to the fact's topics as they were in the version that moderator read:
an edit written over another would drop a name. Moderators share one FactStore (threads of one process),
each have their own (independent writers), or are processes of their own (20 of them).
"""

import itertools
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facts.store import FactStore, StaleEdit
from tests.facts.concurrent_editor import edit_until_accepted

MODERATORS = 50
EDITOR_PROCESSES = 20  # each process starts Python and reads the store: 20 keep the test to a few seconds
STALE = "a été modifié entre-temps"
REPO = Path(__file__).resolve().parents[2]


def check_one_winner_then_every_edit_in(path: Path, first_refusals: list, names: list[str]) -> None:
    assert first_refusals.count(None) == 1, "une seule modification doit l'emporter sur la version lue par tous"
    assert all(STALE in str(refusal) for refusal in first_refusals if refusal is not None)
    store = FactStore(path)
    fact = store.get(1)
    entries = store.history(1)
    assert [entry["after"]["version"] for entry in entries] == list(range(1, len(names) + 2))
    for before, after in itertools.pairwise(entries):  # each accepted edit built on the one before
        assert after["before"] == before["after"]
        assert after["after"]["topics"] == [*before["after"]["topics"], after["who"]]
    assert sorted(fact.topics) == sorted(names)


@pytest.mark.parametrize("shared", [True, False], ids=["one-store-50-threads", "50-stores"])
def test_50_concurrent_edits_of_one_fact_one_wins_per_version_and_none_is_lost(db, shared):
    names = [f"modo{number}" for number in range(MODERATORS)]
    stores = [FactStore(db)] * MODERATORS if shared else [FactStore(db) for _ in names]
    version = stores[0].get(1).version
    start = threading.Barrier(MODERATORS)

    def moderator(store: FactStore, name: str) -> StaleEdit | None:
        start.wait()
        return edit_until_accepted(store, 1, name, version)

    with ThreadPoolExecutor(MODERATORS) as pool:
        first_refusals = list(pool.map(moderator, stores, names))
    check_one_winner_then_every_edit_in(db, first_refusals, names)


def test_moderator_processes_editing_one_fact_at_once_lose_nothing(db):
    names = [f"modo{number}" for number in range(EDITOR_PROCESSES)]
    editors = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.facts.concurrent_editor", str(db), "1", name],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for name in names
    ]  # fmt: skip
    for editor in editors:  # every one has read the fact before any edits it
        assert editor.stdout.readline() == "prêt\n", editor.communicate()[1]
    for editor in editors:
        editor.stdin.write("\n")
        editor.stdin.flush()
    outputs = [editor.communicate() for editor in editors]
    assert all(editor.returncode == 0 for editor in editors), [errors for _, errors in outputs if errors]
    first_refusals = [output.partition("refusé ")[2] or None for output, _ in outputs]
    assert all(output.endswith("accepté\n") for output, _ in outputs)
    check_one_winner_then_every_edit_in(db, first_refusals, names)


def test_an_edit_overtaken_between_its_check_and_its_write_is_refused_and_theirs_kept(db, monkeypatch):
    bot, cli = FactStore(db), FactStore(db)
    check = bot._editable

    def overtaken_after_the_check(fact_id: int, expected_version: int | None):
        checked = check(fact_id, expected_version)
        if checked.version == 1:
            cli.update_fact(1, {"title": "Par la ligne de commande"}, who="cli", expected_version=1)
        return checked

    monkeypatch.setattr(bot, "_editable", overtaken_after_the_check)
    with pytest.raises(StaleEdit, match=STALE):
        bot.update_fact(1, {"title": "Par le bot"}, who="bot", expected_version=1)
    assert FactStore(db).get(1).title == "Par la ligne de commande"
    assert [entry["who"] for entry in FactStore(db).history(1)] == ["test", "cli"]


def test_a_batch_overtaken_by_an_edit_of_its_fact_is_refused_as_a_stale_edit(db):
    bot, cli = FactStore(db), FactStore(db)
    with pytest.raises(StaleEdit, match=STALE), bot.batch():
        bot.update_fact(1, {"title": "Par le bot"}, who="bot", expected_version=1)
        cli.update_fact(1, {"title": "Par la ligne de commande"}, who="cli", expected_version=1)
    assert bot.get(1).title == FactStore(db).get(1).title == "Par la ligne de commande"
