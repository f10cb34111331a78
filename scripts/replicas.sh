#!/usr/bin/env bash
# Two backend replicas on one PostgreSQL (ports 7161 and 7162, databases
# onramp_replicas_*), concurrent work through both, and the checks that prove
# no lost or duplicated write, one run per scheduled job trigger, and no
# notification sent twice. Prints the figures; exits 1 when a check fails.
#
#   scripts/replicas.sh [--json]
#
# See scripts/replicas/run.mjs for the variables it reads.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh
exec node scripts/replicas/run.mjs "$@"
