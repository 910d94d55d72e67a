# The quick start: `make demo` and `make test` work on a machine with only python3, gcc and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench accuracy docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,serve]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== svrules check examples/ (findings expected on the problem tenders; exit 1 means findings)"
	$(BIN)/svrules check examples/ || test $$? -eq 1

test: $(STAMP)
	$(BIN)/python -m pytest -q

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py

# Issue 7: the benchmark; writes docs/performance.md (BENCH_ARGS=--quick for a short run).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -m svrules rules --format markdown > docs/rules.md

clean:
	rm -rf $(VENV) .pytest_cache build dist
