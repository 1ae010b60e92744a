#!/usr/bin/env bash
# PostgreSQL benchmark: append events/s and acknowledge latency with one and with three
# instances on one database, beside the embedded store's; then HTTP filing with three server
# instances on one database under one load generator (wrk, one thread per instance).
# Starts its own throwaway PostgreSQL server (fsync on, as in production) in a temp folder.
# Usage: scripts/bench-postgres.sh [EVENTS_PER_INSTANCE]   (default 50000)
# Needs Debian's postgresql package (the server binaries) and wrk (apt install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-50000}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL server binaries (apt install postgresql)" >&2; exit 2; }
cargo build --release --quiet
BIN=$PWD/target/release/recourse
TMP=$(mktemp -d)
chmod 755 "$TMP"
RUNAS=()
if [ "$(id -u)" = 0 ]; then RUNAS=(runuser -u postgres --); chown postgres "$TMP"; fi
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$TMP/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg.log" -w \
  -o "-k $TMP -c listen_addresses= -p 5440 -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
# fresh_db NAME: creates database NAME, prints its URL.
fresh_db() { "${RUNAS[@]}" "$PGBIN/psql" -h "$TMP" -p 5440 -U postgres -qc "CREATE DATABASE $1"; \
  echo "postgres://postgres@$(echo "$TMP" | sed 's|/|%2F|g'):5440/$1"; }
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') in $TMP (fsync on, synchronous_commit on)"
echo "$(nproc) cores; $EVENTS events per instance, 256 concurrent appenders each"

echo; echo "== embedded store (SQLite), one process =="
$BIN bench append --data "$TMP/sqlite" --events "$EVENTS" | grep -E "events/s|p50|memory"

echo; echo "== PostgreSQL, one instance =="
URL=$(fresh_db one)
$BIN init --data "$TMP/one" --store "$URL" --origin bench.example/ledger >/dev/null
$BIN bench append --data "$TMP/one" --events "$EVENTS" | grep -E "events/s|p50|memory"

echo; echo "== PostgreSQL, three instances on one database, at once =="
URL=$(fresh_db three)
$BIN init --data "$TMP/i1" --store "$URL" --origin bench.example/ledger >/dev/null
cp -a "$TMP/i1" "$TMP/i2"; cp -a "$TMP/i1" "$TMP/i3"
start=$(date +%s.%N)
for i in 1 2 3; do $BIN bench append --data "$TMP/i$i" --events "$EVENTS" > "$TMP/b$i.log" & PIDS+=($!); done
wait "${PIDS[@]}"; PIDS=()
end=$(date +%s.%N)
for i in 1 2 3; do echo "instance $i: $(grep -E "events/s" "$TMP/b$i.log" | head -1)"; grep -E "p50" "$TMP/b$i.log" | sed 's/^/  /'; done
echo "all three: $(echo "3 * $EVENTS / ($end - $start)" | bc -l | xargs printf '%.0f') events/s over the wall-clock time"
$BIN verify --data "$TMP/i2" | tail -1

command -v wrk >/dev/null || { echo; echo "wrk is not installed: HTTP part skipped (apt install wrk)"; exit 0; }
echo; echo "== HTTP filing, three server instances on one database, one wrk =="
URL=$(fresh_db web)
$BIN demo --data "$TMP/s1" --store "$URL" --complaints 300 >/dev/null
cp -a "$TMP/s1" "$TMP/s2"; cp -a "$TMP/s1" "$TMP/s3"
PORTS=(18771 18772 18773)
for i in 1 2 3; do
  $BIN serve --data "$TMP/s$i" --listen 127.0.0.1:${PORTS[$((i - 1))]} --limits 1000000000,1000000000,1000000000 > "$TMP/s$i.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2 3; do for _ in $(seq 1 120); do grep -q "running at" "$TMP/s$i.log" && break; sleep 0.5; done; done
BODY=$(curl -s http://127.0.0.1:18771/api/v1/options | python3 -c '
import json, sys
o = json.load(sys.stdin)
print(json.dumps({"program": o["programs"][0]["id"], "site": o["sites"][0]["id"], "rights": ["respect"],
  "what_happened": "The interpreter did not come to my appointment and nobody called me.",
  "consent_handle": True}))')
FIRST=$(curl -s -o "$TMP/first.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data "$BODY" http://127.0.0.1:18772/api/v1/complaints)
[ "$FIRST" = 201 ] || { echo "a filing was refused ($FIRST): $(cat "$TMP/first.json")" >&2; exit 1; }
# One load generator, its threads spread over the three instances (as a load balancer would):
# wrk's setup() gives each thread its own address.
cat > "$TMP/file.lua" <<LUA
local ports = { 18771, 18772, 18773 }
local n = 0
setup = function(thread)
  n = n + 1
  thread:set("id", n)
  thread.addr = wrk.lookup("127.0.0.1", tostring(ports[(n - 1) % 3 + 1]))[1]
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
LUA
for i in 1 2 3; do echo "instance $i start: $(grep VmRSS /proc/${PIDS[$((i - 1))]}/status)"; done
wrk -t3 -c48 -d20s --latency -s "$TMP/file.lua" "http://127.0.0.1:18771/api/v1/complaints" \
  | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|requests in"
sleep 2
for i in 1 2 3; do echo "instance $i: $(curl -s http://127.0.0.1:${PORTS[$((i - 1))]}/ledger/checkpoint | sed -n 2,3p | tr '\n' ' ') $(grep VmRSS /proc/${PIDS[$((i - 1))]}/status)"; done
