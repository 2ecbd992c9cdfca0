/* parse_stmt: statements and blocks, after Go 1.19's syntax/parser.go,
 * including the if/for/switch header rules (composite literals need
 * parentheses there) and the error recovery that lets one run report
 * several syntax errors.
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "parse_int.h"

static Node *stmt_or_nil(Parser *p);

/* go_pos: the position Go's syntax package gives node [n] (operators,
 * brackets and dots rather than the first token), for errors the parser
 * reports at a node. */
static Pos go_pos(const Node *n) {
    Pos p = n->pos;
    switch (n->kind) {
    case AST_SELECTOR:
        p = n->u.selector.sel->pos;
        p.col--;
        return p;
    case AST_CALL: return n->u.call.lparen;
    case AST_INDEX: return n->u.index.lbrack;
    case AST_SLICE_EXPR: return n->u.slice.lbrack;
    case AST_TYPE_ASSERT:
        p = n->u.type_assert.lparen;
        p.col--;
        return p;
    case AST_COMPOSITE_LIT: return n->u.composite.lbrace;
    case AST_FUNC_TYPE: return n->u.func_type.sig;
    case AST_ASSIGN: return n->u.assign.tok_pos;
    case AST_INC_DEC: return n->u.inc_dec.tok_pos;
    default: return p;
    }
}

static Pos start_of(NodeList l, Pos dflt) { return l.n ? ast_start_pos(l.items[0]) : dflt; }

static Node *new_assign(Parser *p, Pos op_pos, TokKind op, NodeList lhs, NodeList rhs) {
    Node *a = p_new(p, AST_ASSIGN, start_of(lhs, op_pos));
    a->u.assign.tok = op;
    a->u.assign.tok_pos = op_pos;
    a->u.assign.lhs = lhs;
    a->u.assign.rhs = rhs;
    p_fin(p, a);
    return a;
}

/* RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression . */
static Node *new_range_clause(Parser *p, NodeList lhs, TokKind tok) {
    Node *r = p_new(p, AST_RANGE, start_of(lhs, p->pos));
    p_next(p); /* range */
    if (lhs.n > 0) r->u.range.key = lhs.items[0];
    if (lhs.n > 1) r->u.range.value = lhs.items[1];
    if (lhs.n > 2) r->u.range.extra = lhs.items[2];
    r->u.range.tok = tok;
    r->u.range.x = p_expr(p);
    return r;
}

