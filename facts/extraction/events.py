"""Events recognised by their trigger words: agreements signed, visits made, meetings held."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from facts.extraction.draft import Draft
from facts.extraction.grammar import (
    ANAPHORIC_HEADS,
    after_etre,
    anaphoric_subject,
    background,
    clause_of,
    core_tokens,
    governing_subjects,
    has_tense_auxiliary,
    hearsay,
    is_person_word,
    is_planned,
    is_verbal,
    main_verb_of,
    negated_heads,
    reflexive_or_visit,
    subject_word,
    trigger_lemma,
    verb_of,
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
    CALENDAR_WORDS,
    LEGISLATURES,
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
CONFIDENCE = {"accord": 0.6, "visite": 0.55, "rencontre": 0.5}
# Being somewhere: "est arrivé à", "a atterri à", "a participé à Nairobi au sommet" (a trip to a summit is a
# visit to its host, as news counts it).
ARRIVAL_VERBS = frozenset("arriver séjourner atterrir participer".split())
# Reflexive moves: "s'est rendu", "s'est déplacé", "se trouvait à Téhéran".
GOING_VERBS = frozenset("rendre déplacer trouver".split())
RECEPTION_VERBS = frozenset("recevoir accueillir".split())
EXPECTED = "attendre"  # "est attendu à Bissau": a visit announced
ADDITION_WORDS = frozenset("aussi également ailleurs outre".split())  # "par ailleurs", "en outre"
BLOC_WORDS = frozenset("bloc organisation alliance communauté coalition union".split())
TOUR_EDGES = frozenset("entamer commencer débuter achever terminer".split())
LIGHT_VERBS = frozenset("effectuer faire rendre entamer achever poursuivre commencer mener".split())


def _visit_place(trigger: Token, mentions: list[Mention], catalog: Reading) -> tuple[Mention, Token, str] | None:
    """The place a visit goes to: "à Tokyo", "en Ukraine", "au Pérou", on the noun or on its light verb
    ("effectuer un voyage … en Ukraine"), or what a tour "should include"."""
    # Not where an agreement's works are ("un accord sur la ligne ferroviaire entre Karachi et Peshawar").
    places = [m for m in mentions if m.kind in ("lieu", "pays") and not _about_an_agreement(m.span.root)]
    if any(c.lower_ == "où" for c in trigger.children) and trigger.dep_ == "acl:relcl":
        # "À Hanoï, où elle s'est rendue lundi": the place is the word the clause hangs from.
        antecedent = within(places, [trigger.head])
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
        if found:
            break
    # "à Santa Cruz de la Sierra, en Bolivie", "à Tromsø, dans le nord de la Norvège": the first place whose
    # country is known, else the first place.
    known = [candidate for candidate in found if host_country(candidate[0], catalog)]
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
            # Without "avoir", the participle's subject is what was signed: "Le traité …, signé mardi".
            passive = ("obj", "nsubj:pass", "nsubj") if not has_tense_auxiliary(token) else ("obj", "nsubj:pass")
            nouns = [c for c in token.children if c.lemma_.lower() in AGREEMENT_NOUNS and c.dep_ in passive]
            if any(c.dep_ == "aux:pass" for c in token.children):  # "Ce traité doit être signé"
                subjects = governing_subjects(token)
                # "une feuille de route, qui doit être signée formellement…": the agreement "qui" stands for.
                subjects += [s.head.head for s in subjects if s.lower_ == "qui" and s.head.dep_ == "acl:relcl"]
                nouns += [s for s in subjects if s.lemma_.lower() in AGREEMENT_NOUNS]
            # "l'accord-cadre que les deux pays avaient conclu en 2021": the agreement the clause is about.
            what_was_signed = token.dep_ == "acl:relcl" and any(
                c.lower_ in ("que", "qu'", "qu’") for c in token.children
            )
            if token.dep_ == "acl" or what_was_signed:
                # "Le partenariat germano-algérien, signé en décembre 2024", "Le traité d'amitié entre
                # l'Allemagne et la Pologne, signé mardi": the agreement the participle follows.
                named = token.head
                for _ in range(3):
                    if named.lemma_.lower() in AGREEMENT_NOUNS or named.dep_ != "nmod":
                        break
                    named = named.head
                nouns += [named] if named.lemma_.lower() in AGREEMENT_NOUNS else []
            nouns = nouns or _agreement_after(token)
            if nouns and not hearsay(token) and not _legislature_vote(token):
                status = "prévu" if is_planned(token) else SIGNING_VERBS[lemma]
                in_principle = any(t.lower_ == "principe" for t in (*token.children, *nouns[0].subtree))
                if in_principle or "en principe" in sentence.text:  # "un accord de principe"
                    status = "de principe"  # "ont conclu « en principe » un accord"
                drafts.append(_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif token.pos_ == "NOUN" and lemma in SIGNING_NOUNS:
            nouns = [t for t in token.subtree if t.lemma_.lower() in AGREEMENT_NOUNS and t.i > token.i]
            verb = verb_of(token)
            if nouns and verb.i not in negated and not hearsay(verb):
                status = "prévu" if is_planned(verb) or is_planned(token) else SIGNING_NOUNS[lemma]
                drafts.append(_agreement(sentence, token, nouns[0], status, mentions, catalog))
        elif verbal and lemma == "donner" and (green := _green_light(token)) is not None:
            if not _legislature_vote(token):  # "ont donné leur feu vert à un programme conjoint"
                drafts.append(_agreement(sentence, token, green, "convenu", mentions, catalog))
        elif verbal and lemma == "mettre" and (agreed := _agreed(token)) is not None:  # "se sont mis d'accord sur"
            drafts.append(_agreement(sentence, token, agreed, "conclu", mentions, catalog))
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
            or (lemma == EXPECTED and ("Pass" in token.morph.get("Voice") or after_etre(token)))
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
            if lemma in RECEPTION_VERBS and ("Pass" in token.morph.get("Voice") or after_etre(token)):
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
    return [draft for draft in _items_listed(drafts, sentence, catalog) if _enough(draft)]


def _items_listed(drafts: list[Draft], sentence: Span, catalog: Reading) -> list[Draft]:
    """ "la signature d'une dizaine d'accords, dont un accord sur le rail et un protocole sur le raisin": the
    agreements named one by one are the facts, each between the batch's sides."""
    batches = [d for d in drafts if d.kind == "accord"]
    named = [t for t in sentence if t.lemma_.lower() in AGREEMENT_NOUNS and any(c.lower_ == "dont" for c in t.children)]
    items = [i for t in named for i in (t, *(w for w in t.subtree if w.dep_ == "conj"))]
    items = list(dict.fromkeys(i for i in items if i.lemma_.lower() in AGREEMENT_NOUNS))
    if len(batches) != 1 or not items:
        return drafts
    batch = batches[0]
    parties = batch.parties
    listed = [
        replace(batch, title=_title(item, parties, catalog), parties=list(parties), people=list(batch.people),
                also_in=[], added=True)
        for item in items
    ]  # fmt: skip
    return [d for d in drafts if d is not batch] + listed


