/* compile_stmt: statements to bytecode: declarations, assignments, control
 * flow (if, for, range, switch, type switch, labelled break/continue),
 * return with defers, defer. See compile_int.h for the register rules. */
#include <string.h>

#include "compile_int.h"
#include "sched.h"
#include "vm_native.h"

static Pos npos(Node *n) { return n ? n->pos : (Pos){0, 0}; }

/* ---- scanning ---- */

/* comp_scan_defer: whether statement tree [n] contains a defer statement
 * (not counting function literals, whose defers are their own). */
int comp_scan_defer(Node *n) {
    if (!n) return 0;
    switch (n->kind) {
    case AST_DEFER: return 1;
    case AST_BLOCK:
        for (int i = 0; i < n->u.block.stmts.n; i++)
            if (comp_scan_defer(n->u.block.stmts.items[i])) return 1;
        return 0;
    case AST_IF: return comp_scan_defer(n->u.if_.then) || comp_scan_defer(n->u.if_.else_);
    case AST_FOR: return comp_scan_defer(n->u.for_.body);
    case AST_RANGE: return comp_scan_defer(n->u.range.body);
    case AST_SWITCH:
    case AST_TYPE_SWITCH:
    case AST_SELECT: return comp_scan_defer(n->u.switch_.body);
    case AST_CASE_CLAUSE:
    case AST_COMM_CLAUSE:
        for (int i = 0; i < n->u.clause.body.n; i++)
            if (comp_scan_defer(n->u.clause.body.items[i])) return 1;
        return 0;
    case AST_LABELED: return comp_scan_defer(n->u.labeled.stmt);
    default: return 0;
    }
}

/* count_stmts: statements in tree [n], nested blocks included (an upper
 * bound's proxy: an if body this long may not fit a fused branch). */
static int count_stmts(Node *n) {
    if (!n) return 0;
    int c = 1;
    switch (n->kind) {
    case AST_BLOCK:
        for (int i = 0; i < n->u.block.stmts.n; i++) c += count_stmts(n->u.block.stmts.items[i]);
        return c;
    case AST_IF: return c + count_stmts(n->u.if_.then) + count_stmts(n->u.if_.else_);
    case AST_FOR: return c + count_stmts(n->u.for_.body);
    case AST_RANGE: return c + count_stmts(n->u.range.body);
    case AST_SWITCH:
    case AST_TYPE_SWITCH:
    case AST_SELECT: return c + count_stmts(n->u.switch_.body);
    case AST_CASE_CLAUSE:
    case AST_COMM_CLAUSE:
        for (int i = 0; i < n->u.clause.body.n; i++) c += count_stmts(n->u.clause.body.items[i]);
        return c;
    case AST_LABELED: return c + count_stmts(n->u.labeled.stmt);
    default: return c;
    }
}

/* ---- locals ---- */

void comp_declare_local(FuncState *fs, Obj *o, int init_reg) {
    int r = comp_reg(fs);
    if (o) {
        if (init_reg >= 0 && init_reg != r) EMIT(fs, MOVE, r, init_reg, 0);
        else if (init_reg < 0) comp_zero_to(fs, o->type, r);
        if (comp_boxed(o)) EMIT(fs, NEWCELL, r, r, 0);
        fs->lreg[o->index] = r;
    }
    fs->nactive = r + 1;
    if (fs->freereg < fs->nactive) fs->freereg = fs->nactive;
}

void comp_block(FuncState *fs, Node *block) {
    int save = fs->nactive;
    for (int i = 0; i < block->u.block.stmts.n; i++) comp_stmt(fs, block->u.block.stmts.items[i]);
    fs->nactive = save;
    fs->freereg = save;
}

static void stmt_list(FuncState *fs, NodeList l) {
    for (int i = 0; i < l.n; i++) comp_stmt(fs, l.items[i]);
}

/* ---- returns ---- */

static void load_results(FuncState *fs, int *base) {
    ChkFunc *cf = fs->cf;
    int n = cf->nresults;
    *base = comp_regs(fs, n ? n : 1);
    for (int i = 0; i < n; i++) {
        Obj *o = cf->locals.items[cf->nparams + i];
        int r = comp_load_var(fs, o);
        if (r != *base + i) EMIT(fs, MOVE, *base + i, r, 0);
    }
}

void comp_return_epilogue(FuncState *fs) {
    fs->p->ret_pc = comp_here(fs);
    if (fs->has_defer) EMIT(fs, RUNDEFERS, 0, 0, 0);
    int base;
    load_results(fs, &base);
    EMIT(fs, RET, base, fs->cf->nresults, 0);
}

static void return_stmt(FuncState *fs, Node *n) {
    ChkFunc *cf = fs->cf;
    NodeList rs = n->u.ret.results;
    int nres = cf->nresults;
    if (rs.n == 0) {
        if (fs->has_defer) EMIT(fs, RUNDEFERS, 0, 0, 0);
        int base;
        load_results(fs, &base);
        EMIT(fs, RET, base, nres, 0);
        return;
    }
    int base;
    if (rs.n == 1 && nres > 1) {
        base = comp_multi(fs, rs.items[0], nres);
        /* Results of another call may need boxing into interface results. */
        Type *tt = rs.items[0]->type;
        for (int i = 0; i < nres; i++) {
            Type *rt = cf->locals.items[cf->nparams + i]->type;
            Type *st = tt && tt->kind == TY_TUPLE ? tt->u.tuple.types[i] : NULL;
            if (st && ty_is_interface(rt) && !ty_is_interface(st))
                EMIT(fs, BOX, base + i, base + i, comp_rtype(fs->cc, st)->id);
        }
    } else if (nres == 1 && !fs->has_defer && !comp_is_agg(rs.items[0]->type) &&
               !(ty_is_interface(cf->locals.items[cf->nparams]->type) && !ty_is_interface(rs.items[0]->type))) {
        EMIT(fs, RET, comp_expr(fs, rs.items[0]), 1, 0);
        return;
    } else {
        base = comp_regs(fs, nres);
        for (int i = 0; i < nres; i++) comp_value_to(fs, rs.items[i], cf->locals.items[cf->nparams + i]->type, base + i);
    }
    if (fs->has_defer) {
        /* Deferred calls may read or change the results: store them first. */
        for (int i = 0; i < nres; i++) comp_store_var(fs, cf->locals.items[cf->nparams + i], base + i);
        EMIT(fs, RUNDEFERS, 0, 0, 0);
        load_results(fs, &base);
    }
    EMIT(fs, RET, base, nres, 0);
}

