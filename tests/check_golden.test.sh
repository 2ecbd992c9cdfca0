#!/usr/bin/env bash
# Golden test for `goro-viz check`: accepts every valid program, rejects every
# invalid one with Go's exact diagnostics.
# Usage: bash tests/check_golden.sh GOROVIZ_BIN SRCROOT
#   tests/check/ok/*.go   `goro-viz check F` exits 0, stdout and stderr empty.
#   tests/check/err/*.go  run inside tests/check/err as `goro-viz check NAME.go`:
#                         exit 1, stdout empty, stderr byte-identical to NAME.expected.
# When `go` is installed (and GORO_NO_LIVE_GO is not 1), every expectation is also
# regenerated live with tests/tools/gen_check_expected.sh and a committed file that
# differs from what Go says now fails its case, so a stale expectation cannot hide.
# Prints one block per failing case, then `N passed, N failed`; exit 1 on any failure.
set -u
BIN=${1:?usage: check_golden.sh GOROVIZ_BIN SRCROOT}
SRCROOT=${2:?usage: check_golden.sh GOROVIZ_BIN SRCROOT}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SRCROOT=$(cd "$SRCROOT" && pwd)
T=${GORO_CHECK_TIMEOUT:-10}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

failcase() { # failcase NAME WHY [DIFF-FILE]
  echo "FAIL $1: $2"
  [ -n "${3:-}" ] && sed 's/^/    /' "$3" | head -40
  fail=$((fail + 1))
}

live=0
if [ "${GORO_NO_LIVE_GO:-0}" != 1 ] && command -v go >/dev/null 2>&1; then
  [ -n "${GOCACHE:-}" ] || [ -w "${HOME:-/nonexistent}" ] || export GOCACHE="$tmp/gocache"
  if bash "$SRCROOT/tests/tools/gen_check_expected.sh" "$tmp/live" >"$tmp/gen.log" 2>&1; then
    live=1
  else
    echo "FAIL live regeneration with go:"; sed 's/^/    /' "$tmp/gen.log"; fail=$((fail + 1))
  fi
else
  echo "note: go not used (missing or GORO_NO_LIVE_GO=1): committed expectations not re-checked"
fi

for f in "$SRCROOT"/tests/check/ok/*.go; do
  name=ok/$(basename "$f")
  timeout "$T" "$BIN" check "$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then
    cat "$tmp/out" "$tmp/err" >"$tmp/both"
    failcase "$name" "exit $rc (want 0, no output)" "$tmp/both"
  else
    pass=$((pass + 1))
  fi
done

cd "$SRCROOT/tests/check/err" || exit 1
for f in *.go; do
  name=err/$f; base=${f%.go}
  if [ ! -f "$base.expected" ]; then failcase "$name" "no $base.expected"; continue; fi
  if [ "$live" = 1 ] && ! diff -u "$base.expected" "$tmp/live/$base.expected" >"$tmp/d"; then
    failcase "$name" "committed $base.expected is stale (diff committed -> go now)" "$tmp/d"; continue
  fi
  timeout "$T" "$BIN" check "$f" >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ "$rc" -ne 1 ]; then
    cat "$tmp/out" "$tmp/err" >"$tmp/both"
    failcase "$name" "exit $rc (want 1)" "$tmp/both"
  elif [ -s "$tmp/out" ]; then
    failcase "$name" "stdout not empty" "$tmp/out"
  elif ! diff -u "$base.expected" "$tmp/err" >"$tmp/d"; then
    failcase "$name" "stderr differs (diff expected -> goro-viz)" "$tmp/d"
  else
    pass=$((pass + 1))
  fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
