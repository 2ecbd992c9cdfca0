/* vm: the bytecode virtual machine: values, heap objects, runtime types,
 * goroutine frame stacks, the garbage collector and the dispatch loop.
 *
 * Value model. Every Go value fits one 16-byte Value: a 64-bit word (int,
 * float bits, bool, a string's offset and length, a pointer's slot index) and
 * one reference `r` to a heap object (or NULL). The GC is precise because of
 * one rule: `r` is always NULL or a live heap object, in registers, globals
 * and heap slots alike; scalar results store NULL there.
 *   bool, ints, floats   w = value, r = NULL
 *   string               r = StrObj (NULL for ""), w = off | len << 32
 *   pointer              r = AggObj holding the pointee, w = slot index; a
 *                        pointer to a struct or array is the aggregate itself
 *                        (w = 0); nil: r = NULL
 *   struct, array        r = AggObj owned by exactly one location; assignment
 *                        copies (CLONE / ASSIGN in place), never shares
 *   slice                r = SliceObj (immutable header: backing AggObj,
 *                        off, len, cap), NULL for nil
 *   map                  r = MapObj, NULL for nil
 *   func                 r = ClosureObj, NULL for nil
 *   chan                 r = ChanObj, NULL for nil
 *   interface            r = BoxObj (dynamic type + value), NULL for nil
 * Variables a closure captures or whose address is taken live in a cell (an
 * AggObj of one slot); their register holds the cell, so &x is the cell.
 *
 * Goroutines. A Goroutine owns a growable Value stack and Frame array on the
 * heap; Go calls push a Frame and never recurse in C, so vm_run can return
 * between any two instructions (preemption, budget, blocking) and resume
 * later. Deferred calls and panics are frames too: recovery jumps the
 * recovering function to its epilogue.
 *
 * For the scheduler (what it drives and how):
 * - vm_goroutine_new(vm, fn, args) makes a goroutine (linked into
 *   vm->all_g, which is what the GC scans); vm_run(vm, g, budget) runs it
 *   until one of: VM_DONE, VM_PANICKED (print with vm_print_panic, exit 2),
 *   VM_EXIT (os.Exit), VM_BUDGET (spent [budget] backward branches and
 *   calls: a fair place to switch), VM_PREEMPTED (the next instruction loads
 *   or stores shared memory and vm->preempt reached 0: set it to the next
 *   distance drawn from the PRNG, pick who runs, resume), VM_BLOCKED (a
 *   channel operation or select cannot proceed: g->wait is Go's wait
 *   reason; pc stays on the instruction, so resuming simply
 *   retries it; a scheduler that completes the operation on the goroutine's
 *   behalf, e.g. an unbuffered hand-off, writes the result registers and
 *   advances the top frame's pc past the instruction and its EXTRA word).
 * - A go statement (if vm->has_sched was set before compiling) makes the
 *   goroutine with vm_goroutine_new and returns VM_SPAWNED with
 *   vm->spawned set; the spawning goroutine resumes after the statement.
 * - Natives may return VM_BLOCKED the same way (sync.Mutex.Lock...): the
 *   call is then complete when the goroutine resumes, the waker writes the
 *   results into the caller's result registers.
 * - The hot path costs one decrement and branch per shared access (SHARED
 *   in vm.c) and one per backward branch or call (the budget).
 *
 * Invariants:
 * - Every Value.r reachable from roots is NULL or an object on vm->objects.
 * - Stack slots at or above the top frame's register window are cleared at
 *   each collection, so stale slots never dangle.
 * - All object memory goes through vm_alloc (counts bytes, may collect);
 *   a C function holding a fresh object across another allocation pushes it
 *   with vm_push_root.
 * - No mutable globals: everything hangs off Vm (shared) or Goroutine (per
 *   goroutine), as Lua's global_State and lua_State.
 */
#ifndef GORO_VM_H
#define GORO_VM_H

#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "mem.h"
#include "opcodes.h"
#include "prng.h"

