#!/usr/bin/env bash
# Regenerate tests/race/*.expected from the real Go race detector.
# Usage: bash tests/tools/gen_race_expected.sh [OUTDIR]   (default: tests/race)
#        bash tests/tools/gen_race_expected.sh --normalise <REPORT   (filter)
#
# Each NAME.go in tests/race is built with `go build -race` and run RUNS times
# (default 30: Go picks among equivalent races differently from run to run); NAME.expected gets:
#   exit N                the binary's exit status (66 when races were found)
#   out LINE              each line of its stdout (first run)
#   race A | B            one line per distinct race over all runs, normalised
#                         as below, sorted and unique
# Normalised race: each side is `KIND FUNC:LINE by WHO` where KIND is Go's
# access kind (read, write, atomic write...), FUNC:LINE the innermost frame
# that is not in package runtime (Go's runtime.mapassign_faststr frames and
# ours differ in lines), WHO `main` or `g@FUNC:LINE`, the innermost frame of
# the goroutine's creation stack (goroutine numbers differ between Go and
# goro-viz; the go statement identifies the goroutine's role). The two sides
# are sorted, so which access came first (interleaving) does not matter.
# Addresses, +0x offsets and paths are dropped on the way.
# Also writes tests/race/scenarios.races: the races Go finds in
# scenarios/tutorial.go (its UnsafeCounter demo and a close racing a send)
# and scenarios/producer_consumer.go (the same close: it only sleeps before
# closing, which orders nothing), which tests/race/soak.sh allows there.
set -u
normalise() {
  awk '
  function flush(   a, b, t) {
    if (nside < 2) { nside = 0; return }
    a = kind[0] " " site[0] " by " who(g[0]); b = kind[1] " " site[1] " by " who(g[1])
    if (b < a) { t = a; a = b; b = t }
    print "race " a " | " b
    nside = 0; delete created
  }
  function who(id) { return id == "main" ? "main" : "g@" created[id] }
  /^==================$/ { if (inrep) { flush(); inrep = 0 } else { inrep = 1; nside = 0; mode = "" }; next }
  !inrep { next }
  /^(Read|Write|Atomic read|Atomic write) at .* by / || /^Previous (read|write|atomic read|atomic write) at .* by / {
    line = $0; sub(/^Previous /, "", line)
    k = line; sub(/ at .*/, "", k); k = tolower(k)
    id = line; sub(/.* by /, "", id); sub(/:$/, "", id)
    if (id == "main goroutine") id = "main"; else sub(/^goroutine /, "", id)
    kind[nside] = k; g[nside] = id; site[nside] = ""; cur = nside; nside++; mode = "acc"; fn = ""; next
  }
  /^Goroutine [0-9]+ \(.*\) created at:$/ { cid = $2; mode = "cre"; fn = ""; next }
  /^  [^ ].*\(\)$/ { fn = $1; sub(/\(\)$/, "", fn); next }
  /^      .*:[0-9]+/ {
    if (fn == "" || fn ~ /^runtime\./) next
    ln = $1; sub(/.*:/, "", ln)
    if (mode == "acc" && site[cur] == "") site[cur] = fn ":" ln
    if (mode == "cre" && !(cid in created)) created[cid] = fn ":" ln
    next
  }
  '
}
if [ "${1:-}" = "--normalise" ]; then normalise; exit 0; fi

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/tests/race}
RUNS=${RUNS:-30}
mkdir -p "$OUT"
command -v go >/dev/null || { echo "gen_race_expected: go not installed" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -n "${GOCACHE:-}" ] || [ -w "${HOME:-/nonexistent}" ] || export GOCACHE="$tmp/gocache"
# The tutorial's own racy scenario(s): only the set of races is recorded
# (tests/race/scenarios.races, `FILE race ...`), for the soak script.
: >"$tmp/scen"
for f in "$ROOT"/scenarios/tutorial.go "$ROOT"/scenarios/producer_consumer.go; do
  b=$(basename "$f" .go)
  mkdir -p "$tmp/s_$b"; cp "$f" "$tmp/s_$b/main.go"
  (cd "$tmp/s_$b" && GO111MODULE=off go build -race -o prog main.go) || { echo "gen_race_expected: build of $b failed" >&2; exit 1; }
  for r in $(seq 1 "$RUNS"); do
    "$tmp/s_$b/prog" >/dev/null 2>"$tmp/s_$b/err"
    normalise <"$tmp/s_$b/err" | sed "s|^|$(basename "$f") |" >>"$tmp/scen"
  done
done
sort -u "$tmp/scen" >"$OUT/scenarios.races"
for f in "$ROOT"/tests/race/*.go; do
  b=$(basename "$f" .go)
  mkdir -p "$tmp/$b"; cp "$f" "$tmp/$b/main.go"
  (cd "$tmp/$b" && GO111MODULE=off go build -race -o prog main.go) || { echo "gen_race_expected: build of $b failed" >&2; exit 1; }
  : >"$tmp/$b/races"
  for r in $(seq 1 "$RUNS"); do
    "$tmp/$b/prog" >"$tmp/$b/out.$r" 2>"$tmp/$b/err.$r"; echo $? >"$tmp/$b/rc.$r"
    normalise <"$tmp/$b/err.$r" >>"$tmp/$b/races"
  done
  {
    echo "exit $(cat "$tmp/$b/rc.1")"
    sed 's/^/out /' "$tmp/$b/out.1"
    sort -u "$tmp/$b/races"
  } >"$OUT/$b.expected"
done
