"""Who speaks for which organisation, and when: an article that names "Ursula von der Leyen" or "Mme Kallas"
without her title still tells that the Union is a side, and "Kaja Kallas" in 2023 spoke for Estonia.

Data, like the names of countries: `data/offices.json` lists each office with its dates.
"""

from __future__ import annotations

from functools import cache

from facts.normalize import fold
from facts.tables import table


@cache
def _offices() -> dict[str, list[tuple[str, str, str | None]]]:
    """Folded name or alias → (side, first month, last month or None) of each office it held."""
    rows = table("offices.json")["offices"]
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for name, side, _role, aliases, start, end in rows:
        for key in {fold(name), *(fold(alias) for alias in aliases)}:
            found.setdefault(key, []).append((side, start, end))
    return found


def side_in_office(name: str, on: str | None) -> str | None:
    """The side `name` spoke for on the date `on` (an ISO date or a prefix of one; None: today's office)."""
    month = on[:7] if on else None
    for side, start, end in _offices().get(fold(name), []):
        if month is None and end is None:
            return side
        if month is not None and start <= month and (end is None or month <= end):
            return side
    return None
