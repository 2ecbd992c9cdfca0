/* sched: the deterministic single-threaded scheduler: goroutines, the run
 * queue, parking and waking, strategies (random, pct, rr), the virtual
 * clock and its timers, deadlock and limits; plus the channel (chan.c),
 * sync/atomic/runtime (vm_sync.c), time (vm_time.c) and context
 * (vm_context.c) runtimes that park and wake through it.
 *
 * Goroutine states (SchedG.status), after runtime2.go:
 *   SG_RUNNABLE  on the run queue, owned by the scheduler
 *   SG_RUNNING   the one goroutine inside vm_run
 *   SG_WAITING   parked by sched_park with a wait reason; on exactly the wait
 *                queues of what it waits on (channels of a select, a lock, a
 *                wait group), or on the timer heap (sleep), or on nothing
 *                (nil channel, empty select: forever)
 *   SG_DEAD      returned or died; freed
 *
 * Invariants:
 * - One door to block (sched_park) and one to wake (sched_ready); a woken
 *   goroutine's results are written into its registers by the waker before
 *   sched_ready, so it resumes after the instruction that blocked.
 * - Every choice (who runs, preemption distance, select case, timer ties by
 *   arming order) comes from vm->prng or from a counter: a run is a pure
 *   function of (source, seed, strategy, options).
 * - The clock moves only when the run queue is empty; it jumps to the
 *   earliest timer; timers due at the same instant fire in arming order.
 * - The hot path of a shared access that does not switch is vm->preempt's
 *   decrement (vm.c SHARED); the distance is drawn once per switch.
 */
#ifndef GORO_SCHED_H
#define GORO_SCHED_H

#include <stdint.h>
#include <stdio.h>
#include <string.h> /* memset: HANDLE_FREE */

#include "check.h"
#include "src.h"
#include "trace.h"
#include "vm.h"

/* SchedStrategy: who runs at each scheduling point. */
typedef enum SchedStrategy {
    SCHED_RANDOM = 0, /* preempt at a shared access with small probability;
                         at a blocking point pick uniformly */
    SCHED_PCT,        /* Burckhardt et al. 2010: random priorities, d-1
                         priority change points */
    SCHED_RR,         /* Go's one P: runnext, local and global queues; no preemption at accesses */
    SCHED_FIFO        /* internal: one FIFO run queue, no preemption at accesses
                         (the fixed baseline sparse schedules are written against) */
} SchedStrategy;

/* SchedOptions: one run's knobs; sched_options_default fills them. */
typedef struct SchedOptions {
    uint64_t seed;
    SchedStrategy strategy;
    int pct_depth;          /* d for pct (default 3) */
    uint64_t max_steps;     /* scheduling points + budget slices (0 = none) */
    int64_t max_goroutines; /* live goroutines (0 = none) */
    int64_t max_heap;       /* heap bytes (0 = none) */
    int64_t max_vtime;      /* virtual ns since the start (0 = none) */
    int trace;              /* record a Trace */
    int race;               /* run the data-race detector (--race): races are
                               reported on err as Go's race detector does and
                               a run that found any exits 66 */
    int gc_stress;          /* collect at every allocation (tests) */
    uint64_t pct_steps;     /* pct's k: change points fall uniformly in
                               1..k (0: sched_pct_steps estimates it) */
    struct Schedule *record_schedule;  /* non-NULL: every decision of the run
                                          is appended (schedule.h) */
    const struct Schedule *schedule;   /* non-NULL: replay its decisions
                                          (set the header's seed and strategy
                                          with sch_options) */
    /* progress: when non-NULL, called with the steps so far about every
     * 2^14 steps (it only observes: the run does not depend on it); a
     * nonzero return stops the run as the step limit does (the window's
     * progress screen: Esc cancels). */
    int (*progress)(void *ctx, uint64_t steps);
    void *progress_ctx;
} SchedOptions;

/* sched_options_default: seed 1, random, depth 3, default limits (steps
 * 2e9, goroutines 2e6, heap 4 GiB, vtime 1e6 hours), trace off. */
void sched_options_default(SchedOptions *o);

