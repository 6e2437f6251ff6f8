"""The facts' vocabulary is folded piece by piece (with a cache) but reads exactly as a query is folded."""

from hypothesis import given
from hypothesis import strategies as st

from facts.normalize import vocabulary_words, words

# Letters with and without accents, elided articles, apostrophes, dashes, spaces, compatibility forms.
TEXTLIKE = st.text(alphabet=st.sampled_from(list("abcdlqujstLDQÉéèàçœ’'-\u00a0\u0301/.,;«»ß½ＡＢ／ﬁİı\u2007\t\n 0123")))


@given(TEXTLIKE)
def test_a_facts_words_are_the_words_a_query_would_fold_to(text):
    assert vocabulary_words(text) == words(text)


def test_a_facts_words_are_shared_strings():
    first, second = vocabulary_words("L'accord de défense"), vocabulary_words("un accord signé")
    assert first[0] == "accord" and first[0] is second[1]
