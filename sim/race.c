/* race: happens-before race detection (vector clocks, per-word shadow with
 * a last-write epoch and a read set) and the trace's memory events.
 *
 * Invariants:
 * - A live goroutine owns a slot (its "thread id" in vector clocks; slot
 *   0 is the runtime pseudo-thread, whose clock race_timer_fire sets); a
 *   finished goroutine's slot is reused (LIFO) by a later one, which starts
 *   its own entry above the last value the slot reached, so clocks stay as
 *   long as the number of goroutines alive at once (a million short
 *   goroutines would otherwise make every clock a million entries long).
 *   The occupant's knowledge of its predecessors is kept apart
 *   (RaceSlot.known_prev), since its own entry runs above theirs.
 * - A VBuf's rc counts the VCs pointing at it; only a VC holding the sole
 *   reference writes into it (vc_mut copies first).
 * - VC entries past a vector's length are 0; a goroutine's own entry is >= 1
 *   and grows by one after each release and each go statement it makes
 *   (RaceSlot.clk mirrors it: no other clock knows more of the slot).
 * - A SyncVar's cover, when set, names a goroutine whose clock is at least
 *   the variable's, entry by entry, for as long as it lives (ids are not
 *   reused, so a finished one's cover never matches again).
 * - A SyncVar with lazy set holds, in truth, its cover's slot clock with
 *   the slot's own entry at lclk (its stored vc is stale): it is settled
 *   (copied in) before anything reads it and before that slot's clock
 *   changes by anything but its own ticks (a join, the goroutine's end).
 * - A shadow cell's read set holds at most one entry per tid and no entry
 *   that happens before another access of the set's owner: a write that did
 *   not race with them clears it (each read happened before the write).
 * - Stacks are interned bottom-up as a trie of (parent, proto, line); ids
 *   are given in order of first use, so they are deterministic. An
 *   access the fast paths record keeps its stack lazily (Access.lazy: the
 *   id of the frames below the top one and the top pc), interned only
 *   when a report needs it; only ids' identity is ever used (the
 *   suppression of repeated stack pairs), never their order.
 * - Hash tables and the direct-mapped caches (cells, sync variables, top
 *   frames; the latter keyed by code or name addresses) are looked up by
 *   key only, never iterated: what they return does not depend on a
 *   pointer's value.
 */
#include "race_int.h"

/* ---- vector clocks ---- */

static void vbuf_drop(VBuf *b) {
    if (b && --b->rc == 0) mem_free(b, sizeof *b + sizeof b->c[0] * b->cap);
}

/* vc_mut: make [v]'s dense part its own and at least [n] long; sparse
 * entries inside it are folded in (keeps room for the next ones). */
static void vc_fold(VC *v) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < v->ns; i++) {
        if (v->st[i] < v->n) {
            if (v->sx[i] > v->b->c[v->st[i]]) v->b->c[v->st[i]] = v->sx[i];
            continue;
        }
        v->st[k] = v->st[i];
        v->sx[k++] = v->sx[i];
    }
    v->ns = k;
}

static void vc_mut(VC *v, uint32_t n) {
    if (n < v->n) n = v->n;
    if (v->b && v->b->rc == 1 && v->b->cap >= n) {
        for (uint32_t i = v->n; i < n; i++) v->b->c[i] = 0;
        v->n = n;
        vc_fold(v);
        return;
    }
    uint32_t nc = v->b && v->b->rc == 1 ? v->b->cap : 4;
    while (nc < n) nc *= 2;
    VBuf *nb = mem_alloc(sizeof *nb + sizeof nb->c[0] * nc);
    nb->rc = 1;
    nb->cap = nc;
    if (v->n) memcpy(nb->c, v->b->c, sizeof nb->c[0] * v->n);
    for (uint32_t i = v->n; i < n; i++) nb->c[i] = 0;
    vbuf_drop(v->b);
    v->b = nb;
    v->n = n;
    vc_fold(v);
}

/* vc_set: raise entry [t] to [x] (x >= its current value). */
static void vc_set(VC *v, uint32_t t, uint32_t x) {
    for (uint32_t i = 0; i < v->ns; i++)
        if (v->st[i] == t) {
            v->sx[i] = x;
            return;
        }
    if (v->ns < VC_SPARSE) {
        v->st[v->ns] = t;
        v->sx[v->ns++] = x;
        return;
    }
    vc_mut(v, t + 1);
    v->b->c[t] = x;
}

/* vc_lower: set entry [t] to exactly [x] (at most its current value):
 * a lazily released sync variable's own entry (SyncVar.lazy). */
