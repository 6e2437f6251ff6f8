# Two entry points: `make run` and `make test`. Both set themselves up from a clean clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format seed-store eval bench bench-ingest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/diplobot

test: $(STAMP)
	$(BIN)/ruff check bot facts tests benchmarks
	$(BIN)/ruff format --check bot facts tests benchmarks
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix bot facts tests benchmarks
	$(BIN)/ruff format bot facts tests benchmarks

# Rebuilds the shipped store from the curated seed facts and the articles in ../shared/seeds.
seed-store: $(STAMP)
	$(BIN)/python -m facts.seed_store

# Precision and recall of the extraction on the gold annotation of the seed articles.
eval: $(STAMP)
	$(BIN)/python -m facts.evaluation

# Lookups, autocomplete, writes, start-up and memory at 1,000 / 10,000 / 100,000 facts (a few minutes).
bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Extraction speed (words per second) against reloading the model for every article.
bench-ingest: $(STAMP)
	$(BIN)/python -m benchmarks.ingest

clean:
	rm -rf $(VENV) .pytest_cache
