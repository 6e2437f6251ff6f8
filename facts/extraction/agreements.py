"""Agreements: which one a sentence signs, concludes or plans, between which sides, and when a list or a
later sentence tells another one."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from facts.extraction.draft import CONFIDENCE, Draft
from facts.extraction.grammar import (
    anaphoric_head,
    anaphoric_subject,
    clause_of,
    core_tokens,
    governing_subjects,
    has_tense_auxiliary,
    own_subjects,
    points_back,
    subject_word,
    verb_of,
    word_before,
)
from facts.extraction.names import Mention, Reading, countries_of, host_country, sides_of
from facts.extraction.sides import (
    person_side,
    role_before,
)
from facts.extraction.vocabulary import (
    AGREEMENT_NOUNS,
    CALENDAR_WORDS,
    DEMONSTRATIVES,
    LEGISLATURES,
    NOMINAL,
)
from facts.model import Participant
from facts.normalize import fold
from facts.places import organisation_seats
from facts.when import french_number

DEFINITE = frozenset("le la l' l’ les".split()) | DEMONSTRATIVES
INDEFINITE = frozenset(("un", "une", "des"))
ADDITION_WORDS = frozenset("aussi également ailleurs outre".split())  # "par ailleurs", "en outre"
BLOC_WORDS = frozenset("bloc organisation alliance communauté coalition union".split())


def items_listed(drafts: list[Draft], sentence: Span, catalog: Reading) -> list[Draft]:
    """ "la signature d'une dizaine d'accords, dont un accord sur le rail et un protocole sur le raisin": the
    agreements named one by one are the facts, each between the batch's sides."""
    batches = [d for d in drafts if d.kind == "accord"]
    named = [t for t in sentence if t.lemma_.lower() in AGREEMENT_NOUNS and any(c.lower_ == "dont" for c in t.children)]
    items = [i for t in named for i in (t, *(w for w in t.subtree if w.dep_ == "conj"))]
    items = list(dict.fromkeys(i for i in items if i.lemma_.lower() in AGREEMENT_NOUNS))
    if len(batches) != 1:
        return drafts
    batch = batches[0]
    parties = batch.parties
    # "une déclaration conjointe … ainsi qu'un accord sur le pont": one more, besides the one the verb signs.
    also = [t for t in sentence if t.lemma_.lower() in AGREEMENT_NOUNS and _joined_as_another(t) and t not in items]
    if not items and not also:
        return drafts
    batch.added = batch.added or bool(also)  # the first of the sentence's list, not one told before
    copies = [
        replace(batch, title=_title(item, parties, catalog), parties=list(parties), people=list(batch.people),
                also_in=[], added=True)
        for item in items + also
    ]  # fmt: skip
    return ([d for d in drafts if d is not batch] if items else drafts) + copies


def _joined_as_another(noun: Token) -> bool:
    """ "… ainsi qu'un accord", "…, et un protocole": an agreement added to one told before it."""
    determiner = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in INDEFINITE), None)
    if determiner is None or determiner.i < noun.sent.start + 2:
        return False
    before = determiner.nbor(-1).lower_, determiner.nbor(-2).lower_
    earlier = any(t.lemma_.lower() in AGREEMENT_NOUNS for t in noun.doc[noun.sent.start : determiner.i])
    return earlier and ((before[0] in ("qu'", "qu’") and before[1] == "ainsi") or before == ("et", ","))


# "une quinzaine d'accords", "une série de mémorandums", "la deuxième phase de l'accord": the agreements a
# number or a part of them stands for.
QUANTITY_NOUNS = frozenset(
    "dizaine douzaine quinzaine vingtaine trentaine quarantaine cinquantaine centaine série ensemble lot "
    "paquet train phase volet version avenant révision renégociation prolongation renouvellement".split()
)
RELATIVE_OBJECTS = frozenset(("que", "qu'", "qu’"))
CLAUSE_BOUNDARIES = frozenset(("VERB", "AUX", "PRON", "SCONJ", "PUNCT"))
QUOTES_AND_HYPHENS = frozenset('« » " - ‑'.split())
# "doit y être signé", "ne pourra pas encore être conclu": the words of a verb group before its auxiliaries.
VERB_GROUP = frozenset("y en ne n' n’ pas encore déjà toujours".split())
MODALS = frozenset(("devoir", "pouvoir"))
OBJECT_PRONOUNS = frozenset(("l'", "l’", "le", "la", "les"))