/* sched_strategy_parse: "random", "pct", "rr" into [*out]; -1 if unknown. */
int sched_strategy_parse(const char *name, SchedStrategy *out);

/* sched_strategy_name: [st]'s name ("fifo" for the internal SCHED_FIFO). */
const char *sched_strategy_name(SchedStrategy st);

/* sched_run_file: compile and run the Go program at [path] under [opt],
 * program stdout to [out], compile errors, panics, deadlock and limit
 * messages to [err]. When [trace_out] is non-NULL and opt->trace is set,
 * *trace_out receives the finished Trace (caller frees it with
 * trace_free; NULL on a compile error). Returns the exit status: 0, 1
 * (compile error), 2 (panic, fatal error, deadlock), 3 (a limit). */
int sched_run_file(const char *path, const SchedOptions *opt, FILE *out, FILE *err, Trace **trace_out);

struct SrcFile;
struct ChkProgram;
/* sched_run_checked: sched_run_file for a program already loaded and
 * checked without errors ([src], [prog], e.g. a FrontUnit's): compiles it
 * into a fresh Vm and runs it, so many runs parse once (explore). [prog] is
 * only read. Same results as sched_run_file. */
#define SCHED_RUN_CHECKED 1
int sched_run_checked(const struct SrcFile *src, struct ChkProgram *prog, const SchedOptions *opt,
                      FILE *out, FILE *err, Trace **trace_out);

/* sched_pct_steps: pct's k for [prog]: the steps of a pilot run under rr
 * with seed 0 and [opt]'s limits, at most 1e7 steps (output discarded), so
 * every seed of a sweep shares it; at least 1. sched_run_checked calls it when pct runs
 * with opt->pct_steps == 0; explore calls it once per program. */
uint64_t sched_pct_steps(const struct SrcFile *src, struct ChkProgram *prog, const SchedOptions *opt);

/* sched_cli: `goro-viz run ...` / `goro-viz trace ...`: [argv][1] is "run"
 * or "trace", then FILE.go and options (--seed N, --strategy random|pct|rr,
 * --pct-depth D, --max-steps N, --max-goroutines N, --max-heap BYTES,
 * --max-vtime DUR, --record-schedule F, --schedule F (its seed, strategy
 * and depth win over the options); run: --verify, --verify-trace F; trace:
 * --format text|chrome, -o FILE). Program output to [out] (run) or the
 * trace to [out] / -o (trace); messages to [err]. --verify runs the program
 * again and replays its recorded schedule, compares the text traces event
 * by event and prints "goro-viz: verified: N events identical" or the
 * first difference; --verify-trace compares with a saved text trace.
 * Returns the exit status: the program's, 1 also for an unreadable or
 * malformed schedule, 4 when --verify finds a difference, 64 on a usage
 * error. */
int sched_cli(int argc, char **argv, FILE *out, FILE *err);

/* ------------------------------------------------------------------------ */
/* Internals shared by sched.c, chan.c, vm_sync.c, vm_time.c, vm_context.c   */
/* ------------------------------------------------------------------------ */

enum { SG_RUNNABLE, SG_RUNNING, SG_WAITING, SG_DEAD };

/* Waiter / WaitQ: a FIFO of parked goroutines (ring of a power-of-two
 * capacity, indexed with a mask; removed entries are NULL tombstones
 * skipped when popped). [ci] is the select case index the goroutine waits
 * with (a Mutex's: its wait start; -1 for a plain operation). */
typedef struct __attribute__((packed, aligned(4))) Waiter {
    Goroutine *g;
    int ci;
} Waiter; /* 12 bytes, not 16: a million parked receivers' queue */
_Static_assert(sizeof(Waiter) == 12, "Waiter is packed");
typedef struct WaitQ {
    Waiter *w;
    uint32_t head, len, cap, live;
} WaitQ;

/* SelCase / SelState: the cases of a select a goroutine is parked in. */
typedef struct SelCase {
    ChanObj *c; /* NULL for a nil channel */
    int dir;    /* 1 send, 0 receive */
} SelCase;
typedef struct SelState {
    int n;    /* cases */
    int base; /* stack index of case 0's registers (chan, value pairs) */
    SelCase c[];
} SelState;

