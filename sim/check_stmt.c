/* check_stmt: statements: assignments and short variable declarations,
 * control flow (if/for/range/switch/type switch/select), go/defer/return,
 * labels and branches, terminating statements and unused variables.
 */
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "mem.h"

static void open_scope(Checker *k) { k->scope = ty_scope(k->c, k->scope); }
static void close_scope(Checker *k) { k->scope = k->scope->parent; }

static const char *plural(Checker *k, int n, const char *what) {
    return chk_strf(k, "%d %s%s", n, what, n == 1 ? "" : "s");
}

/* ---- assignments ---- */

/* the lhs of an assignment: returns its type or NULL for `_`; invalid_t on error */
static Type *lhs_var(Checker *k, Node *lhs, Operand *out) {
    Node *l = lhs;
    while (l->kind == AST_PAREN) l = l->u.unary.x;
    if (l->kind == AST_IDENT && !strcmp(l->u.ident.name, "_")) {
        l->obj = NULL;
        lhs->type = NULL;
        return NULL;
    }
    /* assignment to a plain variable does not count as a use */
    Obj *o = NULL;
    uint32_t saved = 0;
    if (l->kind == AST_IDENT) {
        o = ty_lookup(k->scope, l->u.ident.name, NULL);
        if (o && o->kind == OBJ_VAR && o->fn) saved = o->flags & OBJF_USED;
        else o = NULL;
    }
    Operand x;
    chk_expr(k, &x, lhs);
    if (o && !saved) o->flags &= ~OBJF_USED;
    if (out) *out = x;
    if (x.mode == M_INVALID) return k->c->invalid_t;
    if (x.mode != M_VAR && x.mode != M_MAPINDEX) {
        Node *s = l;
        if (s->kind == AST_SELECTOR && s->u.selector.x->kind == AST_INDEX && (s->u.selector.x->flags & NF_MAPINDEX)) {
            chk_err(k, chk_pos(lhs), DM_ASSIGN_STRUCT_IN_MAP, chk_exprstr(k, lhs));
            return k->c->invalid_t;
        }
        chk_err(k, chk_pos(lhs), DM_CANNOT_ASSIGN, chk_opstr(k, &x));
        return k->c->invalid_t;
    }
    return x.type;
}

static void assign_one(Checker *k, Node *lhs, Operand *x, const char *ctx) {
    Type *t = lhs_var(k, lhs, NULL);
    if (!t) ctx = "assignment to _ identifier";
    if (t && t->kind == TY_INVALID) {
        if (x->mode != M_INVALID) chk_default(k, x);
        chk_set_operand(k, x);
        return;
    }
    chk_assignment(k, x, t, ctx);
    chk_set_operand(k, x);
}

static void assign_error(Checker *k, Node *rhs0, int nl, int nr, Node *call) {
    if (call)
        chk_err(k, chk_pos(rhs0), DM_ASSIGN_MISMATCH_CALL, plural(k, nl, "variable"), chk_exprstr(k, call->u.call.fun),
                plural(k, nr, "value"));
    else
        chk_err(k, chk_pos(rhs0), DM_ASSIGN_MISMATCH, plural(k, nl, "variable"), plural(k, nr, "value"));
}

/* n lhs = 1 rhs (tuple call or comma-ok); types of the results in *types */
static int multi_rhs(Checker *k, Node *rhs, int nl, Type **types, Operand *x) {
    chk_multi_expr(k, x, rhs);
    if (x->mode == M_INVALID) return 0;
    if (x->type && x->type->kind == TY_TUPLE) {
        if (x->type->u.tuple.n != nl) {
            assign_error(k, rhs, nl, x->type->u.tuple.n, rhs->kind == AST_CALL ? rhs : NULL);
            return 0;
        }
        for (int i = 0; i < nl; i++) types[i] = x->type->u.tuple.types[i];
        return 1;
    }
    if (nl == 1) {
        types[0] = x->type;
        return 1;
    }
    if (nl == 2 && (x->mode == M_COMMAOK || x->mode == M_MAPINDEX)) {
        Node *r = rhs;
        while (r->kind == AST_PAREN) r = r->u.unary.x;
        r->flags |= NF_COMMAOK;
        rhs->flags |= NF_COMMAOK;
        types[0] = x->type;
        types[1] = k->c->basic[TY_UNTYPED_BOOL];
        return 2;
    }
    assign_error(k, rhs, nl, 1, NULL);
    return 0;
}

