"""Core answers → Discord message payloads (plain dicts, as sent in an interaction callback's `data`).

This module does not import discord: the console prints these very payloads, so what a user sees in the
terminal is what Discord would show. Every payload carries `allowed_mentions` with nothing to ping, and
every text that does not come from this module goes through bot.markdown first, so stored facts cannot
add markup, mentions or links of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime
from typing import TYPE_CHECKING

from bot.markdown import inert, link, plain
from facts import dates
from facts.answers import Answer, Chronology, FactList, Help, NotFound, PersonCard, SourceList
from facts.catalog import Catalog
from facts.model import KIND_ICONS, Fact, Source

if TYPE_CHECKING:  # facts.ingestion loads spaCy, which rendering never needs
    from facts.ingestion import IngestReport

NO_MENTIONS = {"parse": []}
EPHEMERAL = 1 << 6
COLOURS = {"accord": 0x1F6FEB, "visite": 0x2DA44E, "rencontre": 0xBF8700}
INFO_COLOUR = 0x6E7781
ERROR_COLOUR = 0xCF222E
RESULTS_MENU_ID = "diplobot:resultats"

LIMITS = {"title": 256, "description": 4096, "field_name": 256, "field_value": 1024, "footer": 2048}
EMBED_TOTAL = 6000
MIN_KEPT = 120
MAX_QUOTE_SHOWN = 400
MAX_LIST_LINES = 25

PEOPLE_HEADINGS = {
    "signataire": "Signataires",
    "témoin": "Présents à la signature",
    "visiteur": "Visiteur",
    "hôte": "Reçu par",
    "participant": "Participants",
}


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _field(name: str, value: str, inline: bool = False) -> dict:
    return {
        "name": clip(name, LIMITS["field_name"]),
        "value": clip(value or "—", LIMITS["field_value"]),
        "inline": inline,
    }


def _embed_size(embed: dict) -> int:
    """Characters Discord counts towards an embed's 6000 total."""
    fields = embed.get("fields", [])
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
        + sum(len(field["name"]) + len(field["value"]) for field in fields)
    )


def fit(embed: dict) -> dict:
    """Shrinks an embed to Discord's total: the longest text is cut first, down to a readable start;
    when every text is that short, the last fields go."""
    while (excess := _embed_size(embed) - EMBED_TOTAL) > 0:
        texts = [("description", embed)] if "description" in embed else []
        texts += [("value", field) for field in embed.get("fields", [])]
        key, holder = max(texts, key=lambda item: len(item[1][item[0]]), default=(None, None))
        if holder is not None and len(holder[key]) > MIN_KEPT:
            holder[key] = clip(holder[key], max(MIN_KEPT, len(holder[key]) - excess))
        elif embed.get("fields"):
            embed["fields"].pop()
        else:
            embed["title"] = clip(embed["title"], max(1, len(embed["title"]) - excess))
    return embed


def _message(embeds: Sequence[dict], content: str | None = None, ephemeral: bool = False) -> dict:
    payload: dict = {"embeds": [fit(embed) for embed in embeds], "allowed_mentions": NO_MENTIONS}
    if content:
        payload["content"] = clip(content, 2000)
    if ephemeral:
        payload["flags"] = EPHEMERAL
    return payload


def _with_flag(catalog: Catalog, entity_id: str | None) -> str:
    """The entity's name behind its flag, or its country's flag for a city or a person."""
    entity = catalog.entity(entity_id)
    if entity is None:
        return inert(entity_id or "")
    country = catalog.entity(f"pays:{entity.country}") if entity.country else None
    flag = entity.flag or (country.flag if country else None)
    return inert(f"{flag} {entity.name}" if flag else entity.name)


SEASON_PREPOSITIONS = {"printemps": "au", "été": "en", "automne": "à l'", "hiver": "en"}
# What happened, as a predicate after the fact's title: "Voyage surprise … : a eu lieu en mars 2023."
STATUS_PHRASES = {
    "signé": "signé", "conclu": "conclu", "de principe": "accord de principe trouvé", "convenu": "convenu",
    "annoncé": "annoncé", "prévu": "prévu", "effectuée": "a eu lieu", "tenue": "a eu lieu", "prévue": "prévue",
    "annulée": "annulée ; elle était prévue",
}  # fmt: skip


