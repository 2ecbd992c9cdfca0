/* chan: Go channels on the scheduler: buffered and unbuffered send and
 * receive, close, len/cap, nil channels, and select with a seeded uniform
 * choice among ready cases.
 *
 * Invariants (after runtime/chan.go):
 * - A channel value is an AggObj of one slot typed with the channel type;
 *   slot 0 holds the handle of its ChanState in Sched.chans.
 * - recvq has live waiters only while the buffer is empty; sendq only while
 *   it is full (for unbuffered: always "full"); closed => sendq empty.
 * - A parked receiver's results are written by the goroutine that completes
 *   its operation, then it is readied; a parked select is removed from every
 *   other queue it waits on before it is readied.
 * - Sent aggregates are copied at the send; the receiver owns the copy.
 */
#include <string.h>

#include "sched.h"

static const Value NILV = {{0}, NULL};

ChanState *chan_state(Sched *s, Value ch) {
    if (!ch.r) return NULL;
    return &s->chans.items[((AggObj *)ch.r)->v[0].i];
}

int64_t chan_len(Vm *vm, Value ch, int which) {
    if (!ch.r || !vm->sched) return 0;
    ChanState *c = &vm->sched->chans.items[((AggObj *)ch.r)->v[0].i];
    return which ? c->cap : c->count;
}

static int handle_of(Value ch) { return (int)(((AggObj *)ch.r)->v[0].i & 0xffffff); }

static ChanState *st_of(Sched *s, Value ch) { return &s->chans.items[handle_of(ch)]; }

Value chan_new(Vm *vm, const RType *t, int64_t cap) {
    Sched *s = vm->sched;
    ChanState c;
    memset(&c, 0, sizeof c);
    c.t = t;
    c.cap = cap;
    c.buf = mem_alloc(sizeof(Value) * (size_t)(cap ? cap : 1));
    memset(c.buf, 0, sizeof(Value) * (size_t)(cap ? cap : 1));
    int h = s->chans.len;
    VEC_PUSH(s->chans, c);
    AggObj *a = vm_new_agg(vm, t, 1);
    a->v[0].i = h;
    if (s->trace) {
        Goroutine *g = s->cur;
        Pos p = {0};
        if (g) p.line = sched_line(g);
        TraceObj o = trace_new_object(s->trace, s->steps, g ? sched_g(g)->tobj : 0, TRACE_OBJ_CHAN, NULL, p);
        trace_obj_set_chan(s->trace, o, t->elem ? t->elem->str : "?", cap);
        s->chans.items[h].tobj = o;
    }
    return (Value){{0}, &a->h};
}

int chan_make(Vm *vm, Goroutine *g, const RType *t, Value size, int dst) {
    if (!vm->sched) return vm_panic_plain(vm, g, "channels need the scheduler");
    if (size.i < 0) return vm_panic_runtime(vm, g, "makechan: size out of range");
    Value v = chan_new(vm, t, size.i);
    g->stack[g->frames[g->nframes - 1].base + dst] = v;
    return VM_OK;
}

/* ---- helpers ---- */

static Value copy_in(Vm *vm, const RType *et, Value v) {
    if (et && vm_is_agg(et) && v.r) return (Value){{0}, &vm_clone(vm, (AggObj *)v.r)->h};
    return v;
}

static Value zero_of(Vm *vm, const RType *et) { return et ? vm_zero(vm, et) : NILV; }

static Pos pos_of(Goroutine *g) {
    Pos p = {0};
    p.line = g ? sched_line(g) : 0;
    return p;
}

static uint32_t short_value(Sched *s, const RType *et, Value v) {
    if (!s->trace || !et) return 0;
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
    default: return trace_intern_cstr(s->trace, et->kind == RK_STRUCT ? "{...}" : et->str);
    }
}

static TraceObj gobj(Goroutine *g) { return g && g->sched ? sched_g(g)->tobj : 0; }

