"""When each event happened: its own date mention, or the day the story was at when it was told."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from facts.extraction.draft import Draft
from facts.extraction.grammar import background, clause_of, is_infinitive, postponed, trigger_lemma, verb_of
from facts.extraction.names import Mention, Reading, host_country, placed
from facts.extraction.vocabulary import AGREEMENT_NOUNS, DEMONSTRATIVES, MEETING_NOUNS, NOMINAL, VISIT_NOUNS
from facts.when import SAME_DAY, DateMention, next_to

# "d'ici l'été", "jusqu'en 2027", "avant la fin de l'année": a deadline or a span, not the event's day.
BY_THEN = re.compile(r"\bd['’]ici\s*(?:le|la|l['’]|les)?\s*$", re.I)
END_OF_YEAR = re.compile(r"(?:la\s+)?fin\s+(?:d['’]|de\s+l['’])ann", re.I)
DEADLINE = re.compile(r"(?:\bd['’]ici|\bjusqu['’](?:à|au|en)?|\bavant)\s*(?:le|la|l['’]|les)?\s*$", re.I)
ENDING_VERBS = frozenset("achever terminer clore boucler conclure".split())
ARRIVALS = frozenset(("arriver", "atterrir"))


def _ended(draft: Draft) -> bool:
    """ "a achevé lundi une visite au Kenya" (but "achèvera vendredi sa tournée à Buenos Aires" is the day of
    that last stop)."""
    ending = draft.kind == "visite" and trigger_lemma(draft.trigger.head) in ENDING_VERBS
    return ending and trigger_lemma(draft.trigger) != "tournée"


def _deadline(text: str, mention: DateMention, planned: bool) -> bool:
    """ "jusqu'en 2027", "avant l'été": not the event's day. "À la fin de l'année" is, and "devrait être conclu
    d'ici 2027" the latest a planned event is expected; a done event's "d'ici" is what it commits to."""
    before = text[: mention.start]
    if BY_THEN.search(before):
        # A done event's "d'ici la fin de l'année" is what it commits to: "se sont engagés à supprimer d'ici…".
        return not planned
    return not END_OF_YEAR.match(text[mention.start : mention.end]) and bool(DEADLINE.search(before))


def date_for(draft: Draft, mentions: list[DateMention], doc: Doc, sentence: Span) -> str | None:
    """The date in the event's own clause; else a date that opens the sentence ("En septembre, …"), unless
    the event sits in a relative clause or happened before ("après s'être rendu…")."""
    planned = draft.status in ("prévu", "prévue")
    resolved = [m for m in mentions if m.value and not _deadline(sentence.text, m, planned)]
    if not resolved:
        return None
    if _ended(draft):
        return None  # "a achevé lundi une visite": the day it ended; the day it began is told elsewhere
    if draft.later_stop and any(m.value and len(m.value) == 10 for m in resolved):
        return None  # "a entamé mardi une tournée au Kazakhstan, en Ouzbékistan…": Tuesday is the first stop
    clause = clause_of(draft.anchor or draft.trigger)
    verb = verb_of(draft.anchor or draft.trigger)
    # "a annoncé mercredi que les deux pays étaient convenus de…": what is reported is dated by the report.
    # "a été reçu dimanche par Yunus, avant de tenir des pourparlers…": an infinitive shares its main verb's day.
    infinitive = is_infinitive(verb)
    # "La dernière visite remontait à novembre 2012, lorsque X s'était rendue à Dacca": the "when" clause's day.
    when = verb.dep_ == "advcl" and any(c.lower_ in ("lorsque", "lorsqu'", "lorsqu’", "quand") for c in verb.children)
    # "ont enterré mardi leur différend en signant…": the gerund may hang on a noun of the clause it shares.
    reporting = clause_of(verb_of(verb.head)) if verb.dep_ == "ccomp" or infinitive or when else set()
    # "ont officialisé mardi leur partenariat", even when the model makes the weekday the sentence's head.
    clause = clause | {verb.i + 1}
    reporting = reporting | {verb_of(verb.head).i + 1} if reporting else reporting
    # "M. Abiy, arrivé mercredi soir pour une visite officielle, a été accueilli…": a visit begins on arrival.
    arrivals = [t for t in sentence if draft.kind == "visite" and t.dep_ == "acl" and t.lemma_ in ARRIVALS]
    own = {t.i for arrival in arrivals for t in arrival.subtree}
    # "après la visite de ce dernier à Tokyo fin août": a noun's own date comes before its clause's.
    own |= _own_phrase(draft.trigger) if draft.trigger.pos_ in NOMINAL else set()
    for scope in (own, clause, reporting):
        for mention in resolved:
            span = doc.char_span(sentence.start_char + mention.start, sentence.start_char + mention.end,
                                 alignment_mode="expand")  # fmt: skip
            if span is None or _dates_another(span, draft):
                continue
            scheduled = scope is clause and any(_scheduling(t, draft) for t in span.root.ancestors)
            if not scheduled and not any(t.i in scope for t in span):
                continue
            # "sa première visite depuis son entrée en fonctions en mars": since when, not when.
            since = any(c.lower_ == "depuis" for t in (span.root, *span.root.ancestors) for c in t.children)
            if not since:
                return mention.value
    earlier = any(t.lower_ in ("après", "avant") for t in draft.trigger.head.subtree if t.i < draft.trigger.i)
    if earlier and draft.kind == "visite":
        # Before a dated event, in the same trip: the month is known, the day is not.
        return resolved[0].value[:7] if len(resolved[0].value) >= 7 else resolved[0].value
    # A date that opens the sentence, alone or after the participle it hangs from ("Reçu mercredi au palais
    # par Xi Jinping, M. Zardari a assisté à la signature…"), dates what the sentence then tells.
    opening = resolved[0] is mentions[0] and len(sentence.text[: mentions[0].start].split()) <= 1
    if opening and draft.trigger.dep_ != "acl:relcl":
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


OCCASION_NOUNS = MEETING_NOUNS | VISIT_NOUNS | {"cérémonie", "réunion", "sommet"}


def _scheduling(word: Token, draft: Draft) -> bool:
    """ "lors d'une cérémonie prévue cet été", "lors de la visite à Washington du Premier ministre, prévue en
    octobre": the day the event's occasion is set for is the event's."""
    if word.lemma_.lower() != "prévoir":
        return False
    clause = clause_of(draft.anchor or draft.trigger)
    heads = [word.head, *list(word.head.ancestors)[:2]]  # the participle may hang on the occasion's last noun
    occasion = next((h for h in heads if h.lemma_.lower() in OCCASION_NOUNS), None)
    if occasion is None or occasion.i not in clause:
        return False
    # "La visite…, prévue en octobre" is the visit's own day; "initialement prévue en mars" is not its day.
    return occasion.i != draft.trigger.i or not postponed(word)


