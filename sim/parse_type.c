/* parse_type: types (type literals, parameter lists, struct and interface
 * bodies, type parameters and constraints), after Go 1.19's
 * syntax/parser.go. Every function implementing a grammar rule is headed by
 * the rule, in the Go spec's EBNF.
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "parse_int.h"

/* Type = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" . */
Node *p_type(Parser *p) {
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "expecting type");
        p_advance(p, 6, TK_COMMA, TK_COLON, TK_SEMICOLON, TK_RPAREN, TK_RBRACK, TK_RBRACE);
    }
    return t;
}

Node *p_new_indirect(Parser *p, Pos pos, Node *typ) {
    Node *o = p_new(p, AST_STAR, pos);
    o->u.unary.op = TK_MUL;
    o->u.unary.x = typ;
    o->end = typ ? typ->end : pos;
    return o;
}

/* ElementType = Type . (of a channel) */
static Node *chan_elem(Parser *p) {
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "missing channel element type");
    }
    return t;
}

/* TypeArgs = "[" TypeList [ "," ] "]" .  (in a type context) */
static Node *type_instance(Parser *p, Node *typ) {
    Pos pos = p->pos;
    p_unsupported_generics(p, pos);
    p_want(p, TK_LBRACK);
    Node *x = p_new(p, AST_INDEX, typ->pos);
    x->u.index.x = typ;
    x->u.index.lbrack = pos;
    if (p->tok == TK_RBRACK) {
        p_syntax_error(p, "expecting type");
        Node *b = p_bad_expr(p);
        x->u.index.indices = ast_list(p->a, &b, 1);
    } else {
        int comma;
        x->u.index.indices = p_type_list(p, &comma);
    }
    x->u.index.rbrack = p->pos;
    p_want(p, TK_RBRACK);
    p_fin(p, x);
    return x;
}

/* TypeName = identifier | PackageName "." identifier . */
Node *p_qualified_name(Parser *p, Node *name) {
    Node *x;
    if (name) x = name;
    else if (p->tok == TK_IDENT) x = p_name(p);
    else {
        x = p_ident(p, p->pos, "_", 1);
        p_syntax_error(p, "expecting name");
        p_advance(p, 3, TK_PERIOD, TK_SEMICOLON, TK_RBRACE);
    }
    if (p->tok == TK_PERIOD) {
        Node *s = p_new(p, AST_SELECTOR, x->pos);
        p_next(p);
        s->u.selector.x = x;
        s->u.selector.sel = p_name(p);
        p_fin(p, s);
        x = s;
    }
    if (p->tok == TK_LBRACK) x = type_instance(p, x);
    return x;
}

/* ArrayType = "[" ArrayLength "]" ElementType .  ("[" already consumed) */
Node *p_array_type(Parser *p, Pos pos, Node *len) {
    if (!len) {
        if (p->tok == TK_ELLIPSIS) {
            len = p_new(p, AST_ELLIPSIS, p->pos);
            p_next(p);
        } else {
            p->xnest++;
            len = p_expr(p);
            p->xnest--;
        }
    }
    if (p->tok == TK_COMMA) {
        /* Go 1.19: reported with its own "unexpected comma" text */
        p_syntax_error(p, "unexpected comma; expecting ]");
        p_next(p);
    }
    p_want(p, TK_RBRACK);
    Node *t = p_new(p, AST_ARRAY_TYPE, pos);
    t->u.array_type.len = len;
    t->u.array_type.elem = p_type(p);
    p_fin(p, t);
    return t;
}

/* SliceType = "[" "]" ElementType . */
Node *p_slice_type(Parser *p, Pos pos) {
    Node *t = p_new(p, AST_ARRAY_TYPE, pos);
    t->u.array_type.elem = p_type(p);
    p_fin(p, t);
    return t;
}

/* field: one Go-style parameter (at most one name) before grouping. */
static Node *new_field(Parser *p, Pos pos, Node *name, Node *typ) {
    Node *f = p_new(p, AST_FIELD, pos);
    if (name) f->u.field.names = ast_list(p->a, &name, 1);
    f->u.field.type = typ;
    return f;
}

static Node *field_name(Node *f) { return f->u.field.names.n ? f->u.field.names.items[0] : NULL; }

static Pos start_pos(const Node *n) {
    for (;;) {
        switch (n->kind) {
        case AST_BINARY: case AST_KEY_VALUE: n = n->u.binary.x; break;
        default: return n->pos;
        }
    }
}

