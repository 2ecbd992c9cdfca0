/* trace: the recorded run — objects, events, keyframes — the contract between
 * the simulator (which writes it) and the viewer, exporters and explore (which
 * read it). DESIGN.md §5.
 *
 * Model
 *   Objects   Everything a run talks about gets a dense id (TraceObj, 1..N in
 *             creation order; 0 means "none"): goroutines, channels, mutexes,
 *             rwmutexes, wait groups, once, cond, timers, contexts, and shared
 *             variables (`c.count`). Each carries its name from the source
 *             (`jobs`, `c.mu`, `wg`), creation site and kind-specific facts
 *             (a goroutine's Go id and start function; a channel's element
 *             type and capacity). All strings are interned: a uint32 string id,
 *             0 is the empty string.
 *   Events    One record per thing that happened (TraceEventKind), in order,
 *             indexed 0..count-1. Each has the scheduler's step number, the
 *             virtual time, the goroutine it concerns (g), the object acted on
 *             (obj), a source position, a short printed value (string id) and a
 *             kind-specific argument. Stored varint-encoded against the
 *             event before it (typically 5-10 bytes).
 *   State     TraceState is what the viewer draws: each goroutine's status,
 *             wait reason, object waited on and current line; each channel's
 *             buffered values in order and closed flag; each lock's owner(s);
 *             each WaitGroup counter; output length; virtual time. The state
 *             "at n" is the result of applying the first n events to the empty
 *             state with ONE function (used both while recording and when
 *             replaying, so the two cannot disagree). Keyframes (snapshots)
 *             every K events make trace_state_at O(K + size of the state),
 *             whatever the length of the trace.
 *
 * Determinism: the trace holds no pointers, no hash order and no wall clock:
 * the same emitted events give byte-identical exports.
 *
 * Typical use (scheduler side):
 *     Trace *t = trace_new(NULL);
 *     TraceObj g1 = trace_new_goroutine(t, step, 0, 1, "main.main", pos);
 *     TraceObj ch = trace_new_object(t, step, g1, TRACE_OBJ_CHAN, "jobs", pos);
 *     trace_obj_set_chan(t, ch, "int", 3);
 *     trace_emit(t, &(TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_BUF,
 *                                 .g = g1, .obj = ch, .pos = pos, .step = step,
 *                                 .vtime = now, .value = trace_intern_int(t, 4)});
 *     ...
 *     trace_finish(t);
 * Viewer side:
 *     TraceState st; trace_state_init(&st);
 *     trace_state_at(t, playhead + 1, &st);   // state just after event playhead
 *     ... st.objs[id].status ... trace_state_chan_value(&st, ch, 0, NULL) ...
 *     trace_state_free(&st); trace_free(t);
 *
 * Threads: a Trace is not synchronised, and rebuilding states allocates
 * through the mem funnel (a plain counter); queries keep caches inside the
 * Trace (the decoding position, the per-goroutine indexes built on first
 * use): use a Trace and its TraceStates from one thread at a time. Separate traces in separate threads need a
 * thread-safe funnel first.
 */
#ifndef GORO_TRACE_H
#define GORO_TRACE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "src.h"

/* ------------------------------------------------------------------------ */
/* Enumerations                                                              */
/* ------------------------------------------------------------------------ */

/* Wait reasons: why a goroutine is blocked. The strings are exactly what Go
 * prints in a goroutine dump (`goroutine 1 [chan receive]:`), taken from
 * src/runtime/runtime2.go (waitReasonStrings) of current Go. The scheduler
 * passes these to its one parking door; the trace stores them in GO_BLOCK.
 * Beware when comparing with Debian's Go 1.19: it prints `semacquire` for
 * goroutines blocked in Mutex.Lock or WaitGroup.Wait (checked: a deadlocked
 * Lock shows `goroutine 18 [semacquire]:`); the sync.* names are newer Go's
 * (sync.WaitGroup.Wait since Go 1.24). */
#define TRACE_WAIT_REASONS(X)                                                                    \
    X(NONE, "")                                                                                  \
    X(CHAN_RECV, "chan receive")                                                                 \
    X(CHAN_SEND, "chan send")                                                                    \
    X(CHAN_RECV_NIL, "chan receive (nil chan)")                                                  \
    X(CHAN_SEND_NIL, "chan send (nil chan)")                                                     \
    X(SELECT, "select")                                                                          \
    X(SELECT_NO_CASES, "select (no cases)")                                                      \
    X(MUTEX_LOCK, "sync.Mutex.Lock")                                                             \
    X(RWMUTEX_LOCK, "sync.RWMutex.Lock")                                                         \
    X(RWMUTEX_RLOCK, "sync.RWMutex.RLock")                                                       \
    X(WAITGROUP_WAIT, "sync.WaitGroup.Wait")                                                     \
    X(COND_WAIT, "sync.Cond.Wait")                                                               \
    X(SEMACQUIRE, "semacquire")                                                                  \
    X(SLEEP, "sleep")                                                                            \
    X(IO_WAIT, "IO wait")                                                                        \
    X(PREEMPTED, "preempted")

/* TraceWaitReason: TRACE_WAIT_<NAME>; fits in 8 bits. */
typedef enum TraceWaitReason {
#define TRACE_X_(name, text) TRACE_WAIT_##name,
    TRACE_WAIT_REASONS(TRACE_X_)
#undef TRACE_X_
        TRACE_WAIT__COUNT
} TraceWaitReason;

/* TraceGStatus: a goroutine's status as the viewer shows it.
 *   NONE      not created yet at this point of the run
 *   RUNNABLE  ready, waiting for the (single) virtual CPU
 *   RUNNING   the one goroutine executing (at most one at a time)
 *   BLOCKED   parked; reason and wait_obj say on what
 *   SLEEPING  in time.Sleep until a virtual time (TraceObjState.count)
 *   DONE      returned from its function */
