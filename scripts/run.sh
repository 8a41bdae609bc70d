#!/usr/bin/env bash
# `make run`: one command from a fresh clone to a running Peerbridge.
#
#   - PostgreSQL: uses DATABASE_URL if set; otherwise starts (or reuses) a
#     project-local durable cluster in .data/pg on 127.0.0.1:54329
#     (PEERBRIDGE_PG_PORT overrides) with a generated password in
#     .data/db-password. The cluster keeps running after the server stops;
#     `make db-stop` stops it.
#   - JWT secret: PEERBRIDGE_JWT_SECRET or PEERBRIDGE_JWT_SECRET_FILE if set;
#     otherwise .data/jwt-secret, generated once.
#   - Builds frontend/dist and bin/peerbridge, migrates, seeds the demo data,
#     then execs `bin/peerbridge serve`.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
cd "$PEERBRIDGE_ROOT"

ensure_go
ensure_node

DATA_DIR="$PEERBRIDGE_ROOT/.data"
mkdir -p "$DATA_DIR"
chmod 755 "$DATA_DIR"

# --- database ---------------------------------------------------------------
if [[ -z "${DATABASE_URL:-}" ]]; then
  pg_ensure_installed
  PG_PORT="${PEERBRIDGE_PG_PORT:-54329}"
  [[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "PEERBRIDGE_PG_PORT must be a port number"
  pg_start_cluster "$DATA_DIR/pg" "$PG_PORT" durable "$DATA_DIR/db-password"
  PG_PORT="$PG_CLUSTER_PORT"
  DB_PASSWORD="$(cat "$DATA_DIR/db-password")"
  pg_create_database "$PG_PORT" peerbridge "$DB_PASSWORD"
  export DATABASE_URL="postgres://postgres:${DB_PASSWORD}@127.0.0.1:${PG_PORT}/peerbridge?sslmode=disable"
  log "database: postgres://postgres:***@127.0.0.1:${PG_PORT}/peerbridge (data in .data/pg)"
else
  log "database: using DATABASE_URL from the environment"
fi

# --- JWT secret -------------------------------------------------------------
if [[ -z "${PEERBRIDGE_JWT_SECRET:-}" && -z "${PEERBRIDGE_JWT_SECRET_FILE:-}" ]]; then
  if [[ ! -s "$DATA_DIR/jwt-secret" ]]; then
    log "generating .data/jwt-secret"
    (umask 077 && random_b64 48 >"$DATA_DIR/jwt-secret")
  fi
  chmod 600 "$DATA_DIR/jwt-secret"
  export PEERBRIDGE_JWT_SECRET_FILE="$DATA_DIR/jwt-secret"
fi

# --- server settings --------------------------------------------------------
export PEERBRIDGE_ADDR="${PEERBRIDGE_ADDR:-127.0.0.1:8080}"
if [[ -z "${PEERBRIDGE_PUBLIC_URL:-}" ]]; then
  host_port="$PEERBRIDGE_ADDR"
  case "$host_port" in
    0.0.0.0:*|:*) host_port="127.0.0.1:${host_port##*:}" ;;
  esac
  PEERBRIDGE_PUBLIC_URL="http://${host_port}"
fi
export PEERBRIDGE_PUBLIC_URL
export PEERBRIDGE_WEB_DIR="${PEERBRIDGE_WEB_DIR:-$PEERBRIDGE_ROOT/frontend/dist}"

listen_host="${PEERBRIDGE_ADDR%:*}"
listen_port="${PEERBRIDGE_ADDR##*:}"
case "$listen_host" in ""|0.0.0.0) listen_host=127.0.0.1 ;; esac
if [[ "$listen_port" =~ ^[0-9]+$ ]] && tcp_port_open "$listen_port" "$listen_host"; then
  die "something is already listening on $PEERBRIDGE_ADDR; stop it or set PEERBRIDGE_ADDR=127.0.0.1:<port>"
fi

# --- build ------------------------------------------------------------------
frontend_npm_ci_if_needed
frontend_build
go_build_binary

# --- migrate, seed, serve ---------------------------------------------------
log "bin/peerbridge migrate"
bin/peerbridge migrate </dev/null
log "bin/peerbridge seed-demo"
bin/peerbridge seed-demo </dev/null

echo "Peerbridge is running at ${PEERBRIDGE_PUBLIC_URL}"
exec bin/peerbridge serve </dev/null
