/* vm_sync: sync (Mutex, RWMutex, WaitGroup, Once, Cond), sync/atomic and
 * runtime natives on the scheduler; the native lookup for every
 * concurrency package; the GC hook for what the scheduler holds.
 *
 * Invariants:
 * - A sync value's handle lives in its struct's `h` slot as
 *   gen << 32 | handle + 1 (0: never used, so a zero value works); the
 *   SyncObj is made on first use, with the struct as its home (home bits
 *   in the struct's h.aux). A handle names a SyncObj only in its home and
 *   under its generation. A copy of a used sync value (go vet forbids it)
 *   gets a SyncObj of its own when it is made (Vm.copy_hook, from
 *   vm_clone and vm_assign) with the state word copied, not the waiters,
 *   as in Go; a copy made some other way, when it is first used. A handle
 *   whose SyncObj was freed names nothing (a zero value).
 * - When its home dies the SyncObj is freed (sched_sync_freed) and its
 *   handle reused under the next generation: nothing else can name it,
 *   since a goroutine waiting on it or woken for it holds its home.
 * - Mutex follows Go's normal and starvation modes (see Mutex below): at
 *   most one woken waiter per mutex (SyncObj.woken; its SchedG has
 *   lock_retry set and the mutex's handle in dst) until it runs and
 *   competes. RWMutex is Go's too: writers go through the same Mutex
 *   machinery (its writer mutex), then wait for the readers inside, and
 *   hold back new readers meanwhile (see RWMutex below).
 * - Every operation is a scheduling point (sched_point after its effect).
 */
#include <string.h>

#include "race.h"
#include "sched.h"
#include "vm_native.h"

static const Value NILV = {{0}, NULL};

