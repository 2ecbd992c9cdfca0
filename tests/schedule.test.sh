#!/usr/bin/env bash
# schedule: --record-schedule / --schedule / shrink / --verify (sim/schedule.h).
#  1. recording does not change a run, and replaying the recorded schedule
#     gives a byte-identical trace: every scenario x strategies x seeds;
#  2. a schedule survives comments added to the program, and reports its
#     first divergence once the program really changes;
#  3. shrink brings failing race_counter seeds to <= 2 preemptions and the
#     shrunk schedule replays to the same failure (also the lock-order
#     deadlock); a seed that does not fail is refused;
#     a run recorded while replaying a shrunk schedule replays exactly;
#  4. run --verify passes, and fails (exit 4) against another seed's trace;
#  5. a malformed schedule is refused with its line number (exit 1).
# Usage: bash tests/schedule.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: schedule.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# `goro-viz shrink` once viz/main.c dispatches it; until then a driver
# built from viz/cli_shrink.c and the libgorosim.a beside the binary.
if "$BIN" shrink --help 2>/dev/null | grep -q "^usage: goro-viz shrink"; then
  SHRINK=("$BIN" shrink)
else
  lib=$(dirname "$BIN")/../sim/libgorosim.a
  printf '#include "cli_shrink.h"\nint main(int c, char **v) { return cli_shrink(c - 1, v + 1); }\n' >"$TMP/m.c"
  build() { ${CC:-cc} -O1 "$@" -I "$SRCROOT/sim" -I "$SRCROOT/viz" "$TMP/m.c" "$SRCROOT/viz/cli_shrink.c" "$lib" -lm -o "$TMP/shrink"; }
  build 2>/dev/null || build -fsanitize=address,undefined || { echo "cannot build the shrink driver"; exit 1; }
  SHRINK=("$TMP/shrink")
fi

# 1. record / replay identity
n=0
for f in "$SRCROOT"/scenarios/*.go; do
  b=$(basename "$f" .go)
  for strat in random pct rr; do
    for s in 1 2 5 9; do
      n=$((n + 1))
      timeout 20 "$BIN" trace "$f" --seed $s --strategy $strat -o "$TMP/a.trace" 2>"$TMP/a.err"; r1=$?
      timeout 20 "$BIN" trace "$f" --seed $s --strategy $strat -o "$TMP/b.trace" --record-schedule "$TMP/s.sched" 2>"$TMP/b.err"; r2=$?
      timeout 20 "$BIN" trace "$f" --schedule "$TMP/s.sched" -o "$TMP/c.trace" 2>"$TMP/c.err"; r3=$?
      cmp -s "$TMP/a.trace" "$TMP/b.trace" || { bad "$b $strat seed $s: --record-schedule changed the trace"; continue; }
      cmp -s "$TMP/a.trace" "$TMP/c.trace" || { bad "$b $strat seed $s: the replay's trace differs"; continue; }
      [ $r1 = $r2 ] && [ $r1 = $r3 ] || bad "$b $strat seed $s: exit $r1 / $r2 / $r3"
      grep -q 'schedule diverges' "$TMP/c.err" && bad "$b $strat seed $s: replay reports a divergence"
    done
  done
done
echo "record/replay: $n runs"

# 2. edits
rc=$SRCROOT/scenarios/race_counter.go
cp "$rc" "$TMP/rc.go"
"$BIN" run "$TMP/rc.go" --seed 9 --record-schedule "$TMP/rc.sched" >"$TMP/rc.out"
grep -q 'Correct: false' "$TMP/rc.out" || bad "race_counter seed 9 no longer loses updates (pick another seed)"
sed 's|^func (c \*UnsafeCounter) Increment() {|// a comment\n// and another\nfunc (c *UnsafeCounter) Increment() {|; s|^func main() {|func main() { // entry|' \
  "$TMP/rc.go" >"$TMP/rc_comment.go"
cmp -s "$TMP/rc.go" "$TMP/rc_comment.go" && bad "the comment edit did not apply"
"$BIN" run "$TMP/rc_comment.go" --schedule "$TMP/rc.sched" >"$TMP/o" 2>"$TMP/e"
cmp -s "$TMP/o" "$TMP/rc.out" || bad "comments added: the replay's output differs"
[ -s "$TMP/e" ] && bad "comments added: stderr: $(head -1 "$TMP/e")"
sed 's/incrementsPerGoroutine := 100/incrementsPerGoroutine := 101/' "$TMP/rc.go" >"$TMP/rc_edit.go"
"$BIN" run "$TMP/rc_edit.go" --schedule "$TMP/rc.sched" >"$TMP/o" 2>"$TMP/e"; r=$?
[ $r = 0 ] || bad "edited: exit $r"
[ "$(grep -c 'schedule diverges' "$TMP/e")" = 1 ] || bad "edited: want one divergence line, stderr: $(cat "$TMP/e")"
grep -Eq '^goro-viz: schedule diverges at decision [0-9]+ \(line [0-9]+\): expected g[0-9]+ .*; continuing with seed 9$' "$TMP/e" ||
  bad "edited: divergence message: $(cat "$TMP/e")"

# 3. shrink
for s in 1 2 9 16 31; do
  "${SHRINK[@]}" "$rc" --seed $s --until 'output~Correct: false' -o "$TMP/sh$s.sched" >"$TMP/sh.out" 2>"$TMP/sh.err" ||
    { bad "shrink race_counter seed $s: exit $?: $(cat "$TMP/sh.err")"; continue; }
  before=$(sed -n 's/^seed [0-9]*: \([0-9]*\) preemption.*/\1/p' "$TMP/sh.out")
  after=$(sed -n 's/^shrunk: \([0-9]*\) preemption.*/\1/p' "$TMP/sh.out")
  [ -n "$after" ] && [ "$after" -le 2 ] || bad "shrink race_counter seed $s: $after preemptions: $(cat "$TMP/sh.out")"
  [ "$(grep -c '^[0-9]* [pgl] ' "$TMP/sh$s.sched")" = "$after" ] || bad "shrink seed $s: the file does not hold $after preemptions"
  "$BIN" run "$rc" --schedule "$TMP/sh$s.sched" >"$TMP/o" 2>"$TMP/e"
  grep -q 'diverges' "$TMP/sh.out" && bad "shrink seed $s: its own replay diverges: $(grep diverges "$TMP/sh.out")"
  want=$(grep -o 'Actual: [0-9]*, Correct: false' "$TMP/sh.out")
  [ -n "$want" ] && grep -q "$want" "$TMP/o" || bad "shrink seed $s: shrink said '$want', the replay gives '$(grep Actual "$TMP/o")'"
  [ -s "$TMP/e" ] && bad "shrink seed $s: replay stderr: $(head -1 "$TMP/e")"
  echo "shrink race_counter seed $s: $before -> $after preemptions"
