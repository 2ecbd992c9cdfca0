/* check_expr: typing expressions: operands, untyped constants and their
 * conversion, unary/binary operators, comparisons, composite literals,
 * selectors (with implicit embedded-field, & and * rewrites), index, slice, type
 * assertions and function literals.
 */
#include <stdio.h>
#include <string.h>

#include "check_int.h"
#include "mem.h"

/* ---- operands to nodes ---- */

void chk_set_operand(Checker *k, Operand *x) {
    Node *e = x->expr;
    if (!e) return;
    e->type = x->mode == M_INVALID ? k->c->invalid_t : x->type;
    e->flags &= ~(NF_CONST | NF_TYPEEXPR | NF_ADDRESSABLE);
    if (x->mode == M_CONST) {
        e->flags |= NF_CONST;
        e->cv = x->cv;
    }
    if (x->mode == M_TYPEXPR) e->flags |= NF_TYPEEXPR;
    if (x->mode == M_VAR) e->flags |= NF_ADDRESSABLE;
    if (x->mode == M_NOVALUE) e->flags |= NF_VOID;
}

static ConstVal *cv_for_type(Checker *k, ConstVal *cv, Type *t) {
    if (!cv) return cv;
    Type *u = ty_under(t);
    if (!u) return cv;
    if (ty_is_integer(u)) {
        ConstVal *r = cv_to_int(&k->c->arena, cv);
        return r ? r : cv;
    }
    if (ty_is_float(u)) {
        ConstVal *r = cv_to_float(&k->c->arena, cv);
        if (r && (u->kind == TY_FLOAT32 || u->kind == TY_FLOAT64)) {
            ConstVal *rr = cv_round_float(&k->c->arena, r, u->kind == TY_FLOAT32 ? 32 : 64);
            if (rr) r = rr;
        }
        return r ? r : cv;
    }
    return cv;
}

void chk_update_type(Checker *k, Node *e, Type *t, ConstVal *cv) {
    if (!e) return;
    Type *old = e->type;
    if (!old || !ty_is_untyped(old)) {
        if (!(e->flags & NF_CONST) || !cv) return;
    }
    e->type = t;
    if (e->flags & NF_CONST) e->cv = cv ? cv : cv_for_type(k, e->cv, t);
    if (ty_is_untyped(t)) return;
    switch (e->kind) {
    case AST_PAREN: chk_update_type(k, e->u.unary.x, t, NULL); break;
    case AST_UNARY:
        if (e->u.unary.op != TK_ARROW && e->u.unary.op != TK_AND) chk_update_type(k, e->u.unary.x, t, NULL);
        break;
    case AST_BINARY:
        switch (e->u.binary.op) {
        case TK_EQL: case TK_NEQ: case TK_LSS: case TK_LEQ: case TK_GTR: case TK_GEQ: break;
        case TK_SHL: case TK_SHR: chk_update_type(k, e->u.binary.x, t, NULL); break;
        default:
            chk_update_type(k, e->u.binary.x, t, NULL);
            chk_update_type(k, e->u.binary.y, t, NULL);
        }
        break;
    default: break;
    }
}

/* ---- representability ---- */

enum { WHY_NONE, WHY_TRUNCATED, WHY_OVERFLOW, WHY_CANNOT };

int chk_representable(Checker *k, Operand *x, Type *t, ConstVal **out, int *why) {
    Type *u = ty_under(t);
    ConstVal *v = x->cv;
    *why = WHY_NONE;
    *out = v;
    if (!u || !v) return 1;
    if (ty_is_integer(u)) {
        if (v->kind != CV_INT && v->kind != CV_FLOAT) {
            *why = WHY_CANNOT;
            return 0;
        }
        ConstVal *iv = cv_to_int(&k->c->arena, v);
        if (!iv) {
            *why = ty_is_numeric(x->type) ? WHY_TRUNCATED : WHY_CANNOT;
            return 0;
        }
        if (u->kind == TY_UNTYPED_INT || u->kind == TY_UNTYPED_RUNE) {
            *out = iv;
            return 1;
        }
        if (!cv_fits_int(iv, ty_size_bits(u), !ty_is_unsigned(u))) {
            *why = WHY_OVERFLOW;
            return 0;
        }
        *out = iv;
        return 1;
    }
    if (ty_is_float(u)) {
        if (v->kind != CV_INT && v->kind != CV_FLOAT) {
            *why = WHY_CANNOT;
            return 0;
        }
        if (u->kind == TY_UNTYPED_FLOAT) {
            *out = cv_to_float(&k->c->arena, v);
            return 1;
        }
        ConstVal *r = cv_round_float(&k->c->arena, v, u->kind == TY_FLOAT32 ? 32 : 64);
        if (!r) {
            *why = WHY_OVERFLOW;
            return 0;
        }
        *out = r;
        return 1;
    }
    if (ty_is_string(u)) {
        if (v->kind != CV_STRING) {
            *why = WHY_CANNOT;
            return 0;
        }
        return 1;
    }
    if (ty_is_boolean(u)) {
        if (v->kind != CV_BOOL) {
            *why = WHY_CANNOT;
            return 0;
        }
        return 1;
    }
    *why = WHY_CANNOT;
    return 0;
}

/* implicitTypeAndValue: the type (and value) untyped x takes in a context of
 * type target; 0 ok, else WHY_* */
static int implicit_type(Checker *k, Operand *x, Type *target, Type **nt, ConstVal **nv) {
    *nt = target;
    *nv = x->cv;
    if (!ty_is_untyped(x->type) || !target || target->kind == TY_INVALID) {
        *nt = x->type;
        return 0;
    }
    if (ty_is_untyped(target)) {
        /* both untyped */
        if (ty_is_numeric(x->type) && ty_is_numeric(target)) {
            if (target->kind > x->type->kind) {
                *nt = target;
                if (x->mode == M_CONST) *nv = cv_for_type(k, x->cv, target);
            } else {
                *nt = x->type;
            }
            return 0;
        }
        if (x->type->kind != target->kind) return WHY_CANNOT;
        *nt = x->type;
        return 0;
    }
    Type *u = ty_under(target);
    if (!u) return 0;
    if (u->kind < TY_NAMED) {
        if (x->mode == M_CONST) {
            int why;
            if (!chk_representable(k, x, target, nv, &why)) return why;
            return 0;
        }
        /* non-constant untyped: bool from comparisons, int from shifts */
        switch (x->type->kind) {
        case TY_UNTYPED_BOOL: return ty_is_boolean(u) ? 0 : WHY_CANNOT;
        case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: case TY_UNTYPED_FLOAT: return ty_is_numeric(u) ? 0 : WHY_CANNOT;
        case TY_UNTYPED_STRING: return ty_is_string(u) ? 0 : WHY_CANNOT;
        case TY_UNTYPED_NIL: return u->kind == TY_UNSAFE_POINTER ? 0 : WHY_CANNOT;
        default: return WHY_CANNOT;
        }
    }
    if (u->kind == TY_INTERFACE) {
        if (x->type->kind == TY_UNTYPED_NIL) return 0;
        ty_iface_complete(k->c, u);
        if (u->u.iface.nmethods) return WHY_CANNOT;
        *nt = ty_default(k->c, x->type);
        return 0;
    }
    if (u->kind == TY_POINTER || u->kind == TY_FUNC || u->kind == TY_SLICE || u->kind == TY_MAP ||
        u->kind == TY_CHAN) {
        return x->type->kind == TY_UNTYPED_NIL ? 0 : WHY_CANNOT;
    }
    return WHY_CANNOT;
}

