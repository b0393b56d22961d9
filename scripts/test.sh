#!/usr/bin/env bash
# Runs every test (unit and integration) on a fresh machine: starts a throwaway PostgreSQL
# server for the writers' tests, then builds and verifies all modules.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/with-postgres.sh mvn -B verify "$@"