/* SchedG: the scheduler's per-goroutine state, right after its Goroutine
 * in the goroutine's block (vm_goroutine_extra); under pct its int64
 * priority follows it (sched_prio). */
typedef struct SchedG {
    /* wide fields first, then ints, then bytes and bits: no padding (48
     * bytes, in the goroutine's block: a million parked ones) */
    /* parked operation. A goroutine is a plain blocked sender, asleep or in
     * a select, one at a time: [wake_at] and [sel] share [val]'s word
     * (in_sel says which holds it) and leave val.r alone (always NULL or a live object: the GC marks it). */
    union {
        Value val;        /* value a blocked plain sender offers */
        int64_t wake_at;  /* sleep */
        SelState *sel;    /* select: its cases (mem_alloc'd while parked); valid iff in_sel */
    };
    TraceObj tobj;     /* its trace object (0 when not tracing) */
    TraceObj wait_obj; /* what it waits on, for the trace */
    int dst;       /* stack index of a blocked receive's / native's results;
                      lock_retry: the Mutex's handle */
    int sleep_timer; /* its reusable time.Sleep timer, -1 none */
    int http_resp;   /* serving a request: its HttpResp handle, -1 none */
    uint8_t status;  /* SG_* */
    uint8_t reason;  /* TraceWaitReason while SG_WAITING */
    uint8_t is_main : 1;
    uint8_t want_ok : 1; /* receive: also write ok at dst + 1 */
    uint8_t in_sel : 1;  /* parked in a select: sel is set */
    uint8_t goexit : 1;  /* runtime.Goexit ran its defers: it ends (main: waits forever) */
    uint8_t lock_retry : 1; /* woken by a Mutex Unlock to compete for it (handle in dst) */
} SchedG;
_Static_assert(TRACE_WAIT__COUNT <= 256, "SchedG.reason is a byte");

/* ChanWait: the scheduler's side of a channel (ChanObj.waiters). Four
 * facts (chan.go): recvq has live waiters only while the buffer is empty;
 * sendq only while it is full (unbuffered: always); a closed channel has
 * an empty sendq; waiters leave every queue of a select when one case
 * completes. */
typedef struct ChanWait {
    WaitQ recvq, sendq;
    TraceObj tobj;
    int ix;    /* index in Sched.chans (swap-removed when the channel dies) */
    int timer; /* handle + 1 of the TM_SEND timer sending into it, 0 none */
} ChanWait;

/* SyncObj: a Mutex, RWMutex, WaitGroup, Once or Cond. */
enum { SO_MUTEX = 1, SO_RWMUTEX, SO_WAITGROUP, SO_ONCE, SO_COND };
typedef struct SyncObj {
    int kind;
    Goroutine *owner;  /* mutex / rwmutex writer holder */
    int locked;        /* mutex / writer held */
    int starving;      /* mutex: Go's starvation mode (Unlock hands off) */
    Goroutine *woken;  /* mutex: the waiter woken to retry (Go's mutexWoken) */
    uint32_t woken_since; /* mutex: [woken]'s wait start (vm_sync.c starve_clock) */
    int64_t readers;   /* rwmutex readers holding; cond: tickets below are notified */
    int wpending;      /* rwmutex: a writer holds the writer mutex (locked) and has
                          announced itself: new readers wait (Go's readerCount < 0) */
    int wheld;         /* rwmutex: that writer holds the lock (no reader left) */
    Goroutine *wwait;  /* rwmutex: that writer while it waits for readers (writerSem) */
    int64_t counter;   /* wait group; cond: next wait ticket (vm_sync.c) */
    int done;          /* once: 0 not started, 1 f running, 2 done */
    WaitQ q;           /* lock / writer-mutex waiters, wg waiters, cond waiters
                          (ci = ticket), once callers waiting for f */
    WaitQ rq;          /* rwmutex read waiters */
    TraceObj tobj;
    const AggObj *home; /* the sync value it was made for (NULL: free) */
    uint32_t gen;      /* generation of its handle: bumped when freed */
    int next_free;     /* free: the next free handle + 1, 0 none */
} SyncObj;

