/* check_decl: the checker's entry point, package-level declarations (lazy
 * resolution in dependency order), type expressions, signatures, local
 * declarations, initialisation order and error/string helpers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check_int.h"
#include "mem.h"
#include "parse.h"

/* ---- errors and strings ---- */

void chk_err(Checker *k, Pos pos, DiagMsg m, ...) {
    if (k->stopped) return;
    va_list ap;
    va_start(ap, m);
    diag_addv(k->dl, pos, 0, m, ap);
    va_end(ap);
    k->nerr++;
    k->prog->nerrors++;
    if (k->nerr >= DIAG_MAX && !k->native) k->stopped = 1;
}

char *chk_strf(Checker *k, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(&k->c->arena, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

const char *chk_exprstr(Checker *k, Node *n) {
    char buf[512];
    if (n && n == k->opassign_bin) n = k->opassign_stmt;
    parse_expr_string(n, buf, sizeof buf);
    return arena_strndup(&k->c->arena, buf, strlen(buf));
}

const char *chk_typestr(Checker *k, Type *t) { return ty_fmt(k->c, t); }

static const char *const mode_str[] = {"invalid operand", "no value", "built-in", "type", "constant",
                                       "variable", "map index expression", "value", "comma, ok expression"};

const char *chk_opstr(Checker *k, Operand *x) {
    const char *expr = x->expr ? chk_exprstr(k, x->expr) : "";
    char val[256] = "";
    if (x->mode == M_VALUE && x->type && x->type->kind == TY_UNTYPED_NIL) return "nil";
    const char *untyped = "";
    int has_type = 0;
    if (x->mode != M_INVALID && x->mode != M_NOVALUE && x->mode != M_BUILTIN && x->mode != M_TYPEXPR && x->type) {
        if (ty_is_untyped(x->type))
            untyped = chk_strf(k, "%s ", ty_basic_name(x->type->kind));
        else
            has_type = 1;
    }
    if (x->mode == M_CONST && x->cv) {
        char b[200];
        cv_format(x->cv, b, sizeof b);
        if (strcmp(b, expr)) snprintf(val, sizeof val, " %s", b);
    }
    const char *ty = has_type ? chk_strf(k, " of type %s", chk_typestr(k, x->type)) : "";
    if (!*expr) return chk_strf(k, "%s%s%s%s", untyped, mode_str[x->mode], val, ty);
    return chk_strf(k, "%s (%s%s%s%s)", expr, untyped, mode_str[x->mode], val, ty);
}

/* Go reports most expression errors at the expression's start (syntax.StartPos). */
Pos chk_pos(Node *n) {
    for (;;) {
        switch (n->kind) {
        case AST_BINARY: n = n->u.binary.x; continue;
        case AST_SELECTOR: n = n->u.selector.x; continue;
        case AST_INDEX: n = n->u.index.x; continue;
        case AST_SLICE_EXPR: n = n->u.slice.x; continue;
        case AST_TYPE_ASSERT: n = n->u.type_assert.x; continue;
        case AST_CALL: n = n->u.call.fun; continue;
        case AST_COMPOSITE_LIT:
            if (n->u.composite.type) {
                n = n->u.composite.type;
                continue;
            }
            return n->pos;
        case AST_KEY_VALUE: n = n->u.binary.x; continue;
        default: return n->pos;
        }
    }
}

Node *chk_new_node(Checker *k, AstKind kind, Pos pos) { return ast_new(&k->file->arena, kind, pos); }

/* ---- objects and scopes ---- */

int chk_declare(Checker *k, Scope *s, Obj *o, Node *ident) {
    if (!strcmp(o->name, "_")) return 1;
    Obj *prev = ty_scope_insert(k->c, s, o);
    if (prev) {
        chk_err(k, o->pos, DM_REDECLARED, o->name, k->dl->path, prev->pos.line, prev->pos.col, o->name);
        o->flags |= OBJF_USED; /* Go does not also report it unused */
        return 0;
    }
    return 1;
}

void chk_add_local(Checker *k, Obj *o) {
    ChkFunc *fn = k->fn;
    if (!fn) return;
    o->fn = fn;
    o->index = fn->locals.len;
    VEC_PUSH(fn->locals, o);
}

Obj *chk_declare_var(Checker *k, Node *ident, Type *t, Scope *s) {
    Obj *o = ty_obj(k->c, OBJ_VAR, ident->u.ident.name, t, ident->pos);
    o->decl = ident;
    o->pkg = k->pkg;
    ident->obj = strcmp(o->name, "_") ? o : NULL;
    ident->type = t;
    chk_add_local(k, o);
    if (s) chk_declare(k, s, o, ident);
    return o;
}

ChkFunc *chk_new_func(Checker *k, Obj *obj, Node *decl, Type *sig, ChkFunc *outer) {
    ChkFunc *fn = mem_alloc(sizeof *fn);
    fn->obj = obj;
    fn->decl = decl;
    fn->sig = sig;
    fn->outer = outer;
    fn->body = decl->kind == AST_FUNC_DECL ? decl->u.func_decl.body : decl->u.func_lit.body;
    if (obj) obj->fn = fn;
    VEC_PUSH(k->prog->funcs, fn);
    return fn;
}

static void add_dep(Checker *k, Obj *from, Obj *to) {
    DepList *d = from->deps;
    if (!d) {
        d = arena_alloc(&k->c->arena, sizeof *d);
        from->deps = d;
    }
    for (int i = 0; i < d->len; i++)
        if (d->items[i] == to) return;
    if (d->len == d->cap) {
        int nc = d->cap ? d->cap * 2 : 4;
        Obj **ni = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)nc);
        if (d->len) memcpy(ni, d->items, sizeof(Obj *) * (size_t)d->len);
        d->items = ni;
        d->cap = nc;
    }
    d->items[d->len++] = to;
}

void chk_record_use(Checker *k, Obj *o) {
    if (o->pkg == k->pkg && o->spec && (o->kind == OBJ_VAR || o->kind == OBJ_FUNC)) {
        if (k->decl_obj && k->decl_obj != o) add_dep(k, k->decl_obj, o);
    }
    if (o->kind == OBJ_VAR && o->fn && k->fn && o->fn != k->fn) {
        /* captured: add to the capture lists of every literal in between */
        o->flags |= OBJF_CAPTURED;
        for (ChkFunc *f = k->fn; f && f != o->fn; f = f->outer) {
            int have = 0;
            for (int i = 0; i < f->captures.len; i++)
                if (f->captures.items[i] == o) have = 1;
            if (!have) VEC_PUSH(f->captures, o);
        }
    }
}

/* ---- type expressions ---- */

