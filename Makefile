# The quick start: `make demo` and `make test` work on a machine with only python3, gcc and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench accuracy docs clean ci-tools
NPM := $(shell command -v npm 2>/dev/null)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== svrules check examples/ (findings expected on the problem tenders; exit 1 means findings)"
	$(BIN)/svrules check examples/ || test $$? -eq 1

test: $(STAMP) ci-tools
	$(BIN)/python -m pytest -q

# Tools some tests use when the machine has them (skipped with a reason otherwise): the SARIF
# multitool from the npm registry (.ci/node/package.json, versions locked).
MULTITOOL := .ci/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
ci-tools:
ifneq ($(NPM),)
	@test -x $(MULTITOOL) || (cd .ci/node && npm ci --no-audit --no-fund --loglevel=error) \
		|| echo "npm ci failed: the SARIF multitool test will be skipped"
	@test ! -f $(MULTITOOL) || chmod u+x $(MULTITOOL)
else
	@echo "npm not found: the SARIF multitool test will be skipped"
endif

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
