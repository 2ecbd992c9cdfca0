/* trace: recording (objects, strings, events) and the query API.
 *
 * Invariants: see trace_impl.h. In addition, every event is applied to
 * t->live right after it is stored, with trace_state_apply, and the lanes and
 * per-goroutine indexes are extended from the status changes that apply made.
 */
#include "trace_impl.h"

#include <inttypes.h>
#include <string.h>

/* ---- names ------------------------------------------------------------- */

static const char *const wait_names[] = {
#define TRACE_X_(name, text) text,
    TRACE_WAIT_REASONS(TRACE_X_)
#undef TRACE_X_
};
static const char *const kind_names[] = {
#define TRACE_X_(name, text) text,
    TRACE_EVENT_KINDS(TRACE_X_)
#undef TRACE_X_
};
static const char *const obj_kind_names[] = {
#define TRACE_X_(name, text) text,
    TRACE_OBJ_KINDS(TRACE_X_)
#undef TRACE_X_
};
static const char *const gstatus_names[] = {"none",    "runnable", "running",
                                            "blocked", "sleeping", "done"};

const char *trace_wait_reason_name(int r) {
    return r >= 0 && r < TRACE_WAIT__COUNT ? wait_names[r] : "";
}
const char *trace_event_kind_name(int k) {
    return k >= 0 && k < TRACE_EV__COUNT ? kind_names[k] : "?";
}
const char *trace_obj_kind_name(int k) {
    return k >= 0 && k < TRACE_OBJ__COUNT ? obj_kind_names[k] : "?";
}
const char *trace_gstatus_name(int s) {
    return s >= 0 && s < TRACE_G__COUNT ? gstatus_names[s] : "?";
}

/* ---- lifetime ------------------------------------------------------------ */

Trace *trace_new(const TraceOptions *opt) {
    Trace *t = mem_alloc(sizeof *t);
    if (opt) t->opt = *opt;
    if (t->opt.keyframe_interval == 0) t->opt.keyframe_interval = 512;
    t->next_kf_n = t->opt.keyframe_interval;
    trace_state_init(&t->live);
    t->live.src = t;
    /* string 0 is "" */
    trace_intern(t, "", 0);
    TraceObjInfo none = {0};
    VEC_PUSH(t->objs, none);
    return t;
}

void trace_free(Trace *t) {
    if (!t) return;
    for (uint32_t i = 0; i < t->nchunks; i++) mem_free(t->chunks[i], sizeof(TraceRec) * TRACE_CHUNK);
    mem_free(t->chunks, sizeof *t->chunks * t->cap_chunks);
    VEC_FREE(t->big);
    VEC_FREE(t->times);
    for (uint32_t i = 0; i < t->nschunks; i++) mem_free(t->schunks[i], TRACE_STR_CHUNK);
    mem_free(t->schunks, sizeof *t->schunks * t->cap_schunks);
    /* oversized strings got their own blocks */
    for (int i = 0; i < t->strs.len; i++)
        if (t->strs.items[i].len + 1 > TRACE_STR_CHUNK / 4)
            mem_free((void *)t->strs.items[i].s, t->strs.items[i].len + 1);
    VEC_FREE(t->strs);
    mem_free(t->htab, sizeof *t->htab * t->hcap);
    mem_free(t->out, t->out_cap);
    for (int i = 0; i < t->meta.len; i++) {
        mem_free(t->meta.items[i].key, strlen(t->meta.items[i].key) + 1);
        mem_free(t->meta.items[i].value, strlen(t->meta.items[i].value) + 1);
    }
    VEC_FREE(t->meta);
    VEC_FREE(t->funcs);
    VEC_FREE(t->objs);
    VEC_FREE(t->gs);
    VEC_FREE(t->by_goid);
    for (int i = 0; i < t->gidx.len; i++) {
        VEC_FREE(t->gidx.items[i].ev);
        VEC_FREE(t->gidx.items[i].lane);
    }
    VEC_FREE(t->gidx);
    trace_state_free(&t->live);
    VEC_FREE(t->kfs);
    mem_free(t->kfdata, t->kf_cap);
    mem_free(t, sizeof *t);
}