def _dates_another(span: Span, draft: Draft) -> bool:
    """ "le président gabonais, élu en avril", "arrivé dimanche à Luanda, il a eu lundi un entretien": a
    date right after another participle than the event's own belongs to that participle."""
    verb = verb_of(draft.anchor or draft.trigger)
    # The event's own words, and the verb whose day it shares ("reçu dimanche…, avant de tenir…").
    own = {draft.trigger.i, (draft.anchor or draft.trigger).i, verb.i, verb.head.i, verb_of(verb.head).i}
    own |= {t.i for t in span.sent if draft.kind == "visite" and t.lemma_ in ARRIVALS}  # "arrivé mercredi"
    for word in span.doc[max(span.sent.start, span.start - 2) : span.start]:
        participle = "Part" in word.morph.get("VerbForm") or word.lower_.endswith(PARTICIPLE_ENDINGS)
        if participle and word.pos_ in ("VERB", "ADJ", "NOUN") and word.i not in own and not _scheduling(word, draft):
            return True
    return False


def in_force_date(sentence: Span, mentions: list[DateMention]) -> str | None:
    if any(t.lemma_ == "vigueur" for t in sentence):
        return next((m.value for m in mentions if m.value), None)
    return None


@dataclass
class Timeline:
    """The days an article gives beyond each event's own clause: the lead's, and the day of each stop of a
    trip ("arrivé jeudi à Asunción", "une tournée qu'il a entamée lundi à Lima")."""

    lead: tuple[int, str] | None = None  # (sentence start, day)
    stops: dict[str, str] = field(default_factory=dict)  # host country → the day the story was there
    day_told: str | None = None  # the last day an earlier sentence of the story gave
    date_told: str | None = None  # the last date of any precision an earlier sentence gave
    # What "y" stands for: the last place an earlier sentence named, with the day it gave, read in the past
    # and in the future ("La tournée doit s'achever jeudi à Riyad. Un accord doit y être signé").
    there: tuple[str | None, str | None, str | None] | None = None

    def next_to_story_day(self, sentence: Span) -> str | None:
        """ "La veille (du sommet)", "le lendemain": the day before or after the one just told ("Arrivé lundi…
        Le lendemain, il a signé…"), else the lead's."""
        day = self.day_told or (self.lead[1] if self.lead is not None else None)
        return next_to(sentence.text, day) if day else None

    def same_day(self, draft: Draft, sentence_drafts: list[Draft]) -> str | None:
        """ "Le Kenya a reçu le même jour un soutien : la Banque mondiale et le Trésor ont conclu un accord": the
        day the story is about, the lead's; "Le même jour, elle avait rencontré…", in the story's past, the day
        just told. But "a tenu des pourparlers avec X, avec qui il a signé le jour même" is the day of the event
        before it in the sentence, whatever that day is."""
        said = SAME_DAY.search(draft.sentence.text)
        if said is None or draft.sentence.start_char + said.start() > draft.trigger.idx:
            return None
        if any(d.trigger.i < draft.trigger.i for d in sentence_drafts if d is not draft):
            return None
        if background(draft.trigger):
            return self.day_told
        return self.lead[1] if self.lead is not None else None

    def tell(self, days: list[str | None]) -> None:
        self.day_told = next((day for day in days if day and len(day) == 10), self.day_told)
        self.date_told = next((day for day in days if day), self.date_told)

    def remember_place(self, mentions: list[Mention], past: list[DateMention], future: list[DateMention]) -> None:
        places = [m for m in mentions if m.kind in ("lieu", "pays") and placed(m)]
        if places:
            first_day = [next((m.value for m in dates if m.value), None) for dates in (past, future)]
            self.there = (places[-1].entity_id, *first_day)

    def locate_there(self, draft: Draft) -> None:
        """ "MM. Erdogan et Mohammed ben Zayed y ont donné leur feu vert": the event takes the place "y" stands
        for, and the day given with it when it has none of its own."""
        trigger = draft.trigger
        before = trigger.doc[max(trigger.sent.start, trigger.i - 4) : trigger.i]
        if self.there is None or not any(t.lower_ == "y" and t.pos_ == "PRON" for t in before):
            return
        place, past_day, future_day = self.there
        draft.place = draft.place or place
        draft.date = draft.date or (future_day if draft.status in ("prévu", "prévue") else past_day)

    def then(self, draft: Draft) -> str | None:
        """ "Les deux pays avaient alors signé…": the date the sentence before gave."""
        verb = verb_of(draft.trigger)
        return self.date_told if any(c.lower_ == "alors" for c in verb.children) else None

    def read(self, sentence: Span, mentions: list[Mention], dates: list[DateMention], reading: Reading) -> None:
        places = [m for m in mentions if m.kind in ("lieu", "pays") and placed(m)]
        for mention in (m for m in dates if m.value and len(m.value) == 10):
            span = sentence.doc.char_span(sentence.start_char + mention.start, sentence.start_char + mention.end,
                                          alignment_mode="expand")  # fmt: skip
            if span is None:
                continue
            # "entamée lundi à Lima": a weekday the small model reads as a participle belongs to its head.
            clause = clause_of(span.root.head if span.root.pos_ == "VERB" else span.root)
            # Of places named together ("au Kazakhstan, en Ouzbékistan…"), the day is the first one's.
            for place in (p for p in places if p.span.root.i in clause and p.span.root.dep_ != "conj"):
                for country in host_country(place, reading):
                    self.stops.setdefault(country, mention.value)


