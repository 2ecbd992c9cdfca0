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
 *   are given in order of first use, so they are deterministic.
 * - Hash tables and the direct-mapped caches (cells, sync variables, top
 *   frames; the latter keyed by code or name addresses) are looked up by
 *   key only, never iterated: what they return does not depend on a
 *   pointer's value.
 */
#include <stdlib.h>
#include <string.h>

#include "race.h"
#include "sched.h"

/* ---- vector clocks ---- */

/* VC: entry t is max(dense[t], the sparse entry for t). The dense part is
 * a buffer shared copy-on-write (VBuf.rc): a clock that acquires one that
 * already knows everything its dense part knows takes the same buffer, so
 * a thousand goroutines woken by one close (or made by one goroutine after
 * a join) share one dense vector instead of copying it each. The few
 * sparse entries hold what differs: a goroutine's own entry (so a parked
 * goroutine in slot k costs O(1), not O(k)) and its creator's. */
#define VC_SPARSE 4
#define VC_SHARE_MIN 64
/* VBuf: cap is a power of two >= 4 and the entries at and past the length
 * of the VCs holding it are 0 (buffers start zeroed, a VC's length never
 * shrinks on the same buffer, and writes stay below it). */
typedef struct VBuf {
    uint32_t rc, cap;
    uint32_t c[];
} VBuf;
typedef struct VC {
    VBuf *b;                    /* NULL: no dense part */
    uint32_t n;                 /* dense length (<= b->cap) */
    uint32_t ns;                /* sparse entries in use */
    uint32_t st[VC_SPARSE], sx[VC_SPARSE];
} VC;

static uint32_t vc_get(const VC *v, uint32_t t) {
    uint32_t d = t < v->n ? v->b->c[t] : 0;
    for (uint32_t i = 0; i < v->ns; i++)
        if (v->st[i] == t && v->sx[i] > d) d = v->sx[i];
    return d;
}

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

/* ---- a hash map from a pair of 64-bit keys to a 32-bit value ---- */

typedef struct HEnt {
    uint64_t a, b;
    uint32_t v; /* value + 1; 0 = empty */
} HEnt;
typedef struct HMap {
    HEnt *e;
    uint32_t cap, len;
} HMap;

static uint64_t mix(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL + (a << 6) + (a >> 2));
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

/* hget: the value of (a, b), or -1. */
static int64_t hget(const HMap *m, uint64_t a, uint64_t b) {
    if (!m->cap) return -1;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = (uint32_t)mix(a, b) & mask;; i = (i + 1) & mask) {
        const HEnt *e = &m->e[i];
        if (!e->v) return -1;
        if (e->a == a && e->b == b) return e->v - 1;
    }
}

static void hput(HMap *m, uint64_t a, uint64_t b, uint32_t v);

static void hgrow(HMap *m) {
    HMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->len = 0;
    m->e = mem_alloc(sizeof *m->e * m->cap);
    for (uint32_t i = 0; i < old.cap; i++)
        if (old.e[i].v) hput(m, old.e[i].a, old.e[i].b, old.e[i].v - 1);
    mem_free(old.e, sizeof *old.e * old.cap);
}