def _when(value: str | None) -> str:
    """A date inside a sentence: "le 1er novembre 2024", "en septembre 2024", "à l'automne 2025"."""
    if not value:
        return "à une date non précisée"
    text = dates.format_fr(value)
    when = dates.parse(value)
    if when.day:
        return f"le {text}"
    if when.season:
        preposition = SEASON_PREPOSITIONS[text.split()[0]]
        return f"{preposition}{'' if preposition.endswith(chr(39)) else ' '}{text}"
    return f"en {text}"


def _listed(texts: Sequence[str]) -> str:
    return ", ".join(map(inert, texts))


def fact_line(fact: Fact) -> str:
    when = dates.format_fr(fact.date) if fact.date else "date inconnue"
    return f"`#{fact.id}` {KIND_ICONS[fact.kind]} {inert(fact.title)} — {when}"


def _people_fields(catalog: Catalog, fact: Fact) -> list[dict]:
    by_part: dict[str, list[str]] = {}
    for participant in fact.people:
        name = inert(catalog.name(participant.entity))
        role = inert(participant.role)
        by_part.setdefault(participant.part, []).append(f"{name} — {role}" if role else name)
    return [_field(PEOPLE_HEADINGS.get(part, part.capitalize()), "\n".join(names)) for part, names in by_part.items()]


def _published(source: Source) -> str:
    return f", publié {_when(source.published)}" if source.published else ""


def _quote_field(fact: Fact) -> dict | None:
    if not fact.sources:
        return None
    first = fact.sources[0]
    published = _published(first)
    more = f"\n(+{len(fact.sources) - 1} autre(s) citation(s) : /source {fact.id})" if len(fact.sources) > 1 else ""
    quote = inert(clip(first.quote, MAX_QUOTE_SHOWN))
    return _field("Source", f"« {quote} »\n— {inert(first.article)}{published}{more}")


def _fact_fields(catalog: Catalog, fact: Fact) -> dict[str, dict]:
    """Fields keyed by the answer focus they serve, in display order."""
    planned = fact.status.startswith("prévu")
    fields: dict[str, dict] = {
        "parties": _field("Parties", " · ".join(_with_flag(catalog, p) for p in fact.parties), inline=True),
        "date": _field("Date prévue" if planned else "Date", dates.format_fr(fact.date), inline=True),
        "place": _field("Lieu", _with_flag(catalog, fact.place) if fact.place else "non précisé", inline=True),
    }
    if fact.date_in_force or fact.kind == "accord":
        fields["date_in_force"] = _field(
            "Entrée en vigueur",
            dates.format_fr(fact.date_in_force) if fact.date_in_force else "non précisée",
            True,
        )
    status = inert(fact.status) + (f" · {inert(fact.nature)}" if fact.nature else "")
    fields["status"] = _field("Statut", status, inline=True)
    people = _people_fields(catalog, fact)
    for number, field in enumerate(people):
        fields[f"people{number or ''}"] = field
    if fact.topics:
        fields["topics"] = _field("Domaines" if fact.kind == "accord" else "Sujets", _listed(fact.topics))
    quote = _quote_field(fact)
    if quote:
        fields["source"] = quote
    return fields


def _people_sentence(catalog: Catalog, fact: Fact) -> str:
    """Who took part, by part: signatories are never confused with those merely present."""
    by_part: dict[str, list[str]] = {}
    for participant in fact.people:
        by_part.setdefault(participant.part, []).append(inert(catalog.name(participant.entity)))
    phrases = [f"{PEOPLE_HEADINGS.get(part, part).lower()} : {', '.join(names)}" for part, names in by_part.items()]
    if fact.kind == "accord" and "signataire" not in by_part:
        phrases.insert(0, "signataires non précisés dans les sources")
    return " ; ".join(phrases) or "personne n'est nommé dans les sources"


