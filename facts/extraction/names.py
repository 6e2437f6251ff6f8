"""The names of a sentence: countries, organisations, places and people, from the entity ruler and the
parse, and the sides they speak for as the article reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from facts.catalog import Catalog
from facts.countries import combining_forms, country_groups
from facts.extraction.vocabulary import (
    AGREEMENT_NOUNS,
    CALENDAR_WORDS,
    HONORIFICS,
    LEGISLATURES,
    MEETING_NOUNS,
    PLACE_CASES,
    ROLE_WORDS,
    VISIT_NOUNS,
)
from facts.model import Entity, kind_of
from facts.normalize import fold
from facts.offices import side_in_office
from facts.places import city_countries

NAME_PARTICLE = re.compile(r"^(?:(?:al|el|ad|ben|bin|ould)-\w+|da|de|di|do|dos|das|del|van|von|der|ben|bin|ibn|al)$")
ROMAN = re.compile(r"[IVX]{1,5}")
TITLE_WORDS = HONORIFICS | ROLE_WORDS


@dataclass
class Mention:
    entity_id: str | None
    kind: str  # pays, organisation, personne, lieu
    span: Span
    name: str
    side: list[str] = field(default_factory=list)  # what the title around a name-less mention says


def read_mentions(sentence: Span, reading: Reading) -> list[Mention]:
    found = []
    for ent in sentence.ents:
        if ent.ent_id_:
            if not _kind_of_country(ent):
                found.append(Mention(ent.ent_id_, ent.label_.lower(), ent, ent.text))
        elif ent.label_ in ("PER", "MISC") or _after_title(ent) or ent[0].lower_ in HONORIFICS:
            name = _without_title(ent)
            if name is None or not _name_like(name) or (ent.label_ == "MISC" and name is ent):
                continue
            if len(name) == 1 and name[0].lower_ in PORTFOLIO_ENDS:
                continue  # "leurs ministres du Commerce": a portfolio the model took for a name
            if len(name) >= 2 or _titled(name) or reading.surname(name.text):
                found.append(Mention(None, "personne", name, name.text))
        elif ent.label_ == "ORG" and ent.text[:1].isupper() and len(ent.text) > 2 and not _event_name(ent):
            if _in_title(ent) or ent[0].lower_ in HONORIFICS or ent[0].lower_ in LEGISLATURES or _only_title(ent):
                continue  # "ministre de l'Énergie", "MM. Macron et Lourenço", "le Parlement", "la Première ministre"
            found.append(Mention(None, "organisation", ent, ent.text))
        elif ent.label_ == "LOC" and ent.text[:1].isupper() and len(ent.text) > 2 and not _calendar_word(ent):
            if fold(ent.text) in ("etat", "etats") or (_in_title(ent) and ent[0].lower_ in PORTFOLIO_ENDS):
                continue  # "une visite d'État", "ministre de la Défense Pål Jonson" (a portfolio, then a name)
            place = _before_a_title(ent)
            found.append(Mention(None, "lieu", place, place.text))
    found += [Mention(None, "personne", name, name.text) for name in _honorific_names(sentence)]
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    found += [
        Mention(None, "personne", name, name.text)
        for name in _portfolio_names(sentence)
        if not taken & set(range(name.start, name.end))
    ]
    found += _compound_sides(sentence, reading)
    found += _country_groups(sentence, reading)
    found += _missed_cities(sentence, found)
    for mention in found:
        if mention.entity_id is None:
            _identify(mention, reading)
    found += _title_holders(sentence, found, reading)
    return sorted(found, key=lambda m: m.span.start)


def _before_a_title(ent: Span) -> Span:
    """ "la visite à Washington du Premier ministre": the place ends where a title begins."""
    for token in ent[1:]:
        if token.lower_ in ("du", "de", "des") and token.i + 1 < ent.end and token.nbor(1).lower_ in TITLE_WORDS:
            return ent.doc[ent.start : token.i]
    return ent


def _kind_of_country(ent: Span) -> bool:
    """ "un pays européen": what kind of country, not the Union (a country's own adjective names it)."""
    head = ent.root.head
    organisation = ent.label_.lower() == "organisation"
    return organisation and ent.text.islower() and head.lemma_.lower() in ("pays", "état", "nation")


def _missed_cities(sentence: Span, found: list[Mention]) -> list[Mention]:
    """Capitals and large cities the model did not tag, after "à" or "de" ("à l'aéroport de Ouagadougou"), or
    joined by "et" to a place it did ("Lomé et Abidjan avaient signé…")."""
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    places = {m.span.start for m in found if m.kind == "lieu"} | {m.span.end - 1 for m in found if m.kind == "lieu"}
    cities = []
    for token in sentence:
        if not token.is_title or token.i in taken:
            continue
        after_case = token.i > sentence.start and token.nbor(-1).lower_ in ("à", "de", "d'", "d’")
        joined = token.i + 2 in places and token.nbor(1).lower_ == "et"
        joined = joined or (token.i - 2 in places and token.i > sentence.start and token.nbor(-1).lower_ == "et")
        if not (after_case or joined):
            continue
        for length in (3, 2, 1):
            span = sentence.doc[token.i : min(token.i + length, sentence.end)]
            if len(span) == length and fold(span.text) in city_countries():
                cities.append(Mention(None, "lieu", span, span.text))
                break
    return cities


def _country_groups(sentence: Span, reading: Reading) -> list[Mention]:
    """ "les ministres des trois pays baltes", "avec les cinq pays d'Asie centrale", "les Baltes": each member
    of a group the article names without listing it (not "une tournée en Asie centrale", a region)."""
    found = []
    for start, end, members in country_groups(sentence.text):
        span = sentence.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
        found += [Mention(f"pays:{iso}", "pays", span, reading.name(f"pays:{iso}")) for iso in members]
    return found


def _compound_sides(sentence: Span, reading: Reading) -> list[Mention]:
    """ "le sommet franco-britannique", "le partenariat germano-algérien", "le sommet UE-Canada": one word
    that names two sides (or more: "russo-sino-iranien")."""
    found = []
    for token in sentence:
        joined = token.i + 2 < sentence.end and token.nbor(1).text == "-" and not token.whitespace_
        iso = combining_forms().get(fold(token.text)) if joined else None
        if iso:
            # Split by the tokenizer: "germano", "-", "algérien" (the last part is a mention of its own).
            found.append(Mention(f"pays:{iso}", "pays", sentence.doc[token.i : token.i + 1], token.text))
            continue
        if "-" not in token.text.strip("-") or token.ent_id_:
            continue
        parts = token.text.split("-")
        sides = [_side_word(part, reading, last=index == len(parts) - 1) for index, part in enumerate(parts)]
        if len(parts) >= 2 and all(sides) and len(set(sides)) == len(sides):
            span = sentence.doc[token.i : token.i + 1]
            found += [Mention(side, kind_of(side), span, token.text) for side in sides]
    return found


def _side_word(word: str, reading: Reading, last: bool) -> str | None:
    """A country or organisation one part of a compound names: "franco", "britannique", "UE", "Canada"."""
    iso = combining_forms().get(fold(word))
    if iso and not last:
        return f"pays:{iso}"
    if len(word) < 2 or not (last or word[:1].isupper()):
        return None
    known = [e for e in reading.index.lookup(word) if kind_of(e) in ("pays", "organisation")]
    return known[0] if known else None


def _title_holders(sentence: Span, found: list[Mention], reading: Reading) -> list[Mention]:
    """A subject named by title only ("le président sénégalais est attendu…", "la cheffe de la diplomatie
    australienne a rencontré…") is the person of the article who holds that side, when there is one."""
    holders = []
    for token in sentence:
        if not token.dep_.startswith("nsubj") or token.lower_ not in ROLE_WORDS:
            continue
        inside = within(found, token.subtree)
        if any(m.kind == "personne" for m in inside):
            continue
        side = sides_of(inside, reading)
        holder = reading.holder(side) or reading.untold(token.lower_, side)
        if holder is not None:
            holders.append(Mention(holder.id, "personne", sentence.doc[token.i : token.i + 1], holder.name, side))
    return holders


def _name_like(name: Span) -> bool:
    """Capitalised words, with the particles names carry: "Mohammed Chia al-Soudani", "Lula da Silva", and
    the lower-case halves of hyphenated given names the tokenizer splits ("Lee Jae-myung")."""

    def part(token: Token) -> bool:
        joined = token.i > name.start and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_
        regnal = token.i > name.start and ROMAN.fullmatch(token.text) is not None  # "Mohammed VI"
        return token.is_title or bool(NAME_PARTICLE.match(token.text)) or token.text == "-" or joined or regnal

    return name[0].is_title and name[-1].text != "-" and all(part(t) for t in name)


# The last word of a title's portfolio: "des Affaires étrangères", "de la Défense", "du Commerce extérieur".
PORTFOLIO_ENDS = frozenset(
    "étrangères étranger défense commerce extérieur intérieur économie finances énergie environnement "
    "diplomatie justice santé transports agriculture".split()
)


def _after_title(ent: Span) -> bool:
    """ "les présidents argentin Javier Milei, brésilien Luiz Inácio Lula da Silva", "la ministre kényane de
    l'Environnement, Aisha Mwangi": a name right after a nationality adjective or a comma that follows a
    title, whatever the statistical model labelled it."""
    before = ent.doc[ent.start - 1] if ent.start > ent.sent.start else None
    if before is not None and before.lower_ in PORTFOLIO_ENDS and len(ent) >= 2:
        return _titled(ent, window=8)  # "le ministre turc des Affaires étrangères Hakan Fidan"
    if before is None or not ((before.ent_id_ and before.text.islower()) or before.text == ","):
        return False
    if before.text == "," and len(ent) < 2:
        return False
    return _titled(ent, window=12)


def _in_title(ent: Span) -> bool:
    """ "la ministre de l'Environnement et du Changement climatique", "la secrétaire aux Affaires étrangères":
    a portfolio, not an organisation."""
    before = ent.doc[max(ent.sent.start, ent.start - 5) : ent.start]
    return any(t.lower_ in ROLE_WORDS | {"ministère", "ministres", "secrétariat"} for t in before)


def _only_title(ent: Span) -> bool:
    return all(t.lower_ in TITLE_WORDS | {"premier", "première"} for t in ent)


def _without_title(ent: Span) -> Span | None:
    """The name in "Mme Wong" or "Premier ministre Pham Minh Chinh", which the model tags whole, without
    a particle it ends on ("Abdallah II de" in "Abdallah II de Jordanie")."""
    start, end = 0, len(ent)
    while start < end and ent[start].lower_ in TITLE_WORDS:
        start += 1
    while end > start + 1 and ent[end - 1].lower_ in ("de", "d'", "d’", "du", "des"):
        end -= 1
    return ent[start:end] if start < end else None


def _portfolio_names(sentence: Span) -> list[Span]:
    """ "le ministre norvégien de la Défense Tore Sandvik": a name right after a portfolio, which the model
    often leaves untagged."""
    names = []
    for token in sentence[:-1]:
        if token.lower_ not in PORTFOLIO_ENDS or not _titled(sentence.doc[token.i : token.i + 1], window=8):
            continue
        end = token.i + 1
        # Tagged or not: the model often swallows the name into the portfolio ("Défense Tore Sandvik", ORG).
        while end < sentence.end and sentence.doc[end].is_title and not sentence.doc[end].ent_id_:
            end += 1
        if end - token.i > 2:  # two words at least: a first name and a name
            names.append(sentence.doc[token.i + 1 : end])
    return names


def _honorific_names(sentence: Span) -> list[Span]:
    """ "M. Barrow", "Mme Wong": names the statistical model often misses after a title of address."""
    names = []
    for token in sentence[:-1]:
        if token.lower_ not in HONORIFICS or token.ent_type_:
            continue
        end = token.i + 1
        while end < sentence.end and sentence.doc[end].is_title and not sentence.doc[end].ent_type_:
            end += 1
        if end > token.i + 1:
            names.append(sentence.doc[token.i + 1 : end])
    return names


def _identify(mention: Mention, reading: Reading) -> None:
    """A known name, else a person the article named in full before ("M. Barrow" after "Adama Barrow"),
    else a new entity; a place the model tagged may be a capital or a large city, whose country is known."""
    known = reading.index.lookup(mention.name)
    if known:
        mention.entity_id = known[0]
        mention.kind = kind_of(known[0])
        return
    if mention.kind == "personne":
        earlier = reading.surname(mention.name)
        if earlier is not None:
            mention.entity_id = earlier.id
            return
    key = fold(mention.name)
    country = city_countries().get(key) if mention.kind == "lieu" else None
    entity = reading.new_names.setdefault(
        key, Entity(id=f"nouveau:{key.replace(' ', '-')}", kind=mention.kind, name=mention.name, country=country)
    )
    mention.entity_id = entity.id


def _calendar_word(ent: Span) -> bool:
    """ "Mercredi" opening a sentence is a day, whatever the statistical NER says."""
    return ent.text.lower() in CALENDAR_WORDS


def _event_name(ent: Span) -> bool:
    """ "la Conférence ukrainienne sur …" is an event, not an organisation taking part in one."""
    return any(t.lemma_.lower() in MEETING_NOUNS | AGREEMENT_NOUNS | VISIT_NOUNS for t in ent)


def _titled(ent: Span, window: int = 3) -> bool:
    """A title among the words just before: "le président brésilien Lula", "M. Macron" make a one-word name
    a person."""
    before = ent.doc[max(ent.sent.start, ent.start - window) : ent.start]
    return any(t.lower_ in TITLE_WORDS or t.lemma_ in ROLE_WORDS for t in before)


def gender_of(mention: Mention) -> str:
    """ "La ministre …, Penny Wong", "Mme Wong": feminine; otherwise masculine, French's default."""
    doc = mention.span.doc
    before = doc[max(mention.span.sent.start, mention.span.start - 8) : mention.span.start]
    feminine = {"la", "mme", "madame", "cheffe", "présidente", "ambassadrice", "chancelière", "reine"}
    return "f" if any(t.lower_ in feminine for t in before) else "m"


def sides_of(mentions: Iterable[Mention], catalog: Reading) -> list[str]:
    """The countries and organisations named among `mentions`, people left aside."""
    return countries_of([m for m in mentions if m.kind in ("pays", "organisation")], catalog)


def within(mentions: Iterable[Mention], tokens: Iterable[Token]) -> list[Mention]:
    indexes = {token.i for token in tokens}
    return [mention for mention in mentions if mention.span.root.i in indexes or mention.span.start in indexes]


def countries_of(mentions: Iterable[Mention], catalog: Reading) -> list[str]:
    """Countries and organisations a group of mentions speaks for: themselves, or a person's country (a
    city only says where, not who: "à New York" does not make the United States a party)."""
    found = []
    for mention in mentions:
        entity = catalog.entity(mention.entity_id)
        if mention.kind in ("pays", "organisation"):
            found.append(mention.entity_id)
        elif mention.kind == "personne" and (office := catalog.office_of(mention)) is not None:
            found.append(office)
        elif mention.kind == "personne" and entity is not None and entity.country:
            found.append(f"pays:{entity.country}")
    return list(dict.fromkeys(found))


def host_country(place: Mention, catalog: Reading) -> list[str]:
    return country_of_place(place.entity_id, catalog)


def country_of_place(place: str | None, catalog: Reading) -> list[str]:
    """A country is its own place; a city is in its country, when known."""
    if place is None or kind_of(place) == "pays":
        return [place] if place else []
    entity = catalog.entity(place)
    return [f"pays:{entity.country}"] if entity is not None and entity.country else []


class Reading:
    """The catalog as one article reads it: plus the names met for the first time, and what earlier
    sentences taught: once "le chef de la politique étrangère de l'UE, Josep Borrell" is read, Borrell
    speaks for the EU in the next sentences too, and "les deux pays" are the sides last mentioned."""

    def __init__(self, catalog: Catalog, new_names: dict[str, Entity], published: str | None = None) -> None:
        self._catalog = catalog
        self.published = published  # which office a person held is read at this date
        self.sides: dict[str, list[str]] = {}
        self.roles: dict[str, str] = {}  # person → the title word the article gave them ("président")
        self.seen: set[str] = set()  # every entity the article has named so far
        self.recent_parties: list[str] = []  # the two sides the story was last about
        self.groups: dict[int, list[str]] = {}  # the last sides told, by their number: "les trois pays"
        self.last_organisation: str | None = None  # what "le bloc" of the next sentence is
        self.trip: tuple[str, str] | None = None  # (visitor, host country) of the visit being told
        self.new_names = new_names  # the extractor's own entities, by folded name

    def surname(self, name: str) -> Entity | None:
        """The person of the article or the catalog whose full name ends with `name`: "Barrow", "Mme Wong"."""
        key = fold(name)
        if not key or (" " in key and key in self.new_names):
            return None
        people = [e for e in self.new_names.values() if e.kind == "personne"]
        people += [e for e in self._catalog.entities.values() if e.kind == "personne"]
        # "M. Lula" for Luiz Inácio Lula da Silva: any word of the name but the first; of a person this article
        # has named in full, any word ("M. Abiy" after "Abiy Ahmed", "M. Prabowo" after "Prabowo Subianto").
        return next(
            (
                e for e in people
                if key in fold(e.name).split()[0 if e.id in self.seen else 1 :] or fold(e.name).endswith(" " + key)
            ),
            None,
        )  # fmt: skip

    def office_of(self, person: Mention) -> str | None:
        """ "Ursula von der Leyen", "Mme Kallas": the organisation (or country) the person led on the article's
        date, whatever the catalog says of their country."""
        entity = self.entity(person.entity_id)
        names = [entity.name] if entity is not None else []
        return next(filter(None, (side_in_office(n, self.published) for n in [*names, person.name])), None)

    def entity(self, entity_id: str | None) -> Entity | None:
        found = self._catalog.entity(entity_id)
        return found or next((e for e in self.new_names.values() if e.id == entity_id), None)

    def name(self, entity_id: str | None) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else (entity_id or "")

    def holder(self, side: list[str]) -> Entity | None:
        """The last person of the article known to speak for `side`."""
        if not side:
            return None
        held = [person for person, known in self.sides.items() if known == side]
        return self.entity(held[-1]) if held else None

    def untold(self, role: str, side: list[str]) -> Entity | None:
        """ "le président Emmanuel Macron", then "le président français": the one person of the article
        with that title and no known side takes the side the later title gives."""
        if not side:
            return None
        candidates = [p for p, title in self.roles.items() if title == role and not self.sides.get(p)]
        if len(candidates) != 1:
            return None
        self.sides[candidates[0]] = side
        return self.entity(candidates[0])

    def arrive(self, country: str | None) -> None:
        """A sentence set somewhere else ("Dans la capitale cambodgienne, …") moves the visit being told."""
        if country and self.trip is not None and country not in self.sides.get(self.trip[0], []):
            self.trip = (self.trip[0], country)

    def host_for(self, person_id: str | None) -> list[str]:
        """Someone met during a visit, whose country the article does not say ("reçu par son homologue
        Adama Barrow", "le Premier ministre Hun Manet"), is the host's."""
        if self.trip is None or person_id == self.trip[0]:
            return []
        return [self.trip[1]]

    @property
    def index(self):
        return self._catalog.index


def placed(mention: Mention) -> bool:
    """A place where something happens ("à Lima", "en Bolivie"), not a nationality or a party."""
    return any(c.lower_ in PLACE_CASES for c in mention.span.root.children)
