/* vm_context: the context package on the scheduler: Background, TODO,
 * WithCancel, WithTimeout, WithDeadline, WithValue; Done, Err, Value,
 * Deadline; cancellation propagating to children; deadlines as timers on
 * the virtual clock.
 *
 * Invariants:
 * - A context value is an interface holding *context.ctxImpl, a struct
 *   whose slot 0 is its CtxState's gen << 32 | handle + 1; its cancel
 *   func is a closure holding that struct.
 * - A CtxState lives while it has refs (CtxState.refs): its ctxImpl (the
 *   sweep's free hook drops it), each child (its parent pointer), its
 *   registration in its parent's children (until it or the parent is
 *   cancelled, as Go's removeChild), its armed deadline timer. At 0 it is
 *   freed, its parent unref'd, and its handle reused under the next
 *   generation. (A child never cancelled and its cancelable parent hold
 *   each other, as in Go, where the parent's children map holds it: the
 *   leak `go vet` calls lostcancel.)
 * - err only goes from 0 to 1 (canceled) or 2 (deadline) once; when it
 *   does, the Done channel (if made) is closed and every child is
 *   cancelled with the same error.
 * - context.Canceled / DeadlineExceeded are two pinned error values made
 *   per run, so `err == context.Canceled` compares identities as in Go.
 */
#include <stdlib.h>
#include <string.h>

#include "race.h"
#include "sched.h"
#include "vm_native.h"

#define I(x) ((Value){{.i = (x)}, NULL})
static const Value NILV = {{0}, NULL};

static void ensure_errors(Vm *vm) {
    Sched *s = vm->sched;
    if (s->ctx_canceled.r) return;
    Value m = vm_str(vm, "context canceled", 16);
    s->ctx_canceled = vm_native_error(vm, m);
    vm_pin(vm, s->ctx_canceled.r);
    m = vm_str(vm, "context deadline exceeded", 25);
    s->ctx_deadline = vm_native_error(vm, m);
    vm_pin(vm, s->ctx_deadline.r);
}

int sched_pkg_var(Vm *vm, const char *pkg, const char *name, Value *out) {
    if (vm->sched && !strcmp(pkg, "io") && !strcmp(name, "EOF")) {
        *out = http_io_eof(vm);
        return 0;
    }
    if (!vm->sched || strcmp(pkg, "context") != 0) return -1;
    ensure_errors(vm);
    if (!strcmp(name, "Canceled")) *out = vm->sched->ctx_canceled;
    else if (!strcmp(name, "DeadlineExceeded")) *out = vm->sched->ctx_deadline;
    else return -1;
    return 0;
}

/* ---- the runtime type *context.ctxImpl ---- */

static int m_deadline(Vm *vm, Goroutine *g, Value *a, int n, Value *res);
static int m_done(Vm *vm, Goroutine *g, Value *a, int n, Value *res);
static int m_err(Vm *vm, Goroutine *g, Value *a, int n, Value *res);
static int m_value(Vm *vm, Goroutine *g, Value *a, int n, Value *res);
static int m_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res);

static int cmp_method(const void *x, const void *y) {
    const RMethod *a = x, *b = y;
    return (a->name_id > b->name_id) - (a->name_id < b->name_id);
}