/* hput: set (a, b) to [v] (insert or replace). */
static void hput(HMap *m, uint64_t a, uint64_t b, uint32_t v) {
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

/* ---- state ---- */

enum { ACC_READ = 0, ACC_WRITE = 1, ACC_ATOMIC = 2 };

typedef struct Access {
    uint32_t tid, clk;   /* slot and its clock */
    uint32_t gid;        /* the goroutine (reports) */
    uint32_t stack;  /* interned stack id */
    uint32_t ev;     /* trace event index + 1 (0: none) */
    uint8_t flags;   /* ACC_* */
} Access;

/* Cell: one shadow word. */
typedef struct Cell {
    Access w;             /* last write; w.tid == 0: none */
    VEC(Access) reads;    /* see Invariants */
    uint64_t addr;        /* fake address for reports */
    TraceObj var;         /* the trace's VAR object, 0 until made */
    uint32_t name;        /* trace string id of its name (0 none yet) */
    int32_t first_tid;    /* the first goroutine that touched it; -1 once shared */
    uint32_t writer;      /* the first goroutine that wrote it */
    uint8_t hot;          /* written by two goroutines: every access is traced */
} Cell;

/* StackCache: the interned stack of a goroutine's frames below the top
 * one (its "base") and the frames it was made from, compared by proto and
 * saved pc: those frames do not move while the top one runs, so most
 * accesses find their base here and their top frame in RaceCtx.tcache. */
#define RACE_STACK_CACHE 8
typedef struct StackCache {
    int n;                 /* frames; 0 = empty */
    const Proto *p[RACE_STACK_CACHE];
    const Instr *pc[RACE_STACK_CACHE];
    uint32_t base;
} StackCache;

/* TopCache: a direct-mapped cache of (base stack id, top frame's pc or a
 * runtime frame's name) -> stack id; looked up by key, never iterated.
 * key NULL = empty. */
#define RACE_TOP_CACHE 1024
typedef struct TopCache {
    const void *key;
    uint32_t base, id;
} TopCache;

/* RaceSlot: a vector-clock thread: the live goroutine in it. */
typedef struct RaceSlot {
    VC vc;
    StackCache sc;
    uint32_t clk;        /* its occupant's own entry in vc (vc_get(&vc, slot)) */
    uint32_t last;       /* the clock its previous occupants reached */
    uint32_t start;      /* its occupant's first clock (last + 1 at reuse) */
    uint32_t known_prev; /* what the occupant knows of the previous ones: the
                            largest clock below start it acquired for the slot */
    uint32_t lazy_sv;    /* the sync variable released lazily from this clock
                            (syncs index + 1; 0: none), see SyncVar.lazy */
} RaceSlot;

/* RaceG: per goroutine (by Go id). */
typedef struct RaceG {
    uint32_t slot;
    uint32_t create_stack; /* stack id of its go statement (0: none) */
    uint8_t used, finished;
} RaceG;

typedef struct StackNode {
    uint32_t parent;
    const Proto *p;
    int line;
    const char *rt_fn; /* a Go runtime frame (p NULL): its name; file in rt_file */
    const char *rt_file;
} StackNode;

/* SyncVar: a sync object's clock; [cover] the goroutine (id + 1, 0: none)
 * whose clock is known to hold all of it: the last to acquire it, kept by
 * its own releases since (nobody else's), so its next acquire joins
 * nothing new and is skipped. */
typedef struct SyncVar {
    VC vc;
    uint32_t cover;
    /* lazy: a release by its cover (the common case of a mutex locked and
     * unlocked by one goroutine in a row) copies nothing: the variable's
     * clock is the cover's slot (lazy - 1) clock with its own entry at
     * lclk, copied into vc (sv_settle) before anything reads vc or before
     * that slot's clock changes other than by its own ticks. A slot has
     * at most one such variable (RaceSlot.lazy_sv). */
    uint32_t lazy, lclk;
} SyncVar;

typedef struct ChanRace {
    uint64_t nsend, nrecv; /* sends / receives through the buffer so far */
} ChanRace;

struct RaceCtx {
    Vm *vm;
    FILE *err;
    Trace *trace;
    int detect;
    int nraces;
    VEC(RaceG) gs;          /* by goroutine id */
    VEC(RaceSlot) slots;    /* slot 0 unused (the runtime's clock is rt) */
    VEC(uint32_t) free_slots;
    VC rt;                  /* the runtime pseudo-thread's clock */
    VEC(SyncVar) syncs;     /* sync variables */
    HMap sync_ix;           /* (key, slot) -> syncs index */
    VEC(Cell) cells;
    HMap cell_ix;           /* (object seq + 1 | 0 for globals, slot) -> cells index */
    HMap obj_base;          /* (seq, 0) -> fake base address index */
    VEC(uint64_t) bases;
    uint64_t next_heap;     /* next fake heap address */
    VEC(ChanRace) chans;
    HMap chan_ix;           /* (seq, 0) -> chans index */
    VEC(StackNode) stacks;  /* id 0 = the empty stack */
    HMap stack_ix;
    HMap seen_addr;         /* reported addresses */
    HMap seen_pair;         /* reported stack pairs */
    int64_t mem_events;     /* memory events emitted (a cap keeps traces sane) */
    int mem_live;           /* a trace still taking memory events (below the cap) */
    const char *forced_fn;  /* race_chan_op: the runtime frame atop the access in progress */
    const char *forced_file;
    int forced_line;
    struct { uint64_t a, slot; uint32_t ix; } ccache[256]; /* cell_of's direct-mapped cache (ix + 1) */
    struct { uint64_t key, slot; uint32_t ix; } scache[64]; /* sync_var's (ix + 1) */
    TopCache tcache[RACE_TOP_CACHE];
    struct { uint64_t key, slot; uint32_t ix; } mru[2]; /* sync_var's last two variables,
                                   latest first (index + 1 in ix; 0: none): ping-pong's two channels */
    int no_trace;           /* race_chan_op: not a memory event */
    int live;               /* goroutines holding a slot */
    int off;                /* tracking stopped (trace only: RACE_MAX_LIVE, RACE_MAX_MEM_EVENTS);
                               2: stopped, the clocks still to free (stop_capped) */
};

/* RACE_MAX_LIVE: live goroutines past which a trace-only detector stops
 * (Go's tsan v2 limit, 8128): vector clocks of a program that synchronises
 * many goroutines grow with their number, and the trace must stay usable.
 * `run --race` has no limit, like Go 1.19's tsan v3 on linux/amd64. */
#define RACE_MAX_LIVE 8128

/* RACE_MAX_MEM_EVENTS: memory events a trace records at most; past it
 * accesses are still checked for `run --race` but no longer traced, and a
 * trace-only detector stops (stop_capped). */
#define RACE_MAX_MEM_EVENTS 200000

RaceCtx *race_new(Vm *vm, FILE *err, Trace *trace, int detect) {
    RaceCtx *r = mem_alloc(sizeof *r);
    r->vm = vm;
    r->err = err;
    r->trace = trace;
    r->mem_live = trace != NULL;
    r->detect = detect;
    r->next_heap = 0xc000010000ULL;
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

/* ---- goroutines ---- */

static RaceG *rg_new(RaceCtx *r, uint32_t tid);
static inline RaceG *rg_of(RaceCtx *r, uint32_t tid) {
    if ((int)tid < r->gs.len && r->gs.items[tid].used) return &r->gs.items[tid];
    return rg_new(r, tid);
}

static RaceG *rg_new(RaceCtx *r, uint32_t tid) {
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

static int frame_line(const Frame *f, const Instr *pc) {
    const Proto *p = f->p;
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
    hput(&r->stack_ix, a, (uint64_t)(uintptr_t)p, (uint32_t)(r->stacks.len - 1));
    return (uint32_t)(r->stacks.len - 1);
}

/* tentry: [base] plus the top frame named by [key] (its pc, or a runtime
 * frame's name) in tcache: a hit when t->key == key && t->base == base,
 * else the entry to fill. */
static inline TopCache *tentry(RaceCtx *r, uint32_t base, const void *key) {
    uintptr_t k = (uintptr_t)key;
    return &r->tcache[(uint32_t)((k >> 2) ^ (k >> 12) ^ (base * 0x9e3779b1u)) & (RACE_TOP_CACHE - 1)];
}

static uint32_t tfill(TopCache *t, uint32_t base, const void *key, uint32_t id) {
    t->key = key;
    t->base = base;
    t->id = id;
    return id;
}

/* stack_of: the interned stack of [g] in slot [sl]; its top frame stands
 * at [top_pc] (the instruction after the one executing; NULL: the saved
 * pc). Frames without a line (runtime wrappers) are left out. The cached
 * case is inline; stack_miss does the rest. */
static uint32_t stack_walk(RaceCtx *r, Goroutine *g, int nf, const Instr *top_pc);
static uint32_t stack_miss(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc);
static inline uint32_t stack_of(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc) {
    int n = g->nframes;
    const StackCache *sc = &r->slots.items[sl].sc;
    if (sc->n != n || n < 1) return stack_miss(r, g, sl, top_pc);
    for (int k = 0; k < n - 1; k++)
        if (sc->p[k] != g->frames[k].p || sc->pc[k] != g->frames[k].pc) return stack_miss(r, g, sl, top_pc);
    const Instr *pc = top_pc ? top_pc : g->frames[n - 1].pc;
    const TopCache *t = tentry(r, sc->base, pc);
    if (t->key == pc && t->base == sc->base && pc) return t->id;
    return stack_miss(r, g, sl, top_pc);
}

static uint32_t stack_miss(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc) {
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
    const Instr *pc = top_pc ? top_pc : top->pc;
    uint32_t base = sc->base;
    if (!pc) return base;
    TopCache *t = tentry(r, base, pc);
    if (t->key == pc && t->base == base) return t->id;
    int line = frame_line(top, pc);
    return tfill(t, base, pc, line > 0 ? intern_frame(r, base, top->p, line) : base);
}

/* stack_walk: the interned stack of [g]'s bottom [nf] frames (the top one
 * at [top_pc] when nf is all of them). */
static uint32_t stack_walk(RaceCtx *r, Goroutine *g, int nf, const Instr *top_pc) {
    uint32_t id = 0;
    for (int i = 0; i < nf; i++) {
        const Frame *f = &g->frames[i];
        const Instr *pc = (i == g->nframes - 1 && top_pc) ? top_pc : f->pc;
        int line = frame_line(f, pc);
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
}

/* stop_capped: the trace took its last memory event in a trace-only run
 * (trace_mem set off to 2): a RACE mark needs both accesses in the trace
 * (trace_race), so from there on the detector could mark nothing; every
 * hook has been a no-op since, and the next shared access frees the clocks
 * and turns the memory hook off. */
static void stop_capped(RaceCtx *r) {
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

static SyncVar *sync_look(RaceCtx *r, uint64_t key, uint64_t slot) {
    uint32_t h = (uint32_t)((key ^ (key >> 32)) * 0x9e3779b1u + slot) & 63;
    if (r->scache[h].ix && r->scache[h].key == key && r->scache[h].slot == slot) return &r->syncs.items[r->scache[h].ix - 1];
    int64_t ix = hget(&r->sync_ix, key, slot);
    r->scache[h].key = key;
    r->scache[h].slot = slot;
    if (ix < 0) {
        SyncVar z = {{0}, 0, 0, 0};
        VEC_PUSH(r->syncs, z);
        ix = r->syncs.len - 1;
        hput(&r->sync_ix, key, slot, (uint32_t)ix);
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

void race_timer_fire(RaceCtx *r, int h) {
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
        hput(&r->chan_ix, c->h.seq, 0, (uint32_t)ix);
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

void race_chan_handoff(RaceCtx *r, const ChanObj *c, Goroutine *sender, Goroutine *receiver) {
    if (c->cap > 0) {
        race_chan_send(r, sender, c);
        race_chan_recv(r, receiver, c);
        return;
    }
    /* Go's racesync: the sender releases, the receiver acquires and
     * releases, the sender acquires: each happens before the other's
     * completion (acquire2 / release2 on one looked-up sync variable) */
    if (r->off) return;
    SyncVar *s = sync_var(r, KEY_CHAN(c), 0);
    if (handoff_sparse(r, s, sender, receiver)) return;
    release_into(r, s, sender);
    acquire_from(r, s, receiver);
    release_into(r, s, receiver);
    acquire_from(r, s, sender);
}

void race_chan_close(RaceCtx *r, Goroutine *g, const ChanObj *c) { release2(r, g, KEY_CHAN(c), SLOT_CLOSE); }

void race_chan_closed_recv(RaceCtx *r, Goroutine *g, const ChanObj *c) { acquire2(r, g, KEY_CHAN(c), SLOT_CLOSE); }

/* ---- reports ---- */

static void print_stack(RaceCtx *r, uint32_t id) {
    for (; id; id = r->stacks.items[id].parent) {
        const StackNode *n = &r->stacks.items[id];
        if (n->rt_fn) fprintf(r->err, "  %s()\n      %s:%d\n", n->rt_fn, n->rt_file, n->line);
        else fprintf(r->err, "  %s()\n      %s:%d\n", n->p->name ? n->p->name : "?", r->vm->filename, n->line);
    }
}

static const char *kind_word(int flags, int cap) {
    static const char *const w[2][4] = {{"read", "write", "atomic read", "atomic write"},
                                        {"Read", "Write", "Atomic read", "Atomic write"}};
    return w[cap][flags & 3];
}

static void who(RaceCtx *r, uint32_t tid, char *buf, size_t n) {
    if (tid == 1) snprintf(buf, n, "main goroutine");
    else snprintf(buf, n, "goroutine %u", tid);
}

static void created_at(RaceCtx *r, uint32_t tid) {
    if (tid <= 1) return;
    RaceG *rg = &r->gs.items[tid];
    fprintf(r->err, "\nGoroutine %u (%s) created at:\n", tid, rg->finished ? "finished" : "running");
    print_stack(r, rg->create_stack);
}

/* report: print a race between the current access [cur] at [addr] and the
 * earlier [prev], unless suppressed. Returns whether it was reported. */
static int report(RaceCtx *r, const Access *cur, const Access *prev, uint64_t addr) {
    if (hget(&r->seen_addr, addr, 0) >= 0) return 0;
    uint32_t lo = cur->stack < prev->stack ? cur->stack : prev->stack;
    uint32_t hi = cur->stack < prev->stack ? prev->stack : cur->stack;
    if (hget(&r->seen_pair, lo, hi) >= 0) return 0;
    hput(&r->seen_addr, addr, 0, 1);
    hput(&r->seen_pair, lo, hi, 1);
    r->nraces++;
    if (!r->detect) return 1;
    fflush(r->vm->out);
    char w1[48], w2[48];
    who(r, cur->gid, w1, sizeof w1);
    who(r, prev->gid, w2, sizeof w2);
    fprintf(r->err, "==================\nWARNING: DATA RACE\n%s at 0x%012llx by %s:\n", kind_word(cur->flags, 1),
            (unsigned long long)addr, w1);
    print_stack(r, cur->stack);
    fprintf(r->err, "\nPrevious %s at 0x%012llx by %s:\n", kind_word(prev->flags, 0), (unsigned long long)addr, w2);
    print_stack(r, prev->stack);
    created_at(r, cur->gid);
    created_at(r, prev->gid);
    fprintf(r->err, "==================\n");
    fflush(r->err);
    return 1;
}

/* ---- shadow memory ---- */

/* cell_of: the shadow cell of word [slot] of the object numbered [seq]
 * ([obj] NULL: global [slot]); [n] the object's size in words. */
static Cell *cell_find(RaceCtx *r, const GcObj *obj, uint64_t a, uint64_t slot, int64_t n, uint32_t h);
static inline Cell *cell_of(RaceCtx *r, const GcObj *obj, uint64_t slot, int64_t n) {
    uint64_t a = obj ? (uint64_t)obj->seq + 1 : 0;
    uint32_t h = (uint32_t)((a * 0x9e3779b1u + slot) ^ (a >> 7)) & 255;
    if (r->ccache[h].ix && r->ccache[h].a == a && r->ccache[h].slot == slot) return &r->cells.items[r->ccache[h].ix - 1];
    return cell_find(r, obj, a, slot, n, h);
}

/* cell_find: cell_of past its cache ([a] the object key, [h] its entry). */
static Cell *cell_find(RaceCtx *r, const GcObj *obj, uint64_t a, uint64_t slot, int64_t n, uint32_t h) {
    int64_t ix = hget(&r->cell_ix, a, slot);
    if (ix >= 0) {
        r->ccache[h].a = a;
        r->ccache[h].slot = slot;
        r->ccache[h].ix = (uint32_t)ix + 1;
        return &r->cells.items[ix];
    }
    Cell c;
    memset(&c, 0, sizeof c);
    c.first_tid = 0;
    if (!obj) c.addr = 0x5d0000ULL + slot * 8; /* globals: Go's data segment shape */
    else {
        int64_t bi = hget(&r->obj_base, a, 0);
        if (bi < 0) {
            VEC_PUSH(r->bases, r->next_heap);
            bi = r->bases.len - 1;
            hput(&r->obj_base, a, 0, (uint32_t)bi);
            uint64_t size = (uint64_t)(n > 0 ? n : 1) * 8;
            r->next_heap += (size + 15) & ~(uint64_t)15;
        }
        c.addr = r->bases.items[bi] + 8 * slot + 8 * (n > 1 && slot == 0 ? 0 : 0);
    }
    VEC_PUSH(r->cells, c);
    hput(&r->cell_ix, a, slot, (uint32_t)(r->cells.len - 1));
    return &r->cells.items[r->cells.len - 1];
}

/* hb: whether access [a] happens before the current access of the
 * goroutine in slot [sl] with clock [now]. */
static int hb(RaceCtx *r, const Access *a, const VC *now, uint32_t sl) {
    if (a->tid == sl) {
        const RaceSlot *s = &r->slots.items[sl];
        return a->clk >= s->start || a->clk <= s->known_prev; /* its own, or a predecessor's */
    }
    return a->clk <= vc_get(now, a->tid);
}

/* Memory events (trace.h READ / WRITE / RACE). */
struct MemInfo {
    Goroutine *g;
    const Proto *p;
    const Instr *ipc;
    Value val;
    int has_val;
    int64_t idx; /* element index for names (-1: none) */
};

static void var_name(RaceCtx *r, Cell *c, const struct MemInfo *mi, char *buf, size_t n);
static uint32_t value_text(RaceCtx *r, const struct MemInfo *mi);

/* trace_mem: the READ / WRITE event of an access, if the trace shows it
 * ([concurrent]: the last write by another goroutine does not happen
 * before it). Returns its index + 1, 0 when not traced. What a teacher
 * wants to see is contended data, not every load: a word is shown once a
 * second goroutine touches it, and then its writes, its reads that are
 * concurrent with the last write, and everything once two goroutines
 * have written it; atomics always. References (pointer, struct and func
 * values) are addresses more than data: not shown. */
static uint32_t trace_mem(RaceCtx *r, Cell *c, const struct MemInfo *mi, int write, int atomic, uint32_t tid,
                          int concurrent) {
    if (!r->mem_live || r->no_trace || !mi->g || !mi->g->sched) return 0;
    if (c->first_tid == 0) c->first_tid = (int32_t)tid;
    if (c->first_tid > 0 && c->first_tid != (int32_t)tid) c->first_tid = -1;
    if (write) {
        if (!c->writer) c->writer = tid;
        else if (c->writer != tid) c->hot = 1;
    }
    if (!atomic) {
        if (c->first_tid != -1) return 0;
        if (!write && !concurrent && !c->hot) return 0;
        if (mi->has_val && mi->val.r && mi->val.r->kind != GC_STRING) return 0;
    }
    Sched *s = r->vm->sched;
    TraceObj gobj = sched_g(mi->g)->tobj;
    Pos pos = {0};
    pos.line = sched_line(mi->g);
    if (mi->ipc) {
        long k = mi->ipc - mi->p->code;
        if (mi->p->lines && k >= 0 && k < mi->p->ncode) pos.line = mi->p->lines[k];
    }
    if (!c->var) {
        char nb[96];
        var_name(r, c, mi, nb, sizeof nb);
        c->var = trace_new_object(r->trace, s->steps, gobj, TRACE_OBJ_VAR, nb, pos);
    }
    if (++r->mem_events >= RACE_MAX_MEM_EVENTS) { /* the last one */
        r->mem_live = 0;
        if (!r->detect) r->off = 2; /* stop_capped, after this access */
    }
    uint32_t ix = trace_emit(r->trace, &(TraceEvent){.kind = write ? TRACE_EV_WRITE : TRACE_EV_READ,
                                                    .aux = atomic ? TRACE_MEM_ATOMIC : 0, .g = gobj, .obj = c->var,
                                                    .pos = pos, .step = s->steps, .value = value_text(r, mi)});
    return ix + 1;
}

static void trace_race(RaceCtx *r, Cell *c, const struct MemInfo *mi, const Access *cur, const Access *prev) {
    /* both accesses must be in the trace: arg points at the earlier one */
    if (!r->trace || !cur->ev || !prev->ev || !c->var) return;
    Sched *s = r->vm->sched;
    char nb[96], text[200];
    trace_obj_name(r->trace, c->var, nb, sizeof nb);
    snprintf(text, sizeof text, "%s of %s by g%u races with %s by g%u", kind_word(cur->flags, 0), nb, cur->gid,
             kind_word(prev->flags, 0), prev->gid);
    Pos pos = {0};
    pos.line = sched_line(mi->g);
    trace_emit(r->trace, &(TraceEvent){.kind = TRACE_EV_RACE, .g = sched_g(mi->g)->tobj, .obj = c->var, .pos = pos,
                                       .step = s->steps, .arg = (int64_t)prev->ev - 1,
                                       .value = trace_intern_cstr(r->trace, text)});
}

/* rt_stack: [g]'s stack (slot [sl]) topped by the Go runtime frame [fn]
 * at [line] of [file]. */
static uint32_t rt_stack(RaceCtx *r, Goroutine *g, uint32_t sl, const char *fn, int line, const char *file) {
    uint32_t base = stack_of(r, g, sl, NULL);
    TopCache *t = tentry(r, base, fn);
    if (t->key == fn && t->base == base) return t->id;
    /* keyed by the static name's address: looked up, never ordered */
    uint64_t a = ((uint64_t)base << 32) | (uint32_t)line;
    int64_t ix = hget(&r->stack_ix, a, (uint64_t)(uintptr_t)fn);
    if (ix < 0) {
        StackNode n = {base, NULL, line, fn, file};
        VEC_PUSH(r->stacks, n);
        ix = r->stacks.len - 1;
        hput(&r->stack_ix, a, (uint64_t)(uintptr_t)fn, (uint32_t)ix);
    }
    return tfill(t, base, fn, (uint32_t)ix);
}

/* access: the check and update of one access to [c]; own_epoch is the
 * commonest case without a trace (nothing to do: the goroutine wrote the
 * word in this epoch and nobody has read it since), access_slow the rest. */
static void access_slow(RaceCtx *r, Cell *c, const struct MemInfo *mi, int write, int atomic);
static inline int own_epoch(RaceCtx *r, const Cell *c, const Goroutine *g, int write, int atomic) {
    uint32_t gid = (uint32_t)g->id;
    if (r->mem_live || c->w.gid != gid || (c->reads.len && write) || (int)gid >= r->gs.len || !r->gs.items[gid].used)
        return 0;
    uint32_t tid = r->gs.items[gid].slot;
    return c->w.tid == tid && c->w.clk == r->slots.items[tid].clk && ((c->w.flags >> 1) & 1) == (atomic != 0);
}

/* exclusive: without a trace, a plain access by the goroutine that made
 * every access [c] remembers (its last write and any read since): no race
 * is possible and the update is the slow path's (record the access in
 * place of the ones it supersedes). Returns 1 when done. */
static inline int exclusive(RaceCtx *r, Cell *c, Goroutine *g, int write, const Instr *ipc) {
    uint32_t gid = (uint32_t)g->id;
    if (r->mem_live || c->w.gid != gid || (c->w.flags & ACC_ATOMIC) || c->reads.len > 1 ||
        (c->reads.len == 1 && c->reads.items[0].gid != gid))
        return 0;
    /* c->w.gid == gid: g's own slot (ids are not reused), so g is live */
    uint32_t tid = c->w.tid, clk = r->slots.items[tid].clk;
    if (c->w.clk == clk && (c->reads.len == 0 || !write)) return 1; /* same epoch */
    if (!write && c->reads.len == 1 && c->reads.items[0].clk == clk && c->reads.items[0].flags == ACC_READ)
        return 1;
    Access cur = {tid, clk, gid, stack_of(r, g, tid, ipc + 1), 0, (uint8_t)(write ? ACC_WRITE : ACC_READ)};
    c->reads.len = 0;
    if (write) c->w = cur;
    else VEC_PUSH(c->reads, cur);
    return 1;
}

/* read_fast: a plain read by [g] of [c] that the trace would not show
 * (the caller checks: no trace, or [c] shared and not hot, or a channel
 * check) and that cannot race (the last write happens before it): the
 * slow path's update without its trace and report machinery. Returns 0:
 * take the slow path (nothing changed); 1: done, nothing new; 2: *[out]
 * is the read set's new entry, to fill with the stack (all else set). */
static inline int read_fast(RaceCtx *r, Cell *c, Goroutine *g, Access **out) {
    uint32_t gid = (uint32_t)g->id;
    if ((int)gid >= r->gs.len || !r->gs.items[gid].used) return 0;
    uint32_t tid = r->gs.items[gid].slot;
    const RaceSlot *rs = &r->slots.items[tid];
    uint32_t clk = rs->clk;
    if (c->w.tid && c->w.gid != gid && !hb(r, &c->w, &rs->vc, tid)) return 0;
    if (c->w.tid == tid && c->w.clk == clk && !(c->w.flags & ACC_ATOMIC)) return 1; /* own epoch */
    int n = c->reads.len, k = 0;
    Access *it = c->reads.items;
    for (int i = 0; i < n; i++)
        if (it[i].tid == tid && it[i].clk == clk && it[i].flags == ACC_READ) return 1; /* read in this epoch */
    for (int i = 0; i < n; i++) {
        if (it[i].gid == gid || hb(r, &it[i], &rs->vc, tid)) continue; /* dominated by this read */
        if (k != i) it[k] = it[i];
        k++;
    }
    c->reads.len = k;
    Access cur = {tid, clk, gid, 0, 0, ACC_READ};
    VEC_PUSH(c->reads, cur);
    *out = &c->reads.items[k];
    return 2;
}

static inline void access(RaceCtx *r, Cell *c, const struct MemInfo *mi, int write, int atomic) {
    if (!own_epoch(r, c, mi->g, write, atomic)) access_slow(r, c, mi, write, atomic);
}

static void access_slow(RaceCtx *r, Cell *c, const struct MemInfo *mi, int write, int atomic) {
    Goroutine *g = mi->g;
    uint32_t gid = (uint32_t)g->id;
    uint32_t tid = rg_of(r, gid)->slot;
    VC *now = &r->slots.items[tid].vc;
    uint32_t clk = r->slots.items[tid].clk;
    uint8_t flags = (uint8_t)((write ? ACC_WRITE : ACC_READ) | (atomic ? ACC_ATOMIC : 0));
    /* same epoch, same kind: nothing new to learn (FastTrack); a read in
     * the epoch of the goroutine's own last write adds nothing either: a
     * later conflicting write conflicts with that write */
    int own = c->w.tid == tid && c->w.clk == clk && ((c->w.flags ^ flags) & ACC_ATOMIC) == 0 &&
              (c->reads.len == 0 || !write);
    if (own && !r->mem_live) return;
    /* wok: the last write is this goroutine's or happens before */
    int wok = c->w.tid == 0 || c->w.gid == gid || hb(r, &c->w, now, tid);
    uint32_t ev = r->mem_live ? trace_mem(r, c, mi, write, atomic, gid, !wok) : 0;
    if (!ev) {
        if (own) return;
        if (!write && wok)
            for (int i = 0; i < c->reads.len; i++)
                if (c->reads.items[i].tid == tid && c->reads.items[i].clk == clk && c->reads.items[i].flags == flags)
                    return;
    }
    Access cur = {tid, clk, gid, 0, ev, flags};
    cur.stack = r->forced_fn ? rt_stack(r, g, tid, r->forced_fn, r->forced_line, r->forced_file)
                             : stack_of(r, g, tid, mi->ipc ? mi->ipc + 1 : NULL);
    const Access *conflict = NULL;
    if (!wok && !(atomic && (c->w.flags & ACC_ATOMIC))) conflict = &c->w;
    if (!conflict && write)
        for (int i = 0; i < c->reads.len; i++) {
            const Access *a = &c->reads.items[i];
            if (a->gid != gid && !(atomic && (a->flags & ACC_ATOMIC)) && !hb(r, a, now, tid)) {
                conflict = a;
                break;
            }
        }
    if (conflict) {
        Access prev = *conflict;
        if (report(r, &cur, &prev, c->addr)) trace_race(r, c, mi, &cur, &prev);
        else if (r->trace && ev) trace_race(r, c, mi, &cur, &prev);
    }
    if (write) {
        c->w = cur;
        c->reads.len = 0;
    } else {
        int k = 0;
        for (int i = 0; i < c->reads.len; i++) {
            Access *a = &c->reads.items[i];
            if (a->gid == gid || hb(r, a, now, tid)) continue; /* dominated by this read */
            c->reads.items[k++] = *a;
        }
        c->reads.len = k;
        VEC_PUSH(c->reads, cur);
    }
}

/* Go 1.19's runtime frames for the channel checks (chan.go lines). */
static const char RT_CHAN_FILE[] = "/usr/lib/go-1.19/src/runtime/chan.go";
static const char RT_CHANSEND[] = "runtime.chansend";
static const char RT_CLOSECHAN[] = "runtime.closechan";

void race_chan_op(RaceCtx *r, Goroutine *g, const ChanObj *c, int is_close) {
    if (r->off || !g || !g->sched || !c) return;
    Cell *cell = cell_of(r, &c->h, 0, 1);
    Access *a;
    int k = is_close ? 0 : read_fast(r, cell, g, &a); /* never traced: always quiet */
    if (k == 2) a->stack = rt_stack(r, g, a->tid, RT_CHANSEND, 160, RT_CHAN_FILE);
    if (k) return;
    struct MemInfo mi = {g, NULL, NULL, {{0}, NULL}, 0, -1};
    r->forced_fn = is_close ? RT_CLOSECHAN : RT_CHANSEND;
    r->forced_line = is_close ? 357 : 160;
    r->forced_file = RT_CHAN_FILE;
    r->no_trace = 1;
    access(r, cell, &mi, is_close, 0);
    r->forced_fn = NULL;
    r->no_trace = 0;
}

/* ---- the VM hook ---- */

/* vm_access: race_vm_access for every instruction; [tried]: the fast
 * paths (exclusive, read_fast) already said no. */
static __attribute__((noinline)) void vm_access(Vm *vm, RaceCtx *r, Goroutine *g, const Instr *ipc, Value *R,
                                                int tried);

/* fast_access: the fast paths of a plain access by [g] to [c] (at [ipc],
 * a store when [st]); returns whether they did it. */
static inline __attribute__((always_inline)) int fast_access(RaceCtx *r, Cell *c, Goroutine *g, int st,
                                                            const Instr *ipc) {
    if (exclusive(r, c, g, st, ipc)) return 1;
    if (st || (r->mem_live && (c->first_tid != -1 || c->hot))) return 0;
    Access *a;
    int k = read_fast(r, c, g, &a);
    if (k == 2) a->stack = stack_of(r, g, a->tid, ipc + 1);
    return k != 0;
}

/* race_vm_access: the commonest words (captured variables, struct
 * fields, globals) in a small function the compiler keeps cheap; the
 * rest, and what the fast paths leave, in vm_access. */
void race_vm_access(Vm *vm, Goroutine *g, const Instr *ipc, Value *R) {
    RaceCtx *r = vm->sched ? vm->sched->race : NULL;
    if (!r || r->off || !g->sched) {
        if (r && r->off == 2) stop_capped(r);
        return;
    }
    Instr i = *ipc;
    int op = VM_OP(i), st;
    if (op == OP_LOADC || op == OP_STOREC) {
        st = op == OP_STOREC;
        const AggObj *o = (const AggObj *)R[st ? VM_A(i) : VM_B(i)].r;
        if (!o) return;
        if (fast_access(r, cell_of(r, &o->h, 0, 1), g, st, ipc)) return;
    } else if (op == OP_GETF || op == OP_SETF) {
        st = op == OP_SETF;
        const AggObj *o = (const AggObj *)R[st ? VM_A(i) : VM_B(i)].r;
        if (!o) return;
        uint64_t slot = (uint64_t)(st ? VM_B(i) : VM_C(i));
        if (fast_access(r, cell_of(r, &o->h, slot, o->n), g, st, ipc)) return;
    } else if (op == OP_GETG || op == OP_SETG) {
        st = op == OP_SETG;
        if (fast_access(r, cell_of(r, NULL, (uint64_t)VM_BX(i), 1), g, st, ipc)) return;
    } else {
        vm_access(vm, r, g, ipc, R, 0);
        return;
    }
    vm_access(vm, r, g, ipc, R, 1);
}

static void vm_access(Vm *vm, RaceCtx *r, Goroutine *g, const Instr *ipc, Value *R, int tried) {
    Instr i = *ipc;
    const Value *val; /* the value loaded or stored (NULL: none for the trace) */
    int64_t idx = -1; /* element index for the trace's names */
    const GcObj *obj = NULL;
    uint64_t slot = 0;
    int64_t n = 1;
    int write = 0;
    switch (VM_OP(i)) {
    case OP_GETG: slot = (uint64_t)VM_BX(i); val = &vm->globals[slot]; break;
    case OP_SETG: slot = (uint64_t)VM_BX(i); val = &R[VM_A(i)]; write = 1; break;
    case OP_LOADC:
    case OP_STOREC: {
        int st = VM_OP(i) == OP_STOREC;
        AggObj *o = (AggObj *)R[st ? VM_A(i) : VM_B(i)].r;
        if (!o) return;
        obj = &o->h;
        val = st ? &R[VM_B(i)] : &o->v[0];
        write = st;
        break;
    }
    case OP_GETF:
    case OP_SETF: {
        int st = VM_OP(i) == OP_SETF;
        AggObj *o = (AggObj *)R[st ? VM_A(i) : VM_B(i)].r;
        if (!o) return;
        obj = &o->h;
        n = o->n;
        slot = (uint64_t)(st ? VM_B(i) : VM_C(i));
        val = st ? &R[VM_C(i)] : &o->v[slot];
        write = st;
        break;
    }
    case OP_GETE:
    case OP_SETE: {
        int st = VM_OP(i) == OP_SETE;
        AggObj *o = (AggObj *)R[st ? VM_A(i) : VM_B(i)].r;
        int64_t x = R[st ? VM_B(i) : VM_C(i)].i;
        if (!o || (uint64_t)x >= (uint64_t)o->n) return;
        obj = &o->h;
        n = o->n;
        slot = (uint64_t)x;
        idx = x;
        val = st ? &R[VM_C(i)] : &o->v[x];
        write = st;
        break;
    }
    case OP_SGET:
    case OP_SSET: {
        int st = VM_OP(i) == OP_SSET;
        SliceObj *s = (SliceObj *)R[st ? VM_A(i) : VM_B(i)].r;
        int64_t x = R[st ? VM_B(i) : VM_C(i)].i;
        if (!s || (uint64_t)x >= (uint64_t)s->len) return;
        obj = &s->arr->h;
        n = s->arr->n;
        slot = (uint64_t)(s->off + x);
        idx = x;
        val = st ? &R[VM_C(i)] : &s->arr->v[slot];
        write = st;
        break;
    }
    case OP_LOAD:
    case OP_STORE: {
        int st = VM_OP(i) == OP_STORE;
        Value p = R[st ? VM_A(i) : VM_B(i)];
        AggObj *o = (AggObj *)p.r;
        if (!o) return;
        obj = &o->h;
        n = o->n;
        slot = (uint64_t)p.i;
        val = st ? &R[VM_B(i)] : &o->v[slot];
        write = st;
        break;
    }
    case OP_MGET:
    case OP_MGET2:
    case OP_MNEXT:
    case OP_MSET:
    case OP_MDEL: {
        /* Go checks map operations as a read / write of the map itself. */
        Value m;
        if (VM_OP(i) == OP_MNEXT) {
            AggObj *it = (AggObj *)R[VM_B(i)].r;
            m = it ? it->v[0] : (Value){{0}, NULL};
        } else m = R[VM_OP(i) == OP_MSET || VM_OP(i) == OP_MDEL ? VM_A(i) : VM_B(i)];
        if (!m.r) return;
        obj = m.r;
        write = VM_OP(i) == OP_MSET || VM_OP(i) == OP_MDEL;
        val = VM_OP(i) == OP_MSET ? &R[VM_C(i)] : NULL;
        break;
    }
    default: return; /* channel operations: synchronisation (chan.c) */
    }
    Cell *c = cell_of(r, obj, slot, n);
    if (!tried && fast_access(r, c, g, write, ipc)) return;
    struct MemInfo mi = {g, g->frames[g->nframes - 1].p, ipc, val ? *val : (Value){{0}, NULL}, val != NULL, idx};
    access_slow(r, c, &mi, write, 0);
}

void race_atomic(RaceCtx *r, Goroutine *g, Value ptr, int rd, int wr, int64_t value) {
    if (!r || r->off || !g || !g->sched || !ptr.r) return;
    AggObj *o = (AggObj *)ptr.r;
    uint64_t slot = (uint64_t)ptr.i;
    uint64_t key = ((uint64_t)5 << 60) | o->h.seq;
    if (rd) acquire2(r, g, key, slot);
    struct MemInfo mi = {g, NULL, NULL, {{.i = value}, NULL}, 1, -1};
    if (g->nframes) { /* the CALL running the native: names the word (acc_names) */
        const Frame *f = &g->frames[g->nframes - 1];
        if (f->pc && f->pc > f->p->code && VM_OP(f->pc[-1]) == OP_CALL) {
            mi.p = f->p;
            mi.ipc = f->pc - 1;
        }
    }
    Cell *c = cell_of(r, &o->h, slot, o->n);
    access(r, c, &mi, wr, 1);
    if (wr) release2(r, g, key, slot);
}

/* ---- names and values for the trace ---- */

static void var_name(RaceCtx *r, Cell *c, const struct MemInfo *mi, char *buf, size_t n) {
    const char *nm = NULL;
    if (mi->ipc && mi->p->acc_names) nm = mi->p->acc_names[mi->ipc - mi->p->code];
    if (!nm || !*nm) {
        snprintf(buf, n, "0x%012llx", (unsigned long long)c->addr);
        return;
    }
    size_t l = strlen(nm);
    if (l >= 2 && nm[l - 2] == '[' && nm[l - 1] == ']') {
        /* an element: its index (a map is one variable: its name) */
        if (mi->idx >= 0) snprintf(buf, n, "%.*s[%lld]", (int)(l - 2), nm, (long long)mi->idx);
        else snprintf(buf, n, "%.*s", (int)(l - 2), nm);
        return;
    }
    snprintf(buf, n, "%s", nm);
}

static uint32_t value_text(RaceCtx *r, const struct MemInfo *mi) {
    if (!mi->has_val) return 0;
    Value v = mi->val;
    if (!v.r) return trace_intern_int(r->trace, v.i);
    switch (v.r->kind) {
    case GC_STRING: {
        char buf[48];
        int64_t len = vm_str_len(v);
        snprintf(buf, sizeof buf, "%.*s%s", (int)(len < 32 ? len : 32), vm_str_data(v), len > 32 ? "..." : "");
        char q[64];
        snprintf(q, sizeof q, "\"%s\"", buf);
        return trace_intern_cstr(r->trace, q);
    }
    default: return 0;
    }
}
