/* types: Go types, objects and scopes as the checker builds them, and the
 * predicates on them (identical, assignable, convertible, method sets), with
 * type strings printed exactly as Go prints them.
 *
 * Invariants:
 * - Types, objects and scopes live in a TyCtx's arena and die with it.
 * - Basic types are singletons of the TyCtx (ty_basic); `byte` and `rune` are
 *   distinct Type structs with kind TY_UINT8/TY_INT32 (they print as
 *   byte/rune) and are identical to uint8/int32.
 * - A named type's `under` is never TY_NAMED once resolved.
 * - Composite types are compared structurally (ty_identical); two named
 *   types are identical only if they are the same Type.
 *
 * ---------------------------------------------------------------------------
 * HOW TO READ THE CHECKER'S ANNOTATIONS (the contract with the compiler)
 * ---------------------------------------------------------------------------
 * Every Node has type, cv, obj, flags. After chk_file succeeds:
 *
 * Expressions
 * - n->type: the expression's final type. Untyped constants are converted to
 *   the type their context gives them (as go/types' updateExprType), so an
 *   untyped constant only remains untyped where Go leaves it so (e.g. the
 *   operand of a shift count or a comparison of two constants); then use
 *   ty_default(). Untyped nil gets the type it is assigned to (pointer,
 *   slice, map, chan, func or interface). A call returning several results
 *   has a TY_TUPLE type; a call with no result has ty_void (empty tuple).
 * - n->flags & NF_CONST: the expression is constant; n->cv is its value,
 *   already converted/rounded to n->type (CV_INT for integer kinds, CV_FLOAT
 *   for floats, CV_STRING, CV_BOOL). Do not look at sub-expressions.
 * - n->flags & NF_TYPEEXPR: the expression denotes a type (n->type); it
 *   appears as a conversion's fun, a composite literal type, a method
 *   expression's receiver, a type switch case, make/new's first argument.
 * - IDENT: n->obj is the object it denotes (OBJ_VAR/CONST/TYPE/FUNC/PKG/
 *   BUILTIN/NIL) or declares; the blank identifier `_` has obj NULL.
 * - SELECTOR x.sel: NF_SEL(n) tells which:
 *     SEL_FIELD        struct field; n->obj is the field Obj (obj->index is
 *                      the field index). If x->type (underlying) is a pointer
 *                      the field is of *x (implicit dereference, nil check).
 *                      Promoted fields are made explicit: the checker
 *                      inserts SELECTOR nodes (flag NF_IMPLICIT) for each
 *                      embedded field on the path, so every SELECTOR selects
 *                      exactly one field of the struct x (or *x).
 *     SEL_METHOD       concrete method (a call x.M() or a method value
 *                      x.M); n->obj is the method's OBJ_FUNC. The receiver
 *                      x is rewritten so x->type is exactly the method's
 *                      receiver type: the checker wraps x in UNARY & or STAR
 *                      nodes flagged NF_IMPLICIT when Go takes the address or
 *                      dereferences automatically, and inserts embedded-field
 *                      selectors for promoted methods.
 *     SEL_IFACE_METHOD x has interface type; n->obj is the method in the
 *                      interface's method list, obj->index its index in
 *                      the sorted method list of that interface type.
 *     SEL_METHOD_EXPR  T.M or (*T).M; n->type is the func type with the
 *                      receiver as first parameter; n->obj the method.
 *     SEL_PKG          pkg.Name: n->obj is the package member (as for an
 *                      IDENT); x is the package IDENT.
 * - CALL: NF_CALL(n) tells which:
 *     CALL_CONV     conversion T(x): fun is a type expression; n->type = T.
 *     CALL_BUILTIN  fun (maybe parenthesised) is an IDENT whose obj is an
 *                   OBJ_BUILTIN; obj->builtin is the BuiltinId. For make/new
 *                   args[0] is a type expression.
 *     CALL_FUNC     static call: fun is an IDENT or SEL_PKG selector whose
 *                   obj is an OBJ_FUNC (obj->qname names natives).
 *     CALL_METHOD   fun is a SEL_METHOD selector (static method call).
 *     CALL_IFACE    fun is a SEL_IFACE_METHOD selector (dynamic dispatch).
 *     CALL_VALUE    any other callee: a func-typed value (closure, var,
 *                   method value, method expression, call result).
 *   NF_SPREAD: f(g()) where g returns several values spread as arguments.
 *   Variadic: when the callee's signature is variadic and call.has_ellipsis
 *   is 0, the arguments from the last parameter on are packed into a slice.
 *   Assigning a value of non-interface type to an interface-typed
 *   destination (variable, parameter, result, field, element, map
 *   key/value, channel send, comparison operand against an interface) is an
 *   implicit conversion: compare n->type with the destination type
 *   (ty_is_interface(dst) && !ty_is_interface(src) => box it).
 * - INDEX / TYPE_ASSERT / UNARY(<-) with NF_COMMAOK: used in a two-value
 *   context (v, ok = ...); n->type is the value's type, ok is bool.
 *   INDEX on a map has NF_MAPINDEX.
 * - UNARY &x marks the root variable of x OBJF_ADDRESSED (also the implicit
 *   & of pointer-method calls, and slicing an addressable array).
 *
 * Statements
 * - RANGE: NF_RANGE(n) gives what is ranged over (RANGE_INT, _SLICE, _ARRAY,
 *   _PTR_ARRAY, _STRING, _MAP, _CHAN). key/value IDENT nodes carry their
 *   objs when declared with := ; their types are the key/value types.
 * - TYPE_SWITCH: each CASE_CLAUSE's obj is the clause's implicit variable
 *   (when the switch binds one: `switch v := x.(type)`), typed with the
 *   single case type or else the switched interface type. Case items are
 *   type expressions (NF_TYPEEXPR) or the nil IDENT.
 * - LABELED / BRANCH with a label: label IDENT obj is the OBJ_LABEL, whose
 *   decl is the LABELED node.
 *
 * Composite literals
 * - COMPOSITE_LIT: n->type is the literal's type. An element whose type was
 *   elided gets the element type; if that element type is a pointer *T the
 *   elided literal denotes &T{...} and its n->type is *T. In struct
 *   literals a KEY_VALUE's key IDENT has obj = the field (obj->index);
 *   positional elements follow field order. Array/slice KEY_VALUE keys are
 *   constant indices (NF_CONST). For [...]T the array type's length is
 *   filled in.
 *
 * When the implicit nodes appear
 * - The implicit embedded-field selectors and the & / * receiver wrappers
 *   are inserted after the whole file is checked (so error messages print
 *   the source text); a successfully checked tree always has them.
 *
 * Functions and variables
 * - Every function body (FUNC_DECL with body, FUNC_LIT) has a ChkFunc (see
 *   check.h): FUNC_DECL's name->obj->fn, FUNC_LIT's n->obj->fn. Its locals
 *   list the receiver, parameters, results and every local variable in
 *   declaration order; a local Obj's index is its position there and its fn
 *   the owning ChkFunc. A var referenced from a nested function literal is
 *   flagged OBJF_CAPTURED and appears in that literal's captures (and in
 *   the captures of every literal in between).
 * - Package-level variables are OBJF_GLOBAL with index = position in
 *   ChkProgram.globals; ChkProgram.inits lists their initialisations in
 *   Go's order (the earliest ready variable first).
 * - Loop variables (for i := ...; range k, v := ...) are one Obj each; with
 *   current Go semantics (1.22) each iteration has its own copy, which
 *   matters only when the Obj is OBJF_CAPTURED or OBJF_ADDRESSED.
 * - Labels: LABELED label IDENT and BRANCH label IDENT share an OBJ_LABEL
 *   whose decl is the LABELED statement (break/continue/goto).
 *
 * Built-in packages (natives)
 * - Functions, methods and package vars of built-in packages carry
 *   OBJF_NATIVE and qname = import path + name: "fmt.Println",
 *   "sync/atomic.AddInt64", "sync.(*WaitGroup).Wait",
 *   "time.Duration.String", "os.Args", "io.EOF". Their API source is
 *   chk_api_source(path). Unexported struct fields such as `h int` are
 *   zero-initialised handles the VM may use for native state.
 */
