/* check_int: the checker's private state and the functions its files share.
 *
 * Invariants: a Checker lives for one chk_file call; scope/fn/sig describe
 * the innermost construct being checked; errors stop being recorded after
 * DIAG_MAX (Go stops there).
 */
#ifndef GORO_CHECK_INT_H
#define GORO_CHECK_INT_H

#include "check.h"
#include "const.h"
#include "diag.h"
#include "types.h"

/* Mode: what an operand is (types2's operandMode). */
typedef enum Mode {
    M_INVALID, M_NOVALUE, M_BUILTIN, M_TYPEXPR, M_CONST, M_VAR, M_MAPINDEX, M_VALUE, M_COMMAOK
} Mode;

/* Operand: an expression being checked. */
typedef struct Operand {
    Mode mode;
    Node *expr;
    Type *type;
    ConstVal *cv;
    int builtin;
} Operand;

/* Dep: a package-level object referenced while checking another one. */
typedef struct DepList {
    Obj **items;
    int len, cap;
} DepList;

/* Branch context for break/continue checks. */
typedef struct BranchCtx {
    int in_loop, in_switch, in_select;
} BranchCtx;

/* Rewrite: implicit nodes to insert into a selector once checking is done. */
enum { RW_NONE, RW_ADDR, RW_DEREF };
typedef struct Rewrite {
    Node *sel;
    int path[16];
    int npath;
    int wrap;
} Rewrite;

typedef struct Checker {
    TyCtx *c;
    ChkProgram *prog;
    DiagList *dl;
    AstFile *file;     /* file whose arena receives synthetic nodes */
    Pkg *pkg;
    Scope *pkg_scope;
    Scope *file_scope;
    int native;        /* checking a built-in package's API source */
    int nerr;
    int stopped;
    /* current function */
    ChkFunc *fn;
    Type *sig;
    Scope *scope;
    Obj *decl_obj;     /* package-level object being checked (dependency recording) */
    ConstVal *iota;    /* current iota in a const declaration, else NULL */
    VEC(Node *) delayed_lits; /* unused */
    /* package objects in declaration order */
    VEC(Obj *) pkg_objs;
    VEC(Node *) func_decls;
    VEC(Obj *) imports_objs;
    /* label/branch state */
    Scope *labels;
    int has_labels;
    Node *arg_fun; /* callee while checking arguments (CHK_CTX_ARG) */
    VEC(Rewrite) rewrites;
    int glob_lits; /* function literals at package level (naming) */
    Node *opassign_bin, *opassign_stmt; /* x op= y: the synthetic binary prints as the statement */
} Checker;

/* Errors. */
void chk_err(Checker *k, Pos pos, DiagMsg m, ...);
const char *chk_opstr(Checker *k, Operand *x); /* operand string as types2 prints it */
const char *chk_exprstr(Checker *k, Node *n);
const char *chk_typestr(Checker *k, Type *t);
char *chk_strf(Checker *k, const char *fmt, ...);

/* Positions types2 reports for an expression (syntax.StartPos-like). */
Pos chk_pos(Node *n);

/* Declarations (check_decl.c). */
Type *chk_typexpr(Checker *k, Node *e);            /* a type expression; invalid_t on error */
Type *chk_sig(Checker *k, Node *ftype, Node *recv, Scope *scope, ChkFunc *fn);
void chk_resolve_obj(Checker *k, Obj *o);          /* check a package-level object lazily */
void chk_record_use(Checker *k, Obj *o);
void chk_decl_stmt(Checker *k, Node *decl);        /* local const/var/type declarations */
Obj *chk_declare_var(Checker *k, Node *ident, Type *t, Scope *s);
int chk_declare(Checker *k, Scope *s, Obj *o, Node *ident); /* 0 if redeclared (reported) */
void chk_func_body(Checker *k, ChkFunc *fn, Scope *fscope);
ChkFunc *chk_new_func(Checker *k, Obj *obj, Node *decl, Type *sig, ChkFunc *outer);
void chk_add_local(Checker *k, Obj *o);

/* Expressions (check_expr.c). */
void chk_expr(Checker *k, Operand *x, Node *e);          /* single value, untyped allowed */
void chk_expr_hint(Checker *k, Operand *x, Node *e, Type *hint); /* composite-literal elision hint */
void chk_multi_expr(Checker *k, Operand *x, Node *e);    /* may be a tuple-valued call */
void chk_expr_or_type(Checker *k, Operand *x, Node *e);
void chk_raw_expr(Checker *k, Operand *x, Node *e, Type *hint, int allow_generic);
void chk_use_exprs(Checker *k, NodeList *l);
void chk_default(Checker *k, Operand *x);               /* untyped -> default type */
void chk_convert_untyped(Checker *k, Operand *x, Type *target); /* may set mode invalid after error */
void chk_update_type(Checker *k, Node *e, Type *t, ConstVal *cv);
int chk_representable(Checker *k, Operand *x, Type *t, ConstVal **out, int *why);
void chk_assignment(Checker *k, Operand *x, Type *t, const char *context);
void chk_conversion(Checker *k, Operand *x, Type *t, Node *call);
void chk_set_operand(Checker *k, Operand *x);           /* write type/cv/flags into x->expr */
void chk_selector(Checker *k, Operand *x, Node *e);
void chk_mark_addressed(Checker *k, Node *e);
void chk_apply_rewrites(Checker *k); /* insert the implicit selector, & and deref nodes */
Node *chk_new_node(Checker *k, AstKind kind, Pos pos);
void chk_comparison(Checker *k, Operand *x, Operand *y, TokKind op, Node *e);
int chk_is_assignable_var(Checker *k, Operand *x);

/* Calls and builtins (check_call.c). */
void chk_call(Checker *k, Operand *x, Node *call);
void chk_builtin(Checker *k, Operand *x, Node *call, int id);
void chk_arguments(Checker *k, Node *call, Type *sig, Operand *args, int nargs, Node *fun);
/* CHK_CTX_ARG: context marker for chk_assignment meaning "argument to <k->arg_fun>" */
extern const char CHK_CTX_ARG[];
int chk_collect_args(Checker *k, NodeList *args, Operand **out, int *spread);
const char *chk_tuple_have(Checker *k, Operand *xs, int n);
const char *chk_tuple_want(Checker *k, Obj **vars, int n, int variadic);

/* Statements (check_stmt.c). */
void chk_stmt_list(Checker *k, NodeList *l, BranchCtx bc);
void chk_stmt(Checker *k, Node *s, BranchCtx bc);
int chk_is_terminating(Node *s, const char *label);
void chk_usage(Checker *k, ChkFunc *fn);
void chk_check_labels(Checker *k, Node *body);

/* Packages (check_pkgs.c / check_decl.c). */
Pkg *chk_load_package(Checker *k, const char *path);
int chk_api_source_known_std(const char *path);

#endif
