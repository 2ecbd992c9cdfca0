/* compile_expr: expressions to bytecode: constants, variables (registers,
 * cells, upvalues, globals), operators, conversions, composite literals,
 * selectors, indexing, slicing, assertions, closures and calls (static,
 * method, interface, value, built-in). See compile_int.h for the rules. */
#include <string.h>

#include "compile_int.h"
#include "sched.h"
#include "vm_native.h"

const char *comp_expr_name(Node *x, char *buf, size_t n) {
    while (x && (x->kind == AST_PAREN || x->kind == AST_STAR || (x->kind == AST_UNARY && x->u.unary.op == TK_AND)))
        x = x->u.unary.x;
    if (!x || n < 2) return NULL;
    if (x->kind == AST_IDENT) {
        snprintf(buf, n, "%s", x->u.ident.name);
        return buf;
    }
    if (x->kind == AST_SELECTOR && x->u.selector.sel && x->u.selector.sel->kind == AST_IDENT) {
        if (!comp_expr_name(x->u.selector.x, buf, n)) return NULL;
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, ".%s", x->u.selector.sel->u.ident.name);
        return buf;
    }
    return NULL;
}

static Node *unparen(Node *n) {
    while (n && n->kind == AST_PAREN) n = n->u.unary.x;
    return n;
}

/* acc_text: [x]'s location name into [buf] (race/trace names). */
static int acc_text(Node *x, char *buf, size_t n) {
    x = unparen(x);
    while (x && x->kind == AST_UNARY && x->u.unary.op == TK_AND) x = unparen(x->u.unary.x); /* &hits: hits */
    if (!x || n < 8) return 0;
    switch (x->kind) {
    case AST_IDENT: snprintf(buf, n, "%s", x->u.ident.name); return 1;
    case AST_SELECTOR: {
        if (!x->u.selector.sel || x->u.selector.sel->kind != AST_IDENT) return 0;
        if (!acc_text(x->u.selector.x, buf, n)) snprintf(buf, n, "?");
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, ".%s", x->u.selector.sel->u.ident.name);
        return 1;
    }
    case AST_INDEX: {
        if (!acc_text(x->u.index.x, buf, n)) snprintf(buf, n, "?");
        size_t l = strlen(buf);
        snprintf(buf + l, n - l, "[]");
        return 1;
    }
    case AST_STAR: {
        char in[96];
        if (!acc_text(x->u.unary.x, in, sizeof in)) return 0;
        size_t l = strlen(in);
        if (l + 2 > n) l = n - 2;
        buf[0] = '*';
        memcpy(buf + 1, in, l);
        buf[l + 1] = 0;
        return 1;
    }
    default: return 0;
    }
}

const char *comp_acc_name(FuncState *fs, Node *x) {
    if (!fs->cc->vm->mem_hook) return NULL;
    char buf[96];
    if (!acc_text(x, buf, sizeof buf)) return NULL;
    return arena_strndup(&fs->cc->vm->arena, buf, strlen(buf));
}

/* sync_recv_name: the trace name of a sync method call's receiver [x]
 * ("c.mu": comp_expr_name), interned; NULL without the memory hook (a
 * trace always has it) or when [x] is no name. */
static const char *sync_recv_name(FuncState *fs, Node *x) {
    char buf[128];
    if (!fs->cc->vm->mem_hook || !comp_expr_name(x, buf, sizeof buf)) return NULL;
    return arena_strndup(&fs->cc->vm->arena, buf, strlen(buf));
}

/* acc_var: the name of variable [o] for its GETG/SETG/LOADC/STOREC. */
static const char *acc_var(FuncState *fs, Obj *o) {
    if (!fs->cc->vm->mem_hook || !o->name) return NULL;
    return arena_strndup(&fs->cc->vm->arena, o->name, strlen(o->name));
}

static TyCtx *tyc(FuncState *fs) { return &fs->cc->prog->ty; }

static Type *deftype(FuncState *fs, Type *t) { return t && ty_is_untyped(t) ? ty_default(tyc(fs), t) : t; }

static int small_kind(RKind k) {
    return k == RK_INT8 || k == RK_INT16 || k == RK_INT32 || k == RK_UINT8 || k == RK_UINT16 || k == RK_UINT32;
}

/* comp_narrow: TRUNC after integer arithmetic on sub-64-bit kinds, F32 on
 * float32. */
void comp_narrow(FuncState *fs, Type *t, int r) {
    RType *rt = comp_rtype(fs->cc, deftype(fs, t));
    if (small_kind(rt->kind)) EMITD(fs, TRUNC, r, r, 0, rt->kind);
    else if (rt->kind == RK_FLOAT32) EMIT(fs, F32, r, r, 0);
}

/* ---- constants ---- */

void comp_load_const(FuncState *fs, const ConstVal *cv, Type *t, int dst) {
    t = deftype(fs, t);
    Type *u = t ? ty_under(t) : NULL;
    Value v = {{0}, NULL};
    switch (cv->kind) {
    case CV_BOOL: EMITX(fs, LOADI, dst, cv->b ? 1 : 0); return;
    case CV_STRING:
        if (cv->slen == 0) {
            EMIT(fs, LOADNIL, dst, 0, 0);
            return;
        }
        v = vm_str(fs->cc->vm, cv->s, cv->slen);
        vm_pin(fs->cc->vm, v.r);
        break;
    case CV_INT:
    case CV_FLOAT:
        if (u && ty_is_float(u)) {
            v.f = cv_float64_val(cv);
            if (u->kind == TY_FLOAT32) v.f = (double)(float)v.f;
        } else {
            ConstVal *iv = cv->kind == CV_INT ? (ConstVal *)cv : cv_to_int(&fs->cc->prog->ty.arena, cv);
            if (!iv) iv = (ConstVal *)cv;
            if (u && ty_is_unsigned(u)) v.u = cv_uint64_val(iv);
            else v.i = cv_int64_val(iv);
            if (v.i >= INT32_MIN && v.i <= INT32_MAX) {
                EMITX(fs, LOADI, dst, (int32_t)v.i);
                return;
            }
        }
        break;
    }
    EMITX(fs, LOADK, dst, comp_const(fs, v));
}

void comp_zero_to(FuncState *fs, Type *t, int dst) {
    if (comp_is_agg(t)) EMITX(fs, ZERO, dst, comp_rtype(fs->cc, t)->id);
    else EMIT(fs, LOADNIL, dst, 0, 0);
}

/* ---- variables ---- */

static int capture_index(FuncState *fs, Obj *o) {
    for (int i = 0; fs->cf && i < fs->cf->captures.len; i++)
        if (fs->cf->captures.items[i] == o) return i;
    comp_error(fs->cc, o->pos, "internal: %s is not captured", o->name);
    return 0;
}

/* home_to: a register holding o's cell (boxed) or aggregate: a global's or
 * a capture's is loaded into [dst]; a local's is its own register, or -1
 * for an unboxed scalar local of this function (use fs->lreg). */
static int home_to(FuncState *fs, Obj *o, int dst) {
    if (o->flags & OBJF_GLOBAL) {
        EMITX(fs, GETG, dst, o->index);
        return dst;
    }
    if (fs->cf && o->fn == fs->cf) return comp_boxed(o) || comp_is_agg(o->type) ? fs->lreg[o->index] : -1;
    EMIT(fs, GETU, dst, capture_index(fs, o), 0);
    return dst;
}

/* var_home: home_to, a global's or a capture's loaded into a new register. */
static int var_home(FuncState *fs, Obj *o) {
    int own = !(o->flags & OBJF_GLOBAL) && fs->cf && o->fn == fs->cf;
    return home_to(fs, o, own ? -1 : comp_reg(fs));
}

/* cell_up: the capture index of [o] if its cell is reached by LOADC /
 * STOREC with D = 1 (a captured boxed variable; the memory hook finds the
 * cell in the closure: race_int.h cell_ref), else -1. A
 * goroutine preempted at a shared access reports the line of the
 * instruction before it (sched_line), which for GETU+LOADC is the access's
 * own line: fuse only where the instruction before has that line too, so
 * recorded schedules keep their sites. */
