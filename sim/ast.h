/* ast: the syntax tree of one Go source file, as the parser builds it and the
 * checker annotates it.
 *
 * Invariants:
 * - Every node lives in the File's arena and is freed with it (ast_free).
 * - Every node has the position of its first token (for binary expressions
 *   the operator's position, as go/types reports them; see each kind).
 * - Lists are (items, n) arrays in the arena; items may be NULL when n is 0.
 * - IDENT names are interned per file: equal spellings share one pointer.
 * - FILE: imports holds every IMPORT_SPEC (flattened from the import
 *   declarations); decls the other top-level declarations, in order.
 * - ASSIGN and INC_DEC keep their operator's position in tok_pos (where
 *   go/types reports e.g. "no new variables on left side of :=").
 * - Parameter, result and struct FIELDs group names as written (a, b int is
 *   one FIELD with two names); unnamed parameters have no names.
 * - Positions, where "first token" needs saying: COMPOSITE_LIT and
 *   KEY_VALUE start at their type/key; FUNC_TYPE of a FUNC_DECL or FUNC_LIT
 *   at "func"; RANGE at "for"; a TYPE_SWITCH's ASSIGN at its variable.
 *   ast_start_pos gives the first token for every kind.
 * - UNARY also carries TK_TILDE and BINARY TK_OR inside interface
 *   constraints (generics, reported as unsupported by the parser).
 * - BAD_EXPR only appears after a reported error; BAD_STMT is not produced.
 * - The parser fills only syntax; fields marked "checker:" start NULL/0 and
 *   are filled by chk_ (types.h owns what they point to).
 */
#ifndef GORO_AST_H
#define GORO_AST_H

#include <stdint.h>

#include "arena.h"
#include "lex.h"
#include "src.h"

/* Filled by the checker; defined in types.h. */
struct Type;
struct Obj;
struct ConstVal;

typedef struct Node Node;

/* NodeList: an arena array of node pointers. */
typedef struct NodeList {
    Node **items;
    int n;
} NodeList;

/* AstKind: every node kind. Expressions, types, statements, declarations and
 * helper nodes (Field, specs, clauses, File) share one Node struct. */
