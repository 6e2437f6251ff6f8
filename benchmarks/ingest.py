"""Extraction speed: words per second once the model is loaded, against the naive way of loading the
French model for every article. `make bench`; `python -m benchmarks.ingest --json`."""

from __future__ import annotations

import argparse
import json
import statistics
import time

import spacy
from dateparser.search import search_dates

from facts.articles import read_article
from facts.catalog import Catalog
from facts.evaluation import load_gold
from facts.extraction import extract
from facts.nlp import pipeline
from facts.seed_store import seeds_dir
from facts.store import FactStore, shipped_store_path
from facts.when import find_dates

ROUNDS = 20


def measure() -> dict:
    catalog = Catalog.from_store(FactStore(shipped_store_path()))
    started = time.perf_counter()
    pipeline(catalog.entities.values())
    load_seconds = time.perf_counter() - started
    articles = [read_article(seeds_dir() / name, meta["published"]) for name, meta in load_gold()["articles"].items()]
    words = sum(len(article.text.split()) for article in articles)
    runs = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for article in articles:
            extract(article, catalog)
        runs.append(time.perf_counter() - started)
    started = time.perf_counter()
    for article in articles:
        spacy.load("fr_core_news_sm")(article.text)  # the naive baseline: a model per article, no names
    naive = time.perf_counter() - started
    ours = statistics.median(runs)
    return {**_extraction(ours, words, load_seconds, naive, len(articles)), **_dates(articles)}


def _extraction(ours: float, words: int, load_seconds: float, naive: float, articles: int) -> dict:
    return {
        "articles": articles,
        "words": words,
        "load_s": round(load_seconds, 2),
        "extract_s_median": round(ours, 4),
        "words_per_s": round(words / ours),
        "per_700_words_s": round(ours * 700 / words, 3),
        "naive_s": round(naive, 2),
        "naive_words_per_s": round(words / naive),
        "speedup": round(naive / ours, 1),
    }


def _dates(articles) -> dict:
    """Date mentions, sentence by sentence, against dateparser's own search over the same sentences."""
    # Each sentence with its own article's publication date, as extraction reads it.
    sentences = [
        (sentence, article.published)
        for article in articles
        for sentence in article.text.replace("\n", " ").split(". ")
        if sentence.strip()
    ]
    for sentence, published in sentences:  # dateparser loads its French data on first use, in both paths
        find_dates(sentence, published, past=True)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for sentence, published in sentences:
            find_dates(sentence, published, past=True)
    ours = (time.perf_counter() - started) / (ROUNDS * len(sentences))
    started = time.perf_counter()
    for sentence, _ in sentences:
        search_dates(sentence, languages=["fr"])
    naive = (time.perf_counter() - started) / len(sentences)
    return {"dates_ms_per_sentence": round(ours * 1000, 3), "naive_dates_ms_per_sentence": round(naive * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    figures = measure()
    if parser.parse_args().json:
        print(json.dumps(figures))
        return
    print(f"{'mesure':<28}{'diplobot':>14}{'naïf':>14}")
    print(f"{'mots/s':<28}{figures['words_per_s']:>14}{figures['naive_words_per_s']:>14}")
    print(f"{'s pour les 2 articles':<28}{figures['extract_s_median']:>14}{figures['naive_s']:>14}")
    print(f"{'s pour 700 mots':<28}{figures['per_700_words_s']:>14}{'':>14}")
    dates = (figures["dates_ms_per_sentence"], figures["naive_dates_ms_per_sentence"])
    print(f"{'ms par phrase (dates)':<28}{dates[0]:>14}{dates[1]:>14}")
    print(f"chargement unique du modèle et des noms : {figures['load_s']} s ; accélération ×{figures['speedup']}")


if __name__ == "__main__":
    main()
