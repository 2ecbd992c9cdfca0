/* trace_state: replaying the one state transition (trace_state_apply, the
 * transition itself is trace_apply.h), keyframe snapshots, and rebuilding
 * the state at any event.
 *
 * Invariants:
 *   - a TraceState's objs/lists have cap_objs entries, nobjs + 1 <= cap_objs
 *     (or all zero when empty); entries past nobjs are all-zero;
 *   - lists[o] is a ring of (value, event) pairs: items[2*((head+k) % cap)]
 *     is the k-th pair, k < len <= cap;
 *   - a keyframe is bytes: KfHdr, then objs[0..nobjs] verbatim, then for each
 *     object with a non-empty list: its id, its length, its pairs in order.
 */
#include "trace_apply.h"

#include <string.h>

int trace_list_front(const TraceState *st, TraceObj o, uint32_t *a, uint32_t *b) {
    if (o == 0 || o > st->nobjs || !st->lists[o].len) return 0;
    list_get(&st->lists[o], 0, a, b);
    return 1;
}

/* ---- state lifetime -------------------------------------------------------- */

void trace_state_init(TraceState *st) {
    memset(st, 0, sizeof *st);
    st->panic_ev = -1;
}

void trace_state_free(TraceState *st) {
    for (uint32_t i = 0; i < st->cap_objs; i++)
        mem_free(st->lists[i].items, sizeof(uint32_t) * 2 * st->lists[i].cap);
    mem_big_free(st->objs, sizeof *st->objs * st->cap_objs);
    mem_big_free(st->lists, sizeof *st->lists * st->cap_objs);
    trace_state_init(st);
}

void trace_state_grow(TraceState *st, uint32_t o) {
    uint32_t nc = st->cap_objs ? st->cap_objs : 16;
    while (nc <= o) nc *= 2;
    st->objs = mem_big_resize(st->objs, sizeof *st->objs * st->cap_objs, sizeof *st->objs * nc);
    st->lists = mem_big_resize(st->lists, sizeof *st->lists * st->cap_objs, sizeof *st->lists * nc);
    st->cap_objs = nc;
}

/* reset to the empty state, keeping allocations */
static void state_clear(TraceState *st) {
    for (uint32_t i = 0; i <= st->nobjs && i < st->cap_objs; i++) {
        memset(&st->objs[i], 0, sizeof st->objs[i]);
        list_clear(&st->lists[i]);
    }
    st->n = 0;
    st->step = 0;
    st->vtime = 0;
    st->running = 0;
    st->out_len = 0;
    st->nraces = 0;
    st->deadlock = st->ended = st->limit = 0;
    st->exit_code = 0;
    st->panic_ev = -1;
    st->nobjs = 0;
}

/* ---- the transition (trace_apply.h) ----------------------------------------- */

void trace_state_apply(TraceState *st, const TraceEvent *ev, uint32_t idx) {
    apply(st, (unsigned)ev->kind, (unsigned)ev->aux, ev->g, ev->obj, ev->pos.line > 0 ? (uint32_t)ev->pos.line : 0,
          ev->value, ev->arg, ev->out_off + ev->out_len, idx, ev->step, ev->vtime, NULL, 0);
}

/* ---- copy / compare -------------------------------------------------------- */

static void copy_header(TraceState *dst, const TraceState *src) {
    dst->n = src->n;
    dst->step = src->step;
    dst->vtime = src->vtime;
    dst->running = src->running;
    dst->out_len = src->out_len;
    dst->nraces = src->nraces;
    dst->deadlock = src->deadlock;
    dst->ended = src->ended;
    dst->limit = src->limit;
    dst->exit_code = src->exit_code;
    dst->panic_ev = src->panic_ev;
}

void trace_state_copy(TraceState *dst, const TraceState *src) {
    if (dst == src) return;
    state_clear(dst);
    copy_header(dst, src);
    dst->src = src->src;
    if (src->nobjs) trace_state_reserve(dst, src->nobjs);
    dst->nobjs = src->nobjs;
    for (uint32_t i = 0; i <= src->nobjs && i < src->cap_objs; i++) {
        dst->objs[i] = src->objs[i];
        const TraceList *l = &src->lists[i];
        for (uint32_t k = 0; k < l->len; k++) {
            uint32_t a, b;
            list_get(l, k, &a, &b);
            list_push(&dst->lists[i], a, b, 0);
        }
    }
}

