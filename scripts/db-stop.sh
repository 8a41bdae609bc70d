#!/usr/bin/env bash
# `make db-stop`: stop the project-local PostgreSQL that `make run` started
# (.data/pg). The data stays; `make run` starts it again.
set -euo pipefail

# shellcheck source=scripts/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg.sh"
cd "$PEERBRIDGE_ROOT"

if [[ -d .data/pg ]] && pg_cluster_running .data/pg; then
  pg_stop_cluster .data/pg
  log "stopped PostgreSQL in .data/pg"
else
  log "PostgreSQL in .data/pg is not running"
fi
