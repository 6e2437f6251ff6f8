"""A close spelling is looked for only among the names that hold enough of the phrase's characters to be
within reach: the same name, at the same distance, as scanning every name of a reachable length."""

import random

from rapidfuzz import process
from rapidfuzz.distance import OSA

from facts.aliases import TWO_SLIPS_FROM, AliasIndex
from facts.model import Entity

# Letters, digits, signs, and characters no name holds.
TYPED = "abcdefghijklmnopqrstuvwxyz0123456789 -'ßøłæ"


def every_name_scanned(index: AliasIndex, phrase: str) -> tuple[str, float] | None:
    slips = 2 if len(phrase) >= TWO_SLIPS_FROM else 1
    near = [name for name in index._keys if abs(len(name) - len(phrase)) <= slips]
    found = process.extractOne(phrase, near, scorer=OSA.distance, score_cutoff=slips)
    return None if found is None else found[:2]


def mistyped(name: str, rng: random.Random) -> str:
    """`name` with up to three slips: within reach, and beyond."""
    letters = list(name)
    for _ in range(rng.randrange(4)):
        at = rng.randrange(len(letters))
        slip = rng.randrange(4)
        if slip == 0:
            letters.insert(at, rng.choice(TYPED))
        elif slip == 1 and len(letters) > 1:
            del letters[at]
        elif slip == 2:
            letters[at] = rng.choice(TYPED)
        elif at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def test_the_closest_name_is_the_one_scanning_every_name_finds(catalog):
    rng = random.Random(4)
    people = [Entity(id=f"pers:p{n}", kind="personne", name=f"Amina Diallo-{n}") for n in range(300)]
    index = AliasIndex([*catalog.entities.values(), *people])
    names = index._keys
    for _ in range(4000):
        phrase = mistyped(rng.choice(names), rng) if rng.random() < 0.8 else mistyped(rng.choice(names)[:6], rng)
        assert index._closest_name(phrase) == every_name_scanned(index, phrase), phrase
