"""Country entities: one per ISO 3166-1 code, with every name a French-speaking user may type.

Names come from babel (CLDR) and pycountry's ISO catalogs; French demonyms ("japonaise", "sud-coréens")
are derived, since no library ships them: from babel's language names, from regular suffix rules, and
from a short hand-written list of irregulars (`data/demonyms.json`, masculine singular only).
"""

from __future__ import annotations

import functools
import gettext
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import babel
import pycountry
from babel.core import get_global

from facts.model import Entity
from facts.normalize import STOP_WORDS, fold
from facts.tables import table

_DEMONYMS_FILE = Path(__file__).parent / "data" / "demonyms.json"

# Under 4 shared letters a language is only spoken in the country ("portugais"/Brésil), not named after it.
_MIN_SHARED_PREFIX = 4

# Language names that do not end like an adjective ("afrikaans", "tuvalu") are not demonyms.
_ADJECTIVE_ENDINGS = ("ais", "ois", "en", "ain", "an", "in", "and", "on", "e", "c", "ol", "k", "kh", "i")

# Regular families only (country ending -> adjective ending), longest first. They misfire on irregular
# countries ("Iran" -> "iranais", "Russie" -> "russien"), so they only serve countries that have no
# demonym from the JSON file or from a language name.
_SUFFIX_RULES = (
    ("ande", "andais"),
    ("anda", "andais"),
    ("oun", "ounais"),
    ("ola", "olais"),
    ("ie", "ien"),
    ("ye", "yen"),
    ("ay", "ayen"),
    ("al", "alais"),
    ("an", "anais"),
    ("on", "onais"),
    ("il", "ilien"),
    ("i", "ien"),
)

# pycountry inverts names ("Korea, Republic of"); a tail ending on one of these shows the inversion, where
# "Taïwan, province de Chine" or "Bonaire, Saint-Eustache et Saba" must stay as they are.
_LINK_WORDS = frozenset({"of", "the", "de", "du", "des", "la", "le", "les"})
_BRACKETED = re.compile(r"(.+?) \(([^()]+)\)")

# When two countries claim the same name, the one with the lowest rank keeps it (a tie drops it for both).
_RANK_NAME, _RANK_OTHER_NAME, _RANK_LISTED, _RANK_LANGUAGE, _RANK_RULE = range(5)


def flag_for(iso: str) -> str:
    """Regional-indicator emoji for a two-letter code ("JP" -> "🇯🇵")."""
    if len(iso) != 2 or not iso.isascii() or not iso.isalpha():
        raise ValueError(f"not a two-letter code: {iso!r}")
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in iso.upper())


def _natural_order(name: str) -> list[str]:
    """`name` plus its uninverted or unbracketed forms ("Corée, République de" -> "République de Corée")."""
    forms = [name]
    bracketed = _BRACKETED.fullmatch(name)
    if bracketed:
        outer, inner = bracketed.groups()
        forms.append(outer)
        # "(Birmanie)" is another name, "(partie néerlandaise)" only a description.
        if all(word[0].isupper() for word in inner.split()):
            forms.append(inner)
    head, comma, tail = forms[1 if bracketed else 0].partition(", ")
    if comma and tail.endswith(("'", "’")):
        forms.append(tail + head)
    elif comma and tail.rsplit(" ", 1)[-1].lower() in _LINK_WORDS:
        forms.append(f"{tail} {head}")
    return forms


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _language_demonyms(french_names: dict[str, str]) -> dict[str, list[str]]:
    """Language names read as demonyms where they are named after the country ("japonais" -> JP)."""
    likely = get_global("likely_subtags")
    found: dict[str, list[str]] = defaultdict(list)
    for code, language in babel.Locale("fr").languages.items():
        iso = likely.get(code, "").rsplit("_", 1)[-1]
        folded = fold(language)
        if iso not in french_names or " " in folded or not folded.endswith(_ADJECTIVE_ENDINGS):
            continue
        if _shared_prefix(folded, fold(french_names[iso])) >= _MIN_SHARED_PREFIX:
            found[iso].append(language)
    return found


def _rule_demonym(country_name: str) -> str | None:
    """Masculine demonym from a one-word French country name, for the regular families only."""
    lowered = country_name.lower()
    if " " in fold(lowered):
        return None
    for ending, replacement in _SUFFIX_RULES:
        if lowered.endswith(ending):
            return lowered[: -len(ending)] + replacement
    return None


