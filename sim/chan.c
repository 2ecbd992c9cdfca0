/* chan: Go channels on the scheduler: buffered and unbuffered send and
 * receive, close, len/cap, nil channels, and select with a seeded uniform
 * choice among ready cases.
 *
 * Invariants (after runtime/chan.go):
 * - A channel is the VM's ChanObj (buffer, closed flag); its wait queues
 *   and trace object are a ChanWait hung on ChanObj.waiters.
 * - recvq has live waiters only while the buffer is empty; sendq only while
 *   it is full (for unbuffered: always "full"); closed => sendq empty.
 * - A parked receiver's results are written by the goroutine that completes
 *   its operation, then it is readied; a parked select is removed from every
 *   other queue it waits on before it is readied.
 * - Sent aggregates are copied at the send; the receiver owns the copy.
 */
#include <string.h>

#include "race.h"
#include "sched.h"
#include "schedule.h"

static const Value NILV = {{0}, NULL};

ChanWait *chan_wait(Sched *s, ChanObj *c) {
    if (c->waiters) return c->waiters;
    ChanWait *w = mem_alloc(sizeof *w);
    memset(w, 0, sizeof *w);
    VEC_PUSH(s->chans, w);
    w->ix = s->chans.len - 1;
    c->waiters = w;
    return w;
}

void chan_made(Vm *vm, Goroutine *g, ChanObj *c, const char *name, int64_t len) {
    Sched *s = vm->sched;
    ChanWait *w = chan_wait(s, c);
    if (s->trace) {
        Pos p = {0};
        if (g) p.line = sched_line(g);
        char nb[128] = "";
        if (name) snprintf(nb, sizeof nb, "%.*s", (int)(len < 127 ? len : 127), name);
        TraceObj o = trace_new_object(s->trace, s->steps, g && g->sched ? sched_g(g)->tobj : 0, TRACE_OBJ_CHAN, nb, p);
        trace_obj_set_chan(s->trace, o, c->t->elem ? c->t->elem->str : "?", c->cap);
        w->tobj = o;
    }
}

Value chan_new(Vm *vm, const RType *t, int64_t cap) {
    ChanObj *c = vm_chan_new(vm, t, cap);
    chan_made(vm, vm->sched->cur, c, NULL, 0);
    return (Value){{0}, &c->h};
}

/* ---- helpers ---- */

/* waits: chan_wait with the made-already case inlined (every operation). */
static inline ChanWait *waits(Sched *s, ChanObj *c) { return c->waiters ? c->waiters : chan_wait(s, c); }

/* pop: waitq_pop without the call when [q] is empty (the common case). */
static inline int pop(WaitQ *q, Waiter *w) { return q->len && waitq_pop(q, w); }

static Value copy_in(Vm *vm, const RType *et, Value v) {
    if (v.r && et && (et->kind == RK_STRUCT || et->kind == RK_ARRAY)) /* vm_is_agg, inlined */ return (Value){{0}, &vm_clone(vm, (AggObj *)v.r)->h};
    return v;
}

static Value zero_of(Vm *vm, const RType *et) { return et ? vm_zero(vm, et) : NILV; }

static Pos pos_of(Goroutine *g) {
    Pos p = {0};
    p.line = g ? sched_line(g) : 0;
    return p;
}

/* value_text: short_value past its inline int case */
static __attribute__((noinline)) uint32_t value_text(Sched *s, const RType *et, Value v) {
    switch (et->kind) {
    case RK_INT: case RK_INT8: case RK_INT16: case RK_INT32: case RK_INT64:
        return trace_intern_int(s->trace, v.i);
    case RK_UINT: case RK_UINT8: case RK_UINT16: case RK_UINT32: case RK_UINT64: case RK_UINTPTR: {
        char b[32];
        snprintf(b, sizeof b, "%llu", (unsigned long long)v.u);
        return trace_intern_cstr(s->trace, b);
    }
    case RK_BOOL: return trace_intern_cstr(s->trace, v.i ? "true" : "false");
    case RK_STRING: {
        int64_t n = vm_str_len(v);
        if (n > 24) n = 24;
        return trace_intern(s->trace, vm_str_data(v), (size_t)n);
    }
    case RK_FLOAT64: case RK_FLOAT32: {
        char b[32];
        snprintf(b, sizeof b, "%g", v.f);
        return trace_intern_cstr(s->trace, b);
    }
    default: {
        char b[40];
        vm_format_short(s->vm, et, v, b, sizeof b);
        return trace_intern_cstr(s->trace, b);
    }
    }
}

