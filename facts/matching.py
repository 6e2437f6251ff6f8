"""Ranks facts for a free-text query.

Order of evidence: facts involving every entity the query names come first, then those involving more of
them, then the ones whose text holds the query's other words, then the most recent, then the firmest
status (a signed agreement before one agreed in principle).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import islice

from babel.dates import get_month_names
from rapidfuzz import fuzz, process

from facts import dates
from facts.aliases import Resolution
from facts.catalog import Catalog, centrality
from facts.model import FIRMNESS, Fact
from facts.normalize import STOP_WORDS, fold

# Words that say which kind of fact is wanted rather than what it is about.
KIND_WORDS = {
    kind: frozenset(vocabulary.split())
    for kind, vocabulary in {
        "accord": "accord accords traite traites pacte partenariat memorandum convention agreement treaty",
        "visite": "visite visites voyage voyages deplacement deplacements tournee visit trip "
        "alle allee alles rendu rendue deplace deplacee visited went",
        "rencontre": "rencontre rencontres entretien entretiens reunion sommet conference meeting summit met",
    }.items()
}
TEXT_CUTOFF = 85.0
TEXT_ONLY_THRESHOLD = 0.5

# Words of the title and topics say what a fact is; words of its summary and quotes only mention things.
MENTION_WEIGHT = 0.85


@dataclass(frozen=True, slots=True)
class Ranked:
    fact: Fact
    covered: int
    direct: int
    centrality: int  # how central the named entities are to the fact
    text_score: float
    on_date: bool = False


@dataclass(frozen=True, slots=True)
class Search:
    resolution: Resolution
    wanted: tuple[frozenset[str], ...]
    absent: tuple[str, ...]  # entities the query names that no fact involves
    kind_hint: str | None
    words: tuple[str, ...]
    results: tuple[Ranked, ...]

    @property
    def complete(self) -> tuple[Ranked, ...]:
        """Results in which every entity the query names takes part directly (party, person or place)."""
        return tuple(r for r in self.results if r.direct == len(self.wanted))


# How a vocabulary word matches a free word of the query, best first: the word itself, then a prefix (a
# plural or an unfinished word, "mine" / "mines", nearly as good), then a close spelling by its score. A
# rating is that order as one number (a close spelling rates its score, below 1); its score is what counts.
SAME_RATING, PREFIX_RATING = 2.0, 1.5
SCORE_OF_RATING = {SAME_RATING: 1.0, PREFIX_RATING: 0.9}
PREFIX_LIMIT = 200
FUZZY_WORDS = 10


@dataclass(frozen=True, slots=True)
class WordMatch:
    """What one free word of the query finds in the whole vocabulary, looked up once per query instead of
    once per fact: each vocabulary word that scores for it, with its rating; and the few whose facts are
    worth fetching as candidates."""

    ratings: dict[str, float]
    leads: frozenset[str]


WORDS_REMEMBERED = 10_000


def word_match(catalog: Catalog, word: str) -> WordMatch:
    remembered = catalog.word_matches
    if word not in remembered:
        if len(remembered) >= WORDS_REMEMBERED:
            remembered.clear()
        remembered[word] = _word_match(catalog, word)
    return remembered[word]


def _word_match(catalog: Catalog, word: str) -> WordMatch:
    vocabulary = catalog.words_sorted
    close = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TEXT_CUTOFF, limit=None)
    ratings = {similar: score / 100 for similar, score, _ in close}
    prefixed, shorter = [], []
    if len(word) >= 4:
        for similar in islice(vocabulary, bisect_left(vocabulary, word), None):
            if not similar.startswith(word):
                break
            prefixed.append(similar)
        shorter = [word[:cut] for cut in range(4, len(word)) if word[:cut] in catalog.word_postings]
    ratings.update(dict.fromkeys(prefixed + shorter, PREFIX_RATING))
    same = [word] if word in catalog.word_postings else []
    ratings.update(dict.fromkeys(same, SAME_RATING))
    fuzzy = [similar for similar, _, _ in close[:FUZZY_WORDS]] if len(word) >= 4 else []
    return WordMatch(ratings, frozenset(same + prefixed[:PREFIX_LIMIT] + shorter + fuzzy))


def text_score(catalog: Catalog, fact: Fact, matches: tuple[WordMatch, ...]) -> float:
    """Share of the query's free words found in the fact, headline words counting more than mentions."""
    if not matches:
        return 0.0
    headline, mentioned = catalog.vocabularies(fact)
    total = 0.0
    for match in matches:
        ratings = match.ratings
        if not ratings:
            continue
        in_headline = max([ratings[word] for word in headline if word in ratings], default=0.0)
        anywhere = max([ratings[word] for word in mentioned if word in ratings], default=0.0)
        in_headline, anywhere = (SCORE_OF_RATING.get(r, r) for r in (in_headline, max(in_headline, anywhere)))
        total += max(in_headline, MENTION_WEIGHT * anywhere)
    return total / len(matches)