/* EmbeddedTerm (of a constraint) = [ "~" ] Type . */
static Node *embedded_term(Parser *p) {
    if (p->tok == TK_TILDE) {
        Node *t = p_new(p, AST_UNARY, p->pos);
        t->u.unary.op = TK_TILDE;
        p_unsupported_generics(p, p->pos);
        p_next(p);
        t->u.unary.x = p_type(p);
        p_fin(p, t);
        return t;
    }
    Node *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "expecting ~ term or type");
        p_advance(p, 5, P_OPCLASS, TK_SEMICOLON, TK_RPAREN, TK_RBRACK, TK_RBRACE);
    }
    return t;
}

/* EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm } . */
static Node *embedded_elem(Parser *p, Node *f) {
    if (!f) {
        f = new_field(p, p->pos, NULL, NULL);
        f->u.field.type = embedded_term(p);
    }
    while (p->tok == TK_OR) {
        Node *t = p_new(p, AST_BINARY, p->pos);
        p_unsupported_generics(p, p->pos);
        t->u.binary.op = TK_OR;
        p_next(p);
        t->u.binary.x = f->u.field.type;
        t->u.binary.y = embedded_term(p);
        p_fin(p, t);
        f->u.field.type = t;
    }
    return f;
}

/* arrayOrTArgs: "[" ... "]" after a name in a parameter or field: an array
 * type or type arguments (an INDEX whose x the caller fills). */
static Node *array_or_targs(Parser *p) {
    Pos pos = p->pos;
    p_want(p, TK_LBRACK);
    if (p_got(p, TK_RBRACK)) return p_slice_type(p, pos);
    int comma;
    NodeList n = p_type_list(p, &comma);
    p_want(p, TK_RBRACK);
    if (!comma) {
        Node *elem = p_type_or_nil(p);
        if (elem) {
            Node *t = p_new(p, AST_ARRAY_TYPE, pos);
            t->u.array_type.len = n.items[0];
            t->u.array_type.elem = elem;
            p_fin(p, t);
            return t;
        }
    }
    p_unsupported_generics(p, pos);
    Node *t = p_new(p, AST_INDEX, pos);
    t->u.index.indices = n;
    t->u.index.lbrack = pos;
    p_fin(p, t);
    return t;
}

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .  (one name at most) */
static Node *param_decl_or_nil(Parser *p, Node *name, TokKind follow) {
    int type_sets_ok = follow == TK_RBRACK;
    Pos pos = p->pos;
    if (name) pos = name->pos;
    else if (type_sets_ok && p->tok == TK_TILDE) return embedded_elem(p, NULL);
    Node *f = new_field(p, pos, NULL, NULL);
    if (p->tok == TK_IDENT || name) {
        if (!name) name = p_name(p);
        if (p->tok == TK_LBRACK) {
            Node *t = array_or_targs(p);
            if (t->kind == AST_INDEX) {
                t->u.index.x = name;
                t->pos = name->pos;
                f->u.field.type = t;
            } else {
                f->u.field.type = t;
                f->u.field.names = ast_list(p->a, &name, 1);
            }
            if (type_sets_ok && p->tok == TK_OR) f = embedded_elem(p, f);
            return f;
        }
        if (p->tok == TK_PERIOD) {
            f->u.field.type = p_qualified_name(p, name);
            if (type_sets_ok && p->tok == TK_OR) f = embedded_elem(p, f);
            return f;
        }
        if (type_sets_ok && p->tok == TK_OR) {
            f->u.field.type = name;
            return embedded_elem(p, f);
        }
        f->u.field.names = ast_list(p->a, &name, 1);
    }
    if (p->tok == TK_ELLIPSIS) {
        Node *t = p_new(p, AST_ELLIPSIS, p->pos);
        p_next(p);
        t->u.unary.x = p_type_or_nil(p);
        if (!t->u.unary.x) {
            t->u.unary.x = p_bad_expr(p);
            p_syntax_error(p, "... is missing type");
        }
        p_fin(p, t);
        f->u.field.type = t;
        return f;
    }
    if (type_sets_ok && p->tok == TK_TILDE) {
        f->u.field.type = embedded_elem(p, NULL)->u.field.type;
        return f;
    }
    f->u.field.type = p_type_or_nil(p);
    if (type_sets_ok && p->tok == TK_OR && f->u.field.type) f = embedded_elem(p, f);
    if (f->u.field.names.n || f->u.field.type) return f;
    char msg[64];
    snprintf(msg, sizeof msg, "expecting %s", p_tokstring(follow));
    p_syntax_error(p, msg);
    p_advance(p, 2, TK_COMMA, follow);
    return NULL;
}

