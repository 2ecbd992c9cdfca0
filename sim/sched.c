/* sched: the run loop, the run queue and strategies, park/ready, goroutine
 * creation and exit, deadlock, limits and the trace of scheduling.
 *
 * Invariants: see sched.h. In addition: a goroutine is on the run queue iff
 * its status is SG_RUNNABLE; s->cur is the SG_RUNNING one or NULL.
 */
#include <stdio_ext.h> /* __fpending */
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "front.h"
#include "race.h"
#include "sched.h"
#include "schedule.h"

/* Mean shared accesses between preemptions under `random`. Small enough
 * that a 1000-increment race loses updates in a fair share of seeds, large
 * enough that a critical section of a few accesses usually completes. */
#define RANDOM_MEAN_DISTANCE 800
#define SLICE_BUDGET 20000
/* At most this many steps for pct's pilot run (sched_pct_steps). */
#define PCT_PILOT_STEPS 10000000u

/* ---- wait queues ---- */

/* ring_unwrap: after a ring of [cap] elements of [size] bytes at [p] grew
 * to at least 2 * cap, move its wrapped-around part (the elements before
 * [head]) past the old end, so the [len] elements from head are contiguous. */
static void ring_unwrap(void *p, size_t size, uint32_t head, uint32_t len, uint32_t cap) {
    uint32_t wrapped = head + len > cap ? head + len - cap : 0;
    memcpy((char *)p + size * cap, p, size * wrapped);
}

/* RING_CHUNK / ring_discard: the pages of a big ring (>= 1 MiB) that its
 * head has consumed, or its tail has left, go back to the OS a chunk of
 * RING_CHUNK elements at a time, so a queue that drains while another
 * fills (a million goroutines moving from the run queue to a channel's
 * wait queue and back) holds memory for its live entries only. [start] is
 * a multiple of the chunk (so is cap: a power of two, >= the chunk in a
 * ring that big); the chunk holds no live entry when len <= cap - chunk. */
#define RING_CHUNK 4096u
static void ring_discard(void *p, size_t size, uint32_t cap, uint32_t len, uint32_t start) {
    if (size * cap < ((size_t)1 << 20) || len > cap - RING_CHUNK) return;
    mem_discard((char *)p + size * start, size * RING_CHUNK);
}

/* ring_consumed: the head of a ring moved to [head]; when that finished a
 * chunk, [head - chunk, head) is consumed (ring_discard). */
static inline void ring_consumed(void *p, size_t size, uint32_t cap, uint32_t len, uint32_t head) {
    if ((head & (RING_CHUNK - 1)) == 0) ring_discard(p, size, cap, len, (head ? head : cap) - RING_CHUNK);
}

static void waitq_grow(WaitQ *q) {
    if (q->len == q->cap) {
        /* grow in place (a million parked receivers: no second copy, no
         * zeroed tail), then drop the tombstones, order kept */
        uint32_t nc = q->cap ? q->cap * 2 : 4;
        q->w = mem_grow(q->w, sizeof *q->w * q->cap, sizeof *q->w * nc);
        ring_unwrap(q->w, sizeof *q->w, q->head, q->len, q->cap);
        uint32_t k = 0;
        for (uint32_t i = 0; i < q->len; i++) {
            Waiter x = q->w[q->head + i];
            if (x.g) q->w[k++] = x;
        }
        q->cap = nc;
        q->head = 0;
        q->len = k;
    }
}

GORO_HOT void waitq_push(WaitQ *q, Goroutine *g, int ci) {
    waitq_grow(q);
    q->w[(q->head + q->len) & (q->cap - 1)] = (Waiter){g, ci};
    q->len++;
    q->live++;
}

void waitq_push_front(WaitQ *q, Goroutine *g, int ci) {
    waitq_grow(q);
    q->head = (q->head + q->cap - 1) & (q->cap - 1);
    q->w[q->head] = (Waiter){g, ci};
    q->len++;
    q->live++;
}

GORO_HOT int waitq_pop(WaitQ *q, Waiter *out) {
    while (q->len) {
        Waiter x = q->w[q->head];
        q->head = (q->head + 1) & (q->cap - 1);
        q->len--;
        ring_consumed(q->w, sizeof *q->w, q->cap, q->len, q->head);
        if (x.g) {
            q->live--;
            *out = x;
            return 1;
        }
    }
    return 0;
}

void waitq_remove(WaitQ *q, Goroutine *g) {
    for (uint32_t i = 0; i < q->len; i++) {
        Waiter *x = &q->w[(q->head + i) & (q->cap - 1)];
        if (x->g == g) {
            x->g = NULL;
            q->live--;
        }
    }
}

void waitq_free(WaitQ *q) {
    mem_free(q->w, sizeof *q->w * q->cap);
    memset(q, 0, sizeof *q);
}

/* ---- trace helpers ---- */

static inline Pos gpos(Goroutine *g) { return (Pos){sched_line(g), 0}; }

/* ---- run queue ---- */

static void rq_reserve(Sched *s) {
    if (s->rq_len == s->rq_cap) {
        uint32_t nc = s->rq_cap ? s->rq_cap * 2 : 16;
        s->rq = mem_grow(s->rq, sizeof *s->rq * s->rq_cap, sizeof *s->rq * nc);
        ring_unwrap(s->rq, sizeof *s->rq, s->rq_head, s->rq_len, s->rq_cap);
        s->rq_cap = nc;
    }
}

