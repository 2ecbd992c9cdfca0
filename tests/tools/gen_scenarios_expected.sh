#!/usr/bin/env bash
# gen_scenarios_expected: regenerate tests/scenarios/expected/NAME.out with Go
# (`go run scenarios/NAME.go`), the expectations scenarios_run.test.sh uses.
# Usage: bash tests/tools/gen_scenarios_expected.sh [NAME.go...]   (from the source root)
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export GOCACHE=${GOCACHE:-$tmp/gocache}
files=("$@"); [ ${#files[@]} -gt 0 ] || files=(scenarios/*.go)
for f in "${files[@]}"; do
  b=$(basename "$f" .go)
  (cd "$tmp" && go run "$OLDPWD/scenarios/$b.go") >"tests/scenarios/expected/$b.out"
done