def _inflect(masculine: str) -> tuple[str, str, str, str]:
    """Masculine and feminine, singular and plural, by the regular French rules."""
    if masculine.endswith("en"):
        feminine = masculine + "ne"
    elif masculine.endswith("e"):
        feminine = masculine
    elif masculine.endswith("ec"):
        feminine = masculine + "que"
    elif masculine.endswith("c"):
        feminine = masculine[:-1] + "que"
    else:
        feminine = masculine + "e"

    def plural(word: str) -> str:
        return word if word.endswith(("s", "x", "z")) else word + "s"

    return masculine, feminine, plural(masculine), plural(feminine)


def _candidates(country, french: dict[str, str], catalog, listed, languages) -> list[tuple[str, int]]:
    """Every name of `country`, with the rank it holds it by, before collisions are resolved."""
    iso = country.alpha_2
    # Empty names must not reach gettext, which maps "" to the catalog header.
    attributes = ("name", "common_name", "official_name")
    official = [name for attr in attributes if (name := getattr(country, attr, ""))]
    others = [babel.Locale("en").territories.get(iso, ""), *official, *map(catalog.gettext, official)]
    names = [(french[iso], _RANK_NAME)]
    names += [(form, _RANK_OTHER_NAME) for name in others if name for form in _natural_order(name)]
    names.append((country.alpha_3, _RANK_OTHER_NAME))
    demonyms = [(word, _RANK_LISTED) for word in listed.get(iso, ())]
    demonyms += [(word, _RANK_LANGUAGE) for word in languages.get(iso, ())]
    if not demonyms and (generated := _rule_demonym(french[iso])):
        demonyms.append((generated, _RANK_RULE))
    names += [(form, rank) for word, rank in demonyms for form in _inflect(word)]
    return names


@functools.cache
def country_entities() -> tuple[Entity, ...]:
    """One `Entity` per ISO 3166-1 country, named in French, with English names, codes and demonyms."""
    countries = list(pycountry.countries)
    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    territories = babel.Locale("fr").territories
    french = {c.alpha_2: territories.get(c.alpha_2) or catalog.gettext(c.name) for c in countries}
    listed = json.loads(_DEMONYMS_FILE.read_text(encoding="utf-8"))
    languages = _language_demonyms(french)
    candidates = {c.alpha_2: _candidates(c, french, catalog, listed, languages) for c in countries}

    claims: dict[str, dict[str, int]] = defaultdict(dict)
    for iso, names in candidates.items():
        for name, rank in names:
            claim = claims[fold(name)]
            claim[iso] = min(rank, claim.get(iso, rank))

    def owns(iso: str, key: str) -> bool:
        best = min(claims[key].values())
        return claims[key][iso] == best and list(claims[key].values()).count(best) == 1

    entities = []
    for country in countries:
        iso = country.alpha_2
        seen = {fold(french[iso])}
        aliases = []
        for name, _ in candidates[iso]:
            key = fold(name)
            if key and key not in seen and key not in STOP_WORDS and owns(iso, key):
                seen.add(key)
                aliases.append(name)
        entities.append(
            Entity(
                id=f"pays:{iso}",
                kind="pays",
                name=french[iso],
                aliases=tuple(aliases),
                iso=iso,
                flag=getattr(country, "flag", None) or flag_for(iso),
            )
        )
    return tuple(entities)


@functools.cache
def combining_forms() -> dict[str, str]:
    """ "franco" → FR, "sino" → CN: the first parts of "franco-britannique", "sino-russe"."""
    return {fold(prefix): iso for prefix, iso in table("combining_forms.json").items()}


@functools.cache
def _country_groups() -> tuple[dict[str, list[str]], re.Pattern[str]]:
    """Folded group name → its members' ISO codes, and the pattern that finds the groups in a text: its first
    group the name told after "pays", its second the name that stands alone."""
    groups = table("country_groups.json")
    after, alone = groups["après_pays"], groups["seul"]
    members = {fold(name): codes for name, codes in after.items()}
    members |= {fold(form): after[name] for form, name in alone.items()}
    names = [_alternatives(after), _alternatives(alone)]
    pattern = rf"\b(?:(?:pays|[ÉE]tats|r[ée]publiques)\s+({names[0]})|({names[1]}))\b"
    return members, re.compile(pattern, re.IGNORECASE)


def _alternatives(names: Iterable[str]) -> str:
    """Names as regex alternatives, longest first, any space or apostrophe as the text writes it."""
    ordered = sorted(names, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split()) for name in ordered)


def country_groups(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """ "les trois pays baltes", "avec les cinq pays d'Asie centrale", "les Baltes": where `text` names a group
    of countries without listing them (start, end), and the ISO codes of its members."""
    members, pattern = _country_groups()
    for match in pattern.finditer(text):
        yield match.start(), match.end(), members[fold(match[1] or match[2])]