/* ---- assignments ---- */

static int is_new_var(Node *id) {
    return id->kind == AST_IDENT && id->obj && id->obj->kind == OBJ_VAR && id->obj->decl == id;
}

/* ---- trace names of sync fields ---- */

/* sync_kind: the SyncObj kind (sched.h) of sync.Mutex, RWMutex, WaitGroup
 * or Once, else 0. */
static int sync_kind(Type *t) {
    if (!t || t->kind != TY_NAMED || !t->u.named.obj) return 0;
    Obj *o = t->u.named.obj;
    if (!o->pkg || strcmp(o->pkg->path, "sync") != 0) return 0;
    if (!strcmp(o->name, "Mutex")) return SO_MUTEX;
    if (!strcmp(o->name, "RWMutex")) return SO_RWMUTEX;
    if (!strcmp(o->name, "WaitGroup")) return SO_WAITGROUP;
    if (!strcmp(o->name, "Once")) return SO_ONCE;
    return 0;
}

/* name_closure: the closure of the scheduler's "sync.name" native (made
 * once per compilation, kept with the natives). */
static Value name_closure(CompCtx *cc) {
    for (int i = 0; i < cc->natives.len; i++)
        if (!cc->natives.items[i].obj && !strcmp(cc->natives.items[i].p->name, "sync.name"))
            return cc->natives.items[i].closure;
    const VmNativeDef *d = sched_native_lookup("sync.name");
    GORO_ASSERT(d);
    Proto *p = vm_native_proto(cc->vm, "sync.name", d->fn, 3, 0);
    ClosureObj *c = vm_closure(cc->vm, p, 0);
    vm_pin(cc->vm, &c->h);
    FuncEnt e = {NULL, NULL, p, cc->vm->protos.len - 1, {{0}, &c->h}};
    VEC_PUSH(cc->natives, e);
    return e.closure;
}

/* name_sync_fields: the struct (or pointer to struct) of type [t] in
 * register [reg] was just allocated for variable [name]: give each sync
 * field (nested structs too, a few levels) its trace name now, "a.mu",
 * so a mutex first locked through a parameter is not named "from.mu". */
static void name_sync_fields(FuncState *fs, Type *t, int reg, const char *name, int depth) {
    Type *u = t ? ty_under(t) : NULL;
    if (u && u->kind == TY_POINTER && depth == 0) u = ty_under(u->u.ptr.elem);
    if (u && u->kind == TY_ARRAY && depth <= 1) {
        /* var arr [2]Account: arr[0].mu, arr[1].mu */
        Type *eu = ty_under(u->u.array.elem);
        if (!eu || eu->kind != TY_STRUCT) return;
        for (int64_t i = 0; i < u->u.array.len && i < 64; i++) {
            char nb[128];
            snprintf(nb, sizeof nb, "%s[%lld]", name, (long long)i);
            int r = comp_regs(fs, 2);
            EMITX(fs, LOADI, r + 1, (int32_t)i);
            EMIT(fs, GETE, r, reg, r + 1);
            name_sync_fields(fs, u->u.array.elem, r, nb, depth + 1);
            fs->freereg = r;
        }
        return;
    }
    if (!u || u->kind != TY_STRUCT || depth > 3) return;
    for (int i = 0; i < u->u.strct.nfields; i++) {
        Obj *f = u->u.strct.fields[i];
        int kind = sync_kind(f->type);
        Type *fu = ty_under(f->type);
        if (!kind && (!fu || fu->kind != TY_STRUCT)) continue;
        char nb[128];
        snprintf(nb, sizeof nb, "%s.%s", name, f->name);
        int r = comp_regs(fs, 4);
        if (kind) {
            Value nm = vm_str(fs->cc->vm, nb, (int64_t)strlen(nb));
            if (nm.r) vm_pin(fs->cc->vm, nm.r);
            EMITX(fs, LOADK, r, comp_const(fs, name_closure(fs->cc)));
            EMIT(fs, GETF, r + 1, reg, f->index);
            EMITX(fs, LOADK, r + 2, comp_const(fs, nm));
            EMITX(fs, LOADI, r + 3, kind);
            EMIT(fs, CALL, r, 3, 0);
        } else {
            EMIT(fs, GETF, r, reg, f->index);
            name_sync_fields(fs, f->type, r, nb, depth + 1);
        }
        fs->freereg = r;
    }
}

/* name_allocation: [rhs] (in [reg]) is assigned to the variable named
 * [name]: when it is a composite literal T{...} or &T{...}, or new(T),
 * name its sync fields (under the scheduler only). */
static void name_allocation(FuncState *fs, Node *rhs, int reg, const char *name, Type *dst) {
    /* an interface destination holds a box, not the allocation */
    if (!name || !fs->cc->vm->has_sched || !rhs || (dst && ty_is_interface(dst))) return;
    Node *x = rhs;
    while (x->kind == AST_PAREN) x = x->u.unary.x;
    if (x->kind == AST_UNARY && x->u.unary.op == TK_AND) x = x->u.unary.x;
    while (x->kind == AST_PAREN) x = x->u.unary.x;
    int is_new = x->kind == AST_CALL && NF_CALL(x) == CALL_BUILTIN && x->u.call.args.n == 1 &&
                 x->u.call.fun->kind == AST_IDENT && !strcmp(x->u.call.fun->u.ident.name, "new");
    if (x->kind != AST_COMPOSITE_LIT && !is_new) return;
    Type *u = ty_under(rhs->type);
    if (x->kind == AST_COMPOSITE_LIT && u && (u->kind == TY_SLICE || u->kind == TY_ARRAY)) {
        /* []Account{{...}, {...}}: accounts[0].mu, accounts[1].mu... */
        Type *et = u->kind == TY_SLICE ? u->u.ptr.elem : u->u.array.elem;
        Type *eu = ty_under(et);
        if (!eu || eu->kind != TY_STRUCT) return;
        NodeList el = x->u.composite.elts;
        for (int i = 0; i < el.n && i < 64; i++) {
            if (el.items[i]->kind == AST_KEY_VALUE) return; /* indices not in order */
            char nb[128];
            snprintf(nb, sizeof nb, "%s[%d]", name, i);
            int r = comp_regs(fs, 2);
            EMITX(fs, LOADI, r + 1, i);
            comp_emit(fs, VM_MK(u->kind == TY_SLICE ? OP_SGET : OP_GETE, r, reg, r + 1, 0));
            name_sync_fields(fs, et, r, nb, 1);
            fs->freereg = r;
        }
        return;
    }
    name_sync_fields(fs, rhs->type, reg, name, 0);
}

