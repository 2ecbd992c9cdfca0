/* race_shadow: the race detector's shadow memory (one cell per word:
 * the last write and the read set), its reports, the trace's READ /
 * WRITE / RACE events and the VM hook (see race.h, race.c's Invariants). */
#include "race_int.h"

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
static uint32_t acc_stack(RaceCtx *r, const Access *a);
static int report(RaceCtx *r, const Access *cur, const Access *prev, uint64_t addr) {
    if (hget(&r->seen_addr, addr, 0) >= 0) return 0;
    uint32_t cs = acc_stack(r, cur), ps = acc_stack(r, prev);
    uint32_t lo = cs < ps ? cs : ps;
    uint32_t hi = cs < ps ? ps : cs;
    if (hget(&r->seen_pair, lo, hi) >= 0) return 0;
    race_hput(&r->seen_addr, addr, 0, 1);
    race_hput(&r->seen_pair, lo, hi, 1);
    r->nraces++;
    if (!r->detect) return 1;
    fflush(r->vm->out);
    char w1[48], w2[48];
    who(r, cur->gid, w1, sizeof w1);
    who(r, prev->gid, w2, sizeof w2);
    fprintf(r->err, "==================\nWARNING: DATA RACE\n%s at 0x%012llx by %s:\n", kind_word(cur->flags, 1),
            (unsigned long long)addr, w1);
    print_stack(r, cs);
    fprintf(r->err, "\nPrevious %s at 0x%012llx by %s:\n", kind_word(prev->flags, 0), (unsigned long long)addr, w2);
    print_stack(r, ps);
    created_at(r, cur->gid);
    created_at(r, prev->gid);
    fprintf(r->err, "==================\n");
    fflush(r->err);
    return 1;
}

/* ---- shadow memory ---- */

/* cell_of: the shadow cell of word [slot] of the object numbered [seq]
 * ([obj] NULL: global [slot]); [n] the object's size in words. The
 * cache holds (object key, slot) pairs that fit one 64-bit key (CC_KEY:
 * the object key below 2^32, the slot below 2^31, so never the empty
 * entries' UINT64_MAX); cell_hit looks only there. */
#define CC_KEY(a, slot) (((a) << 32) | (slot))
#define CC_HASH(key) ((uint32_t)(((key) * 0x9e3779b97f4a7c15ULL) >> 56))
static Cell *cell_find(RaceCtx *r, const GcObj *obj, uint64_t a, uint64_t slot, int64_t n);
static inline Cell *cell_hit(RaceCtx *r, const GcObj *obj, uint64_t slot) {
    uint64_t a = obj ? (uint64_t)obj->seq + 1 : 0, key = CC_KEY(a, slot);
    const CellCache *e = &r->ccache[CC_HASH(key)];
    if (e->key == key && ((a >> 32) | (slot >> 31)) == 0) return &r->cells.items[e->ix];
    return NULL;
}

static inline Cell *cell_of(RaceCtx *r, const GcObj *obj, uint64_t slot, int64_t n) {
    Cell *c = cell_hit(r, obj, slot);
    return c ? c : cell_find(r, obj, obj ? (uint64_t)obj->seq + 1 : 0, slot, n);
}

