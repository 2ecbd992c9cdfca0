/* compile: the compiler's driver: runtime types from checker types, the
 * per-function emitter, function table and the program entry (package
 * initialisation, init(), main.main). See compile_int.h for invariants. */
#include <stdarg.h>
#include <string.h>

#include "compile_int.h"
#include "race.h"
#include "sched.h"
#include "vm_native.h"

/* ---- diagnostics ---- */

/* comp_error: one "not supported" report, in the project's form for
 * constructs outside the subset (diag_msgs.h UNSUPPORTED):
 * "goro-viz: <what> is not supported (FILE:LINE:COL)". */
void comp_error(CompCtx *cc, Pos pos, const char *fmt, ...) {
    cc->nerrors++;
    if (!cc->err || cc->nerrors > 10) return;
    fputs("goro-viz: ", cc->err);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(cc->err, fmt, ap);
    va_end(ap);
    fprintf(cc->err, " (%s:%d:%d)\n", cc->src->path, pos.line, pos.col);
}

/* ---- runtime types ---- */

int comp_is_agg(Type *t) {
    if (!t) return 0;
    Type *u = ty_under(t);
    return u && (u->kind == TY_STRUCT || u->kind == TY_ARRAY);
}

static RKind rkind_of(TyKind k) {
    switch (k) {
    case TY_BOOL: case TY_UNTYPED_BOOL: return RK_BOOL;
    case TY_INT: case TY_UNTYPED_INT: return RK_INT;
    case TY_INT8: return RK_INT8;
    case TY_INT16: return RK_INT16;
    case TY_INT32: case TY_UNTYPED_RUNE: return RK_INT32;
    case TY_INT64: return RK_INT64;
    case TY_UINT: return RK_UINT;
    case TY_UINT8: return RK_UINT8;
    case TY_UINT16: return RK_UINT16;
    case TY_UINT32: return RK_UINT32;
    case TY_UINT64: return RK_UINT64;
    case TY_UINTPTR: case TY_UNSAFE_POINTER: return RK_UINTPTR;
    case TY_FLOAT32: return RK_FLOAT32;
    case TY_FLOAT64: case TY_UNTYPED_FLOAT: return RK_FLOAT64;
    case TY_STRING: case TY_UNTYPED_STRING: return RK_STRING;
    case TY_POINTER: return RK_PTR;
    case TY_SLICE: return RK_SLICE;
    case TY_ARRAY: return RK_ARRAY;
    case TY_MAP: return RK_MAP;
    case TY_CHAN: return RK_CHAN;
    case TY_STRUCT: return RK_STRUCT;
    case TY_FUNC: return RK_FUNC;
    case TY_INTERFACE: return RK_IFACE;
    default: return RK_NIL;
    }
}

/* Growable string for type names. */
typedef struct SBuf {
    char *s;
    int len, cap;
} SBuf;

static void sb_put(SBuf *b, const char *s) {
    int n = (int)strlen(s);
    if (b->len + n + 1 > b->cap) {
        int nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + n + 1) nc *= 2;
        b->s = mem_realloc(b->s, (size_t)b->cap, (size_t)nc);
        b->cap = nc;
    }
    memcpy(b->s + b->len, s, (size_t)n + 1);
    b->len += n;
}

/* type_str: the type as reflect (and so %T) prints it: byte is uint8,
 * rune int32, named types package-qualified. */