void trace_set_meta(Trace *t, const char *key, const char *value) {
    for (int i = 0; i < t->meta.len; i++) {
        if (strcmp(t->meta.items[i].key, key) == 0) {
            mem_free(t->meta.items[i].value, strlen(t->meta.items[i].value) + 1);
            t->meta.items[i].value = mem_strndup(value, strlen(value));
            return;
        }
    }
    TraceMetaEnt m = {mem_strndup(key, strlen(key)), mem_strndup(value, strlen(value))};
    VEC_PUSH(t->meta, m);
}

/* ---- strings ------------------------------------------------------------- */

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void rehash(Trace *t) {
    uint32_t ncap = t->hcap ? t->hcap * 2 : 1024;
    uint32_t *nt = mem_alloc(sizeof *nt * ncap);
    for (int i = 0; i < t->strs.len; i++) {
        uint32_t j = t->strs.items[i].hash & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = (uint32_t)i + 1;
    }
    mem_free(t->htab, sizeof *t->htab * t->hcap);
    t->htab = nt;
    t->hcap = ncap;
}

static const char *store_bytes(Trace *t, const char *s, size_t len) {
    if (len + 1 > TRACE_STR_CHUNK / 4) return mem_strndup(s, len); /* own block */
    if (t->nschunks == 0 || t->sused + len + 1 > TRACE_STR_CHUNK) {
        if (t->nschunks == t->cap_schunks) {
            uint32_t nc = t->cap_schunks ? t->cap_schunks * 2 : 8;
            t->schunks = mem_realloc(t->schunks, sizeof *t->schunks * t->cap_schunks,
                                     sizeof *t->schunks * nc);
            t->cap_schunks = nc;
        }
        t->schunks[t->nschunks++] = mem_alloc(TRACE_STR_CHUNK);
        t->sused = 0;
    }
    char *p = t->schunks[t->nschunks - 1] + t->sused;
    memcpy(p, s, len);
    p[len] = 0;
    t->sused += len + 1;
    return p;
}

uint32_t trace_intern(Trace *t, const char *s, size_t len) {
    GORO_ASSERT(len < UINT32_MAX);
    if ((uint32_t)(t->strs.len + 1) * 2 > t->hcap) rehash(t);
    uint32_t h = fnv1a(s, len);
    uint32_t j = h & (t->hcap - 1);
    while (t->htab[j]) {
        const TraceStrEnt *e = &t->strs.items[t->htab[j] - 1];
        if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0) return t->htab[j] - 1;
        j = (j + 1) & (t->hcap - 1);
    }
    TraceStrEnt e = {store_bytes(t, s, len), (uint32_t)len, h};
    t->sbytes += len + 1;
    VEC_PUSH(t->strs, e);
    t->htab[j] = (uint32_t)t->strs.len;
    return (uint32_t)t->strs.len - 1;
}

uint32_t trace_intern_cstr(Trace *t, const char *s) {
    return s ? trace_intern(t, s, strlen(s)) : 0;
}

uint32_t trace_intern_int(Trace *t, int64_t v) {
    if (v >= 0 && v < 1024 && t->int_cache[v]) return t->int_cache[v] - 1;
    /* hand-rolled: snprintf dominated the recording hot path */
    char buf[24];
    int w = (int)sizeof buf;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        buf[--w] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) buf[--w] = '-';
    uint32_t id = trace_intern(t, buf + w, sizeof buf - (size_t)w);
    if (v >= 0 && v < 1024) t->int_cache[v] = id + 1;
    return id;
}

const char *trace_str(const Trace *t, uint32_t id, uint32_t *len) {
    if (id >= (uint32_t)t->strs.len) {
        if (len) *len = 0;
        return "";
    }
    if (len) *len = t->strs.items[id].len;
    return t->strs.items[id].s;
}

