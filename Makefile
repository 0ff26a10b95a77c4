# Two commands for a newcomer: `make run` (the site on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint install bench bench-scale browser messages gettext checkers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (a test tool's own browser download does not work
# offline). Installed once; skipped when /usr/bin/chromium exists.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# The project's message catalogues (locale/: the admin in Vietnamese, the English pages):
# compiled here, never committed, each .mo only when its .po is newer (so that two runs of
# `make test` side by side, as in .ci/run, never rewrite a catalogue the other is reading).
# Compiled as Django's compilemessages does (msgfmt --check-format). Needs gettext's
# msgfmt; Debian's gettext is installed once when it is missing.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

gettext:
	@if ! command -v msgfmt >/dev/null; then \
	  echo "Installing Debian's gettext (msgfmt) for the message catalogue..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; \
	fi

locale/%.mo: locale/%.po | gettext
	msgfmt --check-format -o $@.tmp $< && mv $@.tmp $@

messages: install $(MO_FILES)

# The page checkers of the browser tests, pinned: axe-core (accessibility, injected into
# the page) and the Nu HTML Checker (vnu.jar, run with Java). Installed once under .cache/.
AXE_CORE_VERSION := 4.14.1
VNU_JAR_VERSION := 26.9.27
CHECKERS := .cache/node/.installed-axe-$(AXE_CORE_VERSION)-vnu-$(VNU_JAR_VERSION)

$(CHECKERS):
	@if ! command -v java >/dev/null; then \
	  echo "Installing Debian's Java for the HTML checker..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; \
	fi
	npm install --silent --no-audit --no-fund --ignore-scripts --prefix .cache/node \
	  axe-core@$(AXE_CORE_VERSION) vnu-jar@$(VNU_JAR_VERSION)
	touch $@

checkers: $(CHECKERS)

.secret_key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > .secret_key
	@chmod 600 .secret_key

run: install messages .secret_key
	export DJANGO_SECRET_KEY="$$(cat .secret_key)"; \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py collectstatic --noinput -v 0 && \
	$(BIN)/python manage.py loaddemo && \
	echo "Mở http://127.0.0.1:8000 (quản trị: http://127.0.0.1:8000/admin/)" && \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install browser messages checkers
	DJANGO_SECRET_KEY=test-only-secret-key $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: install
	$(BIN)/python bench/run.py

# 100 000 articles (SCALE_ARTICLES) in a fresh PostgreSQL database; first-render latency per page.
bench-scale: install
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