static void assign_stmt(FuncState *fs, Node *n) {
    NodeList lhs = n->u.assign.lhs, rhs = n->u.assign.rhs;
    TokKind tok = n->u.assign.tok;
    if (tok != TK_ASSIGN && tok != TK_DEFINE) {
        /* x op= y: the location's operands are evaluated once. */
        static const struct { TokKind a, op; } ops[] = {
            {TK_ADD_ASSIGN, TK_ADD}, {TK_SUB_ASSIGN, TK_SUB}, {TK_MUL_ASSIGN, TK_MUL},
            {TK_QUO_ASSIGN, TK_QUO}, {TK_REM_ASSIGN, TK_REM}, {TK_AND_ASSIGN, TK_AND},
            {TK_OR_ASSIGN, TK_OR},   {TK_XOR_ASSIGN, TK_XOR}, {TK_SHL_ASSIGN, TK_SHL},
            {TK_SHR_ASSIGN, TK_SHR}, {TK_AND_NOT_ASSIGN, TK_AND_NOT}};
        TokKind op = TK_ADD;
        for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
            if (ops[i].a == tok) op = ops[i].op;
        Node *x = lhs.items[0];
        Type *t = x->type;
        LVal lv = comp_lval(fs, x);
        if (lv.kind == LV_VAR && lv.var->fn == fs->cf && fs->cf && !comp_boxed(lv.var) &&
            !(lv.var->flags & OBJF_GLOBAL)) {
            int reg = fs->lreg[lv.var->index];
            int y = comp_expr(fs, rhs.items[0]);
            comp_arith(fs, op, t, reg, reg, y);
            if (op == TK_SHL || op == TK_SHR) comp_mark_unsigned_shift(fs, rhs.items[0]->type);
            return;
        }
        int cur = comp_reg(fs);
        comp_lv_load(fs, &lv, cur);
        int y = comp_expr(fs, rhs.items[0]);
        comp_arith(fs, op, t, cur, cur, y);
        if (op == TK_SHL || op == TK_SHR) comp_mark_unsigned_shift(fs, rhs.items[0]->type);
        comp_lv_store(fs, &lv, cur);
        return;
    }
    int nl = lhs.n;
    /* Phase 1: new variables get registers, locations their operands, the
     * right-hand sides their values (converted, copied). */
    LVal *lv = mem_alloc(sizeof(LVal) * (size_t)nl);
    int *newreg = mem_alloc(sizeof(int) * (size_t)nl);
    int first_new = -1, nnew = 0;
    for (int i = 0; i < nl; i++) {
        newreg[i] = -1;
        Node *l = lhs.items[i];
        if (tok == TK_DEFINE && is_new_var(l)) {
            newreg[i] = comp_reg(fs);
            if (first_new < 0) first_new = newreg[i];
            nnew++;
        }
    }
    for (int i = 0; i < nl; i++)
        if (newreg[i] < 0) lv[i] = comp_lval(fs, lhs.items[i]);
    int base;
    if (rhs.n == 1 && nl > 1) {
        char nb[128];
        /* ctx, cancel := context.WithCancel(...): the context is "ctx" (comp_call) */
        fs->name_hint = comp_is_named_call(rhs.items[0]) ? comp_expr_name(lhs.items[0], nb, sizeof nb) : NULL;
        base = comp_multi(fs, rhs.items[0], nl);
        fs->name_hint = NULL;
        Type *tt = rhs.items[0]->type;
        for (int i = 0; i < nl; i++) {
            Type *dt = lhs.items[i]->type;
            Type *st = tt && tt->kind == TY_TUPLE ? tt->u.tuple.types[i] : (i == 0 ? tt : NULL);
            if (dt && st && ty_is_interface(dt) && !ty_is_interface(st) && st->kind != TY_UNTYPED_NIL)
                EMIT(fs, BOX, base + i, base + i, comp_rtype(fs->cc, st)->id);
        }
    } else if (nl == 1 && newreg[0] >= 0) {
        base = newreg[0];
        char nb[128];
        fs->name_hint = comp_expr_name(lhs.items[0], nb, sizeof nb);
        comp_value_to(fs, rhs.items[0], lhs.items[0]->obj->type, base);
        name_allocation(fs, rhs.items[0], base, fs->name_hint, lhs.items[0]->obj->type);
        fs->name_hint = NULL;
    } else {
        base = comp_regs(fs, nl);
        for (int i = 0; i < nl; i++) {
            Node *l = lhs.items[i];
            Type *dt = newreg[i] >= 0 ? l->obj->type : (l->kind == AST_IDENT && !l->obj ? NULL : l->type);
            char nb[128];
            fs->name_hint = comp_expr_name(l, nb, sizeof nb);
            comp_value_to(fs, rhs.items[i], dt ? dt : rhs.items[i]->type, base + i);
            name_allocation(fs, rhs.items[i], base + i, fs->name_hint, dt ? dt : rhs.items[i]->type);
            fs->name_hint = NULL;
        }
    }
    /* Phase 2: stores, left to right. */
    for (int i = 0; i < nl; i++) {
        if (newreg[i] >= 0) {
            Obj *o = lhs.items[i]->obj;
            if (base + i != newreg[i]) EMIT(fs, MOVE, newreg[i], base + i, 0);
            if (comp_boxed(o)) EMIT(fs, NEWCELL, newreg[i], newreg[i], 0);
            fs->lreg[o->index] = newreg[i];
        } else comp_lv_store(fs, &lv[i], base + i);
    }
    if (nnew) fs->nactive = first_new + nnew;
    mem_free(lv, sizeof(LVal) * (size_t)nl);
    mem_free(newreg, sizeof(int) * (size_t)nl);
}