static void vc_lower(VC *v, uint32_t t, uint32_t x) {
    if (t < v->n && v->b->c[t] > x) {
        vc_mut(v, v->n); /* its own buffer (folds sparse entries in: max, so set after) */
        v->b->c[t] = x;
    }
    for (uint32_t i = 0; i < v->ns; i++)
        if (v->st[i] == t && v->sx[i] > x) v->sx[i] = x;
}

/* vmax: d[i] = max(d[i], x[i]) for i < [n4], a multiple of 4 (so the
 * compiler can use vector instructions; see VBuf for the zero tail that
 * makes reading and writing up to the rounded length harmless). */
static void vmax(uint32_t *restrict d, const uint32_t *restrict x, uint32_t n4) {
    for (uint32_t i = 0; i < n4; i += 4)
        for (uint32_t j = 0; j < 4; j++) d[i + j] = d[i + j] > x[i + j] ? d[i + j] : x[i + j];
}

static void vc_join(VC *dst, const VC *src) {
    if (src->n && dst->b != src->b) {
        /* share when dst's dense part is known to src's; short vectors
         * (a mutex passed among a few goroutines) are cheaper copied in
         * place than shared and copied again at the next write */
        int sub = src->n >= dst->n && src->n >= VC_SHARE_MIN;
        for (uint32_t i = 0; sub && i < dst->n; i++) sub = dst->b->c[i] <= src->b->c[i];
        if (sub) {
            src->b->rc++;
            vbuf_drop(dst->b);
            dst->b = src->b;
            dst->n = src->n;
        } else {
            /* a dense part of its own is raised in place; a shared one is
             * copied only when src raises it */
            int raise = dst->b && dst->b->rc == 1 && dst->b->cap >= src->n;
            for (uint32_t i = 0; i < src->n && !raise; i++) raise = src->b->c[i] > (i < dst->n ? dst->b->c[i] : 0);
            if (raise) {
                vc_mut(dst, src->n);
                vmax(dst->b->c, src->b->c, (src->n + 3) & ~3u);
            }
        }
    }
    for (uint32_t i = 0; i < src->ns; i++) {
        uint32_t t = src->st[i], x = src->sx[i];
        if (t < dst->n && dst->b->c[t] >= x) continue;
        uint32_t j = 0;
        while (j < dst->ns && dst->st[j] != t) j++;
        if (j < dst->ns) {
            if (dst->sx[j] < x) dst->sx[j] = x;
        } else vc_set(dst, t, x);
    }
}

/* vc_assign: [dst] = [src] for a [dst] known to be below [src] entry by
 * entry (the join that would give the same): dense entries copied into a
 * buffer dst owns (else a plain join), sparse ones taken as they are. */
static void vc_assign(VC *dst, const VC *src) {
    if (!(dst->b && dst->b->rc == 1 && dst->b->cap >= src->n && dst->b != src->b)) {
        vc_join(dst, src);
        return;
    }
    uint32_t *restrict d = dst->b->c;
    const uint32_t *restrict x = src->b ? src->b->c : NULL;
    uint32_t n4 = (src->n + 3) & ~3u; /* in blocks of four (VBuf's zero tail) */
    for (uint32_t i = 0; i < n4; i += 4)
        for (uint32_t j = 0; j < 4; j++) d[i + j] = x[i + j];
    for (uint32_t i = n4; i < dst->n; i++) d[i] = 0; /* keeps the zero tail */
    if (src->n > dst->n) dst->n = src->n;
    dst->ns = src->ns;
    memcpy(dst->st, src->st, sizeof dst->st);
    memcpy(dst->sx, src->sx, sizeof dst->sx);
}

static void vc_clear(VC *v) {
    vbuf_drop(v->b);
    v->b = NULL;
    v->n = 0;
    v->ns = 0;
}

static void vc_copy(VC *dst, const VC *src) {
    vc_clear(dst);
    vc_join(dst, src);
}

static void vc_free(VC *v) { vc_clear(v); }


static void hgrow(HMap *m) {
    HMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->len = 0;
    m->e = mem_alloc(sizeof *m->e * m->cap);
    for (uint32_t i = 0; i < old.cap; i++)
        if (old.e[i].v) race_hput(m, old.e[i].a, old.e[i].b, old.e[i].v - 1);
    mem_free(old.e, sizeof *old.e * old.cap);
}

void race_hput(HMap *m, uint64_t a, uint64_t b, uint32_t v) {
    if ((m->len + 1) * 4 > m->cap * 3) hgrow(m);
    uint32_t mask = m->cap - 1;
    for (uint32_t i = (uint32_t)mix(a, b) & mask;; i = (i + 1) & mask) {
        HEnt *e = &m->e[i];
        if (!e->v) {
            *e = (HEnt){a, b, v + 1};
            m->len++;
            return;
        }
        if (e->a == a && e->b == b) {
            e->v = v + 1;
            return;
        }
    }
}

