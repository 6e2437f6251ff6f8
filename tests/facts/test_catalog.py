"""A catalog following a store's writes equals one rebuilt from the store, whatever the writes."""

import random
from dataclasses import replace

import pytest

from facts.catalog import WORD_INDEX, Catalog
from facts.matching import search
from facts.model import Fact, Participant

GUILD, OTHER_GUILD = 7, 8
PARTIES = ("pays:JP", "org:ue", "pays:FR", "pays:KR", "pays:DE", "pays:US")
TITLES = ("Accord de défense", "Visite officielle", "Mémorandum sur l'énergie", "Sommet du climat")


def observed(catalog: Catalog) -> dict:
    """Everything a lookup reads from a catalog, in comparable form."""
    catalog.word_postings  # noqa: B018 - built on use: compare it too
    return {
        "facts": catalog.facts,
        "postings": catalog.postings,
        "posting_ids": catalog.posting_ids,
        "involved": {fact.id: catalog.involved(fact) for fact in catalog.facts},
        "direct": {fact.id: catalog.direct(fact) for fact in catalog.facts},
        "anywhere": catalog.involved_anywhere,
        "recent": {kind: list(catalog.recent(kind)) for kind in (None, "accord", "visite", "rencontre")},
        "ranked": {e: list(catalog.ranked_postings(e)) for e in PARTIES},
        "newest": {(e, kind): catalog.newest_involving(e, kind, 3) for e in PARTIES for kind in (None, "accord")},
        "words": {word: sorted(ids) for word, ids in catalog.word_postings.items()},
        "words_sorted": catalog.words_sorted,
    }


def random_write(store, rng: random.Random) -> None:
    facts = store.facts(include_deleted=True)
    choice = rng.randrange(6)
    if choice <= 1 or not facts:
        a, b = rng.sample(PARTIES, 2)
        store.add_fact(
            Fact(id=0, kind=rng.choice(("accord", "visite", "rencontre")), title=f"{rng.choice(TITLES)} {a}",
                 status="signé", parties=(a, b), date=f"202{rng.randrange(5)}-0{rng.randrange(1, 10)}",
                 people=(Participant("pers:iwaya-takeshi", "ministre", "signataire"),) if rng.random() < 0.3 else (),
                 guild_id=rng.choice((None, None, GUILD, OTHER_GUILD)),
                 review=rng.choice(("approuvé", "approuvé", "proposé"))),
            who="test",
        )  # fmt: skip
        return
    fact = rng.choice(facts)
    if choice == 2:
        store.update_fact(fact.id, {"deleted": not fact.deleted}, who="test")
    elif choice == 3:
        store.update_fact(fact.id, {"title": f"{fact.title} révisé", "date": "2025-02-03",
                                    "parties": tuple(reversed(fact.parties))}, who="test")  # fmt: skip
    elif choice == 4:
        store.update_fact(fact.id, {"review": rng.choice(("approuvé", "rejeté"))}, who="test")
    else:
        store.set_hidden(fact.id, rng.choice((GUILD, OTHER_GUILD)), rng.random() < 0.7, who="test")


@pytest.mark.parametrize("seed", range(6))
def test_following_writes_equals_rebuilding(seed_store, seed):
    rng = random.Random(seed)
    catalogs = {guild: Catalog.from_store(seed_store, guild).warm() for guild in (None, GUILD)}
    for catalog in catalogs.values():
        observed(catalog)  # lazy structures built, so that they are followed too
        search(catalog, "Japon UE")
    for _ in range(25):
        with seed_store.watch() as changes:
            if rng.random() < 0.2:
                with seed_store.batch():
                    random_write(seed_store, rng)
                    random_write(seed_store, rng)
            else:
                random_write(seed_store, rng)
        catalogs = {guild: catalog.following(changes, seed_store, guild) for guild, catalog in catalogs.items()}
    for guild, catalog in catalogs.items():
        assert observed(catalog) == observed(Catalog.from_store(seed_store, guild))


def test_a_catalog_is_unchanged_by_writes_after_it(seed_store):
    catalog = Catalog.from_store(seed_store).warm()
    before = observed(catalog)
    with seed_store.watch() as changes:
        seed_store.update_fact(1, {"deleted": True}, who="test")
        seed_store.add_fact(replace(seed_store.get(2), id=0, title="Copie"), who="test")
    following = catalog.following(changes, seed_store, None)
    assert observed(catalog) == before
    assert 1 in catalog.by_id and 1 not in following.by_id


@pytest.mark.parametrize(
    "built", [(), ("_vocabularies",), ("word_postings",), WORD_INDEX], ids=["none", "vocabularies", "words", "all"]
)
def test_following_holds_whatever_part_of_the_word_index_was_built(seed_store, built):
    """A query may build the vocabularies alone, a warm-up may be halfway: the catalog must still follow."""
    rng = random.Random(3)
    catalog = Catalog.from_store(seed_store, GUILD).warm()
    for name in built:
        getattr(catalog, name)
    for _ in range(25):
        with seed_store.watch() as changes:
            random_write(seed_store, rng)
        catalog = catalog.following(changes, seed_store, GUILD)
    assert observed(catalog) == observed(Catalog.from_store(seed_store, GUILD))


@pytest.mark.parametrize("kind", [None, "accord", "visite"])
@pytest.mark.parametrize("count", [1, 3, 25])
def test_an_entitys_newest_facts_are_its_facts_sorted_by_date(seed_store, kind, count):
    catalog = Catalog.from_store(seed_store).warm()
    for entity_id in catalog.involved_anywhere:
        facts = [f for f in catalog.facts_involving(entity_id) if kind is None or f.kind == kind]
        newest = sorted(facts, key=lambda f: (catalog.date_key(f), f.id), reverse=True)[:count]
        assert catalog.newest_involving(entity_id, kind, count) == newest
