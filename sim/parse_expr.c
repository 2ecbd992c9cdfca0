/* parse_expr: expressions (operands, primary expressions, unary and binary
 * operators, composite literals), after Go 1.19's syntax/parser.go, and the
 * short-form expression printer used in messages.
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "parse_int.h"

/* Expression = UnaryExpr | Expression binary_op Expression . */
Node *p_expr(Parser *p) { return p_binary_expr(p, NULL, 0); }

/* ExpressionList = Expression { "," Expression } . */
NodeList p_expr_list(Parser *p) {
    int base = p->stk.len;
    p_push(p, p_expr(p));
    while (p_got(p, TK_COMMA)) p_push(p, p_expr(p));
    return p_pop(p, base);
}

/* binary_op = "||" | "&&" | rel_op | add_op | mul_op .  (precedence climbing) */
Node *p_binary_expr(Parser *p, Node *x, int prec) {
    if (!x) x = p_unary_expr(p);
    int tprec, chain = 0;
    while ((tprec = lex_precedence(p->tok)) > prec) {
        /* a left-nested chain is as deep as nesting for the tree walkers */
        if (++chain > P_MAX_CHAIN) {
            p_too_deep(p);
            return x;
        }
        Node *t = p_new(p, AST_BINARY, p->pos);
        t->u.binary.op = p->tok;
        p_next(p);
        t->u.binary.x = x;
        t->u.binary.y = p_binary_expr(p, NULL, tprec);
        t->end = t->u.binary.y->end;
        x = t;
    }
    return x;
}