/* Handle tables: the scheduler's records (Timer, SyncObj, CtxState,
 * HttpResp) sit in a VEC and are named by index (the handle); a freed
 * record is zeroed but for its generation, which goes up (a key that
 * carries it never meets its old clocks), and linked through next_free
 * from a head field (first free handle + 1, 0 none).
 *   HANDLE_NEW(vec, head, item, h): store [item] (its gen set here) in a
 *     free record, or a new one; its handle into [h].
 *   HANDLE_FREE(vec, head, h): free record [h].
 *   HANDLE_VALUE(vec, h): record [h] as a Go value holds it (a sync
 *     value's or ctxImpl's slot): gen << 32 | h + 1, 0 being "none".
 *   HANDLE_ID(vec, h): [h] with its generation (24 bits), for race keys. */
#define HANDLE_VALUE(vec, h) ((int64_t)((uint64_t)(vec).items[(h)].gen << 32 | (uint32_t)((h) + 1)))
#define HANDLE_ID(vec, h) ((uint64_t)(h) | (uint64_t)((vec).items[(h)].gen & 0xffffff) << 32)
#define HANDLE_NEW(vec, head, item, h)                                                  \
    do {                                                                                \
        if (head) {                                                                     \
            (h) = (head) - 1;                                                           \
            (head) = (vec).items[(h)].next_free;                                        \
            (item).gen = (vec).items[(h)].gen;                                          \
            (vec).items[(h)] = (item);                                                  \
        } else {                                                                        \
            VEC_PUSH(vec, item);                                                        \
            (h) = (vec).len - 1;                                                        \
        }                                                                               \
    } while (0)
#define HANDLE_FREE(vec, head, h)                                                       \
    do {                                                                                \
        uint32_t gen_ = (vec).items[(h)].gen + 1;                                       \
        memset(&(vec).items[(h)], 0, sizeof (vec).items[(h)]);                          \
        (vec).items[(h)].gen = gen_;                                                    \
        (vec).items[(h)].next_free = (head);                                            \
        (head) = (h) + 1;                                                               \
    } while (0)

/* Timer: one armed or idle timer. */
enum { TM_WAKE = 1, TM_SEND, TM_FUNC, TM_CTX };
typedef struct Timer {
    int64_t when, period;
    uint64_t seq;     /* arming order: ties fire in this order */
    int kind;
    int heap_ix;      /* index in the heap, -1 when not armed */
    Goroutine *g;     /* TM_WAKE */
    Value ch;         /* TM_SEND: the channel */
    Value fn;         /* TM_FUNC */
    int ctx;          /* TM_CTX */
    int next_free;    /* kind 0 (free slot): next free handle + 1, 0 none */
    TraceObj tobj;
    uint8_t orphan;   /* TM_FUNC: its time.Timer died while armed: freed once fired */
    uint32_t gen;     /* generation of its handle (race keys): bumped when freed */
    const char *name; /* its trace name (static or the Vm's arena), NULL none */
} Timer;

/* CtxState: one context (Background and TODO included). */
typedef struct CtxState {
    int parent;       /* handle, -1 for a root */
    int err;          /* 0 none, 1 canceled, 2 deadline exceeded */
    int done_ch;      /* chan handle, -1 until Done is first called */
    Value done;       /* the Done channel value once made */
    int64_t deadline; /* virtual ns, when has_deadline */
    int has_deadline;
    int timer;        /* deadline timer handle, -1 none */
    Value key, val;   /* WithValue */
    int has_value;
    int root;         /* 1 Background, 2 TODO */
    VEC(int) children; /* registered: each holds a ref on the child */
    TraceObj tobj;
    /* refs: its ctxImpl value (which its cancel func holds) while alive,
     * each context whose parent it is, its registration in its parent's
     * children, its armed deadline timer; freed at 0 (vm_context.c) */
    int refs;
    const char *name;  /* its trace name (arena or static), NULL none */
    uint32_t gen;      /* generation of its handle: bumped when freed */
    int next_free;     /* free: the next free handle + 1, 0 none */
} CtxState;

/* HttpRoute / HttpResp: a handler on the default mux; one request's
 * response being written (vm_http.c). */
