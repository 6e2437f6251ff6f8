"""The fact store: facts, entities and the history of every change, in one TinyDB file.

Facts are identified by their TinyDB document id. Each change bumps the fact's version and appends a
history entry holding the fact before and after, so edits can be shown and undone. Facts are read from
their documents once per load of the file and then kept up to date by the store's own writes, which it
reports to whoever watches (the bot's catalogs follow them instead of being rebuilt).

Everything outside this module goes through `FactStore`: a store on a database server shared by several
processes would be one new class with the same methods (see docs/scaling.md).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import orjson

from facts.bulk import collector_paused
from facts.model import Entity, Fact, Participant, Source
from facts.storage import (
    META_TABLE,
    SCHEMA_VERSION,
    CorruptStore,
    DurableStorage,
    Extent,
    JournaledDB,
    OutdatedCopy,
    StoreError,
    write_atomically,
)

SHIPPED_STORE = "seed_store.json"


class StaleEdit(StoreError):
    pass


class UnknownFact(StoreError):
    pass


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a write changed: a fact (`before` is None for a new one), or a server's mask on a fact
    (`masked_in`), or something everything derived from the store depends on (`everything`: the
    entities, or the file reloaded after another process wrote it or a write failed)."""

    before: Fact | None = None
    after: Fact | None = None
    masked_in: int | None = None
    everything: bool = False


def shipped_store_path() -> Path:
    return Path(str(resources.files("facts") / "data" / SHIPPED_STORE))


def _json_shaped(value: object) -> dict:
    """The dataclass as it will read back from the file (lists, not tuples), so memory and disk agree. orjson
    writes a dataclass as `asdict` would, four times faster."""
    return orjson.loads(orjson.dumps(value))


def fact_to_doc(fact: Fact) -> dict:
    doc = _json_shaped(fact)
    del doc["id"]
    return doc


def fact_from_doc(fact_id: int, doc: dict) -> Fact:
    return _FactBeingRead(fact_id, doc)  # type: ignore[return-value]  # a `Fact` once built


class _FactBeingRead:
    """A `Fact` filled in as a plain object, then made a `Fact`: the frozen dataclass's constructor sets each
    of its eighteen fields through `object.__setattr__`, which made reading 100,000 facts take twice as
    long. Same slots in the same order, so the object becomes a `Fact` like any other (equality, hash,
    immutability); fields are read from the document exactly as the constructor would be given them."""

    __slots__ = Fact.__slots__

    def __init__(self, fact_id: int, doc: dict) -> None:
        read = doc.get
        self.id, self.kind, self.title, self.status = fact_id, doc["kind"], doc["title"], doc["status"]
        self.parties = tuple(read("parties", ()))
        self.people = tuple(map(_participant, read("people", ())))
        self.place, self.date, self.date_in_force = read("place"), read("date"), read("date_in_force")
        self.topics = tuple(read("topics", ()))
        self.nature, self.summary = read("nature"), read("summary", "")
        self.sources = tuple(map(_source, read("sources", ())))
        self.guild_id, self.version = read("guild_id"), read("version", FACT_DEFAULTS["version"])
        self.deleted, self.review = read("deleted", FACT_DEFAULTS["deleted"]), read("review", FACT_DEFAULTS["review"])
        self.confidence = read("confidence")
        self.__class__ = Fact


# A participant's document → the one `Participant` of those values (as many as distinct participations ever
# read): a person takes part in many facts in the same role, and equal frozen values need not be stored twice.
_PARTICIPANTS: dict[tuple, Participant] = {}


def _participant(doc: dict) -> Participant:
    key = tuple(doc.items())
    found = _PARTICIPANTS.get(key)
    if found is None:
        found = _PARTICIPANTS[key] = Participant(**doc)  # refuses a document with unknown or missing fields
    return found


_SOURCE_FIELDS = frozenset(Source.__slots__)


