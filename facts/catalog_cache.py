"""A server's catalog kept beside the store, so that a start-up reads what it derived from 100,000 facts
instead of deriving it all again.

`<store>.index-<server>` holds a warm catalog's `Catalog.derivation` and what it was derived from: the
first bytes of the store file (the snapshot line and the journal records that followed it then), by length
and SHA-256, the server, and the source of the code that derives it. A start-up whose store file still
begins with those bytes takes the derivation back and derives again only the facts written or masked
after them (`Catalog.restored`); anything else (a snapshot rewritten since, a restored or replaced store,
other code, a cache file cut short, garbled or foreign) finds no catalog here and builds one as before.

A server with no cache of its own takes the global one (`<store>.index-global`) and derives again its own
facts and the ones it hides: a store a command line wrote (`refresh`) starts warm in every server.

The store stays the only truth: the cache is only read to save work, never written by a store's writes
themselves, never backed up or restored; it is written whole or not at all (`write_atomically`), off the
path of an answer: after a start-up that had to derive anything, after a write that rewrote the snapshot
line (`outdates_caches`, the bot), at the end of a command line write. It is read with a pickle reader that
refuses every class and function (plain containers, strings and numbers only): a file beside the store
could otherwise run code when it is read.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
from functools import cache
from pathlib import Path

from facts import catalog as catalog_module
from facts import dates, model
from facts.bulk import collector_paused
from facts.catalog import Catalog
from facts.storage import Extent, write_atomically
from facts.store import FactStore

log = logging.getLogger(__name__)

FORMAT = "diplobot-index-1"
CACHE_MARK = ".index-"


def cache_path(store_path: Path, guild_id: int | None) -> Path:
    return store_path.with_name(f"{store_path.name}{CACHE_MARK}{'global' if guild_id is None else guild_id}")


@cache
def _code_digest() -> str:
    """The source of what derives a catalog: other code may derive other structures from the same facts."""
    digest = hashlib.sha256()
    for module in (catalog_module, dates, model):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    """Reads lists, tuples, dictionaries, sets, strings and numbers; refuses any class or function, the only
    way a pickle runs code."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} refusé dans un cache de catalogue")


def _prefix_digest(path: Path, signature: tuple[int, int, int] | None, length: int) -> str | None:
    """SHA-256 of the first `length` bytes of the store file, None unless it is still the file of `signature`."""
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            prefix = handle.read(length)
            after = os.fstat(handle.fileno())
    except OSError:
        return None
    seen = [(status.st_ino, status.st_mtime_ns, status.st_size) for status in (before, after)]
    if seen != [signature, signature] or len(prefix) != length:
        return None
    return hashlib.sha256(prefix).hexdigest()


def outdates_caches(before: Extent, after: Extent) -> bool:
    """Whether the store went from `before` to `after` by more than records appended to its journal: a new
    snapshot line, or another file (restored, replaced). A cache written before no longer fits the store."""
    (signature_before, snapshot_end_before, _), (signature_after, snapshot_end_after, _) = before, after
    same_file = (
        signature_before is not None and signature_after is not None and signature_before[0] == signature_after[0]
    )
    return not same_file or snapshot_end_before != snapshot_end_after


def _describes(header: object, store: FactStore, cached_for: int | None, extent: Extent) -> bool:
    """Whether a cache's header is that of this code's cache of `cached_for`, derived from bytes the store
    file at `extent` still begins with (where its snapshot line or one of its records ends)."""
    if not isinstance(header, tuple) or len(header) != 5 or header[:3] != (FORMAT, _code_digest(), cached_for):
        return False
    covered = header[3]
    return store.written_since(covered) is not None and header[4] == _prefix_digest(store.path, extent[0], covered)


def _restored(store: FactStore, guild_id: int | None, extent: Extent) -> tuple[Catalog, int] | None:
    """The server's warm catalog from its cache, brought up to date with the store, and the offset of the
    file the cache covered; None without a cache that fits (never raises for a bad cache, never writes)."""
    return _restored_from(store, guild_id, guild_id, extent)


