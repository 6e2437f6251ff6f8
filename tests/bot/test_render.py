"""Every reply, for any line a user can type, is a message Discord accepts and that pings nobody."""

import pytest

from bot.commands import answer_line
from bot.render import COLOURS, EPHEMERAL
from facts.catalog import Catalog
from facts.model import PARTS, Entity, Fact, Participant, Source
from facts.store import FactStore
from tests.discord_spec import validate_message

EU_JAPAN = "Partenariat de sécurité et de défense UE–Japon"

# (line as typed, whether the reply is an answer rather than an error)
LINES = [
    ("/accord Japon UE", True),
    ("/accord UE Japon", True),
    ("/ACCORD Japon UE", True),
    ("/accord Japon Ukraine", True),
    ("/accord #4", True),
    ("/accord 4", True),
    ("/accord 999", False),
    ("/accord #2", False),
    ("/accord", False),
    ("/accord    ", False),
    ("/visite Iwaya", True),
    ("/visite Kyiv", True),
    ("/visite Borrell Corée", True),
    ("/visite #2", True),
    ("/rencontre Zelensky", True),
    ("/rencontre Kishida Zelensky", True),
    ("/rencontre New York", True),
    ("/personne Iwaya", True),
    ("/personne Takeshi Iwaya", True),
    ("/personne Sybiha", True),
    ("/personne xyzzy", False),
    ("/chercher où a été signé l'accord Japon UE ?", True),
    ("/chercher qui a signé l'accord Japon UE ?", True),
    ("/chercher quand l'accord Japon UE entre-t-il en vigueur ?", True),
    ("/chercher de quoi parle l'accord Japon Ukraine ?", True),
    ("/chercher mines", True),
    ("/chercher #14", True),
    ("/chercher", False),
    ("/chronologie Japon Ukraine", True),
    ("/chronologie Iwaya", True),
    ("/chronologie Atlantide", False),
    ("/source 4", True),
    ("/source #4", True),
    ("/source n°1", True),
    ("/source 999", False),
    ("/source Borrell Tokyo", True),
    ("/source", False),
    ("/aide", True),
    ("aide", True),
    ("/inconnue Japon", False),
    ("", False),
    ("   ", False),
    ("/", False),
    ("/accord " + "x" * 300, False),
    ("/chercher " + "Japon " * 50, False),
    ("/accord @everyone", False),
    ("/visite <@123>", False),
    ("/rencontre <@&456> @here", False),
    ("/chercher **gras** _italique_ `code` ||spoiler||", False),
    ("/accord 🇯🇵🇪🇺", False),
    ("/personne 👤🤝", False),
    ("/chercher !!!???...", False),
    ("/accord ,;:!", False),
]


@pytest.fixture(scope="module")
def seed_catalog(tmp_path_factory) -> Catalog:
    return Catalog.from_store(FactStore.open(tmp_path_factory.mktemp("render") / "db.json"))


def fields_by_name(embed: dict) -> dict[str, str]:
    return {field["name"]: field["value"] for field in embed.get("fields", [])}


@pytest.mark.parametrize(("line", "ok"), LINES)
def test_reply_is_a_valid_discord_message(seed_catalog, line, ok):
    reply = answer_line(seed_catalog, line)
    validate_message(reply.payload)
    assert reply.ok is ok


@pytest.mark.parametrize(("line", "ok"), LINES)
def test_reply_never_pings_anyone(seed_catalog, line, ok):
    assert answer_line(seed_catalog, line).payload["allowed_mentions"] == {"parse": []}


@pytest.mark.parametrize(("line", "ok"), [case for case in LINES if not case[1]])
def test_error_reply_is_ephemeral(seed_catalog, line, ok):
    assert answer_line(seed_catalog, line).payload.get("flags") == EPHEMERAL == 64


