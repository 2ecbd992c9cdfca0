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
# no display: one clear line, exit 1
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$BIN" --demo worker_pool 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "no display should exit 1, got $rc"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "no-display message should be one line: $out"
echo "$out" | grep -q "render" || fail "no-display message should suggest render: $out"
echo "ok"