class _SourceBeingRead:
    """A `Source` filled in as a plain object, then made one (see `_FactBeingRead`)."""

    __slots__ = Source.__slots__

    def __init__(self, doc: dict) -> None:
        if not _SOURCE_FIELDS.issuperset(doc):
            raise TypeError(f"champs inconnus dans une source : {sorted(set(doc) - _SOURCE_FIELDS)}")
        read = doc.get
        self.article, self.quote = doc["article"], doc["quote"]
        self.url, self.published, self.start, self.end = read("url"), read("published"), read("start"), read("end")
        self.__class__ = Source


def _source(doc: dict) -> Source:
    return _SourceBeingRead(doc)  # type: ignore[return-value]  # a `Source` once built


# What reading a fact's document assumes when a field is missing, besides None.
FACT_DEFAULTS = {"version": 1, "deleted": False, "review": "approuvé"}


def compact_fact_doc(doc: dict) -> dict:
    """A fact's document as the facts table keeps it, changed in place: without the fields at their
    default, which reading fills back in (half the size of a dictionary in memory, a sixth of the file).
    The history keeps whole documents."""
    for key in [key for key, value in doc.items() if value is None or FACT_DEFAULTS.get(key) == value]:
        del doc[key]
    for source in doc["sources"] if isinstance(doc.get("sources"), list) else ():
        for key in [key for key, value in source.items() if value is None]:
            del source[key]
    return doc


def _stored_document(fact: Fact) -> dict:
    """The document written for a fact the cached facts table holds as the `Fact` itself."""
    return compact_fact_doc(fact_to_doc(fact))


def entity_to_doc(entity: Entity) -> dict:
    return {key: value for key, value in _json_shaped(entity).items() if value not in (None, [])}


def entity_from_doc(doc: dict) -> Entity:
    return Entity(
        id=doc["id"],
        kind=doc["kind"],
        name=doc["name"],
        aliases=tuple(doc.get("aliases", ())),
        iso=doc.get("iso"),
        flag=doc.get("flag"),
        roles=tuple(doc.get("roles", ())),
        country=doc.get("country"),
        guild_id=doc.get("guild_id"),
    )