done
# a run recorded while it replays a shrunk schedule replays exactly (its
# header names the strategy that replay ran: fifo)
"$BIN" run "$rc" --schedule "$TMP/sh9.sched" --record-schedule "$TMP/re.sched" >"$TMP/o1" 2>/dev/null
"$BIN" run "$rc" --schedule "$TMP/re.sched" >"$TMP/o2" 2>"$TMP/e"
cmp -s "$TMP/o1" "$TMP/o2" && ! [ -s "$TMP/e" ] || bad "re-recorded shrunk schedule: $(head -1 "$TMP/e")"
# a sparse line that never applies is reported, and the run goes on
sed 's/^\([0-9]* p g[0-9]*\)@[0-9]* /\1@999999 /' "$TMP/sh9.sched" >"$TMP/never.sched"
"$BIN" run "$rc" --schedule "$TMP/never.sched" >"$TMP/o" 2>"$TMP/e"; r=$?
[ $r = 0 ] && grep -q 'Actual: 1000, Correct: true' "$TMP/o" || bad "unapplied sparse line: exit $r, $(grep Actual "$TMP/o")"
grep -Eq '^goro-viz: schedule diverges: decision 1 \(line [0-9]+\) never applied: g[0-9]+ preempted at main.\(\*UnsafeCounter\).Increment\+0' "$TMP/e" ||
  bad "unapplied sparse line: stderr: $(cat "$TMP/e")"
