/* vm_obj: constructors and Go value semantics for heap objects: strings,
 * aggregates (copy on assignment), slices, interface boxes, closures,
 * equality and hashing. */
#include <string.h>

#include "vm.h"

/* ---- strings ---- */

#define STR_OFF(v) ((int64_t)((v).u & 0xffffffffu))
#define STR_LEN(v) ((int64_t)((v).u >> 32))

Value vm_str(Vm *vm, const char *s, int64_t n) {
    if (n == 0) return (Value){{0}, NULL};
    StrObj *o = (StrObj *)vm_alloc(vm, GC_STRING, sizeof(StrObj) + (size_t)n);
    o->len = n;
    memcpy(o->data, s, (size_t)n);
    return (Value){{.u = (uint64_t)n << 32}, &o->h};
}

const char *vm_str_data(Value v) { return v.r ? ((StrObj *)v.r)->data + STR_OFF(v) : ""; }

int64_t vm_str_len(Value v) { return v.r ? STR_LEN(v) : 0; }

int vm_str_eq(Value a, Value b) {
    int64_t n = vm_str_len(a);
    if (n != vm_str_len(b)) return 0;
    return n == 0 || memcmp(vm_str_data(a), vm_str_data(b), (size_t)n) == 0;
}

int vm_str_cmp(Value a, Value b) {
    int64_t na = vm_str_len(a), nb = vm_str_len(b);
    int64_t n = na < nb ? na : nb;
    int c = n ? memcmp(vm_str_data(a), vm_str_data(b), (size_t)n) : 0;
    if (c) return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

Value vm_concat(Vm *vm, Value a, Value b) {
    int64_t na = vm_str_len(a), nb = vm_str_len(b);
    if (na == 0) return b;
    if (nb == 0) return a;
    /* a and b stay reachable from the caller's registers while we allocate. */
    StrObj *o = (StrObj *)vm_alloc(vm, GC_STRING, sizeof(StrObj) + (size_t)(na + nb));
    o->len = na + nb;
    memcpy(o->data, vm_str_data(a), (size_t)na);
    memcpy(o->data + na, vm_str_data(b), (size_t)nb);
    return (Value){{.u = (uint64_t)(na + nb) << 32}, &o->h};
}

/* ---- aggregates ---- */

AggObj *vm_new_agg(Vm *vm, const RType *t, int64_t n) {
    AggObj *a = (AggObj *)vm_alloc(vm, GC_AGG, sizeof(AggObj) + sizeof(Value) * (size_t)n);
    a->t = t;
    a->n = n;
    return a;
}

const RType *vm_slot_type(const AggObj *a, int64_t i) {
    const RType *t = a->t;
    if (!t) return NULL;
    if (t->kind == RK_STRUCT) return i < t->nfields ? t->fields[i].type : NULL;
    return t->elem; /* array, or slice type for a backing array */
}

/* fill_zero: give each aggregate-typed slot of [a] its own zero object. */
static void fill_zero(Vm *vm, AggObj *a) {
    if (!a->t) return;
    if (a->t->kind == RK_STRUCT) {
        for (int i = 0; i < a->t->nfields; i++) {
            const RType *ft = a->t->fields[i].type;
            if (vm_is_agg(ft)) {
                vm_push_root(vm, &a->h);
                Value z = vm_zero(vm, ft);
                vm_pop_roots(vm, 1);
                a->v[i] = z;
            }
        }
    } else if (vm_is_agg(a->t->elem)) {
        vm_push_root(vm, &a->h);
        for (int64_t i = 0; i < a->n; i++) a->v[i] = vm_zero(vm, a->t->elem);
        vm_pop_roots(vm, 1);
    }
}

Value vm_zero(Vm *vm, const RType *t) {
    if (!vm_is_agg(t)) return (Value){{0}, NULL};
    AggObj *a = vm_new_agg(vm, t, t->kind == RK_STRUCT ? t->nfields : t->len);
    fill_zero(vm, a);
    return (Value){{0}, &a->h};
}

AggObj *vm_clone(Vm *vm, AggObj *src) {
    vm_push_root(vm, &src->h);
    AggObj *a = vm_new_agg(vm, src->t, src->n);
    memcpy(a->v, src->v, sizeof(Value) * (size_t)src->n);
    vm_push_root(vm, &a->h);
    if (src->h.aux && vm->copy_hook) vm->copy_hook(vm, a, src);
    for (int64_t i = 0; i < a->n; i++) {
        if (a->v[i].r && vm_is_agg(vm_slot_type(a, i))) {
            AggObj *c = vm_clone(vm, (AggObj *)a->v[i].r);
            a->v[i].r = &c->h;
        }
    }
    vm_pop_roots(vm, 2);
    return a;
}

void vm_assign(Vm *vm, AggObj *dst, AggObj *src) {
    if (dst == src) return;
    GORO_ASSERT(dst->n == src->n);
    for (int64_t i = 0; i < dst->n; i++) {
        if (vm_is_agg(vm_slot_type(dst, i)) && dst->v[i].r && src->v[i].r)
            vm_assign(vm, (AggObj *)dst->v[i].r, (AggObj *)src->v[i].r);
        else dst->v[i] = src->v[i];
    }
    if (src->h.aux && vm->copy_hook) vm->copy_hook(vm, dst, src);
}

/* ---- slices, boxes, closures ---- */

Value vm_new_slice(Vm *vm, AggObj *arr, int64_t off, int64_t len, int64_t cap) {
    vm_push_root(vm, &arr->h);
    SliceObj *s = (SliceObj *)vm_alloc(vm, GC_SLICE, sizeof(SliceObj));
    vm_pop_roots(vm, 1);
    s->arr = arr;
    s->off = off;
    s->len = len;
    s->cap = cap;
    return (Value){{0}, &s->h};
}

Value vm_box(Vm *vm, const RType *t, Value v) {
    vm_push_root(vm, v.r);
    BoxObj *b = (BoxObj *)vm_alloc(vm, GC_BOX, sizeof(BoxObj));
    vm_pop_roots(vm, 1);
    b->t = t;
    b->v = v;
    return (Value){{0}, &b->h};
}

ClosureObj *vm_closure(Vm *vm, const Proto *p, int n) {
    ClosureObj *c = (ClosureObj *)vm_alloc(vm, GC_CLOSURE, sizeof(ClosureObj) + sizeof(Value) * (size_t)n);
    GORO_ASSERT(n >= 0 && n <= VM_CLOSURE_MAX);
    c->p = p;
    c->h.aux = (uint16_t)n;
    return c;
}

/* ---- equality and hashing ---- */

int vm_equal(const RType *t, Value a, Value b, const RType **bad) {
    switch (t->kind) {
    case RK_FLOAT32:
    case RK_FLOAT64: return a.f == b.f;
    case RK_STRING: return vm_str_eq(a, b);
    case RK_STRUCT: {
        AggObj *x = (AggObj *)a.r, *y = (AggObj *)b.r;
        for (int i = 0; i < t->nfields; i++) {
            if (t->fields[i].name && strcmp(t->fields[i].name, "_") == 0) continue;
            if (!vm_equal(t->fields[i].type, x->v[i], y->v[i], bad)) return 0;
        }
        return 1;
    }
    case RK_ARRAY: {
        AggObj *x = (AggObj *)a.r, *y = (AggObj *)b.r;
        for (int64_t i = 0; i < t->len; i++)
            if (!vm_equal(t->elem, x->v[i], y->v[i], bad)) return 0;
        return 1;
    }
    case RK_IFACE: {
        if (!a.r || !b.r) return a.r == b.r;
        BoxObj *x = (BoxObj *)a.r, *y = (BoxObj *)b.r;
        if (x->t != y->t) return 0;
        RKind k = x->t->kind;
        if (k == RK_SLICE || k == RK_MAP || k == RK_FUNC) {
            if (bad && !*bad) *bad = x->t;
            return 0;
        }
        return vm_equal(x->t, x->v, y->v, bad);
    }
    default: return a.u == b.u && a.r == b.r;
    }
}

static uint64_t mix(uint64_t h, uint64_t x) {
    h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

uint64_t vm_hash(const RType *t, Value v) {
    switch (t->kind) {
    case RK_FLOAT32:
    case RK_FLOAT64: return mix(7, v.f == 0 ? 0 : v.u); /* +0 == -0 */
    case RK_STRING: {
        uint64_t h = 1469598103934665603ULL;
        const unsigned char *s = (const unsigned char *)vm_str_data(v);
        for (int64_t i = 0, n = vm_str_len(v); i < n; i++) h = (h ^ s[i]) * 1099511628211ULL;
        return mix(h, 3);
    }
    case RK_STRUCT: {
        uint64_t h = 11;
        for (int i = 0; i < t->nfields; i++) h = mix(h, vm_hash(t->fields[i].type, ((AggObj *)v.r)->v[i]));
        return h;
    }
    case RK_ARRAY: {
        uint64_t h = 13;
        for (int64_t i = 0; i < t->len; i++) h = mix(h, vm_hash(t->elem, ((AggObj *)v.r)->v[i]));
        return h;
    }
    case RK_IFACE: {
        if (!v.r) return 17;
        BoxObj *b = (BoxObj *)v.r;
        RKind k = b->t->kind;
        if (k == RK_SLICE || k == RK_MAP || k == RK_FUNC) return 19;
        return mix((uint64_t)b->t->id, vm_hash(b->t, b->v));
    }
    default:
        /* Pointers hash by address: only bucket placement depends on it,
         * never an observable order (maps iterate in entry order). */
        return mix(v.u, (uint64_t)(uintptr_t)v.r);
    }
}