static void hfree(HMap *m) {
    mem_free(m->e, sizeof *m->e * m->cap);
    memset(m, 0, sizeof *m);
}

RaceCtx *race_new(Vm *vm, FILE *err, Trace *trace, int detect) {
    RaceCtx *r = mem_alloc(sizeof *r);
    r->vm = vm;
    r->err = err;
    r->trace = trace;
    r->mem_live = trace != NULL;
    r->detect = detect;
    r->next_heap = 0xc000010000ULL;
    for (int i = 0; i < 256; i++) r->ccache[i].key = UINT64_MAX;
    StackNode root = {0, NULL, 0, NULL, NULL};
    VEC_PUSH(r->stacks, root);
    return r;
}

void race_free(RaceCtx *r) {
    if (!r) return;
    for (int i = 0; i < r->slots.len; i++) vc_free(&r->slots.items[i].vc);
    VEC_FREE(r->slots);
    VEC_FREE(r->free_slots);
    VEC_FREE(r->gs);
    vc_free(&r->rt);
    for (int i = 0; i < r->syncs.len; i++) vc_free(&r->syncs.items[i].vc);
    VEC_FREE(r->syncs);
    for (int i = 0; i < r->cells.len; i++) VEC_FREE(r->cells.items[i].reads);
    VEC_FREE(r->cells);
    VEC_FREE(r->bases);
    VEC_FREE(r->chans);
    VEC_FREE(r->stacks);
    hfree(&r->sync_ix);
    hfree(&r->cell_ix);
    hfree(&r->obj_base);
    hfree(&r->chan_ix);
    hfree(&r->stack_ix);
    hfree(&r->seen_addr);
    hfree(&r->seen_pair);
    mem_free(r, sizeof *r);
}

int race_count(const RaceCtx *r) { return r ? r->nraces : 0; }

int race_finish(RaceCtx *r, int status) {
    if (!r || !r->detect || r->nraces == 0 || status != 0) return status;
    fflush(r->vm->out);
    fprintf(r->err, "Found %d data race(s)\nexit status 66\n", r->nraces);
    return 66;
}

RaceG *race_rg_new(RaceCtx *r, uint32_t tid) {
    if ((int)tid >= r->gs.len) {
        VEC_GROW(r->gs, (int)tid + 1);
        memset(r->gs.items + r->gs.len, 0, sizeof *r->gs.items * (size_t)((int)tid + 1 - r->gs.len));
        r->gs.len = (int)tid + 1;
    }
    RaceG *rg = &r->gs.items[tid];
    if (!rg->used) {
        rg->used = 1;
        r->live++;
        uint32_t sl;
        if (r->free_slots.len) sl = r->free_slots.items[--r->free_slots.len];
        else {
            if (!r->slots.len) {
                RaceSlot z;
                memset(&z, 0, sizeof z);
                VEC_PUSH(r->slots, z); /* slot 0: the runtime */
            }
            RaceSlot z;
            memset(&z, 0, sizeof z);
            VEC_PUSH(r->slots, z);
            sl = (uint32_t)r->slots.len - 1;
        }
        rg = &r->gs.items[tid];
        rg->slot = sl;
        RaceSlot *s = &r->slots.items[sl];
        vc_clear(&s->vc);
        s->sc.n = 0;
        s->start = s->last + 1;
        s->known_prev = 0;
        vc_set(&s->vc, sl, s->start);
        s->clk = s->start;
    }
    return rg;
}

/* learn: before [g] joins [src]: what [src] says about earlier occupants
 * of g's own slot goes to known_prev (the join keeps g's own entry). */
static void learn(RaceCtx *r, uint32_t sl, const VC *src) {
    if (!sl) return;
    RaceSlot *s = &r->slots.items[sl];
    uint32_t x = vc_get(src, sl);
    if (x < s->start && x > s->known_prev) s->known_prev = x;
}

/* slot_of: [g]'s slot (0 for the runtime, NULL). */
static uint32_t slot_of(RaceCtx *r, Goroutine *g) { return g ? rg_of(r, (uint32_t)g->id)->slot : 0; }

/* clock_of: the clock [g] acts with (the runtime's for NULL). */
static VC *clock_of(RaceCtx *r, Goroutine *g) {
    if (!g) return &r->rt;
    uint32_t sl = rg_of(r, (uint32_t)g->id)->slot;
    return &r->slots.items[sl].vc;
}

/* tick: [g]'s own entry grows by one (a join never raises it: no clock
 * knows more of a slot than its occupant). */
static void tick(RaceCtx *r, Goroutine *g) {
    if (!g) return;
    uint32_t sl = slot_of(r, g);
    RaceSlot *s = &r->slots.items[sl];
    vc_set(&s->vc, sl, ++s->clk);
}

