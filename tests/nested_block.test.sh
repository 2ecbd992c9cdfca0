#!/usr/bin/env bash
# nested_block: a goroutine that blocks inside a function a library function
# calls (fmt calling a String method, sort.Slice calling its less function)
# cannot be suspended in the middle of the C native: the run must end with
# goro-viz's own message and status 2, never corrupt the goroutine. Real Go
# runs these programs fine, so the expectations (tests/nested/X.err: first
# stderr line, X.exit) are goro-viz's documented limitation, not Go output;
# stdout must be empty (nothing printed after the failing call).
# Usage: bash tests/nested_block.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: nested_block.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
cd "$SRCROOT/tests/nested" || exit 1
pass=0 fail=0
for f in *.go; do
  x=${f%.go}
  for s in 1 2 3; do
    timeout 10 "$DRIVER" run "$f" --seed "$s" >"$TMP/out" 2>"$TMP/err" </dev/null; rc=$?
    if [ "$rc" != "$(cat "$x.exit")" ] || [ "$(head -n1 "$TMP/err")" != "$(head -n1 "$x.err")" ] ||
       [ -s "$TMP/out" ]; then
      echo "FAIL $f --seed $s: exit $rc, stderr [$(head -n1 "$TMP/err")], stdout $(wc -c <"$TMP/out") bytes"
      fail=$((fail + 1))
    else pass=$((pass + 1)); fi
  done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