static int cell_up(FuncState *fs, Obj *o) {
    if ((o->flags & OBJF_GLOBAL) || !fs->cf || o->fn == fs->cf || !comp_boxed(o)) return -1;
    if (comp_is_agg(o->type)) return -1;
    if (fs->code.len > 0 && fs->lines.items[fs->code.len - 1] != fs->line) return -1;
    return capture_index(fs, o);
}

void comp_load_var_to(FuncState *fs, Obj *o, int dst) {
    int u = cell_up(fs, o);
    if (u >= 0) {
        const char *save_acc = fs->acc_name;
        fs->acc_name = acc_var(fs, o);
        EMITD(fs, LOADC, dst, u, 0, 1);
        fs->acc_name = save_acc;
        return;
    }
    if (!(o->flags & OBJF_GLOBAL) && fs->cf && o->fn == fs->cf && !comp_boxed(o)) {
        if (fs->lreg[o->index] != dst) EMIT(fs, MOVE, dst, fs->lreg[o->index], 0);
        return;
    }
    const char *save_acc = fs->acc_name;
    fs->acc_name = acc_var(fs, o);
    if (!comp_boxed(o)) {
        int h = home_to(fs, o, dst); /* an aggregate, or an unboxed global */
        if (h != dst) EMIT(fs, MOVE, dst, h, 0);
    } else {
        EMIT(fs, LOADC, dst, var_home(fs, o), 0);
    }
    fs->acc_name = save_acc;
}

int comp_load_var(FuncState *fs, Obj *o) {
    if (!(o->flags & OBJF_GLOBAL) && fs->cf && o->fn == fs->cf && !comp_boxed(o)) return fs->lreg[o->index];
    int u = cell_up(fs, o);
    if (u >= 0) {
        int t = comp_reg(fs);
        const char *save_acc = fs->acc_name;
        fs->acc_name = acc_var(fs, o);
        EMITD(fs, LOADC, t, u, 0, 1);
        fs->acc_name = save_acc;
        return t;
    }
    const char *save_acc = fs->acc_name;
    fs->acc_name = acc_var(fs, o);
    int h = var_home(fs, o);
    if (!comp_boxed(o)) {
        fs->acc_name = save_acc;
        return h; /* an aggregate, or an unboxed global (GETG loaded it) */
    }
    int t = comp_reg(fs);
    EMIT(fs, LOADC, t, h, 0);
    fs->acc_name = save_acc;
    return t;
}

static void store_var(FuncState *fs, Obj *o, int src);
void comp_store_var(FuncState *fs, Obj *o, int src) {
    const char *save_acc = fs->acc_name;
    fs->acc_name = acc_var(fs, o);
    store_var(fs, o, src);
    fs->acc_name = save_acc;
}

static void store_var(FuncState *fs, Obj *o, int src) {
    if (comp_is_agg(o->type)) {
        int h = var_home(fs, o);
        EMIT(fs, ASSIGN, h, src, 0);
        return;
    }
    if ((o->flags & OBJF_GLOBAL) && !comp_boxed(o)) {
        EMITX(fs, SETG, src, o->index);
        return;
    }
    int u = cell_up(fs, o);
    if (u >= 0) {
        EMITD(fs, STOREC, u, src, 0, 1);
        return;
    }
    int h = var_home(fs, o);
    if (h < 0) {
        if (fs->lreg[o->index] != src) EMIT(fs, MOVE, fs->lreg[o->index], src, 0);
    } else EMIT(fs, STOREC, h, src, 0);
}

/* ---- closures ---- */

void comp_closure_to(FuncState *fs, ChkFunc *cf, int dst) {
    FuncEnt *fe = comp_lit_of(fs->cc, cf);
    if (!fe) {
        comp_error(fs->cc, cf->decl->pos, "internal: function literal without a body record");
        return;
    }
    Proto *p = fe->p;
    p->nupvals = cf->captures.len;
    if (!p->upvals)
        p->upvals = arena_alloc(&fs->cc->vm->arena, sizeof(UpvalDesc) * (size_t)(p->nupvals ? p->nupvals : 1));
    for (int i = 0; i < cf->captures.len; i++) {
        Obj *o = cf->captures.items[i];
        if (fs->cf && o->fn == fs->cf) p->upvals[i] = (UpvalDesc){0, (uint16_t)fs->lreg[o->index]};
        else p->upvals[i] = (UpvalDesc){1, (uint16_t)capture_index(fs, o)};
    }
    EMITX(fs, CLOSURE, dst, fe->pindex);
}

/* ---- copies and conversions ---- */

static int is_fresh(Node *n) {
    n = unparen(n);
    switch (n->kind) {
    case AST_COMPOSITE_LIT:
    case AST_TYPE_ASSERT: return 1;
    case AST_CALL:
        if (NF_CALL(n) == CALL_CONV) return n->u.call.args.n && is_fresh(n->u.call.args.items[0]);
        return 1;
    default: return 0;
    }
}

void comp_value_to(FuncState *fs, Node *n, Type *dt, int dst) {
    Type *st = n->type;
    if (dt && ty_is_interface(dt) && st && !ty_is_interface(st)) {
        if (st->kind == TY_UNTYPED_NIL) {
            EMIT(fs, LOADNIL, dst, 0, 0);
            return;
        }
        st = deftype(fs, st);
        if (comp_is_agg(st) && !is_fresh(n)) EMIT(fs, CLONE, dst, comp_expr(fs, n), 0);
        else comp_expr_to(fs, n, dst);
        EMIT(fs, BOX, dst, dst, comp_rtype(fs->cc, st)->id);
        return;
    }
    if (comp_is_agg(st) && !is_fresh(n)) {
        int r = comp_expr(fs, n);
        EMIT(fs, CLONE, dst, r, 0);
        return;
    }
    comp_expr_to(fs, n, dst);
}

static void conversion(FuncState *fs, Node *call, int dst) {
    Node *x = call->u.call.args.items[0];
    Type *T = call->type, *S = deftype(fs, x->type);
    Type *tu = ty_under(T), *su = ty_under(S);
    if (ty_is_interface(T)) {
        comp_value_to(fs, x, T, dst);
        return;
    }
    int r = comp_expr(fs, x);
    if (ty_is_integer(tu) && ty_is_integer(su)) {
        if (r != dst) EMIT(fs, MOVE, dst, r, 0);
        comp_narrow(fs, T, dst);
    } else if (ty_is_float(tu) && ty_is_integer(su)) {
        EMITD(fs, ITOF, dst, r, 0, ty_is_unsigned(su) ? 1 : 0);
        comp_narrow(fs, T, dst);
    } else if (ty_is_integer(tu) && ty_is_float(su)) {
        EMITD(fs, FTOI, dst, r, 0, comp_rtype(fs->cc, T)->kind);
    } else if (ty_is_float(tu) && ty_is_float(su)) {
        if (tu->kind == TY_FLOAT32) EMIT(fs, F32, dst, r, 0);
        else if (r != dst) EMIT(fs, MOVE, dst, r, 0);
    } else if (ty_is_string(tu) && ty_is_integer(su)) {
        EMIT(fs, RUNESTR, dst, r, 0);
    } else if (tu->kind == TY_SLICE && ty_is_string(su)) {
        int k = ty_under(tu->u.ptr.elem)->kind;
        if (k == TY_UINT8) EMIT(fs, STOBYTES, dst, r, comp_rtype(fs->cc, T)->id);
        else EMIT(fs, STORUNES, dst, r, comp_rtype(fs->cc, T)->id);
    } else if (ty_is_string(tu) && su->kind == TY_SLICE) {
        int k = ty_under(su->u.ptr.elem)->kind;
        if (k == TY_UINT8) EMIT(fs, BYTESTOS, dst, r, 0);
        else EMIT(fs, RUNESTOS, dst, r, 0);
    } else if (comp_is_agg(T) && !is_fresh(x)) {
        EMIT(fs, CLONE, dst, r, 0);
    } else if (r != dst) EMIT(fs, MOVE, dst, r, 0);
}