def _restored_from(
    store: FactStore, guild_id: int | None, cached_for: int | None, extent: Extent
) -> tuple[Catalog, int] | None:
    """`_restored`, from the cache of `cached_for`: the server's own, or the global one, whose derivation
    lacks the server's own facts and still holds the ones it hides (both derived again)."""
    path = cache_path(store.path, cached_for)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            stream = io.BytesIO(raw)
            header = _PlainUnpickler(stream).load()
            if not _describes(header, store, cached_for, extent):
                return None
            covered = header[3]
            written = store.written_since(covered)
            hidden_then, derivation = _PlainUnpickler(stream).load()  # a pickle of its own: its own memo
            changed = {int(doc_id) for doc_id in written.get("facts", ())}
            changed |= set(hidden_then).symmetric_difference(store.hidden_in(guild_id))
            if cached_for != guild_id:
                changed |= {fact.id for fact in store.facts() if fact.guild_id == guild_id}
            catalog = Catalog.restored(store, guild_id, derivation, changed)
    except Exception as error:  # a cache only ever saves work: whatever is wrong with it, build instead
        log.warning("cache du catalogue %s ignoré : %r", path, error)
        return None
    return catalog, covered


def _fits(store: FactStore, guild_id: int | None, extent: Extent) -> bool:
    """Whether the server's cache would be taken at a start-up on the store at `extent` (its header alone
    read, and the store file's first bytes hashed: hundredths of a second, not the catalog's seconds)."""
    try:
        with open(cache_path(store.path, guild_id), "rb") as handle:
            header = _PlainUnpickler(handle).load()
    except Exception:  # no cache, or one a start-up would ignore: not one that fits
        return False
    return _describes(header, store, guild_id, extent)


def load_or_build(store: FactStore, guild_id: int | None) -> tuple[Catalog, Extent | None]:
    """The server's warm catalog, from its cache when one fits the store, and the extent of the store it
    was built from when the cache did not cover the whole file (for `save`, once the first answer is out):
    None when there is nothing new to save, or the store was written by another process meanwhile."""
    extent = store.extent()
    restored = _restored(store, guild_id, extent)
    if restored is None and guild_id is not None:
        restored = _restored_from(store, guild_id, None, extent)
    if restored is not None:
        catalog, covered = restored
    else:
        catalog, covered = Catalog.from_store(store, guild_id).warm(), None
    if store.extent() != extent:
        # Read again meanwhile (another process wrote): the facts may be newer than the changes counted.
        return (Catalog.from_store(store, guild_id).warm() if restored is not None else catalog), None
    return catalog, (None if covered == extent[2] else extent)


def save(store: FactStore, catalog: Catalog, guild_id: int | None, extent: Extent) -> bool:
    """Writes the server's cache from `catalog`, built from the store as it was at `extent`; nothing if the
    store has been written since. A cache that cannot be written is reported, not raised. Whether it was
    written."""
    if store.extent() != extent:  # before the work: a bot that wrote again meanwhile saves its newer catalog
        return False
    signature, _, covered = extent
    hidden = sorted(store.hidden_in(guild_id))
    body = pickle.dumps((hidden, catalog.derivation()), protocol=pickle.HIGHEST_PROTOCOL)
    digest = _prefix_digest(store.path, signature, covered)
    if digest is None or store.extent() != extent:
        return False
    try:
        header = pickle.dumps((FORMAT, _code_digest(), guild_id, covered, digest), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomically(cache_path(store.path, guild_id), header + body)
    except OSError as error:  # the source unreadable, the disk full: the next start-up builds the catalog
        log.warning("cache du catalogue %s non écrit : %s", cache_path(store.path, guild_id), error.strerror or error)
        return False
    return True


def refresh(store: FactStore, before: Extent | None) -> None:
    """After a command line wrote the store (from `before`, None for a file put in place whole): the global
    cache written again unless one still fits the store, so that the next start-up, in any server, is warm.
    One that fits is left as it is even when the journal grew behind it: a start-up derives those facts
    again. Nothing when the command wrote nothing."""
    extent = store.extent()
    if extent == before or _fits(store, None, extent):
        return
    catalog, built_from = load_or_build(store, None)
    if built_from is not None:
        save(store, catalog, None, built_from)
