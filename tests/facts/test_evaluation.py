"""Scoring extracted facts against the gold annotation, and the gold file itself.

The gold checks read the seed articles (../shared/seeds, or $DIPLOBOT_SEEDS): without them they error out,
like the seed store tests, rather than skip.
"""

import json
import re
import sys
import types
from pathlib import Path

import pytest

from facts import evaluation
from facts.dates import parse
from facts.evaluation import GOLD_PATH, Score, evaluate, format_table, load_gold, match_key
from facts.model import KINDS, STATUSES, Fact
from facts.seed_store import SEEDS_ENV, seeds_dir

JP_EU = match_key("accord", ["pays:JP", "org:ue"], "2024-11-01")
JP_UA_VISIT = match_key("visite", ["pays:JP", "pays:UA"], "2024-11-16")
JP_UA_MEETING = match_key("rencontre", ["pays:UA", "pays:JP"], "2024-11-16")


def test_match_key_ignores_party_order():
    assert match_key("accord", ["org:ue", "pays:JP"], "2024-11-01") == JP_EU
    assert match_key("accord", ("pays:JP", "org:ue"), "2024-11-01") == ("accord", {"pays:JP", "org:ue"}, "2024-11-01")


def test_match_key_keeps_date_precision_apart():
    # A month is not the day it contains: the extractor must not guess or lose precision.
    assert match_key("accord", ["pays:JP", "org:ue"], "2024-11") != JP_EU
    assert match_key("accord", ["pays:JP", "org:ue"], None) != JP_EU


def test_perfect_extraction():
    gold = [JP_EU, JP_UA_VISIT, JP_UA_MEETING]
    scores = evaluate(list(reversed(gold)), gold)
    assert scores["total"] == Score("total", 3, 3, 3)
    for kind in KINDS:
        assert scores[kind] == Score(kind, 1, 1, 1)
        assert scores[kind].precision == scores[kind].recall == 1.0


def test_missing_fact_lowers_recall_only():
    scores = evaluate([JP_EU], [JP_EU, match_key("accord", ["pays:JP", "pays:UA"], "2024-11-16")])
    assert scores["accord"] == Score("accord", 1, 1, 2)
    assert scores["accord"].precision == 1.0
    assert scores["accord"].recall == 0.5


def test_extra_fact_lowers_precision_only():
    scores = evaluate([JP_EU, match_key("accord", ["pays:JP", "pays:US"], "2024-11-01")], [JP_EU])
    assert scores["accord"] == Score("accord", 1, 2, 1)
    assert scores["accord"].precision == 0.5
    assert scores["accord"].recall == 1.0


def test_wrong_date_or_parties_is_both_extra_and_missing():
    proposed = [match_key("accord", ["pays:JP", "org:ue"], "2024-11"), match_key("accord", ["pays:JP"], "2024-11-01")]
    scores = evaluate(proposed, [JP_EU])
    assert scores["accord"] == Score("accord", 0, 2, 1)
    assert scores["accord"].precision == scores["accord"].recall == 0.0


def test_duplicate_proposals_of_one_gold_fact_count_once():
    scores = evaluate([JP_EU, JP_EU, JP_EU], [JP_EU])
    assert scores["accord"] == Score("accord", 1, 3, 1)
    assert scores["accord"].precision == pytest.approx(1 / 3)


def test_repeated_gold_facts_each_need_a_proposal():
    # Two meetings between the same countries on the same day are two facts.
    scores = evaluate([JP_UA_MEETING], [JP_UA_MEETING, JP_UA_MEETING])
    assert scores["rencontre"] == Score("rencontre", 1, 1, 2)
    assert evaluate([JP_UA_MEETING] * 2, [JP_UA_MEETING] * 2)["rencontre"] == Score("rencontre", 2, 2, 2)


def test_kinds_are_scored_separately():
    visit_as_meeting = match_key("rencontre", ["pays:JP", "pays:UA"], "2024-11-16")
    scores = evaluate([visit_as_meeting], [JP_UA_VISIT])
    assert scores["visite"] == Score("visite", 0, 0, 1)
    assert scores["rencontre"] == Score("rencontre", 0, 1, 0)
    assert scores["accord"] == Score("accord", 0, 0, 0)
    assert scores["total"] == Score("total", 0, 1, 1)


def test_unknown_kind_gets_its_own_row():
    scores = evaluate([match_key("traité", ["pays:JP"], "2024")], [])
    assert list(scores) == [*KINDS, "traité", "total"]
    assert scores["traité"] == Score("traité", 0, 1, 0)


def test_empty_lists():
    scores = evaluate([], [])
    assert list(scores) == [*KINDS, "total"]
    for score in scores.values():
        assert (score.true_positives, score.proposed, score.expected) == (0, 0, 0)
        assert score.precision == score.recall == 1.0
    nothing_found = evaluate([], [JP_EU])["accord"]
    assert (nothing_found.precision, nothing_found.recall) == (1.0, 0.0)
    nothing_expected = evaluate([JP_EU], [])["accord"]
    assert (nothing_expected.precision, nothing_expected.recall) == (0.0, 1.0)


