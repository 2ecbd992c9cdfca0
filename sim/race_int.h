/* race_int: the race detector's state and the helpers its two files
 * share (race.c: clocks, goroutines, stacks, synchronisation, channels;
 * race_shadow.c: shadow memory, reports, the VM hook). Private to
 * sim/race*.c. The Invariants are race.c's. */
#ifndef GORO_RACE_INT_H
#define GORO_RACE_INT_H

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

static inline uint32_t vc_get(const VC *v, uint32_t t) {
    uint32_t d = t < v->n ? v->b->c[t] : 0;
    for (uint32_t i = 0; i < v->ns; i++)
        if (v->st[i] == t && v->sx[i] > d) d = v->sx[i];
    return d;
}

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
static inline int64_t hget(const HMap *m, uint64_t a, uint64_t b) {
    if (!m->cap) return -1;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = (uint32_t)mix(a, b) & mask;; i = (i + 1) & mask) {
        const HEnt *e = &m->e[i];
        if (!e->v) return -1;
        if (e->a == a && e->b == b) return e->v - 1;
    }
}

/* race_hput: set (a, b) to [v] in [m] (insert or replace). */
void race_hput(HMap *m, uint64_t a, uint64_t b, uint32_t v);

/* ---- state ---- */

enum { ACC_READ = 0, ACC_WRITE = 1, ACC_ATOMIC = 2 };

/* Access: one remembered access. Its stack is interned when a report
 * needs it (race_shadow.c acc_stack) if the fast paths made it (lazy):
 * those accesses are mostly superseded before anyone asks. */
enum { ACC_EAGER = 0, ACC_LAZY_PC = 1, ACC_LAZY_SEND = 2 };
typedef struct Access {
    uint32_t tid, clk;   /* slot and its clock */
    uint32_t gid;        /* the goroutine (reports) */
    uint32_t stack;  /* interned stack id; lazy: the id of the frames below the top */
    uint32_t ev;     /* trace event index + 1 (0: none) */
    uint8_t flags;   /* ACC_* */
    uint8_t lazy;    /* ACC_EAGER; ACC_LAZY_PC: the top frame at [top]; ACC_LAZY_SEND:
                        the same, topped by runtime.chansend (race_chan_op) */
    const Instr *top; /* lazy: the top frame's pc (stack_of's) */
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

/* CellCache: a cell_of cache entry: CC_KEY(object key, slot) -> cells
 * index; key UINT64_MAX (no valid key, see cell_of) = empty. */
typedef struct CellCache {
    uint64_t key;
    uint32_t ix;
} CellCache;

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
    uint32_t oix;        /* a hint: where its own entry was last found among
                            the sparse entries (race.c own_ix checks it) */
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
    CellCache ccache[256];  /* cell_of's direct-mapped cache (race_shadow.c) */
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

/* ---- goroutines ---- */

/* cell_ref: the cell a LOADC / STOREC at [i] reaches through register
 * [reg]: R[reg], or with D = 1 (compile_expr.c cell_up: GETU fused in) the
 * running frame's captured cell [reg]. */
static inline const AggObj *cell_ref(const Goroutine *g, Instr i, const Value *R, int reg) {
    return (const AggObj *)(VM_D(i) ? g->frames[g->nframes - 1].cl->up[reg].r : R[reg].r);
}

/* race_rg_new / rg_of: goroutine [tid]'s RaceG, made (with a slot and
 * a fresh clock) on first use; a pointer into r->gs, valid until the
 * next one is made. */
RaceG *race_rg_new(RaceCtx *r, uint32_t tid);
static inline RaceG *rg_of(RaceCtx *r, uint32_t tid) {
    if ((int)tid < r->gs.len && r->gs.items[tid].used) return &r->gs.items[tid];
    return race_rg_new(r, tid);
}

/* tentry: [base] plus the top frame named by [key] (its pc, or a runtime
 * frame's name) in tcache: a hit when t->key == key && t->base == base,
 * else the entry to fill. */
static inline TopCache *tentry(RaceCtx *r, uint32_t base, const void *key) {
    uintptr_t k = (uintptr_t)key;
    return &r->tcache[(uint32_t)((k >> 2) ^ (k >> 12) ^ (base * 0x9e3779b1u)) & (RACE_TOP_CACHE - 1)];
}

static inline uint32_t tfill(TopCache *t, uint32_t base, const void *key, uint32_t id) {
    t->key = key;
    t->base = base;
    t->id = id;
    return id;
}

/* stack_of: the interned stack of [g] in slot [sl]; its top frame stands
 * at [top_pc] (the instruction after the one executing; NULL: the saved
 * pc). Frames without a line (runtime wrappers) are left out. The cached
 * case is inline; race_stack_miss does the rest. */
uint32_t race_stack_miss(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc);
/* stack_base: whether slot [sl]'s StackCache holds [g]'s frames below
 * the top one (then their interned stack is the cache's base). */
static inline int stack_base(RaceCtx *r, const Goroutine *g, uint32_t sl) {
    int n = g->nframes;
    const StackCache *sc = &r->slots.items[sl].sc;
    if (sc->n != n || n < 1) return 0;
    for (int k = 0; k < n - 1; k++)
        if (sc->p[k] != g->frames[k].p || sc->pc[k] != g->frames[k].pc) return 0;
    return 1;
}

static inline uint32_t stack_of(RaceCtx *r, Goroutine *g, uint32_t sl, const Instr *top_pc) {
    if (!stack_base(r, g, sl)) return race_stack_miss(r, g, sl, top_pc);
    const StackCache *sc = &r->slots.items[sl].sc;
    const Instr *pc = top_pc ? top_pc : g->frames[g->nframes - 1].pc;
    const TopCache *t = tentry(r, sc->base, pc);
    if (t->key == pc && t->base == sc->base && pc) return t->id;
    return race_stack_miss(r, g, sl, top_pc);
}

/* race_top_frame: [base] topped by the frame of [p] at [pc] (stack_of's
 * miss path: base itself when pc names no line). */
uint32_t race_top_frame(RaceCtx *r, uint32_t base, const Proto *p, const Instr *pc);

/* race_stop_capped: the trace took its last memory event in a trace-only
 * run (r->off 2): free the clocks, turn the memory hook off. */
void race_stop_capped(RaceCtx *r);

/* race_sync_acquire / race_sync_release: [g] acquires / releases sync
 * variable ([key], [slot]). */
void race_sync_acquire(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot);
void race_sync_release(RaceCtx *r, Goroutine *g, uint64_t key, uint64_t slot);

#endif
