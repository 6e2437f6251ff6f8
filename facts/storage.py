"""TinyDB storage that never leaves a half-written file and never overwrites one it cannot read.

Reads are served from memory after the first load. Every write goes to a temporary file in the same
directory, is fsynced, then atomically renamed over the store, so a crash leaves either the old or the
new file. Inside `batch()` writes only touch memory and reach disk once, when the batch succeeds.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson
from tinydb.storages import Storage

SCHEMA_VERSION = 1
META_TABLE = "_meta"


class StoreError(Exception):
    """A store that cannot be used as it is; the message is meant for the user, in French."""


class CorruptStore(StoreError):
    pass


class NewerStore(StoreError):
    pass


def read_document(path: Path) -> dict | None:
    """The parsed store file, None when absent; refuses files this version must not touch."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"La base {path} ne peut pas être lue ({error.strerror}).") from None
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptStore(
            f"La base {path} est illisible (JSON invalide : {error}). Elle est conservée telle quelle ; "
            "restaurez une sauvegarde ou indiquez une autre base avec --db."
        ) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(record, dict) for record in table.values())
        for table in data.values()
    ):
        raise CorruptStore(
            f"La base {path} n'a pas la structure attendue (tables d'enregistrements JSON). Elle est conservée."
        )
    version = schema_version(data)
    if version is None:
        raise CorruptStore(f"La base {path} a un numéro de format illisible. Elle est conservée.")
    if version > SCHEMA_VERSION:
        raise NewerStore(
            f"La base {path} est au format {version}, plus récent que celui de cette version de diplobot "
            f"({SCHEMA_VERSION}). Mettez diplobot à jour ; la base n'a pas été modifiée."
        )
    return data


def schema_version(data: dict) -> int | None:
    """The file's format number (files written before it was stamped count as current), None if garbled."""
    versions = [doc.get("schema", 0) for doc in (data.get(META_TABLE) or {}).values()]
    if not all(isinstance(version, int) and not isinstance(version, bool) for version in versions):
        return None
    return max(versions, default=SCHEMA_VERSION)


def write_atomically(path: Path, payload: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class DurableStorage(Storage):
    """orjson + in-memory cache + atomic, fsynced writes + all-or-nothing batches.

    The cache is dropped when the file changes under it (another process wrote it), so a long-running
    bot never writes back a stale copy over someone else's import.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._cache: dict | None = None
        self._seen: tuple[int, int] | None = None
        self._batch_depth = 0
        self._dirty = False
        self._aborted = False
        self._load()

    def signature(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def _load(self) -> None:
        self._seen = self.signature()
        self._cache = read_document(self.path)

    def read(self) -> dict | None:
        if not self._batch_depth and (self._cache is None or self.signature() != self._seen):
            self._load()
        return self._cache

    def write(self, data: dict) -> None:
        self._cache = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        try:
            write_atomically(self.path, orjson.dumps(self._cache, option=orjson.OPT_INDENT_2))
        except BaseException:
            # TinyDB mutated the cached tables before calling write: forget them, disk is the truth.
            self._cache = None
            raise
        self._seen = self.signature()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Groups writes: they all reach disk at the end of the outermost batch, or none does if any
        block inside raised, even one whose exception was caught further out."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._aborted = True
            raise
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._finish_batch()

    def _finish_batch(self) -> None:
        aborted, dirty = self._aborted, self._dirty
        self._aborted = self._dirty = False
        if aborted:
            self._cache = None
            if sys.exc_info()[0] is None:
                raise StoreError("Modification annulée : une étape a échoué, rien n'a été enregistré.")
        elif dirty:
            self._flush()

    def close(self) -> None:
        self._cache = None