typedef enum TraceGStatus {
    TRACE_G_NONE,
    TRACE_G_RUNNABLE,
    TRACE_G_RUNNING,
    TRACE_G_BLOCKED,
    TRACE_G_SLEEPING,
    TRACE_G_DONE,
    TRACE_G__COUNT
} TraceGStatus;

/* Object kinds, with the short name used in exports ("chan", "mutex"...). */
#define TRACE_OBJ_KINDS(X)                                                                       \
    X(NONE, "none")                                                                              \
    X(GOROUTINE, "goroutine")                                                                    \
    X(CHAN, "chan")                                                                              \
    X(MUTEX, "mutex")                                                                            \
    X(RWMUTEX, "rwmutex")                                                                        \
    X(WAITGROUP, "waitgroup")                                                                    \
    X(ONCE, "once")                                                                              \
    X(COND, "cond")                                                                              \
    X(TIMER, "timer")                                                                            \
    X(CONTEXT, "context")                                                                        \
    X(VAR, "var")

/* TraceObjKind: TRACE_OBJ_<NAME>. */
typedef enum TraceObjKind {
#define TRACE_X_(name, text) TRACE_OBJ_##name,
    TRACE_OBJ_KINDS(TRACE_X_)
#undef TRACE_X_
        TRACE_OBJ__COUNT
} TraceObjKind;

/* Event kinds: X(NAME, "text name"); the text name is what the text export
 * prints. What the fields of each kind mean is listed below. Field
 * conventions, unless said otherwise:
 *   g      the goroutine the event is about (usually the running one; for the
 *          "other half" of a rendezvous the scheduler emits it on behalf of
 *          the goroutine it concerns, see CHAN_SEND/CHAN_RECV); 0 = runtime
 *   obj    the object acted on; 0 = none
 *   pos    the source position of the statement (updates g's current line)
 *   value  interned short printed value (`4`, `{1 job-data-1}`); 0 = none
 *   aux    small kind-specific code (0..255)
 *   arg    kind-specific integer (int64)
 * Scheduling events:
 *   GO_CREATE   g = parent (0 for main), obj = the new goroutine. Emitted by
 *               trace_new_goroutine. New goroutine becomes RUNNABLE.
 *   GO_START    g is scheduled: becomes RUNNING. Whoever was RUNNING before
 *               becomes RUNNABLE (an implicit preemption).
 *   GO_YIELD    g stops running but stays RUNNABLE (Gosched, preemption).
 *   GO_BLOCK    g parks: aux = TraceWaitReason, obj = what it waits on (0 for
 *               select with several cases; see SELECT_CASE), value = the value
 *               a blocked sender is offering.
 *   GO_UNBLOCK  obj (a goroutine) becomes RUNNABLE; g = the waker (0 = timer).
 *   GO_SLEEP    g sleeps: arg = virtual time (ns) it wakes at. Wake-up is a
 *               GO_UNBLOCK with g = 0.
 *   GO_END      g returned from its function: DONE.
 * Channels (obj = the channel):
 *   CHAN_SEND   g completed a send of value. aux = TRACE_CH_BUF (value went
 *               into the buffer) or TRACE_CH_SYNC (handed directly to a
 *               receiver; arg = the receiving goroutine). When a receiver
 *               takes the value of a blocked sender, emit the sender's
 *               CHAN_SEND (SYNC, on its behalf) just before the receiver's
 *               CHAN_RECV; when a buffered receive lets a blocked sender's
 *               value into the freed slot, emit CHAN_RECV (BUF) then the
 *               sender's CHAN_SEND (BUF).
 *   CHAN_RECV   g received value. aux = TRACE_CH_BUF (from the buffer's front),
 *               TRACE_CH_SYNC (directly from sender arg) or TRACE_CH_CLOSED
 *               (zero value from a closed channel, ok = false). As recorded,
 *               TraceEvent.flow is the event that sent the value, -1 if
 *               none: for BUF the CHAN_SEND that put the front value in the
 *               buffer; for SYNC the latest CHAN_SEND or GO_BLOCK (chan send)
 *               of sender arg. As recorded, arg is the sending goroutine
 *               (the g of the flow event). These are the flow arrows.
 *   CHAN_CLOSE  g closed obj.
 *   SELECT_CASE before blocking in select: one per case g waits on; obj = the
 *               channel, aux = TRACE_CH_SEND_DIR or TRACE_CH_RECV_DIR, arg =
 *               case index. Optional; lets the viewer draw every blocked-on
 *               edge of a select.
 *   SELECT      g's select chose case arg (-1 = default); obj = its channel
 *               (0 for default). The send/recv itself is its own event.
 * Sync (obj = the lock / group / once / cond):
 *   LOCK        g acquired Mutex or RWMutex write lock. aux = TRACE_LOCK_PLAIN,
 *               TRACE_LOCK_TRY_OK or TRACE_LOCK_TRY_FAIL (nothing acquired).
 *   UNLOCK      g released it.
 *   RLOCK       g acquired a read lock (aux as LOCK).
 *   RUNLOCK     g released its read lock.
 *   WG_ADD      counter += arg.
 *   WG_DONE     counter -= 1.
 *   WG_WAIT     g's Wait returned (blocking is a GO_BLOCK before it).
 *   ONCE        Once.Do: aux = 1 if g ran the function, 0 if already done.
 *   COND_SIGNAL   g signalled obj; arg = number woken (0 or 1).
 *   COND_BROADCAST g broadcast obj; arg = number woken.
 * Time (obj = the timer / ticker / context):
 *   TIMER_START arm timer obj to fire at virtual time arg (ns).
 *   TIMER_STOP  timer obj stopped before firing.
 *   TIMER_FIRE  timer obj fired (g = 0 unless a goroutine is charged).
 *   CTX_CANCEL  context obj cancelled; value = its error text
 *               ("context canceled", "context deadline exceeded").
 * Memory (obj = a TRACE_OBJ_VAR such as `c.count`):
 *   READ        g loaded value. aux bit TRACE_MEM_ATOMIC for sync/atomic.
 *   WRITE       g stored value (same aux).
 *   RACE        data race between g's access and an earlier one: arg = index
 *               of the earlier conflicting event, value = short description.
 * Program:
 *   OUTPUT      g printed: emitted by trace_output; aux = 1 stdout, 2 stderr;
 *               TraceEvent.out_off/out_len locate the text in the output.
 *   PANIC       g panicked; value = the panic text (`runtime error: ...`).
 *   RECOVER     g recovered a panic; value = the recovered value.
 *   DEADLOCK    all goroutines asleep; g = 0. Blocked goroutines show the
 *               wait-for edges in the state.
 *   LIMIT       a limit ended the run: aux = TraceLimit, value = message.
 *   RUN_END     the run ended: arg = exit status (0, 2 panic/deadlock, 3 limit).
 *   OBJ_NEW     obj was created by g (emitted by trace_new_object). */
