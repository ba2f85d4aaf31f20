# Every target bootstraps .venv itself: a fresh machine needs only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# numba's cache checks only the timestamp of a kernel's own file, not of the
# functions it inlines from other files: drop the cache when any source changes.
NUMBA_STAMP := sttlab/__pycache__/.sources-stamp
SOURCES := $(shell find sttlab -name '*.py')

.PHONY: book test lab bench clean

book: $(STAMP) $(NUMBA_STAMP)
	$(BIN)/jupyter-book build . --warningiserror --keep-going

test: $(STAMP) $(NUMBA_STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP) $(NUMBA_STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

bench: $(STAMP) $(NUMBA_STAMP)
	@for script in benchmarks/[!_]*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,grading,bench]"
	touch $@

$(NUMBA_STAMP): $(SOURCES)
	find sttlab -name '*.nb[ic]' -delete
	mkdir -p $(dir $@) && touch $@

clean:
	rm -rf _build .pytest_cache .hypothesis
	find sttlab -name '*.nb[ic]' -delete