uint32_t trace_str_count(const Trace *t) { return (uint32_t)t->strs.len; }

void trace_add_func(Trace *t, const char *name, int first, int last) {
    TraceFuncSpan f = {trace_intern_cstr(t, name), first, last};
    VEC_PUSH(t->funcs, f);
}

uint32_t trace_func_at(const Trace *t, int line) {
    /* innermost = the shortest span containing line; ties: declared last */
    uint32_t best = 0;
    int best_len = 0;
    for (int i = 0; i < t->funcs.len; i++) {
        const TraceFuncSpan *f = &t->funcs.items[i];
        if (line < f->first || line > f->last) continue;
        int len = f->last - f->first;
        if (!best || len <= best_len) {
            best = f->name;
            best_len = len;
        }
    }
    return best;
}

/* ---- objects ------------------------------------------------------------- */

static TraceObj add_obj(Trace *t, TraceObjKind kind, const char *name, Pos pos) {
    GORO_ASSERT(kind > TRACE_OBJ_NONE && kind < TRACE_OBJ__COUNT);
    GORO_ASSERT(t->objs.len < INT32_MAX - 1);
    TraceObjInfo info = {0};
    info.kind = kind;
    info.index = t->kind_count[kind]++;
    info.name = trace_intern_cstr(t, name);
    info.pos = pos;
    info.created_ev = t->nev;
    VEC_PUSH(t->objs, info);
    return (TraceObj)t->objs.len - 1;
}

TraceObj trace_new_goroutine(Trace *t, uint64_t step, TraceObj parent, uint32_t goid,
                             const char *fn, Pos pos) {
    GORO_ASSERT(goid > 0);
    GORO_ASSERT(t->gs.len == 0 || goid > t->objs.items[t->gs.items[t->gs.len - 1]].goid);
    TraceObj o = add_obj(t, TRACE_OBJ_GOROUTINE, NULL, pos);
    TraceObjInfo *info = &t->objs.items[o];
    info->goid = goid;
    info->parent = parent;
    info->fn = trace_intern_cstr(t, fn);
    VEC_PUSH(t->gs, o);
    TraceGIdx gi = {{0}, {0}, -1};
    VEC_PUSH(t->gidx, gi);
    if (goid < 1u << 24) { /* Go ids are small; a direct table is cheapest */
        while ((uint32_t)t->by_goid.len <= goid) VEC_PUSH(t->by_goid, 0);
        t->by_goid.items[goid] = o;
    }
    trace_emit(t, &(TraceEvent){.kind = TRACE_EV_GO_CREATE, .g = parent, .obj = o, .pos = pos,
                                .step = step});
    return o;
}

TraceObj trace_new_object(Trace *t, uint64_t step, TraceObj g, TraceObjKind kind,
                          const char *name, Pos pos) {
    GORO_ASSERT(kind != TRACE_OBJ_GOROUTINE);
    TraceObj o = add_obj(t, kind, name, pos);
    trace_emit(t, &(TraceEvent){.kind = TRACE_EV_OBJ_NEW, .aux = (int)kind, .g = g, .obj = o,
                                .pos = pos, .step = step});
    return o;
}

void trace_obj_set_chan(Trace *t, TraceObj ch, const char *elem, int64_t cap) {
    GORO_ASSERT(ch > 0 && ch < (TraceObj)t->objs.len);
    t->objs.items[ch].elem = trace_intern_cstr(t, elem);
    t->objs.items[ch].cap = cap;
}

void trace_obj_set_name(Trace *t, TraceObj o, const char *name) {
    GORO_ASSERT(o > 0 && o < (TraceObj)t->objs.len);
    t->objs.items[o].name = trace_intern_cstr(t, name);
}

