"""What the answers read: live facts, every known entity and the alias table, built from a store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property

from facts.aliases import AliasIndex
from facts.countries import country_entities
from facts.model import Entity, Fact
from facts.normalize import words
from facts.store import FactStore


class Catalog:
    def __init__(self, entities: Mapping[str, Entity], facts: Iterable[Fact]) -> None:
        self.entities: dict[str, Entity] = {e.id: e for e in country_entities()} | dict(entities)
        self.facts: tuple[Fact, ...] = tuple(sorted((f for f in facts if not f.deleted), key=lambda f: f.id))
        self.by_id: dict[int, Fact] = {fact.id: fact for fact in self.facts}

    @classmethod
    def from_store(cls, store: FactStore, guild_id: int | None = None) -> Catalog:
        """Global facts (less those the server hid) plus, in a server, that server's own."""
        hidden = store.hidden_in(guild_id)
        facts = [
            fact
            for fact in store.facts()
            if (fact.guild_id is None and fact.id not in hidden) or (guild_id is not None and fact.guild_id == guild_id)
        ]
        return cls(store.entities(), facts)

    @cached_property
    def index(self) -> AliasIndex:
        return AliasIndex(self.entities.values())

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def name(self, entity_id: str | None) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else (entity_id or "")

    def involved(self, fact: Fact) -> set[str]:
        """The fact's entities, plus the country of its place and of its people."""
        ids = fact.entity_ids()
        for entity_id in list(ids):
            entity = self.entities.get(entity_id)
            if entity and entity.country:
                ids.add(f"pays:{entity.country}")
        return ids

    @cached_property
    def _vocabulary(self) -> dict[int, frozenset[str]]:
        return {fact.id: frozenset(words(self.text_of(fact))) for fact in self.facts}

    def vocabulary(self, fact: Fact) -> frozenset[str]:
        return self._vocabulary.get(fact.id) or frozenset(words(self.text_of(fact)))

    def text_of(self, fact: Fact) -> str:
        parts = [fact.title, fact.summary, fact.nature or "", fact.status, *fact.topics]
        parts += [source.quote for source in fact.sources]
        parts += [participant.role for participant in fact.people]
        return " ".join(parts)

    def facts_involving(self, entity_id: str) -> list[Fact]:
        return [fact for fact in self.facts if entity_id in self.involved(fact)]
