#!/usr/bin/env bash
# fuzz_regress: every input under tests/fuzz/regress (crashes the fuzzer once
# found) must now give exit 0 or 1 from `goro-viz check`, never a crash; the
# Go ones that compile must replay their recorded schedule identically.
# Usage: bash tests/fuzz_regress.test.sh GOROVIZ_BIN SRCROOT
set -u
bin=$1 root=$2
pass=0 fail=0
for f in "$root"/tests/fuzz/regress/*; do
    case "$f" in *README | *.sched) continue ;; esac
    [ -e "$f" ] || continue
    timeout 10 "$bin" check "$f" >/dev/null 2>&1
    st=$?
    if [ "$st" -eq 0 ] || [ "$st" -eq 1 ]; then pass=$((pass + 1)); else echo "FAIL $f: exit $st"; fail=$((fail + 1)); fi
done
# Every input that compiles also records its schedule and replays it (as
# fuzz_run does): same stdout, same exit status, no divergence reported.
tmp=$(mktemp -d)
for f in "$root"/tests/fuzz/regress/*.go; do
    [ -e "$f" ] || continue
    timeout 10 "$bin" check "$f" >/dev/null 2>&1 || continue
    for seed in 1 4; do
        lim=(--seed $seed --max-steps 200000 --max-vtime 10s)
        timeout 20 "$bin" run "$f" "${lim[@]}" --record-schedule "$tmp/s" >"$tmp/o1" 2>"$tmp/e1"
        s1=$?
        timeout 20 "$bin" run "$f" --max-steps 200000 --max-vtime 10s --schedule "$tmp/s" >"$tmp/o2" 2>"$tmp/e2"
        s2=$?
        if [ "$s1" -ne "$s2" ] || ! cmp -s "$tmp/o1" "$tmp/o2" || grep -q diverge "$tmp/e2"; then
            echo "FAIL $f seed $seed: the replay of its recorded schedule differs (exit $s1 / $s2)"
            head -3 "$tmp/e2"
            fail=$((fail + 1))
        else
            pass=$((pass + 1))
        fi
    done
done
# Schedule files (fuzz_schedule's finds) replay on the program their
# `# program P` line names: a run or a Go failure (exit 0 or 2), never a
# crash nor a limit.
for f in "$root"/tests/fuzz/regress/*.sched; do
    [ -e "$f" ] || continue
    prog=$(sed -n 's/^# program //p' "$f" | head -1)
    timeout 20 "$bin" run "$root/$prog" --max-steps 1000000 --schedule "$f" >/dev/null 2>"$tmp/e"
    st=$?
    if [ "$st" -eq 0 ] || [ "$st" -eq 2 ]; then pass=$((pass + 1)); else echo "FAIL $f: exit $st"; head -3 "$tmp/e"; fail=$((fail + 1)); fi
done
rm -rf "$tmp"
# The harness itself must see a test: a malformed program is exit 1, not a crash.
printf 'package main\nfunc main( {\n' >/tmp/goro_fuzz_probe.go
timeout 10 "$bin" check /tmp/goro_fuzz_probe.go >/dev/null 2>&1
st=$?
rm -f /tmp/goro_fuzz_probe.go
if [ "$st" -eq 1 ]; then pass=$((pass + 1)); else echo "FAIL probe: exit $st, want 1"; fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
