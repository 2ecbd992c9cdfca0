#!/bin/sh
# Regenerate tests/gofmt/*.expected from tests/gofmt/cases_*.txt with real Go
# (1.19, as Debian ships it) and the Unicode tables in sim/gofmt_tables.c.
set -e
cd "$(dirname "$0")/../.."
go version
go run tests/gofmt/gen_cases.go tests/gofmt
go run tests/gofmt/gen_tables.go > sim/gofmt_tables.c