def _stale_edit(fact_id: int, version: int, expected_version: int) -> StaleEdit:
    return StaleEdit(
        f"Le fait n°{fact_id} a été modifié entre-temps (version {version}, "
        f"vous éditiez la version {expected_version}). Rechargez-le puis recommencez."
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FactStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        with collector_paused():
            self._db = JournaledDB(self.path, storage=DurableStorage, document_of=_stored_document)
        self._storage: DurableStorage = self._db.storage
        self._facts = self._db.table("facts")
        self._entities = self._db.table("entities")
        self._history = self._db.table("history")
        self._masks = self._db.table("masks")
        self._by_id: dict[int, Fact] = {}
        self._generation = 0
        self._watchers: list[list[Change]] = []
        # One thread at a time reads or changes the tables (a read may reload them from the file), and an
        # edit's version check and its write are one step.
        self._lock = threading.RLock()
        self._batch_depth = 0
        # Fact id → the version the edits of the batch under way were made against.
        self._edited_versions: dict[int, int] = {}
        # Reads every record now, so a file this version cannot read is refused on opening.
        self._all()
        self.entities()

    def _parsed(self, table: str, parse: Callable[[str, dict], object], in_place: bool = False) -> list:
        """Every record of `table` read with `parse`, and kept in the cached table in place of its document
        when `in_place`; refuses a file whose JSON parses but whose records this version cannot read."""
        parsed = []
        records = self._storage.read().get(table) or {}
        for doc_id, doc in records.items():
            try:
                record = parse(doc_id, doc)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise CorruptStore(
                    f"La base {self.path} est illisible : l'enregistrement {doc_id} de la table "
                    f"« {table} » est incomplet ({error!r}). Elle est conservée telle quelle."
                ) from None
            parsed.append(record)
            if in_place:
                records[doc_id] = record  # the same key: the dictionary keeps its size while it is read
        return parsed

    def _all(self) -> dict[int, Fact]:
        """Every fact, deleted ones too, by id: read once per load of the file, then kept up to date by
        this store's writes."""
        with collector_paused():
            self._storage.read()
            if self._generation != self._storage.generation:
                # The cached table keeps each fact rather than its document, which would weigh as much again
                # (its strings are the fact's, but not its dictionaries and lists); the storage writes the
                # document back from the fact (`_stored_document`). A fact put there since the file was
                # read is one already.
                facts = self._parsed(
                    "facts",
                    lambda doc_id, doc: doc if isinstance(doc, Fact) else fact_from_doc(int(doc_id), doc),
                    in_place=True,
                )
                self._by_id = {fact.id: fact for fact in facts}
                self._generation = self._storage.generation
                self._notify(Change(everything=True))
        return self._by_id

    @contextmanager
    def watch(self) -> Iterator[list[Change]]:
        """The changes made inside the block, in order, for caches built on the store to follow."""
        changes: list[Change] = []
        self._watchers.append(changes)
        try:
            yield changes
        finally:
            self._watchers.remove(changes)

    def _notify(self, change: Change) -> None:
        for changes in self._watchers:
            changes.append(change)

    def _changed(self, before: Fact | None, after: Fact) -> None:
        self._all()[after.id] = after
        self._notify(Change(before, after))

    @classmethod
    def open(cls, path: str | Path) -> FactStore:
        """Opens `path`, creating it from the shipped store when it does not exist yet."""
        path = Path(path)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, shipped_store_path().read_bytes())
        return cls(path)

    @classmethod
    def create_empty(cls, path: str | Path) -> FactStore:
        store = cls(path)
        store._stamp_schema()
        return store

    def _stamp_schema(self) -> None:
        meta = self._db.table(META_TABLE)
        if not meta.all():
            meta.insert({"schema": SCHEMA_VERSION})

    def revision(self) -> tuple[int, int, int] | None:
        """Changes whenever the file does, whoever wrote it (this process or `diplobot import`)."""
        return self._storage.signature()

    def extent(self) -> Extent:
        """The file as the facts were read from it or last written to it: its signature, where its snapshot
        line ends and where its last record ends (see `DurableStorage.extent`)."""
        with self._lock:
            self._all()
            return self._storage.extent()

    def written_since(self, offset: int) -> dict[str, set[str]] | None:
        """The document ids of each table written after `offset` of the file (see `DurableStorage.written_since`)."""
        with self._lock:
            return self._storage.written_since(offset)

    def on_snapshot(self, listener: Callable[[bytes], None]) -> None:
        """Calls `listener` with each new snapshot of the whole store, once it is on disk."""
        self._storage.snapshot_listeners.append(listener)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every change inside reaches disk together at the end, or none if the block raises. A batch
        overtaken by another writer that changed a fact it edits is refused as a stale edit."""
        with self._lock:
            self._batch_depth += 1
            try:
                with self._storage.batch():
                    yield
            except OutdatedCopy:
                if self._batch_depth == 1:
                    self._refuse_overtaken_edits()
                raise
            finally:
                self._batch_depth -= 1
                if not self._batch_depth:
                    self._edited_versions = {}

    def _refuse_overtaken_edits(self) -> None:
        for fact_id, expected_version in self._edited_versions.items():
            current = self.get(fact_id)  # read again from the file the other writer left
            if current is not None and current.version != expected_version:
                raise _stale_edit(fact_id, current.version, expected_version) from None

    # Reading

    def entities(self) -> dict[str, Entity]:
        with self._lock:
            return {entity.id: entity for entity in self._parsed("entities", lambda _, doc: entity_from_doc(doc))}

    def facts(self, include_deleted: bool = False) -> list[Fact]:
        with self._lock:
            facts = self._all().values()
            return list(facts) if include_deleted else [fact for fact in facts if not fact.deleted]

    def get(self, fact_id: int) -> Fact | None:
        with self._lock:
            return self._all().get(fact_id)

    def history(self, fact_id: int | None = None) -> list[dict]:
        with self._lock:
            entries = self._history.all()
        return [entry for entry in entries if fact_id is None or entry["fact_id"] == fact_id]

    # Writing

    def put_entity(self, entity: Entity, who: str) -> None:
        """Adds or replaces an entity, recording the change in the history like a fact's."""
        with self.batch():
            self._stamp_schema()
            existing = [doc for doc in self._entities.all() if doc["id"] == entity.id]
            after = entity_to_doc(entity)
            if existing:
                if dict(existing[0]) == after:
                    return
                self._entities.update(after, doc_ids=[existing[0].doc_id])
            else:
                self._entities.insert(after)
            self._notify(Change(everything=True))
            before = dict(existing[0]) if existing else None
            self._history.insert(
                {"entity_id": entity.id, "fact_id": None, "action": "entité", "who": who, "at": _now(),
                 "before": before, "after": after}
            )  # fmt: skip

    def add_fact(self, fact: Fact, who: str) -> Fact:
        with self.batch():
            self._stamp_schema()
            added = replace(fact, version=1, deleted=False)
            doc = fact_to_doc(added)
            fact_id = self._facts.next_id()
            stored = fact_from_doc(fact_id, doc)
            self._facts.put(fact_id, stored)
            self._record(fact_id, "création", who, None, doc)
            self._changed(None, stored)
        return stored

    def update_fact(
        self,
        fact_id: int,
        changes: dict,
        who: str,
        expected_version: int | None = None,
        action: str | None = None,
    ) -> Fact:
        """Applies `changes` (field → new value); refuses an edit made against an older version."""
        with self._lock:
            # Checked before the batch too, so that a refusal leaves the batch, and every cache, untouched.
            self._editable(fact_id, expected_version)
            with self.batch():
                # Again: the batch read the file afresh if another writer changed it meanwhile.
                current = self._editable(fact_id, expected_version)
                before = fact_to_doc(current)
                changed = replace(current, **changes, version=current.version + 1)
                after = fact_to_doc(changed)
                # Read back from its document, as a reload would (tuples where `changes` may hold lists).
                updated = fact_from_doc(fact_id, after)
                action = action or ("suppression" if changes.get("deleted") else "modification")
                self._facts.put(fact_id, updated)
                self._record(fact_id, action, who, before, after)
                self._changed(current, updated)
        return updated

    def _editable(self, fact_id: int, expected_version: int | None) -> Fact:
        current = self.get(fact_id)
        if current is None:
            raise UnknownFact(f"Aucun fait n°{fact_id}.")
        if expected_version is not None:
            if current.version != expected_version:
                raise _stale_edit(fact_id, current.version, expected_version)
            self._edited_versions.setdefault(fact_id, expected_version)
        return current

    def delete_fact(self, fact_id: int, who: str, expected_version: int | None = None) -> Fact:
        """Soft delete: the fact disappears from answers but stays in the file and its history."""
        return self.update_fact(fact_id, {"deleted": True}, who, expected_version)

    def hidden_in(self, guild_id: int | None) -> set[int]:
        """Global facts a server chose not to see."""
        if guild_id is None:
            return set()
        with self._lock:
            masks = self._masks.all()
        return {doc["fact_id"] for doc in masks if doc["guild_id"] == guild_id}

    def set_hidden(self, fact_id: int, guild_id: int, hidden: bool, who: str) -> None:
        """Hides a global fact for one server (or shows it again), without touching the fact itself."""
        with self.batch():
            existing = [
                doc.doc_id for doc in self._masks.all() if doc["guild_id"] == guild_id and doc["fact_id"] == fact_id
            ]
            if hidden and not existing:
                self._masks.insert({"guild_id": guild_id, "fact_id": fact_id})
            elif not hidden and existing:
                self._masks.remove(doc_ids=existing)
            else:
                return
            action = "masquage" if hidden else "affichage"
            self._record(fact_id, action, who, None, {"guild_id": guild_id})
            self._notify(Change(after=self.get(fact_id), masked_in=guild_id))

    def _record(self, fact_id: int, action: str, who: str, before: dict | None, after: dict | None) -> None:
        self._history.insert(
            {"fact_id": fact_id, "action": action, "who": who, "at": _now(), "before": before, "after": after}
        )

    def close(self) -> None:
        self._db.close()
