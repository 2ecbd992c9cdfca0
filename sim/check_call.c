/* check_call: calls, argument passing (variadics, multi-value spreads),
 * conversions and the built-in functions.
 */
#include <string.h>

#include "check_int.h"
#include "mem.h"

static const char *type_summary(Checker *k, Type *t, int variadic_last) {
    if (!t || t->kind == TY_INVALID) return "<T>";
    if (ty_is_untyped(t)) {
        if (ty_is_numeric(t)) return "number";
        const char *n = ty_basic_name(t->kind);
        return n + 8; /* drop "untyped " */
    }
    if (variadic_last && t->kind == TY_SLICE) return chk_strf(k, "...%s", chk_typestr(k, t->u.ptr.elem));
    return chk_typestr(k, t);
}

const char *chk_tuple_have(Checker *k, Operand *xs, int n) {
    char *s = chk_strf(k, "(");
    for (int i = 0; i < n; i++)
        s = chk_strf(k, "%s%s%s", s, i ? ", " : "", type_summary(k, xs[i].mode == M_INVALID ? NULL : xs[i].type, 0));
    return chk_strf(k, "%s)", s);
}

const char *chk_tuple_want(Checker *k, Obj **vars, int n, int variadic) {
    char *s = chk_strf(k, "(");
    for (int i = 0; i < n; i++)
        s = chk_strf(k, "%s%s%s", s, i ? ", " : "", type_summary(k, vars[i]->type, variadic && i == n - 1));
    return chk_strf(k, "%s)", s);
}

/* Evaluate call arguments; a single tuple-valued call is spread into
 * several operands (expr = that call). Returns the count. */
int chk_collect_args(Checker *k, NodeList *args, Operand **out, int *spread) {
    *spread = 0;
    if (args->n == 1) {
        Operand x;
        chk_multi_expr(k, &x, args->items[0]);
        if (x.mode != M_INVALID && x.type && x.type->kind == TY_TUPLE) {
            int n = x.type->u.tuple.n;
            Operand *v = arena_alloc(&k->c->arena, sizeof(Operand) * (size_t)(n ? n : 1));
            for (int i = 0; i < n; i++) {
                v[i].mode = M_VALUE;
                v[i].expr = args->items[0];
                v[i].type = x.type->u.tuple.types[i];
            }
            *spread = 1;
            *out = v;
            return n;
        }
        Operand *v = arena_alloc(&k->c->arena, sizeof(Operand));
        v[0] = x;
        *out = v;
        return 1;
    }
    Operand *v = arena_alloc(&k->c->arena, sizeof(Operand) * (size_t)(args->n ? args->n : 1));
    for (int i = 0; i < args->n; i++) chk_expr(k, &v[i], args->items[i]);
    *out = v;
    return args->n;
}

