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


def _fact_choices(catalog: Catalog, kind: str | None, current: str) -> list[Choice]:
    if not current.strip():
        return [fact_choice(fact) for fact in catalog.recent(kind)[:MAX_CHOICES]]
    found = [ranked.fact for ranked in search(catalog, current, kind).results if ranked.covered or ranked.text_score]
    typed = words(current)
    if typed and len(found) < MAX_CHOICES:
        # The last word is usually still being typed: "jap" should already offer Japan's facts.
        seen = {fact.id for fact in found}
        for entity_id in catalog.index.complete(typed[-1], limit=5):
            found += [f for f in catalog.newest_involving(entity_id, kind, MAX_CHOICES) if f.id not in seen]
            seen.update(f.id for f in found)
    return [fact_choice(fact) for fact in found[:MAX_CHOICES]]


def _entity_choices(catalog: Catalog, current: str, kinds: tuple[str, ...] | None) -> list[Choice]:
    involved = catalog.involved_anywhere
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
