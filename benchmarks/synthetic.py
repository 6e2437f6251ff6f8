"""Synthetic stores that look like a year of news: real countries and organisations, a few thousand people,
Zipf-like frequencies (a handful of countries in most facts), French titles, dated over three years."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import orjson

from facts.countries import country_entities
from facts.model import Entity, Fact, Participant, Source
from facts.seed_store import curated_document
from facts.storage import SCHEMA_VERSION
from facts.store import compact_fact_doc, entity_to_doc, fact_to_doc

FIRST_NAMES = "Amina Jean Li Sofia Kenji Olga Ahmed Maria Pedro Fatou Anna Yuki Omar Elena Tomas Aisha".split()
LAST_NAMES = "Diallo Martin Wang Rossi Tanaka Ivanova Haddad Silva Santos Ndiaye Novak Sato Khalil Petrov".split()
ROLES = ("ministre des Affaires étrangères", "Premier ministre", "président", "ministre de la Défense")
TOPICS = ("défense", "commerce", "énergie", "climat", "santé", "sécurité maritime", "numérique", "agriculture")
TITLES = {
    "accord": ("Accord de {topic} {a}–{b}", "Partenariat stratégique {a}–{b}", "Mémorandum sur {topic} {a}–{b}"),
    "visite": ("Visite de {person} en {b}", "Visite officielle de {person} à {b}"),
    "rencontre": ("Rencontre {person} – {other}", "Entretiens {a}–{b} sur {topic}"),
}


def _zipf_pick(rng: random.Random, items: list, exponent: float = 1.1):
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def generate(count: int, seed: int = 7) -> tuple[list[Entity], list[Fact]]:
    rng = random.Random(seed)
    countries = list(country_entities())
    rng.shuffle(countries)
    orgs = [Entity(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})
            for raw in curated_document()["entities"] if raw["kind"] == "organisation"]  # fmt: skip
    parties = countries + orgs
    people = [
        Entity(
            id=f"pers:synth-{n}",
            kind="personne",
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}-{n}",
            roles=(rng.choice(ROLES),),
            country=_zipf_pick(rng, countries).iso,
        )
        for n in range(max(50, min(4000, count // 25)))
    ]
    start = date(2023, 1, 1)
    facts = []
    for number in range(1, count + 1):
        kind = rng.choices(("accord", "visite", "rencontre"), weights=(4, 3, 3))[0]
        a, b = _zipf_pick(rng, parties), _zipf_pick(rng, parties)
        while b.id == a.id:
            b = _zipf_pick(rng, parties)
        person, other = rng.choice(people), rng.choice(people)
        topic = rng.choice(TOPICS)
        title = rng.choice(TITLES[kind]).format(a=a.name, b=b.name, person=person.name, other=other.name, topic=topic)
        when = start + timedelta(days=rng.randrange(3 * 365))
        quote = f"{a.name} et {b.name} ont annoncé {title.lower()} le {when.isoformat()}."
        facts.append(
            Fact(
                id=number, kind=kind, title=title, status={"accord": "signé", "visite": "effectuée"}.get(kind, "tenue"),
                parties=(a.id, b.id), people=(Participant(person.id, person.roles[0], "participant"),),
                date=when.isoformat(), topics=(topic,), summary=f"{title}, {topic}.",
                sources=(Source(article=f"synthetique-{number}.txt", quote=quote, start=0, end=len(quote)),),
            )
        )  # fmt: skip
    return people + orgs, facts


def write_store(path: Path, count: int, seed: int = 7) -> None:
    """A store file as FactStore writes it, without going through one insert per fact."""
    people, facts = generate(count, seed)
    document = {
        "_meta": {"1": {"schema": SCHEMA_VERSION}},
        "entities": {str(n): entity_to_doc(e) for n, e in enumerate(people, 1)},
        "facts": {str(f.id): compact_fact_doc(fact_to_doc(f)) for f in facts},
        "history": {},
    }
    path.write_bytes(orjson.dumps(document) + b"\n")  # the snapshot line, ready for a journal
