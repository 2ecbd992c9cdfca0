#!/usr/bin/env bash
# Golden test for `goro-viz run`: same stdout, same first stderr line, same exit
# status as the real Go binary (expectations made by tests/tools/gen_run_expected.sh).
# Usage: bash tests/run_golden.sh GOROVIZ_BIN SRCROOT [seq|conc|onep]   (default: seq conc)
#   Each case runs inside its folder as `goro-viz run X.go [--seed S]` with a 10 s
#   timeout (GORO_RUN_TIMEOUT). Compared: stdout byte for byte with X.out, the first
#   line of stderr with the first line of X.err, the exit status with X.exit.
#   GORO_RUN_SEEDS="1 2 3" runs every case once per seed (default: one run, no
#   --seed); the conc programs print the same under every interleaving, so every
#   seed must pass. The onep programs (Go run with GOMAXPROCS=1) run with
#   `--strategy rr`: one processor, switching only where a goroutine blocks or
#   yields, as Go's scheduler does on one P for short programs.
#   For onep the `goroutine N [state]:` lines of stderr (panics, deadlock dumps)
#   are compared too: on one P, Go numbers goroutines deterministically.
#   When `go` is installed and GORO_NO_LIVE_GO is not 1, the expectations are first
#   regenerated live into a temp dir; a committed file that no longer matches what
#   Go prints (stdout, first stderr line, exit) fails its case as stale.
# Prints one block per failing case, then `N passed, N failed`; exit 1 on any failure.
set -u
BIN=${1:?usage: run_golden.sh GOROVIZ_BIN SRCROOT [seq|conc]}
SRCROOT=${2:?usage: run_golden.sh GOROVIZ_BIN SRCROOT [seq|conc]}
kinds=${3:-seq conc}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SRCROOT=$(cd "$SRCROOT" && pwd)
T=${GORO_RUN_TIMEOUT:-10}
seeds=${GORO_RUN_SEEDS:-default}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# gheads FILE: the `goroutine N [state]:` header lines of a stderr dump
gheads() { grep -E '^goroutine [0-9]+ \[' "$1" || true; }

failcase() { # failcase NAME WHY [DIFF-FILE]
  echo "FAIL $1: $2"
  [ -n "${3:-}" ] && sed 's/^/    /' "$3" | head -40
  fail=$((fail + 1))
}

live=0
if [ "${GORO_NO_LIVE_GO:-0}" != 1 ] && command -v go >/dev/null 2>&1; then
  [ -n "${GOCACHE:-}" ] || [ -w "${HOME:-/nonexistent}" ] || export GOCACHE="$tmp/gocache"
  live=1
  for k in $kinds; do
    if ! bash "$SRCROOT/tests/tools/gen_run_expected.sh" -o "$tmp/live/$k" "$k" >"$tmp/gen.log" 2>&1; then
      echo "FAIL live regeneration of $k with go:"; sed 's/^/    /' "$tmp/gen.log"; fail=$((fail + 1)); live=0
    fi
  done
else
  echo "note: go not used (missing or GORO_NO_LIVE_GO=1): committed expectations not re-checked"
fi

for k in $kinds; do
  cd "$SRCROOT/tests/run/$k" || { echo "FAIL: no tests/run/$k"; exit 1; }
  for f in *.go; do
    x=${f%.go}; name=$k/$f
    for e in out err exit; do
      [ -f "$x.$e" ] || { failcase "$name" "no $x.$e"; continue 2; }
    done
    want_exit=$(cat "$x.exit"); want_err1=$(head -n1 "$x.err")
    if [ "$live" = 1 ]; then
      L=$tmp/live/$k/$x
      if ! cmp -s "$x.out" "$L.out" || [ "$want_exit" != "$(cat "$L.exit")" ] ||
         [ "$want_err1" != "$(head -n1 "$L.err")" ] ||
         { [ "$k" = onep ] && [ "$(gheads "$x.err")" != "$(gheads "$L.err")" ]; }; then
        { diff -u "$x.out" "$L.out"; echo "exit: committed $want_exit, go now $(cat "$L.exit")";
          echo "stderr line 1: committed [$want_err1], go now [$(head -n1 "$L.err")]"; } >"$tmp/d"
        failcase "$name" "committed expectation is stale (diff committed -> go now)" "$tmp/d"; continue
      fi
    fi
    ok=1
    for s in $seeds; do
      if [ "$s" = default ]; then args=(run "$f"); label=; else args=(run "$f" --seed "$s"); label=" --seed $s"; fi
      [ "$k" = onep ] && args+=(--strategy rr) && label="$label --strategy rr"
      timeout "$T" "$BIN" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?
      if [ "$rc" -eq 124 ]; then
        failcase "$name$label" "timed out after ${T}s" "$tmp/err"; ok=0; break
      fi
      got_err1=$(head -n1 "$tmp/err")
      if ! cmp -s "$x.out" "$tmp/out"; then
        diff -u "$x.out" "$tmp/out" >"$tmp/d"; echo "(stderr) $got_err1" >>"$tmp/d"
        failcase "$name$label" "stdout differs (diff expected -> goro-viz)" "$tmp/d"; ok=0; break
      elif [ "$got_err1" != "$want_err1" ]; then
        printf -- '-%s\n+%s\n' "$want_err1" "$got_err1" >"$tmp/d"
        failcase "$name$label" "first stderr line differs" "$tmp/d"; ok=0; break
      elif [ "$k" = onep ] && [ "$(gheads "$x.err")" != "$(gheads "$tmp/err")" ]; then
        diff -u <(gheads "$x.err") <(gheads "$tmp/err") >"$tmp/d"
        failcase "$name$label" "goroutine numbers differ (diff expected -> goro-viz)" "$tmp/d"; ok=0; break
      elif [ "$rc" != "$want_exit" ]; then
        failcase "$name$label" "exit $rc (want $want_exit)" "$tmp/err"; ok=0; break
      fi
    done
    [ "$ok" = 1 ] && pass=$((pass + 1))
  done
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
