# The two commands of the README: `make run` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: run test install lint checks pytest browser-deps quality-deps lighthouse serve load clean

run: install  ## install, migrate, load the seed catalogue, serve http://127.0.0.1:8000/
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_catalogue
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install browser-deps quality-deps lint checks pytest  ## install and run every check and test

install: $(VENV)/.installed

# Re-installs only when the declared or pinned dependencies change.
$(VENV)/.installed: pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	@touch $@

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Browser tests drive Debian's chromium; nothing is downloaded by Playwright itself. The
# shared rate-limit test starts its own redis-server.
browser-deps:
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@command -v redis-server >/dev/null || { echo "Installing Debian's redis-server for the tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq redis-server; }

# The Nu HTML checker (vnu.jar, run by Debian's java) and Lighthouse (driving Debian's
# chromium) come from npm into tools/quality/node_modules: checks, never served. vnu-jar's
# install script (which would download a Java runtime) is not run.
quality-deps: tools/quality/node_modules/.installed

tools/quality/node_modules/.installed: tools/quality/package.json tools/quality/package-lock.json
	@command -v java >/dev/null || { echo "Installing Debian's java for the HTML checker"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@command -v npm >/dev/null || { echo "Installing Debian's npm for the quality tools"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm ci --prefix tools/quality --ignore-scripts --no-audit --no-fund --silent
	@touch $@

# Lighthouse on the five pages of docs/quality.md, against a server on PORT (make run).
lighthouse: quality-deps
	tools/quality/lighthouse.sh http://127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

checks: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(BIN)/python -m pytest

load: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_catalogue

clean:
	rm -rf $(VENV) data