/* deliver: complete the receive [w] is parked in with value [v] / [ok]. */
static void deliver(Sched *s, Waiter w, Value v, int ok) {
    Goroutine *r = w.g;
    SchedG *rg = sched_g(r);
    if (rg->sel_n) {
        SelCase *cs = rg->sel;
        int n = rg->sel_n;
        for (int k = 0; k < n; k++) {
            if (k == w.ci || cs[k].ch < 0) continue;
            ChanState *c = &s->chans.items[cs[k].ch];
            waitq_remove(cs[k].dir ? &c->sendq : &c->recvq, r);
        }
        int slot = rg->sel_base + 3 * w.ci;
        r->stack[slot + 1] = v;
        r->stack[slot + 2] = (Value){{.i = ok}, NULL};
        r->stack[rg->dst] = (Value){{.i = w.ci}, NULL};
        mem_free(rg->sel, sizeof(SelCase) * (size_t)n);
        rg->sel = NULL;
        rg->sel_n = 0;
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
    if (sg->sel_n) {
        SelCase *cs = sg->sel;
        int n = sg->sel_n;
        for (int k = 0; k < n; k++) {
            if (k == w.ci || cs[k].ch < 0) continue;
            ChanState *c = &s->chans.items[cs[k].ch];
            waitq_remove(cs[k].dir ? &c->sendq : &c->recvq, sd);
        }
        sd->stack[sg->dst] = (Value){{.i = w.ci}, NULL};
        mem_free(sg->sel, sizeof(SelCase) * (size_t)n);
        sg->sel = NULL;
        sg->sel_n = 0;
    }
    sg->val = NILV;
    sched_ready(s, sd);
}

static Value sender_value(Goroutine *sd, int ci) {
    SchedG *sg = sched_g(sd);
    if (sg->sel_n) return sd->stack[sg->sel_base + 3 * ci + 1];
    return sg->val;
}

/* try_send: complete a send of [v] on [c] now if possible: 1 done. */
static int try_send(Sched *s, Goroutine *g, ChanState *c, Value v) {
    Waiter w;
    if (waitq_pop(&c->recvq, &w)) {
        if (s->trace) {
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = gobj(g), .obj = c->tobj,
                                       .pos = pos_of(g), .value = short_value(s, c->t->elem, v), .arg = w.g->id});
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = gobj(w.g), .obj = c->tobj,
                                       .pos = pos_of(w.g), .value = short_value(s, c->t->elem, v), .arg = g ? g->id : 0});
        }
        deliver(s, w, v, 1);
        return 1;
    }
    if (c->count < c->cap) {
        c->buf[(c->head + c->count) % c->cap] = v;
        c->count++;
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_BUF, .g = gobj(g), .obj = c->tobj,
                                       .pos = pos_of(g), .value = short_value(s, c->t->elem, v)});
        return 1;
    }
    return 0;
}

/* try_recv: complete a receive on [c] now if possible: 1 done, *v / *ok. */
static int try_recv(Sched *s, Goroutine *g, ChanState *c, Value *v, int *ok) {
    Waiter w;
    const RType *et = c->t->elem;
    if (c->count > 0) {
        *v = c->buf[c->head];
        c->buf[c->head] = NILV;
        c->head = (c->head + 1) % c->cap;
        c->count--;
        *ok = 1;
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_BUF, .g = gobj(g), .obj = c->tobj,
                                       .pos = pos_of(g), .value = short_value(s, et, *v)});
        if (waitq_pop(&c->sendq, &w)) {
            Value sv = sender_value(w.g, w.ci);
            c->buf[(c->head + c->count) % c->cap] = sv;
            c->count++;
            if (s->trace)
                sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_BUF, .g = gobj(w.g),
                                           .obj = c->tobj, .pos = pos_of(w.g), .value = short_value(s, et, sv)});
            release_sender(s, w);
        }
        return 1;
    }
    if (waitq_pop(&c->sendq, &w)) {
        *v = sender_value(w.g, w.ci);
        *ok = 1;
        if (s->trace) {
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_SEND, .aux = TRACE_CH_SYNC, .g = gobj(w.g), .obj = c->tobj,
                                       .pos = pos_of(w.g), .value = short_value(s, et, *v), .arg = g ? g->id : 0});
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_SYNC, .g = gobj(g), .obj = c->tobj,
                                       .pos = pos_of(g), .value = short_value(s, et, *v), .arg = w.g->id});
        }
        release_sender(s, w);
        return 1;
    }
    if (c->closed) {
        *v = zero_of(s->vm, et);
        *ok = 0;
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_CLOSED, .g = gobj(g), .obj = c->tobj,
                                       .pos = pos_of(g)});
        return 1;
    }
    return 0;
}