static const RType *ctx_type(Vm *vm) {
    Sched *s = vm->sched;
    if (s->t_ctx) return s->t_ctx;
    RType *st = vm_type_new(vm, RK_STRUCT, "context.ctxImpl");
    st->named = 1;
    st->nfields = 1;
    st->fields = arena_alloc(&vm->arena, sizeof(RField));
    st->fields[0] = (RField){"h", vm->t_int, 0};
    st->size = 8;
    RType *pt = vm_type_new(vm, RK_PTR, "*context.ctxImpl");
    pt->elem = st;
    pt->size = 8;
    static const struct { const char *name; VmNative fn; int np, nr; } ms[] = {
        {"Deadline", m_deadline, 1, 2}, {"Done", m_done, 1, 1}, {"Err", m_err, 1, 1},
        {"String", m_string, 1, 1},     {"Value", m_value, 2, 1}};
    int nm = (int)(sizeof ms / sizeof *ms);
    pt->methods = arena_alloc(&vm->arena, sizeof(RMethod) * (size_t)nm);
    pt->nmethods = nm;
    for (int i = 0; i < nm; i++) {
        char qn[64];
        snprintf(qn, sizeof qn, "context.(*ctxImpl).%s", ms[i].name);
        Proto *p = vm_native_proto(vm, qn, ms[i].fn, ms[i].np, ms[i].nr);
        ClosureObj *c = vm_closure(vm, p, 0);
        vm_pin(vm, &c->h);
        pt->methods[i] = (RMethod){vm_intern(vm, ms[i].name), &c->h, 0};
    }
    qsort(pt->methods, (size_t)nm, sizeof(RMethod), cmp_method);
    s->t_ctx_struct = st;
    s->t_ctx = pt;
    return pt;
}

/* recv_h: the handle of context [recv] (its *ctxImpl), -1 if nil. */
static int recv_h(Value recv) { return recv.r ? (int)(uint32_t)((AggObj *)recv.r)->v[0].i - 1 : -1; }

/* ctx_h: the handle of context interface value [v], -1 if not ours. */
static int ctx_h(Vm *vm, Value v) {
    BoxObj *b = (BoxObj *)v.r;
    if (!b || b->t != vm->sched->t_ctx || !b->v.r) return -1;
    return recv_h(b->v);
}

/* CTX_KEY: context [h]'s race key, with its generation (a reused handle
 * starts with no clocks) */
#define CTX_KEY(s, h) RACE_KEY_CTX(HANDLE_ID((s)->ctxs, (h)))

static void ctx_release(Sched *s, int h);

/* part_name: "<context [h]'s name><suffix>" into [buf] ("ctx.Done()",
 * "ctx deadline"), its length; 0 if the context has no source name (none,
 * or one the runtime numbers: "context.Background#") */
static int part_name(const Sched *s, int h, const char *suffix, char *buf, size_t n) {
    const char *cn = s->ctxs.items[h].name;
    if (!cn || !*cn || cn[strlen(cn) - 1] == '#') return 0;
    int l = snprintf(buf, n, "%s%s", cn, suffix);
    return l < (int)n ? l : (int)n - 1;
}

/* ctx_unref: drop one of [h]'s refs, freeing it at the last */
static void ctx_unref(Sched *s, int h) {
    GORO_ASSERT(s->ctxs.items[h].refs > 0);
    if (--s->ctxs.items[h].refs == 0) ctx_release(s, h);
}

static void ctx_release(Sched *s, int h) {
    CtxState *c = &s->ctxs.items[h];
    GORO_ASSERT(c->timer < 0 && c->children.len == 0);
    int parent = c->parent;
    VEC_FREE(c->children);
    HANDLE_FREE(s->ctxs, s->ctx_free, h);
    if (parent >= 0) ctx_unref(s, parent);
}

void sched_ctx_freed(Vm *vm, AggObj *a) {
    int h = recv_h((Value){{0}, &a->h});
    if (h >= 0) ctx_unref(vm->sched, h);
}

/* stop_deadline: [h]'s deadline timer goes (it fired or is no longer
 * wanted), with its ref */
static void stop_deadline(Sched *s, int h) {
    int t = s->ctxs.items[h].timer;
    if (t < 0) return;
    s->ctxs.items[h].timer = -1;
    timer_free(s, t);
    ctx_unref(s, h);
}

/* new_ctx: a new context under [parent] (-1: [root], Background or TODO),
 * its handle in *[h_out] */
