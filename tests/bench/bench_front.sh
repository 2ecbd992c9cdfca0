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
timeit() { # prints "wall cpu" seconds of one run of "$@" (cpu = user + sys)
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/t"
}
"$bin" check "$tmp/big.go" || { echo "generated program does not check"; exit 1; }
gv=(); gov=(); gob=()
for ((r = 0; r < runs; r++)); do
    gv+=("$(timeit "$bin" check "$tmp/big.go")")
    if command -v go >/dev/null; then
        gov+=("$(cd "$tmp" && timeit go vet big.go)")
        gob+=("$(cd "$tmp" && timeit go build -o /dev/null big.go)")
    fi
done
col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median; }
m=$(col 1 "${gv[@]}"); mc=$(col 2 "${gv[@]}")
printf 'lines                 %d\n' "$n"
printf 'goro-viz check        wall %.3f s (%.0f lines/s)  cpu %.3f s (%.0f lines/s)  medians of %d\n' \
    "$m" "$(echo "$n / $m" | bc -l)" "$mc" "$(echo "$n / ($mc + 0.0005)" | bc -l)" "$runs"
if [ ${#gov[@]} -gt 0 ]; then
    mv=$(col 2 "${gov[@]}"); mb=$(col 2 "${gob[@]}")
    printf 'go vet                cpu %.3f s  (go vet / goro-viz = %.1fx)\n' "$mv" "$(echo "$mv / ($mc + 0.0005)" | bc -l)"
    printf 'go build              cpu %.3f s  (go build / goro-viz = %.1fx)\n' "$mb" "$(echo "$mb / ($mc + 0.0005)" | bc -l)"
fi
