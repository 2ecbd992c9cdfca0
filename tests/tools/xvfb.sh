# xvfb.sh (sourced by the tests that drive a real window): needs BIN set;
# skips (exit 0) when a tool in $XVFB_TOOLS is missing; makes T (a temp
# dir), fail(), and a cleanup that kills the viewer (VPID) and the X server
# (XPID). xvfb_start FIRST LAST starts Xvfb 1440x900 on the first free
# display in FIRST..LAST, exports DISPLAY and waits for its socket.
for tool in ${XVFB_TOOLS:-Xvfb xdotool import compare}; do
    command -v $tool >/dev/null || { echo "SKIP: $tool not installed"; exit 0; }
done
T=$(mktemp -d)
XPID=
VPID=
cleanup() {
    [ -n "$VPID" ] && kill "$VPID" 2>/dev/null
    [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

xvfb_start() {
    local d
    for d in $(seq "$1" "$2"); do
        [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ] && continue
        Xvfb :$d -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
        XPID=$!
        export DISPLAY=:$d
        break
    done
    for i in $(seq 50); do [ -e /tmp/.X11-unix/X${DISPLAY#:} ] && break; sleep 0.1; done
}