static int frame_line(const Proto *p, const Instr *pc) {
    if (!p->lines || !pc || !p->ncode) return 0;
    long k = pc - p->code - 1;
    if (k < 0) k = 0;
    if (k >= p->ncode) k = p->ncode - 1;
    return p->lines[k];
}

static uint32_t intern_frame(RaceCtx *r, uint32_t parent, const Proto *p, int line) {
    uint64_t a = ((uint64_t)parent << 32) | (uint32_t)line;
    int64_t id = hget(&r->stack_ix, a, (uint64_t)(uintptr_t)p);
    if (id >= 0) return (uint32_t)id;
    StackNode n = {parent, p, line, NULL, NULL};
    VEC_PUSH(r->stacks, n);
    race_hput(&r->stack_ix, a, (uint64_t)(uintptr_t)p, (uint32_t)(r->stacks.len - 1));
    return (uint32_t)(r->stacks.len - 1);
}

static uint32_t stack_walk(RaceCtx *r, Goroutine *g, int nf, const Instr *top_pc);

uint32_t race_stack_miss(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc) {
    int n = g->nframes;
    if (n < 1 || n > RACE_STACK_CACHE) return stack_walk(r, g, n, top_pc);
    StackCache *sc = &r->slots.items[sl].sc;
    int k = 0;
    if (sc->n == n)
        while (k < n - 1 && sc->p[k] == g->frames[k].p && sc->pc[k] == g->frames[k].pc) k++;
    if (sc->n != n || k != n - 1) {
        uint32_t base = stack_walk(r, g, n - 1, NULL);
        sc = &r->slots.items[sl].sc;
        sc->n = n;
        for (k = 0; k < n - 1; k++) {
            sc->p[k] = g->frames[k].p;
            sc->pc[k] = g->frames[k].pc;
        }
        sc->base = base;
    }
    const Frame *top = &g->frames[n - 1];
    return race_top_frame(r, sc->base, top->p, top_pc ? top_pc : top->pc);
}

uint32_t race_top_frame(RaceCtx *r, uint32_t base, const Proto *p, const Instr *pc) {
    if (!pc) return base;
    TopCache *t = tentry(r, base, pc);
    if (t->key == pc && t->base == base) return t->id;
    int line = frame_line(p, pc);
    return tfill(t, base, pc, line > 0 ? intern_frame(r, base, p, line) : base);
}

/* stack_walk: the interned stack of [g]'s bottom [nf] frames (the top one
 * at [top_pc] when nf is all of them). */
static uint32_t stack_walk(RaceCtx *r, Goroutine *g, int nf, const Instr *top_pc) {
    uint32_t id = 0;
    for (int i = 0; i < nf; i++) {
        const Frame *f = &g->frames[i];
        const Instr *pc = (i == g->nframes - 1 && top_pc) ? top_pc : f->pc;
        int line = frame_line(f->p, pc);
        if (line <= 0) continue;
        id = intern_frame(r, id, f->p, line);
    }
    return id;
}

static inline void slot_settle(RaceCtx *r, uint32_t sl);

/* stop: past RACE_MAX_LIVE live goroutines in a trace-only run: drop the
 * clocks and say so in the trace's header. */
static void stop(RaceCtx *r, const char *why) {
    r->off = 1;
    if (r->trace) trace_set_meta(r->trace, "races", why);
    for (int i = 0; i < r->slots.len; i++) vc_free(&r->slots.items[i].vc);
    for (int i = 0; i < r->syncs.len; i++) vc_free(&r->syncs.items[i].vc);
    vc_free(&r->rt);
    r->vm->mem_hook = 0; /* vm.c: the rest of the run without the memory hook */
    if (r->vm->sched && r->vm->sched->race == r) r->vm->sched->race = NULL; /* and without the other hooks */
}

/* stop_capped: the trace took its last memory event in a trace-only run
 * (trace_mem set off to 2): a RACE mark needs both accesses in the trace
 * (trace_race), so from there on the detector could mark nothing; every
 * hook has been a no-op since, and the next shared access frees the clocks
 * and turns the memory hook off. */
void race_stop_capped(RaceCtx *r) {
    char buf[80];
    snprintf(buf, sizeof buf, "not tracked past %d memory events", RACE_MAX_MEM_EVENTS);
    stop(r, buf);
}

