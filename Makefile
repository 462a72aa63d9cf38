# Two commands: `make demo` and `make test`. Everything else is installed from here.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared
DEMO_DB := demo/ghotona.db

.PHONY: install demo test test-long gate calibrate clean

# Debian packages the tests need: a real PostgreSQL server (started by a pytest fixture)
# and a real headless Chromium with its driver (web UI tests).
SYSTEM_PKGS := postgresql chromium chromium-driver

$(STAMP): pyproject.toml
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v chromedriver >/dev/null; then \
	  echo "installing Debian packages: $(SYSTEM_PKGS)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PKGS); \
	fi
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p demo
	$(BIN)/ghotona ingest examples/seeds.jsonl --db $(DEMO_DB)
	$(BIN)/ghotona events --db $(DEMO_DB)
	$(BIN)/ghotona stories --db $(DEMO_DB)
	@echo
	@echo "Browse the demo database (web UI, API docs at /docs):"
	@echo "  $(BIN)/ghotona serve --db $(DEMO_DB)    then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not long"
	$(MAKE) gate

# The long reliability variants: ~3,000 hostile items on SQLite and PostgreSQL, 24 kill -9s
# and resumes, 200 concurrent clients for 60 s while an ingest writes (docs/reliability.md).
test-long: $(STAMP)
	$(BIN)/python -m pytest -q -m long

# The quality gate: extract the gold sets, score them, fail below the pinned floors.
gate: $(STAMP)
	$(BIN)/ghotona eval --gold $(SHARED)/eval/dev --baseline tests/quality_baseline.json --name dev
	$(BIN)/ghotona eval --gold $(SHARED)/eval/dev2 --baseline tests/quality_baseline.json --name dev2
	$(BIN)/ghotona eval --gold tests/gold --scorer $(SHARED)/eval/score.py --baseline tests/quality_baseline.json --name gold

# Refit the confidence calibration on our own dev gold (after coder changes), then re-run the gate.
calibrate: $(STAMP)
	$(BIN)/ghotona eval --gold tests/gold --scorer $(SHARED)/eval/score.py \
	  --fit-calibration src/ghotona/data/events/calibration.tsv

clean:
	rm -rf $(VENV) demo .pytest_cache
