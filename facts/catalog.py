"""What the answers read: live facts, every known entity and the alias table, built from a store."""

from __future__ import annotations

import heapq
import sys
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import cached_property
from itertools import chain, compress, islice
from operator import attrgetter

from facts import dates
from facts.aliases import AliasIndex
from facts.bulk import collector_paused
from facts.countries import country_entities
from facts.model import FIRMNESS, Entity, Fact
from facts.normalize import vocabulary_words
from facts.store import Change, FactStore


def _shown(fact: Fact) -> bool:
    # Lookups show approved facts only: proposals wait in the review queue.
    return not fact.deleted and fact.review == "approuvé"


def _visible(fact: Fact, guild_id: int | None, hidden: set[int]) -> bool:
    """Global facts a server did not hide, and that server's own."""
    return (fact.guild_id is None and fact.id not in hidden) or (guild_id is not None and fact.guild_id == guild_id)


def _seen_in(store: FactStore, guild_id: int | None) -> tuple[dict[str, Entity], list[Fact]]:
    """The entities and facts a server sees: global ones (less the facts it hid) and its own."""
    hidden = store.hidden_in(guild_id)
    entities = {
        entity_id: entity
        for entity_id, entity in store.entities().items()
        if entity.guild_id is None or entity.guild_id == guild_id
    }
    return entities, [fact for fact in store.facts() if _visible(fact, guild_id, hidden)]


# The word index for free text: built together, followed together.
WORD_INDEX = ("_vocabularies", "word_postings", "words_sorted")

# How central a person is to a fact: a visit is Iwaya's when he is the visitor, less so when he hosts it.
PART_WEIGHTS = {"signataire": 3, "visiteur": 3, "participant": 2, "hôte": 1, "témoin": 1}
DIRECT_WEIGHT = 2  # a party or the place


def known_entities(stored: Mapping[str, Entity]) -> dict[str, Entity]:
    """Every country (babel/pycountry) and the store's own entities; the import refuses stored
    entities that would shadow a country, so the union is unambiguous. GeoNames' cities are not in
    this table: their many alternate names are ordinary words too ("chose", "rendu", "sucre"); the
    extractor consults them only for places the French model tagged as such."""
    return {entity.id: entity for entity in country_entities()} | dict(stored)


def centrality(fact: Fact, groups: Iterable[frozenset[str]]) -> int:
    """How central the entities of `groups` are to the fact, summed over the groups (each counting its most
    central entity): a party or the place, or a person by their part."""
    return sum(max([standing(fact, entity) for entity in group], default=0) for group in groups)


def standing(fact: Fact, entity_id: str) -> int:
    """How central the entity is to the fact: a party or the place, or a person by their part; 0 when the fact
    involves it only through its country, or not at all."""
    weight = DIRECT_WEIGHT if entity_id == fact.place or entity_id in fact.parties else 0
    for participant in fact.people:
        if participant.entity == entity_id:
            weight = max(weight, PART_WEIGHTS.get(participant.part, 1))
    return weight


_FACT_ID = attrgetter("id")


def _rank_tail(date_key: tuple[int, int, int], fact: Fact) -> tuple:
    """Within one standing, a query naming one entity orders its facts newest, then firmest, first."""
    return (date_key, FIRMNESS.get(fact.status, 0), -fact.id)


def _recent_key(date_key: tuple[int, int, int], fact: Fact) -> tuple[int, int, int, int]:
    """Ascending order of this key is newest first."""
    return (-date_key[0], -date_key[1], -date_key[2], -fact.id)


def _without(items: tuple | list, keys: list, key) -> tuple[list, list]:
    """Copies of a sorted list and of its keys without the item at `key`."""
    at = bisect_left(keys, key)
    return [*items[:at], *items[at + 1 :]], [*keys[:at], *keys[at + 1 :]]


def _with(items: tuple | list, keys: list, key, item) -> tuple[list, list]:
    """Copies of a sorted list and of its keys with `item` inserted at `key`."""
    at = bisect_left(keys, key)
    return [*items[:at], item, *items[at:]], [*keys[:at], key, *keys[at:]]