int trace_state_equal(const TraceState *a, const TraceState *b) {
    if (a->n != b->n || a->step != b->step || a->vtime != b->vtime || a->running != b->running ||
        a->out_len != b->out_len || a->nraces != b->nraces || a->deadlock != b->deadlock ||
        a->ended != b->ended || a->limit != b->limit || a->exit_code != b->exit_code ||
        a->panic_ev != b->panic_ev || a->nobjs != b->nobjs)
        return 0;
    for (uint32_t i = 1; i <= a->nobjs; i++) {
        if (memcmp(&a->objs[i], &b->objs[i], sizeof a->objs[i]) != 0) return 0;
        const TraceList *la = &a->lists[i], *lb = &b->lists[i];
        if (la->len != lb->len) return 0;
        for (uint32_t k = 0; k < la->len; k++) {
            uint32_t x1, y1, x2, y2;
            list_get(la, k, &x1, &y1);
            list_get(lb, k, &x2, &y2);
            if (x1 != x2 || y1 != y2) return 0;
        }
    }
    return 1;
}

/* ---- keyframes ------------------------------------------------------------- */

typedef struct KfHdr {
    uint64_t step, out_len;
    int64_t vtime, panic_ev;
    uint32_t n, running, nraces, nobjs, nlists;
    int32_t exit_code;
    uint8_t deadlock, ended, limit, pad;
} KfHdr;

size_t trace_kf_size(const TraceState *st) {
    size_t size = sizeof(KfHdr) + sizeof(TraceObjState) * ((size_t)st->nobjs + 1);
    for (uint32_t i = 1; i <= st->nobjs; i++)
        if (st->lists[i].len) size += sizeof(uint32_t) * (2 + 2 * (size_t)st->lists[i].len);
    return size;
}

/* Objects in a keyframe: a byte saying which fields are nonzero (KF_*),
 * then the four small fields raw (if any is nonzero) and the others as
 * LEB128 (count zigzagged): a finished goroutine takes ~8 bytes, not 32. */
enum { KF_SMALL = 1, KF_LINE = 2, KF_WAIT = 4, KF_OWNER = 8, KF_VALUE = 16, KF_SINCE = 32, KF_COUNT = 64 };