static void assign_stmt(Checker *k, Node *s) {
    NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    TokKind tok = s->u.assign.tok;
    if (tok != TK_ASSIGN && tok != TK_DEFINE) {
        /* x op= y: checked as the binary x op y (each operand once), then
         * the result must be assignable back to x */
        Node *b = chk_new_node(k, AST_BINARY, s->u.assign.tok_pos);
        static const TokKind ops[] = {
            [TK_ADD_ASSIGN] = TK_ADD, [TK_SUB_ASSIGN] = TK_SUB, [TK_MUL_ASSIGN] = TK_MUL,
            [TK_QUO_ASSIGN] = TK_QUO, [TK_REM_ASSIGN] = TK_REM, [TK_AND_ASSIGN] = TK_AND,
            [TK_OR_ASSIGN] = TK_OR, [TK_XOR_ASSIGN] = TK_XOR, [TK_SHL_ASSIGN] = TK_SHL,
            [TK_SHR_ASSIGN] = TK_SHR, [TK_AND_NOT_ASSIGN] = TK_AND_NOT,
        };
        b->u.binary.op = ops[tok];
        b->u.binary.x = lhs->items[0];
        b->u.binary.y = rhs->items[0];
        Operand r;
        Node *sb = k->opassign_bin, *ss = k->opassign_stmt;
        k->opassign_bin = b; /* messages print the statement, as Go does */
        k->opassign_stmt = s;
        chk_expr(k, &r, b);
        k->opassign_bin = sb;
        k->opassign_stmt = ss;
        if (r.mode == M_INVALID) return;
        Node *l = lhs->items[0];
        if (!(l->flags & (NF_ADDRESSABLE | NF_MAPINDEX))) {
            Operand lx = {M_VALUE, l, l->type, l->cv, 0};
            if (l->flags & NF_CONST) lx.mode = M_CONST;
            chk_err(k, chk_pos(l), DM_CANNOT_ASSIGN, chk_opstr(k, &lx));
            return;
        }
        r.expr = b;
        chk_assignment(k, &r, l->type, "assignment");
        return;
    }
    if (tok == TK_DEFINE) {
        /* short variable declaration */
        int nl = lhs->n;
        Obj **objs = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)nl);
        int *isnew = arena_alloc(&k->c->arena, sizeof(int) * (size_t)nl);
        int any_new = 0, bad = 0;
        for (int i = 0; i < nl; i++) {
            Node *l = lhs->items[i];
            if (l->kind != AST_IDENT) {
                Operand tmp;
                chk_use_exprs(k, &(NodeList){&l, 1});
                (void)tmp;
                chk_err(k, chk_pos(l), DM_NON_NAME_DEFINE, chk_exprstr(k, l));
                bad = 1;
                continue;
            }
            const char *name = l->u.ident.name;
            for (int j = 0; j < i; j++)
                if (lhs->items[j]->kind == AST_IDENT && !strcmp(lhs->items[j]->u.ident.name, name) && strcmp(name, "_")) {
                    chk_err(k, l->pos, DM_REPEATED_DEFINE, name);
                    bad = 1;
                }
            if (!strcmp(name, "_")) {
                objs[i] = NULL;
                continue;
            }
            Obj *prev = ty_scope_lookup(k->scope, name);
            if (prev) {
                if (prev->kind != OBJ_VAR) {
                    chk_err(k, l->pos, DM_CANNOT_ASSIGN, chk_strf(k, "%s", name));
                    bad = 1;
                }
                objs[i] = prev;
                l->obj = prev;
                chk_record_use(k, prev);
                continue;
            }
            Obj *o = ty_obj(k->c, OBJ_VAR, name, NULL, l->pos);
            o->pkg = k->pkg;
            o->decl = l;
            objs[i] = o;
            isnew[i] = 1;
            any_new = 1;
        }
        /* rhs */
        Type **types = arena_alloc(&k->c->arena, sizeof(Type *) * (size_t)(nl > rhs->n ? nl : rhs->n));
        int ok = 1;
        Node *r0u = rhs->items[0];
        while (r0u->kind == AST_PAREN) r0u = r0u->u.unary.x;
        int single_call = rhs->n == 1 && nl == 1 && r0u->kind == AST_CALL;
        if (rhs->n == nl && !single_call) {
            for (int i = 0; i < nl; i++) {
                Operand x;
                chk_expr(k, &x, rhs->items[i]);
                if (objs[i] && !isnew[i]) {
                    chk_assignment(k, &x, objs[i]->type, "assignment");
                } else {
                    if (x.mode != M_INVALID && x.type && x.type->kind == TY_UNTYPED_NIL) {
                        chk_err(k, chk_pos(rhs->items[i]), DM_UNTYPED_NIL_USE, "assignment");
                        x.mode = M_INVALID;
                    } else {
                        chk_assignment(k, &x, NULL, "assignment");
                    }
                }
                chk_set_operand(k, &x);
                types[i] = x.mode == M_INVALID ? k->c->invalid_t : x.type;
            }
        } else if (rhs->n == 1) {
            Operand x;
            int r = multi_rhs(k, rhs->items[0], nl, types, &x);
            if (r && single_call) {
                /* one variable := one call with one result */
                if (objs[0] && !isnew[0]) {
                    chk_assignment(k, &x, objs[0]->type, "assignment");
                } else if (x.mode != M_INVALID) {
                    chk_assignment(k, &x, NULL, "assignment");
                }
                chk_set_operand(k, &x);
                types[0] = x.mode == M_INVALID ? k->c->invalid_t : x.type;
                r = 3;
            }
            if (!r) ok = 0;
            else if (r == 3) {
            }
            else if (r == 2) {
                Operand v = x;
                v.mode = M_VALUE;
                if (objs[0] && !isnew[0]) chk_assignment(k, &v, objs[0]->type, "assignment");
                else chk_assignment(k, &v, NULL, "assignment");
                types[0] = v.type;
                types[1] = k->c->basic[TY_BOOL];
                Node *r0 = rhs->items[0];
                r0->type = v.type;
            } else {
                for (int i = 0; i < nl; i++)
                    if (objs[i] && !isnew[i] && !ty_assignable(k->c, types[i], objs[i]->type))
                        chk_err(k, chk_pos(rhs->items[0]), DM_CANNOT_USE_AS_TYPE,
                                chk_strf(k, "%s (value of type %s)", chk_exprstr(k, rhs->items[0]),
                                         chk_typestr(k, types[i])),
                                chk_typestr(k, objs[i]->type), "assignment");
            }
        } else {
            chk_use_exprs(k, rhs);
            assign_error(k, rhs->items[0], nl, rhs->n, NULL);
            ok = 0;
        }
        if (!any_new && !bad) chk_err(k, s->u.assign.tok_pos, DM_NO_NEW_VARS);
        for (int i = 0; i < nl; i++) {
            if (!objs[i] || !isnew[i]) continue;
            objs[i]->type = ok && types[i] ? types[i] : k->c->invalid_t;
            if (objs[i]->type->kind == TY_INVALID) objs[i]->flags |= OBJF_USED; /* no follow-on error */
            lhs->items[i]->type = objs[i]->type;
            lhs->items[i]->obj = objs[i];
            chk_add_local(k, objs[i]);
            chk_declare(k, k->scope, objs[i], lhs->items[i]);
        }
        for (int i = 0; i < nl; i++)
            if (objs[i] && !isnew[i]) lhs->items[i]->type = objs[i]->type;
        return;
    }
    /* plain assignment */
    int nl = lhs->n, nr = rhs->n;
    Node *r0u = rhs->items[0];
    while (r0u->kind == AST_PAREN) r0u = r0u->u.unary.x;
    if (nl == 1 && nr == 1 && r0u->kind == AST_CALL) {
        Operand x;
        chk_multi_expr(k, &x, rhs->items[0]);
        if (x.mode != M_INVALID && x.type && x.type->kind == TY_TUPLE) {
            lhs_var(k, lhs->items[0], NULL);
            assign_error(k, rhs->items[0], 1, x.type->u.tuple.n, r0u);
            return;
        }
        assign_one(k, lhs->items[0], &x, "assignment");
        return;
    }
    if (nl == nr) {
        for (int i = 0; i < nl; i++) {
            Operand x;
            chk_expr(k, &x, rhs->items[i]);
            assign_one(k, lhs->items[i], &x, "assignment");
        }
        return;
    }
    if (nr == 1) {
        Type **types = arena_alloc(&k->c->arena, sizeof(Type *) * (size_t)nl);
        Operand x;
        int r = multi_rhs(k, rhs->items[0], nl, types, &x);
        if (!r) {
            for (int i = 0; i < nl; i++) lhs_var(k, lhs->items[i], NULL);
            return;
        }
        if (r == 2) {
            Operand v = x;
            v.mode = M_VALUE;
            Type *t0 = lhs_var(k, lhs->items[0], NULL);
            if (!t0 || t0->kind != TY_INVALID) chk_assignment(k, &v, t0, "assignment");
            rhs->items[0]->type = v.type;
            Type *t1 = lhs_var(k, lhs->items[1], NULL);
            if (t1 && t1->kind != TY_INVALID && !ty_assignable(k->c, k->c->basic[TY_UNTYPED_BOOL], t1))
                chk_err(k, chk_pos(lhs->items[1]), DM_CANNOT_USE, "untyped bool value", chk_typestr(k, t1), "assignment");
            return;
        }
        for (int i = 0; i < nl; i++) {
            Type *t = lhs_var(k, lhs->items[i], NULL);
            if (t && t->kind != TY_INVALID && !ty_assignable(k->c, types[i], t))
                chk_err(k, chk_pos(rhs->items[0]), DM_CANNOT_USE_AS_TYPE,
                        chk_strf(k, "%s (value of type %s)", chk_exprstr(k, rhs->items[0]), chk_typestr(k, types[i])),
                        chk_typestr(k, t), "assignment");
        }
        return;
    }
    chk_use_exprs(k, rhs);
    for (int i = 0; i < nl; i++) lhs_var(k, lhs->items[i], NULL);
    assign_error(k, rhs->items[0], nl, nr, NULL);
}