typedef struct GcObj GcObj;
typedef struct RType RType;
typedef struct Proto Proto;
typedef struct Vm Vm;
typedef struct Goroutine Goroutine;

/* Value: one Go value (see the model above). */
typedef struct Value {
    union {
        int64_t i;
        uint64_t u;
        double f;
    };
    GcObj *r;
} Value;

/* ---- heap objects ---- */

typedef enum GcKind { GC_STRING, GC_AGG, GC_SLICE, GC_MAP, GC_BOX, GC_CLOSURE, GC_CHAN } GcKind;

/* GcObj: the header of every heap object (16 bytes: a million closures).
 * The allocation size is not stored: vm_obj_size derives it from the kind
 * and the object's own length field (fixed after allocation). */
struct GcObj {
    GcObj *next;
    uint32_t seq; /* allocation number: stands in for the address in %p */
    uint8_t kind;
    uint8_t marked;
    uint16_t aux; /* a closure's upvalue count; an aggregate's home
                     bits (vm_sync.c); else 0 */
};

/* StrObj: immutable bytes; strings are (object, off, len) views into it. */
typedef struct StrObj {
    GcObj h;
    int64_t len;
    char data[];
} StrObj;

/* AggObj: n slots: a struct's fields, an array's or slice backing's elements,
 * a cell (t NULL, n 1), or a map iterator (t NULL). [t] is the struct or
 * array type (for a backing array: the slice type), which says which slots
 * hold nested aggregates that copies must deepen. */
typedef struct AggObj {
    GcObj h;
    const RType *t;
    int64_t n;
    Value v[];
} AggObj;

/* SliceObj: an immutable slice header over backing [arr]. */
typedef struct SliceObj {
    GcObj h;
    AggObj *arr;
    int64_t off, len, cap;
} SliceObj;

/* BoxObj: a non-nil interface value: dynamic type and value (aggregates are
 * private copies, so boxes are immutable and shared freely). */
typedef struct BoxObj {
    GcObj h;
    const RType *t;
    Value v;
} BoxObj;

/* ClosureObj: a function value: its proto and captured values (cells or
 * aggregates, shared with the enclosing function; or a bound receiver);
 * h.aux of them (VM_CLOSURE_N). */
typedef struct ClosureObj {
    GcObj h;
    const Proto *p;
    Value up[];
} ClosureObj;
#define VM_CLOSURE_N(c) ((int)(c)->h.aux)
#define VM_CLOSURE_MAX 65535

/* MapEntry / MapObj: an insertion-ordered hash map (entries array plus an
 * open-addressed index). Iteration snapshots the keys (see MITER), so the
 * entries array may be compacted at any time. */
typedef struct MapEntry {
    Value k, v;
    uint64_t hash;
    int live;
} MapEntry;
typedef struct MapObj {
    GcObj h;
    const RType *t; /* the map type */
    int64_t count;  /* live entries */
    MapEntry *e;    /* mem_alloc'd, ne used of ecap */
    int64_t ne, ecap;
    int32_t *index; /* icap slots: -1 empty, -2 deleted, else entry index */
    int64_t icap;
} MapObj;

/* ChanObj: a channel: a ring buffer of cap values (len of them queued from
 * head), closed flag, and [waiters], the scheduler's wait queues (opaque to
 * the VM; NULL while nobody waits). */
typedef struct ChanObj {
    GcObj h;
    const RType *t; /* the channel type */
    int64_t cap, len, head;
    int closed;
    Value *buf; /* mem_alloc'd, cap slots */
    void *waiters;
} ChanObj;

/* ---- runtime types ---- */

/* RKind: Go kinds, numbered as reflect.Kind orders the basic ones. */
typedef enum RKind {
    RK_BOOL, RK_INT, RK_INT8, RK_INT16, RK_INT32, RK_INT64,
    RK_UINT, RK_UINT8, RK_UINT16, RK_UINT32, RK_UINT64, RK_UINTPTR,
    RK_FLOAT32, RK_FLOAT64, RK_STRING, RK_PTR, RK_SLICE, RK_ARRAY, RK_STRUCT,
    RK_MAP, RK_CHAN, RK_FUNC, RK_IFACE, RK_NIL
} RKind;