static void var_decl(FuncState *fs, Node *spec) {
    NodeList names = spec->u.value_spec.names, values = spec->u.value_spec.values;
    int nl = names.n;
    if (values.n == 0) {
        for (int i = 0; i < nl; i++) {
            Obj *o = names.items[i]->obj;
            if (o) comp_declare_local(fs, o, -1);
            /* var a Account: its sync fields are named a.mu... (an
             * aggregate lives in its register, never in a cell) */
            if (o && fs->cc->vm->has_sched && comp_is_agg(o->type))
                name_sync_fields(fs, o->type, fs->lreg[o->index], o->name, 1);
        }
        return;
    }
    int first = fs->nactive;
    int base;
    if (values.n == 1 && nl > 1) {
        char nb[128];
        fs->name_hint = comp_is_named_call(values.items[0]) ? comp_expr_name(names.items[0], nb, sizeof nb) : NULL;
        base = comp_multi(fs, values.items[0], nl);
        fs->name_hint = NULL;
    } else {
        base = comp_regs(fs, nl);
        for (int i = 0; i < nl; i++) {
            Obj *o = names.items[i]->obj;
            char nb[128];
            fs->name_hint = comp_expr_name(names.items[i], nb, sizeof nb);
            comp_value_to(fs, values.items[i], o ? o->type : values.items[i]->type, base + i);
            name_allocation(fs, values.items[i], base + i, fs->name_hint, o ? o->type : values.items[i]->type);
            fs->name_hint = NULL;
        }
    }
    fs->freereg = base + nl;
    for (int i = 0; i < nl; i++) {
        Obj *o = names.items[i]->obj;
        int r = first + i;
        if (r != base + i) EMIT(fs, MOVE, r, base + i, 0);
        if (o) {
            if (comp_boxed(o)) EMIT(fs, NEWCELL, r, r, 0);
            fs->lreg[o->index] = r;
        }
    }
    fs->nactive = first + nl;
    if (fs->freereg < fs->nactive) fs->freereg = fs->nactive;
}

/* ---- loops ---- */

static void loop_push(FuncState *fs, Loop *l, Obj *label, int is_loop) {
    memset(l, 0, sizeof *l);
    l->up = fs->loop;
    l->label = label;
    l->is_loop = is_loop;
    fs->loop = l;
}

static void loop_pop(FuncState *fs, Loop *l, int cont_target) {
    for (int i = 0; i < l->conts.len; i++) comp_patch(fs, l->conts.items[i], cont_target);
    int end = comp_here(fs);
    for (int i = 0; i < l->breaks.len; i++) comp_patch(fs, l->breaks.items[i], end);
    VEC_FREE(l->breaks);
    VEC_FREE(l->conts);
    fs->loop = l->up;
}

static void branch_stmt(FuncState *fs, Node *n) {
    TokKind tok = n->u.branch.tok;
    Obj *label = n->u.branch.label ? n->u.branch.label->obj : NULL;
    if (tok == TK_GOTO) {
        struct GotoRef r = {label, comp_jump(fs, OP_JMP, 0)};
        VEC_PUSH(fs->gotos, r);
        return;
    }
    if (tok == TK_FALLTHROUGH) return; /* laid out by switch_stmt */
    for (Loop *l = fs->loop; l; l = l->up) {
        if (label ? l->label != label : (tok == TK_CONTINUE && !l->is_loop)) continue;
        int j = comp_jump(fs, OP_JMP, 0);
        if (tok == TK_BREAK) VEC_PUSH(l->breaks, j);
        else VEC_PUSH(l->conts, j);
        return;
    }
    comp_error(fs->cc, n->pos, "branch target not found");
}

/* loop_branch: jump back to [target] while [cond] holds (one fused
 * compare-and-branch for `i < n`-like conditions on signed integers). */
static void loop_branch(FuncState *fs, Node *cond, int target) {
    if (comp_here(fs) - target > 32000) { /* too far for a fused branch's 16 bits */
        comp_patch(fs, comp_jump(fs, OP_JT, comp_expr(fs, cond)), target);
        return;
    }
    comp_patch(fs, comp_cond_jump(fs, cond, 1), target);
}

/* for_stmt: the condition is tested at the bottom (one branch per
 * iteration): init; JMP test; top: body; cont: post; test: if cond goto top.
 * Go 1.19 (<= 1.21) semantics: the init's variables are declared once and
 * shared by every iteration (a closure capturing one sees the post
 * statement's updates), so a captured one is one cell for the whole loop. */
static void for_stmt(FuncState *fs, Node *n, Obj *label) {
    int save = fs->nactive;
    if (n->u.for_.init) comp_stmt(fs, n->u.for_.init);
    Loop l;
    loop_push(fs, &l, label, 1);
    int to_test = n->u.for_.cond ? comp_jump(fs, OP_JMP, 0) : -1;
    int top = comp_here(fs);
    comp_block(fs, n->u.for_.body);
    int cont = comp_here(fs);
    if (n->u.for_.post) comp_stmt(fs, n->u.for_.post);
    if (n->u.for_.cond) {
        comp_patch(fs, to_test, comp_here(fs));
        fs->line = n->u.for_.cond->pos.line;
        loop_branch(fs, n->u.for_.cond, top);
        fs->freereg = fs->nactive;
    } else comp_patch(fs, comp_jump(fs, OP_JMP, 0), top);
    loop_pop(fs, &l, cont);
    fs->nactive = fs->freereg = save;
}

/* range_assign: store register [src] into the range key/value variable
 * node [v]. A `:=` variable is declared once before the loop (range_stmt)
 * and assigned each iteration, as in Go 1.19: a captured one stays one cell
 * (a named STOREC: the race detector's write at the range line), a
 * struct/array one one object (ASSIGN copies into it). */
static void range_assign(FuncState *fs, Node *v, TokKind tok, int src) {
    if (!v || (v->kind == AST_IDENT && !v->obj)) return;
    if (tok == TK_DEFINE) {
        comp_store_var(fs, v->obj, src);
    } else {
        LVal lv = comp_lval(fs, v);
        int t = src;
        if (comp_is_agg(v->type)) {
            t = comp_reg(fs);
            EMIT(fs, CLONE, t, src, 0);
        }
        comp_lv_store(fs, &lv, t);
    }
}

