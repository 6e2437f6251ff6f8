"""The shipped store: rebuilt from the curated files and the seed articles, quotes anchored, facts complete.

The seed articles (../shared/seeds, or $DIPLOBOT_SEEDS) are required: without them these tests error out,
they never skip.
"""

import shutil
from pathlib import Path

import pytest

from facts.model import PARTS, Fact
from facts.seed_store import SEEDS_ENV, build, main, seeds_dir
from facts.store import FactStore, shipped_store_path


@pytest.fixture(scope="module")
def articles() -> Path:
    path = seeds_dir()
    assert path.is_dir(), f"Articles sources introuvables : {path} (obligatoires ; définissez {SEEDS_ENV})."
    return path


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> FactStore:
    return FactStore.open(tmp_path_factory.mktemp("shipped") / "diplobot.json")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, articles) -> FactStore:
    return build(tmp_path_factory.mktemp("fresh") / "diplobot.json", articles)


def without_time(history: list[dict]) -> list[dict]:
    return [{key: value for key, value in entry.items() if key != "at"} for entry in history]


def test_shipped_store_matches_fresh_build(shipped, fresh):
    assert shipped.facts(include_deleted=True) == fresh.facts(include_deleted=True)
    assert shipped.entities() == fresh.entities()
    assert without_time(shipped.history()) == without_time(FactStore(fresh.path).history())


def test_quotes_are_the_article_text_at_their_offsets(shipped, articles):
    texts = {path.name: path.read_text(encoding="utf-8") for path in articles.glob("*.txt")}
    sources = [source for fact in shipped.facts() for source in fact.sources]
    assert len(sources) == 20
    misplaced = [
        source.quote
        for source in sources
        if source.start is None or texts[source.article][source.start : source.end] != source.quote
    ]
    assert misplaced == []


def profile(fact: Fact) -> dict:
    people = {part: {p.entity for p in fact.people if p.part == part} for part in PARTS}
    fields = ("kind", "status", "date", "date_in_force", "place", "nature")
    return {**{field: getattr(fact, field) for field in fields}, "parties": set(fact.parties), **people}


JAPAN_UKRAINE = {"pays:JP", "pays:UA"}
REQUIRED = {
    "partenariat UE–Japon": {
        "kind": "accord",
        "status": "signé",
        "parties": {"org:ue", "pays:JP"},
        "place": "lieu:tokyo",
        "date": "2024-11-01",
        "date_in_force": "2025-01-01",
        "signataire": {"pers:josep-borrell", "pers:iwaya-takeshi"},
    },
    "accord Japon–Ukraine sur la sécurité de l'information": {
        "kind": "accord",
        "status": "signé",
        "parties": JAPAN_UKRAINE,
        "place": "lieu:kyiv",
        "date": "2024-11-16",
        "témoin": {"pers:iwaya-takeshi", "pers:denys-shmyhal"},
    },
    "visite inopinée d'Iwaya à Kyiv": {
        "kind": "visite",
        "status": "effectuée",
        "nature": "inopinée",
        "place": "lieu:kyiv",
        "date": "2024-11-16",
        "visiteur": {"pers:iwaya-takeshi"},
    },
    "accord de principe à New York": {
        "kind": "accord",
        "status": "de principe",
        "parties": JAPAN_UKRAINE,
        "place": "lieu:new-york",
        "date": "2024-09",
    },
    "visite de Kamikawa en Ukraine": {
        "kind": "visite",
        "place": "pays:UA",
        "date": "2024-01",
        "visiteur": {"pers:yoko-kamikawa"},
    },
    "visite de Kishida en Ukraine": {
        "kind": "visite",
        "place": "pays:UA",
        "date": "2023-03",
        "visiteur": {"pers:fumio-kishida"},
    },
    "conférence sur l'action contre les mines": {
        "kind": "rencontre",
        "status": "prévue",
        "parties": JAPAN_UKRAINE,
        "place": "pays:JP",
        "date": "2025-23",
    },
}


@pytest.mark.parametrize("expected", REQUIRED.values(), ids=REQUIRED.keys())
def test_required_fact_present(shipped, expected):
    matching = [fact.title for fact in shipped.facts() if profile(fact).items() >= expected.items()]
    assert len(matching) == 1, matching


def test_build_refuses_a_quote_missing_from_the_articles(articles, tmp_path):
    edited = tmp_path / "seeds"
    shutil.copytree(articles, edited)
    article = edited / "003_398c556d4ff8fe46.txt"
    article.chmod(0o644)
    article.write_text(article.read_text(encoding="utf-8").replace("visite inopinée", "visite"), "utf-8")
    with pytest.raises(SystemExit, match="Citations introuvables") as refused:
        build(tmp_path / "diplobot.json", edited)
    assert "visite inopinée à Kiev" in str(refused.value)


def test_rebuild_without_articles_exits_in_french(monkeypatch, tmp_path):
    shipped_bytes = shipped_store_path().read_bytes()
    monkeypatch.setenv(SEEDS_ENV, str(tmp_path / "absent"))
    with pytest.raises(SystemExit, match="Articles sources introuvables"):
        main()
    assert shipped_store_path().read_bytes() == shipped_bytes