void trace_obj_set_link(Trace *t, TraceObj o, TraceObj link) {
    GORO_ASSERT(o > 0 && o < (TraceObj)t->objs.len);
    t->objs.items[o].link = link;
}

uint32_t trace_obj_count(const Trace *t) { return (uint32_t)t->objs.len - 1; }

const TraceObjInfo *trace_obj(const Trace *t, TraceObj o) {
    return o > 0 && o < (TraceObj)t->objs.len ? &t->objs.items[o] : NULL;
}

const char *trace_obj_name(const Trace *t, TraceObj o, char *buf, size_t n) {
    const TraceObjInfo *info = trace_obj(t, o);
    if (!info) snprintf(buf, n, "-");
    else if (info->kind == TRACE_OBJ_GOROUTINE) snprintf(buf, n, "g%" PRIu32, info->goid);
    else if (info->name) snprintf(buf, n, "%s", trace_str(t, info->name, NULL));
    else snprintf(buf, n, "%s#%" PRIu32, trace_obj_kind_name(info->kind), o);
    return buf;
}

uint32_t trace_goroutine_count(const Trace *t) { return (uint32_t)t->gs.len; }

TraceObj trace_goroutine_at(const Trace *t, uint32_t k) {
    return k < (uint32_t)t->gs.len ? t->gs.items[k] : 0;
}

TraceObj trace_goroutine_by_goid(const Trace *t, uint32_t goid) {
    if (goid < (uint32_t)t->by_goid.len) return t->by_goid.items[goid];
    for (int i = 0; i < t->gs.len; i++)
        if (t->objs.items[t->gs.items[i]].goid == goid) return t->gs.items[i];
    return 0;
}

static const TraceGIdx *gidx_of(const Trace *t, TraceObj g) {
    const TraceObjInfo *info = trace_obj(t, g);
    if (!info || info->kind != TRACE_OBJ_GOROUTINE) return NULL;
    return &t->gidx.items[info->index];
}

/* ---- events -------------------------------------------------------------- */

static TraceRec *new_rec(Trace *t) {
    GORO_ASSERT(t->nev < INT32_MAX);
    uint32_t c = t->nev >> TRACE_CHUNK_BITS;
    if (c == t->nchunks) {
        if (t->nchunks == t->cap_chunks) {
            uint32_t nc = t->cap_chunks ? t->cap_chunks * 2 : 16;
            t->chunks = mem_realloc(t->chunks, sizeof *t->chunks * t->cap_chunks,
                                    sizeof *t->chunks * nc);
            t->cap_chunks = nc;
        }
        t->chunks[t->nchunks++] = mem_alloc(sizeof(TraceRec) * TRACE_CHUNK);
    }
    return &t->chunks[c][t->nev & (TRACE_CHUNK - 1)];
}

static int changes_status(int kind) {
    return kind >= TRACE_EV_GO_CREATE && kind <= TRACE_EV_GO_END;
}

typedef struct GSnap {
    TraceObj g;
    uint8_t status, reason;
    TraceObj wait_obj;
} GSnap;

static void snap_g(const Trace *t, GSnap *s, TraceObj g) {
    s->g = 0;
    const TraceObjInfo *info = trace_obj(t, g);
    if (!info || info->kind != TRACE_OBJ_GOROUTINE) return;
    s->g = g;
    if (g <= t->live.nobjs) {
        const TraceObjState *os = &t->live.objs[g];
        s->status = os->status;
        s->reason = os->reason;
        s->wait_obj = os->wait_obj;
    } else {
        s->status = TRACE_G_NONE;
        s->reason = 0;
        s->wait_obj = 0;
    }
}

static void lane_update(Trace *t, const GSnap *s, uint32_t idx) {
    if (!s->g) return;
    const TraceObjState *os = &t->live.objs[s->g];
    if (os->status == s->status && os->reason == s->reason && os->wait_obj == s->wait_obj) return;
    TraceGIdx *gi = &t->gidx.items[t->objs.items[s->g].index];
    TraceLaneRec r = {idx, os->status, os->reason, 0, os->wait_obj};
    VEC_PUSH(gi->lane, r);
}

