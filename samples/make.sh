#!/usr/bin/env bash
# The main job: set everything up from nothing, then extract every figure of seeds/ into samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/numbers-extract seeds -o samples/seeds.jsonl
.venv/bin/numbers-extract seeds -o samples/seeds.csv
echo "wrote samples/seeds.jsonl and samples/seeds.csv ($(wc -l < samples/seeds.jsonl) figures)"