def _focus_sentence(catalog: Catalog, fact: Fact, focus: str, today: Date) -> str:
    title = f"**{inert(fact.title)}**"
    if focus == "date_in_force":
        if not fact.date_in_force:
            return f"{title} : la date d'entrée en vigueur n'est pas précisée dans les sources."
        now = (today.year, today.month, today.day)
        verb = "est entré en vigueur" if dates.sort_key(fact.date_in_force) <= now else "entrera en vigueur"
        return f"{title} : {verb} {_when(fact.date_in_force)}."
    if focus == "date":
        return f"{title} : {STATUS_PHRASES.get(fact.status) or inert(fact.status)} {_when(fact.date)}."
    if focus == "place":
        return f"{title} : {_with_flag(catalog, fact.place) if fact.place else 'lieu non précisé'}."
    if focus == "people":
        return f"{title} : {_people_sentence(catalog, fact)}."
    if focus == "topics":
        return f"{title} : {_listed(fact.topics) or 'domaines non précisés'}."
    return title


def fact_embed(catalog: Catalog, fact: Fact, focus: str | None = None, others: Sequence[Fact] = ()) -> dict:
    entities = (catalog.entity(party) for party in fact.parties)
    flags = inert(" ".join(entity.flag for entity in entities if entity is not None and entity.flag))
    fields = _fact_fields(catalog, fact)
    ordered = list(fields.values())
    if focus:
        focused = [field for key, field in fields.items() if key.startswith(focus)]
        ordered = focused + [field for field in ordered if field not in focused]
    if others:
        lines = [fact_line(other) for other in others]
        ordered.append(_field(f"Autres résultats ({len(others)})", "\n".join(lines)))
    embed = {
        "title": clip(f"{flags} {inert(fact.title)}".strip(), LIMITS["title"]),
        "color": COLOURS[fact.kind],
        "fields": ordered[:25],
        "footer": {"text": clip(_footer(fact), LIMITS["footer"])},
    }
    if fact.summary:
        embed["description"] = clip(inert(fact.summary, multiline=True), LIMITS["description"])
    return embed


def _footer(fact: Fact) -> str:
    articles = list(dict.fromkeys(source.article for source in fact.sources))
    return plain(f"Fait n°{fact.id} · {fact.kind} · " + (", ".join(articles) or "sans source"))


def results_menu(facts: Sequence[Fact], shown: int) -> dict:
    """An action row with a select menu to show another of the facts found (values are fact ids)."""
    options = [
        {
            "label": clip(plain(fact.title) or f"Fait n°{fact.id}", 100),
            "value": str(fact.id),
            "description": clip(f"{fact.kind} · {dates.format_fr(fact.date)}", 100),
            "emoji": {"name": KIND_ICONS[fact.kind]},
            "default": fact.id == shown,
        }
        for fact in facts[:25]
    ]
    select = {"type": 3, "custom_id": RESULTS_MENU_ID, "placeholder": "Voir un autre résultat…"}
    return {"type": 1, "components": [select | {"options": options}]}


def _fact_list(catalog: Catalog, answer: FactList, today: Date) -> dict:
    first, others = answer.facts[0], answer.facts[1:]
    content = [inert(answer.note)] if answer.note else []
    if answer.focus:
        content.append(_focus_sentence(catalog, first, answer.focus, today))
    payload = _message([fact_embed(catalog, first, answer.focus, others)], "\n".join(content) or None)
    if others:
        payload["components"] = [results_menu(answer.facts, shown=first.id)]
    return payload


def _person(catalog: Catalog, answer: PersonCard) -> dict:
    person = answer.person
    fields = []
    if person.country:
        fields.append(_field("Pays", _with_flag(catalog, f"pays:{person.country}"), inline=True))
    if person.aliases:
        fields.append(_field("Aussi appelé", _listed(person.aliases[:10]), inline=True))
    lines = [fact_line(fact) for fact in answer.facts[:MAX_LIST_LINES]]
    fields.append(_field(f"Faits liés ({len(answer.facts)})", "\n".join(lines) or "aucun pour l'instant"))
    embed = {
        "title": clip(f"👤 {inert(person.name)}", LIMITS["title"]),
        "description": clip("\n".join(map(inert, person.roles)) or "Rôle non renseigné.", LIMITS["description"]),
        "color": INFO_COLOUR,
        "fields": fields,
        "footer": {"text": clip(plain(f"Entité {person.id}"), LIMITS["footer"])},
    }
    return _message([embed])