/* cell_find: cell_of past its cache ([a] the object key). */
static Cell *cell_find(RaceCtx *r, const GcObj *obj, uint64_t a, uint64_t slot, int64_t n) {
    int64_t ix = hget(&r->cell_ix, a, slot);
    if (ix < 0) {
        Cell c;
        memset(&c, 0, sizeof c);
        c.first_tid = 0;
        if (!obj) c.addr = 0x5d0000ULL + slot * 8; /* globals: Go's data segment shape */
        else {
            int64_t bi = hget(&r->obj_base, a, 0);
            if (bi < 0) {
                VEC_PUSH(r->bases, r->next_heap);
                bi = r->bases.len - 1;
                race_hput(&r->obj_base, a, 0, (uint32_t)bi);
                uint64_t size = (uint64_t)(n > 0 ? n : 1) * 8;
                r->next_heap += (size + 15) & ~(uint64_t)15;
            }
            c.addr = r->bases.items[bi] + 8 * slot + 8 * (n > 1 && slot == 0 ? 0 : 0);
        }
        VEC_PUSH(r->cells, c);
        ix = r->cells.len - 1;
        race_hput(&r->cell_ix, a, slot, (uint32_t)ix);
    }
    if (((a >> 32) | (slot >> 31)) == 0) {
        uint64_t key = CC_KEY(a, slot);
        r->ccache[CC_HASH(key)] = (CellCache){key, (uint32_t)ix};
    }
    return &r->cells.items[ix];
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
static uint32_t rt_node(RaceCtx *r, uint32_t base, const char *fn, int line, const char *file);
static uint32_t rt_stack(RaceCtx *r, Goroutine *g, uint32_t sl, const char *fn, int line, const char *file) {
    return rt_node(r, stack_of(r, g, sl, NULL), fn, line, file);
}

/* rt_node: [base] topped by the runtime frame [fn] (rt_stack's). */
static uint32_t rt_node(RaceCtx *r, uint32_t base, const char *fn, int line, const char *file) {
    TopCache *t = tentry(r, base, fn);
    if (t->key == fn && t->base == base) return t->id;
    /* keyed by the static name's address: looked up, never ordered */
    uint64_t a = ((uint64_t)base << 32) | (uint32_t)line;
    int64_t ix = hget(&r->stack_ix, a, (uint64_t)(uintptr_t)fn);
    if (ix < 0) {
        StackNode n = {base, NULL, line, fn, file};
        VEC_PUSH(r->stacks, n);
        ix = r->stacks.len - 1;
        race_hput(&r->stack_ix, a, (uint64_t)(uintptr_t)fn, (uint32_t)ix);
    }
    return tfill(t, base, fn, (uint32_t)ix);
}

/* Go 1.19's runtime frames for the channel checks (chan.go lines). */
static const char RT_CHAN_FILE[] = "/usr/lib/go-1.19/src/runtime/chan.go";
static const char RT_CHANSEND[] = "runtime.chansend";
static const char RT_CLOSECHAN[] = "runtime.closechan";

/* proto_at: the function whose code holds [pc], a frame's pc (just past
 * an instruction of it, as stack_of's top_pc and saved pcs are). */
static const Proto *proto_at(RaceCtx *r, const Instr *pc) {
    const Vm *vm = r->vm;
    for (int i = 0; i < vm->protos.len; i++) {
        const Proto *p = vm->protos.items[i];
        if (pc > p->code && pc <= p->code + p->ncode) return p;
    }
    GORO_ASSERT(0 && "race: a lazy stack's pc in no function");
    return NULL;
}

/* acc_stack: [a]'s interned stack (a lazy one is interned now: what
 * stack_of / rt_stack would have given at the access). */
static uint32_t acc_stack(RaceCtx *r, const Access *a) {
    if (a->lazy == ACC_EAGER) return a->stack;
    uint32_t id = a->top ? race_top_frame(r, a->stack, proto_at(r, a->top), a->top) : a->stack;
    return a->lazy == ACC_LAZY_SEND ? rt_node(r, id, RT_CHANSEND, 160, RT_CHAN_FILE) : id;
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

/* The fast paths below make no calls: they give up (return 0, nothing
 * changed) where the slow path would intern a stack or grow a read set,
 * so the hook stays a leaf the compiler keeps cheap. Their stacks are
 * lazy (Access): the frames below the top one must be the slot's
 * StackCache (stack_base). */

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
    if (!stack_base(r, g, tid) || (!write && c->reads.cap < 1)) return 0;
    Access cur = {tid, clk, gid, r->slots.items[tid].sc.base, 0, (uint8_t)(write ? ACC_WRITE : ACC_READ),
                  ACC_LAZY_PC, ipc + 1};
    c->reads.len = 0;
    if (write) c->w = cur;
    else c->reads.items[c->reads.len++] = cur;
    return 1;
}

/* read_quick: a plain read by [g] of [c] that the trace would not show
 * (the caller checks: no trace, or [c] shared and not hot, or a channel
 * check) and that cannot race (the last write happens before it): the
 * slow path's update without its trace and report machinery, the stack
 * lazy ([lazy] at [top]). Returns 1 when done, 0: take the slow path
 * (nothing changed). */
static inline __attribute__((always_inline)) int read_quick(RaceCtx *r, Cell *c, Goroutine *g, const Instr *top,
                                                           uint8_t lazy) {
    uint32_t gid = (uint32_t)g->id;
    if ((int)gid >= r->gs.len || !r->gs.items[gid].used) return 0;
    uint32_t tid = r->gs.items[gid].slot;
    const RaceSlot *rs = &r->slots.items[tid];
    uint32_t clk = rs->clk;
    if (c->w.tid && c->w.gid != gid && !hb(r, &c->w, &rs->vc, tid)) return 0;
    if (c->w.tid == tid && c->w.clk == clk && !(c->w.flags & ACC_ATOMIC)) return 1; /* own epoch */
    int n = c->reads.len, k = 0;
    Access *it = c->reads.items;
    if (n == 1 && it[0].gid == gid) { /* its own older read only: replaced (what the loops below do) */
        if (it[0].clk == clk && it[0].flags == ACC_READ) return 1;
        if (!stack_base(r, g, tid)) return 0;
    } else {
        for (int i = 0; i < n; i++)
            if (it[i].tid == tid && it[i].clk == clk && it[i].flags == ACC_READ) return 1; /* read in this epoch */
        if (n >= c->reads.cap || !stack_base(r, g, tid)) return 0;
        for (int i = 0; i < n; i++) {
            if (it[i].gid == gid || hb(r, &it[i], &rs->vc, tid)) continue; /* dominated by this read */
            if (k != i) it[k] = it[i];
            k++;
        }
    }
    it[k] = (Access){tid, clk, gid, rs->sc.base, 0, ACC_READ, lazy, top};
    c->reads.len = k + 1;
    return 1;
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
    Access cur = {tid, clk, gid, 0, ev, flags, ACC_EAGER, NULL};
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

/* chan_op_slow: race_chan_op past its fast path. */
static __attribute__((noinline)) void chan_op_slow(RaceCtx *r, Goroutine *g, const ChanObj *c, int is_close) {
    Cell *cell = cell_of(r, &c->h, 0, 1);
    struct MemInfo mi = {g, NULL, NULL, {{0}, NULL}, 0, -1};
    r->forced_fn = is_close ? RT_CLOSECHAN : RT_CHANSEND;
    r->forced_line = is_close ? 357 : 160;
    r->forced_file = RT_CHAN_FILE;
    r->no_trace = 1;
    access(r, cell, &mi, is_close, 0);
    r->forced_fn = NULL;
    r->no_trace = 0;
}

/* chan_send_read: a send's read of [c]'s cell (in ccache) by [g]: never
 * traced, always quiet (read_quick, its stack lazy: proto_at needs the
 * saved pc inside the frame's code, past its first instruction). */
GORO_HOT static __attribute__((noinline)) void chan_send_read(RaceCtx *r, Goroutine *g, const ChanObj *c, Cell *cell) {
    const Frame *f = &g->frames[g->nframes - 1];
    if (f->pc > f->p->code && f->pc <= f->p->code + f->p->ncode && read_quick(r, cell, g, f->pc, ACC_LAZY_SEND))
        return;
    chan_op_slow(r, g, c, 0);
}

GORO_HOT void race_chan_op(RaceCtx *r, Goroutine *g, const ChanObj *c, int is_close) {
    if (r->off || !g || !g->sched || !c) return;
    Cell *cell;
    if (!is_close && g->nframes > 0 && (cell = cell_hit(r, &c->h, 0))) chan_send_read(r, g, c, cell);
    else chan_op_slow(r, g, c, is_close);
}

/* ---- the VM hook ---- */

/* vm_access: race_vm_access for every instruction; [tried]: the fast
 * paths (exclusive, read_quick) already said no. */
static __attribute__((noinline)) void vm_access(Vm *vm, RaceCtx *r, Goroutine *g, const Instr *ipc, Value *R,
                                                int tried);

/* fast_access: the fast paths of a plain access by [g] to [c] (at [ipc],
 * a store when [st]); returns whether they did it. */
static inline __attribute__((always_inline)) int fast_access(RaceCtx *r, Cell *c, Goroutine *g, int st,
                                                            const Instr *ipc) {
    if (exclusive(r, c, g, st, ipc)) return 1;
    if (st || (r->mem_live && (c->first_tid != -1 || c->hot))) return 0;
    return read_quick(r, c, g, ipc + 1, ACC_LAZY_PC);
}

/* vm_write: race_vm_access for everything but the reads vm_read takes:
 * a store's fast path (exclusive), else vm_access. */
static __attribute__((noinline)) void vm_write(Vm *vm, RaceCtx *r, Goroutine *g, const Instr *ipc, Value *R) {
    Instr i = *ipc;
    int op = VM_OP(i);
    Cell *c = NULL;
    if (op == OP_STOREC) {
        const AggObj *o = cell_ref(g, i, R, VM_A(i));
        if (!o) return;
        c = cell_hit(r, &o->h, 0);
    } else if (op == OP_SETF) {
        const AggObj *o = (const AggObj *)R[VM_A(i)].r;
        if (!o) return;
        c = cell_hit(r, &o->h, (uint64_t)VM_B(i));
    } else if (op == OP_SETG) c = cell_hit(r, NULL, (uint64_t)VM_BX(i));
    if (c && fast_access(r, c, g, 1, ipc)) return;
    vm_access(vm, r, g, ipc, R, c != NULL);
}

/* vm_read: race_vm_access's plain read of [c] (in ccache) by [g] at
 * [ipc]: its fast paths, else vm_access (tail calls: both functions stay
 * leaves without saved registers). */
GORO_HOT static __attribute__((noinline)) void vm_read(Vm *vm, RaceCtx *r, Goroutine *g, const Instr *ipc, Value *R, Cell *c) {
    if (fast_access(r, c, g, 0, ipc)) return;
    vm_access(vm, r, g, ipc, R, 1);
}

/* race_vm_access: the commonest words (captured variables, struct
 * fields, globals) whose cells are in ccache, in small functions the
 * compiler keeps cheap; the rest, and what the fast paths leave, in
 * vm_access. */
GORO_HOT void race_vm_access(Vm *vm, Goroutine *g, const Instr *ipc, Value *R) {
    RaceCtx *r = vm->sched ? vm->sched->race : NULL;
    if (!r || r->off || !g->sched) {
        if (r && r->off == 2) race_stop_capped(r);
        return;
    }
    Instr i = *ipc;
    int op = VM_OP(i);
    Cell *c;
    if (op == OP_LOADC) {
        const AggObj *o = cell_ref(g, i, R, VM_B(i));
        if (!o) return;
        c = cell_hit(r, &o->h, 0);
    } else if (op == OP_GETF) {
        const AggObj *o = (const AggObj *)R[VM_B(i)].r;
        if (!o) return;
        c = cell_hit(r, &o->h, (uint64_t)VM_C(i));
    } else if (op == OP_GETG) c = cell_hit(r, NULL, (uint64_t)VM_BX(i));
    else {
        vm_write(vm, r, g, ipc, R);
        return;
    }
    if (c) vm_read(vm, r, g, ipc, R, c);
    else vm_access(vm, r, g, ipc, R, 0);
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
        const AggObj *o = cell_ref(g, i, R, st ? VM_A(i) : VM_B(i));
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
    if (rd) race_sync_acquire(r, g, key, slot);
    struct MemInfo mi = {g, NULL, NULL, {{.i = value}, NULL}, 1, -1};
    if (g->nframes) { /* the CALL running the native: names the word (acc_names) */
        const Frame *f = &g->frames[g->nframes - 1];
        if ((mi.ipc = vm_frame_call(f))) mi.p = f->p;
    }
    Cell *c = cell_of(r, &o->h, slot, o->n);
    access(r, c, &mi, wr, 1);
    if (wr) race_sync_release(r, g, key, slot);
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
