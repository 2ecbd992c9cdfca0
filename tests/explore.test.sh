#!/usr/bin/env bash
# explore: `goro-viz explore` and `goro-viz hunt` end to end on the
# purpose-written programs in tests/explore/: the table is the same for any
# --jobs, shards merged equal the whole sweep, --json is one record per seed
# in seed order, --group-by/--plot, hunt finds the first matching seed and
# its replay command reproduces it, exit codes.
# Usage: bash tests/explore.test.sh GOROVIZ_BIN SRCROOT
set -u
bin=$1
src=$2
dir=$src/tests/explore
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# check NAME WANT_STATUS -- ARGS...: run, keep stdout/stderr in $tmp/out, $tmp/err
check() {
    local name=$1 want=$2
    shift 3
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, want $want"; sed 's/^/  stderr: /' "$tmp/err" | head -5; return 1
    fi
    ok
}
has() { # has NAME FILE REGEX
    if grep -Eq -- "$3" "$2"; then ok; else bad "$1: $2 lacks /$3/"; sed 's/^/  | /' "$2" | head -12; fi
}

# --- the table ---
check table 0 -- explore "$dir/rand_pick.go" --seeds 0..299 --no-progress
cp "$tmp/out" "$tmp/t1"
has table-header "$tmp/t1" '^outcome +count +share +first seed$'
has table-red "$tmp/t1" '^exit 0: picked: red +[0-9]+ +[0-9.]+% +[0-9]+$'
has table-green "$tmp/t1" '^exit 0: picked: green '
has table-blue "$tmp/t1" '^exit 0: picked: blue '
has table-total "$tmp/t1" '^300 seeds, 3 outcomes$'
# counts add up and rows are sorted by count
awk '/^exit/ {n += $(NF-2); if (prev && $(NF-2) > prev) bad = 1; prev = $(NF-2)} END {exit !(n == 300 && !bad)}' "$tmp/t1" \
    && ok || bad "table counts do not add up to 300 in order"
# the first seed of each outcome really has that outcome
for c in red green blue; do
    s=$(awk -v c="$c" '$0 ~ ("picked: " c " ") {print $NF}' "$tmp/t1")
    "$bin" run "$dir/rand_pick.go" --seed "$s" | grep -q "picked: $c" && ok || bad "first seed $s is not $c"
done
# first seed is the smallest: no smaller seed gives the outcome (checked on green)
s=$(awk '/picked: green / {print $NF}' "$tmp/t1")
check first-seed 0 -- hunt "$dir/rand_pick.go" --until 'output~green' --no-progress
has first-seed-hunt "$tmp/out" "^seed $s\$"

# --- --jobs gives the same table; --json the same records in seed order ---
for j in 2 3; do
    check jobs$j 0 -- explore "$dir/rand_pick.go" --seeds 0..299 --jobs $j --no-progress
    cmp -s "$tmp/out" "$tmp/t1" && ok || bad "--jobs $j table differs from --jobs 1"
done
check json 0 -- explore "$dir/fates.go" --seeds 0..199 --json --no-progress
cp "$tmp/out" "$tmp/all.jsonl"
[ "$(wc -l <"$tmp/all.jsonl")" -eq 200 ] && ok || bad "--json: not 200 lines"
has json-table-on-stderr "$tmp/err" '^200 seeds, 4 outcomes$'
head -1 "$tmp/all.jsonl" | grep -Eq '^\{"seed":0,"exit":[0-9]+,"outcome":"[0-9a-f]{16}","key":null,"stdout_sha":"[0-9a-f]{64}","first_stderr":".*","flags":\[.*\],"tail":".*"\}$' \
    && ok || bad "--json line shape: $(head -1 "$tmp/all.jsonl")"