static Value new_ctx(Vm *vm, Goroutine *g, int parent, int root, int *h_out) {
    Sched *s = vm->sched;
    const RType *pt = ctx_type(vm);
    CtxState c;
    memset(&c, 0, sizeof c);
    c.parent = parent;
    c.done_ch = -1;
    c.timer = -1;
    c.root = root;
    c.refs = 1; /* its ctxImpl, made below */
    if (parent >= 0) {
        c.deadline = s->ctxs.items[parent].deadline;
        c.has_deadline = s->ctxs.items[parent].has_deadline;
    }
    if (s->trace) {
        Pos p = {0};
        p.line = g ? sched_line(g) : 0;
        /* named after its variable ("ctx"), a root after its function */
        c.name = sched_call_name(g, NULL);
        if (!c.name && root) c.name = root == 1 ? "context.Background#" : "context.TODO#";
        c.tobj = trace_new_object(s->trace, s->steps, g && g->sched ? sched_g(g)->tobj : 0, TRACE_OBJ_CONTEXT, c.name, p);
        if (parent >= 0) trace_obj_set_link(s->trace, c.tobj, s->ctxs.items[parent].tobj);
    }
    int h;
    HANDLE_NEW(s->ctxs, s->ctx_free, c, h);
    if (parent >= 0) {
        s->ctxs.items[parent].refs++; /* the child's parent pointer */
        /* registered: cancelled with the parent, unless that is a root,
         * which never is, or already cancelled, which is once for all */
        if (!s->ctxs.items[parent].root && !s->ctxs.items[parent].err) {
            VEC_PUSH(s->ctxs.items[parent].children, h);
            s->ctxs.items[h].refs++;
        }
    }
    AggObj *a = vm_new_agg(vm, pt->elem, 1);
    a->v[0].i = HANDLE_VALUE(s->ctxs, h);
    a->h.aux = 1; /* Vm.free_hook: sched_ctx_freed */
    vm_push_root(vm, &a->h);
    Value v = vm_box(vm, pt, (Value){{0}, &a->h});
    vm_pop_roots(vm, 1);
    *h_out = h;
    return v;
}

/* cancel: ctx_cancel's work; [direct]: not through its parent (it
 * leaves the parent's children) */
static void cancel(Sched *s, int h, int err, int direct) {
    CtxState *c = &s->ctxs.items[h];
    if (c->err) return;
    c->err = err;
    c->refs++; /* held while it works: unrefs below may drop the others */
    if (s->race) race_release(s->race, s->cur, CTX_KEY(s, h)); /* cancel -> Err, Done */
    if (s->trace)
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_CTX_CANCEL, .obj = c->tobj,
                                   .value = trace_intern_cstr(s->trace, err == 1 ? "context canceled" : "context deadline exceeded")});
    stop_deadline(s, h);
    if (s->ctxs.items[h].done.r) chan_close_rt(s, s->ctxs.items[h].done);
    for (int i = 0; i < s->ctxs.items[h].children.len; i++) cancel(s, s->ctxs.items[h].children.items[i], err, 0);
    /* the children leave (Go's parent drops its children map) */
    for (int i = 0; i < s->ctxs.items[h].children.len; i++) ctx_unref(s, s->ctxs.items[h].children.items[i]);
    s->ctxs.items[h].children.len = 0;
    int p = s->ctxs.items[h].parent;
    if (direct && p >= 0) { /* Go's removeChild (in order: later cancels stay in order) */
        CtxState *pc = &s->ctxs.items[p];
        for (int i = 0; i < pc->children.len; i++)
            if (pc->children.items[i] == h) {
                memmove(&pc->children.items[i], &pc->children.items[i + 1],
                        sizeof(int) * (size_t)(pc->children.len - i - 1));
                pc->children.len--;
                ctx_unref(s, h);
                break;
            }
    }
    ctx_unref(s, h);
}

void ctx_cancel(Sched *s, int h, int err) { cancel(s, h, err, 1); }

/* ---- methods ---- */

static const RType *done_type(Vm *vm) {
    Sched *s = vm->sched;
    if (!s->t_chan_struct) {
        const RType *e = sched_find_type(vm, "struct {}", RK_STRUCT, NULL);
        s->t_chan_struct = sched_find_type(vm, "<-chan struct {}", RK_CHAN, e);
    }
    return s->t_chan_struct;
}

