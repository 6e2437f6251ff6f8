"""From a French news article to proposed facts.

Sentence by sentence: triggers are found by lemma (signer un accord, effectuer une visite, se rendre à,
rencontrer, s'entretenir…), their arguments are read from the dependency parse and the names the entity
ruler recognised, tense and negation come from morphology so that planned or denied events are not stated
as done, and dates are resolved from the publication date. Nothing here knows the seed articles: the rules
are about French news language, the names come from the alias table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from facts.articles import Article
from facts.catalog import Catalog
from facts.countries import combining_forms
from facts.model import Entity, Fact, Participant, Source, kind_of
from facts.nlp import parse
from facts.normalize import fold
from facts.places import city_countries, organisation_seats
from facts.when import MONTHS, WEEKDAYS, DateMention, find_dates, next_to

AGREEMENT_NOUNS = frozenset(
    "accord accords accord-cadre traité pacte partenariat mémorandum protocole convention entente charte "
    "déclaration arrangement contrat feuille lettre texte".split()  # "feuille de route", "lettre d'intention"
)
SIGNING_VERBS = {"signer": "signé", "parapher": "signé", "ratifier": "signé", "sceller": "conclu",
                 "renouveler": "signé", "entériner": "signé", "conclure": "conclu", "finaliser": "conclu",
                 "nouer": "conclu", "adopter": "conclu", "trouver": "conclu"}  # fmt: skip
# "la signature d'un accord", "lors de la conclusion du traité": the act named by a noun.
# "une cérémonie de conclusion de l'accord" after "ont signé un accord": one agreement, told twice.
DONE_AGREEMENT = frozenset(("signé", "conclu"))
SIGNING_NOUNS = {"signature": "signé", "paraphe": "signé", "ratification": "signé", "conclusion": "conclu",
                 "adoption": "conclu"}  # fmt: skip
VISIT_NOUNS = frozenset("visite voyage déplacement tournée escale séjour passage".split())
MEETING_NOUNS = frozenset(
    "rencontre entretien entretiens réunion sommet pourparlers pourparler conférence tête-à-tête audience".split()
)
GATHERING_VERBS = frozenset(("réunir", "rassembler"))
# A call is not a meeting: "s'est entretenu par téléphone", "un entretien téléphonique", "en visioconférence".
REMOTE = re.compile(r"t[ée]l[ée]phon|visio|vid[ée]o|\bappel\b", re.IGNORECASE)
MEETING_VERBS = frozenset(
    "rencontrer entretenir recevoir réunir rassembler accueillir retrouver discuter échanger coprésider déjeuner "
    "dîner".split()
)
HOSTING_VERBS = frozenset("accueillir organiser tenir héberger".split())
# An event noun as tagged, or as the small model sometimes mistags it ("fait escale": an adjective).
NOMINAL = frozenset(("NOUN", "ADJ"))
OCCASION_WORDS = frozenset("lors occasion cours pendant durant pour".split())
PLACE_CASES = frozenset("à au aux en dans".split())
ROLE_WORDS = frozenset(
    "ministre président présidente premier première chef secrétaire commissaire ambassadeur ambassadrice roi "
    "reine prince chancelier chancelière diplomate porte-parole émir vice-président haut haute cheffe "
    "conseiller conseillère vice-première envoyé envoyée émissaire représentant représentante sultan".split()
)
NAME_PARTICLE = re.compile(r"^(?:(?:al|el|ad|ben|bin|ould)-\w+|da|de|di|do|dos|das|del|van|von|der|ben|bin|ibn|al)$")
ROMAN = re.compile(r"[IVX]{1,5}")
HONORIFICS = frozenset("m. mme mlle mm. monsieur madame".split())
TITLE_WORDS = HONORIFICS | ROLE_WORDS
SURPRISE = frozenset("inopiné inopinée surprise impromptu impromptue".split())
CONFIDENCE = {"accord": 0.6, "visite": 0.55, "rencontre": 0.5}
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Who "les deux pays", "ils" or "les deux dirigeants" are: the sides of the story told just before.
ANAPHORIC_HEADS = frozenset(
    "pays chef chefs ministre ministres dirigeant dirigeants partie parties gouvernement gouvernements bloc "
    "homme hommes femme femmes responsable responsables homologue homologues président présidents".split()
)
# What an infinitive hangs from when its event is still to come: "doit se rendre", "a accepté une invitation
# à se rendre", "compte signer", "envisage de se rendre", "vont signer".
PLANNING_WORDS = frozenset("devoir prévoir compter envisager projeter souhaiter espérer invitation aller".split())
DENIAL_VERBS = frozenset("démentir nier réfuter contester".split())
# Being somewhere: "est arrivé à", "a atterri à", "a participé à Nairobi au sommet" (a trip to a summit is a
# visit to its host, as news counts it).
ARRIVAL_VERBS = frozenset("arriver séjourner atterrir participer".split())
# Reflexive moves: "s'est rendu", "s'est déplacé", "se trouvait à Téhéran".
GOING_VERBS = frozenset("rendre déplacer trouver".split())
RECEPTION_VERBS = frozenset("recevoir accueillir".split())
EXPECTED = "attendre"  # "est attendu à Bissau": a visit announced


@dataclass
class Mention:
    entity_id: str | None
    kind: str  # pays, organisation, personne, lieu
    span: Span
    name: str
    side: list[str] = field(default_factory=list)  # what the title around a name-less mention says


@dataclass
class Draft:
    kind: str
    status: str
    sentence: Span
    trigger: Token
    parties: list[str] = field(default_factory=list)
    people: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_in_force: str | None = None
    nature: str | None = None
    title: str = ""
    confidence: float = 0.5
    anchor: Token | None = None  # the word whose clause holds the event's date, when not the trigger
    also_in: list[Span] = field(default_factory=list)  # other sentences reporting the same event
    group: bool = False  # its sides are the two the story is about ("les deux ministres")
    # The other side is told by its title only, not by name: "son homologue malien"
    sides_told: bool = False
    later_stop: bool = False  # not the first place of a trip told at once: its own day is not given

    @property
    def sentences(self) -> list[Span]:
        return [self.sentence, *self.also_in]


# Reading the sentence


def _mentions(sentence: Span, reading: Reading) -> list[Mention]:
    found = []
    for ent in sentence.ents:
        if ent.ent_id_:
            found.append(Mention(ent.ent_id_, ent.label_.lower(), ent, ent.text))
        elif ent.label_ in ("PER", "MISC") or _after_title(ent) or ent[0].lower_ in HONORIFICS:
            name = _without_title(ent)
            if name is None or not _name_like(name) or (ent.label_ == "MISC" and name is ent):
                continue
            if len(name) >= 2 or _titled(name) or reading.surname(name.text):
                found.append(Mention(None, "personne", name, name.text))
        elif ent.label_ == "ORG" and ent.text[:1].isupper() and len(ent.text) > 2 and not _event_name(ent):
            if _in_title(ent) or ent[0].lower_ in HONORIFICS:
                continue  # "ministre de l'Énergie", "MM. Macron et Lourenço"
            found.append(Mention(None, "organisation", ent, ent.text))
        elif ent.label_ == "LOC" and ent.text[:1].isupper() and len(ent.text) > 2 and not _calendar_word(ent):
            if fold(ent.text) in ("etat", "etats") or (_in_title(ent) and ent[0].lower_ in PORTFOLIO_ENDS):
                continue  # "une visite d'État", "ministre de la Défense Pål Jonson" (a portfolio, then a name)
            found.append(Mention(None, "lieu", ent, ent.text))
    found += [Mention(None, "personne", name, name.text) for name in _honorific_names(sentence)]
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    found += [
        Mention(None, "personne", name, name.text)
        for name in _portfolio_names(sentence)
        if not taken & set(range(name.start, name.end))
    ]
    found += _compound_sides(sentence, reading)
    found += _missed_cities(sentence, found)
    for mention in found:
        if mention.entity_id is None:
            _identify(mention, reading)
    found += _title_holders(sentence, found, reading)
    return sorted(found, key=lambda m: m.span.start)


def _missed_cities(sentence: Span, found: list[Mention]) -> list[Mention]:
    """Capitals and large cities the model did not tag, after "à" or "de": "à l'aéroport de Ouagadougou"."""
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    cities = []
    for token in sentence[1:]:
        if not token.is_title or token.i in taken or token.nbor(-1).lower_ not in ("à", "de", "d'", "d’"):
            continue
        for length in (3, 2, 1):
            span = sentence.doc[token.i : min(token.i + length, sentence.end)]
            if len(span) == length and fold(span.text) in city_countries():
                cities.append(Mention(None, "lieu", span, span.text))
                break
    return cities


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
        inside = _within(found, token.subtree)
        if any(m.kind == "personne" for m in inside):
            continue
        side = _sides(inside, reading)
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


def _gender(mention: Mention) -> str:
    """ "La ministre …, Penny Wong", "Mme Wong": feminine; otherwise masculine, French's default."""
    doc = mention.span.doc
    before = doc[max(mention.span.sent.start, mention.span.start - 8) : mention.span.start]
    feminine = {"la", "mme", "madame", "cheffe", "présidente", "ambassadrice", "chancelière", "reine"}
    return "f" if any(t.lower_ in feminine for t in before) else "m"