static void range_stmt(FuncState *fs, Node *n, Obj *label) {
    int save = fs->nactive;
    Node *key = n->u.range.key, *val = n->u.range.value, *x = n->u.range.x;
    TokKind tok = n->u.range.tok;
    int kind = NF_RANGE(n);
    /* Hidden state first, then the declared variables, so both survive the
     * per-statement register reset inside the body. */
    int xs = comp_reg(fs), idx = comp_reg(fs), lim = comp_reg(fs), tmp = comp_regs(fs, 3);
    fs->nactive = fs->freereg;

    if (kind == RANGE_ARRAY && val && !(val->kind == AST_IDENT && !val->obj)) {
        /* The range expression is evaluated once; an array is copied. */
        int r = comp_expr(fs, x);
        EMIT(fs, CLONE, xs, r, 0);
    } else comp_expr_to(fs, x, xs);
    fs->freereg = fs->nactive;
    if (tok == TK_DEFINE) {
        if (key && key->obj) comp_declare_local(fs, key->obj, -1);
        if (val && val->obj) comp_declare_local(fs, val->obj, -1);
    }
    Loop l;
    loop_push(fs, &l, label, 1);
    int top, exit_j, cont;
    switch (kind) {
    case RANGE_CHAN:
        top = comp_here(fs);
        EMIT(fs, RECV2, tmp, xs, 0); /* tmp = value, tmp+1 = ok */
        exit_j = comp_jump(fs, OP_JF, tmp + 1);
        range_assign(fs, key, tok, tmp);
        fs->freereg = fs->nactive;
        comp_block(fs, n->u.range.body);
        cont = top;
        break;
    case RANGE_MAP:
        EMIT(fs, MITER, idx, xs, 0);
        top = comp_here(fs);
        EMIT(fs, MNEXT, tmp, idx, 0);
        exit_j = comp_jump(fs, OP_JF, tmp);
        range_assign(fs, key, tok, tmp + 1);
        range_assign(fs, val, tok, tmp + 2);
        fs->freereg = fs->nactive;
        comp_block(fs, n->u.range.body);
        cont = comp_here(fs);
        break;
    case RANGE_STRING:
        EMITX(fs, LOADI, idx, 0);
        EMITD(fs, LEN, lim, xs, 0, 0);
        top = comp_here(fs);
        EMIT(fs, LT, tmp, idx, lim);
        exit_j = comp_jump(fs, OP_JF, tmp);
        EMIT(fs, NEXTRUNE, tmp, xs, idx); /* tmp = rune, tmp+1 = width */
        range_assign(fs, key, tok, idx);
        range_assign(fs, val, tok, tmp);
        EMIT(fs, MOVE, tmp + 2, tmp + 1, 0);
        fs->freereg = fs->nactive;
        comp_block(fs, n->u.range.body);
        cont = comp_here(fs);
        EMIT(fs, ADD, idx, idx, tmp + 2);
        break;
    default: {
        /* ints, slices, arrays, pointers to arrays */
        EMITX(fs, LOADI, idx, 0);
        if (kind == RANGE_INT) EMIT(fs, MOVE, lim, xs, 0);
        else EMITD(fs, LEN, lim, xs, 0, kind == RANGE_SLICE ? 1 : 3);
        top = comp_here(fs);
        EMIT(fs, LT, tmp, idx, lim);
        exit_j = comp_jump(fs, OP_JF, tmp);
        range_assign(fs, key, tok, idx);
        if (val && !(val->kind == AST_IDENT && !val->obj)) {
            const char *save_acc = fs->acc_name; /* race/trace: "xs[]" */
            char an[96];
            fs->acc_name = NULL;
            if (fs->cc->vm->mem_hook && comp_expr_name(x, an, sizeof an - 2)) {
                strcat(an, "[]");
                fs->acc_name = arena_strndup(&fs->cc->vm->arena, an, strlen(an));
            }
            if (kind == RANGE_SLICE) EMIT(fs, SGET, tmp + 1, xs, idx);
            else EMIT(fs, GETE, tmp + 1, xs, idx);
            fs->acc_name = save_acc;
            range_assign(fs, val, tok, tmp + 1);
        }
        fs->freereg = fs->nactive;
        comp_block(fs, n->u.range.body);
        cont = comp_here(fs);
        EMIT(fs, ADDI, idx, idx, 1);
        break;
    }
    }
    comp_patch(fs, comp_jump(fs, OP_JMP, 0), top);
    comp_patch(fs, exit_j, comp_here(fs));
    loop_pop(fs, &l, cont);
    fs->nactive = fs->freereg = save;
}

/* ---- switches ---- */

/* eq_test: R[dst] = (R[x] == R[y]) for values of type [t]. */
static void eq_test(FuncState *fs, Type *t, int dst, int x, int y) {
    Type *u = ty_under(t);
    if (ty_is_interface(t) || comp_is_agg(t)) {
        EMIT(fs, EQV, dst, x, y);
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, t)->id);
    } else if (ty_is_string(u)) EMIT(fs, SEQ, dst, x, y);
    else if (ty_is_float(u)) EMIT(fs, FEQ, dst, x, y);
    else EMIT(fs, EQ, dst, x, y);
}

static void switch_stmt(FuncState *fs, Node *n, Obj *label) {
    int save = fs->nactive;
    if (n->u.switch_.init) comp_stmt(fs, n->u.switch_.init);
    Node *tag = n->u.switch_.tag;
    int tr = -1;
    Type *tt = NULL;
    if (tag) {
        tt = tag->type && ty_is_untyped(tag->type) ? ty_default(&fs->cc->prog->ty, tag->type) : tag->type;
        tr = comp_reg(fs);
        comp_value_to(fs, tag, tt, tr);
        fs->nactive = fs->freereg;
    }
    NodeList clauses = n->u.switch_.body->u.block.stmts;
    int nc = clauses.n, dflt = -1;
    VEC(int) body_jumps = {0};
    for (int c = 0; c < nc; c++) {
        Node *cl = clauses.items[c];
        if (cl->u.clause.list.n == 0) dflt = c;
        for (int i = 0; i < cl->u.clause.list.n; i++) {
            Node *e = cl->u.clause.list.items[i];
            fs->line = e->pos.line;
            int j;
            if (tag) {
                int v = comp_reg(fs), t = comp_reg(fs);
                comp_value_to(fs, e, tt, v);
                eq_test(fs, tt, t, tr, v);
                j = comp_jump(fs, OP_JT, t);
            } else j = comp_jump(fs, OP_JT, comp_expr(fs, e)); /* bodies may be far: no 16-bit fused branch */
            fs->freereg = fs->nactive;
            VEC_PUSH(body_jumps, j | (c << 20));
        }
    }
    int to_default = comp_jump(fs, OP_JMP, 0);
    Loop l;
    loop_push(fs, &l, label, 0);
    int *starts = mem_alloc(sizeof(int) * (size_t)(nc ? nc : 1));
    for (int c = 0; c < nc; c++) {
        Node *cl = clauses.items[c];
        starts[c] = comp_here(fs);
        int bsave = fs->nactive;
        stmt_list(fs, cl->u.clause.body);
        fs->nactive = fs->freereg = bsave;
        NodeList b = cl->u.clause.body;
        int falls = b.n && b.items[b.n - 1]->kind == AST_BRANCH && b.items[b.n - 1]->u.branch.tok == TK_FALLTHROUGH;
        if (!falls) VEC_PUSH(l.breaks, comp_jump(fs, OP_JMP, 0));
    }
    for (int i = 0; i < body_jumps.len; i++) {
        int j = body_jumps.items[i] & 0xfffff, c = body_jumps.items[i] >> 20;
        comp_patch(fs, j, starts[c]);
    }
    if (dflt >= 0) comp_patch(fs, to_default, starts[dflt]);
    else VEC_PUSH(l.breaks, to_default);
    loop_pop(fs, &l, 0);
    VEC_FREE(body_jumps);
    mem_free(starts, sizeof(int) * (size_t)(nc ? nc : 1));
    fs->nactive = fs->freereg = save;
}

