#!/usr/bin/env bash
# The test command: set everything up from nothing, then run ruff, mypy and the tests.
# Used by the README's Quick start and by .ci/run. Safe to run again: it reuses .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice Calc, for the test that opens the workbook in a real spreadsheet: Debian's package,
# installed once where it is missing (a few minutes). Without it that test skips, except in CI.
if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "tests/run.sh: installing LibreOffice Calc (libreoffice-calc-nogui) for the xlsx test..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    log="$(mktemp)"
    if $sudo apt-get update -qq >"$log" 2>&1 &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            -o DPkg::Lock::Timeout=300 libreoffice-calc-nogui >>"$log" 2>&1; then
        echo "tests/run.sh: installed $(soffice --version 2>/dev/null | head -n 1)" >&2
    else
        echo "tests/run.sh: could not install LibreOffice; its test will skip (and fail in CI):" >&2
        tail -n 5 "$log" >&2
    fi
    rm -f "$log"
fi

# Chromium, for the tests that open the review page in a real browser (driven by Playwright): Debian's
# package, installed once where it is missing (a minute or two). Without it those tests skip, except in CI.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "tests/run.sh: installing Chromium (chromium) for the review page's browser tests..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    log="$(mktemp)"
    if $sudo apt-get update -qq >"$log" 2>&1 &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            -o DPkg::Lock::Timeout=300 chromium >>"$log" 2>&1; then
        echo "tests/run.sh: installed $(chromium --version 2>/dev/null | head -n 1)" >&2
    else
        echo "tests/run.sh: could not install Chromium; the browser tests will skip (and fail in CI):" >&2
        tail -n 5 "$log" >&2
    fi
    rm -f "$log"
fi

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check numbers_extract tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