/* ---- operations ---- */

int chan_send(Vm *vm, Goroutine *g, Value ch, Value v) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    if (!ch.r) {
        sched_park(s, g, TRACE_WAIT_CHAN_SEND_NIL, 0);
        return VM_BLOCKED;
    }
    ChanState *c = st_of(s, ch);
    if (c->closed) return vm_panic_plain(vm, g, "send on closed channel");
    v = copy_in(vm, c->t->elem, v);
    c = st_of(s, ch);
    if (try_send(s, g, c, v)) return VM_OK;
    sg->val = v;
    waitq_push(&c->sendq, g, -1);
    sched_park(s, g, TRACE_WAIT_CHAN_SEND, c->tobj);
    return VM_BLOCKED;
}

int chan_recv(Vm *vm, Goroutine *g, Value ch, int dst, int want_ok) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    if (!ch.r) {
        sched_park(s, g, TRACE_WAIT_CHAN_RECV_NIL, 0);
        return VM_BLOCKED;
    }
    ChanState *c = st_of(s, ch);
    Value v;
    int ok;
    if (try_recv(s, g, c, &v, &ok)) {
        g->stack[dst] = v;
        if (want_ok) g->stack[dst + 1] = (Value){{.i = ok}, NULL};
        return VM_OK;
    }
    sg->dst = dst;
    sg->want_ok = want_ok;
    waitq_push(&c->recvq, g, -1);
    sched_park(s, g, TRACE_WAIT_CHAN_RECV, c->tobj);
    return VM_BLOCKED;
}

/* retry: make parked [w] re-execute the instruction it blocked in (a sender
 * woken by close panics when it runs the send again). */
static void retry(Sched *s, Waiter w) {
    Goroutine *g = w.g;
    SchedG *sg = sched_g(g);
    if (sg->sel_n) {
        for (int k = 0; k < sg->sel_n; k++) {
            if (k == w.ci || sg->sel[k].ch < 0) continue;
            ChanState *c = &s->chans.items[sg->sel[k].ch];
            waitq_remove(sg->sel[k].dir ? &c->sendq : &c->recvq, g);
        }
        mem_free(sg->sel, sizeof(SelCase) * (size_t)sg->sel_n);
        sg->sel = NULL;
        sg->sel_n = 0;
    }
    g->frames[g->nframes - 1].pc--;
    sched_ready(s, g);
}

static void close_state(Sched *s, Goroutine *g, ChanState *c) {
    c->closed = 1;
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_CLOSE, .g = gobj(g), .obj = c->tobj, .pos = pos_of(g)});
    Waiter w;
    int h = (int)(c - s->chans.items);
    while (waitq_pop(&s->chans.items[h].recvq, &w)) {
        c = &s->chans.items[h];
        Value z = zero_of(s->vm, c->t->elem);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_CHAN_RECV, .aux = TRACE_CH_CLOSED, .g = gobj(w.g),
                                       .obj = c->tobj, .pos = pos_of(w.g)});
        deliver(s, w, z, 0);
    }
    while (waitq_pop(&s->chans.items[h].sendq, &w)) retry(s, w);
}

int chan_close(Vm *vm, Goroutine *g, Value ch) {
    Sched *s = vm->sched;
    if (!ch.r) return vm_panic_plain(vm, g, "close of nil channel");
    ChanState *c = st_of(s, ch);
    if (c->closed) return vm_panic_plain(vm, g, "close of closed channel");
    close_state(s, g, c);
    return VM_OK;
}