/* ---- return ---- */

static void return_stmt(Checker *k, Node *s) {
    NodeList *res = &s->u.ret.results;
    Type *sig = k->sig;
    int nr = sig->u.func.nresults;
    if (res->n == 0) {
        if (nr > 0 && (!sig->u.func.results[0]->name || !sig->u.func.results[0]->name[0] ||
                       !strcmp(sig->u.func.results[0]->name, "_") ? !sig->u.func.results[0]->name[0] : 0)) {
            chk_err(k, s->pos, DM_NOT_ENOUGH_RETURN, "()", chk_tuple_want(k, sig->u.func.results, nr, 0));
        } else if (nr > 0) {
            /* naked return: named results must not be shadowed */
            for (int i = 0; i < nr; i++) {
                Obj *r = sig->u.func.results[i];
                if (!r->name[0] || !strcmp(r->name, "_")) continue;
                Obj *o = ty_lookup(k->scope, r->name, NULL);
                if (o != r) {
                    chk_err(k, s->pos, DM_RESULT_SHADOWED, r->name, k->dl->path, o->pos.line, o->pos.col, r->name);
                    break;
                }
            }
        }
        return;
    }
    Operand *xs;
    int spread;
    int n = chk_collect_args(k, res, &xs, &spread);
    for (int i = 0; i < n; i++)
        if (xs[i].mode == M_INVALID) return;
    if (n != nr) {
        if (nr == 0) {
            chk_err(k, chk_pos(res->items[0]), DM_TOO_MANY_RETURN, chk_tuple_have(k, xs, n), "()");
            return;
        }
        Pos at = n > nr ? chk_pos(xs[nr].expr) : chk_pos(xs[n - 1].expr);
        if (spread) at = chk_pos(res->items[0]);
        chk_err(k, at, n > nr ? DM_TOO_MANY_RETURN : DM_NOT_ENOUGH_RETURN, chk_tuple_have(k, xs, n),
                chk_tuple_want(k, sig->u.func.results, nr, 0));
        return;
    }
    if (spread) {
        for (int i = 0; i < n; i++)
            if (!ty_assignable(k->c, xs[i].type, sig->u.func.results[i]->type))
                chk_err(k, chk_pos(res->items[0]), DM_CANNOT_USE_AS_TYPE,
                        chk_strf(k, "%s (value of type %s)", chk_exprstr(k, res->items[0]), chk_typestr(k, xs[i].type)),
                        chk_typestr(k, sig->u.func.results[i]->type), "return statement");
        s->flags |= NF_SPREAD;
        return;
    }
    for (int i = 0; i < n; i++) {
        chk_assignment(k, &xs[i], sig->u.func.results[i]->type, "return statement");
        chk_set_operand(k, &xs[i]);
    }
}

/* ---- expression statements, go, defer ---- */

static int builtin_is_stmt(int id) {
    switch (id) {
    case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT: case BI_PRINTLN: case BI_RECOVER: case BI_CLOSE:
        return 1;
    default: return 0;
    }
}

static void expr_stmt(Checker *k, Node *s) {
    Node *e = s->u.unary.x;
    Operand x;
    chk_raw_expr(k, &x, e, NULL, 0);
    Node *u = e;
    while (u->kind == AST_PAREN) u = u->u.unary.x;
    if (x.mode == M_INVALID) return;
    int stmt = 0;
    if (u->kind == AST_CALL) {
        stmt = NF_CALL(u) != CALL_CONV && !(NF_CALL(u) == CALL_BUILTIN && !builtin_is_stmt(u->u.call.fun->obj ? u->u.call.fun->obj->builtin : 0));
        if (NF_CALL(u) == CALL_BUILTIN) {
            Node *f = u->u.call.fun;
            while (f->kind == AST_PAREN) f = f->u.unary.x;
            stmt = f->obj && builtin_is_stmt(f->obj->builtin);
        }
    } else if (u->kind == AST_UNARY && u->u.unary.op == TK_ARROW) {
        stmt = 1;
    }
    if (stmt) return;
    if (x.mode == M_BUILTIN) chk_err(k, chk_pos(e), DM_MUST_BE_CALLED, chk_opstr(k, &x));
    else if (x.mode == M_TYPEXPR) chk_err(k, chk_pos(e), DM_TYPE_NOT_EXPR, chk_exprstr(k, e));
    else chk_err(k, chk_pos(e), DM_NOT_USED, chk_opstr(k, &x));
}

