# gatesent: the two commands a newcomer runs (see README.md), and the steps behind them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Install the CPU wheel of torch before the package, or pip may fetch a multi-GB CUDA build.
TORCH ?= torch==2.13.0
# The shared development data beside the repo, when present; the hub is used otherwise.
ifneq ($(wildcard ../shared/data/sst2/train.tsv),)
export GATESENT_DATA_DIR ?= $(abspath ../shared/data)
endif

.PHONY: run test venv export clean-check

## make run: the main job, locally, no AWS account needed.
run: venv
	$(BIN)/gatesent-check-data --tokenizer $(if $(GATESENT_DATA_DIR),$(GATESENT_DATA_DIR)/t5-small,t5-small)
	@echo "gatesent: data checked. Training, evaluation and serving are not yet built (see the open issues);"
	@echo "          until then the notebooks in nbs/ show the model and the data layer."

## make test: every notebook cell, the slow/browser/aws-flagged ones included.
test: venv
	$(BIN)/nbdev_test --n_workers 1 --flags "slow browser aws" --do_print --timing
	@echo "notebooks: $$(ls nbs/[0-9]*.ipynb | wc -l) passed, 0 failed"

venv: $(VENV)/.installed
$(VENV)/.installed: settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

## make export: notebooks -> gatesent/ and cleaned notebooks (commit both).
export: venv
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean

## make clean-check: fail when nbdev_export or nbdev_clean would change a tracked file.
clean-check: export
	@changed=$$(git status --porcelain -- gatesent nbs); \
	if [ -n "$$changed" ]; then echo "nbdev_export/nbdev_clean changed tracked files (run 'make export' and commit):"; \
	  echo "$$changed"; git --no-pager diff --stat -- gatesent nbs; exit 1; fi; echo "notebooks and package agree"
