#!/usr/bin/env bash
# `make lint`: gofmt (must list nothing), go vet and staticcheck (the version pinned as a tool in
# go.mod, so nothing is installed by hand); in frontend/, ESLint (no warnings) and tsc.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$PEERBRIDGE_ROOT"

ensure_go
rc=0
unformatted="$(find . -name '*.go' -not -path './frontend/*' -not -path './.data/*' \
  -not -path './.git/*' -not -path '*/node_modules/*' -print0 | xargs -0 -r gofmt -l)"
if [[ -n "$unformatted" ]]; then
  echo "gofmt: these files need formatting (run gofmt -w):" >&2
  echo "$unformatted" >&2
  rc=1
fi
mapfile -t GO_PKGS < <(go_packages)
go vet "${GO_PKGS[@]}" || rc=1
go tool staticcheck "${GO_PKGS[@]}" || rc=1

# Frontend: installs first when node_modules is missing or older than the lock file.
ensure_node
if frontend_npm_ci_if_needed; then
  (cd "$PEERBRIDGE_ROOT/frontend" && npm run --silent lint </dev/null) || rc=1
  (cd "$PEERBRIDGE_ROOT/frontend" && npm run --silent typecheck </dev/null) || rc=1
else
  rc=1
fi
exit "$rc"
