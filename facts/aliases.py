"""Turns the words of a query into the entities they name.

Every name of every entity (countries from babel/pycountry, organisations, people, places) is folded into
one table. A query is read left to right, longest phrase first: exact names win, then close spellings
(rapidfuzz's OSA edit distance, where swapped letters count as one slip) for words long enough that a typo
cannot turn one short name into another ("UE" must never become "UA"). Words that name nothing are handed
back so the matcher can look for them in the facts' text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from facts.model import Entity
from facts.normalize import AVOIR_FORMS, STOP_WORDS, fold, words

# Below this length a one-letter slip changes the meaning (UE/UA, Iran/Irak), so only exact names count.
FUZZY_MIN_LENGTH = 4
# Longer names tolerate a second slip ("Union europeene", "Zelenskiy").
TWO_SLIPS_FROM = 8
SUGGESTION_CUTOFF = 70.0
WORD_START_SPAN = 32
PHRASES_REMEMBERED = 10_000


@dataclass(frozen=True, slots=True)
class Mention:
    entity_id: str
    text: str
    alias: str
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    mentions: tuple[Mention, ...]
    leftover: tuple[str, ...]

    @property
    def entity_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.entity_id for m in self.mentions))


_TYPED_IN_CAPITALS = re.compile(r"\b[A-Z]{2,3}\b")


def _capitals_only(entity: Entity, name: str) -> bool:
    """ISO alpha-3 codes spell French words ("fin", "per", "lie") and some acronyms are words ("UN" is
    "un"): those count only when typed in capitals."""
    key = fold(name)
    return name.isupper() and len(name) <= 3 and (key in STOP_WORDS or entity.kind == "pays")


def _person_variants(entity: Entity) -> tuple[str, ...]:
    """Both name orders and the surname alone, so "Iwaya", "Takeshi Iwaya" and "Iwaya Takeshi" all match."""
    if entity.kind != "personne":
        return ()
    parts = entity.name.split()
    if len(parts) < 2:
        return ()
    return (" ".join(reversed(parts)), parts[-1])


def _holding(names: list[str]) -> dict[str, int]:
    """Character → the names holding it, as the bits of their places in `names`."""
    bitmaps: dict[str, bytearray] = {}
    for place, name in enumerate(names):
        byte, bit = place >> 3, 1 << (place & 7)
        for character in set(name):
            bitmap = bitmaps.get(character)
            if bitmap is None:
                bitmap = bitmaps[character] = bytearray((len(names) + 7) // 8)
            bitmap[byte] |= bit
    return {character: int.from_bytes(bitmap, "little") for character, bitmap in bitmaps.items()}


class AliasIndex:
    def __init__(self, entities: Iterable[Entity]) -> None:
        self._exact: dict[str, list[str]] = {}
        self._capitals: dict[str, str] = {}
        for entity in entities:
            for name in (*entity.names, *_person_variants(entity)):
                key = fold(name)
                if not key:
                    continue
                if _capitals_only(entity, name):
                    self._capitals.setdefault(key, entity.id)
                elif key not in STOP_WORDS:
                    owners = self._exact.setdefault(key, [])
                    if entity.id not in owners:
                        owners.append(entity.id)
        self._keys = [key for key in self._exact if len(key) >= FUZZY_MIN_LENGTH]
        # Phrases are tried as long as the longest name ("Géorgie du Sud-et-les Îles Sandwich du Sud"),
        # typos included: a try only reads the names of a reachable length (below).
        self._most_words = max((key.count(" ") + 1 for key in self._exact), default=1)
        # A name `slips` edits away from a phrase is at most `slips` letters longer or shorter: each try
        # reads only the names of those lengths, one run of the names sorted by length.
        self._by_length = sorted(self._keys, key=len)
        self._lengths = [len(key) for key in self._by_length]
        self._table_order = {key: rank for rank, key in enumerate(self._keys)}  # the same one wins a tie
        self._holding = _holding(self._by_length)
        self._closest: dict[str, tuple[str, float] | None] = {}
        self._completed: dict[tuple[str, int], tuple[str, ...]] = {}
        # Every name from each of its words on ("la cite du vatican", "cite du vatican", …), sorted: the
        # names one of whose words starts with what is typed are one contiguous range. Cut short, so that a
        # name of a thousand words (a pasted page) does not cost a thousand copies of itself.
        self._word_starts = sorted(
            (key[at : at + WORD_START_SPAN], key)
            for key in self._exact
            for at in range(len(key))
            if at == 0 or key[at - 1] == " "
        )

    def lookup(self, name: str) -> tuple[str, ...]:
        """Entities whose name is exactly `name` once folded."""
        return tuple(self._exact.get(fold(name), ()))

    def resolve(self, text: str, fuzzy: bool = True) -> Resolution:
        """Entities named in `text`; `fuzzy=False` for long free text (a chat message), where a close
        spelling is more often another word than a typo."""
        tokens = words(text)
        in_capitals = {fold(word) for word in _TYPED_IN_CAPITALS.findall(text)}
        mentions: list[Mention] = []
        leftover: list[str] = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token in in_capitals and token in self._capitals and token not in self._exact:
                mentions.append(Mention(self._capitals[token], token, token, 100.0))
                position += 1
                continue
            if token == "eu" and position and tokens[position - 1] in AVOIR_FORMS:
                position += 1
                continue
            found = self._longest_match(tokens, position, fuzzy)
            if found is None:
                if token not in STOP_WORDS:
                    leftover.append(token)
                position += 1
                continue
            length, key, score = found
            phrase = " ".join(tokens[position : position + length])
            mentions.extend(Mention(owner, phrase, key, score) for owner in self._exact[key])
            position += length
        return Resolution(tuple(mentions), tuple(leftover))

    def _longest_match(self, tokens: list[str], start: int, fuzzy: bool) -> tuple[int, str, float] | None:
        longest = min(self._most_words, len(tokens) - start)
        for length in range(longest, 0, -1):
            phrase = " ".join(tokens[start : start + length])
            if phrase in self._exact and not (length == 1 and phrase in STOP_WORDS):
                return length, phrase, 100.0
        if not fuzzy:
            return None
        for length in range(longest, 0, -1):
            phrase = " ".join(tokens[start : start + length])
            edges = (tokens[start], tokens[start + length - 1])
            if len(phrase) < FUZZY_MIN_LENGTH or any(edge in STOP_WORDS for edge in edges):
                continue
            best = self._closest_name(phrase)
            if best:
                return length, best[0], 100.0 * (1 - best[1] / max(len(phrase), len(best[0])))
        return None

    def _closest_name(self, phrase: str) -> tuple[str, float] | None:
        """The first name in table order among the closest within reach of `phrase` (see TWO_SLIPS_FROM), and
        its distance, remembered: the same names are mistyped, and left over, query after query."""
        if phrase not in self._closest:
            if len(self._closest) >= PHRASES_REMEMBERED:
                self._closest.clear()
            slips = 2 if len(phrase) >= TWO_SLIPS_FROM else 1
            near = self._spelt_within(phrase, slips)
            found = process.extractOne(phrase, near, scorer=OSA.distance, score_cutoff=slips)
            self._closest[phrase] = None if found is None else found[:2]
        return self._closest[phrase]

    def _spelt_within(self, phrase: str, slips: int) -> list[str]:
        """The names of a length within reach of `phrase`, in table order, less those lacking more than `slips`
        of its characters: each slip (a letter left out, added or replaced, two swapped) takes away at most
        one character, so none of those is within reach. Thousands of names have a length within reach of a
        phrase of ten letters or so (the full names, first and last names of thousands of people); a few
        dozen are left to compare."""
        first = bisect_left(self._lengths, len(phrase) - slips)
        run = (1 << (bisect_right(self._lengths, len(phrase) + slips) - first)) - 1
        # lacking[n]: the names of the run (as bits) lacking more than n of the phrase's characters.
        lacking = [0] * (slips + 1)
        for character in set(phrase):
            lacks = run & ~(self._holding.get(character, 0) >> first)
            for more in range(slips, 0, -1):
                lacking[more] |= lacking[more - 1] & lacks
            lacking[0] |= lacks
        left = run & ~lacking[slips]
        names = []
        while left:
            lowest = left & -left
            names.append(self._by_length[first + lowest.bit_length() - 1])
            left ^= lowest
        return sorted(names, key=self._table_order.__getitem__)

    def suggest(self, text: str, limit: int = 5, among: set[str] | None = None) -> list[tuple[str, float]]:
        """Closest entities to `text`, best first, for "did you mean" answers: only close ones, and only
        `among` these entities when given (those the facts involve); nothing rather than noise."""
        query = fold(text)
        if not query:
            return []
        keys = self._keys if among is None else [k for k in self._keys if any(o in among for o in self._exact[k])]
        ranked: dict[str, float] = {}
        matches = process.extract(query, keys, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=SUGGESTION_CUTOFF)
        for key, score, _ in matches:
            for owner in self._exact[key]:
                if among is None or owner in among:
                    ranked[owner] = max(ranked.get(owner, 0.0), score)
        return sorted(ranked.items(), key=lambda item: -item[1])[:limit]

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Entities one of whose names, or a word of it, starts with what has been typed so far; remembered,
        since a short start ("k") reads hundreds of names and the same starts are typed again and again."""
        typed = fold(prefix)
        if not typed:
            return []
        if (typed, limit) not in self._completed:
            if len(self._completed) >= PHRASES_REMEMBERED:
                self._completed.clear()
            self._completed[typed, limit] = tuple(self._completing(typed, limit))
        return list(self._completed[typed, limit])

    def _completing(self, typed: str, limit: int) -> list[str]:
        span = typed[:WORD_START_SPAN]
        named: set[str] = set()
        for tail, key in islice(self._word_starts, bisect_left(self._word_starts, (span,)), None):
            if not tail.startswith(span):
                break
            if len(typed) <= WORD_START_SPAN or f" {typed}" in f" {key}":
                named.add(key)
        shortest_first = sorted(named, key=lambda key: (len(key), key))
        return list(dict.fromkeys(owner for key in shortest_first for owner in self._exact[key]))[:limit]