#ifndef GORO_TYPES_H
#define GORO_TYPES_H

#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "const.h"

typedef struct Type Type;
typedef struct Obj Obj;
typedef struct Scope Scope;
typedef struct Pkg Pkg;
struct ChkFunc;

/* TyKind: what a Type is. */
typedef enum TyKind {
    TY_INVALID,
    TY_BOOL, TY_INT, TY_INT8, TY_INT16, TY_INT32, TY_INT64,
    TY_UINT, TY_UINT8, TY_UINT16, TY_UINT32, TY_UINT64, TY_UINTPTR,
    TY_FLOAT32, TY_FLOAT64, TY_STRING, TY_UNSAFE_POINTER,
    TY_UNTYPED_BOOL, TY_UNTYPED_INT, TY_UNTYPED_RUNE, TY_UNTYPED_FLOAT,
    TY_UNTYPED_STRING, TY_UNTYPED_NIL,
    TY_NAMED, TY_POINTER, TY_SLICE, TY_ARRAY, TY_MAP, TY_CHAN, TY_STRUCT,
    TY_FUNC, TY_INTERFACE, TY_TUPLE,
    TY__COUNT
} TyKind;

/* Type: one Go type (see invariants). */
struct Type {
    TyKind kind;
    int id; /* creation order in the TyCtx: a stable small number */
    const char *bname; /* basic types: "int", "byte", "untyped int"... */
    union {
        struct { Obj *obj; Type *under; Obj **methods; int nmethods, capm; int resolving; } named;
        struct { Type *elem; } ptr;   /* POINTER, SLICE */
        struct { Type *elem; int64_t len; } array;
        struct { Type *key, *val; } map;
        struct { Type *elem; ChanDir dir; } chan;
        struct { Obj **fields; const char **tags; int nfields; } strct;
        struct { Obj *recv; Obj **params; int nparams; Obj **results; int nresults; int variadic; } func;
        /* methods: the complete method set sorted by name (embedded
         * interfaces flattened); embeds: embedded interface types as
         * written, until completion. */
        struct { Obj **methods; int nmethods; Type **embeds; int nembeds; int complete; } iface;
        struct { Type **types; int n; } tuple;
    } u;
};