def name_groups(resolution: Resolution) -> dict[str, set[str]]:
    """Each name the query holds → the entities it may be ("Congo": two countries)."""
    groups: dict[str, set[str]] = {}
    for mention in resolution.mentions:
        groups.setdefault(mention.text, set()).add(mention.entity_id)
    return groups


def _split_query(catalog: Catalog, resolution: Resolution, ignore: frozenset[str]):
    """Entity groups worth matching, names no fact involves, the kind the words hint at, and the free
    words left for the text."""
    wanted, absent, demoted = [], [], []
    for text, group in name_groups(resolution).items():
        if group & catalog.involved_anywhere:
            wanted.append(frozenset(group))
        else:
            # A name no fact involves is more use as words of the text ("Ishiba" in a summary).
            absent.extend(sorted(group))
            demoted.extend(text.split())
    free_words, kind_hint = [], None
    for word in (*resolution.leftover, *demoted):
        if word in ignore or word in STOP_WORDS:
            continue
        hinted = next((k for k, vocabulary in KIND_WORDS.items() if word in vocabulary), None)
        if hinted:
            kind_hint = kind_hint or hinted
        else:
            free_words.append(word)
    return tuple(wanted), tuple(absent), kind_hint, tuple(free_words)


@cache
def _month_numbers() -> dict[str, int]:
    return {
        fold(name): number for locale in ("fr", "en") for number, name in get_month_names("wide", locale=locale).items()
    }


def _date_terms(free_words: tuple[str, ...]) -> tuple[tuple[int | None, int | None], tuple[str, ...]]:
    """A year and a month named in the query ("en janvier 2024"), and the words left once they are taken."""
    year = month = None
    rest = []
    for word in free_words:
        if word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100:
            year = int(word)
        elif word in _month_numbers():
            month = _month_numbers()[word]
        else:
            rest.append(word)
    return (year, month), tuple(rest)


def _on_date(fact: Fact, year: int | None, month: int | None) -> bool:
    if not fact.date or (year is None and month is None):
        return False
    when = dates.parse(fact.date)
    return (year is None or when.year == year) and (month is None or when.month == month)


def _candidates(catalog, wanted, matches, kind_hint, year, month, kind=None) -> list[Fact]:
    """Facts worth scoring: those involving a named entity, else those holding a query word, else (a
    bare kind or date) all of them. Never the whole store when the query names something; and when the
    query only names entities, only the facts involving all of them plus the best few of each."""
    if wanted and year is None and month is None and (kind or not kind_hint):
        chosen = {fact.id: fact for fact in _named_only(catalog, wanted, kind)}
        # Besides the best facts for the names, those that also hold the words: ranked higher.
        named = [catalog.posting_ids.get(entity_id, frozenset()) for group in wanted for entity_id in group]
        for fact_id in _holding_words(catalog, matches, named):
            chosen.setdefault(fact_id, catalog.by_id[fact_id])
        return list(chosen.values())
    if wanted:
        seen: dict[int, Fact] = {}
        for group in wanted:
            for entity_id in group:
                for fact in catalog.postings.get(entity_id, ()):
                    seen[fact.id] = fact
        return list(seen.values())
    if matches:
        return [catalog.by_id[fact_id] for fact_id in sorted(_holding_words(catalog, matches))]
    # Only a kind or a date asked, every fact is a candidate; with nothing asked at all, none is.
    return list(catalog.facts) if kind_hint or year is not None or month is not None else []


# A common word is held by thousands of facts, too many to score for each query: only this many are,
# those holding a lead of every free word of the query first, then of some, the newest ids first.
TEXT_CANDIDATES = 100


def _holding_words(catalog: Catalog, matches: tuple[WordMatch, ...], among: list[frozenset[int]] | None = None):
    """Ids of the facts worth scoring for the query's free words, among the facts of `among` if given."""
    per_word = []
    for match in matches:
        ids = set().union(*(catalog.word_postings.get(similar, ()) for similar in match.leads))
        per_word.append(ids if among is None else set().union(*(ids & involving for involving in among)))
    if not per_word:
        return []
    every = set.intersection(*per_word)
    chosen = sorted(every)[-TEXT_CANDIDATES:]
    if len(chosen) < TEXT_CANDIDATES:
        some = set().union(*per_word) - every
        chosen += sorted(some)[len(chosen) - TEXT_CANDIDATES :]
    return chosen


# Callers show ten results and a menu of 25: ranking more than this is wasted on a large store.
TOP_RESULTS = 50


# A fact read from a ranked list costs about as much as this many ids intersected.
READS_PER_INTERSECTED = 8


def involving_any(catalog: Catalog, group: frozenset[str]) -> frozenset[int]:
    """Ids of the facts that involve one of the entities of `group` (the ways one name may be read)."""
    if len(group) == 1:
        return catalog.posting_ids.get(next(iter(group)), frozenset())  # no copy of a long list
    return frozenset().union(*(catalog.posting_ids.get(entity_id, frozenset()) for entity_id in group))


