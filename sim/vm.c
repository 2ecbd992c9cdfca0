/* vm: the dispatch loop: frames on the goroutine's heap stack, calls and
 * returns without C recursion, defers, panics and recovery.
 *
 * Invariants:
 * - Inside execute(), f is the top frame, R its register window, pc its
 *   next instruction; f->pc is saved before anything that can push frames,
 *   allocate (a stack trace needs it) or return.
 * - A Go call pushes a Frame and jumps; RET pops it. The only C recursion is
 *   vm_call (natives calling Go methods), which runs a nested execute() that
 *   stops when its FR_BOUNDARY frame returns and never preempts.
 * - A panic unwinds frame by frame: a frame with defers runs them (marked
 *   FR_UNWINDING, each call FR_DEFERRED); a recovered panic resumes its
 *   frame at proto->ret_pc; a frame without defers is popped.
 * - The preemption hook (SHARED) runs before an instruction's effect, so a
 *   preempted instruction is simply executed again on resume.
 */
#include <math.h>
#include <string.h>

#include "race.h"
#include "sched.h"
#include "vm.h"

#if defined(__GNUC__) && !defined(GORO_NO_COMPUTED_GOTO)
#define VM_COMPUTED_GOTO 1
#else
#define VM_COMPUTED_GOTO 0
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

static const Value NIL = {{0}, NULL};

/* ---- stacks and frames ---- */

static void ensure_stack(Goroutine *g, int need) {
    if (need <= g->stack_cap) return;
    int nc = g->stack_cap ? g->stack_cap : 8;
    while (nc < need) nc *= 2;
    if (g->inl & VM_G_INL_STACK) { /* leave the block: it is freed with g */
        Value *n = mem_alloc(sizeof(Value) * (size_t)nc);
        memcpy(n, g->stack, sizeof(Value) * (size_t)g->stack_cap);
        g->stack = n;
        g->inl &= (uint8_t)~VM_G_INL_STACK;
    } else {
        g->stack = mem_realloc(g->stack, sizeof(Value) * (size_t)g->stack_cap, sizeof(Value) * (size_t)nc);
    }
    g->stack_cap = nc;
}

/* push_frame: a new top frame for closure [cl] whose registers start at
 * stack index [base] (arguments already there); results go to [ret]. */
static Frame *push_frame(Goroutine *g, ClosureObj *cl, int base, int nret, int flags) {
    if (g->nframes == g->frames_cap) {
        int nc = g->frames_cap ? g->frames_cap * 2 : 2;
        if (g->inl & VM_G_INL_FRAMES) {
            Frame *n = mem_alloc(sizeof(Frame) * (size_t)nc);
            memcpy(n, g->frames, sizeof(Frame) * (size_t)g->frames_cap);
            g->frames = n;
            g->inl &= (uint8_t)~VM_G_INL_FRAMES;
        } else {
            g->frames = mem_realloc(g->frames, sizeof(Frame) * (size_t)g->frames_cap, sizeof(Frame) * (size_t)nc);
        }
        g->frames_cap = nc;
    }
    /* its registers only: a deferred call's function and arguments above
     * them are ensured by start_defer, which every caller follows with
     * LOAD_FRAME (a parked goroutine keeps no spare stack) */
    ensure_stack(g, base + cl->p->nregs);
    Frame *f = &g->frames[g->nframes++];
    *f = (Frame){cl->p, cl, cl->p->code, NULL, base, (uint16_t)nret, (uint16_t)flags};
    return f;
}

/* g_block_size: bytes of a goroutine block whose inline stack is class [c]
 * (c Values; class 0: no inline stack). */
static size_t g_block_size(const Vm *vm, int c) {
    return sizeof(Goroutine) + vm->g_extra + sizeof(Frame) + sizeof(Value) * (size_t)c;
}

Value *vm_goroutine_result(const Goroutine *g) { return g->has_result ? g->stack : NULL; }

/* the one fatal error a goroutine meets by itself (Goroutine.fatal) */
const char *vm_goroutine_fatal(const Goroutine *g) { return g->fatal ? "stack overflow" : NULL; }

void *vm_goroutine_extra(Goroutine *g) {
    return g->inl & VM_G_INL_EXTRA ? g + 1 : NULL;
}

Goroutine *vm_goroutine_new(Vm *vm, Value fn, const Value *args, int nargs) {
    ClosureObj *cl = (ClosureObj *)fn.r;
    GORO_ASSERT(cl && !cl->p->native);
    GORO_ASSERT(vm->g_extra % 8 == 0);
    /* results go to slot 0 (the callee's, as for any call) when there are
     * any to keep; without, R[0] is slot 0 */
    int base = cl->p->nresults > 0;
    /* what push_frame below will ask for */
    int need = base + cl->p->nregs;
    if (need < base + nargs) need = base + nargs;
    int c = need > VM_G_CLASSES ? 0 : need;
    Goroutine *g = mem_slab_alloc(&vm->slab, g_block_size(vm, c));
    g->gclass = (uint8_t)c;
    g->frames = (Frame *)((char *)(g + 1) + vm->g_extra);
    g->frames_cap = 1;
    g->inl = VM_G_INL_FRAMES | (vm->g_extra ? VM_G_INL_EXTRA : 0);
    if (c) {
        g->stack = (Value *)(g->frames + 1);
        g->stack_cap = c;
        g->inl |= VM_G_INL_STACK;
    }
    g->id = vm->next_gid++;
    ensure_stack(g, base + nargs);
    if (base) g->stack[0] = fn;
    for (int i = 0; i < nargs; i++) g->stack[base + i] = args[i];
    push_frame(g, cl, base, cl->p->nresults < 4 ? cl->p->nresults : 4, 0);
    g->next_all = vm->all_g;
    g->prev_all = NULL;
    if (vm->all_g) vm->all_g->prev_all = g;
    vm->all_g = g;
    return g;
}

void vm_goroutine_block_free(Vm *vm, Goroutine *g) { mem_slab_free(&vm->slab, g, g_block_size(vm, g->gclass)); }

/* ---- panics ---- */

static void free_defer(DeferRec *d) { mem_free(d, sizeof *d + sizeof(Value) * (size_t)d->nargs); }

static void pop_panic(Goroutine *g) {
    PanicRec *p = g->panic;
    g->panic = p->link;
    mem_free(p->trace, sizeof *p->trace * (size_t)p->ntrace);
    mem_free(p, sizeof *p);
}

/* ---- the loop ---- */

static int execute(Vm *vm, Goroutine *g, int stop, int nested, int64_t budget);

/* ---- race detector / memory trace hook (race.h) ---- */

/* hook_left: the plain counter's value for a hooked distance [left]: a
 * nested call that used it up switches at its next access outside (1). */
static inline int64_t hook_left(int64_t left) { return left > 0 ? left : 1; }

/* mem_access: SHARED's slow path under vm->mem_hook, before the access at
 * [ipc]: 1 = go ahead (the hook ran, the counter stays at the slow path),
 * 0 = the preemption distance is used up: SHARED switches as usual and the
 * access (and its hook) runs again on resume. */
static int mem_access(Vm *vm, Goroutine *g, const Instr *ipc, Value *R, int nested) {
    if (--vm->mem_left <= 0 && !nested) return 0;
#define MEM_OP(o) [OP_##o] = 1,
    static const unsigned char mem_op[256] = {RACE_MEM_OPS(MEM_OP)}; /* channel operations: chan.c */
#undef MEM_OP
    if (mem_op[VM_OP(*ipc)]) race_vm_access(vm, g, ipc, R);
    /* the hook may turn itself off (race.h: a trace-only detector past its
     * cap): the distance left goes back to the plain counter */
    vm->preempt = LIKELY(vm->mem_hook) ? 1 : hook_left(vm->mem_left);
    return 1;
}

/* run_hooked: vm_run under vm->mem_hook: the scheduler's distance moves to
 * vm->mem_left for the slice and back after it, so runs with and without
 * the hook switch at the same accesses. */
