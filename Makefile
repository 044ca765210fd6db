# Two commands on a fresh machine: `make run` and `make test` (see README.md).
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
export DJANGO_SETTINGS_MODULE ?= tracker.settings

.PHONY: help install run test migrate demo check-migrations collectstatic clean

help:
	@echo "make run      build .venv, migrate, load reference and demo data, serve on http://127.0.0.1:$(PORT)"
	@echo "make test     run the whole test suite (SQLite, or DATABASE_URL when set)"
	@echo "make install  build .venv and install dependencies"

# The stamp is rebuilt when pyproject.toml changes, so a pulled dependency lands.
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || { py=$$(scripts/find-python) && echo "Using $$py" && "$$py" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]"
	@touch $@

install: $(VENV)/.installed

migrate: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py migrate --no-input

demo: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py load_reference
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py load_demo

run: demo
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py ensure_editor --url http://127.0.0.1:$(PORT)/admin/
	@echo "Serving the tracker on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	DJANGO_SETTINGS_MODULE=tracker.settings_test $(BIN)/python -m pytest $(PYTEST_ARGS)

check-migrations: install
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

collectstatic: install
	$(BIN)/python manage.py collectstatic --no-input

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
