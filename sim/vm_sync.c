/* vm_sync: sync (Mutex, RWMutex, WaitGroup, Once, Cond), sync/atomic and
 * runtime natives on the scheduler; the native lookup for every
 * concurrency package; the GC hook for what the scheduler holds.
 *
 * Invariants:
 * - A sync value's handle lives in its struct's `h` slot as handle + 1
 *   (0: never used, so a zero value works); the SyncObj is made on first
 *   use. Copying a used Mutex shares its state (go vet forbids the copy).
 * - Locks are handed to the first waiter on release (FIFO, no barging),
 *   so a release never needs a retry; RWMutex prefers a waiting writer
 *   over new readers, and an unlocking writer admits the waiting readers.
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

/* sync_handle: the SyncObj handle of the sync value at [p] (slot [slot]),
 * made on first use. */
static int sync_handle(Sched *s, Goroutine *g, Value p, int slot, int kind) {
    AggObj *a = (AggObj *)p.r;
    Value hint = s->name_hint;
    s->name_hint = (Value){{0}, NULL};
    if (a->v[slot].i > 0 && a->v[slot].i <= s->syncs.len) return (int)a->v[slot].i - 1;
    SyncObj o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    if (s->trace) {
        Pos pos = {0};
        pos.line = g ? sched_line(g) : 0;
        char nb[128] = "";
        if (hint.r) snprintf(nb, sizeof nb, "%.*s", (int)(vm_str_len(hint) < 127 ? vm_str_len(hint) : 127), vm_str_data(hint));
        o.tobj = trace_new_object(s->trace, s->steps, g && g->sched ? sched_g(g)->tobj : 0, trace_kind_of[kind], nb, pos);
    }
    VEC_PUSH(s->syncs, o);
    a->v[slot].i = s->syncs.len;
    return s->syncs.len - 1;
}

/* Race hooks (race.h), keyed by the SyncObj handle; a RWMutex has two
 * sync variables as Go's: 0 readerSem, 1 writerSem. */
#define RACQ(g, h, sub) (s->race ? race_acquire(s->race, (g), RACE_KEY_SYNC((h), (sub))) : (void)0)
#define RREL(g, h, sub) (s->race ? race_release(s->race, (g), RACE_KEY_SYNC((h), (sub))) : (void)0)

static Pos gp(Goroutine *g) {
    Pos p = {0};
    p.line = g ? sched_line(g) : 0;
    return p;
}

static void ev(Sched *s, int kind, int aux, Goroutine *g, TraceObj obj, int64_t arg) {
    if (!s->trace) return;
    sched_emit(s, (TraceEvent){.kind = kind, .aux = aux, .g = g && g->sched ? sched_g(g)->tobj : 0, .obj = obj,
                               .pos = gp(g), .arg = arg});
}

/* ---- Mutex ---- */

static int mutex_lock_h(Sched *s, Goroutine *g, int h) {
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked) {
        o->locked = 1;
        o->owner = g;
        RACQ(g, h, 0);
        ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, g, o->tobj, 0);
        return VM_OK;
    }
    waitq_push(&o->q, g, -1);
    sched_park(s, g, TRACE_WAIT_MUTEX_LOCK, o->tobj);
    return VM_BLOCKED;
}

/* mutex_unlock_h: release; hand the lock to the first waiter. -1 if it
 * was not locked. */
static int mutex_unlock_h(Sched *s, Goroutine *g, int h) {
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked) return -1;
    RREL(g, h, 0);
    ev(s, TRACE_EV_UNLOCK, 0, g, o->tobj, 0);
    Waiter w;
    if (waitq_pop(&o->q, &w)) {
        o->owner = w.g;
        RACQ(w.g, h, 0);
        ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, w.g, o->tobj, 0);
        sched_ready(s, w.g);
    } else {
        o->locked = 0;
        o->owner = NULL;
    }
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
    if (mutex_unlock_h(s, g, sync_handle(s, g, a[0], 0, SO_MUTEX)) < 0)
        return sched_fatal(s, g, "sync: unlock of unlocked mutex");
    return sched_point(vm, g, res, 0);
}

static int mutex_trylock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_MUTEX);
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->locked;
    if (ok) {
        o->locked = 1;
        o->owner = g;
        RACQ(g, h, 0);
    }
    ev(s, TRACE_EV_LOCK, ok ? TRACE_LOCK_TRY_OK : TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
    res[0] = (Value){{.i = ok}, NULL};
    return sched_point(vm, g, res, 1);
}

/* ---- RWMutex ---- */

