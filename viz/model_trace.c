/* model_trace: Trace -> viewer model (see model_trace.h). */
#include "model_trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ThemeState state_of(int status) {
    switch (status) {
    case TRACE_G_RUNNING: return THEME_RUNNING;
    case TRACE_G_RUNNABLE: return THEME_RUNNABLE;
    case TRACE_G_BLOCKED: return THEME_BLOCKED;
    case TRACE_G_SLEEPING: return THEME_SLEEPING;
    default: return THEME_DONE;
    }
}

static ModelMarkKind mark_of(int kind) {
    switch (kind) {
    case TRACE_EV_CHAN_SEND: return MARK_SEND;
    case TRACE_EV_CHAN_RECV: return MARK_RECV;
    case TRACE_EV_CHAN_CLOSE: return MARK_CLOSE;
    case TRACE_EV_LOCK:
    case TRACE_EV_RLOCK: return MARK_LOCK;
    case TRACE_EV_UNLOCK:
    case TRACE_EV_RUNLOCK: return MARK_UNLOCK;
    case TRACE_EV_WG_ADD:
    case TRACE_EV_WG_DONE:
    case TRACE_EV_WG_WAIT: return MARK_WG;
    case TRACE_EV_GO_CREATE: return MARK_GO;
    case TRACE_EV_OUTPUT: return MARK_PRINT;
    case TRACE_EV_READ: return MARK_READ;
    case TRACE_EV_WRITE: return MARK_WRITE;
    case TRACE_EV_RACE: return MARK_RACE;
    case TRACE_EV_PANIC: return MARK_PANIC;
    case TRACE_EV_DEADLOCK: return MARK_DEADLOCK;
    default: return MARK_OTHER;
    }
}

static ModelObjKind objkind_of(int k) {
    switch (k) {
    case TRACE_OBJ_CHAN: return MODEL_CHAN;
    case TRACE_OBJ_MUTEX: return MODEL_MUTEX;
    case TRACE_OBJ_RWMUTEX: return MODEL_RWMUTEX;
    case TRACE_OBJ_WAITGROUP: return MODEL_WAITGROUP;
    case TRACE_OBJ_VAR: return MODEL_VAR;
    default: return MODEL_OTHER;
    }
}

/* "main.worker" -> "worker", "main.main.func1" -> "main.func1" */
static const char *short_fn(const char *fn) {
    if (strncmp(fn, "main.", 5) == 0 && fn[5]) return fn + 5;
    return fn;
}

/* Give back a finished array's growth slack (a run's arrays are built once
 * and kept while the viewer shows it). */
#define VEC_FIT(v)                                                                                            \
    do {                                                                                                      \
        if ((v).cap > (v).len && (v).len > 0) {                                                              \
            (v).items = mem_realloc((v).items, sizeof *(v).items * (size_t)(v).cap, sizeof *(v).items * (size_t)(v).len); \
            (v).cap = (v).len;                                                                                \
        }                                                                                                     \
    } while (0)