static Type *struct_type(Checker *k, Node *e) {
    Type *t = ty_new(k->c, TY_STRUCT);
    int n = 0;
    for (int i = 0; i < e->u.fields.fields.n; i++) {
        Node *f = e->u.fields.fields.items[i];
        n += f->u.field.names.n ? f->u.field.names.n : 1;
    }
    t->u.strct.fields = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)(n ? n : 1));
    t->u.strct.tags = arena_alloc(&k->c->arena, sizeof(char *) * (size_t)(n ? n : 1));
    e->type = t;
    Scope *names = ty_scope(k->c, NULL);
    int idx = 0;
    for (int i = 0; i < e->u.fields.fields.n; i++) {
        Node *f = e->u.fields.fields.items[i];
        Type *ft = chk_typexpr(k, f->u.field.type);
        const char *tag = NULL;
        if (f->u.field.tag) {
            ConstVal *cv = cv_from_lit(&k->c->arena, TK_STRING, f->u.field.tag->u.lit.raw, f->u.field.tag->u.lit.rawlen);
            if (cv) tag = cv->s;
        }
        if (f->u.field.names.n == 0) {
            /* embedded: T, *T, pkg.T */
            Node *tn = f->u.field.type;
            if (tn->kind == AST_STAR) tn = tn->u.unary.x;
            const char *name = tn->kind == AST_SELECTOR ? tn->u.selector.sel->u.ident.name
                               : tn->kind == AST_IDENT  ? tn->u.ident.name
                                                        : "?";
            Type *base = ft && ft->kind == TY_POINTER ? ft->u.ptr.elem : ft;
            Type *bu = ty_under(base);
            if (ft && ft->kind == TY_POINTER && bu && (bu->kind == TY_POINTER || bu->kind == TY_INTERFACE)) {
                chk_err(k, tn->pos, DM_EMBED_PTR_IFACE);
            }
            Obj *o = ty_obj(k->c, OBJ_VAR, name, ft, tn->pos);
            o->flags = OBJF_FIELD | OBJF_EMBEDDED;
            o->index = idx;
            o->pkg = k->pkg;
            Obj *prev = ty_scope_insert(k->c, names, o);
            if (prev) chk_err(k, o->pos, DM_FIELD_REDECLARED, name, k->dl->path, prev->pos.line, prev->pos.col, name);
            t->u.strct.tags[idx] = tag;
            t->u.strct.fields[idx++] = o;
            continue;
        }
        for (int j = 0; j < f->u.field.names.n; j++) {
            Node *nm = f->u.field.names.items[j];
            Obj *o = ty_obj(k->c, OBJ_VAR, nm->u.ident.name, ft, nm->pos);
            o->flags = OBJF_FIELD;
            o->index = idx;
            o->pkg = k->pkg;
            nm->obj = o;
            if (strcmp(o->name, "_")) {
                Obj *prev = ty_scope_insert(k->c, names, o);
                if (prev)
                    chk_err(k, o->pos, DM_FIELD_REDECLARED, o->name, k->dl->path, prev->pos.line, prev->pos.col,
                            o->name);
            }
            t->u.strct.tags[idx] = tag;
            t->u.strct.fields[idx++] = o;
        }
    }
    t->u.strct.nfields = idx;
    return t;
}

static int cmp_obj_name2(const void *a, const void *b) {
    return strcmp((*(Obj *const *)a)->name, (*(Obj *const *)b)->name);
}

static Type *iface_type(Checker *k, Node *e) {
    Type *t = ty_new(k->c, TY_INTERFACE);
    e->type = t;
    int nm = 0, ne = 0;
    for (int i = 0; i < e->u.fields.fields.n; i++) {
        Node *f = e->u.fields.fields.items[i];
        if (f->u.field.names.n) nm++;
        else ne++;
    }
    t->u.iface.methods = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)(nm + 1));
    t->u.iface.embeds = arena_alloc(&k->c->arena, sizeof(Type *) * (size_t)(ne + 1));
    Scope *names = ty_scope(k->c, NULL);
    for (int i = 0; i < e->u.fields.fields.n; i++) {
        Node *f = e->u.fields.fields.items[i];
        if (!f->u.field.names.n) {
            Node *tn = f->u.field.type;
            if (tn->kind == AST_BINARY || tn->kind == AST_UNARY) {
                chk_err(k, tn->pos, DM_UNSUPPORTED, "type constraints (generics)");
                continue;
            }
            Type *et = chk_typexpr(k, tn);
            Type *eu = ty_under(et);
            if (et->kind != TY_INVALID && (!eu || eu->kind != TY_INTERFACE)) {
                chk_err(k, tn->pos, DM_UNSUPPORTED, "type constraints (generics)");
                continue;
            }
            t->u.iface.embeds[t->u.iface.nembeds++] = et;
            continue;
        }
        Node *nmn = f->u.field.names.items[0];
        Type *sig = chk_sig(k, f->u.field.type, NULL, NULL, NULL);
        Obj *m = ty_obj(k->c, OBJ_FUNC, nmn->u.ident.name, sig, nmn->pos);
        m->flags = OBJF_METHOD;
        m->pkg = k->pkg;
        nmn->obj = m;
        Obj *prev = ty_scope_insert(k->c, names, m);
        if (prev) {
            chk_err(k, m->pos, DM_DUP_METHOD, m->name, k->dl->path, prev->pos.line, prev->pos.col);
            continue;
        }
        t->u.iface.methods[t->u.iface.nmethods++] = m;
    }
    qsort(t->u.iface.methods, (size_t)t->u.iface.nmethods, sizeof(Obj *), cmp_obj_name2);
    for (int i = 0; i < t->u.iface.nmethods; i++) t->u.iface.methods[i]->index = i;
    if (!t->u.iface.nembeds) t->u.iface.complete = 1;
    return t;
}

static int64_t array_len(Checker *k, Node *len) {
    Operand x;
    chk_expr(k, &x, len);
    if (x.mode == M_INVALID) return -1;
    if (x.mode != M_CONST) {
        chk_err(k, chk_pos(len), DM_ARRAY_LEN_CONST, chk_opstr(k, &x));
        return -1;
    }
    if (ty_is_untyped(x.type) || ty_is_integer(x.type)) {
        ConstVal *iv = cv_to_int(&k->c->arena, x.cv);
        if (iv && cv_fits_int(iv, 63, 1)) {
            int64_t n = cv_int64_val(iv);
            if (n >= 0) {
                if (ty_is_untyped(x.type)) chk_update_type(k, len, k->c->basic[TY_INT], iv);
                return n;
            }
        }
    }
    chk_err(k, chk_pos(len), DM_ARRAY_LEN_INVALID, chk_opstr(k, &x));
    return -1;
}

Type *chk_typexpr(Checker *k, Node *e) {
    Type *t = NULL;
    switch (e->kind) {
    case AST_IDENT:
    case AST_SELECTOR: {
        Operand x;
        chk_expr_or_type(k, &x, e);
        if (x.mode == M_INVALID) {
            t = k->c->invalid_t;
            break;
        }
        if (x.mode != M_TYPEXPR) {
            chk_err(k, chk_pos(e), DM_NOT_TYPE, chk_exprstr(k, e));
            t = k->c->invalid_t;
            break;
        }
        t = x.type;
        break;
    }
    case AST_PAREN: t = chk_typexpr(k, e->u.unary.x); break;
    case AST_STAR: t = ty_pointer(k->c, chk_typexpr(k, e->u.unary.x)); break;
    case AST_ARRAY_TYPE:
        if (!e->u.array_type.len) {
            t = ty_slice(k->c, chk_typexpr(k, e->u.array_type.elem));
        } else if (e->u.array_type.len->kind == AST_ELLIPSIS) {
            chk_err(k, e->u.array_type.len->pos, DM_ARRAY_DOTS);
            chk_typexpr(k, e->u.array_type.elem);
            t = k->c->invalid_t;
        } else {
            int64_t n = array_len(k, e->u.array_type.len);
            Type *el = chk_typexpr(k, e->u.array_type.elem);
            t = n < 0 ? k->c->invalid_t : ty_array(k->c, el, n);
        }
        break;
    case AST_MAP_TYPE: {
        Type *kt = chk_typexpr(k, e->u.map_type.key);
        Type *vt = chk_typexpr(k, e->u.map_type.value);
        if (kt->kind != TY_INVALID && ty_under(kt) && !ty_comparable(kt)) {
            chk_err(k, chk_pos(e->u.map_type.key), DM_INVALID_MAP_KEY, chk_typestr(k, kt));
        }
        t = ty_map(k->c, kt, vt);
        break;
    }
    case AST_CHAN_TYPE: t = ty_chan(k->c, chk_typexpr(k, e->u.chan_type.value), e->u.chan_type.dir); break;
    case AST_FUNC_TYPE: t = chk_sig(k, e, NULL, NULL, NULL); break;
    case AST_STRUCT_TYPE: t = struct_type(k, e); break;
    case AST_INTERFACE_TYPE: t = iface_type(k, e); break;
    case AST_INDEX:
        chk_err(k, e->pos, DM_UNSUPPORTED, "generics");
        t = k->c->invalid_t;
        break;
    default:
        chk_err(k, chk_pos(e), DM_NOT_TYPE, chk_exprstr(k, e));
        t = k->c->invalid_t;
        break;
    }
    e->type = t;
    e->flags |= NF_TYPEEXPR;
    return t;
}