typedef struct HttpRoute {
    Value pattern, fn;
} HttpRoute;
typedef struct HttpResp {
    char *buf;
    size_t len, cap, off; /* body bytes; off: read position */
    int status;
    Goroutine *client; /* parked in http.Get until the handler returns */
    int dst;           /* client's result registers */
    Value req;
    int refs;          /* its ResponseWriter and Body values while alive, its
                          handler while it runs; freed at 0 (vm_http.c) */
    uint32_t gen;      /* generation of its handle (HANDLE_FREE) */
    int next_free;     /* free: the next free handle + 1, 0 none */
} HttpResp;

/* Sched: the scheduler state goroutines share (Vm.sched). */
typedef struct Sched {
    Vm *vm;
    SchedOptions opt;
    Trace *trace;
    FILE *err;
    /* run queue: ring of runnable goroutines */
    Goroutine **rq;
    uint32_t rq_head, rq_len, rq_cap; /* ring; rq_cap a power of two */
    /* rr models Go's one P inside rq: [runnext?][local FIFO][global FIFO] */
    Goroutine *rr_next; /* Go's runnext: made or woken last; at rq's head (or
                           second, behind a spawner that goes on running) */
    uint32_t rr_nglob;  /* the last rr_nglob of rq are Go's global run queue */
    uint32_t rr_tick;   /* Go's schedtick: picks that do not inherit a slice */
    Goroutine *rr_cont; /* a spawner put back at the head to go on running */
    int rr_batch;       /* > 0: sched_ready collects into rr_woken (close) */
    VEC(Goroutine *) rr_woken;
    Goroutine *cur;     /* running goroutine */
    Goroutine *main_g;
    int64_t live;       /* goroutines not dead */
    uint64_t steps;
    int64_t now;        /* virtual ns since 2009-11-10 23:00:00 UTC */
    int done;           /* the run is over */
    int status;         /* exit status once done */
    /* pct */
    int64_t pct_low;    /* next priority below all others */
    uint64_t pct_next_change;
    int pct_changes_left;
    uint64_t *pct_at;   /* the d-1 change points, ascending (pct_changes_left
                           of them from pct_at[pct_n - left] on) */
    int pct_n;
    struct SchRun *sch; /* schedule recorder / replayer, NULL when neither */
    uint64_t clamps;    /* sched_point's clamps of a spent countdown: each
                           hides one point from dist - left (schedule.c) */
    /* objects */
    VEC(ChanWait *) chans; /* every ChanWait made (freed at the end) */
    VEC(SyncObj) syncs;
    VEC(Timer) timers;
    VEC(CtxState) ctxs;
    int *theap;         /* armed timer handles, min-heap on (when, seq) */
    int nheap, heapcap;
    uint64_t timer_seq;
    int timer_free;     /* first free timer handle + 1, 0 none */
    int sync_free;      /* first free SyncObj handle + 1, 0 none */
    int ctx_free;       /* first free CtxState handle + 1, 0 none */
    /* runtime-made types and values */
    const RType *t_chan_time, *t_time, *t_timer, *t_ctx, *t_ctx_struct, *t_chan_struct;
    Value ctx_canceled, ctx_deadline;
    Value cancel_thunk_proto; /* unused slot kept for GC symmetry */
    const Proto *cancel_proto;
    /* output capture for the trace */
    char *obuf;
    size_t olen, osent;
    FILE *real_out;
    /* net/http (vm_http.c) */
    VEC(HttpRoute) routes;
    VEC(HttpResp) resps;
    int listening;
    int resp_free;      /* first free HttpResp handle + 1, 0 none */
    int64_t http_nreq;  /* requests made: the next one's port is 40000 + this */
    Value io_eof;
    const RType *t_resp_writer, *t_body;
    struct RaceCtx *race; /* race.h: the detector / memory trace, NULL when off or
                             stopped (a trace-only detector past its limits); the
                             hooks are called only while it is set */
} Sched;

/* sched_of: the scheduler of [vm] (NULL when running without one). */
static inline Sched *sched_of(Vm *vm) { return vm->sched; }
static inline SchedG *sched_g(Goroutine *g) { return (SchedG *)(g + 1); }
/* sched_prio: [g]'s pct priority (only under pct: the block has room). */
static inline int64_t *sched_prio(Goroutine *g) { return (int64_t *)(sched_g(g) + 1); }

