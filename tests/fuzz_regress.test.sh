#!/usr/bin/env bash
# fuzz_regress: every input under tests/fuzz/regress (crashes the fuzzer once
# found) must now give exit 0 or 1 from `goro-viz check`, never a crash.
# Usage: bash tests/fuzz_regress.test.sh GOROVIZ_BIN SRCROOT
set -u
bin=$1 root=$2
pass=0 fail=0
for f in "$root"/tests/fuzz/regress/*; do
    case "$f" in *README) continue ;; esac
    [ -e "$f" ] || continue
    timeout 10 "$bin" check "$f" >/dev/null 2>&1
    st=$?
    if [ "$st" -eq 0 ] || [ "$st" -eq 1 ]; then pass=$((pass + 1)); else echo "FAIL $f: exit $st"; fail=$((fail + 1)); fi
done
# The harness itself must see a test: a malformed program is exit 1, not a crash.
printf 'package main\nfunc main( {\n' >/tmp/goro_fuzz_probe.go
timeout 10 "$bin" check /tmp/goro_fuzz_probe.go >/dev/null 2>&1
st=$?
rm -f /tmp/goro_fuzz_probe.go
if [ "$st" -eq 1 ]; then pass=$((pass + 1)); else echo "FAIL probe: exit $st, want 1"; fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
