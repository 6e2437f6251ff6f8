"""The French words events, places and titles are recognised by, shared by the extraction's readers."""

from __future__ import annotations

from facts.when import MONTHS, WEEKDAYS

AGREEMENT_NOUNS = frozenset(
    "accord accords accord-cadre traité pacte partenariat mémorandum protocole convention entente charte "
    "déclaration arrangement contrat feuille lettre texte".split()  # "feuille de route", "lettre d'intention"
)
VISIT_NOUNS = frozenset("visite voyage déplacement tournée escale séjour passage".split())
MEETING_NOUNS = frozenset(
    "rencontre entretien entretiens réunion sommet pourparlers pourparler conférence tête-à-tête audience".split()
)
# An event noun as tagged, or as the small model sometimes mistags it ("fait escale": an adjective).
NOMINAL = frozenset(("NOUN", "ADJ"))
PLACE_CASES = frozenset("à au aux en dans".split())
ROLE_WORDS = frozenset(
    "ministre président présidente premier première chef secrétaire commissaire ambassadeur ambassadrice roi "
    "reine prince chancelier chancelière diplomate porte-parole émir vice-président haut haute cheffe "
    "conseiller conseillère vice-première envoyé envoyée émissaire représentant représentante sultan".split()
)
HONORIFICS = frozenset("m. mme mlle mm. monsieur madame".split())
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Who votes at home, never a side of an agreement: "Le Parlement sud-africain a ratifié l'accord".
LEGISLATURES = frozenset("parlement assemblée sénat congrès chambre douma knesset".split())
DEMONSTRATIVES = frozenset(("ce", "cet", "cette", "ces"))  # "ce traité", "cette visite": one told before
