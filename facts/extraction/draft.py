"""An event as read from a sentence, before it becomes a proposed fact."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from facts.model import Participant

# How sure a proposal of each kind starts out; a date and two sides add to it.
CONFIDENCE = {"accord": 0.6, "visite": 0.55, "rencontre": 0.5}


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
    # Told as one not met before: "un accord sur la pêche" after the opening sentence, which the lead retells.
    introduced: bool = False
    added: bool = False  # "a aussi signé un accord…", "dont un accord": one more, not the one told before
    # Its sides are the story's (the ones it was last about), for want of two its sentence names.
    sides_borrowed: bool = False

    @property
    def sentences(self) -> list[Span]:
        return [self.sentence, *self.also_in]
