#!/usr/bin/env bash
# Runs the whole test suite: formatting, lints, and every test of every crate.
# Usage: scripts/test.sh   (from anywhere; CI runs it through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "==> openapi-spec-validator (for the OpenAPI document's check)"
python3 -c "import openapi_spec_validator" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check openapi-spec-validator \
  || echo "could not install openapi-spec-validator: its test will say it skipped (fails under CI=true)"

echo "==> PostgreSQL server binaries (the PostgreSQL tests start their own throwaway server)"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${RECOURSE_PG_BIN:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
      || echo "could not install postgresql: the PostgreSQL tests will say they skipped (fail under CI=true)"
  else
    echo "no PostgreSQL server binaries: install Debian's postgresql package, or set RECOURSE_PG_BIN;"
    echo "the PostgreSQL tests will say they skipped (and fail under CI=true)"
  fi
fi

echo "==> cargo test"
cargo test --workspace --quiet
echo "==> fuzzing (scripts/fuzz.sh, 20 s per target)"; scripts/fuzz.sh
echo "==> API fuzzing (schemathesis, against the OpenAPI document)"; scripts/api-fuzz.sh
echo "==> browser tests (headless Chromium, axe-core)"; scripts/browser-test.sh