def _negated_heads(sentence: Span) -> set[int]:
    """Positions of the words a negation depends on ("n'a pas signé"), found in one pass over the sentence:
    asking each word's head for its children instead is quadratic on a sentence of thousands of words
    hanging on one head (pasted garbage)."""
    return {t.head.i for t in sentence if t.head.i != t.i and t.morph.get("Polarity") == ["Neg"]}


def _hearsay(token: Token) -> bool:
    """ "auraient signé" reports a claim (conditional past); under "démentir" it is a denial. Neither is a
    signature."""
    auxiliaries = [c for c in token.children if c.pos_ == "AUX"]
    conditional_past = token.morph.get("Tense") == ["Past"] and any(a.morph.get("Mood") == ["Cnd"] for a in auxiliaries)
    denied = any(t.lemma_.lower() in DENIAL_VERBS for t in token.sent)
    # "a démenti qu'un accord ait été conclu", "aurait rencontré secrètement": under a denial, a
    # conditional or a subjunctive tells what did not happen.
    reported = ("Cnd", "Sub")
    return conditional_past or (
        denied and any(m in a.morph.get("Mood") for a in [token, *auxiliaries] for m in reported)
    )


OTHER_CLAUSES = frozenset(("advcl", "parataxis", "ccomp", "conj"))


def _where_clause(word: Token) -> bool:
    return word.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in word.children)


def _planned(token: Token) -> bool:
    """Future, conditional, or under "devoir", "prévoir", "une invitation à": announced, not done. Not what
    a clause hanging from it says ("a entamé une visite à Dakar, où il rencontrera…")."""
    # "une visite qui aura lieu en juillet" is planned; "une visite à Dakar, où il rencontrera…" is not.
    children = [c for c in token.children if c.dep_ not in OTHER_CLAUSES and not _where_clause(c)]
    for word in (token, *children, token.head):
        if word.morph.get("Tense") == ["Fut"] or word.morph.get("Mood") == ["Cnd"]:
            return True
        if word.lemma_ in PLANNING_WORDS and word.i != token.i:
            return True
    return False


def _sides(mentions: Iterable[Mention], catalog: Reading) -> list[str]:
    """The countries and organisations named among `mentions`, people left aside."""
    return _countries_of([m for m in mentions if m.kind in ("pays", "organisation")], catalog)


def _within(mentions: Iterable[Mention], tokens: Iterable[Token]) -> list[Mention]:
    indexes = {token.i for token in tokens}
    return [mention for mention in mentions if mention.span.root.i in indexes or mention.span.start in indexes]


def _core_tokens(token: Token) -> list[Token]:
    """The phrase a word heads, without the relative or adverbial clauses hanging from it."""
    keep = [token]
    for child in token.children:
        if child.dep_ not in ("acl:relcl", "advcl", "acl", "punct", "parataxis", "conj", "cc") or (
            child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN")
        ):
            keep.extend(_core_tokens(child))
    return keep


def _role_before(mention: Mention) -> str:
    """The title just before a name: "le ministre japonais des Affaires étrangères Takeshi Iwaya"."""
    doc = mention.span.doc
    start = mention.span.start
    words = []
    for index in range(start - 1, max(mention.span.sent.start, start - 8) - 1, -1):
        token = doc[index]
        if token.is_punct or token.ent_type_ in ("PERSONNE", "PER"):
            break
        words.insert(0, token)
        if token.lower_ in ROLE_WORDS and (index == 0 or doc[index - 1].lower_ not in ROLE_WORDS):
            return " ".join(word.text for word in words).strip()
    return ""


def _countries_of(mentions: Iterable[Mention], catalog: Reading) -> list[str]:
    """Countries and organisations a group of mentions speaks for: themselves, or a person's country (a
    city only says where, not who: "à New York" does not make the United States a party)."""
    found = []
    for mention in mentions:
        entity = catalog.entity(mention.entity_id)
        if mention.kind in ("pays", "organisation"):
            found.append(mention.entity_id)
        elif mention.kind == "personne" and entity is not None and entity.country:
            found.append(f"pays:{entity.country}")
    return list(dict.fromkeys(found))


def _host_country(place: Mention, catalog: Reading) -> list[str]:
    return _country_of_place(place.entity_id, catalog)


def _country_of_place(place: str | None, catalog: Reading) -> list[str]:
    """A country is its own place; a city is in its country, when known."""
    if place is None or kind_of(place) == "pays":
        return [place] if place else []
    entity = catalog.entity(place)
    return [f"pays:{entity.country}"] if entity is not None and entity.country else []


class Reading:
    """The catalog as one article reads it: plus the names met for the first time, and what earlier
    sentences taught: once "le chef de la politique étrangère de l'UE, Josep Borrell" is read, Borrell
    speaks for the EU in the next sentences too, and "les deux pays" are the sides last mentioned."""

    def __init__(self, catalog: Catalog, new_names: dict[str, Entity]) -> None:
        self._catalog = catalog
        self.sides: dict[str, list[str]] = {}
        self.roles: dict[str, str] = {}  # person → the title word the article gave them ("président")
        self.seen: set[str] = set()  # every entity the article has named so far
        self.recent_parties: list[str] = []  # the two sides the story was last about
        self.trip: tuple[str, str] | None = None  # (visitor, host country) of the visit being told
        self.new_names = new_names  # the extractor's own entities, by folded name

    def surname(self, name: str) -> Entity | None:
        """The person of the article or the catalog whose full name ends with `name`: "Barrow", "Mme Wong"."""
        key = fold(name)
        if not key or (" " in key and key in self.new_names):
            return None
        people = [e for e in self.new_names.values() if e.kind == "personne"]
        people += [e for e in self._catalog.entities.values() if e.kind == "personne"]
        # "M. Lula" for Luiz Inácio Lula da Silva: any word of the name but the first.
        return next((e for e in people if key in fold(e.name).split()[1:] or fold(e.name).endswith(" " + key)), None)

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


def _title_phrase(person: Mention) -> list[Token]:
    """The words before a name back to the verb or the previous name: "…a rencontré le Premier ministre
    Hun Manet" gives "le Premier ministre", not the visitor's "australienne" before the verb."""
    doc = person.span.doc
    words = []
    for index in range(person.span.start - 1, max(person.span.sent.start, person.span.start - 8) - 1, -1):
        token = doc[index]
        if token.lower_ in HONORIFICS:
            break  # "M. Dar": a name given without its title
        # A nationality the small model reads as a verb ("togolais") is still a title word.
        if (token.pos_ in ("VERB", "AUX") and not token.ent_id_) or token.ent_type_ in ("PER", "PERSONNE"):
            break
        if token.text in ";:(":
            break
        words.append(token)
    return words


def _of_after(person: Mention) -> list[Token]:
    """ "Abdallah II de Jordanie", "Mohammed ben Salmane d'Arabie saoudite": the country named right after."""
    doc = person.span.doc
    after = doc[person.span.end : min(person.span.sent.end, person.span.end + 4)]
    if not len(after) or after[0].lower_ not in ("de", "d'", "d’", "du", "des"):
        return []
    return list(after[1:])


