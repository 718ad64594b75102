# BP Studio — `make run` and `make test` each set everything up from nothing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint typecheck contracts pytest fuzz translations benchmark package package-test clean

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

# The JUnit report is written only when pytest ends normally: a test that killed the process
# (os._exit, a crash) would otherwise pass for a green run.
pytest: $(STAMP_TEST) translations
	rm -f build/pytest-report.xml
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q --junitxml=build/pytest-report.xml
	@test -s build/pytest-report.xml || { echo "pytest stopped before writing its report"; exit 1; }

test: lint typecheck contracts pytest

# The fuzz tests (tests/*/test_fuzz_*.py) run a few hundred examples in `make test`; `make fuzz`
# runs FUZZ_EXAMPLES fresh ones per test.
# Reached: 8,000 network files (2,000 each to load, train, check, explain) + 2,000 CSV files + 2,000
# typed numbers in 2 min 53 s, no failure (before the issue-9 fixes a loop over 11,500 + 10,000 found
# every class the issue lists).
FUZZ_EXAMPLES ?= 2000
FUZZ_TESTS := tests/document/test_fuzz_loader.py tests/cli/test_fuzz_cli.py tests/controller/test_fuzz_csv.py
fuzz: $(STAMP_TEST) translations
	BPSTUDIO_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics -k "fuzzed or parse_number" $(FUZZ_TESTS)

benchmark: $(STAMP_TEST)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) tests/benchmarks/bench_engine.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache resources/translations/*.qm

# --- Packaging (issue 4): `make package` builds packaging/dist/bpstudio_<version>_<arch>.deb from a
# PyInstaller folder made in an isolated venv; `make package-test` installs it (as root), runs it
# and removes it. See packaging/README.md.
PKG_VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' bpstudio/__init__.py)
PKG_ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
PKG_DEB := packaging/dist/bpstudio_$(PKG_VERSION)_$(PKG_ARCH).deb
PKG_INPUTS := pyproject.toml LICENSE $(shell find bpstudio resources packaging \
	\( -path packaging/build -o -path packaging/dist -o -name __pycache__ \) -prune -o -type f -print)

$(PKG_DEB): $(PKG_INPUTS) $(TRANSLATIONS)
	PYTHON=$(PYTHON) bash packaging/build.sh

package: $(PKG_DEB)

package-test: $(STAMP_TEST) $(PKG_DEB)
	BPSTUDIO_PACKAGE_TEST=1 BPSTUDIO_DEB=$(PKG_DEB) QT_QPA_PLATFORM=offscreen \
		$(VENV)/bin/pytest -v -s -p no:cacheprovider tests/packaging