/* sched_park: block [g] (the running goroutine) with [reason] waiting on
 * trace object [obj]; the caller has queued it where its waker finds it
 * and returns VM_BLOCKED. */
void sched_park(Sched *s, Goroutine *g, int reason, TraceObj obj);

/* sched_mutex_retry: [g], woken by a Mutex Unlock in normal mode (its
 * lock_retry set), is about to run: it takes the mutex and returns 1, or
 * finds it taken again, queues first and parks, and returns 0 (vm_sync.c). */
int sched_mutex_retry(Sched *s, Goroutine *g);

/* sched_ready: make parked [g] runnable (its results already written). */
void sched_ready(Sched *s, Goroutine *g);

/* sched_requeue (not "sched_yield": that name is POSIX's, and LeakSanitizer
 * calls the libc one while stopping the world): put the running [g] back on the run queue (Gosched, an
 * atomic's scheduling point); the native then returns VM_BLOCKED. Under rr
 * it goes where Go's Gosched puts it: the global run queue. */
void sched_requeue(Sched *s, Goroutine *g);

/* sched_requeue_local: sched_requeue onto the tail of the local run queue,
 * as Go's goyield (a Mutex handing itself over in starvation mode). */
void sched_requeue_local(Sched *s, Goroutine *g);

/* sched_wake_begin / sched_wake_end: goroutines readied between them
 * become runnable at the end, in reverse order, as Go's closechan readies
 * the waiters it gathered on a stack (under rr, where it shows). */
void sched_wake_begin(Sched *s);
void sched_wake_end(Sched *s);

/* sched_point: a scheduling point after a native's effect: counts against
 * the preemption distance; when it runs out, the next shared access
 * switches (a native cannot tell whether it runs from a CALL, deferred or
 * nested, where it cannot yield, so it never switches itself). Returns
 * VM_OK. [res]/[nres] are the native's results (unused). Inline: every
 * Mutex Lock and Unlock passes here. */
static inline int sched_point(Vm *vm, Goroutine *g, const Value *res, int nres) {
    (void)g;
    (void)res;
    (void)nres;
    if (!vm->sched) return VM_OK;
    if (__builtin_expect(vm->mem_hook != 0, 0)) { /* race.h: the distance is in mem_left (vm.c run_hooked) */
        if (--vm->mem_left <= 0) {
            vm->mem_left = 1;
            vm->sched->clamps++;
        }
    } else if (--vm->preempt <= 0) {
        vm->preempt = 1;
        vm->sched->clamps++;
    }
    return VM_OK;
}

/* sched_result_slot: the stack index where the native [g] is calling
 * writes its results (R[A] of the CALL before the saved pc). */
int sched_result_slot(Goroutine *g);

/* sched_fatal: Go's unrecoverable `fatal error: [msg]` on [g]: print it
 * with the goroutine's stack, end the run with status 2. The native then
 * returns VM_BLOCKED. */
int sched_fatal(Sched *s, Goroutine *g, const char *msg);

/* sched_nested_block: [g] blocked inside a nested vm_call (a String
 * method fmt calls, a sort less function...), which cannot be suspended:
 * unless the run already ended, print `goro-viz: blocking in F called by
 * N is not supported (FILE:LINE)` on err and end the run with status 2. */
void sched_nested_block(Sched *s, Goroutine *g);

/* sched_new_goroutine: vm_goroutine_new, also for a native [fn] (`go
 * http.ListenAndServe(...)`: a one-call wrapper function starts it). */
Goroutine *sched_new_goroutine(Vm *vm, Value fn, const Value *args, int nargs);

/* sched_adopt: take goroutine [g] (made by vm_goroutine_new, e.g. for a
 * go statement in [parent], NULL for the runtime) into the run queue. */
void sched_adopt(Sched *s, Goroutine *parent, Goroutine *g);

/* sched_spawn: a new runnable goroutine calling closure [fn] with [nargs]
 * [args]; [parent] is its creator (NULL: the runtime, e.g. AfterFunc). */