void chan_close_rt(Sched *s, Value ch) {
    if (!ch.r) return;
    ChanState *c = st_of(s, ch);
    if (!c->closed) close_state(s, s->cur, c);
}

int chan_try_send(Sched *s, Value ch, Value v) {
    ChanState *c = st_of(s, ch);
    if (c->closed) return 0;
    return try_send(s, NULL, c, v);
}

int chan_select(Vm *vm, Goroutine *g, int res, int ncases, int base, int has_default) {
    Sched *s = vm->sched;
    SchedG *sg = sched_g(g);
    int ready[64], *rd = ready;
    if (ncases > 64) rd = mem_alloc(sizeof(int) * (size_t)ncases);
    int nready = 0;
    for (int k = 0; k < ncases; k++) {
        Value ch = g->stack[base + 3 * k];
        if (!ch.r) continue;
        ChanState *c = st_of(s, ch);
        int dir = (int)g->stack[base + 3 * k + 2].i;
        int ok = dir ? (c->closed || c->recvq.live > 0 || c->count < c->cap)
                     : (c->count > 0 || c->sendq.live > 0 || c->closed);
        if (ok) rd[nready++] = k;
    }
    int chosen = -1;
    if (nready) chosen = rd[nready == 1 ? 0 : prng_below(&vm->prng, (uint64_t)nready)];
    if (rd != ready) mem_free(rd, sizeof(int) * (size_t)ncases);
    if (chosen >= 0) {
        Value ch = g->stack[base + 3 * chosen];
        ChanState *c = st_of(s, ch);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_SELECT, .g = gobj(g), .obj = c->tobj, .pos = pos_of(g), .arg = chosen});
        if (g->stack[base + 3 * chosen + 2].i) {
            if (c->closed) return vm_panic_plain(vm, g, "send on closed channel");
            Value v = copy_in(vm, c->t->elem, g->stack[base + 3 * chosen + 1]);
            c = st_of(s, ch);
            int done = try_send(s, g, c, v);
            GORO_ASSERT(done);
        } else {
            Value v;
            int ok = 0;
            int done = try_recv(s, g, c, &v, &ok);
            GORO_ASSERT(done);
            g->stack[base + 3 * chosen + 1] = v;
            g->stack[base + 3 * chosen + 2] = (Value){{.i = ok}, NULL};
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
        if (g->stack[base + 3 * k].r) live++;
    if (!live) {
        sched_park(s, g, ncases ? TRACE_WAIT_SELECT : TRACE_WAIT_SELECT_NO_CASES, 0);
        return VM_BLOCKED;
    }
    sg->sel_n = ncases;
    sg->sel = mem_alloc(sizeof(SelCase) * (size_t)ncases);
    sg->sel_base = base;
    sg->dst = res;
    TraceObj only = 0;
    for (int k = 0; k < ncases; k++) {
        Value ch = g->stack[base + 3 * k];
        int dir = (int)g->stack[base + 3 * k + 2].i;
        sg->sel[k] = (SelCase){ch.r ? handle_of(ch) : -1, dir};
        if (!ch.r) continue;
        ChanState *c = st_of(s, ch);
        if (dir) {
            /* the value offered: copied now, kept in its register */
            g->stack[base + 3 * k + 1] = copy_in(vm, c->t->elem, g->stack[base + 3 * k + 1]);
            c = st_of(s, ch);
        }
        waitq_push(dir ? &c->sendq : &c->recvq, g, k);
        if (s->trace)
            sched_emit(s, (TraceEvent){.kind = TRACE_EV_SELECT_CASE, .aux = dir ? TRACE_CH_SEND_DIR : TRACE_CH_RECV_DIR,
                                       .g = gobj(g), .obj = c->tobj, .pos = pos_of(g), .arg = k});
        only = live == 1 ? c->tobj : 0;
    }
    sched_park(s, g, TRACE_WAIT_SELECT, only);
    return VM_BLOCKED;
}
