"""One answer function per command. Each returns what to say, never how: the adapters render it.

Both the Discord bot and the console call these with the same catalog, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from facts import dates
from facts.catalog import Catalog
from facts.matching import TEXT_ONLY_THRESHOLD, Search, search
from facts.model import A_KIND, Entity, Fact
from facts.normalize import fold

MAX_LISTED = 10
MAX_QUERY = 200
MAX_MESSAGE = 4000
SPECIFICITY = {"personne": 3, "lieu": 2}

NONE_OF_KIND = {"accord": "aucun accord", "visite": "aucune visite", "rencontre": "aucune rencontre"}
_FACT_ID = re.compile(r"^\s*(?:#|n°|no\.?|fait\s*)?\s*(\d{1,9})\s*$", re.IGNORECASE)

# Question words → the field the asker wants first.
_PLACE_QUESTION = re.compile(r"(?:^\s*ou\b|(?:^|\s)où\b|\bwhere\b|\bville\b|(?<!\beu )\blieu\b)")
_QUESTION_FIELDS = (
    (re.compile(r"\b(vigueur|applicable|into force|in force|take effect)\b"), "date_in_force"),
    (re.compile(r"\b(quand|quelle date|a quelle date|when|date)\b"), "date"),
    (_PLACE_QUESTION, "place"),
    (re.compile(r"\b(qui|who|signataires?|participants?)\b"), "people"),
    (re.compile(r"\b(quoi|domaines?|sujets?|contenu|couvre|what)\b"), "topics"),
)
QUESTION_WORDS = frozenset(
    """
    quand quelle date where when ou lieu ville qui who signataire signataires participant participants
    quoi domaine domaines sujet sujets contenu couvre what vigueur applicable entre entrera est ce que
    signe signes signee
    """.split()
)


@dataclass(frozen=True, slots=True)
class FactList:
    """Facts found for a query: the first is shown in full, the others listed."""

    command: str
    query: str
    facts: tuple[Fact, ...]
    focus: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PersonCard:
    person: Entity
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Chronology:
    query: str
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class SourceList:
    fact: Fact


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class NotFound:
    """Nothing to show; `message` says why in French, `suggestions` are names worth trying."""

    command: str
    query: str
    message: str
    suggestions: tuple[str, ...] = ()


Answer = FactList | PersonCard | Chronology | SourceList | Help | NotFound


def _enumerate_fr(names: Iterable[str]) -> str:
    """ "A", "A et B", "A, B et C"."""
    items = list(names)
    return ", ".join(items[:-1]) + " et " + items[-1] if len(items) > 1 else "".join(items)


def _check_query(command: str, query: str) -> NotFound | None:
    if not query or not query.strip():
        return NotFound(command, "", f"Précisez ce que vous cherchez, par exemple : /{command} Japon UE")
    if len(query) > MAX_QUERY:
        return NotFound(command, query[:50], f"Recherche trop longue ({len(query)} caractères, {MAX_QUERY} au plus).")
    return None


def _suggestions(catalog: Catalog, search_result: Search, query: str) -> tuple[str, ...]:
    """Names close to what was typed, among the entities some fact involves."""
    text = " ".join(search_result.resolution.leftover) or query
    close = catalog.index.suggest(text, limit=5, among=set(catalog.involved_anywhere))
    return tuple(catalog.name(entity_id) for entity_id, _ in close)


def _names(catalog: Catalog, groups: Iterable[frozenset[str]]) -> str:
    return _enumerate_fr(catalog.name(min(group)) for group in groups)


def _not_found(catalog: Catalog, command: str, query: str, kind: str | None, found: Search) -> NotFound:
    what = NONE_OF_KIND[kind] if kind else "aucun fait"
    if found.wanted:
        message = f"Je ne connais {what} impliquant {_names(catalog, found.wanted)}."
        others = search(catalog, query).results if kind else ()
        if others:
            kinds = sorted({r.fact.kind for r in others})
            message += " Essayez " + " ou ".join(f"/{k} {query}" for k in kinds) + "."
        return NotFound(command, query, message)
    if found.absent:
        names = _enumerate_fr(catalog.name(entity_id) for entity_id in found.absent)
        return NotFound(command, query, f"Je ne connais {what} impliquant {names}.")
    return NotFound(command, query, f"Je ne trouve {what} pour « {query} ».", _suggestions(catalog, found, query))


def _fact_list(catalog: Catalog, command: str, query: str, kind: str | None, focus: str | None = None) -> Answer:
    invalid = _check_query(command, query)
    if invalid:
        return invalid
    by_id = _FACT_ID.match(query)
    if by_id:
        return _by_id(catalog, command, int(by_id[1]), kind, focus)
    found = search(catalog, query, kind, ignore=QUESTION_WORDS if focus else frozenset())
    if not found.results:
        return _not_found(catalog, command, query, kind, found)
    ranked = found.complete if found.wanted else found.results
    notes = []
    if not ranked:
        notes.append(f"Aucun résultat n'implique directement {_names(catalog, found.wanted)} ; voici les plus proches.")
        ranked = found.results
    if found.absent and ranked[0].text_score < TEXT_ONLY_THRESHOLD:
        names = _enumerate_fr(catalog.name(entity_id) for entity_id in found.absent)
        notes.append(f"Je ne connais aucun fait impliquant {names} ; voici ce qui correspond au reste.")
    facts = tuple(r.fact for r in ranked[:MAX_LISTED])
    return FactList(command, query, facts, focus, " ".join(notes) or None)


def _by_id(catalog: Catalog, command: str, fact_id: int, kind: str | None, focus: str | None) -> Answer:
    fact = catalog.by_id.get(fact_id)
    if fact is None:
        return NotFound(command, str(fact_id), f"Aucun fait n°{fact_id}. Les numéros figurent en pied de chaque fiche.")
    if kind is not None and fact.kind != kind:
        what = A_KIND[fact.kind]
        return NotFound(command, str(fact_id), f"Le fait n°{fact_id} est {what} : /{fact.kind} {fact_id}.")
    return FactList(command, str(fact_id), (fact,), focus)


def accord(catalog: Catalog, query: str) -> Answer:
    return _fact_list(catalog, "accord", query, "accord")


def visite(catalog: Catalog, query: str) -> Answer:
    return _fact_list(catalog, "visite", query, "visite")


def rencontre(catalog: Catalog, query: str) -> Answer:
    return _fact_list(catalog, "rencontre", query, "rencontre")


def question_focus(query: str) -> str | None:
    """The field a French (or English) question asks for, if the query is a question. "où" loses its
    accent when folded and then reads as "ou" (or), so the place question is read on the raw text, where
    a leading unaccented "ou" is still taken for "où"."""
    lowered = query.casefold()
    for pattern, field in _QUESTION_FIELDS:
        text = lowered if field == "place" else fold(query)
        if pattern.search(text):
            return field
    return None


def chercher(catalog: Catalog, query: str) -> Answer:
    """Free text over every fact; a question puts the asked field first."""
    return _fact_list(catalog, "chercher", query, None, question_focus(query or ""))


def _resolve_entities(catalog: Catalog, query: str, kinds: tuple[str, ...] | None = None) -> list[Entity]:
    resolution = catalog.index.resolve(query)
    found = [catalog.entities[i] for i in resolution.entity_ids if i in catalog.entities]
    return [e for e in found if kinds is None or e.kind in kinds]


def personne(catalog: Catalog, query: str) -> Answer:
    invalid = _check_query("personne", query)
    if invalid:
        return invalid
    named = _resolve_entities(catalog, query)
    people = [entity for entity in named if entity.kind == "personne"]
    if named and not people:
        other = named[0]
        return NotFound(
            "personne",
            query,
            f"{other.name} n'est pas une personne ({other.kind}) : essayez /chronologie {query}.",
        )
    if not people:
        known = [
            catalog.name(entity_id)
            for entity_id, _ in catalog.index.suggest(query, limit=20)
            if catalog.entities.get(entity_id) and catalog.entities[entity_id].kind == "personne"
        ]
        return NotFound("personne", query, f"Je ne connais personne du nom de « {query} ».", tuple(known[:5]))
    person = people[0]
    facts = sorted(catalog.facts_involving(person.id), key=lambda f: dates.sort_key(f.date), reverse=True)
    return PersonCard(person, tuple(facts))


def chronologie(catalog: Catalog, query: str) -> Answer:
    """Facts involving every entity named, oldest first."""
    invalid = _check_query("chronologie", query)
    if invalid:
        return invalid
    entities = _resolve_entities(catalog, query)
    if not entities:
        found = search(catalog, query)
        return NotFound(
            "chronologie",
            query,
            f"Je ne reconnais aucun pays, organisation ou personne dans « {query} ».",
            _suggestions(catalog, found, query),
        )
    facts = [f for f in catalog.facts if all(e.id in catalog.involved(f) for e in entities)]
    if not facts:
        names = _enumerate_fr(e.name for e in entities)
        return NotFound("chronologie", query, f"Aucun fait n'implique à la fois {names}.")
    facts.sort(key=lambda f: (dates.sort_key(f.date), f.id))
    return Chronology(query, tuple(entities), tuple(facts))


def source(catalog: Catalog, query: str) -> Answer:
    """The quoted sentences behind a fact, by id ("#4") or by search."""
    invalid = _check_query("source", query)
    if invalid:
        return invalid
    by_id = _FACT_ID.match(query)
    if by_id:
        fact = catalog.by_id.get(int(by_id[1]))
        if fact is None:
            return NotFound("source", query, f"Aucun fait n°{by_id[1]}. Les numéros figurent en pied de chaque fiche.")
        return SourceList(fact)
    found = search(catalog, query)
    if not found.results:
        return _not_found(catalog, "source", query, None, found)
    return SourceList(found.results[0].fact)


def aide(catalog: Catalog, query: str = "") -> Answer:
    return Help()


def faits_lies(catalog: Catalog, message: str) -> Answer:
    """Facts about the countries, organisations and people a chat message names (exact names only)."""
    named = catalog.index.resolve(message[:MAX_MESSAGE], fuzzy=False).entity_ids
    if not named:
        return NotFound("faits liés", "", "Je ne reconnais aucun pays, organisation ou personne dans ce message.")
    # A person named is a sharper clue than a country: "Borrell … Japonais" is about his agreement.
    weights = {entity_id: SPECIFICITY.get(catalog.entities[entity_id].kind, 1) for entity_id in named}
    scored = [
        (sum(weights[e] for e in set(named).intersection(catalog.involved(fact))), fact) for fact in catalog.facts
    ]
    ranked = sorted(
        ((count, fact) for count, fact in scored if count),
        key=lambda item: (item[0], dates.sort_key(item[1].date), -item[1].id),
        reverse=True,
    )
    names = _enumerate_fr(catalog.name(entity_id) for entity_id in named)
    if not ranked:
        return NotFound("faits liés", "", f"Aucun fait connu sur {names}.")
    facts = tuple(fact for _, fact in ranked[:MAX_LISTED])
    return FactList("faits liés", names, facts, note=f"Reconnu dans le message : {names}.")
