"""Finding a quoted sentence in its article, tolerant of the typography copy-paste changes."""

from __future__ import annotations

import re

_APOSTROPHES = "'’‘`´"
_DOUBLE_QUOTES = '"“”'


def _pattern(quote: str) -> re.Pattern[str]:
    parts = []
    for char in quote.strip():
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{re.escape(_APOSTROPHES)}]")
        elif char in _DOUBLE_QUOTES:
            parts.append(f"[{re.escape(_DOUBLE_QUOTES)}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Character offsets of `quote` in `text`, ignoring differences of spacing and apostrophes."""
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    match = _pattern(quote).search(text)
    return (match.start(), match.end()) if match else None
