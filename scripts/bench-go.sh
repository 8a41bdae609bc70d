#!/usr/bin/env bash
# `make bench-go`: the Go benchmarks (go test -bench) against a throwaway PostgreSQL (fsync off).
# Extra arguments go to `go test`, e.g. `scripts/bench-go.sh -benchtime=2s`.
# BENCH (default '.') selects benchmarks: `make bench-go BENCH=Login`.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
cd "$PEERBRIDGE_ROOT"

unset DATABASE_URL

PGTMP=""
cleanup() {
  set +e
  if [[ -n "$PGTMP" ]]; then
    pg_stop_cluster "$PGTMP/pg" >/dev/null 2>&1
    rm -rf "$PGTMP"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_go
pg_ensure_installed
PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/peerbridge-bench.XXXXXX")"
chmod 755 "$PGTMP"
pg_start_cluster "$PGTMP/pg" "$(pick_free_port)" fast
export PEERBRIDGE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:${PG_CLUSTER_PORT}/postgres?sslmode=disable"
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"

mapfile -t GO_PKGS < <(go_packages)
log "go test -run '^\$' -bench '${BENCH:-.}' -benchmem"
go test -run '^$' -bench "${BENCH:-.}" -benchmem "$@" "${GO_PKGS[@]}" </dev/null