static void rq_push(Sched *s, Goroutine *g) {
    rq_reserve(s);
    s->rq[(s->rq_head + s->rq_len) & (s->rq_cap - 1)] = g;
    s->rq_len++;
}

/* rq_take: remove and return the k-th runnable goroutine (order of the
 * others kept, so rr stays FIFO and picks stay reproducible). */
static Goroutine *rq_take(Sched *s, uint32_t k) {
    Goroutine *g = s->rq[(s->rq_head + k) & (s->rq_cap - 1)];
    if (k == 0) {
        s->rq_head = (s->rq_head + 1) & (s->rq_cap - 1);
        s->rq_len--;
        ring_consumed(s->rq, sizeof *s->rq, s->rq_cap, s->rq_len, s->rq_head);
    } else if (k < s->rq_len - 1 - k) { /* fewer before it: they move up one, the head with them */
        for (uint32_t i = k; i > 0; i--)
            s->rq[(s->rq_head + i) & (s->rq_cap - 1)] = s->rq[(s->rq_head + i - 1) & (s->rq_cap - 1)];
        s->rq_head = (s->rq_head + 1) & (s->rq_cap - 1);
        s->rq_len--;
        ring_consumed(s->rq, sizeof *s->rq, s->rq_cap, s->rq_len, s->rq_head);
    } else {
        for (uint32_t i = k; i + 1 < s->rq_len; i++)
            s->rq[(s->rq_head + i) & (s->rq_cap - 1)] = s->rq[(s->rq_head + i + 1) & (s->rq_cap - 1)];
        s->rq_len--;
        uint32_t tail = (s->rq_head + s->rq_len) & (s->rq_cap - 1);
        if ((tail & (RING_CHUNK - 1)) == 0) /* left: [tail, tail + chunk) */
            ring_discard(s->rq, sizeof *s->rq, s->rq_cap, s->rq_len, tail);
    }
    return g;
}

/* ---- rr: Go's one P ----
 * Go 1.19 (runtime/proc.go) on one P: a new goroutine (newproc) and a
 * woken one (goready) go to the P's runnext, pushing the previous runnext
 * to the tail of the local run queue; Gosched and preemption put the
 * goroutine on the global run queue, which schedule() takes from on every
 * 61st schedtick, or when the local queue is empty (then moving up to 128
 * to the local queue); a pick from runnext inherits the time slice and
 * counts no tick. All of it lives in rq: [runnext][local][global]. */

static inline Goroutine *rq_at(const Sched *s, uint32_t k) { return s->rq[(s->rq_head + k) & (s->rq_cap - 1)]; }

/* rq_insert: put [g] at position [k] of the run queue (0 = head),
 * moving the shorter side: O(1) at either end. */
static void rq_insert(Sched *s, uint32_t k, Goroutine *g) {
    rq_reserve(s);
    if (k < s->rq_len - k) { /* the ones before it move down one, the head with them */
        s->rq_head = (s->rq_head + s->rq_cap - 1) & (s->rq_cap - 1);
        s->rq_len++;
        for (uint32_t i = 0; i < k; i++) s->rq[(s->rq_head + i) & (s->rq_cap - 1)] = rq_at(s, i + 1);
    } else {
        s->rq_len++;
        for (uint32_t i = s->rq_len - 1; i > k; i--) s->rq[(s->rq_head + i) & (s->rq_cap - 1)] = rq_at(s, i - 1);
    }
    s->rq[(s->rq_head + k) & (s->rq_cap - 1)] = g;
}

static void rr_local_tail(Sched *s, Goroutine *g) {
    if (s->rr_nglob > s->rq_len) s->rr_nglob = s->rq_len; /* a replay (schedule.c) moved some */
    rq_insert(s, s->rq_len - s->rr_nglob, g);
}

/* rr_runnext: [g] (runnable) becomes runnext; the old one, if still
 * queued (at the head, or second behind a spawner), joins the local tail. */
static void rr_runnext(Sched *s, Goroutine *g) {
    Goroutine *old = s->rr_next;
    for (uint32_t k = 0; old && k < 2 && k + s->rr_nglob < s->rq_len; k++)
        if (rq_at(s, k) == old) {
            rq_take(s, k);
            rr_local_tail(s, old);
            break;
        }
    rq_insert(s, 0, g);
    s->rr_next = g;
}

static Goroutine *rr_pick(Sched *s) {
    Goroutine *g;
    if (s->rr_nglob > s->rq_len) s->rr_nglob = s->rq_len; /* a replay (schedule.c) moved some */
    if (s->rr_nglob && s->rr_tick % 61 == 0) { /* fairness: one from the global queue */
        g = rq_take(s, s->rq_len - s->rr_nglob);
        s->rr_nglob--;
        s->rr_tick++;
        return g;
    }
    int from_global = s->rq_len == s->rr_nglob;
    g = rq_take(s, 0);
    if (g == s->rr_next) s->rr_next = NULL; /* inherits the slice */
    else if (g == s->rr_cont) s->rr_cont = NULL; /* a spawner going on: no switch at all */
    else s->rr_tick++;
    if (from_global) s->rr_nglob -= s->rr_nglob < 128 ? s->rr_nglob : 128; /* globrunqget: a batch turns local */
    return g;
}

