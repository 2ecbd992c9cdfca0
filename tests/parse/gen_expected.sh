#!/bin/bash
# gen_expected.sh: regenerate tests/parse/*.expected by running real Go
# (`go build`, Debian's Go 1.19) on each broken program in this directory.
# The expected text is go's output without the "# command-line-arguments"
# header and without the "./" path prefix. Run from anywhere.
set -u
cd "$(dirname "$0")"
export GOFLAGS=-mod=mod GO111MODULE=off GOCACHE=${GOCACHE:-/tmp/goro-gocache}
for f in *.go; do
    go build -o /dev/null "$f" 2>&1 | grep -v '^# command-line-arguments' | sed 's#^\./##' > "${f%.go}.expected"
done