def inherit_dates(drafts: list[Draft], timeline: Timeline) -> None:
    """An undated past event takes the day of the trip's stop it happened at, else the date of the nearest
    dated event sharing one of its people: the article tells one person's day in several sentences
    ("a également convenu avec…")."""
    lead = timeline.lead
    for draft in drafts:
        if draft.date or draft.status in ("prévu", "prévue") or background(draft.anchor or draft.trigger):
            continue
        if _ended(draft):
            continue  # its start is not told, and any day this article lends would be another
        # "Reçu mardi…, M. Lee a assisté à la signature d'un accord. Un second texte … a été signé": an agreement
        # takes the day of the event between the same sides told just before, over the day the trip began.
        just_before = [
            other
            for other in drafts
            if draft.kind == "accord" and other.date and len(other.date) == 10
            and set(other.parties) == set(draft.parties)
            and other.sentence.end == draft.sentence.start and not background(other.anchor or other.trigger)
        ]  # fmt: skip
        if just_before:
            draft.date = just_before[-1].date
            continue
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


POINTING_BACK = DEMONSTRATIVES | {"leur", "leurs"}  # "à cette occasion", "lors de leur rencontre"


def date_of_event_referred(draft: Draft, earlier: list[Draft]) -> str | None:
    """ "À l'issue de ces pourparlers", "à cette occasion", "lors de cette même visite": the day of the
    event told just before, of the kind the words name; "ont également été signés": the day of the one of
    the same kind (a day, not a month: "en septembre, … étaient parvenus à un accord" is background)."""
    verb = verb_of(draft.trigger)
    if any(c.lower_ in ("également", "aussi") for c in verb.children):
        same = [d for d in earlier if d.date and d.kind == draft.kind and d.sentence.start < draft.sentence.start]
        return same[-1].date if same and len(same[-1].date) == 10 else None
    for word in draft.sentence:
        lemma = word.lemma_.lower()
        named = lemma in VISIT_NOUNS or lemma in MEETING_NOUNS or lemma == "occasion"
        if not named or not any(c.lower_ in POINTING_BACK for c in word.children):
            continue
        kind = "visite" if lemma in VISIT_NOUNS else "rencontre" if lemma in MEETING_NOUNS else None
        told = [
            d
            for d in earlier
            if d.date and (kind is None or d.kind == kind) and d.sentence.start < draft.sentence.start
        ]
        return told[-1].date if told else None
    return None
