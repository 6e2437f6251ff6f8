"""Events recognised by their trigger words: agreements signed, visits made, meetings held."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from facts.extraction.agreements import (
    agreed_on,
    agreement_after,
    company_deal,
    green_light,
    items_listed,
    legislature_vote,
    read_agreement,
    what_was_signed,
)
from facts.extraction.draft import CONFIDENCE, Draft
from facts.extraction.grammar import (
    anaphoric_subject,
    background,
    clause_of,
    core_tokens,
    hearsay,
    is_person_word,
    is_planned,
    is_verbal,
    main_verb_of,
    negated_heads,
    passive,
    reflexive_or_visit,
    subject_word,
    trigger_lemma,
    verb_of,
    word_before,
)
from facts.extraction.names import Mention, Reading, countries_of, host_country, placed, sides_of, within
from facts.extraction.sides import (
    counterparts,
    joint_subject_sides,
    latter_person,
    person_side,
    pronoun_referent,
    pronoun_subject,
    role_before,
    subject_people,
    subject_sides,
    title_phrase,
)
from facts.extraction.vocabulary import (
    AGREEMENT_NOUNS,
    MEETING_NOUNS,
    NOMINAL,
    PLACE_CASES,
    ROLE_WORDS,
    VISIT_NOUNS,
)
from facts.model import Participant
from facts.normalize import fold
from facts.places import organisation_seats

SIGNING_VERBS = {"signer": "signé", "parapher": "signé", "ratifier": "signé", "sceller": "conclu",
                 "officialiser": "conclu",
                 "renouveler": "signé", "entériner": "signé", "conclure": "conclu", "finaliser": "conclu",
                 "nouer": "conclu", "adopter": "conclu", "trouver": "conclu",
                 "approuver": "conclu"}  # fmt: skip
# "la signature d'un accord", "lors de la conclusion du traité": the act named by a noun.
SIGNING_NOUNS = {"signature": "signé", "paraphe": "signé", "ratification": "signé", "conclusion": "conclu",
                 "adoption": "conclu"}  # fmt: skip
GATHERING_VERBS = frozenset(("réunir", "rassembler"))
# A call is not a meeting: "s'est entretenu par téléphone", "un entretien téléphonique", "en visioconférence".
REMOTE = re.compile(r"t[ée]l[ée]phon|visio|vid[ée]o|\bappel\b", re.IGNORECASE)
MEETING_VERBS = frozenset(
    "rencontrer entretenir recevoir réunir rassembler accueillir retrouver discuter échanger coprésider déjeuner "
    "dîner".split()
)
HOSTING_VERBS = frozenset("accueillir organiser tenir héberger".split())
OCCASION_WORDS = frozenset("lors occasion cours pendant durant pour".split())
SURPRISE = frozenset("inopiné inopinée surprise impromptu impromptue".split())
# Being somewhere: "est arrivé à", "a atterri à", "a participé à Nairobi au sommet" (a trip to a summit is a
# visit to its host, as news counts it).
ARRIVAL_VERBS = frozenset("arriver séjourner atterrir participer".split())
# Reflexive moves: "s'est rendu", "s'est déplacé", "se trouvait à Téhéran".
GOING_VERBS = frozenset("rendre déplacer trouver".split())
RECEPTION_VERBS = frozenset("recevoir accueillir".split())
EXPECTED = "attendre"  # "est attendu à Bissau": a visit announced
TOUR_EDGES = frozenset("entamer commencer débuter achever terminer".split())
LIGHT_VERBS = frozenset("effectuer faire rendre entamer achever poursuivre commencer mener".split())


def _visit_place(trigger: Token, mentions: list[Mention], catalog: Reading) -> tuple[Mention, Token, str] | None:
    """The place a visit goes to: "à Tokyo", "en Ukraine", "au Pérou", on the noun or on its light verb
    ("effectuer un voyage … en Ukraine"), or what a tour "should include"."""
    # Not where an agreement's works are ("un accord sur la ligne ferroviaire entre Karachi et Peshawar").
    places = [m for m in mentions if m.kind in ("lieu", "pays") and not _about_an_agreement(m.span.root)]
    where = next((c for c in trigger.children if c.lower_ == "où"), None)
    if where is not None and trigger.dep_ == "acl:relcl":
        # "À Hanoï, où elle s'est rendue lundi": the place is the word the clause hangs from, or the one right
        # before "où" when the model hangs the clause on the verb ("quitter Nairobi pour Kampala, où il est attendu").
        antecedent = within(places, [trigger.head]) or within(places, [word_before(where)])
        if antecedent:
            case = next((c.lower_ for c in trigger.head.children if c.lower_ in PLACE_CASES), "à")
            return antecedent[0], trigger, case
    anchors = [trigger]
    if trigger.pos_ in NOMINAL and trigger.head.lemma_ in LIGHT_VERBS | {"être"}:
        anchors.append(trigger.head)  # "a effectué une visite à Rabat", "est en visite au Canada"
    elif trigger.pos_ in NOMINAL and {t.lower_ for t in (trigger.head, *trigger.children)} & OCCASION_WORDS:
        anchors.append(verb_of(trigger))  # "a été reçu à Rabat …, lors d'une visite officielle"
    found: list[tuple[Mention, Token, str]] = []
    for anchor in anchors:
        # A poor parse may hang the place lower ("signé jeudi à Belgrade": under "jeudi"): the whole clause.
        words = anchor.subtree if anchor is trigger else (t for t in anchor.subtree if t.i in clause_of(anchor))
        # "a entamé lundi par le Qatar une tournée": where a tour begins or ends.
        cases = PLACE_CASES | {"par"} if anchor.lemma_ in TOUR_EDGES else PLACE_CASES
        for child in words:
            case = next((c.lower_ for c in child.children if c.lower_ in cases), None)
            attached = within(places, child.subtree) if case or child.lemma_ == "inclure" else []
            # The word whose clause dates the trip ("qui devrait inclure … dans les prochains jours").
            found += [(place, child if child.lemma_ == "inclure" else child.head, case or "en") for place in attached]
        # "a achevé à Tachkent une tournée en Asie centrale": a region no country owns does not stop the search.
        if any(host_country(candidate[0], catalog) for candidate in found):
            break
    # "à Santa Cruz de la Sierra, en Bolivie", "à Tromsø, dans le nord de la Norvège": the first place whose
    # country is known, else the first place.
    known = [candidate for candidate in found if host_country(candidate[0], catalog)]
    # "Au Gabon voisin, le président … est attendu à Paris": where one goes is told after the verb.
    known.sort(key=lambda candidate: candidate[0].span.start < trigger.i)
    return (known or found or [None])[0]


def _about_an_agreement(word: Token) -> bool:
    for ancestor in word.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in VISIT_NOUNS or lemma in MEETING_NOUNS:
            return False  # "l'accord signé lors de sa visite à Astana": the visit's place
        if lemma in AGREEMENT_NOUNS:
            return True
    return False


def sentence_events(sentence: Span, mentions: list[Mention], catalog: Reading, previous_person: Mention | None):
    people = [m for m in mentions if m.kind == "personne"]
    drafts: list[Draft] = []
    negated = negated_heads(sentence)
    for token in sentence:
        lemma = trigger_lemma(token)
        if token.i in negated or (token.pos_ == "NOUN" and token.head.i in negated):
            continue
        verbal = is_verbal(token)
        if verbal and lemma in SIGNING_VERBS:
            nouns = what_was_signed(token)
            nouns = nouns or agreement_after(token, mentions)
            signed = nouns and not hearsay(token) and not legislature_vote(token)
            if signed and not company_deal(token, nouns[0], mentions):
                status = "prévu" if is_planned(token) else SIGNING_VERBS[lemma]
                in_principle = any(t.lower_ == "principe" for t in (*token.children, *nouns[0].subtree))
                if in_principle or "en principe" in sentence.text:  # "un accord de principe"
                    status = "de principe"  # "ont conclu « en principe » un accord"
                drafts.append(read_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif token.pos_ == "NOUN" and lemma in SIGNING_NOUNS:
            nouns = [t for t in token.subtree if t.lemma_.lower() in AGREEMENT_NOUNS and t.i > token.i]
            verb = verb_of(token)
            if nouns and verb.i not in negated and not hearsay(verb) and not company_deal(token, nouns[0], mentions):
                status = "prévu" if is_planned(verb) or is_planned(token) else SIGNING_NOUNS[lemma]
                drafts.append(read_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif verbal and lemma == "donner" and (green := green_light(token)) is not None:
            if not legislature_vote(token):  # "ont donné leur feu vert à un programme conjoint"
                drafts.append(read_agreement(sentence, token, green, "convenu", mentions, catalog))
        elif verbal and lemma == "mettre" and (agreed := agreed_on(token)) is not None:  # "se sont mis d'accord sur"
            drafts.append(read_agreement(sentence, token, agreed, "conclu", mentions, catalog))
        elif verbal and lemma in ("parvenir", "aboutir"):  # "sont parvenus à un accord", "ont abouti à un accord"
            nouns = [t for t in token.subtree if t.lemma_.lower() in AGREEMENT_NOUNS]
            if nouns:
                principle = any(t.lower_ == "principe" for t in nouns[0].subtree)
                status = "de principe" if principle else "conclu"
                drafts.append(read_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif verbal and lemma == "convenir":
            obj = next((t for t in token.subtree if t.dep_ == "obj" and t.pos_ == "NOUN" and t.i > token.i), token)
            drafts.append(read_agreement(sentence, token, obj, "convenu", mentions, catalog))
        elif token.pos_ in ("NOUN", "ADJ") and lemma in VISIT_NOUNS:
            courtesy = any(t.lower_ == "courtoisie" for t in token.children)
            hosts = [m for m in within(people, token.subtree) if m.span.start > token.i]
            # "a rendu visite au président mauritanien": a call on someone, not a trip somewhere.
            idiom = token.head.lemma_ == "rendre" and not any(c.dep_ == "det" for c in token.children)
            called_on = idiom and any(is_person_word(c) for c in token.head.children)
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
            ((lemma in GOING_VERBS or lemma == "visiter") and reflexive_or_visit(token))
            or lemma in ARRIVAL_VERBS
            or (lemma == "aller" and not any(c.dep_ == "xcomp" for c in token.children))  # "est allé à Nairobi"
            or (lemma == "prendre" and any(c.lower_ == "part" for c in token.children))
            or (lemma == EXPECTED and passive(token))
        ):
            found = _visit_place(token, mentions, catalog)
            if found is not None:
                drafts += _visits(sentence, token, found, mentions, catalog, previous_person)
        elif (
            (token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS)
            or (token.pos_ in ("VERB", "ADJ") and lemma in MEETING_VERBS)
        ) and not _remote(token):
            if token.pos_ != "VERB" and token.dep_.startswith("nsubj") and trigger_lemma(token.head) in MEETING_VERBS:
                continue  # "La réunion a rassemblé …": the verb says who met
            if lemma in RECEPTION_VERBS and passive(token):
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
    _sides_of_the_occasion(drafts)
    return _one_visit_per_place([draft for draft in items_listed(drafts, sentence, catalog) if _enough(draft)])


def _sides_of_the_occasion(drafts: list[Draft]) -> None:
    """ "est attendu à Paris pour une visite officielle, au cours de laquelle doit être signé un accord": an
    agreement with no sides of its own is between those of the visit or meeting its sentence tells before it,
    rather than the sides the story was last about."""
    for draft in (d for d in drafts if d.kind == "accord" and d.sides_borrowed):
        occasions = [d for d in drafts if d.kind != "accord" and len(d.parties) >= 2 and d.trigger.i < draft.trigger.i]
        if occasions:
            draft.parties = list(occasions[-1].parties)


def _one_visit_per_place(drafts: list[Draft]) -> list[Draft]:
    """ "avait fait escale à Tbilissi, où il a été reçu par…": one visit there, told twice in a sentence."""
    kept: list[Draft] = []
    for draft in drafts:
        same = (
            d for d in kept
            if draft.kind == d.kind == "visite" and d.place == draft.place and set(d.parties) == set(draft.parties)
        )  # fmt: skip
        if next(same, None) is None:
            kept.append(draft)
    return kept


def _receives(trigger: Token) -> bool:
    """ "a reçu", "a accueilli" (not "a été reçu")."""
    return trigger_lemma(trigger) in RECEPTION_VERBS and trigger.pos_ == "VERB" and not passive(trigger)


def _received_visit(meeting: Draft, mentions: list[Mention], catalog: Reading) -> list[Draft]:
    """ "M. Bourita a accueilli mardi à Rabat son homologue espagnol": the guest came, so a visit too."""
    trigger = meeting.trigger
    found = _visit_place(trigger, mentions, catalog)
    host = host_country(found[0], catalog) if found else []
    guests = [p for p in meeting.parties if p not in host]
    if not host or len(guests) != 1:
        return []
    hosts = {m.entity_id for m in subject_people(trigger, [m for m in mentions if m.kind == "personne"])}
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
    places = [m for m in mentions if m.kind == "lieu" and m.span.root.i in clause and placed(m)]
    home = host_country(places[0], catalog) if places else []
    for host in subject_people(trigger, [m for m in mentions if m.kind == "personne"]):
        if home and not catalog.sides.get(host.entity_id) and not countries_of([host], catalog):
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


def _remote(trigger: Token) -> bool:
    """ "s'est entretenu par téléphone avec", "un entretien téléphonique", "une réunion en visioconférence"."""
    words = [*trigger.children, *verb_of(trigger).children]
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


def _visit(sentence, trigger, found: tuple[Mention, Token, str], mentions, catalog, previous_person) -> Draft:
    place, anchor, preposition = found
    people = [m for m in mentions if m.kind == "personne"]
    governing = trigger.head if trigger.pos_ in NOMINAL else trigger
    if trigger.pos_ in NOMINAL and governing.pos_ == "ADV" and governing.lower_ == "lors":
        governing = governing.head  # "Lors de sa visite à Tokyo, le président philippin a signé…": his visit
    titled = subject_sides(governing, mentions, catalog)
    # "où il a été reçu à Banjul par son homologue Adama Barrow": the host is not the visitor.
    hosts = {t.i for c in governing.children if c.dep_ == "obl:agent" for t in c.subtree}
    guests = [m for m in people if m.span.start not in hosts]
    visitors = (
        latter_person(trigger, people)
        or subject_people(governing, people)
        or (
            []
            if titled
            else (pronoun_referent(trigger, people, previous_person) if pronoun_subject(governing) else [])
            or [m for m in within(guests, trigger.subtree) if m.span.start > trigger.i]
            or [m for m in guests if m.span.root.head.lemma_ in VISIT_NOUNS or m.span.root.dep_ == "nmod"]
            or guests
            or ([previous_person] if previous_person else [])
        )
    )
    expected = trigger.lemma_ == EXPECTED or is_planned(governing) or is_planned(trigger)
    draft = Draft("visite", "prévue" if expected else "effectuée", sentence,
                  trigger, place=place.entity_id, confidence=CONFIDENCE["visite"], anchor=anchor)  # fmt: skip
    if visitors:
        visitor = visitors[0]
        draft.people.append(Participant(visitor.entity_id, role_before(visitor), "visiteur"))
        draft.parties += person_side(visitor, mentions, catalog, met=False)
    draft.parties += [p for p in titled if p not in draft.parties and not draft.people]
    host = host_country(place, catalog)
    if not host:
        # "a été accueilli à la State House par M. Ruto": a place the catalog does not know is in the country of
        # whoever received the visitor there.
        receivers = [m for m in people if m.span.start in hosts or _after_par(m)]
        host = next((side[:1] for r in receivers if (side := person_side(r, mentions, catalog, met=False))), [])
    seat_of = organisation_seats().get(fold(place.name))
    if seat_of in catalog.seen:
        host = [seat_of]  # "à Bruxelles" in a story about the EU: a visit to the Union, not to Belgium
    if visitors and not draft.parties and host:
        # "La France et la Serbie ont signé à Belgrade …, lors de la visite du président Emmanuel Macron":
        # the one other side the sentence names is the visitor's.
        # Not what an event's name holds ("pour le sommet de l'APEC").
        events = {t.i for m in mentions for t in m.span.root.ancestors if t.lemma_.lower() in MEETING_NOUNS}
        named = [m for m in mentions if not events & {t.i for t in m.span.root.ancestors}]
        others = [p for p in sides_of(named, catalog) if p not in host]
        if len(others) == 1:
            draft.parties = list(others)
            catalog.sides.setdefault(visitors[0].entity_id, others)
    draft.parties += [p for p in host if p not in draft.parties]
    visitor_home = catalog.sides.get(draft.people[0].entity, []) if draft.people else []
    # A visit told as background ("avait effectué une visite en 2023") is not the trip the story follows.
    if draft.people and len(draft.parties) >= 2 and host[0] not in visitor_home and not background(trigger):
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


WITH_WHOM = frozenset(("qui", "lequel", "laquelle", "lesquels", "lesquelles"))


def _met_with_whom(trigger: Token, mentions: list[Mention], catalog: Reading) -> list[str]:
    """ "…du nouveau président péruvien, avec qui il s'est entretenu mercredi": the side of the one the
    relative pronoun stands for, the phrase right before "avec"."""
    relative = next(
        (w for w in trigger.subtree if w.lower_ in WITH_WHOM and w.i > 0 and w.nbor(-1).lower_ == "avec"), None
    )
    if relative is None:
        return []
    phrase = word_before(relative.nbor(-1))
    while phrase.head.i < phrase.i and phrase.head.pos_ in ("NOUN", "PROPN", "ADJ") and phrase.head.i != phrase.i:
        phrase = phrase.head
    return sides_of(within(mentions, phrase.subtree), catalog)


def _after_par(person: Mention) -> bool:
    """ "par M. Ruto", "par le président Ruto", however the model hangs it."""
    words = list(person.span.doc[max(person.span.sent.start, person.span.start - 3) : person.span.start])
    return any(t.lower_ == "par" for t in words) and all(t.lower_ not in (",", "et") for t in words)


def _meeting(sentence, trigger, mentions, catalog, nature, previous_person) -> Draft:
    """Participants: those who meet ("X a rencontré Y", "lors de leurs entretiens, X et Y…", "sa rencontre
    avec Y"), not everyone the sentence names."""
    people = [m for m in mentions if m.kind == "personne"]
    clause = clause_of(trigger)
    named_event = trigger.text[:1].isupper() and trigger.i > trigger.sent.start
    verb = verb_of(trigger)
    pronoun = pronoun_subject(trigger)
    possessive = {c.lower_ for c in trigger.children} & {"sa", "son", "leur", "leurs"}
    linked = (
        []
        if named_event
        else subject_people(trigger, people)
        + [m for m in people if m.span.start in {t.i for t in trigger.subtree} and m.span.start > trigger.i]
    )
    if possessive & {"leur", "leurs"} and len(linked) < 2:
        linked += people  # "lors de leur rencontre": the people the sentence is about
    elif possessive and not linked:
        linked += subject_people(trigger.sent.root, people) or ([previous_person] if previous_person else [])
    if pronoun:
        linked[:0] = pronoun_referent(trigger, people, previous_person)
    if not linked and not named_event:
        linked = [m for m in people if m.span.start in clause]
    # A named event is often announced in a clause of its own: "… que le Japon accueillera à l'automne".
    hosting = [t for t in trigger.sent if t.lemma_ in HOSTING_VERBS and t.i > trigger.i] if named_event else []
    planned = is_planned(trigger) or any(is_planned(verb) for verb in hosting)
    places = [m for m in within(mentions, trigger.subtree) if m.kind == "lieu"]
    draft = Draft("rencontre", "prévue" if planned else "tenue", sentence, trigger, nature=nature,
                  place=places[0].entity_id if places else None, confidence=CONFIDENCE["rencontre"])  # fmt: skip
    for person in dict.fromkeys(m.entity_id for m in linked):
        mention = next(m for m in linked if m.entity_id == person)
        draft.people.append(Participant(person, role_before(mention), "participant"))
        draft.parties += [p for p in person_side(mention, mentions, catalog) if p not in draft.parties]
    recent = catalog.recent_parties
    if len(draft.people) < 2 and len(recent) >= 2 and anaphoric_subject(verb_of(trigger), plural=True):
        # "Les deux ministres se sont entretenues", "au terme d'un entretien, les deux chefs d'État…"; "Ils
        # avaient tenu leur premier sommet trilatéral": the three sides just told.
        trilateral = any(w.lower_.startswith(("trilatéra", "tripartite")) for w in trigger.subtree)
        recent = catalog.groups.get(3, recent) if trilateral else recent
        draft.parties = list(recent)
        draft.group = True
        for side in recent:
            holder = catalog.holder([side])
            if holder is not None and holder.id not in {p.entity for p in draft.people}:
                draft.people.append(Participant(holder.id, "", "participant"))
    joint = joint_subject_sides(verb_of(trigger), mentions, catalog)
    if trigger_lemma(trigger) in GATHERING_VERBS and not draft.people:
        # "un sommet qui a réuni les chefs d'État du Kenya, de l'Ouganda et de la Tanzanie"
        gathered = [c for c in trigger.children if c.dep_ == "obj" and c.lemma_ in ROLE_WORDS]
        joint = joint or sides_of([m for c in gathered for m in within(mentions, c.subtree)], catalog)
    if len(draft.people) < 2 and not draft.group and len(joint) >= 2:
        # "Le président fidjien et le Premier ministre australien ont tenu…", "Les présidents du Guatemala
        # et du Mexique se sont rencontrés": the sides the subject's titles name.
        draft.parties += [p for p in joint if p not in draft.parties]
        draft.sides_told = True
    if len(draft.people) < 2 and not draft.group:
        # "…coprésidera avec son homologue philippin la réunion", "a reçu le président malien": the other
        # side, named by its title only; the subject may be too ("Le président sud-coréen a été reçu par…").
        verb = verb_of(trigger)
        subject_side = [] if draft.people else subject_sides(verb, mentions, catalog)
        if draft.people and not any(subject_word(m.span.root) for m in linked):
            # "la cheffe de la diplomatie australienne a rencontré le Premier ministre Hun Manet"
            titled = [p for p in subject_sides(verb, mentions, catalog) if p not in draft.parties]
            draft.parties += titled
            draft.sides_told = draft.sides_told or bool(titled)
        if not draft.people and not subject_side and pronoun:
            # "Le président mauritanien … à Dakar, où il rencontrera le président sénégalais"
            main_verb = main_verb_of(verb)
            subject_side = subject_sides(main_verb, mentions, catalog) if main_verb is not None else []
        for counterpart in counterparts(trigger, verb):
            # The name may hang elsewhere in a poor parse: "par le chef du gouvernement, Muhammad Yunus".
            titled = [m for m in people if counterpart.i in {t.i for t in title_phrase(m)}]
            known = {p.entity for p in draft.people}
            named = [m for m in within(people, counterpart.subtree) + titled if m.entity_id not in known]
            for person in named[:1]:
                draft.people.append(Participant(person.entity_id, role_before(person), "participant"))
                draft.parties += [p for p in person_side(person, mentions, catalog) if p not in draft.parties]
            side = [p for p in sides_of(within(mentions, counterpart.subtree), catalog) if p not in draft.parties]
            if side and (draft.people or subject_side):
                draft.parties += [p for p in subject_side if p not in draft.parties] + side
                draft.sides_told = True
    if not draft.people and not draft.group:
        # An event with no one named ("la Conférence … que le Japon accueillera"): its hosts and subject.
        scope = {t.i for t in core_tokens(trigger)}
        named = [m for m in mentions if m.span.start in scope or m.span.root.head.i == trigger.i]
        draft.parties += sides_of(named, catalog)
        hosts = [m for m in mentions if m.kind == "pays" and m.span.root.head in hosting]
        draft.parties += [m.entity_id for m in hosts if m.entity_id not in draft.parties]
        draft.place = hosts[0].entity_id if hosts else draft.place
        draft.anchor = hosting[0] if hosting else None
    if len(draft.parties) < 2 and (with_whom := _met_with_whom(trigger, mentions, catalog)):
        draft.parties += [p for p in with_whom if p not in draft.parties]
        draft.sides_told = True
    names = [catalog.name(p.entity) for p in draft.people]
    if trigger.text[:1].isupper() and trigger.i > trigger.sent.start:
        phrase = [t for t in core_tokens(trigger) if t.i >= trigger.i and t.dep_ != "det" and t.i < trigger.i + 10]
        draft.title = " ".join(t.text for t in sorted(phrase, key=lambda t: t.i))
    elif nature:
        draft.title = f"Visite de courtoisie de {names[0]} à {names[-1]}" if len(names) > 1 else "Visite de courtoisie"
    else:
        draft.title = "Rencontre " + " – ".join(names) if names else "Rencontre"
    return draft