awk -F'[:,]' '{ if ($2 != NR - 1) exit 1 }' "$tmp/all.jsonl" && ok || bad "--json not in seed order"
check json-jobs 0 -- explore "$dir/fates.go" --seeds 0..199 --json --jobs 2 --no-progress
cmp -s "$tmp/out" "$tmp/all.jsonl" && ok || bad "--json --jobs 2 differs from --jobs 1"
cp "$tmp/err" "$tmp/fates.table"
has fates-panic "$tmp/fates.table" '^exit 2 panic: fate 1 \| panic: runtime error: index out of range'
has fates-deadlock "$tmp/fates.table" '^exit 2 deadlock: fate 2 \| fatal error: all goroutines are asleep'
has fates-exit5 "$tmp/fates.table" '^exit 5: fate 3 '
has fates-ok "$tmp/fates.table" '^exit 0: fate 0 \| survived '

# --- shards merge to the whole ---
for i in 0 1 2; do
    check shard$i 0 -- explore "$dir/fates.go" --seeds 0..199 --shard $i/3 --json --no-progress
    cp "$tmp/out" "$tmp/s$i.jsonl"
done
[ "$(cat "$tmp"/s?.jsonl | wc -l)" -eq 200 ] && ok || bad "shards do not hold 200 records"
cat "$tmp"/s?.jsonl | sort | cmp -s - <(sort "$tmp/all.jsonl") && ok || bad "shard records differ from the whole"
check merge 0 -- explore --merge "$tmp/s2.jsonl" "$tmp/s0.jsonl" "$tmp/s1.jsonl"
tail -n +2 "$tmp/out" >"$tmp/merged"
tail -n +2 "$tmp/fates.table" >"$tmp/whole"
cmp -s "$tmp/merged" "$tmp/whole" && ok || { bad "merged table differs"; diff "$tmp/merged" "$tmp/whole" | head; }
check merge-stdin 0 -- explore --merge - <"$tmp/all.jsonl"
tail -n +2 "$tmp/out" | cmp -s - "$tmp/whole" && ok || bad "merge from stdin differs"
echo '{"seed":1}' >"$tmp/broken.jsonl"
check merge-bad 1 -- explore --merge "$tmp/broken.jsonl"
has merge-bad-msg "$tmp/err" 'broken.jsonl:1: not an explore --json record'
check merge-missing 1 -- explore --merge "$tmp/nope.jsonl"