static void type_str(SBuf *b, Type *t) {
    char num[32];
    if (!t) {
        sb_put(b, "nil");
        return;
    }
    switch (t->kind) {
    case TY_NAMED: {
        Obj *o = t->u.named.obj;
        if (o->pkg && o->pkg->name) {
            sb_put(b, o->pkg->name);
            sb_put(b, ".");
        }
        sb_put(b, o->name);
        return;
    }
    case TY_POINTER: sb_put(b, "*"); type_str(b, t->u.ptr.elem); return;
    case TY_SLICE: sb_put(b, "[]"); type_str(b, t->u.ptr.elem); return;
    case TY_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->u.array.len);
        sb_put(b, num);
        type_str(b, t->u.array.elem);
        return;
    case TY_MAP:
        sb_put(b, "map[");
        type_str(b, t->u.map.key);
        sb_put(b, "]");
        type_str(b, t->u.map.val);
        return;
    case TY_CHAN:
        sb_put(b, t->u.chan.dir == CHAN_RECV ? "<-chan " : t->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
        type_str(b, t->u.chan.elem);
        return;
    case TY_STRUCT:
        sb_put(b, "struct {");
        for (int i = 0; i < t->u.strct.nfields; i++) {
            Obj *f = t->u.strct.fields[i];
            sb_put(b, i ? "; " : " ");
            if (!(f->flags & OBJF_EMBEDDED)) {
                sb_put(b, f->name);
                sb_put(b, " ");
            }
            type_str(b, f->type);
        }
        sb_put(b, t->u.strct.nfields ? " }" : "}");
        return;
    case TY_FUNC:
        sb_put(b, "func(");
        for (int i = 0; i < t->u.func.nparams; i++) {
            if (i) sb_put(b, ", ");
            if (t->u.func.variadic && i == t->u.func.nparams - 1) {
                sb_put(b, "...");
                type_str(b, t->u.func.params[i]->type->u.ptr.elem);
            } else type_str(b, t->u.func.params[i]->type);
        }
        sb_put(b, ")");
        if (t->u.func.nresults == 1) {
            sb_put(b, " ");
            type_str(b, t->u.func.results[0]->type);
        } else if (t->u.func.nresults > 1) {
            sb_put(b, " (");
            for (int i = 0; i < t->u.func.nresults; i++) {
                if (i) sb_put(b, ", ");
                type_str(b, t->u.func.results[i]->type);
            }
            sb_put(b, ")");
        }
        return;
    case TY_INTERFACE:
        if (!t->u.iface.nmethods) {
            sb_put(b, "interface {}");
            return;
        }
        sb_put(b, "interface {");
        for (int i = 0; i < t->u.iface.nmethods; i++) {
            Obj *m = t->u.iface.methods[i];
            sb_put(b, i ? "; " : " ");
            sb_put(b, m->name);
            SBuf sig = {0};
            type_str(&sig, m->type);
            sb_put(b, sig.s + 4); /* drop "func" */
            mem_free(sig.s, (size_t)sig.cap);
        }
        sb_put(b, " }");
        return;
    case TY_UINT8: sb_put(b, "uint8"); return;
    case TY_INT32: sb_put(b, "int32"); return;
    default: sb_put(b, ty_basic_name(t->kind)); return;
    }
}

static int64_t align_of(RType *t);

static int64_t size_of_kind(RType *t) {
    switch (t->kind) {
    case RK_BOOL: case RK_INT8: case RK_UINT8: return 1;
    case RK_INT16: case RK_UINT16: return 2;
    case RK_INT32: case RK_UINT32: case RK_FLOAT32: return 4;
    case RK_STRING: case RK_IFACE: return 16;
    case RK_SLICE: return 24;
    case RK_ARRAY: return t->len * t->elem->size;
    case RK_STRUCT: {
        int64_t off = 0, maxa = 1;
        for (int i = 0; i < t->nfields; i++) {
            RType *ft = (RType *)t->fields[i].type;
            int64_t a = align_of(ft);
            if (a > maxa) maxa = a;
            off = (off + a - 1) / a * a + ft->size;
        }
        return (off + maxa - 1) / maxa * maxa;
    }
    default: return 8;
    }
}

static int64_t align_of(RType *t) {
    switch (t->kind) {
    case RK_ARRAY: return align_of((RType *)t->elem);
    case RK_STRUCT: {
        int64_t a = 1;
        for (int i = 0; i < t->nfields; i++) {
            int64_t x = align_of((RType *)t->fields[i].type);
            if (x > a) a = x;
        }
        return a;
    }
    case RK_STRING: case RK_IFACE: case RK_SLICE: return 8;
    default: return t->size < 8 ? (t->size ? t->size : 1) : 8;
    }
}

