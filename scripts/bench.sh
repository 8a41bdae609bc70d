#!/usr/bin/env bash
# `make bench`: the load test of SPEC §6 on realistic data. Starts a throwaway PostgreSQL (fsync
# off), generates the data set (`peerbridge bench-seed`), starts `peerbridge serve` and measures
# its start-to-ready time, then runs `peerbridge bench-load`: 32 connections per scenario over
# HTTP, next to the same SQL statements replayed directly on PostgreSQL, and prints one table.
# When scripts/bench-web.sh exists and is executable, it then runs against the same server.
#
#   BENCH_SIZE=full|small      data set size (default full: about 2 minutes to generate)
#   BENCH_SECONDS=8            measured seconds per scenario, for HTTP and for SQL each
#   BENCH_WARMUP=2             warm-up seconds before each measurement
#   BENCH_CONNECTIONS=32       concurrent connections
#   BENCH_SCENARIOS=regexp     only the scenarios whose name matches
#   BENCH_OUT=file             also write the table there (default .data/bench/last.md)
#   BENCH_DATABASE_URL=url     measure a data set generated before (by `peerbridge bench-seed`)
#                              instead of starting PostgreSQL and generating one; the server
#                              applies newer migrations, the write scenarios' rows stay in it,
#                              and the review round of the first run is reused by the next
#   BENCH_WEB=0                skip the Lighthouse run
#   BENCH_SOAK=600             after the table, run all the scenarios mixed for that many
#                              seconds and print the server's memory every 30 s (default 0: off)
# The Go benchmarks (go test -bench) are `make bench-go`.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
cd "$PEERBRIDGE_ROOT"

unset DATABASE_URL

PGTMP=""
SERVER_PID=""
cleanup() {
  set +e
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null
  fi
  if [[ -n "$PGTMP" ]]; then
    pg_stop_cluster "$PGTMP/pg" >/dev/null 2>&1
    rm -rf "$PGTMP"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

size="${BENCH_SIZE:-full}"
case "$size" in full | small) ;; *) die "BENCH_SIZE must be full or small, not '$size'" ;; esac
out="${BENCH_OUT:-$PEERBRIDGE_ROOT/.data/bench/last.md}"

ensure_go
pg_ensure_installed
PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/peerbridge-bench.XXXXXX")"
chmod 755 "$PGTMP"
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"

web_bench=""
if [[ "${BENCH_WEB:-1}" != 0 && -x scripts/bench-web.sh ]]; then
  web_bench=scripts/bench-web.sh
  ensure_node
  frontend_npm_ci_if_needed
  frontend_build
fi
log "go build (peerbridge)"
go build -o "$PGTMP/peerbridge" ./cmd/peerbridge </dev/null

if [[ -n "${BENCH_DATABASE_URL:-}" ]]; then
  export DATABASE_URL="$BENCH_DATABASE_URL"
  size="given (BENCH_DATABASE_URL)"
  log "measuring the data set at BENCH_DATABASE_URL"
else
  pg_start_cluster "$PGTMP/pg" "$(pick_free_port)" fast
  pg_psql "$PG_CLUSTER_PORT" "" -- -d postgres -c "CREATE DATABASE bench"
  export DATABASE_URL="postgres://postgres@127.0.0.1:${PG_CLUSTER_PORT}/bench?sslmode=disable"
  log "generating the $size data set (peerbridge bench-seed --size $size)"
  "$PGTMP/peerbridge" bench-seed --size "$size" </dev/null
fi

port="$(pick_free_port)"
base="http://127.0.0.1:$port"
export PEERBRIDGE_ADDR="127.0.0.1:$port"
export PEERBRIDGE_PUBLIC_URL="$base"
export PEERBRIDGE_JWT_SECRET="$(random_urlsafe 48)"
export PEERBRIDGE_WEB_DIR="$PEERBRIDGE_ROOT/frontend/dist"
# Tokens signed in once must outlive the run.
export PEERBRIDGE_ACCESS_TOKEN_TTL=2h

log "starting peerbridge serve on $base (log: $PGTMP/server.log)"
start_ns="$(date +%s%N)"
"$PGTMP/peerbridge" serve >"$PGTMP/server.log" 2>&1 </dev/null &
SERVER_PID=$!
ready_ms=""
for _ in $(seq 1 3000); do
  if curl -fs -o /dev/null "$base/readyz" 2>/dev/null; then
    ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$PGTMP/server.log" >&2; die "the server stopped while starting"; }
  sleep 0.005
done
[[ -n "$ready_ms" ]] || die "the server did not become ready within 15 s"
log "start to ready: ${ready_ms} ms"

mkdir -p "$(dirname "$out")"
log "peerbridge bench-load (${BENCH_CONNECTIONS:-32} connections, ${BENCH_SECONDS:-8} s per scenario)"
{
  echo "make bench, $(date -u '+%Y-%m-%d %H:%M UTC'), BENCH_SIZE=$size; $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
  "$PGTMP/peerbridge" bench-load --url "$base" --pid "$SERVER_PID" --start-to-ready "${ready_ms} ms" \
    --connections "${BENCH_CONNECTIONS:-32}" --seconds "${BENCH_SECONDS:-8}" --warmup "${BENCH_WARMUP:-2}" \
    --only "${BENCH_SCENARIOS:-}" --soak "${BENCH_SOAK:-0}s" </dev/null
} | tee "$out"
log "table written to $out"

if [[ -n "$web_bench" ]]; then
  log "$web_bench $base"
  PEERBRIDGE_BENCH_EMAIL="user0000@bench.example.org" PEERBRIDGE_BENCH_PASSWORD="bench-password-1" "$web_bench" "$base" </dev/null
fi
