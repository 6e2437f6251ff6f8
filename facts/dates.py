"""Dates as the articles give them: a day, a month, a season or a year, never more precise than stated.

Stored as ISO 8601 strings cut to the known precision ("2024-11-01", "2024-09", "2023"), seasons in the
EDTF notation of ISO 8601-2 ("2025-23" is autumn 2025), so a month stays a month and is never guessed
into a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache

from babel.dates import get_month_names

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# EDTF season codes, with the month each one starts in (northern hemisphere), for ordering.
SEASONS = {21: ("printemps", 3), 22: ("été", 6), 23: ("automne", 9), 24: ("hiver", 12)}


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        month = SEASONS[self.season][1] if self.season else (self.month or 1)
        return (self.year, month, self.day or 1)

    @property
    def precision(self) -> str:
        if self.day:
            return "jour"
        if self.season:
            return "saison"
        return "mois" if self.month else "année"


def parse(value: str) -> PartialDate:
    """Reads a stored date; raises ValueError with a French message when it is not one."""
    match = _PATTERN.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"date invalide « {value} » (attendu AAAA, AAAA-MM, AAAA-MM-JJ ou AAAA-21..24)")
    year, second, day = int(match[1]), match[2], match[3]
    if second is None:
        return PartialDate(year)
    number = int(second)
    if day is None and number in SEASONS:
        return PartialDate(year, season=number)
    if not 1 <= number <= 12:
        raise ValueError(f"date invalide « {value} » : mois {number} hors de 1 à 12")
    if day is None:
        return PartialDate(year, number)
    try:
        Date(year, number, int(day))
    except ValueError:
        raise ValueError(f"date invalide « {value} » : ce jour n'existe pas") from None
    return PartialDate(year, number, int(day))


def is_valid(value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def sort_key(value: str | None) -> tuple[int, int, int]:
    """Chronological key; facts without a date sort first."""
    return parse(value).sort_key if value else (0, 0, 0)


@lru_cache(maxsize=10_000)  # an autocomplete shows 25 dates per keystroke, and babel's month names are slow
def format_fr(value: str | None) -> str:
    """French rendering: "1er novembre 2024", "septembre 2024", "automne 2025", "2023"."""
    if not value:
        return "date inconnue"
    when = parse(value)
    if when.season:
        return f"{SEASONS[when.season][0]} {when.year}"
    if not when.month:
        return str(when.year)
    month = get_month_names("wide", locale="fr")[when.month]
    if not when.day:
        return f"{month} {when.year}"
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day} {month} {when.year}"


_SEASON_CODES = {name: code for code, (name, _) in SEASONS.items()}
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


def from_french(text: str) -> str:
    """A date as a moderator types it ("1er novembre 2024", "01/11/2024", "novembre 2024",
    "automne 2025", "2024-11-01") in the stored form; ValueError in French otherwise."""
    cleaned = " ".join(text.casefold().replace("1er", "1").split())
    if _PATTERN.match(cleaned):
        parse(cleaned)
        return cleaned
    numeric = _NUMERIC.match(cleaned)
    if numeric:
        return _checked(int(numeric[3]), int(numeric[2]), int(numeric[1]), text)
    words = cleaned.removeprefix("le ").removeprefix("en ").removeprefix("à l'").split()
    months = {name.casefold(): number for number, name in get_month_names("wide", locale="fr").items()}
    if len(words) == 2 and words[1].isdigit():
        if words[0] in months:
            return f"{int(words[1]):04d}-{months[words[0]]:02d}"
        if words[0] in _SEASON_CODES:
            return f"{int(words[1]):04d}-{_SEASON_CODES[words[0]]}"
    if len(words) == 3 and words[0].isdigit() and words[1] in months and words[2].isdigit():
        return _checked(int(words[2]), months[words[1]], int(words[0]), text)
    raise ValueError(
        f"date non reconnue « {text} » (exemples : 1er novembre 2024, 01/11/2024, novembre 2024, automne 2025)"
    )


def _checked(year: int, month: int, day: int, text: str) -> str:
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date invalide « {text} » : ce jour n'existe pas") from None