static void go_defer(Checker *k, Node *s) {
    const char *what = s->kind == AST_GO ? "go" : "defer";
    Node *c = s->u.unary.x;
    Node *u = c;
    while (u->kind == AST_PAREN) u = u->u.unary.x;
    if (u->kind != AST_CALL) {
        Operand x;
        chk_expr(k, &x, c);
        chk_err(k, chk_pos(c), DM_GO_DEFER_CALL, what);
        return;
    }
    Operand x;
    chk_raw_expr(k, &x, c, NULL, 0);
    if (x.mode == M_INVALID) return;
    if (NF_CALL(u) == CALL_CONV) {
        chk_err(k, chk_pos(c), DM_GO_DEFER_CONV, what);
        return;
    }
    if (NF_CALL(u) == CALL_BUILTIN) {
        Node *f = u->u.call.fun;
        while (f->kind == AST_PAREN) f = f->u.unary.x;
        if (f->obj && !builtin_is_stmt(f->obj->builtin)) chk_err(k, chk_pos(c), DM_GO_DEFER_DISCARDS, what, chk_exprstr(k, c));
    }
}

/* ---- switch ---- */

typedef struct CaseVal {
    ConstVal *cv;
    Type *t;
    Pos pos;
} CaseVal;

static void switch_stmt(Checker *k, Node *s, BranchCtx bc) {
    open_scope(k);
    if (s->u.switch_.init) chk_stmt(k, s->u.switch_.init, bc);
    Operand tag;
    int has_tag = s->u.switch_.tag != NULL;
    if (has_tag) {
        Node *te = s->u.switch_.tag;
        if (te->kind == AST_EXPR_STMT) te = te->u.unary.x;
        chk_expr(k, &tag, te);
        chk_assignment(k, &tag, NULL, "switch expression");
        chk_set_operand(k, &tag);
        if (tag.mode != M_INVALID && !ty_comparable(tag.type) && !ty_has_nil(tag.type)) {
            chk_err(k, chk_pos(te), DM_SWITCH_NOT_COMPARABLE, chk_opstr(k, &tag));
            tag.mode = M_INVALID;
        }
    } else {
        memset(&tag, 0, sizeof tag);
        tag.mode = M_CONST;
        tag.type = k->c->basic[TY_BOOL];
        tag.cv = cv_bool(&k->c->arena, 1);
    }
    NodeList *clauses = &s->u.switch_.body->u.block.stmts;
    VEC(CaseVal) seen = {0};
    Pos first_default = {0, 0};
    BranchCtx ibc = bc;
    ibc.in_switch = 1;
    for (int i = 0; i < clauses->n; i++) {
        Node *cl = clauses->items[i];
        if (!cl->u.clause.list.n) {
            if (first_default.line) chk_err(k, cl->pos, DM_MULTIPLE_DEFAULTS, k->dl->path, first_default.line, first_default.col);
            else first_default = cl->pos;
        }
        for (int j = 0; j < cl->u.clause.list.n; j++) {
            Node *ce = cl->u.clause.list.items[j];
            Operand x;
            chk_expr(k, &x, ce);
            if (x.mode == M_INVALID || tag.mode == M_INVALID) continue;
            Operand t = tag;
            t.expr = has_tag ? s->u.switch_.tag : NULL;
            if (t.expr && t.expr->kind == AST_EXPR_STMT) t.expr = t.expr->u.unary.x;
            /* types2: compare x == tag as if written so */
            Operand xx = x;
            Node cmp;
            memset(&cmp, 0, sizeof cmp);
            cmp.kind = AST_BINARY;
            cmp.pos = ce->pos;
            cmp.u.binary.op = TK_EQL;
            cmp.u.binary.x = ce;
            cmp.u.binary.y = t.expr ? t.expr : ce;
            if (!has_tag) {
                chk_assignment(k, &xx, k->c->basic[TY_BOOL], "switch case");
                if (xx.mode == M_INVALID) continue;
                chk_set_operand(k, &xx);
            } else {
                /* match untyped case values to the tag type */
                chk_convert_untyped(k, &xx, tag.type);
                if (xx.mode == M_INVALID) continue;
                if (!ty_assignable(k->c, xx.type, tag.type) && !ty_assignable(k->c, tag.type, xx.type)) {
                    chk_err(k, chk_pos(ce), DM_MISMATCHED_CASE, chk_exprstr(k, ce), chk_exprstr(k, t.expr),
                            chk_typestr(k, xx.type), chk_typestr(k, tag.type));
                    continue;
                }
                chk_set_operand(k, &xx);
            }
            if (xx.mode == M_CONST && has_tag) {
                for (int q = 0; q < seen.len; q++) {
                    if (cv_equal(seen.items[q].cv, xx.cv) && ty_identical(seen.items[q].t, xx.type)) {
                        chk_err(k, chk_pos(ce), DM_DUP_CASE, chk_opstr(k, &xx), k->dl->path, seen.items[q].pos.line,
                                seen.items[q].pos.col);
                        break;
                    }
                }
                CaseVal cvv = {xx.cv, xx.type, chk_pos(ce)};
                VEC_PUSH(seen, cvv);
            }
        }
        open_scope(k);
        chk_stmt_list(k, &cl->u.clause.body, ibc);
        close_scope(k);
    }
    VEC_FREE(seen);
    close_scope(k);
}