#define NILCHK(p)                                                                       \
    do {                                                                                \
        if (!(p).r) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference"); \
    } while (0)

static const TraceObjKind trace_kind_of[] = {TRACE_OBJ_NONE, TRACE_OBJ_MUTEX, TRACE_OBJ_RWMUTEX,
                                             TRACE_OBJ_WAITGROUP, TRACE_OBJ_ONCE, TRACE_OBJ_COND};

const char *sched_call_name(const Goroutine *g, const AggObj *recv) {
    const Frame *f = g ? sched_prog_frame(g) : NULL;
    const Instr *call = f && f->p->acc_names ? vm_frame_call(f) : NULL;
    /* a sync name is the receiver's: not a Cond's Locker, made by c.Wait() */
    if (!call || (recv && g->stack[f->base + VM_A(*call) + 1].r != &recv->h)) return NULL;
    return f->p->acc_names[call - f->p->code];
}

/* HOME_*: an aggregate's h.aux as a sync home: the slot of its handle + 1
 * (a Cond's is 1, every other's 0), and HOME_MORE once it has been the
 * home of another SyncObj before (its slot was overwritten: `*c =
 * Counter{}`), which sched_sync_freed then looks for. */
#define HOME_SLOT 3
#define HOME_MORE 4

/* sync_made: the handle of the SyncObj of [a]'s slot [slot], -1 if it
 * has none (a zero sync value, a copy, or one whose SyncObj was freed). */
static inline int sync_made(const Sched *s, const AggObj *a, int slot) {
    uint64_t v = (uint64_t)a->v[slot].i;
    uint32_t h = (uint32_t)v - 1; /* 0 (never used): UINT32_MAX */
    if (__builtin_expect(h < (uint32_t)s->syncs.len, 1)) {
        const SyncObj *o = &s->syncs.items[h];
        if (__builtin_expect(o->home == a && o->gen == (uint32_t)(v >> 32), 1)) return (int)h;
    }
    return -1;
}

/* copied_from: the live SyncObj [a]'s slot [slot] names though [a] is
 * not its home (a copy of a used sync value), NULL if none. */
static const SyncObj *copied_from(const Sched *s, const AggObj *a, int slot) {
    uint64_t v = (uint64_t)a->v[slot].i;
    uint32_t h = (uint32_t)v - 1;
    if (h >= (uint32_t)s->syncs.len) return NULL;
    const SyncObj *o = &s->syncs.items[h];
    return o->home && o->home != a && o->gen == (uint32_t)(v >> 32) ? o : NULL;
}

/* sync_make: sync_handle's slow path: make the SyncObj for [a]'s slot
 * [slot], named in the trace [name] (NULL: after the call site); a copy
 * starts from the state of what it copies. */
static int sync_make(Sched *s, Goroutine *g, AggObj *a, int slot, int kind, const char *name) {
    SyncObj o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    const SyncObj *from = copied_from(s, a, slot);
    if (from && from->kind == kind) { /* the state word, not the waiters */
        o.locked = from->locked;
        o.owner = from->owner;
        o.readers = kind == SO_RWMUTEX ? from->readers : 0;
        o.wpending = from->wpending;
        o.wheld = from->wheld;
        o.counter = kind == SO_WAITGROUP ? from->counter : 0;
        o.done = from->done == 2 ? 2 : 0;
    }
    if (s->trace) {
        Pos pos = {0};
        pos.line = g ? sched_line(g) : 0;
        if (!name) name = sched_call_name(g, a);
        o.tobj = trace_new_object(s->trace, s->steps, g && g->sched ? sched_g(g)->tobj : 0, trace_kind_of[kind],
                                  name ? name : "", pos);
    }
    int h;
    HANDLE_NEW(s->syncs, s->sync_free, o, h);
    s->syncs.items[h].home = a;
    a->h.aux = (uint16_t)(a->h.aux ? a->h.aux | HOME_MORE : slot + 1);
    a->v[slot].i = HANDLE_VALUE(s->syncs, h);
    return h;
}

/* sync_release: free SyncObj [h]: its queues go, its handle is reused
 * under the next generation */
static void sync_release(Sched *s, int h) {
    SyncObj *o = &s->syncs.items[h];
    waitq_free(&o->q);
    waitq_free(&o->rq);
    HANDLE_FREE(s->syncs, s->sync_free, h);
}

void sched_sync_freed(Vm *vm, AggObj *a) {
    Sched *s = vm->sched;
    int h = sync_made(s, a, (a->h.aux & HOME_SLOT) - 1);
    if (h >= 0) sync_release(s, h);
    if (a->h.aux & HOME_MORE) /* rare: others made for it before, now unnamed */
        for (int i = 0; i < s->syncs.len; i++)
            if (s->syncs.items[i].home == a) sync_release(s, i);
}

/* HomeKind: what an aggregate with h.aux set is the home of, by its type:
 * a sync value's SyncObj, an AfterFunc's timer, a context, an http
 * response (ResponseWriter or Body) */
typedef enum { HOME_SYNC, HOME_TIMER, HOME_CTX, HOME_HTTP } HomeKind;

static HomeKind home_kind(const Sched *s, const RType *t) {
    if (t == s->t_timer) return HOME_TIMER;
    if (t == s->t_ctx_struct) return HOME_CTX;
    if ((s->t_resp_writer && t == s->t_resp_writer->elem) || (s->t_body && t == s->t_body->elem)) return HOME_HTTP;
    return HOME_SYNC;
}

void sched_obj_copied(Vm *vm, AggObj *dst, const AggObj *src) {
    Sched *s = vm->sched;
    if (!s || !src->t) return;
    switch (home_kind(s, src->t)) {
    case HOME_SYNC: { /* Go copies the state word: the copy's own SyncObj */
        int slot = (src->h.aux & HOME_SLOT) - 1;
        int h = sync_made(s, src, slot);
        if (h >= 0 && dst->v[slot].i == src->v[slot].i)
            sync_make(s, s->cur, dst, slot, s->syncs.items[h].kind, NULL);
        break;
    }
    case HOME_TIMER: /* a copied time.Timer: its timer is kept for good */
        ((AggObj *)src)->h.aux = 0;
        dst->h.aux = 0;
        break;
    default: break; /* contexts and http values live behind pointers */
    }
}

void sched_obj_freed(Vm *vm, GcObj *o) {
    Sched *s = vm->sched;
    if (!s) return;
    if (o->kind == GC_CHAN) {
        sched_chan_freed(vm, (ChanObj *)o);
        return;
    }
    AggObj *a = (AggObj *)o; /* an aggregate with h.aux set */
    if (!a->t) return;
    switch (home_kind(s, a->t)) {
    case HOME_SYNC: sched_sync_freed(vm, a); break;
    case HOME_TIMER: sched_timer_freed(vm, a); break;
    case HOME_CTX: sched_ctx_freed(vm, a); break;
    case HOME_HTTP: sched_http_freed(vm, a); break;
    }
}

/* sync_handle: the SyncObj handle of the sync value at [p] (slot [slot]),
 * made on first use. */
static inline int sync_handle(Sched *s, Goroutine *g, Value p, int slot, int kind) {
    AggObj *a = (AggObj *)p.r;
    int h = sync_made(s, a, slot);
    return h >= 0 ? h : sync_make(s, g, a, slot, kind, NULL);
}

/* Race hooks (race.h), keyed by the SyncObj handle and generation (a
 * reused handle starts with no clocks); a RWMutex has two sync variables
 * as Go's: 0 readerSem, 1 writerSem. */
#define SKEY(h, sub) RACE_KEY_SYNC(HANDLE_ID(s->syncs, (h)), (sub))
#define RACQ(g, h, sub) (s->race ? race_acquire(s->race, (g), SKEY((h), (sub))) : (void)0)
#define RREL(g, h, sub) (s->race ? race_release(s->race, (g), SKEY((h), (sub))) : (void)0)

static Pos gp(Goroutine *g) {
    Pos p = {0};
    p.line = g ? sched_line(g) : 0;
    return p;
}

/* ev: inline, so that a constant [kind] reaches trace_emit_at (the
 * register path of the common kinds: locks) */
static inline __attribute__((always_inline)) void ev(Sched *s, int kind, int aux, Goroutine *g, TraceObj obj,
                                                     int64_t arg) {
    if (!s->trace) return;
    sched_emit(s, (TraceEvent){.kind = kind, .aux = aux, .g = g && g->sched ? sched_g(g)->tobj : 0, .obj = obj,
                               .pos = gp(g), .arg = arg});
}

/* cannot_yield: [g] runs inside a nested vm_call (a String method fmt
 * called...) or is a deferred native run while a panic unwinds its frame;
 * neither can be resumed after a switch, so a Gosched there is a no-op. */
static int cannot_yield(const Goroutine *g) {
    if (g->nframes > 0 && (g->frames[g->nframes - 1].flags & FR_UNWINDING)) return 1;
    for (int i = g->nframes - 1; i > 0; i--)
        if (g->frames[i].flags & FR_BOUNDARY) return 1;
    return 0;
}

/* ---- Mutex ---- */

/* Go's sync.Mutex (mutex.go) on one P. Normal mode: Unlock wakes the first
 * waiter (unless one is already woken) but does not hand it the lock; the
 * unlocker runs on and may take it again (barging), and the woken waiter
 * competes when it next runs (sched_mutex_retry). A woken waiter that
 * loses goes back to the front of the queue, and if it has waited longer
 * than STARVE_NS the mutex turns to starvation mode: Unlock then hands the
 * lock to the first waiter, newcomers queue, and the mode ends when a
 * waiter that got the lock was the last or had waited less than STARVE_NS.
 *
 * Go measures the wait in real time. Here time is virtual and stands still
 * while goroutines run, so the starvation clock also counts the scheduler
 * steps (shared accesses) a wait spans, at STEP_NS each: the random
 * strategy preempts every ~800 steps, which stands for Go's 10 ms time
 * slice, so 80 steps make Go's 1 ms threshold. */
#define STARVE_NS 1000000
#define STEP_NS 12500
#define STARVE_SHIFT 14 /* clock units of 16.4 us: 32 bits wrap after 19 h */

static uint32_t starve_clock(Sched *s) {
    return (uint32_t)(((uint64_t)s->now + s->steps * (uint64_t)STEP_NS) >> STARVE_SHIFT);
}

static int waited_long(Sched *s, uint32_t since) {
    return starve_clock(s) - since > (uint32_t)(STARVE_NS >> STARVE_SHIFT);
}

static void mutex_take(Sched *s, int h, Goroutine *g) {
    SyncObj *o = &s->syncs.items[h];
    o->locked = 1;
    o->owner = g;
    RACQ(g, h, 0);
    ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, g, o->tobj, 0);
}

