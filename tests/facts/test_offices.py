"""Who speaks for which organisation, read at the article's date."""

import pytest

from facts.offices import side_in_office


@pytest.mark.parametrize(
    ("name", "on", "side"),
    [
        ("Kaja Kallas", "2023-05-10", "pays:EE"),  # Estonia's Prime Minister then
        ("Kaja Kallas", "2025-03-01", "org:ue"),  # the Union's High Representative since December 2024
        ("Kallas", "2026-04-22", "org:ue"),  # the short name alone
        ("Mark Rutte", "2024-09-15", None),  # between his two offices
        ("MARK RUTTE", "2025-01-01", "org:otan"),  # names are compared folded
        ("Ursula von der Leyen", None, "org:ue"),  # no date: the office held today
        ("Charles Michel", None, None),  # no office today
        ("Jean Dupont", "2025-01-01", None),
    ],
)
def test_the_side_a_person_spoke_for_on_a_date(name, on, side):
    assert side_in_office(name, on) == side