/* make_runnable: [g] joins the run queue at its tail (rr: the global
 * queue's, where Go puts a preempted or Gosched'ing goroutine). */
static void make_runnable(Sched *s, Goroutine *g) {
    SchedG *sg = sched_g(g);
    sg->status = SG_RUNNABLE;
    rq_push(s, g);
    if (s->opt.strategy == SCHED_RR) s->rr_nglob++;
}

/* make_ready: a new or woken [g] becomes runnable (rr: Go's runnext). */
static void make_ready(Sched *s, Goroutine *g) {
    if (s->opt.strategy != SCHED_RR) {
        make_runnable(s, g);
        return;
    }
    sched_g(g)->status = SG_RUNNABLE;
    if (s->rr_batch) VEC_PUSH(s->rr_woken, g);
    else rr_runnext(s, g);
}

void sched_wake_begin(Sched *s) { s->rr_batch++; }

void sched_wake_end(Sched *s) {
    if (--s->rr_batch) return;
    for (int i = s->rr_woken.len - 1; i >= 0; i--) rr_runnext(s, s->rr_woken.items[i]);
    s->rr_woken.len = 0;
}

GORO_HOT void sched_park(Sched *s, Goroutine *g, int reason, TraceObj obj) {
    SchedG *sg = sched_g(g);
    GORO_ASSERT(sg->status == SG_RUNNING);
    sg->status = SG_WAITING;
    sg->reason = reason;
    sg->wait_obj = obj;
    if (s->cur == g) s->cur = NULL;
    if (s->trace) {
        if (reason == TRACE_WAIT_SLEEP)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_SLEEP, .g = sg->tobj, .obj = obj, .pos = gpos(g),
                                       .arg = sg->wake_at});
        else
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_BLOCK, .aux = reason, .g = sg->tobj, .obj = obj,
                                       .pos = gpos(g)});
    }
}

GORO_HOT void sched_ready(Sched *s, Goroutine *g) {
    SchedG *sg = sched_g(g);
    if (sg->status != SG_WAITING) return;
    if (s->trace) {
        /* pos is the waker's (its card shows its own line; the woken one
         * keeps the line it blocked at); a timer wakes with no line */
        TraceObj by = s->cur ? sched_g(s->cur)->tobj : 0;
        Pos wp = s->cur ? gpos(s->cur) : (Pos){0};
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_UNBLOCK, .g = by, .obj = sg->tobj, .pos = wp});
    }
    make_ready(s, g);
}

/* requeue: the running [g] yields, to the local run queue's tail under rr
 * when [local] (Go's goyield), else as make_runnable (Gosched). */
static void requeue(Sched *s, Goroutine *g, int local) {
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_YIELD, .g = sched_g(g)->tobj, .pos = gpos(g)});
    if (s->cur == g) s->cur = NULL;
    if (local && s->opt.strategy == SCHED_RR) {
        sched_g(g)->status = SG_RUNNABLE;
        rr_local_tail(s, g);
    } else make_runnable(s, g);
}

void sched_requeue(Sched *s, Goroutine *g) { requeue(s, g, 0); }

void sched_requeue_local(Sched *s, Goroutine *g) { requeue(s, g, 1); }

int sched_result_slot(Goroutine *g) {
    Frame *f = &g->frames[g->nframes - 1];
    return f->base + VM_A(f->pc[-1]);
}

/* ---- goroutines ---- */

static const char *fn_name(Value fn) {
    ClosureObj *cl = (ClosureObj *)fn.r;
    return cl && cl->p->name ? cl->p->name : "?";
}

/* native_wrapper: a proto that calls its first argument (a native) with
 * the rest, so `go nativeFunc(args)` has a Go frame to start from. */
static Value native_wrapper(Vm *vm, Value fn, int nargs) {
    Proto *p = vm_proto_new(vm, fn_name(fn));
    p->nparams = 1 + nargs;
    p->nresults = 0;
    p->ncode = 3 + nargs;
    p->code = mem_alloc(sizeof(Instr) * (size_t)p->ncode);
    p->lines = mem_alloc(sizeof(int) * (size_t)p->ncode);
    int base = 1 + nargs, pc = 0;
    for (int i = 0; i <= nargs; i++) p->code[pc++] = VM_MK(OP_MOVE, base + i, i, 0, 0);
    p->code[pc++] = VM_MK(OP_CALL, base, nargs, 0, 0);
    p->code[pc++] = VM_MK(OP_RET, 0, 0, 0, 0);
    p->ncode = pc;
    for (int i = 0; i < pc; i++) p->lines[i] = 0;
    p->nregs = 2 * (1 + nargs) + 1;
    ClosureObj *c = vm_closure(vm, p, 0);
    return (Value){{0}, &c->h};
}

