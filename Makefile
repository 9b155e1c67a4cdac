# Koers — the team's habits. `make run` to try it, `make test` before every commit.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-future lint format migrations-check bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	@echo "Koers: http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) manage.py run_huey --quiet & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

migrations-check: $(VENV)/.installed-dev
	KOERS_ENV=test $(PY) manage.py makemigrations --check --dry-run

test: lint migrations-check
	$(BIN)/pytest -n 2 --dist loadfile

# The whole suite with the clock moved to later days: no test may depend on the real date.
FUTURE_DAYS ?= 2027-06-01 2030-01-01
test-future: $(VENV)/.installed-dev
	@for day in $(FUTURE_DAYS); do \
	  echo "== test suite with the clock at $$day =="; \
	  KOERS_TEST_TODAY=$$day $(BIN)/pytest -n 2 --dist loadfile || exit 1; \
	done

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed-dev
	$(PY) benchmarks/generate.py --clients 20000
	$(PY) benchmarks/bench_pages.py

clean:
	rm -rf $(VENV) var
