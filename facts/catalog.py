"""What the answers read: live facts, every known entity and the alias table, built from a store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property

from facts import dates
from facts.aliases import AliasIndex
from facts.countries import country_entities
from facts.model import FIRMNESS, Entity, Fact
from facts.normalize import words
from facts.store import FactStore


def known_entities(stored: Mapping[str, Entity]) -> dict[str, Entity]:
    """Every country (babel/pycountry) and the store's own entities; the import refuses stored
    entities that would shadow a country, so the union is unambiguous. GeoNames' cities are not in
    this table: their many alternate names are ordinary words too ("chose", "rendu", "sucre"); the
    extractor consults them only for places the French model tagged as such."""
    return {entity.id: entity for entity in country_entities()} | dict(stored)


class Catalog:
    def __init__(self, entities: Mapping[str, Entity], facts: Iterable[Fact]) -> None:
        self.entities = known_entities(entities)
        # Lookups show approved facts only: proposals wait in the review queue.
        live = (f for f in facts if not f.deleted and f.review == "approuvé")
        self.facts: tuple[Fact, ...] = tuple(sorted(live, key=lambda f: f.id))
        self.by_id: dict[int, Fact] = {fact.id: fact for fact in self.facts}

    @classmethod
    def from_store(cls, store: FactStore, guild_id: int | None = None) -> Catalog:
        """Global facts (less those the server hid) plus, in a server, that server's own."""
        hidden = store.hidden_in(guild_id)
        entities = {
            entity_id: entity
            for entity_id, entity in store.entities().items()
            if entity.guild_id is None or entity.guild_id == guild_id
        }
        facts = [
            fact
            for fact in store.facts()
            if (fact.guild_id is None and fact.id not in hidden) or (guild_id is not None and fact.guild_id == guild_id)
        ]
        return cls(entities, facts)

    def warm(self) -> Catalog:
        """Builds the lookup structures now rather than during the first query (start-up pays, not users)."""
        for structure in ("index", "postings", "posting_ids", "_direct", "_date_keys", "word_postings",
                          "words_sorted", "by_kind_recent"):  # fmt: skip
            getattr(self, structure)
        return self

    @cached_property
    def index(self) -> AliasIndex:
        return AliasIndex(self.entities.values())

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def name(self, entity_id: str | None) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else (entity_id or "")

    def involved(self, fact: Fact) -> frozenset[str]:
        """The fact's entities, plus the country of its place and of its people, so "/chronologie Japon"
        finds what Japan's minister did; the matcher counts those countries as indirect evidence."""
        if self.by_id.get(fact.id) is fact:
            return self._involved[fact.id]
        return self._involve(fact)

    def _involve(self, fact: Fact) -> frozenset[str]:
        ids = fact.entity_ids()
        countries = {f"pays:{e.country}" for e in map(self.entities.get, ids) if e is not None and e.country}
        return frozenset(ids | countries)

    @cached_property
    def _involved(self) -> dict[int, frozenset[str]]:
        return {fact.id: self._involve(fact) for fact in self.facts}

    @cached_property
    def postings(self) -> dict[str, tuple[Fact, ...]]:
        """Entity → the facts involving it, built once: a query that names an entity reads only those."""
        lists: dict[str, list[Fact]] = {}
        for fact in self.facts:
            for entity_id in self._involved[fact.id]:
                lists.setdefault(entity_id, []).append(fact)
        return {entity_id: tuple(facts) for entity_id, facts in lists.items()}

    @cached_property
    def _direct(self) -> dict[int, frozenset[str]]:
        return {fact.id: frozenset(fact.entity_ids()) for fact in self.facts}

    def direct(self, fact: Fact) -> frozenset[str]:
        """Parties, people and place: what the fact involves directly."""
        found = self._direct.get(fact.id)
        return found if found is not None and self.by_id.get(fact.id) is fact else frozenset(fact.entity_ids())

    @cached_property
    def _date_keys(self) -> dict[int, tuple[int, int, int]]:
        return {fact.id: dates.sort_key(fact.date) for fact in self.facts}

    def date_key(self, fact: Fact) -> tuple[int, int, int]:
        return self._date_keys.get(fact.id) or dates.sort_key(fact.date)

    @cached_property
    def posting_ids(self) -> dict[str, frozenset[int]]:
        return {entity_id: frozenset(f.id for f in facts) for entity_id, facts in self.postings.items()}

    @cached_property
    def _ranked(self) -> dict[str, tuple[Fact, ...]]:
        return {}

    def ranked_postings(self, entity_id: str, prominence) -> tuple[Fact, ...]:
        """An entity's facts in the order a query naming only that entity ranks them (direct before
        indirect, central role, newest, firmest), sorted once per entity, on first use."""
        ranked = self._ranked.get(entity_id)
        if ranked is None:
            group = frozenset((entity_id,))
            ranked = tuple(
                sorted(
                    self.postings.get(entity_id, ()),
                    key=lambda f: (
                        entity_id in self.direct(f),
                        prominence(f, group),
                        self.date_key(f),
                        FIRMNESS.get(f.status, 0),
                        -f.id,
                    ),
                    reverse=True,
                )
            )
            self._ranked[entity_id] = ranked
        return ranked

    @cached_property
    def involved_anywhere(self) -> frozenset[str]:
        """Every entity some fact involves."""
        return frozenset(self.postings)

    @cached_property
    def word_postings(self) -> dict[str, tuple[int, ...]]:
        """Word → ids of the facts whose text holds it, for queries that name no entity."""
        lists: dict[str, list[int]] = {}
        for fact in self.facts:
            for word in self.vocabulary(fact):
                lists.setdefault(word, []).append(fact.id)
        return {word: tuple(ids) for word, ids in lists.items()}

    @cached_property
    def words_sorted(self) -> tuple[str, ...]:
        return tuple(sorted(self.word_postings))

    @cached_property
    def by_kind_recent(self) -> dict[str | None, tuple[Fact, ...]]:
        """Facts newest first, all kinds (None) and per kind: what an empty autocomplete offers."""
        ordered = tuple(sorted(self.facts, key=lambda f: (dates.sort_key(f.date), f.id), reverse=True))
        return {None: ordered} | {
            kind: tuple(f for f in ordered if f.kind == kind) for kind in {f.kind for f in ordered}
        }

    @cached_property
    def _vocabularies(self) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
        return {fact.id: self._words_of(fact) for fact in self.facts}

    def _words_of(self, fact: Fact) -> tuple[frozenset[str], frozenset[str]]:
        headline = " ".join([fact.title, fact.nature or "", *fact.topics])
        mentions = " ".join(
            [fact.summary, fact.status, *(s.quote for s in fact.sources), *(p.role for p in fact.people)]
        )
        headline_words = frozenset(words(headline))
        return headline_words, headline_words | frozenset(words(mentions))

    def headline_vocabulary(self, fact: Fact) -> frozenset[str]:
        """Words of the title, nature and topics: what the fact is about."""
        return (self._vocabularies.get(fact.id) or self._words_of(fact))[0]

    def vocabulary(self, fact: Fact) -> frozenset[str]:
        """Every word the fact's text holds, summary and quotes included."""
        return (self._vocabularies.get(fact.id) or self._words_of(fact))[1]

    def facts_involving(self, entity_id: str) -> list[Fact]:
        return list(self.postings.get(entity_id, ()))