/* ObjKind: what an object is. */
typedef enum ObjKind {
    OBJ_BAD, OBJ_VAR, OBJ_CONST, OBJ_TYPE, OBJ_FUNC, OBJ_PKG, OBJ_BUILTIN, OBJ_LABEL, OBJ_NIL
} ObjKind;

/* Object flags. */
enum {
    OBJF_USED = 1 << 0,      /* referenced (vars: for "declared but not used") */
    OBJF_CAPTURED = 1 << 1,  /* var referenced by a nested function literal: box it */
    OBJF_ADDRESSED = 1 << 2, /* var whose address is taken (explicitly or implicitly) */
    OBJF_PARAM = 1 << 3,     /* parameter or receiver */
    OBJF_RESULT = 1 << 4,    /* named or unnamed result */
    OBJF_FIELD = 1 << 5,     /* struct field */
    OBJF_EMBEDDED = 1 << 6,  /* embedded struct field / embedded interface */
    OBJF_GLOBAL = 1 << 7,    /* package-level var */
    OBJF_METHOD = 1 << 8,    /* func with receiver, or interface method */
    OBJF_PTR_RECV = 1 << 9,  /* method with pointer receiver */
    OBJF_NATIVE = 1 << 10,   /* func/method of a built-in package (no body): bind by qname */
    OBJF_RECV = 1 << 11,     /* the receiver variable */
};

/* BuiltinId: the universe's built-in functions. */
typedef enum BuiltinId {
    BI_NONE, BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN,
    BI_MAKE, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER, BI_MIN, BI_MAX,
    BI_CLEAR
} BuiltinId;

/* Obj: a named language entity (var, const, type, func, package, builtin,
 * label, nil). */