typedef struct ParamCtx {
    Node *name, *typ;
    TokKind close;
    int named, typed, base;
} ParamCtx;

/* one ParameterDecl of a ParameterList (the first may be pre-parsed) */
static int param_item(Parser *p, void *vctx) {
    ParamCtx *c = vctx;
    Node *par;
    if (c->typ) par = new_field(p, c->name->pos, c->name, c->typ);
    else par = param_decl_or_nil(p, c->name, c->close);
    c->name = c->typ = NULL;
    if (par) {
        if (par->u.field.names.n && par->u.field.type) c->named++;
        if (par->u.field.type) c->typed++;
        p_push(p, par);
    }
    return 0;
}

/* group: merge consecutive named parameters sharing one type node into one
 * FIELD (a, b int), as go/ast groups them. */
static NodeList group_params(Parser *p, int base) {
    int out = base;
    for (int i = base; i < p->stk.len; i++) {
        Node *f = p->stk.items[i];
        Node *prev = out > base ? p->stk.items[out - 1] : NULL;
        if (prev && prev->u.field.type == f->u.field.type && prev->u.field.names.n && f->u.field.names.n) {
            int n = prev->u.field.names.n;
            Node **items = arena_alloc(p->a, sizeof(Node *) * (size_t)(n + 1));
            memcpy(items, prev->u.field.names.items, sizeof(Node *) * (size_t)n);
            items[n] = f->u.field.names.items[0];
            prev->u.field.names.items = items;
            prev->u.field.names.n = n + 1;
            continue;
        }
        p->stk.items[out++] = f;
    }
    p->stk.len = out;
    return p_pop(p, base);
}

/* Parameters = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * ("(" or "[" already consumed; [close] is ")" or "]") */
NodeList p_param_list(Parser *p, Node *name, Node *typ, TokKind close, int require_names) {
    int base = p->stk.len;
    if (name && typ && p->tok == close) {
        p_next(p);
        p_push(p, new_field(p, name->pos, name, typ));
        return p_pop(p, base);
    }
    ParamCtx c = {name, typ, close, 0, 0, base};
    Pos end = p_list(p, "parameter list", TK_COMMA, close, param_item, &c);
    int n = p->stk.len - base;
    if (n == 0) return p_pop(p, base);
    Node **list = p->stk.items + base;
    if (c.named == 0 && !require_names) {
        for (int i = 0; i < n; i++) {
            Node *par = list[i];
            if (par->u.field.names.n) {
                par->u.field.type = par->u.field.names.items[0];
                par->u.field.names.n = 0;
                par->u.field.names.items = NULL;
            }
        }
    } else if (c.named != n) {
        Pos pos = {0, 0};
        Node *t = NULL;
        for (int i = n - 1; i >= 0; i--) {
            Node *par = list[i];
            if (par->u.field.type) {
                t = par->u.field.type;
                if (!par->u.field.names.n) {
                    pos = start_pos(t);
                    Node *u = p_ident(p, pos, "_", 1);
                    par->u.field.names = ast_list(p->a, &u, 1);
                }
            } else if (t) {
                par->u.field.type = t;
            } else {
                pos = field_name(par)->pos;
                Node *b = p_new(p, AST_BAD_EXPR, pos);
                par->u.field.type = b;
            }
        }
        if (pos.line) {
            const char *msg;
            if (require_names) {
                if (c.named == c.typed) {
                    pos = end;
                    msg = "missing type constraint";
                } else msg = "type parameters must be named";
            } else msg = "mixed named and unnamed parameters";
            p_syntax_error_at(p, pos, msg);
        }
    }
    return group_params(p, base);
}

/* Result = Parameters | Type . */
static NodeList func_result(Parser *p) {
    if (p_got(p, TK_LPAREN)) return p_param_list(p, NULL, NULL, TK_RPAREN, 0);
    Pos pos = p->pos;
    Node *t = p_type_or_nil(p);
    if (t) {
        Node *f = new_field(p, pos, NULL, t);
        return ast_list(p->a, &f, 1);
    }
    NodeList none = {NULL, 0};
    return none;
}

/* Signature = [ TypeParameters ] Parameters [ Result ] .  (after "func" and
 * any name; type parameters go to *[tparams]) */