void chk_arguments(Checker *k, Node *call, Type *sig, Operand *args, int nargs, Node *fun) {
    int npars = sig->u.func.nparams;
    int variadic = sig->u.func.variadic;
    int ddd = call->u.call.has_ellipsis;
    for (int i = 0; i < nargs; i++)
        if (args[i].mode == M_INVALID) return;
    if (ddd) {
        if (!variadic) {
            chk_err(k, call->u.call.ellipsis, DM_DDD_NON_VARIADIC, chk_exprstr(k, call));
            return;
        }
        if (call->u.call.args.n == 1 && nargs > 1) {
            chk_err(k, chk_pos(call->u.call.args.items[0]), DM_DDD_MULTI, chk_exprstr(k, call->u.call.args.items[0]));
            return;
        }
    }
    int ok_count = variadic && !ddd ? nargs >= npars - 1 : nargs == npars;
    if (!ok_count) {
        int too_many = nargs > npars;
        Pos at;
        if (too_many) at = chk_pos(args[npars].expr);
        else if (nargs > 0) at = chk_pos(args[nargs - 1].expr);
        else at = chk_pos(call);
        if (too_many && call->u.call.args.n == 1 && nargs > 1) at = chk_pos(args[0].expr);
        chk_err(k, at, too_many ? DM_TOO_MANY_ARGS : DM_NOT_ENOUGH_ARGS, chk_exprstr(k, fun), chk_tuple_have(k, args, nargs),
                chk_tuple_want(k, sig->u.func.params, npars, variadic));
        return;
    }
    /* the context text is only built if an error needs it */
    Node *save_fun = k->arg_fun;
    k->arg_fun = fun;
    const char *ctx = CHK_CTX_ARG;
    for (int i = 0; i < nargs; i++) {
        Type *pt;
        if (variadic && i >= npars - 1) {
            Type *st = sig->u.func.params[npars - 1]->type;
            pt = ddd ? st : st->u.ptr.elem;
        } else {
            pt = sig->u.func.params[i]->type;
        }
        if (nargs > 1 && call->u.call.args.n == 1) {
            /* spread: check assignability of each result type */
            if (!ty_assignable(k->c, args[i].type, pt)) {
                chk_err(k, chk_pos(args[i].expr), DM_CANNOT_USE_AS_TYPE,
                        chk_strf(k, "%s (value of type %s)", chk_exprstr(k, args[i].expr), chk_typestr(k, args[i].type)),
                        chk_typestr(k, pt), chk_strf(k, "argument to %s", chk_exprstr(k, fun)));
            }
            continue;
        }
        chk_assignment(k, &args[i], pt, ctx);
        chk_set_operand(k, &args[i]);
    }
    k->arg_fun = save_fun;
}

/* ---- conversions ---- */

static int is_const_type(Type *t) {
    Type *u = ty_under(t);
    return u && u->kind >= TY_BOOL && u->kind <= TY_STRING;
}

void chk_conversion(Checker *k, Operand *x, Type *t, Node *call) {
    int const_arg = x->mode == M_CONST;
    int ok = 0;
    if (const_arg && is_const_type(t)) {
        ConstVal *nv;
        int why;
        if (chk_representable(k, x, t, &nv, &why)) {
            ok = 1;
            x->cv = nv;
        } else if (ty_is_integer(x->type) && ty_is_string(t)) {
            uint64_t r = 0xfffd;
            ConstVal *iv = cv_to_int(&k->c->arena, x->cv);
            if (iv && cv_fits_int(iv, 64, 0) && cv_uint64_val(iv) <= 0x10ffff) r = cv_uint64_val(iv);
            if (r >= 0xd800 && r < 0xe000) r = 0xfffd;
            char b[4];
            int n;
            if (r < 0x80) { b[0] = (char)r; n = 1; }
            else if (r < 0x800) { b[0] = (char)(0xc0 | (r >> 6)); b[1] = (char)(0x80 | (r & 0x3f)); n = 2; }
            else if (r < 0x10000) {
                b[0] = (char)(0xe0 | (r >> 12)); b[1] = (char)(0x80 | ((r >> 6) & 0x3f)); b[2] = (char)(0x80 | (r & 0x3f)); n = 3;
            } else {
                b[0] = (char)(0xf0 | (r >> 18)); b[1] = (char)(0x80 | ((r >> 12) & 0x3f));
                b[2] = (char)(0x80 | ((r >> 6) & 0x3f)); b[3] = (char)(0x80 | (r & 0x3f)); n = 4;
            }
            x->cv = cv_string(&k->c->arena, b, n);
            ok = 1;
        }
    } else if (ty_convertible(k->c, x->type, t)) {
        ok = 1;
        x->mode = M_VALUE;
    }
    if (!ok) {
        chk_err(k, chk_pos(x->expr), DM_CANNOT_CONVERT, chk_opstr(k, x), chk_typestr(k, t));
        x->mode = M_INVALID;
        return;
    }
    if (ty_is_untyped(x->type)) {
        Type *final = t;
        if (ty_is_interface(t) || (const_arg && !is_const_type(t)) || x->type->kind == TY_UNTYPED_NIL)
            final = ty_default(k->c, x->type);
        else if (x->mode == M_CONST && ty_is_integer(x->type) && ty_is_string(t))
            final = ty_default(k->c, x->type);
        if (x->type->kind == TY_UNTYPED_NIL) final = t;
        chk_update_type(k, x->expr, final, NULL);
    }
    x->type = t;
    x->expr = call;
}

