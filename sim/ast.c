/* ast: node allocation, kind names and the s-expression dump used by tests. */
#include "ast.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {
#define AST_NAME(k) #k,
    AST_KINDS(AST_NAME)
#undef AST_NAME
};

Node *ast_new(Arena *a, AstKind kind, Pos pos) {
    Node *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->pos = pos;
    return n;
}

NodeList ast_list(Arena *a, Node **items, int n) {
    NodeList l = {NULL, n};
    if (n > 0) {
        l.items = arena_alloc(a, sizeof(Node *) * (size_t)n);
        memcpy(l.items, items, sizeof(Node *) * (size_t)n);
    }
    return l;
}

Pos ast_start_pos(const Node *n) {
    while (n->kind == AST_BINARY || n->kind == AST_SEND) n = n->u.binary.x;
    return n->pos;
}

const char *ast_kind_name(AstKind k) { return (unsigned)k < AST__COUNT ? kind_names[k] : "?"; }

void ast_free(AstFile *f) {
    arena_free(&f->arena);
    f->root = NULL;
}

/* ---------------------------------------------------------------- dump */

static void dump(const Node *n, FILE *out, int ind, int flags);

static void nl(FILE *out, int ind) {
    fputc('\n', out);
    for (int i = 0; i < ind; i++) fputc(' ', out);
}

static void child(const Node *n, FILE *out, int ind, int flags) {
    nl(out, ind);
    if (n) dump(n, out, ind, flags);
    else fputs("_", out);
}

static void list(NodeList l, FILE *out, int ind, int flags) {
    for (int i = 0; i < l.n; i++) child(l.items[i], out, ind, flags);
}

/* list_group: a bracketed list, so that empty and absent lists show. */
static void list_group(const char *name, NodeList l, FILE *out, int ind, int flags) {
    nl(out, ind);
    fprintf(out, "[%s", name);
    list(l, out, ind + 2, flags);
    fputc(']', out);
}

static const char *tok(TokKind k) { return lex_token_text(k); }

