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
    if (p->too_deep) return; /* stay at the fake EOF */
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

int p_enter(Parser *p) {
    if (++p->depth <= P_MAX_DEPTH) return 1;
    p_too_deep(p);
    return 0;
}

void p_too_deep(Parser *p) {
    if (!p->too_deep) {
        char what[64];
        snprintf(what, sizeof what, "nesting deeper than %d levels", p->depth > P_MAX_DEPTH ? P_MAX_DEPTH : P_MAX_CHAIN);
        diag_syntax(p->dl, p->pos, DM_UNSUPPORTED_ONE, what);
        p->nerr++;
        p->nsyntax++;
        p->too_deep = 1;
        p->tok = TK_EOF; /* unwind: every loop stops at EOF */
    }
}

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
    NodeList l = ast_list(p->a, p->stk.len > base ? p->stk.items + base : NULL, p->stk.len - base);
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
NodeList p_name_list(Parser *p, Node *first) {
    int base = p->stk.len;
    p_push(p, first);
    while (p_got(p, TK_COMMA)) p_push(p, p_name(p));
    return p_pop(p, base);
}

Node *p_bad_expr(Parser *p) { return p_new(p, AST_BAD_EXPR, p->pos); }

/* List = Element { sep Element } [ sep ] close .  (the shape of every
 * bracketed list; Go's "possibly missing comma" recovery lives here) */
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

/* BasicLit = int_lit | float_lit | imaginary_lit | rune_lit | string_lit .
 * (optional: NULL, nothing consumed, if the token is no literal) */
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
    d->u.value_spec.names = p_name_list(p, p_name(p));
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
    d->u.value_spec.names = p_name_list(p, p_name(p));
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
                Node *op = p_new_indirect(p, x->pos, x->u.binary.y);
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

/* Spec = ImportSpec | ConstSpec | TypeSpec | VarSpec .  (by the group keyword) */
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
        p_next(p);
        NodeList rcvr = p_param_list(p, NULL, NULL, TK_RPAREN, 0);
        int nrecv = 0;
        for (int i = 0; i < rcvr.n; i++) nrecv += rcvr.items[i]->u.field.names.n ? rcvr.items[i]->u.field.names.n : 1;
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

/* HeaderScan: the header's tokens, with the lexical errors met on the way
 * kept for translation into go/scanner's words. */
typedef struct HeaderScan {
    Lexer lx;
    DiagList errs;
    Token t;
    int tok_first_err; /* index in errs of the current token's first error */
    Pos tok_pos[16];   /* the token each error was met in */
    int tok_raw[16];
} HeaderScan;

static void hnext(HeaderScan *h) {
    h->tok_first_err = h->errs.v.len;
    h->t = lex_next(&h->lx);
    for (int i = h->tok_first_err; i < h->errs.v.len && i < 16; i++) {
        h->tok_pos[i] = h->t.pos;
        h->tok_raw[i] = h->t.len > 0 && h->t.text[0] == '`';
    }
}

/* gscan_msg: go/scanner's wording and position for scanner error [i]. */
static const char *gscan_msg(HeaderScan *h, int i, Pos *pos, char *buf, size_t n) {
    const char *m = h->errs.v.items[i].msg;
    Pos tp = i < 16 ? h->tok_pos[i] : h->errs.v.items[i].pos;
    *pos = h->errs.v.items[i].pos;
    if (!strcmp(m, "newline in string") || !strcmp(m, "string not terminated")) {
        *pos = tp;
        return i < 16 && h->tok_raw[i] ? "raw string literal not terminated" : "string literal not terminated";
    }
    if (!strcmp(m, "newline in rune literal") || !strcmp(m, "rune literal not terminated")) {
        *pos = tp;
        return "rune literal not terminated";
    }
    if (!strcmp(m, "more than one character in rune literal") || has_prefix(m, "empty rune literal")) {
        *pos = tp;
        return "illegal rune literal";
    }
    if (!strcmp(m, "unknown escape")) return "unknown escape sequence";
    if (!strcmp(m, "invalid BOM in the middle of the file")) return "illegal byte order mark";
    if (has_prefix(m, "invalid character U+")) {
        const char *in = strstr(m, " in identifier");
        snprintf(buf, n, "illegal character %.*s", in ? (int)(in - m - 18) : (int)strlen(m) - 18, m + 18);
        return buf;
    }
    return m; /* number literal errors read the same in both scanners */
}