#define TRACE_EVENT_KINDS(X)                                                                     \
    X(OBJ_NEW, "new")                                                                            \
    X(GO_CREATE, "go.create")                                                                    \
    X(GO_START, "go.start")                                                                      \
    X(GO_YIELD, "go.yield")                                                                      \
    X(GO_BLOCK, "go.block")                                                                      \
    X(GO_UNBLOCK, "go.unblock")                                                                  \
    X(GO_SLEEP, "go.sleep")                                                                      \
    X(GO_END, "go.end")                                                                          \
    X(CHAN_SEND, "chan.send")                                                                    \
    X(CHAN_RECV, "chan.recv")                                                                    \
    X(CHAN_CLOSE, "chan.close")                                                                  \
    X(SELECT_CASE, "select.case")                                                                \
    X(SELECT, "select")                                                                          \
    X(LOCK, "lock")                                                                              \
    X(UNLOCK, "unlock")                                                                          \
    X(RLOCK, "rlock")                                                                            \
    X(RUNLOCK, "runlock")                                                                        \
    X(WG_ADD, "wg.add")                                                                          \
    X(WG_DONE, "wg.done")                                                                        \
    X(WG_WAIT, "wg.wait")                                                                        \
    X(ONCE, "once.do")                                                                           \
    X(COND_SIGNAL, "cond.signal")                                                                \
    X(COND_BROADCAST, "cond.broadcast")                                                          \
    X(TIMER_START, "timer.start")                                                                \
    X(TIMER_STOP, "timer.stop")                                                                  \
    X(TIMER_FIRE, "timer.fire")                                                                  \
    X(CTX_CANCEL, "ctx.cancel")                                                                  \
    X(READ, "mem.read")                                                                          \
    X(WRITE, "mem.write")                                                                        \
    X(RACE, "race")                                                                              \
    X(OUTPUT, "output")                                                                          \
    X(PANIC, "panic")                                                                            \
    X(RECOVER, "recover")                                                                        \
    X(DEADLOCK, "deadlock")                                                                      \
    X(LIMIT, "limit")                                                                            \
    X(RUN_END, "end")

/* TraceEventKind: TRACE_EV_<NAME>; fits in 7 bits. */
typedef enum TraceEventKind {
#define TRACE_X_(name, text) TRACE_EV_##name,
    TRACE_EVENT_KINDS(TRACE_X_)
#undef TRACE_X_
        TRACE_EV__COUNT
} TraceEventKind;

/* aux codes for channel events. */
enum {
    TRACE_CH_BUF = 0,    /* through the buffer */
    TRACE_CH_SYNC = 1,   /* direct hand-off between two goroutines */
    TRACE_CH_CLOSED = 2, /* receive from a closed, drained channel */
    TRACE_CH_SEND_DIR = 0, /* SELECT_CASE: a send case */
    TRACE_CH_RECV_DIR = 1  /* SELECT_CASE: a receive case */
};

/* aux codes for LOCK / RLOCK. */
enum { TRACE_LOCK_PLAIN = 0, TRACE_LOCK_TRY_OK = 1, TRACE_LOCK_TRY_FAIL = 2 };

/* aux bits for READ / WRITE. */
enum { TRACE_MEM_ATOMIC = 1 };

/* TraceLimit: which limit a LIMIT event reports (aux). */
typedef enum TraceLimit {
    TRACE_LIMIT_STEPS = 1,
    TRACE_LIMIT_GOROUTINES,
    TRACE_LIMIT_HEAP,
    TRACE_LIMIT_VTIME,
    TRACE_LIMIT_EVENTS
} TraceLimit;

/* ------------------------------------------------------------------------ */
/* Types                                                                     */
/* ------------------------------------------------------------------------ */

/* TraceObj: dense object id, 1..trace_obj_count(); 0 = none. */
typedef uint32_t TraceObj;

/* Trace: opaque; create with trace_new, release with trace_free. */
typedef struct Trace Trace;

/* TraceOptions: knobs for trace_new; zero fields take the defaults. */
typedef struct TraceOptions {
    uint32_t keyframe_interval; /* K: events between keyframes (default 512,
                                   raised automatically when the state is so
                                   large that a snapshot would cost more than
                                   8 bytes per event of the interval) */
} TraceOptions;

/* TraceEvent: one event, decoded. Input to trace_emit (fields as documented
 * per kind above; `flow`, `out_off`, `out_len` are ignored on input) and
 * output of trace_event. */
typedef struct TraceEvent {
    TraceEventKind kind;
    int aux;          /* 0..255, kind-specific */
    TraceObj g;       /* goroutine the event is about, 0 = runtime */
    TraceObj obj;     /* object acted on, 0 = none */
    Pos pos;          /* line 0 = unknown; columns above 65535 are clamped */
    uint32_t value;   /* interned short value, 0 = none */
    int64_t arg;      /* kind-specific */
    uint64_t step;    /* scheduler step; non-decreasing along the trace;
                         on input 0 means "now" (see trace_set_clock) */
    int64_t vtime;    /* virtual ns since the run began; non-decreasing;
                         on input 0 means "now" (see trace_set_clock) */
    int64_t flow;     /* output only: CHAN_RECV's sending event, else -1 */
    uint64_t out_off; /* output only: OUTPUT's byte offset in the output */
    uint32_t out_len; /* output only: OUTPUT's byte length */
} TraceEvent;

