#!/bin/sh
# Regenerate tests/gofmt/*.expected from tests/gofmt/cases_*.txt with real Go
# (1.19, as Debian ships it) and the Unicode tables in sim/gofmt_tables.c.
set -e
cd "$(dirname "$0")/../.."
go version
go run tests/gofmt/gen_cases.go tests/gofmt
go run tests/gofmt/gen_tables.go > sim/gofmt_tables.c
# Keep the committed formatting (the data tables are marked clang-format off).
if command -v clang-format >/dev/null; then clang-format -i sim/gofmt_tables.c; fi
