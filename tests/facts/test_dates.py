"""Partial dates: stored at the precision the article gives, rendered in French, refused in French."""

import re

import pytest

from facts.dates import PartialDate, format_fr, is_valid, parse, sort_key

READINGS = {
    "2024-11-01": (PartialDate(2024, 11, 1), "jour", "1er novembre 2024"),
    "2024-11-16": (PartialDate(2024, 11, 16), "jour", "16 novembre 2024"),
    "2024-09": (PartialDate(2024, 9), "mois", "septembre 2024"),
    "2025-23": (PartialDate(2025, season=23), "saison", "automne 2025"),
    "2025-22": (PartialDate(2025, season=22), "saison", "été 2025"),
    "2023": (PartialDate(2023), "année", "2023"),
}


@pytest.mark.parametrize(("value", "expected"), READINGS.items(), ids=READINGS.keys())
def test_parse_and_format(value, expected):
    when, precision, french = expected
    assert parse(value) == when
    assert parse(value).precision == precision
    assert format_fr(value) == french
    assert is_valid(value)


def test_unknown_date_reads_as_such():
    assert format_fr(None) == "date inconnue"


INVALID = {
    "2024-13": "mois 13 hors de 1 à 12",
    "2024-00": "mois 0 hors de 1 à 12",
    "2023-02-30": "ce jour n'existe pas",
    "2024-11-31": "ce jour n'existe pas",
    "2025-23-01": "mois 23 hors de 1 à 12",
    "hier": "attendu AAAA, AAAA-MM, AAAA-MM-JJ",
    "01/11/2024": "attendu AAAA, AAAA-MM, AAAA-MM-JJ",
    "2024-1": "attendu AAAA, AAAA-MM, AAAA-MM-JJ",
}


@pytest.mark.parametrize(("value", "reason"), INVALID.items(), ids=INVALID.keys())
@pytest.mark.parametrize("reader", [parse, format_fr], ids=["parse", "format_fr"])
def test_invalid_date_refused_in_french(reader, value, reason):
    with pytest.raises(ValueError, match=f"^date invalide « {re.escape(value)} »") as refused:
        reader(value)
    assert reason in str(refused.value)
    assert not is_valid(value)


@pytest.mark.parametrize("value", ["", None, 2024, ["2024"]])
def test_empty_or_non_text_is_not_a_date(value):
    with pytest.raises(ValueError, match="date invalide"):
        parse(value)
    assert not is_valid(value)


def test_sort_key_is_chronological_undated_first():
    values = ["2025-23", "2024-11-16", None, "2023", "2024-09", "2025-22", "2024-11-01"]
    expected = [None, "2023", "2024-09", "2024-11-01", "2024-11-16", "2025-22", "2025-23"]
    assert sorted(values, key=sort_key) == expected