typedef struct RField {
    const char *name;
    const RType *type;
    int embedded;
} RField;

/* RMethod: one method of a type's method set; [fn] is a pinned ClosureObj
 * taking the receiver as first argument. */
typedef struct RMethod {
    int name_id; /* vm_intern id */
    GcObj *fn;
    int deref; /* a value method in *T's method set: the receiver is *p */
} RMethod;

/* RType: a runtime type descriptor, owned by the Vm's arena. */
struct RType {
    RKind kind;
    int id;           /* index in vm->types */
    const char *str;  /* as %T prints it: "int", "main.T", "[]string" */
    int named;        /* a defined type (has a package-qualified name) */
    const RType *elem; /* ptr, slice, array, map value, chan */
    const RType *key;  /* map */
    int64_t len;       /* array */
    int64_t size;      /* Go's unsafe.Sizeof (append's capacity rounding uses it) */
    RField *fields;    /* struct */
    int nfields;
    RMethod *methods;  /* method set, sorted by name_id */
    int nmethods;
    int *imethods;     /* interface: required method name ids, sorted */
    int nimethods;
};

/* ---- code ---- */

/* Instr: one instruction (see opcodes.h for the encoding). */
typedef uint64_t Instr;
#define VM_OP(i) ((int)((i) & 0xff))
#define VM_A(i) ((int)(((i) >> 8) & 0xffff))
#define VM_B(i) ((int)(((i) >> 24) & 0xffff))
#define VM_C(i) ((int)(((i) >> 40) & 0xffff))
#define VM_D(i) ((int)(((i) >> 56) & 0xff))
#define VM_BX(i) ((int32_t)(uint32_t)((i) >> 24))
#define VM_MK(op, a, b, c, d)                                                           \
    ((Instr)(op) | (Instr)((a) & 0xffff) << 8 | (Instr)((b) & 0xffff) << 24 |           \
     (Instr)((c) & 0xffff) << 40 | (Instr)((d) & 0xff) << 56)
#define VM_MKX(op, a, bx) ((Instr)(op) | (Instr)((a) & 0xffff) << 8 | (Instr)(uint32_t)(bx) << 24)

/* VmStatus: what vm_run reports, and what natives return. */
typedef enum VmStatus {
    VM_OK = 0,      /* native: done, results written */
    VM_DONE,        /* the goroutine's function returned */
    VM_PREEMPTED,   /* stopped before a shared-memory access (preempt hit 0) */
    VM_BUDGET,      /* the step budget ran out (backward jumps and calls) */
    VM_BLOCKED,     /* a native parked the goroutine (channel, lock...) */
    VM_PANICKED,    /* a panic was not recovered: the goroutine is dead */
    VM_RAISE,       /* native: a panic was raised with vm_panic_* */
    VM_EXIT,        /* os.Exit / log.Fatal: the whole run ends, vm->exit_code */
    VM_SPAWNED      /* a go statement made vm->spawned; g continues after it */
} VmStatus;

/* VmNative: a Go function implemented in C. Reads [nargs] (at most
 * VM_MAX_NATIVE_ARGS) values at [args] (a copy: the originals stay on the
 * goroutine's stack as GC roots), writes its results to [res] last (a fresh
 * object stored there is not a root until the native returns), and returns
 * VM_OK, VM_RAISE after vm_panic_*, VM_BUDGET to offer a switch after the
 * call (runtime.Gosched), or VM_BLOCKED after parking the
 * goroutine (whoever wakes it writes the results into the caller's
 * registers; execution resumes after the call). Variadic arguments arrive
 * packed in a slice. */
#define VM_MAX_NATIVE_ARGS 16
#define VM_MAX_NATIVE_RES 8
typedef int (*VmNative)(Vm *vm, Goroutine *g, Value *args, int nargs, Value *res);