int comp_intern(CompCtx *cc, const char *name) { return vm_intern(cc->vm, name); }

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

RType *comp_rtype(CompCtx *cc, Type *t) {
    if (!t) return NULL;
    if (t->kind == TY_UNTYPED_NIL) t = NULL;
    if (t && ty_is_untyped(t)) t = ty_default(&cc->prog->ty, t);
    SBuf sb = {0};
    type_str(&sb, t);
    int named = t && t->kind == TY_NAMED;
    for (int i = 0; i < cc->types.len; i++) {
        TypeEnt *e = &cc->types.items[i];
        if (named ? e->t == t : (!e->t || e->t->kind != TY_NAMED) && strcmp(e->key, sb.s) == 0) {
            mem_free(sb.s, (size_t)sb.cap);
            return e->rt;
        }
    }
    Type *u = t ? ty_under(t) : NULL;
    RType *rt = vm_type_new(cc->vm, u ? rkind_of(u->kind) : RK_NIL, sb.s);
    rt->named = named;
    TypeEnt ent = {t, rt->str, rt};
    VEC_PUSH(cc->types, ent);
    mem_free(sb.s, (size_t)sb.cap);
    if (u) {
        switch (u->kind) {
        case TY_POINTER:
        case TY_SLICE: rt->elem = comp_rtype(cc, u->u.ptr.elem); break;
        case TY_ARRAY:
            rt->elem = comp_rtype(cc, u->u.array.elem);
            rt->len = u->u.array.len;
            break;
        case TY_MAP:
            rt->key = comp_rtype(cc, u->u.map.key);
            rt->elem = comp_rtype(cc, u->u.map.val);
            break;
        case TY_CHAN: rt->elem = comp_rtype(cc, u->u.chan.elem); break;
        case TY_STRUCT:
            rt->nfields = u->u.strct.nfields;
            rt->fields = arena_alloc(&cc->vm->arena, sizeof(RField) * (size_t)(rt->nfields ? rt->nfields : 1));
            for (int i = 0; i < rt->nfields; i++) {
                Obj *f = u->u.strct.fields[i];
                rt->fields[i].name = arena_strndup(&cc->vm->arena, f->name, strlen(f->name));
                rt->fields[i].type = comp_rtype(cc, f->type);
                rt->fields[i].embedded = (f->flags & OBJF_EMBEDDED) != 0;
            }
            break;
        case TY_INTERFACE:
            rt->nimethods = u->u.iface.nmethods;
            rt->imethods = arena_alloc(&cc->vm->arena, sizeof(int) * (size_t)(rt->nimethods ? rt->nimethods : 1));
            for (int i = 0; i < rt->nimethods; i++) rt->imethods[i] = comp_intern(cc, u->u.iface.methods[i]->name);
            qsort(rt->imethods, (size_t)rt->nimethods, sizeof(int), cmp_int);
            break;
        default: break;
        }
    }
    rt->size = size_of_kind(rt);
    return rt;
}

/* method_set: give every named type (and pointer to one) its methods, once
 * all functions have closures. Pointer types get the value methods too,
 * marked deref (the VM copies *p for them). */
static int cmp_method(const void *a, const void *b) {
    return ((const RMethod *)a)->name_id - ((const RMethod *)b)->name_id;
}

/* collect_promoted: names of methods reachable through embedded fields of
 * struct type [t] (depth-limited), appended to [names] without duplicates. */
