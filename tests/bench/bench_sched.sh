#!/usr/bin/env bash
# bench_sched: the scheduler and trace benchmarks of issue 4, (a)-(f), run
# beside the same programs compiled by Go, alternating, in one run; prints
# medians and ratios. A benchmark, not a test.
#   (a) parked        1,000,000 goroutines parked on one channel: bytes each
#   (b) pingpong      1,000,000 unbuffered round trips: ns each, trace off/on
#   (c) spawnjoin     1,000,000 goroutines spawned and joined: ns each
#   (d) mutexcounter  10 x 1,000,000 locked increments: ns each, trace off/on
#   (e) tutorial.go   goro-viz run vs go run: wall time
#   (f) bench_trace   recording rate and Trace bytes per event
# Trace off = `goro-viz run` (whole process); trace on = bench_run --trace
# (the same run recording the full trace in memory, no export). Times are
# medians of wall clock and of CPU time (user + sys; on a shared machine the
# CPU figure is the steadier one). Go runs with GOMAXPROCS=1 (goro-viz runs
# on one thread) and, for reference, with the default.
# Needs: go, GNU time, a Release build with -DGORO_BENCH=ON:
#   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DGORO_BENCH=ON && cmake --build build-rel -j2
# Usage: bash tests/bench/bench_sched.sh BUILD_DIR [RUNS] [BENCH...]
#   BENCH: parked pingpong spawnjoin mutexcounter tutorial trace (default all)
set -euo pipefail
build=$(readlink -f "${1:?usage: bench_sched.sh BUILD_DIR [RUNS] [BENCH...]}"); runs=${2:-5}; shift 2 || shift $#
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
goro=$build/viz/goro-viz; brun=$build/tests/bench/bench_run; btrace=$build/tests/bench/bench_trace
for f in "$goro" "$brun" "$btrace"; do [ -x "$f" ] || { echo "missing $f (build with -DGORO_BENCH=ON)" >&2; exit 1; }; done
benches=("$@"); [ ${#benches[@]} -gt 0 ] || benches=(parked pingpong spawnjoin mutexcounter tutorial trace)
tmp=$(mktemp -d); [ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT; [ -n "${BENCH_KEEP:-}" ] && echo "tmp: $tmp"
export GOCACHE=${GOCACHE:-$tmp/gocache}

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { cut -d' ' -f"$1" "$2" | median; } # col N FILE: median of column N
# measure OUT CMD...: appends "wall_s cpu_s rss_kb" (whole process) to OUT
measure() {
    local f=$1; shift
    local s e
    s=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$tmp/t" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || true
    e=$EPOCHREALTIME
    read -r u sy m <"$tmp/t"
    echo "$(echo "$e - $s" | bc -l) $(echo "$u + $sy" | bc -l) $m" >>"$f"
}
# traced OUT FILE.go: appends "wall_s cpu_s rss_kb events bytes_per_event" (bench_run --trace)
traced() {
    "$brun" "$2" --trace >"$tmp/br" 2>/dev/null || true
    awk '/^run_wall/{w=$2} /^run_cpu/{c=$2} /^peak_rss/{m=$2} /^events /{n=$2}
         /^trace_bytes_per_event /{b=$2} END {print w, c, m, n, b}' "$tmp/br" >>"$1"
}
calc() { echo "scale=6; $*" | bc -l; }
row() { printf '%-34s %14s %14s %14s %10s\n' "$@"; }

# startup RSS of an empty program, subtracted from the parked figures
cat >"$tmp/empty.go" <<'EOF'
package main

func main() {}
EOF
(cd "$tmp" && go build -o "$tmp/empty.native" "$tmp/empty.go")
for ((r = 0; r < 3; r++)); do measure "$tmp/empty.goro.m" "$goro" run "$tmp/empty.go"; measure "$tmp/empty.go.m" "$tmp/empty.native"; done
base_goro=$(col 3 "$tmp/empty.goro.m"); base_go=$(col 3 "$tmp/empty.go.m")

declare -A nops=([parked]=1000000 [pingpong]=1000000 [spawnjoin]=1000000 [mutexcounter]=10000000)
declare -A goal=([parked]="<= 300 B" [pingpong]="<=150/<=300" [spawnjoin]="<= 200 ns" [mutexcounter]="<= 60 on")

echo "goro-viz: $goro; runs: $runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
row "figure" "Go (1 proc)" "goro off" "goro trace on" "goal"
for b in "${benches[@]}"; do
    case $b in
    parked | pingpong | spawnjoin | mutexcounter)
        src=$here/go/$b.go n=${nops[$b]}
        (cd "$tmp" && go build -o "$tmp/$b.native" "$src")
        for ((r = 0; r < runs; r++)); do
            GOMAXPROCS=1 measure "$tmp/$b.go1" "$tmp/$b.native"
            measure "$tmp/$b.gon" "$tmp/$b.native"
            measure "$tmp/$b.off" "$goro" run "$src"
            traced "$tmp/$b.on" "$src"
        done
        if [ "$b" = parked ]; then
            g=$(calc "($(col 3 "$tmp/$b.go1") - $base_go) * 1024 / $n")
            off=$(calc "($(col 3 "$tmp/$b.off") - $base_goro) * 1024 / $n")
            on=$(calc "($(col 3 "$tmp/$b.on") - $base_goro) * 1024 / $n")
            row "(a) parked: bytes/goroutine" "$(printf %.0f "$g")" "$(printf %.0f "$off")" "$(printf %.0f "$on")" "${goal[$b]}"
            row "    ratio Go / goro" "" "$(printf %.1fx "$(calc "$g / $off")")" "" ""
        fi
        for k in 1 2; do
            what=wall; [ $k = 2 ] && what=cpu
            g=$(calc "$(col $k "$tmp/$b.go1") * 1000000000 / $n"); gn=$(calc "$(col $k "$tmp/$b.gon") * 1000000000 / $n")
            off=$(calc "$(col $k "$tmp/$b.off") * 1000000000 / $n"); on=$(calc "$(col $k "$tmp/$b.on") * 1000000000 / $n")
            gl=${goal[$b]}; [ "$b" = parked ] && gl=""
            row "$b: ns/op ($what)" "$(printf %.1f "$g")" "$(printf %.1f "$off")" "$(printf %.1f "$on")" "$gl"
            [ $k = 2 ] && row "    Go GOMAXPROCS=default ($what)" "$(printf %.1f "$gn")" "" "" ""
            [ $k = 2 ] && row "    speed-up vs Go 1 proc ($what)" "" "$(printf %.2fx "$(calc "$g / $off")")" "$(printf %.2fx "$(calc "$g / $on")")" ""
        done
        row "    trace: events, B/event" "" "" "$(col 4 "$tmp/$b.on") $(col 5 "$tmp/$b.on")" "<= 32 B"
        ;;
    tutorial)
        src=$root/scenarios/tutorial.go
        k=$((runs < 3 ? runs : 3)) # go run sleeps for real: ~12 s a run
        for ((r = 0; r < k; r++)); do
            measure "$tmp/tut.gorun" go run "$src"
            measure "$tmp/tut.goro" "$goro" run "$src"
        done
        g=$(col 1 "$tmp/tut.gorun"); o=$(col 1 "$tmp/tut.goro")
        row "(e) tutorial.go: wall s" "$(printf %.3f "$g")" "$(printf %.3f "$o")" "" ">= 200x"
        row "    speed-up vs go run" "" "$(printf %.0fx "$(calc "$g / $o")")" "" ""
        ;;
    trace)
        for ((r = 0; r < runs; r++)); do
            "$btrace" >"$tmp/bt" 2>/dev/null || true
            awk '/^record_hot_rate/{a=$2} /^trace_bytes_per_event/{b=$2} /^record_bytes_per_event/{c=$2}
                 /^mix_trace_bytes_per_event/{d=$2} /^step_forward/{e=$2} /^seek_median/{f=$2}
                 END {print a, b, c, d, e, f}' "$tmp/bt" >>"$tmp/bt.m"
        done
        row "(f) trace: Mevents/s recorded" "" "" "$(col 1 "$tmp/bt.m")" ""
        row "    Trace bytes/event (all)" "" "" "$(col 2 "$tmp/bt.m")" "<= 32 B"
        row "    record bytes/event" "" "" "$(col 3 "$tmp/bt.m")" ""
        row "    mix: Trace bytes/event" "" "" "$(col 4 "$tmp/bt.m")" ""
        row "    step forward ns, seek us" "" "" "$(col 5 "$tmp/bt.m") $(col 6 "$tmp/bt.m")" ""
        ;;
    *) echo "unknown benchmark $b" >&2; exit 64 ;;
    esac
done
echo "(medians of $runs runs; goro off = whole goro-viz process; trace on = bench_run, run only)"
