/* types: type construction, the universe, predicates, identity,
 * assignability, method lookup and Go-style type strings.
 *
 * Invariants: see types.h; scope tables are at most half full.
 */
#include "types.h"

#include <stdio.h>
#include <string.h>

#include "mem.h"

static const char *const basic_names[TY__COUNT] = {
    [TY_INVALID] = "invalid type", [TY_BOOL] = "bool", [TY_INT] = "int", [TY_INT8] = "int8",
    [TY_INT16] = "int16", [TY_INT32] = "int32", [TY_INT64] = "int64", [TY_UINT] = "uint",
    [TY_UINT8] = "uint8", [TY_UINT16] = "uint16", [TY_UINT32] = "uint32", [TY_UINT64] = "uint64",
    [TY_UINTPTR] = "uintptr", [TY_FLOAT32] = "float32", [TY_FLOAT64] = "float64",
    [TY_STRING] = "string", [TY_UNSAFE_POINTER] = "unsafe.Pointer",
    [TY_UNTYPED_BOOL] = "untyped bool", [TY_UNTYPED_INT] = "untyped int",
    [TY_UNTYPED_RUNE] = "untyped rune", [TY_UNTYPED_FLOAT] = "untyped float",
    [TY_UNTYPED_STRING] = "untyped string", [TY_UNTYPED_NIL] = "untyped nil",
};

const char *ty_basic_name(TyKind k) { return k < TY__COUNT && basic_names[k] ? basic_names[k] : "?"; }

Type *ty_new(TyCtx *c, TyKind k) {
    Type *t = arena_alloc(&c->arena, sizeof *t);
    t->kind = k;
    t->id = c->next_id++;
    return t;
}

Type *ty_basic(TyCtx *c, TyKind k) { return c->basic[k]; }

Type *ty_pointer(TyCtx *c, Type *elem) {
    Type *t = ty_new(c, TY_POINTER);
    t->u.ptr.elem = elem;
    return t;
}

Type *ty_slice(TyCtx *c, Type *elem) {
    Type *t = ty_new(c, TY_SLICE);
    t->u.ptr.elem = elem;
    return t;
}

Type *ty_array(TyCtx *c, Type *elem, int64_t len) {
    Type *t = ty_new(c, TY_ARRAY);
    t->u.array.elem = elem;
    t->u.array.len = len;
    return t;
}

Type *ty_map(TyCtx *c, Type *key, Type *val) {
    Type *t = ty_new(c, TY_MAP);
    t->u.map.key = key;
    t->u.map.val = val;
    return t;
}

Type *ty_chan(TyCtx *c, Type *elem, ChanDir dir) {
    Type *t = ty_new(c, TY_CHAN);
    t->u.chan.elem = elem;
    t->u.chan.dir = dir;
    return t;
}

Type *ty_tuple(TyCtx *c, Type **types, int n) {
    Type *t = ty_new(c, TY_TUPLE);
    t->u.tuple.n = n;
    if (n) {
        t->u.tuple.types = arena_alloc(&c->arena, sizeof(Type *) * (size_t)n);
        memcpy(t->u.tuple.types, types, sizeof(Type *) * (size_t)n);
    }
    return t;
}

Type *ty_named(TyCtx *c, Obj *obj, Type *under) {
    Type *t = ty_new(c, TY_NAMED);
    t->u.named.obj = obj;
    t->u.named.under = under;
    return t;
}

Obj *ty_obj(TyCtx *c, ObjKind k, const char *name, Type *t, Pos pos) {
    Obj *o = arena_alloc(&c->arena, sizeof *o);
    o->kind = k;
    o->name = name;
    o->type = t;
    o->pos = pos;
    o->index = -1;
    return o;
}

void ty_add_method(TyCtx *c, Type *named, Obj *m) {
    if (named->u.named.nmethods == named->u.named.capm) {
        int nc = named->u.named.capm ? named->u.named.capm * 2 : 4;
        Obj **nm = arena_alloc(&c->arena, sizeof(Obj *) * (size_t)nc);
        if (named->u.named.nmethods)
            memcpy(nm, named->u.named.methods, sizeof(Obj *) * (size_t)named->u.named.nmethods);
        named->u.named.methods = nm;
        named->u.named.capm = nc;
    }
    named->u.named.methods[named->u.named.nmethods++] = m;
}