/* ---- operators ---- */

void comp_arith(FuncState *fs, TokKind op, Type *t, int dst, int x, int y) {
    t = deftype(fs, t);
    Type *u = ty_under(t);
    int un = ty_is_unsigned(u);
    if (ty_is_float(u)) {
        int o = op == TK_ADD ? OP_FADD : op == TK_SUB ? OP_FSUB : op == TK_MUL ? OP_FMUL : OP_FDIV;
        comp_emit(fs, VM_MK(o, dst, x, y, 0));
        comp_narrow(fs, t, dst);
        return;
    }
    if (ty_is_string(u)) {
        EMIT(fs, CONCAT, dst, x, y);
        return;
    }
    int o;
    switch (op) {
    case TK_ADD: o = OP_ADD; break;
    case TK_SUB: o = OP_SUB; break;
    case TK_MUL: o = OP_MUL; break;
    case TK_QUO: o = un ? OP_DIVU : OP_DIV; break;
    case TK_REM: o = un ? OP_MODU : OP_MOD; break;
    case TK_AND: o = OP_AND; break;
    case TK_OR: o = OP_OR; break;
    case TK_XOR: o = OP_XOR; break;
    case TK_AND_NOT: o = OP_ANDNOT; break;
    case TK_SHL: o = OP_SHL; break;
    case TK_SHR: o = un ? OP_SHRU : OP_SHR; break;
    default: o = OP_ADD; GORO_ASSERT(!"bad arithmetic operator");
    }
    comp_emit(fs, VM_MK(o, dst, x, y, 0));
    comp_narrow(fs, t, dst);
}

static void compare(FuncState *fs, Node *n, int dst) {
    TokKind op = n->u.binary.op;
    Node *x = n->u.binary.x, *y = n->u.binary.y;
    Type *xt = deftype(fs, x->type), *yt = deftype(fs, y->type);
    Type *t = xt;
    if (xt->kind == TY_UNTYPED_NIL) t = yt;
    if (ty_is_interface(yt) && !ty_is_interface(xt) && xt->kind != TY_UNTYPED_NIL) t = yt;
    int a, b;
    /* Operands are read in place unless one must be boxed for the other. */
    if (ty_is_interface(t) && (!ty_is_interface(xt) || !ty_is_interface(yt))) {
        a = comp_reg(fs);
        comp_value_to(fs, x, t, a);
        b = comp_reg(fs);
        comp_value_to(fs, y, t, b);
    } else {
        a = comp_expr(fs, x);
        b = comp_expr(fs, y);
    }
    if (op == TK_GTR || op == TK_GEQ) {
        int s = a;
        a = b;
        b = s;
        op = op == TK_GTR ? TK_LSS : TK_LEQ;
    }
    Type *u = ty_under(t);
    int eq = op == TK_EQL || op == TK_NEQ;
    int o;
    if (eq && (ty_is_interface(t) || comp_is_agg(t))) {
        int nil_cmp = x->type->kind == TY_UNTYPED_NIL || y->type->kind == TY_UNTYPED_NIL;
        if (nil_cmp) o = OP_EQ;
        else {
            EMIT(fs, EQV, dst, a, b);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, t)->id);
            if (op == TK_NEQ) EMIT(fs, NOT, dst, dst, 0);
            return;
        }
        comp_emit(fs, VM_MK(op == TK_EQL ? OP_EQ : OP_NE, dst, a, b, 0));
        return;
    } else if (ty_is_string(u)) o = op == TK_EQL ? OP_SEQ : op == TK_NEQ ? OP_SNE : op == TK_LSS ? OP_SLT : OP_SLE;
    else if (ty_is_float(u)) o = op == TK_EQL ? OP_FEQ : op == TK_NEQ ? OP_FNE : op == TK_LSS ? OP_FLT : OP_FLE;
    else if (ty_is_unsigned(u)) o = op == TK_EQL ? OP_EQ : op == TK_NEQ ? OP_NE : op == TK_LSS ? OP_LTU : OP_LEU;
    else o = op == TK_EQL ? OP_EQ : op == TK_NEQ ? OP_NE : op == TK_LSS ? OP_LT : OP_LE;
    comp_emit(fs, VM_MK(o, dst, a, b, 0));
}

void comp_mark_unsigned_shift(FuncState *fs, Type *count_t) {
    if (!count_t || !ty_is_unsigned(ty_under(deftype(fs, count_t)))) return;
    /* An unsigned count can look negative as int64: flag the shift. */
    for (int at = comp_here(fs) - 1; at >= 0; at--) {
        Instr i = fs->code.items[at];
        int op = VM_OP(i);
        if (op == OP_SHL || op == OP_SHR || op == OP_SHRU) {
            fs->code.items[at] = VM_MK(op, VM_A(i), VM_B(i), VM_C(i), 1);
            return;
        }
    }
}

static int is_compare(TokKind op) {
    return op == TK_EQL || op == TK_NEQ || op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ;
}

static void binary(FuncState *fs, Node *n, int dst) {
    TokKind op = n->u.binary.op;
    if (op == TK_LAND || op == TK_LOR) {
        comp_expr_to(fs, n->u.binary.x, dst);
        int j = comp_jump(fs, op == TK_LAND ? OP_JF : OP_JT, dst);
        comp_expr_to(fs, n->u.binary.y, dst);
        comp_patch(fs, j, comp_here(fs));
        return;
    }
    if (is_compare(op)) {
        compare(fs, n, dst);
        return;
    }
    Node *x = n->u.binary.x, *y = n->u.binary.y;
    Type *t = n->type;
    /* x + small constant: one instruction (loop counters). */
    if ((op == TK_ADD || op == TK_SUB) && ty_is_integer(ty_under(deftype(fs, t))) && (y->flags & NF_CONST) &&
        y->cv && y->cv->kind == CV_INT) {
        int64_t c = cv_int64_val(y->cv);
        if (op == TK_SUB) c = -c;
        if (c >= -32768 && c <= 32767 && cv_fits_int(y->cv, 32, 1)) {
            int a = comp_expr(fs, x);
            EMIT(fs, ADDI, dst, a, (uint16_t)(int16_t)c);
            comp_narrow(fs, t, dst);
            return;
        }
    }
    /* x * k, x / k, x % k on signed ints: the constant as an operand. */
    if ((op == TK_MUL || op == TK_QUO || op == TK_REM) && (y->flags & NF_CONST) && y->cv && y->cv->kind == CV_INT) {
        Type *u = ty_under(deftype(fs, t));
        if (ty_is_integer(u) && !ty_is_unsigned(u) && cv_sign(y->cv) != 0) {
            int a = comp_expr(fs, x);
            Value k = {{.i = cv_int64_val(y->cv)}, NULL};
            int o = op == TK_MUL ? OP_MULK : op == TK_QUO ? OP_DIVK : OP_MODK;
            comp_emit(fs, VM_MK(o, dst, a, comp_const(fs, k), 0));
            comp_narrow(fs, t, dst);
            return;
        }
    }
    int a = comp_expr(fs, x);
    int b;
    if (op == TK_SHL || op == TK_SHR) {
        b = comp_reg(fs);
        Type *ct = deftype(fs, y->type);
        comp_value_to(fs, y, ct, b);
        comp_arith(fs, op, t, dst, a, b);
        comp_mark_unsigned_shift(fs, ct);
        return;
    } else b = comp_expr(fs, y);
    comp_arith(fs, op, t, dst, a, b);
}

static void unary(FuncState *fs, Node *n, int dst);

