/* check: Go's type checker for goro-viz's subset: scopes, types of every
 * expression, constants, conversions, assignability, method sets,
 * interfaces, unused variables and imports, and the APIs of the built-in
 * packages (written as Go source in check_pkgs.c), with diagnostics worded
 * and placed as Go 1.19's `go build` (types2) reports them.
 *
 * How to read the annotations the checker leaves on the AST: see the big
 * comment at the top of types.h.
 *
 * Invariants:
 * - All types/objects/scopes live in ChkProgram.ty (freed by chk_free); the
 *   checker also allocates a few synthetic nodes (implicit selectors, & and
 *   * wrappers) in the checked file's arena.
 * - The checker is only run on a file without syntax errors.
 */
#ifndef GORO_CHECK_H
#define GORO_CHECK_H

#include "ast.h"
#include "diag.h"
#include "types.h"

/* ChkFunc: one function body (FUNC_DECL with a body, or FUNC_LIT). */
typedef struct ChkFunc {
    Obj *obj;              /* the function/method object (literals: a synthetic OBJ_FUNC) */
    Node *decl;            /* FUNC_DECL or FUNC_LIT */
    Node *body;            /* its BLOCK */
    Type *sig;             /* TY_FUNC (for methods: with u.func.recv set) */
    struct ChkFunc *outer; /* enclosing function of a literal; NULL for declarations */
    VEC(Obj *) locals;     /* receiver, params, results, then locals in declaration order;
                              obj->index is the position here */
    VEC(Obj *) captures;   /* literals: variables of enclosing functions it uses
                              (directly or via nested literals), in first-use order */
    int nparams;           /* receiver + params count at the start of locals */
    int nresults;          /* results follow the params in locals */
    int lit_count;         /* checker-private: numbering of nested literals */
} ChkFunc;

/* ChkInit: one package-level initialisation: lhs = rhs. rhs NULL means
 * the zero value; nlhs > 1 with one rhs means a multi-value call or a
 * comma-ok form (rhs flagged NF_COMMAOK). Every lhs is a global Obj; a
 * blank `var _ = f()` has an Obj named "_" with its own slot (evaluate and
 * discard). */
typedef struct ChkInit {
    Obj **lhs; /* global vars */
    int nlhs;
    Node *rhs;
} ChkInit;

/* ChkProgram: everything the checker learned about one file. */
typedef struct ChkProgram {
    TyCtx ty;                /* owns types/objects/scopes */
    Pkg *pkg;                /* package main */
    VEC(Pkg *) imports;      /* every loaded package (imported directly or by other API packages) */
    VEC(ChkFunc *) funcs;    /* every body: declared functions/methods in source order, then
                                literals in the order they were checked */
    VEC(Obj *) globals;      /* package-level vars; obj->index is the position here */
    VEC(ChkInit) inits;      /* package-level initialisations in Go's initialisation order */
    VEC(Obj *) init_funcs;   /* func init() declarations in source order */
    Obj *main_func;          /* func main, NULL if missing */
    VEC(AstFile *) api_files;/* parsed API sources of the built-in packages (owned) */
    int nerrors;
} ChkProgram;

/* chk_file: type-check [file] (package main), reporting errors to [diags]
 * (at most 10 type errors are reported, as Go stops there). Fills [out]
 * (zeroed first); returns the number of errors reported. [out] must be
 * released with chk_free even after errors; [file] must outlive it. */
int chk_file(ChkProgram *out, AstFile *file, DiagList *diags);

/* chk_free: release everything [p] owns. */
void chk_free(ChkProgram *p);

/* chk_api_source: the Go source text of built-in package [path]'s API (as
 * checked into its package scope), or NULL if goro-viz has no such package. */
const char *chk_api_source(const char *path);

#endif
