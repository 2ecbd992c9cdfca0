#!/bin/bash
# viz_xvfb: the real window under Xvfb driven with real key presses
# (xdotool): End jumps to the end, the screenshot matches `render --at end`;
# ] runs the next seed (the seed on screen changes to it); q quits with
# status 0. Skips cleanly without Xvfb/xdotool/ImageMagick or
# until viz/main.c wires the viewer.
set -u
BIN=$1
ROOT=$2
XVFB_TOOLS="Xvfb xdotool import compare" . "$ROOT/tests/tools/xvfb.sh"

"$BIN" render --demo worker_pool --at end -o "$T/probe.png" >/dev/null 2>&1
[ -s "$T/probe.png" ] || { echo "SKIP: goro-viz render --demo is not wired into viz/main.c yet"; exit 0; }

xvfb_start 250 290
# software renderer in the window too, so its pixels equal render's; under
# ASan, X11/dbus libraries leak a few bytes at exit that are not ours
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 SDL_RENDER_DRIVER=software "$BIN" --demo worker_pool --seed 3 &
VPID=$!
WID=$(timeout 10 xdotool search --sync --name "goro-viz" | head -1)
[ -n "$WID" ] || fail "no goro-viz window appeared"
xdotool mousemove 1439 899
sleep 0.5
xdotool key --window "$WID" End
sleep 1
import -window root "$T/win.png"
"$BIN" render --demo worker_pool --seed 3 --at end -o "$T/ren.png" || fail "render"
diff=$(compare -metric AE -fuzz 12% "$T/win.png" "$T/ren.png" null: 2>&1)
echo "pixels differing between window and render: $diff"
[ "${diff%%.*}" -lt 2000 ] 2>/dev/null || fail "window and render differ in $diff pixels"
# ] runs the next seed: the header's seed pill must say 4 (as render --seed 4
# draws it) and no longer 3; the rest of the frame is seed 4's first step
xdotool key --window "$WID" Home
sleep 0.5
xdotool key --window "$WID" bracketright
sleep 2.5 # the "seed 4" toast fades after 1.8 s
import -window root "$T/win4.png"
"$BIN" render --demo worker_pool --seed 4 --at 1 -o "$T/ren4.png" || fail "render seed 4"
"$BIN" render --demo worker_pool --seed 3 --at 1 -o "$T/ren3.png" || fail "render seed 3"
for f in win4 ren4 ren3; do convert "$T/$f.png" -crop 1440x40+0+0 +repage "$T/${f}_head.png"; done
d4=$(compare -metric AE "$T/win4_head.png" "$T/ren4_head.png" null: 2>&1)
d3=$(compare -metric AE "$T/win4_head.png" "$T/ren3_head.png" null: 2>&1)
echo "header pixels differing from seed 4: $d4, from seed 3: $d3"
[ "${d4%%.*}" -lt 40 ] 2>/dev/null || fail "after ] the header is not seed 4's ($d4 pixels differ)"
[ "${d3%%.*}" -gt 40 ] 2>/dev/null || fail "after ] the header still shows seed 3 ($d3 pixels differ)"
diff=$(compare -metric AE -fuzz 12% "$T/win4.png" "$T/ren4.png" null: 2>&1)
[ "${diff%%.*}" -lt 2000 ] 2>/dev/null || fail "after ] the window differs from seed 4's render in $diff pixels"
xdotool key --window "$WID" q
for i in $(seq 50); do kill -0 "$VPID" 2>/dev/null || break; sleep 0.1; done
wait "$VPID"
rc=$?
VPID=
[ $rc -eq 0 ] || fail "goro-viz exited $rc after q"
echo "ok"
