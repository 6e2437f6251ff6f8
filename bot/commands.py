"""The command table shared by every adapter, and the one place a command becomes a payload."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot import render
from facts import answers
from facts.answers import Answer, FactList, Help, NotFound
from facts.catalog import Catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str
    option_description: str
    example: str
    answer: Callable[[Catalog, str], Answer]
    english: tuple[str, str, str]  # name, description, option description for English-locale users
    heavy: bool = False  # searches every fact: rate-limited per member on Discord (bot.cooldown)


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command("accord", "Trouver un accord : qui l'a signé, où, quand, ce qu'il couvre.",
                "Pays, organisations ou personnes (ex. Japon UE)", "Japon UE", answers.accord,
                ("agreement", "Find an agreement: who signed it, where, when, what it covers.",
                 "Countries, organisations or people (e.g. Japan EU)")),
        Command("visite", "Trouver une visite officielle : qui, où, quand, reçu par qui.",
                "Visiteur, pays ou ville (ex. Iwaya)", "Iwaya", answers.visite,
                ("visit", "Find an official visit: who, where, when, hosted by whom.",
                 "Visitor, country or city (e.g. Iwaya)")),
        Command("rencontre", "Trouver une rencontre ou des entretiens entre dirigeants.",
                "Participants, pays ou lieu (ex. Zelensky)", "Kishida Zelensky", answers.rencontre,
                ("meeting", "Find a meeting or talks between leaders.",
                 "Participants, country or place (e.g. Zelensky)")),
        Command("personne", "Qui est-ce ? Fonctions et faits liés à une personne.",
                "Nom, dans n'importe quel ordre (ex. Iwaya)", "Sybiha", answers.personne,
                ("person", "Who is it? Roles and facts about a person.", "Name, in any order (e.g. Iwaya)")),
        Command("chercher", "Recherche libre ou question en français sur tous les faits.",
                "Mots ou question (ex. quand l'accord Japon UE entre-t-il en vigueur ?)",
                "quand l'accord Japon UE entre-t-il en vigueur ?", answers.chercher,
                ("search", "Free search or question over every fact.",
                 "Words or question (e.g. when does the Japan EU agreement enter into force?)"), heavy=True),
        Command("chronologie", "Les faits impliquant un pays, une organisation ou une personne, par date.",
                "Pays, organisations ou personnes (ex. Japon Ukraine)", "Japon Ukraine", answers.chronologie,
                ("timeline", "Facts involving a country, organisation or person, by date.",
                 "Countries, organisations or people (e.g. Japan Ukraine)")),
        Command("source", "Les phrases des articles d'où vient un fait.",
                "Numéro du fait (ex. 4) ou recherche", "4", answers.source,
                ("source", "The article sentences a fact comes from.", "Fact number (e.g. 4) or search")),
        Command("aide", "Comment utiliser diplobot.", "", "", answers.aide,
                ("help", "How to use diplobot.", "")),
    )
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reply:
    payload: dict
    ok: bool


def help_payload() -> dict:
    return render.help_message([(c.name, c.description, c.example) for c in COMMANDS.values()])


def _reply(catalog: Catalog, produce: Callable[[], Answer], label: str) -> Reply:
    """Renders an answer; never raises: an unexpected failure becomes a French error message."""
    try:
        result = produce()
        if isinstance(result, Help):
            return Reply(help_payload(), ok=True)
        return Reply(render.render(catalog, result), ok=not isinstance(result, NotFound))
    except Exception:
        log.exception("échec de %s", label)
        return Reply(render.error_message("Une erreur inattendue est survenue ; elle a été journalisée."), ok=False)


def answer(catalog: Catalog, name: str, query: str) -> Reply:
    command = COMMANDS.get(name)
    if command is None:
        known = ", ".join(f"/{n}" for n in COMMANDS)
        return Reply(render.error_message(f"Commande inconnue « /{name} ». Commandes : {known}."), ok=False)
    return _reply(catalog, lambda: command.answer(catalog, query), f"/{name} {query!r}")


def answer_line(catalog: Catalog, line: str) -> Reply:
    """A line as typed in the console: "/accord Japon UE" (the slash is optional)."""
    text = line.strip()
    if not text:
        return Reply(render.error_message("Tapez une commande, par exemple /accord Japon UE, ou /aide."), ok=False)
    name, _, query = text.lstrip("/").partition(" ")
    return answer(catalog, name.casefold(), query.strip())


def related(catalog: Catalog, message: str) -> Reply:
    """The "Faits liés" message command."""
    return _reply(catalog, lambda: answers.faits_lies(catalog, message), "faits liés")


def show_result(catalog: Catalog, fact_ids: list[int], shown: int) -> Reply:
    """The same list of results with another one in front (the results menu)."""
    facts = [catalog.by_id[fact_id] for fact_id in fact_ids if fact_id in catalog.by_id]
    if shown not in catalog.by_id:
        return Reply(render.error_message(f"Le fait n°{shown} n'est plus disponible sur ce serveur."), ok=False)
    front = catalog.by_id[shown]
    ordered = (front, *(fact for fact in facts if fact.id != shown))
    return _reply(catalog, lambda: FactList("résultats", "", ordered), "menu de résultats")