static void type_switch(Checker *k, Node *s, BranchCtx bc) {
    open_scope(k);
    if (s->u.switch_.init) chk_stmt(k, s->u.switch_.init, bc);
    Node *tag = s->u.switch_.tag;
    Node *lhs = NULL, *ta;
    if (tag->kind == AST_ASSIGN) {
        lhs = tag->u.assign.lhs.items[0];
        ta = tag->u.assign.rhs.items[0];
    } else {
        ta = tag->u.unary.x;
    }
    while (ta->kind == AST_PAREN) ta = ta->u.unary.x;
    Operand x;
    chk_expr(k, &x, ta->u.type_assert.x);
    int valid = x.mode != M_INVALID;
    if (valid && !ty_is_interface(x.type)) {
        chk_err(k, chk_pos(ta->u.type_assert.x), DM_NOT_INTERFACE, chk_opstr(k, &x));
        valid = 0;
    }
    ta->type = x.type;
    NodeList *clauses = &s->u.switch_.body->u.block.stmts;
    BranchCtx ibc = bc;
    ibc.in_switch = 1;
    VEC(Obj *) syms = {0};
    VEC(CaseVal) seen = {0};
    Pos first_default = {0, 0};
    for (int i = 0; i < clauses->n; i++) {
        Node *cl = clauses->items[i];
        Type *single = NULL;
        int ncases = cl->u.clause.list.n;
        if (!ncases) {
            if (first_default.line) chk_err(k, cl->pos, DM_MULTIPLE_DEFAULTS, k->dl->path, first_default.line, first_default.col);
            else first_default = cl->pos;
        }
        for (int j = 0; j < ncases; j++) {
            Node *ce = cl->u.clause.list.items[j];
            Type *t;
            if (ce->kind == AST_IDENT && !strcmp(ce->u.ident.name, "nil") &&
                ty_lookup(k->scope, "nil", NULL) == k->c->nil_obj) {
                ce->obj = k->c->nil_obj;
                ce->type = k->c->basic[TY_UNTYPED_NIL];
                t = NULL;
            } else {
                t = chk_typexpr(k, ce);
                if (t->kind == TY_INVALID) continue;
                if (valid && !ty_is_interface(t)) {
                    int wrong, ptr;
                    Obj *m = ty_missing_method(k->c, t, x.type, &wrong, &ptr);
                    if (m) {
                        const char *why = wrong ? chk_strf(k, "wrong type for %s method", m->name)
                                          : ptr ? chk_strf(k, "%s method has pointer receiver", m->name)
                                                : chk_strf(k, "missing %s method", m->name);
                        chk_err(k, chk_pos(ce), DM_IMPOSSIBLE_CASE, chk_exprstr(k, ce), chk_opstr(k, &x),
                                chk_typestr(k, t), why);
                        continue;
                    }
                }
            }
            for (int q = 0; q < seen.len; q++)
                if ((seen.items[q].t == NULL && t == NULL) || (t && seen.items[q].t && ty_identical(seen.items[q].t, t))) {
                    chk_err(k, chk_pos(ce), DM_DUP_TYPE_CASE, t ? chk_typestr(k, t) : "nil", k->dl->path,
                            seen.items[q].pos.line, seen.items[q].pos.col);
                    break;
                }
            CaseVal cvv = {NULL, t, chk_pos(ce)};
            VEC_PUSH(seen, cvv);
            if (ncases == 1) single = t ? t : x.type;
        }
        open_scope(k);
        if (lhs && strcmp(lhs->u.ident.name, "_")) {
            Type *vt = single ? single : (valid ? x.type : k->c->invalid_t);
            Obj *o = ty_obj(k->c, OBJ_VAR, lhs->u.ident.name, vt, lhs->pos);
            o->pkg = k->pkg;
            o->decl = lhs;
            chk_add_local(k, o);
            ty_scope_insert(k->c, k->scope, o);
            cl->obj = o;
            VEC_PUSH(syms, o);
        }
        chk_stmt_list(k, &cl->u.clause.body, ibc);
        close_scope(k);
    }
    if (lhs) {
        if (!strcmp(lhs->u.ident.name, "_")) {
            chk_err(k, lhs->pos, DM_NO_NEW_VAR_TS, lhs->u.ident.name);
        } else {
            int used = 0;
            for (int i = 0; i < syms.len; i++)
                if (syms.items[i]->flags & OBJF_USED) used = 1;
            if (!used) chk_err(k, lhs->pos, DM_DECLARED_NOT_USED, lhs->u.ident.name);
            for (int i = 0; i < syms.len; i++) syms.items[i]->flags |= OBJF_USED;
            lhs->type = x.type;
        }
    }
    VEC_FREE(syms);
    VEC_FREE(seen);
    close_scope(k);
}

/* ---- select ---- */

static void select_stmt(Checker *k, Node *s, BranchCtx bc) {
    NodeList *clauses = &s->u.switch_.body->u.block.stmts;
    BranchCtx ibc = bc;
    ibc.in_select = 1;
    for (int i = 0; i < clauses->n; i++) {
        Node *cl = clauses->items[i];
        open_scope(k);
        Node *comm = cl->u.clause.comm;
        if (comm) {
            int ok = 0;
            Node *rx = NULL;
            if (comm->kind == AST_SEND) ok = 1;
            else if (comm->kind == AST_EXPR_STMT) rx = comm->u.unary.x;
            else if (comm->kind == AST_ASSIGN && comm->u.assign.rhs.n == 1) rx = comm->u.assign.rhs.items[0];
            if (rx) {
                while (rx->kind == AST_PAREN) rx = rx->u.unary.x;
                ok = rx->kind == AST_UNARY && rx->u.unary.op == TK_ARROW;
            }
            if (!ok) {
                /* types2 reports at the statement's syntax position (an
                 * expression statement's is its expression's, a binary
                 * one's operator) and skips the whole clause. */
                Pos at = comm->kind == AST_EXPR_STMT ? comm->u.unary.x->pos : comm->pos;
                chk_err(k, at, DM_SELECT_CASE);
                close_scope(k);
                continue;
            }
            chk_stmt(k, comm, ibc);
        }
        chk_stmt_list(k, &cl->u.clause.body, ibc);
        close_scope(k);
    }
}

/* ---- range ---- */

