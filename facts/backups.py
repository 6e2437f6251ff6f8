"""Rotating backups of the store, beside it, and the way back to one.

A backup is `<store>.sauvegarde-<UTC date and time>` in the store's directory, a whole store that loads:
one is taken when a command that runs long or writes much (the bot, the console, import, ingest, review)
opens a store that loads, and one each time a change is written as a new snapshot (the journal folded
in). Only the newest `keep` are kept; a backup identical to the newest is not taken again.

A store that cannot be read, or that vanished and left backups, stops every command with a message
naming it and its newest backup that loads; `restore` puts that backup in place, atomically, after
keeping the unreadable file aside as `<store>.corrompu-<date>` (never deleted).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from facts.leftovers import remove_leftovers
from facts.storage import CorruptStore, StoreError, exclusive, write_atomically
from facts.store import FactStore

log = logging.getLogger(__name__)

BACKUP_MARK = ".sauvegarde-"
STAMP_FORMAT = "%Y%m%dT%H%M%S.%fZ"  # fixed width: the names sort in time order


def _stamp() -> str:
    return datetime.now(UTC).strftime(STAMP_FORMAT)


def backups_of(path: Path) -> list[Path]:
    """The store's backups, newest first."""
    pattern = re.compile(re.escape(path.name + BACKUP_MARK) + r"\d{8}T\d{6}\.\d{6}Z")
    try:
        names = [entry.name for entry in path.parent.iterdir() if pattern.fullmatch(entry.name)]
    except FileNotFoundError:
        return []
    return [path.with_name(name) for name in sorted(names, reverse=True)]


def _cut_to_nothing(path: Path) -> bool:
    """An existing store file with no byte left: a store is never written empty (it is created stamped or
    from the shipped one), so the file was truncated, and an empty store must not pass for it."""
    return path.is_file() and path.stat().st_size == 0


def loads(path: Path) -> bool:
    """Whether `path` is a store this version reads in full (reading only, never writing)."""
    if not path.is_file() or _cut_to_nothing(path):
        return False
    try:
        FactStore(path).close()
    except StoreError:
        return False
    return True


def latest_good_backup(path: Path) -> Path | None:
    return next((backup for backup in backups_of(path) if loads(backup)), None)


class Backups:
    """The newest `keep` backups of one store."""

    def __init__(self, path: Path, keep: int) -> None:
        self.path, self.keep = path, keep

    def take(self, payload: bytes) -> None:
        """Backs up `payload`, the bytes of a store known to load, then drops the oldest beyond `keep`."""
        existing = backups_of(self.path)
        if not existing or existing[0].stat().st_size != len(payload) or existing[0].read_bytes() != payload:
            write_atomically(self.path.with_name(self.path.name + BACKUP_MARK + _stamp()), payload)
        # Even when nothing new was taken: a writer killed before its pruning left one too many.
        for old in backups_of(self.path)[self.keep :]:
            old.unlink(missing_ok=True)  # another process may be pruning too

    def take_or_report(self, payload: bytes) -> None:
        """A backup that fails is reported, not raised: after a snapshot, the change is already on disk
        (the user would read that it was lost); at start-up, lookups need no backup."""
        try:
            self.take(payload)
        except OSError as error:
            log.warning("sauvegarde de %s impossible : %s", self.path, error.strerror or error)


def opened(path: Path) -> FactStore:
    """The store at `path`; an unreadable one, or a missing one that has backups, is refused naming its
    newest backup that loads (a missing store would otherwise start again from the shipped one, and its
    snapshots would push the good backups out)."""
    if _cut_to_nothing(path):
        raise CorruptStore(f"La base {path} est vide : elle a été tronquée. Elle est conservée. {_way_back(path)}")
    if not path.exists() and backups_of(path):
        raise StoreError(
            f"La base {path} a disparu, mais ses sauvegardes sont là. {_way_back(path)} Pour repartir de la "
            "base fournie, déplacez d'abord ses sauvegardes."
        )
    try:
        return FactStore.open(path)
    except CorruptStore as error:
        raise CorruptStore(f"{error} {_way_back(path)}") from None


def _way_back(path: Path) -> str:
    backup = latest_good_backup(path)
    if backup is None:
        return "Aucune sauvegarde lisible à côté d'elle : indiquez une autre base avec --db."
    return (
        f"Dernière sauvegarde lisible : {backup}. Pour la remettre en place (la base illisible est gardée "
        f"à côté) : diplobot restore --db {path}"
    )


def open_backed_up(path: Path, keep: int) -> FactStore:
    """The store for a long-running command: backed up now if it loads, then at each new snapshot;
    refused, naming the way back, if it does not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Under the writers' lock, the bytes backed up are the very ones that just loaded.
    with exclusive(path):
        store = opened(path)
        payload = path.read_bytes()
        remove_leftovers(path)
    backups = Backups(path, keep)
    backups.take_or_report(payload)
    store.on_snapshot(backups.take_or_report)
    return store


@dataclass(frozen=True, slots=True)
class Restored:
    source: Path
    kept_aside: Path | None
    facts: int


def restore(path: Path, source: Path | None = None) -> Restored:
    """Puts `source` (default: the newest backup that loads) in place of the store, keeping the current
    file aside. A store that loads is only replaced by a backup named explicitly."""
    with exclusive(path):
        current_loads = path.exists() and loads(path)
        if source is None:
            if current_loads:
                raise StoreError(
                    f"La base {path} se lit sans erreur : rien à restaurer. Pour revenir tout de même à une "
                    "sauvegarde, indiquez-la avec --from."
                )
            source = latest_good_backup(path)
            if source is None:
                raise StoreError(f"Aucune sauvegarde lisible de {path} : rien n'a été changé.")
        elif not loads(source):
            raise StoreError(f"La sauvegarde {source} est absente ou illisible : rien n'a été changé.")
        kept_aside = None
        if path.exists():
            state = "avant-restauration" if current_loads else "corrompu"
            kept_aside = path.with_name(f"{path.name}.{state}-{_stamp()}")
            write_atomically(kept_aside, path.read_bytes())
        write_atomically(path, source.read_bytes())
    store = FactStore(path)
    restored = Restored(source, kept_aside, len(store.facts()))
    store.close()
    return restored