/* address_of: &x into dst. */
static void address_of(FuncState *fs, Node *x, int dst) {
    x = unparen(x);
    switch (x->kind) {
    case AST_IDENT: {
        Obj *o = x->obj;
        if (comp_is_agg(o->type)) {
            comp_load_var_to(fs, o, dst);
            return;
        }
        int h = home_to(fs, o, dst);
        if (h < 0) {
            comp_error(fs->cc, x->pos, "internal: address of unboxed variable %s", o->name);
            return;
        }
        if (h != dst) EMIT(fs, MOVE, dst, h, 0);
        return;
    }
    case AST_COMPOSITE_LIT: {
        if (comp_is_agg(x->type)) {
            comp_expr_to(fs, x, dst);
            return;
        }
        int r = comp_reg(fs);
        comp_expr_to(fs, x, r);
        EMIT(fs, NEWCELL, dst, r, 0);
        return;
    }
    case AST_SELECTOR: {
        int o = comp_expr(fs, x->u.selector.x);
        if (comp_is_agg(x->type)) EMIT(fs, GETF, dst, o, x->obj->index);
        else EMIT(fs, FIELDPTR, dst, o, x->obj->index);
        return;
    }
    case AST_INDEX: {
        Node *c = x->u.index.x;
        int cr = comp_expr(fs, c);
        int ir = comp_expr(fs, x->u.index.indices.items[0]);
        int is_slice = ty_under(c->type)->kind == TY_SLICE;
        if (comp_is_agg(x->type)) comp_emit(fs, VM_MK(is_slice ? OP_SGET : OP_GETE, dst, cr, ir, 0));
        else comp_emit(fs, VM_MK(is_slice ? OP_SELEMPTR : OP_ELEMPTR, dst, cr, ir, 0));
        return;
    }
    case AST_STAR: comp_expr_to(fs, x->u.unary.x, dst); return;
    default: comp_error(fs->cc, x->pos, "taking this address is not supported"); return;
    }
}

static void unary(FuncState *fs, Node *n, int dst) {
    TokKind op = n->u.unary.op;
    Node *x = n->u.unary.x;
    switch (op) {
    case TK_AND: address_of(fs, x, dst); return;
    case TK_ADD: comp_expr_to(fs, x, dst); return;
    case TK_SUB: {
        int r = comp_expr(fs, x);
        if (ty_is_float(ty_under(deftype(fs, n->type)))) EMIT(fs, FNEG, dst, r, 0);
        else EMIT(fs, NEG, dst, r, 0);
        comp_narrow(fs, n->type, dst);
        return;
    }
    case TK_NOT: EMIT(fs, NOT, dst, comp_expr(fs, x), 0); return;
    case TK_XOR:
        EMIT(fs, BNOT, dst, comp_expr(fs, x), 0);
        comp_narrow(fs, n->type, dst);
        return;
    case TK_ARROW: EMIT(fs, RECV, dst, comp_expr(fs, x), 0); return;
    default: comp_error(fs->cc, n->pos, "this unary operator is not supported"); return;
    }
}

/* ---- composite literals ---- */

static int field_index(Type *st, Node *key) {
    Type *u = ty_under(st);
    if (key->obj && (key->obj->flags & OBJF_FIELD)) return key->obj->index;
    for (int i = 0; i < u->u.strct.nfields; i++)
        if (strcmp(u->u.strct.fields[i]->name, key->u.ident.name) == 0) return i;
    return 0;
}

static void composite(FuncState *fs, Node *n, int dst) {
    Type *t = n->type;
    Type *u = ty_under(t);
    if (u->kind == TY_POINTER) { /* an elided &T{...} inside another literal */
        Type *et = u->u.ptr.elem;
        Type *save = n->type;
        n->type = et;
        if (comp_is_agg(et)) composite(fs, n, dst);
        else {
            int r = comp_reg(fs);
            composite(fs, n, r);
            EMIT(fs, NEWCELL, dst, r, 0);
        }
        n->type = save;
        return;
    }
    NodeList elts = n->u.composite.elts;
    RType *rt = comp_rtype(fs->cc, t);
    switch (u->kind) {
    case TY_STRUCT: {
        int tmp = comp_reg(fs);
        EMITX(fs, ZERO, tmp, rt->id);
        for (int i = 0; i < elts.n; i++) {
            Node *e = elts.items[i];
            int fi = i;
            if (e->kind == AST_KEY_VALUE) {
                fi = field_index(t, e->u.binary.x);
                e = e->u.binary.y;
            }
            int v = comp_reg(fs);
            comp_value_to(fs, e, u->u.strct.fields[fi]->type, v);
            EMIT(fs, SETF, tmp, fi, v);
            fs->freereg = v;
        }
        EMIT(fs, MOVE, dst, tmp, 0);
        return;
    }
    case TY_ARRAY: {
        int tmp = comp_reg(fs), ir = comp_reg(fs);
        EMITX(fs, ZERO, tmp, rt->id);
        int64_t idx = 0;
        for (int i = 0; i < elts.n; i++) {
            Node *e = elts.items[i];
            if (e->kind == AST_KEY_VALUE) {
                idx = cv_int64_val(e->u.binary.x->cv);
                e = e->u.binary.y;
            }
            int v = comp_reg(fs);
            comp_value_to(fs, e, u->u.array.elem, v);
            comp_load_const(fs, cv_int64(&tyc(fs)->arena, idx), tyc(fs)->basic[TY_INT], ir);
            EMIT(fs, SETE, tmp, ir, v);
            fs->freereg = v;
            idx++;
        }
        EMIT(fs, MOVE, dst, tmp, 0);
        return;
    }
    case TY_SLICE: {
        int keyed = 0;
        for (int i = 0; i < elts.n; i++) keyed |= elts.items[i]->kind == AST_KEY_VALUE;
        if (!keyed) {
            int eb = comp_regs(fs, elts.n);
            for (int i = 0; i < elts.n; i++) comp_value_to(fs, elts.items[i], u->u.ptr.elem, eb + i);
            EMIT(fs, SLICELIT, dst, eb, elts.n);
            EMITX(fs, EXTRA, 0, rt->id);
            return;
        }
        int64_t idx = 0, max = 0;
        for (int i = 0; i < elts.n; i++) {
            Node *e = elts.items[i];
            if (e->kind == AST_KEY_VALUE) idx = cv_int64_val(e->u.binary.x->cv);
            if (++idx > max) max = idx;
        }
        int tmp = comp_reg(fs), lr = comp_reg(fs);
        comp_load_const(fs, cv_int64(&tyc(fs)->arena, max), tyc(fs)->basic[TY_INT], lr);
        EMIT(fs, MAKESLICE, tmp, lr, 0xffff);
        EMITX(fs, EXTRA, 0, rt->id);
        idx = 0;
        for (int i = 0; i < elts.n; i++) {
            Node *e = elts.items[i];
            if (e->kind == AST_KEY_VALUE) {
                idx = cv_int64_val(e->u.binary.x->cv);
                e = e->u.binary.y;
            }
            int v = comp_reg(fs);
            comp_value_to(fs, e, u->u.ptr.elem, v);
            comp_load_const(fs, cv_int64(&tyc(fs)->arena, idx), tyc(fs)->basic[TY_INT], lr);
            EMIT(fs, SSET, tmp, lr, v);
            fs->freereg = v;
            idx++;
        }
        EMIT(fs, MOVE, dst, tmp, 0);
        return;
    }
    case TY_MAP: {
        int tmp = comp_reg(fs), hr = comp_reg(fs);
        EMITX(fs, LOADI, hr, elts.n);
        EMIT(fs, MAKEMAP, tmp, hr, 0);
        EMITX(fs, EXTRA, 0, rt->id);
        for (int i = 0; i < elts.n; i++) {
            Node *e = elts.items[i];
            int k = comp_reg(fs), v = comp_reg(fs);
            comp_value_to(fs, e->u.binary.x, u->u.map.key, k);
            comp_value_to(fs, e->u.binary.y, u->u.map.val, v);
            EMIT(fs, MSET, tmp, k, v);
            fs->freereg = k;
        }
        EMIT(fs, MOVE, dst, tmp, 0);
        return;
    }
    default: comp_error(fs->cc, n->pos, "composite literal of this type is not supported"); return;
    }
}

/* ---- method values ---- */

/* bound_method: a closure calling method [m] on the receiver in register
 * [recv] (a thunk proto per site; the receiver is its one upvalue). */
