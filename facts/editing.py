"""Moderators' changes to the facts, with the rules of who may change what.

A fact belongs to the server it was added in; shipped and imported facts are global. From a server, a
moderator changes that server's facts only, and may hide a global fact for that server, never alter it
for everyone. The console (no server) maintains the global facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from facts.interchange import InvalidDocument, Resolver, check_record, draft_from_record, record_from_fact
from facts.model import Fact
from facts.storage import StoreError
from facts.store import FactStore, UnknownFact, fact_from_doc

EDITABLE = (
    "kind", "title", "status", "parties", "people", "place", "date", "date_in_force", "topics", "nature",
    "summary", "sources",
)  # fmt: skip


class EditRefused(StoreError):
    """The change is not allowed; the message says why, in French."""


@dataclass(frozen=True, slots=True)
class Editor:
    """Who changes the facts, and from which server (None: the console, which owns the global facts)."""

    name: str
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of a fact's history, with the fields it changed."""

    action: str
    who: str
    at: str
    version: int | None
    fields: tuple[tuple[str, object, object], ...]


def visible_fact(store: FactStore, fact_id: int, editor: Editor) -> Fact:
    """The fact if the editor's server can see it; another server's fact does not exist from here."""
    fact = store.get(fact_id)
    if fact is None or (fact.guild_id is not None and fact.guild_id != editor.guild_id):
        raise UnknownFact(f"Aucun fait n°{fact_id} sur ce serveur.")
    return fact


def check_owned(fact: Fact, editor: Editor) -> Fact:
    """Refuses a shared fact to a server's moderator, who may only hide it there."""
    if fact.guild_id != editor.guild_id:
        raise EditRefused(
            f"Le fait n°{fact.id} est commun à tous les serveurs : vous pouvez le masquer ici "
            "(/fait supprimer), pas le modifier."
        )
    return fact


def owned_fact(store: FactStore, fact_id: int, editor: Editor) -> Fact:
    """The fact if this editor may change it; a deleted one must be restored first."""
    fact = check_owned(visible_fact(store, fact_id, editor), editor)
    if fact.deleted:
        raise EditRefused(f"Le fait n°{fact_id} est supprimé : /fait restaurer {fact_id} d'abord.")
    return fact


def _checked(record: dict) -> dict:
    problems = check_record(record)
    if problems:
        field, problem = problems[0]
        raise InvalidDocument(f"Champ « {field} » : {problem}")
    return record


def add(store: FactStore, record: dict, editor: Editor) -> Fact:
    resolver = Resolver(store, editor.guild_id, careful=True)
    draft = draft_from_record(_checked(record), resolver, guild_id=editor.guild_id)
    with store.batch():
        for entity in resolver.created.values():
            store.put_entity(entity, editor.name)
        return store.add_fact(draft, editor.name)


def _merged(fact: Fact, resolver: Resolver, partial: dict) -> dict:
    """The fact's full record with the fields of `partial` (what the form shows) replaced. A form shows
    only the first source: if its quote is unchanged, every source (offsets included) is kept."""
    record = record_from_fact(fact, lambda entity_id: resolver.known[entity_id].name)
    record.pop("id")
    record.pop("guild_id", None)
    sources = partial.get("sources")
    if sources and record["sources"]:
        first = record["sources"][0]
        if sources[0].get("quote") == first.get("quote"):
            partial = {**partial, "sources": record["sources"]}
        else:
            partial = {**partial, "sources": sources + record["sources"][1:]}
    return record | partial


def modify(store: FactStore, fact_id: int, partial: dict, editor: Editor, expected_version: int) -> Fact:
    """Replaces the fields given in `partial`; refused if the fact changed since `expected_version`."""
    fact = owned_fact(store, fact_id, editor)
    resolver = Resolver(store, editor.guild_id, careful=True)
    draft = draft_from_record(_checked(_merged(fact, resolver, partial)), resolver, guild_id=fact.guild_id)
    changes = {field: getattr(draft, field) for field in EDITABLE if getattr(draft, field) != getattr(fact, field)}
    if not changes and fact.version == expected_version:
        raise EditRefused(f"Aucun changement : le fait n°{fact_id} est resté tel quel.")
    with store.batch():
        for entity in resolver.created.values():
            store.put_entity(entity, editor.name)
        return store.update_fact(fact_id, changes, editor.name, expected_version)