struct Obj {
    ObjKind kind;
    const char *name;
    Pos pos;       /* of the declaring identifier; line 0 for universe/native */
    Type *type;
    ConstVal *cv;  /* OBJ_CONST */
    Pkg *pkg;      /* declaring package; NULL in the universe */
    Pkg *ref;      /* OBJ_PKG: the imported package */
    Node *decl;    /* declaring node (IDENT for vars/consts, FUNC_DECL, TYPE_SPEC, LABELED) */
    const char *qname; /* OBJ_FUNC: "fmt.Println", "sync.(*Mutex).Lock",
                          "time.Duration.String", "main.f", "main.(*T).M",
                          literals as Go names them: "main.main.func1",
                          nested "main.main.func1.1", package level
                          "main.glob..func1" */
    int builtin;   /* OBJ_BUILTIN: BuiltinId */
    uint32_t flags;/* OBJF_* */
    int index;     /* local slot / field index / interface method index / global index */
    struct ChkFunc *fn; /* OBJ_FUNC with a body: its ChkFunc; local OBJ_VAR: owning ChkFunc */
    /* checker-private */
    int state;     /* package objects: 0 unresolved, 1 resolving, 2 done */
    Node *spec;    /* package objects: VALUE_SPEC/TYPE_SPEC/FUNC_DECL */
    int spec_i;    /* position of the name in its VALUE_SPEC */
    int order;     /* declaration order (package objects) */
    void *deps;    /* checker-private dependency list */
    int mark;      /* checker-private traversal stamp */
};

/* Pkg: a package: main or one of the built-in API packages. */
struct Pkg {
    const char *path; /* "main", "sync/atomic" */
    const char *name; /* "main", "atomic" */
    Scope *scope;
    int native;       /* built-in API package */
};

/* Scope: names declared in a block, hashed. */
struct Scope {
    Scope *parent;
    Obj **tab; /* open addressing, cap a power of two */
    int cap, n;
    int is_func; /* function scope boundary (for captures) */
    struct ChkFunc *fn;
};

/* Node flags (Node.flags): a sub-kind in the low 5 bits, then bits. */
#define NF_SUBKIND_MASK 0x1fu
#define NF_SEL(n) ((n)->flags & NF_SUBKIND_MASK)
#define NF_CALL(n) ((n)->flags & NF_SUBKIND_MASK)
#define NF_RANGE(n) ((n)->flags & NF_SUBKIND_MASK)
enum { SEL_NONE, SEL_FIELD, SEL_METHOD, SEL_IFACE_METHOD, SEL_METHOD_EXPR, SEL_PKG };
enum { CALL_NONE, CALL_CONV, CALL_BUILTIN, CALL_FUNC, CALL_METHOD, CALL_IFACE, CALL_VALUE };
enum { RANGE_NONE, RANGE_INT, RANGE_SLICE, RANGE_ARRAY, RANGE_PTR_ARRAY, RANGE_STRING, RANGE_MAP, RANGE_CHAN };
enum {
    NF_TYPEEXPR = 1u << 8,    /* expression denotes a type */
    NF_CONST = 1u << 9,       /* constant expression; cv set */
    NF_IMPLICIT = 1u << 10,   /* node inserted by the checker */
    NF_COMMAOK = 1u << 11,    /* two-value form v, ok */
    NF_SPREAD = 1u << 12,     /* f(g()) multi-value argument spread */
    NF_MAPINDEX = 1u << 13,   /* INDEX on a map */
    NF_ADDRESSABLE = 1u << 14,/* addressable operand */
    NF_VOID = 1u << 15,       /* call without results */
    NF_CHECKED = 1u << 16,    /* checker-private: already typed */
    NF_TERMINATES = 1u << 17, /* checker-private */
};

/* TyCtx: owns every type/object/scope; holds the universe. */
typedef struct TyCtx {
    Arena arena;
    int next_id;
    Type *basic[TY__COUNT];
    Type *byte_t, *rune_t;
    Type *error_t;   /* the universe's `error` (named) */
    Type *any_t;     /* interface{} (the universe's `any`) */
    Type *void_t;    /* empty tuple */
    Type *invalid_t;
    Scope *universe;
    Obj *nil_obj;
    Pkg *cur_pkg;    /* the package whose types print unqualified */
} TyCtx;

/* ty_init: a context with the universe (basic types, any, error, true,
 * false, iota, nil, builtins). Free with ty_free. */
void ty_init(TyCtx *c);
void ty_free(TyCtx *c);

