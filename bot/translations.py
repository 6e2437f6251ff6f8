"""English names and descriptions for English-locale users; French is the default everywhere."""

from __future__ import annotations

from discord import Locale, app_commands

from bot.commands import COMMANDS

# The lookup commands carry their English next to their French (bot.commands); the rest is here.
OTHER_ENGLISH = {
    "recherche": "query",
    "Faits liés": "Related facts",
    "fait": "fact",
    "Gérer les faits (modérateurs).": "Manage facts (moderators).",
    "ajouter": "add",
    "Ajouter un fait (formulaire).": "Add a fact (form).",
    "modifier": "edit",
    "Corriger un fait de ce serveur (formulaire).": "Correct one of this server's facts (form).",
    "supprimer": "delete",
    "Supprimer un fait (ou masquer ici un fait commun).": "Delete a fact (or hide a shared fact here).",
    "restaurer": "restore",
    "Rétablir un fait supprimé ou masqué.": "Bring back a deleted or hidden fact.",
    "historique": "history",
    "Qui a changé quoi, et quand.": "Who changed what, and when.",
    "annuler": "undo",
    "Annuler la dernière modification d'un fait.": "Undo a fact's last change.",
    "numero": "number",
    "Numéro du fait (en pied de fiche).": "Fact number (in the card's footer).",
    "type": "kind",
    "Accord, visite ou rencontre.": "Agreement, visit or meeting.",
    "statut": "status",
    "Statut, si ce n'est pas le statut habituel.": "Status, when not the usual one.",
    "accord": "agreement",
    "visite": "visit",
    "rencontre": "meeting",
    "Nouveau statut, s'il change.": "New status, if it changes.",
    "revue": "review",
    "Relire les faits proposés par l'extraction (modérateurs).": "Review the facts the extractor proposed.",
    "Proposer les faits d'un article (fichier .txt/.html ou texte).": "Propose the facts of an article.",
    "fichier": "file",
    "L'article en .txt ou .html ; sans fichier, un formulaire pour coller le texte.": "The article as .txt or "
    ".html; without a file, a form to paste the text.",
    "signé": "signed", "conclu": "concluded", "de principe": "in principle", "convenu": "agreed",
    "annoncé": "announced", "prévu": "planned", "effectuée": "done", "prévue": "planned (visit/meeting)",
    "annulée": "cancelled", "tenue": "held",
}  # fmt: skip


def english_strings() -> dict[str, str]:
    table = dict(OTHER_ENGLISH)
    for command in COMMANDS.values():
        name, description, option = command.english
        table[command.name] = name
        table[command.description] = description
        if command.option_description:
            table[command.option_description] = option
    return table


ENGLISH_LOCALES = {Locale.american_english, Locale.british_english}


class EnglishTranslator(app_commands.Translator):
    def __init__(self) -> None:
        self._english = english_strings()

    async def translate(
        self, string: app_commands.locale_str, locale: Locale, context: app_commands.TranslationContextTypes
    ) -> str | None:
        if locale not in ENGLISH_LOCALES:
            return None
        return self._english.get(string.message)