static void bound_method(FuncState *fs, Obj *m, int recv, int dst) {
    FuncEnt *fe = comp_func_of(fs->cc, m);
    if (!fe) {
        comp_error(fs->cc, m->pos, "method %s has no body", m->name);
        return;
    }
    Type *sig = m->type;
    int np = sig->u.func.nparams, nr = sig->u.func.nresults;
    char name[256];
    snprintf(name, sizeof name, "%s-fm", fe->p->name);
    Proto *p = vm_proto_new(fs->cc->vm, name);
    p->nparams = np;
    p->nresults = nr;
    p->nupvals = 1;
    p->upvals = arena_alloc(&fs->cc->vm->arena, sizeof(UpvalDesc));
    p->upvals[0] = (UpvalDesc){0, (uint16_t)recv};
    int base = np;
    int ncode = 3 + np + 1;
    p->code = mem_alloc(sizeof(Instr) * (size_t)ncode);
    p->lines = mem_alloc(sizeof(int) * (size_t)ncode);
    p->k = mem_alloc(sizeof(Value));
    p->k[0] = fe->closure;
    p->nk = 1;
    int pc = 0;
    p->code[pc++] = VM_MKX(OP_LOADK, base, 0);
    p->code[pc++] = VM_MK(OP_GETU, base + 1, 0, 0, 0);
    for (int i = 0; i < np; i++) p->code[pc++] = VM_MK(OP_MOVE, base + 2 + i, i, 0, 0);
    p->code[pc++] = VM_MK(OP_CALL, base, np + 1, nr, 0);
    p->code[pc++] = VM_MK(OP_RET, base, nr, 0, 0);
    GORO_ASSERT(pc == ncode);
    p->ncode = ncode;
    for (int i = 0; i < ncode; i++) p->lines[i] = fs->line;
    p->nregs = base + 2 + np + nr;
    EMITX(fs, CLOSURE, dst, fs->cc->vm->protos.len - 1);
}

/* ---- the expression switch ---- */

int comp_expr(FuncState *fs, Node *n) {
    Node *u = unparen(n);
    if (u->kind == AST_IDENT && !(u->flags & NF_CONST) && u->obj && u->obj->kind == OBJ_VAR)
        return comp_load_var(fs, u->obj);
    if (u->kind == AST_CALL && !(u->flags & NF_CONST)) return comp_call(fs, u, 1); /* result at the call base */
    int r = comp_reg(fs);
    comp_expr_to(fs, n, r);
    return r;
}

void comp_expr_to(FuncState *fs, Node *n, int dst) {
    if (n->flags & NF_CONST) {
        comp_load_const(fs, n->cv, n->type, dst);
        return;
    }
    int save_line = fs->line;
    if (n->pos.line) fs->line = n->pos.line;
    const char *save_acc = fs->acc_name; /* race/trace: what this node's access is called */
    fs->acc_name = n->kind == AST_SELECTOR || n->kind == AST_INDEX || n->kind == AST_STAR ? comp_acc_name(fs, n) : NULL;
    switch (n->kind) {
    case AST_PAREN: comp_expr_to(fs, n->u.unary.x, dst); break;
    case AST_IDENT: {
        Obj *o = n->obj;
        if (!o || o->kind == OBJ_NIL) EMIT(fs, LOADNIL, dst, 0, 0);
        else if (o->kind == OBJ_VAR) comp_load_var_to(fs, o, dst);
        else if (o->kind == OBJ_FUNC) {
            FuncEnt *fe = comp_func_of(fs->cc, o);
            if (!fe) comp_error(fs->cc, n->pos, "function %s is not supported", o->qname ? o->qname : o->name);
            else EMITX(fs, LOADK, dst, comp_const(fs, fe->closure));
        } else comp_error(fs->cc, n->pos, "identifier %s cannot be used as a value here", o->name);
        break;
    }
    case AST_FUNC_LIT: comp_closure_to(fs, n->obj->fn, dst); break;
    case AST_COMPOSITE_LIT: composite(fs, n, dst); break;
    case AST_BINARY: binary(fs, n, dst); break;
    case AST_UNARY: unary(fs, n, dst); break;
    case AST_STAR: {
        int p = comp_expr(fs, n->u.unary.x);
        if (comp_is_agg(n->type)) {
            EMIT(fs, NILCHK, p, 0, 0);
            if (p != dst) EMIT(fs, MOVE, dst, p, 0);
        } else EMIT(fs, LOAD, dst, p, 0);
        break;
    }
    case AST_SELECTOR: {
        Node *x = n->u.selector.x;
        switch (NF_SEL(n)) {
        case SEL_FIELD: EMIT(fs, GETF, dst, comp_expr(fs, x), n->obj->index); break;
        case SEL_PKG: {
            Obj *o = n->obj;
            if (o->kind == OBJ_FUNC) {
                FuncEnt *fe = comp_func_of(fs->cc, o);
                if (!fe) comp_error(fs->cc, n->pos, "%s is not supported", o->qname ? o->qname : o->name);
                else EMITX(fs, LOADK, dst, comp_const(fs, fe->closure));
            } else if (o->kind == OBJ_VAR && o->pkg && strcmp(o->pkg->path, "os") == 0 &&
                       (strcmp(o->name, "Stdout") == 0 || strcmp(o->name, "Stderr") == 0 ||
                        strcmp(o->name, "Stdin") == 0)) {
                /* *os.File{fd}: the natives write fd 1 to the run's output. */
                Type *ft = ty_under(o->type)->u.ptr.elem;
                AggObj *f = vm_new_agg(fs->cc->vm, comp_rtype(fs->cc, ft), 1);
                vm_pin(fs->cc->vm, &f->h);
                f->v[0].i = o->name[3] == 'o' ? 1 : o->name[3] == 'e' ? 2 : 0;
                EMITX(fs, LOADK, dst, comp_const(fs, (Value){{0}, &f->h}));
            } else if (o->kind == OBJ_VAR && o->pkg && strcmp(o->pkg->path, "os") == 0 &&
                       strcmp(o->name, "Args") == 0) {
                /* No ambient authority: the program's only argument is its name. */
                Vm *vm = fs->cc->vm;
                AggObj *arr = vm_new_agg(vm, NULL, 1);
                vm_pin(vm, &arr->h);
                arr->v[0] = vm_str(vm, "main", 4);
                Value sl = vm_new_slice(vm, arr, 0, 1, 1);
                vm_pin(vm, sl.r);
                EMITX(fs, LOADK, dst, comp_const(fs, sl));
            } else {
                Value pv;
                if (o->kind == OBJ_VAR && o->pkg && sched_pkg_var(fs->cc->vm, o->pkg->path, o->name, &pv) == 0)
                    EMITX(fs, LOADK, dst, comp_const(fs, pv));
                else comp_error(fs->cc, n->pos, "package member %s is not supported", o->name);
            }
            break;
        }
        case SEL_METHOD: {
            Obj *m = n->obj;
            int r = comp_reg(fs);
            comp_value_to(fs, x, m->type->u.func.recv->type, r);
            bound_method(fs, m, r, dst);
            break;
        }
        case SEL_METHOD_EXPR: {
            FuncEnt *fe = comp_func_of(fs->cc, n->obj);
            if (!fe) comp_error(fs->cc, n->pos, "this method expression is not supported");
            else EMITX(fs, LOADK, dst, comp_const(fs, fe->closure));
            break;
        }
        case SEL_IFACE_METHOD: {
            /* x.M of an interface: look the method up now (nil panics
             * here, as in Go), bind function and receiver in a thunk. */
            Obj *m = n->obj;
            int t = comp_regs(fs, 2);
            EMIT(fs, METHOD, t, comp_expr(fs, x), comp_intern(fs->cc, m->name));
            Type *sig = m->type;
            int np = sig->u.func.nparams, nr = sig->u.func.nresults;
            char name[256];
            snprintf(name, sizeof name, "%s-fm", m->qname ? m->qname : m->name);
            Proto *p = vm_proto_new(fs->cc->vm, name);
            p->nparams = np;
            p->nresults = nr;
            p->nupvals = 2;
            p->upvals = arena_alloc(&fs->cc->vm->arena, sizeof(UpvalDesc) * 2);
            p->upvals[0] = (UpvalDesc){0, (uint16_t)t};
            p->upvals[1] = (UpvalDesc){0, (uint16_t)(t + 1)};
            int base = np, ncode = 4 + np;
            p->code = mem_alloc(sizeof(Instr) * (size_t)ncode);
            p->lines = mem_alloc(sizeof(int) * (size_t)ncode);
            int pc = 0;
            p->code[pc++] = VM_MK(OP_GETU, base, 0, 0, 0);
            p->code[pc++] = VM_MK(OP_GETU, base + 1, 1, 0, 0);
            for (int i = 0; i < np; i++) p->code[pc++] = VM_MK(OP_MOVE, base + 2 + i, i, 0, 0);
            p->code[pc++] = VM_MK(OP_CALL, base, np + 1, nr, 0);
            p->code[pc++] = VM_MK(OP_RET, base, nr, 0, 0);
            p->ncode = ncode;
            for (int i = 0; i < ncode; i++) p->lines[i] = fs->line;
            p->nregs = base + 2 + np + nr;
            EMITX(fs, CLOSURE, dst, fs->cc->vm->protos.len - 1);
            break;
        }
        default: comp_error(fs->cc, n->pos, "this selector is not supported"); break;
        }
        break;
    }
    case AST_INDEX: {
        Node *x = n->u.index.x, *ix = n->u.index.indices.items[0];
        Type *xu = ty_under(x->type);
        if (n->flags & NF_MAPINDEX) {
            int m = comp_expr(fs, x), k = comp_reg(fs);
            comp_value_to(fs, ix, xu->u.map.key, k);
            EMIT(fs, MGET, dst, m, k);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, x->type)->id);
            break;
        }
        int c = comp_expr(fs, x);
        int i = comp_reg(fs);
        comp_value_to(fs, ix, deftype(fs, ix->type), i);
        if (ty_is_string(xu)) EMIT(fs, SINDEX, dst, c, i);
        else if (xu->kind == TY_SLICE) EMIT(fs, SGET, dst, c, i);
        else EMIT(fs, GETE, dst, c, i);
        break;
    }
    case AST_SLICE_EXPR: {
        Node *x = n->u.slice.x;
        Type *xu = ty_under(x->type);
        int d = 0;
        if (ty_is_string(xu)) d = 8;
        else if (xu->kind == TY_ARRAY || xu->kind == TY_POINTER) d = 16;
        int c = comp_expr(fs, x);
        int ops = comp_regs(fs, 3);
        if (n->u.slice.lo) {
            d |= 1;
            comp_value_to(fs, n->u.slice.lo, deftype(fs, n->u.slice.lo->type), ops);
        }
        if (n->u.slice.hi) {
            d |= 2;
            comp_value_to(fs, n->u.slice.hi, deftype(fs, n->u.slice.hi->type), ops + 1);
        }
        if (n->u.slice.max) {
            d |= 4;
            comp_value_to(fs, n->u.slice.max, deftype(fs, n->u.slice.max->type), ops + 2);
        }
        EMITD(fs, SLICE, dst, c, ops, d);
        break;
    }
    case AST_TYPE_ASSERT:
        EMIT(fs, ASSERT, dst, comp_expr(fs, n->u.type_assert.x), comp_rtype(fs->cc, n->type)->id);
        break;
    case AST_CALL: {
        int base = comp_call(fs, n, 1);
        if (base != dst) EMIT(fs, MOVE, dst, base, 0);
        break;
    }
    default: comp_error(fs->cc, n->pos, "expression %s is not supported", ast_kind_name(n->kind)); break;
    }
    fs->line = save_line;
    fs->acc_name = save_acc;
}