def _chronology(catalog: Catalog, answer: Chronology) -> dict:
    lines = [fact_line(fact) for fact in answer.facts]
    shown, hidden = lines[:MAX_LIST_LINES], len(lines) - MAX_LIST_LINES
    description = "\n".join(shown) + (f"\n… et {hidden} autres (précisez la recherche)" if hidden > 0 else "")
    names = " · ".join(_with_flag(catalog, entity.id) for entity in answer.entities)
    embed = {
        "title": clip(f"🗓️ Chronologie : {names}", LIMITS["title"]),
        "description": clip(description, LIMITS["description"]),
        "color": INFO_COLOUR,
        "footer": {"text": f"{len(answer.facts)} fait(s), du plus ancien au plus récent"},
    }
    return _message([embed])


def _sources(answer: SourceList) -> dict:
    fact = answer.fact
    fields = []
    for number, source in enumerate(fact.sources[:25], 1):
        where = f"caractères {source.start}–{source.end}" if source.start is not None else "position inconnue"
        published = _published(source)
        url = f"\n{link(source.url)}" if source.url else ""
        quote = inert(clip(source.quote, 900))
        fields.append(_field(f"{number}. {inert(source.article)}{published}", f"« {quote} »\n({where}){url}"))
    embed = {
        "title": clip(f"Sources du fait n°{fact.id} : {inert(fact.title)}", LIMITS["title"]),
        "color": COLOURS[fact.kind],
        "fields": fields,
        "footer": {"text": f"Fait n°{fact.id} · {len(fact.sources)} citation(s)"},
    }
    return _message([embed])


def _not_found(answer: NotFound) -> dict:
    embed = {
        "title": "Aucun résultat",
        "description": clip(inert(answer.message), LIMITS["description"]),
        "color": ERROR_COLOUR,
    }
    if answer.suggestions:
        embed["fields"] = [_field("Vouliez-vous dire…", "\n".join(map(inert, answer.suggestions)))]
    return _message([embed], ephemeral=True)


def help_message(commands: Sequence[tuple[str, str, str]]) -> dict:
    """`commands` are (name, description, example) triples."""
    lines = [
        f"**/{name}** — {description}\n  ex. `/{name} {example}`".rstrip() for name, description, example in commands
    ]
    embed = {
        "title": "diplobot — aide",
        "description": clip(
            "Faits diplomatiques tirés d'articles de presse : qui a signé quoi, où, quand.\n"
            "Les noms se tapent en français ou en anglais, dans n'importe quel ordre, "
            "accents et fautes tolérés.\n\n" + "\n".join(lines),
            LIMITS["description"],
        ),
        "color": INFO_COLOUR,
    }
    return _message([embed], ephemeral=True)


def error_message(text: str, title: str = "Impossible de répondre") -> dict:
    embed = {
        "title": title,
        "description": clip(inert(text, multiline=True), LIMITS["description"]),
        "color": ERROR_COLOUR,
    }
    return _message([embed], ephemeral=True)


def render(catalog: Catalog, answer: Answer, today: Date | None = None) -> dict:
    """The message payload for `answer`; `today` decides tenses ("est entré" or "entrera" en vigueur)."""
    match answer:
        case FactList():
            return _fact_list(catalog, answer, today or Date.today())
        case PersonCard():
            return _person(catalog, answer)
        case Chronology():
            return _chronology(catalog, answer)
        case SourceList():
            return _sources(answer)
        case NotFound():
            return _not_found(answer)
        case Help():
            raise TypeError("help is rendered by bot.commands, which knows the command list")
    raise TypeError(f"unknown answer {answer!r}")


FIELD_LABELS = {
    "kind": "Type", "title": "Titre", "status": "Statut", "parties": "Parties", "people": "Personnes",
    "place": "Lieu", "date": "Date", "date_in_force": "Entrée en vigueur", "topics": "Domaines",
    "nature": "Nature", "summary": "Résumé", "sources": "Sources", "deleted": "Supprimé",
}  # fmt: skip


