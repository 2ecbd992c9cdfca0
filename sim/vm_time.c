/* vm_time: the virtual clock: the timer heap and the time package natives
 * (Sleep, After, Tick, Timer, Ticker, AfterFunc, Now, Since, Until, Time
 * methods).
 *
 * Invariants:
 * - s->theap holds exactly the armed timers (heap_ix >= 0), a binary
 *   min-heap on (when, seq); seq grows with every arming, so timers due at
 *   the same instant fire in the order they were armed.
 * - Virtual time is ns since 2009-11-10 23:00:00 UTC; a time.Time holds
 *   Unix ns in its `wall` slot.
 * - Timer channels have capacity 1; a tick that finds the buffer full is
 *   dropped, as Go's tickers drop ticks for slow receivers.
 */
#include <string.h>

#include "race.h"
#include "sched.h"
#include "vm_native.h"

#define EPOCH_UNIX_NS ((int64_t)1257894000 * 1000000000)

/* ---- the heap ---- */

static int less(const Sched *s, int a, int b) {
    const Timer *x = &s->timers.items[a], *y = &s->timers.items[b];
    return x->when < y->when || (x->when == y->when && x->seq < y->seq);
}

static void hswap(Sched *s, int i, int j) {
    int t = s->theap[i];
    s->theap[i] = s->theap[j];
    s->theap[j] = t;
    s->timers.items[s->theap[i]].heap_ix = i;
    s->timers.items[s->theap[j]].heap_ix = j;
}

static void up(Sched *s, int i) {
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!less(s, s->theap[i], s->theap[p])) break;
        hswap(s, i, p);
        i = p;
    }
}

static void down(Sched *s, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < s->nheap && less(s, s->theap[l], s->theap[m])) m = l;
        if (r < s->nheap && less(s, s->theap[r], s->theap[m])) m = r;
        if (m == i) break;
        hswap(s, i, m);
        i = m;
    }
}

/* TIMER_ID: timer [h]'s handle and generation, for the race keys (a
 * reused handle starts with no clocks) */
#define TIMER_ID(s, h) HANDLE_ID((s)->timers, (h))

int timer_new(Sched *s, int kind) {
    Timer t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    t.heap_ix = -1;
    t.ctx = -1;
    int h;
    HANDLE_NEW(s->timers, s->timer_free, t, h);
    return h;
}

void timer_free(Sched *s, int h) {
    timer_stop(s, h);
    HANDLE_FREE(s->timers, s->timer_free, h);
    s->timers.items[h].heap_ix = -1;
}

void sched_chan_freed(Vm *vm, ChanObj *c) {
    Sched *s = vm->sched;
    ChanWait *w = c->waiters;
    c->waiters = NULL;
    if (!s || !w) return;
    if (w->timer) timer_free(s, w->timer - 1);
    int last = s->chans.len - 1;
    s->chans.items[w->ix] = s->chans.items[last];
    s->chans.items[w->ix]->ix = w->ix;
    s->chans.len--;
    waitq_free(&w->recvq);
    waitq_free(&w->sendq);
    mem_free(w, sizeof *w);
}

int timer_stop(Sched *s, int h) {
    Timer *t = &s->timers.items[h];
    int i = t->heap_ix;
    if (i < 0) return 0;
    s->nheap--;
    if (i != s->nheap) {
        hswap(s, i, s->nheap);
        down(s, i);
        up(s, i);
    }
    s->timers.items[h].heap_ix = -1;
    return 1;
}

void timer_arm(Sched *s, int h, int64_t when) {
    timer_stop(s, h);
    Timer *t = &s->timers.items[h];
    t->when = when;
    t->seq = s->timer_seq++;
    if (s->nheap == s->heapcap) {
        int nc = s->heapcap ? s->heapcap * 2 : 16;
        s->theap = mem_realloc(s->theap, sizeof(int) * (size_t)s->heapcap, sizeof(int) * (size_t)nc);
        s->heapcap = nc;
    }
    s->theap[s->nheap] = h;
    t->heap_ix = s->nheap++;
    up(s, t->heap_ix);
    if (s->race) race_release(s->race, s->cur, RACE_KEY_TIMER(TIMER_ID(s, h))); /* arming -> firing */
    if (s->trace) {
        if (!t->tobj)
            t->tobj = trace_new_object(s->trace, s->steps, s->cur ? sched_g(s->cur)->tobj : 0, TRACE_OBJ_TIMER, t->name,
                                       (Pos){0});
        sched_emit(s, (TraceEvent){.kind = TRACE_EV_TIMER_START, .obj = s->timers.items[h].tobj, .arg = when});
    }
}