static void type_switch_stmt(FuncState *fs, Node *n, Obj *label) {
    int save = fs->nactive;
    if (n->u.switch_.init) comp_stmt(fs, n->u.switch_.init);
    Node *tag = n->u.switch_.tag, *ax;
    if (tag->kind == AST_ASSIGN) ax = tag->u.assign.rhs.items[0];
    else ax = tag->u.unary.x;
    Node *x = ax->u.type_assert.x;
    int xr = comp_reg(fs);
    comp_expr_to(fs, x, xr);
    fs->nactive = fs->freereg;
    NodeList clauses = n->u.switch_.body->u.block.stmts;
    int nc = clauses.n, dflt = -1;
    VEC(int) body_jumps = {0};
    for (int c = 0; c < nc; c++) {
        Node *cl = clauses.items[c];
        if (cl->u.clause.list.n == 0) dflt = c;
        for (int i = 0; i < cl->u.clause.list.n; i++) {
            Node *e = cl->u.clause.list.items[i];
            int t = comp_reg(fs);
            int is_nil = e->obj && e->obj->kind == OBJ_NIL;
            int tid = is_nil ? 0xffff : comp_rtype(fs->cc, e->type)->id;
            EMIT(fs, TYPEIS, t, xr, tid);
            VEC_PUSH(body_jumps, comp_jump(fs, OP_JT, t) | (c << 20));
            fs->freereg = fs->nactive;
        }
    }
    int to_default = comp_jump(fs, OP_JMP, 0);
    Loop l;
    loop_push(fs, &l, label, 0);
    int *starts = mem_alloc(sizeof(int) * (size_t)(nc ? nc : 1));
    for (int c = 0; c < nc; c++) {
        Node *cl = clauses.items[c];
        starts[c] = comp_here(fs);
        int bsave = fs->nactive;
        Obj *v = cl->obj;
        if (v) {
            int r = comp_reg(fs);
            if (cl->u.clause.list.n == 1 && !ty_is_interface(v->type)) {
                EMIT(fs, ASSERT, r, xr, comp_rtype(fs->cc, v->type)->id);
            } else EMIT(fs, MOVE, r, xr, 0);
            fs->freereg = r;
            comp_declare_local(fs, v, r);
        }
        stmt_list(fs, cl->u.clause.body);
        fs->nactive = fs->freereg = bsave;
        VEC_PUSH(l.breaks, comp_jump(fs, OP_JMP, 0));
    }
    for (int i = 0; i < body_jumps.len; i++) {
        int j = body_jumps.items[i] & 0xfffff, c = body_jumps.items[i] >> 20;
        comp_patch(fs, j, starts[c]);
    }
    if (dflt >= 0) comp_patch(fs, to_default, starts[dflt]);
    else VEC_PUSH(l.breaks, to_default);
    loop_pop(fs, &l, 0);
    VEC_FREE(body_jumps);
    mem_free(starts, sizeof(int) * (size_t)(nc ? nc : 1));
    fs->nactive = fs->freereg = save;
}

/* select_stmt: evaluate every channel and value to send in source order,
 * one SELECT chooses a ready case (or default, or blocks), then a jump
 * chain runs the chosen clause. */
static void select_stmt(FuncState *fs, Node *n, Obj *label) {
    int save = fs->nactive;
    NodeList clauses = n->u.switch_.body->u.block.stmts;
    int nc = clauses.n, ncases = 0, dflt = -1;
    uint32_t sends = 0;
    for (int c = 0; c < nc; c++)
        if (clauses.items[c]->u.clause.comm) ncases++;
    if (ncases > 32) {
        comp_error(fs->cc, n->pos, "select with more than 32 cases is not supported");
        return;
    }
    int res = comp_regs(fs, 3), base = comp_regs(fs, 2 * (ncases ? ncases : 1));
    fs->nactive = fs->freereg;
    int *case_of = mem_alloc(sizeof(int) * (size_t)(nc ? nc : 1));
    int k = 0;
    for (int c = 0; c < nc; c++) {
        Node *comm = clauses.items[c]->u.clause.comm;
        case_of[c] = -1;
        if (!comm) {
            dflt = c;
            continue;
        }
        fs->line = comm->pos.line;
        case_of[c] = k;
        if (comm->kind == AST_SEND) {
            Node *ch = comm->u.binary.x;
            comp_expr_to(fs, ch, base + 2 * k);
            comp_value_to(fs, comm->u.binary.y, ty_under(ch->type)->u.chan.elem, base + 2 * k + 1);
            sends |= 1u << k;
        } else {
            Node *rx = comm->kind == AST_ASSIGN ? comm->u.assign.rhs.items[0] : comm->u.unary.x;
            while (rx->kind == AST_PAREN) rx = rx->u.unary.x;
            comp_expr_to(fs, rx->u.unary.x, base + 2 * k);
        }
        fs->freereg = fs->nactive;
        k++;
    }
    fs->line = n->pos.line;
    comp_emit(fs, VM_MK(OP_SELECT, res, base, ncases, dflt >= 0 ? 1 : 0));
    EMITX(fs, EXTRA, 0, (int32_t)sends);
    Loop l;
    loop_push(fs, &l, label, 0);
    int *jumps = mem_alloc(sizeof(int) * (size_t)(nc ? nc : 1));
    int t = comp_reg(fs), kr = comp_reg(fs);
    for (int c = 0; c < nc; c++) {
        if (case_of[c] < 0) continue;
        EMITX(fs, LOADI, kr, case_of[c]);
        EMIT(fs, EQ, t, res, kr);
        jumps[c] = comp_jump(fs, OP_JT, t);
    }
    fs->freereg = fs->nactive;
    int to_default = comp_jump(fs, OP_JMP, 0);
    for (int c = 0; c < nc; c++) {
        Node *cl = clauses.items[c];
        if (case_of[c] >= 0) comp_patch(fs, jumps[c], comp_here(fs));
        else comp_patch(fs, to_default, comp_here(fs));
        int bsave = fs->nactive;
        Node *comm = cl->u.clause.comm;
        if (comm && comm->kind == AST_ASSIGN) {
            /* v[, ok] := <-ch or v[, ok] = <-ch: the received value and ok */
            for (int i = 0; i < comm->u.assign.lhs.n && i < 2; i++) {
                Node *lhs = comm->u.assign.lhs.items[i];
                if (comm->u.assign.tok == TK_DEFINE) {
                    if (lhs->obj) comp_declare_local(fs, lhs->obj, res + 1 + i);
                } else {
                    LVal lv = comp_lval(fs, lhs);
                    comp_lv_store(fs, &lv, res + 1 + i);
                }
            }
        }
        stmt_list(fs, cl->u.clause.body);
        fs->nactive = fs->freereg = bsave;
        VEC_PUSH(l.breaks, comp_jump(fs, OP_JMP, 0));
    }
    if (dflt < 0) VEC_PUSH(l.breaks, to_default); /* unreachable: SELECT blocks instead */
    loop_pop(fs, &l, 0);
    mem_free(jumps, sizeof(int) * (size_t)(nc ? nc : 1));
    mem_free(case_of, sizeof(int) * (size_t)(nc ? nc : 1));
    fs->nactive = fs->freereg = save;
}