static void dump(const Node *n, FILE *out, int ind, int flags) {
    int in = ind + 2;
    fprintf(out, "(%s", ast_kind_name(n->kind));
    if (flags & AST_DUMP_POS) fprintf(out, " @%d:%d", n->pos.line, n->pos.col);
    switch (n->kind) {
    case AST_BAD_EXPR: case AST_BAD_STMT: case AST_EMPTY_STMT: break;
    case AST_IDENT: fprintf(out, " %s", n->u.ident.name); break;
    case AST_BASIC_LIT: fprintf(out, " %.*s", n->u.lit.rawlen, n->u.lit.raw); break;
    case AST_COMPOSITE_LIT:
        child(n->u.composite.type, out, in, flags);
        list(n->u.composite.elts, out, in, flags);
        break;
    case AST_FUNC_LIT:
        child(n->u.func_lit.type, out, in, flags);
        child(n->u.func_lit.body, out, in, flags);
        break;
    case AST_PAREN: case AST_STAR: case AST_EXPR_STMT: case AST_GO: case AST_DEFER:
        child(n->u.unary.x, out, in, flags);
        break;
    case AST_ELLIPSIS:
        if (n->u.unary.x) child(n->u.unary.x, out, in, flags);
        break;
    case AST_UNARY:
        fprintf(out, " %s", tok(n->u.unary.op));
        child(n->u.unary.x, out, in, flags);
        break;
    case AST_SELECTOR:
        child(n->u.selector.x, out, in, flags);
        child(n->u.selector.sel, out, in, flags);
        break;
    case AST_INDEX:
        child(n->u.index.x, out, in, flags);
        list(n->u.index.indices, out, in, flags);
        break;
    case AST_SLICE_EXPR:
        if (n->u.slice.slice3) fputs(" 3", out);
        child(n->u.slice.x, out, in, flags);
        child(n->u.slice.lo, out, in, flags);
        child(n->u.slice.hi, out, in, flags);
        if (n->u.slice.slice3) child(n->u.slice.max, out, in, flags);
        break;
    case AST_TYPE_ASSERT:
        child(n->u.type_assert.x, out, in, flags);
        if (n->u.type_assert.type_) child(n->u.type_assert.type_, out, in, flags);
        else fputs(" type", out);
        break;
    case AST_CALL:
        if (n->u.call.has_ellipsis) fputs(" ...", out);
        child(n->u.call.fun, out, in, flags);
        list(n->u.call.args, out, in, flags);
        break;
    case AST_BINARY: case AST_SEND:
        fprintf(out, " %s", n->kind == AST_SEND ? "<-" : tok(n->u.binary.op));
        child(n->u.binary.x, out, in, flags);
        child(n->u.binary.y, out, in, flags);
        break;
    case AST_KEY_VALUE:
        child(n->u.binary.x, out, in, flags);
        child(n->u.binary.y, out, in, flags);
        break;
    case AST_ARRAY_TYPE:
        child(n->u.array_type.len, out, in, flags);
        child(n->u.array_type.elem, out, in, flags);
        break;
    case AST_STRUCT_TYPE: case AST_INTERFACE_TYPE: list(n->u.fields.fields, out, in, flags); break;
    case AST_FUNC_TYPE:
        if (n->u.func_type.type_params.n) list_group("tparams", n->u.func_type.type_params, out, in, flags);
        list_group("params", n->u.func_type.params, out, in, flags);
        list_group("results", n->u.func_type.results, out, in, flags);
        break;
    case AST_MAP_TYPE:
        child(n->u.map_type.key, out, in, flags);
        child(n->u.map_type.value, out, in, flags);
        break;
    case AST_CHAN_TYPE:
        fputs(n->u.chan_type.dir == CHAN_SEND ? " chan<-" : n->u.chan_type.dir == CHAN_RECV ? " <-chan" : " chan",
              out);
        child(n->u.chan_type.value, out, in, flags);
        break;
    case AST_DECL_STMT: child(n->u.decl_stmt.decl, out, in, flags); break;
    case AST_LABELED:
        child(n->u.labeled.label, out, in, flags);
        child(n->u.labeled.stmt, out, in, flags);
        break;
    case AST_INC_DEC:
        fprintf(out, " %s", tok(n->u.inc_dec.tok));
        child(n->u.inc_dec.x, out, in, flags);
        break;
    case AST_ASSIGN:
        fprintf(out, " %s", tok(n->u.assign.tok));
        list_group("lhs", n->u.assign.lhs, out, in, flags);
        list_group("rhs", n->u.assign.rhs, out, in, flags);
        break;
    case AST_RETURN: list(n->u.ret.results, out, in, flags); break;
    case AST_BRANCH:
        fprintf(out, " %s", tok(n->u.branch.tok));
        if (n->u.branch.label) fprintf(out, " %s", n->u.branch.label->u.ident.name);
        break;
    case AST_BLOCK: list(n->u.block.stmts, out, in, flags); break;
    case AST_IF:
        child(n->u.if_.init, out, in, flags);
        child(n->u.if_.cond, out, in, flags);
        child(n->u.if_.then, out, in, flags);
        child(n->u.if_.else_, out, in, flags);
        break;
    case AST_CASE_CLAUSE:
        if (n->u.clause.list.n) list_group("case", n->u.clause.list, out, in, flags);
        else fputs(" default", out);
        list(n->u.clause.body, out, in, flags);
        break;
    case AST_COMM_CLAUSE:
        if (n->u.clause.comm) child(n->u.clause.comm, out, in, flags);
        else fputs(" default", out);
        list(n->u.clause.body, out, in, flags);
        break;
    case AST_SWITCH: case AST_TYPE_SWITCH:
        child(n->u.switch_.init, out, in, flags);
        child(n->u.switch_.tag, out, in, flags);
        child(n->u.switch_.body, out, in, flags);
        break;
    case AST_SELECT: child(n->u.switch_.body, out, in, flags); break;
    case AST_FOR:
        child(n->u.for_.init, out, in, flags);
        child(n->u.for_.cond, out, in, flags);
        child(n->u.for_.post, out, in, flags);
        child(n->u.for_.body, out, in, flags);
        break;
    case AST_RANGE:
        if (n->u.range.tok) fprintf(out, " %s", tok(n->u.range.tok));
        child(n->u.range.key, out, in, flags);
        child(n->u.range.value, out, in, flags);
        child(n->u.range.x, out, in, flags);
        child(n->u.range.body, out, in, flags);
        break;
    case AST_FIELD:
        for (int i = 0; i < n->u.field.names.n; i++) fprintf(out, " %s", n->u.field.names.items[i]->u.ident.name);
        child(n->u.field.type, out, in, flags);
        if (n->u.field.tag) child(n->u.field.tag, out, in, flags);
        break;
    case AST_IMPORT_SPEC:
        if (n->u.import_spec.name) fprintf(out, " %s", n->u.import_spec.name->u.ident.name);
        if (n->u.import_spec.path)
            fprintf(out, " %.*s", n->u.import_spec.path->u.lit.rawlen, n->u.import_spec.path->u.lit.raw);
        break;
    case AST_VALUE_SPEC:
        fprintf(out, " iota=%d", n->u.value_spec.iota);
        for (int i = 0; i < n->u.value_spec.names.n; i++)
            fprintf(out, " %s", n->u.value_spec.names.items[i]->u.ident.name);
        child(n->u.value_spec.type, out, in, flags);
        list(n->u.value_spec.values, out, in, flags);
        break;
    case AST_TYPE_SPEC:
        fprintf(out, " %s%s", n->u.type_spec.name->u.ident.name, n->u.type_spec.assign ? " =" : "");
        if (n->u.type_spec.type_params.n) list_group("tparams", n->u.type_spec.type_params, out, in, flags);
        child(n->u.type_spec.type, out, in, flags);
        break;
    case AST_GEN_DECL:
        fprintf(out, " %s", tok(n->u.gen_decl.tok));
        list(n->u.gen_decl.specs, out, in, flags);
        break;
    case AST_FUNC_DECL:
        fprintf(out, " %s", n->u.func_decl.name ? n->u.func_decl.name->u.ident.name : "_");
        if (n->u.func_decl.recv.n) list_group("recv", n->u.func_decl.recv, out, in, flags);
        child(n->u.func_decl.type, out, in, flags);
        child(n->u.func_decl.body, out, in, flags);
        break;
    case AST_FILE:
        fprintf(out, " %s", n->u.file.package_name ? n->u.file.package_name->u.ident.name : "_");
        list(n->u.file.imports, out, in, flags);
        list(n->u.file.decls, out, in, flags);
        break;
    default: break;
    }
    fputc(')', out);
}

void ast_dump(const Node *n, FILE *out) { ast_dump_opts(n, out, 0); }

void ast_dump_opts(const Node *n, FILE *out, int flags) {
    if (n) dump(n, out, 0, flags);
    else fputs("_", out);
    fputc('\n', out);
}
