# Wegwijzer: `make run` starts the assistant, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa 3.6 needs Python 3.8-3.10. Override with `make PYTHON=/path/to/python3.10 ...`.
PYTHON ?= $(shell for p in python3.10 "$$(pyenv root 2>/dev/null)/versions/3.10.13/bin/python" \
            $$(ls -d "$$HOME"/.pyenv/versions/3.10.*/bin/python /usr/local/bin/python3.10 /usr/bin/python3.10 2>/dev/null); do \
            if [ -x "$$(command -v $$p 2>/dev/null)" ] && "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then \
            command -v $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RASA := $(BIN)/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore::DeprecationWarning
# the official release of the Dutch model; unreachable on some networks (we fall back)
SPACY_MODEL_URL ?= https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl

.PHONY: help setup model train run shell test unit validate story-test integration browser eval bench crossval compare clean

help:
	@echo "make run    - set up (first time), train when data changed, start the assistant"
	@echo "make shell  - talk to the assistant in the terminal (rasa shell)"
	@echo "make test   - the whole test suite (unit, data validation, test stories, integration, browser)"
	@echo "make eval   - held-out routing accuracy against the running assistant"
	@echo "make bench  - latency benchmark (REST, single user) against the stock rasa init config"
	@echo "make crossval - 5-fold NLU cross-validation (slow)"

$(STAMP): pyproject.toml requirements/constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "ERROR: Python 3.10 not found. Rasa 3.6 runs on Python 3.8-3.10 only."; \
	  echo "Install Python 3.10 (e.g. 'pyenv install 3.10.13') or run: make PYTHON=/path/to/python3.10 $(MAKECMDGOALS)"; \
	  exit 1; fi
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	  echo "Existing $(VENV) is not Python 3.10: recreating it"; rm -rf $(VENV); fi
	@[ -x $(BIN)/python ] || { echo "Creating $(VENV) with $(PYTHON)"; "$(PYTHON)" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==24.0"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e ".[dev]"
	$(BIN)/python -m pip check
	@$(MAKE) --no-print-directory model
	@touch $(STAMP)

setup: $(STAMP)

# nl_core_news_sm from its official release when reachable; otherwise the fallback pipeline is used.
model:
	@if $(BIN)/python -c 'import spacy.util,sys; sys.exit(not spacy.util.is_package("nl_core_news_sm"))'; then \
	  echo "spaCy model nl_core_news_sm is installed"; \
	elif timeout 60 $(BIN)/python -m pip install --quiet --disable-pip-version-check --timeout 15 --retries 0 "$(SPACY_MODEL_URL)" 2>/dev/null; then \
	  echo "Installed nl_core_news_sm"; \
	else \
	  echo "WARNING: nl_core_news_sm could not be downloaded; using the fallback pipeline blank:nl+lookup-lemmatizer (see README)"; \
	fi

train: $(STAMP)
	$(BIN)/wegwijzer train

run: $(STAMP)
	$(BIN)/wegwijzer serve

# Talk to the assistant in the terminal (rasa shell), with the action server in the background.
shell: train
	@mkdir -p var/logs
	@$(BIN)/rasa run actions --actions actions --port 5055 > var/logs/actions-shell.log 2>&1 & pid=$$!; \
	  trap "kill $$pid" EXIT; sleep 15; $(RASA) shell --endpoints endpoints.yml

unit: $(STAMP)
	$(BIN)/pytest -m "not integration and not browser" -q

validate: $(STAMP)
	$(RASA) data validate --fail-on-warnings --quiet

story-test: train
	$(RASA) test core --stories tests/stories --e2e --fail-on-prediction-errors --out results/core --quiet

integration: train
	$(BIN)/pytest -m "integration or browser" -q

test: unit validate story-test integration
	@echo "All tests passed."

eval: $(STAMP)
	$(BIN)/python -m bot.evaluation.heldout $(ARGS)

bench: train
	mkdir -p results && $(BIN)/python -m bot.evaluation.bench all --write results/bench.jsonl

crossval: $(STAMP)
	$(RASA) test nlu --cross-validation --folds 5 --config config.yml --out results/crossval

clean:
	rm -rf results .pytest_cache
