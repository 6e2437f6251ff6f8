"""Date mentions in French sentences, resolved against the publication date with the real dateparser.

2024-11-16 is a Saturday and 2024-11-01 a Friday. An article dated only to the month ("2024-11") cannot
place a weekday: those mentions stay unresolved rather than guessed.
"""

import pytest

from facts.dates import parse
from facts.when import DateMention, find_dates

# sentence, tense, (mention text, value published 2024-11-16, value published 2024-11)
EXAMPLES = [
    ("L’accord entrera en vigueur le 1er janvier 2025.", False, ("le 1er janvier 2025", "2025-01-01", "2025-01-01")),
    ("Le Japon et l'Ukraine ont signé samedi un accord.", True, ("samedi", "2024-11-16", None)),
    ("Il s'est rendu à Kiev vendredi.", True, ("vendredi", "2024-11-15", None)),
    ("Il se rendra à Séoul vendredi.", False, ("vendredi", "2024-11-22", None)),
    # The publication's own weekday is that day in the future tense too ("samedi prochain" is next week's).
    ("Il se rendra à Séoul samedi.", False, ("samedi", "2024-11-16", None)),
    ("En septembre, les deux pays étaient parvenus à un accord.", True, ("En septembre", "2024-09", "2024-09")),
    ("Il s'y était rendu en décembre.", True, ("en décembre", "2023-12", "2023-12")),
    ("Ils se reverront en septembre.", False, ("en septembre", "2025-09", "2025-09")),
    ("La visite a eu lieu en janvier de cette année.", True, ("en janvier de cette année", "2024-01", "2024-01")),
    ("Il s'y est rendu en mars de l'année dernière.", True, ("en mars de l'année dernière", "2023-03", "2023-03")),
    ("Ishiba a pris ses fonctions le mois dernier.", True, ("le mois dernier", "2024-10", "2024-10")),
    (
        "Le Japon accueillera le forum à l'automne de l'année prochaine.",
        False,
        ("à l'automne de l'année prochaine", "2025-23", "2025-23"),
    ),
    ("Ils se reverront au printemps 2025.", False, ("au printemps 2025", "2025-21", "2025-21")),
    (
        "Iwaya a effectué une visite inopinée à Kiev plus tôt dans la journée.",
        True,
        ("plus tôt dans la journée", "2024-11-16", None),
    ),
    ("Il est aujourd'hui à Kiev.", None, ("aujourd'hui", "2024-11-16", None)),
    ("Le traité est signé ce jour par les deux ministres.", None, ("ce jour", "2024-11-16", None)),
    ("Le pacte avait été négocié en 2023.", True, ("en 2023", "2023", "2023")),
    ("Il a été élu le 5 novembre.", True, ("le 5 novembre", "2024-11-05", "2024-11-05")),
    ("Moscou a lancé l'invasion en février 2022.", True, ("en février 2022", "2022-02", "2022-02")),
    ("Il a été reçu hier.", True, ("hier", "2024-11-15", None)),
    ("L'accord a été conclu il y a dix-huit mois.", True, ("il y a dix-huit mois", "2023-05", "2023-05")),
    ("Le traité expire dans trois ans.", False, ("dans trois ans", "2027", "2027")),
    # A week is only as precise as its month, when it lies in one; a month-only date gives no week.
    ("Ils se sont vus la semaine dernière.", True, ("la semaine dernière", "2024-11", None)),
    ("Ils se verront la semaine prochaine.", False, ("la semaine prochaine", "2024-11", None)),
    ("Le texte du 16/11/2024 a été publié.", True, ("du 16/11/2024", "2024-11-16", "2024-11-16")),
]


@pytest.mark.parametrize("published", ["2024-11-16", "2024-11"])
@pytest.mark.parametrize(("sentence", "past", "expected"), EXAMPLES, ids=[example[0] for example in EXAMPLES])
def test_examples(sentence, past, expected, published):
    text, on_the_day, in_the_month = expected
    value = on_the_day if published == "2024-11-16" else in_the_month
    [mention] = find_dates(sentence, published, past)
    assert (mention.text, mention.value) == (text, value)
    assert sentence[mention.start : mention.end] == mention.text
    if mention.value:
        parse(mention.value)  # every value is a valid stored date


