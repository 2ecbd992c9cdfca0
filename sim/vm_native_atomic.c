/* vm_native_atomic: sync/atomic and the goroutine-agnostic parts of package
 * runtime. The VM runs one instruction at a time, so every operation here is
 * atomic by construction; what a scheduler adds is the switch before each
 * one (atomic calls are scheduling points), not locking.
 *
 * Invariants: a pointer argument is (aggregate, slot) as everywhere in the
 * VM; the atomic types (atomic.Int64...) are one-field structs, so their
 * methods work on slot 0 of the receiver's aggregate. 32-bit kinds wrap as
 * Go's do.
 */
#include <string.h>

#include "vm_native.h"

#define NIL ((Value){{0}, NULL})
#define INT(x) ((Value){{.i = (x)}, NULL})

enum { K32, K64, KU32, KU64 };

static int64_t wrap(int k, int64_t x) {
    switch (k) {
    case K32: return (int32_t)x;
    case KU32: return (uint32_t)x;
    default: return x;
    }
}

/* slot: the addressed word, or NULL after raising a nil dereference. */
static Value *slot(Vm *vm, Goroutine *g, Value p, int field0) {
    if (!p.r) {
        vm_panic_runtime(vm, g, "invalid memory address or nil pointer dereference");
        return NULL;
    }
    return &((AggObj *)p.r)->v[field0 ? 0 : p.i];
}

#define SLOT_OR_RAISE(var, p, f)                                                        \
    Value *var = slot(vm, g, p, f);                                                     \
    if (!var) return VM_RAISE;

/* One family per kind; [f] = 1 for the methods of the atomic types (the
 * receiver is the struct itself), 0 for the functions taking *T. */
#define ATOMIC_FAMILY(N, K)                                                             \
    static int add_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res, int f) {     \
        SLOT_OR_RAISE(s, a[0], f);                                                      \
        *s = INT(wrap(K, (int64_t)(s->u + a[1].u)));                                    \
        res[0] = *s;                                                                    \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int load_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res, int f) {    \
        SLOT_OR_RAISE(s, a[0], f);                                                      \
        res[0] = *s;                                                                    \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int store_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res, int f) {   \
        SLOT_OR_RAISE(s, a[0], f);                                                      \
        *s = INT(wrap(K, a[1].i));                                                      \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int swap_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res, int f) {    \
        SLOT_OR_RAISE(s, a[0], f);                                                      \
        Value old = *s;                                                                 \
        *s = INT(wrap(K, a[1].i));                                                      \
        res[0] = old;                                                                   \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int cas_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *res, int f) {     \
        SLOT_OR_RAISE(s, a[0], f);                                                      \
        int ok = s->u == (uint64_t)wrap(K, a[1].i);                                     \
        if (ok) *s = INT(wrap(K, a[2].i));                                              \
        res[0] = INT(ok);                                                               \
        return VM_OK;                                                                   \
    }                                                                                   \
    static int f_add_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return add_##N(vm, g, a, n, r, 0); } \
    static int f_load_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return load_##N(vm, g, a, n, r, 0); } \
    static int f_store_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return store_##N(vm, g, a, n, r, 0); } \
    static int f_swap_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return swap_##N(vm, g, a, n, r, 0); } \
    static int f_cas_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return cas_##N(vm, g, a, n, r, 0); } \
    static int m_add_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return add_##N(vm, g, a, n, r, 1); } \
    static int m_load_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return load_##N(vm, g, a, n, r, 1); } \
    static int m_store_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return store_##N(vm, g, a, n, r, 1); } \
    static int m_swap_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return swap_##N(vm, g, a, n, r, 1); } \
    static int m_cas_##N(Vm *vm, Goroutine *g, Value *a, int n, Value *r) { return cas_##N(vm, g, a, n, r, 1); }

ATOMIC_FAMILY(Int32, K32)
ATOMIC_FAMILY(Int64, K64)
ATOMIC_FAMILY(Uint32, KU32)
ATOMIC_FAMILY(Uint64, KU64)

/* atomic.Bool: struct { v uint32 } */
static int bool_load(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    res[0] = INT(s->u != 0);
    return VM_OK;
}
static int bool_store(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    *s = INT(a[1].i != 0);
    return VM_OK;
}
static int bool_swap(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    int old = s->u != 0;
    *s = INT(a[1].i != 0);
    res[0] = INT(old);
    return VM_OK;
}
static int bool_cas(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    int ok = (s->u != 0) == (a[1].i != 0);
    if (ok) *s = INT(a[2].i != 0);
    res[0] = INT(ok);
    return VM_OK;
}