static void rw_admit(Sched *s, int h) {
    SyncObj *o = &s->syncs.items[h];
    Waiter w;
    if (o->locked) return;
    if (o->rq.live && !o->q.live) {
        while (waitq_pop(&o->rq, &w)) {
            o->readers++;
            RACQ(w.g, h, 0);
            ev(s, TRACE_EV_RLOCK, TRACE_LOCK_PLAIN, w.g, o->tobj, 0);
            sched_ready(s, w.g);
        }
        return;
    }
    if (o->readers == 0 && waitq_pop(&o->q, &w)) {
        o->locked = 1;
        o->owner = w.g;
        RACQ(w.g, h, 0);
        RACQ(w.g, h, 1);
        ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, w.g, o->tobj, 0);
        sched_ready(s, w.g);
    }
}

static int rw_lock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked && o->readers == 0) {
        o->locked = 1;
        o->owner = g;
        RACQ(g, h, 0);
        RACQ(g, h, 1);
        ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, g, o->tobj, 0);
        return sched_point(vm, g, res, 0);
    }
    waitq_push(&o->q, g, -1);
    sched_park(s, g, TRACE_WAIT_RWMUTEX_LOCK, o->tobj);
    return VM_BLOCKED;
}

static int rw_rlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    if (!o->locked && !o->q.live) {
        o->readers++;
        RACQ(g, h, 0);
        ev(s, TRACE_EV_RLOCK, TRACE_LOCK_PLAIN, g, o->tobj, 0);
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
    if (!o->locked) return sched_fatal(s, g, "sync: Unlock of unlocked RWMutex");
    o->locked = 0;
    o->owner = NULL;
    RREL(g, h, 0);
    ev(s, TRACE_EV_UNLOCK, 0, g, o->tobj, 0);
    /* readers that queued behind this writer go first */
    Waiter w;
    if (o->rq.live) {
        while (waitq_pop(&o->rq, &w)) {
            o->readers++;
            RACQ(w.g, h, 0);
            ev(s, TRACE_EV_RLOCK, TRACE_LOCK_PLAIN, w.g, o->tobj, 0);
            sched_ready(s, w.g);
        }
    } else rw_admit(s, h);
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
    if (o->readers == 0) {
        Waiter w;
        if (!o->locked && waitq_pop(&o->q, &w)) {
            o->locked = 1;
            o->owner = w.g;
            RACQ(w.g, h, 0);
            RACQ(w.g, h, 1);
            ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, w.g, o->tobj, 0);
            sched_ready(s, w.g);
        }
    }
    return sched_point(vm, g, res, 0);
}

static int rw_trylock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->locked && o->readers == 0;
    if (ok) {
        o->locked = 1;
        o->owner = g;
        RACQ(g, h, 0);
        RACQ(g, h, 1);
    }
    ev(s, TRACE_EV_LOCK, ok ? TRACE_LOCK_TRY_OK : TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
    res[0] = (Value){{.i = ok}, NULL};
    return sched_point(vm, g, res, 1);
}

static int rw_tryrlock(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_RWMUTEX);
    SyncObj *o = &s->syncs.items[h];
    int ok = !o->locked && !o->q.live;
    if (ok) {
        o->readers++;
        RACQ(g, h, 0);
    }
    ev(s, TRACE_EV_RLOCK, ok ? TRACE_LOCK_TRY_OK : TRACE_LOCK_TRY_FAIL, g, o->tobj, 0);
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

static int once_do(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 0, SO_ONCE);
    SyncObj *o = &s->syncs.items[h];
    ev(s, TRACE_EV_ONCE, !o->done, g, o->tobj, 0);
    if (o->done) {
        RACQ(g, h, 0);
        return sched_point(vm, g, res, 0);
    }
    o->done = 1;
    /* f runs to completion here (no switch inside); see the report. */
    int st = vm_call(vm, g, a[1], NULL, 0, NULL, 0);
    RREL(g, h, 0); /* f's completion happens before every Do's return */
    return st;
}

/* ---- Cond ---- */

static int mutex_of_locker(Sched *s, Goroutine *g, Value l) {
    BoxObj *b = (BoxObj *)l.r;
    if (!b || !b->t || strcmp(b->t->str, "*sync.Mutex") != 0 || !b->v.r) return -1;
    return sync_handle(s, g, b->v, 0, SO_MUTEX);
}

static int new_cond(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    const RType *t = sched_find_type(vm, "sync.Cond", RK_STRUCT, NULL);
    AggObj *c = vm_new_agg(vm, t, 2);
    c->v[0] = a[0];
    res[0] = (Value){{0}, &c->h};
    return VM_OK;
}