/* short_value: the value text of a channel event (a string id; an int's
 * costs nothing: trace_intern_int) */
static inline uint32_t short_value(Sched *s, const RType *et, Value v) {
    if (!s->trace || !et) return 0;
    if (et->kind == RK_INT) return trace_intern_int(s->trace, v.i);
    return value_text(s, et, v);
}

static TraceObj gobj(Goroutine *g) { return g && g->sched ? sched_g(g)->tobj : 0; }

/* unlink_select: remove select-parked [g] from every queue but case [keep]
 * and forget its cases. */
static void unlink_select(Sched *s, Goroutine *g, int keep) {
    SchedG *sg = sched_g(g);
    SelState *sel = sg->sel;
    for (int k = 0; k < sel->n; k++) {
        if (k == keep || !sel->c[k].c) continue;
        ChanWait *w = chan_wait(s, sel->c[k].c);
        waitq_remove(sel->c[k].dir ? &w->sendq : &w->recvq, g);
    }
    mem_free(sel, sizeof *sel + sizeof(SelCase) * (size_t)sel->n);
    sg->sel = NULL;
    sg->in_sel = 0;
}

/* deliver: complete the receive [w] is parked in with value [v] / [ok]. */
static void deliver(Sched *s, Waiter w, Value v, int ok) {
    Goroutine *r = w.g;
    SchedG *rg = sched_g(r);
    if (rg->in_sel) {
        unlink_select(s, r, w.ci);
        r->stack[rg->dst] = (Value){{.i = w.ci}, NULL};
        r->stack[rg->dst + 1] = v;
        r->stack[rg->dst + 2] = (Value){{.i = ok}, NULL};
    } else {
        r->stack[rg->dst] = v;
        if (rg->want_ok) r->stack[rg->dst + 1] = (Value){{.i = ok}, NULL};
    }
    sched_ready(s, r);
}

/* release_sender: the parked sender [w] has handed its value over. */
static void release_sender(Sched *s, Waiter w) {
    Goroutine *sd = w.g;
    SchedG *sg = sched_g(sd);
    if (sg->in_sel) {
        unlink_select(s, sd, w.ci);
        sd->stack[sg->dst] = (Value){{.i = w.ci}, NULL};
    }
    sg->val = NILV;
    sched_ready(s, sd);
}

static Value sender_value(Goroutine *sd, int ci) {
    SchedG *sg = sched_g(sd);
    if (sg->in_sel) return sd->stack[sg->sel->base + 2 * ci + 1];
    return sg->val;
}

/* try_send: complete a send of [v] on [c] now if possible: 1 done. */
GORO_HOT static int try_send(Sched *s, Goroutine *g, ChanObj *c, Value v) {
    ChanWait *cw = waits(s, c);
    Waiter w;
    if (pop(&cw->recvq, &w)) {
        if (s->trace) {
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = gobj(g), .obj = cw->tobj,
                                       .pos = pos_of(g), .value = short_value(s, c->t->elem, v), .arg = gobj(w.g)});
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = gobj(w.g), .obj = cw->tobj,
                                       .pos = pos_of(w.g), .value = short_value(s, c->t->elem, v), .arg = gobj(g)});
        }
        if (s->race) race_chan_handoff(s->race, c, g, w.g);
        deliver(s, w, v, 1);
        return 1;
    }
    if (c->len < c->cap) {
        c->buf[(c->head + c->len) % c->cap] = v;
        c->len++;
        if (s->race) race_chan_send(s->race, g, c);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_BUF, .g = gobj(g), .obj = cw->tobj,
                                       .pos = pos_of(g), .value = short_value(s, c->t->elem, v)});
        return 1;
    }
    return 0;
}

