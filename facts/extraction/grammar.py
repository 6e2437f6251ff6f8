"""What the dependency parse says about a word: its clause, its subject, its tense, whether the event
it names is planned, denied or only reported.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from facts.extraction.vocabulary import MEETING_NOUNS, ROLE_WORDS, VISIT_NOUNS
from facts.normalize import AVOIR_FORMS

# Who "les deux pays", "ils" or "les deux dirigeants" are: the sides of the story told just before.
ANAPHORIC_HEADS = frozenset(
    "pays chef chefs ministre ministres dirigeant dirigeants partie parties gouvernement gouvernements bloc "
    "homme hommes femme femmes responsable responsables homologue homologues président présidents délégation "
    "délégations".split()
)
# What an infinitive hangs from when its event is still to come: "doit se rendre", "a accepté une invitation
# à se rendre", "compte signer", "envisage de se rendre", "vont signer".
# "sont convenus de conclure", "se sont engagés à signer", "ont décidé de signer": a commitment, still to do.
PLANNING_WORDS = frozenset(
    "devoir prévoir compter envisager projeter souhaiter espérer invitation aller convenir engager décider "
    "accepter".split()
)
DENIAL_VERBS = frozenset("démentir nier réfuter contester".split())


def negated_heads(sentence: Span) -> set[int]:
    """Positions of the words a negation depends on ("n'a pas signé"), found in one pass over the sentence:
    asking each word's head for its children instead is quadratic on a sentence of thousands of words
    hanging on one head (pasted garbage)."""
    return {t.head.i for t in sentence if t.head.i != t.i and t.morph.get("Polarity") == ["Neg"]}


def hearsay(token: Token) -> bool:
    """ "auraient signé" reports a claim (conditional past); under "démentir" it is a denial. Neither is a
    signature."""
    auxiliaries = [c for c in token.children if c.pos_ == "AUX"]
    conditional_past = token.morph.get("Tense") == ["Past"] and any(a.morph.get("Mood") == ["Cnd"] for a in auxiliaries)
    denied = any(_denial(t) for t in token.sent)
    # "a démenti avoir conclu…", "nie avoir signé": what the denial governs did not happen, however the
    # model hangs it.
    governed = _denial(token.head) and token.dep_ != "conj" and token.head.i != token.i
    perfect_infinitive = any(a.lower_ == "avoir" for a in auxiliaries)
    # "a démenti qu'un accord ait été conclu", "aurait rencontré secrètement": under a denial, a
    # conditional or a subjunctive tells what did not happen.
    reported = ("Cnd", "Sub")
    mood = any(m in a.morph.get("Mood") for a in [token, *auxiliaries] for m in reported)
    return conditional_past or governed or (denied and (mood or perfect_infinitive))


def _denial(word: Token) -> bool:
    # "dément", "démenti": forms of "démentir" the small model may tag as another word.
    return word.lemma_.lower() in DENIAL_VERBS or word.lower_.startswith("dément")


OTHER_CLAUSES = frozenset(("advcl", "parataxis", "ccomp", "conj"))


def _where_clause(word: Token) -> bool:
    return word.dep_ == "acl:relcl" and any(c.lower_ == "où" for c in word.children)


def is_planned(token: Token) -> bool:
    """Future, conditional, or under "devoir", "prévoir", "une invitation à": announced, not done. Not what
    a clause hanging from it says ("a entamé une visite à Dakar, où il rencontrera…")."""
    # "une visite qui aura lieu en juillet" is planned; "une visite à Dakar, où il rencontrera…" is not.
    # A relative clause on a verb is a noun's the model misplaced ("ont procédé à la signature d'un accord-cadre,
    # qui doit permettre…"): what the agreement will do, not when the signing is.
    # On a noun, a relative clause only when it follows the noun's own phrase: "une visite au Vietnam, dominée
    # par les inquiétudes sur ce projet de voie navigable qui doit relier…" says nothing of the visit's day.
    misplaced = ("acl:relcl",) if token.pos_ in ("VERB", "AUX") else ()
    children = [
        c
        for c in token.children
        if c.dep_ not in OTHER_CLAUSES
        and c.dep_ not in misplaced
        and not _where_clause(c)
        and not (c.dep_ == "acl:relcl" and not _relative_on(token, c))
    ]
    for word in (token, *children, token.head):
        if word.morph.get("Tense") == ["Fut"] or word.morph.get("Mood") == ["Cnd"]:
            return True
        if trigger_lemma(word) in PLANNING_WORDS and word.i != token.i:
            return True
    # "la visite à Washington du Premier ministre, prévue en octobre": an event noun set for a day to come.
    if token.pos_ == "NOUN" and any(_set_for_later(word) for word in token.subtree if word.i - token.i <= 12):
        return True
    # "doit s'entretenir jeudi avec…, avant de se rendre vendredi à Harbin": what comes after a planned act is too.
    after = token.dep_ == "advcl" and any(c.lower_ in ("avant", "pour", "puis") for c in token.children)
    return after and "Inf" in token.morph.get("VerbForm") and token.head.i != token.i and is_planned(token.head)


def word_before(word: Token) -> Token:
    """The word before `word`, a comma aside ("Kampala, où…": Kampala); `word` itself at a sentence's start."""
    before = word.i - 1
    if before > word.sent.start and word.doc[before].text == ",":
        before -= 1
    return word.doc[before] if before >= word.sent.start else word