typedef VEC(const char *) NameVec;
static void collect_promoted(Type *t, NameVec *names, int depth) {
    if (depth > 8) return;
    if (t->kind == TY_POINTER) t = t->u.ptr.elem;
    if (t->kind == TY_NAMED) {
        for (int j = 0; depth > 0 && j < t->u.named.nmethods; j++) {
            const char *nm = t->u.named.methods[j]->name;
            int dup = 0;
            for (int k = 0; k < names->len; k++) dup |= strcmp(names->items[k], nm) == 0;
            if (!dup) VEC_PUSH(*names, nm);
        }
    }
    Type *u = ty_under(t);
    if (!u || u->kind != TY_STRUCT) return;
    for (int i = 0; i < u->u.strct.nfields; i++)
        if (u->u.strct.fields[i]->flags & OBJF_EMBEDDED) collect_promoted(u->u.strct.fields[i]->type, names, depth + 1);
}

/* promoted_wrapper: a function (recv, args...) that walks the embedded
 * fields [sel].path from the receiver and calls the promoted method. */
static GcObj *promoted_wrapper(CompCtx *cc, Type *recv_t, const TySel *sel, const char *tname) {
    Obj *m = sel->obj;
    FuncEnt *fe = comp_func_of(cc, m);
    if (!fe) return NULL;
    Type *sig = m->type;
    int np = sig->u.func.nparams, nr = sig->u.func.nresults;
    char name[256];
    snprintf(name, sizeof name, "%s.%s", tname, m->name);
    Proto *p = vm_proto_new(cc->vm, name);
    p->nparams = 1 + np;
    p->nresults = nr;
    int base = 1 + np, ncode = sel->npath + 2 + np + 3;
    p->code = mem_alloc(sizeof(Instr) * (size_t)ncode);
    p->lines = mem_alloc(sizeof(int) * (size_t)ncode);
    p->k = mem_alloc(sizeof(Value));
    p->k[0] = fe->closure;
    p->nk = 1;
    int pc = 0, r = 0;
    /* The receiver R[0] is the struct (value or pointer: both the
     * aggregate); each step loads the embedded field (an aggregate or a
     * pointer to one). */
    Type *cur = recv_t;
    for (int i = 0; i < sel->npath; i++) {
        Type *st = ty_under(cur);
        if (st->kind == TY_POINTER) st = ty_under(st->u.ptr.elem);
        p->code[pc++] = VM_MK(OP_GETF, base + 1, r, sel->path[i], 0);
        r = base + 1;
        cur = st->u.strct.fields[sel->path[i]]->type;
    }
    int ptr_recv = (m->flags & OBJF_PTR_RECV) != 0;
    int cur_is_ptr = ty_under(cur)->kind == TY_POINTER;
    if (!ptr_recv && comp_is_agg(m->type->u.func.recv->type)) p->code[pc++] = VM_MK(OP_CLONE, base + 1, r, 0, 0);
    else if (!ptr_recv && cur_is_ptr && !comp_is_agg(m->type->u.func.recv->type))
        p->code[pc++] = VM_MK(OP_LOAD, base + 1, r, 0, 0);
    else p->code[pc++] = VM_MK(OP_MOVE, base + 1, r, 0, 0);
    p->code[pc++] = VM_MKX(OP_LOADK, base, 0);
    for (int i = 0; i < np; i++) p->code[pc++] = VM_MK(OP_MOVE, base + 2 + i, 1 + i, 0, 0);
    p->code[pc++] = VM_MK(OP_CALL, base, np + 1, nr, 0);
    p->code[pc++] = VM_MK(OP_RET, base, nr, 0, 0);
    if (pc < ncode) { /* one of the receiver forms was shorter: keep sizes exact */
        p->code = mem_realloc(p->code, sizeof(Instr) * (size_t)ncode, sizeof(Instr) * (size_t)pc);
        p->lines = mem_realloc(p->lines, sizeof(int) * (size_t)ncode, sizeof(int) * (size_t)pc);
    }
    p->ncode = pc;
    for (int i = 0; i < pc; i++) p->lines[i] = m->pos.line;
    p->nregs = base + 2 + np + nr;
    ClosureObj *c = vm_closure(cc->vm, p, 0);
    vm_pin(cc->vm, &c->h);
    return &c->h;
}