class _Derived:
    """What the catalog reads of one fact over and over: the entities it involves (with their countries), those
    it involves directly, and its date's sort key."""

    __slots__ = ("date_key", "direct", "fact", "involved")

    def __init__(self, fact: Fact, involved: tuple[str, ...], direct: tuple[str, ...], date_key) -> None:
        self.fact, self.involved, self.direct, self.date_key = fact, involved, direct, date_key


class Catalog:
    """Not changed once built: `following` returns a new catalog after a write, sharing what the write left
    untouched, so a lookup running meanwhile reads a consistent old catalog. Two per-fact tables are shared
    with the catalogs that follow and updated in place by a write (`_derived`, `_vocabularies`): an older
    catalog checks that an entry was derived from the very fact it asks about (`_derived_of`). Structures
    only some queries need (the word index, recent facts) are built on first use."""

    def __init__(self, entities: Mapping[str, Entity], facts: Iterable[Fact]) -> None:
        self.entities = known_entities(entities)
        live = (f for f in facts if _shown(f))
        self.by_id: dict[int, Fact] = {fact.id: fact for fact in sorted(live, key=_FACT_ID)}

    @classmethod
    def from_store(cls, store: FactStore, guild_id: int | None = None) -> Catalog:
        """Global facts (less those the server hid) plus, in a server, that server's own."""
        return cls(*_seen_in(store, guild_id))

    @classmethod
    def restored(cls, store: FactStore, guild_id: int | None, derivation: dict, changed: Collection[int]) -> Catalog:
        """The warm catalog `from_store` builds, taken from the `derivation` of a catalog of the same server
        whose facts differed from the store's only in the `changed` ones (written or masked since): what was
        derived from the others is taken as it was, the changed ones are derived again. Raises ValueError
        when the derivation does not fit the store (its entities place people in other countries, or a fact
        it holds is no longer shown)."""
        catalog = cls(*_seen_in(store, guild_id))
        if derivation["countries"] != catalog._country_ids:
            raise ValueError("the entities changed since the derivation")
        fact_of = catalog.by_id.__getitem__
        derived: dict[int, _Derived] = {}
        touched_entities: set[str] = set()
        for fact_id, involved, direct, date_key in zip(
            derivation["ids"], derivation["involved"], derivation["direct"], derivation["date_keys"], strict=True
        ):
            if fact_id in changed:
                touched_entities.update(involved)
            else:
                fact = fact_of(fact_id)
                # Keyed by the fact's own id, not the number read from the file: one integer object fewer each.
                derived[fact.id] = _Derived(fact, involved, direct, date_key)
        fresh = [fact_id for fact_id in sorted(changed) if fact_id in catalog.by_id]
        if len(derived) + len(fresh) != len(catalog.by_id):
            raise ValueError("facts shown now are missing from the derivation")

        def unchanged(entity_id: str, ids: list[int]) -> list[int]:
            return [i for i in ids if i not in changed] if entity_id in touched_entities else ids

        id_lists = {e: ids for e, ids in ((e, unchanged(e, ids)) for e, ids in derivation["postings"].items()) if ids}
        ranked = {}
        for entity_id, runs in derivation["ranked"].items():
            kept = {standing: unchanged(entity_id, ids) for standing, ids in runs.items()}
            if any(kept.values()):
                ranked[entity_id] = {standing: list(map(fact_of, ids)) for standing, ids in kept.items() if ids}
        postings = {entity_id: tuple(map(fact_of, ids)) for entity_id, ids in id_lists.items()}
        catalog.__dict__.update(
            _derived=derived,
            postings=postings,
            # Of the facts' own ids, as `posting_ids` builds them: those read from the file are let go.
            posting_ids={entity_id: frozenset(map(_FACT_ID, facts)) for entity_id, facts in postings.items()},
            _ranked=ranked,
        )
        for fact_id in fresh:
            catalog._add(catalog.by_id[fact_id])
        return catalog.warm()

    def derivation(self) -> dict:
        """What this catalog derived from its facts, by fact id, in plain containers a file can hold (see
        facts/catalog_cache.py), for `restored` to take back."""
        self.warm()
        derived = [self._derived_of(fact) for fact in self.by_id.values()]
        return {
            "countries": self._country_ids,
            "ids": list(self.by_id),
            "involved": [d.involved for d in derived],
            "direct": [d.direct for d in derived],
            "date_keys": [d.date_key for d in derived],
            "postings": {entity_id: list(map(_FACT_ID, facts)) for entity_id, facts in self.postings.items()},
            "ranked": {
                entity_id: {standing: list(map(_FACT_ID, run)) for standing, run in runs.items()}
                for entity_id, runs in self._ranked.items()
            },
        }

    def following(self, changes: Iterable[Change], store: FactStore, guild_id: int | None) -> Catalog:
        """This catalog after a write's `changes`: a new catalog sharing with this one what they left
        untouched (rebuilt from the store when the entities changed or the file was reloaded)."""
        changes = list(changes)
        if any(change.everything for change in changes):
            return Catalog.from_store(store, guild_id).warm()
        hidden = store.hidden_in(guild_id)
        new = object.__new__(Catalog)
        new.__dict__.update(self.warm().__dict__)
        new.__dict__["_copies"] = set()
        for derived in ("facts", "involved_anywhere", "word_matches"):
            new.__dict__.pop(derived, None)
        if not new.has_word_index():
            # Only a whole word index follows writes; a part of one (a query built the vocabularies, or a
            # warm-up is still running) is dropped and built again from the new facts when needed.
            for name in WORD_INDEX:
                new.__dict__.pop(name, None)
        for change in changes:
            if change.masked_in is not None and change.masked_in != guild_id:
                continue
            old = new.by_id.get(change.after.id)
            fresh = change.after if _visible(change.after, guild_id, hidden) and _shown(change.after) else None
            if old is not None:
                new._remove(old)
            if fresh is not None:
                new._add(fresh)
        return new

    def _copied(self, name: str):
        """The structure `name`, copied once for this catalog the first time a change touches it."""
        copies = self.__dict__.setdefault("_copies", set())
        if name not in copies:
            copies.add(name)
            original = self.__dict__[name]
            self.__dict__[name] = dict(original)
        return self.__dict__[name]

    def _built(self, name: str) -> bool:
        return name in self.__dict__

    def _remove(self, fact: Fact) -> None:
        derived = self._derived_of(fact)
        involved, date_key = derived.involved, derived.date_key
        if self._built("word_postings"):
            postings = self._copied("word_postings")
            gone = set()
            for word in self.vocabulary(fact):
                remaining = tuple(i for i in postings[word] if i != fact.id)
                if remaining:
                    postings[word] = remaining
                else:
                    del postings[word]
                    gone.add(word)
            if gone:  # a new list: the catalog before this write still reads the old one
                self.__dict__["words_sorted"] = [word for word in self.words_sorted if word not in gone]
            self._vocabularies.pop(fact.id, None)
        if self._built("_recent"):
            recent = self._copied("_recent")
            for kind in (None, fact.kind):
                recent[kind] = _without(*recent[kind], _recent_key(date_key, fact))
        ranked = self._copied("_ranked")
        postings, posting_ids = self._copied("postings"), self._copied("posting_ids")
        for entity_id in involved:
            runs = ranked[entity_id] = dict(ranked[entity_id])
            run = standing(fact, entity_id)
            runs[run] = self._ranked_run(runs[run], fact, date_key, present=True)
            if not runs[run]:
                del runs[run]
            remaining = tuple(f for f in postings[entity_id] if f.id != fact.id)
            if remaining:
                postings[entity_id], posting_ids[entity_id] = remaining, posting_ids[entity_id] - {fact.id}
            else:
                del postings[entity_id], posting_ids[entity_id]
        self._copied("by_id").pop(fact.id)
        self._derived.pop(fact.id, None)

    def _add(self, fact: Fact) -> None:
        self._copied("by_id")[fact.id] = fact
        derived = self._derived[fact.id] = self._derive(fact, dates.sort_key(fact.date))
        involved, date_key = derived.involved, derived.date_key
        ranked = self._copied("_ranked")
        postings, posting_ids = self._copied("postings"), self._copied("posting_ids")
        for entity_id in involved:
            listed = postings.get(entity_id, ())
            at = bisect_left(listed, fact.id, key=lambda f: f.id)
            postings[entity_id] = (*listed[:at], fact, *listed[at:])
            posting_ids[entity_id] = posting_ids.get(entity_id, frozenset()) | {fact.id}
            runs = ranked[entity_id] = dict(ranked.get(entity_id, {}))
            run = standing(fact, entity_id)
            runs[run] = self._ranked_run(runs.get(run, []), fact, date_key, present=False)
        if self._built("_recent"):
            recent = self._copied("_recent")
            for kind in (None, fact.kind):
                recent[kind] = _with(*recent.get(kind, ((), [])), _recent_key(date_key, fact), fact)
        if self._built("word_postings"):
            self._vocabularies[fact.id] = (fact, *self._words_of(fact))
            postings = self._copied("word_postings")
            new = [word for word in dict.fromkeys(self.vocabulary(fact)) if word not in postings]
            for word in self.vocabulary(fact):
                postings[word] = (*postings.get(word, ()), fact.id)
            if new:  # a new list: the catalog before this write still reads the old one
                words = list(self.words_sorted)
                for word in new:
                    insort(words, word)
                self.__dict__["words_sorted"] = words

    def warm(self) -> Catalog:
        """Builds the lookup structures now rather than during the first query (start-up pays, not users)."""
        with collector_paused():
            for structure in ("index", "_derived", "postings", "posting_ids", "_ranked"):
                getattr(self, structure)
        return self

    def has_word_index(self) -> bool:
        return all(name in self.__dict__ for name in WORD_INDEX)

    def warm_words(self) -> Catalog:
        """Builds the word index, which only free-text queries need: seconds at 100,000 facts, so the bot
        builds it in the background after start-up instead of making the first such query wait."""
        with collector_paused():
            _ = self.words_sorted
        return self

    @cached_property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact shown, by id."""
        return tuple(sorted(self.by_id.values(), key=lambda fact: fact.id))

    @cached_property
    def index(self) -> AliasIndex:
        return AliasIndex(self.entities.values())

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def name(self, entity_id: str | None) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else (entity_id or "")

    def involved(self, fact: Fact) -> tuple[str, ...]:
        """The fact's entities, plus the country of its place and of its people, so "/chronologie Japon"
        finds what Japan's minister did; the matcher counts those countries as indirect evidence."""
        return self._derived_of(fact).involved

    @cached_property
    def _derived(self) -> dict[int, _Derived]:
        """Fact id → what is derived from that fact, one table shared by every catalog that follows from this
        one: a write replaces the entries of the facts it changes rather than copying 100,000 of them for the
        new catalog. A lookup may still be reading an older catalog, whose version of a fact the write
        replaced: `_derived_of` derives it again when the entry was not derived from the very fact asked about."""
        self._index_entities()
        return self.__dict__["_derived"]

    def _index_entities(self) -> None:
        """`_derived` and `postings` in one pass over the facts by id, the step per fact and entity both take."""
        date_keys: dict[str | None, tuple[int, int, int]] = {}  # many facts share a date: each is parsed once
        derived: dict[int, _Derived] = {}
        lists: dict[str, list[Fact]] = {}
        derive = self._derive
        for fact in self.facts:
            date_key = date_keys.get(fact.date) or date_keys.setdefault(fact.date, dates.sort_key(fact.date))
            fact_derived = derived[fact.id] = derive(fact, date_key)
            for entity_id in fact_derived.involved:
                listed = lists.get(entity_id)
                if listed is None:
                    lists[entity_id] = [fact]
                else:
                    listed.append(fact)
        # Either may have been built alone already (a catalog that follows another shares its `_derived`).
        self.__dict__.setdefault("_derived", derived)
        self.__dict__.setdefault("postings", {entity_id: tuple(facts) for entity_id, facts in lists.items()})

    def _derive(self, fact: Fact, date_key: tuple[int, int, int]) -> _Derived:
        """Sorted tuples rather than sets: a fact involves a handful of entities, and 100,000 small sets
        weigh tens of megabytes more."""
        direct, country_of = tuple(sorted(fact.entity_ids())), self._country_ids
        countries = {country_of[e] for e in direct if e in country_of}
        involved = tuple(sorted(countries.union(direct))) if countries else direct
        return _Derived(fact, involved, direct, date_key)

    def _derived_of(self, fact: Fact) -> _Derived:
        derived = self._derived.get(fact.id)
        if derived is None or derived.fact is not fact:
            derived = self._derive(fact, dates.sort_key(fact.date))
        return derived

    @cached_property
    def _country_ids(self) -> dict[str, str]:
        """Entity → the id of its country, for the entities that have one (computed once, not per fact)."""
        return {entity_id: sys.intern(f"pays:{e.country}") for entity_id, e in self.entities.items() if e.country}

    @cached_property
    def postings(self) -> dict[str, tuple[Fact, ...]]:
        """Entity → the facts involving it, by id: a query that names an entity reads only those."""
        self._index_entities()
        return self.__dict__["postings"]

    def direct(self, fact: Fact) -> tuple[str, ...]:
        """Parties, people and place: what the fact involves directly."""
        return self._derived_of(fact).direct

    def date_key(self, fact: Fact) -> tuple[int, int, int]:
        # `_derived_of` inlined: merges and sorts call this once per fact they read.
        derived = self._derived.get(fact.id)
        return derived.date_key if derived is not None and derived.fact is fact else dates.sort_key(fact.date)

    @cached_property
    def posting_ids(self) -> dict[str, frozenset[int]]:
        return {entity_id: frozenset(map(_FACT_ID, facts)) for entity_id, facts in self.postings.items()}

    @cached_property
    def _ranked(self) -> dict[str, dict[int, list[Fact]]]:
        """Entity → its facts in runs by standing (how central it is to them, 0 when only its country is
        involved), each run in `_rank_tail` order: one sort of all facts, then one pass."""
        # by_id is in id order: read backwards, the stable sort below leaves each tie in the `-id` order
        # `_rank_tail` ends with.
        derived = [self._derived_of(fact) for fact in reversed(self.by_id.values())]
        # One integer per fact rather than a (date, firmness) tuple: the sort compares much faster.
        date_rank = {key: rank for rank, key in enumerate(sorted({d.date_key for d in derived}))}
        firmness_span = max(FIRMNESS.values()) + 1
        derived.sort(key=lambda d: date_rank[d.date_key] * firmness_span + FIRMNESS.get(d.fact.status, 0))
        runs: defaultdict[str, defaultdict[int, list[Fact]]] = defaultdict(lambda: defaultdict(list))
        for fact_derived in derived:
            fact = fact_derived.fact
            for entity_id in fact_derived.involved:
                runs[entity_id][standing(fact, entity_id)].append(fact)
        # Plain dictionaries: a lookup of an entity or standing that has no facts must not add one.
        return {entity_id: dict(by_standing) for entity_id, by_standing in runs.items()}

    def _ranked_run(self, run: list[Fact], fact: Fact, date_key, present: bool) -> list[Fact]:
        """A copy of a run of `_ranked` without `fact` (present) or with it."""
        at = bisect_left(run, _rank_tail(date_key, fact), key=lambda f: _rank_tail(self.date_key(f), f))
        return [*run[:at], *run[at + 1 :]] if present else [*run[:at], fact, *run[at:]]

    def ranked_postings(self, entity_id: str) -> Iterator[Fact]:
        """An entity's facts in the order a query naming only that entity ranks them: involving it
        directly before through its country, the most central part first, then newest and firmest."""
        runs = self._ranked.get(entity_id, {})
        return chain.from_iterable(reversed(runs[standing]) for standing in sorted(runs, reverse=True))

    def ranked_among(self, entity_id: str, among: Collection[int], reads: int | None = None) -> Iterator[Fact]:
        """The entity's `ranked_postings` whose ids are `among` these, from the first `reads` of them if
        given: filtered without a step of Python per fact read, since thousands may be read to keep a few."""
        facts, ids = self.ranked_postings(entity_id), map(_FACT_ID, self.ranked_postings(entity_id))
        if reads is not None:
            facts, ids = islice(facts, reads), islice(ids, reads)
        return compress(facts, map(among.__contains__, ids))

    def newest_involving(self, entity_id: str, kind: str | None, count: int) -> list[Fact]:
        """The entity's `count` newest facts (of `kind`), newest then highest id first."""
        return self.newest_of((entity_id,), kind, count)

    def newest_of(
        self, entity_ids: Collection[str], kind: str | None, count: int, among: frozenset[int] | None = None
    ) -> list[Fact]:
        """The `count` newest facts (of `kind`, and `among` these ids when given) that involve one of
        `entity_ids`, newest then highest id first. Each ranked run ends with its newest facts: the runs
        are read backwards, merged by date, until enough facts are taken; the last date taken is read to
        its end, since a run orders a date's facts otherwise."""
        runs = [reversed(run) for entity_id in entity_ids for run in self._ranked.get(entity_id, {}).values()]
        taken: list[Fact] = []
        seen: set[int] = set()
        for fact in heapq.merge(*runs, key=self.date_key, reverse=True):
            if len(taken) >= count and self.date_key(fact) != self.date_key(taken[-1]):
                break
            if fact.id in seen or (kind is not None and fact.kind != kind):
                continue
            if among is not None and fact.id not in among:
                continue
            seen.add(fact.id)
            taken.append(fact)
        taken.sort(key=lambda f: (self.date_key(f), f.id), reverse=True)
        return taken[:count]

    def newest_among(self, ids: Iterable[int], kind: str | None, count: int) -> list[Fact]:
        """The `count` newest of these facts (of `kind`), newest then highest id first."""
        by_id = self.by_id
        of_kind = ids if kind is None else (i for i in ids if by_id[i].kind == kind)
        return [by_id[i] for i in heapq.nlargest(count, of_kind, key=lambda i: (self.date_key(by_id[i]), i))]

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
    def words_sorted(self) -> list[str]:
        return sorted(self.word_postings)

    @cached_property
    def word_matches(self) -> dict:
        """Free words of queries → what they match in this catalog's vocabulary (`matching.word_match`),
        remembered: the same words come back query after query, and keystroke after keystroke."""
        return {}

    @cached_property
    def _recent(self) -> dict[str | None, tuple[list[Fact], list[tuple]]]:
        ordered = sorted((_recent_key(self.date_key(f), f), f) for f in self.by_id.values())
        recent: dict[str | None, tuple[list[Fact], list[tuple]]] = {None: ([], [])}
        for key, fact in ordered:
            for kind in (None, fact.kind):
                facts, keys = recent.setdefault(kind, ([], []))
                facts.append(fact)
                keys.append(key)
        return recent

    def recent(self, kind: str | None) -> list[Fact]:
        """Facts newest first, all kinds (None) or one: what an empty autocomplete offers."""
        return self._recent.get(kind, ((), ()))[0]

    @cached_property
    def _vocabularies(self) -> dict[int, tuple[Fact, tuple[str, ...], tuple[str, ...]]]:
        """Fact id → the fact and its `vocabularies`: shared, like `_derived`, by the catalogs that follow this
        one, and read only for the very fact it was derived from."""
        return {fact.id: (fact, *self._words_of(fact)) for fact in self.by_id.values()}

    def _words_of(self, fact: Fact) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The words of the headline, and those only the rest of the text mentions: tuples of shared
        strings, a few dozen bytes a fact where sets took a few hundred."""
        headline = " ".join([fact.title, fact.nature or "", *fact.topics])
        mentions = " ".join(
            [fact.summary, fact.status, *(s.quote for s in fact.sources), *(p.role for p in fact.people)]
        )
        headline_words = dict.fromkeys(vocabulary_words(headline))
        mentioned = dict.fromkeys(word for word in vocabulary_words(mentions) if word not in headline_words)
        return tuple(headline_words), tuple(mentioned)

    def vocabularies(self, fact: Fact) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Words of the title, nature and topics (what the fact is about), and words only the summary,
        status, quotes and roles hold."""
        found = self._vocabularies.get(fact.id)
        return (found[1], found[2]) if found is not None and found[0] is fact else self._words_of(fact)

    def vocabulary(self, fact: Fact) -> tuple[str, ...]:
        """Every word the fact's text holds, summary and quotes included."""
        headline, mentioned = self.vocabularies(fact)
        return headline + mentioned

    def facts_involving(self, entity_id: str) -> list[Fact]:
        return list(self.postings.get(entity_id, ()))