def delete(store: FactStore, fact_id: int, editor: Editor) -> Fact:
    """Soft-deletes the server's own fact, or hides a global one for this server only."""
    fact = visible_fact(store, fact_id, editor)
    if fact.deleted:
        raise EditRefused(f"Le fait n°{fact_id} est déjà supprimé (/fait restaurer {fact_id} pour le rétablir).")
    if fact.guild_id is None and editor.guild_id is not None:
        if fact_id in store.hidden_in(editor.guild_id):
            raise EditRefused(f"Le fait n°{fact_id} est déjà masqué sur ce serveur (/fait restaurer {fact_id}).")
        store.set_hidden(fact_id, editor.guild_id, True, editor.name)
        return fact
    return store.delete_fact(fact_id, editor.name)


def restore(store: FactStore, fact_id: int, editor: Editor) -> Fact:
    fact = visible_fact(store, fact_id, editor)
    if fact.guild_id is None and editor.guild_id is not None:
        if fact_id not in store.hidden_in(editor.guild_id):
            raise EditRefused(f"Le fait n°{fact_id} n'est pas masqué sur ce serveur.")
        store.set_hidden(fact_id, editor.guild_id, False, editor.name)
        return fact
    if not fact.deleted:
        raise EditRefused(f"Le fait n°{fact_id} n'est pas supprimé.")
    return store.update_fact(fact_id, {"deleted": False}, editor.name, action="restauration")


def undo(store: FactStore, fact_id: int, editor: Editor) -> Fact:
    """Reverts the fact's last change (an addition is undone by deleting the fact, a deletion by
    restoring it)."""
    fact = check_owned(visible_fact(store, fact_id, editor), editor)
    entries = [entry for entry in store.history(fact_id) if entry["action"] not in ("masquage", "affichage")]
    if not entries:
        raise EditRefused(f"Le fait n°{fact_id} n'a aucune modification à annuler.")
    last = entries[-1]
    if last["before"] is None:
        return store.update_fact(fact_id, {"deleted": True}, editor.name, fact.version, action="annulation")
    previous = fact_from_doc(fact_id, last["before"])
    changes = {field: getattr(previous, field) for field in (*EDITABLE, "deleted")}
    return store.update_fact(fact_id, changes, editor.name, fact.version, action="annulation")


def history(store: FactStore, fact_id: int, editor: Editor) -> list[Change]:
    visible_fact(store, fact_id, editor)
    changes = []
    for entry in store.history(fact_id):
        if entry["action"] in ("masquage", "affichage") and entry["after"].get("guild_id") != editor.guild_id:
            continue
        before, after = entry["before"] or {}, entry["after"] or {}
        fields = tuple(
            (field, before.get(field), after.get(field))
            for field in (*EDITABLE, "deleted")
            if entry["before"] is not None and before.get(field) != after.get(field)
        )
        changes.append(Change(entry["action"], entry["who"], entry["at"], after.get("version"), fields))
    return changes


def review(store: FactStore, fact_id: int, editor: Editor, approve: bool) -> Fact:
    """Approves a proposed fact (lookups then show it) or rejects it (kept, out of every answer)."""
    fact = check_owned(visible_fact(store, fact_id, editor), editor)
    if fact.review != "proposé":
        raise EditRefused(f"Le fait n°{fact_id} n'attend pas de relecture (il est {fact.review}).")
    decision = "approuvé" if approve else "rejeté"
    action = "approbation" if approve else "rejet"
    return store.update_fact(fact_id, {"review": decision}, editor.name, fact.version, action=action)