static unsigned char *kf_put_uv(unsigned char *p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

static uint64_t kf_get_uv(const unsigned char **pp) {
    const unsigned char *p = *pp;
    uint64_t v = *p & 0x7f;
    int sh = 7;
    while (*p++ & 0x80) {
        v |= (uint64_t)(*p & 0x7f) << sh;
        sh += 7;
    }
    *pp = p;
    return v;
}

static unsigned char *kf_put_obj(unsigned char *p, const TraceObjState *o) {
    unsigned m = (o->live | o->status | o->reason | o->flags ? KF_SMALL : 0) | (o->line ? KF_LINE : 0) |
                 (o->wait_obj ? KF_WAIT : 0) | (o->owner ? KF_OWNER : 0) | (o->value ? KF_VALUE : 0) |
                 (o->since ? KF_SINCE : 0) | (o->count ? KF_COUNT : 0);
    *p++ = (unsigned char)m;
    if (m & KF_SMALL) {
        *p++ = o->live;
        *p++ = o->status;
        *p++ = o->reason;
        *p++ = o->flags;
    }
    if (m & KF_LINE) p = kf_put_uv(p, o->line);
    if (m & KF_WAIT) p = kf_put_uv(p, o->wait_obj);
    if (m & KF_OWNER) p = kf_put_uv(p, o->owner);
    if (m & KF_VALUE) p = kf_put_uv(p, o->value);
    if (m & KF_SINCE) p = kf_put_uv(p, o->since);
    if (m & KF_COUNT) p = kf_put_uv(p, ((uint64_t)o->count << 1) ^ (uint64_t)(o->count >> 63));
    return p;
}

static const unsigned char *kf_get_obj(const unsigned char *p, TraceObjState *o) {
    memset(o, 0, sizeof *o);
    unsigned m = *p++;
    if (m & KF_SMALL) {
        o->live = p[0];
        o->status = p[1];
        o->reason = p[2];
        o->flags = p[3];
        p += 4;
    }
    if (m & KF_LINE) o->line = (uint32_t)kf_get_uv(&p);
    if (m & KF_WAIT) o->wait_obj = (uint32_t)kf_get_uv(&p);
    if (m & KF_OWNER) o->owner = (uint32_t)kf_get_uv(&p);
    if (m & KF_VALUE) o->value = (uint32_t)kf_get_uv(&p);
    if (m & KF_SINCE) o->since = (uint32_t)kf_get_uv(&p);
    if (m & KF_COUNT) {
        uint64_t u = kf_get_uv(&p);
        o->count = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
    }
    return p;
}

static unsigned char *kf_room(Trace *t, size_t n) {
    if (t->kf_used + n > t->kf_cap) {
        size_t nc = t->kf_cap ? t->kf_cap * 2 : 65536;
        while (nc < t->kf_used + n) nc *= 2;
        t->kfdata = mem_big_resize(t->kfdata, t->kf_cap, nc);
        t->kf_cap = nc;
    }
    unsigned char *p = t->kfdata + t->kf_used;
    t->kf_used += n;
    return p;
}

void trace_kf_take(Trace *t) {
    const TraceState *st = &t->live;
    KfHdr h;
    memset(&h, 0, sizeof h);
    h.step = st->step;
    h.out_len = st->out_len;
    h.vtime = st->vtime;
    h.panic_ev = st->panic_ev;
    h.n = st->n;
    h.running = st->running;
    h.nraces = st->nraces;
    h.nobjs = st->nobjs;
    h.exit_code = st->exit_code;
    h.deadlock = st->deadlock;
    h.ended = st->ended;
    h.limit = st->limit;
    for (uint32_t i = 1; i <= st->nobjs; i++) h.nlists += st->lists[i].len != 0;
    /* room for the raw size plus 8 per object (an encoded object takes at
     * most 40 bytes), the unused tail given back */
    TraceKeyframe kf = {st->n, t->kf_used, trace_kf_size(st) + 8 * ((size_t)st->nobjs + 1)};
    unsigned char *p = kf_room(t, kf.size), *p0 = p;
    memcpy(p, &h, sizeof h);
    p += sizeof h;
    for (uint32_t i = 0; i <= st->nobjs; i++) p = kf_put_obj(p, &st->objs[i]);
    for (uint32_t i = 1; i <= st->nobjs; i++) {
        const TraceList *l = &st->lists[i];
        if (!l->len) continue;
        uint32_t w[2] = {i, l->len};
        memcpy(p, w, sizeof w);
        p += sizeof w;
        for (uint32_t k = 0; k < l->len; k++) {
            uint32_t pair[2];
            list_get(l, k, &pair[0], &pair[1]);
            memcpy(p, pair, sizeof pair);
            p += sizeof pair;
        }
    }
    GORO_ASSERT((size_t)(p - p0) <= kf.size);
    t->kf_used -= kf.size - (size_t)(p - p0);
    kf.size = (size_t)(p - p0);
    VEC_PUSH(t->kfs, kf);
}

static void kf_restore(const Trace *t, const TraceKeyframe *kf, TraceState *st) {
    state_clear(st);
    const unsigned char *p = t->kfdata + kf->off;
    KfHdr h;
    memcpy(&h, p, sizeof h);
    p += sizeof h;
    st->n = h.n;
    st->step = h.step;
    st->vtime = h.vtime;
    st->running = h.running;
    st->out_len = h.out_len;
    st->nraces = h.nraces;
    st->deadlock = h.deadlock;
    st->ended = h.ended;
    st->limit = h.limit;
    st->exit_code = h.exit_code;
    st->panic_ev = h.panic_ev;
    trace_state_reserve(st, h.nobjs);
    st->nobjs = h.nobjs;
    for (uint32_t i = 0; i <= h.nobjs; i++) p = kf_get_obj(p, &st->objs[i]);
    for (uint32_t k = 0; k < h.nlists; k++) {
        uint32_t w[2];
        memcpy(w, p, sizeof w);
        p += sizeof w;
        TraceList *l = &st->lists[w[0]];
        while (l->cap < w[1]) list_grow(l);
        memcpy(l->items, p, sizeof(uint32_t) * 2 * w[1]);
        l->head = 0;
        l->len = w[1];
        p += sizeof(uint32_t) * 2 * w[1];
    }
}

/* ---- rebuilding ------------------------------------------------------------ */

/* replay events [st->n, n) onto st */
static void replay(const Trace *t, TraceState *st, uint32_t n) {
    uint32_t i = st->n;
    if (i >= n) return;
    int64_t m = trace_time_mark(t, i);
    int64_t vtime = m < 0 ? 0 : t->times.items[m].vtime;
    int64_t next_ev = m + 1 < t->times.len ? (int64_t)t->times.items[m + 1].ev : INT64_MAX;
    TraceEvent ev;
    for (; i < n; i++) {
        if ((int64_t)i >= next_ev) {
            m++;
            vtime = t->times.items[m].vtime;
            next_ev = m + 1 < t->times.len ? (int64_t)t->times.items[m + 1].ev : INT64_MAX;
        }
        trace_decode(t, i, vtime, &ev);
        trace_state_apply(st, &ev, i);
    }
}

void trace_state_at(const Trace *t, uint32_t n, TraceState *st) {
    if (n > t->nev) n = t->nev;
    /* the last keyframe at or before n */
    int lo = 0, hi = t->kfs.len;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (t->kfs.items[mid].n <= n) lo = mid + 1;
        else hi = mid;
    }
    int k = lo - 1;
    uint32_t kfn = k >= 0 ? t->kfs.items[k].n : 0;
    /* continue from st only if it is an earlier state of this very trace
     * (the step check guards against a new trace at a freed one's address) */
    int same = st->src == t && st->n <= n && st->n >= kfn && st->n <= t->nev;
    if (same && st->n > 0) {
        TraceRaw r;
        trace_raw_at(t, st->n - 1, &r);
        same = r.step == st->step;
    }
    if (!same) {
        if (k >= 0) kf_restore(t, &t->kfs.items[k], st);
        else state_clear(st);
        st->src = t;
    }
    replay(t, st, n);
    /* every object of the trace can be looked up, created yet or not */
    trace_state_reserve(st, (uint32_t)t->objs.len);
}