def _person_side(person: Mention, mentions: list[Mention], catalog: Reading, met: bool = True) -> list[str]:
    """A person's country, else the country or organisation in the title around the name, else what an
    earlier sentence of the article said about them, else, for someone met during a visit, the host's."""
    remembered = catalog.sides
    own = person.side or _countries_of([person], catalog)
    if own:
        return own
    # Compared by start: Span.sent walks the sentence each time, which long texts cannot afford.
    if mentions and person.span.sent.start not in {mentions[0].span.sent.start}:
        return remembered.get(person.entity_id, [])
    # The title an apposed name follows: "le chef de la diplomatie de l'UE, Josep Borrell", not what comes after.
    appos = person.span.root.dep_ == "appos"
    role_tokens = [t for t in person.span.root.head.subtree if t.i < person.span.start] if appos else []
    near = [m for m in mentions if m.kind in ("pays", "organisation")]
    # Mentions come in text order: the title nearest the name is the last one before it ("les présidents
    # argentin Javier Milei, brésilien Lula…").
    title = _title_phrase(person)
    # A title of its own whose country is not known ("son homologue congolais Félix Tshisekedi") does not
    # borrow the country of the phrase it is coordinated with.
    titled = any(t.lower_ in ROLE_WORDS | {"homologue", "homologues"} for t in title)
    side = _countries_of(_within(near, title)[-1:] or ([] if titled else _within(near, role_tokens)[:1]), catalog)
    side = side or _countries_of(_within(near, _of_after(person)), catalog)  # "le roi Abdallah II de Jordanie"
    side = side or remembered.get(person.entity_id) or (catalog.host_for(person.entity_id) if met else [])
    if side:
        remembered[person.entity_id] = side
    return side


# Recognising events

CLAUSE_DEPS = frozenset(("acl:relcl", "advcl", "parataxis", "ccomp", "acl"))
LIGHT_VERBS = frozenset("effectuer faire rendre entamer achever poursuivre commencer mener".split())


def clause_of(token: Token) -> set[int]:
    """The tokens of the clause a word belongs to: its verb's subtree without the other clauses hanging
    from it (relative, adverbial, reported), so "la guerre de la Russie" in a relative clause is not a party."""
    head = _verb_of(token)
    keep: set[int] = set()

    def walk(word: Token) -> None:
        keep.add(word.i)
        for child in word.children:
            inside = child.left_edge.i <= token.i <= child.right_edge.i
            if child.dep_ not in CLAUSE_DEPS or inside:
                walk(child)

    walk(head)
    return keep


def _subject_people(trigger: Token, people: list[Mention]) -> list[Mention]:
    """The people the clause's subject names; "le prédécesseur d'Ishiba, Kishida" is Kishida, not the
    complement introduced by "de"."""
    found = _named_in(_clause_subjects(trigger), people) or _named_in(_governing_subjects(_verb_of(trigger)), people)
    heads = [m for m in found if not any(c.lower_ in ("de", "d'", "d’", "du") for c in m.span.root.children)]
    return heads or found


def _clause_subjects(trigger: Token) -> list[Token]:
    clause = clause_of(trigger)
    return [t for t in trigger.sent if t.i in clause and t.dep_.startswith("nsubj")]


def _infinitive(verb: Token) -> bool:
    """ "doit se rendre", "pour rencontrer", "avant de tenir": a verb that shares its subject and its day
    with the verb it hangs from."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm"))


def _governing_subjects(verb: Token) -> list[Token]:
    """ "M. Macron doit se rendre à Libreville", "s'est rendu à Berlin pour rencontrer…": the subject of the
    verb an infinitive hangs from."""
    return [t for t in verb.head.children if t.dep_.startswith("nsubj")] if _infinitive(verb) else []


def _named_in(subjects: list[Token], people: list[Mention]) -> list[Mention]:
    scope = {t.i for subject in subjects for t in subject.subtree}
    return [m for m in people if m.span.root.i in scope or m.span.start in scope]


def _visit_place(trigger: Token, mentions: list[Mention], catalog: Reading) -> tuple[Mention, Token, str] | None:
    """The place a visit goes to: "à Tokyo", "en Ukraine", "au Pérou", on the noun or on its light verb
    ("effectuer un voyage … en Ukraine"), or what a tour "should include"."""
    places = [m for m in mentions if m.kind in ("lieu", "pays")]
    if any(c.lower_ == "où" for c in trigger.children) and trigger.dep_ == "acl:relcl":
        # "À Hanoï, où elle s'est rendue lundi": the place is the word the clause hangs from.
        antecedent = _within(places, [trigger.head])
        if antecedent:
            case = next((c.lower_ for c in trigger.head.children if c.lower_ in PLACE_CASES), "à")
            return antecedent[0], trigger, case
    anchors = [trigger]
    if trigger.pos_ in NOMINAL and trigger.head.lemma_ in LIGHT_VERBS | {"être"}:
        anchors.append(trigger.head)  # "a effectué une visite à Rabat", "est en visite au Canada"
    elif trigger.pos_ in NOMINAL and {t.lower_ for t in (trigger.head, *trigger.children)} & OCCASION_WORDS:
        anchors.append(_verb_of(trigger))  # "a été reçu à Rabat …, lors d'une visite officielle"
    found: list[tuple[Mention, Token, str]] = []
    for anchor in anchors:
        # A poor parse may hang the place lower ("signé jeudi à Belgrade": under "jeudi"): the whole clause.
        words = anchor.subtree if anchor is trigger else (t for t in anchor.subtree if t.i in clause_of(anchor))
        for child in words:
            case = next((c.lower_ for c in child.children if c.lower_ in PLACE_CASES), None)
            attached = _within(places, child.subtree) if case or child.lemma_ == "inclure" else []
            # The word whose clause dates the trip ("qui devrait inclure … dans les prochains jours").
            found += [(place, child if child.lemma_ == "inclure" else child.head, case or "en") for place in attached]
        if found:
            break
    # "à Santa Cruz de la Sierra, en Bolivie", "à Tromsø, dans le nord de la Norvège": the first place whose
    # country is known, else the first place.
    known = [candidate for candidate in found if _host_country(candidate[0], catalog)]
    return (known or found or [None])[0]


def _drafts(sentence: Span, mentions: list[Mention], catalog: Reading, previous_person: Mention | None):
    people = [m for m in mentions if m.kind == "personne"]
    drafts: list[Draft] = []
    negated = _negated_heads(sentence)
    for token in sentence:
        lemma = _lemma(token)
        if token.i in negated or (token.pos_ == "NOUN" and token.head.i in negated):
            continue
        verbal = _verbal(token)
        if verbal and lemma in SIGNING_VERBS:
            # Without "avoir", the participle's subject is what was signed: "Le traité …, signé mardi".
            passive = ("obj", "nsubj:pass", "nsubj") if not _has_tense_auxiliary(token) else ("obj", "nsubj:pass")
            nouns = [c for c in token.children if c.lemma_.lower() in AGREEMENT_NOUNS and c.dep_ in passive]
            if token.dep_ == "acl":
                # "Le partenariat germano-algérien, signé en décembre 2024", "Le traité d'amitié entre
                # l'Allemagne et la Pologne, signé mardi": the agreement the participle follows.
                named = token.head
                for _ in range(3):
                    if named.lemma_.lower() in AGREEMENT_NOUNS or named.dep_ != "nmod":
                        break
                    named = named.head
                nouns += [named] if named.lemma_.lower() in AGREEMENT_NOUNS else []
            nouns = nouns or _agreement_after(token)
            if nouns and not _hearsay(token):
                status = "prévu" if _planned(token) else SIGNING_VERBS[lemma]
                in_principle = any(t.lower_ == "principe" for t in (*token.children, *nouns[0].subtree))
                if in_principle or "en principe" in sentence.text:  # "un accord de principe"
                    status = "de principe"  # "ont conclu « en principe » un accord"
                drafts.append(_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif token.pos_ == "NOUN" and lemma in SIGNING_NOUNS:
            nouns = [t for t in token.subtree if t.lemma_.lower() in AGREEMENT_NOUNS and t.i > token.i]
            verb = _verb_of(token)
            if nouns and verb.i not in negated and not _hearsay(verb):
                status = "prévu" if _planned(verb) or _planned(token) else SIGNING_NOUNS[lemma]
                drafts.append(_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif verbal and lemma in ("parvenir", "aboutir"):  # "sont parvenus à un accord", "ont abouti à un accord"
            nouns = [t for t in token.subtree if t.lemma_.lower() in AGREEMENT_NOUNS]
            if nouns:
                principle = any(t.lower_ == "principe" for t in nouns[0].subtree)
                status = "de principe" if principle else "conclu"
                drafts.append(_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif verbal and lemma == "convenir":
            obj = next((t for t in token.subtree if t.dep_ == "obj" and t.pos_ == "NOUN" and t.i > token.i), token)
            drafts.append(_agreement(sentence, token, obj, "convenu", mentions, catalog))
        elif token.pos_ in ("NOUN", "ADJ") and lemma in VISIT_NOUNS:
            courtesy = any(t.lower_ == "courtoisie" for t in token.children)
            hosts = [m for m in _within(people, token.subtree) if m.span.start > token.i]
            # "a rendu visite au président mauritanien": a call on someone, not a trip somewhere.
            idiom = token.head.lemma_ == "rendre" and not any(c.dep_ == "det" for c in token.children)
            called_on = idiom and any(_is_person_word(c) for c in token.head.children)
            if called_on:
                drafts.append(_meeting(sentence, token, mentions, catalog, None, previous_person))
                continue
            if courtesy and hosts:
                drafts.append(_meeting(sentence, token, mentions, catalog, "visite de courtoisie", previous_person))
                continue
            found = _visit_place(token, mentions, catalog)
            if found is not None:
                drafts += _visits(sentence, token, found, mentions, catalog, previous_person)
        elif verbal and (
            ((lemma in GOING_VERBS or lemma == "visiter") and _reflexive_or_visit(token))
            or lemma in ARRIVAL_VERBS
            or (lemma == "aller" and not any(c.dep_ == "xcomp" for c in token.children))  # "est allé à Nairobi"
            or (lemma == "prendre" and any(c.lower_ == "part" for c in token.children))
            or (lemma == EXPECTED and ("Pass" in token.morph.get("Voice") or _after_etre(token)))
        ):
            found = _visit_place(token, mentions, catalog)
            if found is not None:
                drafts += _visits(sentence, token, found, mentions, catalog, previous_person)
        elif (
            (token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS)
            or (token.pos_ in ("VERB", "ADJ") and lemma in MEETING_VERBS)
        ) and not _remote(token):
            if token.pos_ != "VERB" and token.dep_.startswith("nsubj") and _lemma(token.head) in MEETING_VERBS:
                continue  # "La réunion a rassemblé …": the verb says who met
            if lemma in RECEPTION_VERBS and ("Pass" in token.morph.get("Voice") or _after_etre(token)):
                # "a été accueilli à Ouagadougou par…": received somewhere, so a visit there too.
                found = _visit_place(token, mentions, catalog)
                if found is not None:
                    drafts += _visits(sentence, token, found, mentions, catalog, previous_person)
            drafts.append(_meeting(sentence, token, mentions, catalog, None, previous_person))
    for draft in list(drafts):
        if draft.kind == "rencontre" and len(draft.parties) < 2:
            _receiving_at_home(draft, mentions, catalog)
            _hosts_met(draft, catalog)
        if draft.kind == "rencontre" and _receives(draft.trigger):
            drafts += _received_visit(draft, mentions, catalog)
    return [draft for draft in drafts if _enough(draft)]


def _receives(trigger: Token) -> bool:
    """ "a reçu", "a accueilli" (not "a été reçu")."""
    passive = "Pass" in trigger.morph.get("Voice") or _after_etre(trigger)
    return _lemma(trigger) in RECEPTION_VERBS and trigger.pos_ == "VERB" and not passive


def _received_visit(meeting: Draft, mentions: list[Mention], catalog: Reading) -> list[Draft]:
    """ "M. Bourita a accueilli mardi à Rabat son homologue espagnol": the guest came, so a visit too."""
    trigger = meeting.trigger
    found = _visit_place(trigger, mentions, catalog)
    host = _host_country(found[0], catalog) if found else []
    guests = [p for p in meeting.parties if p not in host]
    if not host or len(guests) != 1:
        return []
    hosts = {m.entity_id for m in _subject_people(trigger, [m for m in mentions if m.kind == "personne"])}
    visitors = [p for p in meeting.people if p.entity not in hosts][:1]
    status = "prévue" if meeting.status == "prévue" else "effectuée"
    visit = Draft("visite", status, meeting.sentence, trigger, parties=guests + host, place=found[0].entity_id,
                  confidence=CONFIDENCE["visite"], anchor=found[1])  # fmt: skip
    visit.people = [Participant(p.entity, p.role, "visiteur") for p in visitors]
    guest = f"de {catalog.name(visitors[0].entity)} " if visitors else ""
    visit.title = f"Visite {guest}à {catalog.name(found[0].entity_id)}"
    return [visit]


def _receiving_at_home(draft: Draft, mentions: list[Mention], catalog: Reading) -> None:
    """ "Le sultan Haïtham ben Tariq a reçu à Mascate le roi de Jordanie": who receives somewhere, with no
    country of their own given, receives at home."""
    trigger = draft.trigger
    if not _receives(trigger):
        return
    clause = clause_of(trigger)
    places = [m for m in mentions if m.kind == "lieu" and m.span.root.i in clause and _placed(m)]
    home = _host_country(places[0], catalog) if places else []
    for host in _subject_people(trigger, [m for m in mentions if m.kind == "personne"]):
        if home and not catalog.sides.get(host.entity_id) and not _countries_of([host], catalog):
            catalog.sides[host.entity_id] = home
            draft.parties += [p for p in home if p not in draft.parties]


def _hosts_met(draft: Draft, catalog: Reading) -> None:
    """ "a été reçu à Rabat par le roi Mohammed VI, lors d'une visite": the visit, read after the meeting
    in the same sentence, tells whose side the host is on."""
    for person in draft.people:
        if not catalog.sides.get(person.entity):
            host = catalog.host_for(person.entity)
            if host:
                catalog.sides[person.entity] = host
            draft.parties += [p for p in host if p not in draft.parties]


def _agreement_after(verb: Token) -> list[Token]:
    """The agreement a signing verb governs when the parse lost the link ("a signé avec son homologue un
    protocole", "ont conclu « en principe » un accord"): the first agreement noun before another verb."""
    for word in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 16)]:
        # A weekday the small model reads as a verb ("ont signé jeudi un accord") does not end the search.
        another_verb = word.pos_ in ("VERB", "AUX") and word.lower_ not in CALENDAR_WORDS
        if another_verb or (word.is_punct and word.text in ".;:"):
            return []
        if word.lemma_.lower() in AGREEMENT_NOUNS and word.pos_ in ("NOUN", "PROPN"):
            return [word]
    return []


