#!/bin/bash
# viz_reload: R on a file that no longer compiles keeps the last good run and
# shows the compiler's diagnostics in a panel over the stage (the window is
# not closed); fixing the file and pressing R again makes them go: the stage
# is again what `render` draws for the file. Also: a long simulation draws a
# progress screen (not a frozen, empty window) and Esc cancels it; hovering
# a goroutine shows a tooltip of several lines (wait reason, current line,
# where it was created), hovering the RWMutex one with its readers and
# waiters; V switches playback to virtual time (the header says so).
# Real window under Xvfb, real key presses (xdotool).
set -u
BIN=$1
ROOT=$2
XVFB_TOOLS="Xvfb xdotool import compare convert" . "$ROOT/tests/tools/xvfb.sh"

xvfb_start 300 340
export SDL_RENDER_DRIVER=software
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0

cp "$ROOT/scenarios/mutex_counter.go" "$T/m.go"
"$BIN" render "$T/m.go" --at end -o "$T/good.png" || fail "render"
"$BIN" "$T/m.go" 2>"$T/err.txt" &
VPID=$!
WID=$(timeout 10 xdotool search --sync --name "goro-viz" | head -1)
[ -n "$WID" ] || fail "no goro-viz window appeared"
xdotool mousemove 1439 899
sleep 1
xdotool key --window "$WID" End
sleep 0.5
# break it: two errors Go's checker reports (undefined name, mismatched types)
sed -i 's/^func main() {/func main() {\n\tundefinedThing()\n\tvar s string = 1\n\t_ = s/' "$T/m.go"
xdotool key --window "$WID" r
sleep 1
import -window root "$T/broken.png"
kill -0 "$VPID" 2>/dev/null || fail "the window closed on a broken reload"
grep -q "m.go:[0-9]*:[0-9]*: undefined: undefinedThing" "$T/err.txt" || fail "no diagnostic on stderr: $(cat "$T/err.txt")"
# the panel sits over the top of the stage; the cards below stay (old run)
for f in broken good; do convert "$T/$f.png" -crop 900x110+20+45 +repage "$T/${f}_top.png"; done
db=$(compare -metric AE -fuzz 12% "$T/broken_top.png" "$T/good_top.png" null: 2>&1)
echo "stage-top pixels differing with the diagnostics panel: $db"
[ "${db%%.*}" -gt 3000 ] 2>/dev/null || fail "no diagnostics panel over the stage ($db pixels differ)"
# the panel is drawn in the alarm colour (a red-orange rim)
red=$(convert "$T/broken_top.png" -fx '(r>0.75 && g>0.3 && g<0.55 && b<0.2)?1:0' -format '%[fx:mean*w*h]' info: 2>/dev/null)
echo "alarm-coloured pixels in the panel: $red"
[ "${red%%.*}" -gt 500 ] 2>/dev/null || fail "the panel is not in the alarm colour ($red pixels)"
# fix it, R: the panel goes, the frame is the file's run at its end again
cp "$ROOT/scenarios/mutex_counter.go" "$T/m.go"
xdotool key --window "$WID" r
sleep 2.5 # the "reloaded" toast fades after 1.8 s
import -window root "$T/fixed.png"
convert "$T/fixed.png" -crop 900x110+20+45 +repage "$T/fixed_top.png"
df=$(compare -metric AE -fuzz 12% "$T/fixed_top.png" "$T/good_top.png" null: 2>&1)
echo "stage-top pixels differing after the fix: $df"
[ "${df%%.*}" -lt 300 ] 2>/dev/null || fail "the diagnostics stayed after a good reload ($df pixels differ)"
xdotool key --window "$WID" q
for i in $(seq 50); do kill -0 "$VPID" 2>/dev/null || break; sleep 0.1; done
wait "$VPID"
rc=$?
VPID=
[ $rc -eq 0 ] || fail "goro-viz exited $rc after q"

# a long simulation: the window shows the progress screen, Esc cancels
cat >"$T/long.go" <<'GO'
package main

import "fmt"

func main() {
	n := 0
	for i := 0; i < 400000000; i++ {
		n += i & 1
	}
	fmt.Println(n)
}
GO
"$BIN" "$T/long.go" 2>/dev/null &
VPID=$!
WID=$(timeout 10 xdotool search --sync --name "goro-viz" | head -1)
[ -n "$WID" ] || fail "no window while simulating"
sleep 1.5
import -window root "$T/prog1.png"
sleep 0.6
import -window root "$T/prog2.png"
dp=$(compare -metric AE "$T/prog1.png" "$T/prog2.png" null: 2>&1)
echo "progress screen pixels changing in 0.6 s: $dp"
[ "${dp%%.*}" -gt 50 ] 2>/dev/null || fail "the progress screen does not move ($dp pixels)"
lit=$(convert "$T/prog1.png" -colorspace gray -threshold 50% -format '%[fx:mean*w*h]' info:)
echo "light pixels on the progress screen: $lit"
[ "${lit%%.*}" -gt 800 ] 2>/dev/null || fail "the window is empty while simulating ($lit light pixels)"
xdotool key --window "$WID" Escape 2>/dev/null # key-up may find the window gone
for i in $(seq 50); do kill -0 "$VPID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$VPID" 2>/dev/null && fail "Esc did not cancel the simulation"
wait "$VPID"
VPID=
# tooltips (scripted pointer): rwmutex_cache under pct seed 2 at step 54:
# g3 waits for c.mu.Lock while g4..g8 hold read locks
cat >"$T/tip.txt" <<SCRIPT
step 54
wait 2
screenshot $T/none.png
move 741 197
wait 2
screenshot $T/tipg.png
move 404 440
wait 2
screenshot $T/tipl.png
key v
wait 2
screenshot $T/bytime.png
quit
SCRIPT
timeout 30 "$BIN" "$ROOT/scenarios/rwmutex_cache.go" --seed 2 --strategy pct --script "$T/tip.txt" || fail "scripted window"
light() { convert "$1" -crop "$2" +repage -colorspace gray -threshold 85% -format '%[fx:mean*w*h]' info:; }
n0=$(light "$T/none.png" 320x110+750+200); n1=$(light "$T/tipg.png" 320x110+750+200)
echo "light pixels where the goroutine tooltip goes: $n0 without, $n1 with"
[ "${n1%%.*}" -gt $(( ${n0%%.*} + 12000 )) ] 2>/dev/null || fail "no multi-line tooltip over g3"
n0=$(light "$T/none.png" 230x70+410+455); n1=$(light "$T/tipl.png" 230x70+410+455)
echo "light pixels where the lock tooltip goes: $n0 without, $n1 with"
[ "${n1%%.*}" -gt $(( ${n0%%.*} + 7000 )) ] 2>/dev/null || fail "no multi-line tooltip over c.mu"
for f in tipl bytime; do convert "$T/$f.png" -crop 500x40+940+0 +repage "$T/${f}_hdr.png"; done
dh=$(compare -metric AE "$T/tipl_hdr.png" "$T/bytime_hdr.png" null: 2>&1)
echo "header pixels changed by V: $dh"
[ "${dh%%.*}" -gt 100 ] 2>/dev/null || fail "V did not change the header's playback mode"
echo "ok"