/* try_recv: complete a receive on [c] now if possible: 1 done, *v / *ok. */
GORO_HOT static int try_recv(Sched *s, Goroutine *g, ChanObj *c, Value *v, int *ok) {
    ChanWait *cw = waits(s, c);
    Waiter w;
    const RType *et = c->t->elem;
    if (c->len > 0) {
        *v = c->buf[c->head];
        c->buf[c->head] = NILV;
        c->head = (c->head + 1) % c->cap;
        c->len--;
        *ok = 1;
        if (s->race) race_chan_recv(s->race, g, c);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_BUF, .g = gobj(g), .obj = cw->tobj,
                                       .pos = pos_of(g), .value = short_value(s, et, *v)});
        if (pop(&cw->sendq, &w)) {
            Value sv = sender_value(w.g, w.ci);
            c->buf[(c->head + c->len) % c->cap] = sv;
            c->len++;
            if (s->race) race_chan_send(s->race, w.g, c); /* its send completes now */
            if (s->trace)
                sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_BUF, .g = gobj(w.g),
                                           .obj = cw->tobj, .pos = pos_of(w.g), .value = short_value(s, et, sv)});
            release_sender(s, w);
        }
        return 1;
    }
    if (pop(&cw->sendq, &w)) {
        *v = sender_value(w.g, w.ci);
        *ok = 1;
        if (s->race) race_chan_handoff(s->race, c, w.g, g);
        if (s->trace) {
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = gobj(w.g), .obj = cw->tobj,
                                       .pos = pos_of(w.g), .value = short_value(s, et, *v), .arg = gobj(g)});
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = gobj(g), .obj = cw->tobj,
                                       .pos = pos_of(g), .value = short_value(s, et, *v), .arg = gobj(w.g)});
        }
        release_sender(s, w);
        return 1;
    }
    if (c->closed) {
        vm_push_root(s->vm, &c->h);
        *v = zero_of(s->vm, et);
        vm_pop_roots(s->vm, 1);
        *ok = 0;
        if (s->race) race_chan_closed_recv(s->race, g, c);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_CLOSED, .g = gobj(g), .obj = cw->tobj,
                                       .pos = pos_of(g)});
        return 1;
    }
    return 0;
}

/* ---- operations ---- */

GORO_HOT int chan_send(Vm *vm, Goroutine *g, Value ch, Value v) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    ChanObj *c = (ChanObj *)ch.r;
    if (!c) {
        sched_park(s, g, TRACE_WAIT_CHAN_SEND_NIL, 0);
        return VM_BLOCKED;
    }
    if (s->race) race_chan_op(s->race, g, c, 0);
    if (c->closed) return vm_panic_plain(vm, g, "send on closed channel");
    v = copy_in(vm, c->t->elem, v);
    if (try_send(s, g, c, v)) return VM_OK;
    ChanWait *cw = waits(s, c);
    sg->val = v;
    waitq_push(&cw->sendq, g, -1);
    sched_park(s, g, TRACE_WAIT_CHAN_SEND, cw->tobj);
    return VM_BLOCKED;
}

GORO_HOT int chan_recv(Vm *vm, Goroutine *g, Value ch, int dst, int want_ok) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    ChanObj *c = (ChanObj *)ch.r;
    if (!c) {
        sched_park(s, g, TRACE_WAIT_CHAN_RECV_NIL, 0);
        return VM_BLOCKED;
    }
    Value v;
    int ok;
    if (try_recv(s, g, c, &v, &ok)) {
        g->stack[dst] = v;
        if (want_ok) g->stack[dst + 1] = (Value){{.i = ok}, NULL};
        return VM_OK;
    }
    ChanWait *cw = waits(s, c);
    sg->dst = dst;
    sg->want_ok = want_ok;
    waitq_push(&cw->recvq, g, -1);
    sched_park(s, g, TRACE_WAIT_CHAN_RECV, cw->tobj);
    return VM_BLOCKED;
}

/* retry: make parked [w] re-execute the instruction it blocked in (a sender
 * woken by close panics when it runs the send again). */
static void retry(Sched *s, Waiter w) {
    Goroutine *g = w.g;
    SchedG *sg = sched_g(g);
    if (sg->in_sel) unlink_select(s, g, w.ci);
    Frame *f = &g->frames[g->nframes - 1];
    f->pc--;
    if (VM_OP(*f->pc) == OP_EXTRA) f->pc--;
    sched_ready(s, g);
}

static void close_obj(Sched *s, Goroutine *g, ChanObj *c) {
    ChanWait *cw = waits(s, c);
    c->closed = 1;
    if (s->race) race_chan_close(s->race, g, c);
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_CLOSE, .g = gobj(g), .obj = cw->tobj, .pos = pos_of(g)});
    Waiter w;
    vm_push_root(s->vm, &c->h);
    sched_wake_begin(s); /* Go readies the gathered waiters last first */
    while (waitq_pop(&cw->recvq, &w)) {
        Value z = zero_of(s->vm, c->t->elem);
        if (s->race) race_chan_closed_recv(s->race, w.g, c);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_CLOSED, .g = gobj(w.g),
                                       .obj = cw->tobj, .pos = pos_of(w.g)});
        deliver(s, w, z, 0);
    }
    vm_pop_roots(s->vm, 1);
    while (waitq_pop(&cw->sendq, &w)) retry(s, w);
    sched_wake_end(s);
}