static Obj **param_list(Checker *k, NodeList *fields, int *n_out, int *variadic, Scope *scope, uint32_t flag,
                        int results) {
    int n = 0;
    for (int i = 0; i < fields->n; i++) {
        Node *f = fields->items[i];
        n += f->u.field.names.n ? f->u.field.names.n : 1;
    }
    Obj **v = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)(n ? n : 1));
    int idx = 0;
    for (int i = 0; i < fields->n; i++) {
        Node *f = fields->items[i];
        Node *tn = f->u.field.type;
        Type *t;
        if (tn->kind == AST_ELLIPSIS) {
            if (results || i != fields->n - 1 || f->u.field.names.n > 1) {
                chk_err(k, tn->pos, DM_DOTS_NOT_FINAL);
            } else if (variadic) {
                *variadic = 1;
            }
            t = ty_slice(k->c, chk_typexpr(k, tn->u.unary.x));
            tn->type = t;
        } else {
            t = chk_typexpr(k, tn);
        }
        if (!f->u.field.names.n) {
            Obj *o = ty_obj(k->c, OBJ_VAR, "", t, tn->pos);
            o->flags = flag;
            o->pkg = k->pkg;
            if (scope) chk_add_local(k, o);
            v[idx++] = o;
            continue;
        }
        for (int j = 0; j < f->u.field.names.n; j++) {
            Node *nm = f->u.field.names.items[j];
            Obj *o = ty_obj(k->c, OBJ_VAR, nm->u.ident.name, t, nm->pos);
            o->flags = flag | OBJF_USED;
            o->pkg = k->pkg;
            o->decl = nm;
            nm->type = t;
            if (scope) {
                nm->obj = strcmp(o->name, "_") ? o : NULL;
                chk_add_local(k, o);
                chk_declare(k, scope, o, nm);
            }
            v[idx++] = o;
        }
    }
    *n_out = idx;
    return v;
}

Type *chk_sig(Checker *k, Node *ft, Node *recv, Scope *scope, ChkFunc *fn) {
    Type *t = ty_new(k->c, TY_FUNC);
    ft->type = t;
    ft->flags |= NF_TYPEEXPR;
    if (ft->u.func_type.type_params.n) {
        /* the parser has reported "generics are not supported"; stay silent */
        ft->type = k->c->invalid_t;
        return k->c->invalid_t;
    }
    ChkFunc *save = k->fn;
    if (scope) k->fn = fn;
    if (recv) {
        int nr = 0, dummy = 0;
        NodeList l = {&recv, 1};
        Obj **r = param_list(k, &l, &nr, &dummy, scope, OBJF_PARAM | OBJF_RECV, 0);
        t->u.func.recv = nr ? r[0] : NULL;
    }
    int variadic = 0;
    t->u.func.params = param_list(k, &ft->u.func_type.params, &t->u.func.nparams, &variadic, scope, OBJF_PARAM, 0);
    t->u.func.variadic = variadic;
    t->u.func.results = param_list(k, &ft->u.func_type.results, &t->u.func.nresults, NULL, scope, OBJF_RESULT, 1);
    if (scope && fn) {
        fn->nparams = t->u.func.nparams + (recv ? 1 : 0);
        fn->nresults = t->u.func.nresults;
    }
    k->fn = save;
    return t;
}

/* ---- package-level objects ---- */

static void resolve_const(Checker *k, Obj *o);
static void resolve_var(Checker *k, Obj *o);

static void resolve_type(Checker *k, Obj *o) {
    Node *spec = o->spec;
    if (spec->u.type_spec.type_params.n) { /* reported by the parser */
        if (o->type && o->type->kind == TY_NAMED) o->type->u.named.under = k->c->invalid_t;
        else o->type = k->c->invalid_t;
        return;
    }
    if (spec->u.type_spec.assign) { /* alias */
        o->type = chk_typexpr(k, spec->u.type_spec.type);
        return;
    }
    Type *named = o->type;
    named->u.named.resolving = 1;
    Type *rhs = chk_typexpr(k, spec->u.type_spec.type);
    Type *u = ty_under(rhs);
    if (!u) {
        /* rhs is a named type still being resolved: a cycle */
        chk_err(k, o->pos, DM_INVALID_RECURSIVE, o->name);
        u = k->c->invalid_t;
    }
    named->u.named.under = u;
    named->u.named.resolving = 0;
}

void chk_resolve_obj(Checker *k, Obj *o) {
    if (o->state == 2 || !o->spec) return;
    if (o->state == 1) {
        if (o->kind == OBJ_TYPE) return; /* recursive type through pointers etc.: fine */
        if (o->kind == OBJ_FUNC) return;
        chk_err(k, o->pos, DM_INIT_CYCLE, o->name);
        o->state = 2;
        if (!o->type) o->type = k->c->invalid_t;
        return;
    }
    o->state = 1;
    /* resolve in the package's context */
    Scope *ss = k->scope;
    ChkFunc *sf = k->fn;
    Type *ssig = k->sig;
    Obj *sd = k->decl_obj;
    ConstVal *si = k->iota;
    k->scope = k->file_scope;
    k->fn = NULL;
    k->sig = NULL;
    k->iota = NULL;
    switch (o->kind) {
    case OBJ_CONST: k->decl_obj = NULL; resolve_const(k, o); break;
    case OBJ_TYPE: k->decl_obj = NULL; resolve_type(k, o); break;
    case OBJ_VAR: k->decl_obj = o; resolve_var(k, o); break;
    case OBJ_FUNC: {
        k->decl_obj = o;
        Node *fd = o->spec;
        o->type = chk_sig(k, fd->u.func_decl.type, NULL, NULL, NULL);
        break;
    }
    default: break;
    }
    k->scope = ss;
    k->fn = sf;
    k->sig = ssig;
    k->decl_obj = sd;
    k->iota = si;
    o->state = 2;
}

/* const specs: values/type inherited from the previous spec in the group */
static void const_spec_parts(Node *spec, Node **type, NodeList *values) {
    *type = spec->u.value_spec.type;
    *values = spec->u.value_spec.values;
    Node *src = (Node *)spec->obj; /* inherited source spec (set at collection) */
    if (!values->n && src) {
        *type = src->u.value_spec.type;
        *values = src->u.value_spec.values;
    }
}

