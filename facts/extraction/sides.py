"""Who takes part in an event: the subjects of its verb, the people met, and the country each speaks for."""

from __future__ import annotations

from spacy.tokens import Span, Token

from facts.extraction.grammar import clause_of, clause_subjects, governing_subjects, main_verb_of, verb_of
from facts.extraction.names import Mention, Reading, countries_of, host_country, sides_of, within
from facts.extraction.vocabulary import HONORIFICS, PLACE_CASES, ROLE_WORDS


def role_before(mention: Mention) -> str:
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


def title_phrase(person: Mention) -> list[Token]:
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


def person_side(person: Mention, mentions: list[Mention], catalog: Reading, met: bool = True) -> list[str]:
    """A person's country, else the country or organisation in the title around the name, else what an
    earlier sentence of the article said about them, else, for someone met during a visit, the host's."""
    remembered = catalog.sides
    own = person.side or countries_of([person], catalog)
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
    title = title_phrase(person)
    # A title of its own whose country is not known ("son homologue congolais Félix Tshisekedi") does not
    # borrow the country of the phrase it is coordinated with.
    titled = any(t.lower_ in ROLE_WORDS | {"homologue", "homologues"} for t in title)
    side = countries_of(within(near, title)[-1:] or ([] if titled else within(near, role_tokens)[:1]), catalog)
    side = side or countries_of(within(near, _of_after(person)), catalog)  # "le roi Abdallah II de Jordanie"
    side = side or remembered.get(person.entity_id) or (catalog.host_for(person.entity_id) if met else [])
    if side:
        remembered[person.entity_id] = side
    return side


def subject_people(trigger: Token, people: list[Mention]) -> list[Mention]:
    """The people the clause's subject names; "le prédécesseur d'Ishiba, Kishida" is Kishida, not the
    complement introduced by "de"."""
    found = _named_in(clause_subjects(trigger), people) or _named_in(governing_subjects(verb_of(trigger)), people)
    heads = [m for m in found if not any(c.lower_ in ("de", "d'", "d’", "du") for c in m.span.root.children)]
    return heads or found


def _named_in(subjects: list[Token], people: list[Mention]) -> list[Mention]:
    scope = {t.i for subject in subjects for t in subject.subtree}
    return [m for m in people if m.span.root.i in scope or m.span.start in scope]


def setting(sentence: Span, mentions: list[Mention], reading: Reading) -> str | None:
    """The country of a place that opens the sentence: "À Hanoï, …", "Dans la capitale cambodgienne, …"."""
    root = sentence.root
    for mention in mentions:
        if mention.span.start >= root.i or mention.kind not in ("lieu", "pays"):
            continue
        head = mention.span.root if mention.kind == "lieu" else mention.span.root.head
        if any(c.lower_ in PLACE_CASES for c in head.children):
            host = host_country(mention, reading)
            return host[0] if host else None
    return None


def joint_subject_sides(verb: Token, mentions: list[Mention], catalog: Reading) -> list[str]:
    """Every side a plural subject of titles names: "le président fidjien et le Premier ministre australien"."""
    sides: list[str] = []
    for subject in (c for c in verb.children if c.dep_.startswith("nsubj") and c.lemma_ in ROLE_WORDS):
        inside = within(mentions, subject.subtree)
        if any(m.kind == "personne" for m in inside):
            return []  # named people speak for themselves
        sides += [p for p in sides_of(inside, catalog) if p not in sides]
    return sides


def subject_sides(verb: Token, mentions: list[Mention], catalog: Reading) -> list[str]:
    """The countries a subject's title names: "Le président paraguayen effectuera une visite…", "Le président
    français va se rendre…" (the subject of the verb an infinitive hangs from)."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")] or governing_subjects(verb)
    # "Le président kényan", also when the model makes the nationality the head and the title its modifier.
    titled = [c for c in subjects if c.lower_ in ROLE_WORDS or any(g.lower_ in ROLE_WORDS for g in c.children)]
    for subject in titled:
        side = sides_of(within(mentions, subject.subtree), catalog)
        if side:
            return side
    return []


def latter_person(trigger: Token, people: list[Mention]) -> list[Mention]:
    """ "la visite de ce dernier": the last person named before it."""
    latter = any(
        c.lower_ in ("dernier", "dernière") and any(d.lower_ in ("ce", "cette") for d in c.children)
        for c in trigger.children
    )
    before = [m for m in people if m.span.end <= trigger.i]
    return before[-1:] if latter else []


def pronoun_subject(trigger: Token) -> bool:
    """ "il a rencontré", "où il doit s'entretenir", "elle a été reçue"."""
    subjects = clause_subjects(trigger) or governing_subjects(verb_of(trigger))
    return any(t.pos_ == "PRON" for t in subjects)


def pronoun_referent(trigger: Token, people: list[Mention], previous_person: Mention | None) -> list[Mention]:
    """ "…à Libreville, où il rencontrera…": the subject of the clause it hangs from, else the person the
    story is about ("Il a rencontré …")."""
    main_verb = main_verb_of(verb_of(trigger))
    main = subject_people(main_verb, people) if main_verb is not None else []
    return (main or [previous_person])[:1] if main or previous_person is not None else []


COUNTERPARTS = frozenset(("homologue", "homologues"))


def counterparts(trigger: Token, verb: Token) -> list[Token]:
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