static void index_g(Trace *t, TraceObj g, uint32_t idx) {
    const TraceObjInfo *info = trace_obj(t, g);
    if (!info || info->kind != TRACE_OBJ_GOROUTINE) return;
    TraceGIdx *gi = &t->gidx.items[info->index];
    if (gi->ev.len && gi->ev.items[gi->ev.len - 1] == idx) return;
    VEC_PUSH(gi->ev, idx);
}

/* store_emit: the one path into the event store. [ev] is complete (flow and
 * output fields included). */
static uint32_t store_emit(Trace *t, TraceEvent *ev) {
    GORO_ASSERT(!t->finished);
    GORO_ASSERT(ev->kind >= 0 && ev->kind < TRACE_EV__COUNT);
    GORO_ASSERT(ev->aux >= 0 && ev->aux <= 255);
    GORO_ASSERT(ev->g < (TraceObj)t->objs.len && ev->obj < (TraceObj)t->objs.len);
    if (ev->step == 0) ev->step = t->clk_step;
    if (ev->vtime == 0) ev->vtime = t->clk_vtime;
    GORO_ASSERT(ev->step >= t->cur_step);
    GORO_ASSERT(ev->vtime >= t->cur_vtime);
    if (ev->step > t->clk_step) t->clk_step = ev->step;
    if (ev->vtime > t->clk_vtime) t->clk_vtime = ev->vtime;
    uint32_t idx = t->nev;
    if (ev->vtime != t->cur_vtime) {
        TraceTimeMark m = {idx, ev->vtime};
        VEC_PUSH(t->times, m);
        t->cur_vtime = ev->vtime;
    }
    t->cur_step = ev->step;

    TraceRec *r = new_rec(t);
    r->step = ev->step;
    r->g = ev->g;
    r->obj = ev->obj;
    r->line = ev->pos.line > 0 ? (uint32_t)ev->pos.line : 0;
    r->col = ev->pos.col <= 0 ? 0 : ev->pos.col > 65535 ? 65535 : (uint16_t)ev->pos.col;
    r->aux = (uint8_t)ev->aux;
    r->kind = (uint8_t)ev->kind;
    int64_t arg = ev->arg;
    r->value = ev->value;
    if (ev->kind == TRACE_EV_CHAN_RECV) arg = ev->flow;
    if (ev->kind == TRACE_EV_OUTPUT) {
        arg = (int64_t)ev->out_off;
        r->value = ev->out_len;
    }
    if (arg >= INT32_MIN && arg <= INT32_MAX) {
        r->arg = (uint32_t)(int32_t)arg;
    } else {
        r->kind |= TRACE_KIND_BIGARG;
        r->arg = (uint32_t)t->big.len;
        VEC_PUSH(t->big, arg);
    }
    t->nev++;

    /* apply, following status changes for the lanes */
    if (changes_status(ev->kind)) {
        GSnap s[3];
        snap_g(t, &s[0], ev->g);
        snap_g(t, &s[1], ev->obj != ev->g ? ev->obj : 0);
        snap_g(t, &s[2], t->live.running != ev->g && t->live.running != ev->obj ? t->live.running : 0);
        trace_state_apply(&t->live, ev, idx);
        for (int i = 0; i < 3; i++) lane_update(t, &s[i], idx);
    } else {
        trace_state_apply(&t->live, ev, idx);
    }
    index_g(t, ev->g, idx);
    if ((ev->kind == TRACE_EV_GO_CREATE || ev->kind == TRACE_EV_GO_UNBLOCK) && ev->obj != ev->g)
        index_g(t, ev->obj, idx);
    if (ev->kind == TRACE_EV_CHAN_SEND ||
        (ev->kind == TRACE_EV_GO_BLOCK && ev->aux == TRACE_WAIT_CHAN_SEND)) {
        const TraceObjInfo *info = trace_obj(t, ev->g);
        if (info && info->kind == TRACE_OBJ_GOROUTINE) t->gidx.items[info->index].last_offer = idx;
    }

    if (t->nev >= t->next_kf_n) {
        size_t size = trace_kf_size(&t->live);
        uint32_t need = t->opt.keyframe_interval;
        if (size / 8 > need) need = (uint32_t)(size / 8 < INT32_MAX ? size / 8 : INT32_MAX);
        if (t->nev - t->last_kf_n >= need) {
            trace_kf_take(t);
            t->last_kf_n = t->nev;
            t->next_kf_n = t->nev + t->opt.keyframe_interval;
        } else {
            t->next_kf_n = t->last_kf_n + need;
        }
    }
    return idx;
}