/* TraceObjInfo: the static facts about one object. */
typedef struct TraceObjInfo {
    TraceObjKind kind;
    uint32_t index;      /* position among the objects of its kind (0-based) */
    uint32_t name;       /* string id: `jobs`, `c.mu`, `wg`; goroutines: "" */
    Pos pos;             /* creation site (`make`, `go` statement, decl) */
    uint32_t created_ev; /* index of its GO_CREATE / OBJ_NEW event */
    /* goroutines */
    uint32_t goid;       /* Go's goroutine id: main is 1 */
    TraceObj parent;     /* creating goroutine, 0 for main */
    uint32_t fn;         /* start function: "main.worker", "main.main.func1" */
    /* channels */
    uint32_t elem;       /* element type: "int", "main.Job" */
    int64_t cap;         /* buffer capacity (0 = unbuffered) */
    /* cond: its Locker; context: its parent context */
    TraceObj link;
} TraceObjInfo;

/* TraceObjState: one object's state at some point. Which fields mean
 * something depends on the kind:
 *   all         live (1 once created), line (line of the last event that
 *               touched it), since (index of the last event that changed it)
 *   goroutine   status (TraceGStatus), reason (TraceWaitReason while
 *               BLOCKED), wait_obj (object blocked on), value (value offered
 *               while blocked in chan send), count (wake time while SLEEPING),
 *               since (event of its last status change: orders wait queues),
 *               line (its current source line). List: the channels of the
 *               select it is blocked in (SELECT_CASE events).
 *   chan        flags & TRACE_SF_CLOSED; count = buffered values (the list:
 *               values oldest first, see trace_state_chan_value)
 *   mutex       owner (holding goroutine, 0 = unlocked)
 *   rwmutex     owner (writer), count = readers (the list: reader goroutines)
 *   waitgroup   count = counter
 *   once        flags & TRACE_SF_DONE
 *   timer       flags & TRACE_SF_ARMED, count = fire time
 *   context     flags & TRACE_SF_CANCELLED, value = error text
 *   var         value = last value stored (or first loaded), owner = last
 *               writer, flags & TRACE_SF_RACY once a race was reported
 * Waiters of any object are the goroutines with status BLOCKED and wait_obj
 * == it, in order of `since` (trace_state_waiters). */
typedef struct TraceObjState {
    uint8_t live;
    uint8_t status;
    uint8_t reason;
    uint8_t flags;
    uint32_t line;
    TraceObj wait_obj;
    TraceObj owner;
    uint32_t value;
    uint32_t since;
    int64_t count;
} TraceObjState;

/* TraceObjState.flags bits. */
enum {
    TRACE_SF_CLOSED = 1,
    TRACE_SF_DONE = 2,
    TRACE_SF_ARMED = 4,
    TRACE_SF_CANCELLED = 8,
    TRACE_SF_RACY = 16
};

/* TraceList: internal per-object list (channel buffer ring, readers, select
 * cases); read it through the trace_state_* accessors. */
typedef struct TraceList {
    uint32_t *items; /* pairs (value, event index) in a ring of cap pairs */
    uint32_t head, len, cap;
} TraceList;

/* TraceState: the viewer-level state after the first n events. Initialise
 * with trace_state_init, fill with trace_state_at, release with
 * trace_state_free. objs is indexed by TraceObj (objs[0] unused): after
 * trace_state_at every id 0..trace_obj_count(t) is a valid index, and the
 * entries of objects not created by event n are all zero (live == 0,
 * status TRACE_G_NONE); nobjs is the highest id created so far. */
typedef struct TraceState {
    uint32_t n;          /* events applied */
    uint64_t step;       /* step of event n-1 (0 if n == 0) */
    int64_t vtime;       /* virtual time of event n-1 (0 if n == 0) */
    TraceObj running;    /* the RUNNING goroutine, 0 = none */
    uint64_t out_len;    /* bytes of output printed so far */
    uint32_t nraces;     /* RACE events so far */
    uint8_t deadlock;    /* a DEADLOCK event was applied */
    uint8_t ended;       /* RUN_END applied */
    uint8_t limit;       /* TraceLimit of a LIMIT event, 0 = none */
    int32_t exit_code;   /* RUN_END's arg */
    int64_t panic_ev;    /* index of the last PANIC event, -1 = none */
    uint32_t nobjs;      /* objs has nobjs + 1 entries */
    TraceObjState *objs;
    TraceList *lists;    /* internal, parallel to objs */
    uint32_t cap_objs;   /* internal: allocated entries */
    const Trace *src;    /* internal: trace this state was rebuilt from */
} TraceState;

/* TraceSpan: one interval of a goroutine's timeline lane. The goroutine had
 * [status] (with [reason] and [wait_obj] if BLOCKED) in every state
 * trace_state_at(t, n) with from < n <= to: event [from] started the span and
 * event [to] started the next one (or to == the event count). */
typedef struct TraceSpan {
    uint32_t from;       /* event that started this span */
    uint32_t to;         /* event that started the next span, or event count */
    uint8_t status;      /* TraceGStatus */
    uint8_t reason;      /* TraceWaitReason */
    TraceObj wait_obj;
} TraceSpan;

/* ------------------------------------------------------------------------ */
/* Names                                                                     */
/* ------------------------------------------------------------------------ */

/* trace_wait_reason_name: Go's text for [r] ("chan receive"); "" for NONE or
 * out of range. Static storage. */
const char *trace_wait_reason_name(int r);

/* trace_event_kind_name: the text name of [k] ("chan.send"); "?" if out of
 * range. Static storage. */
const char *trace_event_kind_name(int k);

/* trace_obj_kind_name: "chan", "mutex"...; "?" if out of range. */
const char *trace_obj_kind_name(int k);

