# The quick start: `make demo` and `make test` work on a machine with only python3, gcc and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# durable-rules 2.0.28 calls PyEval_CallObject, removed in Python 3.13; its setup.py replaces
# CFLAGS, so the mapping to PyObject_CallObject goes in CPPFLAGS, which the C build appends.
DURABLE_CPPFLAGS := -DPyEval_CallObject(f,a)=PyObject_CallObject(f,a)

.PHONY: demo test test-other-pythons bench accuracy docs clean ci-tools serve axe ci-deps
NPM := $(shell command -v npm 2>/dev/null)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/durable-rules.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	CPPFLAGS='$(DURABLE_CPPFLAGS)' $(BIN)/python -m pip install --quiet --no-cache-dir --no-binary durable-rules \
	    --require-hashes -r requirements/durable-rules.txt
	$(BIN)/python -m pip install --quiet -e '.[test,serve]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== svrules check examples/ (findings expected on the problem tenders; exit 1 means findings)"
	$(BIN)/svrules check examples/ || test $$? -eq 1

# One worker per core (pytest-xdist): the suite is CPU-bound, and CI runs it once per Python.
test: $(STAMP) ci-tools axe
	$(BIN)/python -m pytest -q -n auto --durations=15

# The whole suite again on each other supported Python found on this machine (CI runs it).
test-other-pythons:
	bash .ci/other-pythons.sh

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

# The web page on the example tenders (http://127.0.0.1:8080/; PORT=... to change it).
PORT ?= 8080
serve: $(STAMP)
	$(BIN)/svrules serve --port $(PORT) --examples examples/

# axe-core for the browser test's accessibility check, from the npm registry (skipped, with the
# reason, when npm is absent: the test then says so).
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): | $(BIN)/python
	@if command -v npm >/dev/null; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@4 \
			|| echo "npm could not install axe-core: the accessibility check will be skipped"; \
	else echo "npm not found: the browser test's accessibility check will be skipped"; fi

# What the reviewed-copy and browser tests use from Debian (as root, or with sudo): Chromium
# and its driver, LibreOffice Writer (headless), pandoc and npm. CI runs it (.ci/run).
DEBIAN_TEST_PACKAGES := chromium chromium-driver libreoffice-writer-nogui pandoc fonts-dejavu-core
ci-deps:
	@if command -v apt-get >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
			$(DEBIAN_TEST_PACKAGES) $$(command -v npm >/dev/null || echo npm) >/dev/null \
		|| echo "warning: apt-get could not install them: the tests that need them are skipped"; \
	else echo "apt-get not found: install $(DEBIAN_TEST_PACKAGES) npm yourself"; fi

accuracy: $(STAMP)
	$(BIN)/python bench/accuracy.py

# The benchmark (throughput, stages, cold start, --jobs, memory); writes docs/performance.md (BENCH_ARGS=--quick for a short run).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -m svrules rules --format markdown > docs/rules.md

clean:
	rm -rf $(VENV) .venv-py* .pytest_cache build dist
