#!/usr/bin/env bash
# run_dump: the goroutine dump of a deadlock, beyond the first stderr line
# run_golden compares: for every tests/run/conc case whose Go stderr (X.err,
# from Go 1.19) reports a deadlock, the `goroutine N [wait reason]:` headers
# must match Go's in order and text (ids are not compared: Go's runtime owns
# goroutines 2-17 or so). Runs at seeds 1, 2 and 3.
# Usage: bash tests/run_dump.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: run_dump.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
cd "$SRCROOT/tests/run/conc" || exit 1
heads() { grep -E '^goroutine [0-9]+ \[' "$1" | sed -E 's/^goroutine [0-9]+ /goroutine N /'; }
pass=0 fail=0
for f in *.go; do
  x=${f%.go}
  grep -q 'all goroutines are asleep' "$x.err" || continue
  heads "$x.err" >"$TMP/want"
  for s in 1 2 3; do
    timeout 10 "$DRIVER" run "$f" --seed "$s" >/dev/null 2>"$TMP/err" </dev/null
    heads "$TMP/err" >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then pass=$((pass + 1)); else
      echo "FAIL $f --seed $s (want -> got):"; diff "$TMP/want" "$TMP/got" | sed 's/^/    /'; fail=$((fail + 1))
    fi
  done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
