"""Text folding shared by the alias table, the matcher and the extractor.

Queries come from people typing in Discord: any case, with or without accents, with French elisions
("l'accord") and hyphenated names ("Japon-UE"). Everything that compares names goes through `fold`.
"""

import re
import sys
import unicodedata
from functools import cache

_SEPARATORS = re.compile(r"[\s'’‘`´\-‐‑‒–—_/.,;:!?«»\"“”()\[\]{}]+")
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)\s")

# The forms of "avoir" a past participle follows: "a signé", "ont eu lieu", "aient été conclus".
AVOIR_FORMS = frozenset("a ont avait avaient aura auront ait aient avoir".split())
# Function words of French and English that must never be read as a name or an ISO code.
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du en entre et il ils elle elles est la le les leur leurs
    lors mais ne ni nos notre on ou par pas pour qu que qui quoi quand sa se ses son sont sur ta te tes
    ton un une vos votre y t ont ete etait sera quel quelle quels quelles comment combien
    pourquoi dont depuis apres avant chez sous vers fait faire
    the of and in on at to for with by from is was are were an as what when where who which how
    """.split()
)


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of `text`, words separated by one space."""
    folded = text.casefold()
    # Plain ASCII has nothing to decompose or strip: most names, and the per-character pass was most of the
    # cost of indexing thousands of them.
    if folded.isascii():
        stripped = folded
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = _SEPARATORS.sub(" ", stripped).strip()
    return _ELISION.sub("", spaced + " ").strip()


def words(text: str) -> list[str]:
    """Folded words of `text`, in order."""
    folded = fold(text)
    return folded.split() if folded else []


@cache
def _folded_piece(piece: str) -> tuple[str, ...]:
    return tuple(sys.intern(word) for word in words(piece))


def vocabulary_words(text: str) -> list[str]:
    """`words(text)` for the facts' own text, faster on a whole store: the same pieces of text recur from
    fact to fact, so each is folded once, and its words are shared strings (one "accord" in memory, not one
    per fact)."""
    return [word for piece in _SEPARATORS.split(text) if piece for word in _folded_piece(piece)]