def what_was_signed(verb: Token) -> list[Token]:
    """The agreement a signing verb's own words name, however the small model hangs them: its object, the
    subject of its passive, the agreement a participle or a relative clause follows, or the pronoun that
    stands for one ("Rabat et Abuja l'avaient scellé")."""
    # Without "avoir", the participle's subject is what was signed: "Le traité …, signé mardi".
    told = ("obj", "nsubj:pass", "nsubj") if not has_tense_auxiliary(verb) else ("obj", "nsubj:pass")
    nouns = [found for c in verb.children if c.dep_ in told and (found := _agreement(c)) is not None]
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    if passive:  # "Ce traité doit être signé"
        subjects = governing_subjects(verb)
        # "une feuille de route, qui doit être signée formellement…": the agreement "qui" stands for.
        subjects += [s.head.head for s in subjects if s.lower_ == "qui" and s.head.dep_ == "acl:relcl"]
        nouns += [found for s in subjects if (found := _agreement(s)) is not None]
        # "Ce mécanisme expérimental avait été conclu": what a demonstrative points back to was an agreement.
        nouns += [
            c for c in verb.children
            if c.dep_ == "nsubj:pass" and any(d.lower_ in DEMONSTRATIVES for d in c.children if d.dep_ == "det")
        ]  # fmt: skip
    if verb.dep_ == "acl" or (verb.dep_ == "acl:relcl" and _relative_object(verb) is not None):
        # "Le partenariat germano-algérien, signé en décembre 2024", "Le traité d'amitié entre
        # l'Allemagne et la Pologne, signé mardi": the agreement the participle follows.
        named = verb.head
        for _ in range(3):
            if named.lemma_.lower() in AGREEMENT_NOUNS or named.dep_ != "nmod":
                break
            named = named.head
        nouns += [named] if named.lemma_.lower() in AGREEMENT_NOUNS else []
    if nouns:
        return nouns
    # The same, when the model hangs the participle, the clause or the passive elsewhere: "le mémorandum
    # d'entente sur un partenariat stratégique, signé en juillet 2023", "l'accord-cadre que les deux pays
    # avaient conclu", "l'accord intergouvernemental sur le gazoduc EastMed avait été signé".
    anchor = _misplaced_anchor(verb, passive)
    ending = _agreement_ending_before(anchor) if anchor is not None else None
    if ending is not None:
        return [ending]
    # "Rabat et Abuja l'avaient scellé en décembre 2016": the one the story told.
    return [c for c in verb.children if c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ in OBJECT_PRONOUNS]


def _misplaced_anchor(verb: Token, passive: bool) -> Token | None:
    """Where the agreement's phrase ends when the model hangs it elsewhere: before "que", before a subjectless
    passive's auxiliaries, or before the comma of a bare participle."""
    relative = _relative_object(verb)
    if relative is not None or any(c.dep_.startswith("nsubj") for c in verb.children):
        return relative
    if passive:
        first = min((c for c in verb.children if c.dep_.startswith("aux")), key=lambda c: c.i)
        while first.i > verb.sent.start and (first.nbor(-1).lower_ in VERB_GROUP or first.nbor(-1).lemma_ in MODALS):
            first = first.nbor(-1)
        return first
    bare = verb.i > verb.sent.start and verb.nbor(-1).text == "," and not has_tense_auxiliary(verb)
    return verb if bare else None


def _relative_object(verb: Token) -> Token | None:
    """The "que" of "l'accord que les deux pays avaient conclu", on the verb or on its subject's phrase."""
    edges = [c.left_edge if c.dep_.startswith("nsubj") else c for c in verb.children if c.i < verb.i]
    return next((w for w in edges if w.lower_ in RELATIVE_OBJECTS), None)


def _agreement(word: Token) -> Token | None:
    """The agreement a word names: itself, the one it counts ("une quinzaine d'accords"), or the head of a
    compound the model split ("l'accord-cadre")."""
    lemma = word.lemma_.lower()
    if lemma in AGREEMENT_NOUNS:
        return word
    if lemma in QUANTITY_NOUNS:  # "la révision de l'annexe financière du traité": within the phrase's first words
        near = (t for t in core_tokens(word) if 0 < t.i - word.i <= 6 and t.lemma_.lower() in AGREEMENT_NOUNS)
        return min(near, key=lambda t: t.i, default=None)
    split = word.i >= word.sent.start + 2 and word.nbor(-1).text in ("-", "‑")
    return word.nbor(-2) if split and word.nbor(-2).lemma_.lower() in AGREEMENT_NOUNS else None