static int cmp_pair(const void *a, const void *b) {
    const int *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

void mtrace_open(ModelTrace *mt, Trace *t, const char *source, const char *path, uint64_t seed, const char *strategy) {
    memset(mt, 0, sizeof *mt);
    mt->trace = t;
    trace_state_init(&mt->st);
    ModelRun *r = &mt->run;
    r->path = model_strdup(&r->arena, path ? path : "");
    r->source = source ? model_strdup(&r->arena, source) : NULL;
    const char *base = path ? strrchr(path, '/') : NULL;
    r->title = model_strdup(&r->arena, base ? base + 1 : path ? path : "");
    r->seed = seed;
    r->strategy = model_strdup(&r->arena, strategy ? strategy : "random");
    uint32_t nev = trace_event_count(t);
    r->nsteps = (int)nev;
    mt->nobj = trace_obj_count(t);
    mt->g_of = mem_alloc(sizeof(int) * (mt->nobj + 1));
    mt->o_of = mem_alloc(sizeof(int) * (mt->nobj + 1));
    for (uint32_t i = 0; i <= mt->nobj; i++) mt->g_of[i] = mt->o_of[i] = -1;
    mt->nscratch = mt->nobj + 1;
    mt->scratch = mem_alloc(sizeof(TraceObj) * mt->nscratch);
    /* goroutines in creation order, then the objects the stage shows */
    uint32_t ng = trace_goroutine_count(t);
    for (uint32_t k = 0; k < ng; k++) {
        TraceObj id = trace_goroutine_at(t, k);
        const TraceObjInfo *oi = trace_obj(t, id);
        ModelGInfo gi;
        memset(&gi, 0, sizeof gi);
        gi.id = (int)oi->goid;
        gi.func = model_strdup(&r->arena, short_fn(trace_str(t, oi->fn, NULL)));
        gi.parent = -1;
        gi.born = (int)oi->created_ev;
        gi.died = INT32_MAX;
        gi.create_line = oi->pos.line;
        mt->g_of[id] = r->gs.len;
        VEC_PUSH(r->gs, gi);
    }
    for (int k = 0; k < r->gs.len; k++) {
        const TraceObjInfo *oi = trace_obj(t, trace_goroutine_at(t, (uint32_t)k));
        if (oi->parent) r->gs.items[k].parent = mt->g_of[oi->parent];
    }
    for (uint32_t id = 1; id <= mt->nobj; id++) {
        const TraceObjInfo *oi = trace_obj(t, id);
        ModelObjKind k = objkind_of(oi->kind);
        if (oi->kind == TRACE_OBJ_GOROUTINE || k == MODEL_OTHER) continue;
        ModelObjInfo o;
        memset(&o, 0, sizeof o);
        o.id = (int)id;
        o.kind = k;
        char nb[128];
        o.name = model_strdup(&r->arena, trace_obj_name(t, id, nb, sizeof nb));
        o.elem = model_strdup(&r->arena, trace_str(t, oi->elem, NULL));
        o.cap = (int)oi->cap;
        o.born = (int)oi->created_ev;
        o.line = oi->pos.line;
        o.senders = o.receivers = -1;
        mt->o_of[id] = r->objs.len;
        VEC_PUSH(r->objs, o);
    }
    /* lanes */
    model_run_lanes(r, r->gs.len);
    for (int k = 0; k < r->gs.len; k++) {
        TraceObj id = trace_goroutine_at(t, (uint32_t)k);
        uint32_t n = trace_lane_count(t, id);
        for (uint32_t i = 0; i < n; i++) {
            TraceSpan sp;
            trace_lane_span(t, id, i, &sp);
            if (sp.status == TRACE_G_NONE) continue;
            ModelSeg sg = {(int)sp.from, (int)sp.to, state_of(sp.status)};
            if (sp.status == TRACE_G_DONE && r->gs.items[k].died == INT32_MAX) r->gs.items[k].died = (int)sp.from;
            VEC_PUSH(r->lanes[k], sg);
        }
    }
    /* marks, users, send/recv counts, load-modify-store pairs, lost updates */
    VEC(int) pairs = {0};
    mt->holds = mem_alloc(sizeof *mt->holds * (size_t)(r->gs.len ? r->gs.len : 1));
    /* per goroutine: its last plain load (step, object, value id; -1 none);
     * per object: its last store (step, goroutine, value id) */
    int *ld = mem_alloc(sizeof(int) * 3 * (size_t)(r->gs.len ? r->gs.len : 1));
    int *st = mem_alloc(sizeof(int) * 3 * (size_t)(r->objs.len ? r->objs.len : 1));
    for (int k = 0; k < r->gs.len; k++) ld[3 * k] = -1;
    for (int k = 0; k < r->objs.len; k++) st[3 * k] = -1;
    /* gone: each object's last event, or the event that ends a wait on it */
    int *last = mem_alloc(sizeof(int) * (size_t)(r->objs.len ? r->objs.len : 1));
    VEC(int) *waits = mem_alloc(sizeof *waits * (size_t)(r->gs.len ? r->gs.len : 1));
    for (uint32_t i = 0; i < nev; i++) {
        TraceEvent ev;
        trace_event(t, i, &ev);
        int g = ev.g <= mt->nobj ? mt->g_of[ev.g] : -1;
        int eo = ev.obj <= mt->nobj ? mt->o_of[ev.obj] : -1;
        if (eo >= 0) last[eo] = (int)i;
        if (g >= 0 && (ev.kind == TRACE_EV_GO_BLOCK || ev.kind == TRACE_EV_SELECT_CASE)) {
            if (eo >= 0) VEC_PUSH(waits[g], eo); /* a select lists its cases, then blocks */
        } else if (g >= 0) { /* g runs again: what it waited on played a part till now */
            for (int k = 0; k < waits[g].len; k++) last[waits[g].items[k]] = (int)i;
            waits[g].len = 0;
        }
        ModelMarkKind mk = mark_of(ev.kind);
        if (ev.kind == TRACE_EV_RACE) r->nraces++;
        if ((ev.kind == TRACE_EV_READ || ev.kind == TRACE_EV_WRITE) && g >= 0 && !(ev.aux & TRACE_MEM_ATOMIC)) {
            int o = ev.obj <= mt->nobj ? mt->o_of[ev.obj] : -1;
            if (o >= 0 && ev.kind == TRACE_EV_READ) {
                ld[3 * g] = (int)i, ld[3 * g + 1] = o, ld[3 * g + 2] = (int)ev.value;
            } else if (o >= 0) {
                if (ld[3 * g] >= 0 && ld[3 * g + 1] == o) {
                    ModelHold h = {ld[3 * g], (int)i, o, trace_str(t, (uint32_t)ld[3 * g + 2], NULL)};
                    VEC_PUSH(mt->holds[g], h);
                    /* someone else stored after our load: we overwrite it */
                    if (st[3 * o] > ld[3 * g] && st[3 * o + 1] != g) {
                        ModelLost l = {(int)i, g, o, st[3 * o + 1], ld[3 * g], trace_str(t, ev.value, NULL),
                                       trace_str(t, (uint32_t)st[3 * o + 2], NULL), h.val};
                        VEC_PUSH(r->lost, l);
                        ModelMark lm = {(int)i, g, MARK_LOST};
                        VEC_PUSH(r->marks, lm);
                        mk = MARK_OTHER; /* the lost-update mark stands for this store */
                    }
                }
                ld[3 * g] = -1;
                st[3 * o] = (int)i, st[3 * o + 1] = g, st[3 * o + 2] = (int)ev.value;
            }
        }
        if (ev.kind == TRACE_EV_PANIC || ev.kind == TRACE_EV_DEADLOCK) {
            if (g < 0) g = 0;
        }
        if (mk != MARK_OTHER && g >= 0) {
            ModelMark m = {(int)i, g, mk};
            VEC_PUSH(r->marks, m);
        }
        if (ev.kind == TRACE_EV_PANIC) r->outcome = "panic";
        if (ev.kind == TRACE_EV_DEADLOCK) r->outcome = "deadlock";
        if (ev.kind == TRACE_EV_LIMIT) r->outcome = "limit";
        if (g < 0) continue;
        if (ev.kind == TRACE_EV_CHAN_SEND) r->gs.items[g].nsend++;
        if (ev.kind == TRACE_EV_CHAN_RECV) r->gs.items[g].nrecv++;
        int o = ev.obj <= mt->nobj ? mt->o_of[ev.obj] : -1;
        if (o >= 0 && ev.kind != TRACE_EV_OBJ_NEW) {
            VEC_PUSH(pairs, o);
            VEC_PUSH(pairs, g);
        }
    }
    mem_free(ld, sizeof(int) * 3 * (size_t)(r->gs.len ? r->gs.len : 1));
    mem_free(st, sizeof(int) * 3 * (size_t)(r->objs.len ? r->objs.len : 1));
    /* still waited on, held or holding values at the end: to the end */
    for (int k = 0; k < r->gs.len; k++) {
        for (int j = 0; j < waits[k].len; j++) last[waits[k].items[j]] = -1;
        VEC_FREE(waits[k]);
    }
    mem_free(waits, sizeof *waits * (size_t)(r->gs.len ? r->gs.len : 1));
    TraceState fin;
    trace_state_init(&fin);
    trace_state_at(t, nev, &fin);
    for (int k = 0; k < r->objs.len; k++) {
        uint32_t id = (uint32_t)r->objs.items[k].id;
        const TraceObjState *os = id <= fin.nobjs ? &fin.objs[id] : NULL;
        int busy = os && (os->owner || (os->count > 0 && r->objs.items[k].kind != MODEL_VAR));
        r->objs.items[k].gone = last[k] < 0 || busy ? 0 : last[k] + 1;
    }
    trace_state_free(&fin);
    mem_free(last, sizeof(int) * (size_t)(r->objs.len ? r->objs.len : 1));
    if (!r->outcome) r->outcome = r->nraces ? "data race" : "exit 0";
    /* dedupe (obj, g) pairs */
    if (pairs.len) qsort(pairs.items, (size_t)pairs.len / 2, 2 * sizeof(int), cmp_pair);
    for (int i = 0; i + 1 < pairs.len; i += 2) {
        int n = r->users.len;
        if (n >= 2 && r->users.items[n - 2] == pairs.items[i] && r->users.items[n - 1] == pairs.items[i + 1]) continue;
        VEC_PUSH(r->users, pairs.items[i]);
        VEC_PUSH(r->users, pairs.items[i + 1]);
    }
    VEC_FREE(pairs);
    VEC_FIT(r->marks);
    VEC_FIT(r->users);
    VEC_FIT(r->lost);
    for (int k = 0; k < r->gs.len; k++) {
        VEC_FIT(r->lanes[k]);
        VEC_FIT(mt->holds[k]);
    }
}

void mtrace_close(ModelTrace *mt) {
    trace_state_free(&mt->st);
    trace_free(mt->trace);
    if (mt->holds) {
        for (int k = 0; k < mt->run.gs.len; k++) VEC_FREE(mt->holds[k]);
        mem_free(mt->holds, sizeof *mt->holds * (size_t)(mt->run.gs.len ? mt->run.gs.len : 1));
        mt->holds = NULL;
    }
    model_run_free(&mt->run);
    mem_free(mt->g_of, sizeof(int) * (mt->nobj + 1));
    mem_free(mt->o_of, sizeof(int) * (mt->nobj + 1));
    mem_free(mt->scratch, sizeof(TraceObj) * mt->nscratch);
    memset(mt, 0, sizeof *mt);
}

static int gidx(const ModelTrace *mt, TraceObj id) { return id && id <= mt->nobj ? mt->g_of[id] : -1; }
static int oidx(const ModelTrace *mt, TraceObj id) { return id && id <= mt->nobj ? mt->o_of[id] : -1; }

static const char *gname(const ModelTrace *mt, int g, char *buf, size_t n) {
    if (g < 0) {
        snprintf(buf, n, "the runtime");
        return buf;
    }
    snprintf(buf, n, "g%d", mt->run.gs.items[g].id);
    return buf;
}

/* A one-line teacher's description of event [ev]. */
static void describe(ModelTrace *mt, const TraceEvent *ev, Model *m, char *out, size_t n) {
    Trace *t = mt->trace;
    char gb[32], ob[128], pb[32];
    int g = gidx(mt, ev->g);
    gname(mt, g, gb, sizeof gb);
    trace_obj_name(t, ev->obj, ob, sizeof ob);
    const char *val = trace_str(t, ev->value, NULL);
    switch (ev->kind) {
    case TRACE_EV_GO_CREATE: {
        int c = gidx(mt, ev->obj);
        snprintf(out, n, "%s starts goroutine g%d (%s)", g >= 0 ? gb : "the runtime", c >= 0 ? mt->run.gs.items[c].id : 0,
                 c >= 0 ? mt->run.gs.items[c].func : "");
        break;
    }
    case TRACE_EV_GO_START: snprintf(out, n, "scheduler runs %s", gb); break;
    case TRACE_EV_GO_YIELD: snprintf(out, n, "%s is preempted (stays runnable)", gb); break;
    case TRACE_EV_GO_BLOCK:
        snprintf(out, n, "%s blocks: %s%s%s", gb, trace_wait_reason_name(ev->aux), ev->obj ? " on " : "", ev->obj ? ob : "");
        break;
    case TRACE_EV_GO_UNBLOCK: {
        int w = gidx(mt, ev->obj);
        char wb[32];
        snprintf(out, n, "%s wakes %s", g >= 0 ? gb : "a timer", gname(mt, w, wb, sizeof wb));
        break;
    }
    case TRACE_EV_GO_SLEEP: {
        char d[32];
        trace_format_duration(ev->arg - ev->vtime, d, sizeof d);
        snprintf(out, n, "%s sleeps %s", gb, d);
        break;
    }
    case TRACE_EV_GO_END: snprintf(out, n, "%s returns", gb); break;
    case TRACE_EV_CHAN_SEND:
        if (ev->aux == TRACE_CH_SYNC)
            snprintf(out, n, "%s sends %s on %s, straight to %s", gb, val, ob, gname(mt, gidx(mt, (TraceObj)ev->arg), pb, sizeof pb));
        else
            snprintf(out, n, "%s sends %s on %s (into the buffer)", gb, val, ob);
        break;
    case TRACE_EV_CHAN_RECV:
        if (ev->aux == TRACE_CH_CLOSED)
            snprintf(out, n, "%s receives the zero value: %s is closed", gb, ob);
        else
            snprintf(out, n, "%s receives %s from %s", gb, val, ob);
        break;
    case TRACE_EV_CHAN_CLOSE: snprintf(out, n, "%s closes %s", gb, ob); break;
    case TRACE_EV_SELECT: snprintf(out, n, ev->arg < 0 ? "%s's select takes the default case" : "%s's select picks case %lld", gb, (long long)ev->arg); break;
    case TRACE_EV_LOCK: snprintf(out, n, "%s locks %s", gb, ob); break;
    case TRACE_EV_UNLOCK: snprintf(out, n, "%s unlocks %s", gb, ob); break;
    case TRACE_EV_RLOCK: snprintf(out, n, "%s read-locks %s", gb, ob); break;
    case TRACE_EV_RUNLOCK: snprintf(out, n, "%s read-unlocks %s", gb, ob); break;
    case TRACE_EV_WG_ADD: snprintf(out, n, "%s: %s.Add(%lld)", gb, ob, (long long)ev->arg); break;
    case TRACE_EV_WG_DONE: snprintf(out, n, "%s: %s.Done()", gb, ob); break;
    case TRACE_EV_WG_WAIT: snprintf(out, n, "%s: %s.Wait() returns", gb, ob); break;
    case TRACE_EV_READ: snprintf(out, n, "%s reads %s = %s", gb, ob, val); break;
    case TRACE_EV_WRITE: snprintf(out, n, "%s writes %s = %s", gb, ob, val); break;
    case TRACE_EV_RACE: snprintf(out, n, "DATA RACE on %s: %s", ob, val); break;
    case TRACE_EV_OUTPUT: snprintf(out, n, "%s prints", gb); break;
    case TRACE_EV_PANIC: snprintf(out, n, "panic: %s", val); break;
    case TRACE_EV_RECOVER: snprintf(out, n, "%s recovers: %s", gb, val); break;
    case TRACE_EV_DEADLOCK: snprintf(out, n, "fatal error: all goroutines are asleep - deadlock!"); break;
    case TRACE_EV_LIMIT: snprintf(out, n, "limit reached: %s", val); break;
    case TRACE_EV_RUN_END: snprintf(out, n, "the program exits (status %lld)", (long long)ev->arg); break;
    case TRACE_EV_OBJ_NEW: snprintf(out, n, "%s makes %s", gb, ob); break;
    default: snprintf(out, n, "%s: %s", gb, trace_event_kind_name(ev->kind)); break;
    }
    (void)m;
}

/* The wait-for cycle of a deadlock: follow each blocked goroutine to the
 * holder of the lock it waits for; goroutines on a cycle of that graph are
 * the cycle (AB/BA lock order). Without a lock cycle (a receive nobody will
 * send to), every blocked goroutine is part of the deadlock, as Go says. */
static void mark_cycle(ModelTrace *mt, Model *m) {
    int n = m->ngs;
    if (n == 0) return;
    int *next = mem_alloc(sizeof(int) * (size_t)n), *color = mem_alloc(sizeof(int) * (size_t)n);
    for (int g = 0; g < n; g++) {
        next[g] = -1;
        int o = m->gs[g].wait_obj;
        if (m->gs[g].state != THEME_BLOCKED || o < 0) continue;
        TraceObj id = (TraceObj)mt->run.objs.items[o].id;
        const TraceObjState *os = id <= mt->st.nobjs ? &mt->st.objs[id] : NULL;
        if (os && (mt->run.objs.items[o].kind == MODEL_MUTEX || mt->run.objs.items[o].kind == MODEL_RWMUTEX)) next[g] = gidx(mt, os->owner);
    }
    int found = 0;
    for (int g = 0; g < n; g++) {
        /* color: 0 unvisited, 1 on the current walk (tag g+2), done = -1 */
        int x = g;
        while (x >= 0 && color[x] == 0) {
            color[x] = g + 2;
            x = next[x];
        }
        if (x >= 0 && color[x] == g + 2) { /* closed a new cycle at x */
            int y = x;
            do {
                m->gs[y].in_cycle = 2;
                y = next[y];
            } while (y != x);
            found = 1;
        }
        for (x = g; x >= 0 && color[x] == g + 2; x = next[x]) color[x] = -1;
    }
    for (int g = 0; g < n; g++)
        if (found) m->gs[g].in_cycle = m->gs[g].in_cycle == 2;
    mem_free(next, sizeof(int) * (size_t)n);
    mem_free(color, sizeof(int) * (size_t)n);
}

void mtrace_at(ModelTrace *mt, int step, Model *m) {
    ModelRun *r = &mt->run;
    Trace *t = mt->trace;
    if (step >= r->nsteps) step = r->nsteps - 1;
    if (step < 0) step = 0;
    if (m->ngs != r->gs.len || m->nobjs != r->objs.len) {
        model_free(m);
        model_alloc(m, r);
    }
    arena_free(&m->arena);
    trace_state_at(t, r->nsteps ? (uint32_t)step + 1 : 0, &mt->st);
    const TraceState *st = &mt->st;
    m->step = step;
    m->now_ns = st->vtime;
    uint64_t olen = 0;
    const char *out = trace_output_text(t, &olen);
    m->output = out ? out : "";
    m->output_len = (int)(st->out_len < olen ? st->out_len : olen);
    for (int g = 0; g < r->gs.len; g++) {
        TraceObj id = (TraceObj)0;
        /* goroutine indices follow creation order, as trace_goroutine_at */
        id = trace_goroutine_at(t, (uint32_t)g);
        ModelG *mg = &m->gs[g];
        const TraceObjState *os = id <= st->nobjs ? &st->objs[id] : NULL;
        mg->exists = os && os->live && os->status != TRACE_G_NONE;
        mg->state = os ? state_of(os->status) : THEME_DONE;
        mg->line = os ? (int)os->line : 0;
        mg->wait = os && (os->status == TRACE_G_BLOCKED || os->status == TRACE_G_SLEEPING) ? trace_wait_reason_name(os->reason) : "";
        if (os && os->status == TRACE_G_SLEEPING && !*mg->wait) mg->wait = "sleep";
        mg->wait_obj = os && os->status == TRACE_G_BLOCKED ? oidx(mt, os->wait_obj) : -1;
        mg->wake_ns = os ? os->count : 0;
        mg->in_cycle = st->deadlock && os && os->status == TRACE_G_BLOCKED;
        mg->nselect = 0;
        mg->select_objs = NULL;
        if (os && os->status == TRACE_G_BLOCKED && mg->wait_obj < 0) {
            uint32_t n = trace_state_select_cases(st, id, mt->scratch, mt->nscratch);
            if (n > mt->nscratch) n = mt->nscratch;
            if (n) {
                mg->select_objs = arena_alloc(&m->arena, sizeof(int) * n);
                for (uint32_t k = 0; k < n; k++) {
                    int o = oidx(mt, mt->scratch[k]);
                    if (o >= 0) mg->select_objs[mg->nselect++] = o;
                }
            }
        }
        /* a load whose store is still to come: the value this goroutine
         * will write back, whatever others write meanwhile (a lost update) */
        mg->read_obj = -1;
        mg->read_val = NULL;
        mg->race = 0;
        mg->race_line = 0;
        const ModelHoldVec *hv = &mt->holds[g];
        if (hv->len && mg->exists) {
            int lo = 0, hi = hv->len; /* last hold with from <= step */
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (hv->items[mid].from <= step)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo > 0 && step < hv->items[lo - 1].to) {
                mg->read_obj = hv->items[lo - 1].obj;
                mg->read_val = hv->items[lo - 1].val;
            }
        }
    }
    if (st->deadlock) mark_cycle(mt, m);
    if (st->panic_ev >= 0) {
        TraceEvent pe;
        trace_event(t, (uint32_t)st->panic_ev, &pe);
        int g = gidx(mt, pe.g);
        if (g >= 0) {
            m->gs[g].state = THEME_FAILED;
            m->gs[g].wait = "panicked";
        }
        char buf[512];
        snprintf(buf, sizeof buf, "panic: %s", trace_str(t, pe.value, NULL));
        m->panic = model_strdup(&m->arena, buf);
    } else {
        m->panic = NULL;
    }
    m->deadlock = st->deadlock;
    for (int o = 0; o < r->objs.len; o++) {
        TraceObj id = (TraceObj)r->objs.items[o].id;
        ModelObj *mo = &m->objs[o];
        const TraceObjState *os = id <= st->nobjs ? &st->objs[id] : NULL;
        memset(mo, 0, sizeof *mo);
        mo->owner = -1;
        if (!os || !os->live) continue;
        mo->exists = 1;
        switch (r->objs.items[o].kind) {
        case MODEL_CHAN: {
            mo->closed = (os->flags & TRACE_SF_CLOSED) != 0;
            uint32_t n = trace_state_chan_len(st, id);
            mo->nbuf = (int)n;
            mo->buf = arena_alloc(&m->arena, sizeof(char *) * (n ? n : 1));
            for (uint32_t k = 0; k < n; k++) mo->buf[k] = trace_str(t, trace_state_chan_value(st, id, k, NULL), NULL);
            break;
        }
        case MODEL_MUTEX: mo->owner = gidx(mt, os->owner); break;
        case MODEL_RWMUTEX: {
            mo->owner = gidx(mt, os->owner);
            uint32_t n = trace_state_readers(st, id, mt->scratch, mt->nscratch);
            if (n > mt->nscratch) n = mt->nscratch;
            mo->readers = arena_alloc(&m->arena, sizeof(int) * (n ? n : 1));
            for (uint32_t k = 0; k < n; k++) {
                int g = gidx(mt, mt->scratch[k]);
                if (g >= 0) mo->readers[mo->nreaders++] = g;
            }
            break;
        }
        case MODEL_WAITGROUP: mo->counter = (long)os->count; break;
        case MODEL_VAR: mo->value = trace_str(t, os->value, NULL); break;
        default: break;
        }
        uint32_t nw = trace_state_waiters(st, id, mt->scratch, mt->nscratch);
        if (nw > mt->nscratch) nw = mt->nscratch;
        mo->waiters = arena_alloc(&m->arena, sizeof(int) * (nw ? nw : 1));
        for (uint32_t k = 0; k < nw; k++) {
            int g = gidx(mt, mt->scratch[k]);
            if (g >= 0) mo->waiters[mo->nwaiters++] = g;
        }
    }
    /* the event at the playhead */
    m->ev.kind = MARK_OTHER;
    m->ev.g = m->ev.obj = m->ev.peer = m->ev.slot = -1;
    m->ev.value = NULL;
    m->ev.text = NULL;
    m->race = NULL;
    m->race_step = -1;
    if (r->nsteps > 0) {
        TraceEvent ev;
        trace_event(t, (uint32_t)step, &ev);
        m->ev.kind = mark_of(ev.kind);
        m->ev.g = gidx(mt, ev.g);
        m->ev.obj = oidx(mt, ev.obj);
        m->ev.value = ev.value ? model_strdup(&m->arena, trace_str(t, ev.value, NULL)) : NULL;
        if (ev.kind == TRACE_EV_GO_CREATE) m->ev.obj = -1;
        if ((ev.kind == TRACE_EV_CHAN_SEND || ev.kind == TRACE_EV_CHAN_RECV) && ev.aux == TRACE_CH_SYNC)
            m->ev.peer = gidx(mt, (TraceObj)ev.arg);
        if (ev.kind == TRACE_EV_CHAN_SEND && ev.aux == TRACE_CH_BUF && m->ev.obj >= 0) m->ev.slot = m->objs[m->ev.obj].nbuf - 1;
        if (ev.kind == TRACE_EV_CHAN_RECV && ev.aux == TRACE_CH_BUF) m->ev.slot = 0;
        if (ev.kind == TRACE_EV_CHAN_RECV && ev.aux == TRACE_CH_CLOSED) m->ev.kind = MARK_CLOSE;
        char buf[512];
        describe(mt, &ev, m, buf, sizeof buf);
        m->ev.text = model_strdup(&m->arena, buf);
        if (ev.kind == TRACE_EV_RACE) {
            /* both accesses: the one that raced (g, at this position) and
             * the earlier one it conflicts with (event arg) */
            m->race = m->ev.text;
            int g = m->ev.g;
            if (g >= 0) {
                m->gs[g].race = 1;
                m->gs[g].race_line = ev.pos.line;
            }
            if (ev.arg >= 0 && ev.arg < (int64_t)r->nsteps) {
                TraceEvent pe;
                trace_event(t, (uint32_t)ev.arg, &pe);
                int pg = gidx(mt, pe.g);
                m->race_step = (int)ev.arg;
                if (pg >= 0) {
                    m->gs[pg].race = 1;
                    m->gs[pg].race_line = pe.pos.line;
                }
            }
        }
    }
    m->lost = model_lost_at(r, step);
}

int mtrace_next_for(const ModelTrace *mt, int step, int dir, int g, int obj) {
    const ModelRun *r = &mt->run;
    if (g >= 0 && g < r->gs.len) {
        TraceObj id = trace_goroutine_at(mt->trace, (uint32_t)g);
        int64_t i = dir > 0 ? trace_g_next(mt->trace, id, step) : trace_g_prev(mt->trace, id, step);
        return (int)i;
    }
    if (obj >= 0 && obj < r->objs.len) {
        TraceObj id = (TraceObj)r->objs.items[obj].id;
        for (int i = step + (dir > 0 ? 1 : -1); i >= 0 && i < r->nsteps; i += dir > 0 ? 1 : -1) {
            TraceEvent ev;
            trace_event(mt->trace, (uint32_t)i, &ev);
            if (ev.obj == id) return i;
        }
    }
    return -1;
}
