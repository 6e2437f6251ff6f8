"""Text from elsewhere (moderators, articles, users) made inert before it enters a Discord message.

Facts are typed by moderators and extracted from articles, so a title, a name or a quote may hold
markdown, mention syntax, line breaks or bidi controls. Shown as is, it could pass for another field
("…\\n**Date :** 1999"), a masked link, a mention or a header. Render puts every such text through
`inert` (where Discord reads markdown: titles, descriptions, fields, content) or `plain` (where it shows
text as is: footers, menu options), then adds its own markup around it.
"""

from __future__ import annotations

import re

# Characters Discord's markdown reads anywhere in a line: emphasis, code, spoilers, masked links,
# mentions, channels, timestamps and custom emoji (all start with "<"), @everyone and the escape itself.
_ANYWHERE = re.compile(r"([\\*_~`|\[\]<>@])")
# Read only at the start of a line: headers, block quotes, lists and subtext.
_LINE_START = re.compile(r"^(\s*)([#>+-])", re.MULTILINE)
_ORDERED = re.compile(r"^(\s*\d+)\.", re.MULTILINE)
# Bidi embeddings, overrides and isolates reorder the rest of the line they are in: a title could
# display another field's words in its place. Marks (LRM, RLM, ALM) are harmless but invisible.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))
# Unicode's control characters (category Cc, fixed by the standard): C0, DEL and C1. One pattern rather than
# a category lookup per character: every title and option of every answer goes through `plain`.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# "@" is left out: "https://exemple.fr/@everyone" must not carry a mention into the message.
_SAFE_URL = re.compile(r"https?://[^\s<>\[\]()`|*\\@]+", re.IGNORECASE)


def plain(text: str) -> str:
    """One line of visible text, for places that show text as is (footers, menu options): no control or
    bidi characters, whitespace collapsed to single spaces."""
    return " ".join(_CONTROLS.sub(" ", text.translate(_BIDI)).split())


def inert(text: str, multiline: bool = False) -> str:
    """`text` as Discord should show it, letter for letter: no markdown, mention or link syntax left
    active. Single-line text (a title, a name) keeps no line break; `multiline` keeps its lines."""
    lines = [plain(line) for line in text.splitlines()] if multiline else [plain(text)]
    escaped = _ANYWHERE.sub(r"\\\1", "\n".join(lines).strip("\n"))
    return _ORDERED.sub(r"\1\\.", _LINE_START.sub(r"\1\\\2", escaped))


def link(url: str) -> str:
    """A URL Discord will show as the link it is, or the text made inert when it is not a plain URL."""
    return url if _SAFE_URL.fullmatch(url) else inert(url)