def _agreement_ending_before(word: Token) -> Token | None:
    """The agreement heading the noun phrase right before a word (a comma aside), read left to right
    whatever the parse: "le mémorandum d'entente sur un partenariat stratégique et global, signé"."""
    position = word_before(word).i
    found = None
    while position >= word.sent.start:
        token = word.doc[position]
        if token.pos_ in CLAUSE_BOUNDARIES and token.text not in QUOTES_AND_HYPHENS:
            break
        found = _agreement(token) or found
        position -= 1
    return found


def agreement_after(verb: Token, mentions: list[Mention]) -> list[Token]:
    """The agreement a signing verb governs when the parse lost the link ("a signé avec son homologue un
    protocole", "ont conclu « en principe » un accord"): the first agreement noun before another verb."""
    for word in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 24)]:
        # A weekday or a city the small model reads as a verb ("ont signé jeudi un accord", "ont signé mardi à
        # Alger un accord") does not end the search.
        named = any(m.span.start <= word.i < m.span.end for m in mentions)  # "son homologue canadienne"/VERB
        another_verb = word.pos_ in ("VERB", "AUX") and word.lower_ not in CALENDAR_WORDS and not word.is_title
        another_verb = another_verb and not named
        if another_verb or (word.is_punct and word.text in ".;:"):
            return []
        if word.lemma_.lower() in AGREEMENT_NOUNS and word.pos_ in NOMINAL | {"PROPN"}:  # "vingt-trois accords"/ADJ
            return [word]
        if (counted := _agreement(word)) is not None and word.pos_ in NOMINAL:  # "…, la révision du traité"
            return [counted]
    return []


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
        c.lower_ in ("avec", "entre") and not anaphoric_head(word) for word in noun.children for c in word.children
    )
    definite = bool(determiners & DEFINITE)
    follows = (trigger.dep_ == "acl" and trigger.head == noun) or _agreement_ending_before(trigger) == noun
    named_again = noun.dep_.startswith("nsubj") or follows
    return (noun.dep_ == "nsubj:pass" or (named_again and definite)) and not counterpart


def _counted(clause: set[int], sentence: Span) -> int:
    """How many sides "les trois pays", "les cinq dirigeants" count, in the event's clause (0 if none)."""
    for word in sentence:
        if word.i in clause and anaphoric_head(word):
            sizes = [french_number(c.lower_) or 0 for c in word.children if c.dep_ == "nummod"]
            if any(sizes):
                return max(sizes)
    return 0


def _listed_before(verb: Token, mentions: list[Mention]) -> set[int]:
    """ "le Nigeria, le Maroc et la Mauritanie y ont signé", "Bruxelles et Astana avaient conclu", when the
    model hangs the names of the list elsewhere: the names just before the subject or the auxiliaries."""
    named = _side_names(mentions)
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    starts = [min(auxiliaries, key=lambda c: c.i, default=verb).i - 1]
    starts += [subjects[0].left_edge.i - 1] if subjects and subjects[0].i in named else []
    return {i for start in starts for i in _listed_from(verb.sent, start, -1, named)}


def _listed_after(phrase: Token, mentions: list[Mention]) -> set[int]:
    """ "conclu … par le Népal, l'Inde et le Bangladesh", "entre Honiara et Pékin", when the model hangs the
    names after the first elsewhere: the names that go on the list."""
    named = _side_names(mentions)
    return _listed_from(phrase.sent, phrase.right_edge.i + 1, 1, named) if phrase.i in named else set()


def _side_names(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions if m.kind in ("pays", "organisation", "lieu") for i in range(m.span.start, m.span.end)}


