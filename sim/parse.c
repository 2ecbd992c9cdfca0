/* parse: parser core (tokens, errors, recovery), types, declarations and the
 * source file, after Go 1.19's cmd/compile/internal/syntax/parser.go.
 *
 * Invariants: see parse_int.h. Every function implementing a grammar rule is
 * headed by the rule, in the Go spec's EBNF.
 */
#include "parse.h"

#include <stdarg.h>
#include <string.h>

#include "parse_int.h"

/* ================================================================ tokens */

void p_next(Parser *p) {
    p->prev_end.line = p->lx.line;
    p->prev_end.col = p->lx.col;
    p->t = lex_next(&p->lx);
    p->tok = p->t.kind;
    p->pos = p->t.pos;
}

int p_got(Parser *p, TokKind k) {
    if (p->tok == k) {
        p_next(p);
        return 1;
    }
    return 0;
}

const char *p_tokstring(TokKind k) {
    switch (k) {
    case TK_COMMA: return "comma";
    case TK_SEMICOLON: return "semicolon or newline";
    case TK_IDENT: return "name";
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING: return "literal";
    default: return lex_token_text(k);
    }
}

void p_want(Parser *p, TokKind k) {
    if (!p_got(p, k)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting %s", p_tokstring(k));
        p_syntax_error(p, msg);
        p_advance(p, 0);
    }
}

/* p_got_assign: accept '=' (and ':=' with an error, as Go). */
int p_got_assign(Parser *p) {
    switch (p->tok) {
    case TK_DEFINE: p_syntax_error(p, "expecting =");
    /* fallthrough */
    case TK_ASSIGN: p_next(p); return 1;
    default: return 0;
    }
}

/* ================================================================ errors */

int p_has_errors(const Parser *p) { return p->nerr + p->lx.nerr > 0; }

void p_error_at(Parser *p, Pos pos, const char *msg) {
    p->nerr++;
    if (strncmp(msg, "syntax error", 12) == 0) {
        p->nsyntax++;
        diag_syntax(p->dl, pos, DM_PARSE, msg);
    }
    else diag_add(p->dl, pos, DM_PARSE, msg);
}

static int has_prefix(const char *s, const char *pre) { return strncmp(s, pre, strlen(pre)) == 0; }

/* p_syntax_error_at: Go's syntaxErrorAt: "in/at/after ..." and "expecting
 * ..." messages get "unexpected <current token>" in front. */
void p_syntax_error_at(Parser *p, Pos pos, const char *msg) {
    if (p->tok == TK_EOF && p_has_errors(p)) return; /* avoid follow-up errors */
    const char *sep;
    if (msg[0] == 0) sep = "";
    else if (has_prefix(msg, "in ") || has_prefix(msg, "at ") || has_prefix(msg, "after ")) sep = " ";
    else if (has_prefix(msg, "expecting ")) sep = ", ";
    else {
        size_t n = strlen(msg) + 16;
        char *buf = mem_alloc(n);
        snprintf(buf, n, "syntax error: %s", msg);
        p_error_at(p, pos, buf);
        mem_free(buf, n);
        return;
    }
    const char *tok;
    int toklen;
    char tmp[24];
    switch (p->tok) {
    case TK_IDENT: tok = p->t.text, toklen = p->t.len; break;
    case TK_SEMICOLON:
        if (p->t.inserted) tok = p->t.text, toklen = (int)strlen(p->t.text);
        else tok = "semicolon", toklen = 9;
        break;
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
        tok = p->t.text, toklen = p->t.len;
        break;
    default:
        snprintf(tmp, sizeof tmp, "%s", p_tokstring(p->tok));
        tok = tmp, toklen = (int)strlen(tmp);
        break;
    }
    int lit = p->tok >= TK_INT && p->tok <= TK_STRING;
    size_t n = strlen(msg) + (size_t)toklen + 48;
    char *buf = mem_alloc(n);
    snprintf(buf, n, "syntax error: unexpected %s%.*s%s%s", lit ? "literal " : "", toklen, tok, sep, msg);
    p_error_at(p, pos, buf);
    mem_free(buf, n);
}