/* UpvalDesc: where a new closure's upvalue comes from. */
typedef struct UpvalDesc {
    uint8_t from_up; /* 1: the enclosing closure's U[index]; 0: its R[index] */
    uint16_t index;
} UpvalDesc;

/* Proto: a compiled function (or a native). Owned by the Vm. */
struct Proto {
    const char *name; /* as a Go stack trace names it: "main.f", "main.(*T).M" */
    Instr *code;
    int ncode;
    uint8_t prog; /* name starts with "main.": the program's own code (set by
                     vm_proto_new; sched_line asks it per traced event) */
    int *lines; /* source line of each instruction */
    Value *k;   /* constants (roots) */
    int nk;
    int nregs, nparams, nresults;
    UpvalDesc *upvals;
    int nupvals;
    int ret_pc;      /* epilogue a recovered panic resumes at (RUNDEFERS; RET) */
    const char **acc_names; /* race/trace (race.h): per instruction, the source name of
                               a [shared] access ("c.count", "results[]"), else NULL;
                               NULL when compiled without Vm.mem_hook (arena memory) */
    VmNative native; /* non-NULL: a native; code is empty */
};

/* ---- goroutines ---- */

/* DeferRec: one pending deferred call; arguments were evaluated at the defer
 * statement. Owned by its frame (mem_alloc'd). */
typedef struct DeferRec {
    struct DeferRec *next;
    int nargs;
    Value fn;
    Value args[];
} DeferRec;

/* PanicRec: one active panic; [link] is the panic it interrupted. */
typedef struct PanicRec {
    struct PanicRec *link;
    Value val; /* an interface value */
    int recovered;
    int aborted; /* a deferred call run for it panicked in turn */
    int ntrace; /* frames live when it started, innermost first */
    struct { const Proto *p; int line; } *trace;
} PanicRec;

enum {
    FR_DEFERRED = 1,  /* this frame runs a deferred call */
    FR_UNWINDING = 2, /* this frame is running its defers because of a panic */
    FR_BOUNDARY = 4   /* entered from C (vm_call): returning ends that run */
};

/* VM_MAX_STACK: registers a goroutine may use (16 M values, 256 MB): past
 * it a call is Go's fatal "stack overflow". */
#define VM_MAX_STACK (1 << 24)

/* Frame: one activation. [pc] is saved only while the frame is not on top
 * or vm_run has returned. */
typedef struct Frame {
    const Proto *p;
    ClosureObj *cl;
    const Instr *pc;
    DeferRec *defers;
    int base;       /* stack index of R[0]; results go to base - 1 (the callee's slot) */
    uint16_t nret;  /* results the caller wants (an instruction operand: 16 bits) */
    uint16_t flags; /* FR_* */
} Frame;

/* vm_frame_call: the CALL instruction [f] is executing (its saved pc is
 * just past it: a native runs inside it), NULL if its pc is elsewhere. */
static inline const Instr *vm_frame_call(const Frame *f) {
    if (!f->pc || f->pc <= f->p->code || VM_OP(f->pc[-1]) != OP_CALL) return NULL;
    return f->pc - 1;
}

/* Goroutine: a Go goroutine's execution state (stack, frames, panics). A
 * goroutine is born in one block: the Goroutine, the scheduler's
 * vm->g_extra bytes (its SchedG, right after the Goroutine), one Frame and
 * a stack of exactly what its entry function needs (VM_G_CLASSES classes);
 * the stack and frames move to their own allocations when they grow. Dead
 * goroutines' blocks are recycled per class (Vm.slab). An entry function
 * without results starts at stack index 0 (no slot for the callee and its
 * results: the frame's closure keeps it alive). */