static void range_stmt(Checker *k, Node *s, BranchCtx bc) {
    open_scope(k);
    Operand x;
    chk_expr(k, &x, s->u.range.x);
    Type *kt = NULL, *vt = NULL;
    int rk = RANGE_NONE;
    int one_var = 0;
    if (x.mode != M_INVALID) {
        Type *u = ty_under(x.type);
        if (ty_is_string(x.type)) {
            if (ty_is_untyped(x.type)) {
                chk_convert_untyped(k, &x, k->c->basic[TY_STRING]);
                chk_set_operand(k, &x);
            }
            rk = RANGE_STRING;
            kt = k->c->basic[TY_INT];
            vt = k->c->rune_t;
        } else if (ty_is_integer(x.type)) {
            if (ty_is_untyped(x.type)) {
                chk_convert_untyped(k, &x, k->c->basic[TY_INT]);
                chk_set_operand(k, &x);
            }
            rk = RANGE_INT;
            kt = x.type;
            one_var = 1;
        } else if (u && u->kind == TY_ARRAY) {
            rk = RANGE_ARRAY;
            kt = k->c->basic[TY_INT];
            vt = u->u.array.elem;
        } else if (u && u->kind == TY_POINTER && ty_under(u->u.ptr.elem) && ty_under(u->u.ptr.elem)->kind == TY_ARRAY) {
            rk = RANGE_PTR_ARRAY;
            kt = k->c->basic[TY_INT];
            vt = ty_under(u->u.ptr.elem)->u.array.elem;
        } else if (u && u->kind == TY_SLICE) {
            rk = RANGE_SLICE;
            kt = k->c->basic[TY_INT];
            vt = u->u.ptr.elem;
        } else if (u && u->kind == TY_MAP) {
            rk = RANGE_MAP;
            kt = u->u.map.key;
            vt = u->u.map.val;
        } else if (u && u->kind == TY_CHAN) {
            rk = RANGE_CHAN;
            kt = u->u.chan.elem;
            one_var = 1;
            if (u->u.chan.dir == CHAN_SEND) {
                chk_err(k, chk_pos(s->u.range.x), DM_RANGE_SEND_ONLY, chk_opstr(k, &x));
                rk = RANGE_NONE;
            }
        } else if (u && u->kind == TY_FUNC) {
            chk_err(k, chk_pos(s->u.range.x), DM_UNSUPPORTED, "range-over-func iterators");
        } else {
            chk_err(k, chk_pos(s->u.range.x), DM_CANNOT_RANGE, chk_opstr(k, &x));
        }
        if (rk && one_var && s->u.range.value) {
            chk_err(k, chk_pos(s->u.range.value), DM_RANGE_ONE_VAR, chk_opstr(k, &x));
            rk = RANGE_NONE;
        }
    }
    s->flags = (s->flags & ~NF_SUBKIND_MASK) | (uint32_t)rk;
    Node *lhs[2] = {s->u.range.key, s->u.range.value};
    Type *rt[2] = {kt, vt};
    if (s->u.range.tok == TK_DEFINE) {
        Obj *objs[2] = {NULL, NULL};
        for (int i = 0; i < 2; i++) {
            Node *l = lhs[i];
            if (!l) continue;
            if (l->kind != AST_IDENT) {
                chk_err(k, chk_pos(l), DM_NON_NAME_DEFINE, chk_exprstr(k, l));
                continue;
            }
            Obj *o = ty_obj(k->c, OBJ_VAR, l->u.ident.name, rt[i] && rk ? rt[i] : k->c->invalid_t, l->pos);
            o->pkg = k->pkg;
            o->decl = l;
            l->type = o->type;
            if (strcmp(o->name, "_")) {
                l->obj = o;
                chk_add_local(k, o);
                objs[i] = o;
            }
        }
        for (int i = 0; i < 2; i++)
            if (objs[i]) chk_declare(k, k->scope, objs[i], lhs[i]);
    } else if (s->u.range.tok == TK_ASSIGN) {
        for (int i = 0; i < 2; i++) {
            if (!lhs[i]) continue;
            Operand v = {M_VALUE, NULL, rt[i], NULL, 0};
            Type *t = lhs_var(k, lhs[i], NULL);
            if (!rk || !rt[i] || (t && t->kind == TY_INVALID)) continue;
            if (t && !ty_assignable(k->c, rt[i], t))
                chk_err(k, chk_pos(lhs[i]), DM_CANNOT_USE_AS_TYPE,
                        chk_strf(k, "%s (value of type %s)", chk_exprstr(k, lhs[i]), chk_typestr(k, rt[i])),
                        chk_typestr(k, t), "range");
            (void)v;
        }
    }
    BranchCtx ibc = bc;
    ibc.in_loop = 1;
    chk_stmt(k, s->u.range.body, ibc);
    close_scope(k);
}

/* ---- statements ---- */

static void cond(Checker *k, Node *c, const char *what) {
    Operand x;
    chk_expr(k, &x, c);
    if (x.mode == M_INVALID) return;
    if (!ty_is_boolean(x.type)) {
        chk_err(k, chk_pos(c), DM_NON_BOOL_COND, what);
        return;
    }
    chk_default(k, &x);
    chk_set_operand(k, &x);
}

void chk_stmt(Checker *k, Node *s, BranchCtx bc) {
    if (!s || k->stopped) return;
    switch (s->kind) {
    case AST_BAD_STMT: case AST_EMPTY_STMT: break;
    case AST_DECL_STMT: chk_decl_stmt(k, s->u.decl_stmt.decl); break;
    case AST_LABELED: chk_stmt(k, s->u.labeled.stmt, bc); break;
    case AST_EXPR_STMT: expr_stmt(k, s); break;
    case AST_SEND: {
        Operand ch, v;
        chk_expr(k, &ch, s->u.binary.x);
        chk_expr(k, &v, s->u.binary.y);
        if (ch.mode == M_INVALID || v.mode == M_INVALID) return;
        Type *u = ty_under(ch.type);
        if (!u || u->kind != TY_CHAN) {
            chk_err(k, chk_pos(s->u.binary.x), DM_SEND_NON_CHAN, chk_opstr(k, &ch));
            return;
        }
        if (u->u.chan.dir == CHAN_RECV) {
            chk_err(k, chk_pos(s->u.binary.x), DM_SEND_RECV_ONLY, chk_opstr(k, &ch));
            return;
        }
        chk_assignment(k, &v, u->u.chan.elem, "send");
        chk_set_operand(k, &v);
        break;
    }
    case AST_INC_DEC: {
        Operand x;
        chk_expr(k, &x, s->u.inc_dec.x);
        if (x.mode == M_INVALID) return;
        if (!ty_is_numeric(x.type)) {
            chk_err(k, chk_pos(s->u.inc_dec.x), DM_INC_NON_NUMERIC, chk_exprstr(k, s->u.inc_dec.x),
                    s->u.inc_dec.tok == TK_INC ? "++" : "--", chk_typestr(k, x.type));
            return;
        }
        if (x.mode != M_VAR && x.mode != M_MAPINDEX) chk_err(k, chk_pos(s->u.inc_dec.x), DM_CANNOT_ASSIGN, chk_opstr(k, &x));
        break;
    }
    case AST_ASSIGN: assign_stmt(k, s); break;
    case AST_GO: case AST_DEFER: go_defer(k, s); break;
    case AST_RETURN: return_stmt(k, s); break;
    case AST_BRANCH: break; /* checked with the labels */
    case AST_BLOCK:
        open_scope(k);
        chk_stmt_list(k, &s->u.block.stmts, bc);
        close_scope(k);
        break;
    case AST_IF:
        open_scope(k);
        if (s->u.if_.init) chk_stmt(k, s->u.if_.init, bc);
        cond(k, s->u.if_.cond, "if");
        chk_stmt(k, s->u.if_.then, bc);
        if (s->u.if_.else_) chk_stmt(k, s->u.if_.else_, bc);
        close_scope(k);
        break;
    case AST_SWITCH: switch_stmt(k, s, bc); break;
    case AST_TYPE_SWITCH: type_switch(k, s, bc); break;
    case AST_SELECT: select_stmt(k, s, bc); break;
    case AST_FOR: {
        open_scope(k);
        if (s->u.for_.init) chk_stmt(k, s->u.for_.init, bc);
        if (s->u.for_.cond) cond(k, s->u.for_.cond, "for");
        if (s->u.for_.post) {
            Node *p = s->u.for_.post;
            if (p->kind == AST_ASSIGN && p->u.assign.tok == TK_DEFINE) chk_err(k, p->pos, DM_DEFINE_IN_POST);
            else chk_stmt(k, p, bc);
        }
        BranchCtx ibc = bc;
        ibc.in_loop = 1;
        chk_stmt(k, s->u.for_.body, ibc);
        close_scope(k);
        break;
    }
    case AST_RANGE: range_stmt(k, s, bc); break;
    default: break;
    }
}