Goroutine *sched_new_goroutine(Vm *vm, Value fn, const Value *args, int nargs) {
    Value argv[VM_MAX_NATIVE_ARGS + 1];
    ClosureObj *cl = (ClosureObj *)fn.r;
    if (!cl->p->native) return vm_goroutine_new(vm, fn, args, nargs);
    vm_push_root(vm, fn.r);
    Value w = native_wrapper(vm, fn, nargs);
    vm_pop_roots(vm, 1);
    argv[0] = fn;
    for (int i = 0; i < nargs && i < VM_MAX_NATIVE_ARGS; i++) argv[1 + i] = args[i];
    return vm_goroutine_new(vm, w, argv, nargs + 1);
}

Goroutine *sched_spawn(Sched *s, Goroutine *parent, Value fn, const Value *args, int nargs) {
    Goroutine *g = sched_new_goroutine(s->vm, fn, args, nargs);
    sched_adopt(s, parent, g);
    return g;
}

void sched_adopt(Sched *s, Goroutine *parent, Goroutine *g) {
    Vm *vm = s->vm;
    SchedG *sg = vm_goroutine_extra(g); /* zeroed, in g's block */
    GORO_ASSERT(sg == sched_g(g));
    sg->dst = -1;
    sg->sleep_timer = -1;
    sg->http_resp = -1;
    g->sched = 1;
    s->live++;
    /* pct: random and distinct (the id breaks ties), above every lowered one */
    if (s->opt.strategy == SCHED_PCT)
        *sched_prio(g) = ((int64_t)prng_below(&vm->prng, 1u << 30) << 24 | (g->id & 0xffffff)) + 1000;
    if (s->trace) {
        TraceObj par = parent ? sched_g(parent)->tobj : 0;
        Pos p = parent ? gpos(parent) : (Pos){0};
        Value fn = {{0}, &g->frames[0].cl->h}; /* the entry closure */
        const char *fname = !parent && !s->main_g ? "main.main" : fn_name(fn);
        sg->tobj = trace_new_goroutine(s->trace, s->steps, par, (uint32_t)g->id, fname, p);
    }
    if (s->race) race_go(s->race, parent, g); /* race: parent -> child */
    make_ready(s, g);
}

static void goroutine_exit(Sched *s, Goroutine *g) {
    SchedG *sg = sched_g(g);
    if (sg->http_resp >= 0) http_finish(s, sg->http_resp);
    if (sg->sleep_timer >= 0) timer_free(s, sg->sleep_timer);
    sg->sleep_timer = -1;
    sg->status = SG_DEAD;
    s->live--;
    if (s->race) race_go_end(s->race, g);
    if (s->cur == g) s->cur = NULL;
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_END, .g = sg->tobj});
    if (!sg->is_main) {
        g->sched = 0;
        vm_goroutine_free(s->vm, g);
    }
}

/* ---- stacks, fatal errors, deadlock ---- */

static void print_stack(Sched *s, Goroutine *g, FILE *err) {
    for (int i = g->nframes - 1; i >= 0; i--) {
        Frame *f = &g->frames[i];
        int line = 0;
        if (f->p->lines && f->pc && f->p->ncode) {
            long k = f->pc - f->p->code - 1;
            if (k < 0) k = 0;
            if (k >= f->p->ncode) k = f->p->ncode - 1;
            line = f->p->lines[k];
        }
        vm_print_frame(s->vm, f->p, line, err);
    }
}

static void finish(Sched *s, int status) {
    if (s->done) return;
    s->done = 1;
    s->status = status;
}

int sched_fatal(Sched *s, Goroutine *g, const char *msg) {
    fflush(s->vm->out);
    fprintf(s->err, "fatal error: %s\n\ngoroutine %lld [running]:\n", msg, (long long)g->id);
    print_stack(s, g, s->err);
    fprintf(s->err, "exit status 2\n");
    if (s->trace) {
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_PANIC, .g = sched_g(g)->tobj, .pos = gpos(g),
                                   .value = trace_intern_cstr(s->trace, msg)});
    }
    /* Park the goroutine forever; the loop sees s->done. */
    sched_park(s, g, TRACE_WAIT_NONE, 0);
    finish(s, 2);
    return VM_BLOCKED;
}

void sched_nested_block(Sched *s, Goroutine *g) {
    if (s->done) return;
    const char *fn = "a function", *by = "a library function";
    for (int i = g->nframes - 1; i > 0; i--) {
        if (!(g->frames[i].flags & FR_BOUNDARY)) continue;
        fn = g->frames[i].p->name;
        Frame *c = &g->frames[i - 1];
        if (c->pc && c->pc > c->p->code && VM_OP(c->pc[-1]) == OP_CALL) {
            ClosureObj *cl = (ClosureObj *)g->stack[c->base + VM_A(c->pc[-1])].r;
            if (cl && cl->p->native) by = cl->p->name;
        }
        break;
    }
    fflush(s->vm->out);
    fprintf(s->err, "goro-viz: blocking in %s called by %s is not supported (%s:%d)\n", fn, by, s->vm->filename,
            sched_line(g));
    if (s->trace) {
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_PANIC, .g = sched_g(g)->tobj, .pos = gpos(g),
                                   .value = trace_intern_cstr(s->trace, "goro-viz: blocking inside a library call")});
    }
    finish(s, 2);
}

/* dump_reason: the wait reason Go 1.19 prints in a goroutine dump. Its
 * sync package parks every Mutex, RWMutex and WaitGroup waiter (and a
 * second Once.Do caller, on the Once's mutex) in semacquire; the trace
 * keeps the friendlier names. */
