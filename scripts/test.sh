#!/usr/bin/env bash
# Installs what is missing and runs every check and test Onramp has:
# type check, lint, formatting, unit and backend tests (SQLite and PostgreSQL),
# and the Playwright end-to-end suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh

started=$(date +%s)
step() { printf '\n\033[1;34m[onramp] ── %s\033[0m\n' "$*" >&2; }
summary=()
timed() {
  local name="$1"
  shift
  local t0=$(date +%s)
  step "$name"
  "$@"
  summary+=("$(printf '%-28s %4ss' "$name" $(($(date +%s) - t0)))")
}

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# together NAME CMD... [-- NAME CMD...]: stages that share no files, side by
# side (2 cores: tsc alone leaves one idle). Each one's output is printed
# when all are done; any failure fails the group.
together() {
  local names=() pids=() n=0 failed=()
  while [ $# -gt 0 ]; do
    local name="$1" cmd=()
    shift
    while [ $# -gt 0 ] && [ "$1" != -- ]; do cmd+=("$1") && shift; done
    [ $# -eq 0 ] || shift
    step "$name (started alongside)"
    (
      t0=$(date +%s)
      rc=0
      "${cmd[@]}" >"$results/together-$n.log" 2>&1 || rc=$?
      echo $(($(date +%s) - t0)) >"$results/together-$n.secs"
      exit $rc
    ) &
    names+=("$name") pids+=($!) n=$((n + 1))
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed+=("${names[$i]}")
    step "${names[$i]}"
    cat "$results/together-$i.log" >&2
    summary+=("$(printf '%-28s %4ss (alongside)' "${names[$i]}" "$(cat "$results/together-$i.secs")")")
  done
  rm -f "$results"/together-*
  [ ${#failed[@]} -eq 0 ] || die "Failed: ${failed[*]}"
}

# Caches a second run in the same checkout uses (never in CI, which starts
# from a clean checkout and proves everything): eslint's per-package success
# cache keyed by file contents, and prettier's cache of file contents.
cache=()
[ -n "${CI:-}" ] || [ -n "${ONRAMP_TEST_NO_CACHE:-}" ] || cache=(1)

timed "install (immutable)" yarn install --immutable

# The type check is the one the API reports need (no skipLibCheck, no
# incremental state: what `backstage-repo-tools api-reports --tsc` runs), so
# they reuse its declarations in dist-types instead of compiling again.
# (The app's production build beside them made tsc slower by more than the
# build's own 15 s: the group took 160 and 180 s instead of 125 + 15.)
together "type check (tsc)" yarn tsc:full \
  -- "lint" yarn backstage-cli repo lint ${cache:+--success-cache} \
  -- "formatting (prettier)" yarn prettier --check ${cache:+--cache --cache-strategy content} .
# Every published package built (from the declarations tsc wrote to dist-types
# above), packed and its tarball checked as an adopter would get it; then the
# public API of each against its committed report, from the same declarations.
packs="$(mktemp -d)"
timed "build and pack" yarn test:pack --out "$packs"
timed "API reports" yarn test:api-reports:from-types
# The same tarballs installed into a clean Backstage app outside this
# workspace by each plugin README's install steps, started, and checked in
# Chromium: a Skill Exchange post, a golden path started, a Day-1 dry-run.
timed "install into a clean app" node scripts/install-check.mjs --packs "$packs"
rm -rf "$packs"

# PostgreSQL for the backend tests: TestDatabases reads this variable. Docker is
# never used. Outside CI a missing server skips the PostgreSQL half loudly;
# in CI it is an error.
PG_URL="${ONRAMP_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
export ONRAMP_TEST_POSTGRES_URL="$PG_URL"
pg_ok=
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query("select 1")).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
' "$PG_URL" 2>/dev/null; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"
  pg_ok=1
  log "Backend tests and the end-to-end smoke run on SQLite and on PostgreSQL ($PG_URL)"
elif [ -n "${CI:-}" ]; then
  die "PostgreSQL does not answer at $PG_URL; CI must run the backend tests on PostgreSQL too."
else
  printf '\n\033[1;33m%s\n%s\033[0m\n\n' \
    "[onramp] !!! PostgreSQL does not answer at $PG_URL: the PostgreSQL half of the backend tests and the end-to-end smoke run on PostgreSQL are SKIPPED." \
    "[onramp] !!! Start PostgreSQL (or set ONRAMP_TEST_POSTGRES_URL) to run it." >&2
fi

# Not Backstage's success cache for the tests (`repo test --success-cache`):
# with every package a hit, @backstage/cli 0.36.6 leaves jest no projects,
# and jest then runs every test file without Backstage's transform (212
# suites failed with "Cannot use import statement outside a module").
timed "unit and backend tests" bash -c 'set -o pipefail; CI=true yarn backstage-cli repo test --passWithNoTests --json --outputFile="$0/jest.json" 2>&1 | tee "$0/jest.log"' "$results"

# End to end: the production build of the app, served by the backend on one
# port (scripts/e2e-portal.sh, started by Playwright). Every flow on two
# portals with clean SQLite directories, then the @smoke flows on fresh
# onramp_e2e_* databases in PostgreSQL.
[ -x "${ONRAMP_CHROMIUM:-/usr/bin/chromium}" ] ||
  die "No Chromium at ${ONRAMP_CHROMIUM:-/usr/bin/chromium}: install Debian's 'chromium' package (apt-get install chromium) or set ONRAMP_CHROMIUM."
export ONRAMP_E2E_DATA="${ONRAMP_E2E_DATA:-data/e2e}"
timed "app build (production)" yarn workspace app build
timed "end-to-end on SQLite" bash -c 'set -o pipefail; ONRAMP_E2E_JSON="$0/e2e.json" ONRAMP_E2E_DB=sqlite yarn playwright test 2>&1 | tee "$0/e2e.log"' "$results"
if [ -n "$pg_ok" ]; then
  timed "end-to-end smoke on PG" bash -c 'set -o pipefail; ONRAMP_E2E_JSON="$0/e2e-pg.json" ONRAMP_E2E_DB=pg yarn playwright test 2>&1 | tee "$0/e2e-pg.log"' "$results"
  # Two backend replicas on one PostgreSQL, concurrent work through both
  # (README, "Several replicas"). Prints its figures; fails on any check.
  # Not alongside the smoke run: three backends' connection pools together
  # went past PostgreSQL's default max_connections (100): "sorry, too many
  # clients already".
  timed "replicas on PG" ./scripts/replicas.sh
else
  # Already an error in CI (above). The flows not run count as skipped.
  ONRAMP_E2E_DB=pg yarn playwright test --list 2>/dev/null | grep -oE 'Total: [0-9]+' |
    sed 's/Total:/ /; s/$/ skipped/' >"$results/e2e-pg.log" || true
  printf '\n\033[1;33m%s\033[0m\n\n' \
    "[onramp] !!! The end-to-end smoke run on PostgreSQL is SKIPPED ($(grep -oE '[0-9]+' "$results/e2e-pg.log" || echo '?') flows): PostgreSQL does not answer at $PG_URL." >&2
fi

step "all checks passed in $(($(date +%s) - started))s"
printf '  %s\n' "${summary[@]}" >&2
node scripts/slowest-tests.js "$results/jest.json" "$results/e2e.json" "$results/e2e-pg.json" || true

# One closing line over both runners (jest: "Tests: N passed, M skipped, T total";
# Playwright, the SQLite and the PostgreSQL runs: "N passed (12s)", "M skipped").
count() { grep -aoE "$1" "$2" 2>/dev/null | grep -oE '[0-9]+' | tail -1 || true; }
jest_passed=$(count 'Tests:.* [0-9]+ passed' "$results/jest.log")
jest_skipped=$(count 'Tests:.* [0-9]+ skipped' "$results/jest.log")
e2e_passed=0 e2e_skipped=0
for run in "$results/e2e.log" "$results/e2e-pg.log"; do
  n=$(count '^ +[0-9]+ passed' "$run")
  e2e_passed=$((e2e_passed + ${n:-0}))
  n=$(count '^ +[0-9]+ skipped' "$run")
  e2e_skipped=$((e2e_skipped + ${n:-0}))
done
echo "$((${jest_passed:-0} + e2e_passed)) passed, 0 failed, $((${jest_skipped:-0} + e2e_skipped)) skipped"