def _receives(trigger: Token) -> bool:
    """ "a reçu", "a accueilli" (not "a été reçu")."""
    passive = "Pass" in trigger.morph.get("Voice") or after_etre(trigger)
    return trigger_lemma(trigger) in RECEPTION_VERBS and trigger.pos_ == "VERB" and not passive


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


def _agreement_after(verb: Token) -> list[Token]:
    """The agreement a signing verb governs when the parse lost the link ("a signé avec son homologue un
    protocole", "ont conclu « en principe » un accord"): the first agreement noun before another verb."""
    for word in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 16)]:
        # A weekday or a city the small model reads as a verb ("ont signé jeudi un accord", "ont signé mardi à
        # Alger un accord") does not end the search.
        another_verb = word.pos_ in ("VERB", "AUX") and word.lower_ not in CALENDAR_WORDS and not word.is_title
        if another_verb or (word.is_punct and word.text in ".;:"):
            return []
        if word.lemma_.lower() in AGREEMENT_NOUNS and word.pos_ in NOMINAL | {"PROPN"}:  # "vingt-trois accords"/ADJ
            return [word]
    return []


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


def _told_about(phrase: Token) -> set[int]:
    """What a relative clause says of the agreement is not who signed it: "un accord avec l'UE, dont la
    ratification se heurte à l'opposition de la France"."""
    return {t.i for word in phrase.subtree if word.dep_ in ("acl:relcl", "acl") for t in word.subtree}