static int m_done(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = recv_h(a[0]);
    if (h < 0 || s->ctxs.items[h].root) {
        res[0] = NILV;
        return VM_OK;
    }
    if (!s->ctxs.items[h].done.r) {
        ChanObj *co = vm_chan_new(vm, done_type(vm), 0);
        char nb[128];
        int nl = part_name(s, h, ".Done()", nb, sizeof nb);
        chan_made(vm, g, co, nl ? nb : NULL, nl);
        Value ch = {{0}, &co->h};
        s->ctxs.items[h].done = ch;
        if (s->ctxs.items[h].err) {
            if (s->race) race_acquire(s->race, g, CTX_KEY(s, h)); /* the close carries the cancel */
            chan_close_rt(s, ch);
        }
    }
    res[0] = s->ctxs.items[h].done;
    return VM_OK;
}

static int m_err(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = recv_h(a[0]);
    ensure_errors(vm);
    int e = h >= 0 ? s->ctxs.items[h].err : 0;
    if (e && s->race) race_acquire(s->race, g, CTX_KEY(s, h));
    res[0] = e == 1 ? s->ctx_canceled : e == 2 ? s->ctx_deadline : NILV;
    return sched_point(vm, g, res, 1);
}

static int m_deadline(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = recv_h(a[0]);
    int has = h >= 0 && s->ctxs.items[h].has_deadline;
    int64_t d = has ? s->ctxs.items[h].deadline : 0;
    Value t = time_value(vm, d);
    if (!has) ((AggObj *)t.r)->v[0].i = 0;
    res[0] = t;
    res[1] = I(has);
    return VM_OK;
}

static int keys_equal(Value a, Value b) {
    if (a.r == b.r && a.i == b.i) return 1;
    BoxObj *x = (BoxObj *)a.r, *y = (BoxObj *)b.r;
    if (!x || !y || x->t != y->t) return 0;
    const RType *bad = NULL;
    return vm_equal(x->t, x->v, y->v, &bad);
}

static int m_value(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    for (int h = recv_h(a[0]); h >= 0; h = s->ctxs.items[h].parent) {
        CtxState *c = &s->ctxs.items[h];
        if (c->has_value && keys_equal(c->key, a[1])) {
            res[0] = c->val;
            return VM_OK;
        }
    }
    res[0] = NILV;
    return VM_OK;
}

static int m_string(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = recv_h(a[0]);
    const char *t = h >= 0 && s->ctxs.items[h].root == 1 ? "context.Background"
                    : h >= 0 && s->ctxs.items[h].root == 2 ? "context.TODO"
                                                           : "context.WithCancel";
    res[0] = vm_str(vm, t, (int64_t)strlen(t));
    return VM_OK;
}

/* ---- constructors ---- */

static int c_background(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h;
    res[0] = new_ctx(vm, g, -1, 1, &h);
    return VM_OK;
}
static int c_todo(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h;
    res[0] = new_ctx(vm, g, -1, 2, &h);
    return VM_OK;
}

/* native_cancel: the cancel func's body: a[0] is the context's ctxImpl */
static int native_cancel(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    ctx_cancel(vm->sched, recv_h(a[0]), 1);
    return sched_point(vm, g, res, 0);
}

/* cancel_func: a Go closure `func()` that cancels context [ctx] (bytecode
 * calling the native with the captured ctxImpl, so `defer cancel()` works
 * like any Go function value, and the context lives while it can be
 * cancelled). */