void trace_set_clock(Trace *t, uint64_t step, int64_t vtime) {
    GORO_ASSERT(step >= t->clk_step && vtime >= t->clk_vtime);
    t->clk_step = step;
    t->clk_vtime = vtime;
}

uint32_t trace_emit(Trace *t, const TraceEvent *in) {
    GORO_ASSERT(in->kind != TRACE_EV_OUTPUT); /* use trace_output */
    TraceEvent ev = *in;
    ev.flow = -1;
    ev.out_off = 0;
    ev.out_len = 0;
    if (ev.kind == TRACE_EV_CHAN_RECV) {
        if (ev.aux == TRACE_CH_BUF) {
            uint32_t v, e;
            if (ev.obj && trace_list_front(&t->live, ev.obj, &v, &e)) ev.flow = e;
        } else if (ev.aux == TRACE_CH_SYNC) {
            const TraceGIdx *gi = gidx_of(t, (TraceObj)ev.arg);
            if (gi) ev.flow = gi->last_offer;
        }
    }
    return store_emit(t, &ev);
}

uint32_t trace_output(Trace *t, uint64_t step, TraceObj g, Pos pos, int stream,
                      const char *text, size_t len) {
    GORO_ASSERT(len < UINT32_MAX);
    if (t->out_len + len > t->out_cap) {
        uint64_t nc = t->out_cap ? t->out_cap * 2 : 4096;
        while (nc < t->out_len + len) nc *= 2;
        t->out = mem_realloc(t->out, t->out_cap, nc);
        t->out_cap = nc;
    }
    memcpy(t->out + t->out_len, text, len);
    TraceEvent ev = {.kind = TRACE_EV_OUTPUT, .aux = stream, .g = g, .pos = pos, .step = step,
                     .flow = -1, .out_off = t->out_len,
                     .out_len = (uint32_t)len};
    t->out_len += len;
    return store_emit(t, &ev);
}

const TraceState *trace_live(const Trace *t) { return &t->live; }

void trace_finish(Trace *t) {
    if (t->finished) return;
    t->finished = 1;
    /* trim the indexes: they are most of the per-event memory after the records */
    for (int i = 0; i < t->gidx.len; i++) {
        TraceGIdx *gi = &t->gidx.items[i];
        if (gi->ev.cap > gi->ev.len && gi->ev.len > 0) {
            gi->ev.items = mem_realloc(gi->ev.items, sizeof *gi->ev.items * (size_t)gi->ev.cap,
                                       sizeof *gi->ev.items * (size_t)gi->ev.len);
            gi->ev.cap = gi->ev.len;
        }
        if (gi->lane.cap > gi->lane.len && gi->lane.len > 0) {
            gi->lane.items = mem_realloc(gi->lane.items, sizeof *gi->lane.items * (size_t)gi->lane.cap,
                                         sizeof *gi->lane.items * (size_t)gi->lane.len);
            gi->lane.cap = gi->lane.len;
        }
    }
    if (t->kf_cap > t->kf_used && t->kf_used > 0) {
        t->kfdata = mem_realloc(t->kfdata, t->kf_cap, t->kf_used);
        t->kf_cap = t->kf_used;
    }
}

