#!/usr/bin/env bash
# Builds the cargo-fuzz targets in fuzz/ and runs each for a bounded time, starting from the
# committed corpus (fuzz/corpus/<target>/). Exits non-zero if any target crashes, fails an
# assertion, times out on an input or does not build.
#
# Usage: scripts/fuzz.sh [TARGET...]        (default: every target in fuzz/Cargo.toml)
#   FUZZ_SECONDS=20     seconds per target
#   FUZZ_TARGET_DIR=... cargo target dir of the fuzz build (default fuzz/target); point it at
#                       a cached directory to skip the rebuild on a fresh clone
#   FUZZ_SANITIZER=none none (default) or address; address needs -Zsanitizer, which this
#                       script allows on stable with RUSTC_BOOTSTRAP=1 (about 7x slower, and
#                       switching rebuilds everything: give it its own FUZZ_TARGET_DIR)
#   CI=true             a missing cargo-fuzz that cannot be installed is a failure, not a skip
#
# Works on the stable toolchain: `-s none` (no sanitizer) needs no -Z flag, so no nightly and no
# RUSTC_BOOTSTRAP. The targets fuzz safe Rust only; debug assertions and overflow checks are on.
# New inputs found go to $FUZZ_TARGET_DIR/corpus/<target>/ (emptied at each run, so every run
# starts from the committed corpus and takes the same time), never into fuzz/corpus/; crashing
# inputs go to fuzz/artifacts/<target>/ (reproduce: cargo fuzz run -s none <target> <file>).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
seconds=${FUZZ_SECONDS:-20}
target_dir=${FUZZ_TARGET_DIR:-fuzz/target}
target_dir=$(mkdir -p "$target_dir" && cd "$target_dir" && pwd)

skip() {
  echo
  echo "################################################################"
  echo "##  SKIPPED: fuzzing did not run: $1"
  echo "################################################################"
  echo
  exit 0
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked, from crates.io)"
  if ! cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"; then
    if [ "${CI:-}" = true ]; then
      echo "ERROR: cargo-fuzz is missing and could not be installed (CI=true: not skipping)" >&2
      exit 1
    fi
    skip "cargo-fuzz is missing and could not be installed"
  fi
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

# Signature checks use rayon; one thread keeps the run to one core on a shared machine.
export RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-1}
sanitizer=${FUZZ_SANITIZER:-none}
if [ "$sanitizer" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
build=(-s "$sanitizer" --debug-assertions --target-dir "$target_dir")

echo "==> cargo fuzz build (${#targets[@]} targets, sanitizer: $sanitizer)"
cargo fuzz build "${build[@]}"

failed=()
for t in "${targets[@]}"; do
  work="$target_dir/corpus/$t"
  rm -rf "$work"
  mkdir -p "$work" "fuzz/corpus/$t"
  log="$target_dir/fuzz-$t.log"
  echo "==> fuzz $t for ${seconds}s"
  # The first corpus directory receives new inputs; the committed one is only read.
  if cargo fuzz run "${build[@]}" "$t" "$work" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | sed 's/^/    /' || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
      sed 's/^/    /' || true
  else
    echo "    FAILED: $t (log: $log)"
    grep -E 'panicked at|^assertion|left:|right:|SUMMARY|Test unit written|ERROR: libFuzzer' "$log" |
      head -20 | sed 's/^/    /' || true
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "FUZZING FAILED: ${failed[*]} (crashing inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "==> fuzzing passed: ${#targets[@]} targets, ${seconds}s each"
