"""TinyDB storage: a snapshot followed by a journal of changes, in one file that is never half-written
and never overwritten when it cannot be read.

The first line of the file is the compact JSON snapshot of every table. Each following line is one
committed change, a single write or a whole batch: `{table: {doc_id: document, or null once removed}}`.
A change therefore costs one append and one fsync, whatever the size of the store. Loading reads the
snapshot and replays the journal. A last line without its newline is a record torn by a crash: it was
never acknowledged, so it is ignored, and cut off before the next append. When the journal would outgrow
a share of the snapshot, the change is written as a fresh snapshot instead (temporary file, fsync, atomic
rename), so the journal stays short and loading stays fast; a store from before the journal (one JSON
document, possibly indented) is read as a snapshot and rewritten on its first change.

Every byte reaches the file through `_commit`, the one write path (append or snapshot). Reads are served
from memory; the cache is dropped when the file changes under it (another process wrote it), so a
long-running bot never builds on a stale copy of someone else's import. A cached record may be an object
that stands for its document (the fact store keeps its facts there, not their dictionaries): the storage's
`document_of` turns it back into its document when it is written.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

SCHEMA_VERSION = 1
META_TABLE = "_meta"
# The journal is folded into a new snapshot once it would exceed this share of the snapshot's size (each
# snapshot byte is rewritten once per four journal bytes at most) or, for small stores, this many bytes.
COMPACT_SHARE = 0.25
COMPACT_MIN_BYTES = 256 * 1024


class StoreError(Exception):
    """A store that cannot be used as it is; the message is meant for the user, in French."""


class CorruptStore(StoreError):
    pass


class NewerStore(StoreError):
    pass


class OutdatedCopy(StoreError):
    """A change built on a copy of the file that another writer has changed since: nothing was written."""


def _well_formed(data: object, removals: bool = False) -> bool:
    """Tables of JSON records; in a journal record, a null record is a removal."""
    return isinstance(data, dict) and all(
        isinstance(table, dict)
        and all(isinstance(record, dict) or (removals and record is None) for record in table.values())
        for table in data.values()
    )


def _journal_record(line: memoryview) -> dict | None:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return record if _well_formed(record, removals=True) else None


def _apply_record(data: dict, record: dict) -> None:
    """Applies one journal record (documents set, or removed when null) to the tables."""
    for name, documents in record.items():
        table = data.setdefault(name, {})
        for doc_id, document in documents.items():
            if document is None:
                table.pop(doc_id, None)
            else:
                table[doc_id] = document


def read_store(path: Path, replayed: Callable[[int, dict], None] | None = None) -> tuple[dict | None, int, int]:
    """The tables the file holds once its journal is replayed (None when absent or empty), the offset
    where the journal starts (0: no snapshot line to append after, a new or legacy file) and the offset
    where the last complete record ends; `replayed` is told each journal record and where it ends.
    Refuses files this version must not touch."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, 0, 0
    except OSError as error:
        raise StoreError(f"La base {path} ne peut pas être lue ({error.strerror}).") from None
    if not raw or raw.isspace():  # as `not raw.strip()`, without copying the whole file
        return None, 0, 0
    view = memoryview(raw)
    first_end = raw.find(b"\n")
    try:
        data = orjson.loads(view[:first_end]) if first_end > 0 else None
    except orjson.JSONDecodeError:
        data = None
    if not _well_formed(data):
        # One JSON document, as written before the journal (indented, so its first line is "{").
        data, journal_start, position = _whole_document(path, raw), 0, len(raw)
    else:
        journal_start = position = first_end + 1
        while position < len(raw):
            end = raw.find(b"\n", position)
            if end < 0:
                break  # torn by a crash before its fsync returned: that change was never acknowledged
            record = _journal_record(view[position:end])
            if record is None:
                raise CorruptStore(
                    f"La base {path} est illisible (journal invalide à l'octet {position}). Elle est conservée "
                    "telle quelle ; restaurez une sauvegarde ou indiquez une autre base avec --db."
                )
            _apply_record(data, record)
            position = end + 1
            if replayed is not None:
                replayed(position, record)
    version = schema_version(data)
    if version is None:
        raise CorruptStore(f"La base {path} a un numéro de format illisible. Elle est conservée.")
    if version > SCHEMA_VERSION:
        raise NewerStore(
            f"La base {path} est au format {version}, plus récent que celui de cette version de diplobot "
            f"({SCHEMA_VERSION}). Mettez diplobot à jour ; la base n'a pas été modifiée."
        )
    return data, journal_start, position


def _whole_document(path: Path, raw: bytes) -> dict:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptStore(
            f"La base {path} est illisible (JSON invalide : {error}). Elle est conservée telle quelle ; "
            "restaurez une sauvegarde ou indiquez une autre base avec --db."
        ) from None
    if not _well_formed(data):
        raise CorruptStore(
            f"La base {path} n'a pas la structure attendue (tables d'enregistrements JSON). Elle est conservée."
        )
    return data


