#!/usr/bin/env bash
# Loopback load test of the HTTP service with wrk (Debian package), as README "Benchmarks" reports.
#
#   service/src/bench/load.sh [N]        N postings and N profiles (default 100000)
#
# Generates N seeded postings and profiles (./skillmatch generate), imports them into a fresh
# store (./skillmatch import), starts the service on it, and measures with wrk:
#   1. GET /v1/candidates/{id}/matches?k=10 at 64 connections (throughput, latency percentiles)
#   2. the same at one connection (latency alone)
#   3. POST /v1/postings/{id}/applicants/score with 200 candidate ids at one connection
# Work files go to ${BENCH_DIR:-/tmp/skillmatch-bench}/N (kept between runs: delete to regenerate).
# SHORTLIST=N serves with --shortlist N (how many nearest documents the model re-ranks; default 300).
set -euo pipefail
cd "$(dirname "$0")/../../.."
N="${1:-100000}"
DIR="${BENCH_DIR:-/tmp/skillmatch-bench}/$N"
PORT="${PORT:-8765}"
DURATION="${DURATION:-30s}"
HERE=service/src/bench
mkdir -p "$DIR"
command -v wrk >/dev/null || { echo "installing wrk (Debian)"; apt-get install -y wrk >/dev/null; }

if [[ ! -s "$DIR/gen/profiles.jsonl" ]]; then
  ./skillmatch generate --postings "$N" --profiles "$N" --seed 42 --out "$DIR/gen"
fi
if [[ ! -s "$DIR/data/skillmatch.db" ]]; then
  # the import's own figures (documents per second, parse + vectors + index + store) are kept beside the data
  ./skillmatch import --data-dir "$DIR/data" --postings "$DIR/gen/postings.jsonl" --profiles "$DIR/gen/profiles.jsonl" \
    | tee "$DIR/import.txt"
fi
[[ -s "$DIR/import.txt" ]] && echo "import (when the data was made): $(tr '\n' ';' < "$DIR/import.txt")"
python3 - "$DIR" <<'PY'
import sqlite3, sys
d = sys.argv[1]
db = sqlite3.connect(f"file:{d}/data/skillmatch.db?mode=ro", uri=True)
for kind, name in (("candidate", "candidates"), ("posting", "postings")):
    with open(f"{d}/{name}.txt", "w") as f:
        for (i,) in db.execute("SELECT id FROM items WHERE kind = ?", (kind,)):
            f.write(i + "\n")
PY

# Started twice: the first start catches up with whatever changed (parsers changed since the data
# was made, a graph behind its store); the second is a plain restart, the figure reported as ready.
serve() {
  local start
  start=$(date +%s.%N)
  SKILLMATCH_JAVA_OPTS="${SKILLMATCH_JAVA_OPTS:--Xmx8g}" ./skillmatch serve --port "$PORT" --data-dir "$DIR/data" \
    --shortlist "${SHORTLIST:-300}" >"$DIR/serve.log" 2>&1 &
  SERVER=$!
  until curl -sf "localhost:$PORT/health" >/dev/null; do
    kill -0 $SERVER 2>/dev/null || { cat "$DIR/serve.log"; exit 1; }
    sleep 0.2
  done
  READY=$(echo "$(date +%s.%N) - $start" | bc)
}
trap 'kill $SERVER 2>/dev/null || true' EXIT
serve
first=$READY
grep "read from the store" "$DIR/serve.log" | sed 's/.*Catalog - /first start: /'
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
echo "first start ready after ${first} s"
serve
ready=$READY
grep "read from the store" "$DIR/serve.log" | sed 's/.*Catalog - /restart: /'
echo "ready after ${ready} s with $N postings and $N profiles, shortlist ${SHORTLIST:-300}"
PID=$(pgrep -f "skillmatch.jar serve --port $PORT" | head -1)
rss() { echo "$(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB"; }
echo "resident memory: $(rss)"
# live heap: what is left after a full collection
JCMD="$(ls -d /usr/lib/jvm/temurin-25*/bin/jcmd 2>/dev/null | head -1)"
[[ -x "$JCMD" ]] || JCMD=jcmd
"$JCMD" "$PID" GC.run >/dev/null
echo "live heap after a full GC: $("$JCMD" "$PID" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%d MB", $1/1024}')"

export IDS="$DIR/candidates.txt" POSTING_IDS="$DIR/postings.txt"
echo "== warm-up"
wrk -t2 -c16 -d10s -s "$HERE/matches.lua" "http://127.0.0.1:$PORT" >/dev/null
echo "== GET /v1/candidates/{id}/matches?k=10, 64 connections, $DURATION"
wrk -t2 -c64 -d"$DURATION" --latency -s "$HERE/matches.lua" "http://127.0.0.1:$PORT"
echo "== GET /v1/candidates/{id}/matches?k=10, 1 connection, $DURATION"
wrk -t1 -c1 -d"$DURATION" --latency -s "$HERE/matches.lua" "http://127.0.0.1:$PORT"
echo "== POST /v1/postings/{id}/applicants/score with 200 candidates, 1 connection, $DURATION"
wrk -t1 -c1 -d"$DURATION" --latency -s "$HERE/applicants.lua" "http://127.0.0.1:$PORT"
echo "resident memory after: $(rss)"