dl=$SRCROOT/scenarios/deadlock_lock_order.go
s=$("$BIN" hunt "$dl" --until deadlock --seeds 0..5000 2>/dev/null | sed -n 's/^seed //p')
if [ -z "$s" ]; then bad "hunt found no lock-order deadlock"
else
  "${SHRINK[@]}" "$dl" --seed "$s" --until deadlock -o "$TMP/dl.sched" >"$TMP/sh.out" 2>&1 || bad "shrink deadlock seed $s: $(cat "$TMP/sh.out")"
  grep -q '^shrunk: 1 preemption ' "$TMP/sh.out" || bad "shrink deadlock seed $s: $(cat "$TMP/sh.out")"
  "$BIN" run "$dl" --schedule "$TMP/dl.sched" >/dev/null 2>"$TMP/e"; r=$?
  [ $r = 2 ] && grep -q 'all goroutines are asleep' "$TMP/e" || bad "shrunk deadlock replays to exit $r"
fi
"${SHRINK[@]}" "$rc" --seed 0 --until 'output~Correct: false' -o "$TMP/no.sched" >/dev/null 2>"$TMP/e"; r=$?
[ $r = 1 ] && grep -q 'does not satisfy' "$TMP/e" || bad "shrink of a passing seed: exit $r, $(cat "$TMP/e")"
"${SHRINK[@]}" "$rc" --seed 1 >/dev/null 2>&1; [ $? = 64 ] || bad "shrink without --until is not a usage error"

# 4. --verify
for f in race_counter worker_pool timeout_context; do
  "$BIN" run "$SRCROOT/scenarios/$f.go" --seed 3 --verify >"$TMP/o" 2>"$TMP/e"; r=$?
  [ $r = 0 ] && grep -Eq '^goro-viz: verified: [0-9]+ events identical' "$TMP/e" || bad "--verify $f: exit $r, $(cat "$TMP/e")"
done
"$BIN" run "$rc" --seed 9 >"$TMP/plain.out" 2>/dev/null
"$BIN" run "$rc" --seed 9 --verify >"$TMP/o" 2>/dev/null
cmp -s "$TMP/o" "$TMP/plain.out" || bad "--verify changed the program's output"
"$BIN" trace "$rc" --seed 9 -o "$TMP/t9.trace"
"$BIN" run "$rc" --seed 9 --verify-trace "$TMP/t9.trace" >/dev/null 2>"$TMP/e"; r=$?
[ $r = 0 ] || bad "--verify-trace against its own trace: exit $r, $(cat "$TMP/e")"
"$BIN" trace "$rc" --seed 2 -o "$TMP/t2.trace"
"$BIN" run "$rc" --seed 9 --verify-trace "$TMP/t2.trace" >/dev/null 2>"$TMP/e"; r=$?
[ $r = 4 ] || bad "--verify-trace against another seed: exit $r"
grep -Eq '^goro-viz: verify: .* differs at event [0-9]+:$' "$TMP/e" && grep -q '^  first:  #' "$TMP/e" &&
  grep -q '^  second: #' "$TMP/e" || bad "--verify-trace divergence report: $(cat "$TMP/e")"

# 6. pct finds the lock-order deadlock (a depth-2 bug) far more often than
# random: PCT's bound for it is 1/(n*k) = 1/(3*41) (tests/bench/bench_pct.md)
h=$("$BIN" explore "$dl" --seeds 0..499 --strategy pct --pct-depth 2 --json --no-progress 2>/dev/null | grep -c '"deadlock"')
[ "$h" -ge 10 ] || bad "pct d=2 found the lock-order deadlock in $h of 500 seeds (want >= 10)"
h=$("$BIN" explore "$dl" --seeds 0..499 --strategy pct --pct-depth 1 --json --no-progress 2>/dev/null | grep -c '"deadlock"')
[ "$h" = 0 ] || bad "pct d=1 (no change point) deadlocked $h times"

# 5. malformed schedules
printf 'goro-viz-schedule 1\nseed 1\n12 p g1@x main.f+0 L3 -> g2/2\n' >"$TMP/bad.sched"
"$BIN" run "$rc" --schedule "$TMP/bad.sched" >/dev/null 2>"$TMP/e"; r=$?
[ $r = 1 ] && grep -q "bad.sched: line 3: expected G@ACC" "$TMP/e" || bad "malformed schedule: exit $r, $(cat "$TMP/e")"
"$BIN" run "$rc" --schedule "$TMP/none.sched" >/dev/null 2>"$TMP/e"; r=$?
[ $r = 1 ] && grep -q "cannot read" "$TMP/e" || bad "missing schedule: exit $r"
"$BIN" run "$rc" --schedule >/dev/null 2>&1; [ $? = 64 ] || bad "--schedule without a file is not a usage error"

echo "$fail failed"
[ "$fail" -eq 0 ]
