/* vm_heap: object allocation and the precise mark-sweep collector, plus the
 * Vm's lifetime (init/free) and its tables of types, names and protos.
 *
 * Invariants:
 * - vm->objects lists every live heap object exactly once; vm->bytes is the
 *   sum of their sizes.
 * - Marking is precise: it follows only Value.r fields and the typed pointers
 *   inside objects; no word is ever guessed to be a pointer.
 * - A collection clears every goroutine's stack slots above its top frame
 *   window, so no stale slot can outlive the object it names.
 * - next_gc = max(2 * live bytes after a collection, VM_GC_MIN): a program
 *   that holds L bytes never has more than ~2L + VM_GC_MIN of objects.
 */
#include <string.h>

#include "vm.h"

#define VM_GC_MIN ((size_t)4 << 20)

/* ---- lifetime ---- */

void vm_init(Vm *vm, FILE *out, uint64_t seed) {
    memset(vm, 0, sizeof *vm);
    vm->out = out;
    vm->err = stderr;
    vm->next_gc = VM_GC_MIN;
    vm->preempt = INT64_MAX;
    vm->next_gid = 1;
    prng_seed(&vm->prng, seed);
    /* math/rand gets its own stream, so rand.Seed cannot steer scheduling. */
    prng_seed(&vm->rand, seed ^ 0x6d6174682f72616eULL);
    vm->filename = "main.go";
    vm->log_flags = 3; /* log.LstdFlags: date and time */
    vm->t_int = vm_type_new(vm, RK_INT, "int");
    vm->t_string = vm_type_new(vm, RK_STRING, "string");
}

static void free_defers(DeferRec *d) {
    while (d) {
        DeferRec *n = d->next;
        mem_free(d, sizeof *d + sizeof(Value) * (size_t)d->nargs);
        d = n;
    }
}

static void free_panics(PanicRec *p) {
    while (p) {
        PanicRec *n = p->link;
        mem_free(p->trace, sizeof *p->trace * (size_t)p->ntrace);
        mem_free(p, sizeof *p);
        p = n;
    }
}

size_t vm_obj_size(const GcObj *o) {
    switch ((GcKind)o->kind) {
    case GC_STRING: return sizeof(StrObj) + (size_t)((const StrObj *)o)->len;
    case GC_AGG: return sizeof(AggObj) + sizeof(Value) * (size_t)((const AggObj *)o)->n;
    case GC_SLICE: return sizeof(SliceObj);
    case GC_MAP: return sizeof(MapObj);
    case GC_BOX: return sizeof(BoxObj);
    case GC_CLOSURE: return sizeof(ClosureObj) + sizeof(Value) * (size_t)VM_CLOSURE_N((const ClosureObj *)o);
    case GC_CHAN: return sizeof(ChanObj);
    }
    GORO_ASSERT(0);
    return 0;
}

static void free_object(Vm *vm, GcObj *o) {
    if (o->kind == GC_AGG && o->aux && vm->free_hook) vm->free_hook(vm, o);
    if (o->kind == GC_CHAN) {
        ChanObj *c = (ChanObj *)o;
        if (c->waiters && vm->free_hook) vm->free_hook(vm, o);
        mem_free(c->buf, sizeof(Value) * (size_t)(c->cap ? c->cap : 1));
    }
    if (o->kind == GC_MAP) {
        MapObj *m = (MapObj *)o;
        mem_free(m->e, sizeof *m->e * (size_t)m->ecap);
        mem_free(m->index, sizeof *m->index * (size_t)m->icap);
    }
    size_t size = vm_obj_size(o);
    vm->bytes -= size;
    mem_slab_free(&vm->slab, o, size);
}

void vm_goroutine_free(Vm *vm, Goroutine *g) {
    if (g->prev_all) g->prev_all->next_all = g->next_all;
    else vm->all_g = g->next_all;
    if (g->next_all) g->next_all->prev_all = g->prev_all;
    for (int i = 0; i < g->nframes; i++) free_defers(g->frames[i].defers);
    free_panics(g->panic);
    if (!(g->inl & VM_G_INL_STACK)) mem_free(g->stack, sizeof(Value) * (size_t)g->stack_cap);
    if (!(g->inl & VM_G_INL_FRAMES)) mem_free(g->frames, sizeof(Frame) * (size_t)g->frames_cap);
    vm_goroutine_block_free(vm, g);
}

