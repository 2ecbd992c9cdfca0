/* trace: recording (objects, strings, events) and the query API.
 *
 * Invariants: see trace_impl.h. In addition, every event is applied to
 * t->live right after it is stored (record: the transition of
 * trace_apply.h, which logs every goroutine status change for the lanes;
 * the live state's n, step and vtime are filled in by live_sync before
 * anyone looks); the per-goroutine indexes are built from the events and
 * that log when first queried (gindex_build). Events come in through
 * trace_emit (a TraceEvent) or, for the scheduler's common kinds, the
 * trace_rec_* (fields in registers; trace.h's trace_emit_at picks them):
 * both end in record, whose fast copy serves every event below fast_lim.
 */
#include "trace_apply.h"

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

static void gindex_free(TraceGIndex *gi);

Trace *trace_new(const TraceOptions *opt) {
    Trace *t = mem_alloc(sizeof *t);
    if (opt) t->opt = *opt;
    if (t->opt.keyframe_interval == 0) t->opt.keyframe_interval = 512;
    t->next_kf_n = t->opt.keyframe_interval;
    t->emit_lim = INT32_MAX;
    trace_state_init(&t->live);
    t->live.src = t;
    /* string 0 is "" */
    trace_intern(t, "", 0);
    TraceObjInfo none = {0};
    VEC_PUSH_BIG(t->objs, none);
    VEC_PUSH_BIG(t->ogk, -1);
    return t;
}

void trace_free(Trace *t) {
    if (!t) return;
    for (uint32_t i = 0; i < t->ndchunks; i++)
        mem_big_free(t->dchunks[i], i + 1 == t->ndchunks ? t->last_dchunk_size : TRACE_DCHUNK);
    mem_free(t->dchunks, sizeof *t->dchunks * t->cap_dchunks);
    mem_big_free(t->blks.items, sizeof *t->blks.items * (size_t)t->blks.cap);
    VEC_FREE(t->times);
    for (uint32_t i = 0; i < t->nschunks; i++) mem_free(t->schunks[i], TRACE_STR_CHUNK);
    mem_free(t->schunks, sizeof *t->schunks * t->cap_schunks);
    /* oversized strings got their own blocks */
    for (int i = 0; i < t->strs.len; i++)
        if (t->strs.items[i].len + 1 > TRACE_STR_CHUNK / 4)
            mem_free((void *)t->strs.items[i].s, t->strs.items[i].len + 1);
    VEC_FREE(t->strs);
    mem_free(t->htab, sizeof *t->htab * t->hcap);
    mem_free(t->itexts, sizeof *t->itexts * t->icap);
    mem_free(t->out, t->out_cap);
    for (int i = 0; i < t->meta.len; i++) {
        mem_free(t->meta.items[i].key, strlen(t->meta.items[i].key) + 1);
        mem_free(t->meta.items[i].value, strlen(t->meta.items[i].value) + 1);
    }
    VEC_FREE(t->meta);
    VEC_FREE(t->funcs);
    VEC_FREE_BIG(t->objs);
    VEC_FREE_BIG(t->gs);
    VEC_FREE_BIG(t->by_goid);
    VEC_FREE_BIG(t->ogk);
    VEC_FREE_BIG(t->grec);
    mem_big_free(t->llog, t->llog_cap);
    gindex_free(&t->gi);
    trace_state_free(&t->live);
    VEC_FREE(t->kfs);
    mem_big_free(t->kfdata, t->kf_cap);
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

/* int_id: whether [s] is the canonical decimal text of an integer with an
 * id of its own (see TRACE_INT_TAG), that id into [*id] */
static int int_id(const char *s, size_t len, uint32_t *id) {
    if (len == 0) return 0;
    size_t i = s[0] == '-' && len > 1;
    if (len - i > 10 || (s[i] == '0' && (len - i > 1 || i))) return 0;
    int64_t x = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9) return 0;
        x = x * 10 + d;
    }
    if (s[0] == '-') x = -x;
    if (x < -(int64_t)TRACE_INT_BIAS || x >= (int64_t)TRACE_INT_BIAS) return 0;
    *id = TRACE_INT_TAG + (uint32_t)(x + TRACE_INT_BIAS);
    return 1;
}

