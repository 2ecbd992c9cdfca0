#!/usr/bin/env bash
# trace_attribution: who an event is about. (1) In every scenario's trace
# (seeds 1-3), a `gA go.unblock gB @L` carries the waker gA's own line (the
# line of gA's previous event), not the woken goroutine's, so gA's card
# never jumps to gB's code. (2) Sync fields are named after the variable
# they were allocated as: deadlock_lock_order's mutexes are alice.mu and
# bob.mu (not from.mu, the parameter they are first locked through).
# (3) A sync hand-off names both ends: in every scenario's trace, each
# `chan.send ... mode=sync` says to=gN and each `chan.recv ... mode=sync`
# says from=gN flow=#E, where gN is the other goroutine and event E is its
# send on the same channel (the flow arrow); a timer's send (by the runtime,
# `-`) has no sender goroutine. (4) A sync object is named after the
# receiver of the call that first uses it ("a.mu", "once" through Once.Do's
# own code), never after another call's: a Cond's Broadcast does not name
# its Locker, and a Lock through an interface after a call that panicked
# before its mutex existed stays unnamed (rwmutex#N). (5) Contexts and
# timers are named after the variable they are assigned to ("ctx", its
# "ctx.Done()" and "ctx deadline"; "t" and "t.C"), else after the call that
# made them, numbered ("context.Background#N", "time.After#N"), never after
# an argument's variable.
# Usage: bash tests/trace_attribution.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: trace_attribution.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
cat >"$TMP/chk.awk" <<'AWK'
$3 ~ /^t=/ && $4 ~ /^g[0-9]+$/ {
  g = $4; line = ""
  for (i = NF; i > 4; i--) if ($i ~ /^@[0-9]+:/) { line = $i; break }
  if ($5 == "go.unblock" && line != "" && last[g] != "" && line != last[g]) {
    print "    " $0 " (" g "'s previous event is at " last[g] ")"; bad++
  }
  if (line != "") last[g] = line
}
END { exit bad > 0 }
AWK
pass=0 fail=0
for f in "$SRCROOT"/scenarios/*.go; do
  for s in 1 2 3; do
    "$DRIVER" trace "$f" --seed "$s" -o "$TMP/t" 2>/dev/null
    if awk -f "$TMP/chk.awk" "$TMP/t" >"$TMP/bad"; then pass=$((pass + 1)); else
      echo "FAIL $(basename "$f") --seed $s: go.unblock at the woken goroutine's line"; head -3 "$TMP/bad"; fail=$((fail + 1))
    fi
  done
done
cat >"$TMP/sync.awk" <<'AWK'
$5 == "chan.send" && / mode=sync / {
  sent[substr($1, 2) + 0] = $4 " " $6; last[$6] = $4
  if ($0 !~ / to=g[0-9]+ /) { print "    " $0 " (no receiver)"; bad++ }
}
$5 == "chan.recv" && / mode=sync / && !($0 ~ / from=/ || last[$6] != "-") { next } # a timer's send: no sender goroutine
$5 == "chan.recv" && / mode=sync / {
  from = ""; flow = ""
  for (i = 6; i <= NF; i++) {
    if ($i ~ /^from=/) from = substr($i, 6)
    if ($i ~ /^flow=#/) flow = substr($i, 7) + 0
  }
  if (from !~ /^g[0-9]+$/ || flow == "" || sent[flow] != from " " $6) { print "    " $0 " (sender/flow wrong)"; bad++ }
}
END { exit bad > 0 }
AWK
for f in "$SRCROOT"/scenarios/*.go "$SRCROOT"/tests/bench/go/pingpong.go; do
  case $f in */pingpong.go) sed 's/const n = 1000000/const n = 3/' "$f" >"$TMP/pp.go"; f=$TMP/pp.go ;; esac
  "$DRIVER" trace "$f" --seed 1 -o "$TMP/t" 2>/dev/null
  if awk -f "$TMP/sync.awk" "$TMP/t" >"$TMP/bad"; then pass=$((pass + 1)); else
    echo "FAIL $(basename "$f"): a sync hand-off does not name its other end"; head -3 "$TMP/bad"; fail=$((fail + 1))
  fi
done
"$DRIVER" trace "$SRCROOT/scenarios/deadlock_lock_order.go" --seed 1 -o "$TMP/t" 2>/dev/null
names=$(grep -E '^# obj [0-9]+ mutex ' "$TMP/t" | awk '{print $5}' | tr '\n' ' ')
if [ "$names" = "alice.mu bob.mu " ]; then pass=$((pass + 1)); else
  echo "FAIL deadlock_lock_order mutex names: [$names], want [alice.mu bob.mu ]"; fail=$((fail + 1))
fi
cat >"$TMP/names.go" <<'EOF'
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu  sync.Mutex
	bal int
}

func lockVia(l sync.Locker) { l.Lock(); l.Unlock() }

func tryLock(p *sync.Mutex) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	p.Lock()
	return true
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	a := &account{}
	go func() {
		defer wg.Done()
		a.mu.Lock()
		a.bal++
		a.mu.Unlock()
	}()
	wg.Wait()
	var once sync.Once
	once.Do(func() { fmt.Println("once") })
	var m sync.Mutex
	c := sync.NewCond(&m)
	c.Broadcast()
	m.Lock()
	m.Unlock()
	var np *sync.Mutex
	fmt.Println(tryLock(np))
	var rw sync.RWMutex
	lockVia(&rw)
	fmt.Println(a.bal)
}
EOF
"$DRIVER" trace "$TMP/names.go" --seed 1 -o "$TMP/t" 2>/dev/null
names=$(grep -E '^# obj [0-9]+ (mutex|rwmutex|waitgroup|once|cond) ' "$TMP/t" | awk '{print $5}' | sed 's/#[0-9]*$/#N/' | tr '\n' ' ')
if [ "$names" = "wg a.mu once c m rwmutex#N " ]; then pass=$((pass + 1)); else
  echo "FAIL sync object names: [$names], want [wg a.mu once c m rwmutex#N ]"; fail=$((fail + 1))
fi
cat >"$TMP/ctxnames.go" <<'EOF'
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	t := time.NewTimer(time.Millisecond)
	<-t.C
	select {
	case <-ctx.Done():
	case <-time.After(time.Millisecond):
	}
	var vctx = context.WithValue(ctx, "k", 1)
	stop := time.AfterFunc(time.Hour, func() {})
	stop.Stop()
	fmt.Println(vctx.Value("k"))
}
EOF
"$DRIVER" trace "$TMP/ctxnames.go" --seed 1 -o "$TMP/t" 2>/dev/null
names=$(grep -E '^# obj [0-9]+ (context|timer|chan) ' "$TMP/t" | sed -E 's/^# obj [0-9]+ [a-z]+ ("[^"]*"|[^ ]+).*/\1/; s/#[0-9]+$/#N/' | tr '\n' ' ')
want='context.Background#N ctx "ctx deadline" t.C t ctx.Done() time.After#N time.After#N vctx stop '
if [ "$names" = "$want" ]; then pass=$((pass + 1)); else
  echo "FAIL context and timer names: [$names], want [$want]"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
