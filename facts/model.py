"""The facts the bot knows about, and the entities they involve. Plain values, no storage concerns."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("accord", "visite", "rencontre")
KIND_ICONS = {"accord": "📜", "visite": "✈️", "rencontre": "🤝"}
A_KIND = {"accord": "un accord", "visite": "une visite", "rencontre": "une rencontre"}

# Status vocabulary per kind: the first one is the default.
STATUSES = {
    "accord": ("signé", "conclu", "de principe", "convenu", "annoncé", "prévu"),
    "visite": ("effectuée", "prévue", "annulée"),
    "rencontre": ("tenue", "prévue", "annulée"),
}

REVIEW_STATES = ("approuvé", "proposé", "rejeté")
# Done before agreed before planned, whatever the kind (statuses are per kind above).
FIRMNESS = {"signé": 3, "conclu": 3, "effectuée": 3, "tenue": 3, "convenu": 2, "de principe": 2, "annoncé": 1,
            "prévu": 1, "prévue": 1}  # fmt: skip

# Entity ids read "pays:JP", "org:ue", "pers:iwaya-takeshi", "lieu:kyiv".
ID_PREFIXES = {"pays": "pays", "organisation": "org", "personne": "pers", "lieu": "lieu"}


def kind_of(entity_id: str) -> str:
    """The entity kind an id names; ids from elsewhere ("nouveau:…") count as organisations."""
    prefix = entity_id.split(":", 1)[0]
    return next((kind for kind, known in ID_PREFIXES.items() if known == prefix), "organisation")


# How a person takes part in a fact.
PARTS = ("signataire", "visiteur", "hôte", "participant", "témoin")


@dataclass(frozen=True, slots=True)
class Entity:
    """A country, organisation, person or place, with every name it can be called by."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    iso: str | None = None
    flag: str | None = None
    roles: tuple[str, ...] = ()
    country: str | None = None
    guild_id: int | None = None  # the server whose moderators named it; None for shared entities

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Participant:
    entity: str
    role: str = ""
    part: str = "participant"


@dataclass(frozen=True, slots=True)
class Source:
    article: str
    quote: str
    url: str | None = None
    published: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    id: int
    kind: str
    title: str
    status: str
    parties: tuple[str, ...] = ()
    people: tuple[Participant, ...] = ()
    place: str | None = None
    date: str | None = None
    date_in_force: str | None = None
    topics: tuple[str, ...] = ()
    nature: str | None = None
    summary: str = ""
    sources: tuple[Source, ...] = ()
    guild_id: int | None = None
    version: int = 1
    deleted: bool = False
    review: str = "approuvé"  # "proposé" while an extracted fact waits for a moderator, or "rejeté"
    confidence: float | None = None  # the extractor's, for proposed facts

    def entity_ids(self) -> set[str]:
        """Every entity the fact involves: parties, people and place."""
        ids = set(self.parties)
        ids.update(p.entity for p in self.people)
        if self.place:
            ids.add(self.place)
        return ids
