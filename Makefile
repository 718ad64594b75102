# BP Studio — `make run` and `make test` each set everything up from nothing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint typecheck contracts pytest translations benchmark package package-test clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP_RUN)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

run: $(STAMP_RUN) translations
	$(VENV)/bin/bpstudio

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check bpstudio tests
	$(VENV)/bin/ruff format --check bpstudio tests

typecheck: $(STAMP_TEST)
	$(VENV)/bin/mypy

contracts: $(STAMP_TEST)
	$(VENV)/bin/lint-imports

pytest: $(STAMP_TEST) translations
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

test: lint typecheck contracts pytest

benchmark: $(STAMP_TEST)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) tests/benchmarks/bench_engine.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache resources/translations/*.qm