static Node *expr_stmt(Parser *p, Node *x) {
    Node *s = p_new(p, AST_EXPR_STMT, ast_start_pos(x));
    s->u.unary.x = x;
    s->end = x->end;
    return s;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt |
 *              Assignment | ShortVarDecl .
 * [lhs] may be given (already parsed); [keyword] is the enclosing header's
 * keyword (for range clauses and type switch guards), or 0. */
static Node *simple_stmt(Parser *p, NodeList *lhs_in, TokKind keyword) {
    if (keyword == TK_FOR && p->tok == TK_RANGE) {
        NodeList none = {NULL, 0};
        return new_range_clause(p, none, 0);
    }
    NodeList lhs = lhs_in ? *lhs_in : p_expr_list(p);
    if (lhs.n == 1 && p->tok != TK_ASSIGN && p->tok != TK_DEFINE) {
        Pos pos = p->pos;
        Node *x = lhs.items[0];
        switch (p->tok) {
        case TK_ADD_ASSIGN: case TK_SUB_ASSIGN: case TK_MUL_ASSIGN: case TK_QUO_ASSIGN:
        case TK_REM_ASSIGN: case TK_AND_ASSIGN: case TK_OR_ASSIGN: case TK_XOR_ASSIGN:
        case TK_SHL_ASSIGN: case TK_SHR_ASSIGN: case TK_AND_NOT_ASSIGN: {
            TokKind op = p->tok;
            p_next(p);
            Node *y = p_expr(p);
            return new_assign(p, pos, op, lhs, ast_list(p->a, &y, 1));
        }
        case TK_INC: case TK_DEC: {
            Node *s = p_new(p, AST_INC_DEC, ast_start_pos(x));
            s->u.inc_dec.x = x;
            s->u.inc_dec.tok = p->tok;
            s->u.inc_dec.tok_pos = pos;
            p_next(p);
            p_fin(p, s);
            return s;
        }
        case TK_ARROW: {
            Node *s = p_new(p, AST_SEND, pos);
            p_next(p);
            s->u.binary.x = x;
            s->u.binary.y = p_expr(p);
            s->end = s->u.binary.y->end;
            return s;
        }
        default: return expr_stmt(p, x);
        }
    }
    switch (p->tok) {
    case TK_ASSIGN: case TK_DEFINE: {
        Pos pos = p->pos;
        TokKind op = p->tok;
        p_next(p);
        if (keyword == TK_FOR && p->tok == TK_RANGE) return new_range_clause(p, lhs, op);
        NodeList rhs = p_expr_list(p);
        if (rhs.n == 1 && rhs.items[0]->kind == AST_TYPE_ASSERT && !rhs.items[0]->u.type_assert.type_ &&
            keyword == TK_SWITCH && op == TK_DEFINE && lhs.n == 1 && lhs.items[0]->kind == AST_IDENT) {
            /* x := y.(type): the ASSIGN waits in the guard until
             * switch_stmt makes it the TYPE_SWITCH's tag */
            Node *g = rhs.items[0];
            g->u.type_assert.lhs = new_assign(p, pos, op, lhs, rhs);
            return expr_stmt(p, g);
        }
        return new_assign(p, pos, op, lhs, rhs);
    }
    default: {
        p_syntax_error(p, "expecting := or = or comma");
        p_advance(p, 2, TK_SEMICOLON, TK_RBRACE);
        return expr_stmt(p, lhs.items[0]);
    }
    }
}

/* LabeledStmt = Label ":" Statement . */
static Node *labeled_stmt_or_nil(Parser *p, Node *label) {
    Node *s = p_new(p, AST_LABELED, label->pos);
    Pos colon = p->pos;
    s->u.labeled.label = label;
    p_want(p, TK_COLON);
    if (p->tok == TK_RBRACE) {
        /* a label at the end of a block labels an empty statement */
        s->u.labeled.stmt = p_new(p, AST_EMPTY_STMT, p->pos);
        p_fin(p, s);
        return s;
    }
    s->u.labeled.stmt = stmt_or_nil(p);
    if (s->u.labeled.stmt) {
        p_fin(p, s);
        return s;
    }
    p_syntax_error_at(p, colon, "missing statement after label");
    return NULL;
}

/* Block = "{" StatementList "}" . */
static Node *p_block_stmt_rec(Parser *p, const char *context) {
    Node *s = p_new(p, AST_BLOCK, p->pos);
    if (!p_got(p, TK_LBRACE)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting { after %s", context);
        p_syntax_error(p, msg);
        p_advance(p, 2, TK_IDENT, TK_RBRACE);
        s->u.block.rbrace = p->pos;
        if (p_got(p, TK_RBRACE)) {
            p_fin(p, s);
            return s;
        }
    }
    s->u.block.stmts = p_stmt_list(p);
    s->u.block.rbrace = p->pos;
    p_want(p, TK_RBRACE);
    p_fin(p, s);
    return s;
}

Node *p_block_stmt(Parser *p, const char *context) {
    if (!p_enter(p)) {
        p_leave(p);
        return p_new(p, AST_BLOCK, p->pos);
    }
    Node *r = p_block_stmt_rec(p, context);
    p_leave(p);
    return r;
}

/* FunctionBody = Block . */
Node *p_func_body(Parser *p) {
    p->fnest++;
    Node *body = p_block_stmt(p, "");
    p->fnest--;
    return body;
}

/* Declaration = ConstDecl | TypeDecl | VarDecl . (inside a function) */
static Node *decl_stmt(Parser *p) {
    Node *s = p_new(p, AST_DECL_STMT, p->pos);
    s->u.decl_stmt.decl = p_gen_decl(p, p->tok);
    p_fin(p, s);
    return s;
}

typedef struct Header {
    Node *init, *cond, *post;
} Header;

/* header: the clauses between if/for/switch and "{":
 * IfStmt header = [ SimpleStmt ";" ] Expression .
 * ForClause = [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ] | Condition | RangeClause .
 * Switch header = [ SimpleStmt ";" ] [ Expression | TypeSwitchGuard ] . */
static Header header(Parser *p, TokKind keyword) {
    Header h = {NULL, NULL, NULL};
    p_want(p, keyword);
    if (p->tok == TK_LBRACE) {
        if (keyword == TK_IF) {
            p_syntax_error(p, "missing condition in if statement");
            h.cond = p_bad_expr(p);
        }
        return h;
    }
    int outer = p->xnest;
    p->xnest = -1;
    if (p->tok != TK_SEMICOLON) {
        if (p_got(p, TK_VAR)) {
            char msg[64];
            snprintf(msg, sizeof msg, "var declaration not allowed in %s initializer", p_tokstring(keyword));
            p_syntax_error(p, msg);
        }
        h.init = simple_stmt(p, NULL, keyword);
        if (h.init->kind == AST_RANGE) {
            p->xnest = outer;
            return h;
        }
    }
    Node *cond_stmt = NULL;
    Pos semi_pos = {0, 0};
    const char *semi_lit = NULL;
    if (p->tok != TK_LBRACE) {
        if (p->tok == TK_SEMICOLON) {
            semi_pos = p->pos;
            semi_lit = p->t.inserted ? p->t.text : "semicolon";
            p_next(p);
        } else {
            p_want(p, TK_LBRACE);
            if (p->tok != TK_LBRACE) p_advance(p, 2, TK_LBRACE, TK_RBRACE);
        }
        if (keyword == TK_FOR) {
            if (p->tok != TK_SEMICOLON) {
                if (p->tok == TK_LBRACE) {
                    p_syntax_error(p, "expecting for loop condition");
                    goto done;
                }
                cond_stmt = simple_stmt(p, NULL, 0);
            }
            p_want(p, TK_SEMICOLON);
            if (p->tok != TK_LBRACE) {
                h.post = simple_stmt(p, NULL, 0);
                if (h.post->kind == AST_ASSIGN && h.post->u.assign.tok == TK_DEFINE)
                    p_syntax_error_at(p, go_pos(h.post), "cannot declare in post statement of for loop");
            }
        } else if (p->tok != TK_LBRACE) {
            cond_stmt = simple_stmt(p, NULL, keyword);
        }
    } else {
        cond_stmt = h.init;
        h.init = NULL;
    }
done:
    if (!cond_stmt) {
        if (keyword == TK_IF && semi_pos.line) {
            char msg[96];
            if (strcmp(semi_lit, "semicolon") != 0) {
                snprintf(msg, sizeof msg, "unexpected %s, expecting { after if clause", semi_lit);
                p_syntax_error_at(p, semi_pos, msg);
            } else {
                p_syntax_error_at(p, semi_pos, "missing condition in if statement");
            }
            h.cond = p_new(p, AST_BAD_EXPR, semi_pos);
        }
    } else if (cond_stmt->kind == AST_EXPR_STMT) {
        h.cond = cond_stmt->u.unary.x;
    } else {
        char str[240], msg[280];
        if (cond_stmt->kind == AST_ASSIGN && cond_stmt->u.assign.tok == TK_ASSIGN) {
            /* Go: "assignment (lhs) = (rhs)", lists printed as x, y */
            char l[100], r[100];
            p_list_string(cond_stmt->u.assign.lhs, l, sizeof l);
            p_list_string(cond_stmt->u.assign.rhs, r, sizeof r);
            snprintf(str, sizeof str, "assignment (%s) = (%s)", l, r);
        } else {
            parse_expr_string(cond_stmt, str, sizeof str);
        }
        snprintf(msg, sizeof msg, "cannot use %s as value", str);
        p_syntax_error_at(p, go_pos(cond_stmt), msg);
    }
    p->xnest = outer;
    return h;
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static Node *for_stmt(Parser *p) {
    Pos pos = p->pos;
    Header h = header(p, TK_FOR);
    if (h.init && h.init->kind == AST_RANGE) {
        Node *r = h.init;
        r->pos = pos;
        r->u.range.body = p_block_stmt(p, "for clause");
        p_fin(p, r);
        return r;
    }
    Node *s = p_new(p, AST_FOR, pos);
    s->u.for_.init = h.init;
    s->u.for_.cond = h.cond;
    s->u.for_.post = h.post;
    s->u.for_.body = p_block_stmt(p, "for clause");
    p_fin(p, s);
    return s;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static Node *if_stmt(Parser *p) {
    Node *s = p_new(p, AST_IF, p->pos);
    Header h = header(p, TK_IF);
    s->u.if_.init = h.init;
    s->u.if_.cond = h.cond;
    s->u.if_.then = p_block_stmt(p, "if clause");
    if (p_got(p, TK_ELSE)) {
        switch (p->tok) {
        case TK_IF: s->u.if_.else_ = if_stmt(p); break;
        case TK_LBRACE: s->u.if_.else_ = p_block_stmt(p, ""); break;
        default:
            p_syntax_error(p, "else must be followed by if or statement block");
            p_advance(p, 2, TK_IDENT, TK_RBRACE);
            break;
        }
    }
    p_fin(p, s);
    return s;
}

/* ExprCaseClause = ExprSwitchCase ":" StatementList .
 * ExprSwitchCase = "case" ExpressionList | "default" .
 * CommClause = CommCase ":" StatementList .
 * CommCase = "case" ( SendStmt | RecvStmt ) | "default" . */
static Node *case_clause(Parser *p, int comm) {
    Node *c = p_new(p, comm ? AST_COMM_CLAUSE : AST_CASE_CLAUSE, p->pos);
    switch (p->tok) {
    case TK_CASE:
        p_next(p);
        if (comm) c->u.clause.comm = simple_stmt(p, NULL, 0);
        else c->u.clause.list = p_expr_list(p);
        break;
    case TK_DEFAULT: p_next(p); break;
    default:
        p_syntax_error(p, "expecting case or default or }");
        p_advance(p, 4, TK_COLON, TK_CASE, TK_DEFAULT, TK_RBRACE);
        break;
    }
    c->u.clause.colon = p->pos;
    p_want(p, TK_COLON);
    c->u.clause.body = p_stmt_list(p);
    p_fin(p, c);
    return c;
}

/* clause_block: "{" { clause } "}" of a switch or select, as a BLOCK. */
static Node *clause_block(Parser *p, int comm, const char *missing) {
    Node *b = p_new(p, AST_BLOCK, p->pos);
    if (!p_got(p, TK_LBRACE)) {
        p_syntax_error(p, missing);
        p_advance(p, 3, TK_CASE, TK_DEFAULT, TK_RBRACE);
    }
    int base = p->stk.len;
    while (p->tok != TK_EOF && p->tok != TK_RBRACE) p_push(p, case_clause(p, comm));
    b->u.block.stmts = p_pop(p, base);
    b->u.block.rbrace = p->pos;
    p_want(p, TK_RBRACE);
    p_fin(p, b);
    return b;
}

/* SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
 * ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
 * TypeSwitchStmt = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" .
 * TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" . */
static Node *switch_stmt(Parser *p) {
    Node *s = p_new(p, AST_SWITCH, p->pos);
    Header h = header(p, TK_SWITCH);
    Node *ini = h.init;
    if (ini && ini->kind == AST_EXPR_STMT && ini->u.unary.x->kind == AST_TYPE_ASSERT &&
        ini->u.unary.x->u.type_assert.lhs) {
        /* switch x := y.(type); z {: a guard as init, the checker's error */
        h.init = ini->u.unary.x->u.type_assert.lhs;
        ini->u.unary.x->u.type_assert.lhs = NULL;
    }
    s->u.switch_.init = h.init;
    s->u.switch_.tag = h.cond;
    Node *g = h.cond;
    if (g && g->kind == AST_TYPE_ASSERT && !g->u.type_assert.type_) {
        s->kind = AST_TYPE_SWITCH;
        if (g->u.type_assert.lhs) {
            s->u.switch_.tag = g->u.type_assert.lhs;
            g->u.type_assert.lhs = NULL;
        } else {
            s->u.switch_.tag = expr_stmt(p, g);
        }
    }
    s->u.switch_.body = clause_block(p, 0, "missing { after switch clause");
    p_fin(p, s);
    return s;
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static Node *select_stmt(Parser *p) {
    Node *s = p_new(p, AST_SELECT, p->pos);
    p_want(p, TK_SELECT);
    s->u.switch_.body = clause_block(p, 1, "missing { after select clause");
    p_fin(p, s);
    return s;
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression . */
static Node *call_stmt(Parser *p) {
    TokKind tok = p->tok;
    Node *s = p_new(p, tok == TK_GO ? AST_GO : AST_DEFER, p->pos);
    p_next(p);
    Node *x = p_pexpr(p, NULL, p->tok == TK_LPAREN);
    Node *t = p_unparen(x);
    char msg[96];
    if (t != x) {
        snprintf(msg, sizeof msg, "expression in %s must not be parenthesized", lex_token_text(tok));
        p_error_at(p, go_pos(x), msg);
        x = t;
    }
    if (x->kind != AST_CALL) {
        snprintf(msg, sizeof msg, "expression in %s must be function call", lex_token_text(tok));
        p_error_at(p, go_pos(x), msg);
        Node *cx = p_new(p, AST_CALL, x->pos);
        cx->u.call.fun = x;
        cx->u.call.lparen = x->end;
        cx->end = x->end;
        x = cx;
    }
    s->u.unary.x = x;
    p_fin(p, s);
    return s;
}

static Node *branch(Parser *p, TokKind tok) {
    Node *s = p_new(p, AST_BRANCH, p->pos);
    s->u.branch.tok = tok;
    p_next(p);
    return s;
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
 *             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block |
 *             IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
 * Returns NULL (nothing consumed) if no statement starts here. */
static Node *stmt_or_nil_rec(Parser *p) {
    if (p->tok == TK_IDENT) {
        NodeList lhs = p_expr_list(p);
        if (lhs.n == 1 && lhs.items[0]->kind == AST_IDENT && p->tok == TK_COLON)
            return labeled_stmt_or_nil(p, lhs.items[0]);
        return simple_stmt(p, &lhs, 0);
    }
    switch (p->tok) {
    case TK_VAR: case TK_CONST: case TK_TYPE: return decl_stmt(p);
    case TK_LBRACE: return p_block_stmt(p, "");
    case TK_ADD: case TK_SUB: case TK_MUL: case TK_AND: case TK_XOR: case TK_NOT:
    case TK_INT: case TK_FLOAT: case TK_IMAG: case TK_CHAR: case TK_STRING:
    case TK_FUNC: case TK_LPAREN: case TK_LBRACK: case TK_STRUCT: case TK_MAP: case TK_CHAN:
    case TK_INTERFACE: case TK_ARROW:
        return simple_stmt(p, NULL, 0);
    case TK_FOR: return for_stmt(p);
    case TK_SWITCH: return switch_stmt(p);
    case TK_SELECT: return select_stmt(p);
    case TK_IF: return if_stmt(p);
    case TK_FALLTHROUGH: {
        Node *s = branch(p, TK_FALLTHROUGH);
        p_fin(p, s);
        return s;
    }
    case TK_BREAK: case TK_CONTINUE: {
        Node *s = branch(p, p->tok);
        if (p->tok == TK_IDENT) s->u.branch.label = p_name(p);
        p_fin(p, s);
        return s;
    }
    case TK_GO: case TK_DEFER: return call_stmt(p);
    case TK_GOTO: {
        Node *s = branch(p, TK_GOTO);
        s->u.branch.label = p_name(p);
        p_fin(p, s);
        return s;
    }
    case TK_RETURN: {
        Node *s = p_new(p, AST_RETURN, p->pos);
        p_next(p);
        if (p->tok != TK_SEMICOLON && p->tok != TK_RBRACE) s->u.ret.results = p_expr_list(p);
        p_fin(p, s);
        return s;
    }
    case TK_SEMICOLON: return p_new(p, AST_EMPTY_STMT, p->pos);
    default: return NULL;
    }
}

static Node *stmt_or_nil(Parser *p) {
    if (!p_enter(p)) {
        p_leave(p);
        return NULL;
    }
    Node *r = stmt_or_nil_rec(p);
    p_leave(p);
    return r;
}

/* StatementList = { Statement ";" } . */
NodeList p_stmt_list(Parser *p) {
    int base = p->stk.len;
    while (p->tok != TK_EOF && p->tok != TK_RBRACE && p->tok != TK_CASE && p->tok != TK_DEFAULT) {
        Node *s = stmt_or_nil(p);
        if (!s) break;
        p_push(p, s);
        if (!p_got(p, TK_SEMICOLON) && p->tok != TK_RBRACE) {
            p_syntax_error(p, "at end of statement");
            p_advance(p, 4, TK_SEMICOLON, TK_RBRACE, TK_CASE, TK_DEFAULT);
            p_got(p, TK_SEMICOLON);
        }
    }
    return p_pop(p, base);
}
