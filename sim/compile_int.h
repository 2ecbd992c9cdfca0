/* compile_int: state shared by the compiler's files (compile.c: program,
 * types, functions; compile_stmt.c: statements; compile_expr.c:
 * expressions). Not a public header.
 *
 * Invariants:
 * - Registers: a function's parameters (receiver first) occupy R[0..), then
 *   its locals get registers in declaration order as blocks open; temps sit
 *   above fs->nactive and are released when the statement ends.
 * - A local is "boxed" (its register holds a cell) when it is captured or
 *   address-taken and is not a struct/array; struct/array variables hold
 *   their aggregate, which is already a heap object with identity.
 * - Aggregate values are copied when stored anywhere (CLONE), unless the
 *   expression made a fresh one (composite literal, call, assertion).
 */
#ifndef GORO_COMPILE_INT_H
#define GORO_COMPILE_INT_H

#include "check.h"
#include "compile.h"
#include "types.h"

typedef struct CompCtx CompCtx;

/* TypeMap: checker Type -> runtime RType (named types by identity,
 * unnamed ones by their type string, so identical types share one RType). */
typedef struct TypeEnt {
    Type *t;
    const char *key; /* unnamed types: qualified type string */
    RType *rt;
} TypeEnt;

/* FuncEnt: a function body's proto and, for declared functions, the
 * closure value calls load. */
typedef struct FuncEnt {
    ChkFunc *cf;
    Obj *obj;
    Proto *p;
    int pindex; /* index in vm->protos */
    Value closure;
} FuncEnt;

struct CompCtx {
    Vm *vm;
    ChkProgram *prog;
    const SrcFile *src;
    FILE *err;
    int nerrors;
    VEC(TypeEnt) types;
    VEC(FuncEnt) funcs;
    VEC(FuncEnt) natives; /* OBJF_NATIVE funcs bound by qname */
};

typedef struct Loop {
    struct Loop *up;
    Obj *label;
    int is_loop;  /* continue allowed */
    VEC(int) breaks;
    VEC(int) conts;
} Loop;

typedef struct FuncState {
    CompCtx *cc;
    ChkFunc *cf; /* NULL for synthesized functions */
    Proto *p;
    VEC(Instr) code;
    VEC(int) lines;
    VEC(Value) k;
    int *lreg; /* register of each local, by obj->index; -1 if not yet declared */
    int nlocals;
    int nactive; /* registers held by live locals */
    int freereg, maxreg;
    int line;
    Loop *loop;
    int has_defer;
    const char *name_hint; /* variable the expression being compiled is assigned to (trace names) */
    const char *acc_name;  /* race/trace: source name of the access being emitted (arena), NULL none */
    VEC(struct AccName { int pc; const char *name; }) accs; /* Proto.acc_names, while compiling */
    VEC(struct GotoRef { Obj *label; int at; }) labels; /* label positions */
    VEC(struct GotoRef) gotos;                            /* jumps to patch */
} FuncState;