static const char *dump_reason(int reason) {
    switch (reason) {
    case TRACE_WAIT_MUTEX_LOCK:
    case TRACE_WAIT_RWMUTEX_LOCK:
    case TRACE_WAIT_RWMUTEX_RLOCK:
    case TRACE_WAIT_WAITGROUP_WAIT: return trace_wait_reason_name(TRACE_WAIT_SEMACQUIRE);
    default: return trace_wait_reason_name(reason);
    }
}

static void deadlock(Sched *s) {
    fflush(s->vm->out);
    FILE *e = s->err;
    if (s->main_g && sched_g(s->main_g)->reason == TRACE_WAIT_NONE && sched_g(s->main_g)->status == SG_WAITING) {
        fprintf(e, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    } else {
        fprintf(e, "fatal error: all goroutines are asleep - deadlock!\n");
    }
    /* Goroutines in Go's dump order, by id: all_g is newest first. */
    VEC(Goroutine *) gs = {0};
    for (Goroutine *g = s->vm->all_g; g; g = g->next_all)
        if (g->sched && sched_g(g)->status == SG_WAITING) VEC_PUSH(gs, g);
    for (int i = gs.len - 1; i >= 0; i--) {
        Goroutine *g = gs.items[i];
        fprintf(e, "\ngoroutine %lld [%s]:\n", (long long)g->id, dump_reason(sched_g(g)->reason));
        print_stack(s, g, e);
    }
    VEC_FREE(gs);
    fprintf(e, "exit status 2\n");
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_DEADLOCK});
    finish(s, 2);
}

static void limit(Sched *s, int which, const char *msg) {
    fflush(s->vm->out);
    fprintf(s->err, "goro-viz: %s\n", msg);
    if (s->trace)
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_LIMIT, .aux = which, .value = trace_intern_cstr(s->trace, msg)});
    finish(s, 3);
}

/* ---- output capture (trace) ---- */

static void flush_output(Sched *s, Goroutine *g) {
    if (!s->trace) return;
    /* nothing written since the last look: no fflush call per slice */
    if (__fpending(s->vm->out) == 0 && s->olen == s->osent) return;
    fflush(s->vm->out);
    if (s->olen > s->osent) {
        size_t n = s->olen - s->osent;
        fwrite(s->obuf + s->osent, 1, n, s->real_out);
        TraceObj tg = g && g->sched ? sched_g(g)->tobj : 0;
        trace_output(s->trace, s->steps, tg, g ? gpos(g) : (Pos){0}, 1, s->obuf + s->osent, n);
        s->osent = s->olen;
    }
}

/* ---- strategies ---- */

static int64_t draw_distance(Sched *s) {
    Vm *vm = s->vm;
    switch (s->opt.strategy) {
    case SCHED_RR:
    case SCHED_FIFO: return INT64_MAX / 2;
    case SCHED_PCT: {
        if (s->pct_changes_left <= 0) return INT64_MAX / 2;
        int64_t d = (int64_t)(s->pct_next_change > s->steps ? s->pct_next_change - s->steps : 1);
        return d;
    }
    default: {
        /* geometric with mean RANDOM_MEAN_DISTANCE, by inversion of one draw */
        uint64_t r = prng_below(&vm->prng, 2 * RANDOM_MEAN_DISTANCE);
        return (int64_t)r + 1;
    }
    }
}

/* pick: remove and return the goroutine to run next; [prev] was just
 * preempted (runnable, on the queue) and is avoided by `random` when
 * another goroutine can run. */
static Goroutine *pick(Sched *s, Goroutine *prev) {
    Vm *vm = s->vm;
    if (s->opt.strategy == SCHED_RR) return rr_pick(s);
    if (s->rq_len == 1) return rq_take(s, 0); /* no choice: no draw */
    switch (s->opt.strategy) {
    case SCHED_FIFO: return rq_take(s, 0);
    case SCHED_PCT: {
        uint32_t best = 0;
        for (uint32_t i = 1; i < s->rq_len; i++)
            if (*sched_prio(s->rq[(s->rq_head + i) & (s->rq_cap - 1)]) >
                *sched_prio(s->rq[(s->rq_head + best) & (s->rq_cap - 1)]))
                best = i;
        return rq_take(s, best);
    }
    default: {
        uint32_t k;
        if (prev && s->rq_len > 1) k = (uint32_t)prng_below(&vm->prng, s->rq_len - 1); /* prev is last: avoid it */
        else k = (uint32_t)prng_below(&vm->prng, s->rq_len);
        /* O(1): the chosen one trades places with the head (random needs no FIFO) */
        Goroutine **head = &s->rq[s->rq_head], **kth = &s->rq[(s->rq_head + k) & (s->rq_cap - 1)];
        Goroutine *t = *head;
        *head = *kth;
        *kth = t;
        return rq_take(s, 0);
    }
    }
}

static void pct_change_point(Sched *s, Goroutine *g) {
    /* lower the running goroutine below everyone; the next change point
     * was drawn at the start (one past already: it applies at once) */
    *sched_prio(g) = s->pct_low--;
    s->pct_changes_left--;
    if (s->pct_changes_left > 0) s->pct_next_change = s->pct_at[s->pct_n - s->pct_changes_left];
}

