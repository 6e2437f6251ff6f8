"""Ranks facts for a free-text query.

Order of evidence: facts involving every entity the query names come first, then those involving more of
them, then the ones whose text holds the query's other words, then the most recent, then the firmest
status (a signed agreement before one agreed in principle).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from facts import dates
from facts.aliases import Resolution
from facts.catalog import Catalog
from facts.model import STATUSES, Fact

# Words that say which kind of fact is wanted rather than what it is about.
KIND_WORDS = {
    kind: frozenset(vocabulary.split())
    for kind, vocabulary in {
        "accord": "accord accords traite traites pacte partenariat memorandum convention agreement treaty",
        "visite": "visite visites voyage voyages deplacement deplacements tournee visit trip "
        "alle allee alles rendu rendue deplace deplacee visited went",
        "rencontre": "rencontre rencontres rencontre entretien entretiens reunion sommet meeting summit met",
    }.items()
}
TEXT_CUTOFF = 85.0
TEXT_ONLY_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Ranked:
    fact: Fact
    covered: int
    text_score: float


@dataclass(frozen=True, slots=True)
class Search:
    resolution: Resolution
    wanted: tuple[frozenset[str], ...]
    kind_hint: str | None
    words: tuple[str, ...]
    results: tuple[Ranked, ...]

    @property
    def complete(self) -> tuple[Ranked, ...]:
        """Results that involve every entity the query names."""
        return tuple(r for r in self.results if r.covered == len(self.wanted))


def _word_score(word: str, vocabulary: frozenset[str]) -> float:
    if word in vocabulary:
        return 1.0
    if len(word) >= 4 and any(v.startswith(word) or (len(v) >= 4 and word.startswith(v)) for v in vocabulary):
        return 0.9
    best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TEXT_CUTOFF)
    return best[1] / 100 if best else 0.0


def text_score(catalog: Catalog, fact: Fact, query_words: tuple[str, ...]) -> float:
    if not query_words:
        return 0.0
    vocabulary = catalog.vocabulary(fact)
    return sum(_word_score(word, vocabulary) for word in query_words) / len(query_words)


def _status_strength(fact: Fact) -> int:
    statuses = STATUSES.get(fact.kind, ())
    return -statuses.index(fact.status) if fact.status in statuses else -len(statuses)


def search(catalog: Catalog, query: str, kind: str | None = None, ignore: frozenset[str] = frozenset()) -> Search:
    """Facts matching `query`, best first; `kind` restricts, `ignore` drops words (question words)."""
    resolution = catalog.index.resolve(query)
    groups: dict[str, set[str]] = {}
    for mention in resolution.mentions:
        groups.setdefault(mention.text, set()).add(mention.entity_id)
    wanted = tuple(frozenset(group) for group in groups.values())
    kind_hint = None
    free_words = []
    for word in resolution.leftover:
        if word in ignore:
            continue
        hinted = next((k for k, vocabulary in KIND_WORDS.items() if word in vocabulary), None)
        if hinted:
            kind_hint = kind_hint or hinted
        else:
            free_words.append(word)
    results = []
    for fact in catalog.facts:
        if kind and fact.kind != kind:
            continue
        involved = catalog.involved(fact)
        covered = sum(1 for group in wanted if group & involved)
        score = text_score(catalog, fact, tuple(free_words))
        if covered or (not wanted and score >= TEXT_ONLY_THRESHOLD) or (not wanted and not free_words and kind_hint):
            results.append(Ranked(fact, covered, score))
    results.sort(
        key=lambda r: (
            r.covered == len(wanted),
            r.covered,
            round(r.text_score, 2),
            r.fact.kind == kind_hint,
            dates.sort_key(r.fact.date),
            _status_strength(r.fact),
            -r.fact.id,
        ),
        reverse=True,
    )
    return Search(resolution, wanted, kind_hint, tuple(free_words), tuple(results))
