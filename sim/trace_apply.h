/* trace_apply: THE state transition (apply), private to the trace module.
 * Inline in a header so that the recorder (trace.c: one function from the
 * event to the store and the live state) and the replayer (trace_state.c)
 * each get a copy specialised for them, from one text: the two cannot
 * disagree. Never included outside trace*.c.
 *
 * Invariants (of a TraceState, see trace_state.c): lists[o] is a ring of
 * (value, event) pairs: items[2*((head+k) % cap)] is the k-th pair,
 * k < len <= cap.
 */
#ifndef GORO_TRACE_APPLY_H
#define GORO_TRACE_APPLY_H

#include "trace_impl.h"

/* ---- lists --------------------------------------------------------------- */

static inline void list_grow(TraceList *l) {
    uint32_t nc = l->cap ? l->cap * 2 : 4;
    uint32_t *items = mem_alloc(sizeof *items * 2 * nc);
    for (uint32_t k = 0; k < l->len; k++) {
        uint32_t j = (l->head + k) % l->cap;
        items[2 * k] = l->items[2 * j];
        items[2 * k + 1] = l->items[2 * j + 1];
    }
    mem_free(l->items, sizeof *l->items * 2 * l->cap);
    l->items = items;
    l->cap = nc;
    l->head = 0;
}

/* list_push: append (a, b); [fast]: the caller made sure there is room */
static inline void list_push(TraceList *l, uint32_t a, uint32_t b, int fast) {
    if (!fast && l->len == l->cap) list_grow(l);
    uint32_t j = (l->head + l->len) % l->cap;
    l->items[2 * j] = a;
    l->items[2 * j + 1] = b;
    l->len++;
}

static inline void list_get(const TraceList *l, uint32_t k, uint32_t *a, uint32_t *b) {
    uint32_t j = (l->head + k) % l->cap;
    *a = l->items[2 * j];
    *b = l->items[2 * j + 1];
}

static inline void list_pop_front(TraceList *l) {
    if (!l->len) return;
    l->head = (l->head + 1) % l->cap;
    l->len--;
    if (!l->len) l->head = 0;
}

/* list_remove: remove the first pair whose value is [a], keeping the order */
static inline void list_remove(TraceList *l, uint32_t a) {
    for (uint32_t k = 0; k < l->len; k++) {
        uint32_t x, y;
        list_get(l, k, &x, &y);
        if (x != a) continue;
        for (uint32_t m = k; m + 1 < l->len; m++) {
            uint32_t j0 = (l->head + m) % l->cap, j1 = (l->head + m + 1) % l->cap;
            l->items[2 * j0] = l->items[2 * j1];
            l->items[2 * j0 + 1] = l->items[2 * j1 + 1];
        }
        l->len--;
        if (!l->len) l->head = 0;
        return;
    }
}

static inline void list_clear(TraceList *l) {
    l->len = 0;
    l->head = 0;
}

/* ---- the transition -------------------------------------------------------- */

/* set_gstatus: goroutine [id] ([g]) gets [status] (not BLOCKED: see block)
 * at event [idx]; the recorder [rec] (NULL when replaying) hears of every
 * change of its lane fields ([fast]: it made room in its log). Leaving
 * BLOCKED clears reason and wait_obj, which only BLOCKED sets: so they are
 * 0 afterwards, and the lane fields changed iff the status did. */
static inline void set_gstatus(TraceState *st, TraceObj id, TraceObjState *g, int status, uint32_t idx,
                               Trace *rec, int fast) {
    int old_status = g->status;
    if (old_status == TRACE_G_BLOCKED) {
        g->reason = 0;
        g->wait_obj = 0;
        g->value = 0;
    }
    if (status != TRACE_G_SLEEPING) g->count = 0;
    list_clear(&st->lists[id]);
    g->status = (uint8_t)status;
    g->since = idx;
    g->live = 1;
    if (st->running == id && status != TRACE_G_RUNNING) st->running = 0;
    if (rec && old_status != status) trace_lane_changed(rec, id, (unsigned)status, 0, 0, idx, fast);
}

/* block: goroutine [id] parks with [reason] on [obj] offering [value] */
static inline void block(TraceState *st, TraceObj id, TraceObjState *g, unsigned reason, TraceObj obj,
                         uint32_t value, uint32_t idx, Trace *rec, int fast) {
    uint32_t old_reason = g->reason, old_wait = g->wait_obj;
    int old_status = g->status;
    g->status = TRACE_G_BLOCKED;
    g->since = idx;
    g->live = 1;
    if (st->running == id) st->running = 0;
    g->reason = (uint8_t)reason;
    g->wait_obj = obj;
    g->value = value;
    if (rec && (old_status != TRACE_G_BLOCKED || old_reason != g->reason || old_wait != obj))
        trace_lane_changed(rec, id, TRACE_G_BLOCKED, g->reason, obj, idx, fast);
}

/* apply: the event of kind [kind] (a constant for the compiler to fold,
 * where the caller knows it) with fields [aux], [gid], [oid], [line] (its
 * pos.line, 0 if unknown), [value], [arg] and (OUTPUT) [out_end] (out_off +
 * out_len), index [idx], step [step], vtime [vtime] onto [st]; [rec] is the
 * recording Trace or NULL; [fast] (a constant), that rec made room for two
 * lane log entries and for a CHAN_SEND's buffered value. The fields come as values, not as a TraceEvent:
 * the recorder's callers pass them in registers and never build one.
 * For the recorder (st is rec's live state) the header fields n, step,
 * vtime are filled in when the state is looked at (live_sync), and room
 * for an object and nobjs are made when it is (add_obj). */