enum { VM_G_INL_STACK = 1, VM_G_INL_FRAMES = 2, VM_G_INL_EXTRA = 4 };
#define VM_G_CLASSES 32    /* inline stacks of 1, 2, ..., 32 Values */
struct Goroutine {
    /* pointers first, then ints, then bytes and bits: no padding (72
     * bytes; a million parked goroutines) */
    int64_t id;
    Value *stack;
    Frame *frames;
    PanicRec *panic;
    const char *wait;  /* VM_BLOCKED: Go's wait reason ("chan receive", "select") */
    Goroutine *next_all;
    Goroutine *prev_all; /* doubly linked: freeing one of a million is O(1) */
    int stack_cap;
    int nframes, frames_cap;
    uint8_t inl;     /* VM_G_INL_* bits: stack / frames still in g's block */
    uint8_t gclass;  /* its block's inline stack class (0..VM_G_CLASSES) */
    uint8_t dead : 1;
    uint8_t sched : 1;  /* a scheduler adopted it: its SchedG is vm_goroutine_extra(g) */
    uint8_t fatal : 1;  /* a fatal error ended it (vm_goroutine_fatal) */
    uint8_t has_result : 1; /* returned results: they stay in stack[0..] (vm_goroutine_result) */
};

/* ---- the machine ---- */

/* Vm: the state goroutines share: heap, program, globals, PRNG, output. */
struct Vm {
    /* heap */
    GcObj *objects;
    MemSlab slab; /* small objects and goroutine blocks (no malloc header each) */
    size_t bytes, next_gc;
    int gc_stress;  /* collect at every allocation */
    uint64_t ngc;   /* collections so far */
    uint32_t nalloc; /* objects allocated so far (GcObj.seq) */
    GcObj **gray;
    int ngray, graycap;
    VEC(GcObj *) pinned;    /* objects the program's code refers to */
    VEC(GcObj *) tmp_roots; /* vm_push_root */
    /* program */
    Arena arena; /* RTypes, names, protos and their arrays */
    VEC(Proto *) protos;
    VEC(RType *) types;
    VEC(const char *) names; /* interned method names */
    Value *globals;
    int nglobals;
    const char *filename; /* for stack traces */
    /* runtime */
    Goroutine *all_g;
    int64_t next_gid;
    size_t g_extra; /* bytes after the Goroutine in each goroutine block for
                       the scheduler's per-goroutine state (vm_goroutine_extra;
                       a multiple of 8); set before the first goroutine,
                       never changed */
    Prng prng;
    Prng rand;           /* math/rand's global source: a stream of the run's seed */
    FILE *out;           /* the program's stdout */
    FILE *err;           /* the program's stderr (os.Stderr, print/println) */
    int64_t preempt;     /* shared accesses left before VM_PREEMPTED */
    int exit_code;       /* VM_EXIT: the status os.Exit asked for */
    Goroutine *spawned;  /* VM_SPAWNED: the goroutine the go statement made */
    int has_sched;       /* set by a scheduler before compiling: go statements
                            compile (without one they are refused) */
    int64_t now_ns;      /* the virtual clock: ns since 2009-11-10 23:00:00 UTC */
    int log_flags;       /* the log package's flags (log.SetFlags) */
    Value log_prefix;    /* log.SetPrefix (a root: see vm_gc) */
    const RType *t_string, *t_int;
    const RType *t_errstr;   /* *errors.errorString (errors.New, fmt.Errorf) */
    const RType *t_wraperr;  /* *fmt.wrapError (fmt.Errorf with %w) */
    /* concurrency (sched.h): the scheduler running this machine, NULL when
     * none; mark_hook marks what the scheduler holds (channel buffers,
     * timers, parked values) at each collection. */
    struct Sched *sched;
    void (*mark_hook)(Vm *vm);
    /* race detector / memory trace (race.h): when set before vm_run, every
     * [shared] load / store calls race_vm_access first: vm_run then keeps
     * preempt at 1 so each access takes SHARED's slow path, and counts the
     * real preemption distance in mem_left (nothing changes on the hot path
     * when mem_hook is 0). */
    int mem_hook;
    int64_t mem_left;
    /* free_hook: called by the sweep, before its memory goes, for a dying
     * object the scheduler keeps state for: a channel whose [waiters] is
     * set (its side and the timer that would send into it are freed) and
     * an aggregate with h.aux set, the home of a sync object, timer,
     * context or http response (vm_sync.c home_kind). */
    void (*free_hook)(Vm *vm, GcObj *o);
    /* copy_hook: called by vm_clone and vm_assign after [dst] took the
     * slots of [src], an aggregate with h.aux set: Go copies a sync
     * value's state word, so the copy gets a sync object of its own now. */
    void (*copy_hook)(Vm *vm, AggObj *dst, const AggObj *src);
};