def _ranked_involving(
    catalog: Catalog, group: frozenset[str], among: frozenset[int], kind: str | None, reads: int | None = None
) -> dict[int, Fact] | None:
    """The 4 × TOP_RESULTS best ranked facts (of `kind`) of each entity of `group` whose ids are `among`
    these, or all of them if fewer; None if that takes reading more than `reads` facts of one entity."""
    chosen: dict[int, Fact] = {}
    for entity_id in group:
        taken = 0
        for fact in catalog.ranked_among(entity_id, among, reads):
            if kind is None or fact.kind == kind:
                chosen[fact.id] = fact
                taken += 1
                if taken >= 4 * TOP_RESULTS:
                    break
        else:
            if reads is not None and len(catalog.posting_ids.get(entity_id, ())) > reads:
                return None  # more facts than `reads` were left to read
    return chosen


def _named_only(catalog: Catalog, wanted, kind: str | None) -> list[Fact]:
    """Candidates for a query that only names entities, read from each entity's pre-ranked facts: those
    involving every name (walking the rarest name's list), then the best few involving only some."""
    ids_per_group = [involving_any(catalog, group) for group in wanted]
    rarest = min(range(len(wanted)), key=lambda n: len(ids_per_group[n]))
    chosen = None
    if len(wanted) == 2:
        # Two very common names share thousands of facts: the first of them in the rarest name's ranked list
        # come within a few hundred of its facts, found sooner than the two long lists are intersected, and
        # the same facts the intersection leads to. Tried when, were the names independent, they would come
        # within half the reads an intersection costs; when they do not, the lists are intersected after all.
        other = ids_per_group[1 - rarest]
        reads = len(ids_per_group[rarest]) // READS_PER_INTERSECTED
        if len(other) / len(catalog.by_id) * reads >= 2 * 4 * TOP_RESULTS:
            chosen = _ranked_involving(catalog, wanted[rarest], other, kind, reads)
    if chosen is None:
        involving_all = frozenset.intersection(*ids_per_group) if len(wanted) > 1 else ids_per_group[0]
        if len(involving_all) <= 4 * TOP_RESULTS:
            # Few enough to take them all, rather than walk a long list to find them.
            chosen = {
                i: catalog.by_id[i] for i in sorted(involving_all) if kind is None or catalog.by_id[i].kind == kind
            }
        else:
            chosen = _ranked_involving(catalog, wanted[rarest], involving_all, kind)
    if len(chosen) < TOP_RESULTS:
        for group in wanted:
            for entity_id in group:
                taken = 0
                for fact in catalog.ranked_postings(entity_id):
                    if kind is None or fact.kind == kind:
                        chosen.setdefault(fact.id, fact)
                        taken += 1
                        if taken >= TOP_RESULTS:
                            break
    return list(chosen.values())


def search(catalog: Catalog, query: str, kind: str | None = None, ignore: frozenset[str] = frozenset()) -> Search:
    """Facts matching `query`, best first (the best TOP_RESULTS); `kind` restricts, `ignore` drops words
    (question words)."""
    resolution = catalog.index.resolve(query)
    wanted, absent, kind_hint, free_words = _split_query(catalog, resolution, ignore)
    (year, month), free_words = _date_terms(free_words)
    dated = year is not None or month is not None
    matches = tuple(word_match(catalog, word) for word in free_words)
    weighed = []
    for fact in _candidates(catalog, wanted, matches, kind_hint, year, month, kind):
        if kind and fact.kind != kind:
            continue
        involved = catalog.involved(fact)
        covered = sum(1 for group in wanted if not group.isdisjoint(involved))
        on_date = dated and _on_date(fact, year, month)
        # Without names the text decides which facts match at all; with names it only orders them.
        score = None if wanted else text_score(catalog, fact, matches)
        if wanted and not covered:
            continue
        if not wanted and not (
            score >= TEXT_ONLY_THRESHOLD or (not free_words and (on_date or (kind_hint and not dated)))
        ):
            continue
        direct = catalog.direct(fact)
        directly = sum(1 for group in wanted if not group.isdisjoint(direct))
        # Evidence first (names the fact involves, directly, centrally), then the date asked.
        evidence = (directly == len(wanted), directly, covered, centrality(fact, wanted), on_date)
        weighed.append((evidence, fact, score))
    if len(weighed) > TOP_RESULTS:
        # A fact whose evidence is below that of the TOP_RESULTS best cannot make it, whatever its words:
        # its text is not scored.
        floor = heapq.nlargest(TOP_RESULTS, (evidence for evidence, _, _ in weighed))[-1]
        weighed = [item for item in weighed if item[0] >= floor]
    keyed = []
    for evidence, fact, score in weighed:
        score = text_score(catalog, fact, matches) if score is None else score
        # Then the words, the kind the words hint at, recency and firmness; rounding keeps near-equal text
        # scores from overriding recency.
        key = (*evidence, round(score, 2), fact.kind == kind_hint, catalog.date_key(fact),
               FIRMNESS.get(fact.status, 0), -fact.id)  # fmt: skip
        keyed.append((key, fact, score))
    best = heapq.nlargest(TOP_RESULTS, keyed, key=lambda item: item[0])
    results = tuple(Ranked(fact, key[2], key[1], key[3], score, key[4]) for key, fact, score in best)
    return Search(resolution, wanted, absent, kind_hint, free_words, results)
