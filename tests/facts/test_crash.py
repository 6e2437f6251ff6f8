"""A writer killed with SIGKILL at random moments, 200 times: after each kill the store opens the way the
bot opens it, every acknowledged change is there, and no change is there in part.

The writer (`tests/facts/crash_writer.py`) adds, edits and deletes facts, alone and in batches, with the
journal folded into a new snapshot every few changes, through the real FactStore and its backups. Kills
land while it opens the store, appends to the journal, writes a snapshot or a backup.
"""

import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facts.backups import backups_of, loads, open_backed_up
from facts.store import FactStore, fact_from_doc

KILLS = 200
STORES = 10  # small stores load fast: the check after each kill reads the whole store
SIDE_BY_SIDE = 3  # stores whose writers are killed at the same time, each store alone in its directory
BACKUPS = 3
LONGEST_RUN = 0.12  # seconds a writer may run, once started, before its kill: some kills land while it opens
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.crash


@dataclass
class Acknowledged:
    """What the writers said was written, over every run on one store."""

    created: dict[int, str] = field(default_factory=dict)  # id → title at creation
    versions: dict[int, int] = field(default_factory=dict)  # id → newest acknowledged version
    titles: dict[int, tuple[int, str]] = field(default_factory=dict)  # id → (version, title) of its last edit
    deleted: set[int] = field(default_factory=set)
    batches: list[tuple[list[str], bool]] = field(default_factory=list)  # titles, acknowledged

    def read(self, output: str) -> None:
        for line in output.splitlines():
            word, *rest = line.split()
            if word == "ajout":
                self.created[int(rest[0])] = rest[1]
                self.versions[int(rest[0])] = 1
            elif word == "modif":
                fact_id, version = int(rest[0]), int(rest[1])
                self.versions[fact_id] = version
                self.titles[fact_id] = (version, rest[2])
            elif word == "suppr":
                self.versions[int(rest[0])] = int(rest[1])
                self.deleted.add(int(rest[0]))
            elif word == "lot":
                self.batches.append((rest, False))
            elif word == "lot-ok":
                self.batches[-1] = (rest, True)


def run_and_kill(path: Path, seed: int, delay: float) -> str:
    """Starts a writer on `path`, kills it `delay` seconds after it starts, and returns what it said."""
    # Unbuffered: the ready line is read alone. A buffered reader would also take the lines written right
    # after it, which communicate() then never sees (it reads the pipe itself): acknowledged changes lost.
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.facts.crash_writer", str(path), str(seed), str(BACKUPS)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert writer.stdout.readline() == "prêt\n".encode(), writer.communicate()[1].decode()
    time.sleep(delay)
    writer.kill()
    output, errors = (stream.decode() for stream in writer.communicate())
    assert writer.returncode == -signal.SIGKILL, f"le processus d'écriture a échoué seul :\n{errors}"
    return output


def check(path: Path, acknowledged: Acknowledged, backups_read: set[str]) -> None:
    store = open_backed_up(path, BACKUPS)  # what `diplobot run` does: it must open, and clear the leftovers
    facts = {fact.id: fact for fact in store.facts(include_deleted=True)}
    history: dict[int, list[dict]] = {}
    for entry in store.history():
        history.setdefault(entry["fact_id"], []).append(entry)
    created = {fact_id: entries[0]["after"]["title"] for fact_id, entries in history.items()}

    for fact_id, title in acknowledged.created.items():
        assert created.get(fact_id) == title, f"ajout acquitté du fait n°{fact_id} perdu"
    for fact_id, version in acknowledged.versions.items():
        assert fact_id in facts and facts[fact_id].version >= version, f"écriture acquittée du fait n°{fact_id} perdue"
    for fact_id, (version, title) in acknowledged.titles.items():
        assert facts[fact_id].version > version or facts[fact_id].title == title
    assert all(facts[fact_id].deleted for fact_id in acknowledged.deleted)
    for titles, acked in acknowledged.batches:
        present = [title in created.values() for title in titles]
        assert all(present) or (not acked and not any(present)), f"lot écrit en partie : {titles} {present}"

    for fact in facts.values():  # each fact and its history were written together
        entries = history.get(fact.id, [])
        versions = [entry["after"]["version"] for entry in entries]
        assert versions == list(range(1, fact.version + 1)), f"fait n°{fact.id} : historique {versions}"
        assert fact_from_doc(fact.id, entries[-1]["after"]) == fact

    backups = backups_of(path)
    assert 1 <= len(backups) <= BACKUPS
    assert all(loads(backup) for backup in backups if backup.name not in backups_read)
    backups_read.update(backup.name for backup in backups)
    assert sorted(entry.name for entry in path.parent.iterdir()) == sorted([path.name, *(b.name for b in backups)])
    store.close()


def kill_repeatedly(directory: Path, seed: int, kills: int) -> int:
    """`kills` runs of a writer on one store, each killed at a moment drawn from `seed`; returns how
    many changes the writers acknowledged."""
    directory.mkdir()
    path = directory / "db.json"
    FactStore.create_empty(path).close()
    moments = random.Random(seed)
    acknowledged, backups_read = Acknowledged(), set()
    for run in range(kills):
        acknowledged.read(run_and_kill(path, seed * 1000 + run, moments.uniform(0, LONGEST_RUN)))
        check(path, acknowledged, backups_read)
    return len(acknowledged.versions)


def test_a_writer_killed_200_times_loses_no_acknowledged_change_and_leaves_none_in_part(tmp_path):
    with ThreadPoolExecutor(SIDE_BY_SIDE) as pool:
        runs = [
            pool.submit(kill_repeatedly, tmp_path / f"base-{number}", number + 1, KILLS // STORES)
            for number in range(STORES)
        ]
        written = [run.result() for run in runs]
    assert all(written), "un processus d'écriture n'a jamais rien acquitté avant d'être tué"
