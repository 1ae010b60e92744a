#!/usr/bin/env bash
# Browser tests: the web pages in real headless Chromium (Debian's /usr/bin/chromium, driven by
# playwright-core), with axe-core accessibility checks, phone-width screenshots in
# test-artifacts/screenshots/, and the complaint form's page weight.
#
# Installs what is missing: Chromium with apt-get (as root), the test packages with `npm ci`.
# When Chromium or npm is missing and cannot be installed, it says SKIPPED loudly and succeeds,
# except under CI=true, where it fails.
# Usage: scripts/browser-test.sh [extra arguments for node --test]
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

skip() {
  echo >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!!! SKIPPED: browser tests not run: $1" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: a skipped browser test run is a failure." >&2
    exit 1
  fi
  exit 0
}

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "==> installing Chromium (apt-get install -y chromium)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || true
    apt-get install -y -qq chromium || true
  fi
  [ -x "$CHROMIUM" ] || skip "$CHROMIUM is missing (install it: apt-get install -y chromium)"
fi

# Fonts for every script the pages show (the language menu names Tigrinya and Amharic in Ge'ez
# script, Persian and Arabic in Arabic script): without them the screenshots show empty boxes.
# Cosmetic for the tests' assertions, so a machine where they cannot be installed only warns.
if command -v fc-list >/dev/null && ! fc-list | grep -qi ethiopic; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "==> installing fonts (apt-get install -y fonts-noto-core)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null || true
  fi
  fc-list | grep -qi ethiopic \
    || echo "warning: no Ge'ez (Ethiopic) font: screenshots show boxes for Tigrinya and Amharic (apt-get install fonts-noto-core)" >&2
fi

command -v node >/dev/null || skip "node is missing (Node 20 or later is needed)"
command -v npm >/dev/null || skip "npm is missing"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || skip "node $(node --version) is too old (Node 20 or later is needed)"

echo "==> npm ci (tests/browser)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

echo "==> cargo build (the debug binary: cargo test built it already)"
cargo build --quiet

rm -rf test-artifacts/screenshots
echo "==> node --test (tests/browser)"
cd tests/browser
node --test --test-concurrency=1 "$@"
echo "Screenshots: test-artifacts/screenshots/"
