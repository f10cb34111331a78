#!/usr/bin/env bash
# Starts the portal the end-to-end suite runs against (playwright.config.ts
# calls it): the backend serving the production build of the app on one port
# (app-config.e2e.yaml), on SQLite in a throwaway directory or, with
# ONRAMP_E2E_DB=pg, on fresh onramp_e2e_* databases in PostgreSQL.
#
#   ONRAMP_E2E_PORT           the one port (default 7007)
#   ONRAMP_E2E_DIR            absolute path of the throwaway data directory
#   ONRAMP_E2E_RUNTIME_PORTS_FROM, _TO
#                             the ports of the services it deploys (default
#                             41000-41999; each portal of a run its own range)
#   ONRAMP_E2E_PORTAL_INDEX   0 (default) for the first portal of a run
#   ONRAMP_E2E_DB             sqlite (default) or pg
#   ONRAMP_TEST_POSTGRES_URL  the server for pg (default postgresql://postgres@127.0.0.1:5432)
#   ONRAMP_E2E_BUILD=1        rebuild the app even when packages/app/dist exists
#
# The catalog reads the demo Golden Paths from ONRAMP_E2E_DIR/golden-paths, a
# copy of examples/golden-paths made here (ONRAMP_GOLDEN_PATHS_DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh

export ONRAMP_E2E_PORT="${ONRAMP_E2E_PORT:-7007}"
export ONRAMP_E2E_DIR="${ONRAMP_E2E_DIR:-$PWD/data/e2e}"
export ONRAMP_E2E_RUNTIME_PORTS_FROM="${ONRAMP_E2E_RUNTIME_PORTS_FROM:-41000}"
export ONRAMP_E2E_RUNTIME_PORTS_TO="${ONRAMP_E2E_RUNTIME_PORTS_TO:-41999}"
portal="${ONRAMP_E2E_PORTAL_INDEX:-0}"
configs=(--config ../../app-config.yaml --config ../../app-config.e2e.yaml)

# scripts/test.sh builds the app once before the runs; a developer running
# `yarn playwright test` gets a build the first time and reuses it after.
# Playwright starts a run's portals one after another, each once the one
# before answers, so they all serve the build the first portal made:
# ONRAMP_E2E_BUILD=1 rebuilds it there only.
if { [ "${ONRAMP_E2E_BUILD:-}" = 1 ] && [ "$portal" = 0 ]; } || [ ! -f packages/app/dist/index.html ]; then
  log "Building the app for production (yarn workspace app build)"
  yarn workspace app build >/dev/null
fi
log "Serving the production build in packages/app/dist (ONRAMP_E2E_BUILD=1 rebuilds it)"

if [ "${ONRAMP_E2E_DB:-sqlite}" = pg ]; then
  export ONRAMP_E2E_POSTGRES_URL="${ONRAMP_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
  log "PostgreSQL at $ONRAMP_E2E_POSTGRES_URL: dropping the onramp_e2e_* databases of the last run"
  node -e '
    const { Client } = require("pg");
    (async () => {
      const c = new Client({ connectionString: process.argv[1], database: "postgres", connectionTimeoutMillis: 5000 });
      await c.connect();
      const { rows } = await c.query(
        "SELECT datname FROM pg_database WHERE datname LIKE $1", ["onramp\\_e2e\\_%"]);
      for (const { datname } of rows) {
        await c.query(`DROP DATABASE ${c.escapeIdentifier(datname)} WITH (FORCE)`);
      }
      await c.end();
      console.error(`[onramp] dropped ${rows.length} database(s)`);
    })().catch(e => { console.error(`[onramp] cannot prepare PostgreSQL: ${e.message}`); process.exit(1); });
  ' "$ONRAMP_E2E_POSTGRES_URL"
  configs+=(--config ../../app-config.e2e-pg.yaml)
fi
# Only what this script's configuration writes there, never the directory itself.
rm -rf "$ONRAMP_E2E_DIR/sqlite" "$ONRAMP_E2E_DIR/git" "$ONRAMP_E2E_DIR/golden-paths" "$ONRAMP_E2E_DIR/techdocs"
mkdir -p "$ONRAMP_E2E_DIR"
# The catalog reads the demo Golden Paths from a copy the flows may edit
# (packages/app/e2e-tests/golden-paths-catalog.test.ts), never the committed
# files; a fresh copy every run.
cp -r examples/golden-paths "$ONRAMP_E2E_DIR/golden-paths"
export ONRAMP_GOLDEN_PATHS_DIR="$ONRAMP_E2E_DIR/golden-paths"

log "Starting the backend on http://localhost:$ONRAMP_E2E_PORT (${ONRAMP_E2E_DB:-sqlite})"
cd packages/backend
exec yarn start "${configs[@]}"
