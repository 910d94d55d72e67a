# The quick start: `make demo` and `make test` work on a machine with only python3, gcc and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# durable-rules 2.0.28 calls PyEval_CallObject, removed in Python 3.13; its setup.py replaces
# CFLAGS, so the mapping to PyObject_CallObject goes in CPPFLAGS, which the C build appends.
DURABLE_CPPFLAGS := -DPyEval_CallObject(f,a)=PyObject_CallObject(f,a)

.PHONY: demo test test-other-pythons bench accuracy docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/durable-rules.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	CPPFLAGS='$(DURABLE_CPPFLAGS)' $(BIN)/python -m pip install --quiet --no-cache-dir --no-binary durable-rules \
	    --require-hashes -r requirements/durable-rules.txt
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== svrules check examples/ (findings expected on the problem tenders; exit 1 means findings)"
	$(BIN)/svrules check examples/ || test $$? -eq 1

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The whole suite again on each other supported Python found on this machine (CI runs it).
test-other-pythons:
	bash .ci/other-pythons.sh

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py

# Issue 7: the benchmark; writes docs/performance.md (BENCH_ARGS=--quick for a short run).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -m svrules rules --format markdown > docs/rules.md

clean:
	rm -rf $(VENV) .venv-py* .pytest_cache build dist
