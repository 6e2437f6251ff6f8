"""Golden queries on the seed store: the right fact first, however the name is typed."""

import random

import pytest
from rapidfuzz import fuzz, process

from facts import answers, matching
from facts.answers import FactList, NotFound
from facts.catalog import Catalog
from facts.matching import MENTION_WEIGHT, TEXT_CUTOFF, search, text_score, word_match
from facts.model import KINDS, PARTS, Fact, Participant


def first_title(answer) -> str:
    assert isinstance(answer, FactList), answer
    return answer.facts[0].title


EU_JAPAN = "Partenariat de sécurité et de défense UE–Japon"
JAPAN_UKRAINE = "Accord Japon–Ukraine sur la sécurité de l'information"
KYIV_VISIT = "Visite inopinée de Takeshi Iwaya à Kyiv"


@pytest.mark.parametrize(
    "query",
    [
        "Japon UE",
        "UE japon",
        "japan eu",
        "EU Japan",
        "Union europeenne Japon",
        "Union européenne Japon",
        "European Union Japan",
        "japonais européen",
        "Japn UE",
        "Japon-UE",
        "JAPON ue",
        "Borrell Iwaya",
    ],
)
def test_accord_japan_eu_finds_the_security_and_defence_partnership(catalog, query):
    answer = answers.accord(catalog, query)
    assert first_title(answer) == EU_JAPAN
    fact = answer.facts[0]
    assert (fact.date, fact.date_in_force, fact.place) == ("2024-11-01", "2025-01-01", "lieu:tokyo")
    assert {p.entity for p in fact.people if p.part == "signataire"} == {
        "pers:josep-borrell",
        "pers:iwaya-takeshi",
    }


@pytest.mark.parametrize(
    "query",
    ["Japon Ukraine", "Ukraine Japon", "japan ukraine", "ukrainien japonais", "Ukrane Japon", "JPN UKR"],
)
def test_accord_japan_ukraine_finds_the_information_security_agreement(catalog, query):
    answer = answers.accord(catalog, query)
    assert first_title(answer) == JAPAN_UKRAINE
    assert answer.facts[0].date == "2024-11-16"
    assert EU_JAPAN not in [fact.title for fact in answer.facts[:3]]


@pytest.mark.parametrize("query", ["Japon UE", "UE Japon", "japan eu", "eu japan", "Japon Union européenne"])
def test_japan_eu_never_ranks_the_ukraine_agreement_first(catalog, query):
    answer = answers.accord(catalog, query)
    assert "Ukraine" not in first_title(answer)


@pytest.mark.parametrize(
    "query", ["Iwaya", "iwaya", "Takeshi Iwaya", "Iwaya Takeshi", "iwya", "IWAYA takeshi", "Iwaya Kyiv"]
)
def test_visite_iwaya_puts_the_kyiv_visit_first(catalog, query):
    answer = answers.visite(catalog, query)
    assert first_title(answer) == KYIV_VISIT
    assert answer.facts[0].date == "2024-11-16"
    assert answer.facts[0].nature == "inopinée"


@pytest.mark.parametrize("city", ["Kiev", "Kyiv", "Kyïv", "kiev", "KYIV"])
def test_every_spelling_of_kyiv_finds_the_same_visit(catalog, city):
    assert first_title(answers.visite(catalog, city)) == KYIV_VISIT


@pytest.mark.parametrize("name", ["Zelensky", "Zelenskyy", "zelenski", "Zelenskiy", "Volodymyr Zelensky"])
def test_every_spelling_of_zelensky_finds_his_meetings(catalog, name):
    answer = answers.rencontre(catalog, name)
    assert all("pers:volodymyr-zelensky" in {p.entity for p in f.people} for f in answer.facts)
    assert len(answer.facts) == 2


def test_partial_match_says_nothing_involves_all_names(catalog):
    answer = answers.accord(catalog, "Japon Chine")
    assert isinstance(answer, FactList)
    assert "Chine" in answer.note


def test_no_fact_of_that_kind_points_to_the_other_kinds(catalog):
    answer = answers.accord(catalog, "Corée du Sud")
    assert isinstance(answer, NotFound)
    assert "/visite Corée du Sud" in answer.message


