"""Scores the extraction pipeline against the hand-made gold annotation of the seed articles.

A proposed fact is right when its kind, its set of parties and its date all equal those of a gold fact: these
are what the bot's lookups rely on, while titles, people and quotes may be worded many ways. Each gold fact
can be claimed once, so an extractor that reports one event twice gets one hit and one wrong proposal.

Run `python -m facts.evaluation` for a report; it always exits 0, the numbers are for the developer to read.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from facts.dates import is_valid, sort_key
from facts.model import KINDS

Key = tuple[str, frozenset[str], str | None]

GOLD_PATH = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold_seeds.json"
TOTAL = "total"


@dataclass(frozen=True)
class Score:
    kind: str
    true_positives: int
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        # Proposing nothing makes no wrong claim: 1.0 keeps an empty kind from dragging averages down.
        return self.true_positives / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        # Nothing to find means nothing was missed.
        return self.true_positives / self.expected if self.expected else 1.0


def match_key(kind: str, parties: Iterable[str], date: str | None) -> Key:
    """The part of a fact that must agree with the gold: party order carries no meaning, so it is a set.
    A party the extractor meets for the first time ("nouveau:mercosur") is an organisation: it counts as
    the gold's "org:mercosur"."""
    return (kind, frozenset(p.replace("nouveau:", "org:", 1) for p in parties), date)


def compare(proposed: Iterable[Key], gold: Iterable[Key]) -> tuple[list[Key], list[Key], list[Key]]:
    """Splits into (matched, wrong proposals, missed gold facts), pairing each gold fact at most once."""
    remaining = Counter(gold)
    matched: list[Key] = []
    wrong: list[Key] = []
    for key in proposed:
        if remaining[key] > 0:
            remaining[key] -= 1
            matched.append(key)
        else:
            wrong.append(key)
    missed = list(remaining.elements())
    return matched, wrong, missed


def evaluate(proposed: list[Key], gold: list[Key]) -> dict[str, Score]:
    """Scores per kind (every known kind, plus any other kind met) and a "total" row over all of them."""
    matched, _, _ = compare(proposed, gold)
    hits = Counter(key[0] for key in matched)
    proposed_by_kind = Counter(key[0] for key in proposed)
    expected_by_kind = Counter(key[0] for key in gold)
    # Known kinds always get a row so a kind the extractor never produces shows up as missing, not absent.
    others = sorted((set(proposed_by_kind) | set(expected_by_kind)) - set(KINDS))
    scores = {
        kind: Score(kind, hits[kind], proposed_by_kind[kind], expected_by_kind[kind]) for kind in (*KINDS, *others)
    }
    scores[TOTAL] = Score(TOTAL, len(matched), len(proposed), len(gold))
    return scores


def load_gold(path: Path | None = None) -> dict:
    return json.loads((path or GOLD_PATH).read_text(encoding="utf-8"))


def gold_keys(gold: dict) -> list[Key]:
    return [match_key(fact["kind"], fact["parties"], fact.get("date")) for fact in gold["facts"]]


def format_table(scores: dict[str, Score]) -> str:
    header = ("type", "proposés", "attendus", "corrects", "précision", "rappel")
    rows = [header]
    for score in scores.values():
        rows.append(
            (
                score.kind,
                str(score.proposed),
                str(score.expected),
                str(score.true_positives),
                f"{score.precision:.2f}",
                f"{score.recall:.2f}",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    # Kind names read best left-aligned, numbers right-aligned so their digits line up.
    lines = [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def format_key(key: Key) -> str:
    kind, parties, date = key
    return f"{kind} {', '.join(sorted(parties))} {date or 'sans date'}"


def _sorted(keys: Iterable[Key]) -> list[Key]:
    # A proposal may carry a malformed date; it must still be listed, not crash the report.
    def order(key: Key) -> tuple:
        kind, parties, date = key
        when = sort_key(date) if date and is_valid(date) else (0, 0, 0)
        return (kind, when, date or "", sorted(parties))

    return sorted(keys, key=order)


def main() -> None:
    # Imported here so the scoring helpers and their tests work before the pipeline (and spaCy) exists.
    try:
        from facts.articles import read_article
        from facts.extraction import extract_article
    except ModuleNotFoundError as error:
        if error.name not in ("facts.articles", "facts.extraction"):
            raise
        sys.exit(f"Pipeline d'extraction absent ({error.name}) : rien à évaluer.")
    from facts.seed_store import SEEDS_ENV, seeds_dir

    data = GOLD_PATH.parent
    for title, gold_path, articles, detailed in (
        ("Articles fournis (../shared/seeds), annotation de référence", GOLD_PATH, seeds_dir(), True),
        ("Articles de développement (tests/data/dev), hors domaine, ayant servi à écrire les règles",
         data / "dev" / "gold.json", data / "dev", True),
        # The misses of the held-out set are not printed: reading them is how a held-out set stops being one.
        ("Articles réservés (tests/data/heldout), jamais lus pour écrire les règles (détail masqué)",
         data / "heldout" / "gold.json", data / "heldout", False),
        ("Articles neufs (tests/data/fresh), écrits à l'aveugle après les règles, jamais lus (détail masqué)",
         data / "fresh" / "gold.json", data / "fresh", False),
    ):  # fmt: skip
        if gold_path != GOLD_PATH and not gold_path.is_file():
            continue  # a checkout without the extra sets still reports on the seeds
        if not articles.is_dir():
            sys.exit(f"Articles sources introuvables : {articles} (définissez {SEEDS_ENV}).")
        gold = load_gold(gold_path)
        proposed: list[Key] = []
        for name, meta in gold["articles"].items():
            article = read_article(articles / name, published=meta["published"])
            proposed.extend(match_key(fact.kind, fact.parties, fact.date) for fact in extract_article(article))
        expected = gold_keys(gold)
        _, wrong, missed = compare(proposed, expected)
        print(f"\n{title}\n")
        print(format_table(evaluate(proposed, expected)))
        if not detailed:
            continue
        print(f"\nManqués ({len(missed)}) :")
        for key in _sorted(missed):
            print(f"  - {format_key(key)}")
        print(f"\nPropositions fausses ({len(wrong)}) :")
        for key in _sorted(wrong):
            print(f"  - {format_key(key)}")


if __name__ == "__main__":
    main()