/* ---- queries ------------------------------------------------------------- */

uint32_t trace_event_count(const Trace *t) { return t->nev; }

int64_t trace_time_mark(const Trace *t, uint32_t i) {
    int lo = 0, hi = t->times.len; /* first mark with ev > i */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (t->times.items[mid].ev <= i) lo = mid + 1;
        else hi = mid;
    }
    return lo - 1;
}

void trace_decode(const Trace *t, uint32_t i, int64_t vtime, TraceEvent *e) {
    const TraceRec *r = trace_rec(t, i);
    e->kind = (TraceEventKind)(r->kind & ~TRACE_KIND_BIGARG);
    e->aux = r->aux;
    e->g = r->g;
    e->obj = r->obj;
    e->pos.line = (int)r->line;
    e->pos.col = r->col;
    e->value = r->value;
    e->arg = (r->kind & TRACE_KIND_BIGARG) ? t->big.items[r->arg] : (int64_t)(int32_t)r->arg;
    e->step = r->step;
    e->vtime = vtime;
    e->flow = -1;
    e->out_off = 0;
    e->out_len = 0;
    if (e->kind == TRACE_EV_CHAN_RECV) {
        e->flow = e->arg;
        e->arg = e->flow >= 0 && e->flow < (int64_t)i ? trace_rec(t, (uint32_t)e->flow)->g : 0;
    } else if (e->kind == TRACE_EV_OUTPUT) {
        e->out_off = (uint64_t)e->arg;
        e->out_len = r->value;
        e->value = 0;
        e->arg = 0;
    }
}

void trace_event(const Trace *t, uint32_t i, TraceEvent *out) {
    GORO_ASSERT(i < t->nev);
    int64_t m = trace_time_mark(t, i);
    trace_decode(t, i, m < 0 ? 0 : t->times.items[m].vtime, out);
}

const char *trace_output_text(const Trace *t, uint64_t *len) {
    *len = t->out_len;
    return t->out ? t->out : "";
}

uint32_t trace_meta_count(const Trace *t) { return (uint32_t)t->meta.len; }

void trace_meta_at(const Trace *t, uint32_t k, const char **key, const char **value) {
    GORO_ASSERT(k < (uint32_t)t->meta.len);
    *key = t->meta.items[k].key;
    *value = t->meta.items[k].value;
}

const char *trace_meta_get(const Trace *t, const char *key) {
    for (int i = 0; i < t->meta.len; i++)
        if (strcmp(t->meta.items[i].key, key) == 0) return t->meta.items[i].value;
    return NULL;
}

uint32_t trace_g_event_count(const Trace *t, TraceObj g) {
    const TraceGIdx *gi = gidx_of(t, g);
    return gi ? (uint32_t)gi->ev.len : 0;
}

uint32_t trace_g_event(const Trace *t, TraceObj g, uint32_t k) {
    const TraceGIdx *gi = gidx_of(t, g);
    GORO_ASSERT(gi && k < (uint32_t)gi->ev.len);
    return gi->ev.items[k];
}

/* first k with items[k] > i */
static int upper_bound(const uint32_t *a, int n, int64_t i) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if ((int64_t)a[mid] <= i) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int64_t trace_g_next(const Trace *t, TraceObj g, int64_t i) {
    const TraceGIdx *gi = gidx_of(t, g);
    if (!gi) return -1;
    int k = upper_bound(gi->ev.items, gi->ev.len, i);
    return k < gi->ev.len ? (int64_t)gi->ev.items[k] : -1;
}

int64_t trace_g_prev(const Trace *t, TraceObj g, int64_t i) {
    const TraceGIdx *gi = gidx_of(t, g);
    if (!gi) return -1;
    int k = upper_bound(gi->ev.items, gi->ev.len, i - 1);
    return k > 0 ? (int64_t)gi->ev.items[k - 1] : -1;
}