void chk_convert_untyped(Checker *k, Operand *x, Type *target) {
    if (x->mode == M_INVALID || !ty_is_untyped(x->type)) return;
    Type *nt;
    ConstVal *nv;
    int why = implicit_type(k, x, target, &nt, &nv);
    if (why) {
        if (ty_is_untyped(target)) {
            /* reported by the caller as mismatched types */
            return;
        }
        Pos p = chk_pos(x->expr);
        Type *ut = ty_under(target) ? ty_under(target) : target; /* Go names the underlying type */
        if (why == WHY_TRUNCATED) chk_err(k, p, DM_TRUNCATED, chk_opstr(k, x), chk_typestr(k, ut));
        else if (why == WHY_OVERFLOW) chk_err(k, p, DM_OVERFLOWS, chk_opstr(k, x), chk_typestr(k, ut));
        else chk_err(k, p, DM_CANNOT_CONVERT_IMPLICIT, chk_opstr(k, x), chk_typestr(k, ut));
        x->mode = M_INVALID;
        return;
    }
    if (x->mode == M_CONST && nv) x->cv = nv;
    if (nt != x->type) {
        x->type = nt;
        chk_update_type(k, x->expr, nt, x->mode == M_CONST ? x->cv : NULL);
    }
    if (x->type->kind == TY_UNTYPED_NIL && target && !ty_is_untyped(target)) {
        x->type = target;
        if (x->expr) x->expr->type = target;
    }
}

void chk_default(Checker *k, Operand *x) {
    if (x->mode == M_INVALID || !ty_is_untyped(x->type) || x->type->kind == TY_UNTYPED_NIL) return;
    chk_convert_untyped(k, x, ty_default(k->c, x->type));
}

static const char *missing_reason(Checker *k, Type *v, Type *t) {
    int wrong, ptr;
    Obj *m = ty_missing_method(k->c, v, t, &wrong, &ptr);
    if (!m) return NULL;
    const char *vs = chk_typestr(k, v), *ts = chk_typestr(k, t);
    if (ptr) return chk_strf(k, "%s does not implement %s (%s method has pointer receiver)", vs, ts, m->name);
    if (wrong) {
        TySel s = ty_lookup_field_or_method(k->c, v, m->name);
        Type *have = s.obj ? s.obj->type : NULL;
        const char *hs = have ? chk_typestr(k, have) : "?";
        const char *ws = chk_typestr(k, m->type);
        return chk_strf(k, "%s does not implement %s (wrong type for %s method)\n\t\thave %s%s\n\t\twant %s%s", vs, ts,
                        m->name, m->name, hs + 4, m->name, ws + 4);
    }
    Type *vu = ty_under(v);
    if (v->kind == TY_POINTER && ty_is_interface(v->u.ptr.elem))
        return chk_strf(k, "%s does not implement %s (type %s is pointer to interface, not interface)", vs, ts, vs);
    (void)vu;
    TySel s = ty_lookup_field_or_method(k->c, v, m->name);
    if (s.obj && s.obj->kind == OBJ_VAR)
        return chk_strf(k, "%s does not implement %s (%s.%s is a field, not a method)", vs, ts, vs, m->name);
    return chk_strf(k, "%s does not implement %s (missing %s method)", vs, ts, m->name);
}

const char CHK_CTX_ARG[] = "argument to ?";

static const char *ctx_text(Checker *k, const char *context) {
    if (context == CHK_CTX_ARG) return chk_strf(k, "argument to %s", k->arg_fun ? chk_exprstr(k, k->arg_fun) : "?");
    return context;
}

void chk_assignment(Checker *k, Operand *x, Type *t, const char *context) {
    if (context == CHK_CTX_ARG && k->arg_fun) {
        /* built lazily below, only when reporting */
    }
    switch (x->mode) {
    case M_INVALID: return;
    case M_CONST: case M_VAR: case M_MAPINDEX: case M_VALUE: case M_COMMAOK: break;
    default:
        chk_err(k, chk_pos(x->expr), DM_CANNOT_ASSIGN_TO_IN, chk_opstr(k, x), chk_typestr(k, t), ctx_text(k, context));
        x->mode = M_INVALID;
        return;
    }
    if (ty_is_untyped(x->type)) {
        Type *target = t;
        if (!t || ty_is_interface(t)) {
            if (!t && x->type->kind == TY_UNTYPED_NIL) {
                chk_err(k, chk_pos(x->expr), DM_UNTYPED_NIL_USE, ctx_text(k, context));
                x->mode = M_INVALID;
                return;
            }
            if (x->type->kind != TY_UNTYPED_NIL) target = ty_default(k->c, x->type);
        }
        Type *nt;
        ConstVal *nv;
        int why = implicit_type(k, x, target, &nt, &nv);
        if (why) {
            const char *ts = chk_typestr(k, target);
            DiagMsg m = why == WHY_TRUNCATED ? DM_CANNOT_USE_TRUNC : why == WHY_OVERFLOW ? DM_CANNOT_USE_OVERFLOW
                                                                                         : DM_CANNOT_USE;
            chk_err(k, chk_pos(x->expr), m, chk_opstr(k, x), ts, ctx_text(k, context));
            x->mode = M_INVALID;
            return;
        }
        if (x->mode == M_CONST && nv) x->cv = nv;
        if (nt != x->type) {
            x->type = nt;
            chk_update_type(k, x->expr, nt, x->mode == M_CONST ? x->cv : NULL);
        }
        if (x->type->kind == TY_UNTYPED_NIL && t) {
            x->type = t;
            if (x->expr) x->expr->type = t;
        }
    }
    if (!t) return;
    if (!ty_assignable(k->c, x->type, t)) {
        const char *reason = NULL;
        if (ty_is_interface(t) && !ty_is_untyped(x->type)) reason = missing_reason(k, x->type, t);
        else if (ty_is_interface(x->type) && !ty_is_interface(t)) {
            int w, p;
            if (!ty_missing_method(k->c, t, x->type, &w, &p)) reason = "need type assertion";
        }
        if (reason)
            chk_err(k, chk_pos(x->expr), DM_CANNOT_USE_AS_TYPE_REASON, chk_opstr(k, x), chk_typestr(k, t), ctx_text(k, context),
                    reason);
        else
            chk_err(k, chk_pos(x->expr), DM_CANNOT_USE_AS_TYPE, chk_opstr(k, x), chk_typestr(k, t), ctx_text(k, context));
        x->mode = M_INVALID;
    }
}

/* ---- identifiers ---- */

static void ident(Checker *k, Operand *x, Node *e, int for_assign) {
    const char *name = e->u.ident.name;
    x->expr = e;
    if (!strcmp(name, "_")) {
        chk_err(k, e->pos, DM_BLANK_VALUE);
        x->mode = M_INVALID;
        return;
    }
    Obj *o = ty_lookup(k->scope, name, NULL);
    if (!o) {
        if (!strcmp(name, "complex64") || !strcmp(name, "complex128"))
            chk_err(k, e->pos, DM_UNSUPPORTED, "complex numbers");
        else
            chk_err(k, e->pos, DM_UNDEFINED, name);
        x->mode = M_INVALID;
        return;
    }
    e->obj = o;
    if (!for_assign) o->flags |= OBJF_USED;
    if (o->spec && o->state != 2) chk_resolve_obj(k, o);
    chk_record_use(k, o);
    x->type = o->type ? o->type : k->c->invalid_t;
    switch (o->kind) {
    case OBJ_PKG:
        chk_err(k, e->pos, DM_USE_OF_PKG, name);
        x->mode = M_INVALID;
        return;
    case OBJ_CONST:
        if (!o->cv) {
            x->mode = M_INVALID;
            return;
        }
        x->mode = M_CONST;
        x->cv = o->cv;
        if (o->pkg == NULL && !strcmp(name, "iota")) {
            if (!k->iota) {
                chk_err(k, e->pos, DM_IOTA_OUTSIDE);
                x->mode = M_INVALID;
                return;
            }
            x->cv = k->iota;
        }
        break;
    case OBJ_TYPE: x->mode = M_TYPEXPR; break;
    case OBJ_VAR: x->mode = M_VAR; break;
    case OBJ_FUNC: x->mode = M_VALUE; break;
    case OBJ_BUILTIN: x->mode = M_BUILTIN; x->builtin = o->builtin; break;
    case OBJ_NIL: x->mode = M_VALUE; break;
    default: x->mode = M_INVALID; break;
    }
    if (x->type->kind == TY_INVALID && x->mode != M_BUILTIN) x->mode = M_INVALID;
}