int64_t timer_next_when(const Sched *s) { return s->nheap ? s->timers.items[s->theap[0]].when : -1; }

static void fire(Sched *s, int h) {
    Timer *t = &s->timers.items[h];
    if (s->race) race_timer_fire(s->race, TIMER_ID(s, h));
    if (s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_TIMER_FIRE, .obj = t->tobj});
    switch (t->kind) {
    case TM_WAKE: {
        Goroutine *g = t->g;
        t->g = NULL;
        sched_ready(s, g);
        break;
    }
    case TM_SEND: {
        Value ch = t->ch;
        int64_t when = t->when;
        if (t->period > 0) timer_arm(s, h, when + s->timers.items[h].period);
        vm_push_root(s->vm, ch.r); /* not a root otherwise (sched_mark) */
        Value tv = time_value(s->vm, when);
        chan_try_send(s, ch, tv);
        vm_pop_roots(s->vm, 1);
        break;
    }
    case TM_FUNC:
        sched_spawn(s, NULL, t->fn, NULL, 0);
        if (s->timers.items[h].orphan) timer_free(s, h);
        break;
    case TM_CTX: ctx_cancel(s, t->ctx, 2); break;
    }
}

int timer_fire_due(Sched *s) {
    if (!s->nheap) return 0;
    int64_t when = timer_next_when(s);
    if (when > s->now) s->now = when;
    s->vm->now_ns = s->now; /* time.Now and friends (vm_native_lib) read it */
    while (s->nheap && timer_next_when(s) <= s->now) {
        int h = s->theap[0];
        timer_stop(s, h);
        fire(s, h);
    }
    return 1;
}

/* ---- values ---- */

Value time_value(Vm *vm, int64_t vt) {
    /* vm_native_lib's representation: Unix ns + 1 (0 is the zero Time) */
    AggObj *a = vm_new_agg(vm, NULL, 1);
    a->v[0].i = EPOCH_UNIX_NS + vt + 1;
    return (Value){{0}, &a->h};
}

static const RType *chan_time_type(Vm *vm) {
    Sched *s = vm->sched;
    if (!s->t_chan_time) {
        const RType *tt = sched_find_type(vm, "time.Time", RK_STRUCT, NULL);
        s->t_time = tt;
        s->t_chan_time = sched_find_type(vm, "<-chan time.Time", RK_CHAN, tt);
    }
    return s->t_chan_time;
}

#define I(x) ((Value){{.i = (x)}, NULL})

/* ---- natives ---- */

static int t_sleep(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    if (a[0].i <= 0) return sched_point(vm, g, res, 0); /* Go's timeSleep returns at once: no yield */
    int h = sched_g(g)->sleep_timer; /* one per goroutine, reused by every Sleep */
    if (h < 0) {
        h = timer_new(s, TM_WAKE);
        s->timers.items[h].name = "time.Sleep#";
        sched_g(g)->sleep_timer = h;
    }
    s->timers.items[h].g = g;
    sched_g(g)->wake_at = s->now + a[0].i;
    timer_arm(s, h, s->now + a[0].i);
    sched_park(s, g, TRACE_WAIT_SLEEP, 0);
    return VM_BLOCKED;
}

/* new_timer_obj: a *time.Timer / *time.Ticker struct {C, h}. */
static Value timer_obj(Vm *vm, const char *tname, Value ch, int h) {
    const RType *t = sched_find_type(vm, tname, RK_STRUCT, NULL);
    vm_push_root(vm, ch.r);
    AggObj *o = vm_new_agg(vm, t, 2);
    vm_pop_roots(vm, 1);
    o->v[0] = ch;
    o->v[1].i = h + 1;
    return (Value){{0}, &o->h};
}

/* named: the trace name of what [g]'s call makes: the variable it is
 * assigned to (sched_call_name), else [fn] ("time.NewTimer#": the trace
 * adds the object's id); in *[chan] the name of its channel ("t.C", else
 * fn) */
static const char *named(Goroutine *g, const char *fn, char *chan, size_t n) {
    const char *v = sched_call_name(g, NULL);
    if (chan) snprintf(chan, n, v ? "%s.C" : "%s", v ? v : fn);
    return v ? v : fn;
}

/* make_send_timer: a timer sending on a new channel after [d] (then each
 * [period] if > 0), named [tname] and [cname] in the trace */
static int make_send_timer(Vm *vm, int64_t d, int64_t period, Value *ch_out, const char *tname, const char *cname) {
    Sched *s = vm->sched;
    ChanObj *co = vm_chan_new(vm, chan_time_type(vm), 1);
    chan_made(vm, s->cur, co, cname, (int64_t)strlen(cname));
    Value ch = {{0}, &co->h};
    int h = timer_new(s, TM_SEND);
    s->timers.items[h].name = tname;
    s->timers.items[h].ch = ch;
    chan_wait(s, (ChanObj *)ch.r)->timer = h + 1;
    s->timers.items[h].period = period;
    timer_arm(s, h, s->now + (d > 0 ? d : 0));
    *ch_out = ch;
    return h;
}