static void fill_methods(CompCtx *cc) {
    for (int i = 0; i < cc->types.len; i++) {
        Type *t = cc->types.items[i].t;
        RType *rt = cc->types.items[i].rt;
        if (!t || rt->nmethods || rt->kind == RK_IFACE) continue;
        Type *named = NULL;
        int is_ptr = 0;
        if (t->kind == TY_NAMED) named = t;
        else if (t->kind == TY_POINTER && t->u.ptr.elem->kind == TY_NAMED) {
            named = t->u.ptr.elem;
            is_ptr = 1;
        }
        if (!named) continue;
        NameVec promoted = {0};
        collect_promoted(named, &promoted, 0);
        if (!named->u.named.nmethods && !promoted.len) continue;
        int n = 0;
        RMethod *ms = arena_alloc(&cc->vm->arena,
                                  sizeof(RMethod) * (size_t)(named->u.named.nmethods + promoted.len + 1));
        for (int j = 0; j < named->u.named.nmethods; j++) {
            Obj *m = named->u.named.methods[j];
            int ptr_recv = (m->flags & OBJF_PTR_RECV) != 0;
            if (ptr_recv && !is_ptr) continue;
            FuncEnt *fe = comp_func_of(cc, m);
            if (!fe) continue;
            ms[n].name_id = comp_intern(cc, m->name);
            ms[n].fn = fe->closure.r;
            ms[n].deref = is_ptr && !ptr_recv;
            n++;
        }
        for (int j = 0; j < promoted.len; j++) {
            TySel sel = ty_lookup_field_or_method(&cc->prog->ty, t, promoted.items[j]);
            if (!sel.obj || sel.ambiguous || sel.obj->kind != OBJ_FUNC || sel.npath == 0) continue;
            /* T's method set holds value methods, and pointer methods only
             * when reached through an embedded pointer. */
            int ptr_recv = (sel.obj->flags & OBJF_PTR_RECV) != 0;
            if (!is_ptr && ptr_recv && !sel.indirect) continue;
            GcObj *fn = promoted_wrapper(cc, t, &sel, rt->str);
            if (!fn) continue;
            ms[n].name_id = comp_intern(cc, sel.obj->name);
            ms[n].fn = fn;
            ms[n].deref = 0;
            n++;
        }
        VEC_FREE(promoted);
        qsort(ms, (size_t)n, sizeof *ms, cmp_method);
        rt->methods = ms;
        rt->nmethods = n;
    }
}

/* ---- emitter ---- */

int comp_emit(FuncState *fs, Instr i) {
    if (fs->acc_name) { /* race/trace: name the shared access (race.h) */
        switch (VM_OP(i)) {
#define ACC_OP(name) case OP_##name:
            RACE_MEM_OPS(ACC_OP)
#undef ACC_OP
        case OP_CALL: /* a sync/atomic call (comp_call) */
            {
                struct AccName an = {fs->code.len, fs->acc_name};
                VEC_PUSH(fs->accs, an);
                break;
            }
        default: break;
        }
    }
    VEC_PUSH(fs->code, i);
    VEC_PUSH(fs->lines, fs->line);
    return fs->code.len - 1;
}

int comp_here(FuncState *fs) { return fs->code.len; }

void comp_patch(FuncState *fs, int at, int target) {
    Instr i = fs->code.items[at];
    int op = VM_OP(i), off = target - (at + 1);
    if (op >= OP_BLT && op <= OP_BGEK) {
        /* fused compare-and-branch: a 16-bit offset in C */
        if (off < -32768 || off > 32767) {
            comp_error(fs->cc, (Pos){fs->lines.items[at], 1}, "a conditional block of more than 32767 instructions is not supported");
            return;
        }
        fs->code.items[at] = VM_MK(op, VM_A(i), VM_B(i), (uint16_t)(int16_t)off, 0);
        return;
    }
    fs->code.items[at] = VM_MKX(op, VM_A(i), off);
}