void p_syntax_error(Parser *p, const char *msg) { p_syntax_error_at(p, p->pos, msg); }

static void set_add(TokSet *s, TokKind k) { s->w[k >> 6] |= (uint64_t)1 << (k & 63); }

static int set_has(const TokSet *s, TokKind k) {
    if (s->w[P_OPCLASS >> 6] & ((uint64_t)1 << (P_OPCLASS & 63))) {
        /* Go's _Operator class */
        if ((lex_precedence(k) > 0 && k != TK_MUL) || k == TK_NOT || k == TK_TILDE) return 1;
    }
    return (s->w[k >> 6] >> (k & 63)) & 1;
}

void p_advance(Parser *p, int n, ...) {
    TokSet follow = {{0, 0}};
    set_add(&follow, TK_EOF);
    if (n > 0) {
        if (p->fnest > 0) {
            static const TokKind stop[] = {TK_BREAK, TK_CONST, TK_CONTINUE, TK_DEFER, TK_FALLTHROUGH,
                                           TK_FOR, TK_GO, TK_GOTO, TK_IF, TK_RETURN, TK_SELECT,
                                           TK_SWITCH, TK_TYPE, TK_VAR};
            for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++) set_add(&follow, stop[i]);
        }
        va_list ap;
        va_start(ap, n);
        for (int i = 0; i < n; i++) set_add(&follow, (TokKind)va_arg(ap, int));
        va_end(ap);
    }
    while (!set_has(&follow, p->tok)) {
        p_next(p);
        if (n == 0) break;
    }
}

/* ================================================================ nodes */

Node *p_new(Parser *p, AstKind k, Pos pos) { return ast_new(p->a, k, pos); }

void p_fin(Parser *p, Node *n) {
    if (n) n->end = p->prev_end;
}

void p_push(Parser *p, Node *n) { VEC_PUSH(p->stk, n); }

NodeList p_pop(Parser *p, int base) {
    NodeList l = ast_list(p->a, p->stk.items + base, p->stk.len - base);
    p->stk.len = base;
    return l;
}

