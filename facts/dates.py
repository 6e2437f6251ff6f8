"""Dates as the articles give them: a day, a month, a season or a year, never more precise than stated.

Stored as ISO 8601 strings cut to the known precision ("2024-11-01", "2024-09", "2023"), seasons in the
EDTF notation of ISO 8601-2 ("2025-23" is autumn 2025), so a month stays a month and is never guessed
into a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from babel.dates import get_month_names

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# EDTF season codes, with the month each one starts in (northern hemisphere), for ordering.
SEASONS = {21: ("printemps", 3), 22: ("été", 6), 23: ("automne", 9), 24: ("hiver", 12)}


@dataclass(frozen=True, slots=True, order=True)
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

    def as_date(self) -> Date | None:
        return Date(self.year, self.month, self.day) if self.day and self.month else None


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