def _has_tense_auxiliary(verb: Token) -> bool:
    return any(c.dep_ == "aux:tense" for c in verb.children)


def _is_person_word(token: Token) -> bool:
    """ "au président mauritanien", "à son homologue", "à Mohammed VI": a person, not a place."""
    return token.lower_ in ROLE_WORDS | {"homologue"} or token.ent_type_ in ("PER", "PERSONNE")


def _after_etre(token: Token) -> bool:
    """ "est attendu", which the small model may read as an adjective after a copula."""
    return any(c.lemma_ == "être" and c.dep_ in ("cop", "aux:pass") for c in token.children)


def _verbal(token: Token) -> bool:
    """A verb, or a participle the small model reads as an adjective ("ont paraphé")."""
    return token.pos_ == "VERB" or (token.pos_ == "ADJ" and any(c.dep_.startswith("aux") for c in token.children))


def _remote(trigger: Token) -> bool:
    """ "s'est entretenu par téléphone avec", "un entretien téléphonique", "une réunion en visioconférence"."""
    words = [*trigger.children, *_verb_of(trigger).children]
    return any(REMOTE.search(word.text) or any(REMOTE.search(c.text) for c in word.children) for word in words)


def _enough(draft: Draft) -> bool:
    """An event needs its sides: two parties for an agreement or a meeting, a visitor and a place for a visit."""
    if draft.kind == "visite":
        return bool(draft.people or draft.parties) and draft.place is not None and len(draft.parties) >= 2
    if draft.kind == "rencontre":
        # Two people of unknown sides met, but the store could not say who met whom.
        return len(draft.parties) >= 2 and (
            len(draft.people) >= 2 or draft.group or draft.sides_told or draft.status == "prévue"
        )
    return len(draft.parties) >= 2


def _lemma(token: Token) -> str:
    """The lemma, mended where the small model reads a participle as an adjective ("se sont entretenues")."""
    if token.pos_ == "ADJ" and token.lower_.startswith("entretenu"):
        return "entretenir"
    if token.lower_ in VISIT_NOUNS | MEETING_NOUNS:
        return token.lower_  # "escale" read as an adjective "escal", "tête-à-tête" as "tête à tête"
    return token.lemma_.lower()


def _reflexive_or_visit(token: Token) -> bool:  # "se rendre", "se déplacer", "visiter"
    return token.lemma_ == "visiter" or any(c.lower_ in ("se", "s'", "s’") for c in token.children)