#define AST_KINDS(X)                                                                    \
    /* expressions */                                                                   \
    X(BAD_EXPR)                                                                         \
    X(IDENT)          /* name */                                                        \
    X(BASIC_LIT)      /* lit: INT FLOAT IMAG CHAR STRING token and its raw text */      \
    X(COMPOSITE_LIT)  /* composite: type (may be NULL when elided), elts */             \
    X(FUNC_LIT)       /* func_lit: type (FUNC_TYPE), body */                            \
    X(PAREN)          /* unary.x */                                                     \
    X(SELECTOR)       /* selector: x.sel */                                             \
    X(INDEX)          /* index: x[index]; also x[T1, T2] (generic instantiation) */     \
    X(SLICE_EXPR)     /* slice: x[lo:hi:max] */                                         \
    X(TYPE_ASSERT)    /* type_assert: x.(type_); type_ NULL for x.(type) */             \
    X(CALL)           /* call: fun(args...) */                                          \
    X(STAR)           /* unary.x: *x (deref or pointer type) */                         \
    X(UNARY)          /* unary: op x  (+ - ! ^ & <-) */                                 \
    X(BINARY)         /* binary: x op y; pos is the operator's */                       \
    X(KEY_VALUE)      /* binary.x: key, binary.y: value, in composite literals */      \
    /* types */                                                                         \
    X(ARRAY_TYPE)     /* array_type: [len]elem; len NULL: slice; ELLIPSIS: [...]T */   \
    X(STRUCT_TYPE)    /* fields: FIELD nodes */                                         \
    X(FUNC_TYPE)      /* func_type: params, results (FIELD nodes), type_params */       \
    X(INTERFACE_TYPE) /* fields: FIELD nodes; method (names + FUNC_TYPE) or embedded */ \
    X(MAP_TYPE)       /* map_type: key, value */                                        \
    X(CHAN_TYPE)      /* chan_type: dir, value */                                       \
    X(ELLIPSIS)       /* unary.x: ...T in a parameter list, or [...] array length */    \
    /* statements */                                                                    \
    X(BAD_STMT)                                                                         \
    X(DECL_STMT)      /* decl_stmt.decl: GEN_DECL */                                    \
    X(EMPTY_STMT)                                                                       \
    X(LABELED)        /* labeled: label, stmt */                                        \
    X(EXPR_STMT)      /* unary.x */                                                     \
    X(SEND)           /* binary: x <- y (pos of the arrow) */                           \
    X(INC_DEC)        /* inc_dec: x, tok (TK_INC/TK_DEC) */                             \
    X(ASSIGN)         /* assign: lhs tok rhs; tok is = := += -= ... */                  \
    X(GO)             /* unary.x: the CALL */                                           \
    X(DEFER)          /* unary.x: the CALL */                                           \
    X(RETURN)         /* ret.results */                                                 \
    X(BRANCH)         /* branch: tok (break continue goto fallthrough), label */        \
    X(BLOCK)          /* block: stmts, rbrace */                                        \
    X(IF)             /* if_: init, cond, then (BLOCK), else_ (IF or BLOCK or NULL) */  \
    X(CASE_CLAUSE)    /* clause: list (NULL/0 for default), body */                     \
    X(SWITCH)         /* switch_: init, tag, body (BLOCK of CASE_CLAUSE) */             \
    X(TYPE_SWITCH)    /* switch_: init, tag = ASSIGN x := y.(type) or EXPR_STMT */      \
    X(COMM_CLAUSE)    /* clause: comm (SEND/EXPR_STMT/ASSIGN or NULL for default) */    \
    X(SELECT)         /* switch_.body: BLOCK of COMM_CLAUSE */                          \
    X(FOR)            /* for_: init, cond, post, body */                                \
    X(RANGE)          /* range: key, value, tok (DEFINE/ASSIGN/0), x, body */           \
    /* declarations and helpers */                                                      \
    X(FIELD)          /* field: names, type, tag (struct/params/results/methods) */     \
    X(IMPORT_SPEC)    /* import_spec: name (IDENT or NULL), path (BASIC_LIT) */         \
    X(VALUE_SPEC)     /* value_spec: names, type, values, iota (const index) */         \
    X(TYPE_SPEC)      /* type_spec: name, type_params, assign (alias), type */          \
    X(GEN_DECL)       /* gen_decl: tok (IMPORT CONST TYPE VAR), specs */                \
    X(FUNC_DECL)      /* func_decl: recv (FIELD list), name, type, body (NULL=none) */  \
    X(FILE)           /* file: package_name, imports (IMPORT_SPECs), decls */

typedef enum AstKind {
#define AST_ENUM(k) AST_##k,
    AST_KINDS(AST_ENUM)
#undef AST_ENUM
        AST__COUNT
} AstKind;