/* Constructors; all allocate in c's arena. */
Type *ty_basic(TyCtx *c, TyKind k);
Type *ty_new(TyCtx *c, TyKind k);
Type *ty_pointer(TyCtx *c, Type *elem);
Type *ty_slice(TyCtx *c, Type *elem);
Type *ty_array(TyCtx *c, Type *elem, int64_t len);
Type *ty_map(TyCtx *c, Type *key, Type *val);
Type *ty_chan(TyCtx *c, Type *elem, ChanDir dir);
Type *ty_tuple(TyCtx *c, Type **types, int n);
Type *ty_named(TyCtx *c, Obj *obj, Type *under);
Obj *ty_obj(TyCtx *c, ObjKind k, const char *name, Type *t, Pos pos);

/* Scopes. */
Scope *ty_scope(TyCtx *c, Scope *parent);
/* ty_scope_insert: add [o]; returns the previous object of that name in
 * [s] itself (and does not insert), or NULL on success. */
Obj *ty_scope_insert(TyCtx *c, Scope *s, Obj *o);
/* ty_scope_lookup: [name] in [s] only; NULL if absent. */
Obj *ty_scope_lookup(const Scope *s, const char *name);
/* ty_lookup: [name] in [s] and its parents; *[found] (if non-NULL) gets the
 * scope where it was found. */
Obj *ty_lookup(Scope *s, const char *name, Scope **found);

/* Predicates (on underlying types where Go says so). */
Type *ty_under(Type *t);
int ty_is_untyped(const Type *t);
int ty_is_integer(Type *t);
int ty_is_unsigned(Type *t);
int ty_is_float(Type *t);
int ty_is_numeric(Type *t);
int ty_is_string(Type *t);
int ty_is_boolean(Type *t);
int ty_is_interface(Type *t);
int ty_is_named(const Type *t);
int ty_is_basic(const Type *t);
int ty_comparable(Type *t);
int ty_ordered(Type *t);
int ty_has_nil(Type *t);
int ty_size_bits(Type *t); /* int kinds: 8..64 (int, uint = 64) */
/* ty_default: the default type of an untyped type (int, rune=int32,
 * float64, string, bool); other types unchanged. */
Type *ty_default(TyCtx *c, Type *t);

int ty_identical(Type *x, Type *y);

/* ty_assignable: whether a value of type [v] (untyped types allowed, except
 * constants' representability, checked elsewhere) is assignable to [t]. */
int ty_assignable(TyCtx *c, Type *v, Type *t);
/* ty_convertible: non-constant conversion of [v] to [t]. */
int ty_convertible(TyCtx *c, Type *v, Type *t);

/* Selection: result of looking up a field or method. */
typedef struct TySel {
    Obj *obj;       /* field or method; NULL if not found */
    int path[16];   /* embedded field indices leading to obj (not including obj) */
    int npath;
    int indirect;   /* a pointer was dereferenced on the way */
    int ambiguous;
} TySel;

/* ty_lookup_field_or_method: find [name] in type [t] (a pointer to a named
 * type included) as Go's LookupFieldOrMethod. */
TySel ty_lookup_field_or_method(TyCtx *c, Type *t, const char *name);

/* ty_missing_method: if [t] does not implement interface [iface], the
 * first missing method (by name order) and *[wrong_type] set if a method of
 * that name exists with another signature, *[ptr_recv] if only *t has it;
 * NULL if t implements iface. */
Obj *ty_missing_method(TyCtx *c, Type *t, Type *iface, int *wrong_type, int *ptr_recv);

/* ty_iface_complete: flatten embedded interfaces into the method list. */
void ty_iface_complete(TyCtx *c, Type *iface);

/* ty_add_method: record method [m] on named type [named]. */
void ty_add_method(TyCtx *c, Type *named, Obj *m);

/* ty_string: write [t] as Go prints it into [buf] ([size] bytes). Types of
 * c->cur_pkg print unqualified (messages) unless [qualify] (as %T: main.T).
 * Returns buf. */
char *ty_string(TyCtx *c, Type *t, int qualify, char *buf, int size);

/* ty_fmt: ty_string into a new arena string (messages). */
const char *ty_fmt(TyCtx *c, Type *t);

/* ty_basic_name: the name of a basic kind ("int", "untyped int"). */
const char *ty_basic_name(TyKind k);

/* ty_sig_params_tuple: the parameter (or result) types of signature [f] as
 * a tuple type. */
Type *ty_sig_tuple(TyCtx *c, Type *f, int results);

#endif