def _agreement(sentence, trigger, noun, status, mentions, catalog) -> Draft:
    """Parties: the subject ("Le Japon et l'Ukraine ont signé"), the names on the agreement ("partenariat
    Japon-UE"), and who signed "avec" whom; their people's countries too."""
    verb = trigger
    clause = clause_of(trigger)
    scope: set[int] = set()
    for child in verb.children:
        with_whom = child.dep_.startswith("obl") and any(c.lower_ in ("avec", "entre") for c in child.children)
        if child.dep_.startswith("nsubj") or with_whom or child is noun or child.dep_ == "obj":
            scope |= {t.i for t in child.subtree if t.i in clause}
    local = [m for m in mentions if m.span.root.i in scope or m.span.start in scope]
    # "les deux pays étaient parvenus à un accord": the sides are named in the main clause.
    for wider in ([m for m in mentions if m.span.start in clause], mentions):
        if len(_countries_of(local, catalog)) >= 2:
            break
        local = wider
    parties = _sides(local, catalog)
    # "Bogota et Caracas ont conclu…": cities as the subject speak for their countries.
    for city in (m for m in local if m.kind == "lieu" and _subject_word(m.span.root)):
        parties += [p for p in _host_country(city, catalog) if p not in parties]
    people = []
    for person in [m for m in local if m.kind == "personne"]:
        parties += [p for p in _person_side(person, mentions, catalog) if p not in parties]
        part = "signataire" if status in ("signé", "conclu") else "participant"
        people.append(Participant(person.entity_id, _role_before(person), part))
    recent = catalog.recent_parties
    if len(parties) < 2 and _anaphoric_subject(trigger) and len(recent) >= 2:
        parties = list(recent)  # "les deux pays sont parvenus à un accord", "ils sont convenus de…"
    title = _title(noun, parties, catalog) if noun is not trigger else ""
    return Draft("accord", status, sentence, trigger, parties, people, title=title, confidence=CONFIDENCE["accord"])


def _subject_word(word: Token) -> bool:
    """The subject, or one of the subjects joined by "et"."""
    return word.dep_.startswith("nsubj") or (word.dep_ == "conj" and word.head.dep_.startswith("nsubj"))


def _anaphoric_subject(verb: Token, plural: bool = False) -> bool:
    """A subject that only points back: "ils", "les deux pays", "les deux chefs d'État"."""
    for child in verb.children:
        if child.dep_.startswith("nsubj"):
            if child.pos_ == "PRON" and (not plural or "Plur" in child.morph.get("Number")):
                return True
            # "les deux chefs d'État", "les ministres de l'Intérieur des deux pays"
            if any(
                word.lemma_.lower() in ANAPHORIC_HEADS and any(c.lower_ == "deux" for c in word.children)
                for word in child.subtree
            ):
                return True
    return False


def _verb_of(token: Token) -> Token:
    """The verb whose clause a word belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT" and token.head.i != token.i:
        token = token.head
    return token


def _setting(sentence: Span, mentions: list[Mention], reading: Reading) -> str | None:
    """The country of a place that opens the sentence: "À Hanoï, …", "Dans la capitale cambodgienne, …"."""
    root = sentence.root
    for mention in mentions:
        if mention.span.start >= root.i or mention.kind not in ("lieu", "pays"):
            continue
        head = mention.span.root if mention.kind == "lieu" else mention.span.root.head
        if any(c.lower_ in PLACE_CASES for c in head.children):
            host = _host_country(mention, reading)
            return host[0] if host else None
    return None


def _joint_subject_sides(verb: Token, mentions: list[Mention], catalog: Reading) -> list[str]:
    """Every side a plural subject of titles names: "le président fidjien et le Premier ministre australien"."""
    sides: list[str] = []
    for subject in (c for c in verb.children if c.dep_.startswith("nsubj") and c.lemma_ in ROLE_WORDS):
        inside = _within(mentions, subject.subtree)
        if any(m.kind == "personne" for m in inside):
            return []  # named people speak for themselves
        sides += [p for p in _sides(inside, catalog) if p not in sides]
    return sides


def _subject_sides(verb: Token, mentions: list[Mention], catalog: Reading) -> list[str]:
    """The countries a subject's title names: "Le président paraguayen effectuera une visite…", "Le président
    français va se rendre…" (the subject of the verb an infinitive hangs from)."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")] or _governing_subjects(verb)
    for subject in (c for c in subjects if c.lower_ in ROLE_WORDS):
        side = _sides(_within(mentions, subject.subtree), catalog)
        if side:
            return side
    return []


def _visits(sentence, trigger, found: tuple[Mention, Token, str], mentions, catalog, previous_person) -> list[Draft]:
    """One visit per place of a trip told at once: "une tournée qui le mènera au Burkina Faso, au Mali et au
    Niger", "se rendra en Inde et en Indonésie"."""
    place, anchor, preposition = found
    roots, places = {place.span.root.i}, [place]
    for mention in mentions:
        head = mention.span.root
        if mention.kind in ("lieu", "pays") and head.dep_ == "conj" and head.head.i in roots:
            roots.add(head.i)
            places.append(mention)
    drafts = [
        _visit(sentence, trigger, (stop, anchor, preposition), mentions, catalog, previous_person) for stop in places
    ]
    for later in drafts[1:]:
        later.later_stop = True
    return drafts


def _latter(trigger: Token, people: list[Mention]) -> list[Mention]:
    """ "la visite de ce dernier": the last person named before it."""
    latter = any(
        c.lower_ in ("dernier", "dernière") and any(d.lower_ in ("ce", "cette") for d in c.children)
        for c in trigger.children
    )
    before = [m for m in people if m.span.end <= trigger.i]
    return before[-1:] if latter else []


def _visit(sentence, trigger, found: tuple[Mention, Token, str], mentions, catalog, previous_person) -> Draft:
    place, anchor, preposition = found
    people = [m for m in mentions if m.kind == "personne"]
    governing = trigger.head if trigger.pos_ in NOMINAL else trigger
    titled = _subject_sides(governing, mentions, catalog)
    # "où il a été reçu à Banjul par son homologue Adama Barrow": the host is not the visitor.
    hosts = {t.i for c in governing.children if c.dep_ == "obl:agent" for t in c.subtree}
    guests = [m for m in people if m.span.start not in hosts]
    visitors = (
        _latter(trigger, people)
        or _subject_people(governing, people)
        or (
            []
            if titled
            else (_pronoun_referent(trigger, people, previous_person) if _pronoun_subject(governing) else [])
            or [m for m in _within(guests, trigger.subtree) if m.span.start > trigger.i]
            or [m for m in guests if m.span.root.head.lemma_ in VISIT_NOUNS or m.span.root.dep_ == "nmod"]
            or guests
            or ([previous_person] if previous_person else [])
        )
    )
    expected = trigger.lemma_ == EXPECTED or _planned(governing) or _planned(trigger)
    draft = Draft("visite", "prévue" if expected else "effectuée", sentence,
                  trigger, place=place.entity_id, confidence=CONFIDENCE["visite"], anchor=anchor)  # fmt: skip
    if visitors:
        visitor = visitors[0]
        draft.people.append(Participant(visitor.entity_id, _role_before(visitor), "visiteur"))
        draft.parties += _person_side(visitor, mentions, catalog, met=False)
    draft.parties += [p for p in titled if p not in draft.parties and not draft.people]
    host = _host_country(place, catalog)
    seat_of = organisation_seats().get(fold(place.name))
    if seat_of in catalog.seen:
        host = [seat_of]  # "à Bruxelles" in a story about the EU: a visit to the Union, not to Belgium
    if visitors and not draft.parties and host:
        # "La France et la Serbie ont signé à Belgrade …, lors de la visite du président Emmanuel Macron":
        # the one other side the sentence names is the visitor's.
        # Not what an event's name holds ("pour le sommet de l'APEC").
        events = {t.i for m in mentions for t in m.span.root.ancestors if t.lemma_.lower() in MEETING_NOUNS}
        named = [m for m in mentions if not events & {t.i for t in m.span.root.ancestors}]
        others = [p for p in _sides(named, catalog) if p not in host]
        if len(others) == 1:
            draft.parties = list(others)
            catalog.sides.setdefault(visitors[0].entity_id, others)
    draft.parties += [p for p in host if p not in draft.parties]
    if draft.people and len(draft.parties) >= 2 and host[0] not in catalog.sides.get(draft.people[0].entity, []):
        catalog.trip = (draft.people[0].entity, host[0])
    words = {t.lemma_.lower() for t in trigger.subtree} | {t.lemma_.lower() for t in trigger.children}
    if words & SURPRISE:
        draft.nature = "inopinée"
    elif trigger.lemma_ == "tournée":
        draft.nature = "tournée"
    visitor = catalog.name(draft.people[0].entity) if draft.people else ""
    of = "d'" if visitor[:1].lower() in "aeiouéèê" else "de "
    draft.title = f"Visite {of}{visitor} {preposition} {catalog.name(place.entity_id)}"
    return draft


