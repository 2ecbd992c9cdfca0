#!/usr/bin/env bash
# run: build the fuzz targets with clang and run TARGET (fuzz_front: parse +
# check; fuzz_run: parse + check + run under options drawn from the input,
# with record/replay; fuzz_schedule: schedule files replayed on fixed
# scenarios) for SECONDS (default 600) over a corpus seeded from scenarios/
# and the test corpora (fuzz_schedule: schedules recorded with goro-viz).
# Usage: bash tests/fuzz/run.sh [SECONDS] [TARGET]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-600}
target=${2:-fuzz_front}
CC=clang cmake -S . -B build-fuzz -DGORO_FUZZ=ON -DGORO_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target "$target"
corpus=build-fuzz/corpus-$target
mkdir -p "$corpus"
if [ "$target" = fuzz_schedule ]; then
    cmake --build build-fuzz -j2 --target goro-viz
    cp tests/fuzz/regress/*.sched "$corpus"/ 2>/dev/null || true
    for p in race_counter timeout_context producer_consumer deadlock_lock_order; do
        for seed in 1 2 17; do
            for strat in random pct rr; do
                ./build-fuzz/viz/goro-viz run scenarios/$p.go --seed $seed --strategy $strat --max-steps 50000 \
                    --record-schedule "$corpus/$p-$seed-$strat.sched" >/dev/null 2>&1 || true
            done
        done
    done
else
    find scenarios tests/check tests/run tests/fuzz/regress -name '*.go' -exec cp {} "$corpus"/ \; 2>/dev/null || true
fi
dict=()
[ -f tests/fuzz/$target.dict ] && dict=(-dict=tests/fuzz/$target.dict)
./build-fuzz/tests/fuzz/"$target" "${dict[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -artifact_prefix=build-fuzz/"$target"- "$corpus"