/* vm_init: an empty machine writing program output to [out], PRNG seeded
 * with [seed]. Never fails. */
void vm_init(Vm *vm, FILE *out, uint64_t seed);

/* vm_free: release every object, goroutine, proto and type of [vm]. */
void vm_free(Vm *vm);

/* ---- heap (vm_heap.c) ---- */

/* vm_alloc: a zeroed object of [kind] and [size] bytes (header included);
 * may collect first. Never NULL. */
GcObj *vm_alloc(Vm *vm, GcKind kind, size_t size);

/* vm_obj_size: the bytes [o] was allocated with (header included). */
size_t vm_obj_size(const GcObj *o);

/* vm_gc: collect now: mark from goroutine stacks and frames, defers, panics,
 * globals, pinned and temporary roots; free the rest. */
void vm_gc(Vm *vm);

/* vm_gc_mark: mark [o] live during a collection (for Vm.mark_hook). */
void vm_gc_mark(Vm *vm, GcObj *o);

/* vm_pin: keep [o] alive for the Vm's life (constants, method closures). */
void vm_pin(Vm *vm, GcObj *o);

/* vm_push_root / vm_pop_roots: protect C-held objects across allocations. */
void vm_push_root(Vm *vm, GcObj *o);
void vm_pop_roots(Vm *vm, int n);

/* ---- objects (vm_obj.c) ---- */

/* vm_str: a new Go string holding a copy of [n] bytes of [s]. */
Value vm_str(Vm *vm, const char *s, int64_t n);
/* vm_str_data / vm_str_len: the bytes and length of string [v]. */
const char *vm_str_data(Value v);
int64_t vm_str_len(Value v);
/* vm_str_eq / vm_str_cmp: bytewise comparison of two strings. */
int vm_str_eq(Value a, Value b);
int vm_str_cmp(Value a, Value b);
/* vm_concat: a new string [a] + [b]. */
Value vm_concat(Vm *vm, Value a, Value b);

/* vm_new_agg: a new aggregate of [n] zero slots with type [t] (NULL: cell). */
AggObj *vm_new_agg(Vm *vm, const RType *t, int64_t n);
/* vm_zero: the zero value of [t] (fresh objects for structs and arrays). */
Value vm_zero(Vm *vm, const RType *t);
/* vm_clone: a deep copy of aggregate [a] (nested aggregates copied too). */
AggObj *vm_clone(Vm *vm, AggObj *a);
/* vm_assign: copy [src]'s contents into [dst] in place (same type). */
void vm_assign(Vm *vm, AggObj *dst, AggObj *src);
/* vm_slot_type: the type of slot [i] of aggregate [a] (NULL if unknown). */
const RType *vm_slot_type(const AggObj *a, int64_t i);
/* vm_new_slice: a slice header over [arr] (pinned by the caller as needed). */
Value vm_new_slice(Vm *vm, AggObj *arr, int64_t off, int64_t len, int64_t cap);
/* vm_box: the interface value holding [v] of dynamic type [t]. */
Value vm_box(Vm *vm, const RType *t, Value v);
/* vm_equal: Go's == on two values of type [t]; sets *[bad] to the
 * uncomparable dynamic type if comparing interfaces panics. */
int vm_equal(const RType *t, Value a, Value b, const RType **bad);
/* vm_hash: a hash of [v] as type [t] consistent with vm_equal. */
uint64_t vm_hash(const RType *t, Value v);

/* ---- maps (vm_map.c) ---- */

