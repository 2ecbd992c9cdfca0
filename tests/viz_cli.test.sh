#!/bin/bash
# viz_cli: the goro-viz render command and the window's no-display refusal,
# through the real binary. Skips (exit 0, "SKIP") until viz/main.c wires the
# viewer (VizOptions / viz_render_png / viz_app_run).
set -u
BIN=$1
ROOT=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$BIN" render --demo race_counter --at end -o "$T/probe.png" >/dev/null 2>&1
if [ ! -s "$T/probe.png" ]; then
    echo "SKIP: goro-viz render --demo is not wired into viz/main.c yet"
    exit 0
fi

# one moment, the asked size, a real PNG
"$BIN" render --demo worker_pool --seed 3 --at 50% -o "$T/a.png" --size 1280x800 || fail "render exit $?"
file "$T/a.png" | grep -q "PNG image data, 1280 x 800" || fail "not a 1280x800 PNG: $(file "$T/a.png")"
# deterministic: same inputs, same bytes
"$BIN" render --demo worker_pool --seed 3 --at 50% -o "$T/b.png" --size 1280x800 || fail "second render"
cmp -s "$T/a.png" "$T/b.png" || fail "two renders of the same moment differ"
# light theme, time and step specs
"$BIN" render --demo deadlock --at end --theme light -o "$T/c.png" || fail "light theme"
"$BIN" render --demo worker_pool --at 150ms -o "$T/d.png" || fail "--at TIME"
"$BIN" render --demo worker_pool --at 5 -o "$T/e.png" || fail "--at STEP"
# frames
"$BIN" render --demo race_counter --frames 1..3 --fps 8 --speed 4 -o "$T/frames" --size 640x400 >/dev/null || fail "frames"
[ "$(ls "$T/frames" | wc -l)" -eq 6 ] || fail "expected 6 frames, got $(ls "$T/frames" | wc -l)"
# errors: bad --at is a usage error, a missing file is 1
"$BIN" render --demo worker_pool --at soon -o "$T/x.png" 2>/dev/null
[ $? -eq 64 ] || fail "bad --at should exit 64"
"$BIN" render /nonexistent/x.go --at end -o "$T/x.png" 2>/dev/null
[ $? -eq 1 ] || fail "missing file should exit 1"
# --zoom: the timeline's range; a bad range is a usage error
"$BIN" render --demo worker_pool --seed 3 --at 50% --zoom 10..40 -o "$T/z.png" --size 1280x800 || fail "--zoom"
cmp -s "$T/a.png" "$T/z.png" && fail "--zoom 10..40 drew the same picture as the whole run"
"$BIN" render --demo worker_pool --zoom 40..10 -o "$T/x.png" 2>/dev/null
[ $? -eq 64 ] || fail "--zoom 40..10 should exit 64"
# --at an alarm the run does not have: exit 1 with a reason
"$BIN" render --demo worker_pool --at deadlock -o "$T/x.png" 2>/dev/null
[ $? -eq 1 ] || fail "--at deadlock on a run without one should exit 1"
# --hunt: the first deadlocking seed, drawn at its deadlock, is what
# hunt finds and render --seed draws
DL="$ROOT/scenarios/deadlock_lock_order.go"
seed=$("$BIN" hunt "$DL" --until deadlock --no-progress 2>/dev/null | sed -n 's/^seed //p')
[ -n "$seed" ] || fail "hunt found no deadlocking seed"
"$BIN" render "$DL" --hunt deadlock -o "$T/h.png" 2>"$T/h.err" || fail "render --hunt deadlock: $(cat "$T/h.err")"
grep -q "seed $seed satisfies deadlock" "$T/h.err" || fail "render --hunt did not open seed $seed: $(cat "$T/h.err")"
"$BIN" render "$DL" --seed "$seed" --at deadlock -o "$T/s.png" || fail "render --seed $seed"
cmp -s "$T/h.png" "$T/s.png" || fail "--hunt deadlock differs from --seed $seed --at deadlock"
# --schedule: a recorded schedule opens its run (seed, strategy) at its
# first alarm, the same picture (below the header, which also says
# "replaying dl.sch"; compared with ImageMagick when installed)
"$BIN" run "$DL" --seed "$seed" --record-schedule "$T/dl.sch" >/dev/null 2>&1
"$BIN" render "$DL" --schedule "$T/dl.sch" -o "$T/r.png" || fail "render --schedule"
cmp -s "$T/r.png" "$T/s.png" && fail "--schedule: the header does not say it replays a schedule"
if command -v compare >/dev/null; then
    for f in r s; do convert "$T/$f.png" -crop 1440x850+0+50 +repage "$T/${f}_body.png"; done
    d=$(compare -metric AE "$T/r_body.png" "$T/s_body.png" null: 2>&1)
    [ "$d" = "0" ] || fail "--schedule replay differs from --seed $seed --at deadlock in $d pixels"
fi
# no display: one clear line, exit 1
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$BIN" --demo worker_pool 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "no display should exit 1, got $rc"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "no-display message should be one line: $out"
echo "$out" | grep -q "render" || fail "no-display message should suggest render: $out"
echo "ok"
