#!/usr/bin/env bash
# The race detector against Go's: `goro-viz run --race` on tests/race/*.go.
# Usage: bash tests/race.test.sh GOROVIZ_BIN SRCROOT
# Expectations (NAME.expected) come from tests/tools/gen_race_expected.sh,
# which runs the real `go build -race` binary; see that script for the
# normalised form (`race KIND FUNC:LINE by WHO | ...`).
# The rule, because a race report depends on the interleaving: for each
# program and each seed in SEEDS (default 1..8)
#   - the exit status equals Go's (66 with races, 0 without);
#   - stdout equals Go's (the programs print nothing racy);
#   - racy programs (exit 66): at least one race is reported, and every
#     normalised race is one Go reported (same access kinds, functions, lines
#     and goroutine roles; which side came first is ignored);
#   - correct programs: no report at all (no false positives).
# When `go` is installed (and GORO_NO_LIVE_GO is not 1) expectations are also
# regenerated live (one run each): exit and output lines must equal the
# committed ones and some race Go reports now must be in the committed file
# (Go's own choice among equivalent races varies from run to run, so the
# committed file is the union of RUNS=30 runs).
set -u
BIN=${1:?usage: race.test.sh GOROVIZ_BIN SRCROOT}
SRCROOT=${2:?usage: race.test.sh GOROVIZ_BIN SRCROOT}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SRCROOT=$(cd "$SRCROOT" && pwd)
SEEDS=${SEEDS:-"1 2 3 4 5 6 7 8"}
T=${GORO_RACE_TIMEOUT:-20}
GEN="$SRCROOT/tests/tools/gen_race_expected.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
failcase() { echo "FAIL $1: $2"; [ -n "${3:-}" ] && sed 's/^/    /' "$3" | head -40; fail=$((fail + 1)); }

live=0
if [ "${GORO_NO_LIVE_GO:-0}" != 1 ] && command -v go >/dev/null 2>&1; then
  if RUNS=1 bash "$GEN" "$tmp/live" >"$tmp/gen.log" 2>&1; then live=1
  else echo "FAIL live regeneration with go:"; sed 's/^/    /' "$tmp/gen.log"; fail=$((fail + 1)); fi
else
  echo "note: go not used (missing or GORO_NO_LIVE_GO=1): committed expectations not re-checked"
fi

cd "$SRCROOT/tests/race" || exit 1
for f in *.go; do
  b=${f%.go}
  exp=$b.expected
  if [ ! -f "$exp" ]; then failcase "$b" "no $exp"; continue; fi
  if [ "$live" = 1 ]; then
    grep -v '^race ' "$tmp/live/$exp" >"$tmp/l1"; grep -v '^race ' "$exp" >"$tmp/c1"
    grep '^race ' "$tmp/live/$exp" | sort -u >"$tmp/l2"; grep '^race ' "$exp" | sort -u >"$tmp/c2"
    if ! diff -u "$tmp/c1" "$tmp/l1" >"$tmp/d"; then failcase "$b" "committed $exp is stale (exit/out)" "$tmp/d"; continue; fi
    if [ -s "$tmp/l2" ] && [ -z "$(comm -12 "$tmp/l2" "$tmp/c2")" ]; then
      comm -23 "$tmp/l2" "$tmp/c2" >"$tmp/d"; failcase "$b" "go now reports only races missing from $exp" "$tmp/d"; continue
    fi
  fi
  want_rc=$(sed -n 's/^exit //p' "$exp")
  sed -n 's/^out //p' "$exp" >"$tmp/want_out"
  grep '^race ' "$exp" | sort -u >"$tmp/want_races"
  ok=1
  for s in $SEEDS; do
    timeout "$T" "$BIN" run --race "$f" --seed "$s" >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ "$rc" != "$want_rc" ]; then failcase "$b" "seed $s: exit $rc (want $want_rc)" "$tmp/err"; ok=0; break; fi
    if ! diff -u "$tmp/want_out" "$tmp/out" >"$tmp/d"; then failcase "$b" "seed $s: stdout differs" "$tmp/d"; ok=0; break; fi
    bash "$GEN" --normalise <"$tmp/err" | sort -u >"$tmp/races"
    if [ "$want_rc" = 66 ]; then
      if [ ! -s "$tmp/races" ]; then failcase "$b" "seed $s: no race reported" "$tmp/err"; ok=0; break; fi
      if [ -n "$(comm -23 "$tmp/races" "$tmp/want_races")" ]; then
        { comm -23 "$tmp/races" "$tmp/want_races"; echo "--- report:"; cat "$tmp/err"; } >"$tmp/d"
        failcase "$b" "seed $s: a race Go does not report" "$tmp/d"; ok=0; break
      fi
      n=$(grep -c '^WARNING: DATA RACE$' "$tmp/err")
      if ! grep -q "^Found $n data race(s)$" "$tmp/err"; then failcase "$b" "seed $s: no 'Found $n data race(s)'" "$tmp/err"; ok=0; break; fi
    elif [ -s "$tmp/err" ]; then
      failcase "$b" "seed $s: false positive (or other stderr)" "$tmp/err"; ok=0; break
    fi
  done
  [ "$ok" = 1 ] && pass=$((pass + 1))
