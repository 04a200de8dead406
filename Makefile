# Every target installs first, so each works alone on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench train-fallback clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/dyadline demo

lint: install
	$(BIN)/ruff check src tests benchmarks

test: install lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/pip install -q -e '.[dev,train]'
	$(BIN)/python benchmarks/run_all.py

# Refit the event fallback classifier after editing src/dyadline/events/data/examples (needs scikit-learn).
train-fallback: install
	$(BIN)/pip install -q -e '.[dev,train]'
	$(BIN)/python -m dyadline.events.fallback train

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
