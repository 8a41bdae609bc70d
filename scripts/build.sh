#!/usr/bin/env bash
# `make build`: frontend/dist (npm ci when needed, npm run build) and
# bin/peerbridge.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$PEERBRIDGE_ROOT"

ensure_go
ensure_node
frontend_npm_ci_if_needed
frontend_build
go_build_binary
log "built frontend/dist and bin/peerbridge"
