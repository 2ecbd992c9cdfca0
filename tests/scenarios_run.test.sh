#!/usr/bin/env bash
# scenarios_run: every scenarios/*.go runs (exit 0) at seeds 1..10 under each
# strategy, and its output holds what Go's does (tests/scenarios/expected,
# made by `go run`): byte-identical where Go's output does not depend on the
# interleaving, the same multiset of lines where only the order does, and
# the same number of lines elsewhere (race_counter and tutorial may add the
# "Race condition detected!" line).
# Usage: bash tests/scenarios_run.test.sh BIN SRCROOT
set -u
BIN=${1:?usage: scenarios_run.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
identical=" timeout_context "
multiset=" basic_goroutines channels error_handling fan_out_fan_in intro mutex_counter waitgroup "
racy=" race_counter tutorial "
fail=0 runs=0
for f in "$SRCROOT"/scenarios/*.go; do
  b=$(basename "$f" .go); want=$SRCROOT/tests/scenarios/expected/$b.out
  [ -f "$want" ] || { echo "FAIL $b: no expected output"; fail=$((fail + 1)); continue; }
  for strat in random pct rr; do
    for s in 1 2 3 4 5 6 7 8 9 10; do
      runs=$((runs + 1))
      timeout 20 "$DRIVER" run "$f" --seed "$s" --strategy "$strat" >"$TMP/out" 2>"$TMP/err"; rc=$?
      why=
      # the lock-order deadlock is the bug pct is built to find (bench_pct.md)
      if [ "$b" = deadlock_lock_order ] && [ "$rc" = 2 ] && grep -q "all goroutines are asleep" "$TMP/err"; then continue; fi
      if [ "$rc" != 0 ]; then why="exit $rc: $(head -1 "$TMP/err")"
      elif [[ $identical == *" $b "* ]]; then cmp -s "$TMP/out" "$want" || why="stdout differs from Go's"
      elif [[ $multiset == *" $b "* ]]; then
        cmp -s <(sort "$TMP/out") <(sort "$want") || why="lines differ from Go's (as a multiset)"
      else
        n=$(wc -l <"$TMP/out"); m=$(wc -l <"$want")
        if [[ $racy == *" $b "* ]]; then [ "$n" -eq "$m" ] || [ "$n" -eq $((m + 1)) ] || why="$n lines, Go printed $m"
        else [ "$n" -eq "$m" ] || why="$n lines, Go printed $m"; fi
      fi
      if [ -n "$why" ]; then echo "FAIL $b --seed $s --strategy $strat: $why"; fail=$((fail + 1)); break 2; fi
    done
  done
done
echo "$runs runs, $fail failed"
[ "$fail" -eq 0 ]
