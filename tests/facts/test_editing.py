"""Moderators' changes: ownership per server, stale edits, history and undo, on a real store file."""

import pytest

from facts import editing
from facts.catalog import Catalog
from facts.editing import Editor, EditRefused
from facts.interchange import InvalidDocument
from facts.store import FactStore, StaleEdit, UnknownFact

SERVER_A, SERVER_B = 111, 222
MOD_A = Editor("alice (1)", SERVER_A)
MOD_B = Editor("bob (2)", SERVER_B)
EU_JAPAN_ID = 1


def record(title="Accord France–Maroc sur l'eau", **extra):
    return {
        "kind": "accord",
        "title": title,
        "parties": ["France", "Maroc"],
        "people": [{"name": "Aziz Akhannouch", "role": "chef du gouvernement marocain", "part": "signataire"}],
        "place": "Rabat",
        "date": "2024-10-28",
        "sources": [{"article": "https://exemple.fr/a", "quote": "La France et le Maroc ont signé un accord."}],
    } | extra


def titles(store: FactStore, guild_id):
    return {fact.title for fact in Catalog.from_store(store, guild_id).facts}


def test_a_fact_added_in_a_server_is_seen_there_only(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    assert fact.guild_id == SERVER_A
    assert fact.title in titles(seed_store, SERVER_A)
    assert fact.title not in titles(seed_store, SERVER_B)
    assert fact.title not in titles(seed_store, None)


def test_another_server_cannot_see_or_change_the_fact(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    for action in (
        lambda: editing.modify(seed_store, fact.id, {"title": "piraté"}, MOD_B, fact.version),
        lambda: editing.delete(seed_store, fact.id, MOD_B),
        lambda: editing.undo(seed_store, fact.id, MOD_B),
        lambda: editing.history(seed_store, fact.id, MOD_B),
    ):
        with pytest.raises(UnknownFact):
            action()
    assert seed_store.get(fact.id) == fact


def test_a_global_fact_can_be_hidden_for_one_server_not_changed(seed_store):
    with pytest.raises(EditRefused, match="commun à tous les serveurs"):
        editing.modify(seed_store, EU_JAPAN_ID, {"title": "x"}, MOD_A, 1)
    editing.delete(seed_store, EU_JAPAN_ID, MOD_A)
    eu_japan = seed_store.get(EU_JAPAN_ID).title
    assert eu_japan not in titles(seed_store, SERVER_A)
    assert eu_japan in titles(seed_store, SERVER_B)
    assert not seed_store.get(EU_JAPAN_ID).deleted
    editing.restore(seed_store, EU_JAPAN_ID, MOD_A)
    assert eu_japan in titles(seed_store, SERVER_A)


def test_a_stale_edit_is_refused_and_loses_nothing(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    first = editing.modify(seed_store, fact.id, {"title": "Première correction"}, MOD_A, fact.version)
    with pytest.raises(StaleEdit, match="modifié entre-temps"):
        editing.modify(seed_store, fact.id, {"title": "Seconde correction"}, Editor("carol", SERVER_A), fact.version)
    assert seed_store.get(fact.id).title == first.title == "Première correction"


def test_modify_keeps_what_the_form_does_not_show(seed_store):
    fact = editing.add(seed_store, record(topics=["eau"], summary="Résumé."), MOD_A)
    changed = editing.modify(seed_store, fact.id, {"date": "2024-10-29"}, MOD_A, fact.version)
    assert (changed.date, changed.topics, changed.summary) == ("2024-10-29", ("eau",), "Résumé.")
    assert changed.sources == fact.sources


def test_history_names_who_changed_which_field(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    editing.modify(seed_store, fact.id, {"date": "2024-10-29"}, Editor("carol (3)", SERVER_A), fact.version)
    changes = editing.history(seed_store, fact.id, MOD_A)
    assert [change.action for change in changes] == ["création", "modification"]
    assert changes[1].who == "carol (3)"
    assert changes[1].fields == (("date", "2024-10-28", "2024-10-29"),)


def test_undo_reverts_the_last_change_then_the_addition(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    editing.modify(seed_store, fact.id, {"title": "Titre erroné"}, MOD_A, fact.version)
    assert editing.undo(seed_store, fact.id, MOD_A).title == fact.title
    assert editing.undo(seed_store, fact.id, MOD_A).title == "Titre erroné"
    assert [c.action for c in editing.history(seed_store, fact.id, MOD_A)][-2:] == [
        "annulation",
        "annulation",
    ]


def test_undo_of_an_addition_deletes_the_fact(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    assert editing.undo(seed_store, fact.id, MOD_A).deleted
    assert fact.title not in titles(seed_store, SERVER_A)
    editing.restore(seed_store, fact.id, MOD_A)
    assert fact.title in titles(seed_store, SERVER_A)


def test_invalid_input_names_the_field_and_writes_nothing(seed_store):
    before = seed_store.path.read_bytes()
    with pytest.raises(InvalidDocument, match="date"):
        editing.add(seed_store, record(date="2024-13-45"), MOD_A)
    assert seed_store.path.read_bytes() == before


def test_hiding_twice_says_it_is_already_hidden(seed_store):
    editing.delete(seed_store, EU_JAPAN_ID, MOD_A)
    with pytest.raises(EditRefused, match="déjà masqué"):
        editing.delete(seed_store, EU_JAPAN_ID, MOD_A)


def test_a_deleted_fact_is_restored_before_it_is_edited(seed_store):
    fact = editing.add(seed_store, record(), MOD_A)
    editing.delete(seed_store, fact.id, MOD_A)
    with pytest.raises(EditRefused, match="restaurer"):
        editing.modify(seed_store, fact.id, {"title": "x"}, MOD_A, fact.version + 1)
