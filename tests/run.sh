#!/usr/bin/env bash
# The test command: set everything up from nothing, then run the tests, ruff and mypy.
# Used by the README's Quick start and by .ci/run. Safe to run again: it reuses .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check numbers_extract tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