int comp_jump(FuncState *fs, int op, int a) { return comp_emit(fs, VM_MKX(op, a, 0)); }

int comp_const(FuncState *fs, Value v) {
    for (int i = 0; i < fs->k.len; i++)
        if (fs->k.items[i].u == v.u && fs->k.items[i].r == v.r) return i;
    VEC_PUSH(fs->k, v);
    return fs->k.len - 1;
}

int comp_reg(FuncState *fs) { return comp_regs(fs, 1); }

int comp_regs(FuncState *fs, int n) {
    int r = fs->freereg;
    fs->freereg += n;
    if (fs->freereg > fs->maxreg) fs->maxreg = fs->freereg;
    if (fs->freereg > 60000) {
        comp_error(fs->cc, (Pos){fs->line, 1}, "function too large (more than 60000 registers)");
        fs->freereg = r;
    }
    return r;
}

int comp_boxed(Obj *o) { return (o->flags & (OBJF_CAPTURED | OBJF_ADDRESSED)) && !comp_is_agg(o->type); }

/* ---- functions ---- */

FuncEnt *comp_func_of(CompCtx *cc, Obj *fn) {
    for (int i = 0; i < cc->funcs.len; i++)
        if (cc->funcs.items[i].obj == fn) return &cc->funcs.items[i];
    for (int i = 0; i < cc->natives.len; i++)
        if (cc->natives.items[i].obj == fn) return &cc->natives.items[i];
    if (!(fn->flags & OBJF_NATIVE) || !fn->qname) return NULL;
    /* under the scheduler its own natives (sync, time, context...) win */
    const VmNativeDef *d = cc->vm->has_sched ? sched_native_lookup(fn->qname) : NULL;
    if (!d) d = vm_native_lookup(fn->qname);
    if (!d) return NULL;
    Type *sig = fn->type;
    int np = sig->u.func.nparams + (sig->u.func.recv ? 1 : 0);
    Proto *p = vm_native_proto(cc->vm, fn->qname, d->fn, np, sig->u.func.nresults);
    ClosureObj *c = vm_closure(cc->vm, p, 0);
    vm_pin(cc->vm, &c->h);
    FuncEnt e = {NULL, fn, p, cc->vm->protos.len - 1, {{0}, &c->h}};
    VEC_PUSH(cc->natives, e);
    return &cc->natives.items[cc->natives.len - 1];
}

FuncEnt *comp_lit_of(CompCtx *cc, ChkFunc *cf) {
    for (int i = 0; i < cc->funcs.len; i++)
        if (cc->funcs.items[i].cf == cf) return &cc->funcs.items[i];
    return NULL;
}

static void fs_init(FuncState *fs, CompCtx *cc, ChkFunc *cf, Proto *p) {
    memset(fs, 0, sizeof *fs);
    fs->cc = cc;
    fs->cf = cf;
    fs->p = p;
    if (cf) {
        fs->nlocals = cf->locals.len;
        fs->lreg = mem_alloc(sizeof(int) * (size_t)(fs->nlocals ? fs->nlocals : 1));
        for (int i = 0; i < fs->nlocals; i++) fs->lreg[i] = -1;
    }
}