static Value cancel_func(Vm *vm, Value ctx) {
    Sched *s = vm->sched;
    if (!s->cancel_proto) {
        Proto *np = vm_native_proto(vm, "context.(*cancelCtx).cancel", native_cancel, 1, 0);
        ClosureObj *nc = vm_closure(vm, np, 0);
        vm_pin(vm, &nc->h);
        Proto *p = vm_proto_new(vm, "context.WithCancel.func1");
        p->k = mem_alloc(sizeof(Value));
        p->k[0] = (Value){{0}, &nc->h};
        p->nk = 1;
        p->ncode = 4;
        p->code = mem_alloc(sizeof(Instr) * 4);
        p->lines = mem_alloc(sizeof(int) * 4);
        p->code[0] = VM_MKX(OP_LOADK, 0, 0);
        p->code[1] = VM_MK(OP_GETU, 1, 0, 0, 0);
        p->code[2] = VM_MK(OP_CALL, 0, 1, 0, 0);
        p->code[3] = VM_MK(OP_RET, 0, 0, 0, 0);
        for (int i = 0; i < 4; i++) p->lines[i] = 0;
        p->nregs = 4;
        p->nupvals = 1;
        p->upvals = arena_alloc(&vm->arena, sizeof(UpvalDesc));
        p->upvals[0] = (UpvalDesc){0, 0};
        s->cancel_proto = p;
    }
    ClosureObj *c = vm_closure(vm, s->cancel_proto, 1);
    c->up[0] = ((BoxObj *)ctx.r)->v;
    return (Value){{0}, &c->h};
}

static int with_deadline_at(Vm *vm, Goroutine *g, Value parent, int64_t when, Value *res, int has) {
    Sched *s = vm->sched;
    int ph = ctx_h(vm, parent), h;
    Value ctx = new_ctx(vm, g, ph, 0, &h);
    vm_push_root(vm, ctx.r);
    Value cf = cancel_func(vm, ctx);
    vm_pop_roots(vm, 1);
    res[0] = ctx;
    res[1] = cf;
    if (ph >= 0 && s->ctxs.items[ph].err) ctx_cancel(s, h, s->ctxs.items[ph].err);
    else if (has && (!s->ctxs.items[h].has_deadline || when < s->ctxs.items[h].deadline)) {
        s->ctxs.items[h].has_deadline = 1;
        s->ctxs.items[h].deadline = when;
        if (when <= s->now) ctx_cancel(s, h, 2);
        else {
            int t = timer_new(s, TM_CTX);
            s->timers.items[t].ctx = h;
            char nb[160];
            int nl = s->trace ? part_name(s, h, " deadline", nb, sizeof nb) : 0;
            s->timers.items[t].name = nl ? arena_strndup(&vm->arena, nb, (size_t)nl) : "deadline#";
            s->ctxs.items[h].timer = t;
            s->ctxs.items[h].refs++; /* the armed timer's */
            timer_arm(s, t, when);
        }
    }
    return sched_point(vm, g, res, 2);
}

static int c_withcancel(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_plain(vm, g, "cannot create context from nil parent");
    return with_deadline_at(vm, g, a[0], 0, res, 0);
}

static int c_withtimeout(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_plain(vm, g, "cannot create context from nil parent");
    return with_deadline_at(vm, g, a[0], vm->sched->now + a[1].i, res, 1);
}

static int c_withdeadline(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_plain(vm, g, "cannot create context from nil parent");
    int64_t w = a[1].r ? ((AggObj *)a[1].r)->v[0].i - 1 - (int64_t)1257894000 * 1000000000 : 0;
    return with_deadline_at(vm, g, a[0], w, res, 1);
}

static int c_withvalue(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (!a[0].r) return vm_panic_plain(vm, g, "cannot create context from nil parent");
    if (!a[1].r) return vm_panic_plain(vm, g, "nil key");
    Sched *s = vm->sched;
    int ph = ctx_h(vm, a[0]), h;
    Value ctx = new_ctx(vm, g, ph, 0, &h);
    s->ctxs.items[h].key = a[1];
    s->ctxs.items[h].val = a[2];
    s->ctxs.items[h].has_value = 1;
    if (ph >= 0 && s->ctxs.items[ph].err) s->ctxs.items[h].err = s->ctxs.items[ph].err;
    res[0] = ctx;
    return VM_OK;
}

const VmNativeDef sched_ctx_natives[] = {
    {"context.Background", c_background},
    {"context.TODO", c_todo},
    {"context.WithCancel", c_withcancel},
    {"context.WithDeadline", c_withdeadline},
    {"context.WithTimeout", c_withtimeout},
    {"context.WithValue", c_withvalue},
};
const int sched_ctx_natives_len = (int)(sizeof sched_ctx_natives / sizeof *sched_ctx_natives);
