/* parse_int: the parser's shared state and helpers, private to parse*.c.
 *
 * Invariants: p->tok/p->pos/p->t describe the current token; p->prev_end is
 * just past the previous one; p->xnest < 0 while parsing an if/for/switch
 * header (a '{' there opens the block, not a composite literal, as in Go);
 * the scratch stack p->stk is used LIFO: a caller pops back to the depth it
 * saw before returning.
 */
#ifndef GORO_PARSE_INT_H
#define GORO_PARSE_INT_H

#include <stdint.h>

#include "ast.h"
#include "diag.h"
#include "lex.h"
#include "mem.h"

typedef struct Parser {
    Lexer lx;
    Token t;
    TokKind tok;
    Pos pos;
    Pos prev_end;
    Arena *a;
    DiagList *dl;
    int xnest; /* expression nesting level (complit ambiguity), -1 in headers */
    int fnest; /* function nesting level (error recovery) */
    int nerr;  /* errors reported by the parser itself */
    int nsyntax; /* of which "syntax error: ..." (they stop go build) */
    VEC(Node *) stk;
    VEC(Pos) generics; /* where type parameters/arguments were seen */
    int depth;         /* current nesting of expressions, types, blocks */
    int too_deep;      /* nesting passed P_MAX_DEPTH: the rest reads as EOF */
    /* identifier interning: open addressing over arena strings */
    const char **itab;
    int *ilen;
    size_t icap, icount;
} Parser;

/* TokSet: a set of tokens for error recovery; OPCLASS stands for Go's
 * _Operator token class (binary operators but *, and ! ~). */
typedef struct TokSet {
    uint64_t w[2];
} TokSet;
#define P_OPCLASS TK_ILLEGAL

/* P_MAX_DEPTH: the deepest nesting parsed (C recursion; real code stays
 * far below). Deeper input is reported as unsupported and parsing stops. */
#define P_MAX_DEPTH 1000
/* P_MAX_CHAIN: the longest left-nested chain (a + b + ..., x.y.z..., f()()...):
 * no parser recursion, but as deep a tree for the walkers that follow.
 * Generated code such as long string concatenations needs thousands. */
#define P_MAX_CHAIN 10000

/* p_enter/p_leave: bracket a recursive rule; p_enter returns 0 (after
 * reporting once) when the nesting is too deep, and the caller must then
 * return at once without consuming (p_leave is still called). */
int p_enter(Parser *p);
/* p_too_deep: report the nesting limit (once) and stop parsing. */
void p_too_deep(Parser *p);
#define p_leave(p) ((p)->depth--)

/* ---- parse.c: tokens, errors, names, lists */
void p_next(Parser *p);
int p_got(Parser *p, TokKind k);
void p_want(Parser *p, TokKind k);
int p_got_assign(Parser *p);
int p_has_errors(const Parser *p);
void p_syntax_error_at(Parser *p, Pos pos, const char *msg);
void p_syntax_error(Parser *p, const char *msg);
void p_error_at(Parser *p, Pos pos, const char *msg);
const char *p_tokstring(TokKind k);
/* p_advance: skip to a token of the [n] following kinds (plus the statement
 * keywords inside a function body, and EOF); with n == 0 skip one token. */
void p_advance(Parser *p, int n, ...);
Node *p_new(Parser *p, AstKind k, Pos pos);
void p_fin(Parser *p, Node *n);
void p_push(Parser *p, Node *n);
NodeList p_pop(Parser *p, int base);
Node *p_name(Parser *p);
/* p_name_list: IdentifierList after its [first] name. */
NodeList p_name_list(Parser *p, Node *first);
Node *p_ident(Parser *p, Pos pos, const char *s, int n);
Node *p_bad_expr(Parser *p);
/* p_list: Go's list(context, sep, close, f): call [f] for each element until
 * [close]; returns the position of [close]. */
typedef int (*PListFn)(Parser *p, void *ctx);
Pos p_list(Parser *p, const char *context, TokKind sep, TokKind close, PListFn f, void *ctx);
Node *p_oliteral(Parser *p);
void p_unsupported_generics(Parser *p, Pos pos);

/* ---- parse_type.c: types */
Node *p_type(Parser *p);
Node *p_new_indirect(Parser *p, Pos pos, Node *typ);
Node *p_type_or_nil(Parser *p);
Node *p_func_type(Parser *p, const char *context, NodeList *tparams);
NodeList p_param_list(Parser *p, Node *name, Node *typ, TokKind close, int require_names);
Node *p_array_type(Parser *p, Pos pos, Node *len);
Node *p_slice_type(Parser *p, Pos pos);
Node *p_qualified_name(Parser *p, Node *name);

/* ---- parse.c: declarations */
Node *p_type_decl(Parser *p);
Node *p_var_decl(Parser *p);
Node *p_const_decl(Parser *p, int iota);
Node *p_gen_decl(Parser *p, TokKind tok);

/* ---- parse_expr.c */
Node *p_expr(Parser *p);
NodeList p_expr_list(Parser *p);
Node *p_binary_expr(Parser *p, Node *x, int prec);
Node *p_unary_expr(Parser *p);
Node *p_pexpr(Parser *p, Node *x, int keep_parens);
Node *p_unparen(Node *x);
int p_is_type_elem(const Node *x);
/* p_list_string: [l] printed as "x, y" (see parse_expr_string). */
void p_list_string(NodeList l, char *buf, size_t cap);
/* p_type_list: Go's typeList: one expression or a comma list of types. */
NodeList p_type_list(Parser *p, int *comma);

/* ---- parse_stmt.c */
Node *p_func_body(Parser *p);
Node *p_block_stmt(Parser *p, const char *context);
NodeList p_stmt_list(Parser *p);

#endif
