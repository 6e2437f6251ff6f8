"""Date expressions in French news sentences, resolved against the article's publication date.

Every mention keeps the precision the sentence gives ("en septembre" is a month, "à l'automne" a season)
and is left unresolved (value None) rather than guessed when the publication date or the tense does not
settle it.

dateparser alone misreads most of what news sentences say: it reads "samedi un" as January, "sa" as
"samedi", "1er janvier 2025" as January of the current year plus a lone "2025", turns months into days,
ignores seasons and "le mois dernier", and reads "il y a dix-huit mois" as eight months. So the
expressions are found by the French grammar below, which knows each one's precision, and dateparser only
does the calendar arithmetic of "il y a N jours / dans N mois", on numbers written as digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache

from facts import dates


@dataclass(frozen=True, slots=True)
class DateMention:
    """`text` is `sentence[start:end]`; `value` a stored partial date, None when it cannot be resolved."""

    start: int
    end: int
    text: str
    value: str | None


MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
# Abbreviations only count right after a day number: "sept" alone is the number seven.
_ABBREVIATIONS = {"janv": 1, "févr": 2, "fevr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11}
_ABBREVIATIONS |= {"déc": 12, "dec": 12}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_SEASONS = {"printemps": 21, "été": 22, "automne": 23, "hiver": 24}
_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8}
_NUMBERS |= {"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
_NUMBERS |= {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100}


def _alternatives(words) -> str:
    # Longest first, so that "juillet" is not cut to "juil".
    return "|".join(sorted(words, key=len, reverse=True))


_A = "['’]"  # both apostrophes occur in the articles
_MONTH = _alternatives(MONTHS)
_WEEKDAY = _alternatives(WEEKDAYS)
# Relative years that can stand alone ("l'année dernière") or qualify a month or a season
# ("en mars de l'année dernière"); "cette année-là" points back into the story, not to the publication.
_RELATIVE_YEAR = (
    rf"(?:cette\s+ann[ée]e|l{_A}ann[ée]e\s+(?:derni[èe]re|pass[ée]e|prochaine)|l{_A}an\s+(?:dernier|pass[ée]|prochain))"
    r"(?![-‑\w])"
)
# What may follow a month, a day or a season: "2025", "de l'année dernière", "dernier".
_QUALIFIER = (
    rf"(?:\s+(?P<year>\d{{4}})\b(?![,.]\d)|\s+(?:de\s+)?(?P<relative>{_RELATIVE_YEAR})"
    r"|\s+(?P<edge>dernier|derni[èe]re|prochain|prochaine)\b)?"
)
_NUMBER = rf"(?:\d+|(?:{_alternatives(_NUMBERS)})(?:[-\s](?:et[-\s])?(?:{_alternatives(_NUMBERS)}))*)"

# Month names, weekdays and seasons are matched in lower case only: French writes them so, and this keeps
# "Mars" the planet out. The little words around them may open a sentence, hence (?i:…).
_DAY_DATE = re.compile(
    rf"(?:\b(?P<lead>(?i:le|du|au|ce))\s+)?(?:\b(?P<weekday>{_WEEKDAY})\s+)?"
    rf"\b(?P<core>(?P<day>1er|1ᵉʳ|premier|[0-3]?\d)\s+"
    rf"(?P<month>(?:{_MONTH})(?!\w)|(?:{_alternatives(_ABBREVIATIONS)})(?:\.|(?!\w))))" + _QUALIFIER
)
_NUMERIC_DATE = re.compile(
    r"(?:\b(?P<lead>(?i:le|du|au))\s+)?"
    r"\b(?P<core>(?P<day>[0-3]?\d)(?P<separator>[/.])(?P<month>[01]?\d)(?P=separator)(?P<year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d))\b"
)
_MONTH_NAME = re.compile(rf"(?:\b(?P<lead>(?i:en|au\s+mois\s+de))\s+)?\b(?P<core>(?P<month>{_MONTH}))\b" + _QUALIFIER)
_SEASON = re.compile(
    rf"(?:\b(?P<lead>(?i:au|en|à\s+l{_A}|l{_A}|cet|ce|d[ée]but\s+de\s+l{_A}|fin\s+de\s+l{_A}|mi-))\s*)?"
    rf"\b(?P<core>(?P<season>printemps|été|automne|hiver))\b" + _QUALIFIER
)
_WEEKDAY_ALONE = re.compile(
    rf"(?:\b(?P<lead>(?i:ce|le))\s+)?\b(?P<core>(?P<weekday>{_WEEKDAY}))\b(?:\s+(?P<edge>dernier|prochain)\b)?"
)
# A bare number is a year only after a word that introduces one: "plus de 2000 soldats" is not a date.
_YEAR = re.compile(
    rf"\b(?P<lead>(?i:en|depuis|dès|d{_A}ici|jusqu{_A}en|avant|après|fin|début|mi-|courant|entre|vers"
    rf"|l{_A}ann[ée]e|l{_A}an))\s*\b(?P<core>(?P<year>(?:19|20)\d{{2}}))\b(?![,.]\d)"
)
_TODAY = re.compile(
    rf"(?i:\baujourd{_A}hui\b|(?<![àÀ]\s)\bce\s+jour\b(?![-‑]l)"
    r"|\b(?:(?:plus\s+)?(?:t[ôo]t|tard)\s+)?dans\s+la\s+journ[ée]e\b(?!\s+(?:de|du|d['’])\b)"
    r"|\bce\s+(?:matin|soir)\b(?![-‑]l)|\bcet\s+apr[èe]s-midi\b(?![-‑]l))"
)
# "dans l'après-midi", "dans la soirée": later today in the future tense; in the past, the day the story
# tells, which the sentence alone does not give.
_LATER_TODAY = re.compile(rf"(?i:\bdans\s+(?:l{_A}apr[èe]s-midi|la\s+soir[ée]e|la\s+matin[ée]e)\b)")
_DAY_OFFSET = re.compile(r"(?i:\bavant-hier\b|(?<![dD]['’])\bhier\b|\baprès-demain\b|(?<!de\s)(?<![dD]['’])\bdemain\b)")
_DAY_OFFSETS = {"avant-hier": -2, "hier": -1, "après-demain": 2, "demain": 1}
# The same, counted from the day the story is about rather than from the publication.
_STORY_OFFSET = re.compile(r"(?i:\bla\s+veille\b|\ble\s+lendemain\b)")
_STORY_OFFSETS = {"veille": -1, "lendemain": 1}
SAME_DAY = re.compile(r"(?i:\ble\s+(?:même\s+jour|jour\s+même)\b)")
_YEAR_ALONE = re.compile(rf"(?i:\b{_RELATIVE_YEAR})")
# "en début d'année", "en fin d'année (prochaine)", "d'ici la fin de l'année": the publication's year, or the
# one next to it.
_PART_OF_YEAR = re.compile(
    rf"(?i:\b(?:en\s+|la\s+)?(?:d[ée]but|fin|milieu)\s+(?:d{_A}|de\s+l{_A})ann[ée]e\b"
    rf"(?:\s+(?P<edge>prochaine|derni[èe]re|pass[ée]e)\b)?)"
)
# "ce mois-ci", "le mois prochain", "à la fin du mois", "en début de mois".
_PART_OF_MONTH = r"(?:la\s+|en\s+)?(?:d[ée]but|fin|milieu)\s+(?:du|de)\s+"
_MONTH_ALONE = re.compile(
    rf"(?i:\bce\s+mois(?:-ci)?\b(?![-‑]l)|\b(?:le\s+|{_PART_OF_MONTH})mois\s+(?P<edge>dernier|pass[ée]|prochain)\b"
    rf"|\b{_PART_OF_MONTH}mois\b(?![-‑]l|\s+(?:de\s|d['’]|dernier|pass|prochain)))"
)
# "Dans les prochains jours": the publication month, when a week from publication stays inside it.
_COMING_DAYS = re.compile(r"(?i:\bdans\s+les\s+(?:tout\s+)?prochains\s+jours\b)")
# Weeks and week-ends cannot be stored (no week precision): their month when they lie in one.
_WEEK = re.compile(
    r"(?i:\bcette\s+semaine\b(?![-‑]l)|\bla\s+semaine\s+(?:derni[èe]re|pass[ée]e|prochaine)\b"
    r"|\b(?:en\s+)?(?:d[ée]but|fin)\s+de\s+semaine\b)"
)
_WEEKEND = re.compile(r"(?i:\b(?:ce|le)\s+week-end(?:\s+(?P<edge>dernier|pass[ée]|prochain))?\b)")
# "le 9", "lundi 9": a day of the publication's month or of the one next to it, told by the tense. Only
# before a pause, a linking word or the object a verb's date comes before ("ont signé le 17 un mémorandum"), so
# that "le 9e", "le 20 heures" or "le 2 à 0"-like scores stay out.
_DAY_ALONE = re.compile(
    rf"(?:\b(?P<lead>(?i:le|ce))\s+)?(?:\b(?P<weekday>{_WEEKDAY})\s+)?\b(?P<core>(?P<day>1er|[0-3]?\d))"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:au|en|et|lors|dans|avec|pour|par|afin|dernier|courant|à\s+[A-ZÉ])"
    r"|\s+(?:un|une|des|leur|leurs|plusieurs)\s)"  # "ont signé le 17 un mémorandum"
)
_OFFSET = re.compile(
    rf"(?i:\b(?P<direction>il\s+y\s+a|dans)\s+(?P<count>{_NUMBER}|quelques|plusieurs)"
    r"\s+(?P<unit>jours?|semaines?|mois|ans?|ann[ée]es?)\b)"
)
# Cheap test that lets sentences without any date word skip the grammar entirely.
_ANY_DATE_WORD = re.compile(
    rf"\d|{_MONTH}|{_WEEKDAY}|printemps|été|automne|hiver|aujourd|jour|hier|demain|ann[ée]e|\bans?\b|mois|semaine"
    r"|week-end"
    r"|matin|soir|midi",
    re.IGNORECASE,
)
# Leads that belong to the expression ("le 5 novembre", "en septembre"); others ("depuis 2014") only
# show that a number is a year and stay outside the mention.
_KEPT_LEADS = {"le", "du", "au", "ce", "cet", "en", "au mois de", "à l'", "l'", "l'année", "l'an"}


@dataclass(frozen=True, slots=True)
class _Base:
    """What the publication date tells: the year, month and day that are known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> Date | None:
        return Date(self.year, self.month, self.day) if self.day else None


