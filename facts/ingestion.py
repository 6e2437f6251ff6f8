"""Articles in, proposed facts out: extraction, names made real entities, and the same event reported by
several articles merged into one fact with several sources. Proposals wait for review unless approved."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from facts.articles import Article, read_article
from facts.catalog import Catalog
from facts.extraction import Extraction, extract
from facts.interchange import Resolver
from facts.model import Entity, Fact
from facts.store import FactStore


@dataclass(frozen=True, slots=True)
class IngestReport:
    article: str
    added: tuple[Fact, ...]
    merged_into: tuple[Fact, ...]  # facts already known, to which this article adds a source
    words: int
    seconds: float


def same_event(fact: Fact, other: Fact) -> bool:
    return (
        fact.kind == other.kind
        and set(fact.parties) == set(other.parties)
        and fact.date == other.date
        and fact.status == other.status
        and fact.guild_id == other.guild_id
    )


def _real_entities(fact: Fact, resolver: Resolver, new_names: dict[str, Entity]) -> Fact:
    """Names the extractor met for the first time become entities (in the server that ingests)."""

    def real(entity_id: str | None) -> str | None:
        if entity_id is None or entity_id not in new_names:
            return entity_id
        return resolver.adopt(new_names[entity_id])

    return replace(
        fact,
        parties=tuple(real(p) for p in fact.parties),
        people=tuple(replace(p, entity=real(p.entity)) for p in fact.people),
        place=real(fact.place),
    )


def ingest_article(
    store: FactStore, path: Path, who: str, approve: bool = False, published: str | None = None,
    guild_id: int | None = None,
) -> IngestReport:  # fmt: skip
    return ingest(store, read_article(path, published), who, approve, guild_id)


def ingest(
    store: FactStore, article: Article, who: str, approve: bool = False, guild_id: int | None = None
) -> IngestReport:
    """Extracts, then stores every new fact as a proposal (or approved) and merges the known ones."""
    started = time.perf_counter()
    extraction = extract(article, Catalog.from_store(store, guild_id))
    return store_extraction(store, extraction, article.name, who, approve, guild_id, started)


def store_extraction(
    store: FactStore, extraction: Extraction, article_name: str, who: str, approve: bool = False,
    guild_id: int | None = None, started: float | None = None,
) -> IngestReport:  # fmt: skip
    """The writing half of an ingestion, kept apart so the bot can extract without holding the store."""
    started = started if started is not None else time.perf_counter()
    resolver = Resolver(store, guild_id)
    new_names = {entity.id: entity for entity in extraction.new_entities}
    known = [fact for fact in store.facts() if fact.review != "rejeté" and fact.guild_id == guild_id]
    added, merged = [], []
    with store.batch():
        facts = [_real_entities(fact, resolver, new_names) for fact in extraction.facts]
        for entity in resolver.created.values():
            store.put_entity(entity, who)
        for fact in facts:
            twin = next((other for other in known if same_event(fact, other)), None)
            if twin is not None:
                quotes = {source.quote for source in twin.sources}
                fresh = tuple(source for source in fact.sources if source.quote not in quotes)
                if fresh:
                    merged.append(store.update_fact(twin.id, {"sources": twin.sources + fresh}, who))
                continue
            review = "approuvé" if approve else "proposé"
            stored = store.add_fact(replace(fact, review=review, guild_id=guild_id), who)
            known.append(stored)
            added.append(stored)
    return IngestReport(article_name, tuple(added), tuple(merged), extraction.words, time.perf_counter() - started)


def pending(store: FactStore, guild_id: int | None = None) -> list[Fact]:
    """The review queue: proposals of this server (or the global ones), most confident first."""
    queue = [f for f in store.facts() if f.review == "proposé" and f.guild_id == guild_id]
    return sorted(queue, key=lambda fact: (-(fact.confidence or 0), fact.id))