static int signed_int_type(FuncState *fs, Type *t) {
    if (!t) return 0;
    Type *u = ty_under(deftype(fs, t));
    return ty_is_integer(u) && !ty_is_unsigned(u);
}

/* comp_cond_jump: `if a < b` and friends on signed ints become one fused
 * compare-and-branch (the offset patched into C); anything else is the
 * condition into a register and JT/JF. */
int comp_cond_jump(FuncState *fs, Node *n, int when) {
    Node *c = unparen(n);
    if (c->kind == AST_BINARY && !(c->flags & NF_CONST)) {
        TokKind op = c->u.binary.op;
        Node *x = c->u.binary.x, *y = c->u.binary.y;
        if ((op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ) && signed_int_type(fs, x->type) &&
            signed_int_type(fs, y->type) && !(x->flags & NF_CONST)) {
            if (!when) /* jump when the condition is false: negate it */
                op = op == TK_LSS ? TK_GEQ : op == TK_LEQ ? TK_GTR : op == TK_GTR ? TK_LEQ : TK_LSS;
            int a = comp_expr(fs, x);
            if ((y->flags & NF_CONST) && y->cv && y->cv->kind == CV_INT) {
                Value k = {{.i = cv_int64_val(y->cv)}, NULL};
                int o = op == TK_LSS ? OP_BLTK : op == TK_LEQ ? OP_BLEK : op == TK_GTR ? OP_BGTK : OP_BGEK;
                return comp_emit(fs, VM_MK(o, a, comp_const(fs, k), 0, 0));
            }
            int b = comp_expr(fs, y);
            if (op == TK_LSS) return comp_emit(fs, VM_MK(OP_BLT, a, b, 0, 0));
            if (op == TK_LEQ) return comp_emit(fs, VM_MK(OP_BLE, a, b, 0, 0));
            if (op == TK_GTR) return comp_emit(fs, VM_MK(OP_BLT, b, a, 0, 0));
            return comp_emit(fs, VM_MK(OP_BLE, b, a, 0, 0));
        }
    }
    int r = comp_expr(fs, n);
    return comp_jump(fs, when ? OP_JT : OP_JF, r);
}

/* ---- lvalues ---- */

LVal comp_lval(FuncState *fs, Node *lhs) {
    LVal lv = {0};
    lhs = unparen(lhs);
    lv.t = lhs->type;
    lv.name = lhs->kind == AST_IDENT ? NULL : comp_acc_name(fs, lhs);
    switch (lhs->kind) {
    case AST_IDENT:
        if (!lhs->obj) lv.kind = LV_BLANK;
        else {
            lv.kind = LV_VAR;
            lv.var = lhs->obj;
        }
        return lv;
    case AST_SELECTOR:
        if (NF_SEL(lhs) == SEL_PKG) {
            lv.kind = LV_VAR;
            lv.var = lhs->obj;
            return lv;
        }
        lv.kind = LV_FIELD;
        lv.a = comp_expr(fs, lhs->u.selector.x);
        lv.b = lhs->obj->index;
        return lv;
    case AST_INDEX: {
        Node *x = lhs->u.index.x, *ix = lhs->u.index.indices.items[0];
        Type *xu = ty_under(x->type);
        lv.a = comp_expr(fs, x);
        lv.b = comp_reg(fs);
        if (lhs->flags & NF_MAPINDEX) {
            lv.kind = LV_MAP;
            lv.ct = x->type;
            comp_value_to(fs, ix, xu->u.map.key, lv.b);
        } else {
            lv.kind = xu->kind == TY_SLICE ? LV_SLICE : LV_ARRAY;
            comp_value_to(fs, ix, deftype(fs, ix->type), lv.b);
        }
        return lv;
    }
    case AST_STAR:
        lv.kind = LV_DEREF;
        lv.a = comp_expr(fs, lhs->u.unary.x);
        return lv;
    default:
        comp_error(fs->cc, lhs->pos, "assigning to this expression is not supported");
        lv.kind = LV_BLANK;
        return lv;
    }
}

static void lv_load(FuncState *fs, const LVal *lv, int dst);
void comp_lv_load(FuncState *fs, const LVal *lv, int dst) {
    const char *save_acc = fs->acc_name;
    fs->acc_name = lv->name;
    lv_load(fs, lv, dst);
    fs->acc_name = save_acc;
}