/* ---- builtins ---- */

static const char *const bi_names[] = {"", "append", "cap", "close", "complex", "copy", "delete", "imag", "len",
                                       "make", "new", "panic", "print", "println", "real", "recover"};

static int has_call_or_recv(Node *e) {
    if (!e) return 0;
    switch (e->kind) {
    case AST_CALL:
        return !(NF_CALL(e) == CALL_CONV || (NF_CALL(e) == CALL_BUILTIN && (e->flags & NF_CONST)));
    case AST_UNARY: return e->u.unary.op == TK_ARROW || has_call_or_recv(e->u.unary.x);
    case AST_PAREN: case AST_STAR: return has_call_or_recv(e->u.unary.x);
    case AST_SELECTOR: return has_call_or_recv(e->u.selector.x);
    case AST_INDEX: return has_call_or_recv(e->u.index.x) || (e->u.index.indices.n && has_call_or_recv(e->u.index.indices.items[0]));
    case AST_BINARY: return has_call_or_recv(e->u.binary.x) || has_call_or_recv(e->u.binary.y);
    default: return 0;
    }
}

static int size_arg(Checker *k, Node *a, const char *what) {
    Operand x;
    chk_expr(k, &x, a);
    if (x.mode == M_INVALID) return 0;
    if (ty_is_untyped(x.type)) chk_convert_untyped(k, &x, k->c->basic[TY_INT]);
    if (x.mode == M_INVALID) return 0;
    if (!ty_is_integer(x.type)) {
        chk_err(k, chk_pos(a), DM_MAKE_SIZE_NOT_INT, chk_opstr(k, &x), what);
        return 0;
    }
    if (x.mode == M_CONST && cv_sign(x.cv) < 0) {
        chk_err(k, chk_pos(a), DM_MAKE_SIZE_NEG, chk_opstr(k, &x), what);
        return 0;
    }
    chk_set_operand(k, &x);
    return 1;
}