static void check_const_value(Checker *k, Obj *o, Node *spec, int i) {
    Node *tn;
    NodeList values;
    const_spec_parts(spec, &tn, &values);
    k->iota = cv_int64(&k->c->arena, spec->u.value_spec.iota);
    Type *t = tn ? chk_typexpr(k, tn) : NULL;
    o->type = k->c->invalid_t;
    if (t && t->kind != TY_INVALID) {
        Type *u = ty_under(t);
        if (!u || u->kind >= TY_NAMED) {
            chk_err(k, chk_pos(tn), DM_INVALID_CONST_TYPE, chk_typestr(k, t));
            return;
        }
    }
    if (i >= values.n) {
        if (i == values.n || values.n == 0)
            chk_err(k, o->pos, DM_MISSING_INIT_EXPR);
        return;
    }
    Operand x;
    chk_expr(k, &x, values.items[i]);
    if (x.mode == M_INVALID) return;
    if (x.mode != M_CONST) {
        chk_err(k, chk_pos(values.items[i]), DM_NOT_CONSTANT, chk_opstr(k, &x));
        return;
    }
    if (t) {
        chk_assignment(k, &x, t, "constant declaration");
        if (x.mode == M_INVALID) return;
    }
    o->type = x.type;
    o->cv = x.cv;
    if (i == spec->u.value_spec.names.n - 1 && values.n > spec->u.value_spec.names.n && spec->u.value_spec.values.n)
        chk_err(k, chk_pos(values.items[spec->u.value_spec.names.n]), DM_EXTRA_INIT_EXPR,
                chk_exprstr(k, values.items[spec->u.value_spec.names.n]));
}

static void resolve_const(Checker *k, Obj *o) {
    Node *spec = o->spec;
    check_const_value(k, o, spec, o->spec_i);
    k->iota = NULL;
}

/* checks one var spec's values once for all its names */
static void check_var_spec(Checker *k, Node *spec, Obj **objs, int global);

static void resolve_var(Checker *k, Obj *o) {
    Node *spec = o->spec;
    int n = spec->u.value_spec.names.n;
    Obj **objs = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        Node *nm = spec->u.value_spec.names.items[i];
        objs[i] = (Obj *)nm->cv; /* stashed at collection */
        if (!objs[i]) objs[i] = o;
        objs[i]->state = 1;
    }
    check_var_spec(k, spec, objs, !k->native);
    for (int i = 0; i < n; i++) objs[i]->state = 2;
}

static void check_var_spec(Checker *k, Node *spec, Obj **objs, int global) {
    int n = spec->u.value_spec.names.n;
    NodeList *vals = &spec->u.value_spec.values;
    Type *t = spec->u.value_spec.type ? chk_typexpr(k, spec->u.value_spec.type) : NULL;
    for (int i = 0; i < n; i++) {
        objs[i]->type = t ? t : k->c->invalid_t;
        spec->u.value_spec.names.items[i]->type = objs[i]->type;
    }
    ChkInit init = {0};
    if (global) {
        init.lhs = objs;
        init.nlhs = n;
    }
    if (vals->n == 0) {
        if (!t) objs[0]->type = k->c->invalid_t; /* parser guarantees a type or values */
        if (global) {
            for (int i = 0; i < n; i++) {
                ChkInit one = {arena_alloc(&k->c->arena, sizeof(Obj *)), 1, NULL};
                one.lhs[0] = objs[i];
                VEC_PUSH(k->prog->inits, one);
            }
        }
        return;
    }
    Node *v0 = vals->n == 1 ? vals->items[0] : NULL;
    while (v0 && v0->kind == AST_PAREN) v0 = v0->u.unary.x;
    if (n == 1 && v0 && v0->kind == AST_CALL) {
        Operand x;
        chk_multi_expr(k, &x, vals->items[0]);
        if (x.mode != M_INVALID && x.type && x.type->kind == TY_TUPLE) {
            chk_err(k, chk_pos(vals->items[0]), DM_ASSIGN_MISMATCH_CALL, "1 variable", chk_exprstr(k, v0->u.call.fun),
                    chk_strf(k, "%d values", x.type->u.tuple.n));
            x.mode = M_INVALID;
        }
        if (x.mode != M_INVALID) {
            chk_assignment(k, &x, t, "variable declaration");
            if (!t && x.mode != M_INVALID) objs[0]->type = x.type;
            chk_set_operand(k, &x);
        }
        spec->u.value_spec.names.items[0]->type = objs[0]->type;
        if (global) {
            init.rhs = vals->items[0];
            VEC_PUSH(k->prog->inits, init);
        }
        return;
    }
    if (vals->n == 1 && n > 1) {
        /* a, b = f() / v, ok = m[k] ... */
        Operand x;
        Node *rhs = vals->items[0];
        chk_multi_expr(k, &x, rhs);
        int nres = 1;
        if (x.mode != M_INVALID && x.type && x.type->kind == TY_TUPLE) nres = x.type->u.tuple.n;
        if (x.mode == M_INVALID) {
            for (int i = 0; i < n; i++) if (!t) objs[i]->type = k->c->invalid_t;
            return;
        }
        if (n == 2 && (x.mode == M_COMMAOK || x.mode == M_MAPINDEX)) {
            rhs->flags |= NF_COMMAOK;
            Operand v = x;
            v.mode = M_VALUE;
            if (t) chk_assignment(k, &v, t, "variable declaration");
            else {
                chk_default(k, &v);
                objs[0]->type = v.type;
            }
            if (!t) objs[1]->type = k->c->basic[TY_BOOL];
            else if (!ty_is_boolean(t)) {
                /* ok must be assignable to t */
                Operand b = {M_VALUE, NULL, k->c->basic[TY_UNTYPED_BOOL], NULL, 0};
                (void)b;
            }
            for (int i = 0; i < n; i++) spec->u.value_spec.names.items[i]->type = objs[i]->type;
            if (global) {
                init.rhs = rhs;
                VEC_PUSH(k->prog->inits, init);
            }
            return;
        }
        if (nres != n) {
            if (rhs->kind == AST_CALL && x.type && x.type->kind == TY_TUPLE)
                chk_err(k, chk_pos(rhs), DM_ASSIGN_MISMATCH_CALL,
                        chk_strf(k, "%d variable%s", n, n == 1 ? "" : "s"), chk_exprstr(k, rhs->u.call.fun),
                        chk_strf(k, "%d value%s", nres, nres == 1 ? "" : "s"));
            else
                chk_err(k, chk_pos(rhs), DM_ASSIGN_MISMATCH,
                        chk_strf(k, "%d variable%s", n, n == 1 ? "" : "s"),
                        chk_strf(k, "%d value%s", 1, ""));
            return;
        }
        for (int i = 0; i < n; i++) {
            Type *rt = x.type->u.tuple.types[i];
            if (t) {
                Operand v = {M_VALUE, NULL, rt, NULL, 0};
                if (!ty_assignable(k->c, rt, t))
                    chk_err(k, chk_pos(rhs), DM_CANNOT_USE, chk_strf(k, "%s value", chk_exprstr(k, rhs)),
                            chk_typestr(k, t), "variable declaration");
                (void)v;
            } else {
                objs[i]->type = rt;
            }
            spec->u.value_spec.names.items[i]->type = objs[i]->type;
        }
        if (global) {
            init.rhs = rhs;
            VEC_PUSH(k->prog->inits, init);
        }
        return;
    }
    if (vals->n != n) {
        if (vals->n > n) {
            /* check the values for errors first as Go does */
            chk_err(k, chk_pos(vals->items[n]), DM_EXTRA_INIT_EXPR, chk_exprstr(k, vals->items[n]));
        } else {
            chk_err(k, chk_pos(vals->items[0]), DM_ASSIGN_MISMATCH,
                    chk_strf(k, "%d variable%s", n, n == 1 ? "" : "s"),
                    chk_strf(k, "%d value%s", vals->n, vals->n == 1 ? "" : "s"));
        }
        for (int i = 0; i < vals->n; i++) {
            Operand x;
            chk_expr(k, &x, vals->items[i]);
            chk_default(k, &x);
        }
        return;
    }
    for (int i = 0; i < n; i++) {
        Operand x;
        chk_expr(k, &x, vals->items[i]);
        if (x.mode == M_INVALID) continue;
        if (t) {
            chk_assignment(k, &x, t, "variable declaration");
        } else {
            if (x.type && x.type->kind == TY_UNTYPED_NIL) {
                chk_err(k, chk_pos(vals->items[i]), DM_UNTYPED_NIL_USE, "variable declaration");
                continue;
            }
            chk_assignment(k, &x, NULL, "variable declaration");
            objs[i]->type = x.type ? x.type : k->c->invalid_t;
            spec->u.value_spec.names.items[i]->type = objs[i]->type;
        }
        if (global) {
            ChkInit one = {arena_alloc(&k->c->arena, sizeof(Obj *)), 1, vals->items[i]};
            one.lhs[0] = objs[i];
            VEC_PUSH(k->prog->inits, one);
        }
    }
}

