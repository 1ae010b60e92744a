#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against its own OpenAPI document (/api/v1/openapi.json),
# on a running demo agency: once without signing in, then signed in as each staff role (intake,
# reviewer, chair, board, admin). Fails on any 5xx, any answer that does not match the document
# (status code, content type, schema), and any request that breaks the document's rules but is
# accepted.
#
# Usage: scripts/api-fuzz.sh            (from anywhere; scripts/test.sh calls it)
# Environment: API_FUZZ_EXAMPLES (examples per operation and phase, default 10),
#              API_FUZZ_SEED (default 1, so that a run can be repeated), CI (under CI=true a
#              schemathesis that cannot be installed is a failure; elsewhere the run is skipped
#              with a loud message).
set -euo pipefail
cd "$(dirname "$0")/.."

EXAMPLES="${API_FUZZ_EXAMPLES:-10}"
SEED="${API_FUZZ_SEED:-1}"
PASSWORD="recourse-demo-password"

skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then
    echo "api-fuzz: FAILED: $1 (CI=true: the API fuzzing run may not be skipped)" >&2
    exit 1
  fi
  echo "############################################################"
  echo "## api-fuzz: SKIPPED: $1"
  echo "############################################################"
  exit 0
}

if ! command -v schemathesis >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check schemathesis \
    || skip_or_fail "schemathesis is not installed and pip could not install it"
  command -v schemathesis >/dev/null 2>&1 \
    || skip_or_fail "schemathesis was installed but is not on PATH"
fi

cargo build --quiet --bin recourse
BIN="target/debug/recourse"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A demo agency (staff sign in with the demo password), rate limits out of the way.
"$BIN" serve --data "$WORK/data" --listen 127.0.0.1:0 --demo --demo-complaints 50 \
  --limits 1000000,1000000,1000000 >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
BASE=""
for _ in $(seq 1 600); do
  BASE="$(sed -n 's|^Recourse is running at \(http://[^/]*\)/.*|\1|p' "$WORK/server.out")"
  [ -n "$BASE" ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "api-fuzz: the server stopped before it listened:" >&2
    cat "$WORK/server.err" >&2
    exit 1
  fi
  sleep 0.5
done
[ -n "$BASE" ] || { echo "api-fuzz: the server did not start within 5 minutes" >&2; exit 1; }
echo "==> api-fuzz: demo server at $BASE"

CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection"
# Runs at once. Each run is one schemathesis process with one worker: with several worker
# threads, CPython 3.11's ast module is not thread-safe and hypothesis, describing a strategy,
# now and then fails with "AST constructor recursion depth mismatch" (a runtime error of the
# fuzzer, not of the server). Parallel processes instead of threads keep the run as fast.
PARALLEL="${API_FUZZ_PARALLEL:-3}"
RUNS=()

# fuzz NAME CONFIG [schemathesis options...]: starts one run in the background; its status
# goes to $WORK/NAME.status and its output to $WORK/NAME.log.
fuzz() {
  local name="$1" config="$2"
  shift 2
  while [ "$(jobs -rp | wc -l)" -gt "$PARALLEL" ]; do
    wait -n || true
  done
  RUNS+=("$name")
  (
    status=0
    schemathesis --config-file "$config" run "$BASE/api/v1/openapi.json" \
      --checks "$CHECKS" \
      --max-examples "$EXAMPLES" \
      --seed "$SEED" \
      --phases examples,coverage,fuzzing \
      --workers 1 \
      --request-timeout 30 \
      --suppress-health-check too_slow,filter_too_much \
      --no-color \
      "$@" >"$WORK/$name.log" 2>&1 || status=$?
    echo "$status" >"$WORK/$name.status"
  ) &
}

# Signs in as LOGIN through the API; prints the session cookie's value and the CSRF token, one
# a line.
sign_in() {
  python3 - "$BASE" "$1" "$PASSWORD" <<'PY'
import json, sys, urllib.request

base, login, password = sys.argv[1:4]
request = urllib.request.Request(
    base + "/api/v1/session",
    data=json.dumps({"login": login, "password": password}).encode(),
    headers={"Content-Type": "application/json"},
)
with urllib.request.urlopen(request) as answer:
    csrf = json.load(answer)["csrf"]
    cookies = answer.headers.get_all("Set-Cookie") or []
session = [c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("recourse_session=")]
if not session:
    sys.exit(f"no session cookie for {login}")
print(session[0])
print(csrf)
PY
}

# No session: an empty configuration.
: >"$WORK/anonymous.toml"
fuzz anonymous "$WORK/anonymous.toml"

# One staff member per role (the demo roster), signed in for the whole run; signing out would
# end the session the run uses, so that one operation is left out of the signed-in runs.
for pair in intake:ahaddad reviewer:praman chair:gnakamura board:hbouchard admin:fsiddiqui; do
  role="${pair%%:*}"
  login="${pair#*:}"
  mapfile -t session < <(sign_in "$login")
  if [ "${#session[@]}" -ne 2 ]; then
    echo "api-fuzz: could not sign in as $login" >&2
    exit 1
  fi
  # The session cookie and the CSRF token as the document's security schemes name them, so
  # that schemathesis sends them where the document says, and leaves them out on purpose
  # when it checks that a call without them is refused.
  cat >"$WORK/$role.toml" <<EOF
[auth.openapi.session]
api_key = "${session[0]}"

[auth.openapi.csrf]
api_key = "${session[1]}"
EOF
  fuzz "$role" "$WORK/$role.toml" --exclude-operation-id signOut
done

# Wait for every run, then report them in order: each run's summary, and the whole log of a
# run that failed.
while [ "$(jobs -rp | wc -l)" -gt 1 ]; do
  wait -n || true
done
TOTAL_FAILED=0
SUMMARY=()
for name in "${RUNS[@]}"; do
  # A run that left no status died before schemathesis finished: a failure.
  status="$(cat "$WORK/$name.status" 2>/dev/null || echo 99)"
  echo "==> api-fuzz: $name"
  sed -n '/^=* SUMMARY/,$p' "$WORK/$name.log" | grep -E 'operation|test case|fail|error|passed|Seed' || true
  if [ "$status" -ne 0 ]; then
    echo "api-fuzz: $name FAILED (status $status); the full log:" >&2
    cat "$WORK/$name.log" >&2
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
  fi
  SUMMARY+=("$name: status $status")
done

if [ -s "$WORK/server.err" ] && grep -q "panicked" "$WORK/server.err"; then
  echo "api-fuzz: the server panicked:" >&2
  grep -A3 "panicked" "$WORK/server.err" >&2
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
fi

printf '%s\n' "${SUMMARY[@]}"
if [ "$TOTAL_FAILED" -ne 0 ]; then
  echo "api-fuzz: $TOTAL_FAILED run(s) failed" >&2
  exit 1
fi
echo "api-fuzz: every run passed"