static int rw_announce(Sched *s, int h, Goroutine *g);

/* got_mutex: [g] now holds mutex [h] (a RWMutex's writer mutex: then it
 * announces itself as Go's Lock does); 1 if it may run on, 0 if it waits
 * for readers to leave (it stays parked, or the caller parks it). */
static int got_mutex(Sched *s, int h, Goroutine *g) {
    SyncObj *o = &s->syncs.items[h];
    if (o->kind == SO_RWMUTEX) {
        o->locked = 1;
        o->owner = g;
        return rw_announce(s, h, g);
    }
    mutex_take(s, h, g);
    return 1;
}

/* lock_reason: what a goroutine waiting for [o] (a Mutex, or a RWMutex's
 * writer mutex or readers) waits for, in the trace and the deadlock dump. */
static int lock_reason(const SyncObj *o) {
    return o->kind == SO_RWMUTEX ? TRACE_WAIT_RWMUTEX_LOCK : TRACE_WAIT_MUTEX_LOCK;
}

/* mutex_lock_h: Go's Mutex.Lock (a RWMutex's: of its writer mutex, then
 * the wait for readers): VM_OK holding it, or VM_BLOCKED parked. */
static int mutex_lock_h(Sched *s, Goroutine *g, int h) {
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked && !o->starving) {
        if (got_mutex(s, h, g)) return VM_OK;
    } else waitq_push(&o->q, g, (int)starve_clock(s));
    sched_park(s, g, lock_reason(o), o->tobj);
    return VM_BLOCKED;
}

/* mutex_release: Go's Mutex.Unlock after the unlock itself: in starvation
 * mode hand the lock to the first waiter (1), else wake it to compete (0). */
static int mutex_release(Sched *s, int h) {
    SyncObj *o = &s->syncs.items[h];
    o->locked = 0;
    o->owner = NULL;
    Waiter w;
    if (o->starving) {
        if (waitq_pop(&o->q, &w)) {
            if (!o->q.live || !waited_long(s, (uint32_t)w.ci)) o->starving = 0;
            if (got_mutex(s, h, w.g)) sched_ready(s, w.g);
            return 1;
        }
        o->starving = 0;
    } else if (!o->woken && waitq_pop(&o->q, &w)) {
        o->woken = w.g;
        o->woken_since = (uint32_t)w.ci;
        sched_g(w.g)->lock_retry = 1;
        sched_g(w.g)->dst = h; /* Lock has no results: dst is free */
        sched_ready(s, w.g);
    }
    return 0;
}

