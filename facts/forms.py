"""The moderators' form (five text boxes, as a Discord modal allows) to and from an exchange record.

Each box is free text typed by a person, so parsing is forgiving, and every error names the box in the
words the moderator sees on screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from facts import dates
from facts.interchange import InvalidDocument, check_record, record_from_fact
from facts.model import A_KIND, PARTS, STATUSES, Fact


@dataclass(frozen=True, slots=True)
class Box:
    key: str
    label: str
    placeholder: str
    multiline: bool
    max_length: int
    required: bool = True


BOXES = (
    Box("title", "Titre", "Partenariat de sécurité et de défense UE–Japon", False, 200),
    Box("parties", "Parties (séparées par des virgules)", "Union européenne, Japon", False, 300),
    Box(
        "people",
        "Personnes : une par ligne, Nom — rôle [part]",
        "Josep Borrell — chef de la diplomatie de l'UE [signataire]\nparts : signataire, visiteur, hôte, témoin",
        True,
        4000,
        required=False,
    ),
    Box("when_where", "Date, lieu", "1er novembre 2024, Tokyo", False, 100),
    Box(
        "source",
        "Source : phrase citée, puis article ou URL",
        "« Borrell a signé vendredi le partenariat… »\nhttps://exemple.fr/article",
        True,
        4000,
    ),
)
LABELS = {box.key: box.label for box in BOXES}
# Exchange-format fields → the box that holds them, so a record error names what the moderator typed.
FIELD_BOXES = {
    "title": "title",
    "parties": "parties",
    "people": "people",
    "date": "when_where",
    "place": "when_where",
    "sources": "source",
    "kind": "title",
    "status": "title",
}
_PART_SUFFIX = re.compile(r"\s*\[([^\]]*)\]\s*$")
_ROLE_SEPARATOR = re.compile(r"\s+[—–-]\s+|\s*[—–]\s*")
_REFERENCE = re.compile(r"^(https?://\S+|\S+\.(?:txt|html?|pdf))$", re.IGNORECASE)


def _fail(key: str, problem: str) -> InvalidDocument:
    return InvalidDocument(f"Champ « {LABELS[key]} » : {problem}")


def _split_names(text: str) -> list[str]:
    """ "France, Maroc", "France et Maroc", one per line: hyphenated names ("Trinité-et-Tobago") stay whole."""
    return [name.strip() for name in re.split(r"[,;\n]|\s+et\s+", text) if name.strip()]


def _person(line: str) -> dict:
    """ "Nom — rôle [part]", "Nom (rôle)" or just "Nom"."""
    part_match = _PART_SUFFIX.search(line)
    part = part_match[1].strip().casefold() if part_match else "participant"
    line = line[: part_match.start()] if part_match else line
    if part not in PARTS:
        raise _fail("people", f"« {part} » n'est pas une part connue ({', '.join(PARTS)})")
    name, role = line, ""
    separated = _ROLE_SEPARATOR.split(line, maxsplit=1)
    if len(separated) == 2:
        name, role = separated
    elif line.endswith(")") and "(" in line:
        name, _, role = line[:-1].partition("(")
    if not name.strip():
        raise _fail("people", f"ligne sans nom « {line} » (attendu : Nom — rôle [part])")
    return {"name": name.strip(), "role": role.strip(), "part": part}


def _people(text: str) -> list[dict]:
    return [_person(line.strip()) for line in text.splitlines() if line.strip()]


def _when_where(text: str) -> tuple[str | None, str | None]:
    """ "1er novembre 2024, Tokyo" → ("2024-11-01", "Tokyo"); either half may be missing."""
    text = text.strip()
    if not text:
        return None, None
    head, separator, tail = text.partition(",")
    candidates = [(head, tail)] if separator else []
    words = text.split()
    candidates += [(" ".join(words[:n]), " ".join(words[n:])) for n in range(len(words), 0, -1)]
    for date_text, place in candidates:
        try:
            return dates.from_french(date_text), place.strip(" ,") or None
        except ValueError:
            continue
    if any(char.isdigit() for char in text):
        try:
            dates.from_french(head)
        except ValueError as error:
            raise _fail("when_where", str(error)) from None
    return None, text


def _source(text: str) -> dict:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    reference = lines.pop() if len(lines) > 1 and _REFERENCE.match(lines[-1]) else None
    quote = " ".join(lines).strip().strip('«»"“” ').strip()
    if not quote:
        raise _fail("source", "la phrase citée est obligatoire")
    if reference is None:
        return {"article": "saisie manuelle", "quote": quote}
    if reference.casefold().startswith("http"):
        return {"article": reference, "url": reference, "quote": quote}
    return {"article": reference, "quote": quote}


def record_from_form(kind: str, form: dict[str, str], status: str | None = None) -> dict:
    """The exchange record the form describes; InvalidDocument names the box at fault."""
    for box in BOXES:
        if box.required and not (form.get(box.key) or "").strip():
            raise _fail(box.key, "obligatoire")
        if len(form.get(box.key) or "") > box.max_length:
            raise _fail(box.key, f"trop long ({box.max_length} caractères au plus)")
    if status is not None and status not in STATUSES[kind]:
        allowed = ", ".join(STATUSES[kind])
        raise InvalidDocument(f"Option « statut » : « {status} » ne convient pas à {A_KIND[kind]} ({allowed}).")
    date, place = _when_where(form.get("when_where", ""))
    record = {
        "kind": kind,
        "title": form["title"].strip(),
        "parties": _split_names(form["parties"]),
        "people": _people(form.get("people") or ""),
        "place": place,
        "date": date,
        "sources": [_source(form["source"])],
    }
    if status:
        record["status"] = status
    problems = check_record(record)
    if problems:
        field, problem = problems[0]
        box = FIELD_BOXES.get(field.split("[")[0].split(".")[0], "title")
        raise _fail(box, problem)
    return record


def form_from_fact(fact: Fact, name_of: Callable[[str], str]) -> dict[str, str]:
    """The boxes filled with the fact as it is, for an edit."""
    record = record_from_fact(fact, name_of)
    when = dates.format_fr(fact.date) if fact.date else ""
    source = record["sources"][0] if record["sources"] else {}
    reference = source.get("url") or source.get("article") or ""
    return {
        "title": record["title"],
        "parties": ", ".join(record["parties"]),
        "people": "\n".join(
            person["name"]
            + (f" — {person['role']}" if person["role"] else "")
            + (f" [{person['part']}]" if person["part"] != "participant" else "")
            for person in record["people"]
        ),
        "when_where": ", ".join(part for part in (when, record["place"] or "") if part),
        "source": "\n".join(part for part in (source.get("quote", ""), reference) if part),
    }
