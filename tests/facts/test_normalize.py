"""The facts' vocabulary is folded piece by piece (with a cache) but reads exactly as a query is folded."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from facts.normalize import _ELISION, _SEPARATORS, fold, vocabulary_words, words

# Letters with and without accents, elided articles, apostrophes, dashes, spaces, compatibility forms.
TEXTLIKE = st.text(alphabet=st.sampled_from(list("abcdlqujstLDQÉéèàçœ’'-\u00a0\u0301/.,;«»ß½ＡＢ／ﬁİı\u2007\t\n 0123")))


@given(TEXTLIKE)
def test_a_facts_words_are_the_words_a_query_would_fold_to(text):
    assert vocabulary_words(text) == words(text)


def test_a_facts_words_are_shared_strings():
    first, second = vocabulary_words("L'accord de défense"), vocabulary_words("un accord signé")
    assert first[0] == "accord" and first[0] is second[1]


def _folded_character_by_character(text: str) -> str:
    """`fold` without its shortcut for ASCII: every character decomposed and its accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _ELISION.sub("", _SEPARATORS.sub(" ", stripped).strip() + " ").strip()


@given(TEXTLIKE)
def test_folding_ascii_text_directly_folds_it_as_every_text_is_folded(text):
    assert fold(text) == _folded_character_by_character(text)
    ascii_only = text.encode("ascii", "ignore").decode()
    assert fold(ascii_only) == _folded_character_by_character(ascii_only)