/* ChanDir: the direction of a channel type. */
typedef enum ChanDir { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

/* Node: one syntax tree node; which union member is live depends on kind
 * (see AST_KINDS). */
struct Node {
    AstKind kind;
    Pos pos; /* see AST_KINDS for which token */
    Pos end; /* position just past the node's last token, where known */

    /* checker: the type of an expression or type expression; for constants
     * also its value; for identifiers the object they denote or declare. */
    struct Type *type;
    struct ConstVal *cv;
    struct Obj *obj;
    uint32_t flags; /* checker/compiler scratch bits (see types.h) */

    union {
        struct { const char *name; } ident;
        struct {
            TokKind kind; /* TK_INT TK_FLOAT TK_IMAG TK_CHAR TK_STRING */
            const char *raw; /* the literal exactly as written */
            int rawlen;
            int bad; /* the lexer reported an error in it (lex_unquote may fail) */
        } lit;
        struct { Node *type; NodeList elts; Pos lbrace, rbrace; } composite;
        struct { Node *type; Node *body; } func_lit;
        struct { TokKind op; Node *x; } unary;
        struct { Node *x; Node *sel; } selector;
        struct { Node *x; NodeList indices; Pos lbrack, rbrack; } index;
        struct { Node *x; Node *lo, *hi, *max; int slice3; Pos lbrack, rbrack; } slice;
        struct { Node *x; Node *type_; Pos lparen; Node *lhs; /* parser scratch, NULL after */ } type_assert;
        struct { Node *fun; NodeList args; Pos lparen, rparen, ellipsis; int has_ellipsis; } call;
        struct { TokKind op; Node *x, *y; } binary;
        struct { Node *len; Node *elem; } array_type;
        struct { NodeList fields; } fields; /* STRUCT_TYPE, INTERFACE_TYPE */
        struct {
            NodeList params, results, type_params;
            Pos sig; /* the "(" (or "[") opening the signature */
        } func_type;
        struct { Node *key, *value; } map_type;
        struct { ChanDir dir; Node *value; Pos arrow; } chan_type;
        struct { Node *decl; } decl_stmt;
        struct { Node *label; Node *stmt; } labeled;
        struct { Node *x; TokKind tok; Pos tok_pos; } inc_dec;
        struct { NodeList lhs, rhs; TokKind tok; Pos tok_pos; } assign;
        struct { NodeList results; } ret;
        struct { TokKind tok; Node *label; } branch;
        struct { NodeList stmts; Pos rbrace; } block;
        struct { Node *init, *cond, *then, *else_; } if_;
        struct { NodeList list; NodeList body; Node *comm; Pos colon; } clause;
        struct { Node *init, *tag, *body; } switch_;
        struct { Node *init, *cond, *post, *body; } for_;
        struct {
            Node *key, *value;
            TokKind tok;
            Node *x, *body;
            Node *extra; /* a third iteration variable (an error for the checker) */
        } range;
        struct { NodeList names; Node *type; Node *tag; } field;
        struct { Node *name; Node *path; } import_spec;
        struct { NodeList names; Node *type; NodeList values; int iota; } value_spec;
        struct { Node *name; NodeList type_params; int assign; Node *type; } type_spec;
        struct { TokKind tok; NodeList specs; Pos lparen, rparen; } gen_decl;
        struct { NodeList recv; Node *name; Node *type; Node *body; } func_decl;
        struct { Node *package_name; NodeList imports; NodeList decls; } file;
    } u;
};

/* AstFile: a parsed file and the arena its nodes live in. */
typedef struct AstFile {
    Arena arena;
    const SrcFile *src; /* borrowed */
    Node *root;         /* AST_FILE, or NULL if even the package clause failed */
} AstFile;

/* ast_new: a zeroed node of [kind] at [pos] in [a]. */
Node *ast_new(Arena *a, AstKind kind, Pos pos);

/* ast_list: an arena copy of [n] nodes from [items] ([items] may be a
 * temporary buffer). */
NodeList ast_list(Arena *a, Node **items, int n);

/* ast_start_pos: the position of [n]'s first token, as syntax.StartPos
 * (where go/types2 reports errors about a node): [n]->pos except for
 * BINARY and SEND, whose pos is the operator's. */
Pos ast_start_pos(const Node *n);

/* ast_kind_name: the kind's name for debugging ("IDENT", "CALL"...). */
const char *ast_kind_name(AstKind k);

/* ast_dump: write an indented s-expression of [n] to [out] (tests, debugging). */
void ast_dump(const Node *n, FILE *out);

/* ast_dump_opts: ast_dump with [flags]: AST_DUMP_POS adds every node's
 * "@line:col" after its kind. */
#define AST_DUMP_POS 1
void ast_dump_opts(const Node *n, FILE *out, int flags);

/* ast_free: release every node of [f] (the SrcFile is not freed). */
void ast_free(AstFile *f);

#endif
