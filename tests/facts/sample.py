"""One well-formed fact, for tests that write through the store (and for the crash test's writer process,
so kept free of test-framework imports)."""

from facts.model import Fact, Source


def make_fact(title: str) -> Fact:
    return Fact(
        id=0,
        kind="accord",
        title=title,
        status="signé",
        parties=("org:ue", "pays:JP"),
        date="2024-11-01",
        sources=(Source(article="a.txt", quote="Une phrase de l'article.", start=0, end=24),),
    )
