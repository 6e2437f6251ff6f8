"""Autocomplete choices for the commands' search option, from the same matcher as the answers."""

from __future__ import annotations

from dataclasses import dataclass

from facts import dates
from facts.catalog import Catalog
from facts.matching import search
from facts.model import KIND_ICONS, Fact
from facts.normalize import words

MAX_CHOICES = 25
MAX_LENGTH = 100
FACT_COMMANDS = {
    "accord": "accord",
    "visite": "visite",
    "rencontre": "rencontre",
    "chercher": None,
    "source": None,
}


@dataclass(frozen=True, slots=True)
class Choice:
    name: str
    value: str


def _clip(text: str) -> str:
    return text if len(text) <= MAX_LENGTH else text[: MAX_LENGTH - 1].rstrip() + "…"


def fact_choice(fact: Fact) -> Choice:
    when = dates.format_fr(fact.date) if fact.date else "date inconnue"
    suffix = f" — {when}"
    title = _clip(f"{KIND_ICONS[fact.kind]} {fact.title}")[: MAX_LENGTH - len(suffix)]
    return Choice(title + suffix, f"#{fact.id}")


def _recent(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda fact: (dates.sort_key(fact.date), fact.id), reverse=True)


def _fact_choices(catalog: Catalog, kind: str | None, current: str) -> list[Choice]:
    pool = [fact for fact in catalog.facts if kind is None or fact.kind == kind]
    if not current.strip():
        return [fact_choice(fact) for fact in _recent(pool)[:MAX_CHOICES]]
    found = [ranked.fact for ranked in search(catalog, current, kind).results if ranked.covered or ranked.text_score]
    typed = words(current)
    if typed:
        # The last word is usually still being typed: "jap" should already offer Japan's facts.
        completed = set(catalog.index.complete(typed[-1]))
        found += _recent([fact for fact in pool if completed & catalog.involved(fact) and fact not in found])
    return [fact_choice(fact) for fact in found[:MAX_CHOICES]]


def _entity_choices(catalog: Catalog, current: str, kinds: tuple[str, ...] | None) -> list[Choice]:
    involved = set().union(*(catalog.involved(fact) for fact in catalog.facts)) if catalog.facts else set()
    candidates = catalog.index.complete(current, limit=200) if current.strip() else sorted(involved)
    candidates += [entity_id for entity_id, _ in catalog.index.suggest(current, limit=10)] if current.strip() else []
    choices: list[Choice] = []
    for entity_id in dict.fromkeys(candidates):
        entity = catalog.entity(entity_id)
        if entity is None or entity_id not in involved or (kinds and entity.kind not in kinds):
            continue
        label = f"{entity.name} — {entity.roles[0]}" if entity.roles else entity.name
        choices.append(Choice(_clip(label), entity.name[:MAX_LENGTH]))
        if len(choices) == MAX_CHOICES:
            break
    return choices


def complete(catalog: Catalog, command: str, current: str) -> list[Choice]:
    """At most 25 choices for what has been typed so far in `command`'s search option."""
    current = current[:200]
    if command in FACT_COMMANDS:
        return _fact_choices(catalog, FACT_COMMANDS[command], current)
    if command == "personne":
        return _entity_choices(catalog, current, ("personne",))
    if command == "chronologie":
        return _entity_choices(catalog, current, None)
    return []
