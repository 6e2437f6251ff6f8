"""Articles read from disk: plain text with an optional header, or an HTML page reduced to its main text.

Quotes and date mentions are later located by character offsets in `Article.text`, so the body of a plain
text file is kept exactly as written (only the header and the blank space before the body are dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from facts import dates

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# One header field at the top of a plain text file: "date 2024-11-16", "date: 2024-11", "source: https://…".
# The value must look like a date or a URL, so that an article opening with "Date limite…" stays text.
_HEADER = re.compile(
    r"(?:date(?:[ \t]*:[ \t]*|[ \t]+)(?P<date>\d{4}(?:-\d{1,2}){0,2})(?![\w-])"
    r"|(?:source|url)(?:[ \t]*:[ \t]*|[ \t]+)(?P<url>https?://\S+))",
    re.IGNORECASE,
)
_LEADING_SPACE = re.compile(r"[\s\ufeff]*")


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    published: str | None
    url: str | None


def read_article(path: Path, published: str | None = None) -> Article:
    """Reads an article file; `published` (from --date) overrides the date found in the file.

    Raises ValueError with a French message naming the file when it cannot be read, is empty, or carries
    an invalid date.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"lecture impossible de « {path.name} » : {exc.strerror or exc}") from None
    content = _decode(raw, path.name)
    if path.suffix.lower() in _HTML_SUFFIXES or content.lstrip("\ufeff \t\r\n").startswith("<"):
        text, found_date, url = _from_html(content, path.name)
    else:
        text, found_date, url = _from_plain_text(content)
    if not text.strip():
        raise ValueError(f"aucun texte d'article dans « {path.name} »")
    chosen = published if published is not None else found_date
    if chosen is not None:
        chosen = chosen.strip()
        try:
            dates.parse(chosen)
        except ValueError as exc:
            raise ValueError(f"« {path.name} » : {exc}") from None
    return Article(name=path.name, text=text, published=chosen, url=url)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")  # Notepad's "Unicode"
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise ValueError(f"« {name} » n'est pas un texte (octets nuls) : enregistrez-le en UTF-8")
    # French files saved from older Windows tools are often cp1252; anything else is refused rather than
    # read as garbage whose offsets would mean nothing.
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(f"« {name} » n'est ni en UTF-8 ni en Windows-1252 : encodage non reconnu") from None


def _from_plain_text(content: str) -> tuple[str, str | None, str | None]:
    """Splits off the header fields; they may each sit on their own line or share the first line with the
    first sentence (" date 2024-11 Ce document…"), so the body starts right after the last field's value."""
    found_date = url = None
    position = _LEADING_SPACE.match(content).end()
    while header := _HEADER.match(content, position):
        if header["date"]:
            found_date = header["date"]
        else:
            url = header["url"]
        position = _LEADING_SPACE.match(content, header.end()).end()
    return content[position:], found_date, url


def _from_html(content: str, name: str) -> tuple[str, str | None, str | None]:
    # Imported here: trafilatura pulls lxml, justext and htmldate, which plain text never needs.
    try:
        import trafilatura
    except ImportError as exc:
        raise ImportError(
            f"trafilatura est nécessaire pour lire « {name} » (HTML) mais n'a pas pu être chargé : {exc}"
        ) from exc
    document = trafilatura.bare_extraction(
        content,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # htmldate's extensive search reads dates in the page body and footer ("© 2024" became 2024-01-01):
        # the publication date must come from the page's metadata or stay unknown.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if document is None:
        return "", None, None
    paragraphs = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    title = (document.title or "").strip()
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    # Blank lines between paragraphs, as in the plain text articles, so both read the same way downstream.
    return "\n\n".join(paragraphs), document.date or None, document.url or None