/* ---- local declarations ---- */

void chk_decl_stmt(Checker *k, Node *decl) {
    if (decl->u.gen_decl.tok == TK_CONST) {
        Node *prev = NULL;
        for (int s = 0; s < decl->u.gen_decl.specs.n; s++) {
            Node *spec = decl->u.gen_decl.specs.items[s];
            if (spec->u.value_spec.values.n || spec->u.value_spec.type) prev = spec;
            else spec->obj = (Obj *)prev;
            int n = spec->u.value_spec.names.n;
            Obj **objs = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)n);
            for (int i = 0; i < n; i++) {
                Node *nm = spec->u.value_spec.names.items[i];
                Obj *o = ty_obj(k->c, OBJ_CONST, nm->u.ident.name, k->c->invalid_t, nm->pos);
                o->pkg = k->pkg;
                o->decl = nm;
                o->flags |= OBJF_USED;
                nm->obj = strcmp(o->name, "_") ? o : NULL;
                ConstVal *si = k->iota;
                check_const_value(k, o, spec, i);
                k->iota = si;
                nm->type = o->type;
                nm->cv = o->cv;
                objs[i] = o;
            }
            for (int i = 0; i < n; i++) chk_declare(k, k->scope, objs[i], spec->u.value_spec.names.items[i]);
        }
        return;
    }
    if (decl->u.gen_decl.tok == TK_VAR) {
        for (int s = 0; s < decl->u.gen_decl.specs.n; s++) {
            Node *spec = decl->u.gen_decl.specs.items[s];
            int n = spec->u.value_spec.names.n;
            Obj **objs = arena_alloc(&k->c->arena, sizeof(Obj *) * (size_t)n);
            for (int i = 0; i < n; i++) {
                Node *nm = spec->u.value_spec.names.items[i];
                Obj *o = ty_obj(k->c, OBJ_VAR, nm->u.ident.name, k->c->invalid_t, nm->pos);
                o->pkg = k->pkg;
                o->decl = nm;
                nm->obj = strcmp(o->name, "_") ? o : NULL;
                objs[i] = o;
            }
            check_var_spec(k, spec, objs, 0);
            /* declared after the values are checked: var x = x refers to the outer x */
            for (int i = 0; i < n; i++) {
                Node *nm = spec->u.value_spec.names.items[i];
                if (!objs[i]->type || objs[i]->type->kind == TY_INVALID) objs[i]->flags |= OBJF_USED;
                nm->type = objs[i]->type;
                if (nm->obj) chk_add_local(k, objs[i]);
                chk_declare(k, k->scope, objs[i], nm);
            }
        }
        return;
    }
    if (decl->u.gen_decl.tok == TK_TYPE) {
        for (int s = 0; s < decl->u.gen_decl.specs.n; s++) {
            Node *spec = decl->u.gen_decl.specs.items[s];
            Node *nm = spec->u.type_spec.name;
            Obj *o = ty_obj(k->c, OBJ_TYPE, nm->u.ident.name, NULL, nm->pos);
            o->pkg = k->pkg;
            o->decl = spec;
            o->spec = spec;
            o->flags |= OBJF_USED;
            nm->obj = o;
            if (!spec->u.type_spec.assign) o->type = ty_named(k->c, o, NULL);
            chk_declare(k, k->scope, o, nm);
            /* local types resolve in the current scope */
            o->state = 1;
            Obj *sd = k->decl_obj;
            if (spec->u.type_spec.assign) o->type = chk_typexpr(k, spec->u.type_spec.type);
            else resolve_type(k, o);
            k->decl_obj = sd;
            o->state = 2;
            nm->type = o->type;
        }
    }
}

/* ---- methods ---- */

static void collect_method(Checker *k, Node *fd) {
    Node *recv = fd->u.func_decl.recv.items[0];
    Node *tn = recv->u.field.type;
    int ptr = 0;
    while (tn->kind == AST_PAREN) tn = tn->u.unary.x;
    if (tn->kind == AST_STAR) {
        ptr = 1;
        tn = tn->u.unary.x;
        while (tn->kind == AST_PAREN) tn = tn->u.unary.x;
    }
    Node *name = fd->u.func_decl.name;
    Obj *m = ty_obj(k->c, OBJ_FUNC, name->u.ident.name, NULL, name->pos);
    m->flags = OBJF_METHOD | (ptr ? OBJF_PTR_RECV : 0) | (k->native ? OBJF_NATIVE : 0);
    m->pkg = k->pkg;
    m->decl = fd;
    m->spec = fd;
    name->obj = m;
    if (tn->kind == AST_INDEX) {
        chk_err(k, tn->pos, DM_UNSUPPORTED, "generics");
        return;
    }
    if (tn->kind != AST_IDENT) {
        chk_err(k, tn->pos, DM_INVALID_RECV, chk_exprstr(k, recv->u.field.type));
        return;
    }
    Obj *to = ty_lookup(k->file_scope, tn->u.ident.name, NULL);
    if (to && to->kind == OBJ_TYPE && to->pkg != k->pkg) {
        Pos rp = recv->u.field.names.n ? recv->u.field.names.items[0]->pos : recv->u.field.type->pos;
        chk_err(k, rp, DM_NONLOCAL_METHOD, tn->u.ident.name);
        return;
    }
    if (!to) {
        chk_err(k, tn->pos, DM_UNDEFINED, tn->u.ident.name);
        return;
    }
    if (to->kind != OBJ_TYPE) {
        chk_err(k, tn->pos, DM_NOT_TYPE, tn->u.ident.name);
        return;
    }
    chk_resolve_obj(k, to);
    Type *base = to->type;
    tn->obj = to;
    tn->type = base;
    to->flags |= OBJF_USED;
    Type *bu = ty_under(base);
    if (!base || base->kind != TY_NAMED || !bu || bu->kind == TY_POINTER || bu->kind == TY_INTERFACE) {
        if (base && base->kind != TY_INVALID)
            chk_err(k, tn->pos, DM_INVALID_RECV, chk_exprstr(k, recv->u.field.type));
        return;
    }
    /* duplicate method or field of the same name */
    for (int i = 0; i < base->u.named.nmethods; i++) {
        Obj *p = base->u.named.methods[i];
        if (!strcmp(p->name, m->name) && strcmp(m->name, "_")) {
            chk_err(k, m->pos, DM_METHOD_REDECLARED, to->name, m->name, k->dl->path, p->pos.line, p->pos.col,
                    m->name);
            return;
        }
    }
    if (bu->kind == TY_STRUCT) {
        for (int i = 0; i < bu->u.strct.nfields; i++)
            if (!strcmp(bu->u.strct.fields[i]->name, m->name)) {
                Obj *f = bu->u.strct.fields[i];
                chk_err(k, m->pos, DM_FIELD_AND_METHOD, m->name, k->dl->path, f->pos.line, f->pos.col, m->name);
                return;
            }
    }
    m->qname = ptr ? chk_strf(k, "%s.(*%s).%s", k->pkg->path, to->name, m->name)
                   : chk_strf(k, "%s.%s.%s", k->pkg->path, to->name, m->name);
    if (strcmp(m->name, "_")) ty_add_method(k->c, base, m);
}

