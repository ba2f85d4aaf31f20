# Every target bootstraps .venv itself: a fresh machine needs only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# numba's cache checks only the timestamp of a kernel's own file, not of the
# functions it inlines from other files: drop the cache when any source changes.
NUMBA_STAMP := sttlab/__pycache__/.sources-stamp
SOURCES := $(shell find sttlab -name '*.py')

.PHONY: book test lab bench clean chromium release

book: $(STAMP) $(NUMBA_STAMP)
	$(BIN)/jupyter-book build . --warningiserror --keep-going

test: $(STAMP) $(NUMBA_STAMP) chromium
	$(BIN)/python -m pytest

# tests/test_browser.py drives Debian's Chromium through Playwright, which never downloads a browser here
chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$(test "$$(id -u)" -eq 0 || echo sudo); \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-dejavu-core; }

# the student version of every exercise into exercises/release/ (nbgrader; it starts alembic by name,
# hence the venv on PATH), registering the assignments in exercises/gradebook.db
release: $(STAMP)
	cd exercises && PATH="$(CURDIR)/$(BIN):$$PATH" nbgrader generate_assignment "*" --force

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
