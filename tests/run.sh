#!/usr/bin/env bash
# The test command: set everything up from nothing, then run ruff, mypy and the tests.
# Used by the README's Quick start and by .ci/run. Safe to run again: it reuses .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

# need COMMAND PACKAGE WHAT: install Debian's PACKAGE once where COMMAND is missing (a minute or a few).
# Without it the tests that use it skip, except in CI, where they fail.
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    command -v apt-get >/dev/null 2>&1 || return 0
    echo "tests/run.sh: installing $2 for $3..." >&2
    local sudo="" log
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    log="$(mktemp)"
    if $sudo apt-get update -qq >"$log" 2>&1 &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            -o DPkg::Lock::Timeout=300 "$2" >>"$log" 2>&1; then
        echo "tests/run.sh: installed $("$1" --version 2>/dev/null | head -n 1)" >&2
    else
        echo "tests/run.sh: could not install $2; its tests will skip (and fail in CI):" >&2
        tail -n 5 "$log" >&2
    fi
    rm -f "$log"
}
need soffice libreoffice-calc-nogui "the test that opens the workbook in LibreOffice"
need chromium chromium "the tests that open the review page in a real browser (driven by Playwright)"

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check numbers_extract tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