def _shown(catalog: Catalog, field: str, value: object) -> str:
    """A stored value as a moderator reads it: names, French dates, "oui"/"non"."""
    if value in (None, "", [], ()):
        return "∅"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if field in ("date", "date_in_force"):
        return dates.format_fr(value)
    if field in ("parties", "place"):
        return ", ".join(catalog.name(item) for item in (value if isinstance(value, list) else [value]))
    if field == "people":
        return "; ".join(
            f"{catalog.name(p['entity'])}" + (f" — {p['role']}" if p.get("role") else "") + f" [{p['part']}]"
            for p in value
        )
    if field == "sources":
        return " / ".join(f"« {clip(source['quote'], 60)} »" for source in value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _timestamp(iso: str) -> str:
    """Discord shows <t:…:f> in each reader's own time zone and language."""
    return f"<t:{int(datetime.fromisoformat(iso).timestamp())}:f>"


def history_message(catalog: Catalog, fact_id: int, changes: Sequence, shared: bool = False) -> dict:
    """`changes` are facts.editing.Change entries, oldest first; the newest are kept when too many."""
    blocks = []
    for change in changes:
        version = f"v{change.version} · " if change.version else ""
        lines = [f"**{version}{change.action}** par {inert(change.who)}, {_timestamp(change.at)}"]
        lines += [
            f"  {FIELD_LABELS.get(field, field)} : {inert(clip(_shown(catalog, field, old), 120))} → "
            f"{inert(clip(_shown(catalog, field, new), 120))}"
            for field, old, new in change.fields
        ]
        blocks.append("\n".join(lines))
    description = ""
    for block in reversed(blocks):
        if len(description) + len(block) + 2 > LIMITS["description"] - 40:
            description = "…\n\n" + description
            break
        description = block + ("\n\n" + description if description else "")
    hint = "fait commun : masquable ici, pas modifiable" if shared else f"/fait annuler {fact_id} annule la dernière"
    embed = {
        "title": f"Historique du fait n°{fact_id}",
        "description": description or "Aucune modification enregistrée.",
        "color": INFO_COLOUR,
        "footer": {"text": f"{len(changes)} entrée(s) · {hint}"},
    }
    return _message([embed], ephemeral=True)


def decision_entry(fact: Fact, decision: str, who: str) -> dict:
    """The log channel's entry for a proposal approved or rejected in the review."""
    return {
        "title": clip(f"Fait n°{fact.id} {decision} — {inert(fact.title)}", LIMITS["title"]),
        "color": INFO_COLOUR,
        "footer": {"text": clip(plain(f"par {who}"), LIMITS["footer"])},
    }


def review_card(catalog: Catalog, fact: Fact | None, waiting: int) -> dict:
    """The proposal /revue shows next, with how many wait; or that none is left."""
    if fact is None:
        return {"title": "Rien à relire", "description": "Aucun fait proposé n'attend de relecture ici.",
                "color": INFO_COLOUR}  # fmt: skip
    embed = fact_embed(catalog, fact)
    embed["footer"] = {"text": f"Fait proposé n°{fact.id} · confiance {fact.confidence} · {waiting} à relire"}
    return embed


def proposals_message(report: IngestReport) -> dict:
    """What /article answers: the facts it proposed, waiting in /revue."""
    lines = [clip(f"`#{fact.id}` {fact.kind} · {inert(fact.title)}", 120) for fact in report.added]
    embed = {
        "title": f"{len(report.added)} fait(s) proposé(s) — /revue pour les relire",
        "description": clip(
            "\n".join(lines) or "Aucun accord, visite ou rencontre reconnu dans ce texte.", LIMITS["description"]
        ),
        "color": INFO_COLOUR,
        "footer": {
            "text": clip(
                plain(f"{report.article} · {report.words} mots · {len(report.merged_into)} fait(s) complétés"),
                LIMITS["footer"],
            )
        },
    }
    return _message([embed], ephemeral=True)


def change_message(
    catalog: Catalog, fact: Fact, action: str, who: str, where: str, new_names: Sequence[str] = ()
) -> dict:
    """Confirmation to the moderator, and the entry for the log channel (which says which server)."""
    embed = fact_embed(catalog, fact)
    embed["title"] = clip(f"Fait n°{fact.id} {action} — {inert(fact.title)}", LIMITS["title"])
    embed["footer"] = {"text": clip(plain(f"par {who} · {where} · version {fact.version}"), LIMITS["footer"])}
    content = f"Nouvelles entités créées : {_listed(new_names)}." if new_names else None
    return _message([embed], content, ephemeral=True)
