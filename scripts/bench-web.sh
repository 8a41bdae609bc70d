#!/usr/bin/env bash
# Lighthouse (performance) on a running Peerbridge: the public catalogue and a coordinator's
# dashboard, in Debian's Chromium, with a table of score, LCP, TBT, main-thread work, JavaScript
# transferred and the API wait, and the initial JavaScript (gzip) as the server sends it.
# Part of the benchmark, never of `make test`: scores depend on the machine and the API's speed.
#
#   scripts/bench-web.sh BASE_URL [--preset desktop|mobile] [--runs N] [--json FILE]
#
# Environment: PEERBRIDGE_BENCH_EMAIL / PEERBRIDGE_BENCH_PASSWORD (a coordinator; without them the
# dashboard is skipped), PEERBRIDGE_BENCH_PROGRAMME (optional), CHROME_PATH (default /usr/bin/chromium).
# The default preset is desktop (the coordinators' device); the target is a score of 90 or more.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: scripts/bench-web.sh BASE_URL [--preset desktop|mobile] [--runs N] [--json FILE]" >&2
  exit 2
fi

ensure_node
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[[ -x "$CHROME_PATH" ]] || die "no browser at $CHROME_PATH (apt-get install chromium)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
frontend_npm_ci_if_needed

# Relative --json paths are meant from where the script was called.
args=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--json" && $# -ge 2 ]]; then
    args+=("$1" "$(realpath -m "$2")")
    shift 2
  else
    args+=("$1")
    shift
  fi
done

cd "$PEERBRIDGE_ROOT/frontend"
exec node scripts/lighthouse.mjs "${args[@]}" </dev/null