Goroutine *sched_spawn(Sched *s, Goroutine *parent, Value fn, const Value *args, int nargs);

/* sched_prog_frame: [g]'s innermost frame of the program's own code (below
 * library functions written in Go; the outermost if all are), NULL if it
 * has none. */
static inline const Frame *sched_prog_frame(const Goroutine *g) {
    int fi = g->nframes - 1;
    if (fi < 0) return NULL;
    const Frame *f = &g->frames[fi];
    while (!f->p->prog && fi > 0) f = &g->frames[--fi];
    return f;
}

/* sched_line: the source line [g] stands on: that of the instruction its
 * innermost frame of the program's own code is executing (a library
 * function written in Go, sync.(*Once).Do, has lines of its API text;
 * Proto.prog caches the name test). Inline: once per traced event. */
static inline int sched_line(Goroutine *g) {
    const Frame *f = sched_prog_frame(g);
    if (!f) return 0;
    const Proto *p = f->p;
    if (!f->pc || !p->lines) return 0;
    long k = f->pc - p->code - 1; /* the instruction being executed */
    if ((unsigned long)k >= (unsigned long)p->ncode) k = k < 0 ? 0 : p->ncode - 1; /* one test: rare */
    return p->lines[k];
}

/* sched_emit: emit trace event [ev] (no-op when not tracing). Inline: the
 * caller's event is built in place, and trace_emit_at hands the common
 * kinds' fields over in registers. */
static inline void sched_emit(Sched *s, TraceEvent ev) {
    if (!s->trace) return;
    ev.step = s->steps;
    ev.vtime = s->now;
    trace_emit_at(s->trace, &ev);
}

/* sched_find_type: the runtime type printed as [str], made as a [kind]
 * with [elem] if the program never needed it. */
const RType *sched_find_type(Vm *vm, const char *str, RKind kind, const RType *elem);

/* WaitQ operations. */
void waitq_push(WaitQ *q, Goroutine *g, int ci);
/* waitq_push_front: queue [g] first (a woken Mutex waiter that lost). */
void waitq_push_front(WaitQ *q, Goroutine *g, int ci);
int waitq_pop(WaitQ *q, Waiter *out); /* 0 when empty */
void waitq_remove(WaitQ *q, Goroutine *g);
void waitq_free(WaitQ *q);

/* ---- timers (vm_time.c) ---- */

/* timer_new: a fresh idle timer of [kind]; returns its handle. */
int timer_new(Sched *s, int kind);
/* timer_arm: (re)arm timer [h] to fire at virtual time [when]. */
void timer_arm(Sched *s, int h, int64_t when);
/* timer_stop: disarm [h]; returns whether it was armed. */
int timer_stop(Sched *s, int h);
/* timer_free: release timer [h] (disarmed first): its handle is reused.
 * Only for a timer nothing can name any more (its channel died, or its
 * goroutine's sleep timer at exit). */
void timer_free(Sched *s, int h);
/* sched_chan_freed: free the ChanWait of dying [c] and the TM_SEND timer
 * that would send into it (GC-aware timers: an After whose channel is
 * garbage can never be observed). */
void sched_chan_freed(Vm *vm, ChanObj *c);
/* sched_sync_freed: free the SyncObjs whose home is dying [a] (nothing can
 * name them: a goroutine waiting on one holds its home); their handles are
 * reused under a new generation (vm_sync.c). */
void sched_sync_freed(Vm *vm, AggObj *a);
/* sched_obj_copied: Vm.copy_hook: [dst], a copy of sync value [src],
 * gets a SyncObj of its own with [src]'s state (not its waiters); a
 * copied time.Timer keeps its timer for good. */
void sched_obj_copied(Vm *vm, AggObj *dst, const AggObj *src);
/* sched_timer_freed: the time.Timer [a] of an AfterFunc died: its timer
 * is freed now, or once it has fired if it is armed (Go keeps an armed
 * timer, and what its function holds, until then). */
