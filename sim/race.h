/* race: the data-race detector behind `goro-viz run --race` (happens-before
 * with vector clocks, FastTrack-style shadow words), and the memory half of
 * the trace: READ / WRITE / RACE events on TRACE_OBJ_VAR objects.
 *
 * How it hangs together:
 * - The scheduler makes one RaceCtx per run when SchedOptions.race or
 *   SchedOptions.trace is set (Sched.race) and sets Vm.mem_hook; the VM's
 *   dispatch then calls race_vm_access before every [shared] load / store
 *   (vm.c; no cost at all when mem_hook is 0).
 * - Synchronisation is reported with explicit calls from the runtimes
 *   (sched.c, chan.c, vm_sync.c, vm_time.c, vm_context.c), keyed by stable
 *   ids (a SyncObj handle, a channel's allocation number and buffer slot, an
 *   atomic's (object, slot)); every hook is a no-op without the detector.
 * - Go's race runtime is the model: release merges the goroutine's clock
 *   into the sync object's, acquire joins it back; a channel buffer slot is
 *   released-and-acquired by each send and receive through it (so the k-th
 *   receive happens before the (k+C)-th send completes); an unbuffered
 *   hand-off synchronises both ways; atomics acquire/release their address.
 * - Cost: a clock is a copy-on-write dense vector shared between clocks
 *   that know the same, plus a few sparse entries (a goroutine's own, its
 *   creator's): parked goroutines, or many woken by one close, cost O(1)
 *   each, not O(live goroutines). A release by the goroutine whose clock
 *   already covers the sync object (a mutex unlocked by its last locker)
 *   copies nothing until someone else needs the clock; an unbuffered
 *   hand-off between two goroutines with small clocks is one pass; a read
 *   the trace will not show and that cannot race updates the shadow word
 *   in place without building the trace's access record, and without
 *   interning its stack (done if a report ever needs it).
 *   `run --race` has no goroutine limit (Go 1.19's tsan v3
 *   on linux/amd64 has none); a trace-only detector (SchedOptions.trace
 *   without race) stops tracking past 8128 live goroutines (Go's old tsan
 *   limit) and records meta "races" = "not tracked past 8128 live
 *   goroutines": no more RACE marks or memory events after that point.
 *   It also stops once the trace has taken its RACE_MAX_MEM_EVENTS
 *   (200,000) memory events (meta "races" = "not tracked past 200000
 *   memory events"): a RACE mark joins two traced accesses, so past the
 *   cap it could mark nothing. Stopping turns Vm.mem_hook off mid-run;
 *   vm.c hands the preemption distance back so no switch point moves.
 * - Reports are printed on the run's err in the Go race detector's format;
 *   a report is suppressed when its address or its pair of stacks was
 *   reported before (tsan's suppress_equal_addresses/stacks, Go's default).
 *
 * Determinism: shadow memory is keyed by (allocation number, slot) or
 * (global index); fake addresses are handed out in order of first access;
 * hash tables are probed, never iterated, so nothing printed depends on a
 * pointer value.
 */
#ifndef GORO_RACE_H
#define GORO_RACE_H

#include <stdint.h>
#include <stdio.h>

#include "trace.h"
#include "vm.h"

typedef struct RaceCtx RaceCtx;
struct ChanObj;

/* race_new: a detector for [vm]'s run: reports on [err] when [detect] is
 * set; memory events into [trace] when non-NULL. Owned by the caller
 * (race_free). Never NULL. */
RaceCtx *race_new(Vm *vm, FILE *err, Trace *trace, int detect);

/* race_free: release [r] (NULL is a no-op). */
void race_free(RaceCtx *r);

/* race_count: races reported so far. */
int race_count(const RaceCtx *r);

/* race_finish: the end of the run with exit [status]: like Go's racefini,
 * when the program ended normally (status 0) and races were found, print
 * `Found N data race(s)` and `exit status 66` and return 66; else return
 * [status] unchanged. */
int race_finish(RaceCtx *r, int status);

/* ---- goroutines ---- */