void vm_free(Vm *vm) {
    while (vm->all_g) vm_goroutine_free(vm, vm->all_g);
    for (GcObj *o = vm->objects; o;) {
        GcObj *n = o->next;
        free_object(vm, o);
        o = n;
    }
    for (int i = 0; i < vm->protos.len; i++) {
        Proto *p = vm->protos.items[i];
        mem_free(p->code, sizeof *p->code * (size_t)p->ncode);
        mem_free(p->lines, sizeof *p->lines * (size_t)p->ncode);
        mem_free(p->k, sizeof *p->k * (size_t)p->nk);
    }
    VEC_FREE(vm->protos);
    VEC_FREE(vm->types);
    VEC_FREE(vm->names);
    VEC_FREE(vm->pinned);
    VEC_FREE(vm->tmp_roots);
    mem_free(vm->gray, sizeof *vm->gray * (size_t)vm->graycap);
    mem_free(vm->globals, sizeof(Value) * (size_t)vm->nglobals);
    arena_free(&vm->arena);
    mem_slab_release(&vm->slab);
    memset(vm, 0, sizeof *vm);
}

/* ---- tables ---- */

RType *vm_type_new(Vm *vm, RKind kind, const char *str) {
    RType *t = arena_alloc(&vm->arena, sizeof *t);
    t->kind = kind;
    t->str = arena_strndup(&vm->arena, str, strlen(str));
    t->id = vm->types.len;
    VEC_PUSH(vm->types, t);
    return t;
}

int vm_intern(Vm *vm, const char *name) {
    for (int i = 0; i < vm->names.len; i++)
        if (strcmp(vm->names.items[i], name) == 0) return i;
    VEC_PUSH(vm->names, arena_strndup(&vm->arena, name, strlen(name)));
    return vm->names.len - 1;
}

