# Two entry points: `make run` and `make test`. Both set themselves up from a clean clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format seed-store clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/diplobot

test: $(STAMP)
	$(BIN)/ruff check bot facts tests
	$(BIN)/ruff format --check bot facts tests
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix bot facts tests
	$(BIN)/ruff format bot facts tests

# Rebuilds the shipped store from the curated seed facts and the articles in ../shared/seeds.
seed-store: $(STAMP)
	$(BIN)/python -m facts.seed_store

clean:
	rm -rf $(VENV) .pytest_cache
