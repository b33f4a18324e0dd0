#!/usr/bin/env bash
# The main job: set everything up from nothing, then extract every figure of seeds/ into samples/:
# a workbook for analysts, CSV for spreadsheets, JSON Lines for programs, a review page for people.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
# the workbook dated this fixed time, not now (the reproducible-builds convention): made again, the
# samples are the same bytes, and a clone stays clean
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01 00:00 UTC
.venv/bin/numbers-extract seeds -o samples/seeds.xlsx
.venv/bin/numbers-extract seeds -o samples/seeds.csv --quiet
.venv/bin/numbers-extract seeds -o samples/seeds.jsonl --quiet
echo "wrote samples/seeds.xlsx, samples/seeds.csv and samples/seeds.jsonl"
bash samples/review.sh  # samples/review.html, and samples/review.png from headless Chromium