int chan_close(Vm *vm, Goroutine *g, Value ch) {
    ChanObj *c = (ChanObj *)ch.r;
    if (!c) return vm_panic_plain(vm, g, "close of nil channel");
    if (c->closed) return vm_panic_plain(vm, g, "close of closed channel");
    if (vm->sched->race) race_chan_op(vm->sched->race, g, c, 1);
    close_obj(vm->sched, g, c);
    return VM_OK;
}

void chan_close_rt(Sched *s, Value ch) {
    ChanObj *c = (ChanObj *)ch.r;
    if (c && !c->closed) close_obj(s, s->cur, c);
}

int chan_try_send(Sched *s, Value ch, Value v) {
    ChanObj *c = (ChanObj *)ch.r;
    if (!c || c->closed) return 0;
    return try_send(s, NULL, c, v);
}

int chan_select(Vm *vm, Goroutine *g, int res, int base, int ncases, int has_default, uint32_t sends) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    int ready[32];
    int nready = 0;
    for (int k = 0; k < ncases && k < 32; k++) {
        ChanObj *c = (ChanObj *)g->stack[base + 2 * k].r;
        if (!c) continue;
        ChanWait *cw = waits(s, c);
        int dir = (int)(sends >> k) & 1;
        int ok = dir ? (c->closed || cw->recvq.live > 0 || c->len < c->cap)
                     : (c->len > 0 || cw->sendq.live > 0 || c->closed);
        if (ok) ready[nready++] = k;
    }
    int chosen = -1;
    if (nready) chosen = ready[nready == 1 ? 0 : prng_below(&vm->prng, (uint64_t)nready)];
    if (s->sch && nready) chosen = sch_select(s->sch, g, ready, nready, chosen); /* schedule.h */
    if (chosen >= 0) {
        ChanObj *c = (ChanObj *)g->stack[base + 2 * chosen].r;
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_SELECT, .g = gobj(g), .obj = waits(s, c)->tobj,
                                       .pos = pos_of(g), .arg = chosen});
        if ((sends >> chosen) & 1) {
            if (s->race) race_chan_op(s->race, g, c, 0);
            if (c->closed) return vm_panic_plain(vm, g, "send on closed channel");
            Value v = copy_in(vm, c->t->elem, g->stack[base + 2 * chosen + 1]);
            int done = try_send(s, g, c, v);
            GORO_ASSERT(done);
        } else {
            Value v;
            int ok = 0;
            int done = try_recv(s, g, c, &v, &ok);
            GORO_ASSERT(done);
            g->stack[res + 1] = v;
            g->stack[res + 2] = (Value){{.i = ok}, NULL};
        }
        g->stack[res] = (Value){{.i = chosen}, NULL};
        return VM_OK;
    }
    if (has_default) {
        if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_SELECT, .g = gobj(g), .pos = pos_of(g), .arg = -1});
        g->stack[res] = (Value){{.i = -1}, NULL};
        return VM_OK;
    }
    /* park on every non-nil case */
    int live = 0;
    for (int k = 0; k < ncases; k++)
        if (g->stack[base + 2 * k].r) live++;
    if (!live) {
        sched_park(s, g, ncases ? TRACE_WAIT_SELECT : TRACE_WAIT_SELECT_NO_CASES, 0);
        return VM_BLOCKED;
    }
    sg->sel = mem_alloc(sizeof(SelState) + sizeof(SelCase) * (size_t)ncases);
    sg->sel->n = ncases;
    sg->sel->base = base;
    sg->in_sel = 1;
    sg->dst = res;
    TraceObj only = 0;
    for (int k = 0; k < ncases; k++) {
        ChanObj *c = (ChanObj *)g->stack[base + 2 * k].r;
        int dir = (int)(sends >> k) & 1;
        sg->sel->c[k] = (SelCase){c, dir};
        if (!c) continue;
        if (dir) g->stack[base + 2 * k + 1] = copy_in(vm, c->t->elem, g->stack[base + 2 * k + 1]);
        ChanWait *cw = waits(s, c);
        waitq_push(dir ? &cw->sendq : &cw->recvq, g, k);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_SELECT_CASE, .aux = dir ? TRACE_CH_SEND_DIR : TRACE_CH_RECV_DIR,
                                       .g = gobj(g), .obj = cw->tobj, .pos = pos_of(g), .arg = k});
        if (live == 1) only = cw->tobj;
    }
    sched_park(s, g, TRACE_WAIT_SELECT, only);
    return VM_BLOCKED;
}