def test_unknown_words_get_suggestions(catalog):
    answer = answers.personne(catalog, "Sybih")
    assert answer.person.name == "Andrii Sybiha"
    missing = answers.accord(catalog, "Xylophone")
    assert isinstance(missing, NotFound)
    assert "Xylophone" in missing.message


def test_several_matches_are_all_listed(catalog):
    answer = answers.accord(catalog, "Japon Ukraine")
    titles = [fact.title for fact in answer.facts]
    assert len(titles) >= 3
    assert titles.index(JAPAN_UKRAINE) < titles.index(
        "Accord de principe Japon–Ukraine sur le pacte de sécurité de l'information"
    )


def test_planned_conference_is_found_by_free_text(catalog):
    answer = answers.chercher(catalog, "conférence mines")
    assert first_title(answer) == "Conférence ukrainienne sur l'action contre les mines"
    assert answer.facts[0].status == "prévue"


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("quand l'accord Japon UE entre-t-il en vigueur ?", "date_in_force"),
        ("quand a été signé l'accord Japon UE ?", "date"),
        ("où a été signé l'accord Japon UE ?", "place"),
        ("qui a signé l'accord Japon UE ?", "people"),
        ("when does the Japan EU agreement enter into force?", "date_in_force"),
    ],
)
def test_questions_answer_with_the_asked_field_first(catalog, question, focus):
    answer = answers.chercher(catalog, question)
    assert first_title(answer) == EU_JAPAN
    assert answer.focus == focus


def test_ou_without_accent_is_not_a_question_about_place(catalog):
    assert answers.question_focus("Japon ou UE") is None


def test_fact_id_finds_the_fact(catalog):
    japan_ukraine = answers.accord(catalog, "Japon Ukraine").facts[0]
    for query in (str(japan_ukraine.id), f"#{japan_ukraine.id}", f"n°{japan_ukraine.id}"):
        assert answers.source(catalog, query).fact == japan_ukraine


def test_personne_lists_roles_and_related_facts(catalog):
    card = answers.personne(catalog, "takeshi iwaya")
    assert card.person.roles == ("ministre des Affaires étrangères du Japon",)
    assert KYIV_VISIT in {fact.title for fact in card.facts}


def test_chronologie_is_in_date_order(catalog):
    timeline = answers.chronologie(catalog, "Japon Ukraine")
    dates = [fact.date for fact in timeline.facts]
    assert dates[0] == "2023-03"
    assert dates[-1] == "2025-23"
    assert EU_JAPAN not in {fact.title for fact in timeline.facts}


def test_personne_on_a_country_points_to_the_timeline(catalog):
    answer = answers.personne(catalog, "Japon")
    assert isinstance(answer, NotFound)
    assert "/chronologie Japon" in answer.message


def test_where_did_someone_go_prefers_visits(catalog):
    answer = answers.chercher(catalog, "où Iwaya est-il allé ?")
    assert answer.focus == "place"
    assert answer.facts[0].kind == "visite"


def test_three_names_are_listed_the_french_way(catalog):
    answer = answers.accord(catalog, "Japon UE Ukraine")
    assert "Japon, Union européenne et Ukraine" in answer.note


@pytest.mark.parametrize(
    ("typed", "entity"),
    [("Kiyv", "lieu:kyiv"), ("Japno", "pays:JP"), ("Iwaay", "pers:iwaya-takeshi"), ("Sybhia", "pers:andrii-sybiha"),
     ("Tokoy", "lieu:tokyo"), ("UN", "org:onu"), ("Brussels", "lieu:bruxelles"), ("anglais", "pays:GB")],
)  # fmt: skip
def test_swapped_letters_and_acronyms_resolve(catalog, typed, entity):
    assert catalog.index.resolve(typed).entity_ids == (entity,)


@pytest.mark.parametrize("text", ["un accord", "a eu lieu", "fin de la guerre", "sur le pacte"])
def test_common_words_name_nothing(catalog, text):
    assert catalog.index.resolve(text).entity_ids == ()


def test_a_visit_in_a_month_is_found_by_its_date(catalog):
    answer = answers.chercher(catalog, "quelle visite a eu lieu en janvier 2024 ?")
    assert first_title(answer) == "Visite de Yoko Kamikawa en Ukraine"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Ishiba", KYIV_VISIT), ("réunion économique régionale", "Déplacement de Takeshi Iwaya au Pérou"),
     ("troupes nord-coréennes", "Entretiens Takeshi Iwaya – Andrii Sybiha à Kyiv"), ("Pologne", KYIV_VISIT)],
)  # fmt: skip
def test_names_no_fact_involves_are_searched_in_the_text(catalog, query, expected):
    answer = answers.chercher(catalog, query)
    assert expected in [fact.title for fact in answer.facts[:2]]


