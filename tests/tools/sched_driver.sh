# sched_driver.sh (sourced): sets DRIVER to a command that accepts
# `run FILE.go [--seed N] [--strategy S]` and `trace ...`: goro-viz itself once
# its `run` command is wired, else tests/tools/sched_driver.c built against the
# libgorosim.a next to it (BUILD/sim/libgorosim.a for BUILD/viz/goro-viz).
# Needs BIN, SRCROOT and a temp dir TMP.
if "$BIN" run "$SRCROOT/scenarios/intro.go" >/dev/null 2>&1; then
  DRIVER=$BIN
else
  lib=$(dirname "$BIN")/../sim/libgorosim.a
  [ -f "$lib" ] || { echo "no $lib beside $BIN"; exit 1; }
  ${CC:-cc} -O2 -I "$SRCROOT/sim" "$SRCROOT/tests/tools/sched_driver.c" "$lib" -lm -o "$TMP/sched_driver" ||
    { echo "cannot build the sched driver"; exit 1; }
  DRIVER=$TMP/sched_driver
fi
