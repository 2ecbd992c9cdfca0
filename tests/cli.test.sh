#!/usr/bin/env bash
# cli: the command line's documented exit codes and one-line messages for
# unusable input. Usage: bash tests/cli.test.sh GOROVIZ_BIN SRCROOT
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME WANT_STATUS STDERR_REGEX -- ARGS...
expect() {
    local name=$1 want=$2 re=$3
    shift 4
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL $name: exit $got, want $want"; sed 's/^/  stderr: /' "$tmp/err"; fail=$((fail + 1)); return
    fi
    if [ -n "$re" ] && ! grep -Eq -- "$re" "$tmp/err"; then
        echo "FAIL $name: stderr does not match /$re/"; sed 's/^/  stderr: /' "$tmp/err"; fail=$((fail + 1)); return
    fi
    pass=$((pass + 1))
}

printf 'package main\n\nfunc main() {}\n' >"$tmp/ok.go"
printf 'package main\x00\n' >"$tmp/bin.go"
printf 'package main\n// caf\xe9\nfunc main() {}\n' >"$tmp/latin1.go"
mkdir "$tmp/dir.go"

expect help 0 "" -- --help
grep -q '^usage: goro-viz' "$tmp/out" || { echo "FAIL help: no usage on stdout"; fail=$((fail + 1)); }
expect version 0 "" -- --version
grep -Eq '^goro-viz [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || { echo "FAIL version: $(cat "$tmp/out")"; fail=$((fail + 1)); }
expect unknown-option 64 "unknown option '--frobnicate'" -- --frobnicate
expect bad-seed 64 "--seed needs a non-negative integer" -- check "$tmp/ok.go" --seed x
expect bad-strategy 64 "--strategy must be random, pct or rr" -- check "$tmp/ok.go" --strategy fifo
expect check-no-file 64 "check needs a FILE.go" -- check
expect check-two-files 64 "one FILE.go at a time" -- check "$tmp/ok.go" "$tmp/ok.go"
expect check-ok 0 "" -- check "$tmp/ok.go"
[ -s "$tmp/err" ] && { echo "FAIL check-ok: stderr not empty"; fail=$((fail + 1)); }
expect missing 1 "^goro-viz: cannot open .*/nope.go: No such file or directory$" -- check "$tmp/nope.go"
expect directory 1 "^goro-viz: .*/dir.go is a directory, not a Go source file$" -- check "$tmp/dir.go"
expect binary 1 "^goro-viz: .*/bin.go is not a Go source file: it contains a NUL byte at offset 12" -- check "$tmp/bin.go"
expect non-utf8 1 "^goro-viz: .*/latin1.go is not a Go source file: invalid UTF-8 at byte offset 19$" -- check "$tmp/latin1.go"
# a loop closed by a conditional jump (`a || b` bottom test) still counts
# against --max-steps: the run ends with exit 3, not a hang (found by fuzz_run)
printf 'package main\n\nfunc main() {\n\tx := 1\n\tfor x > 0 || x < -5 {\n\t}\n}\n' >"$tmp/spin_or.go"
timeout 20 "$bin" run --max-steps 5000 "$tmp/spin_or.go" >/dev/null 2>"$tmp/err"
st=$?
if [ "$st" -eq 3 ] && grep -q "step limit reached" "$tmp/err"; then pass=$((pass + 1)); else echo "FAIL spin-or-limit: exit $st"; fail=$((fail + 1)); fi

# disasm compiles as run does: goroutines and sync calls disassemble
expect disasm-conc 0 "" -- disasm "$(dirname "$0")/../scenarios/race_counter.go"
grep -q 'GO ' "$tmp/out" && grep -q 'sync.(\*WaitGroup).Wait' "$tmp/out" ||
    { echo "FAIL disasm-conc: no GO or WaitGroup.Wait in the listing"; fail=$((fail + 1)); }

# every unusable-file message is exactly one line
for f in nope.go dir.go bin.go latin1.go; do
    "$bin" check "$tmp/$f" 2>"$tmp/err" >/dev/null
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL one-line $f"; fail=$((fail + 1)); }
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