def _meeting(sentence, trigger, mentions, catalog, nature, previous_person) -> Draft:
    """Participants: those who meet ("X a rencontré Y", "lors de leurs entretiens, X et Y…", "sa rencontre
    avec Y"), not everyone the sentence names."""
    people = [m for m in mentions if m.kind == "personne"]
    clause = clause_of(trigger)
    named_event = trigger.text[:1].isupper() and trigger.i > trigger.sent.start
    verb = _verb_of(trigger)
    pronoun = _pronoun_subject(trigger)
    possessive = {c.lower_ for c in trigger.children} & {"sa", "son", "leur", "leurs"}
    linked = (
        []
        if named_event
        else _subject_people(trigger, people)
        + [m for m in people if m.span.start in {t.i for t in trigger.subtree} and m.span.start > trigger.i]
    )
    if possessive & {"leur", "leurs"} and len(linked) < 2:
        linked += people  # "lors de leur rencontre": the people the sentence is about
    elif possessive and not linked:
        linked += _subject_people(trigger.sent.root, people) or ([previous_person] if previous_person else [])
    if pronoun:
        linked[:0] = _pronoun_referent(trigger, people, previous_person)
    if not linked and not named_event:
        linked = [m for m in people if m.span.start in clause]
    # A named event is often announced in a clause of its own: "… que le Japon accueillera à l'automne".
    hosting = [t for t in trigger.sent if t.lemma_ in HOSTING_VERBS and t.i > trigger.i] if named_event else []
    planned = _planned(trigger) or any(_planned(verb) for verb in hosting)
    places = [m for m in _within(mentions, trigger.subtree) if m.kind == "lieu"]
    draft = Draft("rencontre", "prévue" if planned else "tenue", sentence, trigger, nature=nature,
                  place=places[0].entity_id if places else None, confidence=CONFIDENCE["rencontre"])  # fmt: skip
    for person in dict.fromkeys(m.entity_id for m in linked):
        mention = next(m for m in linked if m.entity_id == person)
        draft.people.append(Participant(person, _role_before(mention), "participant"))
        draft.parties += [p for p in _person_side(mention, mentions, catalog) if p not in draft.parties]
    recent = catalog.recent_parties
    if len(draft.people) < 2 and len(recent) >= 2 and _anaphoric_subject(_verb_of(trigger), plural=True):
        # "Les deux ministres se sont entretenues", "au terme d'un entretien, les deux chefs d'État…"
        draft.parties = list(recent)
        draft.group = True
        for side in recent:
            holder = catalog.holder([side])
            if holder is not None and holder.id not in {p.entity for p in draft.people}:
                draft.people.append(Participant(holder.id, "", "participant"))
    joint = _joint_subject_sides(_verb_of(trigger), mentions, catalog)
    if _lemma(trigger) in GATHERING_VERBS and not draft.people:
        # "un sommet qui a réuni les chefs d'État du Kenya, de l'Ouganda et de la Tanzanie"
        gathered = [c for c in trigger.children if c.dep_ == "obj" and c.lemma_ in ROLE_WORDS]
        joint = joint or _sides([m for c in gathered for m in _within(mentions, c.subtree)], catalog)
    if len(draft.people) < 2 and not draft.group and len(joint) >= 2:
        # "Le président fidjien et le Premier ministre australien ont tenu…", "Les présidents du Guatemala
        # et du Mexique se sont rencontrés": the sides the subject's titles name.
        draft.parties += [p for p in joint if p not in draft.parties]
        draft.sides_told = True
    if len(draft.people) < 2 and not draft.group:
        # "…coprésidera avec son homologue philippin la réunion", "a reçu le président malien": the other
        # side, named by its title only; the subject may be too ("Le président sud-coréen a été reçu par…").
        verb = _verb_of(trigger)
        subject_side = [] if draft.people else _subject_sides(verb, mentions, catalog)
        if not draft.people and not subject_side and pronoun:
            # "Le président mauritanien … à Dakar, où il rencontrera le président sénégalais"
            main_verb = _main_verb(verb)
            subject_side = _subject_sides(main_verb, mentions, catalog) if main_verb is not None else []
        for counterpart in _counterparts(trigger, verb):
            # The name may hang elsewhere in a poor parse: "par le chef du gouvernement, Muhammad Yunus".
            titled = [m for m in people if counterpart.i in {t.i for t in _title_phrase(m)}]
            known = {p.entity for p in draft.people}
            named = [m for m in _within(people, counterpart.subtree) + titled if m.entity_id not in known]
            for person in named[:1]:
                draft.people.append(Participant(person.entity_id, _role_before(person), "participant"))
                draft.parties += [p for p in _person_side(person, mentions, catalog) if p not in draft.parties]
            side = [p for p in _sides(_within(mentions, counterpart.subtree), catalog) if p not in draft.parties]
            if side and (draft.people or subject_side):
                draft.parties += [p for p in subject_side if p not in draft.parties] + side
                draft.sides_told = True
    if not draft.people and not draft.group:
        # An event with no one named ("la Conférence … que le Japon accueillera"): its hosts and subject.
        scope = {t.i for t in _core_tokens(trigger)}
        named = [m for m in mentions if m.span.start in scope or m.span.root.head.i == trigger.i]
        draft.parties += _sides(named, catalog)
        hosts = [m for m in mentions if m.kind == "pays" and m.span.root.head in hosting]
        draft.parties += [m.entity_id for m in hosts if m.entity_id not in draft.parties]
        draft.place = hosts[0].entity_id if hosts else draft.place
        draft.anchor = hosting[0] if hosting else None
    names = [catalog.name(p.entity) for p in draft.people]
    if trigger.text[:1].isupper() and trigger.i > trigger.sent.start:
        phrase = [t for t in _core_tokens(trigger) if t.i >= trigger.i and t.dep_ != "det" and t.i < trigger.i + 10]
        draft.title = " ".join(t.text for t in sorted(phrase, key=lambda t: t.i))
    elif nature:
        draft.title = f"Visite de courtoisie de {names[0]} à {names[-1]}" if len(names) > 1 else "Visite de courtoisie"
    else:
        draft.title = "Rencontre " + " – ".join(names) if names else "Rencontre"
    return draft


def _pronoun_subject(trigger: Token) -> bool:
    """ "il a rencontré", "où il doit s'entretenir", "elle a été reçue"."""
    subjects = _clause_subjects(trigger) or _governing_subjects(_verb_of(trigger))
    return any(t.pos_ == "PRON" for t in subjects)


def _pronoun_referent(trigger: Token, people: list[Mention], previous_person: Mention | None) -> list[Mention]:
    """ "…à Libreville, où il rencontrera…": the subject of the clause it hangs from, else the person the
    story is about ("Il a rencontré …")."""
    main_verb = _main_verb(_verb_of(trigger))
    main = _subject_people(main_verb, people) if main_verb is not None else []
    return (main or [previous_person])[:1] if main or previous_person is not None else []


def _main_verb(verb: Token) -> Token | None:
    """The verb of the clause a relative, coordinated or adverbial clause hangs from."""
    clause_verb = verb.head if verb.dep_ == "xcomp" else verb  # "où il doit s'entretenir"
    return _verb_of(clause_verb.head) if clause_verb.dep_ in ("acl:relcl", "conj", "advcl") else None


COUNTERPARTS = frozenset(("homologue", "homologues"))


def _counterparts(trigger: Token, verb: Token) -> list[Token]:
    """Whom the subject meets: "avec son homologue", the object of "a reçu", the agent of "a été reçu par";
    for a verb only, as "Le président a rencontré" names no one when it is a noun ("une rencontre")."""
    found = []
    for child in dict.fromkeys((*trigger.children, *verb.children)):
        with_whom = any(w.lower_ == "avec" for w in child.children)
        titled = child.lower_ in ROLE_WORDS | COUNTERPARTS
        if with_whom or (trigger.pos_ in ("VERB", "ADJ") and child.dep_ in ("obj", "obl:agent") and titled):
            found.append(child)
    if not found and trigger.pos_ in ("VERB", "ADJ"):
        # A poor parse may hang "ses homologues suédois et finlandais" elsewhere in the clause.
        clause = clause_of(trigger)
        found = [t for t in trigger.sent if t.i > trigger.i and t.i in clause and t.lower_ in COUNTERPARTS]
    return found


