# PaRT: `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core; `make test PYTEST_WORKERS=0` runs in one process.
# Tests marked with one xdist_group run in one process (a module's demo copy, private
# PostgreSQL or Chromium is set up once); groups are handed out in the order pytest-django
# sorts the tests (plain database tests before those that empty the tables).
PYTEST_WORKERS ?= auto

.PHONY: run test lint format venv messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

venv: $(VENV)/.runtime

run: $(VENV)/.runtime
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py demo_admin
	@echo "  Site:      http://$(HOST):$(PORT)/"
	@echo "  Survey:    http://$(HOST):$(PORT)/s/quartier-check/"
	@echo "  Results:   http://$(HOST):$(PORT)/dashboards/"
	@echo ""
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Compile translations (needs GNU gettext); the .mo files are committed so a fresh
# machine with only Python serves German and English.
messages: $(VENV)/.dev
	cd site && ../$(BIN)/django-admin makemessages --all --no-obsolete --ignore '*/vendor/*' --settings=config.settings.test --pythonpath=.. || true
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore '.venv/*' --ignore 'static_collected/*' --ignore 'tests/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) static_collected .pytest_cache
