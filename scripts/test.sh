#!/usr/bin/env bash
# `make test` (and CI): every suite, one verdict.
#
#   1. throwaway PostgreSQL (fsync off) in a fresh temp dir on a free port
#   2. go test -race -json (PEERBRIDGE_TEST_DATABASE_URL points at
#      the throwaway cluster; the Go test helper creates per-test databases)
#   3. frontend: npm ci (when needed), `make lint` (gofmt, go vet, staticcheck,
#      and the frontend's linters), vitest, production build
#   4. e2e: bin/peerbridge against database `e2e`, sending its e-mail to a local
#      SMTP sink (frontend/e2e/smtp-sink.mjs, messages in $OUT/mail, which the
#      specs read through E2E_MAIL_DIR), Playwright in Debian's Chromium
#      (/usr/bin/chromium)
#   5. scripts/summarise.mjs: per-suite breakdown, failure details, and as the
#      very last line `N passed, M failed`
#
# A failing step does not stop the run; it is counted as a failure. Result
# files land in $PEERBRIDGE_TEST_OUT (default .data/test-out).
# Exit status: 0 only when nothing failed.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
ROOT="$PEERBRIDGE_ROOT"
cd "$ROOT"

OUT="${PEERBRIDGE_TEST_OUT:-$ROOT/.data/test-out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
rm -f "$OUT"/go.json "$OUT"/go.stderr "$OUT"/lint.txt "$OUT"/vitest.json \
  "$OUT"/playwright.json "$OUT"/server.log "$OUT"/smtp-sink.log "$OUT"/steps.tsv
rm -rf "$OUT/mail"
: >"$OUT/steps.tsv"

# Never touch a real database from tests.
unset DATABASE_URL PEERBRIDGE_JWT_SECRET_FILE
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

PGTMP=""
SERVER_PID=""
SMTP_PID=""
# stop_pid PID — TERM, up to five seconds' grace, then KILL.
stop_pid() {
  kill "$1" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null
  wait "$1" 2>/dev/null
}
cleanup() {
  set +e
  if [[ -n "$SERVER_PID" ]]; then
    stop_pid "$SERVER_PID"
    SERVER_PID=""
  fi
  # After the server, whose outbox worker may be sending.
  if [[ -n "$SMTP_PID" ]]; then
    stop_pid "$SMTP_PID"
    SMTP_PID=""
  fi
  if [[ -n "$PGTMP" ]]; then
    pg_stop_cluster "$PGTMP/pg" >/dev/null 2>&1
    rm -rf "$PGTMP"
    PGTMP=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# record NAME SUITE STATUS — STATUS is an exit code or "skipped".
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$OUT/steps.tsv"; }

# step NAME SUITE CMD... — run CMD in a subshell with `set -e` in force,
# record its exit code in steps.tsv and in STEP_RC; never aborts the script.
# Always call it as a plain command (not inside `if`/`||`), or bash would
# silently switch `set -e` off inside CMD.
STEP_RC=0
step() {
  local name="$1" suite="$2"
  shift 2
  log "$name"
  set +e
  ( set -e; "$@" )
  STEP_RC=$?
  set -e
  record "$name" "$suite" "$STEP_RC"
  if [[ $STEP_RC -ne 0 ]]; then warn "$name failed (exit $STEP_RC)"; fi
  return 0
}
skip() { log "$1: skipped ($3)"; record "$1" "$2" skipped; }

# --- 1. PostgreSQL ------------------------------------------------------------
pg_ensure_installed
PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/peerbridge-test.XXXXXX")"
chmod 755 "$PGTMP"   # the postgres user must traverse it; data dir itself is 700
PG_PORT="$(pick_free_port)"
pg_start_cluster "$PGTMP/pg" "$PG_PORT" fast
PG_PORT="$PG_CLUSTER_PORT"
export PEERBRIDGE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/postgres?sslmode=disable"

# --- 2. Go ----------------------------------------------------------------------
ensure_go
ensure_node   # summarise.mjs needs node too
ensure_cgo_compiler
export CGO_ENABLED=1
# CI-safe: no VCS stamping (works in shallow/odd clones), module files read-only.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false -mod=readonly"
mapfile -t GO_PKGS < <(go_packages)

go_test_json() {
  local st
  set +e
  go test -race -count=1 -json "${GO_PKGS[@]}" 2>"$OUT/go.stderr" \
    | tee "$OUT/go.json" | node "$ROOT/scripts/summarise.mjs" --go-progress
  st=("${PIPESTATUS[@]}")
  set -e
  if [[ -s "$OUT/go.stderr" ]]; then cat "$OUT/go.stderr" >&2; fi
  return "${st[0]}"
}
step "go test" go go_test_json

# --- 3. Frontend -------------------------------------------------------------------
vitest_run() {
  cd "$ROOT/frontend"
  npm run test -- --reporter=default --reporter=json --outputFile="$OUT/vitest.json" </dev/null
}
FRONTEND_BUILT=0
step "npm ci" - frontend_npm_ci_if_needed
# `make lint` in full: gofmt, go vet, staticcheck, and the frontend's linters once installed.
lint_run() {
  bash "$ROOT/scripts/lint.sh" 2>&1 | tee "$OUT/lint.txt"
  return "${PIPESTATUS[0]}"
}
step "lint" - lint_run
if [[ $STEP_RC -eq 0 ]]; then
  step "vitest" vitest vitest_run
  step "frontend build" - frontend_build
  if [[ $STEP_RC -eq 0 ]]; then FRONTEND_BUILT=1; fi
else
  skip "vitest" vitest "npm ci failed"
  skip "frontend build" - "npm ci failed"
fi

# --- 4. End-to-end -----------------------------------------------------------------
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]]; then apt_install chromium fonts-liberation; fi
  [[ -x /usr/bin/chromium ]] || { echo "/usr/bin/chromium still missing after apt-get install" >&2; return 1; }
}
e2e_setup() {
  pg_create_database "$PG_PORT" e2e
  export DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/e2e?sslmode=disable"
  "$ROOT/bin/peerbridge" migrate </dev/null
  "$ROOT/bin/peerbridge" seed-demo </dev/null
}
playwright_run() {
  cd "$ROOT/frontend"
  E2E_BASE_URL="$E2E_BASE_URL" E2E_MAIL_DIR="$E2E_MAIL_DIR" PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
    npx --no-install playwright test --reporter=list,json </dev/null
}