def next_to(sentence: str, day: str) -> str | None:
    """ "La veille (du sommet)", "le lendemain": the day before or after `day`, when the sentence says so."""
    found = _STORY_OFFSET.search(sentence)
    if found is None:
        return None
    shift = _STORY_OFFSETS[found[0].split()[-1].casefold()]
    return (Date.fromisoformat(day) + timedelta(days=shift)).isoformat()


def find_dates(sentence: str, published: str | None, past: bool | None = None) -> list[DateMention]:
    """Date mentions of `sentence`, in order, resolved against `published` (a partial date string).

    `past` is the tense of the sentence: True for the past, False for the future, None when unknown. It
    decides which "samedi" or "septembre" is meant; with None a weekday other than the publication's own
    stays unresolved, and a month or a day without a year falls in the publication year. An invalid
    `published` raises facts.dates' French ValueError.
    """
    if not _ANY_DATE_WORD.search(sentence):
        return []
    # "Mercredi, à Vientiane, …", "Lundi en fin de journée, …": a capitalised weekday opening the sentence
    # is still a date (only weekdays: "Avril Haines", "Mars" the planet are not months).
    first = re.match(r"\s*([A-Z][a-z]+)\b", sentence)
    if first and re.fullmatch(_WEEKDAY, first[1].lower()):
        sentence = sentence[: first.start(1)] + first[1].lower() + sentence[first.end(1) :]
    base = _base(published)
    candidates: list[tuple[int, int, str | None]] = []
    for pattern, resolve in _RULES:
        for match in pattern.finditer(sentence):
            found = resolve(match, base, past)
            if found is not False:
                candidates.append((_start(match), match.end(), found))
    # The longest reading wins ("le 1er janvier 2025" over "janvier", "en mars de l'année dernière" over
    # "l'année dernière"); shorter ones overlapping it are dropped.
    chosen: list[tuple[int, int, str | None]] = []
    for start, end, value in sorted(candidates, key=lambda item: (item[0] - item[1], item[0])):
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in chosen):
            chosen.append((start, end, value))
    return [DateMention(start, end, sentence[start:end], value) for start, end, value in sorted(chosen)]


