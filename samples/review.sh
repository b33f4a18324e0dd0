#!/usr/bin/env bash
# The review page of seeds/: samples/review.html, every figure highlighted in its text, and
# samples/review.png, a screenshot of it in headless Chromium (Debian's chromium, installed with apt-get
# where it is missing; without it the page is still written and the screenshot left as it was).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .

# the page, and the first count with a source: the screenshot opens on it (review.html#fN), its row shown
figure="$(.venv/bin/python - <<'PY'
from numbers_extract.export.review import review_files
from numbers_extract import extract_files

review_files(["seeds"], "samples/review.html", title="numbers-extract review: seeds")
figures = list(extract_files(["seeds"]))
print(next((i for i, f in enumerate(figures) if f.kind == "count" and f.source and f.entity), 0))
PY
)"
echo "wrote samples/review.html"

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "samples/review.sh: installing Chromium (chromium) for the screenshot..." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends -o DPkg::Lock::Timeout=300 chromium; } >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null 2>&1; then
    echo "samples/review.sh: no Chromium (apt-get install chromium): samples/review.png left as it was" >&2
    exit 0
fi
# the same bytes each run: no motion (the figure it opens on is not flashed), the shot taken once the page
# has settled (virtual time), a fixed window; fonts and rendering are this machine's Chromium's
profile="$(mktemp -d)"
shot="samples/.review.tmp.png"
trap 'rm -rf "$profile" "$shot"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1400,900 --force-prefers-reduced-motion --virtual-time-budget=3000 \
    --screenshot="$shot" "file://$PWD/samples/review.html#f$figure" >/dev/null 2>&1
mv "$shot" samples/review.png
echo "wrote samples/review.png"