/* mutex_unlock_h: release; in starvation mode hand the lock to the first
 * waiter (1), else wake it to compete (0). -1 if it was not locked. */
static int mutex_unlock_h(Sched *s, Goroutine *g, int h) {
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked) return -1;
    RREL(g, h, 0);
    ev(s, TRACE_EV_UNLOCK, 0, g, o->tobj, 0);
    return mutex_release(s, h);
}

int sched_mutex_retry(Sched *s, Goroutine *g) {
    SchedG *sg = sched_g(g);
    int h = sg->dst;
    sg->lock_retry = 0;
    sg->dst = -1;
    SyncObj *o = &s->syncs.items[h];
    GORO_ASSERT(o->woken == g);
    o->woken = NULL;
    if (!o->locked) {
        if (got_mutex(s, h, g)) return 1;
    } else { /* lost: first in line again, maybe starving now */
        if (waited_long(s, o->woken_since)) o->starving = 1;
        waitq_push_front(&o->q, g, (int)o->woken_since);
    }
    sched_park(s, g, lock_reason(o), o->tobj); /* or a RWMutex writer waits for readers */
    return 0;
}

static int mutex_lock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int st = mutex_lock_h(s, g, sync_handle(s, g, a[0], 0, SO_MUTEX));
    return st == VM_OK ? sched_point(vm, g, res, 0) : st;
}

static int mutex_unlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int st = mutex_unlock_h(s, g, sync_handle(s, g, a[0], 0, SO_MUTEX));
    if (st < 0) return sched_fatal(s, g, "sync: unlock of unlocked mutex");
    if (st > 0 && !cannot_yield(g)) { /* Go's semrelease with handoff: the unlocker yields */
        sched_requeue_local(s, g);
        return VM_BLOCKED;
    }
    return sched_point(vm, g, res, 0);
}

static int mutex_trylock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_MUTEX); /* first: it may grow syncs */
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->locked && !o->starving;
    if (ok) {
        o->locked = 1;
        o->owner = g;
        RACQ(g, h, 0);
    }
    ev(s, TRACE_EV_LOCK, ok ? TRACE_LOCK_TRY_OK : TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
    res[0] = (Value){{.i = ok}, NULL};
    return sched_point(vm, g, res, 1);
}

/* ---- RWMutex ----
 * Go 1.19's sync.RWMutex: a writer first takes the writer mutex (Go's rw.w,
 * a sync.Mutex: locked/owner/q/woken/starving here, so writers barge and
 * starve as Mutex users do), then announces itself (wpending: new readers
 * wait on readerSem, here rq) and waits for the readers holding the lock
 * to leave (writerSem, here wwait). Unlock readies the readers that waited,
 * then unlocks the writer mutex. */

/* rw_take_write / rw_take_read: [g] now holds rwmutex [h] as the writer /
 * as one more reader ([aux]: TRACE_LOCK_PLAIN or TRACE_LOCK_TRY_OK). */
static void rw_take_write(Sched *s, int h, Goroutine *g, int aux) {
    SyncObj *o = &s->syncs.items[h];
    o->wheld = 1;
    o->wwait = NULL;
    RACQ(g, h, 0);
    RACQ(g, h, 1);
    ev(s, TRACE_EV_LOCK, aux, g, o->tobj, 0);
}

static void rw_take_read(Sched *s, int h, Goroutine *g, int aux) {
    SyncObj *o = &s->syncs.items[h];
    o->readers++;
    RACQ(g, h, 0);
    ev(s, TRACE_EV_RLOCK, aux, g, o->tobj, 0);
}

/* rw_announce: writer [g] holds [h]'s writer mutex: it holds the lock now
 * if no reader does (1), else it waits for them (0, wwait). */
static int rw_announce(Sched *s, int h, Goroutine *g) {
    SyncObj *o = &s->syncs.items[h];
    o->wpending = 1;
    if (o->readers == 0) {
        rw_take_write(s, h, g, TRACE_LOCK_PLAIN);
        return 1;
    }
    o->wwait = g;
    return 0;
}

static int rw_lock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int st = mutex_lock_h(s, g, sync_handle(s, g, a[0], 0, SO_RWMUTEX));
    return st == VM_OK ? sched_point(vm, g, res, 0) : st;
}

static int rw_rlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    if (!o->wpending) {
        rw_take_read(s, h, g, TRACE_LOCK_PLAIN);
        return sched_point(vm, g, res, 0);
    }
    waitq_push(&o->rq, g, -1);
    sched_park(s, g, TRACE_WAIT_RWMUTEX_RLOCK, o->tobj);
    return VM_BLOCKED;
}

