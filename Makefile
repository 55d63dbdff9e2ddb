# From a fresh clone: `make site` builds and checks the portal into site/, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The first Python 3.12+ that actually runs (pyenv shims may exist for versions that are not active).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /root/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help site test test-fast serve check audit clean browser node

help:
	@echo "make site   - set up, build the portal, check every page, publish into site/"
	@echo "make test   - set up, run the whole test suite (browser tests included)"
	@echo "make serve  - live preview on http://127.0.0.1:8000"
	@echo "make check  - validate content only (eqportal check content/)"

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "error: Python 3.12 or newer is needed (looked for python3.13, python3.12, python3 and pyenv versions); install python3.12 and retry" >&2; exit 2; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# npm tools (package.json): installed into node_modules/ from the npm registry, never fetched at run time.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "Installing Debian's nodejs and npm"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm install --no-audit --no-fund --loglevel=error
	@mkdir -p node_modules && touch $(NODE_STAMP)

node: $(NODE_STAMP)

browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "Installing Debian's chromium and chromium-driver"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi
	@# Java runs the Nu HTML validator (vnu-jar, from npm).
	@if ! command -v java >/dev/null; then \
	  echo "Installing Debian's default-jre-headless"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

site: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/eqportal build

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest -n 2 -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m 'not browser and not build'

# The preview, with the form editor at /admin/ talking to decap-server (git mode, this clone, 127.0.0.1 only).
serve: $(STAMP) $(NODE_STAMP)
	@echo "Preview: http://127.0.0.1:8000/  Form editor: http://127.0.0.1:8000/admin/ (saves to cms/... branches of this clone)"
	@MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" BIND_HOST=127.0.0.1 PORT=8081 LOG_LEVEL=warn node node_modules/decap-server/dist/index.js & \
	decap=$$!; trap 'kill $$decap 2>/dev/null' EXIT; \
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

check: $(STAMP)
	$(BIN)/eqportal check content

audit: $(STAMP)
	$(BIN)/eqportal audit content

clean:
	rm -rf site .site-build .site-previous .site-spare .cache $(VENV) node_modules