# --- group-by and plot ---
check group-by 0 -- explore "$dir/coins.go" --seeds 0..999 --group-by 'output~heads: ([0-9]+)' --plot "$tmp/h.png" --no-progress
has group-by-header "$tmp/out" '^key +count +share +first seed$'
has group-by-row "$tmp/out" '^exit 0: 10 +[0-9]+ '
[ "$(head -c 8 "$tmp/h.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && ok || bad "--plot did not write a PNG"
check plot-outcomes 0 -- explore "$dir/map_order.go" --seeds 0..99 --plot "$tmp/m.png" --no-progress
[ -s "$tmp/m.png" ] && ok || bad "--plot (outcomes) wrote nothing"
has map-orders "$tmp/out" '^100 seeds, 6 outcomes$'
check plot-unwritable 73 -- explore "$dir/map_order.go" --seeds 0..9 --plot "$tmp/no/such/dir.png" --no-progress

# --- limits ---
check limit 0 -- explore "$dir/spin.go" --seeds 0..2 --max-steps 100000 --no-progress
has limit-row "$tmp/out" '^exit 3 limit: .* +3 +100.00% +0$'

# --- hunt ---
# a rare outcome (2 heads in 20 flips: p = 0.02%): the same first seed for any --jobs, and it replays
check hunt-coins 0 -- hunt "$dir/coins.go" --until 'output~heads: 2$' --no-progress
rare=$(awk '/^seed / {print $2}' "$tmp/out")
"$bin" run "$dir/coins.go" --seed "$rare" | grep -q '^heads: 2$' && ok || bad "seed $rare does not replay heads: 2"
check hunt-deadlock 0 -- hunt "$dir/fates.go" --until deadlock --no-progress
s=$(awk '/^seed / {print $2}' "$tmp/out")
has hunt-replay "$tmp/out" "^  replay: goro-viz run $dir/fates.go --seed $s\$"
has hunt-open "$tmp/out" "^  open:   goro-viz $dir/fates.go --seed $s\$"
"$bin" run "$dir/fates.go" --seed "$s" >/dev/null 2>"$tmp/replay.err"
has hunt-replays "$tmp/replay.err" 'all goroutines are asleep'
# the hunted seed is the first deadlock in the --json sweep
want=$(grep -m1 '"flags":\["deadlock"\]' "$tmp/all.jsonl" | sed 's/^{"seed":\([0-9]*\),.*/\1/')
[ "$s" = "$want" ] && ok || bad "hunt found seed $s, the sweep's first deadlock is $want"
for j in 2 3; do
    check hunt-jobs$j 0 -- hunt "$dir/coins.go" --until 'output~heads: 2$' --jobs $j --no-progress
    has hunt-jobs$j-same "$tmp/out" "^seed $rare\$"
done
check hunt-jobs-notfound 1 -- hunt "$dir/coins.go" --until 'output~heads: 21' --seeds 0..999 --jobs 2 --no-progress
check hunt-panic 0 -- hunt "$dir/fates.go" --until panic --no-progress
check hunt-exit 0 -- hunt "$dir/fates.go" --until 'exit!=0' --seeds 100..200 --no-progress
s=$(awk '/^seed / {print $2}' "$tmp/out")
[ "$s" -ge 100 ] && ok || bad "hunt left its range: $s"
check hunt-output 0 -- hunt "$dir/map_order.go" --until 'output~order: cba' --no-progress
check hunt-nomatch 0 -- hunt "$dir/map_order.go" --until 'output!~order: abc' --no-progress
check hunt-notfound 1 -- hunt "$dir/rand_pick.go" --until 'output~purple' --seeds 0..49 --no-progress
has hunt-notfound-msg "$tmp/out" '^not found: no seed in 0..49 satisfies output~purple \(50 runs\)$'
check hunt-bad-cond 64 -- hunt "$dir/fates.go" --until 'sometimes'
has hunt-bad-cond-msg "$tmp/err" "bad condition 'sometimes'"
check hunt-bad-re 64 -- hunt "$dir/fates.go" --until 'output~('
check hunt-no-until 64 -- hunt "$dir/fates.go"

# --- usage and input errors ---
check explore-no-file 64 -- explore
check explore-bad-seeds 64 -- explore "$dir/fates.go" --seeds 9..1
check explore-bad-shard 64 -- explore "$dir/fates.go" --shard 3/3
check explore-bad-jobs 64 -- explore "$dir/fates.go" --jobs 0
check explore-bad-group 64 -- explore "$dir/fates.go" --group-by 'heads'
check explore-unknown 64 -- explore "$dir/fates.go" --frobnicate
check explore-help 0 -- explore --help
has explore-help-text "$tmp/out" '--merge'
check hunt-help 0 -- hunt --help
printf 'package main\nfunc main() { x := 1 }\n' >"$tmp/bad.go"
check explore-compile-error 1 -- explore "$tmp/bad.go" --seeds 0..3
has compile-msg "$tmp/err" 'bad.go:2:15: x declared (and|but) not used'
check hunt-compile-error 1 -- hunt "$tmp/bad.go" --until panic

# --- race_counter (needs the scheduler: skipped until `run` can run it) ---
if "$bin" run "$src/scenarios/race_counter.go" --seed 1 >/dev/null 2>&1; then
    check race-counter 0 -- explore "$src/scenarios/race_counter.go" --seeds 0..9999 --jobs 2 --no-progress \
        --group-by 'output~Correct: (true|false)'
    has race-counter-true "$tmp/out" '^exit 0: true '
    has race-counter-false "$tmp/out" '^exit 0: false '
    has race-counter-total "$tmp/out" '^10000 seeds, 2 outcomes$'
else
    echo "SKIP race_counter: this build cannot run goroutines yet"
fi

echo "explore: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
