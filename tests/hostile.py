"""What a hostile or careless user can type, as Hypothesis strategies, and how to tell that a reply left
none of it active.

`st.text()` alone rarely produces a mention, a code fence or a bidi override, so the text is built
from pieces that each exercise one of Discord's rules, mixed with arbitrary Unicode, names the store
knows (so that some inputs reach the deep paths) and very long runs, up to Discord's 6,000 characters.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

MAX_TEXT = 6000

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c")
CONTROL = ("\x00", "\x07", "\x1b[31m", "\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029")
MARKDOWN = (
    "**", "__", "*", "_", "~~", "||", "`", "```", "```py\nprint('x')\n```", "\n> ", ">>> ", "\n# ", "\n-# ", "\n- ",
    "\n1. ", "\\", "\\*", "[clic](https://exemple.invalid/piege)", "<https://exemple.invalid>", "\n**Date :** 1999",
    "**Lieu :** Paris", "«", "»", "—", "[", "]", "(", ")",
)  # fmt: skip
MENTIONS = (
    "@everyone", "@here", "<@123456789012345678>", "<@!42>", "<@&300000000000000001>", "<#700000000000000001>",
    "</fait ajouter:1>", "<t:0:R>", "<:drapeau:1>", "<a:anime:2>", "@", "<", ">",
)  # fmt: skip
URLS = ("https://exemple.invalid/a_b*c~d", "http://127.0.0.1/", "https://x.invalid/(x)", "javascript:alert(1)")
EMOJI = ("🇫🇷", "🇯🇵", "👨\u200d👩\u200d👧", "🤝", "✈️", "📜", "\U0001f600", "🏳️\u200d🌈")
FRENCH = (
    "Japon", "UE", "Union européenne", "France", "Maroc", "Iwaya", "Zelensky", "Kyiv", "Tokyo", "Borrell",
    "accord", "visite", "signé", "quand", "où", "qui", "#4", "4", "n°1", " et ", ", ", " — ", " [signataire]",
    "1er novembre 2024", "31 février 2024", "2024-11-01", "printemps 2025", " ", "  ",
)  # fmt: skip
LONG_RUNS = ("a", "é", "W", "\u200b", "*", "@", "🤝", "\n", " ", "_")

piece = st.one_of(
    st.sampled_from(ZERO_WIDTH + BIDI + CONTROL + MARKDOWN + MENTIONS + URLS + EMOJI + FRENCH),
    st.text(max_size=12),
    st.builds(lambda run, count: run * count, st.sampled_from(LONG_RUNS), st.integers(1, MAX_TEXT)),
)


def hostile_text(min_size: int = 0, max_size: int = MAX_TEXT) -> st.SearchStrategy[str]:
    """Mixed hostile text of `min_size` to `max_size` characters."""
    joined = st.lists(piece, max_size=24).map(lambda parts: "".join(parts)[:max_size])
    return joined.filter(lambda text: len(text) >= min_size)


# --------------------------------------------------------------------------- what must not survive

# Mentions, channels, timestamps, emoji and slash-command links all open with "<"; masked links with "[".
_OPENERS = "<@["
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,3}\s|-#\s|>\s|>>>|[-*+]\s|\d+\.\s)")


def _unescaped(text: str) -> list[tuple[int, str]]:
    """(position, character) of every character not preceded by Discord's escape."""
    found, escaped = [], False
    for position, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            found.append((position, char))
    return found


def active_markup(text: str, lines: bool = True) -> list[str]:
    """What Discord would still read as a mention or a link in `text`, and with `lines`, as a header, a
    quote or a list (field names and titles are single lines where Discord reads neither)."""
    problems = [f"« {char} » actif en {position}" for position, char in _unescaped(text) if char in _OPENERS]
    if lines:
        problems += [f"ligne « {line[:20]} »" for line in text.split("\n") if _LINE_MARKUP.match(line)]
    return problems


def markdown_texts(payload: dict) -> list[tuple[str, bool]]:
    """Every text of a message where Discord reads markdown, and whether it reads line markup there."""
    texts = [(payload.get("content") or "", True)]
    for embed in payload.get("embeds", []):
        texts += [(embed.get("title", ""), False), (embed.get("description", ""), True)]
        texts += [
            (text, lines)
            for field in embed.get("fields", [])
            for text, lines in ((field["name"], False), (field["value"], True))
        ]
    return [(text, lines) for text, lines in texts if text]


def assert_inert(payload: dict) -> None:
    """No text of the message can mention, link or lay out anything the bot did not write itself."""
    problems = {text[:80]: found for text, lines in markdown_texts(payload) if (found := active_markup(text, lines))}
    assert not problems, problems