def test_a_country_reached_only_through_a_city_is_flagged(catalog):
    answer = answers.accord(catalog, "USA")
    assert "directement" in answer.note


def test_the_visitor_ranks_above_the_host(catalog):
    titles = [fact.title for fact in answers.visite(catalog, "Iwaya").facts]
    assert titles.index("Déplacement de Takeshi Iwaya au Pérou") < titles.index("Visite de Josep Borrell à Tokyo")


def test_an_id_of_another_kind_points_to_the_right_command(catalog):
    answer = answers.accord(catalog, "#7")
    assert isinstance(answer, NotFound)
    assert "/visite 7" in answer.message


def test_suggestions_are_close_names_or_nothing(catalog):
    assert answers.chercher(catalog, "Trump").suggestions == ()


@pytest.mark.parametrize("query", ["Singapour", "Luxembourg", "Monaco", "Djibouti"])
def test_city_states_are_countries(catalog, query):
    assert catalog.index.resolve(query).entity_ids[0].startswith("pays:")


@pytest.mark.parametrize("word", ["chose", "rendu", "delai", "cadre", "sucre", "peste", "milan", "aller"])
def test_ordinary_words_are_not_cities(catalog, word):
    assert catalog.index.resolve(word).entity_ids == ()


def scored_fact_by_fact(catalog, fact, query_words) -> float:
    """The text score as it was computed before the word table: each query word against each fact's words."""

    def word_score(word: str, vocabulary: set[str]) -> float:
        if word in vocabulary:
            return 1.0
        if len(word) >= 4 and any(v.startswith(word) or (len(v) >= 4 and word.startswith(v)) for v in vocabulary):
            return 0.9
        best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TEXT_CUTOFF)
        return best[1] / 100 if best else 0.0

    headline, mentioned = map(set, catalog.vocabularies(fact))
    everything = headline | mentioned
    scores = [max(word_score(w, headline), MENTION_WEIGHT * word_score(w, everything)) for w in query_words]
    return sum(scores) / len(scores)


@pytest.mark.parametrize(
    "query_words",
    [("defense",), ("securite", "informatio"), ("partenaria",), ("visites",), ("ukraine", "kiev"), ("energi", "xyz"),
     ("min",), ("signee",), ("accords", "cooperation")],
)  # fmt: skip
def test_text_scores_from_the_word_table_equal_scoring_each_fact(catalog, query_words):
    matches = tuple(word_match(catalog, word) for word in query_words)
    for fact in catalog.facts:
        assert text_score(catalog, fact, matches) == pytest.approx(scored_fact_by_fact(catalog, fact, query_words))


def test_common_names_find_the_same_facts_walked_to_as_intersected(monkeypatch):
    """Two names in thousands of facts: the first of their shared facts are found by walking the rarest name's
    list, not by intersecting both; the candidates, so the results, are those the intersection gives."""
    rng = random.Random(5)
    countries = ("pays:FR", "pays:JP", "pays:BR")
    facts = [
        Fact(id=number, kind=rng.choice(KINDS), title=f"Fait {number}", status=rng.choice(("signé", "prévu")),
             parties=tuple(rng.sample(countries, 2)), date=f"202{rng.randrange(4)}-0{rng.randrange(1, 10)}",
             people=(Participant("pers:iwaya-takeshi", "ministre", rng.choice(PARTS)),) if rng.random() < 0.3 else ())
        for number in range(1, 12001)
    ]  # fmt: skip
    catalog = Catalog({}, facts).warm()
    queries = [
        (query, kind) for query in ("France Japon", "Japon Brésil", "Brésil France") for kind in (None, "visite")
    ]

    def found() -> list:
        """Each query's candidates, and its results."""
        return [
            (
                sorted(f.id for f in matching._named_only(catalog, search(catalog, query).wanted, kind)),
                search(catalog, query, kind).results,
            )
            for query, kind in queries
        ]

    walked = found()
    monkeypatch.setattr(matching, "READS_PER_INTERSECTED", len(facts) + 1)  # no fact read: intersected
    assert walked == found()