/* fs_finish: move the emitted code into the proto. */
static void fs_finish(FuncState *fs) {
    Proto *p = fs->p;
    p->ncode = fs->code.len;
    p->code = mem_alloc(sizeof(Instr) * (size_t)(p->ncode ? p->ncode : 1));
    p->lines = mem_alloc(sizeof(int) * (size_t)(p->ncode ? p->ncode : 1));
    memcpy(p->code, fs->code.items, sizeof(Instr) * (size_t)p->ncode);
    memcpy(p->lines, fs->lines.items, sizeof(int) * (size_t)p->ncode);
    if (fs->accs.len && p->ncode) { /* race/trace names (race.h) */
        p->acc_names = arena_alloc(&fs->cc->vm->arena, sizeof(char *) * (size_t)p->ncode);
        for (int i = 0; i < fs->accs.len; i++)
            if (fs->accs.items[i].pc < p->ncode) p->acc_names[fs->accs.items[i].pc] = fs->accs.items[i].name;
    }
    VEC_FREE(fs->accs);
    if (!p->ncode) {
        mem_free(p->code, sizeof(Instr));
        mem_free(p->lines, sizeof(int));
        p->code = NULL;
        p->lines = NULL;
    }
    p->nk = fs->k.len;
    p->k = NULL;
    if (p->nk) {
        p->k = mem_alloc(sizeof(Value) * (size_t)p->nk);
        memcpy(p->k, fs->k.items, sizeof(Value) * (size_t)p->nk);
    }
    p->nregs = fs->maxreg > p->nparams ? fs->maxreg : p->nparams;
    if (p->nregs < p->nresults) p->nregs = p->nresults;
    VEC_FREE(fs->code);
    VEC_FREE(fs->lines);
    VEC_FREE(fs->k);
    mem_free(fs->lreg, sizeof(int) * (size_t)(fs->nlocals ? fs->nlocals : 1));
}

/* compile_func: one function body. */
static void compile_func(CompCtx *cc, FuncEnt *fe) {
    ChkFunc *cf = fe->cf;
    FuncState fs;
    fs_init(&fs, cc, cf, fe->p);
    Proto *p = fe->p;
    p->nparams = cf->nparams;
    p->nresults = cf->nresults;
    fs.line = cf->decl->pos.line;
    fs.freereg = fs.maxreg = cf->nparams;
    fs.has_defer = comp_scan_defer(cf->body);
    /* Parameters arrive in R[0..nparams); box the ones closures share. */
    for (int i = 0; i < cf->nparams; i++) {
        Obj *o = cf->locals.items[i];
        fs.lreg[i] = i;
        if (o && comp_boxed(o)) EMIT(&fs, NEWCELL, i, i, 0);
    }
    fs.nactive = cf->nparams;
    for (int i = 0; i < cf->nresults; i++) {
        /* Unnamed results are only read by the epilogue a recovery jumps
         * to, so without defers they need no zeroing. */
        Obj *o = cf->locals.items[cf->nparams + i];
        int unnamed = !o || !o->name || !o->name[0] || strcmp(o->name, "_") == 0;
        if (unnamed && !fs.has_defer) {
            int r = comp_reg(&fs);
            if (o) fs.lreg[o->index] = r;
            fs.nactive = r + 1;
        } else comp_declare_local(&fs, o, -1);
    }
    /* Upvalues: what the literal captures, in the checker's order. */
    if (cf->outer && !p->upvals) {
        /* Filled at the CLOSURE site (comp_closure_to), which may come first. */
        p->nupvals = cf->captures.len;
        p->upvals = arena_alloc(&cc->vm->arena, sizeof(UpvalDesc) * (size_t)(p->nupvals ? p->nupvals : 1));
    }
    comp_block(&fs, cf->body);
    fs.line = cf->body->u.block.rbrace.line ? cf->body->u.block.rbrace.line : fs.line;
    comp_return_epilogue(&fs);
    comp_patch_gotos(&fs);
    fs_finish(&fs);
}

/* ---- the program ---- */