static void method_sig(Checker *k, Obj *m) {
    Node *fd = m->spec;
    Obj *sd = k->decl_obj;
    k->decl_obj = m;
    Scope *ss = k->scope;
    k->scope = k->file_scope;
    m->type = chk_sig(k, fd->u.func_decl.type, fd->u.func_decl.recv.items[0], NULL, NULL);
    k->scope = ss;
    k->decl_obj = sd;
    m->state = 2;
}

/* ---- function bodies ---- */

void chk_func_body(Checker *k, ChkFunc *fn, Scope *fscope) {
    ChkFunc *sfn = k->fn;
    Type *ssig = k->sig;
    Scope *ss = k->scope;
    Scope *slabels = k->labels;
    int shl = k->has_labels;
    k->fn = fn;
    k->sig = fn->sig;
    k->scope = fscope;
    k->labels = NULL;
    k->has_labels = 0;
    Node *body = fn->body;
    BranchCtx bc = {0, 0, 0};
    chk_stmt_list(k, &body->u.block.stmts, bc);
    if (fn->sig->u.func.nresults > 0 && !chk_is_terminating(body, NULL))
        chk_err(k, body->u.block.rbrace, DM_MISSING_RETURN);
    chk_check_labels(k, body);
    chk_usage(k, fn);
    k->fn = sfn;
    k->sig = ssig;
    k->scope = ss;
    k->labels = slabels;
    k->has_labels = shl;
}

static void check_func_decl(Checker *k, Node *fd) {
    Node *name = fd->u.func_decl.name;
    Obj *o = name->obj;
    if (!o) return;
    if (!fd->u.func_decl.body) {
        if (!k->native) chk_err(k, name->pos, DM_MISSING_BODY);
        return;
    }
    if (fd->u.func_decl.type->u.func_type.type_params.n || !o->type || o->type->kind != TY_FUNC) return;
    ChkFunc *fn = chk_new_func(k, o, fd, NULL, NULL);
    Scope *fs = ty_scope(k->c, k->file_scope);
    fs->is_func = 1;
    fs->fn = fn;
    Obj *sd = k->decl_obj;
    k->decl_obj = o;
    /* declare the signature's objects (built when the object was resolved)
     * as the function's first locals: receiver, parameters, results */
    Type *sig = o->type;
    ChkFunc *sfn = k->fn;
    k->fn = fn;
    Obj *r = sig->u.func.recv;
    if (r) {
        chk_add_local(k, r);
        if (r->decl) r->decl->obj = strcmp(r->name, "_") ? r : NULL;
        if (r->name[0]) chk_declare(k, fs, r, r->decl);
    }
    for (int pass = 0; pass < 2; pass++) {
        int n = pass ? sig->u.func.nresults : sig->u.func.nparams;
        Obj **v = pass ? sig->u.func.results : sig->u.func.params;
        for (int i = 0; i < n; i++) {
            chk_add_local(k, v[i]);
            if (!v[i]->name[0]) continue;
            if (v[i]->decl) v[i]->decl->obj = strcmp(v[i]->name, "_") ? v[i] : NULL;
            chk_declare(k, fs, v[i], v[i]->decl);
        }
    }
    k->fn = sfn;
    fn->nparams = sig->u.func.nparams + (r ? 1 : 0);
    fn->nresults = sig->u.func.nresults;
    fd->u.func_decl.type->type = sig;
    fn->sig = sig;
    chk_func_body(k, fn, fs);
    k->decl_obj = sd;
}

/* ---- imports and packages ---- */

static const char *import_path(Checker *k, Node *lit) {
    ConstVal *cv = cv_from_lit(&k->c->arena, TK_STRING, lit->u.lit.raw, lit->u.lit.rawlen);
    return cv ? cv->s : "";
}

static void collect_imports(Checker *k, Node *root) {
    for (int i = 0; i < root->u.file.imports.n; i++) {
        Node *is = root->u.file.imports.items[i];
        const char *path = import_path(k, is->u.import_spec.path);
        Pkg *p = chk_load_package(k, path);
        if (!p) {
            /* Go's own answer for a package it cannot find depends on GOPATH
             * and modules; goro-viz only has its built-in packages */
            if (!k->native)
                chk_err(k, is->u.import_spec.path->pos, DM_UNSUPPORTED_ONE, chk_strf(k, "package %s", path));
            continue;
        }
        const char *name = p->name;
        Node *nm = is->u.import_spec.name;
        if (nm) {
            name = nm->u.ident.name;
            if (!strcmp(name, ".")) {
                chk_err(k, nm->pos, DM_UNSUPPORTED, "dot imports");
                continue;
            }
            if (!strcmp(name, "_")) continue;
        }
        Obj *o = ty_obj(k->c, OBJ_PKG, name, NULL, nm ? nm->pos : is->u.import_spec.path->pos);
        o->ref = p;
        o->decl = is;
        o->pkg = k->pkg;
        if (nm) nm->obj = o;
        is->obj = o;
        Obj *prev = ty_scope_insert(k->c, k->file_scope, o);
        if (prev) {
            chk_err(k, o->pos, DM_REDECLARED, name, k->dl->path, prev->pos.line, prev->pos.col, name);
            continue;
        }
        VEC_PUSH(k->imports_objs, o);
    }
}

static void collect_decls(Checker *k, Node *root) {
    for (int d = 0; d < root->u.file.decls.n; d++) {
        Node *decl = root->u.file.decls.items[d];
        if (decl->kind == AST_FUNC_DECL) {
            VEC_PUSH(k->func_decls, decl);
            if (decl->u.func_decl.recv.n) continue;
            Node *name = decl->u.func_decl.name;
            Obj *o = ty_obj(k->c, OBJ_FUNC, name->u.ident.name, NULL, name->pos);
            o->pkg = k->pkg;
            o->decl = decl;
            o->spec = decl;
            o->order = k->pkg_objs.len;
            o->qname = chk_strf(k, "%s.%s", k->pkg->path, o->name);
            if (k->native) o->flags |= OBJF_NATIVE;
            name->obj = o;
            if (!strcmp(o->name, "init") && !k->native) {
                o->qname = chk_strf(k, "%s.init.%d", k->pkg->path, k->prog->init_funcs.len); /* as Go */
                if (decl->u.func_decl.type->u.func_type.params.n || decl->u.func_decl.type->u.func_type.results.n)
                    chk_err(k, name->pos, DM_FUNC_INIT_SIG);
                VEC_PUSH(k->prog->init_funcs, o);
                VEC_PUSH(k->pkg_objs, o);
                continue;
            }
            if (!strcmp(o->name, "main") && !k->native) {
                if (decl->u.func_decl.type->u.func_type.params.n || decl->u.func_decl.type->u.func_type.results.n)
                    chk_err(k, name->pos, DM_FUNC_MAIN_SIG);
                k->prog->main_func = o;
            }
            chk_declare(k, k->pkg_scope, o, name);
            VEC_PUSH(k->pkg_objs, o);
            continue;
        }
        if (decl->kind != AST_GEN_DECL) continue;
        Node *prev_const = NULL;
        for (int s = 0; s < decl->u.gen_decl.specs.n; s++) {
            Node *spec = decl->u.gen_decl.specs.items[s];
            if (spec->kind == AST_TYPE_SPEC) {
                Node *nm = spec->u.type_spec.name;
                Obj *o = ty_obj(k->c, OBJ_TYPE, nm->u.ident.name, NULL, nm->pos);
                o->pkg = k->pkg;
                o->decl = spec;
                o->spec = spec;
                o->order = k->pkg_objs.len;
                o->flags |= OBJF_USED;
                if (!spec->u.type_spec.assign) o->type = ty_named(k->c, o, NULL);
                nm->obj = o;
                chk_declare(k, k->pkg_scope, o, nm);
                VEC_PUSH(k->pkg_objs, o);
                continue;
            }
            if (spec->kind != AST_VALUE_SPEC) continue;
            int is_const = decl->u.gen_decl.tok == TK_CONST;
            if (is_const) {
                if (spec->u.value_spec.values.n || spec->u.value_spec.type) prev_const = spec;
                else spec->obj = (Obj *)prev_const;
            }
            for (int i = 0; i < spec->u.value_spec.names.n; i++) {
                Node *nm = spec->u.value_spec.names.items[i];
                Obj *o = ty_obj(k->c, is_const ? OBJ_CONST : OBJ_VAR, nm->u.ident.name, NULL, nm->pos);
                o->pkg = k->pkg;
                o->decl = nm;
                o->spec = spec;
                o->spec_i = i;
                o->order = k->pkg_objs.len;
                o->flags |= OBJF_USED;
                nm->obj = strcmp(o->name, "_") ? o : NULL;
                nm->cv = (ConstVal *)o; /* stash for resolve_var; cleared after */
                if (k->native) o->qname = chk_strf(k, "%s.%s", k->pkg->path, o->name);
                if (!is_const) {
                    o->flags |= OBJF_GLOBAL;
                    o->index = k->native ? -1 : k->prog->globals.len;
                    if (!k->native) VEC_PUSH(k->prog->globals, o);
                }
                chk_declare(k, k->pkg_scope, o, nm);
                VEC_PUSH(k->pkg_objs, o);
            }
        }
    }
}