def test_accord_japan_eu_shows_the_partnership(seed_catalog):
    embed = answer_line(seed_catalog, "/accord Japon UE").payload["embeds"][0]
    fields = fields_by_name(embed)
    assert EU_JAPAN in embed["title"]
    assert fields["Date"] == "1er novembre 2024"
    assert "Tokyo" in fields["Lieu"]
    assert fields["Entrée en vigueur"] == "1er janvier 2025"
    assert "Borrell" in fields["Signataires"]
    assert "Iwaya" in fields["Signataires"]
    assert embed["color"] == COLOURS["accord"]
    assert "Fait n°" in embed["footer"]["text"]


@pytest.mark.parametrize(
    ("question", "first_field", "expected"),
    [
        ("quand l'accord Japon UE entre-t-il en vigueur ?", "Entrée en vigueur", "1er janvier 2025"),
        ("où a été signé l'accord Japon UE ?", "Lieu", "Tokyo"),
        ("qui a signé l'accord Japon UE ?", "Signataires", "Borrell"),
    ],
)
def test_question_puts_the_asked_field_first(seed_catalog, question, first_field, expected):
    payload = answer_line(seed_catalog, f"/chercher {question}").payload
    embed = payload["embeds"][0]
    assert EU_JAPAN in embed["title"]
    assert embed["fields"][0]["name"] == first_field
    assert expected in embed["fields"][0]["value"]
    assert expected in payload["content"]


def test_who_signed_names_both_signatories(seed_catalog):
    content = answer_line(seed_catalog, "/chercher qui a signé l'accord Japon UE ?").payload["content"]
    assert "Borrell" in content
    assert "Iwaya" in content


# A fact far beyond anything real, to check every Discord limit is enforced by the renderer.
LONG = 4000


def stress_people() -> dict[str, Entity]:
    return {
        f"personne:stress{i}": Entity(
            id=f"personne:stress{i}",
            kind="personne",
            name=f"Stress{i} Délégué",
            aliases=tuple(f"Alias{i}x{j} " + "a" * 150 for j in range(12)),
            roles=tuple(f"rôle {j} " + "r" * 300 for j in range(20)),
            country="JP",
        )
        for i in range(30)
    }


def stress_catalog() -> Catalog:
    people = stress_people()
    giant = Fact(
        id=1,
        kind="accord",
        title="Accord géant " + "T" * 300,
        status="signé",
        nature="n" * 300,
        parties=("pays:JP", "pays:UA"),
        people=tuple(
            Participant(entity_id, role="r" * 200, part=PARTS[i % len(PARTS)]) for i, entity_id in enumerate(people)
        ),
        place="pays:JP",
        date="2024-11-01",
        date_in_force="2025-01-01",
        topics=tuple(f"domaine {i} " + "d" * 40 for i in range(50)),
        summary="S" * LONG,
        sources=tuple(
            Source(
                article=f"article_{i}_" + "a" * 100 + ".txt",
                quote="Q" * LONG,
                url=f"https://example.org/{i}",
                published="2024-11-01",
                start=0,
                end=LONG,
            )
            for i in range(30)
        ),
    )
    others = [
        Fact(
            id=number,
            kind="accord",
            title=f"Autre accord Japon {number} " + "o" * 250,
            status="signé",
            parties=("pays:JP",),
            people=(Participant("personne:stress3", part="signataire"),),
            summary="Japon",
        )
        for number in range(2, 40)
    ]
    return Catalog(people, [giant, *others])


@pytest.mark.parametrize(
    "line",
    [
        "/accord 1",
        "/accord Japon",
        "/chercher Japon Ukraine",
        "/chercher qui a signé l'accord géant ?",
        "/chercher quand l'accord géant entre-t-il en vigueur ?",
        "/source 1",
        "/personne Stress3 Délégué",
        "/chronologie Japon",
    ],
)
def test_huge_fact_still_fits_discord_limits(line):
    reply = answer_line(stress_catalog(), line)
    assert reply.ok
    validate_message(reply.payload)