static int rw_unlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    if (!o->wheld) return sched_fatal(s, g, "sync: Unlock of unlocked RWMutex");
    o->wheld = 0;
    o->wpending = 0;
    RREL(g, h, 0);
    ev(s, TRACE_EV_UNLOCK, 0, g, o->tobj, 0);
    /* the readers that queued behind this writer, then the writer mutex */
    Waiter w;
    while (waitq_pop(&o->rq, &w)) {
        rw_take_read(s, h, w.g, TRACE_LOCK_PLAIN);
        sched_ready(s, w.g);
    }
    if (mutex_release(s, h) && !cannot_yield(g)) { /* starvation hand-off: the unlocker yields */
        sched_requeue_local(s, g);
        return VM_BLOCKED;
    }
    return sched_point(vm, g, res, 0);
}

static int rw_runlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    if (o->readers <= 0) return sched_fatal(s, g, "sync: RUnlock of unlocked RWMutex");
    o->readers--;
    RREL(g, h, 1);
    ev(s, TRACE_EV_RUNLOCK, 0, g, o->tobj, 0);
    if (o->readers == 0 && o->wwait) { /* the last reader lets the announced writer in */
        Goroutine *wg = o->wwait;
        rw_take_write(s, h, wg, TRACE_LOCK_PLAIN);
        sched_ready(s, wg);
    }
    return sched_point(vm, g, res, 0);
}

static int rw_trylock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX); /* first: it may grow syncs */
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->locked && !o->starving && o->readers == 0;
    if (ok) {
        o->locked = 1;
        o->owner = g;
        o->wpending = 1;
        rw_take_write(s, h, g, TRACE_LOCK_TRY_OK);
    } else ev(s, TRACE_EV_LOCK, TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
    res[0] = (Value){{.i = ok}, NULL};
    return sched_point(vm, g, res, 1);
}

static int rw_tryrlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX); /* first: it may grow syncs */
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->wpending;
    if (ok) rw_take_read(s, h, g, TRACE_LOCK_TRY_OK);
    else ev(s, TRACE_EV_RLOCK, TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
    res[0] = (Value){{.i = ok}, NULL};
    return sched_point(vm, g, res, 1);
}

/* ---- WaitGroup ---- */

static int wg_add_h(Vm *vm, Goroutine *g, Value p, int64_t delta) {
    Sched *s = vm->sched;
    int h = sync_handle(s, g, p, 0, SO_WAITGROUP);
    SyncObj *o = &s->syncs.items[h];
    o->counter += delta;
    if (delta < 0) RREL(g, h, 0); /* Go: race.ReleaseMerge on Done */
    ev(s, delta == -1 ? TRACE_EV_WG_DONE : TRACE_EV_WG_ADD, 0, g, o->tobj, delta);
    if (o->counter < 0) return vm_panic_plain(vm, g, "sync: negative WaitGroup counter");
    if (o->counter == 0) {
        Waiter w;
        while (waitq_pop(&o->q, &w)) {
            RACQ(w.g, h, 0);
            ev(s, TRACE_EV_WG_WAIT, 0, w.g, o->tobj, 0);
            sched_ready(s, w.g);
        }
    }
    return VM_OK;
}

static int wg_add(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    int st = wg_add_h(vm, g, a[0], a[1].i);
    return st == VM_OK ? sched_point(vm, g, res, 0) : st;
}

static int wg_done(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    int st = wg_add_h(vm, g, a[0], -1);
    return st == VM_OK ? sched_point(vm, g, res, 0) : st;
}

static int wg_wait(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_WAITGROUP);
    SyncObj *o = &s->syncs.items[h];
    if (o->counter == 0) {
        RACQ(g, h, 0);
        ev(s, TRACE_EV_WG_WAIT, 0, g, o->tobj, 0);
        return sched_point(vm, g, res, 0);
    }
    waitq_push(&o->q, g, -1);
    sched_park(s, g, TRACE_WAIT_WAITGROUP_WAIT, o->tobj);
    return VM_BLOCKED;
}

/* ---- Once ---- */

/* Once.Do is Go source (check_pkgs.c): `if o.begin() { defer o.end(); f() }`,
 * so f runs on the goroutine's own frames and may block. SyncObj.done: 0
 * not started, 1 f running, 2 done. A caller arriving while f runs parks
 * (Go's doSlow waits on the Once's mutex) until end wakes it with false. */
static int once_begin(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_ONCE);
    SyncObj *o = &s->syncs.items[h];
    if (o->done == 1) {
        waitq_push(&o->q, g, -1);
        sched_g(g)->dst = sched_result_slot(g);
        sched_park(s, g, TRACE_WAIT_MUTEX_LOCK, o->tobj);
        return VM_BLOCKED;
    }
    ev(s, TRACE_EV_ONCE, !o->done, g, o->tobj, 0);
    res[0] = (Value){{.i = !o->done}, NULL};
    if (!o->done) {
        o->done = 1;
        return VM_OK;
    }
    RACQ(g, h, 0); /* race: f's completion happens before every Do's return */
    return sched_point(vm, g, res, 1);
}