/* ---- package initialisation order (the Go spec: repeatedly the earliest
 * variable in declaration order that is ready) ---- */

typedef struct InitKey {
    ChkInit init;
    int rank, seq;
} InitKey;

static int cmp_init_key(const void *a, const void *b) {
    const InitKey *x = a, *y = b;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

typedef struct IntVec {
    int *items;
    int len, cap;
} IntVec;

/* variables reached from o's dependencies, through functions and methods */
static void var_deps(Obj *o, int stamp, IntVec *out, int depth) {
    DepList *d = o->deps;
    if (!d || depth > 10000) return;
    for (int i = 0; i < d->len; i++) {
        Obj *t = d->items[i];
        if (t->mark == stamp) continue;
        t->mark = stamp;
        if (t->kind == OBJ_VAR) {
            VEC_PUSH(*out, t->index);
        } else {
            var_deps(t, stamp, out, depth + 1);
        }
    }
}

static void heap_push(IntVec *h, int v) {
    VEC_PUSH(*h, v);
    int i = h->len - 1;
    while (i > 0 && h->items[(i - 1) / 2] > h->items[i]) {
        int p = (i - 1) / 2, t = h->items[p];
        h->items[p] = h->items[i];
        h->items[i] = t;
        i = p;
    }
}

static int heap_pop(IntVec *h) {
    int top = h->items[0];
    h->items[0] = h->items[--h->len];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->len && h->items[l] < h->items[m]) m = l;
        if (r < h->len && h->items[r] < h->items[m]) m = r;
        if (m == i) break;
        int t = h->items[m];
        h->items[m] = h->items[i];
        h->items[i] = t;
        i = m;
    }
    return top;
}

static void order_inits(Checker *k) {
    int n = k->prog->globals.len;
    if (n == 0) return;
    Obj **vars = k->prog->globals.items;
    IntVec *rev = mem_alloc(sizeof(IntVec) * (size_t)n); /* rev[j]: vars waiting for j */
    int *indeg = mem_alloc(sizeof(int) * (size_t)n);
    int *rank = mem_alloc(sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) {
        IntVec deps = {0};
        vars[i]->mark = i + 1;
        var_deps(vars[i], i + 1, &deps, 0);
        for (int d = 0; d < deps.len; d++) {
            int j = deps.items[d];
            if (j == i || j < 0 || j >= n) continue; /* self-reference: a cycle, Go reports it */
            VEC_PUSH(rev[j], i);
            indeg[i]++;
        }
        VEC_FREE(deps);
    }
    IntVec heap = {0};
    for (int i = 0; i < n; i++)
        if (!indeg[i]) heap_push(&heap, i);
    int r = 0;
    while (heap.len) {
        int i = heap_pop(&heap);
        rank[i] = r++;
        for (int q = 0; q < rev[i].len; q++)
            if (--indeg[rev[i].items[q]] == 0) heap_push(&heap, rev[i].items[q]);
    }
    for (int i = 0; i < n; i++)
        if (indeg[i] > 0) rank[i] = r++; /* cycles: declaration order */
    VEC_FREE(heap);
    for (int i = 0; i < n; i++) VEC_FREE(rev[i]);
    mem_free(rev, sizeof(IntVec) * (size_t)n);
    mem_free(indeg, sizeof(int) * (size_t)n);
    ChkInit *v = k->prog->inits.items;
    int m = k->prog->inits.len;
    if (m > 1) {
        InitKey *keys = mem_alloc(sizeof(InitKey) * (size_t)m);
        for (int i = 0; i < m; i++) {
            keys[i].init = v[i];
            int gi = v[i].lhs[0]->index;
            keys[i].rank = gi >= 0 && gi < n ? rank[gi] : n;
            keys[i].seq = i;
        }
        qsort(keys, (size_t)m, sizeof(InitKey), cmp_init_key);
        for (int i = 0; i < m; i++) v[i] = keys[i].init;
        mem_free(keys, sizeof(InitKey) * (size_t)m);
    }
    mem_free(rank, sizeof(int) * (size_t)n);
}

static void unused_imports(Checker *k) {
    for (int i = 0; i < k->imports_objs.len; i++) {
        Obj *o = k->imports_objs.items[i];
        if (o->flags & OBJF_USED) continue;
        Node *is = o->decl;
        const char *path = o->ref->path;
        if (is->u.import_spec.name && strcmp(o->name, o->ref->name))
            chk_err(k, is->u.import_spec.name->pos, DM_IMPORTED_AS_NOT_USED, path, o->name);
        else
            chk_err(k, is->u.import_spec.path->pos, DM_IMPORTED_NOT_USED, chk_strf(k, "\"%s\"", path));
    }
}

/* ---- value cycles among named types (type T struct{ next T }) ---- */

typedef struct CycleCtx {
    Checker *k;
    Type **stack;
    int n, cap;
} CycleCtx;

static void cycle_visit(CycleCtx *cc, Type *t);

static void cycle_under(CycleCtx *cc, Type *u) {
    if (!u) return;
    switch (u->kind) {
    case TY_NAMED: cycle_visit(cc, u); break;
    case TY_ARRAY: cycle_under(cc, u->u.array.elem); break;
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.nfields; i++) cycle_under(cc, u->u.strct.fields[i]->type);
        break;
    default: break;
    }
}