/* io_waiting: whether some goroutine waits on the network (a server):
 * Go's deadlock check does not count it as asleep. */
static int io_waiting(Sched *s) {
    for (Goroutine *g = s->vm->all_g; g; g = g->next_all)
        if (g->sched && sched_g(g)->status == SG_WAITING && sched_g(g)->reason == TRACE_WAIT_IO_WAIT) return 1;
    return 0;
}

/* ---- the loop ---- */

static void run_loop(Sched *s) {
    Vm *vm = s->vm;
    Goroutine *prev = NULL;
    Goroutine *last_started = NULL;
    uint64_t progress_at = 0; /* steps >> 14 at the last progress call */
    while (!s->done) {
        if (s->rq_len == 0) {
            int64_t w = timer_next_when(s);
            if (w < 0) {
                if (io_waiting(s)) limit(s, TRACE_LIMIT_STEPS, "every goroutine is blocked and a server waits for connections forever");
                else deadlock(s);
                break;
            }
            if (s->opt.max_vtime && w > s->opt.max_vtime) {
                limit(s, TRACE_LIMIT_VTIME, "virtual time limit reached (--max-vtime)");
                break;
            }
            timer_fire_due(s);
            if (s->sch) sch_clock(s->sch);
            prev = NULL;
            continue;
        }
        Goroutine *g = pick(s, prev);
        if (s->sch) {
            g = sch_pick(s->sch, g, (int)s->rq_len + 1);
            /* a replay may run another: rr's marks name only queued goroutines */
            if (g == s->rr_next) s->rr_next = NULL;
            if (g == s->rr_cont) s->rr_cont = NULL;
        }
        SchedG *sg = sched_g(g);
        sg->status = SG_RUNNING;
        s->cur = g;
        if (s->trace && g != last_started)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_START, .g = sg->tobj, .pos = gpos(g)});
        last_started = g;
        if (sg->lock_retry && !sched_mutex_retry(s, g)) continue; /* lost the mutex again: parked */
        /* The distance to the next preemption is drawn only once the last
         * one is used up: a switch at a blocking point keeps counting. */
        if (vm->preempt <= 0 || vm->preempt > INT64_MAX / 4) vm->preempt = draw_distance(s);
        if (s->sch) vm->preempt = sch_slice_begin(s->sch, g, vm->preempt);
        int64_t dist = vm->preempt;
        int st = vm_run(vm, g, SLICE_BUDGET);
        int64_t left = vm->preempt > 0 ? vm->preempt : 0;
        s->steps += (uint64_t)(dist - left) + 1;
        if (s->sch) vm->preempt = sch_slice_end(s->sch, g, dist - left, st, vm->preempt);
        flush_output(s, g);
        prev = NULL;
        switch (st) {
        case VM_PREEMPTED:
        case VM_BUDGET:
            if (st == VM_BUDGET) s->steps += SLICE_BUDGET / 16;
            if (s->opt.strategy == SCHED_PCT && st == VM_PREEMPTED && s->pct_changes_left > 0 &&
                s->steps >= s->pct_next_change)
                pct_change_point(s, g);
            s->cur = NULL;
            make_runnable(s, g);
            if (s->trace && st == VM_PREEMPTED)
                sched_emit(s, (TraceEvent){.kind = TRACE_EV_GO_YIELD, .g = sg->tobj, .pos = gpos(g)});
            prev = g;
            break;
        case VM_BLOCKED:
            if (sg->goexit && !sg->is_main) {
                goroutine_exit(s, g);
                break;
            }
            if (sg->status == SG_RUNNING) {
                /* blocked inside a nested call: cannot happen with parks */
                sg->status = SG_WAITING;
            }
            if (s->cur == g) s->cur = NULL;
            break;
        case VM_DONE:
            if (sg->is_main) {
                goroutine_exit(s, g);
                finish(s, 0);
            } else goroutine_exit(s, g);
            break;
        case VM_SPAWNED: {
            /* a go statement: the new goroutine queues, the spawner goes on */
            Goroutine *ng = vm->spawned;
            vm->spawned = NULL;
            sched_adopt(s, g, ng);
            s->cur = NULL;
            if (s->opt.strategy == SCHED_RR || s->opt.strategy == SCHED_FIFO) {
                /* keep running the spawner: it goes back to the queue head */
                sg->status = SG_RUNNABLE;
                rq_insert(s, 0, g);
                s->rr_cont = g;
            } else make_runnable(s, g);
            break;
        }
        case VM_EXIT:
            fflush(vm->out);
            finish(s, vm->exit_code);
            break;
        case VM_PANICKED:
            if (s->done) break; /* the panic unwound a nested call after sched_nested_block */
            fflush(vm->out);
            if (s->trace) {
                char buf[256];
                vm_panic_text(vm, g, g->panic->val, buf, sizeof buf);
                sched_emit(s, (TraceEvent){.kind = TRACE_EV_PANIC, .g = sg->tobj, .pos = gpos(g),
                                           .value = trace_intern_cstr(s->trace, buf)});
            }
            vm_print_panic(vm, g, s->err);
            fprintf(s->err, "exit status 2\n");
            finish(s, 2);
            break;
        default: GORO_ASSERT(!"bad vm_run status");
        }
        if (s->done) break;
        if (s->opt.max_steps && s->steps > s->opt.max_steps) {
            limit(s, TRACE_LIMIT_STEPS, "step limit reached (--max-steps)");
            break;
        }
        if (s->opt.progress && (s->steps >> 14) != progress_at) {
            progress_at = s->steps >> 14;
            if (s->opt.progress(s->opt.progress_ctx, s->steps)) {
                limit(s, TRACE_LIMIT_STEPS, "run canceled");
                break;
            }
        }
        if (s->opt.max_heap && (int64_t)vm->bytes > s->opt.max_heap) {
            limit(s, TRACE_LIMIT_HEAP, "heap limit reached (--max-heap)");
            break;
        }
        if (s->opt.max_goroutines && s->live > s->opt.max_goroutines) {
            limit(s, TRACE_LIMIT_GOROUTINES, "goroutine limit reached (--max-goroutines)");
            break;
        }
    }
}