const RMethod *vm_find_method(const RType *t, int name_id) {
    int lo = 0, hi = t->nmethods - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int k = t->methods[mid].name_id;
        if (k == name_id) return &t->methods[mid];
        if (k < name_id) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

int vm_implements(const RType *t, const RType *it) {
    for (int i = 0; i < it->nimethods; i++)
        if (!vm_find_method(t, it->imethods[i])) return 0;
    return 1;
}

int vm_is_agg(const RType *t) { return t && (t->kind == RK_STRUCT || t->kind == RK_ARRAY); }

Proto *vm_proto_new(Vm *vm, const char *name) {
    Proto *p = arena_alloc(&vm->arena, sizeof *p);
    p->name = arena_strndup(&vm->arena, name, strlen(name));
    p->prog = strncmp(name, "main.", 5) == 0;
    VEC_PUSH(vm->protos, p);
    return p;
}

Proto *vm_native_proto(Vm *vm, const char *name, VmNative fn, int nparams, int nresults) {
    Proto *p = vm_proto_new(vm, name);
    p->native = fn;
    p->nparams = nparams;
    p->nresults = nresults;
    p->nregs = nparams > nresults ? nparams : nresults;
    return p;
}

/* ---- allocation ---- */

GcObj *vm_alloc(Vm *vm, GcKind kind, size_t size) {
    if (vm->gc_stress || vm->bytes + size > vm->next_gc) vm_gc(vm);
    GcObj *o = mem_slab_alloc(&vm->slab, size);
    o->kind = (uint8_t)kind;
    o->seq = ++vm->nalloc;
    o->next = vm->objects;
    vm->objects = o;
    vm->bytes += size;
    return o;
}

void vm_pin(Vm *vm, GcObj *o) {
    if (o) VEC_PUSH(vm->pinned, o);
}

void vm_push_root(Vm *vm, GcObj *o) { VEC_PUSH(vm->tmp_roots, o); }

void vm_pop_roots(Vm *vm, int n) {
    GORO_ASSERT(n <= vm->tmp_roots.len);
    vm->tmp_roots.len -= n;
}

/* ---- marking ---- */

static void mark(Vm *vm, GcObj *o) {
    if (!o || o->marked) return;
    o->marked = 1;
    if (o->kind == GC_STRING) return; /* no references inside */
    if (vm->ngray == vm->graycap) {
        int nc = vm->graycap ? vm->graycap * 2 : 256;
        vm->gray = mem_realloc(vm->gray, sizeof *vm->gray * (size_t)vm->graycap,
                               sizeof *vm->gray * (size_t)nc);
        vm->graycap = nc;
    }
    vm->gray[vm->ngray++] = o;
}

static void mark_values(Vm *vm, const Value *v, int64_t n) {
    for (int64_t i = 0; i < n; i++) mark(vm, v[i].r);
}

/* blacken: mark what gray object [o] refers to. */
static void blacken(Vm *vm, GcObj *o) {
    switch ((GcKind)o->kind) {
    case GC_STRING: break;
    case GC_AGG: {
        AggObj *a = (AggObj *)o;
        mark_values(vm, a->v, a->n);
        break;
    }
    case GC_SLICE: mark(vm, &((SliceObj *)o)->arr->h); break;
    case GC_BOX: mark(vm, ((BoxObj *)o)->v.r); break;
    case GC_CLOSURE: {
        ClosureObj *c = (ClosureObj *)o;
        mark_values(vm, c->up, VM_CLOSURE_N(c));
        break;
    }
    case GC_CHAN: {
        ChanObj *c = (ChanObj *)o;
        for (int64_t i = 0; i < c->len; i++) mark(vm, c->buf[(c->head + i) % c->cap].r);
        break;
    }
    case GC_MAP: {
        MapObj *m = (MapObj *)o;
        for (int64_t i = 0; i < m->ne; i++) {
            if (!m->e[i].live) continue;
            mark(vm, m->e[i].k.r);
            mark(vm, m->e[i].v.r);
        }
        break;
    }
    }
}

static void mark_goroutine(Vm *vm, Goroutine *g) {
    int top = 0;
    for (int i = 0; i < g->nframes; i++) {
        Frame *f = &g->frames[i];
        mark(vm, f->cl ? &f->cl->h : NULL);
        int end = f->base + f->p->nregs;
        if (end > top) top = end;
        for (DeferRec *d = f->defers; d; d = d->next) {
            mark(vm, d->fn.r);
            mark_values(vm, d->args, d->nargs);
        }
    }
    /* a returned entry function's results stay in stack[0..nret) */
    if (g->has_result && g->frames[0].nret > top) top = g->frames[0].nret;
    if (top > g->stack_cap) top = g->stack_cap;
    mark_values(vm, g->stack, top);
    /* Clear dead slots so a later frame never sees a freed object. */
    for (int i = top; i < g->stack_cap; i++) g->stack[i] = (Value){{0}, NULL};
    for (PanicRec *p = g->panic; p; p = p->link) mark(vm, p->val.r);
}

void vm_gc_mark(Vm *vm, GcObj *o) { mark(vm, o); }

void vm_gc(Vm *vm) {
    vm->ngc++;
    /* drain after each goroutine: the gray stack stays small however many
     * goroutines each hold the only reference to their closure */
    for (Goroutine *g = vm->all_g; g; g = g->next_all) {
        mark_goroutine(vm, g);
        while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
    }
    mark_values(vm, vm->globals, vm->nglobals);
    mark(vm, vm->log_prefix.r);
    for (int i = 0; i < vm->pinned.len; i++) mark(vm, vm->pinned.items[i]);
    for (int i = 0; i < vm->tmp_roots.len; i++) mark(vm, vm->tmp_roots.items[i]);
    if (vm->mark_hook) vm->mark_hook(vm);
    for (int i = 0; i < vm->protos.len; i++) mark_values(vm, vm->protos.items[i]->k, vm->protos.items[i]->nk);
    for (int i = 0; i < vm->types.len; i++) {
        const RType *t = vm->types.items[i];
        for (int j = 0; j < t->nmethods; j++) mark(vm, t->methods[j].fn);
    }
    while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
    /* sweep */
    GcObj **pp = &vm->objects;
    while (*pp) {
        GcObj *o = *pp;
        if (o->marked) {
            o->marked = 0;
            pp = &o->next;
        } else {
            *pp = o->next;
            free_object(vm, o);
        }
    }
    vm->next_gc = vm->bytes * 2 > VM_GC_MIN ? vm->bytes * 2 : VM_GC_MIN;
}