/* race_go: [child] was created by [parent] (NULL: by the runtime, e.g. a
 * timer's func: it inherits the firing timer's clock). */
void race_go(RaceCtx *r, Goroutine *parent, Goroutine *child);

/* race_go_end: [g] finished (reports say "(finished)"). */
void race_go_end(RaceCtx *r, Goroutine *g);

/* ---- synchronisation (g NULL = the runtime, see race_timer_fire) ---- */

/* Sync object keys: a SyncObj handle with a sub-object (RWMutex has two),
 * a timer handle, a context handle. */
#define RACE_KEY_SYNC(h, sub) (((uint64_t)1 << 60) | ((uint64_t)(h) << 2) | (uint64_t)(sub))
#define RACE_KEY_TIMER(h) (((uint64_t)2 << 60) | (uint64_t)(h))
#define RACE_KEY_CTX(h) (((uint64_t)3 << 60) | (uint64_t)(h))

/* race_acquire: [g] acquires sync object [key] (joins its clock). */
void race_acquire(RaceCtx *r, Goroutine *g, uint64_t key);

/* race_release: [g] releases into [key] (merges its clock; ticks). */
void race_release(RaceCtx *r, Goroutine *g, uint64_t key);

/* race_timer_fire: timer [h] (its handle and generation, as in its
 * RACE_KEY_TIMER) fires now: what the runtime does next (send on its
 * channel, start its func, cancel its context) carries the clock of the
 * goroutine that armed it (released at arming with race_release). */
void race_timer_fire(RaceCtx *r, uint64_t h);

/* ---- channels ---- */

/* race_chan_send / race_chan_recv: a send into / receive out of [c]'s
 * buffer by [g] (the next slot in FIFO order). */
void race_chan_send(RaceCtx *r, Goroutine *g, const struct ChanObj *c);
void race_chan_recv(RaceCtx *r, Goroutine *g, const struct ChanObj *c);

/* race_chan_handoff: [sender] hands its value straight to [receiver]: for
 * an unbuffered [c] both ways; for a buffered one (empty, receiver
 * waiting) as a send then a receive through the slot. */
void race_chan_handoff(RaceCtx *r, const struct ChanObj *c, Goroutine *sender, Goroutine *receiver);

/* race_chan_close / race_chan_closed_recv: close of [c] by [g]; a receive
 * by [g] that saw [c] closed. */
void race_chan_close(RaceCtx *r, Goroutine *g, const struct ChanObj *c);
void race_chan_closed_recv(RaceCtx *r, Goroutine *g, const struct ChanObj *c);

/* race_chan_op: Go's check of a channel against its close: a send (or a
 * select's chosen send case) by [g] reads [c], a close writes it (so a
 * close racing with a send is reported, in runtime.chansend /
 * runtime.closechan frames). */
void race_chan_op(RaceCtx *r, Goroutine *g, const struct ChanObj *c, int is_close);

/* ---- memory ---- */

/* race_vm_access: the VM hook: [g] is about to execute the [shared]
 * instruction at [ipc] (its frame's registers at [R]); decodes what it
 * loads or stores and checks / records it. Does nothing for an access the
 * instruction will not make (nil, out of bounds). */
void race_vm_access(Vm *vm, Goroutine *g, const Instr *ipc, Value *R);

/* RACE_MEM_OPS: the [shared] instructions that load or store program
 * memory (channel operations are synchronisation, hooked in chan.c). */
#define RACE_MEM_OPS(X)                                                                 \
    X(GETG) X(SETG) X(LOADC) X(STOREC) X(GETF) X(SETF) X(GETE) X(SETE) X(SGET) X(SSET) \
    X(LOAD) X(STORE) X(MGET) X(MGET2) X(MSET) X(MDEL) X(MNEXT)

/* race_atomic: a sync/atomic operation by [g] on the word [ptr] points to:
 * [rd]/[wr] whether it loads / stores (an add is both); [value] the value
 * stored or loaded (trace). */
void race_atomic(RaceCtx *r, Goroutine *g, Value ptr, int rd, int wr, int64_t value);

#endif