void chk_stmt_list(Checker *k, NodeList *l, BranchCtx bc) {
    for (int i = 0; i < l->n; i++) chk_stmt(k, l->items[i], bc);
}

/* ---- terminating statements ---- */

static int has_break(Node *s, const char *label, int nested);

static int list_has_break(NodeList *l, const char *label, int nested) {
    for (int i = 0; i < l->n; i++)
        if (has_break(l->items[i], label, nested)) return 1;
    return 0;
}

/* does s contain a break referring to the enclosing statement (unlabeled
 * ones only when not nested in another breakable statement) */
static int has_break(Node *s, const char *label, int nested) {
    if (!s) return 0;
    switch (s->kind) {
    case AST_BRANCH:
        if (s->u.branch.tok != TK_BREAK) return 0;
        if (!s->u.branch.label) return !nested;
        return label && !strcmp(s->u.branch.label->u.ident.name, label);
    case AST_BLOCK: return list_has_break(&s->u.block.stmts, label, nested);
    case AST_LABELED: return has_break(s->u.labeled.stmt, label, nested);
    case AST_IF: return has_break(s->u.if_.then, label, nested) || has_break(s->u.if_.else_, label, nested);
    case AST_CASE_CLAUSE: case AST_COMM_CLAUSE: return list_has_break(&s->u.clause.body, label, nested);
    case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT:
        return label && has_break(s->u.switch_.body, label, 1);
    case AST_FOR: return label && has_break(s->u.for_.body, label, 1);
    case AST_RANGE: return label && has_break(s->u.range.body, label, 1);
    default: return 0;
    }
}

int chk_is_terminating(Node *s, const char *label) {
    if (!s) return 0;
    switch (s->kind) {
    case AST_RETURN: return 1;
    case AST_BRANCH: return s->u.branch.tok == TK_GOTO || s->u.branch.tok == TK_FALLTHROUGH;
    case AST_EXPR_STMT: {
        Node *c = s->u.unary.x;
        while (c->kind == AST_PAREN) c = c->u.unary.x;
        if (c->kind != AST_CALL) return 0;
        Node *f = c->u.call.fun;
        while (f->kind == AST_PAREN) f = f->u.unary.x;
        return f->kind == AST_IDENT && f->obj && f->obj->kind == OBJ_BUILTIN && f->obj->builtin == BI_PANIC;
    }
    case AST_BLOCK: {
        NodeList *l = &s->u.block.stmts;
        int n = l->n;
        while (n > 0 && l->items[n - 1]->kind == AST_EMPTY_STMT) n--;
        return n > 0 && chk_is_terminating(l->items[n - 1], NULL);
    }
    case AST_IF:
        return s->u.if_.else_ && chk_is_terminating(s->u.if_.then, NULL) && chk_is_terminating(s->u.if_.else_, NULL);
    case AST_LABELED: return chk_is_terminating(s->u.labeled.stmt, s->u.labeled.label->u.ident.name);
    case AST_FOR: return !s->u.for_.cond && !has_break(s->u.for_.body, label, 0);
    case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT: {
        NodeList *cl = &s->u.switch_.body->u.block.stmts;
        int has_default = s->kind == AST_SELECT;
        for (int i = 0; i < cl->n; i++) {
            Node *c = cl->items[i];
            if (s->kind != AST_SELECT && !c->u.clause.list.n) has_default = 1;
            NodeList *b = &c->u.clause.body;
            int n = b->n;
            while (n > 0 && b->items[n - 1]->kind == AST_EMPTY_STMT) n--;
            if (n == 0 || !chk_is_terminating(b->items[n - 1], NULL)) return 0;
            if (list_has_break(b, label, 0)) return 0;
        }
        return has_default;
    }
    default: return 0;
    }
}

/* ---- unused variables ---- */

static int cmp_pos(const void *a, const void *b) {
    const Obj *x = *(Obj *const *)a, *y = *(Obj *const *)b;
    if (x->pos.line != y->pos.line) return x->pos.line < y->pos.line ? -1 : 1;
    return (x->pos.col > y->pos.col) - (x->pos.col < y->pos.col);
}

void chk_usage(Checker *k, ChkFunc *fn) {
    VEC(Obj *) unused = {0};
    for (int i = 0; i < fn->locals.len; i++) {
        Obj *o = fn->locals.items[i];
        if (o->flags & (OBJF_USED | OBJF_PARAM | OBJF_RESULT)) continue;
        if (!strcmp(o->name, "_") || !o->name[0]) continue;
        VEC_PUSH(unused, o);
    }
    if (unused.len) qsort(unused.items, (size_t)unused.len, sizeof(Obj *), cmp_pos);
    for (int i = 0; i < unused.len; i++) chk_err(k, unused.items[i]->pos, DM_DECLARED_NOT_USED, unused.items[i]->name);
    VEC_FREE(unused);
}

/* ---- labels and branches (Go checks these while parsing) ---- */

typedef struct LabelCtx {
    Checker *k;
    Scope *labels;
} LabelCtx;

typedef struct Enclosing {
    Node *stmt;           /* FOR/RANGE/SWITCH/TYPE_SWITCH/SELECT */
    const char *label;    /* its label, if labelled */
    struct Enclosing *up;
} Enclosing;

