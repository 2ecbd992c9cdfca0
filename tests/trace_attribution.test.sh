#!/usr/bin/env bash
# trace_attribution: who an event is about. (1) In every scenario's trace
# (seeds 1-3), a `gA go.unblock gB @L` carries the waker gA's own line (the
# line of gA's previous event), not the woken goroutine's, so gA's card
# never jumps to gB's code. (2) Sync fields are named after the variable
# they were allocated as: deadlock_lock_order's mutexes are alice.mu and
# bob.mu (not from.mu, the parameter they are first locked through).
# Usage: bash tests/trace_attribution.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: trace_attribution.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
cat >"$TMP/chk.awk" <<'AWK'
$3 ~ /^t=/ && $4 ~ /^g[0-9]+$/ {
  g = $4; line = ""
  for (i = NF; i > 4; i--) if ($i ~ /^@[0-9]+:/) { line = $i; break }
  if ($5 == "go.unblock" && line != "" && last[g] != "" && line != last[g]) {
    print "    " $0 " (" g "'s previous event is at " last[g] ")"; bad++
  }
  if (line != "") last[g] = line
}
END { exit bad > 0 }
AWK
pass=0 fail=0
for f in "$SRCROOT"/scenarios/*.go; do
  for s in 1 2 3; do
    "$DRIVER" trace "$f" --seed "$s" -o "$TMP/t" 2>/dev/null
    if awk -f "$TMP/chk.awk" "$TMP/t" >"$TMP/bad"; then pass=$((pass + 1)); else
      echo "FAIL $(basename "$f") --seed $s: go.unblock at the woken goroutine's line"; head -3 "$TMP/bad"; fail=$((fail + 1))
    fi
  done
done
"$DRIVER" trace "$SRCROOT/scenarios/deadlock_lock_order.go" --seed 1 -o "$TMP/t" 2>/dev/null
names=$(grep -E '^# obj [0-9]+ mutex ' "$TMP/t" | awk '{print $5}' | tr '\n' ' ')
if [ "$names" = "alice.mu bob.mu " ]; then pass=$((pass + 1)); else
  echo "FAIL deadlock_lock_order mutex names: [$names], want [alice.mu bob.mu ]"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