/* ---- the dispatcher ---- */

/* comp_patch_gotos: resolve every goto of the function (labels are
 * function-wide, and Go forbids jumping into blocks or over declarations,
 * so the target's registers are always set up). */
void comp_patch_gotos(FuncState *fs) {
    for (int i = 0; i < fs->gotos.len; i++)
        for (int j = 0; j < fs->labels.len; j++)
            if (fs->labels.items[j].label == fs->gotos.items[i].label)
                comp_patch(fs, fs->gotos.items[i].at, fs->labels.items[j].at);
    VEC_FREE(fs->gotos);
    VEC_FREE(fs->labels);
}

static void labeled_stmt(FuncState *fs, Node *n) {
    Obj *label = n->u.labeled.label->obj;
    Node *s = n->u.labeled.stmt;
    struct GotoRef r = {label, comp_here(fs)};
    VEC_PUSH(fs->labels, r);
    switch (s->kind) {
    case AST_FOR: for_stmt(fs, s, label); break;
    case AST_RANGE: range_stmt(fs, s, label); break;
    case AST_SWITCH: switch_stmt(fs, s, label); break;
    case AST_TYPE_SWITCH: type_switch_stmt(fs, s, label); break;
    case AST_SELECT: select_stmt(fs, s, label); break;
    default: {
        Loop l;
        loop_push(fs, &l, label, 0);
        comp_stmt(fs, s);
        loop_pop(fs, &l, 0);
    }
    }
}

/* builtin_thunk: a tiny function (params..., code) standing for a built-in
 * in a defer statement, so its arguments are evaluated at the defer. */
static int builtin_thunk(FuncState *fs, const char *name, int nparams, const Instr *code, int ncode) {
    Vm *vm = fs->cc->vm;
    Proto *p = vm_proto_new(vm, name);
    p->nparams = nparams;
    p->nregs = nparams + 1;
    p->ncode = ncode;
    p->code = mem_alloc(sizeof(Instr) * (size_t)ncode);
    p->lines = mem_alloc(sizeof(int) * (size_t)ncode);
    for (int i = 0; i < ncode; i++) {
        p->code[i] = code[i];
        p->lines[i] = fs->line;
    }
    return vm->protos.len - 1;
}

/* defer_builtin: defer close(ch) / panic(v) / delete(m, k) / print... /
 * recover() (which, deferred directly, never recovers: Go's rule that
 * recover must be called by the deferred function itself). */
static void defer_builtin(FuncState *fs, Node *n, Node *call) {
    Node *fun = call->u.call.fun;
    while (fun->kind == AST_PAREN) fun = fun->u.unary.x;
    NodeList args = call->u.call.args;
    int base = comp_regs(fs, 3);
    switch (fun->obj->builtin) {
    case BI_CLOSE: {
        static const Instr code[] = {VM_MK(OP_CLOSE, 0, 0, 0, 0), VM_MK(OP_RET, 0, 0, 0, 0)};
        EMITX(fs, CLOSURE, base, builtin_thunk(fs, "close", 1, code, 2));
        comp_expr_to(fs, args.items[0], base + 1);
        EMIT(fs, DEFER, base, 1, 0);
        return;
    }
    case BI_PANIC: {
        static const Instr code[] = {VM_MK(OP_PANIC, 0, 0, 0, 0), VM_MK(OP_RET, 0, 0, 0, 0)};
        EMITX(fs, CLOSURE, base, builtin_thunk(fs, "panic", 1, code, 2));
        comp_value_to(fs, args.items[0], fs->cc->prog->ty.any_t, base + 1);
        EMIT(fs, DEFER, base, 1, 0);
        return;
    }
    case BI_DELETE: {
        static const Instr code[] = {VM_MK(OP_MDEL, 0, 1, 0, 0), VM_MK(OP_RET, 0, 0, 0, 0)};
        EMITX(fs, CLOSURE, base, builtin_thunk(fs, "delete", 2, code, 2));
        comp_expr_to(fs, args.items[0], base + 1);
        comp_value_to(fs, args.items[1], ty_under(args.items[0]->type)->u.map.key, base + 2);
        EMIT(fs, DEFER, base, 2, 0);
        return;
    }
    case BI_RECOVER: {
        static const Instr code[] = {VM_MK(OP_RET, 0, 0, 0, 0)};
        EMITX(fs, CLOSURE, base, builtin_thunk(fs, "recover", 0, code, 1));
        EMIT(fs, DEFER, base, 0, 0);
        return;
    }
    case BI_PRINT:
    case BI_PRINTLN: {
        Vm *vm = fs->cc->vm;
        const VmNativeDef *d = vm_native_lookup("builtin.print");
        ClosureObj *c = vm_closure(vm, vm_native_proto(vm, "builtin.print", d->fn, 2, 0), 0);
        vm_pin(vm, &c->h);
        EMITX(fs, LOADK, base, comp_const(fs, (Value){{0}, &c->h}));
        Type *any = fs->cc->prog->ty.any_t;
        int eb = comp_regs(fs, args.n ? args.n : 1);
        for (int i = 0; i < args.n; i++) comp_value_to(fs, args.items[i], any, eb + i);
        EMIT(fs, SLICELIT, base + 1, eb, args.n);
        EMITX(fs, EXTRA, 0, comp_rtype(fs->cc, ty_slice(&fs->cc->prog->ty, any))->id);
        EMITX(fs, LOADI, base + 2, fun->obj->builtin == BI_PRINTLN);
        EMIT(fs, DEFER, base, 2, 0);
        return;
    }
    default: comp_error(fs->cc, n->pos, "defer of this built-in function is not supported"); return;
    }
}

