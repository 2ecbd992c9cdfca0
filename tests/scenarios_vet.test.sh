#!/usr/bin/env bash
# Every scenario must be valid Go: the tutorial's sections must exist and pass `go vet`.
# Usage: bash tests/scenarios_vet.test.sh GOROVIZ_BIN SRCROOT
# Skips (exit 0) when the Go toolchain is not installed; CI installs it.
set -u
SRCROOT=${2:?usage: scenarios_vet.test.sh GOROVIZ_BIN SRCROOT}
cd "$SRCROOT/scenarios" || { echo "FAIL: no scenarios/ under $SRCROOT"; exit 1; }

# The tutorial sections that must be present as scenarios (a missing one fails).
required="intro basic_goroutines channels waitgroup worker_pool producer_consumer
fan_out_fan_in mutex_counter race_counter rwmutex_cache http_server
background_tasks error_handling timeout_context tutorial"
fail=0
for s in $required; do
  [ -f "$s.go" ] || { echo "FAIL: scenarios/$s.go is missing"; fail=$((fail + 1)); }
done

if ! command -v go >/dev/null 2>&1; then
  echo "SKIP: go not installed, scenarios not vetted ($fail missing)"
  [ "$fail" -eq 0 ]; exit $?
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export GO111MODULE=off GOFLAGS=
[ -n "${GOCACHE:-}" ] || [ -w "${HOME:-/nonexistent}" ] || export GOCACHE="$tmp/cache"

pass=0
for f in *.go; do
  if out=$(go vet "./$f" 2>&1); then
    pass=$((pass + 1))
  else
    echo "FAIL: go vet scenarios/$f"; printf '%s\n' "$out" | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