/* ---- unary ---- */

static int op_ok(Checker *k, Operand *x, TokKind op, int unary) {
    Type *t = x->type;
    int ok;
    switch (op) {
    case TK_ADD:
        ok = unary ? ty_is_numeric(t) : (ty_is_numeric(t) || ty_is_string(t));
        break;
    case TK_SUB: case TK_MUL: case TK_QUO: ok = ty_is_numeric(t); break;
    case TK_REM: case TK_AND: case TK_OR: case TK_AND_NOT: case TK_XOR: ok = ty_is_integer(t); break;
    case TK_NOT: case TK_LAND: case TK_LOR: ok = ty_is_boolean(t); break;
    default: ok = 0;
    }
    if (!ok) {
        chk_err(k, chk_pos(x->expr), DM_OP_NOT_DEFINED, lex_token_text(op), chk_opstr(k, x));
        x->mode = M_INVALID;
    }
    return ok;
}

/* typed constant results must fit their type */
static void const_overflow(Checker *k, Operand *x, Node *e) {
    if (x->mode != M_CONST || !x->cv) return;
    if (!x->cv) {
        x->mode = M_INVALID;
        return;
    }
    if (ty_is_untyped(x->type)) return;
    ConstVal *nv;
    int why;
    if (!chk_representable(k, x, x->type, &nv, &why)) {
        Operand y = *x;
        y.expr = e;
        chk_err(k, chk_pos(e), DM_OVERFLOWS, chk_opstr(k, &y), chk_typestr(k, x->type));
        x->mode = M_INVALID;
        return;
    }
    x->cv = nv;
}

void chk_mark_addressed(Checker *k, Node *e) {
    for (;;) {
        switch (e->kind) {
        case AST_PAREN: e = e->u.unary.x; continue;
        case AST_SELECTOR:
            if (NF_SEL(e) == SEL_FIELD && !ty_is_interface(e->u.selector.x->type) &&
                ty_under(e->u.selector.x->type) && ty_under(e->u.selector.x->type)->kind != TY_POINTER) {
                e = e->u.selector.x;
                continue;
            }
            return;
        case AST_INDEX:
            if (ty_under(e->u.index.x->type) && ty_under(e->u.index.x->type)->kind == TY_ARRAY) {
                e = e->u.index.x;
                continue;
            }
            return;
        case AST_IDENT:
            if (e->obj && e->obj->kind == OBJ_VAR) e->obj->flags |= OBJF_ADDRESSED;
            return;
        default: return;
        }
    }
}

