#!/usr/bin/env bash
# determinism: for every scenario x seeds 0..N-1 (GORO_DET_SEEDS, default 100)
# the trace text is byte-identical on rerun and between sim/ built with
# gcc -O2 and with clang -O0 (each build compiled here from the sources).
# Usage: bash tests/determinism.test.sh BIN SRCROOT
set -u
BIN=${1:?usage: determinism.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
N=${GORO_DET_SEEDS:-100}
flags="-std=c11 -D_DEFAULT_SOURCE -I $SRCROOT/sim"
build() { # build NAME CC OPT
  command -v "$2" >/dev/null || { echo "SKIP: no $2"; exit 0; }
  "$2" $flags $3 "$SRCROOT"/sim/*.c "$SRCROOT/tests/tools/sched_driver.c" -lm -o "$TMP/$1" ||
    { echo "FAIL: cannot build with $2 $3"; exit 1; }
}
build gcc-O2 gcc -O2 & build clang-O0 clang -O0 & wait
[ -x "$TMP/gcc-O2" ] && [ -x "$TMP/clang-O0" ] || { echo "FAIL: a build is missing"; exit 1; }
fail=0 runs=0
for f in "$SRCROOT"/scenarios/*.go; do
  b=$(basename "$f" .go)
  for ((s = 0; s < N; s++)); do
    runs=$((runs + 1))
    "$TMP/gcc-O2" trace "$f" --seed "$s" -o "$TMP/a" 2>/dev/null
    "$TMP/gcc-O2" trace "$f" --seed "$s" -o "$TMP/b" 2>/dev/null
    "$TMP/clang-O0" trace "$f" --seed "$s" -o "$TMP/c" 2>/dev/null
    [ -s "$TMP/a" ] || { echo "FAIL $b --seed $s: empty trace"; fail=$((fail + 1)); continue; }
    cmp -s "$TMP/a" "$TMP/b" || { echo "FAIL $b --seed $s: trace differs on rerun"; fail=$((fail + 1)); }
    cmp -s "$TMP/a" "$TMP/c" || { echo "FAIL $b --seed $s: gcc -O2 and clang -O0 traces differ"; fail=$((fail + 1)); }
  done
done
echo "$runs scenario x seed pairs, $fail failed"
[ "$fail" -eq 0 ]
