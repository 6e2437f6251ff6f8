"""FactStore: created from the shipped store, every change versioned and kept in the history."""

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta

import pytest

from facts.model import Fact, Participant, Source
from facts.storage import read_store
from facts.store import FactStore, StaleEdit, UnknownFact, fact_from_doc, fact_to_doc, shipped_store_path

NEW_FACT = Fact(
    id=0,
    kind="visite",
    title="Visite de Josep Borrell à Séoul",
    status="prévue",
    parties=("org:ue", "pays:KR"),
    date="2024-11",
    sources=(Source(article="a.txt", quote="Une tournée qui devrait inclure la Corée du Sud."),),
)


@pytest.fixture
def shipped_bytes() -> bytes:
    return shipped_store_path().read_bytes()


def assert_recent(at: str) -> None:
    moment = datetime.fromisoformat(at)
    assert moment.tzinfo is not None
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=1)


def test_open_creates_missing_store_from_shipped(tmp_path, shipped_bytes):
    path = tmp_path / "data" / "nouvelle" / "diplobot.json"
    store = FactStore.open(path)
    assert len(store.facts()) == 14
    assert path.read_bytes() == shipped_bytes
    assert [entry.name for entry in path.parent.iterdir()] == [path.name]
    store.add_fact(NEW_FACT, who="alice")
    assert len(FactStore(path).facts()) == 15
    assert shipped_store_path().read_bytes() == shipped_bytes


def test_open_keeps_existing_store(tmp_path):
    path = tmp_path / "diplobot.json"
    FactStore.create_empty(path).add_fact(NEW_FACT, who="alice")
    assert [fact.title for fact in FactStore.open(path).facts()] == [NEW_FACT.title]


def test_add_records_creation(seed_store):
    fact = seed_store.add_fact(NEW_FACT, who="alice")
    assert (fact.id, fact.version, fact.deleted) == (15, 1, False)
    assert seed_store.get(fact.id) == fact
    [entry] = seed_store.history(fact.id)
    assert entry.items() >= {"fact_id": 15, "action": "création", "who": "alice", "before": None}.items()
    assert fact_from_doc(15, entry["after"]) == fact
    assert_recent(entry["at"])


def test_update_records_before_and_after(seed_store):
    original = seed_store.get(1)
    updated = seed_store.update_fact(1, {"status": "conclu"}, who="bob", expected_version=1)
    assert (updated.status, updated.version) == ("conclu", 2)
    assert seed_store.get(1) == updated
    entry = seed_store.history(1)[-1]
    assert (entry["action"], entry["who"]) == ("modification", "bob")
    assert fact_from_doc(1, entry["before"]) == original
    assert fact_from_doc(1, entry["after"]) == updated
    assert_recent(entry["at"])


def test_versions_increase_with_each_change(seed_store):
    fact = seed_store.add_fact(NEW_FACT, who="alice")
    versions = [fact.version]
    versions.append(seed_store.update_fact(fact.id, {"date": "2024-11-04"}, who="bob").version)
    versions.append(seed_store.update_fact(fact.id, {"status": "effectuée"}, who="bob").version)
    versions.append(seed_store.delete_fact(fact.id, who="carol").version)
    assert versions == [1, 2, 3, 4]
    assert [entry["after"]["version"] for entry in seed_store.history(fact.id)] == versions


def test_stale_edit_refused_and_changes_nothing(seed_store):
    seed_store.update_fact(1, {"status": "conclu"}, who="bob", expected_version=1)
    content, history = seed_store.path.read_bytes(), seed_store.history()
    current = seed_store.get(1)
    with pytest.raises(StaleEdit, match="modifié entre-temps") as refused:
        seed_store.update_fact(1, {"title": "Autre titre"}, who="carol", expected_version=1)
    assert "version 2" in str(refused.value)
    assert seed_store.get(1) == current
    assert seed_store.history() == history
    assert seed_store.path.read_bytes() == content


def test_unknown_fact_refused(seed_store):
    with pytest.raises(UnknownFact, match="Aucun fait n°99"):
        seed_store.update_fact(99, {"title": "Fantôme"}, who="bob")


def test_delete_is_soft(seed_store):
    seed_store.delete_fact(3, who="carol")
    reopened = FactStore(seed_store.path)
    assert 3 not in [fact.id for fact in reopened.facts()]
    assert len(reopened.facts()) == 13
    hidden = [fact for fact in reopened.facts(include_deleted=True) if fact.id == 3]
    assert [(fact.deleted, fact.version) for fact in hidden] == [(True, 2)]
    assert [(entry["action"], entry["who"]) for entry in reopened.history(3)] == [
        ("création", "seed"),
        ("suppression", "carol"),
    ]
    assert reopened.history(3)[-1]["before"]["deleted"] is False


def test_a_field_set_back_to_its_default_reads_back_so(seed_store):
    """Documents leave out fields at their default: an edit back to a default must not keep the old value."""
    seed_store.update_fact(3, {"deleted": True, "nature": "traité", "place": "lieu:tokyo"}, who="carol")
    seed_store.update_fact(3, {"deleted": False, "nature": None, "place": None}, who="carol")
    reopened = FactStore(seed_store.path)
    assert reopened.get(3) == seed_store.get(3)
    assert (reopened.get(3).deleted, reopened.get(3).nature, reopened.get(3).place) == (False, None, None)


def test_documents_leave_out_defaults_but_the_history_keeps_whole_ones(tmp_path):
    store = FactStore.create_empty(tmp_path / "store.json")
    added = store.add_fact(NEW_FACT, who="alice")
    document = read_store(store.path)[0]["facts"][str(added.id)]
    assert not {"deleted", "version", "review", "place", "nature"} & set(document)
    assert "url" not in document["sources"][0]
    assert fact_from_doc(added.id, document) == added
    assert store.history(added.id)[0]["after"]["deleted"] is False


def test_a_fact_read_from_its_document_is_a_fact_like_one_constructed():
    constructed = Fact(
        id=7, kind="rencontre", title="Rencontre", status="tenue", parties=("pays:JP", "pays:FR"),
        people=(Participant("pers:iwaya-takeshi", "ministre", "hôte"),), date="2024-05",
        sources=(Source(article="a.txt", quote="« Rencontre »", start=0, end=11),), guild_id=3, confidence=0.5,
    )  # fmt: skip
    document = fact_to_doc(constructed)
    read = fact_from_doc(7, document)
    assert type(read) is Fact and type(read.sources[0]) is Source and type(read.people[0]) is Participant
    assert read == constructed and hash(read) == hash(constructed) and repr(read) == repr(constructed)
    with pytest.raises(FrozenInstanceError):
        read.title = "autre"  # type: ignore[misc]
    unknown_fields = ({"people": [{"entity": "p", "rang": 1}]}, {"sources": [{"article": "a", "x": 1, "quote": ""}]})
    for unknown in unknown_fields:  # refused, as the constructors refuse them (the store reports it corrupt)
        with pytest.raises(TypeError):
            fact_from_doc(7, document | unknown)
    with pytest.raises(KeyError):
        fact_from_doc(7, document | {"sources": [{"article": "a.txt"}]})