/* ---- compile.c ---- */
void comp_error(CompCtx *cc, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
RType *comp_rtype(CompCtx *cc, Type *t);
int comp_is_agg(Type *t);
int comp_emit(FuncState *fs, Instr i);
/* comp_expr_name: [x]'s source text when it is a name or a chain of field
 * selections ("jobs", "c.mu"), into [buf]; NULL otherwise. */
const char *comp_expr_name(Node *x, char *buf, size_t n);
#define EMIT(fs, op, a, b, c) comp_emit(fs, VM_MK(OP_##op, a, b, c, 0))
#define EMITD(fs, op, a, b, c, d) comp_emit(fs, VM_MK(OP_##op, a, b, c, d))
#define EMITX(fs, op, a, bx) comp_emit(fs, VM_MKX(OP_##op, a, bx))
int comp_here(FuncState *fs);
void comp_patch(FuncState *fs, int at, int target);
int comp_jump(FuncState *fs, int op, int a); /* emits a jump to patch */
int comp_const(FuncState *fs, Value v);
int comp_reg(FuncState *fs);   /* a fresh temp register */
int comp_regs(FuncState *fs, int n); /* n consecutive temps; returns the first */
int comp_boxed(Obj *o);
FuncEnt *comp_func_of(CompCtx *cc, Obj *fn); /* declared or native function */
FuncEnt *comp_lit_of(CompCtx *cc, ChkFunc *cf);
int comp_intern(CompCtx *cc, const char *name);

/* ---- compile_expr.c ---- */
/* comp_expr: a register holding [n]'s value (maybe a local's own register:
 * read it, never write it). */
int comp_expr(FuncState *fs, Node *n);
/* comp_expr_to: [n]'s value into register [dst]. */
void comp_expr_to(FuncState *fs, Node *n, int dst);
/* comp_value_to: [n] converted to type [dt] (boxing into interfaces) with
 * copy semantics (aggregates cloned unless fresh), into [dst]. */
void comp_value_to(FuncState *fs, Node *n, Type *dt, int dst);
/* comp_cond_jump: jump (to be patched) when [n] is [when] (0/1); may be a
 * fused compare-and-branch, whose offset must fit 16 bits (if bodies). */
int comp_cond_jump(FuncState *fs, Node *n, int when);
/* comp_is_named_call: whether [n] calls a function of package context or
 * time.NewTimer, NewTicker or AfterFunc (the trace names its result after
 * the variable it is assigned to). */
int comp_is_named_call(Node *n);
/* comp_call: compile call [n] leaving its [nres] results at R[base..];
 * returns base. nres -1: emit DEFER instead of CALL; -2: GO. */
int comp_call(FuncState *fs, Node *n, int nres);
/* LVal: an assignable location whose operands are already evaluated
 * (Go's first assignment phase). */
typedef enum LvKind { LV_BLANK, LV_VAR, LV_FIELD, LV_ARRAY, LV_SLICE, LV_MAP, LV_DEREF } LvKind;
typedef struct LVal {
    LvKind kind;
    Obj *var;  /* LV_VAR */
    int a, b;  /* container register, index/key register or field index */
    Type *t;   /* the location's type */
    Type *ct;  /* LV_MAP: the map type */
    const char *name; /* race/trace: source name (comp_acc_name), NULL none */
} LVal;
/* comp_acc_name: the source name of location [x] for memory events
 * ("counter", "c.count", "results[]", "*p"), interned in the Vm's arena;
 * NULL when the Vm has no mem_hook (names are only for race/trace) or [x]
 * names no location. */
const char *comp_acc_name(FuncState *fs, Node *x);
LVal comp_lval(FuncState *fs, Node *lhs);
void comp_lv_load(FuncState *fs, const LVal *lv, int dst);
/* comp_lv_store: store register [src] (already converted and copied). */
void comp_lv_store(FuncState *fs, const LVal *lv, int src);
/* comp_multi: [n] values of a multi-value expression (call, comma-ok
 * index/assertion) in consecutive registers; returns the first. */
int comp_multi(FuncState *fs, Node *n, int count);
/* comp_arith: R[dst] = R[x] op R[y] for values of type [t] (narrowed). */
void comp_arith(FuncState *fs, TokKind op, Type *t, int dst, int x, int y);
/* comp_mark_unsigned_shift: after comp_arith of a shift, flag it when the
 * count's type [count_t] is unsigned (no negative-count panic). */
void comp_mark_unsigned_shift(FuncState *fs, Type *count_t);
/* comp_load_var / comp_store_var: read or write variable [o]. */
int comp_load_var(FuncState *fs, Obj *o);
/* comp_load_var_to: read variable [o] into register [dst] (no temporary). */
void comp_load_var_to(FuncState *fs, Obj *o, int dst);
/* comp_narrow: truncate register [r] after integer arithmetic of type [t]
 * (sub-64-bit kinds), or round it to float32. */
void comp_narrow(FuncState *fs, Type *t, int r);
void comp_store_var(FuncState *fs, Obj *o, int src);
/* comp_zero_to: the zero value of [t] into [dst]. */
void comp_zero_to(FuncState *fs, Type *t, int dst);
/* comp_load_const: constant [cv] of type [t] into [dst]. */
void comp_load_const(FuncState *fs, const ConstVal *cv, Type *t, int dst);
/* comp_closure_to: a closure of function literal / ChkFunc [cf] into dst. */
void comp_closure_to(FuncState *fs, ChkFunc *cf, int dst);

/* ---- compile_stmt.c ---- */
void comp_block(FuncState *fs, Node *block);
void comp_stmt(FuncState *fs, Node *n);
void comp_declare_local(FuncState *fs, Obj *o, int init_reg); /* init_reg -1: zero */
int comp_scan_defer(Node *n);
void comp_return_epilogue(FuncState *fs);
void comp_patch_gotos(FuncState *fs);

#endif
