"""Autocomplete from the matcher, and the facts related to a chat message."""

import pytest

from facts.aliases import WORD_START_SPAN, AliasIndex
from facts.answers import FactList, NotFound, faits_lies
from facts.completion import MAX_CHOICES, MAX_LENGTH, complete
from facts.model import Entity
from facts.normalize import fold

COMMANDS = ("accord", "visite", "rencontre", "chercher", "source", "personne", "chronologie")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("typed", ["", "j", "jap", "Japon UE", "iwya", "zel", "x" * 300, "@everyone", "???"])
def test_choices_stay_within_discord_limits(catalog, command, typed):
    choices = complete(catalog, command, typed)
    assert len(choices) <= MAX_CHOICES
    for choice in choices:
        assert 1 <= len(choice.name) <= MAX_LENGTH
        assert 1 <= len(choice.value) <= MAX_LENGTH


def test_a_word_being_typed_already_offers_its_facts(catalog):
    names = [choice.name for choice in complete(catalog, "accord", "jap")]
    assert any("UE–Japon" in name for name in names)


def test_a_fact_choice_runs_that_exact_fact(catalog):
    first = complete(catalog, "accord", "Japon UE")[0]
    assert "Partenariat de sécurité et de défense UE–Japon" in first.name
    assert first.value == "#1"


def test_person_choices_are_people_with_their_role(catalog):
    choices = complete(catalog, "personne", "zel")
    assert [choice.value for choice in choices] == ["Volodymyr Zelensky"]
    assert "président" in choices[0].name


def test_message_names_lead_to_their_facts(catalog):
    answer = faits_lies(catalog, "Borrell a signé un truc avec les Japonais, non ?")
    assert isinstance(answer, FactList)
    assert answer.facts[0].title == "Partenariat de sécurité et de défense UE–Japon"
    assert "Josep Borrell" in answer.note


def test_a_message_naming_nobody_says_so(catalog):
    assert isinstance(faits_lies(catalog, "d'accord, on en reparle demain"), NotFound)


def names_by_scanning(index: AliasIndex, typed: str) -> list[str]:
    """What the sorted index of word starts replaced: every name tested in turn, shortest first."""
    key = fold(typed)
    if not key:
        return []
    hits = sorted((len(name), name) for name in index._exact if name.startswith(key) or f" {key}" in f" {name}")
    return list(dict.fromkeys(owner for _, name in hits for owner in index._exact[name]))


@pytest.mark.parametrize(
    "typed", ["j", "jap", "JAPON", "union eu", "cite du", "vatican", "sainte h", "zel", "iwaya t", "etats", "qqq"]
)
def test_name_completion_finds_what_scanning_every_name_found(catalog, typed):
    assert catalog.index.complete(typed, limit=500) == names_by_scanning(catalog.index, typed)[:500]


def test_name_completion_reads_past_the_indexed_span_of_long_names():
    long_name = " ".join(f"mot{n}" for n in range(40))
    index = AliasIndex(
        [Entity("org:long", "organisation", long_name), Entity("org:other", "organisation", "mot1 mot2")]
    )
    typed = long_name[len("mot0 ") :][: WORD_START_SPAN + 20]
    assert index.complete(typed) == ["org:long"] == names_by_scanning(index, typed)
    assert index.complete(typed + "x") == [] == names_by_scanning(index, typed + "x")


def _newest_first(catalog, facts):
    return sorted(facts, key=lambda fact: (catalog.date_key(fact), fact.id), reverse=True)


def test_a_name_being_typed_is_completed_into_its_newest_facts(catalog):
    (ukraine,) = catalog.index.lookup("Ukraine")
    expected = _newest_first(catalog, catalog.facts_involving(ukraine))[:MAX_CHOICES]
    assert [choice.value for choice in complete(catalog, "chercher", "Ukr")] == [f"#{f.id}" for f in expected]


def test_a_name_being_typed_after_another_offers_the_facts_of_both_first(catalog):
    (japan,), (ukraine,) = catalog.index.lookup("Japon"), catalog.index.lookup("Ukraine")
    both = [f for f in catalog.facts_involving(japan) if ukraine in catalog.involved(f)]
    assert both and len(both) < len(catalog.facts_involving(japan))
    values = [choice.value for choice in complete(catalog, "chercher", "Ukraine Jap")]
    assert values[: len(both)] == [f"#{f.id}" for f in _newest_first(catalog, both)]
    assert set(values) == {f"#{f.id}" for f in catalog.facts_involving(japan)}


def test_a_name_being_typed_keeps_to_the_command_kind(catalog):
    (japan,) = catalog.index.lookup("Japon")
    agreements = [f for f in catalog.facts_involving(japan) if f.kind == "accord"]
    values = [choice.value for choice in complete(catalog, "accord", "Jap")]
    assert values == [f"#{f.id}" for f in _newest_first(catalog, agreements)]


def test_a_whole_name_is_still_read_by_the_matcher(catalog):
    # "UE" is a whole name, not the start of one: the matcher ranks the facts of both names first.
    assert complete(catalog, "chercher", "Japon UE")[0].value == "#1"