def _listed_from(sentence: Span, word: int, step: int, named: set[int]) -> set[int]:
    """The names met from `word` on, in the direction of `step`, while a list goes on: names joined by commas
    and "et", with their determiners."""
    listed: set[int] = set()
    while sentence.start <= word < sentence.end:
        token = sentence.doc[word]
        if not (word in named or token.lower_ in (",", "et") or token.pos_ == "DET"):
            break
        listed |= {word} if word in named else set()
        word += step
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
    """ "Le bloc avait conclu…", "Bagdad et l'organisation régionale ont signé…": the organisation named last."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
    return any(
        subject.lemma_.lower() in BLOC_WORDS
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children)
        and not any(c.dep_ in ("nmod", "appos") for c in subject.children)
        for subject in subjects
    )


def _unknown_organisation(mention: Mention) -> bool:
    return mention.kind == "organisation" and (mention.entity_id or "").startswith("nouveau:")


def legislature_vote(verb: Token) -> bool:
    """ "Le Parlement sud-africain a ratifié l'accord", "ratifié par les deux Parlements": a vote at home, not an
    agreement between states."""
    voters = ("nsubj", "obl:agent")
    return any(c.dep_.startswith(voters) and c.lemma_.lower() in LEGISLATURES for c in verb.children)


def green_light(verb: Token) -> Token | None:
    """The "feu" of "donner son feu vert à…", a joint go-ahead."""
    lights = (c for c in verb.children if c.lower_ == "feu" and any(g.lower_ == "vert" for g in c.children))
    return next(lights, None)


def agreed_on(verb: Token) -> Token | None:
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


# Who signs for a company: "le groupe minier français Eramet", "le consortium chinois", "l'avionneur".
COMPANY_WORDS = frozenset(
    "groupe société entreprise consortium constructeur avionneur compagnie firme industriel géant fabricant "
    "opérateur énergéticien armateur exploitant conglomérat".split()
)


def company_deal(trigger: Token, noun: Token, mentions: list[Mention]) -> bool:
    """ "Le groupe français TotalEnergies a signé avec le gouvernement ouzbek un contrat", "Saab et Kongsberg ont
    annoncé la signature d'un contrat": a company's deal, not an agreement between states or organisations."""
    verb = verb_of(trigger)
    signers = [w for s in own_subjects(verb) for w in s.subtree]
    companies = {m.span.root.i for m in mentions if _unknown_organisation(m)}
    if any(w.lemma_.lower() in COMPANY_WORDS for w in signers):
        return True
    if noun.lemma_.lower() != "contrat":
        return False
    # A contract with a company, or with one the catalog does not know ("avec la compagnie Kenya Power"), or
    # told by a sentence that opens on one, however the model hangs it ("Le groupe indien Adani, qui…, a signé").
    counterparts = [w for c in verb.children if _between(c) or c.dep_ == "obl:mod" for w in c.subtree]
    opening = [w for w in verb.sent if w.i < verb.i]
    told = [*signers, *counterparts, *noun.subtree, *opening]
    return any(w.i in companies or w.lemma_.lower() in COMPANY_WORDS for w in told)


def read_agreement(sentence, trigger, noun, status, mentions, catalog) -> Draft:
    """Parties: the subject ("Le Japon et l'Ukraine ont signé"), the names on the agreement ("partenariat
    Japon-UE"), and who signed "avec" whom; their people's countries too."""
    verb = trigger
    clause = clause_of(trigger)
    scope: set[int] = set()
    listed = _listed_before(verb, mentions)
    for child in _side_phrases(verb, noun):
        scope |= {t.i for t in child.subtree if t.i in clause}
        listed |= _listed_after(child, mentions) if child is not noun else set()
    scope |= listed
    misread_subject = verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("PROPN", "NOUN") else None
    if misread_subject is not None and misread_subject.i < verb.i:
        # "Le Royaume-Uni et le Japon ont conclu…" read as a name the verb is joined to: that name is a subject.
        scope |= {t.i for t in verb.head.subtree if t.i < verb.left_edge.i}
    aside = _not_sides(sentence, trigger, noun, mentions)
    named = [m for m in mentions if m.span.root.i not in aside]
    local = [m for m in named if m.span.root.i in scope or m.span.start in scope]
    # The organisation named last, in this sentence before the verb or in an earlier one.
    told = [m.entity_id for m in mentions if m.kind == "organisation" and m.entity_id and m.span.end <= verb.i]
    last_organisation = (told or [catalog.last_organisation])[-1]
    bloc = [last_organisation] if last_organisation and _bloc_subject(verb) else []
    # "les deux pays étaient parvenus à un accord": the sides are named in the main clause.
    # Not for an agreement named again as the subject ("Ce traité doit être signé"): its sides are the story's,
    # not the sentence's other names. "Un mémorandum a été signé avec l'Arabie saoudite" names a new one.
    definite = any(c.dep_ == "det" and c.lower_ not in INDEFINITE for c in noun.children)
    again = _told_before(noun, trigger) and noun.dep_.startswith("nsubj") and definite
    widening = [] if again else [[m for m in named if m.span.start in clause], named]
    for wider in widening:
        if len(countries_of(local, catalog)) + len(bloc) >= 2:
            break
        local = wider
    parties = [*bloc, *(p for p in sides_of(local, catalog) if p not in bloc)]
    # "Bogota et Caracas ont conclu…", "… d'ici juin entre Bruxelles et Tunis": cities as the subject or the
    # sides speak for their countries (Brussels for the Union in a story about it).
    named_as_sides = [m for m in local if m.span.root.i in listed or _names_a_side(m.span.root, misread_subject)]
    for city in (m for m in named_as_sides if m.kind == "lieu"):
        seat = organisation_seats().get(fold(city.name))
        host = [seat] if seat in catalog.seen else host_country(city, catalog)
        parties += [p for p in host if p not in parties]
    people = []
    for person in [m for m in local if m.kind == "personne"]:
        # A signer of unknown country met on a trip is taken for its host (and remembered so), but does not add
        # that guess to sides the sentence already names.
        known = person_side(person, mentions, catalog, met=False)
        side = known or person_side(person, mentions, catalog)
        parties += [p for p in side if p not in parties and (known or len(parties) < 2)]
        part = "signataire" if status in ("signé", "conclu") else "participant"
        people.append(Participant(person.entity_id, role_before(person), part))
    recent = catalog.recent_parties
    story_sides = (
        anaphoric_subject(verb_of(trigger))
        or _told_before(noun, trigger)
        or _signed_by_nobody_named(verb)
        or any(points_back(c) for c in verb.children if c.dep_ == "obl:agent")  # "par les ministres des deux pays"
    )
    group = catalog.groups.get(_counted(clause_of(trigger), sentence), [])
    borrowed = False
    if len(parties) < len(group) and len(group) > 2:
        parties = list(group)  # "Les cinq pays avaient signé…", "… entre les trois pays"
    elif len(parties) < 2 and story_sides:
        parties = list(recent) if len(recent) >= 2 else parties  # "les deux pays sont parvenus à un accord"
        borrowed = True
    title = _title(noun, parties, catalog) if noun is not trigger and noun.pos_ != "PRON" else ""
    draft = Draft("accord", status, sentence, trigger, parties, people, title=title, confidence=CONFIDENCE["accord"])
    draft.sides_borrowed = borrowed
    indefinite = noun is not trigger and _indefinite(noun)
    draft.introduced = indefinite and not _headline(sentence)
    draft.added = indefinite and _another_agreement(noun, verb_of(trigger))
    return draft


def _side_phrases(verb: Token, noun: Token) -> list[Token]:
    """Where a signing verb names its sides: its subject, "avec" / "entre" whom, "par" whom, and the agreement
    itself ("le partenariat Japon-UE")."""
    phrases = []
    for child in verb.children:
        with_whom = child.dep_.startswith("obl") and any(c.lower_ in ("avec", "entre") for c in child.children)
        by_whom = child.dep_ == "obl:agent"  # "a été conclu par l'Égypte et la Russie"
        if child.dep_.startswith("nsubj") or with_whom or by_whom or child is noun or child.dep_ == "obj":
            phrases.append(child)
    phrases += [s for s in own_subjects(verb) if s not in phrases]
    # "avec Israël et Chypre", when the model joins the second name to the verb.
    ends = {phrase.right_edge.i for phrase in phrases}
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i - 2 in ends]
    return phrases + [c for c in joined if c.nbor(-1).lower_ == "et"]