static void defer_stmt(FuncState *fs, Node *n) {
    Node *call = n->u.unary.x;
    if (NF_CALL(call) == CALL_BUILTIN) {
        defer_builtin(fs, n, call);
        return;
    }
    if (NF_CALL(call) == CALL_CONV) {
        comp_error(fs->cc, n->pos, "defer of a conversion is not supported");
        return;
    }
    /* comp_call with nres -1 emits DEFER instead of CALL. */
    comp_call(fs, call, -1);
}

void comp_stmt(FuncState *fs, Node *n) {
    if (!n) return;
    fs->line = n->pos.line;
    switch (n->kind) {
    case AST_EMPTY_STMT: break;
    case AST_BLOCK: comp_block(fs, n); break;
    case AST_EXPR_STMT: {
        Node *x = n->u.unary.x;
        while (x->kind == AST_PAREN) x = x->u.unary.x;
        if (x->kind == AST_CALL) comp_call(fs, x, 0);
        else comp_expr(fs, x);
        break;
    }
    case AST_ASSIGN: assign_stmt(fs, n); break;
    case AST_INC_DEC: {
        Node *x = n->u.inc_dec.x;
        LVal lv = comp_lval(fs, x);
        int delta = n->u.inc_dec.tok == TK_INC ? 1 : -1;
        Type *u = ty_under(x->type);
        if (lv.kind == LV_VAR && fs->cf && lv.var->fn == fs->cf && !comp_boxed(lv.var) &&
            !(lv.var->flags & OBJF_GLOBAL) && ty_is_integer(u)) {
            int r = fs->lreg[lv.var->index];
            EMIT(fs, ADDI, r, r, (uint16_t)delta);
            RKind k = comp_rtype(fs->cc, u)->kind;
            if (k != RK_INT && k != RK_INT64 && k != RK_UINT && k != RK_UINT64 && k != RK_UINTPTR)
                EMITD(fs, TRUNC, r, r, 0, k);
            break;
        }
        int cur = comp_reg(fs), one = comp_reg(fs);
        comp_lv_load(fs, &lv, cur);
        if (ty_is_integer(u)) {
            EMIT(fs, ADDI, cur, cur, (uint16_t)delta);
            comp_narrow(fs, x->type, cur);
        } else {
            if (ty_is_float(u)) {
                Value v = {{.f = 1.0}, NULL};
                EMITX(fs, LOADK, one, comp_const(fs, v));
            } else EMITX(fs, LOADI, one, 1);
            comp_arith(fs, delta > 0 ? TK_ADD : TK_SUB, x->type, cur, cur, one);
        }
        comp_lv_store(fs, &lv, cur);
        break;
    }
    case AST_DECL_STMT: {
        Node *d = n->u.decl_stmt.decl;
        if (d->u.gen_decl.tok == TK_VAR)
            for (int i = 0; i < d->u.gen_decl.specs.n; i++) var_decl(fs, d->u.gen_decl.specs.items[i]);
        break; /* consts are folded; local types need no code */
    }
    case AST_RETURN: return_stmt(fs, n); break;
    case AST_IF: {
        int save = fs->nactive;
        if (n->u.if_.init) comp_stmt(fs, n->u.if_.init);
        /* A fused branch has a 16-bit offset: only for bodies of sane size. */
        int jf = count_stmts(n->u.if_.then) < 2000 ? comp_cond_jump(fs, n->u.if_.cond, 0)
                                                   : comp_jump(fs, OP_JF, comp_expr(fs, n->u.if_.cond));
        fs->freereg = fs->nactive;
        comp_block(fs, n->u.if_.then);
        if (n->u.if_.else_) {
            int jend = comp_jump(fs, OP_JMP, 0);
            comp_patch(fs, jf, comp_here(fs));
            comp_stmt(fs, n->u.if_.else_);
            comp_patch(fs, jend, comp_here(fs));
        } else comp_patch(fs, jf, comp_here(fs));
        fs->nactive = fs->freereg = save;
        break;
    }
    case AST_FOR: for_stmt(fs, n, NULL); break;
    case AST_RANGE: range_stmt(fs, n, NULL); break;
    case AST_SWITCH: switch_stmt(fs, n, NULL); break;
    case AST_TYPE_SWITCH: type_switch_stmt(fs, n, NULL); break;
    case AST_LABELED: labeled_stmt(fs, n); break;
    case AST_BRANCH: branch_stmt(fs, n); break;
    case AST_DEFER: defer_stmt(fs, n); break;
    case AST_GO: {
        Node *call = n->u.unary.x;
        if (!fs->cc->vm->has_sched) comp_error(fs->cc, npos(n), "go statements are not supported");
        else if (NF_CALL(call) == CALL_BUILTIN || NF_CALL(call) == CALL_CONV)
            comp_error(fs->cc, npos(n), "go with a built-in function is not supported");
        else comp_call(fs, call, -2); /* arguments evaluated here, as Go does */
        break;
    }
    case AST_SELECT: select_stmt(fs, n, NULL); break;
    case AST_SEND: {
        Node *ch = n->u.binary.x;
        int c = comp_expr(fs, ch), v = comp_reg(fs);
        comp_value_to(fs, n->u.binary.y, ty_under(ch->type)->u.chan.elem, v);
        EMIT(fs, SEND, c, v, 0);
        break;
    }
    default: comp_error(fs->cc, npos(n), "statement %s is not supported", ast_kind_name(n->kind)); break;
    }
    fs->freereg = fs->nactive;
}
