#!/usr/bin/env bash
# HTTP load benchmark (wrk on loopback), against the targets in DESIGN.md:
#   complaint submission >= 2,000 requests/s with p99 < 50 ms; dashboard at 1M events < 50 ms;
#   server memory at 1M events < 300 MB. The dashboard is measured first, on the data as given;
#   the filings then add tens of thousands of cases to the folder.
# Usage: scripts/bench-web.sh [DATA_DIR]   (default: a fresh 3,000-complaint demo in a temp folder)
# With DATA_DIR, the folder must hold a demo ledger (`recourse demo`), whose staff accounts use the
# demo password. Rate limits are lifted for the run (--limits). Needs wrk (apt install wrk).
# WITNESSES=N: N local `recourse witness serve` processes cosign the ledger during the run (the
# server is given --witness for each); their last cosigned sizes are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt install wrk)" >&2; exit 2; }
cargo build --release --quiet
BIN=target/release/recourse
DATA=${1:-}
TMP=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TMP"' EXIT
if [ -z "$DATA" ]; then
  DATA=$TMP/data
  $BIN demo --data "$DATA" --complaints 3000 >/dev/null
fi
PORT=18765
WITNESS_ARGS=()
WITNESS_PIDS=()
if [ "${WITNESSES:-0}" -gt 0 ]; then
  LOG_VKEY=$($BIN checkpoint --vkey --data "$DATA")
  for i in $(seq 1 "$WITNESSES"); do
    $BIN witness init --data "$TMP/witness-$i" --name "witness.bench/w$i" > "$TMP/witness-$i.init"
    VKEY=$(sed -n 's/^ *verifier key: //p' "$TMP/witness-$i.init")
    WPORT=$((PORT + i))
    $BIN witness serve --data "$TMP/witness-$i" --listen 127.0.0.1:$WPORT --log "$LOG_VKEY" > "$TMP/witness-$i.log" 2>&1 &
    WITNESS_PIDS+=($!)
    WITNESS_ARGS+=(--witness "http://127.0.0.1:$WPORT=$VKEY")
  done
  trap 'kill $SERVER "${WITNESS_PIDS[@]}" 2>/dev/null || true; rm -rf "$TMP"' EXIT
  echo "witnesses: $WITNESSES local witness processes"
fi
$BIN serve --data "$DATA" --listen 127.0.0.1:$PORT --limits 1000000000,1000000000,1000000000 "${WITNESS_ARGS[@]}" > "$TMP/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do grep -q "running at" "$TMP/serve.log" && break; sleep 1; done
URL=http://127.0.0.1:$PORT
entries=$(curl -s $URL/healthz | sed 's/.*"ledger_entries":\([0-9]*\).*/\1/')
echo "ledger: $entries entries"

echo "server memory after start: $(grep VmRSS /proc/$SERVER/status)"

# load TITLE THREADS CONNECTIONS SECONDS SCRIPT PATH: one wrk run, its figures.
load() {
  echo
  echo "== $1 =="
  wrk -t"$2" -c"$3" -d"$4"s --latency -s "$TMP/$5" "$URL$6" \
    | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|requests in"
}

# A board member's session for the dashboard (measured first, on the data as given).
JAR=$TMP/jar
curl -s -c "$JAR" $URL/staff/login > /dev/null
CSRF=$(awk '$6=="recourse_csrf"{print $7}' "$JAR")
curl -s -c "$JAR" -b "$JAR" -o /dev/null -d "csrf=$CSRF&login=hbouchard&password=recourse-demo-password&next=/board" $URL/staff/login
SESSION=$(awk '$6=="recourse_session"{print $7}' "$JAR")
cat > "$TMP/get.lua" <<LUA
wrk.headers["Cookie"] = "recourse_session=$SESSION"
LUA
load "dashboard, one board member at a time (GET /board, by quarter over two years, charts rendered)" 1 1 10 get.lua /board
load "dashboard, 8 at once" 2 8 10 get.lua /board

# A visitor's CSRF cookie and token (double-submit), reused by every request of the run.
PROGRAM=$(curl -s -b "$JAR" $URL/complain | grep -o '<option value="[a-z0-9_-]*"' | sed -n '2p' | sed 's/.*"\(.*\)"/\1/')
SITE=$(curl -s -b "$JAR" $URL/complain | grep -A30 'id="site"' | grep -o '<option value="[a-z0-9_-]*"' | sed -n '2p' | sed 's/.*"\(.*\)"/\1/')
cat > "$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "recourse_csrf=$CSRF"
wrk.body = "csrf=$CSRF&step=4&go=send&what=The+interpreter+did+not+come+and+I+was+sent+home.&program=$PROGRAM&site=$SITE&identity=anonymous&contact=none&consent_handle=yes&rights=respect"
LUA
load "complaint submission (POST /complain, full filing: seal, sign, fsync, fold), 8 at once" 2 8 15 post.lua /complain
load "complaint submission, 32 at once" 2 32 20 post.lua /complain
echo
echo "ledger after the run: $(curl -s $URL/healthz | sed 's/.*"ledger_entries":\([0-9]*\).*/\1/') entries"
echo "server memory after the run: $(grep VmRSS /proc/$SERVER/status)"
if [ "${WITNESSES:-0}" -gt 0 ]; then
  sleep 3
  echo "witnesses after the run (ledger at $(curl -s $URL/healthz | sed 's/.*"ledger_entries":\([0-9]*\).*/\1/') entries):"
  curl -s $URL/healthz | python3 -c 'import json, sys
for w in json.load(sys.stdin)["witnesses"]:
    print("  %s: cosigned size %s at %s, last error %s" % (w["name"], w["cosigned_size"], w["cosigned_at"], w["error"]))'
  for pid in "${WITNESS_PIDS[@]}"; do echo "witness $pid memory: $(grep VmRSS /proc/$pid/status)"; done
fi