Node *p_unparen(Node *x) {
    while (x && x->kind == AST_PAREN) x = x->u.unary.x;
    return x;
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
 * unary_op = "+" | "-" | "!" | "^" | "*" | "&" | "<-" | "~" . */
static Node *p_unary_expr_rec(Parser *p) {
    switch (p->tok) {
    case TK_MUL: case TK_ADD: case TK_SUB: case TK_NOT: case TK_XOR: case TK_TILDE: case TK_AND: {
        TokKind op = p->tok;
        Node *x = p_new(p, op == TK_MUL ? AST_STAR : AST_UNARY, p->pos);
        x->u.unary.op = op;
        p_next(p);
        x->u.unary.x = p_unary_expr(p);
        if (op == TK_AND) x->u.unary.x = p_unparen(x->u.unary.x);
        x->end = x->u.unary.x->end;
        return x;
    }
    case TK_ARROW: {
        Pos pos = p->pos;
        p_next(p);
        Node *x = p_unary_expr(p);
        if (x->kind == AST_CHAN_TYPE) {
            /* <-chan T: the arrow binds to the channel type, rewriting
             * chan<- chains as Go does */
            int dir = CHAN_SEND;
            Node *t = x;
            Pos arrow = pos;
            while (dir == CHAN_SEND) {
                if (t->kind != AST_CHAN_TYPE) break;
                dir = t->u.chan_type.dir;
                if (dir == CHAN_RECV) p_syntax_error(p, "unexpected <-, expecting chan");
                /* each re-associated channel type now starts at the arrow
                 * before it, as go/parser places them */
                Pos next = t->u.chan_type.arrow;
                t->pos = arrow;
                t->u.chan_type.arrow = arrow;
                arrow = next;
                t->u.chan_type.dir = CHAN_RECV;
                t = t->u.chan_type.value;
            }
            if (dir == CHAN_SEND) {
                char buf[256], msg[320];
                parse_expr_string(t, buf, sizeof buf);
                snprintf(msg, sizeof msg, "unexpected %s, expecting chan", buf);
                p_syntax_error(p, msg);
            }
            return x;
        }
        Node *o = p_new(p, AST_UNARY, pos);
        o->u.unary.op = TK_ARROW;
        o->u.unary.x = x;
        o->end = x->end;
        return o;
    }
    default: return p_pexpr(p, NULL, 1);
    }
}

Node *p_unary_expr(Parser *p) {
    if (!p_enter(p)) {
        p_leave(p);
        return p_bad_expr(p);
    }
    Node *r = p_unary_expr_rec(p);
    p_leave(p);
    return r;
}

/* one Expression of Arguments, with a trailing "..." ending the list */
static int arg_item(Parser *p, void *ctx) {
    Node *call = ctx;
    p_push(p, p_expr(p));
    if (p->tok == TK_ELLIPSIS) {
        call->u.call.ellipsis = p->pos;
        call->u.call.has_ellipsis = 1;
        p_next(p);
        return 1;
    }
    return 0;
}

/* Arguments = "(" [ ExpressionList [ "..." ] [ "," ] ] ")" .  ("(" consumed) */
static void arg_list(Parser *p, Node *call) {
    p->xnest++;
    int base = p->stk.len;
    call->u.call.rparen = p_list(p, "argument list", TK_COMMA, TK_RPAREN, arg_item, call);
    call->u.call.args = p_pop(p, base);
    p->xnest--;
}

/* FunctionLit = "func" Signature FunctionBody . */
/* Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" . */
static Node *operand(Parser *p, int keep_parens) {
    switch (p->tok) {
    case TK_IDENT: return p_name(p);
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING: return p_oliteral(p);
    case TK_LPAREN: {
        Pos pos = p->pos;
        p_next(p);
        p->xnest++;
        Node *x = p_expr(p);
        p->xnest--;
        p_want(p, TK_RPAREN);
        if (p->tok == TK_LBRACE) keep_parens = 1;
        if (keep_parens) {
            Node *px = p_new(p, AST_PAREN, pos);
            px->u.unary.x = x;
            p_fin(p, px);
            x = px;
        }
        return x;
    }
    case TK_FUNC: {
        Pos pos = p->pos;
        p_next(p);
        Node *ftyp = p_func_type(p, "function type", NULL);
        ftyp->pos = pos;
        if (p->tok == TK_LBRACE) {
            p->xnest++;
            Node *f = p_new(p, AST_FUNC_LIT, pos);
            f->u.func_lit.type = ftyp;
            f->u.func_lit.body = p_func_body(p);
            p->xnest--;
            p_fin(p, f);
            return f;
        }
        return ftyp;
    }
    case TK_LBRACK: case TK_CHAN: case TK_MAP: case TK_STRUCT: case TK_INTERFACE: return p_type(p);
    default: {
        Node *x = p_bad_expr(p);
        p_syntax_error(p, "expecting expression");
        p_advance(p, 3, TK_RPAREN, TK_RBRACK, TK_RBRACE);
        return x;
    }
    }
}

/* is_value: whether [x] is certainly a value, not a type (Go's isValue),
 * for the composite-literal ambiguity of x[i]{...}. */
static int is_value(const Node *x) {
    switch (x->kind) {
    case AST_BASIC_LIT: case AST_COMPOSITE_LIT: case AST_FUNC_LIT: case AST_SLICE_EXPR:
    case AST_TYPE_ASSERT: case AST_CALL: case AST_UNARY: case AST_BINARY:
        return 1;
    case AST_PAREN: return is_value(x->u.unary.x);
    case AST_INDEX:
        return is_value(x->u.index.x) || (x->u.index.indices.n == 1 && is_value(x->u.index.indices.items[0]));
    default: return 0;
    }
}

int p_is_type_elem(const Node *x) {
    switch (x->kind) {
    case AST_ARRAY_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE: case AST_INTERFACE_TYPE:
    case AST_MAP_TYPE: case AST_CHAN_TYPE:
        return 1;
    case AST_BINARY: return p_is_type_elem(x->u.binary.x) || p_is_type_elem(x->u.binary.y);
    case AST_UNARY: return x->u.unary.op == TK_TILDE || p_is_type_elem(x->u.unary.x);
    case AST_STAR: case AST_PAREN: return p_is_type_elem(x->u.unary.x);
    default: return 0;
    }
}

/* Element = Expression | LiteralValue . */
static Node *bare_complitexpr(Parser *p);

/* KeyedElement = [ Key ":" ] Element .  Key = Expression | LiteralValue . */
static int complit_item(Parser *p, void *ctx) {
    (void)ctx;
    Node *e = bare_complitexpr(p);
    if (p->tok == TK_COLON) {
        Node *l = p_new(p, AST_KEY_VALUE, ast_start_pos(e));
        p_next(p);
        l->u.binary.x = e;
        l->u.binary.y = bare_complitexpr(p);
        l->end = l->u.binary.y->end;
        e = l;
    }
    p_push(p, e);
    return 0;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" .
 * ElementList = KeyedElement { "," KeyedElement } .
 * KeyedElement = [ Key ":" ] Element . */
static Node *complitexpr_rec(Parser *p) {
    Node *x = p_new(p, AST_COMPOSITE_LIT, p->pos);
    x->u.composite.lbrace = p->pos;
    p->xnest++;
    p_want(p, TK_LBRACE);
    int base = p->stk.len;
    x->u.composite.rbrace = p_list(p, "composite literal", TK_COMMA, TK_RBRACE, complit_item, NULL);
    x->u.composite.elts = p_pop(p, base);
    p->xnest--;
    p_fin(p, x);
    return x;
}

static Node *complitexpr(Parser *p) {
    if (!p_enter(p)) {
        p_leave(p);
        return p_new(p, AST_COMPOSITE_LIT, p->pos);
    }
    Node *r = complitexpr_rec(p);
    p_leave(p);
    return r;
}

static Node *bare_complitexpr(Parser *p) {
    if (p->tok == TK_LBRACE) return complitexpr(p);
    return p_expr(p);
}

/* TypeList = Type { "," Type } .  (the first may be any expression: an
 * index or a type argument) */
NodeList p_type_list(Parser *p, int *comma) {
    p->xnest++;
    *comma = 0;
    int base = p->stk.len;
    p_push(p, p_expr(p));
    if (p_got(p, TK_COMMA)) {
        *comma = 1;
        Node *t = p_type_or_nil(p);
        if (t) {
            p_push(p, t);
            while (p_got(p, TK_COMMA)) {
                if (!(t = p_type_or_nil(p))) break;
                p_push(p, t);
            }
        }
    }
    p->xnest--;
    return p_pop(p, base);
}

/* PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector |
 *               PrimaryExpr Index | PrimaryExpr Slice | PrimaryExpr TypeAssertion |
 *               PrimaryExpr Arguments .
 * Selector = "." identifier .  Index = "[" Expression [ "," ] "]" .
 * Slice = "[" [ Expression ] ":" [ Expression ] "]" |
 *         "[" [ Expression ] ":" Expression ":" Expression "]" .
 * TypeAssertion = "." "(" Type ")" . */
Node *p_pexpr(Parser *p, Node *x, int keep_parens) {
    if (!x) x = operand(p, keep_parens);
    for (int chain = 0;; chain++) {
        Pos pos = p->pos;
        if (chain > P_MAX_CHAIN) { /* x.y.z... or f()()... too long */
            p_too_deep(p);
            return x;
        }
        switch (p->tok) {
        case TK_PERIOD:
            p_next(p);
            switch (p->tok) {
            case TK_IDENT: {
                Node *t = p_new(p, AST_SELECTOR, x->pos);
                t->u.selector.x = x;
                t->u.selector.sel = p_name(p);
                p_fin(p, t);
                x = t;
                break;
            }
            case TK_LPAREN: {
                Node *t = p_new(p, AST_TYPE_ASSERT, x->pos);
                t->u.type_assert.lparen = p->pos;
                p_next(p);
                t->u.type_assert.x = x;
                if (!p_got(p, TK_TYPE)) t->u.type_assert.type_ = p_type(p);
                p_want(p, TK_RPAREN);
                p_fin(p, t);
                x = t;
                break;
            }
            default:
                p_syntax_error(p, "expecting name or (");
                p_advance(p, 2, TK_SEMICOLON, TK_RPAREN);
                break;
            }
            continue;
        case TK_LBRACK: {
            p_next(p);
            if (p->tok == TK_RBRACK) {
                p_syntax_error(p, "expecting operand");
                p_next(p);
                continue;
            }
            Node *i = NULL;
            if (p->tok != TK_COLON) {
                int comma;
                NodeList l = p_type_list(p, &comma);
                if (comma || p->tok == TK_RBRACK) {
                    Node *t = p_new(p, AST_INDEX, x->pos);
                    t->u.index.x = x;
                    t->u.index.indices = l;
                    t->u.index.lbrack = pos;
                    t->u.index.rbrack = p->pos;
                    p_want(p, TK_RBRACK);
                    p_fin(p, t);
                    x = t;
                    continue;
                }
                i = l.items[0];
            }
            if (!p_got(p, TK_COLON)) {
                p_syntax_error(p, "expecting comma, : or ]");
                p_advance(p, 3, TK_COMMA, TK_COLON, TK_RBRACK);
            }
            p->xnest++;
            Node *t = p_new(p, AST_SLICE_EXPR, x->pos);
            t->u.slice.x = x;
            t->u.slice.lbrack = pos;
            t->u.slice.lo = i;
            if (p->tok != TK_COLON && p->tok != TK_RBRACK) t->u.slice.hi = p_expr(p);
            if (p->tok == TK_COLON) {
                t->u.slice.slice3 = 1;
                if (!t->u.slice.hi) {
                    p_error_at(p, p->pos, "middle index required in 3-index slice");
                    t->u.slice.hi = p_bad_expr(p);
                }
                p_next(p);
                if (p->tok != TK_RBRACK) t->u.slice.max = p_expr(p);
                else {
                    p_error_at(p, p->pos, "final index required in 3-index slice");
                    t->u.slice.max = p_bad_expr(p);
                }
            }
            p->xnest--;
            t->u.slice.rbrack = p->pos;
            p_want(p, TK_RBRACK);
            p_fin(p, t);
            x = t;
            continue;
        }
        case TK_LPAREN: {
            Node *t = p_new(p, AST_CALL, x->pos);
            t->u.call.lparen = pos;
            p_next(p);
            t->u.call.fun = x;
            arg_list(p, t);
            p_fin(p, t);
            x = t;
            continue;
        }
        case TK_LBRACE: {
            Node *t = p_unparen(x);
            int complit_ok = 0;
            switch (t->kind) {
            case AST_IDENT: case AST_SELECTOR: complit_ok = p->xnest >= 0; break;
            case AST_INDEX: complit_ok = p->xnest >= 0 && !is_value(t); break;
            case AST_ARRAY_TYPE: case AST_STRUCT_TYPE: case AST_MAP_TYPE: complit_ok = 1; break;
            default: break;
            }
            if (!complit_ok) return x;
            if (t != x) p_syntax_error(p, "cannot parenthesize type in composite literal");
            Node *n = complitexpr(p);
            n->u.composite.type = x;
            n->pos = x->pos;
            x = n;
            continue;
        }
        default: return x;
        }
    }
}

/* ================================================================ printer */

typedef struct Buf {
    char *s;
    size_t cap, len;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (b->len + 1 < b->cap) b->s[b->len] = s[i];
        b->len++;
    }
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static void pr(Buf *b, const Node *n);

static void pr_list(Buf *b, NodeList l) {
    for (int i = 0; i < l.n; i++) {
        if (i) puts_(b, ", ");
        pr(b, l.items[i]);
    }
}

static void pr_fields(Buf *b, NodeList l) {
    for (int i = 0; i < l.n; i++) {
        if (i) puts_(b, ", ");
        const Node *f = l.items[i];
        for (int j = 0; j < f->u.field.names.n; j++) {
            if (j) puts_(b, ", ");
            pr(b, f->u.field.names.items[j]);
        }
        if (f->u.field.names.n) puts_(b, " ");
        pr(b, f->u.field.type);
    }
}

static void pr_sig(Buf *b, const Node *ft) {
    puts_(b, "(");
    pr_fields(b, ft->u.func_type.params);
    puts_(b, ")");
    NodeList r = ft->u.func_type.results;
    if (r.n == 1 && !r.items[0]->u.field.names.n) {
        puts_(b, " ");
        pr(b, r.items[0]->u.field.type);
    } else if (r.n) {
        puts_(b, " (");
        pr_fields(b, r);
        puts_(b, ")");
    }
}

static void pr(Buf *b, const Node *n) {
    if (!n) return;
    switch (n->kind) {
    case AST_BAD_EXPR: puts_(b, "BadExpr"); break;
    case AST_IDENT: puts_(b, n->u.ident.name); break;
    case AST_BASIC_LIT: put(b, n->u.lit.raw, (size_t)n->u.lit.rawlen); break;
    case AST_COMPOSITE_LIT:
        pr(b, n->u.composite.type);
        puts_(b, n->u.composite.elts.n ? "{…}" : "{}");
        break;
    case AST_FUNC_LIT:
        puts_(b, "func");
        pr_sig(b, n->u.func_lit.type);
        puts_(b, n->u.func_lit.body && n->u.func_lit.body->u.block.stmts.n ? " {…}" : " {}");
        break;
    case AST_PAREN: puts_(b, "("); pr(b, n->u.unary.x); puts_(b, ")"); break;
    case AST_SELECTOR: pr(b, n->u.selector.x); puts_(b, "."); pr(b, n->u.selector.sel); break;
    case AST_INDEX: pr(b, n->u.index.x); puts_(b, "["); pr_list(b, n->u.index.indices); puts_(b, "]"); break;
    case AST_SLICE_EXPR:
        pr(b, n->u.slice.x);
        puts_(b, "[");
        pr(b, n->u.slice.lo);
        puts_(b, ":");
        pr(b, n->u.slice.hi);
        if (n->u.slice.slice3) {
            puts_(b, ":");
            pr(b, n->u.slice.max);
        }
        puts_(b, "]");
        break;
    case AST_TYPE_ASSERT:
        pr(b, n->u.type_assert.x);
        puts_(b, ".(");
        if (n->u.type_assert.type_) pr(b, n->u.type_assert.type_);
        else puts_(b, "type");
        puts_(b, ")");
        break;
    case AST_CALL:
        pr(b, n->u.call.fun);
        puts_(b, "(");
        pr_list(b, n->u.call.args);
        if (n->u.call.has_ellipsis) puts_(b, "...");
        puts_(b, ")");
        break;
    case AST_STAR: puts_(b, "*"); pr(b, n->u.unary.x); break;
    case AST_UNARY:
        puts_(b, lex_token_text(n->u.unary.op));
        pr(b, n->u.unary.x);
        break;
    case AST_BINARY:
        pr(b, n->u.binary.x);
        puts_(b, " ");
        puts_(b, lex_token_text(n->u.binary.op));
        puts_(b, " ");
        pr(b, n->u.binary.y);
        break;
    case AST_KEY_VALUE: pr(b, n->u.binary.x); puts_(b, ": "); pr(b, n->u.binary.y); break;
    case AST_ARRAY_TYPE:
        puts_(b, "[");
        if (n->u.array_type.len) pr(b, n->u.array_type.len);
        puts_(b, "]");
        pr(b, n->u.array_type.elem);
        break;
    case AST_ELLIPSIS: puts_(b, "..."); pr(b, n->u.unary.x); break;
    case AST_STRUCT_TYPE: case AST_INTERFACE_TYPE:
        /* as syntax.String: members separated by a newline (its semicolons
         * before a newline are dropped) */
        puts_(b, n->kind == AST_STRUCT_TYPE ? "struct{" : "interface{");
        for (int i = 0; i < n->u.fields.fields.n; i++) {
            const Node *f = n->u.fields.fields.items[i];
            if (i) puts_(b, "\n");
            if (n->kind == AST_INTERFACE_TYPE && f->u.field.names.n && f->u.field.type->kind == AST_FUNC_TYPE) {
                pr(b, f->u.field.names.items[0]);
                pr_sig(b, f->u.field.type);
                continue;
            }
            for (int j = 0; j < f->u.field.names.n; j++) {
                if (j) puts_(b, ", ");
                pr(b, f->u.field.names.items[j]);
            }
            if (f->u.field.names.n) puts_(b, " ");
            pr(b, f->u.field.type);
            if (f->u.field.tag) {
                puts_(b, " ");
                pr(b, f->u.field.tag);
            }
        }
        puts_(b, "}");
        break;
    case AST_FUNC_TYPE: puts_(b, "func"); pr_sig(b, n); break;
    case AST_MAP_TYPE:
        puts_(b, "map[");
        pr(b, n->u.map_type.key);
        puts_(b, "]");
        pr(b, n->u.map_type.value);
        break;
    case AST_CHAN_TYPE:
        puts_(b, n->u.chan_type.dir == CHAN_RECV ? "<-chan " : n->u.chan_type.dir == CHAN_SEND ? "chan<- " : "chan ");
        pr(b, n->u.chan_type.value);
        break;
    case AST_EXPR_STMT: pr(b, n->u.unary.x); break;
    case AST_SEND: pr(b, n->u.binary.x); puts_(b, " <- "); pr(b, n->u.binary.y); break;
    case AST_INC_DEC: pr(b, n->u.inc_dec.x); puts_(b, lex_token_text(n->u.inc_dec.tok)); break;
    case AST_ASSIGN:
        pr_list(b, n->u.assign.lhs);
        puts_(b, " ");
        puts_(b, lex_token_text(n->u.assign.tok));
        puts_(b, " ");
        pr_list(b, n->u.assign.rhs);
        break;
    case AST_RANGE:
        if (n->u.range.key) {
            pr(b, n->u.range.key);
            if (n->u.range.value) {
                puts_(b, ", ");
                pr(b, n->u.range.value);
            }
            puts_(b, " ");
            puts_(b, lex_token_text(n->u.range.tok));
            puts_(b, " ");
        }
        puts_(b, "range ");
        pr(b, n->u.range.x);
        break;
    default: puts_(b, ast_kind_name(n->kind)); break;
    }
}

void p_list_string(NodeList l, char *buf, size_t cap) {
    Buf b = {buf, cap, 0};
    pr_list(&b, l);
    if (cap) buf[b.len < cap ? b.len : cap - 1] = 0;
}

char *parse_expr_string(const Node *n, char *buf, size_t cap) {
    Buf b = {buf, cap, 0};
    pr(&b, n);
    if (cap) buf[b.len < cap ? b.len : cap - 1] = 0;
    return buf;
}
