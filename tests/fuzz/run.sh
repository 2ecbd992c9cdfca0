#!/usr/bin/env bash
# run: build the fuzz targets with clang and run TARGET (fuzz_front: parse +
# check; fuzz_run: parse + check + run under limits) for SECONDS (default 600)
# over a corpus seeded from scenarios/ and the test corpora.
# Usage: bash tests/fuzz/run.sh [SECONDS] [TARGET]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-600}
target=${2:-fuzz_front}
CC=clang cmake -S . -B build-fuzz -DGORO_FUZZ=ON -DGORO_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target "$target"
corpus=build-fuzz/corpus-$target
mkdir -p "$corpus"
find scenarios tests/check tests/run tests/fuzz/regress -name '*.go' -exec cp {} "$corpus"/ \; 2>/dev/null || true
./build-fuzz/tests/fuzz/"$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -artifact_prefix=build-fuzz/ "$corpus"
