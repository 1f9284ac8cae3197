# The two commands of the README: `make run` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: run test install lint checks pytest browser-deps serve load clean

run: install  ## install, migrate, load the seed catalogue, serve http://127.0.0.1:8000/
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_catalogue
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install browser-deps lint checks pytest  ## install and run every check and test

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
