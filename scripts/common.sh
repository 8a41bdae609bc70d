#!/usr/bin/env bash
# Shared helpers for the Peerbridge scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
#
# Everything here is non-interactive: nothing reads stdin.

if [[ -n "${PEERBRIDGE_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
PEERBRIDGE_COMMON_SH_LOADED=1

PEERBRIDGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PEERBRIDGE_ROOT

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# apt_install PKG... — install Debian packages non-interactively (root only).
# Runs `apt-get update` once per process before the first install.
apt_install() {
  is_root || die "need root to apt-get install $* (install it yourself and re-run)"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z "${PEERBRIDGE_APT_UPDATED:-}" ]]; then
    log "apt-get update"
    apt-get update -q </dev/null >&2
    PEERBRIDGE_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  apt-get install -y -q --no-install-recommends "$@" </dev/null >&2
}

# random_b64 N — N random bytes from /dev/urandom, standard base64, one line.
random_b64() {
  head -c "${1:-48}" /dev/urandom | base64 | tr -d '\n'
}

# random_urlsafe N — N random bytes, URL-safe base64 without padding (safe to
# embed in a connection URL without escaping).
random_urlsafe() {
  head -c "${1:-32}" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

# ensure_go — make sure `go` is on PATH (the toolchain lives in /usr/local/go).
ensure_go() {
  if ! command -v go >/dev/null 2>&1; then
    if [[ -x /usr/local/go/bin/go ]]; then
      export PATH="/usr/local/go/bin:$PATH"
    else
      die "Go toolchain not found (expected /usr/local/go/bin/go or go on PATH)"
    fi
  fi
  # `go install`ed tools end up here.
  local gobin
  gobin="$(go env GOPATH 2>/dev/null)/bin"
  case ":$PATH:" in *":$gobin:"*) ;; *) export PATH="$PATH:$gobin" ;; esac
}

# ensure_node — make sure node and npm exist.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "Node.js 20+ and npm are required (node/npm not found on PATH)"
  fi
}

# ensure_cgo_compiler — `go test -race` needs cgo and a C compiler.
ensure_cgo_compiler() {
  if ! command -v gcc >/dev/null 2>&1 && ! command -v cc >/dev/null 2>&1; then
    apt_install gcc libc6-dev
  fi
}

# go_packages — the module's packages, never anything under node_modules
# (some npm packages ship .go files that `./...` would otherwise pick up).
go_packages() {
  local pkgs
  pkgs="$(cd "$PEERBRIDGE_ROOT" && go list -e ./... 2>/dev/null | grep -v '/node_modules/' || true)"
  if [[ -z "$pkgs" ]]; then
    echo "./..."
  else
    echo "$pkgs"
  fi
}

# frontend_npm_ci_if_needed — `npm ci` when node_modules is missing or the
# lock file is newer than the last install.
frontend_npm_ci_if_needed() {
  local fe="$PEERBRIDGE_ROOT/frontend"
  [[ -f "$fe/package.json" ]] || { printf 'error: %s not found\n' "$fe/package.json" >&2; return 1; }
  if [[ ! -d "$fe/node_modules" ]] \
    || [[ ! -f "$fe/node_modules/.package-lock.json" ]] \
    || [[ "$fe/package-lock.json" -nt "$fe/node_modules/.package-lock.json" ]]; then
    log "npm ci (frontend)"
    # Browsers come from Debian (/usr/bin/chromium); never download one.
    (cd "$fe" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund </dev/null)
  fi
}

# frontend_build — production build into frontend/dist.
frontend_build() {
  log "npm run build (frontend)"
  (cd "$PEERBRIDGE_ROOT/frontend" && npm run build </dev/null)
}

# go_build_binary — bin/peerbridge from ./cmd/peerbridge.
go_build_binary() {
  log "go build -o bin/peerbridge ./cmd/peerbridge"
  (cd "$PEERBRIDGE_ROOT" && mkdir -p bin && go build -o bin/peerbridge ./cmd/peerbridge </dev/null)
}

# tcp_port_open PORT [HOST] — true when something accepts connections there.
tcp_port_open() {
  local port="$1" host="${2:-127.0.0.1}"
  timeout 1 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}