static void lv_load(FuncState *fs, const LVal *lv, int dst) {
    switch (lv->kind) {
    case LV_BLANK: break;
    case LV_VAR: comp_load_var_to(fs, lv->var, dst); break;
    case LV_FIELD: EMIT(fs, GETF, dst, lv->a, lv->b); break;
    case LV_ARRAY: EMIT(fs, GETE, dst, lv->a, lv->b); break;
    case LV_SLICE: EMIT(fs, SGET, dst, lv->a, lv->b); break;
    case LV_MAP:
        EMIT(fs, MGET, dst, lv->a, lv->b);
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, lv->ct)->id);
        break;
    case LV_DEREF:
        if (comp_is_agg(lv->t)) {
            EMIT(fs, NILCHK, lv->a, 0, 0);
            EMIT(fs, MOVE, dst, lv->a, 0);
        } else EMIT(fs, LOAD, dst, lv->a, 0);
        break;
    }
}

static void lv_store(FuncState *fs, const LVal *lv, int src);
void comp_lv_store(FuncState *fs, const LVal *lv, int src) {
    const char *save_acc = fs->acc_name;
    fs->acc_name = lv->name;
    lv_store(fs, lv, src);
    fs->acc_name = save_acc;
}

static void lv_store(FuncState *fs, const LVal *lv, int src) {
    int agg = comp_is_agg(lv->t);
    switch (lv->kind) {
    case LV_BLANK: break;
    case LV_VAR: comp_store_var(fs, lv->var, src); break;
    case LV_FIELD:
    case LV_ARRAY:
    case LV_SLICE:
        if (agg) {
            /* In place: pointers to the old value must see the new one. */
            int t = comp_reg(fs);
            comp_lv_load(fs, lv, t);
            EMIT(fs, ASSIGN, t, src, 0);
        } else if (lv->kind == LV_FIELD) EMIT(fs, SETF, lv->a, lv->b, src);
        else if (lv->kind == LV_ARRAY) EMIT(fs, SETE, lv->a, lv->b, src);
        else EMIT(fs, SSET, lv->a, lv->b, src);
        break;
    case LV_MAP: EMIT(fs, MSET, lv->a, lv->b, src); break;
    case LV_DEREF:
        if (agg) EMIT(fs, ASSIGN, lv->a, src, 0);
        else EMIT(fs, STORE, lv->a, src, 0);
        break;
    }
}

/* ---- calls ---- */

/* call_args: the arguments of [call] for signature [sig] into R[at..];
 * returns how many registers they take. */
static int call_args(FuncState *fs, Node *call, Type *sig, int at) {
    NodeList args = call->u.call.args;
    int np = sig->u.func.nparams, variadic = sig->u.func.variadic;
    Obj **params = sig->u.func.params;
    if (fs->freereg < at + np) comp_regs(fs, at + np - fs->freereg);
    if (call->flags & NF_SPREAD) {
        Node *inner = args.items[0];
        Type *tt = inner->type;
        int n = tt->u.tuple.n;
        int gb = comp_multi(fs, inner, n);
        int nfixed = variadic ? np - 1 : np;
        for (int i = 0; i < nfixed && i < n; i++) {
            Type *pt = params[i]->type, *st = tt->u.tuple.types[i];
            EMIT(fs, MOVE, at + i, gb + i, 0);
            if (ty_is_interface(pt) && !ty_is_interface(st)) EMIT(fs, BOX, at + i, at + i, comp_rtype(fs->cc, st)->id);
        }
        if (variadic) {
            Type *et = params[np - 1]->type->u.ptr.elem;
            int extra = n - nfixed;
            for (int j = 0; j < extra; j++) {
                Type *st = tt->u.tuple.types[nfixed + j];
                if (ty_is_interface(et) && !ty_is_interface(st))
                    EMIT(fs, BOX, gb + nfixed + j, gb + nfixed + j, comp_rtype(fs->cc, st)->id);
            }
            if (extra > 0) {
                EMIT(fs, SLICELIT, at + np - 1, gb + nfixed, extra);
                EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, params[np - 1]->type)->id);
            } else EMIT(fs, LOADNIL, at + np - 1, 0, 0);
        }
        return np;
    }
    int nfixed = variadic && !call->u.call.has_ellipsis ? np - 1 : np;
    for (int i = 0; i < nfixed; i++) comp_value_to(fs, args.items[i], params[i]->type, at + i);
    if (variadic && !call->u.call.has_ellipsis) {
        Type *st = params[np - 1]->type;
        Type *et = ty_under(st)->u.ptr.elem;
        int extra = args.n - nfixed;
        if (extra == 0) EMIT(fs, LOADNIL, at + np - 1, 0, 0);
        else {
            int eb = comp_regs(fs, extra);
            for (int j = 0; j < extra; j++) comp_value_to(fs, args.items[nfixed + j], et, eb + j);
            EMIT(fs, SLICELIT, at + np - 1, eb, extra);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, st)->id);
        }
    }
    return np;
}

static int builtin(FuncState *fs, Node *n, int nres) {
    Node *fun = unparen(n->u.call.fun);
    NodeList args = n->u.call.args;
    int r = comp_reg(fs);
    switch (fun->obj->builtin) {
    case BI_LEN:
    case BI_CAP: {
        Node *x = args.items[0];
        Type *u = ty_under(x->type);
        int d = ty_is_string(u) ? 0 : u->kind == TY_SLICE ? 1 : u->kind == TY_MAP ? 2 : u->kind == TY_CHAN ? 4 : 3;
        int xr = comp_expr(fs, x);
        comp_emit(fs, VM_MK(fun->obj->builtin == BI_LEN ? OP_LEN : OP_CAP, r, xr, 0, d));
        return r;
    }
    case BI_APPEND: {
        Type *st = n->type;
        Type *et = ty_under(st)->u.ptr.elem;
        comp_expr_to(fs, args.items[0], r);
        if (n->u.call.has_ellipsis) {
            int s = comp_expr(fs, args.items[1]);
            EMIT(fs, APPENDSL, r, s, 0);
        } else {
            int extra = args.n - 1;
            if (extra == 0) return r;
            int eb = comp_regs(fs, extra);
            for (int j = 0; j < extra; j++) comp_value_to(fs, args.items[1 + j], et, eb + j);
            EMIT(fs, APPEND, r, eb, extra);
        }
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, st)->id);
        return r;
    }
    case BI_MAKE: {
        Type *t = args.items[0]->type;
        Type *u = ty_under(t);
        if (u->kind == TY_SLICE) {
            int l = comp_reg(fs), c = 0xffff;
            comp_value_to(fs, args.items[1], deftype(fs, args.items[1]->type), l);
            if (args.n > 2) {
                c = comp_reg(fs);
                comp_value_to(fs, args.items[2], deftype(fs, args.items[2]->type), c);
            }
            EMIT(fs, MAKESLICE, r, l, c);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, t)->id);
        } else if (u->kind == TY_MAP) {
            int h = comp_reg(fs);
            if (args.n > 1) comp_value_to(fs, args.items[1], deftype(fs, args.items[1]->type), h);
            else EMITX(fs, LOADI, h, 0);
            EMIT(fs, MAKEMAP, r, h, 0);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, t)->id);
        } else {
            int c = comp_reg(fs);
            if (args.n > 1) comp_value_to(fs, args.items[1], deftype(fs, args.items[1]->type), c);
            else EMITX(fs, LOADI, c, 0);
            int nk = 0; /* C: 1 + constant index of the channel's trace name */
            if (fs->name_hint) {
                Value nm = vm_str(fs->cc->vm, fs->name_hint, (int64_t)strlen(fs->name_hint));
                if (nm.r) vm_pin(fs->cc->vm, nm.r);
                nk = comp_const(fs, nm) + 1;
                if (nk > 0xffff) nk = 0;
            }
            EMIT(fs, MAKECHAN, r, c, nk);
            EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, t)->id);
        }
        return r;
    }
    case BI_NEW: {
        Type *t = args.items[0]->type;
        if (comp_is_agg(t)) comp_zero_to(fs, t, r);
        else {
            EMIT(fs, LOADNIL, r, 0, 0);
            EMIT(fs, NEWCELL, r, r, 0);
        }
        return r;
    }
    case BI_DELETE: {
        Type *mt = ty_under(args.items[0]->type);
        int m = comp_expr(fs, args.items[0]), k = comp_reg(fs);
        comp_value_to(fs, args.items[1], mt->u.map.key, k);
        EMIT(fs, MDEL, m, k, 0);
        return r;
    }
    case BI_COPY: {
        int d = comp_expr(fs, args.items[0]), s = comp_expr(fs, args.items[1]);
        EMIT(fs, COPY, r, d, s);
        return r;
    }
    case BI_PANIC:
        comp_value_to(fs, args.items[0], tyc(fs)->any_t, r);
        EMIT(fs, PANIC, r, 0, 0);
        return r;
    case BI_RECOVER: EMIT(fs, RECOVER, r, 0, 0); return r;
    case BI_CLOSE: EMIT(fs, CLOSE, comp_expr(fs, args.items[0]), 0, 0); return r;
    case BI_PRINT:
    case BI_PRINTLN: {
        /* builtin.print([]any{args...}, ln) */
        const VmNativeDef *d = vm_native_lookup("builtin.print");
        Proto *p = vm_native_proto(fs->cc->vm, "builtin.print", d->fn, 2, 0);
        ClosureObj *c = vm_closure(fs->cc->vm, p, 0);
        vm_pin(fs->cc->vm, &c->h);
        int base = comp_regs(fs, 3);
        EMITX(fs, LOADK, base, comp_const(fs, (Value){{0}, &c->h}));
        int eb = comp_regs(fs, args.n ? args.n : 1);
        Type *any = tyc(fs)->any_t;
        for (int i = 0; i < args.n; i++) comp_value_to(fs, args.items[i], any, eb + i);
        EMIT(fs, SLICELIT, base + 1, eb, args.n);
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, ty_slice(tyc(fs), any))->id);
        EMITX(fs, LOADI, base + 2, fun->obj->builtin == BI_PRINTLN);
        EMIT(fs, CALL, base, 2, 0);
        return r;
    }
    default:
        comp_error(fs->cc, n->pos, "built-in %s is not supported", fun->u.ident.name);
        (void)nres;
        return r;
    }
}

