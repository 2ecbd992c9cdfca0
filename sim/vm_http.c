/* vm_http: the part of net/http the tutorial uses, in process: HandleFunc
 * registers a handler on the default mux; ListenAndServe parks its
 * goroutine on a virtual listener (no socket) that nothing dials yet.
 *
 * Invariants: handlers are pinned function values (they live as long as
 * the run); a goroutine parked in ListenAndServe waits with IO_WAIT, which
 * the deadlock check treats as Go does a network poller: not asleep.
 */
#include <string.h>

#include "sched.h"
#include "vm_native.h"

static int h_handlefunc(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[1].r) return vm_panic_plain(vm, g, "http: nil handler");
    vm_pin(vm, a[1].r);
    return VM_OK;
}

static int h_listen(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    sched_park(s, g, TRACE_WAIT_IO_WAIT, 0);
    return VM_BLOCKED;
}

const VmNativeDef sched_http_natives[] = {
    {"net/http.(*ServeMux).HandleFunc", h_handlefunc},
    {"net/http.HandleFunc", h_handlefunc},
    {"net/http.ListenAndServe", h_listen},
};
const int sched_http_natives_len = (int)(sizeof sched_http_natives / sizeof *sched_http_natives);