done
# A trace without --race stops race tracking past 8128 live goroutines and
# says so in its header (race.h); `run --race` has no limit (ok_many.go above,
# like Go 1.19), and a small program's trace tracks races to the end.
if timeout "$T" "$BIN" trace ok_many.go --format text -o "$tmp/many.trace" >/dev/null 2>"$tmp/err" &&
   grep -qx '# meta races=not tracked past 8128 live goroutines' "$tmp/many.trace" &&
   timeout "$T" "$BIN" trace racy_counter.go --format text -o "$tmp/small.trace" >/dev/null 2>>"$tmp/err" &&
   ! grep -q '^# meta races=' "$tmp/small.trace"; then pass=$((pass + 1))
else failcase trace_limit "no 'races' meta past 8128 live goroutines (or one on a small run)" "$tmp/err"; fi
# Past its 200,000 memory events a trace-only run stops race tracking and
# turns the memory hook off mid-run (race.h); the switch points must not
# move: the racy count (which depends on every preemption point, in nested
# calls from sort.Slice too) equals `run`'s and `run --race`'s, and races
# before the cap are still marked.
cat >"$tmp/capped.go" <<'EOF'
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20000; j++ {
				count++
				if j%5 == 0 {
					s := []int{5, 3, 8, 1, 7, 4, 6, 2}
					sort.Slice(s, func(a, b int) bool { count++; return s[a] < s[b] })
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("count", count)
}
EOF
ok=1
for s in 1 2 3 4; do
  plain=$(timeout "$T" "$BIN" run "$tmp/capped.go" --seed $s 2>&1)
  raced=$(timeout "$T" "$BIN" run "$tmp/capped.go" --race --seed $s 2>/dev/null | grep '^count')
  timeout "$T" "$BIN" trace "$tmp/capped.go" --seed $s --format text -o "$tmp/capped.trace" >/dev/null 2>"$tmp/err"
  traced=$(grep -o 'output "count [0-9]*' "$tmp/capped.trace" | sed 's/output "//')
  if [ -z "$plain" ] || [ "$plain" != "$raced" ] || [ "$plain" != "$traced" ] ||
     ! grep -qx '# meta races=not tracked past 200000 memory events' "$tmp/capped.trace" ||
     ! grep -q ' race ' "$tmp/capped.trace"; then
    echo "seed $s: run '$plain', run --race '$raced', trace '$traced'" >>"$tmp/err"; ok=0
  fi
done
if [ "$ok" = 1 ]; then pass=$((pass + 1)); else failcase trace_mem_cap "capped trace-only detector moved a switch point or lost its meta/races" "$tmp/err"; fi
# No false positives on the tutorial's scenarios (tests/race/soak.sh; the
# full 1000-seed soak is a benchmark): SOAK seeds each (default 50).
if bash "$SRCROOT/tests/race/soak.sh" "$BIN" "${SOAK:-50}" >"$tmp/soak" 2>&1; then pass=$((pass + 1))
else failcase soak "tests/race/soak.sh ${SOAK:-50}" "$tmp/soak"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