static int cond_wait(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    AggObj *c = (AggObj *)a[0].r;
    int mh = mutex_of_locker(s, g, c->v[0]);
    if (mh < 0) return vm_panic_plain(vm, g, "goro-viz: sync.Cond supports a *sync.Mutex Locker only");
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    if (mutex_unlock_h(s, g, mh) < 0) return sched_fatal(s, g, "sync: unlock of unlocked mutex");
    SyncObj *o = &s->syncs.items[h];
    waitq_push(&o->q, g, -1);
    sched_g(g)->lock = mh;
    sched_park(s, g, TRACE_WAIT_COND_WAIT, o->tobj);
    return VM_BLOCKED;
}

/* cond_wake: waiter [w] leaves the cond and queues for (or takes) its mutex. */
static void cond_wake(Sched *s, Waiter w) {
    SchedG *sg = sched_g(w.g);
    int mh = sg->lock;
    sg->lock = -1;
    SyncObj *m = &s->syncs.items[mh];
    if (!m->locked) {
        m->locked = 1;
        m->owner = w.g;
        RACQ(w.g, mh, 0);
        ev(s, TRACE_EV_LOCK, TRACE_LOCK_PLAIN, w.g, m->tobj, 0);
        sched_ready(s, w.g);
    } else {
        waitq_push(&m->q, w.g, -1);
        sg->reason = TRACE_WAIT_MUTEX_LOCK;
        sg->wait_obj = m->tobj;
    }
}

static int cond_signal(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    Waiter w;
    RREL(g, h, 0);
    int woke = waitq_pop(&s->syncs.items[h].q, &w);
    if (woke) RACQ(w.g, h, 0);
    ev(s, TRACE_EV_COND_SIGNAL, 0, g, s->syncs.items[h].tobj, woke);
    if (woke) cond_wake(s, w);
    return sched_point(vm, g, res, 0);
}

static int cond_broadcast(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    NILCHK(a[0]);
    Sched *s = vm->sched;
    int h = sync_handle(s, g, a[0], 1, SO_COND);
    Waiter w;
    int woke = (int)s->syncs.items[h].q.live;
    RREL(g, h, 0);
    ev(s, TRACE_EV_COND_BROADCAST, 0, g, s->syncs.items[h].tobj, woke);
    while (waitq_pop(&s->syncs.items[h].q, &w)) {
        RACQ(w.g, h, 0);
        cond_wake(s, w);
    }
    return sched_point(vm, g, res, 0);
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
    if (!vm->sched) return VM_OK;
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
    {"sync.(*Cond).Wait", cond_wait},
    {"sync.(*Mutex).Lock", mutex_lock},
    {"sync.(*Mutex).TryLock", mutex_trylock},
    {"sync.(*Mutex).Unlock", mutex_unlock},
    {"sync.(*Once).Do", once_do},
    {"sync.(*RWMutex).Lock", rw_lock},
    {"sync.(*RWMutex).RLock", rw_rlock},
    {"sync.(*RWMutex).RUnlock", rw_runlock},
    {"sync.(*RWMutex).TryLock", rw_trylock},
    {"sync.(*RWMutex).TryRLock", rw_tryrlock},
    {"sync.(*RWMutex).Unlock", rw_unlock},
    {"sync.(*WaitGroup).Add", wg_add},
    {"sync.(*WaitGroup).Done", wg_done},
    {"sync.(*WaitGroup).Wait", wg_wait},
    {"sync.NewCond", new_cond},
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

void sched_name_hint(Vm *vm, Value name) { vm->sched->name_hint = name; }

/* ---- GC and types ---- */

void sched_mark(Vm *vm) {
    Sched *s = vm->sched;
    if (!s) return;
    for (int i = 0; i < s->timers.len; i++) {
        vm_gc_mark(vm, s->timers.items[i].ch.r);
        vm_gc_mark(vm, s->timers.items[i].fn.r);
    }
    for (int i = 0; i < s->ctxs.len; i++) {
        vm_gc_mark(vm, s->ctxs.items[i].done.r);
        vm_gc_mark(vm, s->ctxs.items[i].key.r);
        vm_gc_mark(vm, s->ctxs.items[i].val.r);
    }
    for (Goroutine *g = vm->all_g; g; g = g->next_all)
        if (g->sched) vm_gc_mark(vm, sched_g(g)->val.r);
    vm_gc_mark(vm, s->name_hint.r);
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
