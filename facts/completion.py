"""Autocomplete choices for the commands' search option, from the same matcher as the answers."""

from __future__ import annotations

from dataclasses import dataclass

from facts import dates
from facts.catalog import Catalog
from facts.matching import involving_any, name_groups, search
from facts.model import KIND_ICONS, Fact
from facts.normalize import words

MAX_CHOICES = 25
MAX_LENGTH = 100
# How many facts can be sorted for the cost of reading one newest first (merged runs, measured).
WALK_COST = 5
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


def _name_being_typed(catalog: Catalog, typed: list[str]) -> tuple[list[str], list[str]]:
    """(the words before it, the entities it may become) for the name the last words start, when they
    are the start of names some fact involves and not already a whole name ("Sainte-H", "Brésil Jap");
    otherwise ([], []). The longest such run of last words is the name: "Sainte-H" is Saint Helena, not
    every name with a word in "h"."""
    for start in range(len(typed)):
        phrase = " ".join(typed[start:])
        if catalog.index.lookup(phrase):
            return [], []
        completed = [e for e in catalog.index.complete(phrase, limit=5) if e in catalog.involved_anywhere]
        if completed:
            return typed[:start], completed
    return [], []


def _newest_of_completed(catalog: Catalog, kind: str | None, before: list[str], completed: list[str]) -> list[Fact]:
    """The completed entities' newest facts; those that also involve every name typed before come first
    (a name being typed after a country narrows to both)."""
    named_before = _named_groups(catalog, " ".join(before))
    if not named_before:
        return catalog.newest_of(completed, kind, MAX_CHOICES)
    involving_before = sorted((involving_any(catalog, group) for group in named_before), key=len)
    narrowed = involving_before[0].intersection(*involving_before[1:])
    # One intersection per completed name rather than their union: two common names share few facts.
    ids = frozenset().union(*(catalog.posting_ids.get(entity_id, frozenset()) & narrowed for entity_id in completed))
    postings = sum(len(catalog.posting_ids.get(entity_id, ())) for entity_id in completed)
    # Reading the completed names' facts newest first finds MAX_CHOICES shared ones after about
    # MAX_CHOICES * postings / len(ids) of them, each read costing several times a sorted one.
    if len(ids) * len(ids) <= WALK_COST * MAX_CHOICES * postings:
        both = catalog.newest_among(ids, kind, MAX_CHOICES)
    else:
        both = catalog.newest_of(completed, kind, MAX_CHOICES, among=ids)
    if len(both) == MAX_CHOICES:
        return both
    return both + [fact for fact in catalog.newest_of(completed, kind, MAX_CHOICES) if fact.id not in ids]


def _named_groups(catalog: Catalog, text: str) -> list[frozenset[str]]:
    """The entities each name in `text` may be, for names some fact involves."""
    groups = name_groups(catalog.index.resolve(text)).values()
    return [frozenset(group & catalog.involved_anywhere) for group in groups if group & catalog.involved_anywhere]


def _fact_choices(catalog: Catalog, kind: str | None, current: str) -> list[Choice]:
    if not current.strip():
        return [fact_choice(fact) for fact in catalog.recent(kind)[:MAX_CHOICES]]
    before, completed = _name_being_typed(catalog, words(current))
    if completed:
        # The name is completed before anything is scored: its facts, rather than its pieces read as free
        # words against a hundred facts.
        return [fact_choice(fact) for fact in _newest_of_completed(catalog, kind, before, completed)[:MAX_CHOICES]]
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
