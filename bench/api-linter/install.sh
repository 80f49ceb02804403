#!/usr/bin/env bash
# Installs api-linter, pinned by go.mod beside this script, into .cache/bin of the clone:
# the oracle of the AIP rule pack (ACCURACY.md, test/rules/aip-pack.test.ts, bench).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$root/.cache/bin" "$root/.cache/go-build" "$root/.cache/go-mod"
cd "$here"
GOBIN="$root/.cache/bin" GOFLAGS=-mod=mod GOMODCACHE="${GOMODCACHE:-$root/.cache/go-mod}" GOCACHE="${GOCACHE:-$root/.cache/go-build}" \
  go install github.com/googleapis/api-linter/v2/cmd/api-linter
"$root/.cache/bin/api-linter" --version
