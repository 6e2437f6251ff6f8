"""Prints a message payload in a terminal the way Discord lays it out: content, then each embed with its
colour bar, title, description, inline fields side by side and the footer."""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

INLINE_COLUMNS = 3
# What Discord reads in the payloads, in its order: an escaped character, then bold and code spans.
_MARKUP = re.compile(r"\\([^0-9A-Za-z\s])|(\*\*)|`([^`]+)`")


def discord_text(value: str, style: str = "") -> Text:
    """Discord's markdown subset used by the payloads (**bold**, `code`, escaped characters shown as
    themselves), line breaks kept."""
    text = Text(style=style)
    position, bold = 0, False
    for match in _MARKUP.finditer(value):
        text.append(value[position : match.start()], style="bold" if bold else "")
        if match[1] is not None:
            text.append(match[1], style="bold" if bold else "")
        elif match[2] is not None:
            bold = not bold
        else:
            text.append(match[3], style="cyan")
        position = match.end()
    text.append(value[position:], style="bold" if bold else "")
    return text


def _fields(fields: list[dict]) -> list:
    blocks, row = [], []

    def flush() -> None:
        if row:
            grid = Table.grid(padding=(0, 3))
            for _ in row:
                grid.add_column()
            grid.add_row(*[Group(discord_text(f["name"], "bold"), discord_text(f["value"])) for f in row])
            blocks.append(grid)
            row.clear()

    for field in fields:
        if field.get("inline"):
            row.append(field)
            if len(row) == INLINE_COLUMNS:
                flush()
        else:
            flush()
            blocks.append(Group(discord_text(field["name"], "bold"), discord_text(field["value"])))
    flush()
    return blocks


def embed_panel(embed: dict) -> Panel:
    parts: list = []
    if embed.get("description"):
        parts.append(discord_text(embed["description"]))
    parts.extend(_fields(embed.get("fields", [])))
    if embed.get("footer"):
        parts.append(Text(embed["footer"]["text"], style="dim"))
    colour = f"#{embed.get('color', 0x6E7781):06x}"
    return Panel(
        Group(*parts),
        title=discord_text(embed.get("title", ""), "bold"),
        title_align="left",
        border_style=colour,
        padding=(0, 1),
    )


def print_payload(console: Console, payload: dict) -> None:
    if payload.get("flags", 0) & 64:
        console.print(Text("(visible de vous seul)", style="dim italic"))
    if payload.get("content"):
        console.print(discord_text(payload["content"]))
    for embed in payload.get("embeds", []):
        console.print(embed_panel(embed))