/* trace_gstatus_name: "runnable", "running", "blocked", "sleeping", "done"
 * ("none" for NONE, "?" if out of range). */
const char *trace_gstatus_name(int s);

/* ------------------------------------------------------------------------ */
/* Recording (the scheduler's side)                                          */
/* ------------------------------------------------------------------------ */

/* trace_new: an empty trace with [opt] (NULL = defaults). Owned by the
 * caller; release with trace_free. Never returns NULL. */
Trace *trace_new(const TraceOptions *opt);

/* trace_free: release [t] and everything it owns; NULL is a no-op. */
void trace_free(Trace *t);

/* trace_set_meta: record a header fact ([key] = [value], e.g. "file",
 * "seed", "strategy") printed at the top of exports in the order set.
 * Setting an existing key replaces its value in place. Strings are copied. */
void trace_set_meta(Trace *t, const char *key, const char *value);

/* trace_intern: the string id of [len] bytes at [s] (interned: equal strings
 * get equal ids, ids given in order of first appearance; "" is 0). */
uint32_t trace_intern(Trace *t, const char *s, size_t len);

/* trace_intern_cstr: trace_intern of a NUL-terminated [s] (NULL gives 0). */
uint32_t trace_intern_cstr(Trace *t, const char *s);

/* trace_intern_int: the string id of the decimal text of [v] ("-12"). An
 * integer within +-2^30 is not stored: its id is TRACE_INT_TAG + v +
 * TRACE_INT_BIAS (its text is made when asked for), so this is inline and
 * free on the hot path; a larger one is interned (trace_intern_int_big). */
#define TRACE_INT_TAG 0x80000000u
#define TRACE_INT_BIAS (1u << 30)
uint32_t trace_intern_int_big(Trace *t, int64_t v);
static inline uint32_t trace_intern_int(Trace *t, int64_t v) {
    if (v >= -(int64_t)TRACE_INT_BIAS && v < (int64_t)TRACE_INT_BIAS)
        return TRACE_INT_TAG + (uint32_t)(v + TRACE_INT_BIAS);
    return trace_intern_int_big(t, v);
}

/* trace_add_func: declare that function [name] ("main.worker",
 * "main.main.func1") spans source lines [first]..[last]; used to answer
 * trace_func_at (innermost declared span wins). */
void trace_add_func(Trace *t, const char *name, int first, int last);

/* trace_new_goroutine: create goroutine [goid] (Go's id; main is 1; ids must
 * be increasing) started by [parent] (0 for main) in function [fn] at the
 * `go` statement [pos], emitting its GO_CREATE at [step] (0 = now) and the
 * current virtual time. Returns its object id. */
TraceObj trace_new_goroutine(Trace *t, uint64_t step, TraceObj parent, uint32_t goid,
                             const char *fn, Pos pos);

/* trace_new_object: create an object of [kind] (not GOROUTINE) named [name]
 * (NULL or "" = unnamed) by goroutine [g] at [pos], emitting OBJ_NEW at
 * [step] (0 = now). Returns its id. */
TraceObj trace_new_object(Trace *t, uint64_t step, TraceObj g, TraceObjKind kind,
                          const char *name, Pos pos);

/* trace_obj_set_chan: set channel [ch]'s element type text [elem] and
 * capacity [cap] (static facts; call right after trace_new_object). */
void trace_obj_set_chan(Trace *t, TraceObj ch, const char *elem, int64_t cap);

/* trace_obj_set_name: (re)name object [o] ([name] copied), e.g. when a
 * zero-value mutex is first used through `c.mu`. */
void trace_obj_set_name(Trace *t, TraceObj o, const char *name);

/* trace_obj_set_link: set [o]'s link (a cond's Locker, a context's parent). */
void trace_obj_set_link(Trace *t, TraceObj o, TraceObj link);

/* trace_set_clock: set the recorder's "now" to [step] and virtual time
 * [vtime] (neither may go back): events emitted with step or vtime 0 take
 * these. "Now" also follows the largest step/vtime any event carried, so a
 * scheduler may either pass both with every event or set the clock when it
 * changes (each scheduling step; each jump of the virtual clock). */
void trace_set_clock(Trace *t, uint64_t step, int64_t vtime);

/* trace_emit: append event [ev] (see TRACE_EVENT_KINDS for its fields) and
 * apply it to the live state. step and vtime must not decrease; g and obj
 * must be 0 or existing ids (GORO_ASSERT, in a build without NDEBUG: a
 * release build leaves the per-event checks out). Returns the event's index. */
uint32_t trace_emit(Trace *t, const TraceEvent *ev);

/* trace_rec_go_start, trace_rec_go_yield, trace_rec_go_unblock,
 * trace_rec_go_block, trace_rec_chan_send, trace_rec_chan_recv: trace_emit
 * of the event of that kind with the fields given (g, obj, aux/[reason],
 * pos.line [line], value, arg, step, vtime) and every other field 0, taken
 * in registers (no TraceEvent is built or read). Use trace_emit_at, which
 * picks one of these when it can. Return the event's index. */
uint32_t trace_rec_go_start(Trace *t, TraceObj g, int line, uint64_t step, int64_t vtime);
uint32_t trace_rec_go_yield(Trace *t, TraceObj g, int line, uint64_t step, int64_t vtime);
uint32_t trace_rec_go_unblock(Trace *t, TraceObj g, TraceObj obj, int line, uint64_t step, int64_t vtime);
uint32_t trace_rec_go_block(Trace *t, TraceObj g, TraceObj obj, int reason, int line, uint64_t step,
                            int64_t vtime);
uint32_t trace_rec_chan_send(Trace *t, TraceObj g, TraceObj ch, int aux, int line, uint32_t value, int64_t arg,
                             uint64_t step, int64_t vtime);
uint32_t trace_rec_chan_recv(Trace *t, TraceObj g, TraceObj ch, int aux, int line, uint32_t value, int64_t arg,
                             uint64_t step, int64_t vtime);