/* vm_map_new: an empty map of type [t] with room for [hint] entries. */
MapObj *vm_map_new(Vm *vm, const RType *t, int64_t hint);
/* vm_map_get: the entry value for [k], or NULL when absent. */
Value *vm_map_get(MapObj *m, Value k);
/* vm_map_set: m[k] = v. Returns 0, or -1 if the key's dynamic type is not
 * comparable (*[bad] set). */
int vm_map_set(Vm *vm, MapObj *m, Value k, Value v, const RType **bad);
/* vm_map_delete: delete(m, k). */
void vm_map_delete(MapObj *m, Value k);
/* vm_map_keys: a new AggObj (t NULL) holding [first_slot] empty slots then
 * m's live keys shuffled by the run's PRNG: the order of one range loop. */
AggObj *vm_map_keys(Vm *vm, MapObj *m, int64_t first_slot);

/* ---- channels (vm_chan.c) ---- */

/* vm_chan_new: make(chan T, cap) for channel type [t]. */
ChanObj *vm_chan_new(Vm *vm, const RType *t, int64_t cap);
/* vm_chan_try_send: queue [v] on [c] if there is room: 1 done, 0 it would
 * block, -1 the channel is closed (the caller panics). */
int vm_chan_try_send(ChanObj *c, Value v);
/* vm_chan_try_recv: take the next value of [c] into *[out] (*[ok] = 1), or
 * the zero value with *[ok] = 0 if it is closed and drained: 1 done, 0 it
 * would block. May allocate (zero structs). */
int vm_chan_try_recv(Vm *vm, ChanObj *c, Value *out, int *ok);

/* ---- types ---- */

/* vm_type_new: a new runtime type of [kind] named [str] (copied), added to
 * vm->types. The caller fills the remaining fields. */
RType *vm_type_new(Vm *vm, RKind kind, const char *str);
/* vm_intern: the id of method name [name] (stable for the Vm's life). */
int vm_intern(Vm *vm, const char *name);
/* vm_find_method: [t]'s method [name_id], or NULL. */
const RMethod *vm_find_method(const RType *t, int name_id);
/* vm_implements: whether dynamic type [t] has every method of iface [it]. */
int vm_implements(const RType *t, const RType *it);
/* vm_is_agg: whether values of [t] are aggregates (struct or array). */
int vm_is_agg(const RType *t);

/* ---- code ---- */

/* vm_proto_new: an empty proto named [name] (copied) owned by the Vm. */
Proto *vm_proto_new(Vm *vm, const char *name);
/* vm_native_proto: a proto wrapping native [fn] with [nparams]/[nresults]. */
Proto *vm_native_proto(Vm *vm, const char *name, VmNative fn, int nparams, int nresults);
/* vm_closure: a new closure of [p] with [n] zeroed upvalues. */
ClosureObj *vm_closure(Vm *vm, const Proto *p, int n);

/* ---- running (vm.c) ---- */

/* vm_goroutine_new: a goroutine about to call [fn] with [nargs] [args];
 * linked into vm->all_g. Its stack and frames are small and grow on demand. */
Goroutine *vm_goroutine_new(Vm *vm, Value fn, const Value *args, int nargs);

/* vm_goroutine_free: unlink and release [g] (its objects die at next GC). */
void vm_goroutine_free(Vm *vm, Goroutine *g);

/* vm_goroutine_result: [g]'s entry function's results (the first
 * min(nresults, 4)) once it returned (VM_DONE), else NULL. They stay where
 * RET put them, in g's stack (a GC root while g lives). Owned by g. */
Value *vm_goroutine_result(const Goroutine *g);

/* vm_goroutine_fatal: the fatal error that ended [g] ("stack overflow"),
 * or NULL. */
const char *vm_goroutine_fatal(const Goroutine *g);

/* vm_goroutine_extra: the vm->g_extra zeroed bytes in [g]'s block, at g + 1
 * (for the scheduler's SchedG: one allocation per goroutine, not two);
 * NULL if none. */