static void rehash(Trace *t) {
    uint32_t ncap = t->hcap ? t->hcap * 2 : 1024;
    uint64_t *nt = mem_alloc(sizeof *nt * ncap);
    for (int i = 0; i < t->strs.len; i++) {
        uint32_t j = t->strs.items[i].hash & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = (uint64_t)t->strs.items[i].hash << 32 | ((uint32_t)i + 1);
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

static uint32_t new_str(Trace *t, const char *s, size_t len, uint32_t h) {
    TraceStrEnt e = {store_bytes(t, s, len), (uint32_t)len, h};
    t->sbytes += len + 1;
    VEC_PUSH(t->strs, e);
    GORO_ASSERT((uint32_t)t->strs.len < TRACE_INT_TAG);
    return (uint32_t)t->strs.len - 1;
}

uint32_t trace_intern(Trace *t, const char *s, size_t len) {
    GORO_ASSERT(len < UINT32_MAX);
    uint32_t id;
    if (int_id(s, len, &id)) return id;
    if ((t->hused + 1) * 2 > t->hcap) rehash(t);
    uint32_t h = fnv1a(s, len);
    uint32_t j = h & (t->hcap - 1);
    while (t->htab[j]) {
        if ((uint32_t)(t->htab[j] >> 32) == h) {
            id = (uint32_t)t->htab[j] - 1;
            const TraceStrEnt *e = &t->strs.items[id];
            if (e->len == len && memcmp(e->s, s, len) == 0) return id;
        }
        j = (j + 1) & (t->hcap - 1);
    }
    id = new_str(t, s, len, h);
    t->htab[j] = (uint64_t)h << 32 | (id + 1);
    t->hused++;
    return id;
}

uint32_t trace_intern_cstr(Trace *t, const char *s) {
    return s ? trace_intern(t, s, strlen(s)) : 0;
}

/* int_text: the decimal text of [v] into the end of [buf] (24 bytes);
 * returns where it starts (hand-rolled: snprintf is slow) */
static char *int_text(int64_t v, char *buf) {
    char *p = buf + 24;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    return p;
}

uint32_t trace_intern_int_big(Trace *t, int64_t v) {
    char buf[24];
    char *p = int_text(v, buf);
    return trace_intern(t, p, (size_t)(buf + sizeof buf - p));
}

/* itext: the text of integer id [id], made on first use */
static const char *itext(Trace *t, uint32_t id, uint32_t *len) {
    if ((t->iused + 1) * 2 > t->icap) {
        uint32_t ncap = t->icap ? t->icap * 2 : 256;
        struct TraceIText *nt = mem_alloc(sizeof *nt * ncap);
        for (uint32_t i = 0; i < t->icap; i++) {
            if (!t->itexts[i].id) continue;
            uint32_t j = (t->itexts[i].id * 2654435761u) & (ncap - 1);
            while (nt[j].id) j = (j + 1) & (ncap - 1);
            nt[j] = t->itexts[i];
        }
        mem_free(t->itexts, sizeof *t->itexts * t->icap);
        t->itexts = nt;
        t->icap = ncap;
    }
    uint32_t j = (id * 2654435761u) & (t->icap - 1);
    while (t->itexts[j].id && t->itexts[j].id != id) j = (j + 1) & (t->icap - 1);
    struct TraceIText *e = &t->itexts[j];
    if (!e->id) {
        char buf[24];
        char *p = int_text((int64_t)(id - TRACE_INT_TAG) - TRACE_INT_BIAS, buf);
        e->len = (uint32_t)(buf + sizeof buf - p);
        e->s = store_bytes(t, p, e->len);
        e->id = id;
        t->iused++;
    }
    if (len) *len = e->len;
    return e->s;
}

const char *trace_str(const Trace *t, uint32_t id, uint32_t *len) {
    if (id >= TRACE_INT_TAG) return itext((Trace *)t, id, len); /* a cache: see trace.h Threads */
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
    VEC_PUSH_BIG(t->objs, info);
    int32_t k = kind == TRACE_OBJ_GOROUTINE ? (int32_t)info.index : -1;
    VEC_PUSH_BIG(t->ogk, k);
    /* the recorder's apply neither reserves nor raises nobjs: the object's
     * creation event, emitted next, is the first to name it */
    TraceObj o = (TraceObj)t->objs.len - 1;
    trace_state_reserve(&t->live, o);
    t->live.nobjs = o;
    return o;
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
    VEC_PUSH_BIG(t->gs, o);
    TraceGRec gr = {0};
    VEC_PUSH_BIG(t->grec, gr);
    if (goid < 1u << 24) { /* Go ids are small; a direct table is cheapest */
        while ((uint32_t)t->by_goid.len <= goid) VEC_PUSH_BIG(t->by_goid, 0);
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
    else if (info->name) {
        uint32_t len;
        const char *s = trace_str(t, info->name, &len);
        if (len && s[len - 1] == '#') snprintf(buf, n, "%s%" PRIu32, s, o);
        else snprintf(buf, n, "%s", s);
    }
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

/* goroutine_k: [g]'s index among the goroutines, -1 if not a goroutine */
static int64_t goroutine_k(const Trace *t, TraceObj g) {
    return g < (TraceObj)t->ogk.len ? t->ogk.items[g] : -1;
}

/* ---- events -------------------------------------------------------------- */

#define put_uv trace_put_uv

static inline uint64_t get_uv(const unsigned char **pp) {
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

static inline uint32_t uv_len(uint64_t v) {
    uint32_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        n++;
    }
    return n;
}

static inline uint64_t zz(int64_t v) { return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63); }
static inline int64_t unzz(uint64_t u) { return (int64_t)(u >> 1) ^ -(int64_t)(u & 1); }

/* room: where the next event's bytes go (at least TRACE_EV_MAX free),
 * moving t->dused to a fresh chunk when the current one is nearly full */
static unsigned char *room(Trace *t) {
    uint64_t c = t->dused >> TRACE_DCHUNK_BITS;
    uint32_t within = (uint32_t)(t->dused & (TRACE_DCHUNK - 1));
    if (c < t->ndchunks && within + TRACE_EV_MAX <= TRACE_DCHUNK) return t->dchunks[c] + within;
    if (c < t->ndchunks) { /* leave the rest of this chunk */
        t->dchunks[c][within] = TRACE_SKIP;
        c++;
        t->dused = c << TRACE_DCHUNK_BITS;
    }
    if (t->ndchunks == t->cap_dchunks) {
        uint32_t nc = t->cap_dchunks ? t->cap_dchunks * 2 : 16;
        t->dchunks = mem_realloc(t->dchunks, sizeof *t->dchunks * t->cap_dchunks, sizeof *t->dchunks * nc);
        t->cap_dchunks = nc;
    }
    /* a trace is often small: its first chunk starts small and grows */
    size_t size = t->ndchunks == 0 ? 4096 : TRACE_DCHUNK;
    if (t->ndchunks) GORO_ASSERT(t->last_dchunk_size == TRACE_DCHUNK);
    t->dchunks[t->ndchunks++] = mem_big_resize(NULL, 0, size);
    t->last_dchunk_size = size;
    return t->dchunks[c];
}

/* dused: the stream offset where the next event goes (t->dused is
 * brought up to date only here and in ensure_room: the writer moves wp) */
static uint64_t dused(const Trace *t) {
    return t->wchunk ? t->wbase + (uint64_t)(t->wp - t->wchunk) : t->dused;
}

/* ensure_room: like room, growing a small first chunk in place; sets
 * wchunk/wp/wlim for the fast path of the next events */
static unsigned char *ensure_room(Trace *t) {
    t->dused = dused(t);
    if (t->ndchunks == 1 && t->last_dchunk_size < TRACE_DCHUNK &&
        t->dused + TRACE_EV_MAX > t->last_dchunk_size) {
        size_t ns = t->last_dchunk_size * 4;
        if (ns > TRACE_DCHUNK) ns = TRACE_DCHUNK;
        t->dchunks[0] = mem_big_resize(t->dchunks[0], t->last_dchunk_size, ns);
        t->last_dchunk_size = ns;
    }
    unsigned char *p = room(t);
    uint64_t base = t->dused & ~(uint64_t)(TRACE_DCHUNK - 1);
    t->wchunk = p - (t->dused - base);
    t->wbase = base;
    t->wp = p;
    t->wlim = t->wchunk + (t->last_dchunk_size - TRACE_EV_MAX + 1);
    return p;
}

/* cur_next: decode the event at [c] into [*r] and move past it. */
static void cur_next(const Trace *t, TraceCur *c, TraceRaw *r) {
    uint64_t ci = c->off >> TRACE_DCHUNK_BITS;
    uint32_t within = (uint32_t)(c->off & (TRACE_DCHUNK - 1));
    const unsigned char *p = t->dchunks[ci] + within;
    if (within == TRACE_DCHUNK || *p == TRACE_SKIP) { /* continue at the next chunk */
        ci++;
        c->off = ci << TRACE_DCHUNK_BITS;
        p = t->dchunks[ci];
    }
    const unsigned char *p0 = p;
    unsigned b0 = *p++, f = *p++;
    r->kind = (uint8_t)(b0 & 0x3f);
    r->aux = (b0 & TRACE_B_AUX) ? *p++ : 0;
    if (f & TRACE_F_STEP) c->step += get_uv(&p);
    if (f & TRACE_F_G) c->g = (uint32_t)get_uv(&p);
    r->obj = (f & TRACE_F_OBJ) ? (uint32_t)get_uv(&p) : 0;
    if (f & TRACE_F_LINE) c->line = (uint32_t)((int64_t)c->line + unzz(get_uv(&p)));
    r->col = (f & TRACE_F_COL) ? (uint16_t)get_uv(&p) : 0;
    if ((c->i & (TRACE_BLK - 1)) == 0) c->ival = TRACE_INT_ZERO;
    r->value = 0;
    if (f & TRACE_F_VALUE) {
        uint64_t u = get_uv(&p);
        if (u & 1) r->value = c->ival = (uint32_t)((int64_t)c->ival + unzz(u >> 1));
        else r->value = (uint32_t)(u >> 1);
    }
    r->arg = (f & TRACE_F_ARG) ? unzz(get_uv(&p)) : 0;
    r->has_extra = (b0 & TRACE_B_EXTRA) != 0;
    r->extra = r->has_extra ? get_uv(&p) : 0;
    r->step = c->step;
    r->g = c->g;
    r->line = c->line;
    c->off += (uint64_t)(p - p0);
    c->i++;
}

void trace_raw_at(const Trace *t, uint32_t i, TraceRaw *r) {
    GORO_ASSERT(i < t->nev);
    Trace *mt = (Trace *)t; /* a cache, not state: see trace.h Threads */
    TraceCur *c = &mt->rd;
    if (c->i == i + 1) {
        *r = mt->rd_last;
        return;
    }
    if (c->i > i || (c->i >> TRACE_BLK_BITS) != (i >> TRACE_BLK_BITS)) {
        const TraceBlk *b = &t->blks.items[i >> TRACE_BLK_BITS];
        c->off = b->off;
        c->step = b->step;
        c->g = b->g;
        c->line = b->line;
        c->i = i & ~(TRACE_BLK - 1);
    }
    while (c->i < i) cur_next(t, c, r);
    cur_next(t, c, r);
    mt->rd_last = *r;
}

/* event_g: the g of stored event [i] */
static TraceObj event_g(Trace *t, uint32_t i) {
    if (t->send_g[i & 255].ev == i + 1) return t->send_g[i & 255].g;
    TraceRaw r;
    trace_raw_at(t, i, &r);
    return r.g;
}

/* live_sync: fill in the live state's header fields the recorder's apply
 * leaves (they follow from the writer's) */
static void live_sync(Trace *t) {
    t->live.n = t->nev;
    t->live.step = t->wr.step;
    t->live.vtime = t->cur_vtime;
}

/* kf_due: t->nev reached t->next_kf_n: take a keyframe if the interval
 * (raised for large states) has passed, else put the next check off */
static void kf_due(Trace *t) {
    size_t size = trace_kf_size(&t->live);
    uint32_t need = t->opt.keyframe_interval;
    if (size / 8 > need) need = (uint32_t)(size / 8 < INT32_MAX ? size / 8 : INT32_MAX);
    if (t->nev - t->last_kf_n >= need) {
        live_sync(t);
        trace_kf_take(t);
        t->last_kf_n = t->nev;
        t->next_kf_n = t->nev + t->opt.keyframe_interval;
    } else {
        t->next_kf_n = t->last_kf_n + need;
    }
}

/* llog_len: bytes in the lane log */
static size_t llog_len(const Trace *t) { return t->llog ? (size_t)(t->llog_w - t->llog) : 0; }

void trace_llog_grow(Trace *t) {
    size_t len = llog_len(t), nc = t->llog_cap ? t->llog_cap * 2 : 4096;
    t->llog = mem_big_resize(t->llog, t->llog_cap, nc);
    t->llog_cap = nc;
    t->llog_w = t->llog + len;
    t->llog_lim = t->llog + nc - 40; /* an entry takes at most 1 + 3 * 10 bytes */
}

/* new_block: event [idx] starts a block: note where and the fields before */
static void new_block(Trace *t) {
    TraceBlk b = {dused(t), t->wr.step, t->wr.g, t->wr.line};
    if (t->blks.len == t->blks.cap) { /* VEC_PUSH, in big-buffer memory */
        int nc = t->blks.cap ? t->blks.cap * 2 : 8;
        t->blks.items = mem_big_resize(t->blks.items, sizeof *t->blks.items * (size_t)t->blks.cap,
                                       sizeof *t->blks.items * (size_t)nc);
        t->blks.cap = nc;
    }
    t->blks.items[t->blks.len++] = b;
    t->wr.ival = TRACE_INT_ZERO;
}

/* clock_step: the step of an event given [step] (0 = now), which is not
 * the clock's: moves the clock on */
static inline uint64_t clock_step(Trace *t, uint64_t step) {
    if (step == 0) return t->clk_step;
    GORO_ASSERT(step >= t->wr.step);
    if (step > t->clk_step) t->clk_step = step;
    return step;
}

/* clock_vtime: clock_step for the virtual time */
static inline int64_t clock_vtime(Trace *t, int64_t vtime) {
    if (vtime == 0) return t->clk_vtime;
    if (vtime > t->clk_vtime) t->clk_vtime = vtime;
    return vtime;
}

/* time_mark: event [idx] is the first at virtual time [vtime] */
static void time_mark(Trace *t, uint32_t idx, int64_t vtime) {
    GORO_ASSERT(vtime >= t->cur_vtime);
    TraceTimeMark m = {idx, vtime};
    VEC_PUSH(t->times, m);
    t->cur_vtime = vtime;
}

/* set_fast_lim: after an event that took record's general path, how far
 * the next may take the fast one (fast_ok): up to the next block start and
 * the event before the next keyframe check, and while the current chunk
 * and the lane log have room for every event's bytes at most (TRACE_EV_MAX;
 * two entries of at most 16 bytes) */
static void set_fast_lim(Trace *t) {
    uint32_t n = t->nev;
    uint64_t lim = (n + TRACE_BLK - 1) & ~(uint64_t)(TRACE_BLK - 1);
    if (t->next_kf_n - 1 < lim) lim = t->next_kf_n - 1; /* next_kf_n > n */
    uint64_t room = t->wp && t->wp < t->wlim ? (uint64_t)(t->wlim - t->wp) / TRACE_EV_MAX : 0;
    if (n + room < lim) lim = n + room;
    room = t->llog_w && t->llog_w < t->llog_lim ? (uint64_t)(t->llog_lim - t->llog_w) / 32 : 0;
    if (n + room < lim) lim = n + room;
    if (t->clk_vtime != t->cur_vtime) lim = n; /* the next event may need a time mark */
    t->fast_lim = (uint32_t)lim;
}

/* KIND_ANY: record's [kk] when the kind is not known at compile time */
#define KIND_ANY 0xffffffffu

/* record: the one path into the event store: encode the event of kind
 * [kk] (or, if kk is KIND_ANY, [kind_rt]) with fields [aux], [g], [obj],
 * [pline] (pos.line), [col], [value], [arg], [step] and [vtime] (0: now)
 * and (OUTPUT) [out_off], [out_len] as event t->nev (against the event
 * before it), apply it to the live state (logging lane changes) and take a
 * keyframe when one is due. The fields come as values: each entry point
 * (trace_emit's copies of record per common kind, the trace_rec_* that
 * take their fields in registers) passes what it has, and every test of a
 * field the entry point knows to be constant folds away. A CHAN_RECV's
 * flow is found here. [fast] (a constant): fast_ok held (and the kind's
 * own condition, see trace_rec_*): none of the rare steps (a new chunk,
 * block, keyframe, time mark, log growth) is due, so this copy of record
 * calls nothing and needs no stack frame. */
TRACE_INLINE uint32_t record(Trace *t, unsigned kk, unsigned kind_rt, unsigned aux, TraceObj g, TraceObj obj,
                             int pline, int col, uint32_t value, int64_t arg, uint64_t step, int64_t vtime,
                             uint64_t out_off, uint32_t out_len, int fast) {
    unsigned kind = kk != KIND_ANY ? kk : kind_rt; /* a constant: every test of it folds */
    uint32_t idx = t->nev;
    /* emit_lim is 0 once finished; OUTPUT comes through trace_output */
    TRACE_DASSERT(kind < TRACE_EV__COUNT && aux <= 255 && g < (TraceObj)t->ogk.len &&
                  obj < (TraceObj)t->ogk.len && idx < t->emit_lim);
    /* the clock: clk_step >= wr.step and clk_vtime >= cur_vtime, so an
     * event at the clock's time (the common case) needs no other test */
    if (fast) { /* step >= clk_step, and vtime (or now) is cur_vtime */
        if (step > t->clk_step) t->clk_step = step;
        vtime = t->cur_vtime;
    } else {
        if (step != t->clk_step) step = clock_step(t, step);
        if (vtime != t->clk_vtime) vtime = clock_vtime(t, vtime);
        if (vtime != t->cur_vtime) time_mark(t, idx, vtime);
    }

    /* encode (the layout: trace_impl.h) */
    unsigned char *p = fast || (uintptr_t)t->wp < (uintptr_t)t->wlim ? t->wp : ensure_room(t);
    if (!fast && (idx & (TRACE_BLK - 1)) == 0) new_block(t);
    unsigned char *p0 = p;
    uint32_t line = pline > 0 ? (uint32_t)pline : 0;
    int64_t sarg = arg; /* as stored */
    uint32_t svalue = value;
    unsigned b0 = kind;
    uint64_t extra = 0;
    if (kind == TRACE_EV_CHAN_RECV) {
        /* flow: the event that sent what it receives; arg: the sender, as
         * a query reports it (the g of the flow event) */
        int64_t flow = -1;
        if (aux == TRACE_CH_BUF) {
            const TraceList *l = &t->live.lists[obj]; /* trace_list_front, inline */
            if (obj && obj <= t->live.nobjs && l->len) flow = l->items[2 * l->head + 1];
            if (flow < 0) sarg = 0;
            else if (fast) sarg = t->send_g[flow & 255].g; /* buf_flow_cached */
            else sarg = event_g(t, (uint32_t)flow);
        } else if (aux == TRACE_CH_SYNC) {
            int64_t k = goroutine_k(t, (TraceObj)arg);
            if (k >= 0) flow = (int64_t)t->grec.items[k].offer1 - 1;
            /* the offer's g is the goroutine whose last offer it is: arg */
            sarg = flow >= 0 ? (int64_t)(TraceObj)arg : 0;
        } else {
            sarg = 0;
        }
        if (flow >= 0) {
            b0 |= TRACE_B_EXTRA;
            extra = idx - (uint64_t)flow;
        }
    } else if (kind == TRACE_EV_OUTPUT) {
        sarg = (int64_t)out_off;
        svalue = 0;
        b0 |= TRACE_B_EXTRA;
        extra = out_len;
    }
    if (kind == TRACE_EV_CHAN_SEND || (kind == TRACE_EV_GO_BLOCK && aux == TRACE_WAIT_CHAN_SEND)) {
        /* an offer: what a later CHAN_RECV's flow points at (a buffered
         * one's through the channel's list: event_g looks its g up) */
        if (kind == TRACE_EV_CHAN_SEND && aux == TRACE_CH_BUF) {
            t->send_g[idx & 255].ev = idx + 1;
            t->send_g[idx & 255].g = g;
        }
        int32_t gk = t->ogk.items[g];
        if (gk >= 0) t->grec.items[gk].offer1 = idx + 1;
    }
    unsigned f = 0;
    p += 2;
    if (aux) {
        b0 |= TRACE_B_AUX;
        *p++ = (unsigned char)aux;
    }
    if (step != t->wr.step) {
        f |= TRACE_F_STEP;
        p = put_uv(p, step - t->wr.step);
        t->wr.step = step;
    }
    if (g != t->wr.g) {
        f |= TRACE_F_G;
        p = put_uv(p, g);
        t->wr.g = g;
    }
    if (obj) {
        f |= TRACE_F_OBJ;
        p = put_uv(p, obj);
    }
    if (line != t->wr.line) {
        f |= TRACE_F_LINE;
        p = put_uv(p, zz((int64_t)line - (int64_t)t->wr.line));
        t->wr.line = line;
    }
    if (col > 0) {
        f |= TRACE_F_COL;
        p = put_uv(p, col > 65535 ? 65535 : (uint32_t)col);
    }
    if (svalue >= TRACE_INT_TAG) {
        f |= TRACE_F_VALUE;
        p = put_uv(p, zz((int64_t)svalue - (int64_t)t->wr.ival) << 1 | 1);
        t->wr.ival = svalue;
    } else if (svalue) {
        f |= TRACE_F_VALUE;
        p = put_uv(p, (uint64_t)svalue << 1);
    }
    if (sarg) {
        f |= TRACE_F_ARG;
        p = put_uv(p, zz(sarg));
    }
    if (b0 & TRACE_B_EXTRA) p = put_uv(p, extra);
    p0[0] = (unsigned char)b0;
    p0[1] = (unsigned char)f;
    t->wp = p;
    t->nev = idx + 1;

    /* apply (the fields as given), following status changes for the lanes */
    apply(&t->live, kind, aux, g, obj, line, value, arg, out_off + out_len, idx, step, vtime, t, fast);
    if (!fast) {
        if (idx + 1 >= t->next_kf_n) kf_due(t);
        /* short of fast_lim the limit still holds (this event took no more
         * room than a fast one; blocks and keyframes are where they were)
         * unless the clock ran ahead of the time marks */
        if (idx + 1 >= t->fast_lim || t->clk_vtime != t->cur_vtime) set_fast_lim(t);
    }
    return idx;
}

/* record_ev: record of [*ev] (kind [kk] or KIND_ANY; [fast]: see record) */
TRACE_INLINE uint32_t record_ev(Trace *t, const TraceEvent *ev, unsigned kk, int fast) {
    return record(t, kk, (unsigned)ev->kind, (unsigned)ev->aux, ev->g, ev->obj, ev->pos.line, ev->pos.col, ev->value,
                  ev->arg, ev->step, ev->vtime, ev->out_off, ev->out_len, fast);
}

/* store_emit: record, out of line (the rarer kinds, output, and any event
 * that cannot take the fast path) */
static __attribute__((noinline)) uint32_t store_emit(Trace *t, const TraceEvent *ev) {
    return record_ev(t, ev, KIND_ANY, 0);
}

void trace_set_clock(Trace *t, uint64_t step, int64_t vtime) {
    GORO_ASSERT(step >= t->clk_step && vtime >= t->clk_vtime);
    t->clk_step = step;
    t->clk_vtime = vtime;
    if (vtime != t->cur_vtime) t->fast_lim = 0; /* see fast_ok */
}

/* fast_ok: whether an event at [step] and [vtime] (0: now) may take
 * record's fast path (see there), as far as every kind goes: below
 * fast_lim, with a clock that only moves on and no new virtual time */
TRACE_INLINE int fast_ok(const Trace *t, uint64_t step, int64_t vtime) {
    /* below fast_lim clk_vtime is cur_vtime (set_fast_lim, trace_set_clock) */
    return t->nev < t->fast_lim && step >= t->clk_step && (vtime == t->cur_vtime || vtime == 0);
}

/* buf_room: a buffered CHAN_SEND on [ch] pushes nothing or has room in
 * its list (an id out of range takes the general path, which checks it) */
TRACE_INLINE int buf_room(const Trace *t, TraceObj ch) {
    return !ch || (ch < t->live.cap_objs && t->live.lists[ch].len < t->live.lists[ch].cap);
}

/* buf_flow_cached: a buffered CHAN_RECV on [ch] has no flow, or its flow's
 * g is in send_g (event_g needs no decoding) */
TRACE_INLINE int buf_flow_cached(const Trace *t, TraceObj ch) {
    const TraceList *l = &t->live.lists[ch];
    if (!ch || ch > t->live.nobjs || !l->len) return 1;
    uint32_t e = l->items[2 * l->head + 1];
    return t->send_g[e & 255].ev == e + 1;
}

/* REC_KIND_: record_<kind>, record specialised for one kind, out of line:
 * trace_emit jumps to it (a tail call); its fast copy when fast_ok and
 * [COND] hold (see trace_rec_*), else the general path (store_emit) */
#define REC_KIND_(K, COND)                                                                            \
    static __attribute__((noinline)) uint32_t record_##K(Trace *t, const TraceEvent *in) {            \
        if (fast_ok(t, in->step, in->vtime) && (COND)) return record_ev(t, in, TRACE_EV_##K, 1);      \
        return store_emit(t, in);                                                                    \
    }
REC_KIND_(GO_START, 1)
REC_KIND_(GO_BLOCK, 1)
REC_KIND_(GO_YIELD, 1)
REC_KIND_(GO_UNBLOCK, 1)
REC_KIND_(CHAN_SEND, in->aux != TRACE_CH_BUF || buf_room(t, in->obj))
REC_KIND_(CHAN_RECV, in->aux != TRACE_CH_BUF || buf_flow_cached(t, in->obj))
REC_KIND_(LOCK, 1)
REC_KIND_(UNLOCK, 1)
REC_KIND_(READ, 1)
REC_KIND_(WRITE, 1)
#undef REC_KIND_

uint32_t trace_emit(Trace *t, const TraceEvent *in) {
    switch (in->kind) {
    /* the kinds of a hot loop (channels, locks, scheduling, shared memory) */
    case TRACE_EV_GO_START: return record_GO_START(t, in);
    case TRACE_EV_GO_BLOCK: return record_GO_BLOCK(t, in);
    case TRACE_EV_GO_YIELD: return record_GO_YIELD(t, in);
    case TRACE_EV_GO_UNBLOCK: return record_GO_UNBLOCK(t, in);
    case TRACE_EV_CHAN_SEND: return record_CHAN_SEND(t, in);
    case TRACE_EV_CHAN_RECV: return record_CHAN_RECV(t, in);
    case TRACE_EV_LOCK: return record_LOCK(t, in);
    case TRACE_EV_UNLOCK: return record_UNLOCK(t, in);
    case TRACE_EV_READ: return record_READ(t, in);
    case TRACE_EV_WRITE: return record_WRITE(t, in);
    case TRACE_EV_OUTPUT: GORO_ASSERT(!"OUTPUT through trace_emit: use trace_output"); break;
    default: break;
    }
    return store_emit(t, in);
}

/* REC_ENTRY_: trace_rec_<name>: record of kind K with the fields that are
 * not parameters 0: the fast copy when fast_ok and [COND] hold, else (a
 * tail call) the general one, out of line */
#define REC_ENTRY_(name, K, PARAMS, COND, AUX, G, OBJ, VALUE, ARG, ARGS)                               \
    static __attribute__((noinline, cold)) uint32_t rec_slow_##name PARAMS {                           \
        return record(t, TRACE_EV_##K, 0, AUX, G, OBJ, line, 0, VALUE, ARG, step, vtime, 0, 0, 0);    \
    }                                                                                                  \
    GORO_HOT uint32_t trace_rec_##name PARAMS {                                                        \
        if (fast_ok(t, step, vtime) && (COND))                                                         \
            return record(t, TRACE_EV_##K, 0, AUX, G, OBJ, line, 0, VALUE, ARG, step, vtime, 0, 0, 1); \
        return rec_slow_##name ARGS;                                                                   \
    }
REC_ENTRY_(go_start, GO_START, (Trace * t, TraceObj g, int line, uint64_t step, int64_t vtime), 1, 0, g, 0, 0, 0,
           (t, g, line, step, vtime))
REC_ENTRY_(go_yield, GO_YIELD, (Trace * t, TraceObj g, int line, uint64_t step, int64_t vtime), 1, 0, g, 0, 0, 0,
           (t, g, line, step, vtime))
REC_ENTRY_(go_unblock, GO_UNBLOCK, (Trace * t, TraceObj g, TraceObj obj, int line, uint64_t step, int64_t vtime),
           1, 0, g, obj, 0, 0, (t, g, obj, line, step, vtime))
REC_ENTRY_(go_block, GO_BLOCK,
           (Trace * t, TraceObj g, TraceObj obj, int reason, int line, uint64_t step, int64_t vtime), 1,
           (unsigned)reason, g, obj, 0, 0, (t, g, obj, reason, line, step, vtime))
REC_ENTRY_(lock, LOCK, (Trace * t, TraceObj g, TraceObj obj, int aux, int line, uint64_t step, int64_t vtime), 1,
           (unsigned)aux, g, obj, 0, 0, (t, g, obj, aux, line, step, vtime))
REC_ENTRY_(unlock, UNLOCK, (Trace * t, TraceObj g, TraceObj obj, int aux, int line, uint64_t step, int64_t vtime),
           1, (unsigned)aux, g, obj, 0, 0, (t, g, obj, aux, line, step, vtime))
/* a buffered send: room in the channel's list */
REC_ENTRY_(chan_send, CHAN_SEND,
           (Trace * t, TraceObj g, TraceObj ch, int aux, int line, uint32_t value, int64_t arg, uint64_t step,
            int64_t vtime),
           aux != TRACE_CH_BUF || buf_room(t, ch), (unsigned)aux, g, ch,
           value, arg, (t, g, ch, aux, line, value, arg, step, vtime))
REC_ENTRY_(chan_recv, CHAN_RECV,
           (Trace * t, TraceObj g, TraceObj ch, int aux, int line, uint32_t value, int64_t arg, uint64_t step,
            int64_t vtime),
           aux != TRACE_CH_BUF || buf_flow_cached(t, ch), (unsigned)aux, g, ch, value, arg,
           (t, g, ch, aux, line, value, arg, step, vtime))
/* the same for each common aux, with every test of aux folded */
REC_ENTRY_(chan_send_sync, CHAN_SEND,
           (Trace * t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg, uint64_t step, int64_t vtime),
           1, TRACE_CH_SYNC, g, ch, value, arg, (t, g, ch, line, value, arg, step, vtime))
REC_ENTRY_(chan_send_buf, CHAN_SEND,
           (Trace * t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg, uint64_t step, int64_t vtime),
           buf_room(t, ch), TRACE_CH_BUF, g, ch, value, arg,
           (t, g, ch, line, value, arg, step, vtime))
REC_ENTRY_(chan_recv_sync, CHAN_RECV,
           (Trace * t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg, uint64_t step, int64_t vtime),
           1, TRACE_CH_SYNC, g, ch, value, arg, (t, g, ch, line, value, arg, step, vtime))
REC_ENTRY_(chan_recv_buf, CHAN_RECV,
           (Trace * t, TraceObj g, TraceObj ch, int line, uint32_t value, int64_t arg, uint64_t step, int64_t vtime),
           buf_flow_cached(t, ch), TRACE_CH_BUF, g, ch, value, arg, (t, g, ch, line, value, arg, step, vtime))
#undef REC_ENTRY_

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

const TraceState *trace_live(const Trace *t) {
    live_sync((Trace *)t); /* a cache: see trace.h Threads */
    return &t->live;
}

/* ---- per-goroutine indexes ------------------------------------------------ */

static void gindex_free(TraceGIndex *gi) {
    mem_free(gi->gh, sizeof *gi->gh * gi->ngh);
    mem_free(gi->evck, sizeof *gi->evck * gi->nevck);
    mem_free(gi->laneck, sizeof *gi->laneck * gi->nlaneck);
    mem_free(gi->evdata, gi->evbytes);
    mem_free(gi->lanedata, gi->lanebytes);
    memset(gi, 0, sizeof *gi);
}

static void put_at(unsigned char *base, uint32_t *off, uint64_t v) {
    *off = (uint32_t)(put_uv(base + *off, v) - base);
}

/* GBuf: one goroutine's event index while it is built: n entries, the
 * latest being event [last]; checkpoints ck (offsets into d), deltas d. */
typedef struct GBuf {
    unsigned char *d;
    TraceCk *ck;
    uint32_t len, cap, nck, capck, n, last;
} GBuf;

/* gindex_build: (re)build t->gi from the events (one decoding pass) and
 * the lane log. */
static void gindex_build(Trace *t) {
    TraceGIndex *gi = &t->gi;
    gindex_free(gi);
    uint32_t ng = (uint32_t)t->gs.len;
    gi->ngh = ng;
    gi->gh = mem_alloc(sizeof *gi->gh * (ng ? ng : 1));
    uint32_t *laneoff = mem_alloc(sizeof(uint32_t) * (ng ? ng : 1));
    size_t laneb = 0, laneck = 0;
    /* the lanes' sizes, from the log (laneoff: each lane's bytes first;
     * gh[k].lane_n counts its entries and is counted again below) */
    uint32_t *last = mem_alloc(sizeof(uint32_t) * (ng ? ng : 1));
    const unsigned char *p = t->llog, *end = t->llog + llog_len(t);
    uint32_t from = 0;
    while (p < end) {
        uint32_t k = (uint32_t)get_uv(&p);
        TraceGHdr *h = &gi->gh[k];
        from += (uint32_t)get_uv(&p);
        p++; /* sr: one byte */
        uint32_t wobj = (uint32_t)get_uv(&p);
        if (h->lane_n % TRACE_GCK) laneoff[k] += uv_len(from - last[k]);
        laneoff[k] += 1 + uv_len(wobj);
        h->lane_n++;
        last[k] = from;
    }
    for (uint32_t k = 0; k < ng; k++) {
        TraceGHdr *h = &gi->gh[k];
        uint32_t bytes = laneoff[k];
        h->lane_ck = (uint32_t)laneck;
        laneck += (h->lane_n + TRACE_GCK - 1) / TRACE_GCK;
        h->lane_n = 0;
        laneoff[k] = (uint32_t)laneb;
        laneb += bytes;
        GORO_ASSERT(laneb < UINT32_MAX);
    }
    gi->nlaneck = (uint32_t)laneck;
    gi->laneck = mem_alloc(sizeof *gi->laneck * (laneck ? laneck : 1));
    gi->lanebytes = laneb ? laneb : 1;
    gi->lanedata = mem_alloc(gi->lanebytes);
    if (!laneck) gi->nlaneck = 1;
    if (!ng) gi->ngh = 1;

    /* events: the goroutine's own and those that target it (GO_CREATE,
     * GO_UNBLOCK), each goroutine's into a buffer of its own, joined after */
    GBuf *gb = mem_alloc(sizeof *gb * (ng ? ng : 1));
    TraceCur c = {0};
    TraceRaw r;
    for (uint32_t i = 0; i < t->nev; i++) {
        cur_next(t, &c, &r);
        for (int w = 0; w < 2; w++) {
            TraceObj g = r.g;
            if (w == 1) {
                if (!((r.kind == TRACE_EV_GO_CREATE || r.kind == TRACE_EV_GO_UNBLOCK) && r.obj != r.g)) break;
                g = r.obj;
            }
            int64_t k = goroutine_k(t, g);
            if (k < 0) continue;
            GBuf *b = &gb[k];
            if (b->n && b->last == i) continue;
            if (b->n % TRACE_GCK == 0) {
                if (b->nck == b->capck) {
                    uint32_t nc = b->capck ? b->capck * 2 : 4;
                    b->ck = mem_realloc(b->ck, sizeof *b->ck * b->capck, sizeof *b->ck * nc);
                    b->capck = nc;
                }
                TraceCk ck = {i, b->len};
                b->ck[b->nck++] = ck;
            } else {
                if (b->len + 5 > b->cap) {
                    uint32_t nc = b->cap ? b->cap * 2 : 64;
                    b->d = mem_realloc(b->d, b->cap, nc);
                    b->cap = nc;
                }
                b->len = (uint32_t)(put_uv(b->d + b->len, i - b->last) - b->d);
            }
            b->n++;
            b->last = i;
        }
    }
    size_t evb = 0, evck = 0;
    for (uint32_t k = 0; k < ng; k++) {
        evb += gb[k].len;
        evck += gb[k].nck;
        GORO_ASSERT(evb < UINT32_MAX);
    }
    gi->nevck = evck ? (uint32_t)evck : 1;
    gi->evck = mem_alloc(sizeof *gi->evck * gi->nevck);
    gi->evbytes = evb ? evb : 1;
    gi->evdata = mem_alloc(gi->evbytes);
    evb = evck = 0;
    for (uint32_t k = 0; k < ng; k++) {
        GBuf *b = &gb[k];
        TraceGHdr *h = &gi->gh[k];
        h->ev_n = b->n;
        h->ev_ck = (uint32_t)evck;
        for (uint32_t j = 0; j < b->nck; j++) {
            TraceCk ck = {b->ck[j].v, b->ck[j].off + (uint32_t)evb};
            gi->evck[evck++] = ck;
        }
        if (b->len) memcpy(gi->evdata + evb, b->d, b->len);
        evb += b->len;
        mem_free(b->d, b->cap);
        mem_free(b->ck, sizeof *b->ck * b->capck);
    }
    mem_free(gb, sizeof *gb * (ng ? ng : 1));
    /* lanes: replay the log */
    p = t->llog;
    from = 0;
    while (p < end) {
        uint32_t k = (uint32_t)get_uv(&p);
        from += (uint32_t)get_uv(&p);
        uint32_t sr = (uint32_t)get_uv(&p);
        uint32_t wobj = (uint32_t)get_uv(&p);
        TraceGHdr *h = &gi->gh[k];
        if (h->lane_n % TRACE_GCK == 0) {
            TraceCk ck = {from, laneoff[k]};
            gi->laneck[h->lane_ck + h->lane_n / TRACE_GCK] = ck;
        } else {
            put_at(gi->lanedata, &laneoff[k], from - last[k]);
        }
        gi->lanedata[laneoff[k]++] = (unsigned char)sr;
        put_at(gi->lanedata, &laneoff[k], wobj);
        h->lane_n++;
        last[k] = from;
    }
    mem_free(last, sizeof(uint32_t) * (ng ? ng : 1));
    mem_free(laneoff, sizeof(uint32_t) * (ng ? ng : 1));
    gi->built = 1;
    gi->n = t->nev;
}

/* recording_free: drop what only recording and index building need */
static void recording_free(Trace *t) {
    VEC_FREE_BIG(t->grec);
    mem_big_free(t->llog, t->llog_cap);
    t->llog = t->llog_w = t->llog_lim = NULL;
    t->llog_cap = 0;
}

/* gindex: the per-goroutine indexes, current; NULL for a non-goroutine */
static const TraceGHdr *gindex(const Trace *t, TraceObj g, int64_t *kout) {
    int64_t k = goroutine_k(t, g);
    if (k < 0) return NULL;
    if (!t->gi.built || t->gi.n != t->nev) {
        Trace *mt = (Trace *)t; /* a cache: see trace.h Threads */
        gindex_build(mt);
        if (t->finished) recording_free(mt);
    }
    *kout = k;
    return &t->gi.gh[k];
}

void trace_finish(Trace *t) {
    if (t->finished) return;
    t->finished = 1;
    t->emit_lim = 0;
    t->fast_lim = 0;
    /* the per-goroutine indexes are built when first queried (a run that is
     * only exported never needs them); until then the counts and the lane
     * log stay */
    if (t->grec.cap > t->grec.len && t->grec.len > 0) {
        t->grec.items = mem_big_resize(t->grec.items, sizeof *t->grec.items * (size_t)t->grec.cap,
                                    sizeof *t->grec.items * (size_t)t->grec.len);
        t->grec.cap = t->grec.len;
    }
    size_t ll = llog_len(t);
    if (t->llog_cap > ll && ll > 0) { /* no more entries: llog_lim is moot */
        t->llog = mem_big_resize(t->llog, t->llog_cap, ll);
        t->llog_cap = ll;
        t->llog_w = t->llog_lim = t->llog + ll;
    }
    live_sync(t);
    /* trim (the writer is done with its chunk) */
    t->dused = dused(t);
    t->wchunk = t->wp = t->wlim = NULL;
    if (t->ndchunks) {
        size_t used = (size_t)(t->dused - ((uint64_t)(t->ndchunks - 1) << TRACE_DCHUNK_BITS));
        if (used < 1) used = 1;
        if (used < t->last_dchunk_size) {
            t->dchunks[t->ndchunks - 1] = mem_big_resize(t->dchunks[t->ndchunks - 1], t->last_dchunk_size, used);
            t->last_dchunk_size = used;
        }
    }
    if (t->blks.cap > t->blks.len && t->blks.len > 0) {
        t->blks.items = mem_big_resize(t->blks.items, sizeof *t->blks.items * (size_t)t->blks.cap,
                                    sizeof *t->blks.items * (size_t)t->blks.len);
        t->blks.cap = t->blks.len;
    }
    if (t->kf_cap > t->kf_used && t->kf_used > 0) {
        t->kfdata = mem_big_resize(t->kfdata, t->kf_cap, t->kf_used);
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
    TraceRaw r;
    trace_raw_at(t, i, &r);
    e->kind = (TraceEventKind)r.kind;
    e->aux = r.aux;
    e->g = r.g;
    e->obj = r.obj;
    e->pos.line = (int)r.line;
    e->pos.col = r.col;
    e->value = r.value;
    e->arg = r.arg;
    e->step = r.step;
    e->vtime = vtime;
    e->flow = -1;
    e->out_off = 0;
    e->out_len = 0;
    if (e->kind == TRACE_EV_CHAN_RECV) {
        e->flow = r.has_extra ? (int64_t)i - (int64_t)r.extra : -1;
    } else if (e->kind == TRACE_EV_OUTPUT) {
        e->out_off = (uint64_t)r.arg;
        e->out_len = (uint32_t)r.extra;
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
    int64_t k;
    const TraceGHdr *h = gindex(t, g, &k);
    return h ? h->ev_n : 0;
}

/* g_ev_at: entry [m] of goroutine [h]'s event index */
static uint32_t g_ev_at(const Trace *t, const TraceGHdr *h, uint32_t m) {
    const TraceCk *ck = &t->gi.evck[h->ev_ck + m / TRACE_GCK];
    uint32_t v = ck->v;
    const unsigned char *p = t->gi.evdata + ck->off;
    for (uint32_t j = 0; j < m % TRACE_GCK; j++) v += (uint32_t)get_uv(&p);
    return v;
}

uint32_t trace_g_event(const Trace *t, TraceObj g, uint32_t k) {
    int64_t gk;
    const TraceGHdr *h = gindex(t, g, &gk);
    GORO_ASSERT(h && k < h->ev_n);
    return g_ev_at(t, h, k);
}

/* g_upper: the first entry of [h]'s event index with event > [i] */
static uint32_t g_upper(const Trace *t, const TraceGHdr *h, int64_t i) {
    uint32_t nck = (h->ev_n + TRACE_GCK - 1) / TRACE_GCK;
    const TraceCk *ck = &t->gi.evck[h->ev_ck];
    uint32_t lo = 0, hi = nck; /* first checkpoint with v > i */
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if ((int64_t)ck[mid].v <= i) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return 0;
    uint32_t m = (lo - 1) * TRACE_GCK, v = ck[lo - 1].v;
    const unsigned char *p = t->gi.evdata + ck[lo - 1].off;
    while (m + 1 < h->ev_n && (m + 1) % TRACE_GCK) {
        uint32_t nv = v + (uint32_t)get_uv(&p);
        if ((int64_t)nv > i) break;
        v = nv;
        m++;
    }
    return m + 1;
}

int64_t trace_g_next(const Trace *t, TraceObj g, int64_t i) {
    int64_t gk;
    const TraceGHdr *h = gindex(t, g, &gk);
    if (!h) return -1;
    uint32_t m = g_upper(t, h, i);
    return m < h->ev_n ? (int64_t)g_ev_at(t, h, m) : -1;
}

int64_t trace_g_prev(const Trace *t, TraceObj g, int64_t i) {
    int64_t gk;
    const TraceGHdr *h = gindex(t, g, &gk);
    if (!h) return -1;
    uint32_t m = g_upper(t, h, i - 1);
    return m > 0 ? (int64_t)g_ev_at(t, h, m - 1) : -1;
}

uint32_t trace_lane_count(const Trace *t, TraceObj g) {
    int64_t k;
    const TraceGHdr *h = gindex(t, g, &k);
    return h ? h->lane_n : 0;
}

/* lane_at: span [m] of [h]'s lane into [*out] (its `to` left unset);
 * returns where span m + 1 is encoded */
static const unsigned char *lane_at(const Trace *t, const TraceGHdr *h, uint32_t m, TraceSpan *out) {
    const TraceCk *ck = &t->gi.laneck[h->lane_ck + m / TRACE_GCK];
    uint32_t from = ck->v;
    const unsigned char *p = t->gi.lanedata + ck->off;
    for (uint32_t j = 0;; j++) {
        if (j) from += (uint32_t)get_uv(&p);
        unsigned sr = *p++;
        uint32_t wobj = (uint32_t)get_uv(&p);
        if (j == m % TRACE_GCK) {
            out->from = from;
            out->status = (uint8_t)(sr & 7);
            out->reason = (uint8_t)(sr >> 3);
            out->wait_obj = wobj;
            return p;
        }
    }
}

void trace_lane_span(const Trace *t, TraceObj g, uint32_t k, TraceSpan *out) {
    int64_t gk;
    const TraceGHdr *h = gindex(t, g, &gk);
    GORO_ASSERT(h && k < h->lane_n);
    const unsigned char *p = lane_at(t, h, k, out);
    if (k + 1 == h->lane_n) out->to = t->nev;
    else if ((k + 1) % TRACE_GCK == 0) out->to = t->gi.laneck[h->lane_ck + (k + 1) / TRACE_GCK].v;
    else out->to = out->from + (uint32_t)get_uv(&p);
}

int64_t trace_lane_find(const Trace *t, TraceObj g, uint32_t n) {
    int64_t gk;
    const TraceGHdr *h = gindex(t, g, &gk);
    if (!h) return -1;
    /* the last span with from < n */
    uint32_t nck = (h->lane_n + TRACE_GCK - 1) / TRACE_GCK;
    const TraceCk *ck = &t->gi.laneck[h->lane_ck];
    uint32_t lo = 0, hi = nck; /* first checkpoint with from >= n */
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (ck[mid].v < n) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return -1;
    uint32_t m = (lo - 1) * TRACE_GCK, from = ck[lo - 1].v;
    const unsigned char *p = t->gi.lanedata + ck[lo - 1].off;
    p++; /* sr */
    get_uv(&p); /* wait_obj */
    while (m + 1 < h->lane_n && (m + 1) % TRACE_GCK) {
        uint32_t nf = from + (uint32_t)get_uv(&p);
        if (nf >= n) break;
        from = nf;
        m++;
        p++;
        get_uv(&p);
    }
    return (int64_t)m;
}

void trace_stats(const Trace *t, TraceStats *out) {
    memset(out, 0, sizeof *out);
    out->events = t->nev;
    out->keyframes = (uint32_t)t->kfs.len;
    size_t data = t->ndchunks ? (size_t)TRACE_DCHUNK * (t->ndchunks - 1) + t->last_dchunk_size : 0;
    out->event_bytes = data + sizeof(TraceBlk) * (size_t)t->blks.cap + sizeof(unsigned char *) * t->cap_dchunks;
    size_t idx = sizeof(TraceTimeMark) * (size_t)t->times.cap;
    idx += sizeof(TraceGRec) * (size_t)t->grec.cap + t->llog_cap;
    const TraceGIndex *gi = &t->gi;
    idx += sizeof *gi->gh * gi->ngh + sizeof *gi->evck * gi->nevck + sizeof *gi->laneck * gi->nlaneck +
           gi->evbytes + gi->lanebytes;
    out->index_bytes = idx;
    out->keyframe_bytes = t->kf_cap + sizeof(TraceKeyframe) * (size_t)t->kfs.cap;
    out->string_bytes = (size_t)TRACE_STR_CHUNK * t->nschunks + sizeof(TraceStrEnt) * (size_t)t->strs.cap +
                        sizeof *t->htab * t->hcap + sizeof *t->itexts * t->icap + t->out_cap;
    size_t live = (sizeof(TraceObjState) + sizeof(TraceList)) * t->live.cap_objs;
    for (uint32_t i = 0; i <= t->live.nobjs && i < t->live.cap_objs; i++)
        live += sizeof(uint32_t) * 2 * t->live.lists[i].cap;
    out->total_bytes = out->event_bytes + out->index_bytes + out->keyframe_bytes +
                       out->string_bytes + live + sizeof(TraceObjInfo) * (size_t)t->objs.cap +
                       sizeof(TraceObj) * ((size_t)t->gs.cap + (size_t)t->by_goid.cap) +
                       sizeof(int32_t) * (size_t)t->ogk.cap + sizeof *t;
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