/* ---- set-up ---- */

void sched_options_default(SchedOptions *o) {
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->strategy = SCHED_RANDOM;
    o->pct_depth = 3;
    o->max_steps = 2000000000ull;
    o->max_goroutines = 2000000;
    o->max_heap = (int64_t)4 << 30;
    o->max_vtime = (int64_t)1000000 * 3600 * 1000000000;
}

int sched_strategy_parse(const char *name, SchedStrategy *out) {
    if (!strcmp(name, "random")) *out = SCHED_RANDOM;
    else if (!strcmp(name, "pct")) *out = SCHED_PCT;
    else if (!strcmp(name, "rr")) *out = SCHED_RR;
    else return -1;
    return 0;
}

const char *sched_strategy_name(SchedStrategy st) {
    switch (st) {
    case SCHED_PCT: return "pct";
    case SCHED_RR: return "rr";
    case SCHED_FIFO: return "fifo";
    default: return "random";
    }
}

static void sched_free(Sched *s) {
    s->vm->free_hook = NULL; /* vm_free's sweep must not touch what goes here */
    for (int i = 0; i < s->chans.len; i++) {
        ChanWait *w = s->chans.items[i];
        waitq_free(&w->recvq);
        waitq_free(&w->sendq);
        mem_free(w, sizeof *w);
    }
    VEC_FREE(s->chans);
    for (int i = 0; i < s->syncs.len; i++) {
        waitq_free(&s->syncs.items[i].q);
        waitq_free(&s->syncs.items[i].rq);
    }
    VEC_FREE(s->syncs);
    VEC_FREE(s->timers);
    http_free(s);
    for (int i = 0; i < s->ctxs.len; i++) VEC_FREE(s->ctxs.items[i].children);
    VEC_FREE(s->ctxs);
    mem_free(s->theap, sizeof(int) * (size_t)s->heapcap);
    mem_free(s->rq, sizeof *s->rq * s->rq_cap);
    VEC_FREE(s->rr_woken);
    for (Goroutine *g = s->vm->all_g; g; g = g->next_all) {
        if (!g->sched) continue;
        SchedG *sg = sched_g(g);
        if (sg->in_sel) mem_free(sg->sel, sizeof(SelState) + sizeof(SelCase) * (size_t)sg->sel->n);
        g->sched = 0;
    }
}

static int run_checked(const SrcFile *src, ChkProgram *prog, const SchedOptions *opt, FILE *out, FILE *err,
                       Trace **trace_out, uint64_t *steps_out);

uint64_t sched_pct_steps(const SrcFile *src, ChkProgram *prog, const SchedOptions *opt) {
    SchedOptions o = *opt;
    o.strategy = SCHED_FIFO; /* the non-preemptive run pct's k has always counted */
    o.seed = 0;
    o.trace = 0;
    o.race = 0;
    o.record_schedule = NULL;
    o.schedule = NULL;
    /* a program that never ends must not cost a whole step budget twice */
    if (!o.max_steps || o.max_steps > PCT_PILOT_STEPS) o.max_steps = PCT_PILOT_STEPS;
    char *ob = NULL, *eb = NULL;
    size_t ol = 0, el = 0;
    FILE *out = open_memstream(&ob, &ol), *err = open_memstream(&eb, &el);
    GORO_ASSERT(out && err);
    uint64_t steps = 0;
    run_checked(src, prog, &o, out, err, NULL, &steps);
    fclose(out);
    fclose(err);
    free(ob);
    free(eb);
    return steps ? steps : 1;
}

int sched_run_file(const char *path, const SchedOptions *opt, FILE *out, FILE *err, Trace **trace_out) {
    if (trace_out) *trace_out = NULL;
    FrontUnit u;
    int status = front_compile_file(&u, path, err);
    if (status == 0) status = sched_run_checked(&u.src, &u.prog, opt, out, err, trace_out);
    front_free(&u);
    return status;
}

int sched_run_checked(const SrcFile *src, ChkProgram *prog, const SchedOptions *opt, FILE *out, FILE *err,
                      Trace **trace_out) {
    return run_checked(src, prog, opt, out, err, trace_out, NULL);
}