def _relative_on(noun: Token, clause: Token) -> bool:
    """Whether a relative clause the model hangs on a noun starts right after that noun's own phrase."""
    return word_before(clause.left_edge).i in {t.i for t in core_tokens(noun)}


def postponed(word: Token) -> bool:
    """ "initialement prévue en mars 2023": the day it was first set for, not the one it took place."""
    return any(c.lower_ in ("initialement", "d'abord", "d’abord", "primitivement") for c in word.children)


def _set_for_later(word: Token) -> bool:
    return word.lemma_.lower() == "prévoir" and word.dep_ == "acl" and not postponed(word)


def core_tokens(token: Token) -> list[Token]:
    """The phrase a word heads, without the relative or adverbial clauses hanging from it."""
    keep = [token]
    for child in token.children:
        if child.dep_ not in ("acl:relcl", "advcl", "acl", "punct", "parataxis", "conj", "cc") or (
            child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN")
        ):
            keep.extend(core_tokens(child))
    return keep


CLAUSE_DEPS = frozenset(("acl:relcl", "advcl", "parataxis", "ccomp", "acl"))


def clause_of(token: Token) -> set[int]:
    """The tokens of the clause a word belongs to: its verb's subtree without the other clauses hanging
    from it (relative, adverbial, reported), so "la guerre de la Russie" in a relative clause is not a party."""
    head = verb_of(token)
    keep: set[int] = set()

    def walk(word: Token) -> None:
        keep.add(word.i)
        for child in word.children:
            inside = child.left_edge.i <= token.i <= child.right_edge.i
            if child.dep_ not in CLAUSE_DEPS or inside:
                walk(child)

    walk(head)
    return keep


def clause_subjects(trigger: Token) -> list[Token]:
    clause = clause_of(trigger)
    return [t for t in trigger.sent if t.i in clause and t.dep_.startswith("nsubj")]


def is_infinitive(verb: Token) -> bool:
    """ "doit se rendre", "pour rencontrer", "avant de tenir": a verb that shares its subject and its day
    with the verb it hangs from."""
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm")):
        return True
    # "Elles sont convenues de conclure…", when the model reads the participle as a noun with a subject.
    if verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm"):
        return any(c.dep_.startswith("nsubj") for c in verb.head.children)
    # "ont relancé en juillet 2022 le gazoduc en signant un mémorandum": a gerund, likewise.
    gerund = verb.lower_.endswith("ant") and any(c.lower_ == "en" and c.dep_ == "mark" for c in verb.children)
    return verb.dep_ == "advcl" and gerund


def governing_subjects(verb: Token) -> list[Token]:
    """ "M. Macron doit se rendre à Libreville", "s'est rendu à Berlin pour rencontrer…": the subject of the
    verb an infinitive hangs from."""
    # "Reçu mardi à Tokyo par la Première ministre, le président kényan a assisté…": an opening participle's too.
    opening = verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") and verb.i < verb.head.i
    return [t for t in verb.head.children if t.dep_.startswith("nsubj")] if is_infinitive(verb) or opening else []


def has_tense_auxiliary(verb: Token) -> bool:
    return any(c.dep_ == "aux:tense" for c in verb.children)


def is_person_word(token: Token) -> bool:
    """ "au président mauritanien", "à son homologue", "à Mohammed VI": a person, not a place."""
    return token.lower_ in ROLE_WORDS | {"homologue"} or token.ent_type_ in ("PER", "PERSONNE")


def after_etre(token: Token) -> bool:
    """ "est attendu", which the small model may read as an adjective after a copula."""
    return any(c.lemma_ == "être" and c.dep_ in ("cop", "aux:pass") for c in token.children)


def passive(verb: Token) -> bool:
    """ "a été reçu", "est attendu", and a bare participle opening the sentence ("Reçu mardi par…, M. X…")."""
    opening = verb.dep_ == "advcl" and verb.i < verb.head.i and not any(c.pos_ == "AUX" for c in verb.children)
    return "Pass" in verb.morph.get("Voice") or after_etre(verb) or (opening and "Part" in verb.morph.get("VerbForm"))


