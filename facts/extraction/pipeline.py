"""From a French news article to proposed facts.

Sentence by sentence: triggers are found by lemma (signer un accord, effectuer une visite, se rendre à,
rencontrer, s'entretenir…), their arguments are read from the dependency parse and the names the entity
ruler recognised, tense and negation come from morphology so that planned or denied events are not stated
as done, and dates are resolved from the publication date. Nothing here knows the seed articles: the rules
are about French news language, the names come from the alias table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from facts.articles import Article
from facts.catalog import Catalog
from facts.extraction.draft import Draft
from facts.extraction.events import sentence_events
from facts.extraction.grammar import background, is_planned
from facts.extraction.names import Mention, Reading, country_of_place, gender_of, read_mentions, sides_of
from facts.extraction.sides import person_side, role_before, setting
from facts.extraction.timeline import (
    Timeline,
    date_for,
    date_of_event_referred,
    in_force_date,
    inherit_dates,
)
from facts.extraction.vocabulary import ROLE_WORDS
from facts.model import Entity, Fact, Participant, Source
from facts.nlp import parse
from facts.when import find_dates

STAY_DAYS = 3  # a state visit's usual length: a later day of it is still the same visit
# "une cérémonie de conclusion de l'accord" after "ont signé un accord": one agreement, told twice.
DONE_AGREEMENT = frozenset(("signé", "conclu"))


def _same_place(one: str | None, other: str | None, catalog: Reading) -> bool:
    """Places that do not clash: the same, one unknown, or a city and its country ("à Hanoï", "au Vietnam")."""
    if one == other or None in (one, other):
        return True
    countries = country_of_place(one, catalog)
    return bool(countries) and countries == country_of_place(other, catalog)


def _earlier_date_for_story(one: Draft, other: Draft) -> bool:
    """An undated event of the story and a dated one told before it ("ont signé un accord", then "avaient
    paraphé le texte en décembre") are two acts: the story's own would take a date from its past."""
    if (one.date is None) == (other.date is None):
        return False
    dated, undated = (one, other) if one.date else (other, one)
    return background(dated.trigger) and not background(undated.trigger)


def _next_stop(trip: tuple[str, str], drafts: list[Draft]) -> list[Draft]:
    """ "Mercredi, à Vientiane, elle s'est entretenue avec…": the traveller met someone at the trip's next
    stop, so was there."""
    visitor, host = trip
    if any(d.kind == "visite" for d in drafts):
        return []
    for meeting in (d for d in drafts if d.kind == "rencontre" and visitor in {p.entity for p in d.people}):
        sides = [p for p in meeting.parties if p != host]
        status = "prévue" if meeting.status == "prévue" else "effectuée"
        people = [Participant(visitor, "", "visiteur")]
        return [Draft("visite", status, meeting.sentence, meeting.trigger, [*sides[:1], host], people, place=host)]
    return []


def _same_stay(one: Draft, other: Draft) -> bool:
    """ "a entamé lundi une visite en Tanzanie", then "Reçu mardi à Dodoma…": one stay of a few days, told
    from its first day on."""
    if one.kind != "visite" or other.kind != "visite" or len(one.date or "") != 10 or len(other.date or "") != 10:
        return False
    first, then = date.fromisoformat(one.date), date.fromisoformat(other.date)
    return 0 < (then - first).days <= STAY_DAYS and one.sentence.start < other.sentence.start


def _two_agreements(one: Draft, other: Draft) -> bool:
    """ "ont signé un accord sur le commerce", then "ont aussi signé un accord sur la pêche": in sentences of
    their own, one told as another agreement, or both as ones not met before (the headline's agreement,
    retold by the lead with "un" again, is the same); in one sentence, the items of a list ("dont un accord
    sur le rail et un protocole sur le raisin")."""
    if one.title == other.title:
        return False
    if one.sentence.start == other.sentence.start:
        return one.added and other.added
    return one.added or other.added or (one.introduced and other.introduced)


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
                and (other.date == draft.date or None in (other.date, draft.date) or _same_stay(other, draft))
                and not _earlier_date_for_story(other, draft)
                and not _two_agreements(other, draft)
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
    reading = Reading(catalog, new_names, article.published)
    doc: Doc = parse(catalog.entities.values(), article.text)
    drafts: list[Draft] = []
    previous_person: Mention | None = None
    recent_subjects: list[tuple[Mention, str]] = []
    timeline = Timeline()
    for number, sentence in enumerate(doc.sents):
        if not re.search(r"\w{3}", sentence.text):
            continue
        mentions = read_mentions(sentence, reading)
        pronoun = next((t.lower_ for t in sentence if t.dep_.startswith("nsubj") and t.pos_ == "PRON"), None)
        if pronoun in ("elle", "elles", "il", "ils") and recent_subjects:
            wanted_gender = "f" if pronoun.startswith("elle") else "m"
            same = [m for m, gender in recent_subjects if gender == wanted_gender]
            previous_person = same[-1] if same else previous_person
        reading.seen.update(m.entity_id for m in mentions if m.entity_id)
        trip_before = reading.trip
        reading.arrive(setting(sentence, mentions, reading))
        for person in (m for m in mentions if m.kind == "personne"):
            # Learnt wherever a title is given ("ses homologues ivoirien Alassane Ouattara, togolais …"),
            # for the sentences that name them alone ("M. Ouattara a eu un entretien avec…").
            person_side(person, mentions, reading, met=False)
            role = next((w for w in role_before(person).lower().split() if w in ROLE_WORDS), None)
            if role and person.entity_id:
                reading.roles.setdefault(person.entity_id, role)
        sentence_drafts = sentence_events(sentence, mentions, reading, previous_person)
        if trip_before is not None and reading.trip != trip_before:
            sentence_drafts += _next_stop(reading.trip, sentence_drafts)
        people = [m for m in mentions if m.kind == "personne"]
        subjects = [m for m in people if m.span.root.dep_.startswith("nsubj")]
        # Who the next sentence's "le plus haut diplomate" or "il" most likely is: this one's subject.
        previous_person = (subjects or people or [previous_person])[0]
        recent_subjects += [(m, gender_of(m)) for m in subjects or people[:1]]
        organisations = [m.entity_id for m in mentions if m.kind == "organisation" and m.entity_id]
        reading.last_organisation = organisations[-1] if organisations else reading.last_organisation
        sides = [d.parties for d in sentence_drafts if len(d.parties) >= 2] or [sides_of(mentions, reading)]
        if len(sides[0]) >= 2:
            reading.recent_parties = sides[0][:2]
            reading.groups[len(sides[0])] = list(sides[0])
        date_mentions = find_dates(sentence.text, article.published, past=True)
        if timeline.lead is None and number < 2 and not is_planned(sentence.root):
            day = next((m.value for m in date_mentions if m.value and len(m.value) == 10), None)
            timeline.lead = (sentence.start, day) if day else None
        if not is_planned(sentence.root):
            timeline.read(sentence, mentions, date_mentions, reading)
        future_mentions = find_dates(sentence.text, article.published, past=False) if sentence_drafts else []
        in_force = in_force_date(sentence, date_mentions)
        if in_force and not sentence_drafts:
            accords = [d for d in drafts if d.kind == "accord"]
            if accords:
                accords[-1].date_in_force = in_force
                accords[-1].also_in.append(sentence)
            continue
        for draft in sentence_drafts:
            planned = draft.status in ("prévu", "prévue")
            draft.date = date_for(draft, future_mentions if planned else date_mentions, doc, sentence)
            # "est attendu le 3 mars à Bissau, où il doit s'entretenir avec…": held during that visit.
            visit = next(
                (d for d in sentence_drafts if d.kind == "visite" and d.date and d.trigger.i < draft.trigger.i), None
            )
            if draft.date is None and visit is not None and draft.kind != "visite":
                draft.date = visit.date
            timeline.locate_there(draft)
            draft.date = draft.date or date_of_event_referred(draft, drafts) or timeline.then(draft)
            draft.date = draft.date or timeline.next_to_story_day(sentence)
            draft.date = draft.date or timeline.same_day(draft, sentence_drafts)
            draft.confidence += 0.15 if draft.date else 0
            drafts.append(draft)
        if any(m.kind in ("lieu", "pays") for m in mentions):
            future_mentions = future_mentions or find_dates(sentence.text, article.published, past=False)
            timeline.remember_place(mentions, date_mentions, future_mentions)
        if not is_planned(sentence.root):
            timeline.tell([m.value for m in date_mentions] + [timeline.next_to_story_day(sentence)])
    # Merged first: an undated mention of an event ("a achevé une visite") joins its dated telling
    # before it could borrow another day.
    merged = _merge(drafts, reading)
    inherit_dates(merged, timeline)
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
