#!/bin/bash
# check_ast_oracle.sh [FILE...]: compare goro-viz's parser with go/parser on
# valid Go files (default: tests/parse/valid, and the standard library and
# the test suite of the installed go; files go/parser rejects are skipped). Both sides print the same s-expression (see
# oracle/astdump.go and oracle/cdump.c); any difference is printed and the
# script exits 1. Needs go and cc; not part of ctest (it takes a minute).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -std=c11 -D_DEFAULT_SOURCE -O2 -I"$root/sim" "$here/oracle/cdump.c" "$root"/sim/*.c -lm -o "$tmp/cdump" || exit 2
(cd "$here/oracle" && go build -o "$tmp/astdump" astdump.go) || exit 2
if [ $# -gt 0 ]; then
    printf '%s\n' "$@" > "$tmp/files"
else
    goroot=$(go env GOROOT)
    { ls "$here"/valid/*.go; find "$goroot/src/" -name '*.go' -not -path '*/testdata/*';
      find "$goroot/test/" -name '*.go' 2>/dev/null; } > "$tmp/files"
fi
fail=0; n=0; skipped=0
while read -r f; do
    "$tmp/astdump" "$f" > "$tmp/want"
    if head -1 "$tmp/want" | grep -q '^ERROR'; then
        skipped=$((skipped + 1))
        continue
    fi
    n=$((n + 1))
    "$tmp/cdump" "$f" > "$tmp/got"
    if ! cmp -s "$tmp/want" "$tmp/got"; then
        fail=$((fail + 1))
        echo "=== differs: $f"
        diff "$tmp/want" "$tmp/got" | head -20
    fi
done < "$tmp/files"
echo "files: $n, differing: $fail (skipped, rejected by go/parser: $skipped)"
[ $fail -eq 0 ]