/* atomic.Value: struct { v any }; stores must keep one concrete type. */
static int value_check(Vm *vm, Goroutine *g, Value *s, Value v) {
    if (!v.r) return vm_panic_plain(vm, g, "sync/atomic: store of nil value into Value");
    if (s->r && ((BoxObj *)s->r)->t != ((BoxObj *)v.r)->t)
        return vm_panic_plain(vm, g, "sync/atomic: store of inconsistently typed value into Value");
    return VM_OK;
}
static int value_load(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    res[0] = *s;
    return VM_OK;
}
static int value_store(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    if (value_check(vm, g, s, a[1]) != VM_OK) return VM_RAISE;
    *s = a[1];
    return VM_OK;
}
static int value_swap(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    if (value_check(vm, g, s, a[1]) != VM_OK) return VM_RAISE;
    Value old = *s;
    *s = a[1];
    res[0] = old;
    return VM_OK;
}
static int value_cas(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    SLOT_OR_RAISE(s, a[0], 1);
    if (value_check(vm, g, s, a[2]) != VM_OK) return VM_RAISE;
    const RType *bad = NULL;
    int ok = s->r ? a[1].r && ((BoxObj *)s->r)->t == ((BoxObj *)a[1].r)->t &&
                        vm_equal(((BoxObj *)s->r)->t, ((BoxObj *)s->r)->v, ((BoxObj *)a[1].r)->v, &bad)
                  : !a[1].r;
    if (bad) return vm_panic_runtime(vm, g, "comparing uncomparable type %s", bad->str);
    if (ok) *s = a[2];
    res[0] = INT(ok);
    return VM_OK;
}

/* ---- runtime ---- */

static int rt_num_goroutine(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    int64_t cnt = 0;
    for (Goroutine *x = vm->all_g; x; x = x->next_all) cnt += !x->dead;
    res[0] = INT(cnt);
    return VM_OK;
}
/* One simulated processor: GOMAXPROCS and NumCPU say 1, whatever the host. */
static int rt_one(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = INT(1);
    return VM_OK;
}
static int rt_gc(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    vm_gc(vm);
    return VM_OK;
}
static int rt_version(Vm *vm, Goroutine *g, Value *a, int n, Value *res) {
    res[0] = vm_str(vm, "go1.19.8", 8);
    return VM_OK;
}
/* Gosched: a plain scheduling point (VM_BUDGET: "a fair place to switch"). */
static int rt_gosched(Vm *vm, Goroutine *g, Value *a, int n, Value *res) { return VM_BUDGET; }

#define FAMILY_ENTRIES(N)                                                               \
    {"sync/atomic.(*" #N ").Add", m_add_##N}, {"sync/atomic.(*" #N ").CompareAndSwap", m_cas_##N}, \
        {"sync/atomic.(*" #N ").Load", m_load_##N}, {"sync/atomic.(*" #N ").Store", m_store_##N}, \
        {"sync/atomic.(*" #N ").Swap", m_swap_##N}, {"sync/atomic.Add" #N, f_add_##N},  \
        {"sync/atomic.CompareAndSwap" #N, f_cas_##N}, {"sync/atomic.Load" #N, f_load_##N}, \
        {"sync/atomic.Store" #N, f_store_##N}, {"sync/atomic.Swap" #N, f_swap_##N},

const VmNativeDef vm_native_atomic[] = {
    FAMILY_ENTRIES(Int32) FAMILY_ENTRIES(Int64) FAMILY_ENTRIES(Uint32) FAMILY_ENTRIES(Uint64)
    {"sync/atomic.(*Bool).CompareAndSwap", bool_cas},
    {"sync/atomic.(*Bool).Load", bool_load},
    {"sync/atomic.(*Bool).Store", bool_store},
    {"sync/atomic.(*Bool).Swap", bool_swap},
    {"sync/atomic.(*Value).CompareAndSwap", value_cas},
    {"sync/atomic.(*Value).Load", value_load},
    {"sync/atomic.(*Value).Store", value_store},
    {"sync/atomic.(*Value).Swap", value_swap},
    {"runtime.GC", rt_gc},
    {"runtime.GOMAXPROCS", rt_one},
    {"runtime.Gosched", rt_gosched},
    {"runtime.NumCPU", rt_one},
    {"runtime.NumGoroutine", rt_num_goroutine},
    {"runtime.Version", rt_version},
};
const int vm_native_atomic_len = (int)(sizeof vm_native_atomic / sizeof *vm_native_atomic);