E2E_READY=0
E2E_BLOCKER=""
[[ $FRONTEND_BUILT -eq 1 ]] || E2E_BLOCKER="frontend build did not succeed"
if [[ -z "$E2E_BLOCKER" ]]; then
  step "chromium" - ensure_chromium
  [[ $STEP_RC -eq 0 ]] || E2E_BLOCKER="no usable /usr/bin/chromium"
fi
if [[ -z "$E2E_BLOCKER" ]]; then
  step "go build" - go_build_binary
  [[ $STEP_RC -eq 0 ]] || E2E_BLOCKER="go build failed"
fi
if [[ -z "$E2E_BLOCKER" ]]; then
  step "e2e setup (migrate, seed-demo)" - e2e_setup
  [[ $STEP_RC -eq 0 ]] || E2E_BLOCKER="e2e setup failed"
fi
if [[ -n "$E2E_BLOCKER" ]]; then
  skip "e2e" playwright "$E2E_BLOCKER"
else
  # The server's e-mail goes to a local SMTP sink, which writes each message to $OUT/mail:
  # journeys read password-reset links from there (the log mailer keeps no bodies, on purpose).
  SMTP_PORT="$(pick_free_port)"
  export E2E_MAIL_DIR="$OUT/mail"
  mkdir -p "$E2E_MAIL_DIR"
  log "starting the SMTP sink on 127.0.0.1:${SMTP_PORT} (log: $OUT/smtp-sink.log)"
  node "$ROOT/frontend/e2e/smtp-sink.mjs" --port "$SMTP_PORT" --dir "$E2E_MAIL_DIR" \
    >"$OUT/smtp-sink.log" 2>&1 </dev/null &
  SMTP_PID=$!
  smtp_ready=0
  deadline=$((SECONDS + 10))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$SMTP_PID" 2>/dev/null; then break; fi
    if (echo >"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then smtp_ready=1; break; fi
    sleep 0.2
  done
  if [[ $smtp_ready -eq 1 ]]; then
    record "smtp sink ready" - 0
  else
    # The specs that read e-mail fail and say why; the others still run.
    record "smtp sink ready" - 1
    warn "the SMTP sink did not start; last log lines:"
    tail -n 20 "$OUT/smtp-sink.log" >&2 || true
  fi

  APP_PORT="$(pick_free_port)"
  export E2E_BASE_URL="http://127.0.0.1:${APP_PORT}"
  log "starting bin/peerbridge serve on $E2E_BASE_URL (log: $OUT/server.log)"
  DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/e2e?sslmode=disable" \
    PEERBRIDGE_ADDR="127.0.0.1:${APP_PORT}" \
    PEERBRIDGE_PUBLIC_URL="$E2E_BASE_URL" \
    PEERBRIDGE_JWT_SECRET="$(random_b64 48)" \
    PEERBRIDGE_WEB_DIR="$ROOT/frontend/dist" \
    PEERBRIDGE_SMTP_HOST=127.0.0.1 \
    PEERBRIDGE_SMTP_PORT="$SMTP_PORT" \
    "$ROOT/bin/peerbridge" serve >"$OUT/server.log" 2>&1 </dev/null &
  SERVER_PID=$!
  deadline=$((SECONDS + 30))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    if curl -fsS --max-time 2 -o /dev/null "$E2E_BASE_URL/readyz" 2>/dev/null; then
      E2E_READY=1
      break
    fi
    sleep 0.3
  done
  if [[ $E2E_READY -eq 1 ]]; then
    record "server ready" - 0
    step "e2e" playwright playwright_run
  else
    record "server ready" - 1
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      warn "server did not become ready at $E2E_BASE_URL/readyz within 30s; last log lines:"
    else
      srv_rc=0; wait "$SERVER_PID" || srv_rc=$?
      SERVER_PID=""
      warn "bin/peerbridge serve exited (status $srv_rc) before $E2E_BASE_URL/readyz answered; last log lines:"
    fi
    tail -n 40 "$OUT/server.log" >&2 || true
    skip "e2e" playwright "server not ready"
  fi
fi

# --- 5. Verdict ----------------------------------------------------------------------
# Stop everything first so nothing prints after the summary's last line.
cleanup
trap - EXIT
rc=0
node "$ROOT/scripts/summarise.mjs" "$OUT" || rc=$?
case "$rc" in
  0) exit 0 ;;
  3) exit 1 ;;   # summarise.mjs: something failed (it printed the totals)
  *)             # summarise.mjs itself could not run
    echo "scripts/summarise.mjs exited $rc"
    echo "0 passed, 1 failed"
    exit 1 ;;
esac
