"""The command table shared by every adapter, and the one place a command line becomes a payload."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot import render
from facts import answers
from facts.answers import Answer, Help, NotFound
from facts.catalog import Catalog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str
    option_description: str
    example: str
    answer: Callable[[Catalog, str], Answer]


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command("accord", "Trouver un accord : qui l'a signé, où, quand, ce qu'il couvre.",
                "Pays, organisations ou personnes (ex. Japon UE)", "Japon UE", answers.accord),
        Command("visite", "Trouver une visite officielle : qui, où, quand, reçu par qui.",
                "Visiteur, pays ou ville (ex. Iwaya)", "Iwaya", answers.visite),
        Command("rencontre", "Trouver une rencontre ou des entretiens entre dirigeants.",
                "Participants, pays ou lieu (ex. Zelensky)", "Kishida Zelensky", answers.rencontre),
        Command("personne", "Qui est-ce ? Fonctions et faits liés à une personne.",
                "Nom, dans n'importe quel ordre (ex. Iwaya)", "Sybiha", answers.personne),
        Command("chercher", "Recherche libre ou question en français sur tous les faits.",
                "Mots ou question (ex. quand l'accord Japon UE entre-t-il en vigueur ?)",
                "quand l'accord Japon UE entre-t-il en vigueur ?", answers.chercher),
        Command("chronologie", "Les faits impliquant un pays, une organisation ou une personne, par date.",
                "Pays, organisations ou personnes (ex. Japon Ukraine)", "Japon Ukraine", answers.chronologie),
        Command("source", "Les phrases des articles d'où vient un fait.",
                "Numéro du fait (ex. 4) ou recherche", "4", answers.source),
        Command("aide", "Comment utiliser diplobot.", "", "", answers.aide),
    )
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reply:
    payload: dict
    ok: bool


def help_payload() -> dict:
    return render.help_message([(c.name, c.description, c.example) for c in COMMANDS.values()])


def answer(catalog: Catalog, name: str, query: str) -> Reply:
    """Runs one command; never raises: an unexpected failure becomes a French error message."""
    command = COMMANDS.get(name)
    if command is None:
        known = ", ".join(f"/{n}" for n in COMMANDS)
        return Reply(render.error_message(f"Commande inconnue « /{name} ». Commandes : {known}."), ok=False)
    try:
        result = command.answer(catalog, query)
        if isinstance(result, Help):
            return Reply(help_payload(), ok=True)
        return Reply(render.render(catalog, result), ok=not isinstance(result, NotFound))
    except Exception:
        log.exception("command /%s failed on %r", name, query)
        return Reply(
            render.error_message("Une erreur inattendue est survenue ; elle a été journalisée."), ok=False
        )


def answer_line(catalog: Catalog, line: str) -> Reply:
    """A line as typed in the console: "/accord Japon UE" (the slash is optional)."""
    text = line.strip()
    if not text:
        return Reply(
            render.error_message("Tapez une commande, par exemple /accord Japon UE, ou /aide."), ok=False
        )
    name, _, query = text.lstrip("/").partition(" ")
    return answer(catalog, name.casefold(), query.strip())