Node *p_func_type(Parser *p, const char *context, NodeList *tparams) {
    Node *typ = p_new(p, AST_FUNC_TYPE, p->pos);
    typ->u.func_type.sig = p->pos;
    NodeList tp = {NULL, 0};
    if (p_got(p, TK_LBRACK)) {
        if (context[0]) {
            char msg[96];
            snprintf(msg, sizeof msg, "%s must have no type parameters", context);
            p_syntax_error_at(p, typ->pos, msg);
        } else {
            p_unsupported_generics(p, typ->pos);
        }
        if (p->tok == TK_RBRACK) {
            p_syntax_error(p, "empty type parameter list");
            p_next(p);
        } else {
            tp = p_param_list(p, NULL, NULL, TK_RBRACK, 1);
        }
    }
    p_want(p, TK_LPAREN);
    typ->u.func_type.params = p_param_list(p, NULL, NULL, TK_RPAREN, 0);
    typ->u.func_type.results = func_result(p);
    typ->u.func_type.type_params = tp;
    if (tparams) *tparams = tp;
    p_fin(p, typ);
    return typ;
}

/* FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
 * EmbeddedField = [ "*" ] TypeName [ TypeArgs ] . */
static int field_decl(Parser *p, void *ctx) {
    (void)ctx;
    Pos pos = p->pos;
    Node *f = NULL;
    switch (p->tok) {
    case TK_IDENT: {
        Node *name = p_name(p);
        if (p->tok == TK_PERIOD || (p->tok >= TK_INT && p->tok <= TK_STRING) || p->tok == TK_SEMICOLON ||
            p->tok == TK_RBRACE) {
            f = new_field(p, pos, NULL, p_qualified_name(p, name));
            f->u.field.tag = p_oliteral(p);
            break;
        }
        NodeList names = p_name_list(p, name);
        Node *typ;
        if (names.n == 1 && p->tok == TK_LBRACK) {
            typ = array_or_targs(p);
            if (typ->kind == AST_INDEX) {
                typ->u.index.x = name;
                typ->pos = name->pos;
                f = new_field(p, pos, NULL, typ);
                f->u.field.tag = p_oliteral(p);
                break;
            }
        } else {
            typ = p_type(p);
        }
        f = new_field(p, pos, NULL, typ);
        f->u.field.names = names;
        f->u.field.tag = p_oliteral(p);
        break;
    }
    case TK_MUL: {
        p_next(p);
        Node *typ;
        if (p->tok == TK_LPAREN) {
            p_syntax_error(p, "cannot parenthesize embedded type");
            p_next(p);
            typ = p_qualified_name(p, NULL);
            p_got(p, TK_RPAREN);
        } else {
            typ = p_qualified_name(p, NULL);
        }
        f = new_field(p, pos, NULL, p_new_indirect(p, pos, typ));
        f->u.field.tag = p_oliteral(p);
        break;
    }
    case TK_LPAREN: {
        p_syntax_error(p, "cannot parenthesize embedded type");
        p_next(p);
        Node *typ;
        if (p->tok == TK_MUL) {
            Pos sp = p->pos;
            p_next(p);
            typ = p_new_indirect(p, sp, p_qualified_name(p, NULL));
        } else {
            typ = p_qualified_name(p, NULL);
        }
        p_got(p, TK_RPAREN);
        f = new_field(p, pos, NULL, typ);
        f->u.field.tag = p_oliteral(p);
        break;
    }
    default:
        p_syntax_error(p, "expecting field name or embedded type");
        p_advance(p, 2, TK_SEMICOLON, TK_RBRACE);
        return 0;
    }
    p_fin(p, f);
    p_push(p, f);
    return 0;
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static Node *struct_type(Parser *p) {
    Node *t = p_new(p, AST_STRUCT_TYPE, p->pos);
    p_want(p, TK_STRUCT);
    p_want(p, TK_LBRACE);
    int base = p->stk.len;
    p_list(p, "struct type", TK_SEMICOLON, TK_RBRACE, field_decl, NULL);
    t->u.fields.fields = p_pop(p, base);
    p_fin(p, t);
    return t;
}

/* MethodSpec = MethodName Signature | InterfaceTypeName . */
static Node *method_decl(Parser *p) {
    Node *f = new_field(p, p->pos, NULL, NULL);
    Node *name = p_name(p);
    const char *context = "interface method";
    switch (p->tok) {
    case TK_LPAREN:
        f->u.field.names = ast_list(p->a, &name, 1);
        f->u.field.type = p_func_type(p, context, NULL);
        break;
    case TK_LBRACK: {
        Pos pos = p->pos;
        p_next(p);
        if (p->tok == TK_RBRACK) {
            Pos rp = p->pos;
            p_next(p);
            if (p->tok == TK_LPAREN) {
                p_error_at(p, rp, "empty type parameter list");
                f->u.field.names = ast_list(p->a, &name, 1);
                f->u.field.type = p_func_type(p, context, NULL);
            } else {
                p_error_at(p, rp, "empty type argument list");
                f->u.field.type = name;
            }
            break;
        }
        NodeList list = p_param_list(p, NULL, NULL, TK_RBRACK, 0);
        if (list.n == 0) {
            if (p->tok == TK_LPAREN) {
                f->u.field.names = ast_list(p->a, &name, 1);
                f->u.field.type = p_func_type(p, context, NULL);
            } else f->u.field.type = name;
            break;
        }
        if (list.items[0]->u.field.names.n) {
            f->u.field.names = ast_list(p->a, &name, 1);
            f->u.field.type = p_func_type(p, context, NULL);
            p_error_at(p, pos, "interface method must have no type parameters");
            break;
        }
        p_unsupported_generics(p, pos);
        Node *t = p_new(p, AST_INDEX, name->pos);
        t->u.index.x = name;
        t->u.index.lbrack = pos;
        int b2 = p->stk.len;
        for (int i = 0; i < list.n; i++) p_push(p, list.items[i]->u.field.type);
        t->u.index.indices = p_pop(p, b2);
        f->u.field.type = t;
        break;
    }
    default: f->u.field.type = p_qualified_name(p, name); break;
    }
    return f;
}

/* InterfaceElem = MethodElem | TypeElem . */
static int interface_item(Parser *p, void *ctx) {
    (void)ctx;
    Node *f = NULL;
    if (p->tok == TK_IDENT) f = method_decl(p);
    if (!f || !f->u.field.names.n) f = embedded_elem(p, f);
    p_fin(p, f);
    p_push(p, f);
    return 0;
}

/* InterfaceType = "interface" "{" { InterfaceElem ";" } "}" . */
static Node *interface_type(Parser *p) {
    Node *t = p_new(p, AST_INTERFACE_TYPE, p->pos);
    p_want(p, TK_INTERFACE);
    p_want(p, TK_LBRACE);
    int base = p->stk.len;
    p_list(p, "interface type", TK_SEMICOLON, TK_RBRACE, interface_item, NULL);
    t->u.fields.fields = p_pop(p, base);
    p_fin(p, t);
    return t;
}

/* TypeLit = ArrayType | StructType | PointerType | FunctionType |
 *           InterfaceType | SliceType | MapType | ChannelType .
 * Returns NULL (nothing consumed) if no type starts here. */
static Node *p_type_or_nil_rec(Parser *p) {
    Pos pos = p->pos;
    switch (p->tok) {
    case TK_MUL:
        p_next(p);
        return p_new_indirect(p, pos, p_type(p));
    case TK_ARROW: {
        p_next(p);
        p_want(p, TK_CHAN);
        Node *t = p_new(p, AST_CHAN_TYPE, pos);
        t->u.chan_type.dir = CHAN_RECV;
        t->u.chan_type.arrow = pos;
        t->u.chan_type.value = chan_elem(p);
        p_fin(p, t);
        return t;
    }
    case TK_FUNC: {
        p_next(p);
        Node *t = p_func_type(p, "function type", NULL);
        t->pos = pos;
        return t;
    }
    case TK_LBRACK:
        p_next(p);
        if (p_got(p, TK_RBRACK)) return p_slice_type(p, pos);
        return p_array_type(p, pos, NULL);
    case TK_CHAN: {
        p_next(p);
        Node *t = p_new(p, AST_CHAN_TYPE, pos);
        if (p->tok == TK_ARROW) {
            t->u.chan_type.arrow = p->pos;
            p_next(p);
            t->u.chan_type.dir = CHAN_SEND;
        }
        t->u.chan_type.value = chan_elem(p);
        p_fin(p, t);
        return t;
    }
    case TK_MAP: {
        p_next(p);
        p_want(p, TK_LBRACK);
        Node *t = p_new(p, AST_MAP_TYPE, pos);
        t->u.map_type.key = p_type(p);
        p_want(p, TK_RBRACK);
        t->u.map_type.value = p_type(p);
        p_fin(p, t);
        return t;
    }
    case TK_STRUCT: return struct_type(p);
    case TK_INTERFACE: return interface_type(p);
    case TK_IDENT: return p_qualified_name(p, NULL);
    case TK_LPAREN: {
        p_next(p);
        Node *t = p_type(p);
        p_want(p, TK_RPAREN);
        return t;
    }
    default: return NULL;
    }
}

Node *p_type_or_nil(Parser *p) {
    if (!p_enter(p)) {
        p_leave(p);
        return NULL;
    }
    Node *r = p_type_or_nil_rec(p);
    p_leave(p);
    return r;
}