static void cycle_visit(CycleCtx *cc, Type *t) {
    Obj *o = t->u.named.obj;
    if (o->pkg != cc->k->pkg || o->state == 3) return; /* 3: cycle-checked */
    for (int i = 0; i < cc->n; i++) {
        if (cc->stack[i] != t) continue;
        /* a cycle stack[i..n): report at its first object in source order */
        int first = i;
        for (int j = i; j < cc->n; j++)
            if (cc->stack[j]->u.named.obj->order < cc->stack[first]->u.named.obj->order) first = j;
        Checker *k = cc->k;
        int len = cc->n - i;
        char *tail = chk_strf(k, "");
        for (int j = 0; j < len; j++) {
            Obj *oj = cc->stack[i + (first - i + j) % len]->u.named.obj;
            tail = chk_strf(k, "%s\n\t%s:%d:%d: %s refers to", tail, k->dl->path, oj->pos.line, oj->pos.col, oj->name);
        }
        Obj *of = cc->stack[first]->u.named.obj;
        tail = chk_strf(k, "%s\n\t%s:%d:%d: %s", tail, k->dl->path, of->pos.line, of->pos.col, of->name);
        chk_err(k, of->pos, DM_INVALID_RECURSIVE_CYCLE, of->name, tail);
        for (int j = i; j < cc->n; j++) cc->stack[j]->u.named.under = k->c->invalid_t; /* break it */
        return;
    }
    if (cc->n == cc->cap) {
        int nc = cc->cap ? cc->cap * 2 : 16;
        cc->stack = mem_realloc(cc->stack, sizeof(Type *) * (size_t)cc->cap, sizeof(Type *) * (size_t)nc);
        cc->cap = nc;
    }
    cc->stack[cc->n++] = t;
    cycle_under(cc, t->u.named.under);
    cc->n--;
    o->state = 3;
}

static void check_type_cycles(Checker *k) {
    CycleCtx cc = {k, NULL, 0, 0};
    for (int i = 0; i < k->pkg_objs.len; i++) {
        Obj *o = k->pkg_objs.items[i];
        if (o->kind == OBJ_TYPE && o->type && o->type->kind == TY_NAMED) cycle_visit(&cc, o->type);
    }
    for (int i = 0; i < k->pkg_objs.len; i++)
        if (k->pkg_objs.items[i]->state == 3) k->pkg_objs.items[i]->state = 2;
    mem_free(cc.stack, sizeof(Type *) * (size_t)cc.cap);
}

/* Check one file's package (main, or a built-in API package when native). */
static void check_package(Checker *k, Node *root) {
    collect_imports(k, root);
    collect_decls(k, root);
    /* types first, then method signatures, then the rest in source order */
    for (int i = 0; i < k->pkg_objs.len; i++)
        if (k->pkg_objs.items[i]->kind == OBJ_TYPE) chk_resolve_obj(k, k->pkg_objs.items[i]);
    check_type_cycles(k);
    VEC(Obj *) methods = {0};
    for (int i = 0; i < k->func_decls.len; i++) {
        Node *fd = k->func_decls.items[i];
        if (!fd->u.func_decl.recv.n) continue;
        collect_method(k, fd);
        if (fd->u.func_decl.name->obj) VEC_PUSH(methods, fd->u.func_decl.name->obj);
    }
    for (int i = 0; i < methods.len; i++) method_sig(k, methods.items[i]);
    VEC_FREE(methods);
    for (int i = 0; i < k->pkg_objs.len; i++) chk_resolve_obj(k, k->pkg_objs.items[i]);
    for (int i = 0; i < k->pkg_objs.len; i++) {
        Obj *o = k->pkg_objs.items[i];
        if (o->kind == OBJ_VAR || o->kind == OBJ_CONST) o->decl->cv = o->kind == OBJ_CONST ? o->cv : NULL;
        if (o->kind == OBJ_CONST && o->decl) o->decl->type = o->type;
    }
    for (int i = 0; i < k->func_decls.len; i++) {
        Node *fd = k->func_decls.items[i];
        if (fd->u.func_decl.name->obj && fd->u.func_decl.name->obj->type) check_func_decl(k, fd);
    }
    if (!k->native) {
        order_inits(k);
        unused_imports(k);
    }
    chk_apply_rewrites(k);
}

static Checker *new_checker(ChkProgram *prog, DiagList *dl, AstFile *file, Pkg *pkg) {
    Checker *k = mem_alloc(sizeof *k);
    k->c = &prog->ty;
    k->prog = prog;
    k->dl = dl;
    k->file = file;
    k->pkg = pkg;
    k->pkg_scope = pkg->scope;
    k->file_scope = ty_scope(k->c, pkg->scope);
    k->scope = k->file_scope;
    return k;
}

static void free_checker(Checker *k) {
    VEC_FREE(k->pkg_objs);
    VEC_FREE(k->func_decls);
    VEC_FREE(k->imports_objs);
    VEC_FREE(k->delayed_lits);
    VEC_FREE(k->rewrites);
    mem_free(k, sizeof *k);
}

Pkg *chk_load_package(Checker *k, const char *path) {
    ChkProgram *prog = k->prog;
    for (int i = 0; i < prog->imports.len; i++)
        if (!strcmp(prog->imports.items[i]->path, path)) return prog->imports.items[i];
    const char *text = chk_api_source(path);
    if (!text) return NULL;
    SrcFile *src = mem_alloc(sizeof *src);
    const char *slash = strrchr(path, '/');
    char fname[128];
    snprintf(fname, sizeof fname, "<api %s>", path);
    src_from_string(src, fname, text, strlen(text));
    AstFile *af = mem_alloc(sizeof *af);
    DiagList dl;
    diag_init(&dl, src->path);
    parse_file(af, src, &dl);
    VEC_PUSH(prog->api_files, af);
    Pkg *p = arena_alloc(&k->c->arena, sizeof *p);
    p->path = arena_strndup(&k->c->arena, path, strlen(path));
    p->name = arena_strndup(&k->c->arena, slash ? slash + 1 : path, strlen(slash ? slash + 1 : path));
    p->native = 1;
    p->scope = ty_scope(k->c, k->c->universe);
    VEC_PUSH(prog->imports, p);
    if (af->root) {
        Checker *nk = new_checker(prog, &dl, af, p);
        nk->native = 1;
        int saved = prog->nerrors;
        check_package(nk, af->root);
        prog->nerrors = saved;
        free_checker(nk);
    }
    if (diag_count(&dl)) { /* our own API sources must be clean */
        diag_print(&dl, stderr);
        GORO_ASSERT(!"built-in package API source has errors");
    }
    diag_free(&dl);
    return p;
}

int chk_file(ChkProgram *out, AstFile *file, DiagList *diags) {
    memset(out, 0, sizeof *out);
    ty_init(&out->ty);
    if (!file->root) return 0;
    Pkg *p = arena_alloc(&out->ty.arena, sizeof *p);
    p->path = "main";
    p->name = "main";
    p->scope = ty_scope(&out->ty, out->ty.universe);
    out->pkg = p;
    out->ty.cur_pkg = p;
    Checker *k = new_checker(out, diags, file, p);
    Node *pn = file->root->u.file.package_name;
    if (pn && strcmp(pn->u.ident.name, "main")) {
        chk_err(k, pn->pos, DM_NOT_MAIN_PKG, pn->u.ident.name);
    } else {
        check_package(k, file->root);
    }
    int n = k->nerr;
    free_checker(k);
    return n;
}

void chk_free(ChkProgram *p) {
    for (int i = 0; i < p->funcs.len; i++) {
        ChkFunc *f = p->funcs.items[i];
        VEC_FREE(f->locals);
        VEC_FREE(f->captures);
        mem_free(f, sizeof *f);
    }
    VEC_FREE(p->funcs);
    VEC_FREE(p->imports);
    VEC_FREE(p->globals);
    VEC_FREE(p->inits);
    VEC_FREE(p->init_funcs);
    for (int i = 0; i < p->api_files.len; i++) {
        AstFile *af = p->api_files.items[i];
        SrcFile *src = (SrcFile *)af->src;
        ast_free(af);
        if (src) {
            src_free(src);
            mem_free(src, sizeof *src);
        }
        mem_free(af, sizeof *af);
    }
    VEC_FREE(p->api_files);
    ty_free(&p->ty);
    memset(p, 0, sizeof *p);
}