static void compile_entry(CompCtx *cc, Proto *p) {
    FuncState fs;
    fs_init(&fs, cc, NULL, p);
    ChkProgram *prog = cc->prog;
    /* Zero values first: aggregates need their own objects. */
    for (int i = 0; i < prog->globals.len; i++) {
        Obj *o = prog->globals.items[i];
        if (!comp_is_agg(o->type) && !comp_boxed(o)) continue;
        int r = comp_reg(&fs);
        comp_zero_to(&fs, o->type, r);
        /* an address-taken scalar global lives in a cell, as boxed locals do */
        if (comp_boxed(o)) EMIT(&fs, NEWCELL, r, r, 0);
        EMITX(&fs, SETG, r, o->index);
        fs.freereg = 0;
    }
    for (int i = 0; i < prog->inits.len; i++) {
        ChkInit *in = &prog->inits.items[i];
        if (!in->rhs) continue;
        fs.line = in->rhs->pos.line;
        if (in->nlhs == 1) {
            int r = comp_reg(&fs);
            Type *dt = in->lhs[0] ? in->lhs[0]->type : in->rhs->type;
            comp_value_to(&fs, in->rhs, dt, r);
            if (in->lhs[0]) comp_store_var(&fs, in->lhs[0], r);
        } else {
            int base = comp_call(&fs, in->rhs, in->nlhs);
            for (int k = 0; k < in->nlhs; k++)
                if (in->lhs[k]) comp_store_var(&fs, in->lhs[k], base + k);
        }
        fs.freereg = 0;
    }
    for (int i = 0; i < prog->init_funcs.len + 1; i++) {
        Obj *fn = i < prog->init_funcs.len ? prog->init_funcs.items[i] : prog->main_func;
        FuncEnt *fe = fn ? comp_func_of(cc, fn) : NULL;
        if (!fe) continue;
        int r = comp_reg(&fs);
        EMITX(&fs, LOADK, r, comp_const(&fs, fe->closure));
        EMIT(&fs, CALL, r, 0, 0);
        fs.freereg = 0;
    }
    EMIT(&fs, RET, 0, 0, 0);
    fs.maxreg = fs.maxreg < 1 ? 1 : fs.maxreg;
    fs_finish(&fs);
}

int comp_program(Vm *vm, ChkProgram *prog, const SrcFile *src, FILE *err, Value *entry) {
    CompCtx cc = {0};
    cc.vm = vm;
    cc.prog = prog;
    cc.src = src;
    cc.err = err;
    vm->filename = arena_strndup(&vm->arena, src->path, strlen(src->path));
    vm->nglobals = prog->globals.len;
    vm->globals = mem_alloc(sizeof(Value) * (size_t)(vm->nglobals ? vm->nglobals : 1));
    if (!vm->nglobals) {
        mem_free(vm->globals, sizeof(Value));
        vm->globals = NULL;
    }
    /* Every body gets its proto (and declared ones their closure) before
     * any is compiled, so calls resolve in any order. */
    for (int i = 0; i < prog->funcs.len; i++) {
        ChkFunc *cf = prog->funcs.items[i];
        const char *name = cf->obj && cf->obj->qname ? cf->obj->qname : "main.func";
        Proto *p = vm_proto_new(vm, name);
        FuncEnt e = {cf, cf->decl->kind == AST_FUNC_DECL ? cf->obj : NULL, p, vm->protos.len - 1, {{0}, NULL}};
        if (e.obj) {
            ClosureObj *c = vm_closure(vm, p, 0);
            vm_pin(vm, &c->h);
            e.closure = (Value){{0}, &c->h};
        }
        VEC_PUSH(cc.funcs, e);
    }
    for (int i = 0; i < cc.funcs.len; i++) compile_func(&cc, &cc.funcs.items[i]);
    Proto *ep = vm_proto_new(vm, "runtime.main");
    compile_entry(&cc, ep);
    fill_methods(&cc);
    ClosureObj *c = vm_closure(vm, ep, 0);
    vm_pin(vm, &c->h);
    *entry = (Value){{0}, &c->h};
    VEC_FREE(cc.types);
    VEC_FREE(cc.funcs);
    VEC_FREE(cc.natives);
    return cc.nerrors;
}

void comp_disasm(const Vm *vm, FILE *out) {
    for (int i = 0; i < vm->protos.len; i++) {
        if (vm->protos.items[i]->native) continue;
        if (i) fputc('\n', out);
        vm_disasm_proto(vm, vm->protos.items[i], out);
    }
}