def schema_version(data: dict) -> int | None:
    """The file's format number (files written before it was stamped count as current), None if garbled."""
    versions = [doc.get("schema", 0) for doc in (data.get(META_TABLE) or {}).values()]
    if not all(isinstance(version, int) and not isinstance(version, bool) for version in versions):
        return None
    return max(versions, default=SCHEMA_VERSION)


# A store file as something was derived from it: its signature (inode, modification time, size; None when
# absent), where its snapshot line ends, where its last record ends.
Extent = tuple[tuple[int, int, int] | None, int, int]


def snapshot_line(tables: dict, document_of: Callable[[object], dict] | None = None) -> bytes:
    """Every table as the first line of a store file: what a snapshot writes, and a whole store alone."""
    return _json_line(tables, document_of)


def _json_line(data: dict, document_of: Callable[[object], dict] | None) -> bytes:
    """`data` as one line of compact JSON, its records that stand for documents written as their documents
    (dataclasses too: orjson would write every field of them)."""
    return orjson.dumps(data, default=document_of, option=orjson.OPT_PASSTHROUGH_DATACLASS) + b"\n"


def temporary_name(path: Path, pid: int) -> str:
    """Where `write_atomically` writes before the rename (and what `facts.leftovers` sweeps)."""
    return f".{path.name}.{pid}.tmp"


def write_atomically(path: Path, payload: bytes) -> None:
    temporary = path.with_name(temporary_name(path, os.getpid()))
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


def append_durably(path: Path, payload: bytes, at: int) -> None:
    """Writes `payload` at offset `at`, the end of the last complete record (dropping a torn one after
    it), and fsyncs; on failure the file is cut back to `at`, as it was."""
    descriptor = os.open(path, os.O_WRONLY)
    try:
        size = os.fstat(descriptor).st_size
        if size < at:
            # Not the file this cache was read from: appending would cut someone else's records.
            raise StoreError(f"La base {path} a changé pendant l'écriture : rien n'a été enregistré, réessayez.")
        try:
            if size != at:
                os.ftruncate(descriptor, at)
            written = os.pwrite(descriptor, payload, at)
            if written != len(payload):
                raise OSError(f"écriture incomplète ({written} octets sur {len(payload)})")
            os.fsync(descriptor)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, at)
            raise
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """One writer at a time across processes (the bot and an import from the command line), locked on the
    store's directory: the store itself is replaced by each snapshot, so it cannot carry the lock, and a
    lock file would be one more file to leave beside it."""
    descriptor = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