def test_precision_is_kept():
    # A month stays a month and a season a season, whatever the publication date's precision.
    assert find_dates("En septembre, ils se sont vus.", "2024-11-16", past=True)[0].value == "2024-09"
    assert find_dates("Ils se sont vus à l'automne.", "2024-11-16", past=True)[0].value == "2024-23"
    assert find_dates("Ils se verront au printemps.", "2024-11-16", past=False)[0].value == "2025-21"
    assert find_dates("Ils se sont vus l'hiver dernier.", "2024-11-16")[0].value == "2023-24"


def test_seed_sentence_on_a_friday():
    sentence = (
        "Borrell a signé vendredi le partenariat de sécurité et de défense Japon-UE avec son homologue japonais "
        "Iwaya Takeshi."
    )
    start = sentence.index("vendredi")
    assert find_dates(sentence, "2024-11-01") == [DateMention(start, start + 8, "vendredi", "2024-11-01")]
    assert find_dates(sentence, "2024-11-01", past=True)[0].value == "2024-11-01"


def test_weekday_needs_a_tense_unless_it_is_the_publication_day():
    assert find_dates("Il est arrivé à Kiev samedi.", "2024-11-16")[0].value == "2024-11-16"
    assert find_dates("Il est arrivé à Kiev jeudi.", "2024-11-16")[0].value is None
    assert find_dates("Il est arrivé à Kiev jeudi dernier.", "2024-11-16")[0].value == "2024-11-14"
    assert find_dates("Il ira à Kiev samedi prochain.", "2024-11-16")[0].value == "2024-11-23"


def test_nothing_is_resolved_without_a_publication_date():
    mentions = find_dates("Le 5 novembre, samedi et le mois dernier, puis le 1er janvier 2025.", None, past=True)
    assert [(mention.text, mention.value) for mention in mentions] == [
        ("Le 5 novembre", None),
        ("samedi", None),
        ("le mois dernier", None),
        ("le 1er janvier 2025", "2025-01-01"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministre a salué le soutien du Japon à l'Ukraine.",
        "Il a décrit le partenariat comme « le premier accord de cette nature » conclu avec sa région.",
        "Le Premier ministre a promis plus de 2000 soldats et 1,5 milliard d'euros.",
        "L'accord a été signé par Mars Inc. et le monde de demain se construit ce jour-là.",
        "Il a 1 an.",
    ],
)
def test_sentences_without_dates(sentence):
    assert find_dates(sentence, "2024-11-16", past=True) == []


def test_several_mentions_in_order():
    sentence = "Après leur rencontre en septembre 2023, ils se sont revus samedi et se reverront le 3 mars."
    mentions = find_dates(sentence, "2024-11-16", past=True)
    assert [(mention.text, mention.value) for mention in mentions] == [
        ("en septembre 2023", "2023-09"),
        ("samedi", "2024-11-16"),
        ("le 3 mars", "2024-03-03"),
    ]


def test_impossible_day_is_a_mention_without_value():
    assert [(m.text, m.value) for m in find_dates("Signé le 31 février 2024.", "2024-11-16")] == [
        ("le 31 février 2024", None)
    ]


def test_the_coming_days_keep_the_publication_month_only_early_in_the_month():
    sentence = "Une tournée qui inclura la Corée du Sud dans les prochains jours."
    assert [m.value for m in find_dates(sentence, "2024-11-01")] == ["2024-11"]
    assert [m.value for m in find_dates(sentence, "2024-11-28")] == [None]
    assert [m.value for m in find_dates(sentence, "2024-11")] == [None]


