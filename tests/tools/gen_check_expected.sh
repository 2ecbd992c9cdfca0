#!/usr/bin/env bash
# Regenerate tests/check/err/*.expected from the real Go compiler (the oracle).
# Usage: bash tests/tools/gen_check_expected.sh [OUTDIR [NAME.go...]]
#   Runs `go build -o /dev/null NAME.go` inside tests/check/err/ and keeps its
#   stderr minus the `# command-line-arguments` header, with the `./` prefix
#   dropped (also on tab-indented continuation lines such as `previous case`),
#   so every line reads `NAME.go:LINE:COL: text`. Writes NAME.expected
#   into OUTDIR (default: tests/check/err itself). Needs `go` (1.19 is the oracle).
set -eu
here=$(cd "$(dirname "$0")/../check/err" && pwd)
out=${1:-$here}
shift || true
mkdir -p "$out"; out=$(cd "$out" && pwd)
command -v go >/dev/null || { echo "gen_check_expected: go not installed" >&2; exit 1; }
export GO111MODULE=off GOFLAGS= LC_ALL=C
cd "$here"
if [ $# -eq 0 ]; then set -- *.go; fi
for f in "$@"; do
  name=${f%.go}
  if go build -o /dev/null "$f" 2>"$out/$name.raw"; then
    echo "gen_check_expected: $f compiled without error; not an error case" >&2
    rm -f "$out/$name.raw"; exit 1
  fi
  grep -v '^# command-line-arguments$' "$out/$name.raw" | sed 's#^\([[:blank:]]*\)\./#\1#' >"$out/$name.expected"
  rm -f "$out/$name.raw"
done
