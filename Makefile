# tmkit: every target creates or reuses .venv, so a fresh machine needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint install corpus glossary-csv clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

demo: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash demo/run.sh

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python bench/run_all.py

# Rebuild the sample memory from the article triples, and the CSV export of the glossary.
corpus: $(STAMP)
	$(BIN)/tmkit align corpora/articles --src-lang en -o corpora/newsroom.tmx --review corpora/newsroom-review.tsv

glossary-csv: $(STAMP)
	$(BIN)/tmkit convert glossaries/newsroom.tbx glossaries/newsroom.csv

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