def test_a_week_across_two_months_stays_unresolved():
    # Friday 28 November 2025: next week runs from 1 to 7 December, last week from 17 to 23 November,
    # and the week after a Friday 30 January runs across February.
    assert find_dates("la semaine prochaine", "2025-11-28", past=False)[0].value == "2025-12"
    assert find_dates("la semaine dernière", "2025-11-28", past=True)[0].value == "2025-11"
    assert find_dates("cette semaine", "2026-01-30", past=True)[0].value is None


def test_a_bare_day_number_is_a_day_of_the_publication_month_or_the_one_the_tense_points_to():
    # Thursday 12 June 2025.
    assert [(m.text, m.value) for m in find_dates("Il a signé le 9, à Paris.", "2025-06-12", past=True)] == [
        ("le 9", "2025-06-09")
    ]
    assert find_dates("Il a signé le 20 à Paris.", "2025-06-12", past=True)[0].value == "2025-05-20"
    assert find_dates("Il se rendra le 2 à Lima.", "2025-06-12", past=False)[0].value == "2025-07-02"
    assert find_dates("Il se rendra le 20, à Lima.", "2025-06-12", past=False)[0].value == "2025-06-20"
    # A weekday must agree with the day; without a tense only the publication day itself is certain.
    assert find_dates("Ils se sont vus mardi 9.", "2025-06-12", past=True)[-1].value is None
    assert find_dates("Ils se voient le 9.", "2025-06-12")[0].value is None


@pytest.mark.parametrize(
    "sentence",
    ["Le 9e sommet du G20.", "Le journal de 20 heures.", "Il a fini 2 à 0.", "Le 3 sur 10.", "Les 27 et lui."],
)
def test_numbers_that_are_not_days(sentence):
    assert find_dates(sentence, "2025-06-12", past=True) == []


def test_week_ends_and_parts_of_a_week_keep_their_month_when_they_lie_in_one():
    # Thursday 12 June 2025: the last week-end is 7–8 June, the next 14–15 June; Friday 30 May 2025's
    # next week-end runs into June.
    assert find_dates("Ils se sont vus ce week-end.", "2025-06-12", past=True)[0].value == "2025-06"
    assert find_dates("Ils se verront ce week-end.", "2025-06-12", past=False)[0].value == "2025-06"
    assert find_dates("Ils se verront ce week-end.", "2025-05-30", past=False)[0].value is None
    assert find_dates("Ils se sont vus le week-end dernier.", "2025-06-02", past=True)[0].value is None
    assert find_dates("Ils se sont vus en début de semaine.", "2025-06-12", past=True)[0].value == "2025-06"
    assert find_dates("Ils se sont vus il y a deux semaines.", "2025-06-12", past=True)[0].value is None
    assert find_dates("Ils se sont vus il y a deux semaines.", "2025-06-20", past=True)[0].value == "2025-06"


def test_parts_of_a_year_are_that_year():
    assert [(m.text, m.value) for m in find_dates("Ils ont signé en début d'année.", "2024-12-16", past=True)] == [
        ("en début d'année", "2024")
    ]
    assert find_dates("Ils signeront en fin d'année prochaine.", "2024-12-16", past=False)[0].value == "2025"
    assert find_dates("Ils signeront d'ici la fin de l'année.", "2024-06-16", past=False)[0].value == "2024"


def test_parts_of_a_month_are_that_month():
    assert find_dates("Ils se verront à la fin du mois.", "2024-09-11", past=False)[0].value == "2024-09"
    assert find_dates("Ils se sont vus à la fin du mois dernier.", "2024-09-11", past=True)[0].value == "2024-08"
    assert [m.value for m in find_dates("Ils se verront à la fin du mois de mars.", "2024-09-11", past=False)] == [
        "2025-03"
    ]


def test_the_eve_and_the_morrow_of_the_story_day():
    from facts.when import next_to

    assert next_to("La veille du sommet, il a été reçu.", "2024-12-15") == "2024-12-14"
    assert next_to("Le lendemain, ils ont signé.", "2024-12-31") == "2025-01-01"
    assert next_to("Ils ont signé.", "2024-12-31") is None