static int once_end(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_ONCE); /* first: it may grow syncs */
    SyncObj *o = &s->syncs.items[h];
    o->done = 2;
    RREL(g, h, 0);
    Waiter w;
    while (waitq_pop(&o->q, &w)) {
        w.g->stack[sched_g(w.g)->dst] = (Value){{.i = 0}, NULL};
        RACQ(w.g, h, 0);
        ev(s, TRACE_EV_ONCE, 0, w.g, o->tobj, 0);
        sched_ready(s, w.g);
    }
    return sched_point(vm, g, res, 0);
}

/* ---- Cond ---- */

/* Cond.Wait is Go source (check_pkgs.c), after Go's notifyList: add takes
 * ticket SyncObj.counter++, the Locker is unlocked as Go code, then wait
 * sleeps unless the ticket was already notified (tickets below
 * SyncObj.readers are). Signal notifies the oldest unnotified ticket,
 * Broadcast all; a waiter parks in q with its ticket as Waiter.ci. */
static int cond_add(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h_ = sync_handle(s, g, a[0], 1, SO_COND); /* first: it may grow syncs */
    SyncObj *o = &s->syncs.items[h_];
    res[0] = (Value){{.i = o->counter++}, NULL};
    return VM_OK;
}

static int cond_wait(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    SyncObj *o = &s->syncs.items[h];
    if (a[1].i < o->readers) {
        RACQ(g, h, 0); /* notified before it slept */
        return sched_point(vm, g, res, 0);
    }
    waitq_push(&o->q, g, (int)a[1].i);
    sched_park(s, g, TRACE_WAIT_COND_WAIT, o->tobj);
    return VM_BLOCKED;
}

/* cond_notify: notify ticket [t] of cond [h]: wake its waiter if parked. */
static void cond_notify(Sched *s, int h, int64_t t) {
    WaitQ *q = &s->syncs.items[h].q;
    for (uint32_t i = 0; i < q->len; i++) {
        Waiter *w = &q->w[(q->head + i) % q->cap];
        if (w->g && w->ci == t) {
            Goroutine *wg = w->g;
            waitq_remove(q, wg);
            RACQ(wg, h, 0); /* race: Signal -> the woken Wait */
            sched_ready(s, wg);
            return;
        }
    }
}

static int cond_signal(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    SyncObj *o = &s->syncs.items[h];
    int woke = o->readers < o->counter;
    RREL(g, h, 0);
    ev(s, TRACE_EV_COND_SIGNAL, 0, g, o->tobj, woke);
    if (woke) cond_notify(s, h, o->readers++);
    return sched_point(vm, g, res, 0);
}

static int cond_broadcast(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    SyncObj *o = &s->syncs.items[h];
    ev(s, TRACE_EV_COND_BROADCAST, 0, g, o->tobj, o->counter - o->readers);
    o->readers = o->counter;
    Waiter w;
    RREL(g, h, 0);
    while (waitq_pop(&s->syncs.items[h].q, &w)) {
        RACQ(w.g, h, 0); /* race: Broadcast -> each woken Wait */
        sched_ready(s, w.g);
    }
    return sched_point(vm, g, res, 0);
}

/* ---- trace names ---- */

/* sync_name (compiler-emitted, compile_stmt.c name_sync_fields): make the
 * sync object a[0] of kind a[2] now, named a[1] (the variable it was
 * allocated as), unless it already exists. Not a scheduling point. */
static int sync_name(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    AggObj *o = (AggObj *)a[0].r;
    if (!o || sync_made(s, o, 0) >= 0) return VM_OK;
    char nb[128];
    snprintf(nb, sizeof nb, "%.*s", (int)(vm_str_len(a[1]) < 127 ? vm_str_len(a[1]) : 127), vm_str_data(a[1]));
    sync_make(s, g, o, 0, (int)a[2].i, nb);
    return VM_OK;
}

/* ---- sync/atomic ---- */

typedef enum { AK_I32, AK_I64, AK_U32, AK_U64, AK_BOOL } AtomKind;

static int64_t fit(AtomKind k, int64_t v) {
    switch (k) {
    case AK_I32: return (int32_t)v;
    case AK_U32: return (int64_t)(uint32_t)v;
    case AK_BOOL: return v != 0;
    default: return v;
    }
}

static Value *atom_slot(Value p) {
    AggObj *a = (AggObj *)p.r;
    return &a->v[p.i];
}

/* mem_ev: the race detector / memory trace sees an atomic access to the
 * word [p] points to: [rd]/[wr] whether it loads / stores, [v] the value. */