TRACE_INLINE void apply(TraceState *st, unsigned kind, unsigned aux, TraceObj gid, TraceObj oid, uint32_t line,
                        uint32_t value, int64_t arg, uint64_t out_end, uint32_t idx, uint64_t step, int64_t vtime,
                        Trace *rec, int fast) {
    if (!rec) { /* the recorder does these where they are cheaper (live_sync, add_obj) */
        TraceObj hi = gid > oid ? gid : oid;
        trace_state_reserve(st, hi); /* before taking pointers: growing moves objs */
        if (hi > st->nobjs) st->nobjs = hi;
        st->n = idx + 1;
        st->step = step;
        st->vtime = vtime;
    }
    /* objs[0] exists but is never written: g, o are used only if ids != 0 */
    TraceObjState *g = &st->objs[gid], *o = &st->objs[oid];
    if (gid && line) g->line = line;
    /* the object acted on, unless it is a goroutine being scheduled */
    if (kind > TRACE_EV_GO_END && oid && oid != gid) {
        if (line) o->line = line;
        o->since = idx;
    }
    switch (kind) {
    case TRACE_EV_OBJ_NEW:
        if (oid) {
            o->live = 1;
            o->since = idx;
            if (line) o->line = line;
        }
        break;
    case TRACE_EV_GO_CREATE:
        if (oid) {
            set_gstatus(st, oid, o, TRACE_G_RUNNABLE, idx, rec, fast);
            if (line) o->line = line;
        }
        break;
    case TRACE_EV_GO_START:
        if (!gid) break;
        if (st->running && st->running != gid && st->objs[st->running].status == TRACE_G_RUNNING)
            set_gstatus(st, st->running, &st->objs[st->running], TRACE_G_RUNNABLE, idx, rec, fast);
        set_gstatus(st, gid, g, TRACE_G_RUNNING, idx, rec, fast);
        st->running = gid;
        break;
    case TRACE_EV_GO_YIELD:
        if (gid) set_gstatus(st, gid, g, TRACE_G_RUNNABLE, idx, rec, fast);
        break;
    case TRACE_EV_GO_BLOCK:
        if (gid) block(st, gid, g, aux, oid, value, idx, rec, fast);
        break;
    case TRACE_EV_GO_UNBLOCK:
        if (oid) set_gstatus(st, oid, o, TRACE_G_RUNNABLE, idx, rec, fast);
        break;
    case TRACE_EV_GO_SLEEP:
        if (!gid) break;
        set_gstatus(st, gid, g, TRACE_G_SLEEPING, idx, rec, fast);
        g->count = arg;
        break;
    case TRACE_EV_GO_END:
        if (gid) set_gstatus(st, gid, g, TRACE_G_DONE, idx, rec, fast);
        break;
    case TRACE_EV_CHAN_SEND:
        if (oid && aux == TRACE_CH_BUF) {
            list_push(&st->lists[oid], value, idx, fast);
            o->count = st->lists[oid].len;
        }
        break;
    case TRACE_EV_CHAN_RECV:
        if (oid && aux == TRACE_CH_BUF) {
            list_pop_front(&st->lists[oid]);
            o->count = st->lists[oid].len;
        }
        break;
    case TRACE_EV_CHAN_CLOSE:
        if (oid) o->flags |= TRACE_SF_CLOSED;
        break;
    case TRACE_EV_SELECT_CASE:
        if (gid && oid) list_push(&st->lists[gid], oid, idx, 0);
        break;
    case TRACE_EV_SELECT:
        if (gid) list_clear(&st->lists[gid]);
        break;
    case TRACE_EV_LOCK:
        if (oid && aux != TRACE_LOCK_TRY_FAIL) o->owner = gid;
        break;
    case TRACE_EV_UNLOCK:
        if (oid) o->owner = 0;
        break;
    case TRACE_EV_RLOCK:
        if (oid && aux != TRACE_LOCK_TRY_FAIL) {
            list_push(&st->lists[oid], gid, idx, 0);
            o->count = st->lists[oid].len;
        }
        break;
    case TRACE_EV_RUNLOCK:
        if (oid) {
            list_remove(&st->lists[oid], gid);
            o->count = st->lists[oid].len;
        }
        break;
    case TRACE_EV_WG_ADD:
        if (oid) o->count += arg;
        break;
    case TRACE_EV_WG_DONE:
        if (oid) o->count -= 1;
        break;
    case TRACE_EV_ONCE:
        if (oid) o->flags |= TRACE_SF_DONE;
        break;
    case TRACE_EV_TIMER_START:
        if (oid) {
            o->flags |= TRACE_SF_ARMED;
            o->count = arg;
        }
        break;
    case TRACE_EV_TIMER_STOP:
    case TRACE_EV_TIMER_FIRE:
        if (oid) o->flags &= (uint8_t)~TRACE_SF_ARMED;
        break;
    case TRACE_EV_CTX_CANCEL:
        if (oid) {
            o->flags |= TRACE_SF_CANCELLED;
            o->value = value;
        }
        break;
    case TRACE_EV_READ:
        if (oid && !o->value) o->value = value;
        break;
    case TRACE_EV_WRITE:
        if (oid) {
            o->value = value;
            o->owner = gid;
        }
        break;
    case TRACE_EV_RACE:
        if (oid) o->flags |= TRACE_SF_RACY;
        st->nraces++;
        break;
    case TRACE_EV_OUTPUT:
        st->out_len = out_end;
        break;
    case TRACE_EV_PANIC:
        st->panic_ev = idx;
        break;
    case TRACE_EV_DEADLOCK:
        st->deadlock = 1;
        break;
    case TRACE_EV_LIMIT:
        st->limit = (uint8_t)aux;
        break;
    case TRACE_EV_RUN_END:
        st->ended = 1;
        st->exit_code = (int32_t)arg;
        break;
    default:
        break;
    }
}

#endif
