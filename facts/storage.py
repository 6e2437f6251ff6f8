"""TinyDB storage that never leaves a half-written file and never overwrites one it cannot read.

Reads are served from memory after the first load. Every write goes to a temporary file in the same
directory, is fsynced, then atomically renamed over the store, so a crash leaves either the old or the
new file. Inside `batch()` writes only touch memory and reach disk once, when the batch succeeds.
"""

from __future__ import annotations

import contextlib
import os
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
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise CorruptStore(f"La base {path} n'a pas la structure attendue (tables JSON). Elle est conservée.")
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerStore(
            f"La base {path} est au format {version}, plus récent que celui de cette version de diplobot "
            f"({SCHEMA_VERSION}). Mettez diplobot à jour ; la base n'a pas été modifiée."
        )
    return data


def schema_version(data: dict) -> int:
    meta = data.get(META_TABLE) or {}
    versions = [doc.get("schema", 0) for doc in meta.values() if isinstance(doc, dict)]
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
    """orjson + in-memory cache + atomic, fsynced writes + all-or-nothing batches."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._cache: dict | None = None
        self._batch_depth = 0
        self._dirty = False
        self._cache = read_document(self.path)

    def read(self) -> dict | None:
        if self._cache is None:
            self._cache = read_document(self.path)
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

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Groups writes: they all reach disk at the end, or none does if the block raises."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._cache, self._dirty = None, False
            raise
        self._batch_depth -= 1
        if not self._batch_depth and self._dirty:
            self._dirty = False
            self._flush()

    def close(self) -> None:
        self._cache = None