def test_format_table_is_aligned():
    table = format_table(evaluate([JP_EU, JP_EU, JP_UA_VISIT], [JP_EU, JP_UA_MEETING]))
    lines = table.splitlines()
    assert len(lines) == 1 + len(KINDS) + 1
    assert lines[0].split() == ["type", "proposés", "attendus", "corrects", "précision", "rappel"]
    assert lines[1].split() == ["accord", "2", "1", "1", "0.50", "1.00"]
    assert lines[2].split() == ["visite", "1", "0", "0", "0.00", "1.00"]
    assert lines[3].split() == ["rencontre", "0", "1", "0", "1.00", "0.00"]
    assert lines[4].split() == ["total", "3", "2", "1", "0.33", "0.50"]
    # Numbers are right-aligned, so every row ends at the same column.
    assert len({len(line) for line in lines}) == 1


def test_main_reports_missed_and_wrong_facts(monkeypatch, capsys, tmp_path):
    gold = {
        "articles": {"a.txt": {"published": "2024-11-16"}},
        "facts": [
            {"article": "a.txt", "kind": "accord", "parties": ["pays:JP", "pays:UA"], "date": "2024-11-16"},
            {"article": "a.txt", "kind": "visite", "parties": ["pays:JP", "pays:UA"], "date": "2024-01"},
        ],
    }
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "a.txt").write_text("texte", encoding="utf-8")
    seen = []

    def read_article(path, published):
        seen.append((Path(path).name, published))
        return "article"

    def extract_article(article):
        return [
            Fact(1, "accord", "t", "signé", parties=("pays:UA", "pays:JP"), date="2024-11-16"),
            Fact(2, "visite", "t", "effectuée", parties=("pays:JP", "pays:UA"), date="janvier"),
        ]

    # The pipeline modules may not exist yet: stand-ins keep main testable on its own.
    monkeypatch.setitem(sys.modules, "facts.articles", types.SimpleNamespace(read_article=read_article))
    monkeypatch.setitem(sys.modules, "facts.extraction", types.SimpleNamespace(extract_article=extract_article))
    monkeypatch.setattr(evaluation, "GOLD_PATH", gold_path)
    monkeypatch.setenv(SEEDS_ENV, str(tmp_path))

    evaluation.main()

    out = capsys.readouterr().out
    assert seen == [("a.txt", "2024-11-16")]
    assert re.search(r"^total\s+2\s+2\s+1\s+0\.50\s+0\.50$", out, re.MULTILINE)
    missed = out.split("Manqués (1) :")[1].split("Propositions fausses")[0]
    assert "visite pays:JP, pays:UA 2024-01" in missed
    assert "visite pays:JP, pays:UA janvier" in out.split("Propositions fausses (1) :")[1]


# The gold annotation itself.


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold()


@pytest.fixture(scope="module")
def article_texts(gold) -> dict[str, str]:
    path = seeds_dir()
    assert path.is_dir(), f"Articles sources introuvables : {path} (obligatoires ; définissez {SEEDS_ENV})."
    return {name: (path / name).read_text(encoding="utf-8") for name in gold["articles"]}


def _normalized(text: str) -> str:
    # Quotes are copied by hand: curly and straight apostrophes, and line breaks, should not matter.
    return " ".join(text.replace("’", "'").split())


def test_gold_file_is_the_default():
    assert load_gold() == load_gold(GOLD_PATH)
    here = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.json"
    assert here == GOLD_PATH


def test_gold_articles_have_publication_days(gold):
    assert gold["articles"]
    for meta in gold["articles"].values():
        assert parse(meta["published"]).precision == "jour"


def test_gold_facts_are_well_formed(gold):
    assert gold["facts"]
    for fact in gold["facts"]:
        assert fact["article"] in gold["articles"], fact
        assert fact["kind"] in KINDS, fact
        assert fact["status"] in STATUSES[fact["kind"]], fact
        parse(fact["date"])
        assert fact["parties"], fact
        assert len(set(fact["parties"])) == len(fact["parties"]), fact
        for party in fact["parties"]:
            assert re.fullmatch(r"pays:[A-Z]{2}|org:[a-z0-9-]+", party), party
        assert fact["evidence"].strip(), fact


def test_gold_evidence_is_quoted_from_its_article(gold, article_texts):
    texts = {name: _normalized(text) for name, text in article_texts.items()}
    for fact in gold["facts"]:
        assert _normalized(fact["evidence"]) in texts[fact["article"]], fact["evidence"]


def test_gold_facts_are_not_after_publication_unless_planned(gold):
    # A fact dated after its article can only be something announced, never something done.
    for fact in gold["facts"]:
        published = parse(gold["articles"][fact["article"]]["published"]).sort_key
        if parse(fact["date"]).sort_key > published:
            assert fact["status"] in ("prévu", "prévue"), fact
