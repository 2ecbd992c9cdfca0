#!/usr/bin/env bash
# bench_front: lines per second for `goro-viz check` on a generated ~50,000-line
# program, beside `go vet` (type-checks the same file) and `go build` in the
# same run. Medians of RUNS (default 7) runs. A benchmark, not a test.
# Usage: bash tests/bench/bench_front.sh GOROVIZ_BIN [LINES] [RUNS]
set -euo pipefail
bin=$1 lines=${2:-50000} runs=${3:-7}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen_front.py" "$lines" >"$tmp/big.go"
n=$(wc -l <"$tmp/big.go")
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timeit() { # prints seconds of one run of "$@"
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
}
"$bin" check "$tmp/big.go" || { echo "generated program does not check"; exit 1; }
gv=() ; gov=() ; gob=()
for ((r = 0; r < runs; r++)); do
    gv+=("$(timeit "$bin" check "$tmp/big.go")")
    if command -v go >/dev/null; then
        gov+=("$(cd "$tmp" && timeit go vet big.go)")
        gob+=("$(cd "$tmp" && timeit go build -o /dev/null big.go)")
    fi
done
m=$(printf '%s\n' "${gv[@]}" | median)
printf 'lines                 %d\n' "$n"
printf 'goro-viz check        %.4f s median of %d  (%.0f lines/s)\n' "$m" "$runs" "$(echo "$n / $m" | bc -l)"
if [ ${#gov[@]} -gt 0 ]; then
    mv=$(printf '%s\n' "${gov[@]}" | median); mb=$(printf '%s\n' "${gob[@]}" | median)
    printf 'go vet                %.4f s median  (ratio go vet / goro-viz = %.1fx)\n' "$mv" "$(echo "$mv / $m" | bc -l)"
    printf 'go build              %.4f s median  (ratio go build / goro-viz = %.1fx)\n' "$mb" "$(echo "$mb / $m" | bc -l)"
fi
