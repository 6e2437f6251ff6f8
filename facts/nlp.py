"""The French NLP pipeline: spaCy's fr_core_news_sm, loaded once and only when extraction needs it,
with an entity ruler fed by the same alias table as the matcher, so extraction and lookups agree on names.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from facts.model import Entity

RULER = "diplobot_entities"
_lock = threading.RLock()


@Language.component("diplobot_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions ("photo l") carry no full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@cache
def base_model() -> Language:
    """The statistical model, without our names: loading takes seconds, so it happens once."""
    nlp = spacy.load("fr_core_news_sm")
    # Sentences end at full stops and line breaks, decided before parsing: the small model's parser
    # otherwise cuts "En septembre, le Premier ministre japonais | Fumio Kishida et …" into pieces.
    nlp.add_pipe("sentencizer", before="parser")
    nlp.add_pipe("diplobot_paragraphs", after="sentencizer")
    return nlp


def entity_patterns(entities: Iterable[Entity]) -> list[dict]:
    """Phrase patterns for every name, matched as written: news capitalises names, and lower-case
    forms are words ("réunion", "fin") except the nationality adjectives, which are listed lower-case."""
    return [
        {"label": entity.kind.upper(), "pattern": name, "id": entity.id}
        for entity in entities
        for name in dict.fromkeys(entity.names)
    ]


def pipeline(entities: Iterable[Entity]) -> Language:
    """The model with a ruler for `entities`: names take precedence over the statistical NER, which still
    finds the people and places we do not know yet. The ruler is rebuilt only when the names change."""
    nlp = base_model()
    patterns = entity_patterns(entities)
    fingerprint = hash(tuple((p["id"], p["pattern"]) for p in patterns))
    with _lock:
        if _built.get("names") == fingerprint and RULER in nlp.pipe_names:
            return nlp
        if RULER in nlp.pipe_names:
            nlp.remove_pipe(RULER)
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
        )
        ruler.add_patterns(patterns)
        _built["names"] = fingerprint
    return nlp


_built: dict[str, int] = {}


def parse(entities: Iterable[Entity], text: str) -> Doc:
    """The article parsed with a ruler for `entities`. One at a time: the ruler is shared and replaced when
    the names change, and two servers may ingest at once from the bot's worker threads."""
    with _lock:
        return pipeline(entities)(text)
