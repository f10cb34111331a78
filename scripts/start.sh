#!/usr/bin/env bash
# Installs what is missing and starts the Onramp portal on its embedded
# defaults (SQLite under data/, guest sign-in, demo organisation).
# Prints the URL once both the app and the backend answer. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh

log "Installing dependencies (yarn install)"
yarn install

APP_URL="${ONRAMP_APP_URL:-http://localhost:3000}"
READY_URL="${ONRAMP_BACKEND_READY_URL:-http://localhost:7007/.backstage/health/v1/readiness}"

announce() {
  for _ in $(seq 1 600); do
    if node -e 'Promise.all(process.argv.slice(1).map(u => fetch(u).then(r => { if (!r.ok) throw 0; }))).then(() => process.exit(0), () => process.exit(1))' "$APP_URL" "$READY_URL" 2>/dev/null; then
      printf '\n\033[1;32m[onramp] Onramp is ready: %s\033[0m\n\n' "$APP_URL" >&2
      return 0
    fi
    sleep 1
  done
  log "The portal did not answer on $APP_URL within 10 minutes; see the output above."
}
announce &
announcer=$!
trap 'kill $announcer 2>/dev/null || true' EXIT

log "Starting the app and the backend (backstage-cli repo start)"
yarn start "$@"
