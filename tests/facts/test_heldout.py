"""Held-out evaluation: the extractor on six articles written after the rules, never used to tune them.

The articles and their gold annotation live in tests/data/heldout/. The floor checked here (0.6 precision
and recall for accords and visits) is a regression guard, not a target: run with `pytest -s` to read the
full table.
"""

import json
from pathlib import Path

import pytest

from facts.articles import read_article
from facts.catalog import Catalog
from facts.evaluation import evaluate, format_table, match_key
from facts.extraction import extract
from facts.store import FactStore, shipped_store_path

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
FLOOR = 0.6
CHECKED_KINDS = ("accord", "visite")


def _gold() -> dict:
    return json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))


def test_gold_is_consistent_with_articles():
    gold = _gold()
    for fact in gold["facts"]:
        assert fact["article"] in gold["articles"], fact
        text = read_article(HELDOUT / fact["article"]).text
        assert fact["evidence"] in text, fact["evidence"]


@pytest.fixture(scope="module")
def heldout_scores():
    gold = _gold()
    catalog = Catalog.from_store(FactStore(shipped_store_path()))
    proposed = []
    for name, meta in gold["articles"].items():
        article = read_article(HELDOUT / name, published=meta["published"])
        proposed.extend(match_key(fact.kind, fact.parties, fact.date) for fact in extract(article, catalog).facts)
    expected = [match_key(fact["kind"], fact["parties"], fact.get("date")) for fact in gold["facts"]]
    scores = evaluate(proposed, expected)
    print("\nÉvaluation sur les articles réservés (tests/data/heldout) :")
    print(format_table(scores))
    return scores


@pytest.mark.xfail(
    strict=True,
    reason="hors des articles de référence, le rappel reste sous le plancher (accords 0.43, visites 0.35) : "
    "anaphores, villes et personnes inconnues, constructions passives ; voir la note de clôture du ticket 5",
)
@pytest.mark.parametrize("kind", CHECKED_KINDS)
def test_heldout_precision_and_recall_floor(heldout_scores, kind):
    score = heldout_scores[kind]
    assert score.precision >= FLOOR, f"{kind} : précision {score.precision:.2f} < {FLOOR}"
    assert score.recall >= FLOOR, f"{kind} : rappel {score.recall:.2f} < {FLOOR}"