void sched_timer_freed(Vm *vm, AggObj *a);
/* sched_obj_freed: Vm.free_hook: sched_chan_freed, or by the dying
 * aggregate's type sched_sync_freed, sched_timer_freed, sched_ctx_freed or
 * sched_http_freed (vm_sync.c home_kind). */
void sched_obj_freed(Vm *vm, GcObj *o);
/* timer_fire_due: pop the earliest timer and every one due at the same
 * instant, advancing the clock; returns 0 if none is armed. */
int timer_fire_due(Sched *s);
/* timer_next_when: the earliest armed fire time, or -1. */
int64_t timer_next_when(const Sched *s);

/* ---- channels (chan.c) ---- */

/* sched_call_name: the trace name the compiler gave the call [g] is
 * running (Proto.acc_names at the CALL in the program's innermost frame,
 * below package code such as sync.Once.Do: a sync method's receiver,
 * compile_expr.c sync_recv_name; the variable a context is assigned to),
 * NULL if none (a deferred call, a method value) or, when [recv] is given,
 * if that is not the call's receiver (vm_sync.c). */
const char *sched_call_name(const Goroutine *g, const AggObj *recv);
/* chan_made: register channel [c] just made by [g] (its trace object,
 * named [name] of [len] bytes from the source, NULL when unnamed). */
void chan_made(Vm *vm, Goroutine *g, ChanObj *c, const char *name, int64_t len);

/* chan_new: a channel of type [t] with capacity [cap]; the value. */
Value chan_new(Vm *vm, const RType *t, int64_t cap);
/* chan_send / chan_recv / chan_close / chan_select: the operations; return
 * VM_OK, VM_BLOCKED (parked) or VM_RAISE (a panic). chan_recv writes to
 * stack index [dst] (and ok to dst + 1 when [want_ok]). */
int chan_send(Vm *vm, Goroutine *g, Value ch, Value v);
int chan_recv(Vm *vm, Goroutine *g, Value ch, int dst, int want_ok);
int chan_close(Vm *vm, Goroutine *g, Value ch);
int chan_select(Vm *vm, Goroutine *g, int res, int base, int ncases, int has_default, uint32_t sends);
/* chan_try_send: a non-blocking send from the runtime (timer ticks):
 * returns 1 if delivered or buffered. */
int chan_try_send(Sched *s, Value ch, Value v);
/* chan_close_rt: close from the runtime (context Done); no panic checks. */
void chan_close_rt(Sched *s, Value ch);
/* chan_wait: the scheduler side of [c], made on first use. */
ChanWait *chan_wait(Sched *s, ChanObj *c);

/* ---- natives (vm_sync.c, vm_time.c, vm_context.c) ---- */

/* sched_native_lookup: the concurrency native named [qname] (sync,
 * sync/atomic, runtime, time, context, net/http) or NULL. */
struct VmNativeDef;
const struct VmNativeDef *sched_native_lookup(const char *qname);

/* sched_pkg_var: the value of package variable [pkg].[name] the runtime
 * provides (context.Canceled...); 0 when known, -1 otherwise. */
int sched_pkg_var(Vm *vm, const char *pkg, const char *name, Value *out);

/* sched_mark: mark everything the scheduler holds (Vm.mark_hook). */
void sched_mark(Vm *vm);

/* http_finish: the handler goroutine serving response [h] returned:
 * complete the client's http.Get. */
void http_finish(Sched *s, int h);
/* sched_http_freed: a ResponseWriter or Body value [a] died: drop its
 * response's ref (freed when none is left). */
void sched_http_freed(Vm *vm, AggObj *a);
/* http_io_eof: the run's io.EOF error value (made once, pinned). */
Value http_io_eof(Vm *vm);
/* http_free: release the net/http state of [s]. */
void http_free(Sched *s);

/* ctx_cancel: cancel context [h] (and its children) with error [err]:
 * by its cancel func or deadline (not through its parent), so it leaves
 * its parent's children. */
void ctx_cancel(Sched *s, int h, int err);
/* sched_ctx_freed: the ctxImpl [a] of a context died: drop its ref. */
void sched_ctx_freed(Vm *vm, AggObj *a);

/* time_value: a time.Time for virtual ns [vt]. */
Value time_value(Vm *vm, int64_t vt);

#endif