static void collect_labels(LabelCtx *lc, Node *s) {
    if (!s) return;
    switch (s->kind) {
    case AST_LABELED: {
        Node *l = s->u.labeled.label;
        if (strcmp(l->u.ident.name, "_")) {
            Obj *o = ty_obj(lc->k->c, OBJ_LABEL, l->u.ident.name, NULL, l->pos);
            o->decl = s;
            Obj *prev = ty_scope_insert(lc->k->c, lc->labels, o);
            if (prev)
                chk_err(lc->k, l->pos, DM_LABEL_REDEFINED, l->u.ident.name, lc->k->dl->path, prev->pos.line, prev->pos.col);
            else
                l->obj = o;
        }
        collect_labels(lc, s->u.labeled.stmt);
        break;
    }
    case AST_BLOCK:
        for (int i = 0; i < s->u.block.stmts.n; i++) collect_labels(lc, s->u.block.stmts.items[i]);
        break;
    case AST_IF: collect_labels(lc, s->u.if_.then); collect_labels(lc, s->u.if_.else_); break;
    case AST_FOR: collect_labels(lc, s->u.for_.body); break;
    case AST_RANGE: collect_labels(lc, s->u.range.body); break;
    case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT: collect_labels(lc, s->u.switch_.body); break;
    case AST_CASE_CLAUSE: case AST_COMM_CLAUSE:
        for (int i = 0; i < s->u.clause.body.n; i++) collect_labels(lc, s->u.clause.body.items[i]);
        break;
    default: break;
    }
}

static void check_branches(LabelCtx *lc, Node *s, Enclosing *enc, const char *label, int last_in_clause,
                           int last_clause) {
    if (!s) return;
    Checker *k = lc->k;
    switch (s->kind) {
    case AST_LABELED:
        check_branches(lc, s->u.labeled.stmt, enc, s->u.labeled.label->u.ident.name, last_in_clause, last_clause);
        return;
    case AST_BRANCH: {
        TokKind t = s->u.branch.tok;
        Node *l = s->u.branch.label;
        if (t == TK_FALLTHROUGH) {
            if (!last_in_clause || !enc || enc->stmt->kind != AST_SWITCH)
                chk_err(k, s->pos, DM_FALLTHROUGH_PLACE);
            else if (last_clause)
                chk_err(k, s->pos, DM_FALLTHROUGH_FINAL);
            return;
        }
        if (t == TK_GOTO) {
            Obj *o = l ? ty_scope_lookup(lc->labels, l->u.ident.name) : NULL;
            if (!o) {
                if (l) chk_err(k, l->pos, DM_GOTO_LABEL_UNDEF, l->u.ident.name);
                return;
            }
            o->flags |= OBJF_USED;
            l->obj = o;
            return;
        }
        if (!l) {
            int ok = 0;
            for (Enclosing *e = enc; e; e = e->up) {
                if (t == TK_BREAK) {
                    ok = 1;
                    break;
                }
                if (e->stmt->kind == AST_FOR || e->stmt->kind == AST_RANGE) {
                    ok = 1;
                    break;
                }
            }
            if (!ok) chk_err(k, s->pos, t == TK_BREAK ? DM_BREAK_OUTSIDE : DM_CONTINUE_OUTSIDE);
            return;
        }
        Obj *o = ty_scope_lookup(lc->labels, l->u.ident.name);
        if (!o) {
            chk_err(k, l->pos, t == TK_BREAK ? DM_BREAK_LABEL_UNDEF : DM_CONTINUE_LABEL_UNDEF, l->u.ident.name);
            return;
        }
        o->flags |= OBJF_USED;
        l->obj = o;
        Enclosing *e = enc;
        for (; e; e = e->up)
            if (e->label && !strcmp(e->label, l->u.ident.name)) break;
        if (!e || (t == TK_CONTINUE && e->stmt->kind != AST_FOR && e->stmt->kind != AST_RANGE))
            chk_err(k, l->pos, t == TK_BREAK ? DM_INVALID_BREAK_LABEL : DM_INVALID_CONTINUE_LABEL, l->u.ident.name);
        return;
    }
    case AST_BLOCK:
        for (int i = 0; i < s->u.block.stmts.n; i++) check_branches(lc, s->u.block.stmts.items[i], enc, NULL, 0, 0);
        return;
    case AST_IF:
        check_branches(lc, s->u.if_.then, enc, NULL, 0, 0);
        check_branches(lc, s->u.if_.else_, enc, NULL, 0, 0);
        return;
    case AST_FOR: case AST_RANGE: case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT: {
        Enclosing me = {s, label, enc};
        if (s->kind == AST_FOR) check_branches(lc, s->u.for_.body, &me, NULL, 0, 0);
        else if (s->kind == AST_RANGE) check_branches(lc, s->u.range.body, &me, NULL, 0, 0);
        else {
            NodeList *cl = &s->u.switch_.body->u.block.stmts;
            for (int i = 0; i < cl->n; i++) {
                NodeList *b = &cl->items[i]->u.clause.body;
                for (int j = 0; j < b->n; j++)
                    check_branches(lc, b->items[j], &me, NULL, j == b->n - 1, i == cl->n - 1);
            }
        }
        return;
    }
    default: return;
    }
}

static void unused_labels(LabelCtx *lc, Node *s) {
    if (!s) return;
    switch (s->kind) {
    case AST_LABELED: {
        Obj *o = s->u.labeled.label->obj;
        if (o && !(o->flags & OBJF_USED)) chk_err(lc->k, o->pos, DM_LABEL_NOT_USED, o->name);
        unused_labels(lc, s->u.labeled.stmt);
        break;
    }
    case AST_BLOCK:
        for (int i = 0; i < s->u.block.stmts.n; i++) unused_labels(lc, s->u.block.stmts.items[i]);
        break;
    case AST_IF: unused_labels(lc, s->u.if_.then); unused_labels(lc, s->u.if_.else_); break;
    case AST_FOR: unused_labels(lc, s->u.for_.body); break;
    case AST_RANGE: unused_labels(lc, s->u.range.body); break;
    case AST_SWITCH: case AST_TYPE_SWITCH: case AST_SELECT: unused_labels(lc, s->u.switch_.body); break;
    case AST_CASE_CLAUSE: case AST_COMM_CLAUSE:
        for (int i = 0; i < s->u.clause.body.n; i++) unused_labels(lc, s->u.clause.body.items[i]);
        break;
    default: break;
    }
}

void chk_check_labels(Checker *k, Node *body) {
    LabelCtx lc = {k, ty_scope(k->c, NULL)};
    collect_labels(&lc, body);
    check_branches(&lc, body, NULL, NULL, 0, 0);
    unused_labels(&lc, body);
}