def _title(noun: Token, parties: list[str], catalog: Reading) -> str:
    kept = [t.i for t in _core_tokens(noun) if noun.i <= t.i < noun.i + 12]
    end = max(kept) + 1
    # The noun's phrase up to a comma, without a dangling "du", "pour la", "en" where twelve words cut it.
    comma = next((t.i for t in noun.doc[noun.i : end] if t.text == ","), end)
    end = comma
    while end - 1 > noun.i and (noun.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT")):
        end -= 1
    phrase = noun.doc[noun.i : end].text.replace(" - ", "-").replace("« ", "").replace(" »", "").strip()
    phrase = phrase[:1].upper() + phrase[1:]
    if any(fold(catalog.name(p)) in fold(phrase) for p in parties):
        return phrase
    return f"{phrase} {' – '.join(catalog.name(p) for p in parties)}".strip()


# Putting it together


# "d'ici l'été", "jusqu'en 2027", "avant la fin de l'année": a deadline or a span, not the event's day.
DEADLINE = re.compile(r"(?:\bd['’]ici|\bjusqu['’](?:à|au|en)?|\bavant)\s*(?:le|la|l['’]|les)?\s*$", re.I)
ENDING_VERBS = frozenset("achever terminer clore boucler conclure".split())


def _ended(draft: Draft) -> bool:
    """ "a achevé lundi une visite au Kenya" (but "achèvera vendredi sa tournée à Buenos Aires" is the day of
    that last stop)."""
    ending = draft.kind == "visite" and _lemma(draft.trigger.head) in ENDING_VERBS
    return ending and _lemma(draft.trigger) != "tournée"


def _date_for(draft: Draft, mentions: list[DateMention], doc: Doc, sentence: Span) -> str | None:
    """The date in the event's own clause; else a date that opens the sentence ("En septembre, …"), unless
    the event sits in a relative clause or happened before ("après s'être rendu…")."""
    resolved = [m for m in mentions if m.value and not DEADLINE.search(sentence.text[: m.start])]
    if not resolved:
        return None
    if _ended(draft):
        return None  # "a achevé lundi une visite": the day it ended; the day it began is told elsewhere
    if draft.later_stop and any(m.value and len(m.value) == 10 for m in resolved):
        return None  # "a entamé mardi une tournée au Kazakhstan, en Ouzbékistan…": Tuesday is the first stop
    clause = clause_of(draft.anchor or draft.trigger)
    verb = _verb_of(draft.anchor or draft.trigger)
    # "a annoncé mercredi que les deux pays étaient convenus de…": what is reported is dated by the report.
    # "a été reçu dimanche par Yunus, avant de tenir des pourparlers…": an infinitive shares its main verb's day.
    infinitive = _infinitive(verb)
    # "La dernière visite remontait à novembre 2012, lorsque X s'était rendue à Dacca": the "when" clause's day.
    when = verb.dep_ == "advcl" and any(c.lower_ in ("lorsque", "lorsqu'", "lorsqu’", "quand") for c in verb.children)
    reporting = clause_of(verb.head) if verb.dep_ == "ccomp" or infinitive or when else set()
    # "après la visite de ce dernier à Tokyo fin août": a noun's own date comes before its clause's.
    own = _own_phrase(draft.trigger) if draft.trigger.pos_ in NOMINAL else set()
    for scope in (own, clause, reporting):
        for mention in resolved:
            span = doc.char_span(sentence.start_char + mention.start, sentence.start_char + mention.end,
                                 alignment_mode="expand")  # fmt: skip
            if span is None or not any(t.i in scope for t in span) or _dates_another(span, draft):
                continue
            # "sa première visite depuis son entrée en fonctions en mars": since when, not when.
            since = any(c.lower_ == "depuis" and c.dep_ == "case" for t in span.root.ancestors for c in t.children)
            if not since:
                return mention.value
    earlier = any(t.lower_ in ("après", "avant") for t in draft.trigger.head.subtree if t.i < draft.trigger.i)
    if earlier and draft.kind == "visite":
        # Before a dated event, in the same trip: the month is known, the day is not.
        return resolved[0].value[:7] if len(resolved[0].value) >= 7 else resolved[0].value
    if mentions[0].start <= 3 and draft.trigger.dep_ != "acl:relcl":
        return resolved[0].value
    return None


def _own_phrase(noun: Token) -> set[int]:
    """The words of an event noun's phrase, without the other events told inside it ("un sommet avec Lee,
    quelques semaines après la visite de ce dernier à Tokyo fin août")."""
    events = VISIT_NOUNS | MEETING_NOUNS | AGREEMENT_NOUNS
    own, stack = set(), [noun]
    while stack:  # one walk, stopping at the events told inside
        word = stack.pop()
        own.add(word.i)
        stack.extend(child for child in word.children if child.lemma_.lower() not in events)
    return own


# Past participles as they end, for the ones the small model tags as nouns ("élu en avril").
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "élu", "élue", "élus", "élues")


def _dates_another(span: Span, draft: Draft) -> bool:
    """ "le président gabonais, élu en avril", "arrivé dimanche à Luanda, il a eu lundi un entretien": a
    date right after another participle than the event's own belongs to that participle."""
    verb = _verb_of(draft.anchor or draft.trigger)
    # The event's own words, and the verb whose day it shares ("reçu dimanche…, avant de tenir…").
    own = {draft.trigger.i, (draft.anchor or draft.trigger).i, verb.i, verb.head.i}
    for word in span.doc[max(span.sent.start, span.start - 2) : span.start]:
        participle = "Part" in word.morph.get("VerbForm") or word.lower_.endswith(PARTICIPLE_ENDINGS)
        if participle and word.pos_ in ("VERB", "ADJ", "NOUN") and word.i not in own:
            return True
    return False


def _in_force(sentence: Span, mentions: list[DateMention]) -> str | None:
    if any(t.lemma_ == "vigueur" for t in sentence):
        return next((m.value for m in mentions if m.value), None)
    return None


def _same_place(one: str | None, other: str | None, catalog: Reading) -> bool:
    """Places that do not clash: the same, one unknown, or a city and its country ("à Hanoï", "au Vietnam")."""
    if one == other or None in (one, other):
        return True
    countries = _country_of_place(one, catalog)
    return bool(countries) and countries == _country_of_place(other, catalog)


def _merge(drafts: list[Draft], catalog: Reading) -> list[Draft]:
    """One event reported twice (the headline, then the story; the signing, then the ceremony) becomes one
    fact with both sentences. Same kind, status, parties and people; dates and places that do not clash."""
    merged: list[Draft] = []
    for draft in drafts:
        people = {p.entity for p in draft.people}
        twin = next(
            (
                other
                for other in merged
                if other.kind == draft.kind
                and (other.status == draft.status or {other.status, draft.status} == DONE_AGREEMENT)
                and set(other.parties) == set(draft.parties)
                and (draft.kind == "accord" or people <= {p.entity for p in other.people}
                     or {p.entity for p in other.people} <= people)
                and (other.date == draft.date or None in (other.date, draft.date))
                and (_same_place(other.place, draft.place, catalog) or draft.kind == "accord")
            ),
            None,
        )  # fmt: skip
        if twin is None:
            merged.append(draft)
            continue
        twin.date = twin.date or draft.date
        twin.place = twin.place or draft.place
        twin.nature = twin.nature or draft.nature
        twin.date_in_force = twin.date_in_force or draft.date_in_force
        twin.title = twin.title if len(twin.title) >= len(draft.title) else draft.title
        known = {p.entity for p in twin.people}
        twin.people += [p for p in draft.people if p.entity not in known]
        twin.confidence = min(0.95, max(twin.confidence, draft.confidence) + 0.1)
        twin.also_in += draft.sentences
    return merged


@dataclass
class Timeline:
    """The days an article gives beyond each event's own clause: the lead's, and the day of each stop of a
    trip ("arrivé jeudi à Asunción", "une tournée qu'il a entamée lundi à Lima")."""

    lead: tuple[int, str] | None = None  # (sentence start, day)
    stops: dict[str, str] = field(default_factory=dict)  # host country → the day the story was there

    def next_to_lead(self, sentence: Span) -> str | None:
        """ "La veille (du sommet)", "le lendemain": the day before or after the one the lead gives."""
        return next_to(sentence.text, self.lead[1]) if self.lead is not None else None

    def read(self, sentence: Span, mentions: list[Mention], dates: list[DateMention], reading: Reading) -> None:
        places = [m for m in mentions if m.kind in ("lieu", "pays") and _placed(m)]
        for mention in (m for m in dates if m.value and len(m.value) == 10):
            span = sentence.doc.char_span(sentence.start_char + mention.start, sentence.start_char + mention.end,
                                          alignment_mode="expand")  # fmt: skip
            if span is None:
                continue
            # "entamée lundi à Lima": a weekday the small model reads as a participle belongs to its head.
            clause = clause_of(span.root.head if span.root.pos_ == "VERB" else span.root)
            # Of places named together ("au Kazakhstan, en Ouzbékistan…"), the day is the first one's.
            for place in (p for p in places if p.span.root.i in clause and p.span.root.dep_ != "conj"):
                for country in _host_country(place, reading):
                    self.stops.setdefault(country, mention.value)