def _base(published: str | None) -> _Base:
    if not published:
        return _Base()
    when = dates.parse(published)
    # A season of publication says nothing reliable about the month.
    return _Base(when.year, when.month, when.day)


def _start(match: re.Match) -> int:
    lead = match.groupdict().get("lead")
    if lead and " ".join(lead.casefold().replace("’", "'").split()) in _KEPT_LEADS:
        return match.start("lead")
    return match.start("core") if "core" in match.re.groupindex else match.start()


# Resolvers return the stored date string, None when the mention cannot be resolved, or False when the
# match is not a date mention after all.


def _day_date(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    day = _day_number(match["day"])
    month = MONTHS.get(match["month"]) or _ABBREVIATIONS[match["month"].rstrip(".")]
    year = _year(match, (month, day), base, past)
    return _iso(year, month, day)


def _numeric_date(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    if match["iso_year"]:
        return _iso(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    return _iso(int(match["year"]), int(match["month"]), int(match["day"]))


def _month_name(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    month = MONTHS[match["month"]]
    year = _year(match, (month,), base, past)
    return None if year is None else f"{year:04d}-{month:02d}"


def _season(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    # "été" is also the participle of être ("a été signé"): a season needs a lead word or a year.
    if not (match["lead"] or match["year"] or match["relative"]):
        return False
    code = _SEASONS[match["season"]]
    if match["year"]:
        return f"{match['year']}-{code}"
    if match["relative"]:
        year = _relative_year(match["relative"], base)
        return None if year is None else f"{year:04d}-{code}"
    return _nearest_season(code, base, past, _edge(match["edge"]))


def _weekday(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    published = base.date
    if published is None:
        return None
    weekday = WEEKDAYS[match["weekday"]]
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    edge = _edge(match["edge"])
    if edge == "past":
        return (published - timedelta(days=back or 7)).isoformat()
    if edge == "future":
        return (published + timedelta(days=ahead or 7)).isoformat()
    if past is None:
        # "vendredi" in an article of a Friday is that Friday whatever the tense; any other day could be
        # the last one or the next one.
        return published.isoformat() if back == 0 else None
    # News names the day itself, past or future: "doit se rendre mercredi" in Wednesday's paper is today;
    # a week later would be "mercredi prochain".
    if past:
        return (published - timedelta(days=back)).isoformat()
    return (published + timedelta(days=ahead)).isoformat()


def _year_only(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    return match["year"]


def _today(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    return base.date.isoformat() if base.date else None


def _later_today(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    return None if past else _today(match, base, past)


def _day_offset(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    if base.date is None:
        return None
    return (base.date + timedelta(days=_DAY_OFFSETS[match[0].casefold()])).isoformat()


def _year_alone(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    year = _relative_year(match[0], base)
    return None if year is None else f"{year:04d}"


def _month_alone(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    if base.month is None:
        return None
    year, month = _shift_month(base.year, base.month, _edge_shift(match["edge"]))
    return f"{year:04d}-{month:02d}"


def _week(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    """A week has no precision of its own: its month when the whole week lies in one, else unresolved."""
    published = base.date
    if published is None:
        return None
    word = match.group(0).casefold()
    shift = 7 if "prochaine" in word else -7 if ("derni" in word or "pass" in word) else 0
    return _month_of_days(published + timedelta(days=shift - published.weekday()), 7)


def _weekend(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    """ "ce week-end" is the last one in the past tense, the next one in the future, this one on a Sunday."""
    published = base.date
    if published is None:
        return None
    edge = _edge(match["edge"]) or {True: "past", False: "future", None: None}[past]
    if published.weekday() >= 5 and not match["edge"]:
        saturday = published - timedelta(days=published.weekday() - 5)
    elif edge == "past":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
    elif edge == "future":
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
    else:
        return None
    return _month_of_days(saturday, 2)


def _month_of_days(first: Date, count: int) -> str | None:
    last = first + timedelta(days=count - 1)
    if (first.year, first.month) != (last.year, last.month):
        return None
    return f"{first.year:04d}-{first.month:02d}"


def _day_alone(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    if not (match["lead"] or match["weekday"]):
        return False
    published = base.date
    if published is None:
        return None
    day = _day_number(match["day"])
    previous = _shift_month(published.year, published.month, -1)
    following = _shift_month(published.year, published.month, 1)
    this = (published.year, published.month)
    if past is None:
        months = [this] if day == published.day else []
    elif past:
        months = [this, previous] if day <= published.day else [previous]
    else:
        months = [this, following] if day >= published.day else [following]
    for year, month in months:
        value = _iso(year, month, day)
        if value and (not match["weekday"] or Date.fromisoformat(value).weekday() == WEEKDAYS[match["weekday"]]):
            return value
    return None


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    year, index = divmod(year * 12 + month - 1 + shift, 12)
    return year, index + 1


def _day_number(text: str) -> int:
    return 1 if text in ("1er", "1ᵉʳ", "premier") else int(text)


def _offset(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    count = french_number(match["count"])
    if count is None or base.year is None:
        return None
    sign = "il y a" if match["direction"].casefold().startswith("il") else "dans"
    parsed = _parser(base.year, base.month or 1, base.day or 1).get_date_data(f"{sign} {count} {match['unit']}")
    when = parsed.date_obj
    # The result is only as precise as the publication date it was counted from.
    if when is None:
        return None
    if parsed.period == "week":
        return _month_of_days(when.date() - timedelta(days=when.weekday()), 7) if base.day else None
    if parsed.period == "year":
        return f"{when.year:04d}"
    if parsed.period == "month":
        return f"{when.year:04d}-{when.month:02d}" if base.month else None
    return when.date().isoformat() if base.day else None


def _part_of_year(match: re.Match, base: _Base, past: bool | None) -> str | bool | None:
    if base.year is None:
        return None
    return f"{base.year + _edge_shift(match['edge']):04d}"


_RULES = (
    (_DAY_DATE, _day_date),
    (_NUMERIC_DATE, _numeric_date),
    (_MONTH_NAME, _month_name),
    (_SEASON, _season),
    (_WEEKDAY_ALONE, _weekday),
    (_YEAR, _year_only),
    (_TODAY, _today),
    (_LATER_TODAY, _later_today),
    (_DAY_OFFSET, _day_offset),
    (_YEAR_ALONE, _year_alone),
    (_PART_OF_YEAR, _part_of_year),
    (_MONTH_ALONE, _month_alone),
    (_WEEK, _week),
    (_WEEKEND, _weekend),
    (_DAY_ALONE, _day_alone),
    (_OFFSET, _offset),
    (_COMING_DAYS, lambda match, base, past: _coming_days(base)),
)


def _coming_days(base: _Base) -> str | None:
    """Month precision only: "in the next days" from the 1st to the 20th stays in that month."""
    if base.day is None or base.day > 20:
        return None
    return f"{base.year:04d}-{base.month:02d}"


def _edge(word: str | None) -> str | None:
    """ "dernier" / "passé" point before the publication, "prochain" after it, whatever the tense."""
    if not word:
        return None
    return "future" if word.casefold().startswith("prochain") else "past"


def _edge_shift(word: str | None) -> int:
    """-1, 0 or +1: the month or year "dernier", "en cours" or "prochain" is from the publication's."""
    return {None: 0, "past": -1, "future": 1}[_edge(word)]


def _relative_year(words: str, base: _Base) -> int | None:
    if base.year is None:
        return None
    words = words.casefold()
    if "cette" in words:
        return base.year
    return base.year + 1 if "prochain" in words else base.year - 1


def _year(match: re.Match, target: tuple[int, ...], base: _Base, past: bool | None) -> int | None:
    """The year of a month (target=(month,)) or a day (target=(month, day)) whose year is not written out
    or is written relatively."""
    if match["year"]:
        return int(match["year"])
    if match["relative"]:
        return _relative_year(match["relative"], base)
    if base.year is None:
        return None
    edge = _edge(match["edge"])
    known = tuple(part for part in (base.month, base.day)[: len(target)] if part is not None)
    if not known:
        # Published in a year, month unknown: the conventional reading is that year, but "dernier" or
        # "prochain" cannot be placed.
        return base.year if edge is None else None
    if edge and len(known) < len(target) and target[: len(known)] == known:
        return None  # "le 5 novembre dernier" in an article of November, day unknown: before or after it?
    target = target[: len(known)]
    if edge == "past":
        return base.year if target < known else base.year - 1
    if edge == "future":
        return base.year if target > known else base.year + 1
    if target == known or past is None:
        return base.year
    if past:
        return base.year if target < known else base.year - 1
    return base.year if target > known else base.year + 1


def _nearest_season(code: int, base: _Base, past: bool | None, edge: str | None) -> str | None:
    if base.year is None:
        return None
    if base.month is None:
        return f"{base.year:04d}-{code}" if edge is None else None
    # Seasons numbered in a row; winter belongs to the year it starts in (December), as in facts/dates.
    current_code = {12: 24, 1: 24, 2: 24}.get(base.month) or 21 + (base.month - 3) // 3
    current = (base.year - (base.month < 3)) * 4 + current_code - 21
    options = [year * 4 + code - 21 for year in range(base.year - 2, base.year + 2)]
    if edge == "past":
        chosen = max(option for option in options if option < current)
    elif edge == "future":
        chosen = min(option for option in options if option > current)
    elif past is None:
        chosen = current if current in options else base.year * 4 + code - 21
    elif past:
        chosen = max(option for option in options if option <= current)
    else:
        chosen = min(option for option in options if option >= current)
    year, index = divmod(chosen, 4)
    return f"{year:04d}-{21 + index}"


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None  # "31 février": a date expression, but no such day


def french_number(words: str) -> int | None:
    """French numbers as digits (dateparser reads "dix-huit mois" as eight months); None if not one."""
    if words.isdigit():
        return int(words)
    parts = [part for part in re.split(r"[-\s]+", words.casefold()) if part != "et"]
    if not parts or any(part not in _NUMBERS for part in parts):
        return None  # "quelques", "plusieurs": a date expression, but no count
    if parts[:2] == ["quatre", "vingt"]:  # the one multiplicative number below a hundred
        return 80 + sum(_NUMBERS[part] for part in parts[2:])
    return sum(_NUMBERS[part] for part in parts)


@lru_cache(maxsize=64)
def _parser(year: int, month: int, day: int):
    # Built on first use (dateparser loads its language data then) and kept per publication date.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["fr"], settings={"RELATIVE_BASE": datetime(year, month, day)})
