"""Hostile text in every input the bot reads, checked without Discord (the interaction tests do it again
through discord.py): each reply is a message Discord accepts that pings nobody and shows stored text
inert, nothing raises, and input that is refused leaves the store byte for byte as it was."""

from hypothesis import event, given, settings
from hypothesis import strategies as st

from bot import render
from bot.commands import COMMANDS, help_payload
from bot.exts.moderation import MAX_BOX
from facts import answers, editing
from facts.answers import FactList, Help, SourceList
from facts.catalog import Catalog
from facts.completion import complete
from facts.forms import BOXES, record_from_form
from facts.interchange import MAX_QUOTE, MAX_SUMMARY, MAX_TITLE, InvalidDocument, import_document
from facts.model import KINDS, PARTS, STATUSES
from facts.storage import StoreError
from tests.discord_spec import validate_autocomplete, validate_message
from tests.hostile import assert_inert, hostile_text

SERVER = 100_000_000_000_000_001
FOCUSES = (None, "date", "date_in_force", "place", "people", "topics")
FORM = {
    "title": "Accord France–Maroc sur l'eau",
    "parties": "France, Maroc",
    "people": "Aziz Akhannouch — chef du gouvernement marocain [signataire]",
    "when_where": "28 octobre 2024, Rabat",
    "source": "« La France et le Maroc ont signé un accord sur l'eau. »\nhttps://exemple.fr/eau",
}


def sometimes_valid(valid: str, max_size: int) -> st.SearchStrategy[str]:
    """Valid text, hostile text, or valid text with hostile text around it: most examples then reach
    the store instead of stopping at the first check."""
    hostile = hostile_text(max_size=max_size)
    spiked = st.builds(lambda before, after: (before + valid + after)[:max_size], hostile, hostile)
    return st.one_of(st.just(valid), hostile, spiked)


def shown(payload: dict) -> dict:
    validate_message(payload)
    assert_inert(payload)
    return payload


def every_view_of(catalog: Catalog, fact) -> list[dict]:
    """The fact as each reply that shows it lays it out."""
    views = [render.render(catalog, FactList(fact.kind, "", (fact, fact), focus)) for focus in FOCUSES]
    views.append(render.render(catalog, SourceList(fact)))
    views.append(render.change_message(catalog, fact, "ajouté", "modo (1)", "serveur", [catalog.name(fact.place)]))
    views.append(render.history_message(catalog, fact.id, []))
    return views


@settings(max_examples=80)
@given(name=st.sampled_from(sorted(COMMANDS)), query=hostile_text())
def test_any_query_to_any_command_is_answered_validly(catalog, name, query):
    result = COMMANDS[name].answer(catalog, query)  # not through bot.commands: it would hide a crash
    shown(help_payload() if isinstance(result, Help) else render.render(catalog, result))


@settings(max_examples=60)
@given(name=st.sampled_from([name for name, command in COMMANDS.items() if command.option_description]),
       typed=hostile_text())  # fmt: skip
def test_any_typed_text_gets_valid_suggestions(catalog, name, typed):
    validate_autocomplete([{"name": choice.name, "value": choice.value} for choice in complete(catalog, name, typed)])


@settings(max_examples=40)
@given(message=hostile_text())
def test_any_message_gets_valid_related_facts(catalog, message):
    shown(render.render(catalog, answers.faits_lies(catalog, message)))


def one_box_spoiled(key: str) -> st.SearchStrategy[dict[str, str]]:
    limit = MAX_BOX[key]
    return sometimes_valid(FORM[key], limit).map(lambda text: FORM | {key: text})


# One box spoiled (most reach the store) or all of them at once.
forms = st.one_of(
    st.sampled_from(sorted(FORM)).flatmap(one_box_spoiled),
    st.fixed_dictionaries({box.key: sometimes_valid(FORM[box.key], box.max_length) for box in BOXES}),
)


@settings(max_examples=120)
@given(kind=st.sampled_from(KINDS), status=st.one_of(st.none(), st.sampled_from(STATUSES["visite"])), form=forms)
def test_any_form_is_stored_and_shown_inert_or_refused_leaving_the_store_as_it_was(seed_store, kind, status, form):
    before = seed_store.path.read_bytes()
    try:
        fact = editing.add(seed_store, record_from_form(kind, form, status), editing.Editor("modo (1)", SERVER))
    except (InvalidDocument, StoreError) as refusal:
        event("refusé")
        shown(render.error_message(str(refusal), "Formulaire à corriger"))
        assert seed_store.path.read_bytes() == before
        return
    for view in every_view_of(Catalog.from_store(seed_store, SERVER), fact):
        shown(view)


people = st.fixed_dictionaries(
    {"name": sometimes_valid("Takeshi Iwaya", 100), "role": hostile_text(max_size=300), "part": st.sampled_from(PARTS)}
)
sources = st.fixed_dictionaries(
    {"article": sometimes_valid("asahi-2024.txt", 200), "quote": sometimes_valid("Ils ont signé l'accord.", MAX_QUOTE)},
    optional={"url": st.one_of(st.just("https://exemple.fr/a_b"), hostile_text(max_size=300))},
)
records = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(KINDS),
        "title": sometimes_valid("Accord de test", MAX_TITLE),
        "parties": st.lists(sometimes_valid("Japon", 100), max_size=3),
        "sources": st.lists(sources, min_size=1, max_size=2),
    },
    optional={
        "people": st.lists(people, max_size=2),
        "place": sometimes_valid("Tokyo", 100),
        "date": st.one_of(st.sampled_from(["2024-11-01", "2024-11", "2025"]), hostile_text(max_size=40)),
        "topics": st.lists(hostile_text(max_size=200), max_size=3),
        "nature": hostile_text(max_size=200),
        "summary": sometimes_valid("Un résumé.", MAX_SUMMARY),
    },
)


@settings(max_examples=120)
@given(record=records)
def test_any_imported_record_is_stored_and_shown_inert_or_refused_leaving_the_store_as_it_was(seed_store, record):
    before = seed_store.path.read_bytes()
    try:
        report = import_document(seed_store, {"facts": [record]}, who="import")
    except (InvalidDocument, StoreError) as refusal:
        event("refusé")
        shown(render.error_message(str(refusal), "Import refusé"))
        assert seed_store.path.read_bytes() == before
        return
    catalog = Catalog.from_store(seed_store)
    for fact in report.facts:
        for view in every_view_of(catalog, fact):
            shown(view)