def _indefinite(noun: Token) -> bool:
    """ "un accord", "des mémorandums", "cinq accords": one not told before."""
    return any((c.dep_ == "det" and c.lower_ in INDEFINITE) or c.dep_ == "nummod" for c in noun.children)


def _not_sides(sentence: Span, trigger: Token, noun: Token, mentions: list[Mention]) -> set[int]:
    """The words that name no side of the agreement, wherever the parse hangs them."""
    # What a clause says of the agreement ("un accord avec l'UE, dont la ratification se heurte à l'opposition
    # de la France"), and what a relative clause elsewhere says ("au moment où le retour de Donald Trump…").
    aside = {i for child in _side_phrases(trigger, noun) for i in _told_about(child)}
    aside |= {t.i for w in sentence if w.dep_ == "acl:relcl" and trigger not in w.subtree for t in w.subtree}
    # Witnesses ("en présence du président brésilien").
    aside |= {t.i for w in sentence if w.lemma_.lower() == "présence" and w.i != trigger.i for t in w.subtree}
    # A name the catalog does not know, inside the agreement's own words, is what it is about ("la ligne
    # ferroviaire ML-1", "la base de Bien Hoa"), not who signed it.
    own_words = {t.i for t in noun.subtree}
    return aside | {m.span.root.i for m in mentions if _unknown_organisation(m) and m.span.root.i in own_words}


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
