"""The terminal rendering of a payload shows what Discord would show, markdown applied."""

import io

import pytest
from rich.console import Console

from bot.commands import answer_line
from bot.console import print_payload

PAYLOAD = {
    "content": "**Accord Japon–UE** entre en vigueur le `1er janvier 2025`.",
    "embeds": [
        {
            "title": "🇪🇺 🇯🇵 Partenariat de sécurité",
            "description": "Premier accord de cette nature, voir [lien](https://example.org) et [/].",
            "color": 0x1F6FEB,
            "fields": [
                {"name": "Date", "value": "1er novembre 2024", "inline": True},
                {"name": "Lieu", "value": "Tokyo", "inline": True},
                {"name": "Statut", "value": "signé", "inline": True},
                {
                    "name": "Signataires",
                    "value": "Josep Borrell\nIwaya Takeshi\nUn troisième",
                    "inline": False,
                },
            ],
            "footer": {"text": "Fait n°1 · accord"},
        }
    ],
    "allowed_mentions": {"parse": []},
}


def render(payload: dict, styles: bool = False) -> str:
    console = Console(record=True, width=100, file=io.StringIO())
    print_payload(console, payload)
    return console.export_text(styles=styles)


def lines(text: str) -> list[str]:
    return [line.strip("│ ") for line in text.splitlines()]


def test_shows_title_content_description_and_footer():
    text = render(PAYLOAD)
    assert "🇪🇺 🇯🇵 Partenariat de sécurité" in text
    assert "Accord Japon–UE entre en vigueur le 1er janvier 2025." in text
    assert "Premier accord de cette nature" in text
    assert "Fait n°1 · accord" in text


@pytest.mark.parametrize(
    ("name", "value"),
    [("Date", "1er novembre 2024"), ("Lieu", "Tokyo"), ("Statut", "signé"), ("Signataires", "Josep Borrell")],
)
def test_shows_field_names_and_values(name, value):
    text = render(PAYLOAD)
    assert name in text
    assert value in text


def test_inline_fields_sit_side_by_side():
    header = next(line for line in lines(render(PAYLOAD)) if line.startswith("Date"))
    assert header.split() == ["Date", "Lieu", "Statut"]


def test_multi_line_field_value_keeps_its_line_breaks():
    rendered = lines(render(PAYLOAD))
    start = rendered.index("Josep Borrell")
    assert rendered[start : start + 3] == ["Josep Borrell", "Iwaya Takeshi", "Un troisième"]


def test_bold_is_rendered_without_asterisks():
    assert "**" not in render(PAYLOAD)
    assert "\x1b[1mAccord Japon–UE\x1b[0m" in render(PAYLOAD, styles=True)


def test_inline_code_is_rendered_without_backticks():
    assert "`" not in render(PAYLOAD)


def test_brackets_are_shown_literally_not_read_as_markup():
    assert "voir [lien](https://example.org) et [/]." in render(PAYLOAD)


@pytest.mark.parametrize(("flags", "shown"), [(64, True), (0, False), (None, False)])
def test_ephemeral_reply_says_only_you_see_it(flags, shown):
    payload = PAYLOAD if flags is None else {**PAYLOAD, "flags": flags}
    assert ("(visible de vous seul)" in render(payload)) is shown


def test_real_accord_reply_renders_its_fields(catalog):
    text = render(answer_line(catalog, "/accord Japon UE").payload)
    for expected in (
        "Partenariat de sécurité et de défense UE–Japon",
        "Entrée en vigueur",
        "1er janvier 2025",
    ):
        assert expected in text
    rendered = lines(text)
    borrell = next(i for i, line in enumerate(rendered) if line.startswith("Josep Borrell"))
    assert rendered[borrell + 1].startswith("Iwaya Takeshi")


def test_real_answer_to_a_question_renders_bold_title_without_asterisks(catalog):
    text = render(answer_line(catalog, "/chercher où a été signé l'accord Japon UE ?").payload)
    assert "Partenariat de sécurité et de défense UE–Japon : 🇯🇵 Tokyo." in text
    assert "**" not in text