/* ---- scopes ---- */

static uint32_t hash_name(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

Scope *ty_scope(TyCtx *c, Scope *parent) {
    Scope *s = arena_alloc(&c->arena, sizeof *s);
    s->parent = parent;
    if (parent) s->fn = parent->fn;
    return s;
}

static void scope_put(Obj **tab, int cap, Obj *o) {
    uint32_t i = hash_name(o->name) & (uint32_t)(cap - 1);
    while (tab[i]) i = (i + 1) & (uint32_t)(cap - 1);
    tab[i] = o;
}

static Obj *scope_find(const Scope *s, const char *name, uint32_t h) {
    if (!s->cap) return NULL;
    uint32_t i = h & (uint32_t)(s->cap - 1);
    while (s->tab[i]) {
        const char *n = s->tab[i]->name;
        if (n == name || strcmp(n, name) == 0) return s->tab[i];
        i = (i + 1) & (uint32_t)(s->cap - 1);
    }
    return NULL;
}

Obj *ty_scope_lookup(const Scope *s, const char *name) {
    if (!s->cap) return NULL;
    return scope_find(s, name, hash_name(name));
}

Obj *ty_scope_insert(TyCtx *c, Scope *s, Obj *o) {
    Obj *prev = ty_scope_lookup(s, o->name);
    if (prev) return prev;
    if ((s->n + 1) * 2 > s->cap) {
        int nc = s->cap ? s->cap * 2 : 8;
        Obj **nt = arena_alloc(&c->arena, sizeof(Obj *) * (size_t)nc);
        for (int i = 0; i < s->cap; i++)
            if (s->tab[i]) scope_put(nt, nc, s->tab[i]);
        s->tab = nt;
        s->cap = nc;
    }
    scope_put(s->tab, s->cap, o);
    s->n++;
    return NULL;
}

Obj *ty_lookup(Scope *s, const char *name, Scope **found) {
    uint32_t h = hash_name(name);
    for (; s; s = s->parent) {
        Obj *o = scope_find(s, name, h);
        if (o) {
            if (found) *found = s;
            return o;
        }
    }
    return NULL;
}

/* ---- universe ---- */

static Obj *sig_var(TyCtx *c, const char *name, Type *t) { return ty_obj(c, OBJ_VAR, name, t, (Pos){0, 0}); }

void ty_init(TyCtx *c) {
    memset(c, 0, sizeof *c);
    for (int k = 0; k < TY_NAMED; k++) {
        c->basic[k] = ty_new(c, (TyKind)k);
        c->basic[k]->bname = basic_names[k];
    }
    c->invalid_t = c->basic[TY_INVALID];
    c->byte_t = ty_new(c, TY_UINT8);
    c->byte_t->bname = "byte";
    c->rune_t = ty_new(c, TY_INT32);
    c->rune_t->bname = "rune";
    c->void_t = ty_tuple(c, NULL, 0);
    Scope *u = c->universe = ty_scope(c, NULL);
    Pos p0 = {0, 0};
    for (int k = TY_BOOL; k <= TY_STRING; k++)
        ty_scope_insert(c, u, ty_obj(c, OBJ_TYPE, basic_names[k], c->basic[k], p0));
    ty_scope_insert(c, u, ty_obj(c, OBJ_TYPE, "byte", c->byte_t, p0));
    ty_scope_insert(c, u, ty_obj(c, OBJ_TYPE, "rune", c->rune_t, p0));
    c->any_t = ty_new(c, TY_INTERFACE);
    c->any_t->u.iface.complete = 1;
    ty_scope_insert(c, u, ty_obj(c, OBJ_TYPE, "any", c->any_t, p0));
    /* type error interface { Error() string } */
    Obj *eobj = ty_obj(c, OBJ_TYPE, "error", NULL, p0);
    Type *eif = ty_new(c, TY_INTERFACE);
    Type *esig = ty_new(c, TY_FUNC);
    esig->u.func.nresults = 1;
    esig->u.func.results = arena_alloc(&c->arena, sizeof(Obj *));
    esig->u.func.results[0] = sig_var(c, "", c->basic[TY_STRING]);
    Obj *em = ty_obj(c, OBJ_FUNC, "Error", esig, p0);
    em->flags = OBJF_METHOD;
    em->index = 0;
    eif->u.iface.methods = arena_alloc(&c->arena, sizeof(Obj *));
    eif->u.iface.methods[0] = em;
    eif->u.iface.nmethods = 1;
    eif->u.iface.complete = 1;
    c->error_t = eobj->type = ty_named(c, eobj, eif);
    ty_scope_insert(c, u, eobj);
    Obj *t = ty_obj(c, OBJ_CONST, "true", c->basic[TY_UNTYPED_BOOL], p0);
    t->cv = cv_bool(&c->arena, 1);
    ty_scope_insert(c, u, t);
    Obj *f = ty_obj(c, OBJ_CONST, "false", c->basic[TY_UNTYPED_BOOL], p0);
    f->cv = cv_bool(&c->arena, 0);
    ty_scope_insert(c, u, f);
    Obj *iota = ty_obj(c, OBJ_CONST, "iota", c->basic[TY_UNTYPED_INT], p0);
    iota->cv = cv_int64(&c->arena, 0);
    ty_scope_insert(c, u, iota);
    c->nil_obj = ty_obj(c, OBJ_NIL, "nil", c->basic[TY_UNTYPED_NIL], p0);
    ty_scope_insert(c, u, c->nil_obj);
    static const struct { const char *name; BuiltinId id; } bis[] = {
        {"append", BI_APPEND}, {"cap", BI_CAP}, {"close", BI_CLOSE}, {"complex", BI_COMPLEX},
        {"copy", BI_COPY}, {"delete", BI_DELETE}, {"imag", BI_IMAG}, {"len", BI_LEN},
        {"make", BI_MAKE}, {"new", BI_NEW}, {"panic", BI_PANIC}, {"print", BI_PRINT},
        {"println", BI_PRINTLN}, {"real", BI_REAL}, {"recover", BI_RECOVER},
    };
    for (size_t i = 0; i < sizeof bis / sizeof bis[0]; i++) {
        Obj *b = ty_obj(c, OBJ_BUILTIN, bis[i].name, c->invalid_t, p0);
        b->builtin = bis[i].id;
        ty_scope_insert(c, u, b);
    }
}

void ty_free(TyCtx *c) { arena_free(&c->arena); }

/* ---- predicates ---- */

Type *ty_under(Type *t) {
    if (t && t->kind == TY_NAMED) return t->u.named.under ? t->u.named.under : NULL;
    return t;
}

int ty_is_untyped(const Type *t) { return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL; }

int ty_is_integer(Type *t) {
    t = ty_under(t);
    return t && ((t->kind >= TY_INT && t->kind <= TY_UINTPTR) || t->kind == TY_UNTYPED_INT ||
                 t->kind == TY_UNTYPED_RUNE);
}

int ty_is_unsigned(Type *t) {
    t = ty_under(t);
    return t && t->kind >= TY_UINT && t->kind <= TY_UINTPTR;
}

int ty_is_float(Type *t) {
    t = ty_under(t);
    return t && (t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 || t->kind == TY_UNTYPED_FLOAT);
}

int ty_is_numeric(Type *t) { return ty_is_integer(t) || ty_is_float(t); }

int ty_is_string(Type *t) {
    t = ty_under(t);
    return t && (t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING);
}

int ty_is_boolean(Type *t) {
    t = ty_under(t);
    return t && (t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL);
}

int ty_is_interface(Type *t) {
    t = ty_under(t);
    return t && t->kind == TY_INTERFACE;
}

int ty_is_basic(const Type *t) { return t && t->kind < TY_NAMED; }

int ty_is_named(const Type *t) { return t && (t->kind == TY_NAMED || t->kind < TY_NAMED); }

int ty_comparable(Type *t) {
    Type *u = ty_under(t);
    if (!u) return 0;
    switch (u->kind) {
    case TY_SLICE: case TY_MAP: case TY_FUNC: return 0;
    case TY_ARRAY: return ty_comparable(u->u.array.elem);
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (!ty_comparable(u->u.strct.fields[i]->type)) return 0;
        return 1;
    case TY_TUPLE: return 0;
    default: return 1;
    }
}

int ty_ordered(Type *t) { return ty_is_numeric(t) || ty_is_string(t); }

int ty_has_nil(Type *t) {
    Type *u = ty_under(t);
    if (!u) return 0;
    switch (u->kind) {
    case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_INTERFACE:
    case TY_UNSAFE_POINTER: case TY_UNTYPED_NIL:
        return 1;
    default: return 0;
    }
}

int ty_size_bits(Type *t) {
    t = ty_under(t);
    switch (t ? t->kind : TY_INVALID) {
    case TY_INT8: case TY_UINT8: return 8;
    case TY_INT16: case TY_UINT16: return 16;
    case TY_INT32: case TY_UINT32: case TY_FLOAT32: return 32;
    default: return 64;
    }
}

Type *ty_default(TyCtx *c, Type *t) {
    if (!t) return t;
    switch (t->kind) {
    case TY_UNTYPED_BOOL: return c->basic[TY_BOOL];
    case TY_UNTYPED_INT: return c->basic[TY_INT];
    case TY_UNTYPED_RUNE: return c->rune_t;
    case TY_UNTYPED_FLOAT: return c->basic[TY_FLOAT64];
    case TY_UNTYPED_STRING: return c->basic[TY_STRING];
    default: return t;
    }
}

/* ---- identity ---- */

static int sig_identical(Type *x, Type *y) {
    if (x->u.func.nparams != y->u.func.nparams || x->u.func.nresults != y->u.func.nresults ||
        x->u.func.variadic != y->u.func.variadic)
        return 0;
    for (int i = 0; i < x->u.func.nparams; i++)
        if (!ty_identical(x->u.func.params[i]->type, y->u.func.params[i]->type)) return 0;
    for (int i = 0; i < x->u.func.nresults; i++)
        if (!ty_identical(x->u.func.results[i]->type, y->u.func.results[i]->type)) return 0;
    return 1;
}

int ty_identical(Type *x, Type *y) {
    if (x == y) return 1;
    if (!x || !y) return 0;
    if (x->kind < TY_NAMED || y->kind < TY_NAMED) return x->kind == y->kind;
    if (x->kind != y->kind) return 0;
    switch (x->kind) {
    case TY_NAMED: return 0;
    case TY_POINTER: case TY_SLICE: return ty_identical(x->u.ptr.elem, y->u.ptr.elem);
    case TY_ARRAY: return x->u.array.len == y->u.array.len && ty_identical(x->u.array.elem, y->u.array.elem);
    case TY_MAP: return ty_identical(x->u.map.key, y->u.map.key) && ty_identical(x->u.map.val, y->u.map.val);
    case TY_CHAN: return x->u.chan.dir == y->u.chan.dir && ty_identical(x->u.chan.elem, y->u.chan.elem);
    case TY_STRUCT:
        if (x->u.strct.nfields != y->u.strct.nfields) return 0;
        for (int i = 0; i < x->u.strct.nfields; i++) {
            Obj *a = x->u.strct.fields[i], *b = y->u.strct.fields[i];
            const char *ta = x->u.strct.tags ? x->u.strct.tags[i] : NULL;
            const char *tb = y->u.strct.tags ? y->u.strct.tags[i] : NULL;
            if (strcmp(a->name, b->name) || (a->flags & OBJF_EMBEDDED) != (b->flags & OBJF_EMBEDDED) ||
                strcmp(ta ? ta : "", tb ? tb : "") || !ty_identical(a->type, b->type))
                return 0;
        }
        return 1;
    case TY_FUNC: return sig_identical(x, y);
    case TY_INTERFACE:
        if (x->u.iface.nmethods != y->u.iface.nmethods || x->u.iface.nembeds || y->u.iface.nembeds)
            return x->u.iface.nmethods == y->u.iface.nmethods && x->u.iface.nmethods == 0 &&
                   !x->u.iface.nembeds && !y->u.iface.nembeds;
        for (int i = 0; i < x->u.iface.nmethods; i++) {
            Obj *a = x->u.iface.methods[i], *b = y->u.iface.methods[i];
            if (strcmp(a->name, b->name) || !ty_identical(a->type, b->type)) return 0;
        }
        return 1;
    case TY_TUPLE:
        if (x->u.tuple.n != y->u.tuple.n) return 0;
        for (int i = 0; i < x->u.tuple.n; i++)
            if (!ty_identical(x->u.tuple.types[i], y->u.tuple.types[i])) return 0;
        return 1;
    default: return 0;
    }
}

/* ---- lookup ---- */

typedef struct Cand {
    Type *t;
    int path[16];
    int npath;
    int indirect;
} Cand;

TySel ty_lookup_field_or_method(TyCtx *c, Type *t, const char *name) {
    TySel r;
    memset(&r, 0, sizeof r);
    if (!t || !strcmp(name, "_")) return r;
    int indirect = 0;
    if (t->kind == TY_POINTER && t->u.ptr.elem && t->u.ptr.elem->kind == TY_NAMED) {
        Type *u = ty_under(t->u.ptr.elem);
        if (u && u->kind != TY_INTERFACE) {
            t = t->u.ptr.elem;
            indirect = 1;
        }
    }
    Cand cur[32], next[32];
    int ncur = 1, nnext;
    Type *seen[64];
    int nseen = 0;
    cur[0].t = t;
    cur[0].npath = 0;
    cur[0].indirect = indirect;
    for (int depth = 0; ncur > 0 && depth < 16; depth++) {
        nnext = 0;
        int found = 0;
        for (int k = 0; k < ncur; k++) {
            Cand *cd = &cur[k];
            Type *typ = cd->t;
            if (typ->kind == TY_NAMED) {
                int dup = 0;
                for (int s = 0; s < nseen; s++)
                    if (seen[s] == typ) dup = 1;
                if (dup) continue;
                if (nseen < 64) seen[nseen++] = typ;
                for (int m = 0; m < typ->u.named.nmethods; m++) {
                    if (!strcmp(typ->u.named.methods[m]->name, name)) {
                        if (!found || r.obj != typ->u.named.methods[m]) found++;
                        r.obj = typ->u.named.methods[m];
                        memcpy(r.path, cd->path, sizeof(int) * (size_t)cd->npath);
                        r.npath = cd->npath;
                        r.indirect = cd->indirect;
                    }
                }
                typ = typ->u.named.under;
                if (!typ) continue;
            }
            if (typ->kind == TY_STRUCT) {
                for (int i = 0; i < typ->u.strct.nfields; i++) {
                    Obj *f = typ->u.strct.fields[i];
                    if (!strcmp(f->name, name)) {
                        found++;
                        r.obj = f;
                        memcpy(r.path, cd->path, sizeof(int) * (size_t)cd->npath);
                        r.npath = cd->npath;
                        r.indirect = cd->indirect;
                        continue;
                    }
                    if ((f->flags & OBJF_EMBEDDED) && nnext < 32 && cd->npath < 15) {
                        Type *ft = f->type;
                        int ind = cd->indirect;
                        if (ft && ft->kind == TY_POINTER) {
                            ft = ft->u.ptr.elem;
                            ind = 1;
                        }
                        if (!ft) continue;
                        Cand *nc = &next[nnext++];
                        nc->t = ft;
                        memcpy(nc->path, cd->path, sizeof(int) * (size_t)cd->npath);
                        nc->path[cd->npath] = i;
                        nc->npath = cd->npath + 1;
                        nc->indirect = ind;
                    }
                }
            } else if (typ->kind == TY_INTERFACE) {
                ty_iface_complete(c, typ);
                for (int m = 0; m < typ->u.iface.nmethods; m++)
                    if (!strcmp(typ->u.iface.methods[m]->name, name)) {
                        found++;
                        r.obj = typ->u.iface.methods[m];
                        memcpy(r.path, cd->path, sizeof(int) * (size_t)cd->npath);
                        r.npath = cd->npath;
                        r.indirect = cd->indirect;
                    }
            }
        }
        if (found == 1) return r;
        if (found > 1) {
            memset(&r, 0, sizeof r);
            r.ambiguous = 1;
            return r;
        }
        memcpy(cur, next, sizeof(Cand) * (size_t)nnext);
        ncur = nnext;
    }
    memset(&r, 0, sizeof r);
    return r;
}

static int cmp_obj_name(const void *a, const void *b) {
    return strcmp((*(Obj *const *)a)->name, (*(Obj *const *)b)->name);
}

void ty_iface_complete(TyCtx *c, Type *it) {
    if (it->kind != TY_INTERFACE || it->u.iface.complete) return;
    it->u.iface.complete = 1;
    int n = it->u.iface.nmethods;
    for (int i = 0; i < it->u.iface.nembeds; i++) {
        Type *e = ty_under(it->u.iface.embeds[i]);
        if (e && e->kind == TY_INTERFACE) {
            ty_iface_complete(c, e);
            n += e->u.iface.nmethods;
        }
    }
    Obj **ms = arena_alloc(&c->arena, sizeof(Obj *) * (size_t)(n ? n : 1));
    int k = 0;
    for (int i = 0; i < it->u.iface.nmethods; i++) ms[k++] = it->u.iface.methods[i];
    for (int i = 0; i < it->u.iface.nembeds; i++) {
        Type *e = ty_under(it->u.iface.embeds[i]);
        if (!e || e->kind != TY_INTERFACE) continue;
        for (int j = 0; j < e->u.iface.nmethods; j++) {
            int dup = 0;
            for (int q = 0; q < k; q++)
                if (!strcmp(ms[q]->name, e->u.iface.methods[j]->name)) dup = 1;
            if (!dup) ms[k++] = e->u.iface.methods[j];
        }
    }
    qsort(ms, (size_t)k, sizeof(Obj *), cmp_obj_name);
    /* interface method objects record their index in this interface; an
     * embedded interface's method shared by several interfaces gets a copy */
    for (int i = 0; i < k; i++) {
        if (ms[i]->index != i && ms[i]->index != -1) {
            Obj *cp = arena_alloc(&c->arena, sizeof *cp);
            *cp = *ms[i];
            ms[i] = cp;
        }
        ms[i]->index = i;
    }
    it->u.iface.methods = ms;
    it->u.iface.nmethods = k;
    it->u.iface.nembeds = 0;
}

Obj *ty_missing_method(TyCtx *c, Type *t, Type *iface, int *wrong_type, int *ptr_recv) {
    *wrong_type = *ptr_recv = 0;
    Type *it = ty_under(iface);
    if (!it || it->kind != TY_INTERFACE) return NULL;
    ty_iface_complete(c, it);
    Type *tu = ty_under(t);
    if (tu && tu->kind == TY_INTERFACE) {
        ty_iface_complete(c, tu);
        for (int i = 0; i < it->u.iface.nmethods; i++) {
            Obj *m = it->u.iface.methods[i], *f = NULL;
            for (int j = 0; j < tu->u.iface.nmethods; j++)
                if (!strcmp(tu->u.iface.methods[j]->name, m->name)) f = tu->u.iface.methods[j];
            if (!f) return m;
            if (!ty_identical(f->type, m->type)) {
                *wrong_type = 1;
                return m;
            }
        }
        return NULL;
    }
    for (int i = 0; i < it->u.iface.nmethods; i++) {
        Obj *m = it->u.iface.methods[i];
        TySel s = ty_lookup_field_or_method(c, t, m->name);
        if (!s.obj || s.obj->kind != OBJ_FUNC) return m;
        if (!ty_identical(s.obj->type, m->type)) {
            *wrong_type = 1;
            return m;
        }
        if ((s.obj->flags & OBJF_PTR_RECV) && !s.indirect && !(t->kind == TY_POINTER)) {
            *ptr_recv = 1;
            return m;
        }
    }
    return NULL;
}

/* ---- assignability ---- */

int ty_assignable(TyCtx *c, Type *v, Type *t) {
    if (!v || !t) return 1;
    if (v->kind == TY_INVALID || t->kind == TY_INVALID) return 1;
    if (ty_identical(v, t)) return 1;
    Type *vu = ty_under(v), *tu = ty_under(t);
    if (!vu || !tu) return 1;
    if (ty_is_untyped(v)) {
        if (v->kind == TY_UNTYPED_NIL) return ty_has_nil(t);
        if (tu->kind == TY_INTERFACE) {
            int w, p;
            ty_iface_complete(c, tu);
            return ty_missing_method(c, ty_default(c, v), t, &w, &p) == NULL;
        }
        switch (v->kind) {
        case TY_UNTYPED_BOOL: return ty_is_boolean(t);
        case TY_UNTYPED_STRING: return ty_is_string(t);
        default: return ty_is_numeric(t);
        }
    }
    if (ty_identical(vu, tu) && (!ty_is_named(v) || !ty_is_named(t))) return 1;
    if (tu->kind == TY_INTERFACE) {
        int w, p;
        return ty_missing_method(c, v, t, &w, &p) == NULL;
    }
    if (vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->u.chan.dir == CHAN_BOTH &&
        ty_identical(vu->u.chan.elem, tu->u.chan.elem) && (!ty_is_named(v) || !ty_is_named(t)))
        return 1;
    return 0;
}

static int identical_ignore_tags(Type *x, Type *y) {
    if (x && y && x->kind == TY_STRUCT && y->kind == TY_STRUCT) {
        if (x->u.strct.nfields != y->u.strct.nfields) return 0;
        for (int i = 0; i < x->u.strct.nfields; i++)
            if (strcmp(x->u.strct.fields[i]->name, y->u.strct.fields[i]->name) ||
                !ty_identical(x->u.strct.fields[i]->type, y->u.strct.fields[i]->type))
                return 0;
        return 1;
    }
    return ty_identical(x, y);
}

static int is_bytes_or_runes(Type *t) {
    Type *u = ty_under(t);
    if (!u || u->kind != TY_SLICE) return 0;
    Type *e = ty_under(u->u.ptr.elem);
    return e && (e->kind == TY_UINT8 || e->kind == TY_INT32);
}

int ty_convertible(TyCtx *c, Type *v, Type *t) {
    if (ty_assignable(c, v, t)) return 1;
    Type *vu = ty_under(v), *tu = ty_under(t);
    if (!vu || !tu) return 1;
    if (identical_ignore_tags(vu, tu)) return 1;
    if (vu->kind == TY_POINTER && tu->kind == TY_POINTER && v->kind == TY_POINTER && t->kind == TY_POINTER &&
        identical_ignore_tags(ty_under(vu->u.ptr.elem), ty_under(tu->u.ptr.elem)))
        return 1;
    if (ty_is_numeric(v) && ty_is_numeric(t)) return 1;
    if (ty_is_string(t) && (ty_is_integer(v) || is_bytes_or_runes(v))) return 1;
    if (ty_is_string(v) && is_bytes_or_runes(t)) return 1;
    if (vu->kind == TY_SLICE && tu->kind == TY_POINTER) {
        Type *a = ty_under(tu->u.ptr.elem);
        if (a && a->kind == TY_ARRAY && ty_identical(a->u.array.elem, vu->u.ptr.elem)) return 1;
    }
    return 0;
}

/* ---- strings ---- */

typedef struct Buf {
    char *p;
    int n, size;
} Buf;

static void bput(Buf *b, const char *s) {
    while (*s) {
        if (b->n < b->size - 1) b->p[b->n++] = *s;
        s++;
    }
    b->p[b->n < b->size ? b->n : b->size - 1] = 0;
}

static void write_type(TyCtx *c, Buf *b, Type *t, int q, int depth);

static void write_sig(TyCtx *c, Buf *b, Type *t, int q, int depth) {
    bput(b, "(");
    for (int i = 0; i < t->u.func.nparams; i++) {
        Obj *p = t->u.func.params[i];
        if (i) bput(b, ", ");
        if (!q && p->name && p->name[0]) {
            bput(b, p->name);
            bput(b, " ");
        }
        if (t->u.func.variadic && i == t->u.func.nparams - 1) {
            bput(b, "...");
            Type *s = p->type;
            write_type(c, b, s && s->kind == TY_SLICE ? s->u.ptr.elem : s, q, depth);
        } else {
            write_type(c, b, p->type, q, depth);
        }
    }
    bput(b, ")");
    int nr = t->u.func.nresults;
    if (!nr) return;
    bput(b, " ");
    int named = !q && t->u.func.results[0]->name && t->u.func.results[0]->name[0];
    if (nr == 1 && !named) {
        write_type(c, b, t->u.func.results[0]->type, q, depth);
        return;
    }
    bput(b, "(");
    for (int i = 0; i < nr; i++) {
        Obj *p = t->u.func.results[i];
        if (i) bput(b, ", ");
        if (named) {
            bput(b, p->name);
            bput(b, " ");
        }
        write_type(c, b, p->type, q, depth);
    }
    bput(b, ")");
}

static void write_type(TyCtx *c, Buf *b, Type *t, int q, int depth) {
    char tmp[32];
    if (!t) {
        bput(b, "invalid type");
        return;
    }
    if (depth > 20) {
        bput(b, "...");
        return;
    }
    depth++;
    switch (t->kind) {
    case TY_NAMED: {
        Obj *o = t->u.named.obj;
        if (o->pkg && (q || o->pkg != c->cur_pkg)) {
            bput(b, o->pkg->name);
            bput(b, ".");
        }
        bput(b, o->name);
        return;
    }
    case TY_POINTER: bput(b, "*"); write_type(c, b, t->u.ptr.elem, q, depth); return;
    case TY_SLICE: bput(b, "[]"); write_type(c, b, t->u.ptr.elem, q, depth); return;
    case TY_ARRAY:
        snprintf(tmp, sizeof tmp, "[%lld]", (long long)t->u.array.len);
        bput(b, tmp);
        write_type(c, b, t->u.array.elem, q, depth);
        return;
    case TY_MAP:
        bput(b, "map[");
        write_type(c, b, t->u.map.key, q, depth);
        bput(b, "]");
        write_type(c, b, t->u.map.val, q, depth);
        return;
    case TY_CHAN: {
        bput(b, t->u.chan.dir == CHAN_RECV ? "<-chan " : t->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
        Type *e = t->u.chan.elem;
        int paren = t->u.chan.dir == CHAN_BOTH && e && e->kind == TY_CHAN && e->u.chan.dir == CHAN_RECV;
        if (paren) bput(b, "(");
        write_type(c, b, e, q, depth);
        if (paren) bput(b, ")");
        return;
    }
    case TY_STRUCT:
        bput(b, q ? "struct {" : "struct{");
        for (int i = 0; i < t->u.strct.nfields; i++) {
            Obj *f = t->u.strct.fields[i];
            bput(b, i ? "; " : (q ? " " : ""));
            if (!(f->flags & OBJF_EMBEDDED)) {
                bput(b, f->name);
                bput(b, " ");
            }
            write_type(c, b, f->type, q, depth);
            if (t->u.strct.tags && t->u.strct.tags[i]) {
                bput(b, " \"");
                bput(b, t->u.strct.tags[i]);
                bput(b, "\"");
            }
        }
        bput(b, q && t->u.strct.nfields ? " }" : "}");
        return;
    case TY_FUNC: bput(b, "func"); write_sig(c, b, t, q, depth); return;
    case TY_INTERFACE:
        if (t == c->any_t && !q) {
            bput(b, "any");
            return;
        }
        ty_iface_complete(c, t);
        if (!t->u.iface.nmethods) {
            bput(b, q ? "interface {}" : "interface{}");
            return;
        }
        bput(b, q ? "interface { " : "interface{");
        for (int i = 0; i < t->u.iface.nmethods; i++) {
            if (i) bput(b, "; ");
            bput(b, t->u.iface.methods[i]->name);
            write_sig(c, b, t->u.iface.methods[i]->type, q, depth);
        }
        bput(b, q ? " }" : "}");
        return;
    case TY_TUPLE:
        bput(b, "(");
        for (int i = 0; i < t->u.tuple.n; i++) {
            if (i) bput(b, ", ");
            write_type(c, b, t->u.tuple.types[i], q, depth);
        }
        bput(b, ")");
        return;
    default:
        bput(b, t->bname ? t->bname : basic_names[t->kind]);
        return;
    }
}

char *ty_string(TyCtx *c, Type *t, int qualify, char *buf, int size) {
    Buf b = {buf, 0, size};
    buf[0] = 0;
    write_type(c, &b, t, qualify, 0);
    return buf;
}

const char *ty_fmt(TyCtx *c, Type *t) {
    char buf[512];
    ty_string(c, t, 0, buf, sizeof buf);
    return arena_strndup(&c->arena, buf, strlen(buf));
}

Type *ty_sig_tuple(TyCtx *c, Type *f, int results) {
    int n = results ? f->u.func.nresults : f->u.func.nparams;
    Obj **v = results ? f->u.func.results : f->u.func.params;
    Type *tmp[64];
    if (n > 64) n = 64;
    for (int i = 0; i < n; i++) tmp[i] = v[i]->type;
    return ty_tuple(c, tmp, n);
}
