"""Articles read from disk: header dates, bodies kept character for character, HTML reduced to its text.

The seed articles (../shared/seeds) are required: without them these tests fail, they never skip.
"""

from pathlib import Path

import pytest

from facts.articles import Article, read_article

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> Path:
    assert SEEDS.is_dir(), f"Articles sources introuvables : {SEEDS} (obligatoires)."
    return SEEDS


def test_inline_header_date_is_split_from_the_first_sentence(seeds):
    path = seeds / "000_a87b4a9185fd4aff.txt"
    article = read_article(path)
    assert article.name == path.name
    assert article.published == "2024-11"
    assert article.url is None
    assert article.text.startswith("Ce document de grande envergure")
    # Only the header goes: the body is the file's own characters, so quote offsets stay valid.
    assert path.read_text(encoding="utf-8").endswith(article.text)
    assert "L’accord entrera en vigueur le 1er janvier 2025." in article.text


def test_article_without_header(seeds):
    path = seeds / "003_398c556d4ff8fe46.txt"
    article = read_article(path)
    assert article.published is None
    assert article.text.startswith("Le Japon et l'Ukraine signent")
    assert article.text == path.read_text(encoding="utf-8")


def test_explicit_date_overrides_the_header(seeds):
    assert read_article(seeds / "000_a87b4a9185fd4aff.txt", published="2024-11-01").published == "2024-11-01"
    assert read_article(seeds / "003_398c556d4ff8fe46.txt", published="2024-11-16").published == "2024-11-16"


@pytest.mark.parametrize(
    ("content", "published", "url"),
    [
        ("date 2024-11-16\nsource: https://example.org/a\n\nLe texte.\n", "2024-11-16", "https://example.org/a"),
        ("url: https://example.org/b\ndate: 2024-09\nLe texte.\n", "2024-09", "https://example.org/b"),
        ("Date limite fixée par Bruxelles.\nLe texte.\n", None, None),
    ],
    ids=["date-then-source", "url-then-date-with-colons", "not-a-header"],
)
def test_header_lines(tmp_path, content, published, url):
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    article = read_article(path)
    assert (article.published, article.url) == (published, url)
    assert content.endswith(article.text)
    assert article.text.startswith("Le texte." if published else "Date limite")


def test_html_page_is_reduced_to_its_article(tmp_path):
    page = tmp_path / "japon-ue.html"
    page.write_text(
        """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le Japon et l'UE signent un pacte de défense</title>
<meta property="article:published_time" content="2024-10-28T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/abonnement">Abonnez-vous à notre lettre</a></li></ul></nav>
<article>
<p>L’Union européenne et le Japon ont signé un vaste accord de sécurité, a annoncé Josep Borrell à l’issue
de sa visite à Tokyo.</p>
<p>Borrell a signé vendredi le partenariat de sécurité et de défense avec son homologue japonais Iwaya
Takeshi, selon Bruxelles.</p>
<p>L’accord entrera en vigueur le 1er janvier 2025, a précisé le service diplomatique européen dans un
communiqué.</p>
</article>
<footer><p>© 2024 Journal Exemple — Mentions légales — Contact</p></footer>
</body></html>
""",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.published == "2024-10-28"
    assert article.text.startswith("Le Japon et l'UE signent un pacte de défense\n\n")
    for sentence in (
        "a annoncé Josep Borrell",
        "Borrell a signé vendredi le partenariat",
        "L’accord entrera en vigueur le 1er janvier 2025",
    ):
        assert sentence in article.text
    for boilerplate in ("Accueil", "Abonnez-vous", "Mentions légales"):
        assert boilerplate not in article.text
    assert read_article(page, published="2024-10-27").published == "2024-10-27"


def test_html_date_is_never_guessed_from_the_body(tmp_path):
    # Without date metadata, htmldate's extensive search would read "© 2024" as 2024-01-01.
    page = tmp_path / "sans-date.html"
    body = "<p>Le Japon et l’Ukraine ont signé samedi un accord de partage d’informations de sécurité.</p>" * 3
    page.write_text(f"<html><body><article>{body}</article><footer>© 2024</footer></body></html>", encoding="utf-8")
    assert read_article(page).published is None


@pytest.mark.parametrize("bad", ["16/11/2024", "2024-13", "2024-02-30", "hier"])
def test_invalid_explicit_date_is_refused_in_french(seeds, bad):
    with pytest.raises(ValueError, match=r"000_a87b4a9185fd4aff\.txt.*date invalide"):
        read_article(seeds / "000_a87b4a9185fd4aff.txt", published=bad)


def test_invalid_header_date_is_refused_in_french(tmp_path):
    path = tmp_path / "mauvaise-date.txt"
    path.write_text("date 2024-11-31\nLe texte.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mauvaise-date\.txt.*ce jour n'existe pas"):
        read_article(path)


def test_missing_or_empty_files_are_refused_in_french(tmp_path):
    with pytest.raises(ValueError, match=r"lecture impossible de « absent\.txt »"):
        read_article(tmp_path / "absent.txt")
    empty = tmp_path / "vide.txt"
    empty.write_text("date 2024-11-16\n\n  \n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aucun texte d'article dans « vide\.txt »"):
        read_article(empty)


def test_article_is_immutable(seeds):
    article = read_article(seeds / "003_398c556d4ff8fe46.txt")
    assert isinstance(article, Article)
    with pytest.raises(AttributeError):
        article.text = ""


def test_a_notepad_unicode_file_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("date 2024-11-16\nLe Japon et la France ont signé un accord.".encode("utf-16"))
    article = read_article(path)
    assert (article.published, article.text) == ("2024-11-16", "Le Japon et la France ont signé un accord.")