int comp_is_named_call(Node *n) {
    n = unparen(n);
    if (!n || n->kind != AST_CALL || NF_CALL(n) != CALL_FUNC) return 0;
    Node *fun = unparen(n->u.call.fun);
    const char *q = fun->obj ? fun->obj->qname : NULL;
    return q && (!strncmp(q, "context.", 8) || !strcmp(q, "time.NewTimer") || !strcmp(q, "time.NewTicker") ||
                 !strcmp(q, "time.AfterFunc"));
}

int comp_call(FuncState *fs, Node *n, int nres) {
    int defer = nres == -1, want = nres < 0 ? 0 : nres;
    Node *fun = unparen(n->u.call.fun);
    int base, nargs;
    const char *atomic_name = NULL; /* race/trace: a sync/atomic call names its word or object */
    switch (NF_CALL(n)) {
    case CALL_CONV:
        base = comp_reg(fs);
        conversion(fs, n, base);
        return base;
    case CALL_BUILTIN: return builtin(fs, n, want);
    case CALL_FUNC: {
        Obj *fo = fun->obj;
        FuncEnt *fe = comp_func_of(fs->cc, fo);
        base = comp_reg(fs);
        if (!fe) {
            comp_error(fs->cc, n->pos, "%s is not supported", fo->qname ? fo->qname : fo->name);
            return base;
        }
        EMITX(fs, LOADK, base, comp_const(fs, fe->closure));
        /* the trace names a context or timer after the variable it is
         * assigned to ("ctx"), kept with the CALL (vm_context.c new_ctx,
         * vm_time.c); not what its arguments make */
        const char *ctx_hint = comp_is_named_call(n) ? fs->name_hint : NULL;
        if (ctx_hint) fs->name_hint = NULL;
        nargs = call_args(fs, n, fo->type, base + 1);
        if (ctx_hint) {
            fs->name_hint = ctx_hint;
            if (fs->cc->vm->mem_hook && strcmp(ctx_hint, "_"))
                atomic_name = arena_strndup(&fs->cc->vm->arena, ctx_hint, strlen(ctx_hint));
        }
        if (fo->qname && !strncmp(fo->qname, "sync/atomic.", 12) && n->u.call.args.n > 0)
            atomic_name = comp_acc_name(fs, n->u.call.args.items[0]); /* &hits -> "hits" */
        break;
    }
    case CALL_METHOD: {
        Obj *m = fun->obj;
        FuncEnt *fe = comp_func_of(fs->cc, m);
        base = comp_regs(fs, 2);
        if (!fe) {
            comp_error(fs->cc, n->pos, "%s is not supported", m->qname ? m->qname : m->name);
            return base;
        }
        EMITX(fs, LOADK, base, comp_const(fs, fe->closure));
        comp_value_to(fs, fun->u.selector.x, m->type->u.func.recv->type, base + 1);
        if (m->qname && !strncmp(m->qname, "sync.(*", 7) && !strncmp(fs->p->name, "main.", 5))
            /* the trace names a sync object after its first receiver: "c.mu"
             * (in the program's code: sync.Map's own m.mu is no name), kept
             * with the CALL (Proto.acc_names; vm_sync.c sync_make) */
            atomic_name = sync_recv_name(fs, fun->u.selector.x);
        nargs = 1 + call_args(fs, n, m->type, base + 2);
        if (m->qname && !strncmp(m->qname, "sync/atomic.", 12)) atomic_name = comp_acc_name(fs, fun->u.selector.x);
        break;
    }
    case CALL_IFACE: {
        Obj *m = fun->obj;
        base = comp_regs(fs, 2);
        int x = comp_expr(fs, fun->u.selector.x);
        EMIT(fs, METHOD, base, x, comp_intern(fs->cc, m->name));
        nargs = 1 + call_args(fs, n, m->type, base + 2);
        break;
    }
    default: { /* CALL_VALUE */
        base = comp_reg(fs);
        comp_expr_to(fs, fun, base);
        nargs = call_args(fs, n, ty_under(fun->type), base + 1);
        break;
    }
    }
    fs->line = n->pos.line;
    if (nres == -2) EMIT(fs, GO, base, nargs, 0);
    else if (defer) EMIT(fs, DEFER, base, nargs, 0);
    else {
        const char *save_acc = fs->acc_name;
        fs->acc_name = atomic_name;
        EMIT(fs, CALL, base, nargs, want);
        fs->acc_name = save_acc;
    }
    if (fs->freereg < base + want) comp_regs(fs, base + want - fs->freereg);
    return base;
}

int comp_multi(FuncState *fs, Node *n, int count) {
    Node *u = unparen(n);
    if (u->kind == AST_CALL) return comp_call(fs, u, count);
    int base = comp_regs(fs, 2);
    if (u->kind == AST_INDEX && (u->flags & NF_MAPINDEX)) {
        Node *x = u->u.index.x;
        int m = comp_expr(fs, x), k = comp_reg(fs);
        comp_value_to(fs, u->u.index.indices.items[0], ty_under(x->type)->u.map.key, k);
        const char *save_acc = fs->acc_name;
        fs->acc_name = comp_acc_name(fs, u);
        EMIT(fs, MGET2, base, m, k);
        fs->acc_name = save_acc;
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, x->type)->id);
    } else if (u->kind == AST_UNARY && u->u.unary.op == TK_ARROW) {
        EMIT(fs, RECV2, base, comp_expr(fs, u->u.unary.x), 0);
    } else if (u->kind == AST_TYPE_ASSERT) {
        EMIT(fs, ASSERT2, base, comp_expr(fs, u->u.type_assert.x), comp_rtype(fs->cc, u->type)->id);
    } else comp_error(fs->cc, n->pos, "this multi-value expression is not supported");
    return base;
}