/* links_os: whether Go would link package os into [prog] (Go 1.19,
 * `go list -deps`: fmt, log, net/http, net/url and os do); os's init then
 * starts the runtime's finalizer goroutine, which shows in the numbering
 * of goroutines and in the P's schedtick (below). */
static int links_os(const ChkProgram *prog) {
    static const char *const pkgs[] = {"fmt", "log", "net/http", "net/url", "os"};
    for (int i = 0; i < prog->imports.len; i++)
        for (size_t k = 0; k < sizeof pkgs / sizeof *pkgs; k++)
            if (strcmp(prog->imports.items[i]->path, pkgs[k]) == 0) return 1;
    return 0;
}

/* run_checked: sched_run_checked, also giving the run's step count. */
GORO_HOT static int run_checked(const SrcFile *src, ChkProgram *prog, const SchedOptions *opt, FILE *out, FILE *err,
                       Trace **trace_out, uint64_t *steps_out) {
    if (trace_out) *trace_out = NULL;
    const char *path = src->path;
    Sched s;
    memset(&s, 0, sizeof s);
    s.opt = *opt;
    s.err = err;
    Vm vm;
    vm_init(&vm, out, opt->seed);
    vm.err = err;
    vm.gc_stress = opt->gc_stress;
    vm.sched = &s;
    vm.has_sched = 1;
    /* each goroutine's SchedG (and pct priority) in its block */
    vm.g_extra = sizeof(SchedG) + (opt->strategy == SCHED_PCT ? sizeof(int64_t) : 0);
    vm.mark_hook = sched_mark;
    vm.free_hook = sched_obj_freed;
    vm.copy_hook = sched_obj_copied;
    s.vm = &vm;
    s.pct_low = 999;
    if (opt->strategy == SCHED_PCT && opt->pct_depth > 1) {
        /* Burckhardt et al. 2010: d-1 change points uniform over the k steps */
        uint64_t k = opt->pct_steps ? opt->pct_steps : sched_pct_steps(src, prog, opt);
        s.pct_n = s.pct_changes_left = opt->pct_depth - 1;
        s.pct_at = mem_alloc(sizeof *s.pct_at * (size_t)s.pct_n);
        for (int i = 0; i < s.pct_n; i++) {
            uint64_t x = 1 + prng_below(&vm.prng, k);
            int j = i;
            for (; j > 0 && s.pct_at[j - 1] > x; j--) s.pct_at[j] = s.pct_at[j - 1];
            s.pct_at[j] = x;
        }
        s.pct_next_change = s.pct_at[0];
    }
    if (opt->record_schedule || opt->schedule) s.sch = sch_run_new(&s, opt->record_schedule, opt->schedule, err);
    FILE *mem = NULL;
    if (opt->trace) {
        s.trace = trace_new(NULL);
        trace_set_meta(s.trace, "file", path);
        char buf[64];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)opt->seed);
        trace_set_meta(s.trace, "seed", buf);
        trace_set_meta(s.trace, "strategy", sched_strategy_name(opt->strategy));
        mem = open_memstream(&s.obuf, &s.olen);
        s.real_out = out;
        vm.out = mem;
    }
    RaceCtx *race = NULL; /* s.race while tracking lives (it may stop: race.h) */
    if (opt->race || opt->trace) { /* race.h: detector and/or memory events */
        s.race = race = race_new(&vm, err, s.trace, opt->race);
        vm.mem_hook = 1;
    }
    Value entry;
    int status = comp_program(&vm, prog, src, err, &entry) != 0 ? 1 : 0;
    if (status == 0) {
        Goroutine *g = sched_spawn(&s, NULL, entry, NULL, 0);
        sched_g(g)->is_main = 1;
        s.main_g = g;
        /* Go hands goroutine ids out of a per-P cache; on one P main is
         * 1, the runtime's forcegchelper, bgsweep and bgscavenge take 2-4
         * before main.main runs, and the finalizer goroutine 5 when os is
         * linked: the program's goroutines count from 5, or 6. Its P has
         * counted 4 schedticks by then, 5 with the finalizer goroutine
         * (rr's 61-tick fairness check; measured with Go 1.19, GOMAXPROCS=1). */
        vm.next_gid = 5 + links_os(prog);
        s.rr_tick = 4 + (uint32_t)links_os(prog);
        run_loop(&s);
        if (steps_out) *steps_out = s.steps;
        flush_output(&s, s.main_g);
        fflush(vm.out);
        status = s.status;
        if (race) status = race_finish(race, status); /* Go's racefini: exit 66 */
        if (s.trace) {
            sched_emit(&s, (TraceEvent){.kind = TRACE_EV_RUN_END, .arg = status});
            trace_finish(s.trace);
        }
    }
    race_free(race);
    if (s.sch) sch_run_free(s.sch);
    if (s.pct_at) mem_free(s.pct_at, sizeof *s.pct_at * (size_t)s.pct_n);
    sched_free(&s);
    vm.sched = NULL;
    vm.mark_hook = NULL;
    vm_free(&vm);
    if (mem) {
        fclose(mem);
        free(s.obuf); /* open_memstream's buffer is malloc'd by libc */
    }
    if (s.trace) {
        if (trace_out && status != 1) *trace_out = s.trace;
        else trace_free(s.trace);
    }
    return status;
}