static void unary(Checker *k, Operand *x, Node *e) {
    TokKind op = e->u.unary.op;
    Node *xe = e->u.unary.x;
    if (op == TK_AND) {
        Node *inner = xe;
        while (inner->kind == AST_PAREN) inner = inner->u.unary.x;
        if (inner->kind == AST_COMPOSITE_LIT) {
            chk_expr(k, x, xe);
            if (x->mode == M_INVALID) return;
            x->mode = M_VALUE;
            x->type = ty_pointer(k->c, x->type);
            return;
        }
        chk_expr(k, x, xe);
        if (x->mode == M_INVALID) return;
        if (x->mode != M_VAR) {
            chk_err(k, chk_pos(xe), DM_CANNOT_TAKE_ADDR, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
        chk_mark_addressed(k, xe);
        x->mode = M_VALUE;
        x->type = ty_pointer(k->c, x->type);
        return;
    }
    if (op == TK_ARROW) {
        chk_expr(k, x, xe);
        if (x->mode == M_INVALID) return;
        Type *u = ty_under(x->type);
        if (!u || u->kind != TY_CHAN) {
            chk_err(k, chk_pos(xe), DM_RECV_NON_CHAN, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
        if (u->u.chan.dir == CHAN_SEND) {
            chk_err(k, chk_pos(xe), DM_RECV_SEND_ONLY, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
        x->mode = M_COMMAOK;
        x->type = u->u.chan.elem;
        return;
    }
    chk_expr(k, x, xe);
    if (x->mode == M_INVALID) return;
    x->expr = e;
    Operand tmp = *x;
    tmp.expr = xe;
    if (!op_ok(k, &tmp, op, 1)) {
        x->mode = M_INVALID;
        return;
    }
    if (x->mode == M_CONST) {
        int ubits = 0;
        if (op == TK_XOR && ty_is_unsigned(x->type)) ubits = ty_size_bits(x->type);
        ConstVal *v = cv_unop(&k->c->arena, op, x->cv, ubits);
        if (!v) {
            x->mode = M_INVALID;
            return;
        }
        x->cv = v;
        const_overflow(k, x, e);
        return;
    }
    x->mode = M_VALUE;
}

/* ---- binary ---- */

static int is_comparison(TokKind op) {
    return op == TK_EQL || op == TK_NEQ || op == TK_LSS || op == TK_LEQ || op == TK_GTR || op == TK_GEQ;
}

static int may_convert(Checker *k, Operand *x, Operand *y) {
    if (!ty_is_untyped(x->type) && !ty_is_untyped(y->type)) return 0;
    if (ty_is_interface(x->type) || ty_is_interface(y->type)) return 1;
    if (ty_is_boolean(x->type) != ty_is_boolean(y->type)) return 0;
    if (ty_is_string(x->type) != ty_is_string(y->type)) return 0;
    if (x->type->kind == TY_UNTYPED_NIL) return ty_has_nil(y->type);
    if (y->type->kind == TY_UNTYPED_NIL) return ty_has_nil(x->type);
    return 1; /* Go 1.19 has no "untyped operand cannot convert to a pointer" rule yet */
}

static void match_types(Checker *k, Operand *x, Operand *y) {
    if (may_convert(k, x, y)) {
        chk_convert_untyped(k, x, y->type);
        if (x->mode == M_INVALID) return;
        chk_convert_untyped(k, y, x->type);
        if (y->mode == M_INVALID) x->mode = M_INVALID;
    }
}

static int is_nil(Checker *k, Operand *x) {
    if (x->type && x->type->kind == TY_UNTYPED_NIL) return 1;
    Node *n = x->expr;
    while (n && n->kind == AST_PAREN) n = n->u.unary.x;
    return n && n->kind == AST_IDENT && n->obj == k->c->nil_obj;
}

void chk_comparison(Checker *k, Operand *x, Operand *y, TokKind op, Node *e) {
    const char *cause = NULL;
    Operand *errop = x;
    if (is_nil(k, x) && is_nil(k, y) && (op == TK_EQL || op == TK_NEQ)) {
        chk_err(k, chk_pos(y->expr), DM_OP_NOT_DEFINED_ON, chk_exprstr(k, e), lex_token_text(op), "untyped nil");
        x->mode = M_INVALID;
        return;
    }
    int ok_assign = ty_assignable(k->c, x->type, y->type) || ty_assignable(k->c, y->type, x->type);
    if (ok_assign) {
        if (op == TK_EQL || op == TK_NEQ) {
            int xnil = is_nil(k, x), ynil = is_nil(k, y);
            if (xnil || ynil) {
                Type *other = xnil ? y->type : x->type;
                if (!ty_has_nil(other)) {
                    errop = xnil ? y : x;
                    cause = "mismatched";
                }
            } else if (!ty_comparable(x->type)) {
                errop = x;
                cause = chk_strf(k, "%s cannot be compared", chk_typestr(k, x->type));
                Type *u = ty_under(x->type);
                if (u && (u->kind == TY_SLICE || u->kind == TY_MAP || u->kind == TY_FUNC))
                    cause = chk_strf(k, "%s can only be compared to nil",
                                     u->kind == TY_SLICE ? "slice" : u->kind == TY_MAP ? "map" : "func");
            } else if (!ty_comparable(y->type)) {
                errop = y;
                Type *u = ty_under(y->type);
                cause = chk_strf(k, "%s can only be compared to nil",
                                 u && u->kind == TY_SLICE ? "slice" : u && u->kind == TY_MAP ? "map" : "func");
            }
        } else if (!ty_ordered(x->type)) {
            errop = x;
            cause = "notordered";
        } else if (!ty_ordered(y->type)) {
            errop = y;
            cause = "notordered";
        }
    } else {
        cause = "mismatched";
    }
    if (cause) {
        Pos p = chk_pos(errop->expr ? errop->expr : e);
        if (!strcmp(cause, "mismatched") && errop == x) p = chk_pos(y->expr ? y->expr : e); /* Go: the 2nd operand */
        if (!strcmp(cause, "mismatched"))
            chk_err(k, p, DM_MISMATCHED, chk_exprstr(k, e), chk_typestr(k, x->type), chk_typestr(k, y->type));
        else if (!strcmp(cause, "notordered"))
            chk_err(k, p, DM_OP_NOT_DEFINED, lex_token_text(op), chk_opstr(k, errop));
        else
            chk_err(k, p, DM_CANNOT_COMPARE, chk_exprstr(k, e), cause);
        x->mode = M_INVALID;
        return;
    }
    if (x->mode == M_CONST && y->mode == M_CONST) {
        x->cv = cv_bool(&k->c->arena, cv_compare(op, x->cv, y->cv));
        x->mode = M_CONST;
    } else {
        x->mode = M_VALUE;
        /* operands get their default types now (go/types updates them) */
        chk_default(k, x);
        chk_default(k, y);
    }
    x->type = k->c->basic[TY_UNTYPED_BOOL];
}

static void shift(Checker *k, Operand *x, Operand *y, Node *e, TokKind op) {
    /* the left operand must be an integer (or an untyped constant representable as one) */
    ConstVal *xv = NULL;
    if (x->mode == M_CONST) xv = cv_to_int(&k->c->arena, x->cv);
    if (ty_is_untyped(x->type) && x->mode == M_CONST) {
        if (!xv) {
            chk_err(k, chk_pos(x->expr), DM_SHIFT_NOT_INT, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
    } else if (!ty_is_integer(x->type)) {
        chk_err(k, chk_pos(x->expr), DM_SHIFT_NOT_INT, chk_opstr(k, x));
        x->mode = M_INVALID;
        return;
    }
    /* the count */
    if (y->mode == M_CONST && ty_is_untyped(y->type) && ty_is_numeric(y->type) && !cv_to_int(&k->c->arena, y->cv)) {
        chk_convert_untyped(k, y, k->c->basic[TY_UINT]); /* reports "truncated to uint" */
        x->mode = M_INVALID;
        return;
    }
    if (y->mode == M_CONST) {
        ConstVal *yv = cv_to_int(&k->c->arena, y->cv);
        if (yv && cv_sign(yv) < 0) {
            chk_err(k, chk_pos(y->expr), DM_SHIFT_NEGATIVE, chk_opstr(k, y));
            x->mode = M_INVALID;
            return;
        }
        if (!yv || !(ty_is_untyped(y->type) || ty_is_integer(y->type))) {
            chk_err(k, chk_pos(y->expr), DM_SHIFT_COUNT, chk_opstr(k, y));
            x->mode = M_INVALID;
            return;
        }
        if (ty_is_untyped(y->type)) {
            y->cv = yv;
            y->type = k->c->basic[TY_UINT];
            chk_update_type(k, y->expr, y->type, yv);
        }
    } else {
        if (ty_is_untyped(y->type)) chk_convert_untyped(k, y, k->c->basic[TY_UINT]);
        if (y->mode == M_INVALID) {
            x->mode = M_INVALID;
            return;
        }
        if (!ty_is_integer(y->type)) {
            chk_err(k, chk_pos(y->expr), DM_SHIFT_COUNT, chk_opstr(k, y));
            x->mode = M_INVALID;
            return;
        }
    }
    if (x->mode == M_CONST) {
        if (y->mode == M_CONST) {
            uint64_t s = cv_uint64_val(cv_to_int(&k->c->arena, y->cv));
            if (s > 10000) {
                chk_err(k, chk_pos(y->expr), DM_SHIFT_TOO_LARGE, chk_opstr(k, y));
                x->mode = M_INVALID;
                return;
            }
            if (x->type->kind == TY_UNTYPED_FLOAT || x->type->kind == TY_UNTYPED_RUNE) {
                if (x->type->kind == TY_UNTYPED_FLOAT) x->type = k->c->basic[TY_UNTYPED_INT];
            }
            ConstVal *r = cv_shift(&k->c->arena, op, xv, (unsigned)s);
            if (!r) {
                chk_err(k, chk_pos(e), DM_CONST_SHIFT_OVERFLOW, chk_exprstr(k, e));
                x->mode = M_INVALID;
                return;
            }
            x->cv = r;
            x->expr = e;
            const_overflow(k, x, e);
            return;
        }
        /* non-constant shift of an untyped constant: the constant takes the
         * type the context gives the whole shift expression (delayed) */
        if (ty_is_untyped(x->type)) {
            x->mode = M_VALUE;
            if (xv) x->cv = xv;
            if (x->type->kind == TY_UNTYPED_FLOAT) x->type = k->c->basic[TY_UNTYPED_INT];
            return;
        }
    }
    x->mode = M_VALUE;
}

static void binary(Checker *k, Operand *x, Node *e) {
    TokKind op = e->u.binary.op;
    Operand y;
    chk_expr(k, x, e->u.binary.x);
    chk_expr(k, &y, e->u.binary.y);
    if (x->mode == M_INVALID) return;
    if (y.mode == M_INVALID) {
        x->mode = M_INVALID;
        return;
    }
    if (op == TK_SHL || op == TK_SHR) {
        shift(k, x, &y, e, op);
        x->expr = e;
        return;
    }
    match_types(k, x, &y);
    if (x->mode == M_INVALID) return;
    if (is_comparison(op)) {
        chk_comparison(k, x, &y, op, e);
        x->expr = e;
        return;
    }
    if (!ty_identical(x->type, y.type)) {
        if (x->type->kind != TY_INVALID && y.type->kind != TY_INVALID)
            chk_err(k, chk_pos(e), DM_MISMATCHED, chk_exprstr(k, e), chk_typestr(k, x->type), chk_typestr(k, y.type));
        x->mode = M_INVALID;
        return;
    }
    if (!op_ok(k, x, op, 0)) return;
    if (op == TK_QUO || op == TK_REM) {
        if ((x->mode == M_CONST || ty_is_integer(x->type)) && y.mode == M_CONST && cv_sign(y.cv) == 0) {
            chk_err(k, chk_pos(y.expr), DM_DIV_ZERO);
            x->mode = M_INVALID;
            return;
        }
    }
    if (x->mode == M_CONST && y.mode == M_CONST) {
        int intdiv = ty_is_integer(x->type);
        ConstVal *a = x->cv, *b = y.cv;
        if (intdiv) {
            a = cv_to_int(&k->c->arena, a);
            b = cv_to_int(&k->c->arena, b);
        }
        ConstVal *r = a && b ? cv_binop(&k->c->arena, op, a, b, intdiv) : NULL;
        if (!r) {
            chk_err(k, chk_pos(e), DM_CONST_OVERFLOW, chk_exprstr(k, e));
            x->mode = M_INVALID;
            return;
        }
        x->cv = r;
        x->expr = e;
        const_overflow(k, x, e);
        return;
    }
    x->mode = M_VALUE;
}

/* ---- composite literals ---- */

static int64_t index_value(Checker *k, Node *ie, int64_t max, int report_len) {
    Operand x;
    chk_expr(k, &x, ie);
    if (x.mode == M_INVALID) return -1;
    chk_convert_untyped(k, &x, k->c->basic[TY_INT]);
    if (x.mode == M_INVALID) return -1;
    if (!ty_is_integer(x.type)) {
        chk_err(k, chk_pos(ie), DM_INDEX_NOT_INT, chk_opstr(k, &x));
        return -1;
    }
    chk_set_operand(k, &x);
    if (x.mode != M_CONST) return -2; /* non-constant */
    if (cv_sign(x.cv) < 0) {
        chk_err(k, chk_pos(ie), DM_INDEX_NEGATIVE, chk_opstr(k, &x));
        return -1;
    }
    if (!cv_fits_int(x.cv, 63, 1)) return -1;
    int64_t v = cv_int64_val(x.cv);
    if (max >= 0 && v >= max) {
        char b[64];
        chk_err(k, chk_pos(ie), DM_INDEX_OOB, cv_format(x.cv, b, sizeof b), (long long)max);
        (void)report_len;
        return -1;
    }
    return v;
}

static void elem_value(Checker *k, Node *v, Type *et, const char *ctx) {
    Operand x;
    if (v->kind == AST_COMPOSITE_LIT && !v->u.composite.type) {
        Type *hint = et;
        Type *pu = ty_under(et);
        if (pu && pu->kind == TY_POINTER) hint = pu->u.ptr.elem;
        chk_expr_hint(k, &x, v, hint);
        if (x.mode != M_INVALID && hint != et) {
            x.type = et;
            v->type = et; /* &T{...} elided: the literal denotes a pointer */
        }
    } else {
        chk_expr(k, &x, v);
    }
    chk_assignment(k, &x, et, ctx);
    chk_set_operand(k, &x);
}

static void composite(Checker *k, Operand *x, Node *e, Type *hint) {
    Type *t;
    Node *tn = e->u.composite.type;
    if (tn) {
        if (tn->kind == AST_ARRAY_TYPE && tn->u.array_type.len && tn->u.array_type.len->kind == AST_ELLIPSIS) {
            Type *el = chk_typexpr(k, tn->u.array_type.elem);
            t = ty_array(k->c, el, -1); /* length set below */
            tn->type = t;
            tn->flags |= NF_TYPEEXPR;
        } else {
            t = chk_typexpr(k, tn);
        }
    } else if (hint) {
        t = hint;
    } else {
        chk_err(k, e->pos, DM_INVALID_COMPOSITE_NO_TYPE);
        x->mode = M_INVALID;
        return;
    }
    Type *u = ty_under(t);
    x->expr = e;
    if (!u || t->kind == TY_INVALID || u->kind == TY_INVALID) {
        for (int i = 0; i < e->u.composite.elts.n; i++) {
            Node *el = e->u.composite.elts.items[i];
            Operand tmp;
            if (el->kind == AST_KEY_VALUE) el = el->u.binary.y;
            if (el->kind != AST_COMPOSITE_LIT || el->u.composite.type) chk_expr(k, &tmp, el);
        }
        x->mode = M_INVALID;
        return;
    }
    NodeList *elts = &e->u.composite.elts;
    switch (u->kind) {
    case TY_STRUCT: {
        if (!elts->n) break;
        int keyed = elts->items[0]->kind == AST_KEY_VALUE;
        if (keyed) {
            char *seen = arena_alloc(&k->c->arena, (size_t)u->u.strct.nfields + 1);
            for (int i = 0; i < elts->n; i++) {
                Node *kv = elts->items[i];
                if (kv->kind != AST_KEY_VALUE) {
                    chk_err(k, chk_pos(kv), DM_MIXED_STRUCT_LIT);
                    continue;
                }
                Node *key = kv->u.binary.x;
                if (key->kind != AST_IDENT) {
                    chk_err(k, chk_pos(key), DM_INVALID_FIELD_NAME, chk_exprstr(k, key));
                    continue;
                }
                int fi = -1;
                for (int f = 0; f < u->u.strct.nfields; f++)
                    if (!strcmp(u->u.strct.fields[f]->name, key->u.ident.name)) fi = f;
                if (fi < 0) {
                    chk_err(k, key->pos, DM_UNKNOWN_FIELD, key->u.ident.name, chk_typestr(k, t));
                    Operand tmp;
                    chk_expr(k, &tmp, kv->u.binary.y);
                    continue;
                }
                Obj *f = u->u.strct.fields[fi];
                key->obj = f;
                key->type = f->type;
                if (seen[fi]) {
                    /* Go reports at the colon, which follows the key in gofmt'd code */
                    chk_err(k, key->end.line ? key->end : key->pos, DM_DUP_FIELD_LIT, key->u.ident.name);
                    continue;
                }
                seen[fi] = 1;
                elem_value(k, kv->u.binary.y, f->type, "struct literal");
                kv->type = f->type;
                kv->obj = f;
            }
        } else {
            for (int i = 0; i < elts->n; i++) {
                Node *v = elts->items[i];
                if (v->kind == AST_KEY_VALUE) {
                    chk_err(k, chk_pos(v), DM_MIXED_STRUCT_LIT);
                    continue;
                }
                if (i >= u->u.strct.nfields) {
                    Operand tmp;
                    chk_expr(k, &tmp, v);
                    chk_err(k, chk_pos(v), DM_TOO_MANY_VALUES, chk_exprstr(k, e));
                    break;
                }
                Obj *f = u->u.strct.fields[i];
                elem_value(k, v, f->type, "struct literal");
            }
            if (elts->n < u->u.strct.nfields) chk_err(k, e->u.composite.rbrace, DM_TOO_FEW_VALUES, chk_exprstr(k, e));
        }
        break;
    }
    case TY_ARRAY:
    case TY_SLICE: {
        Type *et = u->kind == TY_ARRAY ? u->u.array.elem : u->u.ptr.elem;
        int64_t max = u->kind == TY_ARRAY && u->u.array.len >= 0 ? u->u.array.len : -1;
        int64_t idx = 0, len = 0;
        for (int i = 0; i < elts->n; i++) {
            Node *v = elts->items[i];
            if (v->kind == AST_KEY_VALUE) {
                int64_t iv = index_value(k, v->u.binary.x, max, 1);
                if (iv == -2) chk_err(k, chk_pos(v->u.binary.x), DM_INDEX_NOT_CONST, chk_exprstr(k, v->u.binary.x));
                if (iv >= 0) idx = iv;
                elem_value(k, v->u.binary.y, et, "array or slice literal");
                v->type = et;
            } else {
                if (max >= 0 && idx >= max) {
                    chk_err(k, chk_pos(v), DM_INDEX_OOB, chk_strf(k, "%lld", (long long)idx), (long long)max);
                    Operand tmp;
                    chk_expr(k, &tmp, v);
                } else {
                    elem_value(k, v, et, "array or slice literal");
                }
            }
            idx++;
            if (idx > len) len = idx;
        }
        if (u->kind == TY_ARRAY && u->u.array.len < 0) u->u.array.len = len;
        break;
    }
    case TY_MAP: {
        VEC(Node *) keys = {0};
        for (int i = 0; i < elts->n; i++) {
            Node *kv = elts->items[i];
            if (kv->kind != AST_KEY_VALUE) {
                chk_err(k, chk_pos(kv), DM_MISSING_MAP_KEY);
                continue;
            }
            elem_value(k, kv->u.binary.x, u->u.map.key, "map literal");
            Node *key = kv->u.binary.x;
            if ((key->flags & NF_CONST) && key->cv) {
                for (int q = 0; q < keys.len; q++)
                    if (cv_equal(keys.items[q]->cv, key->cv) && ty_identical(keys.items[q]->type, key->type)) {
                        chk_err(k, chk_pos(key), DM_DUP_MAP_KEY, chk_exprstr(k, key));
                        break;
                    }
                VEC_PUSH(keys, key);
            }
            elem_value(k, kv->u.binary.y, u->u.map.val, "map literal");
            kv->type = u->u.map.val;
        }
        VEC_FREE(keys);
        break;
    }
    default:
        chk_err(k, chk_pos(e), DM_INVALID_COMPOSITE_TYPE, chk_typestr(k, t));
        x->mode = M_INVALID;
        return;
    }
    x->mode = M_VALUE;
    x->type = t;
}

/* ---- function literals ---- */

static void func_lit(Checker *k, Operand *x, Node *e) {
    ChkFunc *outer = k->fn;
    Obj *o = ty_obj(k->c, OBJ_FUNC, "func", NULL, e->pos);
    o->pkg = k->pkg;
    /* Go's closure names: main.f.func1, nested main.f.func1.1, package
     * level main.glob..func1 */
    if (outer && outer->obj && outer->obj->qname) {
        int n = ++outer->lit_count;
        o->qname = outer->outer ? chk_strf(k, "%s.%d", outer->obj->qname, n)
                                : chk_strf(k, "%s.func%d", outer->obj->qname, n);
    } else {
        o->qname = chk_strf(k, "%s.glob..func%d", k->pkg->path, ++k->glob_lits);
    }
    e->obj = o;
    Scope *fs = ty_scope(k->c, k->scope);
    fs->is_func = 1;
    ChkFunc *fn = chk_new_func(k, o, e, NULL, outer);
    fs->fn = fn;
    Type *sig = chk_sig(k, e->u.func_lit.type, NULL, fs, fn);
    o->type = sig;
    fn->sig = sig;
    chk_func_body(k, fn, fs);
    x->mode = M_VALUE;
    x->type = sig;
    x->expr = e;
}

/* ---- index, slice, assert ---- */

static void index_expr(Checker *k, Operand *x, Node *e) {
    chk_expr_or_type(k, x, e->u.index.x);
    if (x->mode == M_INVALID) {
        chk_use_exprs(k, &e->u.index.indices); /* may be type arguments */
        return;
    }
    if (x->mode == M_TYPEXPR || e->u.index.indices.n != 1 ||
        (x->type && x->type->kind == TY_FUNC && !ty_is_named(x->type))) {
        chk_err(k, e->pos, DM_UNSUPPORTED, "generics");
        x->mode = M_INVALID;
        return;
    }
    Node *ie = e->u.index.indices.items[0];
    Type *u = ty_under(x->type);
    int64_t length = -1;
    Mode mode = M_VALUE;
    Type *rt = NULL;
    if (ty_is_string(x->type)) {
        if (x->mode == M_CONST && x->cv) length = x->cv->slen;
        if (ty_is_untyped(x->type)) chk_convert_untyped(k, x, k->c->basic[TY_STRING]);
        chk_set_operand(k, x);
        rt = k->c->byte_t;
        mode = M_VALUE;
    } else if (u && u->kind == TY_ARRAY) {
        length = u->u.array.len;
        rt = u->u.array.elem;
        mode = x->mode == M_VAR ? M_VAR : M_VALUE;
    } else if (u && u->kind == TY_POINTER && ty_under(u->u.ptr.elem) && ty_under(u->u.ptr.elem)->kind == TY_ARRAY) {
        Type *a = ty_under(u->u.ptr.elem);
        length = a->u.array.len;
        rt = a->u.array.elem;
        mode = M_VAR;
    } else if (u && u->kind == TY_SLICE) {
        rt = u->u.ptr.elem;
        mode = M_VAR;
    } else if (u && u->kind == TY_MAP) {
        Operand kx;
        chk_expr(k, &kx, ie);
        chk_assignment(k, &kx, u->u.map.key, "map index");
        chk_set_operand(k, &kx);
        x->mode = M_MAPINDEX;
        x->type = u->u.map.val;
        x->expr = e;
        e->flags |= NF_MAPINDEX;
        return;
    } else {
        chk_err(k, e->u.index.lbrack, DM_CANNOT_INDEX, chk_opstr(k, x));
        Operand t;
        chk_expr(k, &t, ie);
        x->mode = M_INVALID;
        return;
    }
    int64_t iv = index_value(k, ie, length, 0);
    if (iv == -1 && ie->type && ie->type->kind == TY_INVALID) {
        x->mode = M_INVALID;
        return;
    }
    x->mode = mode;
    x->type = rt;
    x->expr = e;
}

static void slice_expr(Checker *k, Operand *x, Node *e) {
    chk_expr(k, x, e->u.slice.x);
    if (x->mode == M_INVALID) return;
    Type *u = ty_under(x->type);
    int64_t length = -1;
    Type *rt = NULL;
    if (ty_is_string(x->type)) {
        if (e->u.slice.slice3) {
            chk_err(k, e->pos, DM_SLICE3_STRING, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
        if (x->mode == M_CONST && x->cv) length = x->cv->slen;
        if (ty_is_untyped(x->type)) {
            chk_convert_untyped(k, x, k->c->basic[TY_STRING]);
            chk_set_operand(k, x);
        }
        rt = x->type;
    } else if (u && u->kind == TY_ARRAY) {
        if (x->mode != M_VAR) {
            chk_err(k, chk_pos(e), DM_SLICE_UNADDRESSABLE, chk_opstr(k, x));
            x->mode = M_INVALID;
            return;
        }
        chk_mark_addressed(k, e->u.slice.x);
        length = u->u.array.len;
        rt = ty_slice(k->c, u->u.array.elem);
    } else if (u && u->kind == TY_POINTER && ty_under(u->u.ptr.elem) && ty_under(u->u.ptr.elem)->kind == TY_ARRAY) {
        Type *a = ty_under(u->u.ptr.elem);
        length = a->u.array.len;
        rt = ty_slice(k->c, a->u.array.elem);
    } else if (u && u->kind == TY_SLICE) {
        rt = x->type;
    } else {
        chk_err(k, chk_pos(e), DM_CANNOT_SLICE, chk_opstr(k, x));
        x->mode = M_INVALID;
        return;
    }
    Node *parts[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
    int64_t vals[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++)
        if (parts[i]) vals[i] = index_value(k, parts[i], length >= 0 ? length + 1 : -1, 0);
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
                chk_err(k, chk_pos(parts[j]), DM_SLICE_INVERTED, (long long)vals[i], (long long)vals[j]);
                x->mode = M_INVALID;
                return;
            }
    x->mode = M_VALUE;
    x->type = rt;
    x->expr = e;
}

static void type_assert(Checker *k, Operand *x, Node *e) {
    chk_expr(k, x, e->u.type_assert.x);
    if (x->mode == M_INVALID) return;
    if (!e->u.type_assert.type_) {
        chk_err(k, e->pos, DM_TYPE_OUTSIDE_SWITCH);
        x->mode = M_INVALID;
        return;
    }
    if (!ty_is_interface(x->type)) {
        chk_err(k, chk_pos(e->u.type_assert.x), DM_NOT_INTERFACE, chk_opstr(k, x));
        chk_typexpr(k, e->u.type_assert.type_);
        x->mode = M_INVALID;
        return;
    }
    Type *t = chk_typexpr(k, e->u.type_assert.type_);
    if (t->kind == TY_INVALID) {
        x->mode = M_INVALID;
        return;
    }
    if (!ty_is_interface(t)) {
        int wrong, ptr;
        Obj *m = ty_missing_method(k->c, t, x->type, &wrong, &ptr);
        if (m) {
            const char *why = wrong ? chk_strf(k, "wrong type for %s method", m->name)
                              : ptr ? chk_strf(k, "%s method has pointer receiver", m->name)
                                    : chk_strf(k, "missing %s method", m->name);
            chk_err(k, chk_pos(e), DM_IMPOSSIBLE_ASSERT, chk_exprstr(k, e), chk_typestr(k, t),
                    chk_typestr(k, x->type), why);
            x->mode = M_INVALID;
            return;
        }
    }
    x->mode = M_COMMAOK;
    x->type = t;
    x->expr = e;
}

/* ---- dispatcher ---- */

void chk_raw_expr(Checker *k, Operand *x, Node *e, Type *hint, int allow_generic) {
    memset(x, 0, sizeof *x);
    x->expr = e;
    switch (e->kind) {
    case AST_BAD_EXPR: x->mode = M_INVALID; break;
    case AST_IDENT: ident(k, x, e, 0); break;
    case AST_BASIC_LIT: {
        TokKind lk = e->u.lit.kind;
        if (lk == TK_IMAG) {
            chk_err(k, e->pos, DM_UNSUPPORTED, "complex numbers");
            x->mode = M_INVALID;
            break;
        }
        ConstVal *v = cv_from_lit(&k->c->arena, lk, e->u.lit.raw, e->u.lit.rawlen);
        if (!v) {
            chk_err(k, e->pos, DM_CONST_OVERFLOW, chk_exprstr(k, e));
            x->mode = M_INVALID;
            break;
        }
        x->mode = M_CONST;
        x->cv = v;
        x->type = k->c->basic[lk == TK_INT ? TY_UNTYPED_INT : lk == TK_FLOAT ? TY_UNTYPED_FLOAT
                                 : lk == TK_CHAR                      ? TY_UNTYPED_RUNE
                                                                      : TY_UNTYPED_STRING];
        break;
    }
    case AST_COMPOSITE_LIT: composite(k, x, e, hint); break;
    case AST_FUNC_LIT: func_lit(k, x, e); break;
    case AST_PAREN:
        chk_raw_expr(k, x, e->u.unary.x, hint, allow_generic);
        x->expr = e;
        break;
    case AST_SELECTOR: chk_selector(k, x, e); break;
    case AST_INDEX: index_expr(k, x, e); break;
    case AST_SLICE_EXPR: slice_expr(k, x, e); break;
    case AST_TYPE_ASSERT: type_assert(k, x, e); break;
    case AST_CALL: chk_call(k, x, e); break;
    case AST_STAR: {
        chk_expr_or_type(k, x, e->u.unary.x);
        x->expr = e;
        if (x->mode == M_INVALID) break;
        if (x->mode == M_TYPEXPR) {
            x->type = ty_pointer(k->c, x->type);
            break;
        }
        if (x->type->kind == TY_UNTYPED_NIL) {
            chk_err(k, chk_pos(e), DM_CANNOT_INDIRECT_NIL);
            x->mode = M_INVALID;
            break;
        }
        Type *u = ty_under(x->type);
        if (!u || u->kind != TY_POINTER) {
            Operand y = *x;
            y.expr = e->u.unary.x;
            chk_err(k, chk_pos(e->u.unary.x), DM_CANNOT_INDIRECT, chk_opstr(k, &y));
            x->mode = M_INVALID;
            break;
        }
        x->mode = M_VAR;
        x->type = u->u.ptr.elem;
        break;
    }
    case AST_UNARY: unary(k, x, e); x->expr = e; break;
    case AST_BINARY: binary(k, x, e); x->expr = e; break;
    case AST_KEY_VALUE:
        chk_err(k, e->pos, DM_NOT_EXPR_KV);
        x->mode = M_INVALID;
        break;
    case AST_ARRAY_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE: case AST_INTERFACE_TYPE:
    case AST_MAP_TYPE: case AST_CHAN_TYPE:
        x->type = chk_typexpr(k, e);
        x->mode = x->type->kind == TY_INVALID ? M_INVALID : M_TYPEXPR;
        break;
    case AST_ELLIPSIS:
        chk_err(k, e->pos, DM_INVALID_DOTS);
        x->mode = M_INVALID;
        break;
    default:
        x->mode = M_INVALID;
        break;
    }
    if (x->mode != M_INVALID && !x->type) x->type = k->c->invalid_t;
    chk_set_operand(k, x);
}

static void single_value(Checker *k, Operand *x) {
    if (x->mode == M_NOVALUE) {
        chk_err(k, chk_pos(x->expr), DM_NO_VALUE_USED, chk_exprstr(k, x->expr));
        x->mode = M_INVALID;
    } else if (x->mode == M_BUILTIN) {
        chk_err(k, chk_pos(x->expr), DM_BUILTIN_NOT_CALLED, chk_exprstr(k, x->expr));
        x->mode = M_INVALID;
    } else if (x->mode == M_TYPEXPR) {
        chk_err(k, chk_pos(x->expr), DM_TYPE_NOT_EXPR, chk_exprstr(k, x->expr));
        x->mode = M_INVALID;
    } else if (x->mode != M_INVALID && x->type && x->type->kind == TY_TUPLE) {
        chk_err(k, chk_pos(x->expr), DM_MULTI_VALUE, chk_exprstr(k, x->expr), chk_typestr(k, x->type));
        x->mode = M_INVALID;
    }
}

void chk_expr(Checker *k, Operand *x, Node *e) {
    chk_raw_expr(k, x, e, NULL, 0);
    single_value(k, x);
}

void chk_expr_hint(Checker *k, Operand *x, Node *e, Type *hint) {
    chk_raw_expr(k, x, e, hint, 0);
    single_value(k, x);
}

void chk_multi_expr(Checker *k, Operand *x, Node *e) {
    chk_raw_expr(k, x, e, NULL, 0);
    if (x->mode == M_NOVALUE) {
        chk_err(k, chk_pos(x->expr), DM_NO_VALUE_USED, chk_exprstr(k, x->expr));
        x->mode = M_INVALID;
    } else if (x->mode == M_TYPEXPR || x->mode == M_BUILTIN) {
        single_value(k, x);
    }
}

void chk_expr_or_type(Checker *k, Operand *x, Node *e) {
    chk_raw_expr(k, x, e, NULL, 0);
    if (x->mode == M_NOVALUE) {
        chk_err(k, chk_pos(x->expr), DM_NO_VALUE_USED, chk_exprstr(k, x->expr));
        x->mode = M_INVALID;
    } else if (x->mode == M_BUILTIN) {
        single_value(k, x);
    } else if (x->mode != M_INVALID && x->type && x->type->kind == TY_TUPLE) {
        single_value(k, x);
    }
}

void chk_use_exprs(Checker *k, NodeList *l) {
    for (int i = 0; i < l->n; i++) {
        Operand x;
        chk_raw_expr(k, &x, l->items[i], NULL, 0);
    }
}

int chk_is_assignable_var(Checker *k, Operand *x) { return x->mode == M_VAR || x->mode == M_MAPINDEX; }

/* ---- selectors ---- */

static Node *wrap(Checker *k, AstKind kind, TokKind op, Node *x, Type *t) {
    Node *n = chk_new_node(k, kind, x->pos);
    n->u.unary.op = op;
    n->u.unary.x = x;
    n->type = t;
    n->flags |= NF_IMPLICIT;
    n->end = x->end;
    return n;
}

/* the type reached from [t] through the embedded fields [path] */
static Type *path_type(Type *t, int *path, int npath) {
    for (int i = 0; i < npath; i++) {
        Type *u = ty_under(t);
        if (u && u->kind == TY_POINTER) u = ty_under(u->u.ptr.elem);
        if (!u || u->kind != TY_STRUCT) break;
        t = u->u.strct.fields[path[i]]->type;
    }
    return t;
}

/* insert implicit selectors for the embedded path; returns the new x */
static Node *embed_path(Checker *k, Node *x, Type **xt, int *path, int npath) {
    for (int i = 0; i < npath; i++) {
        Type *t = *xt;
        Type *u = ty_under(t);
        if (u && u->kind == TY_POINTER) u = ty_under(u->u.ptr.elem);
        if (!u || u->kind != TY_STRUCT) break;
        Obj *f = u->u.strct.fields[path[i]];
        Node *sel = chk_new_node(k, AST_IDENT, x->pos);
        sel->u.ident.name = f->name;
        sel->obj = f;
        sel->type = f->type;
        Node *n = chk_new_node(k, AST_SELECTOR, x->pos);
        n->u.selector.x = x;
        n->u.selector.sel = sel;
        n->obj = f;
        n->type = f->type;
        n->flags = SEL_FIELD | NF_IMPLICIT | NF_ADDRESSABLE;
        n->end = x->end;
        x = n;
        *xt = f->type;
    }
    return x;
}

void chk_selector(Checker *k, Operand *x, Node *e) {
    Node *xe = e->u.selector.x;
    Node *sel = e->u.selector.sel;
    const char *name = sel->u.ident.name;
    /* package-qualified identifier */
    if (xe->kind == AST_IDENT) {
        Obj *po = ty_lookup(k->scope, xe->u.ident.name, NULL);
        if (po && po->kind == OBJ_PKG) {
            po->flags |= OBJF_USED;
            xe->obj = po;
            Pkg *p = po->ref;
            Obj *m = ty_scope_lookup(p->scope, name);
            x->expr = e;
            if (!m || (!(name[0] >= 'A' && name[0] <= 'Z'))) {
                if (m && !(name[0] >= 'A' && name[0] <= 'Z'))
                    chk_err(k, sel->pos, DM_NOT_EXPORTED, xe->u.ident.name, name);
                else
                    chk_err(k, sel->pos, DM_UNDEFINED, chk_strf(k, "%s.%s", xe->u.ident.name, name));
                x->mode = M_INVALID;
                return;
            }
            e->obj = m;
            sel->obj = m;
            e->flags = (e->flags & ~NF_SUBKIND_MASK) | SEL_PKG;
            x->type = m->type;
            switch (m->kind) {
            case OBJ_CONST: x->mode = M_CONST; x->cv = m->cv; break;
            case OBJ_TYPE: x->mode = M_TYPEXPR; break;
            case OBJ_VAR: x->mode = M_VAR; break;
            case OBJ_FUNC: x->mode = M_VALUE; break;
            default: x->mode = M_INVALID;
            }
            return;
        }
    }
    chk_expr_or_type(k, x, xe);
    if (x->mode == M_INVALID) return;
    if (x->mode == M_TYPEXPR) {
        /* method expression T.M / (*T).M */
        Type *t = x->type;
        TySel s = ty_lookup_field_or_method(k->c, t, name);
        if (!s.obj || s.obj->kind != OBJ_FUNC) {
            chk_err(k, sel->pos, DM_FIELD_UNDEFINED, chk_exprstr(k, e), chk_typestr(k, t), name);
            x->mode = M_INVALID;
            return;
        }
        Obj *m = s.obj;
        if ((m->flags & OBJF_PTR_RECV) && t->kind != TY_POINTER && !s.indirect && !ty_is_interface(t)) {
            chk_err(k, chk_pos(e), DM_PTR_METHOD_EXPR, chk_exprstr(k, e), chk_typestr(k, t), name);
            x->mode = M_INVALID;
            return;
        }
        /* func type with the receiver first */
        Type *sig = m->type;
        Type *ft = ty_new(k->c, TY_FUNC);
        int np = sig->u.func.nparams + 1;
        ft->u.func.params = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)np);
        ft->u.func.params[0] = ty_obj(k->c, OBJ_VAR, "", t, e->pos);
        for (int i = 1; i < np; i++) ft->u.func.params[i] = sig->u.func.params[i - 1];
        ft->u.func.nparams = np;
        ft->u.func.results = sig->u.func.results;
        ft->u.func.nresults = sig->u.func.nresults;
        ft->u.func.variadic = sig->u.func.variadic;
        e->obj = m;
        sel->obj = m;
        e->flags = (e->flags & ~NF_SUBKIND_MASK) | SEL_METHOD_EXPR;
        x->mode = M_VALUE;
        x->type = ft;
        x->expr = e;
        return;
    }
    if (ty_is_untyped(x->type)) chk_default(k, x);
    Type *t = x->type;
    TySel s = ty_lookup_field_or_method(k->c, t, name);
    if (!s.obj) {
        x->expr = e;
        if (s.ambiguous) {
            chk_err(k, sel->pos, DM_AMBIGUOUS_SELECTOR, chk_exprstr(k, e));
        } else {
            Type *u = ty_under(t);
            if (u && u->kind == TY_POINTER && ty_is_interface(u->u.ptr.elem))
                chk_err(k, sel->pos, DM_FIELD_UNDEFINED_PTR_IFACE, chk_exprstr(k, e), chk_typestr(k, t),
                        chk_typestr(k, u->u.ptr.elem));
            else {
                /* Go hints at a selector that differs in the case of its first letter */
                char alt[256];
                snprintf(alt, sizeof alt, "%s", name);
                if (alt[0] >= 'a' && alt[0] <= 'z') alt[0] = (char)(alt[0] - 'a' + 'A');
                else if (alt[0] >= 'A' && alt[0] <= 'Z') alt[0] = (char)(alt[0] - 'A' + 'a');
                TySel s2 = ty_lookup_field_or_method(k->c, t, alt);
                if (s2.obj && strcmp(alt, name))
                    chk_err(k, sel->pos, DM_FIELD_UNDEFINED_BUT, chk_exprstr(k, e), chk_typestr(k, t), name, alt);
                else
                    chk_err(k, sel->pos, DM_FIELD_UNDEFINED, chk_exprstr(k, e), chk_typestr(k, t), name);
            }
        }
        x->mode = M_INVALID;
        return;
    }
    Obj *m = s.obj;
    if (m->pkg && m->pkg != k->pkg && !(name[0] >= 'A' && name[0] <= 'Z')) {
        chk_err(k, sel->pos, DM_FIELD_UNDEFINED, chk_exprstr(k, e), chk_typestr(k, t), name);
        x->mode = M_INVALID;
        return;
    }
    /* embedded steps, & and * are made explicit after checking (so that
     * messages print the expression as written): see chk_apply_rewrites */
    Type *xt = path_type(t, s.path, s.npath);
    Node *nx = xe;
    if (m->kind == OBJ_FUNC) chk_record_use(k, m); /* init order: methods called */
    Rewrite rw;
    memset(&rw, 0, sizeof rw);
    rw.sel = e;
    memcpy(rw.path, s.path, sizeof(int) * (size_t)s.npath);
    rw.npath = s.npath;
    e->obj = m;
    sel->obj = m;
    if (m->kind == OBJ_VAR) {
        e->flags = (e->flags & ~NF_SUBKIND_MASK) | SEL_FIELD;
        if (rw.npath) VEC_PUSH(k->rewrites, rw);
        Type *xu = ty_under(xt);
        if (x->mode == M_VAR || (xu && xu->kind == TY_POINTER) || s.indirect) x->mode = M_VAR;
        else x->mode = M_VALUE;
        x->type = m->type;
        x->expr = e;
        return;
    }
    /* methods */
    if (ty_is_interface(xt)) {
        e->flags = (e->flags & ~NF_SUBKIND_MASK) | SEL_IFACE_METHOD;
        if (rw.npath) VEC_PUSH(k->rewrites, rw);
        x->mode = M_VALUE;
        x->type = m->type;
        x->expr = e;
        return;
    }
    e->flags = (e->flags & ~NF_SUBKIND_MASK) | SEL_METHOD;
    Type *xu = ty_under(xt);
    int xptr = xu && xu->kind == TY_POINTER;
    if (m->flags & OBJF_PTR_RECV) {
        if (!xptr) {
            /* need &x: x must be addressable (a var, or reached through a pointer) */
            int addressable = x->mode == M_VAR || s.indirect;
            if (s.npath == 0 && x->mode != M_VAR) addressable = 0;
            if (!addressable) {
                chk_err(k, sel->pos, DM_PTR_METHOD_CALL, name, chk_typestr(k, t));
                x->mode = M_INVALID;
                return;
            }
            chk_mark_addressed(k, nx);
            rw.wrap = RW_ADDR;
        }
    } else if (xptr) {
        rw.wrap = RW_DEREF;
    }
    if (rw.npath || rw.wrap) VEC_PUSH(k->rewrites, rw);
    x->mode = M_VALUE;
    x->type = m->type;
    x->expr = e;
}

void chk_apply_rewrites(Checker *k) {
    for (int i = 0; i < k->rewrites.len; i++) {
        Rewrite *rw = &k->rewrites.items[i];
        Node *e = rw->sel;
        Node *x = e->u.selector.x;
        Type *xt = x->type;
        if (!xt) continue;
        x = embed_path(k, x, &xt, rw->path, rw->npath);
        if (rw->wrap == RW_ADDR) {
            x = wrap(k, AST_UNARY, TK_AND, x, ty_pointer(k->c, xt));
        } else if (rw->wrap == RW_DEREF) {
            Type *xu = ty_under(xt);
            x = wrap(k, AST_STAR, TK_MUL, x, xu && xu->kind == TY_POINTER ? xu->u.ptr.elem : xt);
        }
        e->u.selector.x = x;
    }
    VEC_FREE(k->rewrites);
}
