"""The moderators' form: forgiving parsing, errors that name the box, and a lossless round trip."""

import pytest

from facts.dates import from_french
from facts.forms import LABELS, form_from_fact, record_from_form
from facts.interchange import InvalidDocument

FORM = {
    "title": "Accord France–Maroc sur l'eau",
    "parties": "France, Maroc",
    "people": "Aziz Akhannouch — chef du gouvernement [signataire]\nMohammed VI (roi du Maroc)\nJean Dupont",
    "when_where": "28 octobre 2024, Rabat",
    "source": "« La France et le Maroc ont signé un accord. »\nhttps://exemple.fr/a",
}


def test_a_filled_form_becomes_a_record():
    record = record_from_form("accord", FORM)
    assert record["parties"] == ["France", "Maroc"]
    assert record["people"] == [
        {"name": "Aziz Akhannouch", "role": "chef du gouvernement", "part": "signataire"},
        {"name": "Mohammed VI", "role": "roi du Maroc", "part": "participant"},
        {"name": "Jean Dupont", "role": "", "part": "participant"},
    ]
    assert (record["date"], record["place"]) == ("2024-10-28", "Rabat")
    assert record["sources"] == [
        {
            "article": "https://exemple.fr/a",
            "url": "https://exemple.fr/a",
            "quote": "La France et le Maroc ont signé un accord.",
        }
    ]


@pytest.mark.parametrize(
    ("text", "stored"),
    [("1er novembre 2024", "2024-11-01"), ("01/11/2024", "2024-11-01"), ("novembre 2024", "2024-11"),
     ("automne 2025", "2025-23"), ("2024-11-01", "2024-11-01"), ("2023", "2023")],
)  # fmt: skip
def test_french_dates_are_read_at_their_precision(text, stored):
    assert from_french(text) == stored


@pytest.mark.parametrize(
    ("box", "value", "message"),
    [
        ("title", "", "obligatoire"),
        ("when_where", "31 février 2024, Paris", "n'existe pas"),
        ("people", "Jean Dupont [chef]", "part connue"),
        ("source", "   ", "obligatoire"),
        ("title", "x" * 201, "trop long"),
    ],
)
def test_errors_name_the_box_the_moderator_sees(box, value, message):
    with pytest.raises(InvalidDocument) as error:
        record_from_form("accord", FORM | {box: value})
    assert f"« {LABELS[box]} »" in str(error.value)
    assert message in str(error.value)


def test_place_without_date_is_accepted():
    record = record_from_form("visite", FORM | {"when_where": "Kyiv"})
    assert (record["date"], record["place"]) == (None, "Kyiv")


def test_an_existing_fact_fills_the_form_and_reads_back_the_same(catalog):
    fact = catalog.by_id[1]
    form = form_from_fact(fact, catalog.name)
    assert form["when_where"] == "1er novembre 2024, Tokyo"
    record = record_from_form(fact.kind, form)
    assert record["date"] == fact.date
    assert record["parties"] == ["Union européenne", "Japon"]
    assert record["sources"][0]["quote"] == fact.sources[0].quote