static int pos_less(Pos a, Pos b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }

/* header_report: go/parser's first error: the earliest of the scanner
 * errors met in errs[0..nerrs) and the parse error [msg] at [at] (if any; it
 * is dropped when the last scanner error is on its line, as go/parser
 * drops a second error on one line). Returns 1 if something was reported. */
static int header_report(HeaderScan *h, int nerrs, const char *msg, Pos at, DiagList *dl) {
    char buf[128], best_buf[128];
    const char *best = NULL;
    Pos best_pos = {0, 0};
    if (msg && !(nerrs > 0 && h->errs.v.items[nerrs - 1].pos.line == at.line)) {
        best = msg;
        best_pos = at;
    }
    for (int i = 0; i < nerrs; i++) {
        Pos p;
        const char *m = gscan_msg(h, i, &p, buf, sizeof buf);
        if (!best || pos_less(p, best_pos)) {
            snprintf(best_buf, sizeof best_buf, "%s", m);
            best = best_buf;
            best_pos = p;
        }
    }
    if (!best) return 0;
    diag_syntax(dl, best_pos, DM_PARSE, best);
    return 1;
}

/* header_check: 1 (error reported to [dl]) if go/parser rejects the header. */
static int header_check(const SrcFile *src, DiagList *dl) {
    HeaderScan h;
    memset(&h, 0, sizeof h);
    diag_init(&h.errs, dl->path);
    lex_init(&h.lx, src, &h.errs);
    int r = 0;
    const char *want;
    hnext(&h);
    if (h.t.kind != TK_PACKAGE) {
        want = "'package'";
        goto fail;
    }
    hnext(&h);
    if (h.t.kind != TK_IDENT) {
        want = "'IDENT'";
        goto fail;
    }
    hnext(&h);
    for (;;) {
        /* the boundary after the package name or an import declaration */
        if (h.t.kind == TK_SEMICOLON) {
            if (!h.t.inserted) goto done;
            hnext(&h);
            if (h.t.kind != TK_IMPORT) goto done;
        } else if (!starts_with_i(&h.t)) {
            goto done;
        } else {
            want = "';'";
            goto fail;
        }
        /* ImportDecl */
        hnext(&h);
        int group = h.t.kind == TK_LPAREN;
        if (group) hnext(&h);
        do {
            if (group && (h.t.kind == TK_RPAREN || h.t.kind == TK_EOF)) break;
            if (h.t.kind == TK_IDENT || h.t.kind == TK_PERIOD) hnext(&h);
            if (h.t.kind != TK_STRING) {
                want = "'STRING'";
                goto fail;
            }
            hnext(&h);
            if (group && h.t.kind != TK_RPAREN && h.t.kind != TK_RBRACE) {
                if (h.t.kind != TK_SEMICOLON) {
                    want = "';'";
                    goto fail;
                }
                hnext(&h);
            }
        } while (group);
        if (group) {
            if (h.t.kind != TK_RPAREN) {
                want = "')'";
                goto fail;
            }
            hnext(&h);
        }
    }
done:
    /* the header ends before the current token: its errors are not go/parser's */
    r = header_report(&h, h.tok_first_err, NULL, h.t.pos, dl);
    diag_free(&h.errs);
    return r;
fail: {
    char found[128], msg[192];
    gp_found(&h.t, found, sizeof found);
    snprintf(msg, sizeof msg, "expected %s, found %s", want, found);
    r = header_report(&h, h.errs.v.len, msg, h.t.pos, dl);
    diag_free(&h.errs);
    return r;
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
