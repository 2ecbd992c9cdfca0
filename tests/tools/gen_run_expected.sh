#!/usr/bin/env bash
# Regenerate tests/run/{seq,conc,onep}/X.{out,err,exit} from the real Go toolchain (the oracle).
# Usage: bash tests/tools/gen_run_expected.sh [-o OUTDIR] seq|conc|onep [X.go...]
#   onep programs run with GOMAXPROCS=1: their output is that of one processor.
#   For each X.go: `go build` it, run the binary (cwd = its folder, timeout 60 s) and write
#     X.out   its stdout, byte for byte (what `go run X.go` prints on stdout);
#     X.err   its stderr, normalized: the folder's absolute path and GOROOT are
#             dropped/replaced (`X.go:12`, `GOROOT/src/...`), ` +0x..` frame offsets
#             removed, other long hex values (pcs, addresses) shown as `0x?`. The
#             binary's stderr has no `exit status N` line (that one comes from `go run`
#             and is not kept). Tests compare only the first line of X.err;
#     X.exit  the binary's exit status followed by a newline (0, or 2 for panic/deadlock).
#   OUTDIR defaults to the case folder itself. Needs `go` (1.19 is the oracle).
set -eu
out=
if [ "${1:-}" = -o ]; then out=$2; shift 2; fi
kind=${1:?usage: gen_run_expected.sh [-o OUTDIR] seq|conc|onep [X.go...]}; shift
procs=; [ "$kind" = onep ] && procs=1
here=$(cd "$(dirname "$0")/../run/$kind" && pwd)
out=${out:-$here}; mkdir -p "$out"; out=$(cd "$out" && pwd)
command -v go >/dev/null || { echo "gen_run_expected: go not installed" >&2; exit 1; }
export GO111MODULE=off GOFLAGS= LC_ALL=C
goroot=$(go env GOROOT)
bin=$(mktemp -d); trap 'rm -rf "$bin"' EXIT
cd "$here"
if [ $# -eq 0 ]; then set -- *.go; fi
for f in "$@"; do
  x=${f%.go}
  go build -o "$bin/$x" "$f" || { echo "gen_run_expected: $f does not build" >&2; exit 1; }
  set +e
  GOMAXPROCS=${procs:-${GOMAXPROCS:-}} timeout 60 "$bin/$x" >"$out/$x.out" 2>"$bin/$x.stderr"
  rc=$?
  set -e
  [ "$rc" -ne 124 ] || { echo "gen_run_expected: $f timed out" >&2; exit 1; }
  echo "$rc" >"$out/$x.exit"
  sed -e "s#$here/##g" -e "s#$goroot/#GOROOT/#g" -e 's/ +0x[0-9a-f]*$//' \
      -e 's/0x[0-9a-f]\{5,\}/0x?/g' "$bin/$x.stderr" >"$out/$x.err"
done