void race_go(RaceCtx *r, Goroutine *parent, Goroutine *child) {
    if (r->off) return;
    if (!r->detect && r->live >= RACE_MAX_LIVE) {
        char buf[80];
        snprintf(buf, sizeof buf, "not tracked past %d live goroutines", RACE_MAX_LIVE);
        stop(r, buf);
        return;
    }
    if (parent) slot_of(r, parent); /* slots first: making one may move the others */
    uint32_t cs = slot_of(r, child);
    slot_settle(r, cs);
    learn(r, cs, clock_of(r, parent));
    vc_join(&r->slots.items[cs].vc, clock_of(r, parent));
    if (parent) {
        uint32_t st = stack_of(r, parent, slot_of(r, parent), NULL);
        rg_of(r, (uint32_t)child->id)->create_stack = st;
        tick(r, parent);
    }
}

void race_go_end(RaceCtx *r, Goroutine *g) {
    if (r->off) return;
    RaceG *rg = rg_of(r, (uint32_t)g->id);
    if (rg->finished) return;
    rg->finished = 1;
    r->live--;
    slot_settle(r, rg->slot);
    RaceSlot *s = &r->slots.items[rg->slot];
    s->last = s->clk;
    vc_clear(&s->vc);
    s->sc.n = 0;
    VEC_PUSH(r->free_slots, rg->slot);
}

/* ---- sync ---- */

static SyncVar *sync_find(RaceCtx *r, uint64_t key, uint64_t slot);
static SyncVar *sync_look(RaceCtx *r, uint64_t key, uint64_t slot);
static inline SyncVar *sync_var(RaceCtx *r, uint64_t key, uint64_t slot) {
    if (r->mru[0].key == key && r->mru[0].slot == slot && r->mru[0].ix) return &r->syncs.items[r->mru[0].ix - 1];
    return sync_find(r, key, slot);
}

/* sync_find: sync_var past its last-used entry (the last two kept in mru). */
static SyncVar *sync_find(RaceCtx *r, uint64_t key, uint64_t slot) {
    uint32_t ix;
    if (r->mru[1].key == key && r->mru[1].slot == slot && r->mru[1].ix) ix = r->mru[1].ix - 1;
    else ix = (uint32_t)(sync_look(r, key, slot) - r->syncs.items);
    r->mru[1] = r->mru[0];
    r->mru[0].key = key;
    r->mru[0].slot = slot;
    r->mru[0].ix = ix + 1;
    return &r->syncs.items[ix];
}

#define SCACHE_HASH(key, slot) ((uint32_t)(((key) ^ ((key) >> 32)) * 0x9e3779b1u + (slot)) & 63)

static SyncVar *sync_look(RaceCtx *r, uint64_t key, uint64_t slot) {
    uint32_t h = SCACHE_HASH(key, slot);
    if (r->scache[h].ix && r->scache[h].key == key && r->scache[h].slot == slot) return &r->syncs.items[r->scache[h].ix - 1];
    int64_t ix = hget(&r->sync_ix, key, slot);
    r->scache[h].key = key;
    r->scache[h].slot = slot;
    if (ix < 0) {
        SyncVar z = {{0}, 0, 0, 0};
        VEC_PUSH(r->syncs, z);
        ix = r->syncs.len - 1;
        race_hput(&r->sync_ix, key, slot, (uint32_t)ix);
    }
    r->scache[h].ix = (uint32_t)ix + 1;
    return &r->syncs.items[ix];
}

/* sv_settle: copy a lazily released [s]'s clock in (SyncVar.lazy). */
static void sv_settle(RaceCtx *r, SyncVar *s) {
    uint32_t sl = s->lazy - 1;
    RaceSlot *rs = &r->slots.items[sl];
    vc_assign(&s->vc, &rs->vc); /* s is below the slot's clock (its cover) */
    vc_lower(&s->vc, sl, s->lclk);
    s->lazy = 0;
    rs->lazy_sv = 0;
}

/* slot_settle: before slot [sl]'s clock changes by a join: its lazily
 * released variable takes its copy. */
static inline void slot_settle(RaceCtx *r, uint32_t sl) {
    uint32_t ix = r->slots.items[sl].lazy_sv;
    if (ix) sv_settle(r, &r->syncs.items[ix - 1]);
}

/* acquire_from / release_into: [g] acquires / releases sync variable [s]
 * (see SyncVar for the skipped join and the lazy release). */
static void acquire_from(RaceCtx *r, SyncVar *s, Goroutine *g) {
    if (!g) { /* the runtime */
        if (s->lazy) sv_settle(r, s);
        vc_join(&r->rt, &s->vc);
        s->cover = 0;
        return;
    }
    uint32_t me = (uint32_t)g->id + 1;
    if (s->cover == me) return;
    if (s->lazy) sv_settle(r, s);
    uint32_t sl = rg_of(r, (uint32_t)g->id)->slot;
    slot_settle(r, sl);
    learn(r, sl, &s->vc);
    vc_join(&r->slots.items[sl].vc, &s->vc);
    s->cover = me;
}