def is_verbal(token: Token) -> bool:
    """A verb, or a participle the small model reads as an adjective or a noun ("ont paraphé", "ont en outre
    paraphé")."""
    if token.pos_ == "VERB" or (token.pos_ == "ADJ" and any(c.dep_.startswith("aux") for c in token.children)):
        return True
    return token.pos_ in ("ADJ", "NOUN") and _misread_participle(token) is not None


# Words that may stand between "ont" and its participle: "ont en outre paraphé", "a par ailleurs signé".
_BETWEEN_AUXILIARY = frozenset("en outre par ailleurs également aussi déjà enfin ensuite notamment".split())


def _misread_participle(token: Token) -> str | None:
    """The infinitive of a first-group participle after "avoir" that the model read as another word."""
    match = re.fullmatch(r"(\w+)é(?:e|s|es)?", token.lower_)
    if match is None:
        return None
    for word in reversed(token.doc[max(token.sent.start, token.i - 5) : token.i]):
        if word.lower_ in AVOIR_FORMS:
            return match[1] + "er"
        if word.lower_ not in _BETWEEN_AUXILIARY:
            return None
    return None


def trigger_lemma(token: Token) -> str:
    """The lemma, mended where the small model reads a participle as an adjective or a noun ("se sont
    entretenues", "sont convenus de")."""
    if token.pos_ in ("ADJ", "NOUN") and token.lower_.startswith(("entretenu", "convenu")):
        return "entretenir" if token.lower_.startswith("entretenu") else "convenir"
    if token.lower_ in VISIT_NOUNS | MEETING_NOUNS:
        return token.lower_  # "escale" read as an adjective "escal", "tête-à-tête" as "tête à tête"
    if token.pos_ in ("ADJ", "NOUN") and (infinitive := _misread_participle(token)) is not None:
        return infinitive
    return token.lemma_.lower()


def reflexive_or_visit(token: Token) -> bool:  # "se rendre", "se déplacer", "visiter"
    return token.lemma_ == "visiter" or any(c.lower_ in ("se", "s'", "s’") for c in token.children)


def subject_word(word: Token) -> bool:
    """The subject, or one of the subjects joined by "et"."""
    return word.dep_.startswith("nsubj") or (word.dep_ == "conj" and word.head.dep_.startswith("nsubj"))


def own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, with one the small model hangs on an auxiliary ("Les ministres … des deux pays ont
    pour leur part paraphé…")."""
    words = (verb, *(c for c in verb.children if c.dep_.startswith("aux")))
    subjects = [c for word in words for c in word.children if c.dep_.startswith("nsubj")]
    # "Ils sont en revanche convenus de…", read as a noun "revanche" with a subject and the participle after it.
    if not subjects and verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ == "NOUN":
        subjects = [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return subjects


def points_back(phrase: Token) -> bool:
    """ "les deux chefs d'État", "les ministres de l'Intérieur des deux pays", "leurs ministres"."""
    return any(
        anaphoric_head(word) and any(c.lower_ in ("deux", "leurs") for c in word.children) for word in phrase.subtree
    )


def anaphoric_head(word: Token) -> bool:
    # By the word as well as its lemma: the small model may lemmatise "parties" as "parti".
    return word.lemma_.lower() in ANAPHORIC_HEADS or word.lower_ in ANAPHORIC_HEADS


def anaphoric_subject(verb: Token, plural: bool = False) -> bool:
    """A subject that only points back: "ils", "les deux pays", "les deux chefs d'État" (an infinitive's is
    the one of the verb it hangs from: "les deux présidents … avant de présider la signature")."""
    for child in own_subjects(verb) or governing_subjects(verb):
        if child.dep_.startswith("nsubj"):
            if child.pos_ == "PRON" and (not plural or "Plur" in child.morph.get("Number")):
                return True
            if points_back(child):
                return True
    return False


def verb_of(token: Token) -> Token:
    """The verb whose clause a word belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT" and token.head.i != token.i:
        token = token.head
    return token


def main_verb_of(verb: Token) -> Token | None:
    """The verb of the clause a relative, coordinated or adverbial clause hangs from."""
    clause_verb = verb.head if verb.dep_ == "xcomp" else verb  # "où il doit s'entretenir"
    # "…à Libreville, où il rencontrera…" is a relative clause even when the small model reads a complement.
    relative = clause_verb.dep_ == "ccomp" and any(c.lower_ == "où" for c in clause_verb.children)
    return verb_of(clause_verb.head) if clause_verb.dep_ in ("acl:relcl", "conj", "advcl") or relative else None


def background(word: Token) -> bool:
    """A pluperfect ("avait signé", "s'était rendu") tells what came before the story's day."""
    verb = verb_of(word)
    if verb.dep_ == "ccomp":
        return False  # "a annoncé que les deux pays étaient convenus…": the tense follows the report's
    return any(c.pos_ == "AUX" and c.morph.get("Tense") == ["Imp"] for c in verb.children)