static uint32_t hash_str(const char *s, int n) {
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const char *intern(Parser *p, const char *s, int n) {
    if (p->icount * 2 >= p->icap) {
        size_t ncap = p->icap ? p->icap * 2 : 1024;
        const char **nt = mem_alloc(sizeof *nt * ncap);
        int *nl = mem_alloc(sizeof *nl * ncap);
        for (size_t i = 0; i < p->icap; i++) {
            if (!p->itab[i]) continue;
            size_t j = hash_str(p->itab[i], p->ilen[i]) & (ncap - 1);
            while (nt[j]) j = (j + 1) & (ncap - 1);
            nt[j] = p->itab[i];
            nl[j] = p->ilen[i];
        }
        mem_free(p->itab, sizeof *p->itab * p->icap);
        mem_free(p->ilen, sizeof *p->ilen * p->icap);
        p->itab = nt;
        p->ilen = nl;
        p->icap = ncap;
    }
    size_t j = hash_str(s, n) & (p->icap - 1);
    while (p->itab[j]) {
        if (p->ilen[j] == n && memcmp(p->itab[j], s, (size_t)n) == 0) return p->itab[j];
        j = (j + 1) & (p->icap - 1);
    }
    p->itab[j] = arena_strndup(p->a, s, (size_t)n);
    p->ilen[j] = n;
    p->icount++;
    return p->itab[j];
}

Node *p_ident(Parser *p, Pos pos, const char *s, int n) {
    Node *x = p_new(p, AST_IDENT, pos);
    x->u.ident.name = intern(p, s, n);
    x->end.line = pos.line;
    x->end.col = pos.col + n;
    return x;
}

/* name: identifier; a missing one is reported and stands in as "_". */
Node *p_name(Parser *p) {
    if (p->tok == TK_IDENT) {
        Node *n = p_ident(p, p->pos, p->t.text, p->t.len);
        p_next(p);
        return n;
    }
    Node *n = p_ident(p, p->pos, "_", 1);
    p_syntax_error(p, "expecting name");
    p_advance(p, 0);
    return n;
}

/* IdentifierList = identifier { "," identifier } . */
static NodeList name_list(Parser *p, Node *first) {
    int base = p->stk.len;
    p_push(p, first);
    while (p_got(p, TK_COMMA)) p_push(p, p_name(p));
    return p_pop(p, base);
}

Node *p_bad_expr(Parser *p) { return p_new(p, AST_BAD_EXPR, p->pos); }

Pos p_list(Parser *p, const char *context, TokKind sep, TokKind close, PListFn f, void *ctx) {
    int done = 0;
    while (p->tok != TK_EOF && p->tok != close && !done) {
        done = f(p, ctx);
        if (!p_got(p, sep) && p->tok != close) {
            char msg[128];
            snprintf(msg, sizeof msg, "in %s; possibly missing %s or %s", context, p_tokstring(sep),
                     p_tokstring(close));
            p_syntax_error(p, msg);
            p_advance(p, 3, TK_RPAREN, TK_RBRACK, TK_RBRACE);
            if (p->tok != close) return p->pos;
        }
    }
    Pos pos = p->pos;
    p_want(p, close);
    return pos;
}

Node *p_oliteral(Parser *p) {
    if (p->tok >= TK_INT && p->tok <= TK_STRING) {
        Node *b = p_new(p, AST_BASIC_LIT, p->pos);
        b->u.lit.kind = p->tok;
        b->u.lit.raw = arena_strndup(p->a, p->t.text, (size_t)p->t.len);
        b->u.lit.rawlen = p->t.len;
        b->u.lit.bad = p->t.bad;
        p_next(p);
        p_fin(p, b);
        return b;
    }
    return NULL;
}

/* Generics are reported after parsing, and only if there was no syntax
 * error: go build would stop at those, and accepts generics. */
void p_unsupported_generics(Parser *p, Pos pos) { VEC_PUSH(p->generics, pos); }

/* ================================================================ types */

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

static Node *new_indirect(Parser *p, Pos pos, Node *typ) {
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
        NodeList names = name_list(p, name);
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
        f = new_field(p, pos, NULL, new_indirect(p, pos, typ));
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
            typ = new_indirect(p, sp, p_qualified_name(p, NULL));
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
        int base = p->stk.len;
        NodeList list = p_param_list(p, NULL, NULL, TK_RBRACK, 0);
        (void)base;
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
Node *p_type_or_nil(Parser *p) {
    Pos pos = p->pos;
    switch (p->tok) {
    case TK_MUL:
        p_next(p);
        return new_indirect(p, pos, p_type(p));
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

/* ================================================================ declarations */

/* ImportSpec = [ "." | PackageName ] ImportPath . */
static Node *import_spec(Parser *p) {
    Node *d = p_new(p, AST_IMPORT_SPEC, p->pos);
    switch (p->tok) {
    case TK_IDENT: d->u.import_spec.name = p_name(p); break;
    case TK_PERIOD:
        d->u.import_spec.name = p_ident(p, p->pos, ".", 1);
        p_next(p);
        break;
    default: break;
    }
    d->u.import_spec.path = p_oliteral(p);
    if (!d->u.import_spec.path) {
        p_syntax_error(p, "missing import path");
        p_advance(p, 2, TK_SEMICOLON, TK_RPAREN);
        return d;
    }
    if (!p->t.bad && d->u.import_spec.path->u.lit.kind != TK_STRING)
        p_syntax_error(p, "import path must be a string");
    p_fin(p, d);
    return d;
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] . */
Node *p_const_decl(Parser *p, int iota) {
    Node *d = p_new(p, AST_VALUE_SPEC, p->pos);
    d->u.value_spec.iota = iota;
    d->u.value_spec.names = name_list(p, p_name(p));
    if (p->tok != TK_EOF && p->tok != TK_SEMICOLON && p->tok != TK_RPAREN) {
        d->u.value_spec.type = p_type_or_nil(p);
        if (p_got_assign(p)) d->u.value_spec.values = p_expr_list(p);
    }
    p_fin(p, d);
    return d;
}

/* VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
Node *p_var_decl(Parser *p) {
    Node *d = p_new(p, AST_VALUE_SPEC, p->pos);
    d->u.value_spec.names = name_list(p, p_name(p));
    if (p_got_assign(p)) {
        d->u.value_spec.values = p_expr_list(p);
    } else {
        d->u.value_spec.type = p_type(p);
        if (p_got_assign(p)) d->u.value_spec.values = p_expr_list(p);
    }
    p_fin(p, d);
    return d;
}

/* extract_name: Go's extractName, for "type T[P any]" vs "type T[N]int". */
static Node *extract_name(Parser *p, Node *x, int force, Node **ptype) {
    *ptype = x;
    switch (x->kind) {
    case AST_IDENT: *ptype = NULL; return x;
    case AST_BINARY:
        if (x->u.binary.op == TK_MUL) {
            if (x->u.binary.x->kind == AST_IDENT && (force || p_is_type_elem(x->u.binary.y))) {
                Node *op = new_indirect(p, x->pos, x->u.binary.y);
                *ptype = op;
                return x->u.binary.x;
            }
        } else if (x->u.binary.op == TK_OR) {
            Node *lhs;
            Node *name = extract_name(p, x->u.binary.x, force || p_is_type_elem(x->u.binary.y), &lhs);
            if (name && lhs) {
                Node *op = p_new(p, AST_BINARY, x->pos);
                *op = *x;
                op->u.binary.x = lhs;
                *ptype = op;
                return name;
            }
            *ptype = x;
        }
        break;
    case AST_CALL:
        if (x->u.call.fun->kind == AST_IDENT && x->u.call.args.n == 1 && !x->u.call.has_ellipsis &&
            (force || p_is_type_elem(x->u.call.args.items[0]))) {
            *ptype = x->u.call.args.items[0];
            return x->u.call.fun;
        }
        break;
    default: break;
    }
    return NULL;
}

/* TypeSpec = AliasDecl | TypeDef .
 * AliasDecl = identifier "=" Type .
 * TypeDef = identifier [ TypeParameters ] Type . */
Node *p_type_decl(Parser *p) {
    Node *d = p_new(p, AST_TYPE_SPEC, p->pos);
    d->u.type_spec.name = p_name(p);
    if (p->tok == TK_LBRACK) {
        Pos pos = p->pos;
        p_next(p);
        switch (p->tok) {
        case TK_IDENT: {
            Node *x = p_name(p);
            if (p->tok != TK_LBRACK) {
                p->xnest++;
                x = p_binary_expr(p, p_pexpr(p, x, 0), 0);
                p->xnest--;
            }
            Node *ptype;
            Node *pname = extract_name(p, x, p->tok == TK_COMMA, &ptype);
            if (pname && (ptype || p->tok != TK_RBRACK)) {
                p_unsupported_generics(p, pos);
                d->u.type_spec.type_params = p_param_list(p, pname, ptype, TK_RBRACK, 1);
                d->u.type_spec.assign = p_got_assign(p);
                d->u.type_spec.type = p_type_or_nil(p);
            } else {
                d->u.type_spec.type = p_array_type(p, pos, x);
            }
            break;
        }
        case TK_RBRACK:
            p_next(p);
            d->u.type_spec.type = p_slice_type(p, pos);
            break;
        default: d->u.type_spec.type = p_array_type(p, pos, NULL); break;
        }
    } else {
        d->u.type_spec.assign = p_got_assign(p);
        d->u.type_spec.type = p_type_or_nil(p);
    }
    if (!d->u.type_spec.type) {
        d->u.type_spec.type = p_bad_expr(p);
        p_syntax_error(p, "in type declaration");
        p_advance(p, 2, TK_SEMICOLON, TK_RPAREN);
    }
    p_fin(p, d);
    return d;
}

typedef struct GroupCtx {
    TokKind tok;
    int count;
} GroupCtx;

static Node *one_spec(Parser *p, GroupCtx *g) {
    switch (g->tok) {
    case TK_IMPORT: return import_spec(p);
    case TK_CONST: return p_const_decl(p, g->count);
    case TK_TYPE: return p_type_decl(p);
    default: return p_var_decl(p);
    }
}

static int group_item(Parser *p, void *vctx) {
    GroupCtx *g = vctx;
    Node *s = one_spec(p, g);
    if (s) {
        p_push(p, s);
        g->count++;
    }
    return 0;
}

/* Decl = "import"|"const"|"type"|"var" ( Spec | "(" { Spec ";" } ")" ) .
 * (the keyword is the current token) */
Node *p_gen_decl(Parser *p, TokKind tok) {
    Node *d = p_new(p, AST_GEN_DECL, p->pos);
    d->u.gen_decl.tok = tok;
    p_next(p);
    GroupCtx g = {tok, 0};
    int base = p->stk.len;
    if (p->tok == TK_LPAREN) {
        d->u.gen_decl.lparen = p->pos;
        p_next(p);
        d->u.gen_decl.rparen = p_list(p, "grouped declaration", TK_SEMICOLON, TK_RPAREN, group_item, &g);
    } else {
        group_item(p, &g);
    }
    d->u.gen_decl.specs = p_pop(p, base);
    p_fin(p, d);
    return d;
}

/* FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
 * MethodDecl = "func" Receiver MethodName Signature [ FunctionBody ] . */
static Node *func_decl_or_nil(Parser *p) {
    Node *f = p_new(p, AST_FUNC_DECL, p->pos);
    p_next(p); /* func */
    if (p->tok == TK_LPAREN) {
        Pos rpos = p->pos;
        p_next(p);
        NodeList rcvr = p_param_list(p, NULL, NULL, TK_RPAREN, 0);
        int nrecv = 0;
        for (int i = 0; i < rcvr.n; i++) nrecv += rcvr.items[i]->u.field.names.n ? rcvr.items[i]->u.field.names.n : 1;
        (void)rpos;
        if (nrecv == 0) p_error_at(p, p->pos, "method has no receiver");
        else if (nrecv > 1) p_error_at(p, p->pos, "method has multiple receivers");
        f->u.func_decl.recv = rcvr;
    }
    if (p->tok != TK_IDENT) {
        p_syntax_error(p, "expecting name or (");
        p_advance(p, 2, TK_LBRACE, TK_SEMICOLON);
        return NULL;
    }
    f->u.func_decl.name = p_name(p);
    f->u.func_decl.type = p_func_type(p, f->u.func_decl.recv.n ? "method" : "", NULL);
    f->u.func_decl.type->pos = f->pos;
    if (p->tok == TK_LBRACE) f->u.func_decl.body = p_func_body(p);
    p_fin(p, f);
    return f;
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static Node *file_or_nil(Parser *p) {
    Node *f = p_new(p, AST_FILE, p->pos);
    if (!p_got(p, TK_PACKAGE)) {
        p_syntax_error(p, "package statement must be first");
        return NULL;
    }
    f->u.file.package_name = p_name(p);
    p_want(p, TK_SEMICOLON);
    if (p_has_errors(p)) return NULL;
    int ibase = p->stk.len;
    while (p->tok == TK_IMPORT) {
        Node *g = p_gen_decl(p, TK_IMPORT);
        for (int i = 0; i < g->u.gen_decl.specs.n; i++) p_push(p, g->u.gen_decl.specs.items[i]);
        p_want(p, TK_SEMICOLON);
    }
    f->u.file.imports = p_pop(p, ibase);
    int base = p->stk.len;
    Node *last = NULL;
    while (p->tok != TK_EOF) {
        switch (p->tok) {
        case TK_CONST: case TK_TYPE: case TK_VAR: last = p_gen_decl(p, p->tok); p_push(p, last); break;
        case TK_FUNC: {
            Node *d = func_decl_or_nil(p);
            if (d) p_push(p, d);
            last = d;
            break;
        }
        default:
            if (p->tok == TK_LBRACE && last && last->kind == AST_FUNC_DECL && !last->u.func_decl.body)
                p_syntax_error(p, "unexpected semicolon or newline before {");
            else
                p_syntax_error(p, "non-declaration statement outside function body");
            p_advance(p, 4, TK_CONST, TK_TYPE, TK_VAR, TK_FUNC);
            continue;
        }
        if (p->tok != TK_EOF && !p_got(p, TK_SEMICOLON)) {
            p_syntax_error(p, "after top level declaration");
            p_advance(p, 4, TK_CONST, TK_TYPE, TK_VAR, TK_FUNC);
        }
    }
    f->u.file.decls = p_pop(p, base);
    p_fin(p, f);
    return f;
}

/* ================================================================ header */

/* The go command reads each file's package clause and imports with go/parser
 * (ImportsOnly) before compiling, so errors there are go/parser's, worded
 * "expected X, found Y"; it prints the first and stops. go/build first cuts
 * the header with a byte-level reader: the header ends before the first
 * token after the package name or an import declaration that does not start
 * with 'i'. header_check emulates both. */

static void gp_found(const Token *t, char *buf, size_t n) {
    switch (t->kind) {
    case TK_SEMICOLON:
        snprintf(buf, n, "%s", t->inserted ? "newline" : "';'");
        break;
    case TK_IDENT: case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
        snprintf(buf, n, "%.*s", t->len, t->text);
        break;
    case TK_EOF: snprintf(buf, n, "'EOF'"); break;
    default: snprintf(buf, n, "'%s'", lex_token_text(t->kind)); break;
    }
}

static int starts_with_i(const Token *t) { return t->kind != TK_SEMICOLON && t->len > 0 && t->text[0] == 'i'; }

/* header_check: 1 (error reported to [dl]) if go/parser rejects the header. */
static int header_check(const SrcFile *src, DiagList *dl) {
    Lexer lx;
    lex_init(&lx, src, NULL);
    Token t = lex_next(&lx);
    const char *want;
    if (t.kind != TK_PACKAGE) {
        want = "'package'";
        goto fail;
    }
    t = lex_next(&lx);
    if (t.kind != TK_IDENT) {
        want = "'IDENT'";
        goto fail;
    }
    t = lex_next(&lx);
    for (int after_import = 0;; after_import = 1) {
        /* the boundary after the package name or an import declaration */
        if (t.kind == TK_SEMICOLON) {
            if (!t.inserted) return 0;
            t = lex_next(&lx);
            if (t.kind != TK_IMPORT) return 0;
        } else if (!starts_with_i(&t)) {
            return 0;
        } else {
            want = "';'";
            goto fail;
        }
        (void)after_import;
        /* ImportDecl */
        t = lex_next(&lx);
        int group = t.kind == TK_LPAREN;
        if (group) t = lex_next(&lx);
        do {
            if (group && (t.kind == TK_RPAREN || t.kind == TK_EOF)) break;
            if (t.kind == TK_IDENT || t.kind == TK_PERIOD) t = lex_next(&lx);
            if (t.kind != TK_STRING) {
                want = "'STRING'";
                goto fail;
            }
            t = lex_next(&lx);
            if (group && t.kind != TK_RPAREN && t.kind != TK_RBRACE) {
                if (t.kind != TK_SEMICOLON) {
                    want = "';'";
                    goto fail;
                }
                t = lex_next(&lx);
            }
        } while (group);
        if (group) {
            if (t.kind != TK_RPAREN) {
                want = "')'";
                goto fail;
            }
            t = lex_next(&lx);
        }
    }
fail: {
    char found[128], msg[192];
    gp_found(&t, found, sizeof found);
    snprintf(msg, sizeof msg, "expected %s, found %s", want, found);
    diag_syntax(dl, t.pos, DM_PARSE, msg);
    return 1;
}
}

int parse_file(AstFile *out, const SrcFile *src, DiagList *diags) {
    memset(out, 0, sizeof *out);
    out->src = src;
    if (header_check(src, diags)) return 1;
    Parser p;
    memset(&p, 0, sizeof p);
    p.a = &out->arena;
    p.dl = diags;
    lex_init(&p.lx, src, diags);
    p_next(&p);
    out->root = file_or_nil(&p);
    if (p.nsyntax == 0)
        for (int i = 0; i < p.generics.len; i++) diag_add(diags, p.generics.items[i], DM_UNSUPPORTED, "generics");
    VEC_FREE(p.generics);
    VEC_FREE(p.stk);
    mem_free(p.itab, sizeof *p.itab * p.icap);
    mem_free(p.ilen, sizeof *p.ilen * p.icap);
    return p.nsyntax + (out->root == NULL && p.nsyntax == 0);
}
