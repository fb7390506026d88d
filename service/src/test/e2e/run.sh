#!/usr/bin/env bash
# The web page end to end: starts `./skillmatch serve --demo yes` on a free port with a fresh data
# folder, drives the page in headless Chromium (e2e.mjs), saves its screenshots, and stops the
# server whatever happens. SCREENSHOT_DIR=docs refreshes the README's screenshots; by default they
# go to a temporary folder, so a test run leaves the tree clean.
#   bash service/src/test/e2e/run.sh          (./skillmatch test runs it after mvn verify)
# Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (default a temporary folder),
# E2E_KEEP_LOG=1 keeps the server log.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
SHOTS="${SCREENSHOT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/skillmatch-e2e-shots.XXXXXX")}"
t0=$SECONDS

say() { printf 'e2e: %s\n' "$*" >&2; }

# 1. Chromium from Debian (never a browser download of playwright's own)
if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
    say "CHROMIUM=$CHROMIUM is not an executable"; exit 1
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    say "Chromium is missing: run 'apt-get install -y chromium' as root"; exit 1
  fi
  say "installing Chromium from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# playwright-core needs Node.js 20 or newer
command -v node >/dev/null && command -v npm >/dev/null || { say "Node.js 20+ and npm are needed and missing"; exit 1; }
if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  say "Node.js $(node --version) is too old for playwright-core: 20 or newer is needed"; exit 1
fi

# 2. playwright-core, exactly as locked. npm ci is skipped when node_modules already holds every
# locked package at its locked version and integrity, so a second run needs no network.
installed_as_locked() {
  [[ -f "$HERE/node_modules/.package-lock.json" ]] || return 1
  node -e '
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).packages;
    const have = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).packages;
    for (const [k, v] of Object.entries(want)) {
      if (k && (!have[k] || have[k].version !== v.version || have[k].integrity !== v.integrity)) process.exit(1);
    }' "$HERE/package-lock.json" "$HERE/node_modules/.package-lock.json"
}
if installed_as_locked; then
  say "node_modules matches package-lock.json"
else
  say "npm ci..."
  (cd "$HERE" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
fi

# 3. the jar, built now if stale, so the wait for /health below measures only the start
"$ROOT/skillmatch" help >/dev/null

DATA="$(mktemp -d "${TMPDIR:-/tmp}/skillmatch-e2e-data.XXXXXX")"
LOG="$DATA.log"
SERVER=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$DATA"
  if [[ $rc -ne 0 && -f "$LOG" ]]; then
    say "server log (last 30 lines of $LOG):"; tail -n 30 "$LOG" >&2 || true
  elif [[ "${E2E_KEEP_LOG:-0}" != 1 ]]; then
    rm -f "$LOG"
  fi
  say "done in $((SECONDS - t0)) s (exit $rc)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 4. the service on a free loopback port, with the demo postings and profiles
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
BASE="http://127.0.0.1:$PORT"
say "starting the service on $BASE (data in $DATA)"
"$ROOT/skillmatch" serve --port "$PORT" --host 127.0.0.1 --data-dir "$DATA" --demo yes >"$LOG" 2>&1 &
SERVER=$!
for i in $(seq 1 120); do
  if curl -fsS -m 2 "$BASE/health" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$SERVER" 2>/dev/null; then
    say "the service exited before answering /health"; exit 1
  fi
  if [[ $i -eq 120 ]]; then
    say "no answer from $BASE/health after 60 s"; exit 1
  fi
  sleep 0.5
done
say "service up after $((SECONDS - t0)) s"

# 5. the page, in headless Chromium
CHROMIUM="$CHROMIUM" node "$HERE/e2e.mjs" "$BASE" "$SHOTS"