void chk_builtin(Checker *k, Operand *x, Node *call, int id) {
    NodeList *args = &call->u.call.args;
    int nargs = args->n;
    const char *name = bi_names[id];
    int want = 0, variadic = 0;
    switch (id) {
    case BI_APPEND: want = 1; variadic = 1; break;
    case BI_CAP: case BI_LEN: case BI_CLOSE: case BI_NEW: case BI_PANIC: want = 1; break;
    case BI_COPY: case BI_DELETE: want = 2; break;
    case BI_MAKE: want = 1; variadic = 1; break;
    case BI_PRINT: case BI_PRINTLN: want = 0; variadic = 1; break;
    case BI_RECOVER: want = 0; break;
    case BI_COMPLEX: case BI_REAL: case BI_IMAG:
        chk_err(k, call->pos, DM_UNSUPPORTED, "complex numbers");
        x->mode = M_INVALID;
        return;
    default: break;
    }
    if (call->u.call.has_ellipsis && id != BI_APPEND) {
        chk_err(k, call->u.call.ellipsis, DM_DDD_BUILTIN, chk_exprstr(k, call), name);
        chk_use_exprs(k, args);
        x->mode = M_INVALID;
        return;
    }
    if (nargs < want || (!variadic && nargs > want)) {
        chk_err(k, chk_pos(call), DM_BUILTIN_ARG_COUNT, nargs < want ? "not enough" : "too many",
                chk_exprstr(k, call), want, nargs);
        if (id != BI_MAKE && id != BI_NEW) chk_use_exprs(k, args);
        x->mode = M_INVALID;
        return;
    }
    x->expr = call;
    switch (id) {
    case BI_LEN:
    case BI_CAP: {
        Operand a;
        Node *ae = args->items[0];
        chk_expr(k, &a, ae);
        if (a.mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        if (ty_is_untyped(a.type) && ty_is_string(a.type)) chk_convert_untyped(k, &a, k->c->basic[TY_STRING]);
        Type *u = ty_under(a.type);
        if (u && u->kind == TY_POINTER && ty_under(u->u.ptr.elem) && ty_under(u->u.ptr.elem)->kind == TY_ARRAY)
            u = ty_under(u->u.ptr.elem);
        int ok = 0;
        ConstVal *cv = NULL;
        if (u) switch (u->kind) {
            case TY_STRING:
                ok = id == BI_LEN;
                if (ok && a.mode == M_CONST) cv = cv_int64(&k->c->arena, a.cv->slen);
                break;
            case TY_ARRAY:
                ok = 1;
                if (!has_call_or_recv(ae)) cv = cv_int64(&k->c->arena, u->u.array.len);
                break;
            case TY_SLICE: case TY_CHAN: ok = 1; break;
            case TY_MAP: ok = id == BI_LEN; break;
            default: break;
            }
        if (!ok) {
            chk_err(k, chk_pos(ae), DM_INVALID_ARG_FOR, chk_opstr(k, &a), name);
            x->mode = M_INVALID;
            return;
        }
        chk_set_operand(k, &a);
        x->type = k->c->basic[TY_INT];
        if (cv) {
            x->mode = M_CONST;
            x->cv = cv;
        } else {
            x->mode = M_VALUE;
        }
        return;
    }
    case BI_APPEND: {
        Operand s;
        chk_expr(k, &s, args->items[0]);
        if (s.mode == M_INVALID) {
            chk_use_exprs(k, args);
            x->mode = M_INVALID;
            return;
        }
        Type *u = ty_under(s.type);
        if (!u || u->kind != TY_SLICE) {
            if (s.type->kind == TY_UNTYPED_NIL)
                chk_err(k, chk_pos(args->items[0]), DM_APPEND_UNTYPED_NIL);
            else
                chk_err(k, chk_pos(args->items[0]), DM_APPEND_NOT_SLICE, chk_opstr(k, &s));
            for (int i = 1; i < nargs; i++) {
                Operand t;
                chk_expr(k, &t, args->items[i]);
            }
            x->mode = M_INVALID;
            return;
        }
        /* append([]byte, string...) */
        if (call->u.call.has_ellipsis && nargs == 2) {
            Operand t;
            chk_expr(k, &t, args->items[1]);
            if (t.mode == M_INVALID) {
                x->mode = M_INVALID;
                return;
            }
            Type *eu = ty_under(u->u.ptr.elem);
            if (ty_is_string(t.type) && eu && eu->kind == TY_UINT8) {
                chk_convert_untyped(k, &t, k->c->basic[TY_STRING]);
                chk_set_operand(k, &t);
            } else {
                chk_assignment(k, &t, s.type, "argument to append");
                chk_set_operand(k, &t);
            }
        } else {
            if (call->u.call.has_ellipsis) {
                chk_err(k, call->u.call.ellipsis, DM_DDD_MULTI, chk_exprstr(k, call));
                x->mode = M_INVALID;
                return;
            }
            for (int i = 1; i < nargs; i++) {
                Operand t;
                chk_expr(k, &t, args->items[i]);
                chk_assignment(k, &t, u->u.ptr.elem, "argument to append");
                chk_set_operand(k, &t);
            }
        }
        x->mode = M_VALUE;
        x->type = s.type;
        return;
    }
    case BI_MAKE: {
        Node *te = args->items[0];
        Type *t = chk_typexpr(k, te);
        if (t->kind == TY_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        Type *u = ty_under(t);
        int min = 1;
        if (u->kind == TY_SLICE) min = 2;
        else if (u->kind != TY_MAP && u->kind != TY_CHAN) {
            chk_err(k, chk_pos(te), DM_CANNOT_MAKE, chk_exprstr(k, te));
            x->mode = M_INVALID;
            return;
        }
        int max = u->kind == TY_SLICE ? 3 : 2;
        if (nargs < min || nargs > max) {
            chk_err(k, call->pos, DM_MAKE_ARGS, chk_exprstr(k, call), min, max, nargs);
            x->mode = M_INVALID;
            return;
        }
        int64_t vals[2] = {-1, -1};
        for (int i = 1; i < nargs; i++) {
            if (!size_arg(k, args->items[i], "argument")) {
                x->mode = M_INVALID;
                return;
            }
            if (args->items[i]->flags & NF_CONST) vals[i - 1] = cv_int64_val(args->items[i]->cv);
        }
        if (nargs == 3 && vals[0] >= 0 && vals[1] >= 0 && vals[0] > vals[1]) {
            chk_err(k, chk_pos(args->items[1]), DM_MAKE_LEN_GT_CAP, chk_exprstr(k, args->items[1]),
                    chk_exprstr(k, args->items[2]));
            x->mode = M_INVALID;
            return;
        }
        x->mode = M_VALUE;
        x->type = t;
        return;
    }
    case BI_NEW: {
        Type *t = chk_typexpr(k, args->items[0]);
        if (t->kind == TY_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        x->mode = M_VALUE;
        x->type = ty_pointer(k->c, t);
        return;
    }
    case BI_CLOSE: {
        Operand c;
        chk_expr(k, &c, args->items[0]);
        if (c.mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        Type *u = ty_under(c.type);
        if (!u || u->kind != TY_CHAN) {
            chk_err(k, chk_pos(args->items[0]), DM_CLOSE_NON_CHAN, chk_opstr(k, &c));
            x->mode = M_INVALID;
            return;
        }
        if (u->u.chan.dir == CHAN_RECV) {
            chk_err(k, chk_pos(args->items[0]), DM_CLOSE_RECV_ONLY, chk_opstr(k, &c));
            x->mode = M_INVALID;
            return;
        }
        x->mode = M_NOVALUE;
        x->type = k->c->void_t;
        return;
    }
    case BI_DELETE: {
        Operand m, key;
        chk_expr(k, &m, args->items[0]);
        chk_expr(k, &key, args->items[1]);
        if (m.mode == M_INVALID || key.mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        Type *u = ty_under(m.type);
        if (!u || u->kind != TY_MAP) {
            chk_err(k, chk_pos(args->items[0]), DM_DELETE_NOT_MAP, chk_opstr(k, &m));
            x->mode = M_INVALID;
            return;
        }
        chk_assignment(k, &key, u->u.map.key, "argument to delete");
        chk_set_operand(k, &key);
        x->mode = M_NOVALUE;
        x->type = k->c->void_t;
        return;
    }
    case BI_COPY: {
        Operand d, s;
        chk_expr(k, &d, args->items[0]);
        chk_expr(k, &s, args->items[1]);
        if (d.mode == M_INVALID || s.mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        Type *du = ty_under(d.type);
        if (ty_is_untyped(s.type)) chk_convert_untyped(k, &s, k->c->basic[TY_STRING]);
        Type *su = ty_under(s.type);
        int ok = du && du->kind == TY_SLICE && su &&
                 ((su->kind == TY_SLICE && ty_identical(du->u.ptr.elem, su->u.ptr.elem)) ||
                  (su->kind == TY_STRING && ty_under(du->u.ptr.elem)->kind == TY_UINT8));
        if (!ok) {
            chk_err(k, chk_pos(call), DM_COPY_ARGS, chk_opstr(k, &d), chk_opstr(k, &s));
            x->mode = M_INVALID;
            return;
        }
        chk_set_operand(k, &s);
        x->mode = M_VALUE;
        x->type = k->c->basic[TY_INT];
        return;
    }
    case BI_PANIC: {
        Operand a;
        chk_expr(k, &a, args->items[0]);
        chk_assignment(k, &a, k->c->any_t, "argument to panic");
        chk_set_operand(k, &a);
        x->mode = M_NOVALUE;
        x->type = k->c->void_t;
        return;
    }
    case BI_PRINT:
    case BI_PRINTLN:
        for (int i = 0; i < nargs; i++) {
            Operand a;
            chk_expr(k, &a, args->items[i]);
            chk_assignment(k, &a, NULL, chk_strf(k, "argument to %s", name));
            chk_set_operand(k, &a);
        }
        x->mode = M_NOVALUE;
        x->type = k->c->void_t;
        return;
    case BI_RECOVER:
        x->mode = M_VALUE;
        x->type = k->c->any_t;
        return;
    default: x->mode = M_INVALID; return;
    }
}

/* ---- calls ---- */

void chk_call(Checker *k, Operand *x, Node *call) {
    Node *fun = call->u.call.fun;
    chk_raw_expr(k, x, fun, NULL, 0);
    if (x->mode == M_NOVALUE) {
        chk_err(k, chk_pos(fun), DM_NO_VALUE_USED, chk_exprstr(k, fun));
        x->mode = M_INVALID;
    } else if (x->mode != M_INVALID && x->type && x->type->kind == TY_TUPLE) {
        chk_err(k, chk_pos(fun), DM_MULTI_VALUE, chk_exprstr(k, fun), chk_typestr(k, x->type));
        x->mode = M_INVALID;
    }
    NodeList *args = &call->u.call.args;
    if (x->mode == M_INVALID) {
        chk_use_exprs(k, args);
        x->expr = call;
        return;
    }
    if (x->mode == M_TYPEXPR) {
        Type *t = x->type;
        call->flags = (call->flags & ~NF_SUBKIND_MASK) | CALL_CONV;
        x->expr = call;
        if (args->n != 1 || call->u.call.has_ellipsis) {
            if (args->n == 0)
                chk_err(k, call->u.call.rparen, DM_CONV_MISSING_ARG, chk_typestr(k, t));
            else if (call->u.call.has_ellipsis && args->n == 1)
                chk_err(k, call->u.call.ellipsis, DM_CONV_DDD, chk_typestr(k, t));
            else
                chk_err(k, chk_pos(args->items[1]), DM_CONV_TOO_MANY, chk_typestr(k, t));
            chk_use_exprs(k, args);
            x->mode = M_INVALID;
            return;
        }
        Operand a;
        chk_expr(k, &a, args->items[0]);
        if (a.mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        chk_conversion(k, &a, t, call);
        *x = a;
        x->expr = call;
        return;
    }
    if (x->mode == M_BUILTIN) {
        call->flags = (call->flags & ~NF_SUBKIND_MASK) | CALL_BUILTIN;
        chk_builtin(k, x, call, x->builtin);
        x->expr = call;
        return;
    }
    Type *sig = ty_under(x->type);
    if (!sig || sig->kind != TY_FUNC) {
        chk_err(k, chk_pos(fun), DM_NOT_FUNC, chk_opstr(k, x));
        chk_use_exprs(k, args);
        x->mode = M_INVALID;
        x->expr = call;
        return;
    }
    /* call kind */
    Node *f = fun;
    while (f->kind == AST_PAREN) f = f->u.unary.x;
    int ck = CALL_VALUE;
    if (f->kind == AST_IDENT && f->obj && f->obj->kind == OBJ_FUNC) ck = CALL_FUNC;
    else if (f->kind == AST_SELECTOR) {
        switch (NF_SEL(f)) {
        case SEL_PKG: ck = f->obj && f->obj->kind == OBJ_FUNC ? CALL_FUNC : CALL_VALUE; break;
        case SEL_METHOD: ck = CALL_METHOD; break;
        case SEL_IFACE_METHOD: ck = CALL_IFACE; break;
        default: break;
        }
    }
    call->flags = (call->flags & ~NF_SUBKIND_MASK) | (uint32_t)ck;
    Operand *av;
    int spread;
    int nargs = chk_collect_args(k, args, &av, &spread);
    if (spread) call->flags |= NF_SPREAD;
    chk_arguments(k, call, sig, av, nargs, fun);
    x->expr = call;
    int nr = sig->u.func.nresults;
    if (nr == 0) {
        x->mode = M_NOVALUE;
        x->type = k->c->void_t;
    } else if (nr == 1) {
        x->mode = M_VALUE;
        x->type = sig->u.func.results[0]->type;
    } else {
        x->mode = M_VALUE;
        x->type = ty_sig_tuple(k->c, sig, 1);
    }
}
