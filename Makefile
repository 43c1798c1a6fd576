# The two commands: `make demo` (the example in all four formats, offline, into out/)
# and `make test` (lint, types and the whole test suite with the real validators).
# Both install what is missing on a fresh Debian 12 machine (run as root).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/csto-sco-afghanistan.txt

.PHONY: demo test setup setup-test lint typecheck pytest bench clean

demo: setup
	$(BIN)/newsformats convert $(EXAMPLE) -o out
	@echo "demo: outputs are in out/"

test: setup-test lint typecheck pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/debian.txt scripts/install-system.sh
	bash scripts/install-system.sh requirements/debian.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

setup-test: setup $(VENV)/.installed-test

$(VENV)/.installed-test: pyproject.toml requirements/debian-test.txt scripts/install-system.sh scripts/install-tools.sh tools/package-lock.json
	bash scripts/install-system.sh requirements/debian-test.txt
	$(BIN)/python -m pip install -q -e '.[test]'
	bash scripts/install-tools.sh
	touch $@

lint:
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest

bench: setup-test
	for script in bench/*.py; do $(BIN)/python $$script; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