static void release_into(RaceCtx *r, SyncVar *s, Goroutine *g) {
    if (!g) {
        if (s->lazy) sv_settle(r, s);
        vc_join(&s->vc, &r->rt);
        s->cover = 0;
        return;
    }
    uint32_t sl = rg_of(r, (uint32_t)g->id)->slot;
    RaceSlot *rs = &r->slots.items[sl];
    if (s->cover == (uint32_t)g->id + 1) { /* s is below g's clock: it becomes a copy */
        if (s->lazy != sl + 1) {
            if (s->lazy) sv_settle(r, s);
            if (rs->lazy_sv) sv_settle(r, &r->syncs.items[rs->lazy_sv - 1]);
            s->lazy = sl + 1;
            rs->lazy_sv = (uint32_t)(s - r->syncs.items) + 1;
        }
        s->lclk = rs->clk;
    } else {
        if (s->lazy) sv_settle(r, s);
        vc_join(&s->vc, &rs->vc);
        s->cover = 0;
    }
    vc_set(&rs->vc, sl, ++rs->clk); /* tick */
}

/* acquire2 / release2: by key; the commonest cases inline (an acquire
 * its goroutine's clock covers, a cover's repeated lazy release). */
static inline void acquire2(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot) {
    if (r->off) return;
    SyncVar *s = sync_var(r, key, slot);
    if (g && s->cover == (uint32_t)g->id + 1) return;
    acquire_from(r, s, g);
}

static inline void release2(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot) {
    if (r->off) return;
    SyncVar *s = sync_var(r, key, slot);
    if (g && s->lazy && s->cover == (uint32_t)g->id + 1) {
        uint32_t sl = r->gs.items[g->id].slot; /* g covers s: it has a slot */
        if (s->lazy == sl + 1) {
            RaceSlot *rs = &r->slots.items[sl];
            s->lclk = rs->clk;
            vc_set(&rs->vc, sl, ++rs->clk); /* tick */
            return;
        }
    }
    release_into(r, s, g);
}

void race_sync_acquire(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot) { acquire2(r, g, key, slot); }

void race_sync_release(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot) { release2(r, g, key, slot); }

/* race_acquire / race_release: the commonest cases (a mutex locked and
 * unlocked by one goroutine in a row: sync_var's last variable, a
 * covered acquire, a lazy release) without a call, so the compiler need
 * not set up a frame for them; the rest out of line. */
static __attribute__((noinline)) void acquire_key(RaceCtx *r, Goroutine *g, uint64_t key) { acquire2(r, g, key, 0); }
static __attribute__((noinline)) void release_key(RaceCtx *r, Goroutine *g, uint64_t key) { release2(r, g, key, 0); }

void race_acquire(RaceCtx *r, Goroutine *g, uint64_t key) {
    if (g && !r->off && r->mru[0].ix && r->mru[0].key == key && r->mru[0].slot == 0 &&
        r->syncs.items[r->mru[0].ix - 1].cover == (uint32_t)g->id + 1)
        return;
    acquire_key(r, g, key);
}

void race_release(RaceCtx *r, Goroutine *g, uint64_t key) {
    if (g && !r->off && r->mru[0].ix && r->mru[0].key == key && r->mru[0].slot == 0) {
        SyncVar *s = &r->syncs.items[r->mru[0].ix - 1];
        if (s->lazy && s->cover == (uint32_t)g->id + 1) {
            uint32_t sl = r->gs.items[g->id].slot; /* g covers s: it has a slot */
            RaceSlot *rs = &r->slots.items[sl];
            if (s->lazy == sl + 1)
                for (uint32_t i = 0; i < rs->vc.ns; i++)
                    if (rs->vc.st[i] == sl) { /* the tick (vc_set) in place */
                        s->lclk = rs->clk;
                        rs->vc.sx[i] = ++rs->clk;
                        return;
                    }
        }
    }
    release_key(r, g, key);
}

void race_timer_fire(RaceCtx *r, uint64_t h) {
    if (r->off) return;
    SyncVar *s = sync_var(r, RACE_KEY_TIMER(h), 0);
    if (s->lazy) sv_settle(r, s);
    vc_copy(&r->rt, &s->vc);
}

/* ---- channels ---- */

#define KEY_CHAN(c) (((uint64_t)4 << 60) | (uint64_t)(c)->h.seq)
#define SLOT_CLOSE UINT64_MAX

static ChanRace *chan_of(RaceCtx *r, const ChanObj *c) {
    int64_t ix = hget(&r->chan_ix, c->h.seq, 0);
    if (ix < 0) {
        ChanRace z = {0, 0};
        VEC_PUSH(r->chans, z);
        ix = r->chans.len - 1;
        race_hput(&r->chan_ix, c->h.seq, 0, (uint32_t)ix);
    }
    return &r->chans.items[ix];
}