static void mem_ev(Vm *vm, Goroutine *g, Value p, int rd, int wr, int64_t v) {
    Sched *s = vm->sched;
    if (s && s->race) race_atomic(s->race, g, p, rd, wr, v);
}

#define ATOMIC_OPS(K, N)                                                                \
    __attribute__((unused)) static int add_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {             \
        NILCHK(a[0]);                                                                   \
        Value *p = atom_slot(a[0]);                                                     \
        p->i = fit(K, (int64_t)((uint64_t)p->i + (uint64_t)a[1].i));                    \
        mem_ev(vm, g, a[0], 1, 1, p->i);                                                \
        res[0] = (Value){{.i = p->i}, NULL};                                            \
        return sched_point(vm, g, res, 1);                                              \
    }                                                                                   \
    static int load_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {            \
        NILCHK(a[0]);                                                                   \
        res[0] = (Value){{.i = atom_slot(a[0])->i}, NULL};                              \
        mem_ev(vm, g, a[0], 1, 0, res[0].i);                                                     \
        return sched_point(vm, g, res, 1);                                              \
    }                                                                                   \
    static int store_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {           \
        NILCHK(a[0]);                                                                   \
        atom_slot(a[0])->i = fit(K, a[1].i);                                            \
        mem_ev(vm, g, a[0], 0, 1, a[1].i);                                                       \
        return sched_point(vm, g, res, 0);                                              \
    }                                                                                   \
    static int swap_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {            \
        NILCHK(a[0]);                                                                   \
        Value *p = atom_slot(a[0]);                                                     \
        res[0] = (Value){{.i = p->i}, NULL};                                            \
        p->i = fit(K, a[1].i);                                                          \
        mem_ev(vm, g, a[0], 1, 1, p->i);                                                         \
        return sched_point(vm, g, res, 1);                                              \
    }                                                                                   \
    static int cas_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {             \
        NILCHK(a[0]);                                                                   \
        Value *p = atom_slot(a[0]);                                                     \
        int ok = p->i == fit(K, a[1].i);                                                \
        if (ok) p->i = fit(K, a[2].i);                                                  \
        mem_ev(vm, g, a[0], 1, ok, p->i);                                                        \
        res[0] = (Value){{.i = ok}, NULL};                                              \
        return sched_point(vm, g, res, 1);                                              \
    }
ATOMIC_OPS(AK_I32, i32)
ATOMIC_OPS(AK_I64, i64)
ATOMIC_OPS(AK_U32, u32)
ATOMIC_OPS(AK_U64, u64)
ATOMIC_OPS(AK_BOOL, bool)

/* ---- runtime ---- */

static int rt_numgoroutine(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = (Value){{.i = vm->sched ? vm->sched->live : 1}, NULL};
    return VM_OK;
}

static int rt_gosched(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!vm->sched || cannot_yield(g)) return VM_OK;
    sched_requeue(vm->sched, g);
    return VM_BLOCKED;
}

/* rt_goexit: run every pending deferred call of [g], newest first, frame by
 * frame (nested: they cannot block), then end the goroutine; main instead
 * waits forever, and the run ends as Go's "no goroutines" deadlock once
 * every other goroutine is done. */
static int rt_goexit(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    for (int i = g->nframes - 1; i >= 0; i--) {
        while (g->frames[i].defers) {
            DeferRec *d = g->frames[i].defers;
            g->frames[i].defers = d->next;
            Value fn = d->fn, args[VM_MAX_NATIVE_ARGS];
            int na = d->nargs < VM_MAX_NATIVE_ARGS ? d->nargs : VM_MAX_NATIVE_ARGS;
            memcpy(args, d->args, sizeof(Value) * (size_t)na);
            mem_free(d, sizeof *d + sizeof(Value) * (size_t)d->nargs);
            vm_push_root(vm, fn.r);
            for (int k = 0; k < na; k++) vm_push_root(vm, args[k].r);
            int st = vm_call(vm, g, fn, args, na, NULL, 0);
            vm_pop_roots(vm, na + 1);
            if (st == VM_RAISE) return st;
        }
    }
    sched_g(g)->goexit = 1;
    sched_park(s, g, TRACE_WAIT_NONE, 0);
    return VM_BLOCKED;
}

static int rt_gomaxprocs(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = (Value){{.i = 8}, NULL};
    return VM_OK;
}

static int rt_gc(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    vm_gc(vm);
    return VM_OK;
}