void *vm_goroutine_extra(Goroutine *g);

/* vm_goroutine_block_free: return [g]'s block (what vm_goroutine_new
 * allocated; g already unlinked, its own stack/frames/result freed) to
 * vm->slab, where the next goroutine of its class finds it. */
void vm_goroutine_block_free(Vm *vm, Goroutine *g);

/* vm_run: execute [g] until it returns (VM_DONE), panics to death
 * (VM_PANICKED: g->panic holds the chain, or vm_goroutine_fatal(g) says which fatal
 * error, e.g. "stack overflow"), blocks (VM_BLOCKED), reaches a
 * shared access with vm->preempt exhausted (VM_PREEMPTED: resuming re-runs
 * that access; set vm->preempt > 0 first) or spends [budget] backward
 * jumps and calls (VM_BUDGET). Resume by calling vm_run again. */
int vm_run(Vm *vm, Goroutine *g, int64_t budget);

/* vm_call: call Go function [fn] from a native running on [g] (fmt calling
 * a String method) with [nargs] [args]; its [nres] results go to [res].
 * Runs to completion in a nested loop (no preemption inside). Returns VM_OK
 * or VM_RAISE (the panic stays pending on g, the native must return
 * VM_RAISE). */
int vm_call(Vm *vm, Goroutine *g, Value fn, const Value *args, int nargs, Value *res, int nres);

/* ---- panics (vm_panic.c) ---- */

/* vm_panic_value: start a panic on [g] with interface value [v]; returns
 * VM_RAISE for natives to return. */
int vm_panic_value(Vm *vm, Goroutine *g, Value v);
/* vm_panic_runtime: a runtime error panic whose Error() is
 * "runtime error: " + the printf-formatted [fmt]. Returns VM_RAISE. */
int vm_panic_runtime(Vm *vm, Goroutine *g, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* vm_panic_plain: a runtime-error panic whose Error() is exactly [msg]
 * (for texts Go does not prefix, e.g. "interface conversion: ...").
 * Returns VM_RAISE. */
int vm_panic_plain(Vm *vm, Goroutine *g, const char *msg);
/* vm_print_panic: write Go's report for dead goroutine [g] to [err]: the
 * panic chain ("panic: ... [recovered]"), a blank line, "goroutine N
 * [running]:" and the frames that were live when the panic started. */
void vm_print_panic(Vm *vm, Goroutine *g, FILE *err);

/* vm_format_short: [v] of type [t] as fmt's %v prints it, but without
 * calling String or Error methods (no user code runs: safe inside the
 * scheduler), into [out] of [n] bytes, cut with "..." when longer.
 * Returns the full length. */
int vm_format_short(Vm *vm, const RType *t, Value v, char *out, int n);

/* vm_print_frame: write one frame of a Go traceback for function [p] at
 * source [line] to [err] as Go prints it ("main.worker(...)", a tab and
 * "FILE:LINE"); runtime frames print nothing, built-in library frames
 * "<goro-viz built-in>" for the position. */
void vm_print_frame(const Vm *vm, const Proto *p, int line, FILE *err);
/* vm_panic_text: the text Go prints after "panic: " for interface value
 * [v] (Error()/String() results, strings, numbers, "main.T(5)", nil) into
 * [out] of [n] bytes. Returns its length. May call Go methods on [g]. */
int vm_panic_text(Vm *vm, Goroutine *g, Value v, char *out, int n);
/* vm_runtime_float: [v] as the runtime's print prints floats
 * ("+1.500000e+000") into [out] of [n] bytes; returns the length. */
int vm_runtime_float(double v, char *out, int n);

/* ---- disassembler (disasm.c) ---- */

/* vm_op_name: the opcode's name ("MOVE"), or "?" if out of range. */
const char *vm_op_name(int op);
/* vm_disasm_proto: write [p]'s instructions, one per line, to [out]. */
void vm_disasm_proto(const Vm *vm, const Proto *p, FILE *out);

#endif
