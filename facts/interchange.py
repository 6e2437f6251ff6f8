"""The documented JSON exchange format (docs/facts-format.md): validation, import and export.

An import is checked whole before anything is written, then applied in one batch: a bad file changes
nothing, and the error names the record and the field at fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from facts import dates
from facts.aliases import AliasIndex
from facts.catalog import known_entities
from facts.matching import KIND_WORDS
from facts.model import ID_PREFIXES, KINDS, PARTS, REVIEW_STATES, STATUSES, Entity, Fact, Participant, Source
from facts.normalize import STOP_WORDS, fold
from facts.sources import locate
from facts.store import FactStore, entity_from_doc, entity_to_doc

MAX_TITLE = 200
MAX_SUMMARY = 2000
MAX_QUOTE = 1000
# Words a name can never be: they would make every query mentioning them match the entity.
NOT_NAMES = (
    STOP_WORDS
    | frozenset().union(*KIND_WORDS.values())
    | frozenset("quand vigueur lieu date signe signes signee".split())
)


class InvalidDocument(ValueError):
    """The file cannot be imported; the message lists each fault, in French."""


@dataclass
class ImportReport:
    facts: list[Fact]
    new_entities: list[Entity]
    skipped: int = 0  # records already in the store


def _label(index: int, record: object) -> str:
    title = record.get("title") if isinstance(record, dict) else None
    return f"fait n°{index + 1}" + (f" (« {title} »)" if isinstance(title, str) and title else "")


def check_record(record: object) -> list[tuple[str, str]]:
    """(field, problem) pairs for one record of the "facts" list."""
    if not isinstance(record, dict):
        return [("", "doit être un objet JSON")]
    problems: list[tuple[str, str]] = []
    known = {
        "kind", "title", "status", "parties", "people", "place", "date", "date_in_force",
        "topics", "nature", "summary", "sources", "id", "guild_id", "review", "confidence",
    }  # fmt: skip
    problems += [(key, "champ inconnu") for key in record if key not in known]
    kind = record.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        problems.append(("kind", f"« {kind} » n'est pas un type connu ({', '.join(KINDS)})"))
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(("title", "obligatoire, texte non vide"))
    elif len(title) > MAX_TITLE:
        problems.append(("title", f"trop long ({len(title)} caractères, {MAX_TITLE} au plus)"))
    status = record.get("status")
    if status is not None and isinstance(kind, str) and kind in STATUSES and status not in STATUSES[kind]:
        problems.append(("status", f"« {status} » invalide pour un(e) {kind} ({', '.join(STATUSES[kind])})"))
    parties = record.get("parties", [])
    if not isinstance(parties, list) or not all(isinstance(p, str) and p.strip() for p in parties):
        problems.append(("parties", "liste de noms (textes non vides)"))
    people = record.get("people", [])
    if not isinstance(people, list):
        problems.append(("people", "liste d'objets {name, role}"))
    else:
        for number, person in enumerate(people, 1):
            if not isinstance(person, dict) or not isinstance(person.get("name"), str) or not person["name"]:
                problems.append((f"people[{number}].name", "obligatoire, texte non vide"))
            elif person.get("part", "participant") not in PARTS:
                problems.append((f"people[{number}].part", f"« {person['part']} » inconnu ({', '.join(PARTS)})"))
            elif not isinstance(person.get("role", ""), str):
                problems.append((f"people[{number}].role", "doit être un texte"))
    for field in ("place", "nature", "summary"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            problems.append((field, "doit être un texte"))
    if isinstance(record.get("summary"), str) and len(record["summary"]) > MAX_SUMMARY:
        problems.append(("summary", f"trop long ({MAX_SUMMARY} caractères au plus)"))
    for field in ("date", "date_in_force"):
        value = record.get(field)
        if value is not None:
            try:
                dates.parse(value)
            except ValueError as error:
                problems.append((field, str(error)))
    if record.get("review", "approuvé") not in REVIEW_STATES:
        problems.append(("review", f"« {record.get('review')} » inconnu ({', '.join(REVIEW_STATES)})"))
    confidence = record.get("confidence")
    if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
        problems.append(("confidence", "nombre entre 0 et 1"))
    guild_id = record.get("guild_id")
    if guild_id is not None and not (isinstance(guild_id, int) and not isinstance(guild_id, bool) and guild_id > 0):
        problems.append(("guild_id", "identifiant de serveur Discord (entier) ou absent"))
    topics = record.get("topics", [])
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        problems.append(("topics", "liste de textes"))
    sources = record.get("sources", [])
    if not isinstance(sources, list) or not sources:
        problems.append(("sources", "au moins une source {article, quote} est requise"))
    else:
        for number, source in enumerate(sources, 1):
            problems += _check_source(number, source)
    return problems


def _check_source(number: int, source: object) -> list[tuple[str, str]]:
    where = f"sources[{number}]"
    if not isinstance(source, dict):
        return [(where, "doit être un objet {article, url, published, quote}")]
    problems = []
    if not (source.get("article") or source.get("url")):
        problems.append((f"{where}.article", "l'article ou l'url est requis"))
    quote = source.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.append((f"{where}.quote", "la phrase citée est obligatoire"))
    elif len(quote) > MAX_QUOTE:
        problems.append((f"{where}.quote", f"trop longue ({MAX_QUOTE} caractères au plus)"))
    published = source.get("published")
    if published is not None and not dates.is_valid(published):
        problems.append((f"{where}.published", f"date invalide « {published} »"))
    for field in ("article", "url"):
        if source.get(field) is not None and not isinstance(source[field], str):
            problems.append((f"{where}.{field}", "doit être un texte"))
    start, end = source.get("start"), source.get("end")
    if (start, end) != (None, None) and not (_is_offset(start) and _is_offset(end) and start <= end):
        problems.append((f"{where}.start", "start et end : positions entières, start ≤ end"))
    return problems


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _check_entity(entity: object) -> list[tuple[str, str]]:
    if not isinstance(entity, dict) or not isinstance(entity.get("name"), str) or not entity["name"].strip():
        return [("name", "obligatoire, texte non vide")]
    problems = []
    if entity.get("kind") not in ID_PREFIXES:
        problems.append(("kind", f"« {entity.get('kind')} » inconnu ({', '.join(ID_PREFIXES)})"))
    problems += [
        (field, "liste de textes") for field in ("aliases", "roles") if not _is_text_list(entity.get(field, []))
    ]
    problems += [
        (field, "doit être un texte")
        for field in ("id", "iso", "flag", "country")
        if entity.get(field) is not None and not isinstance(entity[field], str)
    ]
    return problems


def validate(document: object) -> list[dict]:
    """The list of fact records, or InvalidDocument naming every record and field at fault."""
    if not isinstance(document, dict) or not isinstance(document.get("facts"), list):
        raise InvalidDocument('Le fichier doit être un objet JSON de la forme {"facts": [...]}.')
    faults = [
        f"{_label(index, record)}, champ « {field} » : {problem}" if field else f"{_label(index, record)} : {problem}"
        for index, record in enumerate(document["facts"])
        for field, problem in check_record(record)
    ]
    entities = document.get("entities", [])
    if not isinstance(entities, list):
        faults.append("« entities » doit être une liste")
    else:
        for index, entity in enumerate(entities, 1):
            name = f" ({entity['name']})" if isinstance(entity, dict) and isinstance(entity.get("name"), str) else ""
            faults += [
                f"entité n°{index}{name}, champ « {field} » : {problem}" for field, problem in _check_entity(entity)
            ]
    if faults:
        shown = "\n".join(f"- {fault}" for fault in faults[:20])
        more = f"\n… et {len(faults) - 20} autres erreurs" if len(faults) > 20 else ""
        raise InvalidDocument(f"Import refusé, rien n'a été modifié :\n{shown}{more}")
    return document["facts"]


# How a name is introduced in a French sentence, never part of it.
_PREPOSITION = re.compile(r"^(?:à|au|aux|en|dans)\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:le|la|les)\s+|^l['’]\s*", re.IGNORECASE)


class Resolver:
    """Names → entity ids, creating the entities that do not exist yet (kept for one import).

    With a server, only shared entities and that server's own are known, and new ones belong to it, so
    one server's moderators never change what another server's names mean. With `careful`, for names a
    person typed, a name close to a known one is refused with a suggestion instead of becoming a twin.
    """

    def __init__(self, store: FactStore, guild_id: int | None = None, careful: bool = False) -> None:
        stored = store.entities()
        self.taken = set(stored)
        visible = {key: e for key, e in stored.items() if e.guild_id is None or e.guild_id == guild_id}
        self.known = known_entities(visible)
        self.index = AliasIndex(self.known.values())
        self.guild_id = guild_id
        self.careful = careful
        self.created: dict[str, Entity] = {}

    def declare(self, raw: dict) -> None:
        """Adds or updates an entity the document describes; an existing entity keeps its kind, and
        countries come from babel/pycountry only, so a file cannot turn Japan into a person."""
        if raw["kind"] == "pays" or str(raw.get("id", "")).startswith("pays:"):
            raise InvalidDocument(f"Entité « {raw['name']} » : les pays sont fournis par diplobot, pas par le fichier.")
        entity = entity_from_doc({**raw, "id": raw.get("id") or self._new_id(raw["kind"], raw["name"])})
        existing = self.known.get(entity.id)
        if existing is not None and existing.kind != entity.kind:
            raise InvalidDocument(
                f"Entité « {entity.name} » : l'identifiant {entity.id} désigne déjà {existing.name} ({existing.kind})."
            )
        if entity.id not in self.known or entity != self.known[entity.id]:
            self._add(entity)

    def resolve(self, name: str, kind: str) -> str:
        name = _PREPOSITION.sub("", name.strip())
        without_article = _ARTICLE.sub("", name)
        if without_article != name and not self.index.lookup(name) and self.index.lookup(without_article):
            name = without_article  # "la France" is France, while "Le Caire" stays Le Caire
        if fold(name) in NOT_NAMES or len(fold(name)) < 2:
            raise InvalidDocument(f"« {name} » n'est pas un nom de pays, d'organisation, de personne ou de lieu.")
        # The document's own entities first: its "Tokyo" is the one it declares, not GeoNames' city.
        for entity in self.created.values():
            if fold(name) in {fold(n) for n in entity.names}:
                return entity.id
        owners = self.index.lookup(name)
        if owners:
            return owners[0]
        if self.careful:
            close = self.index.resolve(name).entity_ids
            if close:
                suggestion = self.known[close[0]].name
                raise InvalidDocument(
                    f"« {name} » est inconnu : vouliez-vous dire « {suggestion} » ? Corrigez le nom, ou écrivez-le "
                    "autrement s'il s'agit bien d'une nouvelle entité."
                )
        entity = Entity(id=self._new_id(kind, name), kind=kind, name=name, guild_id=self.guild_id)
        self._add(entity)
        return entity.id

    def adopt(self, entity: Entity) -> str:
        """An entity someone else found (the extractor): the known one of that name, or a new one with
        what was learnt about it (a city's country)."""
        for name in entity.names:
            owners = self.index.lookup(name)
            if owners:
                return owners[0]
        for known in self.created.values():
            if fold(entity.name) in {fold(n) for n in known.names}:
                return known.id
        adopted = Entity(id=self._new_id(entity.kind, entity.name), kind=entity.kind, name=entity.name,
                         country=entity.country, guild_id=self.guild_id)  # fmt: skip
        self._add(adopted)
        return adopted.id

    def _add(self, entity: Entity) -> None:
        self.created[entity.id] = entity
        self.known[entity.id] = entity
        self.taken.add(entity.id)

    def _new_id(self, kind: str, name: str) -> str:
        base = f"{ID_PREFIXES[kind]}:{fold(name).replace(' ', '-')}"
        candidate, number = base, 2
        while candidate in self.taken or candidate in self.known:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def _sources(raw_sources: list[dict], articles_dir: Path | None) -> tuple[Source, ...]:
    sources = []
    for raw in raw_sources:
        quote, start, end = raw["quote"].strip(), raw.get("start"), raw.get("end")
        article = raw.get("article") or raw.get("url")
        path = articles_dir / article if articles_dir and raw.get("article") else None
        if start is None and path is not None and path.is_file():
            text = path.read_text(encoding="utf-8")
            found = locate(quote, text)
            if found:
                start, end = found
                quote = text[start:end]
        sources.append(
            Source(
                article=article,
                quote=quote,
                url=raw.get("url"),
                published=raw.get("published"),
                start=start,
                end=end,
            )
        )
    return tuple(sources)


def draft_from_record(
    record: dict, resolver: Resolver, articles_dir: Path | None = None, guild_id: int | None = None
) -> Fact:
    """A checked record (see check_record) as a Fact not yet stored (id 0), its names resolved."""
    people = tuple(
        Participant(
            entity=resolver.resolve(p["name"], "personne"),
            role=p.get("role", ""),
            part=p.get("part", "participant"),
        )
        for p in record.get("people", [])
    )
    return Fact(
        id=0,
        kind=record["kind"],
        title=record["title"].strip(),
        status=record.get("status") or STATUSES[record["kind"]][0],
        parties=tuple(resolver.resolve(name, "organisation") for name in record.get("parties", [])),
        people=people,
        place=resolver.resolve(record["place"], "lieu") if record.get("place") else None,
        date=record.get("date"),
        date_in_force=record.get("date_in_force"),
        topics=tuple(record.get("topics", [])),
        nature=record.get("nature"),
        summary=(record.get("summary") or "").strip(),
        sources=_sources(record["sources"], articles_dir),
        guild_id=guild_id if guild_id is not None else record.get("guild_id"),
        review=record.get("review", "approuvé"),
        confidence=record.get("confidence"),
    )


def record_from_fact(fact: Fact, name_of: Callable[[str], str]) -> dict:
    """The fact in the exchange format, entity ids written out as names."""
    return {
        "id": fact.id,
        "kind": fact.kind,
        "title": fact.title,
        "status": fact.status,
        "parties": [name_of(p) for p in fact.parties],
        "people": [{"name": name_of(p.entity), "role": p.role, "part": p.part} for p in fact.people],
        "place": name_of(fact.place) if fact.place else None,
        "date": fact.date,
        "date_in_force": fact.date_in_force,
        "topics": list(fact.topics),
        "nature": fact.nature,
        "summary": fact.summary,
        "sources": [
            {key: value for key, value in asdict(source).items() if value is not None} for source in fact.sources
        ],
    } | {
        key: value
        for key, value in (("guild_id", fact.guild_id), ("review", fact.review), ("confidence", fact.confidence))
        if value is not None and not (key == "review" and value == "approuvé")
    }


def import_document(store: FactStore, document: object, who: str, articles_dir: Path | None = None) -> ImportReport:
    """Validates then adds every fact of `document`; all or nothing."""
    records = validate(document)
    resolver = Resolver(store)
    for raw in document.get("entities", []):
        resolver.declare(raw)
    drafts = [draft_from_record(record, resolver, articles_dir) for record in records]
    seen = {_identity(fact) for fact in store.facts()}
    fresh = []
    for draft in drafts:
        if _identity(draft) not in seen:
            seen.add(_identity(draft))
            fresh.append(draft)
    with store.batch():
        for entity in resolver.created.values():
            store.put_entity(entity, who)
        added = [store.add_fact(draft, who) for draft in fresh]
    return ImportReport(added, list(resolver.created.values()), skipped=len(drafts) - len(fresh))


def _identity(fact: Fact) -> tuple:
    """What makes two records the same fact: importing one's own export again adds nothing."""
    return (fact.kind, fold(fact.title), fact.date, frozenset(fact.parties), fact.guild_id)


def export_document(store: FactStore) -> dict:
    """Every live fact, names written out, in the import format (plus entities, ids and offsets)."""
    entities = store.entities()
    known = known_entities(entities)

    def name(entity_id: str) -> str:
        return known[entity_id].name if entity_id in known else entity_id

    facts = [record_from_fact(fact, name) for fact in store.facts()]
    exported_entities = [entity_to_doc(entity) for entity in entities.values()]
    return {"format": "diplobot-facts/1", "entities": exported_entities, "facts": facts}