static const VmNativeDef sync_natives[] = {
    {"runtime.GC", rt_gc},
    {"runtime.GOMAXPROCS", rt_gomaxprocs},
    {"runtime.Goexit", rt_goexit},
    {"runtime.Gosched", rt_gosched},
    {"runtime.NumCPU", rt_gomaxprocs},
    {"runtime.NumGoroutine", rt_numgoroutine},
    {"sync.(*Cond).Broadcast", cond_broadcast},
    {"sync.(*Cond).Signal", cond_signal},
    {"sync.(*Cond).add", cond_add},
    {"sync.(*Cond).wait", cond_wait},
    {"sync.(*Mutex).Lock", mutex_lock},
    {"sync.(*Mutex).TryLock", mutex_trylock},
    {"sync.(*Mutex).Unlock", mutex_unlock},
    {"sync.(*Once).begin", once_begin},
    {"sync.(*Once).end", once_end},
    {"sync.(*RWMutex).Lock", rw_lock},
    {"sync.(*RWMutex).RLock", rw_rlock},
    {"sync.(*RWMutex).RUnlock", rw_runlock},
    {"sync.(*RWMutex).TryLock", rw_trylock},
    {"sync.(*RWMutex).TryRLock", rw_tryrlock},
    {"sync.(*RWMutex).Unlock", rw_unlock},
    {"sync.(*WaitGroup).Add", wg_add},
    {"sync.(*WaitGroup).Done", wg_done},
    {"sync.(*WaitGroup).Wait", wg_wait},
    {"sync.name", sync_name},
    {"sync/atomic.(*Bool).CompareAndSwap", cas_bool},
    {"sync/atomic.(*Bool).Load", load_bool},
    {"sync/atomic.(*Bool).Store", store_bool},
    {"sync/atomic.(*Bool).Swap", swap_bool},
#define TYPED(T, N)                                                                     \
    {"sync/atomic.(*" T ").Add", add_##N}, {"sync/atomic.(*" T ").CompareAndSwap", cas_##N},      \
        {"sync/atomic.(*" T ").Load", load_##N}, {"sync/atomic.(*" T ").Store", store_##N},       \
        {"sync/atomic.(*" T ").Swap", swap_##N}, {"sync/atomic.Add" T, add_##N},                  \
        {"sync/atomic.CompareAndSwap" T, cas_##N}, {"sync/atomic.Load" T, load_##N},              \
        {"sync/atomic.Store" T, store_##N}, {"sync/atomic.Swap" T, swap_##N},
    TYPED("Int32", i32) TYPED("Int64", i64) TYPED("Uint32", u32) TYPED("Uint64", u64)
#undef TYPED
};

extern const VmNativeDef sched_time_natives[];
extern const int sched_time_natives_len;
extern const VmNativeDef sched_ctx_natives[];
extern const int sched_ctx_natives_len;
extern const VmNativeDef sched_http_natives[];
extern const int sched_http_natives_len;

const VmNativeDef *sched_native_lookup(const char *qname) {
    for (size_t i = 0; i < sizeof sync_natives / sizeof *sync_natives; i++)
        if (!strcmp(sync_natives[i].name, qname)) return &sync_natives[i];
    for (int i = 0; i < sched_time_natives_len; i++)
        if (!strcmp(sched_time_natives[i].name, qname)) return &sched_time_natives[i];
    for (int i = 0; i < sched_ctx_natives_len; i++)
        if (!strcmp(sched_ctx_natives[i].name, qname)) return &sched_ctx_natives[i];
    for (int i = 0; i < sched_http_natives_len; i++)
        if (!strcmp(sched_http_natives[i].name, qname)) return &sched_http_natives[i];
    return NULL;
}

/* ---- GC and types ---- */

void sched_mark(Vm *vm) {
    Sched *s = vm->sched;
    if (!s) return;
    /* a TM_SEND timer's channel is not a root: when the program can no
     * longer reach it, sched_chan_freed frees the timer with it */
    for (int i = 0; i < s->timers.len; i++) vm_gc_mark(vm, s->timers.items[i].fn.r);
    for (int i = 0; i < s->ctxs.len; i++) {
        vm_gc_mark(vm, s->ctxs.items[i].done.r);
        vm_gc_mark(vm, s->ctxs.items[i].key.r);
        vm_gc_mark(vm, s->ctxs.items[i].val.r);
    }
    for (Goroutine *g = vm->all_g; g; g = g->next_all)
        if (g->sched) vm_gc_mark(vm, sched_g(g)->val.r);
    vm_gc_mark(vm, s->io_eof.r);
    for (int i = 0; i < s->routes.len; i++) {
        vm_gc_mark(vm, s->routes.items[i].pattern.r);
        vm_gc_mark(vm, s->routes.items[i].fn.r);
    }
    for (int i = 0; i < s->resps.len; i++) vm_gc_mark(vm, s->resps.items[i].req.r);
    vm_gc_mark(vm, s->ctx_canceled.r);
    vm_gc_mark(vm, s->ctx_deadline.r);
    (void)NILV;
}

const RType *sched_find_type(Vm *vm, const char *str, RKind kind, const RType *elem) {
    for (int i = 0; i < vm->types.len; i++)
        if (vm->types.items[i]->kind == kind && !strcmp(vm->types.items[i]->str, str)) return vm->types.items[i];
    RType *t = vm_type_new(vm, kind, str);
    t->elem = elem;
    t->size = 8;
    if (kind == RK_STRUCT) t->named = 1;
    return t;
}
