#!/usr/bin/env bash
# No false positives, at scale: the tutorial's correct scenarios under
# `goro-viz run --race` for seeds 1..N (default 1000): every run must exit 0
# with nothing on stderr. scenarios/tutorial.go and producer_consumer.go
# (which have Go-confirmed races: the UnsafeCounter demo; a close racing a
# send, ordered only by a time.Sleep) must report only races listed in
# tests/race/scenarios.races (normalised as in
# tests/tools/gen_race_expected.sh). Prints per scenario: seeds, failures,
# seconds. A benchmark-sized check; tests/race.test.sh runs it with N=50.
# Usage: bash tests/race/soak.sh GOROVIZ_BIN [N] [SCENARIO...]
set -u
BIN=${1:?usage: soak.sh GOROVIZ_BIN [N] [SCENARIO...]}
N=${2:-1000}
shift 2 2>/dev/null || shift $#
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
scen=("$@"); [ ${#scen[@]} -gt 0 ] || scen=(mutex_counter rwmutex_cache worker_pool fan_out_fan_in producer_consumer waitgroup tutorial)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
NORM="$ROOT/tests/tools/gen_race_expected.sh"
bad=0
for s in "${scen[@]}"; do
  f=$ROOT/scenarios/$s.go
  grep "^$s.go race " "$ROOT/tests/race/scenarios.races" | sed "s/^$s.go //" | sort -u >"$tmp/allowed"
  fails=0 racy=0 t0=$EPOCHREALTIME
  for ((seed = 1; seed <= N; seed++)); do
    timeout 60 "$BIN" run --race "$f" --seed "$seed" >/dev/null 2>"$tmp/err"; rc=$?
    if [ -s "$tmp/allowed" ]; then
      bash "$NORM" --normalise <"$tmp/err" | sort -u >"$tmp/races"
      [ -s "$tmp/races" ] && racy=$((racy + 1))
      extra=$(comm -23 "$tmp/races" "$tmp/allowed")
      if [ -n "$extra" ] || { [ "$rc" != 0 ] && [ "$rc" != 66 ]; }; then
        fails=$((fails + 1)); [ $fails -le 3 ] && { echo "FAIL $s seed $seed: exit $rc"; echo "$extra" | sed 's/^/    /'; }
      fi
    elif [ "$rc" != 0 ] || [ -s "$tmp/err" ]; then
      fails=$((fails + 1)); [ $fails -le 3 ] && { echo "FAIL $s seed $seed: exit $rc"; head -20 "$tmp/err" | sed 's/^/    /'; }
    fi
  done
  t1=$EPOCHREALTIME
  printf '%-18s seeds=%d failures=%d%s seconds=%.1f\n' "$s" "$N" "$fails" \
    "$([ -s "$tmp/allowed" ] && echo " runs-with-known-races=$racy")" "$(echo "$t1 - $t0" | bc -l)"
  [ $fails -gt 0 ] && bad=1
done
exit $bad