class DurableStorage(Storage):
    """orjson + in-memory cache + snapshot and fsynced journal + all-or-nothing batches."""

    def __init__(self, path: str | os.PathLike, document_of: Callable[[object], dict] | None = None) -> None:
        self.path = Path(path)
        self._document_of = document_of
        self._cache: dict | None = None
        self._seen: tuple[int, int, int] | None = None
        # Bumped each time the tables are read from disk: what was derived from the old ones is stale.
        self.generation = 0
        self._journal_start = 0
        self._end = 0
        # Where each journal record ends and the ids it wrote per table, oldest first.
        self._records: list[tuple[int, dict[str, tuple[str, ...]]]] = []
        self._touched: dict[str, set[str]] = {}
        self._rewrite = False
        self._batch_depth = 0
        self._aborted = False
        # Told each new snapshot once it is on disk: a whole store known to load (see facts/backups.py).
        self.snapshot_listeners: list[Callable[[bytes], None]] = []
        self._load()

    def signature(self) -> tuple[int, int, int] | None:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return (status.st_ino, status.st_mtime_ns, status.st_size)

    def _load(self) -> None:
        self._seen = self.signature()
        self._records = []
        data, self._journal_start, self._end = read_store(self.path, self._note_record)
        self._cache = {} if data is None else data
        self._touched, self._rewrite = {}, False
        self.generation += 1

    def _note_record(self, end: int, record: dict) -> None:
        self._records.append((end, {name: tuple(documents) for name, documents in record.items()}))

    def extent(self) -> Extent:
        """The file the tables were read from or last written to (its signature), where its snapshot line ends
        and where its last record ends: what something derived from the tables was derived from."""
        self.read()
        return self._seen, self._journal_start, self._end

    def written_since(self, offset: int) -> dict[str, set[str]] | None:
        """The ids of each table the journal records after `offset` wrote, None unless `offset` is where the
        snapshot line or a record of this file ends (a snapshot rewritten since, or no snapshot line)."""
        self.read()
        ends = [self._journal_start] if self._journal_start else []
        ends += [end for end, _ in self._records]
        if offset not in ends:
            return None
        written: dict[str, set[str]] = {}
        for end, ids_by_table in self._records:
            if end > offset:
                for name, ids in ids_by_table.items():
                    written.setdefault(name, set()).update(ids)
        return written

    def read(self) -> dict:
        if not self._batch_depth and (self._cache is None or self.signature() != self._seen):
            self._load()
        return self._cache

    def write(self, data: dict) -> None:
        """TinyDB replacing every table at once (dropping tables): written as a new snapshot."""
        self._cache = data
        self._rewrite = True
        if not self._batch_depth:
            self._commit()

    def changed(self, table: str, doc_ids: Iterable[str]) -> None:
        """Documents of `table` changed in place in the cache: they reach disk now, or with the batch."""
        if doc_ids:
            self._touched.setdefault(table, set()).update(doc_ids)
        if not self._batch_depth:
            self._commit()

    def _commit(self) -> None:
        touched, rewrite = self._touched, self._rewrite
        self._touched, self._rewrite = {}, False
        if not touched and not rewrite:
            return
        snapshot = None
        try:
            record = {name: {doc_id: self._cache.get(name, {}).get(doc_id) for doc_id in sorted(ids, key=_id_order)}
                      for name, ids in touched.items()}  # fmt: skip
            payload = _json_line(record, self._document_of)
            journal = self._end - self._journal_start
            with exclusive(self.path):
                if self.signature() != self._seen:
                    # Another process wrote since this cache was read: this change was built on an old copy.
                    raise OutdatedCopy(
                        f"La base {self.path} vient d'être modifiée par un autre processus : rien n'a été "
                        "enregistré, réessayez."
                    )
                if rewrite or not self._journal_start or journal + len(payload) > self._journal_limit():
                    snapshot = snapshot_line(self._cache, self._document_of)
                    write_atomically(self.path, snapshot)
                    self._journal_start = self._end = len(snapshot)
                    self._records = []
                else:
                    append_durably(self.path, payload, self._end)
                    self._end += len(payload)
                    self._note_record(self._end, touched)
                self._seen = self.signature()
        except BaseException:
            # The cached tables already hold the change: forget them, the file is the truth.
            self._cache = None
            raise
        if snapshot is not None:
            for listener in self.snapshot_listeners:
                listener(snapshot)

    def _journal_limit(self) -> float:
        return max(COMPACT_MIN_BYTES, COMPACT_SHARE * self._journal_start)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Groups writes into one journal record written at the end of the outermost batch, or none at
        all if any block inside raised, even one whose exception was caught further out."""
        if not self._batch_depth:
            self.read()  # a change builds on the file as it is now, not on a copy another process outdated
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
        aborted = self._aborted
        self._aborted = False
        if aborted:
            self._cache, self._touched, self._rewrite = None, {}, False
            if sys.exc_info()[0] is None:
                raise StoreError("Modification annulée : une étape a échoué, rien n'a été enregistré.")
        else:
            self._commit()

    def close(self) -> None:
        self._cache = None


def _id_order(doc_id: str) -> tuple[int, str]:
    return (len(doc_id), doc_id)


class _TrackedTable(MutableMapping):
    """A cached table as TinyDB's update functions see it (ids as numbers), noting the documents they
    set, change in place or remove, so that only those are written."""

    def __init__(self, documents: dict, id_class: Callable[[str], int]) -> None:
        self._documents, self._id_class = documents, id_class
        self.touched: set[str] = set()

    def __getitem__(self, doc_id: int) -> dict:
        document = self._documents[str(doc_id)]
        self.touched.add(str(doc_id))  # TinyDB's `update` changes the document it gets here in place
        return document

    def __setitem__(self, doc_id: int, document: dict) -> None:
        self._documents[str(doc_id)] = document
        self.touched.add(str(doc_id))

    def __delitem__(self, doc_id: int) -> None:
        del self._documents[str(doc_id)]
        self.touched.add(str(doc_id))

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._documents

    def __iter__(self) -> Iterator[int]:
        return map(self._id_class, list(self._documents))

    def __len__(self) -> int:
        return len(self._documents)


class JournaledTable(Table):
    """A TinyDB table whose writes cost the size of the change: the cached table is changed in place and
    the storage told which documents changed (TinyDB's own copies the whole table twice per write and
    hands the storage the whole database)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counted_in: int | None = None

    def next_id(self) -> int:
        """The id a new record takes, as `insert` would take it, for a record `put` there."""
        return self._get_next_id()

    def put(self, doc_id: int, record: object) -> None:
        """Sets record `doc_id`, new or replaced whole, to `record` as it is: a document, or an object that
        stands for one (see `DurableStorage`)."""
        self._update_table(lambda table: table.__setitem__(doc_id, record))

    def _get_next_id(self) -> int:
        # TinyDB counts the ids once and then increments: after the file is read again (another process
        # added documents), that count would hand out an id already taken.
        self._storage.read()
        if self._storage.generation != self._counted_in:
            self._next_id, self._counted_in = None, self._storage.generation
        return super()._get_next_id()

    def _update_table(self, updater: Callable[[dict[int, dict]], None]) -> None:
        documents = self._storage.read().setdefault(self.name, {})
        tracked = _TrackedTable(documents, self.document_id_class)
        updater(tracked)
        self._storage.changed(self.name, tracked.touched)
        self.clear_cache()


class JournaledDB(TinyDB):
    table_class = JournaledTable