def _told_before(noun: Token, trigger: Token) -> bool:
    """ "Ce traité doit être signé…", "Le traité … avait été paraphé le 8 août", "Cinq mémorandums … ont
    également été signés", "L'accord de partenariat entre les deux pays, signé en mars 2023": the agreement of
    the story, between its sides, as the subject or followed by its participle."""
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    # "Le contrat avec l'avionneur Dassault Aviation" names its own counterpart; "entre les deux pays" does not.
    counterpart = any(
        c.lower_ in ("avec", "entre") and word.lemma_.lower() not in ANAPHORIC_HEADS
        for word in noun.children
        for c in word.children
    )
    definite = bool(determiners & {"le", "la", "l'", "l’", "ce", "cet", "cette"})
    named_again = noun.dep_.startswith("nsubj") or (trigger.dep_ == "acl" and trigger.head == noun)
    return (noun.dep_ == "nsubj:pass" or (named_again and definite)) and not counterpart


GROUP_SIZES = {"trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8}


def _counted(clause: set[int], sentence: Span) -> int:
    """How many sides "les trois pays", "les cinq dirigeants" count, in the event's clause (0 if none)."""
    for word in sentence:
        if word.i in clause and word.lemma_.lower() in ANAPHORIC_HEADS:
            sizes = [GROUP_SIZES.get(c.lower_, 0) for c in word.children if c.dep_ == "nummod"]
            if any(sizes):
                return max(sizes)
    return 0


def _listed_before(verb: Token, mentions: list[Mention]) -> set[int]:
    """ "le Nigeria, le Maroc et la Mauritanie y ont signé", when the model hangs the first names of the
    list elsewhere: the names just before the subject, joined by commas and "et"."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    named = {i for m in mentions if m.kind in ("pays", "organisation") for i in range(m.span.start, m.span.end)}
    if not subjects or subjects[0].i not in named:
        return set()
    listed: set[int] = set()
    word = subjects[0].left_edge.i - 1
    while word >= verb.sent.start:
        token = verb.doc[word]
        if not (word in named or token.lower_ in (",", "et") or token.pos_ == "DET"):
            break
        listed |= {word} if word in named else set()
        word -= 1
    return listed


def _names_a_side(word: Token, misread_subject: Token | None) -> bool:
    """A city as the subject ("Bogota et Caracas ont conclu"), as one of the sides ("entre Bruxelles et Tunis"),
    or as the name the model made the verb hang from ("Washington et Hanoï ont finalisé")."""
    return subject_word(word) or _between(word) or word == misread_subject


def _between(word: Token) -> bool:
    """ "entre Bruxelles et Tunis", "avec Rabat": one of the sides of an agreement."""
    first = word.head if word.dep_ == "conj" else word
    return any(c.lower_ in ("entre", "avec") for c in first.children)


def _signed_by_nobody_named(verb: Token) -> bool:
    """ "Une vingtaine de documents ont été signés en présence des deux présidents": a passive with no "par"."""
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    return passive and not any(c.dep_ == "obl:agent" for c in verb.children)


def _bloc_subject(verb: Token) -> bool:
    """ "Le bloc avait conclu…", "l'organisation a signé…": the organisation named last."""
    return any(
        child.dep_.startswith("nsubj") and child.lemma_.lower() in BLOC_WORDS
        and any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’") for c in child.children)
        and not any(c.dep_ in ("nmod", "amod", "appos") for c in child.children)
        for child in verb.children
    )  # fmt: skip


def _unknown_organisation(mention: Mention) -> bool:
    return mention.kind == "organisation" and (mention.entity_id or "").startswith("nouveau:")


def _words_of(noun: Token) -> set[int]:
    return {t.i for t in noun.subtree}


def _legislature_vote(verb: Token) -> bool:
    """ "Le Parlement sud-africain a ratifié l'accord": a vote at home, not an agreement between states."""
    return any(c.dep_.startswith("nsubj") and c.lemma_.lower() in LEGISLATURES for c in verb.children)


def _green_light(verb: Token) -> Token | None:
    """The "feu" of "donner son feu vert à…", a joint go-ahead."""
    lights = (c for c in verb.children if c.lower_ == "feu" and any(g.lower_ == "vert" for g in c.children))
    return next(lights, None)


def _agreed(verb: Token) -> Token | None:
    """The "accord" of "se mettre d'accord", read as "accord" ← "d'" or as the fixed phrase "d'" → "accord"."""
    if not any(t.lower_ in ("se", "s'", "s’") for t in verb.doc[max(verb.i - 4, verb.sent.start) : verb.i]):
        return None  # "se sont mis": the pronoun may hang from the auxiliary
    elided = ("d'", "d’")
    found = [c for c in verb.children if c.lemma_.lower() == "accord" and any(g.lower_ in elided for g in c.children)]
    found += [g for c in verb.children if c.lower_ in elided for g in c.children if g.lemma_.lower() == "accord"]
    return found[0] if found else None


def _headline(sentence: Span) -> bool:
    """The article's title: its first line, with no full stop; the lead then tells the same news again."""
    return sentence.start == sentence.doc[0].sent.start and not sentence.text.rstrip().endswith((".", "!", "?"))


def _another_agreement(noun: Token, verb: Token) -> bool:
    """ "ont aussi signé un accord sur la pêche", "ont par ailleurs scellé un accord", "une dizaine de
    documents, dont un accord…": one more agreement, not the one told before."""
    return any(c.lower_ in ADDITION_WORDS for c in verb.children) or any(c.lower_ == "dont" for c in noun.children)


def _agreement(sentence, trigger, noun, status, mentions, catalog) -> Draft:
    """Parties: the subject ("Le Japon et l'Ukraine ont signé"), the names on the agreement ("partenariat
    Japon-UE"), and who signed "avec" whom; their people's countries too."""
    verb = trigger
    clause = clause_of(trigger)
    scope: set[int] = set()
    aside: set[int] = set()
    for child in verb.children:
        with_whom = child.dep_.startswith("obl") and any(c.lower_ in ("avec", "entre") for c in child.children)
        by_whom = child.dep_ == "obl:agent"  # "a été conclu par l'Égypte et la Russie"
        if child.dep_.startswith("nsubj") or with_whom or by_whom or child is noun or child.dep_ == "obj":
            aside |= _told_about(child)
            scope |= {t.i for t in child.subtree if t.i in clause}
    scope |= _listed_before(verb, mentions)
    misread_subject = verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("PROPN", "NOUN") else None
    if misread_subject is not None and misread_subject.i < verb.i:
        # "Le Royaume-Uni et le Japon ont conclu…" read as a name the verb is joined to: that name is a subject.
        scope |= {t.i for t in verb.head.subtree if t.i < verb.left_edge.i}
    # A name the catalog does not know, inside the agreement's own words, is what it is about ("la ligne
    # ferroviaire ML-1", "la base de Bien Hoa"), not who signed it.
    aside |= {m.span.root.i for m in mentions if _unknown_organisation(m) and m.span.root.i in _words_of(noun)}
    # Nor what a relative clause elsewhere says ("au moment où le retour de Donald Trump…").
    aside |= {
        t.i for word in sentence if word.dep_ == "acl:relcl" and trigger not in word.subtree for t in word.subtree
    }
    named = [m for m in mentions if m.span.root.i not in aside]
    local = [m for m in named if m.span.root.i in scope or m.span.start in scope]
    bloc = [catalog.last_organisation] if catalog.last_organisation and _bloc_subject(verb) else []
    # "les deux pays étaient parvenus à un accord": the sides are named in the main clause, unless the
    # agreement is the story's, named again ("Ce traité doit être signé").
    # Not for an agreement named again as the subject: its sides are the story's, not the sentence's other names.
    again = _told_before(noun, trigger) and noun.dep_.startswith("nsubj")
    widening = [] if again else [[m for m in named if m.span.start in clause], named]
    for wider in widening:
        if len(countries_of(local, catalog)) + len(bloc) >= 2:
            break
        local = wider
    parties = [*bloc, *(p for p in sides_of(local, catalog) if p not in bloc)]
    # "Bogota et Caracas ont conclu…", "… d'ici juin entre Bruxelles et Tunis": cities as the subject or the
    # sides speak for their countries (Brussels for the Union in a story about it).
    for city in (m for m in local if m.kind == "lieu" and _names_a_side(m.span.root, misread_subject)):
        seat = organisation_seats().get(fold(city.name))
        host = [seat] if seat in catalog.seen else host_country(city, catalog)
        parties += [p for p in host if p not in parties]
    people = []
    for person in [m for m in local if m.kind == "personne"]:
        parties += [p for p in person_side(person, mentions, catalog) if p not in parties]
        part = "signataire" if status in ("signé", "conclu") else "participant"
        people.append(Participant(person.entity_id, role_before(person), part))
    recent = catalog.recent_parties
    story_sides = anaphoric_subject(verb_of(trigger)) or _told_before(noun, trigger) or _signed_by_nobody_named(verb)
    group = catalog.groups.get(_counted(clause_of(trigger), sentence), [])
    if len(parties) < len(group) and len(group) > 2:
        parties = list(group)  # "Les cinq pays avaient signé…", "… entre les trois pays"
    elif len(parties) < 2 and story_sides and len(recent) >= 2:
        parties = list(recent)  # "les deux pays sont parvenus à un accord", "ils sont convenus de…"
    title = _title(noun, parties, catalog) if noun is not trigger else ""
    draft = Draft("accord", status, sentence, trigger, parties, people, title=title, confidence=CONFIDENCE["accord"])
    indefinite = any(
        (c.dep_ == "det" and c.lower_ in ("un", "une", "des")) or c.dep_ == "nummod" for c in noun.children
    )
    draft.introduced = noun is not trigger and indefinite and not _headline(sentence)
    draft.added = noun is not trigger and indefinite and _another_agreement(noun, verb_of(trigger))
    return draft


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
    names = [catalog.name(p.entity) for p in draft.people]
    if trigger.text[:1].isupper() and trigger.i > trigger.sent.start:
        phrase = [t for t in core_tokens(trigger) if t.i >= trigger.i and t.dep_ != "det" and t.i < trigger.i + 10]
        draft.title = " ".join(t.text for t in sorted(phrase, key=lambda t: t.i))
    elif nature:
        draft.title = f"Visite de courtoisie de {names[0]} à {names[-1]}" if len(names) > 1 else "Visite de courtoisie"
    else:
        draft.title = "Rencontre " + " – ".join(names) if names else "Rencontre"
    return draft


def _title(noun: Token, parties: list[str], catalog: Reading) -> str:
    kept = [t.i for t in core_tokens(noun) if noun.i <= t.i < noun.i + 12]
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