static int run_hooked(Vm *vm, Goroutine *g, int64_t budget) {
    vm->mem_left = vm->preempt;
    vm->preempt = 1;
    int st = execute(vm, g, 0, 0, budget);
    if (!vm->mem_hook) return st; /* turned off in the slice: vm->preempt counts (mem_access) */
    vm->preempt = st == VM_PREEMPTED ? 0 : hook_left(vm->mem_left);
    return st;
}

GORO_HOT int vm_run(Vm *vm, Goroutine *g, int64_t budget) {
    if (g->dead) return g->panic ? VM_PANICKED : VM_DONE;
    if (UNLIKELY(vm->mem_hook)) return run_hooked(vm, g, budget);
    return execute(vm, g, 0, 0, budget);
}

int vm_call(Vm *vm, Goroutine *g, Value fn, const Value *args, int nargs, Value *res, int nres) {
    ClosureObj *cl = (ClosureObj *)fn.r;
    if (!cl) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
    int base = 0;
    if (g->nframes) {
        Frame *f = &g->frames[g->nframes - 1];
        base = f->base + 2 * f->p->nregs + 2;
    }
    ensure_stack(g, base + 1 + nargs + 1);
    g->stack[base] = fn;
    for (int i = 0; i < nargs; i++) g->stack[base + 1 + i] = args[i];
    if (cl->p->native) {
        Value argv[VM_MAX_NATIVE_ARGS], resv[VM_MAX_NATIVE_RES];
        GORO_ASSERT(nargs <= VM_MAX_NATIVE_ARGS && nres <= VM_MAX_NATIVE_RES);
        memcpy(argv, args, sizeof(Value) * (size_t)nargs);
        /* The stack copies sit above every frame, where the GC does not
         * look: root the arguments (a fresh receiver copy, say) instead. */
        vm_push_root(vm, &cl->h);
        for (int i = 0; i < nargs; i++) vm_push_root(vm, argv[i].r);
        int st = cl->p->native(vm, g, argv, nargs, resv);
        vm_pop_roots(vm, nargs + 1);
        for (int i = 0; i < nres; i++) res[i] = resv[i];
        return st == VM_BUDGET ? VM_OK : st;
    } else {
        int depth = g->nframes;
        push_frame(g, cl, base + 1, nres, FR_BOUNDARY);
        int64_t saved = vm->preempt, saved_left = vm->mem_left; /* mem_left: race.h */
        int hooked = vm->mem_hook;
        int st = execute(vm, g, depth, 1, INT64_MAX);
        vm->preempt = saved;
        vm->mem_left = saved_left;
        if (hooked && !vm->mem_hook) vm->preempt = hook_left(saved_left); /* off inside: mem_access */
        if (st != VM_OK) return st;
    }
    for (int i = 0; i < nres; i++) res[i] = g->stack[base + i];
    return VM_OK;
}

/* start_defer: pop [f]'s newest deferred call and start it: a Go function
 * gets a frame (returns 1, the caller must reload); a native runs now
 * (returns 0 for done, -1 if it raised a panic, 2 if it parked or yielded
 * the goroutine: the deferred call is complete when it resumes). */
static int start_defer(Vm *vm, Goroutine *g, Frame *f) {
    DeferRec *d = f->defers;
    f->defers = d->next;
    int base = f->base + f->p->nregs + 1;
    int fi = (int)(f - g->frames);
    ensure_stack(g, base + d->nargs + 1);
    g->stack[base - 1] = d->fn;
    memcpy(g->stack + base, d->args, sizeof(Value) * (size_t)d->nargs);
    int nargs = d->nargs;
    ClosureObj *cl = (ClosureObj *)d->fn.r;
    free_defer(d);
    if (!cl) return vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference"), -1;
    if (cl->p->native) {
        Value argv[VM_MAX_NATIVE_ARGS], resv[VM_MAX_NATIVE_RES];
        GORO_ASSERT(nargs <= VM_MAX_NATIVE_ARGS);
        memcpy(argv, g->stack + base, sizeof(Value) * (size_t)nargs);
        int st = cl->p->native(vm, g, argv, nargs, resv);
        (void)fi;
        return st == VM_RAISE ? -1 : st == VM_BLOCKED ? 2 : 0;
    }
    push_frame(g, cl, base, 0, FR_DEFERRED);
    return 1;
}

#define A VM_A(i)
#define B VM_B(i)
#define C VM_C(i)
#define D VM_D(i)
#define BX VM_BX(i)
#define RA R[VM_A(i)]
#define RB R[VM_B(i)]
#define RC R[VM_C(i)]
#define XTYPE() (vm->types.items[VM_BX(*pc)])

#define LOAD_FRAME()                                                                    \
    do {                                                                                \
        f = &g->frames[g->nframes - 1];                                                 \
        pc = f->pc;                                                                     \
        R = g->stack + f->base;                                                         \
        K = f->p->k;                                                                    \
    } while (0)
#define SAVE_PC() (f->pc = pc)
#define THROW(...)                                                                      \
    do {                                                                                \
        SAVE_PC();                                                                      \
        vm_panic_runtime(vm, g, __VA_ARGS__);                                           \
        goto unwind;                                                                    \
    } while (0)
#define NILDEREF() THROW("invalid memory address or nil pointer dereference")
#define BOUNDS(code, x, y)                                                              \
    do {                                                                                \
        SAVE_PC();                                                                      \
        bounds_error(vm, g, code, x, y);                                                \
        goto unwind;                                                                    \
    } while (0)
/* SHARED: the preemption hook before a load or store of shared memory.
 * With vm->mem_hook (race / memory trace) the counter is held at 1 so that
 * every access takes the slow path, where mem_access runs the hook and
 * counts the real distance in vm->mem_left (see run_hooked). */
#define SHARED()                                                                        \
    do {                                                                                \
        if (UNLIKELY(--vm->preempt <= 0)) {                                             \
            if (vm->mem_hook && mem_access(vm, g, pc - 1, R, nested)) break;            \
            if (!nested) {                                                              \
                pc--;                                                                   \
                SAVE_PC();                                                              \
                vm->preempt = 0;                                                        \
                return VM_PREEMPTED;                                                    \
            }                                                                           \
            vm->preempt = 1;                                                            \
        }                                                                               \
    } while (0)
/* SCHED_OP: run a scheduler operation (sched.h, chan.c), which may raise or
 * park the goroutine (VM_BLOCKED: it resumes after the instruction). */
#define SCHED_OP(call)                                                                  \
    do {                                                                                \
        SAVE_PC();                                                                      \
        int st_ = (call);                                                               \
        f = &g->frames[g->nframes - 1];                                                 \
        R = g->stack + f->base;                                                         \
        if (st_ == VM_RAISE) goto unwind;                                               \
        if (st_ == VM_BLOCKED) {                                                        \
            if (!nested) return VM_BLOCKED;                                             \
            NESTED_BLOCKED();                                                           \
        }                                                                               \
    } while (0)
/* NESTED_BLOCKED: the goroutine blocked (or the run ended) inside a nested
 * vm_call, whose C caller cannot be suspended: the run ends with a
 * goro-viz message (sched_nested_block) and a panic unwinds the nested
 * frames so the native that called them returns at once. */
#define NESTED_BLOCKED()                                                                \
    do {                                                                                \
        SAVE_PC();                                                                      \
        if (vm->sched) sched_nested_block(vm->sched, g);                                \
        vm_panic_plain(vm, g, "goro-viz: blocking inside a function called by a library function is not supported"); \
        goto unwind;                                                                    \
    } while (0)

/* BLOCK: park here (the instruction re-executes when the goroutine runs
 * again). Blocking inside a nested vm_call is not supported: it ends the
 * run (NESTED_BLOCKED). */
#define BLOCK(reason)                                                                   \
    do {                                                                                \
        pc--;                                                                           \
        SAVE_PC();                                                                      \
        if (nested) {                                                                   \
            pc++;                                                                       \
            NESTED_BLOCKED();                                                           \
        }                                                                               \
        g->wait = (reason);                                                             \
        return VM_BLOCKED;                                                              \
    } while (0)