def _placed(mention: Mention) -> bool:
    """A place where something happens ("à Lima", "en Bolivie"), not a nationality or a party."""
    return any(c.lower_ in PLACE_CASES for c in mention.span.root.children)


def _inherit_dates(drafts: list[Draft], timeline: Timeline) -> None:
    """An undated past event takes the day of the trip's stop it happened at, else the date of the nearest
    dated event sharing one of its people: the article tells one person's day in several sentences
    ("a également convenu avec…")."""
    lead = timeline.lead
    for draft in drafts:
        if draft.date or draft.status in ("prévu", "prévue") or _background(draft.anchor or draft.trigger):
            continue
        if _ended(draft):
            continue  # its start is not told, and any day this article lends would be another
        stops = {timeline.stops[p] for p in draft.parties if p in timeline.stops}
        if len(stops) == 1:
            draft.date = stops.pop()
            continue
        if draft.later_stop:
            continue  # only the day the article gives for that stop, found above, would be its own
        mine = {p.entity for p in draft.people}
        # Only a day anchors the story of a day: a month ("au Pérou, en novembre") is too loose to lend.
        candidates = [
            other
            for other in drafts
            if other.date and len(other.date) == 10 and mine & {p.entity for p in other.people}
        ]
        # Else the last dated event between the same sides before it: "les deux chefs d'État ont signé…"
        candidates = candidates or [
            other
            for other in drafts
            if other.date and set(other.parties) == set(draft.parties) and other.sentence.start < draft.sentence.start
        ]
        # Else the day the story is about: news tells its day once, in the lead, then goes on in the past
        # tense without repeating it. Background ("avait conclu") is another day and stays undated.
        candidates = candidates or [
            other
            for other in drafts
            if other.date and len(other.date) == 10 and other.sentence.start < draft.sentence.start
        ]  # fmt: skip
        if candidates:
            nearest = min(candidates, key=lambda other: abs(other.sentence.start - draft.sentence.start))
            draft.date = nearest.date
        elif lead is not None and lead[0] < draft.sentence.start:  # its own sentence's date was not its own
            draft.date = lead[1]  # the day the lead gives, when no event of that day was recognised


def _background(word: Token) -> bool:
    """A pluperfect ("avait signé", "s'était rendu") tells what came before the story's day."""
    verb = _verb_of(word)
    if verb.dep_ == "ccomp":
        return False  # "a annoncé que les deux pays étaient convenus…": the tense follows the report's
    return any(c.pos_ == "AUX" and c.morph.get("Tense") == ["Imp"] for c in verb.children)


def _source(article: Article, sentence: Span) -> Source:
    text = sentence.text.strip()
    start = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
    return Source(article=article.name, quote=text, url=article.url, published=article.published,
                  start=start, end=start + len(text))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Extraction:
    facts: tuple[Fact, ...]
    new_entities: tuple[Entity, ...]
    words: int


def extract(article: Article, catalog: Catalog) -> Extraction:
    """Every accord, visite and rencontre the article states, as proposed facts (id 0, not stored)."""
    new_names: dict[str, Entity] = {}
    reading = Reading(catalog, new_names)
    doc: Doc = parse(catalog.entities.values(), article.text)
    drafts: list[Draft] = []
    previous_person: Mention | None = None
    recent_subjects: list[tuple[Mention, str]] = []
    timeline = Timeline()
    for number, sentence in enumerate(doc.sents):
        if not re.search(r"\w{3}", sentence.text):
            continue
        mentions = _mentions(sentence, reading)
        pronoun = next((t.lower_ for t in sentence if t.dep_.startswith("nsubj") and t.pos_ == "PRON"), None)
        if pronoun in ("elle", "elles", "il", "ils") and recent_subjects:
            wanted_gender = "f" if pronoun.startswith("elle") else "m"
            same = [m for m, gender in recent_subjects if gender == wanted_gender]
            previous_person = same[-1] if same else previous_person
        reading.seen.update(m.entity_id for m in mentions if m.entity_id)
        reading.arrive(_setting(sentence, mentions, reading))
        for person in (m for m in mentions if m.kind == "personne"):
            # Learnt wherever a title is given ("ses homologues ivoirien Alassane Ouattara, togolais …"),
            # for the sentences that name them alone ("M. Ouattara a eu un entretien avec…").
            _person_side(person, mentions, reading, met=False)
            role = next((w for w in _role_before(person).lower().split() if w in ROLE_WORDS), None)
            if role and person.entity_id:
                reading.roles.setdefault(person.entity_id, role)
        sentence_drafts = _drafts(sentence, mentions, reading, previous_person)
        people = [m for m in mentions if m.kind == "personne"]
        subjects = [m for m in people if m.span.root.dep_.startswith("nsubj")]
        # Who the next sentence's "le plus haut diplomate" or "il" most likely is: this one's subject.
        previous_person = (subjects or people or [previous_person])[0]
        recent_subjects += [(m, _gender(m)) for m in subjects or people[:1]]
        sides = [d.parties for d in sentence_drafts if len(d.parties) >= 2] or [_sides(mentions, reading)]
        if len(sides[0]) >= 2:
            reading.recent_parties = sides[0][:2]
        date_mentions = find_dates(sentence.text, article.published, past=True)
        if timeline.lead is None and number < 2 and not _planned(sentence.root):
            day = next((m.value for m in date_mentions if m.value and len(m.value) == 10), None)
            timeline.lead = (sentence.start, day) if day else None
        if not _planned(sentence.root):
            timeline.read(sentence, mentions, date_mentions, reading)
        future_mentions = find_dates(sentence.text, article.published, past=False) if sentence_drafts else []
        in_force = _in_force(sentence, date_mentions)
        if in_force and not sentence_drafts:
            accords = [d for d in drafts if d.kind == "accord"]
            if accords:
                accords[-1].date_in_force = in_force
                accords[-1].also_in.append(sentence)
            continue
        for draft in sentence_drafts:
            planned = draft.status in ("prévu", "prévue")
            draft.date = _date_for(draft, future_mentions if planned else date_mentions, doc, sentence)
            # "est attendu le 3 mars à Bissau, où il doit s'entretenir avec…": held during that visit.
            visit = next(
                (d for d in sentence_drafts if d.kind == "visite" and d.date and d.trigger.i < draft.trigger.i), None
            )
            if draft.date is None and visit is not None and draft.kind != "visite":
                draft.date = visit.date
            draft.date = draft.date or timeline.next_to_lead(sentence)
            draft.confidence += 0.15 if draft.date else 0
            drafts.append(draft)
    # Merged first: an undated mention of an event ("a achevé une visite") joins its dated telling
    # before it could borrow another day.
    merged = _merge(drafts, reading)
    _inherit_dates(merged, timeline)
    facts = []
    for draft in merged:
        sources = tuple(dict.fromkeys(_source(article, s) for s in draft.sentences))
        confidence = round(min(0.95, draft.confidence + (0.1 if len(draft.parties) >= 2 else 0)), 2)
        facts.append(
            Fact(
                id=0,
                kind=draft.kind,
                title=draft.title or f"{draft.kind.capitalize()} {' – '.join(reading.name(p) for p in draft.parties)}",
                status=draft.status,
                parties=tuple(dict.fromkeys(draft.parties)),
                people=tuple(draft.people),
                place=draft.place,
                date=draft.date,
                date_in_force=draft.date_in_force,
                nature=draft.nature,
                sources=sources,
                review="proposé",
                confidence=confidence,
            )
        )
    used = {entity_id for fact in facts for entity_id in fact.entity_ids()}
    return Extraction(tuple(facts), tuple(e for e in new_names.values() if e.id in used), len(article.text.split()))


def extract_article(article: Article, catalog: Catalog | None = None) -> list[Fact]:
    from facts.store import FactStore, shipped_store_path

    catalog = catalog or Catalog.from_store(FactStore(shipped_store_path()))
    return list(extract(article, catalog).facts)