/* through_slot: Go's racenotify: acquire the slot's clock, then release
 * into it. */
static void through_slot(RaceCtx *r, Goroutine *g, const ChanObj *c, uint64_t slot) {
    acquire2(r, g, KEY_CHAN(c), slot);
    release2(r, g, KEY_CHAN(c), slot);
}

void race_chan_send(RaceCtx *r, Goroutine *g, const ChanObj *c) {
    if (r->off) return;
    ChanRace *cr = chan_of(r, c);
    uint64_t slot = c->cap > 0 ? cr->nsend % (uint64_t)c->cap : 0;
    cr->nsend++;
    through_slot(r, g, c, slot);
}

void race_chan_recv(RaceCtx *r, Goroutine *g, const ChanObj *c) {
    if (r->off) return;
    ChanRace *cr = chan_of(r, c);
    uint64_t slot = c->cap > 0 ? cr->nrecv % (uint64_t)c->cap : 0;
    cr->nrecv++;
    through_slot(r, g, c, slot);
}

/* handoff_sparse: race_chan_handoff's four steps on [s] in one pass when
 * the three clocks are sparse only and their union fits VC_SPARSE: s
 * becomes the union U of the three, the receiver U ticked, the sender U
 * ticked (what release, acquire, release, acquire give). Returns 0 (and
 * changes nothing) otherwise. */
static int handoff_sparse(RaceCtx *r, SyncVar *s, Goroutine *sender, Goroutine *receiver) {
    uint32_t ss = rg_of(r, (uint32_t)sender->id)->slot;
    uint32_t rs = rg_of(r, (uint32_t)receiver->id)->slot;
    RaceSlot *S = &r->slots.items[ss], *R = &r->slots.items[rs];
    if (s->lazy || S->lazy_sv || R->lazy_sv || s->vc.n || S->vc.n || R->vc.n) return 0;
    /* the union starts as the receiver's entries; the others mostly have
     * the same threads in the same order (they were made by the last
     * hand-offs), so each entry is first tried at its own index */
    uint32_t ut[VC_SPARSE], ux[VC_SPARSE], k = R->vc.ns;
    memcpy(ut, R->vc.st, sizeof ut);
    memcpy(ux, R->vc.sx, sizeof ux);
    const VC *src[2] = {&s->vc, &S->vc};
    int same = s->vc.ns == k && S->vc.ns == k;
    for (uint32_t i = 0; same && i < k; i++) same = s->vc.st[i] == ut[i] && S->vc.st[i] == ut[i];
    if (same) /* the commonest: the same threads in the same order */
        for (uint32_t i = 0; i < VC_SPARSE; i++) {
            uint32_t x = s->vc.sx[i] > S->vc.sx[i] ? s->vc.sx[i] : S->vc.sx[i];
            ux[i] = x > ux[i] ? x : ux[i];
        }
    for (int v = 0; v < 2 && !same; v++)
        for (uint32_t i = 0; i < src[v]->ns; i++) {
            uint32_t t = src[v]->st[i], x = src[v]->sx[i], j = i;
            if (j >= k || ut[j] != t) {
                for (j = 0; j < k && ut[j] != t; j++) {}
                if (j == k) {
                    if (k == VC_SPARSE) return 0;
                    ut[k] = t;
                    ux[k++] = 0;
                }
            }
            if (x > ux[j]) ux[j] = x;
        }
    if (R->start > 1) { /* a reused slot: learn what (s join S) says of its predecessors */
        uint32_t xr = vc_get(&s->vc, rs), y = vc_get(&S->vc, rs);
        if (y > xr) xr = y;
        if (xr < R->start && xr > R->known_prev) R->known_prev = xr;
    }
    VC *dst[3] = {&s->vc, &S->vc, &R->vc};
    for (int v = 0; v < 3; v++) {
        dst[v]->ns = k;
        memcpy(dst[v]->st, ut, sizeof ut);
        memcpy(dst[v]->sx, ux, sizeof ux);
    }
    vc_set(&R->vc, rs, ++R->clk);
    vc_set(&S->vc, ss, ++S->clk);
    s->cover = (uint32_t)sender->id + 1;
    return 1;
}

/* handoff_same: handoff_sparse's commonest case (a ping-pong: the three
 * clocks list the same threads in the same order, no dense parts, no
 * reused slot) with the thread lists left as they are: only the values
 * change (the union, then each goroutine's tick). Returns 0 (and changes
 * nothing) otherwise. */
typedef uint32_t V4 __attribute__((vector_size(16))); /* four clock entries at once */