/* VCOPY: copy a Value as two 8-byte moves. SETI and friends store the two
 * words separately; a 16-byte load of such a register right after (STOREC
 * of `count++`'s sum) misses store forwarding and stalls ~12 cycles. */
#if defined(__GNUC__)
#define OPAQUE(x) __asm__("" : "+r"(x)) /* the compiler must not fuse the two moves */
#else
#define OPAQUE(x) ((void)0)
#endif
#define VCOPY(dst, src)                                                                 \
    do {                                                                                \
        const Value *vs_ = &(src);                                                      \
        uint64_t vu_ = vs_->u;                                                          \
        GcObj *vr_ = vs_->r;                                                            \
        OPAQUE(vu_);                                                                    \
        Value *vd_ = &(dst);                                                            \
        vd_->u = vu_;                                                                   \
        vd_->r = vr_;                                                                   \
    } while (0)
#define SETI(dst, x) ((dst) = (Value){{.i = (x)}, NULL})
#define SETU(dst, x) ((dst) = (Value){{.u = (x)}, NULL})
#define SETF64(dst, x) ((dst) = (Value){{.f = (x)}, NULL})

#if VM_COMPUTED_GOTO
#define CASE(op) L_##op:
#define DISPATCH()                                                                      \
    do {                                                                                \
        i = *pc++;                                                                      \
        goto *labels[VM_OP(i)];                                                         \
    } while (0)
#else
#define CASE(op) case OP_##op:
#define DISPATCH() goto next
#endif

static int64_t narrow(int64_t x, int kind) {
    switch (kind) {
    case RK_INT8: return (int8_t)x;
    case RK_INT16: return (int16_t)x;
    case RK_INT32: return (int32_t)x;
    case RK_UINT8: return (uint8_t)x;
    case RK_UINT16: return (uint16_t)x;
    case RK_UINT32: return (uint32_t)x;
    default: return x;
    }
}

/* Bounds errors, worded as runtime/error.go's boundsErrorFmts; a negative
 * x uses the shorter boundsNegErrorFmts form. */
enum { B_INDEX, B_SLICE_ALEN, B_SLICE_ACAP, B_SLICE_B, B_SLICE3_ACAP, B_SLICE3_B, B_SLICE3_C };
static void bounds_error(Vm *vm, Goroutine *g, int code, int64_t x, int64_t y) {
    static const char *const fmts[] = {"index out of range [%lld] with length %lld",
                                       "slice bounds out of range [:%lld] with length %lld",
                                       "slice bounds out of range [:%lld] with capacity %lld",
                                       "slice bounds out of range [%lld:%lld]",
                                       "slice bounds out of range [::%lld] with capacity %lld",
                                       "slice bounds out of range [:%lld:%lld]",
                                       "slice bounds out of range [%lld:%lld:]"};
    static const char *const negs[] = {"index out of range [%lld]",        "slice bounds out of range [:%lld]",
                                       "slice bounds out of range [:%lld]", "slice bounds out of range [%lld:]",
                                       "slice bounds out of range [::%lld]", "slice bounds out of range [:%lld:]",
                                       "slice bounds out of range [%lld::]"};
    char msg[160];
    if (x < 0) snprintf(msg, sizeof msg, negs[code], (long long)x);
    else snprintf(msg, sizeof msg, fmts[code], (long long)x, (long long)y);
    vm_panic_runtime(vm, g, "%s", msg);
}

/* decode_rune: Go's utf8.DecodeRuneInString: (0xFFFD, 1) on bad input. */
static int32_t decode_rune(const unsigned char *s, int64_t n, int *w) {
    unsigned c = s[0];
    *w = 1;
    if (c < 0x80) return (int32_t)c;
    int len = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (c >= 0xf5) len = 0;
    if (!len || n < len) return 0xFFFD;
    int32_t r = (int32_t)(c & (0x7f >> len));
    for (int k = 1; k < len; k++) {
        if ((s[k] & 0xc0) != 0x80) return 0xFFFD;
        r = (r << 6) | (s[k] & 0x3f);
    }
    if ((len == 3 && (r < 0x800 || (r >= 0xd800 && r <= 0xdfff))) || (len == 4 && (r < 0x10000 || r > 0x10ffff)))
        return 0xFFFD;
    *w = len;
    return r;
}