uint32_t trace_lane_count(const Trace *t, TraceObj g) {
    const TraceGIdx *gi = gidx_of(t, g);
    return gi ? (uint32_t)gi->lane.len : 0;
}

void trace_lane_span(const Trace *t, TraceObj g, uint32_t k, TraceSpan *out) {
    const TraceGIdx *gi = gidx_of(t, g);
    GORO_ASSERT(gi && k < (uint32_t)gi->lane.len);
    const TraceLaneRec *r = &gi->lane.items[k];
    out->from = r->from;
    out->to = k + 1 < (uint32_t)gi->lane.len ? gi->lane.items[k + 1].from : t->nev;
    out->status = r->status;
    out->reason = r->reason;
    out->wait_obj = r->wait_obj;
}

int64_t trace_lane_find(const Trace *t, TraceObj g, uint32_t n) {
    const TraceGIdx *gi = gidx_of(t, g);
    if (!gi) return -1;
    int lo = 0, hi = gi->lane.len; /* first span with from >= n */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (gi->lane.items[mid].from < n) lo = mid + 1;
        else hi = mid;
    }
    return lo - 1;
}

void trace_stats(const Trace *t, TraceStats *out) {
    memset(out, 0, sizeof *out);
    out->events = t->nev;
    out->keyframes = (uint32_t)t->kfs.len;
    out->event_bytes = sizeof(TraceRec) * TRACE_CHUNK * t->nchunks + sizeof(int64_t) * (size_t)t->big.cap +
                       sizeof(TraceRec *) * t->cap_chunks;
    size_t idx = sizeof(TraceTimeMark) * (size_t)t->times.cap;
    for (int i = 0; i < t->gidx.len; i++)
        idx += sizeof(uint32_t) * (size_t)t->gidx.items[i].ev.cap +
               sizeof(TraceLaneRec) * (size_t)t->gidx.items[i].lane.cap;
    idx += sizeof(TraceGIdx) * (size_t)t->gidx.cap;
    out->index_bytes = idx;
    out->keyframe_bytes = t->kf_cap + sizeof(TraceKeyframe) * (size_t)t->kfs.cap;
    out->string_bytes = (size_t)TRACE_STR_CHUNK * t->nschunks + sizeof(TraceStrEnt) * (size_t)t->strs.cap +
                        sizeof(uint32_t) * t->hcap + t->out_cap;
    size_t live = (sizeof(TraceObjState) + sizeof(TraceList)) * t->live.cap_objs;
    for (uint32_t i = 0; i <= t->live.nobjs && i < t->live.cap_objs; i++)
        live += sizeof(uint32_t) * 2 * t->live.lists[i].cap;
    out->total_bytes = out->event_bytes + out->index_bytes + out->keyframe_bytes +
                       out->string_bytes + live + sizeof(TraceObjInfo) * (size_t)t->objs.cap + sizeof *t;
}

uint64_t trace_hash(const Trace *t) {
    uint64_t h = 1469598103934665603ull;
#define MIX_(x)                                                                            \
    do {                                                                                   \
        uint64_t v_ = (uint64_t)(x);                                                       \
        for (int b_ = 0; b_ < 8; b_++) h = (h ^ ((v_ >> (8 * b_)) & 0xff)) * 1099511628211ull; \
    } while (0)
    TraceEvent e;
    for (uint32_t i = 0; i < t->nev; i++) {
        trace_event(t, i, &e);
        MIX_(e.kind);
        MIX_(e.aux);
        MIX_(e.g);
        MIX_(e.obj);
        MIX_(e.pos.line);
        MIX_(e.pos.col);
        MIX_(e.value);
        MIX_(e.arg);
        MIX_(e.step);
        MIX_(e.vtime);
        MIX_(e.flow);
    }
    for (uint64_t i = 0; i < t->out_len; i++) h = (h ^ (unsigned char)t->out[i]) * 1099511628211ull;
#undef MIX_
    return h;
}