/* own_ix: where slot [sl]'s own entry is among the first [k] of [st]
 * ([X]'s oix hint first); k when it is not there. */
static inline uint32_t own_ix(RaceSlot *X, const uint32_t *st, uint32_t k, uint32_t sl) {
    uint32_t j = X->oix;
    if (j < k && st[j] == sl) return j;
    for (j = 0; j < k && st[j] != sl; j++) {}
    X->oix = j;
    return j;
}

static inline int handoff_same(RaceCtx *r, SyncVar *s, Goroutine *sender, Goroutine *receiver) {
    uint32_t sg = (uint32_t)sender->id, rg = (uint32_t)receiver->id;
    uint32_t ss = rg_of(r, sg)->slot, rs = rg_of(r, rg)->slot;
    RaceSlot *S = &r->slots.items[ss], *R = &r->slots.items[rs];
    uint32_t k = R->vc.ns;
    if (s->lazy | S->lazy_sv | R->lazy_sv | s->vc.n | S->vc.n | R->vc.n | (R->start - 1) | (s->vc.ns ^ k) |
        (S->vc.ns ^ k) | (ss == rs))
        return 0;
    /* the lists are compared whole (past ns too: what handoff_sparse
     * leaves), else entry by entry */
    V4 x, y, u, m;
    memcpy(&x, s->vc.st, sizeof x);
    memcpy(&y, S->vc.st, sizeof y);
    memcpy(&u, R->vc.st, sizeof u);
    x = (x ^ u) | (y ^ u);
    uint64_t q[2];
    memcpy(q, &x, sizeof q);
    if (q[0] | q[1])
        for (uint32_t i = 0; i < k; i++)
            if (s->vc.st[i] != R->vc.st[i] || S->vc.st[i] != R->vc.st[i]) return 0;
    uint32_t js = own_ix(S, R->vc.st, k, ss), jr = own_ix(R, R->vc.st, k, rs);
    if (js == k || jr == k) return 0; /* (own entries are always sparse here) */
    /* the union, four lanes at once */
    memcpy(&x, s->vc.sx, sizeof x);
    memcpy(&y, S->vc.sx, sizeof y);
    m = (V4)(x > y);
    u = (x & m) | (y & ~m);
    memcpy(&y, R->vc.sx, sizeof y);
    m = (V4)(u > y);
    u = (u & m) | (y & ~m);
    memcpy(s->vc.sx, &u, sizeof u);
    memcpy(S->vc.sx, &u, sizeof u);
    memcpy(R->vc.sx, &u, sizeof u);
    R->vc.sx[jr] = ++R->clk;
    S->vc.sx[js] = ++S->clk;
    s->cover = sg + 1;
    return 1;
}

static __attribute__((noinline)) void handoff_slow(RaceCtx *r, const ChanObj *c, Goroutine *sender,
                                                   Goroutine *receiver) {
    if (c->cap > 0) {
        race_chan_send(r, sender, c);
        race_chan_recv(r, receiver, c);
        return;
    }
    /* Go's racesync: the sender releases, the receiver acquires and
     * releases, the sender acquires: each happens before the other's
     * completion (acquire2 / release2 on one looked-up sync variable) */
    if (r->off) return;
    /* looked up past mru: a ping-pong's two channels would swap it each
     * time, and a mutex's fast path (race_acquire) wants it kept */
    SyncVar *s = sync_look(r, KEY_CHAN(c), 0);
    if (handoff_same(r, s, sender, receiver) || handoff_sparse(r, s, sender, receiver)) return;
    release_into(r, s, sender);
    acquire_from(r, s, receiver);
    release_into(r, s, receiver);
    acquire_from(r, s, sender);
}

/* race_chan_handoff: an unbuffered hand-off whose sync variable is in
 * scache and whose clocks handoff_same takes, in a small function; the
 * rest in handoff_slow. */
GORO_HOT void race_chan_handoff(RaceCtx *r, const ChanObj *c, Goroutine *sender, Goroutine *receiver) {
    uint64_t key = KEY_CHAN(c);
    uint32_t h = SCACHE_HASH(key, 0), ix = r->scache[h].ix;
    if (c->cap == 0 && !r->off && ix && r->scache[h].key == key && r->scache[h].slot == 0 &&
        handoff_same(r, &r->syncs.items[ix - 1], sender, receiver))
        return;
    handoff_slow(r, c, sender, receiver);
}

void race_chan_close(RaceCtx *r, Goroutine *g, const ChanObj *c) { release2(r, g, KEY_CHAN(c), SLOT_CLOSE); }

void race_chan_closed_recv(RaceCtx *r, Goroutine *g, const ChanObj *c) { acquire2(r, g, KEY_CHAN(c), SLOT_CLOSE); }