static int encode_rune(char *out, int64_t r) {
    if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xFFFD;
    if (r < 0x80) {
        out[0] = (char)r;
        return 1;
    }
    if (r < 0x800) {
        out[0] = (char)(0xc0 | (r >> 6));
        out[1] = (char)(0x80 | (r & 0x3f));
        return 2;
    }
    if (r < 0x10000) {
        out[0] = (char)(0xe0 | (r >> 12));
        out[1] = (char)(0x80 | ((r >> 6) & 0x3f));
        out[2] = (char)(0x80 | (r & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (r >> 18));
    out[1] = (char)(0x80 | ((r >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((r >> 6) & 0x3f));
    out[3] = (char)(0x80 | (r & 0x3f));
    return 4;
}

/* Go 1.19's malloc size classes (runtime/sizeclasses.go class_to_size):
 * append rounds a grown backing array up to one, which cap() shows. */
static const uint16_t size_classes[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,   192,
    208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,   576,   640,
    704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,  3072,  3200,
    3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288,
    13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

/* roundupsize: runtime.roundupsize: the allocation size Go really uses. */
static uint64_t roundupsize(uint64_t n) {
    if (n < 32768) {
        for (size_t k = 0; k < sizeof size_classes / sizeof *size_classes; k++)
            if (size_classes[k] >= n) return size_classes[k];
    }
    return (n + 8191) & ~(uint64_t)8191;
}

/* grow_backing: a new backing array of slice type [st] holding [s]'s
 * elements with room for [need], its capacity chosen exactly as Go 1.19's
 * growslice does (double below 256, then +(cap+768)/4, then rounded up to a
 * malloc size class). */
static AggObj *grow_backing(Vm *vm, const RType *st, SliceObj *s, int64_t need, int64_t *newcap) {
    int64_t old = s ? s->cap : 0;
    int64_t nc = old;
    if (need > 2 * old) nc = need;
    else if (old < 256) nc = 2 * old;
    else {
        while (nc > 0 && nc < need) nc += (nc + 3 * 256) / 4;
        if (nc <= 0) nc = need;
    }
    int64_t es = st->elem ? st->elem->size : 8;
    if (es > 0) nc = (int64_t)(roundupsize((uint64_t)(nc * es)) / (uint64_t)es);
    AggObj *arr = vm_new_agg(vm, st, nc);
    int64_t len = s ? s->len : 0;
    if (s) memcpy(arr->v, s->arr->v + s->off, sizeof(Value) * (size_t)len);
    if (vm_is_agg(st->elem)) {
        /* The old slice keeps its elements: the new array gets copies, and
         * zero values past len, which a reslice can reach. */
        vm_push_root(vm, &arr->h);
        for (int64_t k = 0; k < len; k++) arr->v[k].r = &vm_clone(vm, (AggObj *)arr->v[k].r)->h;
        for (int64_t k = len; k < nc; k++) arr->v[k] = vm_zero(vm, st->elem);
        vm_pop_roots(vm, 1);
    }
    *newcap = nc;
    return arr;
}

GORO_HOT static int execute(Vm *vm, Goroutine *g, int stop, int nested, int64_t budget) {
#if VM_COMPUTED_GOTO
    static const void *const labels[] = {
#define OP_LABEL(name, fmt) &&L_##name,
        VM_OPCODES(OP_LABEL)
#undef OP_LABEL
    };
#endif
    Frame *f;
    const Instr *pc;
    Value *R;
    const Value *K;
    Instr i;
    LOAD_FRAME();
#if VM_COMPUTED_GOTO
    DISPATCH();
#else
next:
    i = *pc++;
    switch ((VmOp)VM_OP(i)) {
#endif

    CASE(NOP) DISPATCH();
    CASE(EXTRA) DISPATCH();
    CASE(MOVE) VCOPY(RA, RB); DISPATCH();
    CASE(LOADK) RA = K[BX]; DISPATCH();
    CASE(LOADI) SETI(RA, BX); DISPATCH();
    CASE(LOADNIL) RA = NIL; DISPATCH();
    CASE(ZERO) {
        SAVE_PC();
        Value z = vm_zero(vm, vm->types.items[BX]);
        RA = z;
        DISPATCH();
    }
    CASE(CLONE) {
        SAVE_PC();
        AggObj *c = vm_clone(vm, (AggObj *)RB.r);
        RA = (Value){{0}, &c->h};
        DISPATCH();
    }
    CASE(ASSIGN) {
        if (!RA.r || !RB.r) NILDEREF();
        vm_assign(vm, (AggObj *)RA.r, (AggObj *)RB.r);
        DISPATCH();
    }
    CASE(GETG) SHARED(); RA = vm->globals[BX]; DISPATCH();
    CASE(SETG) SHARED(); vm->globals[BX] = RA; DISPATCH();
    CASE(GETU) RA = f->cl->up[B]; DISPATCH();
    CASE(NEWCELL) {
        SAVE_PC();
        AggObj *c = vm_new_agg(vm, NULL, 1);
        c->v[0] = RB;
        RA = (Value){{0}, &c->h};
        DISPATCH();
    }
    /* D = 1: the cell is upvalue B (A for STOREC), not a register (a fused
     * GETU; compile_expr.c cell_up) */
    CASE(LOADC) SHARED(); VCOPY(RA, ((AggObj *)(D ? f->cl->up[B] : RB).r)->v[0]); DISPATCH();
    CASE(STOREC) SHARED(); VCOPY(((AggObj *)(D ? f->cl->up[A] : RA).r)->v[0], RB); DISPATCH();

    CASE(ADD) SETU(RA, RB.u + RC.u); DISPATCH();
    CASE(SUB) SETU(RA, RB.u - RC.u); DISPATCH();
    CASE(MUL) SETU(RA, RB.u * RC.u); DISPATCH();
    CASE(DIV) {
        int64_t y = RC.i;
        if (UNLIKELY(y == 0)) THROW("integer divide by zero");
        SETI(RA, y == -1 ? (int64_t)(0 - RB.u) : RB.i / y);
        DISPATCH();
    }
    CASE(MOD) {
        int64_t y = RC.i;
        if (UNLIKELY(y == 0)) THROW("integer divide by zero");
        SETI(RA, y == -1 ? 0 : RB.i % y);
        DISPATCH();
    }
    CASE(DIVU) {
        if (UNLIKELY(RC.u == 0)) THROW("integer divide by zero");
        SETU(RA, RB.u / RC.u);
        DISPATCH();
    }
    CASE(MODU) {
        if (UNLIKELY(RC.u == 0)) THROW("integer divide by zero");
        SETU(RA, RB.u % RC.u);
        DISPATCH();
    }
    CASE(AND) SETU(RA, RB.u & RC.u); DISPATCH();
    CASE(OR) SETU(RA, RB.u | RC.u); DISPATCH();
    CASE(XOR) SETU(RA, RB.u ^ RC.u); DISPATCH();
    CASE(ANDNOT) SETU(RA, RB.u & ~RC.u); DISPATCH();
    CASE(SHL) {
        if (UNLIKELY(RC.i < 0) && !D) THROW("negative shift amount");
        SETU(RA, RC.u >= 64 ? 0 : RB.u << RC.u);
        DISPATCH();
    }
    CASE(SHR) {
        if (UNLIKELY(RC.i < 0) && !D) THROW("negative shift amount");
        SETI(RA, RC.u >= 64 ? (RB.i < 0 ? -1 : 0) : RB.i >> RC.u);
        DISPATCH();
    }
    CASE(SHRU) {
        if (UNLIKELY(RC.i < 0) && !D) THROW("negative shift amount");
        SETU(RA, RC.u >= 64 ? 0 : RB.u >> RC.u);
        DISPATCH();
    }
    CASE(NEG) SETU(RA, 0 - RB.u); DISPATCH();
    CASE(BNOT) SETU(RA, ~RB.u); DISPATCH();
    CASE(NOT) SETI(RA, !RB.i); DISPATCH();
    CASE(ADDI) SETU(RA, RB.u + (uint64_t)(int64_t)(int16_t)C); DISPATCH();
    CASE(MULK) SETU(RA, RB.u * K[C].u); DISPATCH();
    CASE(DIVK) {
        int64_t y = K[C].i;
        SETI(RA, y == -1 ? (int64_t)(0 - RB.u) : RB.i / y);
        DISPATCH();
    }
    CASE(MODK) {
        int64_t y = K[C].i;
        SETI(RA, y == -1 ? 0 : RB.i % y);
        DISPATCH();
    }
    CASE(TRUNC) SETI(RA, narrow(RB.i, D)); DISPATCH();

    CASE(FADD) SETF64(RA, RB.f + RC.f); DISPATCH();
    CASE(FSUB) SETF64(RA, RB.f - RC.f); DISPATCH();
    CASE(FMUL) SETF64(RA, RB.f * RC.f); DISPATCH();
    CASE(FDIV) SETF64(RA, RB.f / RC.f); DISPATCH();
    CASE(FNEG) SETF64(RA, -RB.f); DISPATCH();
    CASE(F32) SETF64(RA, (double)(float)RB.f); DISPATCH();
    CASE(ITOF) SETF64(RA, D ? (double)RB.u : (double)RB.i); DISPATCH();
    CASE(FTOI) {
        /* Go leaves out-of-range conversions implementation-defined; amd64
         * yields 0x8000000000000000, which we copy rather than invoking UB. */
        double x = RB.f;
        int64_t r;
        if (x != x || x >= 9223372036854775808.0 || x < -9223372036854775808.0) {
            if (D == RK_UINT64 || D == RK_UINT || D == RK_UINTPTR) {
                r = (x == x && x >= 0 && x < 18446744073709551616.0) ? (int64_t)(uint64_t)x : INT64_MIN;
            } else r = INT64_MIN;
        } else r = (int64_t)x;
        SETI(RA, narrow(r, D));
        DISPATCH();
    }

    CASE(EQ) SETI(RA, RB.u == RC.u && RB.r == RC.r); DISPATCH();
    CASE(NE) SETI(RA, !(RB.u == RC.u && RB.r == RC.r)); DISPATCH();
    CASE(LT) SETI(RA, RB.i < RC.i); DISPATCH();
    CASE(LE) SETI(RA, RB.i <= RC.i); DISPATCH();
    CASE(LTU) SETI(RA, RB.u < RC.u); DISPATCH();
    CASE(LEU) SETI(RA, RB.u <= RC.u); DISPATCH();
    CASE(FEQ) SETI(RA, RB.f == RC.f); DISPATCH();
    CASE(FNE) SETI(RA, RB.f != RC.f); DISPATCH();
    CASE(FLT) SETI(RA, RB.f < RC.f); DISPATCH();
    CASE(FLE) SETI(RA, RB.f <= RC.f); DISPATCH();
    CASE(SEQ) SETI(RA, vm_str_eq(RB, RC)); DISPATCH();
    CASE(SNE) SETI(RA, !vm_str_eq(RB, RC)); DISPATCH();
    CASE(SLT) SETI(RA, vm_str_cmp(RB, RC) < 0); DISPATCH();
    CASE(SLE) SETI(RA, vm_str_cmp(RB, RC) <= 0); DISPATCH();
    CASE(EQV) {
        const RType *t = XTYPE(), *bad = NULL;
        pc++;
        int eq = vm_equal(t, RB, RC, &bad);
        if (bad) THROW("comparing uncomparable type %s", bad->str);
        SETI(RA, eq);
        DISPATCH();
    }

    CASE(JMP) {
        int32_t off = BX;
        pc += off;
        if (off < 0 && UNLIKELY(--budget <= 0)) {
            SAVE_PC();
            return VM_BUDGET;
        }
        DISPATCH();
    }
#define BRANCH(cond)                                                                    \
    do {                                                                                \
        if (cond) {                                                                     \
            int16_t off = (int16_t)C;                                                   \
            pc += off;                                                                  \
            if (off < 0 && UNLIKELY(--budget <= 0)) {                                   \
                SAVE_PC();                                                              \
                return VM_BUDGET;                                                       \
            }                                                                           \
        }                                                                               \
        DISPATCH();                                                                     \
    } while (0)
    CASE(BLT) BRANCH(RA.i < RB.i);
    CASE(BLE) BRANCH(RA.i <= RB.i);
    CASE(BLTK) BRANCH(RA.i < K[B].i);
    CASE(BLEK) BRANCH(RA.i <= K[B].i);
    CASE(BGTK) BRANCH(RA.i > K[B].i);
    CASE(BGEK) BRANCH(RA.i >= K[B].i);
    /* JT/JF close loops too (a bottom test of `a || b`): a taken backward
     * jump counts against the budget like JMP, or such a loop never yields. */
#define JUMP_IF(cond)                                                                   \
    do {                                                                                \
        if (cond) {                                                                     \
            int32_t off = BX;                                                           \
            pc += off;                                                                  \
            if (off < 0 && UNLIKELY(--budget <= 0)) {                                   \
                SAVE_PC();                                                              \
                return VM_BUDGET;                                                       \
            }                                                                           \
        }                                                                               \
        DISPATCH();                                                                     \
    } while (0)
    CASE(JT) JUMP_IF(RA.i);
    CASE(JF) JUMP_IF(!RA.i);

    CASE(CALL) {
        int a = A;
        ClosureObj *cl = (ClosureObj *)R[a].r;
        SAVE_PC();
        if (UNLIKELY(!cl)) NILDEREF();
        if (cl->p->native) {
            int fi = g->nframes - 1, nargs = B, nres = C;
            GORO_ASSERT(nargs <= VM_MAX_NATIVE_ARGS && nres <= VM_MAX_NATIVE_RES);
            /* The native may run Go code (vm_call) that moves the stack, so
             * it sees copies; the originals stay in R as GC roots. */
            Value argv[VM_MAX_NATIVE_ARGS], resv[VM_MAX_NATIVE_RES];
            if (nargs <= 2) { /* a Lock/Unlock/Done call: no rep movs for one Value */
                if (nargs > 0) argv[0] = R[a + 1];
                if (nargs > 1) argv[1] = R[a + 2];
            } else memcpy(argv, R + a + 1, sizeof(Value) * (size_t)nargs);
            int st = cl->p->native(vm, g, argv, nargs, resv);
            f = &g->frames[fi];
            R = g->stack + f->base;
            if (st == VM_RAISE) goto unwind;
            if (st == VM_EXIT) return VM_EXIT;
            if (st == VM_BLOCKED || UNLIKELY(vm->sched && vm->sched->done)) {
                /* parked, or the run ended under a nested call */
                if (nested) NESTED_BLOCKED();
                return VM_BLOCKED;
            }
            for (int k = 0; k < nres; k++) R[a + k] = resv[k];
            if (st == VM_BUDGET && !nested) return VM_BUDGET; /* runtime.Gosched */
            DISPATCH();
        }
        int base = f->base + a + 1;
        if (UNLIKELY(base + 2 * cl->p->nregs + 2 > VM_MAX_STACK)) {
            /* Go's 1 GB stack limit: a fatal error, not a panic. */
            g->fatal = 1; /* "stack overflow" */
            g->dead = 1;
            return VM_PANICKED;
        }
        push_frame(g, cl, base, C, 0);
        LOAD_FRAME();
        if (UNLIKELY(--budget <= 0)) {
            SAVE_PC();
            return VM_BUDGET;
        }
        DISPATCH();
    }
    CASE(RET) {
        int a = A, n = B;
        int dst = f->base - 1, nret = f->nret, flags = f->flags;
        GORO_ASSERT(!f->defers);
        Value *out = nret ? g->stack + dst : NULL; /* an entry frame at base 0 has none */
        for (int k = 0; k < nret; k++) out[k] = k < n ? R[a + k] : NIL;
        g->nframes--;
        if (g->nframes == stop) {
            if (!nested) {
                g->has_result = nret > 0; /* at out = stack[0..nret) */
                g->dead = 1;
                return VM_DONE;
            }
            return VM_OK;
        }
        LOAD_FRAME();
        if ((flags & FR_DEFERRED) && (f->flags & FR_UNWINDING)) goto unwind;
        DISPATCH();
    }
    CASE(CLOSURE) {
        const Proto *p = vm->protos.items[BX];
        SAVE_PC();
        ClosureObj *c = vm_closure(vm, p, p->nupvals);
        for (int k = 0; k < p->nupvals; k++)
            c->up[k] = p->upvals[k].from_up ? f->cl->up[p->upvals[k].index] : R[p->upvals[k].index];
        RA = (Value){{0}, &c->h};
        DISPATCH();
    }
    CASE(DEFER) {
        int n = B;
        DeferRec *d = mem_alloc(sizeof *d + sizeof(Value) * (size_t)n);
        d->nargs = n;
        d->fn = RA;
        memcpy(d->args, &R[A + 1], sizeof(Value) * (size_t)n);
        d->next = f->defers;
        f->defers = d;
        DISPATCH();
    }
    CASE(GO) {
        ClosureObj *cl = (ClosureObj *)RA.r;
        SAVE_PC();
        if (UNLIKELY(!cl)) NILDEREF();
        if (cl->p->native && !vm->sched) {
            vm_panic_plain(vm, g, "goro-viz: go with a library function is not supported");
            goto unwind;
        }
        vm->spawned = vm->sched ? sched_new_goroutine(vm, RA, &R[A + 1], B) : vm_goroutine_new(vm, RA, &R[A + 1], B);
        if (nested) DISPATCH(); /* no switching inside fmt's method calls */
        return VM_SPAWNED;
    }
    CASE(RUNDEFERS) {
        if (!f->defers) DISPATCH();
        pc--; /* come back here when the deferred call returns */
        SAVE_PC();
        int st = start_defer(vm, g, f);
        if (st < 0) goto unwind;
        if (st == 2 || UNLIKELY(vm->sched && vm->sched->done)) {
            /* parked (defer mu.Lock()) or yielded: resume at this RUNDEFERS */
            if (nested) NESTED_BLOCKED();
            return VM_BLOCKED;
        }
        LOAD_FRAME();
        DISPATCH();
    }
    CASE(PANIC) {
        SAVE_PC();
        Value v = RA;
        if (!v.r) {
            vm_panic_plain(vm, g, "panic called with nil argument (use runtime.PanicNilError)");
        } else vm_panic_value(vm, g, v);
        goto unwind;
    }
    CASE(RECOVER) {
        /* recover() works only in a function deferred by a panicking frame. */
        Value v = NIL;
        if ((f->flags & FR_DEFERRED) && g->nframes >= 2 && (g->frames[g->nframes - 2].flags & FR_UNWINDING) &&
            g->panic && !g->panic->recovered) {
            g->panic->recovered = 1;
            v = g->panic->val;
        }
        RA = v;
        DISPATCH();
    }

    CASE(CONCAT) {
        SAVE_PC();
        Value s = vm_concat(vm, RB, RC);
        RA = s;
        DISPATCH();
    }
    CASE(SINDEX) {
        int64_t n = vm_str_len(RB), x = RC.i;
        if (UNLIKELY((uint64_t)x >= (uint64_t)n)) BOUNDS(B_INDEX, x, n);
        SETI(RA, (unsigned char)vm_str_data(RB)[x]);
        DISPATCH();
    }
    CASE(NEXTRUNE) {
        int64_t n = vm_str_len(RB), x = RC.i;
        int w = 1;
        int32_t r = decode_rune((const unsigned char *)vm_str_data(RB) + x, n - x, &w);
        SETI(R[A], r);
        SETI(R[A + 1], w);
        DISPATCH();
    }
    CASE(RUNESTR) {
        char buf[4];
        SAVE_PC();
        int n = encode_rune(buf, RB.i);
        RA = vm_str(vm, buf, n);
        DISPATCH();
    }
    CASE(STOBYTES)
    CASE(STORUNES) {
        const RType *st = vm->types.items[C];
        int runes = VM_OP(i) == OP_STORUNES;
        Value s = RB;
        int64_t n = vm_str_len(s), cnt = n;
        const unsigned char *p = (const unsigned char *)vm_str_data(s);
        if (runes) {
            cnt = 0;
            for (int64_t k = 0; k < n;) {
                int w;
                decode_rune(p + k, n - k, &w);
                k += w;
                cnt++;
            }
        }
        SAVE_PC();
        vm_push_root(vm, s.r);
        AggObj *arr = vm_new_agg(vm, st, cnt);
        vm_pop_roots(vm, 1);
        p = (const unsigned char *)vm_str_data(s);
        for (int64_t k = 0, j = 0; k < n; j++) {
            int w = 1;
            int32_t r = runes ? decode_rune(p + k, n - k, &w) : p[k];
            SETI(arr->v[j], r);
            k += w;
        }
        RA = cnt ? vm_new_slice(vm, arr, 0, cnt, cnt) : vm_new_slice(vm, arr, 0, 0, 0);
        DISPATCH();
    }
    CASE(BYTESTOS)
    CASE(RUNESTOS) {
        SliceObj *s = (SliceObj *)RB.r;
        int runes = VM_OP(i) == OP_RUNESTOS;
        int64_t n = s ? s->len : 0, len = 0;
        char *buf = mem_alloc((size_t)(n * 4 + 1));
        for (int64_t k = 0; k < n; k++) {
            int64_t x = s->arr->v[s->off + k].i;
            if (runes) len += encode_rune(buf + len, x);
            else buf[len++] = (char)x;
        }
        SAVE_PC();
        RA = vm_str(vm, buf, len);
        mem_free(buf, (size_t)(n * 4 + 1));
        DISPATCH();
    }

    CASE(LEN) {
        Value x = RB;
        int64_t n = 0;
        switch (D) {
        case 0: n = vm_str_len(x); break;
        case 1: n = x.r ? ((SliceObj *)x.r)->len : 0; break;
        case 2: n = x.r ? ((MapObj *)x.r)->count : 0; break;
        case 4: n = x.r ? ((ChanObj *)x.r)->len : 0; break;
        default: n = x.r ? ((AggObj *)x.r)->n : 0; break;
        }
        SETI(RA, n);
        DISPATCH();
    }
    CASE(CAP) {
        Value x = RB;
        SETI(RA, !x.r ? 0 : D == 1 ? ((SliceObj *)x.r)->cap : D == 4 ? ((ChanObj *)x.r)->cap : ((AggObj *)x.r)->n);
        DISPATCH();
    }
    CASE(GETF) {
        AggObj *o = (AggObj *)RB.r;
        if (UNLIKELY(!o)) NILDEREF();
        SHARED();
        RA = o->v[C];
        DISPATCH();
    }
    CASE(SETF) {
        AggObj *o = (AggObj *)RA.r;
        if (UNLIKELY(!o)) NILDEREF();
        SHARED();
        o->v[B] = RC;
        DISPATCH();
    }
    CASE(FIELDPTR) {
        if (UNLIKELY(!RB.r)) NILDEREF();
        RA = (Value){{.i = C}, RB.r};
        DISPATCH();
    }
    CASE(GETE) {
        AggObj *o = (AggObj *)RB.r;
        int64_t x = RC.i;
        if (UNLIKELY(!o)) NILDEREF();
        if (UNLIKELY((uint64_t)x >= (uint64_t)o->n)) BOUNDS(B_INDEX, x, o->n);
        SHARED();
        RA = o->v[x];
        DISPATCH();
    }
    CASE(SETE) {
        AggObj *o = (AggObj *)RA.r;
        int64_t x = RB.i;
        if (UNLIKELY(!o)) NILDEREF();
        if (UNLIKELY((uint64_t)x >= (uint64_t)o->n)) BOUNDS(B_INDEX, x, o->n);
        SHARED();
        o->v[x] = RC;
        DISPATCH();
    }
    CASE(ELEMPTR) {
        AggObj *o = (AggObj *)RB.r;
        int64_t x = RC.i;
        if (UNLIKELY(!o)) NILDEREF();
        if (UNLIKELY((uint64_t)x >= (uint64_t)o->n)) BOUNDS(B_INDEX, x, o->n);
        RA = (Value){{.i = x}, &o->h};
        DISPATCH();
    }
    CASE(SGET) {
        SliceObj *s = (SliceObj *)RB.r;
        int64_t x = RC.i, n = s ? s->len : 0;
        if (UNLIKELY((uint64_t)x >= (uint64_t)n)) BOUNDS(B_INDEX, x, n);
        SHARED();
        RA = s->arr->v[s->off + x];
        DISPATCH();
    }
    CASE(SSET) {
        SliceObj *s = (SliceObj *)RA.r;
        int64_t x = RB.i, n = s ? s->len : 0;
        if (UNLIKELY((uint64_t)x >= (uint64_t)n)) BOUNDS(B_INDEX, x, n);
        SHARED();
        s->arr->v[s->off + x] = RC;
        DISPATCH();
    }
    CASE(SELEMPTR) {
        SliceObj *s = (SliceObj *)RB.r;
        int64_t x = RC.i, n = s ? s->len : 0;
        if (UNLIKELY((uint64_t)x >= (uint64_t)n)) BOUNDS(B_INDEX, x, n);
        RA = (Value){{.i = s->off + x}, &s->arr->h};
        DISPATCH();
    }
    CASE(NILCHK) if (UNLIKELY(!RA.r)) NILDEREF(); DISPATCH();
    CASE(LOAD) {
        AggObj *o = (AggObj *)RB.r;
        if (UNLIKELY(!o)) NILDEREF();
        SHARED();
        RA = o->v[RB.i];
        DISPATCH();
    }
    CASE(STORE) {
        AggObj *o = (AggObj *)RA.r;
        if (UNLIKELY(!o)) NILDEREF();
        SHARED();
        o->v[RA.i] = RB;
        DISPATCH();
    }
    CASE(SLICE) {
        int d = D, c = C;
        Value x = RB;
        int64_t len, cap;
        if (d & 8) len = cap = vm_str_len(x);
        else if (d & 16) {
            if (!x.r) NILDEREF();
            len = cap = ((AggObj *)x.r)->n;
        } else {
            SliceObj *s = (SliceObj *)x.r;
            len = s ? s->len : 0;
            cap = s ? s->cap : 0;
        }
        int64_t lo = (d & 1) ? R[c].i : 0;
        int64_t hi = (d & 2) ? R[c + 1].i : len;
        int64_t max = (d & 4) ? R[c + 2].i : cap;
        if (d & 8) {
            if (hi < 0 || hi > len) BOUNDS(B_SLICE_ALEN, hi, len);
            if (lo < 0 || lo > hi) BOUNDS(B_SLICE_B, lo, hi);
            if (lo == hi) {
                RA = NIL;
                DISPATCH();
            }
            Value r = x;
            int64_t off = (int64_t)(x.u & 0xffffffffu) + lo;
            r.u = (uint64_t)off | (uint64_t)(hi - lo) << 32;
            RA = r;
            DISPATCH();
        }
        if (d & 4) {
            if (max < 0 || max > cap) BOUNDS(B_SLICE3_ACAP, max, cap);
            if (hi < 0 || hi > max) BOUNDS(B_SLICE3_B, hi, max);
            if (lo < 0 || lo > hi) BOUNDS(B_SLICE3_C, lo, hi);
        } else if (hi < 0 || hi > cap) {
            BOUNDS((d & 16) ? B_SLICE_ALEN : B_SLICE_ACAP, hi, cap);
        }
        if (lo < 0 || lo > hi) BOUNDS(B_SLICE_B, lo, hi);
        SAVE_PC();
        if (d & 16) {
            RA = vm_new_slice(vm, (AggObj *)x.r, lo, hi - lo, max - lo);
        } else if (!x.r) {
            RA = NIL;
        } else {
            SliceObj *s = (SliceObj *)x.r;
            RA = vm_new_slice(vm, s->arr, s->off + lo, hi - lo, max - lo);
        }
        DISPATCH();
    }
    CASE(MAKESLICE) {
        const RType *t = XTYPE();
        pc++;
        int64_t len = RB.i, cap = C == 0xffff ? len : RC.i;
        if (len < 0 || len > ((int64_t)1 << 40)) THROW("makeslice: len out of range");
        if (cap < len || cap > ((int64_t)1 << 40)) THROW("makeslice: cap out of range");
        SAVE_PC();
        AggObj *arr = vm_new_agg(vm, t, cap);
        if (vm_is_agg(t->elem)) {
            vm_push_root(vm, &arr->h);
            for (int64_t k = 0; k < cap; k++) arr->v[k] = vm_zero(vm, t->elem);
            vm_pop_roots(vm, 1);
        }
        RA = vm_new_slice(vm, arr, 0, len, cap);
        DISPATCH();
    }
    CASE(SLICELIT) {
        const RType *t = XTYPE();
        pc++;
        int n = C;
        SAVE_PC();
        AggObj *arr = vm_new_agg(vm, t, n);
        memcpy(arr->v, &R[B], sizeof(Value) * (size_t)n);
        RA = vm_new_slice(vm, arr, 0, n, n);
        DISPATCH();
    }
    CASE(APPEND)
    CASE(APPENDSL) {
        const RType *t = XTYPE();
        pc++;
        SliceObj *s = (SliceObj *)RA.r;
        int spread = VM_OP(i) == OP_APPENDSL;
        int64_t n;
        Value src = RB;
        int src_is_str = 0;
        if (!spread) n = C;
        else if (src.r && src.r->kind == GC_STRING) {
            n = vm_str_len(src);
            src_is_str = 1;
        } else n = src.r ? ((SliceObj *)src.r)->len : 0;
        int64_t len = s ? s->len : 0;
        if (n == 0) {
            DISPATCH();
        }
        SAVE_PC();
        AggObj *arr;
        int64_t off, cap;
        if (s && len + n <= s->cap) {
            arr = s->arr;
            off = s->off;
            cap = s->cap;
        } else {
            arr = grow_backing(vm, t, s, len + n, &cap);
            off = 0;
        }
        Value *dst = arr->v + off + len;
        if (!spread) memcpy(dst, &R[B], sizeof(Value) * (size_t)n);
        else if (src_is_str) {
            const unsigned char *p = (const unsigned char *)vm_str_data(src);
            for (int64_t k = 0; k < n; k++) SETI(dst[k], p[k]);
        } else {
            SliceObj *ss = (SliceObj *)src.r;
            memmove(dst, ss->arr->v + ss->off, sizeof(Value) * (size_t)n);
            if (vm_is_agg(t->elem)) {
                /* Struct/array elements are values: the appended ones are
                 * copies (explicit elements arrive copied by the compiler). */
                vm_push_root(vm, &arr->h);
                for (int64_t k = 0; k < n; k++) dst[k].r = &vm_clone(vm, (AggObj *)dst[k].r)->h;
                vm_pop_roots(vm, 1);
            }
        }
        RA = vm_new_slice(vm, arr, off, len + n, cap);
        DISPATCH();
    }
    CASE(COPY) {
        SliceObj *d = (SliceObj *)RB.r;
        Value src = RC;
        int64_t dn = d ? d->len : 0, n;
        if (src.r && src.r->kind == GC_STRING) {
            n = vm_str_len(src) < dn ? vm_str_len(src) : dn;
            const unsigned char *p = (const unsigned char *)vm_str_data(src);
            for (int64_t k = 0; k < n; k++) SETI(d->arr->v[d->off + k], p[k]);
        } else {
            SliceObj *s = (SliceObj *)src.r;
            int64_t sn = s ? s->len : 0;
            n = sn < dn ? sn : dn;
            if (n && vm_is_agg(vm_slot_type(d->arr, d->off))) {
                /* copy() of structs/arrays assigns in place, in memmove's
                 * direction when the two share a backing array. */
                Value *dv = d->arr->v + d->off, *sv = s->arr->v + s->off;
                if (dv > sv)
                    for (int64_t k = n - 1; k >= 0; k--) vm_assign(vm, (AggObj *)dv[k].r, (AggObj *)sv[k].r);
                else
                    for (int64_t k = 0; k < n; k++) vm_assign(vm, (AggObj *)dv[k].r, (AggObj *)sv[k].r);
            } else if (n) memmove(d->arr->v + d->off, s->arr->v + s->off, sizeof(Value) * (size_t)n);
        }
        SETI(RA, n);
        DISPATCH();
    }

    CASE(MAKEMAP) {
        const RType *t = XTYPE();
        pc++;
        SAVE_PC();
        MapObj *m = vm_map_new(vm, t, RB.i);
        RA = (Value){{0}, &m->h};
        DISPATCH();
    }
    CASE(MGET)
    CASE(MGET2) {
        SHARED(); /* before skipping the EXTRA word: a preempted MGET re-runs */
        const RType *t = XTYPE();
        pc++;
        Value *v = vm_map_get((MapObj *)RB.r, RC);
        int a = A;
        if (v) R[a] = *v;
        else {
            SAVE_PC();
            R[a] = vm_zero(vm, t->elem);
        }
        if (VM_OP(i) == OP_MGET2) SETI(R[a + 1], v != NULL);
        DISPATCH();
    }
    CASE(MSET) {
        MapObj *m = (MapObj *)RA.r;
        if (UNLIKELY(!m)) {
            SAVE_PC();
            vm_panic_plain(vm, g, "assignment to entry in nil map");
            goto unwind;
        }
        SHARED();
        const RType *bad = NULL;
        if (vm_map_set(vm, m, RB, RC, &bad) < 0) THROW("hash of unhashable type %s", bad->str);
        DISPATCH();
    }
    CASE(MDEL) SHARED(); vm_map_delete((MapObj *)RA.r, RB); DISPATCH();
    CASE(MITER) {
        SAVE_PC();
        AggObj *it = vm_map_keys(vm, (MapObj *)RB.r, 2);
        it->v[0] = RB;
        SETI(it->v[1], 2);
        RA = (Value){{0}, &it->h};
        DISPATCH();
    }
    CASE(MNEXT) {
        AggObj *it = (AggObj *)RB.r;
        MapObj *m = (MapObj *)it->v[0].r;
        int a = A;
        SHARED();
        SETI(R[a], 0);
        while (it->v[1].i < it->n) {
            Value k = it->v[it->v[1].i++];
            Value *v = vm_map_get(m, k);
            if (!v) continue; /* deleted during the loop: skipped, as Go does */
            SETI(R[a], 1);
            R[a + 1] = k;
            R[a + 2] = *v;
            break;
        }
        DISPATCH();
    }

    CASE(MAKECHAN) {
        const RType *t = XTYPE();
        pc++;
        if (RB.i < 0 || RB.i > ((int64_t)1 << 32)) {
            SAVE_PC();
            vm_panic_plain(vm, g, "makechan: size out of range");
            goto unwind;
        }
        SAVE_PC();
        RA = (Value){{0}, &vm_chan_new(vm, t, RB.i)->h};
        if (vm->sched) {
            int nk = VM_C(pc[-2]);
            chan_made(vm, g, (ChanObj *)RA.r, nk ? vm_str_data(K[nk - 1]) : NULL, nk ? vm_str_len(K[nk - 1]) : 0);
        }
        DISPATCH();
    }
    CASE(SEND) {
        if (vm->sched) {
            SHARED();
            SCHED_OP(chan_send(vm, g, RA, RB));
            DISPATCH();
        }
        ChanObj *c = (ChanObj *)RA.r;
        if (!c) BLOCK("chan send (nil chan)");
        SHARED();
        int r = vm_chan_try_send(c, RB);
        if (r < 0) {
            SAVE_PC();
            vm_panic_plain(vm, g, "send on closed channel");
            goto unwind;
        }
        if (r == 0) BLOCK("chan send");
        DISPATCH();
    }
    CASE(RECV)
    CASE(RECV2) {
        ChanObj *c = (ChanObj *)RB.r;
        int a = A, two = VM_OP(i) == OP_RECV2;
        if (vm->sched) {
            SHARED();
            SCHED_OP(chan_recv(vm, g, RB, f->base + a, two));
            DISPATCH();
        }
        if (!c) BLOCK("chan receive (nil chan)");
        SHARED();
        Value v;
        int ok;
        SAVE_PC();
        if (!vm_chan_try_recv(vm, c, &v, &ok)) BLOCK("chan receive");
        R[a] = v;
        if (two) SETI(R[a + 1], ok);
        DISPATCH();
    }
    CASE(CLOSE) {
        if (vm->sched) {
            SHARED();
            SCHED_OP(chan_close(vm, g, RA));
            DISPATCH();
        }
        ChanObj *c = (ChanObj *)RA.r;
        SAVE_PC();
        if (!c) {
            vm_panic_plain(vm, g, "close of nil channel");
            goto unwind;
        }
        if (c->closed) {
            vm_panic_plain(vm, g, "close of closed channel");
            goto unwind;
        }
        c->closed = 1;
        DISPATCH();
    }
    CASE(SELECT) {
        int a = A, b = B, n = C, has_default = D & 1;
        uint32_t sends = (uint32_t)VM_BX(*pc);
        pc++;
        if (vm->sched) {
            SCHED_OP(chan_select(vm, g, f->base + a, f->base + b, n, has_default, sends));
            DISPATCH();
        }
        int ready[32], nready = 0;
        for (int k = 0; k < n && k < 32; k++) {
            ChanObj *c = (ChanObj *)R[b + 2 * k].r;
            if (!c) continue; /* a nil channel is never ready */
            if ((sends >> k) & 1) {
                if (c->closed || c->len < c->cap) ready[nready++] = k;
            } else if (c->len > 0 || c->closed) ready[nready++] = k;
        }
        if (nready == 0) {
            if (has_default) {
                SETI(R[a], -1);
                DISPATCH();
            }
            pc--; /* BLOCK re-steps back over the EXTRA word too */
            BLOCK(n ? "select" : "select (no cases)");
        }
        SHARED();
        /* Which ready case runs is the run's choice, as Go picks uniformly. */
        int k = ready[nready > 1 ? (int)prng_below(&vm->prng, (uint64_t)nready) : 0];
        ChanObj *c = (ChanObj *)R[b + 2 * k].r;
        SAVE_PC();
        if ((sends >> k) & 1) {
            if (vm_chan_try_send(c, R[b + 2 * k + 1]) < 0) {
                vm_panic_plain(vm, g, "send on closed channel");
                goto unwind;
            }
        } else {
            Value v;
            int ok;
            vm_chan_try_recv(vm, c, &v, &ok);
            R[a + 1] = v;
            SETI(R[a + 2], ok);
        }
        SETI(R[a], k);
        DISPATCH();
    }
    CASE(BOX) {
        SAVE_PC();
        RA = vm_box(vm, vm->types.items[C], RB);
        DISPATCH();
    }
    CASE(ASSERT)
    CASE(ASSERT2)
    CASE(TYPEIS) {
        int op = VM_OP(i), a = A;
        BoxObj *b = (BoxObj *)RB.r;
        const RType *t = C == 0xffff ? NULL : vm->types.items[C];
        int ok;
        if (!t) ok = b == NULL;
        else if (!b) ok = 0;
        else if (t->kind == RK_IFACE) ok = vm_implements(b->t, t);
        else ok = b->t == t;
        if (op == OP_TYPEIS) {
            SETI(R[a], ok);
            DISPATCH();
        }
        if (!ok && op == OP_ASSERT) {
            SAVE_PC();
            char msg[512];
            if (!b)
                snprintf(msg, sizeof msg, "interface conversion: interface is nil, not %s", t->str);
            else if (t->kind == RK_IFACE) {
                const char *miss = "?";
                for (int k = 0; k < t->nimethods; k++)
                    if (!vm_find_method(b->t, t->imethods[k])) {
                        miss = vm->names.items[t->imethods[k]];
                        break;
                    }
                snprintf(msg, sizeof msg, "interface conversion: %s is not %s: missing method %s", b->t->str, t->str, miss);
            } else
                snprintf(msg, sizeof msg, "interface conversion: interface {} is %s, not %s", b->t->str, t->str);
            vm_panic_plain(vm, g, msg);
            goto unwind;
        }
        Value v;
        if (!ok) v = t->kind == RK_IFACE ? NIL : vm_zero(vm, t);
        else if (t->kind == RK_IFACE) v = RB;
        else if (vm_is_agg(t)) {
            SAVE_PC();
            v = (Value){{0}, &vm_clone(vm, (AggObj *)b->v.r)->h};
        } else v = b->v;
        R[a] = v;
        if (op == OP_ASSERT2) SETI(R[a + 1], ok);
        DISPATCH();
    }
    CASE(METHOD) {
        BoxObj *b = (BoxObj *)RB.r;
        int a = A;
        if (UNLIKELY(!b)) NILDEREF();
        const RMethod *m = vm_find_method(b->t, C);
        if (UNLIKELY(!m)) {
            /* Only a library method without a native gets here. */
            SAVE_PC();
            char msg[256];
            snprintf(msg, sizeof msg, "goro-viz: method %s of %s is not supported yet", vm->names.items[C], b->t->str);
            vm_panic_plain(vm, g, msg);
            goto unwind;
        }
        Value recv = b->v;
        const RType *rt = b->t;
        if (m->deref) {
            /* (*T).M for a value method: the receiver is a copy of *p. */
            if (UNLIKELY(!recv.r)) NILDEREF();
            rt = rt->elem;
            if (!vm_is_agg(rt)) recv = ((AggObj *)recv.r)->v[recv.i];
        }
        if (vm_is_agg(rt)) {
            SAVE_PC();
            recv = (Value){{0}, &vm_clone(vm, (AggObj *)recv.r)->h};
        }
        R[a] = (Value){{0}, m->fn};
        R[a + 1] = recv;
        DISPATCH();
    }

    /* ---- goroutines and channels: the work is in sched.c / chan.c ---- */
#undef SCHED_OP

#if !VM_COMPUTED_GOTO
    default: GORO_ASSERT(!"bad opcode");
    }
#endif

unwind:
    /* g->panic is the newest panic; the top frame's pc is saved. */
    for (;;) {
        f = &g->frames[g->nframes - 1];
        PanicRec *p = g->panic;
        if (p->recovered && (f->flags & FR_UNWINDING)) {
            /* The deferred call that recovered has returned: this frame now
             * returns normally through its epilogue; aborted panics go too. */
            pop_panic(g);
            while (g->panic && g->panic->aborted) pop_panic(g);
            f->flags &= ~FR_UNWINDING;
            f->pc = f->p->code + f->p->ret_pc;
            LOAD_FRAME();
            DISPATCH();
        }
        if (f->defers) {
            f->flags |= FR_UNWINDING;
            int st = start_defer(vm, g, f);
            if (st == 2) NESTED_BLOCKED(); /* a deferred native parked mid-panic: cannot resume the unwinding */
            if (st > 0) {
                LOAD_FRAME();
                DISPATCH();
            }
            continue; /* a native deferred call ran (or raised a new panic) */
        }
        int flags = f->flags;
        g->nframes--;
        if ((flags & FR_DEFERRED) && g->nframes > 0 && (g->frames[g->nframes - 1].flags & FR_UNWINDING)) {
            /* A deferred call died of a new panic: the panic it was run
             * for is aborted (printed in the chain, dropped on recovery). */
            for (PanicRec *q = g->panic->link; q; q = q->link)
                if (!q->aborted) {
                    q->aborted = 1;
                    break;
                }
        }
        if (flags & FR_BOUNDARY) return VM_RAISE;
        if (g->nframes == 0) {
            g->dead = 1;
            return VM_PANICKED;
        }
    }
}
