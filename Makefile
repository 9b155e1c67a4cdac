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

# Links in mails point at the server `make run` starts (HOST and PORT) unless KOERS_BASE_URL says
# otherwise; the mails themselves land in the development mailbox (/ontwikkeling/mails/).
KOERS_BASE_URL ?= http://$(HOST):$(PORT)
run: export KOERS_BASE_URL := $(KOERS_BASE_URL)
run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	@echo "Koers: http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo "Mails Koers sends: http://$(HOST):$(PORT)/ontwikkeling/mails/ (signed in)"
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

# Issue 14: every page in-process and over HTTP (gunicorn, production settings) as ratios to the
# floor, the load test, the reports against hand SQL, on SQLite and (when reachable) PostgreSQL;
# then one table in docs/operations.md (## Measured). Takes about half an hour on 2 cores.
# `make bench BENCH_CLIENTS=2000 BENCH_SECONDS=15` for a quick run. The PostgreSQL database is
# filled by generate.py, then flushed by the report benchmarks (each builds its own data).
BENCH_CLIENTS ?= 20000
BENCH_SECONDS ?= 60
BENCH_RATE ?= 20
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/bench_pg
# The KPI benchmark builds (and flushes) its own data set: never in BENCH_PG.
BENCH_PG_KPIS ?= postgres://postgres@127.0.0.1:5432/bench_kpis
BENCH_OUT := benchmarks/var/results
bench: $(VENV)/.installed-dev
	rm -rf $(BENCH_OUT) && mkdir -p $(BENCH_OUT)
	$(PY) benchmarks/generate.py --clients $(BENCH_CLIENTS) --reset
	$(PY) benchmarks/bench_pages.py --json $(BENCH_OUT)/pages-sqlite.json
	$(PY) benchmarks/bench_http.py --pages-json $(BENCH_OUT)/pages-sqlite.json \
	  --json $(BENCH_OUT)/http-sqlite.json
	$(PY) benchmarks/load.py --seconds $(BENCH_SECONDS) --rate $(BENCH_RATE) \
	  --json $(BENCH_OUT)/load-sqlite.json
	$(PY) benchmarks/bench_transition_kpis.py --json $(BENCH_OUT)/reports-kpis-sqlite.json
	$(PY) benchmarks/bench_marketing.py --json $(BENCH_OUT)/reports-marketing-sqlite.json
	$(PY) benchmarks/bench_dashboard_counts.py --json $(BENCH_OUT)/reports-counts-sqlite.json
	@# The PostgreSQL part runs when the server answers; its database is made when missing.
	@if PGCONNECT_TIMEOUT=3 $(PY) benchmarks/pg_database.py $(BENCH_PG) 2>/dev/null; then \
	  set -e; \
	  $(PY) benchmarks/generate.py --clients $(BENCH_CLIENTS) --reset --database-url $(BENCH_PG); \
	  $(PY) benchmarks/bench_pages.py --database-url $(BENCH_PG) \
	    --json $(BENCH_OUT)/pages-postgresql.json; \
	  $(PY) benchmarks/bench_http.py --database-url $(BENCH_PG) \
	    --pages-json $(BENCH_OUT)/pages-postgresql.json --json $(BENCH_OUT)/http-postgresql.json; \
	  $(PY) benchmarks/load.py --database-url $(BENCH_PG) --seconds $(BENCH_SECONDS) \
	    --rate $(BENCH_RATE) --json $(BENCH_OUT)/load-postgresql.json; \
	  $(PY) benchmarks/pg_database.py $(BENCH_PG_KPIS); \
	  $(PY) benchmarks/bench_transition_kpis.py --database-url $(BENCH_PG_KPIS) \
	    --json $(BENCH_OUT)/reports-kpis-postgresql.json; \
	  $(PY) benchmarks/bench_marketing.py --database-url $(BENCH_PG) \
	    --json $(BENCH_OUT)/reports-marketing-postgresql.json; \
	  $(PY) benchmarks/bench_dashboard_counts.py --database-url $(BENCH_PG) \
	    --json $(BENCH_OUT)/reports-counts-postgresql.json; \
	else echo "PostgreSQL not reachable at $(BENCH_PG): SQLite only"; fi
	$(PY) benchmarks/report.py $(BENCH_OUT)/*.json --write docs/operations.md

clean:
	rm -rf $(VENV) var