static int t_after(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value ch;
    make_send_timer(vm, a[0].i, 0, &ch, "time.After#", "time.After#");
    res[0] = ch;
    return sched_point(vm, g, res, 1);
}

static int t_tick(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (a[0].i <= 0) {
        res[0] = (Value){{0}, NULL};
        return VM_OK;
    }
    Value ch;
    make_send_timer(vm, a[0].i, a[0].i, &ch, "time.Tick#", "time.Tick#");
    res[0] = ch;
    return sched_point(vm, g, res, 1);
}

static int t_newtimer(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Value ch;
    char cn[128];
    const char *tn = named(g, "time.NewTimer#", cn, sizeof cn);
    int h = make_send_timer(vm, a[0].i, 0, &ch, tn, cn);
    res[0] = timer_obj(vm, "time.Timer", ch, h);
    return sched_point(vm, g, res, 1);
}

static int t_newticker(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    if (a[0].i <= 0) return vm_panic_plain(vm, g, "non-positive interval for NewTicker");
    Value ch;
    char cn[128];
    const char *tn = named(g, "time.NewTicker#", cn, sizeof cn);
    int h = make_send_timer(vm, a[0].i, a[0].i, &ch, tn, cn);
    res[0] = timer_obj(vm, "time.Ticker", ch, h);
    return sched_point(vm, g, res, 1);
}

static int t_afterfunc(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    Sched *s = vm->sched;
    int h = timer_new(s, TM_FUNC);
    s->timers.items[h].name = named(g, "time.AfterFunc#", NULL, 0);
    s->timers.items[h].fn = a[1];
    timer_arm(s, h, s->now + (a[0].i > 0 ? a[0].i : 0));
    res[0] = timer_obj(vm, "time.Timer", (Value){{0}, NULL}, h);
    AggObj *o = (AggObj *)res[0].r;
    s->t_timer = o->t;
    o->h.aux = 1; /* Vm.free_hook: sched_timer_freed */
    return sched_point(vm, g, res, 1);
}

void sched_timer_freed(Vm *vm, AggObj *a) {
    Sched *s = vm->sched;
    int h = (int)a->v[1].i - 1;
    if (h < 0 || h >= s->timers.len || s->timers.items[h].kind != TM_FUNC) return;
    if (s->timers.items[h].heap_ix >= 0) s->timers.items[h].orphan = 1;
    else timer_free(s, h);
}

static int timer_h(Value t) { return t.r ? (int)((AggObj *)t.r)->v[1].i - 1 : -1; }

static int tm_stop(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h = timer_h(a[0]);
    if (h < 0) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    Sched *s = vm->sched;
    int was = timer_stop(s, h);
    if (was && s->trace) sched_emit(s, (TraceEvent){.kind = TRACE_EV_TIMER_STOP, .obj = s->timers.items[h].tobj});
    res[0] = I(was);
    return sched_point(vm, g, res, 1);
}

static int tm_reset(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h = timer_h(a[0]);
    if (h < 0) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    Sched *s = vm->sched;
    int was = s->timers.items[h].heap_ix >= 0;
    if (s->timers.items[h].period > 0) s->timers.items[h].period = a[1].i;
    timer_arm(s, h, s->now + (a[1].i > 0 ? a[1].i : 0));
    res[0] = I(was);
    return sched_point(vm, g, res, 1);
}

static int tk_reset(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int h = timer_h(a[0]);
    if (h < 0) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    if (a[1].i <= 0) return vm_panic_plain(vm, g, "non-positive interval for Ticker.Reset");
    Sched *s = vm->sched;
    s->timers.items[h].period = a[1].i;
    timer_arm(s, h, s->now + a[1].i);
    return sched_point(vm, g, res, 0);
}

const VmNativeDef sched_time_natives[] = {
    {"time.(*Ticker).Reset", tk_reset},
    {"time.(*Ticker).Stop", tm_stop},
    {"time.(*Timer).Reset", tm_reset},
    {"time.(*Timer).Stop", tm_stop},
    {"time.After", t_after},
    {"time.AfterFunc", t_afterfunc},
    {"time.NewTicker", t_newticker},
    {"time.NewTimer", t_newtimer},
    {"time.Sleep", t_sleep},
    {"time.Tick", t_tick},
};
const int sched_time_natives_len = (int)(sizeof sched_time_natives / sizeof *sched_time_natives);