/* ---- accessors ------------------------------------------------------------- */

uint32_t trace_state_chan_len(const TraceState *st, TraceObj ch) {
    if (ch == 0 || ch > st->nobjs) return 0;
    return st->lists[ch].len;
}

uint32_t trace_state_chan_value(const TraceState *st, TraceObj ch, uint32_t k, uint32_t *send_ev) {
    if (ch == 0 || ch > st->nobjs || k >= st->lists[ch].len) return 0;
    uint32_t v, e;
    list_get(&st->lists[ch], k, &v, &e);
    if (send_ev) *send_ev = e;
    return v;
}

static uint32_t list_values(const TraceState *st, TraceObj o, TraceObj *out, uint32_t max) {
    if (o == 0 || o > st->nobjs) return 0;
    const TraceList *l = &st->lists[o];
    for (uint32_t k = 0; k < l->len && k < max; k++) {
        uint32_t e;
        list_get(l, k, &out[k], &e);
    }
    return l->len;
}

uint32_t trace_state_readers(const TraceState *st, TraceObj rw, TraceObj *out, uint32_t max) {
    return list_values(st, rw, out, max);
}

uint32_t trace_state_select_cases(const TraceState *st, TraceObj g, TraceObj *out, uint32_t max) {
    return list_values(st, g, out, max);
}

static int waits_on(const TraceState *st, TraceObj g, TraceObj obj) {
    const TraceObjState *os = &st->objs[g];
    if (os->status != TRACE_G_BLOCKED) return 0;
    if (os->wait_obj == obj) return 1;
    if (os->reason != TRACE_WAIT_SELECT) return 0;
    const TraceList *l = &st->lists[g];
    for (uint32_t k = 0; k < l->len; k++) {
        uint32_t a, b;
        list_get(l, k, &a, &b);
        if (a == obj) return 1;
    }
    return 0;
}

uint32_t trace_state_waiters(const TraceState *st, TraceObj obj, TraceObj *out, uint32_t max) {
    uint32_t count = 0;
    if (obj == 0) return 0;
    for (TraceObj g = 1; g <= st->nobjs; g++) {
        if (!waits_on(st, g, obj)) continue;
        if (count < max) {
            /* insertion by (since, id): waiter lists are short */
            uint32_t j = count;
            while (j > 0 && st->objs[out[j - 1]].since > st->objs[g].since) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = g;
        } else if (max > 0 && st->objs[out[max - 1]].since > st->objs[g].since) {
            uint32_t j = max - 1;
            while (j > 0 && st->objs[out[j - 1]].since > st->objs[g].since) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = g;
        }
        count++;
    }
    return count;
}

TraceObj trace_state_blocker(const TraceState *st, TraceObj g) {
    if (g == 0 || g > st->nobjs || st->objs[g].status != TRACE_G_BLOCKED) return 0;
    TraceObj o = st->objs[g].wait_obj;
    if (o == 0 || o > st->nobjs) return 0;
    switch (st->objs[g].reason) {
    case TRACE_WAIT_MUTEX_LOCK:
    case TRACE_WAIT_RWMUTEX_RLOCK: return st->objs[o].owner;
    case TRACE_WAIT_RWMUTEX_LOCK: {
        if (st->objs[o].owner) return st->objs[o].owner;
        uint32_t a, b;
        return trace_list_front(st, o, &a, &b) ? a : 0;
    }
    default: return 0;
    }
}