/* trace_rec_lock, trace_rec_unlock: the same for LOCK / UNLOCK (aux
 * [aux]: TRACE_LOCK_*, 0). */
uint32_t trace_rec_lock(Trace *t, TraceObj g, TraceObj obj, int aux, int line, uint64_t step, int64_t vtime);
uint32_t trace_rec_unlock(Trace *t, TraceObj g, TraceObj obj, int aux, int line, uint64_t step, int64_t vtime);

/* trace_rec_chan_send_sync, trace_rec_chan_send_buf, trace_rec_chan_recv_sync,
 * trace_rec_chan_recv_buf: trace_rec_chan_send / trace_rec_chan_recv with
 * aux TRACE_CH_SYNC or TRACE_CH_BUF. */
uint32_t trace_rec_chan_send_sync(Trace *t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg,
                                  uint64_t step, int64_t vtime);
uint32_t trace_rec_chan_send_buf(Trace *t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg,
                                 uint64_t step, int64_t vtime);
uint32_t trace_rec_chan_recv_sync(Trace *t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg,
                                  uint64_t step, int64_t vtime);
uint32_t trace_rec_chan_recv_buf(Trace *t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg,
                                 uint64_t step, int64_t vtime);

/* trace_emit_at: trace_emit(t, ev) (same event, same result). Inline: for
 * an event the caller builds in place (a compound literal) of a kind known
 * at compile time, the compiler sees its fields, the tests below fold, the
 * common kinds go to a trace_rec_* and the event is never stored. Any other
 * event goes through trace_emit (a kind known only at run time: directly,
 * so that the caller stays small). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t trace_emit_at(Trace *t, const TraceEvent *ev) {
#if defined(__GNUC__)
    if (__builtin_constant_p(ev->kind)) { /* the switch below folds; other kinds: its default */
        if (ev->pos.col == 0) {
            switch (ev->kind) {
            case TRACE_EV_GO_START:
                if (!ev->aux && !ev->obj && !ev->value && !ev->arg)
                    return trace_rec_go_start(t, ev->g, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_GO_YIELD:
                if (!ev->aux && !ev->obj && !ev->value && !ev->arg)
                    return trace_rec_go_yield(t, ev->g, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_GO_UNBLOCK:
                if (!ev->aux && !ev->value && !ev->arg)
                    return trace_rec_go_unblock(t, ev->g, ev->obj, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_GO_BLOCK:
                if (!ev->value && !ev->arg)
                    return trace_rec_go_block(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_LOCK:
                if (!ev->value && !ev->arg)
                    return trace_rec_lock(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_UNLOCK:
                if (!ev->value && !ev->arg)
                    return trace_rec_unlock(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->step, ev->vtime);
                break;
            case TRACE_EV_CHAN_SEND:
                if (ev->aux == TRACE_CH_SYNC)
                    return trace_rec_chan_send_sync(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                                    ev->vtime);
                if (ev->aux == TRACE_CH_BUF)
                    return trace_rec_chan_send_buf(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                                   ev->vtime);
                return trace_rec_chan_send(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->value, ev->arg, ev->step,
                                           ev->vtime);
            case TRACE_EV_CHAN_RECV:
                if (ev->aux == TRACE_CH_SYNC)
                    return trace_rec_chan_recv_sync(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                                    ev->vtime);
                if (ev->aux == TRACE_CH_BUF)
                    return trace_rec_chan_recv_buf(t, ev->g, ev->obj, ev->pos.line, ev->value, ev->arg, ev->step,
                                                   ev->vtime);
                return trace_rec_chan_recv(t, ev->g, ev->obj, ev->aux, ev->pos.line, ev->value, ev->arg, ev->step,
                                           ev->vtime);
            default: break;
            }
        }
    }
#endif
    /* a copy: the caller's event never has its address taken, so the
     * compiler keeps its fields in registers (and sees them for the
     * tests above) */
    TraceEvent copy = *ev;
    return trace_emit(t, &copy);
}

/* trace_output: append [len] bytes of [text] printed by [g] on [stream]
 * (1 stdout, 2 stderr) to the run's output and emit its OUTPUT event at
 * [step] (0 = now) and [pos]. Returns the event's index. */
uint32_t trace_output(Trace *t, uint64_t step, TraceObj g, Pos pos, int stream,
                      const char *text, size_t len);

/* trace_live: the live state (after every event so far). Read-only view,
 * valid until the next trace_emit; the scheduler may use it for sanity
 * checks, never as its own state. */
const TraceState *trace_live(const Trace *t);

/* trace_finish: end recording: trims the per-goroutine indexes and closes
 * the timeline lanes. Queries work before it too; emitting after it is a bug
 * (GORO_ASSERT, in a build without NDEBUG). Idempotent. */
void trace_finish(Trace *t);

/* ------------------------------------------------------------------------ */
/* Queries (the viewer's side)                                               */
/* ------------------------------------------------------------------------ */

/* trace_event_count: number of events recorded. */
uint32_t trace_event_count(const Trace *t);

/* trace_event: decode event [i] (< trace_event_count, GORO_ASSERT) into
 * [*out]. O(1) when i follows the last event decoded, else O(32 + log
 * #time changes). */
void trace_event(const Trace *t, uint32_t i, TraceEvent *out);

/* trace_obj_count: number of objects; ids are 1..count. */
uint32_t trace_obj_count(const Trace *t);

/* trace_obj: the facts about object [o]; NULL if [o] is 0 or out of range.
 * The pointer is valid until the next object is created (so for good once
 * recording is over). */
const TraceObjInfo *trace_obj(const Trace *t, TraceObj o);

/* trace_obj_name: printable name of [o] into [buf] of [n] bytes: its source
 * name, else "g<goid>" for goroutines, else "<kind>#<id>" ("chan#3"); a
 * name the runtime chose, ending in '#' ("time.After#"), gets the id too
 * ("time.After#7": one per call, each its own); returns buf. */
const char *trace_obj_name(const Trace *t, TraceObj o, char *buf, size_t n);

/* trace_goroutine_count: number of goroutines created. */
uint32_t trace_goroutine_count(const Trace *t);

/* trace_goroutine_at: the [k]th goroutine in creation order (0 = main), 0 if
 * out of range. */
TraceObj trace_goroutine_at(const Trace *t, uint32_t k);

/* trace_goroutine_by_goid: the goroutine whose Go id is [goid]; 0 if none. */
TraceObj trace_goroutine_by_goid(const Trace *t, uint32_t goid);

/* trace_str: the bytes of string [id] (NUL-terminated; length in [*len] if
 * non-NULL); "" for 0 or an unknown id. Valid while [t] lives. */
const char *trace_str(const Trace *t, uint32_t id, uint32_t *len);

/* trace_str_count: number of interned strings (ids 0..count-1). */
uint32_t trace_str_count(const Trace *t);

/* trace_output_text: the whole output of the run (not NUL-terminated; length
 * in [*len]). The part printed by the state at n is its first out_len bytes. */
const char *trace_output_text(const Trace *t, uint64_t *len);

/* trace_meta_count / trace_meta_at: header facts in the order set; [*key]
 * and [*value] borrowed from [t]. trace_meta_get: value of [key] or NULL. */
uint32_t trace_meta_count(const Trace *t);
void trace_meta_at(const Trace *t, uint32_t k, const char **key, const char **value);
const char *trace_meta_get(const Trace *t, const char *key);

/* trace_func_at: string id of the innermost function declared (trace_add_func)
 * around [line]; 0 if none. */
uint32_t trace_func_at(const Trace *t, int line);

/* Per-goroutine event index: the events whose g is [g] or that target [g]
 * (its GO_CREATE and GO_UNBLOCKs), in order.
 *   trace_g_event_count: how many; trace_g_event: the [k]th one's index.
 *   trace_g_next: the first such event with index > [i], -1 if none.
 *   trace_g_prev: the last such event with index < [i], -1 if none.
 * O(log n). [g] must be a goroutine (else count 0 / -1). */
uint32_t trace_g_event_count(const Trace *t, TraceObj g);
uint32_t trace_g_event(const Trace *t, TraceObj g, uint32_t k);
int64_t trace_g_next(const Trace *t, TraceObj g, int64_t i);
int64_t trace_g_prev(const Trace *t, TraceObj g, int64_t i);

/* Timeline lanes: the status intervals of goroutine [g] (see TraceSpan).
 *   trace_lane_count: number of spans (0 if [g] is not a goroutine).
 *   trace_lane_span: span [k] into [*out]; the last span's `to` is the event
 *                    count.
 *   trace_lane_find: the span holding in state trace_state_at(t, n), i.e.
 *                    the last span with from < n; -1 if none (not created). */
uint32_t trace_lane_count(const Trace *t, TraceObj g);
void trace_lane_span(const Trace *t, TraceObj g, uint32_t k, TraceSpan *out);
int64_t trace_lane_find(const Trace *t, TraceObj g, uint32_t n);

/* ------------------------------------------------------------------------ */
/* State reconstruction                                                      */
/* ------------------------------------------------------------------------ */

/* trace_state_init: an empty state (n = 0, no objects); no allocation. */
void trace_state_init(TraceState *st);

/* trace_state_free: release what [st] holds; it is empty again afterwards. */
void trace_state_free(TraceState *st);

/* trace_state_at: fill [st] with the state after the first [n] events
 * (0 <= n <= trace_event_count; larger n is clamped). Reuses [st]'s memory.
 * Cost: O(K + state size) from the nearest keyframe; when [st] already holds
 * an earlier state of [t] at or after that keyframe it just replays
 * forward, so playing a trace event by event is O(1) per step. [st]
 * remembers [t] by address: after trace_free(t), trace_state_free the states
 * used with it before using them with another trace. */
void trace_state_at(const Trace *t, uint32_t n, TraceState *st);

/* trace_state_apply: apply event [ev], whose index is [idx], to [st]: THE
 * state transition, used by recording, keyframe replay and tests alike. It is
 * total: an event inconsistent with the state (a receive from an empty
 * buffer, an unlock of a free mutex) is applied leniently, never a crash. */
void trace_state_apply(TraceState *st, const TraceEvent *ev, uint32_t idx);

/* trace_state_copy: make [dst] an independent copy of [src]. */
void trace_state_copy(TraceState *dst, const TraceState *src);

/* trace_state_equal: whether [a] and [b] describe the same state (every
 * field and list compared); for tests. */
int trace_state_equal(const TraceState *a, const TraceState *b);

/* trace_state_chan_len: number of values buffered in channel [ch] (0 if not
 * a channel or not live). */
uint32_t trace_state_chan_len(const TraceState *st, TraceObj ch);

/* trace_state_chan_value: string id of the [k]th buffered value of [ch]
 * (0 = oldest, next to be received); the event that sent it goes to
 * [*send_ev] if non-NULL. Returns 0 if k is out of range. */
uint32_t trace_state_chan_value(const TraceState *st, TraceObj ch, uint32_t k,
                                uint32_t *send_ev);

/* trace_state_readers: the goroutines holding read locks on rwmutex [rw], in
 * acquisition order: up to [max] into [out]; returns how many there are. */
uint32_t trace_state_readers(const TraceState *st, TraceObj rw, TraceObj *out, uint32_t max);

/* trace_state_select_cases: the channels goroutine [g] is blocked on in a
 * select (from SELECT_CASE events): up to [max] into [out]; returns how many. */
uint32_t trace_state_select_cases(const TraceState *st, TraceObj g, TraceObj *out,
                                  uint32_t max);

/* trace_state_waiters: the goroutines BLOCKED on [obj] (wait_obj == obj, or
 * in a select over obj), oldest first (by since, then id): up to [max] into
 * [out]; returns how many there are. O(objects). */
uint32_t trace_state_waiters(const TraceState *st, TraceObj obj, TraceObj *out, uint32_t max);

/* trace_state_blocker: the goroutine that goroutine [g] is waiting for, when
 * the object it is blocked on has a holder: a mutex's owner; a rwmutex's
 * writer, else (for Lock) its oldest reader. 0 if [g] is not blocked, waits
 * on something without a holder (a channel, a WaitGroup) or the holder is
 * unknown. Following it from goroutine to goroutine finds lock cycles. */
TraceObj trace_state_blocker(const TraceState *st, TraceObj g);

/* ------------------------------------------------------------------------ */
/* Export                                                                    */
/* ------------------------------------------------------------------------ */

/* trace_format_event: one text-export line for event [i] (no newline) into
 * [buf] of [n] bytes (truncated, always NUL-terminated). Returns the length
 * it would have had, like snprintf. Example:
 *   #000123 s=456 t=1.5ms g3 chan.send jobs value=4 @12:5 */
int trace_format_event(const Trace *t, uint32_t i, char *buf, size_t n);

/* trace_write_text: the text export: header lines starting with "# "
 * (`# meta KEY=VALUE`, then `# obj ID KIND NAME ...`), then one event per
 * line as trace_format_event, so `grep '^#[0-9]'` selects events. A line is
 *   #INDEX s=STEP t=VTIME G KIND [OBJ] [FIELDS] [value=V] [@LINE:COL]
 * INDEX is zero-padded to 6 digits; VTIME as Go's Duration.String; G is
 * `g<goid>` or `-` for the runtime; OBJ the object's name (trace_obj_name);
 * FIELDS are kind-specific key=value pairs (reason=, mode=, to=, from=,
 * flow=#INDEX, delta=, case=, until=, at=, try=, woken=, with=, status=,
 * limit=, fn=, kind=, elem=, cap=) and, for OUTPUT, the quoted text. Values
 * are printed bare when they contain no blank, quote, backslash, '=', '@',
 * control or non-ASCII byte, else quoted as Go's %q would for ASCII text.
 * A pure function of the recorded trace. Returns 0, or -1 on a write error. */
int trace_write_text(const Trace *t, FILE *f);

/* trace_write_chrome: Chrome Trace Event JSON (Perfetto, chrome://tracing):
 * one thread track per goroutine named "g<id> <fn>", a slice per status span,
 * an instant per event, flow arrows ("s"/"f") from each send to its receive.
 * Timestamps: 1 µs per event index (so every event is visible); step and
 * virtual time are in args. Returns 0, or -1 on a write error. */
int trace_write_chrome(const Trace *t, FILE *f);

/* trace_format_duration: virtual nanoseconds [ns] as Go's
 * time.Duration.String ("0s", "1.5ms", "2m3s") into [buf] of [n] bytes;
 * returns buf. */
const char *trace_format_duration(int64_t ns, char *buf, size_t n);

/* ------------------------------------------------------------------------ */
/* Statistics                                                                */
/* ------------------------------------------------------------------------ */

/* TraceStats: memory the trace uses, in bytes (via the mem funnel). */
typedef struct TraceStats {
    uint32_t events;
    uint32_t keyframes;
    size_t event_bytes;    /* encoded events and their block index */
    size_t index_bytes;    /* per-goroutine indexes, lanes, time table */
    size_t keyframe_bytes; /* snapshots */
    size_t string_bytes;   /* interned strings, output, metadata */
    size_t total_bytes;    /* all of the above plus the live state */
} TraceStats;

/* trace_stats: fill [*out] for [t]. */
void trace_stats(const Trace *t, TraceStats *out);

/* trace_hash: a 64-bit fingerprint of the recorded events (every field,
 * argument and output byte; FNV-1a), equal for byte-identical runs: lets
 * explore count distinct interleavings without keeping the traces. */
uint64_t trace_hash(const Trace *t);

/* ------------------------------------------------------------------------ */
/* Synthetic traces (tests, benchmarks, the viewer before the VM exists)     */
/* ------------------------------------------------------------------------ */

/* The synth builders fill an empty [t] with a plausible, self-consistent run
 * of a tutorial program, driven by a small deterministic scheduler seeded
 * with [seed]; positions refer to the source text trace_synth_source returns
 * for the same scenario. They call trace_finish. */

/* TraceSynth: which scenario. */
typedef enum TraceSynth {
    TRACE_SYNTH_RACE_COUNTER, /* 10 goroutines, a WaitGroup, unprotected
                                 c.count++ losing updates */
    TRACE_SYNTH_WORKER_POOL,  /* 3 workers, buffered jobs/results channels with
                                 values, a WaitGroup, a mutex, sleeps */
    TRACE_SYNTH_DEADLOCK      /* main and a goroutine waiting on each other */
} TraceSynth;

/* trace_synth_source: the Go source text (static storage) of [which], and a
 * file name for it in [*path] if non-NULL ("race_counter.go"). */
const char *trace_synth_source(TraceSynth which, const char **path);

/* trace_synth_race_counter: [ngoroutines] goroutines each doing [iters]
 * unprotected increments of c.count (load, add, store: scheduling points),
 * main waiting on wg and printing the total. */
void trace_synth_race_counter(Trace *t, uint64_t seed, int ngoroutines, int iters);

/* trace_synth_worker_pool: the tutorial's worker pool: 3 workers, [njobs]
 * jobs through buffered channels, a mutex-protected tally, wg, sleeps. */
void trace_synth_worker_pool(Trace *t, uint64_t seed, int njobs);

/* trace_synth_deadlock: main blocks receiving from a channel nobody sends on
 * while a worker blocks on a mutex main holds; ends with DEADLOCK, exit 2. */
void trace_synth_deadlock(Trace *t, uint64_t seed);

/* trace_synth_random: [nevents] random but well-formed events over a few
 * dozen objects (a stress test for state reconstruction and benchmarks). Does
 * not call trace_finish. */
void trace_synth_random(Trace *t, uint64_t seed, uint32_t nevents);

#endif
